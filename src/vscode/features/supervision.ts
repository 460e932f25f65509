/**
 * Preparing a de-identified draft for supervision, its review, and copying it. The editor's
 * side of the export is its own bundle (dist/supervision.js), loaded at the first export
 * command, never during activation.
 */
import * as vscode from 'vscode';
import { entryContaining } from '../../core/notes/edits';
import { DRAFT_SCHEME } from '../draftFileSystem';
import { refFrom } from '../ruptureAtHand';
import type { Services } from '../services';
import type { Supervision } from '../supervision';

/** Registers the export's commands; returns what loads the export's code (once) and hands it over. */
export function register({ context, workspace, log, curtain, command }: Services): () => Supervision {
  let supervision: Supervision | undefined;
  const load = (): Supervision => {
    if (!supervision) {
      supervision = new (require('./supervision.js') as typeof import('../supervision')).Supervision(workspace, log, curtain);
      context.subscriptions.push(supervision);
    }
    return supervision;
  };
  closeRestoredDrafts();
  command('attune.prepareForSupervision', (arg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const here =
      editor && workspace.isNote(editor.document.uri) ? entryContaining(workspace.noteOf(editor.document).entries, editor.selection.active.line) : undefined;
    return load().prepare(refFrom(arg), here);
  });
  command('attune.copyForSupervision', () => load().copy());
  command('attune.keepInDraft', (uri?: unknown, start?: unknown, end?: unknown) => {
    if (uri instanceof vscode.Uri && typeof start === 'number' && typeof end === 'number') load().keep(uri, start, end);
  });
  return load;
}

/** A window reload restores a draft's tab, but the draft went with the old memory: close it rather than show an error. */
function closeRestoredDrafts(): void {
  const stale = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === DRAFT_SCHEME);
  if (stale.length > 0) void vscode.window.tabGroups.close(stale);
}
