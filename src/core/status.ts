/** The lifecycle of a rupture, in order. */
export const STATUSES = ['open', 'planned', 'attempted', 'repaired', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** Open, planned and attempted ruptures still want the clinician's attention. */
export function isUnrepaired(status: Status): boolean {
  return status === 'open' || status === 'planned' || status === 'attempted';
}

/** Plain words for each status, for labels and messages. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  open: 'open',
  planned: 'repair planned',
  attempted: 'repair attempted',
  repaired: 'repaired',
  closed: 'closed without repair',
};

/** The statuses that make sense as a next step from `status` (never the same one). */
export function nextStatuses(status: Status): Status[] {
  switch (status) {
    case 'open':
      return ['planned', 'attempted', 'repaired', 'closed'];
    case 'planned':
      return ['attempted', 'repaired', 'closed'];
    case 'attempted':
      return ['repaired', 'planned', 'closed'];
    case 'repaired':
    case 'closed':
      return ['open'];
  }
}
