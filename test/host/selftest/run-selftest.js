#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Self-test of test/host: runs the minimal extension's suite through run-integration.js, the
 * way CI will run the real one, and checks the exit codes:
 *   pass     -> 0   (extension activates, command result, workspace, env reach the host)
 *   fail     -> 1   (one test fails on purpose)
 *   timeout  -> 1   (run() never settles; the runner gives up, screenshots, cleans up)
 * Then checks nothing was left behind (server processes, temp folders).
 *
 *   node test/host/selftest/run-selftest.js [--quick]     (--quick: only the passing run)
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureHost } = require('../install');

const HERE = __dirname;
const RUNNER = path.resolve(HERE, '..', 'run-integration.js');
const EXTENSION = path.join(HERE, 'extension');
const SUITE = path.join(HERE, 'suite', 'index.js');
const WORKSPACE = path.join(HERE, 'workspace');

/**
 * @typedef {{ name: string, env: string[], timeoutS: number, wantCode: number, wantOutput: RegExp }} Case
 */

/** @type {Case[]} */
const CASES = [
  { name: 'pass', env: [], timeoutS: 90, wantCode: 0, wantOutput: /5 passing/ },
  { name: 'fail', env: ['ATTUNE_SELFTEST_FAIL=1'], timeoutS: 90, wantCode: 1, wantOutput: /1 failing/ },
  { name: 'timeout', env: ['ATTUNE_SELFTEST_HANG=1'], timeoutS: 20, wantCode: 1, wantOutput: /TIMEOUT/ },
];

/** Folders startServer() creates in os.tmpdir(); each run must remove its own. */
function tempDirs() {
  return new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('attune-vscode-')));
}

/** PIDs of VS Code servers running from the host cache. */
function serverPids(/** @type {string} */ root) {
  /** @type {number[]} */
  const pids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.includes(root)) pids.push(Number(name));
    } catch {
      // process ended while we looked
    }
  }
  return pids;
}

async function main() {
  const quick = process.argv.includes('--quick');
  const t0 = Date.now();
  const { root } = await ensureHost();
  process.stdout.write(`[selftest] host ready in ${((Date.now() - t0) / 1000).toFixed(1)}s (${root})\n`);
  const before = tempDirs();
  const strayBefore = new Set(serverPids(root));

  let ok = true;
  for (const c of quick ? CASES.slice(0, 1) : CASES) {
    const args = [
      RUNNER,
      '--extension',
      EXTENSION,
      '--tests',
      SUITE,
      '--workspace',
      WORKSPACE,
      '--timeout',
      String(c.timeoutS),
      '--label',
      `selftest-${c.name}`,
      '--env',
      'ATTUNE_SELFTEST_ENV=reached-the-extension-host',
    ];
    for (const e of c.env) args.push('--env', e);
    const start = Date.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    const output = `${r.stdout}${r.stderr}`;
    const good = r.status === c.wantCode && c.wantOutput.test(output);
    ok = ok && good;
    process.stdout.write(`[selftest] ${good ? 'ok  ' : 'FAIL'} ${c.name}: exit ${r.status} (want ${c.wantCode}) in ${secs}s\n`);
    if (!good) process.stdout.write(`---- output of ${c.name} ----\n${output}\n---- end ----\n`);
  }

  const leftDirs = [...tempDirs()].filter((n) => !before.has(n));
  const leftPids = serverPids(root).filter((p) => !strayBefore.has(p));
  if (leftDirs.length) {
    ok = false;
    process.stdout.write(`[selftest] FAIL temp folders left in ${os.tmpdir()}: ${leftDirs.join(' ')}\n`);
  }
  if (leftPids.length) {
    ok = false;
    process.stdout.write(`[selftest] FAIL VS Code processes left running: ${leftPids.join(' ')}\n`);
  }
  process.stdout.write(`[selftest] ${ok ? 'all good' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`[selftest] ${err instanceof Error ? err.stack || err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
