/** The "Ruptures to revisit" view, the client's heart in the status bar, and moving between them and the notes. */
import * as vscode from 'vscode';
import { entryContaining } from '../../core/notes/edits';
import { openEntry } from '../actions';
import { describeError } from '../liveNotes';
import { readConfig, type GroupBy } from '../config';
import { refFrom } from '../ruptureAtHand';
import type { Services } from '../services';
import { RuptureTree, type Node } from '../tree';

export interface RuptureView {
  readonly tree: RuptureTree;
  readonly view: vscode.TreeView<Node>;
  /** Draws the view and the status bar from the index again; settles once they show it. */
  update(): Promise<void>;
}

export function register({ context, workspace, curtain, command, log }: Services): RuptureView {
  const tree = new RuptureTree(workspace, context.workspaceState, curtain);
  const treeView = vscode.window.createTreeView('attune.unrepaired', { treeDataProvider: tree });
  const status = vscode.window.createStatusBarItem('attune.clientStatus', vscode.StatusBarAlignment.Right, 100);
  status.name = vscode.l10n.t('Attune: ruptures to revisit with this client');
  context.subscriptions.push(tree, treeView, status);
  // Stand-ins count down the list: Client 1 is the first client the view shows.
  curtain.orderBy(() => tree.clientsInOrder());

  const update = (): Promise<void> => tree.refresh().then(afterDrawing, (err: unknown) => log.error(`The view could not be drawn: ${describeError(err)}`));

  const afterDrawing = (): void => {
    const n = tree.count;
    // No badge unless the clinician turned it on: a number waiting on the activity bar reads as a score.
    treeView.badge = n > 0 && readConfig().badge ? { value: n, tooltip: vscode.l10n.t('{0} to revisit', n) } : undefined;
    treeView.message = undefined;
    void vscode.commands.executeCommand('setContext', 'attune.empty', n === 0);
    void vscode.commands.executeCommand('setContext', 'attune.groupBy', tree.grouping);
    updateStatusBar();
  };

  const updateStatusBar = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !readConfig(editor.document.uri).statusBar || !workspace.isNote(editor.document.uri)) {
      status.hide();
      return;
    }
    const client = workspace.index.get(editor.document.uri.toString())?.client ?? workspace.noteOf(editor.document).client;
    if (!client) {
      status.hide();
      return;
    }
    // The code stays out of the bar itself (screens get shared); it is in the tooltip. A
    // number appears only when the clinician asked for counts.
    const n = readConfig().showCounts ? workspace.index.unrepaired(client).length : 0;
    status.text = n > 0 ? `$(heart) ${vscode.l10n.t('{0} to revisit', n)}` : '$(heart)';
    status.tooltip =
      n > 0
        ? vscode.l10n.t('Attune: {0} to revisit with {1}. Click to show them.', n, curtain.client(client))
        : vscode.l10n.t('Attune: show {0} in the Attune view.', curtain.client(client));
    status.accessibilityInformation = {
      label: n > 0 ? vscode.l10n.t('{0} to revisit with this client. Show them in the Attune view.', n) : vscode.l10n.t('Show this client in the Attune view.'),
    };
    status.command = { command: 'attune.showClientInTree', title: vscode.l10n.t('Show in Attune view'), arguments: [client] };
    status.show();
  };

  const revealAtCursor = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!treeView.visible || !editor) return;
    const entry = entryContaining(workspace.index.get(editor.document.uri.toString())?.entries ?? [], editor.selection.active.line);
    const node = entry && tree.nodeFor(entry.path, entry.line);
    // "Waiting at their pace" stays folded until the therapist opens it: a held rupture is
    // raised only if the client brings it up.
    if (node && node.parent?.by !== 'held') await treeView.reveal(node, { select: true, focus: false });
  };

  command('attune.openEntry', async (arg?: unknown, line?: unknown) => {
    const ref = typeof arg === 'string' && typeof line === 'number' ? { path: arg, line } : refFrom(arg);
    if (ref) await openEntry(curtain, ref.path, ref.line);
  });

  command('attune.refresh', () => workspace.rescan());

  command('attune.changeGrouping', async () => {
    const options: { label: string; groupBy: GroupBy }[] = [
      { label: vscode.l10n.t('By client'), groupBy: 'client' },
      { label: vscode.l10n.t('By status'), groupBy: 'status' },
      { label: vscode.l10n.t('One list'), groupBy: 'flat' },
    ];
    const picked = await vscode.window.showQuickPick(
      options.map((o) => ({ ...o, description: o.groupBy === tree.grouping ? '(current)' : '' })),
      { title: vscode.l10n.t('Group the ruptures to revisit') },
    );
    if (picked) {
      await tree.setGrouping(picked.groupBy);
      await update();
    }
  });

  command('attune.showClientInTree', async (client?: unknown) => {
    await vscode.commands.executeCommand('attune.unrepaired.focus');
    if (typeof client !== 'string') return;
    if (tree.grouping !== 'client') {
      await tree.setGrouping('client');
      await update();
    }
    const group = tree.clientGroup(client);
    // A reveal racing a redraw fails with an error naming the client: keep it out of the logs.
    if (group) await treeView.reveal(group, { select: true, focus: true, expand: true }).then(undefined, () => undefined);
  });

  let revealTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    // The tree is built again only when a rupture entry changed; a note's client may still move the status bar.
    workspace.onDidChange((change) => (change.entries ? void update() : updateStatusBar())),
    curtain.onDidChange(() => void update()),
    vscode.window.onDidChangeActiveTextEditor(updateStatusBar),
    vscode.window.onDidChangeTextEditorSelection(() => {
      if (revealTimer) clearTimeout(revealTimer);
      // A node gone stale before the reveal is no problem; its error (which names the note) stays out of the logs.
      revealTimer = setTimeout(() => void revealAtCursor().catch(() => undefined), 200);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('attune.heartAtBottomOfWindow')) updateStatusBar();
      if (e.affectsConfiguration('attune.numberOnAttuneIcon') || e.affectsConfiguration('attune.showCounts')) void update();
    }),
    { dispose: () => revealTimer && clearTimeout(revealTimer) },
  );
  void vscode.commands.executeCommand('setContext', 'attune.empty', true);
  return { tree, view: treeView, update };
}
