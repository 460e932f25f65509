/**
 * Waiting at their pace: when the latest word on a rupture is that the client is not ready,
 * or that it is to be raised only if they bring it up, the next step is to wait. The lens
 * then offers "Hold at their pace" first and the checklist lists it with the held ruptures,
 * with no opening line, so nothing in Attune invites the therapist to raise it.
 */
import { isFilled, normaliseValue, type Field } from './fields';
import { choiceKey, fieldKey } from './fieldKeys';
import type { FollowUp, RuptureEntry } from './note';
import { LIFECYCLE, STEPS, type LifecycleStep } from './status';

/** The fields (by key), their choices and the words in answers of one's own that say "wait". */
const WAIT_WORDS: readonly { readonly field: string; readonly choice: string; readonly words: readonly string[] }[] = [
  // The repair attempt's "they are not ready; I will wait at their pace", or in one's own words.
  {
    field: 'where-it-stands',
    choice: 'not-ready',
    words: ['not ready', 'wait at their pace', 'nicht bereit', 'in seinem tempo', 'no es su momento', 'a su ritmo', 'pas prête', 'pas prêt', 'à son rythme'],
  },
  // The repair plan's "only if they bring it up".
  { field: 'pace', choice: 'only-if-they-bring-it-up', words: ['only if they bring it up'] },
  // The reflection's own plan, before any follow-up.
  { field: 'repair-plan', choice: 'wait-until-ready', words: ['wait until they are ready'] },
];

/** Whether a field's answer says to wait: the choice that says so (in any language), or its words in one's own answer. */
function saysWait(field: Field): boolean {
  const key = fieldKey(field.label);
  if (key === undefined || !isFilled(field.value)) return false;
  return WAIT_WORDS.some(({ field: wanted, choice, words }) => {
    if (key !== wanted) return false;
    if (choiceKey(key, field.value) === choice) return true;
    const value = normaliseValue(field.value);
    return words.some((w) => value.includes(w));
  });
}

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
  return latestWord(entry).some(saysWait);
}

/** "How it landed" in the last repair attempt, when the therapist wrote it. */
export function howTheLastAttemptLanded(entry: RuptureEntry): string | undefined {
  let last: FollowUp | undefined;
  for (const f of entry.followUps) if (f.kind === 'attempt' && (last === undefined || f.line > last.line)) last = f;
  if (!last) return undefined;
  const field = fieldsOf(entry, last).find((f) => fieldKey(f.label) === 'how-it-landed');
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
