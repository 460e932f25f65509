#!/usr/bin/env node
// The benchmark of issue 13 (`npm run bench:patterns`, which first builds dist/ with
// --production): on the 10,000-note corpus of test/bench/corpus.js,
//   - `attune patterns DIR --json` against `attune list DIR --json`, whole processes,
//     interleaved in the same run (target: within 1.3x);
//   - in the real VS Code, once the index is ready, the time from running "Attune: Show
//     Patterns" to the panel reporting its first drawing (target: 500 ms).
// Prints the figures (medians) and writes test/bench/patterns-results.json. Targets are
// reported, never asserted; the run fails only when a command fails or its answer is wrong.
//
// Environment: BENCH_NOTES (default 10000), BENCH_SAMPLES (default 11), BENCH_DIR,
// BENCH_VSCODE=0 to skip the in-VS-Code figure.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const { REPO, NOTES, SAMPLES, DIR, CLI, now, median, round, failer, interleaved, ensureCorpus: corpusFor } = require('./common');

const fail = failer('bench:patterns');
const ensureCorpus = () => corpusFor('bench:patterns');

function timeCli(args) {
  const t0 = now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = now() - t0;
  if (r.status !== 0) fail(`attune ${args[0]} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return { ms, stdout: r.stdout };
}

/** Both commands, alternating which goes first, two warm-ups each. */
function measureCli(manifest) {
  const runs = interleaved(['patterns', 'list'], (which) => timeCli([which, DIR, '--json']));
  const patterns = runs.patterns.map((r) => r.ms);
  const list = runs.list.map((r) => r.ms);
  const p = JSON.parse(runs.patterns[runs.patterns.length - 1].stdout);
  const expected = manifest.expected.entries;
  if (p.ruptures !== expected) fail(`attune patterns counted ${p.ruptures} ruptures; the manifest expects ${expected}`);
  if (p.sessions !== manifest.notes) fail(`attune patterns counted ${p.sessions} sessions; the corpus has ${manifest.notes} notes`);
  return { patternsMs: median(patterns), listMs: median(list), patternsSamples: patterns, listSamples: list, ruptures: p.ruptures, sessions: p.sessions };
}

async function measureVsCode() {
  const { runExtensionTests } = require('../host/vscode');
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const result = await runExtensionTests({
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(__dirname, 'vscode-patterns-suite.js'),
      workspaceFolder: DIR,
      timeoutMs: 180000,
      echo: false,
      label: 'bench-patterns',
    });
    const line = result.log.find((l) => l.includes('ATTUNE_BENCH_PATTERNS '));
    if (result.exitCode !== 0 || !line) throw new Error(`the in-VS-Code patterns benchmark failed (exit ${result.exitCode}); see test/.artifacts`);
    samples.push(JSON.parse(line.slice(line.indexOf('ATTUNE_BENCH_PATTERNS ') + 'ATTUNE_BENCH_PATTERNS '.length)));
  }
  return { firstRenderMs: median(samples.map((s) => s.firstRenderMs)), drawMs: median(samples.map((s) => s.drawMs)), samples };
}

async function main() {
  if (!fs.existsSync(CLI)) fail('dist/cli.js is missing: run `npm run bench:patterns` (it builds first)');
  const manifest = ensureCorpus();
  process.stderr.write(`bench:patterns: attune patterns --json vs attune list --json, ${SAMPLES} samples after 2 warm-ups\n`);
  const cli = measureCli(manifest);
  let vs = null;
  if (process.env.BENCH_VSCODE !== '0') {
    process.stderr.write('bench:patterns: in VS Code, Show Patterns to first drawing (3 cold starts)\n');
    try {
      vs = await measureVsCode();
    } catch (err) {
      process.stderr.write(`bench:patterns: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  const ratio = cli.patternsMs / cli.listMs;
  const rows = [
    ['`attune patterns DIR --json` vs `attune list DIR --json`, whole process', `${round(ratio, 2)}x (${round(cli.patternsMs)} vs ${round(cli.listMs)} ms)`, '<= 1.3x', ratio <= 1.3 ? 'yes' : 'NO'],
    vs
      ? ['in VS Code, Show Patterns to the panel\'s first drawing (index ready)', `${round(vs.firstRenderMs)} ms (drawing itself ${round(vs.drawMs)} ms)`, '<= 500 ms', vs.firstRenderMs <= 500 ? 'yes' : 'NO']
      : ['in VS Code, Show Patterns to the panel\'s first drawing (index ready)', 'not measured', '<= 500 ms', '-'],
  ];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'value', 'target', 'met?'][i].length));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(['figure', 'value', 'target', 'met?']));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows) console.log(line(r));
  console.log(`\n${NOTES} notes, ${cli.ruptures} ruptures; medians of ${SAMPLES} runs; load average ${require('os').loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  fs.writeFileSync(path.join(__dirname, 'patterns-results.json'), JSON.stringify({ date: new Date().toISOString(), notes: NOTES, cli, vscode: vs }, null, 2) + '\n');
}

main().catch((err) => fail(err instanceof Error ? err.stack || err.message : String(err)));
