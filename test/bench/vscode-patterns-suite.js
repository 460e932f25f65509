// @ts-check
// Runs inside the real VS Code extension host on the benchmark corpus (for
// test/bench/patterns.js): waits until the index is ready, then times "Attune: Show
// Patterns" up to the panel's first report that it has drawn. Prints one line
// "ATTUNE_BENCH_PATTERNS {json}".
'use strict';

const vscode = require('vscode');

async function run() {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune');
  if (!ext) throw new Error('Attune is not loaded');
  const api = await ext.activate();
  await api.workspace.ready();
  const started = performance.now();
  const panel = await vscode.commands.executeCommand('attune.showPatterns');
  const drawn = panel.lastRender ?? (await Promise.race([panel.nextRender(), new Promise((_, reject) => setTimeout(() => reject(new Error('the panel never drew')), 60000))]));
  const firstRenderMs = performance.now() - started;
  panel.dispose();
  console.log(`ATTUNE_BENCH_PATTERNS ${JSON.stringify({ firstRenderMs, drawMs: drawn.ms, notes: api.workspace.index.noteCount })}`);
}

module.exports = { run };
