import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, closeAll, root, waitFor } from './helpers';

const MESSAGE_FUNCTIONS = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;

describe('Trust in the editor', () => {
  let api: AttuneApi;
  const shown: string[] = [];
  const originals = new Map<string, unknown>();

  before(async () => {
    api = await activateAttune();
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const name of MESSAGE_FUNCTIONS) {
      originals.set(name, win[name]);
      win[name] = (message: unknown) => {
        shown.push(String(message));
        return Promise.resolve(undefined);
      };
    }
  });

  after(async () => {
    const win = vscode.window as unknown as Record<string, unknown>;
    for (const [name, fn] of originals) win[name] = fn;
    await closeAll();
  });

  describe('the note size limit', () => {
    it('lowers a workspace asking for 1e9 MB to 64 MB, says so once without a path, and declares the setting restricted', async () => {
      const config = vscode.workspace.getConfiguration('attune', root());
      const before = shown.length;
      try {
        await config.update('maxNoteSizeMB', 1e9, vscode.ConfigurationTarget.Workspace);
        await waitFor('the new limit in use', () => api.workspace.workspace.settingsOf(root().toString()).maxNoteBytes !== 5 * 1024 * 1024);
        assert.strictEqual(api.workspace.workspace.settingsOf(root().toString()).maxNoteBytes, 64 * 1024 * 1024);
        await waitFor('the warning', () => shown.length > before);
        // Another scan reads the settings again: still one message.
        await api.workspace.rescan();
        const warnings = shown.slice(before).filter((m) => /maxNoteSizeMB/.test(m));
        assert.strictEqual(warnings.length, 1, warnings.join('\n'));
        assert.match(warnings[0], /64 MB/);
        assert.ok(!warnings[0].includes(root().fsPath), 'no path in the message');
      } finally {
        await config.update('maxNoteSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
      }
      const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune')?.packageJSON as {
        capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
      };
      for (const key of ['attune.notes.include', 'attune.notes.exclude', 'attune.maxNoteSizeMB']) {
        assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
      }
    });
  });
});
