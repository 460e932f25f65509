/**
 * Cue hints in the editor: a quiet mark under words that may be quiet signs of a rupture (a
 * diagnostic of severity Hint, which the Problems panel leaves out, and a dotted underline
 * in a muted theme colour, so the mark can be seen on light and dark themes alike), a hover
 * saying why, and three quick fixes: reflect on it, hide it on this line, or turn the hints
 * off. A `safety-first` hint (cue words in a sentence that speaks of risk) says that safety
 * comes first and offers no reflection.
 *
 * A hint never creates, changes or counts anything by itself, and nothing about cues is
 * logged. "Not this time" is remembered as a hash of the note's URI, the cue and the line's
 * text in the workspace's storage, never the text itself.
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { compileCues, findCues, lineForReflection, quoteCueLine, readUserCues, SAFETY_FIRST, type CompiledCues } from '../core/cues/cues';
import { hintLanguage, hintReason, notARuptureByItself } from '../core/cues/cueTexts';
import { lastContentLine } from '../core/markdown/insert';
import { outline } from '../core/markdown/outline';
import { insertReflection } from './actions';
import { readSetting } from './config';
import type { IndexChange } from '../core/notes/noteCollection';
import type { LiveNotes } from './liveNotes';
import { KeyedDebounce } from './debounce';

/** Shown as the diagnostic's source, and how the quick fixes find our own hints. */
const SOURCE = 'Attune cue hint';
const DISMISSED_KEY = 'attune.cues.notThisTime';
/** Hashes kept at most; the oldest go first. */
const MAX_DISMISSED = 10000;
const DEBOUNCE_MS = 150;

/** What the hover says a cue of this kind may be a sign of. */
function kindWords(kind: string | undefined): string {
  switch (kind) {
    case 'withdrawal':
      return vscode.l10n.t('a possible sign of withdrawal (moving away)');
    case 'confrontation':
      return vscode.l10n.t('a possible sign of confrontation (moving against)');
    case 'my own reaction':
      return vscode.l10n.t('a possible sign in your own reaction');
    default:
      return vscode.l10n.t('a possible cue');
  }
}

