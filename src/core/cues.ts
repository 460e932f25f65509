/**
 * Cue hints: words in a note's ordinary text that may point to a quiet rupture. A hint is
 * a suggestion that says why it appeared; it never creates or changes a record.
 *
 * Where cues are looked for: ordinary text only, never in front matter, fenced or indented
 * code, HTML comments, or anywhere in a rupture entry's section, heading included (that
 * rupture is already recorded). How: one search for every cue's words (without regard to
 * case, on word boundaries, straight and curly apostrophes alike, never over a line break),
 * then, for each place found, the rules of cueRules.ts decide from who is speaking and
 * about whom whether the words are about the work at all. Words of risk come first: a cue
 * in a sentence that speaks of risk becomes a `safety-first` hint.
 */
import { splitLines } from './lines';
import { forEachMarkdownLine } from './blocks';
import type { Note } from './note';
import { BUILT_IN_CUES, CUE_KINDS, SAFETY_FIRST, type CueDefinition, type CueRule, type HintKind } from './cuePhrases';
import { cueCounts, NoteText } from './cueRules';

export { BUILT_IN_CUES, CUE_KINDS, SAFETY_FIRST, type CueDefinition, type CueKind, type CueRule, type HintKind } from './cuePhrases';
export { hasRiskLanguage, lineForReflection } from './cueRules';

/** One cue found in a note. Lines and columns count from 0, in UTF-16 code units as editors do. */
export interface CueHint {
  readonly line: number;
  readonly column: number;
  readonly length: number;
  /** Offset of the words in the text given to `findCues`. */
  readonly offset: number;
  /** The cue's id, such as `not-exactly`, or `safety-first`. */
  readonly cue: string;
  readonly kind: HintKind;
  readonly reason: string;
}

/** A cue's words under one rule, with an expression that tells whether they start at a given place. */
export interface CueGroup {
  readonly cue: CueDefinition;
  readonly rule: CueRule;
  /** Sticky: matches this group's words (with their word boundaries) exactly at `lastIndex`. */
  readonly at: RegExp;
}

/** Cue definitions turned into one search expression, made once per set of settings. */
export interface CompiledCues {
  readonly cues: readonly CueDefinition[];
  /** Every group in order: where the search stops, the first group matching there is the cue. */
  readonly groups: readonly CueGroup[];
  readonly pattern: RegExp;
}

/**
 * Letters, digits and `_` of any script, as simple ranges: V8 builds `\p{L}`-style classes
 * slowly (a third of a second for this pattern), ranges in a millisecond or two. Everything
 * from U+00C0 up counts as a letter except the blocks of punctuation, spaces, arrows and
 * symbols a note may put next to a phrase (curly quotes, dashes, the ellipsis, CJK
 * punctuation) and emoji. Without the `u` flag the search also runs twice as fast.
 */
const WORD = '0-9A-Za-z_\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2070-\\u218F\\u2C00-\\u2DFF\\u2E80-\\u2FFF\\u3040-\\uD7FF\\uF900-\\uFE2F\\uFE70-\\uFEFE\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF66-\\uFFDC';
const WORD_CHAR = new RegExp(`[${WORD}]`);
// Written with the characters themselves, not escapes: the expression must stay under the
// length (20,000 characters) past which V8 stops optimising it, and these occur hundreds of times.
const APOSTROPHES = "['\u2019\u2018\u02BC]";
const SPACES = '[ \t\u00A0]+';

/** A character of a phrase, escaped; case is left to the `i` flag (spelled-out cases made the expression too long for V8 to optimise). */
function literal(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, (s) => `\\${s}`);
}

/**
 * The regular expression source for one phrase (see cuePhrases.ts for the syntax), without
 * the boundaries around it. `builtIn` phrases may use `{a|b}` and `#`; a user's are plain words.
 */
function phraseSource(phrase: string, builtIn: boolean): string {
  // Not trimmed: a phrase's tail after its first letter may start with a space.
  const trimmed = phrase.replace(/\s+/g, ' ');
  let out = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === ' ') out += SPACES;
    else if (c === "'" || c === '\u2019' || c === '\u2018' || c === '\u02BC') out += APOSTROPHES;
    else if (trimmed.startsWith('...', i) || c === '\u2026') {
      out += '(?:\\.\\.\\.|\u2026)';
      if (c === '.') i += 2;
    } else if (builtIn && c === '{') out += '(?:';
    else if (builtIn && c === '|') out += '|';
    else if (builtIn && c === '}') out += ')';
    else if (builtIn && c === '#') out += '[0-9]+';
    else out += literal(c);
  }
  return out;
}

/** Whether a phrase starts (or ends) with a letter or digit (a `{…}` or `#` counts), and so needs a word boundary there. */
function wordAt(phrase: string, builtIn: boolean, end: boolean): boolean {
  const trimmed = phrase.trim();
  const c = (end ? trimmed[trimmed.length - 1] : trimmed[0]) ?? '';
  return WORD_CHAR.test(c) || (builtIn && (c === (end ? '}' : '{') || c === '#'));
}

