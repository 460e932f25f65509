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
    build.onResolve({ filter: /\/core\/deidentify$/ }, (args) =>
      args.kind === 'require-call' ? { path: './deidentify.js', external: true } : undefined,
    );
  },
};

/**
 * The word lists ship as JSON; a 6 MB object literal takes seconds to parse, one string
 * split at run time takes milliseconds.
 */
const compactWordLists = {
  name: 'compact-word-lists',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/](humannames|an-array-of-english-words)[\\/]index\.json$/ }, async (args) => {
      const data = JSON.parse(await require('fs').promises.readFile(args.path, 'utf8'));
      const words = Array.isArray(data) ? data : Object.keys(data);
      if (words.some((w) => w.includes('|'))) throw new Error(`a word in ${args.path} holds "|"`);
      // humannames is an object whose keys are the names; deidentifyNames.ts takes its keys either way.
      const contents = `module.exports = ${JSON.stringify(words.join('|'))}.split("|");`;
      return { contents, loader: 'js' };
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

module.exports = { lazyDeidentify, compactWordLists, chronoEnglish };
