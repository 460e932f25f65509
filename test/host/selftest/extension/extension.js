// @ts-check
'use strict';

// Minimal extension for test/host's self-test: proves an extension whose `main` lives under the
// extensionDevelopmentPath activates in the real VS Code host, and that its command runs there.

const vscode = require('vscode');

let activations = 0;

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  activations += 1;
  context.subscriptions.push(
    vscode.commands.registerCommand('attuneSelftest.ping', (/** @type {unknown} */ arg) => ({
      pong: arg,
      activations,
      extensionPath: context.extensionPath,
      uiKind: vscode.env.uiKind,
      pid: process.pid,
    })),
  );
  console.log(`[attune-selftest] activated from ${context.extensionPath}`);
  // The test suite reads this through the extension's exports.
  return { activations: () => activations };
}

function deactivate() {}

module.exports = { activate, deactivate };
