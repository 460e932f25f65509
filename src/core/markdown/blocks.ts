/**
 * The one markdown block model: which lines of a note are ordinary markdown, and which
 * lines are headings, as CommonMark (and markdown-it, VS Code's parser) reads them. Every
 * feature that reads a note (rupture entries, fields, the outline, anchors, the checklist,
 * cue hints) walks it here, so that a fence, an HTML block, a comment or a code block
 * hides the same lines from all of them, and a heading is a heading for all of them.
 *
 * The walk follows CommonMark's two phases line by line, without building a tree: first
 * the open containers (block quotes, list items) are matched against the line's start,
 * then new containers and at most one leaf block (heading, fence, HTML block, thematic
 * break, indented code, paragraph) are opened. Only what Attune reads is kept: headings at
 * any nesting, and the lines that are neither code nor raw HTML. Link reference
 * definitions are read only where they decide a heading (a definition underlined by `===`
 * is no setext heading). Checked against markdown-it on every CommonMark spec example by
 * `test/unit/conformance.test.ts`.
 */
import { indentWidth, type Line } from './lines';

export interface Heading {
  /** Zero-based line where the heading starts (a setext heading's first text line). */
  readonly line: number;
  readonly level: number;
  /** Character columns of the heading text on `line`, closing `#`s excluded. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** True for a setext heading (text underlined with `===` or `---`). */
  readonly setext?: boolean;
  /** A setext heading's whole text, its lines joined by `\n` (it may span several lines). */
  readonly text?: string;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Where a line's content starts: after the BOM on the first line. */
export function contentFrom(text: string, line: Line): number {
  return line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start;
}

/**
 * Reads an ATX heading whose `#`s start at `at` (the line's indentation and containers
 * already passed), or returns undefined. Columns are relative to `lineStart`.
 */
function atxHeading(text: string, at: number, lineEnd: number, lineStart: number, lineIndex: number): Heading | undefined {
  let i = at;
  while (i < lineEnd && text.charCodeAt(i) === 35) i++;
  const level = i - at;
  if (level < 1 || level > 6) return undefined;
  if (i < lineEnd && !isBlank(text.charCodeAt(i))) return undefined;
  while (i < lineEnd && isBlank(text.charCodeAt(i))) i++;
  let end = lineEnd;
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  // A closing run of `#` counts only when it stands alone or after a space or tab.
  let hashes = end;
  while (hashes > i && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === i || isBlank(text.charCodeAt(hashes - 1)))) {
    end = hashes;
    while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  }
  return { line: lineIndex, level, contentStart: i - lineStart, contentEnd: Math.max(i, end) - lineStart };
}

/**
 * Parses an ATX heading written at the start of `line` (outside any block quote or list),
 * or returns undefined. Columns are relative to the line. For where headings are in a
 * note, ask `collectHeadings`: this reads one line alone.
 */
export function parseHeading(text: string, line: Line, lineIndex: number): Heading | undefined {
  const { width, next } = indentWidth(text, contentFrom(text, line), line.end);
  if (width > 3) return undefined;
  return atxHeading(text, next, line.end, line.start, lineIndex);
}

const HTML_BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);
/** CommonMark's HTML block kind 7: a whole open or closing tag alone on its line. */
const HTML_TAG_LINE =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;
/** How kinds 2 to 5 end (kind 1 ends at a closing tag, kinds 6 and 7 at a blank line). */
const HTML_BLOCK_CLOSE = ['', '-->', '?>', '>', ']]>'];
const RAW_TEXT_CLOSE = /<\/(?:script|pre|style|textarea)>/i;

/**
 * The kind (1 to 7, CommonMark's numbering) of the HTML block a line starting with `<` at
 * `at` opens, or 0. Kind 7 may not interrupt a paragraph.
 */
