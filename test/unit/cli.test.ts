import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BUILT_IN_TEMPLATES } from '../../src/core/reflection/templates';
import { cli, TempDirs, write, type CliResult } from './helpers';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A small practice: two clients with ruptures, one without, and folders that must be skipped. */
const PRACTICE: Readonly<Record<string, string>> = {
  'AB/2026-11-10.md': [
    '---',
    'client: A.B.',
    '---',
    '# Session 2026-11-10',
    '',
    '## Fee talk #rupture/planned',
    '- **Opening line:** "Can we go back to what I said about the fee?"',
    '',
    '## Too soon #rupture/repaired',
    '',
  ].join('\n'),
  'AB/2026-11-03.md': '---\nclient: A.B.\n---\n## Metaphor #rupture\n',
  'CD/2026-11-12 session.md': '## Agenda #rupture/attempted\n## Quiet #rupture/closed\n```\n## Fenced #rupture\n```\n',
  'CD/notes.md': '## Undated #rupture/later\n',
  'EF/2026-11-01.md': '# A session without ruptures\n\nI wrote #rupture in passing.\n',
  'node_modules/pkg/2026-01-01.md': '## In node_modules #rupture\n',
  '.git/2026-01-01.md': '## In .git #rupture\n',
  '.obsidian/2026-01-01.md': '## In .obsidian #rupture\n',
  'AB/.trash/2026-01-01.md': '## In a hidden folder #rupture\n',
};

const UNKNOWN_STATUS_WARNING =
  'attune: warning: CD/notes.md:1: a rupture tag has a status Attune does not know (open, planned, attempted, held, repaired, closed); it is listed as open\n';

