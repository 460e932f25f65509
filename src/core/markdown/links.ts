/** Links between notes, written as VS Code resolves them. */
const URI_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

function segments(p: string): string[] {
  const parts = p.replace(/\\/g, '/').split('/');
  if (!URI_LIKE.test(p)) return parts;
  return parts.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

/** Percent-encodes what would end or confuse a markdown link destination; other text stays readable. */
function encodeSegment(segment: string): string {
  return segment.replace(/[\s()<>[\]#?%\\^`{}|"]/gu, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
}

/**
 * The link destination from one note to another (and to a heading in it), as VS Code
 * resolves it: a relative path with `/` separators, `..` where needed, awkward characters
 * percent-encoded. Both paths must be of the same kind: workspace-relative paths, file
 * system paths, or URI strings. A link to the note itself is the fragment alone.
 */
export function relativeLink(fromNote: string, toNote: string, anchor?: string): string {
  const from = segments(fromNote);
  const to = segments(toNote);
  const fragment = anchor ? `#${anchor}` : '';
  if (from.length === to.length && from.every((s, i) => s === to[i])) return fragment || encodeSegment(to[to.length - 1]);
  const fromDir = from.slice(0, -1);
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && fromDir[common] === to[common]) common++;
  const up = fromDir
    .slice(common)
    .filter((s) => s !== '' && s !== '.')
    .map(() => '..');
  const down = to.slice(common).filter((s, i, all) => i === all.length - 1 || (s !== '' && s !== '.'));
  return [...up, ...down.map(encodeSegment)].join('/') + fragment;
}
