/**
 * Applies text edits to a note's bytes rather than to a decoded copy of them, so every byte
 * the edits do not touch stays exactly as it was: invalid UTF-8, a BOM, mixed line breaks,
 * trailing spaces. Pure: the caller reads and writes the file.
 */
import { applyEdits, type TextEdit } from './edits';
import { dominantEol, splitLines } from '../markdown/lines';

type NoteEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The byte offset where each text offset starts, for text decoded from `bytes` the way
 * TextDecoder (the WHATWG decoder) does: each maximal invalid UTF-8 sequence became one
 * U+FFFD, a BOM stayed as U+FEFF. `offsets` must be sorted ascending.
 */
function utf8ByteOffsets(bytes: Uint8Array, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let want = 0;
  let unit = 0;
  // Records the byte where the unit at `unit` starts, for every wanted offset up to it.
  const mark = (at: number): void => {
    while (want < offsets.length && offsets[want] === unit) {
      out.push(at);
      want++;
    }
  };
  let i = 0;
  while (i < bytes.length && want < offsets.length) {
    mark(i);
    const b = bytes[i];
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    let cp: number;
    if (b <= 0x7f) {
      i++;
      unit++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      i++;
      unit++; // One U+FFFD for the byte.
      continue;
    }
    let j = i + 1;
    let seen = 0;
    while (seen < need && j < bytes.length && bytes[j] >= lower && bytes[j] <= upper) {
      cp = (cp << 6) | (bytes[j] & 0x3f);
      lower = 0x80;
      upper = 0xbf;
      j++;
      seen++;
    }
    // A complete sequence is one code point; a broken one is one U+FFFD and the byte that
    // broke it starts the next unit.
    unit += seen === need && cp >= 0x10000 ? 2 : 1;
    i = j;
  }
  mark(i);
  return out;
}

/** The byte offset of each text offset (sorted ascending) in a note of that encoding. */
export function byteOffsets(bytes: Uint8Array, encoding: NoteEncoding, offsets: readonly number[]): number[] {
  // UTF-16 decodes one code unit per two bytes (a broken pair still gives one U+FFFD per
  // unit); the BOM is the text's first unit.
  if (encoding !== 'utf-8') return offsets.map((o) => o * 2);
  return utf8ByteOffsets(bytes, offsets);
}

function encodeText(text: string, encoding: NoteEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [first, second] = encoding === 'utf-16le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[i * 2] = first;
    out[i * 2 + 1] = second;
  }
  return out;
}

/**
 * Edits whose inserted line breaks are the note's own: the break of the line where each
 * edit lands, or the note's usual one on its last line. Editors do this themselves; a
 * write to disk must do it here.
 */
export function withNoteLineBreaks(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const lines = splitLines(text);
  let usual: string | undefined;
  return edits.map((e) => {
    if (!/[\r\n]/.test(e.newText)) return e;
    const eol = lines[e.line]?.eol || (usual ??= dominantEol(text));
    return { ...e, newText: e.newText.replace(/\r\n|\r|\n/g, eol) };
  });
}

/**
 * The note's new bytes: `bytes` (decoded as `text`) with `edits` applied, every other byte
 * kept. Returns the new text too, which decodes from the new bytes.
 */
export function editBytes(bytes: Uint8Array, text: string, encoding: NoteEncoding, edits: readonly TextEdit[]): { bytes: Uint8Array; text: string } {
  const lines = splitLines(text);
  const spans = edits
    .map((e) => {
      const start = lines[e.line].start + e.character;
      return { start, end: start + e.length, newText: e.newText };
    })
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) throw new RangeError('overlapping edits');
  }
  // A UTF-16 note whose text is not two bytes a unit (an odd length, a second BOM the
  // decoder dropped) would put the edit in the wrong place.
  if (encoding !== 'utf-8' && bytes.length !== text.length * 2) throw new RangeError('the note does not decode one unit per two bytes');
  const offsets = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const at = byteOffsets(bytes, encoding, offsets);
  const byteOf = new Map(offsets.map((o, i) => [o, at[i]]));
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const s of spans) {
    const start = byteOf.get(s.start);
    const end = byteOf.get(s.end);
    if (start === undefined || end === undefined) throw new RangeError('an edit lies outside the note');
    parts.push(bytes.subarray(from, start), encodeText(s.newText, encoding));
    from = end;
  }
  parts.push(bytes.subarray(from));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let n = 0;
  for (const p of parts) {
    out.set(p, n);
    n += p.length;
  }
  return { bytes: out, text: applyEdits(text, edits) };
}
