import * as vscode from 'vscode';
import type { TextEdit } from '../core/notes/edits';
import { WriteRefused } from '../node/atomicWrite';
import { reasonText } from './reasonText';
import { editNoteOnDisk } from '../node/editNote';
import { readNoteSettings } from './config';

/** What became of a change: made, nothing to make, or refused (the user was told why). */
type ChangeOutcome = 'changed' | 'nothing' | 'refused';

/** How long to wait for VS Code to show a change made on disk before going on without it. */
const RELOAD_WAIT_MS = 10000;

/** Resolves once the document's text changes (VS Code reloaded it from disk), or after the wait. */
function reloadOf(document: vscode.TextDocument): { done: Promise<void>; cancel: () => void } {
  let listener: vscode.Disposable | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    finish = () => {
      listener?.dispose();
      if (timer) clearTimeout(timer);
      resolve();
    };
    listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === document.uri.toString() && e.contentChanges.length > 0) finish();
    });
    timer = setTimeout(finish, RELOAD_WAIT_MS);
  });
  return { done, cancel: finish };
}

/**
 * The one way every Attune action changes a note (a status, a plan, an attempt, a closing,
 * the mended line, a feedback score, a checklist, a ticked task). `compute` gets the note's
 * text as it is now and returns the edits to make to it (undefined or none: nothing to do).
 *
 * - A note with no unsaved edits is changed on disk, byte for byte, with the same atomic
 *   write as `attune set`: its encoding, invalid bytes, line breaks and trailing spaces stay,
 *   whatever the user's save settings. VS Code then reloads it into any open editor as one
 *   step that one Undo takes back.
 * - A note with unsaved edits of the user's gets one undoable edit in the editor and is left
 *   for the user to save. Attune never saves a note through VS Code: that save rewrites the
 *   whole file (encoding, line breaks, trimming) and keeps a copy in VS Code's Local History.
 */
export async function changeNote(document: vscode.TextDocument, compute: (text: string) => readonly TextEdit[] | undefined): Promise<ChangeOutcome> {
  if (document.isDirty || document.uri.scheme !== 'file') {
    const edits = compute(document.getText());
    if (!edits || edits.length === 0) return 'nothing';
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) edit.replace(document.uri, new vscode.Range(e.line, e.character, e.line, e.character + e.length), e.newText);
    if (await vscode.workspace.applyEdit(edit)) return 'changed';
    void vscode.window.showWarningMessage(vscode.l10n.t('Attune could not change the note; nothing was changed.'));
    return 'refused';
  }
  // Listening before the write: VS Code may reload the editor before the write returns.
  const reload = reloadOf(document);
  let text: string | undefined;
  try {
    text = editNoteOnDisk(document.uri.fsPath, readNoteSettings(document.uri, false).maxNoteBytes, compute);
  } catch (err) {
    reload.cancel();
    // Reasons name no file and quote no text.
    if (err instanceof WriteRefused) {
      const left =
        err.kept === 'theirs' ? vscode.l10n.t('The note holds what the other program saved.') : vscode.l10n.t('The note was left exactly as it was.');
      void vscode.window.showWarningMessage(vscode.l10n.t('Attune could not change the note: {0}. {1}', reasonText(err.reason), left));
      return 'refused';
    }
    throw err;
  }
  if (text === undefined) {
    reload.cancel();
    return 'nothing';
  }
  await reload.done;
  return 'changed';
}
