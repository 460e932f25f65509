import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { decodeNote } from '../../src/node/files';
import { formatBytes, scanFolder } from '../../src/node/host';
import { walkNotes, walkNotesLazily } from '../../src/node/walk';
import { allNotes, TempDirs } from './helpers';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('decodeNote', () => {
  it('decodes UTF-8 and keeps a BOM, so offsets match the editor', () => {
    const decoded = decodeNote(Buffer.from('\uFEFF## Séance #rupture\n', 'utf8'));
    assert.deepStrictEqual(decoded, { ok: true, text: '\uFEFF## Séance #rupture\n', encoding: 'utf-8' });
  });

  it('decodes invalid UTF-8 with replacement characters and keeps every line', () => {
    const decoded = decodeNote(Buffer.from([0x61, 0xe9, 0x0a, 0xe2, 0x0a, 0xff, 0xfe, 0x62]));
    assert.ok(decoded.ok);
    assert.deepStrictEqual(decoded.text.split('\n'), ['a\uFFFD', '\uFFFD', '\uFFFD\uFFFDb']);
  });

  it('honours UTF-16 byte order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## A #rupture\n', 'utf16le')]);
    assert.deepStrictEqual(decodeNote(le), { ok: true, text: '\uFEFF## A #rupture\n', encoding: 'utf-16le' });
    const be = Buffer.from(le);
    be.swap16();
    assert.deepStrictEqual(decodeNote(be), { ok: true, text: '\uFEFF## A #rupture\n', encoding: 'utf-16be' });
  });

  it('refuses a file with a NUL byte near the start as binary', () => {
    const decoded = decodeNote(Buffer.from([0x23, 0x00, 0x41]));
    assert.strictEqual(decoded.ok, false);
  });

  it('reads a NUL byte far into a long note as text', () => {
    const bytes = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    const decoded = decodeNote(bytes);
    assert.ok(decoded.ok && decoded.text.endsWith('\0'));
  });

  it('decodes an empty file', () => {
    assert.deepStrictEqual(decodeNote(new Uint8Array(0)), { ok: true, text: '', encoding: 'utf-8' });
  });
});

describe('which files and folders are notes (the default excludes)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('skips node_modules, hidden folders and hidden files, and takes .md in any case', () => {
    const dir = temp.make({
      'b.md': '',
      'A/z.md': '',
      'A/a.MD': '',
      'A/c.Md': '',
      'A/notes.txt': '',
      'A/a.markdown': '',
      'A/a.md.bak': '',
      'node_modules/x/n.md': '',
      '.git/g.md': '',
      '.obsidian/o.md': '',
      'A/.hidden/h.md': '',
      '.dot.md': '',
      'modules/m.md': '',
    });
    assert.deepStrictEqual([...scanFolder(dir).index.paths()], ['A/a.MD', 'A/c.Md', 'A/z.md', 'b.md', 'modules/m.md']);
  });
});

