/**
 * Attune: Show Patterns. A panel the clinician opens on purpose, with the counts of
 * src/core/patterns/patterns.ts as charts and tables. Its charts run in their own script
 * (dist/patterns-view.js, with Chart.js), loaded only when the panel opens; this side
 * only computes counts and answers the panel's messages (src/webview/patternsProtocol.ts).
 */
import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import * as vscode from 'vscode';
import { formatDate } from '../core/notes/dates';
import { feedbackSeries } from '../core/feedback/feedback';
import type { IndexedNote } from '../core/notes/note';
import {
  compareCodePoints,
  countedNotes,
  entriesWith,
  PATTERN_FIELDS,
  patterns,
  periodStart,
  returnDays,
  returnDistribution,
  summaryMarkdown,
  withCounts,
  type PatternExtras,
  type PatternField,
  type PatternFilter,
  type Patterns,
} from '../core/patterns/patterns';
import { outcomeOf } from '../core/notes/status';
import { withWhom } from '../core/notes/withWhom';
import type { OpeningSteps, Outcome, PanelText, Period, ToExtension, ToWebview } from '../webview/patternsProtocol';
import type { Log } from './log';
import type { PrivacyCurtain } from './privacyCurtain';
import { escapeHtml } from './supervisionReview';
import type { LiveNotes } from './liveNotes';

/** How long note changes settle before the panel is redrawn. */
const UPDATE_DEBOUNCE_MS = 400;

const PERIODS: readonly Period[] = ['3', '6', '12', 'all'];
const OUTCOMES: readonly Outcome[] = ['all', 'repaired', 'closed', 'unrepaired', 'held'];

/** The figures that stay hidden unless the clinician turns them on (both off by default). */
export function readExtras(): Required<PatternExtras> {
  const c = vscode.workspace.getConfiguration('attune.patterns');
  return { daysToReturn: c.get<boolean>('showDaysToReturn', false) === true, openByClient: c.get<boolean>('showOpenByClient', false) === true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks a message from the panel; anything malformed is dropped. */
export function readMessage(value: unknown): ToExtension | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.type) {
    case 'ready':
    case 'copy':
      return { type: value.type };
    case 'filter':
      return PERIODS.includes(value.period as Period) && typeof value.client === 'string'
        ? { type: 'filter', period: value.period as Period, client: value.client }
        : undefined;
    case 'list':
      return typeof value.field === 'string' &&
        Object.prototype.hasOwnProperty.call(PATTERN_FIELDS, value.field) &&
        typeof value.value === 'string' &&
        OUTCOMES.includes(value.outcome as Outcome)
        ? { type: 'list', field: value.field as PatternField, value: value.value, outcome: value.outcome as Outcome }
        : undefined;
    case 'open':
      return typeof value.path === 'string' && Number.isInteger(value.line) ? { type: 'open', path: value.path, line: value.line as number } : undefined;
    case 'rendered': {
      if (typeof value.text !== 'string' || typeof value.ms !== 'number') return undefined;
      const steps = readSteps(value.steps);
      return { type: 'rendered', text: value.text, ms: value.ms, ...(steps ? { steps } : {}) };
    }
    default:
      return undefined;
  }
}

const STEP_KEYS = ['origin', 'painted', 'scriptAsked', 'scriptFetched', 'scriptRun', 'dataIn', 'drawn'] as const;

/** The first drawing's steps, when the panel sent them whole: numbers, or null where allowed. */
function readSteps(value: unknown): OpeningSteps | undefined {
  if (!isRecord(value)) return undefined;
  const nullable = new Set(['painted', 'scriptAsked', 'scriptFetched']);
  const ok = STEP_KEYS.every((k) => typeof value[k] === 'number' || (nullable.has(k) && value[k] === null));
  return ok ? (value as unknown as OpeningSteps) : undefined;
}

