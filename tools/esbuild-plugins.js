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

/**
 * The code with every character beyond ASCII written as a \u escape. esbuild's ASCII output
 * still leaves them in regular-expression literals and String.raw templates, and one such
 * character makes V8 hold the whole source as two-byte text: 0.8 MB more for the
 * de-identifier's bundle, and slower to scan. In a regular expression, a string or a
 * template, \uXXXX stands for the same character (a character outside the BMP as its two
 * surrogates, which a /u pattern reads as one); one written with an identity escape ("\’")
 * drops that backslash, which would otherwise escape the escape.
 * @param {string} code
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, char) => {
    let escaped = '';
    for (let i = 0; i < char.length; i++) escaped += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + escaped;
  });
}

/**
 * Rewrites each bundle as written on disk with asciiOnly (every bundle: the extension's own
 * is parsed at activation). Only the lines holding such a character shift in a development
 * build's source map.
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    const fs = require('fs');
    build.onEnd(async (result) => {
      const out = build.initialOptions.outfile;
      if (result.errors.length > 0 || !out || build.initialOptions.write === false) return;
      const code = await fs.promises.readFile(out, 'utf8');
      const ascii = asciiOnly(code);
      if (ascii !== code) await fs.promises.writeFile(out, ascii);
    });
  },
};

/** The packed word lists, written beside the de-identifier's bundle (src/node/deidentifyWordData.ts reads it). */
const WORDS_FILE = 'deidentify-words.br';

/**
 * Sorted words (by UTF-16 code unit, as the de-identifier bisects them), front-coded: each
 * line is one byte telling how many leading bytes (UTF-8) it shares with the line before,
 * as '0' + n (n up to 207), then the rest. English words share long prefixes, so this
 * halves the text before brotli. Every 64th line shares nothing and holds its whole word,
 * so the bundle can bisect the lines without unpacking them (src/node/deidentifyWordData.ts).
 */
function frontCode(words) {
  const sorted = [...new Set(words)].filter((w) => w !== '').sort();
  let prev = Buffer.alloc(0);
  const parts = [];
  for (const [k, w] of sorted.entries()) {
    if (w.includes('\n')) throw new Error('a listed word holds a line break');
    const bytes = Buffer.from(w, 'utf8');
    let i = 0;
    if (k % 64 !== 0) while (i < prev.length && i < bytes.length && i < 207 && prev[i] === bytes[i]) i++;
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
 * brotli, built here): the bundle takes src/node/deidentifyWordData.ts, which reads it on
 * first use and searches its lines in place, in place of the core's module that takes the
 * words from the npm packages. Same words, a quarter of the bytes.
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
      // Quality 11 for a release (about 6 s of CPU; 6% smaller than 9, which keeps the
      // bundle and its packed files under 1.5 MB); 5 while developing.
      const quality = build.initialOptions.minify ? 11 : 5;
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

/** compromise's deep merge, as published (14.x): a map the model lacks is made empty, then filled. */
const MERGE_INTO_NEW_MAP = `if (!model[key]) Object.assign(model, { [key]: {} })
        mergeDeep(model[key], plugin[key]) //recursion`;

/** The mark src/node/deidentifyTaggerData.ts puts on the maps of the packed tagger model. */
const TAKE_WHOLE = "Symbol.for('attune.takeWhole')";

/**
 * The same, except that a map of the packed tagger model (the lexicon, switches and
 * multi-word cache, read whole from the build's file and marked so) is taken as it is, with
 * the few words the model already holds and it lacks added to it: the model ends up holding
 * the same words with the same values. compromise reads these maps from its model each time
 * it uses them, so no reference to the model's old map is kept anywhere.
 */
const TAKE_MARKED_MAP = `if (tookWhole(model, plugin, key)) continue
        if (!model[key]) model[key] = {}
        mergeDeep(model[key], plugin[key]) //recursion`;

const TOOK_WHOLE = `
// Whether a map holds only words and tags: no unsafe key and no object among its values.
const isFlat = obj => Object.keys(obj).every(k => !isUnsafeKey(k) && !isObject(obj[k]))
function tookWhole(model, plugin, key) {
  const from = plugin[key]
  const into = model[key]
  if (from[${TAKE_WHOLE}] !== true || (into !== undefined && !(isObject(into) && isFlat(into)))) return false
  for (const k in into) if (!Object.prototype.hasOwnProperty.call(from, k)) from[k] = into[k]
  model[key] = from
  return true
}
`;

/**
 * compromise merges each plugin's model into its own one key at a time, through
 * `Object.assign(model, { [key]: value })`, a new object per word; and it copies the
 * tagger's lexicon of 24,000 words into the model word by word. A plain assignment does the
 * same as the first (the keys it skips stay skipped); the second takes the lexicon as it is
 * (TAKE_MARKED_MAP). The first saves about a tenth of the CPU time of loading the
 * de-identifier; the second a tenth more, and 2 MB of memory as it loads.
 * Left as it is if a new version of compromise no longer has these lines.
 */
const compromiseQuickMerge = {
  name: 'compromise-quick-merge',
  setup(build) {
    const fs = require('fs');
    build.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]API[\\/]extend\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      let contents = source.replace('Object.assign(model, { [key]: plugin[key] })', 'model[key] = plugin[key]');
      if (contents.includes(MERGE_INTO_NEW_MAP) && contents.includes('// recursive merge of objects\n'))
        contents = contents
          .replace(MERGE_INTO_NEW_MAP, TAKE_MARKED_MAP)
          .replace('// recursive merge of objects\n', `${TOOK_WHOLE}\n// recursive merge of objects\n`);
      else contents = contents.replace('if (!model[key]) Object.assign(model, { [key]: {} })', 'if (!model[key]) model[key] = {}');
      return { contents, loader: 'js' };
    });
  },
};

