/**
 * What an export holds: one rupture's section, heading included, or the whole note
 * without its front matter (which names the client and the date, and is not the story).
 */
import { splitLines } from './lines';
import { isFilled, normaliseValue, sameLabel } from './fields';
import { parseNote, type NoteSource, type ParseOptions, type RuptureEntry, DEFAULT_PARSE_OPTIONS } from './note';

export interface Selection {
  readonly text: string;
  /** The note's client code, replaced wherever it appears in the export. */
  readonly client: string;
}

/**
 * The text to export. `line` (zero-based) must hold a rupture heading; otherwise the result
 * is undefined. Without `line`, the whole note after its front matter.
 */
export function selectForExport(text: string, source: NoteSource, line?: number, options: ParseOptions = DEFAULT_PARSE_OPTIONS): Selection | undefined {
  const note = parseNote(text, source, options);
  const lines = splitLines(text);
  let from: number;
  let to: number;
  if (line === undefined) {
    from = note.frontMatterEnd + 1;
    to = lines.length;
  } else {
    const entry = note.entries.find((e) => e.line === line);
    if (!entry) return undefined;
    from = entry.line;
    to = entry.sectionEnd;
  }
  const start = from < lines.length ? lines[from].start : text.length;
  const end = to < lines.length ? lines[to].start : text.length;
  return { text: text.slice(start, end).replace(/^\uFEFF/, ''), client: note.client };
}

/**
 * The one supervision question of every template (the reflection, the in-session repair,
 * the closing, after a hard session); a rupture whose answer is yes is offered for supervision.
 */
export const SUPERVISION_FIELD = 'Take it to supervision?';

/** The latest answer in the section counts: a closing's "yes" outweighs the reflection's earlier "not yet". */
export function wantsSupervision(entry: RuptureEntry): boolean {
  let answer: string | undefined;
  for (const f of entry.fields) if (sameLabel(f.label, SUPERVISION_FIELD) && isFilled(f.value)) answer = f.value;
  return answer !== undefined && /^yes\b/.test(normaliseValue(answer));
}

/** The question the therapist wants to bring, asked beside "Take it to supervision?". */
export const SUPERVISION_QUESTION = 'My question for supervision';

/** The latest question for supervision written in the section, or undefined when none is. */
export function supervisionQuestion(entry: RuptureEntry): string | undefined {
  let question: string | undefined;
  for (const f of entry.fields) if (sameLabel(f.label, SUPERVISION_QUESTION) && isFilled(f.value)) question = f.value;
  return question;
}
