import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  MAX_NOTE_SIZE_MB_CEILING,
  noteSettings,
  parseJsonc,
  readingOldNames,
  RENAMED_SETTINGS,
  RESTRICTED_SETTINGS,
  trustedLookup,
} from '../../src/core/notes/settings';
import { DEFAULT_SETTINGS } from '../../src/core/notes/noteCollection';
import { foldersClosed } from '../../src/node/deepPaths';
import { folderSettings, scanFolder } from '../../src/node/host';
import { walkNotes } from '../../src/node/walk';
import { allNotes, cli, TempDirs } from './helpers';

describe('settings: JSON with comments', () => {
  it('reads comments, trailing commas and a BOM, and leaves slashes inside strings alone', () => {
    const text = '\uFEFF{\n  // a comment\n  "a": "x // not a comment", /* block */\n  "b": [1, 2,],\n  "c": "http:/\\/\\"q\\"",\n}\n';
    assert.deepStrictEqual(parseJsonc(text), { a: 'x // not a comment', b: [1, 2], c: 'http://"q"' });
  });

  it('refuses what is not JSON', () => {
    assert.throws(() => parseJsonc('{ "a": '), SyntaxError);
    assert.throws(() => parseJsonc('{ /* open'), SyntaxError);
  });

  it('turns settings into note settings, with defaults for what is missing or of the wrong type', () => {
    const values: Record<string, unknown> = {
      'attune.whichFilesAreNotes': 'sessions/**/*.md',
      'attune.filesToLeaveOut': ['**/drafts', 3],
      'attune.largestNoteInMegabytes': 'big',
      'attune.clientLabelAtTopOfNote': 'patient',
      'attune.dateFromFileName': false,
      'files.exclude': { '**/archive': true, '**/old': false },
    };
    const s = noteSettings((k) => values[k]);
    assert.strictEqual(s.include, 'sessions/**/*.md');
    assert.deepStrictEqual(s.exclude, ['**/drafts', '**/archive']);
    assert.strictEqual(s.maxNoteBytes, DEFAULT_SETTINGS.maxNoteBytes);
    assert.deepStrictEqual(s.parse, { clientKey: 'patient', clientFromFolder: true, dateKey: 'date', dateFromFileName: false });
    assert.deepStrictEqual(
      noteSettings(() => undefined),
      DEFAULT_SETTINGS,
    );
  });

  it('lowers a size limit above 64 MB to 64 MB, so no setting makes Attune read a gigabyte-sized file', () => {
    const mb = (value: unknown): number => noteSettings((k) => (k === 'attune.largestNoteInMegabytes' ? value : undefined)).maxNoteBytes / (1024 * 1024);
    assert.strictEqual(MAX_NOTE_SIZE_MB_CEILING, 64);
    assert.strictEqual(mb(1e9), 64);
    assert.strictEqual(mb(Infinity), 64);
    assert.strictEqual(mb(64), 64);
    assert.strictEqual(mb(20), 20);
  });

  it('in an untrusted workspace, takes include, exclude and the size limit from the user only', () => {
    const workspace: Record<string, unknown> = {
      'attune.whichFilesAreNotes': '../**/*.md',
      'attune.filesToLeaveOut': [],
      'attune.largestNoteInMegabytes': 1e9,
      'attune.clientLabelAtTopOfNote': 'patient',
    };
    const user: Record<string, unknown> = { 'attune.largestNoteInMegabytes': 2 };
    const untrusted = noteSettings(
      trustedLookup(
        false,
        (k) => workspace[k] ?? user[k],
        (k) => user[k],
      ),
    );
    assert.strictEqual(untrusted.include, DEFAULT_SETTINGS.include);
    assert.deepStrictEqual(untrusted.exclude, DEFAULT_SETTINGS.exclude);
    assert.strictEqual(untrusted.maxNoteBytes, 2 * 1024 * 1024);
    assert.strictEqual(untrusted.parse.clientKey, 'patient', 'a setting that reads no other file still applies');
    const trusted = noteSettings(
      trustedLookup(
        true,
        (k) => workspace[k] ?? user[k],
        (k) => user[k],
      ),
    );
    assert.strictEqual(trusted.include, '../**/*.md');
    assert.strictEqual(trusted.maxNoteBytes, 64 * 1024 * 1024);
  });

  it('restricts in untrusted workspaces every setting that decides which files are read, as package.json declares', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
      contributes: { configuration: { properties: Record<string, { maximum?: number }> }[] };
    };
    const declared = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    // Each restricted setting, under its new name and its old one (still read until it moves).
    const oldNames = RESTRICTED_SETTINGS.flatMap((key) => RENAMED_SETTINGS.filter(([n]) => n === key).map(([, old]) => old));
    assert.deepStrictEqual([...declared].sort(), [...RESTRICTED_SETTINGS, ...oldNames].sort());
    for (const old of ['attune.notes.include', 'attune.notes.exclude', 'attune.maxNoteSizeMB']) assert.ok(declared.includes(old), old);
    for (const key of ['attune.whichFilesAreNotes', 'attune.filesToLeaveOut', 'attune.largestNoteInMegabytes', 'attune.templatesFolder'])
      assert.ok(declared.includes(key), key);
    const size = manifest.contributes.configuration.map((c) => c.properties['attune.largestNoteInMegabytes']).find((p) => p !== undefined);
    assert.strictEqual(size?.maximum, MAX_NOTE_SIZE_MB_CEILING);
  });
});

