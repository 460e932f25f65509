/**
 * The de-identifier's large word lists (English words, given names and surnames), held as
 * one sorted string each and searched in place: no array or Set of 475,000 strings is
 * ever built, which kept an export's process at about 150 MB (issue 24, item 5).
 */

/** Words sorted by UTF-16 code unit (JavaScript's own order), one a line, as PackedWords takes them; no empty word. */
export function sortedWordText(words: readonly string[]): string {
  for (const w of words) if (w.includes('\n')) throw new Error('a listed word holds a line break');
  return [...new Set(words)]
    .filter((w) => w !== '')
    .sort()
    .join('\n');
}

/** A sorted list of words that answers, as a Set of them would, whether it holds a word. */
export abstract class SortedWords {
  /** Earlier answers: a note asks about the same few hundred words again and again. */
  private readonly seen = new Map<string, boolean>();

  has(word: string): boolean {
    return remembered(this.seen, word, 50_000, (w) => this.search(w));
  }

  protected abstract search(word: string): boolean;

  /** Earlier answers of oneSlipFrom: a note repeats its misspellings. */
  private readonly slips = new Map<string, boolean>();

  /**
   * Whether a lower-case word of a-z is one typing slip from a listed word: a letter
   * dropped, added, mistyped, or two swapped ("recieve", "hypotention", "excercise").
   * The candidates are searched without the memo of `has`, which they would only fill.
   */
  oneSlipFrom(word: string): boolean {
    // A long word would make as many candidates as letters, each as long: a hostile note's word is not tried.
    return remembered(this.slips, word, 10_000, (w) => /^[a-z]{1,40}$/.test(w) && slips(w).some((x) => this.search(x)));
  }
}

/** The answer for `key`, worked out once; a hostile note could ask about many distinct words, so the memo is emptied at `limit`. */
function remembered(memo: Map<string, boolean>, key: string, limit: number, answer: (key: string) => boolean): boolean {
  const known = memo.get(key);
  if (known !== undefined) return known;
  const found = answer(key);
  if (memo.size >= limit) memo.clear();
  memo.set(key, found);
  return found;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every word one slip from `word`: a letter dropped, two swapped, one mistyped or one added. */
export function slips(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const rest = word.slice(i);
    if (rest !== '') out.push(head + rest.slice(1));
    if (rest.length > 1) out.push(head + rest[1] + rest[0] + rest.slice(2));
    for (const c of LETTERS) {
      if (rest !== '' && c !== rest[0]) out.push(head + c + rest.slice(1));
      out.push(head + c + rest);
    }
  }
  return out;
}

/** A sorted list of words, one a line, searched by bisecting the text itself. */
export class PackedWords extends SortedWords {
  /** `text`: words sorted by UTF-16 code unit, joined by line breaks (sortedWordText). */
  constructor(private readonly text: string) {
    super();
  }

  protected search(word: string): boolean {
    const t = this.text;
    // No word is empty, and an empty text holds none.
    if (word === '') return false;
    // Lines starting in [lo, hi) are still candidates; lo is always a line's start.
    let lo = 0;
    let hi = t.length + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : t.lastIndexOf('\n', mid - 1) + 1;
      let end = t.indexOf('\n', start);
      if (end < 0) end = t.length;
      const order = compare(word, t, start, end);
      if (order === 0) return true;
      if (order < 0) hi = start;
      else lo = end + 1;
    }
    return false;
  }
}

/** `word` against text[start, end), by UTF-16 code unit as `<` compares strings. */
function compare(word: string, text: string, start: number, end: number): number {
  const length = end - start;
  const n = Math.min(word.length, length);
  for (let i = 0; i < n; i++) {
    const d = word.charCodeAt(i) - text.charCodeAt(start + i);
    if (d !== 0) return d;
  }
  return word.length - length;
}

/**
 * Place names joined by "|", sorted by their lower case and then as written
 * (tools/place-list.js), searched in place as written or in lower case: no Set of 19,000
 * names is built in either case.
 */
export class PlaceNames {
  /** Earlier answers of `has`: a note asks about the same words again and again. */
  private readonly seen = new Map<string, boolean>();

  constructor(private readonly text: string) {}

  /** Whether a name is listed exactly as written: "Boston", not "boston". */
  has(name: string): boolean {
    return remembered(this.seen, name, 50_000, (n) => this.search(n));
  }

  private search(name: string): boolean {
    const lower = name.toLowerCase();
    // Every listed name keeps its length in lower case (the list's tool checks it).
    if (name === '' || lower.length !== name.length) return false;
    const t = this.text;
    // The names equal in lower case stand together: "Mcalester" beside "McAlester".
    for (let start = this.firstAtLeast(lower); start < t.length;) {
      const end = endOfName(t, start);
      if (compareLowered(lower, t, start, end) !== 0) return false;
      if (end - start === name.length && t.startsWith(name, start)) return true;
      start = end + 1;
    }
    return false;
  }

  /** Whether a phrase in lower case is a listed name in lower case: "new haven". */
  hasLowerCase(phrase: string): boolean {
    if (phrase === '') return false;
    const t = this.text;
    const start = this.firstAtLeast(phrase);
    return start < t.length && compareLowered(phrase, t, start, endOfName(t, start)) === 0;
  }

  /** The start of the first name whose lower case does not sort before `lower` (past the end when none). */
  private firstAtLeast(lower: string): number {
    const t = this.text;
    // The answer is a name's start in [lo, hi]; lo is always a name's start.
    let lo = 0;
    let hi = t.length + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : t.lastIndexOf('|', mid - 1) + 1;
      const end = endOfName(t, start);
      if (compareLowered(lower, t, start, end) > 0) lo = end + 1;
      else hi = start;
    }
    return lo;
  }
}

function endOfName(text: string, start: number): number {
  const end = text.indexOf('|', start);
  return end < 0 ? text.length : end;
}

/** `lower` against text[start, end) in lower case, a character at a time, by UTF-16 code unit. */
function compareLowered(lower: string, text: string, start: number, end: number): number {
  const length = end - start;
  const n = Math.min(lower.length, length);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(start + i);
    const d = lower.charCodeAt(i) - (c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : String.fromCharCode(c).toLowerCase().charCodeAt(0));
    if (d !== 0) return d;
  }
  return lower.length - length;
}
