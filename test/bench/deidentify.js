#!/usr/bin/env node
// De-identification benchmark of issue 15 (`npm run bench:deidentify`, after a production
// build): recall per kind of identifier and the share of ordinary text kept, on a corpus
// of made-up notes (test/bench/deidentify-corpus.js), then the time `attune deidentify`
// takes on a 2,000-word note, as a whole process and per note in process once the
// libraries are loaded. Prints a table; asserts nothing (the unit tests check recall).
//
// Environment: DEID_NOTES (notes in the corpus; default 40), DEID_RUNS (timed runs; default 11),
// BENCH_BASELINE_DIST (another build's dist folder, timed in turn with this one).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { KINDS, makeCorpus, score, longNote } = require('./deidentify-corpus');

const REPO = path.resolve(__dirname, '..', '..');
const DIST = path.join(REPO, 'dist');
const NOTES = Number(process.env.DEID_NOTES ?? 40);
const RUNS = Number(process.env.DEID_RUNS ?? 11);

const TARGETS = { name: 0.95, place: 0.9 }; // every other kind: 100%

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function pct(x) {
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * How long the thread that starts an export is blocked while the first export runs in
 * dist/deidentify-worker.js, as the extension runs it: the longest gap between timer ticks.
 */
async function editorBlock(text) {
  const { Worker } = require('worker_threads');
  // The same timer, idle for a second first: on a busy machine timers stall with no export at all.
  const idle = await new Promise((resolve) => {
    let worst = 0;
    let before = performance.now();
    const t = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - before - 5);
      before = now;
    }, 5);
    setTimeout(() => {
      clearInterval(t);
      resolve(worst);
    }, 1000);
  });
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  const worker = new Worker(path.join(DIST, 'deidentify-worker.js'));
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ id: 0, text, client: 'A.B.' });
  });
  clearInterval(tick);
  await worker.terminate();
  return { during: Math.max(0, longest), idle: Math.max(0, idle) };
}

/**
 * The export on hostile text up to its size limit (200,000 characters): runs of spaces, tabs,
 * "a-", "1 ", ", ", "A’" and "in 1 Apt" between "Seen 12", "pg" and a last "9", the shapes
 * that took seconds to minutes before round ten. CPU time at 25,000 to 200,000 characters, one run each, and the exponent
 * of its growth (1 is linear, 2 quadratic); the unit tests check the answers.
 */