/**
 * The title VS Code's Settings editor gives a setting: made from its key, the part shared with
 * its group's id left out (VS Code's settingKeyToDisplayFormat, 1.100 to 1.139, restated).
 */
function settingsEditorTitle(key: string, groupId: string): string {
  const wordify = (s: string): string =>
    s
      .replace(/\.([a-z0-9])/g, (_m, c: string) => ` \u203A ${c.toUpperCase()}`)
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]{1,})([A-Z][a-z])/g, '$1 $2')
      .replace(/^[a-z]/g, (c) => c.toUpperCase());
  const dot = key.lastIndexOf('.');
  const category = dot >= 0 ? key.slice(0, dot) : '';
  const trim = (fromEnd: boolean): string | null => {
    const parts = groupId.split('.');
    while (parts.length) {
      const prefix = new RegExp(`^${parts.join('\\.')}(\\.|$)`, 'i');
      if (prefix.test(category)) return category.replace(prefix, '');
      if (fromEnd) parts.pop();
      else parts.shift();
    }
    return null;
  };
  const rest = wordify(trim(true) ?? trim(false) ?? category);
  const label = wordify(key.slice(dot + 1));
  return rest ? `${rest}: ${label}` : label;
}

describe('settings: titles in plain words (issue 26)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { id: string; properties: Record<string, { deprecationMessage?: string }> }[] };
  };
  // The Settings editor hides a deprecated setting unless the user has set it: the old names.
  const titles = manifest.contributes.configuration.flatMap((g) =>
    Object.entries(g.properties)
      .filter(([, p]) => p.deprecationMessage === undefined)
      .map(([key]) => settingsEditorTitle(key, g.id)),
  );

  it('gives every setting a title without VS Code words (lens, front matter, MB, enabled, badge, status bar)', () => {
    assert.strictEqual(
      settingsEditorTitle('attune.codeLens.insertReflection', 'attune.shows'),
      'Code Lens: Insert Reflection',
      'the rule as VS Code applies it',
    );
    assert.strictEqual(settingsEditorTitle('attune.maxNoteSizeMB', 'attune.notes'), 'Max Note Size MB');
    assert.deepStrictEqual(titles, [
      'Which Files Are Notes',
      'Client Code From Folder Name',
      'Client Label At Top Of Note',
      'Date From File Name',
      'Date Label At Top Of Note',
      'New Note File Name',
      'Largest Note In Megabytes',
      'Insert Button Above Headings',
      'Next Steps Above Ruptures',
      'Cue Hints',
      'Cues: Phrases',
      'Check In When Feedback Below',
      'Number On Attune Icon',
      'Show Counts',
      'Patterns: Show Days To Return',
      'Patterns: Show Open By Client',
      'Checklist: Show Progress',
      'Checklist: Next Time Heading',
      'Templates Folder',
      'Template Language',
      'Files To Leave Out',
      'Heart At Bottom Of Window',
    ]);
    for (const title of titles) assert.doesNotMatch(title, /code ?lens|front ?matter|\bMB\b|enabled|badge|status ?bar|threshold|max\b|include|exclude/i, title);
  });

  const NLS = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.nls.json'), 'utf8')) as Record<string, string>;

  it('contributes the new keys, the old ones only as deprecated (hidden, still known to VS Code), and restricts the new names of restricted settings', () => {
    const properties = new Map(manifest.contributes.configuration.flatMap((g) => Object.entries(g.properties)));
    for (const [key, old] of RENAMED_SETTINGS) {
      assert.ok(properties.has(key) && properties.get(key)?.deprecationMessage === undefined, key);
      // The notice is localised: the manifest names its key in package.nls.json.
      const notice = (properties.get(old)?.deprecationMessage ?? '').replace(/^%(.+)%$/, (_, k: string) => NLS[k] ?? '');
      assert.match(notice, new RegExp(`use ${key.replace('.', '\\.')}\\.`), old);
    }
    for (const old of ['attune.notes.include', 'attune.notes.exclude', 'attune.maxNoteSizeMB', 'attune.sessionNote.fileName']) {
      const renamed = RENAMED_SETTINGS.find(([, o]) => o === old)?.[0] ?? '';
      assert.ok(RESTRICTED_SETTINGS.includes(renamed), `${old} is renamed ${renamed}, still restricted`);
    }
  });

  it('reads an old key while the new one is not set, and the new one once it is', () => {
    const old: Record<string, unknown> = {
      'attune.notes.include': 'sessions/**/*.md',
      'attune.client.frontMatterKey': 'patient',
      'attune.maxNoteSizeMB': 2,
      'attune.notes.exclude': ['**/drafts'],
    };
    const fromOld = noteSettings((k) => old[k]);
    assert.strictEqual(fromOld.include, 'sessions/**/*.md');
    assert.strictEqual(fromOld.parse.clientKey, 'patient');
    assert.strictEqual(fromOld.maxNoteBytes, 2 * 1024 * 1024);
    assert.deepStrictEqual(fromOld.exclude, ['**/drafts']);
    const both: Record<string, unknown> = { ...old, 'attune.clientLabelAtTopOfNote': 'code' };
    assert.strictEqual(noteSettings((k) => both[k]).parse.clientKey, 'code', 'the new key wins');
    // VS Code's lookup gives defaults for unset keys: whether a key is set is asked apart.
    const defaults: Record<string, unknown> = { 'attune.insertButtonAboveHeadings': 'firstHeading' };
    const user: Record<string, unknown> = { 'attune.codeLens.insertReflection': 'everyH2' };
    const get = readingOldNames(
      (k) => user[k] ?? defaults[k],
      (k) => user[k] !== undefined,
    );
    assert.strictEqual(get('attune.insertButtonAboveHeadings'), 'everyH2');
    user['attune.insertButtonAboveHeadings'] = 'off';
    assert.strictEqual(get('attune.insertButtonAboveHeadings'), 'off');
  });

  it('in an untrusted workspace, reads the old names of restricted settings from the user only', () => {
    const workspace: Record<string, unknown> = { 'attune.notes.include': '../**/*.md', 'attune.maxNoteSizeMB': 1e9 };
    const user: Record<string, unknown> = { 'attune.maxNoteSizeMB': 3 };
    const untrusted = noteSettings(
      trustedLookup(
        false,
        (k) => workspace[k] ?? user[k],
        (k) => user[k],
      ),
    );
    assert.strictEqual(untrusted.include, DEFAULT_SETTINGS.include);
    assert.strictEqual(untrusted.maxNoteBytes, 3 * 1024 * 1024);
  });
});

