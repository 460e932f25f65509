/// <reference lib="dom" />
/**
 * The Show Patterns panel's own script (dist/patterns-view.js), loaded only when the panel
 * opens. It draws the first view at once: the tables, and the bars of the kinds of miss, the
 * parts and the markers in plain HTML. Chart.js (dist/patterns-charts.js, most of the bytes)
 * comes afterwards, for the charts further down. Every chart has a table beside it that a
 * screen reader reads and the keyboard can use; all text goes in as text, never as HTML.
 */
import type { Chart, ChartConfiguration } from 'chart.js';
import { chartedScores, feedbackAxis, NEAR_TOP_LINE, nearTop } from '../core/feedback/feedback';
import { NOTICING_MORE, type PatternField, type Patterns, type ValueCount } from '../core/patterns/patterns';
import { heldIn, type Status } from '../core/notes/status';
import type { ListedEntry, OpeningSteps, Outcome, PanelText, Period, ToExtension, ToWebview } from './patternsProtocol';

/** When this script began to run, its file fetched and parsed. */
const scriptRun = performance.now();

declare function acquireVsCodeApi(): { postMessage(message: ToExtension): void };
const host = acquireVsCodeApi();

type Data = Extract<ToWebview, { type: 'data' }>;

/**
 * The panel's words in VS Code's display language, which the extension puts in the page
 * (this script tag's data-texts) before it loads: nothing is fetched.
 */
const texts = readTexts();

function readTexts(): Partial<Record<PanelText, string>> {
  try {
    const parsed: unknown = JSON.parse((document.currentScript as HTMLScriptElement | null)?.dataset.texts ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<Record<PanelText, string>>) : {};
  } catch {
    return {};
  }
}

/** A panel text, its {0}, {1}… filled in; the English words when the extension sent none. */
function t(text: PanelText, ...args: (string | number)[]): string {
  return (texts[text] ?? text).replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

/** "1 rupture", "3 ruptures". */
function count(n: number, one: PanelText, many: PanelText): string {
  return n === 1 ? t(one) : t(many, n);
}

const RETURN_LABELS: readonly PanelText[] = [
  'before the session',
  'the same day',
  '1 to 3 days',
  '4 to 7 days',
  '8 to 14 days',
  '15 to 30 days',
  'over 30 days',
];

/** A bar of the days to a first return ("1 to 3 days"), as the extension's count names it. */
function returnLabel(label: string): string {
  const known = RETURN_LABELS.find((l) => l === label);
  return known ? t(known) : label;
}

function statusText(status: Status): string {
  switch (status) {
    case 'open':
      return t('open');
    case 'planned':
      return t('repair planned');
    case 'attempted':
      return t('repair attempted');
    case 'held':
      return t('waiting at their pace');
    case 'repaired':
      return t('repaired');
    case 'closed':
      return t('closed without repair');
  }
}

/** The outcome segments of a bar, in stacking order; each one's theme colour is in the panel's style (.seg-…). */
const SEGMENTS: readonly { outcome: Exclude<Outcome, 'all'>; label: string }[] = [
  { outcome: 'repaired', label: t('repaired') },
  { outcome: 'closed', label: t('closed without repair') },
  { outcome: 'unrepaired', label: t('still open') },
  { outcome: 'held', label: t('waiting at their pace') },
];

type ChartClass = typeof Chart;

/** This script's own tag: its nonce lets Chart.js's file in, its data-charts says where that file is. */
const ownTag = document.currentScript as HTMLScriptElement | null;
let library: Promise<ChartClass> | undefined;

/** Loads Chart.js once, the first time a chart further down asks for it; it runs after the first view is drawn. */
function chartLibrary(): Promise<ChartClass> {
  library ??= new Promise<ChartClass>((resolve, reject) => {
    const script = document.createElement('script');
    script.nonce = ownTag?.nonce ?? '';
    script.src = ownTag?.dataset.charts ?? '';
    script.addEventListener('load', () => {
      const loaded = (window as unknown as { attuneChart?: ChartClass }).attuneChart;
      if (loaded) resolve(loaded);
      else reject(new Error('Chart.js did not start'));
    });
    script.addEventListener('error', () => reject(new Error('Chart.js could not be loaded')));
    document.head.append(script);
  });
  return library;
}

const FIELDS: readonly { field: PatternField; title: string; key: 'byKind' | 'byPart' | 'byMarker'; blurb: string }[] = [
  { field: 'kind', title: t('Kinds of miss'), key: 'byKind', blurb: t('From each reflection\'s "Kind of miss".') },
  { field: 'part', title: t('The part of me that led'), key: 'byPart', blurb: t('From "The part of me that led", up to its first comma.') },
  { field: 'marker', title: t('Markers'), key: 'byMarker', blurb: t('From "Markers", up to the first comma or bracket.') },
];

const CURTAIN_TEXT = t('Client details are hidden for sharing your screen. Show them again with the eye in the status bar.');

/** The Chart.js charts on the page, with how each is made, to make them again in a new theme. */
const charts: { chart: Chart; config: () => ChartConfiguration }[] = [];
let curtain = false;
/** When the first data came in, and whether the drawing of it has reported its steps. */
let firstDataIn: number | undefined;
let stepsSent = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function colour(variable: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || fallback;
}

function send(message: ToExtension): void {
  host.postMessage(message);
}

/** A table with a caption, header cells and rows; cells may be nodes (buttons). */
function table(caption: string, headers: readonly string[], rows: readonly (readonly (string | number | Node)[])[]): HTMLTableElement {
  const t = el('table');
  t.append(el('caption', caption));
  const head = el('tr');
  headers.forEach((h, i) => {
    const th = el('th', h);
    th.scope = 'col';
    if (i > 0 && h !== '') th.className = 'n';
    head.append(th);
  });
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((cell, i) => {
      const td = el(i === 0 ? 'th' : 'td');
      if (i === 0) (td as HTMLTableCellElement).scope = 'row';
      if (cell instanceof Node) td.append(cell);
      else {
        td.textContent = String(cell);
        if (typeof cell === 'number') td.className = 'n';
      }
      tr.append(td);
    });
    body.append(tr);
  }
  t.append(body);
  return t;
}

