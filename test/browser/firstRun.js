// @ts-check
'use strict';

/**
 * Browser flows for a clinician's first run (issue 17), in VS Code as `npm start` gives it to a
 * person: Attune installed in the server's extensions folder (not under development), no
 * smoke-test driver (dialogs work), desktop settings. Run by ./flows.js with the other flows.
 */

const fs = require('node:fs');
const path = require('node:path');
const { until, waitFor, today, WALKTHROUGH_TAB } = require('./ui');
const { selectedHost } = require('../host/install');

/** @typedef {import('./ui').Session} Session */
/** @typedef {import('./flows').Flow} Flow */

const WALKTHROUGH = 'attune.attune#firstRun';
/** The steps, in order, with their titles as the walkthrough shows them (package.nls.json). */
const STEPS = [
  ['openNotes', 'Open the folder with your session notes'],
  ['ruptureEntry', 'What a rupture entry is'],
  ['firstReflection', 'Insert your first reflection'],
  ['findInView', 'Find it in the Attune list'],
  ['prepare', 'Prepare for a session'],
  ['privacy', 'What stays private, and how'],
];
/** The demo note flow 41 opens from the view and from the Explorer. */
const ONE_TAB_NOTE = 'C215/2026-11-20.md';
/** The settings groups, in order (package.json contributes.configuration). */
const SETTINGS_GROUPS = ['Notes and clients', 'What Attune shows', 'Templates', 'Privacy'];
/** Settings and the titles the Settings editor gives them (made from their keys; issue 26). */
const SETTING_TITLES = [
  ['attune.insertButtonAboveHeadings', 'Insert Button Above Headings'],
  ['attune.clientLabelAtTopOfNote', 'Client Label At Top Of Note'],
  ['attune.largestNoteInMegabytes', 'Largest Note In Megabytes'],
  ['attune.cueHints', 'Cue Hints'],
  ['attune.filesToLeaveOut', 'Files To Leave Out'],
];

/**
 * @param {boolean} ok
 * @param {string} what
 */
function check(ok, what) {
  if (!ok) throw new Error(what);
}

/**
 * A walkthrough step, by its id.
 * @param {Session} s
 * @param {string} id
 */
function step(s, id) {
  return s.page.locator(`.getting-started-step[data-step-id="${WALKTHROUGH}#${id}"]`);
}

/**
 * Whether the walkthrough shows a step ticked.
 * @param {Session} s
 * @param {string} id
 */
async function ticked(s, id) {
  const icon = step(s, id).locator('.codicon').first();
  return ((await icon.getAttribute('class').catch(() => '')) || '').includes('getting-started-step-checked');
}

/**
 * @param {Session} s
 * @param {string} id
 * @param {string} why
 */
async function waitForTick(s, id, why) {
  await until(
    `the walkthrough step "${id}" to be ticked (${why})`,
    () => ticked(s, id),
    (v) => v === true,
  );
}

/**
 * Brings the walkthrough's tab to the front and opens one of its steps.
 * @param {Session} s
 * @param {string} id
 */
async function openStep(s, id) {
  const tab = s.page.locator('.part.editor .tabs-container .tab', { hasText: WALKTHROUGH_TAB });
  await waitFor(tab, "the walkthrough's editor tab");
  await tab.first().click();
  await waitFor(step(s, id), `the walkthrough step "${id}"`);
  if (((await step(s, id).first().getAttribute('class')) || '').includes('expanded')) return;
  s.note(`walkthrough step ${id}`);
  // VS Code 1.100 gives an opened step the focus 250 ms after it opens; a button clicked
  // before then opens its quick pick only to lose it to the step (1.139 leaves the focus
  // where it is). A mouse click would focus the step at once, so the title gets a click
  // event, and on 1.100 the flow waits for VS Code to focus the step.
  await step(s, id)
    .first()
    .evaluate((el) => el === document.activeElement && el.blur());
  await step(s, id).locator('.step-title').first().dispatchEvent('click');
  await until(
    `the step "${id}" to open`,
    () => step(s, id).first().getAttribute('class'),
    (c) => (c || '').includes('expanded'),
  );
  if (selectedHost().id === 'oldest') {
    await until(
      `the step "${id}" to take the focus`,
      () =>
        step(s, id)
          .first()
          .evaluate((el) => el === document.activeElement),
      (v) => v === true,
    );
  }
}

/**
 * Clicks a button inside the open step.
 * @param {Session} s
 * @param {string} id
 * @param {string} label
 */
async function clickStepButton(s, id, label) {
  const button = step(s, id).locator('.monaco-button, a.button-link', { hasText: label });
  await waitFor(button, `the "${label}" button in the step "${id}"`);
  s.note(`click "${label}"`);
  await clickWalkthrough(button.first());
}

