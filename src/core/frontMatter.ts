/**
 * The front matter Attune understands: a YAML block that opens with `---` on the first
 * line (after an optional BOM) and closes at a line `---`. Only top-level `key: value`
 * scalars are read; Attune needs `client` and `date` and nothing else, so it carries no
 * YAML parser. Anything it cannot read is left alone, never rewritten.
 */
export interface FrontMatter {
  /** Zero-based index of the closing `---` line. */
  readonly endLine: number;
  /** Top-level scalar values, keys in lower case; the first occurrence of a key wins. */
  readonly values: ReadonlyMap<string, string>;
}

const KEY_VALUE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const FENCE = /^---[ \t]*$/;

/**
 * Reads the front matter, or returns undefined when the note has none or it never closes.
 * Scans only as far as the closing line, so notes without front matter cost almost nothing.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return undefined;
  const values = new Map<string, string>();
  let start = bom;
  for (let line = 0; start <= text.length; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const content = text.slice(start, end);
    if (line === 0) {
      if (!FENCE.test(content)) return undefined;
    } else if (FENCE.test(content)) {
      return { endLine: line, values };
    } else {
      const m = KEY_VALUE.exec(content);
      if (m && m[2] !== undefined) {
        const key = m[1].toLowerCase();
        if (!values.has(key)) values.set(key, scalar(m[2]));
      }
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return undefined;
}

/** A YAML scalar as plain text: quotes removed, a trailing comment dropped. */
function scalar(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'")) {
    const close = s.lastIndexOf(s[0]);
    if (close > 0) {
      const inner = s.slice(1, close);
      return s[0] === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\"/g, '"');
    }
  }
  const comment = s.search(/[ \t]#/);
  return (comment === -1 ? s : s.slice(0, comment)).trim();
}
