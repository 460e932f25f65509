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
