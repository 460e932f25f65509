import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Issue 28: dist/extension.js, what VS Code loads at activation, stays within its size target
 * by leaving each feature that is needed only later to its own bundle (tools/lazy-features.js).
 * Built here as `node esbuild.js --production` builds it; esbuild's metafile says which
 * modules went in, so a static import that pulls a feature back in fails by name.
 */
const REPO = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_FEATURES, EXTERNAL } = require(path.join(REPO, 'tools', 'lazy-features.js')) as { LAZY_FEATURES: Record<string, string>; EXTERNAL: string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jsoncParserEsm } = require(path.join(REPO, 'tools', 'jsonc-parser-esm.js')) as { jsoncParserEsm: esbuild.Plugin };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazyDeidentify } = require(path.join(REPO, 'tools', 'esbuild-plugins.js')) as { lazyDeidentify: esbuild.Plugin };

/** The modules only the features loaded later need: none may be in the extension's own bundle. */
const LATER = [
  ...Object.values(LAZY_FEATURES),
  /^src\/core\/cues\//,
  /^src\/core\/reflection\//,
  'src/core/checklist/checklist.ts',
  'src/core/checklist/checklistWords.ts',
  'src/core/feedback/recordFeedback.ts',
  'src/core/safety/riskLanguage.ts',
  'src/vscode/supervisionReview.ts',
  'src/vscode/lenses.ts',
  'src/vscode/completions.ts',
];

describe('the extension bundle loads only what activation needs', () => {
  let inputs: Record<string, { bytesInOutput: number }>;
  let bytes: number;

  before(async function () {
    this.timeout(120_000);
    const result = await esbuild.build({
      absWorkingDir: REPO,
      entryPoints: ['src/vscode/extension.ts'],
      outfile: 'dist/extension.js',
      write: false,
      metafile: true,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      external: EXTERNAL,
      define: { ATTUNE_VERSION: '"0.0.0"' },
      plugins: [jsoncParserEsm, lazyDeidentify],
      logLevel: 'silent',
    });
    const [output] = Object.values(result.metafile.outputs).filter((o) => o.entryPoint !== undefined);
    inputs = output.inputs;
    bytes = output.bytes;
  });

  it('leaves out the modules of every feature loaded later', () => {
    const inside = Object.keys(inputs).filter((file) => LATER.some((later) => (typeof later === 'string' ? file === later : later.test(file))));
    assert.deepStrictEqual(inside, [], 'a module of a feature loaded later is in dist/extension.js');
  });

  it('loads each of them by its bundle name, at most 150 KB minified for the rest', () => {
    assert.ok(Object.keys(LAZY_FEATURES).length > 0);
    for (const entry of Object.values(LAZY_FEATURES)) assert.ok(!(entry in inputs), entry);
    assert.ok(bytes / 1024 <= 150, `dist/extension.js is ${(bytes / 1024).toFixed(1)} KB minified`);
  });
});

/**
 * Every bundle is written in ASCII only (tools/esbuild-plugins.js): a character beyond it in
 * a regular expression or a String.raw template made V8 hold the whole source as two-byte
 * text. Each escape must mean exactly what the character meant.
 */
describe('bundles written in ASCII only', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { asciiOnly, asciiOutput } = require(path.join(REPO, 'tools', 'esbuild-plugins.js')) as {
    asciiOnly(code: string): string;
    asciiOutput: esbuild.Plugin;
  };
  const isAscii = (code: string): boolean => /^[\x00-\x7f]*$/.test(code);

  it('keeps what each regular expression, string and template means', () => {
    const cases = [
      '/[‘’]s$/.test("it’s")',
      String.raw`/\’/.test("’")`,
      String.raw`"\’" === "’"`,
      'new RegExp(String.raw`^[À-ÿ]{3}$`, "u").test("déé")',
      'new RegExp(String.raw`^[À-ÿ]{3}$`, "u").test("abc")',
      'new RegExp(String.raw`^(?:\\d+)(?:ᵉʳ|°)$`, "u").test("1ᵉʳ")',
      '"é" + `ü${1}`',
      '/^😀$/u.test("😀")',
      '/^[😀]$/u.test("😀")',
      '"😀".length',
      '/\\\\é/.test("\\\\é")',
    ];
    for (const code of cases) {
      const escaped = asciiOnly(code);
      assert.ok(isAscii(escaped), escaped);
      assert.notStrictEqual(escaped, code);
      assert.deepStrictEqual(new Function(`return ${escaped}`)(), new Function(`return ${code}`)(), `${code} → ${escaped}`);
    }
  });

  it('writes a bundle whose patterns still read "1ᵉʳ décembre"', async function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-ascii-'));
    try {
      const outfile = path.join(dir, 'dates.js');
      await esbuild.build({
        absWorkingDir: REPO,
        entryPoints: ['src/core/notes/dates.ts'],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        minify: true,
        plugins: [asciiOutput],
        logLevel: 'silent',
      });
      assert.ok(isAscii(fs.readFileSync(outfile, 'utf8')), 'the bundle holds a character beyond ASCII');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const dates = require(outfile) as { readWrittenDate(value: string): string | null };
      assert.strictEqual(dates.readWrittenDate('le 1ᵉʳ décembre 2026'), '2026-12-01');
      assert.strictEqual(dates.readWrittenDate('3 de diciembre de 2026'), '2026-12-03');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
