import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import fc from 'fast-check';
import { compileGlob, InvalidGlob } from '../../src/core/notes/glob';
import { cli, TempDirs } from './helpers';

/** The matcher as it was before issue 22 (a regular expression), the reference for ordinary patterns. */
function todayGlob(glob: string): { test(p: string): boolean } {
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  while (depth-- > 0) re += ')';
  return new RegExp(`^${re}$`, 'i');
}

describe('glob patterns from a workspace cannot hang Attune (issue 22)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('matches as the regular expressions did on ordinary patterns (property)', () => {
    const token = fc.constantFrom(
      'a',
      'b',
      'A',
      'é',
      '.',
      '-',
      '/',
      'md',
      '*',
      '**',
      '**/',
      '?',
      '{',
      '}',
      ',',
      '[ab]',
      '[!a]',
      '[a-c]',
      '[A-]',
      '[',
      ']',
      '\\',
      '$',
      '(',
      '+',
      'É',
    );
    const unit = fc.constantFrom('a', 'b', 'A', 'B', 'é', 'É', '.', '-', '/', 'md', 'c', '\\', '[', ']', '$', '(', '+', ',', '{', '}');
    fc.assert(
      fc.property(fc.string({ unit: token, maxLength: 12 }), fc.array(fc.string({ unit, maxLength: 14 }), { minLength: 1, maxLength: 6 }), (glob, paths) => {
        let reference: { test(p: string): boolean };
        try {
          reference = todayGlob(glob);
        } catch {
          return; // Not an ordinary pattern: the regular expression refused it.
        }
        const now = compileGlob(glob);
        // The pattern's own letters as a path, too: most random paths match nothing.
        for (const p of [...paths, glob.replace(/[*?{},[\]]/g, '')])
          assert.strictEqual(now.test(p), reference.test(p), `${JSON.stringify(glob)} on ${JSON.stringify(p)}`);
      }),
      { numRuns: 4000 },
    );
  });

  it('matches the defaults and common patterns as before', () => {
    const cases: [string, string, boolean][] = [
      ['**/*.md', 'AB/2026-11-06.md', true],
      ['**/*.md', 'AB/2026-11-06.MD', true],
      ['**/*.md', 'AB/notes.txt', false],
      ['**/node_modules', 'x/node_modules', true],
      ['**/.*', 'AB/.hidden', true],
      ['**/.*', 'AB/visible', false],
      ['notes/**', 'notes/a/b.md', true],
      ['{AB,CD}/*.md', 'cd/x.md', true],
      ['{AB,CD}/*.md', 'EF/x.md', false],
      ['[!a]*.md', 'b.md', true],
      ['[!a]*.md', 'a.md', false],
      ['**/20[0-9][0-9]-*.md', 'AB/2026-11-06.md', true],
      ['a/**/b', 'a/b', true],
      ['a/**/b', 'a/x/y/b', true],
    ];
    for (const [glob, p, want] of cases) assert.strictEqual(compileGlob(glob).test(p), want, `${glob} on ${p}`);
  });

  it('the patterns that backtracked give the right answer at once', function () {
    // In a child process: before issue 22 these ran for minutes or more, so a hang ends
    // with the child's timeout instead of this run. No time is measured here (see npm run bench:hostile).
    const script = `
      const { compileGlob } = require(${JSON.stringify(path.resolve(__dirname, '../../src/core/notes/glob.js'))});
      const a = (n) => 'a'.repeat(n);
      const results = [
        compileGlob('**/*a*a*a*a*a*a*a*a*a*a*a*a*b').test('notes/' + a(100) + '.md'),
        compileGlob('**/*a*a*a*a*a*a*a*a*a*a*a*a*b').test('notes/' + a(100) + 'b'),
        compileGlob('{a,aa,{a,aa}}'.repeat(40) + 'b').test(a(60)),
        compileGlob('{*,*}'.repeat(30) + 'b').test(a(40)),
        compileGlob('**/'.repeat(30) + 'x').test('a/'.repeat(60) + 'y'),
        compileGlob('*'.repeat(200) + 'b').test(a(1000)),
      ];
      process.stdout.write(JSON.stringify(results));
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60000 });
    assert.strictEqual(r.signal, null, 'a hostile pattern did not finish');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), [false, true, false, false, false, false]);
  });

  it('an invalid pattern is refused by the compiler, with a reason that does not quote it', () => {
    assert.throws(
      () => compileGlob('**/[z-a]'),
      (err: unknown) => err instanceof InvalidGlob && !err.message.includes('[z-a]]'),
    );
  });

  it('an invalid pattern in the settings is reported once and ignored; the folder is still read', () => {
    const dir = temp.make({
      'AB/2026-11-06.md': '## Fee talk #rupture/open\n',
      'CD/2026-11-06.md': '## Late start #rupture/open\n',
      '.vscode/settings.json': JSON.stringify({ 'attune.filesToLeaveOut': ['[z-a]', 'CD/**'], 'attune.whichFilesAreNotes': '**/[9-0]*.md' }),
    });
    const r = cli(['list'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /Fee talk/);
    assert.doesNotMatch(r.out, /Late start/, 'the valid exclude pattern still applies');
    const lines = r.err.trim().split('\n');
    assert.deepStrictEqual(lines, [
      'attune: warning: attune.whichFilesAreNotes: a pattern was not used: a range in [ ] runs backwards, such as [z-a]; the default **/*.md serves',
      'attune: warning: attune.filesToLeaveOut: a pattern was not used: a range in [ ] runs backwards, such as [z-a]',
    ]);
  });
});
