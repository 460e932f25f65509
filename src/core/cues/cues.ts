/**
 * Cue hints: words in a note's ordinary text that may point to a quiet rupture. A hint is
 * a suggestion that says why it appeared; it never creates or changes a record.
 *
 * Where cues are looked for: ordinary text only, never in front matter, fenced or indented
 * code, HTML comments, or anywhere in a rupture entry's section, heading included (that
 * rupture is already recorded). How: one quick search for the places where cue words may
 * start (a second one for the clinician's own phrases), then at each place the exact words
 * (without regard to case, on word boundaries, straight and curly apostrophes alike, never
 * over a line break), then, for each cue found, the rules of cueRules.ts decide from who is
 * speaking and about whom whether the words are about the work at all. Words of risk come
 * first: a cue in a sentence that speaks of risk becomes a `safety-first` hint.
 */
import { splitLines } from '../markdown/lines';
import { forEachMarkdownLine } from '../markdown/blocks';
import type { Note } from '../notes/note';
import { BUILT_IN_CUES, CUE_KINDS, SAFETY_FIRST, type CueDefinition, type CueRule, type HintKind } from './cuePhrases';
import { cueCounts, NoteText } from './cueRules';

export { BUILT_IN_CUES, CUE_KINDS, SAFETY_FIRST, type CueDefinition, type CueKind, type CueRule, type HintKind } from './cuePhrases';
export { lineForReflection } from './cueRules';

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
  /** The groups in order whose words may start with a given ASCII letter or digit (lower case); others: `groupsElsewhere`. */
  readonly groupsByFirst: ReadonlyMap<string, readonly CueGroup[]>;
  /** The groups in order with words that start with anything but an ASCII letter or digit. */
  readonly groupsElsewhere: readonly CueGroup[];
  /**
   * The searches for where cue words may start: the built-in phrases', then the clinician's
   * own (kept apart so that many of their own phrases cannot make the built-in search too
   * long for V8 to optimise).
   */
  readonly searches: readonly RegExp[];
  /** Per search: whether it looks for German, Spanish or French phrases, and so runs only on a text that may hold those languages. */
  readonly otherLanguages: readonly boolean[];
}

/**
 * Signs that a text may be written in German, Spanish or French: their quotation marks or
 * accented letters (ä, ß, é, ñ, ç…) anywhere, one look at each character; or, for a short
 * note without them, one of their commonest words near the start. Much cheaper than the
 * search for their phrases, which an English note is spared.
 */
const OTHER_LETTERS = /[\u201E\u00AB\u00BB\u2039\u203A\u00BF\u00A1\u00C0-\u00FF]/;
const OTHER_WORDS =
  /\b(?:ich|mich|mir|und|nicht|sie|wir|ist|hat|ein|eine|auch|noch|das|der|el|ella|los|las|que|pero|muy|estaba|dijo|conmigo|il|elle|est|les|je|pas|une|vous|nous|moi)\b/i;
const WORDS_LOOKED_AT = 4000;

function maybeOtherLanguage(text: string): boolean {
  return OTHER_LETTERS.test(text) || OTHER_WORDS.test(text.slice(0, WORDS_LOOKED_AT));
}

/**
 * Letters, digits and `_` of any script, as simple ranges: V8 builds `\p{L}`-style classes
 * slowly (a third of a second for this pattern), ranges in a millisecond or two. Everything
 * from U+00C0 up counts as a letter except the blocks of punctuation, spaces, arrows and
 * symbols a note may put next to a phrase (curly quotes, dashes, the ellipsis, CJK
 * punctuation) and emoji. Without the `u` flag the search also runs twice as fast.
 */