describe('walkNotes', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('finds notes in a stable order, skipping tool and hidden folders', () => {
    const dir = temp.make({
      'b.md': '',
      'A/z.md': '',
      'A/a.MD': '',
      'A/notes.txt': '',
      'node_modules/x/n.md': '',
      '.git/g.md': '',
      '.obsidian/o.md': '',
      'A/.hidden/h.md': '',
      '.dot.md': '',
    });
    const { notes, problems } = walkNotes(
      dir,
      allNotes((rel) => /(^|\/)(node_modules|\.[^/]*)$/.test(rel)),
    );
    assert.deepStrictEqual(
      notes.map((f) => f.relative),
      ['.dot.md', 'A/a.MD', 'A/z.md', 'b.md'],
    );
    assert.deepStrictEqual(problems, []);
  });

  it('follows symbolic links to folders and files, and survives loops', () => {
    const dir = temp.make({ 'A/a.md': '', 'B/b.md': '' });
    fs.symlinkSync('..', path.join(dir, 'A', 'up'));
    fs.symlinkSync(path.join(dir, 'A'), path.join(dir, 'B', 'self-loop'));
    fs.symlinkSync(path.join(dir, 'B'), path.join(dir, 'B', 'B-again'));
    fs.symlinkSync(path.join(dir, 'A', 'a.md'), path.join(dir, 'B', 'linked.md'));
    fs.symlinkSync(path.join(dir, 'missing'), path.join(dir, 'B', 'dangling.md'));
    const { notes } = walkNotes(
      dir,
      allNotes(() => false),
    );
    // B/linked.md is a second path to A/a.md: counted once, where it is (issue 22).
    assert.deepStrictEqual(
      notes.map((f) => f.relative),
      ['A/a.md', 'B/b.md'],
    );
  });

  it('can be read as it goes, one folder at a time, giving the same notes in the same order', () => {
    const dir = temp.make({ 'A/a.md': '', 'B/b.md': '', 'C/c.md': '' });
    const lazy = walkNotesLazily(
      dir,
      allNotes(() => false),
    );
    const it = lazy.notes[Symbol.iterator]();
    assert.strictEqual(it.next().value?.relative, 'A/a.md');
    // A note added to a folder the walk has not opened yet is listed: nothing was read ahead.
    fs.writeFileSync(path.join(dir, 'C', 'c2.md'), '');
    const rest = [...{ [Symbol.iterator]: () => it }].map((f) => f.relative);
    assert.deepStrictEqual(['A/a.md', ...rest], ['A/a.md', 'B/b.md', 'C/c.md', 'C/c2.md']);
  });

  it('throws when the root cannot be read', () => {
    const dir = temp.make({ 'file.md': '' });
    assert.throws(
      () =>
        walkNotes(
          path.join(dir, 'missing'),
          allNotes(() => false),
        ),
      /it does not exist/,
    );
    assert.throws(
      () =>
        walkNotes(
          path.join(dir, 'file.md'),
          allNotes(() => false),
        ),
      /it is not a folder/,
    );
  });

  (isRoot ? it.skip : it)('reports an unreadable folder below the root and goes on', () => {
    const dir = temp.make({ 'A/a.md': '', 'B/b.md': '' });
    fs.chmodSync(path.join(dir, 'A'), 0o000);
    try {
      const { notes, problems } = walkNotes(
        dir,
        allNotes(() => false),
      );
      assert.deepStrictEqual(
        notes.map((f) => f.relative),
        ['B/b.md'],
      );
      assert.deepStrictEqual(problems, [{ path: 'A', reason: 'permission denied' }]);
    } finally {
      fs.chmodSync(path.join(dir, 'A'), 0o755);
    }
  });
});

