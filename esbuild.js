// Bundles the extension and the CLI. Only our own code goes in the bundle:
// `vscode` is provided by the editor at run time, Node built-ins by Node.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints problem-matcher lines so VS Code's `$esbuild-watch` matcher can follow the watch build. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: watch ? 'silent' : 'warning',
  plugins: watch ? [problemMatcherPlugin] : [],
  define: { ATTUNE_VERSION: JSON.stringify(require('./package.json').version) },
};

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
 * split at run time takes milliseconds. Same values, same shape.
 */
const compactWordLists = {
  name: 'compact-word-lists',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/](humannames|an-array-of-english-words)[\\/]index\.json$/ }, async (args) => {
      const data = JSON.parse(await require('fs').promises.readFile(args.path, 'utf8'));
      const words = Array.isArray(data) ? data : Object.keys(data);
      if (words.some((w) => w.includes('|'))) throw new Error(`a word in ${args.path} holds "|"`);
      const list = `${JSON.stringify(words.join('|'))}.split("|")`;
      const contents = Array.isArray(data)
        ? `module.exports = ${list};`
        : `const o = {}; for (const k of ${list}) o[k] = 1; module.exports = o;`;
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

const targets = [
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [...common.plugins, lazyDeidentify] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [...common.plugins, lazyDeidentify] },
  { ...common, entryPoints: ['src/core/deidentify.ts'], outfile: 'dist/deidentify.js', plugins: [...common.plugins, compactWordLists, chronoEnglish] },
];

async function main() {
  if (watch) {
    for (const options of targets) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    return;
  }
  await Promise.all(targets.map((options) => esbuild.build(options)));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
