/** The walkthrough (opened once, on the first start) and Attune: Help. */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { offerWalkthroughOnce, openWalkthrough, trackWalkthroughSteps } from '../walkthrough';

export function register({ context, command }: Services): void {
  command('attune.openWalkthrough', openWalkthrough);
  // The guide is the README a clinician reads, shipped with the extension, rendered.
  command('attune.help', () => vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'README.md')));
  context.subscriptions.push(trackWalkthroughSteps(context));
  offerWalkthroughOnce(context);
}
