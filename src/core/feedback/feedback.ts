/**
 * The client's own feedback on the sessions: the number the clinician wrote in the
 * "Alliance feedback score" field, read back over time. Attune never scores anyone: it
 * reads only the clinician's own number, on whatever scale they use, and compares a
 * client only with their own last time.
 */
import { isFilled, type Field } from '../notes/fields';
import { startKey } from '../notes/fieldKeys';
import type { IndexedNote } from '../notes/note';

export interface Score {
  readonly score: number;
  /** The scale's maximum when the value states one (`34/40`, `7 of 10`), else null. */
  readonly max: number | null;
}

export interface FeedbackPoint extends Score {
  readonly date: string;
  /** The note's path, as the index names it. */
  readonly file: string;
  /** Zero-based line of the field. */
  readonly line: number;
}

const NUMBER = /\d+(?:\.\d+)?/;
const MAXIMUM = /^(?:[ \t]*\/[ \t]*|[ \t]+of[ \t]+)(\d+(?:\.\d+)?)/i;

/** A score and where it is written in the value: `start` to `end` covers the number and its maximum. */
interface ScoreSpan extends Score {
  readonly start: number;
  readonly end: number;
}

/**
 * Reads the score and its span. A number too long to be a number at all (hundreds of
 * digits) is not a score, and such a maximum is no maximum: JSON would print them as null.
 */
export function scoreSpan(value: string): ScoreSpan | undefined {
  const m = NUMBER.exec(value);
  if (!m) return undefined;
  const score = Number(m[0]);
  if (!Number.isFinite(score)) return undefined;
  const after = m.index + m[0].length;
  const rest = MAXIMUM.exec(value.slice(after));
  const max = rest ? Number(rest[1]) : null;
  const usable = max !== null && Number.isFinite(max);
  return { score, max: usable ? max : null, start: m.index, end: usable && rest ? after + rest[0].length : after };
}

/** The first number in a field's value and the maximum written after it, or undefined when there is no number. */
export function parseScore(value: string): Score | undefined {
  const s = scoreSpan(value);
  return s && { score: s.score, max: s.max };
}

/** A score as the clinician wrote it: `34/40`, or `8` when no maximum was given. */
export function formatScore(s: Score): string {
  return s.max === null ? String(s.score) : `${s.score}/${s.max}`;
}

/**
 * The note's last field of this key (`feedback-score` or `feedback-heard`: its label begins
 * with the field's label in any of the four languages), wherever it stands: the index keeps
 * these fields of every note.
 */
function lastFieldStartingWith(note: IndexedNote, key: string): Field | undefined {
  let last: Field | undefined;
  const consider = (fields: readonly Field[]): void => {
    for (const f of fields) {
      if ((last === undefined || f.line > last.line) && startKey(f.label) === key) last = f;
    }
  };
  consider(note.feedback);
  for (const e of note.entries) consider(e.fields);
  return last;
}

/** The note's last field whose label begins with "Alliance feedback score" (or its words in another template language), wherever it stands. */
export function feedbackField(note: IndexedNote): Field | undefined {
  return lastFieldStartingWith(note, 'feedback-score');
}

/** The note's feedback score with its line, or undefined when its last feedback field holds no number. */
export function noteScore(note: IndexedNote): (Score & { readonly line: number }) | undefined {
  const field = feedbackField(note);
  const score = field && parseScore(field.value);
  return score && field ? { ...score, line: field.line } : undefined;
}

/** The scores of a client's dated notes, oldest first (notes of one day by path). */
export function feedbackSeries(notes: Iterable<IndexedNote>, client: string): FeedbackPoint[] {
  const points: FeedbackPoint[] = [];
  for (const note of notes) {
    if (note.client !== client || note.date === null) continue;
    const s = noteScore(note);
    if (s) points.push({ date: note.date, score: s.score, max: s.max, file: note.path, line: s.line });
  }
  return points.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * Two scores on a footing to compare: shares of their maximums when both state a usable
 * one, plain numbers when neither does. A score with a maximum and one without are on
 * scales that cannot be told apart (is "9" out of 10 or out of 40?), so never compared.
 */
function comparable(a: Score, b: Score): [number, number] | undefined {
  if (a.max === null && b.max === null) return [a.score, b.score];
  if (a.max !== null && b.max !== null && a.max > 0 && b.max > 0) return [a.score / a.max, b.score / b.max];
  return undefined;
}

/**
 * Whether the latest score is lower than the one before it (as shares of their maximums
 * when both state one; never when only one does), or below the clinician's own threshold
 * when they set one. A prompt to check in gently, never a label of the client.
 */
export function feedbackLower(series: readonly Score[], threshold?: number): boolean {
  const latest = series[series.length - 1];
  if (latest === undefined) return false;
  if (threshold !== undefined && latest.score < threshold) return true;
  if (series.length < 2) return false;
  const pair = comparable(latest, series[series.length - 2]);
  return pair !== undefined && pair[0] < pair[1];
}

/** From this share of the scale's maximum up, a score is near the top. */
const NEAR_TOP = 0.9;

/** Whether a score states its maximum and sits near it (36 of 40 is; 8 alone is unknown). */
export function nearTop(score: Score | undefined): boolean {
  return score !== undefined && score.max !== null && score.max > 0 && score.score / score.max >= NEAR_TOP;
}

/** The one gentle line for a near-top score. */
export const NEAR_TOP_LINE = 'High scores can hide small complaints: perhaps ask what could have been a little better for them.';

/**
 * The scores the feedback chart draws: those on the latest score's scale (the same stated
 * maximum, or none stated), so one line never joins two scales into what looks like a fall
 * (35 of 40 beside 8 of 10, or beside a bare 8). The table beside the chart lists them all.
 */
export function chartedScores<T extends Score>(points: readonly T[]): T[] {
  const latest = points[points.length - 1];
  return latest === undefined ? [] : points.filter((p) => p.max === latest.max);
}

/**
 * The feedback chart's axis: from 0 to the scale's maximum (the largest stated, when the
 * scores state one), so 36 then 35 of 40 looks like the small step it is, never a collapse.
 * Without any stated maximum, from 0 to the chart's own choice.
 */
export function feedbackAxis(points: readonly Score[]): { readonly min: 0; readonly max: number | undefined } {
  let max: number | undefined;
  for (const p of points) if (p.max !== null && p.max > 0 && (max === undefined || p.max > max)) max = p.max;
  for (const p of points) if (max !== undefined && p.score > max) max = p.score;
  return { min: 0, max };
}

/** What the client said when asked for feedback, as the clinician wrote it. */
export interface HeardWords {
  readonly date: string;
  readonly words: string;
}

/**
 * The last "Feedback I asked for, and what I heard" value of the client's most recent
 * note dated before `today` (of one day, the last by path), when it holds an answer.
 * Only that note is read: words from an older session would not be "last time".
 */
export function heardLastTime(notes: Iterable<IndexedNote>, client: string, today: string): HeardWords | undefined {
  let latest: IndexedNote | undefined;
  for (const note of notes) {
    if (note.client !== client || note.date === null || note.date >= today) continue;
    if (!latest || note.date > (latest.date ?? '') || (note.date === latest.date && note.path > latest.path)) latest = note;
  }
  const field = latest && lastFieldStartingWith(latest, 'feedback-heard');
  return latest?.date && field && isFilled(field.value) ? { date: latest.date, words: field.value } : undefined;
}
