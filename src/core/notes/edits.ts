import { lastContentLine } from '../markdown/insert';
import { dominantEol, splitLines } from '../markdown/lines';
import type { RuptureEntry } from './note';
import type { Status } from './status';

/** A replacement of the text between two offsets: the smallest change that does the job. */
export interface TextEdit {
  /** Zero-based line and character where the replaced text starts. */
  readonly line: number;
  readonly character: number;
  /** Length of the replaced text, in UTF-16 code units (never spans a line break). */
  readonly length: number;
  readonly newText: string;
}

/**
 * The edit that sets an entry's status: only the status word of its tag changes (or
 * `/status` is added after a bare `#rupture`). Every other byte of the note stays.
 * Returns undefined when the entry already has that status.
 */
export function statusEdit(entry: RuptureEntry, status: Status): TextEdit | undefined {
  const { tag } = entry;
  if (tag.statusStart === -1) {
    return { line: entry.line, character: tag.end, length: 0, newText: `/${status}` };
  }
  if (tag.rawStatus === status && entry.statusKnown) return undefined;
  return { line: entry.line, character: tag.statusStart, length: tag.end - tag.statusStart, newText: status };
}

/** The entry whose section holds `line`, innermost first (for "the rupture under the cursor"). */
export function entryContaining(entries: readonly RuptureEntry[], line: number): RuptureEntry | undefined {
  let best: RuptureEntry | undefined;
  for (const e of entries) {
    if (e.line <= line && line < e.sectionEnd && (!best || e.line > best.line)) best = e;
  }
  return best;
}

/** Applies edits to a string (used by the CLI and by tests; editors apply their own). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = splitLines(text);
  const absolute = edits.map((e) => ({ offset: lines[e.line].start + e.character, length: e.length, newText: e.newText })).sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of absolute) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/**
 * Where text added to the end of an entry's section goes: the end of its last non-blank
 * line, so the blank lines before the next heading stay between the two. The caller
 * inserts a blank line and then its text there, using the note's own line break.
 */
export function sectionAppendPoint(text: string, entry: RuptureEntry): { line: number; character: number; eol: string } {
  const last = lastContentLine(text, entry.line, entry.sectionEnd);
  const line = splitLines(text)[last];
  return { line: last, character: line.end - line.start, eol: line.eol || dominantEol(text) };
}
