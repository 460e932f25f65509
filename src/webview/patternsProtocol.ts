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

/**
 * Every text the panel shows, in English: the keys of the words the extension puts in the
 * page in VS Code's display language (src/vscode/patterns.ts panelTexts).
 */
export type PanelText =
  | 'open'
  | 'repair planned'
  | 'repair attempted'
  | 'waiting at their pace'
  | 'repaired'
  | 'closed without repair'
  | 'still open'
  | 'Kinds of miss'
  | 'From each reflection\'s "Kind of miss".'
  | 'The part of me that led'
  | 'From "The part of me that led", up to its first comma.'
  | 'Markers'
  | 'From "Markers", up to the first comma or bracket.'
  | 'Client details are hidden for sharing your screen. Show them again with the eye in the status bar.'
  | '{0}: {1} {2}'
  | 'This chart could not be drawn; the table below holds the same counts.'
  | 'List them'
  | 'List the 1 rupture: {0}'
  | 'List the {0} ruptures: {1}'
  | 'Period'
  | 'last 3 months'
  | 'last 6 months'
  | 'last 12 months'
  | 'all notes'
  | 'Client'
  | 'all clients'
  | 'Copy summary'
  | 'Copy these counts as markdown for a supervision note (no client codes)'
  | 'Days to a first return'
  | 'No repair attempt is recorded in the notes counted here yet.'
  | '{0} with a repair attempt; the first attempt came a median of {1} after the session.'
  | 'ruptures'
  | 'Days from the session to the first repair attempt'
  | 'Days'
  | 'Ruptures'
  | 'Patterns in your ruptures'
  | 'One misstep sits within the whole of the work. These are your own notes, counted; nothing here rates a client.'
  | 'Where they stand'
  | 'Ruptures by status'
  | 'Status'
  | 'Click a bar, or use "List them", to see those ruptures.'
  | 'Not filled in yet in the notes counted here.'
  | '{0}, with how they ended'
  | 'Repaired'
  | 'Closed'
  | 'Still open'
  | 'Waiting'
  | 'With (couple, family or group work)'
  | 'From each reflection\'s "With": the whole family, or one member\'s code or role.'
  | 'Who the ruptures were with, with how they ended'
  | 'With'
  | 'Month by month'
  | 'No dated notes are counted here.'
  | 'sessions'
  | 'Sessions and ruptures per month'
  | 'Month'
  | 'Sessions'
  | 'Feedback from {0}'
  | 'No "Alliance feedback score" is written in the notes counted here.'
  | "Your own number from each session, compared only with this client's own earlier sessions."
  | 'Scores written on another scale are in the table, not on this line.'
  | 'feedback score'
  | 'Feedback score by session'
  | 'Session'
  | 'Score'
  | '{0} of {1}'
  | 'Clients'
  | 'No client notes are counted here.'
  | 'Sessions and ruptures per client, in alphabetical order'
  | '(untitled)'
  | '{0} (with {1})'
  | 'no client'
  | 'undated'
  | 'None in the notes counted here.'
  | 'Copied: counts only, no client codes.'
  | '1 rupture'
  | '{0} ruptures'
  | '1 day'
  | '{0} days'
  | 'before the session'
  | 'the same day'
  | '1 to 3 days'
  | '4 to 7 days'
  | '8 to 14 days'
  | '15 to 30 days'
  | 'over 30 days'
  | 'Noticing more ruptures is not doing worse: it often means you have grown more attuned to them.'
  | 'High scores can hide small complaints: perhaps ask what could have been a little better for them.';
