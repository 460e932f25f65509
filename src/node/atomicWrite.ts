/**
 * Replaces a note on disk so that it is never seen half-written: the new bytes go to a
 * temporary file in the note's own folder, are flushed to the disk, and only then renamed
 * over the note. A full disk, a size limit or a killed process leave the note as it was.
 */
import fs = require('fs');
import path = require('path');
import { readRegularFile, type ReadResult } from './safeRead';

/** Why a write was refused or failed; the note is unchanged in every case. */
export class WriteRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'WriteRefused';
  }
}

/** The system calls a write makes, replaceable so tests can make one fail part-way. */
export interface WriteSystem {
  readonly writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
  readonly fsyncSync: (fd: number) => void;
  readonly renameSync: (from: string, to: string) => void;
  /** Runs just before the final check; tests use it to change the note at the worst moment. */
  readonly beforeCheck?: () => void;
}

const NODE: WriteSystem = {
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
};

function reasonOf(err: unknown): string {
  switch ((err as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EFBIG':
      return 'a file-size limit was reached';
    case 'EACCES':
    case 'EPERM':
      return "permission denied in the note's folder";
    case 'EROFS':
      return 'the disk is read-only';
    case 'EIO':
      return 'the disk reported an input/output problem';
    default: {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      return code ? `the write failed (${code})` : 'the write failed';
    }
  }
}

/** Whether the note cannot be written by anyone, or by this user. */
function isReadOnly(file: string, mode: number): boolean {
  // Root may write anything, so the mode itself decides: no write bit at all is read-only.
  if ((mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Replaces the note at `file` (following symbolic links: the target is edited, the link
 * stays) with `bytes`, provided it still holds exactly what `read` saw. Keeps the note's
 * mode and owner. Throws WriteRefused, with a reason fit for the user, when the note is
 * read-only, changed since it was read, or the write fails; the note is then unchanged
 * and no temporary file is left behind.
 */
export function replaceNote(file: string, read: ReadResult, bytes: Uint8Array, system: WriteSystem = NODE): void {
  const target = fs.realpathSync(file);
  const { stat } = read;
  if (isReadOnly(target, stat.mode)) throw new WriteRefused('the note is read-only');
  const dir = path.dirname(target);
  // A hidden name that is not a note, so no scan ever reads a half-written copy.
  // Loaded here, when a note is written: most commands only read, and Node's crypto takes milliseconds to load.
  const { randomBytes } = require('crypto') as typeof import('crypto');
  const temp = path.join(dir, `.${path.basename(target)}.attune-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let renamed = false;
  try {
    try {
      fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch (err) {
      throw new WriteRefused(`a temporary file could not be made beside it: ${reasonOf(err)}`);
    }
    try {
      for (let done = 0; done < bytes.length; ) done += system.writeSync(fd, bytes, done, bytes.length - done);
      system.fsyncSync(fd);
      fs.fchmodSync(fd, stat.mode & 0o7777);
      const own = fs.fstatSync(fd);
      if (own.uid !== stat.uid || own.gid !== stat.gid) fs.fchownSync(fd, stat.uid, stat.gid);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      throw new WriteRefused(code === 'EPERM' ? "its owner could not be kept" : reasonOf(err));
    } finally {
      fs.closeSync(fd);
    }
    system.beforeCheck?.();
    // The last look before the rename: the note must still be what was read.
    let now: ReadResult;
    try {
      now = readRegularFile(target, read.bytes.length);
    } catch {
      throw new WriteRefused('it changed on disk since Attune read it (another program saved it?)');
    }
    if (!sameFile(now.stat, stat) || !now.bytes.equals(read.bytes)) {
      throw new WriteRefused('it changed on disk since Attune read it (another program saved it?)');
    }
    try {
      system.renameSync(temp, target);
      renamed = true;
    } catch (err) {
      throw new WriteRefused(reasonOf(err));
    }
    syncFolder(dir);
  } finally {
    if (!renamed) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // Never made, or already gone.
      }
    }
  }
}

/** Flushes the rename itself to the disk; not every system allows fsync on a folder. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // The note is already replaced; only durability across a power cut is at stake.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