/** The wall clock in ms with the precision of performance.now(), comparable across processes. */
/** The panel's words in the display language, keyed by their English (see PanelText). */
export function panelTexts(): Record<PanelText, string> {
  return {
    open: vscode.l10n.t('open'),
    'repair planned': vscode.l10n.t('repair planned'),
    'repair attempted': vscode.l10n.t('repair attempted'),
    'waiting at their pace': vscode.l10n.t('waiting at their pace'),
    repaired: vscode.l10n.t('repaired'),
    'closed without repair': vscode.l10n.t('closed without repair'),
    'still open': vscode.l10n.t('still open'),
    'Kinds of miss': vscode.l10n.t('Kinds of miss'),
    'From each reflection\'s "Kind of miss".': vscode.l10n.t('From each reflection\'s "Kind of miss".'),
    'The part of me that led': vscode.l10n.t('The part of me that led'),
    'From "The part of me that led", up to its first comma.': vscode.l10n.t('From "The part of me that led", up to its first comma.'),
    Markers: vscode.l10n.t('Markers'),
    'From "Markers", up to the first comma or bracket.': vscode.l10n.t('From "Markers", up to the first comma or bracket.'),
    'Client details are hidden for sharing your screen. Show them again with the eye in the status bar.': vscode.l10n.t(
      'Client details are hidden for sharing your screen. Show them again with the eye in the status bar.',
    ),
    '{0}: {1} {2}': vscode.l10n.t('{0}: {1} {2}'),
    'This chart could not be drawn; the table below holds the same counts.': vscode.l10n.t(
      'This chart could not be drawn; the table below holds the same counts.',
    ),
    'List them': vscode.l10n.t('List them'),
    'List the 1 rupture: {0}': vscode.l10n.t('List the 1 rupture: {0}'),
    'List the {0} ruptures: {1}': vscode.l10n.t('List the {0} ruptures: {1}'),
    Period: vscode.l10n.t('Period'),
    'last 3 months': vscode.l10n.t('last 3 months'),
    'last 6 months': vscode.l10n.t('last 6 months'),
    'last 12 months': vscode.l10n.t('last 12 months'),
    'all notes': vscode.l10n.t('all notes'),
    Client: vscode.l10n.t('Client'),
    'all clients': vscode.l10n.t('all clients'),
    'Copy summary': vscode.l10n.t('Copy summary'),
    'Copy these counts as markdown for a supervision note (no client codes)': vscode.l10n.t(
      'Copy these counts as markdown for a supervision note (no client codes)',
    ),
    'Days to a first return': vscode.l10n.t('Days to a first return'),
    'No repair attempt is recorded in the notes counted here yet.': vscode.l10n.t('No repair attempt is recorded in the notes counted here yet.'),
    '{0} with a repair attempt; the first attempt came a median of {1} after the session.': vscode.l10n.t(
      '{0} with a repair attempt; the first attempt came a median of {1} after the session.',
    ),
    ruptures: vscode.l10n.t('ruptures'),
    'Days from the session to the first repair attempt': vscode.l10n.t('Days from the session to the first repair attempt'),
    Days: vscode.l10n.t('Days'),
    Ruptures: vscode.l10n.t('Ruptures'),
    'Patterns in your ruptures': vscode.l10n.t('Patterns in your ruptures'),
    'One misstep sits within the whole of the work. These are your own notes, counted; nothing here rates a client.': vscode.l10n.t(
      'One misstep sits within the whole of the work. These are your own notes, counted; nothing here rates a client.',
    ),
    'Where they stand': vscode.l10n.t('Where they stand'),
    'Ruptures by status': vscode.l10n.t('Ruptures by status'),
    Status: vscode.l10n.t('Status'),
    'Click a bar, or use "List them", to see those ruptures.': vscode.l10n.t('Click a bar, or use "List them", to see those ruptures.'),
    'Not filled in yet in the notes counted here.': vscode.l10n.t('Not filled in yet in the notes counted here.'),
    '{0}, with how they ended': vscode.l10n.t('{0}, with how they ended'),
    Repaired: vscode.l10n.t('Repaired'),
    Closed: vscode.l10n.t('Closed'),
    'Still open': vscode.l10n.t('Still open'),
    Waiting: vscode.l10n.t('Waiting'),
    'With (couple, family or group work)': vscode.l10n.t('With (couple, family or group work)'),
    'From each reflection\'s "With": the whole family, or one member\'s code or role.': vscode.l10n.t(
      'From each reflection\'s "With": the whole family, or one member\'s code or role.',
    ),
    'Who the ruptures were with, with how they ended': vscode.l10n.t('Who the ruptures were with, with how they ended'),
    With: vscode.l10n.t('With'),
    'Month by month': vscode.l10n.t('Month by month'),
    'No dated notes are counted here.': vscode.l10n.t('No dated notes are counted here.'),
    sessions: vscode.l10n.t('sessions'),
    'Sessions and ruptures per month': vscode.l10n.t('Sessions and ruptures per month'),
    Month: vscode.l10n.t('Month'),
    Sessions: vscode.l10n.t('Sessions'),
    'Feedback from {0}': vscode.l10n.t('Feedback from {0}'),
    'No "Alliance feedback score" is written in the notes counted here.': vscode.l10n.t('No "Alliance feedback score" is written in the notes counted here.'),
    "Your own number from each session, compared only with this client's own earlier sessions.": vscode.l10n.t(
      "Your own number from each session, compared only with this client's own earlier sessions.",
    ),
    'Scores written on another scale are in the table, not on this line.': vscode.l10n.t('Scores written on another scale are in the table, not on this line.'),
    'feedback score': vscode.l10n.t('feedback score'),
    'Feedback score by session': vscode.l10n.t('Feedback score by session'),
    Session: vscode.l10n.t('Session'),
    Score: vscode.l10n.t('Score'),
    '{0} of {1}': vscode.l10n.t('{0} of {1}'),
    Clients: vscode.l10n.t('Clients'),
    'No client notes are counted here.': vscode.l10n.t('No client notes are counted here.'),
    'Sessions and ruptures per client, in alphabetical order': vscode.l10n.t('Sessions and ruptures per client, in alphabetical order'),
    '(untitled)': vscode.l10n.t('(untitled)'),
    '{0} (with {1})': vscode.l10n.t('{0} (with {1})'),
    'no client': vscode.l10n.t('no client'),
    undated: vscode.l10n.t('undated'),
    'None in the notes counted here.': vscode.l10n.t('None in the notes counted here.'),
    'Copied: counts only, no client codes.': vscode.l10n.t('Copied: counts only, no client codes.'),
    '1 rupture': vscode.l10n.t('1 rupture'),
    '{0} ruptures': vscode.l10n.t('{0} ruptures'),
    '1 day': vscode.l10n.t('1 day'),
    '{0} days': vscode.l10n.t('{0} days'),
    'before the session': vscode.l10n.t('before the session'),
    'the same day': vscode.l10n.t('the same day'),
    '1 to 3 days': vscode.l10n.t('1 to 3 days'),
    '4 to 7 days': vscode.l10n.t('4 to 7 days'),
    '8 to 14 days': vscode.l10n.t('8 to 14 days'),
    '15 to 30 days': vscode.l10n.t('15 to 30 days'),
    'over 30 days': vscode.l10n.t('over 30 days'),
    'Noticing more ruptures is not doing worse: it often means you have grown more attuned to them.': vscode.l10n.t(
      'Noticing more ruptures is not doing worse: it often means you have grown more attuned to them.',
    ),
    'High scores can hide small complaints: perhaps ask what could have been a little better for them.': vscode.l10n.t(
      'High scores can hide small complaints: perhaps ask what could have been a little better for them.',
    ),
  };
}

