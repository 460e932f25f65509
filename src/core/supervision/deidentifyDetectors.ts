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
import { REASON_DATE, REASON_NUMBER } from './deidentifyReasons';
import { COUNTRY_NAMES, MONTH_WORD } from './deidentifyTerms';

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
  for (let from = 0; from < text.length;) {
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
  const bare = trimmed.replace(/[.\s]/g, '');
  if (bare.length < 2) return [];
  // "A.B.", "A. B.", "A.B", "AB"; "C-017", "C017", "C 017": the pieces, and what may stand between them.
  const isDotted = /\./.test(trimmed);
  const pieces = isDotted ? [...bare] : bare.split('-').flatMap((p) => p.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]+/gu) ?? []);
  const between = isDotted ? '\\.?\\s?' : '[-\\s]?';
  const pattern = pieces.map(escapeRegExp).join(between);
  const dotted = isDotted ? `${pattern}\\.?` : pattern;
  // Letters alone with no dots ("AB") are matched in their own case, so "ab" in a word stays.
  const flags = /^[A-Za-z]+$/.test(bare) && !isDotted ? 'gu' : 'giu';
  return spans(text, new RegExp(`(?<![\\p{L}\\p{N}])(?:${dotted})(?![\\p{L}\\p{N}])`, flags), 'client');
}

export function findEmails(text: string): Span[] {
  return [
    ...spans(text, /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, 'email'),
    // Written out to dodge spam filters: "hope.m at outlook dot com", "jo [at] mail [dot] org".
    ...spans(
      text,
      // Starting only where a run of such characters starts, and at most 64 long: "a-a-a-…" is not tried from each "a".
      /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}\s*(?:\(at\)|\[at\]|\{at\}|\sat\s)\s*[A-Za-z0-9-]+(?:\s*(?:\(dot\)|\[dot\]|\sdot\s|\.)\s*[A-Za-z0-9-]+)*?\s*(?:\(dot\)|\[dot\]|\sdot\s|\.)\s*(?:com|org|net|edu|gov|co|uk|io|de|fr|es|ca|au|nl|fi|se|me|info)\b/gi,
      'email',
    ),
  ];
}

/** Social media handles ("@emmaf_2011"), not the middle of an email. */
export function findHandles(text: string): Span[] {
  // A letter first and three characters at least: "@2300", "@12AM" and "@nd" are times and shorthand.
  return spans(text, /(?<![\w.@])@[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9_](?<=@\w{3,}[\w.]*)(?![\w@])/g, 'url');
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
  // Digits in short groups after a word that says call ("call 33 93 31", "answering at 0348 2102744") or before a phone's label ("61 51 81 office").
  found.push(
    ...spans(
      text,
      /\b(?:call|calling|ring|reach|reached|text|answering\s+at|phone|number\s+is)[ \t]+(?:me\s+|us\s+|on\s+|at\s+)?((?<![\d.,/-])\d{2,4}(?:[ \t]\d{2,7}){1,3})(?![\d.,/:-]?\d)/gi,
      'phone',
      1,
    ).filter((s) => text.slice(s.start, s.end).replace(/\D/g, '').length >= 6),
    ...spans(text, /(?<![\d.,/-])(\d{2,4}(?:[ \t]\d{2,7}){1,3})(?=[ \t-]*(?:office|fax|mobile|cell|home|work)\b)/gi, 'phone', 1).filter(
      (s) => text.slice(s.start, s.end).replace(/\D/g, '').length >= 6,
    ),
    // Seven to thirteen digits in one run before a phone's label, after a comma too: "Office\,3660170548-Fax".
    ...spans(text, /(?<![\d./-])\d{7,13}(?=[ \t-]*(?:office|fax|mobile|cell)\b)/gi, 'phone'),
  );
  found.push(
    ...inPieces(text, 400, 60, (piece) =>
      findPhoneNumbersInText(piece, { defaultCountry: 'US' }).map((p): Span => {
        // A comma is a dialling pause to libphonenumber; in a note it ends the number.
        const pause = piece.slice(p.startsAt, p.endsAt).search(/[,;]/);
        return { start: p.startsAt, end: pause === -1 ? p.endsAt : p.startsAt + pause, kind: 'phone' };
      }),
    ),
  );
  // North American shapes, fictional 555 numbers included, with an extension and the country's code ("001-748-088-2851x818").
  const nanp = /(?<![\w+])(?:(?:\+|00)?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?:\s?(?:x|ext\.?|extension)\s?\d{1,6})?(?!\d)/gi;
  found.push(...spans(text, nanp, 'phone'));
  found.push(...spans(text, /(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}\d(?!\d)/g, 'phone'));
  // A seven-digit local number after a word that says it is one.
  found.push(...spans(text, /\b(?:phone|cell|mobile|call|text|fax|number|tel|pager|beeper|page)\b[^\n\d]{0,20}?(\d{3}-\d{4})(?!\d)/gi, 'phone', 1));
  // Digits in groups after a word that says phone: "call me on 9472 7916", "messages to 699 956 915".
  for (const m of matches(
    text,
    /\b(?:phone|cell|mobile|call|calling|text|texting|fax|number|tel|reach|dial|ring|answering|messages?|sms|whatsapp)\b[^\n\d]{0,25}?(\(?\d{2,4}\)?(?:[ .-]\d{2,4}){1,4})(?![\d/.,]?\d)/gi,
    1,
  )) {
    const digits = m.value.replace(/\D/g, '').length;
    if (digits >= 7 && digits <= 13) found.push({ start: m.start, end: m.end, kind: 'phone' });
  }
  // Digits in groups of any length after a field label, on its line or the next ("Mobile: 99 577450",
  // "Phone:\n358 0594"), or before a word that says which phone ("781 1704 office", "07700 063 966-Fax").
  const group = String.raw`\+?\(?\d{1,5}\)?(?:[ .-]?\(?\d{1,8}\)?){1,5}`;
  const phoneLike = (m: { start: number; end: number; value: string }): boolean => {
    const digits = m.value.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  };
  for (const m of matches(
    text,
    new RegExp(`\\b(?:phone|telephone|tel|mobile|cell|desk|fax|office|home|work|pager|whatsapp)\\s*:[ \\t]*(?:\\r?\\n[ \\t]*)?(${group})(?![\\d/])`, 'gi'),
    1,
  )) {
    if (phoneLike(m)) found.push({ start: m.start, end: m.end, kind: 'phone' });
  }
  for (const m of matches(text, new RegExp(`(?<![\\w+.,/-])(${group})(?=[ \\t]*(?:-[ \\t]*)?(?:office|fax|mobile|cell|home|work|desk)\\b)`, 'gi'), 1)) {
    if (phoneLike(m)) found.push({ start: m.start, end: m.end, kind: 'phone' });
  }
  // European national forms with a trunk 0, in groups: "0490 39 07 81", "030 1234 5678", "06-12345678".
  // A date written with full stops ("03.12.26") is not one.
  found.push(
    ...spans(text, /(?<![\w+.,/-])0\d{1,4}(?:[ .-]\d{2,4}){2,4}(?![\w.,/-]?\d)/g, 'phone').filter(
      (p) => !/^\d{2}\.\d{2}\.\d{2}(?:\d{2})?$/.test(text.slice(p.start, p.end)),
    ),
  );
  found.push(...spans(text, /(?<![\w+.,/-])0[1-9]\d{0,3}-\d{6,8}(?!\d)/g, 'phone'));
  // A blood gas ("7.38/59/62/36/7") and a fluid balance ("+3300") are not phones, nor digits
  // that run into an ordinal's letters: "01 4589 40th Street" is a building's number and a street.
  return found.filter((p) => {
    const value = text.slice(p.start, p.end);
    if (/^(?:st|nd|rd|th)\b/i.test(text.slice(p.end, p.end + 3))) return false;
    if (/^\(?\d{3}\/\d{3}\/\d{4}\)?$/.test(value)) return true; // (201/324/1423)
    return value.replace(/\D/g, '').length >= 6 && !value.includes('/') && text[p.start - 1] !== '/' && text[p.end] !== '/';
  });
}

