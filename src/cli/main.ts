import fs = require('fs');
import path = require('path');
import v8 = require('v8');
import { fieldKey } from '../core/notes/fieldKeys';
import { groupByClient } from '../core/notes/byClient';
import { formatDate, formatNoted } from '../core/notes/dates';
import { statusEdit } from '../core/notes/edits';
import { collectHeadings } from '../core/markdown/blocks';
import { findTags, parseNote, type ParseOptions, type RuptureEntry } from '../core/notes/note';
import { isStatus, STATUSES, type Status } from '../core/notes/status';
import { findTemplate, renderMarkdown } from '../core/reflection/templates';
import { splitLines } from '../core/markdown/lines';
import { printable, printableJson, printableLines } from '../core/markdown/printable';
import { NoteCollection } from '../core/notes/noteCollection';
import { replaceNote, withNoteLock, WriteRefused } from '../node/atomicWrite';
import { decodeNote } from '../node/files';
import { FolderHost, formatBytes } from '../node/host';
import { readRegularFile, TooLarge, type ReadResult } from '../node/safeRead';
import { errorReason } from '../node/walk';
import { checklist } from './checklist';
import { cues } from './cues';
import { feedback } from './feedback';
import { deidentify } from './deidentify';
import { patternsCommand } from './patterns';
import { folderTemplates, parseArgs, readFolder, scanNotes, UsageError, type Io } from './common';

declare const ATTUNE_VERSION: string | undefined;

const HELP = `attune: rupture and repair notes, from the command line

Usage:
  attune list [DIR] [--all] [--client C] [--json] [--max-size MB]
      Unrepaired ruptures (open, planned, attempted) in the notes under DIR
      (default: this folder), grouped by client, oldest first, each with the
      day it was noted ("noted 6 Nov", never a count of days). --all lists every
      rupture, held ones (waiting at the client's pace) included. --json prints
      [{file, line, title, status, client, date, fields, followUps}].
  attune template NAME [DIR]
      Prints a template as markdown. NAME is one of the built-in templates or a
      file in DIR/.attune/templates/. "attune template" alone lists them.
  attune set FILE:LINE STATUS [--max-size MB]
      Sets the status of the rupture whose heading is on LINE (1-based), changing
      only its tag. STATUS: ${STATUSES.join(', ')}.
  attune checklist --client C [DIR] [--json] [--feedback-threshold N]
      The "Before the session" checklist for client C: each unrepaired rupture,
      oldest first, with a link to its heading and its opening line, then your
      checks (DIR/.attune/templates/checklist.md, or the built-in ones).
      --json prints {client, date, items, feedback, feedbackLower}.
      --feedback-threshold N also suggests checking in early when the latest
      feedback score is below N (your own number, on your own scale).
  attune feedback --client C [DIR] [--json]
      The feedback scores you wrote in C's dated notes ("Alliance feedback
      score"), oldest first. --json prints [{date, score, max, file, line}].
  attune cues [PATH] [--json]
      Phrases in a note (or in every note under a folder) that may be quiet
      signs of a rupture, each with why. Never in front matter, code, comments
      or rupture sections. --json prints [{file, line, column, length, cue, kind}].
  attune patterns [DIR] [--client C] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]
          [--days-to-return] [--open-by-client]
      What your ruptures teach you: how many across how many sessions, how they
      stand, the kinds of miss, the parts of you that led and the markers that
      recur, who in a couple or family they were with, month by month, and each
      client in alphabetical order. --since/--until keep dated notes in that
      range (inclusive). --days-to-return adds how long until a first repair
      attempt, --open-by-client each client's open ruptures (both left out
      unless asked for: noticing more is not doing worse). --json prints
      {sessions, ruptures, byStatus, byKind, byPart, byMarker, byClient,
      byMonth, firstReturn}.
  attune deidentify FILE[:LINE]... [--json]
      Each note (front matter left out), or the rupture whose heading is on LINE,
      with names, places, dates, contact details and identifying numbers replaced
      by placeholders such as [name 1], [place] and [day 7], for supervision. Read
      it again yourself before sharing: a story can identify someone without a
      name. stderr tells how many of each kind were replaced. --json prints
      {text, replaced: [{kind, line}], check: [{line, column, length, reason}]}
      for one FILE, and an array of them, in order, for several.
  attune --help | --version

Everything stays on this machine: attune reads and writes local files only.
`;

