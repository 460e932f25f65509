// @ts-check
'use strict';

/**
 * Library for driving a real VS Code (the upstream VS Code server from code-server 4.100.3,
 * installed by ./install.js) from Node: start the server, open its web workbench in Debian's
 * headless Chromium through playwright-core, and run extension integration tests inside it.
 *
 * Why the web workbench: these machines cannot download the Electron build that
 * @vscode/test-electron wants. The server still runs extensions in a real Node extension host
 * (workspace files are file:// URIs, Node's fs works); only vscode.env.uiKind is Web.
 * See /work/shared/vscode-host.md.
 *
 * Exports: startServer, launchBrowser, workbenchUrl, remoteUri, runExtensionTests,
 *          CHROMIUM_PATH, CHROMIUM_ARGS, ARTIFACTS_DIR.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { spawn } = require('node:child_process');
const { ensureHost } = require('./install');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Screenshots and logs of failed runs go here (ignored by git). */
const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test', '.artifacts');

const CHROMIUM_PATH = '/usr/bin/chromium';
/**
 * Chromium flags seen to work here (as root, no network but loopback). Without the
 * background-networking flags Chromium keeps trying to reach Google and gets refused.
 */
const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]);

const SERVER_HOST = '127.0.0.1';
const READY_RE = /Web UI available at (https?:\/\/\S+)/;

/**
 * @typedef {object} DataDirs
 * @property {string} base          temp folder holding all of the below; removed by stop()
 * @property {string} serverData    --server-data-dir
 * @property {string} userData      --user-data-dir
 * @property {string} extensions    --extensions-dir (empty: only built-in + dev extensions)
 * @property {string} tmp           TMPDIR of the server and its extension host
 * @property {string} [keep]         set when the caller gave its own base folder (not removed)
 */

/**
 * @typedef {object} VSCodeServer
 * @property {string} url            e.g. http://127.0.0.1:41234 (no trailing slash)
 * @property {number} port
 * @property {string} host           127.0.0.1
 * @property {string | undefined} extensionPath  default extensionDevelopmentPath for workbenchUrl
 * @property {string | undefined} connectionToken  the token a browser must present, if any
 * @property {DataDirs} dataDirs
 * @property {string[]} output       the server's stdout+stderr lines so far (capped)
 * @property {import('node:child_process').ChildProcess} process
 * @property {() => Promise<void>} stop  kills the server's process group and removes dataDirs
 */

/**
 * @typedef {object} StartServerOptions
 * @property {string} [extensionPath]  absolute path of the extension under development; used as
 *   the default extensionDevelopmentPath by workbenchUrl(). The server itself refuses
 *   --extensionDevelopmentPath: extensions under development are passed in the page's payload.
 * @property {Record<string, string>} [env]  extra environment for the server; the extension
 *   host it forks inherits it, so `process.env` in extension and test code sees these.
 * @property {string} [serverMain]     server-main.js to use (default: from ensureHost())
 * @property {number} [startTimeoutMs] how long to wait for "Web UI available at" (default 60 s)
 * @property {boolean} [echoOutput]    copy server output to stderr (default: env ATTUNE_VSCODE_VERBOSE=1)
 * @property {string} [connectionToken] require this token to connect (for a server a person
 *   uses, as `npm start` runs it); tests run without one, on loopback only.
 * @property {boolean} [testDriver]  start with --enable-smoke-test-driver (default true). Tests
 *   need it for the payload's extensionTestsPath; it also makes VS Code refuse every dialog
 *   ("Delete Permanently" deletes without asking), so a server for a person runs without it.
 * @property {Record<string, unknown>} [userSettings]  written as the user's settings.json
 * @property {string[]} [installExtensions]  extension folders (or .vsix files) to install into
 *   the server's extensions folder before it starts, so they load as a user's installed
 *   extensions do, not as extensions under development
 * @property {number} [port]  port to listen on (default 0: any free port)
 * @property {string[]} [extraArgs]  more server arguments, e.g. ['--disable-file-downloads']
 * @property {string} [locale]  VS Code's display language, e.g. 'de' (see displayLanguage)
 * @property {string[]} [wrap]       a command the server runs under, e.g. ['strace', '-f', '-o', file]
 * @property {Record<string, unknown>} [productOverrides]  fields of VS Code's product.json to
 *   change for this server, e.g. { enableTelemetry: false } (see serverWithProduct)
 */

