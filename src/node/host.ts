/**
 * The file-system host: the workspace of a folder on disk, as the command line and the
 * benchmarks see it (the extension reuses its walk and reader for folders on disk). The
 * folder's `.vscode/settings.json` gives the same `attune.*` settings VS Code would.
 */
import fs = require('fs');
import path = require('path');
import { RuptureIndex } from '../core/notes/ruptureIndex';
import { noteSettings, parseJsonc, type SettingLookup } from '../core/notes/settings';
import {
  DEFAULT_SETTINGS,
  NoteCollection,
  type Listing,
  type NoteFilter,
  type NotePlace,
  type NoteRead,
  type NoteSettings,
  type WorkspaceHost,
} from '../core/notes/noteCollection';
import { indexableText } from './files';
import { shortPath } from './deepPaths';
import { NotAFile, openRegularFile, readListedFile, readOpened, readRegularFile, TooLarge } from './safeRead';
import { errorReason, walkNotesLazily } from './walk';

/** Settings files larger than this are not read (they hold a few lines). */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/**
 * The `attune.*` settings of a folder, from `ROOT/.vscode/settings.json` (JSON with
 * comments); the defaults when there is none. `problem` says why a file present was not used.
 */
export function folderSettings(root: string): { readonly settings: NoteSettings; readonly problem?: string; readonly get?: SettingLookup } {
  const file = path.join(root, '.vscode', 'settings.json');
  let text: string;
  try {
    // As notes are read: a FIFO swapped in after a stat would block a plain read forever.
    text = readRegularFile(file, MAX_SETTINGS_BYTES).bytes.toString('utf8');
  } catch (err) {
    if (err instanceof NotAFile) return { settings: DEFAULT_SETTINGS, problem: 'it is not a regular file' };
    if (err instanceof TooLarge) return { settings: DEFAULT_SETTINGS, problem: 'it is too large' };
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { settings: DEFAULT_SETTINGS } : { settings: DEFAULT_SETTINGS, problem: errorReason(err) };
  }
  let values: unknown;
  try {
    values = parseJsonc(text);
  } catch {
    return { settings: DEFAULT_SETTINGS, problem: 'it is not valid JSON' };
  }
  if (!values || typeof values !== 'object' || Array.isArray(values)) return { settings: DEFAULT_SETTINGS, problem: 'it is not a JSON object' };
  const map = values as Record<string, unknown>;
  // Other features read their own settings from the same file (cue phrases, say) through `get`.
  const get: SettingLookup = (key) => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);
  return { settings: noteSettings(get), get };
}

/**
 * Reads notes into one buffer reused from note to note, so a scan neither stats each path
 * before opening it nor allocates a buffer per note (both showed in profiles of a
 * 10,000-note scan). Through the one safe reader: only regular files, never past the limit.
 */
export class NoteReader {
  private buffer: Buffer = Buffer.allocUnsafe(64 * 1024);

  /**
   * The note's bytes (valid until the next read), or its size when it is over the limit.
   * `listed`: a folder listing has just shown it to be a regular file. Throws as `fs` does, or NotAFile.
   */
  read(file: string, maxBytes: number, listed = false): Uint8Array | { readonly size: number } {
    const short = shortPath(file);
    let read: { bytes: Buffer; buffer: Buffer } | TooLarge;
    try {
      if (listed) read = readListedFile(short, maxBytes, this.buffer);
      else {
        const opened = openRegularFile(short);
        try {
          read = opened.stat.size > maxBytes ? new TooLarge(opened.stat.size) : readOpened(opened.fd, maxBytes, this.buffer);
        } finally {
          fs.closeSync(opened.fd);
        }
      }
    } catch (err) {
      // A note over the limit is reported as such even when it cannot be opened.
      if ((err as NodeJS.ErrnoException).code !== 'ENOTFILE') {
        const size = fs.statSync(short).size;
        if (size > maxBytes) return { size };
      }
      throw err;
    }
    if (read instanceof TooLarge) return { size: read.size };
    this.buffer = read.buffer;
    return read.bytes;
  }
}

