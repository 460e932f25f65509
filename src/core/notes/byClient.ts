import type { RuptureEntry } from './note';

/** What a group of entries whose notes name no client is called. */
const NO_CLIENT = '(no client)';

/**
 * Entries grouped by client, clients in alphabetical order, each group in the order given:
 * the one grouping of the view, `attune list` and anything else that lists by client.
 */
export function groupByClient(entries: readonly RuptureEntry[]): Map<string, RuptureEntry[]> {
  const groups = new Map<string, RuptureEntry[]>();
  for (const e of entries) {
    const key = e.client || NO_CLIENT;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}
