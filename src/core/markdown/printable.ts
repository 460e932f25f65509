/**
 * Text from notes, file names and settings, made safe to print to a terminal. A heading, a
 * file name or a setting's value can hold control characters (ESC starts sequences that clear
 * the screen, set the window title or fake a prompt; CSI U+009B does the same in one
 * character) or bidirectional overrides that make text read in another order; printed raw,
 * the terminal obeys them. Each is shown as a visible escape instead: `\x1b`, `\n`, `\u202e`.
 * JSON output writes the same characters as `\uXXXX`, still valid JSON for the same text.
 */

// C0 controls but tab, DEL, C1 controls, line and paragraph separators, and the
// bidirectional overrides and isolates that can make text read in another order.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same, but a line feed, or a carriage return ending a line (CRLF notes), is kept.
const CONTROL_BUT_NEWLINE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// What JSON.stringify leaves raw that a terminal still obeys (it escapes C0 itself).
const JSON_RAW = /[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field (a title, a file name, a client code) with every control character escaped. */
export function printable(text: string): string {
  return text.replace(CONTROL, escape);
}

/** Several lines of text (a checklist, an export): control characters escaped, line breaks kept. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escape);
}

/**
 * A value as indented JSON, every character a terminal would obey written as `\uXXXX`.
 * Outside strings JSON holds only ASCII, so every such character is inside a string.
 */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A code or title for a VS Code label, where `$(name)` would render as an icon: each `$(` is
 * escaped with a backslash, as VS Code's own escapeIcons does, so it shows literally.
 */
export function literalIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
