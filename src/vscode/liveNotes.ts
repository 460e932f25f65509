import * as vscode from 'vscode';
import type { RuptureIndex } from '../core/notes/ruptureIndex';
import type { Note } from '../core/notes/note';
import { isUnrepaired, STATUSES } from '../core/notes/status';
import {
  isMarkdownFile,
  NoteCollection,
  type IndexChange,
  type Listing,
  type NoteFilter,
  type NotePlace,
  type NoteRead,
  type NoteSettings,
  type WorkspaceHost,
} from '../core/notes/noteCollection';
import { NoteReader, readNoteFile } from '../node/host';
import { walkNotesLazily } from '../node/walk';
import { NOTE_SETTINGS, readNoteSettings } from './config';
import type { Log } from './log';
import type { PrivacyCurtain } from './privacyCurtain';
import { KeyedDebounce } from './debounce';
import { TemplateStore } from './templateStore';
import { literalIcons } from '../core/markdown/printable';
import { reasonText } from './reasonText';

/** How long edits and file events settle before a note is parsed again. */
const DEBOUNCE_MS = 150;
/** How often, at most, the index's changes are told while a scan runs. */
const SCAN_TELL_MS = 500;
/** Above this many notes the first scan shows a notification with progress, not just the status bar. */
const LARGE_SCAN = 500;

/**
 * VS Code as a workspace host: workspace folders are the roots, notes are keyed by URI,
 * folders on disk are walked and read with Node (ten times faster than through VS Code),
 * open editors give their unsaved text, and settings come per workspace folder.
 */
class EditorHost implements WorkspaceHost {
  readonly editors = true;
  private readonly reader = new NoteReader();
  /** Notes counted so far in the current scan, for the progress message. */
  progress: ((done: number) => void) | undefined;
  private read = 0;

  roots(): readonly string[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  }

  settingsFor(root: string): NoteSettings {
    return readNoteSettings(vscode.Uri.parse(root));
  }

  listNotes(root: string, filter: NoteFilter): Listing {
    const uri = vscode.Uri.parse(root);
    // Only folders on disk hold notes (virtual workspaces are not supported).
    if (uri.scheme !== 'file') return { notes: [], problems: [] };
    this.read = 0;
    // A note's address is built from its workspace folder's URI, never from its path on disk
    // (Uri.file): in remote and browser set-ups that is how the Explorer names the same file,
    // and VS Code treats two names of one file as two documents.
    // Listed as the scan reads, so the editor can breathe during the walk of a large archive too.
    return walkNotesLazily<NotePlace>(uri.fsPath, {
      skipFolder: filter.skipFolder,
      note: (_folder, relative, folderName, fileName) =>
        filter.isNote(relative, fileName)
          ? { path: vscode.Uri.joinPath(uri, ...relative.split('/')).toString(), root, relative, folderName, fileName, listed: true }
          : undefined,
    });
  }

  place(key: string): NotePlace | undefined {
    const uri = vscode.Uri.parse(key);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const base = folder.uri.path.replace(/\/$/, '');
    if (!uri.path.startsWith(`${base}/`)) return undefined;
    const parts = uri.path.split('/');
    return {
      path: uri.toString(),
      root: folder.uri.toString(),
      relative: uri.path.slice(base.length + 1),
      folderName: parts[parts.length - 2] ?? '',
      fileName: parts[parts.length - 1] ?? '',
    };
  }

  readNote(place: NotePlace, maxBytes: number): NoteRead {
    const uri = vscode.Uri.parse(place.path);
    if (uri.scheme !== 'file') return { kind: 'missing' };
    this.progress?.(++this.read);
    const read = readNoteFile(this.reader, uri.fsPath, maxBytes, place.listed === true);
    return read.kind === 'skipped' && read.reason.includes(' limit ')
      ? { kind: 'skipped', reason: `${read.reason} (setting attune.largestNoteInMegabytes)` }
      : read;
  }

  openVersion(key: string): number | undefined {
    return this.document(key)?.version;
  }

  openText(key: string): string | undefined {
    return this.document(key)?.getText();
  }

  /**
   * A saved editor's text is the file's, so the index reads the file: VS Code 1.139's Revert
   * and Close leaves the closed editor's edited text behind, not dirty.
   */
  savedAsFile(key: string): boolean {
    const doc = this.document(key);
    return doc !== undefined && !doc.isDirty && doc.uri.scheme === 'file';
  }

  private document(key: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
  }

