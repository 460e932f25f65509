import type * as Reasons from './reasons';

/**
 * A reason from the core (a write refused, a file skipped, a note's own warning) in VS
 * Code's display language. The table of every reason (reasons.ts) is its own bundle
 * (dist/reasons.js), loaded when a reason is first shown, not at activation.
 */
export function reasonText(english: string): string {
  return (require('./reasons.js') as typeof Reasons).reasonText(english);
}
