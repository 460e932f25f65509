/**
 * A heading's inline markdown as the plain text VS Code slugs (close to markdown-it's
 * text): escapes resolved, code spans kept, links and images reduced to their text, HTML
 * tags dropped, entities decoded, paired emphasis markers removed. Linear in the heading's
 * length whatever its shape.
 */
// What markdown-it's tokens hold as text.
//
// The text is read left to right once. A link or image is read where it starts: its text
// is the span from `[` to the `]` that closes it, counting nested brackets and skipping
// escapes and code spans; its destination follows in parentheses. Reading those by
// scanning ahead from every `[` (and from every `[` inside a link, to see whether it holds
// a link) takes quadratic time on headings such as `[a[a[a…` or `[a](` repeated, so the
// answers for every bracket are worked out beforehand, in one pass from the right (see
// `Brackets`). Emphasis delimiters are paired with CommonMark's stack and "openers bottom",
// and text is gathered in parts joined once at the end. A heading is read in time linear in
// its length (times log n at most), whatever its shape; the one exception, which takes
// backticks inside HTML tags or link destinations inside link text, is noted at
// `closingBracket`.

import { isSpace } from './lines';

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const UNICODE_PUNCT = /[\p{P}\p{S}]/u;

/** The first index of sorted `list` whose value is at least `x` (`list.length` when none). */
function lowerBound(list: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Latin-1 letters by their entity names, U+00C0 to U+00FF (`times` and `divide` are symbols). */
const LATIN1_ENTITIES =
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map<string, string>([
  ...LATIN1_ENTITIES.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(0xc0 + i)]),
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['shy', '\u00ad'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
  ['hellip', '…'],
  ['mdash', '—'],
  ['ndash', '–'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['bull', '•'],
  ['middot', '·'],
  ['deg', '°'],
  ['plusmn', '±'],
  ['para', '¶'],
  ['sect', '§'],
  ['euro', '€'],
  ['pound', '£'],
  ['yen', '¥'],
  ['cent', '¢'],
  ['iexcl', '¡'],
  ['iquest', '¿'],
  ['OElig', 'Œ'],
  ['oelig', 'œ'],
  ['Scaron', 'Š'],
  ['scaron', 'š'],
  ['Yuml', 'Ÿ'],
]);

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES.get(body);
}

/** A code span's text: line breaks as spaces, one surrounding space stripped (CommonMark). */
function codeSpanText(content: string): string {
  const c = content.replace(/\r\n|\r|\n/g, ' ');
  return c.length >= 2 && c.startsWith(' ') && c.endsWith(' ') && c.trim() !== '' ? c.slice(1, -1) : c;
}

export const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/;
export const EMAIL_AUTOLINK =
  /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
/** An HTML tag, comment, processing instruction, declaration or CDATA section starting the string. */
export const HTML_INLINE =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!---->|<!--(?:-?[^>-])(?:-?[^-])*-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>)/;
/** How far ahead an autolink or an HTML tag is looked for. */
export const HTML_REACH = 2048;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** The characters the reader stops at (by code); `]` too, so it never reads past a link's text. */
const SPECIAL = new Uint8Array(128);
for (const c of '\\`[]!<&*_\n\r') SPECIAL[c.charCodeAt(0)] = 1;

const OPEN = 1;
const CLOSE = 2;
const TICK = 3;
/** No position: larger than any. */
const FAR = 0x7fffffff;

/**
 * Where every link text ends, worked out once for the whole heading.
 *
 * A link's text runs from `[` to the `]` that closes it: brackets are counted, escaped
 * characters skipped, and a backtick run opens a code span (skipped whole) when a run of
 * the same length follows it somewhere, else it is text. Escapes pair up the same way from
 * wherever one starts reading (a backslash escapes the character after it, and a reading
 * never starts inside a run of backslashes), so only backticks make readings differ: from
 * inside what one reading takes for a code span, another reads the same backticks
 * differently. Each reading is a path through the "events" (unescaped `[` and `]`, and one
 * backtick run each) where a code span jumps ahead; the paths form a forest, and the
 * bracket closing each `[`, as well as whether its text holds a link, is one step of a
 * recurrence over it, filled in from the right.
 */
