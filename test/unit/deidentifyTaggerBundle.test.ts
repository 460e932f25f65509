// Issue 24, item 5: the de-identifier's bundle reads compromise's tagger model from the
// file the build packs beside it (tools/esbuild-plugins.js, `compromisePackedModel`) in
// place of unpacking and growing its lexicon as it loads. Built here from the sources, as
// esbuild.js builds it: the bundle must de-identify exactly as the core does with
// compromise from npm, and `attune deidentify` must refuse a damaged or missing data file
// with a clear message and nothing on stdout.
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import { deidentifyNote, deidentifyText } from '../../src/core/supervision/deidentify';

const REPO = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugins = require(path.join(REPO, 'tools', 'esbuild-plugins.js')) as Record<
  'lazyDeidentify' | 'compactWordLists' | 'chronoEnglish' | 'compromiseQuickMerge' | 'compromiseQuickHooks' | 'compromisePackedModel',
  esbuild.Plugin
>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jsoncParserEsm } = require(path.join(REPO, 'tools', 'jsonc-parser-esm.js')) as { jsoncParserEsm: esbuild.Plugin };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const corpus = require(path.join(REPO, 'test', 'bench', 'deidentify-corpus.js')) as {
  makeCorpus(n: number): { text: string }[];
  longNote(words: number): { text: string };
};

type Core = { deidentifyText: typeof deidentifyText; deidentifyNote: typeof deidentifyNote };

const TEXTS = [
  'Grace called from the school. Her aunt Hope walked in with Dr. Patel and Sarah White.',
  'Will said he moved to Toledo; mr. nicholson and my son bill were there. Rob robbed no one.',
  'She kept walking, and the boxes were heavier than the pilot thought. Ice cream helped.',
];

describe('the de-identifier’s bundle with compromise’s packed tagger model', function () {
  let dir: string;
  let bundle: Core;
  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-tagger-'));
    const common = { bundle: true, platform: 'node' as const, target: 'node18', format: 'cjs' as const, logLevel: 'silent' as const };
    const define = { ATTUNE_VERSION: JSON.stringify('0.0.0') };
    await esbuild.build({
      ...common,
      define,
      entryPoints: [path.join(REPO, 'src', 'core', 'supervision', 'deidentify.ts')],
      outfile: path.join(dir, 'deidentify.js'),
      plugins: [
        plugins.compactWordLists,
        plugins.chronoEnglish,
        plugins.compromiseQuickMerge,
        plugins.compromiseQuickHooks,
        plugins.compromisePackedModel,
        jsoncParserEsm,
      ],
    });
    await esbuild.build({
      ...common,
      define,
      entryPoints: [path.join(REPO, 'src', 'cli', 'main.ts')],
      outfile: path.join(dir, 'cli.js'),
      plugins: [plugins.lazyDeidentify, jsoncParserEsm],
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    bundle = require(path.join(dir, 'deidentify.js')) as Core;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('packs the model beside the bundle, and leaves compromise’s packed lexicon out of it', () => {
    assert.ok(fs.statSync(path.join(dir, 'deidentify-tagger.br')).size > 10_000);
    const source = fs.readFileSync(path.join(dir, 'deidentify.js'), 'utf8');
    // A line of compromise's packed lexicon (src/2-two/preTagger/model/lexicon/_data.js).
    assert.ok(!source.includes('true¦bests,sounds'), 'the packed lexicon is still in the bundle');
  });

  it('de-identifies exactly as the core with compromise from npm', () => {
    for (const text of TEXTS) assert.deepStrictEqual(bundle.deidentifyText(text, ''), deidentifyText(text, ''), text);
    for (const [i, note] of corpus.makeCorpus(12).entries()) {
      const source = { path: `n${i}.md`, folderName: 'notes', fileName: `n${i}.md` };
      assert.deepStrictEqual(bundle.deidentifyNote(note.text, source), deidentifyNote(note.text, source), `note ${i}`);
    }
  });

  describe('attune deidentify, when a data file cannot be used', () => {
    let cli: string;
    let note: string;
    before(() => {
      // A copy of the built files, so each test can break one.
      cli = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-tagger-cli-'));
      note = path.join(cli, 'note.md');
      fs.writeFileSync(note, corpus.longNote(300).text);
    });
    beforeEach(() => {
      for (const f of ['cli.js', 'deidentify.js', 'deidentify-tagger.br', 'deidentify-words.br']) fs.copyFileSync(path.join(dir, f), path.join(cli, f));
    });
    after(() => fs.rmSync(cli, { recursive: true, force: true }));
    const run = (): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(process.execPath, [path.join(cli, 'cli.js'), 'deidentify', note], { encoding: 'utf8' });

    it('exports as before when both files are whole', () => {
      const r = run();
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(r.stdout.length > 500);
    });

    it('refuses a damaged tagger model: a clear message, nothing on stdout', () => {
      fs.writeFileSync(path.join(cli, 'deidentify-tagger.br'), 'damaged');
      const r = run();
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(r.stderr, "attune: the de-identifier's data file deidentify-tagger.br is damaged; build Attune again (npm run build)\n");
    });

    it('refuses a tagger model from another build', () => {
      const other = path.join(cli, 'deidentify-tagger.br');
      fs.writeFileSync(other, zlib.brotliCompressSync(Buffer.from('{"lexicon":{}}')));
      const r = run();
      assert.strictEqual(r.status, 2);
      assert.strictEqual(
        r.stderr,
        "attune: the de-identifier's data file deidentify-tagger.br does not match this build; build Attune again (npm run build)\n",
      );
    });

    it('refuses missing word lists', () => {
      fs.rmSync(path.join(cli, 'deidentify-words.br'));
      const r = run();
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stdout, '');
      assert.strictEqual(r.stderr, "attune: the de-identifier's data file deidentify-words.br is missing; build Attune again (npm run build)\n");
    });
  });
});
