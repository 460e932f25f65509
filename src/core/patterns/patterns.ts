/**
 * Patterns: the clinician's own ruptures read back over months and across clients, so
 * one misstep can be seen within the whole of the work. Counts only, of what the
 * clinician wrote; nothing here rates or ranks a client.
 */
import { daysBetween } from '../notes/dates';
import { isFilled, normaliseValue } from '../notes/fields';
import { choiceKey, fieldKey } from '../notes/fieldKeys';
import type { IndexedNote, RuptureEntry } from '../notes/note';
import { isUnrepaired, outcomeOf, STATUS_LABELS, STATUSES, type Status } from '../notes/status';
import { withWhom } from '../notes/withWhom';

/**
 * Figures that can read as a speed target or a ranking of clients, shown only when the
 * clinician turns them on (settings in VS Code, flags on the command line).
 */
export interface PatternExtras {
  /** How long until a first repair attempt: the median and the spread. */
  readonly daysToReturn?: boolean;
  /** How many ruptures of each client are still open. */
  readonly openByClient?: boolean;
}

/** Said wherever those figures are shown or offered. */
export const NOTICING_MORE = 'Noticing more ruptures is not doing worse: it often means you have grown more attuned to them.';

/** Which notes count: one client's, and those dated within a range (both ends inclusive). */
export interface PatternFilter {
  /** A client code, compared without regard to case (as `attune list --client` does). */
  readonly client?: string;
  readonly since?: string;
  readonly until?: string;
}

/** How often one value of a field recurs, and how those ruptures stand. */
export interface ValueCount {
  /** The value as written (normalised); of a choice written in several languages, its most frequent writing. */
  readonly value: string;
  readonly count: number;
  /** Open, planned or attempted. Held ruptures are in none of the three columns. */
  readonly unrepaired: number;
  readonly repaired: number;
  readonly closed: number;
}

/** A value of kind, part or marker: with its choice's key when it is one of the templates' choices (in any language), else null. */
interface KeyedValueCount extends ValueCount {
  readonly key: string | null;
}

export interface ClientCount {
  readonly client: string;
  readonly sessions: number;
  readonly ruptures: number;
  readonly unrepaired: number;
}

export interface MonthCount {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly sessions: number;
  readonly ruptures: number;
}

export interface FirstReturn {
  readonly count: number;
  readonly medianDays: number | null;
}

export interface Patterns {
  readonly sessions: number;
  readonly ruptures: number;
  readonly byStatus: Record<Status, number>;
  readonly byKind: KeyedValueCount[];
  readonly byPart: KeyedValueCount[];
  readonly byMarker: KeyedValueCount[];
  readonly byClient: ClientCount[];
  readonly byMonth: MonthCount[];
  readonly firstReturn: FirstReturn;
}

/** The three fields patterns read, by the label the English reflection template writes. */
export const PATTERN_FIELDS = {
  kind: 'Kind of miss',
  part: 'The part of me that led',
  marker: 'Markers',
} as const;
export type PatternField = keyof typeof PATTERN_FIELDS;

/** The key of each field (fieldKeys): its label in any of the four languages finds it. */
const PATTERN_KEYS: Readonly<Record<PatternField, string>> = {
  kind: 'kind-of-miss',
  part: 'part',
  marker: 'markers',
};

/** A field's value cut as its list wants it, then normalised; undefined when not filled in. */
function cutValue(field: PatternField, value: string): string | undefined {
  let raw = value;
  if (field !== 'kind') {
    const comma = raw.indexOf(',');
    if (comma !== -1) raw = raw.slice(0, comma);
    if (field === 'marker') {
      const paren = raw.indexOf(' (');
      if (paren !== -1) raw = raw.slice(0, paren);
    }
  }
  return isFilled(raw) ? normaliseValue(raw) : undefined;
}

/**
 * The values an entry counts under, from the first field with each key in its section (its
 * label in any of the four languages, any case, runs of white space as one), in one pass over its fields. The part is
 * cut at its first comma ("helper, wanting to connect" is "helper"), a marker at its first
 * comma or ` (` ("withdrawal (moving away)" is "withdrawal"); cutting happens on the value
 * as written, before it is normalised. A missing, empty or "not filled in" field gives none.
 */
