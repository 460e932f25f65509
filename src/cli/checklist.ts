/**
 * `attune checklist --client C [DIR] [--json]`: the "Before the session" section for a
 * client, as it would go into today's note beside the client's latest note.
 *
 * Kept apart from main.ts, which imports it; it imports only main's types, so there is no
 * load-order cycle. Usage problems are reported here (one line, exit 2) rather than by
 * throwing main's UsageError.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildChecklist, DEFAULT_NOTE_FILE_PATTERN, renderChecks, sessionNotePath } from '../core/checklist';
import { mergeTemplates, type TemplateFile } from '../core/templates';
import { decodeNote, errorReason, isNoteFile } from '../node/files';
import { scanFolder } from '../node/scan';
import type { Io } from './main';

class ChecklistUsage extends Error {}

interface Args {
  readonly client: string | undefined;
  readonly dir: string | undefined;
  readonly json: boolean;
}

function parse(args: readonly string[]): Args {
  let client: string | undefined;
  let json = false;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a === '--json') json = true;
    else if (a === '--client') {
      client = args[++i];
      if (client === undefined) throw new ChecklistUsage('--client needs a value');
    } else if (a.startsWith('--client=')) client = a.slice('--client='.length);
    else if (a.startsWith('--')) throw new ChecklistUsage(`unknown option ${a.split('=')[0]}`);
    else positional.push(a);
  }
  if (positional.length > 1) throw new ChecklistUsage('checklist takes at most one folder');
  return { client, dir: positional[0], json };
}

function readFolder(io: Io, dir: string | undefined): string {
  const root = path.resolve(io.cwd, dir ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (err) {
    throw new ChecklistUsage(`cannot read ${dir ?? '.'}: ${errorReason(err)}`);
  }
  if (!stat.isDirectory()) throw new ChecklistUsage(`cannot read ${dir ?? '.'}: it is not a folder`);
  return root;
}

/** The workspace's own templates, from DIR/.attune/templates/. */
function templateFiles(root: string): TemplateFile[] {
  const dir = path.join(root, '.attune', 'templates');
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter(isNoteFile).sort();
  } catch {
    return [];
  }
  const files: TemplateFile[] = [];
  for (const name of names) {
    try {
      const decoded = decodeNote(fs.readFileSync(path.join(dir, name)));
      if (decoded.ok) files.push({ path: `.attune/templates/${name}`, text: decoded.text });
    } catch {
      // An unreadable template is left out; the built-in of that name still serves.
    }
  }
  return files;
}

/** Picks the client the user means: the exact code, else the one code that matches ignoring case. */
function resolveClient(known: readonly string[], wanted: string): string | undefined {
  if (known.includes(wanted)) return wanted;
  const folded = known.filter((c) => c.toLowerCase() === wanted.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

function knownList(known: readonly string[]): string {
  return known.length === 0 ? 'no client notes were found there' : `known clients: ${known.join(', ')}`;
}

function checklistCommand(io: Io, args: readonly string[]): number {
  const { client: wanted, dir, json } = parse(args);
  const root = readFolder(io, dir);
  let result;
  try {
    result = scanFolder(root);
  } catch (err) {
    throw new ChecklistUsage(`cannot read ${dir ?? '.'}: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const w of result.warnings) io.err(`attune: warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}\n`);
  const { index } = result;
  const known = index.clients().map((c) => c.client);
  if (wanted === undefined || wanted.trim() === '') throw new ChecklistUsage(`checklist needs --client C; ${knownList(known)}`);
  const client = resolveClient(known, wanted.trim());
  if (client === undefined) throw new ChecklistUsage(`no notes for client "${wanted}"; ${knownList(known)}`);

  const notePath = sessionNotePath(index.notesOf(client)[0]?.path, DEFAULT_NOTE_FILE_PATTERN, io.today);
  const texts = new Map<string, string | undefined>();
  const noteText = (rel: string): string | undefined => {
    if (!texts.has(rel)) {
      let text: string | undefined;
      try {
        const decoded = decodeNote(fs.readFileSync(path.join(root, ...rel.split('/'))));
        text = decoded.ok ? decoded.text : undefined;
      } catch {
        text = undefined; // The link then points at the note without a heading.
      }
      texts.set(rel, text);
    }
    return texts.get(rel);
  };
  const checklist = buildChecklist({
    client,
    today: io.today,
    entries: index.unrepaired(client),
    notePath,
    noteText,
    checks: renderChecks(mergeTemplates(templateFiles(root)), client, io.today),
  });

  if (json) {
    const items = checklist.items.map((item) => {
      const e = item.entry;
      if (item.kind !== 'rupture' || !e) return { kind: item.kind, text: item.text, done: item.done };
      return {
        kind: item.kind,
        text: item.text,
        done: item.done,
        file: e.path,
        line: e.line + 1,
        status: e.status,
        ageDays: item.ageDays ?? null,
        ...(e.opener ? { opener: e.opener } : {}),
      };
    });
    io.out(JSON.stringify({ client, date: io.today, items }, null, 2) + '\n');
    return 0;
  }
  io.out(checklist.markdown + '\n');
  return 0;
}

/** The CLI handler, same shape as main's list, template and set. */
export function checklist(io: Io, args: readonly string[]): number {
  try {
    return checklistCommand(io, args);
  } catch (err) {
    if (err instanceof ChecklistUsage) {
      io.err(`attune: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
