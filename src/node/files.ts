import { lookAt, type Look } from '../core/notes/quickLook';
import { firstOwnLine } from '../core/notes/written';

export type Decoded =
  { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { readonly ok: false; readonly reason: string };

// `ignoreBOM: true` keeps a BOM in the text, so offsets match the editor's and it survives edits.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Turns a note's bytes into text. UTF-8 is the norm; a UTF-16 BOM is honoured; a NUL byte
 * early in a UTF-8 file means it is not a text note. Invalid UTF-8 decodes with U+FFFD
 * and never throws, so line numbers stay right.
 */
export function decodeNote(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: '\uFEFF' + new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: '\uFEFF' + new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const probe = bytes.subarray(0, 8000);
  if (probe.indexOf(0) !== -1) return { ok: false, reason: 'it looks like a binary file, not a text note' };
  return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
}

/** Bytes up to the end of the front matter's closing `---` line, or undefined when that cannot be found cheaply. */
function frontMatterBytes(bytes: Uint8Array): Uint8Array | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[bom] !== 0x2d || bytes[bom + 1] !== 0x2d || bytes[bom + 2] !== 0x2d) return bytes.subarray(0, 0);
  let start = bytes.indexOf(0x0a, bom);
  if (start === -1) return undefined;
  for (start++; start < bytes.length;) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    let i = start;
    if (bytes[i] === 0x2d && bytes[i + 1] === 0x2d && bytes[i + 2] === 0x2d) {
      i += 3;
      while (i < end && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0d)) i++;
      if (i === end) return bytes.subarray(0, end);
    }
    if (nl === -1) return undefined;
    start = nl + 1;
  }
  return undefined;
}

/** How much of a note's body is read to find the first line of the therapist's own writing. */
const WRITING_PROBE = 16 * 1024;
/**
 * The first look, shorter: the first written line is nearly always within the body's first
 * lines, and splitting the whole probe into lines was the largest cost of a note without
 * entries (a third of `attune list`'s own work on 10,000 notes).
 */
const QUICK_PROBE = 512;

/**
 * The first line of the therapist's own writing after the front matter, on a line of its
 * own ("" when there is none): what the index needs to tell a session held from a note only
 * prepared. Usually the body's first line; a longer probe than this counts as written.
 */
function firstWrittenLine(bytes: Uint8Array, from: number): string {
  // The lines of the quick look (less its last, maybe cut) are the probe's first lines, and
  // firstOwnLine reads lines in order, so a line found there is the one the probe would find.
  if (from + QUICK_PROBE < bytes.length) {
    const quick = writtenLineIn(bytes, from, from + QUICK_PROBE);
    if (quick !== undefined) return quick;
  }
  const end = Math.min(bytes.length, from + WRITING_PROBE);
  return writtenLineIn(bytes, from, end) ?? (end < bytes.length ? '\n…' : '');
}

/** The first written line among the whole lines of bytes[from, end) (the last one counts only at the note's end). */
function writtenLineIn(bytes: Uint8Array, from: number, end: number): string | undefined {
  const lines = utf8.decode(bytes.subarray(from, end)).split(/\r\n|\r|\n/);
  if (end < bytes.length) lines.pop();
  const at = firstOwnLine(lines, 0);
  return at === -1 ? undefined : `\n${lines[at] ?? ''}`;
}

/** A note's text for the index, with what the core's prefilter saw in its bytes (see `lookAt`). */
type Indexable = (Decoded & { readonly ok: false }) | (Decoded & { readonly ok: true; readonly look: Look | undefined });

/**
 * Text for the index, not for editing, read for what `lookAt` says the index needs: a UTF-8
 * note that may hold neither `#rupture` nor a feedback field (`head`) yields only its front
 * matter and its first line of the therapist's own writing (client, date, and whether a
 * session was written up), which spares decoding most of a workspace. Every other note is
 * decoded whole, as `decodeNote` does, and `look` tells the parser what it need not look
 * for again (undefined for UTF-16, whose bytes the prefilter does not read).
 */
export function indexableText(bytes: Uint8Array): Indexable {
  const looksUtf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const look = looksUtf16 ? undefined : lookAt(bytes);
  if (look === 'head') {
    const head = frontMatterBytes(bytes);
    if (head && bytes.subarray(0, 8000).indexOf(0) === -1)
      return { ok: true, text: utf8.decode(head) + firstWrittenLine(bytes, head.length), encoding: 'utf-8', look };
  }
  const decoded = decodeNote(bytes);
  // A head that could not be cut cheaply is read whole, and still needs no walk.
  return decoded.ok ? { ...decoded, look } : decoded;
}
