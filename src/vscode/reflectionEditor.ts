/**
 * The reflection feature's editor side, its own bundle (dist/reflection.js): the lenses over
 * a note, the `#` completions and the commands that insert a reflection or a template.
 * src/vscode/features/reflection.ts loads it when VS Code first asks for a lens or a
 * completion, or a command runs.
 */
import * as vscode from 'vscode';
import { sectionPlacement } from '../core/reflection/placement';
import { changeStatus, insertBlock, insertReflection, today } from './actions';
import type { LiveNotes } from './liveNotes';
import type { Log } from './log';
import type { PrivacyCurtain } from './privacyCurtain';
import { templateCode } from './reflectionTemplates';
import { entryAtCursor } from './ruptureAtHand';
import { needFolder, openSessionNote, pickClient } from './sessionNote';
import type { TemplateStore } from './templateStore';

export { RuptureCompletions } from './completions';
export { RuptureLenses } from './lenses';

/** Insert a rupture reflection: in the note open (or given), else in today's note for a client. */
export async function insertReflectionCommand(workspace: LiveNotes, log: Log, curtain: PrivacyCurtain, uriArg?: unknown, lineArg?: unknown): Promise<boolean> {
  let editor = vscode.window.activeTextEditor;
  if (uriArg instanceof vscode.Uri && (!editor || editor.document.uri.toString() !== uriArg.toString())) {
    editor = await vscode.window.showTextDocument(uriArg);
  }
  if (!editor || editor.document.languageId !== 'markdown') {
    // No note open: start today's note for a client, then reflect in it.
    if (!(await needFolder())) return false;
    const client = await pickClient(workspace, curtain, vscode.l10n.t('Insert a rupture reflection: which client?'));
    if (!client) return false;
    const opened = await openSessionNote(workspace, log, curtain, client, 'filled');
    if (!opened) return false;
    editor = opened.editor;
    const last = editor.document.lineCount - 1;
    editor.selection = new vscode.Selection(last, editor.document.lineAt(last).text.length, last, editor.document.lineAt(last).text.length);
  }
  return insertReflection(editor, workspace, typeof lineArg === 'number' ? lineArg : undefined);
}

/** Record an in-session repair, in the note open (or given). */
export async function insertInSessionRepairCommand(workspace: LiveNotes, uriArg?: unknown, lineArg?: unknown): Promise<boolean> {
  let editor = vscode.window.activeTextEditor;
  if (uriArg instanceof vscode.Uri && (!editor || editor.document.uri.toString() !== uriArg.toString())) {
    editor = await vscode.window.showTextDocument(uriArg);
  }
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a markdown note first, then record the repair in it.'));
    return false;
  }
  return insertReflection(editor, workspace, typeof lineArg === 'number' ? lineArg : undefined, undefined, 'in-session-repair');
}

/** Insert a template: picked from the built-ins and the workspace's own, into the note open. */
export async function insertTemplateCommand(workspace: LiveNotes, log: Log, templates: TemplateStore): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a markdown note first, then insert a template into it.'));
    return false;
  }
  const picked = await vscode.window.showQuickPick(
    templates
      .for(vscode.workspace.getWorkspaceFolder(editor.document.uri))
      .filter((t) => t.kind !== 'note')
      .map((t) => ({ label: t.name, description: t.source === 'built-in' ? '' : t.source, detail: t.description, template: t })),
    { title: vscode.l10n.t('Insert a template'), placeHolder: vscode.l10n.t('Choose a template'), matchOnDetail: true },
  );
  if (!picked) return false;
  const t = picked.template;
  if (t.kind === 'followup') {
    const ref = entryAtCursor(workspace);
    if (!ref) {
      void vscode.window.showInformationMessage(vscode.l10n.t("This template belongs to a rupture: put the cursor in a rupture's section first."));
      return false;
    }
    const ok = await changeStatus(ref, t.sets ?? 'open', workspace, log, t.id);
    await workspace.refreshNow(editor.document.uri);
    return ok;
  }
  if (t.kind === 'rupture') return insertReflection(editor, workspace, undefined, undefined, t.id);
  const note = workspace.noteOf(editor.document);
  const at = sectionPlacement(editor.document.getText(), note.entries, editor.selection.active.line, t.body);
  return insertBlock(editor, at.line, templateCode().renderSnippet(t, { client: note.client, date: note.date ?? today(), level: at.level }, today()));
}
