import * as vscode from 'vscode';
import { formatDate } from '../core/notes/dates';
import { sectionAppendPoint, statusEdit, type TextEdit } from '../core/notes/edits';
import { mendedLine } from '../core/notes/mended';
import type { RuptureEntry } from '../core/notes/note';
import { blockInsertion, lastContentLine } from '../core/markdown/insert';
import { levelForInsertion, outline } from '../core/markdown/outline';
import type { Status } from '../core/notes/status';
import type { TemplateContext } from '../core/reflection/templates';
import { templateCode } from './reflectionTemplates';
import type { PrivacyCurtain } from './privacyCurtain';
import type { Log } from './log';
import { changeNote } from './noteChange';
import { readTemplateLanguage } from './config';
import { markDone } from './walkthrough';
import type { LiveNotes } from './liveNotes';
import { statusLabel } from './words';

export function today(): string {
  return formatDate(new Date());
}

/**
 * Inserts a snippet as its own block: on the cursor's line when it is blank, else after
 * that line. Nothing is replaced, and one undo removes it.
 */
export async function insertBlock(editor: vscode.TextEditor, line: number, snippet: string): Promise<boolean> {
  const at = blockInsertion(editor.document.getText(), line);
  // Snippet text escapes `$`, `}` and `\`; the padding holds only line breaks, which the
  // editor writes with the note's own line ending.
  return editor.insertSnippet(new vscode.SnippetString(at.before + snippet + at.after), new vscode.Position(at.line, at.character));
}

function contextFor(document: vscode.TextDocument, workspace: LiveNotes, level: number, cues?: string): TemplateContext {
  const note = workspace.noteOf(document);
  return { client: note.client, date: note.date ?? today(), level, ...(cues ? { cues } : {}) };
}

/**
 * Inserts a new rupture (the reflection, or an in-session repair) at the cursor, or after
 * the section of `headingLine`, with `cues` (a quoted line) in its "Cues I noticed" field
 * when reflecting from a hint.
 */
export async function insertReflection(
  editor: vscode.TextEditor,
  workspace: LiveNotes,
  headingLine?: number,
  cues?: string,
  templateId = 'rupture-reflection',
): Promise<boolean> {
  const document = editor.document;
  const headings = outline(document.getText());
  let line = editor.selection.active.line;
  let level = levelForInsertion(headings, line);
  if (headingLine !== undefined) {
    const heading = headings.find((h) => h.line === headingLine);
    if (heading) {
      // After the section's last non-blank line: a child of a title, a sibling otherwise.
      line = lastContentLine(document.getText(), heading.line, heading.sectionEnd);
      level = heading.level === 1 ? 2 : heading.level;
    }
  }
  const templates = workspace.templates.for(vscode.workspace.getWorkspaceFolder(document.uri));
  const template = templateCode().findTemplate(templates, templateId);
  if (!template) return false;
  const snippet = templateCode().renderSnippet(template, contextFor(document, workspace, level, cues), today());
  const inserted = await insertBlock(editor, line, snippet);
  if (inserted) markDone('reflection');
  return inserted;
}

/** What the user asked to change, as they saw it (the tree or a lens may be a moment old). */
export interface EntryRef {
  readonly path: string;
  readonly line: number;
  readonly title?: string;
}

export function refOf(entry: RuptureEntry): EntryRef {
  return { path: entry.path, line: entry.line, title: entry.title };
}

/**
 * Opens the note and finds the entry again in its current text (unsaved edits included).
 * Returns undefined, after telling the user, when the heading is no longer there.
 */
export async function locate(ref: EntryRef, workspace: LiveNotes): Promise<{ document: vscode.TextDocument; entry: RuptureEntry } | undefined> {
  const uri = vscode.Uri.parse(ref.path);
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('Attune could not open the note; it may have been moved or deleted. Nothing was changed.'));
    void workspace.refreshNow(uri);
    return undefined;
  }
  const entry = workspace.noteOf(document).entries.find((e) => e.line === ref.line);
  if (!entry || (ref.title !== undefined && entry.title !== ref.title)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The rupture heading is no longer on line {0} of that note: it changed since Attune read it. Nothing was changed; the list is being refreshed.',
        ref.line + 1,
      ),
    );
    void workspace.refreshNow(uri);
    return undefined;
  }
  return { document, entry };
}

