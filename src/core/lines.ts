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

/** Splits text into lines without copying it; the last line may be empty. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ start, end: i, eol: '\n' });
      start = i + 1;
    } else if (c === 13 /* \r */) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        lines.push({ start, end: i, eol: '\r\n' });
        i++;
      } else {
        lines.push({ start, end: i, eol: '\r' });
      }
      start = i + 1;
    }
  }
  lines.push({ start, end: n, eol: '' });
  return lines;
}

/** The line break a note mostly uses, so inserted text matches the file around it. */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
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
