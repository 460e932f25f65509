import { splitLines } from './lines';

/** Where a block of text goes and the line breaks that keep it apart from its neighbours. */
interface BlockInsertion {
  /** Zero-based position of the insertion; nothing is replaced. */
  readonly line: number;
  readonly character: number;
  /** Written with `\n`; editors and `withEol` turn them into the note's own line break. */
  readonly before: string;
  readonly after: string;
}

/**
 * A block goes on `line` when that line is blank, else at the end of it. A blank line is
 * kept between the block and any text above or below, so markdown reads it as its own block.
 */
export function blockInsertion(text: string, line: number): BlockInsertion {
  const lines = splitLines(text);
  const target = Math.max(0, Math.min(line, lines.length - 1));
  const blank = (n: number): boolean => n < 0 || n >= lines.length || text.slice(lines[n].start, lines[n].end).trim() === '';
  if (!blank(target)) {
    return { line: target, character: lines[target].end - lines[target].start, before: '\n\n', after: blank(target + 1) ? '' : '\n' };
  }
  // A BOM opening the note stays first: on line 0 the block goes after it.
  const character = target === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { line: target, character, before: blank(target - 1) ? '' : '\n', after: blank(target + 1) ? '' : '\n' };
}

/** The last non-blank line of a section that starts at `headingLine` and ends before `sectionEnd`. */
export function lastContentLine(text: string, headingLine: number, sectionEnd: number): number {
  const lines = splitLines(text);
  for (let i = Math.min(sectionEnd, lines.length) - 1; i > headingLine; i--) {
    if (text.slice(lines[i].start, lines[i].end).trim() !== '') return i;
  }
  return headingLine;
}
