import * as vscode from 'vscode';
import type { RuptureEntry } from '../core/notes/note';
import { supervisionQuestion, wantsSupervision } from '../core/supervision/deidentifySection';
import { STEPS } from '../core/notes/status';
import { stepsFor } from '../core/notes/theirPace';
import { readConfig } from './config';
import { refOf, today } from './actions';
import type { PrivacyCurtain } from './privacyCurtain';
import { describeEntry } from './tree';
import type { NoteAnalyses } from './noteAnalyses';
import type { LiveNotes } from './liveNotes';
import { progressLabel, stepTitle } from './words';

/**
 * Each status's next steps, as lens titles and the commands behind them, from the one
 * lifecycle table; "Hold at their pace" first when the latest word says they are not ready.
 */
export function actionsFor(entry: RuptureEntry): { title: string; command: string }[] {
  return stepsFor(entry).map((step) => ({
    title: entry.status === 'attempted' && step === STEPS.attempt ? vscode.l10n.t('Record another attempt') : stepTitle(step),
    command: step.command,
  }));
}

/**
 * Lenses over rupture headings (status, age, next steps) and, as the user chooses, an
 * "Insert rupture reflection" lens over the note's first heading or every `##`.
 */
export class RuptureLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly workspace: LiveNotes,
    private readonly analyses: NoteAnalyses,
    private readonly curtain: PrivacyCurtain,
  ) {
    this.subscription = vscode.Disposable.from(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('attune.insertButtonAboveHeadings') || e.affectsConfiguration('attune.nextStepsAboveRuptures')) this.changed.fire();
      }),
      curtain.onDidChange(() => this.changed.fire()),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.workspace.isNote(document.uri)) return [];
    const config = readConfig(document.uri);
    const analysis = this.analyses.of(document);
    const note = analysis.note;
    const lenses: vscode.CodeLens[] = [];
    const now = today();
    if (config.statusLenses) {
      for (const entry of note.entries) {
        const range = new vscode.Range(entry.line, 0, entry.line, 0);
        const ref = refOf(entry);
        lenses.push(
          new vscode.CodeLens(range, {
            title: vscode.l10n.t('Rupture: {0}', describeEntry(entry, now)),
            tooltip: entry.statusKnown
              ? vscode.l10n.t('Change the status')
              : vscode.l10n.t('This tag has a status Attune does not know, so it is treated as open'),
            command: 'attune.setStatus',
            arguments: [ref],
          }),
        );
        for (const action of actionsFor(entry)) {
          lenses.push(new vscode.CodeLens(range, { title: action.title, command: action.command, arguments: [ref] }));
        }
        if (entry.status !== 'repaired' && entry.status !== 'closed') {
          lenses.push(
            new vscode.CodeLens(range, {
              title: vscode.l10n.t('Repair conversation guide'),
              tooltip: vscode.l10n.t('Open a short guide for the repair conversation beside the note (read-only)'),
              command: 'attune.showRepairGuide',
              arguments: [ref],
            }),
          );
        }
        if (wantsSupervision(entry)) {
          // The question is note text: shown only while the privacy curtain is up.
          const question = this.curtain.detail(supervisionQuestion(entry) ?? '');
          const tooltip = question
            ? vscode.l10n.t('A de-identified draft of this reflection, for you to review before sharing. Your question: {0}', question)
            : vscode.l10n.t('A de-identified draft of this reflection, for you to review before sharing');
          lenses.push(
            new vscode.CodeLens(range, {
              title: vscode.l10n.t('Prepare for supervision…'),
              tooltip,
              command: 'attune.prepareForSupervision',
              arguments: [ref],
            }),
          );
        }
      }
    }
    const progress = analysis.checklist;
    // Preparation is not scored: progress shows only when the clinician asked for it.
    if (progress && config.checklistProgress) {
      lenses.push(
        new vscode.CodeLens(new vscode.Range(progress.line, 0, progress.line, 0), {
          title: progressLabel(progress),
          tooltip: vscode.l10n.t('Tick an item with Attune: Toggle Task Item'),
          command: 'attune.toggleTask',
          arguments: [],
        }),
      );
    }
    if (note.frontMatterEnd >= 0 && note.client && !progress) {
      lenses.push(
        new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
          title: vscode.l10n.t('Prepare for session'),
          tooltip: vscode.l10n.t("Open today's note for {0} with what you may revisit and your own checks", this.curtain.client(note.client)),
          command: 'attune.prepareForSession',
          arguments: [note.client],
        }),
      );
    }
    if (config.insertLens !== 'off') {
      const headings = analysis.outline;
      const tagged = new Set(note.entries.map((e) => e.line));
      const targets = config.insertLens === 'firstHeading' ? headings.slice(0, 1) : headings.filter((h) => h.level === 2);
      for (const h of targets) {
        if (tagged.has(h.line)) continue;
        lenses.push(
          new vscode.CodeLens(new vscode.Range(h.line, 0, h.line, 0), {
            title: vscode.l10n.t('Insert rupture reflection'),
            tooltip: vscode.l10n.t('Add a rupture reflection template to this note'),
            command: 'attune.insertReflection',
            arguments: [document.uri, h.line],
          }),
          new vscode.CodeLens(new vscode.Range(h.line, 0, h.line, 0), {
            title: vscode.l10n.t('Insert in-session repair'),
            tooltip: vscode.l10n.t('Record a rupture you repaired in the session itself'),
            command: 'attune.insertInSessionRepair',
            arguments: [document.uri, h.line],
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
