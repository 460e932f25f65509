// esbuild plugins for the de-identifier's bundle, shared by esbuild.js and the tests that
// build the bundles themselves (test/unit/no-network.test.ts).
'use strict';

/**
 * The de-identifier and its libraries (names, dates, phone numbers) are large and needed
 * only when an export runs: the extension and the CLI load dist/deidentify.js lazily.
 */
const lazyDeidentify = {
  name: 'lazy-deidentify',
  setup(build) {
    build.onResolve({ filter: /\/deidentify$/ }, (args) => (args.kind === 'require-call' ? { path: './deidentify.js', external: true } : undefined));
  },
};

/** The packed word lists, written beside the de-identifier's bundle (src/node/deidentifyWordData.ts reads it). */
const WORDS_FILE = 'deidentify-words.br';

/**
 * Sorted words (by UTF-16 code unit, as the de-identifier bisects them), front-coded: each
 * line is one byte telling how many leading bytes (UTF-8) it shares with the line before,
 * as '0' + n (n up to 207), then the rest. English words share long prefixes, so this
 * halves the text before brotli.
 */
function frontCode(words) {
  const sorted = [...new Set(words)].filter((w) => w !== '').sort();
  let prev = Buffer.alloc(0);
  const parts = [];
  for (const [k, w] of sorted.entries()) {
    if (w.includes('\n')) throw new Error('a listed word holds a line break');
    const bytes = Buffer.from(w, 'utf8');
    let i = 0;
    while (i < prev.length && i < bytes.length && i < 207 && prev[i] === bytes[i]) i++;
    if (k > 0) parts.push(Buffer.from([10]));
    parts.push(Buffer.from([48 + i]), bytes.subarray(i));
    prev = bytes;
  }
  return Buffer.concat(parts);
}

/** The payload before brotli: each list as a 4-byte little-endian length and its front-coded lines. */
function packWordLists(lists) {
  return Buffer.concat(
    lists.flatMap((words) => {
      const coded = frontCode(words);
      const length = Buffer.alloc(4);
      length.writeUInt32LE(coded.length, 0);
      return [length, coded];
    }),
  );
}

/** The two lists, in the order src/node/deidentifyWordData.ts reads them: English words, then names. */
function wordLists() {
  const english = require('an-array-of-english-words');
  // humannames is one object whose keys are the names.
  const names = Object.keys(require('humannames'));
  return [english, names];
}

/**
 * The word lists (an-array-of-english-words, humannames) were 83% of the de-identifier's
 * bundle as text. They ship instead as one small packed file beside it (front-coded, then
 * brotli, built here): the bundle takes src/node/deidentifyWordData.ts, which reads and
 * unpacks it into one string a list on first use, in place of the core's module that
 * takes the words from the npm packages. Same words, a quarter of the bytes.
 */
const compactWordLists = {
  name: 'compact-word-lists',
  setup(build) {
    const fs = require('fs');
    const path = require('path');
    const zlib = require('zlib');
    build.onResolve({ filter: /[\\/]deidentifyWordData$/ }, (args) =>
      /[\\/]core[\\/]supervision$/.test(args.resolveDir) ? { path: path.resolve(__dirname, '..', 'src', 'node', 'deidentifyWordData.ts') } : undefined,
    );
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const out = build.initialOptions.outfile ? path.dirname(build.initialOptions.outfile) : build.initialOptions.outdir;
      const payload = packWordLists(wordLists());
      // Quality 9 for a release (a few seconds); 5 while developing.
      const quality = build.initialOptions.minify ? 9 : 5;
      const packed = zlib.brotliCompressSync(payload, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
          [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: payload.length,
        },
      });
      await fs.promises.mkdir(out, { recursive: true });
      await fs.promises.writeFile(path.join(out, WORDS_FILE), packed);
    });
  },
};

/** chrono-node's main module loads every language it knows; notes here are in English. */
const chronoEnglish = {
  name: 'chrono-english',
  setup(build) {
    build.onResolve({ filter: /^chrono-node$/ }, () => ({ path: require.resolve('chrono-node/en') }));
  },
};

/**
 * compromise merges its lexicon into its model one key at a time through
 * `Object.assign(model, { [key]: value })`, a new object per word: about a tenth of loading
 * the de-identifier. A plain assignment does the same (the keys it skips stay skipped).
 * Left as it is if a new version of compromise no longer has these lines.
 */
const compromiseQuickMerge = {
  name: 'compromise-quick-merge',
  setup(build) {
    const fs = require('fs');
    build.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]API[\\/]extend\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const contents = source
        .replace('if (!model[key]) Object.assign(model, { [key]: {} })', 'if (!model[key]) model[key] = {}')
        .replace('Object.assign(model, { [key]: plugin[key] })', 'model[key] = plugin[key]');
      return { contents, loader: 'js' };
    });
  },
};

module.exports = { lazyDeidentify, compactWordLists, chronoEnglish, compromiseQuickMerge, WORDS_FILE, packWordLists, wordLists };
