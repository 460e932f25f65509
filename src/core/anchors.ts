/**
 * Heading anchors (slugs) as VS Code's markdown language service computes them when it
 * checks links such as `[t](../2026-11-13.md#heading-anchor)`, so the links Attune writes
 * pass VS Code's link validation and open the right heading.
 *
 * The language service (vscode-markdown-languageservice, since 0.5.0-alpha.5) follows
 * github-slugger:
 *   1. the heading's text as plain text (the inline markdown rendered: emphasis markers,
 *      link targets and HTML tags dropped; code spans, link text and image alt text kept);
 *   2. trimmed and lower-cased;
 *   3. every character removed that is not a letter, a mark, a decimal digit, a connector
 *      (such as `_`), a space or `-` (so punctuation, symbols and emoji go);
 *   4. each remaining space becomes `-` (runs are not collapsed: `a - b` gives `a---b`).
 * A repeated slug gets `-1`, `-2`, ... in document order. Fragments are matched without
 * regard to case.
 *
 * A rupture heading is slugged whole, tag included as written: `## Too soon #rupture/open`
 * has the anchor `too-soon-ruptureopen`, which therefore changes with the status.
 *
 * Known approximations, all rare in session notes: headings inside block quotes or list
 * items are not seen; reference-style links are read as text; of the named HTML entities
 * only the common ones are decoded.
 */
import { readFrontMatter } from './frontMatter';
import { indentWidth, splitLines, type Line } from './lines';
import { forEachMarkdownLine, parseHeading } from './note';

export interface HeadingAnchor {
  /** Zero-based line of the heading (the first line of its text, for a setext heading). */
  readonly line: number;
  /** 1 to 6. */
  readonly level: number;
  /** The heading as plain text, the way VS Code reads it before slugging. */
  readonly text: string;
  /** The fragment that links to the heading, without `#`; unique within the note. */
  readonly anchor: string;
}

// github-slugger keeps letters (including the few alphabetic symbols such as Ⓐ), marks,
// decimal digits, connector punctuation, the space and `-`; everything else goes.
// Checked code point by code point against its generated table for Unicode 13.
const NOT_SLUG = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc} -]/gu;

/** The slug of a heading's plain text, before duplicates are numbered. */
export function slugify(plainText: string): string {
  return plainText.trim().toLowerCase().replace(NOT_SLUG, '').replace(/\s/g, '-');
}

/**
 * Numbers repeated slugs the way VS Code does: the second `notes` is `notes-1`, the third
 * `notes-2`. Feed it every heading of a note in document order.
 */
export class AnchorBuilder {
  private readonly seen = new Map<string, number>();

  add(plainText: string): string {
    const slug = slugify(plainText);
    const count = this.seen.get(slug);
    if (count === undefined) {
      this.seen.set(slug, 0);
      return slug;
    }
    this.seen.set(slug, count + 1);
    return `${slug}-${count + 1}`;
  }
}

/** True when a link's fragment (without `#`, possibly percent-encoded) names this anchor. */
export function fragmentMatches(fragment: string, anchor: string): boolean {
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // A stray `%` stays as written, as VS Code's URI parser leaves it.
  }
  return decoded.toLowerCase() === anchor.toLowerCase();
}

// ---------------------------------------------------------------------------------------
// Inline markdown to plain text (what markdown-it's tokens hold as text).

const ASCII_PUNCT = /[!-\/:-@\[-`{-~]/;
const UNICODE_SPACE = /\s/u;
const UNICODE_PUNCT = /[\p{P}\p{S}]/u;

type Piece =
  | { readonly kind: 'text'; readonly value: string }
  | { kind: 'delim'; readonly char: string; readonly length: number; remaining: number; canOpen: boolean; readonly canClose: boolean };

/** Latin-1 letters by their entity names, U+00C0 to U+00FF (`times` and `divide` are symbols). */
const LATIN1_ENTITIES =
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map<string, string>([
  ...LATIN1_ENTITIES.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(0xc0 + i)]),
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'],
  ['ensp', '\u2002'], ['emsp', '\u2003'], ['thinsp', '\u2009'], ['shy', '\u00ad'], ['copy', '©'],
  ['reg', '®'], ['trade', '™'], ['hellip', '…'], ['mdash', '—'], ['ndash', '–'], ['lsquo', '‘'],
  ['rsquo', '’'], ['ldquo', '“'], ['rdquo', '”'], ['laquo', '«'], ['raquo', '»'], ['bull', '•'],
  ['middot', '·'], ['deg', '°'], ['plusmn', '±'], ['para', '¶'], ['sect', '§'], ['euro', '€'],
  ['pound', '£'], ['yen', '¥'], ['cent', '¢'], ['iexcl', '¡'], ['iquest', '¿'], ['OElig', 'Œ'],
  ['oelig', 'œ'], ['Scaron', 'Š'], ['scaron', 'š'], ['Yuml', 'Ÿ'],
]);

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES.get(body);
}

/** Finds the closing backtick run of exactly `run` backticks, or -1. */
function closingBackticks(s: string, from: number, run: number): number {
  for (let i = s.indexOf('`', from); i !== -1; i = s.indexOf('`', i)) {
    let n = 0;
    while (s[i + n] === '`') n++;
    if (n === run) return i;
    i += n;
  }
  return -1;
}