class Brackets {
  /** Event positions, ascending. */
  readonly pos: number[] = [];
  readonly kind: number[] = [];
  /** For a backtick run: the start of the run that closes it as a code span, or -1. */
  readonly tickCloser: Int32Array;
  /** For a backtick run: the event after it (after its code span, when it has one). */
  readonly tickNext: Int32Array;
  /** The first `]` from here (this event included) where the bracket depth falls below its start, or -1. */
  private readonly drop: Int32Array;
  /**
   * Along the path from here to where `drop` stops: the smallest end of a link (just past
   * its `)`) whose `[` is met (and does not follow `!`), or FAR.
   */
  private readonly linkMin: Int32Array;
  /** By `]` event: `linkEnd`, or -2 until asked. */
  private readonly ends: Int32Array;

  constructor(private readonly text: InlineText) {
    const s = text.s;
    const n = s.length;
    const { pos, kind } = this;
    const tickLength: number[] = [];
    for (let i = 0; i < n;) {
      const c = s.charCodeAt(i);
      if (c === 92 /* \ */) {
        if (s.charCodeAt(i + 1) === 96) {
          // An escaped backtick: what follows it in its run is a run of its own.
          let end = i + 2;
          while (s.charCodeAt(end) === 96) end++;
          if (end > i + 2) {
            pos.push(i + 2);
            kind.push(TICK);
            tickLength[pos.length - 1] = end - i - 2;
          }
          i = end;
        } else i += 2;
      } else if (c === 96 /* ` */) {
        let end = i + 1;
        while (s.charCodeAt(end) === 96) end++;
        pos.push(i);
        kind.push(TICK);
        tickLength[pos.length - 1] = end - i;
        i = end;
      } else {
        if (c === 91 /* [ */ || c === 93 /* ] */) {
          pos.push(i);
          kind.push(c === 91 ? OPEN : CLOSE);
        }
        i++;
      }
    }
    const count = pos.length;
    this.tickCloser = new Int32Array(count).fill(-1);
    this.tickNext = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      if (kind[k] !== TICK) continue;
      const length = tickLength[k];
      const closer = text.closingRun(pos[k] + length, length, n);
      this.tickCloser[k] = closer;
      this.tickNext[k] = closer === -1 ? k + 1 : lowerBound(pos, closer + length);
    }
    this.drop = new Int32Array(count);
    this.linkMin = new Int32Array(count);
    this.ends = new Int32Array(count).fill(-2);
    const { drop, linkMin, tickNext } = this;
    for (let k = count - 1; k >= 0; k--) {
      if (kind[k] === CLOSE) {
        drop[k] = k;
        linkMin[k] = FAR;
      } else if (kind[k] === TICK) {
        const next = tickNext[k];
        drop[k] = next < count ? drop[next] : -1;
        linkMin[k] = next < count ? linkMin[next] : FAR;
      } else {
        const close = k + 1 < count ? drop[k + 1] : -1;
        if (close === -1) {
          drop[k] = -1;
          linkMin[k] = FAR;
          continue;
        }
        drop[k] = close + 1 < count ? drop[close + 1] : -1;
        const end = s[pos[k] - 1] === '!' ? -1 : this.linkEnd(close);
        const inside = k + 1 < count ? linkMin[k + 1] : FAR;
        const after = close + 1 < count ? linkMin[close + 1] : FAR;
        linkMin[k] = Math.min(end === -1 ? FAR : end, inside, after);
      }
    }
  }

  /** The event at position `at`, which must be one. */
  event(at: number): number {
    return lowerBound(this.pos, at);
  }

  /** The `]` event closing the `[` event `open`, reading the whole heading, or -1. */
  match(open: number): number {
    return open + 1 < this.pos.length ? this.drop[open + 1] : -1;
  }

  /** True when the text of the link from `open` to its `match` holds a link (not an image). */
  holdsLink(open: number): boolean {
    const close = this.match(open);
    return open + 1 < this.pos.length && this.linkMin[open + 1] <= this.pos[close];
  }

  /** The end (just past `)`) of the inline link destination after the `]` event `close`, or -1. */
  linkEnd(close: number): number {
    let end = this.ends[close];
    if (end === -2) end = this.ends[close] = this.text.inlineLinkEnd(this.pos[close] + 1);
    return end;
  }
}

/**
 * What inline link destinations need, worked out once: unescaped characters that end a
 * bare destination or a title, and where the parentheses in a bare destination balance.
 * Escapes pair up the same way from wherever a destination starts (just after `(` or a
 * space), so "unescaped" is one property of each position.
 */
