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
    build.onResolve({ filter: /\/deidentify$/ }, (args) =>
      args.kind === 'require-call' ? { path: './deidentify.js', external: true } : undefined,
    );
  },
};

/** The packed word lists, written beside the de-identifier's bundle. */
const WORDS_FILE = 'deidentify-words.br';

/**
 * Sorted words, front-coded: each line is one character telling how many leading
 * characters it shares with the line before (0 to 35, as '0' + n), then the rest.
 * English words share long prefixes, so this halves the text before brotli.
 */
function frontCode(words) {
  const sorted = [...words].sort();
  let prev = '';
  const lines = [];
  for (const w of sorted) {
    if (w.includes('\n')) throw new Error('a listed word holds a line break');
    let i = 0;
    while (i < prev.length && i < w.length && i < 35 && prev[i] === w[i]) i++;
    lines.push(String.fromCharCode(48 + i) + w.slice(i));
    prev = w;
  }
  return lines.join('\n');
}

/**
 * The word lists (an-array-of-english-words, humannames) are 83% of the de-identifier's
 * bundle as text. They ship instead as one small packed file beside it (front-coded, then
 * brotli, built here), which the bundle reads and unpacks on first use with Node's own
 * zlib: same words, a quarter of the bytes.
 */
const compactWordLists = {
  name: 'compact-word-lists',
  setup(build) {
    const fs = require('fs');
    const path = require('path');
    const zlib = require('zlib');
    const lists = {};
    build.onLoad({ filter: /[\\/]node_modules[\\/](humannames|an-array-of-english-words)[\\/]index\.json$/ }, async (args) => {
      const data = JSON.parse(await fs.promises.readFile(args.path, 'utf8'));
      // humannames is an object whose keys are the names; deidentifyNames.ts takes its keys either way.
      const name = /humannames/.test(args.path) ? 'names' : 'words';
      lists[name] = Array.isArray(data) ? data : Object.keys(data);
      return { contents: `module.exports = require("attune-packed-words").unpack(${JSON.stringify(name)});`, loader: 'js' };
    });
    build.onResolve({ filter: /^attune-packed-words$/ }, () => ({ path: 'attune-packed-words', namespace: 'attune' }));
    build.onLoad({ filter: /.*/, namespace: 'attune' }, () => ({
      loader: 'js',
      resolveDir: __dirname,
      contents: `
        const fs = require("fs");
        const path = require("path");
        const zlib = require("zlib");
        let packed;
        exports.unpack = function (name) {
          packed = packed || JSON.parse(zlib.brotliDecompressSync(fs.readFileSync(path.join(__dirname, ${JSON.stringify(WORDS_FILE)}))).toString("utf8"));
          const lines = packed[name].split("\\n");
          const words = new Array(lines.length);
          let prev = "";
          for (let i = 0; i < lines.length; i++) {
            const line = lines[i];
            prev = prev.slice(0, line.charCodeAt(0) - 48) + line.slice(1);
            words[i] = prev;
          }
          packed[name] = undefined;
          return words;
        };`,
    }));
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !lists.words || !lists.names) return;
      const out = build.initialOptions.outfile ? path.dirname(build.initialOptions.outfile) : build.initialOptions.outdir;
      const json = JSON.stringify({ words: frontCode(lists.words), names: frontCode(lists.names) });
      const packed = zlib.brotliCompressSync(Buffer.from(json), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 } });
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

module.exports = { lazyDeidentify, compactWordLists, chronoEnglish, WORDS_FILE };