function htmlBlockKind(text: string, at: number, end: number, inParagraph: boolean): number {
  const c1 = text.charCodeAt(at + 1);
  if (c1 === 33 /* ! */) {
    if (text.startsWith('<!--', at)) return 2;
    if (text.startsWith('<![CDATA[', at)) return 5;
    const c2 = text.charCodeAt(at + 2) | 32;
    return c2 >= 97 && c2 <= 122 ? 4 : 0;
  }
  if (c1 === 63 /* ? */) return 3;
  let i = at + 1;
  const closing = c1 === 47; /* / */
  if (closing) i++;
  const nameStart = i;
  while (i < end) {
    const c = text.charCodeAt(i) | 32;
    if ((c >= 97 && c <= 122) || (i > nameStart && ((c >= 48 && c <= 57) || c === 45 + 32 || text.charCodeAt(i) === 45))) i++;
    else break;
  }
  if (i === nameStart) return 0;
  const name = text.slice(nameStart, i).toLowerCase();
  const after = i < end ? text.charCodeAt(i) : 32;
  if (!closing && (name === 'script' || name === 'pre' || name === 'style' || name === 'textarea')) {
    if (isBlank(after) || after === 62) return 1;
  }
  if (HTML_BLOCK_TAGS.has(name) && (isBlank(after) || after === 62 || (after === 47 && text.charCodeAt(i + 1) === 62))) return 6;
  if (!inParagraph && HTML_TAG_LINE.test(text.slice(at, end))) return 7;
  return 0;
}

/** Whether the rest of the line from `at` is only `=`s or only `-`s, then blanks: the level of that setext underline, or 0. */
function setextLevel(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  if (c !== 61 && c !== 45) return 0;
  let i = at;
  while (i < end && text.charCodeAt(i) === c) i++;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  return i === end ? (c === 61 ? 1 : 2) : 0;
}

/** Whether the rest of the line from `at` is a thematic break: three or more `*`, `-` or `_`, blanks between. */
function isThematicBreak(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 42 && c !== 45 && c !== 95) return false;
  let n = 0;
  for (let i = at; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === c) n++;
    else if (!isBlank(d)) return false;
  }
  return n >= 3;
}

/**
 * The end (just past) of the link reference definition starting at `at` in `s` (a
 * paragraph's lines joined by `\n`), at the end of a line, or -1. Definitions must end
 * their line, so a paragraph's leading definitions cover whole lines.
 */
function referenceDefinitionEnd(s: string, at: number): number {
  if (s.charCodeAt(at) !== 91 /* [ */) return -1;
  let i = at + 1;
  let visible = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      visible = true;
    } else if (c === 91) return -1;
    else if (c === 93 /* ] */) break;
    else if (!isBlank(c) && c !== 10) visible = true;
    if (i - at > 1000) return -1;
  }
  if (i >= s.length || !visible || s.charCodeAt(i + 1) !== 58 /* : */) return -1;
  i = skipSpaceAndOneBreak(s, i + 2);
  // The destination: `<…>` on one line, or a run without blanks whose parentheses balance.
  if (s.charCodeAt(i) === 60 /* < */) {
    i++;
    for (;;) {
      const c = s.charCodeAt(i);
      if (i >= s.length || c === 10 || c === 60) return -1;
      if (c === 62 /* > */) break;
      i += c === 92 ? 2 : 1;
    }
    i++;
  } else {
    const start = i;
    let depth = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c <= 32) break;
      if (c === 92 && i + 1 < s.length && s.charCodeAt(i + 1) > 32) i++;
      else if (c === 40) depth++;
      else if (c === 41 && --depth < 0) break;
    }
    if (i === start || depth !== 0) return -1;
  }
  const afterDestination = i;
  const lineEnd = (from: number): number => {
    let j = from;
    while (j < s.length && isBlank(s.charCodeAt(j))) j++;
    return j >= s.length ? s.length : s.charCodeAt(j) === 10 ? j + 1 : -1;
  };
  // A title needs white space before it, and may run over lines (not across a blank one).
  const titleAt = skipSpaceAndOneBreak(s, i);
  const open = s.charCodeAt(titleAt);
  if (titleAt > afterDestination && (open === 34 || open === 39 || open === 40)) {
    const close = open === 40 ? 41 : open;
    let j = titleAt + 1;
    for (; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c === 92) j++;
      else if (c === close) break;
      else if (open === 40 && c === 40) {
        j = s.length;
        break;
      } else if (c === 10) {
        let k = j + 1;
        while (k < s.length && isBlank(s.charCodeAt(k))) k++;
        if (k >= s.length || s.charCodeAt(k) === 10) {
          j = s.length;
          break;
        }
      }
    }
    if (j < s.length) {
      const end = lineEnd(j + 1);
      if (end !== -1) return end;
    }
  }
  return lineEnd(afterDestination);
}

