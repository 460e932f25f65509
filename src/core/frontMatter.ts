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

const KEY = /^([A-Za-z_][\w-]*)[ \t]*:/;
const FENCE = /^---[ \t]*$/;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Reads a `key: value` line: the key, and the value without the blanks around it
 * (undefined for `key:` alone). Done by hand: the one regular expression it replaces,
 * `/^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/`, backtracked quadratically over a
 * long run of spaces inside a value (40,000 spaces took seconds). Reads exactly the lines
 * that expression read.
 */
function keyValue(content: string): { key: string; value: string | undefined } | undefined {
  const m = KEY.exec(content);
  if (!m) return undefined;
  let start = m[0].length;
  if (start === content.length) return { key: m[1], value: undefined };
  if (!isBlank(content.charCodeAt(start))) return undefined;
  // As `.` in that expression, a value never holds a line or paragraph separator.
  if (content.indexOf('\u2028', start) !== -1 || content.indexOf('\u2029', start) !== -1) return undefined;
  while (start < content.length && isBlank(content.charCodeAt(start))) start++;
  let end = content.length;
  while (end > start && isBlank(content.charCodeAt(end - 1))) end--;
  return { key: m[1], value: content.slice(start, end) };
}

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
      const kv = keyValue(content);
      if (kv && kv.value !== undefined) {
        const key = kv.key.toLowerCase();
        if (!values.has(key)) values.set(key, scalar(kv.value));
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
