/**
 * The client's feedback, before the session: their recent scores in one line, the words
 * the clinician heard last time, and, after a dip, a gentle task to check in early. It
 * joins the "Before the session" checklist through the checks it is given, so the
 * checklist itself needs to know nothing about feedback.
 */
import { feedbackLower, feedbackSeries, formatScore, heardLastTime, NEAR_TOP_LINE, nearTop, type FeedbackPoint, type HeardWords } from './feedback';
import type { IndexedNote } from '../notes/note';

/** How many of the latest scores the checklist and the view show. */
export const RECENT_SCORES = 5;

export interface FeedbackBrief {
  /** The last five scores of the client's dated notes, oldest first. */
  readonly recent: readonly FeedbackPoint[];
  /** The rule of `feedbackLower`: a dip from the time before, or below the clinician's own threshold. */
  readonly lower: boolean;
  /** Why `lower` is true, so the task can say why it appeared. */
  readonly reason: 'dip' | 'threshold' | undefined;
  readonly heard: HeardWords | undefined;
  /** The latest score sits near the top of its stated scale (and did not dip). */
  readonly nearTop: boolean;
}

/** Everything the checklist says about a client's feedback, read from their notes. */
export function feedbackBrief(notes: Iterable<IndexedNote>, client: string, today: string, threshold?: number): FeedbackBrief {
  const all = [...notes];
  const series = feedbackSeries(all, client);
  const usable = threshold !== undefined && Number.isFinite(threshold) ? threshold : undefined;
  const dip = feedbackLower(series);
  const lower = dip || feedbackLower(series, usable);
  return {
    recent: series.slice(-RECENT_SCORES),
    lower,
    reason: dip ? 'dip' : lower ? 'threshold' : undefined,
    heard: heardLastTime(all, client, today),
    nearTop: !lower && nearTop(series[series.length - 1]),
  };
}

/** "34/40 (2026-11-06), 31/40 (2026-11-13)": scores as text, oldest first. */
export function scoresText(points: readonly FeedbackPoint[]): string {
  return points.map((p) => `${formatScore(p)} (${p.date})`).join(', ');
}

/**
 * The clinician's own words, ready to stand in a quotation: quotation marks added unless
 * they open the value already, and an HTML comment opener defused so it cannot hide the
 * rest of the checklist.
 */
function quoted(words: string): string {
  const safe = words.replace(/<!--/g, '<\\!--');
  return /^["“'‘]/.test(safe) ? safe : `"${safe}"`;
}

/** The gentle task after a dip, saying why it appeared; undefined when there was none. */
export function checkInTask(brief: FeedbackBrief): string | undefined {
  if (!brief.lower) return undefined;
  const why =
    brief.reason === 'dip'
      ? 'Their feedback score last time was lower than the time before.'
      : 'Their feedback score last time was below the number you chose to be reminded at.';
  return `- [ ] ${why} Early on, check in gently about how the last session was for them, and thank them for telling you.`;
}

/** The feedback part of the checklist as markdown (lines joined with `\n`), or '' when there is nothing to show. */
export function feedbackBlock(brief: FeedbackBrief): string {
  const parts: string[] = [];
  if (brief.recent.length > 0) parts.push(`Recent feedback scores, oldest first: ${scoresText(brief.recent)}.${brief.nearTop ? ` ${NEAR_TOP_LINE}` : ''}`);
  if (brief.heard) parts.push(`What you heard when you asked for feedback last time (${brief.heard.date}):\n> ${quoted(brief.heard.words)}`);
  const task = checkInTask(brief);
  if (task) parts.push(task);
  return parts.join('\n\n');
}

/** The checks with the feedback block before them, for `buildChecklist`'s `checks`. */
export function checksWithFeedback(checks: string, brief: FeedbackBrief): string {
  const block = feedbackBlock(brief);
  if (!block) return checks;
  const rest = checks.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
  return rest.trim() === '' ? block : `${block}\n\n${rest}`;
}
