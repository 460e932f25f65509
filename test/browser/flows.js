#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Browser tests: Attune's main flows, driven through the real VS Code UI in headless Chromium
 * (issue 5). Each flow gets its own VS Code server (fresh user data), its own browser profile
 * and its own fresh copy of test/fixtures/demo (flow 5: an empty folder), and ends with a
 * screenshot and assertions on what is on screen (and, where the flow saves, on disk).
 *
 *   node test/browser/flows.js [--only 1,3] [--no-build] [--screenshots <dir>]
 *
 *   --only         run only these flows (numbers)
 *   --no-build     skip `node esbuild.js` (when the caller just built dist/)
 *   --screenshots  write the end-of-flow screenshots of flows 1-4 to <dir> under their README
 *                  names (screenshot-1-insert.png ...); see ./screenshots.js
 *
 * Prints one line per flow, "✔ name (ms)", "✘ name: reason" or "- name: skipped (why)",
 * then a last line "N passed, N failed" (", N skipped" when any were). Exit code 1 on any
 * failure. A failed flow leaves a screenshot of the moment and the logs (extension host,
 * Attune's output channel, page console, server) in test/.artifacts/browser/, and prints
 * their tails. End-of-flow screenshots of a normal run land in test/.artifacts/browser/ too.
 *
 * Environment: ATTUNE_BROWSER_WAIT_MS (one wait, default 45000), ATTUNE_BROWSER_FLOW_MS
 * (one flow, default 180000).
 */

const fs = require('node:fs');
const fsp = require('node:fs/promises');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureHost } = require('../host/install');
const { Session, until, waitFor, today, notedOf, REPO_ROOT, WAIT_MS } = require('./ui');
const { FIRST_RUN_FLOWS } = require('./firstRun');

const ARTIFACTS = path.join(REPO_ROOT, 'test', '.artifacts', 'browser');
const FLOW_MS = Number(process.env.ATTUNE_BROWSER_FLOW_MS) || 180_000;

/** The demo note the flows write in, its client and its date (the day its ruptures were noted). */
const EF_NOTE = 'C318/2026-11-18.md';
const EF_CLIENT = 'C318';
const EF_DATE = '2026-11-18';
/** The note of the cue-hint flow, and its text: the planted phrase is on line 8. */
const CUE_NOTE = 'GH/2026-11-21.md';
const CUE_TEXT =
  "---\nclient: G.H.\n---\n# Session 2026-11-21\n\n## Check-in\n\nShe said 'not exactly' and went quiet.\n\n## Next time\n\nAsk about the week.\n";
/** The title typed for the new rupture. */
const TITLE = 'Reassured her before she had finished';
/** Unrepaired ruptures in test/fixtures/demo (C104 planned, C215 attempted and open). */
const DEMO_UNREPAIRED = 3;

/** @param {string} s */
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * @param {boolean} ok
 * @param {string} what
 */
function check(ok, what) {
  if (!ok) throw new Error(what);
}

/**
 * The shared first half of flows 1 and 2: with the note open, click the "Insert rupture
 * reflection" lens, check the template came with its title placeholder selected, type the
 * title, save with Ctrl+S, and check the file on disk.
 * @param {Session} s
 * @param {string} rel the open note
 * @param {string} title
 */
