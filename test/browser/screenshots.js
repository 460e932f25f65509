#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Regenerates the README's screenshots, media/screenshot-1-insert.png ... screenshot-4-prepare.png,
 * from the browser flows themselves (./flows.js, flows 1 to 4): each picture is the screen at
 * the end of its flow, after the flow's assertions passed, in a 1280x800 window (the title bar,
 * which says "[Extension Development Host]", is cropped off). A flow that fails or is skipped
 * leaves its old picture in place and makes this exit with 1.
 *
 *   node test/browser/screenshots.js [--no-build] [--only 1,3]
 */

const path = require('node:path');
const { runFlows } = require('./flows');
const { REPO_ROOT } = require('./ui');

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ build: boolean, only: number[] | null }} */
  const out = { build: true, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') out.build = false;
    else if (a === '--only')
      out.only = String(argv[++i] || '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);
    else {
      process.stderr.write(`screenshots.js: unknown argument ${a}\nusage: node test/browser/screenshots.js [--no-build] [--only 1,3]\n`);
      process.exit(2);
    }
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
runFlows({ ...args, screenshots: path.join(REPO_ROOT, 'media') }).then(
  (r) => {
    if (r.failed || r.skipped) console.log('Some screenshots were not regenerated (see above); the old ones are still in media/.');
    process.exitCode = r.failed || r.skipped || r.passed === 0 ? 1 : 0;
  },
  (err) => {
    console.log(`✘ screenshots could not be taken: ${err instanceof Error ? err.stack || err.message : String(err)}`);
    process.exitCode = 1;
  },
);
