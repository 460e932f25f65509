/**
 * The "Before the session" section: first, that safety comes before rupture work; the
 * ruptures this client and I may revisit, oldest first, each with a link to its heading
 * and the planned opening line (or, after an attempt, how it landed); what mattered to
 * them last time; the ruptures waiting at their pace, held or not ready (titles only);
 * then the clinician's own checks. Pure text in, text and edits out; the editor and the CLI do the reading and
 * writing.
 */
import { headingAnchors } from '../markdown/anchors';
import { earlierNote, nextTimeLines, type CarriedLine } from './carryForward';
import { relativeLink } from '../markdown/links';
import type { TextEdit } from '../notes/edits';
import { readFrontMatter } from '../markdown/frontMatter';
import { hasRiskLanguage } from '../safety/riskLanguage';
import { compareEntries, entryAge } from '../notes/ruptureIndex';
import { dominantEol, splitLines, withEol } from '../markdown/lines';
import { forEachMarkdownLine, parseHeading } from '../markdown/blocks';
import { checksWithFeedback, feedbackBrief, type FeedbackBrief } from '../feedback/feedbackChecklist';
import type { IndexedNote, RuptureEntry } from '../notes/note';
import type { SessionSettings } from '../notes/settings';
import { isUnrepaired, STATUS_LABELS, type Status } from '../notes/status';
import { howTheLastAttemptLanded, waitsForThem } from '../notes/theirPace';
import { withWhom } from '../notes/withWhom';
import { BUILT_IN_TEMPLATES, findTemplate, renderMarkdown, SAFETY_FIRST_WORDS, type Template } from '../reflection/templates';
import { HEADINGS, inLanguage, type NoteLanguage } from '../notes/fieldKeys';
import { CHECKLIST_WORDS } from './checklistWords';
import { checklistHeading, TASK, type ChecklistProgress } from './progress';
import { sessionNoteFileName } from '../notes/sessionNoteName';

/** In place of how the last attempt landed when those words speak of risk. */
export const LANDED_WITH_RISK = CHECKLIST_WORDS.en.landedWithRisk;

/** The section's heading text (in English; HEADINGS holds it in each template language). */
export const CHECKLIST_TITLE = 'Before the session';

/** The default file name of a session note; `YYYY`, `MM` and `DD` are today's date. */

export interface ChecklistInput {
  /** The client's code, exactly as the notes give it; the only name the section uses. */
  readonly client: string;
  /** `YYYY-MM-DD`: ages are counted to this day. */
  readonly today: string;
  /** The client's unrepaired entries (such as `RuptureIndex.unrepaired(client)`); others are left out. */
  readonly entries: readonly RuptureEntry[];
  /**
   * The note the section goes into, in the same kind of path as the entries' `path`
   * (workspace-relative with `/`, a file system path, or a URI string): links are
   * relative to it.
   */
  readonly notePath: string;
  /**
   * The current text of each entry's note, by its path, for the heading anchors. An entry
   * whose note text is unknown (or whose heading has moved) links to the note alone.
   */
  readonly noteText?: ReadonlyMap<string, string> | ((path: string) => string | undefined);
  /** Anchors the caller already has; consulted before `noteText`. */
  readonly anchorFor?: (entry: RuptureEntry) => string | undefined;
  /** The clinician's checks as markdown (see `renderChecks`); task lines become items. */
  readonly checks: string;
  /** Level of the section's heading, 1 to 6 (default 2). */
  readonly level?: number;
  /** The client's held ruptures: listed by title once, never as tasks. */
  readonly held?: readonly RuptureEntry[];
  /** The lines of the earlier note's "Next time" section (see `nextTimeLines`). */
  readonly fromLastTime?: readonly CarriedLine[];
  /** The language the section is written in (`attune.templateLanguage`); English by default. */
  readonly language?: NoteLanguage;
}

export interface ChecklistItem {
  readonly kind: 'rupture' | 'check' | 'fromLastTime';
  /** A rupture's title, or a check's text after its box. */
  readonly text: string;
  readonly done: boolean;
  /** For a rupture: the entry it returns to. */
  readonly entry?: RuptureEntry;
  /** For a rupture: the link destination, written once at the section's end under `label`. */
  readonly link?: string;
  /** For a rupture: the reference label its title links through (`revisit 1`). */
  readonly label?: string;
  /** For a rupture: days since its note, or null for an undated note. */
  readonly ageDays?: number | null;
  /** For a line from last time: where it was written. */
  readonly source?: CarriedLine;
}

export interface Checklist {
  /** The whole section, heading first, lines ending in `\n` (no final line break). */
  readonly markdown: string;
  readonly items: readonly ChecklistItem[];
}

