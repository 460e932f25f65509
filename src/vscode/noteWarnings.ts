import * as vscode from 'vscode';
import { noteWarnings, type NoteWarningAt } from '../core/noteWarnings';
import type { WorkspaceIndex } from './workspaceIndex';

const SOURCE = 'attune';

/**
 * Attune's warnings as diagnostics: on the lines of open notes (unknown status, second tag,
 * a client from a folder name that another code matches), and one for each note skipped
 * for its size or content. Quick fixes resolve the first and the third.
 */
export class NoteDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly fixes = new Map<string, NoteWarningAt[]>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly workspace: WorkspaceIndex) {
    const soon = (): void => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), 100);
    };
    this.disposables.push(
      workspace.onDidChange(soon),
      vscode.workspace.onDidOpenTextDocument(soon),
      vscode.workspace.onDidCloseTextDocument(soon),
      vscode.workspace.onDidChangeTextDocument(soon),
    );
    soon();
  }

  /** Recomputes every diagnostic: open notes, then skipped files. */
  update(): void {
    const all = new Map<string, vscode.Diagnostic[]>();
    this.fixes.clear();
    const clients = this.workspace.index.clients().map((c) => ({ client: c.client, notes: c.notes }));
    for (const document of vscode.workspace.textDocuments) {
      if (document.languageId !== 'markdown' || !this.workspace.isNote(document.uri)) continue;
      const key = document.uri.toString();
      const note = this.workspace.noteOf(document);
      const settings = this.workspace.workspace.settingsOf(key);
      const warnings = noteWarnings(note, { text: document.getText(), clientKey: settings.parse.clientKey, clients });
      if (warnings.length === 0) continue;
      this.fixes.set(key, warnings);
      all.set(key, warnings.map((w) => toDiagnostic(document, w)));
    }
    for (const [key, reason] of this.workspace.workspace.skipped) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Attune skipped this file: ${reason}.`, vscode.DiagnosticSeverity.Information);
      d.source = SOURCE;
      d.code = 'skipped';
      all.set(key, [...(all.get(key) ?? []), d]);
    }
    this.collection.clear();
    for (const [key, diagnostics] of all) this.collection.set(vscode.Uri.parse(key), diagnostics);
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const w of this.fixes.get(document.uri.toString()) ?? []) {
      if (!w.fix || w.line < range.start.line || w.line > range.end.line) continue;
      const edit = new vscode.WorkspaceEdit();
      const { line, character, length, newText } = w.fix.edit;
      edit.replace(document.uri, new vscode.Range(line, character, line, character + length), newText);
      const action = new vscode.CodeAction(w.fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = edit;
      action.diagnostics = [toDiagnostic(document, w)];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}

function toDiagnostic(document: vscode.TextDocument, w: NoteWarningAt): vscode.Diagnostic {
  const line = Math.min(w.line, Math.max(0, document.lineCount - 1));
  const end = document.lineAt(line).range.end.character;
  const range = new vscode.Range(line, Math.min(w.start ?? 0, end), line, Math.min(w.end ?? end, end));
  const d = new vscode.Diagnostic(range, w.message, w.kind === 'note' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
  d.source = SOURCE;
  d.code = w.kind;
  return d;
}
