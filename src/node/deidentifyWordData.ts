/**
 * The word lists for dist/deidentify.js, searched in the packed file beside it: the build
 * (tools/esbuild-plugins.js) swaps src/core/supervision/deidentifyWordData.ts for this
 * module (so its two exports are imported only through that swap). The file is read once,
 * and words are looked up in its bytes as they are: no list is unpacked whole.
 */
import { SortedWords } from '../core/supervision/deidentifyWords';
import { readPacked } from './deidentifyTaggerData';

/** The packed word lists, written by the build beside dist/deidentify.js. */
const WORDS_FILE = 'deidentify-words.br';

let lists: FrontCodedWords[] | undefined;

function packed(): FrontCodedWords[] {
  lists ??= packedLists(readPacked(__dirname, WORDS_FILE));
  return lists;
}

/** Lower-case English words. */
export function englishWords(): SortedWords {
  return packed()[0];
}

/** Given names and surnames. */
export function humanNames(): SortedWords {
  return packed()[1];
}

/**
 * The lists of a payload (once brotli is undone): each a 4-byte little-endian length, then
 * that many bytes of front-coded lines (tools/esbuild-plugins.js, `packWordLists`).
 */
export function packedLists(payload: Buffer): FrontCodedWords[] {
  const out: FrontCodedWords[] = [];
  for (let at = 0; at + 4 <= payload.length;) {
    const length = payload.readUInt32LE(at);
    out.push(new FrontCodedWords(payload, at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

const LINE = 10;
const WHOLE = 48;
const RESTART = Buffer.from([LINE, WHOLE]);

/**
 * Front-coded lines, sorted, searched in place: each line is one byte telling how many
 * leading bytes (UTF-8) it shares with the word before, as '0' + n, then the rest. A line
 * that shares nothing ('0') holds its whole word, and the build writes one at least every
 * 64 lines: the search bisects those, then reads the run of lines after one, byte by byte.
 */
class FrontCodedWords extends SortedWords {
  /** Where each line that holds its whole word starts, */
  private readonly restarts: number[] = [];
  /** and that word, once read. */
  private readonly wholes: string[] = [];

  constructor(
    private readonly bytes: Buffer,
    from: number,
    private readonly to: number,
  ) {
    super();
    if (from < to) this.restarts.push(from);
    for (let at = bytes.indexOf(RESTART, from); at !== -1 && at + 1 < to; at = bytes.indexOf(RESTART, at + 2)) this.restarts.push(at + 1);
  }

  protected search(word: string): boolean {
    const r = this.restarts;
    if (word === '' || r.length === 0 || word < this.whole(0)) return false;
    // The last line holding its whole word that sorts at or before `word`,
    let lo = 0;
    let hi = r.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const w = this.whole(mid);
      if (w === word) return true;
      if (w < word) lo = mid;
      else hi = mid - 1;
    }
    // then each line up to the next such line, against the word's bytes.
    const q = Buffer.from(word, 'utf8');
    const b = this.bytes;
    const limit = lo + 1 < r.length ? r[lo + 1] : this.to;
    // How many leading bytes the line read last shares with the word.
    let common = 0;
    for (let at = r[lo]; at < limit;) {
      const keep = b[at] - WHOLE;
      let j = at + 1;
      // A line that keeps more than that differs from the word where the line before did.
      if (keep <= common) {
        let i = keep;
        while (j < limit && b[j] !== LINE && i < q.length && b[j] === q[i]) {
          i++;
          j++;
        }
        const ended = j >= limit || b[j] === LINE;
        // The same bytes; but a word with a lone surrogate, which UTF-8 cannot hold, was
        // written with U+FFFD in its place, and is not listed: every listed word was read from UTF-8.
        if (ended && i === q.length) return q.toString('utf8') === word;
        // This line's word sorts after the word (which is a start of it, or is less by an
        // ASCII character, where UTF-8 and UTF-16 order agree): so does every line after it.
        if (!ended && (i === q.length || (b[j] > q[i] && b[j] < 0x80))) return false;
        common = i;
      }
      while (j < limit && b[j] !== LINE) j++;
      at = j + 1;
    }
    return false;
  }

  private whole(k: number): string {
    const at = this.restarts[k];
    this.wholes[k] ??= this.bytes.toString('utf8', at + 1, this.lineEnd(at));
    return this.wholes[k];
  }

  private lineEnd(at: number): number {
    const end = this.bytes.indexOf(LINE, at + 1);
    return end === -1 || end > this.to ? this.to : end;
  }
}
