/**
 * De-identifies a note, or one rupture's section, for supervision: every identifier it
 * can find becomes a bracketed placeholder naming its kind ("[name 1]", "[date] 2026"),
 * and what it left in place but is unsure of is listed for a human look. The mapping from
 * placeholders back to the real words is never kept: only kinds and positions leave here.
 *
 * This module and the libraries it loads are bundled on their own (dist/deidentify.js)
 * and loaded only when an export runs.
 */
import {
  addressBlock,
  datesAndPhonesInPieces,
  findAddresses,
  findAges,
  findRegions,
  findClient,
  findDates,
  findEmails,
  findHandles,
  findIps,
  findNumbers,
  findPhones,
  findUrls,
  findZips,
  type Kind,
  type Span,
} from './deidentifyDetectors';
import {
  alongAddresses,
  besideIdentifiers,
  type CheckSpan,
  countryGivenNames,
  findNamesAndPlaces,
  givenNamesInPassing,
  personInContext,
  unlisted,
} from './deidentifyNames';
import { applySpans, numberNames, overlapsAny, resolveOverlaps } from './deidentifyPlaceholders';
import { selectForExport } from './deidentifySection';
import { positionAt, splitLines } from '../markdown/lines';
import type { NoteSource, ParseOptions } from '../notes/note';

export type { Kind } from './deidentifyDetectors';

/** Positions are in the output text: line and column from 1, length in UTF-16 units. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly length: number;
}

export interface ReplacedItem extends Position {
  readonly kind: Kind;
}

export interface CheckItem extends Position {
  readonly reason: string;
}

export interface Deidentified {
  readonly text: string;
  readonly replaced: readonly ReplacedItem[];
  readonly check: readonly CheckItem[];
}

/** Every kind, in the order the counts are told. */
export const KINDS: readonly Kind[] = ['client', 'name', 'place', 'address', 'zip', 'date', 'phone', 'email', 'url', 'ip', 'number', 'age'];

// chrono resolves relative dates against a day; only dates with a month are kept, so any
// fixed day serves and keeps the result the same from one day to the next.
const REFERENCE_DAY = new Date(2000, 0, 1);

/**
 * The longest text one export takes: about 30,000 words, far past any session note. The
 * name tagger takes about a millisecond a word on dense text, so this keeps an export to
 * seconds, never minutes.
 */
export const MAX_EXPORT_CHARS = 200_000;

/** Thrown for a text over MAX_EXPORT_CHARS; its message quotes nothing from the note. */
export class TooLongToExport extends Error {
  constructor() {
    super(`over ${MAX_EXPORT_CHARS.toLocaleString('en-US')} characters is too long to prepare in one go; export one rupture's section instead`);
    this.name = 'TooLongToExport';
  }
}

/**
 * Said under a draft whose days count from the session: "[day 8]" alone would not say from
 * when. English, as the placeholders are.
 */
export const DAY_ZERO_LINE = '_[day 0] is the day of the session this was written in; the other days count from it._';

/**
 * De-identifies markdown; `client` is the note's client code (or codes), replaced wherever it
 * appears. `noted` (YYYY-MM-DD), the date of the session the text was written in, is day 0
 * when a date of the text is near it, so a repair attempt dated a week after the session
 * reads "[day 7]" even when the session's date is not in the text.
 */
