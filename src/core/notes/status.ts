/** The statuses of a rupture, in the order they are shown. */
export const STATUSES = ['open', 'planned', 'attempted', 'held', 'repaired', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/**
 * Open, planned and attempted ruptures still want the clinician's attention. `held` does
 * not: it waits at the client's pace and is raised only if the client brings it up.
 */
export function isUnrepaired(status: Status): boolean {
  return status === 'open' || status === 'planned' || status === 'attempted';
}

/** Where a rupture stands in a tally: still to revisit, repaired, closed without repair, or waiting at the client's pace. */
export type Outcome = 'unrepaired' | 'repaired' | 'closed' | 'held';

/** The one place a status's outcome is worked out (the patterns, their panel and the command line). */
export function outcomeOf(status: Status): Outcome {
  return status === 'open' || status === 'planned' || status === 'attempted' ? 'unrepaired' : status;
}

/** How many of a tally wait at the client's pace: the held ruptures are in none of its three columns. */
export function heldIn(tally: { readonly count: number; readonly unrepaired: number; readonly repaired: number; readonly closed: number }): number {
  return tally.count - tally.unrepaired - tally.repaired - tally.closed;
}

/** Plain words for each status, for labels and messages. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  open: 'open',
  planned: 'repair planned',
  attempted: 'repair attempted',
  held: 'waiting at their pace',
  repaired: 'repaired',
  closed: 'closed without repair',
};

/** A step in the life of a rupture, as the lenses, the view's menus and the CLI offer it. */
export interface LifecycleStep {
  /** The command that takes the step, in VS Code. */
  readonly command: string;
  /** What the step is called wherever it is offered. */
  readonly title: string;
  /** The status the step sets. */
  readonly to: Status;
}

export const STEPS = {
  plan: { command: 'attune.planRepair', title: 'Plan repair', to: 'planned' },
  attempt: { command: 'attune.recordAttempt', title: 'Record repair attempt', to: 'attempted' },
  repaired: { command: 'attune.markRepaired', title: 'Mark repaired', to: 'repaired' },
  hold: { command: 'attune.holdAtTheirPace', title: 'Hold at their pace', to: 'held' },
  close: { command: 'attune.closeWithoutRepair', title: 'Close without repair', to: 'closed' },
  reopen: { command: 'attune.reopen', title: 'Reopen', to: 'open' },
} as const satisfies Record<string, LifecycleStep>;

/**
 * The one lifecycle table: which steps each status offers, most likely first. Another
 * attempt may follow an attempt; a held rupture can be planned (the client brought it up),
 * closed, or reopened; repaired and closed ruptures can only be reopened.
 */
export const LIFECYCLE: Readonly<Record<Status, readonly LifecycleStep[]>> = {
  open: [STEPS.plan, STEPS.attempt, STEPS.repaired, STEPS.hold, STEPS.close],
  planned: [STEPS.attempt, STEPS.repaired, STEPS.hold, STEPS.close],
  attempted: [STEPS.repaired, STEPS.attempt, STEPS.plan, STEPS.hold, STEPS.close],
  held: [STEPS.plan, STEPS.close, STEPS.reopen],
  repaired: [STEPS.reopen],
  closed: [STEPS.reopen],
};

/** The view item's context value for a rupture: package.json's menus offer LIFECYCLE's steps by it. */
export function ruptureContextValue(status: Status): string {
  return `attune.rupture.${status}`;
}
