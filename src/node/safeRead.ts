/**
 * The one way Attune reads a file (notes, templates, checklists): only regular files, never
 * more than a size limit. A FIFO would block `open` and `read` forever, `/dev/zero` never
 * ends, and a huge file exhausts memory; each is refused before any byte is read.
 */
import fs = require('fs');

/** Templates are a page or two; anything far larger is not a template. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A file Attune will not read: a folder, device, pipe or socket, even behind a link. */
export class NotAFile extends Error {
  readonly code = 'ENOTFILE';
  constructor() {
    super('not a regular file');
    this.name = 'NotAFile';
  }
}

/** A file over the size limit; `size` is what the file system says. */
export class TooLarge extends Error {
  readonly code = 'EFBIG';
  constructor(readonly size: number) {
    super('over the size limit');
    this.name = 'TooLarge';
  }
}

// Without O_NONBLOCK, opening a FIFO waits for a writer; with it, `open` returns at once
// and the fstat below refuses it. Windows has no FIFOs and no such flag.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * Opens a regular file for reading without ever blocking, and returns its descriptor with
 * the descriptor's own stat (the file actually opened, whatever swapped in at that path).
 * Throws NotAFile, or as `fs` does. The caller closes the descriptor.
 */
export function openRegularFile(file: string): { fd: number; stat: fs.Stats } {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotAFile();
    return { fd, stat };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/**
 * Reads an open file into `buffer` (grown as needed, never past `maxBytes + 1`), stopping
 * one byte past the limit: a file that grew after its stat still cannot make Attune read
 * more. `alreadyRead` bytes at the start of `buffer` came from this descriptor before.
 * Returns the bytes read, or TooLarge.
 */
export function readOpened(fd: number, maxBytes: number, buffer: Buffer, alreadyRead = 0): { bytes: Buffer; buffer: Buffer } | TooLarge {
  let buf = buffer;
  let total = alreadyRead;
  for (;;) {
    if (total > maxBytes) return new TooLarge(Math.max(total, fs.fstatSync(fd).size));
    if (total === buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(Math.max(buf.length * 2, 64 * 1024), maxBytes + 1));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const n = fs.readSync(fd, buf, total, Math.min(buf.length, maxBytes + 1) - total, null);
    if (n === 0) return { bytes: buf.subarray(0, total), buffer: buf };
    total += n;
  }
}

/** A memory page: file systems that read in pieces read whole pages. */
const PAGE = 4096;
/** What a listed file's first read asks for: most notes fit, and a file swapped in is never read further unchecked. */
const FIRST_READ = 64 * 1024;

/**
 * Reads a file that a folder listing has just shown to be a regular file (after following
 * links), into `buffer` as readOpened does. The listing was the check, so the descriptor's
 * own stat, one system call per note, is skipped while the read looks like a regular file's:
 * a scan reads 10,000 notes, and each system call saved is a saving 10,000 times.
 * Something swapped in since the listing is still caught before more than 64 KB of it are
 * read: whenever nothing comes back (a FIFO, `/dev/null`), the first 64 KB fill (a large
 * note, `/dev/zero`) or the read fails (a folder, a FIFO with a writer), the descriptor is
 * checked as openRegularFile does. Throws NotAFile, or as `fs` does.
 */
export function readListedFile(file: string, maxBytes: number, buffer: Buffer): { bytes: Buffer; buffer: Buffer } | TooLarge {
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    // Never more than 64 KB before the check below, whatever the buffer has grown to.
    const first = Math.min(FIRST_READ, buffer.length, maxBytes + 1);
    let n: number;
    try {
      n = fs.readSync(fd, buffer, 0, first, null);
    } catch (err) {
      if (!fs.fstatSync(fd).isFile()) throw new NotAFile();
      throw err;
    }
    if (n === 0 || n === first) {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) throw new NotAFile();
      if (stat.size > maxBytes) return new TooLarge(stat.size);
    }
    // A regular file's read comes back short only at its end on Linux's own file systems, so
    // the read that would confirm the end (one more system call per note) is skipped. File
    // systems that hand out shorter reads (FUSE, network mounts) do so in whole pages: a read
    // of a whole number of pages still goes on to the end.
    if (n % PAGE !== 0) return { bytes: buffer.subarray(0, n), buffer };
    return readOpened(fd, maxBytes, buffer, n);
  } finally {
    fs.closeSync(fd);
  }
}

export interface ReadResult {
  readonly bytes: Buffer;
  /** The stat of the file that was read (from its open descriptor). */
  readonly stat: fs.Stats;
}

/**
 * Reads a whole regular file of at most `maxBytes`. The path is checked first (following
 * links), so a device or pipe is never even opened; then the opened descriptor is checked
 * again, in case something swapped in between. Throws NotAFile, TooLarge, or as `fs` does.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  const before = fs.statSync(file);
  if (!before.isFile()) throw new NotAFile();
  if (before.size > maxBytes) throw new TooLarge(before.size);
  const { fd, stat } = openRegularFile(file);
  try {
    if (stat.size > maxBytes) throw new TooLarge(stat.size);
    const read = readOpened(fd, maxBytes, Buffer.allocUnsafe(Math.min(stat.size + 1, maxBytes + 1)));
    if (read instanceof TooLarge) throw read;
    return { bytes: read.bytes, stat };
  } finally {
    fs.closeSync(fd);
  }
}
