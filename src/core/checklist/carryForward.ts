/**
 * Carry forward what mattered to the client: the lines of the most recent earlier note's
 * "Next time" section become task items in the next checklist, marked as from last time.
 */
import { collectHeadings, forEachMarkdownLine, sectionEnd } from '../markdown/blocks';
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

const LIST_OR_TASK = /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)/;

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
  const first = front ? front.endLine + 1 : 0;
  const headings = collectHeadings(text, lines, first);
  const at = headings.findIndex((h) => sameHeading(text.slice(lines[h.line].start + h.contentStart, lines[h.line].start + h.contentEnd), heading));
  if (at === -1) return [];
  const start = headings[at].line;
  const end = sectionEnd(headings, at, lines.length);
  const headingLines = new Set(headings.map((h) => h.line));
  const out: CarriedLine[] = [];
  forEachMarkdownLine(text, lines, first, (line, index, contentStart) => {
    if (index <= start || index >= end || headingLines.has(index)) return;
    const content = text.slice(contentStart, line.end).trim();
    // A setext underline, a thematic break or an empty item carries nothing.
    if (!content || /^(?:[-=*_][ \t]*){3,}$/.test(content)) return;
    const value = content.replace(LIST_OR_TASK, '').trim();
    if (value) out.push({ text: value, path, line: index });
  });
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
