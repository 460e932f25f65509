/** Writing a reflection: the insert lens, `#` completions, the commands that insert templates, and the repair guide. */
import * as vscode from 'vscode';
import { levelForInsertion, outline } from '../../core/markdown/outline';
import { templateCode } from '../reflectionTemplates';
import { changeStatus, insertBlock, insertReflection, today } from '../actions';
import { RuptureCompletions } from '../completions';
import { RuptureLenses } from '../lenses';
import { RepairGuide } from '../repairGuide';
import { entryAtCursor } from '../ruptureAtHand';
import { needFolder, openSessionNote, pickClient } from '../sessionNote';
import type { Services } from '../services';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

export function register({ context, workspace, log, curtain, templates, analyses, command }: Services): void {
  const lenses = new RuptureLenses(workspace, analyses, curtain);
  const guide = new RepairGuide(log, templates);
  context.subscriptions.push(
    lenses,
    guide,
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new RuptureCompletions(workspace), '/', '#'),
  );

  command('attune.insertReflection', async (uriArg?: unknown, lineArg?: unknown) => {
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
  });

  command('attune.insertInSessionRepair', async (uriArg?: unknown, lineArg?: unknown) => {
    let editor = vscode.window.activeTextEditor;
    if (uriArg instanceof vscode.Uri && (!editor || editor.document.uri.toString() !== uriArg.toString())) {
      editor = await vscode.window.showTextDocument(uriArg);
    }
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a markdown note first, then record the repair in it.'));
      return false;
    }
    return insertReflection(editor, workspace, typeof lineArg === 'number' ? lineArg : undefined, undefined, 'in-session-repair');
  });

  command('attune.showRepairGuide', () => guide.show());

  command('attune.insertTemplate', async () => {
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
    const line = editor.selection.active.line;
    const level = levelForInsertion(outline(editor.document.getText()), line);
    return insertBlock(editor, line, templateCode().renderSnippet(t, { client: note.client, date: note.date ?? today(), level }, today()));
  });
}
