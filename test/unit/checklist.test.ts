import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import {
  buildChecklist,
  checklistInsertEdit,
  hasChecklist,
  nothingWaitingLine,
  progressLabel,
  renderChecks,
  sessionNotePath,
  taskItems,
  toggleTaskEdit,
  toggleTaskInNote,
  type ChecklistInput,
} from '../../src/core/checklist/checklist';
import { checklistProgress } from '../../src/core/checklist/progress';
import { sessionNoteFileName } from '../../src/core/notes/sessionNoteName';
import MarkdownIt from 'markdown-it';
import { applyEdits } from '../../src/core/notes/edits';
import { RuptureIndex } from '../../src/core/notes/ruptureIndex';
import { parseNote } from '../../src/core/notes/note';
import { BUILT_IN_TEMPLATES, mergeTemplates, SAFETY_FIRST } from '../../src/core/reflection/templates';

/** Just the section's markdown. */
const renderChecklist = (input: Parameters<typeof buildChecklist>[0]): string => buildChecklist(input).markdown;

const TODAY = '2026-11-24';

/** Notes of client AB (and one of CD), keyed by workspace-relative path. */
const NOTES: Readonly<Record<string, string>> = {
  'clients/AB/2026-11-13.md': [
    '---',
    'client: AB',
    '---',
    '# Session 2026-11-13',
    '',
    '## Notes',
    '',
    '## Too soon: the exposure task 😬 #rupture/planned',
    '',
    '- **Opening line:** "I\'ve been thinking about our last session."',
    '',
    '## Notes',
    '',
  ].join('\n'),
  'clients/AB/2026-11-01.md': '## Fee talk (cancellation) #rupture\ntext\n## Long ago, repaired #rupture/repaired\n',
  'clients/AB/undated.md': '---\nclient: AB\n---\n## A story that avoided #rupture/attempted\n',
  'clients/AB/2026-11-24.md': '---\nclient: AB\n---\n## Earlier today #rupture/open\n',
  'clients/CD/2026-11-02.md': '## Closed one #rupture/closed\n',
};

function noteOf(rel: string): ReturnType<typeof parseNote> {
  const parts = rel.split('/');
  return parseNote(NOTES[rel], { path: rel, folderName: parts[parts.length - 2], fileName: parts[parts.length - 1] });
}

function indexOf(paths: readonly string[] = Object.keys(NOTES)): RuptureIndex {
  const index = new RuptureIndex();
  for (const p of paths) index.set(noteOf(p));
  return index;
}

function input(overrides: Partial<ChecklistInput> = {}): ChecklistInput {
  return {
    client: 'AB',
    today: TODAY,
    entries: indexOf().unrepaired('AB'),
    notePath: 'clients/AB/2026-11-24.md',
    noteText: new Map(Object.entries(NOTES)),
    checks: "- [ ] Breathe first.\n- [x] Read last week's note.",
    ...overrides,
  };
}

const UNKIND = /\b(error|failure|failed|overdue|owed|late|violation|return to)\b/i;

