import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildChecklist, HELD_LINE, taskItems } from '../../src/core/checklist/checklist';
import { formatNoted } from '../../src/core/notes/dates';
import { applyEdits, statusEdit } from '../../src/core/notes/edits';
import { RuptureIndex } from '../../src/core/notes/ruptureIndex';
import { mendedLine } from '../../src/core/notes/mended';
import { LIFECYCLE, ruptureContextValue, STATUSES, STEPS, type Status } from '../../src/core/notes/status';
import { cli, parse, TempDirs, TODAY } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { menus: Record<string, { command: string; when?: string; group?: string }[]> };
};

/** Evaluates the `when` clauses the view's menus use: `a == b`, `a =~ /re/`, joined by `&&`. */
function when(clause: string | undefined, context: Readonly<Record<string, string>>): boolean {
  if (!clause) return true;
  return clause.split(/\s*&&\s*/).every((part) => {
    const eq = /^(\w+) == (\S+)$/.exec(part);
    if (eq) return context[eq[1]] === eq[2];
    const re = /^(\w+) =~ \/(.*)\/$/.exec(part);
    if (re) return new RegExp(re[2]).test(context[re[1]] ?? '');
    throw new Error(`a when clause this test cannot read: ${part}`);
  });
}

const STEP_COMMANDS: readonly string[] = Object.values(STEPS).map((s) => s.command);

function offered(status: Status, group: RegExp): string[] {
  const context = { view: 'attune.unrepaired', viewItem: ruptureContextValue(status) };
  return manifest.contributes.menus['view/item/context']
    .filter((m) => STEP_COMMANDS.includes(m.command) && group.test(m.group ?? '') && when(m.when, context))
    .map((m) => m.command);
}

describe('the lifecycle table and the view menus', () => {
  it('gives each status its context value in the view', () => {
    assert.deepStrictEqual(
      STATUSES.map(ruptureContextValue),
      STATUSES.map((s) => `attune.rupture.${s}`),
    );
  });

  it("offers in each rupture's right-click menu exactly the steps of the table", () => {
    for (const status of STATUSES) {
      const expected = LIFECYCLE[status].map((s) => s.command).sort();
      assert.deepStrictEqual(offered(status, /^1_lifecycle@/).sort(), expected, status);
    }
    assert.deepStrictEqual(offered('held', /^1_lifecycle@/).sort(), ['attune.closeWithoutRepair', 'attune.planRepair', 'attune.reopen']);
    for (const status of ['open', 'planned', 'attempted'] as const) assert.ok(offered(status, /^1_lifecycle@/).includes('attune.holdAtTheirPace'), status);
  });

  it("puts each status's first step, and only that one, inline", () => {
    for (const status of STATUSES) assert.deepStrictEqual(offered(status, /^inline@/), [LIFECYCLE[status][0].command], status);
  });

  it('declares every step command, and the guide beside every rupture that is not finished', () => {
    const declared = (manifest.contributes as unknown as { commands: { command: string }[] }).commands.map((c) => c.command);
    for (const command of [...STEP_COMMANDS, 'attune.showRepairGuide', 'attune.insertInSessionRepair']) assert.ok(declared.includes(command), command);
    for (const status of STATUSES) {
      const context = { view: 'attune.unrepaired', viewItem: ruptureContextValue(status) };
      const guide = manifest.contributes.menus['view/item/context'].some((m) => m.command === 'attune.showRepairGuide' && when(m.when, context));
      assert.strictEqual(guide, status !== 'repaired' && status !== 'closed', status);
    }
  });
});

const HELD_NOTES = {
  'AB/2026-11-10.md': '# Session\n\n## Too deep too soon #rupture/held\n\n- **Opening line:** "Can we go back?"\n\n## The fee #rupture/open\n',
  'AB/2026-11-12.md': '## Too deep too soon #rupture/held\n',
};

