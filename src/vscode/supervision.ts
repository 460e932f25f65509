/**
 * Prepare for Supervision: a rupture's section, de-identified, in a draft that lives only in
 * memory (see DraftFileSystem): never on disk, in VS Code's backups or its Local History.
 * Replacements are highlighted; what the de-identifier left in place but is unsure of shows
 * as a warning with two quick fixes. A review panel beside the draft (never over it) asks
 * for an answer to each marked spot and a tick for each check, one by one; only then does
 * it offer Copy for Supervision.
 *
 * The placeholders are never mapped back to the real words: the draft holds only the
 * de-identified text, and Attune keeps no other copy.
 */
import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type * as Core from '../core/supervision/deidentify';
import { REASON_DATE, REASON_NUMBER, REASON_PLACE } from '../core/supervision/deidentifyReasons';
import { questionIn, wantsSupervision } from '../core/supervision/deidentifySection';
import type { RuptureEntry } from '../core/notes/note';
import { locate, refOf, type EntryRef } from './actions';
import { DRAFT_SCHEME, DraftFileSystem } from './draftFileSystem';
import type { Log } from './log';
import type { PrivacyCurtain } from './privacyCurtain';
import type { LiveNotes } from './liveNotes';
import { reasonText } from './reasonText';
import { statusWord } from './words';
import { literalIcons } from '../core/markdown/printable';
import { canCopy, readReviewMessage, REVIEW_ITEMS, reviewHtml, type ReviewState, type ReviewWords } from './supervisionReview';

/**
 * The de-identifier and its libraries are large: they load in a worker thread
 * (src/vscode/deidentifyWorker.ts), never at activation and never on the extension host's
 * own thread, which stays free for the editor while the word lists load.
 */
