import * as vscode from 'vscode';

/** The walkthrough's full id: publisher.name#id, as contributed in package.json. */
const WALKTHROUGH = 'attune.attune#firstRun';
const SHOWN_KEY = 'attune.walkthroughShown';

/** Opens the "Get started with Attune" walkthrough in the editor area. */
export async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
  // Now that the walkthrough is surely there, tell it again that a folder is open.
  await setNotesFolderOpen(false);
  await setNotesFolderOpen();
}

function setNotesFolderOpen(open = (vscode.workspace.workspaceFolders?.length ?? 0) > 0): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'attune.notesFolderOpen', open);
}

/**
 * On the first activation after a user installs Attune, opens the walkthrough once. Not in
 * development or test runs: those start with fresh state every time.
 */
export function offerWalkthroughOnce(context: vscode.ExtensionContext): void {
  if (context.extensionMode !== vscode.ExtensionMode.Production || context.globalState.get<boolean>(SHOWN_KEY)) return;
  void context.globalState.update(SHOWN_KEY, true).then(openWalkthrough);
}

/**
 * Ticks the walkthrough's "Open the folder with your notes" step. VS Code ticks a step only
 * when its context key changes after the walkthrough is registered, so the folder being open
 * from the start needs a key of Attune's own, set at activation and again when the
 * walkthrough opens.
 */
export function trackNotesFolder(): vscode.Disposable {
  void setNotesFolderOpen();
  return vscode.workspace.onDidChangeWorkspaceFolders(() => void setNotesFolderOpen());
}
