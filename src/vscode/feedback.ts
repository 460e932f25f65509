import * as vscode from 'vscode';
import { noteScore, type Score } from '../core/feedback/feedback';
import { recordScoreEdits } from '../core/feedback/recordFeedback';
import type { Log } from './log';
import { changeNote } from './noteChange';
import type { LiveNotes } from './liveNotes';

/** Where the scale's maximum is remembered, per workspace. */
const MAX_KEY = 'attune.feedback.max';
const NUMBER = /^\d+(?:\.\d+)?$/;

function numberCheck(value: string): vscode.InputBoxValidationMessage | undefined {
  return NUMBER.test(value.trim())
    ? undefined
    : { message: vscode.l10n.t('Enter a number, such as 8 or 34.5.'), severity: vscode.InputBoxValidationSeverity.Error };
}

/** Asks for the score, then the scale's maximum (remembered for this workspace); undefined when dismissed. */
async function askScore(current: Score | undefined, state: vscode.Memento): Promise<Score | undefined> {
  const title = vscode.l10n.t('Record feedback score');
  const scoreText = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The score they gave for this session, on the scale you use'),
    value: current ? String(current.score) : '',
    validateInput: numberCheck,
  });
  if (scoreText === undefined || numberCheck(scoreText)) return undefined;
  const score = Number(scoreText.trim());
  const remembered = state.get<string>(MAX_KEY, '');
  const maxText = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t("The scale's maximum (leave empty if your scale has none)"),
    value: current?.max != null ? String(current.max) : remembered,
    validateInput: (v) => {
      if (v.trim() === '') return undefined;
      const invalid = numberCheck(v);
      if (invalid) return invalid;
      if (Number(v.trim()) < score)
        return { message: vscode.l10n.t('This is below the score itself: is it the right maximum?'), severity: vscode.InputBoxValidationSeverity.Warning };
      return undefined;
    },
  });
  if (maxText === undefined || (maxText.trim() !== '' && numberCheck(maxText))) return undefined;
  await state.update(MAX_KEY, maxText.trim());
  return { score, max: maxText.trim() === '' ? null : Number(maxText.trim()) };
}

/**
 * "Record Feedback Score…": writes the client's score into the note's "Alliance feedback
 * score" field, adding the field (and its "Between us" section) when missing. One change
 * (see changeNote), so one Undo takes it back.
 */
export async function recordFeedbackScore(workspace: LiveNotes, state: vscode.Memento, log: Log): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the session note first, then record the feedback score in it.'));
    return false;
  }
  const { document } = editor;
  const score = await askScore(noteScore(workspace.noteOf(document)), state);
  if (!score) return false;
  // The note as it is now: the clinician may have typed while the boxes were open.
  let kind: 'value' | 'field' | 'section' | undefined;
  const outcome = await changeNote(document, (text) => {
    const result = recordScoreEdits(text, score);
    kind = result?.kind;
    return result?.edits;
  });
  if (!kind) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Attune could not find a safe place for the score in this note (it may end inside a code block or a comment). Nothing was changed.'),
    );
    return false;
  }
  if (outcome === 'refused') return false;
  const where = kind === 'value' ? 'in its field' : kind === 'field' ? 'as a new field' : 'in a new "Between us" section';
  log.info(`Recorded a feedback score ${where}.`);
  await workspace.refreshNow(document.uri);
  return true;
}
