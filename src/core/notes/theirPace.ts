/**
 * Waiting at their pace: when the latest word on a rupture is that the client is not ready,
 * or that it is to be raised only if they bring it up, the next step is to wait. The lens
 * then offers "Hold at their pace" first and the checklist lists it with the held ruptures,
 * with no opening line, so nothing in Attune invites the therapist to raise it.
 */
import { isFilled, normaliseValue, sameLabel, type Field } from './fields';
import type { FollowUp, RuptureEntry } from './note';
import { LIFECYCLE, STEPS, type LifecycleStep } from './status';

/** The fields, and the words in their answers, that say "wait". */
const WAIT_WORDS: readonly { readonly label: string; readonly words: readonly string[] }[] = [
  // The repair attempt's "they are not ready; I will wait at their pace", or in one's own words.
  { label: 'Where it stands', words: ['not ready', 'wait at their pace'] },
  // The repair plan's "only if they bring it up".
  { label: 'Pace', words: ['only if they bring it up'] },
  // The reflection's own plan, before any follow-up.
  { label: 'Repair plan', words: ['wait until they are ready'] },
];

/** The follow-up written last in the section (the one lowest in the note). */
function latestFollowUp(entry: RuptureEntry): FollowUp | undefined {
  let latest: FollowUp | undefined;
  for (const f of entry.followUps) if (latest === undefined || f.line > latest.line) latest = f;
  return latest;
}

/** The fields under a follow-up heading: from it to the next follow-up (or the section's end). */
function fieldsOf(entry: RuptureEntry, followUp: FollowUp): Field[] {
  let end = entry.sectionEnd;
  for (const f of entry.followUps) if (f.line > followUp.line && f.line < end) end = f.line;
  return entry.fields.filter((f) => f.line > followUp.line && f.line < end);
}

/** The fields that give the latest word: the latest follow-up's, or the reflection's own before any. */
function latestWord(entry: RuptureEntry): readonly Field[] {
  const latest = latestFollowUp(entry);
  if (latest) return fieldsOf(entry, latest);
  const first = entry.followUps.length > 0 ? Math.min(...entry.followUps.map((f) => f.line)) : entry.sectionEnd;
  return entry.fields.filter((f) => f.line < first);
}

/**
 * Whether the latest word on an open, planned or attempted rupture says to wait: the client
 * is not ready, or it is to be raised only if they bring it up.
 */
export function waitsForThem(entry: RuptureEntry): boolean {
  if (entry.status !== 'open' && entry.status !== 'planned' && entry.status !== 'attempted') return false;
  return latestWord(entry).some((field) =>
    WAIT_WORDS.some(({ label, words }) => sameLabel(field.label, label) && isFilled(field.value) && words.some((w) => normaliseValue(field.value).includes(w))),
  );
}

/** "How it landed" in the last repair attempt, when the therapist wrote it. */
export function howTheLastAttemptLanded(entry: RuptureEntry): string | undefined {
  let last: FollowUp | undefined;
  for (const f of entry.followUps) if (f.kind === 'attempt' && (last === undefined || f.line > last.line)) last = f;
  if (!last) return undefined;
  const field = fieldsOf(entry, last).find((f) => sameLabel(f.label, 'How it landed'));
  return field && isFilled(field.value) ? field.value : undefined;
}

/**
 * The steps a rupture offers, most likely first: LIFECYCLE's, except that a rupture whose
 * latest word says to wait offers "Hold at their pace" first, and "Mark repaired" last.
 */
export function stepsFor(entry: RuptureEntry): readonly LifecycleStep[] {
  const steps = LIFECYCLE[entry.status];
  if (!waitsForThem(entry)) return steps;
  const rest = steps.filter((s) => s !== STEPS.hold && s !== STEPS.repaired);
  return [STEPS.hold, ...rest, ...(steps.includes(STEPS.repaired) ? [STEPS.repaired] : [])];
}
