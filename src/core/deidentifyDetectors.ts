/**
 * Finders for the identifiers that have a shape: the client's code, emails, URLs, IP
 * addresses, phone numbers, identifying numbers, street addresses, zip codes, dates and
 * ages over 89. Each returns spans of the text; deidentify.ts decides which win.
 *
 * Phones come from libphonenumber-js (Google's phone rules: every country's formats),
 * dates from chrono-node (a date parser that knows "Nov. 13th", "13 November", ISO and
 * slashes); regular expressions cover what they pass over (fictional 555 numbers, a
 * date chrono reads as a time).
 */
import { parse as parseDates } from 'chrono-node';
import { findPhoneNumbersInText } from 'libphonenumber-js/min';
import { MONTH_WORD } from './deidentifyTerms';

export type Kind = 'client' | 'name' | 'place' | 'address' | 'zip' | 'date' | 'phone' | 'email' | 'url' | 'ip' | 'number' | 'age';

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: Kind;
  /** The placeholder, when it is more than `[kind]` (a date keeping its year, a numbered name). */
  readonly placeholder?: string;
  /** For names: the words of the name, to tell one person from another. */
  readonly words?: readonly string[];
  /** For dates with a day and a month: which day, to keep the time between events. */
  readonly day?: CalendarDay;
}

/** A day of the calendar; the year is missing when the note did not give one ("Nov. 13"). */
export interface CalendarDay {
  readonly year?: number;
  readonly month: number;
  readonly date: number;
}

function* matches(text: string, pattern: RegExp, group = 0): Generator<{ start: number; end: number; value: string }> {
  for (const m of text.matchAll(pattern)) {
    const value = m[group];
    if (value === undefined || m.index === undefined) continue;
    const start = m.index + m[0].indexOf(value);
    yield { start, end: start + value.length, value };
  }
}

function spans(text: string, pattern: RegExp, kind: Kind, group = 0): Span[] {
  return [...matches(text, pattern, group)].map(({ start, end }) => ({ start, end, kind }));
}

/**
 * Runs a library finder over pieces of the text, so that a library whose search grows
 * faster than the text (a date or phone parser facing a 100,000-character line) stays
 * linear overall. Pieces overlap by `overlap` characters, more than any one match needs,
 * and end at white space where there is some; results come back in the text's offsets.
 */
export function inPieces<T extends { start: number; end: number }>(text: string, size: number, overlap: number, find: (piece: string) => T[]): T[] {
  if (text.length <= size + overlap) return find(text);
  const found: T[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + size);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from + size / 2) to = space;
    }
    const end = Math.min(text.length, to + overlap);
    for (const f of find(text.slice(from, end))) found.push({ ...f, start: f.start + from, end: f.end + from });
    from = to;
  }
  return found;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The client's code, as written and without its dots ("A.B.", "A.B", "AB"). */
export function findClient(text: string, code: string): Span[] {
  const trimmed = code.trim();
  if (trimmed.length < 2) return [];
  const variants = new Set([trimmed, trimmed.replace(/\.$/, '')]);
  const bare = trimmed.replace(/\./g, '');
  if (bare.length >= 2) variants.add(bare);
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Letters alone (like "AB") are matched in their own case, so "ab" in a word stays.
  const flags = /^[A-Za-z]+$/.test(bare) && bare === bare.toUpperCase() ? 'gu' : 'giu';
  return spans(text, new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags), 'client');
}

export function findEmails(text: string): Span[] {
  return spans(text, /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, 'email');
}

const TLDS = 'com|org|net|edu|gov|io|info|biz|name|me|co|us|uk|ca|au|nz|ie|ly|app|dev|ai|tv|health|care|online|site|xyz|blog|page|link|social';

/** Trailing punctuation belongs to the sentence, not the address. */
function trimUrl(text: string, start: number, end: number): number {
  while (end > start && /[.,;:!?)\]'"*_>]/.test(text[end - 1])) end--;
  return end;
}

