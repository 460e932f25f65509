import fs = require('fs');
import path = require('path');
import { isMarkdownFile } from '../core/notes/noteCollection';
import { folderPath, shortPath } from './deepPaths';

interface WalkResult<T> {
  /** Notes in a stable order: each folder's entries by name, depth first. */
  readonly notes: T[];
  /** Folders that could not be read (relative paths), with the reason (no note text involved). */
  readonly problems: { readonly path: string; readonly reason: string }[];
}

/** The same walk, read as it goes: `problems` is complete once `notes` has been read to its end. */
interface LazyWalk<T> {
  readonly notes: Iterable<T>;
  readonly problems: { readonly path: string; readonly reason: string }[];
}

/** Why a file or folder could not be read, in words that never quote it. */
export function errorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it does not exist';
    case 'ENOTDIR':
      return 'it is not a folder';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'ENAMETOOLONG':
      return 'its path is too long';
    case 'ENOTFILE':
      return 'it is not a regular file (a pipe, device or folder)';
    case 'EFBIG':
      return 'it is over the size limit';
    default:
      return code ? `it could not be read (${code})` : 'it could not be read';
  }
}

/** A folder waiting to be read; a class, so the walk's stack tells folders from notes. */
class Folder {
  constructor(
    readonly full: string,
    readonly relative: string,
    /**
     * The folder's real path when it was reached through a link (or below one), so a folder
     * reached through two links is walked once; undefined for the folders a walk reaches
     * where they are, which need none (building and hashing a real path for each of 4,000
     * nested folders made deep walks quadratic).
     */
    readonly real: string | undefined,
    readonly name: string,
  ) {}
}

/** What the walk leaves out, and what it makes of each note it keeps. */
export interface WalkFilter<T> {
  /** Gets each folder's relative path and name; true prunes it. */
  skipFolder(relative: string, name: string): boolean;
  /**
   * The note for a markdown file, or undefined to leave it out (an include or exclude glob).
   * `folder` is the path of the folder holding it; `relative` is the note's below the root, `/` between folders.
   */
  note(folder: string, relative: string, folderName: string, fileName: string): T | undefined;
}

/** Whether `real` (a real path) is `rootReal` or below it. */
function insideReal(rootReal: string, real: string): boolean {
  if (real === rootReal) return true;
  const prefix = rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep;
  return real.startsWith(prefix);
}

/** A real path below a folder's real path; the file-system root already ends in a separator. */
function below(real: string, name: string): string {
  return real.endsWith(path.sep) ? real + name : real + path.sep + name;
}

/**
 * Whether the walk reaches the folder at `real` (inside the root) without a link: no folder on
 * its way is a link or left out by the filter. A link to it then adds nothing, and a link to
 * the root or a folder above the link (a loop) is never followed.
 */
function reachedWhereItIs<T>(rootReal: string, real: string, filter: WalkFilter<T>): boolean {
  if (real === rootReal) return true;
  let here = rootReal;
  let relative = '';
  for (const name of real.slice(rootReal.length).split(path.sep)) {
    if (name === '') continue;
    here = below(here, name);
    relative = relative === '' ? name : `${relative}/${name}`;
    if (filter.skipFolder(relative, name)) return false;
    try {
      if (fs.lstatSync(shortPath(here)).isSymbolicLink()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Finds the markdown files under `root`, following symbolic links only where they stay inside
 * `root` (a link to `/` or to a file elsewhere on the disk is not followed: a workspace must
 * not lead Attune outside it), walking each real folder once, so link loops end; a link to a
 * note or folder that the walk reaches where it is adds nothing. Linear in the number of folders
 * however deep they nest: only links cost a `realpath`, an explicit stack replaces recursion, and deep folders are opened from their parent
 * (deepPaths). Each note is made by the filter as it is found, so a scan of 10,000 notes
 * builds no list to copy or filter afterwards. Throws only when `root` itself cannot be read.
 */
export function walkNotes<T>(root: string, filter: WalkFilter<T>): WalkResult<T> {
  const walk = walkNotesLazily(root, filter);
  return { notes: [...walk.notes], problems: walk.problems };
}

/**
 * The walk one folder at a time, as its notes are read: an editor's scan can pause between
 * any two notes, so a large archive's listing never holds the thread at a stretch. Throws at
 * once when `root` itself cannot be read; the notes can be read once.
 */
export function walkNotesLazily<T>(root: string, filter: WalkFilter<T>): LazyWalk<T> {
  const problems: { path: string; reason: string }[] = [];
  let rootReal: string;
  try {
    rootReal = fs.realpathSync.native(root);
    if (!fs.statSync(rootReal).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    throw new Error(errorReason(err), { cause: err });
  }
  return { notes: walkSteps(root, rootReal, filter, problems), problems };
}

function* walkSteps<T>(root: string, rootReal: string, filter: WalkFilter<T>, problems: { path: string; reason: string }[]): Generator<T> {
  const seen = new Set<string>();
  // Work items: a folder to open, or a note to emit, popped in the order a recursive walk meets them.
  const stack: (Folder | T)[] = [new Folder(root, '', undefined, path.basename(root))];
  while (stack.length > 0) {
    const item = stack.pop() as Folder | T;
    if (!(item instanceof Folder)) {
      yield item;
      continue;
    }
    if (item.real !== undefined) {
      if (seen.has(item.real)) continue;
      seen.add(item.real);
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folderPath(item.full), { withFileTypes: true });
    } catch (err) {
      if (item.relative === '') throw new Error(errorReason(err), { cause: err });
      problems.push({ path: item.relative, reason: errorReason(err) });
      continue;
    }
    const next = folderItems(item, entries, filter, rootReal, problems);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
}

/**
 * A folder's subfolders and notes, by name. Its own function, apart from the walk's loop, so
 * the engine optimises two small loops rather than one large one.
 */
function folderItems<T>(
  folder: Folder,
  entries: fs.Dirent[],
  filter: WalkFilter<T>,
  rootReal: string,
  problems: { path: string; reason: string }[],
): (Folder | T)[] {
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const items: (Folder | T)[] = [];
  // A path to read is made only for folders and links: a note's is made by the filter, if it needs one.
  const fullOf = (name: string): string => (folder.relative === '' ? path.join(folder.full, name) : folder.full + path.sep + name);
  for (const entry of entries) {
    const relative = folder.relative === '' ? entry.name : `${folder.relative}/${entry.name}`;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real: string | undefined;
    if (entry.isSymbolicLink()) {
      const full = shortPath(fullOf(entry.name));
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
        real = fs.realpathSync.native(full);
      } catch {
        continue; // A dangling link is not a note.
      }
      if (!insideReal(rootReal, real)) {
        if (isDir && !filter.skipFolder(relative, entry.name)) problems.push({ path: relative, reason: 'it links to a folder outside the workspace folder' });
        continue;
      }
      // A link to a note or folder elsewhere in the workspace: it is listed where it is, once.
      if (isFile && isMarkdownFile(path.basename(real))) continue;
      if (isDir && reachedWhereItIs(rootReal, real, filter)) continue;
    }
    if (isDir) {
      const folderReal = real ?? (folder.real === undefined ? undefined : below(folder.real, entry.name));
      if (!filter.skipFolder(relative, entry.name)) items.push(new Folder(fullOf(entry.name), relative, folderReal, entry.name));
    } else if (isFile && isMarkdownFile(entry.name)) {
      const note = filter.note(folder.full, relative, folder.name, entry.name);
      if (note !== undefined) items.push(note);
    }
  }
  return items;
}
