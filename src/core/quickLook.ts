/**
 * What a note may hold, told without reading it line by line: the one prefilter, used by the
 * note parser on text and by the file reader on UTF-8 bytes (which it then need not decode).
 * Both markers are ASCII, so a byte and a UTF-16 code unit compare the same way. A "yes"
 * may be wrong (the parser decides); a "no" never is.
 */
import { FEEDBACK_LABEL, HEARD_LABEL } from './feedback';

type Units = string | Uint8Array;

/** The code unit (or byte) at `i`, NaN past the end (which matches nothing). */
function unitAt(units: Units, i: number): number {
  return typeof units === 'string' ? units.charCodeAt(i) : (units[i] ?? NaN);
}

function indexOfUnit(units: Units, unit: number, from: number): number {
  return typeof units === 'string' ? units.indexOf(String.fromCharCode(unit), from) : units.indexOf(unit, from);
}

/** Whether `lower` (ASCII, lower case) starts at `at`, in any letter case. */
function startsAt(units: Units, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    // `| 32` folds ASCII upper case to lower case and maps nothing else onto these letters.
    if ((unitAt(units, at + k) | 32) !== lower.charCodeAt(k)) return false;
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
export function mayHoldTag(units: Units): boolean {
  for (let i = indexOfUnit(units, HASH, 0); i !== -1; i = indexOfUnit(units, HASH, i + 1)) {
    if (startsAt(units, i + 1, TAG)) return true;
  }
  return false;
}

/** Whether `**` or `__` appears: a field is impossible without one. */
export function mayHoldField(units: Units): boolean {
  for (const mark of [0x2a, 0x5f]) {
    for (let i = indexOfUnit(units, mark, 0); i !== -1; i = indexOfUnit(units, mark, i + 1)) {
      if (unitAt(units, i + 1) === mark) return true;
    }
  }
  return false;
}

const FEEDBACK_STARTS = [FEEDBACK_LABEL.toLowerCase(), HEARD_LABEL.toLowerCase()];

/**
 * Whether a feedback field may appear: `**` or `__` followed (after blanks) by the start of
 * a feedback label, in any letter case. The feedback features read those fields from every
 * note, rupture or not; the word "feedback" in prose does not count.
 */
export function mayHoldFeedback(units: Units): boolean {
  for (const mark of [0x2a, 0x5f]) {
    for (let i = indexOfUnit(units, mark, 0); i !== -1; i = indexOfUnit(units, mark, i + 1)) {
      if (unitAt(units, i + 1) !== mark) continue;
      let at = i + 2;
      while (unitAt(units, at) === 0x20 || unitAt(units, at) === 0x09) at++;
      if (FEEDBACK_STARTS.some((label) => startsAt(units, at, label))) return true;
    }
  }
  return false;
}
