/**
 * Line handling shared by the parser and the editors of notes.
 *
 * Line breaks are `\r\n`, `\n` or a lone `\r`, the same three VS Code's text model
 * recognises, so a line number here is the line number the editor shows.
 */

export interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the line's content, before its line break. */
  readonly end: number;
  /** The line break that ends this line: '', '\n', '\r\n' or '\r'. */
  readonly eol: string;
}

/**
 * Splits text into lines without copying it; the last line may be empty. Breaks are found
 * with `indexOf`, which V8 runs far faster than a loop over every character (a 20,000-line
 * note splits in a fraction of a millisecond).
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      lines.push({ start, end: lf, eol: '\n' });
      start = lf + 1;
      lf = text.indexOf('\n', start);
    } else if (lf === cr + 1) {
      lines.push({ start, end: cr, eol: '\r\n' });
      start = lf + 1;
      lf = text.indexOf('\n', start);
      cr = text.indexOf('\r', start);
    } else {
      lines.push({ start, end: cr, eol: '\r' });
      start = cr + 1;
      cr = text.indexOf('\r', start);
    }
  }
  lines.push({ start, end: text.length, eol: '' });
  return lines;
}

/**
 * The line break a note mostly uses, so inserted text matches the file around it. A note
 * of lone CRs gets CR: `\n` inserted right after a lone CR would join it into one CRLF,
 * and a blank line meant to set the text apart would vanish.
 */
export function dominantEol(text: string): '\n' | '\r\n' | '\r' {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr++;
  cr -= crlf;
  if (cr > lf && cr > crlf) return '\r';
  return crlf > lf ? '\r\n' : '\n';
}

/** Rewrites every line break of generated text (always written with `\n`) to `eol`. */
export function withEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/** Leading indentation in columns, with tabs advancing to the next multiple of four. */
export function indentWidth(text: string, start: number, end: number): { width: number; next: number } {
  let width = 0;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) width++;
    else if (c === 9) width += 4 - (width % 4);
    else break;
  }
  return { width, next: i };
}

/** Converts an offset to a zero-based line and character, given the note's lines. */
export function positionAt(lines: readonly Line[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lines[lo].start };
}

/** A UTF-16 code unit `/\s/` matches, the same that `String#trim` removes. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
