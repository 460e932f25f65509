import * as vscode from 'vscode';
import { templateCode } from './reflectionTemplates';
import { today } from './actions';
import type { Log } from './log';
import type { TemplateStore } from './templateStore';

/** A scheme of our own: documents under it are read-only and never saved anywhere. */
const GUIDE_SCHEME = 'attune-guide';
const GUIDE_URI = vscode.Uri.from({ scheme: GUIDE_SCHEME, path: '/Repair conversation guide.md' });

/**
 * "Show Repair Conversation Guide": the `repair-conversation` template (a workspace's own
 * version when there is one) shown rendered beside the note, from a read-only virtual document. It
 * is never written into the note; Insert Template does that when asked.
 */
export class RepairGuide implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private text = '';
  private readonly registration: vscode.Disposable;

  constructor(
    private readonly log: Log,
    private readonly templates: TemplateStore,
  ) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(GUIDE_SCHEME, this);
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  async show(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    const folder = editor ? vscode.workspace.getWorkspaceFolder(editor.document.uri) : undefined;
    const template = templateCode().findTemplate(this.templates.for(folder), 'repair-conversation');
    if (!template) return false;
    this.text = `${templateCode().renderMarkdown(template, { level: 1 }, today()).trimEnd()}\n`;
    this.changed.fire(GUIDE_URI);
    // Rendered, as a person reads it (no asterisks, no line numbers): VS Code's own markdown
    // preview of the read-only document, beside the note.
    await vscode.workspace.openTextDocument(GUIDE_URI);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', GUIDE_URI);
    this.log.info('Showed the repair conversation guide.');
    return true;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