describe('checklist: the rupture items', () => {
  it('lists unrepaired ruptures oldest first, undated last, then the checks', () => {
    const shuffled = [...indexOf().unrepaired('AB')].reverse();
    const { items } = buildChecklist(input({ entries: shuffled }));
    assert.deepStrictEqual(
      items.map((i) => [i.kind, i.text]),
      [
        ['rupture', 'Fee talk (cancellation)'],
        ['rupture', 'Too soon: the exposure task 😬'],
        ['rupture', 'Earlier today'],
        ['rupture', 'A story that avoided'],
        ['check', 'Breathe first.'],
        ['check', "Read last week's note."],
      ],
    );
    assert.deepStrictEqual(
      items.map((i) => i.done),
      [false, false, false, false, false, true],
    );
  });

  it('leaves out repaired and closed entries even when given them', () => {
    const all = indexOf().entries();
    const { items } = buildChecklist(input({ entries: all.filter((e) => e.client === 'AB') }));
    assert.ok(!items.some((i) => i.text === 'Long ago, repaired'));
  });

  it('gives the status in plain words and when it was noted, never a count of days', () => {
    const md = renderChecklist(input());
    assert.match(md, /\[Fee talk \(cancellation\)\]\[revisit \d\] \(open, noted 1 Nov\)$/m);
    assert.match(md, /\(repair planned, noted 13 Nov\)$/m);
    assert.match(md, /\[Earlier today\]\[revisit \d\] \(open, noted 24 Nov\)$/m);
    assert.match(md, /\(repair attempted, undated\)$/m);
    assert.doesNotMatch(md, /\bdays?\b/);
    const ages = buildChecklist(input())
      .items.filter((i) => i.kind === 'rupture')
      .map((i) => i.ageDays);
    assert.deepStrictEqual(ages, [23, 11, 0, null]);
    const one = buildChecklist(input({ today: '2026-11-02' })).items[0];
    assert.strictEqual(one.ageDays, 1);
    assert.match(renderChecklist(input({ today: '2027-01-02' })), /\(open, noted 1 Nov 2026\)$/m);
  });

  it('links to each heading relative to the target note, with the anchor VS Code expects', () => {
    const links = buildChecklist(input())
      .items.filter((i) => i.kind === 'rupture')
      .map((i) => i.link);
    assert.deepStrictEqual(links, [
      '2026-11-01.md#fee-talk-cancellation-rupture',
      // "## Notes" comes twice: the rupture heading's slug is unique, the emoji leaves its spaces.
      '2026-11-13.md#too-soon-the-exposure-task--ruptureplanned',
      '#earlier-today-ruptureopen',
      'undated.md#a-story-that-avoided-ruptureattempted',
    ]);
    const md = renderChecklist(input({ notePath: 'clients/AB/2026/2026-11-24.md' }));
    assert.match(md, /^- \[ \] Perhaps revisit: \[Fee talk \(cancellation\)\]\[revisit 1\] /m);
    assert.match(md, /^\[revisit 1\]: \.\.\/2026-11-01\.md#fee-talk-cancellation-rupture$/m);
  });

  it('numbers a duplicate heading in the link, as VS Code does', () => {
    const text = '## Too soon #rupture/open\nfirst\n## Too soon #rupture/open\nsecond\n';
    const note = parseNote(text, { path: 'AB/2026-11-20.md', folderName: 'AB', fileName: '2026-11-20.md' });
    const { items } = buildChecklist(input({ entries: note.entries, notePath: 'AB/2026-11-24.md', noteText: new Map([['AB/2026-11-20.md', text]]) }));
    assert.deepStrictEqual(
      items.filter((i) => i.kind === 'rupture').map((i) => i.link),
      ['2026-11-20.md#too-soon-ruptureopen', '2026-11-20.md#too-soon-ruptureopen-1'],
    );
  });

  it('does not count a heading inside a code fence when numbering', () => {
    const text = '```\n## Too soon #rupture/open\n```\n## Too soon #rupture/open\n';
    const note = parseNote(text, { path: 'AB/n.md', folderName: 'AB', fileName: 'n.md' });
    assert.strictEqual(note.entries.length, 1);
    const { items } = buildChecklist(input({ entries: note.entries, notePath: 'AB/t.md', noteText: (p) => (p === 'AB/n.md' ? text : undefined) }));
    assert.strictEqual(items[0].link, 'n.md#too-soon-ruptureopen');
  });

  it('links to the note alone when its text is unknown, and uses anchors the caller gives', () => {
    const entries = indexOf().unrepaired('AB').slice(0, 1);
    assert.strictEqual(buildChecklist(input({ entries, noteText: undefined })).items[0].link, '2026-11-01.md');
    assert.strictEqual(buildChecklist(input({ entries, noteText: new Map(), anchorFor: () => 'given' })).items[0].link, '2026-11-01.md#given');
  });

  it('quotes the planned opening line beneath its item', () => {
    const md = renderChecklist(input());
    const lines = md.split('\n');
    const at = lines.findIndex((l) => l.includes('Too soon'));
    assert.strictEqual(lines[at + 1], '  > "I\'ve been thinking about our last session."');
    const fee = lines.findIndex((l) => l.includes('Fee talk'));
    assert.ok(lines[fee + 1].startsWith('- [ ] '), 'no quote without an opener');
    const planned = buildChecklist(input()).items.find((i) => i.text.startsWith('Too soon'));
    assert.strictEqual(planned?.entry?.opener, "I've been thinking about our last session.");
  });

  it('escapes brackets in a title so the link holds', () => {
    const text = '## The [fee] talk #rupture\n';
    const note = parseNote(text, { path: 'AB/n.md', folderName: 'AB', fileName: 'n.md' });
    const md = renderChecklist(input({ entries: note.entries, notePath: 'AB/t.md', noteText: new Map([['AB/n.md', text]]) }));
    assert.match(md, /\[The \\\[fee\\\] talk\]\[revisit 1\]/);
    assert.match(md, /^\[revisit 1\]: n\.md#the-fee-talk-rupture$/m);
  });
});

describe('checklist: links that read well (issue 26, item 10)', () => {
  it('shows each rupture by its title, with the destination at the end of the section, and markdown follows it', () => {
    const { markdown, items } = buildChecklist(input());
    const md = new MarkdownIt();
    // What the therapist reads: the title, never a path or an anchor, on the rupture's line.
    for (const line of markdown.split('\n').filter((l) => l.startsWith('- [ ] Perhaps revisit:'))) {
      assert.doesNotMatch(line, /\]\(|\.md|#/, line);
    }
    // What VS Code's markdown makes of it: a link whose text is the title and whose destination is the heading.
    const html = md.render(markdown);
    for (const item of items.filter((i) => i.kind === 'rupture')) {
      const href = md.utils.escapeHtml(md.normalizeLink(item.link ?? ''));
      assert.ok(html.includes(`<a href="${href}">${md.utils.escapeHtml(item.text)}</a>`), `${item.text} links to ${item.link}`);
    }
    // The definitions render as nothing: no raw destination is shown in the preview.
    assert.doesNotMatch(html.replace(/<[^>]*>/g, ''), /revisit \d|\.md#/);
  });

  it('still links when the section goes into a note that defines the same labels further down', () => {
    const { markdown, items } = buildChecklist(input());
    const note = applyEdits('# Session\n\nSee [revisit 1].\n\n[revisit 1]: elsewhere.md\n', [
      checklistInsertEdit('# Session\n\nSee [revisit 1].\n\n[revisit 1]: elsewhere.md\n', markdown),
    ]);
    const md = new MarkdownIt();
    assert.ok(md.render(note).includes(`<a href="${md.normalizeLink(items[0].link ?? '')}">`));
  });
});

describe('checklist: the whole section', () => {
  it('renders the heading, the items, a blank line, then the checks', () => {
    const entries = indexOf().unrepaired('AB').slice(0, 2);
    assert.strictEqual(
      renderChecklist(input({ entries })),
      [
        '## Before the session',
        '',
        SAFETY_FIRST,
        '',
        '- [ ] Perhaps revisit: [Fee talk (cancellation)][revisit 1] (open, noted 1 Nov)',
        '- [ ] Perhaps revisit: [Too soon: the exposure task 😬][revisit 2] (repair planned, noted 13 Nov)',
        '  > "I\'ve been thinking about our last session."',
        '',
        '- [ ] Breathe first.',
        "- [x] Read last week's note.",
        '',
        '[revisit 1]: 2026-11-01.md#fee-talk-cancellation-rupture',
        '[revisit 2]: 2026-11-13.md#too-soon-the-exposure-task--ruptureplanned',
      ].join('\n'),
    );
  });

  it('says warmly that nothing is waiting when there is no repair to make', () => {
    const { markdown, items } = buildChecklist(input({ client: 'CD', entries: indexOf().unrepaired('CD') }));
    assert.strictEqual(
      markdown,
      ['## Before the session', '', SAFETY_FIRST, '', nothingWaitingLine('CD'), '', '- [ ] Breathe first.', "- [x] Read last week's note."].join('\n'),
    );
    assert.strictEqual(nothingWaitingLine('CD'), 'Nothing is waiting for repair with CD right now.');
    assert.deepStrictEqual(
      items.map((i) => i.kind),
      ['check', 'check'],
    );
  });

  it('takes a heading level', () => {
    assert.ok(renderChecklist(input({ level: 3 })).startsWith('### Before the session\n'));
    assert.ok(renderChecklist(input({ level: 9 })).startsWith('###### Before the session\n'));
  });

  it('uses kind words only, and names the client by code alone', () => {
    for (const client of ['AB', 'CD']) {
      const md = renderChecklist(input({ client, entries: indexOf().unrepaired(client), checks: renderChecks(BUILT_IN_TEMPLATES, client, TODAY) }));
      assert.doesNotMatch(md, UNKIND);
    }
    assert.doesNotMatch(nothingWaitingLine('AB'), UNKIND);
  });

  it('uses the built-in checks from the brief by default', () => {
    const checks = renderChecks(BUILT_IN_TEMPLATES, 'AB', TODAY);
    const items = taskItems(checks);
    assert.ok(items.length >= 8);
    assert.ok(items.every((i) => !i.done));
    for (const topic of [
      /own state/i,
      /pacing/i,
      /culture, generation or faith/i,
      /parts/i,
      /feedback/i,
      /thinking and why/i,
      /thank them/i,
      /expectations/i,
      /goals/i,
      /supervision/i,
    ]) {
      assert.ok(
        items.some((i) => topic.test(i.text)),
        `a check about ${topic}`,
      );
    }
  });

  it("takes the clinician's own checks from the workspace template", () => {
    const templates = mergeTemplates([
      { path: '.attune/templates/checklist.md', text: '\uFEFF### For ${CLIENT}\r\n- [ ] Water on the table\r\n- [X] Phone on silent\r\n' },
    ]);
    const checks = renderChecks(templates, 'AB', TODAY);
    assert.strictEqual(checks, '### For AB\n- [ ] Water on the table\n- [X] Phone on silent');
    const { markdown, items } = buildChecklist(input({ entries: [], checks }));
    assert.ok(markdown.endsWith('\n\n### For AB\n- [ ] Water on the table\n- [X] Phone on silent'));
    assert.deepStrictEqual(
      items.map((i) => [i.kind, i.text, i.done]),
      [
        ['check', 'Water on the table', false],
        ['check', 'Phone on silent', true],
      ],
    );
  });

  it('leaves the checks out when the template is empty', () => {
    assert.strictEqual(
      buildChecklist(input({ entries: [], checks: '\n\n' })).markdown,
      `## Before the session\n\n${SAFETY_FIRST}\n\n${nothingWaitingLine('AB')}`,
    );
  });
});

describe('checklist: finding, counting and ticking in a note', () => {
  const NOTE = [
    '---',
    'client: AB',
    '---',
    '# Session',
    '',
    '## Before the session',
    '',
    '- [ ] Return to: [x](a.md#x) (open, 2 days)',
    '  > "opener"',
    '- [x] done one',
    '* [X] done two',
    '1. [ ] numbered',
    '### Sub-heading stays in the section',
    '  - [ ] nested',
    '```',
    '- [x] in a fence',
    '```',
    '- [] not a task',
    '## Check-in',
    '- [x] after the section',
  ].join('\n');

  it('finds an existing section at any level, but not in code or in text', () => {
    assert.ok(hasChecklist(NOTE));
    assert.ok(hasChecklist('### before the session\n'));
    assert.ok(!hasChecklist('```\n## Before the session\n```\n'));
    assert.ok(!hasChecklist('Before the session, breathe.\n## Check-in\n'));
    assert.ok(!hasChecklist(''));
  });

  it('counts the ticked items of the section only', () => {
    assert.deepStrictEqual(checklistProgress(NOTE), { done: 2, total: 5, line: 5 });
    assert.strictEqual(checklistProgress('# Just a note\n- [ ] a\n'), undefined);
    // A section inside a list item: its tasks are read in the item, as the block model reads the whole note (issue 27).
    const nested = '- ## Before the session\n    - [ ] Breathe first\n    - [x] Read last week\n- ## Check-in\n';
    assert.deepStrictEqual(checklistProgress(nested), { done: 1, total: 2, line: 0 });
    assert.deepStrictEqual(
      [1, 2].map((line) => toggleTaskInNote(nested, line)?.newText),
      ['x', ' '],
      'the same lines the toggle reads as tasks',
    );
    assert.strictEqual(progressLabel({ done: 4, total: 11, line: 0 }), '4 of 11 done');
    assert.strictEqual(progressLabel({ done: 0, total: 0, line: 0 }), 'No items yet');
  });

  it('counts what it generated', () => {
    const section = renderChecklist(input({ checks: renderChecks(BUILT_IN_TEMPLATES, 'AB', TODAY) }));
    const note = applyEdits('# Session\n', [checklistInsertEdit('# Session\n', section)]);
    const progress = checklistProgress(note);
    assert.strictEqual(progress?.done, 0);
    assert.strictEqual(progress?.total, buildChecklist(input({ checks: renderChecks(BUILT_IN_TEMPLATES, 'AB', TODAY) })).items.length);
  });

  it('toggles only the character between the brackets', () => {
    assert.deepStrictEqual(toggleTaskEdit('- [ ] Breathe', 7), { line: 7, character: 3, length: 1, newText: 'x' });
    assert.deepStrictEqual(toggleTaskEdit('- [x] Breathe', 7), { line: 7, character: 3, length: 1, newText: ' ' });
    assert.deepStrictEqual(toggleTaskEdit('  * [X] nested', 0), { line: 0, character: 5, length: 1, newText: ' ' });
    assert.deepStrictEqual(toggleTaskEdit('12. [ ] numbered', 0), { line: 0, character: 5, length: 1, newText: 'x' });
    assert.deepStrictEqual(toggleTaskEdit('- [ ]', 0), { line: 0, character: 3, length: 1, newText: 'x' });
  });

  it('toggles a CRLF line and changes one character of the note', () => {
    assert.deepStrictEqual(toggleTaskEdit('- [ ] Breathe\r', 1), { line: 1, character: 3, length: 1, newText: 'x' });
    const note = '# S\r\n- [ ] Breathe\r\n- [x] Water\r\n';
    const ticked = applyEdits(note, [toggleTaskInNote(note, 1)!]);
    assert.strictEqual(ticked, '# S\r\n- [x] Breathe\r\n- [x] Water\r\n');
    const unticked = applyEdits(ticked, [toggleTaskInNote(ticked, 2)!]);
    assert.strictEqual(unticked, '# S\r\n- [x] Breathe\r\n- [ ] Water\r\n');
  });

  it('refuses lines that are not task items', () => {
    for (const line of ['- [] x', '-[ ] x', 'text [ ] x', '- [ ]x', '- [y] x', '    ', '', '> - [ ] quoted']) {
      assert.strictEqual(toggleTaskEdit(line, 0), undefined, line);
    }
    assert.strictEqual(toggleTaskInNote(NOTE, 15), undefined, 'in a fence');
    assert.strictEqual(toggleTaskInNote('---\n- [ ] x\n---\n', 1), undefined, 'in front matter');
    assert.strictEqual(toggleTaskInNote(NOTE, 99), undefined, 'past the end');
  });
});

describe('checklist: where the section goes', () => {
  const SECTION = '## Before the session\n\n- [ ] one';

  it('goes after the front matter, with CRLF line breaks when the note uses them', () => {
    const note = '---\r\nclient: AB\r\n---\r\n\r\n## Check-in\r\n';
    const edit = checklistInsertEdit(note, SECTION);
    assert.deepStrictEqual([edit.line, edit.character, edit.length], [2, 3, 0]);
    const out = applyEdits(note, [edit]);
    assert.strictEqual(out, '---\r\nclient: AB\r\n---\r\n\r\n## Before the session\r\n\r\n- [ ] one\r\n\r\n## Check-in\r\n');
    assert.doesNotMatch(out, /[^\r]\n/);
  });

  it('goes after a first-level title that opens the note', () => {
    const note = '---\nclient: AB\n---\n\n# Session 2026-11-24\n## Check-in\n';
    assert.strictEqual(
      applyEdits(note, [checklistInsertEdit(note, SECTION)]),
      '---\nclient: AB\n---\n\n# Session 2026-11-24\n\n## Before the session\n\n- [ ] one\n\n## Check-in\n',
    );
    const plain = '# Session\n\ntext\n';
    assert.strictEqual(applyEdits(plain, [checklistInsertEdit(plain, SECTION)]), '# Session\n\n## Before the session\n\n- [ ] one\n\ntext\n');
  });

  it('goes on top of a note without front matter or title, after a BOM', () => {
    const note = '\uFEFFSome words.\n';
    const edit = checklistInsertEdit(note, SECTION);
    assert.deepStrictEqual([edit.line, edit.character], [0, 1]);
    assert.strictEqual(applyEdits(note, [edit]), '\uFEFF## Before the session\n\n- [ ] one\n\nSome words.\n');
    assert.strictEqual(applyEdits('## Check-in\n', [checklistInsertEdit('## Check-in\n', SECTION)]), `${SECTION}\n\n## Check-in\n`);
  });

  it('fills an empty note, and ends a note that stops at the front matter', () => {
    assert.strictEqual(applyEdits('', [checklistInsertEdit('', SECTION)]), `${SECTION}\n`);
    assert.strictEqual(applyEdits('---\nclient: AB\n---', [checklistInsertEdit('---\nclient: AB\n---', SECTION)]), `---\nclient: AB\n---\n\n${SECTION}\n`);
  });

  it('is then found, so it is never added twice', () => {
    const note = '---\nclient: AB\n---\n';
    assert.ok(!hasChecklist(note));
    assert.ok(hasChecklist(applyEdits(note, [checklistInsertEdit(note, SECTION)])));
  });
});

describe('checklist: session note file names', () => {
  it('fills in the date tokens', () => {
    assert.strictEqual(sessionNoteFileName('YYYY-MM-DD.md', TODAY), '2026-11-24.md');
    assert.strictEqual(sessionNoteFileName('session DD.MM.YYYY', TODAY), 'session 24.11.2026.md');
    assert.strictEqual(sessionNoteFileName('YYYY/MM-DD.md', TODAY), '2026-11-24.md');
    assert.strictEqual(sessionNoteFileName('  ', TODAY), '2026-11-24.md');
  });

  it("puts today's note beside the client's latest note", () => {
    assert.strictEqual(sessionNotePath('clients/AB/2026-11-13.md', 'YYYY-MM-DD.md', TODAY), 'clients/AB/2026-11-24.md');
    assert.strictEqual(sessionNotePath('top.md', 'YYYY-MM-DD.md', TODAY), '2026-11-24.md');
    assert.strictEqual(sessionNotePath(undefined, 'YYYY-MM-DD.md', TODAY), '2026-11-24.md');
  });
});

describe('checklist: the CLI', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  function folder(files: Readonly<Record<string, string>>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-checklist-'));
    made.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      const full = path.join(dir, ...rel.split('/'));
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
    return dir;
  }

  function cli(argv: readonly string[], cwd: string): { code: number; out: string; err: string } {
    let out = '';
    let err = '';
    const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd, today: TODAY });
    return { code, out, err };
  }

  const FILES: Readonly<Record<string, string>> = {
    'clients/AB/2026-11-13.md': NOTES['clients/AB/2026-11-13.md'],
    'clients/AB/2026-11-01.md': NOTES['clients/AB/2026-11-01.md'],
    'clients/CD/2026-11-02.md': NOTES['clients/CD/2026-11-02.md'],
  };

  it('prints the section for a client, linked from a note beside their latest one', () => {
    const dir = folder(FILES);
    const r = cli(['checklist', '--client', 'AB', dir], '/');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, '');
    const expected = buildChecklist({
      client: 'AB',
      today: TODAY,
      entries: indexOf(['clients/AB/2026-11-13.md', 'clients/AB/2026-11-01.md']).unrepaired('AB'),
      notePath: 'clients/AB/2026-11-24.md',
      noteText: new Map(Object.entries(NOTES)),
      checks: renderChecks(BUILT_IN_TEMPLATES, 'AB', TODAY),
    }).markdown;
    assert.strictEqual(r.out, `${expected}\n`);
    assert.match(r.out, /\[Fee talk \(cancellation\)\]\[revisit 1\] \(open, noted 1 Nov\)/);
    assert.match(r.out, /^\[revisit 1\]: 2026-11-01\.md#fee-talk-cancellation-rupture$/m);
  });

  it('reads DIR relative to the current folder and matches the code regardless of case', () => {
    const dir = folder(FILES);
    const r = cli(['checklist', '--client=ab'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.startsWith(`## Before the session\n\n${SAFETY_FIRST}\n\n- [ ] Perhaps revisit: [Fee talk`));
  });

  it('prints the items as JSON', () => {
    const dir = folder(FILES);
    const r = cli(['checklist', dir, '--client', 'AB', '--json'], '/');
    assert.strictEqual(r.code, 0, r.err);
    const data = JSON.parse(r.out) as { client: string; date: string; items: Record<string, unknown>[] };
    assert.strictEqual(data.client, 'AB');
    assert.strictEqual(data.date, TODAY);
    assert.deepStrictEqual(data.items.slice(0, 2), [
      { kind: 'rupture', text: 'Fee talk (cancellation)', done: false, file: 'clients/AB/2026-11-01.md', line: 1, status: 'open', ageDays: 23 },
      {
        kind: 'rupture',
        text: 'Too soon: the exposure task 😬',
        done: false,
        file: 'clients/AB/2026-11-13.md',
        line: 8,
        status: 'planned',
        ageDays: 11,
        opener: "I've been thinking about our last session.",
      },
    ]);
    assert.ok(data.items.slice(2).every((i) => i.kind === 'check' && i.done === false && typeof i.text === 'string'));
  });

  it('uses the workspace checklist template', () => {
    const dir = folder({ ...FILES, '.attune/templates/checklist.md': '- [ ] Ground myself for ${CLIENT}\n' });
    const r = cli(['checklist', '--client', 'CD', dir], '/');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out, `## Before the session\n\n${SAFETY_FIRST}\n\n${nothingWaitingLine('CD')}\n\n- [ ] Ground myself for CD\n`);
  });

  it('exits 2 for an unknown client, listing the known codes only', () => {
    const dir = folder(FILES);
    const r = cli(['checklist', '--client', 'ZZ', dir], '/');
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.out, '');
    assert.strictEqual(r.err, 'attune: no notes for client "ZZ"; known clients: AB, CD\n');
    assert.doesNotMatch(r.err, /Fee talk|Too soon/);
  });

  it('exits 2 without --client, or with a folder it cannot read', () => {
    const dir = folder(FILES);
    const missing = cli(['checklist', dir], '/');
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /needs --client C; known clients: AB, CD/);
    const gone = cli(['checklist', '--client', 'AB', path.join(dir, 'nope')], '/');
    assert.strictEqual(gone.code, 2);
    assert.match(gone.err, /^attune: cannot read .*nope: it does not exist\n$/);
    assert.strictEqual(cli(['checklist', '--client'], dir).code, 2);
    assert.strictEqual(cli(['checklist', '--client', 'AB', '--bogus'], dir).code, 2);
    assert.strictEqual(cli(['checklist', '--client', 'AB', dir, dir], '/').code, 2);
    const empty = cli(['checklist', '--client', 'AB'], folder({}));
    assert.strictEqual(empty.code, 2);
    assert.match(empty.err, /no client notes were found there/);
  });

  it('is listed in the help', () => {
    const r = cli(['--help'], '/');
    assert.match(r.out, /attune checklist --client C \[DIR\] \[--json\]/);
  });
});
