/**
 * Carry forward what mattered to the client: the lines of the most recent earlier note's
 * "Next time" section become task items in the next checklist, marked as from last time.
 */
import { sectionEnd, walkBlocks } from '../markdown/blocks';
import { readFrontMatter } from '../markdown/frontMatter';
import { splitLines } from '../markdown/lines';
import type { IndexedNote } from '../notes/note';
import { DEFAULT_NEXT_TIME_HEADING } from '../notes/settings';
import { isHeading } from '../notes/fieldKeys';

/** A line carried forward, with where it came from. */
export interface CarriedLine {
  readonly text: string;
  /** The earlier note's path, as the index names it. */
  readonly path: string;
  /** Zero-based line in that note. */
  readonly line: number;
}

const LIST_OR_TASK = /^(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\](?:[ \t]+|$))?)/;

/**
 * Heading text compared without case, closing `#`s, a trailing colon or extra spaces. The
 * default heading is found in any of the four template languages ("Nächstes Mal", "La
 * próxima vez", "La prochaine fois"), so notes written from any template carry forward.
 */
function sameHeading(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .replace(/[ \t]+#+[ \t]*$/, '')
      .replace(/:$/, '')
      .trim()
      .replace(/\s+/g, ' ')
      .toLowerCase();
  return norm(a) === norm(b) || (norm(b) === norm(DEFAULT_NEXT_TIME_HEADING) && isHeading(a, 'next-time'));
}

/**
 * The non-blank lines of the first section headed `heading` (any level), list markers and
 * task boxes taken off, outside code blocks and comments. Nested headings end nothing:
 * the section runs to the next heading of the same or a higher level, but sub-headings
 * themselves are not carried.
 */
export function nextTimeLines(text: string, path: string, heading: string = DEFAULT_NEXT_TIME_HEADING): CarriedLine[] {
  const lines = splitLines(text);
  const front = readFrontMatter(text);
  // One walk: the lines that hold words (not code, comments, rules or underlines), then the headings.
  const worded: { index: number; contentStart: number }[] = [];
  const headings = walkBlocks(text, lines, front ? front.endLine + 1 : 0, (_line, index, contentStart, _heading, rule) => {
    if (!rule) worded.push({ index, contentStart });
  });
  const at = headings.findIndex((h) => sameHeading(text.slice(lines[h.line].start + h.contentStart, lines[h.line].start + h.contentEnd), heading));
  if (at === -1) return [];
  const start = headings[at].line;
  const end = sectionEnd(headings, at, lines.length);
  // Every line of a heading's text: a setext heading's may be several.
  const headingLines = new Set<number>();
  for (const h of headings) for (let k = 0; k < (h.text === undefined ? 1 : h.text.split('\n').length); k++) headingLines.add(h.line + k);
  const out: CarriedLine[] = [];
  for (const { index, contentStart } of worded) {
    if (index <= start || index >= end || headingLines.has(index)) continue;
    const value = text.slice(contentStart, lines[index].end).trim().replace(LIST_OR_TASK, '').trim();
    // An empty item carries nothing.
    if (value) out.push({ text: value, path, line: index });
  }
  return out;
}

/**
 * The client's most recent note dated before `today` (undated notes and `except`, today's
 * own note, left out): the one whose "Next time" lines are carried forward.
 */
export function earlierNote(notes: readonly IndexedNote[], today: string, except?: string): IndexedNote | undefined {
  let best: IndexedNote | undefined;
  for (const note of notes) {
    if (note.date === null || note.date >= today || note.path === except) continue;
    if (!best || (best.date ?? '') < note.date || (best.date === note.date && note.path > best.path)) best = note;
  }
  return best;
}