export function deidentifyText(text: string, client: string | readonly string[] = '', noted?: string): Deidentified {
  if (text.length > MAX_EXPORT_CHARS) throw new TooLongToExport();
  const structured: Span[] = [
    ...findEmails(text),
    ...findHandles(text),
    ...findUrls(text),
    ...findIps(text),
    ...findNumbers(text),
    ...findPhones(text),
    ...findAddresses(text).filter((s) => !clinicalVia(text, s)),
    ...findZips(text),
    ...findDates(text, REFERENCE_DAY),
    ...findAges(text),
    ...findRegions(text),
    ...(typeof client === 'string' ? [client] : client).flatMap((c) => (c ? findClient(text, c) : [])),
  ];
  const sure = resolveOverlaps(structured);
  const taken = (start: number, end: number): boolean => overlapsAny(sure, start, end);
  const { spans: named, check } = findNamesAndPlaces(text, taken);
  // Each pass reads the spans the one before it left, in this order.
  const found = resolveOverlaps(housesNumbered(text, resolveOverlaps([...sure, ...named])));
  const addresses = streetNamesBefore(text, numbersBefore(text, townsWhole(text, found)));
  const passing = givenNamesInPassing(text, addresses);
  const inContext = personInContext(text, [...addresses, ...passing.spans]);
  const { spans, fromNoted } = relativeDays(
    numberNames(joinNames(text, countryGivenNames(text, resolveOverlaps([...addresses, ...passing.spans, ...inContext.spans])))),
    noted,
  );
  const out = applySpans(text, spans);
  const lines = splitLines(out.text);
  const position = (start: number, end: number): Position => {
    const p = positionAt(lines, start);
    return { line: p.line + 1, column: p.character + 1, length: end - start };
  };
  const replaced = out.replaced.map((r) => ({ kind: r.kind, ...position(r.start, r.end) }));
  const checks = [
    ...check,
    ...besideIdentifiers(text, spans),
    ...alongAddresses(text, spans),
    ...inContext.check,
    ...passing.check,
    ...datesAndPhonesInPieces(text),
  ]
    .filter((c) => !overlapsAny(spans, c.start, c.end))
    .filter((c, i, all) => all.findIndex((d) => d.start === c.start) === i)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    // A spot inside another is one spot: "45166" within "301 273 45166".
    .filter(outermost())
    .map((c) => ({ ...position(out.map(c.start), out.map(c.start) + (c.end - c.start)), reason: c.reason }));
  // After the text, so no position above moves.
  const said = fromNoted ? `${out.text}${out.text.endsWith('\n\n') ? '' : out.text.endsWith('\n') ? '\n' : '\n\n'}${DAY_ZERO_LINE}\n` : out.text;
  return { text: said, replaced, check: checks };
}

/** For spots sorted by start, longest first: whether each lies outside every spot kept before it. */
function outermost(): (c: CheckSpan) => boolean {
  let reach = -1;
  return (c) => {
    if (c.end <= reach) return false;
    reach = Math.max(reach, c.end);
    return true;
  };
}

/** "via foley", "60 via r rad aline": English "via" before a short or known word, not an Italian street ("via goffredo mameli"). */
function clinicalVia(text: string, s: Span): boolean {
  const m = /^(?:\d{1,4}[a-z]?,?[ \t]+)?via[ \t]+(\p{L}+)/u.exec(text.slice(s.start, s.end));
  return m !== null && !(m[1].length >= 4 && unlisted(m[1]));
}

/**
 * A name or a town with a house number after it is a street ("Joaquin Suarez 2906",
 * "Pavlou Drandaki" after "214"), with the building number before it and the rest of its
 * address block. A year, a count of something or a time after the name stays as it is.
 * `spans`: in text order, not overlapping (resolveOverlaps).
 */
export function housesNumbered(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  // A number that starts an identifying number or a phone is not a house number: "Mrs. Karen Thorkildsen Suite [number]" keeps its name.
  const identifiers = spans.filter((o) => o.kind === 'number' || o.kind === 'phone');
  for (const s of spans) {
    const after =
      /^[ \t]+(\d{1,5}[a-zA-Z]?)(?![\p{L}\p{N}]|[.,:/]\d|\s*(?:%|am\b|pm\b|times?\b|years?\b|yrs?\b|months?\b|weeks?\b|days?\b|hours?\b|min|mg\b|kg\b|lbs?\b|sessions?\b|of\b|out\b|to\b|-))/u.exec(
        text.slice(s.end, s.end + 40),
      );
    if (
      (s.kind !== 'name' && s.kind !== 'place') ||
      !after ||
      overlapsAny(identifiers, s.end, s.end + after[0].length) ||
      /^(?:1[89]|20)\d\d$/.test(after[1])
    ) {
      out.push(s);
      continue;
    }
    const before = /(?<![\w.,/-])\d{1,6}[ \t]+$/.exec(text.slice(Math.max(0, s.start - 12), s.start));
    const street: Span = { start: s.start - (before ? before[0].length : 0), end: s.end + after[0].length, kind: 'address' };
    out.push(street, ...addressBlock(text, street));
  }
  return out;
}

