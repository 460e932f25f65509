import * as path from 'path';
import * as vscode from 'vscode';
import { RuptureIndex } from '../core/index';
import { parseNote, type Note, type NoteSource } from '../core/note';
import { indexableText, walkNotes } from '../node/files';
import { formatBytes } from '../node/scan';
import { excludeGlob, excludePatterns, readConfig, type AttuneConfig } from './config';
import { globToRegExp, isExcluded } from '../core/glob';
import type { Log } from './log';
import { curtain } from './privacyCurtain';
import { NotAFile, readRegularFile, TooLarge } from '../node/safeRead';

/** How long edits and file events settle before a note is parsed again. */
const DEBOUNCE_MS = 150;
/** Files read at once during a scan: enough to keep the disk busy, few enough to stay responsive. */
const READ_BATCH = 64;
/** Above this many notes the first scan shows a notification with progress, not just the status bar. */
const LARGE_SCAN = 500;

export function noteSource(uri: vscode.Uri): NoteSource {
  const parts = uri.path.split('/');
  return { path: uri.toString(), fileName: parts[parts.length - 1] ?? '', folderName: parts[parts.length - 2] ?? '' };
}

/**
 * The live index of every note in the workspace. The first scan reads the notes from
 * disk; after that a file watcher and the open editors keep it current. Text in an open
 * editor always wins over the file on disk, unsaved edits included.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly index = new RuptureIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires (debounced) after the index changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private changeTimer: NodeJS.Timeout | undefined;
  private config: AttuneConfig = readConfig();
  private scanning: Promise<void> | undefined;
  private generation = 0;
  /** Notes skipped for their size or content in the latest scan, so users hear of them once. */
  private readonly skipped = new Map<string, string>();
  private isIndexing = false;
  private include = /(?:)/;
  /** Open editors by URI, captured for the duration of a scan. */
  private openDocuments: Map<string, vscode.TextDocument> | undefined;
  private excludes: RegExp[] = [];

  constructor(private readonly log: Log) {
    this.compileGlobs();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isNote(e.document.uri)) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.isNote(d.uri)) this.schedule(d.uri);
      }),
      // A closed editor's unsaved text is gone: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.isNote(d.uri)) this.schedule(d.uri);
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          this.forget(f.oldUri);
          this.schedule(f.newUri);
        }
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('attune.notes') || e.affectsConfiguration('attune.client') ||
          e.affectsConfiguration('attune.date') || e.affectsConfiguration('attune.maxNoteSizeMB') ||
          e.affectsConfiguration('files.exclude')) {
          void this.rescan();
        }
      }),
    );
  }

  get indexing(): boolean {
    return this.isIndexing;
  }

  /** Resolves when the current scan (if any) has finished. */
  ready(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }

  /** Forgets everything and reads every note again. */
  rescan(): Promise<void> {
    this.config = readConfig();
    this.compileGlobs();
    const generation = ++this.generation;
    this.isIndexing = true;
    void vscode.commands.executeCommand('setContext', 'attune.indexing', true);
    this.scanning = this.scan(generation);
    return this.scanning;
  }

  /** Whether Attune treats this file as a note: in a workspace folder, matched by the notes glob, not excluded. */
  isNote(uri: vscode.Uri): boolean {
    if (!/\.md$/i.test(uri.path)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    return this.include.test(relative) && !isExcluded(relative, this.excludes);
  }

  /**
   * Every candidate note. Folders on disk are walked with Node, skipping excluded folders
   * as it goes (ten times faster than a search through VS Code); other file systems are
   * searched with `findFiles`.
   */
  private async findNotes(): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') {
        found.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, this.config.notesGlob), excludeGlob(excludePatterns(this.config)))));
        continue;
      }
      const root = folder.uri.fsPath;
      const skip = (full: string): boolean => {
        const relative = path.relative(root, full).split(path.sep).join('/');
        return this.excludes.some((re) => re.test(relative));
      };
      try {
        for (const file of walkNotes(root, skip).files) found.push(vscode.Uri.file(file));
      } catch (err) {
        this.log.warn(`Could not read a workspace folder: ${describeError(err)}`);
      }
    }
    return found;
  }

  private compileGlobs(): void {
    this.include = globToRegExp(this.config.notesGlob);
    this.excludes = excludePatterns(this.config).map(globToRegExp);
  }

  private async scan(generation: number): Promise<void> {
    // Start on the next turn: the folder walk is synchronous, and activation should not wait for it.
    await new Promise((resolve) => setImmediate(resolve));
    if (generation !== this.generation) return;
    const started = Date.now();
    try {
      const notes = (await this.findNotes()).filter((u) => this.isNote(u));
      const found = Date.now();
      const work = async (progress?: vscode.Progress<{ message?: string; increment?: number }>): Promise<void> => {
        const fresh = new RuptureIndex();
        this.openDocuments = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
        this.skipped.clear();
        for (let i = 0; i < notes.length; i += READ_BATCH) {
          if (generation !== this.generation) return;
          const batch = notes.slice(i, i + READ_BATCH);
          const parsed = await Promise.all(batch.map((uri) => this.read(uri)));
          // Let the extension host breathe between batches.
          await new Promise((resolve) => setImmediate(resolve));
          for (const note of parsed) if (note) fresh.set(note);
          progress?.report({ message: `${Math.min(i + READ_BATCH, notes.length)} of ${notes.length} notes`, increment: (batch.length / notes.length) * 100 });
        }
        if (generation !== this.generation) return;
        this.index.clear();
        for (const path of fresh.paths()) {
          const note = fresh.get(path);
          if (note) this.index.set(note);
        }
      };
      if (notes.length > LARGE_SCAN) {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Attune: reading notes', cancellable: false },
          (progress) => work(progress),
        );
      } else {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Attune: reading notes' }, () => work());
      }
      this.openDocuments = undefined;
      if (generation !== this.generation) return;
      this.log.info(
        `Indexed ${this.index.noteCount} notes in ${Date.now() - started} ms (finding files ${found - started} ms); ${this.index.unrepaired().length} unrepaired ruptures.`,
      );
      this.reportSkipped();
      this.fire(true);
    } catch (err) {
      this.log.error(`The scan of the workspace stopped: ${describeError(err)}`);
      void vscode.window.showWarningMessage('Attune could not read the workspace\'s notes. See the Attune output for details.');
    } finally {
      if (generation === this.generation) {
        this.isIndexing = false;
        void vscode.commands.executeCommand('setContext', 'attune.indexing', false);
      }
    }
  }

  /**
   * Says how many notes were skipped, and why, in counts only: the log is a file on disk,
   * so the files themselves are named only in a picker, on request, never in the log.
   */
  private reportSkipped(): void {
    if (this.skipped.size === 0) return;
    const kinds = new Map<string, number>();
    for (const reason of this.skipped.values()) {
      const kind = / limit/.test(reason) ? 'too large' : /regular file/.test(reason) ? 'not a regular file' : 'not text';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const n = this.skipped.size;
    this.log.warn(`Skipped ${n} file${n === 1 ? '' : 's'}: ${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')}.`);
    void vscode.window
      .showInformationMessage(
        `Attune skipped ${n} file${n === 1 ? '' : 's'} it could not read as a note (too large, or not text).`,
        'Show which',
      )
      .then((choice) => {
        if (choice) void this.showSkipped();
      });
  }

  private async showSkipped(): Promise<void> {
    const items = [...this.skipped].map(([uri, reason]) => ({
      label: curtain.detail(vscode.workspace.asRelativePath(vscode.Uri.parse(uri))) ?? 'A note (hidden while client details are hidden)',
      description: reason,
    }));
    await vscode.window.showQuickPick(items, { title: 'Files Attune skipped' });
  }

  /** Reads a note: the open editor's text when there is one, else the file. Never throws. */
  private async read(uri: vscode.Uri): Promise<Note | undefined> {
    const source = noteSource(uri);
    const open = this.openDocuments
      ? this.openDocuments.get(source.path)
      : vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.path);
    if (open) return parseNote(open.getText(), source, this.config.parse);
    try {
      const bytes = await this.readBytes(uri, source.path);
      if (!bytes) return undefined;
      const decoded = indexableText(bytes);
      if (!decoded.ok) {
        this.skipped.set(source.path, decoded.reason);
        return undefined;
      }
      this.skipped.delete(source.path);
      return parseNote(decoded.text, source, this.config.parse);
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return undefined;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      this.log.warn(`Could not read a note: ${describeError(err)}`);
      return undefined;
    }
  }

  /**
   * A note's bytes, or undefined when it is over the size limit (remembered for the notice).
   * Files on disk are read with Node directly: through `workspace.fs` a 10,000-note scan
   * takes seconds, not a fraction of one. Other schemes go through VS Code.
   */
  private async readBytes(uri: vscode.Uri, key: string): Promise<Uint8Array | undefined> {
    const tooLarge = (size: number): boolean => {
      if (size <= this.config.maxNoteBytes) return false;
      this.skipped.set(key, `${formatBytes(size)} is over the ${formatBytes(this.config.maxNoteBytes)} limit (setting attune.maxNoteSizeMB)`);
      return true;
    };
    if (uri.scheme === 'file') {
      // Synchronous on purpose: one small file at a time is faster than four round trips
      // through the thread pool, and scans yield between batches. The safe reader never
      // opens a pipe or device (a FIFO named *.md would freeze the extension host).
      try {
        return readRegularFile(uri.fsPath, this.config.maxNoteBytes).bytes;
      } catch (err) {
        if (err instanceof TooLarge) tooLarge(err.size);
        else if (err instanceof NotAFile) this.skipped.set(key, 'it is not a regular file (a pipe, device or folder)');
        else throw err;
        return undefined;
      }
    }
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || tooLarge(stat.size)) return undefined;
    return vscode.workspace.fs.readFile(uri);
  }

  /** Re-reads one note soon; bursts of events for the same note collapse into one read. */
  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.refreshNow(uri);
      }, DEBOUNCE_MS),
    );
  }

  /** Re-reads one note at once. */
  async refreshNow(uri: vscode.Uri): Promise<void> {
    if (!this.isNote(uri)) {
      if (this.index.delete(uri.toString())) this.fire();
      // The watcher reports a new folder, not each file in it: look inside.
      if (await this.isFolder(uri)) {
        const inside = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.md'));
        inside.filter((u) => this.isNote(u)).forEach((u) => this.schedule(u));
      }
      return;
    }
    const note = await this.read(uri);
    if (note) this.index.set(note);
    else this.index.delete(uri.toString());
    this.fire();
  }

  private async isFolder(uri: vscode.Uri): Promise<boolean> {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.delete(key);
    let changed = this.index.delete(key);
    // A deleted folder takes its notes with it.
    changed = this.index.deleteUnder(key.endsWith('/') ? key : `${key}/`) > 0 || changed;
    if (changed) this.fire();
  }

  private fire(now = false): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    if (now) {
      this.changed.fire();
      return;
    }
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changed.fire();
    }, 30);
  }

  /** Parses an open document directly (code lenses need the very latest text). */
  parseDocument(document: vscode.TextDocument): Note {
    return parseNote(document.getText(), noteSource(document.uri), this.config.parse);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** An error's kind and code, never a message that might quote a note. */
export function describeError(err: unknown): string {
  if (err instanceof vscode.FileSystemError) return `file system: ${err.code}`;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code ? `${err.name} (${code})` : err.name;
  }
  return 'unknown problem';
}
