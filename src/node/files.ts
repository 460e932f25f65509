
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { readonly ok: false; readonly reason: string };

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

const HASH = 0x23;
const TAG = Buffer.from('rupture');

/** Whether UTF-8 bytes hold `#rupture` in any letter case: `#` is rare, so jumping from one to the next is quick. */
export function mayHoldTag(bytes: Uint8Array): boolean {
  const end = bytes.length - TAG.length;
  for (let i = bytes.indexOf(HASH); i !== -1 && i < end; i = bytes.indexOf(HASH, i + 1)) {
    let k = 0;
    while (k < TAG.length && (bytes[i + 1 + k] | 0x20) === TAG[k]) k++;
    if (k === TAG.length) return true;
  }
  return false;
}

/** The starts of the two feedback labels, lower case: "Alliance feedback score" and "Feedback I asked for, and what I heard". */
const FEEDBACK_LABELS = [Buffer.from('alliance feedback score'), Buffer.from('feedback i asked')];

/**
 * Whether UTF-8 bytes may hold a feedback field: `**` or `__` followed (after blanks) by
 * the start of a feedback label, in any letter case. The feedback features read those
 * fields from every note, rupture or not; the word "feedback" in prose does not count.
 * `*` and `_` are rare in prose, so jumping from one to the next is quick.
 */
export function mayHoldFeedback(bytes: Uint8Array): boolean {
  for (const mark of [0x2a, 0x5f]) {
    for (let i = bytes.indexOf(mark); i !== -1; i = bytes.indexOf(mark, i + 1)) {
      if (bytes[i + 1] !== mark) continue;
      let at = i + 2;
      while (bytes[at] === 0x20 || bytes[at] === 0x09) at++;
      for (const label of FEEDBACK_LABELS) {
        let n = 0;
        while (n < label.length && (bytes[at + n] | 0x20) === label[n]) n++;
        if (n === label.length) return true;
      }
    }
  }
  return false;
}

/** Bytes up to the end of the front matter's closing `---` line, or undefined when that cannot be found cheaply. */
function frontMatterBytes(bytes: Uint8Array): Uint8Array | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[bom] !== 0x2d || bytes[bom + 1] !== 0x2d || bytes[bom + 2] !== 0x2d) return bytes.subarray(0, 0);
  let start = bytes.indexOf(0x0a, bom);
  if (start === -1) return undefined;
  for (start++; start < bytes.length; ) {
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

/**
 * Text for the index, not for editing: a UTF-8 note with no `#rupture` and no feedback field anywhere yields
 * only its front matter (all the index needs from it: client and date), which spares
 * decoding most of a workspace. Every other note is decoded whole, as `decodeNote` does.
 */
export function indexableText(bytes: Uint8Array): Decoded {
  const looksUtf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (!looksUtf16 && !mayHoldTag(bytes) && !mayHoldFeedback(bytes)) {
    const head = frontMatterBytes(bytes);
    if (head && bytes.subarray(0, 8000).indexOf(0) === -1) return { ok: true, text: utf8.decode(head), encoding: 'utf-8' };
  }
  return decodeNote(bytes);
}