/**
 * Puts the server in a display language. The web workbench takes its language (and gives it
 * to the extension host as vscode.env.language, and to the manifest as package.nls.<lang>.json)
 * from the language pack it loads, and none can be downloaded here: so a language pack with
 * no translations of VS Code's own words is declared in the server's user data folder
 * (languagepacks.json, as an installed pack would), and --locale picks it. VS Code's own
 * menus stay English; extensions see the language.
 * @param {string} userData  the server's --user-data-dir
 * @param {string} locale    e.g. 'de'
 * @returns {Promise<string[]>} the server arguments to add
 */
async function displayLanguage(userData, locale) {
  const main = path.join(userData, `empty-language-pack.${locale}.i18n.json`);
  await fsp.writeFile(main, JSON.stringify({ contents: {} }));
  const packs = {
    [locale]: {
      hash: `attune-test-${locale}`,
      extensions: [{ extensionIdentifier: { id: `attune-test.language-pack-${locale}` }, version: '0.0.0' }],
      translations: { vscode: main },
      label: locale,
    },
  };
  await fsp.writeFile(path.join(userData, 'languagepacks.json'), JSON.stringify(packs));
  return ['--locale', locale];
}

/** Servers not yet stopped, so a crash or Ctrl-C of the runner doesn't leave them behind. */
/** @type {Set<{ pid: number, base: string }>} */
const live = new Set();
let exitHooksInstalled = false;

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAllSync = () => {
    for (const s of live) {
      killGroup(s.pid, 'SIGKILL');
      try {
        fs.rmSync(s.base, { recursive: true, force: true });
      } catch {
        // best effort while exiting
      }
    }
    live.clear();
  };
  process.on('exit', killAllSync);
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.once(sig, () => {
      killAllSync();
      // Re-raise so the runner dies of the signal as it would have without this hook.
      process.kill(process.pid, sig);
    });
  }
}

/**
 * @param {number} pid  leader of a process group (spawned with detached: true)
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'ESRCH') throw err;
  }
}

/** @param {number} pid */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The inherited environment minus variables that would make the server think it runs inside
 * another VS Code (e.g. when tests are started from a VS Code terminal).
 * @returns {NodeJS.ProcessEnv}
 */
function cleanEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

/**
 * Installs an extension folder into an extensions folder as VS Code's own installer would
 * lay it out: a copy named publisher.name-version, listed in extensions.json (which newer
 * builds read instead of scanning the folder). Only the files a user's install has: the
 * manifest, its strings, dist/, media/, README, CHANGELOG and LICENSE.
 * @param {string} extensionDir
 * @param {string} extensionsDir
 */