/** A code span's text: line breaks as spaces, one surrounding space stripped (CommonMark). */
function codeSpanText(content: string): string {
  const c = content.replace(/\r\n|\r|\n/g, ' ');
  return c.length >= 2 && c.startsWith(' ') && c.endsWith(' ') && c.trim() !== '' ? c.slice(1, -1) : c;
}

/** The `]` closing the link text that opens at `open`, skipping escapes and code spans. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      const close = closingBackticks(s, i + run, run);
      i = close === -1 ? i + run - 1 : close + run - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The end (just past `)`) of an inline link's `(destination "title")` starting at `at`, or -1. */
function inlineLinkEnd(s: string, at: number): number {
  if (s[at] !== '(') return -1;
  let i = at + 1;
  const skipSpace = (): void => {
    while (i < s.length && UNICODE_SPACE.test(s[i])) i++;
  };
  skipSpace();
  if (s[i] === '<') {
    i++;
    while (i < s.length && s[i] !== '>') {
      if (s[i] === '\n' || s[i] === '<') return -1;
      if (s[i] === '\\') i++;
      i++;
    }
    if (s[i] !== '>') return -1;
    i++;
  } else {
    let depth = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\\' && i + 1 < s.length) i += 2;
      else if (c === '(') {
        depth++;
        i++;
      } else if (c === ')') {
        if (depth === 0) break;
        depth--;
        i++;
      } else if (UNICODE_SPACE.test(c) || c.charCodeAt(0) < 32) break;
      else i++;
    }
  }
  const beforeTitle = i;
  skipSpace();
  if (i > beforeTitle && (s[i] === '"' || s[i] === "'" || s[i] === '(')) {
    const close = s[i] === '(' ? ')' : s[i];
    i++;
    while (i < s.length && s[i] !== close) i += s[i] === '\\' ? 2 : 1;
    if (s[i] !== close) return -1;
    i++;
    skipSpace();
  }
  return s[i] === ')' ? i + 1 : -1;
}

const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/;
const EMAIL_AUTOLINK = /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/;
const HTML_INLINE = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!---->|<!--(?:-?[^>-])(?:-?[^-])*-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>)/;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/** True when `s` holds an inline link (not an image): a link's text may not hold one. */
function holdsLink(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      const close = closingBackticks(s, i + run, run);
      i = close === -1 ? i + run - 1 : close + run - 1;
    } else if (c === '[' && s[i - 1] !== '!') {
      const close = closingBracket(s, i);
      if (close !== -1 && inlineLinkEnd(s, close + 1) !== -1) return true;
    }
  }
  return false;
}

/**
 * Splits inline markdown into text and emphasis delimiter runs (`*`, `_`). In an image's
 * alt text, escaped characters and entities give no text: markdown-it leaves them there
 * as tokens VS Code does not read.
 */
