/**
 * Changes a note on disk byte for byte, with the same atomic write as `attune set`: the
 * edits are made to the text read from disk now, spliced into the file's own bytes, checked
 * by decoding the result, and written only if the note did not change meanwhile.
 */
import { editBytes, withNoteLineBreaks } from '../core/notes/byteEdits';
import type { TextEdit } from '../core/notes/edits';
import { replaceNote, WriteRefused } from './atomicWrite';
import { decodeNote } from './files';
import { readRegularFile, TooLarge, type ReadResult } from './safeRead';

/**
 * Applies the edits `compute` returns for the note's current text. Returns the note's new
 * text, or undefined when `compute` found nothing to change (nothing is written). Throws
 * WriteRefused, with a reason fit for the user, when the note cannot be changed safely;
 * the note is then exactly as it was.
 */
export function editNoteOnDisk(file: string, maxBytes: number, compute: (text: string) => readonly TextEdit[] | undefined): string | undefined {
  let read: ReadResult;
  try {
    read = readRegularFile(file, maxBytes);
  } catch (err) {
    throw new WriteRefused(err instanceof TooLarge ? 'it is larger than the size limit for a note' : 'it could not be read');
  }
  const decoded = decodeNote(read.bytes);
  if (!decoded.ok) throw new WriteRefused(decoded.reason);
  const wanted = compute(decoded.text);
  if (!wanted || wanted.length === 0) return undefined;
  let result: { bytes: Uint8Array; text: string };
  try {
    result = editBytes(read.bytes, decoded.text, decoded.encoding, withNoteLineBreaks(decoded.text, wanted));
  } catch {
    throw new WriteRefused('the place to change could not be found safely');
  }
  // The new bytes must read back as exactly the intended text, or nothing is written.
  const check = decodeNote(result.bytes);
  if (!check.ok || check.encoding !== decoded.encoding || check.text !== result.text) {
    throw new WriteRefused('the change could not be made byte for byte');
  }
  replaceNote(file, read, result.bytes);
  return result.text;
}
