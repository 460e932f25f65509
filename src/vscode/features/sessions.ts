/**
 * Session notes: a new note for a client, the checklist before a session, and ticking its
 * tasks. Their code is in bundles of their own (dist/sessionNote.js, dist/checklist.js),
 * loaded at their commands.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { Node } from '../tree';

const checklist = (): typeof import('../checklist') => require('./checklist.js') as typeof import('../checklist');
const sessionNote = (): typeof import('../sessionNote') => require('./sessionNote.js') as typeof import('../sessionNote');

export function register({ workspace, log, curtain, command }: Services): void {
  command('attune.newSessionNote', async () => {
    const { needFolder, openSessionNote, pickClient } = sessionNote();
    if (!(await needFolder())) return false;
    const client = await pickClient(workspace, curtain, vscode.l10n.t('New session note: which client?'));
    if (!client) return false;
    return (await openSessionNote(workspace, log, curtain, client, 'snippet')) !== undefined;
  });

  command('attune.prepareForSession', (arg?: unknown) => {
    const node = arg as Partial<Node> | undefined;
    const client = typeof arg === 'string' ? arg : node?.kind === 'group' && node.by === 'client' ? node.key : undefined;
    return checklist().prepareForSession(workspace, log, curtain, client);
  });

  command('attune.toggleTask', () => {
    const editor = vscode.window.activeTextEditor;
    return editor ? checklist().toggleTask(editor) : false;
  });
}