function scanInline(s: string, inImage: boolean): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  const flush = (): void => {
    if (text) pieces.push({ kind: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      if (next !== undefined && ASCII_PUNCT.test(next)) {
        if (!inImage) text += next;
        i += 2;
      } else if (next === '\n') {
        i++; // A hard line break: no text.
      } else {
        text += c;
        i++;
      }
    } else if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      const close = closingBackticks(s, i + run, run);
      if (close === -1) {
        text += s.slice(i, i + run);
        i += run;
      } else {
        text += codeSpanText(s.slice(i + run, close));
        i = close + run;
      }
    } else if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const image = c === '!';
      const open = image ? i + 1 : i;
      const close = closingBracket(s, open);
      let end = close === -1 ? -1 : inlineLinkEnd(s, close + 1);
      if (end !== -1 && !image && holdsLink(s.slice(open + 1, close))) end = -1;
      if (end === -1) {
        text += c;
        i++;
      } else {
        text += plainText(s.slice(open + 1, close), inImage || image);
        i = end;
      }
    } else if (c === '<') {
      const rest = s.slice(i, i + 2048);
      const auto = AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest);
      const html = auto ? undefined : HTML_INLINE.exec(rest);
      if (auto) {
        text += auto[1];
        i += auto[0].length;
      } else if (html) {
        i += html[0].length;
      } else {
        text += c;
        i++;
      }
    } else if (c === '&') {
      const m = ENTITY.exec(s.slice(i, i + 40));
      const decoded = m ? decodeEntity(m[1]) : undefined;
      if (m && decoded !== undefined) {
        if (!inImage) text += decoded;
        i += m[0].length;
      } else {
        text += c;
        i++;
      }
    } else if (c === '*' || c === '_') {
      let n = 1;
      while (s[i + n] === c) n++;
      const before = i === 0 ? ' ' : s[i - 1];
      const after = i + n >= s.length ? ' ' : s[i + n];
      const beforeSpace = UNICODE_SPACE.test(before);
      const afterSpace = UNICODE_SPACE.test(after);
      const beforePunct = UNICODE_PUNCT.test(before);
      const afterPunct = UNICODE_PUNCT.test(after);
      const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
      const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
      flush();
      pieces.push({
        kind: 'delim',
        char: c,
        length: n,
        remaining: n,
        canOpen: c === '*' ? left : left && (!right || beforePunct),
        canClose: c === '*' ? right : right && (!left || afterPunct),
      });
      i += n;
    } else if (c === '\n' || c === '\r') {
      // A soft line break (setext headings span lines): no text, and no spaces around it.
      text = text.replace(/[ \t]+$/, '');
      i++;
      while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r') i++;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return pieces;
}

/** Pairs emphasis delimiters (CommonMark's "process emphasis"); paired characters vanish. */
function matchEmphasis(pieces: Piece[]): void {
  const delims = pieces.filter((p): p is Extract<Piece, { kind: 'delim' }> => p.kind === 'delim');
  for (let k = 0; k < delims.length; k++) {
    const closer = delims[k];
    if (!closer.canClose) continue;
    while (closer.remaining > 0) {
      let found = -1;
      for (let j = k - 1; j >= 0; j--) {
        const opener = delims[j];
        if (opener.char !== closer.char || !opener.canOpen || opener.remaining === 0) continue;
        const oddMatch =
          (opener.canClose || closer.canOpen) &&
          (opener.length + closer.length) % 3 === 0 &&
          !(opener.length % 3 === 0 && closer.length % 3 === 0);
        if (!oddMatch) {
          found = j;
          break;
        }
      }
      if (found === -1) break;
      const opener = delims[found];
      const use = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1;
      opener.remaining -= use;
      closer.remaining -= use;
      for (let j = found + 1; j < k; j++) delims[j].canOpen = false;
    }
  }
}

/**
 * A heading's inline markdown as the plain text VS Code slugs (close to markdown-it's
 * text): escapes resolved, code spans kept, links and images reduced to their text,
 * HTML tags dropped, entities decoded, paired emphasis markers removed.
 */
export function headingPlainText(markdown: string): string {
  return plainText(markdown, false);
}

function plainText(markdown: string, inImage: boolean): string {
  const pieces = scanInline(markdown.trim(), inImage);
  matchEmphasis(pieces);
  let out = '';
  for (const p of pieces) out += p.kind === 'text' ? p.value : p.char.repeat(p.remaining);
  return out.trim();
}

// ---------------------------------------------------------------------------------------
// Headings of a note.

