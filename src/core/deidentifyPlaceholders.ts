/**
 * From found spans to placeholders: which span wins where two overlap, which number each
 * person gets, and the text with every span replaced.
 */
import type { Kind, Span } from './deidentifyDetectors';

/** Where two spans overlap, the kind with the sharper shape wins, then the longer span. */
const PRIORITY: readonly Kind[] = ['email', 'url', 'ip', 'number', 'phone', 'address', 'zip', 'date', 'age', 'client', 'name', 'place'];

export function resolveOverlaps(spans: readonly Span[]): Span[] {
  const ordered = [...spans].sort(
    (a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Span[] = [];
  for (const s of ordered) {
    if (s.end <= s.start) continue;
    if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s);
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
    let delta = 0;
    for (const sh of shifts) {
      if (sh.at > offset) break;
      delta = sh.delta;
    }
    return offset + delta;
  };
  return { text: out, replaced, map };
}
