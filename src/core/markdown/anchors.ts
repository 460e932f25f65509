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
 * Headings are those of the one block model (`blocks.ts`): ATX and setext, at any nesting,
 * as markdown-it finds them. Known approximations, all rare in session notes:
 * reference-style links are read as text; of the named HTML entities only the common ones
 * are decoded.
 */
import { collectHeadings } from './blocks';
import { readFrontMatter } from './frontMatter';
import { headingPlainText } from './inlineText';
import { splitLines } from './lines';
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

/**
 * Every heading of the note with its anchor, in document order, as VS Code counts them
 * when it numbers duplicates.
 */
export function headingAnchors(text: string): HeadingAnchor[] {
  const lines = splitLines(text);
  const front = readFrontMatter(text);
  const builder = new AnchorBuilder();
  return collectHeadings(text, lines, front ? front.endLine + 1 : 0).map((h) => {
    const start = lines[h.line].start;
    const plain = headingPlainText(h.text ?? text.slice(start + h.contentStart, start + h.contentEnd));
    return { line: h.line, level: h.level, text: plain, anchor: builder.add(plain) };
  });
}
