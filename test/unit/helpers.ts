import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { parseNote, type Note, type NoteSource, type RuptureEntry } from '../../src/core/notes/note';
import type { WalkFilter } from '../../src/node/walk';

/** The fixed "today" every test uses, so ages and template dates never drift. */
export const TODAY = '2026-11-20';

/** A note source for a file in a client's folder. */
export function source(file = 'AB/2026-11-10.md'): NoteSource {
  const parts = file.split('/');
  return { path: file, folderName: parts.length > 1 ? parts[parts.length - 2] : '', fileName: parts[parts.length - 1] };
}

export function parse(text: string, file?: string): Note {
  return parseNote(text, source(file));
}

/** The entries of a note as `[line, title, status]`, the shape most contract tests compare. */
export function entries(text: string, file?: string): [number, string, string][] {
  return parse(text, file).entries.map((e: RuptureEntry) => [e.line, e.title, e.status]);
}

/** A markdown file as the walk found it. */
export interface FoundNote {
  readonly full: string;
  readonly relative: string;
  readonly folderName: string;
  readonly fileName: string;
}

/** A walk filter keeping every markdown file outside the folders `skipFolder` prunes. */
export function allNotes(skipFolder: (relative: string) => boolean): WalkFilter<FoundNote> {
  return { skipFolder, note: (folder, relative, folderName, fileName) => ({ full: path.join(folder, fileName), relative, folderName, fileName }) };
}

/** Temporary folders, removed after the suite that made them. */
export class TempDirs {
  private readonly made: string[] = [];

  make(files: Readonly<Record<string, string | Buffer>> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-test-'));
    this.made.push(dir);
    for (const [rel, content] of Object.entries(files)) write(dir, rel, content);
    return dir;
  }

  cleanup(): void {
    for (const dir of this.made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const full = path.join(dir, ...rel.split('/'));
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process with a fake terminal. */
export function cli(argv: readonly string[], cwd: string, today = TODAY): CliResult {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, today });
  return { code, out, err };
}
