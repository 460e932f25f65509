// Bundles the extension and the CLI. Only our own code goes in the bundle:
// `vscode` is provided by the editor at run time, Node built-ins by Node.
'use strict';
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

const { jsoncParserEsm } = require('./tools/jsonc-parser-esm');
const plugins = require('./tools/esbuild-plugins');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: watch ? 'silent' : 'warning',
  // Every bundle written in ASCII only, so V8 holds its source as one-byte text (tools/esbuild-plugins.js).
  plugins: watch ? [problemMatcherPlugin, jsoncParserEsm, plugins.asciiOutput] : [jsoncParserEsm, plugins.asciiOutput],
  define: { ATTUNE_VERSION: JSON.stringify(require('./package.json').version) },
};

// The extension's features loaded when first needed, each its own bundle (tools/lazy-features.js).
const { LAZY_FEATURES, EXTERNAL } = require('./tools/lazy-features');

const targets = [
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: EXTERNAL,
    plugins: [...common.plugins, plugins.lazyDeidentify],
  },
  ...Object.entries(LAZY_FEATURES).map(([name, entry]) => ({ ...common, entryPoints: [entry], outfile: `dist/${name}.js`, external: EXTERNAL })),
  // The Show Patterns panel, required by the extension only when the panel first opens.
  { ...common, entryPoints: ['src/vscode/patterns.ts'], outfile: 'dist/patterns.js', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [...common.plugins, plugins.lazyDeidentify],
  },
  // The thread the extension runs the de-identifier in; it loads dist/deidentify.js on the first export.
  { ...common, entryPoints: ['src/vscode/deidentifyWorker.ts'], outfile: 'dist/deidentify-worker.js', plugins: [...common.plugins, plugins.lazyDeidentify] },
  {
    ...common,
    entryPoints: ['src/core/supervision/deidentify.ts'],
    outfile: 'dist/deidentify.js',
    plugins: [
      ...common.plugins,
      plugins.compactWordLists,
      plugins.chronoEnglish,
      plugins.compromiseQuickMerge,
      plugins.compromiseQuickHooks,
      plugins.compromisePackedModel,
    ],
  },
  // The Show Patterns panel's script: runs in the webview, loaded only when the panel opens;
  // it draws the first view itself, then loads Chart.js (its own file) for the charts below.
  { ...common, entryPoints: ['src/webview/patternsView.ts'], outfile: 'dist/patterns-view.js', platform: 'browser', format: 'iife', target: 'es2020' },
  { ...common, entryPoints: ['src/webview/patternsCharts.ts'], outfile: 'dist/patterns-charts.js', platform: 'browser', format: 'iife', target: 'es2020' },
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
