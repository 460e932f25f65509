#!/usr/bin/env node
// How the command line scales (issue 29): every command, whole process, on the 10,000-note
// corpus and on a 100,000-note one, with its median wall and CPU time and its peak memory
// (the kernel's own accounting of the finished process, read from /usr/bin/time), and the
// ratio of `attune list` at 100,000 notes to 10,000. Prints figures; asserts nothing but
// that each command answered.
//
//   npm run bench:scale                (BENCH_SAMPLES, default 5; BENCH_SCALE_NOTES, default 100000)
//
// The 100,000-note corpus (about 280 MB) is made once under bench-corpus-100k/ (ignored by git).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const corpus = require('./corpus');
const { REPO, CLI, median, round, failer } = require('./common');

const fail = failer('bench:scale');
const SAMPLES = Number(process.env.BENCH_SAMPLES || 5);
const LARGE = Number(process.env.BENCH_SCALE_NOTES || 100000);
const TIME = '/usr/bin/time';

/** The corpus of n notes in dir, made when missing or stale. */
function corpusOf(n, dir) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    manifest = undefined;
  }
  if (manifest && manifest.generator === corpus.GENERATOR && manifest.notes === n) return manifest;
  process.stderr.write(`bench:scale: making the ${n}-note corpus in ${dir}\n`);
  return corpus.generate(n, dir);
}

/** One whole-process run of the CLI: wall and CPU seconds and peak resident memory in MB. */
function once(args) {
  const r = spawnSync(TIME, ['-f', '%e %U %S %M', process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) fail(`attune ${args[0]} exited ${r.status}: ${r.stderr.slice(-400)}`);
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [wall, user, sys, kb] = last.split(' ').map(Number);
  if (![wall, user, sys, kb].every(Number.isFinite)) fail(`could not read /usr/bin/time's figures: ${last}`);
  return { wall, cpu: user + sys, mb: kb / 1024 };
}

function measure(args) {
  once(args); // warm-up: the page cache, not the process
  const runs = Array.from({ length: SAMPLES }, () => once(args));
  return {
    wallS: round(median(runs.map((r) => r.wall)), 3),
    cpuS: round(median(runs.map((r) => r.cpu)), 3),
    peakMB: round(Math.max(...runs.map((r) => r.mb)), 1),
  };
}

function main() {
  if (!fs.existsSync(CLI)) fail('dist/cli.js is missing: run `node esbuild.js --production` first');
  if (!fs.existsSync(TIME)) fail('/usr/bin/time is missing: `apt-get install -y time`');
  const sizes = [
    { notes: 10000, dir: path.join(REPO, 'bench-corpus') },
    { notes: LARGE, dir: path.join(REPO, 'bench-corpus-100k') },
  ];
  const load = os.loadavg()[0];
  console.log(
    `Machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, node ${process.version}; 1-minute load before the run ${round(load, 2)}`,
  );
  console.log(`Whole process, median of ${SAMPLES} runs after a warm-up; peak is the largest resident set of any run.\n`);
  console.log('| command | notes | wall s | CPU s | peak MB |');
  console.log('|---|---:|---:|---:|---:|');
  const listWall = {};
  for (const { notes, dir } of sizes) {
    corpusOf(notes, dir);
    const client = 'C001'; // the corpus's first client folder
    const commands = [
      ['list', dir, '--json'],
      ['list', dir, '--all', '--json'],
      ['patterns', dir, '--json'],
      ['checklist', '--client', client, dir, '--json'],
      ['feedback', '--client', client, dir, '--json'],
      ['cues', dir, '--json'],
    ];
    for (const args of commands) {
      const m = measure(args);
      if (args[0] === 'list' && args.length === 3) listWall[notes] = m.wallS;
      const shown = args.map((a) => (a === dir ? 'DIR' : a)).join(' ');
      console.log(`| \`attune ${shown}\` | ${notes.toLocaleString('en')} | ${m.wallS} | ${m.cpuS} | ${m.peakMB} |`);
    }
  }
  const ratio = listWall[LARGE] / listWall[10000];
  console.log(`\n\`attune list --json\`: ${LARGE.toLocaleString('en')} notes take ${round(ratio, 2)}x the time of 10,000 (target: at most 11x).`);
}

main();
