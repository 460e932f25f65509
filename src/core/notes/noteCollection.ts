/**
 * One workspace of notes, the same for the editor and the command line. It never touches
 * a disk or an editor itself: a host (Node's file system for the CLI, VS Code for the
 * extension) lists, reads and configures, and the workspace decides what is a note, scans
 * in batches, keeps one parsed note per path and text version, and makes sure that
 * anything that happens to a note while a scan runs wins over that scan's result.
 */
import { compileGlob, InvalidGlob, type PathMatcher } from './glob';
import { RuptureIndex } from './ruptureIndex';
import { DEFAULT_PARSE_OPTIONS, indexNote, isWhole, parseNote, type IndexedNote, type Note, type ParseOptions } from './note';
import type { Look } from './quickLook';

/** The `attune.*` settings that decide what a note is and how it is read. */
export interface NoteSettings {
  /** Glob of the files that are notes, relative to their workspace folder. */
  readonly include: string;
  /** Globs never read as notes (Attune's own and the editor's file excludes). */
  readonly exclude: readonly string[];
  readonly maxNoteBytes: number;
  readonly parse: ParseOptions;
  /** The workspace's own templates, relative to its folder. */
  readonly templatesFolder: string;
}

export const DEFAULT_MAX_NOTE_BYTES = 5 * 1024 * 1024;

export const DEFAULT_SETTINGS: NoteSettings = {
  include: '**/*.md',
  exclude: ['**/node_modules', '**/.*'],
  maxNoteBytes: DEFAULT_MAX_NOTE_BYTES,
  parse: DEFAULT_PARSE_OPTIONS,
  templatesFolder: '.attune/templates',
};

/** Where a note sits: its key, its workspace folder and the names the parser reads. */
export interface NotePlace {
  /** The workspace's key for the note (a URI in VS Code, a relative path on the CLI). */
  readonly path: string;
  /** The workspace folder that holds it (one of the host's roots). */
  readonly root: string;
  /** Path below the root, with `/` between folders. */
  readonly relative: string;
  readonly folderName: string;
  readonly fileName: string;
  /** The host's listing has just found it to be a regular file, so its reader need not check again. */
  readonly listed?: boolean;
}

/** What reading a note gave: its text, a reason it was skipped (no note text in it), or nothing. */
export type NoteRead =
  /** `look`: what the reader's prefilter saw in the bytes (see lookAt); with `head`, `text` may be the head only. */
  { readonly kind: 'text'; readonly text: string; readonly look?: Look } | { readonly kind: 'skipped'; readonly reason: string } | { readonly kind: 'missing' };

export interface Listing {
  /** The notes in a stable order, the filter applied; a host may list them as they are read. */
  readonly notes: Iterable<NotePlace>;
  /** Folders that could not be read, with the reason: complete once `notes` has been read through. */
  readonly problems: readonly { readonly path: string; readonly reason: string }[];
}

/** Which paths below a root (relative, `/` between folders) are notes: a folder's include and exclude. */
export interface NoteFilter {
  /** True for an excluded folder: nothing below it is a note, so a walk need not enter it. `name` is the folder's own. */
  skipFolder(relative: string, name: string): boolean;
  /** Whether a file is a note. `name` is the file's. */
  isNote(relative: string, name: string): boolean;
}

/** What the workspace needs from its surroundings. */
export interface WorkspaceHost {
  /** The workspace folders. */
  roots(): readonly string[];
  /** The notes under a root that the filter keeps. Throws when the root cannot be read. */
  listNotes(root: string, filter: NoteFilter): Listing;
  /** Where a path sits, or undefined when it is in no workspace folder. */
  place(path: string): NotePlace | undefined;
  /** Reads a note from disk, never more than `maxBytes`. */
  readNote(place: NotePlace, maxBytes: number): NoteRead;
  /** The version of an open editor's text, when the note is open: asked first, so that a cache hit copies no text. */
  openVersion(path: string): number | undefined;
  /** An open editor's whole text (unsaved edits included), when the note is open: a copy, so asked only after the version. */
  openText(path: string): string | undefined;
  /** True when a note's open editor holds exactly its saved file: the index then reads the file. */
  savedAsFile?(path: string): boolean;
  /** True where notes open in editors (not on the command line): a parse from disk is then kept for an editor opening the same text. */
  readonly editors?: boolean;
  /** The settings of a workspace folder. */
  settingsFor(root: string): NoteSettings;
  /** Lets the host breathe between batches (the editor stays responsive); absent on the CLI. */
  breathe?(): Promise<void>;
}

