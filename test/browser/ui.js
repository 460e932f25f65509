// @ts-check
'use strict';

/**
 * Drives the real VS Code workbench (the web UI of the VS Code server from test/host) the way a
 * person does: clicks, keys, and reading what is on screen. Used by ./flows.js.
 *
 * One Session = one fresh VS Code server (own user data, extensions and server data folders),
 * one fresh Chromium (own temporary profile) and one fresh workspace folder. The page is loaded
 * with only `extensionDevelopmentPath` (the repository) in the payload, so it is VS Code with
 * Attune loaded and nothing else driving it. See /work/shared/vscode-host.md.
 *
 * No fixed sleeps: every wait is for a state on screen (a Playwright locator) or a condition
 * polled until it holds (until()), each with a timeout and a message saying what was awaited
 * and what was last seen.
 */

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { startServer, launchBrowser, workbenchUrl } = require('../host/vscode');
const { startDemoServer } = require('../host/start');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DEMO = path.join(REPO_ROOT, 'test', 'fixtures', 'demo');

/** How long a single wait for something on screen may take (the machine may be busy). */
const WAIT_MS = Number(process.env.ATTUNE_BROWSER_WAIT_MS) || 45_000;
/** The walkthrough's editor tab: "Walkthrough: Attune…" in VS Code 1.100, "Welcome" in 1.139. */
const WALKTHROUGH_TAB = /^\s*(Walkthrough: Attune|Welcome)/;
/** The first load of the workbench: server start, page, extension host, extension scan. */
const LOAD_MS = Number(process.env.ATTUNE_BROWSER_LOAD_MS) || 90_000;

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Locator} Locator */
/** @typedef {import('../host/vscode').VSCodeServer} VSCodeServer */
/** @typedef {import('../host/vscode').LaunchedBrowser} LaunchedBrowser */

