/**
 * The composition root: builds the services every feature shares, then lets each feature
 * register its commands, views and providers. Nothing else happens here.
 */
import * as vscode from 'vscode';
import { moveRenamedSettings } from './config';
import * as cueHints from './features/cueHints';
import * as feedback from './features/feedback';
import * as gettingStarted from './features/gettingStarted';
import * as noteWarnings from './features/noteWarnings';
import * as patterns from './features/patterns';
import * as privacy from './features/privacy';
import * as reflection from './features/reflection';
import * as ruptureSteps from './features/ruptureSteps';
import * as ruptureView from './features/ruptureView';
import * as sessions from './features/sessions';
import * as supervision from './features/supervision';
import { Log } from './log';
import { NoteAnalyses } from './noteAnalyses';
import type { NoteDiagnostics } from './noteWarnings';
import { PrivacyCurtain } from './privacyCurtain';
import { services } from './services';
import type { Supervision } from './supervision';
import type { Node, RuptureTree } from './tree';
import { LiveNotes } from './liveNotes';

/** What activation returns: read-only handles for tests and for other extensions. */
export interface AttuneApi {
  readonly workspace: LiveNotes;
  readonly tree: RuptureTree;
  readonly view: vscode.TreeView<Node>;
  readonly log: Log;
  readonly cues: cueHints.Cues;
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

export function activate(context: vscode.ExtensionContext): AttuneApi {
  const started = performance.now();
  const log = new Log();
  // One curtain per activation, asked by every surface; privacy.register restores its state.
  const curtain = new PrivacyCurtain();
  const workspace = new LiveNotes(log, curtain);
  const analyses = new NoteAnalyses(workspace);
  context.subscriptions.push(log, workspace, analyses);
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
  const shared = services(context, workspace, log, curtain, analyses);

  const view = ruptureView.register(shared);
  privacy.register(shared);
  reflection.register(shared);
  ruptureSteps.register(shared);
  sessions.register(shared);
  feedback.register(shared);
  const diagnostics = noteWarnings.register(shared);
  const cues = cueHints.register(shared);
  patterns.register(shared);
  const supervisionCode = supervision.register(shared);

  // Until the first read of the notes is done and drawn, the view says it is reading them.
  void workspace
    .rescan()
    .finally(() => view.update())
    .finally(() => vscode.commands.executeCommand('setContext', 'attune.ready', true));
  gettingStarted.register(shared);
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  return {
    workspace,
    tree: view.tree,
    view: view.view,
    log,
    cues,
    diagnostics,
    activationMs,
    logUri: context.logUri,
    curtain,
    // The export's code loads when a test first asks for it, as at the first export command.
    get supervision() {
      return supervisionCode();
    },
    analyses,
    moveRenamedSettings,
    settingsMoved,
  };
}

export function deactivate(): void {
  // Everything is disposed through the extension context.
}
