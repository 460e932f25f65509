/** Preparing a de-identified draft for supervision, its review, and copying it. */
import * as vscode from 'vscode';
import { entryContaining } from '../../core/notes/edits';
import { refFrom } from '../ruptureAtHand';
import type { Services } from '../services';
import { Supervision } from '../supervision';

export function register({ context, workspace, log, curtain, command }: Services): Supervision {
  const supervision = new Supervision(workspace, log, curtain);
  context.subscriptions.push(supervision);
  command('attune.prepareForSupervision', (arg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const here =
      editor && workspace.isNote(editor.document.uri) ? entryContaining(workspace.noteOf(editor.document).entries, editor.selection.active.line) : undefined;
    return supervision.prepare(refFrom(arg), here);
  });
  command('attune.copyForSupervision', () => supervision.copy());
  command('attune.keepInDraft', (uri?: unknown, start?: unknown, end?: unknown) => {
    if (uri instanceof vscode.Uri && typeof start === 'number' && typeof end === 'number') supervision.keep(uri, start, end);
  });
  return supervision;
}