export function patternValues(entry: RuptureEntry): Partial<Record<PatternField, string>> {
  const out: Partial<Record<PatternField, string>> = {};
  const seen = new Set<PatternField>();
  for (const f of entry.fields) {
    if (seen.size === 3) break;
    const key = fieldKey(f.label);
    if (key === undefined) continue;
    for (const field of ['kind', 'part', 'marker'] as const) {
      if (key !== PATTERN_KEYS[field] || seen.has(field)) continue;
      seen.add(field);
      const value = cutValue(field, f.value);
      if (value !== undefined) out[field] = value;
    }
  }
  return out;
}

/** Orders strings by Unicode code point (not by UTF-16 unit, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Whether a note counts under the filter: a session held (written in), of the client and period asked for. */
export function noteCounts(note: IndexedNote, filter: PatternFilter): boolean {
  // A note prepared for a session but not written in (or an empty one) is not a session held.
  if (!note.written) return false;
  if (filter.client !== undefined && note.client.toLowerCase() !== filter.client.toLowerCase()) return false;
  if (filter.since === undefined && filter.until === undefined) return true;
  if (note.date === null) return false;
  if (filter.since !== undefined && note.date < filter.since) return false;
  if (filter.until !== undefined && note.date > filter.until) return false;
  return true;
}

/**
 * What a value counts as: the choice's key when it is one of the field's choices in any
 * language ("zu tief, zu früh" and "too deep too soon" are one row), else the value itself.
 */
function valueGroup(field: PatternField, value: string): string {
  return choiceKey(PATTERN_KEYS[field], value) ?? value;
}

interface Tally {
  count: number;
  unrepaired: number;
  repaired: number;
  closed: number;
}

/** A value's tally, with how often each writing of it occurs (a choice may be written in several languages). */
interface GroupTally extends Tally {
  key: string | null;
  writings: Map<string, number>;
}

/** The most frequent writing of a value, the first by code point among equals. */
function mostWritten(writings: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [w, n] of writings) if (n > most || (n === most && compareCodePoints(w, best) < 0)) [best, most] = [w, n];
  return best;
}

/** byKind, byPart and byMarker, in one pass over the entries. */
function countValues(entries: readonly RuptureEntry[]): Record<PatternField, KeyedValueCount[]> {
  const maps: Record<PatternField, Map<string, GroupTally>> = { kind: new Map(), part: new Map(), marker: new Map() };
  for (const e of entries) {
    if (e.fields.length === 0) continue;
    const values = patternValues(e);
    for (const field of ['kind', 'part', 'marker'] as const) {
      const value = values[field];
      if (value === undefined) continue;
      const key = choiceKey(PATTERN_KEYS[field], value) ?? null;
      const group = key ?? value;
      let c = maps[field].get(group);
      if (!c) {
        c = { count: 0, unrepaired: 0, repaired: 0, closed: 0, key, writings: new Map() };
        maps[field].set(group, c);
      }
      c.writings.set(value, (c.writings.get(value) ?? 0) + 1);
      count(c, e.status);
    }
  }
  const sorted = (map: Map<string, GroupTally>): KeyedValueCount[] =>
    [...map.values()]
      .map(({ writings, key, count: n, unrepaired, repaired, closed }) => ({ value: mostWritten(writings), key, count: n, unrepaired, repaired, closed }))
      .sort((a, b) => b.count - a.count || compareCodePoints(a.value, b.value));
  return { kind: sorted(maps.kind), part: sorted(maps.part), marker: sorted(maps.marker) };
}

/**
 * Who the ruptures were with, in couple, family and group work: each "With" value, with how
 * those ruptures stand. Writings that differ only in case or spacing are one person, shown
 * in the writing that sorts first (capitals first, whatever order the notes are read in): a
 * member's code ("P2") keeps its capitals. Kept out of `patterns()` so `attune patterns
 * --json` keeps its keys.
 */
export function withCounts(notes: Iterable<IndexedNote>): ValueCount[] {
  const map = new Map<string, Tally & { shown: string }>();
  for (const note of notes) {
    for (const e of note.entries) {
      const who = withWhom(e);
      if (who === undefined) continue;
      const key = normaliseValue(who);
      const written = who.trim().replace(/\s+/g, ' ');
      let c = map.get(key);
      if (!c) {
        c = { shown: written, count: 0, unrepaired: 0, repaired: 0, closed: 0 };
        map.set(key, c);
      } else if (compareCodePoints(written, c.shown) < 0) c.shown = written;
      count(c, e.status);
    }
  }
  return [...map.values()].map(({ shown, ...c }) => ({ value: shown, ...c })).sort((a, b) => b.count - a.count || compareCodePoints(a.value, b.value));
}

