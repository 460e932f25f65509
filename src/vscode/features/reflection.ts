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

// Told again after half a second, then a second, two, four and eight: a busy editor is done
// moving the focus by then, and a note VS Code has asked for is not told at all.
const ASK_AGAIN_FIRST_MS = 500;
const ASK_AGAIN_UNTIL_MS = 8000;

const code = (): typeof import('../reflectionEditor') => require('./reflection.js') as typeof import('../reflectionEditor');

export function register({ context, workspace, log, curtain, templates, analyses, command }: Services): void {
  const guide = new RepairGuide(log, templates);
  let lenses: RuptureLenses | undefined;
  let completions: RuptureCompletions | undefined;
  // The lenses' own changes (settings, the privacy curtain) reach VS Code once they are loaded.
  const lensesChanged = new vscode.EventEmitter<void>();
  // VS Code drops a lens request still waiting to be sent when the note loses the focus, and
  // asks again only once the note is focused or edited: a note opened from the Attune view,
  // then the Explorer clicked, showed no lenses. So until VS Code asks for the note in front,
  // it is told again, less and less often.
  let waiting: string | undefined;
  let again: ReturnType<typeof setTimeout> | undefined;
  const askUntilAsked = (key: string, delay: number): void => {
    clearTimeout(again);
    again = setTimeout(() => {
      if (waiting !== key || vscode.window.activeTextEditor?.document.uri.toString() !== key) return;
      lensesChanged.fire();
      if (delay < ASK_AGAIN_UNTIL_MS) askUntilAsked(key, delay * 2);
    }, delay);
  };
  const untilAsked = (editor: vscode.TextEditor | undefined): void => {
    if (!editor || !workspace.isNote(editor.document.uri)) return;
    waiting = editor.document.uri.toString();
    askUntilAsked(waiting, ASK_AGAIN_FIRST_MS);
  };
  const lensProvider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: lensesChanged.event,
    provideCodeLenses: (document) => {
      if (document.uri.toString() === waiting) waiting = undefined;
      if (!lenses) {
        lenses = new (code().RuptureLenses)(workspace, analyses, curtain);
        context.subscriptions.push(
          lenses,
          lenses.onDidChangeCodeLenses(() => lensesChanged.fire()),
        );
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
    vscode.window.onDidChangeActiveTextEditor(untilAsked),
    { dispose: () => clearTimeout(again) },
    vscode.languages.registerCodeLensProvider(MARKDOWN, lensProvider),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, completionProvider, '/', '#'),
  );
  // A note already in front when Attune starts (a window reloaded) is waited for too.
  untilAsked(vscode.window.activeTextEditor);

  command('attune.insertReflection', (uriArg?: unknown, lineArg?: unknown) => code().insertReflectionCommand(workspace, log, curtain, uriArg, lineArg));
  command('attune.insertInSessionRepair', (uriArg?: unknown, lineArg?: unknown) => code().insertInSessionRepairCommand(workspace, uriArg, lineArg));
  command('attune.showRepairGuide', () => guide.show());
  command('attune.insertTemplate', () => code().insertTemplateCommand(workspace, log, templates));
}
