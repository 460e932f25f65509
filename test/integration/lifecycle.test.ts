import * as assert from 'assert';
import * as vscode from 'vscode';
import { isFilled } from '../../src/core/notes/fields';
import { parseNote } from '../../src/core/notes/note';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, answering, closeAll, nodeByTitle, open, readDisk, todayIso, treeRows, waitFor, writeNote } from './helpers';

/** Every field of a note that reads as an answer (static guidance left out). */
function answers(text: string): string[] {
  const note = parseNote(text, { path: 'x.md', folderName: 'X', fileName: 'x.md' });
  return [...note.fields, ...note.entries.flatMap((e) => e.fields)]
    .filter((f) => isFilled(f.value) && f.label !== 'If they start looking after me')
    .map((f) => `${f.label}: ${f.value}`);
}

describe('Issue 11: held, in-session repair, nothing false, no scores', () => {
  let api: AttuneApi;

  before(async () => {
    api = await activateAttune();
  });

  afterEach(closeAll);

  it('holds a rupture at their pace from the view, and takes it back out', async () => {
    const uri = writeNote('HP/2026-11-16.md', '## Pressed on the grief #rupture/planned\n\n- **Opening line:** Can we go back?\n');
    const node = await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Pressed on the grief'));
    assert.strictEqual(api.tree.getTreeItem(node).contextValue, 'attune.rupture.planned');
    const before = api.tree.count;
    assert.strictEqual(await vscode.commands.executeCommand('attune.holdAtTheirPace', node), true);
    await waitFor('the tag on disk', () => readDisk(uri).toString('utf8').startsWith('## Pressed on the grief #rupture/held\n'));
    await waitFor('the rupture in the held group', () => treeRows(api).includes('  HP · Pressed on the grief | '));
    const top = api.tree.getChildren();
    const group = top[top.length - 1];
    const groupItem = api.tree.getTreeItem(group);
    assert.strictEqual(groupItem.label, 'Waiting at their pace');
    assert.strictEqual(groupItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.strictEqual(groupItem.description, undefined, 'no count on the group');
    assert.strictEqual(api.tree.count, before - 1, 'a held rupture is not counted');
    const held = nodeByTitle(api, 'Pressed on the grief');
    assert.ok(held && held.kind === 'entry' && held.parent?.by === 'held');
    const item = api.tree.getTreeItem(held);
    assert.strictEqual(item.contextValue, 'attune.rupture.held');
    assert.doesNotMatch(String(item.description), /noted|day/, 'no age and no date');
    assert.strictEqual(item.accessibilityInformation?.label, 'Pressed on the grief, waiting at their pace, client HP', 'its name says it waits, with no date');
    await vscode.commands.executeCommand('attune.openEntry', held);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepStrictEqual(
      lenses.filter((l) => l.range.start.line === 0).map((l) => l.command?.title),
      ['Rupture: waiting at their pace', 'Plan repair', 'Close without repair', 'Reopen', 'Repair conversation guide'],
    );
    assert.strictEqual(await vscode.commands.executeCommand('attune.reopen', held), true);
    await waitFor('the rupture back in the main list', () => {
      const back = nodeByTitle(api, 'Pressed on the grief');
      return back?.kind === 'entry' && back.parent?.by === 'client' && api.tree.count === before;
    });
    await waitFor('the tag on disk', () => readDisk(uri).toString('utf8').startsWith('## Pressed on the grief #rupture/open\n'));
  });

  it('inserts an in-session repair, already tagged repaired, from the lens command', async () => {
    const original = '# Session\n\nWe talked about her sister.\n';
    const uri = writeNote(`IS/${todayIso()}.md`, original);
    const editor = await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.title === 'Insert in-session repair');
    assert.ok(lens?.command);
    assert.ok(await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? [])));
    await vscode.commands.executeCommand('type', { text: 'Named the miss about her sister' });
    const text = editor.document.getText();
    assert.ok(text.startsWith(`${original}\n## Named the miss about her sister #rupture/repaired\n\n- **What happened (just the facts):** `), text);
    assert.match(text, /- \*\*What I did in the moment:\*\* /);
    assert.match(text, /- \*\*How it landed:\*\* /);
    assert.match(text, /- \*\*Anything to come back to:\*\* /);
    await editor.document.save();
    await waitFor('indexed as repaired', () => api.workspace.index.get(uri.toString())?.entries[0]?.status === 'repaired');
    assert.ok(!nodeByTitle(api, 'Named the miss about her sister'), 'a repaired rupture is not in the view');
  });

  it('leaves no false answer when Esc comes right after inserting a reflection', async () => {
    const uri = writeNote('EE/2026-11-17.md', '# Session\n\n');
    const editor = await open(uri);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    assert.ok(await vscode.commands.executeCommand('attune.insertReflection'));
    await vscode.commands.executeCommand('hideSuggestWidget');
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.match(text, /#rupture\/open/);
    assert.deepStrictEqual(answers(text), [], text);
    assert.match(text, /\*\*Kind of miss:\*\* \(not filled in\)$/m);
    assert.match(text, /\*\*Markers:\*\* \(not filled in\)$/m);
    assert.match(text, /\*\*The part of me that led:\*\* \(not filled in\)$/m);
    assert.strictEqual(parseNote(text, { path: 'x', folderName: 'EE', fileName: 'x.md' }).entries[0].opener, undefined, 'no opening line yet');
  });

  it('prefills a repair plan with the opening line already written, and keeps it as the opener', async () => {
    const uri = writeNote('PF/2026-11-18.md', '## Too quick #rupture/open\n\n- **Opening line:** "I have been thinking about Tuesday."\n');
    await waitFor('indexed', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const editor = await open(uri);
    assert.strictEqual(await vscode.commands.executeCommand('attune.planRepair', { path: uri.toString(), line: 0 }), true);
    await vscode.commands.executeCommand('hideSuggestWidget');
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.match(text, /^- \*\*Opening line:\*\* I have been thinking about Tuesday\.$/m);
    assert.strictEqual(parseNote(text, { path: 'x', folderName: 'PF', fileName: 'x.md' }).entries[0].opener, 'I have been thinking about Tuesday.');
  });

  it('marks repaired with what told me it is mended, in one undoable edit', async () => {
    const original = '## Fee said coldly #rupture/attempted\n\n- **How it landed:** softer\n\n## Next time\n';
    const uri = writeNote('MR/2026-11-19.md', original);
    await waitFor('indexed', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const editor = await open(uri);
    const prompts: string[] = [];
    const ok = await answering(
      'showInputBox',
      ((options?: vscode.InputBoxOptions) => {
        prompts.push(options?.prompt ?? '');
        return Promise.resolve('she brought it up herself and smiled');
      }) as typeof vscode.window.showInputBox,
      async () => vscode.commands.executeCommand('attune.markRepaired', { path: uri.toString(), line: 0 }),
    );
    assert.strictEqual(ok, true);
    assert.match(prompts[0], /What told you it feels mended\?/);
    assert.strictEqual(
      editor.document.getText(),
      `## Fee said coldly #rupture/repaired\n\n- **How it landed:** softer\n- **What told me it is mended:** she brought it up herself and smiled (${todayIso()})\n\n## Next time\n`,
    );
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  it('Esc on Mark repaired changes nothing; Enter on an empty line marks it repaired without a line', async () => {
    const original = '## Fee said coldly #rupture/attempted\n\n- **How it landed:** softer\n';
    const uri = writeNote('ME/2026-11-19.md', original);
    await waitFor('indexed', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const editor = await open(uri);
    const mark = (answer: string | undefined): Thenable<unknown> =>
      answering('showInputBox', (() => Promise.resolve(answer)) as typeof vscode.window.showInputBox, async () =>
        vscode.commands.executeCommand('attune.markRepaired', { path: uri.toString(), line: 0 }),
      );
    assert.strictEqual(await mark(undefined), false);
    assert.strictEqual(editor.document.getText(), original, 'Esc changed the note');
    assert.strictEqual(await mark(''), true);
    assert.strictEqual(editor.document.getText(), original.replace('#rupture/attempted', '#rupture/repaired'));
  });

  it('opens the repair conversation guide read-only beside the note, writing nothing into it', async () => {
    const original = '## Too deep #rupture/open\n';
    const uri = writeNote('RG/2026-11-19.md', original);
    const editor = await open(uri);
    assert.strictEqual(await vscode.commands.executeCommand('attune.showRepairGuide', { path: uri.toString(), line: 0 }), true);
    // Rendered in a markdown preview beside the note, not as raw markdown in an editor.
    const preview = await waitFor('the rendered guide beside the note', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs.map((t) => ({ t, column: g.viewColumn })))
        .find(({ t }) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /Repair conversation guide/.test(t.label)),
    );
    assert.notStrictEqual(preview.column, editor.viewColumn, 'beside the note');
    assert.strictEqual(
      vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'attune-guide'),
      false,
      'the guide is shown as raw markdown',
    );
    assert.ok(
      vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()),
      'the note stays in sight',
    );
    const guide = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'attune-guide', path: '/Repair conversation guide.md' }));
    assert.match(guide.getText(), /^# The repair conversation/);
    assert.match(guide.getText(), /Listen before explaining/);
    assert.strictEqual(editor.document.getText(), original);
    assert.strictEqual(editor.document.isDirty, false);
    // A virtual document: no file behind it, and nowhere it could be saved to.
    assert.strictEqual(guide.uri.scheme, 'attune-guide');
    assert.notStrictEqual(vscode.workspace.fs.isWritableFileSystem('attune-guide'), true);
  });

  it('Attune: Help opens the guide, rendered', async () => {
    await vscode.commands.executeCommand('attune.help');
    await waitFor('the README in a markdown preview', () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /README/.test(t.label)),
    );
  });

  it('Ctrl+Alt+] in a note without ruptures says so', async () => {
    const uri = writeNote('NR/2026-11-19.md', '# Session\n\nA quiet hour.\n');
    await open(uri);
    const said: string[] = [];
    await answering(
      'showInformationMessage',
      ((text: string) => {
        said.push(text);
        return Promise.resolve(undefined);
      }) as typeof vscode.window.showInformationMessage,
      async () => vscode.commands.executeCommand('attune.nextRupture'),
    );
    assert.match(said.join('\n'), /no rupture entries/);
  });

  it('shows a badge and per-client numbers only when asked', async () => {
    const attune = vscode.workspace.getConfiguration('attune');
    assert.strictEqual(api.view.badge, undefined);
    try {
      await attune.update('numberOnAttuneIcon', true, vscode.ConfigurationTarget.Workspace);
      await attune.update('showCounts', true, vscode.ConfigurationTarget.Workspace);
      await waitFor('the badge', () => api.view.badge?.value === api.tree.count);
      await waitFor('per-client numbers', () => treeRows(api).includes('C104 | 1 to revisit'));
    } finally {
      await attune.update('numberOnAttuneIcon', undefined, vscode.ConfigurationTarget.Workspace);
      await attune.update('showCounts', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the badge gone', () => api.view.badge === undefined);
  });
});