/** @param {number} ms */
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {unknown} err */
function message(err) {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Polls `probe` until `accept(value)` holds; resolves with that value. On timeout, throws
 * "timed out after N ms waiting for <what>; last seen: <value>". This is waiting for a state,
 * not sleeping: it returns as soon as the state is there.
 * @template T
 * @param {string} what
 * @param {() => Promise<T> | T} probe
 * @param {(value: T) => boolean} accept
 * @param {{ timeout?: number, interval?: number }} [options]
 * @returns {Promise<T>}
 */
async function until(what, probe, accept, options = {}) {
  const timeout = options.timeout ?? WAIT_MS;
  const interval = options.interval ?? 100;
  const deadline = Date.now() + timeout;
  /** @type {string} */
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (accept(value)) return value;
      last = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 0);
    } catch (err) {
      last = `error: ${message(err)}`;
    }
    if (Date.now() >= deadline) {
      const seen = last.length > 1500 ? `${last.slice(0, 1500)}…` : last;
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`);
    }
    await pause(interval);
  }
}

/**
 * Waits for a locator to reach a state, with a message that says what the flow waited for.
 * @param {Locator} locator
 * @param {string} what
 * @param {{ state?: 'visible' | 'hidden' | 'attached' | 'detached', timeout?: number }} [options]
 */
async function waitFor(locator, what, options = {}) {
  try {
    await locator.first().waitFor({ state: options.state ?? 'visible', timeout: options.timeout ?? WAIT_MS });
  } catch (err) {
    const first = message(err).split('\n')[0];
    throw new Error(`${what}: not ${options.state ?? 'visible'} on screen (${first})`, { cause: err });
  }
}

/**
 * The product's own date functions (src/core/notes/dates.ts), bundled in memory with esbuild, so
 * the flows reckon today and "noted 6 Nov" exactly as the extension does, not with a copy.
 * @type {{ formatDate(date: Date): string, formatNoted(date: string | null, today: string): string }}
 */
const dates = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-dates-'));
  try {
    const outfile = path.join(dir, 'dates.js');
    require('esbuild').buildSync({
      entryPoints: [path.join(REPO_ROOT, 'src', 'core', 'notes', 'dates.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'error',
    });
    return require(outfile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();

/** Today as the extension computes it: the local date, YYYY-MM-DD. */
function today() {
  return dates.formatDate(new Date());
}

/**
 * "noted 6 Nov" (with the year when it is not this year's): when a rupture was noted, as the
 * tree and the lenses show it.
 * @param {string} date YYYY-MM-DD
 */
function notedOf(date) {
  return dates.formatNoted(date, today());
}

/**
 * @typedef {object} TreeRow
 * @property {number} level       1 for a group (client), 2 for a rupture under it
 * @property {string} label
 * @property {string} description
 * @property {string} ariaLabel
 */

/**
 * @typedef {object} SessionOptions
 * @property {'demo' | 'empty'} workspace  a fresh copy of test/fixtures/demo, or an empty folder
 * @property {(folder: string) => void | Promise<void>} [prepare]  changes the copy before VS Code opens it
 * @property {string} name  names the failure artifacts
 * @property {boolean} [asUser]  VS Code as `npm start` runs it for a person (Attune installed,
 *   no test driver, desktop settings, a token) instead of with Attune under development
 * @property {boolean} [traceConnects]  (with asUser) runs the server under strace, recording
 *   every connect() of the server and the processes it starts in `session.connectTrace`
 */

class Session {
  /**
   * @param {string} name
   * @param {string} base        temp folder holding the workspace (removed on close)
   * @param {string} folder      the workspace folder VS Code opens
   * @param {VSCodeServer} server
   * @param {LaunchedBrowser} launched
   * @param {Page} page
   * @param {string[]} pageLog
   */
  constructor(name, base, folder, server, launched, page, pageLog) {
    this.name = name;
    this.base = base;
    this.folder = folder;
    this.server = server;
    this.launched = launched;
    this.page = page;
    this.pageLog = pageLog;
    /** When the page was created: the zero of the page log's clock. */
    this.pageT0 = Date.now();
    /** The strace output of the server's connect() calls (Session.open's traceConnects), or null. */
    /** @type {string | null} */
    this.connectTrace = null;
    /** Where picture() saves the README's picture of this flow (set by the runner), or null. */
    /** @type {string | null} */
    this.pictureFile = null;
    this.pictureTaken = false;
  }

  /**
   * Marks the moment of the flow the README shows (when it is not the end): with pictureFile
   * set (`npm run screenshots`), saves the screen there; otherwise does nothing.
   */
  async picture() {
    if (!this.pictureFile) return;
    this.note(`picture for the README: ${path.basename(this.pictureFile)}`);
    await this.restMouse();
    await this.screenshot(this.pictureFile, { belowTitleBar: true });
    this.pictureTaken = true;
  }

  /**
   * Marks a step of the flow in the page log, so a failure's log shows where the flow was
   * among the workbench's own messages (and, with ATTUNE_BROWSER_DEBUG=1, prints it).
   * @param {string} text
   */
  /**
   * What web VS Code has written to the browser's database for Attune's stored state (its
   * global and workspace mementos, one JSON text per database that holds any): a flow waits
   * for a change to reach it before reloading, since VS Code writes it a moment after the
   * change and a reload in between would lose it.
   * @returns {Promise<string[]>}
   */
  async storedState() {
    return this.page.evaluate(async () => {
      /** @param {IDBRequest} request */
      const done = (request) =>
        new Promise((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
      const found = [];
      for (const { name } of await indexedDB.databases()) {
        if (!name || !name.startsWith('vscode-web-state-db')) continue;
        /** @type {IDBDatabase} */
        const db = await done(indexedDB.open(name));
        try {
          if (!db.objectStoreNames.contains('ItemTable')) continue;
          const value = await done(db.transaction('ItemTable').objectStore('ItemTable').get('attune.attune'));
          if (value !== undefined) found.push(String(value));
        } finally {
          db.close();
        }
      }
      return found;
    });
  }

  note(text) {
    const line = `${((Date.now() - this.pageT0) / 1000).toFixed(1).padStart(5)}s ── ${text}`;
    this.pageLog.push(line);
    if (process.env.ATTUNE_BROWSER_DEBUG) console.log(`    ${line}`);
  }

  /**
   * Starts a server and a browser and opens the workbench on a fresh workspace.
   * @param {SessionOptions} options
   * @returns {Promise<Session>}
   */
  static async open(options) {
    const base = await fsp.mkdtemp(path.join(os.tmpdir(), 'attune-browser-'));
    // A plain folder name: it shows in the title bar and the Explorer of the screenshots.
    const folder = path.join(base, 'notes');
    if (options.workspace === 'demo') await fsp.cp(DEMO, folder, { recursive: true });
    else await fsp.mkdir(folder);
    /** @type {VSCodeServer | undefined} */
    let server;
    /** @type {LaunchedBrowser | undefined} */
    let launched;
    try {
      if (options.prepare) await options.prepare(folder);
      /** @type {string} */
      let url;
      if (options.asUser) {
        const trace = path.join(base, 'connect.trace');
        const demo = await startDemoServer({ folder, ...(options.traceConnects ? { wrap: ['strace', '-f', '-qq', '-e', 'trace=connect', '-o', trace] } : {}) });
        server = demo.server;
        url = demo.url;
      } else {
        // Without AI features, as Attune's `npm start` sets VS Code up: on the newest VS Code,
        // chat's own suggestions now and then redrew an open list of a template's choices,
        // its first choice in focus again, under the keys a flow was pressing.
        server = await startServer({ extensionPath: REPO_ROOT, userSettings: { 'chat.disableAIFeatures': true } });
        url = workbenchUrl(server, { folder, extensionDevelopmentPath: REPO_ROOT });
      }
      launched = await launchBrowser({ viewport: { width: 1280, height: 800 } });
      const page = await launched.context.newPage();
      // Playwright's own actions (click, hover...) wait for their element no longer than this.
      page.setDefaultTimeout(WAIT_MS);
      /** @type {string[]} */
      const pageLog = [];
      const t0 = Date.now();
      const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s`;
      page.on('console', (msg) => {
        const line = `${stamp()} [${msg.type()}] ${msg
          .text()
          .replace(/%c/g, '')
          .replace(/color: #\w+ ?/g, '')}`;
        pageLog.push(line);
        if (process.env.ATTUNE_BROWSER_DEBUG && msg.type() === 'error') console.log(`    ${line.slice(0, 300)}`);
        if (pageLog.length > 3000) pageLog.splice(0, 1000);
      });
      page.on('pageerror', (err) => pageLog.push(`${stamp()} [pageerror] ${err.stack || err.message}`));
      const session = new Session(options.name, base, folder, server, launched, page, pageLog);
      session.pageT0 = t0;
      if (options.traceConnects) session.connectTrace = path.join(base, 'connect.trace');
      // Only extensionDevelopmentPath (and skipWelcome) in the payload: no test runner inside.
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_MS });
      await waitFor(page.locator('.monaco-workbench .part.activitybar'), 'the VS Code workbench', { timeout: LOAD_MS });
      // Attune's activity bar item appears once the extension host has read Attune's manifest.
      await waitFor(session.activityTab('Attune'), 'the "Attune" item in the activity bar', { timeout: LOAD_MS });
      // Newer VS Code opens a Chat view in a second side bar, narrowing the editor: close it,
      // as a person would who does not use it.
      await session.closeSecondarySideBar();
      // Installed Attune opens its walkthrough on its first start; wait for it, so that it
      // does not take the focus from the flow's first steps.
      if (options.asUser) {
        await waitFor(page.locator('.part.editor .tabs-container .tab', { hasText: WALKTHROUGH_TAB }), 'the walkthrough Attune opens on its first start', {
          timeout: LOAD_MS,
        });
        // The tab shows before the page has drawn its steps and taken the focus; a palette
        // opened in between closes when it does (flows 14 and 44 failed so).
        await waitFor(page.locator('.part.editor .getting-started-step').first(), "the walkthrough's steps", { timeout: LOAD_MS });
        await until(
          'the walkthrough to take the focus',
          () => page.evaluate(() => !!document.activeElement && !!document.activeElement.closest('.part.editor')),
          (v) => v === true,
          { timeout: LOAD_MS },
        );
      }
      return session;
    } catch (err) {
      // What was on screen when the workbench did not come up as expected.
      const pages = launched ? launched.context.pages() : [];
      if (pages[0]) {
        const shot = path.join(REPO_ROOT, 'test', '.artifacts', 'browser', `open-failed-${options.name}-${Date.now()}.png`);
        await fsp.mkdir(path.dirname(shot), { recursive: true }).catch(() => {});
        await pages[0].screenshot({ path: shot, timeout: 10_000 }).then(
          () => console.log(`    screenshot: ${path.relative(process.cwd(), shot)}`),
          () => {},
        );
      }
      if (launched) await launched.close().catch(() => {});
      if (server) await server.stop().catch(() => {});
      await fsp.rm(base, { recursive: true, force: true }).catch(() => {});
      throw err;
    }
  }

  /** Stops the browser and the server and removes the workspace copy. */
  async close() {
    await this.launched.close().catch(() => {});
    await this.server.stop().catch(() => {});
    await fsp.rm(this.base, { recursive: true, force: true }).catch(() => {});
  }

  // ---------------------------------------------------------------- files on disk

  /** @param {string} rel path inside the workspace, e.g. C318/2026-11-18.md */
  file(rel) {
    return path.join(this.folder, ...rel.split('/'));
  }

  /**
   * Waits until the file on disk satisfies `accept` (VS Code writes asynchronously).
   * @param {string} rel
   * @param {string} what
   * @param {(text: string) => boolean} accept
   */
  async waitForFile(rel, what, accept) {
    return until(`${rel} on disk to hold ${what}`, () => fs.readFileSync(this.file(rel), 'utf8'), accept);
  }

  // ---------------------------------------------------------------- activity bar and views

  /**
   * An activity bar item (a view container), e.g. "Explorer", "Attune".
   * @param {string} title
   */
  activityTab(title) {
    return this.page.locator('.part.activitybar li[role="tab"]').filter({ has: this.page.locator(`a.action-label[aria-label^="${title}"]`) });
  }

  /**
   * The number on an activity bar item's badge, or null when it shows none.
   * @param {string} title
   * @returns {Promise<number | null>}
   */
  async badge(title) {
    const badge = this.activityTab(title).locator('.badge');
    if ((await badge.count()) === 0 || !(await badge.first().isVisible())) return null;
    const text = (await badge.first().locator('.badge-content').textContent()) || '';
    return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
  }

  /**
   * Waits until the badge shows `n`.
   * @param {string} title
   * @param {number} n
   */
  async waitForBadge(title, n) {
    return until(
      `the "${title}" badge in the activity bar to show ${n}`,
      () => this.badge(title),
      (v) => v === n,
    );
  }

  /**
   * Shows a view container from the activity bar (a click when it is not already showing).
   * @param {string} title
   */
  async showContainer(title) {
    const tab = this.activityTab(title);
    await waitFor(tab, `the "${title}" item in the activity bar`);
    this.note(`show ${title}`);
    let clicked = 0;
    await until(
      `the "${title}" view container to be showing`,
      async () => {
        const selected = await tab.first().getAttribute('aria-selected');
        // Attune itself may show its view meanwhile (after the curtain folds the Explorer), and a
        // click that lands as another container is chosen can close the side bar instead: while
        // the container is not showing, click it again, giving each click half a second to land.
        if (selected !== 'true' && Date.now() - clicked > 500) {
          clicked = Date.now();
          await tab.first().click();
        }
        return selected;
      },
      (v) => v === 'true',
    );
  }

  /** Closes the secondary side bar (newer VS Code shows Chat there) when it is open. */
  async closeSecondarySideBar() {
    const bar = this.page.locator('.part.auxiliarybar');
    if ((await bar.count()) === 0 || !(await bar.first().isVisible())) return;
    this.note('close the secondary side bar');
    await this.runCommand('View: Toggle Secondary Side Bar Visibility');
    await waitFor(bar, 'the secondary side bar to close', { state: 'hidden' });
  }

  /** The "Ruptures to revisit" tree. */
  attuneTree() {
    return this.page.locator('.part.sidebar .monaco-list[aria-label="Ruptures to revisit"]');
  }

  /**
   * The rows of the Attune tree as on screen (group rows at level 1, ruptures at level 2).
   * @returns {Promise<TreeRow[]>}
   */
  async treeRows() {
    const tree = this.attuneTree();
    if ((await tree.count()) === 0 || !(await tree.first().isVisible())) return [];
    return tree.first().evaluate((list) =>
      Array.from(list.querySelectorAll('.monaco-list-row'))
        .map((row) => ({
          index: Number(row.getAttribute('data-index')),
          level: Number(row.getAttribute('aria-level')),
          label: (row.querySelector('.label-name')?.textContent || '').trim(),
          description: (row.querySelector('.label-description')?.textContent || '').trim(),
          ariaLabel: row.getAttribute('aria-label') || '',
        }))
        .sort((a, b) => a.index - b.index)
        .map(({ level, label, description, ariaLabel }) => ({ level, label, description, ariaLabel })),
    );
  }

  /**
   * The row of a rupture in the Attune tree, by its title.
   * @param {string} title
   */
  treeRow(title) {
    return this.attuneTree()
      .locator('.monaco-list-row[aria-level="2"]')
      .filter({ has: this.page.locator('.label-name', { hasText: title }) });
  }

  /**
   * Makes the side bar wider so the tree's descriptions ("open · 4 days") are not cut off.
   * Drags the sash between the side bar and the editor, as a person would.
   * @param {number} width
   */
  async widenSidebar(width) {
    const sidebar = this.page.locator('.part.sidebar');
    const box = await sidebar.boundingBox();
    if (!box || box.width >= width) return;
    const x = box.x + box.width;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
    await this.page.mouse.move(box.x + width, y, { steps: 4 });
    await this.page.mouse.up();
    try {
      await until(
        `the side bar to be ${width}px wide`,
        async () => (await sidebar.boundingBox())?.width ?? 0,
        (w) => Math.abs(w - width) <= 8,
        { timeout: 5000 },
      );
    } catch (err) {
      // Only the pictures suffer (descriptions cut off), not what the flow checks.
      this.note(`could not widen the side bar: ${message(err)}`);
      if (this.pictureFile) console.log(`    warning: could not widen the side bar for ${path.basename(this.pictureFile)}: ${message(err)}`);
    }
  }

  // ---------------------------------------------------------------- Explorer

  /**
   * Opens a file by clicking through the Explorer (folders first), e.g. "C318/2026-11-18.md";
   * with `toSide`, from the file's context menu ("Open to the Side").
   * @param {string} rel
   * @param {{ toSide?: boolean }} [options]
   */
  async openFromExplorer(rel, options = {}) {
    this.note(`open ${rel} from the Explorer${options.toSide ? ', to the side' : ''}`);
    await this.showContainer('Explorer');
    const parts = rel.split('/');
    const explorer = this.page.locator('.part.sidebar .explorer-folders-view');
    for (let i = 0; i < parts.length; i++) {
      const name = /** @type {string} */ (parts[i]);
      const item = explorer.getByRole('treeitem', { name, exact: true });
      await waitFor(item, `"${name}" in the Explorer`);
      if (i < parts.length - 1) {
        if ((await item.first().getAttribute('aria-expanded')) !== 'true') await item.first().click();
        await until(
          `the folder "${name}" to expand in the Explorer`,
          () => item.first().getAttribute('aria-expanded'),
          (v) => v === 'true',
        );
      } else if (options.toSide) {
        await this.clickMenuItem(await this.contextMenu(item, 'Open to the Side'));
      } else {
        await item.first().click();
      }
    }
    await this.waitForActiveTab(/** @type {string} */ (parts[parts.length - 1]));
  }

  // ---------------------------------------------------------------- editor

  /**
   * Waits until the active editor tab is the file named `name`.
   * @param {string} name
   */
  async waitForActiveTab(name) {
    const tab = this.page.locator(`.part.editor .tabs-container .tab.active[data-resource-name="${name}"]`);
    await waitFor(tab, `an editor tab for ${name}`);
  }

  /** The active editor's visible lines, top to bottom, as plain text (wrapped lines stay split). */
  async editorLines() {
    const lines = this.page.locator('.part.editor .editor-group-container.active .editor-container .monaco-editor .view-lines');
    if ((await lines.count()) === 0) return [];
    return lines.first().evaluate((el) =>
      Array.from(el.querySelectorAll(':scope > .view-line'))
        .map((line) => ({ top: parseFloat(/** @type {HTMLElement} */ (line).style.top) || 0, text: (line.textContent || '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
  }

  /**
   * Waits until the editor shows `needle` (a string, found also across a soft-wrapped line,
   * or a RegExp tested on each line and on the whole text). Resolves with the lines seen.
   * @param {string | RegExp} needle
   * @param {string} [what]
   */
  async waitForEditorText(needle, what) {
    return until(
      what || `the editor to show ${needle instanceof RegExp ? needle : JSON.stringify(needle)}`,
      () => this.editorLines(),
      (lines) => editorShows(lines, needle),
    );
  }

  /**
   * Waits until the editor no longer shows `needle`.
   * @param {string | RegExp} needle
   * @param {string} [what]
   */
  async waitForEditorTextGone(needle, what) {
    return until(
      what || `the editor to stop showing ${needle}`,
      () => this.editorLines(),
      (lines) => !editorShows(lines, needle),
    );
  }

  /**
   * A code lens in the active editor, by its text.
   * @param {string | RegExp} text
   */
  lens(text) {
    return this.page.locator('.part.editor .editor-group-container.active .monaco-editor .codelens-decoration a', { hasText: text });
  }

  /** The editor's selection as the status bar says it, e.g. "Ln 20, Col 32 (28 selected)". */
  async selectionStatus() {
    const item = this.page.locator('.part.statusbar [id="status.editor.selection"]');
    if ((await item.count()) === 0) return '';
    return ((await item.first().textContent()) || '').trim();
  }

  /**
   * True while the active tab shows unsaved changes.
   * @returns {Promise<boolean>}
   */
  async activeTabDirty() {
    const tab = this.page.locator('.part.editor .tabs-container .tab.active');
    if ((await tab.count()) === 0) return false;
    return ((await tab.first().getAttribute('class')) || '').split(/\s+/).includes('dirty');
  }

  /**
   * Presses Escape as a person would after a snippet came in: until no suggestion list is open
   * and nothing is selected (closes a choice's list, leaves the snippet, drops the selection).
   */
  async escapeToPlainCursor() {
    const suggest = this.page.locator('.part.editor .monaco-editor .suggest-widget.visible');
    for (let i = 0; i < 5; i++) {
      const open = (await suggest.count()) > 0;
      const selected = /selected\)/.test(await this.selectionStatus());
      if (!open && !selected) return;
      const before = `${open}|${await this.selectionStatus()}`;
      await this.page.keyboard.press('Escape');
      await until(
        'Escape to take effect',
        async () => `${(await suggest.count()) > 0}|${await this.selectionStatus()}`,
        (now) => now !== before,
        { timeout: 2000 },
      ).catch(() => {});
    }
  }

  /** Saves the active editor with Ctrl+S and waits until its tab is no longer dirty. */
  async save() {
    this.note('Ctrl+S');
    await this.page.keyboard.press('Control+S');
    await until(
      'the editor tab to show it is saved (no unsaved-changes dot)',
      () => this.activeTabDirty(),
      (dirty) => !dirty,
    );
  }

  // ---------------------------------------------------------------- quick input, menus

  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Waits for the quick input (palette, quick pick or input box) to be open.
   * @param {string} what
   */
  async waitForQuickInput(what) {
    await waitFor(this.quickInput(), what);
  }

  /**
   * A row of the open quick pick, by text.
   * @param {string | RegExp} text
   */
  quickPickRow(text) {
    return this.quickInput().locator('.quick-input-list .monaco-list-row', { hasText: text });
  }

  /** The labels of the open quick pick's rows. */
  async quickPickLabels() {
    return this.quickInput()
      .locator('.quick-input-list .monaco-list-row')
      .evaluateAll((rows) => rows.map((r) => (r.textContent || '').trim()));
  }

  /**
   * Runs a command from the command palette (F1) by its title, as a person types it.
   * @param {string} title e.g. "Attune: Prepare for Session"
   */
  async runCommand(title) {
    this.note(`F1 ${title}`);
    // A key pressed while the workbench is still starting can go nowhere, and a palette can
    // close again when a page that is still drawing takes the focus: then open it again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.page.keyboard.press('F1');
        await waitFor(this.quickInput(), 'the command palette', { timeout: attempt < 3 ? 10_000 : WAIT_MS });
        await this.page.keyboard.type(title);
        // On a loaded machine the palette can show before its input takes keys, and the typing
        // is lost (seen once: the unfiltered list). Type the title again into the input itself.
        const input = this.quickInput().locator('input').first();
        if (!((await input.inputValue({ timeout: 5_000 }).catch(() => '')) || '').includes(title))
          await input.fill(`>${title}`, { timeout: attempt < 3 ? 5_000 : WAIT_MS });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
        this.note(`the palette closed before "${title}" was typed: again`);
        await this.page.keyboard.press('Escape');
      }
    }
    const row = this.quickPickRow(title);
    try {
      await waitFor(row, `"${title}" in the command palette`, { timeout: 15_000 });
    } catch (err) {
      const seen = await this.quickPickLabels().catch(() => []);
      throw new Error(`${message(err)}; the palette lists: ${JSON.stringify(seen.slice(0, 12))}`, { cause: err });
    }
    await row.first().click();
  }

  /**
   * Right-clicks `target` and waits for its context menu to offer `label`. Opening a menu
   * changes nothing, so when the target was being re-rendered under the click (the tree
   * refreshes after a save) and no menu came, it closes whatever opened and tries again.
   * @param {Locator} target
   * @param {string} label
   * @returns {Promise<Locator>} the menu item
   */
  async contextMenu(target, label) {
    const item = this.menuItem(label);
    for (let attempt = 1; ; attempt++) {
      this.note(`right-click for "${label}" (attempt ${attempt})`);
      await target.first().click({ button: 'right' });
      try {
        await waitFor(item, `"${label}" in the context menu`, { timeout: attempt < 3 ? 5000 : WAIT_MS });
        return item.first();
      } catch (err) {
        if (attempt >= 3) throw err;
        if (process.env.ATTUNE_BROWSER_DEBUG) console.log(`    no "${label}" after right-click ${attempt}: trying again`);
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Clicks an item of the open context menu and waits for the menu to close. VS Code's menu
   * items start listening for mouseup only 100 ms after they render (so the right-click's own
   * mouseup cannot pick an item); on a busy machine the timer runs late and Playwright's click
   * can land before it (seen here about one run in ten: the menu stays open with the item
   * highlighted and nothing runs). A menu still open means nothing ran, so the click is tried
   * again; a person clicking a moment later never notices.
   * @param {Locator} item from contextMenu()
   */
  async clickMenuItem(item) {
    const menu = this.page.locator('.context-view .monaco-menu');
    for (let attempt = 1; ; attempt++) {
      this.note(`click menu item (attempt ${attempt})`);
      await item.click();
      try {
        await waitFor(menu, 'the context menu to close after the click', { state: 'hidden', timeout: attempt < 3 ? 3000 : WAIT_MS });
        return;
      } catch (err) {
        if (attempt >= 3 || !(await item.isVisible())) throw err;
        if (process.env.ATTUNE_BROWSER_DEBUG) console.log(`    context menu still open after click ${attempt}: clicking again`);
      }
    }
  }

  /**
   * A context menu item, by its label.
   * @param {string} label
   */
  menuItem(label) {
    return this.page.locator('.context-view .monaco-menu .action-item a.action-menu-item', { has: this.page.locator('.action-label', { hasText: label }) });
  }

  /** Moves the mouse out of the way and waits for any hover or tooltip to go, for a clean screenshot. */
  async restMouse() {
    // An empty part of the title bar: nothing there shows a hover.
    await this.page.mouse.move(1100, 16);
    const t0 = Date.now();
    await waitFor(this.page.locator('.monaco-hover:visible, .workbench-hover-container:visible, .monaco-hover-content:visible'), 'hovers to close', {
      state: 'hidden',
      timeout: 10_000,
    }).catch(() => {});
    if (process.env.ATTUNE_BROWSER_DEBUG) console.log(`    restMouse: ${Date.now() - t0} ms`);
  }

  // ---------------------------------------------------------------- evidence

  /**
   * Saves a screenshot of the window (1280x800), or of all of it below the title bar.
   * @param {string} file absolute path
   * @param {{ belowTitleBar?: boolean }} [options]
   */
  async screenshot(file, options = {}) {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    /** @type {{ x: number, y: number, width: number, height: number } | undefined} */
    let clip;
    if (options.belowTitleBar) {
      // The title bar says "[Extension Development Host]": true here, noise in the README.
      const bar = await this.page.locator('.part.titlebar').boundingBox();
      const size = this.page.viewportSize();
      if (bar && size) clip = { x: 0, y: bar.y + bar.height, width: size.width, height: size.height - (bar.y + bar.height) };
    }
    await this.page.screenshot({ path: file, timeout: 15_000, ...(clip ? { clip } : {}) });
    return file;
  }

  /**
   * What helps to understand a failure: the extension host's logs (VS Code's remoteexthost.log
   * and Attune's own output channel) from the server's user data folder, the page console and
   * the server's output. Read before close(), which deletes them.
   * @returns {Promise<{ title: string, lines: string[] }[]>}
   */
  async diagnostics() {
    /** @type {{ title: string, lines: string[] }[]} */
    const sections = [];
    const logsDir = path.join(this.server.dataDirs.userData, 'logs');
    for (const file of listFiles(logsDir)) {
      const base = path.basename(file);
      if (!/exthost/i.test(file) || !/\.log$/.test(base) || /telemetry/i.test(base)) continue;
      const text = await fsp.readFile(file, 'utf8').catch(() => '');
      sections.push({ title: `extension host log ${path.relative(logsDir, file)}`, lines: text.split('\n').filter(Boolean) });
    }
    sections.push({ title: 'page console', lines: this.pageLog.slice() });
    sections.push({ title: 'server output', lines: this.server.output.slice() });
    return sections;
  }
}

/**
 * @param {string[]} lines
 * @param {string | RegExp} needle
 */
function editorShows(lines, needle) {
  // Soft-wrapped lines come split; newer VS Code indents their continuations (wrappingIndent).
  const unwrapped = lines.map((l, i) => (i === 0 ? l : l.replace(/^ +/, ''))).join('');
  if (needle instanceof RegExp)
    return lines.some((l) => needle.test(l)) || needle.test(lines.join('\n')) || needle.test(lines.join('')) || needle.test(unwrapped);
  return lines.join('\n').includes(needle) || lines.join('').includes(needle) || unwrapped.includes(needle);
}

/**
 * All files under a folder (none when it does not exist).
 * @param {string} dir
 * @returns {string[]}
 */
function listFiles(dir) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} d */
  const walk = (d) => {
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

module.exports = { Session, until, waitFor, today, notedOf, REPO_ROOT, WAIT_MS, WALKTHROUGH_TAB };