/** compromise's getHooks as published (14.x), swapped only while it reads exactly so. */
const GET_HOOKS = `// for each cached-sentence, find a list of possible matches
const getHooks = function (docCaches, hooks) {
  return docCaches.map((set, i) => {
    let maybe = []
    Object.keys(hooks).forEach(k => {
      if (docCaches[i].has(k)) {
        maybe = maybe.concat(hooks[k])
      }
    })
    // remove duplicates
    const already = {}
    maybe = maybe.filter(m => {
      if (typeof already[m.match] === 'boolean') {
        return false
      }
      already[m.match] = true
      return true
    })
    return maybe
  })
}`;

/** The same list, built from the words and tags the sentence holds rather than from all 730 hooks. */
const QUICK_GET_HOOKS = `const getHooks = function (docCaches, hooks) {
  const keys = Object.keys(hooks)
  const order = new Map(keys.map((k, n) => [k, n]))
  return docCaches.map(set => {
    const at = []
    set.forEach(k => {
      const n = order.get(k)
      if (n !== undefined) at.push(n)
    })
    at.sort((a, b) => a - b)
    const already = {}
    const maybe = []
    for (const n of at)
      for (const m of hooks[keys[n]]) {
        if (typeof already[m.match] === 'boolean') continue
        already[m.match] = true
        maybe.push(m)
      }
    return maybe
  })
}`;

/**
 * compromise's post-tagger picks, for each sentence, the match rules whose words or tags the
 * sentence holds by asking the sentence about each of its 730 hooks, growing a new array
 * for every hit: a fifth of tagging a note. This asks the hooks about each of the sentence's
 * few dozen words and tags instead, then puts the hits back in the hooks' own order, so the
 * list is the same, rule for rule and in the same order. Left as it is if compromise's code
 * changes.
 */
const compromiseQuickHooks = {
  name: 'compromise-quick-hooks',
  setup(build) {
    const fs = require('fs');
    build.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]1-one[\\/]sweep[\\/]methods[\\/]sweep[\\/]01-getHooks\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes(GET_HOOKS)) return undefined;
      return { contents: source.replace(GET_HOOKS, QUICK_GET_HOOKS), loader: 'js' };
    });
  },
};

/** compromise's tagger model, packed by the build beside dist/deidentify.js (src/node/deidentifyTaggerData.ts reads it). */
const TAGGER_FILE = 'deidentify-tagger.br';

/** The folder of compromise's sources, as the bundle resolves them. */
function compromiseSources() {
  const path = require('path');
  // `compromise/two` resolves to builds/two/compromise-two.cjs under the package's folder.
  return path.resolve(path.dirname(require.resolve('compromise/two')), '..', '..', 'src');
}

