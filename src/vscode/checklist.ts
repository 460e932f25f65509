import * as vscode from 'vscode';
import { checklistInsertEdit, hasChecklist, notesToRead, prepareChecklist, toggleTaskInNote } from '../core/checklist/checklist';
import { applyEdits, type TextEdit } from '../core/notes/edits';
import { templateCode } from './reflectionTemplates';
import { today } from './actions';
import { readSessionSettings, readTemplateLanguage } from './config';
import type { PrivacyCurtain } from './privacyCurtain';
import type { Log } from './log';
import { changeNote } from './noteChange';
import { clientFolder, confinedNoteUri, exists, needFolder, pickClient } from './sessionNote';
import { markDone } from './walkthrough';
import type { LiveNotes } from './liveNotes';

/** The text of each note, as the editor has it (unsaved edits included). */
async function noteTexts(paths: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const path of paths) {
    try {
      texts.set(path, (await vscode.workspace.openTextDocument(vscode.Uri.parse(path))).getText());
    } catch {
      // A note that vanished still gets its link, without a heading anchor, and carries nothing.
    }
  }
  return texts;
}

/**
 * "Prepare for session": opens today's note for a client (creating it from the session
 * template if need be) with a "Before the session" checklist at the top: the ruptures to
 * perhaps revisit, what mattered to them last time, then the clinician's own checks. An existing note is never overwritten,
 * and a checklist already there is not added again.
 */
export async function prepareForSession(workspace: LiveNotes, log: Log, curtain: PrivacyCurtain, clientArg?: string): Promise<boolean> {
  // The walkthrough's step ticks once the note is open with its checklist, never mid-pick.
  const prepared = await openWithChecklist(workspace, log, curtain, clientArg);
  if (prepared) markDone('preparedSession');
  return prepared;
}

async function openWithChecklist(workspace: LiveNotes, log: Log, curtain: PrivacyCurtain, clientArg?: string): Promise<boolean> {
  if (!(await needFolder())) return false;
  await workspace.ready();
  const client = clientArg ?? (await pickClient(workspace, curtain, vscode.l10n.t('Prepare for session: which client?')));
  if (!client) return false;
  if (!(await curtain.allowsOpening())) return false;
  const folder = clientFolder(workspace, client);
  if (!folder) return false;
  const date = today();
  const uri = confinedNoteUri(folder, date);
  if (!uri) return false;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
  const templates = workspace.templates.for(workspaceFolder);
  const place = { notes: workspace.index, client, today: date, notePath: uri.toString() };
  const texts = await noteTexts(notesToRead(place));
  const {
    checklist: { markdown, items },
  } = prepareChecklist({
    ...place,
    noteText: (path) => texts.get(path),
    templates,
    settings: readSessionSettings(uri),
    language: readTemplateLanguage(uri),
  });

  if (await exists(uri)) {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    let already = false;
    const outcome = await changeNote(document, (text) => {
      already = hasChecklist(text);
      return already ? undefined : [checklistInsertEdit(text, markdown)];
    });
    if (already) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Attune: this note already has its checklist'), 4000);
      return true;
    }
    if (outcome !== 'changed') return false;
    log.info(`Added the pre-session checklist (${items.length} items) to a session note.`);
    return true;
  }

  const template = templateCode().findTemplate(templates, 'session-note');
  const note = template ? templateCode().renderMarkdown(template, { client, date }, date) + '\n' : '';
  const content = applyEdits(note, [checklistInsertEdit(note, markdown)]);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(content) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Attune could not create the session note. Nothing was changed.'));
    return false;
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  log.info(`Created a session note with the pre-session checklist (${items.length} items).`);
  return true;
}

/** Ticks or unticks the task item on each selected line; only the character in the brackets changes. */
export async function toggleTask(editor: vscode.TextEditor): Promise<boolean> {
  const lines = new Set(
    editor.selections.flatMap((s) => {
      const last = s.end.character === 0 && s.end.line > s.start.line ? s.end.line - 1 : s.end.line;
      return Array.from({ length: last - s.start.line + 1 }, (_, i) => s.start.line + i);
    }),
  );
  const outcome = await changeNote(editor.document, (text) =>
    [...lines].map((line) => toggleTaskInNote(text, line)).filter((e): e is TextEdit => e !== undefined),
  );
  if (outcome === 'nothing') {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Attune: no task item (- [ ]) on this line'), 3000);
    return false;
  }
  return outcome === 'changed';
}