/**
 * The reference labels of the rupture links (`[Too soon][revisit 1]`, defined as
 * `[revisit 1]: 2026-11-06.md#too-soon-ruptureplanned`): words unlikely to meet a
 * definition of the therapist's own.
 */
const REFERENCE_LABEL = 'revisit';

/** The line shown when no repair is waiting; warm, and names the client by code only. */
export function nothingWaitingLine(client: string, language: NoteLanguage = 'en'): string {
  return CHECKLIST_WORDS[language].nothingWaiting(client);
}

function statusLabel(status: Status, language: NoteLanguage): string {
  return status === 'open' || status === 'planned' || status === 'attempted' ? CHECKLIST_WORDS[language].status[status] : STATUS_LABELS[status];
}

/** The therapist's own words inside the section, with an HTML comment opener defused so it cannot hide the rest. */
function ownWords(text: string): string {
  return text.replace(/<!--/g, '<\\!--');
}

/** Escapes what would end a link's text early. */
function linkText(title: string): string {
  return (title || '(untitled)').replace(/[\\[\]]/g, (c) => `\\${c}`);
}

function textOf(source: ChecklistInput['noteText'], path: string): string | undefined {
  if (!source) return undefined;
  return typeof source === 'function' ? source(path) : source.get(path);
}

/** The anchor of each entry's heading, computing each note's anchors once, by line (a note of many headings stays linear). */
function anchorResolver(input: ChecklistInput): (entry: RuptureEntry) => string | undefined {
  const cache = new Map<string, ReadonlyMap<number, string> | undefined>();
  return (entry) => {
    const given = input.anchorFor?.(entry);
    if (given !== undefined) return given;
    if (!cache.has(entry.path)) {
      const text = textOf(input.noteText, entry.path);
      cache.set(entry.path, text === undefined ? undefined : new Map(headingAnchors(text).map((h) => [h.line, h.anchor])));
    }
    return cache.get(entry.path)?.get(entry.line);
  };
}

/** The task items of a block of markdown, in order. */
export function taskItems(markdown: string): { readonly text: string; readonly done: boolean; readonly line: number }[] {
  const out: { text: string; done: boolean; line: number }[] = [];
  const lines = splitLines(markdown);
  forEachMarkdownLine(markdown, lines, 0, (line, index) => {
    const content = markdown.slice(line.start, line.end);
    const m = TASK.exec(content);
    if (m) out.push({ text: content.slice(m[0].length).trim(), done: m[2] !== ' ', line: index });
  });
  return out;
}

/**
 * The clinician's checks as markdown: the `checklist` template of `templates` (a
 * workspace's `.attune/templates/checklist.md` merged in by `mergeTemplates` overrides
 * the built-in), every field at its default.
 */
export function renderChecks(templates: readonly Template[], client: string, today: string): string {
  const template = findTemplate(templates, 'checklist') ?? findTemplate(BUILT_IN_TEMPLATES, 'checklist');
  return template ? renderMarkdown(template, { client, date: today }, today) : '';
}

/** Builds the section. Rupture items come first, oldest first; then the clinician's checks. */
export function buildChecklist(input: ChecklistInput): Checklist {
  const level = Math.min(Math.max(Math.trunc(input.level ?? 2), 1), 6);
  const language = input.language ?? 'en';
  const words = CHECKLIST_WORDS[language];
  const anchorOf = anchorResolver(input);
  // A rupture whose latest word is "not ready" waits with the held ones: no box, no opener.
  const entries = input.entries.filter((e) => isUnrepaired(e.status) && !waitsForThem(e)).sort(compareEntries);
  const waiting = input.entries.filter((e) => isUnrepaired(e.status) && waitsForThem(e));
  const items: ChecklistItem[] = [];
  // Safety comes before any rupture, whatever checks the clinician keeps.
  const blocks: string[] = [`${'#'.repeat(level)} ${inLanguage(HEADINGS['before-the-session'], language)}`, inLanguage(SAFETY_FIRST_WORDS, language)];

  // Each title links by reference: the line reads as the title, and the long destinations
  // (a path and a heading's anchor) wait at the end of the section.
  const definitions: string[] = [];
  if (entries.length === 0) {
    blocks.push(nothingWaitingLine(input.client, language));
  } else {
    const lines: string[] = [];
    for (const entry of entries) {
      const link = relativeLink(input.notePath, entry.path, anchorOf(entry) || undefined);
      const ageDays = entryAge(entry, input.today);
      const who = withWhom(entry);
      const label = `${REFERENCE_LABEL} ${definitions.length + 1}`;
      definitions.push(`[${label}]: ${link}`);
      lines.push(
        `- [ ] ${words.revisit} [${linkText(entry.title)}][${label}] (${statusLabel(entry.status, language)}, ${words.noted(entry.date, input.today)}${who ? `, ${words.with} ${ownWords(who)}` : ''})`,
      );
      // After an attempt, how it landed matters more than the line it opened with.
      const landed = entry.status === 'attempted' ? howTheLastAttemptLanded(entry) : undefined;
      // Words of risk are never offered back as a matter between the two of you.
      if (landed && hasRiskLanguage(landed)) lines.push(`  > ${words.landedWithRisk}`);
      else if (landed) lines.push(`  > ${words.landed} ${ownWords(landed)}`);
      else if (entry.opener && entry.status !== 'attempted') lines.push(`  > "${entry.opener}"`);
      items.push({ kind: 'rupture', text: entry.title, done: false, entry, link, label, ageDays });
    }
    blocks.push(lines.join('\n'));
  }

  for (const block of [fromLastTimeBlock(input.fromLastTime ?? [], language), heldBlock([...(input.held ?? []), ...waiting], language)]) {
    if (!block) continue;
    blocks.push(block.markdown);
    items.push(...block.items);
  }

  const checks = input.checks
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  if (checks) {
    blocks.push(checks);
    for (const t of taskItems(checks)) items.push({ kind: 'check', text: t.text, done: t.done });
  }
  if (definitions.length > 0) blocks.push(definitions.join('\n'));
  return { markdown: blocks.join('\n\n'), items };
}

