import * as vscode from 'vscode';

/** The walkthrough's full id: publisher.name#id, as contributed in package.json. */
const WALKTHROUGH = 'attune.attune#firstRun';
const SHOWN_KEY = 'attune.walkthroughShown';
/** Run after a reflection comes in from a completion, so the walkthrough hears of it. */
export const REFLECTION_INSERTED = 'attune.reflectionInserted';
/** Run with a step's name (see markDone). */
const STEP_DONE = 'attune.walkthroughStepDone';

/**
 * The context keys that tick the walkthrough's steps (its `onContext:` completion events).
 * Each is set once the thing is done, whichever way it was done (lens, command, completion,
 * template). An `onCommand:` event fires as the command starts: the step ticked while the
 * command's quick pick was still open, and stayed ticked when the clinician closed it.
 */
const NOTES_FOLDER_OPEN = 'attune.notesFolderOpen';
const DONE = {
  reflection: 'attune.hasInsertedReflection',
  preparedSession: 'attune.hasPreparedSession',
} as const;
type Done = keyof typeof DONE;
/** Where Attune remembers what was done, so a walkthrough opened in a later window ticks it too. */
const DONE_STATE = 'attune.walkthroughDone';

let memory: vscode.Memento | undefined;

function done(): Done[] {
  return memory?.get<Done[]>(DONE_STATE) ?? [];
}

function setContext(key: string, value: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}

/**
 * Ticks a walkthrough step: a reflection is in a note, or a note is prepared for a session.
 * Through a command registered at activation, because the features loaded later are bundles
 * of their own, each with its own copy of this module: only activation's knows the memory.
 */
export function markDone(what: Done): void {
  void vscode.commands.executeCommand(STEP_DONE, what);
}

function remember(what: Done): void {
  void setContext(DONE[what], true);
  if (!done().includes(what)) void memory?.update(DONE_STATE, [...done(), what]);
}

/**
 * Opens the "Get started with Attune" walkthrough in the editor area. VS Code ticks a step on
 * a context key only when the key changes to true after the walkthrough is registered (which
 * may be when it is first shown); a key already true then is used up. So the keys go false
 * first, and true again once the walkthrough is there, for whatever is already done.
 */
export async function openWalkthrough(): Promise<void> {
  const keys = [NOTES_FOLDER_OPEN, ...Object.values(DONE)];
  await Promise.all(keys.map((key) => setContext(key, false)));
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
  await setNotesFolderOpen();
  await Promise.all(done().map((what) => setContext(DONE[what], true)));
}

function setNotesFolderOpen(): Thenable<unknown> {
  return setContext(NOTES_FOLDER_OPEN, (vscode.workspace.workspaceFolders?.length ?? 0) > 0);
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
 * Keeps the walkthrough's keys current: the notes folder when folders change, a reflection
 * inserted by a completion. No key is set at activation (see openWalkthrough).
 */
export function trackWalkthroughSteps(context: vscode.ExtensionContext): vscode.Disposable {
  memory = context.globalState;
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeWorkspaceFolders(() => void setNotesFolderOpen()),
    // A completion's snippet is in the note by the time VS Code runs its command.
    vscode.commands.registerCommand(REFLECTION_INSERTED, () => remember('reflection')),
    vscode.commands.registerCommand(STEP_DONE, (what: unknown) => {
      if (what === 'reflection' || what === 'preparedSession') remember(what);
    }),
  );
}