/** Counts one rupture into a tally, in the column of its outcome (a held one in none). */
function count(tally: Tally, status: Status): void {
  tally.count++;
  const outcome = outcomeOf(status);
  if (outcome !== 'held') tally[outcome]++;
}

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** The earliest "Repair attempt" date of an entry, whatever order the attempts are written in. */
function firstAttempt(entry: RuptureEntry): string | undefined {
  let first: string | undefined;
  for (const f of entry.followUps) if (f.kind === 'attempt' && (first === undefined || f.date < first)) first = f.date;
  return first;
}

/** The median, the mean of the two middle values when there is an even number; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The days from each counted, dated entry's note to its first repair attempt. */
export function returnDays(notes: readonly IndexedNote[]): number[] {
  const days: number[] = [];
  for (const note of notes) {
    if (note.date === null) continue;
    for (const e of note.entries) {
      const attempt = firstAttempt(e);
      if (attempt !== undefined) days.push(daysBetween(note.date, attempt));
    }
  }
  return days;
}

/** The notes that count under the filter. */
export function countedNotes(notes: Iterable<IndexedNote>, filter: PatternFilter): IndexedNote[] {
  const out: IndexedNote[] = [];
  for (const note of notes) if (noteCounts(note, filter)) out.push(note);
  return out;
}

/** Everything `attune patterns --json` prints, from the notes that count. */
export function patterns(notes: Iterable<IndexedNote>, filter: PatternFilter = {}): Patterns {
  const counted = countedNotes(notes, filter);
  const entries: RuptureEntry[] = [];
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const clients = new Map<string, { sessions: number; ruptures: number; unrepaired: number }>();
  const months = new Map<string, { sessions: number; ruptures: number }>();
  for (const note of counted) {
    for (const e of note.entries) {
      entries.push(e);
      byStatus[e.status]++;
    }
    // A note without a client is counted in the totals but belongs to no client's row.
    if (note.client !== '') {
      let c = clients.get(note.client);
      if (!c) {
        c = { sessions: 0, ruptures: 0, unrepaired: 0 };
        clients.set(note.client, c);
      }
      c.sessions++;
      c.ruptures += note.entries.length;
      for (const e of note.entries) if (isUnrepaired(e.status)) c.unrepaired++;
    }
    if (note.date !== null) {
      const key = note.date.slice(0, 7);
      let m = months.get(key);
      if (!m) {
        m = { sessions: 0, ruptures: 0 };
        months.set(key, m);
      }
      m.sessions++;
      m.ruptures += note.entries.length;
    }
  }
  const byMonth: MonthCount[] = [];
  const keys = [...months.keys()].sort();
  if (keys.length > 0) {
    const last = keys[keys.length - 1];
    for (let month = keys[0]; ; month = nextMonth(month)) {
      const m = months.get(month);
      byMonth.push({ month, sessions: m?.sessions ?? 0, ruptures: m?.ruptures ?? 0 });
      if (month >= last) break;
    }
  }
  const days = returnDays(counted);
  const values = countValues(entries);
  return {
    sessions: counted.length,
    ruptures: entries.length,
    byStatus,
    byKind: values.kind,
    byPart: values.part,
    byMarker: values.marker,
    byClient: [...clients].map(([client, c]) => ({ client, ...c })).sort((a, b) => compareCodePoints(a.client, b.client)),
    byMonth,
    firstReturn: { count: days.length, medianDays: median(days) },
  };
}

/**
 * The counted entries whose field holds this value (after cutting and normalising), in note
 * order; a choice's value finds it written in any of the four languages.
 */
export function entriesWith(notes: readonly IndexedNote[], field: PatternField, value: string): RuptureEntry[] {
  const out: RuptureEntry[] = [];
  const wanted = valueGroup(field, value);
  for (const note of notes) {
    for (const e of note.entries) {
      const v = patternValues(e)[field];
      if (v !== undefined && valueGroup(field, v) === wanted) out.push(e);
    }
  }
  return out;
}

/**
 * The date a period of the last `months` months starts on: the same day that many months
 * before `today`, kept within the shorter month (31 March less one month is 28 or 29 February).
 */