/** A worker kept for a few minutes after an export, so the next one skips the load. */
class DeidentifyWorker {
  private worker: Worker | undefined;
  private idle: NodeJS.Timeout | undefined;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: Core.Deidentified) => void; reject: (e: Error) => void }>();

  /** `noted`: the date of the session the text was written in, day 0 of the draft's days. */
  run(text: string, client: string, noted?: string): Promise<Core.Deidentified> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker ?? this.start();
    const id = this.next++;
    return new Promise<Core.Deidentified>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, text, client, ...(noted ? { noted } : {}) });
    }).finally(() => {
      if (this.waiting.size === 0) this.idle = setTimeout(() => this.dispose(), 180_000).unref();
    });
  }

  private start(): Worker {
    // dist/extension.js runs from dist/, beside dist/deidentify-worker.js.
    const worker = new Worker(path.join(__dirname, 'deidentify-worker.js'));
    worker.on('message', (m: { id: number; result?: Core.Deidentified; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.result) w?.resolve(m.result);
      else w?.reject(failure(m.error ?? 'Error'));
    });
    const stop = (name: string): void => {
      for (const w of this.waiting.values()) w.reject(failure(name));
      this.waiting.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', (err) => stop(err.name));
    worker.on('exit', () => stop('WorkerExit'));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    if (this.idle) clearTimeout(this.idle);
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/** An error that carries only the kind of what went wrong: its message could quote the note. */
function failure(name: string): Error {
  const err = new Error('the de-identifier stopped');
  err.name = name;
  return err;
}

const PLACEHOLDER = /\[(?:client|name(?: \d+)?|place|address|zip|date|day -?\d+|phone|email|url|ip|number|age 90\+)\](?: \d{4})?/g;

/** A spot left in place but worth a look, tracked by offset as the draft is edited. */
interface Check {
  start: number;
  end: number;
  readonly reason: string;
}

interface Draft {
  readonly document: vscode.TextDocument;
  /** The version that holds the text Attune wrote; changes up to it are Attune's own. */
  readonly version: number;
  checks: Check[];
  /** Spots answered "Keep as it is". */
  kept: number;
  /** Which review checks are ticked, by index; each is ticked on its own. */
  readonly ticked: boolean[];
  /** The review panel beside the draft, while it is open. */
  panel?: vscode.WebviewPanel;
  /** What the panel last drew. */
  shown?: string;
}

/** The placeholder a quick fix puts in; an unusual word becomes the next numbered name. */
const FIX_PLACEHOLDER: Record<string, string> = {
  [REASON_NUMBER]: '[number]',
  [REASON_PLACE]: '[place]',
  [REASON_DATE]: '[date]',
};

export class Supervision implements vscode.CodeActionProvider, vscode.Disposable {
  private readonly drafts = new Map<string, Draft>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('attune-supervision');
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderRadius: '3px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly memory = new DraftFileSystem();
  private drafted = 0;
  private readonly worker = new DeidentifyWorker();

  constructor(
    private readonly workspace: LiveNotes,
    private readonly log: Log,
    private readonly curtain: PrivacyCurtain,
  ) {
    this.subscriptions.push(
      this.diagnostics,
      this.highlight,
      this.memory,
      vscode.workspace.registerFileSystemProvider(DRAFT_SCHEME, this.memory, { isCaseSensitive: true }),
      vscode.languages.registerCodeActionsProvider({ scheme: DRAFT_SCHEME }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.closed(d)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateAll()),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.setContext(editor)),
    );
  }

  /** The draft open in this editor, if it is one. */
  draftOf(document: vscode.TextDocument | undefined): Draft | undefined {
    return document ? this.drafts.get(document.uri.toString()) : undefined;
  }

  /** Ruptures whose "Take it to supervision?" field says yes, newest first, after the one under the cursor. */
  private async pickRupture(atCursor: RuptureEntry | undefined): Promise<EntryRef | undefined> {
    const wanted = this.workspace.index
      .entries()
      .filter((e) => wantsSupervision(e) && !(atCursor && e.path === atCursor.path && e.line === atCursor.line))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    if (atCursor) wanted.unshift(atCursor);
    if (wanted.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No rupture is marked for supervision yet. Answer "yes" to "Take it to supervision?" in a reflection, or use Prepare for Supervision from a rupture\'s lens.',
        ),
      );
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      wanted.map((e) => ({
        // Titles and codes shown as written: a picker renders `$(name)` as an icon.
        label: literalIcons(this.curtain.title(e.title || vscode.l10n.t('(untitled)'))),
        description: literalIcons(`${this.curtain.client(e.client)} · ${statusWord(e.status)}`),
        detail: literalIcons(this.curtain.detail(vscode.workspace.asRelativePath(vscode.Uri.parse(e.path))) ?? ''),
        entry: e,
      })),
      {
        title: vscode.l10n.t('Prepare for supervision'),
        placeHolder: vscode.l10n.t('Which reflection do you want to take to supervision?'),
        matchOnDescription: true,
      },
    );
    return picked && refOf(picked.entry);
  }

  /** The command: from a lens or the view (a rupture given), or the palette (a pick). */
  async prepare(ref: EntryRef | undefined, atCursor?: RuptureEntry): Promise<vscode.TextEditor | undefined> {
    const target = ref ?? (await this.pickRupture(atCursor));
    if (!target) return undefined;
    const found = await locate(target, this.workspace);
    if (!found) return undefined;
    const { document, entry } = found;
    const started = Date.now();
    let result: Core.Deidentified | undefined;
    try {
      // The rupture's section, heading included, from the editor's current text.
      const all = document.getText();
      const start = document.offsetAt(new vscode.Position(entry.line, 0));
      const end = entry.sectionEnd >= document.lineCount ? all.length : document.offsetAt(new vscode.Position(entry.sectionEnd, 0));
      const text = all.slice(start, end);
      // Loading the libraries takes a second or two: say so while the worker runs.
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Preparing a de-identified draft…') },
        () => this.worker.run(text, entry.client, entry.date ?? undefined),
      );
    } catch (err) {
      // Only the kind of error (TypeError, RangeError...): its message could quote the note.
      const kind = err instanceof Error ? err.name : 'unknown';
      this.log.error(`Preparing for supervision stopped (${kind}).`);
      void vscode.window.showWarningMessage(
        kind === 'TooLongToExport'
          ? vscode.l10n.t('This section is too long to prepare in one go. Nothing was copied or saved.')
          : vscode.l10n.t('Attune could not prepare this reflection for supervision. Nothing was copied or saved.'),
      );
      return undefined;
    }
    if (!result) return undefined;
    this.drafted++;
    const name =
      this.drafted === 1
        ? vscode.l10n.t('Supervision draft (review before sharing).md')
        : vscode.l10n.t('Supervision draft {0} (review before sharing).md', this.drafted);
    const draftDoc = await vscode.workspace.openTextDocument(this.memory.add(name, result.text));
    const lines = result.text.split('\n');
    const offsetOf = (line: number, column: number): number => {
      let offset = 0;
      for (let i = 0; i < line - 1; i++) offset += lines[i].length + 1;
      return offset + column - 1;
    };
    const checks = result.check.map((c) => ({ start: offsetOf(c.line, c.column), end: offsetOf(c.line, c.column) + c.length, reason: c.reason }));
    const draft: Draft = { document: draftDoc, version: draftDoc.version, checks, kept: 0, ticked: REVIEW_ITEMS.map(() => false) };
    this.drafts.set(draftDoc.uri.toString(), draft);
    const editor = await vscode.window.showTextDocument(draftDoc, { preview: false });
    this.refresh(draft);
    this.setContext(editor);
    this.showReview(draft);
    this.log.info(`Prepared a supervision draft in ${Date.now() - started} ms: ${result.replaced.length} replaced, ${result.check.length} to check.`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Attune replaced {0} it could find and marked {1} to look at. The review beside the draft walks you through the rest: you decide what is shared, and with whom.',
        result.replaced.length === 1 ? vscode.l10n.t('1 identifier') : vscode.l10n.t('{0} identifiers', result.replaced.length),
        result.check.length === 1 ? vscode.l10n.t('1 spot') : vscode.l10n.t('{0} spots', result.check.length),
      ),
    );
    return editor;
  }

  /** What the review of this draft holds, as its panel shows it. */
  reviewOf(document: vscode.TextDocument | undefined): ReviewState | undefined {
    const draft = this.draftOf(document);
    if (!draft) return undefined;
    const text = draft.document.getText();
    return {
      spots: draft.checks.map((c) => ({ line: draft.document.positionAt(c.start).line + 1, words: text.slice(c.start, c.end), reason: reasonText(c.reason) })),
      kept: draft.kept,
      ticked: [...draft.ticked],
      ...(questionIn(text) !== undefined ? { question: questionIn(text) } : {}),
    };
  }

  /** The review panel's page as it stands (tests read what the clinician sees). */
  reviewPage(document: vscode.TextDocument | undefined): string | undefined {
    return this.draftOf(document)?.panel?.webview.html;
  }

  /** Opens the review beside the draft, or brings it forward; it never covers the draft. */
  private showReview(draft: Draft): void {
    if (draft.panel) {
      draft.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      'attune.supervisionReview',
      vscode.l10n.t('Review before sharing'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    draft.panel = panel;
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.answer(draft.document, m)),
      panel.onDidDispose(() => {
        if (draft.panel !== panel) return;
        draft.panel = undefined;
        draft.shown = undefined;
      }),
    );
    this.render(draft);
  }

  /** Redraws the review when what it shows has changed (not on every keystroke in the draft). */
  private render(draft: Draft, focus = ''): void {
    const state = this.reviewOf(draft.document);
    if (!draft.panel || !state) return;
    const shown = JSON.stringify([state, focus]);
    if (shown === draft.shown) return;
    draft.shown = shown;
    draft.panel.webview.html = reviewHtml(state, randomBytes(18).toString('base64'), focus, reviewWords());
  }

  /** Answers one message from the review panel (tests send the same ones). */
  async answer(document: vscode.TextDocument, raw: unknown): Promise<boolean> {
    const draft = this.draftOf(document);
    const message = readReviewMessage(raw);
    if (!draft || !message) return false;
    if (message.type === 'copy') return this.copy(document);
    if (message.type === 'tick') {
      if (message.index >= REVIEW_ITEMS.length) return false;
      draft.ticked[message.index] = message.checked;
      this.render(draft, `check-${message.index}`);
      return true;
    }
    const check = draft.checks[message.index];
    if (!check) return false;
    if (message.type === 'keep') {
      this.keep(document.uri, check.start, check.end);
    } else if (message.type === 'replace') {
      await vscode.workspace.applyEdit(this.replaceEdit(draft, check));
    } else {
      const range = new vscode.Range(document.positionAt(check.start), document.positionAt(check.end));
      const editor = await vscode.window.showTextDocument(document, {
        preview: false,
        viewColumn: vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn,
      });
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    return true;
  }

  /**
   * Copy for Supervision: only once every marked spot is answered and every check ticked.
   * Before that it brings the review forward and copies nothing.
   */
  async copy(document: vscode.TextDocument | undefined = vscode.window.activeTextEditor?.document): Promise<boolean> {
    const draft = this.draftOf(document) ?? [...this.drafts.values()].find((d) => d.panel?.active);
    if (!draft) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a supervision draft first: use Prepare for Supervision on a rupture.'));
      return false;
    }
    const state = this.reviewOf(draft.document);
    if (!state || !canCopy(state)) {
      this.showReview(draft);
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Nothing was copied yet. In the review beside the draft, answer each marked spot and tick each check; then Copy for Supervision is offered.',
        ),
      );
      return false;
    }
    await vscode.env.clipboard.writeText(draft.document.getText());
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Copied for supervision. Attune keeps no copy and no list of what it replaced. The draft lives only in memory and goes when you close it.'),
    );
    return true;
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const draft = this.draftOf(document);
    if (!draft) return [];
    const actions: vscode.CodeAction[] = [];
    for (const check of draft.checks) {
      const at = new vscode.Range(document.positionAt(check.start), document.positionAt(check.end));
      if (!at.intersection(range)) continue;
      const diagnostic = this.diagnosticFor(document, check);
      const replace = new vscode.CodeAction(vscode.l10n.t('Replace with a placeholder'), vscode.CodeActionKind.QuickFix);
      replace.diagnostics = [diagnostic];
      replace.isPreferred = true;
      replace.edit = this.replaceEdit(draft, check);
      const keep = new vscode.CodeAction(vscode.l10n.t('Keep as it is'), vscode.CodeActionKind.QuickFix);
      keep.diagnostics = [diagnostic];
      keep.command = { command: 'attune.keepInDraft', title: vscode.l10n.t('Keep as it is'), arguments: [document.uri, check.start, check.end] };
      actions.push(replace, keep);
    }
    return actions;
  }

  /** "Keep as it is": the spot stays as written and is no longer marked. */
  keep(uri: vscode.Uri, start: number, end: number): void {
    const draft = this.drafts.get(uri.toString());
    if (!draft) return;
    const before = draft.checks.length;
    draft.checks = draft.checks.filter((c) => c.start !== start || c.end !== end);
    draft.kept += before - draft.checks.length;
    this.refresh(draft);
  }

  /** One placeholder for the spot and for every marked spot with the same words. */
  private replaceEdit(draft: Draft, check: Check): vscode.WorkspaceEdit {
    const document = draft.document;
    const text = document.getText();
    const words = text.slice(check.start, check.end);
    let placeholder = FIX_PLACEHOLDER[check.reason];
    if (placeholder === undefined) {
      let highest = 0;
      for (const m of text.matchAll(/\[name (\d+)\]/g)) highest = Math.max(highest, Number(m[1]));
      placeholder = `[name ${highest + 1}]`;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const c of draft.checks) {
      if (text.slice(c.start, c.end) !== words) continue;
      edit.replace(document.uri, new vscode.Range(document.positionAt(c.start), document.positionAt(c.end)), placeholder);
    }
    return edit;
  }

  private diagnosticFor(document: vscode.TextDocument, check: Check): vscode.Diagnostic {
    const range = new vscode.Range(document.positionAt(check.start), document.positionAt(check.end));
    const d = new vscode.Diagnostic(
      range,
      vscode.l10n.t('Worth a look before sharing: {0}. Could it identify them?', reasonText(check.reason)),
      vscode.DiagnosticSeverity.Warning,
    );
    d.source = 'Attune';
    return d;
  }

  /** Tracks the marked spots through edits: a spot the clinician edits is theirs, and unmarked. */
  private changed(e: vscode.TextDocumentChangeEvent): void {
    this.keepSaved(e.document);
    const draft = this.drafts.get(e.document.uri.toString());
    if (!draft || e.contentChanges.length === 0 || e.document.version <= draft.version) return;
    const changes = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    let checks = draft.checks;
    for (const change of changes) {
      const from = change.rangeOffset;
      const to = change.rangeOffset + change.rangeLength;
      const delta = change.text.length - change.rangeLength;
      checks = checks.flatMap((c) => {
        if (c.end <= from) return [c];
        if (c.start >= to) return [{ ...c, start: c.start + delta, end: c.end + delta }];
        return [];
      });
    }
    draft.checks = checks;
    this.refresh(draft);
  }

  private closed(document: vscode.TextDocument): void {
    const draft = this.drafts.get(document.uri.toString());
    if (draft) {
      this.drafts.delete(document.uri.toString());
      this.diagnostics.delete(document.uri);
      draft.panel?.dispose();
    }
    if (document.uri.scheme === DRAFT_SCHEME) this.memory.remove(document.uri);
  }

  /**
   * Keeps a draft from staying unsaved, which VS Code would back up to its user-data folder
   * after a second: each change is saved at once, into memory. Without save participants
   * (trimming, formatting), which would take away the space just typed at a line's end.
   */
  private keepSaved(document: vscode.TextDocument): void {
    if (!document.isDirty || document.uri.scheme !== DRAFT_SCHEME) return;
    if (vscode.window.activeTextEditor?.document === document) void vscode.commands.executeCommand('workbench.action.files.saveWithoutFormatting');
    else void document.save();
  }

  private refresh(draft: Draft): void {
    this.diagnostics.set(
      draft.document.uri,
      draft.checks.map((c) => this.diagnosticFor(draft.document, c)),
    );
    this.decorateAll();
    this.render(draft);
  }

  private decorateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const draft = this.draftOf(editor.document);
      if (!draft) continue;
      const text = editor.document.getText();
      const ranges: vscode.DecorationOptions[] = [];
      for (const m of text.matchAll(PLACEHOLDER)) {
        const start = m.index ?? 0;
        ranges.push({
          range: new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + m[0].length)),
          hoverMessage: vscode.l10n.t('Replaced by Attune. The original is not kept anywhere.'),
        });
      }
      editor.setDecorations(this.highlight, ranges);
    }
  }

  private setContext(editor: vscode.TextEditor | undefined): void {
    void vscode.commands.executeCommand('setContext', 'attune.supervisionDraft', this.draftOf(editor?.document) !== undefined);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const d of this.drafts.values()) d.panel?.dispose();
    this.worker.dispose();
    this.drafts.clear();
  }
}

