import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { networkCalls } from './guard';
import { activateAttune, closeAll, open, uriOf, waitFor, writeNote } from './helpers';

/** A phrase that exists only inside one note: if it shows up anywhere else, note text leaked. */
const PLANTED = 'quokka-lantern-4471';

const MESSAGE_FUNCTIONS = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage'] as const;

describe('Trust in a real VS Code', () => {
  let api: AttuneApi;
  const shown: string[] = [];
  const originals = new Map<string, unknown>();

  before(async () => {
    api = await activateAttune();
    // Record every notification Attune raises; answer none of them.
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const name of MESSAGE_FUNCTIONS) {
      originals.set(name, win[name]);
      win[name] = (message: unknown, ...rest: unknown[]) => {
        shown.push(`${name}: ${String(message)} ${rest.filter((r) => typeof r === 'string').join(' ')}`);
        return name === 'setStatusBarMessage' ? { dispose: () => undefined } : Promise.resolve(undefined);
      };
    }
  });

  after(async () => {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of originals) win[name] = fn;
    await closeAll();
  });

  it('never writes note text to its output or its messages, whatever command runs', async () => {
    const text = [
      '---',
      'client: T.R.',
      '---',
      `# Session about ${PLANTED}`,
      '',
      `## The ${PLANTED} remark #rupture/open`,
      '',
      `- **Opening line:** "I keep thinking about ${PLANTED}."`,
      '',
      `Body text with ${PLANTED}.`,
      '',
    ].join('\n');
    const uri = writeNote('TR/2026-11-12.md', text);
    await waitFor('the planted note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const title = `The ${PLANTED} remark`;
    const ref = { path: uri.toString(), line: 5, title };
    const editor = await open(uri);
    editor.selection = new vscode.Selection(9, 0, 9, 0);

    const runEveryCommand = async (): Promise<void> => {
      await vscode.commands.executeCommand('attune.insertReflection');
      await vscode.commands.executeCommand('attune.insertInSessionRepair');
      await vscode.commands.executeCommand('attune.showRepairGuide', ref);
      await vscode.commands.executeCommand('attune.holdAtTheirPace', ref);
      await vscode.commands.executeCommand('attune.planRepair', ref);
      await vscode.commands.executeCommand('attune.recordAttempt', { ...ref });
      await vscode.commands.executeCommand('attune.setStatus', ref, 'planned');
      await editor.document.save();
      await vscode.commands.executeCommand('attune.markRepaired', ref);
      await vscode.commands.executeCommand('attune.reopen', ref);
      await vscode.commands.executeCommand('attune.closeWithoutRepair', ref);
      await vscode.commands.executeCommand('attune.nextRupture');
      await vscode.commands.executeCommand('attune.previousRupture');
      // A stale reference: the heading is no longer on that line.
      await vscode.commands.executeCommand('attune.markRepaired', { path: uri.toString(), line: 0, title });
      // A note that vanished.
      await vscode.commands.executeCommand('attune.markRepaired', { path: uriOf('TR/gone.md').toString(), line: 5, title });
      await vscode.commands.executeCommand('attune.refresh');
      await api.workspace.ready();
      // Binary and oversized files are skipped with a notice that names files, not contents.
      writeNote('TR/binary.md', Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, ...Buffer.from(PLANTED)]));
      await vscode.commands.executeCommand('attune.refresh');
      await api.workspace.ready();
      fs.unlinkSync(uriOf('TR/binary.md').fsPath);
    };
    // "What told you it feels mended?" is answered with the planted phrase too: it must not leak either.
    const answer = (() => Promise.resolve(`she said ${PLANTED}`)) as typeof vscode.window.showInputBox;
    const win = vscode.window as unknown as Record<string, unknown>;
    const original = win.showInputBox;
    win.showInputBox = answer;
    try {
      await runEveryCommand();
    } finally {
      win.showInputBox = original;
    }

    const everything = [...api.log.lines(), ...shown];
    assert.ok(everything.length > 0, 'Attune did log and notify during the run');
    assert.ok(shown.some((s) => /binary/.test(s) || /skipped/.test(s)), 'the skipped file was reported');
    const leaks = everything.filter((line) => line.includes(PLANTED));
    assert.deepStrictEqual(leaks, [], 'no note text in any log line or message');
  });

  it('made no network request of its own while the suite ran', () => {
    assert.deepStrictEqual(networkCalls(), []);
  });
});
