/**
 * `attune deidentify FILE[:LINE]... [--json]`: notes, or single ruptures' sections, with
 * their identifiers replaced by placeholders, for supervision. Standard error tells how
 * many of each kind were replaced, never what they were.
 */
import fs = require('fs');
import path = require('path');
import v8 = require('v8');
import type * as Core from '../core/supervision/deidentify';
import { printable, printableJson, printableLines } from '../core/markdown/printable';
import { DEFAULT_MAX_NOTE_BYTES } from '../core/notes/noteCollection';
import { decodeNote } from '../node/files';
import { errorReason } from '../node/walk';
import { readRegularFile, TooLarge } from '../node/safeRead';
import { formatBytes } from '../node/host';
import { parseArgs, UsageError, type Io } from './common';

/** Loaded only when an export runs: the names, dates and phone libraries are large. */
function loadCore(ownProcess: boolean): typeof Core {
  // Flags for this short process, measured in docs/performance.md. The tagger makes much
  // short-lived garbage: a young generation that keeps its first size, and V8's heuristics
  // for a small heap, keep the peak memory about 40 MB lower for the same CPU time. The
  // date parser's patterns are large regular expressions that run a few hundred times:
  // compiled without V8's regular-expression optimisations they take about an eighth of the
  // time to compile and match the same. No optimising compiler: the tagger's code is too
  // varied for it to pay back its CPU time and memory, even over 1,500 notes. Set here only:
  // the flags are process-wide, and the editor's worker shares its process with the
  // extension host, and a test calling `run` shares mocha's. Only V8 versions known to have
  // the flags are told, since an unknown flag is reported on stderr.
  if (ownProcess && /^1[1-3]\./.test(process.versions.v8))
    v8.setFlagsFromString('--semi-space-growth-factor=1 --optimize-for-size --no-regexp-optimization --no-opt');
  return require('../core/supervision/deidentify') as typeof Core;
}

const PLURALS: Record<Core.Kind, [string, string]> = {
  client: ['client code', 'client codes'],
  name: ['name', 'names'],
  place: ['place', 'places'],
  address: ['address', 'addresses'],
  zip: ['zip code', 'zip codes'],
  date: ['date', 'dates'],
  phone: ['phone number', 'phone numbers'],
  email: ['email', 'emails'],
  url: ['web address', 'web addresses'],
  ip: ['IP address', 'IP addresses'],
  number: ['identifying number', 'identifying numbers'],
  age: ['age over 89', 'ages over 89'],
};

/** "replaced 3 names, 1 date; 2 spots to check": kinds and counts, nothing from the note. */
function describeCounts(counts: readonly { kind: Core.Kind; count: number }[], checks: number): string {
  const replaced = counts.map(({ kind, count }) => `${count} ${PLURALS[kind][count === 1 ? 0 : 1]}`);
  const first = replaced.length === 0 ? 'replaced nothing' : `replaced ${replaced.join(', ')}`;
  const second = checks === 0 ? 'nothing left to check' : `${checks} ${checks === 1 ? 'spot' : 'spots'} left in place to check`;
  return `${first}; ${second}`;
}

/** Reads and de-identifies one FILE or FILE:LINE argument; a UsageError names the argument, never its content. */
function exportOne(io: Io, core: typeof Core, target: string): Core.Deidentified {
  const m = /^(.*):(\d+)$/.exec(target);
  // A file whose own name ends in ":12" is read as that file.
  const byLine = m !== null && !fs.existsSync(path.resolve(io.cwd, target));
  const file = byLine && m ? m[1] : target;
  const line = byLine && m ? Number(m[2]) : undefined;
  const full = path.resolve(io.cwd, file);
  const shown = printable(file);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(full, DEFAULT_MAX_NOTE_BYTES).bytes;
  } catch (err) {
    if (err instanceof TooLarge)
      throw new UsageError(`cannot read ${shown}: ${formatBytes(err.size)} is over the ${formatBytes(DEFAULT_MAX_NOTE_BYTES)} limit for a note`);
    throw new UsageError(`cannot read ${shown}: ${errorReason(err)}`);
  }
  const decoded = decodeNote(bytes);
  if (!decoded.ok) throw new UsageError(`cannot read ${shown}: ${decoded.reason}`);
  const source = { path: file, folderName: path.basename(path.dirname(full)), fileName: path.basename(full) };
  let result: Core.Deidentified | undefined;
  try {
    result = line === undefined || line >= 1 ? core.deidentifyNote(decoded.text, source, line === undefined ? undefined : line - 1) : undefined;
  } catch (err) {
    if (err instanceof core.TooLongToExport) throw new UsageError(`${shown}: ${err.message}`);
    throw err;
  }
  if (!result) throw new UsageError(`${shown}:${line ?? ''} holds no rupture heading; nothing was exported`);
  return result;
}

function toJson(result: Core.Deidentified): object {
  return {
    text: result.text,
    replaced: result.replaced.map((r) => ({ kind: r.kind, line: r.line })),
    check: result.check.map((c) => ({ line: c.line, column: c.column, length: c.length, reason: c.reason })),
  };
}

/** Between two exports in text output: a markdown thematic break on a line of its own. */
const EXPORT_SEPARATOR = '\n---\n\n';

/**
 * One or more FILE[:LINE] arguments, exported in one process (the libraries load once).
 * With one argument, `--json` prints its object as before; with several, an array of the
 * same objects in the order given. If any argument fails, nothing goes to stdout.
 */
export function deidentify(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, [], ['json']);
  if (positional.length === 0) throw new UsageError('deidentify takes one or more FILE or FILE:LINE');
  let core: typeof Core;
  let results: Core.Deidentified[];
  try {
    core = loadCore(io.ownProcess === true);
    results = positional.map((target) => exportOne(io, core, target));
  } catch (err) {
    // A data file beside the bundle that cannot be used (src/node/deidentifyTaggerData.ts):
    // its message names the file and what to do, never the note.
    if (err instanceof Error && err.name === 'PackedDataError') throw new UsageError(err.message);
    throw err;
  }
  if (flags.has('json')) {
    const json = results.length === 1 ? toJson(results[0]) : results.map(toJson);
    io.out(printableJson(json) + '\n');
  } else {
    io.out(printableLines(results.map((r) => (r.text.endsWith('\n') || r === results[results.length - 1] ? r.text : r.text + '\n')).join(EXPORT_SEPARATOR)));
  }
  const counts = new Map<Core.Kind, number>();
  for (const r of results) for (const { kind, count } of core.countByKind(r)) counts.set(kind, (counts.get(kind) ?? 0) + count);
  const checks = results.reduce((n, r) => n + r.check.length, 0);
  const summary = describeCounts(
    core.KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 })),
    checks,
  );
  io.err(`attune: ${results.length === 1 ? '' : `${results.length} notes: `}${summary}\n`);
  return 0;
}
