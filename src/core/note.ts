import { firstIsoDate, isIsoDate } from './dates';
import { readFrontMatter, type FrontMatterProblem } from './frontMatter';
import { indentWidth, splitLines, type Line } from './lines';
import { isStatus, type Status } from './status';

/** Where a note came from, as far as the parser needs to know. */
export interface NoteSource {
  /** How the caller names the note (a path or a URI); copied into every entry. */
  readonly path: string;
  /** Name of the folder holding the note: the client when the front matter names none. */
  readonly folderName: string;
  /** The note's file name, searched for a `YYYY-MM-DD` date when the front matter has none. */
  readonly fileName: string;
}

/** Where the client and the date of a note come from; users can change both. */
export interface ParseOptions {
  /** Front-matter key naming the client. */
  readonly clientKey: string;
  /** Front-matter key holding the session date. */
  readonly dateKey: string;
  /** Fall back to the folder's name when the front matter names no client. */
  readonly clientFromFolder: boolean;
  /** Fall back to the first date in the file name. */
  readonly dateFromFileName: boolean;
}

export const DEFAULT_PARSE_OPTIONS: ParseOptions = {
  clientKey: 'client',
  dateKey: 'date',
  clientFromFolder: true,
  dateFromFileName: true,
};

/** A `#rupture` tag inside a heading, by character column on its line. */
export interface TagSpan {
  readonly start: number;
  readonly end: number;
  /** Column of the status after `#rupture/`, or -1 for a bare `#rupture`. */
  readonly statusStart: number;
  /** The status as written (lower case), or undefined for a bare tag. */
  readonly rawStatus: string | undefined;
}

export interface RuptureEntry {
  readonly path: string;
  /** Zero-based line of the heading. */
  readonly line: number;
  readonly title: string;
  readonly status: Status;
  /** False when the tag's status was not one Attune knows (the entry is then `open`). */
  readonly statusKnown: boolean;
  /** Heading level, 1 to 6. */
  readonly level: number;
  /** Zero-based line just past the entry's section (the next heading of the same or a higher level). */
  readonly sectionEnd: number;
  readonly client: string;
  readonly date: string | null;
  /** The planned opening line, when the section's "Opening line" field holds one. */
  readonly opener: string | undefined;
  /** The tag that sets the status (the first one, when a heading holds several). */
  readonly tag: TagSpan;
}

export interface NoteWarning {
  /** Zero-based line, or -1 for the note as a whole. */
  readonly line: number;
  /** Describes the problem without quoting the note, so it is safe to show anywhere. */
  readonly message: string;
}

export interface Heading {
  readonly line: number;
  readonly level: number;
  /** Character columns of the heading text, closing `#`s excluded. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

export interface Note {
  readonly path: string;
  /** Empty when neither the front matter nor the folder names one. */
  readonly client: string;
  readonly date: string | null;
  readonly entries: readonly RuptureEntry[];
  readonly warnings: readonly NoteWarning[];
  /** Zero-based line of the closing `---` of the front matter, or -1 without front matter. */
  readonly frontMatterEnd: number;
}

const TAG_WORD = 'rupture';

/**
 * Whether `#rupture` appears anywhere, in any case (as `/#rupture/i` would find it). Most
 * notes hold no tag and need no line-by-line walk; jumping from `#` to `#` with `indexOf`
 * is several times faster than the case-insensitive regular expression.
 */
function mayHoldTag(text: string): boolean {
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
    // `| 32` folds ASCII upper case to lower case and maps nothing else onto these letters.
    if (
      (text.charCodeAt(i + 1) | 32) === 114 /* r */ &&
      (text.charCodeAt(i + 2) | 32) === 117 /* u */ &&
      (text.charCodeAt(i + 3) | 32) === 112 /* p */ &&
      (text.charCodeAt(i + 4) | 32) === 116 /* t */ &&
      (text.charCodeAt(i + 5) | 32) === 117 /* u */ &&
      (text.charCodeAt(i + 6) | 32) === 114 /* r */ &&
      (text.charCodeAt(i + 7) | 32) === 101 /* e */
    ) {
      return true;
    }
  }
  return false;
}

