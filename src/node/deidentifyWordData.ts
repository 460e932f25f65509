/**
 * The word lists' text for dist/deidentify.js, unpacked from the file beside it: the build
 * (tools/esbuild-plugins.js) swaps src/core/supervision/deidentifyWordData.ts for this
 * module (so its two exports are imported only through that swap). Only the two strings stay in memory once both are read.
 */
import { readPacked } from './deidentifyTaggerData';

/** The packed word lists, written by the build beside dist/deidentify.js. */
const WORDS_FILE = 'deidentify-words.br';

let lists: string[] | undefined;

function unpacked(): string[] {
  lists ??= unpackLists(readPacked(__dirname, WORDS_FILE));
  return lists;
}

/** Lower-case English words, sorted, one a line. */
export function englishWords(): string {
  return unpacked()[0];
}

/** Given names and surnames, sorted, one a line. */
export function humanNames(): string {
  return unpacked()[1];
}

/**
 * The lists of a payload (once brotli is undone): each a 4-byte little-endian length, then
 * that many bytes of front-coded lines (tools/esbuild-plugins.js, `packWordLists`).
 */
export function unpackLists(payload: Uint8Array): string[] {
  const out: string[] = [];
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  for (let at = 0; at + 4 <= payload.length;) {
    const length = view.getUint32(at, true);
    out.push(unfrontCode(payload, at + 4, at + 4 + length));
    at += 4 + length;
  }
  return out;
}

/**
 * Front-coded lines back to the words, one a line: each line is one byte telling how many
 * leading bytes (UTF-8) it shares with the word before, as '0' + n, then the rest. Decoded
 * byte by byte into one buffer, so no string is made per word.
 */
function unfrontCode(bytes: Uint8Array, from: number, to: number): string {
  let size = 0;
  let count = 0;
  for (let i = from; i < to;) {
    let j = i + 1;
    while (j < to && bytes[j] !== 10) j++;
    size += bytes[i] - 48 + (j - i - 1);
    count++;
    i = j + 1;
  }
  const out = Buffer.allocUnsafe(size + Math.max(0, count - 1));
  let o = 0;
  let previous = 0;
  for (let i = from; i < to;) {
    if (o > 0) out[o++] = 10;
    const start = o;
    const keep = bytes[i] - 48;
    for (let k = 0; k < keep; k++) out[o++] = out[previous + k];
    let j = i + 1;
    while (j < to && bytes[j] !== 10) out[o++] = bytes[j++];
    previous = start;
    i = j + 1;
  }
  return out.toString('utf8');
}