function maxBytes(flag: string | true | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const mb = Number(flag);
  if (flag === true || !Number.isFinite(mb) || mb <= 0) throw new UsageError('--max-size takes a number of megabytes');
  return Math.round(mb * 1024 * 1024);
}

function list(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, ['client', 'max-size'], ['all', 'json']);
  if (positional.length > 1) throw new UsageError('list takes at most one folder');
  const root = readFolder(io, positional[0]);
  const result = scanNotes(io, root, positional[0], maxBytes(flags.get('max-size')));
  const client = flags.get('client');
  const wanted = typeof client === 'string' ? client.toLowerCase() : undefined;
  const entries = (flags.has('all') ? result.index.entries() : result.index.unrepaired()).filter(
    (e) => wanted === undefined || e.client.toLowerCase() === wanted,
  );
  if (flags.has('json')) {
    const rows = entries.map((e) => ({
      file: e.path,
      line: e.line + 1,
      level: e.level,
      // The section's last line, 1-based and inclusive: sectionEnd is the zero-based line past it.
      end: e.sectionEnd,
      title: e.title,
      status: e.status,
      client: e.client,
      date: e.date,
      // The field's key beside its label as written: one key for its label in every template language.
      fields: e.fields.map((f) => ({ label: f.label, key: fieldKey(f.label) ?? null, value: f.value, line: f.line + 1 })),
      followUps: e.followUps.map((f) => ({ kind: f.kind, date: f.date, line: f.line + 1 })),
    }));
    io.out(printableJson(rows) + '\n');
    return 0;
  }
  io.out(formatList(entries, io.today, flags.has('all')));
  return 0;
}

/**
 * Readable listing: one block per client, each entry with status, when it was noted
 * ("noted 6 Nov", never a count of days) and place. A held rupture shows no date: it
 * waits at the client's pace, not on a clock.
 */
function formatList(entries: readonly RuptureEntry[], today: string, all: boolean): string {
  if (entries.length === 0) return all ? 'No rupture entries found.\n' : 'No unrepaired ruptures. Nothing is waiting for repair.\n';
  const groups = groupByClient(entries);
  // A loop, not `Math.max(...)`: spreading 300,000 entries (one 4 MB note of headings)
  // overflows the call stack.
  let width = 0;
  let when = 0;
  const noted = (e: RuptureEntry): string => (e.status === 'held' ? 'at their pace' : formatNoted(e.date, today));
  for (const e of entries) {
    width = Math.max(width, e.status.length);
    when = Math.max(when, noted(e).length);
  }
  let out = '';
  for (const [client, list] of groups) {
    out += `${printable(client)} (${list.length})\n`;
    for (const e of list) {
      out += `  ${e.status.padEnd(width)}  ${noted(e).padEnd(when)}  ${printable(e.title) || '(untitled)'}  ${printable(e.path)}:${e.line + 1}\n`;
    }
  }
  const noun = all ? 'rupture' : 'unrepaired rupture';
  out += `\n${entries.length} ${noun}${entries.length === 1 ? '' : 's'}, ${groups.size} client${groups.size === 1 ? '' : 's'}.\n`;
  return out;
}

function template(io: Io, args: readonly string[]): number {
  const { positional } = parseArgs(args, [], []);
  if (positional.length > 2) throw new UsageError('template takes a name and at most one folder');
  const root = positional[1] === undefined ? io.cwd : readFolder(io, positional[1]);
  const templates = folderTemplates(root);
  if (positional.length === 0) {
    for (const t of templates) io.out(`${printable(t.id).padEnd(20)} ${printable(t.description)}\n`);
    return 0;
  }
  const t = findTemplate(templates, positional[0]);
  if (!t) throw new UsageError(`no template named ${printable(positional[0])} (try: ${templates.map((x) => printable(x.id)).join(', ')})`);
  io.out(printableLines(renderMarkdown(t, {}, io.today)) + '\n');
  return 0;
}