const OPENER = /^ {0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?opening line(?:[ \t]*:[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|[ \t]*:)[ \t]*(.*)$/i;

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Finds the `#rupture` tags in a heading's text. A tag starts the text or follows a space
 * or tab and ends at whitespace or the end; escaped `\#` and code spans hold no tags.
 * Works on any string whose structural characters are ASCII, so it can also run over a
 * line decoded byte for byte (latin1) to find byte columns.
 */
export function findTags(text: string, from: number, to: number): TagSpan[] {
  const tags: TagSpan[] = [];
  let runs: BacktickRuns | undefined;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
    } else if (c === 96 /* ` */) {
      let run = 1;
      while (i + run < to && text.charCodeAt(i + run) === 96) run++;
      runs ??= new BacktickRuns(text, from, to);
      const close = runs.next(i + run, run);
      i = close === -1 ? i + run : close + run;
    } else if (c === 35 /* # */ && (i === from || isBlank(text.charCodeAt(i - 1)))) {
      const tag = readTag(text, i, to);
      if (tag) {
        tags.push(tag);
        i = tag.end;
      } else {
        i++;
      }
    } else {
      i++;
    }
  }
  return tags;
}

/**
 * The backtick runs of a heading's text, listed once by length, so that matching each
 * opening run to its closing run costs no rescan of the line: a line of thousands of
 * runs of different lengths stays linear.
 */
class BacktickRuns {
  private readonly starts = new Map<number, number[]>();
  private readonly cursors = new Map<number, number>();

  constructor(text: string, from: number, to: number) {
    for (let i = from; i < to; ) {
      if (text.charCodeAt(i) !== 96) {
        i++;
        continue;
      }
      let n = 0;
      while (i + n < to && text.charCodeAt(i + n) === 96) n++;
      const list = this.starts.get(n);
      if (list) list.push(i);
      else this.starts.set(n, [i]);
      i += n;
    }
  }

  /**
   * Start of the first run of exactly `length` backticks starting at or after `from`, or
   * -1. `from` must never go back from one call to the next, and must not fall inside a run.
   */
  next(from: number, length: number): number {
    const list = this.starts.get(length);
    if (!list) return -1;
    let k = this.cursors.get(length) ?? 0;
    while (k < list.length && list[k] < from) k++;
    this.cursors.set(length, k);
    return k < list.length ? list[k] : -1;
  }
}

function readTag(text: string, at: number, to: number): TagSpan | undefined {
  const wordEnd = at + 1 + TAG_WORD.length;
  if (wordEnd > to || text.slice(at + 1, wordEnd).toLowerCase() !== TAG_WORD) return undefined;
  if (wordEnd === to || isBlank(text.charCodeAt(wordEnd))) {
    return { start: at, end: wordEnd, statusStart: -1, rawStatus: undefined };
  }
  if (text.charCodeAt(wordEnd) !== 47 /* / */) return undefined;
  let end = wordEnd + 1;
  while (end < to && !isBlank(text.charCodeAt(end))) end++;
  return { start: at, end, statusStart: wordEnd + 1, rawStatus: text.slice(wordEnd + 1, end).toLowerCase() };
}

/** Parses an ATX heading on `line`, or returns undefined. Columns are relative to the line. */
export function parseHeading(text: string, line: Line, lineIndex: number): Heading | undefined {
  const { width, next } = indentWidth(text, contentFrom(text, line), line.end);
  if (width > 3) return undefined;
  let i = next;
  while (i < line.end && text.charCodeAt(i) === 35) i++;
  const level = i - next;
  if (level < 1 || level > 6) return undefined;
  if (i < line.end && !isBlank(text.charCodeAt(i))) return undefined;
  while (i < line.end && isBlank(text.charCodeAt(i))) i++;
  let end = line.end;
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  // A closing run of `#` counts only when it stands alone or after a space or tab.
  let hashes = end;
  while (hashes > i && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === i || isBlank(text.charCodeAt(hashes - 1)))) {
    end = hashes;
    while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  }
  return { line: lineIndex, level, contentStart: i - line.start, contentEnd: Math.max(i, end) - line.start };
}

/** Where a line's content starts: after the BOM on the first line. */
function contentFrom(text: string, line: Line): number {
  return line.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : line.start;
}

interface Fence {
  readonly char: number;
  readonly length: number;
}

