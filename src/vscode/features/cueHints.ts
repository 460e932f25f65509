/**
 * Cue hints: quiet marks under words that may point to a rupture, safety first. Their code
 * and phrase tables are their own bundle (dist/cues.js), loaded with the first markdown
 * document, never during activation; until then nothing is hinted, so nothing is lost.
 */
import * as vscode from 'vscode';
import type { CueHints } from '../cueHints';
import type { Services } from '../services';

/** The cue hints as the rest of Attune and the tests see them, before and after their code loads. */
export interface Cues {
  /** The hints shown on a document now (none before the code loads). */
  hintsFor(uri: vscode.Uri): readonly vscode.Diagnostic[];
  /** The ranges underlined in each visible editor of a document, as last set. */
  marksFor(uri: vscode.Uri): readonly vscode.Range[] | undefined;
  /** Reads the hidden hints again from the workspace's storage and recomputes (loading the code if needed). */
  reload(): void;
  /** Resolves with the hints once their code has loaded: when a markdown document is first open. */
  readonly loaded: Promise<CueHints>;
}

export function register({ context, workspace, command }: Services): Cues {
  let hints: CueHints | undefined;
  let announce: (loaded: CueHints) => void = () => undefined;
  const loaded = new Promise<CueHints>((resolve) => (announce = resolve));
  const isMarkdown = (document: vscode.TextDocument): boolean => document.languageId === 'markdown';
  const load = (): CueHints => {
    if (!hints) {
      hints = new (require('./cues.js') as typeof import('../cueHints')).CueHints(workspace, context.workspaceState);
      context.subscriptions.push(hints);
      opening.dispose();
      announce(hints);
    }
    return hints;
  };
  const opening = vscode.workspace.onDidOpenTextDocument((document) => {
    if (isMarkdown(document)) load();
  });
  let started: NodeJS.Immediate | undefined;
  context.subscriptions.push(opening, { dispose: () => started && clearImmediate(started) });
  // The quick fixes' commands ("Turn off cue hints" is in the palette too), guarded as every
  // command is, so a failure is logged by its kind only.
  command('attune.reflectOnCue', (uri: unknown, line: unknown) => load().reflect(uri, line));
  command('attune.hideCue', (uri: unknown, line: unknown, cue: unknown) => load().hide(uri, line, cue));
  command('attune.turnOffCueHints', (uri: unknown) => load().turnOff(uri));
  // A markdown document open already (what usually activates Attune): the code loads just after activation.
  if (vscode.workspace.textDocuments.some(isMarkdown)) started = setImmediate(load);
  return {
    hintsFor: (uri) => hints?.hintsFor(uri) ?? [],
    marksFor: (uri) => hints?.marksFor(uri),
    reload: () => (hints ? hints.reload() : load()),
    loaded,
  };
}
