// @ts-check
// Runs inside the real VS Code extension host (as extensionTestsPath) on the benchmark
// corpus: activates Attune and times activation and the first complete tree. Prints one
// line "ATTUNE_BENCH {json}" that test/bench/vscode-bench.js reads from the host's log.
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
  for (const line of api.log.lines()) console.log(`ATTUNE_LOG ${line}`);
  console.log(`ATTUNE_BENCH ${JSON.stringify({ activationMs, loadAndActivateMs, treeCompleteMs, entries: api.tree.count, notes: api.workspace.index.noteCount })}`);
}

module.exports = { run };