export function findUrls(text: string): Span[] {
  const found: Span[] = [];
  const patterns = [
    /\b(?:https?|ftp):\/\/[^\s<>"'`]+/gi,
    /\bwww\.[^\s<>"'`]+/gi,
    new RegExp(`(?<![@\\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})\\b(?:/[^\\s<>"'\`]*)?`, 'gi'),
  ];
  for (const p of patterns) {
    for (const m of matches(text, p)) found.push({ start: m.start, end: trimUrl(text, m.start, m.end), kind: 'url' });
  }
  return found;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

export function findIps(text: string): Span[] {
  return [
    ...spans(text, new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, 'g'), 'ip'),
    ...spans(text, /(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi, 'ip'),
    ...spans(text, /(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?(?![\w:])/gi, 'ip'),
  ];
}

export function findPhones(text: string): Span[] {
  const found: Span[] = [];
  found.push(
    ...inPieces(text, 400, 60, (piece) =>
      findPhoneNumbersInText(piece, { defaultCountry: 'US' }).map((p): Span => {
        // A comma is a dialling pause to libphonenumber; in a note it ends the number.
        const pause = piece.slice(p.startsAt, p.endsAt).search(/[,;]/);
        return { start: p.startsAt, end: pause === -1 ? p.endsAt : p.startsAt + pause, kind: 'phone' };
      }),
    ),
  );
  // North American shapes, fictional 555 numbers included, with an extension.
  const nanp = /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s?(?:x|ext\.?|extension)\s?\d{1,6})?(?!\d)/gi;
  found.push(...spans(text, nanp, 'phone'));
  found.push(...spans(text, /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}\d(?!\d)/g, 'phone'));
  // A seven-digit local number after a word that says it is one.
  found.push(...spans(text, /\b(?:phone|cell|mobile|call|text|fax|number|tel)\b[^\n\d]{0,20}?(\d{3}-\d{4})(?!\d)/gi, 'phone', 1));
  return found;
}

/** Numbers introduced as identifiers, and social security numbers in any company. */
export function findNumbers(text: string): Span[] {
  const keyword =
    /\b(?:ssn|social\s+security(?:\s+number)?|mrn|medical\s+record(?:\s+number)?|record|chart|account|acct|policy|member|subscriber|insurance|health\s+plan|claim|case|patient|client\s+id|license|licence|driver'?s\s+licen[cs]e|dl|passport|plate|license\s+plate|licence\s+plate|vin|serial|device|badge|employee|student|certificate|ein|tax\s+id|itin|routing|card|id)\b/gi;
  const found: Span[] = [];
  for (const m of text.matchAll(keyword)) {
    if (m.index === undefined) continue;
    // "MRN: 00123", "account number 4417-2210", "policy no. AB-123456", "plate 7XYZ123".
    const tail = /^(?:\s*(?:number|num|no\.?|#|id|code))?\s*(?:is|was|of|:|#|=|-)?\s*(?:number\s*)?([A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])(?![\w-])/i.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
    if (!tail || !/\d/.test(tail[1])) continue;
    const start = m.index + m[0].length + tail[0].length - tail[1].length;
    found.push({ start, end: start + tail[1].length, kind: 'number' });
  }
  found.push(...spans(text, /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g, 'number'));
  return found;
}

const STREET_TYPES =
  'Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Path|Pass|Ramp|Alley|Row|Square|Sq|Crescent|Close|Gardens|Greens|Green|Forge|Keys|Radial|River|Mountain|Loop|Run|Pike|Plaza|Point|Ridge|Crossing|Heights|Hill|Hills|Walk|Mews|Grove|Park|Harbor|Harbour|Landing|Meadow|Meadows|Junction|Manor|Estates|Station|Valley|View|Villa|Village|Well|Wells|Fort|Freeway|Expressway|Causeway|Route|Rte|Bypass|Mall|Extension|Fields|Orchard|Oval|Spur|Track|Turnpike|Underpass|Union|Crest|Glen|Haven|Hollow|Isle|Knoll|Lake|Lakes|Ledge|Lodge|Mill|Mills|Mission|Motorway|Neck|Pines|Port|Prairie|Rapids|Rest|Shore|Shores|Spring|Springs|Stream|Summit|Trace|Tunnel|Vista|Wall|Ways|Center|Centre|Cove|Creek|Dale|Dam|Divide|Estate|Falls|Ferry|Field|Flat|Flats|Ford|Forest|Fork|Gateway|Inlet|Island|Burg|Bluff|Bottom|Branch|Bridge|Brook|Canyon|Cape|Cliff|Club|Common|Corner|Curve';
const UNIT = String.raw`(?:,?\s+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Fl\.?|Floor|#)\s*[\w-]+)?`;

export function findAddresses(text: string): Span[] {
  const street = new RegExp(
    String.raw`(?<![\w-])\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z0-9][\w'’.-]*|of|the)\s+){1,4}(?:${STREET_TYPES})\b(?:(?<=\b(?:St|Ave|Rd|Ln|Dr|Blvd|Ct|Pl|Ter|Cir|Pkwy|Hwy|Trl|Sq|Rte))\.)?${UNIT}`,
    'g',
  );
  return [
    ...spans(text, street, 'address'),
    ...spans(text, /\bP\.?\s?O\.?\s+Box\s+\d+/gi, 'address'),
    ...spans(text, /\b(?:Apt\.?|Apartment|Suite|Unit)\s+#?\d+[A-Z]?\b/g, 'address'),
  ];
}

const STATE_CODES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';

/** ", IL" or ", Illinois" right after a word: what comes before is a town. */
export const STATE_AFTER = new RegExp(`^,?\\s+(?:${STATE_CODES}|${STATE_NAMES})\\b`);

export function findZips(text: string): Span[] {
  return [
    ...spans(text, new RegExp(`\\b(?:${STATE_CODES}|${STATE_NAMES}),?\\s+(\\d{5}(?:-\\d{4})?)(?![\\d-])`, 'g'), 'zip', 1),
    ...spans(text, /\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode)\b\s*(?:is|was|:|#)?\s*(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})(?![\w-])/gi, 'zip', 1),
    ...spans(text, /(?<![\d-])\d{5}-\d{4}(?![\d-])/g, 'zip'),
    // Canadian and British postcodes have a shape of their own.
    ...spans(text, /\b[A-Z]\d[A-Z] \d[A-Z]\d\b/g, 'zip'),
    ...spans(text, /\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b/g, 'zip'),
  ];
}

const YEAR = /\b(1[89]\d\d|20\d\d)\b/;

/** Which day a date names, when chrono is sure of its day and month. */
function dayOf(raw: string, reference: Date): CalendarDay | undefined {
  const r = parseDates(raw, reference)[0];
  if (!r || !r.start.isCertain('day') || !r.start.isCertain('month')) return undefined;
  const month = r.start.get('month');
  const date = r.start.get('day');
  const year = r.start.isCertain('year') ? r.start.get('year') : undefined;
  if (month === null || date === null) return undefined;
  return { month, date, ...(year !== null && year !== undefined ? { year } : {}) };
}

/** A date keeps its year: "[date] 2026"; deidentify.ts turns dates near each other into "[day 7]". */
function dateSpan(text: string, start: number, end: number, day?: CalendarDay): Span {
  const year = YEAR.exec(text.slice(start, end));
  return { start, end, kind: 'date', placeholder: year ? `[date] ${year[1]}` : '[date]', ...(day ? { day } : {}) };
}

const WEEKDAY_LEAD = /^(?:on\s+)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?(?:the\s+)?/i;

export function findDates(text: string, reference: Date): Span[] {
  const found: Span[] = [];
  const parsed = inPieces(text, 400, 60, (piece) => parseDates(piece, reference).map((r) => ({ r, start: r.index, end: r.index + r.text.length })));
  for (const { r, start: at } of parsed) {
    const raw = r.text;
    // A date has a month, named or in digits; "next week" and "Monday" are not dates here.
    const named = MONTH_WORD.test(raw) && r.start.isCertain('month');
    const numeric = /\d{1,4}[/.-]\d{1,2}/.test(raw) && r.start.isCertain('month') && r.start.isCertain('day');
    if (!named && !numeric) continue;
    if (named && !r.start.isCertain('day') && !r.start.isCertain('year')) continue; // "in May"
    const lead = WEEKDAY_LEAD.exec(raw);
    const start = at + (lead ? lead[0].length : 0);
    let end = at + raw.length;
    // A time of day that chrono joined to the date is not a date element.
    const time = /\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?$/i.exec(text.slice(start, end));
    if (time && r.start.isCertain('hour') && !YEAR.test(time[0])) end -= time[0].length;
    if (end > start) found.push(dateSpan(text, start, end, dayOf(text.slice(start, end), reference)));
  }
  const numeric = /(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}\/\d{1,2}(?=\s+(?:session|appointment|visit)))(?![\d/])/g;
  for (const m of matches(text, numeric)) found.push(dateSpan(text, m.start, m.end, dayOf(m.value, reference)));
  const month =
    '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
  const named = new RegExp(
    `\\b(?:${month}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}(?:,?\\s+\\d{4})?|${month}\\s+\\d{4})(?![\\w])`,
    'g',
  );
  for (const m of matches(text, named)) found.push(dateSpan(text, m.start, m.end, dayOf(m.value, reference)));
  return found;
}

const OLD = '(?:9\\d|1[0-2]\\d)';

export function findAges(text: string): Span[] {
  return [
    ...spans(text, new RegExp(`\\b${OLD}(?:-|\\s)years?(?:-|\\s)old\\b`, 'gi'), 'age'),
    ...spans(text, new RegExp(`\\b${OLD}-year-old\\b`, 'gi'), 'age'),
    ...spans(text, new RegExp(`\\b(?:aged?|turned|turning|turns)\\s+(${OLD})\\b`, 'gi'), 'age', 1),
    ...spans(text, new RegExp(`\\b(${OLD})(?:st|nd|rd|th)\\s+birthday\\b`, 'gi'), 'age', 1),
    ...spans(text, /\b(?:in\s+(?:his|her|their)\s+)(?:90s|nineties|late\s+90s|early\s+90s)\b/gi, 'age'),
    ...spans(text, new RegExp(`\\b(${OLD})\\s*(?:yo|y/o|y\\.o\\.)(?!\\w)`, 'gi'), 'age'),
  ];
}