/**
 * Each phrase's source without its first letter, under that letter ('' for a phrase that
 * starts with anything else). A built-in phrase starting with `{a|b}` is split by the first
 * letters of its choices (`went|goes|got` gives `w(?:ent)` and `g(?:oes|ot)`), its tail
 * shared.
 */
function byFirstLetter(phrases: readonly string[], builtIn: boolean): [string, string][] {
  const out: [string, string][] = [];
  for (const p of phrases) {
    if (builtIn && p.startsWith('{')) {
      const close = p.indexOf('}');
      const tail = phraseSource(p.slice(close + 1), true);
      const choices = new Map<string, string[]>();
      for (const choice of p.slice(1, close).split('|')) {
        const first = choice[0]?.toLowerCase() ?? '';
        if (!/^[a-z]$/.test(first)) {
          // An empty or unusual choice: the whole phrase with that one choice, unfactored.
          out.push(['', `${phraseSource(choice, true)}${tail}`]);
          continue;
        }
        choices.set(first, [...(choices.get(first) ?? []), phraseSource(choice.slice(1), true)]);
      }
      for (const [first, rests] of choices) out.push([first, `(?:${rests.join('|')})${tail}`]);
      continue;
    }
    const first = p[0].toLowerCase();
    if (/^[a-z0-9]$/.test(first)) out.push([first, phraseSource(p.slice(1), builtIn)]);
    else out.push(['', phraseSource(p, builtIn)]);
  }
  return out;
}

/**
 * Compiles the built-in cues (unless left out) and the user's own into one search.
 *
 * Why it is shaped so: the search tries every alternative at every word start, so its cost
 * grows with the number of alternatives. Phrases are grouped by their first letter
 * (`n(?:ot exactly|ot helping|...)`), so a word start tries one letter's phrases, not all of
 * them; and by whether they start and end with a letter or digit, so each kind shares one
 * boundary check (a check per phrase would make the expression so long that V8 gives up
 * optimising it). The search captures nothing: where it stops, each group's own sticky
 * expression, tried in order, says which cue it is.
 */
export function compileCues(extra: readonly CueDefinition[] = [], builtIn: readonly CueDefinition[] = BUILT_IN_CUES): CompiledCues {
  const all = [...builtIn.map((cue) => ({ cue, builtIn: true })), ...extra.map((cue) => ({ cue, builtIn: false }))];
  const cues = all.map((c) => c.cue).filter((c) => c.phrases.some((p) => p.phrases.length > 0));
  const groups: CueGroup[] = [];
  // Phrases by boundary kind (starts with a word character? ends with one?), then by first letter.
  const kinds = new Map<string, Map<string, string[]>>();
  const wrap = (start: boolean, end: boolean, body: string): string => `${start ? `(?<![${WORD}])` : ''}(?:${body})${end ? `(?![${WORD}])` : ''}`;
  for (const { cue, builtIn: own } of all) {
    for (const set of cue.phrases) {
      const phrases = set.phrases.map((p) => p.trim()).filter((p) => p.length > 0);
      if (phrases.length === 0) continue;
      // Longer phrases first, so "is it time yet" is tried before "is it time".
      phrases.sort((x, y) => y.length - x.length);
      const sticky: string[] = [];
      for (const [start, end] of [[true, true], [true, false], [false, true], [false, false]]) {
        const mine = phrases.filter((p) => wordAt(p, own, false) === start && wordAt(p, own, true) === end);
        if (mine.length === 0) continue;
        sticky.push(wrap(start, end, mine.map((p) => phraseSource(p, own)).join('|')));
        const byLetter = kinds.get(`${start}${end}`) ?? new Map<string, string[]>();
        kinds.set(`${start}${end}`, byLetter);
        for (const [key, source] of byFirstLetter(mine, own)) {
          const list = byLetter.get(key) ?? [];
          list.push(source);
          byLetter.set(key, list);
        }
      }
      groups.push({ cue, rule: set.rule, at: new RegExp(sticky.join('|'), 'iy') });
    }
  }
  const branches: string[] = [];
  for (const [kind, byLetter] of kinds) {
    const parts = [...byLetter].map(([letter, list]) => (letter ? `${letter}(?:${[...new Set(list)].join('|')})` : [...new Set(list)].join('|')));
    branches.push(wrap(kind.startsWith('true'), kind.endsWith('true'), parts.join('|')));
  }
  // An empty set matches nothing (an empty alternation would match everywhere).
  return { cues, groups, pattern: new RegExp(branches.join('|') || '(?!)', 'gi') };
}

let builtInCompiled: CompiledCues | undefined;

/** The built-in cues alone, compiled once. */
export function builtInCues(): CompiledCues {
  builtInCompiled ??= compileCues();
  return builtInCompiled;
}

interface RawMatch {
  readonly offset: number;
  readonly length: number;
  readonly group: CueGroup;
}

/**
 * The cues in a note's ordinary text, in order. `note` is the parsed note (its front
 * matter and rupture sections). One pass of the expression over the text; the block walk
 * and the rules run only when something matched, so a note without cue words costs one
 * search.
 */