function clock(): number {
  return performance.timeOrigin + performance.now();
}

/** What a list's heading adds after the value: which outcome was clicked. */
function outcomeWords(outcome: Outcome): string {
  switch (outcome) {
    case 'all':
      return '';
    case 'repaired':
      return vscode.l10n.t(', repaired');
    case 'closed':
      return vscode.l10n.t(', closed without repair');
    case 'unrepaired':
      return vscode.l10n.t(', still open');
    case 'held':
      return vscode.l10n.t(', waiting at their pace');
  }
}

/** A field's label as the panel names it ("Kind of miss"). */
function fieldLabel(field: PatternField): string {
  switch (field) {
    case 'kind':
      return vscode.l10n.t('Kind of miss');
    case 'part':
      return vscode.l10n.t('The part of me that led');
    case 'marker':
      return vscode.l10n.t('Markers');
  }
}

/**
 * The zoomed-out view in one line, in the display language: "14 ruptures noted across 290
 * sessions since 2026-05-06" (the English is the command line's, word for word).
 */
function localHeadline(p: Patterns, filter: PatternFilter, client: string | undefined): string {
  const ruptures = p.ruptures === 1 ? vscode.l10n.t('1 rupture') : vscode.l10n.t('{0} ruptures', p.ruptures);
  const sessions = p.sessions === 1 ? vscode.l10n.t('1 session') : vscode.l10n.t('{0} sessions', p.sessions);
  const line =
    client === undefined
      ? vscode.l10n.t('{0} noted across {1}', ruptures, sessions)
      : vscode.l10n.t('{0} with {1} noted across {2}', ruptures, client, sessions);
  if (filter.since !== undefined && filter.until !== undefined) return vscode.l10n.t('{0} between {1} and {2}', line, filter.since, filter.until);
  if (filter.since !== undefined) return vscode.l10n.t('{0} since {1}', line, filter.since);
  if (filter.until !== undefined) return vscode.l10n.t('{0} up to {1}', line, filter.until);
  return line;
}

