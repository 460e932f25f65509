// Issue 12, "never lose a note, never hang": `attune set` replaces a note only whole (temp
// file, flush, rename), refuses a note that changed since it was read or is read-only, and
// every command refuses pipes, devices and huge files before reading a byte of them.
// Hostile files are run in a child process with a time limit: a hang fails the test
// instead of hanging the suite.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { printable, printableLines } from '../../src/core/markdown/printable';
import type { NotePlace, NoteRead } from '../../src/core/notes/noteCollection';
import type { WriteSystem } from '../../src/node/atomicWrite';
import { FolderHost } from '../../src/node/host';
import { readRegularFile, TooLarge } from '../../src/node/safeRead';
import { cli, TempDirs, TODAY } from './helpers';

const main = path.join(__dirname, '..', '..', 'src', 'cli', 'main.js');
const MB = 1024 * 1024;

/** A note of about `size` bytes whose rupture heading is on line 1. */
function bigNote(size: number): Buffer {
  const head = '## The fee conversation #rupture/open\n';
  const line = 'She said the fee felt like a door closing. é 😔\n';
  return Buffer.from(head + line.repeat(Math.ceil((size - head.length) / Buffer.byteLength(line))));
}

/** Runs the built CLI in a shell, with at most `seconds` to finish. */
function shell(script: string, cwd: string, seconds = 20): { status: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync('bash', ['-c', script, 'attune', main], { cwd, encoding: 'utf8', timeout: seconds * 1000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined || r.signal === 'SIGTERM' };
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.includes('.attune-') && n.endsWith('.tmp'));
}

function cliWith(argv: readonly string[], cwd: string, writeSystem: WriteSystem): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, today: TODAY, writeSystem });
  return { code, out, err };
}

const NODE_WRITES: WriteSystem = {
  writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
};

