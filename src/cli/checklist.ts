/**
 * `attune checklist --client C [DIR] [--json]`: the "Before the session" section for a
 * client, as it would go into today's note beside the client's latest note.
 *
 * Usage problems throw UsageError, which main reports as one line on stderr, exit 2.
 */
import path = require('path');
import { earlierNote, nextTimeLines, type CarriedLine } from '../core/carryForward';
import { buildChecklist, DEFAULT_NOTE_FILE_PATTERN, renderChecks, sessionNotePath } from '../core/checklist';
import { checksWithFeedback, feedbackBrief } from '../core/feedbackChecklist';
import { printable, printableJson, printableLines } from '../core/printable';
import { DEFAULT_MAX_NOTE_BYTES } from '../core/workspace';
import { decodeNote } from '../node/files';
import { readRegularFile } from '../node/safeRead';
import { folderTemplates, knownList, parseArgs, readFolder, resolveClient, scanNotes, UsageError, type Io } from './common';
import { checklistFeedbackJson, feedbackThreshold } from './feedback';

/** The "Next time" lines of the most recent note before today (not today's own note). */
function carriedLines(
  notes: Parameters<typeof earlierNote>[0],
  today: string,
  todayNote: string,
  noteText: (rel: string) => string | undefined,
): CarriedLine[] {
  const earlier = earlierNote(notes, today, todayNote);
  const text = earlier && noteText(earlier.path);
  return earlier && text !== undefined ? nextTimeLines(text, earlier.path) : [];
}

/** The CLI handler, same shape as main's list, template and set. */
export function checklist(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, ['client', 'feedback-threshold'], ['json']);
  if (positional.length > 1) throw new UsageError('checklist takes at most one folder');
  const dir = positional[0];
  const json = flags.has('json');
  const client0 = flags.get('client');
  const wanted = typeof client0 === 'string' ? client0 : undefined;
  const threshold = feedbackThreshold(flags.get('feedback-threshold'));
  const root = readFolder(io, dir);
  const { index } = scanNotes(io, root, dir);
  const known = index.clients().map((c) => c.client);
  if (wanted === undefined || wanted.trim() === '') throw new UsageError(`checklist needs --client C; ${knownList(known)}`);
  const client = resolveClient(known, wanted.trim());
  if (client === undefined) throw new UsageError(`no notes for client "${printable(wanted)}"; ${knownList(known)}`);

  const notePath = sessionNotePath(index.notesOf(client)[0]?.path, DEFAULT_NOTE_FILE_PATTERN, io.today);
  const texts = new Map<string, string | undefined>();
  const noteText = (rel: string): string | undefined => {
    if (!texts.has(rel)) {
      let text: string | undefined;
      try {
        const decoded = decodeNote(readRegularFile(path.join(root, ...rel.split('/')), DEFAULT_MAX_NOTE_BYTES).bytes);
        text = decoded.ok ? decoded.text : undefined;
      } catch {
        text = undefined; // The link then points at the note without a heading.
      }
      texts.set(rel, text);
    }
    return texts.get(rel);
  };
  const feedback = feedbackBrief(index.notesOf(client), client, io.today, threshold);
  const checklist = buildChecklist({
    client,
    today: io.today,
    entries: index.unrepaired(client),
    notePath,
    noteText,
    checks: checksWithFeedback(renderChecks(folderTemplates(root), client, io.today), feedback),
    held: index.held(client),
    fromLastTime: carriedLines(index.notesOf(client), io.today, notePath, noteText),
  });

  if (json) {
    const items = checklist.items.map((item) => {
      const e = item.entry;
      if (item.kind === 'fromLastTime' && item.source) {
        return { kind: item.kind, text: item.text, done: item.done, file: item.source.path, line: item.source.line + 1 };
      }
      if (item.kind !== 'rupture' || !e) return { kind: item.kind, text: item.text, done: item.done };
      return {
        kind: item.kind,
        text: item.text,
        done: item.done,
        file: e.path,
        line: e.line + 1,
        status: e.status,
        ageDays: item.ageDays ?? null,
        ...(e.opener ? { opener: e.opener } : {}),
      };
    });
    io.out(printableJson({ client, date: io.today, items, ...checklistFeedbackJson(feedback) }) + '\n');
    return 0;
  }
  io.out(printableLines(checklist.markdown) + '\n');
  return 0;
}
