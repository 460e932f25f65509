import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { PrivacyCurtain } from '../../src/vscode/privacyCurtain';
import { validateClientCode } from '../../src/vscode/sessionNote';
import { networkCalls } from './guard';
import { activateAttune, answering, closeAll, recordMessages, open, readDisk, root, todayIso, treeRows, uriOf, waitFor, writeNote } from './helpers';

/** A phrase that exists only inside one note: if it shows up anywhere else, note text leaked. */
const PLANTED = 'quokka-lantern-4471';
/** A client code, a folder name and a file name found nowhere but in the workspace. */
const CLIENT = 'QZ8841K';
const FOLDER = 'heron-vale-3317';
const FILE = `2026-11-12 pelican-ward-2290.md`;
const PLANTS = [PLANTED, CLIENT, FOLDER, 'pelican-ward-2290'];

const MESSAGE_FUNCTIONS = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage'] as const;

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The folder of this VS Code session's logs (`.../logs/20261129T101500`), found from Attune's own log folder. */
function sessionLogs(api: AttuneApi): string {
  let dir = api.logUri.fsPath;
  while (!/^\d{8}T\d{6}$/.test(path.basename(dir))) {
    const parent = path.dirname(dir);
    assert.notStrictEqual(parent, dir, `no session logs folder above ${api.logUri.fsPath}`);
    dir = parent;
  }
  return dir;
}

/** Answers a quick pick with the first item `choose` accepts. */
function pick(choose: (item: vscode.QuickPickItem & Record<string, unknown>) => boolean): typeof vscode.window.showQuickPick {
  return (<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>) =>
    Promise.resolve(items).then((list) => list.find((i) => choose(i as vscode.QuickPickItem & Record<string, unknown>)))) as typeof vscode.window.showQuickPick;
}