/**
 * The parts of compromise's tagger model that it computes as it loads, computed here by
 * the same source: its packed lexicon unpacked, then grown by every verb's conjugations,
 * adjectives' comparatives and nouns' plurals (24,000 words). As JSON; with its SHA-256.
 */
async function taggerModelJson() {
  const esbuild = require('esbuild');
  const path = require('path');
  const crypto = require('crypto');
  const entry = path.join(compromiseSources(), '2-two', 'preTagger', 'model', 'index.js');
  const out = await esbuild.build({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  const model = mod.exports.default;
  // compromise's merge skips these keys; the bundle takes the maps whole (TAKE_MARKED_MAP), so they must not be there.
  for (const map of [model.one.lexicon, model.one._multiCache, model.two.switches])
    for (const key of ['__proto__', 'constructor', 'prototype'])
      if (Object.prototype.hasOwnProperty.call(map, key)) throw new Error(`compromise's tagger model has the word ${key}: revisit TAKE_MARKED_MAP`);
  const json = JSON.stringify({
    lexicon: model.one.lexicon,
    multiCache: model.one._multiCache,
    switches: model.two.switches,
    uncountable: model.two.uncountable,
  });
  return { json, sha256: crypto.createHash('sha256').update(json, 'utf8').digest('hex') };
}

/** The lines of compromise's model module this swaps, each of which must be found as written. */
const TAGGER_MODEL_SWAPS = [
  ["import { lexicon, switches, frozenLex } from './lexicon/index.js'", "import frozenLex from './lexicon/frozenLex.js'"],
  ["import expandLexicon from './_expand/index.js'", ''],
  ['model = expandLexicon(model)', ''],
  ['_multiCache: {},', '_multiCache: packed.multiCache,'],
  ['uncountable: {},', 'uncountable: packed.uncountable,'],
];

/**
 * compromise unpacks and grows its lexicon each time it loads: about half the CPU time of
 * loading the de-identifier. The build does it once (taggerModelJson) and writes the result
 * beside the bundle, brotli-packed; the bundle's copy of compromise's model module reads it
 * (src/node/deidentifyTaggerData.ts) in place of the unpacking and growing, which leave the
 * bundle. The file's SHA-256 is written into the bundle, so a file from another build is
 * refused with a clear message. Left as it is (and no file written) if a new version of
 * compromise no longer has these lines.
 */
const compromisePackedModel = {
  name: 'compromise-packed-model',
  setup(build) {
    const fs = require('fs');
    const path = require('path');
    const zlib = require('zlib');
    const loader = path.resolve(__dirname, '..', 'src', 'node', 'deidentifyTaggerData.ts');
    let packed;
    let swapped = false;
    build.onStart(async () => {
      packed = await taggerModelJson();
      swapped = false;
    });
    build.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]2-two[\\/]preTagger[\\/]model[\\/]index\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!TAGGER_MODEL_SWAPS.every(([from]) => source.includes(from))) return undefined;
      let contents = source;
      for (const [from, to] of TAGGER_MODEL_SWAPS) contents = contents.replace(from, to);
      contents = contents.replace(
        "import frozenLex from './lexicon/frozenLex.js'",
        `import frozenLex from './lexicon/frozenLex.js'\nimport { taggerModel } from ${JSON.stringify(loader)}\nconst packed = taggerModel(__dirname, ${JSON.stringify(packed.sha256)})\nconst { lexicon, switches } = packed`,
      );
      swapped = true;
      return { contents, loader: 'js' };
    });
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !swapped) return;
      const out = build.initialOptions.outfile ? path.dirname(build.initialOptions.outfile) : build.initialOptions.outdir;
      const bytes = Buffer.from(packed.json, 'utf8');
      const brotli = zlib.brotliCompressSync(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: build.initialOptions.minify ? 11 : 5,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
      await fs.promises.mkdir(out, { recursive: true });
      await fs.promises.writeFile(path.join(out, TAGGER_FILE), brotli);
    });
  },
};

module.exports = {
  asciiOnly,
  asciiOutput,
  lazyDeidentify,
  compactWordLists,
  chronoEnglish,
  compromiseQuickMerge,
  compromiseQuickHooks,
  compromisePackedModel,
  WORDS_FILE,
  TAGGER_FILE,
  packWordLists,
  wordLists,
  taggerModelJson,
};
