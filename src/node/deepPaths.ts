/**
 * Short names for files in deeply nested folders. The kernel resolves a path one folder at a
 * time, so opening each of n nested folders by its full path costs n² steps (1,600 levels
 * took most of a second). On Linux a folder held open is reachable as `/proc/self/fd/N`, so
 * a path below it resolves from there in one step. Only paths deeper than DEEP folders take
 * this route: every ordinary workspace opens files by their plain paths.
 */
import fs = require('fs');
import path = require('path');

/** Folders deeper than this are reached through an open ancestor. */
const DEEP = 32;
/** Open folders kept at most: a walk or a scan goes depth first, so it needs few at a time. */
const MAX_OPEN = 64;
/** Folders are closed once nothing has used them for this long (the end of a walk or scan). */
const IDLE_MS = 100;

const FD_ROOT = '/proc/self/fd';
const usable = process.platform === 'linux' && fs.existsSync(FD_ROOT);
// O_DIRECTORY refuses anything else even behind a link; O_NONBLOCK keeps a FIFO from blocking.
const FOLDER_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_DIRECTORY ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/** Open folders by full path, oldest use first (a Map keeps insertion order). */
const open = new Map<string, number>();
let idle: NodeJS.Timeout | undefined;

/** Whether a path has more than `levels` slashes; reads no further than that, so long paths cost nothing more. */
function deeper(p: string, levels: number): boolean {
  // Each level takes a `/` and a character at least.
  if (p.length <= 2 * levels) return false;
  let n = 0;
  for (let i = 0; i < p.length; i++) if (p.charCodeAt(i) === 47 /* / */ && ++n > levels) return true;
  return false;
}

/** Waiting on foldersClosed(). */
const closedWaiters: Array<() => void> = [];

function closeAll(): void {
  for (const fd of open.values()) fs.closeSync(fd);
  open.clear();
  idle = undefined;
  for (const resolve of closedWaiters.splice(0)) resolve();
}

/**
 * Resolves once no folder is held open (at once when none is): the signal a test waits for,
 * rather than a fixed time, to check that a walk leaves no folder open behind it.
 */
export function foldersClosed(): Promise<void> {
  return open.size === 0 ? Promise.resolve() : new Promise((resolve) => closedWaiters.push(resolve));
}

function keep(folder: string, fd: number): void {
  open.set(folder, fd);
  while (open.size > MAX_OPEN) {
    const [oldest, oldFd] = open.entries().next().value as [string, number];
    open.delete(oldest);
    fs.closeSync(oldFd);
  }
}

/**
 * A path that names the same folder and costs the kernel few steps: the folder itself when it
 * is shallow, else `/proc/self/fd/N` for it, opened from its nearest open ancestor. Throws as
 * `fs.openSync` does when a folder on the way cannot be opened.
 */
export function folderPath(folder: string): string {
  if (!usable || !deeper(folder, DEEP)) return folder;
  if (idle) idle.refresh();
  else idle = setTimeout(closeAll, IDLE_MS).unref();
  const cached = open.get(folder);
  if (cached !== undefined) {
    // Used again: move it to the newest end, so a walk's current folders stay open.
    open.delete(folder);
    open.set(folder, cached);
    return `${FD_ROOT}/${cached}`;
  }
  // The folders between the nearest open (or shallow) ancestor and this one, deepest first.
  const missing: string[] = [];
  let at = folder;
  while (deeper(at, DEEP) && !open.has(at)) {
    missing.push(at);
    at = path.dirname(at);
  }
  let from = open.has(at) ? `${FD_ROOT}/${open.get(at) as number}` : at;
  for (let i = missing.length - 1; i >= 0; i--) {
    const fd = fs.openSync(`${from}/${path.basename(missing[i])}`, FOLDER_FLAGS);
    keep(missing[i], fd);
    from = `${FD_ROOT}/${fd}`;
  }
  return from;
}

/**
 * A path to hand to `fs` in place of `full` (an absolute path): itself, or the same file
 * reached through its folder held open. Valid until the next call.
 */
export function shortPath(full: string): string {
  if (!usable || !deeper(full, DEEP + 1)) return full;
  return `${folderPath(path.dirname(full))}/${path.basename(full)}`;
}
