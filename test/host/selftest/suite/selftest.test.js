// @ts-check
'use strict';

// Runs inside VS Code's extension host (mocha's bdd globals are set by suite/index.js).

const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'attune-selftest.attune-host-selftest';
const EXTENSION_DIR = path.resolve(__dirname, '..', 'extension');
const WORKSPACE_DIR = path.resolve(__dirname, '..', 'workspace');

describe('test/host self-test', () => {
  it('activates the extension under development from its dev path', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    assert.equal(ext.extensionPath, EXTENSION_DIR);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('runs the extension command and gets its result', async () => {
    /** @type {{ pong: unknown, activations: number, extensionPath: string, uiKind: vscode.UIKind, pid: number }} */
    const result = await vscode.commands.executeCommand('attuneSelftest.ping', 'hello');
    assert.deepEqual(
      { pong: result.pong, activations: result.activations, extensionPath: result.extensionPath },
      { pong: 'hello', activations: 1, extensionPath: EXTENSION_DIR },
    );
    // The web workbench, but a Node extension host: process.pid exists and is ours.
    assert.equal(result.uiKind, vscode.UIKind.Web);
    assert.equal(result.pid, process.pid);
  });

  it('opened the workspace folder as a file: URI', async () => {
    const folders = vscode.workspace.workspaceFolders || [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0].uri.scheme, 'file');
    assert.equal(folders[0].uri.fsPath, WORKSPACE_DIR);
    const found = await vscode.workspace.findFiles('**/*.md');
    assert.deepEqual(
      found.map((u) => path.basename(u.fsPath)),
      ['hello.md'],
    );
  });

  it('sees environment variables given to the server', () => {
    assert.equal(process.env.ATTUNE_SELFTEST_ENV, 'reached-the-extension-host');
  });

  it('fails on purpose when ATTUNE_SELFTEST_FAIL=1', () => {
    console.log(`[attune-selftest] ATTUNE_SELFTEST_FAIL=${process.env.ATTUNE_SELFTEST_FAIL || ''}`);
    assert.notEqual(process.env.ATTUNE_SELFTEST_FAIL, '1', 'deliberate failure requested by the self-test');
  });
});