/** The review's words in VS Code's display language (the English is ENGLISH_REVIEW's, word for word). */
function reviewWords(): ReviewWords {
  return {
    lang: vscode.env.language,
    items: [
      { label: vscode.l10n.t('Names and places'), detail: vscode.l10n.t('No one is named, and no town, street or workplace points to them.') },
      {
        label: vscode.l10n.t('Dates'),
        detail: vscode.l10n.t('No birthday, anniversary or appointment date is left; the days between events are kept as "day 0", "day 7".'),
      },
      { label: vscode.l10n.t('Numbers'), detail: vscode.l10n.t('No phone, record, account, licence or other number that belongs to them.') },
      {
        label: vscode.l10n.t('Anything unusual enough to identify them'),
        detail: vscode.l10n.t('A job, an event, a family detail: a story can point to someone even with every name gone.'),
      },
      { label: vscode.l10n.t('They know I consult'), detail: vscode.l10n.t('The client knows that I consult or take supervision about my work with them.') },
      {
        label: vscode.l10n.t('The least that is needed'),
        detail: vscode.l10n.t('This is the least that serves my question; I have cut what the question does not need.'),
      },
      {
        label: vscode.l10n.t('How it will be sent'),
        detail: vscode.l10n.t('I know how it will travel: clipboard history, email and AI tools keep copies of what passes through them.'),
      },
    ],
    stillMarked: (n) =>
      n === 1
        ? vscode.l10n.t('1 spot is still marked in the draft. Answer each one: replace it, or keep it as it is.')
        : vscode.l10n.t('{0} spots are still marked in the draft. Answer each one: replace it, or keep it as it is.', n),
    kept: (n) =>
      n === 1
        ? vscode.l10n.t('You kept 1 spot that looks like a name, a number or a place. Read it once more before sharing.')
        : vscode.l10n.t('You kept {0} spots that look like a name, a number or a place. Read them once more before sharing.', n),
    noSpot: vscode.l10n.t('Attune has no spot marked in the draft. It can miss things: your own reading below is what counts.'),
    allTicked: vscode.l10n.t('Every check is ticked.'),
    checksLeft: (n) =>
      n === 1
        ? vscode.l10n.t('1 check still to tick, each after reading the draft for it.')
        : vscode.l10n.t('{0} checks still to tick, each after reading the draft for it.', n),
    title: vscode.l10n.t('Review before sharing'),
    questionLabel: vscode.l10n.t('My question for supervision:'),
    noQuestion: vscode.l10n.t(
      'No question for supervision is written in this reflection. One line ("My question for supervision") helps you share only what it needs.',
    ),
    markedSpots: vscode.l10n.t('Marked spots'),
    readEach: vscode.l10n.t('Read the draft for each, then tick it'),
    copy: vscode.l10n.t('Copy for Supervision'),
    keepsNoCopy: vscode.l10n.t('Attune keeps no copy and no list of what it replaced. You decide what is shared, and with whom.'),
    line: (n) => vscode.l10n.t('Line {0}:', n),
    show: vscode.l10n.t('Show'),
    showLabel: (n) => vscode.l10n.t('Show line {0} in the draft', n),
    replace: vscode.l10n.t('Replace'),
    replaceLabel: (words) => vscode.l10n.t('Replace {0} with a placeholder', words),
    keep: vscode.l10n.t('Keep as it is'),
    keepLabel: (words) => vscode.l10n.t('Keep {0} as it is', words),
  };
}
