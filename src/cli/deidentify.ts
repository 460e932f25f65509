/**
 * `attune deidentify FILE[:LINE] [--json]`: a note, or one rupture's section, with its
 * identifiers replaced by placeholders, for supervision. Standard error tells how many of
 * each kind were replaced, never what they were.
 */
import fs = require('fs');
import path = require('path');
import type * as Core from '../core/deidentify';
import { printable, printableJson, printableLines } from '../core/printable';
import { DEFAULT_MAX_NOTE_BYTES } from '../core/workspace';
import { decodeNote } from '../node/files';
import { errorReason } from '../node/walk';
import { readRegularFile, TooLarge } from '../node/safeRead';
import { formatBytes } from '../node/host';
import { parseArgs, UsageError, type Io } from './common';

/** Loaded only when an export runs: the names, dates and phone libraries are large. */
function loadCore(): typeof Core {
  return require('../core/deidentify') as typeof Core;
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
export function describeCounts(counts: readonly { kind: Core.Kind; count: number }[], checks: number): string {
  const replaced = counts.map(({ kind, count }) => `${count} ${PLURALS[kind][count === 1 ? 0 : 1]}`);
  const first = replaced.length === 0 ? 'replaced nothing' : `replaced ${replaced.join(', ')}`;
  const second = checks === 0 ? 'nothing left to check' : `${checks} ${checks === 1 ? 'spot' : 'spots'} left in place to check`;
  return `${first}; ${second}`;
}

export function deidentify(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, [], ['json']);
  if (positional.length !== 1) throw new UsageError('deidentify takes one FILE or FILE:LINE');
  const target = positional[0];
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
    if (err instanceof TooLarge) throw new UsageError(`cannot read ${shown}: ${formatBytes(err.size)} is over the ${formatBytes(DEFAULT_MAX_NOTE_BYTES)} limit for a note`);
    throw new UsageError(`cannot read ${shown}: ${errorReason(err)}`);
  }
  const decoded = decodeNote(bytes);
  if (!decoded.ok) throw new UsageError(`cannot read ${shown}: ${decoded.reason}`);
  const source = { path: file, folderName: path.basename(path.dirname(full)), fileName: path.basename(full) };
  const core = loadCore();
  let result: Core.Deidentified | undefined;
  try {
    result = line === undefined || line >= 1 ? core.deidentifyNote(decoded.text, source, line === undefined ? undefined : line - 1) : undefined;
  } catch (err) {
    if (err instanceof core.TooLongToExport) throw new UsageError(`${shown}: ${err.message}`);
    throw err;
  }
  if (!result) throw new UsageError(`${shown}:${line ?? ''} holds no rupture heading; nothing was exported`);
  if (flags.has('json')) {
    const json = {
      text: result.text,
      replaced: result.replaced.map((r) => ({ kind: r.kind, line: r.line })),
      check: result.check.map((c) => ({ line: c.line, column: c.column, length: c.length, reason: c.reason })),
    };
    io.out(printableJson(json) + '\n');
  } else {
    io.out(printableLines(result.text));
  }
  io.err(`attune: ${describeCounts(core.countByKind(result), result.check.length)}\n`);
  return 0;
}