/** Opens a note with the cursor on a rupture's heading (under the curtain, once the user agrees). */
export async function openEntry(curtain: PrivacyCurtain, path: string, line: number): Promise<void> {
  if (!(await curtain.allowsOpening())) return;
  const uri = vscode.Uri.parse(path);
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const at = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), preview: false });
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('Attune could not open the note; it may have been moved or deleted.'));
  }
}

/**
 * Sets a rupture's status: only the tag's status word changes. With a template (plan,
 * attempt, closing), the template is added at the end of the rupture's section; with an
 * answer to "what told you it feels mended", that line is. Everything goes in one change
 * (see changeNote: on disk byte for byte, or in the editor when it has unsaved edits), so
 * one Undo takes it all back.
 */
export async function changeStatus(ref: EntryRef, status: Status, workspace: LiveNotes, log: Log, templateId?: string, mended?: string): Promise<boolean> {
  const found = await locate(ref, workspace);
  if (!found) return false;
  const { document } = found;
  const template = templateId ? templateCode().findTemplate(workspace.templates.for(vscode.workspace.getWorkspaceFolder(document.uri)), templateId) : undefined;
  let moved = false;
  let blockLine: number | undefined;
  const outcome = await changeNote(document, (text) => {
    // The note as it is now (on disk, or in the editor): the heading must still be there.
    const entry = workspace.collection
      .noteFor(text, document.uri.toString())
      .entries.find((e) => e.line === ref.line && (ref.title === undefined || e.title === ref.title));
    if (!entry) {
      moved = true;
      return undefined;
    }
    const edits: TextEdit[] = [];
    const tag = statusEdit(entry, status);
    if (tag) edits.push(tag);
    if (template) {
      const at = blockInsertion(text, sectionAppendPoint(text, entry).line);
      // The plan starts from the opening line the therapist already wrote, never a stand-in.
      const context: TemplateContext = { client: entry.client, date: entry.date ?? today(), title: entry.title, level: entry.level, opener: entry.opener };
      edits.push({
        line: at.line,
        character: at.character,
        length: 0,
        newText: at.before + templateCode().renderMarkdown(template, context, today()) + at.after,
      });
      blockLine = at.line + (at.before.match(/\n/g)?.length ?? 0);
    } else if (mended) {
      const line = mendedLine(text, entry, mended, today(), readTemplateLanguage(document.uri));
      if (line) edits.push(line);
    }
    return edits;
  });
  if (moved) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The rupture heading is no longer on line {0} of that note: it changed since Attune read it. Nothing was changed; the list is being refreshed.',
        ref.line + 1,
      ),
    );
    void workspace.refreshNow(document.uri);
    return false;
  }
  if (outcome === 'refused') return false;
  if (templateId) {
    // The template's fields are the therapist's to fill in: show them.
    const at = new vscode.Position(Math.min(blockLine ?? ref.line, document.lineCount - 1), 0);
    const editor = await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(at, at) });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  if (outcome === 'changed') {
    log.info(`Set a rupture's status to ${status}.`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Attune: marked {0}', statusLabel(status)), 3000);
  }
  return true;
}

/**
 * Asks, in one optional line, what told the therapist it feels mended: the line (or
 * undefined when Enter was pressed on an empty line), or 'cancelled' on Esc.
 */
export async function askWhatMended(): Promise<{ line: string | undefined } | 'cancelled'> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Mark repaired'),
    prompt: vscode.l10n.t('What told you it feels mended? Optional: Enter on an empty line marks it repaired without it.'),
    placeHolder: vscode.l10n.t('e.g. they came back to it themselves and laughed'),
    ignoreFocusOut: false,
  });
  return answer === undefined ? 'cancelled' : { line: answer.trim() || undefined };
}
