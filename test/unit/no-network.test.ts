// Issue 7, "never leak one": the built extension and CLI hold no way out of the machine.
//
// Scans dist/extension.js and dist/cli.js (built by `npm test` before the unit tests; when
// they are missing they are built here), and fresh builds of both, plain and minified
// (`--production`), made from the sources now. A bundle fails when it
//   - loads a module outside a short list of local ones (fs, path, ...), or loads one by a
//     computed name that cannot be checked;
//   - names a network or process module anywhere, as a string: http, https, http2, net,
//     tls, dgram, dns, child_process, cluster (with or without `node:`). Minifiers rename
//     variables but never module names, so `require("https")` stays literal;
//   - touches a network global: fetch(...), XMLHttpRequest, WebSocket, EventSource,
//     sendBeacon, or Node's internal bindings;
//   - builds code from text (eval, new Function), which could hide any of the above.
// Attune also runs no program (child_process): it reads and edits notes, nothing more.
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Modules a bundle may load: the editor's API and local, offline parts of Node (worker_threads runs the export off the editor's thread; zlib unpacks its word lists; v8 tunes the CLI export's garbage collector). */
const ALLOWED = new Set([
  'vscode',
  'fs',
  'path',
  'os',
  'util',
  'events',
  'crypto',
  'buffer',
  'string_decoder',
  'assert',
  'url',
  'worker_threads',
  'zlib',
  'v8',
  './deidentify.js',
]);

const BANNED_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster'];