/**
 * Codes that mix capitals and digits but are clinical, not identifiers: scales and
 * classifications with a number ("PHQ-9", "ICD-10", "COVID-19"), lab and vent shorthand.
 */
const CLINICAL_CODE = /^(?:[A-Z]{2,6}-\d{1,3}[A-Z]?|COVID-?19|SARS-?COV-?2|H\d+N\d+|HBA1C|[A-Z]{1,3}\d{1,2}(?:-[A-Z]{1,3}\d{1,2})?)$/;

/**
 * Capitals and digits that are notes' shorthand, not identifiers: vent settings ("600X12",
 * "700*10", "AC700X10"), amounts and doses ("1300CC", "3LITERS", "700-800CC", "125MCGS",
 * "TYLENOL650MG"), frequencies ("Q3-4HRS"), shifts and times ("7AM-7PM", "11P-7AM",
 * "1145AM"), a vital sign run into its value ("SATS93-98", "HR-110-133", "FIO240", "PB7200").
 */
const UNITS = '(?:CC|MLS?|MGS?|MCGS?|L|LITERS?|HRS?|MINS?|UNITS?|U|KG|G|GM|MEQ|BPM|LPM|CMH2O|MMHG)';
const SHORTHAND_CODE = new RegExp(
  `^(?:${[
    String.raw`\d+[X*]\d+(?:[X*/]\d+)*`,
    String.raw`\d+(?:\.\d+)?(?:-\d+)?${UNITS}`,
    String.raw`[A-Z]{2,}\d+(?:\.\d+)?${UNITS}`,
    String.raw`Q\d+(?:-\d+)?(?:H|HR|HRS|MIN)?`,
    String.raw`\d{1,4}[AP]M?(?:-\d{1,4}[AP]M?)?`,
    String.raw`(?:HR|RR|SATS?|RATE|FIO2?|PEEP|PS|CPAP|BIPAP|AC|TV|VT|PB|BP|MAP|CVP|IPAP|EPAP|SIMV|IMV|PSV|RA|NC)-?\d+(?:[X*]\d+)?(?:-\d+)?`,
  ].join('|')})$`,
);

