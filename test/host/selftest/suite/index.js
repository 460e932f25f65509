// @ts-check
'use strict';

// Extension-tests entry point (the payload's extensionTestsPath): VS Code's extension host
// requires this module and calls run(); its promise decides codeAutomationExit's code.
// Plain JS on purpose: the self-test checks the host, not the build.

const path = require('node:path');

// mocha 11 (CommonJS) from the repository's own node_modules, resolved explicitly so that
// the extension host's module lookup can't pick up another copy.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** @type {typeof import('mocha')} */
const Mocha = require(require.resolve('mocha', { paths: [REPO_ROOT] }));

/** @returns {Promise<void>} */
function run() {
  // Lets the self-test check run-integration's timeout path: a run() that never settles.
  if (process.env.ATTUNE_SELFTEST_HANG === '1') {
    console.log('[attune-selftest] hanging on purpose (ATTUNE_SELFTEST_HANG=1)');
    return new Promise(() => {});
  }
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  mocha.addFile(path.join(__dirname, 'selftest.test.js'));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}

module.exports = { run };
