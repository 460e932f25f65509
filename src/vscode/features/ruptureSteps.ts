/** The steps of a rupture's life (plan, attempt, mark repaired, close, hold, reopen) and moving between ruptures in a note. */
import * as vscode from 'vscode';
import { isStatus, LIFECYCLE, type Status } from '../../core/notes/status';
import { askWhatMended, changeStatus } from '../actions';
import { statusLabel, stepTitle } from '../words';
import { targetOf } from '../ruptureAtHand';
import type { Services } from '../services';

export function register({ workspace, log, curtain, command }: Services): void {
  const setTo =
    (status: Status, templateId?: string) =>
    async (arg?: unknown): Promise<boolean> => {
      const ref = targetOf(arg, workspace);
      if (!ref) return false;
      // A step with a template shows the note; under the curtain, one not on screen yet is
      // opened only once the user agrees, and Cancel changes nothing.
      const shown = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === ref.path);
      if (templateId && !shown && !(await curtain.allowsOpening())) return false;
      const ok = await changeStatus(ref, status, workspace, log, templateId);
      if (ok) await workspace.refreshNow(vscode.Uri.parse(ref.path));
      return ok;
    };

  command('attune.setStatus', async (arg?: unknown, statusArg?: unknown) => {
    const ref = targetOf(arg, workspace);
    if (!ref) return false;
    const next: Status | undefined = typeof statusArg === 'string' && isStatus(statusArg) ? statusArg : undefined;
    if (!next) {
      // The steps of the one lifecycle table, each run as its own command (with its template).
      const current = workspace.index.get(ref.path)?.entries.find((e) => e.line === ref.line)?.status ?? 'open';
      const picked = await vscode.window.showQuickPick(
        LIFECYCLE[current].map((step) => ({ label: stepTitle(step), description: `#rupture/${step.to}`, detail: statusLabel(step.to), step })),
        { title: vscode.l10n.t('Next step for this rupture (now {0})', statusLabel(current)), placeHolder: vscode.l10n.t('Choose a step') },
      );
      return picked ? vscode.commands.executeCommand(picked.step.command, ref) : false;
    }
    const ok = await changeStatus(ref, next, workspace, log);
    if (ok) await workspace.refreshNow(vscode.Uri.parse(ref.path));
    return ok;
  });

  command('attune.planRepair', setTo('planned', 'repair-plan'));
  command('attune.recordAttempt', setTo('attempted', 'repair-attempt'));
  command('attune.markRepaired', async (arg?: unknown) => {
    const ref = targetOf(arg, workspace);
    if (!ref) return false;
    // One optional line; Enter on an empty line changes only the tag, Esc changes nothing.
    const mended = await askWhatMended();
    if (mended === 'cancelled') return false;
    const ok = await changeStatus(ref, 'repaired', workspace, log, undefined, mended.line);
    if (ok) await workspace.refreshNow(vscode.Uri.parse(ref.path));
    return ok;
  });
  command('attune.closeWithoutRepair', setTo('closed', 'closing'));
  command('attune.holdAtTheirPace', setTo('held'));
  command('attune.reopen', setTo('open'));

  const jump = (direction: 1 | -1) => (): void => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const entries = workspace.noteOf(editor.document).entries;
    const here = editor.selection.active.line;
    const target = direction === 1 ? entries.find((e) => e.line > here) : [...entries].reverse().find((e) => e.line < here);
    if (!target) {
      // Said where it is seen: a note with none at all gets a message, not a flicker in the status bar.
      if (entries.length === 0)
        void vscode.window.showInformationMessage(vscode.l10n.t('Attune: this note has no rupture entries yet (a heading tagged #rupture).'));
      else
        vscode.window.setStatusBarMessage(
          direction === 1 ? vscode.l10n.t('Attune: no rupture below this one') : vscode.l10n.t('Attune: no rupture above this one'),
          4000,
        );
      return;
    }
    const at = new vscode.Position(target.line, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  command('attune.nextRupture', jump(1));
  command('attune.previousRupture', jump(-1));
}
