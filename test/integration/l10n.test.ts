/**
 * Issue 30, item 1: with VS Code's display language set to German (the host started with
 * `--locale de`, see test/host/run-integration.js), Attune speaks German. Run by index.ts
 * only in that run; the other suites assert the English words.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { PatternsPanel } from '../../src/vscode/patterns';
import { activateAttune, answering, closeAll, nodeByTitle, open, todayIso, waitFor, writeNote } from './helpers';
import type { AttuneApi } from '../../src/vscode/extension';

describe('Attune in German (issue 30)', () => {
  let api: AttuneApi;

  before(async () => {
    assert.strictEqual(vscode.env.language, 'de', 'the host was started with the display language German');
    api = await activateAttune();
  });

  afterEach(closeAll);

  it('the view, its walkthrough and its commands are named in German (package.nls.de.json)', () => {
    const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune')?.packageJSON as {
      contributes: {
        views: Record<string, { name: string }[]>;
        commands: { command: string; title: { value: string; original: string } }[];
        walkthroughs: { title: string; steps: { title: string; media: { image?: string; markdown?: string } }[] }[];
      };
    };
    assert.strictEqual(manifest.contributes.views.attune[0].name, 'Brüche zum Wiederaufgreifen');
    assert.strictEqual(manifest.contributes.walkthroughs[0].title, 'Erste Schritte mit Attune');
    assert.strictEqual(manifest.contributes.walkthroughs[0].steps[2].title, 'Ihre erste Reflexion einfügen');
    // Its pictures and its privacy page are the German ones.
    assert.deepStrictEqual(
      manifest.contributes.walkthroughs[0].steps.map((s) => s.media.image ?? s.media.markdown),
      ['open-notes.svg', 'rupture-entry.svg', 'first-reflection.svg', 'find-in-view.svg', 'prepare.svg', 'privacy.md'].map((f) => `media/walkthrough/de/${f}`),
    );
    // A localised command title keeps its English beside it (for the Command Palette's search).
    assert.deepStrictEqual(manifest.contributes.commands.find((c) => c.command === 'attune.insertReflection')?.title, {
      value: 'Reflexion zum Bruch einfügen',
      original: 'Insert Rupture Reflection',
    });
  });

  it('the view lists a rupture with German words, and a lens offers the next steps in German', async () => {
    const uri = writeNote(
      'DE1/2026-11-16.md',
      '## Zu früh eine Übung vorgeschlagen #rupture/planned\n\n- **Opening line:** Können wir noch einmal zurückgehen?\n',
    );
    const node = await waitFor('the rupture in the tree', () => nodeByTitle(api, 'Zu früh eine Übung vorgeschlagen'));
    const item = api.tree.getTreeItem(node);
    assert.match(String(item.tooltip), /^Zu früh eine Übung vorgeschlagen\nReparatur geplant · DE1\n/);
    assert.match(String(item.tooltip), /Zeile 1 · notiert am 16\. Nov\.?/);
    assert.match(String(item.tooltip), /Einstiegssatz: „Können wir noch einmal zurückgehen\?“/);
    await open(uri);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.filter((l) => l.range.start.line === 0).map((l) => l.command?.title);
    assert.deepStrictEqual(titles, [
      'Bruch: geplant · notiert am 16. Nov.',
      'Reparaturversuch festhalten',
      'Als repariert markieren',
      'In ihrem Tempo abwarten',
      'Ohne Reparatur abschließen',
      'Leitfaden für das Reparaturgespräch',
    ]);
  });

  it('a note without ruptures offers the reflection lens in German, and Ctrl+Alt+] says so in German', async () => {
    const uri = writeNote('DE2/2026-11-19.md', '# Sitzung\n\nEine ruhige Stunde.\n');
    await open(uri);
    const lenses = await waitFor('the insert lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found.length > 0 && found;
    });
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.title),
      ['Reflexion zum Bruch einfügen', 'In der Sitzung reparierten Bruch einfügen'],
    );
    const said: string[] = [];
    await answering(
      'showInformationMessage',
      ((text: string) => {
        said.push(text);
        return Promise.resolve(undefined);
      }) as typeof vscode.window.showInformationMessage,
      async () => vscode.commands.executeCommand('attune.nextRupture'),
    );
    assert.deepStrictEqual(said, ['Attune: Diese Notiz enthält noch keine Brüche (eine Überschrift mit #rupture).']);
  });

  it('the reflection lens inserts the German reflection, with the template language left to follow VS Code', async () => {
    assert.strictEqual(vscode.workspace.getConfiguration('attune').get('templateLanguage'), 'match VS Code');
    const uri = writeNote('DE3/2026-11-20.md', '# Sitzung\n\nWir sprachen über die Arbeit.\n');
    const editor = await open(uri);
    const lens = await waitFor('the insert lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found.find((l) => l.command?.command === 'attune.insertReflection');
    });
    assert.strictEqual(lens.command?.title, 'Reflexion zum Bruch einfügen');
    assert.ok(await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? [])));
    const text = editor.document.getText();
    for (const label of ['**Art des Bruchs:** (nicht ausgefüllt)', '**Einstiegssatz:**', '**In die Supervision mitnehmen?**'])
      assert.ok(text.includes(label), label);
    assert.ok(!text.includes('Kind of miss'), 'no English label');
    assert.match(text, /#rupture\/open/);
  });

  it("why a file was skipped, and a note's own warning, are said in German (the core's reasons, translated)", async () => {
    const skipped = writeNote('DE5/scan.md', Buffer.from([0x23, 0x20, 0x00, 0x01, 0x0a]));
    const skippedSaid = await waitFor("the skipped file's diagnostic", () => vscode.languages.getDiagnostics(skipped).find((d) => d.code === 'skipped'));
    assert.strictEqual(skippedSaid.message, 'Attune hat diese Datei übersprungen: sie sieht nach einer Binärdatei aus, nicht nach einer Textnotiz.');
    const uri = writeNote('DE5/2026-11-20.md', '## Zu schnell weiter #rupture/open #rupture/planned\n\nText.\n');
    await open(uri);
    const warning = await waitFor("the second tag's diagnostic", () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'second-tag'));
    assert.strictEqual(warning.message, 'Attune: eine Überschrift trägt mehr als ein Bruch-Tag; das erste bestimmt ihren Status.');
  });

  it('a refused write says why in German: a read-only note is left as it was', async () => {
    const uri = writeNote('DE6/2026-11-21.md', '# Sitzung\n\n- [ ] Nachfragen, wie es ankam\n');
    fs.chmodSync(uri.fsPath, 0o444);
    try {
      const editor = await open(uri);
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      const said: string[] = [];
      await answering(
        'showWarningMessage',
        ((text: string) => {
          said.push(text);
          return Promise.resolve(undefined);
        }) as typeof vscode.window.showWarningMessage,
        async () => vscode.commands.executeCommand('attune.toggleTask'),
      );
      assert.deepStrictEqual(said, ['Attune konnte die Notiz nicht ändern: die Notiz ist schreibgeschützt. Die Notiz blieb genau so, wie sie war.']);
      assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), '# Sitzung\n\n- [ ] Nachfragen, wie es ankam\n');
    } finally {
      fs.chmodSync(uri.fsPath, 0o644);
    }
  });

  it('Mark repaired asks in German and writes what told me it is mended with its German label', async () => {
    const original = '## Zu schnell weiter #rupture/attempted\n\n- **Wie es angekommen ist:** weicher\n';
    const uri = writeNote('DE7/2026-11-22.md', original);
    await waitFor('indexed', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
    const editor = await open(uri);
    const prompts: string[] = [];
    await answering(
      'showInputBox',
      ((options?: vscode.InputBoxOptions) => {
        prompts.push(options?.prompt ?? '');
        return Promise.resolve('sie kam selbst darauf zurück');
      }) as typeof vscode.window.showInputBox,
      async () => vscode.commands.executeCommand('attune.markRepaired', { path: uri.toString(), line: 0 }),
    );
    assert.match(prompts[0], /^Woran haben Sie gemerkt/);
    assert.strictEqual(
      editor.document.getText(),
      `## Zu schnell weiter #rupture/repaired\n\n- **Wie es angekommen ist:** weicher\n- **Woran ich gemerkt habe, dass es sich wieder heil anfühlt:** sie kam selbst darauf zurück (${todayIso()})\n`,
    );
  });

  it('the grouping quick pick is in German', async () => {
    const offered: string[] = [];
    let title: string | undefined;
    await answering(
      'showQuickPick',
      ((items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
        title = options?.title;
        return Promise.resolve(items).then((list) => {
          offered.push(...list.map((i) => i.label));
          return undefined;
        });
      }) as unknown as typeof vscode.window.showQuickPick,
      async () => vscode.commands.executeCommand('attune.changeGrouping'),
    );
    assert.deepStrictEqual(offered, ['Nach Klient/in', 'Nach Status', 'Eine Liste']);
    assert.strictEqual(title, 'Brüche zum Wiederaufgreifen gruppieren');
  });

  it('the patterns panel draws its words in German, sent in the page by the extension', async () => {
    const panel = (await vscode.commands.executeCommand<PatternsPanel>('attune.showPatterns'))!;
    try {
      assert.strictEqual(panel.panel.title, 'Attune: Muster');
      assert.match(panel.panel.webview.html, /<h1>Muster in Ihren Allianzbrüchen<\/h1>/);
      assert.match(panel.panel.webview.html, /data-texts="\{[^"]*&quot;Where they stand&quot;:&quot;Wo sie stehen&quot;/);
      const drawn = await waitFor('the panel to draw', () => panel.lastRender?.text);
      assert.match(drawn, /^\d+ Brüche? notiert in \d+ Sitzung(en)?\.$/);
    } finally {
      panel.dispose();
    }
  });
});
