// What the corpus benchmarks (run.js, cues.js, patterns.js) share: where things are, how many
// samples, the 10,000-note corpus made on demand, and the small statistics they print.
'use strict';

const fs = require('fs');
const path = require('path');
const corpus = require('./corpus');

const REPO = path.resolve(__dirname, '..', '..');
const NOTES = Number(process.env.BENCH_NOTES || 10000);
const SAMPLES = Number(process.env.BENCH_SAMPLES || 11);
const DIR = path.resolve(process.env.BENCH_DIR || corpus.DEFAULT_DIR);
const CLI = path.join(REPO, 'dist', 'cli.js');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** A function that prints `label: FAILED: message` and ends the run. */
function failer(label) {
  return (message) => {
    console.error(`\n${label}: FAILED: ${message}`);
    process.exit(1);
  };
}

function readManifest() {
  try {
    return JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function countNotes(dir) {
  let n = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += fs.readdirSync(path.join(dir, entry.name)).filter((f) => f.endsWith('.md')).length;
  }
  return n;
}

/**
 * Runs `run(name)` for each of two names, `SAMPLES` times after two warm-ups, alternating
 * which goes first so both see the same machine; returns each name's results in order.
 */
function interleaved(names, run) {
  const results = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < SAMPLES + 2; i++) {
    for (const name of i % 2 === 0 ? names : [...names].reverse()) {
      const r = run(name);
      if (i >= 2) results[name].push(r);
    }
  }
  return results;
}

/** The corpus's manifest, after making the corpus when it is missing, stale or of another size. */
function ensureCorpus(label) {
  const m = readManifest();
  if (m && m.generator === corpus.GENERATOR && m.notes === NOTES && countNotes(DIR) === NOTES) return m;
  process.stderr.write(`${label}: making the ${NOTES}-note corpus in ${DIR} (${m ? 'stale' : 'missing'})\n`);
  return corpus.generate(NOTES, DIR);
}

module.exports = { REPO, NOTES, SAMPLES, DIR, CLI, now, median, percentile, round, failer, ensureCorpus, interleaved };