const WORD =
  '0-9A-Za-z_\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u1FFF\\u2070-\\u218F\\u2C00-\\u2DFF\\u2E80-\\u2FFF\\u3040-\\uD7FF\\uF900-\\uFE2F\\uFE70-\\uFEFE\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\uFF66-\\uFFDC';
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
 * `loose`: for the search, which only has to stop wherever the phrase may start (each
 * group's exact expression decides): any spaces, any one character for an apostrophe,
 * shorter to write, so the search stays under the size V8 optimises.
 */
function phraseSource(phrase: string, builtIn: boolean, loose = false): string {
  // Not trimmed: a phrase's tail after its first letter may start with a space.
  const trimmed = phrase.replace(/\s+/g, ' ');
  let out = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === ' ') out += loose ? '\\s+' : SPACES;
    else if (c === "'" || c === '\u2019' || c === '\u2018' || c === '\u02BC') out += loose ? '.' : APOSTROPHES;
    else if (trimmed.startsWith('...', i) || c === '\u2026') {
      out += loose ? '[.\u2026]+' : '(?:\\.\\.\\.|\u2026)';
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

/** The lower-case ASCII letter or digit a phrase's text starts with at `at`, or ''. */
function letterAt(text: string, at: number): string {
  const c = text[at]?.toLowerCase() ?? '';
  return /^[a-z0-9]$/.test(c) ? c : '';
}

/** Up to two leading letters of a phrase's text (lower case; '' when it starts with anything else). */
function leadOf(text: string): string {
  const first = letterAt(text, 0);
  return first ? first + letterAt(text, 1) : '';
}

/**
 * Each phrase's source without its first two letters, under them ('' for a phrase that
 * starts with anything else; one letter when the second is not a letter). A built-in
 * phrase starting with `{a|b}` is split by its choices' letters (`went|goes|got` gives
 * `we(?:nt)` and `go(?:es|t)`), its tail shared.
 */
function byLeadingLetters(phrases: readonly string[], builtIn: boolean): [string, string][] {
  const out: [string, string][] = [];
  for (const p of phrases) {
    if (builtIn && p.startsWith('{')) {
      const close = p.indexOf('}');
      const tail = phraseSource(p.slice(close + 1), true, true);
      const choices = new Map<string, string[]>();
      for (const choice of p.slice(1, close).split('|')) {
        // An empty choice: the phrase's tail alone, under its own letters.
        if (choice === '') out.push(...byLeadingLetters([p.slice(close + 1).trimStart()], true));
        else {
          const lead = leadOf(choice);
          choices.set(lead, [...(choices.get(lead) ?? []), phraseSource(choice.slice(lead.length), true, true)]);
        }
      }
      for (const [lead, rests] of choices) out.push([lead, `(?:${rests.join('|')})${tail}`]);
      continue;
    }
    const lead = leadOf(p);
    out.push([lead, phraseSource(p.slice(lead.length), builtIn, true)]);
  }
  return out;
}

/** The phrases of one search, by their first and second letter, and those that start with anything else. */
class Leads {
  private readonly atWord = new Map<string, Map<string, string[]>>();
  private readonly elsewhere: string[] = [];

  add(lead: string, source: string): void {
    // `\b` knows only ASCII letters: a phrase starting with any other character is searched for everywhere.
    if (!lead) {
      this.elsewhere.push(source);
      return;
    }
    const bySecond = this.atWord.get(lead[0]) ?? new Map<string, string[]>();
    this.atWord.set(lead[0], bySecond);
    const list = bySecond.get(lead.slice(1)) ?? [];
    list.push(source);
    bySecond.set(lead.slice(1), list);
  }

  empty(): boolean {
    return this.atWord.size === 0 && this.elsewhere.length === 0;
  }

  /** `\b(?:t(?:o(?:o\s+fast|...)|i(?:red...))|...)`: a word start tries one letter's phrases, then one pair's. */
  search(): RegExp {
    const either = (list: readonly string[]): string => [...new Set(list)].join('|');
    const trie = [...this.atWord].map(
      ([first, bySecond]) => `${first}(?:${[...bySecond].map(([second, list]) => (second ? `${second}(?:${either(list)})` : either(list))).join('|')})`,
    );
    const branches: string[] = [];
    if (trie.length > 0) branches.push(`\\b(?:${trie.join('|')})`);
    if (this.elsewhere.length > 0) branches.push(either(this.elsewhere));
    return new RegExp(branches.join('|'), 'gi');
  }
}

/** How many words of a phrase the search looks for: enough to stop rarely, few enough to keep it short and quick. */
const SEARCHED_WORDS = 3;

/** The first SEARCHED_WORDS words of a phrase (spaces inside `{…}` do not count): where it may start. */
function searchedPart(phrase: string): string {
  let depth = 0;
  let words = 1;
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ' ' && depth === 0 && phrase[i - 1] !== ' ' && ++words > SEARCHED_WORDS) return phrase.slice(0, i);
  }
  return phrase;
}

/**
 * Compiles the built-in cues (unless left out) and the user's own into their searches and
 * exact expressions.
 *
 * Why it is shaped so: a search tries its alternatives at every place it may start, so its
 * cost grows with the places and the alternatives. It therefore starts only where a word
 * starts (`\b`, which V8 checks in an instant; the exact boundaries, which know letters
 * beyond ASCII, are left to each group's own expression), its phrases are grouped by their
 * first letter and then their second (`t(?:o(?:o\s+much|...)|i(?:red...))`), so a word start
 * tries one pair's phrases, not all of them, and it looks for only the first words of each
 * phrase. Measured on a 2,000-line note: the search takes about half the time of one
 * expression with exact boundaries around every phrase. It captures nothing: where it
 * stops, the groups whose words can start with that letter are tried in order, each with
 * its sticky expression, and the first that matches is the cue.
 */
