import * as fs from 'fs';
import * as path from 'path';
import { RuptureIndex } from '../core/index';
import { DEFAULT_PARSE_OPTIONS, parseNote, type ParseOptions } from '../core/note';
import { decodeNote, DEFAULT_MAX_NOTE_BYTES, errorReason, walkNotes } from './files';

export interface ScanWarning {
  /** Path relative to the scanned folder, with `/` separators. */
  readonly file: string;
  /** One-based line, when the warning is about one line. */
  readonly line?: number;
  readonly message: string;
}

export interface ScanOptions {
  readonly maxBytes?: number;
  readonly parse?: ParseOptions;
}

export interface ScanResult {
  /** Entries' paths are relative to the scanned folder, with `/` separators. */
  readonly index: RuptureIndex;
  readonly warnings: ScanWarning[];
}

export function relativePath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/** Reads every note under `root` into an index. Throws only when `root` cannot be read. */
export function scanFolder(root: string, options: ScanOptions = {}): ScanResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_NOTE_BYTES;
  const parse = options.parse ?? DEFAULT_PARSE_OPTIONS;
  const index = new RuptureIndex();
  const warnings: ScanWarning[] = [];
  const { files, problems } = walkNotes(root);
  for (const p of problems) warnings.push({ file: relativePath(root, p.path), message: `folder skipped: ${p.reason}` });
  for (const file of files) {
    const rel = relativePath(root, file);
    let bytes: Buffer;
    try {
      const size = fs.statSync(file).size;
      if (size > maxBytes) {
        warnings.push({ file: rel, message: `skipped: ${formatBytes(size)} is over the ${formatBytes(maxBytes)} limit for a note` });
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (err) {
      warnings.push({ file: rel, message: `skipped: ${errorReason(err)}` });
      continue;
    }
    const decoded = decodeNote(bytes);
    if (!decoded.ok) {
      warnings.push({ file: rel, message: `skipped: ${decoded.reason}` });
      continue;
    }
    const note = parseNote(decoded.text, { path: rel, folderName: path.basename(path.dirname(file)), fileName: path.basename(file) }, parse);
    for (const w of note.warnings) warnings.push({ file: rel, ...(w.line >= 0 ? { line: w.line + 1 } : {}), message: w.message });
    index.set(note);
  }
  return { index, warnings };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
