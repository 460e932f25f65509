import * as vscode from 'vscode';
import { sessionNoteFileName } from '../core/notes/sessionNoteName';
import { clientCodeProblem } from '../core/notes/clientCode';
import { templateCode } from './reflectionTemplates';
import { today } from './actions';
import { readConfig } from './config';
import type { Log } from './log';
import type { LiveNotes } from './liveNotes';
import type { PrivacyCurtain } from './privacyCurtain';
import { reasonText } from './reasonText';
import { isInsideWorkspace } from './workspaceBounds';
import { literalIcons } from '../core/markdown/printable';

/** Where today's note for a client goes, by the file-name setting. */
function sessionNoteUri(folder: vscode.Uri, date: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, sessionNoteFileName(readConfig(folder).sessionNoteFileName, date));
}

/** A client code is used as a folder name and appears in generated text: keep it short and plain. */
export function validateClientCode(value: string): vscode.InputBoxValidationMessage | undefined {
  const v = value.trim();
  const problem = clientCodeProblem(v);
  if (problem) return { message: reasonText(problem), severity: vscode.InputBoxValidationSeverity.Error };
  if (/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+$/u.test(v)) {
    return {
      message: vscode.l10n.t(
        'This looks like a full name. Attune suggests a code that is not drawn from who the client is (such as "C017"), since notes can leave your hands.',
      ),
      severity: vscode.InputBoxValidationSeverity.Warning,
    };
  }
  return undefined;
}

interface ClientPick extends vscode.QuickPickItem {
  readonly client?: string;
}

/** Asks which client: known clients, most recent session first, or a new code. */
export async function pickClient(workspace: LiveNotes, curtain: PrivacyCurtain, title: string): Promise<string | undefined> {
  await workspace.ready();
  // No per-client numbers unless the clinician asked for counts.
  const counts = readConfig().showCounts;
  const items: ClientPick[] = workspace.index.clients().map((c) => ({
    // A code is shown as typed: `$(alert)` would otherwise render as an icon in the picker.
    label: literalIcons(curtain.client(c.client)),
    description: counts && c.unrepaired > 0 ? vscode.l10n.t('{0} to revisit', c.unrepaired) : '',
    detail: c.lastDate ? vscode.l10n.t('Last note {0}', c.lastDate) : vscode.l10n.t('No dated notes'),
    client: c.client,
  }));
  items.push({ label: `$(add) ${vscode.l10n.t('New client…')}`, alwaysShow: true });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Client code'), matchOnDetail: false });
  if (!picked) return undefined;
  if (picked.client) return picked.client;
  let value = '';
  for (;;) {
    const code = (
      await vscode.window.showInputBox({
        title,
        value,
        prompt: vscode.l10n.t('A client code not drawn from their name or details (initials come from a name)'),
        placeHolder: vscode.l10n.t('e.g. C017'),
        validateInput: validateClientCode,
      })
    )?.trim();
    if (!code) return undefined;
    // A name becomes a folder and stays in every note: keeping one takes a second, deliberate choice.
    if (validateClientCode(code)?.severity !== vscode.InputBoxValidationSeverity.Warning) return code;
    const keep = vscode.l10n.t('Keep It as Typed');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('This looks like a full name. It would name a folder and appear in every note for this client. Use a code instead?'),
      { modal: true },
      vscode.l10n.t('Use a Code Instead'),
      keep,
    );
    if (choice === keep) return code;
    if (!choice) return undefined;
    value = '';
  }
}

/**
 * The folder a client's notes live in: where their latest note is, else a folder named by
 * the code, when the code is one safe folder name (else the user is told, and undefined).
 */
export function clientFolder(workspace: LiveNotes, client: string): vscode.Uri | undefined {
  const latest = workspace.index.notesOf(client)[0];
  if (latest) return vscode.Uri.joinPath(vscode.Uri.parse(latest.path), '..');
  const root = vscode.workspace.workspaceFolders?.[0];
  if (!root) return undefined;
  const problem = clientCodeProblem(client);
  if (problem) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Attune cannot make a folder for that client code. {0} Nothing was created.', reasonText(problem)));
    return undefined;
  }
  return vscode.Uri.joinPath(root.uri, client);
}

/** A new note's place, or undefined (after telling the user) when it would fall outside every workspace folder. */
export function confinedNoteUri(folder: vscode.Uri, date: string): vscode.Uri | undefined {
  const uri = sessionNoteUri(folder, date);
  if (isInsideWorkspace(uri)) return uri;
  void vscode.window.showWarningMessage(
    vscode.l10n.t('Attune creates notes only inside your workspace folder, and this one would fall outside it. Nothing was created.'),
  );
  return undefined;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Says, once, that a command needs a folder of notes, and offers to open one. */
export async function needFolder(): Promise<boolean> {
  if (vscode.workspace.workspaceFolders?.length) return true;
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Attune works in the folder that holds your notes. Open it first.'),
    vscode.l10n.t('Open Folder…'),
  );
  if (choice) await vscode.commands.executeCommand('vscode.openFolder');
  return false;
}

/**
 * Opens today's note for a client, creating it from the session-note template when it
 * does not exist yet: as a snippet to fill in (`snippet`), or already filled with its
 * defaults (`filled`, when something else is inserted next). An existing note is opened
 * as it is, never overwritten. Returns the editor and whether the note was created.
 */
export async function openSessionNote(
  workspace: LiveNotes,
  log: Log,
  curtain: PrivacyCurtain,
  client: string,
  mode: 'snippet' | 'filled',
): Promise<{ editor: vscode.TextEditor; created: boolean } | undefined> {
  if (!(await curtain.allowsOpening())) return undefined;
  const folder = clientFolder(workspace, client);
  if (!folder) return undefined;
  const date = today();
  const uri = confinedNoteUri(folder, date);
  if (!uri) return undefined;
  if (await exists(uri)) {
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    return { editor, created: false };
  }
  const templates = workspace.templates.for(vscode.workspace.getWorkspaceFolder(uri));
  const template = templateCode().findTemplate(templates, 'session-note');
  // Nothing is written until the therapist saves: the new note is an unsaved editor that
  // saves to its place, and closing it without saving leaves no folder and no file behind.
  const document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // The same new note, still unsaved from before, is shown as it is.
  if (document.getText() !== '') return { editor, created: false };
  if (mode === 'filled' && template) {
    const contents = templateCode().renderMarkdown(template, { client, date }, date) + '\n';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), contents));
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
  }
  if (mode === 'snippet' && template) {
    await editor.insertSnippet(new vscode.SnippetString(templateCode().renderSnippet(template, { client, date }, date)), new vscode.Position(0, 0));
  }
  log.info('Created a session note.');
  return { editor, created: true };
}