function hostileShapes(core) {
  const sizes = [25_000, 50_000, 100_000, 199_980];
  console.log('\nHostile text (CPU ms at 25k, 50k, 100k and 200k characters; exponent, 1 is linear):');
  for (const unit of [' ', '\t ', 'a-', '1 ', ', ', 'A’', 'in 1 Apt']) {
    const ms = sizes.map((n) => {
      const half = unit.repeat(Math.floor((n - 20) / 2 / unit.length));
      const text = `Seen 12${half}pg${half}9`;
      const start = process.cpuUsage();
      core.deidentifyText(text, '');
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    });
    const exponent = Math.log2(ms[ms.length - 1] / ms[0]) / Math.log2(sizes[sizes.length - 1] / sizes[0]);
    console.log(`  runs of ${JSON.stringify(unit).padEnd(6)} ${ms.map((m) => m.toFixed(0).padStart(6)).join(' ')}   exponent ${exponent.toFixed(2)}`);
  }
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'deidentify.js'))) {
    console.error('dist/deidentify.js is missing: run `node esbuild.js --production` first (npm run bench:deidentify does).');
    process.exit(2);
  }
  const loadStart = process.hrtime.bigint();
  const core = require(path.join(DIST, 'deidentify.js'));
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;

  // --- accuracy --------------------------------------------------------------------------
  const notes = makeCorpus(NOTES);
  const kinds = Object.fromEntries(KINDS.map((k) => [k, { planted: 0, found: 0 }]));
  let ordinaryPlanted = 0;
  let ordinaryKept = 0;
  let words = 0;
  let wordsKept = 0;
  let checks = 0;
  for (const [i, note] of notes.entries()) {
    const out = core.deidentifyNote(note.text, { path: `n${i}.md`, folderName: 'notes', fileName: `n${i}.md` });
    const s = score(note, out.text);
    for (const [k, v] of Object.entries(s.kinds)) {
      kinds[k].planted += v.planted;
      kinds[k].found += v.found;
    }
    ordinaryPlanted += s.ordinaryPlanted;
    ordinaryKept += s.ordinaryKept;
    words += s.words;
    wordsKept += s.wordsKept;
    checks += out.check.length;
  }
  const planted = Object.values(kinds).reduce((a, k) => a + k.planted, 0);
  const rows = [];
  for (const k of KINDS) {
    const { planted: p, found: f } = kinds[k];
    const target = TARGETS[k] ?? 1;
    rows.push([`${k}`, `${f} of ${p}`, pct(p ? f / p : 1), `>= ${pct(target)}`, p && f / p >= target ? 'yes' : 'NO']);
  }
  rows.push([
    'ordinary phrases kept',
    `${ordinaryKept} of ${ordinaryPlanted}`,
    pct(ordinaryKept / ordinaryPlanted),
    '>= 97.0%',
    ordinaryKept / ordinaryPlanted >= 0.97 ? 'yes' : 'NO',
  ]);
  rows.push(['ordinary words kept', `${wordsKept} of ${words}`, pct(wordsKept / words), '>= 97.0%', wordsKept / words >= 0.97 ? 'yes' : 'NO']);

  // --- timing ----------------------------------------------------------------------------
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-deid-'));
  const long = longNote(2000);
  const file = path.join(dir, 'note.md');
  fs.writeFileSync(file, long.text);
  const source = { path: 'note.md', folderName: path.basename(dir), fileName: 'note.md' };
  const firstStart = process.hrtime.bigint();
  core.deidentifyNote(long.text, source);
  const firstMs = Number(process.hrtime.bigint() - firstStart) / 1e6;
  const inProcess = [];
  for (let r = 0; r < RUNS; r++) {
    const t = process.hrtime.bigint();
    core.deidentifyNote(long.text, source);
    inProcess.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  // Whole processes, each reporting its own CPU time and peak memory as it exits, run in
  // turn with a bare `node -e 0` (and with BENCH_BASELINE_DIST's CLI, another build's dist
  // folder, when given), so each ratio compares runs made in the same seconds. The peak is
  // Linux's VmHWM where there is one: a spawned process's maxRSS starts at this process's
  // size when it forked (the bare node's read 64 MB), VmHWM at its own.
  const report = path.join(dir, 'report.js');
  fs.writeFileSync(
    report,
    "process.on('exit', () => { const fs = require('fs'); const u = process.resourceUsage(); let peak = u.maxRSS; try { peak = Number(/VmHWM:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} fs.writeSync(2, `\\nusage ${u.userCPUTime + u.systemCPUTime} ${peak}\\n`); });",
  );
  const timed = (args) => {
    const t = process.hrtime.bigint();
    const res = spawnSync(process.execPath, ['-r', report, ...args], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    if (res.status !== 0) throw new Error(`${args.join(' ')} exited ${res.status}`);
    const m = /usage (\d+) (\d+)/.exec(res.stderr);
    return { wall, cpu: Number(m?.[1] ?? NaN) / 1000, peak: Number(m?.[2] ?? NaN) / 1024 };
  };
  const baseline = process.env.BENCH_BASELINE_DIST;
  const runs = { cli: [], bare: [], base: [] };
  const loadBefore = os.loadavg()[0];
  for (let r = 0; r < RUNS; r++) {
    runs.cli.push(timed([path.join(DIST, 'cli.js'), 'deidentify', file]));
    runs.bare.push(timed(['-e', '0']));
    if (baseline) runs.base.push(timed([path.join(path.resolve(baseline), 'cli.js'), 'deidentify', file]));
  }
  const loadAfter = os.loadavg()[0];
  const med = (xs, f) => median(xs.map(f));
  const ratio = (a, b, f) => median(a.map((x, i) => f(x) / f(b[i])));
  const blocked = await editorBlock(long.text);
  fs.rmSync(dir, { recursive: true, force: true });
  const size = (f) => `${(fs.statSync(path.join(DIST, f)).size / 1024).toFixed(1)} KB`;

  console.log(
    `De-identification: ${NOTES} made-up notes, ${planted} planted identifiers, ${ordinaryPlanted} ordinary phrases (${words} words of ordinary sentences); ${checks} spots left for a human look.\n`,
  );
  const head = ['kind', 'found', 'share', 'target', 'met?'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
  console.log(`\nTiming (median of ${RUNS} runs), a ${long.words}-word note:`);
  console.log(
    `  attune deidentify, whole process:      ${med(runs.cli, (x) => x.wall).toFixed(0)} ms wall, ${med(runs.cli, (x) => x.cpu).toFixed(0)} ms CPU (bare \`node -e 0\`: ${med(runs.bare, (x) => x.wall).toFixed(0)} ms wall, ${med(runs.bare, (x) => x.cpu).toFixed(0)} ms CPU)`,
  );
  console.log(
    `  whole process / bare node, run by run:  ${ratio(runs.cli, runs.bare, (x) => x.cpu).toFixed(1)}x CPU, ${ratio(runs.cli, runs.bare, (x) => x.wall).toFixed(1)}x wall (target <= 3x)`,
  );
  console.log(
    `  peak memory of attune deidentify:       ${med(runs.cli, (x) => x.peak).toFixed(0)} MB (bare node: ${med(runs.bare, (x) => x.peak).toFixed(0)} MB; target <= 60 MB)`,
  );
  if (baseline) {
    console.log(
      `  the baseline build (${baseline}), same runs: ${med(runs.base, (x) => x.wall).toFixed(0)} ms wall, ${med(runs.base, (x) => x.cpu).toFixed(0)} ms CPU, peak ${med(runs.base, (x) => x.peak).toFixed(0)} MB;`,
    );
    console.log(
      `    this build / baseline, run by run:  ${ratio(runs.cli, runs.base, (x) => x.cpu).toFixed(2)}x CPU, ${ratio(runs.cli, runs.base, (x) => x.peak).toFixed(2)}x peak memory`,
    );
  }
  console.log(`  in process, libraries loaded, per note: ${median(inProcess).toFixed(1)} ms (first call, reading the word lists: ${firstMs.toFixed(0)} ms)`);
  console.log(`  loading dist/deidentify.js:             ${loadMs.toFixed(0)} ms`);
  console.log(`  load average: ${loadBefore.toFixed(1)} before the whole-process runs, ${loadAfter.toFixed(1)} after`);
  console.log(
    `  the editor's thread during a first export in the worker: longest stall ${blocked.during.toFixed(0)} ms (target <= 100 ms; idle, with no export: ${blocked.idle.toFixed(0)} ms)`,
  );
  console.log(
    `Sizes: dist/extension.js ${size('extension.js')}, dist/cli.js ${size('cli.js')}, dist/deidentify.js ${size('deidentify.js')}, its packed word lists dist/deidentify-words.br ${size('deidentify-words.br')} and tagger model dist/deidentify-tagger.br ${size('deidentify-tagger.br')}: ${(['deidentify.js', 'deidentify-words.br', 'deidentify-tagger.br'].reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0) / 1024).toFixed(1)} KB together (target <= 1,536 KB; loaded only when an export runs).`,
  );
  hostileShapes(core);
  console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