describe('attune (command line)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  function practice(): string {
    const dir = temp.make(PRACTICE);
    fs.symlinkSync('..', path.join(dir, 'CD', 'loop'));
    return dir;
  }

  describe('help and usage', () => {
    it('prints help with --help, -h, help or no arguments, exit 0', () => {
      for (const argv of [['--help'], ['-h'], ['help'], []]) {
        const r = cli(argv, temp.make());
        assert.strictEqual(r.code, 0);
        assert.match(r.out, /^attune: rupture and repair notes/);
        assert.match(r.out, /attune list \[DIR\]/);
        assert.strictEqual(r.err, '');
      }
    });

    it('prints a version, exit 0', () => {
      const r = cli(['--version'], temp.make());
      assert.strictEqual(r.code, 0);
      assert.match(r.out, /^\S+\n$/);
    });

    it('answers a usage error with one line on stderr and exit 2', () => {
      const dir = temp.make();
      const cases: [string[], string][] = [
        [['frobnicate'], 'attune: unknown command "frobnicate" (try attune --help)\n'],
        [['list', '--bogus'], 'attune: unknown option --bogus\n'],
        [['list', '--all=yes'], 'attune: unknown option --all\n'],
        [['list', 'a', 'b'], 'attune: list takes at most one folder\n'],
        [['list', '--client'], 'attune: --client needs a value\n'],
        [['list', '--max-size', 'lots'], 'attune: --max-size takes a number of megabytes\n'],
        [['set', 'x.md:1'], 'attune: set takes FILE:LINE and a STATUS\n'],
        [['set', 'x.md', 'open'], 'attune: expected FILE:LINE, such as notes/2026-11-13.md:12\n'],
        [['template', 'a', 'b', 'c'], 'attune: template takes a name and at most one folder\n'],
      ];
      for (const [argv, err] of cases) {
        const r = cli(argv, dir);
        assert.deepStrictEqual(r, { code: 2, out: '', err }, argv.join(' '));
      }
    });
  });

  describe('list', () => {
    it('prints unrepaired entries as JSON, sorted by date (undated last), then file, then line', () => {
      const dir = practice();
      const r = cli(['list', '--json'], dir);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.err, UNKNOWN_STATUS_WARNING);
      assert.deepStrictEqual(JSON.parse(r.out), [
        {
          file: 'AB/2026-11-03.md',
          line: 4,
          level: 2,
          end: 5,
          title: 'Metaphor',
          status: 'open',
          client: 'A.B.',
          date: '2026-11-03',
          fields: [],
          followUps: [],
        },
        {
          file: 'AB/2026-11-10.md',
          line: 6,
          level: 2,
          end: 8,
          title: 'Fee talk',
          status: 'planned',
          client: 'A.B.',
          date: '2026-11-10',
          fields: [{ label: 'Opening line', key: 'opening-line', value: '"Can we go back to what I said about the fee?"', line: 7 }],
          followUps: [],
        },
        {
          file: 'CD/2026-11-12 session.md',
          line: 1,
          level: 2,
          end: 1,
          title: 'Agenda',
          status: 'attempted',
          client: 'CD',
          date: '2026-11-12',
          fields: [],
          followUps: [],
        },
        { file: 'CD/notes.md', line: 1, level: 2, end: 2, title: 'Undated', status: 'open', client: 'CD', date: null, fields: [], followUps: [] },
      ]);
      assert.strictEqual(r.out, `${JSON.stringify(JSON.parse(r.out), null, 2)}\n`);
    });

    it('prints every entry with --all', () => {
      const r = cli(['list', '--all', '--json'], practice());
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(
        (JSON.parse(r.out) as { file: string; line: number; status: string }[]).map((e) => `${e.file}:${e.line} ${e.status}`),
        [
          'AB/2026-11-03.md:4 open',
          'AB/2026-11-10.md:6 planned',
          'AB/2026-11-10.md:9 repaired',
          'CD/2026-11-12 session.md:1 attempted',
          'CD/2026-11-12 session.md:2 closed',
          'CD/notes.md:1 open',
        ],
      );
    });

    it('keeps only one client with --client, in any case', () => {
      for (const name of ['A.B.', 'a.b.']) {
        const r = cli(['list', '--json', '--client', name], practice());
        assert.deepStrictEqual(
          (JSON.parse(r.out) as { title: string }[]).map((e) => e.title),
          ['Metaphor', 'Fee talk'],
        );
      }
      const r = cli(['list', '--client=CD', '--all', '--json'], practice());
      assert.deepStrictEqual(
        (JSON.parse(r.out) as { title: string }[]).map((e) => e.title),
        ['Agenda', 'Quiet', 'Undated'],
      );
    });

    it('prints an empty JSON array when nothing is unrepaired', () => {
      const r = cli(['list', '--json', '--client', 'nobody'], practice());
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.out, '[]\n');
    });

    it('prints a readable list grouped by client, with the day each was noted, never an age', () => {
      const r = cli(['list'], practice());
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.err, UNKNOWN_STATUS_WARNING);
      assert.strictEqual(
        r.out,
        [
          'A.B. (2)',
          '  open       noted 3 Nov   Metaphor  AB/2026-11-03.md:4',
          '  planned    noted 10 Nov  Fee talk  AB/2026-11-10.md:6',
          'CD (2)',
          '  attempted  noted 12 Nov  Agenda  CD/2026-11-12 session.md:1',
          '  open       undated       Undated  CD/notes.md:1',
          '',
          '4 unrepaired ruptures, 2 clients.',
          '',
        ].join('\n'),
      );
    });

    it('prints the readable list of every entry with --all', () => {
      const r = cli(['list', '--all', '--client', 'a.b.'], practice());
      assert.strictEqual(
        r.out,
        [
          'A.B. (3)',
          '  open      noted 3 Nov   Metaphor  AB/2026-11-03.md:4',
          '  planned   noted 10 Nov  Fee talk  AB/2026-11-10.md:6',
          '  repaired  noted 10 Nov  Too soon  AB/2026-11-10.md:9',
          '',
          '3 ruptures, 1 client.',
          '',
        ].join('\n'),
      );
    });

    it('says so plainly when there is nothing to list', () => {
      const dir = temp.make({ 'AB/2026-11-10.md': '## Done #rupture/repaired\n' });
      assert.deepStrictEqual(cli(['list'], dir), { code: 0, out: 'No unrepaired ruptures. Nothing is waiting for repair.\n', err: '' });
      assert.deepStrictEqual(cli(['list', '--all', '--client', 'X'], dir), { code: 0, out: 'No rupture entries found.\n', err: '' });
      const one = temp.make({ 'AB/2026-11-19.md': '## #rupture\n' });
      assert.strictEqual(cli(['list'], one).out, 'AB (1)\n  open  noted 19 Nov  (untitled)  AB/2026-11-19.md:1\n\n1 unrepaired rupture, 1 client.\n');
    });

    it('lists the folder given, or the current folder, with paths relative to it', () => {
      const dir = practice();
      const fromParent = cli(['list', '--json', path.basename(dir)], path.dirname(dir));
      const fromInside = cli(['list', '--json'], dir);
      const fromDot = cli(['list', '.', '--json'], dir);
      assert.strictEqual(fromParent.out, fromInside.out);
      assert.strictEqual(fromDot.out, fromInside.out);
      const sub = cli(['list', 'AB', '--json'], dir);
      assert.deepStrictEqual(
        (JSON.parse(sub.out) as { file: string }[]).map((e) => e.file),
        ['2026-11-03.md', '2026-11-10.md'],
      );
    });

    it('treats arguments after -- as folders', () => {
      const dir = temp.make({ '--all/AB/2026-11-10.md': '## A #rupture\n' });
      const r = cli(['list', '--json', '--', '--all'], dir);
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(
        (JSON.parse(r.out) as { file: string }[]).map((e) => e.file),
        ['AB/2026-11-10.md'],
      );
    });

    it('skips node_modules, .git and hidden folders, and survives a symlink loop', () => {
      const r = cli(['list', '--all', '--json'], practice());
      const files = (JSON.parse(r.out) as { file: string }[]).map((e) => e.file);
      for (const f of files) assert.doesNotMatch(f, /node_modules|\.git|\.obsidian|\.trash|loop/);
      assert.strictEqual(files.length, 6);
    });

    it('answers a folder that cannot be read with one line on stderr and exit 2', () => {
      const dir = temp.make({ 'note.md': '## A #rupture\n' });
      assert.deepStrictEqual(cli(['list', 'missing'], dir), { code: 2, out: '', err: 'attune: cannot read missing: it does not exist\n' });
      assert.deepStrictEqual(cli(['list', 'note.md', '--json'], dir), { code: 2, out: '', err: 'attune: cannot read note.md: it is not a folder\n' });
      assert.deepStrictEqual(cli(['list'], path.join(dir, 'gone')), { code: 2, out: '', err: 'attune: cannot read .: it does not exist\n' });
    });

    (isRoot ? it.skip : it)('answers a folder without read permission with exit 2, and warns about unreadable folders and notes below it', () => {
      const dir = temp.make({ 'A/a.md': '## A #rupture\n', 'B/b.md': '## B #rupture\n', 'B/secret.md': '## S #rupture\n' });
      fs.chmodSync(path.join(dir, 'A'), 0o000);
      fs.chmodSync(path.join(dir, 'B', 'secret.md'), 0o000);
      try {
        const r = cli(['list', 'A'], dir);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.err.split('\n').length, 2);
        const all = cli(['list', '--json'], dir);
        assert.strictEqual(all.code, 0);
        assert.strictEqual(all.err, 'attune: warning: A: folder skipped: permission denied\nattune: warning: B/secret.md: skipped: permission denied\n');
        assert.deepStrictEqual(
          (JSON.parse(all.out) as { file: string }[]).map((e) => e.file),
          ['B/b.md'],
        );
      } finally {
        fs.chmodSync(path.join(dir, 'A'), 0o755);
      }
    });

    it('warns about notes it cannot read and lists the rest', () => {
      const dir = temp.make({
        'A/binary.md': Buffer.from([0x23, 0x00, 0x01]),
        'A/big.md': `## Big #rupture\n${'x'.repeat(200_000)}\n`,
        'A/ok.md': '## Fine #rupture\n',
      });
      const r = cli(['list', '--json', '--max-size', '0.1'], dir);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(
        r.err,
        'attune: warning: A/big.md: skipped: 195 KB is over the 102 KB limit for a note\n' +
          'attune: warning: A/binary.md: skipped: it looks like a binary file, not a text note\n',
      );
      assert.deepStrictEqual(
        (JSON.parse(r.out) as { file: string }[]).map((e) => e.file),
        ['A/ok.md'],
      );
    });

    it('reads CRLF notes, BOMs and invalid UTF-8 without trouble', () => {
      const dir = temp.make({
        'AB/2026-11-10.md': Buffer.concat([
          Buffer.from('\uFEFF---\r\nclient: A.B.\r\n---\r\n## Caf', 'utf8'),
          Buffer.from([0xe9]),
          Buffer.from(' #rupture/planned\r\n', 'utf8'),
        ]),
      });
      const r = cli(['list', '--json'], dir);
      assert.deepStrictEqual(JSON.parse(r.out), [
        {
          file: 'AB/2026-11-10.md',
          line: 4,
          level: 2,
          end: 5,
          title: 'Caf\uFFFD',
          status: 'planned',
          client: 'A.B.',
          date: '2026-11-10',
          fields: [],
          followUps: [],
        },
      ]);
    });
  });

  describe('as a program', () => {
    // The compiled entry point, run the way a terminal runs it.
    const main = path.join(__dirname, '..', '..', 'src', 'cli', 'main.js');

    it('sets the exit code and writes its one-line message to stderr', () => {
      const r = spawnSync(process.execPath, [main, 'list', 'missing'], { cwd: temp.make(), encoding: 'utf8' });
      assert.deepStrictEqual([r.status, r.stdout, r.stderr], [2, '', 'attune: cannot read missing: it does not exist\n']);
    });

    it('stops quietly when the reader closes the pipe early (attune list | head)', () => {
      const many = Array.from({ length: 3000 }, (_, i) => `## Rupture ${i} #rupture\n`).join('');
      const dir = temp.make({ 'AB/2026-11-10.md': many });
      const r = spawnSync('bash', ['-c', 'node "$0" list 2>stderr.txt | head -c 10 >/dev/null; echo "${PIPESTATUS[0]}"', main], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.stdout, '0\n');
      assert.strictEqual(fs.readFileSync(path.join(dir, 'stderr.txt'), 'utf8'), '');
    });
  });

  describe('template', () => {
    it('lists the templates with their descriptions', () => {
      const r = cli(['template'], temp.make());
      assert.strictEqual(r.code, 0);
      const lines = r.out.trimEnd().split('\n');
      assert.deepStrictEqual(
        lines.map((l) => l.split(' ')[0]),
        BUILT_IN_TEMPLATES.map((t) => t.id),
      );
      assert.strictEqual(lines[0], `${'rupture-reflection'.padEnd(20)} ${BUILT_IN_TEMPLATES[0].description}`);
    });

    it('prints a template as markdown, dated today', () => {
      const r = cli(['template', 'repair-attempt'], temp.make());
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.err, '');
      assert.match(r.out, /^### Repair attempt, 2026-11-20\n\n- \*\*What I said:\*\* \n/);
      assert.match(
        r.out,
        /- \*\*Did they start looking after me\?\*\* \(not filled in\) \/ no \/ yes: I noticed it and thanked them \/ yes, I noticed only later\n/,
      );
    });

    it('prints a reflection that `list` then finds as an open rupture', () => {
      const dir = temp.make();
      const r = cli(['template', 'rupture-reflection'], dir);
      write(dir, 'AB/2026-11-20.md', r.out);
      const listed = cli(['list', '--json'], dir);
      const rows = JSON.parse(listed.out) as { fields: { label: string }[] }[];
      assert.deepStrictEqual(
        rows.map((r) => ({ ...r, fields: undefined })),
        [
          {
            file: 'AB/2026-11-20.md',
            line: 1,
            level: 2,
            end: 23,
            title: 'A few words on what happened',
            status: 'open',
            client: 'AB',
            date: '2026-11-20',
            fields: undefined,
            followUps: [],
          },
        ],
      );
      // Every prompt of the template is a field that later features read back.
      assert.ok(rows[0].fields.some((f) => f.label === 'Kind of miss'));
      assert.ok(rows[0].fields.some((f) => f.label === 'Opening line'));
    });

    it("uses the workspace's own templates, from the current folder or the folder given", () => {
      const dir = temp.make({
        '.attune/templates/repair-plan.md': '### My own plan for ${CLIENT:this client}\r\n- Fee: $120\r\n',
        '.attune/templates/grounding.md': 'Breathe, ${1|slowly,gently|}.\n',
        '.attune/templates/readme.txt': 'not a template',
      });
      const listed = cli(['template'], dir);
      assert.match(listed.out, /^repair-plan {10}Plan how to return .* \(from \.attune\/templates\/repair-plan\.md\)$/m);
      assert.match(listed.out, /^grounding {12}From \.attune\/templates\/grounding\.md$/m);
      assert.doesNotMatch(listed.out, /readme/);
      assert.deepStrictEqual(cli(['template', 'repair-plan'], dir), { code: 0, out: '### My own plan for this client\n- Fee: $120\n', err: '' });
      assert.deepStrictEqual(cli(['template', 'GROUNDING', dir], temp.make()), { code: 0, out: 'Breathe, slowly / gently.\n', err: '' });
    });

    it('answers an unknown template name with the names it knows, exit 2', () => {
      const r = cli(['template', 'nope'], temp.make());
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.out, '');
      assert.strictEqual(r.err, `attune: no template named nope (try: ${BUILT_IN_TEMPLATES.map((t) => t.id).join(', ')})\n`);
    });

    it('answers a templates folder that cannot be read with exit 2', () => {
      const r = cli(['template', 'closing', 'missing'], temp.make());
      assert.deepStrictEqual(r, { code: 2, out: '', err: 'attune: cannot read missing: it does not exist\n' });
    });
  });

  describe('set', () => {
    function setIn(dir: string, rel: string, content: Buffer, argv: string[]): { r: CliResult; after: Buffer } {
      const full = write(dir, rel, content);
      const r = cli(['set', ...argv], dir);
      return { r, after: fs.readFileSync(full) };
    }

    it('changes a heading inside a list item or a block quote, byte for byte, after a BOM and beside invalid UTF-8', () => {
      const dir = temp.make();
      const before = Buffer.concat([
        Buffer.from('\uFEFF- ## Fee talk #rupture/open\n> ### Quoted caf', 'utf8'),
        Buffer.from([0xe9]),
        Buffer.from(' #rupture\n', 'utf8'),
      ]);
      const first = setIn(dir, 'AB/n.md', before, ['AB/n.md:1', 'planned']);
      assert.deepStrictEqual(first.r, { code: 0, out: 'AB/n.md:1: open -> planned\n', err: '' });
      const second = setIn(dir, 'AB/n.md', first.after, ['AB/n.md:2', 'held']);
      assert.deepStrictEqual(second.r, { code: 0, out: 'AB/n.md:2: open -> held\n', err: '' });
      const expected = Buffer.concat([
        Buffer.from('\uFEFF- ## Fee talk #rupture/planned\n> ### Quoted caf', 'utf8'),
        Buffer.from([0xe9]),
        Buffer.from(' #rupture/held\n', 'utf8'),
      ]);
      assert.ok(second.after.equals(expected));
    });

    it('rewrites only the status of the tag', () => {
      const dir = temp.make();
      const before = Buffer.from('# Session\n\n## Fee talk #rupture/planned ##\n- **Opening line:** hi\n', 'utf8');
      const { r, after } = setIn(dir, 'AB/n.md', before, ['AB/n.md:3', 'attempted']);
      assert.deepStrictEqual(r, { code: 0, out: 'AB/n.md:3: planned -> attempted\n', err: '' });
      assert.ok(after.equals(Buffer.from('# Session\n\n## Fee talk #rupture/attempted ##\n- **Opening line:** hi\n', 'utf8')));
    });

    it('adds the status to a bare tag', () => {
      const dir = temp.make();
      const { r, after } = setIn(dir, 'n.md', Buffer.from('## A #rupture\n'), ['n.md:1', 'planned']);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(after.toString('utf8'), '## A #rupture/planned\n');
    });

    it('keeps every other byte: invalid UTF-8, CRLF, lone CR, a BOM mid-file, no final newline', () => {
      const dir = temp.make();
      const head = Buffer.concat([
        Buffer.from('---\r\nclient: Zo', 'utf8'),
        Buffer.from([0xeb, 0xff]), // not UTF-8
        Buffer.from('\r\n---\r\n\uFEFFa BOM in the middle\r\rlone CR above\n', 'utf8'),
        Buffer.from('## S', 'utf8'),
        Buffer.from([0xe9, 0x61, 0x6e, 0x63, 0x65]), // "Séance" in Latin-1, on the heading line itself
        Buffer.from(' “un” 😔 #RUPTURE/', 'utf8'),
      ]);
      const tail = Buffer.concat([Buffer.from(' ##\r\nafter ', 'utf8'), Buffer.from([0xc3, 0x28, 0x80]), Buffer.from('\r\n\uFEFF', 'utf8')]);
      const before = Buffer.concat([head, Buffer.from('Open'), tail]);
      const { r, after } = setIn(dir, 'AB/2026-11-10.md', before, ['AB/2026-11-10.md:7', 'repaired']);
      assert.deepStrictEqual(r, { code: 0, out: 'AB/2026-11-10.md:7: open -> repaired\n', err: '' });
      assert.ok(after.equals(Buffer.concat([head, Buffer.from('repaired'), tail])), 'only the status bytes change');
    });

    it('edits a heading on the first line after a BOM', () => {
      const dir = temp.make();
      const { r, after } = setIn(dir, 'n.md', Buffer.from('\uFEFF## A \xe9 #rupture', 'utf8'), ['n.md:1', 'closed']);
      assert.strictEqual(r.code, 0);
      assert.ok(after.equals(Buffer.from('\uFEFF## A \xe9 #rupture/closed', 'utf8')));
    });

    it('replaces an unknown status', () => {
      const dir = temp.make();
      const { r, after } = setIn(dir, 'n.md', Buffer.from('## A #rupture/later\n'), ['n.md:1', 'open']);
      assert.deepStrictEqual(r, { code: 0, out: 'n.md:1: open -> open\n', err: '' });
      assert.strictEqual(after.toString(), '## A #rupture/open\n');
    });

    it('leaves the file alone when the entry already has that status', () => {
      const dir = temp.make();
      const before = Buffer.from('## A #rupture/planned\n');
      const { r, after } = setIn(dir, 'n.md', before, ['n.md:1', 'planned']);
      assert.deepStrictEqual(r, { code: 0, out: 'n.md:1 is already planned.\n', err: '' });
      assert.ok(after.equals(before));
    });

    it('refuses a line without a rupture heading, exit 2, file untouched', () => {
      const dir = temp.make();
      const before = Buffer.from('# Session\n#rupture in text\n```\n## Fenced #rupture\n```\n## Real #rupture\n', 'utf8');
      for (const line of ['0', '1', '2', '4', '7', '999']) {
        const { r, after } = setIn(dir, 'n.md', before, [`n.md:${line}`, 'planned']);
        assert.deepStrictEqual(r, { code: 2, out: '', err: `attune: n.md:${line} holds no rupture heading; nothing was changed\n` }, line);
        assert.ok(after.equals(before), line);
      }
    });

    it('refuses an unknown status, exit 2, file untouched', () => {
      const dir = temp.make();
      const before = Buffer.from('## A #rupture\n');
      for (const status of ['done', 'Planned', '']) {
        const { r, after } = setIn(dir, 'n.md', before, ['n.md:1', status]);
        assert.deepStrictEqual(r, { code: 2, out: '', err: `attune: unknown status "${status}" (use open, planned, attempted, held, repaired, closed)\n` });
        assert.ok(after.equals(before));
      }
    });

    it('refuses files it cannot read or edit safely, exit 2', () => {
      const dir = temp.make();
      assert.deepStrictEqual(cli(['set', 'missing.md:1', 'open'], dir), { code: 2, out: '', err: 'attune: cannot read missing.md: it does not exist\n' });
      const binary = Buffer.from([0x23, 0x23, 0x20, 0x00, 0x23, 0x72]);
      const b = setIn(dir, 'bin.md', binary, ['bin.md:1', 'open']);
      assert.deepStrictEqual(b.r, { code: 2, out: '', err: 'attune: cannot edit bin.md: it looks like a binary file, not a text note\n' });
      assert.ok(b.after.equals(binary));
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## A #rupture\n', 'utf16le')]);
      const u = setIn(dir, 'u16.md', utf16, ['u16.md:1', 'planned']);
      assert.deepStrictEqual(u.r, { code: 2, out: '', err: 'attune: cannot edit u16.md: attune edits UTF-8 notes only\n' });
      assert.ok(u.after.equals(utf16));
    });

    it('accepts a path holding a colon, and a path from another folder', () => {
      const dir = temp.make();
      const { r, after } = setIn(dir, 'odd:name.md', Buffer.from('x\n## A #rupture\n'), ['odd:name.md:2', 'planned']);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(after.toString(), 'x\n## A #rupture/planned\n');
      const full = write(dir, 'AB/n.md', '## B #rupture\n');
      assert.strictEqual(cli(['set', `${full}:1`, 'closed'], temp.make()).code, 0);
      assert.strictEqual(fs.readFileSync(full, 'utf8'), '## B #rupture/closed\n');
    });

    it('moves an entry through the lifecycle, and list follows', () => {
      const dir = temp.make({ 'AB/2026-11-10.md': '## Fee #rupture\n' });
      for (const status of ['planned', 'attempted', 'repaired']) {
        assert.strictEqual(cli(['set', 'AB/2026-11-10.md:1', status], dir).code, 0);
        const all = JSON.parse(cli(['list', '--all', '--json'], dir).out) as { status: string }[];
        assert.deepStrictEqual(
          all.map((e) => e.status),
          [status],
        );
      }
      assert.strictEqual(cli(['list', '--json'], dir).out, '[]\n');
    });
  });
});
