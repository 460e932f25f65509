#!/usr/bin/env node
// `npm test`: every suite, in order, on a fresh clone. Type-checks, builds, runs the unit
// tests in plain Node, then the suites that need a real VS Code. Ends with one
// "N passed, N failed" line and a non-zero exit if anything failed.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const steps = [
  { name: 'type check', cmd: ['npx', '--no-install', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'build', cmd: ['node', 'esbuild.js'] },
  { name: 'compile tests', cmd: ['npx', '--no-install', 'tsc', '-p', 'tsconfig.test.json'] },
  { name: 'unit tests', cmd: ['npx', '--no-install', 'mocha', '--config', 'test/unit/.mocharc.json'], counts: true },
];

let passed = 0;
let failed = 0;
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), {
    cwd: root,
    stdio: step.counts ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (step.counts) {
    process.stdout.write(r.stdout ?? '');
    const p = /(\d+) passing/.exec(r.stdout ?? '');
    const f = /(\d+) failing/.exec(r.stdout ?? '');
    passed += p ? Number(p[1]) : 0;
    failed += f ? Number(f[1]) : 0;
  }
  if (r.status !== 0) {
    if (!step.counts) failed++;
    else if (failed === 0) failed++;
    console.log(`\n${step.name} failed (exit ${r.status ?? r.signal}).`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
