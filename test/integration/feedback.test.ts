import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, answering, closeAll, open, readDisk, todayIso, uriOf, waitFor, writeNote } from './helpers';

/** Answers the input boxes in turn, recording the value each one offered. */
function inputs(answers: (string | undefined)[], offered: (string | undefined)[]): typeof vscode.window.showInputBox {
  return (async (options?: vscode.InputBoxOptions) => {
    offered.push(options?.value);
    return answers.shift();
  }) as typeof vscode.window.showInputBox;
}

describe('Feedback in a real VS Code', () => {
  let api: AttuneApi;

  before(async () => {
    api = await activateAttune();
  });

  afterEach(closeAll);

  it('Record Feedback Score writes the field under "Between us", keeping CRLF and the BOM, and one undo takes it back', async () => {
    const body =
      '---\r\nclient: R.F.\r\ndate: 2026-11-13\r\n---\r\n\r\n# Session\r\n\r\n## Between us\r\n\r\n- **Feedback I asked for, and what I heard:** fine\r\n\r\n## Next time\r\n';
    const uri = writeNote('RF/2026-11-13.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
    const editor = await open(uri);
    const offered: (string | undefined)[] = [];
    const ok = await answering('showInputBox', inputs(['7', '10'], offered), async () => vscode.commands.executeCommand('attune.recordFeedbackScore'));
    assert.strictEqual(ok, true);
    const recorded = body.replace('fine\r\n', 'fine\r\n- **Alliance feedback score:** 7/10\r\n');
    assert.strictEqual(editor.document.getText(), recorded);
    await editor.document.save();
    assert.deepStrictEqual(readDisk(uri), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(recorded)]), 'BOM and CRLF kept on disk');
    await waitFor('the score in the index', () => api.workspace.index.get(uri.toString())?.feedback.some((f) => f.value === '7/10'));

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), body, 'one undo restores the note exactly');
    await editor.document.save();
    assert.deepStrictEqual(readDisk(uri), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
  });

  it('replaces an existing score in place, remembers the maximum, and adds "Between us" when a note has none', async () => {
    const withScore = writeNote('RF/2026-11-20.md', '# Session\n\n## Between us\n\n- **Alliance feedback score (if we use one):** 30/40, a little flat\n');
    let editor = await open(withScore);
    const offered: (string | undefined)[] = [];
    await answering('showInputBox', inputs(['33', '40'], offered), async () => vscode.commands.executeCommand('attune.recordFeedbackScore'));
    assert.deepStrictEqual(offered, ['30', '40'], 'the boxes offer the score and maximum already there');
    assert.strictEqual(editor.document.getText(), '# Session\n\n## Between us\n\n- **Alliance feedback score (if we use one):** 33/40, a little flat\n');

    const bare = writeNote('RF/2026-11-27.md', '# Session\n\nWe talked.\n\n## Next time\n\nGo slowly.\n');
    editor = await open(bare);
    offered.length = 0;
    await answering('showInputBox', inputs(['35', '40'], offered), async () => vscode.commands.executeCommand('attune.recordFeedbackScore'));
    assert.deepStrictEqual(offered, ['', '40'], 'the maximum is remembered for the workspace');
    assert.strictEqual(
      editor.document.getText(),
      '# Session\n\nWe talked.\n\n## Between us\n\n- **Alliance feedback score:** 35/40\n\n## Next time\n\nGo slowly.\n',
    );
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), '# Session\n\nWe talked.\n\n## Next time\n\nGo slowly.\n');

    offered.length = 0;
    const before = editor.document.getText();
    assert.strictEqual(
      await answering('showInputBox', inputs([undefined], offered), async () => vscode.commands.executeCommand('attune.recordFeedbackScore')),
      false,
    );
    assert.strictEqual(editor.document.getText(), before, 'dismissing the box changes nothing');
  });

  it('shows the scores, the words heard last time and a gentle check-in in the checklist after a dip, and the scores in the client’s tooltip', async () => {
    const first = writeNote(
      'FK/2026-11-01.md',
      '---\nclient: F.K.\ndate: 2026-11-01\n---\n\n## Went deep too fast #rupture/open\n\n## Between us\n\n- **Feedback I asked for, and what I heard:** Helpful.\n- **Alliance feedback score (if we use one):** 9/10\n',
    );
    const second = writeNote(
      'FK/2026-11-08.md',
      '---\nclient: F.K.\ndate: 2026-11-08\n---\n\n## Between us\n\n- **Feedback I asked for, and what I heard:** Felt rushed at the end.\n- **Alliance feedback score (if we use one):** 6/10\n',
    );
    await waitFor(
      'both notes indexed with their scores',
      () => api.workspace.index.get(first.toString()) && api.workspace.index.get(second.toString())?.feedback.length === 2,
    );
    const group = await waitFor('F.K. in the view', () => api.tree.clientGroup('F.K.'));
    assert.match(String(api.tree.getTreeItem(group).tooltip), /\nRecent feedback scores: 9\/10 \(2026-11-01\), 6\/10 \(2026-11-08\)$/);

    assert.strictEqual(await vscode.commands.executeCommand('attune.prepareForSession', 'F.K.'), true);
    const uri = uriOf(`FK/${todayIso()}.md`);
    const editor = await waitFor(
      'today’s note',
      () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor,
    );
    const text = editor.document.getText();
    assert.ok(text.includes('\n\nRecent feedback scores, oldest first: 9/10 (2026-11-01), 6/10 (2026-11-08).\n\n'), text);
    assert.ok(text.includes('What you heard when you asked for feedback last time (2026-11-08):\n> "Felt rushed at the end."\n'), text);
    assert.ok(
      text.includes(
        '- [ ] Their feedback score last time was lower than the time before. Early on, check in gently about how the last session was for them, and thank them for telling you.\n',
      ),
      text,
    );
    assert.ok(text.indexOf('Return to: [Went deep too fast]') < text.indexOf('Recent feedback scores'), 'the ruptures come first');
    assert.ok(text.indexOf('thank them for telling you') < text.indexOf('own state'), 'then feedback, then the clinician’s checks');
  });

  it('suggests a check-in when the latest score is below the clinician’s own threshold', async () => {
    const first = writeNote('FT/2026-11-01.md', '---\nclient: F.T.\ndate: 2026-11-01\n---\n\n- **Alliance feedback score:** 5/10\n');
    const latest = writeNote('FT/2026-11-08.md', '---\nclient: F.T.\ndate: 2026-11-08\n---\n\n- **Alliance feedback score:** 7/10\n');
    // Both notes, not only the latest: the file watcher may report them in either order.
    await waitFor('both notes indexed', () => [first, latest].every((uri) => api.workspace.index.get(uri.toString())?.feedback.length === 1));
    const attune = vscode.workspace.getConfiguration('attune');
    await attune.update('checkInWhenFeedbackBelow', 8, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('attune.prepareForSession', 'F.T.');
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.ok(text.includes('Recent feedback scores, oldest first: 5/10 (2026-11-01), 7/10 (2026-11-08).'), text);
      assert.ok(text.includes('- [ ] Their feedback score last time was below the number you chose to be reminded at.'), text);
    } finally {
      await attune.update('checkInWhenFeedbackBelow', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
