import { sectionEnd, walkBlocks, type Heading } from '../markdown/blocks';
import { firstWrittenDate, isIsoDate, readWrittenDate } from './dates';
import { fieldAt, isFilled, type Field } from './fields';
import { fieldLabel, HEADINGS, NOTE_LANGUAGES } from './fieldKeys';
import { AUTOLINK, EMAIL_AUTOLINK, HTML_INLINE, HTML_REACH, linkDestinations } from '../markdown/inlineText';
import { readFrontMatter, type FrontMatterProblem } from '../markdown/frontMatter';
import { splitLines } from '../markdown/lines';
import { withSections, type OutlineHeading } from '../markdown/outline';
import { isFeedbackLabel, lookAt, mayHoldField, mayHoldTag, textStartsAt, type Look } from './quickLook';
import { isStatus, type Status } from './status';
import { hasOwnWriting } from './written';

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
  /** The `**Label:** value` lines of its own section (not those of a rupture nested in it), in order. */
  readonly fields: readonly Field[];
  /** Its "Repair plan, DATE", "Repair attempt, DATE" and "Closing without repair, DATE" sub-headings, in order. */
  readonly followUps: readonly FollowUp[];
}

export type FollowUpKind = 'plan' | 'attempt' | 'closing';

export interface FollowUp {
  readonly kind: FollowUpKind;
  /** The first real `YYYY-MM-DD` date in the heading. */
  readonly date: string;
  /** Zero-based line of the heading. */
  readonly line: number;
}

export interface NoteWarning {
  /** Zero-based line, or -1 for the note as a whole. */
  readonly line: number;
  /** Describes the problem without quoting the note, so it is safe to show anywhere. */
  readonly message: string;
}

/**
 * What the workspace index holds of every note: what the features that read many notes
 * need (the tree, patterns, feedback, the checklist, session notes). What a note is read
 * for is decided once, by `lookAt`: a note that may hold neither a rupture tag nor a
 * feedback field is read for its head only (front matter and first line of writing).
 */
export interface IndexedNote {
  readonly path: string;
  /** Empty when neither the front matter nor the folder names one. */
  readonly client: string;
  readonly date: string | null;
  readonly entries: readonly RuptureEntry[];
  readonly warnings: readonly NoteWarning[];
  /** Zero-based line of the closing `---` of the front matter, or -1 without front matter. */
  readonly frontMatterEnd: number;
  /** Whether it holds writing of the therapist's own, beyond a template and a checklist (see hasOwnWriting). */
  readonly written: boolean;
  /** The feedback fields outside every rupture section ("Alliance feedback score…", "Feedback I asked for…"), in order. */
  readonly feedback: readonly Field[];
}

/** A note parsed whole (an open document, a note a command reads): all it holds. */
export interface Note extends IndexedNote {
  /** Fields outside every rupture section (the session note's own, such as "Between us"). */
  readonly fields: readonly Field[];
  /**
   * Its headings with their sections, from the block walk, when the parse walked the lines
   * (a note that may hold a tag or a field); absent when it had no need to (see `outline`).
   */
  readonly headings?: readonly OutlineHeading[];
}

/** Whether an indexed note was parsed whole: the index keeps such a parse as it is. */
export function isWhole(note: IndexedNote): note is Note {
  return 'fields' in note;
}

const TAG_WORD = 'rupture';

/** The one empty list most notes share for their entries, fields and warnings: an index of 10,000 notes need not hold 30,000 empty arrays. */
const NONE: readonly never[] = Object.freeze([]);

