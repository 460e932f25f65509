#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Runs an extension's integration tests inside a real VS Code and exits with their outcome.
 *
 *   node test/host/run-integration.js --extension <dir> --tests <abs path to compiled suite
 *        module exporting run(): Promise<void>> --workspace <dir>
 *        [--timeout <seconds>] [--env KEY=VALUE]... [--label <name>] [--locale <lang>]
 *
 * Exit code: 0 when the suite's run() resolved; 1 when it rejected, timed out, or anything in
 * between failed (install, server start, browser); 2 for bad arguments.
 * Installs the VS Code host first when needed (see install.js).
 */

const fs = require('node:fs');
const path = require('node:path');
const { ensureHost } = require('./install');
const { runExtensionTests } = require('./vscode');

const USAGE = `usage: node test/host/run-integration.js --extension <dir> --tests <suite.js> --workspace <dir> [--timeout <seconds>] [--env KEY=VALUE]... [--label <name>] [--locale <lang>]`;

/**
 * @typedef {{ extension: string, tests: string, workspace: string, timeoutMs: number, env: Record<string, string>, label?: string, locale?: string }} CliOptions
 */

/**
 * @param {string[]} argv
 * @returns {CliOptions}
 */
function parseArgs(argv) {
  /** @type {Record<string, string>} */
  const env = {};
  /** @type {Partial<CliOptions>} */
  const out = { env, timeoutMs: 120_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = /** @type {string} */ (argv[i]);
    const [name, inline] =
      flag.includes('=') && flag.startsWith('--') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--extension':
        out.extension = path.resolve(value());
        break;
      case '--tests':
        out.tests = path.resolve(value());
        break;
      case '--workspace':
        out.workspace = path.resolve(value());
        break;
      case '--label':
        out.label = value();
        break;
      // VS Code's display language, as a user's browser would set it (e.g. de).
      case '--locale':
        out.locale = value();
        break;
      case '--timeout': {
        const s = Number(value());
        if (!Number.isFinite(s) || s <= 0) throw new UsageError('--timeout takes a positive number of seconds');
        out.timeoutMs = Math.round(s * 1000);
        break;
      }
      case '--env': {
        const kv = value();
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new UsageError(`--env takes KEY=VALUE, got ${kv}`);
        env[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      case '-h':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown argument ${flag}`);
    }
  }
  if (!out.extension || !out.tests || !out.workspace) throw new UsageError('--extension, --tests and --workspace are required');
  if (!fs.existsSync(path.join(out.extension, 'package.json'))) throw new UsageError(`--extension ${out.extension} has no package.json`);
  if (!fs.existsSync(out.tests)) throw new UsageError(`--tests ${out.tests} does not exist (compiled yet?)`);
  if (!fs.statSync(out.workspace, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--workspace ${out.workspace} is not a folder`);
  return /** @type {CliOptions} */ (out);
}

class UsageError extends Error {}

async function main() {
  /** @type {CliOptions} */
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`run-integration: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  await ensureHost();
  const result = await runExtensionTests({
    extensionDevelopmentPath: opts.extension,
    extensionTestsPath: opts.tests,
    workspaceFolder: opts.workspace,
    timeoutMs: opts.timeoutMs,
    env: opts.env,
    label: opts.label,
    locale: opts.locale,
  });
  const verdict = result.exitCode === 0 ? 'passed' : result.timedOut ? 'TIMED OUT' : `FAILED (exit code ${result.exitCode})`;
  process.stderr.write(`[vscode-host] integration tests ${verdict} in ${(result.durationMs / 1000).toFixed(1)}s\n`);
  return result.exitCode === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`run-integration: ${err instanceof Error ? err.stack || err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
