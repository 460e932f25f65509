/**
 * What the CLI's commands share: how they are called, how they read arguments and
 * folders, and where the workspace's own templates come from.
 */
import fs = require('fs');
import path = require('path');
import { parseArgs as nodeParseArgs } from 'util';
import { printable } from '../core/markdown/printable';
import { MAX_NOTE_SIZE_MB_CEILING, noteSizeOverCeiling, withOldNames } from '../core/notes/settings';
import { mergeTemplates, type Template } from '../core/reflection/templates';
import type { WriteSystem } from '../node/atomicWrite';
import { scanFolder, folderSettings, type FolderScan } from '../node/host';
import { loadTemplateFiles } from '../node/templates';
import { errorReason } from '../node/walk';

/** A usage error or an unreadable input: one line on stderr, exit 2. */
export class UsageError extends Error {}

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly today: string;
  /** Tests replace the write's system calls to make one fail part-way. */
  readonly writeSystem?: WriteSystem;
  /** The command has the process to itself (the `attune` program, not a test calling `run`): it may tune V8 for a short run. */
  readonly ownProcess?: boolean;
}

interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

/**
 * Splits arguments with Node's own `util.parseArgs`; `valued` flags take the next argument
 * (or `--flag=value`). Unknown flags are usage errors. Node's strict mode is not used: its
 * messages differ from the ones docs/command-line.md promises, it refuses a value that
 * starts with `-`, and it reads `-x` as an option where Attune has always taken it as a
 * word (a client code, a folder). So its tokens are checked here instead.
 */
export function parseArgs(args: readonly string[], valued: readonly string[], booleans: readonly string[]): Parsed {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of valued) options[name] = { type: 'string' };
  for (const name of booleans) options[name] = { type: 'boolean' };
  const { tokens } = nodeParseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  let lastShort = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value);
    else if (token.kind === 'option' && !token.rawName.startsWith('--')) {
      // `-x` or `-abc` (one token per letter, all at one index): the word itself.
      if (token.index !== lastShort) positional.push(args[token.index]);
      lastShort = token.index;
    } else if (token.kind === 'option') {
      const { name } = token;
      if (valued.includes(name)) {
        if (token.value === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, token.value);
      } else if (booleans.includes(name) && !token.inlineValue) {
        flags.set(name, true);
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    }
  }
  return { positional, flags };
}

export function warn(io: Io, w: FolderScan['warnings'][number]): void {
  io.err(`attune: warning: ${printable(w.file)}${w.line ? `:${w.line}` : ''}: ${printable(w.message)}\n`);
}

export function readFolder(io: Io, dir: string | undefined): string {
  const root = path.resolve(io.cwd, dir ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(root);
  } catch (err) {
    throw new UsageError(`cannot read ${dir ?? '.'}: ${errorReason(err)}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`cannot read ${dir ?? '.'}: it is not a folder`);
  return root;
}

/** Reads every note under ROOT with the folder's own settings; warnings go to stderr. */
export function scanNotes(io: Io, root: string, dir: string | undefined, maxBytes?: number): FolderScan {
  let result: FolderScan;
  try {
    result = scanFolder(root, maxBytes === undefined ? {} : { maxBytes });
  } catch (err) {
    throw new UsageError(`cannot read ${dir ?? '.'}: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const w of result.warnings) warn(io, w);
  // The folder's settings file may not be the user's own: it never raises the limit past the ceiling.
  if (maxBytes === undefined && noteSizeOverCeiling(largestNoteSetting(root))) {
    io.err(`attune: warning: attune.largestNoteInMegabytes asks for more than ${MAX_NOTE_SIZE_MB_CEILING} MB; ${MAX_NOTE_SIZE_MB_CEILING} MB is used\n`);
  }
  return result;
}

/**
 * Built-in templates merged with the folder's own (`attune.templatesFolder`, `.attune/templates`
 * by default). An unreadable template is left out; the built-in of that name still works.
 */
export function folderTemplates(root: string): Template[] {
  return mergeTemplates(loadTemplateFiles(root, folderSettings(root).settings.templatesFolder).files);
}

/** Picks the client the user means: the exact code, else the one code that matches ignoring case. */
export function resolveClient(known: readonly string[], wanted: string): string | undefined {
  if (known.includes(wanted)) return wanted;
  const folded = known.filter((c) => c.toLowerCase() === wanted.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/** The known client codes, for a message about a client that has no notes. */
export function knownList(known: readonly string[]): string {
  return known.length === 0 ? 'no client notes were found there' : `known clients: ${known.map(printable).join(', ')}`;
}

/** The folder's own size limit (its settings file, the old name too), or undefined. */
function largestNoteSetting(root: string): unknown {
  const get = folderSettings(root).get;
  return get === undefined ? undefined : withOldNames(get)('attune.largestNoteInMegabytes');
}
