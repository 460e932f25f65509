// @ts-check
// Runs inside the real VS Code extension host on the benchmark corpus (for
// test/bench/patterns.js): waits until the index is ready, then times "Attune: Show
// Patterns" up to the panel's first report that it has drawn, with where the time went
// (the panel's own steps, set against the host's clock). Prints one line
// "ATTUNE_BENCH_PATTERNS {json}".
'use strict';

const vscode = require('vscode');

/** The wall clock with performance.now()'s precision, as the panel and the webview report it. */
const clock = () => performance.timeOrigin + performance.now();

async function run() {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune');
  if (!ext) throw new Error('Attune is not loaded');
  const api = await ext.activate();
  // The scan and every read it set off are over, so this is the panel's time alone.
  await api.workspace.quiet();
  const started = clock();
  const panel = await vscode.commands.executeCommand('attune.showPatterns');
  // The panel's own report that it drew; a panel that never draws is bounded by the host's timeout (patterns.js).
  const drawn = panel.lastRender ?? (await panel.nextRender());
  const firstRenderMs = clock() - started;
  const o = panel.opening;
  const s = o.steps;
  /** A step of the webview's, in ms after the command. */
  const page = (/** @type {number | null | undefined} */ t) => (s && typeof t === 'number' ? s.origin + t - started : null);
  const steps = {
    panelCreatedMs: o.htmlSet - started,
    pageStartMs: s ? s.origin - started : null,
    placeholderPaintedMs: page(s?.painted),
    scriptAskedMs: page(s?.scriptAsked),
    scriptFetchedMs: page(s?.scriptFetched),
    scriptRunMs: page(s?.scriptRun),
    readyAtHostMs: o.ready - started,
    countMs: o.countMs,
    dataSentMs: o.dataSent - started,
    dataInMs: page(s?.dataIn),
    drawnMs: page(s?.drawn),
  };
  panel.dispose();
  console.log(`ATTUNE_BENCH_PATTERNS ${JSON.stringify({ firstRenderMs, drawMs: drawn.ms, notes: api.workspace.index.noteCount, steps })}`);
}

module.exports = { run };