/** A canvas for Chart.js; hidden from screen readers, who get the table beside it. */
function chartBox(height: number): { box: HTMLDivElement; canvas: HTMLCanvasElement } {
  const box = el('div', undefined, 'chart');
  box.style.height = `${height}px`;
  const canvas = el('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  box.append(canvas);
  return { box, canvas };
}

/** Chart.js's defaults in the theme's colours, read afresh for each chart (the theme may change). */
function setChartDefaults(ChartJs: ChartClass): void {
  ChartJs.defaults.color = colour('--vscode-foreground', '#888');
  ChartJs.defaults.font.family = colour('--vscode-font-family', 'sans-serif');
  ChartJs.defaults.borderColor = colour('--vscode-panel-border', 'rgba(128,128,128,0.3)');
}

/** Options every chart shares; no animation, so it draws at once. */
function baseOptions() {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { labels: { color: colour('--vscode-foreground', '#888') } } },
  };
}

function shorten(text: string): string {
  return text.length > 42 ? `${text.slice(0, 40)}…` : text;
}

/** A tick step of 1, 2 or 5 times a power of ten, for about four ticks up to `max`. */
function tickStep(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? rough;
}

/**
 * Stacked horizontal bars, one per value, segments by outcome, in plain HTML laid out by CSS:
 * drawn with the first view, before any chart library. The labels take the width they need
 * (up to a limit, then an ellipsis), the bars the rest, in shares of it, so the chart follows
 * the panel's width; colours are the theme's, from the style. A click on a segment lists its
 * ruptures (the keyboard and screen readers use the table's "List them" instead).
 */
