import { collectHeadings } from './blocks';
import { readFrontMatter } from './frontMatter';
import { splitLines } from './lines';

/** A heading of the note and the lines its section covers. */
export interface OutlineHeading {
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
  return withSections(collectHeadings(text, lines, front ? front.endLine + 1 : 0), lines.length);
}

/**
 * Each heading with the end of its section (as `sectionEnd` defines it), in one pass: a
 * heading ends every section still open at its level or deeper, so a note of thousands of
 * nested headings stays linear.
 */
export function withSections(headings: readonly Pick<OutlineHeading, 'line' | 'level'>[], lineCount: number): OutlineHeading[] {
  const out = headings.map((h) => ({ line: h.line, level: h.level, sectionEnd: lineCount }));
  const open: number[] = [];
  headings.forEach((h, i) => {
    while (open.length > 0 && headings[open[open.length - 1]].level >= h.level) out[open.pop() ?? i].sectionEnd = h.line;
    open.push(i);
  });
  return out;
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