class Destinations {
  /** Unescaped spaces and control characters. */
  readonly stops: number[] = [];
  /** Unescaped parentheses, and `drop`: for each, the first `)` from it that closes below its depth, or -1. */
  readonly parens: number[] = [];
  readonly drop: Int32Array;
  readonly closing = new Map<string, number[]>([
    ['"', []],
    ["'", []],
    [')', []],
  ]);

  constructor(s: string) {
    const opens: boolean[] = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 92 /* \ */ && ASCII_PUNCT.test(s[i + 1] ?? '')) {
        i++;
        continue;
      }
      if (isSpace(c) || c < 32) this.stops.push(i);
      else if (c === 40 /* ( */ || c === 41 /* ) */) {
        this.parens.push(i);
        opens.push(c === 40);
        if (c === 41) this.closing.get(')')!.push(i);
      } else if (c === 34 /* " */ || c === 39 /* ' */) this.closing.get(s[i])!.push(i);
    }
    const count = this.parens.length;
    this.drop = new Int32Array(count);
    for (let k = count - 1; k >= 0; k--) {
      if (!opens[k]) this.drop[k] = k;
      else {
        const close = k + 1 < count ? this.drop[k + 1] : -1;
        this.drop[k] = close === -1 || close + 1 >= count ? -1 : this.drop[close + 1];
      }
    }
  }
}

interface Delimiter {
  readonly char: string;
  readonly length: number;
  remaining: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  /** The output part the delimiter's unpaired characters go in. */
  readonly part: number;
}

/** A span being read: the whole heading, or the text of a link or image in it. */
interface Span {
  /** The span, trimmed. */
  readonly lo: number;
  readonly hi: number;
  readonly inImage: boolean;
  readonly whole: boolean;
  /** Where reading goes on. */
  at: number;
  /** The first output part of the span, and of its text since the last delimiter. */
  readonly start: number;
  textStart: number;
  readonly delimiters: Delimiter[];
  /** Brackets read within this span's bounds, when they differ from a whole-heading reading. */
  closes?: Map<number, number>;
}

/** One heading's inline markdown, read into plain text. */
class InlineText {
  private runs?: Map<number, number[]>;
  private brackets?: Brackets;
  private destinations?: Destinations;
  private readonly afterDestination = new Map<number, number>();
  /** Output: the plain text is these parts joined. */
  private readonly parts: string[] = [];
  /** A part where a trimmed span starts with blank parts, and its first part that is not blank. */
  private readonly blanks = new Map<number, number>();

  constructor(readonly s: string) {}

  /** The start of the first backtick run of exactly `length` at or after `from` and before `hi`, or -1. */
  closingRun(from: number, length: number, hi: number): number {
    if (!this.runs) {
      this.runs = new Map();
      const s = this.s;
      for (let i = s.indexOf('`'); i !== -1;) {
        let end = i + 1;
        while (s.charCodeAt(end) === 96) end++;
        let list = this.runs.get(end - i);
        if (!list) this.runs.set(end - i, (list = []));
        list.push(i);
        i = s.indexOf('`', end);
      }
    }
    const list = this.runs.get(length);
    if (!list) return -1;
    const k = lowerBound(list, from);
    return k < list.length && list[k] < hi ? list[k] : -1;
  }

  private skipSpace(i: number): number {
    while (i < this.s.length && isSpace(this.s.charCodeAt(i))) i++;
    return i;
  }

  /** The end (just past `)`) of an inline link's `(destination "title")` starting at `at`, or -1. */
  inlineLinkEnd(at: number): number {
    const s = this.s;
    if (s[at] !== '(') return -1;
    let i = this.skipSpace(at + 1);
    if (s[i] === '<') {
      // Each such scan stops at the next unescaped `<`, so they cover the text once.
      i++;
      while (i < s.length && s[i] !== '>') {
        if (s[i] === '\n' || s[i] === '<') return -1;
        if (s[i] === '\\' && ASCII_PUNCT.test(s[i + 1] ?? '')) i++;
        i++;
      }
      if (s[i] !== '>') return -1;
      i++;
    } else if (i < s.length) {
      // A bare destination ends at a space or control character, or at a `)` that is not balanced.
      const d = (this.destinations ??= new Destinations(s));
      const stop = d.stops[lowerBound(d.stops, i)] ?? s.length;
      const first = lowerBound(d.parens, i);
      const close = first < d.parens.length ? d.drop[first] : -1;
      i = Math.min(stop, close === -1 ? s.length : d.parens[close]);
    }
    // Many destinations may end at the same run of spaces: read what follows it once.
    if (!isSpace(s.charCodeAt(i))) return s[i] === ')' ? i + 1 : -1;
    let end = this.afterDestination.get(i);
    if (end === undefined) {
      end = this.titleAndClose(i);
      this.afterDestination.set(i, end);
    }
    return end;
  }