const withTimeout = <T>(what: string, p: Thenable<T>, ms = 15000): Promise<T> =>
  Promise.race([Promise.resolve(p), new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not return within ${ms} ms`)), ms))]);

describe('Trust in a real VS Code', () => {
  let api: AttuneApi;
  const shown: string[] = [];
  let restoreMessages: () => void;

  before(async () => {
    api = await activateAttune();
    // Record every notification Attune raises; answer none of them.
    restoreMessages = recordMessages(MESSAGE_FUNCTIONS, shown);
  });

  after(async () => {
    restoreMessages();
    await api.curtain.set(false);
    await closeAll();
  });

  it('never writes note text, client codes, folder or file names to its log on disk or its messages, whatever command runs', async () => {
    const text = [
      '---',
      `client: ${CLIENT}`,
      '---',
      `# Session about ${PLANTED}`,
      '',
      `## The ${PLANTED} remark #rupture/open`,
      '',
      `- **Opening line:** "I keep thinking about ${PLANTED}."`,
      '',
      `Body text with ${PLANTED}.`,
      '',
      '- [ ] a task',
      '',
    ].join('\n');
    const uri = writeNote(`${FOLDER}/${FILE}`, text);
    await waitFor('the planted note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const title = `The ${PLANTED} remark`;
    const ref = { path: uri.toString(), line: 5, title };
    const editor = await open(uri);
    editor.selection = new vscode.Selection(9, 0, 9, 0);
    // A template the workspace cannot use, named after the client.
    const drops = api.workspace.templates.drops;
    writeNote(`.attune/templates/${CLIENT}-${PLANTED}.md`, Buffer.from([0x23, 0x00, 0x01]));
    // As a user would: the next insert or completion asks for the templates.
    await waitFor('the templates to be read again', () => {
      api.workspace.templates.for(vscode.workspace.getWorkspaceFolder(uri));
      return api.workspace.templates.drops > drops;
    });

    // "What told you it feels mended?" is answered with the planted phrase: it must not leak either.
    const win = vscode.window as unknown as Record<string, unknown>;
    const originalInputBox = win.showInputBox;
    win.showInputBox = (() => Promise.resolve(`she said ${PLANTED}`)) as typeof vscode.window.showInputBox;
    try {
      await vscode.commands.executeCommand('attune.insertReflection');
      await vscode.commands.executeCommand('attune.insertInSessionRepair');
      await vscode.commands.executeCommand('attune.showRepairGuide', ref);
      await vscode.commands.executeCommand('attune.holdAtTheirPace', ref);
      await answering(
        'showQuickPick',
        pick((i) => i.label === 'After a hard session'),
        async () => vscode.commands.executeCommand('attune.insertTemplate'),
      );
      await vscode.commands.executeCommand('attune.planRepair', ref);
      await vscode.commands.executeCommand('attune.recordAttempt', { ...ref });
      await vscode.commands.executeCommand('attune.setStatus', ref, 'planned');
      await answering(
        'showQuickPick',
        pick((i) => (i.step as { to?: string } | undefined)?.to === 'attempted'),
        async () => vscode.commands.executeCommand('attune.setStatus', ref),
      );
      await editor.document.save();
      await vscode.commands.executeCommand('attune.markRepaired', ref);
      await vscode.commands.executeCommand('attune.reopen', ref);
      await vscode.commands.executeCommand('attune.closeWithoutRepair', ref);
      await vscode.commands.executeCommand('attune.reopen', ref);
      await editor.document.save();
      await vscode.commands.executeCommand('attune.openEntry', ref.path, ref.line);
      await vscode.commands.executeCommand('attune.nextRupture');
      await vscode.commands.executeCommand('attune.previousRupture');
      editor.selection = new vscode.Selection(11, 0, 11, 0);
      await vscode.commands.executeCommand('attune.toggleTask');
      await answering(
        'showQuickPick',
        pick((i) => i.groupBy === 'status'),
        async () => vscode.commands.executeCommand('attune.changeGrouping'),
      );
      await answering(
        'showQuickPick',
        pick((i) => i.groupBy === 'client'),
        async () => vscode.commands.executeCommand('attune.changeGrouping'),
      );
      await vscode.commands.executeCommand('attune.showClientInTree', CLIENT);
      await vscode.commands.executeCommand('attune.prepareForSession', CLIENT);
      await answering(
        'showQuickPick',
        pick((i) => i.client === CLIENT),
        async () => vscode.commands.executeCommand('attune.newSessionNote'),
      );
      const scores = ['8', '10'];
      await answering('showInputBox', (async () => scores.shift()) as typeof vscode.window.showInputBox, async () =>
        vscode.commands.executeCommand('attune.recordFeedbackScore'),
      );
      await vscode.commands.executeCommand('attune.hideClientDetails');
      await vscode.commands.executeCommand('attune.toggleClientDetails');
      await vscode.commands.executeCommand('attune.showClientDetails');
      // A stale reference: the heading is no longer on that line.
      await vscode.commands.executeCommand('attune.markRepaired', { path: uri.toString(), line: 0, title });
      // A note that vanished.
      await vscode.commands.executeCommand('attune.markRepaired', { path: uriOf(`${FOLDER}/gone ${PLANTED}.md`).toString(), line: 5, title });
      await vscode.commands.executeCommand('attune.openEntry', uriOf(`${FOLDER}/gone ${PLANTED}.md`).toString(), 5);
      await vscode.commands.executeCommand('attune.refresh');
      await api.workspace.ready();
      // Binary and oversized files are skipped with a notice that counts files and names none.
      writeNote(`${FOLDER}/binary ${PLANTED}.md`, Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, ...Buffer.from(PLANTED)]));
      writeNote(`${FOLDER}/big ${PLANTED}.md`, Buffer.alloc(6 * 1024 * 1024, 0x61));
      await vscode.commands.executeCommand('attune.refresh');
      await api.workspace.ready();
      fs.unlinkSync(uriOf(`${FOLDER}/binary ${PLANTED}.md`).fsPath);
      fs.unlinkSync(uriOf(`${FOLDER}/big ${PLANTED}.md`).fsPath);
      fs.unlinkSync(uriOf(`.attune/templates/${CLIENT}-${PLANTED}.md`).fsPath);
    } finally {
      win.showInputBox = originalInputBox;
    }

    // Wait until VS Code has written Attune's latest line to disk, then search every log file.
    const marker = `trust-marker-${Date.now()}`;
    api.log.info(marker);
    const logs = sessionLogs(api);
    const onDisk = await waitFor('the log files on disk', () => {
      const files = filesUnder(logs).map((f) => ({ f, text: fs.readFileSync(f, 'latin1') }));
      return files.some((x) => x.text.includes(marker)) && files;
    });
    const attuneLog = onDisk.filter((x) => x.text.includes(marker));
    assert.ok(
      attuneLog.some((x) => /Set a rupture's status to/.test(x.text)),
      'Attune logged its events to a file on disk',
    );

    const everything = [...api.log.lines(), ...shown];
    assert.ok(
      shown.some((s) => /skipped 2 files/.test(s)),
      `the skipped files were reported: ${shown.join('\n')}`,
    );
    assert.ok(api.log.lines().some((l) => /Skipped 2 files: 1 too large, 1 not text\./.test(l)));
    assert.ok(api.log.lines().some((l) => /A template was skipped/.test(l)));
    for (const plant of PLANTS) {
      assert.deepStrictEqual(
        everything.filter((line) => line.includes(plant)),
        [],
        `no ${plant} in any log line or message`,
      );
      assert.deepStrictEqual(
        onDisk.filter((x) => x.text.includes(plant)).map((x) => path.relative(logs, x.f)),
        [],
        `no ${plant} in any log file on disk`,
      );
    }
  });

  describe('pipes and devices in the workspace never freeze the extension host', () => {
    const made: string[] = [];
    after(() => {
      for (const f of made) fs.rmSync(f, { force: true });
    });

    it('a FIFO and a /dev/zero link named *.md, as notes: read promptly and skipped', async () => {
      const fifo = uriOf('FF/2026-11-14.md');
      const zero = uriOf('FF/2026-11-15.md');
      fs.mkdirSync(path.dirname(fifo.fsPath), { recursive: true });
      writeNote('FF/2026-11-13.md', '## Still listed #rupture/open\n');
      assert.strictEqual(spawnSync('mkfifo', [fifo.fsPath]).status, 0);
      fs.symlinkSync('/dev/zero', zero.fsPath);
      made.push(fifo.fsPath, zero.fsPath);
      // The file watcher reads them as soon as they appear; a direct re-read as well.
      await withTimeout('re-reading a FIFO note', api.workspace.refreshNow(fifo));
      await withTimeout('re-reading a /dev/zero note', api.workspace.refreshNow(zero));
      await withTimeout('a full rescan', vscode.commands.executeCommand('attune.refresh'));
      assert.strictEqual(api.workspace.index.get(fifo.toString()), undefined);
      assert.strictEqual(api.workspace.index.get(zero.toString()), undefined);
      assert.ok(api.workspace.index.get(uriOf('FF/2026-11-13.md').toString()), 'the good note beside them is read');
    });

    it('a FIFO, a /dev/zero link and a 100 MB file as templates: the commands return and the built-ins serve', async () => {
      const dir = uriOf('.attune/templates').fsPath;
      fs.mkdirSync(dir, { recursive: true });
      const fifo = path.join(dir, 'rupture-reflection.md');
      const zero = path.join(dir, 'session-note.md');
      const huge = path.join(dir, 'after-a-hard-session.md');
      assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
      fs.symlinkSync('/dev/zero', zero);
      fs.writeFileSync(huge, '## Huge\n');
      fs.truncateSync(huge, 100 * 1024 * 1024);
      made.push(fifo, zero, huge);
      const uri = writeNote('FF/2026-11-16.md', '# Session\n\n');
      const editor = await open(uri);
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      assert.strictEqual(await withTimeout('insert reflection', vscode.commands.executeCommand('attune.insertReflection')), true);
      assert.match(editor.document.getText(), /#rupture/);
      await withTimeout(
        'insert template',
        answering(
          'showQuickPick',
          pick((i) => i.label === 'After a hard session'),
          async () => vscode.commands.executeCommand('attune.insertTemplate'),
        ),
      );
      assert.match(editor.document.getText(), /Where I feel it in my body/, 'the built-in template was used');
      assert.strictEqual(await withTimeout('prepare for session', vscode.commands.executeCommand('attune.prepareForSession', 'F.F.')), true);
    });
  });

  describe('client strings never become paths outside the workspace', () => {
    it('prepareForSession refuses a client string that climbs out, and creates nothing', async () => {
      const escape = `pwn2-${process.pid}-${Date.now()}`;
      const outside = path.join(os.tmpdir(), escape);
      for (const client of [`never-seen/../../../../../../../..${os.tmpdir()}/${escape}`, `../${escape}`, '..', `a\\..\\..\\${escape}`]) {
        shown.length = 0;
        assert.strictEqual(await vscode.commands.executeCommand('attune.prepareForSession', client), false, client);
        assert.ok(
          shown.some((s) => /cannot make a folder for that client code.*Nothing was created/.test(s)),
          shown.join('\n'),
        );
      }
      assert.strictEqual(fs.existsSync(outside), false, 'nothing was made outside the workspace');
      assert.strictEqual(fs.existsSync(path.join(root().fsPath, 'never-seen')), false);
    });

    it('the new-session-note flow refuses NUL, control characters, separators and ".."', async () => {
      const before = fs.readdirSync(root().fsPath).sort();
      for (const code of ['A\u0000B', 'A\u001b[2JB', 'line\nbreak', 'a/b', 'a\\b', '..', '.hidden', 'A..B', 'tab\there']) {
        const created = await answering(
          'showQuickPick',
          pick((i) => i.label.includes('New client')),
          () =>
            answering('showInputBox', (() => Promise.resolve(code)) as typeof vscode.window.showInputBox, async () =>
              vscode.commands.executeCommand('attune.newSessionNote'),
            ),
        );
        assert.strictEqual(created, false, JSON.stringify(code));
        assert.strictEqual(validateClientCode(code)?.severity, vscode.InputBoxValidationSeverity.Error, JSON.stringify(code));
      }
      assert.deepStrictEqual(fs.readdirSync(root().fsPath).sort(), before, 'no folder or note was created');
      assert.strictEqual(validateClientCode('C017'), undefined);
      assert.strictEqual(validateClientCode('A #1'), undefined);
    });

    it('a new client "A #1" gets a note whose front matter reads back as A #1', async () => {
      await answering(
        'showQuickPick',
        pick((i) => i.label.includes('New client')),
        () =>
          answering('showInputBox', (() => Promise.resolve('A #1')) as typeof vscode.window.showInputBox, async () =>
            vscode.commands.executeCommand('attune.prepareForSession'),
          ),
      );
      const uri = uriOf(`A #1/${todayIso()}.md`);
      await waitFor('the new note in the index', () => api.workspace.index.get(uri.toString()));
      assert.strictEqual(api.workspace.index.get(uri.toString())?.client, 'A #1');
    });

    it('a client folder that is a link to a place outside the workspace is not read, and gets no new note', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-outside-'));
      fs.writeFileSync(path.join(outside, '2026-11-01.md'), '---\nclient: L.K.\n---\n## Elsewhere #rupture/open\n');
      fs.symlinkSync(outside, uriOf('LK').fsPath);
      try {
        // Issue 22: a link is followed only where it stays inside the workspace folder.
        await vscode.commands.executeCommand('attune.refresh');
        assert.strictEqual(api.workspace.index.get(uriOf('LK/2026-11-01.md').toString()), undefined, 'the note outside is not read');
        assert.ok(!api.workspace.index.clients().some((c) => c.client === 'L.K.'));
        assert.deepStrictEqual(fs.readdirSync(outside), ['2026-11-01.md'], 'nothing was created outside');
      } finally {
        fs.rmSync(uriOf('LK').fsPath, { force: true });
        fs.rmSync(outside, { recursive: true, force: true });
        await vscode.commands.executeCommand('attune.refresh');
      }
    });

    it('a templates folder setting that leads outside the workspace is ignored', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-outside-'));
      fs.writeFileSync(path.join(outside, 'rupture-reflection.md'), '## OUTSIDE-TEMPLATE #rupture\n');
      const config = vscode.workspace.getConfiguration('attune');
      const relative = path.relative(root().fsPath, outside);
      try {
        for (const [i, setting] of [relative, `${relative}/`, `sub/../${relative}`].entries()) {
          await config.update('templatesFolder', setting, vscode.ConfigurationTarget.Workspace);
          // A note of its own each time: a note just closed can still be reloading from disk.
          const uri = writeNote(`FF/2026-11-17-${i}.md`, '# Session\n\n');
          const editor = await open(uri);
          editor.selection = new vscode.Selection(2, 0, 2, 0);
          const inserted = await vscode.commands.executeCommand('attune.insertReflection');
          assert.strictEqual(inserted, true, `a reflection was inserted (${setting})`);
          assert.doesNotMatch(editor.document.getText(), /OUTSIDE-TEMPLATE/, setting);
          assert.match(editor.document.getText(), /#rupture/, `the built-in template was used (${setting})`);
          await closeAll();
        }
        // A link inside the workspace that leads outside is refused too.
        fs.symlinkSync(outside, uriOf('linked-templates').fsPath);
        await config.update('templatesFolder', 'linked-templates', vscode.ConfigurationTarget.Workspace);
        const uri = writeNote('FF/2026-11-18.md', '# Session\n\n');
        const editor = await open(uri);
        editor.selection = new vscode.Selection(2, 0, 2, 0);
        await vscode.commands.executeCommand('attune.insertReflection');
        assert.doesNotMatch(editor.document.getText(), /OUTSIDE-TEMPLATE/);
      } finally {
        await config.update('templatesFolder', undefined, vscode.ConfigurationTarget.Workspace);
        fs.rmSync(uriOf('linked-templates').fsPath, { force: true });
        fs.rmSync(outside, { recursive: true, force: true });
      }
      const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune')?.packageJSON as {
        capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
      };
      assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('attune.templatesFolder'));
    });
  });

  describe('the privacy curtain', () => {
    it('hides client codes, titles, paths and opening lines in the view, tooltips, lenses and pickers, and shows them again', async () => {
      const uri = writeNote(
        `${FOLDER}/2026-11-19.md`,
        `---\nclient: ${CLIENT}\n---\n## The ${PLANTED} remark #rupture/open\n- **Opening line:** "About ${PLANTED}."\n`,
      );
      await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      await vscode.commands.executeCommand('attune.hideClientDetails');
      assert.strictEqual(api.curtain.hidden, true);
      const visible = (): string[] => {
        const texts: string[] = [];
        const walk = (nodes: ReturnType<typeof api.tree.getChildren>): void => {
          for (const node of nodes) {
            const item = api.tree.getTreeItem(node);
            texts.push(
              String(typeof item.label === 'string' ? item.label : item.label?.label),
              String(item.description),
              String(item.tooltip),
              item.accessibilityInformation?.label ?? '',
            );
            walk(api.tree.getChildren(node));
          }
        };
        walk(api.tree.getChildren());
        return texts;
      };
      const hidden = visible().join('\n');
      for (const plant of [PLANTED, CLIENT, FOLDER, 'C104', 'A suggestion that landed badly'])
        assert.ok(!hidden.includes(plant), `${plant} is hidden:\n${hidden}`);
      assert.ok(
        treeRows(api).some((r) => /^Client \d+ \| $/.test(r)),
        treeRows(api).join('\n'),
      ); // no per-client counts by default
      assert.ok(
        treeRows(api).some((r) => /^ {2}a rupture \| /.test(r)),
        treeRows(api).join('\n'),
      );
      await open(uri);
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.ok(lenses.length > 0);
      for (const lens of lenses)
        assert.ok(!`${lens.command?.title} ${lens.command?.tooltip}`.includes(CLIENT), `${lens.command?.title} ${lens.command?.tooltip}`);
      let labels: string[] = [];
      await answering(
        'showQuickPick',
        (<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>) =>
          Promise.resolve(items).then((list) => {
            labels = list.map((i) => `${i.label} ${i.description ?? ''} ${i.detail ?? ''}`);
            return undefined;
          })) as typeof vscode.window.showQuickPick,
        async () => vscode.commands.executeCommand('attune.newSessionNote'),
      );
      assert.ok(labels.length > 1);
      assert.ok(!labels.join('\n').includes(CLIENT) && !labels.join('\n').includes('C104'), labels.join('\n'));

      await vscode.commands.executeCommand('attune.toggleClientDetails');
      assert.strictEqual(api.curtain.hidden, false);
      assert.ok(visible().join('\n').includes(CLIENT), 'the codes are back');
      assert.ok(treeRows(api).some((r) => r.includes(`The ${PLANTED} remark`)));
    });

    it('asks before Plan Repair shows a note that is not on screen; Cancel changes nothing, agreeing plans it', async () => {
      const original = `---\nclient: ${CLIENT}\n---\n## The ${PLANTED} pause #rupture/open\n`;
      const uri = writeNote(`${FOLDER}/2026-11-21.md`, original);
      await waitFor('the note in the index', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      await closeAll();
      await vscode.commands.executeCommand('attune.hideClientDetails');
      const onScreen = (): boolean => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString());
      const asked: string[] = [];
      const plan = (answer: (items: string[]) => string | undefined): Promise<unknown> =>
        answering(
          'showWarningMessage',
          ((text: string, _options: unknown, ...items: string[]) => {
            asked.push(text);
            return Promise.resolve(answer(items));
          }) as typeof vscode.window.showWarningMessage,
          async () => vscode.commands.executeCommand('attune.planRepair', { path: uri.toString(), line: 3 }),
        );
      try {
        assert.strictEqual(await plan(() => undefined), false);
        assert.match(asked.join('\n'), /Client details are hidden/);
        assert.strictEqual(readDisk(uri).toString('utf8'), original, 'Cancel changed the note');
        assert.strictEqual(onScreen(), false, 'Cancel opened the note');
        assert.strictEqual(await plan((items) => items[0]), true);
        await waitFor('the note on screen with its plan', () => onScreen());
        assert.match(readDisk(uri).toString('utf8'), /#rupture\/planned/);
      } finally {
        await vscode.commands.executeCommand('attune.showClientDetails');
        await closeAll();
      }
    });

    it('stays down across a reload: the state is saved and taken up again', async () => {
      const saved = new Map<string, unknown>();
      const memento: vscode.Memento = {
        keys: () => [...saved.keys()],
        get: <T>(key: string, fallback?: T) => (saved.has(key) ? (saved.get(key) as T) : fallback) as T,
        update: (key: string, value: unknown) => {
          saved.set(key, value);
          return Promise.resolve();
        },
      };
      const first = new PrivacyCurtain();
      first.restore(memento);
      await first.set(true);
      const afterReload = new PrivacyCurtain();
      afterReload.restore(memento);
      assert.strictEqual(afterReload.hidden, true);
      assert.strictEqual(afterReload.client('C104'), 'Client 1');
      assert.strictEqual(afterReload.title('The fee'), 'a rupture');
      await afterReload.set(false);
      const third = new PrivacyCurtain();
      third.restore(memento);
      assert.strictEqual(third.hidden, false);
    });
  });

  it('made no network request of its own while the suite ran', () => {
    assert.deepStrictEqual(networkCalls(), []);
  });
});
