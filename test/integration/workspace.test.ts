import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, closeAll, nodeByTitle, open, parsesOf, settled, treeRows, uriOf, waitFor, writeNote } from './helpers';

const NOTES = 2000;

describe('the workspace while a scan runs (issue 10)', () => {
  let api: AttuneApi;

  before(async () => {
    api = await activateAttune();
  });

  after(async () => {
    await closeAll();
    fs.rmSync(uriOf('bulk').fsPath, { recursive: true, force: true });
    await api.workspace.rescan();
  });

  it('keeps edits made during a scan of 2,000 notes: the tree shows exactly the edited state', async function () {
    this.timeout(120_000);
    // 2,000 notes; note 0 has no rupture yet, note 1 has one.
    for (let i = 0; i < NOTES; i++) {
      const body = i === 1 ? '## Said too much too early #rupture/open\n' : `Notes of the session, ${'a quiet hour. '.repeat(40)}\n`;
      writeNote(`bulk/Z${i % 40}/2026-01-${String((i % 28) + 1).padStart(2, '0')}-${i}.md`, `---\nclient: Z${i % 40}\n---\n# Session\n\n${body}`);
    }
    await api.workspace.rescan();
    // The watcher's own reports of the new notes come in late; let them pass before the race below.
    await settled(api);
    const gaining = uriOf('bulk/Z0/2026-01-01-0.md');
    const losing = uriOf('bulk/Z1/2026-01-02-1.md');
    assert.ok(treeRows(api).some((r) => r.includes('Said too much too early')));
    const gain = await vscode.workspace.openTextDocument(gaining);
    const lose = await vscode.workspace.openTextDocument(losing);

    // The two edits and a scan of every note start together: the edits reach the extension
    // host while the scan reads (the exact interleavings are unit-tested over an in-memory host).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(gaining, new vscode.Position(gain.lineCount - 1, 0), '\n## Missed the grief in the room #rupture\n');
    edit.replace(losing, lose.lineAt(5).range, '## Said too much too early, on reflection not a rupture');
    const editing = vscode.workspace.applyEdit(edit);
    const scan = api.workspace.rescan();
    assert.ok(await editing);
    await scan;

    await waitFor('the edited state in the tree', () => {
      const rows = treeRows(api);
      return rows.some((r) => r.includes('Missed the grief in the room')) && !rows.some((r) => r.includes('Said too much too early'));
    });
    // And it stays so: nothing from the scan comes back over the edits.
    await new Promise((r) => setTimeout(r, 500));
    const rows = treeRows(api);
    assert.ok(rows.some((r) => r.includes('Missed the grief in the room')));
    assert.ok(!rows.some((r) => r.includes('Said too much too early')));
    assert.strictEqual(api.workspace.index.get(gaining.toString())?.entries.length, 1);
    assert.strictEqual(api.workspace.index.get(losing.toString())?.entries.length, 0);
  });

  it('parses an unchanged open note once for all its lens requests', async () => {
    const editor = await open(uriOf('bulk/Z2/2026-01-03-2.md'));
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', editor.document.uri);
    // The watcher's late reports of the 2,000 new notes are parses of other notes.
    await settled(api);
    const before = api.workspace.workspace.parses;
    for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('vscode.executeCodeLensProvider', editor.document.uri);
    assert.strictEqual(api.workspace.workspace.parses, before);
  });

  it('parses a note once for a status change from the tree (the note not yet open)', async () => {
    const uri = writeNote('bulk/PO/2026-02-01.md', '# Session\n\n## Quoted the policy too quickly #rupture/open\n\nShe went quiet.\n');
    const node = await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Quoted the policy too quickly'));
    await settled(api);
    // Parses of this note only: the watcher may still report other notes written by earlier tests.
    const parsed = parsesOf(api, uri.toString());
    try {
      assert.strictEqual(await vscode.commands.executeCommand('attune.setStatus', node, 'attempted'), true);
      await waitFor('the new status in the index', () => api.workspace.index.get(uri.toString())?.entries[0]?.status === 'attempted');
      await settled(api);
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
      assert.strictEqual(parsed.count(), 1, parsed.where());
    } finally {
      parsed.stop();
    }
  });
});