describe('scanFolder', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('indexes every note with paths relative to the folder and clients from folder names', () => {
    const dir = temp.make({
      'AB/2026-11-10.md': '## Fee #rupture/planned\n',
      'AB/deeper/2026-11-11.md': '---\nclient: AB\n---\n## Pace #rupture\n',
      'top.md': '## Loose #rupture/closed\n',
      'EF/2026-11-01.md': '# A session without ruptures\n',
    });
    const { index, warnings } = scanFolder(dir);
    assert.deepStrictEqual(warnings, []);
    assert.strictEqual(index.noteCount, 4);
    assert.deepStrictEqual(
      index.entries().map((e) => [e.path, e.line, e.client, e.date, e.status]),
      [
        ['AB/2026-11-10.md', 0, 'AB', '2026-11-10', 'planned'],
        ['AB/deeper/2026-11-11.md', 3, 'AB', '2026-11-11', 'open'],
        ['top.md', 0, path.basename(dir), null, 'closed'],
      ],
    );
    assert.deepStrictEqual(
      index.clients().map((c) => c.client),
      ['AB', 'EF', path.basename(dir)],
    );
  });

  it('warns about notes it skips or doubts, with 1-based lines, and reads the rest', () => {
    const dir = temp.make({
      'A/big.md': `## Big #rupture\n${'x'.repeat(3000)}\n`,
      'A/binary.md': Buffer.from([0x23, 0x00, 0x01]),
      'A/later.md': '# S\n## Later #rupture/later\n',
      'A/ok.md': '## Fine #rupture\n',
    });
    const { index, warnings } = scanFolder(dir, { maxBytes: 2048 });
    assert.deepStrictEqual(warnings, [
      { file: 'A/big.md', message: 'skipped: 3 KB is over the 2 KB limit for a note' },
      { file: 'A/binary.md', message: 'skipped: it looks like a binary file, not a text note' },
      {
        file: 'A/later.md',
        line: 2,
        message: 'a rupture tag has a status Attune does not know (open, planned, attempted, held, repaired, closed); it is listed as open',
      },
    ]);
    assert.deepStrictEqual(
      index.entries().map((e) => [e.path, e.status]),
      [
        ['A/later.md', 'open'],
        ['A/ok.md', 'open'],
      ],
    );
  });

  it('warns about a note-wide problem without a line', () => {
    const dir = temp.make({ 'A/x.md': '---\ndate: someday\n---\n' });
    assert.deepStrictEqual(scanFolder(dir).warnings, [{ file: 'A/x.md', message: 'the front-matter date is not a YYYY-MM-DD date, so it was ignored' }]);
  });

  it('reads a large note under the limit whole', () => {
    const body = `${'filler line\n'.repeat(20_000)}## Late #rupture\n`;
    const dir = temp.make({ 'A/long.md': body, 'A/short.md': '## Short #rupture\n' });
    const { index } = scanFolder(dir);
    assert.deepStrictEqual(
      index.entries().map((e) => [e.path, e.line, e.title]),
      [
        ['A/long.md', 20_000, 'Late'],
        ['A/short.md', 0, 'Short'],
      ],
    );
  });

  it('throws when the folder cannot be read', () => {
    assert.throws(() => scanFolder(path.join(temp.make(), 'missing')));
  });

  it('describes sizes plainly', () => {
    assert.strictEqual(formatBytes(512), '512 bytes');
    assert.strictEqual(formatBytes(2048), '2 KB');
    assert.strictEqual(formatBytes(5 * 1024 * 1024), '5 MB');
    assert.strictEqual(formatBytes(1.5 * 1024 * 1024), '1.5 MB');
    assert.strictEqual(formatBytes(12.345 * 1024 * 1024), '12.35 MB');
  });

  it('shows a size over a limit as more than the limit, however little it is over', () => {
    const MB = 1024 * 1024;
    // The default limit, and a note one byte over it (the message once read "5 MB is over the 5 MB limit").
    assert.strictEqual(formatBytes(5 * MB), '5 MB');
    assert.strictEqual(formatBytes(5 * MB + 1), '5.01 MB');
    assert.strictEqual(formatBytes(MB + 1), '1.01 MB');
    // --max-size 0.1 (rounded to 104,858 bytes) and the VS Code setting 0.1 (104,857.6 bytes).
    assert.strictEqual(formatBytes(Math.round(0.1 * MB)), '102 KB');
    assert.strictEqual(formatBytes(0.1 * MB), '102 KB');
    assert.strictEqual(formatBytes(Math.round(0.1 * MB) + 1), '103 KB');
    assert.strictEqual(formatBytes(0.25 * MB + 1), '257 KB');
    // Sizes well clear of a limit are rounded to the nearest.
    assert.strictEqual(formatBytes(200_017), '195 KB');
    assert.strictEqual(formatBytes(3017), '3 KB');

    /** The number of bytes a formatted size stands for. */
    const bytes = (shown: string): number => {
      const m = /^(\d+(?:\.\d+)?) (bytes|KB|MB)$/.exec(shown);
      assert.ok(m, shown);
      return Number(m[1]) * (m[2] === 'MB' ? MB : m[2] === 'KB' ? 1024 : 1);
    };
    // Every limit from 0.01 to 10 MB by hundredths, as the CLI and VS Code compute it, and
    // sizes from one byte over it to past the next KB or hundredth of a MB.
    for (let hundredths = 1; hundredths <= 1000; hundredths++) {
      const mb = hundredths / 100;
      for (const limit of [Math.round(mb * MB), mb * MB]) {
        const shownLimit = formatBytes(limit);
        assert.strictEqual(shownLimit, mb < 1 ? `${Math.floor((hundredths * 1024) / 100)} KB` : `${mb} MB`);
        for (let over = 1; over < 12_000; over += over < 40 ? 1 : 97) {
          const size = Math.floor(limit) + over;
          if (size - limit < 1) continue; // a fraction of a byte over a fractional limit
          const shown = formatBytes(size);
          assert.ok(bytes(shown) > bytes(shownLimit), `${shown} (${size} bytes) is over the ${shownLimit} limit (${limit} bytes)`);
        }
      }
    }
  });
});
