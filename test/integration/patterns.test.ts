// Issue 13: Attune: Show Patterns, in a real VS Code with its real webview.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { PatternsPanel } from '../../src/vscode/patterns';
import type { ToWebview } from '../../src/webview/patternsProtocol';
import { activateAttune, closeAll, uriOf, waitFor, writeNote } from './helpers';

type Sent<T extends ToWebview['type']> = Extract<ToWebview, { type: T }>;

function lastSent<T extends ToWebview['type']>(panel: PatternsPanel, type: T): Sent<T> | undefined {
  for (let i = panel.sent.length - 1; i >= 0; i--) if (panel.sent[i].type === type) return panel.sent[i] as Sent<T>;
  return undefined;
}

describe('Show Patterns (issue 13)', () => {
  let panel: PatternsPanel;

  /** Waits until the webview reports having drawn this headline. */
  const draws = (text: string): Promise<unknown> =>
    waitFor(`the panel to draw "${text}" (last drawn: "${panel.lastRender?.text}")`, () => panel.lastRender?.text === text, 15000);

  before(async () => {
    await activateAttune();
    panel = (await vscode.commands.executeCommand<PatternsPanel>('attune.showPatterns'))!;
    assert.ok(panel, 'the command returns its panel');
  });

  after(async () => {
    panel.dispose();
    await closeAll();
  });

  it('opens a panel whose HTML has a strict policy with a nonce and loads nothing remote', () => {
    assert.strictEqual(panel.panel.title, 'Attune: Patterns');
    const html = panel.panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp, 'a Content-Security-Policy meta tag');
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'(;|$)/.exec(csp)?.[1];
    assert.ok(nonce, `scripts only with a nonce: ${csp}`);
    assert.match(csp, /^default-src 'none';/);
    assert.ok(!/unsafe-eval|unsafe-inline|\*(?!\.)/.test(csp.replace(panel.panel.webview.cspSource, '')), 'no unsafe sources or wildcards of our own');
    // Every script carries the nonce; every loaded resource is the extension's own, from dist/.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    assert.strictEqual(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`));
    const own = (file: string): string =>
      panel.panel.webview
        .asWebviewUri(vscode.Uri.joinPath(vscode.extensions.all.find((e) => e.packageJSON?.name === 'attune')!.extensionUri, 'dist', file))
        .toString();
    // The panel's own script is written into the page (no round trip for its file), so the
    // page's markup outside it names no source at all.
    const script = /<script\b[^>]*>([\s\S]*?)<\/script>/.exec(html);
    assert.ok(script && script[1].length > 1000, 'the panel script is in the page');
    const markup = html.replace(script[1], '');
    const sources = [...markup.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.deepStrictEqual(sources, []);
    // The one other file the script loads itself (with the same nonce): Chart.js, also from dist/.
    assert.deepStrictEqual(
      [...html.matchAll(/\bdata-charts="([^"]*)"/g)].map((m) => m[1]),
      [own('patterns-charts.js')],
    );
    assert.ok(!/<link\b|<iframe\b|<img\b|@import|url\(/i.test(markup), 'no other resource of any kind');
    // A second call reveals the same panel rather than opening another.
    return vscode.commands.executeCommand<PatternsPanel>('attune.showPatterns').then((again) => assert.strictEqual(again, panel));
  });

  it("draws the demo workspace's counts in the webview", async () => {
    await draws('4 ruptures noted across 5 sessions.');
    const data = lastSent(panel, 'data');
    assert.ok(data);
    assert.deepStrictEqual(data.patterns.byStatus, { open: 1, planned: 1, attempted: 1, held: 0, repaired: 1, closed: 0 });
    assert.deepStrictEqual(data.clients, ['C104', 'C215', 'C318']);
    assert.deepStrictEqual(
      data.patterns.byKind.map((k) => [k.value, k.count]),
      [['cultural or generational context missed', 1]],
    );
    assert.deepStrictEqual(data.patterns.firstReturn, { count: 1, medianDays: 7 });
    assert.deepStrictEqual(data.extras, { daysToReturn: false, openByClient: false }, 'days to a first return and open ruptures per client are off by default');
  });

  it('filters by client and lists the ruptures behind a bar; a click opens the note at the heading', async () => {
    await panel.handle({ type: 'filter', period: 'all', client: 'C104' });
    await draws('1 rupture with C104 noted across 2 sessions.');

    await panel.handle({ type: 'list', field: 'kind', value: 'cultural or generational context missed', outcome: 'all' });
    const list = lastSent(panel, 'list');
    assert.ok(list);
    assert.strictEqual(list.heading, 'Kind of miss: cultural or generational context missed (1)');
    assert.deepStrictEqual(
      list.entries.map((e) => [e.title, e.client, e.date, e.status]),
      [['A suggestion that landed badly', 'C104', '2026-11-06', 'planned']],
    );

    await panel.handle({ type: 'open', path: list.entries[0].path, line: list.entries[0].line });
    const editor = await waitFor('the note to open', () => vscode.window.activeTextEditor);
    assert.strictEqual(editor.document.uri.toString(), uriOf('C104/2026-11-06.md').toString());
    assert.strictEqual(editor.selection.active.line, 15);
    assert.strictEqual(editor.document.lineAt(15).text, '## A suggestion that landed badly #rupture/planned');
  });

  it('opens only notes Attune knows, at a rupture heading', async () => {
    // The note from the test before is open at line 15; none of these may move or replace it.
    await panel.handle({ type: 'open', path: uriOf('C104/2026-11-06.md').toString(), line: 3 });
    await panel.handle({ type: 'open', path: 'file:///etc/hostname', line: 0 });
    await panel.handle({ type: 'open', path: 42, line: 'x' });
    // handle() resolves once the note is shown (or refused), so the editor is as it stays.
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), uriOf('C104/2026-11-06.md').toString());
    assert.strictEqual(editor?.selection.active.line, 15);
  });

  it('copies a markdown summary of the counts without any client code', async () => {
    await panel.handle({ type: 'filter', period: 'all', client: 'C215' });
    await vscode.env.clipboard.writeText('');
    await panel.handle({ type: 'copy' });
    const text = await vscode.env.clipboard.readText();
    assert.match(text, /^## Rupture patterns\n\n3 ruptures noted across 2 sessions\./);
    for (const code of ['C104', 'C215', 'C318']) assert.ok(!text.includes(code), `the summary names ${code}`);
    assert.doesNotMatch(text, /\d+(?:\.\d+)? days?\b/, 'no count of days unless turned on');
    assert.ok(lastSent(panel, 'copied'));
  });

  it("updates when notes change, and shows a chosen client's feedback over time", async () => {
    await panel.handle({ type: 'filter', period: 'all', client: 'C318' });
    await draws('0 ruptures with C318 noted across 1 session.');
    const file = 'C318/2026-11-25.md';
    const uri = writeNote(
      file,
      '---\nclient: C318\ndate: 2026-11-25\n---\n# Session\n\n- **Alliance feedback score:** 31/40\n\n## Rushed the ending #rupture/held\n- **Kind of miss:** my own state (tired or unwell)\n',
    );
    try {
      // Two steps, so a failure says which one did not happen: the file watcher's report, or the redraw.
      const api = await activateAttune();
      await waitFor('the index to hold the new note', () => api.workspace.index.get(uri.toString())?.entries.length === 1);
      await waitFor('the panel to stay in view', () => panel.panel.visible);
      await draws('1 rupture with C318 noted across 2 sessions.');
      const data = lastSent(panel, 'data');
      assert.deepStrictEqual(
        data?.feedback.map((f) => [f.date, f.score, f.max]),
        [['2026-11-25', 31, 40]],
      );
      assert.deepStrictEqual(data?.patterns.byKind, [
        { value: 'my own state (tired or unwell)', key: 'my-state', count: 1, unrepaired: 0, repaired: 0, closed: 0 },
      ]);
    } finally {
      fs.rmSync(uri.fsPath);
      await draws('0 ruptures with C318 noted across 1 session.');
    }
  });

  it('keeps the chosen client when the theme changes and when the panel is hidden and shown (issue 26)', async () => {
    await panel.handle({ type: 'filter', period: 'all', client: 'C104' });
    await draws('1 rupture with C104 noted across 2 sessions.');
    const workbench = vscode.workspace.getConfiguration('workbench');
    const light = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Light;
    const redrawn = panel.nextRender();
    await workbench.update('colorTheme', light ? 'Default Dark Modern' : 'Default Light Modern', vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual((await redrawn).text, '1 rupture with C104 noted across 2 sessions.', 'redrawn in the new theme for the same client');
    } finally {
      await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    }
    // Hidden behind a note in its group, its page is let go; shown again, it is made afresh.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf('C215/2026-11-20.md')), {
      viewColumn: panel.panel.viewColumn,
      preview: false,
    });
    await waitFor('the panel to be hidden', () => !panel.panel.visible);
    const shown = panel.nextRender();
    panel.panel.reveal();
    assert.strictEqual((await shown).text, '1 rupture with C104 noted across 2 sessions.', 'drawn again for the same client');
  });

  it('shows nothing from the notes while the privacy curtain is down, and draws afresh when it is raised', async () => {
    const api = await activateAttune();
    await panel.handle({ type: 'filter', period: 'all', client: 'C104' });
    await draws('1 rupture with C104 noted across 2 sessions.');
    const before = panel.sent.length;
    await api.curtain.set(true);
    try {
      await draws('Client details are hidden for sharing your screen. Show them again with the eye in the status bar.');
      await panel.handle({ type: 'filter', period: 'all', client: 'C215' });
      await panel.handle({ type: 'list', field: 'kind', value: 'cultural or generational context missed', outcome: 'all' });
      // handle() posts what it answers before it resolves; an update the notes' changes
      // scheduled waits for the workspace, and sends nothing while the curtain is down.
      await api.workspace.quiet();
      assert.deepStrictEqual(panel.sent.slice(before), [{ type: 'curtain', drawn: true }], 'nothing but the curtain is sent while it is down');
    } finally {
      await api.curtain.set(false);
    }
    await draws('3 ruptures with C215 noted across 2 sessions.');
  });

  it('counts the last months only with a period', async () => {
    await panel.handle({ type: 'filter', period: '3', client: '' });
    // The demo notes are dated 2026-10-30 to 2026-11-20: all of them or none fall in the last 3 months.
    await waitFor('a period headline', () => / since \d{4}-\d{2}-\d{2}\.$/.test(panel.lastRender?.text ?? ''), 15000);
    assert.match(panel.lastRender?.text ?? '', /^(4 ruptures noted across 5 sessions|0 ruptures noted across 0 sessions) since /);
  });
});