function outcomeChart(section: HTMLElement, field: PatternField, rows: readonly ValueCount[]): void {
  const part = (r: ValueCount, outcome: Exclude<Outcome, 'all'>): number => (outcome === 'held' ? heldIn(r) : r[outcome]);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const step = tickStep(max);
  const top = Math.ceil(max / step) * step;
  const share = (n: number): string => `${((n / top) * 100).toFixed(3)}%`;
  const chart = el('div', undefined, 'bars');
  chart.setAttribute('aria-hidden', 'true');
  for (const r of rows) {
    const label = el('span', shorten(r.value), 'label');
    label.title = r.value;
    const track = el('span', undefined, 'track');
    for (const s of SEGMENTS) {
      const n = part(r, s.outcome);
      if (n <= 0) continue;
      const bar = el('span', undefined, `bar seg-${s.outcome}`);
      bar.style.width = share(n);
      bar.title = t('{0}: {1} {2}', r.value, count(n, '1 rupture', '{0} ruptures'), s.label);
      bar.addEventListener('click', () => send({ type: 'list', field, value: r.value, outcome: s.outcome }));
      track.append(bar);
    }
    chart.append(label, track);
  }
  const ticks = el('span', undefined, 'ticks');
  for (let t = 0; t <= top; t += step) {
    const tick = el('span', String(t));
    tick.style.left = share(t);
    ticks.append(tick);
  }
  chart.append(el('span'), ticks);
  const legend = el('div', undefined, 'legend');
  legend.setAttribute('aria-hidden', 'true');
  for (const s of SEGMENTS) {
    const key = el('span');
    key.append(el('span', undefined, `swatch seg-${s.outcome}`), document.createTextNode(s.label));
    legend.append(key);
  }
  const box = el('div', undefined, 'chart');
  box.append(legend, chart);
  section.append(box);
}

/**
 * A Chart.js chart, drawn once the library has loaded (at once after the first time), if its
 * canvas is still on the page by then; the table beside it holds the same counts meanwhile.
 */
function laterChart(canvas: HTMLCanvasElement, config: () => ChartConfiguration): void {
  chartLibrary().then(
    (ChartJs) => {
      if (!canvas.isConnected || curtain) return;
      setChartDefaults(ChartJs);
      charts.push({ chart: new ChartJs(canvas, config()), config });
    },
    () => {
      if (canvas.isConnected) canvas.replaceWith(el('p', t('This chart could not be drawn; the table below holds the same counts.'), 'note'));
    },
  );
}

function showButton(field: PatternField, value: string, count: number): HTMLButtonElement {
  const b = el('button', t('List them'), 'link');
  b.setAttribute('aria-label', count === 1 ? t('List the 1 rupture: {0}', value) : t('List the {0} ruptures: {1}', count, value));
  b.addEventListener('click', () => send({ type: 'list', field, value, outcome: 'all' }));
  return b;
}

function section(main: HTMLElement, title: string, id: string): HTMLElement {
  const s = el('section');
  s.id = id;
  s.setAttribute('aria-labelledby', `${id}-h`);
  const h = el('h2', title);
  h.id = `${id}-h`;
  s.append(h);
  main.append(s);
  return s;
}

function filters(main: HTMLElement, data: Data): void {
  const bar = el('div', undefined, 'filters');
  const periodLabel = el('label', `${t('Period')} `);
  const period = el('select');
  period.id = 'period';
  for (const [value, text] of [
    ['3', t('last 3 months')],
    ['6', t('last 6 months')],
    ['12', t('last 12 months')],
    ['all', t('all notes')],
  ] as const) {
    const o = el('option', text);
    o.value = value;
    o.selected = data.period === value;
    period.append(o);
  }
  periodLabel.append(period);
  const clientLabel = el('label', `${t('Client')} `);
  const client = el('select');
  client.id = 'client';
  const everyone = el('option', t('all clients'));
  everyone.value = '';
  client.append(everyone);
  for (const c of data.clients) {
    const o = el('option', c);
    o.value = c;
    o.selected = c === data.client;
    client.append(o);
  }
  clientLabel.append(client);
  const change = (): void => send({ type: 'filter', period: period.value as Period, client: client.value });
  period.addEventListener('change', change);
  client.addEventListener('change', change);
  const copy = el('button', t('Copy summary'));
  copy.id = 'copy';
  copy.title = t('Copy these counts as markdown for a supervision note (no client codes)');
  copy.addEventListener('click', () => send({ type: 'copy' }));
  const status = el('span', '', 'note');
  status.id = 'copy-status';
  status.setAttribute('role', 'status');
  bar.append(periodLabel, clientLabel, copy, status);
  main.append(bar);
}

