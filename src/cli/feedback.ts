/**
 * `attune feedback --client C [DIR] [--json]`: the client's feedback scores over time, as
 * the clinician wrote them. Also what `attune checklist` needs to show that feedback.
 */
import { feedbackSeries, formatScore, type FeedbackPoint } from '../core/feedback/feedback';
import { printable, printableJson } from '../core/markdown/printable';
import type { FeedbackBrief } from '../core/feedback/feedbackChecklist';
import { knownList, parseArgs, readFolder, resolveClient, scanNotes, UsageError, type Io } from './common';

/** `--feedback-threshold N`: undefined when not given; a usage error unless N is a number. */
export function feedbackThreshold(flag: string | true | undefined): number | undefined {
  if (flag === undefined) return undefined;
  const n = typeof flag === 'string' && flag.trim() !== '' ? Number(flag) : NaN;
  if (!Number.isFinite(n)) throw new UsageError('--feedback-threshold takes a number, on the scale you use');
  return n;
}

function pointJson(p: FeedbackPoint): { date: string; score: number; max: number | null; file: string; line: number } {
  return { date: p.date, score: p.score, max: p.max, file: p.file, line: p.line + 1 };
}

/** What `attune checklist --json` adds: the last five scores and whether the latest dipped. */
export function checklistFeedbackJson(brief: FeedbackBrief): { feedback: ReturnType<typeof pointJson>[]; feedbackLower: boolean } {
  return { feedback: brief.recent.map(pointJson), feedbackLower: brief.lower };
}

function formatSeries(client: string, series: readonly FeedbackPoint[]): string {
  const who = printable(client);
  if (series.length === 0) return `No feedback scores are written in the dated notes of ${who} yet.\n`;
  const width = Math.max(...series.map((p) => formatScore(p).length));
  const rows = series.map((p) => `  ${p.date}  ${formatScore(p).padEnd(width)}  ${printable(p.file)}:${p.line + 1}\n`);
  return `Feedback scores for ${who}, oldest first:\n${rows.join('')}`;
}

/** The CLI handler, same shape as the others. */
export function feedback(io: Io, args: readonly string[]): number {
  const { positional, flags } = parseArgs(args, ['client'], ['json']);
  if (positional.length > 1) throw new UsageError('feedback takes at most one folder');
  const dir = positional[0];
  const root = readFolder(io, dir);
  const result = scanNotes(io, root, dir);
  const known = result.index.clients().map((c) => c.client);
  const wanted = flags.get('client');
  if (typeof wanted !== 'string' || wanted.trim() === '') throw new UsageError(`feedback needs --client C; ${knownList(known)}`);
  const client = resolveClient(known, wanted.trim());
  if (client === undefined) throw new UsageError(`no notes for client "${printable(wanted)}"; ${knownList(known)}`);
  const series = feedbackSeries(result.index.notesOf(client), client);
  if (flags.has('json')) io.out(printableJson(series.map(pointJson)) + '\n');
  else io.out(formatSeries(client, series));
  return 0;
}