describe('the command line reads the workspace settings VS Code reads', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  const settings = (values: string): Record<string, string> => ({ '.vscode/settings.json': values });

  it('lowers a size limit above 64 MB to 64 MB, with one warning that names no file', () => {
    const dir = temp.make({ ...settings('{ "attune.largestNoteInMegabytes": 1e9 }'), 'AB/secret-name.md': '## Miss #rupture\n' });
    const r = cli(['list'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, 'attune: warning: attune.largestNoteInMegabytes asks for more than 64 MB; 64 MB is used\n');
    assert.strictEqual(cli(['list', '--max-size', '100'], dir).err, '', "a limit given on the command line is the user's own");
  });

  it('honours include and exclude, the client and date keys and the size limit', () => {
    const dir = temp.make({
      ...settings(`{
        // Only the sessions folder holds notes, drafts are private.
        "attune.whichFilesAreNotes": "sessions/**/*.md",
        "attune.filesToLeaveOut": ["**/drafts"],
        "attune.clientLabelAtTopOfNote": "patient",
        "attune.dateLabelAtTopOfNote": "seen",
        "attune.largestNoteInMegabytes": 0.01,
      }`),
      'sessions/AB/a.md': '---\npatient: P1\nseen: 2026-11-02\n---\n## Miss #rupture\n',
      'sessions/AB/drafts/b.md': '## Draft #rupture\n',
      'sessions/AB/big.md': `## Big #rupture\n${'x'.repeat(20_000)}\n`,
      'other/c.md': '## Elsewhere #rupture\n',
    });
    const r = cli(['list', '--json'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(JSON.parse(r.out), [
      { file: 'sessions/AB/a.md', line: 5, level: 2, end: 6, title: 'Miss', status: 'open', client: 'P1', date: '2026-11-02', fields: [], followUps: [] },
    ]);
    assert.match(r.err, /sessions\/AB\/big\.md: skipped: 20 KB is over the 10 KB limit for a note/);
    // The flag still wins over the settings file.
    const wide = cli(['list', '--json', '--max-size', '1'], dir);
    assert.strictEqual((JSON.parse(wide.out) as unknown[]).length, 2);
  });

  it('takes templates from attune.templatesFolder', () => {
    const dir = temp.make({
      ...settings('{ "attune.templatesFolder": "my templates" }'),
      'my templates/fee-talk.md': '## Fee talk with ${CLIENT:this client}\n',
      '.attune/templates/ignored.md': '## Not used\n',
    });
    const list = cli(['template'], dir);
    assert.match(list.out, /fee-talk/);
    assert.doesNotMatch(list.out, /ignored/);
    assert.strictEqual(cli(['template', 'fee-talk', dir], dir).out, '## Fee talk with this client\n');
  });

  it('warns once about a settings file it cannot read, and uses the defaults', () => {
    const dir = temp.make({ ...settings('{ "attune.whichFilesAreNotes": '), 'AB/a.md': '## Miss #rupture\n' });
    const r = cli(['list', '--json'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual((JSON.parse(r.out) as unknown[]).length, 1);
    assert.strictEqual(r.err, 'attune: warning: .vscode/settings.json: settings not used: it is not valid JSON\n');
  });

  it('finds no settings in a folder without them', () => {
    assert.deepStrictEqual(folderSettings(temp.make()), { settings: DEFAULT_SETTINGS });
  });
});

describe('the folder walk on deep folders', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('walks 1,000 nested folders, with a note at every level, resolving no path per folder', function () {
    this.timeout(60_000);
    const dir = temp.make();
    let here = dir;
    let levels = 0;
    for (; levels < 1000; levels++) {
      here = path.join(here, 'd');
      try {
        fs.mkdirSync(here);
        fs.writeFileSync(path.join(here, `n${levels}.md`), '# x\n');
      } catch {
        break; // the path grew too long for this system
      }
    }
    assert.ok(levels >= 900, `${levels} levels`);
    // Resolving each folder's real path walks its whole path again: quadratic on deep folders
    // (1,000 levels took 15 s). Count the calls that resolve a path.
    const counted = { realpath: 0, native: 0, stat: 0 };
    // The module object itself (the namespace import only has getters onto it).
    const nodeFs = require('fs') as { realpathSync: typeof fs.realpathSync; statSync: typeof fs.statSync };
    const realpath = fs.realpathSync;
    const native = fs.realpathSync.native;
    const stat = fs.statSync;
    const patched = Object.assign((...a: Parameters<typeof realpath>) => (counted.realpath++, realpath(...a)), {
      native: (...a: Parameters<typeof native>) => (counted.native++, native(...a)),
    });
    nodeFs.realpathSync = patched as typeof fs.realpathSync;
    nodeFs.statSync = ((...a: Parameters<typeof stat>) => (counted.stat++, stat(...a))) as typeof fs.statSync;
    let found;
    try {
      found = walkNotes(
        dir,
        allNotes(() => false),
      );
    } finally {
      nodeFs.realpathSync = realpath;
      nodeFs.statSync = stat;
    }
    assert.strictEqual(found.notes.length, levels);
    assert.strictEqual(found.problems.length, 0);
    assert.strictEqual(found.notes[found.notes.length - 1].relative, 'd/n0.md');
    assert.deepStrictEqual(counted, { realpath: 0, native: 1, stat: 1 }, 'only the root is resolved');
  });

  // Linux resolves a path one folder at a time, and refuses paths over 4,096 bytes. Reaching
  // each folder from its open parent makes both limits irrelevant: a walk that still opened
  // folders by their full paths would fail past the limit ("its path is too long").
  it('walks and reads notes nested deeper than the system lets a path reach (Linux)', function () {
    if (process.platform !== 'linux') this.skip();
    this.timeout(60_000);
    const dir = temp.make();
    const LEVELS = 2500; // 5,000 bytes of `d/`
    const start = process.cwd();
    const fds = (): number => fs.readdirSync('/proc/self/fd').length;
    const before = fds();
    try {
      process.chdir(dir);
      for (let i = 0; i < LEVELS; i++) {
        fs.mkdirSync('d');
        process.chdir('d');
        if (i % 500 === 499) fs.writeFileSync(`level-${i + 1}.md`, `## Missed her cue at level ${i + 1} #rupture/open\n`);
      }
    } finally {
      process.chdir(start);
    }
    try {
      const walked = walkNotes(
        dir,
        allNotes(() => false),
      );
      assert.deepStrictEqual(walked.problems, []);
      assert.deepStrictEqual(
        walked.notes.map((n) => n.fileName),
        ['level-2500.md', 'level-2000.md', 'level-1500.md', 'level-1000.md', 'level-500.md'],
      );
      const scan = scanFolder(dir);
      assert.deepStrictEqual(scan.warnings, []);
      assert.deepStrictEqual(
        scan.index.entries().map((e) => e.title),
        [
          'Missed her cue at level 2500',
          'Missed her cue at level 2000',
          'Missed her cue at level 1500',
          'Missed her cue at level 1000',
          'Missed her cue at level 500',
        ],
      );
    } finally {
      removeDeep(dir, LEVELS);
    }
    // The folders held open are closed once the walk and the reads are over.
    return foldersClosed().then(() => assert.ok(fds() <= before, `${fds() - before} folders still open`));
  });
});

/** Removes a folder nested too deeply for `fs.rmSync`: moves its deep parts up first. */
function removeDeep(dir: string, levels: number): void {
  const part = 'd/'.repeat(1000).slice(0, -1);
  let top = dir;
  for (let left = levels, n = 0; left > 1000; left -= 1000, n++) {
    const to = path.join(dir, `part-${n}`);
    fs.renameSync(path.join(top, part), to);
    top = to;
  }
}
