/**
 * What a note may hold, told without reading it line by line: the one prefilter, used by the
 * note parser on text and by the file reader on UTF-8 bytes (which it then need not decode).
 * Both markers are ASCII, so a byte and a UTF-16 code unit compare the same way. A "yes"
 * may be wrong (the parser decides); a "no" never is. Text and bytes each have their own
 * loop, so the engine optimises each for one kind of input (this runs on every note a scan
 * reads); a property test holds the two to the same answers.
 */
import { fieldKey, LABEL_STARTS } from './fieldKeys';

/** Whether `lower` (ASCII, lower case) starts at `at` in the text, in any letter case. */
export function textStartsAt(text: string, at: number, lower: string): boolean {
  if (at + lower.length > text.length) return false;
  for (let k = 0; k < lower.length; k++) {
    // `| 32` folds ASCII upper case to lower case and maps nothing else onto these letters.
    if ((text.charCodeAt(at + k) | 32) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

/** The same for bytes. */
function bytesStartsAt(bytes: Uint8Array, at: number, lower: string): boolean {
  if (at + lower.length > bytes.length) return false;
  for (let k = 0; k < lower.length; k++) {
    if ((bytes[at + k] | 32) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

const HASH = 0x23;
const TAG = 'rupture';

/**
 * Whether `#rupture` appears anywhere, in any case (as `/#rupture/i` would find it). Most
 * notes hold no tag; `#` is rare, so jumping from one to the next with `indexOf` is several
 * times faster than the case-insensitive regular expression.
 */
export function mayHoldTag(units: string | Uint8Array): boolean {
  if (typeof units === 'string') {
    for (let i = units.indexOf('#'); i !== -1; i = units.indexOf('#', i + 1)) if (textStartsAt(units, i + 1, TAG)) return true;
    return false;
  }
  for (let i = units.indexOf(HASH); i !== -1; i = units.indexOf(HASH, i + 1)) if (bytesStartsAt(units, i + 1, TAG)) return true;
  return false;
}

/** Whether `**` or `__` appears in the text: a field is impossible without one. */
export function mayHoldField(text: string): boolean {
  return text.includes('**') || text.includes('__');
}

/**
 * What the prefilter looks for: the start of each feedback label (in each language) up to its
 * first letter outside ASCII, so a byte compares as a code unit does; a "yes" may be wrong.
 */
const FEEDBACK_STARTS = [...new Set(LABEL_STARTS.map(({ start }) => /^[\x00-\x7f]*/.exec(start)?.[0] ?? ''))];

/** Whether a field's label is a feedback field's (what the index keeps of a note's own fields). */
export function isFeedbackLabel(label: string): boolean {
  // fieldKey remembers the labels it has seen; a feedback field's key is found by the start of its label.
  const key = fieldKey(label);
  return key === 'feedback-score' || key === 'feedback-heard';
}

/**
 * Whether a feedback field may appear: `**` or `__` followed (after blanks) by the start of
 * a feedback label, in any letter case. The feedback features read those fields from every
 * note, rupture or not; the word "feedback" in prose does not count.
 */
export function mayHoldFeedback(units: string | Uint8Array): boolean {
  if (typeof units === 'string') {
    for (const mark of ['*', '_']) {
      for (let i = units.indexOf(mark); i !== -1; i = units.indexOf(mark, i + 1)) {
        if (units.charCodeAt(i + 1) !== mark.charCodeAt(0)) continue;
        let at = i + 2;
        while (at < units.length && (units.charCodeAt(at) === 0x20 || units.charCodeAt(at) === 0x09)) at++;
        for (const label of FEEDBACK_STARTS) if (textStartsAt(units, at, label)) return true;
      }
    }
    return false;
  }
  for (const mark of [0x2a, 0x5f]) {
    for (let i = units.indexOf(mark); i !== -1; i = units.indexOf(mark, i + 1)) {
      if (i + 1 >= units.length || units[i + 1] !== mark) continue;
      let at = i + 2;
      while (at < units.length && (units[at] === 0x20 || units[at] === 0x09)) at++;
      for (const label of FEEDBACK_STARTS) if (bytesStartsAt(units, at, label)) return true;
    }
  }
  return false;
}

/**
 * What the index must read a note for, decided once here for bytes and text alike:
 * - `tag`: it may hold a rupture tag, so it is read whole (entries, their fields, follow-ups);
 * - `feedback`: no tag, but it may hold a feedback field, so it is read whole for that field;
 * - `head`: neither, so its front matter and first line of writing are all the index needs
 *   (client, date, whether a session was written up); a file reader need not decode the rest.
 */
export type Look = 'tag' | 'feedback' | 'head';

export function lookAt(units: string | Uint8Array): Look {
  if (mayHoldTag(units)) return 'tag';
  return mayHoldFeedback(units) ? 'feedback' : 'head';
}