async function insertWithLens(s, rel, title) {
  const lens = s.lens('Insert rupture reflection');
  await waitFor(lens, 'the "Insert rupture reflection" code lens over the note\'s first heading');
  s.note('click the "Insert rupture reflection" lens');
  await lens.first().click();
  const lines = await s.waitForEditorText(/^## .+ #rupture\/open$/, 'the rupture reflection template (a "## … #rupture/open" heading) in the editor');
  await s.waitForEditorText('**What happened (just the facts):**', "the template's first bullet in the editor");

  // The cursor is in the template's first field: the title placeholder is selected. The status
  // bar says "(N selected)" with N its length, and the selection ends where the title ends.
  const heading = /** @type {string} */ (lines.find((l) => /^## .+ #rupture\/open$/.test(l)));
  const placeholder = heading.slice('## '.length, -' #rupture/open'.length);
  await until(
    `the title placeholder "${placeholder}" to be selected (status bar "Col ${4 + placeholder.length} (${placeholder.length} selected)")`,
    () => s.selectionStatus(),
    (v) => v.includes(`Col ${4 + placeholder.length} (${placeholder.length} selected)`),
  );

  s.note(`type the title "${title}"`);
  await s.page.keyboard.type(title);
  await s.waitForEditorText(`## ${title} #rupture/open`, 'the typed title in the heading, in place of the placeholder');
  await s.save();
  await s.waitForFile(rel, `"## ${title} #rupture/open"`, (t) => new RegExp(`^## ${escapeRe(title)} #rupture/open$`, 'm').test(t));
}

/**
 * Opens a file with Quick Open (Ctrl+P), which leaves the side bar as it is.
 * @param {Session} s
 * @param {string} rel
 */
async function quickOpen(s, rel) {
  const name = path.posix.basename(rel);
  await s.page.keyboard.press('Control+P');
  await s.waitForQuickInput('Quick Open (Ctrl+P)');
  await s.page.keyboard.type(name);
  const row = s.quickPickRow(name).filter({ hasText: path.posix.dirname(rel) });
  await waitFor(row, `${rel} in Quick Open`);
  await row.first().click();
  await s.waitForActiveTab(name);
}

/** How the tree's rows name a status to screen readers (STATUS_LABELS in src/core/notes/status.ts). */
const SPOKEN_STATUS = { open: 'open', planned: 'repair planned', attempted: 'repair attempted' };

/**
 * Waits until the Attune tree lists `title` under the group `client`, its row saying `status`
 * (the row shows the title only; the status is its icon and is in its accessible name).
 * @param {Session} s
 * @param {string} client
 * @param {string} title
 * @param {keyof typeof SPOKEN_STATUS} status
 * @param {string} [noted] when it was noted, as its accessible name says it ("noted 6 Nov")
 */
async function waitForTreeEntry(s, client, title, status, noted = '') {
  return until(
    `the Attune tree to list "${title}" under "${client}" as ${status}${noted && `, ${noted}`}`,
    () => s.treeRows(),
    (rows) => {
      const g = rows.findIndex((r) => r.level === 1 && r.label === client);
      if (g < 0) return false;
      const end = rows.findIndex((r, i) => i > g && r.level === 1);
      return rows
        .slice(g + 1, end < 0 ? rows.length : end)
        .some((r) => r.label === title && r.ariaLabel.startsWith(`${title}, ${SPOKEN_STATUS[status]},${noted && ` ${noted},`}`));
    },
  );
}

/**
 * The tooltip a row shows when pointed at (moving away first, so a fresh hover opens).
 * @param {Session} s
 * @param {import('playwright-core').Locator} row
 */
async function tooltipOf(s, row) {
  const hover = s.page.locator('.workbench-hover-container:visible, .monaco-hover:visible');
  return until(
    'a tooltip over the row',
    async () => {
      await s.restMouse();
      await row.first().hover();
      await hover.first().waitFor({ state: 'visible', timeout: 5000 });
      // A hover that closes between these two steps is pointed at again, not waited on.
      return (await hover.first().textContent({ timeout: 5000 })) || '';
    },
    (t) => t.trim().length > 0,
  );
}

/**
 * The clients' codes and rupture titles of the demo, as the tree shows them at the start.
 * @param {Session} s
 */
async function waitForDemoTree(s) {
  return until(
    `the Attune tree to list the demo's ${DEMO_UNREPAIRED} unrepaired ruptures (C104 and C215)`,
    () => s.treeRows(),
    (rows) => ['C104', 'C215'].every((c) => rows.some((r) => r.level === 1 && r.label === c)) && rows.filter((r) => r.level === 2).length >= DEMO_UNREPAIRED,
  );
}

/**
 * A rupture as flow 1 leaves it on disk: the heading and a few filled-in bullets.
 * Flow 3 starts from it, so that it does not depend on flow 1 having run.
 */
const SEEDED_RUPTURE = `
## ${TITLE} #rupture/open

- **What happened (just the facts):** she was describing her sister's call and I said it would surely work out before she had finished.
- **Markers:** withdrawal (moving away)
- **Cues I noticed:** a polite nod, then short answers for the rest of the session.
- **Opening line:** I've been thinking about our last session, and I'd like to hear how something I said sat with you.
`;

/** @returns {string | null} why the Prepare for Session flow cannot run yet, or null when it can */
function preparePending() {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  /** @type {Record<string, string>} */
  let nls = {};
  try {
    nls = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.nls.json'), 'utf8'));
  } catch {
    // no strings file: titles are literal
  }
  /** @type {{ command: string, title: string }[]} */
  const commands = manifest.contributes?.commands ?? [];
  const resolve = (/** @type {string} */ t) => t.replace(/^%(.+)%$/, (_, key) => nls[key] ?? t);
  const found = commands.some((c) => /^prepare for session/i.test(resolve(c.title)));
  return found ? null : 'pending: package.json contributes no "Prepare for Session…" command yet (issue 4)';
}

/**
 * @typedef {object} Flow
 * @property {number} id
 * @property {string} name
 * @property {'demo' | 'empty'} workspace
 * @property {(folder: string) => void | Promise<void>} [prepare]
 * @property {string} [screenshot]  file name under media/ for the README (flows 1-4)
 * @property {() => string | null} [pending]  a reason to skip, when the feature is not there yet
 * @property {boolean} [asUser]  in VS Code as `npm start` runs it (Attune installed, no test driver)
 * @property {boolean} [traceConnects]  (with asUser) the server runs under strace; see Session.open
 * @property {() => Promise<void>} [standalone]  runs instead of `run`, without a session of its own
 * @property {(s: Session) => Promise<void>} run
 */

/** @type {Flow[]} */
const FLOWS = [
  {
    id: 1,
    name: 'insert a rupture reflection from the code lens, type a title, save',
    workspace: 'demo',
    screenshot: 'screenshot-1-insert.png',
    async run(s) {
      await s.openFromExplorer(EF_NOTE);
      await insertWithLens(s, EF_NOTE, TITLE);
      // On screen after saving: the new heading, and its status lens with the next steps.
      await waitFor(s.lens(`Rupture: open · ${notedOf(EF_DATE)}`), `the lens "Rupture: open · ${notedOf(EF_DATE)}" over the new heading`);
      await waitFor(s.lens('Plan repair'), 'the "Plan repair" lens over the new heading');
      await s.waitForEditorText(`## ${TITLE} #rupture/open`);
      check(!(await s.activeTabDirty()), 'the note is still marked unsaved');
    },
  },
  {
    id: 2,
    name: 'the new rupture appears in the Attune view under its client, with no badge or count',
    workspace: 'demo',
    screenshot: 'screenshot-2-tree.png',
    async run(s) {
      await s.showContainer('Attune');
      await s.widenSidebar(480);
      const rows = await waitForDemoTree(s);
      const before = rows.filter((r) => r.level === 2).length;
      check(before === DEMO_UNREPAIRED, `the tree lists ${before} ruptures, the demo has ${DEMO_UNREPAIRED} unrepaired ruptures`);
      check((await s.badge('Attune')) === null, 'a badge on the Attune icon, which is off by default');
      check(!rows.some((r) => r.label === EF_CLIENT), `${EF_CLIENT} is listed before any rupture was added: ${JSON.stringify(rows)}`);

      // Open C318's note without leaving the Attune view, and add a rupture as in flow 1.
      await quickOpen(s, EF_NOTE);
      await insertWithLens(s, EF_NOTE, TITLE);

      await waitForTreeEntry(s, EF_CLIENT, TITLE, 'open', notedOf(EF_DATE));
      // The tree redraws as a whole after a change: read it once it lists every rupture again.
      const after = await until(
        `the tree to list ${before + 1} ruptures`,
        () => s.treeRows(),
        (rows) => rows.filter((r) => r.level === 2).length === before + 1,
      );
      check(!after.find((r) => r.level === 1 && r.label === EF_CLIENT)?.description, `the ${EF_CLIENT} group shows a count: ${JSON.stringify(after)}`);
      check((await s.badge('Attune')) === null, 'a badge on the Attune icon, which is off by default');
    },
  },
  {
    id: 3,
    name: 'plan the repair from the tree (inline action), then mark it repaired (context menu)',
    workspace: 'demo',
    screenshot: 'screenshot-3-repair.png',
    prepare: (folder) => fs.appendFileSync(path.join(folder, ...EF_NOTE.split('/')), SEEDED_RUPTURE),
    async run(s) {
      await s.showContainer('Attune');
      await s.widenSidebar(480);
      await waitForTreeEntry(s, EF_CLIENT, TITLE, 'open', notedOf(EF_DATE));
      const row = s.treeRow(TITLE);

      check((await tooltipOf(s, row)).includes('open · C318'), 'the row\'s tooltip does not say "open" before the repair is planned');
      // Plan Repair: the inline action shown when hovering the row.
      await row.first().hover();
      const plan = row.first().locator('.actions .action-label[aria-label="Plan Repair"]');
      await waitFor(plan, 'the inline "Plan Repair" action on the hovered row');
      s.note('click the inline "Plan Repair"');
      await plan.click();
      await s.waitForActiveTab(path.posix.basename(EF_NOTE));
      await s.waitForEditorText(`## ${TITLE} #rupture/planned`, 'the heading retagged #rupture/planned in the editor');
      await s.waitForEditorText(`### Repair plan, ${today()}`, 'the repair plan template under the rupture');
      await waitForTreeEntry(s, EF_CLIENT, TITLE, 'planned', notedOf(EF_DATE));
      // The plan came in as plain markdown, on disk with the tag in one byte-exact change;
      // Escape and a save (which has nothing to write) are what a person may still do.
      await s.escapeToPlainCursor();
      await s.save();
      await s.waitForFile(
        EF_NOTE,
        `"## ${TITLE} #rupture/planned" and the repair plan`,
        (t) => new RegExp(`^## ${escapeRe(TITLE)} #rupture/planned$`, 'm').test(t) && t.includes(`### Repair plan, ${today()}`),
      );
      await waitForTreeEntry(s, EF_CLIENT, TITLE, 'planned', notedOf(EF_DATE));
      // After the inline action the tooltip says the new status, not the old one.
      await until(
        'the row\'s tooltip to say "repair planned"',
        () => tooltipOf(s, row),
        (t) => t.includes('repair planned · C318'),
      );
      // The README shows this moment: the plan in the note, the rupture "planned" in the view.
      await s.picture();

      // Mark Repaired: from the row's context menu.
      await s.showContainer('Attune');
      await s.clickMenuItem(await s.contextMenu(row, 'Mark Repaired'));
      // "Press Escape to cancel", says the box: Esc changes nothing.
      await s.waitForQuickInput('the optional question "What told you it feels mended?"');
      s.note('Esc: cancel');
      await s.page.keyboard.press('Escape');
      await waitFor(s.quickInput(), 'the question to close', { state: 'hidden' });
      check(/#rupture\/planned$/m.test(fs.readFileSync(s.file(EF_NOTE), 'utf8')) && (await row.count()) === 1, 'Esc on Mark Repaired changed the rupture');
      // The question is optional: Enter on an empty line skips it, and only the tag changes.
      await s.clickMenuItem(await s.contextMenu(row, 'Mark Repaired'));
      await s.waitForQuickInput('the optional question "What told you it feels mended?"');
      s.note('Enter on an empty line: skip the optional question');
      await s.page.keyboard.press('Enter');

      await waitFor(row, `"${TITLE}" to leave the tree`, { state: 'hidden' });
      const rows = await s.treeRows();
      check(!rows.some((r) => r.label === EF_CLIENT), `${EF_CLIENT} is still listed with nothing unrepaired: ${JSON.stringify(rows)}`);
      await s.waitForFile(EF_NOTE, `the heading ending in #rupture/repaired`, (t) => new RegExp(`^## ${escapeRe(TITLE)} #rupture/repaired$`, 'm').test(t));
      await s.waitForEditorText(`## ${TITLE} #rupture/repaired`, 'the heading retagged #rupture/repaired in the editor');
      await waitFor(s.lens(`Rupture: repaired · ${notedOf(EF_DATE)}`), `the lens "Rupture: repaired · ${notedOf(EF_DATE)}"`);
      check(!(await s.activeTabDirty()), 'the note is left unsaved after Mark Repaired');
      // Back to the note (clicking its tab), as one would to read on: the tree loses its focus outline.
      await s.page.locator('.part.editor .tabs-container .tab.active').click();
    },
  },
  {
    id: 4,
    name: 'prepare for a session from the command palette: checklist with the rupture, link and opening line',
    workspace: 'demo',
    screenshot: 'screenshot-4-prepare.png',
    pending: preparePending,
    async run(s) {
      await s.runCommand('Attune: Prepare for Session');
      const client = s.quickPickRow(/^C104/);
      await waitFor(client, 'client "C104" in the quick pick of clients');
      await client.first().click();
      const name = `${today()}.md`;
      await s.waitForActiveTab(name);
      await until(
        `the breadcrumbs to show the note in C104/`,
        () => s.page.locator('.part.editor .editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item').allTextContents(),
        (items) => items.length >= 2 && items[0]?.trim() === 'C104' && (items[1] || '').includes(name),
      );
      await s.waitForEditorText(/^## Before the session\s*$/, 'the "## Before the session" heading');
      // The rupture's item: a task with its title linked (by reference) to its heading in the older note,
      // its status and age (a long line: VS Code may wrap it, so it is matched across the wrap).
      const age = notedOf('2026-11-06');
      await s.waitForEditorText(
        new RegExp(`- \\[ \\] [^\\[]*\\[A suggestion that landed badly\\]\\[revisit 1\\][^\\[]*planned[^\\[]*${age}`),
        `the task item "- [ ] … [A suggestion that landed badly][revisit 1] … planned … ${age}" (its destination at the end of the section)`,
      );
      await s.waitForEditorText(/>\s*"?I've been thinking about the film I mentioned last time/, 'the planned opening line, quoted ("> …") beneath the item');
      // And the clinician's own checks below it.
      await s.waitForEditorText(/^- \[ \] .*feedback/i, 'the checklist item about asking for feedback');
    },
  },
  {
    id: 5,
    name: 'an empty workspace shows the welcome view; its button inserts a reflection for a new client',
    workspace: 'empty',
    async run(s) {
      await s.showContainer('Attune');
      const welcome = s.page.locator('.part.sidebar .welcome-view-content');
      await waitFor(welcome.filter({ hasText: 'Nothing is waiting for repair' }), 'the welcome view ("Nothing is waiting for repair")');
      const button = welcome.locator('.monaco-button', { hasText: 'Insert Rupture Reflection' });
      await waitFor(button, 'the "Insert Rupture Reflection" button in the welcome view');
      await button.first().click();

      const newClient = s.quickPickRow('New client');
      await waitFor(newClient, '"New client…" in the quick pick of clients');
      await newClient.first().click();
      // The quick pick gives way to an input box for the code.
      await waitFor(newClient, 'the client quick pick to close', { state: 'hidden' });
      const input = s.quickInput().locator('.quick-input-box input');
      await until(
        'the input box for the client code to have the focus',
        () => input.first().evaluate((el) => el === document.activeElement),
        (v) => v === true,
      );
      await s.page.keyboard.type('Z.Y.');
      await s.page.keyboard.press('Enter');

      await s.waitForActiveTab(`${today()}.md`);
      await s.waitForEditorText(/^## .+ #rupture\/open$/, 'the reflection template ("## … #rupture/open") in the new note');
      await s.waitForEditorText('**What happened (just the facts):**', "the template's first bullet");
      // A new note is written to disk when it is saved, not before; then the list shows it.
      check(!fs.existsSync(s.file(`Z.Y./${today()}.md`)), 'the new note was written before it was saved');
      await s.escapeToPlainCursor();
      await s.save();
      await s.waitForFile(`Z.Y./${today()}.md`, 'the saved note with its reflection', (t) => /#rupture\/open$/m.test(t));
      await waitFor(welcome, 'the welcome view to give way to the tree', { state: 'hidden' });
      await until(
        'the Attune tree to list client "Z.Y."',
        () => s.treeRows(),
        (rows) => rows.some((r) => r.level === 1 && r.label === 'Z.Y.'),
      );
    },
  },
  {
    id: 6,
    name: 'the privacy curtain: the status-bar eye hides client codes and titles, and they stay hidden after a window reload',
    workspace: 'demo',
    async run(s) {
      await s.showContainer('Attune');
      await waitForDemoTree(s);
      const eye = s.page.locator('.part.statusbar [aria-label^="Attune: hide client codes"]');
      await waitFor(eye, 'the eye in the status bar');
      s.note('click the eye in the status bar');
      await eye.first().click();
      /** @param {{ label: string, level: number }[]} rows */
      const curtained = (rows) =>
        rows.length > 0 &&
        rows.filter((r) => r.level === 1).every((r) => /^Client \d+$/.test(r.label)) &&
        rows.filter((r) => r.level === 2).every((r) => r.label === 'a rupture');
      await until('the tree to show "Client 1" and "a rupture" only', () => s.treeRows(), curtained);
      const hiddenEye = s.page.locator('.part.statusbar [aria-label^="Attune: client codes and titles are hidden"]');
      await waitFor(hiddenEye, 'the status bar to say details are hidden');
      // Web VS Code writes extension state to IndexedDB a moment after it changes, and cannot
      // wait for that write when the page goes away: the flow waits for it to be there.
      await until(
        "the hidden state written to the browser's database",
        () => s.storedState(),
        (v) => v.some((t) => /"attune\.privacyCurtain":true/.test(t)),
      );

      s.note('reload the window');
      await s.page.reload({ waitUntil: 'domcontentloaded' });
      await waitFor(s.page.locator('.monaco-workbench .part.activitybar'), 'the VS Code workbench after the reload', { timeout: 60000 });
      await waitFor(s.activityTab('Attune'), 'the "Attune" item after the reload', { timeout: 60000 });
      await waitFor(hiddenEye, 'details still hidden after the reload', { timeout: 60000 });
      // The reload restores the side bar as it was; a click on the tab while it restores could
      // close it again, so the view is opened by its command.
      if (!(await s.attuneTree().isVisible())) await s.runCommand('View: Show Attune');
      await until('the tree, after the reload, to show "Client 1" and "a rupture" only', () => s.treeRows(), curtained);
      const rows = await s.treeRows();
      check(!rows.some((r) => /C104|C215/.test(`${r.label} ${r.description}`)), `a client code shows behind the curtain: ${JSON.stringify(rows)}`);

      s.note('click the eye again');
      await hiddenEye.first().click();
      await waitForDemoTree(s);
    },
  },
  {
    id: 7,
    name: 'a cue hint: a dotted underline under "not exactly", its hover, "Not this time", still hidden after reloading the window',
    workspace: 'demo',
    prepare(folder) {
      fs.mkdirSync(path.join(folder, 'GH'), { recursive: true });
      fs.writeFileSync(path.join(folder, CUE_NOTE), CUE_TEXT);
    },
    async run(s) {
      const hints = s.page.locator('.part.editor .editor-group-container.active .monaco-editor .squiggly-hint');
      const count = () => hints.count();
      await s.openFromExplorer(CUE_NOTE);
      await s.waitForEditorText('went quiet');
      await until('two faint cue hints on the planted line', count, (n) => n === 2);
      check((await s.page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count()) === 0, 'a cue shows as a problem');
      // The visible mark: a dotted underline (in the theme's muted code-lens colour) under the
      // words of each hint, drawn by the editor as an overlay under the text.
      const underlines = () =>
        s.page
          .locator('.part.editor .editor-group-container.active .monaco-editor .view-overlays')
          .first()
          .evaluate(
            (el) =>
              [...el.querySelectorAll('.cdr')].filter((d) => getComputedStyle(d).borderBottomStyle === 'dotted' && d.getBoundingClientRect().width > 0).length,
          );
      await until('a dotted underline under each of the two hints', underlines, (n) => n === 2);
      // Seen on a light and a dark theme alike, and still quiet: the underline's colour against
      // the editor's background reaches the 3:1 that non-text marks need (WCAG 1.4.11), and
      // stays below the contrast of the text itself.
      const contrasts = () =>
        s.page
          .locator('.part.editor .editor-group-container.active .monaco-editor')
          .first()
          .evaluate((editor) => {
            /** @param {string} css */
            const luminance = (css) => {
              const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
                const c = Number(v) / 255;
                return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            /** @param {string} a @param {string} b */
            const ratio = (a, b) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
            const mark = [...editor.querySelectorAll('.view-overlays .cdr')].find((d) => getComputedStyle(d).borderBottomStyle === 'dotted');
            const background = getComputedStyle(editor.querySelector('.monaco-editor-background') ?? editor).backgroundColor;
            const text = getComputedStyle(editor.querySelector('.view-line span span') ?? editor).color;
            return mark
              ? { mark: ratio(getComputedStyle(mark).borderBottomColor, background), text: ratio(text, background), dark: editor.classList.contains('vs-dark') }
              : undefined;
          });
      /** @param {string} theme */
      const seenAndQuiet = async (theme) => {
        const c = await until(`the underline drawn on ${theme}`, contrasts, (v) => v !== undefined);
        check(c !== undefined && c.mark >= 3, `the underline is hard to see on ${theme} (contrast ${c?.mark.toFixed(2)}:1)`);
        check(c !== undefined && c.mark < c.text, `the underline is louder than the text on ${theme}`);
        s.note(`${theme}: underline ${c?.mark.toFixed(2)}:1, text ${c?.text.toFixed(2)}:1 against the background`);
        return c;
      };
      const first = await seenAndQuiet('the first theme');

      // Hover: put the cursor on "not exactly" (line 8, column 12) and show the hover.
      s.note('go to line 8, column 12');
      await s.page.keyboard.press('Control+G');
      await s.waitForQuickInput('the "go to line" box');
      await s.page.keyboard.type('8:12');
      await s.page.keyboard.press('Enter');
      await until(
        'the cursor at Ln 8, Col 12',
        () => s.page.locator('.statusbar-item[id="status.editor.selection"]').first().textContent(),
        (t) => /Ln 8, Col 12/.test(t ?? ''),
      );
      await s.page.keyboard.press('Control+K');
      await s.page.keyboard.press('Control+I');
      const hover = s.page.locator('.monaco-hover').filter({ hasText: 'not a rupture by itself' });
      await waitFor(hover, 'the hover saying a short answer or a silence is not a rupture by itself');
      check(/withdrawal/.test((await hover.first().textContent()) ?? ''), 'the hover names the kind of cue');
      await s.picture();
      await s.page.keyboard.press('Escape');

      // Quick Fix: "Not this time". Now and then the newest VS Code shows no menu at all for
      // Ctrl+. (seen in CI and here, one run in three or four, with the lightbulb on the line);
      // a person presses it again, and so does the flow, twice at most.
      const widget = s.page.locator('.monaco-workbench').getByText('Not this time', { exact: true });
      for (let attempt = 1; ; attempt++) {
        s.note('Ctrl+. for the quick fixes');
        await s.page.keyboard.press('Control+.');
        try {
          await waitFor(widget, '"Not this time" among the quick fixes', { timeout: attempt < 3 ? 10_000 : WAIT_MS });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
          s.note('no quick fixes on screen: Escape, then Ctrl+. again');
          await s.page.keyboard.press('Escape');
        }
      }
      for (const title of ['Reflect on this as a rupture', 'Turn off cue hints']) {
        await waitFor(s.page.locator('.monaco-workbench').getByText(title, { exact: true }), `"${title}" among the quick fixes`);
      }
      // The list has the focus, on its first fix: the second one is a key press away.
      await s.page.keyboard.press('ArrowDown');
      await s.page.keyboard.press('Enter');
      await until('one hint left on the line', count, (n) => n === 1);

      // Reload the whole window: a new extension host reads the hidden hint from storage.
      // VS Code writes extension storage to the browser's database a moment later, not at
      // once; a reload in between loses it (seen here), so the flow waits for it to be there.
      await until(
        "the hidden hint written to the browser's database",
        () => s.storedState(),
        (v) => v.some((t) => /"attune\.cues\.notThisTime":\["/.test(t)),
      );
      s.note('reload the window');
      await s.page.reload({ waitUntil: 'domcontentloaded' });
      await waitFor(s.page.locator('.monaco-workbench .part.activitybar'), 'the VS Code workbench after the reload', { timeout: 90_000 });
      await s.waitForActiveTab(path.basename(CUE_NOTE)).catch(() => s.openFromExplorer(CUE_NOTE));
      await s.waitForEditorText('went quiet');
      // Attune reads what was hidden before it publishes a note's hints, and publishes them all
      // at once (one diagnostics set): the first hints drawn are all there will be.
      await until('the hints back after the reload', count, (n) => n >= 1);
      check((await count()) === 1, `"Not this time" was forgotten by the reload (${await count()} hints)`);

      // The other of a light and a dark theme (last, so the theme picker cannot get in the way).
      const other = first?.dark ? 'Light Modern' : 'Dark Modern';
      await s.runCommand('Preferences: Color Theme');
      await s.waitForQuickInput('the theme picker');
      await s.page.keyboard.type(other);
      await waitFor(s.quickPickRow(other), 'the theme in the picker');
      await s.page.keyboard.press('Enter');
      await until(`the editor in ${other}`, contrasts, (v) => v !== undefined && v.dark !== first?.dark);
      await seenAndQuiet(other);
    },
  },
  {
    id: 8,
    name: "the README's keys fill every field of a reflection in order: Tab, arrows then Tab or Enter on choices",
    workspace: 'demo',
    async run(s) {
      await s.openFromExplorer(EF_NOTE);
      const lens = s.lens('Insert rupture reflection');
      await waitFor(lens, 'the "Insert rupture reflection" code lens');
      await lens.first().click();
      await s.waitForEditorText('**What happened (just the facts):**', 'the reflection template in the editor');
      const suggest = s.page.locator('.part.editor .monaco-editor .suggest-widget.visible');
      /**
       * Waits for the list of choices holding `option` (each field's list is told apart by its
       * options), newly opened: its first choice in focus. The two marker fields offer the same
       * choices, and the first one's list, its third choice in focus, could still be on screen
       * when the second field's list was awaited (seen once under load: the arrows went to it).
       */
      const choices = (/** @type {string} */ option) =>
        waitFor(
          suggest.filter({ hasText: option }).filter({ has: s.page.locator('.monaco-list-row.focused[aria-posinset="1"]') }),
          `the choices holding "${option}", the first in focus`,
        );
      const noChoices = () => waitFor(suggest, 'no list of choices open', { state: 'hidden' });
      const press = async (/** @type {string} */ key, times = 1) => {
        for (let i = 0; i < times; i++) {
          s.note(key);
          await s.page.keyboard.press(key);
        }
      };
      /** Where the focus is in the open list, and where `option` is (1 for the first choice; 0 when not shown). */
      const where = (/** @type {string} */ option) =>
        suggest.first().evaluate((widget, wanted) => {
          const rows = [...widget.querySelectorAll('.monaco-list-row')];
          const at = (/** @type {Element | undefined} */ row) => Number(row?.getAttribute('aria-posinset') ?? 0);
          const text = (/** @type {Element} */ row) => (row.textContent ?? '').trim();
          return {
            focus: at(rows.find((r) => r.classList.contains('focused'))),
            option: at(rows.find((r) => text(r) === wanted) ?? rows.find((r) => text(r).startsWith(wanted))),
          };
        }, option);
      /**
       * Arrows to `option` as a person does, watching the highlight, then accepts it with `key`
       * and waits for the field to show it. Under load the newest VS Code now and then drew the
       * list again with the first choice in focus after some arrows (seen here twice); a person
       * then arrows on from where the highlight is, and so does the flow. An arrow pressed as
       * the list opened was now and then lost, the highlight left where it was (seen once in CI,
       * with "An unknown error occurred" in the page): a person presses it again, and so does
       * the flow, twice at most.
       * @param {string} field @param {string} option @param {'Tab' | 'Enter'} key
       */
      const pick = async (field, option, key) => {
        for (let moves = 0, lost = 0; ; moves++) {
          const at = await until(
            `"${option}" among the choices`,
            () => where(option),
            (v) => v.focus > 0 && v.option > 0,
          );
          if (at.focus === at.option) break;
          check(moves < 30, `the focus never reached "${option}"`);
          await press(at.focus < at.option ? 'ArrowDown' : 'ArrowUp');
          try {
            await until(
              `the focus to move from choice ${at.focus}`,
              () => where(option),
              (v) => v.focus !== at.focus,
              { timeout: lost < 2 ? 10_000 : WAIT_MS },
            );
          } catch (e) {
            if (++lost > 2) throw e;
            s.note('the highlight did not move: the arrow again');
          }
        }
        await press(key);
        await s.waitForEditorText(`**${field}** ${option}`);
      };
      const type = async (/** @type {string} */ text) => {
        await noChoices();
        s.note(`type ${text}`);
        await s.page.keyboard.type(text);
      };
      await s.page.keyboard.type('KeysTitle');
      await press('Tab');
      await type('Facts2');
      await press('Tab');
      await type('With3');
      await press('Tab');
      await choices('cultural or generational context missed'); // Kind of miss: down to the choice, Tab
      await pick('Kind of miss:', 'cultural or generational context missed', 'Tab');
      await choices('withdrawal: short answers'); // Markers: down to the choice, Enter
      await pick('Markers:', 'withdrawal: going quiet', 'Enter');
      // Another marker (the same choices): down to the choice, Tab.
      await choices('confrontation: a complaint about me');
      await pick('Another marker, if there was one:', 'confrontation: a complaint about me', 'Tab');
      await choices('pride or excitement'); // My own reaction: Tab alone leaves it unanswered
      await press('Tab');
      await type('Cues6');
      await press('Tab');
      await choices('helper');
      await pick('The part of me that led:', 'helper', 'Tab');
      await choices('to impress');
      await pick('What that part wanted:', 'to connect', 'Tab');
      await type('Meant9');
      await press('Tab');
      await type('Them10');
      await press('Tab');
      await type('Regret11');
      await press('Tab');
      await choices('clarify a misunderstanding'); // Repair plan: Tab alone
      await press('Tab');
      // A first typed quote gives one pair, not a pair around the placeholder and another.
      await type('"Opening13"');
      await press('Tab');
      await choices('not yet');
      await pick('Take it to supervision?', 'yes', 'Tab');
      await s.escapeToPlainCursor();
      await s.save();
      const want = [
        '## KeysTitle #rupture/open',
        '',
        '- **What happened (just the facts):** Facts2',
        '- **With:** With3',
        "  _In couple, family or group work: the whole family, or one member's code or role (the case keeps one code)._",
        '- **Kind of miss:** cultural or generational context missed',
        '- **Markers:** withdrawal: going quiet',
        '- **Another marker, if there was one:** confrontation: a complaint about me',
        '  _A marker names a moment between us (pushing back is a moment), never who they are._',
        '- **My own reaction:** (not filled in)',
        '- **Cues I noticed:** Cues6',
        '- **The part of me that led:** helper',
        '- **What that part wanted:** to connect',
        '- **What I meant, and how it may have landed:** Meant9',
        '- **What may have been happening for them:** Them10',
        '- **If regret is here, what might it say about how much I care?** Regret11',
        '- **Repair plan:** (not filled in)',
        '- **Opening line:** "Opening13"',
        `  _Perhaps something like: "I've been thinking about our last session, and I'd like to hear how something I said sat with you."_`,
        '- **Take it to supervision?** yes',
      ].join('\n');
      await s.waitForFile(EF_NOTE, 'every field filled in order', (t) => t.replace(/\r\n/g, '\n').includes(want));
    },
  },
  // Issue 17: the first run, in VS Code as `npm start` gives it to a person.
  ...FIRST_RUN_FLOWS,
  {
    id: 16,
    name: "show patterns from the palette: counts, charts, a bar's ruptures listed, one opened at its heading",
    workspace: 'demo',
    screenshot: 'screenshot-5-patterns.png',
    async run(s) {
      // The panel gets the whole window, as a clinician reading it would give it.
      await s.runCommand('View: Close Primary Side Bar');
      await s.runCommand('Attune: Show Patterns');
      // A webview is two nested frames; the panel's own page is the inner one.
      const view = s.page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await waitFor(
        view.locator('#headline', { hasText: '4 ruptures noted across 5 sessions.' }),
        'the headline "4 ruptures noted across 5 sessions." in the panel',
      );
      // The bars by outcome are plain HTML, drawn with the first view; the month chart follows with Chart.js.
      await until(
        'the bars to be drawn',
        () => view.locator('.bars').count(),
        (n) => n >= 1,
      );
      await until(
        'the month chart to be drawn',
        () => view.locator('#months canvas[style*="box-sizing"]').count(),
        (n) => n === 1,
      );
      await waitFor(view.getByRole('row', { name: /cultural or generational context missed/ }), 'the kind of miss in its table');
      await s.picture();
      // A click on the bar (one kind, still open, filling the chart) lists its ruptures.
      await view.locator('#kind .bar').first().click();
      await waitFor(
        view.locator('#list-h', { hasText: 'Kind of miss: cultural or generational context missed, still open (1)' }),
        'the list for the clicked bar',
      );
      // The keyboard alone: focus the kind's "List them" button and press Enter.
      const list = view.getByRole('button', { name: 'List the 1 rupture: cultural or generational context missed' });
      await waitFor(list, 'the "List them" button of the kind of miss');
      await list.focus();
      await s.page.keyboard.press('Enter');
      const entry = view.getByRole('button', { name: 'A suggestion that landed badly' });
      await waitFor(entry, 'the rupture listed under the kind of miss');
      await waitFor(view.locator('#list-h', { hasText: 'Kind of miss: cultural or generational context missed (1)' }), 'the list heading');
      await entry.click();
      await s.waitForActiveTab('2026-11-06.md');
      await s.waitForEditorText('## A suggestion that landed badly #rupture/planned', 'the note open at the rupture heading');
    },
  },
  {
    id: 48,
    name: 'patterns keep the chosen client and an open list across a change of theme, the client when hidden and shown; Copy summary says it copied',
    workspace: 'demo',
    async run(s) {
      await s.runCommand('Attune: Show Patterns');
      const view = s.page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await waitFor(view.locator('#headline', { hasText: '4 ruptures noted across 5 sessions.' }), 'the headline for every client');
      await view.locator('#client').selectOption('C104');
      const forC104 = view.locator('#headline', { hasText: '1 rupture with C104 noted across 2 sessions.' });
      await waitFor(forC104, 'the headline for C104');
      /** The panel still shows C104: its headline and its chosen client. */
      const stillC104 = async (/** @type {string} */ after) => {
        await waitFor(forC104, `the headline for C104 ${after}`);
        await until(
          `the client filter to show C104 ${after}`,
          () => view.locator('#client').inputValue(),
          (v) => v === 'C104',
        );
      };

      // The ruptures behind a bar, listed, stay open through a change of theme too.
      await view.locator('#kind .bar').first().click();
      const listed = view.locator('#list-h', { hasText: 'Kind of miss: cultural or generational context missed, still open (1)' });
      await waitFor(listed, 'the list for the clicked bar');

      // A change of theme: the panel takes the new colours and keeps the filters and the list.
      const light = await view.locator('body.vscode-light').count();
      await s.runCommand('Preferences: Color Theme');
      await s.waitForQuickInput('the theme picker');
      await s.page.keyboard.type(light ? 'Dark Modern' : 'Light Modern');
      await waitFor(s.quickPickRow(light ? 'Dark Modern' : 'Light Modern'), 'the theme in the picker');
      await s.page.keyboard.press('Enter');
      await waitFor(view.locator(light ? 'body.vscode-dark' : 'body.vscode-light'), 'the panel in the new theme');
      await stillC104('after the theme changed');
      await waitFor(listed, 'the list still open after the theme changed');

      // Hidden behind a note in the same group, then shown again: the page is made afresh.
      await quickOpen(s, 'C215/2026-11-20.md');
      await s.page.locator('.tabs-container .tab', { hasText: 'Attune: Patterns' }).click();
      await stillC104('after the panel was hidden and shown');

      await view.locator('#copy').click();
      await waitFor(view.locator('#copy-status', { hasText: 'Copied: counts only, no client codes.' }), 'the panel saying the summary was copied');
    },
  },
];

/**
 * @param {string[]} argv
 * @returns {{ only: number[] | null, build: boolean, screenshots: string | null }}
 */
function parseArgs(argv) {
  /** @type {{ only: number[] | null, build: boolean, screenshots: string | null }} */
  const out = { only: null, build: true, screenshots: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') out.build = false;
    else if (a === '--only')
      out.only = String(argv[++i] || '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);
    else if (a === '--screenshots') out.screenshots = path.resolve(String(argv[++i] || ''));
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node test/browser/flows.js [--only 1,3] [--no-build] [--screenshots <dir>]\n');
      process.exit(0);
    } else {
      process.stderr.write(`flows.js: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  return out;
}

/** @param {string} text @param {string} indent */
function indentLines(text, indent) {
  return text
    .split('\n')
    .map((l) => indent + l)
    .join('\n');
}

/** @param {string} s */
const slug = (s) =>
  s
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/**
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  // Once timed out, the flow's own later failure (its session is closed under it) is moot.
  promise.catch(() => {});
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout])).finally(() => clearTimeout(timer));
}

/**
 * Lines every run of this VS Code build logs, left out of the printed tails after a failure
 * (still in the saved .log): the web build's missing service worker and vsda files, sandbox
 * notices, gallery and telemetry chatter with no network, and VS Code's hint that settings
 * read with a resource should be declared resource-scoped.
 */
const NOISE = [
  /Failed to load resource: the server responded with a status of 404/,
  /A bad HTTP response code \(404\)/,
  /\[Service Worker\] registration/,
  /same-origin iframe|allow-scripts and allow-same-origin/,
  /copilot-instructions\.md/,
  /fetching additional builtin extensions from gallery|Updating additional builtin extensions cache/,
  /Accessing a (window|resource) scoped configuration/,
  /getaddrinfo ENOTFOUND .*data\.microsoft\.com|GetAddrInfoReqWrap\.onlookupall/,
  /^File not found: .*vsda/,
  /^\s*$/,
];

/**
 * After a failure: a screenshot of the moment and the logs, saved under test/.artifacts/browser/
 * and their tails printed into the test output.
 * @param {Session} s
 * @param {Flow} flow
 */
async function reportFailure(s, flow) {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.join(ARTIFACTS, `failed-${flow.id}-${slug(flow.name)}-${stamp}`);
  /** @type {string[]} */
  const saved = [];
  try {
    saved.push(await s.screenshot(`${base}.png`));
  } catch (err) {
    console.log(`    (no screenshot: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const sections = await s.diagnostics().catch(() => []);
  try {
    await fsp.writeFile(`${base}.log`, sections.map((sec) => `## ${sec.title}\n${sec.lines.join('\n')}\n`).join('\n'));
    saved.push(`${base}.log`);
  } catch {
    // the printed tails below are what matters most
  }
  // Printed: the tails of the extension host's log, Attune's log, the page console and the
  // server output, without the lines every run has (they stay in the .log file).
  const tail = { 'page console': 40, 'server output': 20 };
  for (const sec of sections) {
    if (/^extension host log/.test(sec.title) && !/remoteexthost|attune/i.test(sec.title)) continue;
    const n = /** @type {Record<string, number>} */ (tail)[sec.title] ?? 60;
    let lines = sec.lines.filter((l) => !NOISE.some((re) => re.test(l)));
    if (sec.title === 'page console') lines = lines.filter((l) => / ── /.test(l) || !/\[(debug|log)\]/.test(l) || /ERR|error/i.test(l));
    const omitted = sec.lines.length - lines.length;
    console.log(`    --- ${sec.title} (last ${Math.min(n, lines.length)} of ${lines.length} lines${omitted ? `; ${omitted} routine lines left out` : ''})`);
    if (lines.length) console.log(indentLines(lines.slice(-n).join('\n'), '    | '));
  }
  if (saved.length) console.log(`    failure artifacts:\n${saved.map((f) => `      ${path.relative(process.cwd(), f)}`).join('\n')}`);
}

/**
 * Runs the flows and prints the results; resolves with the counts.
 * @param {{ only?: number[] | null, build?: boolean, screenshots?: string | null }} [options]
 * @returns {Promise<{ passed: number, failed: number, skipped: number, durationMs: number }>}
 */
async function runFlows(options = {}) {
  const started = Date.now();
  if (options.build ?? true) {
    const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('node esbuild.js failed');
  }
  await ensureHost();
  const screenshots = options.screenshots || null;
  let flows = FLOWS.filter((f) => !options.only || options.only.length === 0 || options.only.includes(f.id));
  if (screenshots) flows = flows.filter((f) => f.screenshot);

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const flow of flows) {
    const label = `${flow.id}. ${flow.name}`;
    const pending = flow.pending ? flow.pending() : null;
    if (pending) {
      skipped++;
      console.log(`- ${label}: skipped (${pending})`);
      continue;
    }
    const t0 = Date.now();
    /** @type {Session | undefined} */
    let session;
    try {
      if (flow.standalone) {
        // Starts what it needs itself (e.g. `npm start`); there is no page to picture.
        await withTimeout(flow.standalone(), FLOW_MS, `flow ${flow.id}`);
        passed++;
        console.log(`✔ ${label} (${Date.now() - t0} ms)`);
        continue;
      }
      session = await Session.open({
        name: `flow-${flow.id}`,
        workspace: flow.workspace,
        asUser: flow.asUser === true,
        traceConnects: flow.traceConnects === true,
        ...(flow.prepare ? { prepare: flow.prepare } : {}),
      });
      const s = session;
      if (screenshots && flow.screenshot) s.pictureFile = path.join(screenshots, flow.screenshot);
      await withTimeout(flow.run(s), FLOW_MS, `flow ${flow.id}`);
      // The end of the flow on screen; it is the README's picture unless the flow took one earlier.
      await s.restMouse();
      if (s.pictureFile && !s.pictureTaken) await s.screenshot(s.pictureFile, { belowTitleBar: true });
      await s.screenshot(path.join(ARTIFACTS, `flow-${flow.id}-${slug(flow.name)}.png`));
      passed++;
      console.log(`✔ ${label} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      const reason = err instanceof Error ? err.message : String(err);
      console.log(`✘ ${label}: ${reason.split('\n').join('\n    ')}  (after ${Date.now() - t0} ms)`);
      if (session) await reportFailure(session, flow);
    } finally {
      if (session) await session.close();
    }
  }
  const durationMs = Date.now() - started;
  console.log(
    `browser flows took ${(durationMs / 1000).toFixed(1)} s${screenshots ? `; screenshots in ${path.relative(process.cwd(), screenshots) || '.'}` : ''}`,
  );
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return { passed, failed, skipped, durationMs };
}

module.exports = { runFlows, FLOWS };

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  runFlows(args).then(
    (r) => {
      process.exitCode = r.failed > 0 || r.passed + r.skipped === 0 ? 1 : 0;
    },
    (err) => {
      console.log(`✘ browser flows could not run: ${err instanceof Error ? err.stack || err.message : String(err)}`);
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    },
  );
}