/** What one change of the index touched. */
export interface IndexChange {
  /** The notes added, changed, skipped or forgotten; undefined after a scan, which may have changed any. */
  readonly paths: ReadonlySet<string> | undefined;
  /** Whether any rupture entry was added, changed or forgotten (what the tree shows). */
  readonly entries: boolean;
}

/** One line of the skip report or a note's warning, never quoting the note. */
export interface ScanWarning {
  readonly path: string;
  /** Zero-based line, when the warning is about one line. */
  readonly line?: number;
  readonly message: string;
}

export interface ScanReport {
  /** False when a newer scan replaced this one before it ended. */
  readonly completed: boolean;
  readonly notes: number;
  /** Folders skipped, notes skipped and notes' own warnings, in the order met. */
  readonly warnings: readonly ScanWarning[];
  /** Why a workspace folder itself could not be read (the first such folder). */
  readonly unreadable?: string;
}

/** Whether a file name ends in `.md`, in any letter case: only such files are notes. */
export function isMarkdownFile(name: string): boolean {
  const n = name.length;
  return n >= 3 && name.charCodeAt(n - 3) === 46 && (name.charCodeAt(n - 2) | 32) === 109 && (name.charCodeAt(n - 1) | 32) === 100;
}

/**
 * A scan lets the host breathe after this many ms of reading, or after BATCH notes, whichever
 * comes first: short enough that typing never waits on it (the target is under 50 ms at a
 * stretch), long enough that the pauses cost little. Time first, because notes differ in
 * size by orders of magnitude and a slow disk or a busy machine stretches every read.
 */
const SLICE_MS = 8;
const BATCH = 64;

interface Matcher {
  readonly include: PathMatcher;
  readonly exclude: readonly PathMatcher[];
  readonly settings: NoteSettings;
  /** Patterns that could not be used, and were left out. */
  readonly problems: readonly ScanWarning[];
}

/** A glob from the settings, or undefined (with a problem noted) when it cannot be used. */
function usableGlob(glob: string, setting: string, problems: ScanWarning[], fallback = ''): PathMatcher | undefined {
  try {
    return compileGlob(glob);
  } catch (err) {
    if (!(err instanceof InvalidGlob)) throw err;
    // The reason, never the pattern: it may name a client's folder.
    problems.push({ path: setting, message: `a pattern was not used: ${err.reason}${fallback}` });
    return undefined;
  }
}

export class NoteCollection {
  readonly index = new RuptureIndex();
  /** Notes skipped for their size or content, with the reason. */
  readonly skipped = new Map<string, string>();
  /** The editor version each indexed note was parsed from (absent: read from disk). */
  private readonly versions = new Map<string, number>();
  /**
   * A fingerprint of the text each indexed note that holds ruptures was parsed from, read
   * from disk or from an editor, so the same text is never parsed twice: an editor opening
   * the unchanged file reuses the parse from disk, and the file read again once that editor
   * closes (or after Attune wrote it) reuses the parse of the editor's text.
   */
  private readonly diskPrints = new Map<string, string>();
  /**
   * The whole parse of each open document by version (indexed or not): what noteOf answers,
   * and what indexing an open document takes without parsing again. `print`: the text's
   * fingerprint when the note holds ruptures and editors are about (see diskPrints).
   */
  private readonly opened = new Map<string, { readonly version: number; readonly note: Note; readonly print: string | undefined }>();
  private readonly matchers = new Map<string, Matcher>();
  /** Event counter; `touched` holds the counter value of each path's latest event. */
  private clock = 0;
  private readonly touched = new Map<string, number>();
  private readonly deletedFolders: { readonly prefix: string; readonly at: number }[] = [];
  private generation = 0;
  private scanning = false;
  private readonly listeners = new Set<(change: IndexChange) => void>();
  /** What changed since the last event. */
  private changedPaths = new Set<string>();
  private changedEntries = false;
  /** How many times a note was parsed: lets tests and benchmarks see the cache work. */
  parses = 0;

