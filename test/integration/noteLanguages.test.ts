// Issue 30: with attune.templateLanguage set to German, the lens inserts the German reflection.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, closeAll, open, todayIso, waitFor, writeNote } from './helpers';

describe('Templates in the template language, in a real VS Code', () => {
  let api: AttuneApi;
  before(async () => {
    api = await activateAttune();
  });
  afterEach(closeAll);

  it('inserts the German reflection from the lens when the template language is German', async () => {
    const config = vscode.workspace.getConfiguration('attune');
    await config.update('templateLanguage', 'de', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = writeNote(`DE/${todayIso()}.md`, '# Sitzung\n\nWir sprachen über die Arbeit.\n');
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      await waitFor(
        'the German templates',
        () => api.workspace.templates.for(folder).find((t) => t.id === 'rupture-reflection')?.name === 'Reflexion eines Allianzbruchs',
      );
      const editor = await open(uri);
      assert.ok(await vscode.commands.executeCommand('attune.insertReflection', uri, 2));
      await vscode.commands.executeCommand('type', { text: 'Zu schnell in die Tiefe' });
      const text = editor.document.getText();
      assert.ok(text.includes('\n## Zu schnell in die Tiefe #rupture/open\n'), text);
      for (const label of [
        '**Art des Bruchs:** (nicht ausgefüllt)',
        '**Marker:**',
        '**Der Anteil in mir, der geführt hat:**',
        '**Einstiegssatz:**',
        '**In die Supervision mitnehmen?**',
      ]) {
        assert.ok(text.includes(label), label);
      }
      assert.ok(!text.includes('Kind of miss'), 'no English label');
      await editor.document.save();
      // The German note is read by key: its planned opening line is the German field's.
      await waitFor('the entry in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    } finally {
      await config.update('templateLanguage', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
