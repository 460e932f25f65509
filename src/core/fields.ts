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

/** Whether a line starting with this character can hold a field: worth a regular expression. */
export function mayStartField(code: number): boolean {
  // * _ - + and digits (an ordered list marker).
  return code === 42 || code === 95 || code === 45 || code === 43 || (code >= 48 && code <= 57);
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