  private titleAndClose(beforeTitle: number): number {
    const s = this.s;
    let i = this.skipSpace(beforeTitle);
    if (i > beforeTitle && (s[i] === '"' || s[i] === "'" || s[i] === '(')) {
      const d = (this.destinations ??= new Destinations(s));
      const closing = d.closing.get(s[i] === '(' ? ')' : s[i])!;
      const close = closing[lowerBound(closing, i + 1)];
      if (close === undefined) return -1;
      i = this.skipSpace(close + 1);
    }
    return s[i] === ')' ? i + 1 : -1;
  }

  private readonly found = new Map<string, { from: number; at: number }>();

  /** `s.indexOf(needle, from)`, remembered: asked with growing `from`, it reads the text once. */
  private indexOf(needle: string, from: number): number {
    const last = this.found.get(needle);
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
    const at = this.s.indexOf(needle, from);
    this.found.set(needle, { from, at });
    return at;
  }

  /**
   * The end of the inline HTML (tag, comment, processing instruction, declaration or CDATA)
   * at `i` that ends by `reach`, or -1. The last three run to the first `?>`, `>` or `]]>`:
   * found with `indexOf`, not by scanning up to `HTML_REACH` characters from every `<`.
   */
  private htmlEnd(rest: string, i: number, reach: number): number {
    let close: string | undefined;
    let from = i;
    if (rest.startsWith('<?')) [close, from] = ['?>', i + 2];
    else if (rest.startsWith('<![CDATA[')) [close, from] = [']]>', i + 9];
    else if (/^<![A-Za-z]/.test(rest)) [close, from] = ['>', i + 3];
    if (close === undefined) {
      const html = HTML_INLINE.exec(rest);
      return html ? i + html[0].length : -1;
    }
    const at = this.indexOf(close, from);
    return at !== -1 && at + close.length <= reach ? at + close.length : -1;
  }

  /** The `]` event closing the `[` event `open` within `span`, or -1. */
  private closingBracket(span: Span, open: number): number {
    const b = this.brackets!;
    const close = b.match(open);
    if (close !== -1 && b.pos[close] < span.hi) return close;
    if (span.whole) return -1;
    // Within a link's text a code span may close only outside it (then its backticks are
    // text here): read this span alone. Rare: only a `[` that the reading of the whole
    // heading skipped over gets here, which takes a backtick inside an HTML tag, an
    // autolink or a link destination within the link's text. What is read is kept for the
    // span's other brackets, so a span is read about once; spans nested in spans that each
    // need this could still cost time quadratic in the nesting.
    const closes = (span.closes ??= new Map());
    const known = closes.get(open);
    if (known !== undefined) return known;
    const stack = [open];
    for (let k = open + 1; k < b.pos.length && b.pos[k] < span.hi;) {
      if (b.kind[k] === OPEN) {
        let inner = closes.get(k);
        if (inner === undefined) {
          const whole = b.match(k);
          if (whole !== -1 && b.pos[whole] < span.hi) inner = whole;
        }
        if (inner === -1) break;
        if (inner !== undefined) k = inner + 1;
        else stack.push(k++);
      } else if (b.kind[k] === CLOSE) {
        closes.set(stack.pop()!, k);
        if (stack.length === 0) return k;
        k++;
      } else {
        const closer = b.tickCloser[k];
        k = closer !== -1 && closer < span.hi ? b.tickNext[k] : k + 1;
      }
    }
    for (const k of stack) closes.set(k, -1);
    return -1;
  }

  /** True when the text of the link from `open` to `close` (events) holds a link, not an image. */
  private holdsLink(span: Span, open: number, close: number): boolean {
    const b = this.brackets!;
    if (b.match(open) === close) return b.holdsLink(open);
    const end = b.pos[close];
    for (let k = open + 1; k < close;) {
      if (b.kind[k] === OPEN) {
        const inner = this.closingBracket(span, k);
        if (inner !== -1 && this.s[b.pos[k] - 1] !== '!') {
          const after = b.linkEnd(inner);
          if (after !== -1 && after <= end) return true;
        }
        k++;
      } else if (b.kind[k] === TICK) {
        const closer = b.tickCloser[k];
        k = closer !== -1 && closer < end ? b.tickNext[k] : k + 1;
      } else k++;
    }
    return false;
  }

