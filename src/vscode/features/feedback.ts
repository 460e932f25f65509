/** The client's feedback: recording the score they gave. */
import { recordFeedbackScore } from '../feedback';
import type { Services } from '../services';

export function register({ context, workspace, log, command }: Services): void {
  command('attune.recordFeedbackScore', () => recordFeedbackScore(workspace, context.workspaceState, log));
}
