// ESLint (flat config) with typescript-eslint's type-aware rules: `npm run lint`, run by `npm test`.
// The recommended sets, plus the rules that catch promise mistakes the type checker lets
// through: an `await` on a value that is not a promise, a promise nobody waits for or catches.
// Formatting is Prettier's business (.prettierrc.json), not ESLint's. The JavaScript files
// (esbuild.js, test/bench, test/browser, test/host, tools: Node scripts in CommonJS) get
// ESLint's recommended rules with Node's globals, listed by hand: `fetch` is left out on
// purpose, so a script reaching for the network is reported as using an unknown name.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = Object.fromEntries(
  [
    'require',
    'module',
    'exports',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'TextDecoder',
    'TextEncoder',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'performance',
    'AbortController',
    'AbortSignal',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/host/**/node_modules/**', 'bench-corpus*/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  // typescript-eslint's parser and rules for the TypeScript; the JavaScript keeps ESLint's own.
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `import fs = require('fs')` is TypeScript's import. A `require()` call is allowed only
      // for what is loaded late on purpose: the bundles of the features loaded when first
      // needed (the patterns panel and those in tools/lazy-features.js), the de-identifier's,
      // Node's crypto (only when a note is written), and `fs` itself where a test replaces
      // one of its functions.
      '@typescript-eslint/no-require-imports': [
        'error',
        {
          allowAsImport: true,
          allow: [
            '^\\./(patterns|cues|supervision|templates|checklist|feedback|reflection|reasons|sessionNote)\\.js$',
            '^\\.\\./core/supervision/deidentify$',
            '^fs$',
            '^crypto$',
          ],
        },
      ],
      // Attune matches control characters on purpose: to show them escaped, never to print them.
      'no-control-regex': 'off',
    },
  },
  {
    // The block walker keeps its state variables right at every exit of a step, even where the
    // next line sets them again; the rule would have it drop those.
    files: ['src/core/markdown/blocks.ts'],
    rules: { 'no-useless-assignment': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Node scripts: strict mode, no accidental globals, and `===` where the types may differ.
      strict: ['error', 'safe'],
      eqeqeq: ['error', 'smart'],
      'no-implicit-globals': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    // The functions the flows hand to page.evaluate run in VS Code's page, not in Node.
    files: ['test/browser/**/*.js'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly', getComputedStyle: 'readonly', HTMLSelectElement: 'readonly', indexedDB: 'readonly' },
    },
  },
  {
    files: ['test/host/selftest/suite/**/*.test.js'],
    languageOptions: { globals: { describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly' } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: NODE_GLOBALS },
  },
);
