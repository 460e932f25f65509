// @ts-check
'use strict';

/**
 * An esbuild plugin: jsonc-parser (the reader of .vscode/settings.json on the command line,
 * src/core/notes/settings.ts) from its ES module build. The package's `main` is a UMD build whose
 * factory hides its own requires from esbuild, so a bundle of it fails to load. Marked free of
 * side effects, so a bundle that never parses settings (the extension) leaves it out.
 * Every esbuild build of src/ uses it: esbuild.js, test/bench/bundle.js, the no-network test.
 * @type {import('esbuild').Plugin}
 */
const jsoncParserEsm = {
  name: 'jsonc-parser-esm',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: require.resolve('jsonc-parser/lib/esm/main.js'), sideEffects: false }));
  },
};

module.exports = { jsoncParserEsm };