/** A setext underline (`===` or `---`, indented at most three columns) gives this level, else 0. */
function setextLevel(text: string, line: Line, next: number, width: number): number {
  if (width > 3) return 0;
  const c = text.charCodeAt(next);
  if (c !== 61 /* = */ && c !== 45 /* - */) return 0;
  let i = next;
  while (i < line.end && text.charCodeAt(i) === c) i++;
  while (i < line.end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === line.end ? (c === 61 ? 1 : 2) : 0;
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** HTML block starts (CommonMark types 1 and 3 to 7; comments are handled by the line walker), with where each ends. */
const HTML_BLOCKS: readonly { start: RegExp; end: RegExp | 'blank'; interrupts: boolean }[] = [
  { start: /^<(?:script|pre|style|textarea)(?:\s|>|$)/i, end: /<\/(?:script|pre|style|textarea)>/i, interrupts: true },
  { start: /^<\?/, end: /\?>/, interrupts: true },
  { start: /^<![A-Za-z]/, end: />/, interrupts: true },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, interrupts: true },
  { start: new RegExp(`^</?(?:${HTML_BLOCK_TAGS})(?=\\s|/?>|$)`, 'i'), end: 'blank', interrupts: true },
  {
    start: /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/,
    end: 'blank',
    interrupts: false,
  },
];
/** Lines that start a list item or a block quote: what follows them is not a plain paragraph. */
const CONTAINER_START = /^ {0,3}(?:>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * Every heading of the note with its anchor, in document order: ATX headings and setext
 * headings outside front matter, fenced code and HTML comments, as VS Code counts them
 * when it numbers duplicates.
 */
export function headingAnchors(text: string): HeadingAnchor[] {
  const lines = splitLines(text);
  const front = readFrontMatter(text);
  const builder = new AnchorBuilder();
  const found: HeadingAnchor[] = [];
  const add = (line: number, level: number, markdown: string): void => {
    const plain = headingPlainText(markdown);
    found.push({ line, level, text: plain, anchor: builder.add(plain) });
  };
  // The paragraph being read (a setext underline turns it into a heading), or 'container'
  // while in lines that continue a list item or block quote.
  let paragraph: { start: number; lines: string[] } | 'container' | undefined;
  // The end of the raw HTML block being read: no headings in it.
  let html: RegExp | 'blank' | undefined;
  let previous = -2;
  forEachMarkdownLine(text, lines, front ? front.endLine + 1 : 0, (line, index, contentStart) => {
    if (index !== previous + 1) paragraph = undefined; // a fence or comment came between
    previous = index;
    const content = text.slice(contentStart, line.end);
    if (html !== undefined) {
      if (html === 'blank' ? content.trim() === '' : html.test(content)) html = undefined;
      return;
    }
    if (content.trim() === '') {
      paragraph = undefined;
      return;
    }
    const { width } = indentWidth(text, line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start, line.end);
    if (width <= 3 && text.charCodeAt(contentStart) === 60 /* < */) {
      const open = paragraph !== undefined && paragraph !== 'container';
      const block = HTML_BLOCKS.find((b) => (b.interrupts || !open) && b.start.test(content));
      if (block) {
        paragraph = undefined;
        if (block.end === 'blank' || !block.end.test(content)) html = block.end;
        return;
      }
    }
    if (text.charCodeAt(contentStart) === 35 /* # */) {
      const heading = parseHeading(text, line, index);
      if (heading) {
        add(index, heading.level, text.slice(line.start + heading.contentStart, line.start + heading.contentEnd));
        paragraph = undefined;
        return;
      }
    }
    if (paragraph !== undefined && paragraph !== 'container') {
      const level = setextLevel(text, line, contentStart, width);
      if (level > 0) {
        add(paragraph.start, level, paragraph.lines.join('\n'));
        paragraph = undefined;
        return;
      }
    }
    const raw = text.slice(line.start, line.end);
    if (width <= 3 && THEMATIC_BREAK.test(raw)) {
      paragraph = undefined;
    } else if (width <= 3 && CONTAINER_START.test(raw)) {
      paragraph = 'container';
    } else if (paragraph !== undefined) {
      if (paragraph !== 'container') paragraph.lines.push(content);
    } else if (width <= 3) {
      paragraph = { start: index, lines: [content] };
    }
  });
  return found;
}

/** The anchor of the heading on `line` (zero-based), or undefined when no heading starts there. */
export function anchorAtLine(text: string, line: number): string | undefined {
  return headingAnchors(text).find((h) => h.line === line)?.anchor;
}

// ---------------------------------------------------------------------------------------
// Links between notes.

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
  return segment.replace(/[\s()<>\[\]#?%\\^`{}|"]/gu, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
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
  const up = fromDir.slice(common).filter((s) => s !== '' && s !== '.').map(() => '..');
  const down = to.slice(common).filter((s, i, all) => i === all.length - 1 || (s !== '' && s !== '.'));
  return [...up, ...down.map(encodeSegment)].join('/') + fragment;
}
