#!/usr/bin/env node
// The cue-hints benchmark (issues 16 and 23): `npm run bench:cues` (builds dist/ with --production
// first; test/bench/cues-eval.js then prints the evaluation figures).
//
// 1. Hints for a 2,000-line note recomputed, in process, as the editor does on each edit
//    (parseNote + findCues over the whole text): median and 90th percentile of many runs.
//    The note is session prose taken from the corpus, one cue phrase planted about every
//    40 lines, a rupture section, code blocks and comments among them.
// 2. `attune cues DIR --json` against `attune list DIR --json` on the 10,000-note corpus,
//    whole processes, interleaved, medians.
// Each figure also in CPU time (user + system): on a shared machine, other work stretches
// wall-clock times far more than the CPU a run itself needs.
// Figures are printed, never asserted; the run fails only when a tool fails.
//
// Environment: BENCH_NOTES (default 10000), BENCH_SAMPLES (default 11), BENCH_DIR, and
// BENCH_CUES_BASE=<git revision>: also recompute with that revision's src/ (taken with
// git archive), interleaved run by run, so a busy machine stretches both alike and the
// ratio between them still says what a change did.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { bundleExports } = require('./bundle');

const { REPO, SAMPLES, DIR, CLI, now, median, percentile, round, failer, interleaved, ensureCorpus: corpusFor } = require('./common');
const OUT = path.join(os.tmpdir(), `attune-bench-cues-${process.pid}.json`);

const fail = failer('bench:cues');
const ensureCorpus = () => corpusFor('bench:cues');

/** Session prose from the corpus, 2,000 lines, with cues, a rupture section, code and a comment. */
function sessionNote(lineCount) {
  const CUES = [
    "She said 'not exactly' when I summed it up.",
    '"Well... maybe," he said, and went quiet.',
    'I felt defensive when she mentioned the fee.',
    "You don't understand, she said.",
    'She said "this is too much, too soon."',
  ];
  const lines = ['---', 'client: C001', 'date: 2024-05-14', '---', '', '# A long running journal', ''];
  const folders = fs
    .readdirSync(DIR)
    .filter((f) => /^C\d+$/.test(f))
    .sort();
  for (const folder of folders) {
    for (const file of fs.readdirSync(path.join(DIR, folder)).sort()) {
      const text = fs.readFileSync(path.join(DIR, folder, file), 'utf8');
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n');
      for (const line of body) {
        lines.push(line);
        if (lines.length % 40 === 0) lines.push(CUES[(lines.length / 40) % CUES.length]);
        if (lines.length >= lineCount) return lines.join('\n');
      }
    }
  }
  return lines.join('\n');
}