/**
 * Clicks a part of the walkthrough. VS Code 1.139 makes Playwright see its steps as not
 * enabled (and a footer may lie over them) while a person's click works: then the click is
 * sent to the element itself.
 * @param {import('playwright-core').Locator} target
 */
async function clickWalkthrough(target) {
  try {
    await target.click({ timeout: 5000 });
  } catch {
    await target.scrollIntoViewIfNeeded().catch(() => {});
    await target.dispatchEvent('click');
  }
}

/**
 * Opens the walkthrough again from the Attune view's title menu ("Get Started with Attune").
 * @param {Session} s
 */
async function reopenFromView(s) {
  await s.showContainer('Attune');
  const more = s.page.locator('.part.sidebar .title-actions .action-label[aria-label*="More Actions"]:visible');
  await waitFor(more, 'the "…" (more actions) button in the Attune view\'s title');
  s.note('Attune view title: … > Get Started with Attune');
  await more.first().click();
  const item = s.menuItem('Get Started with Attune');
  await waitFor(item, '"Get Started with Attune" in the Attune view\'s "…" menu');
  await s.clickMenuItem(item.first());
  await waitFor(step(s, 'prepare'), 'the walkthrough, opened again');
}

/** @type {Flow[]} */
const FIRST_RUN_FLOWS = [
  {
    id: 11,
    name: 'first run: the walkthrough opens by itself, and each of its steps is ticked by doing it',
    workspace: 'demo',
    asUser: true,
    screenshot: 'screenshot-0-walkthrough.png',
    async run(s) {
      // Opens once on its own, the first time Attune starts after it is installed.
      await waitFor(s.page.locator('.part.editor .tabs-container .tab', { hasText: WALKTHROUGH_TAB }), 'the walkthrough, opened by Attune on its first start');
      const titles = await s.page.locator('.getting-started-step .step-title, .getting-started-step h3').allTextContents();
      for (const [, title] of STEPS)
        check(
          titles.some((t) => t.trim() === title),
          `the walkthrough has no step "${title}": ${JSON.stringify(titles)}`,
        );
      for (const [id] of STEPS.slice(1)) check(!(await ticked(s, id)), `the step "${id}" is ticked before it was done`);

      // 1. The notes folder is open (npm start opened it).
      await waitForTick(s, 'openNotes', 'the demo notes folder is open');

      // 2. Reading about rupture entries, with its picture.
      await openStep(s, 'ruptureEntry');
      await waitForTick(s, 'ruptureEntry', 'its picture was looked at');

      // 3. A first reflection, typed the way the walkthrough says: "#" on an empty line, in a
      // note opened beside the walkthrough. (VS Code 1.139 does not redraw a tick made while
      // the walkthrough is hidden behind another editor until it is opened again.)
      await s.openFromExplorer('C318/2026-11-18.md', { toSide: true });
      await s.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first().click();
      await s.page.keyboard.press('Control+End');
      await s.page.keyboard.press('Enter');
      await s.page.keyboard.press('Enter');
      await s.page.keyboard.type('#');
      const suggestion = s.page.locator('.part.editor .monaco-editor .suggest-widget.visible .monaco-list-row', { hasText: 'rupture reflection' });
      await waitFor(suggestion, 'the suggestion "rupture reflection" after typing # on an empty line (markdown\'s default settings)');
      await s.page.keyboard.press('Enter');
      // (The note is half as wide beside the walkthrough: its heading may wrap.)
      await s.waitForEditorText(/## .+ #rupture\/open/, 'the reflection ("## … #rupture/open") in the note');
      await s.page.keyboard.type('Rushed to reassure her');
      await s.escapeToPlainCursor();
      await s.save();
      await s.waitForFile('C318/2026-11-18.md', 'the new reflection', (t) => /^## Rushed to reassure her #rupture\/open$/m.test(t));
      await waitForTick(s, 'firstReflection', 'a reflection was inserted');

      // 4. Finding it in the view, from the step's button.
      await openStep(s, 'findInView');
      await clickStepButton(s, 'findInView', 'Show the List');
      await until(
        'the new reflection in the Attune view',
        () => s.treeRows(),
        (rows) => rows.some((r) => r.label === 'Rushed to reassure her'),
      );
      await waitForTick(s, 'findInView', 'the view was shown');

      // 5. Preparing for a session, from the step's button. Today's note opens over the
      // walkthrough, which is then opened again from the Attune view (VS Code 1.139 shows a
      // tick made behind another editor only then; Attune also re-announces what was done).
      await openStep(s, 'prepare');
      await clickStepButton(s, 'prepare', 'Prepare for Session');
      const client = s.quickPickRow(/^C104/);
      await waitFor(client, 'client "C104" in the quick pick of clients');
      // Starting the command is not preparing: no tick while the client is being chosen.
      check(!(await ticked(s, 'prepare')), 'the step "prepare" is ticked while the client is still being chosen');
      await client.first().click();
      await s.waitForActiveTab(`${today()}.md`);
      await s.waitForEditorText(/^## Before the session\s*$/, 'the "## Before the session" checklist');
      await reopenFromView(s);
      await waitForTick(s, 'prepare', 'a session was prepared');

      // 6. What stays private: reading it.
      await openStep(s, 'privacy');
      await waitForTick(s, 'privacy', 'the privacy notes were read');
      for (const [id] of STEPS) check(await ticked(s, id), `the step "${id}" is no longer ticked at the end`);
    },
  },
  {
    id: 12,
    name: "npm start's VS Code asks before deleting a note from the Explorer, and before closing unsaved changes",
    workspace: 'demo',
    asUser: true,
    async run(s) {
      const title = await s.page.title();
      check(!/Extension Development Host/.test(title), `the window is an Extension Development Host: "${title}"`);
      const note = 'C104/2026-11-06.md';
      const before = fs.readFileSync(s.file(note), 'utf8');

      // Delete from the Explorer's context menu: VS Code asks first; Cancel keeps the note.
      await s.openFromExplorer(note);
      const item = s.page.locator('.part.sidebar .explorer-folders-view').getByRole('treeitem', { name: path.posix.basename(note), exact: true });
      const menu = await s.contextMenu(item, 'Delete');
      await s.clickMenuItem(menu);
      const dialog = s.page.locator('.monaco-dialog-box');
      await waitFor(dialog, 'a dialog asking before the note is deleted');
      const question = (await dialog.first().textContent()) || '';
      check(/delete/i.test(question) && question.includes('2026-11-06.md'), `the dialog does not ask about deleting the note: "${question}"`);
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await waitFor(dialog, 'the dialog to close', { state: 'hidden' });
      check(fs.existsSync(s.file(note)) && fs.readFileSync(s.file(note), 'utf8') === before, 'the note was deleted or changed');
      await waitFor(item, 'the note still in the Explorer');

      // Typing leaves the note unsaved (desktop default: no save after every change).
      await s.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines').first().click();
      await s.page.keyboard.press('Control+End');
      await s.page.keyboard.type('\nA line not saved yet.');
      await until(
        'the tab to show unsaved changes',
        () => s.activeTabDirty(),
        (d) => d === true,
      );
      await s.page.waitForTimeout(1500); // longer than web VS Code's default auto-save delay (1 s)
      check(await s.activeTabDirty(), 'the note was saved without Ctrl+S (auto save is on)');
      check(fs.readFileSync(s.file(note), 'utf8') === before, 'the note on disk changed without Ctrl+S');

      // Closing it asks whether to save; Cancel keeps the editor and its text.
      await s.page.keyboard.press('Control+W');
      await waitFor(dialog, 'a dialog asking before unsaved changes are closed');
      check(/save/i.test((await dialog.first().textContent()) || ''), 'the dialog does not offer to save');
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await waitFor(dialog, 'the dialog to close', { state: 'hidden' });
      check(await s.activeTabDirty(), 'the unsaved changes are gone after Cancel');
      await s.waitForEditorText('A line not saved yet.');
    },
  },
  {
    id: 13,
    name: 'the Attune view fits the default side bar: its title and no demo row is cut off; grouped by status, rows lead with the client',
    workspace: 'demo',
    asUser: true,
    async run(s) {
      await s.showContainer('Attune');
      const rows = await until(
        "the demo's ruptures in the Attune view",
        () => s.treeRows(),
        (r) => r.filter((x) => x.level === 2).length >= 3,
      );
      const width = (await s.page.locator('.part.sidebar').boundingBox())?.width ?? 0;
      check(width > 0 && width <= 320, `the side bar is ${width}px wide, not VS Code's default`);
      await s.restMouse();
      // A row is cut off when its label (title and description) is wider than the room it has.
      const cut = await s
        .attuneTree()
        .first()
        .evaluate((list) =>
          Array.from(list.querySelectorAll('.monaco-list-row')).flatMap((row) => {
            const box = row.querySelector('.monaco-icon-label-container');
            if (!box) return [];
            return box.scrollWidth > box.clientWidth + 1 ? [`${(row.textContent || '').trim()} (${box.scrollWidth}px in ${box.clientWidth}px)`] : [];
          }),
        );
      check(cut.length === 0, `rows cut off at the default width (${width}px): ${cut.join('; ')}`);
      check(
        rows.some((r) => r.label === 'A suggestion that landed badly'),
        'the longest demo title is not listed',
      );
      // The view's title, whole: "ATTUNE: RUPTURES TO REVISIT" beside its buttons.
      const title = s.page.locator('.part.sidebar .composite.title .title-label h2').first();
      check(/Ruptures to revisit/i.test((await title.textContent()) || ''), `the view is not called "Ruptures to revisit": ${await title.textContent()}`);
      const titleCut = await title.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      check(!titleCut, `the view's title is cut off: ${await title.textContent()}`);
      // Grouped by status, a row leads with its client's code, so the code is never the part cut off.
      await s.runCommand('Attune: Group Ruptures By…');
      await s.waitForQuickInput('the grouping choices');
      await s.quickPickRow('By status').first().click();
      const byStatus = await until(
        'the rows grouped by status',
        () => s.treeRows(),
        (r) => r.some((x) => x.level === 1 && x.label === 'repair planned'),
      );
      const entries = byStatus.filter((r) => r.level === 2);
      check(
        entries.length >= 3 && entries.every((r) => /^C\d{3} · /.test(r.label)),
        `rows grouped by status do not lead with the client's code: ${JSON.stringify(entries.map((r) => r.label))}`,
      );
    },
  },
  {
    id: 14,
    name: "the Settings editor shows Attune's settings in plain, grouped words",
    workspace: 'demo',
    asUser: true,
    async run(s) {
      // The walkthrough (a web view) has the keyboard: click into the Explorer first.
      await s.page.locator('.part.sidebar .explorer-folders-view').first().click();
      await s.runCommand('Preferences: Open Settings (UI)');
      // The Settings editor opens with its search box focused (VS Code 1.139 shows it as a
      // dialog over the window, and its search box is no longer a textarea).
      await waitFor(s.page.locator('.settings-toc-container'), 'the Settings editor');
      const search = s.page.locator('.settings-header .suggest-input-container');
      await until(
        'the search box to have the focus',
        () => search.first().evaluate((el) => el.contains(document.activeElement)),
        (v) => v === true,
      );
      await s.page.keyboard.type('@ext:attune.attune');
      // The table of contents lists Attune's groups under the extension's name.
      const groups = s.page.locator('.settings-toc-container .settings-toc-entry');
      await until(
        `the groups ${SETTINGS_GROUPS.join(', ')} in the Settings editor's contents`,
        async () => (await groups.allTextContents()).map((t) => t.trim()),
        (seen) => SETTINGS_GROUPS.every((g) => seen.includes(g)),
      );
      const seen = (await groups.allTextContents()).map((t) => t.trim()).filter((t) => SETTINGS_GROUPS.includes(t));
      check(JSON.stringify(seen) === JSON.stringify(SETTINGS_GROUPS), `the groups are not in order: ${JSON.stringify(seen)}`);
      const settings = s.page.locator('.settings-tree-container').first();
      await until(
        'the plain description of the client setting',
        async () => (await settings.textContent()) || '',
        (t) => t.includes('If your notes name the client at the top'),
      );
      // The lens placement, shown by its plain label, not its value ("firstHeading").
      await s.page.keyboard.press('Control+A');
      await s.page.keyboard.type('attune.insertButtonAboveHeadings');
      // The select inside that setting's own row: while the search is still narrowing, other
      // rows (the template language's choice) can come first in the list.
      const select = settings.locator('.setting-item-contents[data-key="attune.insertButtonAboveHeadings"]').locator('select, .monaco-select-box');
      await waitFor(select, 'the choice of where the insert link shows');
      const shown = await select
        .first()
        .evaluate((el) => (el instanceof HTMLSelectElement ? (el.options[el.selectedIndex]?.text ?? '') : el.textContent || ''));
      check(shown === "Above the note's first heading", `the lens placement shows "${shown}", not "Above the note's first heading"`);
      check(!/firstHeading|everyH2/.test((await settings.textContent()) || ''), 'the raw values firstHeading/everyH2 are shown');
      // Titles in plain words (VS Code makes them from the keys): no "Code Lens: …", "Front Matter Key" or "… MB".
      for (const [key, want] of SETTING_TITLES) {
        await s.page.keyboard.press('Control+A');
        await s.page.keyboard.type(key);
        const title = settings.locator('.setting-item-contents .setting-item-title').first();
        const shownTitle = await until(
          `the title of ${key}`,
          async () => ((await title.textContent().catch(() => '')) || '').replace(/\s+/g, ' ').trim(),
          (t) => t === want || t === `Attune: ${want}`,
        );
        // (A search shows the extension's name first: "Attune: …".)
        check(shownTitle.replace(/^Attune: /, '') === want, `${key} is titled "${shownTitle}", not "${want}"`);
      }
    },
  },
  {
    id: 15,
    name: '`npm start` prints a short, friendly message with a short address, and the server needs its token',
    workspace: 'empty',
    run: async () => {},
    // As it starts by default, then with `--notes` naming another folder (a new one, with a space in its name).
    standalone: async () => {
      await checkNpmStartMessage();
      await checkNpmStartMessage('My notes');
    },
  },
  {
    id: 41,
    name: "npm start's VS Code: a note opened from the Attune view and from the Explorer is one tab, with its cue hints; its repair guide opens rendered beside it",
    workspace: 'demo',
    asUser: true,
    prepare(folder) {
      // A cue phrase in a note with an unrepaired rupture: the note is listed, and hinted.
      const note = path.join(folder, ...ONE_TAB_NOTE.split('/'));
      fs.writeFileSync(note, fs.readFileSync(note, 'utf8').replace('Good week overall.', "Good week overall. She said 'not exactly' and went quiet."));
    },
    async run(s) {
      const name = path.posix.basename(ONE_TAB_NOTE);
      const tabs = s.page.locator(`.part.editor .tabs-container .tab[data-resource-name="${name}"]`);
      const hints = s.page.locator('.part.editor .editor-group-container.active .monaco-editor .squiggly-hint');
      await s.showContainer('Attune');
      const row = s.treeRow('Talking through the exposure');
      await waitFor(row, 'the C215 rupture in the Attune view');
      s.note('open the rupture from the Attune view');
      await row.first().click();
      await s.waitForActiveTab(name);
      await until(
        'the cue hints in the note opened from the view',
        () => hints.count(),
        (n) => n >= 1,
      );
      await s.openFromExplorer(ONE_TAB_NOTE);
      await until(
        'the note opened from the Explorer to be the same tab',
        () => tabs.count(),
        (n) => n === 1,
      );
      await until(
        'the cue hints in the note opened from the Explorer',
        () => hints.count(),
        (n) => n >= 1,
      );
      // The Explorer's and Attune's address of the note are the same: the breadcrumbs start
      // at the workspace folder, not at the root of the disk.
      const crumbs = ((await s.page.locator('.part.editor .editor-group-container.active .breadcrumbs-control').first().textContent()) || '').trim();
      check(!/\.cache|attune-browser-/.test(crumbs), `the breadcrumbs show the path from the disk's root: ${crumbs}`);
      check((await tabs.count()) === 1, `${await tabs.count()} tabs for one note`);
      // The repair conversation guide, from its lens: rendered beside the note, not raw markdown.
      s.note('click the "Repair conversation guide" lens');
      await s.lens('Repair conversation guide').first().click();
      const guide = s.page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await waitFor(guide.locator('h1', { hasText: 'The repair conversation' }), 'the guide rendered, its title a heading');
      await waitFor(guide.locator('strong').first(), 'bold words in the guide shown bold');
      const shown = (await guide.locator('body').textContent()) || '';
      check(!shown.includes('**'), 'the rendered guide shows markdown asterisks');
      check((await s.page.locator('.part.editor .editor-group-container').count()) === 2, 'the guide is not beside the note');
      check((await tabs.count()) === 1, 'the note is no longer open beside the guide');
    },
  },
  {
    id: 42,
    name: "npm start's VS Code tries no connection beyond this computer, and shows no usage-data footer",
    workspace: 'demo',
    asUser: true,
    traceConnects: true,
    async run(s) {
      // The walkthrough is open (Session.open waits for it): no footer about usage data.
      const footer = s.page.locator('.part.editor').getByText(/collects usage data|opt out/i);
      const footerAtStart = await footer.count();
      // A short session: a note with its lenses, the Attune view, Prepare for Session.
      await s.openFromExplorer(ONE_TAB_NOTE);
      await waitFor(s.lens('Insert rupture reflection'), 'the lenses over the note');
      await s.showContainer('Attune');
      await until(
        "the demo's ruptures in the Attune view",
        () => s.treeRows(),
        (r) => r.filter((x) => x.level === 2).length >= 3,
      );
      const attempts = nonLoopbackConnects(fs.readFileSync(/** @type {string} */ (s.connectTrace), 'utf8'));
      check(attempts.length === 0, `${attempts.length} connections tried beyond this computer:\n${attempts.slice(0, 10).join('\n')}`);
      check(footerAtStart === 0 && (await footer.count()) === 0, 'the walkthrough shows a footer about collecting usage data');
    },
  },
  {
    id: 43,
    name: 'the curtain offers to close notes and fold the Explorer, numbers clients in the order shown, and asks before it opens a note',
    workspace: 'demo',
    asUser: true,
    async run(s) {
      await s.openFromExplorer(ONE_TAB_NOTE);
      const noteTabs = s.page.locator('.part.editor .tabs-container .tab[data-resource-name$=".md"]');
      await s.showContainer('Attune');
      await until(
        "the demo's ruptures in the Attune view",
        () => s.treeRows(),
        (r) => r.filter((x) => x.level === 2).length >= 3,
      );
      await s.runCommand('Attune: Hide Client Details');
      // What it cannot hide, said plainly, with an offer to clear the screen.
      const toast = s.page.locator('.notifications-toasts .notification-toast').filter({ hasText: "VS Code's tabs, breadcrumbs and Explorer" });
      await waitFor(toast, 'a message saying what the curtain does not hide');
      await toast.getByRole('button', { name: 'Close Notes and Fold the Explorer' }).click();
      await until(
        'the open notes to close',
        () => noteTabs.count(),
        (n) => n === 0,
      );
      // Attune folds the Explorer and then shows its own list again: look at the Explorer each time, after Attune is done.
      const folder = s.page.locator('.part.sidebar .explorer-folders-view').getByRole('treeitem', { name: path.posix.dirname(ONE_TAB_NOTE), exact: true });
      await until(
        "the Explorer's folders to be folded",
        async () => {
          await s.showContainer('Explorer');
          return folder
            .first()
            .getAttribute('aria-expanded', { timeout: 2000 })
            .catch(() => 'not shown');
        },
        (v) => v === 'false',
      );
      // Stand-ins count down the list.
      await s.showContainer('Attune');
      const rows = await until(
        'the clients as stand-ins',
        () => s.treeRows(),
        (r) => r.some((x) => x.level === 1 && x.label.startsWith('Client ')),
      );
      const groups = rows.filter((r) => r.level === 1).map((r) => r.label);
      check(JSON.stringify(groups) === JSON.stringify(['Client 1', 'Client 2']), `the clients are shown as ${JSON.stringify(groups)}`);
      // Opening a note asks first; Cancel opens nothing.
      const row = s.attuneTree().locator('.monaco-list-row[aria-level="2"]').first();
      const dialog = s.page.locator('.monaco-dialog-box');
      // Plan Repair shows the note with its plan: it asks too, and Cancel changes nothing.
      const notesBefore = demoNotes(s.folder);
      const open = s.attuneTree().locator('.monaco-list-row[aria-level="2"][aria-label*=", open,"]').first();
      await open.hover();
      const plan = open.locator('.actions .action-label[aria-label="Plan Repair"]');
      await waitFor(plan, 'the inline "Plan Repair" action on the hovered open rupture');
      s.note('click the inline "Plan Repair" under the curtain');
      await plan.click();
      await waitFor(dialog.filter({ hasText: 'Client details are hidden' }), 'a question before Plan Repair opens the note');
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await waitFor(dialog, 'the question to close', { state: 'hidden' });
      check((await noteTabs.count()) === 0, 'Plan Repair opened the note although Cancel was chosen');
      check(JSON.stringify(demoNotes(s.folder)) === JSON.stringify(notesBefore), 'Plan Repair changed a note although Cancel was chosen');
      await row.click();
      await waitFor(dialog.filter({ hasText: 'Client details are hidden' }), 'a question before the note opens');
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
      await waitFor(dialog, 'the question to close', { state: 'hidden' });
      check((await noteTabs.count()) === 0, 'the note opened although Cancel was chosen');
      await row.click();
      await waitFor(dialog.filter({ hasText: 'Client details are hidden' }), 'the question again');
      await dialog.locator('.monaco-button', { hasText: 'Open the Note' }).first().click();
      await until(
        'the note to open once asked',
        () => noteTabs.count(),
        (n) => n === 1,
      );
    },
  },
  {
    id: 45,
    name: "the walkthrough on a 1280x800 screen: no step's picture covers another step's title",
    workspace: 'demo',
    asUser: true,
    async run(s) {
      // Opened from the palette, so that VS Code 1.139's own Welcome page (opened first) is not mistaken for it.
      await waitFor(s.page.locator('.part.editor .tabs-container .tab', { hasText: WALKTHROUGH_TAB }), 'the walkthrough, opened by Attune on its first start');
      await until(
        'the walkthrough to show its steps',
        async () => {
          if (
            await step(s, 'openNotes')
              .first()
              .isVisible()
              .catch(() => false)
          )
            return true;
          await s.page.locator('.part.sidebar').first().click();
          await s.runCommand('Attune: Get Started with Attune');
          return false;
        },
        (v) => v === true,
      );
      // The whole window (1280x800), then the room a browser leaves on a 1280x800 screen.
      for (const height of [800, 680]) {
        await s.page.setViewportSize({ width: 1280, height });
        /** @type {string[]} */
        const covered = [];
        for (const [id] of STEPS) {
          await openStep(s, id);
          // VS Code 1.139 hides a step's picture when the walkthrough is narrow: nothing to cover then.
          const media = s.page.locator('.gettingStartedSlideDetails .getting-started-media');
          const mediaBox = await until(
            `the picture of the step "${id}" at its size`,
            async () => {
              const shown = await media
                .first()
                .isVisible()
                .catch(() => false);
              return shown ? media.first().boundingBox() : 'hidden';
            },
            (b) => b === 'hidden' || (b !== null && b.width > 0 && b.height > 0),
          );
          if (mediaBox === 'hidden' || mediaBox === null) continue;
          // Each title's visible part: a title scrolled out of the list of steps is not on screen.
          const titles = await s.page.locator('.getting-started-step .step-title').evaluateAll((els) =>
            els.map((el) => {
              const r = el.getBoundingClientRect();
              let top = r.top;
              let bottom = r.bottom;
              let left = r.left;
              let right = r.right;
              for (let p = el.parentElement; p; p = p.parentElement) {
                const style = getComputedStyle(p);
                if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
                const c = p.getBoundingClientRect();
                top = Math.max(top, c.top);
                bottom = Math.min(bottom, c.bottom);
                left = Math.max(left, c.left);
                right = Math.min(right, c.right);
              }
              const stepEl = el.closest('.getting-started-step');
              return {
                step: stepEl?.getAttribute('data-step-id') || '',
                text: (el.textContent || '').trim(),
                x: left,
                y: top,
                width: Math.max(0, right - left),
                height: Math.max(0, bottom - top),
              };
            }),
          );
          s.note(
            `1280x${height}, step ${id}: picture ${JSON.stringify(mediaBox)}; titles ${JSON.stringify(titles.map((t) => [t.text, Math.round(t.y), Math.round(t.height)]))}`,
          );
          // The next step's title stays in sight between the open step and its picture (VS Code
          // 1.100 lays a narrow walkthrough out as a column: steps, then the picture under them).
          // Not after "prepare": the list has nothing left to scroll, and VS Code scrolls an open
          // step no further than it must.
          const at = STEPS.findIndex(([x]) => x === id);
          const next = at < STEPS.length - 2 ? STEPS[at + 1] : undefined;
          const nextTitle = next && titles.find((t) => t.step.endsWith(`#${next[0]}`));
          if (height === 800 && nextTitle && nextTitle.height < 10)
            covered.push(`at 1280x${height}, with "${id}" open the next step's title "${nextTitle.text}" is out of sight under its picture`);
          for (const t of titles) {
            if (t.step.endsWith(`#${id}`) || t.width === 0 || t.height === 0) continue;
            const overlap =
              t.x < mediaBox.x + mediaBox.width && mediaBox.x < t.x + t.width && t.y < mediaBox.y + mediaBox.height && mediaBox.y < t.y + t.height;
            if (overlap) covered.push(`at 1280x${height} the picture of "${id}" covers the title "${t.text}"`);
          }
        }
        check(covered.length === 0, covered.join('; '));
      }
      await s.page.setViewportSize({ width: 1280, height: 800 });
    },
  },
  {
    id: 44,
    name: 'a new client: a full name takes a second choice, and a new note closed without saving leaves nothing on disk',
    workspace: 'demo',
    asUser: true,
    async run(s) {
      const dialog = s.page.locator('.monaco-dialog-box');
      const folder = s.file('Maria Lopez');
      await s.page.locator('.part.sidebar').first().click();
      await s.runCommand('Attune: New Session Note…');
      await s.waitForQuickInput('the client picker');
      await s.quickPickRow('New client').first().click();
      await until(
        'the box for the client code',
        () => s.quickInput().locator('input').first().getAttribute('placeholder'),
        (p) => (p || '').includes('C017'),
      );
      await s.page.keyboard.type('Maria Lopez');
      await s.page.keyboard.press('Enter');
      // Enter alone does not keep a name: a second, deliberate choice does.
      await waitFor(dialog.filter({ hasText: 'looks like a full name' }), 'a question before a full name is kept');
      check(!fs.existsSync(folder), 'a folder was made before the name was confirmed');
      await dialog.locator('.monaco-button', { hasText: 'Keep It as Typed' }).first().click();
      await s.waitForActiveTab(`${today()}.md`);
      await s.waitForEditorText('client: Maria Lopez', "the new note's front matter");
      check(!fs.existsSync(folder), 'the new note was written to disk before it was saved');
      // Close it without saving: nothing stays behind.
      s.note('close the new note');
      await s.page.keyboard.press('Control+W');
      await waitFor(dialog, 'the question whether to save the new note');
      await dialog.locator('.monaco-button', { hasText: "Don't Save" }).first().click();
      await waitFor(dialog, 'the question to close', { state: 'hidden' });
      await until(
        "the new note's tab to close",
        () => s.page.locator(`.part.editor .tabs-container .tab[data-resource-name="${today()}.md"]`).count(),
        (n) => n === 0,
      );
      check(!fs.existsSync(folder), 'a folder was left behind by a note closed without saving');
      // A new note saved lands in its client's folder at once (no Save As).
      await s.runCommand('Attune: New Session Note…');
      await s.waitForQuickInput('the client picker');
      await s.quickPickRow('New client').first().click();
      await until(
        'the box for the client code',
        () => s.quickInput().locator('input').first().getAttribute('placeholder'),
        (p) => (p || '').includes('C017'),
      );
      await s.page.keyboard.type('C099');
      await s.page.keyboard.press('Enter');
      await s.waitForEditorText('client: C099', "the new note's front matter");
      await s.escapeToPlainCursor();
      await s.save();
      await s.waitForFile(`C099/${today()}.md`, 'the saved new note', (t) => t.includes('client: C099'));
    },
  },
];

/**
 * The connect() calls in an strace log that went to an address beyond this computer: an
 * IPv4 or IPv6 address other than loopback (local sockets and loopback are the browser
 * and VS Code's own processes talking to each other).
 * @param {string} trace
 * @returns {string[]}
 */
function nonLoopbackConnects(trace) {
  return trace.split('\n').filter((line) => {
    if (!/\bconnect\(/.test(line)) return false;
    const v4 = /sin_addr=inet_addr\("([\d.]+)"\)/.exec(line);
    if (v4) return !(v4[1] ?? '').startsWith('127.') && v4[1] !== '0.0.0.0';
    const v6 = /inet_pton\(AF_INET6, "([^"]+)"/.exec(line);
    if (v6) return !['::1', '::ffff:127.0.0.1', '::'].includes(v6[1] ?? '');
    return false;
  });
}

/**
 * Every note of a workspace folder and its text, to tell whether anything was written.
 * @param {string} folder
 * @returns {[string, string][]}
 */
function demoNotes(folder) {
  return /** @type {string[]} */ (fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }))
    .filter((rel) => rel.endsWith('.md'))
    .sort()
    .map((rel) => [rel, fs.readFileSync(path.join(folder, rel), 'utf8')]);
}

/**
 * Runs `npm start` (the server, no browser) as a person would and reads what it prints; then
 * checks the address works with its token and not without, and that Ctrl+C stops it.
 * @param {string} [notesName] a folder under the home given with `--notes`, in place of the default
 */
async function checkNpmStartMessage(notesName) {
  const { spawn } = require('node:child_process');
  const os = require('node:os');
  const { cacheBase } = require('../host/install');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-start-'));
  // A home of its own (the demo copy goes there), the test host's cache as it is.
  const notes = notesName ? path.join(home, notesName) : path.join(home, '.cache', 'attune-demo', 'notes');
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'host', 'start.js'), '--server', '--no-browser', ...(notesName ? ['--notes', notes] : [])],
    {
      env: { ...process.env, HOME: home, ATTUNE_VSCODE_HOST_CACHE: cacheBase() },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await until(
      '`npm start` to say it is ready',
      () => out,
      (o) => o.includes('Ctrl+C'),
      { timeout: 120_000 },
    );
    const lines = out
      .trim()
      .split('\n')
      .filter((l) => l.trim());
    check(lines.length <= 10, `npm start printed ${lines.length} lines:\n${out}`);
    // The address: the server, its token, and the notes folder it opens.
    const address = /(http:\/\/127\.0\.0\.1:\d+\/\?tkn=[0-9a-f]+)&folder=(\S+)\s*$/m.exec(out);
    const url = address?.[1];
    check(url !== undefined && url.length <= 80, `no short address (at most 80 characters before the folder) in:\n${out}`);
    check(decodeURI(address?.[2] ?? '') === notes, `the address does not open the demo notes (${notes}):\n${out}`);
    check(
      lines.every((l) => l.length <= 100 || l.includes('&folder=')),
      `a line longer than 100 characters:\n${out}`,
    );
    // Where the notes are, in the message and in the notes' ABOUT file, and how to use another folder.
    check(out.includes(`The demo notes are in ${notes}`) && out.includes('--notes'), `the message does not say where the notes are:\n${out}`);
    check(
      fs.readFileSync(path.join(notes, 'ABOUT.txt'), 'utf8').includes(`This copy of the demo notes is in ${notes}`),
      "the demo's ABOUT file does not say where the notes are",
    );
    check(/Attune is ready/.test(out) && /this computer only/.test(out), `the message does not say what this is:\n${out}`);
    const base = /** @type {string} */ (url).replace(/\/\?tkn=.*$/, '/');
    // Node's fetch, to the server `npm start` began on 127.0.0.1 (the address checked above) only.
    /* global fetch */
    const without = await fetch(base, { redirect: 'manual' });
    check(without.status === 403 || without.status === 401, `without its token the server answers ${without.status}`);
    const withToken = await fetch(/** @type {string} */ (url), { redirect: 'manual' });
    check(withToken.status < 400, `with its token the server answers ${withToken.status}`);
    process.kill(child.pid ?? 0, 'SIGINT');
    await until(
      '`npm start` to stop on Ctrl+C',
      async () => child.exitCode !== null || child.signalCode !== null,
      (v) => v,
      { timeout: 30_000 },
    );
  } finally {
    if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    await exited;
    fs.rmSync(home, { recursive: true, force: true });
  }
}

module.exports = { FIRST_RUN_FLOWS };
