// @ts-check
// Bundles parts of the core for the benchmarks with esbuild's JS API, so they need no tsc
// output and can also bundle an older revision's sources.
'use strict';

/**
 * @param {string} root     folder holding `src/`
 * @param {string[]} lines  export lines, relative to `root`
 * @param {string} outfile
 * @returns {Promise<string>} outfile
 */
async function bundleExports(root, lines, outfile) {
  const esbuild = require('esbuild');
  await esbuild.build({
    stdin: { contents: lines.join('\n'), resolveDir: root, loader: 'ts', sourcefile: 'bench-core.ts' },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    // Older revisions read settings by hand; the plugin only acts where jsonc-parser is imported.
    plugins: [require('../../tools/jsonc-parser-esm').jsoncParserEsm],
  });
  return outfile;
}

module.exports = { bundleExports };
