/**
 * Replaces a note on disk so that it is never seen half-written: the new bytes go to a
 * temporary file in the note's own folder, are flushed to the disk, and only then renamed
 * over the note. A full disk, a size limit or a killed process leave the note as it was.
 */
import fs = require('fs');
import path = require('path');
import { openRegularFile, readRegularFile, type ReadResult } from './safeRead';

/** Why a write was refused or failed; the note holds what it held, or another program's save (`kept`). */
export class WriteRefused extends Error {
  /** `theirs`: another program's save landed during the write and is what the note holds now. */
  constructor(
    readonly reason: string,
    readonly kept: 'unchanged' | 'theirs' = 'unchanged',
  ) {
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

/** A lock older than this was left by a process that died (a write takes milliseconds): it is taken over. */
const STALE_LOCK_MS = 60_000;
/**
 * How long a writer waits for one other Attune writer to finish with the same note. The wait
 * starts again whenever the lock changes hands: on a busy machine many writers taking turns
 * may keep one waiting longer, but none of them is stuck.
 */
const LOCK_WAIT_MS = 10_000;

/** Lock files this process holds, by the note's real path, with how many calls hold each. */
const held = new Map<string, { readonly lock: string; count: number }>();

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The hidden lock file beside a note: never a note itself (no `.md` at the end). */
export function lockFileOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.attune-lock`);
}

/**
 * Runs `fn` while this process holds the note's lock: `attune set` processes and the
 * extension take turns at a note (read, change, write), so no writer's update is lost. The
 * lock is a file beside the note created with O_EXCL and removed afterwards; one older than a
 * minute was left by a process that died, and is taken over. Re-entrant: replaceNote inside
 * `fn` uses the lock already held. Throws WriteRefused when the lock cannot be had.
 */
export function withNoteLock<T>(file: string, fn: () => T): T {
  const target = fs.realpathSync(file);
  const mine = held.get(target);
  if (mine) {
    mine.count++;
    try {
      return fn();
    } finally {
      mine.count--;
    }
  }
  const lock = lockFileOf(target);
  let deadline = Date.now() + LOCK_WAIT_MS;
  let holder = '';
  for (let attempt = 0; ; attempt++) {
    try {
      fs.closeSync(fs.openSync(lock, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new WriteRefused(`a lock file could not be made beside it: ${reasonOf(err)}`);
    }
    let age: number | undefined;
    try {
      const stat = fs.statSync(lock);
      age = Date.now() - stat.mtimeMs;
      // Another lock than the one waited on so far: its writer has just begun.
      const now = `${stat.ino}:${stat.mtimeMs}:${stat.birthtimeMs}`;
      if (now !== holder) {
        holder = now;
        deadline = Date.now() + LOCK_WAIT_MS;
      }
    } catch {
      // Gone meanwhile: try again at once.
    }
    if (age !== undefined && age > STALE_LOCK_MS) {
      try {
        fs.unlinkSync(lock);
      } catch {
        // Another writer took it over first.
      }
      continue;
    }
    if (age !== undefined) {
      if (Date.now() > deadline) throw new WriteRefused('another Attune is changing it just now; try again in a moment');
      // A few milliseconds, more as the wait goes on, with jitter so waiting writers do not wake together.
      sleep(Math.min(50, 2 + attempt) * (0.5 + Math.random()));
    }
  }
  held.set(target, { lock, count: 1 });
  try {
    return fn();
  } finally {
    held.delete(target);
    try {
      fs.unlinkSync(lock);
    } catch {
      // Removed by a writer that judged it stale: nothing to undo.
    }
  }
}

/** Whether the file open as `fd` still holds exactly `bytes`, as `stat` saw it. */
function unchanged(fd: number, stat: fs.Stats, bytes: Buffer): boolean {
  const now = fs.fstatSync(fd);
  if (now.size !== stat.size || now.mtimeMs !== stat.mtimeMs) return false;
  // Same size and time can still hide a write within the clock's tick: compare the bytes too.
  return bytesOf(fd, bytes.length + 1).equals(bytes);
}

/** A file's bytes through its descriptor, from the start (positioned reads: the descriptor's offset does not matter), at most `max`. */
function bytesOf(fd: number, max = fs.fstatSync(fd).size): Buffer {
  const buffer = Buffer.allocUnsafe(max);
  let done = 0;
  while (done < max) {
    const n = fs.readSync(fd, buffer, done, max - done, done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

const CHANGED = 'it changed on disk since Attune read it (another program saved it?)';
const SAVED_MEANWHILE = 'another program saved it while Attune was writing';

/**
 * Replaces the note at `file` (following symbolic links: the target is edited, the link
 * stays) with `bytes`, provided it still holds exactly what `read` saw. Keeps the note's
 * owner and mode (owner first: setting it clears setuid and setgid bits). Holds the note's
 * lock (withNoteLock) throughout. Throws WriteRefused, with a reason fit for the user, when
 * the note is read-only, changed since it was read, or the write fails; the note is then
 * unchanged and no temporary file is left behind.
 *
 * A program that saves in place between the last check and the rename (most editors do) is
 * caught too: the note's original file stays open from before the check, and a second name
 * for it is made just before the rename. If anything wrote to it meanwhile, that file, the
 * other program's save, is put back in the note's place and the write is refused.
 */
export function replaceNote(file: string, read: ReadResult, bytes: Uint8Array, system: WriteSystem = NODE): void {
  withNoteLock(file, () => replaceLocked(fs.realpathSync(file), read, bytes, system));
}

function replaceLocked(target: string, read: ReadResult, bytes: Uint8Array, system: WriteSystem): void {
  const { stat } = read;
  if (isReadOnly(target, stat.mode)) throw new WriteRefused('the note is read-only');
  const dir = path.dirname(target);
  // A hidden name that is not a note, so no scan ever reads a half-written copy.
  // Loaded here, when a note is written: most commands only read, and Node's crypto takes milliseconds to load.
  const { randomBytes } = require('crypto') as typeof import('crypto');
  const stem = path.join(dir, `.${path.basename(target)}.attune-${randomBytes(6).toString('hex')}`);
  const temp = `${stem}.tmp`;
  const second = `${stem}-held.tmp`;
  let original: number;
  try {
    original = openRegularFile(target).fd;
  } catch {
    throw new WriteRefused(CHANGED);
  }
  let fd: number | undefined;
  let renamed = false;
  let linked = false;
  try {
    if (!unchanged(original, stat, read.bytes) || fs.fstatSync(original).ino !== stat.ino) throw new WriteRefused(CHANGED);
    try {
      fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch (err) {
      throw new WriteRefused(`a temporary file could not be made beside it: ${reasonOf(err)}`);
    }
    try {
      for (let done = 0; done < bytes.length;) done += system.writeSync(fd, bytes, done, bytes.length - done);
      system.fsyncSync(fd);
      // Owner before mode: changing the owner clears setuid and setgid, so the mode comes last.
      const own = fs.fstatSync(fd);
      if (own.uid !== stat.uid || own.gid !== stat.gid) fs.fchownSync(fd, stat.uid, stat.gid);
      fs.fchmodSync(fd, stat.mode & 0o7777);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException | undefined)?.code;
      throw new WriteRefused(code === 'EPERM' ? 'its owner could not be kept' : reasonOf(err));
    } finally {
      fs.closeSync(fd);
    }
    system.beforeCheck?.();
    // The last look before the rename: the note must still be what was read.
    let now: ReadResult;
    try {
      now = readRegularFile(target, read.bytes.length);
    } catch {
      throw new WriteRefused(CHANGED);
    }
    if (!sameFile(now.stat, stat) || !now.bytes.equals(read.bytes)) throw new WriteRefused(CHANGED);
    // A second name for the original file, so it can be put back if something writes to it
    // from here on; a file system without hard links falls back to copying its bytes back.
    try {
      fs.linkSync(target, second);
      linked = true;
      if (fs.lstatSync(second).ino !== stat.ino) throw new WriteRefused(CHANGED);
    } catch (err) {
      if (err instanceof WriteRefused) throw err;
    }
    try {
      system.renameSync(temp, target);
      renamed = true;
    } catch (err) {
      throw new WriteRefused(reasonOf(err));
    }
    if (!unchanged(original, stat, read.bytes)) {
      putBack(target, linked ? second : undefined, original, `${stem}-back.tmp`);
      linked = false;
      throw new WriteRefused(SAVED_MEANWHILE, 'theirs');
    }
    syncFolder(dir);
  } finally {
    fs.closeSync(original);
    for (const leftover of [...(renamed ? [] : [temp]), ...(linked ? [second] : [])]) {
      try {
        fs.unlinkSync(leftover);
      } catch {
        // Never made, or already gone.
      }
    }
  }
}

/**
 * Puts another program's save back in the note's place after Attune's rename: the original
 * file itself when it has a second name (mode, owner and attributes with it), else a copy of
 * its bytes written as any note is.
 */
function putBack(target: string, second: string | undefined, original: number, temp: string): void {
  if (second) {
    fs.renameSync(second, target);
  } else {
    const saved = bytesOf(original);
    const stat = fs.fstatSync(original);
    const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, stat.mode & 0o7777);
    try {
      for (let done = 0; done < saved.length;) done += fs.writeSync(fd, saved, done, saved.length - done);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  }
  syncFolder(path.dirname(target));
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
