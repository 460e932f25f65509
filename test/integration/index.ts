/**
 * Entry point VS Code loads as `extensionTestsPath`: runs the mocha suite inside the real
 * extension host and rejects when any test failed, which the host turns into exit code 1.
 */
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { installNetworkGuard } from './guard';

export function run(): Promise<void> {
  // Before anything activates Attune, so a request it made would be caught.
  installNetworkGuard();
  // A bound, not a wait: each test waits for the product's own events; on a busy machine they come late.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 90000, reporter: 'spec' });
  const only = process.env.ATTUNE_TEST_GREP;
  if (only) mocha.grep(only);
  // In another display language (the host's --locale) only the suite that checks its words runs: the others assert English.
  const english = vscode.env.language.startsWith('en');
  if (!english) mocha.addFile(path.join(__dirname, 'l10n.test.js'));
  else
    for (const file of [
      'patterns.test.js',
      'extension.test.js',
      'lifecycle.test.js',
      'feedback.test.js',
      'trust.test.js',
      'cues.test.js',
      'workspace.test.js',
      'changes.test.js',
      'supervision.test.js',
      'trustEditor.test.js',
      'noteLanguages.test.js',
    ])
      mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