async function installExtension(extensionDir, extensionsDir) {
  const manifest = JSON.parse(await fsp.readFile(path.join(extensionDir, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const folderName = `${id}-${manifest.version}`.toLowerCase();
  const target = path.join(extensionsDir, folderName);
  await fsp.rm(target, { recursive: true, force: true });
  await fsp.mkdir(target, { recursive: true });
  for (const entry of await fsp.readdir(extensionDir)) {
    if (/^(package(\.nls(\.[\w-]+)?)?\.json|dist|media|README\.md|CHANGELOG\.md|LICENSE(\.\w+)?)$/i.test(entry)) {
      await fsp.cp(path.join(extensionDir, entry), path.join(target, entry), { recursive: true });
    }
  }
  const listFile = path.join(extensionsDir, 'extensions.json');
  /** @type {Array<{ identifier: { id: string } } & Record<string, unknown>>} */
  let list = [];
  try {
    list = JSON.parse(await fsp.readFile(listFile, 'utf8'));
  } catch {
    // first extension in this folder
  }
  list = list.filter((e) => e.identifier.id !== id);
  list.push({
    identifier: { id },
    version: manifest.version,
    location: { $mid: 1, path: target, scheme: 'file' },
    relativeLocation: folderName,
    metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
  });
  await fsp.writeFile(listFile, JSON.stringify(list));
}

/**
 * A server-main.js whose VS Code reads `overrides` over the host's product.json. The server,
 * its extension host and the workbench it serves all read product.json from the folder beside
 * `out/`, and no flag changes it (e.g. `enableTelemetry`, which shows code-server's usage-data
 * footer and lets built-in extensions send telemetry although the settings turn it off). So
 * this is a copy of the host's lib/vscode made of hard links (no space, under a second to
 * make) with its own product.json, kept beside it for the next run.
 * @param {string} serverMain
 * @param {Record<string, unknown>} overrides
 */
function serverWithProduct(serverMain, overrides) {
  const vscodeDir = path.dirname(path.dirname(serverMain));
  const product = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'product.json'), 'utf8'));
  const text = JSON.stringify({ ...product, ...overrides }, null, 2) + '\n';
  const id = crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
  const target = path.join(path.dirname(vscodeDir), `${path.basename(vscodeDir)}-product-${id}`);
  const main = path.join(target, path.relative(vscodeDir, serverMain));
  if (fs.existsSync(main)) return main;
  const staging = `${target}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  linkTree(vscodeDir, staging);
  fs.rmSync(path.join(staging, 'product.json'));
  fs.writeFileSync(path.join(staging, 'product.json'), text);
  try {
    fs.renameSync(staging, target);
  } catch (err) {
    // Another run made it meanwhile: use theirs.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(main)) throw err;
  }
  return main;
}

/**
 * Copies a folder as hard links (symbolic links stay links).
 * @param {string} from
 * @param {string} to
 */
function linkTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else fs.linkSync(source, target);
  }
}

/**
 * Starts the VS Code server on a free loopback port with fresh, throw-away data folders.
 * @param {StartServerOptions} [options]
 * @returns {Promise<VSCodeServer>}
 */
async function startServer(options = {}) {
  const host = options.serverMain ? { serverMain: options.serverMain, node: process.execPath } : await ensureHost();
  const serverMain = options.productOverrides ? serverWithProduct(host.serverMain, options.productOverrides) : host.serverMain;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const echo = options.echoOutput ?? process.env.ATTUNE_VSCODE_VERBOSE === '1';
  if (options.extensionPath !== undefined && !path.isAbsolute(options.extensionPath)) {
    throw new Error(`startServer: extensionPath must be absolute, got ${options.extensionPath}`);
  }

  const base = await fsp.mkdtemp(path.join(os.tmpdir(), 'attune-vscode-'));
  /** @type {DataDirs} */
  const dataDirs = {
    base,
    serverData: path.join(base, 'server-data'),
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    tmp: path.join(base, 'tmp'),
  };
  for (const d of [dataDirs.serverData, dataDirs.userData, dataDirs.extensions, dataDirs.tmp]) {
    await fsp.mkdir(d, { recursive: true });
  }
  /** @type {string[]} */
  const args0 = [];
  if (options.locale) args0.push(...(await displayLanguage(dataDirs.userData, options.locale)));
  if (options.userSettings) {
    // The web workbench keeps the user's own settings in the browser; the settings of the
    // machine the server runs on ("Remote" in the Settings editor) are in the server's user
    // data folder, and apply to everything but application-wide settings.
    const dir = path.join(dataDirs.userData, 'Machine');
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(path.join(dir, 'settings.json'), JSON.stringify(options.userSettings, null, 2) + '\n');
  }
  for (const ext of options.installExtensions || []) await installExtension(ext, dataDirs.extensions);

  const args = [
    serverMain,
    '--host',
    SERVER_HOST,
    '--port',
    String(options.port ?? 0),
    ...(options.connectionToken ? ['--connection-token', options.connectionToken] : ['--without-connection-token']),
    '--accept-server-license-terms',
    // Newer VS Code builds honour the payload's extensionTestsPath only with this.
    ...((options.testDriver ?? true) ? ['--enable-smoke-test-driver'] : []),
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir',
    dataDirs.serverData,
    '--user-data-dir',
    dataDirs.userData,
    '--extensions-dir',
    dataDirs.extensions,
    ...(options.extraArgs || []),
    ...args0,
  ];
  const env = {
    ...cleanEnv(),
    ...(options.env || {}),
    // No marketplace to reach here; '{}' stops the attempts.
    EXTENSIONS_GALLERY: '{}',
    // Per-run TMPDIR: VS Code leaves IPC sockets and such in it.
    TMPDIR: dataDirs.tmp,
  };

  // detached: the server becomes a process-group leader, so stop() can kill it together
  // with the extension host, pty host and file watcher it forks.
  const [command, ...prefix] = [...(options.wrap || []), host.node];
  const child = spawn(/** @type {string} */ (command), [...prefix, ...args], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) {
    await fsp.rm(base, { recursive: true, force: true });
    throw new Error(`could not start the VS Code server (${host.node} ${serverMain})`);
  }
  const pid = child.pid;
  const entry = { pid, base };
  live.add(entry);
  installExitHooks();

  /** @type {string[]} */
  const output = [];

  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => fail(new Error(`VS Code server did not print "Web UI available at" within ${startTimeoutMs} ms`)), startTimeoutMs);
    /** @param {Error} err */
    const fail = (err) => {
      clearTimeout(timer);
      reject(new Error(`${err.message}\nServer output:\n  ${output.slice(-40).join('\n  ')}`));
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      if (echo) process.stderr.write(chunk);
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() || '';
      for (const line of lines) {
        output.push(line);
        if (output.length > 2000) output.splice(0, 500);
        const m = READY_RE.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(/** @type {string} */ (m[1]));
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => fail(new Error(`VS Code server process error: ${err.message}`)));
    child.on('exit', (code, signal) => fail(new Error(`VS Code server exited before it was ready (${signal || `code ${code}`})`)));
  }).catch(async (err) => {
    killGroup(pid, 'SIGKILL');
    live.delete(entry);
    await fsp.rm(base, { recursive: true, force: true });
    throw err;
  });

  const parsed = new URL(url);
  const port = Number(parsed.port);
  if (!Number.isInteger(port) || port <= 0) {
    killGroup(pid, 'SIGKILL');
    live.delete(entry);
    await fsp.rm(base, { recursive: true, force: true });
    throw new Error(`could not parse a port from the server's URL ${url}`);
  }

  /** @type {Promise<void> | null} */
  let stopping = null;
  const stop = () => {
    if (!stopping) {
      stopping = (async () => {
        killGroup(pid, 'SIGTERM');
        // Give VS Code a moment to shut down cleanly, then make sure.
        const deadline = Date.now() + 5000;
        while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
        if (groupAlive(pid)) {
          killGroup(pid, 'SIGKILL');
          const hardDeadline = Date.now() + 5000;
          while (groupAlive(pid) && Date.now() < hardDeadline) await sleep(50);
        }
        live.delete(entry);
        await fsp.rm(base, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      })();
    }
    return stopping;
  };

  return {
    url: `${parsed.protocol}//${SERVER_HOST}:${port}`,
    port,
    host: SERVER_HOST,
    extensionPath: options.extensionPath,
    connectionToken: options.connectionToken,
    dataDirs,
    output,
    process: child,
    stop,
  };
}