export class CueHints implements vscode.Disposable, vscode.CodeActionProvider, vscode.HoverProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('attune.cues');
  /**
   * The visible mark: a dotted underline in the muted colour of code lenses, which every
   * theme sets (a Hint diagnostic alone is three faint dots many users never see).
   */
  private readonly mark = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none dotted none',
    borderWidth: '0 0 1px 0',
    borderColor: new vscode.ThemeColor('editorCodeLens.foreground'),
  });
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.mark];
  private readonly timers = new KeyedDebounce(DEBOUNCE_MS);
  /** Compiled cue sets by the settings they came from; settings rarely change. */
  private readonly compiled = new Map<string, CompiledCues>();
  /** Settings whose skipped phrases the user has already been told about. */
  private readonly told = new Set<string>();
  private dismissed: Set<string>;

  constructor(
    private readonly workspace: LiveNotes,
    private readonly state: vscode.Memento,
  ) {
    this.dismissed = this.readDismissed();
    const selector: vscode.DocumentSelector = [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ];
    this.disposables.push(
      vscode.languages.registerCodeActionsProvider(selector, this, { providedCodeActionKinds: CueHints.providedCodeActionKinds }),
      vscode.languages.registerHoverProvider(selector, this),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.diagnostics.delete(d.uri);
        this.hinted.delete(d.uri.toString());
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.decorate(e))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          e.affectsConfiguration('attune.cues') ||
          e.affectsConfiguration('attune.cueHints') ||
          e.affectsConfiguration('attune.whichFilesAreNotes') ||
          e.affectsConfiguration('attune.filesToLeaveOut')
        )
          this.refreshAll();
      }),
      // The index decides what is a note; it learns the settings when it rescans.
      workspace.onDidChange((change) => this.indexChanged(change)),
    );
    this.refreshAll();
  }

  /** Reads the hidden hints again from the workspace's storage, as a new window would, and recomputes. */
  reload(): void {
    this.dismissed = this.readDismissed();
    this.refreshAll();
  }

  /** The hints shown on a document now (for tests). */
  hintsFor(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** The ranges underlined in each visible editor of a document, as last set (for tests). */
  marksFor(uri: vscode.Uri): readonly vscode.Range[] | undefined {
    return this.marked.get(uri.toString());
  }

  private readonly marked = new Map<string, vscode.Range[]>();

  /** Underlines the hints of an editor's document (none when it has none). */
  private decorate(editor: vscode.TextEditor): void {
    const ranges = (this.diagnostics.get(editor.document.uri) ?? []).map((d) => d.range);
    editor.setDecorations(this.mark, ranges);
    this.marked.set(editor.document.uri.toString(), ranges);
  }

  private decorateAll(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === document) this.decorate(editor);
    }
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** The document version each document's hints were last computed for. */
  private readonly hinted = new Map<string, number>();

  /**
   * The index changed: a document's hints depend on its own text and note only, so only the
   * documents of the notes that changed are looked at, and only when their hints are not of
   * this version already (an edit recomputes them on its own). After a scan, which may follow
   * new settings (what is a note), every open document is.
   */
  private indexChanged(change: IndexChange): void {
    if (change.paths === undefined) {
      this.refreshAll();
      return;
    }
    for (const document of vscode.workspace.textDocuments) {
      const key = document.uri.toString();
      if (change.paths.has(key) && this.hinted.get(key) !== document.version) this.refresh(document);
    }
  }

  private schedule(document: vscode.TextDocument): void {
    this.timers.schedule(document.uri.toString(), () => {
      if (!document.isClosed) this.refresh(document);
    });
  }

  /** Recomputes one document's hints from its current (unsaved) text; tests count its calls. */
  refresh(document: vscode.TextDocument): void {
    this.hinted.set(document.uri.toString(), document.version);
    const cues = this.cuesFor(document);
    if (!cues) {
      this.diagnostics.delete(document.uri);
      this.decorateAll(document);
      return;
    }
    const text = document.getText();
    const note = this.workspace.noteOf(document);
    const path = document.uri.toString();
    const found: vscode.Diagnostic[] = [];
    for (const hint of findCues(text, note, cues)) {
      if (this.dismissed.has(hintKey(path, hint.cue, document.lineAt(hint.line).text))) continue;
      const range = new vscode.Range(hint.line, hint.column, hint.line, hint.column + hint.length);
      // The reason in VS Code's display language (German, Spanish or French, else English).
      const diagnostic = new vscode.Diagnostic(range, hintReason(hint, hintLanguage(vscode.env.language)), vscode.DiagnosticSeverity.Hint);
      diagnostic.source = SOURCE;
      diagnostic.code = hint.cue;
      found.push(diagnostic);
    }
    this.diagnostics.set(document.uri, found);
    this.decorateAll(document);
  }

  /** The cue set for a note, or undefined when hints are off or the document is not a note. */
  private cuesFor(document: vscode.TextDocument): CompiledCues | undefined {
    if (document.languageId !== 'markdown' || !this.workspace.isNote(document.uri)) return undefined;
    if (readSetting('attune.cueHints', document.uri) === false) return undefined;
    const config = vscode.workspace.getConfiguration('attune.cues', document.uri);
    const raw: unknown = config.get('phrases', []);
    let key: string;
    try {
      key = JSON.stringify(raw) ?? '';
    } catch {
      key = '';
    }
    let compiled = this.compiled.get(key);
    if (!compiled) {
      const user = readUserCues(raw);
      if (user.skipped > 0 && !this.told.has(key)) {
        this.told.add(key);
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'Attune left out {0} of your own cue phrases (attune.cues.phrases): each needs a phrase of up to 100 characters with a letter in it, a kind (withdrawal, confrontation or my own reaction) and a one-line reason.',
            user.skipped,
          ),
        );
      }
      if (this.compiled.size > 20) this.compiled.clear();
      compiled = compileCues(user.cues);
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  private ourHints(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
    const shown = new Set(this.diagnostics.get(document.uri) ?? []);
    return diagnostics.filter((d) => d.source === SOURCE && shown.has(d));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const hints = this.ourHints(document, context.diagnostics);
    if (hints.length === 0) return [];
    const hint = hints[0];
    const line = hint.range.start.line;
    const actions: vscode.CodeAction[] = [];
    // Words of risk are never offered as a rupture to reflect on.
    if (hint.code !== SAFETY_FIRST.id) {
      const reflect = new vscode.CodeAction(vscode.l10n.t('Reflect on this as a rupture'), vscode.CodeActionKind.QuickFix);
      reflect.command = { title: reflect.title, command: 'attune.reflectOnCue', arguments: [document.uri, line] };
      reflect.diagnostics = [hint];
      actions.push(reflect);
    }
    const hide = new vscode.CodeAction(vscode.l10n.t('Not this time'), vscode.CodeActionKind.QuickFix);
    hide.command = { title: hide.title, command: 'attune.hideCue', arguments: [document.uri, line, String(hint.code)] };
    hide.diagnostics = [hint];
    const off = new vscode.CodeAction(vscode.l10n.t('Turn off cue hints'), vscode.CodeActionKind.QuickFix);
    off.command = { title: off.title, command: 'attune.turnOffCueHints', arguments: [document.uri] };
    off.diagnostics = hints;
    return [...actions, hide, off];
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hint = (this.diagnostics.get(document.uri) ?? []).find((d) => d.range.contains(position));
    if (!hint) return undefined;
    // Plain words (a user's own reason is escaped), so the hover reads as written.
    if (hint.code === SAFETY_FIRST.id) {
      const safety = new vscode.MarkdownString(
        [
          vscode.l10n.t('Attune noticed: {0}', escapeMarkdown(hint.message)),
          // What the hover of a `safety-first` hint says after its reason.
          vscode.l10n.t(
            'Attune is not a risk tool and does not assess risk. It marks these words only so that they are not taken for a sign of a rupture, and it offers no rupture reflection for them.',
          ),
          vscode.l10n.t('Quick Fix: hide it on this line ("Not this time"), or turn cue hints off.'),
        ].join('\n\n'),
      );
      safety.isTrusted = false;
      return new vscode.Hover(safety, hint.range);
    }
    const cues = this.cuesFor(document);
    const kind = cues?.cues.find((c) => c.id === hint.code)?.kind;
    const text = new vscode.MarkdownString(
      [
        vscode.l10n.t('Attune noticed {0}: {1}', kindWords(kind), escapeMarkdown(hint.message)),
        notARuptureByItself(hintLanguage(vscode.env.language)),
        vscode.l10n.t('Quick Fix: reflect on it as a rupture, hide it on this line ("Not this time"), or turn cue hints off.'),
      ].join('\n\n'),
    );
    text.isTrusted = false;
    return new vscode.Hover(text, hint.range);
  }

  /**
   * "Reflect on this as a rupture": the reflection after the hint's section, its line quoted
   * in "Cues I noticed", leaving out every sentence that speaks of risk; when nothing else is
   * left, or the line holds a `safety-first` hint, nothing is inserted.
   */
  async reflect(uriArg: unknown, lineArg: unknown): Promise<boolean> {
    if (!(uriArg instanceof vscode.Uri) || typeof lineArg !== 'number') return false;
    const document = await vscode.workspace.openTextDocument(uriArg);
    if (lineArg < 0 || lineArg >= document.lineCount) return false;
    const safe = lineForReflection(document.lineAt(lineArg).text);
    const safety = (this.diagnostics.get(document.uri) ?? []).some((d) => d.range.start.line === lineArg && d.code === SAFETY_FIRST.id);
    if (safe === undefined || safety) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Attune does not make a rupture reflection from words that can speak of risk: safety comes first.'),
      );
      return false;
    }
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const quoted = quoteCueLine(safe);
    let heading: number | undefined;
    for (const h of outline(document.getText())) {
      if (h.line > lineArg) break;
      heading = h.line;
    }
    if (heading === undefined) {
      // No heading above: the whole note is the section, so the reflection goes at its end.
      const last = Math.max(0, lastContentLine(document.getText(), -1, document.lineCount));
      const end = document.lineAt(last).range.end;
      editor.selection = new vscode.Selection(end, end);
    }
    return insertReflection(editor, this.workspace, heading, quoted);
  }

  /** "Not this time": hides the hint on this line, remembered by a hash only. */
  async hide(uriArg: unknown, lineArg: unknown, cue: unknown): Promise<boolean> {
    if (!(uriArg instanceof vscode.Uri) || typeof lineArg !== 'number' || typeof cue !== 'string') return false;
    const document = await vscode.workspace.openTextDocument(uriArg);
    if (lineArg < 0 || lineArg >= document.lineCount) return false;
    const key = hintKey(document.uri.toString(), cue, document.lineAt(lineArg).text);
    this.dismissed.delete(key);
    this.dismissed.add(key);
    const list = [...this.dismissed].slice(-MAX_DISMISSED);
    this.dismissed = new Set(list);
    await this.state.update(DISMISSED_KEY, list);
    this.refresh(document);
    return true;
  }

  async turnOff(uriArg: unknown): Promise<void> {
    const scope = uriArg instanceof vscode.Uri ? uriArg : vscode.window.activeTextEditor?.document.uri;
    const config = vscode.workspace.getConfiguration('attune', scope);
    const where = config.inspect<boolean>('cueHints');
    // Change the setting where it is set, so a workspace's own "on" does not outlast the click.
    const target =
      where?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : where?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    await config.update('cueHints', false, target);
    for (const document of vscode.workspace.textDocuments) {
      this.diagnostics.delete(document.uri);
      this.decorateAll(document);
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Cue hints are off. To bring them back, turn on "Cue Hints" in Attune\'s settings.'));
  }

  private readDismissed(): Set<string> {
    const stored = this.state.get<unknown>(DISMISSED_KEY);
    return new Set(Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : []);
  }

  dispose(): void {
    this.timers.cancelAll();
    this.disposables.forEach((d) => d.dispose());
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!]/g, (c) => `\\${c}`);
}

/** What "Not this time" remembers: a hash, from which neither the note nor its text can be read back. */
function hintKey(path: string, cue: string, lineText: string): string {
  return crypto.createHash('sha256').update(`${path}\u0000${cue}\u0000${lineText}`).digest('hex');
}