export function findCues(text: string, note: Pick<Note, 'entries' | 'frontMatterEnd'>, compiled: CompiledCues): CueHint[] {
  const matches: RawMatch[] = [];
  const { pattern } = compiled;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // The first group whose words start here is the cue, with the length its words have.
    for (const group of compiled.groups) {
      group.at.lastIndex = m.index;
      const own = group.at.exec(text);
      if (own) {
        matches.push({ offset: m.index, length: own[0].length, group });
        pattern.lastIndex = m.index + Math.max(1, own[0].length);
        break;
      }
    }
    // Every phrase holds at least one character, so the search always moves on.
  }
  pattern.lastIndex = 0;
  if (matches.length === 0) return [];

  const lines = splitLines(text);
  const ordinary = new Uint8Array(lines.length);
  forEachMarkdownLine(text, lines, note.frontMatterEnd + 1, (_line, index) => {
    ordinary[index] = 1;
  });
  // Rupture sections may nest: a running count of the sections open at each line keeps
  // this linear however deep they go.
  const opened = new Int32Array(lines.length + 1);
  for (const e of note.entries) {
    opened[Math.max(0, e.line)]++;
    opened[Math.min(lines.length, e.sectionEnd)]--;
  }
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    depth += opened[i];
    if (depth > 0) ordinary[i] = 0;
  }

  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const reader = new NoteText(text, lines, ordinary);
  const hints: CueHint[] = [];
  let line = 0;
  for (const match of matches) {
    while (line + 1 < lines.length && lines[line + 1].start <= match.offset) line++;
    if (!ordinary[line]) continue;
    const verdict = cueCounts(reader, line, match.offset, match.length, match.group.rule);
    if (verdict === 'no') continue;
    const column = match.offset - lines[line].start - (line === 0 ? bom : 0);
    const { cue } = match.group;
    if (verdict === 'safety') hints.push({ line, column, length: match.length, offset: match.offset, cue: SAFETY_FIRST.id, kind: SAFETY_FIRST.kind, reason: SAFETY_FIRST.reason });
    else hints.push({ line, column, length: match.length, offset: match.offset, cue: cue.id, kind: cue.kind, reason: cue.reason });
  }
  return hints;
}

/** Limits on the user's own phrases, so a hostile settings file cannot slow the editor down. */
export const MAX_USER_PHRASES = 200;
const MAX_PHRASE_LENGTH = 100;
const MAX_REASON_LENGTH = 300;

export interface UserCues {
  readonly cues: CueDefinition[];
  /** Entries left out because they were not a usable phrase, kind and reason. */
  readonly skipped: number;
}

function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Control characters (line breaks included) become spaces: a hint is one line.
  const clean = value.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 0 && clean.length <= max ? clean : undefined;
}

function idFor(phrase: string, given: unknown): string {
  if (typeof given === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(given) && given !== SAFETY_FIRST.id) return given;
  const slug = phrase
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'own-phrase';
}

/**
 * Reads the `attune.cues.phrases` setting: an array of `{ phrase, kind, reason }` (an
 * optional `id` too). Anything else in it is skipped and counted, never thrown on: the
 * settings may come from an untrusted workspace. A clinician's own phrase counts anywhere
 * but inside someone else's quoted words; one of the kind `my own reaction` only in the
 * therapist's own narrative, as the built-in ones.
 */
export function readUserCues(raw: unknown): UserCues {
  if (!Array.isArray(raw)) return { cues: [], skipped: raw === undefined || raw === null ? 0 : 1 };
  const cues: CueDefinition[] = [];
  let skipped = 0;
  for (const item of raw.slice(0, MAX_USER_PHRASES)) {
    const entry = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
    const phrase = cleanText(entry?.phrase, MAX_PHRASE_LENGTH);
    const reason = cleanText(entry?.reason, MAX_REASON_LENGTH);
    const kind = CUE_KINDS.find((k) => k === entry?.kind);
    // A phrase needs a letter or a digit: "..." alone would match all over a note.
    if (!entry || !phrase || !reason || !kind || !/[\p{L}\p{N}]/u.test(phrase)) {
      skipped++;
      continue;
    }
    const rule: CueRule = kind === 'my own reaction' ? 'my-reaction' : 'own';
    cues.push({ id: idFor(phrase, entry.id), kind, reason, phrases: [{ rule, phrases: [phrase] }] });
  }
  skipped += Math.max(0, raw.length - MAX_USER_PHRASES);
  return { cues, skipped };
}

/** What a hover or a listing adds to every relationship cue's reason. */
export const NOT_A_RUPTURE_BY_ITSELF =
  'A short answer or a silence is not a rupture by itself; this is only a prompt to look again, and nothing is recorded unless you choose to.';

/** The line a cue was found on, quoted for the "Cues I noticed" field of a reflection. */
export function quoteCueLine(lineText: string): string {
  const text = lineText.trim();
  return text.includes('"') ? `\u201C${text}\u201D` : `"${text}"`;
}
