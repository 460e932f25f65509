/**
 * Fields: the `**Label:** value` lines a reflection is made of. Patterns, feedback, the
 * supervision export and the checklist read them back, so they are parsed once, here.
 */

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

/**
 * `**Label:** value`, `**Label**: value`, and a question with no colon, `**Label?** value`;
 * `__` works like `**`, and a list marker may come first. The label may not hold its own
 * delimiter, so `**a** and **b:** c` is no field.
 */
const FIELD = /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(\*\*|__)((?:(?!\1)[^\r\n])+?)(?::[ \t]*\1|\1[ \t]*:|(?<=\?)\1)(.*)$/;

/** Reads a field from a line's content (from its first non-blank character), or undefined. */
export function parseField(content: string, line: number): Field | undefined {
  const m = FIELD.exec(content);
  if (!m) return undefined;
  const label = m[2].trim();
  if (!label) return undefined;
  return { label, value: m[3].trim(), line };
}

/**
 * Whether the line content from `from` to `end` starts as a field does: `**` or `__`, after
 * an optional list marker and blanks. Only such lines are worth copying out for the
 * regular expression; most lines of a note are not.
 */
export function mayBeField(text: string, from: number, end: number): boolean {
  // Every read stays before `end`: reading past a string's end slows the optimised code down.
  if (end - from < 2) return false;
  let i = from;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) i++;
  else while (i < end && i - from < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i > from) {
    // A digit run needs its `.` or `)`; a marker needs a blank after it.
    if (c >= 48 && c <= 57) {
      if (i === end) return false;
      const d = text.charCodeAt(i);
      if (d !== 46 && d !== 41) return false;
      i++;
    }
    const blanks = i;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    // `**` with no blank after it is the field's own delimiter, not a marker and a delimiter.
    if (i === blanks) i = from;
  }
  if (i + 1 >= end) return false;
  const d = text.charCodeAt(i);
  return (d === 42 || d === 95) && text.charCodeAt(i + 1) === d;
}

/** Labels compare case-insensitively, with runs of white space as one. */
export function sameLabel(a: string, b: string): boolean {
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
  const v = normaliseValue(value);
  return v !== '' && v !== NOT_FILLED_IN;
}
