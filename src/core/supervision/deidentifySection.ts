/**
 * What an export holds: one rupture's section, heading included, or the whole note
 * without its front matter (which names the client and the date, and is not the story).
 */
import { splitLines } from '../markdown/lines';
import { fieldAt, isFilled, normaliseValue } from '../notes/fields';
import { choiceKey, fieldKey } from '../notes/fieldKeys';
import { parseNote, type NoteSource, type ParseOptions, type RuptureEntry, DEFAULT_PARSE_OPTIONS } from '../notes/note';

export interface Selection {
  readonly text: string;
  /** The note's client codes (front matter and folder, when they differ), replaced wherever they appear. */
  readonly client: readonly string[];
  /** For a rupture's section, the date of the session it was written in, when known: day 0 of the export. */
  readonly date?: string;
}

/** A front matter that YAML allows to close with `...` instead of `---`: where it ends, and its client. */
function dotClosedFrontMatter(lines: readonly string[]): { end: number; client: string } | undefined {
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  for (let i = 1; i < Math.min(lines.length, 200); i++) {
    const l = lines[i].trimEnd();
    if (l === '---') return undefined;
    if (l === '...') {
      const client = lines
        .slice(1, i)
        .map((x) => /^client:\s*["']?(.*?)["']?\s*$/.exec(x)?.[1])
        .find((c) => c !== undefined);
      return { end: i, client: client ?? '' };
    }
  }
  return undefined;
}

/** The folder's name, when it may be a client code (short, no spaces) rather than "notes" or "clients". */
function folderCode(folderName: string): string[] {
  return /^[\p{L}\p{N}][\p{L}\p{N}.-]{0,11}$/u.test(folderName) && /[\p{Lu}\p{N}]/u.test(folderName) ? [folderName] : [];
}

/**
 * The text to export. `line` (zero-based) must hold a rupture heading; otherwise the result
 * is undefined. Without `line`, the whole note after its front matter.
 */
export function selectForExport(text: string, source: NoteSource, line?: number, options: ParseOptions = DEFAULT_PARSE_OPTIONS): Selection | undefined {
  const note = parseNote(text, source, options);
  const lines = splitLines(text);
  const lineTexts = lines.map((l) => text.slice(l.start, l.end));
  const dotted = note.frontMatterEnd < 0 ? dotClosedFrontMatter(lineTexts) : undefined;
  let from: number;
  let to: number;
  // A rupture's days count from its session; a whole note keeps its dates as before.
  let date: string | null = null;
  if (line === undefined) {
    from = (dotted?.end ?? note.frontMatterEnd) + 1;
    to = lines.length;
  } else {
    const entry = note.entries.find((e) => e.line === line);
    if (!entry) return undefined;
    from = entry.line;
    to = entry.sectionEnd;
    date = entry.date;
  }
  const start = from < lines.length ? lines[from].start : text.length;
  const end = to < lines.length ? lines[to].start : text.length;
  const codes = [note.client, dotted?.client ?? '', ...folderCode(source.folderName)].filter((c) => c.trim() !== '');
  return { text: text.slice(start, end).replace(/^\uFEFF/, ''), client: [...new Set(codes)], ...(date ? { date } : {}) };
}

/**
 * The one supervision question of every template (the reflection, the in-session repair,
 * the closing, after a hard session); a rupture whose answer is yes is offered for supervision.
 */
export const SUPERVISION_FIELD = 'Take it to supervision?';

/**
 * The latest answer in the section counts: a closing's "yes" outweighs the reflection's
 * earlier "not yet". The field and its "yes" are read by key, in any template language
 * ("In die Supervision mitnehmen?" ja, "¿Llevarlo a supervisión?" sí, "L'apporter en supervision ?" oui).
 */
export function wantsSupervision(entry: RuptureEntry): boolean {
  let answer: string | undefined;
  for (const f of entry.fields) if (fieldKey(f.label) === 'take-to-supervision' && isFilled(f.value)) answer = f.value;
  return answer !== undefined && (choiceKey('take-to-supervision', answer) === 'yes' || /^(?:yes|ja|sí|si|oui)(?![\p{L}\p{N}])/u.test(normaliseValue(answer)));
}

/** The latest question for supervision ("My question for supervision", in any template language) written in the section, or undefined when none is. */
export function supervisionQuestion(entry: RuptureEntry): string | undefined {
  let question: string | undefined;
  for (const f of entry.fields) if (fieldKey(f.label) === 'supervision-question' && isFilled(f.value)) question = f.value;
  return question;
}

/** The reflection's question for the supervisor; the export keeps it and the review shows it. */
export const QUESTION_FIELD = 'My question for supervision';

/** The answer to "My question for supervision" (in any template language) in a draft's text, if one is written: the first such list item. */
export function questionIn(text: string): string | undefined {
  const lines = text.split(/\r\n?|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = /^[ \t]*[-*+][ \t]+(?=\*\*)/.exec(line);
    const field = m && fieldAt(line, m[0].length, line.length, i);
    if (!field || fieldKey(field.label) !== 'supervision-question') continue;
    const answer = field.value;
    return answer && isFilled(answer) && !/^_.*_$/.test(answer) ? answer : undefined;
  }
  return undefined;
}
