import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cli, TempDirs } from './helpers';

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
});
