#!/usr/bin/env node
// `npm test`: every suite, in order, on a fresh clone. Type-checks, builds, runs the unit
// tests in plain Node, then the suites that need a real VS Code (installed on first use
// by test/host/install.js, outside the repo). Ends with one "N passed, N failed" line and
// a non-zero exit if anything failed.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** A fresh copy of the demo notes, so suites can change them freely. */
function demoWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-ws-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'demo'), dir, { recursive: true });
  return dir;
}

const mochaCounts = (out) => ({
  passed: Number((/(\d+) passing/.exec(out) ?? [0, 0])[1]),
  failed: Number((/(\d+) failing/.exec(out) ?? [0, 0])[1]),
});
const plainCounts = (out) => {
  const m = /^(?:\S+: )?(\d+) passed, (\d+) failed/m.exec(out);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 0 };
};

/** The integration suite in a real VS Code over a fresh copy of the demo notes, bounded by `timeout` seconds. */
function integration(timeout, ...extra) {
  const tests = path.join(root, 'out', 'test', 'integration', 'index.js');
  return ['node', 'test/host/run-integration.js', '--extension', root, '--tests', tests, '--workspace', demoWorkspace(), '--timeout', timeout, ...extra];
}

const steps = [
  { name: 'type check', cmd: () => ['npx', '--no-install', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'build', cmd: () => ['node', 'esbuild.js'] },
  { name: 'compile tests', cmd: () => ['npx', '--no-install', 'tsc', '-p', 'tsconfig.test.json'] },
  // ESLint with type-aware rules (eslint.config.mjs), then the exports nobody imports (tools/dead-exports.js).
  { name: 'lint', cmd: () => ['npx', '--no-install', 'eslint', '.'] },
  { name: 'dead exports', cmd: () => ['node', 'tools/dead-exports.js'] },
  // Prettier (.prettierrc.json; markdown and pictures are left as written).
  { name: 'format', cmd: () => ['npx', '--no-install', 'prettier', '--check', '.'] },
  { name: 'unit tests', cmd: () => ['npx', '--no-install', 'mocha', '--config', 'test/unit/.mocharc.json'], counts: mochaCounts },
  // The unit tests that start processes, build bundles, run vsce, or work through large or
  // generated inputs (the "ignore" list of test/unit/.mocharc.json, read by .mocharc.slow.js): a tier of their own, with a
  // longer bound on each test, so the fast tier stays a quick loop.
  { name: 'slow unit tests', cmd: () => ['npx', '--no-install', 'mocha', '--config', 'test/unit/.mocharc.slow.js'], counts: mochaCounts },
  { name: 'VS Code test host', cmd: () => ['node', 'test/host/install.js'] },
  { name: 'integration tests in VS Code', cmd: () => integration('900'), counts: plainCounts },
  // The same VS Code with its display language German (issue 30): Attune's words in German.
  { name: 'integration tests in VS Code, in German', cmd: () => integration('300', '--locale', 'de'), counts: plainCounts },
  { name: 'browser flows in VS Code', cmd: () => ['node', 'test/browser/flows.js', '--no-build'], counts: plainCounts },
];

// The same VS Code suites again on the newest VS Code installable here (issue 17): the steps
// above run on the oldest one package.json's engines.vscode allows. test/host/install.js says
// which versions these are.
const NEWEST = { ATTUNE_VSCODE_HOST: 'newest' };
steps.push(...steps.filter((step) => step.name.includes('VS Code')).map((step) => ({ ...step, name: `${step.name} (newest)`, env: NEWEST })));

/** Runs a command, streaming its output, and resolves with its exit code and stdout. */
function runStep(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (err) => resolve({ code: 1, out: out + String(err) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

async function main() {
  const only = process.env.ATTUNE_TEST_ONLY; // e.g. "unit": skip the counted suites whose name lacks it
  let passed = 0;
  let failed = 0;
  for (const step of steps) {
    if (only && step.counts && !step.name.includes(only)) continue;
    console.log(`\n=== ${step.name}`);
    const [cmd, ...args] = step.cmd();
    const t0 = Date.now();
    const r = await runStep(cmd, args, step.env);
    console.log(`(${step.name}: ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    if (step.counts) {
      const c = step.counts(r.out);
      passed += c.passed;
      failed += c.failed;
    }
    if (r.code !== 0) {
      if (!step.counts || failed === 0) failed++;
      console.log(`\n${step.name} failed (exit ${r.code}).`);
      console.log(`${passed} passed, ${failed} failed`);
      process.exit(1);
    }
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main();
