import * as vscode from 'vscode';
import { entryContaining } from '../core/notes/edits';
import { refOf, type EntryRef } from './actions';
import type { Node } from './tree';
import type { LiveNotes } from './liveNotes';

/** Anything a command may be called with: a tree node, a lens's reference, or nothing (the cursor). */
export function refFrom(arg: unknown): EntryRef | undefined {
  if (arg && typeof arg === 'object') {
    const node = arg as Partial<Node>;
    if (node.kind === 'entry' && 'entry' in node && node.entry) return refOf(node.entry);
    const ref = arg as Partial<EntryRef>;
    if (typeof ref.path === 'string' && typeof ref.line === 'number')
      return { path: ref.path, line: ref.line, ...(typeof ref.title === 'string' ? { title: ref.title } : {}) };
  }
  return undefined;
}

/** The rupture under the cursor, found in the editor's current text. */
export function entryAtCursor(workspace: LiveNotes): EntryRef | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !workspace.isNote(editor.document.uri)) return undefined;
  const entry = entryContaining(workspace.noteOf(editor.document).entries, editor.selection.active.line);
  return entry && refOf(entry);
}

/** The rupture a command is for: the one it was given, else the one under the cursor; says how to pick one when there is none. */
export function targetOf(arg: unknown, workspace: LiveNotes): EntryRef | undefined {
  const ref = refFrom(arg) ?? entryAtCursor(workspace);
  if (!ref)
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Put the cursor in a rupture section (under a heading tagged #rupture), or pick one in the Attune view.'),
    );
  return ref;
}