/**
 * Edits the file's bytes, not a decoded copy: the tag is ASCII, so its byte columns are
 * found by reading the heading line byte for byte, and invalid UTF-8 elsewhere survives.
 */
function set(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, ['max-size'], []);
  if (positional.length !== 2) throw new UsageError('set takes FILE:LINE and a STATUS');
  const [target, status] = positional;
  const m = /^(.*):(\d+)$/.exec(target);
  if (!m) throw new UsageError(`expected FILE:LINE, such as notes/2026-11-13.md:12`);
  const [, file, lineText] = m;
  const shown = printable(file);
  if (!isStatus(status)) throw new UsageError(`unknown status "${status}" (use ${STATUSES.join(', ')})`);
  const full = path.resolve(io.cwd, file);
  // The workspace's own settings decide, as in VS Code, whether this is a note and how it is read.
  const root = workspaceFolderOf(full);
  const host = new FolderHost(root);
  const workspace = new NoteCollection(host);
  const relative = path.relative(root, full).split(path.sep).join('/');
  const settings = workspace.settingsOf(relative);
  if (host.settingsProblem) io.err(`attune: warning: .vscode/settings.json: settings not used: ${host.settingsProblem}\n`);
  if (!workspace.isNote(relative)) {
    throw new UsageError(`${shown} is not a note under the workspace's settings (attune.whichFilesAreNotes, attune.filesToLeaveOut); nothing was changed`);
  }
  const limit = maxBytes(flags.get('max-size')) ?? settings.maxNoteBytes;
  // Read, change and write while holding the note's lock: other Attune writers take turns.
  let real: string;
  try {
    real = fs.realpathSync(full);
  } catch {
    return setLocked(io, full, file, lineText, status, limit, settings.parse); // Its read says why it cannot be read.
  }
  try {
    return withNoteLock(real, () => setLocked(io, full, file, lineText, status, limit, settings.parse));
  } catch (err) {
    if (err instanceof WriteRefused) throw new UsageError(refusal(shown, err));
    throw err;
  }
}

/** Why a status was not changed, and what the note holds now. */
function refusal(shown: string, err: WriteRefused): string {
  const holds = err.kept === 'theirs' ? 'its save is what the note holds, and the status was not changed' : 'the note was left exactly as it was';
  return `cannot change ${shown}: ${err.reason}; ${holds}`;
}

/**
 * The workspace folder a note named on the command line belongs to: the nearest folder at
 * or above it holding `.vscode/settings.json`, else the note's own folder (the defaults then apply).
 */
function workspaceFolderOf(full: string): string {
  const own = path.dirname(full);
  for (let folder = own; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.vscode', 'settings.json'))) return folder;
    if (path.dirname(folder) === folder) return own;
  }
}

