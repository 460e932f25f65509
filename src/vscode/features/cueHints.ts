/** Cue hints: quiet marks under words that may point to a rupture, safety first. */
import { CueHints } from '../cueHints';
import type { Services } from '../services';

export function register({ context, workspace }: Services): CueHints {
  const cues = new CueHints(workspace, context.workspaceState);
  context.subscriptions.push(cues);
  return cues;
}