  private span(from: number, to: number, inImage: boolean, whole: boolean): Span | undefined {
    let lo = from;
    let hi = to;
    while (lo < hi && isSpace(this.s.charCodeAt(lo))) lo++;
    while (hi > lo && isSpace(this.s.charCodeAt(hi - 1))) hi--;
    if (lo === hi) return undefined;
    const start = this.parts.length;
    return { lo, hi, inImage, whole, at: lo, start, textStart: start, delimiters: [] };
  }

  /** The plain text of the whole heading. */
  read(): string {
    const spans: Span[] = [];
    const whole = this.span(0, this.s.length, false, true);
    if (whole) spans.push(whole);
    while (spans.length > 0) {
      const span = spans[spans.length - 1];
      const inner = this.readSpan(span);
      if (inner) spans.push(inner);
      else {
        this.finish(span);
        spans.pop();
      }
    }
    return this.parts.join('');
  }

  /** Reads `span` up to the end, or up to a link or image, whose text it returns to be read first. */
  private readSpan(span: Span): Span | undefined {
    const { s, parts } = this;
    const { lo, hi } = span;
    while (span.at < hi) {
      const i = span.at;
      const c = s[i];
      if (c === '\\') {
        const next = i + 1 < hi ? s[i + 1] : undefined;
        if (next !== undefined && ASCII_PUNCT.test(next)) {
          if (!span.inImage) parts.push(next);
          span.at = i + 2;
        } else if (next === '\n') {
          span.at = i + 1; // A hard line break: no text.
        } else {
          parts.push(c);
          span.at = i + 1;
        }
      } else if (c === '`') {
        let run = 1;
        while (i + run < hi && s[i + run] === '`') run++;
        const close = this.closingRun(i + run, run, hi);
        if (close === -1) {
          parts.push(s.slice(i, i + run));
          span.at = i + run;
        } else {
          parts.push(codeSpanText(s.slice(i + run, close)));
          span.at = close + run;
        }
      } else if (c === '[' || (c === '!' && i + 1 < hi && s[i + 1] === '[')) {
        const image = c === '!';
        const b = (this.brackets ??= new Brackets(this));
        const open = b.event(image ? i + 1 : i);
        const close = this.closingBracket(span, open);
        let end = close === -1 ? -1 : b.linkEnd(close);
        if (end > hi) end = -1;
        if (end !== -1 && !image && this.holdsLink(span, open, close)) end = -1;
        if (end === -1) {
          parts.push(c);
          span.at = i + 1;
        } else {
          span.at = end;
          const text = this.span(b.pos[open] + 1, b.pos[close], span.inImage || image, false);
          if (text) return text;
        }
      } else if (c === '<') {
        const reach = Math.min(i + HTML_REACH, hi);
        const rest = s.slice(i, reach);
        const auto = AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest);
        const html = auto ? -1 : this.htmlEnd(rest, i, reach);
        if (auto) {
          parts.push(auto[1]);
          span.at = i + auto[0].length;
        } else if (html !== -1) {
          span.at = html;
        } else {
          parts.push(c);
          span.at = i + 1;
        }
      } else if (c === '&') {
        const m = ENTITY.exec(s.slice(i, Math.min(i + 40, hi)));
        const decoded = m ? decodeEntity(m[1]) : undefined;
        if (m && decoded !== undefined) {
          if (!span.inImage) parts.push(decoded);
          span.at = i + m[0].length;
        } else {
          parts.push(c);
          span.at = i + 1;
        }
      } else if (c === '*' || c === '_') {
        let n = 1;
        while (i + n < hi && s[i + n] === c) n++;
        const before = i === lo ? ' ' : s[i - 1];
        const after = i + n >= hi ? ' ' : s[i + n];
        const beforeSpace = isSpace(before.charCodeAt(0));
        const afterSpace = isSpace(after.charCodeAt(0));
        const beforePunct = UNICODE_PUNCT.test(before);
        const afterPunct = UNICODE_PUNCT.test(after);
        const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
        const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
        span.delimiters.push({
          char: c,
          length: n,
          remaining: n,
          canOpen: c === '*' ? left : left && (!right || beforePunct),
          canClose: c === '*' ? right : right && (!left || afterPunct),
          part: parts.length,
        });
        parts.push('');
        span.textStart = parts.length;
        span.at = i + n;
      } else if (c === '\n' || c === '\r') {
        // A soft line break (setext headings span lines): no text, and no spaces around it.
        this.trimTextEnd(span);
        let j = i + 1;
        while (j < hi && (s[j] === ' ' || s[j] === '\t' || s[j] === '\n' || s[j] === '\r')) j++;
        span.at = j;
      } else {
        let j = i + 1;
        for (let code = s.charCodeAt(j); j < hi && (code >= 128 || SPECIAL[code] === 0); code = s.charCodeAt(++j));
        parts.push(s.slice(i, j));
        span.at = j;
      }
    }
    return undefined;
  }

  /** Drops the spaces and tabs that end the span's text since its last delimiter. */
  private trimTextEnd(span: Span): void {
    const { parts } = this;
    while (parts.length > span.textStart) {
      const last = parts[parts.length - 1];
      let end = last.length;
      while (end > 0 && (last.charCodeAt(end - 1) === 32 || last.charCodeAt(end - 1) === 9)) end--;
      if (end > 0) {
        parts[parts.length - 1] = last.slice(0, end);
        return;
      }
      this.blanks.delete(parts.length - 1);
      parts.pop();
    }
  }

  /** Pairs the span's emphasis markers and trims its text, as the text of a link or of the heading. */
  private finish(span: Span): void {
    const { parts, blanks } = this;
    matchEmphasis(span.delimiters);
    for (const d of span.delimiters) parts[d.part] = d.char.repeat(d.remaining);
    while (parts.length > span.start) {
      const k = parts.length - 1;
      const trimmed = parts[k].trimEnd();
      if (trimmed !== '') {
        parts[k] = trimmed;
        break;
      }
      blanks.delete(k);
      parts.pop();
    }
    let k = span.start;
    while (k < parts.length) {
      const skip = blanks.get(k);
      if (skip !== undefined) {
        k = skip;
        continue;
      }
      const trimmed = parts[k].trimStart();
      parts[k] = trimmed;
      if (trimmed !== '') break;
      k++;
    }
    if (k > span.start) blanks.set(span.start, k);
  }
}

