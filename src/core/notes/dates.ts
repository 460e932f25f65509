/** Calendar dates as `YYYY-MM-DD` strings; all arithmetic is on whole local days. */

/** The number written by the ASCII digits from `start` to `end`, or -1 when one is not a digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  // Read by hand: every note's date is checked, and a regular expression's match costs more.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  // Arithmetic, not a Date per call (the scan checks two dates a note): the proleptic
  // Gregorian calendar, as ISO 8601 counts, so year 0 is a leap year and 1900 is not.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The first real `YYYY-MM-DD` date in a string (such as a file name), if any. */
export function firstIsoDate(value: string): string | null {
  const re = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (isIsoDate(m[1])) return m[1];
  }
  return null;
}

/** A local date as `YYYY-MM-DD`. */
export function formatDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `today` (both `YYYY-MM-DD`); negative for a future date. */
export function daysBetween(from: string, today: string): number {
  return Math.round(dayNumber(today) - dayNumber(from));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "noted 30 Oct" (with the year when it is not this year's), or "undated": when a rupture
 * was written down, never a running count of days.
 */
export function formatNoted(date: string | null, today: string): string {
  if (date === null || !isIsoDate(date)) return 'undated';
  const [y, m, d] = date.split('-');
  const year = y === today.slice(0, 4) ? '' : ` ${Number(y)}`;
  return `noted ${Number(d)} ${MONTHS[Number(m) - 1]}${year}`;
}

/**
 * Month names and their usual short forms in English, German, Spanish and French (lower
 * case, accents as written and without), to their month number. A short form may end in
 * a full stop ("Dez.", "févr.").
 */
const MONTH_NAMES: ReadonlyMap<string, number> = (() => {
  const names = [
    'january jan januar jänner jän enero ene janvier janv',
    'february feb februar feber febrero février fevrier févr fevr fév',
    'march mar märz maerz mär mrz marzo mars',
    'april apr abril abr avril avr',
    'may mai mayo',
    'june jun juni junio juin',
    'july jul juli julio juillet juil',
    'august aug agosto ago août aout',
    'september sep sept septiembre setiembre septembre',
    'october oct oktober okt octubre octobre',
    'november nov noviembre novembre',
    'december dec dezember dez diciembre dic décembre decembre déc',
  ];
  const map = new Map<string, number>();
  names.forEach((list, i) => list.split(' ').forEach((n) => map.set(n, i + 1)));
  return map;
})();

const MONTH_WORD = String.raw`([A-Za-zÀ-ÿ]{3,10})\.?`;
const DAY = String.raw`(\d{1,2})(?:\.|er|ᵉʳ|º|ª|°|st|nd|rd|th)?`;
const YEAR_AFTER = String.raw`(?:,?\s+(?:de\s+|del\s+)?(\d{4}))?`;
/** "3 de diciembre de 2026", "3. Dezember", "le 1er décembre 2026", "3 Dec 2026". */
const DAY_MONTH = String.raw`(?:(?:le|el|am|den|der)\s+)?${DAY}\s*(?:de\s+|of\s+)?${MONTH_WORD}${YEAR_AFTER}`;
/** "December 3, 2026", "Dec. 3rd": English writes the month first. */
const MONTH_DAY = String.raw`${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?${YEAR_AFTER}`;
/** "3.12.2026", "03. 12. 2026": day, month and year with full stops, as German writes them. */
const DOTTED = String.raw`(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})`;
const WRITTEN = new RegExp(String.raw`(?<![\p{L}\p{N}.])(?:${DOTTED}|${DAY_MONTH}|${MONTH_DAY})(?![\p{L}\p{N}])`, 'giu');

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The ISO date of a day and month with a year, or null when there is no such day. */
function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A day and month written without a year take the year that puts them closest to the
 * reference day (last year, this year or next), as the English date reader of the export
 * (chrono) does; without a reference they are not read.
 */
function withYear(month: number, day: number, year: number | undefined, reference: string | null | undefined): string | null {
  if (year !== undefined) return isoOf(year, month, day);
  if (!reference || !isIsoDate(reference)) return null;
  const refYear = Number(reference.slice(0, 4));
  let best: string | null = null;
  for (const y of [refYear, refYear + 1, refYear - 1]) {
    const iso = y >= 0 && y <= 9999 ? isoOf(y, month, day) : null;
    // Strictly closer only: a tie keeps the reference's own year.
    if (iso && (best === null || Math.abs(daysBetween(iso, reference)) < Math.abs(daysBetween(best, reference)))) best = iso;
  }
  return best;
}

function fromMatch(m: RegExpExecArray, reference: string | null | undefined): string | null {
  if (m[1] !== undefined) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  const [day, name, year] = m[4] !== undefined ? [m[4], m[5], m[6]] : [m[8], m[7], m[9]];
  const month = MONTH_NAMES.get(name.toLowerCase());
  if (month === undefined) return null;
  return withYear(month, Number(day), year === undefined ? undefined : Number(year), reference);
}

/**
 * The first real date written in a string, in any of the forms Attune reads: `YYYY-MM-DD`
 * first (as before), then a day and a month named in English, German, Spanish or French
 * ("3 de diciembre de 2026", "3. Dez. 2026", "le 1er décembre", "December 3, 2026") or a
 * dotted day.month.year ("3.12.2026"). A date without a year takes the year closest to
 * `reference` (see withYear). Slashed dates (3/12/2026) are not read: the day comes first
 * in Europe and the month in the US, so they cannot be read safely without knowing which.
 */
export function firstWrittenDate(value: string, reference?: string | null): string | null {
  const iso = firstIsoDate(value);
  if (iso !== null) return iso;
  WRITTEN.lastIndex = 0;
  for (let m = WRITTEN.exec(value); m; m = WRITTEN.exec(value)) {
    const date = fromMatch(m, reference);
    if (date !== null) return date;
    // "Sitzung 03.12.2026" first matches as a month-first date of a month called "Sitzung": look again from the next character.
    WRITTEN.lastIndex = m.index + 1;
  }
  return null;
}

const WHOLE = new RegExp(String.raw`^(?:${DOTTED}|${DAY_MONTH}|${MONTH_DAY})\.?$`, 'iu');

/** A whole value (such as a front-matter date) that is one date in a form Attune reads, or null. */
export function readWrittenDate(value: string, reference?: string | null): string | null {
  const v = value.trim();
  if (isIsoDate(v)) return v;
  const m = WHOLE.exec(v);
  return m ? fromMatch(m, reference) : null;
}
