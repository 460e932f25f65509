// @ts-check
// The in-VS-Code figures of `npm run bench`: starts the real VS Code host on the corpus
// several times (a fresh profile each time, so every run is a cold start) and takes the
// median of activation and of activation-to-complete-tree.
'use strict';

const path = require('path');
const { runExtensionTests } = require('../host/vscode');

const REPO = path.resolve(__dirname, '..', '..');

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * @param {string} corpusDir
 * @param {number} [runs]
 * @returns {Promise<{ activationMs: number, loadAndActivateMs: number, treeCompleteMs: number, heapUsedMB: number, rescanMs: number, longestBlockMs: number, samples: object[] }>}
 */
async function measure(corpusDir, runs = 3) {
  /** @type {{ activationMs: number, loadAndActivateMs: number, treeCompleteMs: number, heapUsedMB: number, rescanMs: number, longestBlockMs: number, entries: number, notes: number }[]} */
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const result = await runExtensionTests({
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(__dirname, 'vscode-suite.js'),
      workspaceFolder: corpusDir,
      timeoutMs: 180000,
      echo: false,
      label: 'bench',
    });
    const line = result.log.find((l) => l.includes('ATTUNE_BENCH '));
    if (result.exitCode !== 0 || !line) throw new Error(`the in-VS-Code benchmark failed (exit ${result.exitCode}); see test/.artifacts`);
    samples.push(JSON.parse(line.slice(line.indexOf('ATTUNE_BENCH ') + 'ATTUNE_BENCH '.length)));
  }
  return {
    activationMs: median(samples.map((s) => s.activationMs)),
    loadAndActivateMs: median(samples.map((s) => s.loadAndActivateMs)),
    treeCompleteMs: median(samples.map((s) => s.treeCompleteMs)),
    heapUsedMB: median(samples.map((s) => s.heapUsedMB)),
    rescanMs: median(samples.map((s) => s.rescanMs)),
    longestBlockMs: median(samples.map((s) => s.longestBlockMs)),
    samples,
  };
}

module.exports = { measure };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(REPO, 'bench-corpus'));
  measure(dir).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
