// @ts-check
// Runs inside the real VS Code extension host (as extensionTestsPath) on the benchmark
// corpus: activates Attune and times activation and the first complete tree; then reads every
// note again (Attune: Refresh, the same walk and batches as the first scan) under a timer-lag
// probe, a 5 ms timer that notes how late each tick comes, for the longest stretch the
// extension host's thread was blocked; and the heap in use once the index is built. Prints
// one line "ATTUNE_BENCH {json}" that test/bench/vscode-bench.js reads from the host's log.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

/** @param {() => boolean} probe @param {number} timeoutMs */
async function until(probe, timeoutMs) {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the tree');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** V8's gc(), exposed for this benchmark's process only, so the heap figure is what is kept. */
function collector() {
  require('v8').setFlagsFromString('--expose-gc');
  return require('vm').runInNewContext('gc');
}

/** Starts a timer-lag probe; stop() returns the longest block of the thread, in ms. */
function lagProbe(periodMs = 5) {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - periodMs);
    last = now;
  }, periodMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(0, longest);
    },
  };
}

async function run() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const manifest = JSON.parse(fs.readFileSync(path.join(folder.uri.fsPath, 'manifest.json'), 'utf8'));
  const expected = manifest.expected.unrepaired;
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune');
  if (!ext) throw new Error('Attune is not loaded');
  const started = performance.now();
  const api = await ext.activate();
  const loadAndActivateMs = performance.now() - started;
  const activationMs = api.activationMs;
  await until(() => api.tree.count === expected && !api.workspace.indexing, 120000);
  const treeCompleteMs = performance.now() - started;
  const gc = collector();
  gc();
  const heapUsedMB = process.memoryUsage().heapUsed / 1048576;
  const probe = lagProbe();
  const rescanStarted = performance.now();
  await vscode.commands.executeCommand('attune.refresh');
  await api.workspace.ready();
  const rescanMs = performance.now() - rescanStarted;
  const longestBlockMs = probe.stop();
  for (const line of api.log.lines()) console.log(`ATTUNE_LOG ${line}`);
  console.log(`ATTUNE_BENCH ${JSON.stringify({ activationMs, loadAndActivateMs, treeCompleteMs, heapUsedMB, rescanMs, longestBlockMs, entries: api.tree.count, notes: api.workspace.index.noteCount })}`);
}

module.exports = { run };
