import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, answering, closeAll, nodeByTitle, noted, open, parsesOf, readDisk, todayIso, treeRows, uriOf, waitFor, writeNote } from './helpers';

/** Runs `body` with "What told you it feels mended?" answered by Esc. */
function skipMended<R>(body: () => Thenable<R>): Promise<R> {
  return answering('showInputBox', (() => Promise.resolve('')) as typeof vscode.window.showInputBox, async () => body());
}

/** Attune: Insert Template, with the template of that label picked. */
function insertTemplate(label: string): Promise<unknown> {
  return answering(
    'showQuickPick',
    (<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>) =>
      Promise.resolve(items).then((list) => list.find((i) => i.label === label))) as typeof vscode.window.showQuickPick,
    async () => vscode.commands.executeCommand('attune.insertTemplate'),
  );
}

describe('Attune in a real VS Code', () => {
  let api: AttuneApi;

  before(async () => {
    api = await activateAttune();
  });

  afterEach(closeAll);

  it('lists every unrepaired rupture of the demo workspace by client, its status as its icon and in its name for screen readers, when it was noted, no counts', () => {
    const rows = treeRows(api);
    // Titles only, no description: the rows fit VS Code's default side bar width.
    assert.deepStrictEqual(rows.slice(0, 5), [
      'C104 | ',
      '  A suggestion that landed badly | ',
      'C215 | ',
      '  The fee, delivered coldly | ',
      '  Talking through the exposure | ',
    ]);
    const spoken = (title: string): [string, string] => {
      const node = nodeByTitle(api, title);
      assert.ok(node);
      const item = api.tree.getTreeItem(node);
      return [(item.iconPath as vscode.ThemeIcon).id, item.accessibilityInformation?.label ?? ''];
    };
    assert.deepStrictEqual(spoken('A suggestion that landed badly'), [
      'edit',
      `A suggestion that landed badly, repair planned, ${noted('2026-11-06')}, client C104`,
    ]);
    assert.deepStrictEqual(spoken('The fee, delivered coldly'), [
      'comment-discussion',
      `The fee, delivered coldly, repair attempted, ${noted('2026-10-30')}, client C215`,
    ]);
    assert.deepStrictEqual(spoken('Talking through the exposure'), [
      'circle-large-outline',
      `Talking through the exposure, open, ${noted('2026-11-20')}, client C215`,
    ]);
    assert.ok(!rows.some((r) => /\bdays?\b|unrepaired/.test(r)), 'no day counts, no per-client counts');
    assert.strictEqual(api.view.badge, undefined, 'no badge by default');
    assert.ok(!rows.some((r) => r.includes('code block')), 'a heading inside a code block is not listed');
    assert.ok(!rows.some((r) => r.includes('Too deep')), 'a repaired rupture is not listed');
  });

  it('shows a tooltip with the note, the date and the planned opening line', () => {
    const node = nodeByTitle(api, 'A suggestion that landed badly');
    assert.ok(node);
    const item = api.tree.getTreeItem(node);
    const tooltip = String(item.tooltip);
    assert.match(tooltip, /repair planned · C104/);
    assert.match(tooltip, /C104\/2026-11-06\.md, line 16/);
    assert.match(tooltip, /2026-11-06/);
    assert.match(tooltip, /I've been thinking about the film I mentioned last time/);
    assert.deepStrictEqual(item.command?.arguments, [uriOf('C104/2026-11-06.md').toString(), 15]);
  });

  it('shows no opening line for a rupture waiting at their pace: held, or its latest word says they are not ready', async () => {
    const uri = writeNote(
      'WP/2026-11-03.md',
      [
        '---',
        'client: WP',
        'date: 2026-11-03',
        '---',
        '',
        '## Not yet #rupture/attempted',
        '',
        '- **Opening line:** "Can we go back to the fee?"',
        '',
        '### Repair attempt, 2026-11-10',
        '',
        '- **Where it stands:** they are not ready; I will wait at their pace',
        '',
        '## Later #rupture/held',
        '',
        '- **Opening line:** "About the letter..."',
        '',
        '## Still to revisit #rupture/planned',
        '',
        '- **Opening line:** "Shall we look at Tuesday?"',
        '',
      ].join('\n'),
    );
    try {
      await api.workspace.refreshNow(uri);
      const tooltip = (title: string): string => {
        const node = nodeByTitle(api, title);
        assert.ok(node, title);
        return String(api.tree.getTreeItem(node).tooltip);
      };
      await waitFor('the ruptures in the view', () => nodeByTitle(api, 'Still to revisit') && nodeByTitle(api, 'Later') && nodeByTitle(api, 'Not yet'));
      assert.match(tooltip('Still to revisit'), /Opening line: .*Shall we look at Tuesday/);
      assert.doesNotMatch(tooltip('Not yet'), /Opening line|Can we go back/);
      assert.doesNotMatch(tooltip('Later'), /Opening line|About the letter/);
    } finally {
      fs.rmSync(uri.fsPath);
      await api.workspace.refreshNow(uri);
    }
  });

  it('puts status, age and next steps over a rupture heading, and an insert lens over the first heading', async () => {
    await open(uriOf('C104/2026-11-06.md'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uriOf('C104/2026-11-06.md'));
    const byLine = new Map<number, string[]>();
    for (const lens of lenses) {
      const titles = byLine.get(lens.range.start.line) ?? [];
      titles.push(lens.command?.title ?? '');
      byLine.set(lens.range.start.line, titles);
    }
    assert.deepStrictEqual(byLine.get(5), ['Insert rupture reflection', 'Insert in-session repair']);
    assert.deepStrictEqual(byLine.get(15), [
      `Rupture: planned · ${noted('2026-11-06')}`,
      'Record repair attempt',
      'Mark repaired',
      'Hold at their pace',
      'Close without repair',
      'Repair conversation guide',
    ]);
  });

  it('offers Hold at their pace first, and Mark repaired last, when the latest attempt says they are not ready', async () => {
    const text =
      '## The fee letter #rupture/attempted\n\n### Repair attempt, 2026-11-12\n\n- **Where it stands:** they are not ready; I will wait at their pace\n';
    const uri = writeNote('NR/2026-11-10.md', text);
    await waitFor('indexed', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.filter((l) => l.range.start.line === 0).map((l) => l.command?.title ?? '');
    try {
      assert.deepStrictEqual(titles.slice(1, 6), ['Hold at their pace', 'Record another attempt', 'Plan repair', 'Close without repair', 'Mark repaired']);
    } finally {
      await closeAll();
      fs.rmSync(uri.fsPath);
      await waitFor('the note gone from the index', () => !api.workspace.index.get(uri.toString()));
    }
  });

  it('inserts a reflection from the lens, with the cursor in the title, and lists it once saved', async () => {
    const original = '---\nclient: G.H.\n---\n\n# Session\n\nWe talked about work.\n';
    const uri = writeNote(`GH/${todayIso()}.md`, original);
    const editor = await open(uri);
    assert.ok(await vscode.commands.executeCommand('attune.insertReflection', uri, 4));
    await vscode.commands.executeCommand('type', { text: 'Rushed past the grief' });
    const text = editor.document.getText();
    assert.ok(text.startsWith(original.trimEnd() + '\n\n## Rushed past the grief #rupture/open\n'), 'the note is untouched up to the new heading');
    assert.match(text, /\*\*Opening line:\*\*/);
    await editor.document.save();
    assert.match(readDisk(uri).toString('utf8'), /## Rushed past the grief #rupture\/open/);
    await waitFor('the new rupture in the tree', () => treeRows(api).includes('  Rushed past the grief | '));
    assert.ok(treeRows(api).includes('G.H. | '));
  });

  it('plans a repair: the tag becomes planned, the plan is appended to the section, and one undo restores the note', async () => {
    const original = '# Session\n\n## Remark about the fee #rupture\n\nI quoted the policy.\n\n## Next time\n\nGo slowly.\n';
    const uri = writeNote('IJ/2026-11-02.md', original);
    await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const editor = await open(uri);
    const ok = await vscode.commands.executeCommand('attune.planRepair', { path: uri.toString(), line: 2, title: 'Remark about the fee' });
    assert.strictEqual(ok, true);
    const text = editor.document.getText();
    const head = '# Session\n\n## Remark about the fee #rupture/planned\n\nI quoted the policy.\n\n### Repair plan, ';
    assert.ok(text.startsWith(head), `plan appended after the section's text:\n${text}`);
    assert.ok(text.endsWith('\n\n## Next time\n\nGo slowly.\n'), 'the next section is untouched');
    assert.match(text, /\*\*Opening line:\*\*/);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  it('marks a rupture repaired from the tree: it leaves the tree and only the tag bytes change on disk (CRLF, BOM, trailing spaces kept)', async () => {
    const original = Buffer.from('\uFEFF# Session  \r\n\r\n## Went too deep #rupture/open\r\n\r\nNotes with trailing space   \r\n', 'utf8');
    const uri = writeNote('KL/2026-11-03.md', original);
    const node = await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Went too deep'));
    const before = api.tree.count;
    assert.strictEqual(await skipMended(() => vscode.commands.executeCommand('attune.markRepaired', node)), true);
    const expected = Buffer.from(original.toString('utf8').replace('#rupture/open', '#rupture/repaired'), 'utf8');
    await waitFor('the file saved with the new tag', () => readDisk(uri).equals(expected));
    await waitFor('the rupture to leave the tree', () => !nodeByTitle(api, 'Went too deep') && api.tree.count === before - 1);
  });

  it("changes the status in the editor's unsaved text, keeping the user's edit and leaving the disk alone", async () => {
    const original = '## Fixing too early #rupture/open\n\nI offered a plan.\n';
    const uri = writeNote('UE/2026-11-14.md', original);
    const editor = await open(uri);
    await editor.edit((b) => b.insert(new vscode.Position(2, 17), ' She went quiet.'));
    const node = await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Fixing too early'));
    assert.strictEqual(await skipMended(() => vscode.commands.executeCommand('attune.markRepaired', node)), true);
    assert.strictEqual(editor.document.getText(), '## Fixing too early #rupture/repaired\n\nI offered a plan. She went quiet.\n');
    assert.strictEqual(editor.document.isDirty, true, 'a note with unsaved edits of the user is not saved by Attune');
    assert.strictEqual(readDisk(uri).toString('utf8'), original);
  });

  it('takes an inserted reflection back with one undo, to the exact original text', async () => {
    const original = '# Session\r\n\r\nSome text   \r\n\r\n## Next\r\n';
    const uri = writeNote('UN/2026-11-15.md', original);
    const editor = await open(uri);
    editor.selection = new vscode.Selection(2, 4, 2, 4);
    assert.ok(await vscode.commands.executeCommand('attune.insertReflection'));
    assert.ok(editor.document.getText().includes('#rupture/open\r\n'), "the template uses the note's CRLF line endings");
    assert.ok(editor.document.getText().startsWith('# Session\r\n\r\nSome text   \r\n\r\n## '), "inserted after the cursor's line");
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  it('records an attempt and closes without repair, each adding its template and setting the status', async () => {
    const uri = writeNote('MN/2026-11-04.md', '## Pressed advice #rupture/planned\n\nI insisted.\n');
    await waitFor('indexed', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const editor = await open(uri);
    await vscode.commands.executeCommand('attune.recordAttempt', { path: uri.toString(), line: 0 });
    let text = editor.document.getText();
    assert.ok(text.startsWith('## Pressed advice #rupture/attempted\n\nI insisted.\n\n### Repair attempt, '), text);
    assert.match(text, /\*\*How it landed:\*\*/);
    await vscode.commands.executeCommand('attune.closeWithoutRepair', { path: uri.toString(), line: 0 });
    text = editor.document.getText();
    assert.ok(text.startsWith('## Pressed advice #rupture/closed\n'), text);
    assert.match(text, /### Closing without repair, /);
  });

  it('sets the status of the rupture under the cursor, and reopens it', async () => {
    const uri = writeNote('OP/2026-11-05.md', 'Intro\n\n## Forgot the reunion #rupture/open\n\nI did not ask about it.\n');
    const editor = await open(uri);
    editor.selection = new vscode.Selection(4, 3, 4, 3);
    await vscode.commands.executeCommand('attune.setStatus', undefined, 'attempted');
    assert.strictEqual(editor.document.lineAt(2).text, '## Forgot the reunion #rupture/attempted');
    await vscode.commands.executeCommand('attune.reopen');
    assert.strictEqual(editor.document.lineAt(2).text, '## Forgot the reunion #rupture/open');
  });

  it('moves between ruptures with next and previous', async () => {
    const uri = writeNote('QR/2026-11-06.md', '# S\n\n## One #rupture\n\ntext\n\n## Two #rupture/planned\n\nmore\n');
    const editor = await open(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('attune.nextRupture');
    assert.strictEqual(editor.selection.active.line, 2);
    await vscode.commands.executeCommand('attune.nextRupture');
    assert.strictEqual(editor.selection.active.line, 6);
    await vscode.commands.executeCommand('attune.previousRupture');
    assert.strictEqual(editor.selection.active.line, 2);
  });

  it('shows a rupture typed into an unsaved editor, and drops it when the edit is reverted', async () => {
    const uri = writeNote('ST/2026-11-07.md', '# Session\n\nQuiet today.\n');
    const editor = await open(uri);
    await editor.edit((b) => b.insert(new vscode.Position(3, 0), '\n## Too quick to reassure #rupture\n'));
    await waitFor('the unsaved rupture in the tree', () => nodeByTitle(api, 'Too quick to reassure'));
    assert.strictEqual(readDisk(uri).toString('utf8'), '# Session\n\nQuiet today.\n', 'nothing was written to disk');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the reverted rupture to leave the tree', () => !nodeByTitle(api, 'Too quick to reassure'));
  });

  it('does not redraw the view when nothing it shows changed (a click then never lands on a dropped row)', async () => {
    const uri = writeNote('ST/2026-11-10.md', '# Session\n\n## Talked over her #rupture/open\n\nQuiet today.\n');
    const key = uri.toString();
    await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Talked over her'));
    // Each redraw is put down to the index change that caused it (the view redraws inside the
    // index's event, before this test hears it): changes of other notes, left by earlier
    // tests, may redraw the view; changes of this note that no row shows may not.
    let redrawn = false;
    const needless: string[] = [];
    let ownChanges = 0;
    const listening = [
      api.tree.onDidChangeTreeData(() => (redrawn = true)),
      api.workspace.onDidChange((change) => {
        const own = change.paths !== undefined && change.paths.size === 1 && change.paths.has(key);
        if (own) ownChanges++;
        if (own && redrawn) needless.push(`change ${ownChanges}`);
        redrawn = false;
      }),
    ];
    try {
      const editor = await open(uri);
      await editor.edit((b) => b.insert(new vscode.Position(4, 0), 'She laughed at the end. '));
      await waitFor('the index to read the edit', () => ownChanges >= 1);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitFor('the index to read the note again', () => ownChanges >= 2);
      assert.deepStrictEqual(needless, [], 'the view was redrawn although no row changed');
      // A real change still redraws it.
      let redraws = 0;
      listening.push(api.tree.onDidChangeTreeData(() => redraws++));
      writeNote('ST/2026-11-10.md', '# Session\n\n## Talked over her, twice #rupture/open\n');
      await waitFor('the new title in the tree', () => nodeByTitle(api, 'Talked over her, twice'));
      assert.ok(redraws >= 1, 'the view was not redrawn for a new title');
    } finally {
      listening.forEach((l) => l.dispose());
    }
  });

  it("drops a deleted note's ruptures from the tree", async () => {
    const uri = writeNote('UV/2026-11-08.md', '## Metaphor that hurt #rupture/open\n');
    await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Metaphor that hurt'));
    fs.unlinkSync(uri.fsPath);
    await waitFor('the rupture to leave the tree', () => !nodeByTitle(api, 'Metaphor that hurt'));
  });

  it('changes nothing, and says so, when the heading moved since the tree was drawn', async () => {
    const uri = writeNote('WX/2026-11-09.md', '## Moved away #rupture/open\n');
    const node = await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Moved away'));
    const changed = 'New first line\n\n## Moved away #rupture/open\n';
    fs.writeFileSync(uri.fsPath, changed);
    const warnings: string[] = [];
    const ok = await answering(
      'showWarningMessage',
      ((message: string) => {
        warnings.push(message);
        return Promise.resolve(undefined);
      }) as typeof vscode.window.showWarningMessage,
      async () => skipMended(() => vscode.commands.executeCommand('attune.markRepaired', node)),
    );
    assert.strictEqual(ok, false);
    assert.strictEqual(readDisk(uri).toString('utf8'), changed);
    assert.match(warnings.join('\n'), /no longer on line 1 of that note.*Nothing was changed/);
  });

  it('inserts a template chosen from the quick pick', async () => {
    const uri = writeNote('YZ/2026-11-10.md', '# Session\n\n');
    const editor = await open(uri);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await insertTemplate('After a hard session');
    assert.match(editor.document.getText(), /^# Session\n\n## After a hard session, \d{4}-\d{2}-\d{2}\n/);
    assert.match(editor.document.getText(), /\*\*Where I feel it in my body:\*\*/);
  });

  it("puts After a hard session inside the rupture the cursor is in, so its supervision answer is the rupture's", async () => {
    const uri = writeNote(
      'YZ/2026-11-11.md',
      '# Session\n\n## The fee talk #rupture/open\n\n- **What happened (just the facts):** I read out the fee policy.\n\n## Next time\n\nAsk about the week.\n',
    );
    const editor = await open(uri);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await insertTemplate('After a hard session');
    assert.match(
      editor.document.getText(),
      /fee policy\.\n\n### After a hard session, \d{4}-\d{2}-\d{2}\n[^#]*\*\*Take it to supervision\?\*\*[^#]*\n## Next time\n/,
    );
  });

  it('reads the templates once, not on every # typed, and again when a template file changes', async () => {
    const uri = writeNote('YZ/2026-11-12.md', '# Session\n\n');
    await open(uri);
    const complete = async (): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(1, 0), '#');
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    await complete();
    const reads = api.workspace.templates.reads;
    for (let i = 0; i < 5; i++) assert.ok((await complete()).includes('rupture reflection'), 'the reflection is offered');
    assert.strictEqual(api.workspace.templates.reads, reads, 'a completion read the templates folder again');
    // A workspace's own reflection template, added now, is used at the next insert.
    const drops = api.workspace.templates.drops;
    const own = writeNote('.attune/templates/rupture-reflection.md', '## Our own reflection #rupture/open\n\n- **Our own field:** \n');
    try {
      // As a user would: the next insert or completion asks for the templates.
      await waitFor('the templates to be read again', () => {
        api.workspace.templates.for(vscode.workspace.getWorkspaceFolder(uri));
        return api.workspace.templates.drops > drops;
      });
      const editor = await open(uri);
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      assert.ok(await vscode.commands.executeCommand('attune.insertReflection'));
      assert.match(editor.document.getText(), /\*\*Our own field:\*\*/);
      await vscode.commands.executeCommand('undo');
    } finally {
      fs.unlinkSync(own.fsPath);
    }
  });

  const newClient = (code: string): Promise<unknown> =>
    answering(
      'showQuickPick',
      (<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>) =>
        Promise.resolve(items).then((list) => list.find((i) => i.label.includes('New client')))) as typeof vscode.window.showQuickPick,
      () =>
        answering('showInputBox', (() => Promise.resolve(code)) as typeof vscode.window.showInputBox, async () =>
          vscode.commands.executeCommand('attune.newSessionNote'),
        ),
    );

  it('creates a session note for a new client from the session-note template', async () => {
    await newClient('Q.R.');
    const uri = uriOf(`Q.R./${todayIso()}.md`);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    // An unsaved note that will be saved at its place: nothing on disk until it is saved.
    assert.strictEqual(editor.document.uri.toString(), uri.with({ scheme: 'untitled' }).toString());
    assert.strictEqual(fs.existsSync(path.dirname(uri.fsPath)), false, "the client's folder was made before the note was saved");
    assert.ok(editor.document.getText().startsWith(`---\nclient: Q.R.\ndate: ${todayIso()}\n---\n\n# Session ${todayIso()}\n`), editor.document.getText());
    // The cursor waits where writing starts, in the first field under "## Between us", with
    // nothing selected: the first key typed must not replace the client's code.
    assert.ok(editor.selection.isEmpty, 'nothing is selected');
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line).text, '- **Feedback I asked for, and what I heard:** ');
    assert.strictEqual(editor.document.lineAt(editor.selection.active.line - 2).text, '## Between us');
  });

  it('opens an existing session note as it is, never overwriting it', async () => {
    const uri = writeNote(`S.T./${todayIso()}.md`, 'kept as it is\n');
    await waitFor('the note in the index', () => api.workspace.index.get(uri.toString()));
    await newClient('S.T.');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.getText(), 'kept as it is\n');
    assert.strictEqual(readDisk(uri).toString('utf8'), 'kept as it is\n');
  });

  it('completes #rupture/ with the statuses', async () => {
    const uri = writeNote('AC/2026-11-11.md', '## A miss #rupture/\n');
    await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 19), '/');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const s of ['open', 'planned', 'attempted', 'held', 'repaired', 'closed']) assert.ok(labels.includes(s), `offers ${s}`);
    // Each status says what it means in the list itself, not only when chosen.
    const statuses = ['open', 'planned', 'attempted', 'held', 'repaired', 'closed'];
    for (const i of list.items.filter((x) => statuses.includes(typeof x.label === 'string' ? x.label : x.label.label))) {
      assert.ok(typeof i.label !== 'string' && (i.label.description ?? '').length > 10, `a description beside ${JSON.stringify(i.label)}`);
    }
  });

  it('follows the cursor: the rupture under it is selected in the view', async () => {
    const uri = writeNote('FC/2026-11-12.md', '# S\n\n## Followed #rupture/open\n\nsome text\n');
    await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Followed'));
    await vscode.commands.executeCommand('attune.unrepaired.focus');
    const editor = await open(uri);
    editor.selection = new vscode.Selection(4, 2, 4, 2);
    await waitFor('the view to select the rupture', () => {
      const selected = api.view.selection[0];
      return selected?.kind === 'entry' && selected.entry.title === 'Followed';
    });
  });

  it('honours files.exclude and the insert-lens setting', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const attune = vscode.workspace.getConfiguration('attune');
    writeNote('archive/old/2020-01-01.md', '## Archived miss #rupture/open\n');
    await waitFor('the archived rupture in the tree', () => nodeByTitle(api, 'Archived miss'));
    try {
      await files.update('exclude', { '**/archive': true }, vscode.ConfigurationTarget.Workspace);
      await waitFor('the excluded rupture to leave the tree', () => !nodeByTitle(api, 'Archived miss'));
      await attune.update('insertButtonAboveHeadings', 'everyH2', vscode.ConfigurationTarget.Workspace);
      await open(uriOf('C318/2026-11-18.md'));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uriOf('C318/2026-11-18.md'));
      const lines = lenses.filter((l) => l.command?.title === 'Insert rupture reflection').map((l) => l.range.start.line);
      assert.deepStrictEqual(lines, [7, 11, 15], 'one insert lens over each ## heading');
    } finally {
      await files.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      await attune.update('insertButtonAboveHeadings', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the rupture back once the exclude is gone', () => nodeByTitle(api, 'Archived miss'));
  });

  it('reads a renamed setting by its old key until it moves, then moves it to the new key once (issue 26)', async () => {
    const settingsFile = uriOf('.vscode/settings.json');
    const before = fs.existsSync(settingsFile.fsPath) ? fs.readFileSync(settingsFile.fsPath, 'utf8') : undefined;
    const own = before && before.trim() !== '' ? (JSON.parse(before) as Record<string, unknown>) : {};
    const insertLines = async (): Promise<number[]> => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uriOf('C318/2026-11-18.md'));
      return lenses.filter((l) => l.command?.title === 'Insert rupture reflection').map((l) => l.range.start.line);
    };
    try {
      await open(uriOf('C318/2026-11-18.md'));
      // A settings file from before the rename, as a user's would be.
      fs.mkdirSync(path.dirname(settingsFile.fsPath), { recursive: true });
      fs.writeFileSync(settingsFile.fsPath, JSON.stringify({ ...own, 'attune.codeLens.insertReflection': 'everyH2' }, null, 2));
      await waitFor(
        'VS Code to read the old key',
        () => vscode.workspace.getConfiguration('attune').inspect('codeLens.insertReflection')?.workspaceValue === 'everyH2',
      );
      await waitFor('an insert lens over each ## heading, from the old key', async () => JSON.stringify(await insertLines()) === JSON.stringify([7, 11, 15]));
      assert.strictEqual(await api.moveRenamedSettings(), 1, 'one value moved');
      const attune = vscode.workspace.getConfiguration('attune');
      assert.strictEqual(attune.inspect('insertButtonAboveHeadings')?.workspaceValue, 'everyH2');
      assert.strictEqual(attune.inspect('codeLens.insertReflection')?.workspaceValue, undefined, 'the old key is gone');
      const after = JSON.parse(fs.readFileSync(settingsFile.fsPath, 'utf8')) as Record<string, unknown>;
      assert.ok(!('attune.codeLens.insertReflection' in after) && after['attune.insertButtonAboveHeadings'] === 'everyH2', JSON.stringify(after));
      assert.deepStrictEqual(await insertLines(), [7, 11, 15]);
      assert.strictEqual(await api.moveRenamedSettings(), 0, 'nothing moves twice');
      // The user's new choice is theirs: an old key seen later never overrides it.
      await attune.update('insertButtonAboveHeadings', 'off', vscode.ConfigurationTarget.Workspace);
      await waitFor('no insert lens once turned off', async () => (await insertLines()).length === 0);
    } finally {
      await vscode.workspace.getConfiguration('attune').update('insertButtonAboveHeadings', undefined, vscode.ConfigurationTarget.Workspace);
      if (before === undefined) fs.rmSync(settingsFile.fsPath, { force: true });
      else fs.writeFileSync(settingsFile.fsPath, before);
    }
  });

  describe('Prepare for session', () => {
    it("creates today's note in the client's folder with the checklist: the rupture, its link and its opening line, then the checks", async () => {
      assert.strictEqual(await vscode.commands.executeCommand('attune.prepareForSession', 'C104'), true);
      const uri = uriOf(`C104/${todayIso()}.md`);
      const editor = await waitFor(
        "today's note in an editor",
        () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor,
      );
      const text = editor.document.getText();
      assert.ok(text.startsWith(`---\nclient: C104\ndate: ${todayIso()}\n---\n`), text);
      assert.ok(text.includes('## Before the session\n'), text);
      assert.ok(text.includes(`- [ ] Perhaps revisit: [A suggestion that landed badly][revisit 1] (repair planned, ${noted('2026-11-06')})\n`), text);
      // The destination waits at the end of the section, where VS Code's markdown makes it a link to the older note.
      const definition = editor.document.getText().split('\n').indexOf('[revisit 1]: 2026-11-06.md#a-suggestion-that-landed-badly-ruptureplanned');
      assert.ok(definition > 0, text);
      const links = await waitFor("VS Code's markdown links in the note", async () => {
        const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri, 100);
        return found.some((l) => l.range.start.line === definition) && found;
      });
      const target = links.find((l) => l.range.start.line === definition)?.target;
      assert.ok(target && decodeURIComponent(target.toString()).includes('2026-11-06.md'), String(target));
      assert.ok(text.includes(`  > "I've been thinking about the film I mentioned last time, and I'd like to hear how that suggestion sat with you."`), text);
      assert.match(text, /- \[ \] .*own state/i);
      assert.ok(text.indexOf('## Before the session') < text.indexOf('## Between us'), 'the checklist comes first');
      assert.strictEqual(readDisk(uri).toString('utf8'), text, 'the new note is on disk');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.ok(!lenses.some((l) => /\d+ of \d+/.test(l.command?.title ?? '')), 'preparing is not scored by default');
    });

    it('opens an existing note as it is and does not add a second checklist', async () => {
      const uri = uriOf(`C104/${todayIso()}.md`);
      const before = readDisk(uri).toString('utf8');
      await vscode.commands.executeCommand('attune.prepareForSession', 'C104');
      assert.strictEqual(vscode.window.activeTextEditor?.document.getText(), before);
      assert.strictEqual(before.split('## Before the session').length, 2, 'one checklist');
      const other = writeNote(`C318/${todayIso()}.md`, '# Today\n\nAlready started.\n');
      await waitFor('indexed', () => api.workspace.index.get(other.toString()));
      await vscode.commands.executeCommand('attune.prepareForSession', 'C318');
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.ok(text.startsWith('# Today\n\n## Before the session\n\nSafety first: '), text);
      assert.ok(text.endsWith('\n\nAlready started.\n'), "the note's own text is kept");
    });

    it('ticks a task item by changing only the character between the brackets', async () => {
      const original = '## Before the session\r\n\r\n- [ ] Ask for feedback at the end  \r\n- [x] Own state\r\n';
      const uri = writeNote('TK/2026-11-13.md', original);
      const editor = await open(uri);
      editor.selection = new vscode.Selection(2, 4, 2, 4);
      await vscode.commands.executeCommand('attune.toggleTask');
      assert.strictEqual(editor.document.getText(), original.replace('- [ ] Ask', '- [x] Ask'));
      editor.selection = new vscode.Selection(3, 0, 3, 0);
      await vscode.commands.executeCommand('attune.toggleTask');
      assert.strictEqual(editor.document.getText(), original.replace('- [ ] Ask', '- [x] Ask').replace('- [x] Own', '- [ ] Own'));
      const attune = vscode.workspace.getConfiguration('attune');
      try {
        await attune.update('checklist.showProgress', true, vscode.ConfigurationTarget.Workspace);
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        assert.ok(
          lenses.some((l) => l.command?.title === '1 of 2 done'),
          'progress when the setting asks for it',
        );
      } finally {
        await attune.update('checklist.showProgress', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
});

describe('lenses on a note that has not changed (issue 27, item 5)', () => {
  let api: AttuneApi;
  const relative = 'C104/lens-analysis.md';

  before(async () => {
    api = await activateAttune();
  });

  after(async () => {
    await closeAll();
    fs.rmSync(uriOf(relative).fsPath, { force: true });
  });

  it('parse nothing and build no anchors; an edit makes one new analysis', async () => {
    const uri = writeNote(
      relative,
      '---\nclient: C104\n---\n# Session\n\n## Before the session\n\n- [ ] Breathe first.\n\n## Quiet after the fee talk #rupture/open\n\n- **Opening line:** "Can we go back?"\n',
    );
    await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const editor = await open(uri);
    const lensTitles = async (): Promise<string[]> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)).map((l) => l.command?.title ?? '');
    await waitFor("the rupture's lenses", async () => (await lensTitles()).some((t) => t.startsWith('Rupture: open')));
    await api.workspace.quiet();
    const parsed = parsesOf(api, uri.toString());
    try {
      const before = { ...api.analyses.counts };
      for (let i = 0; i < 5; i++) assert.ok((await lensTitles()).includes('Repair conversation guide'));
      assert.strictEqual(parsed.count(), 0, parsed.where());
      assert.deepStrictEqual(api.analyses.counts, before, 'no new analysis, no anchors built again');

      // A change is a new version: analysed once more, however many requests follow.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(13, 0), 'She nodded.\n')));
      await api.workspace.quiet();
      for (let i = 0; i < 3; i++) await lensTitles();
      assert.deepStrictEqual(api.analyses.counts, { analyses: before.analyses + 1, anchorBuilds: before.anchorBuilds + 1 });
    } finally {
      parsed.stop();
    }
  });
});
