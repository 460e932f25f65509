#!/usr/bin/env node
// @ts-check
// `npm start`: builds Attune and opens it, installed as a user installs it, in a VS Code of its
// own on a copy of the made-up demo notes. With desktop VS Code (`code` on the PATH) that is a
// separate desktop profile; without it, the local VS Code server of the test host, reachable
// only from this machine and guarded by a random token.
//
// It is a VS Code for a person, not for tests: no smoke-test driver (so "Delete Permanently"
// and closing an unsaved note ask first), not an Extension Development Host, and the desktop
// defaults for saving (web VS Code otherwise saves after every change).
//
//   npm start [-- --reset] [--notes DIR] [--no-browser] [--port N] [--server]
'use strict';

const { spawnSync, spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const demoSource = path.join(root, 'test', 'fixtures', 'demo');
const demoBase = path.join(os.homedir(), '.cache', 'attune-demo');
const defaultNotes = path.join(demoBase, 'notes');

/** What a person's desktop VS Code does by default, where the web build differs. */
const DEMO_SETTINGS = Object.freeze({
  'files.autoSave': 'off',
  'files.hotExit': 'onExit',
  'explorer.confirmDelete': true,
  'explorer.confirmDragAndDrop': true,
  'window.confirmBeforeClose': 'keyboardOnly',
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  // Notes are private: no AI chat beside them (newer VS Code shows one by default).
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
});

function build() {
  const r = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The line a demo copy's ABOUT file ends with: it tells a demo copy from a person's own folder. */
const COPY_NOTE = 'This copy of the demo notes is in';

/**
 * A fresh copy of the fictional demo notes, so trying things never changes the repo; its
 * ABOUT file says where the copy is, since the default place is a hidden folder. A folder
 * that is not a demo copy (a person's own notes, given with --notes) is opened as it is and
 * never removed nor written to. Returns whether the folder is a demo copy.
 * @param {string} demo
 * @param {boolean} reset
 * @returns {boolean}
 */
function prepareDemo(demo, reset) {
  const about = path.join(demo, 'ABOUT.txt');
  const isCopy = fs.existsSync(about) && fs.readFileSync(about, 'utf8').includes(COPY_NOTE);
  if (reset && fs.existsSync(demo) && !isCopy) {
    console.error(`npm start: ${demo} is not a copy of the demo notes, so --reset leaves it as it is.`);
    process.exit(2);
  }
  if (reset || !fs.existsSync(demo)) {
    fs.rmSync(demo, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(demo), { recursive: true });
    fs.cpSync(demoSource, demo, { recursive: true });
    fs.appendFileSync(about, `\n${COPY_NOTE} ${demo}\n(\`npm start -- --notes DIR\` uses another folder; \`npm start -- --reset\` starts again).\n`);
    return true;
  }
  return isCopy;
}

/**
 * The same settings for the notes folder: the browser keeps the user's own settings and web
 * VS Code's auto save there wins over the machine's, but not over the folder's. A person's own
 * folder (`own`) gets none: nothing is written into it.
 * @param {string} folder
 * @param {boolean} own
 */
function writeFolderSettings(folder, own) {
  const folderSettings = path.join(folder, '.vscode', 'settings.json');
  if (own || fs.existsSync(folderSettings)) return;
  fs.mkdirSync(path.dirname(folderSettings), { recursive: true });
  // The folder holding them stays out of the Explorer, which shows only the notes.
  fs.writeFileSync(
    folderSettings,
    JSON.stringify({ 'files.autoSave': 'off', 'files.hotExit': 'onExit', 'files.exclude': { '.vscode': true } }, null, 2) + '\n',
  );
}

function hasCommand(/** @type {string} */ name) {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', [name], { stdio: 'ignore' }).status === 0;
}

/**
 * Starts the VS Code server as a person's VS Code: Attune installed in its extensions folder,
 * no test driver, desktop defaults, a token required, `folder` opened by default.
 * @param {{ folder: string, own?: boolean, port?: number, token?: string, wrap?: string[] }} options
 * @returns {Promise<{ server: import('./vscode').VSCodeServer, url: string, token: string }>}
 */
async function startDemoServer(options) {
  const { startServer } = require('./vscode');
  // 16 random bytes: a token no one can guess. Hex, since VS Code takes only letters, digits
  // and "-" in a token, and one starting with "-" would read as an option.
  const token = options.token ?? crypto.randomBytes(16).toString('hex');
  writeFolderSettings(options.folder, options.own === true);
  const server = await startServer({
    connectionToken: token,
    testDriver: false,
    installExtensions: [root],
    userSettings: DEMO_SETTINGS,
    ...(options.port ? { port: options.port } : {}),
    ...(options.wrap ? { wrap: options.wrap } : {}),
    // The settings turn telemetry off, but the product still said it was on: code-server
    // showed its usage-data footer and built-in extensions looked up telemetry hosts.
    productOverrides: { enableTelemetry: false },
  });
  // The server trades ?tkn= for a cookie and drops it from the address. The folder goes in
  // the address, not --default-folder: the server names a default folder
  // vscode-remote://remote/…, while the workbench (and so the Explorer) names a folder from
  // the address by the server it is connected to, as the extension host's URIs come back;
  // with the default folder one note had two addresses and opened in two tabs.
  return { server, url: `${server.url}/?tkn=${token}&folder=${encodeURI(options.folder)}`, token };
}

/** @param {string} url */
function openBrowser(url) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return false;
  if (!hasCommand(opener)) return false;
  spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
  return true;
}

/** @param {string[]} argv */
function parseArgs(argv) {
  const portAt = argv.indexOf('--port');
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : 0;
  if (portAt >= 0 && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    console.error('npm start: --port takes a port number, e.g. --port 8080');
    process.exit(2);
  }
  const notesAt = argv.indexOf('--notes');
  const notes = notesAt >= 0 ? argv[notesAt + 1] : defaultNotes;
  if (!notes || notes.startsWith('--')) {
    console.error('npm start: --notes takes a folder, e.g. npm start -- --notes ~/attune-demo');
    process.exit(2);
  }
  return { reset: argv.includes('--reset'), browser: !argv.includes('--no-browser'), server: argv.includes('--server'), port, notes: path.resolve(notes) };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  build();
  const demo = args.notes;
  const isCopy = prepareDemo(demo, args.reset);
  if (hasCommand('code') && !args.server) {
    // A desktop profile of its own, with Attune installed in it: the user's own VS Code,
    // settings and extensions stay as they are.
    const { installExtension } = require('./vscode');
    const extensions = path.join(demoBase, 'desktop-extensions');
    const userData = path.join(demoBase, 'desktop-user-data');
    fs.mkdirSync(extensions, { recursive: true });
    await installExtension(root, extensions);
    console.log('Opening VS Code with Attune and the demo notes (a separate profile; your own VS Code is untouched)…');
    spawn('code', ['--extensions-dir', extensions, '--user-data-dir', userData, '--new-window', demo], { stdio: 'ignore', detached: true }).unref();
    return;
  }
  const { server, url } = await startDemoServer({ folder: demo, own: !isCopy, port: args.port });
  const opened = args.browser && openBrowser(url);
  console.log(`
Attune is ready, in a VS Code of its own with made-up demo notes.
It runs on this computer only; nothing is sent anywhere.

${opened ? 'It has opened in your browser. Its private address:' : 'Open this private address in your browser:'}

  ${url}

${isCopy ? 'The demo notes are' : 'The notes are'} in ${demo}
(another folder: npm start -- --notes DIR; fresh notes: npm start -- --reset)
Press Ctrl+C here to stop.`);
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

module.exports = { startDemoServer, prepareDemo, writeFolderSettings, DEMO_SETTINGS };

if (require.main === module) {
  main().catch((err) => {
    console.error(`npm start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