/**
 * @typedef {object} LaunchedBrowser
 * @property {import('playwright-core').Browser} browser
 * @property {import('playwright-core').BrowserContext} context  a fresh context (1280x800)
 * @property {() => Promise<void>} close  closes the browser (and its temporary profile)
 */

/**
 * Launches Debian's Chromium through playwright-core. Playwright's launch() gives every
 * browser a fresh temporary profile (user data folder) and deletes it on close.
 * @param {{ headless?: boolean, viewport?: { width: number, height: number }, locale?: string }} [options]
 * @returns {Promise<LaunchedBrowser>}
 */
async function launchBrowser(options = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run \`node test/host/install.js\` (installs Debian's chromium)`);
  }
  const headless = options.headless ?? true;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: CHROMIUM_ARGS.filter((a) => headless || a !== '--headless'),
  });
  try {
    const context = await browser.newContext({
      viewport: options.viewport || { width: 1280, height: 800 },
      ...(options.locale ? { locale: options.locale } : {}),
    });
    return { browser, context, close: () => browser.close() };
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/**
 * `vscode-remote://127.0.0.1:PORT/abs/path`: how the web workbench names a file on the server.
 * @param {Pick<VSCodeServer, 'host' | 'port'>} server
 * @param {string} absPath
 */
function remoteUri(server, absPath) {
  if (!path.isAbsolute(absPath)) throw new Error(`remoteUri: path must be absolute, got ${absPath}`);
  const encoded = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${server.host}:${server.port}${encoded}`;
}

/**
 * @typedef {object} WorkbenchUrlOptions
 * @property {string} [folder]                   absolute path of the workspace folder to open
 * @property {string} [extensionDevelopmentPath] absolute path (default: server.extensionPath)
 * @property {string} [extensionTestsPath]       absolute path of a module exporting run()
 * @property {Array<[string, string]>} [payload] extra payload entries, e.g. [['someKey','v']]
 */

/**
 * The workbench URL that opens `folder` with the given extension under development (and,
 * with extensionTestsPath, runs its tests). Only the payload works for these: the server
 * refuses --extensionDevelopmentPath on its command line.
 * @param {Pick<VSCodeServer, 'url' | 'host' | 'port'> & { extensionPath?: string, connectionToken?: string }} server
 * @param {WorkbenchUrlOptions} [options]
 * @returns {string}
 */
function workbenchUrl(server, options = {}) {
  /** @type {Array<[string, string]>} */
  const payload = [];
  const devPath = options.extensionDevelopmentPath ?? server.extensionPath;
  if (devPath) payload.push(['extensionDevelopmentPath', remoteUri(server, devPath)]);
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, options.extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  for (const entry of options.payload || []) payload.push(entry);

  const params = [];
  if (options.folder) {
    if (!path.isAbsolute(options.folder)) throw new Error(`workbenchUrl: folder must be absolute, got ${options.folder}`);
    // A bare absolute path is taken as a vscode-remote path on this server.
    params.push(`folder=${encodeURIComponent(path.resolve(options.folder))}`);
  }
  params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  if (server.connectionToken) params.push(`tkn=${encodeURIComponent(server.connectionToken)}`);
  return `${server.url}/?${params.join('&')}`;
}

/**
 * Formats what VS Code passes to codeAutomationLog(type, args): the arguments of a console
 * call, e.g. mocha's ['    ✔ %s (%dms)', 'title', 12], sometimes with objects (errors arrive
 * as plain objects after crossing into Node).
 * @param {unknown} args
 * @returns {string}
 */
function formatLogArgs(args) {
  const list = (Array.isArray(args) ? args : [args]).map(describeLogArg);
  const [first, ...rest] = list;
  // printf-style first argument, as console.log does it (%c styling is dropped by util.format).
  if (typeof first === 'string' && /%[sdifjoOc%]/.test(first)) return util.format(first, ...rest);
  return list.map((a) => (typeof a === 'string' ? a : util.inspect(a, { depth: 4, breakLength: Infinity }))).join(' ');
}

/**
 * Strings and numbers pass through (util.format needs them for %s/%d); other values become
 * readable text.
 * @param {unknown} a
 * @returns {string | number | boolean}
 */
function describeLogArg(a) {
  if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') return a;
  if (a === undefined || a === null) return String(a);
  if (typeof a === 'object' && 'stack' in a && typeof a.stack === 'string') return a.stack;
  try {
    const json = JSON.stringify(a);
    if (json !== undefined && json !== '{}') return json;
  } catch {
    // circular or otherwise unserialisable: fall back to inspect
  }
  return util.inspect(a, { depth: 4, breakLength: Infinity });
}

/**
 * Workbench chatter that arrives through codeAutomationLog alongside the extension host's
 * console. Kept in the returned log, not echoed (unless ATTUNE_VSCODE_VERBOSE=1), so test
 * output stays readable.
 */
const ECHO_NOISE = [
  /^Resolv(ing|ed) connection token \(/,
  /^Creating a socket \(renderer-/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore: /,
  // serviceWorker.js is not served by this build; VS Code works without it.
  /^\[error\] \[Service Worker\] registration/,
];

/** @param {string} s */
function safeName(s) {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_');
}

function timestamp() {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * @typedef {object} RunExtensionTestsOptions
 * @property {string} extensionDevelopmentPath  folder with the extension's package.json
 * @property {string} extensionTestsPath         compiled module exporting run(): Promise<void>
 * @property {string} [workspaceFolder]          folder to open in the workbench
 * @property {number} [timeoutMs]                whole-run limit (default 120 s)
 * @property {Record<string, string>} [env]      extra environment for the extension host
 * @property {string} [artifactsDir]             where failures leave screenshots/logs (default test/.artifacts)
 * @property {string} [label]                    names the artifacts (default: basename of the tests path)
 * @property {boolean} [echo]                    echo extension host log lines to stdout (default true)
 * @property {string} [locale]                  VS Code's display language (e.g. "de"): the browser's language,
 *   which the web workbench takes for its own and passes to the extension host (vscode.env.language)
 */

/**
 * @typedef {object} RunExtensionTestsResult
 * @property {number} exitCode      0 when run() resolved; non-zero when it rejected, on timeout or crash
 * @property {string[]} log         extension host / workbench lines received through codeAutomationLog
 * @property {boolean} timedOut
 * @property {number} durationMs
 * @property {string[]} artifacts   files written for a failed run (screenshot, logs)
 */

/**
 * Runs an extension's integration tests inside a real VS Code: starts a server, opens the
 * workbench in headless Chromium with extensionDevelopmentPath/extensionTestsPath in the
 * payload, streams the extension host's console and resolves when VS Code reports run()'s
 * outcome through codeAutomationExit. Always stops the browser and the server.
 * @param {RunExtensionTestsOptions} options
 * @returns {Promise<RunExtensionTestsResult>}
 */
async function runExtensionTests(options) {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const echo = options.echo ?? true;
  const artifactsDir = options.artifactsDir || ARTIFACTS_DIR;
  const extensionDevelopmentPath = path.resolve(options.extensionDevelopmentPath);
  const extensionTestsPath = path.resolve(options.extensionTestsPath);
  const workspaceFolder = options.workspaceFolder ? path.resolve(options.workspaceFolder) : undefined;
  const label = safeName(
    options.label || `${path.basename(path.dirname(extensionTestsPath))}-${path.basename(extensionTestsPath, path.extname(extensionTestsPath))}`,
  );
  // One stamp per run so its screenshot, log and log folder sort together.
  const stamp = timestamp();

  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) {
    throw new Error(`runExtensionTests: no package.json in extensionDevelopmentPath ${extensionDevelopmentPath}`);
  }
  if (!fs.existsSync(extensionTestsPath)) {
    throw new Error(`runExtensionTests: extensionTestsPath ${extensionTestsPath} does not exist (compiled yet?)`);
  }
  if (workspaceFolder && !fs.statSync(workspaceFolder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`runExtensionTests: workspaceFolder ${workspaceFolder} is not a folder`);
  }

  /** @type {string[]} */
  const log = [];
  /** @type {string[]} */
  const pageLog = [];
  /** @type {string[]} */
  const artifacts = [];
  /** @type {VSCodeServer | null} */
  let server = null;
  /** @type {LaunchedBrowser | null} */
  let launched = null;
  /** @type {import('playwright-core').Page | null} */
  let page = null;
  let timedOut = false;
  let exitCode = 1;

  const verbose = process.env.ATTUNE_VSCODE_VERBOSE === '1';
  /** @param {string} line */
  const emit = (line) => {
    log.push(line);
    if (echo && (verbose || !ECHO_NOISE.some((re) => re.test(line)))) process.stdout.write(`${line}\n`);
  };

  try {
    server = await startServer({ extensionPath: extensionDevelopmentPath, env: options.env, locale: options.locale });
    launched = await launchBrowser(options.locale ? { locale: options.locale } : {});
    page = await launched.context.newPage();

    /** @type {(code: number) => void} */
    let onExit = () => {};
    /** @type {Promise<number>} */
    const exited = new Promise((resolve) => {
      onExit = resolve;
    });

    // Must be exposed before the workbench loads: VS Code looks these up on window when it
    // logs and when the extension host exits (exposeFunction also survives navigations).
    await page.exposeFunction('codeAutomationLog', (/** @type {unknown} */ type, /** @type {unknown} */ args) => {
      const text = formatLogArgs(args);
      const kind = typeof type === 'string' ? type : 'log';
      emit(kind === 'info' || kind === 'log' ? text : `[${kind}] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', async (/** @type {unknown} */ code, /** @type {unknown} */ logs) => {
      const n = typeof code === 'number' ? code : 1;
      if (n !== 0 && Array.isArray(logs)) {
        // Workbench-side logs VS Code keeps in IndexedDB; worth keeping for a failed run.
        const dir = path.join(artifactsDir, `${label}-${stamp}-logs`);
        for (const entry of logs) {
          if (entry && typeof entry.relativePath === 'string' && typeof entry.contents === 'string') {
            const file = path.join(dir, entry.relativePath);
            if (!file.startsWith(dir + path.sep)) continue;
            await fsp.mkdir(path.dirname(file), { recursive: true });
            await fsp.writeFile(file, entry.contents);
          }
        }
        if (fs.existsSync(dir)) artifacts.push(dir);
      }
      onExit(n);
    });
    page.on('pageerror', (err) => pageLog.push(`[pageerror] ${err.stack || err.message}`));
    page.on('console', (msg) => pageLog.push(`[console.${msg.type()}] ${msg.text()}`));

    const url = workbenchUrl(server, { folder: workspaceFolder, extensionDevelopmentPath, extensionTestsPath });
    const srv = server;
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, timeoutMs - (Date.now() - started)));
    });
    const serverDied = new Promise((resolve) => srv.process.once('exit', () => resolve('server-exit')));

    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    const outcome = await Promise.race([exited, timeout, serverDied]);
    clearTimeout(timer);

    if (outcome === 'timeout') {
      timedOut = true;
      emit(`[vscode-host] TIMEOUT: no exit from the extension tests after ${timeoutMs} ms`);
    } else if (outcome === 'server-exit') {
      emit(`[vscode-host] the VS Code server exited during the run. Its last output:\n  ${srv.output.slice(-30).join('\n  ')}`);
    } else {
      exitCode = /** @type {number} */ (outcome);
    }
  } catch (err) {
    emit(`[vscode-host] run failed: ${err instanceof Error ? err.stack || err.message : String(err)}`);
    exitCode = 1;
  } finally {
    if (exitCode !== 0) {
      await fsp.mkdir(artifactsDir, { recursive: true }).catch(() => {});
      if (page) {
        const shot = path.join(artifactsDir, `${label}-${stamp}.png`);
        try {
          await page.screenshot({ path: shot, timeout: 10_000 });
          artifacts.push(shot);
        } catch (err) {
          emit(`[vscode-host] could not take a screenshot: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const text = path.join(artifactsDir, `${label}-${stamp}.log`);
      const sections = [
        '## extension host (codeAutomationLog)',
        ...log,
        '',
        '## page console',
        ...pageLog,
        '',
        '## server output',
        ...(server ? server.output : []),
      ];
      try {
        await fsp.writeFile(text, sections.join('\n') + '\n');
        artifacts.push(text);
      } catch {
        // artifacts are a convenience; the exit code is what matters
      }
    }
    if (launched) await launched.close().catch(() => {});
    if (server) await server.stop().catch(() => {});
  }

  if (exitCode !== 0 && artifacts.length) {
    process.stderr.write(`[vscode-host] failure artifacts:\n  ${artifacts.join('\n  ')}\n`);
  }
  return { exitCode, log, timedOut, durationMs: Date.now() - started, artifacts };
}

module.exports = {
  startServer,
  installExtension,
  launchBrowser,
  workbenchUrl,
  remoteUri,
  runExtensionTests,
  formatLogArgs,
  CHROMIUM_PATH,
  CHROMIUM_ARGS,
  ARTIFACTS_DIR,
};
