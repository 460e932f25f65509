/**
 * The messages between the Show Patterns panel (src/webview/patternsView.ts) and the
 * extension (src/vscode/patterns.ts). Types only: nothing here runs.
 */
import type { FeedbackPoint } from '../core/feedback/feedback';
import type { PatternExtras, PatternField, Patterns, ReturnBin, ValueCount } from '../core/patterns/patterns';
import type { Outcome as StatusOutcome, Status } from '../core/notes/status';

/** The period filter: the last 3, 6 or 12 months, or all notes. */
export type Period = '3' | '6' | '12' | 'all';

/** Which part of a bar was clicked: the whole bar, or one outcome. */
export type Outcome = 'all' | StatusOutcome;

/** One rupture in the list a click shows. */
export interface ListedEntry {
  readonly title: string;
  readonly client: string;
  readonly date: string | null;
  readonly status: Status;
  /** Who in a couple, family or group the rupture is with, when the note says. */
  readonly with?: string;
  /** The note's URI and the heading's zero-based line: what "open" sends back. */
  readonly path: string;
  readonly line: number;
}

export type ToExtension =
  | { readonly type: 'ready' }
  | { readonly type: 'filter'; readonly period: Period; readonly client: string }
  | { readonly type: 'list'; readonly field: PatternField; readonly value: string; readonly outcome: Outcome }
  | { readonly type: 'open'; readonly path: string; readonly line: number }
  | { readonly type: 'copy' }
  /**
   * The panel drew what it was sent; `text` is its headline, `ms` the time drawing took.
   * The first drawing also says when each step of opening happened (for the benchmark).
   */
  | { readonly type: 'rendered'; readonly text: string; readonly ms: number; readonly steps?: OpeningSteps };

/**
 * When each step of the panel's first drawing happened, in ms since `origin` (the page's
 * own clock, performance.timeOrigin, which the extension host's clock can be set against).
 */
export interface OpeningSteps {
  readonly origin: number;
  /** The placeholder's first paint; null when the webview does not report paints. */
  readonly painted: number | null;
  /** The script file asked for and fetched (null without resource timing), then run. */
  readonly scriptAsked: number | null;
  readonly scriptFetched: number | null;
  readonly scriptRun: number;
  readonly dataIn: number;
  readonly drawn: number;
}

export type ToWebview =
  | {
      readonly type: 'data';
      readonly period: Period;
      /** The chosen client, or '' for all. */
      readonly client: string;
      /** Every client with a note, alphabetical, for the filter. */
      readonly clients: readonly string[];
      readonly headline: string;
      readonly patterns: Patterns;
      readonly returns: readonly ReturnBin[];
      /** What the clinician turned on: the days to a first return, each client's open ruptures. */
      readonly extras: Required<PatternExtras>;
      /** Who the ruptures were with, in couple, family and group work; empty when no note says. */
      readonly byWith: readonly ValueCount[];
      /** The chosen client's feedback scores over time; empty without a client. */
      readonly feedback: readonly FeedbackPoint[];
    }
  | { readonly type: 'list'; readonly heading: string; readonly entries: readonly ListedEntry[] }
  | { readonly type: 'copied' }
  /** The privacy curtain: while drawn, the panel shows nothing of the notes. */
  | { readonly type: 'curtain'; readonly drawn: boolean };
