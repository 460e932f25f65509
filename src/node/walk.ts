import * as fs from 'fs';
import * as path from 'path';
import { folderPath, shortPath } from './deepPaths';

/** A markdown file found by the walk. */
export interface FoundNote {
  readonly full: string;
  /** Path below the root, `/` between folders. */
  readonly relative: string;
  readonly folderName: string;
  readonly fileName: string;
}

export interface WalkResult {
  /** Markdown files in a stable order: each folder's entries by name, depth first. */
  readonly notes: FoundNote[];
  /** Folders that could not be read (relative paths), with the reason (no note text involved). */
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

interface Folder {
  readonly full: string;
  readonly relative: string;
  /** The folder's real path, so a link back to a folder already walked is not walked again. */
  readonly real: string;
  readonly name: string;
}

/**
 * Finds the markdown files under `root`, following symbolic links but walking each real
 * folder once, so link loops end. Linear in the number of folders however deep they nest:
 * a folder's real path is its parent's plus its name (only a link costs a `realpath`), an
 * explicit stack replaces recursion, and deep folders are opened from their parent (deepPaths). `skipFolder` gets each folder's relative path and
 * prunes it. Throws only when `root` itself cannot be read.
 */
export function walkNotes(root: string, skipFolder: (relative: string) => boolean): WalkResult {
  const notes: FoundNote[] = [];
  const problems: { path: string; reason: string }[] = [];
  const seen = new Set<string>();
  let rootReal: string;
  try {
    rootReal = fs.realpathSync.native(root);
    if (!fs.statSync(rootReal).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    throw new Error(errorReason(err));
  }
  // Work items: a folder to open, or a note to emit, popped in the order a recursive walk meets them.
  const stack: (Folder | FoundNote)[] = [{ full: root, relative: '', real: rootReal, name: path.basename(root) }];
  while (stack.length > 0) {
    const item = stack.pop() as Folder | FoundNote;
    if (!('real' in item)) {
      notes.push(item);
      continue;
    }
    if (seen.has(item.real)) continue;
    seen.add(item.real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folderPath(item.full), { withFileTypes: true });
    } catch (err) {
      if (item.relative === '') throw new Error(errorReason(err));
      problems.push({ path: item.relative, reason: errorReason(err) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const next: (Folder | FoundNote)[] = [];
    for (const entry of entries) {
      const full = item.relative === '' ? path.join(item.full, entry.name) : item.full + path.sep + entry.name;
      const relative = item.relative === '' ? entry.name : `${item.relative}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = item.real + path.sep + entry.name;
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(shortPath(full));
          isDir = st.isDirectory();
          isFile = st.isFile();
          if (isDir) real = fs.realpathSync.native(shortPath(full));
        } catch {
          continue; // A dangling link is not a note.
        }
      }
      if (isDir) {
        if (!skipFolder(relative)) next.push({ full, relative, real, name: entry.name });
      } else if (isFile && /\.md$/i.test(entry.name)) {
        next.push({ full, relative, folderName: item.name, fileName: entry.name });
      }
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }
  return { notes, problems };
}