/** The opening line's label in the four template languages (fieldKeys' `opening-line`), as a pattern; either apostrophe. */
const OPENING_LINE_LABELS = NOTE_LANGUAGES.map((l) =>
  fieldLabel('opening-line', l)
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['\u2019]"),
).join('|');
const OPENER = new RegExp(
  `^ {0,3}(?:[-*+][ \\t]+)?(?:\\*\\*|__)?(?:${OPENING_LINE_LABELS})(?:[ \\t]*:[ \\t]*(?:\\*\\*|__)|(?:\\*\\*|__)[ \\t]*:|[ \\t]*:)[ \\t]*(.*)$`,
  'i',
);

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** What each opening line label starts with, lower case, up to its first apostrophe: enough for the quick check before OPENER. */
const OPENING_LINE_STARTS = NOTE_LANGUAGES.map((l) => fieldLabel('opening-line', l).toLowerCase().split("'")[0]);

/** The characters a line holding an opening line can start with: `-`, `*`, `+`, `_`, and the labels' first letters in either case. */
const OPENER_FIRST = new Set([45, 42, 43, 95, ...OPENING_LINE_STARTS.flatMap((start) => [start.charCodeAt(0), start.toUpperCase().charCodeAt(0)])]);

/**
 * Whether the line content from `from` to `end` starts as OPENER needs: an optional list
 * marker and blanks, an optional `**` or `__`, then the start of an opening line's label (in
 * any of the four languages) in any letter case. Most
 * list lines of a reflection are other fields; they are spared a copy and the expression.
 */
function mayBeOpener(text: string, from: number, end: number): boolean {
  let i = from;
  const c = text.charCodeAt(i);
  if ((c === 45 || c === 42 || c === 43) && i + 1 < end && isBlank(text.charCodeAt(i + 1))) {
    i++;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
  }
  if (i + 1 < end && (text.charCodeAt(i) === 42 || text.charCodeAt(i) === 95) && text.charCodeAt(i + 1) === text.charCodeAt(i)) i += 2;
  for (const start of OPENING_LINE_STARTS) if (end - i >= start.length && textStartsAt(text, i, start)) return true;
  return false;
}

/**
 * Finds the `#rupture` tags in a heading's text. A tag starts the text or follows a space
 * or tab and ends at whitespace or the end; escaped `\#`, code spans, autolinks, raw HTML
 * and link destinations hold no tags, as in markdown-it's reading of the heading (a
 * backtick inside an HTML tag or an autolink opens no code span). Works on any string
 * whose structural characters are ASCII, so it can also run over a line decoded byte for
 * byte (latin1) to find byte columns.
 */
export function findTags(text: string, from: number, to: number): TagSpan[] {
  const tags: TagSpan[] = [];
  let runs: BacktickRuns | undefined;
  let html: HtmlEnds | undefined;
  // Unescaped `[` (true for an image's `![`) outside code spans, not yet closed: a `](` then
  // starts a link destination. Once a link forms, the `[`s before it open no link
  // (CommonMark: links do not nest), though an image's still may: those below `inactive`.
  const openers: boolean[] = [];
  let inactive = 0;
  let destinations: ((at: number) => number) | undefined;
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
    } else if (c === 60 /* < */) {
      html ??= new HtmlEnds(text, to);
      const end = html.at(i);
      i = end === -1 ? i + 1 : end;
    } else if (c === 91 /* [ */) {
      openers.push(i > from && text.charCodeAt(i - 1) === 33 /* ! */);
      i++;
    } else if (c === 93 /* ] */) {
      const image = openers.pop();
      const active = image === true || (image === false && openers.length >= inactive);
      inactive = Math.min(inactive, openers.length);
      let end = -1;
      if (active && text.charCodeAt(i + 1) === 40) {
        destinations ??= linkDestinations(text.slice(from, to));
        end = destinations(i + 1 - from);
        if (end !== -1) end += from;
      }
      if (end !== -1 && !image) inactive = openers.length;
      i = end === -1 ? i + 1 : end;
    } else if (c === 35 /* # */ && (i === from || isBlank(text.charCodeAt(i - 1)))) {
      const tag = readTag(text, i, to);
      if (tag) {
        tags.push(tag);
        i = tag.end;
        // A backtick, `<` or `[` glued to the status still opens what it opens.
        for (let k = tag.start + 1; k < tag.end; k++) {
          const d = text.charCodeAt(k);
          if (d === 96 || d === 60 || d === 91 || d === 93 || d === 92) {
            i = k;
            break;
          }
        }
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
 * Where the autolink or raw HTML (tag, comment, processing instruction, declaration,
 * CDATA) starting at a `<` ends, looked for no further than HTML_REACH. The kinds that
 * run to a fixed closing string find it once with `indexOf`, so a heading of many `<`
 * stays linear.
 */
class HtmlEnds {
  private readonly found = new Map<string, { from: number; at: number }>();

  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  at(i: number): number {
    const reach = Math.min(i + HTML_REACH, this.to);
    const s = this.text;
    let close: string | undefined;
    let from = i;
    if (s.startsWith('<?', i)) [close, from] = ['?>', i + 2];
    else if (s.startsWith('<![CDATA[', i)) [close, from] = [']]>', i + 9];
    else if (s.charCodeAt(i + 1) === 33 && /[A-Za-z]/.test(s[i + 2] ?? '')) [close, from] = ['>', i + 3];
    if (close !== undefined) {
      const at = this.indexOf(close, from);
      return at !== -1 && at + close.length <= reach ? at + close.length : -1;
    }
    const rest = s.slice(i, reach);
    const m = AUTOLINK.exec(rest) ?? EMAIL_AUTOLINK.exec(rest) ?? HTML_INLINE.exec(rest);
    return m ? i + m[0].length : -1;
  }

  /** `indexOf`, remembered: asked with growing `from`, it reads the text once. */
  private indexOf(needle: string, from: number): number {
    const last = this.found.get(needle);
    if (last && last.from <= from && (last.at === -1 || last.at >= from)) return last.at;
    const at = this.text.indexOf(needle, from);
    this.found.set(needle, { from, at: at >= this.to ? -1 : at });
    return at >= this.to ? -1 : at;
  }
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
    for (let i = from; i < to;) {
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

function unquote(value: string): string {
  let v = value.trim();
  for (const [open, close] of [
    ['"', '"'],
    ['“', '”'],
    ["'", "'"],
    ['‘', '’'],
    ['*', '*'],
    ['_', '_'],
  ]) {
    if (v.length >= 2 && v.startsWith(open) && v.endsWith(close)) v = v.slice(open.length, -close.length).trim();
  }
  return v;
}

function resolveClient(front: ReadonlyMap<string, string> | undefined, source: NoteSource, options: ParseOptions): string {
  const fromFront = front?.get(options.clientKey.toLowerCase())?.trim();
  if (fromFront) return fromFront;
  return options.clientFromFolder ? source.folderName : '';
}

function resolveDate(front: ReadonlyMap<string, string> | undefined, source: NoteSource, options: ParseOptions, warnings: NoteWarning[]): string | null {
  const raw = front?.get(options.dateKey.toLowerCase())?.trim();
  if (raw) {
    // YAML dates may carry a time (`2026-11-13T10:00`); the day is what matters.
    const day = raw.slice(0, 10);
    if (isIsoDate(day) && (raw.length === 10 || /^[T ]/.test(raw.slice(10)))) return day;
    // "3 de diciembre de 2026", "3. Dezember": a day without a year takes the year nearest the file name's date.
    const written = readWrittenDate(raw, firstWrittenDate(source.fileName));
    if (written !== null) return written;
    warnings.push({ line: -1, message: 'the front-matter date is not a YYYY-MM-DD date, so it was ignored' });
  }
  return options.dateFromFileName ? firstWrittenDate(source.fileName) : null;
}

/** "Repair plan, 2026-11-20" and its kin, in the four template languages: what a follow-up heading's text starts with. */
const FOLLOW_UP_KINDS = new Map<string, FollowUpKind>([
  ...HEADINGS['repair-plan'].map((w) => [w.toLowerCase(), 'plan'] as const),
  ...HEADINGS['repair-attempt'].map((w) => [w.toLowerCase(), 'attempt'] as const),
  ...HEADINGS['closing-without-repair'].map((w) => [w.toLowerCase(), 'closing'] as const),
]);
const FOLLOW_UP = new RegExp(`^(${[...FOLLOW_UP_KINDS.keys()].join('|')})(?![\\p{L}\\p{N}])`, 'iu');

function followUpOf(text: string, heading: Heading, lineStart: number, noteDate: string | null): FollowUp | undefined {
  const content = text.slice(lineStart + heading.contentStart, lineStart + heading.contentEnd);
  const m = FOLLOW_UP.exec(content);
  if (!m) return undefined;
  // A day written without a year ("3 de diciembre") takes the year nearest the note's date.
  const date = firstWrittenDate(content, noteDate);
  const kind = FOLLOW_UP_KINDS.get(m[1].toLowerCase());
  return date === null || kind === undefined ? undefined : { kind, date, line: heading.line };
}

/** Parses one note whole: its client, its date, its fields and its rupture entries. Never throws. */
export function parseNote(text: string, source: NoteSource, options: ParseOptions = DEFAULT_PARSE_OPTIONS): Note {
  const head = readHead(text, source, options);
  const hasTag = mayHoldTag(text);
  // Most notes hold no tag, and many no field either; those need no line-by-line walk.
  if (!hasTag && !mayHoldField(text)) return { ...headOnly(text, source, head), fields: NONE };
  return parseBody(text, source, hasTag, head);
}

/**
 * Reads a note for the index (see IndexedNote): whole when `look` (the reader's, or else
 * taken here) says it may hold a tag or a feedback field, else its head only. `text` may
 * then be only the head, as a file reader gives it. Never throws.
 */
export function indexNote(text: string, source: NoteSource, options: ParseOptions = DEFAULT_PARSE_OPTIONS, look: Look = lookAt(text)): IndexedNote {
  const head = readHead(text, source, options);
  if (look === 'head') return headOnly(text, source, head);
  return parseBody(text, source, look === 'tag', head);
}

interface Head {
  readonly client: string;
  readonly date: string | null;
  readonly warnings: NoteWarning[];
  readonly frontMatterEnd: number;
}

function headOnly(text: string, source: NoteSource, head: Head): IndexedNote {
  const { client, date, warnings, frontMatterEnd } = head;
  return {
    path: source.path,
    client,
    date,
    entries: NONE,
    warnings: warnings.length > 0 ? warnings : NONE,
    frontMatterEnd,
    written: hasOwnWriting(text, frontMatterEnd),
    feedback: NONE,
  };
}

/** The front matter's client and date, with the note's fallbacks and warnings. */
function readHead(text: string, source: NoteSource, options: ParseOptions): Head {
  const warnings: NoteWarning[] = [];
  const problems: FrontMatterProblem[] = [];
  const front = readFrontMatter(text, problems, [options.clientKey.toLowerCase(), options.dateKey.toLowerCase()]);
  // Only the keys asked for are reported.
  for (const p of problems) {
    const what = p.why === 'block' ? 'a block (| or >), which Attune does not read' : 'a quotation that does not close properly';
    warnings.push({ line: p.line, message: `the front-matter ${p.key} is ${what}, so it was ignored` });
  }
  const client = resolveClient(front?.values, source, options);
  const date = resolveDate(front?.values, source, options, warnings);
  return { client, date, warnings, frontMatterEnd: front ? front.endLine : -1 };
}

/**
 * The line-by-line part of parseNote, for a note that may hold a tag or a field. Its own
 * function: most notes never reach it, and the engine optimises the short path on its own.
 */
function parseBody(text: string, source: NoteSource, hasTag: boolean, head: Head): Note {
  const { client, date, warnings, frontMatterEnd } = head;
  const lines = splitLines(text);
  const tagged: { heading: Heading; tags: TagSpan[] }[] = [];
  const openers: { line: number; value: string }[] = [];
  const fields: Field[] = [];
  const headings = walkBlocks(text, lines, frontMatterEnd + 1, (line, index, contentStart, heading) => {
    if (heading) {
      if (!hasTag) return;
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
    if (contentStart === line.end) return;
    const c = text.charCodeAt(contentStart);
    // Each field's value is checked for a line separator by itself: no search of the whole text.
    const field = fieldAt(text, contentStart, line.end, index);
    if (field) fields.push(field);
    // The first character of a list marker, `**`, `__`, or an opening line's label (o, e, f, p).
    if (tagged.length > 0 && OPENER_FIRST.has(c) && mayBeOpener(text, contentStart, line.end)) {
      const m = OPENER.exec(text.slice(line.start, line.end));
      if (m) {
        const value = unquote(m[1]);
        // An untouched "(not filled in)" is no opening line: the therapist's earlier one stands.
        if (isFilled(value)) openers.push({ line: index, value });
      }
    }
  });

  // Each entry's section, first line and end: what fields, follow-ups and opening lines are handed out by.
  const starts: number[] = [];
  const ends: number[] = [];
  let h = 0;
  for (const { heading } of tagged) {
    while (headings[h] !== heading) h++;
    starts.push(heading.line);
    ends.push(sectionEnd(headings, h, lines.length));
  }
  const followUps: FollowUp[] = [];
  if (tagged.length > 0) {
    for (const heading of headings) {
      const f = followUpOf(text, heading, lines[heading.line].start, date);
      if (f) followUps.push(f);
    }
  }
  const ownedOpeners = assignToSections(starts, ends, openers);
  const ownedFields = assignToSections(starts, ends, fields);
  const ownedFollowUps = assignToSections(starts, ends, followUps);
  const entries = tagged.map(({ heading, tags }, i): RuptureEntry => {
    const tag = tags[0];
    const raw = tag.rawStatus ?? 'open';
    const status: Status = isStatus(raw) ? raw : 'open';
    const statusKnown = status === raw;
    if (!statusKnown) {
      warnings.push({
        line: heading.line,
        message: 'a rupture tag has a status Attune does not know (open, planned, attempted, held, repaired, closed); it is listed as open',
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
    const opener = ownedOpeners.owned[i];
    return {
      path: source.path,
      line: heading.line,
      title: title.replace(/[ \t]{2,}/g, ' ').trim(),
      status,
      statusKnown,
      level: heading.level,
      sectionEnd: ends[i],
      client,
      date,
      opener: opener.length > 0 ? opener[opener.length - 1].value : undefined,
      tag,
      fields: ownedFields.owned[i],
      followUps: ownedFollowUps.owned[i],
    };
  });
  const outside = ownedFields.outside;
  let feedback: Field[] | undefined;
  for (const f of outside) if (isFeedbackLabel(f.label)) (feedback ??= []).push(f);
  return {
    path: source.path,
    client,
    date,
    entries,
    warnings,
    frontMatterEnd,
    fields: outside.length > 0 ? outside : NONE,
    written: entries.length > 0 || hasOwnWriting(text, frontMatterEnd, lines),
    feedback: feedback ?? NONE,
    headings: headings.length === 0 ? NONE : withSections(headings, lines.length),
  };
}

/**
 * Hands each item (in line order) to the innermost entry whose section holds it: a nested
 * rupture's lines belong to that rupture, not to the one around it. Items on an entry's
 * own heading line belong to the section around it. Entry k's section runs from line
 * `starts[k]` to just before `ends[k]`. One pass over both lists, with a stack of the
 * sections still open.
 */
function assignToSections<T extends { readonly line: number }>(
  starts: readonly number[],
  ends: readonly number[],
  items: readonly T[],
): { owned: T[][]; outside: T[] } {
  const owned: T[][] = starts.map(() => []);
  const outside: T[] = [];
  const stack: number[] = [];
  let next = 0;
  for (const item of items) {
    while (next < starts.length && starts[next] < item.line) {
      while (stack.length > 0 && ends[stack[stack.length - 1]] <= starts[next]) stack.pop();
      stack.push(next++);
    }
    while (stack.length > 0 && ends[stack[stack.length - 1]] <= item.line) stack.pop();
    if (stack.length > 0) owned[stack[stack.length - 1]].push(item);
    else outside.push(item);
  }
  return { owned, outside };
}
