/**
 * The words from src/core that VS Code shows (status names, step titles, "noted 30 Oct"), in
 * VS Code's display language. src/core stays English (the CLI and the notes use it); each
 * string here is a literal passed to vscode.l10n.t, so the l10n export finds it.
 */
import * as vscode from 'vscode';
import { isIsoDate } from '../core/notes/dates';
import type { LifecycleStep, Status } from '../core/notes/status';
import type { ChecklistProgress } from '../core/checklist/progress';

/** "repair planned", "waiting at their pace": a status as a phrase. */
export function statusLabel(status: Status): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('open');
    case 'planned':
      return vscode.l10n.t('repair planned');
    case 'attempted':
      return vscode.l10n.t('repair attempted');
    case 'held':
      return vscode.l10n.t('waiting at their pace');
    case 'repaired':
      return vscode.l10n.t('repaired');
    case 'closed':
      return vscode.l10n.t('closed without repair');
  }
}

/** The status word of the tag, as a lens says it ("planned · noted 30 Oct"). */
export function statusWord(status: Status): string {
  switch (status) {
    case 'open':
      return vscode.l10n.t('open');
    case 'planned':
      return vscode.l10n.t('planned');
    case 'attempted':
      return vscode.l10n.t('attempted');
    case 'held':
      return vscode.l10n.t('held');
    case 'repaired':
      return vscode.l10n.t('repaired');
    case 'closed':
      return vscode.l10n.t('closed');
  }
}

/** A lifecycle step's title, as the lenses and the step picker offer it. */
export function stepTitle(step: LifecycleStep): string {
  switch (step.to) {
    case 'planned':
      return vscode.l10n.t('Plan repair');
    case 'attempted':
      return vscode.l10n.t('Record repair attempt');
    case 'repaired':
      return vscode.l10n.t('Mark repaired');
    case 'held':
      return vscode.l10n.t('Hold at their pace');
    case 'closed':
      return vscode.l10n.t('Close without repair');
    case 'open':
      return vscode.l10n.t('Reopen');
  }
}

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "noted 30 Oct" (with the year when it is not this year's), or "undated": when a rupture
 * was written down, never a running count of days. The day and month follow the display
 * language ("30. Okt."); English keeps its own short form.
 */
export function noted(date: string | null, today: string): string {
  if (date === null || !isIsoDate(date)) return vscode.l10n.t('undated');
  const [y, m, d] = date.split('-').map(Number);
  const thisYear = String(y) === today.slice(0, 4);
  const language = vscode.env.language;
  const when = language.startsWith('en')
    ? `${d} ${ENGLISH_MONTHS[m - 1]}${thisYear ? '' : ` ${y}`}`
    : new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', ...(thisYear ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, d)),
      );
  return vscode.l10n.t('noted {0}', when);
}

/** "4 of 11 done" over a checklist (shown only when the clinician asked for it). */
export function progressLabel(progress: ChecklistProgress): string {
  return progress.total === 0 ? vscode.l10n.t('No items yet') : vscode.l10n.t('{0} of {1} done', progress.done, progress.total);
}