export function periodStart(today: string, months: number): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - months;
  const d = Number(today.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "since 2025-09-01", "between ... and ...", "up to ...", or nothing. */
export function periodWords(filter: PatternFilter): string {
  if (filter.since !== undefined && filter.until !== undefined) return ` between ${filter.since} and ${filter.until}`;
  if (filter.since !== undefined) return ` since ${filter.since}`;
  if (filter.until !== undefined) return ` up to ${filter.until}`;
  return '';
}

/**
 * The zoomed-out view in one line: "14 ruptures noted across 290 sessions since
 * 2025-09-01", with "with C104" after "ruptures" when a client is named.
 */
export function headline(p: Patterns, filter: PatternFilter, client?: string): string {
  const who = client === undefined ? '' : ` with ${client}`;
  return `${plural(p.ruptures, 'rupture')}${who} noted across ${plural(p.sessions, 'session')}${periodWords(filter)}`;
}

function mdCell(text: string): string {
  return text.replace(/[\\|]/g, (c) => `\\${c}`);
}

/**
 * The counts as markdown for a supervision note: totals, statuses, kinds, parts, markers,
 * months, and the first return only when asked for. It never names a client, even when
 * one is chosen.
 */
export function summaryMarkdown(p: Patterns, filter: PatternFilter, extras: PatternExtras = {}): string {
  const lines: string[] = ['## Rupture patterns', '', `${headline(p, filter)}.`, ''];
  lines.push('| Status | Ruptures |', '| --- | ---: |');
  for (const s of STATUSES) lines.push(`| ${STATUS_LABELS[s]} | ${p.byStatus[s]} |`);
  const table = (title: string, rows: readonly ValueCount[]): void => {
    lines.push('', `### ${title}`, '');
    if (rows.length === 0) {
      lines.push('Not filled in yet.');
      return;
    }
    lines.push('| | Ruptures | Repaired | Closed | Still open |', '| --- | ---: | ---: | ---: | ---: |');
    for (const r of rows) lines.push(`| ${mdCell(r.value)} | ${r.count} | ${r.repaired} | ${r.closed} | ${r.unrepaired} |`);
  };
  table('Kinds of miss', p.byKind);
  table('The part of me that led', p.byPart);
  table('Markers', p.byMarker);
  if (p.byMonth.length > 0) {
    lines.push('', '### Month by month', '', '| Month | Sessions | Ruptures |', '| --- | ---: | ---: |');
    for (const m of p.byMonth) lines.push(`| ${m.month} | ${m.sessions} | ${m.ruptures} |`);
  }
  if (extras.daysToReturn) lines.push('', '### Returning to a rupture', '', firstReturnWords(p), '', NOTICING_MORE);
  return lines.join('\n') + '\n';
}

/** The first return in words: "2 ruptures with a repair attempt; the first attempt came a median of 5 days after the session." */
export function firstReturnWords(p: Patterns): string {
  return p.firstReturn.medianDays === null
    ? 'No repair attempt is recorded yet.'
    : `${plural(p.firstReturn.count, 'rupture')} with a repair attempt; the first attempt came a median of ${plural(p.firstReturn.medianDays, 'day')} after the session.`;
}

/** A bar of the "days to a first return" distribution. */
export interface ReturnBin {
  readonly label: string;
  readonly count: number;
}

/** Upper bounds (in days, inclusive) of the distribution's bars, after "before the session" (< 0). */
const RETURN_BOUNDS: readonly (readonly [number, string])[] = [
  [0, 'the same day'],
  [3, '1 to 3 days'],
  [7, '4 to 7 days'],
  [14, '8 to 14 days'],
  [30, '15 to 30 days'],
  [Infinity, 'over 30 days'],
];

/**
 * The days to a first return, grouped into bars. "Before the session" (an attempt dated
 * before its note) appears only when some attempt is.
 */
export function returnDistribution(days: readonly number[]): ReturnBin[] {
  const counts = new Array<number>(RETURN_BOUNDS.length).fill(0);
  let before = 0;
  for (const d of days) {
    if (d < 0) before++;
    else counts[RETURN_BOUNDS.findIndex(([max]) => d <= max)]++;
  }
  const bins = RETURN_BOUNDS.map(([, label], i) => ({ label, count: counts[i] }));
  return before > 0 ? [{ label: 'before the session', count: before }, ...bins] : bins;
}
