import { readFrontMatter } from './frontMatter';
import { splitLines } from './lines';
import { forEachMarkdownLine, parseHeading } from './blocks';

/** A heading of the note and the lines its section covers. */
export interface OutlineHeading {
  readonly line: number;
  readonly level: number;
  /** Zero-based line just past the section (the next heading of the same or a higher level). */
  readonly sectionEnd: number;
}

/** Every real heading of a note (not in code, comments or front matter), with its section. */
export function outline(text: string): OutlineHeading[] {
  const lines = splitLines(text);
  const front = readFrontMatter(text);
  const found: { line: number; level: number }[] = [];
  forEachMarkdownLine(text, lines, front ? front.endLine + 1 : 0, (line, index, contentStart) => {
    if (text.charCodeAt(contentStart) !== 35) return;
    const heading = parseHeading(text, line, index);
    if (heading) found.push({ line: index, level: heading.level });
  });
  return found.map((h, i) => {
    let sectionEnd = lines.length;
    for (let k = i + 1; k < found.length; k++) {
      if (found[k].level <= h.level) {
        sectionEnd = found[k].line;
        break;
      }
    }
    return { ...h, sectionEnd };
  });
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
