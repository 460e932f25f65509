/** The patterns panel: the clinician's own ruptures read back over months and across clients. */
import type { Services } from '../services';

export function register({ context, workspace, log, curtain, command }: Services): void {
  // The panel's code is its own bundle (dist/patterns.js), loaded when first opened.
  command('attune.showPatterns', () =>
    (require('./patterns.js') as typeof import('../patterns')).PatternsPanel.show(context.extensionUri, workspace, log, curtain),
  );
}
