#!/usr/bin/env node
// @ts-check
// `npm run test:desktop`: the same integration suite in desktop VS Code, downloaded by
// @vscode/test-electron. For machines that can reach the VS Code download site; the
// project's own machines cannot, so `npm test` uses the local VS Code server instead.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const root = path.resolve(__dirname, '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-ws-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'demo'), workspace, { recursive: true });
  const code = await runTests({
    version: process.env.ATTUNE_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(code);
}

main().catch((err) => {
  console.error(`test:desktop: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