/** Wall time, and CPU time (user + system, from the shell's `times`) of one whole process. */
function timeProcess(args) {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const t0 = now();
  const r = spawnSync('bash', ['-c', `${quoted} > "$ATTUNE_BENCH_OUT" && times`], {
    encoding: 'utf8',
    env: { ...process.env, ATTUNE_BENCH_OUT: OUT },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = now() - t0;
  if (r.status !== 0) fail(`attune ${args[0]} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  // `times` prints the shell's own times, then its children's: "0m0.312s 0m0.045s".
  const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(r.stdout.trim());
  const cpuMs = m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
  return { ms, cpuMs, stdout: fs.readFileSync(OUT, 'utf8') };
}

/** The in-process recompute of `rev`'s sources against this one, interleaved: a row for the table. */
async function againstBase(rev, tmp, text, source, recompute) {
  const root = path.join(tmp, 'base');
  fs.mkdirSync(root);
  const archive = spawnSync('bash', ['-c', `git -C "$REPO" archive "$REV" src | tar -x -C "$ROOT"`], {
    env: { ...process.env, REPO, REV: rev, ROOT: root },
    encoding: 'utf8',
  });
  if (archive.status !== 0) fail(`cannot read revision ${rev}: ${String(archive.stderr).slice(0, 300)}`);
  const base = require(
    await bundleExports(
      root,
      ["export { builtInCues, findCues } from './src/core/cues/cues';", "export { parseNote } from './src/core/notes/note';"],
      path.join(tmp, 'base.js'),
    ),
  );
  const baseCues = base.builtInCues();
  const before = () => base.findCues(text, base.parseNote(text, source), baseCues);
  for (let i = 0; i < 50; i++) (before(), recompute());
  const cpu = (f) => {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const then = [];
  const now_ = [];
  for (let i = 0; i < 301; i++) {
    if (i % 2) (then.push(cpu(before)), now_.push(cpu(recompute)));
    else (now_.push(cpu(recompute)), then.push(cpu(before)));
  }
  const ratio = median(now_) / median(then);
  return [`the same against ${rev}, interleaved, CPU time`, `${round(median(now_), 3)} vs ${round(median(then), 3)} ms (${round(ratio, 2)}x)`, '', ''];
}

async function main() {
  if (!fs.existsSync(CLI)) fail('dist/cli.js is missing: run npm run build (npm run bench:cues builds it)');
  const manifest = ensureCorpus();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-bench-cues-'));
  try {
    const core = require(
      await bundleExports(
        REPO,
        ["export { builtInCues, findCues } from './src/core/cues/cues';", "export { parseNote } from './src/core/notes/note';"],
        path.join(tmp, 'core.js'),
      ),
    );

    // 1. In process: what each edit costs.
    const text = sessionNote(2000);
    const source = { path: 'C001/journal.md', folderName: 'C001', fileName: 'journal.md' };
    const cues = core.builtInCues();
    const recompute = () => core.findCues(text, core.parseNote(text, source), cues);
    const baseRev = process.env.BENCH_CUES_BASE;
    let baseRow;
    if (baseRev) baseRow = await againstBase(baseRev, tmp, text, source, recompute);
    const first0 = now();
    const hints = recompute().length;
    const firstMs = now() - first0;
    for (let i = 0; i < 50; i++) recompute();
    // CPU time beside wall time: on a shared machine other work stretches the wall clock.
    const samples = [];
    const cpuSamples = [];
    for (let i = 0; i < 301; i++) {
      const c0 = process.cpuUsage();
      const t0 = now();
      recompute();
      samples.push(now() - t0);
      const c = process.cpuUsage(c0);
      cpuSamples.push((c.user + c.system) / 1000);
    }

    // 2. Whole processes over the corpus, interleaved so both see the same machine state.
    const runs = interleaved(['list', 'cues'], (which) => timeProcess([which, DIR, '--json']));
    const list = runs.list.map((r) => r.ms);
    const listCpu = runs.list.map((r) => r.cpuMs);
    const found = runs.cues.map((r) => r.ms);
    const foundCpu = runs.cues.map((r) => r.cpuMs);
    const cueRows = JSON.parse(runs.cues[runs.cues.length - 1].stdout).length;

    const listMs = median(list);
    const cuesMs = median(found);
    const cpuRatio = median(foundCpu) / median(listCpu);
    const rows = [
      [
        'hints for a 2,000-line note recomputed (parseNote + findCues), median',
        `${round(median(samples), 3)} ms (p90 ${round(percentile(samples, 0.9), 3)} ms, first call ${round(firstMs, 1)} ms; ${hints} hints, ${text.length} chars)`,
        '<= 2 ms',
        median(samples) <= 2 ? 'yes' : 'NO',
      ],
      ['the same, CPU time (user + system)', `${round(median(cpuSamples), 3)} ms`, '<= 2 ms', median(cpuSamples) <= 2 ? 'yes' : 'NO'],
      ...(baseRow ? [baseRow] : []),
      [
        '`attune cues DIR --json` vs `attune list DIR --json`, whole process',
        `${round(cuesMs / listMs, 2)}x (${round(cuesMs)} vs ${round(listMs)} ms; ${cueRows} cues)`,
        '<= 1.5x',
        cuesMs / listMs <= 1.5 ? 'yes' : 'NO',
      ],
      [
        'the same, CPU time (user + system)',
        `${round(cpuRatio, 2)}x (${round(median(foundCpu))} vs ${round(median(listCpu))} ms)`,
        '<= 1.5x',
        cpuRatio <= 1.5 ? 'yes' : 'NO',
      ],
    ];
    const load = os.loadavg()[0];
    console.log(
      `\nCue hints, ${manifest.notes} notes (${round(manifest.totalBytes / 1048576, 1)} MB), medians of ${SAMPLES} process runs; load average ${round(load, 2)}; ${os.cpus().length} cores, Node ${process.versions.node}\n`,
    );
    const widths = [0, 1, 2, 3].map((c) => Math.max(...[['figure', 'value', 'target', 'met?'], ...rows].map((r) => r[c].length)));
    const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    console.log(line(['figure', 'value', 'target', 'met?']));
    console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
    for (const r of rows) console.log(line(r));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(OUT, { force: true });
  }
}

main().catch((err) => fail(err instanceof Error ? err.stack || err.message : String(err)));
