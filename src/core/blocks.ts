/**
 * The one markdown block walker: which lines of a note are ordinary markdown, and which
 * lines are headings. Every feature that reads a note (rupture entries, fields, the
 * outline, anchors, the checklist, cue hints) walks it here, so that a fence, a comment
 * or a code block hides the same lines from all of them.
 */
import { indentWidth, type Line } from './lines';

export interface Heading {
  /** Zero-based line where the heading starts (a setext heading's first text line). */
  readonly line: number;
  readonly level: number;
  /** Character columns of the heading text on `line`, closing `#`s excluded. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** True for a setext heading (text underlined with `===` or `---`). */
  readonly setext?: boolean;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Where a line's content starts: after the BOM on the first line. */
export function contentFrom(text: string, line: Line): number {
  return line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start;
}

/** Parses an ATX heading on `line`, or returns undefined. Columns are relative to the line. */
export function parseHeading(text: string, line: Line, lineIndex: number): Heading | undefined {
  const { width, next } = indentWidth(text, contentFrom(text, line), line.end);
  if (width > 3) return undefined;
  let i = next;
  while (i < line.end && text.charCodeAt(i) === 35) i++;
  const level = i - next;
  if (level < 1 || level > 6) return undefined;
  if (i < line.end && !isBlank(text.charCodeAt(i))) return undefined;
  while (i < line.end && isBlank(text.charCodeAt(i))) i++;
  let end = line.end;
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  // A closing run of `#` counts only when it stands alone or after a space or tab.
  let hashes = end;
  while (hashes > i && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === i || isBlank(text.charCodeAt(hashes - 1)))) {
    end = hashes;
    while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  }
  return { line: lineIndex, level, contentStart: i - line.start, contentEnd: Math.max(i, end) - line.start };
}

interface Fence {
  readonly char: number;
  readonly length: number;
}

/** Opens a fenced code block if the line (indented at most three columns) starts one. */
function openFence(text: string, from: number, to: number): Fence | undefined {
  const char = text.charCodeAt(from);
  if (char !== 96 && char !== 126) return undefined;
  let n = 0;
  while (from + n < to && text.charCodeAt(from + n) === char) n++;
  if (n < 3) return undefined;
  // A backtick fence's info string may not hold a backtick (it would be a code span). The
  // search stays on the line: `indexOf` would run on to the next backtick of the note.
  if (char === 96) for (let i = from + n; i < to; i++) if (text.charCodeAt(i) === 96) return undefined;
  return { char, length: n };
}