  breathe(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The live workspace of notes in VS Code: the core workspace over the editor host, fed by
 * the file watcher and the editors' events, with progress and context keys.
 */
export class LiveNotes implements vscode.Disposable {
  private readonly host = new EditorHost();
  readonly collection = new NoteCollection(this.host);
  private readonly changed = new vscode.EventEmitter<IndexChange>();
  /** Fires (debounced) after the index changed, with what changed meanwhile (the notes' keys, and whether any entry did). */
  readonly onDidChange = this.changed.event;
  /** The changes not yet told: paths undefined once a scan is among them. */
  private waiting: { paths: Set<string> | undefined; entries: boolean } | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pending = new KeyedDebounce(DEBOUNCE_MS);
  private changeTimer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private isIndexing = false;
  /** Scheduled reads whose timer fired and whose read is under way. */
  private refreshing = 0;
  private readonly quietWaiters: Array<() => void> = [];

  /** The workspace's templates, read once and again when they change. */
  readonly templates: TemplateStore;

  constructor(
    private readonly log: Log,
    private readonly curtain: PrivacyCurtain,
  ) {
    this.templates = new TemplateStore(log);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.templates,
      watcher,
      { dispose: this.collection.onDidChange((change) => this.gather(change)).dispose },
      watcher.onDidCreate((uri) => {
        this.templates.touched(uri);
        this.schedule(uri);
      }),
      watcher.onDidChange((uri) => {
        this.templates.touched(uri);
        this.schedule(uri);
      }),
      watcher.onDidDelete((uri) => {
        this.templates.touched(uri);
        this.forget(uri);
      }),
      // Without content changes the event says the dirty state changed (a save, a revert):
      // the note may now be read from its file again.
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document.uri)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d.uri)),
      // A closed editor's unsaved text is gone: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.collection.closed(d.uri.toString());
        this.schedule(d.uri);
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          this.forget(f.oldUri);
          this.schedule(f.newUri);
        }
      }),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      // Trust lets the workspace's own restricted settings (which files are notes) apply.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.collection.settingsChanged();
        void this.rescan();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (NOTE_SETTINGS.some((key) => e.affectsConfiguration(key))) {
          this.collection.settingsChanged();
          void this.rescan();
        }
      }),
    );
  }

  get index(): RuptureIndex {
    return this.collection.index;
  }

  get indexing(): boolean {
    return this.isIndexing;
  }

  /** Resolves when the current scan (if any) has finished. */
  ready(): Promise<void> {
    return this.scanning ?? Promise.resolve();
  }

  /**
   * Resolves once the index has nothing left to do: no scan, no read scheduled or under way,
   * no change waiting to be announced. Tests wait on it before asserting that something did
   * not happen, instead of waiting a fixed time. It cannot know of file events VS Code has
   * not delivered yet.
   */
  async quiet(): Promise<void> {
    for (;;) {
      await this.ready();
      if (!this.collection.isScanning && this.pending.size === 0 && this.refreshing === 0 && this.changeTimer === undefined) return;
      await new Promise<void>((resolve) => this.quietWaiters.push(resolve));
    }
  }

  /** Lets quiet() look again after a step of work ended. */
  private wake(): void {
    for (const resolve of this.quietWaiters.splice(0)) resolve();
  }

  /** Reads every note again; edits made meanwhile win over what the scan read. */
  rescan(): Promise<void> {
    this.isIndexing = true;
    void vscode.commands.executeCommand('setContext', 'attune.indexing', true);
    const scan = this.scan();
    this.scanning = scan;
    return scan;
  }

  /** Whether Attune treats this file as a note: in a workspace folder, matched by its folder's include glob, not excluded. */
  isNote(uri: vscode.Uri): boolean {
    return this.collection.isNote(uri.toString());
  }

  private async scan(): Promise<void> {
    // Start on the next turn: activation should not wait for the folder walk.
    await new Promise((resolve) => setImmediate(resolve));
    const started = Date.now();
    try {
      const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Attune: reading notes') }, async () => {
        let notify: { report(v: { message: string }): void } | undefined;
        let closeNotification: (() => void) | undefined;
        this.host.progress = (done) => {
          if (done === LARGE_SCAN && !notify) {
            void vscode.window.withProgress(
              { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Attune: reading notes'), cancellable: false },
              (progress) => {
                notify = progress;
                return new Promise<void>((resolve) => (closeNotification = resolve));
              },
            );
          }
          if (done % 64 === 0) notify?.report({ message: vscode.l10n.t('{0} notes read', done) });
        };
        try {
          return await this.collection.scan();
        } finally {
          this.host.progress = undefined;
          closeNotification?.();
        }
      });
      if (!report.completed) return;
      if (report.unreadable) this.log.warn(`A workspace folder could not be read: ${report.unreadable}`);
      // Counted, not listed: listing sorts every rupture, which at 100,000 notes held the editor for tens of ms.
      const counts = this.index.counts();
      const unrepaired = STATUSES.filter(isUnrepaired).reduce((n, status) => n + counts[status], 0);
      this.log.info(`Indexed ${report.notes} notes in ${Date.now() - started} ms; ${unrepaired} unrepaired ruptures.`);
      this.reportSkipped();
      this.fire(true);
    } catch (err) {
      this.log.error(`The scan of the workspace stopped: ${describeError(err)}`);
      void vscode.window.showWarningMessage(vscode.l10n.t("Attune could not read the workspace's notes. See the Attune output for details."));
    } finally {
      if (!this.collection.isScanning) {
        this.isIndexing = false;
        void vscode.commands.executeCommand('setContext', 'attune.indexing', false);
      }
      this.wake();
    }
  }

  /**
   * Says how many notes were skipped, and why, in counts only: the log is a file on disk,
   * so the files themselves are named only in a picker, on request, never in the log.
   */
  private reportSkipped(): void {
    const skipped = this.collection.skipped;
    if (skipped.size === 0) return;
    const kinds = new Map<string, number>();
    for (const reason of skipped.values()) {
      const kind = / limit/.test(reason) ? 'too large' : /regular file/.test(reason) ? 'not a regular file' : 'not text';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const n = skipped.size;
    // Counts and kinds only: file names stay out of the log.
    this.log.warn(`Skipped ${n} file${n === 1 ? '' : 's'}: ${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')}.`);
    void vscode.window
      .showInformationMessage(
        n === 1
          ? vscode.l10n.t('Attune skipped 1 file it could not read as a note (too large, or not text).')
          : vscode.l10n.t('Attune skipped {0} files it could not read as a note (too large, or not text).', n),
        vscode.l10n.t('Show which'),
      )
      .then((choice) => {
        if (choice) void this.showSkipped();
      });
  }

  private async showSkipped(): Promise<void> {
    const items = [...this.collection.skipped].map(([uri, reason]) => ({
      label: literalIcons(
        this.curtain.detail(vscode.workspace.asRelativePath(vscode.Uri.parse(uri))) ?? vscode.l10n.t('A note (hidden while client details are hidden)'),
      ),
      description: reasonText(reason),
    }));
    await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Files Attune skipped') });
  }

  /** Re-reads one note soon; bursts of events for the same note collapse into one read. */
  private schedule(uri: vscode.Uri): void {
    this.pending.schedule(uri.toString(), () => {
      this.refreshing++;
      void this.refreshNow(uri).finally(() => {
        this.refreshing--;
        this.wake();
      });
    });
  }

  /** Re-reads one note at once (or the notes in a folder that appeared). */
  async refreshNow(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (!isMarkdownFile(uri.path) && (await this.isFolder(uri))) {
      // The watcher reports a new folder, not each file in it: look inside with the scan's
      // own walk and filter (VS Code's file search for `*.md` left out `.MD` notes).
      try {
        let listed = 0;
        for (const note of this.collection.notesInFolder(key).notes) {
          this.schedule(vscode.Uri.parse(note.path));
          // An archive moved in is walked in steps, as a scan is, so the editor keeps breathing.
          if (++listed % 256 === 0) await this.host.breathe();
        }
      } catch (err) {
        this.log.warn(`A new folder could not be read: ${describeError(err)}`);
      }
      return;
    }
    this.collection.changed(key);
  }

  private async isFolder(uri: vscode.Uri): Promise<boolean> {
    if (uri.scheme !== 'file') return false;
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pending.cancel(key);
    this.collection.deleted(key);
    this.wake();
  }

  /** Adds a change of the core workspace to those the next event tells. */
  private gather(change: IndexChange): void {
    const waiting = (this.waiting ??= { paths: new Set(), entries: false });
    if (change.paths === undefined) waiting.paths = undefined;
    else if (waiting.paths) for (const p of change.paths) waiting.paths.add(p);
    waiting.entries ||= change.entries;
    this.fire();
  }

  private fire(now = false): void {
    // During a scan every slice changes the index: its changes are told at most every
    // SCAN_TELL_MS (not after each quiet 30 ms), so the listeners (the view's redraw above
    // all, which at 100,000 notes costs tens of ms) run a few times, not hundreds.
    if (!now && this.changeTimer && this.collection.isScanning) return;
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    const tell = (): void => {
      const change = this.waiting;
      this.waiting = undefined;
      if (change) this.changed.fire(change);
    };
    if (now) {
      tell();
      this.wake();
      return;
    }
    this.changeTimer = setTimeout(
      () => {
        this.changeTimer = undefined;
        tell();
        this.wake();
      },
      this.collection.isScanning ? SCAN_TELL_MS : 30,
    );
  }

  /** The note in an open document, parsed once per version (lenses, completions, commands). */
  noteOf(document: vscode.TextDocument): Note {
    const note = this.collection.noteOf(document.uri.toString());
    if (note) return note;
    // Not open after all (closed a moment ago): read what the document holds.
    return this.collection.parseText(document.getText(), document.uri.toString());
  }

  dispose(): void {
    this.pending.cancelAll();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.wake();
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
