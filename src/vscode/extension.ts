import * as vscode from 'vscode';
import { entryContaining } from '../core/edits';
import { isStatus, LIFECYCLE, STATUS_LABELS, type Status } from '../core/status';
import { changeStatus, insertReflection, askWhatMended, insertBlock, loadTemplates, openEntry, refOf, today, type EntryRef } from './actions';
import { moveRenamedSettings, readConfig, type GroupBy } from './config';
import { prepareForSession, toggleTask } from './checklist';
import { registerFeedback } from './feedback';
import { RuptureCompletions } from './completions';
import { CueHints } from './cueHints';
import { RuptureLenses } from './lenses';
import { NoteAnalyses } from './noteAnalyses';
import { Log } from './log';
import { needFolder, openSessionNote, pickClient } from './sessionNote';
import { curtain, type PrivacyCurtain } from './privacyCurtain';
import { RuptureTree, type Node } from './tree';
import { renderSnippet } from '../core/templates';
import { levelForInsertion, outline } from '../core/outline';
import { describeError, WorkspaceIndex } from './workspaceIndex';
import { RepairGuide } from './repairGuide';
import { NoteDiagnostics } from './noteWarnings';
import { keepCopiesOut } from './vscodeCopies';
import { Supervision } from './supervision';
import { offerWalkthroughOnce, openWalkthrough, trackWalkthroughSteps } from './walkthrough';

/** What activation returns: read-only handles for tests and for other extensions. */
export interface AttuneApi {
  readonly workspace: WorkspaceIndex;
  readonly tree: RuptureTree;
  readonly view: vscode.TreeView<Node>;
  readonly log: Log;
  readonly cues: CueHints;
  readonly diagnostics: NoteDiagnostics;
  /** How long `activate` itself took, in milliseconds (the scan runs after it). */
  readonly activationMs: number;
  /** Where VS Code keeps this extension's log files (the trust tests search them). */
  readonly logUri: vscode.Uri;
  readonly curtain: PrivacyCurtain;
  readonly supervision: Supervision;
  /** One analysis per open document version (outline, anchors, checklist section). */
  readonly analyses: NoteAnalyses;
  /** Moves the values of renamed settings to their new keys (done once at activation); resolves with how many moved. */
  readonly moveRenamedSettings: () => Promise<number>;
  /** The move made at activation. */
  readonly settingsMoved: Promise<number>;
}

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' }];

/** Anything a command may be called with: a tree node, a lens's reference, or nothing (the cursor). */
function refFrom(arg: unknown): EntryRef | undefined {
  if (arg && typeof arg === 'object') {
    const node = arg as Partial<Node>;
    if (node.kind === 'entry' && 'entry' in node && node.entry) return refOf(node.entry);
    const ref = arg as Partial<EntryRef>;
    if (typeof ref.path === 'string' && typeof ref.line === 'number') return { path: ref.path, line: ref.line, ...(typeof ref.title === 'string' ? { title: ref.title } : {}) };
  }
  return undefined;
}