function skipSpaceAndOneBreak(s: string, from: number): number {
  let i = from;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) === 10) {
    i++;
    while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * Called for each line that is ordinary markdown, with the ATX heading it holds, if any, and
 * whether it is a rule: a thematic break or a setext heading's underline, which holds no words.
 */
type BlockVisitor = (line: Line, index: number, contentStart: number, heading: Heading | undefined, rule: boolean) => void;

const NONE = 0;
const PARAGRAPH = 1;
const FENCE = 2;
const INDENTED_CODE = 3;
const HTML = 4;

interface Container {
  /** 0 for a block quote; for a list item, the columns its content is indented by (at least 1). */
  readonly indent: number;
  /** A list item that so far holds nothing: a blank line ends it. */
  empty: boolean;
}

/**
 * Walks a note's blocks from `firstLine` (after front matter) and returns its headings,
 * ATX and setext, at any nesting, in order. `visit`, when given, is called for every line
 * that is ordinary markdown (not in fenced or indented code, not in an HTML block or
 * comment), blank lines included, with the offset of its first non-blank character.
 */
export function walkBlocks(text: string, lines: readonly Line[], firstLine: number, visit?: BlockVisitor): Heading[] {
  const headings: Heading[] = [];
  const containers: Container[] = [];
  let leaf = NONE;
  let fenceChar = 0;
  let fenceLength = 0;
  let htmlKind = 0;
  // The open paragraph's lines and where each one's content starts: the first
  // `paragraphCount` of each (reused, not reallocated, from one paragraph to the next).
  const paragraphLines: number[] = [];
  const paragraphStarts: number[] = [];
  let paragraphCount = 0;
  const paragraphParts = (): string[] => {
    const parts: string[] = [];
    for (let k = 0; k < paragraphCount; k++) parts.push(text.slice(paragraphStarts[k], lines[paragraphLines[k]].end));
    return parts;
  };

  // The reading position on the current line, CommonMark style: an offset, its column,
  // and whether the tab at the offset is partly used up (tabs stop every four columns).
  let end = 0;
  let offset = 0;
  let column = 0;
  let partialTab = false;
  let nonspace = 0;
  let nonspaceColumn = 0;
  let indent = 0;
  let blank = false;

  const findNonspace = (): void => {
    let i = offset;
    let cols = column;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) cols++;
      else if (c === 9) cols += 4 - (cols % 4);
      else break;
    }
    nonspace = i;
    nonspaceColumn = cols;
    indent = cols - column;
    blank = i >= end;
  };
  const advance = (count: number, columns: boolean): void => {
    let n = count;
    while (n > 0 && offset < end) {
      if (text.charCodeAt(offset) === 9) {
        const toTab = 4 - (column % 4);
        if (columns) {
          partialTab = toTab > n;
          const step = Math.min(n, toTab);
          column += step;
          if (!partialTab) offset++;
          n -= step;
        } else {
          partialTab = false;
          column += toTab;
          offset++;
          n--;
        }
      } else {
        partialTab = false;
        offset++;
        column++;
        n--;
      }
    }
  };
  const toNonspace = (): void => {
    offset = nonspace;
    column = nonspaceColumn;
    partialTab = false;
  };
  /** Past a `>` and the one blank that may follow it. */
  const passQuoteMarker = (): void => {
    toNonspace();
    advance(1, false);
    if (offset < end && isBlank(text.charCodeAt(offset))) advance(1, true);
  };
  /**
   * Opens a list item if the line has a marker at the position found: returns its content
   * indent, or 0. In a paragraph, an item may not start empty nor with a number but 1.
   */
  const listItem = (inParagraph: boolean): number => {
    const at = nonspace;
    const c = text.charCodeAt(at);
    let i = at;
    if (c === 45 || c === 42 || c === 43) i++;
    else {
      while (i < end && i - at < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const d = text.charCodeAt(i);
      if (i === at || i >= end || (d !== 46 && d !== 41)) return 0;
      if (inParagraph && (i - at !== 1 || c !== 49)) return 0;
      i++;
    }
    if (i < end && !isBlank(text.charCodeAt(i))) return 0;
    const markerWidth = i - at;
    if (inParagraph) {
      let j = i;
      while (j < end && isBlank(text.charCodeAt(j))) j++;
      if (j >= end) return 0;
    }
    const markerOffset = indent;
    toNonspace();
    advance(markerWidth, true);
    const spacesColumn = column;
    const spacesOffset = offset;
    const spacesPartial = partialTab;
    do advance(1, true);
    while (column - spacesColumn < 5 && offset < end && isBlank(text.charCodeAt(offset)));
    const spaces = column - spacesColumn;
    let padding: number;
    if (spaces >= 5 || spaces < 1 || offset >= end) {
      padding = markerWidth + 1;
      column = spacesColumn;
      offset = spacesOffset;
      partialTab = spacesPartial;
      if (offset < end && isBlank(text.charCodeAt(offset))) advance(1, true);
    } else padding = markerWidth + spaces;
    return markerOffset + padding;
  };
  /** Turns the open paragraph, underlined at a setext line, into a heading; false when it holds only link definitions. */
  const setextHeading = (level: number): boolean => {
    let first = 0;
    if (text.charCodeAt(paragraphStarts[0]) === 91 /* [ */) {
      const parts = paragraphParts();
      const s = parts.join('\n');
      let at = 0;
      for (let next = referenceDefinitionEnd(s, 0); next !== -1; next = referenceDefinitionEnd(s, at)) at = next;
      if (at > 0) {
        let consumed = 0;
        while (first < parts.length && consumed + parts[first].length <= at) consumed += parts[first++].length + 1;
        if (first >= parts.length) return false;
      }
    }
    const line = lines[paragraphLines[first]];
    const start = paragraphStarts[first];
    let last = line.end;
    while (last > start && isBlank(text.charCodeAt(last - 1))) last--;
    const words: string[] = [];
    for (let k = first; k < paragraphCount; k++) words.push(text.slice(paragraphStarts[k], lines[paragraphLines[k]].end));
    headings.push({
      line: paragraphLines[first],
      level,
      contentStart: start - line.start,
      contentEnd: last - line.start,
      setext: true,
      text: words.join('\n').trim(),
    });
    return true;
  };

  // Whether the open paragraph may still be link reference definitions only (checked at most until it is not).
  let definitionsOnly = false;
  /**
   * True when the open paragraph is all link reference definitions that end before the
   * line at `from`: markdown-it then reads the line as a block of its own (indented code,
   * an HTML tag, a list item), where a paragraph would have taken it as text.
   */
  const definitionsEnd = (from: number): boolean => {
    if (!definitionsOnly) return false;
    const parts = paragraphParts();
    parts.push(text.slice(from, end));
    const s = parts.join('\n');
    let at = 0;
    for (let next = referenceDefinitionEnd(s, 0); next !== -1; next = referenceDefinitionEnd(s, at)) at = next;
    let consumed = 0;
    let whole = 0;
    while (whole < parts.length && consumed + parts[whole].length <= at) consumed += parts[whole++].length + 1;
    if (whole < paragraphCount) definitionsOnly = false;
    return whole === paragraphCount;
  };

  // Where the closing string of the HTML block being read was last found (searched from
  // `closeFrom`), so a long block without one is searched once, not from every line.
  let closeFrom = -1;
  let closeAt = -1;
  /** Whether the line from `from` to `end` holds the end of an HTML block of kind 1 to 5. */
  const endsHtmlBlock = (kind: number, from: number): boolean => {
    if (kind === 1) return RAW_TEXT_CLOSE.test(text.slice(from, end));
    const close = HTML_BLOCK_CLOSE[kind - 1];
    if (closeFrom === -1 || closeFrom > from || (closeAt !== -1 && closeAt < from)) {
      closeFrom = from;
      closeAt = text.indexOf(close, from);
    }
    return closeAt !== -1 && closeAt + close.length <= end;
  };
  // Per line: how many open containers it continues, whether those it does not are closed
  // yet, and whether a paragraph of the innermost container is open to it.
  let matched = 0;
  let closed = true;
  let inParagraph = false;
  const closeUnmatched = (): void => {
    if (!closed) {
      while (containers.length > matched) containers.pop();
      closed = true;
    }
    leaf = NONE;
    inParagraph = false;
  };

  for (let index = firstLine; index < lines.length; index++) {
    const line = lines[index];
    end = line.end;
    offset = contentFrom(text, line);
    column = 0;
    partialTab = false;

    // Inside a fence or an HTML block that ends at a closing string, outside containers:
    // only the end is looked for.
    if (containers.length === 0 && (leaf === FENCE || (leaf === HTML && htmlKind <= 5))) {
      if (leaf === HTML) {
        if (endsHtmlBlock(htmlKind, offset)) leaf = NONE;
        continue;
      }
      let i = offset;
      let cols = 0;
      for (; i < end; i++) {
        const b = text.charCodeAt(i);
        if (b === 32) cols++;
        else if (b === 9) cols += 4 - (cols % 4);
        else break;
      }
      if (cols <= 3 && closesFence(text, i, end, fenceChar, fenceLength)) leaf = NONE;
      continue;
    }

    // Most lines of a note are prose, blank, or a top-level `- ` item of text: these take
    // a short way, with the same outcome as the full walk below.
    const only = containers.length === 1 ? containers[0] : undefined;
    if ((containers.length === 0 || (only !== undefined && only.indent > 0)) && (leaf === NONE || leaf === PARAGRAPH)) {
      let i = offset;
      let cols = 0;
      for (; i < end; i++) {
        const b = text.charCodeAt(i);
        if (b === 32) cols++;
        else if (b === 9) cols += 4 - (cols % 4);
        else break;
      }
      const c = i < end ? text.charCodeAt(i) : -1;
      if (c === -1) {
        // A blank line ends a paragraph, and a list item that holds nothing yet.
        leaf = NONE;
        if (only?.empty) containers.pop();
        if (visit) visit(line, index, i, undefined, false);
        continue;
      }
      // Text that starts before the item's own column ends the item, unless a paragraph
      // of the item goes on lazily.
      const outside = only === undefined || (cols < only.indent && leaf === NONE);
      if (outside && cols < 4 && isPlainStart(c)) {
        if (only) containers.pop();
        if (leaf !== PARAGRAPH) {
          leaf = PARAGRAPH;
          paragraphCount = 0;
          definitionsOnly = false;
        }
        paragraphLines[paragraphCount] = index;
        paragraphStarts[paragraphCount++] = i;
        if (visit) visit(line, index, i, undefined, false);
        continue;
      }
      // `- `, `* ` or `+ ` and text (or `**`, `__` and a letter) at the top: a new item of
      // one paragraph, ending any item before it.
      const d = text.charCodeAt(i + 2);
      if (
        (only === undefined || cols < only.indent) &&
        cols < 4 &&
        (c === 45 || c === 42 || c === 43) &&
        text.charCodeAt(i + 1) === 32 &&
        i + 2 < end &&
        (isPlainStart(d) || ((d === 42 || d === 95) && text.charCodeAt(i + 3) === d && isPlainStart(text.charCodeAt(i + 4))))
      ) {
        if (only) containers.pop();
        containers.push({ indent: cols + 2, empty: false });
        leaf = PARAGRAPH;
        paragraphCount = 0;
        definitionsOnly = false;
        paragraphLines[paragraphCount] = index;
        paragraphStarts[paragraphCount++] = i + 2;
        if (visit) visit(line, index, i, undefined, false);
        continue;
      }
    }

    // 1. Which open containers the line continues.
    matched = 0;
    for (; matched < containers.length; matched++) {
      const container = containers[matched];
      findNonspace();
      if (container.indent === 0) {
        if (indent <= 3 && text.charCodeAt(nonspace) === 62 /* > */) passQuoteMarker();
        else break;
      } else if (blank) {
        if (container.empty) break;
        toNonspace();
      } else if (indent >= container.indent) advance(container.indent, true);
      else break;
    }
    const allMatched = matched === containers.length;
    findNonspace();

    // 2. The leaf block left open, where it takes the line as it is.
    let hidden = false;
    let rule = false;
    let heading: Heading | undefined;
    // Whether the line has found its block (nothing is left for a paragraph).
    let placed = false;
    if (allMatched && leaf === FENCE) {
      hidden = true;
      placed = true;
      if (indent <= 3 && closesFence(text, nonspace, end, fenceChar, fenceLength)) leaf = NONE;
    } else if (allMatched && leaf === HTML) {
      if (blank && htmlKind >= 6) leaf = NONE;
      else {
        hidden = true;
        if (htmlKind <= 5 && endsHtmlBlock(htmlKind, offset)) leaf = NONE;
      }
      placed = true;
    } else if (allMatched && leaf === INDENTED_CODE) {
      if (indent >= 4 || blank) {
        hidden = !blank;
        placed = true;
      } else leaf = NONE;
    } else if (allMatched && leaf === PARAGRAPH && blank) leaf = NONE;

    // 3. New containers, then at most one new leaf block.
    closed = allMatched;
    inParagraph = allMatched && leaf === PARAGRAPH;
    while (!placed) {
      findNonspace();
      const c = text.charCodeAt(nonspace);
      if (indent >= 4) {
        // Indented code, unless a paragraph (lazy or not) goes on.
        if (!blank && inParagraph && definitionsEnd(offset)) {
          leaf = NONE;
          inParagraph = false;
        }
        if (!blank && leaf !== PARAGRAPH) {
          closeUnmatched();
          leaf = INDENTED_CODE;
          hidden = true;
          placed = true;
        }
        break;
      }
      if (blank) break;
      if (c === 62 /* > */) {
        closeUnmatched();
        passQuoteMarker();
        if (containers.length > 0) containers[containers.length - 1].empty = false;
        containers.push({ indent: 0, empty: false });
        matched = containers.length;
        continue;
      }
      if (c === 35 /* # */) {
        const h = atxHeading(text, nonspace, end, line.start, index);
        if (h) {
          closeUnmatched();
          heading = h;
          headings.push(h);
          placed = true;
          break;
        }
      } else if (c === 96 || c === 126) {
        let n = 0;
        while (nonspace + n < end && text.charCodeAt(nonspace + n) === c) n++;
        // A backtick fence's info string may not hold a backtick (it would be a code span).
        if (n >= 3 && (c === 126 || text.indexOf('`', nonspace + n) === -1 || text.indexOf('`', nonspace + n) >= end)) {
          closeUnmatched();
          leaf = FENCE;
          fenceChar = c;
          fenceLength = n;
          hidden = true;
          placed = true;
          break;
        }
      } else if (c === 60 /* < */) {
        if (inParagraph && definitionsEnd(offset)) {
          leaf = NONE;
          inParagraph = false;
        }
        const kind = htmlBlockKind(text, nonspace, end, inParagraph || (!closed && leaf === PARAGRAPH));
        if (kind > 0) {
          closeUnmatched();
          hidden = true;
          closeFrom = -1;
          if (kind > 5 || !endsHtmlBlock(kind, nonspace)) {
            leaf = HTML;
            htmlKind = kind;
          }
          placed = true;
          break;
        }
      }
      if (inParagraph && (c === 61 || c === 45)) {
        const level = setextLevel(text, nonspace, end);
        if (level > 0 && setextHeading(level)) {
          leaf = NONE;
          inParagraph = false;
          placed = true;
          rule = true;
          break;
        }
      }
      if ((c === 42 || c === 45 || c === 95) && isThematicBreak(text, nonspace, end)) {
        closeUnmatched();
        placed = true;
        rule = true;
        break;
      }
      if (c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57)) {
        if (inParagraph && definitionsEnd(offset)) {
          leaf = NONE;
          inParagraph = false;
        }
        const item = listItem(inParagraph);
        if (item > 0) {
          // listItem moved the position on; closing unmatched containers does not touch it.
          closeUnmatched();
          if (containers.length > 0) containers[containers.length - 1].empty = false;
          findNonspace();
          containers.push({ indent: item, empty: blank });
          matched = containers.length;
          continue;
        }
      }
      break;
    }

    // 4. What is left of the line: a paragraph's (lazy) continuation, or a new paragraph.
    if (!placed) {
      if (!closed && !blank && leaf === PARAGRAPH) {
        // A lazy continuation line: the paragraph goes on in containers the line did not name.
        paragraphLines[paragraphCount] = index;
        paragraphStarts[paragraphCount++] = nonspace;
      } else {
        if (!closed) closeUnmatched();
        if (blank) leaf = leaf === PARAGRAPH ? NONE : leaf;
        else {
          if (leaf !== PARAGRAPH) {
            leaf = PARAGRAPH;
            paragraphCount = 0;
            definitionsOnly = text.charCodeAt(nonspace) === 91; /* [ */
          }
          paragraphLines[paragraphCount] = index;
          paragraphStarts[paragraphCount++] = nonspace;
        }
      }
    }
    if (!blank) for (const container of containers) container.empty = false;
    if (visit && !hidden) {
      const start = contentFrom(text, line);
      visit(line, index, indentWidth(text, start, end).next, heading, rule);
    }
  }
  return headings;
}

