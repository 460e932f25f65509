/** What Attune would like the clinician to notice in a note (a tag it cannot read, a misplaced field), with quick fixes. */
import * as vscode from 'vscode';
import { NoteDiagnostics } from '../noteWarnings';
import type { Services } from '../services';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

export function register({ context, workspace }: Services): NoteDiagnostics {
  const diagnostics = new NoteDiagnostics(workspace);
  context.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, diagnostics, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
  return diagnostics;
}
