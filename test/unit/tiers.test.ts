import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The two unit tiers (issue 28): the fast tier's "ignore" list is the one list of slow files,
 * and the slow tier reads it, so every test file runs in exactly one tier.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const UNIT = path.join(ROOT, 'test', 'unit');

interface Tier {
  readonly spec?: readonly string[];
  readonly ignore?: readonly string[];
  readonly require?: readonly string[];
}

const fast = JSON.parse(fs.readFileSync(path.join(UNIT, '.mocharc.json'), 'utf8')) as Tier;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the slow tier's config is a CommonJS file mocha loads the same way
const slow = require(path.join(UNIT, '.mocharc.slow.js')) as Tier;

describe('the unit tiers', () => {
  const compiled = fs
    .readdirSync(UNIT)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `out/test/unit/${f.replace(/\.ts$/, '.js')}`)
    .sort();

  it('runs every unit test file in exactly one tier', () => {
    const slowFiles = [...(slow.spec ?? [])].sort();
    assert.deepStrictEqual(
      slowFiles.filter((f) => !compiled.includes(f)),
      [],
      'a slow file no test source compiles to',
    );
    assert.deepStrictEqual(new Set(slowFiles).size, slowFiles.length, 'a slow file listed twice');
    assert.deepStrictEqual(fast.spec, ['out/test/unit/**/*.test.js']);
    assert.deepStrictEqual(slow.spec, fast.ignore, 'the slow tier runs what the fast tier leaves out');
    assert.ok(slowFiles.length > 0 && slowFiles.length < compiled.length);
  });

  it('seeds the properties in both tiers', () => {
    assert.deepStrictEqual(fast.require, ['out/test/unit/seed.js']);
    assert.deepStrictEqual(slow.require, ['out/test/unit/seed.js']);
  });
});
