/**
 * `attune checklist --client C [DIR] [--json]`: the "Before the session" section for a
 * client, as it would go into today's note beside the client's latest note.
 *
 * Usage problems throw UsageError, which main reports as one line on stderr, exit 2.
 */
import path = require('path');
import { prepareChecklist, todaysNotePath } from '../core/checklist/checklist';
import { printable, printableJson, printableLines } from '../core/markdown/printable';
import { sessionSettings } from '../core/notes/settings';
import { decodeNote } from '../node/files';
import { folderSettings } from '../node/host';
import { readRegularFile } from '../node/safeRead';
import { folderTemplates, knownList, parseArgs, readFolder, resolveClient, scanNotes, UsageError, type Io } from './common';
import { checklistFeedbackJson, feedbackThreshold } from './feedback';

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
  const { index, settings: noteSettings } = scanNotes(io, root, dir);
  const known = index.clients().map((c) => c.client);
  if (wanted === undefined || wanted.trim() === '') throw new UsageError(`checklist needs --client C; ${knownList(known)}`);
  const client = resolveClient(known, wanted.trim());
  if (client === undefined) throw new UsageError(`no notes for client "${printable(wanted)}"; ${knownList(known)}`);

  // The settings VS Code reads, from the folder's .vscode/settings.json; the flag wins.
  const fromFolder = sessionSettings(folderSettings(root).get ?? (() => undefined));
  const settings = threshold === undefined ? fromFolder : { ...fromFolder, feedbackThreshold: threshold };
  const texts = new Map<string, string | undefined>();
  const noteText = (rel: string): string | undefined => {
    if (!texts.has(rel)) {
      let text: string | undefined;
      try {
        const decoded = decodeNote(readRegularFile(path.join(root, ...rel.split('/')), noteSettings.maxNoteBytes).bytes);
        text = decoded.ok ? decoded.text : undefined;
      } catch {
        text = undefined; // The link then points at the note without a heading.
      }
      texts.set(rel, text);
    }
    return texts.get(rel);
  };
  const { checklist, feedback } = prepareChecklist({
    notes: index,
    client,
    today: io.today,
    notePath: todaysNotePath(index, client, settings, io.today),
    noteText,
    templates: folderTemplates(root),
    settings,
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
