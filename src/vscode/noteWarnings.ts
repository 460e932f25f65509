import * as vscode from 'vscode';
import { noteWarnings, type NoteWarningAt } from '../core/notes/noteWarnings';
import type { IndexChange } from '../core/notes/noteCollection';
import type { LiveNotes } from './liveNotes';
import { KeyedDebounce } from './debounce';
import { reasonText } from './reasonText';

const SOURCE = 'attune';
/** The key of a pending recomputation of every document. */
const ALL = '';

/**
 * Attune's warnings as diagnostics: on the lines of open notes (unknown status, second tag,
 * a client from a folder name that another code matches), and one for each note skipped
 * for its size or content. Quick fixes resolve the first and the third.
 */
export class NoteDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly fixes = new Map<string, NoteWarningAt[]>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** One pending recomputation per document (by key); `all` for every document at once. */
  private readonly timers = new KeyedDebounce(100);
  /** The workspace's clients as last seen (names and counts): a folder-client warning of any note may follow them. */
  private clientsSeen: string | undefined = '';
  private clientsAt: { revision: number; clients: { client: string; notes: number }[] } | undefined;

  constructor(private readonly workspace: LiveNotes) {
    const soon = (document: vscode.TextDocument): void => this.schedule(document.uri.toString());
    this.disposables.push(
      workspace.onDidChange((change) => this.indexChanged(change)),
      vscode.workspace.onDidOpenTextDocument(soon),
      vscode.workspace.onDidCloseTextDocument(soon),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) soon(e.document);
      }),
    );
    this.schedule(ALL);
  }

  /**
   * The index changed: the diagnostics of the notes that changed are recomputed, and those of
   * every open note only after a scan or when the clients changed (what folder-client
   * warnings compare with), never on each keystroke in some other document.
   */
  private indexChanged(change: IndexChange): void {
    if (change.paths === undefined) {
      // A scan: every open note is looked at once it ends, not at each of its slices (each
      // would gather every client of the archive again: tens of ms at 100,000 notes).
      this.clientsSeen = undefined;
      if (!this.workspace.collection.isScanning) this.schedule(ALL);
      return;
    }
    const clients = this.clients();
    const seen = clients.map((c) => `${c.client}\u0000${c.notes}`).join('\n');
    const clientsMoved = seen !== this.clientsSeen;
    this.clientsSeen = seen;
    if (clientsMoved) {
      this.schedule(ALL);
      return;
    }
    for (const key of change.paths) this.schedule(key);
  }

  private schedule(key: string): void {
    if (this.timers.has(ALL)) return;
    if (key === ALL) this.timers.cancelAll();
    this.timers.schedule(key, () => (key === ALL ? this.updateAll() : this.updateDocument(key)));
  }

  /** Every open note's diagnostics and every skipped file's, computed again. */
  updateAll(): void {
    const keys = new Set<string>(this.workspace.collection.skipped.keys());
    for (const document of vscode.workspace.textDocuments) keys.add(document.uri.toString());
    this.collection.forEach((uri) => void keys.add(uri.toString()));
    for (const key of keys) this.updateDocument(key);
  }

  /** One note's diagnostics (an open note's warnings, a skipped file's reason), computed again; tests count its calls. */
  updateDocument(key: string): void {
    const diagnostics: vscode.Diagnostic[] = [];
    this.fixes.delete(key);
    const document = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
    if (document && document.languageId === 'markdown' && this.workspace.isNote(document.uri)) {
      const note = this.workspace.noteOf(document);
      const settings = this.workspace.collection.settingsOf(key);
      const warnings = noteWarnings(note, { text: document.getText(), clientKey: settings.parse.clientKey, clients: this.clients() });
      if (warnings.length > 0) this.fixes.set(key, warnings);
      for (const w of warnings) diagnostics.push(toDiagnostic(document, w));
    }
    const reason = this.workspace.collection.skipped.get(key);
    if (reason !== undefined) {
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        vscode.l10n.t('Attune skipped this file: {0}.', reasonText(reason)),
        vscode.DiagnosticSeverity.Information,
      );
      d.source = SOURCE;
      d.code = 'skipped';
      diagnostics.push(d);
    }
    const uri = vscode.Uri.parse(key);
    if (diagnostics.length > 0) this.collection.set(uri, diagnostics);
    else this.collection.delete(uri);
  }

  /** The workspace's clients with their counts, worked out once per revision of the index. */
  private clients(): { client: string; notes: number }[] {
    const revision = this.workspace.index.revision;
    if (this.clientsAt?.revision !== revision) {
      this.clientsAt = { revision, clients: this.workspace.index.clients().map((c) => ({ client: c.client, notes: c.notes })) };
    }
    return this.clientsAt.clients;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const w of this.fixes.get(document.uri.toString()) ?? []) {
      if (!w.fix || w.line < range.start.line || w.line > range.end.line) continue;
      const edit = new vscode.WorkspaceEdit();
      const { line, character, length, newText } = w.fix.edit;
      edit.replace(document.uri, new vscode.Range(line, character, line, character + length), newText);
      const action = new vscode.CodeAction(fixTitle(w, w.fix.title), vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = [toDiagnostic(document, w)];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    this.timers.cancelAll();
    this.disposables.forEach((d) => d.dispose());
  }
}

function toDiagnostic(document: vscode.TextDocument, w: NoteWarningAt): vscode.Diagnostic {
  const line = Math.min(w.line, Math.max(0, document.lineCount - 1));
  const end = document.lineAt(line).range.end.character;
  const range = new vscode.Range(line, Math.min(w.start ?? 0, end), line, Math.min(w.end ?? end, end));
  const d = new vscode.Diagnostic(range, message(w), w.kind === 'note' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
  d.source = SOURCE;
  d.code = w.kind;
  return d;
}

/** A warning's message in the display language (the English is src/core's). */
function message(w: NoteWarningAt): string {
  if (w.kind === 'unknown-status')
    return vscode.l10n.t('Attune does not know this rupture status, so it is listed as open. Did you mean {0}?', w.fix?.edit.newText ?? '');
  if (w.kind === 'folder-client') {
    return vscode.l10n.t(
      'This note takes its client from its folder’s name, which other notes write with different punctuation or case, so Attune counts two clients. Naming the client in front matter joins them.',
    );
  }
  // The parser's own warnings read "Attune: <reason>.".
  const own = /^Attune: (.*)\.$/s.exec(w.message);
  return own ? vscode.l10n.t('Attune: {0}.', reasonText(own[1])) : w.message;
}

/** A quick fix's title in the display language. */
function fixTitle(w: NoteWarningAt, english: string): string {
  if (w.kind === 'unknown-status') return vscode.l10n.t('Change the status to {0}', w.fix?.edit.newText ?? '');
  if (w.kind === 'folder-client') return vscode.l10n.t('Name the client in front matter, as the other notes write it');
  return english;
}
