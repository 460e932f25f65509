/**
 * `attune patterns [DIR] [--client C] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]`:
 * what the clinician's ruptures teach them, over months and across clients.
 */
import { isIsoDate } from '../core/notes/dates';
import { printable, printableJson } from '../core/markdown/printable';
import {
  countedNotes,
  firstReturnWords,
  headline,
  NOTICING_MORE,
  patterns,
  withCounts,
  type PatternExtras,
  type PatternFilter,
  type Patterns,
  type ValueCount,
} from '../core/patterns/patterns';
import { heldIn, STATUS_LABELS, STATUSES } from '../core/notes/status';
import { parseArgs, readFolder, scanNotes, UsageError, type Io } from './common';

function dateFlag(flags: Map<string, string | true>, name: 'since' | 'until'): string | undefined {
  const value = flags.get(name);
  if (value === undefined) return undefined;
  if (value === true || !isIsoDate(value)) throw new UsageError(`--${name} takes a date written YYYY-MM-DD, such as 2025-09-01`);
  return value;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function outcome(r: ValueCount): string {
  const parts: string[] = [];
  if (r.repaired > 0) parts.push(`${r.repaired} repaired`);
  if (r.closed > 0) parts.push(`${r.closed} closed without repair`);
  if (r.unrepaired > 0) parts.push(`${r.unrepaired} still open`);
  const held = heldIn(r);
  if (held > 0) parts.push(`${held} waiting at their pace`);
  return parts.join(', ');
}

function valueBlock(title: string, rows: readonly ValueCount[]): string {
  let out = `\n${title}\n`;
  if (rows.length === 0) return out + '  not filled in yet\n';
  let width = 0;
  for (const r of rows) width = Math.max(width, printable(r.value).length);
  for (const r of rows) out += `  ${printable(r.value).padEnd(width)}  ${String(r.count).padStart(3)}  (${outcome(r)})\n`;
  return out;
}

/**
 * The readable report: the zoomed-out view first, clients in alphabetical order, never
 * ranked. The days to a first return and each client's open ruptures only when asked for.
 */
function formatPatterns(p: Patterns, filter: PatternFilter, extras: PatternExtras = {}, withRows: readonly ValueCount[] = []): string {
  let out = `${headline(p, filter, filter.client === undefined ? undefined : printable(filter.client))}.\n`;
  if (p.sessions === 0) return out + 'No session notes count here yet; patterns appear as your notes grow.\n';

  out += '\nWhere they stand\n';
  const labelWidth = Math.max(...STATUSES.map((s) => STATUS_LABELS[s].length));
  for (const s of STATUSES) out += `  ${STATUS_LABELS[s].padEnd(labelWidth)}  ${String(p.byStatus[s]).padStart(3)}\n`;

  out += valueBlock('Kinds of miss', p.byKind);
  out += valueBlock('The part of me that led', p.byPart);
  out += valueBlock('Markers', p.byMarker);
  // Only for couple, family and group work: nothing to show otherwise.
  if (withRows.length > 0) out += valueBlock('With (couple, family or group work)', withRows);

  if (extras.daysToReturn) out += `\nReturning to a rupture\n  ${firstReturnWords(p)}\n`;

  if (p.byMonth.length > 0) {
    out += '\nMonth by month\n';
    for (const m of p.byMonth) out += `  ${m.month}  ${plural(m.sessions, 'session').padEnd(13)} ${plural(m.ruptures, 'rupture')}\n`;
  }

  if (p.byClient.length > 0) {
    out += '\nBy client (alphabetical)\n';
    let width = 0;
    for (const c of p.byClient) width = Math.max(width, printable(c.client).length);
    for (const c of p.byClient) {
      const counts = `${plural(c.sessions, 'session').padEnd(13)} ${plural(c.ruptures, 'rupture')}`;
      out += extras.openByClient
        ? `  ${printable(c.client).padEnd(width)}  ${counts.padEnd(26)} ${c.unrepaired} still open\n`
        : `  ${printable(c.client).padEnd(width)}  ${counts}\n`;
    }
  }
  if (extras.daysToReturn || extras.openByClient) out += `\n${NOTICING_MORE}\n`;
  return out;
}

/** The CLI handler, same shape as main's list, template and set. */
export function patternsCommand(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, ['client', 'since', 'until'], ['json', 'days-to-return', 'open-by-client']);
  if (positional.length > 1) throw new UsageError('patterns takes at most one folder');
  const since = dateFlag(flags, 'since');
  const until = dateFlag(flags, 'until');
  if (since !== undefined && until !== undefined && since > until) throw new UsageError('--since comes after --until, so no session could count');
  const client = flags.get('client');
  if (client === true || (typeof client === 'string' && client.trim() === '')) throw new UsageError('--client takes a client code');
  const root = readFolder(io, positional[0]);
  const result = scanNotes(io, root, positional[0]);
  const filter: PatternFilter = {
    ...(typeof client === 'string' ? { client: client.trim() } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
  };
  const p = patterns(result.index.allNotes(), filter);
  if (flags.has('json')) {
    io.out(printableJson(p) + '\n');
    return 0;
  }
  const extras = { daysToReturn: flags.has('days-to-return'), openByClient: flags.has('open-by-client') };
  io.out(formatPatterns(p, filter, extras, withCounts(countedNotes(result.index.allNotes(), filter))));
  return 0;
}