  constructor(private readonly host: WorkspaceHost) {}

  /** Calls `listener` after the index changed, with what changed. */
  onDidChange(listener: (change: IndexChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get isScanning(): boolean {
    return this.scanning;
  }

  /** The settings of the folder holding a path (the first folder's for a path in none). */
  settingsOf(path: string): NoteSettings {
    const root = this.host.place(path)?.root ?? this.host.roots()[0];
    return root === undefined ? DEFAULT_SETTINGS : this.matcher(root).settings;
  }

  /** Whether a path is a note: in a workspace folder, matched by its include glob, not excluded. */
  isNote(path: string): boolean {
    const place = this.host.place(path);
    return place !== undefined && this.includes(place);
  }

  /**
   * The notes under a root as a scan finds them, the folder's include and exclude applied,
   * with the folders that could not be read. Throws when the root itself cannot be read.
   * With `folder` (a path below the root, `/` between folders), only the notes inside it.
   */
  notesUnder(root: string, folder?: string): Listing {
    const m = this.matcher(root);
    // Called for every file and folder of the workspace: loops, not closures per call.
    const excluded = (relative: string, name: string): boolean => {
      for (const re of m.exclude) if (re.test(relative, name)) return true;
      return false;
    };
    const inside = folder === undefined ? undefined : `${folder}/`;
    return this.host.listNotes(root, {
      // The walk goes down to the folder and into it, past nothing else.
      skipFolder: (relative, name) => (inside !== undefined && !(relative.startsWith(inside) || inside.startsWith(`${relative}/`))) || excluded(relative, name),
      isNote: (relative, name) =>
        (inside === undefined || relative.startsWith(inside)) && isMarkdownFile(name) && m.include.test(relative, name) && !excluded(relative, name),
    });
  }

  /**
   * The notes inside a folder of a workspace folder, as a scan finds them: for a folder that
   * appeared, which the file watcher reports alone (moved or copied in, or filled before the
   * watch on it began). None for a path in no workspace folder.
   */
  notesInFolder(path: string): Listing {
    const place = this.host.place(path);
    return place ? this.notesUnder(place.root, place.relative) : { notes: [], problems: [] };
  }

  /** The include and exclude patterns of a root's settings that could not be used (and are ignored). */
  patternProblems(root: string): readonly ScanWarning[] {
    return this.matcher(root).problems;
  }

  /** Reads every note again; a scan started later replaces this one. Events during it win. */
  async scan(): Promise<ScanReport> {
    const steps = this.scanSteps();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await this.host.breathe?.();
    }
  }

  /** The same scan, without breathing: for hosts that read synchronously and need no pauses (the CLI). */
  scanSync(): ScanReport {
    const steps = this.scanSteps();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  private *scanSteps(): Generator<void, ScanReport> {
    const generation = ++this.generation;
    const started = this.clock;
    this.scanning = true;
    this.matchers.clear();
    // Settings may have changed: open documents are parsed again as the scan meets them.
    this.opened.clear();
    const warnings: ScanWarning[] = [];
    let unreadable: string | undefined;
    // On a first scan nothing can be gone since the last one, so nothing need be remembered as seen.
    const seen = this.index.noteCount > 0 || this.skipped.size > 0 ? new Set<string>() : undefined;
    const skippedNow = new Map<string, string>();
    const scan = { warnings, skippedNow, started };
    // Only a host that breathes needs the clock; the command line reads straight through.
    const breathes = this.host.breathe !== undefined;
    let sliceStarted = breathes ? performance.now() : 0;
    let inSlice = 0;
    try {
      for (const root of this.host.roots()) {
        let listing: Listing;
        try {
          listing = this.notesUnder(root);
        } catch (err) {
          unreadable ??= err instanceof Error ? err.message : 'it could not be read';
          continue;
        }
        for (const w of this.patternProblems(root)) warnings.push(w);
        for (const place of listing.notes) {
          seen?.add(place.path);
          if (!this.touchedSince(place.path, started)) this.load(place, scan);
          if (breathes && (++inSlice >= BATCH || performance.now() - sliceStarted >= SLICE_MS)) {
            yield;
            if (generation !== this.generation) return { completed: false, notes: this.index.noteCount, warnings, ...(unreadable ? { unreadable } : {}) };
            sliceStarted = performance.now();
            inSlice = 0;
          }
        }
        for (const p of listing.problems) warnings.push({ path: p.path, message: `folder skipped: ${p.reason}` });
      }
      // Notes gone since the last scan, unless an event spoke for them meanwhile.
      if (seen) {
        for (const path of [...this.index.paths()]) {
          if (!seen.has(path) && !this.touchedSince(path, started)) this.drop(path);
        }
        for (const path of [...this.skipped.keys()]) {
          if (!skippedNow.has(path) && !this.touchedSince(path, started) && this.skipped.delete(path)) this.changedPaths.add(path);
        }
      }
      this.deletedFolders.length = 0;
      this.touched.clear();
      this.fire(true);
      return { completed: true, notes: this.index.noteCount, warnings, ...(unreadable ? { unreadable } : {}) };
    } finally {
      if (generation === this.generation) this.scanning = false;
    }
  }

  /** A note was created or changed (on disk or in an editor): read it again now. */
  changed(path: string): void {
    this.touch(path);
    const place = this.host.place(path);
    if (!place || !this.includes(place)) {
      if (this.drop(path)) this.fire();
      return;
    }
    this.load(place);
    this.fire();
  }

  /** A file or a folder was deleted: forget it and every note below it. */
  deleted(path: string): void {
    this.touch(path);
    const prefix = path.endsWith('/') ? path : `${path}/`;
    if (this.scanning) this.deletedFolders.push({ prefix, at: this.clock });
    let changed = this.drop(path);
    for (const p of [...this.index.paths()]) if (p.startsWith(prefix)) changed = this.drop(p) || changed;
    for (const p of [...this.skipped.keys()]) {
      if (p.startsWith(prefix) && this.skipped.delete(p)) {
        this.changedPaths.add(p);
        changed = true;
      }
    }
    if (changed) this.fire();
  }

  renamed(from: string, to: string): void {
    this.deleted(from);
    this.changed(to);
  }

  /**
   * The note in an open document, parsed whole at most once per version: a lens request on
   * an unchanged document parses nothing. A query: it neither indexes nor fires events (the
   * document's change event does that, through `changed`); the version is asked before the
   * text, so a cache hit copies no text. Undefined for a note not open that the index does
   * not hold whole.
   */
  noteOf(path: string): Note | undefined {
    const version = this.host.openVersion(path);
    const indexed = this.index.get(path);
    const whole = indexed && isWhole(indexed) ? indexed : undefined;
    if (version === undefined) return whole;
    const cached = this.opened.get(path);
    if (cached && cached.version === version) return cached.note;
    if (whole && this.versions.get(path) === version) return this.keep(path, version, whole, this.diskPrints.get(path));
    const text = this.host.openText(path);
    if (text === undefined) return whole;
    // The same text the index read (from disk, or an editor's before it was saved): nothing to parse.
    const print = this.diskPrints.get(path);
    if (whole && print !== undefined && print === fingerprint(text)) return this.keep(path, version, whole, print);
    const place = this.host.place(path);
    const note = place && this.includes(place) ? this.parse(text, place) : this.parseText(text, path);
    return this.keep(path, version, note, this.host.editors && note.entries.length > 0 ? fingerprint(text) : undefined);
  }

  private keep(path: string, version: number, note: Note, print: string | undefined): Note {
    this.opened.set(path, { version, note, print });
    return note;
  }

  /** The note `text` at `path` reads as: the indexed note when it was parsed from this very text, else a parse that is not indexed. */
  noteFor(text: string, path: string): Note {
    const indexed = this.index.get(path);
    const print = this.diskPrints.get(path);
    if (indexed && isWhole(indexed) && print !== undefined && print === fingerprint(text)) return indexed;
    return this.parseText(text, path);
  }

  /** Parses text as the note at `path` would be parsed, without indexing it (a document outside every folder). */
  parseText(text: string, path: string): Note {
    this.parses++;
    return parseNote(text, { path, ...names(path) }, this.settingsOf(path).parse);
  }

  /** An editor closed a document: its parse is no longer needed. */
  closed(path: string): void {
    this.opened.delete(path);
  }

  /** Remembers an event while a scan runs, so the scan does not overwrite what it did. */
  private touch(path: string): void {
    if (this.scanning) this.touched.set(path, ++this.clock);
  }

  private touchedSince(path: string, started: number): boolean {
    // Called for every note a scan reads: a loop, not a closure per call.
    if (this.touched.size > 0 && (this.touched.get(path) ?? 0) > started) return true;
    for (const d of this.deletedFolders) if (d.at > started && path.startsWith(d.prefix)) return true;
    return false;
  }

  private matcher(root: string): Matcher {
    let m = this.matchers.get(root);
    if (!m) {
      const settings = this.host.settingsFor(root);
      const problems: ScanWarning[] = [];
      const include = usableGlob(
        settings.include || DEFAULT_SETTINGS.include,
        'attune.whichFilesAreNotes',
        problems,
        `; the default ${DEFAULT_SETTINGS.include} serves`,
      );
      const exclude: PathMatcher[] = [];
      for (const p of settings.exclude) {
        const matcher = p.trim() === '' ? undefined : usableGlob(p, 'attune.filesToLeaveOut', problems);
        if (matcher) exclude.push(matcher);
      }
      m = { settings, include: include ?? compileGlob(DEFAULT_SETTINGS.include), exclude, problems };
      this.matchers.set(root, m);
    }
    return m;
  }

  /** Settings changed: forget the compiled ones (a scan follows). */
  settingsChanged(): void {
    this.matchers.clear();
    this.opened.clear();
  }

  /** Whether a place is a note: a markdown file matched by its folder's include, neither it nor a folder above it excluded. */
  private includes(place: NotePlace): boolean {
    const m = this.matcher(place.root);
    if (!isMarkdownFile(place.fileName) || !m.include.test(place.relative, place.fileName)) return false;
    // The path and each folder above it.
    let cut = place.relative.length;
    while (cut > 0) {
      const prefix = place.relative.slice(0, cut);
      if (m.exclude.some((re) => re.test(prefix))) return false;
      cut = place.relative.lastIndexOf('/', cut - 1);
    }
    return true;
  }

  private parse(text: string, place: NotePlace): Note {
    this.parses++;
    // A place names the note as a NoteSource does: no copy per note.
    return parseNote(text, place, this.matcher(place.root).settings.parse);
  }

  /** Reads a note from disk for the index: whole, or its head only, as `look` says (see IndexedNote). */
  private readForIndex(text: string, place: NotePlace, look: Look | undefined): IndexedNote {
    this.parses++;
    return indexNote(text, place, this.matcher(place.root).settings.parse, look);
  }

  /**
   * Reads and indexes one note: the open editor's text when there is one, else the file.
   * For a scan, an event about the note that came while it was being read wins.
   */
  private load(place: NotePlace, scan?: { warnings: ScanWarning[]; skippedNow: Map<string, string>; started: number }): void {
    const warnings = scan?.warnings;
    const skippedNow = scan?.skippedNow;
    const version = this.host.savedAsFile?.(place.path) ? undefined : this.host.openVersion(place.path);
    if (version !== undefined && this.loadOpen(place, version, warnings)) return;
    const read = this.host.readNote(place, this.matcher(place.root).settings.maxNoteBytes);
    if (scan && this.touchedSince(place.path, scan.started)) return;
    if (read.kind === 'missing') {
      // Listed but not there: gone since, or a name the file system cannot give back (not UTF-8).
      warnings?.push({ path: place.path, message: 'skipped: it does not exist' });
      this.drop(place.path);
      return;
    }
    if (read.kind === 'skipped') {
      this.drop(place.path);
      if (this.skipped.get(place.path) !== read.reason) this.changedPaths.add(place.path);
      this.skipped.set(place.path, read.reason);
      skippedNow?.set(place.path, read.reason);
      warnings?.push({ path: place.path, message: `skipped: ${read.reason}` });
      return;
    }
    if (this.skipped.delete(place.path)) this.changedPaths.add(place.path);
    // An event about a note whose text the index already holds (a scan reads afresh: settings may have changed).
    const print = scan ? undefined : this.diskPrints.get(place.path);
    if (print !== undefined && print === fingerprint(read.text)) {
      this.versions.delete(place.path);
      return;
    }
    const note = this.readForIndex(read.text, place, read.look);
    this.store(note, undefined);
    // A note with ruptures is read whole (see lookAt), so a later editor of the same text can take it as it is.
    if (this.host.editors && note.entries.length > 0) this.diskPrints.set(note.path, fingerprint(read.text));
    if (warnings) addWarnings(warnings, note);
  }

  /**
   * Indexes an open document's text, through its one parse per version (shared with noteOf).
   * False when the document closed meanwhile: the file is read instead.
   */
  private loadOpen(place: NotePlace, version: number, warnings: ScanWarning[] | undefined): boolean {
    const path = place.path;
    const indexed = this.index.get(path);
    if (this.skipped.delete(path)) this.changedPaths.add(path);
    // This version is indexed already (an event for a save, or a second one for one edit).
    if (indexed && !warnings && this.versions.get(path) === version) return true;
    let cached = this.opened.get(path);
    if (!cached || cached.version !== version) {
      const note = this.noteOf(path);
      cached = this.opened.get(path);
      if (!note || !cached || cached.version !== version) return false;
    }
    if (cached.note === indexed) this.versions.set(path, version);
    else {
      this.store(cached.note, version);
      if (cached.print !== undefined) this.diskPrints.set(path, cached.print);
    }
    if (warnings) addWarnings(warnings, cached.note);
    return true;
  }

  private store(note: IndexedNote, version: number | undefined): void {
    if (this.index.set(note)) this.changedEntries = true;
    this.changedPaths.add(note.path);
    this.diskPrints.delete(note.path);
    if (version === undefined) this.versions.delete(note.path);
    else this.versions.set(note.path, version);
  }

  private drop(path: string): boolean {
    this.versions.delete(path);
    this.diskPrints.delete(path);
    const hadEntries = this.index.hasEntries(path);
    const skipped = this.skipped.delete(path);
    const dropped = this.index.delete(path) || skipped;
    if (dropped) this.changedPaths.add(path);
    if (hadEntries) this.changedEntries = true;
    return dropped;
  }

  /** Tells the listeners what changed since the last event; `scanned`: a scan read every note again. */
  private fire(scanned = false): void {
    if (!scanned && this.changedPaths.size === 0) return;
    const change: IndexChange = { paths: scanned ? undefined : this.changedPaths, entries: this.changedEntries };
    this.changedPaths = new Set();
    this.changedEntries = false;
    for (const l of [...this.listeners]) l(change);
  }
}

function addWarnings(to: ScanWarning[], note: IndexedNote): void {
  for (const w of note.warnings) to.push({ path: note.path, ...(w.line >= 0 ? { line: w.line } : {}), message: w.message });
}

/**
 * The length and two 32-bit hashes of a text (FNV-1a, and one with MurmurHash's mixing):
 * two different notes of one length share all three only by a chance of about 1 in 2^64.
 */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${text.length}:${a >>> 0}:${b >>> 0}`;
}

/** File and folder names from a `/`-separated path or URI. */
export function names(path: string): { folderName: string; fileName: string } {
  const parts = path.split('/');
  return { fileName: parts[parts.length - 1] ?? '', folderName: parts[parts.length - 2] ?? '' };
}