/** A character no block starts with (a letter, a digit-free word, most punctuation): the line can only be paragraph text. */
function isPlainStart(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 128 && c !== 0xfeff) ||
    c === 40 ||
    c === 34 ||
    c === 39 ||
    c === 46 ||
    c === 44 ||
    c === 33 ||
    c === 63 ||
    c === 38
  );
}

function closesFence(text: string, at: number, end: number, char: number, length: number): boolean {
  let n = 0;
  while (at + n < end && text.charCodeAt(at + n) === char) n++;
  if (n < length) return false;
  for (let i = at + n; i < end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Walks the note's blocks and reports each line that is ordinary markdown: not front
 * matter (start at `firstLine`), not in fenced or indented code, not in an HTML block or
 * comment. Blank lines are reported too.
 */
export function forEachMarkdownLine(
  text: string,
  lines: readonly Line[],
  firstLine: number,
  visit: (line: Line, index: number, contentStart: number) => void,
): void {
  walkBlocks(text, lines, firstLine, visit);
}

/** Every heading of a note, ATX and setext, at any nesting, in order, outside code, HTML blocks and front matter. */
export function collectHeadings(text: string, lines: readonly Line[], firstLine: number): Heading[] {
  return walkBlocks(text, lines, firstLine);
}

/**
 * Zero-based line just past the section of `headings[at]`: the next heading of the same or
 * a higher level (as many `#` or fewer; setext `===` is level 1 and `---` level 2), or the
 * end of the note. The one definition every feature uses.
 */
export function sectionEnd(headings: readonly Pick<Heading, 'line' | 'level'>[], at: number, lineCount: number): number {
  const level = headings[at].level;
  for (let k = at + 1; k < headings.length; k++) if (headings[k].level <= level) return headings[k].line;
  return lineCount;
}
