/**
 * What Attune would like the clinician to notice about a note, as warnings on its lines:
 * a status it does not know (with the nearest one it does), a second tag in a heading, a
 * client taken from a folder's name that another client's code matches but for
 * punctuation or case. Messages never quote the note.
 */
import { readFrontMatter } from '../markdown/frontMatter';
import { dominantEol } from '../markdown/lines';
import type { Note } from './note';
import { STATUSES, type Status } from './status';
import type { TextEdit } from './edits';

type WarningKind = 'unknown-status' | 'second-tag' | 'folder-client' | 'note';

export interface NoteWarningAt {
  readonly kind: WarningKind;
  readonly line: number;
  /** Character columns on the line; the whole line when absent. */
  readonly start?: number;
  readonly end?: number;
  readonly message: string;
  /** The edit that resolves it, and the words for it. */
  readonly fix?: { readonly title: string; readonly edit: TextEdit };
}

/** Edit distance with transpositions (`reparied` is one step from `repaired`). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The known status closest to what was written (ties go to the earlier one in the lifecycle). */
export function nearestStatus(written: string): Status {
  const w = written.toLowerCase().slice(0, 64);
  let best: Status = 'open';
  let bestDistance = Infinity;
  for (const s of STATUSES) {
    const d = distance(w, s);
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
}

/** A client code reduced to its letters and digits, in lower case: `A.B.` and `ab` meet. */
export function clientKey(client: string): string {
  return client.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

interface WarningContext {
  /** The note's text (for columns and the front matter). */
  readonly text: string;
  /** The front-matter key naming the client (`attune.clientLabelAtTopOfNote`). */
  readonly clientKey: string;
  /** The clients other notes name in their front matter or folders, with how many notes each. */
  readonly clients: readonly { readonly client: string; readonly notes: number }[];
}

export function noteWarnings(note: Note, context: WarningContext): NoteWarningAt[] {
  const out: NoteWarningAt[] = [];
  const unknownLines = new Set<number>();
  for (const e of note.entries) {
    if (e.statusKnown || e.tag.rawStatus === undefined) continue;
    unknownLines.add(e.line);
    const nearest = nearestStatus(e.tag.rawStatus);
    out.push({
      kind: 'unknown-status',
      line: e.line,
      start: e.tag.statusStart,
      end: e.tag.end,
      message: `Attune does not know this rupture status, so it is listed as open. Did you mean ${nearest}?`,
      fix: {
        title: `Change the status to ${nearest}`,
        edit: { line: e.line, character: e.tag.statusStart, length: e.tag.end - e.tag.statusStart, newText: nearest },
      },
    });
  }
  for (const w of note.warnings) {
    if (w.line >= 0 && unknownLines.has(w.line) && /does not know/.test(w.message)) continue;
    const kind: WarningKind = /more than one rupture tag/.test(w.message) ? 'second-tag' : 'note';
    out.push({ kind, line: Math.max(0, w.line), message: `Attune: ${w.message}.` });
  }
  const folderClient = folderDerivedClient(note, context);
  if (folderClient) {
    const key = clientKey(folderClient);
    const twin = context.clients.filter((c) => c.client !== folderClient && clientKey(c.client) === key).sort((a, b) => b.notes - a.notes)[0];
    if (twin) {
      out.push({
        kind: 'folder-client',
        line: 0,
        message:
          'This note takes its client from its folder’s name, which other notes write with different punctuation or case, so Attune counts two clients. Naming the client in front matter joins them.',
        fix: {
          title: 'Name the client in front matter, as the other notes write it',
          edit: clientFrontMatterEdit(context.text, context.clientKey, twin.client),
        },
      });
    }
  }
  return out;
}

/** The note's client when it comes from its folder's name (no front-matter key names it). */
function folderDerivedClient(note: Note, context: WarningContext): string | undefined {
  if (!note.client) return undefined;
  const front = readFrontMatter(context.text);
  return front?.values.get(context.clientKey.toLowerCase())?.trim() ? undefined : note.client;
}

/** Adds `KEY: CLIENT` to the front matter, or a front matter holding only it at the top. */
function clientFrontMatterEdit(text: string, key: string, client: string): TextEdit {
  const eol = dominantEol(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Quoted when YAML would read it otherwise (a `#`, a `:` or a leading quote).
  const value = /^[\w.-][\w .-]*$/u.test(client) && !client.endsWith(' ') ? client : JSON.stringify(client);
  // Right after the opening `---` line of a front matter there is.
  if (readFrontMatter(text)) return { line: 1, character: 0, length: 0, newText: `${key}: ${value}${eol}` };
  return { line: 0, character: bom, length: 0, newText: `---${eol}${key}: ${value}${eol}---${eol}` };
}
