import { isHeading, NOT_FILLED_IN_WORDS } from './fieldKeys';
import { splitLines, type Line } from '../markdown/lines';

/** A heading line: its level and its words. */
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
/** A list line that is only a field's prompt, left empty or "(not filled in)" (in any template language). */
const EMPTY_FIELD = new RegExp(
  `^[-*+][ \\t]+(?:\\*\\*|__)[^*_]+(?:\\*\\*|__)[ \\t]*(?:${NOT_FILLED_IN_WORDS.map((w) => w.replace(/[()]/g, '\\$&')).join('|')})?[ \\t]*$`,
);
/** A template's hint, in italics on a line of its own. */
const HINT = /^_[^_].*_$/;

/**
 * Whether a note holds writing of the therapist's own: a line that is not the front matter,
 * a heading, a template's empty prompt or hint, or the pre-session checklist ("Before the
 * session" and what is under it). A note prepared for a session that was not held, or an
 * empty one, holds none, and is not counted as a session.
 */
export function hasOwnWriting(text: string, frontMatterEnd: number, lines: readonly Line[] = splitLines(text)): boolean {
  // Lines as the parser counts them (frontMatterEnd is one of theirs): \r\n, \r or \n;
  // copied out one at a time, and only up to the first line of writing (usually the first).
  return firstOwn(lines.length, (i) => text.slice(lines[i].start, lines[i].end), frontMatterEnd + 1) !== -1;
}

/** The index of the first line of the therapist's own writing from `from` on, or -1. */
export function firstOwnLine(lines: readonly string[], from: number): number {
  return firstOwn(lines.length, (i) => lines[i] ?? '', from);
}

function firstOwn(count: number, lineAt: (i: number) => string, from: number): number {
  let checklistLevel = 0;
  for (let i = from; i < count; i++) {
    const line = lineAt(i).trim();
    if (line === '') continue;
    const heading = HEADING.exec(line);
    if (heading) {
      const level = (heading[1] ?? '').length;
      if (isHeading(heading[2] ?? '', 'before-the-session')) checklistLevel = level;
      else if (checklistLevel > 0 && level <= checklistLevel) checklistLevel = 0;
      continue;
    }
    if (checklistLevel > 0 || EMPTY_FIELD.test(line) || HINT.test(line)) continue;
    return i;
  }
  return -1;
}
