/**
 * Fields: the `**Label:** value` lines a reflection is made of. Patterns, feedback, the
 * supervision export and the checklist read them back, so they are parsed once, here.
 */
import { isSpace } from '../markdown/lines';
import { NOT_FILLED_IN_WORDS } from './fieldKeys';

export interface Field {
  /** The label as written, without its colon; a closing `?` is kept. */
  readonly label: string;
  /** The rest of the line, trimmed. */
  readonly value: string;
  /** Zero-based line. */
  readonly line: number;
}

/**
 * The first option of every choice list in the templates. VS Code inserts a choice list's
 * first option when the therapist moves on without choosing, so that option must read as
 * "not answered" and never as an answer; features that read fields skip it.
 */
export const NOT_FILLED_IN = '(not filled in)';

/** That option in every template language, normalised: none of them is an answer. */
const NOT_FILLED = new Set(NOT_FILLED_IN_WORDS.map((w) => normaliseValue(w)));

/** From `lastIndex`, a run of characters up to the end of the line; it stops early at a line or paragraph separator. */
const SEPARATOR_FREE = /[^\n\r\u2028\u2029]*/y;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * The field on the line from `from` (its first non-blank character) to `end`, or undefined:
 * `**Label:** value`, `**Label**: value`, and a question with no colon, `**Label?** value`;
 * `__` works like `**`, and a list marker may come first. The label may not hold its own
 * delimiter, so `**a** and **b:** c` is no field. Read by hand, without copying the line out:
 * the regular expression it replaces (kept in the tests, which hold the two to the same
 * answers) needed a back-reference and a look-behind, and cost most of the parse of a long note.
 * `separators`: whether the text may hold U+2028 or U+2029 at all.
 */
export function fieldAt(text: string, from: number, end: number, line: number, separators = true): Field | undefined {
  // The shortest field, `**?**`, has five characters.
  if (end - from < 5) return undefined;
  // An optional list marker (`-`, `*`, `+`, or up to nine digits and `.` or `)`), then blanks.
  let i = from;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) i++;
  else while (i < end && i - from < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i > from) {
    let marker = true;
    if (c >= 48 && c <= 57) {
      const d = i < end ? text.charCodeAt(i) : 0;
      if (d === 46 || d === 41) i++;
      else marker = false;
    }
    const blanks = i;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    if (!marker || i === blanks) i = from;
  }
  // The delimiter, `**` or `__`; the label may not hold it, so it ends at its next one at the latest.
  if (i + 1 >= end) return undefined;
  const d = text.charCodeAt(i);
  if ((d !== 42 && d !== 95) || text.charCodeAt(i + 1) !== d) return undefined;
  const delimiter = d === 42 ? '**' : '__';
  const labelStart = i + 2;
  const close = text.indexOf(delimiter, labelStart);
  if (close === -1 || close >= end - 1 || close === labelStart) return undefined;
  // The shortest label wins: a colon inside the delimiters (`**Label:**`) as early as it comes,
  // else the delimiters then a colon (`**Label**:`), else a closing `?` (`**Label?**`).
  let labelEnd = -1;
  let valueStart = -1;
  for (let k = labelStart + 1; k < close; k++) {
    if (text.charCodeAt(k) !== 58) continue;
    let j = k + 1;
    while (j < close && isBlank(text.charCodeAt(j))) j++;
    if (j === close) {
      labelEnd = k;
      valueStart = close + 2;
      break;
    }
  }
  if (labelEnd === -1) {
    let j = close + 2;
    while (j < end && isBlank(text.charCodeAt(j))) j++;
    if (j < end && text.charCodeAt(j) === 58) {
      labelEnd = close;
      valueStart = j + 1;
    } else if (text.charCodeAt(close - 1) === 63) {
      labelEnd = close;
      valueStart = close + 2;
    } else return undefined;
  }
  // As `.` in that expression, the value may hold no line or paragraph separator
  // (`separators`: false when the caller knows the text holds none, sparing the scan).
  if (separators) {
    SEPARATOR_FREE.lastIndex = valueStart;
    SEPARATOR_FREE.test(text);
    if (SEPARATOR_FREE.lastIndex < end) return undefined;
  }
  const label = trimmed(text, labelStart, labelEnd);
  if (!label) return undefined;
  return { label, value: trimmed(text, valueStart, end), line };
}

/** `text.slice(start, end).trim()`, copied out once. */
function trimmed(text: string, start: number, end: number): string {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Labels compare case-insensitively, with runs of white space as one. */
function sameLabel(a: string, b: string): boolean {
  return normaliseValue(a) === normaliseValue(b);
}

/** The first field with this label, or undefined. */
export function findField(fields: readonly Field[], label: string): Field | undefined {
  return fields.find((f) => sameLabel(f.label, label));
}

/** Lower case, trimmed, runs of white space as one space: how values are compared and counted. */
export function normaliseValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether a value holds an answer: not empty, not the neutral "not filled in" choice. */
export function isFilled(value: string): boolean {
  const v = value.trim();
  // Only a value starting with "(" can be the neutral choice: the others need no normalising.
  return v !== '' && (v.charCodeAt(0) !== 40 || !NOT_FILLED.has(normaliseValue(v)));
}

// The feedback fields ("Alliance feedback score", "Feedback I asked for, and what I heard", and
// their words in the other template languages) are found by the start of their label: fieldKeys.
export { labelStartsWith } from './fieldKeys';