/** What mattered to the client last time, as task items marked as such. */
function fromLastTimeBlock(lines: readonly CarriedLine[], language: NoteLanguage): { markdown: string; items: ChecklistItem[] } | undefined {
  if (lines.length === 0) return undefined;
  return {
    markdown: lines.map((l) => `- [ ] ${CHECKLIST_WORDS[language].fromLastTime} ${l.text}`).join('\n'),
    items: lines.map((l) => ({ kind: 'fromLastTime', text: l.text, done: false, source: l })),
  };
}

/** The line before the held titles. */
export const HELD_LINE = CHECKLIST_WORDS.en.held;

/**
 * Held ruptures, and those whose latest word says to wait, each title once, as plain list
 * lines: no task box, no opening line, no date. They are not items: nothing to tick,
 * nothing counted.
 */
function heldBlock(held: readonly RuptureEntry[], language: NoteLanguage): { markdown: string; items: ChecklistItem[] } | undefined {
  const titles = [
    ...new Set(
      held
        .filter((e) => e.status === 'held' || waitsForThem(e))
        .sort(compareEntries)
        .map((e) => {
          const who = withWhom(e);
          return who ? `${linkText(e.title)} (${CHECKLIST_WORDS[language].with} ${ownWords(who)})` : linkText(e.title);
        }),
    ),
  ];
  if (titles.length === 0) return undefined;
  return { markdown: [CHECKLIST_WORDS[language].held, '', ...titles.map((t) => `- ${t}`)].join('\n'), items: [] };
}

/** True when the note already has a "Before the session" section, so it is never added twice. */
export function hasChecklist(noteText: string): boolean {
  return checklistHeading(noteText) !== undefined;
}

/** "4 of 11 done": the words for a progress lens. */
export function progressLabel(progress: ChecklistProgress): string {
  return progress.total === 0 ? 'No items yet' : `${progress.done} of ${progress.total} done`;
}

/**
 * The edit that ticks or unticks the task item on a line: only the character between the
 * brackets changes (` ` to `x`, `x` or `X` to ` `). Undefined when the line holds no task
 * item. `lineText` is the line's content (a trailing line break is tolerated).
 */
export function toggleTaskEdit(lineText: string, line: number): TextEdit | undefined {
  const m = TASK.exec(lineText);
  if (!m) return undefined;
  return { line, character: m[1].length, length: 1, newText: m[2] === ' ' ? 'x' : ' ' };
}

/**
 * `toggleTaskEdit` for a line of a whole note, refusing lines that are not markdown
 * (front matter, fenced code, HTML comments).
 */
export function toggleTaskInNote(noteText: string, line: number): TextEdit | undefined {
  const lines = splitLines(noteText);
  if (line < 0 || line >= lines.length) return undefined;
  const front = readFrontMatter(noteText);
  let edit: TextEdit | undefined;
  forEachMarkdownLine(noteText, lines, front ? front.endLine + 1 : 0, (l, index) => {
    if (index === line) edit = toggleTaskEdit(noteText.slice(l.start, l.end), line);
  });
  return edit;
}

/**
 * Where the section goes in an existing note, as an insertion: after the front matter,
 * and after a first-level title when the note opens with one; at the top otherwise. The
 * section (written with `\n`) takes the note's own line breaks, with one blank line
 * before and after it.
 */