export function compileCues(extra: readonly CueDefinition[] = [], builtIn: readonly CueDefinition[] = BUILT_IN_CUES): CompiledCues {
  const all = [...builtIn.map((cue) => ({ cue, builtIn: true })), ...extra.map((cue) => ({ cue, builtIn: false }))];
  const cues = all.map((c) => c.cue).filter((c) => c.phrases.some((p) => p.phrases.length > 0));
  const groups: CueGroup[] = [];
  const firsts: Set<string>[] = [];
  // Each search's phrases by first and second letter (or digit), and those that start with anything else.
  // German, Spanish and French built-in phrases get a search of their own: in one with the
  // English ones, the search grew past the length V8 optimises and ran seven times slower.
  const leads = [new Leads(), new Leads(), new Leads()];
  const wrap = (start: boolean, end: boolean, body: string): string => `${start ? `(?<![${WORD}])` : ''}(?:${body})${end ? `(?![${WORD}])` : ''}`;
  for (const { cue, builtIn: own } of all) {
    for (const set of cue.phrases) {
      const phrases = set.phrases.map((p) => p.trim()).filter((p) => p.length > 0);
      if (phrases.length === 0) continue;
      // Longer phrases first, so "is it time yet" is tried before "is it time".
      phrases.sort((x, y) => y.length - x.length);
      const sticky: string[] = [];
      const first = new Set<string>();
      for (const [start, end] of [
        [true, true],
        [true, false],
        [false, true],
        [false, false],
      ]) {
        const mine = phrases.filter((p) => wordAt(p, own, false) === start && wordAt(p, own, true) === end);
        if (mine.length === 0) continue;
        sticky.push(wrap(start, end, mine.map((p) => phraseSource(p, own)).join('|')));
        for (const [lead, source] of byLeadingLetters(mine.map(searchedPart), own)) {
          first.add(lead.slice(0, 1));
          leads[own ? (set.lang ? 1 : 0) : 2].add(lead, source);
        }
      }
      groups.push({ cue, rule: set.rule, at: new RegExp(sticky.join('|'), 'iy') });
      firsts.push(first);
    }
  }
  // Where the search stops, only the groups that can start with the letter there are tried.
  const groupsElsewhere = groups.filter((_g, i) => firsts[i].has(''));
  const groupsByFirst = new Map<string, CueGroup[]>();
  for (const letter of new Set(firsts.flatMap((f) => [...f]))) {
    if (letter)
      groupsByFirst.set(
        letter,
        groups.filter((_g, i) => firsts[i].has(letter) || firsts[i].has('')),
      );
  }
  const kept = leads.map((l, i) => ({ l, other: i === 1 })).filter(({ l }) => !l.empty());
  return { cues, groups, groupsByFirst, groupsElsewhere, searches: kept.map(({ l }) => l.search()), otherLanguages: kept.map(({ other }) => other) };
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
  // Every place a search stops, in order (two searches: merged).
  const places: number[] = [];
  let maybeOther: boolean | undefined;
  for (const [i, search] of compiled.searches.entries()) {
    if (compiled.otherLanguages[i] && !(maybeOther ??= maybeOtherLanguage(text))) continue;
    search.lastIndex = 0;
    for (let m = search.exec(text); m !== null; m = search.exec(text)) {
      places.push(m.index);
      search.lastIndex = m.index + 1;
    }
    search.lastIndex = 0;
  }
  if (compiled.searches.length > 1) places.sort((x, y) => x - y);
  const matches: RawMatch[] = [];
  let free = 0;
  for (const at of places) {
    // Cue words never overlap: a place inside the last one found is passed over.
    if (at < free) continue;
    // The first group whose words (with their boundaries) start here is the cue, with the length its words have.
    const c = text.charCodeAt(at);
    const letter = c < 128 ? String.fromCharCode(c).toLowerCase() : '';
    for (const group of compiled.groupsByFirst.get(letter) ?? compiled.groupsElsewhere) {
      group.at.lastIndex = at;
      const own = group.at.exec(text);
      if (own) {
        matches.push({ offset: at, length: own[0].length, group });
        free = at + Math.max(1, own[0].length);
        break;
      }
    }
  }
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
    if (verdict === 'safety')
      hints.push({ line, column, length: match.length, offset: match.offset, cue: SAFETY_FIRST.id, kind: SAFETY_FIRST.kind, reason: SAFETY_FIRST.reason });
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
  const clean = value
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
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
