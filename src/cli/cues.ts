/**
 * `attune cues [PATH] [--json]`: the cue phrases in a note, or in every note under a
 * folder, each with why it may be worth a second look. It only reads; nothing is written,
 * counted or remembered.
 */
import fs = require('fs');
import path = require('path');
import { builtInCues, compileCues, findCues, readUserCues, type CompiledCues, type CueHint } from '../core/cues/cues';
import { parseNote } from '../core/notes/note';
import { printable, printableJson } from '../core/markdown/printable';
import { DEFAULT_MAX_NOTE_BYTES, NoteCollection } from '../core/notes/noteCollection';
import { decodeNote } from '../node/files';
import { FolderHost, folderSettings, formatBytes, NoteReader } from '../node/host';
import { errorReason } from '../node/walk';
import { parseArgs, UsageError, warn, type Io } from './common';

interface FoundCue extends CueHint {
  readonly file: string;
  /** The words as written in the note, for the readable listing. */
  readonly text: string;
}

function cuesIn(bytes: Uint8Array, file: string, compiled: CompiledCues, io: Io): FoundCue[] {
  const decoded = decodeNote(bytes);
  if (!decoded.ok) {
    warn(io, { file, message: `skipped: ${decoded.reason}` });
    return [];
  }
  const { text } = decoded;
  const note = parseNote(text, { path: file, folderName: '', fileName: '' });
  return findCues(text, note, compiled).map((h) => ({ ...h, file, text: text.slice(h.offset, h.offset + h.length) }));
}

export function cues(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, [], ['json']);
  if (positional.length > 1) throw new UsageError('cues takes at most one note or folder');
  const given = positional[0] ?? '.';
  const target = path.resolve(io.cwd, given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (err) {
    throw new UsageError(`cannot read ${given}: ${errorReason(err)}`);
  }
  // A folder's own settings say which files are notes and how large one may be, as for `list`,
  // and add the clinician's own cue phrases (`attune.cues.phrases`), as in the editor.
  const folder = stat.isDirectory() ? folderSettings(target) : undefined;
  const settings = folder?.settings;
  const own = readUserCues(folder?.get?.('attune.cues.phrases'));
  const compiled = own.cues.length > 0 ? compileCues(own.cues) : builtInCues();
  const maxBytes = settings?.maxNoteBytes ?? DEFAULT_MAX_NOTE_BYTES;
  const reader = new NoteReader();
  const found: FoundCue[] = [];
  const readOne = (full: string, file: string, listed: boolean): void => {
    let read;
    try {
      read = reader.read(full, maxBytes, listed);
    } catch (err) {
      warn(io, { file, message: `skipped: ${errorReason(err)}` });
      return;
    }
    if (!(read instanceof Uint8Array)) {
      warn(io, { file, message: `skipped: ${formatBytes(read.size)} is over the ${formatBytes(maxBytes)} limit for a note` });
      return;
    }
    // A loop, not push(...): a big note full of cues would overflow the call stack.
    for (const c of cuesIn(read, file, compiled, io)) found.push(c);
  };

  if (settings) {
    // The notes `list` would read (the workspace's own listing), each read whole.
    const host = new FolderHost(target, { settings });
    let listing;
    try {
      const workspace = new NoteCollection(host);
      listing = workspace.notesUnder(host.root);
      for (const w of workspace.patternProblems(host.root)) warn(io, { file: w.path, message: w.message });
    } catch (err) {
      throw new UsageError(`cannot read ${given}: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const p of listing.problems) warn(io, { file: p.path, message: `folder skipped: ${p.reason}` });
    // Read as `list` reads them: a note the listing has just seen is read without a stat of its own, its path joined without normalising again.
    for (const place of listing.notes) readOne(host.root + path.sep + place.relative, place.relative, place.listed === true);
  } else if (stat.isFile()) {
    // A single note is named as it was given, with `/` between folders.
    readOne(target, given.split(path.sep).join('/'), false);
  } else {
    throw new UsageError(`cannot read ${given}: it is not a note or a folder`);
  }

  if (flags.has('json')) {
    const rows = found.map((c) => ({ file: c.file, line: c.line + 1, column: c.column + 1, length: c.length, cue: c.cue, kind: c.kind }));
    io.out(printableJson(rows) + '\n');
    return 0;
  }
  if (found.length === 0) {
    io.out('No cue phrases found.\n');
    return 0;
  }
  let out = '';
  for (const c of found) {
    // A file name may hold a line break or a terminal escape: shown escaped, one cue stays one line.
    out += printable(`${c.file}:${c.line + 1}:${c.column + 1}: "${c.text}" (${c.kind}, ${c.cue}): ${c.reason}`) + '\n';
  }
  io.out(out);
  return 0;
}
