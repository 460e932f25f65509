import { daysBetween } from './dates';
import type { IndexedNote, RuptureEntry } from './note';
import { isUnrepaired, STATUSES, type Status } from './status';

/** What the index knows of one client. */
export interface ClientSummary {
  readonly client: string;
  /** Date of the client's most recent dated note, or null. */
  readonly lastDate: string | null;
  readonly notes: number;
  readonly unrepaired: number;
}

/** Oldest first by note date (undated last), then path, then line: the order clinicians read in. */
export function compareEntries(a: RuptureEntry, b: RuptureEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line;
}

/** Days since the entry's note was written, or null for an undated note. */
export function entryAge(entry: RuptureEntry, today: string): number | null {
  return entry.date === null ? null : daysBetween(entry.date, today);
}

/**
 * All indexed notes of a workspace (see IndexedNote), updated one note at a time. Every
 * note is kept, with or without ruptures, so that clients without any rupture are still
 * known, which the session-note and checklist commands need.
 */
export class RuptureIndex {
  private readonly notes = new Map<string, IndexedNote>();
  private version = 0;
  /**
   * The one grouping of notes by client (by path within a client), kept as notes come and go:
   * made afresh per change, it took tens of ms at 100,000 notes, each time the view redrew.
   */
  private readonly byClient = new Map<string, Map<string, IndexedNote>>();

  /** Adds or replaces a note. Returns whether its rupture entries changed (what the tree shows). */
  set(note: IndexedNote): boolean {
    const before = this.notes.get(note.path);
    this.notes.set(note.path, note);
    if (before && before.client !== note.client) this.unlist(before);
    const group = this.byClient.get(note.client);
    if (group) group.set(note.path, note);
    else this.byClient.set(note.client, new Map([[note.path, note]]));
    this.version++;
    return !sameEntries(before?.entries ?? [], note.entries);
  }

  /** Whether the index holds a note with rupture entries at `path`. */
  hasEntries(path: string): boolean {
    return (this.notes.get(path)?.entries.length ?? 0) > 0;
  }

  /** Forgets a note (deleted, renamed away, or no longer a note). Returns whether it was known. */
  delete(path: string): boolean {
    const before = this.notes.get(path);
    if (!before) return false;
    this.notes.delete(path);
    this.unlist(before);
    this.version++;
    return true;
  }

  private unlist(note: IndexedNote): void {
    const group = this.byClient.get(note.client);
    group?.delete(note.path);
    if (group?.size === 0) this.byClient.delete(note.client);
  }

  /** Forgets every note whose path starts with `prefix` (a removed folder). */
  deleteUnder(prefix: string): number {
    let n = 0;
    for (const [path, note] of [...this.notes]) {
      if (path.startsWith(prefix)) {
        this.notes.delete(path);
        this.unlist(note);
        n++;
      }
    }
    if (n > 0) this.version++;
    return n;
  }

  clear(): void {
    this.notes.clear();
    this.byClient.clear();
    this.version++;
  }

  /** Changes each time the content changes; lets views skip work when nothing moved. */
  get revision(): number {
    return this.version;
  }

  get noteCount(): number {
    return this.notes.size;
  }

  get(path: string): IndexedNote | undefined {
    return this.notes.get(path);
  }

  paths(): IterableIterator<string> {
    return this.notes.keys();
  }

  /** Every note, in no particular order. */
  allNotes(): IterableIterator<IndexedNote> {
    return this.notes.values();
  }

  /** Every entry, in reading order. */
  entries(): RuptureEntry[] {
    const all: RuptureEntry[] = [];
    for (const note of this.notes.values()) for (const e of note.entries) all.push(e);
    return all.sort(compareEntries);
  }

  /** Entries still open, planned or attempted, in reading order. */
  unrepaired(client?: string): RuptureEntry[] {
    const out: RuptureEntry[] = [];
    for (const note of this.notes.values()) {
      for (const e of note.entries) {
        if (isUnrepaired(e.status) && (client === undefined || e.client === client)) out.push(e);
      }
    }
    return out.sort(compareEntries);
  }

  /** Entries waiting at the client's pace (`held`), in reading order: never counted as waiting. */
  held(client?: string): RuptureEntry[] {
    const out: RuptureEntry[] = [];
    for (const note of this.notes.values()) {
      for (const e of note.entries) if (e.status === 'held' && (client === undefined || e.client === client)) out.push(e);
    }
    return out.sort(compareEntries);
  }

  /** How many entries have each status. */
  counts(): Record<Status, number> {
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const note of this.notes.values()) for (const e of note.entries) counts[e.status]++;
    return counts;
  }

  /** Every client with at least one note, most recent session first (undated last). */
  clients(): ClientSummary[] {
    const map = new Map<string, { lastDate: string | null; notes: number; unrepaired: number }>();
    for (const note of this.notes.values()) {
      if (!note.client) continue;
      let s = map.get(note.client);
      if (!s) {
        s = { lastDate: null, notes: 0, unrepaired: 0 };
        map.set(note.client, s);
      }
      s.notes++;
      if (note.date !== null && (s.lastDate === null || note.date > s.lastDate)) s.lastDate = note.date;
      for (const e of note.entries) if (isUnrepaired(e.status)) s.unrepaired++;
    }
    return [...map]
      .map(([client, s]) => ({ client, ...s }))
      .sort((a, b) => {
        if (a.lastDate !== b.lastDate) {
          if (a.lastDate === null) return 1;
          if (b.lastDate === null) return -1;
          return a.lastDate > b.lastDate ? -1 : 1;
        }
        return a.client.localeCompare(b.client);
      });
  }

  /** A client's notes, in no particular order. */
  clientNotes(client: string): IndexedNote[] {
    return [...(this.byClient.get(client)?.values() ?? [])];
  }

  /** The notes that belong to a client, most recent first. */
  notesOf(client: string): IndexedNote[] {
    return [...this.clientNotes(client)].sort((a, b) =>
      (a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : a.path.localeCompare(b.path),
    );
  }
}

/** Whether two lists of entries are the same in every property (fields and follow-ups included). */
function sameEntries(a: readonly RuptureEntry[], b: readonly RuptureEntry[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
  return true;
}

/** Deep equality of plain data (strings, numbers, booleans, arrays, objects), as entries are made of. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
