/**
 * From found spans to placeholders: which span wins where two overlap, which number each
 * person gets, and the text with every span replaced.
 */
import type { Kind, Span } from './deidentifyDetectors';

/** Where two spans overlap, the kind with the sharper shape wins, then the longer span. */
const PRIORITY: readonly Kind[] = ['email', 'url', 'ip', 'number', 'phone', 'address', 'zip', 'date', 'age', 'client', 'name', 'place'];

export function resolveOverlaps(spans: readonly Span[]): Span[] {
  const ordered = [...spans].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  // Which characters a kept span covers: linear in the spans' length, not quadratic in their number.
  let size = 0;
  for (const s of ordered) size = Math.max(size, s.end);
  const covered = new Uint8Array(size);
  for (const s of ordered) {
    if (s.end <= s.start) continue;
    let free = true;
    for (let i = s.start; i < s.end && free; i++) free = covered[i] === 0;
    if (!free) continue;
    covered.fill(1, s.start, s.end);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Numbers people in order of first mention. A mention is the same person as an earlier
 * one when the words of one are all among the other's ("Sarah", "Sarah Okafor", "Okafor");
 * "Tom Okafor" is someone else.
 */
export function numberNames(spans: readonly Span[]): Span[] {
  const people: Set<string>[] = [];
  return spans.map((s) => {
    if (s.kind !== 'name') return s;
    const words = s.words ?? [];
    let n = people.findIndex((p) => words.every((w) => p.has(w)) || [...p].every((w) => words.includes(w)));
    if (n === -1) {
      people.push(new Set(words));
      n = people.length - 1;
    } else {
      for (const w of words) people[n].add(w);
    }
    return { ...s, placeholder: `[name ${n + 1}]` };
  });
}

/** Whether [start, end) overlaps any of `sorted` (non-overlapping, in text order): a binary search. */
export function overlapsAny(sorted: readonly { start: number; end: number }[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < end;
}

export function placeholderOf(s: Span): string {
  if (s.placeholder !== undefined) return s.placeholder;
  return s.kind === 'age' ? '[age 90+]' : `[${s.kind}]`;
}

export interface Replaced {
  readonly kind: Kind;
  /** Offsets of the placeholder in the output text. */
  readonly start: number;
  readonly end: number;
}

/** The text with each span replaced; `map` turns an input offset outside the spans into an output one. */
export function applySpans(text: string, spans: readonly Span[]): { text: string; replaced: Replaced[]; map: (offset: number) => number } {
  let out = '';
  let cursor = 0;
  const replaced: Replaced[] = [];
  const shifts: { at: number; delta: number }[] = [];
  for (const s of spans) {
    out += text.slice(cursor, s.start);
    const p = placeholderOf(s);
    replaced.push({ kind: s.kind, start: out.length, end: out.length + p.length });
    out += p;
    cursor = s.end;
    shifts.push({ at: s.end, delta: out.length - cursor });
  }
  out += text.slice(cursor);
  const map = (offset: number): number => {
    // The last shift at or before the offset, found by binary search.
    let lo = 0;
    let hi = shifts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (shifts[mid].at <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + (lo === 0 ? 0 : shifts[lo - 1].delta);
  };
  return { text: out, replaced, map };
}