export function checklistInsertEdit(noteText: string, section: string): TextEdit {
  const eol = dominantEol(noteText);
  const body = withEol(section.replace(/\r\n?/g, '\n').replace(/\n+$/, ''), eol);
  const lines = splitLines(noteText);
  const front = readFrontMatter(noteText);
  let anchor = front ? front.endLine : -1;
  // A first-level title right at the start (blank lines aside) keeps its place on top.
  for (let i = anchor + 1; i < lines.length; i++) {
    const l = lines[i];
    const start = i === 0 && noteText.charCodeAt(0) === 0xfeff ? 1 : l.start;
    if (noteText.slice(start, l.end).trim() === '') continue;
    const heading = parseHeading(noteText, l, i);
    if (heading && heading.level === 1) anchor = i;
    break;
  }
  const isBlank = (i: number): boolean => i >= lines.length || noteText.slice(lines[i].start, lines[i].end).trim() === '';
  if (anchor === -1) {
    const character = noteText.charCodeAt(0) === 0xfeff ? 1 : 0;
    const empty = noteText.length === character;
    return { line: 0, character, length: 0, newText: empty ? body + eol : body + eol + (isBlank(0) ? '' : eol) };
  }
  const line = lines[anchor];
  const last = line.eol === '';
  const after = last ? eol : isBlank(anchor + 1) ? '' : eol;
  return { line: anchor, character: line.end - line.start, length: 0, newText: eol + eol + body + after };
}

/**
 * Where today's note for a client goes: beside the client's latest note (give its path,
 * with `/` separators), or at the top when there is none.
 */
export function sessionNotePath(latestNotePath: string | undefined, pattern: string, date: string): string {
  const name = sessionNoteFileName(pattern, date);
  if (!latestNotePath) return name;
  const slash = latestNotePath.lastIndexOf('/');
  return slash === -1 ? name : `${latestNotePath.slice(0, slash + 1)}${name}`;
}

/** What preparing a session needs to know of a client's notes: the index, or anything that answers alike. */
interface ClientNotes {
  unrepaired(client: string): RuptureEntry[];
  held(client: string): RuptureEntry[];
  /** The client's notes, most recent first. */
  notesOf(client: string): IndexedNote[];
}

interface SessionPreparation {
  readonly notes: ClientNotes;
  readonly client: string;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  /** Today's note, in the same kind of path as the index's (see `todaysNotePath`). */
  readonly notePath: string;
  /** A note's current text by its path (for heading anchors and the "Next time" lines), or undefined when it cannot be read. */
  readonly noteText: (path: string) => string | undefined;
  /** The workspace's templates (`mergeTemplates`): its `checklist` template gives the checks. */
  readonly templates: readonly Template[];
  readonly settings: SessionSettings;
  /** The language the section is written in (`attune.templateLanguage`); English by default. */
  readonly language?: NoteLanguage;
}

/**
 * Today's note for a client: beside their latest note, named by `attune.newNoteFileName`
 * (at the top of the workspace when they have no note yet).
 */
export function todaysNotePath(notes: ClientNotes, client: string, settings: SessionSettings, today: string): string {
  return sessionNotePath(notes.notesOf(client)[0]?.path, settings.noteFileName, today);
}

/**
 * The notes whose text the section is built from: those holding the client's unrepaired
 * ruptures (for the anchors) and the earlier note whose "Next time" lines are carried. A
 * face that reads asynchronously (the editor) reads these first.
 */
export function notesToRead(input: Pick<SessionPreparation, 'notes' | 'client' | 'today' | 'notePath'>): string[] {
  const paths = input.notes.unrepaired(input.client).map((e) => e.path);
  const earlier = earlierNote(input.notes.notesOf(input.client), input.today, input.notePath);
  return [...new Set(earlier ? [...paths, earlier.path] : paths)];
}

/**
 * "Prepare for session", the one use case behind the editor's command and `attune checklist`:
 * the "Before the session" section for a client, and the feedback brief it draws on, from the
 * client's notes and the workspace's templates and settings.
 */
export function prepareChecklist(input: SessionPreparation): { readonly checklist: Checklist; readonly feedback: FeedbackBrief } {
  const { notes, client, today, notePath, settings, language = 'en' } = input;
  const feedback = feedbackBrief(notes.notesOf(client), client, today, settings.feedbackThreshold);
  const earlier = earlierNote(notes.notesOf(client), today, notePath);
  const earlierText = earlier && input.noteText(earlier.path);
  const checklist = buildChecklist({
    client,
    today,
    entries: notes.unrepaired(client),
    notePath,
    noteText: input.noteText,
    checks: checksWithFeedback(renderChecks(input.templates, client, today), feedback, language),
    held: notes.held(client),
    fromLastTime: earlier && earlierText !== undefined ? nextTimeLines(earlierText, earlier.path, settings.nextTimeHeading) : [],
    language,
  });
  return { checklist, feedback };
}
