import * as vscode from 'vscode';
import type { Log } from './log';
import type { NoteAnalyses } from './noteAnalyses';
import type { PrivacyCurtain } from './privacyCurtain';
import type { TemplateStore } from './templateStore';
import { describeError, type LiveNotes } from './liveNotes';

/** What every feature is given when it registers: built once, in `activate`. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly workspace: LiveNotes;
  readonly log: Log;
  readonly curtain: PrivacyCurtain;
  readonly templates: TemplateStore;
  /** One analysis per open document version (outline, anchors, checklist section). */
  readonly analyses: NoteAnalyses;
  /** Registers a command whose failure is logged by its kind only. */
  command(id: string, handler: (...args: unknown[]) => unknown): void;
}

/**
 * The services of one activation. A failed command's message would reach VS Code's log
 * file on disk, and messages of file errors hold paths: Attune logs only the kind of
 * problem, and says so briefly.
 */
export function services(context: vscode.ExtensionContext, workspace: LiveNotes, log: Log, curtain: PrivacyCurtain, analyses: NoteAnalyses): Services {
  const command = (id: string, handler: (...args: unknown[]) => unknown): void => {
    const guarded = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await handler(...args);
      } catch (err) {
        log.error(`A command stopped: ${describeError(err)}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Attune could not finish that. The Attune output names the kind of problem.'));
        return false;
      }
    };
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded));
  };
  return { context, workspace, log, curtain, templates: workspace.templates, analyses, command };
}
