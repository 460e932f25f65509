import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUILT_IN_TEMPLATES, renderSnippet } from '../../src/core/reflection/templates';

// Issue 17: what a clinician meets first (the manifest's walkthrough, settings and
// Marketplace fields, the README's order) and the VS Code versions Attune is tested on.
const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** A manifest string with its %key% resolved from package.nls.json. */
const text = (value: string): string => value.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; markdown?: string; altText?: string };
  completionEvents: string[];
}

describe('first run (issue 17)', () => {
  it('resolves every %key% of the manifest in package.nls.json', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.deepStrictEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
  });

  it('names the oldest VS Code the tests run on in engines, and the host installer pins both', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { HOSTS } = require(path.join(root, 'test', 'host', 'install.js')) as { HOSTS: Record<string, { vscode: string; codeServer: string; dir: string }> };
    const [major, minor] = HOSTS.oldest.vscode.split('.');
    assert.strictEqual(manifest.engines.vscode, `^${major}.${minor}.0`);
    for (const host of Object.values(HOSTS)) {
      const pkg = JSON.parse(fs.readFileSync(path.join(host.dir, 'package.json'), 'utf8'));
      const lock = JSON.parse(fs.readFileSync(path.join(host.dir, 'package-lock.json'), 'utf8'));
      assert.strictEqual(pkg.dependencies['code-server'], host.codeServer);
      assert.strictEqual(lock.packages['node_modules/code-server'].version, host.codeServer);
    }
    assert.ok(HOSTS.newest.vscode > HOSTS.oldest.vscode);
  });

  it('has what the Marketplace and Open VSX show', () => {
    for (const field of ['repository', 'homepage', 'bugs', 'license', 'galleryBanner', 'icon', 'categories', 'keywords']) {
      assert.ok(manifest[field], field);
    }
    assert.ok(!manifest.categories.includes('Programming Languages'));
  });

  it('has a walkthrough of six steps, each ticked by doing it, with theme-aware pictures', () => {
    const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: Step[] }[];
    assert.strictEqual(walkthrough.id, 'firstRun');
    assert.deepStrictEqual(
      walkthrough.steps.map((s) => text(s.title)),
      [
        'Open the folder with your session notes',
        'What a rupture entry is',
        'Insert your first reflection',
        'Find it in the Attune list',
        'Prepare for a session',
        'What stays private, and how',
      ],
    );
    const events = Object.fromEntries(walkthrough.steps.map((s) => [s.id, s.completionEvents]));
    assert.ok(events.openNotes.includes('onContext:attune.notesFolderOpen'));
    assert.ok(events.findInView.includes('onView:attune.unrepaired'));
    // Ticked once the reflection is in the note / the note is prepared, however it was done:
    // an onCommand: event fires as the command starts, before (or without) its quick pick.
    assert.deepStrictEqual(events.firstReflection, ['onContext:attune.hasInsertedReflection']);
    assert.deepStrictEqual(events.prepare, ['onContext:attune.hasPreparedSession']);
    // Each context key a step waits for is one Attune sets.
    const walkthroughCode = fs.readFileSync(path.join(root, 'src', 'vscode', 'walkthrough.ts'), 'utf8');
    for (const event of walkthrough.steps.flatMap((s) => s.completionEvents).filter((e) => e.startsWith('onContext:'))) {
      assert.ok(walkthroughCode.includes(`'${event.slice('onContext:'.length)}'`), `${event} is never set`);
    }
    for (const step of walkthrough.steps) {
      const file = text(step.media.image ?? step.media.markdown ?? '');
      assert.ok(fs.existsSync(path.join(root, file)), file);
      if (step.media.image) {
        assert.match(file, /\.svg$/);
        const svg = fs.readFileSync(path.join(root, file), 'utf8');
        // Theme colours, each with a fallback for where there is no theme (the README, a browser).
        assert.match(svg, /var\(--vscode-[\w-]+, #[0-9a-f]{3,6}\)/i);
        assert.doesNotMatch(svg, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no remote resource');
        assert.ok(step.media.altText && text(step.media.altText).length > 20, `${step.id} has a description of its picture`);
      }
    }
    const privacy = fs.readFileSync(path.join(root, 'media', 'walkthrough', 'privacy.md'), 'utf8');
    assert.match(privacy, /HIPAA/);
    assert.match(privacy, /US law only/);
    // Issue 25: the official record lives elsewhere, and outside the US there is no exemption.
    assert.match(privacy, /private process notes/);
    assert.match(privacy, /official record/);
    assert.match(privacy, /UK and the EU there is no such exemption/);
    assert.match(privacy, /subject-access request/);
  });

  it('opens the walkthrough from the view title menu', () => {
    const entries = manifest.contributes.menus['view/title'] as { command: string; when: string; group: string }[];
    const help = entries.find((e) => e.command === 'attune.openWalkthrough');
    assert.ok(help && help.when === 'view == attune.unrepaired' && !help.group.startsWith('navigation'));
    // Two buttons only, so the view's title ("Attune: Ruptures to revisit") fits the default side bar.
    assert.deepStrictEqual(
      entries.filter((e) => e.group.startsWith('navigation')).map((e) => e.command),
      ['attune.newSessionNote', 'attune.prepareForSession'],
    );
  });

  it('offers the curtain once in the Command Palette, by what it does, and Attune: Help (issue 26)', () => {
    const commands = manifest.contributes.commands as { command: string; title: string; category?: string }[];
    const palette = manifest.contributes.menus.commandPalette as { command: string; when?: string }[];
    const shown = (id: string): string | undefined => palette.find((m) => m.command === id)?.when;
    // One of Hide and Show at a time; the toggle (the eye's command) is not listed beside them.
    assert.strictEqual(shown('attune.toggleClientDetails'), 'false');
    assert.strictEqual(shown('attune.hideClientDetails'), '!attune.detailsHidden');
    assert.strictEqual(shown('attune.showClientDetails'), 'attune.detailsHidden');
    const help = commands.find((c) => c.command === 'attune.help');
    assert.ok(help && `${text(help.category ?? '')}: ${text(help.title)}` === 'Attune: Help' && shown('attune.help') === undefined);
  });

  it("opens a folder of a person's own notes with `npm start -- --notes` as it is, writing nothing into it (issue 26)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const start = require(path.join(root, 'test', 'host', 'start.js')) as {
      prepareDemo(folder: string, reset: boolean): boolean;
      writeFolderSettings(folder: string, own: boolean): void;
    };
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-start-'));
    try {
      const own = path.join(base, 'my notes');
      fs.mkdirSync(own);
      fs.writeFileSync(path.join(own, 'note.md'), '# A session\n');
      assert.strictEqual(start.prepareDemo(own, false), false, 'a folder of their own is not a demo copy');
      start.writeFolderSettings(own, true);
      assert.deepStrictEqual(fs.readdirSync(own), ['note.md'], 'nothing written into their folder');
      const copy = path.join(base, 'demo');
      assert.strictEqual(start.prepareDemo(copy, false), true, 'a new folder becomes a demo copy');
      start.writeFolderSettings(copy, false);
      assert.ok(fs.existsSync(path.join(copy, '.vscode', 'settings.json')), 'a demo copy gets its settings');
      assert.match(fs.readFileSync(path.join(copy, 'ABOUT.txt'), 'utf8'), /This copy of the demo notes is in /);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });

  it('groups the settings in plain words, each group with an order', () => {
    const groups = manifest.contributes.configuration as {
      title: string;
      order: number;
      properties: Record<string, { order: number; enumItemLabels?: string[] }>;
    }[];
    assert.deepStrictEqual(
      groups.map((g) => text(g.title)),
      ['Notes and clients', 'What Attune shows', 'Templates', 'Privacy'],
    );
    assert.deepStrictEqual(
      groups.map((g) => g.order),
      [1, 2, 3, 4],
    );
    const lens = groups[1].properties['attune.insertButtonAboveHeadings'];
    assert.deepStrictEqual(lens.enumItemLabels?.map(text), ['Nowhere', "Above the note's first heading", 'Above every section heading']);
    for (const key of Object.keys(nls).filter((k) => k.startsWith('cfg.'))) {
      assert.doesNotMatch(nls[key], /front.?matter|code ?lens|glob|firstHeading|everyH2/i, key);
    }
  });

  it('shows the welcome from the start: reading notes until the first read is done', () => {
    const welcome = manifest.contributes.viewsWelcome as { when: string; contents: string }[];
    assert.ok(welcome.some((w) => w.contents === '%welcome.indexing%' && w.when.includes('!attune.ready')));
    assert.ok(manifest.activationEvents.includes('onView:attune.unrepaired'));
  });

  it('starts a new session note with the cursor where writing starts, not on the client code', () => {
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'session-note');
    assert.ok(template);
    const snippet = renderSnippet(template, { client: 'Z.Y.', date: '2026-11-20' }, '2026-11-20');
    const stops = [...snippet.matchAll(/\$\{?(\d+)/g)].map((m) => ({ n: Number(m[1]), at: m.index ?? 0 })).filter((s) => s.n > 0);
    const first = stops.reduce((a, b) => (b.n < a.n ? b : a));
    assert.ok(snippet.indexOf('## Between us') < first.at, 'the first field is under "## Between us"');
    assert.match(snippet, /^client: Z\.Y\.$/m);
  });

  it("orders the README for clinicians first, keeping everyone's headings", () => {
    const order = [
      '## Install',
      '## Try it first on made-up notes',
      '## Your first reflection',
      '## In VS Code',
      '## Privacy',
      '## Words used here',
      '## More',
    ];
    const at = order.map((h) => readme.indexOf(`\n${h}\n`));
    assert.ok(
      at.every((i) => i > 0),
      JSON.stringify(order.filter((_, i) => at[i] < 0)),
    );
    assert.deepStrictEqual(
      [...at].sort((a, b) => a - b),
      at,
    );
  });
});