/**
 * The panel and its state. The command returns it, so tests and the benchmark can read
 * its HTML, drive it with the same messages the panel sends, and wait for it to draw.
 */
export class PatternsPanel implements vscode.Disposable {
  private static current: PatternsPanel | undefined;

  readonly panel: vscode.WebviewPanel;
  private period: Period = 'all';
  private client = '';
  private stale = false;
  /** What the counts posted before the page asked for them were made for. */
  private postedAhead: string | undefined;
  private disposed = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderWaiters: ((r: { text: string; ms: number }) => void)[] = [];
  /** Every message sent to the panel, newest last (a few dozen at most), for tests. */
  readonly sent: ToWebview[] = [];
  /** The panel's latest report of what it drew. */
  lastRender: { text: string; ms: number } | undefined;
  /**
   * For the benchmark, on the wall clock (ms): when the panel was asked for, when its HTML
   * was set, when its script said it was ready and when the first counts went out, with the
   * time counting took; and the panel's own steps of its first drawing.
   */
  readonly opening: { asked: number; htmlSet?: number; ready?: number; dataSent?: number; countMs?: number; steps?: OpeningSteps } = { asked: clock() };

  /**
   * Opens the panel, or brings it forward. The curtain is the extension's own instance,
   * passed in: this bundle is separate, so importing the module would make a second one.
   */
  static show(extensionUri: vscode.Uri, workspace: LiveNotes, log: Log, curtain: PrivacyCurtain): PatternsPanel {
    if (PatternsPanel.current) {
      PatternsPanel.current.panel.reveal();
      return PatternsPanel.current;
    }
    PatternsPanel.current = new PatternsPanel(extensionUri, workspace, log, curtain);
    return PatternsPanel.current;
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly workspace: LiveNotes,
    private readonly log: Log,
    private readonly curtain: PrivacyCurtain,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, 'dist');
    this.panel = vscode.window.createWebviewPanel('attune.patterns', vscode.l10n.t('Attune: Patterns'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'attune.svg');
    const own = (file: string): vscode.Uri => this.panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, file));
    this.panel.webview.html = this.html(own('patterns-view.js'), own('patterns-charts.js'), viewScript(vscode.Uri.joinPath(dist, 'patterns-view.js')));
    this.opening.htmlSet = clock();
    setImmediate(() => this.prepare());
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.handle(m)),
      this.panel.onDidChangeViewState(() => {
        // A page hidden before it asked drops what was posted ahead: it asks again when shown.
        if (!this.panel.visible) this.postedAhead = undefined;
        if (this.panel.visible && this.stale) this.update();
      }),
      this.panel.onDidDispose(() => this.dispose()),
      workspace.onDidChange(() => this.scheduleUpdate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('attune.patterns')) this.scheduleUpdate();
      }),
      // While the privacy curtain is down the panel holds nothing from the notes: no
      // client codes, titles, field values or counts. Raised, it is drawn afresh.
      curtain.onDidChange((down) => {
        this.post({ type: 'curtain', drawn: down });
        if (!down) this.update();
      }),
    );
  }

  /**
   * The panel's HTML: a strict policy, one script with a nonce, nothing remote. The script
   * loads Chart.js's file (`charts`) itself after the first view, with the same nonce. Its
   * text (`inline`, when it could be read) is written into the page, so it runs as the page
   * starts instead of after a round trip for its file.
   */
  html(script: vscode.Uri, charts: vscode.Uri, inline?: string): string {
    const nonce = randomBytes(18).toString('base64');
    const texts = panelTexts();
    const csp = [
      "default-src 'none'",
      `style-src ${this.panel.webview.cspSource} 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      `img-src ${this.panel.webview.cspSource}`,
      `font-src ${this.panel.webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(vscode.l10n.t('Attune: Patterns'))}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main id="patterns" aria-busy="true">
<h1>${escapeHtml(texts['Patterns in your ruptures'])}</h1>
<p id="loading">${escapeHtml(vscode.l10n.t('Reading your notes…'))}</p>
</main>
${inline === undefined ? `<script nonce="${nonce}" src="${script.toString()}" data-charts="${charts.toString()}" data-texts="${escapeHtml(JSON.stringify(texts))}"></script>` : `<script nonce="${nonce}" data-charts="${charts.toString()}" data-texts="${escapeHtml(JSON.stringify(texts))}">${inline}</script>`}
</body>
</html>`;
  }

  /** Resolves when the panel next reports having drawn. */
  nextRender(): Promise<{ text: string; ms: number }> {
    return new Promise((resolve) => this.renderWaiters.push(resolve));
  }

  /** Answers one message from the panel (tests send the same ones). */
  async handle(raw: unknown): Promise<void> {
    const message = readMessage(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        const first = this.opening.ready === undefined;
        this.opening.ready ??= clock();
        if (this.curtain.hidden) this.post({ type: 'curtain', drawn: true });
        // The counts posted ahead reach a page that starts for the first time (VS Code holds
        // them until its script runs); a page started again (shown after being hidden) asks anew.
        if (first && this.postedAhead === this.dataKey() && !this.curtain.hidden) return;
        this.update();
        return;
      }
      case 'filter':
        this.period = message.period;
        this.client = message.client;
        this.update();
        return;
      case 'list':
        if (!this.curtain.hidden) this.list(message.field, message.value, message.outcome);
        return;
      case 'open':
        await this.open(message.path, message.line);
        return;
      case 'copy':
        await this.copy();
        return;
      case 'rendered':
        this.lastRender = { text: message.text, ms: message.ms };
        if (message.steps) this.opening.steps ??= message.steps;
        for (const resolve of this.renderWaiters.splice(0)) resolve(this.lastRender);
        return;
    }
  }

  private filter(): PatternFilter {
    return {
      ...(this.client ? { client: this.client } : {}),
      ...(this.period === 'all' ? {} : { since: periodStart(formatDate(new Date()), Number(this.period)) }),
    };
  }

  private post(message: ToWebview): void {
    if (this.disposed) return;
    this.sent.push(message);
    if (this.sent.length > 50) this.sent.shift();
    void this.panel.webview.postMessage(message);
  }

  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.panel.visible) this.update();
      else this.stale = true;
    }, UPDATE_DEBOUNCE_MS);
  }

  private update(): void {
    this.stale = false;
    if (this.curtain.hidden) return;
    this.post(this.data());
    if (this.opening.dataSent === undefined) this.opening.dataSent = clock();
  }

  /** What the counts depend on besides the settings (whose change redraws anyway). */
  private dataKey(): string {
    return `${this.workspace.index.revision} ${this.period} ${this.client} ${formatDate(new Date())}`;
  }

  /**
   * Counts while the webview starts (it takes longer than counting) and posts them at once:
   * VS Code keeps a message for a page still starting and hands it over once the page's
   * script has run, so the first view needs no round trip after the script says it is ready.
   */
  private prepare(): void {
    if (this.disposed || this.curtain.hidden || this.opening.dataSent !== undefined) return;
    this.postedAhead = this.dataKey();
    this.update();
  }

  /** The counts the panel draws, for the filters chosen. */
  private data(): ToWebview {
    const started = performance.now();
    const index = this.workspace.index;
    const clients = index
      .clients()
      .map((c) => c.client)
      .sort(compareCodePoints);
    // A client whose notes are all gone is no longer offered; show everyone instead.
    if (this.client && !clients.includes(this.client)) this.client = '';
    const filter = this.filter();
    const notes = countedNotes(index.allNotes(), filter);
    const p = patterns(notes);
    const feedback = this.client ? feedbackSeries(notes, this.client) : [];
    const message: ToWebview = {
      type: 'data',
      period: this.period,
      client: this.client,
      clients,
      headline: localHeadline(p, filter, this.client || undefined),
      patterns: p,
      returns: returnDistribution(returnDays(notes)),
      extras: readExtras(),
      byWith: withCounts(notes),
      feedback,
    };
    const countMs = performance.now() - started;
    this.opening.countMs ??= countMs;
    this.log.info(`Patterns: counted ${p.sessions} notes in ${countMs.toFixed(1)} ms`);
    return message;
  }

  private counted(): IndexedNote[] {
    return countedNotes(this.workspace.index.allNotes(), this.filter());
  }

  private list(field: PatternField, value: string, outcome: Outcome): void {
    const entries = entriesWith(this.counted(), field, value)
      .filter((e) => outcome === 'all' || outcomeOf(e.status) === outcome)
      .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : a.line - b.line));
    this.post({
      type: 'list',
      heading: `${fieldLabel(field)}: ${value}${outcomeWords(outcome)} (${entries.length})`,
      entries: entries.map((e) => {
        const who = withWhom(e);
        return { title: e.title, client: e.client, date: e.date, status: e.status, ...(who ? { with: who } : {}), path: e.path, line: e.line };
      }),
    });
  }

  /** Opens a listed rupture's note at its heading, beside the panel; only notes Attune knows. */
  private async open(path: string, line: number): Promise<void> {
    const note = this.workspace.index.get(path);
    if (!note || !note.entries.some((e) => e.line === line) || !(await this.curtain.allowsOpening())) return;
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(path));
      const at = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
      const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), viewColumn: column, preview: false });
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('Attune could not open that note; it may have been moved or deleted.'));
    }
  }

  /** Copies the counts as markdown, never a client code, even with a client chosen. */
  private async copy(): Promise<void> {
    const filter = this.filter();
    await vscode.env.clipboard.writeText(summaryMarkdown(patterns(this.counted()), filter, readExtras()));
    this.post({ type: 'copied' });
    // Said outside the panel too, where it is seen whatever the panel's scroll.
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Attune copied the summary: counts only, no client codes.'), 5000);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (PatternsPanel.current === this) PatternsPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Theme colours come from VS Code's own variables, so the panel follows the theme. */
/** The panel script's text, read once per session. */
let viewScriptText: string | undefined;

/** The panel script's text to write into the page; undefined (the page loads the file) when it cannot be read or would close its own tag. */
function viewScript(file: vscode.Uri): string | undefined {
  if (file.scheme !== 'file') return undefined;
  try {
    viewScriptText ??= readFileSync(file.fsPath, 'utf8');
  } catch {
    return undefined;
  }
  return /<\/script/i.test(viewScriptText) ? undefined : viewScriptText;
}

const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 40px; line-height: 1.4; }
h1 { font-size: 1.5em; font-weight: 600; margin: 16px 0 4px; }
h2 { font-size: 1.15em; font-weight: 600; margin: 28px 0 6px; }
.headline { font-size: 1.2em; margin: 4px 0 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin: 8px 0 4px; }
.filters label { display: flex; gap: 6px; align-items: center; }
select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 4px; font: inherit; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 10px; font: inherit; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.link { background: none; color: var(--vscode-textLink-foreground); padding: 0; text-align: left; text-decoration: underline; }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.chart { position: relative; max-width: 900px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { padding: 2px 10px 2px 0; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; }
caption { text-align: left; color: var(--vscode-descriptionForeground); padding-bottom: 2px; }
.note { color: var(--vscode-descriptionForeground); }
.list { border-left: 2px solid var(--vscode-focusBorder); padding-left: 12px; }
.list ul { padding-left: 18px; }
.bars { display: grid; grid-template-columns: minmax(3em, max-content) minmax(120px, 1fr); gap: 6px 8px; align-items: center; font-size: 0.9em; }
.bars .label { max-width: 22em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; text-align: right; }
.bars .track { display: flex; height: 20px; max-width: 640px; background: linear-gradient(to right, var(--vscode-panel-border, rgba(128,128,128,0.3)) 1px, transparent 1px); }
.bars .bar { height: 100%; cursor: pointer; }
.bars .bar:hover { opacity: 0.8; }
.bars .ticks { position: relative; height: 1.2em; max-width: 640px; color: var(--vscode-descriptionForeground); }
.bars .ticks span { position: absolute; transform: translateX(-50%); }
.legend { display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 4px 0; font-size: 0.9em; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 5px; }
.seg-repaired { fill: var(--vscode-charts-green); background: var(--vscode-charts-green); }
.seg-closed { fill: var(--vscode-charts-purple); background: var(--vscode-charts-purple); }
.seg-unrepaired { fill: var(--vscode-charts-orange); background: var(--vscode-charts-orange); }
.seg-held { fill: var(--vscode-charts-blue); background: var(--vscode-charts-blue); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
