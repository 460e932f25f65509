/**
 * Heading anchors (slugs) as VS Code's markdown language service computes them when it
 * checks links such as `[t](../2026-11-13.md#heading-anchor)`, so the links Attune writes
 * pass VS Code's link validation and open the right heading.
 *
 * The language service (vscode-markdown-languageservice, since 0.5.0-alpha.5) follows
 * github-slugger:
 *   1. the heading's text as plain text (the inline markdown rendered: emphasis markers,
 *      link targets and HTML tags dropped; code spans, link text and image alt text kept);
 *   2. trimmed and lower-cased;
 *   3. every character removed that is not a letter, a mark, a decimal digit, a connector
 *      (such as `_`), a space or `-` (so punctuation, symbols and emoji go);
 *   4. each remaining space becomes `-` (runs are not collapsed: `a - b` gives `a---b`).
 * A repeated slug gets `-1`, `-2`, ... in document order. Fragments are matched without
 * regard to case.
 *
 * A rupture heading is slugged whole, tag included as written: `## Too soon #rupture/open`
 * has the anchor `too-soon-ruptureopen`, which therefore changes with the status.
 *
 * Known approximations, all rare in session notes: headings inside block quotes or list
 * items are not seen; reference-style links are read as text; of the named HTML entities
 * only the common ones are decoded.
 */
import { forEachMarkdownLine, parseHeading } from './blocks';
import { readFrontMatter } from './frontMatter';
import { headingPlainText } from './inlineText';
import { indentWidth, splitLines, type Line } from './lines';
import { AnchorBuilder } from './slug';

export interface HeadingAnchor {
  /** Zero-based line of the heading (the first line of its text, for a setext heading). */
  readonly line: number;
  /** 1 to 6. */
  readonly level: number;
  /** The heading as plain text, the way VS Code reads it before slugging. */
  readonly text: string;
  /** The fragment that links to the heading, without `#`; unique within the note. */
  readonly anchor: string;
}

// ---------------------------------------------------------------------------------------
// Headings of a note.

/** A setext underline (`===` or `---`, indented at most three columns) gives this level, else 0. */
function setextLevel(text: string, line: Line, next: number, width: number): number {
  if (width > 3) return 0;
  const c = text.charCodeAt(next);
  if (c !== 61 /* = */ && c !== 45 /* - */) return 0;
  let i = next;
  while (i < line.end && text.charCodeAt(i) === c) i++;
  while (i < line.end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === line.end ? (c === 61 ? 1 : 2) : 0;
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** HTML block starts (CommonMark types 1 and 3 to 7; comments are handled by the line walker), with where each ends. */
const HTML_BLOCKS: readonly { start: RegExp; end: RegExp | 'blank'; interrupts: boolean }[] = [
  { start: /^<(?:script|pre|style|textarea)(?:\s|>|$)/i, end: /<\/(?:script|pre|style|textarea)>/i, interrupts: true },
  { start: /^<\?/, end: /\?>/, interrupts: true },
  { start: /^<![A-Za-z]/, end: />/, interrupts: true },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  { start: new RegExp(`^</?(?:${HTML_BLOCK_TAGS})(?=\\s|/?>|$)`, 'i'), end: 'blank', interrupts: true },
  {
    start: /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/,
    end: 'blank',
    interrupts: false,
  },
];
/** Lines that start a list item or a block quote: what follows them is not a plain paragraph. */
const CONTAINER_START = /^ {0,3}(?:>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * Every heading of the note with its anchor, in document order: ATX headings and setext
 * headings outside front matter, fenced code and HTML comments, as VS Code counts them
 * when it numbers duplicates.
 */
export function headingAnchors(text: string): HeadingAnchor[] {
  const lines = splitLines(text);
  const front = readFrontMatter(text);
  const builder = new AnchorBuilder();
  const found: HeadingAnchor[] = [];
  const add = (line: number, level: number, markdown: string): void => {
    const plain = headingPlainText(markdown);
    found.push({ line, level, text: plain, anchor: builder.add(plain) });
  };
  // The paragraph being read (a setext underline turns it into a heading), or 'container'
  // while in lines that continue a list item or block quote.
  let paragraph: { start: number; lines: string[] } | 'container' | undefined;
  // The end of the raw HTML block being read: no headings in it.
  let html: RegExp | 'blank' | undefined;
  let previous = -2;
  forEachMarkdownLine(text, lines, front ? front.endLine + 1 : 0, (line, index, contentStart) => {
    if (index !== previous + 1) paragraph = undefined; // a fence or comment came between
    previous = index;
    const content = text.slice(contentStart, line.end);
    if (html !== undefined) {
      if (html === 'blank' ? content.trim() === '' : html.test(content)) html = undefined;
      return;
    }
    if (content.trim() === '') {
      paragraph = undefined;
      return;
    }
    const { width } = indentWidth(text, line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start, line.end);
    if (width <= 3 && text.charCodeAt(contentStart) === 60 /* < */) {
      const open = paragraph !== undefined && paragraph !== 'container';
      const block = HTML_BLOCKS.find((b) => (b.interrupts || !open) && b.start.test(content));
      if (block) {
        paragraph = undefined;
        if (block.end === 'blank' || !block.end.test(content)) html = block.end;
        return;
      }
    }
    if (text.charCodeAt(contentStart) === 35 /* # */) {
      const heading = parseHeading(text, line, index);
      if (heading) {
        add(index, heading.level, text.slice(line.start + heading.contentStart, line.start + heading.contentEnd));
        paragraph = undefined;
        return;
      }
    }
    if (paragraph !== undefined && paragraph !== 'container') {
      const level = setextLevel(text, line, contentStart, width);
      if (level > 0) {
        add(paragraph.start, level, paragraph.lines.join('\n'));
        paragraph = undefined;
        return;
      }
    }
    const raw = text.slice(line.start, line.end);
    if (width <= 3 && THEMATIC_BREAK.test(raw)) {
      paragraph = undefined;
    } else if (width <= 3 && CONTAINER_START.test(raw)) {
      paragraph = 'container';
    } else if (paragraph !== undefined) {
      if (paragraph !== 'container') paragraph.lines.push(content);
    } else if (width <= 3) {
      paragraph = { start: index, lines: [content] };
    }
  });
  return found;
}

