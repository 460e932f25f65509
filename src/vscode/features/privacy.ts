/** The privacy curtain, and keeping VS Code's own copies of notes out of its user data. */
import type { Services } from '../services';
import { keepCopiesOut } from '../vscodeCopies';

export function register({ context, curtain, command }: Services): void {
  curtain.activate(context);
  command('attune.keepCopiesOut', () => keepCopiesOut());
}
