// Issue 24, item 5: the packed data files beside dist/deidentify.js (compromise's tagger
// model, the word lists) are read through one checked reader. A file that is missing,
// damaged or written by another build is refused with a message that names the file and
// what to do (never a path or a note), and never used half-read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { createHash } from 'crypto';
import { PackedDataError, readPacked, taggerModel } from '../../src/node/deidentifyTaggerData';

const MODEL = {
  lexicon: { walked: 'PastTense', new: ['Adjective', 'Noun'] },
  multiCache: { ice: 2 },
  switches: { pilot: 'Actor|Verb' },
  uncountable: { rice: true },
};

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('the de-identifier’s packed data files', () => {
  let dir: string;
  const json = JSON.stringify(MODEL);
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-packed-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (bytes: Buffer): void => fs.writeFileSync(path.join(dir, 'deidentify-tagger.br'), bytes);
  const refused =
    (problem: string): ((err: unknown) => boolean) =>
    (err) => {
      assert.ok(err instanceof PackedDataError, String(err));
      assert.strictEqual(err.name, 'PackedDataError');
      assert.strictEqual(err.message, `the de-identifier's data file deidentify-tagger.br ${problem}; build Attune again (npm run build)`);
      assert.ok(!err.message.includes(dir), 'the message names the file, not where it is');
      return true;
    };

  it('reads the tagger model the build packed, when its digest matches', () => {
    write(zlib.brotliCompressSync(Buffer.from(json, 'utf8')));
    assert.deepStrictEqual(taggerModel(dir, digest(json)), MODEL);
  });

  it('keeps the order of the lexicon’s words as the build wrote them', () => {
    write(zlib.brotliCompressSync(Buffer.from(json, 'utf8')));
    assert.deepStrictEqual(Object.keys(taggerModel(dir, digest(json)).lexicon), ['walked', 'new']);
  });

  it('refuses a missing file with a clear message', () => {
    assert.throws(() => taggerModel(dir, digest(json)), refused('is missing'));
  });

  it('refuses a file it cannot read (here a folder in its place) with a clear message', () => {
    fs.mkdirSync(path.join(dir, 'deidentify-tagger.br'));
    assert.throws(() => taggerModel(dir, digest(json)), refused('cannot be read'));
  });

  it('refuses a damaged file (not brotli, or cut short) with a clear message', () => {
    write(Buffer.from('not a packed file at all'));
    assert.throws(() => taggerModel(dir, digest(json)), refused('is damaged'));
    const whole = zlib.brotliCompressSync(Buffer.from(json.repeat(50), 'utf8'));
    write(whole.subarray(0, Math.floor(whole.length / 2)));
    assert.throws(() => taggerModel(dir, digest(json.repeat(50))), refused('is damaged'));
  });

  it('refuses a file another build wrote (its digest differs) with a clear message', () => {
    const other = JSON.stringify({ ...MODEL, lexicon: { walked: 'Verb' } });
    write(zlib.brotliCompressSync(Buffer.from(other, 'utf8')));
    assert.throws(() => taggerModel(dir, digest(json)), refused('does not match this build'));
  });

  it('reads any packed file without a digest to check (the word lists)', () => {
    fs.writeFileSync(path.join(dir, 'words.br'), zlib.brotliCompressSync(Buffer.from('a\nb', 'utf8')));
    assert.strictEqual(readPacked(dir, 'words.br').toString('utf8'), 'a\nb');
    assert.throws(
      () => readPacked(dir, 'other.br'),
      (err: unknown) => err instanceof PackedDataError && err.message.startsWith("the de-identifier's data file other.br is missing"),
    );
  });
});
