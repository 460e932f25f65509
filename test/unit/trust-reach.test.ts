import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { walkNotes } from '../../src/node/walk';
import { allNotes, cli, TempDirs } from './helpers';

const NOTE = '## Fee talk #rupture/open\n\nI rushed.\n';

describe('trust, round three: no workspace can hang Attune or steer it outside', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  describe('a settings file swapped for a FIFO', () => {
    it('is refused at once, even when the swap lands between the stat and the read', function () {
      if (process.platform === 'win32') this.skip();
      const dir = temp.make({ 'AB/2026-11-06.md': NOTE, '.vscode/settings.json': '{}' });
      const settings = path.join(dir, '.vscode', 'settings.json');
      // A child process, so a read that blocks forever is ended by the timeout rather than hanging
      // this one. Its fs.statSync swaps the file for a FIFO right after looking at it: the worst moment.
      const script = `
        const fs = require('fs');
        const { execFileSync } = require('child_process');
        const stat = fs.statSync;
        fs.statSync = function (p, ...rest) {
          const st = stat.call(fs, p, ...rest);
          if (p === ${JSON.stringify(settings)} && st.isFile()) {
            fs.unlinkSync(p);
            execFileSync('mkfifo', [p]);
          }
          return st;
        };
        const { folderSettings } = require(${JSON.stringify(path.resolve(__dirname, '../../src/node/host.js'))});
        process.stdout.write(JSON.stringify(folderSettings(${JSON.stringify(dir)}).problem ?? null));
      `;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 15000 });
      assert.strictEqual(r.signal, null, 'reading the settings hung on the FIFO');
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(JSON.parse(r.stdout), 'it is not a regular file');
      assert.ok(fs.statSync(settings).isFIFO(), 'the swap happened');
      const list = cli(['list', dir], dir);
      assert.strictEqual(list.code, 0, list.err);
      assert.match(list.err, /settings not used: it is not a regular file/);
      assert.match(list.out, /Fee talk/);
    });
  });

  describe('links lead nowhere outside the workspace', () => {
    function linked(): { dir: string; outside: string } {
      const outside = temp.make({
        'EF/2026-11-01.md': '## From outside #rupture/open\n',
        'secret.md': '# not a template\nsecret text\n',
        'checks.md': '# Before the session\n\n- [ ] outside check\n',
      });
      const dir = temp.make({ 'AB/2026-11-06.md': NOTE });
      fs.symlinkSync(outside, path.join(dir, 'AB', 'everything'));
      fs.symlinkSync(path.join(dir, 'AB'), path.join(dir, 'CD')); // a second path to AB
      fs.symlinkSync(path.join(dir, 'AB', '2026-11-06.md'), path.join(dir, 'AB', 'copy.md')); // a second path to a note
      fs.symlinkSync(dir, path.join(dir, 'AB', 'loop')); // back to the root
      fs.mkdirSync(path.join(dir, '.attune', 'templates'), { recursive: true });
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, '.attune', 'templates', 'passwd.md'));
      fs.symlinkSync(path.join(outside, 'checks.md'), path.join(dir, '.attune', 'templates', 'checklist.md'));
      return { dir, outside };
    }

    it('a folder linked outside is not walked; a note or folder reached by two paths counts once; a loop ends', function () {
      if (process.platform === 'win32') this.skip();
      const { dir } = linked();
      const r = cli(['list', '--all', '--json'], dir);
      assert.strictEqual(r.code, 0, r.err);
      const rows = JSON.parse(r.out) as { file: string; title: string }[];
      assert.deepStrictEqual(
        rows.map((x) => x.title),
        ['Fee talk'],
        r.out,
      );
      assert.match(r.err, /AB\/everything: folder skipped: it links to a folder outside the workspace folder/);
    });

    it('a link to / is not followed (its //tmp path once broke loop detection)', function () {
      if (process.platform === 'win32') this.skip();
      const dir = temp.make({ 'AB/2026-11-06.md': NOTE });
      fs.symlinkSync('/', path.join(dir, 'AB', 'everything'));
      // Before the fix the walk went on into / itself; only the way back to this workspace is kept open.
      const way = ['AB', 'everything', ...path.relative('/', dir).split(path.sep), 'AB'];
      const skip = (relative: string): boolean => {
        const parts = relative.split('/');
        return parts.length > way.length || parts.some((p, i) => p !== way[i]);
      };
      const found = walkNotes(dir, allNotes(skip));
      assert.deepStrictEqual(
        found.notes.map((n) => n.relative),
        ['AB/2026-11-06.md'],
      );
      assert.deepStrictEqual(found.problems, [{ path: 'AB/everything', reason: 'it links to a folder outside the workspace folder' }]);
    });

    it('a template or checklist.md linked to a file outside is not read', function () {
      if (process.platform === 'win32') this.skip();
      const { dir } = linked();
      const t = cli(['template', 'passwd'], dir);
      assert.strictEqual(t.code, 2);
      assert.doesNotMatch(t.out + t.err, /secret text/);
      const list = cli(['template'], dir);
      assert.doesNotMatch(list.out, /passwd/);
      const c = cli(['checklist', '--client', 'AB'], dir);
      assert.strictEqual(c.code, 0, c.err);
      assert.doesNotMatch(c.out, /outside check/);
    });
  });
});