function closesFence(text: string, line: Line, fence: Fence): boolean {
  const { width, next } = indentWidth(text, contentFrom(text, line), line.end);
  if (width > 3) return false;
  let n = 0;
  while (next + n < line.end && text.charCodeAt(next + n) === fence.char) n++;
  if (n < fence.length) return false;
  for (let i = next + n; i < line.end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a list item starts at `at`: `-`, `*`, `+`, `1.` or `1)` then a space, tab or the line's end. */
export function startsListItem(text: string, at: number, end: number): boolean {
  let i = at;
  const c = text.charCodeAt(i);
  if (c === 45 || c === 42 || c === 43) i++;
  else {
    while (i < end && i - at < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === at || (text.charCodeAt(i) !== 46 && text.charCodeAt(i) !== 41)) return false;
    i++;
  }
  return i === end || isBlank(text.charCodeAt(i));
}

/**
 * Walks the note's block structure and reports each line that is ordinary markdown: not
 * front matter (start at `firstLine`), not in a fenced code block, not in an HTML comment
 * block, not in an indented code block. Blank lines are reported too.
 *
 * Indented code (four or more columns) starts only after a blank line, a heading or the
 * start, and never inside a list: a nested list item indented by four spaces is still a
 * list, and an indented line right after a paragraph line continues the paragraph.
 */
export function forEachMarkdownLine(
  text: string,
  lines: readonly Line[],
  firstLine: number,
  visit: (line: Line, index: number, contentStart: number) => void,
): void {
  let fence: Fence | undefined;
  // Offset of the `-->` that ends the HTML comment block being walked, or -1 outside one.
  let commentClose = -1;
  let inCode = false;
  // Whether an indented line here would open a code block (after a blank line, a heading, a block, the start).
  let boundary = true;
  let inList = false;
  for (let index = firstLine; index < lines.length; index++) {
    const line = lines[index];
    if (fence) {
      if (closesFence(text, line, fence)) {
        fence = undefined;
        boundary = true;
      }
      continue;
    }
    if (commentClose !== -1) {
      if (commentClose + 3 <= line.end) {
        commentClose = -1;
        boundary = true;
      }
      continue;
    }
    const { width, next } = indentWidth(text, contentFrom(text, line), line.end);
    if (next === line.end) {
      // A blank line: visited, and it may let indented code open below it.
      boundary = true;
      if (!inCode) visit(line, index, next);
      continue;
    }
    if (width > 3) {
      if (inCode || (boundary && !inList)) {
        inCode = true;
        continue;
      }
      boundary = false;
      visit(line, index, next);
      continue;
    }
    inCode = false;
    if (startsListItem(text, next, line.end)) inList = true;
    else if (boundary) inList = false;
    boundary = false;
    fence = openFence(text, next, line.end);
    if (fence) continue;
    if (text.startsWith('<!--', next)) {
      const close = text.indexOf('-->', next + 4);
      // A comment that never closes runs to the end of the note.
      if (close === -1) return;
      if (close + 3 > line.end) commentClose = close;
      else boundary = true;
      continue;
    }
    if (text.charCodeAt(next) === 35 && parseHeading(text, line, index)) boundary = true;
    visit(line, index, next);
  }
}

/** The level of a setext underline (`===` is 1, `---` is 2) on a line indented at most three columns, or 0. */
function setextLevel(text: string, next: number, end: number): number {
  const c = text.charCodeAt(next);
  if (c !== 61 && c !== 45) return 0;
  let i = next;
  while (i < end && text.charCodeAt(i) === c) i++;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i === end ? (c === 61 ? 1 : 2) : 0;
}

/**
 * Collects headings, ATX and setext alike, from the lines a walk visits in order. A setext
 * heading is a paragraph (not a list item, not a quote) underlined by `===` or `---`; it is
 * reported at the paragraph's first line. Feed it every line `forEachMarkdownLine` visits.
 */
export class HeadingCollector {
  readonly headings: Heading[] = [];
  /** First line of the paragraph being walked, or -1 outside one. */
  private paragraphStart = -1;
  private paragraphLine: Line | undefined;
  private paragraphContent = 0;
  private lastIndex = -2;

  /** Feeds one visited line; returns the ATX heading on it, if it is one. */
  visit(text: string, line: Line, index: number, contentStart: number): Heading | undefined {
    // Lines skipped by the walk (code, comments) end any paragraph.
    if (index !== this.lastIndex + 1) this.paragraphStart = -1;
    this.lastIndex = index;
    if (contentStart === line.end) {
      this.paragraphStart = -1;
      return undefined;
    }
    const { width } = indentWidth(text, contentFrom(text, line), line.end);
    if (width <= 3) {
      const c = text.charCodeAt(contentStart);
      if (c === 35) {
        const heading = parseHeading(text, line, index);
        if (heading) {
          this.headings.push(heading);
          this.paragraphStart = -1;
          return heading;
        }
      }
      const level = this.paragraphStart === -1 ? 0 : setextLevel(text, contentStart, line.end);
      if (level > 0) {
        this.headings.push(this.setextHeading(text, level));
        this.paragraphStart = -1;
        return undefined;
      }
      if (this.paragraphStart === -1 && c !== 62 /* > */ && !startsListItem(text, contentStart, line.end)) {
        this.paragraphStart = index;
        this.paragraphLine = line;
        this.paragraphContent = contentStart;
      }
    }
    return undefined;
  }

  /** The heading a setext underline makes of the paragraph above it; its text columns are those of the first line. */
  private setextHeading(text: string, level: number): Heading {
    const line = this.paragraphLine as Line;
    let end = line.end;
    while (end > this.paragraphContent && isBlank(text.charCodeAt(end - 1))) end--;
    return { line: this.paragraphStart, level, contentStart: this.paragraphContent - line.start, contentEnd: end - line.start, setext: true };
  }
}

/** Every heading of a note, ATX and setext, in order, outside code, comments and front matter. */
export function collectHeadings(text: string, lines: readonly Line[], firstLine: number): Heading[] {
  const collector = new HeadingCollector();
  forEachMarkdownLine(text, lines, firstLine, (line, index, contentStart) => collector.visit(text, line, index, contentStart));
  return collector.headings;
}

/**
 * Zero-based line just past the section of `headings[at]`: the next heading of the same or
 * a higher level (as many `#` or fewer; setext `===` is level 1 and `---` level 2), or the
 * end of the note. The one definition every feature uses.
 */
export function sectionEnd(headings: readonly Pick<Heading, 'line' | 'level'>[], at: number, lineCount: number): number {
  const level = headings[at].level;
  for (let k = at + 1; k < headings.length; k++) if (headings[k].level <= level) return headings[k].line;
  return lineCount;
}