function setLocked(io: Io, full: string, file: string, lineText: string, status: Status, limit: number, parse: ParseOptions): number {
  const shown = printable(file);
  let read: ReadResult;
  try {
    read = readRegularFile(full, limit);
  } catch (err) {
    if (err instanceof TooLarge) {
      throw new UsageError(
        `cannot edit ${shown}: ${formatBytes(err.size)} is over the ${formatBytes(limit)} limit for a note (--max-size raises it); nothing was changed`,
      );
    }
    throw new UsageError(`cannot read ${shown}: ${errorReason(err)}`);
  }
  const bytes = read.bytes;
  const decoded = decodeNote(bytes);
  if (!decoded.ok) throw new UsageError(`cannot edit ${shown}: ${decoded.reason}`);
  if (decoded.encoding !== 'utf-8') throw new UsageError(`cannot edit ${shown}: attune edits UTF-8 notes only`);
  const line = Number(lineText) - 1;
  const note = parseNote(decoded.text, { path: file, folderName: path.basename(path.dirname(full)), fileName: path.basename(full) }, parse);
  const entry = note.entries.find((e) => e.line === line);
  if (!entry) throw new UsageError(`${shown}:${lineText} holds no rupture heading; nothing was changed`);
  const edit = statusEdit(entry, status);
  if (!edit) {
    io.out(`${shown}:${lineText} is already ${status}.\n`);
    return 0;
  }
  // Find the same tag in the heading line read byte for byte (latin1): its structure is
  // ASCII, so the columns found there are byte offsets even beside invalid UTF-8. Check
  // that those bytes really spell the tag before touching anything.
  // The heading is found by the block walk, as the parser found it (it may sit in a list
  // item or a block quote).
  const latin1 = bytes.toString('latin1');
  const byteLines = splitLines(latin1);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  byteLines[0] = { ...byteLines[0], start: bom };
  const lineAfterBom = byteLines[line];
  const heading = collectHeadings(latin1, byteLines, note.frontMatterEnd + 1).find((h) => h.line === line && h.setext !== true);
  const tag = heading ? findTags(latin1, lineAfterBom.start + heading.contentStart, lineAfterBom.start + heading.contentEnd)[0] : undefined;
  const lineStart = splitLines(decoded.text)[line].start;
  const expected = decoded.text.slice(lineStart + entry.tag.start, lineStart + entry.tag.end);
  if (!tag || bytes.toString('utf8', tag.start, tag.end) !== expected) {
    throw new UsageError(`${shown}:${lineText} could not be edited safely; nothing was changed`);
  }
  const from = tag.statusStart === -1 ? tag.end : tag.statusStart;
  const to = tag.end;
  const replacement = Buffer.from(edit.newText, 'utf8');
  try {
    replaceNote(full, read, Buffer.concat([bytes.subarray(0, from), replacement, bytes.subarray(to)]), io.writeSystem);
  } catch (err) {
    if (err instanceof WriteRefused) throw new UsageError(refusal(shown, err));
    throw err;
  }
  io.out(`${shown}:${lineText}: ${entry.status} -> ${status}\n`);
  return 0;
}

const COMMANDS: Record<string, (io: Io, args: readonly string[]) => number> = {
  list,
  template,
  set,
  checklist,
  cues,
  feedback,
  patterns: patternsCommand,
  deidentify,
};

/**
 * Runs the CLI; returns the exit code. Never throws. Every byte it prints passes the
 * terminal escaping once more here, so no command, message or quoted argument or setting
 * can slip a control character through; text already escaped is left as it is.
 */
export function run(argv: readonly string[], given: Io): number {
  const io: Io = { ...given, out: (t) => given.out(printableLines(t)), err: (t) => given.err(printableLines(t)) };
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${typeof ATTUNE_VERSION === 'string' ? ATTUNE_VERSION : 'dev'}\n`);
      return 0;
    }
    const handler = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!handler) throw new UsageError(`unknown command "${command}" (try attune --help)`);
    return handler(io, rest);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`attune: ${printable(err.message)}\n`);
      return 2;
    }
    // Unexpected: name the kind of failure, never file contents.
    io.err(`attune: something went wrong (${err instanceof Error ? err.name : 'error'}); no file was changed\n`);
    return 1;
  }
}

if (require.main === module) {
  // V8's heuristics for a small heap: `attune list` over 100,000 notes peaks about 27 MB
  // lower (161 to 134 MB) for about the same CPU time (docs/performance.md). Only V8
  // versions known to have the flag are told: an unknown flag is reported on stderr.
  if (/^1[1-3]\./.test(process.versions.v8)) v8.setFlagsFromString('--semi-space-growth-factor=1 --optimize-for-size');
  // A reader that stops early (`attune list | head`) closes the pipe: stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : 1));
  process.exitCode = run(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    today: formatDate(new Date()),
    ownProcess: true,
  });
}
