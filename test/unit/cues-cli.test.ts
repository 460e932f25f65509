import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli, TempDirs, write } from './helpers';

const NOTES: Readonly<Record<string, string>> = {
  'AB/2026-11-13.md': [
    '---', // 1
    'client: A.B.', // 2
    'mood: not exactly fine', // 3
    '---', // 4
    '# Session', // 5
    '', // 6
    "She said 'not exactly' and went quiet.", // 7
    '', // 8
    '```', // 9
    'I rushed.', // 10
    '```', // 11
    '<!-- I felt defensive -->', // 12
    '## The fee #rupture/open', // 13
    'She stopped crying.', // 14
    '## Later', // 15
    'The exercise helped, it went well.', // 16
    'You don\u2019t understand, he said.', // 17
  ].join('\n'),
  'CD/2026-11-20.md': '# Session\n\nI talked too much.\n',
  'CD/quiet.md': '# Nothing here\n\nIt went well.\n',
  '.hidden/x.md': 'I rushed.\n',
  'node_modules/x.md': 'I rushed.\n',
};

describe('attune cues (command line)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('prints every cue in a folder as JSON: file relative to the folder, 1-based line and column, length, cue, kind', () => {
    const dir = temp.make(NOTES);
    const r = cli(['cues', dir, '--json'], '/');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, '');
    assert.deepStrictEqual(JSON.parse(r.out), [
      { file: 'AB/2026-11-13.md', line: 7, column: 11, length: 11, cue: 'not-exactly', kind: 'withdrawal' },
      { file: 'AB/2026-11-13.md', line: 7, column: 28, length: 10, cue: 'went-quiet', kind: 'withdrawal' },
      { file: 'AB/2026-11-13.md', line: 17, column: 1, length: 20, cue: 'dont-understand', kind: 'confrontation' },
      { file: 'CD/2026-11-20.md', line: 3, column: 1, length: 17, cue: 'too-much-talking', kind: 'my own reaction' },
    ]);
    assert.deepStrictEqual(Object.keys(JSON.parse(r.out)[0]), ['file', 'line', 'column', 'length', 'cue', 'kind']);
  });

  it("adds the folder's own phrases from .vscode/settings.json, as the editor does", () => {
    const dir = temp.make({
      '.vscode/settings.json':
        '{\n  // my own cues\n  "attune.cues.phrases": [{ "phrase": "checked out", "kind": "withdrawal", "reason": "Worth a look?" }],\n}\n',
      'AB/2026-11-13.md': '# Session\n\nShe checked out halfway.\n',
    });
    const r = cli(['cues', dir, '--json'], '/');
    assert.strictEqual(r.code, 0, r.err);
    const found = JSON.parse(r.out) as { line: number; column: number; length: number; kind: string }[];
    assert.deepStrictEqual(
      found.map((c) => [c.line, c.column, c.length, c.kind]),
      [[3, 5, 11, 'withdrawal']],
    );
    // Without the settings file, the built-in cues alone find nothing there.
    fs.rmSync(path.join(dir, '.vscode'), { recursive: true });
    assert.deepStrictEqual(JSON.parse(cli(['cues', dir, '--json'], '/').out), []);
  });

  it("reads exactly the notes `list` reads, by the folder's include and exclude settings", () => {
    const dir = temp.make({
      ...NOTES,
      '.vscode/settings.json': '{ "attune.whichFilesAreNotes": "**/2026-*.md", "attune.filesToLeaveOut": ["**/AB"] }',
      'EF/2026-11-21.md': '# Session\n\nI talked too much.\n\n## Rushed her #rupture/open\n',
    });
    const files = (r: { out: string }): string[] => [...new Set((JSON.parse(r.out) as { file: string }[]).map((c) => c.file))];
    assert.deepStrictEqual(files(cli(['cues', dir, '--json'], '/')), ['CD/2026-11-20.md', 'EF/2026-11-21.md']);
    // AB's rupture is excluded for `list` too.
    const listed = JSON.parse(cli(['list', dir, '--all', '--json'], '/').out) as { file: string }[];
    assert.deepStrictEqual(
      listed.map((e) => e.file),
      ['EF/2026-11-21.md'],
    );
  });

  it('keeps its JSON shape for the new cues and safety-first (kind safety); a note about a week gets nothing', () => {
    const dir = temp.make({
      'EF/2026-11-30.md':
        '# Session\n\nShe said "I want to quit therapy and just make myself worse enough where I can finally kill myself."\n\n"Whatever."\n\nShe arrived 20 minutes late again.\n',
      'EF/week.md': '# Session\n\nShe said "My husband is angry with me and it doesn\'t help that work is too much."\n',
    });
    const r = cli(['cues', dir, '--json'], '/');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(JSON.parse(r.out), [
      { file: 'EF/2026-11-30.md', line: 3, column: 21, length: 12, cue: 'safety-first', kind: 'safety' },
      { file: 'EF/2026-11-30.md', line: 5, column: 2, length: 8, cue: 'dismissive', kind: 'withdrawal' },
      { file: 'EF/2026-11-30.md', line: 7, column: 5, length: 23, cue: 'late-or-missed', kind: 'withdrawal' },
    ]);
    const text = cli(['cues', dir], '/').out;
    assert.match(text, /^EF\/2026-11-30\.md:3:21: "quit therapy" \(safety, safety-first\): Words like these can speak of risk/m);
    assert.ok(!text.includes('kill myself'), 'the readable listing shows only the cue words');
  });

  it('reads the current folder by default', () => {
    const dir = temp.make(NOTES);
    const r = cli(['cues', '--json'], path.join(dir, 'CD'));
    assert.deepStrictEqual(
      JSON.parse(r.out).map((c: { file: string }) => c.file),
      ['2026-11-20.md'],
    );
  });

  it('prints one readable line per cue with its reason', () => {
    const dir = temp.make(NOTES);
    const r = cli(['cues', 'CD'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(
      r.out,
      '2026-11-20.md:3:1: "I talked too much" (my own reaction, too-much-talking): Talking or explaining a lot can crowd out what the client needed to say. Worth a second look?\n',
    );
    const all = cli(['cues', dir], '/').out.trimEnd().split('\n');
    assert.strictEqual(all.length, 4);
    assert.match(all[0], /^AB\/2026-11-13\.md:7:11: "not exactly" \(withdrawal, not-exactly\): .*Worth a second look\?$/);
  });

  it('names a single note as it was given, with / between folders', () => {
    const dir = temp.make(NOTES);
    const r = cli(['cues', 'AB/2026-11-13.md', '--json'], dir);
    assert.deepStrictEqual(
      JSON.parse(r.out).map((c: { file: string; line: number }) => `${c.file}:${c.line}`),
      ['AB/2026-11-13.md:7', 'AB/2026-11-13.md:7', 'AB/2026-11-13.md:17'],
    );
    const quiet = cli(['cues', 'CD/quiet.md'], dir);
    assert.strictEqual(quiet.code, 0);
    assert.strictEqual(quiet.out, 'No cue phrases found.\n');
    assert.strictEqual(cli(['cues', 'CD/quiet.md', '--json'], dir).out, '[]\n');
  });

  it('escapes control characters, so one cue stays on one line', () => {
    const dir = temp.make();
    write(dir, 'odd\nname\x1b[2J.md', 'I\trushed.\n');
    const r = cli(['cues', dir], '/');
    assert.strictEqual(
      r.out,
      'odd\\nname\\x1b[2J.md:1:1: "I\trushed" (my own reaction, rushed): Rushing can leave a client behind without either of you noticing. Worth a second look?\n',
    );
  });

  it('says clearly when the path cannot be read or the arguments are wrong, exit 2', () => {
    const dir = temp.make(NOTES);
    const missing = cli(['cues', 'nowhere'], dir);
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.err, 'attune: cannot read nowhere: it does not exist\n');
    assert.strictEqual(cli(['cues', 'a', 'b'], dir).code, 2);
    assert.strictEqual(cli(['cues', '--bogus'], dir).code, 2);
  });

  it('skips binary files and notes over the size limit with a warning that quotes nothing', () => {
    const dir = temp.make({ 'bin.md': Buffer.from([0, 1, 2, 3]), 'big.md': 'I rushed. '.repeat(600000), 'ok.md': 'I rushed.\n' });
    const r = cli(['cues', dir, '--json'], '/');
    assert.strictEqual(r.code, 0);
    assert.deepStrictEqual(
      JSON.parse(r.out).map((c: { file: string }) => c.file),
      ['ok.md'],
    );
    assert.match(
      r.err,
      /^attune: warning: big\.md: skipped: .* is over the 5 MB limit for a note\nattune: warning: bin\.md: skipped: it looks like a binary file/,
    );
    assert.ok(!r.err.includes('rushed'));
  });

  it('is listed in the help', () => {
    const r = cli(['--help'], temp.make());
    assert.match(r.out, /attune cues \[PATH\] \[--json\]/);
  });

  it('never writes anything', () => {
    const dir = temp.make(NOTES);
    const before = fs.readFileSync(path.join(dir, 'AB', '2026-11-13.md'));
    cli(['cues', dir], '/');
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'AB', '2026-11-13.md')), before);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['.hidden', 'AB', 'CD', 'node_modules']);
  });
});
