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

/**
 * Starts a timer-lag probe: a 5 ms timer that notes how late each tick comes. stop() returns
 * the longest block of the thread, in ms; the longest on the CPU (the process's CPU time over
 * the same tick, at most its wall time, less the period: on a busy machine a late tick is
 * often the system running other processes, which this leaves out); and the ten longest
 * blocks, each ending at a monotonic time in microseconds (V8's profile clock), so a profile
 * can say what ran during each.
 */
function lagProbe(periodMs = 5) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let longestCpu = 0;
  /** @type {{ ms: number, cpuMs: number, endUs: number }[]} */
  let top = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    lastCpu = process.cpuUsage();
    const lag = now - last - periodMs;
    const cpuMs = Math.max(0, Math.min((cpu.user + cpu.system) / 1000, now - last) - periodMs);
    longest = Math.max(longest, lag);
    longestCpu = Math.max(longestCpu, cpuMs);
    if (lag > 10) {
      top.push({ ms: lag, cpuMs, endUs: Number(process.hrtime.bigint() / 1000n) });
      if (top.length > 40) top = top.sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 10);
    }
    last = now;
  }, periodMs);
  return {
    stop() {
      clearInterval(timer);
      return { longest: Math.max(0, longest), longestCpu, top: top.sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 10) };
    },
  };
}

/**
 * With ATTUNE_BENCH_PROFILE set to a folder, a CPU profile of the extension host (the first
 * scan and the rescan) and the probe's longest blocks are written there, for
 * test/bench/host-blocks.js to say what ran during each block.
 */
function profiler() {
  const dir = process.env.ATTUNE_BENCH_PROFILE;
  if (!dir) return { async stop(/** @type {object} */ _blocks) {} };
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  /** @param {string} method @param {object} [params] @returns {Promise<any>} */
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, r) => (err ? reject(err) : resolve(r))));
  const started = post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
    .then(() => post('Profiler.start'));
  return {
    /** @param {object} blocks */
    async stop(blocks) {
      await started;
      const { profile } = await post('Profiler.stop');
      session.disconnect();
      fs.mkdirSync(dir, { recursive: true });
      const stamp = Date.now();
      fs.writeFileSync(path.join(dir, `host-${stamp}.cpuprofile`), JSON.stringify(profile));
      fs.writeFileSync(path.join(dir, `host-${stamp}.blocks.json`), JSON.stringify(blocks));
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
  const profile = profiler();
  // The probe runs from activation, so the first scan is measured as a user meets it.
  const firstProbe = lagProbe();
  const started = performance.now();
  const api = await ext.activate();
  const loadAndActivateMs = performance.now() - started;
  const activationMs = api.activationMs;
  await until(() => api.tree.count === expected && !api.workspace.indexing, 120000);
  const treeCompleteMs = performance.now() - started;
  const first = firstProbe.stop();
  const gc = collector();
  gc();
  const heapUsedMB = process.memoryUsage().heapUsed / 1048576;
  const probe = lagProbe();
  const rescanStarted = performance.now();
  await vscode.commands.executeCommand('attune.refresh');
  await api.workspace.ready();
  const rescanMs = performance.now() - rescanStarted;
  const rescan = probe.stop();
  const longestBlockMs = rescan.longest;
  const firstScanLongestBlockMs = first.longest;
  const longestCpuBlockMs = rescan.longestCpu;
  const firstScanLongestCpuBlockMs = first.longestCpu;
  await profile.stop({ first: first.top, rescan: rescan.top });
  for (const line of api.log.lines()) console.log(`ATTUNE_LOG ${line}`);
  console.log(
    `ATTUNE_BENCH ${JSON.stringify({ activationMs, loadAndActivateMs, treeCompleteMs, heapUsedMB, rescanMs, longestBlockMs, firstScanLongestBlockMs, longestCpuBlockMs, firstScanLongestCpuBlockMs, entries: api.tree.count, notes: api.workspace.index.noteCount })}`,
  );
}

module.exports = { run };
