/**
 * The front matter Attune understands: a YAML block that opens with `---` on the first
 * line (after an optional BOM) and closes at a line `---`. Only top-level `key: value`
 * scalars are read; Attune needs `client` and `date` and nothing else, so it carries no
 * YAML parser. Anything it cannot read is left alone, never rewritten.
 */
interface FrontMatter {
  /** Zero-based index of the closing `---` line. */
  readonly endLine: number;
  /** Top-level scalar values, keys in lower case; the first occurrence of a key wins. */
  readonly values: ReadonlyMap<string, string>;
}

const KEY = /^([A-Za-z_][\w-]*)[ \t]*:/;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Whether the line from `start` to `end` is `---`, blanks after it allowed. */
function isFence(text: string, start: number, end: number): boolean {
  if (end - start < 3 || text.charCodeAt(start) !== 45 || text.charCodeAt(start + 1) !== 45 || text.charCodeAt(start + 2) !== 45) return false;
  for (let i = start + 3; i < end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
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

/** A value Attune could not read as a plain YAML scalar: its key and why. */
export interface FrontMatterProblem {
  /** Zero-based line of the key. */
  readonly line: number;
  /** The key, in lower case. */
  readonly key: string;
  readonly why: 'block' | 'quote';
}

/**
 * Reads the front matter, or returns undefined when the note has none or it never closes.
 * Scans only as far as the closing line, so notes without front matter cost almost nothing.
 * Values it cannot read (block scalars, unclosed quotes) are left out and, when
 * `problems` is given, listed there. With `keys` (lower case), only those values are read:
 * the scan needs two of them from every note.
 */
export function readFrontMatter(text: string, problems?: FrontMatterProblem[], keys?: readonly string[]): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return undefined;
  const values = new Map<string, string>();
  const found: FrontMatterProblem[] = [];
  let start = bom;
  for (let line = 0; start <= text.length; line++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    if (line === 0) {
      if (!isFence(text, start, end)) return undefined;
    } else if (isFence(text, start, end)) {
      if (found.length > 0) problems?.push(...found);
      return { endLine: line, values };
    } else {
      const content = text.slice(start, end);
      const kv = keyValue(content);
      if (kv && kv.value !== undefined) {
        const key = kv.key.toLowerCase();
        if (!values.has(key) && (!keys || keys.includes(key))) {
          const value = scalar(kv.value);
          if (typeof value === 'string') values.set(key, value);
          else if (value) found.push({ line, key, why: value.why });
        }
      }
    }
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return undefined;
}

const NULL = /^(?:~|null|Null|NULL)$/;
const BLOCK = /^[|>][+-]?[1-9]?[+-]?(?:[ \t]+#.*)?$/;

/** Whether the rest of a line after a quoted scalar is blank or a comment, as YAML allows. */
function endsCleanly(rest: string): boolean {
  return /^[ \t]*(?:#.*)?$/.test(rest) && !/^#/.test(rest);
}

/**
 * A YAML scalar as YAML reads it in the plain cases: a comment starts at a `#` after a
 * blank (or at the start); `'...'` doubles its quotes, `"..."` has backslash escapes; `~`,
 * `null` and nothing at all are no value (undefined). Block scalars (`|`, `>`) and
 * unclosed quotes are reported, not read.
 */
function scalar(raw: string): string | undefined | { why: 'block' | 'quote' } {
  const s = raw.trim();
  if (s === '' || s[0] === '#') return undefined;
  if (s[0] === "'") {
    let out = '';
    for (let i = 1; i < s.length; i++) {
      if (s[i] !== "'") out += s[i];
      else if (s[i + 1] === "'") out += s[++i];
      else return endsCleanly(s.slice(i + 1)) ? out : { why: 'quote' };
    }
    return { why: 'quote' };
  }
  if (s[0] === '"') {
    let out = '';
    for (let i = 1; i < s.length; i++) {
      const c = s[i];
      if (c === '"') return endsCleanly(s.slice(i + 1)) ? out : { why: 'quote' };
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = s[++i];
      const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hex) {
        const digits = s.slice(i + 1, i + 1 + hex);
        if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) return { why: 'quote' };
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) return { why: 'quote' };
        out += String.fromCodePoint(code);
        i += hex;
      } else if (e !== undefined && Object.prototype.hasOwnProperty.call(ESCAPES, e)) out += ESCAPES[e];
      else return { why: 'quote' };
    }
    return { why: 'quote' };
  }
  // Cheap first-character and length checks spare most values the regular expressions.
  if ((s[0] === '|' || s[0] === '>') && BLOCK.test(s)) return { why: 'block' };
  const comment = s.includes('#') ? s.search(/[ \t]#/) : -1;
  const plain = comment === -1 ? s : s.slice(0, comment).trim();
  const c = plain.charCodeAt(0);
  // `~`, `n` or `N`: only then can it be a null form.
  return (c === 126 || c === 110 || c === 78) && plain.length <= 4 && NULL.test(plain) ? undefined : plain;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/**
 * A value written so that readFrontMatter reads it back exactly: as it is when it reads
 * back plainly, else double-quoted. A client code such as `A #1` stays itself.
 */
export function yamlValue(value: string): string {
  const plain = value !== '' && value === value.trim() && scalar(value) === value;
  if (plain && !/^[[\]{}&*!%@`,?:-]|: |:$/.test(value)) return value;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