/** Reads one note for the index, as every host on disk does. */
export function readNoteFile(reader: NoteReader, file: string, maxBytes: number, listed = false): NoteRead {
  let read: Uint8Array | { readonly size: number };
  try {
    read = reader.read(file, maxBytes, listed);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'skipped', reason: errorReason(err) };
  }
  if (!(read instanceof Uint8Array)) return { kind: 'skipped', reason: `${formatBytes(read.size)} is over the ${formatBytes(maxBytes)} limit for a note` };
  const decoded = indexableText(read);
  return decoded.ok ? { kind: 'text', text: decoded.text, ...(decoded.look ? { look: decoded.look } : {}) } : { kind: 'skipped', reason: decoded.reason };
}

interface FolderHostOptions {
  /** The largest note read, over what `.vscode/settings.json` says (`--max-size`). */
  readonly maxBytes?: number;
  /** Settings to use instead of the folder's own file. */
  readonly settings?: NoteSettings;
}

/** One folder on disk; notes are keyed by their path relative to it, with `/` separators. */
export class FolderHost implements WorkspaceHost {
  readonly root: string;
  private readonly reader = new NoteReader();
  private cached: NoteSettings | undefined;
  /** Why the folder's settings file was not used, when it was not. */
  settingsProblem: string | undefined;

  constructor(
    root: string,
    private readonly options: FolderHostOptions = {},
  ) {
    this.root = path.resolve(root);
  }

  roots(): readonly string[] {
    return [this.root];
  }

  settingsFor(): NoteSettings {
    if (!this.cached) {
      let settings = this.options.settings;
      if (!settings) {
        const read = folderSettings(this.root);
        this.settingsProblem = read.problem;
        settings = read.settings;
      }
      this.cached = this.options.maxBytes === undefined ? settings : { ...settings, maxNoteBytes: this.options.maxBytes };
    }
    return this.cached;
  }

  listNotes(root: string, filter: NoteFilter): Listing {
    // Listed as the scan reads, as in the editor: the places of notes already read can go,
    // instead of a hundred thousand of them held until the last note is read.
    return walkNotesLazily<NotePlace>(root, {
      skipFolder: filter.skipFolder,
      note: (_folder, relative, folderName, fileName) =>
        filter.isNote(relative, fileName) ? { path: relative, root, relative, folderName, fileName, listed: true } : undefined,
    });
  }

  place(relative: string): NotePlace | undefined {
    const full = path.resolve(this.root, relative);
    const rel = path.relative(this.root, full).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || path.isAbsolute(rel)) return undefined;
    return { path: rel, root: this.root, relative: rel, folderName: path.basename(path.dirname(full)), fileName: path.basename(full) };
  }

  readNote(place: NotePlace, maxBytes: number): NoteRead {
    // `relative` comes from the walk or from place(): already normal, so no path.join per note.
    const relative = path.sep === '/' ? place.relative : place.relative.split('/').join(path.sep);
    return readNoteFile(this.reader, this.root + path.sep + relative, maxBytes, place.listed === true);
  }

  openVersion(): undefined {
    return undefined;
  }

  openText(): undefined {
    return undefined;
  }
}

export interface FolderScan {
  /** Entries' paths are relative to the folder, with `/` separators. */
  readonly index: RuptureIndex;
  /** In the order met; `line` is one-based. */
  readonly warnings: { readonly file: string; readonly line?: number; readonly message: string }[];
  readonly settings: NoteSettings;
}

/** Reads every note under `root` with its own settings. Throws only when `root` cannot be read. */
export function scanFolder(root: string, options: FolderHostOptions = {}): FolderScan {
  const host = new FolderHost(root, options);
  const workspace = new NoteCollection(host);
  const report = workspace.scanSync();
  if (report.unreadable) throw new Error(report.unreadable);
  const warnings: { file: string; line?: number; message: string }[] = [];
  if (host.settingsProblem) warnings.push({ file: '.vscode/settings.json', message: `settings not used: ${host.settingsProblem}` });
  for (const w of report.warnings) warnings.push({ file: w.path, ...(w.line !== undefined ? { line: w.line + 1 } : {}), message: w.message });
  return { index: workspace.index, warnings, settings: host.settingsFor() };
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