/** "Days to a first return": the median, the spread as a chart and its table. */
function returnsSection(main: HTMLElement, data: Data): void {
  const p = data.patterns;
  const back = section(main, t('Days to a first return'), 'returns');
  if (p.firstReturn.medianDays === null) back.append(el('p', t('No repair attempt is recorded in the notes counted here yet.')));
  else {
    back.append(
      el(
        'p',
        t(
          '{0} with a repair attempt; the first attempt came a median of {1} after the session.',
          count(p.firstReturn.count, '1 rupture', '{0} ruptures'),
          count(p.firstReturn.medianDays, '1 day', '{0} days'),
        ),
      ),
    );
    const { box, canvas } = chartBox(200);
    back.append(box);
    laterChart(canvas, () => ({
      type: 'bar',
      data: {
        labels: data.returns.map((b) => returnLabel(b.label)),
        datasets: [
          { label: t('ruptures'), data: data.returns.map((b) => b.count), backgroundColor: colour('--vscode-charts-green', '#4a4'), maxBarThickness: 40 },
        ],
      },
      options: { ...baseOptions(), plugins: { legend: { display: false } }, scales: { y: { ticks: { precision: 0 } } } },
    }));
    back.append(
      table(
        t('Days from the session to the first repair attempt'),
        [t('Days'), t('Ruptures')],
        data.returns.map((b) => [returnLabel(b.label), b.count]),
      ),
    );
    back.append(el('p', t(NOTICING_MORE), 'note'));
  }
}

