import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, answering, closeAll, recordMessages, open, readDisk, root, todayIso, waitFor, writeNote } from './helpers';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Asserts that `after` is `before` with one block inserted and nothing else changed; returns the block. */
function onlyInserted(before: Buffer, after: Buffer): Buffer {
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  assert.strictEqual(head + tail, before.length, 'every byte of the note is kept, around one inserted block');
  return after.subarray(head, after.length - tail);
}

/** The user's save settings that rewrite a whole file when VS Code saves it. */
const SAVE_SETTINGS: Record<string, unknown> = {
  'files.trimTrailingWhitespace': true,
  'files.insertFinalNewline': true,
  'files.trimFinalNewlines': true,
  'editor.formatOnSave': true,
  'files.autoSave': 'off',
};

const MESSAGE_FUNCTIONS = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const;

describe('Trust in the editor', () => {
  let api: AttuneApi;
  const shown: string[] = [];
  let restoreMessages: () => void;

  before(async () => {
    api = await activateAttune();
    restoreMessages = recordMessages(MESSAGE_FUNCTIONS, shown);
  });

  after(async () => {
    restoreMessages();
    await closeAll();
  });

  describe('every byte, from the editor', () => {
    before(async () => {
      const config = vscode.workspace.getConfiguration(undefined, root());
      for (const [key, value] of Object.entries(SAVE_SETTINGS)) await config.update(key, value, vscode.ConfigurationTarget.Workspace);
    });

    after(async () => {
      await closeAll();
      const config = vscode.workspace.getConfiguration(undefined, root());
      for (const key of Object.keys(SAVE_SETTINGS)) await config.update(key, undefined, vscode.ConfigurationTarget.Workspace);
    });

    afterEach(closeAll);

    it('changes only the status bytes of an open note with invalid UTF-8, mixed line breaks and trailing spaces, and one Undo takes it back', async () => {
      const original = latin1(
        '---\r\nclient: BX\n---\n# Session \xff\xfe  \r\n\n## Missed the cue \xc3( #rupture/open  \r\n\r\n- **Opening line:** "fine"   \ntrailing\t',
      );
      const uri = writeNote('BX/2026-11-21.md', original);
      await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      const editor = await open(uri);
      const shownBefore = editor.document.getText();
      assert.strictEqual(await vscode.commands.executeCommand('attune.setStatus', { path: uri.toString(), line: 5 }, 'planned'), true);
      assert.deepStrictEqual(readDisk(uri), latin1(original.toString('latin1').replace('#rupture/open', '#rupture/planned')));
      await waitFor('the editor to show the change', () => editor.document.getText().includes('#rupture/planned'));
      assert.strictEqual(editor.document.isDirty, false, 'nothing left to save');
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(editor.document.getText(), shownBefore, 'one Undo restores the note in the editor');
    });

    it('changes a UTF-16 note in UTF-16, only the status bytes', async () => {
      const text = '\uFEFF# Séance\r\n\r\n## Trop vite #rupture/open  \r\nNotes\n';
      const uri = writeNote('BU/2026-11-21.md', Buffer.from(text, 'utf16le'));
      await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      const editor = await open(uri);
      assert.strictEqual(await vscode.commands.executeCommand('attune.setStatus', { path: uri.toString(), line: 2 }, 'held'), true);
      assert.deepStrictEqual(readDisk(uri), Buffer.from(text.replace('/open', '/held'), 'utf16le'));
      await waitFor('the editor to show the change', () => editor.document.getText().includes('#rupture/held'));
    });

    it('marks repaired with its answer, and plans, records an attempt and closes, keeping every other byte', async () => {
      const original = latin1('## Fee \xff #rupture/attempted\r\n\r\n- **How it landed:** softer  \n\n## Next time\n\xfe');
      const uri = writeNote('BY/2026-11-22.md', original);
      await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      const editor = await open(uri);
      const shownBefore = editor.document.getText();
      const ok = await answering('showInputBox', (() => Promise.resolve('she smiled')) as typeof vscode.window.showInputBox, async () =>
        vscode.commands.executeCommand('attune.markRepaired', { path: uri.toString(), line: 0 }),
      );
      assert.strictEqual(ok, true);
      assert.deepStrictEqual(
        readDisk(uri),
        latin1(
          `## Fee \xff #rupture/repaired\r\n\r\n- **How it landed:** softer  \n- **What told me it is mended:** she smiled (${todayIso()})\n\n## Next time\n\xfe`,
        ),
      );
      await waitFor('the editor to show the change', () => editor.document.getText().includes('#rupture/repaired'));
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(editor.document.getText(), shownBefore, 'one Undo takes back the tag and the line together');
      await closeAll();

      for (const [command, status, heading] of [
        ['attune.planRepair', 'planned', '### Repair plan, '],
        ['attune.recordAttempt', 'attempted', '### Repair attempt, '],
        ['attune.closeWithoutRepair', 'closed', '### Closing without repair, '],
      ] as const) {
        const note = latin1('## Too fast \xfe #rupture/open \r\n\r\nI rushed.  \r\n\r\n## Next time\r\n\xff');
        const at = writeNote(`BZ/2026-11-23 ${status}.md`, note);
        await waitFor('the note in the index', () => api.workspace.index.get(at.toString())?.entries.length === 1);
        const noteEditor = await open(at);
        const before = noteEditor.document.getText();
        assert.strictEqual(await vscode.commands.executeCommand(command, { path: at.toString(), line: 0 }), true, command);
        const after = readDisk(at);
        const tagged = latin1(note.toString('latin1').replace('#rupture/open', `#rupture/${status}`));
        const block = onlyInserted(tagged, after).toString('utf8');
        assert.ok(block.includes(heading.slice(4)), `${command}: ${JSON.stringify(block.slice(0, 40))}`);
        assert.doesNotMatch(block, /[^\r]\n/, `${command}: the template takes the note's CRLF`);
        await waitFor('the editor to show the change', () => noteEditor.document.getText().includes(heading));
        await vscode.window.showTextDocument(noteEditor.document);
        await vscode.commands.executeCommand('undo');
        assert.strictEqual(noteEditor.document.getText(), before, `${command}: one Undo takes back the tag and the template`);
        await closeAll();
      }
    });

    it('records a feedback score, ticks a task and adds the checklist with what carries forward, keeping every other byte', async () => {
      const body = latin1(
        '---\r\nclient: CQ\r\n---\r\n\r\n# Session \xff\r\n\r\n- [ ] Ask again  \r\n\r\n## Between us\n\n- **Feedback I asked for, and what I heard:** fine  \r\n\r\n## Next time\r\n\r\n- Ask about the move\r\n',
      );
      const uri = writeNote('CQ/2026-11-20.md', body);
      let editor = await open(uri);
      const scores = ['7', '10'];
      assert.strictEqual(
        await answering('showInputBox', (async () => scores.shift()) as typeof vscode.window.showInputBox, async () =>
          vscode.commands.executeCommand('attune.recordFeedbackScore'),
        ),
        true,
      );
      const scored = latin1(body.toString('latin1').replace('fine  \r\n', 'fine  \r\n- **Alliance feedback score:** 7/10\r\n'));
      assert.deepStrictEqual(readDisk(uri), scored);
      await waitFor('the editor to show the score', () => editor.document.getText().includes('7/10'));
      editor = await vscode.window.showTextDocument(editor.document);
      editor.selection = new vscode.Selection(6, 3, 6, 3);
      assert.strictEqual(await vscode.commands.executeCommand('attune.toggleTask'), true);
      assert.deepStrictEqual(readDisk(uri), latin1(scored.toString('latin1').replace('- [ ] Ask', '- [x] Ask')));
      await closeAll();

      // Last time's "Next time" carries into today's checklist, written into today's note on disk.
      const today = latin1(`---\nclient: CQ\n---\n\n# Session \xfe\r\n\r\nWe began.  \r\n`);
      const todayUri = writeNote(`CQ/${todayIso()}.md`, today);
      await waitFor('the note in the index', () => api.workspace.index.get(todayUri.toString()));
      assert.strictEqual(await vscode.commands.executeCommand('attune.prepareForSession', 'CQ'), true);
      const block = onlyInserted(today, readDisk(todayUri)).toString('utf8');
      assert.match(block, /Ask about the move/);
      assert.doesNotMatch(block, /[^\r]\n/, 'the checklist takes the line breaks of the place it lands');
    });

    it('leaves a note with unsaved edits unsaved: the change is one undoable edit in the editor and the disk is untouched', async () => {
      const original = latin1('## Rushed \xff #rupture/open\n\nText  \n');
      const uri = writeNote('CR/2026-11-24.md', original);
      await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      const editor = await open(uri);
      await editor.edit((b) => b.insert(new vscode.Position(2, 4), ' more'));
      const typed = editor.document.getText();
      assert.strictEqual(await vscode.commands.executeCommand('attune.setStatus', { path: uri.toString(), line: 0 }, 'held'), true);
      assert.strictEqual(editor.document.getText(), typed.replace('#rupture/open', '#rupture/held'));
      assert.strictEqual(editor.document.isDirty, true);
      assert.deepStrictEqual(readDisk(uri), original);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(editor.document.getText(), typed, 'one Undo takes back only the status');
    });
  });

  describe('no copy of a note or a draft outside the notes', () => {
    /** Every file under a folder on disk. */
    function diskFiles(dir: string): string[] {
      if (!fs.existsSync(dir)) return [];
      return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? diskFiles(full) : e.isFile() ? [full] : [];
      });
    }

    /**
     * Where each phrase is found in the test host's own folders beside this run's TMPDIR: the
     * user-data folder (where this VS Code build keeps User/History and User/Backups) and the
     * server's data folder.
     */
    function whereFound(phrases: readonly string[]): string[] {
      const found: string[] = [];
      const base = path.dirname(os.tmpdir());
      for (const dir of ['user-data', 'server-data']) {
        for (const file of diskFiles(path.join(base, dir))) {
          const text = fs.readFileSync(file).toString('latin1');
          for (const p of phrases) if (text.includes(p)) found.push(`${p} in ${path.relative(base, file)}`);
        }
      }
      return found;
    }

    it("leaves no planted text in VS Code's user data after a status change and an export with its review", async () => {
      const inNote = 'wombat-teapot-5531';
      const inDraft = 'draft-only-heron-8812';
      const control = 'saved-by-vscode-ibis-2207';
      const controlUnsaved = 'unsaved-in-vscode-crane-6604';
      assert.ok(fs.existsSync(path.join(path.dirname(os.tmpdir()), 'user-data')), 'the test host keeps its user data beside TMPDIR');
      // No auto save: the draft must be kept from staying unsaved by Attune itself.
      const files = vscode.workspace.getConfiguration('files', root());
      await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);

      // The search finds what VS Code itself keeps: a note saved through VS Code lands in Local History.
      const saved = writeNote('CT/2026-11-25.md', '# Session\n\nText.\n');
      const savedEditor = await open(saved);
      await savedEditor.edit((b) => b.insert(new vscode.Position(2, 5), ` ${control}`));
      await savedEditor.document.save();
      await waitFor('the saved note in Local History', () => whereFound([control]).some((w) => w.includes(`${path.sep}History${path.sep}`)), 20000);
      // ...and an unsaved untitled editor (what the draft used to be) lands in its hot-exit backups.
      const unsaved = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# ${controlUnsaved}\n` });
      await vscode.window.showTextDocument(unsaved);
      await waitFor('the unsaved editor in the backups', () => whereFound([controlUnsaved]).some((w) => w.includes(`${path.sep}Backups${path.sep}`)), 20000);
      await closeAll();

      const uri = writeNote(
        'PL/2026-11-26.md',
        `---\nclient: P.L.\n---\n## Said it too fast #rupture/open\n\n- **What happened (just the facts):** we spoke of ${inNote} and she went quiet.\n- **Take it to supervision?** yes\n`,
      );
      await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      const ref = { path: uri.toString(), line: 3 };
      assert.strictEqual(await vscode.commands.executeCommand('attune.setStatus', ref, 'planned'), true);
      assert.match(readDisk(uri).toString('utf8'), /#rupture\/planned/);

      await vscode.commands.executeCommand('attune.prepareForSupervision', ref);
      const draft = await waitFor('the draft', () => {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.uri.scheme === 'attune-draft' && editor.document.getText().includes(inNote) ? editor : undefined;
      });
      // The clinician edits the draft: it is kept in memory, never left unsaved for VS Code to back up.
      await draft.edit((b) => b.insert(new vscode.Position(1, 0), `${inDraft}\n`));
      await waitFor('the edited draft kept in memory', () => !draft.document.isDirty && draft.document.getText().includes(inDraft));
      // The review beside the draft: every marked spot answered and every check ticked, one by one.
      for (let review = api.supervision.reviewOf(draft.document); review && review.spots.length > 0; review = api.supervision.reviewOf(draft.document)) {
        assert.ok(await api.supervision.answer(draft.document, { type: 'keep', index: 0 }));
      }
      const checks = api.supervision.reviewOf(draft.document)?.ticked.length ?? 0;
      for (let i = 0; i < checks; i++) assert.ok(await api.supervision.answer(draft.document, { type: 'tick', index: i, checked: true }));
      const copied = await api.supervision.answer(draft.document, { type: 'copy' });
      assert.strictEqual(copied, true);
      assert.match(await vscode.env.clipboard.readText(), new RegExp(inDraft));
      await vscode.env.clipboard.writeText('');
      await closeAll();

      // On a busy machine VS Code may back the draft up in the second before Attune's save of
      // it lands (seen once in CI, on the newest VS Code); it discards that backup once the save
      // is done. What must hold is that no copy stays: wait for that, then say what is left.
      await waitFor('no copy of the note or the draft left in user data', () => whereFound([inNote, inDraft]).length === 0, 20000).catch(() => undefined);
      assert.deepStrictEqual(whereFound([inNote, inDraft]), []);
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it("offers to keep VS Code's Local History out of the workspace, from the walkthrough's privacy step", async () => {
      const config = vscode.workspace.getConfiguration('workbench.localHistory', root());
      try {
        await answering('showInformationMessage', (() => Promise.resolve(undefined)) as typeof vscode.window.showInformationMessage, async () =>
          vscode.commands.executeCommand('attune.keepCopiesOut'),
        );
        assert.strictEqual(config.inspect<boolean>('enabled')?.workspaceValue, false);
      } finally {
        await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
      }
      const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune')?.packageJSON as {
        contributes: { walkthroughs: { steps: { id: string; description: string }[] }[] };
      };
      const privacy = manifest.contributes.walkthroughs[0].steps.find((s) => s.id === 'privacy');
      assert.ok(privacy, 'the privacy step');
    });
  });

  describe('the note size limit', () => {
    it('lowers a workspace asking for 1e9 MB to 64 MB, says so once without a path, and declares the setting restricted', async () => {
      const config = vscode.workspace.getConfiguration('attune', root());
      const before = shown.length;
      try {
        await config.update('largestNoteInMegabytes', 1e9, vscode.ConfigurationTarget.Workspace);
        await waitFor('the new limit in use', () => api.workspace.collection.settingsOf(root().toString()).maxNoteBytes !== 5 * 1024 * 1024);
        assert.strictEqual(api.workspace.collection.settingsOf(root().toString()).maxNoteBytes, 64 * 1024 * 1024);
        await waitFor('the warning', () => shown.length > before);
        // Another scan reads the settings again: still one message.
        await api.workspace.rescan();
        const warnings = shown.slice(before).filter((m) => /largestNoteInMegabytes/.test(m));
        assert.strictEqual(warnings.length, 1, warnings.join('\n'));
        assert.match(warnings[0], /64 MB/);
        assert.ok(!warnings[0].includes(root().fsPath), 'no path in the message');
      } finally {
        await config.update('largestNoteInMegabytes', undefined, vscode.ConfigurationTarget.Workspace);
      }
      const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune')?.packageJSON as {
        capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
      };
      for (const key of ['attune.whichFilesAreNotes', 'attune.filesToLeaveOut', 'attune.largestNoteInMegabytes']) {
        assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(key), key);
      }
    });
  });
});
