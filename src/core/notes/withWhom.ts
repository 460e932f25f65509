/**
 * Couples, families and groups: one case keeps one client code, and a rupture may say who
 * in it the rupture is with (`- **With:** the whole family`, a member's code or a role).
 * Siding with one partner is a classic miss in couple and family work; this is where it goes.
 */
import { isFilled } from './fields';
import { fieldKey } from './fieldKeys';
import type { RuptureEntry } from './note';

/** The field's key: "With", "Mit wem", "Con quién", "Avec qui". */
const WITH_FIELD = 'with';

/** Who the rupture is with, as the therapist wrote it; undefined when not filled in. */
export function withWhom(entry: RuptureEntry): string | undefined {
  const field = entry.fields.find((f) => fieldKey(f.label) === WITH_FIELD);
  return field && isFilled(field.value) ? field.value : undefined;
}