/** Opens a fenced code block if the line (indented at most three columns) starts one. */
function openFence(text: string, from: number, to: number): Fence | undefined {
  const char = text.charCodeAt(from);
  if (char !== 96 && char !== 126) return undefined;
  let n = 0;
  while (from + n < to && text.charCodeAt(from + n) === char) n++;
  if (n < 3) return undefined;
  // A backtick fence's info string may not hold a backtick (it would be a code span). The
  // search stays on the line: `indexOf` would run on to the next backtick of the note.
  if (char === 96) for (let i = from + n; i < to; i++) if (text.charCodeAt(i) === 96) return undefined;
  return { char, length: n };
}

function closesFence(text: string, line: Line, fence: Fence): boolean {
  const { width, next } = indentWidth(text, contentFrom(text, line), line.end);
  if (width > 3) return false;
  let n = 0;
  while (next + n < line.end && text.charCodeAt(next + n) === fence.char) n++;
  if (n < fence.length) return false;
  for (let i = next + n; i < line.end; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Walks the note's block structure and reports each line that is ordinary markdown (not
 * front matter, not in a fenced code block, not in an HTML comment block).
 */
export function forEachMarkdownLine(
  text: string,
  lines: readonly Line[],
  firstLine: number,
  visit: (line: Line, index: number, contentStart: number) => void,
): void {
  let fence: Fence | undefined;
  // Offset of the `-->` that ends the HTML comment block being walked, or -1 outside one.
  let commentClose = -1;
  for (let index = firstLine; index < lines.length; index++) {
    const line = lines[index];
    if (fence) {
      if (closesFence(text, line, fence)) fence = undefined;
      continue;
    }
    if (commentClose !== -1) {
      if (commentClose + 3 <= line.end) commentClose = -1;
      continue;
    }
    const { width, next } = indentWidth(text, contentFrom(text, line), line.end);
    if (width <= 3) {
      fence = openFence(text, next, line.end);
      if (fence) continue;
      if (text.startsWith('<!--', next)) {
        const close = text.indexOf('-->', next + 4);
        // A comment that never closes runs to the end of the note.
        if (close === -1) return;
        if (close + 3 > line.end) commentClose = close;
        continue;
      }
    }
    visit(line, index, next);
  }
}

function unquote(value: string): string {
  let v = value.trim();
  for (const [open, close] of [['"', '"'], ['“', '”'], ["'", "'"], ['‘', '’'], ['*', '*'], ['_', '_']]) {
    if (v.length >= 2 && v.startsWith(open) && v.endsWith(close)) v = v.slice(open.length, -close.length).trim();
  }
  return v;
}

function resolveClient(front: ReadonlyMap<string, string> | undefined, source: NoteSource, options: ParseOptions): string {
  const fromFront = front?.get(options.clientKey.toLowerCase())?.trim();
  if (fromFront) return fromFront;
  return options.clientFromFolder ? source.folderName : '';
}

function resolveDate(
  front: ReadonlyMap<string, string> | undefined,
  source: NoteSource,
  options: ParseOptions,
  warnings: NoteWarning[],
): string | null {
  const raw = front?.get(options.dateKey.toLowerCase())?.trim();
  if (raw) {
    // YAML dates may carry a time (`2026-11-13T10:00`); the day is what matters.
    const day = raw.slice(0, 10);
    if (isIsoDate(day) && (raw.length === 10 || /^[T ]/.test(raw.slice(10)))) return day;
    warnings.push({ line: -1, message: 'the front-matter date is not a YYYY-MM-DD date, so it was ignored' });
  }
  return options.dateFromFileName ? firstIsoDate(source.fileName) : null;
}

/** Parses one note: its client, its date and its rupture entries. Never throws. */
export function parseNote(text: string, source: NoteSource, options: ParseOptions = DEFAULT_PARSE_OPTIONS): Note {
  const warnings: NoteWarning[] = [];
  const problems: FrontMatterProblem[] = [];
  const front = readFrontMatter(text, problems);
  for (const p of problems) {
    if (p.key !== options.clientKey.toLowerCase() && p.key !== options.dateKey.toLowerCase()) continue;
    const what = p.why === 'block' ? 'a block (| or >), which Attune does not read' : 'a quotation that does not close properly';
    warnings.push({ line: p.line, message: `the front-matter ${p.key} is ${what}, so it was ignored` });
  }
  const client = resolveClient(front?.values, source, options);
  const date = resolveDate(front?.values, source, options, warnings);
  const frontMatterEnd = front ? front.endLine : -1;
  // Most notes hold no tag at all; they need no line-by-line walk.
  if (!mayHoldTag(text)) return { path: source.path, client, date, entries: [], warnings, frontMatterEnd };

  const lines = splitLines(text);
  const headings: Heading[] = [];
  const tagged: { heading: Heading; tags: TagSpan[] }[] = [];
  const openers: { line: number; value: string }[] = [];
  forEachMarkdownLine(text, lines, frontMatterEnd + 1, (line, index, contentStart) => {
    const c = text.charCodeAt(contentStart);
    if (c === 35) {
      const heading = parseHeading(text, line, index);
      if (heading) {
        headings.push(heading);
        const tags = findTags(text, line.start + heading.contentStart, line.start + heading.contentEnd);
        if (tags.length > 0) {
          const relative = tags.map((t) => ({
            start: t.start - line.start,
            end: t.end - line.start,
            statusStart: t.statusStart === -1 ? -1 : t.statusStart - line.start,
            rawStatus: t.rawStatus,
          }));
          tagged.push({ heading, tags: relative });
        }
        return;
      }
    }
    if (tagged.length > 0 && (c === 45 || c === 42 || c === 43 || c === 95 || c === 79 || c === 111)) {
      const m = OPENER.exec(text.slice(line.start, line.end));
      if (m) {
        const value = unquote(m[1]);
        if (value) openers.push({ line: index, value });
      }
    }
  });

  const entries: RuptureEntry[] = [];
  let h = 0;
  for (const { heading, tags } of tagged) {
    while (headings[h] !== heading) h++;
    let sectionEnd = lines.length;
    for (let k = h + 1; k < headings.length; k++) {
      if (headings[k].level <= heading.level) {
        sectionEnd = headings[k].line;
        break;
      }
    }
    const tag = tags[0];
    const raw = tag.rawStatus ?? 'open';
    const status: Status = isStatus(raw) ? raw : 'open';
    const statusKnown = status === raw;
    if (!statusKnown) {
      warnings.push({
        line: heading.line,
        message: 'a rupture tag has a status Attune does not know (open, planned, attempted, repaired, closed); it is listed as open',
      });
    }
    if (tags.length > 1) {
      warnings.push({ line: heading.line, message: 'a heading holds more than one rupture tag; the first one sets its status' });
    }
    const lineStart = lines[heading.line].start;
    let title = '';
    let cursor = heading.contentStart;
    for (const t of tags) {
      title += text.slice(lineStart + cursor, lineStart + t.start);
      cursor = t.end;
    }
    title += text.slice(lineStart + cursor, lineStart + heading.contentEnd);
    entries.push({
      path: source.path,
      line: heading.line,
      title: title.replace(/[ \t]{2,}/g, ' ').trim(),
      status,
      statusKnown,
      level: heading.level,
      sectionEnd,
      client,
      date,
      opener: undefined,
      tag,
    });
  }
  return { path: source.path, client, date, entries: withOpeners(entries, openers), warnings, frontMatterEnd };
}

/**
 * Gives each entry the last "Opening line" of its own section: a nested rupture's opener
 * belongs to that rupture, not to the one around it. One pass over both lists, in line
 * order, with a stack of the sections still open.
 */
function withOpeners(entries: RuptureEntry[], openers: readonly { line: number; value: string }[]): RuptureEntry[] {
  if (openers.length === 0) return entries;
  const owned: (string | undefined)[] = new Array<string | undefined>(entries.length);
  const stack: number[] = [];
  let next = 0;
  const closeBefore = (line: number): void => {
    while (stack.length > 0 && entries[stack[stack.length - 1]].sectionEnd <= line) stack.pop();
  };
  for (const opener of openers) {
    while (next < entries.length && entries[next].line < opener.line) {
      closeBefore(entries[next].line);
      stack.push(next++);
    }
    closeBefore(opener.line);
    if (stack.length > 0) owned[stack[stack.length - 1]] = opener.value;
  }
  return entries.map((entry, i) => (owned[i] === undefined ? entry : { ...entry, opener: owned[i] }));
}
