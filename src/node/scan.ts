import * as fs from 'fs';
import * as path from 'path';
import { RuptureIndex } from '../core/index';
import { DEFAULT_PARSE_OPTIONS, parseNote, type ParseOptions } from '../core/note';
import { DEFAULT_MAX_NOTE_BYTES, errorReason, indexableText, walkNotes } from './files';
import { openRegularFile } from './safeRead';

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

/**
 * Reads notes into one buffer reused from note to note, so a scan neither stats each file
 * before reading it nor allocates a buffer per note (both showed in profiles of a
 * 10,000-note scan). Gives the same outcome as stat-then-read: a note over `maxBytes` is
 * reported with its size, unread.
 */
export class NoteReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly maxBytes: number) {}

  /** The note's bytes (valid until the next read), or its size when it is over the limit. Throws as `fs` does. */
  read(file: string): Uint8Array | { readonly size: number } {
    let fd: number;
    try {
      // Never blocks on a pipe swapped in after the walk; refuses all but regular files.
      fd = openRegularFile(file).fd;
    } catch (err) {
      // A note over the limit is reported as such even when it cannot be opened.
      const size = fs.statSync(file).size;
      if (size > this.maxBytes) return { size };
      throw err;
    }
    try {
      let total = 0;
      for (;;) {
        if (total > this.maxBytes) return { size: fs.fstatSync(fd).size };
        if (total === this.buffer.length) {
          const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, this.maxBytes + 1));
          this.buffer.copy(bigger, 0, 0, total);
          this.buffer = bigger;
        }
        const n = fs.readSync(fd, this.buffer, total, Math.min(this.buffer.length, this.maxBytes + 1) - total, null);
        if (n === 0) return this.buffer.subarray(0, total);
        total += n;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** Reads every note under `root` into an index. Throws only when `root` cannot be read. */
export function scanFolder(root: string, options: ScanOptions = {}): ScanResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_NOTE_BYTES;
  const parse = options.parse ?? DEFAULT_PARSE_OPTIONS;
  const index = new RuptureIndex();
  const warnings: ScanWarning[] = [];
  const { files, problems } = walkNotes(root);
  for (const p of problems) warnings.push({ file: relativePath(root, p.path), message: `folder skipped: ${p.reason}` });
  const reader = new NoteReader(maxBytes);
  // Notes come folder by folder: work out each folder's relative path and name once.
  const folders = new Map<string, { readonly prefix: string; readonly name: string }>();
  for (const file of files) {
    const cut = file.lastIndexOf(path.sep);
    const fileName = file.slice(cut + 1);
    let folder = folders.get(file.slice(0, cut));
    if (!folder) {
      const dir = path.dirname(file);
      const relDir = relativePath(root, dir);
      folder = { prefix: relDir === '' ? '' : `${relDir}/`, name: path.basename(dir) };
      folders.set(file.slice(0, cut), folder);
    }
    const rel = folder.prefix + fileName;
    let bytes: Uint8Array;
    try {
      const read = reader.read(file);
      if (!(read instanceof Uint8Array)) {
        warnings.push({ file: rel, message: `skipped: ${formatBytes(read.size)} is over the ${formatBytes(maxBytes)} limit for a note` });
        continue;
      }
      bytes = read;
    } catch (err) {
      warnings.push({ file: rel, message: `skipped: ${errorReason(err)}` });
      continue;
    }
    const decoded = indexableText(bytes);
    if (!decoded.ok) {
      warnings.push({ file: rel, message: `skipped: ${decoded.reason}` });
      continue;
    }
    const note = parseNote(decoded.text, { path: rel, folderName: folder.name, fileName }, parse);
    for (const w of note.warnings) warnings.push({ file: rel, ...(w.line >= 0 ? { line: w.line + 1 } : {}), message: w.message });
    index.set(note);
  }
  return { index, warnings };
}

/**
 * A size for a message: in bytes, in whole KB, or in MB to two decimals. Rounded to the
 * nearest, except that a size is never shown at or below the hundredth of a MB it is over,
 * and a size that is a whole number of hundredths of a MB (as every size limit is, within
 * the half byte `--max-size` rounds to) is rounded down. So a note over a limit always
 * reads as more than the limit: "5.01 MB is over the 5 MB limit", never "5 MB is over
 * the 5 MB limit"; "103 KB is over the 102 KB limit" for `--max-size 0.1`.
 */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  // Limits are set in MB, to the hundredth at most: a hundredth of a MB is 10,485.76 bytes.
  const hundredth = (1024 * 1024) / 100;
  const mb = n >= 1024 * 1024;
  // Shown in hundredths of a MB, or in whole KB.
  const unit = mb ? hundredth : 1024;
  const hundredthShown = (h: number): number => (mb ? h : Math.floor((h * 1024) / 100));
  const h = Math.round(n / hundredth);
  let shown: number;
  if (Math.abs(n - h * hundredth) <= 0.5) shown = hundredthShown(h);
  else {
    shown = Math.round(n / unit);
    if (shown <= hundredthShown(Math.floor(n / hundredth))) shown = Math.ceil(n / unit);
  }
  return mb ? `${Number((shown / 100).toFixed(2))} MB` : `${shown} KB`;
}