function render(data: Data): void {
  const started = performance.now();
  for (const c of charts.splice(0)) c.chart.destroy();
  const main = document.getElementById('patterns') as HTMLElement;
  const focused = document.activeElement?.id;
  main.replaceChildren(el('h1', t('Patterns in your ruptures')));
  filters(main, data);
  const p: Patterns = data.patterns;
  const head = el('p', `${data.headline}.`, 'headline');
  head.id = 'headline';
  main.append(head);
  main.append(el('p', t('One misstep sits within the whole of the work. These are your own notes, counted; nothing here rates a client.'), 'note'));

  const stand = section(main, t('Where they stand'), 'status');
  stand.append(
    table(
      t('Ruptures by status'),
      [t('Status'), t('Ruptures')],
      (Object.keys(p.byStatus) as Status[]).map((s) => [statusText(s), p.byStatus[s]]),
    ),
  );

  for (const f of FIELDS) {
    const s = section(main, f.title, f.field);
    const rows = p[f.key];
    s.append(el('p', `${f.blurb} ${t('Click a bar, or use "List them", to see those ruptures.')}`, 'note'));
    if (rows.length === 0) {
      s.append(el('p', t('Not filled in yet in the notes counted here.')));
      continue;
    }
    outcomeChart(s, f.field, rows);
    s.append(
      table(
        t('{0}, with how they ended', f.title),
        [f.title, t('Ruptures'), t('Repaired'), t('Closed'), t('Still open'), t('Waiting'), ''],
        rows.map((r) => [
          r.value,
          r.count,
          r.repaired,
          r.closed,
          r.unrepaired,
          r.count - r.repaired - r.closed - r.unrepaired,
          showButton(f.field, r.value, r.count),
        ]),
      ),
    );
  }

  // Couple, family and group work: who in the case each rupture was with.
  if (data.byWith.length > 0) {
    const w = section(main, t('With (couple, family or group work)'), 'with');
    w.append(el('p', t('From each reflection\'s "With": the whole family, or one member\'s code or role.'), 'note'));
    w.append(
      table(
        t('Who the ruptures were with, with how they ended'),
        [t('With'), t('Ruptures'), t('Repaired'), t('Closed'), t('Still open'), t('Waiting')],
        data.byWith.map((r) => [r.value, r.count, r.repaired, r.closed, r.unrepaired, r.count - r.repaired - r.closed - r.unrepaired]),
      ),
    );
  }

  const list = section(main, t('Ruptures'), 'list');
  list.className = 'list';
  list.hidden = true;

  const months = section(main, t('Month by month'), 'months');
  if (p.byMonth.length === 0) months.append(el('p', t('No dated notes are counted here.')));
  else {
    const { box, canvas } = chartBox(220);
    months.append(box);
    laterChart(canvas, () => ({
      type: 'bar',
      data: {
        labels: p.byMonth.map((m) => m.month),
        datasets: [
          { label: t('sessions'), data: p.byMonth.map((m) => m.sessions), backgroundColor: colour('--vscode-charts-blue', '#48c'), maxBarThickness: 40 },
          { label: t('ruptures'), data: p.byMonth.map((m) => m.ruptures), backgroundColor: colour('--vscode-charts-orange', '#c84'), maxBarThickness: 40 },
        ],
      },
      options: { ...baseOptions(), scales: { y: { ticks: { precision: 0 } } } },
    }));
    months.append(
      table(
        t('Sessions and ruptures per month'),
        [t('Month'), t('Sessions'), t('Ruptures')],
        p.byMonth.map((m) => [m.month, m.sessions, m.ruptures]),
      ),
    );
  }

  // Days to a first return can read as a speed target: shown only when turned on.
  if (data.extras.daysToReturn) returnsSection(main, data);

  if (data.client) {
    const fb = section(main, t('Feedback from {0}', data.client), 'feedback');
    if (data.feedback.length === 0) fb.append(el('p', t('No "Alliance feedback score" is written in the notes counted here.')));
    else {
      fb.append(el('p', t("Your own number from each session, compared only with this client's own earlier sessions."), 'note'));
      const charted = chartedScores(data.feedback);
      const { box, canvas } = chartBox(200);
      fb.append(box);
      laterChart(canvas, () => ({
        type: 'line',
        data: {
          labels: charted.map((f) => f.date),
          datasets: [
            {
              label: t('feedback score'),
              data: charted.map((f) => f.score),
              borderColor: colour('--vscode-charts-blue', '#48c'),
              backgroundColor: colour('--vscode-charts-blue', '#48c'),
            },
          ],
        },
        // From 0 to the scale's maximum: 36 then 35 of 40 is a small step, not a collapse.
        options: { ...baseOptions(), plugins: { legend: { display: false } }, scales: { y: feedbackAxis(charted) } },
      }));
      if (charted.length < data.feedback.length) fb.append(el('p', t('Scores written on another scale are in the table, not on this line.'), 'note'));
      if (nearTop(data.feedback[data.feedback.length - 1])) fb.append(el('p', t(NEAR_TOP_LINE), 'note'));
      fb.append(
        table(
          t('Feedback score by session'),
          [t('Session'), t('Score')],
          data.feedback.map((f) => [f.date, f.max === null ? String(f.score) : t('{0} of {1}', f.score, f.max)]),
        ),
      );
    }
  }

  const clients = section(main, t('Clients'), 'clients');
  if (p.byClient.length === 0) clients.append(el('p', t('No client notes are counted here.')));
  else {
    // A per-client "still open" column invites reading a client as difficult: only when turned on.
    const open = data.extras.openByClient;
    clients.append(
      table(
        t('Sessions and ruptures per client, in alphabetical order'),
        open ? [t('Client'), t('Sessions'), t('Ruptures'), t('Still open')] : [t('Client'), t('Sessions'), t('Ruptures')],
        p.byClient.map((c) => (open ? [c.client, c.sessions, c.ruptures, c.unrepaired] : [c.client, c.sessions, c.ruptures])),
      ),
    );
    if (open) clients.append(el('p', t(NOTICING_MORE), 'note'));
  }

  main.setAttribute('aria-busy', 'false');
  if (focused) document.getElementById(focused)?.focus();
  const drawn = performance.now();
  const steps = firstDataIn === undefined || stepsSent ? undefined : openingSteps(firstDataIn, drawn);
  stepsSent = true;
  send({ type: 'rendered', text: head.textContent ?? '', ms: drawn - started, ...(steps ? { steps } : {}) });
}

