/**
 * "Mark repaired" may add one line saying what told the therapist the rupture feels mended,
 * dated, at the end of the rupture's section.
 */
import type { TextEdit } from './edits';
import { sectionAppendPoint } from './edits';
import { splitLines } from '../markdown/lines';
import type { RuptureEntry } from './note';
import { boldLabel, fieldLabel, type NoteLanguage } from './fieldKeys';

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * The insertion that adds `- **What told me it is mended:** ANSWER (TODAY)` after the last
 * line of the entry's section: straight under a list, after a blank line otherwise. The
 * answer is kept to one line; the note's own line break is used. The label is in `language`
 * (the template language, as the plan and attempt templates are).
 */
export function mendedLine(text: string, entry: RuptureEntry, answer: string, today: string, language: NoteLanguage = 'en'): TextEdit | undefined {
  const value = answer.replace(/[\r\n]+/g, ' ').trim();
  if (!value) return undefined;
  const at = sectionAppendPoint(text, entry);
  const line = splitLines(text)[at.line];
  const lastText = text.slice(line.start, line.end);
  const underList = at.line !== entry.line && LIST_ITEM.test(lastText);
  const field = `- ${boldLabel(fieldLabel('what-told-me-mended', language), language)} ${value} (${today})`;
  return { line: at.line, character: at.character, length: 0, newText: (underList ? at.eol : at.eol + at.eol) + field };
}
