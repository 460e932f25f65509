/**
 * Text from notes and file names, made safe to print to a terminal. A heading or a file
 * name can hold control characters (ESC starts sequences that clear the screen, set the
 * window title or fake a prompt); printed raw, the terminal obeys them. Each is shown as
 * a visible escape instead: `\x1b`, `\n`, `\u202e`.
 */

// C0 controls but tab, DEL, C1 controls, line and paragraph separators, and the
// bidirectional overrides and isolates that can make text read in another order.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

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

/** Several lines of text (a checklist): control characters escaped, line breaks kept. */
export function printableLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escape);
}
