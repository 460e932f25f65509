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
 * A timer-lag probe in a Node process of its own that does nothing else: the longest lag it
 * sees is the machine's own floor at that moment (the system running other processes), to
 * read beside the extension host's figure.
 */
function idleProbe() {
  const { spawn } = require('child_process');
  const src =
    "let l=performance.now(),m=0;setInterval(()=>{const n=performance.now();m=Math.max(m,n-l-5);l=n},5);process.on('SIGTERM',()=>{process.stdout.write(String(m));process.exit(0)})";
  const child = spawn(process.execPath, ['-e', src], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return {
    /** @returns {Promise<number>} */
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', () => resolve(Number(out) || 0));
        child.kill('SIGTERM');
      }),
  };
}

/**
 * @param {string} corpusDir
 * @param {number} [runs]
 * @returns {Promise<{ activationMs: number, loadAndActivateMs: number, treeCompleteMs: number, heapUsedMB: number, rescanMs: number, longestBlockMs: number, firstScanLongestBlockMs: number, longestCpuBlockMs: number, firstScanLongestCpuBlockMs: number, idleLongestLagMs: number, samples: object[] }>}
 */
async function measure(corpusDir, runs = Number(process.env.BENCH_VSCODE_RUNS || 3)) {
  /** @type {{ activationMs: number, loadAndActivateMs: number, treeCompleteMs: number, heapUsedMB: number, rescanMs: number, longestBlockMs: number, firstScanLongestBlockMs: number, longestCpuBlockMs: number, firstScanLongestCpuBlockMs: number, idleLongestLagMs: number, entries: number, notes: number }[]} */
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const floor = idleProbe();
    const result = await runExtensionTests({
      // BENCH_EXTENSION: another build of Attune (an earlier commit's checkout), measured the same way.
      extensionDevelopmentPath: process.env.BENCH_EXTENSION ? path.resolve(process.env.BENCH_EXTENSION) : REPO,
      extensionTestsPath: path.join(__dirname, 'vscode-suite.js'),
      workspaceFolder: corpusDir,
      timeoutMs: 180000,
      echo: false,
      label: 'bench',
      ...(process.env.ATTUNE_BENCH_PROFILE ? { env: { ATTUNE_BENCH_PROFILE: path.resolve(process.env.ATTUNE_BENCH_PROFILE) } } : {}),
    });
    const line = result.log.find((l) => l.includes('ATTUNE_BENCH '));
    if (result.exitCode !== 0 || !line) throw new Error(`the in-VS-Code benchmark failed (exit ${result.exitCode}); see test/.artifacts`);
    const idleLongestLagMs = await floor.stop();
    samples.push({ ...JSON.parse(line.slice(line.indexOf('ATTUNE_BENCH ') + 'ATTUNE_BENCH '.length)), idleLongestLagMs });
  }
  return {
    activationMs: median(samples.map((s) => s.activationMs)),
    loadAndActivateMs: median(samples.map((s) => s.loadAndActivateMs)),
    treeCompleteMs: median(samples.map((s) => s.treeCompleteMs)),
    heapUsedMB: median(samples.map((s) => s.heapUsedMB)),
    rescanMs: median(samples.map((s) => s.rescanMs)),
    longestBlockMs: median(samples.map((s) => s.longestBlockMs)),
    firstScanLongestBlockMs: median(samples.map((s) => s.firstScanLongestBlockMs)),
    longestCpuBlockMs: median(samples.map((s) => s.longestCpuBlockMs)),
    firstScanLongestCpuBlockMs: median(samples.map((s) => s.firstScanLongestCpuBlockMs)),
    idleLongestLagMs: median(samples.map((s) => s.idleLongestLagMs)),
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
