/**
 * Finding the "Before the session" section and counting its ticked tasks: what the editor's
 * lens needs of the checklist, kept apart from building it (checklist.ts), so an open note
 * does not load the builder's words and templates.
 */
import { headingAnchors, type HeadingAnchor } from '../markdown/anchors';
import { forEachMarkdownLine, sectionEnd } from '../markdown/blocks';
import { readFrontMatter } from '../markdown/frontMatter';
import { splitLines } from '../markdown/lines';
import { slugify } from '../markdown/slug';
import { HEADINGS } from '../notes/fieldKeys';

/** The section is found by its heading in any template language, so it is never added twice. */
const CHECKLIST_SLUGS = new Set(HEADINGS['before-the-session'].map((h) => slugify(h)));

/** A task item's line: its opening up to `[`, then the mark between the brackets. */
export const TASK = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)([ xX])\](?=[ \t\r\n]|$)/;

/** The "Before the session" heading of a note (any level), or undefined; `headings` are the note's own when the caller has them. */
export function checklistHeading(
  noteText: string,
  headings: readonly HeadingAnchor[] = headingAnchors(noteText),
): { line: number; level: number; sectionEnd: number } | undefined {
  const at = headings.findIndex((h) => CHECKLIST_SLUGS.has(slugify(h.text)));
  if (at === -1) return undefined;
  const { line, level } = headings[at];
  return { line, level, sectionEnd: sectionEnd(headings, at, splitLines(noteText).length) };
}

export interface ChecklistProgress {
  readonly done: number;
  readonly total: number;
  /** Zero-based line of the section's heading. */
  readonly line: number;
}

/**
 * How many of the section's task items are ticked, or undefined when the note has no
 * section. `headings`: the note's heading anchors, when the caller has them already.
 */
export function checklistProgress(noteText: string, headings?: readonly HeadingAnchor[]): ChecklistProgress | undefined {
  const heading = checklistHeading(noteText, headings);
  if (!heading) return undefined;
  const lines = splitLines(noteText);
  const front = readFrontMatter(noteText);
  let done = 0;
  let total = 0;
  // The walk starts where the note's markdown does, not at the heading: a section inside a
  // list item or a quote reads its lines in that container, as the toggle does.
  forEachMarkdownLine(noteText, lines, front ? front.endLine + 1 : 0, (line, index) => {
    if (index <= heading.line || index >= heading.sectionEnd) return;
    const m = TASK.exec(noteText.slice(line.start, line.end));
    if (m) {
      total++;
      if (m[2] !== ' ') done++;
    }
  });
  return { done, total, line: heading.line };
}
