/** Where a template inserted at the cursor goes (a rupture or a follow-up has its own rules). */
import { lastContentLine } from '../markdown/insert';
import { levelForInsertion, outline } from '../markdown/outline';
import { entryContaining } from '../notes/edits';
import { fieldKey } from '../notes/fieldKeys';
import type { RuptureEntry } from '../notes/note';

/** Whether a template's body asks "Take it to supervision?", in any template language. */
function asksForSupervision(body: string): boolean {
  for (const m of body.matchAll(/^[ \t]*[-*+][ \t]+\*\*([^*\n]+)\*\*/gm)) if (fieldKey(m[1]) === 'take-to-supervision') return true;
  return false;
}

/**
 * The line after which a section template goes, and its heading level: at the cursor, at the
 * level of the section it is in. One that asks "Take it to supervision?" (After a hard
 * session) with the cursor in a rupture's section goes at that section's end, one level under
 * its heading: at the cursor's level its heading would end the rupture's section, and then
 * nothing would read the answer.
 */
export function sectionPlacement(text: string, entries: readonly RuptureEntry[], line: number, body: string): { line: number; level: number } {
  const rupture = asksForSupervision(body) ? entryContaining(entries, line) : undefined;
  if (rupture && rupture.level < 6) return { line: lastContentLine(text, rupture.line, rupture.sectionEnd), level: rupture.level + 1 };
  return { line, level: levelForInsertion(outline(text), line) };
}