/** Numbers introduced as identifiers, and social security numbers in any company. */
export function findNumbers(text: string): Span[] {
  const keyword =
    /\b(?:ssn|social\s+security(?:\s+number)?|mrn|medical\s+record(?:\s+number)?|record|chart|account|acct|policy|member|subscriber|insurance|health\s+plan|hbn|hicn|mbi|medicare|medicaid|nhs|nhi|health\s+card|claim|case|patient|client\s+id|license|licence|driver'?s\s+licen[cs]e|dl|passport|plate|license\s+plate|licence\s+plate|vin|serial|device|badge|employee|student|certificate|ein|tax\s+id|itin|routing|iban|sort\s+code|card|credit\s+card|debit\s+card|pager|beeper|ref|reference|confirmation|booking|ticket|order|invoice|tracking|id(?=\s*(?:#|no\.?\s|number\b)))\b\.?/gi;
  const found: Span[] = [];
  for (const m of text.matchAll(keyword)) {
    if (m.index === undefined) continue;
    // "MRN: 00123", "account number 4417-2210", "policy no. AB-123456", "Medicare #AB-987654", "ref. code: EM-2554", "card 4111 1111 1111 1111".
    const tail =
      /^(?:\s*(?:number|num|no\.?|nr\.?|#|id|code|ending\s+in|is))*\s*(?:is|was|of|:|#|=|-)?\s*#?\s*(?:number\s*)?((?:[A-Z0-9]{1,8}[ -]){0,4}[A-Z0-9]*\d[A-Z0-9]*(?:[ -][A-Z0-9]{1,8}){0,4})(?![\w-])/i.exec(
        text.slice(m.index + m[0].length, m.index + m[0].length + 80),
      );
    if (!tail) continue;
    // The value: digits, or capitals with digits; a space-separated group joins only if it holds a digit.
    const groups = tail[1].split(/(?<=[ -])/);
    let value = '';
    for (const g of groups) {
      if (value !== '' && g.endsWith(' ') === false && !/\d/.test(g) && /[a-z]/.test(g)) break;
      if (value !== '' && / $/.test(value) && !/\d/.test(g)) break;
      value += g;
    }
    value = value.replace(/[ -]+$/, '');
    // An identifier is digits and capitals: "a 38-year-old" after "patient is" is not one.
    // In lower case only a letter or three then five digits or more ("licence number is a56319335"),
    // or one run of eight or more with five digits ("my iban is gb50mvfc38361978683032").
    const lowerCode = /^[a-z]{1,3}\d{5,}$/.test(value) || (/^[a-z0-9]{8,}$/.test(value) && (value.match(/\d/g) ?? []).length >= 5);
    if (value.replace(/[^A-Za-z0-9]/g, '').length < 3 || !/\d/.test(value) || (/[a-z]/.test(value) && !lowerCode)) continue;
    const start = m.index + m[0].length + tail[0].length - tail[1].length;
    found.push({ start, end: start + value.length, kind: 'number' });
  }
  // A pager's number as nursing notes write it: "PG 33445", "pgr #4-1234" (four digits or more, so "pg 12" of a document stays).
  found.push(...spans(text, /\b(?:pg|pgr)\b\.?[ \t]*(?:(?:#|no\.?)[ \t]*)?(?::[ \t]*)?(\d(?:-?\d){3,6})(?![\d/-]|\.\d)/gi, 'number', 1));
  found.push(...spans(text, /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g, 'number'));
  // A social security number with spaces, and its last four digits.
  found.push(...spans(text, /(?<![\d.,/-])\d{3} \d{2} \d{4}(?![\d.,/-]?\d)/g, 'number'));
  found.push(
    ...spans(
      text,
      /\b(?:last\s+(?:four|4)(?:\s+digits)?|ending\s+in|ends\s+in)\s*(?:of\s+(?:her|his|their|the)\s+\w+\s*)?(?:is|are|:)?\s*(\d{4})\b/gi,
      'number',
      1,
    ),
  );
  // Card numbers: four groups of four (or a run of 13 to 19 digits).
  found.push(...spans(text, /(?<![\d.,/-])(?:\d{4}[ -]){3}\d{1,7}(?![\d.,/-]?\d)/g, 'number'));
  found.push(...spans(text, /(?<![\d.,/-])\d{13,19}(?![\d.,/-]?\d)/g, 'number'));
  // Any code of six or more that mixes capitals and digits ("B123456789", "1EG4-TE5-MK73") and is not a clinical one.
  for (const m of matches(text, /(?<![\w#/.-])#?(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?(?![\w/-])/g)) {
    const code = m.value.replace(/^#/, '');
    // "DAUGHTER-KRISSY---301": words and a number run together, not a code.
    if (/--|(?:^|-)[A-Z]{5,}(?:-|$)/.test(code)) continue;
    if (code.replace(/-/g, '').length < 6 || CLINICAL_CODE.test(code) || SHORTHAND_CODE.test(code) || (code.match(/\d/g) ?? []).length < 3) continue;
    found.push({ start: m.end - code.length, end: m.end, kind: 'number' });
  }
  return found;
}

const STREET_TYPES =
  'Street|St|Str|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Path|Pass|Ramp|Alley|Row|Square|Sq|Crescent|Close|Gardens|Greens|Green|Forge|Keys|Radial|River|Mountain|Loop|Run|Pike|Plaza|Point|Ridge|Crossing|Heights|Hill|Hills|Walk|Mews|Grove|Park|Harbor|Harbour|Landing|Meadow|Meadows|Junction|Manor|Estates|Station|Valley|View|Villa|Village|Well|Wells|Fort|Freeway|Expressway|Causeway|Route|Rte|Bypass|Mall|Extension|Fields|Orchard|Oval|Spur|Track|Turnpike|Underpass|Union|Crest|Glen|Haven|Hollow|Isle|Knoll|Lake|Lakes|Ledge|Lodge|Mill|Mills|Mission|Motorway|Neck|Pines|Port|Prairie|Rapids|Rest|Shore|Shores|Spring|Springs|Stream|Summit|Trace|Tunnel|Vista|Wall|Ways|Center|Centre|Cove|Creek|Dale|Dam|Divide|Estate|Falls|Ferry|Field|Flat|Flats|Ford|Forest|Fork|Gateway|Inlet|Island|Burg|Bluff|Bottom|Branch|Bridge|Brook|Canyon|Cape|Cliff|Club|Common|Corner|Curve';
const UNIT = String.raw`(?:,?\s+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Fl\.?|Floor|#)\s*[\w-]+)?`;

/** Street words of other countries, as the end of a word ("Kiannonkatu", "Hauptstraße") or a word before the name ("rue", "calle"). */
const STREET_SUFFIX =
  '(?:straße|strasse|str\\.|weg|gasse|allee|platz|(?<![aeiouy])ring|damm|ufer|chaussee|katu|tie|kuja|polku|gatan|vägen|gränd|vej|gade|veien|gata|laan|straat|plein|kade|gracht|singel)';
/** The same street words written as a word of their own after the name. */
const STREET_APART = `(?:${[
  'strasse',
  'straße',
  'str\\.',
  'gasse',
  'weg',
  'gate',
  'gata',
  'gatan',
  'vej',
  'vei',
  'veien',
  'tie',
  'katu',
  'kuja',
  'terrasse',
  'allé',
  'plads',
  'torv',
  'torg',
  'u\\.',
  'utca',
  'út',
  'tér',
  'kapu',
  'laan',
  'straat',
  'cesta',
  'trg',
]
  .map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`)
  .join('|')})`;
/** Either case for the first letter only: the name after it must still start with a capital. */
const STREET_BEFORE = `(?:${[
  'rue',
  'avenue',
  'av\\.',
  'boulevard',
  'bd',
  'place',
  'chemin',
  'allée',
  'impasse',
  'quai',
  'calle',
  'c\\/',
  'avenida',
  'avda\\.?',
  'plaza',
  'paseo',
  'carrer',
  'via',
  'viale',
  'piazza',
  'corso',
  'largo',
  'rua',
  'travessa',
  'ul\\.',
  'ulica',
  'strada',
  'λεωφόρος',
]
  .map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`)
  .join('|')})`;
/** Words that go on with a sentence: never part of a street's name in lower case. */
const SENTENCE_WORDS =
  'a|an|the|my|his|her|their|our|your|to|of|in|on|at|for|with|from|by|and|or|but|so|then|down|up|over|across|along|times?|blocks?|miles?|minutes?|hours?|days?|weeks?|months?|years?|kids?|children|people|cars?|houses?|doors?|steps?|is|was|are|were|away|more|other|same|new|old|back';
const PARTICLE = "(?:de|del|de la|de las|de los|des|du|la|le|les|di|della|delle|dei|degli|dello|dalla|do|da|dos|das|d'|l')";
/** A word of a street's name: not a flat or suite, which follows on its own. */
const STREET_NAME_WORD = "(?!(?:Apt|Apartment|Suite|Ste|Unit|Floor)\\b)\\p{Lu}[\\p{L}'’-]*";
/** The same in lower case, after a house number ("36 rue de pologne"): any word but one that goes on with the sentence. */
const STREET_NAME_LOWER =
  "(?!(?:[Aa]pt|[Aa]partment|[Ss]uite|[Ss]te|[Uu]nit|[Ff]loor|and|or|but|so|then|the|a|an|to|in|on|at|for|with|from|of|is|was|it|i|he|she|they|we|you|after|before|last|this|that|please|st)\\b)\\p{L}[\\p{L}'’-]*";

/** A postcode of a common country: US, Nordic and German (digits), Polish "53-320", Swedish "394 13", Dutch "7412 SL", Canadian, British, "D-10115". */
const POSTCODE = String.raw`(?:[A-Z]{1,2}-)?\d{4,5}(?:-\d{3,4})?(?:[ \t][A-Z]{2}(?![\p{L}\p{N}]))?|\d{2}-\d{3}|\d{3}[ \t]\d{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}`;
/** Words that end a town's name and start a sentence again: a town is never these. */
const NOT_A_TOWN =
  /^(?:and|or|but|so|then|the|a|an|to|in|on|at|for|with|from|of|is|was|it|i|he|she|they|we|you|after|before|last|this|that|please|in case|thanks?)$/i;

const TOWN_PARTICLE = /^(?:de|del|della|di|da|do|dos|la|le|les|du|des|nad|pod|am|an|im|upon|on|sur|sous|en|van|der|den|ten|y|i|e|mesto)$/;

/**
 * One piece of an address block after the street, at `at`: a flat or suite, a postcode, a
 * state, province or country (kept, as Safe Harbor lets them stay), or a town.
 * Only at the end of its line may a town be written in lower case ("københavn k").
 */
function addressPiece(text: string, at: number): { end: number; kind?: Kind } | undefined {
  const sticky = (source: string, flags = 'uy'): RegExpExecArray | null => {
    const re = new RegExp(source, flags);
    re.lastIndex = at;
    return re.exec(text);
  };
  const unit = sticky(String.raw`(?:apt|apartment|suite|ste|unit|fl|floor|room|rm)\.?[ \t]*#?[\p{L}\p{N}-]*\p{N}[\p{L}\p{N}-]*`, 'iuy');
  if (unit) return { end: at + unit[0].length, kind: 'address' };
  const kept = sticky(String.raw`(?:${STATE_CODES}|[A-Z]{2}(?=[ \t]*(?:,|\r?\n|$|[ \t]\d))|nan|${STATE_NAMES})(?![\p{L}\p{N}])`);
  if (kept) return { end: at + kept[0].length };
  const country = sticky(String.raw`\p{L}[\p{L} ]*?(?:[ \t]*\([\p{L} ]+\))?(?=[ \t]*(?:,|\r?\n|$|[ \t]\d|[.?!](?:\s|$)))`);
  if (country && COUNTRY.test(country[0].replace(/[ \t]*\(.*\)$/, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase()))) return { end: at + country[0].length };
  const zip = sticky(String.raw`(?:${POSTCODE})(?![\p{L}\p{N}-])`);
  if (zip) return { end: at + zip[0].length, kind: 'zip' };
  // A town: capitalised words (any script, all capitals too), or lower case at the end of its line.
  const word = /\p{L}[\p{L}'’.-]*/uy;
  let end = at;
  let n = 0;
  for (let pos = at; n < 4; n++) {
    word.lastIndex = pos;
    const w = word.exec(text);
    // Stop at a word that starts a sentence again; lower-case words inside a town are particles ("del", "nad").
    // A country after the town ends it ("SAUMUR Andorra"): Safe Harbor lets the country stay.
    if (!w || NOT_A_TOWN.test(w[0].replace(/\.$/, '')) || (n > 0 && COUNTRY_AHEAD().test(text.slice(pos, pos + 60)))) break;
    // In a capitalised town, a lower-case word is a particle ("Soto del Barco", "Črni Vrh nad Idrijo") or the end.
    if (n > 0 && /^\p{Lu}/u.test(text[at]) && /^\p{Ll}/u.test(w[0]) && !TOWN_PARTICLE.test(w[0])) break;
    end = pos + w[0].replace(/\.$/, '').length;
    const gap = /[ \t]+/y;
    gap.lastIndex = word.lastIndex;
    if (!gap.exec(text)) {
      n++;
      break;
    }
    pos = gap.lastIndex;
  }
  if (n === 0) return undefined;
  const capital = /^\p{Lu}/u.test(text[at]);
  const lineEnds = /^[ \t]*(?:,|\r?\n|$|[.?!](?:\s|$))/.test(text.slice(end, end + 3));
  if (!capital && (!lineEnds || n > 2)) return undefined;
  return { end, kind: 'place' };
}

/**
 * After a street, the rest of its address block: on the same line after commas, and on the
 * lines below while each line holds nothing but address pieces ("Apt. 595", "OULU", ", CO",
 * "Finland 80896"): "1234 Elm St, Boston", "Kiannonkatu 98, 90100 OULU", an address
 * written over four lines. States and countries are passed over and stay.
 */
export function addressBlock(text: string, street: Span): Span[] {
  const found: Span[] = [];
  let at = street.end;
  for (let lines = 0; lines < 5;) {
    // On the same line: a comma or spaces; on the next: a new line, perhaps quoted ("> ").
    const sep = /^(?:[ \t]*,[ \t]*|[ \t]+|[ \t]*\r?\n(?:[ \t>]*\r?\n)?[ \t>]*)/.exec(text.slice(at, at + 40));
    if (!sep) break;
    const newLine = sep[0].includes('\n');
    let pos = at + sep[0].length;
    const pieces: Span[] = [];
    let ok = false;
    // A line below counts only when all of it is address pieces.
    for (let n = 0; n < 6; n++) {
      const piece = addressPiece(text, pos);
      if (!piece || piece.end <= pos) break;
      // After a street on its own line with only a space between, a town needs an end or a postcode after it ("... Apt. 678 Velenje").
      if (
        !newLine &&
        piece.kind === 'place' &&
        !sep[0].includes(',') &&
        (/^\p{Ll}/u.test(text[pos]) ||
          (!/^[ \t]*(?:,|\r?\n|$|[.?!](?:\s|$)|[ \t](?:\d|[A-Z]{2}\b|nan\b))/.test(text.slice(piece.end, piece.end + 4)) &&
            !COUNTRY_AHEAD().test(text.slice(piece.end, piece.end + 60).replace(/^[ \t]+/, ''))))
      )
        break;
      if (piece.kind) pieces.push({ start: pos, end: piece.end, kind: piece.kind });
      pos = piece.end;
      ok = true;
      const more = /^(?:[ \t]*,[ \t]*|[ \t]+)(?=\S)/.exec(text.slice(pos, pos + 20));
      if (!newLine || !more) break;
      pos += more[0].length;
    }
    if (!ok) break;
    // A line with a postcode may end the address and go on with the sentence ("KNIVSTA, 18237 after the concert").
    const lastLine = newLine && pieces.some((p) => p.kind === 'zip') && !/^[ \t]*(?:\r?\n|$)/.test(text.slice(pos, pos + 10));
    if (newLine) {
      if (!lastLine && !/^[ \t]*(?:\r?\n|$)/.test(text.slice(pos, pos + 10).replace(/^[ \t]*[,.]/, ''))) break;
      lines++;
    }
    found.push(...pieces);
    at = pos;
    if (lastLine) break;
  }
  return found;
}

/**
 * Countries: Safe Harbor lets them stay, so an address's tail stops before one. Every word's
 * first letter in either case, so that the source serves inside case-sensitive patterns too;
 * the longest name first ("Guinea-Bissau" before "Guinea").
 */
export const COUNTRY = new RegExp(
  `^(?:${[...COUNTRY_NAMES]
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/(^|[ -])(\p{Ll})/gu, (_, sep: string, l: string) => `${sep}[${l}${l.toUpperCase()}]`))
    .join('|')})$`,
  'u',
);

/** A street word in any case, plural too: "edmunds street", "minik courts". */
const STREET_WORD = new RegExp(`\\b(?:${STREET_TYPES})s?$`, 'i');

let countryAhead: RegExp | undefined;
/** A country's name at the start of the text, then no more letters. */
function COUNTRY_AHEAD(): RegExp {
  countryAhead ??= new RegExp(`^(?:${COUNTRY.source.slice(4, -2)})(?![\\p{L}])`, 'u');
  return countryAhead;
}

/** One side of a corner: up to four words and a number, to the end of the phrase. */
const CORNER_SIDE = String.raw`(?:\d{1,6}[ \t]+)?\p{L}[\p{L}'’.-]*(?:[ \t]+(?!and\b)\p{L}[\p{L}'’.-]*){0,3}(?:[ \t]+\d{1,4}\.?)?`;

export function findAddresses(text: string): Span[] {
  const street = new RegExp(
    String.raw`(?<![\w-])\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z0-9][\w'’.-]*|of|the)\s+){1,4}(?:${STREET_TYPES})\b(?:(?<=\b(?:St|Str|Ave|Rd|Ln|Dr|Blvd|Ct|Pl|Ter|Cir|Pkwy|Hwy|Trl|Sq|Rte))\.)?${UNIT}`,
    'g',
  );
  const streets = [
    ...spans(text, street, 'address'),
    // In lower case, with its number: "97 guildry street", "19 folkestone road"; no word that goes on with a sentence ("3 blocks down the road").
    ...spans(
      text,
      new RegExp(
        String.raw`(?<![\w-])\d{1,6}[ \t]+(?:(?!(?:${SENTENCE_WORDS})\b)[a-z][\w'’.-]*[ \t]+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|parkway|pkwy|highway|hwy|terrace|crescent|close)\b\.?${UNIT}`,
        'g',
      ),
      'address',
    ),
    // "Kiannonkatu 98", "Hauptstraße 5a", "Keizersgracht 123".
    ...spans(
      text,
      new RegExp(`(?<![\\p{L}-])\\p{Lu}[\\p{L}-]{2,}${STREET_SUFFIX}[ \\t]+\\d{1,4}[a-zA-Z]?(?:[ \\t]*[A-Z](?![\\p{L}]))?(?![\\p{L}\\p{N}])`, 'gu'),
      'address',
    ),
    // A street word written apart, then the number: "Villacher Strasse 89", "Trenerys gate 232", "Kálmán Imre u. 12".
    ...spans(
      text,
      new RegExp(
        `(?<![\\p{L}'’-])\\p{Lu}[\\p{L}'’-]+(?:[ \\t]+\\p{Lu}[\\p{L}'’-]+){0,2}[ \\t]+${STREET_APART}[ \\t]+\\d{1,4}[a-zA-Z]?(?![\\p{L}\\p{N}])`,
        'gu',
      ),
      'address',
    ),
    // "12 rue de la Paix", "Calle Mayor 5", "Via Roma, 10".
    ...spans(
      text,
      new RegExp(
        `(?<![\\p{L}\\p{N}])(?:\\d{1,4}[a-z]?,?[ \\t]+)?${STREET_BEFORE}[ \\t]+(?:${PARTICLE}[ \\t]*)?${STREET_NAME_WORD}(?:[ \\t]+(?:${PARTICLE}[ \\t]*)?${STREET_NAME_WORD}){0,2}(?:,?[ \\t]+\\d{1,4}[a-z]?(?![\\p{N}]))?`,
        'gu',
      ),
      'address',
    ).filter((s) => /\d/.test(text.slice(s.start, s.end))),
    // In lower case, with its house number before or after: "36 rue de pologne", "rue du centre 320".
    ...spans(
      text,
      new RegExp(
        `(?<![\\p{L}\\p{N}])(?:\\d{1,4}[a-z]?,?[ \\t]+${STREET_BEFORE}[ \\t]+(?:${PARTICLE}[ \\t]+)?${STREET_NAME_LOWER}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${STREET_NAME_LOWER}){0,2}|${STREET_BEFORE}[ \\t]+(?:${PARTICLE}[ \\t]+)?${STREET_NAME_LOWER}(?:[ \\t]+(?:${PARTICLE}[ \\t]+)?${STREET_NAME_LOWER}){0,2}[ \\t]+\\d{1,4}[a-z]?(?![\\p{L}\\p{N}]))`,
        'gu',
      ),
      'address',
    ),
    // A street named without its number, after a word that says where: "shows on Berg Hills Street", "lives off Tarsicio Isle Road".
    ...spans(
      text,
      /\b(?:on|at|off|along|down|near|onto|into)[ \t]+((?:(?!(?:The|A|An|My|Our|Your|His|Her|Their|This|That)\b)\p{Lu}\p{Ll}+[ \t]+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Crescent|Parkway))\b/gu,
      'address',
      1,
    ),
    ...spans(text, /\bP\.?\s?O\.?\s+Box\s+\d+/gi, 'address'),
    // US military mail: "PSC 0413, Box 8144", "Unit 4719 Box 7394", then "APO AA 42323".
    ...spans(text, /\b(?:PSC|CMR|Unit)\s+\d{3,5},?\s+Box\s+\d{1,5}\b/gi, 'address'),
    ...spans(text, /\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}\b/gi, 'address'),
    // A corner: "the corner of Dalbraut 99 and Frederikke Coves", "corner of 3744 Retreat Avenue and Władysława Route".
    ...[
      ...matches(
        text,
        new RegExp(`\\bcorner\\s+of\\s+(?!(?:the|a|my|his|her|our|their|this|that)\\b)(${CORNER_SIDE}\\s+(?:and|&)\\s+${CORNER_SIDE})`, 'giu'),
        1,
      ),
    ]
      // Each side holds a capital, a number or a street word ("frankfurter allee 73 and edmunds street").
      .filter((m) => m.value.split(/\s+(?:and|&)\s+/).every((side) => /\p{Lu}|\d/u.test(side) || STREET_WORD.test(side)))
      .map((m): Span => ({ start: m.start, end: m.value.endsWith('.') ? m.end - 1 : m.end, kind: 'address' })),
    ...spans(text, /\b(?:Apt\.?|Apartment|Suite|Unit)\s+#?\d+[A-Z]?\b/g, 'address'),
    // A flat or suite in lower case too ("apt. 139", "suite 790"); "unit" only capitalised, as a ward's unit is not an address.
    ...spans(text, /\b(?:apt\.?|apartment|suite)[ \t]+#?\d+[a-z]?\b/gi, 'address'),
  ];
  // Before a street: the number of a building or a box ("6750 Koskikatu 25", "P.O. Box 149 Monika Union").
  const led = streets.map((st) => {
    // Only a street that starts with its name; a flat ("Apt. 762") leaves the house number before it to its street.
    if (!/^\p{L}/u.test(text[st.start]) || /^(?:apt|apartment|suite|unit)\b/i.test(text.slice(st.start, st.start + 10))) return st;
    const before = /(?:(?<![\w.-])\d{1,6}[ \t]+|\bP\.?[ \t]?O\.?[ \t]+Box[ \t]+)$/i.exec(text.slice(Math.max(0, st.start - 20), st.start));
    return before ? { ...st, start: st.start - before[0].length } : st;
  });
  return [...led, ...led.flatMap((st) => addressBlock(text, st))];
}

/**
 * A part of a state or town named by its side: "the Eastern Shore", "FROM THE EASTERN SHORE",
 * "the Upper West Side", "the East End"; capitalised or all in capitals, never "the east side of the unit".
 */
export function findRegions(text: string): Span[] {
  const region = (upper: string, side: string, end: string): string => `(?:(?:${upper})[ \\t]+)?(?:${side})[ \\t]+(?:${end})`;
  const title = region('Upper|Lower', 'Eastern|Western|Northern|Southern|North|South|East|West', 'Shore|Side|End');
  const capitals = region('UPPER|LOWER', 'EASTERN|WESTERN|NORTHERN|SOUTHERN|NORTH|SOUTH|EAST|WEST', 'SHORE|SIDE|END');
  return spans(text, new RegExp(`\\b(?:the|The|THE)[ \\t]+(${title}|${capitals})\\b`, 'g'), 'place', 1);
}

const STATE_CODES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const STATE_NAMES =
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';

/** A state's two-letter code, which Safe Harbor lets stay. */
export const STATE_CODE = new RegExp(`^(?:${STATE_CODES})$`);

/** ", IL" or ", Illinois" right after a word: what comes before is a town. */
export const STATE_AFTER = new RegExp(`^,?\\s+(?:${STATE_CODES}|${STATE_NAMES})\\b`);

export function findZips(text: string): Span[] {
  return [
    ...spans(text, new RegExp(`\\b(?:${STATE_CODES}|${STATE_NAMES}),?\\s+(\\d{5}(?:-\\d{4})?)(?![\\d-])`, 'g'), 'zip', 1),
    ...spans(
      text,
      /\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode|post\s+code|plz|cp|code\s+postal|código\s+postal)\b\.?\s*(?:(?:is|was|:|#)\s*)?(\d{3,5}(?:-\d{3,4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})(?![\w-])/gi,
      'zip',
      1,
    ),
    // The same label before a postcode of another country's shape, in its own case: "ZIP: 7412 SL", "ZIP: 394 13", "53-320".
    ...[
      ...matches(
        text,
        /\b(?:zip|zipcode|zip\s+code|postal\s+code|postcode|post\s+code|plz|cp|code\s+postal|código\s+postal)\b\.?\s*(?:(?:is|was|:|#)[ \t]*)?/gi,
      ),
    ].flatMap((m): Span[] => {
      const code = new RegExp(`^(?:${POSTCODE})(?![\\p{L}\\p{N}-])`, 'u').exec(text.slice(m.end, m.end + 12));
      return code ? [{ start: m.end, end: m.end + code[0].length, kind: 'zip' }] : [];
    }),
    // A postcode after a country in an address ("Uruguay 64677", "Cyprus (Greek) 13475"); a year stays.
    ...[
      ...matches(
        text,
        new RegExp(`(?<![\\p{L}])(?:${COUNTRY.source.slice(4, -2)})(?:[ \\t]*\\([\\p{L} ]+\\))?[ \\t]+(\\d{4,5})(?![\\p{L}\\p{N}/.,-]?\\d)`, 'giu'),
        1,
      ),
    ]
      .filter((m) => !/^(?:19|20)\d\d$/.test(m.value))
      .map((m): Span => ({ start: m.start, end: m.end, kind: 'zip' })),
    // After a region's code at the end of an address: "Lyss, nan 50662", ", 43 73313", and the code on its own line before it (", 13\n 44939").
    ...spans(text, /(?<=\p{L}),[ \t]*(?:[A-Za-z]{2,3}|\d{1,2})[ \t]+(\d{4,5})(?![\p{L}\p{N}]|[.,/-]\d)/gu, 'zip', 1),
    ...spans(text, /(?=\d)(?<=(?:^|\n)[ \t>?]*,[ \t]*[\p{L}\p{N}]{1,4}[ \t]*\r?\n[ \t>?]*)(\d{4,5})(?![\p{L}\p{N}]|[.,/-]\d)/gu, 'zip', 1),
    // "in the 95614 area", "around 10027".
    ...spans(text, /\b(?:in|near|around|from|to)\s+(?:the\s+)?(\d{5})(?=\s+(?:area|zip|zip\s+code|region|neighbo(?:u)?rhood|postcode)\b)/gi, 'zip', 1),
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

const OTHER_MONTHS = [
  'januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember',
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre',
  'janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre',
].join('|');

/** Abbreviated month names in German, Spanish and French, written with a full stop after them. */
const OTHER_MONTH_ABBREVIATIONS = 'jan|jän|feb|febr|mär|mrz|apr|jun|jul|aug|sep|sept|okt|nov|dez|ene|abr|ago|set|oct|dic|janv|févr|fevr|avr|juil|déc|dec';

/** Month number from the start of a German, Spanish or French month's name; "ma" is ambiguous and left to the order below. */
const MONTH_STEMS: readonly [RegExp, number][] = [
  [/^(?:jan|jän|ene)/, 1],
  [/^(?:feb|fév|fev)/, 2],
  [/^(?:mär|mrz|marz|mars)/, 3],
  [/^(?:apr|abr|avr)/, 4],
  [/^(?:mai|may)/, 5],
  [/^(?:jun|juin)/, 6],
  [/^(?:jul|juil)/, 7],
  [/^(?:aug|ago|aoû|aou)/, 8],
  [/^(?:sep|set)/, 9],
  [/^(?:okt|oct)/, 10],
  [/^nov/, 11],
  [/^(?:dez|dic|déc|dec)/, 12],
];

/** Which day a German, Spanish or French date names ("3. Dezember 2026", "3 de dic.", "3.12.2026"); the year only when written. */
function foreignDay(value: string): CalendarDay | undefined {
  const v = value.toLowerCase();
  const digits = /^(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?$/.exec(v);
  if (digits) {
    const year = digits[3] === undefined ? undefined : digits[3].length === 2 ? 2000 + Number(digits[3]) : Number(digits[3]);
    const month = Number(digits[2]);
    const date = Number(digits[1]);
    if (month < 1 || month > 12 || date < 1 || date > 31) return undefined;
    return { month, date, ...(year !== undefined ? { year } : {}) };
  }
  const day = /^(\d{1,2})/.exec(v);
  const word = /\p{L}+/u.exec(v.replace(/\bde\b|\ber\b/g, ' '));
  const month = word ? MONTH_STEMS.find(([stem]) => stem.test(word[0]))?.[1] : undefined;
  if (!day || month === undefined) return undefined;
  const year = /\b(1[89]\d\d|20\d\d)\b/.exec(v);
  return { month, date: Number(day[1]), ...(year ? { year: Number(year[1]) } : {}) };
}

const DATE_CUE =
  /\b(?:on|since|from|until|till|by|before|after|dated|dob|d\.o\.b\.|born|seen|admitted|discharged|died|last|next|due|mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day)?\.?:?\s*$/i;

/**
 * A day and month in digits with no year ("7/22", "22/7") is a date unless what stands
 * around it says it is a fraction, a score or a setting: "rales 1/3 up", "1 1/2 hrs", "pain
 * 8/10", "GAD-7 was 7/21", "PSV 10/5", "CPAP 5/5, 40%". Measured on PhysioNet's nursing
 * notes (docs/performance.md): most such pairs there are days, and the rest are these.
 */
const MEASURE_BEFORE =
  /(?:\b(?:ps|psv|cpap|bipap|bi-?pap|ips|peep|flowby|imv|simv|vent|settings?|pap|pcwp|score[sd]?|rated?|rating|phq-?\d*|gad-?\d*|suds|bp|pressures?|ratio|x|a\/c|scale|level|trial(?:ed)?|perrla?|grade|stage)\b|\bwean(?:ing|ed)?\s+(?:down\s+)?to|\/)[\s:=,]*(?:(?:of|at|to|on|down to|up to|increased to|decreased to|changed(?: over)? to|weaned to|is|was|now)\s+)?$/i;
/** A feeling or a function rated out of ten ("pain 8/10", "sleep 6/10"); "awoke from sleep on 8/25" is a day. */
const RATING_BEFORE = /\b(?:pain|mood|sleep|anxiety|energy|appetite|stress)\b[\s:=,(]*(?:(?:of|at|to|on|is|was|now)\s+)?$/i;
const SETTINGS_ALONG = /\d[ \t]*%[\s,&]*$|\b(?:simv|imv|cpap|bipap|psv|peep|settings?)\b[^.\n]*$/i;
const PAIN_ALONG = /\b(?:pain|cp|discomfort|aches?|aching)\b[^.\n]{0,16}$/i;
const MEASURE_AFTER =
  /^\s*(?:%|\d+\s*%|[\d.]+\s*(?:%|fio2)|peep|bipap|cpap|psv|fio2|ps\b|pain|cp\b|(?:chest|incisional|abdominal|abd|back|neck|head|leg|arm|sharp|dull|burning|crampy|epigastric|flank|joint|shoulder|hip|knee|rectal|generali[sz]ed|surgical|mid|low|lower|upper)\s+pain\b|ns\b|str\b|strength|up\b|hrs?\b|hours?\b|bottles|cm\b|of\s+(?:peep|ps)|\/|x\s*\d|with\s+(?:peep|ps)|on\s+\d)/i;
// A full stop or a dash after a word may stand right before it: "transferred to the unit.8/31", "UO-9/10".
const COUNTED_AFTER = /^\s*(?:nights|days|times|sessions|weeks|goals|items)\b/i;
const DAY_MONTH = /(?<![\d/:])(?<![\d.-][.-])(?<![^\p{L}][.-])(?<!^[.-])(\d{1,2})\/(\d{1,2})(?![\d]|\/\d|\.\d)/gu;

function isDayAndMonth(text: string, start: number, end: number, a: number, b: number): boolean {
  const valid = (month: number, day: number): boolean => month >= 1 && month <= 12 && day >= 1 && day <= 31;
  if (!valid(a, b) && !valid(b, a)) return false;
  if (a < b && b <= 4) return false; // 1/2, 1/3, 3/4
  if (a === b && a <= 5) return false; // 2/2 pupils, 5/5 settings
  const before = text.slice(Math.max(0, start - 30), start);
  if (MEASURE_BEFORE.test(before) || (b <= 10 && RATING_BEFORE.test(before)) || MEASURE_AFTER.test(text.slice(end, end + 24))) return false;
  // Further along a line of settings ("SIMV/PS, 500X10, 40%, & 5/8", "IMV 650X8 60% 15/10"), or of pain ("c/o CP, 5/10", "discomfort #4/10").
  // Not right after a word that dates something: "(PLACED 8/14)", "since 7/9".
  const dated = /\b(?:placed|inserted|changed|started|since|on|from|dated|admitted)\s*$/i.test(before);
  if (!dated && (SETTINGS_ALONG.test(before.slice(-40)) || (b === 10 && PAIN_ALONG.test(before)))) return false;
  // A count of nights or days is out of a week or two at most: "slept 5/7 nights", not "no change from 8/15 nights".
  if (b <= 14 && COUNTED_AFTER.test(text.slice(end, end + 14))) return false;
  // Out of ten is a rating as often as a day ("felt 7/10", "about 6/10"): not after a word that gives a level.
  return (
    b !== 10 ||
    DATE_CUE.test(text.slice(Math.max(0, start - 24), start)) ||
    !/\b(?:at|was|is|were|felt|feels?|about|around|approx|rated|of|a|now|today|c\/o|reports?|complains\s+of)\s*$/i.test(before)
  );
}

/** A month and a day as numbers, each in range: "10/03", "7-8". */
function monthDay(month: string, day: string): boolean {
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31;
}

/** What follows "from 3-5" when it is a count, not a date: "3-5 days", "3-5 mg", "3-5%". */
const COUNT_AFTER_RANGE =
  /^[ \t]*(?:%|[-/]|\p{L}+s\b|(?:x|days?|d|wks?|weeks?|months?|mos?|hrs?|hours?|h|mins?|minutes?|secs?|times?|mg|mcg|ml|cc|l|lpm|liters?|litres?|units?|u|mmhg|cm|mm|kg|lbs?|bpm|beats?|breaths?|puffs?|tabs?|pills?|am|pm|yrs?|years?|y\/?o|to|or|and)\b)/iu;

/**
 * Numbers that may be a date no pattern reads whole: two dates run together ("TREATMENTS
 * 10/03/10/04"), a year after a full stop ("11/21.93"), a month and day with a hyphen after
 * "on" or "from" ("returned to OR on 7-8", "BC FROM 3-5 GREW"), and a phone written in
 * three groups of digits ("(301 273 45166)"). Too often a measure or a count to replace;
 * flagged for a look.
 */
export function datesAndPhonesInPieces(text: string): { start: number; end: number; reason: string }[] {
  const out: { start: number; end: number; reason: string }[] = [];
  for (const m of text.matchAll(/(?<![\w/.-])(\d{1,2})\/(\d{1,2})\/(\d{1,2})\/(\d{1,2})(?![\w/]|[.-]\d)/g))
    if (monthDay(m[1], m[2]) && monthDay(m[3], m[4])) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, reason: REASON_DATE });
  for (const m of text.matchAll(/(?<![\w/.-])(\d{1,2})\/(\d{1,2})\.(\d{2})(?![\w/.]|-\d)/g))
    if (monthDay(m[1], m[2])) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, reason: REASON_DATE });
  for (const m of text.matchAll(/\b(?:on|from)[ \t]+(\d{1,2})-(\d{1,2})(?![\w/.-])/gi)) {
    const at = (m.index ?? 0) + m[0].length - m[1].length - m[2].length - 1;
    // "on 1-2 pillows": a plural after it counts things.
    if (monthDay(m[1], m[2]) && !COUNT_AFTER_RANGE.test(text.slice(at + m[1].length + m[2].length + 1, at + m[1].length + m[2].length + 20)))
      out.push({ start: at, end: at + m[1].length + m[2].length + 1, reason: REASON_DATE });
  }
  for (const m of text.matchAll(/(?<![\w.,/-])\d{3}[ \t]\d{3}[ \t]\d{4,5}(?![\w/-]|[.,]\d)/g))
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, reason: REASON_NUMBER });
  return out;
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
    // Digits alone with no year ("8.10", "7-21") are scores and settings as often as days: a date only after a word that says so.
    // With a slash they are weighed below (isDayAndMonth).
    if (!named && raw.includes('/') && !/\d\/\d{1,2}\/\d{2,4}/.test(raw)) continue;
    if (!named && /^\d{1,2}[.-]\d{1,2}$/.test(raw.trim()) && !DATE_CUE.test(text.slice(Math.max(0, at - 24), at))) continue;
    if (named && !r.start.isCertain('day') && !r.start.isCertain('year')) continue; // "in May"
    const lead = WEEKDAY_LEAD.exec(raw);
    const start = at + (lead ? lead[0].length : 0);
    let end = at + raw.length;
    // A time of day that chrono joined to the date is not a date element.
    const time = /\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?$/i.exec(text.slice(start, end));
    if (time && r.start.isCertain('hour') && !YEAR.test(time[0])) end -= time[0].length;
    if (end > start) found.push(dateSpan(text, start, end, dayOf(text.slice(start, end), reference)));
  }
  const numeric = /(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})|\d{1,2}\/\d{1,2}(?=\s+(?:session|appointment|visit)))(?![\d/])/g;
  for (const m of matches(text, numeric)) found.push(dateSpan(text, m.start, m.end, dayOf(m.value, reference)));
  for (const m of text.matchAll(DAY_MONTH)) {
    if (m.index === undefined) continue;
    const end = m.index + m[0].length;
    if (isDayAndMonth(text, m.index, end, Number(m[1]), Number(m[2]))) found.push(dateSpan(text, m.index, end, dayOf(m[0], reference)));
  }
  // The second day of a range, "6/30-7/2".
  for (const m of text.matchAll(/(?<![\d./:-])(\d{1,2})\/(\d{1,2})-((\d{1,2})\/(\d{1,2}))(?![\d]|\/\d|\.\d)/g)) {
    if (m.index === undefined) continue;
    const end = m.index + m[0].length;
    const second = end - m[3].length;
    if (isDayAndMonth(text, m.index, second - 1, Number(m[1]), Number(m[2])) && isDayAndMonth(text, second, end, Number(m[4]), Number(m[5])))
      found.push(dateSpan(text, second, end, dayOf(m[3], reference)));
  }
  const month =
    '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
  const named = new RegExp(
    `\\b(?:${month}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month}(?:,?\\s+\\d{4})?|${month}\\s+\\d{4})(?![\\w])`,
    'g',
  );
  for (const m of matches(text, named)) found.push(dateSpan(text, m.start, m.end, dayOf(m.value, reference)));
  // German, Spanish and French: "3. Dezember 2026", "3 de diciembre", "le 1er mai", "diciembre de 2026".
  // Their abbreviations take a full stop ("3. Dez. 2026", "3 dic.", "le 3 janv."), or stand between dashes ("3-dic-2026").
  const other = `(?:${OTHER_MONTHS}|(?:${OTHER_MONTH_ABBREVIATIONS})\\.)`;
  const foreign = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:\\d{1,2}(?:\\.|er|º|°)?\\s*(?:de\\s+)?${other}(?:,?\\s+(?:de\\s+)?\\d{4})?|${other}\\s+(?:de\\s+)?\\d{4}|\\d{1,2}-(?:${OTHER_MONTHS}|${OTHER_MONTH_ABBREVIATIONS})-\\d{2,4})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  for (const m of matches(text, foreign)) found.push(dateSpan(text, m.start, m.end, foreignDay(m.value)));
  // A day and month in digits after a word that says date in these languages: "am 3.12.", "le 3/12", "el 3/12".
  for (const m of matches(
    text,
    /(?=\d)(?<=\b(?:am|vom|bis|ab|seit|zum|le|du|au|depuis|el|del|al|desde|hasta)\s+)\d{1,2}\.\s?\d{1,2}\.(?:\s?(?:\d{4}|\d{2}))?(?![\d.]?\d)/giu,
  ))
    found.push(dateSpan(text, m.start, m.end, foreignDay(m.value)));
  // "the 14th" on its own is a day of the month, unless a count follows ("the 14th session").
  for (const m of matches(
    text,
    /\b(?:on\s+)?the\s+((?:\d{1,2}|3[01])(?:st|nd|rd|th))\b(?!\s+(?:of\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|session|visit|appointment|time|week|day|month|year|birthday|percentile|floor|grade|century|place|attempt|meeting|hour|minute|dose|cycle|round|step)\b)/gi,
    1,
  )) {
    found.push(dateSpan(text, m.start, m.end));
  }
  // A month and year in digits: "4/97", "fx4/97", "since 11/2019"; a two-digit year only from 30 on, so "8/10" pain and "7/21" scores stay.
  for (const m of matches(text, /(?<![\d/.])(?:0?[1-9]|1[0-2])\/(?:19\d\d|20\d\d|[3-9]\d)(?![\d/]|\.\d)/g)) found.push(dateSpan(text, m.start, m.end));
  return found.filter((d) => !measured(text, d.start, d.end));
}

/**
 * Digits that only look like a date: a setting or a range of pressures ("12/5/40%", "BP
 * 72-80/30'S", "PAP 50/18-21", "CO/CI 6.3/3.54"). A date with a month's name is never one.
 */
function measured(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (/\p{L}/u.test(value)) return false;
  // No month and day in the first two numbers ("50/18-21"): a pressure.
  const pair = /^(\d{1,2})[/.-](\d{1,2})[/.-]/.exec(value);
  if (pair && Number(pair[1]) > 12 && Number(pair[2]) > 12) return true;
  const after = text.slice(end, end + 7);
  return (
    (/^\s*%|^'s|^\.\d|^-\d/i.test(after) && !/^-\d{1,2}\/\d/.test(after)) ||
    (/\d[-/.]$/.test(text.slice(Math.max(0, start - 2), start)) && !/\d\/\d{1,2}-$/.test(text.slice(Math.max(0, start - 6), start))) ||
    /^\d+-\d+\//.test(value)
  );
}

const OLD = '(?:9\\d|1[0-2]\\d)';

/** The people whose age a note may give: "her grandmother, 93". */
const AGE_PEOPLE = new Set(
  'mother father mom mum dad grandmother grandfather grandma grandpa nana granny great-grandmother great-grandfather aunt uncle sister brother daughter son husband wife partner neighbor neighbour patient client friend man woman lady gentleman'.split(
    ' ',
  ),
);

const ONES = 'one|two|three|four|five|six|seven|eight|nine';

export function findAges(text: string): Span[] {
  const who = `(?:who|he|she|they|${[...AGE_PEOPLE].join('|')})`;
  const notAMeasure = '(?!\\s*(?:%|/|\\.\\d|percent|mg|kg|lbs?|pounds|bpm|mmhg|cm|mm|ml|min|minutes|seconds|days|hours|°))';
  return [
    // "who is 97", "her daughter is 91", "grandmother, 93", "97 yrs", "ninety-three".
    ...spans(
      text,
      new RegExp(`\\b${who}(?:'s|\\s+(?:is|was|turned|turns|will\\s+be|is\\s+now|, now|, aged|, age))\\s+(${OLD})\\b${notAMeasure}`, 'gi'),
      'age',
      1,
    ),
    ...spans(text, new RegExp(`\\b(?:${[...AGE_PEOPLE].join('|')}),\\s+(${OLD})\\b${notAMeasure}`, 'gi'), 'age', 1),
    ...spans(text, new RegExp(`\\b${OLD}\\s*(?:yrs?|y\\.?o\\.?|years?\\s+of\\s+age)(?![\\w])`, 'gi'), 'age'),
    ...spans(
      text,
      new RegExp(
        `\\b(?:ninety(?:[- ](?:${ONES}))?|one\\s+hundred(?:\\s+and\\s+(?:${ONES}|ten|eleven|twelve))?)(?=(?:[- ]years?[- ]old|\\s+yrs?)\\b)(?:[- ]years?[- ]old|\\s+yrs?)`,
        'gi',
      ),
      'age',
    ),
    ...spans(
      text,
      new RegExp(
        `(?=ninety)(?<=\\b(?:${who}\\s+(?:is|was|turned|turns|will\\s+be)|aged?|turned|turning|${[...AGE_PEOPLE].join('|')},)\\s+)ninety(?:[- ](?:${ONES}))?\\b`,
        'gi',
      ),
      'age',
    ),
    ...spans(text, new RegExp(`\\b${OLD}(?:-|\\s)years?(?:-|\\s)old\\b`, 'gi'), 'age'),
    ...spans(text, new RegExp(`\\b${OLD}-year-old\\b`, 'gi'), 'age'),
    ...spans(text, new RegExp(`\\b(?:aged?|turned|turning|turns)\\s+(${OLD})\\b`, 'gi'), 'age', 1),
    ...spans(text, new RegExp(`\\b(${OLD})(?:st|nd|rd|th)\\s+birthday\\b`, 'gi'), 'age', 1),
    ...spans(text, /\b(?:in\s+(?:his|her|their)\s+)(?:90s|nineties|late\s+90s|early\s+90s)\b/gi, 'age'),
    ...spans(text, new RegExp(`\\b(${OLD})\\s*(?:yo|y/o|y\\.o\\.)(?!\\w)`, 'gi'), 'age'),
    // A nursing note's opening age with no "yo": "98 s/p left hip fx", at a line's or sentence's start or after a wide gap (never "sat 98 s/p").
    ...spans(text, new RegExp(`\\b${OLD}(?=[ \\t]+s\\/p\\b)`, 'g'), 'age').filter((s) =>
      /(?:^|\n|[.!?][ \t]+|[ \t]{2})$/.test(text.slice(Math.max(0, s.start - 3), s.start)),
    ),
    // German, Spanish and French: "94 Jahre alt", "tiene 91 años", "a 93 ans".
    ...spans(text, new RegExp(`\\b${OLD}(?=\\s*(?:Jahre|Jahren|jährig|años|anos|ans)\\b)`, 'giu'), 'age'),
    ...spans(
      text,
      new RegExp(`(?=\\d)(?<=\\b(?:ist|wird|wurde|tiene|cumple|cumplió|a|aura|avait)\\s+)${OLD}\\b(?!\\s*(?:%|mg|kg|€|euros?|mal|veces|fois|[.,]\\d))`, 'giu'),
      'age',
    ),
  ];
}
