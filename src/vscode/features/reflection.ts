/**
 * Writing a reflection: the insert lens, `#` completions, the commands that insert templates,
 * and the repair guide. The lenses, completions and insert commands are their own bundle
 * (dist/reflection.js, src/vscode/reflectionEditor.ts), loaded when VS Code first asks for a
 * lens or a completion in a markdown note, or one of the commands runs.
 */
import * as vscode from 'vscode';
import { RepairGuide } from '../repairGuide';
import type { RuptureCompletions, RuptureLenses } from '../reflectionEditor';
import type { Services } from '../services';

const MARKDOWN: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
];

const code = (): typeof import('../reflectionEditor') => require('./reflection.js') as typeof import('../reflectionEditor');

export function register({ context, workspace, log, curtain, templates, analyses, command }: Services): void {
  const guide = new RepairGuide(log, templates);
  let lenses: RuptureLenses | undefined;
  let completions: RuptureCompletions | undefined;
  // The lenses' own changes (settings, the privacy curtain) reach VS Code once they are loaded.
  const lensesChanged = new vscode.EventEmitter<void>();
  const lensProvider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    provideCodeLenses: (document) => {
      if (!lenses) {
        lenses = new (code().RuptureLenses)(workspace, analyses, curtain);
        context.subscriptions.push(
          lenses,
          lenses.onDidChangeCodeLenses(() => lensesChanged.fire()),
        );
        // VS Code may drop the answer to a request made while a note is opening (browser flows
        // showed a note with no lenses at all, once after it came to the front): asked once more.
        queueMicrotask(() => lensesChanged.fire());
      }
      return lenses.provideCodeLenses(document);
    },
  };
  const completionProvider: vscode.CompletionItemProvider = {
    provideCompletionItems: (document, position) => (completions ??= new (code().RuptureCompletions)(workspace)).provideCompletionItems(document, position),
  };
  context.subscriptions.push(
    guide,
    lensesChanged,
    // Asked again whenever a note comes to the front, from the start: the first note opened is
    // the one whose request loads the lenses, and it is already in front by then.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && workspace.isNote(editor.document.uri)) lensesChanged.fire();
    }),
    vscode.languages.registerCodeLensProvider(MARKDOWN, lensProvider),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, completionProvider, '/', '#'),
  );

  command('attune.insertReflection', (uriArg?: unknown, lineArg?: unknown) => code().insertReflectionCommand(workspace, log, curtain, uriArg, lineArg));
  command('attune.insertInSessionRepair', (uriArg?: unknown, lineArg?: unknown) => code().insertInSessionRepairCommand(workspace, uriArg, lineArg));
  command('attune.showRepairGuide', () => guide.show());
  command('attune.insertTemplate', () => code().insertTemplateCommand(workspace, log, templates));
}