const BANNED_CODE: readonly [string, RegExp][] = [
  ['fetch(...)', /(?<![\w$.])fetch\s*\(/],
  ['a reference to fetch', /\.\s*fetch\b|\[\s*(['"`])fetch\1\s*\]/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ["Node's internal bindings", /\bprocess\s*\.\s*(?:binding|_linkedBinding|dlopen)\b/],
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
];

/** Everything in a bundle that could reach the network or run a program, described; empty when clean. */
export function waysOut(code: string): string[] {
  const found: string[] = [];
  const requireCall = /(?<![\w$.])require\s*\(\s*([^)]*?)\s*\)/g;
  for (const m of code.matchAll(requireCall)) {
    const literal = /^(['"`])(?:node:)?([\w./@-]+)\1$/.exec(m[1]);
    if (!literal) found.push(`require(${m[1]}) loads a module by a computed name`);
    // A sibling bundle of ours (`./patterns.js`), loaded lazily: it is scanned as a target itself.
    else if (!ALLOWED.has(literal[2]) && !/^\.\/[\w-]+\.js$/.test(literal[2])) found.push(`require(${m[1]})`);
  }
  const dynamicImport = /(?<![\w$.])import\s*\(\s*([^)]*?)\s*\)/g;
  for (const m of code.matchAll(dynamicImport)) found.push(`import(${m[1]})`);
  const moduleName = new RegExp(`(['"\`])(?:node:)?(${BANNED_MODULES.join('|')})\\1`, 'g');
  for (const m of code.matchAll(moduleName)) found.push(`the module name ${m[0]}`);
  for (const [what, pattern] of BANNED_CODE) if (pattern.test(code)) found.push(what);
  return [...new Set(found)];
}

/** Source map comments name files, not modules; drop them so a path never trips the scan. */
function codeOf(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, '');
}

// The de-identifier's own bundle (issue 15), which the other two load when an export runs
// ('./deidentify.js' above), is built with the same plugins as in esbuild.js.
// jsonc-parser from its ES module build, as every build of src/ takes it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jsoncParserEsm } = require(path.join(REPO, 'tools', 'jsonc-parser-esm.js')) as { jsoncParserEsm: esbuild.Plugin };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugins = require(path.join(REPO, 'tools', 'esbuild-plugins.js')) as Record<
  'lazyDeidentify' | 'compactWordLists' | 'chronoEnglish' | 'compromiseQuickMerge' | 'compromiseQuickHooks' | 'compromisePackedModel',
  esbuild.Plugin
>;
// The features the extension loads when first needed, each its own bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LAZY_FEATURES, EXTERNAL } = require(path.join(REPO, 'tools', 'lazy-features.js')) as { LAZY_FEATURES: Record<string, string>; EXTERNAL: string[] };
const TARGETS: { name: string; entry: string; external: string[]; plugins?: esbuild.Plugin[] }[] = [
  { name: 'extension', entry: 'src/vscode/extension.ts', external: EXTERNAL, plugins: [plugins.lazyDeidentify] },
  ...Object.entries(LAZY_FEATURES).map(([name, entry]) => ({ name, entry, external: EXTERNAL })),
  { name: 'cli', entry: 'src/cli/main.ts', external: [] as string[], plugins: [plugins.lazyDeidentify] },
  { name: 'patterns', entry: 'src/vscode/patterns.ts', external: ['vscode'] },
  { name: 'deidentify-worker', entry: 'src/vscode/deidentifyWorker.ts', external: [] as string[], plugins: [plugins.lazyDeidentify] },
  // The Show Patterns panel's webview script, and Chart.js, which it loads after the first view.
  { name: 'patterns-view', entry: 'src/webview/patternsView.ts', external: [] as string[] },
  { name: 'patterns-charts', entry: 'src/webview/patternsCharts.ts', external: [] as string[] },
  {
    name: 'deidentify',
    entry: 'src/core/supervision/deidentify.ts',
    external: [] as string[],
    plugins: [plugins.compactWordLists, plugins.chronoEnglish, plugins.compromiseQuickMerge, plugins.compromiseQuickHooks, plugins.compromisePackedModel],
  },
];

/** Builds as esbuild.js does; `minify` as its --production. */
async function build(entry: string, external: string[], outfile: string, minify: boolean, plugins: esbuild.Plugin[] = []): Promise<void> {
  await esbuild.build({
    entryPoints: [path.resolve(REPO, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify,
    external,
    plugins: [...plugins, jsoncParserEsm],
    logLevel: 'silent',
  });
}

describe('no network: the built extension and CLI hold no way out', () => {
  let tmp: string;
  const bundles: { label: string; file: string }[] = [];

  before(async function () {
    this.timeout(60_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-bundles-'));
    for (const t of TARGETS) {
      const shipped = path.join(REPO, 'dist', `${t.name}.js`);
      if (!fs.existsSync(shipped)) await build(t.entry, t.external, shipped.replace(path.join(REPO, 'dist'), tmp), false, t.plugins);
      bundles.push({ label: `dist/${t.name}.js`, file: fs.existsSync(shipped) ? shipped : path.join(tmp, `${t.name}.js`) });
      const fresh = path.join(tmp, `${t.name}.fresh.js`);
      const minified = path.join(tmp, `${t.name}.min.js`);
      await build(t.entry, t.external, fresh, false, t.plugins);
      await build(t.entry, t.external, minified, true, t.plugins);
      bundles.push({ label: `${t.name}, built now`, file: fresh }, { label: `${t.name}, built now with --production`, file: minified });
    }
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('every bundle is clean', () => {
    assert.strictEqual(bundles.length, TARGETS.length * 3);
    const found: Record<string, string[]> = {};
    for (const b of bundles) {
      const code = codeOf(b.file);
      // The export's worker is a few lines that load dist/deidentify.js, the reasons' table a few
      // kilobytes; every other bundle is large.
      const least = b.label.includes('deidentify-worker') ? 200 : /^(dist\/)?reasons\b/.test(b.label) ? 3_000 : 10_000;
      assert.ok(code.length > least, `${b.label} looks empty`);
      const ways = waysOut(code);
      if (ways.length > 0) found[b.label] = ways;
    }
    assert.deepStrictEqual(found, {}, 'a bundle holds a way out');
  });

  describe('the scan finds a way out, plain or minified', () => {
    // Each snippet is bundled as the extension would be, then scanned.
    const snippets: Record<string, string> = {
      'an https import': "import * as https from 'https'; https.get('x');",
      'http through node:': "import { request } from 'node:http'; request('x').end();",
      'a socket': "import * as net from 'net'; net.connect(80, 'example.org');",
      tls: "import * as tls from 'tls'; tls.connect(443, 'example.org');",
      udp: "import * as dgram from 'dgram'; dgram.createSocket('udp4').send('x', 53, 'example.org');",
      http2: "import * as http2 from 'http2'; http2.connect('https://example.org');",
      dns: "import { lookup } from 'dns'; lookup('example.org', () => undefined);",
      'a program': "import { execFile } from 'child_process'; execFile('curl');",
      'a require by another name': "const r = require; r('https').get('x');",
      'a computed require': "const m = ['ht', 'tps'].join(''); require(m).get('x');",
      'a dynamic import': "void import('node:https').then((m) => m.get('x'));",
      fetch: "void fetch('https://example.org', { method: 'POST', body: 'x' });",
      'fetch from globalThis': "const f = globalThis.fetch; void f('https://example.org');",
      'fetch by name': "const g = globalThis as any; void g['fetch']('https://example.org');",
      XMLHttpRequest: "const x = new (globalThis as any).XMLHttpRequest(); x.open('GET', 'x');",
      WebSocket: "new (globalThis as any).WebSocket('wss://example.org');",
      eval: "eval('1');",
    };
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-leak-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const [name, source] of Object.entries(snippets)) {
      it(name, async () => {
        const entry = path.join(dir, `${name.replace(/\W+/g, '-')}.ts`);
        // Some real code around it, as in a real bundle.
        fs.writeFileSync(entry, `import * as fs from 'fs';\nexport function read(p: string): string { return fs.readFileSync(p, 'utf8'); }\n${source}\n`);
        for (const minify of [false, true]) {
          const out = entry.replace(/\.ts$/, minify ? '.min.js' : '.js');
          await build(entry, ['vscode'], out, minify);
          assert.notDeepStrictEqual(waysOut(codeOf(out)), [], `${name}${minify ? ', minified,' : ''} went unseen`);
        }
      });
    }
  });
});