/** The steps of the first drawing, from the page's own timings (see OpeningSteps). */
function openingSteps(dataIn: number, drawn: number): OpeningSteps {
  const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
  const script = performance.getEntriesByType('resource').find((e) => e.name.includes('patterns-view.js'));
  return {
    origin: performance.timeOrigin,
    painted: paint ? paint.startTime : null,
    scriptAsked: script ? script.startTime : null,
    scriptFetched: script ? (script as PerformanceResourceTiming).responseEnd : null,
    scriptRun,
    dataIn,
    drawn,
  };
}

function showList(heading: string, entries: readonly ListedEntry[]): void {
  const list = document.getElementById('list');
  if (!list) return;
  list.hidden = false;
  const h = el('h2', heading);
  h.id = 'list-h';
  h.tabIndex = -1;
  const ul = el('ul');
  for (const e of entries) {
    const li = el('li');
    const b = el('button', e.title || t('(untitled)'), 'link');
    b.addEventListener('click', () => send({ type: 'open', path: e.path, line: e.line }));
    const who = e.with ? t('{0} (with {1})', e.client || t('no client'), e.with) : e.client || t('no client');
    li.append(b, el('span', ` ${who}, ${e.date ?? t('undated')}, ${statusText(e.status)}`, 'note'));
    ul.append(li);
  }
  list.replaceChildren(h, entries.length ? ul : el('p', t('None in the notes counted here.')));
  list.scrollIntoView({ block: 'nearest' });
  h.focus();
}

function showCurtain(drawn: boolean): void {
  curtain = drawn;
  for (const c of charts.splice(0)) c.chart.destroy();
  const main = document.getElementById('patterns') as HTMLElement;
  // Drawn: the page keeps nothing of the counts; the extension sends them afresh once it is lifted.
  if (drawn) {
    const note = el('p', CURTAIN_TEXT);
    note.id = 'headline';
    main.replaceChildren(el('h1', t('Patterns in your ruptures')), note);
    send({ type: 'rendered', text: CURTAIN_TEXT, ms: 0 });
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  switch (m.type) {
    case 'data':
      firstDataIn ??= performance.now();
      if (!curtain) render(m);
      break;
    case 'list':
      if (!curtain) showList(m.heading, m.entries);
      break;
    case 'copied': {
      const s = document.getElementById('copy-status');
      if (s) s.textContent = t('Copied: counts only, no client codes.');
      break;
    }
    case 'curtain':
      showCurtain(m.drawn);
      break;
  }
});

/**
 * The theme changed (VS Code swaps the body's class). The page follows the theme's colours
 * by itself; only Chart.js's canvases hold colours of their own, so only they are made
 * again. Nothing else is redrawn: the filters, an open list, the focus and the scroll stay.
 */
function followTheme(): void {
  const headline = document.getElementById('headline');
  if (curtain || !headline) return;
  const started = performance.now();
  const ChartJs = (window as unknown as { attuneChart?: ChartClass }).attuneChart;
  if (ChartJs) {
    setChartDefaults(ChartJs);
    for (const c of charts) {
      const canvas = c.chart.canvas;
      c.chart.destroy();
      c.chart = new ChartJs(canvas, c.config());
    }
  }
  send({ type: 'rendered', text: headline.textContent ?? '', ms: performance.now() - started });
}

new MutationObserver(followTheme).observe(document.body, { attributes: true, attributeFilter: ['class'] });

send({ type: 'ready' });