export function activate(context: vscode.ExtensionContext): AttuneApi {
  const started = performance.now();
  const log = new Log();
  const workspace = new WorkspaceIndex(log);
  const tree = new RuptureTree(workspace, context.workspaceState);
  const treeView = vscode.window.createTreeView('attune.unrepaired', { treeDataProvider: tree });
  const analyses = new NoteAnalyses(workspace);
  const lenses = new RuptureLenses(workspace, analyses);
  const diagnostics = new NoteDiagnostics(workspace);
  const status = vscode.window.createStatusBarItem('attune.clientStatus', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Attune: unrepaired ruptures for this client';
  context.subscriptions.push(log, workspace, tree, treeView, analyses, lenses, status);
  curtain.activate(context);
  // Settings were renamed to plain words (issue 26): a user's old values move to the new keys once.
  const settingsMoved = moveRenamedSettings().then(
    (n) => {
      if (n > 0) log.info(`Moved ${n} setting value${n === 1 ? '' : 's'} to the settings' new names.`);
      return n;
    },
    () => {
      log.warn('Some settings could not be moved to their new names; their old names are still read.');
      return 0;
    },
  );
  // Stand-ins count down the list: Client 1 is the first client the view shows.
  curtain.orderBy(() => tree.clientsInOrder());
  const cues = new CueHints(workspace, log, context.workspaceState);
  context.subscriptions.push(cues);

  /** The rupture under the cursor, found in the editor's current text. */
  const entryAtCursor = (): EntryRef | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !workspace.isNote(editor.document.uri)) return undefined;
    const entry = entryContaining(workspace.noteOf(editor.document).entries, editor.selection.active.line);
    return entry && refOf(entry);
  };

  const targetOf = (arg: unknown): EntryRef | undefined => {
    const ref = refFrom(arg) ?? entryAtCursor();
    if (!ref) void vscode.window.showInformationMessage('Put the cursor in a rupture section (under a heading tagged #rupture), or pick one in the Attune view.');
    return ref;
  };

  const updateView = (): void => {
    tree.refresh();
    const n = tree.count;
    // No badge unless the clinician turned it on: a number waiting on the activity bar reads as a score.
    treeView.badge = n > 0 && readConfig().badge ? { value: n, tooltip: `${n} to revisit` } : undefined;
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
    status.text = n > 0 ? `$(heart) ${n} to revisit` : '$(heart)';
    status.tooltip = n > 0 ? `Attune: ${n} to revisit with ${curtain.client(client)}. Click to show them.` : `Attune: show ${curtain.client(client)} in the Attune view.`;
    status.accessibilityInformation = { label: n > 0 ? `${n} to revisit with this client. Show them in the Attune view.` : 'Show this client in the Attune view.' };
    status.command = { command: 'attune.showClientInTree', title: 'Show in Attune view', arguments: [client] };
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

  let revealTimer: NodeJS.Timeout | undefined;
  const command = (id: string, handler: (...args: unknown[]) => unknown): void => {
    // VS Code logs a failed command's message to a file on disk, and messages of file
    // errors hold paths: Attune logs only the kind of problem, and says so briefly.
    const guarded = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await handler(...args);
      } catch (err) {
        log.error(`A command stopped: ${describeError(err)}`);
        void vscode.window.showWarningMessage('Attune could not finish that. The Attune output names the kind of problem.');
        return false;
      }
    };
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded));
  };

  const setTo = (status: Status, templateId?: string) => async (arg?: unknown): Promise<boolean> => {
    const ref = targetOf(arg);
    if (!ref) return false;
    const ok = await changeStatus(ref, status, workspace, log, templateId);
    if (ok) await workspace.refreshNow(vscode.Uri.parse(ref.path));
    return ok;
  };

  command('attune.insertReflection', async (uriArg?: unknown, lineArg?: unknown) => {
    let editor = vscode.window.activeTextEditor;
    if (uriArg instanceof vscode.Uri && (!editor || editor.document.uri.toString() !== uriArg.toString())) {
      editor = await vscode.window.showTextDocument(uriArg);
    }
    if (!editor || editor.document.languageId !== 'markdown') {
      // No note open: start today's note for a client, then reflect in it.
      if (!(await needFolder())) return false;
      const client = await pickClient(workspace, 'Insert a rupture reflection: which client?');
      if (!client) return false;
      const opened = await openSessionNote(workspace, log, client, 'filled');
      if (!opened) return false;
      editor = opened.editor;
      const last = editor.document.lineCount - 1;
      editor.selection = new vscode.Selection(last, editor.document.lineAt(last).text.length, last, editor.document.lineAt(last).text.length);
    }
    return insertReflection(editor, workspace, log, typeof lineArg === 'number' ? lineArg : undefined);
  });

  command('attune.insertInSessionRepair', async (uriArg?: unknown, lineArg?: unknown) => {
    let editor = vscode.window.activeTextEditor;
    if (uriArg instanceof vscode.Uri && (!editor || editor.document.uri.toString() !== uriArg.toString())) {
      editor = await vscode.window.showTextDocument(uriArg);
    }
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Open a markdown note first, then record the repair in it.');
      return false;
    }
    return insertReflection(editor, workspace, log, typeof lineArg === 'number' ? lineArg : undefined, undefined, 'in-session-repair');
  });

  const guide = new RepairGuide(log);
  context.subscriptions.push(guide);
  command('attune.showRepairGuide', () => guide.show());

  command('attune.insertTemplate', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Open a markdown note first, then insert a template into it.');
      return false;
    }
    const templates = loadTemplates(log, vscode.workspace.getWorkspaceFolder(editor.document.uri));
    const picked = await vscode.window.showQuickPick(
      templates.filter((t) => t.kind !== 'note').map((t) => ({ label: t.name, description: t.source === 'built-in' ? '' : t.source, detail: t.description, template: t })),
      { title: 'Insert a template', placeHolder: 'Choose a template', matchOnDetail: true },
    );
    if (!picked) return false;
    const t = picked.template;
    if (t.kind === 'followup') {
      const ref = entryAtCursor();
      if (!ref) {
        void vscode.window.showInformationMessage("This template belongs to a rupture: put the cursor in a rupture's section first.");
        return false;
      }
      return changeStatus(ref, t.sets ?? 'open', workspace, log, t.id).then(async (ok) => {
        await workspace.refreshNow(editor.document.uri);
        return ok;
      });
    }
    if (t.kind === 'rupture') return insertReflection(editor, workspace, log, undefined, undefined, t.id);
    const note = workspace.noteOf(editor.document);
    const line = editor.selection.active.line;
    const level = levelForInsertion(outline(editor.document.getText()), line);
    return insertBlock(editor, line, renderSnippet(t, { client: note.client, date: note.date ?? today(), level }, today()));
  });

  command('attune.setStatus', async (arg?: unknown, statusArg?: unknown) => {
    const ref = targetOf(arg);
    if (!ref) return false;
    const next: Status | undefined = typeof statusArg === 'string' && isStatus(statusArg) ? statusArg : undefined;
    if (!next) {
      // The steps of the one lifecycle table, each run as its own command (with its template).
      const current = workspace.index.get(ref.path)?.entries.find((e) => e.line === ref.line)?.status ?? 'open';
      const picked = await vscode.window.showQuickPick(
        LIFECYCLE[current].map((step) => ({ label: step.title, description: `#rupture/${step.to}`, detail: STATUS_LABELS[step.to], step })),
        { title: `Next step for this rupture (now ${STATUS_LABELS[current]})`, placeHolder: 'Choose a step' },
      );
      return picked ? vscode.commands.executeCommand(picked.step.command, ref) : false;
    }
    const ok = await changeStatus(ref, next, workspace, log);
    if (ok) await workspace.refreshNow(vscode.Uri.parse(ref.path));
    return ok;
  });

  command('attune.planRepair', setTo('planned', 'repair-plan'));
  command('attune.recordAttempt', setTo('attempted', 'repair-attempt'));
  command('attune.markRepaired', async (arg?: unknown) => {
    const ref = targetOf(arg);
    if (!ref) return false;
    // One optional line; Enter on an empty line changes only the tag, Esc changes nothing.
    const mended = await askWhatMended();
    if (mended === 'cancelled') return false;
    const ok = await changeStatus(ref, 'repaired', workspace, log, undefined, mended.line);
    if (ok) await workspace.refreshNow(vscode.Uri.parse(ref.path));
    return ok;
  });
  command('attune.closeWithoutRepair', setTo('closed', 'closing'));
  command('attune.holdAtTheirPace', setTo('held'));
  command('attune.reopen', setTo('open'));

  command('attune.openEntry', async (arg?: unknown, line?: unknown) => {
    const ref = typeof arg === 'string' && typeof line === 'number' ? { path: arg, line } : refFrom(arg);
    if (ref) await openEntry(ref.path, ref.line);
  });

  command('attune.newSessionNote', async () => {
    if (!(await needFolder())) return false;
    const client = await pickClient(workspace, 'New session note: which client?');
    if (!client) return false;
    return (await openSessionNote(workspace, log, client, 'snippet')) !== undefined;
  });

  const jump = (direction: 1 | -1) => (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const entries = workspace.noteOf(editor.document).entries;
    const here = editor.selection.active.line;
    const target = direction === 1 ? entries.find((e) => e.line > here) : [...entries].reverse().find((e) => e.line < here);
    if (!target) {
      // Said where it is seen: a note with none at all gets a message, not a flicker in the status bar.
      if (entries.length === 0) void vscode.window.showInformationMessage('Attune: this note has no rupture entries yet (a heading tagged #rupture).');
      else vscode.window.setStatusBarMessage(direction === 1 ? 'Attune: no rupture below this one' : 'Attune: no rupture above this one', 4000);
      return;
    }
    const at = new vscode.Position(target.line, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  command('attune.nextRupture', jump(1));
  command('attune.previousRupture', jump(-1));

  command('attune.refresh', () => workspace.rescan());
  // The panel's code is its own bundle (dist/patterns.js), loaded when first opened.
  command('attune.showPatterns', () => (require('./patterns.js') as typeof import('./patterns')).PatternsPanel.show(context.extensionUri, workspace, log, curtain));

  command('attune.prepareForSession', (arg?: unknown) => {
    const node = arg as Partial<Node> | undefined;
    const client = typeof arg === 'string' ? arg : node?.kind === 'group' && node.by === 'client' ? node.key : undefined;
    return prepareForSession(workspace, log, client);
  });

  const supervision = new Supervision(workspace, log);
  context.subscriptions.push(supervision);
  command('attune.prepareForSupervision', (arg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const here = editor && workspace.isNote(editor.document.uri) ? entryContaining(workspace.noteOf(editor.document).entries, editor.selection.active.line) : undefined;
    return supervision.prepare(refFrom(arg), here);
  });
  command('attune.copyForSupervision', () => supervision.copy());
  command('attune.keepCopiesOut', () => keepCopiesOut());
  command('attune.keepInDraft', (uri?: unknown, start?: unknown, end?: unknown) => {
    if (uri instanceof vscode.Uri && typeof start === 'number' && typeof end === 'number') supervision.keep(uri, start, end);
  });

  command('attune.toggleTask', () => {
    const editor = vscode.window.activeTextEditor;
    return editor ? toggleTask(editor) : false;
  });

  registerFeedback(context, workspace, log);

  command('attune.changeGrouping', async () => {
    const options: { label: string; groupBy: GroupBy }[] = [
      { label: 'By client', groupBy: 'client' },
      { label: 'By status', groupBy: 'status' },
      { label: 'One list', groupBy: 'flat' },
    ];
    const picked = await vscode.window.showQuickPick(
      options.map((o) => ({ ...o, description: o.groupBy === tree.grouping ? '(current)' : '' })),
      { title: 'Group the ruptures to revisit' },
    );
    if (picked) {
      await tree.setGrouping(picked.groupBy);
      updateView();
    }
  });

  command('attune.openWalkthrough', openWalkthrough);
  // The guide is the README a clinician reads, shipped with the extension, rendered.
  command('attune.help', () => vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'README.md')));

  command('attune.showClientInTree', async (client?: unknown) => {
    await vscode.commands.executeCommand('attune.unrepaired.focus');
    if (typeof client !== 'string') return;
    if (tree.grouping !== 'client') {
      await tree.setGrouping('client');
      updateView();
    }
    const group = tree.clientGroup(client);
    // A reveal racing a redraw fails with an error naming the client: keep it out of the logs.
    if (group) await treeView.reveal(group, { select: true, focus: true, expand: true }).then(undefined, () => undefined);
  });

  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(MARKDOWN, lenses),
    diagnostics,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, diagnostics, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new RuptureCompletions(workspace, log), '/', '#'),
    // The tree is built again only when a rupture entry changed; a note's client may still move the status bar.
    workspace.onDidChange((change) => (change.entries ? updateView() : updateStatusBar())),
    curtain.onDidChange(updateView),
    vscode.window.onDidChangeActiveTextEditor(updateStatusBar),
    vscode.window.onDidChangeTextEditorSelection(() => {
      if (revealTimer) clearTimeout(revealTimer);
      // A node gone stale before the reveal is no problem; its error (which names the note) stays out of the logs.
      revealTimer = setTimeout(() => void revealAtCursor().catch(() => undefined), 200);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('attune.heartAtBottomOfWindow')) updateStatusBar();
      if (e.affectsConfiguration('attune.numberOnAttuneIcon') || e.affectsConfiguration('attune.showCounts')) updateView();
    }),
    { dispose: () => revealTimer && clearTimeout(revealTimer) },
  );

  void vscode.commands.executeCommand('setContext', 'attune.empty', true);
  // Until the first read of the notes is done, the view says it is reading them.
  void workspace.rescan().finally(() => {
    updateView();
    void vscode.commands.executeCommand('setContext', 'attune.ready', true);
  });
  context.subscriptions.push(trackWalkthroughSteps(context));
  offerWalkthroughOnce(context);
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return { workspace, tree, view: treeView, log, cues, diagnostics, activationMs, logUri: context.logUri, curtain, supervision, analyses, moveRenamedSettings, settingsMoved };
}

export function deactivate(): void {
  // Everything is disposed through the extension context.
}
