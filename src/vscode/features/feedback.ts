/** The client's feedback: recording the score they gave. Its code is its own bundle (dist/feedback.js), loaded at the command. */
import type { Services } from '../services';

export function register({ context, workspace, log, command }: Services): void {
  command('attune.recordFeedbackScore', () =>
    (require('./feedback.js') as typeof import('../feedback')).recordFeedbackScore(workspace, context.workspaceState, log),
  );
}
