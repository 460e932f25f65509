/**
 * Finds a core reason in a table of translations (src/vscode/reasons.ts), values and all.
 * Pure, so the unit tests run it without VS Code.
 */

/** The words of one reason in the display language, given the values the core put in it. */
export type Say = (...values: string[]) => string;

type Pattern = { readonly re: RegExp; readonly say: Say };

const compiled = new WeakMap<object, readonly Pattern[]>();

/** The keys with values, as patterns: "the write failed (EXDEV)" is 'the write failed ({0})'. */
function patternsOf(table: Readonly<Record<string, Say>>): readonly Pattern[] {
  let patterns = compiled.get(table);
  if (!patterns) {
    patterns = Object.entries(table)
      .filter(([english]) => /\{\d\}/.test(english))
      .map(([english, say]) => ({ re: new RegExp(`^${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\d\\\}/g, '(.+)')}$`, 's'), say }));
    compiled.set(table, patterns);
  }
  return patterns;
}

/**
 * A reason from the core in the table's language. A value inside a reason that is itself a
 * reason ("a lock file could not be made beside it: the disk is full") is translated too;
 * other values (a size, an error code, a front-matter key) stay as they are, and a reason
 * the table does not know stays English.
 */
export function translateReason(english: string, table: Readonly<Record<string, Say>>, depth = 0): string {
  const exact = Object.prototype.hasOwnProperty.call(table, english) ? table[english] : undefined;
  if (exact) return exact();
  if (depth > 2) return english;
  for (const { re, say } of patternsOf(table)) {
    const m = re.exec(english);
    if (m) return say(...m.slice(1).map((v) => translateReason(v, table, depth + 1)));
  }
  return english;
}