/** What ends a town's name after it: "nad Labem", "am Main", "upon Avon", "Central", "East". */
const TOWN_REST =
  /^[ \t]+(?:(?:nad|pod|na|am|an[ \t]+der|upon|sur|sul|im|bei)[ \t]+\p{Lu}[\p{L}'’-]+|(?:Central|East|West|North|South|Heights|Hills|Village|Green|Isle|Flats)(?![\p{L}\p{N}]))/u;
/** After a name, only what no surname is: a particle and a word, or a kind of place ("[Berg] Hills"). */
const TOWN_REST_AFTER_NAME = /^[ \t]+(?:(?:nad|pod|na|am|an[ \t]+der|upon|sur|sul|im|bei)[ \t]|(?:Heights|Hills|Village|Isle|Flats)(?![\p{L}\p{N}]))/u;

/**
 * A town's name goes on past the word a list knows: "[Ústí] nad Labem", "[Oamaru] Central", "[Berg] Hills".
 * A name read before such an ending is the town ("[Horka] nad Moravou"); spans inside the
 * ending are taken in.
 */
export function townsWhole(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const rest = s.kind === 'place' || s.kind === 'name' ? TOWN_REST.exec(text.slice(s.end, s.end + 40)) : null;
    if (!rest || (s.kind === 'name' && !TOWN_REST_AFTER_NAME.test(rest[0]))) {
      out.push(s);
      continue;
    }
    const end = s.end + rest[0].length;
    while (i + 1 < spans.length && spans[i + 1].start < end) i++;
    out.push({ start: s.start, end: Math.max(end, spans[i].end), kind: 'place' });
  }
  return out;
}

/**
 * A number right before a street belongs to it: a building's number before the house
 * number ("9554 62 Rue Gafsa", "79063 [address]"), as many as two.
 */
export function numbersBefore(text: string, spans: readonly Span[]): Span[] {
  return spans.map((s, i) => {
    if (s.kind !== 'address') return s;
    const floor = i > 0 ? spans[i - 1].end : 0;
    const before = /(?<![\w.,/-])\d{1,6}(?:[ \t]+\d{1,6})?[ \t]+$/.exec(text.slice(Math.max(floor, s.start - 16), s.start));
    return before ? { ...s, start: s.start - before[0].length } : s;
  });
}

/** Names found in pieces with only a space between are one person: "[William] [ten Pas]". */
export function joinNames(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'name' && s.kind === 'name' && /^[ \t]$/.test(text.slice(prev.end, s.start))) {
      out[out.length - 1] = { ...prev, end: s.end, words: [...(prev.words ?? []), ...(s.words ?? [])] };
      continue;
    }
    out.push(s);
  }
  return out;
}

/** Small words inside a street's name: "Dirk de Derdelaan", "Sterre der Zeestraat". */
const STREET_PARTICLE = /^(?:de|del|der|den|van|von|ten|ter|di|da|do|dos|das|du|des|la|le)$/i;

/**
 * What stands before a street on its line is part of it when the line starts the address
 * there: a name or a town read before the street, initials and small words, after the
 * building's number ("95 Dirk de [address]", "10 C. [address]"), and a word or two no list
 * knows before a street that starts with its number ("Sahantie 72 Oak Street": the street's
 * name is written before its number in much of Europe).
 */