/**
 * Pairs emphasis delimiters (CommonMark's "process emphasis"); paired characters vanish.
 * Potential openers wait on a stack; a closer looks down it for the nearest opener it may
 * pair with. Whatever a closer passes over without pairing can never pair with a later
 * closer of the same kind (same character, same "can open", same length modulo 3), so the
 * next such closer stops where this one began ("openers bottom"): linear time.
 */
function matchEmphasis(delims: Delimiter[]): void {
  const openers: number[] = [];
  const bottom = new Array<number>(12).fill(0);
  for (let k = 0; k < delims.length; k++) {
    const closer = delims[k];
    if (closer.canClose) {
      const kind = (closer.char === '*' ? 0 : 6) + (closer.canOpen ? 3 : 0) + (closer.length % 3);
      while (closer.remaining > 0) {
        let found = -1;
        for (let t = openers.length - 1; t >= 0 && openers[t] >= bottom[kind]; t--) {
          const opener = delims[openers[t]];
          if (opener.char !== closer.char) continue;
          const oddMatch =
            (opener.canClose || closer.canOpen) && (opener.length + closer.length) % 3 === 0 && !(opener.length % 3 === 0 && closer.length % 3 === 0);
          if (!oddMatch) {
            found = t;
            break;
          }
        }
        if (found === -1) {
          bottom[kind] = k;
          break;
        }
        const opener = delims[openers[found]];
        const use = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1;
        opener.remaining -= use;
        closer.remaining -= use;
        // The openers between the pair can no longer open; a spent opener is done too.
        openers.length = opener.remaining > 0 ? found + 1 : found;
      }
    }
    if (closer.canOpen && closer.remaining > 0) openers.push(k);
  }
}

/**
 * For a heading's text `s`: where the inline link destination and title that open with the
 * `(` at `at` end (just past the `)`), or -1. Linear over all the calls on one heading.
 */
export function linkDestinations(s: string): (at: number) => number {
  const reader = new InlineText(s);
  return (at) => reader.inlineLinkEnd(at);
}

/**
 * A heading's inline markdown as the plain text VS Code slugs (close to markdown-it's
 * text): escapes resolved, code spans kept, links and images reduced to their text,
 * HTML tags dropped, entities decoded, paired emphasis markers removed.
 */
export function headingPlainText(markdown: string): string {
  return new InlineText(markdown.trim()).read();
}
