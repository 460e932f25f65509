/**
 * When a client code may name a folder. A code becomes a folder name only for a client's
 * first note, and only when it is one plain path segment: nothing that climbs out of the
 * workspace (`..`, `/`, `\`), hides (a leading dot), or that a file system refuses or
 * mangles (control characters, `:*?"<>|`, a leading or trailing space, Windows device names),
 * and nothing that shows as something else: an invisible character (U+200B) or a
 * bidirectional control (U+202E, U+2066) makes one code look like another, or hide.
 */

// Controls, format characters (zero-width spaces and joiners, bidi marks, overrides and
// isolates, the BOM, soft hyphen), line and paragraph separators, private and unassigned
// code points, and any space but the plain one (no-break and ideographic spaces look alike).
const UNSEEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?! )\s|[\u115f\u1160\u3164\uffa0\u2800]/u;

/** The reason a code cannot be a folder name, in words for the user; undefined when it can. */
export function clientCodeProblem(code: string): string | undefined {
  if (code.trim() === '') return 'Enter a client code.';
  if (code !== code.trim()) return 'A code cannot start or end with a space.';
  if (/[\x00-\x1f\x7f-\x9f\u2028\u2029]/.test(code)) return 'A code cannot hold control characters or line breaks.';
  if (UNSEEN.test(code)) return 'A code cannot hold invisible characters or marks that change the direction of text.';
  if (/[\\/]/.test(code)) return 'A code cannot contain / or \\.';
  if (code.includes('..')) return 'A code cannot contain "..".';
  if (code.startsWith('.')) return 'A code cannot start with a dot.';
  if (/[:*?"<>|]/.test(code)) return 'A code cannot contain : * ? " < > |.';
  if (/^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i.test(code)) return 'That code is a name Windows reserves; add a letter or number.';
  if ([...code].length > 40) return 'Keep the code short (40 characters at most).';
  return undefined;
}
