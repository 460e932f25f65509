import * as vscode from 'vscode';

/** The walkthrough's full id: publisher.name#id, as contributed in package.json. */
const WALKTHROUGH = 'attune.attune#firstRun';
const SHOWN_KEY = 'attune.walkthroughShown';
/** Run after a reflection comes in from a completion, so the walkthrough hears of it. */
export const REFLECTION_INSERTED = 'attune.reflectionInserted';

/** Opens the "Get started with Attune" walkthrough in the editor area. */
export async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
  // Now that the walkthrough is there, it can hear that a folder is open (see trackNotesFolder).
  await setNotesFolderOpen();
}

function setNotesFolderOpen(): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', 'attune.notesFolderOpen', (vscode.workspace.workspaceFolders?.length ?? 0) > 0);
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
 * Ticks the walkthrough's "Open the folder with your notes" step. VS Code ticks a step on a
 * context key only when the key changes after the walkthrough is registered, which happens
 * when it is first shown; a change heard before is used up. So Attune sets its key when it
 * opens the walkthrough and when folders change, never at activation.
 */
export function trackNotesFolder(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeWorkspaceFolders(() => void setNotesFolderOpen()),
    // Does nothing itself: the walkthrough's "Insert your first reflection" listens for it.
    vscode.commands.registerCommand(REFLECTION_INSERTED, () => undefined),
  );
}
