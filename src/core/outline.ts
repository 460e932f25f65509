import { collectHeadings, sectionEnd } from './blocks';
import { readFrontMatter } from './frontMatter';
import { splitLines } from './lines';

/** A heading of the note and the lines its section covers. */
interface OutlineHeading {
  readonly line: number;
  readonly level: number;
  /** Zero-based line just past the section (the next heading of the same or a higher level). */
  readonly sectionEnd: number;
}

/**
 * Every real heading of a note (not in code, comments or front matter), ATX and setext, with
 * its section: the same headings and section ends the note parser finds.
 */
export function outline(text: string): OutlineHeading[] {
  const lines = splitLines(text);
  const front = readFrontMatter(text);
  const headings = collectHeadings(text, lines, front ? front.endLine + 1 : 0);
  return headings.map((h, i) => ({ line: h.line, level: h.level, sectionEnd: sectionEnd(headings, i, lines.length) }));
}

/** The level a new rupture heading should take at `line`: a child of a top title, else a sibling. */
export function levelForInsertion(headings: readonly OutlineHeading[], line: number): number {
  let level = 2;
  for (const h of headings) {
    if (h.line > line) break;
    level = h.level === 1 ? 2 : h.level;
  }
  return level;
}