describe("held: waiting at the client's pace", () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('is known, not unrepaired, and kept apart in the index', () => {
    const index = new RuptureIndex();
    for (const [file, text] of Object.entries(HELD_NOTES)) index.set(parse(text, file));
    assert.deepStrictEqual(
      index.unrepaired('AB').map((e) => e.title),
      ['The fee'],
    );
    assert.deepStrictEqual(
      index.held('AB').map((e) => [e.title, e.status]),
      [
        ['Too deep too soon', 'held'],
        ['Too deep too soon', 'held'],
      ],
    );
    assert.strictEqual(index.clients()[0].unrepaired, 1, 'held is not counted');
  });

  it('is left out of `attune list` unless --all, and `attune set` holds and un-holds', () => {
    const dir = temp.make(HELD_NOTES);
    const rows = (args: string[]): [string, string][] =>
      (JSON.parse(cli(['list', '--json', ...args], dir).out) as { title: string; status: string }[]).map((r) => [r.title, r.status]);
    assert.deepStrictEqual(rows([]), [['The fee', 'open']]);
    assert.deepStrictEqual(rows(['--all']).filter(([, s]) => s === 'held').length, 2);
    const set = cli(['set', 'AB/2026-11-10.md:7', 'held'], dir);
    assert.strictEqual(set.code, 0, set.err);
    assert.strictEqual(
      fs.readFileSync(path.join(dir, 'AB', '2026-11-10.md'), 'utf8'),
      HELD_NOTES['AB/2026-11-10.md'].replace('The fee #rupture/open', 'The fee #rupture/held'),
    );
    assert.deepStrictEqual(rows([]), []);
    assert.strictEqual(cli(['set', 'AB/2026-11-10.md:3', 'planned'], dir).code, 0);
    assert.deepStrictEqual(rows([]), [['Too deep too soon', 'planned']]);
  });

  it('is listed in the checklist once, by title, with no task box, opening line or date, and is not an item', () => {
    const index = new RuptureIndex();
    for (const [file, text] of Object.entries(HELD_NOTES)) index.set(parse(text, file));
    const { markdown, items } = buildChecklist({
      client: 'AB',
      today: TODAY,
      entries: index.unrepaired('AB'),
      held: index.held('AB'),
      notePath: 'AB/2026-11-20.md',
      checks: '- [ ] Breathe first.',
    });
    const lines = markdown.split('\n');
    const at = lines.indexOf(HELD_LINE);
    assert.ok(at > 0, markdown);
    assert.strictEqual(HELD_LINE, 'Only if they bring it up (waiting at their pace):');
    assert.deepStrictEqual(lines.slice(at, at + 4), [HELD_LINE, '', '- Too deep too soon', '']);
    assert.strictEqual(markdown.split('Too deep too soon').length, 2, 'the title once');
    assert.doesNotMatch(markdown, /Can we go back/, 'no opening line for a held rupture');
    assert.deepStrictEqual(
      items.map((i) => [i.kind, i.text]),
      [
        ['rupture', 'The fee'],
        ['check', 'Breathe first.'],
      ],
    );
    assert.strictEqual(taskItems(markdown).length, 2);
    assert.match(markdown, /^- \[ \] Perhaps revisit: \[The fee\]\[revisit 1\] \(open, noted 10 Nov\)$/m);
    assert.match(markdown, /^\[revisit 1\]: 2026-11-10\.md$/m);
  });

  it('sets and reopens through the tag alone', () => {
    const text = '## Fee #rupture/planned\n';
    const [entry] = parse(text).entries;
    const held = applyEdits(text, [statusEdit(entry, 'held')!]);
    assert.strictEqual(held, '## Fee #rupture/held\n');
    assert.strictEqual(applyEdits(held, [statusEdit(parse(held).entries[0], 'open')!]), '## Fee #rupture/open\n');
  });
});

describe('no scores', () => {
  it('says when a rupture was noted, never how many days ago', () => {
    assert.strictEqual(formatNoted('2026-10-30', '2026-11-20'), 'noted 30 Oct');
    assert.strictEqual(formatNoted('2025-12-01', '2026-01-04'), 'noted 1 Dec 2025');
    assert.strictEqual(formatNoted(null, TODAY), 'undated');
  });

  it('adds what told me it is mended, dated, at the end of the section: under a list, or after a blank line', () => {
    const text = '## Fee #rupture/attempted\r\n\r\n- **How it landed:** softer\r\n\r\n## Next\r\n';
    const [entry] = parse(text).entries;
    const edit = mendedLine(text, entry, '  she laughed about it\nlater ', '2026-11-29');
    assert.ok(edit);
    assert.strictEqual(
      applyEdits(text, [statusEdit(entry, 'repaired')!, edit]),
      '## Fee #rupture/repaired\r\n\r\n- **How it landed:** softer\r\n- **What told me it is mended:** she laughed about it later (2026-11-29)\r\n\r\n## Next\r\n',
    );
    const bare = '## Fee #rupture\n';
    const [b] = parse(bare).entries;
    assert.strictEqual(
      applyEdits(bare, [mendedLine(bare, b, 'it felt easy', '2026-11-29')!]),
      '## Fee #rupture\n\n- **What told me it is mended:** it felt easy (2026-11-29)\n',
    );
    assert.strictEqual(mendedLine(bare, b, '   ', '2026-11-29'), undefined, 'nothing typed adds nothing');
    const [read] = parse(applyEdits(text, [edit])).entries;
    assert.ok(read.fields.some((f) => f.label === 'What told me it is mended' && f.value === 'she laughed about it later (2026-11-29)'));
  });
});
