#!/usr/bin/env node
// @ts-check
// `npm start`: builds Attune and opens it on a copy of the demo notes. With desktop VS Code
// (`code` on the PATH) it starts an Extension Development Host; without it, the local VS
// Code server of the test host, bound to 127.0.0.1 and guarded by a random connection token.
'use strict';

const { spawnSync, spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const demoSource = path.join(root, 'test', 'fixtures', 'demo');
const demo = path.join(os.homedir(), '.cache', 'attune-demo', 'notes');

function build() {
  const r = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** A fresh copy of the fictional demo notes, so trying things never changes the repo. */
function prepareDemo() {
  const reset = process.argv.includes('--reset');
  if (reset || !fs.existsSync(demo)) {
    fs.rmSync(demo, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(demo), { recursive: true });
    fs.cpSync(demoSource, demo, { recursive: true });
  }
  console.log(`Demo notes: ${demo}${reset ? ' (fresh copy)' : ' (npm start -- --reset for a fresh copy)'}`);
}

function hasCode() {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { stdio: 'ignore' }).status === 0;
}

async function main() {
  build();
  prepareDemo();
  if (hasCode() && !process.argv.includes('--server')) {
    console.log('Opening desktop VS Code with Attune under development…');
    spawn('code', [`--extensionDevelopmentPath=${root}`, '--new-window', demo], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const { startServer, workbenchUrl } = require('./vscode');
  const token = crypto.randomBytes(16).toString('hex');
  const server = await startServer({ extensionPath: root, connectionToken: token });
  console.log('\nAttune is running in a local VS Code (only this machine can reach it). Open:\n');
  console.log(`  ${workbenchUrl(server, { folder: demo })}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