describe('trust, round two: writing and reading files', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  describe('attune set never leaves a note half-written', () => {
    it('a file-size limit hit part-way (ulimit -f) leaves the note byte-identical and says so', () => {
      const note = bigNote(1.2 * MB);
      const dir = temp.make({ 'AB/2026-11-06.md': note });
      // 1024 blocks of 1 KiB: the rewrite of a 1.2 MB note cannot fit.
      const r = shell('ulimit -f 1024; node "$1" set AB/2026-11-06.md:1 planned', dir);
      assert.strictEqual(r.timedOut, false);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.strictEqual(r.stderr, 'attune: cannot change AB/2026-11-06.md: a file-size limit was reached; the note was left exactly as it was\n');
      assert.ok(fs.readFileSync(path.join(dir, 'AB/2026-11-06.md')).equals(note), 'the note is byte-identical');
      assert.deepStrictEqual(leftovers(path.join(dir, 'AB')), []);
    });

    it('a write that fails part-way (disk full, injected) leaves the note byte-identical and says so', () => {
      const note = bigNote(300 * 1024);
      const dir = temp.make({ 'AB/2026-11-06.md': note });
      let written = 0;
      const failing: WriteSystem = {
        ...NODE_WRITES,
        writeSync: (fd, b, o, l) => {
          if (written > 64 * 1024) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
          const n = fs.writeSync(fd, b, o, Math.min(l, 16 * 1024));
          written += n;
          return n;
        },
      };
      const r = cliWith(['set', 'AB/2026-11-06.md:1', 'planned'], dir, failing);
      assert.deepStrictEqual(
        [r.code, r.out, r.err],
        [2, '', 'attune: cannot change AB/2026-11-06.md: the disk is full; the note was left exactly as it was\n'],
      );
      assert.ok(written > 0, 'the failure came part-way through the write');
      assert.ok(fs.readFileSync(path.join(dir, 'AB/2026-11-06.md')).equals(note));
      assert.deepStrictEqual(leftovers(path.join(dir, 'AB')), []);
    });

    it('a failing flush or rename leaves the note byte-identical', () => {
      for (const broken of [
        {
          ...NODE_WRITES,
          fsyncSync: () => {
            throw Object.assign(new Error('io'), { code: 'EIO' });
          },
        },
        {
          ...NODE_WRITES,
          renameSync: () => {
            throw Object.assign(new Error('io'), { code: 'EIO' });
          },
        },
      ]) {
        const note = bigNote(10 * 1024);
        const dir = temp.make({ 'AB/2026-11-06.md': note });
        const r = cliWith(['set', 'AB/2026-11-06.md:1', 'planned'], dir, broken);
        assert.strictEqual(r.code, 2);
        assert.match(r.err, /the disk reported an input\/output problem; the note was left exactly as it was\n$/);
        assert.ok(fs.readFileSync(path.join(dir, 'AB/2026-11-06.md')).equals(note));
        assert.deepStrictEqual(leftovers(path.join(dir, 'AB')), []);
      }
    });

    it('a successful set renames a flushed copy over the note: mode kept, link kept, target edited', () => {
      const dir = temp.make({ 'real/2026-11-06.md': '## Fee #rupture/open\ntext\n' });
      const target = path.join(dir, 'real/2026-11-06.md');
      fs.chmodSync(target, 0o640);
      fs.mkdirSync(path.join(dir, 'AB'));
      fs.symlinkSync(target, path.join(dir, 'AB/2026-11-06.md'));
      const calls: string[] = [];
      const traced: WriteSystem = {
        writeSync: (fd, b, o, l) => (calls.push('write'), fs.writeSync(fd, b, o, l)),
        fsyncSync: (fd) => (calls.push('fsync'), fs.fsyncSync(fd)),
        renameSync: (a, b) => {
          calls.push(`rename ${path.dirname(a) === path.dirname(b) ? 'in the same folder' : 'across folders'}`);
          fs.renameSync(a, b);
        },
      };
      const r = cliWith(['set', 'AB/2026-11-06.md:1', 'planned'], dir, traced);
      assert.deepStrictEqual([r.code, r.out, r.err], [0, 'AB/2026-11-06.md:1: open -> planned\n', '']);
      assert.deepStrictEqual([...new Set(calls)], ['write', 'fsync', 'rename in the same folder']);
      assert.ok(fs.lstatSync(path.join(dir, 'AB/2026-11-06.md')).isSymbolicLink(), 'the link is still a link');
      assert.strictEqual(fs.readFileSync(target, 'utf8'), '## Fee #rupture/planned\ntext\n');
      assert.strictEqual(fs.statSync(target).mode & 0o777, 0o640);
      assert.deepStrictEqual(leftovers(path.join(dir, 'real')), []);
    });
  });

  describe('attune set refuses a note that changed since it was read', () => {
    const changes: [string, (file: string) => void][] = [
      ['appended to', (f) => fs.appendFileSync(f, 'A line saved by another program.\n')],
      [
        'rewritten with the same size and time',
        (f) => {
          const st = fs.statSync(f);
          const bytes = fs.readFileSync(f);
          bytes[bytes.length - 2] = 0x21; // one character changed in place
          fs.writeFileSync(f, bytes);
          fs.utimesSync(f, st.atime, st.mtime);
        },
      ],
      ['replaced by a new file', (f) => (fs.unlinkSync(f), fs.writeFileSync(f, '## Fee #rupture/open\nnew text\n'))],
    ];
    for (const [what, change] of changes) {
      it(`exits 2 and keeps the other program's save when the note was ${what}`, () => {
        const dir = temp.make({ 'AB/2026-11-06.md': '## Fee #rupture/open\ntext\n' });
        const file = path.join(dir, 'AB/2026-11-06.md');
        let saved: Buffer | undefined;
        const r = cliWith(['set', 'AB/2026-11-06.md:1', 'planned'], dir, {
          ...NODE_WRITES,
          beforeCheck: () => {
            change(file);
            saved = fs.readFileSync(file);
          },
        });
        assert.strictEqual(r.code, 2);
        assert.strictEqual(
          r.err,
          'attune: cannot change AB/2026-11-06.md: it changed on disk since Attune read it (another program saved it?); the note was left exactly as it was\n',
        );
        assert.ok(saved && fs.readFileSync(file).equals(saved), "the other program's save is what the note holds");
        assert.deepStrictEqual(leftovers(path.join(dir, 'AB')), []);
      });
    }
  });

  it('attune set on a read-only note exits 2 with "the note is read-only"', () => {
    const dir = temp.make({ 'AB/2026-11-06.md': '## Fee #rupture/open\n' });
    const file = path.join(dir, 'AB/2026-11-06.md');
    fs.chmodSync(file, 0o444);
    const r = cli(['set', 'AB/2026-11-06.md:1', 'planned'], dir);
    assert.deepStrictEqual(
      [r.code, r.out, r.err],
      [2, '', 'attune: cannot change AB/2026-11-06.md: the note is read-only; the note was left exactly as it was\n'],
    );
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '## Fee #rupture/open\n');
  });

  describe('pipes, devices and huge files return promptly, unread', () => {
    /** A folder with one good note and `name` made hostile by `make`. */
    function hostile(make: (file: string) => void, name = 'AB/2026-11-07.md'): string {
      const dir = temp.make({ 'AB/2026-11-06.md': '---\nclient: A.B.\n---\n## Fee #rupture/open\n' });
      const file = path.join(dir, ...name.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      make(file);
      return dir;
    }
    const fifo = (file: string): void => void spawnSync('mkfifo', [file]);
    const zero = (file: string): void => fs.symlinkSync('/dev/zero', file);
    const sparse =
      (size: number) =>
      (file: string): void => {
        fs.writeFileSync(file, '## Big #rupture/open\n');
        fs.truncateSync(file, size);
      };

    it('set on a FIFO, a /dev/zero link and a 200 MB note: exit 2 at once', () => {
      const cases: [(f: string) => void, string][] = [
        [fifo, 'attune: cannot read AB/2026-11-07.md: it is not a regular file (a pipe, device or folder)\n'],
        [zero, 'attune: cannot read AB/2026-11-07.md: it is not a regular file (a pipe, device or folder)\n'],
        [sparse(200 * MB), 'attune: cannot edit AB/2026-11-07.md: 200 MB is over the 5 MB limit for a note (--max-size raises it); nothing was changed\n'],
      ];
      for (const [make, message] of cases) {
        const dir = hostile(make);
        const r = shell('node "$1" set AB/2026-11-07.md:1 planned', dir);
        assert.strictEqual(r.timedOut, false, 'set returned');
        assert.deepStrictEqual([r.status, r.stderr], [2, message]);
      }
    });

    it('a FIFO, a /dev/zero link and a 100 MB file as templates: template and checklist return, the built-ins serve', () => {
      for (const make of [fifo, zero, sparse(100 * MB)]) {
        const dir = hostile(make, '.attune/templates/checklist.md');
        for (const name of ['rupture-reflection.md', 'session-note.md']) make(path.join(dir, '.attune/templates', name));
        const list = shell('node "$1" template', dir);
        assert.strictEqual(list.timedOut, false, 'template returned');
        assert.strictEqual(list.status, 0, list.stderr);
        assert.match(list.stdout, /^rupture-reflection {3}/m);
        const one = shell('node "$1" template rupture-reflection', dir);
        assert.strictEqual(one.status, 0, one.stderr);
        assert.match(one.stdout, /#rupture/);
        const checklist = shell('node "$1" checklist --client A.B.', dir);
        assert.strictEqual(checklist.timedOut, false, 'checklist returned');
        assert.strictEqual(checklist.status, 0, checklist.stderr);
        assert.match(checklist.stdout, /Before the session/);
      }
    });

    it('list skips a FIFO note and a /dev/zero link, and returns', () => {
      const dir = hostile(fifo);
      zero(path.join(dir, 'AB/2026-11-08.md'));
      const r = shell('node "$1" list --json', dir);
      assert.strictEqual(r.timedOut, false);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual((JSON.parse(r.stdout) as unknown[]).length, 1);
    });

    it('a note swapped after the listing for a FIFO, a device or a folder is refused; notes past one buffer are read whole', () => {
      // The scan trusts the listing's "regular file" and skips the descriptor's stat while a
      // read looks like a regular file's; anything else swapped in must still be caught.
      const big = bigNote(300 * 1024).toString();
      const dir = temp.make({
        'AB/fifo.md': '',
        'AB/zero.md': '',
        'AB/null.md': '',
        'AB/folder.md': '',
        'AB/grown.md': '',
        'AB/big.md': big,
        'AB/empty.md': '',
      });
      const host = new FolderHost(dir);
      const places = [...host.listNotes(dir, { skipFolder: () => false, isNote: () => true }).notes];
      assert.deepStrictEqual(
        places.map((p) => [p.relative, p.listed]),
        ['big', 'empty', 'fifo', 'folder', 'grown', 'null', 'zero'].map((n) => [`AB/${n}.md`, true]),
      );
      const at = (name: string): string => path.join(dir, 'AB', `${name}.md`);
      for (const name of ['fifo', 'zero', 'null', 'folder']) fs.rmSync(at(name));
      fifo(at('fifo'));
      zero(at('zero'));
      fs.symlinkSync('/dev/null', at('null'));
      fs.mkdirSync(at('folder'));
      sparse(64 * MB)(at('grown'));
      const read = (name: string): NoteRead => host.readNote(places.find((p) => p.relative === `AB/${name}.md`) as NotePlace, 5 * MB);
      const refused: NoteRead = { kind: 'skipped', reason: 'it is not a regular file (a pipe, device or folder)' };
      // The big note first: the reader's buffer grows to hold it, and still no more than 64 KB is read unchecked after.
      assert.deepStrictEqual(read('big'), { kind: 'text', text: big, look: 'tag' });
      const nodeFs = require('fs') as { readSync: typeof fs.readSync };
      const readSync = nodeFs.readSync;
      let bytesRead = 0;
      nodeFs.readSync = ((...a: Parameters<typeof readSync>) => {
        const n = readSync(...a);
        bytesRead += n;
        return n;
      }) as typeof fs.readSync;
      try {
        for (const name of ['fifo', 'zero', 'null', 'folder']) assert.deepStrictEqual(read(name), refused, name);
        assert.deepStrictEqual(read('grown'), { kind: 'skipped', reason: '64 MB is over the 5 MB limit for a note' });
      } finally {
        nodeFs.readSync = readSync;
      }
      assert.ok(bytesRead <= 2 * 64 * 1024, `${bytesRead} bytes read from the /dev/zero link and the 64 MB note`);
      assert.deepStrictEqual(read('empty'), { kind: 'text', text: '', look: 'head' });
    });

    it('a note on a file system that reads a page at a time is still read whole', () => {
      // The scan takes a short read for the end of the note, except a read of whole pages.
      // A tag keeps the whole text in the index's reading (a note without one is read for its front matter only).
      const text = `## Fee #rupture\n${'She said the fee felt like a door closing.\n'.repeat(300)}`;
      const dir = temp.make({ 'AB/paged.md': text, 'AB/one-page.md': text.slice(0, 4096) });
      const host = new FolderHost(dir);
      const places = [...host.listNotes(dir, { skipFolder: () => false, isNote: () => true }).notes];
      const nodeFs = require('fs') as { readSync: typeof fs.readSync };
      const readSync = nodeFs.readSync;
      let reads = 0;
      const readAll = (pageSize: number): NoteRead[] => {
        reads = 0;
        nodeFs.readSync = ((fd: number, buffer: NodeJS.ArrayBufferView, offset: number, length: number, position: fs.ReadPosition | null) => (
          reads++,
          readSync(fd, buffer, offset, Math.min(length, pageSize), position)
        )) as typeof fs.readSync;
        try {
          return places.map((p) => host.readNote(p, 5 * MB));
        } finally {
          nodeFs.readSync = readSync;
        }
      };
      const whole = [
        { kind: 'text', text: text.slice(0, 4096), look: 'tag' },
        { kind: 'text', text, look: 'tag' },
      ];
      assert.deepStrictEqual(readAll(4096), whole);
      // One page and the end for the short note; three pages, the rest and the end for the long one.
      assert.strictEqual(reads, 2 + 5);
      // On an ordinary file system the long note is one read, its short read being its end;
      // the note of exactly one page takes one more read, to its end.
      assert.deepStrictEqual(readAll(64 * 1024), whole);
      assert.strictEqual(reads, 2 + 1);
    });

    it('the reader refuses without reading past the limit, even when the stat said less', () => {
      const dir = temp.make();
      const file = path.join(dir, 'grows.md');
      sparse(64 * MB)(file);
      assert.throws(
        () => readRegularFile(file, MB),
        (err: unknown) => err instanceof TooLarge && err.size === 64 * MB,
      );
      const pipe = path.join(dir, 'pipe.md');
      fifo(pipe);
      assert.throws(() => readRegularFile(pipe, MB), /not a regular file/);
      assert.throws(() => readRegularFile('/dev/zero', MB), /not a regular file/);
      assert.throws(() => readRegularFile(dir, MB), /not a regular file/);
    });
  });

  describe('terminal escapes in text output', () => {
    it('escapes control characters in titles, client codes and file names, keeps JSON as JSON', () => {
      const title = 'Fee \x1b]0;pwned\x07\x1b[2J talk \u202e';
      const dir = temp.make({ 'A\x1b[31mB/2026-11-06\nx.md': `## ${title} #rupture/open\n` });
      const r = cli(['list'], dir);
      assert.strictEqual(r.code, 0, r.err);
      assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.out), 'no raw control character reaches the terminal');
      assert.ok(r.out.includes('A\\x1b[31mB (1)'), r.out);
      assert.ok(r.out.includes('Fee \\x1b]0;pwned\\x07\\x1b[2J talk \\u202e'), r.out);
      assert.ok(r.out.includes('A\\x1b[31mB/2026-11-06\\nx.md:1'), r.out);
      const json = cli(['list', '--json'], dir);
      assert.strictEqual((JSON.parse(json.out) as { title: string }[])[0].title, title.trim());
      const checklist = cli(['checklist', '--client', 'A\x1b[31mB'], dir);
      assert.strictEqual(checklist.code, 0, checklist.err);
      assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(checklist.out), checklist.out);
    });

    it('printable and printableLines', () => {
      assert.strictEqual(printable('a\tb\x00c\x7f\x9b\n\r\u2028'), 'a\tb\\x00c\\x7f\\x9b\\n\\r\\u2028');
      assert.strictEqual(printableLines('a\x1b[2J\nb'), 'a\\x1b[2J\nb');
      assert.strictEqual(printable('Zoë 😔 שלום'), 'Zoë 😔 שלום');
    });
  });
});