export function streetNamesBefore(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    if (s.kind !== 'address') {
      out.push(s);
      continue;
    }
    // Walk back along the line over names and towns read before the street, initials, small words and words no list knows.
    let start = s.start;
    let absorbed = 0;
    let named = false;
    let unknown = 0;
    for (;;) {
      const prev = out.length - absorbed - 1 >= 0 ? out[out.length - absorbed - 1] : undefined;
      if (prev && (prev.kind === 'name' || prev.kind === 'place') && /^[ \t]{1,3}$/.test(text.slice(prev.end, start))) {
        start = prev.start;
        absorbed++;
        named = true;
        continue;
      }
      const word = /(?<![\p{L}\p{N}.'’-])(\p{L}[\p{L}'’-]*\.?)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start));
      if (!word || (prev && prev.end > start - word[0].length)) break;
      const w = word[1];
      const initial = /^\p{Lu}\.$/u.test(w);
      if (!(STREET_PARTICLE.test(w) || initial || (unknown < 2 && unlisted(w)))) break;
      if (unlisted(w)) unknown++;
      named = named || initial || unlisted(w);
      start -= word[0].length;
    }
    const base = Math.max(0, start - 40);
    const number = /(?:^|[\n:>?,]|\b(?:at|to|is|in|on))[ \t]*(\d{1,6})[ \t]+$/.exec(text.slice(base, start));
    // With something read before the street, the building's number starts the address; without a number, only words no list knows join a street that starts with its own.
    if (named && (number || (/^\d/.test(text[s.start]) && unknown > 0 && absorbed === 0))) {
      out.splice(out.length - absorbed, absorbed);
      out.push({ ...s, start: number ? base + number.index + number[0].indexOf(number[1]) : start });
      continue;
    }
    out.push(s);
  }
  return out;
}

/** Dates further apart than this keep "[date] YEAR": a day count across years would tell an age. */
const MAX_RELATIVE_DAYS = 366;

/**
 * The time between events carries clinical meaning (the attempt came a week later), so
 * dates close to one another become days counted from the first of them: "[day 0]",
 * "[day 7]"; with `noted`, the session's date (YYYY-MM-DD), counted from it instead when a
 * date is near it (`fromNoted`). A date alone, or far from every other, keeps "[date] 2026".
 * A date written without its year takes the year of the first date that has one, else the
 * session's.
 */
export function relativeDays(spans: readonly Span[], noted?: string): { spans: Span[]; fromNoted: boolean } {
  const dated = spans.filter((s) => s.kind === 'date' && s.day !== undefined);
  const session = noted === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(noted);
  const year = dated.find((s) => s.day?.year !== undefined)?.day?.year ?? (session ? Number(session[1]) : 2001);
  const dayNumber = (s: Span): number => {
    const d = s.day;
    return d ? Math.round(Date.UTC(d.year ?? year, d.month - 1, d.date) / 86_400_000) : NaN;
  };
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= MAX_RELATIVE_DAYS;
  const counted = (zero: number): Span[] =>
    spans.map((s) => (s.kind === 'date' && s.day !== undefined && near(dayNumber(s), zero) ? { ...s, placeholder: `[day ${dayNumber(s) - zero}]` } : s));
  const sessionDay = session ? Math.round(Date.UTC(Number(session[1]), Number(session[2]) - 1, Number(session[3])) / 86_400_000) : NaN;
  if (dated.some((s) => near(dayNumber(s), sessionDay))) return { spans: counted(sessionDay), fromNoted: true };
  const anchor = dated.find((a) => dated.some((b) => b !== a && near(dayNumber(a), dayNumber(b))));
  return { spans: anchor ? counted(dayNumber(anchor)) : [...spans], fromNoted: false };
}

/**
 * De-identifies a note: with `line` (zero-based), the rupture whose heading is there,
 * section and heading included; without, the whole note less its front matter. Undefined
 * when `line` holds no rupture heading.
 */
export function deidentifyNote(text: string, source: NoteSource, line?: number, options?: ParseOptions): Deidentified | undefined {
  const selection = selectForExport(text, source, line, options);
  return selection && deidentifyText(selection.text, selection.client, selection.date);
}

/** How many of each kind were replaced, in KINDS order, kinds with none left out. */
export function countByKind(result: Deidentified): { kind: Kind; count: number }[] {
  const counts = new Map<Kind, number>();
  for (const r of result.replaced) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));
}
