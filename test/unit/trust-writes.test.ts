// Issue 22, "no race loses a save": a save by another program between Attune's last check
// and its rename is kept; concurrent Attune writers to one note take turns; the note's owner
// and setuid/setgid bits survive the rename.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../src/cli/main';
import type { WriteSystem } from '../../src/node/atomicWrite';
import { lockFileOf } from '../../src/node/atomicWrite';
import { cli, TempDirs, TODAY } from './helpers';

const main = path.join(__dirname, '..', '..', 'src', 'cli', 'main.js');

const NODE_WRITES: WriteSystem = {
  writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
};

function cliWith(argv: readonly string[], cwd: string, writeSystem: WriteSystem): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, today: TODAY, writeSystem });
  return { code, out, err };
}

function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.includes('.attune-'));
}

describe('trust, round three: no race loses a save', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  describe('a save between the last check and the rename', () => {
    for (const [how, save] of [
      ['in place, as VS Code and most editors save', (f: string, text: string) => fs.writeFileSync(f, text)],
      ['appended', (f: string, text: string) => fs.appendFileSync(f, text.slice(text.length - 20))],
    ] as const) {
      it(`is kept (${how}): exit 2, a clear message, the editor's text on disk`, () => {
        const dir = temp.make({ 'AB/2026-11-06.md': '## Fee #rupture/open\ntext\n' });
        const file = path.join(dir, 'AB/2026-11-06.md');
        const editors = '## Fee #rupture/open\ntext\nThe editor saved this line in the window.\n';
        let expected = '';
        // The rename delayed, with the editor's save landing in the window before it.
        const r = cliWith(['set', 'AB/2026-11-06.md:1', 'planned'], dir, {
          ...NODE_WRITES,
          renameSync: (a, b) => {
            save(file, editors);
            expected = fs.readFileSync(file, 'utf8');
            fs.renameSync(a, b);
          },
        });
        assert.strictEqual(r.code, 2, r.out);
        assert.strictEqual(
          r.err,
          'attune: cannot change AB/2026-11-06.md: another program saved it while Attune was writing; its save is what the note holds, and the status was not changed\n',
        );
        assert.strictEqual(fs.readFileSync(file, 'utf8'), expected, "the editor's text is what the note holds");
        assert.match(expected, /editor saved this line|in the window/);
        assert.deepStrictEqual(leftovers(path.join(dir, 'AB')), []);
      });
    }

    it('a set with nothing saved meanwhile still changes only the tag, and leaves no lock or copy behind', () => {
      const dir = temp.make({ 'AB/2026-11-06.md': '## Fee #rupture/open\ntext\n' });
      const r = cli(['set', 'AB/2026-11-06.md:1', 'planned'], dir);
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'AB/2026-11-06.md'), 'utf8'), '## Fee #rupture/planned\ntext\n');
      assert.deepStrictEqual(leftovers(path.join(dir, 'AB')), []);
    });
  });

  describe('concurrent attune set runs on one note', () => {
    it('10 processes x 20 rounds on different headings of one note: every update lands', async function () {
      this.timeout(240000);
      const writers = 10;
      const rounds = 20;
      const headings = Array.from({ length: writers }, (_, i) => `## Rupture ${i} #rupture/open\n\ntext ${i}\n\n`).join('');
      const dir = temp.make({ 'AB/2026-11-06.md': headings });
      const order = ['planned', 'attempted', 'open'];
      // Each writer runs its 20 rounds in one process (as 20 `attune set` runs would, one after another),
      // so the test spends its time racing, not starting Node.
      const script = `
        const { run } = require(${JSON.stringify(main)});
        const [line, rounds] = process.argv.slice(1).map(Number);
        const order = ${JSON.stringify(order)};
        let ok = 0;
        const fails = [];
        for (let r = 0; r < rounds; r++) {
          let err = '';
          const code = run(['set', 'AB/2026-11-06.md:' + line, order[r % 3]], { out: () => {}, err: (t) => (err += t), cwd: process.cwd(), today: '2026-11-20' });
          if (code === 0) ok++; else fails.push(err);
        }
        process.stdout.write(JSON.stringify({ ok, fails }));
      `;
      const results = await Promise.all(
        Array.from(
          { length: writers },
          (_, i) =>
            new Promise<{ ok: number; fails: string[] }>((resolve, reject) => {
              const child = spawn(process.execPath, ['-e', script, String(1 + i * 4), String(rounds)], { cwd: dir });
              let out = '';
              child.stdout.on('data', (d: Buffer) => (out += d.toString()));
              child.on('error', reject);
              child.on('close', () => resolve(JSON.parse(out) as { ok: number; fails: string[] }));
            }),
        ),
      );
      assert.deepStrictEqual(
        results.flatMap((r) => r.fails),
        [],
        'no run was refused',
      );
      assert.strictEqual(
        results.reduce((n, r) => n + r.ok, 0),
        writers * rounds,
      );
      // Each heading ends at its writer's last status, and nothing else changed.
      const last = order[(rounds - 1) % 3];
      const want = Array.from({ length: writers }, (_, i) => `## Rupture ${i} #rupture/${last}\n\ntext ${i}\n\n`).join('');
      assert.strictEqual(fs.readFileSync(path.join(dir, 'AB/2026-11-06.md'), 'utf8'), want);
      assert.deepStrictEqual(leftovers(path.join(dir, 'AB')), []);
    });

    it('a lock left by a writer that died over a minute ago is taken over; a fresh one makes the writer wait, then refuse', () => {
      const dir = temp.make({ 'AB/2026-11-06.md': '## Fee #rupture/open\n' });
      const file = path.join(dir, 'AB/2026-11-06.md');
      const lock = lockFileOf(fs.realpathSync(file));
      fs.writeFileSync(lock, '');
      const old = new Date(Date.now() - 61_000);
      fs.utimesSync(lock, old, old);
      const r = cli(['set', 'AB/2026-11-06.md:1', 'planned'], dir);
      assert.strictEqual(r.code, 0, r.err);
      assert.ok(!fs.existsSync(lock), 'the lock is removed on exit');
      // A fresh lock held by a live writer (here: never released) makes the run give up with a clear message.
      fs.writeFileSync(lock, '');
      const held = spawnSync(process.execPath, [main, 'set', 'AB/2026-11-06.md:1', 'attempted'], { cwd: dir, encoding: 'utf8', timeout: 60000 });
      assert.strictEqual(held.status, 2);
      assert.strictEqual(
        held.stderr,
        'attune: cannot change AB/2026-11-06.md: another Attune is changing it just now; try again in a moment; the note was left exactly as it was\n',
      );
      assert.strictEqual(fs.readFileSync(file, 'utf8'), '## Fee #rupture/planned\n');
    });
  });

  describe('metadata', () => {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

    (isRoot ? it : it.skip)('owner and setuid/setgid bits survive: the owner is set before the mode', () => {
      const dir = temp.make({ 'AB/2026-11-06.md': '## Fee #rupture/open\n' });
      const file = path.join(dir, 'AB/2026-11-06.md');
      fs.chownSync(file, 1234, 1234);
      fs.chmodSync(file, 0o6754);
      const r = cli(['set', 'AB/2026-11-06.md:1', 'planned'], dir);
      assert.strictEqual(r.code, 0, r.err);
      const st = fs.statSync(file);
      assert.deepStrictEqual([st.uid, st.gid, (st.mode & 0o7777).toString(8)], [1234, 1234, '6754']);
    });
  });
});
