import * as vscode from 'vscode';

/**
 * "Keep VS Code's Copies Out": VS Code keeps copies of files outside the workspace on its
 * own account. Local History (a copy at every save) can be turned off for this workspace
 * alone, so it is; hot exit (unsaved changes kept across a restart) is a setting for all
 * of VS Code, so the user is asked first.
 */
export async function keepCopiesOut(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t("Open the folder with your notes first, then choose this again: it changes that workspace's settings."),
    );
    return false;
  }
  await vscode.workspace.getConfiguration('workbench.localHistory').update('enabled', false, vscode.ConfigurationTarget.Workspace);
  const done = vscode.l10n.t('Local History is now off for this workspace: VS Code no longer keeps a copy of a note each time you save it.');
  if (vscode.workspace.getConfiguration('files').get<string>('hotExit') === 'off') {
    void vscode.window.showInformationMessage(`${done} ${vscode.l10n.t('Hot exit is already off.')}`);
    return true;
  }
  const turnOff = vscode.l10n.t('Turn Hot Exit Off');
  const choice = await vscode.window.showInformationMessage(
    `${done} ${vscode.l10n.t("Hot exit keeps unsaved changes across a restart, in VS Code's own folder, and can only be turned off for every window. Turn it off? VS Code will then ask about unsaved changes when it closes.")}`,
    { modal: true },
    turnOff,
  );
  if (choice === turnOff) await vscode.workspace.getConfiguration('files').update('hotExit', 'off', vscode.ConfigurationTarget.Global);
  return true;
}
