import * as assert from 'assert';
import { compareEntries, entryAge, RuptureIndex } from '../../src/core/notes/ruptureIndex';
import { groupByClient } from '../../src/core/notes/byClient';
import type { Note } from '../../src/core/notes/note';
import { isStatus, isUnrepaired, LIFECYCLE, STATUS_LABELS, STATUSES, type Status } from '../../src/core/notes/status';

/** Where the lifecycle's steps from `status` lead, in the order offered. */
const stepsTo = (status: Status): Status[] => LIFECYCLE[status].map((step) => step.to);
import { parse } from './helpers';

function note(file: string, text: string): Note {
  return parse(text, file);
}

function fill(): RuptureIndex {
  const index = new RuptureIndex();
  index.set(note('AB/2026-11-10.md', '## Fee #rupture/planned\n## Too soon #rupture/repaired\n'));
  index.set(note('AB/2026-11-03.md', '## Metaphor #rupture\n'));
  index.set(note('CD/2026-11-12.md', '## Agenda #rupture/attempted\n## Quiet #rupture/closed\n'));
  index.set(note('CD/notes.md', '## Undated #rupture/open\n'));
  index.set(note('EF/2026-11-01.md', '# A good session\n'));
  return index;
}

describe('status', () => {
  it('knows the six statuses in lifecycle order', () => {
    assert.deepStrictEqual([...STATUSES], ['open', 'planned', 'attempted', 'held', 'repaired', 'closed']);
    assert.ok(isStatus('planned'));
    assert.ok(!isStatus('Planned'));
    assert.ok(!isStatus('later'));
  });

  it('counts open, planned and attempted as unrepaired', () => {
    assert.deepStrictEqual(STATUSES.filter(isUnrepaired), ['open', 'planned', 'attempted']);
  });

  it('has a plain label for each status', () => {
    assert.strictEqual(STATUS_LABELS.closed, 'closed without repair');
    for (const s of STATUSES) assert.ok(STATUS_LABELS[s].length > 0);
  });

  it('offers from every status a step to another one; only an attempt can follow an attempt', () => {
    for (const s of STATUSES) {
      const next = stepsTo(s);
      assert.ok(
        next.some((to) => to !== s),
        s,
      );
      assert.ok(!next.includes(s) || s === 'attempted', s);
    }
    assert.deepStrictEqual(stepsTo('repaired'), ['open']);
  });
});

describe('compareEntries and entryAge', () => {
  it('orders by date (undated last), then path, then line', () => {
    const all = [
      ...note('b/2026-11-10.md', '## x #rupture\n## y #rupture\n').entries,
      ...note('a/2026-11-10.md', '## z #rupture\n').entries,
      ...note('a/undated.md', '## u #rupture\n').entries,
      ...note('z/2026-11-01.md', '## first #rupture\n').entries,
    ];
    assert.deepStrictEqual(
      [...all].sort(compareEntries).map((e) => e.title),
      ['first', 'z', 'x', 'y', 'u'],
    );
  });

  it('gives the age in days, or null for an undated note', () => {
    const [dated] = note('a/2026-11-10.md', '## x #rupture').entries;
    const [undated] = note('a/x.md', '## x #rupture').entries;
    assert.strictEqual(entryAge(dated, '2026-11-20'), 10);
    assert.strictEqual(entryAge(undated, '2026-11-20'), null);
  });
});

describe('RuptureIndex', () => {
  it('lists unrepaired entries in reading order', () => {
    assert.deepStrictEqual(
      fill()
        .unrepaired()
        .map((e) => [e.path, e.title, e.status]),
      [
        ['AB/2026-11-03.md', 'Metaphor', 'open'],
        ['AB/2026-11-10.md', 'Fee', 'planned'],
        ['CD/2026-11-12.md', 'Agenda', 'attempted'],
        ['CD/notes.md', 'Undated', 'open'],
      ],
    );
  });

  it("lists one client's unrepaired entries", () => {
    assert.deepStrictEqual(
      fill()
        .unrepaired('CD')
        .map((e) => e.title),
      ['Agenda', 'Undated'],
    );
    assert.deepStrictEqual(fill().unrepaired('nobody'), []);
  });

  it('lists every entry', () => {
    assert.deepStrictEqual(
      fill()
        .entries()
        .map((e) => e.title),
      ['Metaphor', 'Fee', 'Too soon', 'Agenda', 'Quiet', 'Undated'],
    );
  });

  it('groups entries by client in alphabetical order', () => {
    const groups = groupByClient(fill().entries());
    assert.deepStrictEqual([...groups.keys()], ['AB', 'CD']);
    assert.deepStrictEqual(
      groups.get('AB')?.map((e) => e.title),
      ['Metaphor', 'Fee', 'Too soon'],
    );
    const index = fill();
    assert.deepStrictEqual(
      [...groupByClient(index.unrepaired()).entries()].map(([c, list]) => [c, list.length]),
      [
        ['AB', 2],
        ['CD', 2],
      ],
    );
  });

  it('counts entries by status', () => {
    assert.deepStrictEqual(fill().counts(), { open: 2, planned: 1, attempted: 1, held: 0, repaired: 1, closed: 1 });
    assert.deepStrictEqual(new RuptureIndex().counts(), { open: 0, planned: 0, attempted: 0, held: 0, repaired: 0, closed: 0 });
  });

  it('knows every client with a note, even one without ruptures, most recent first', () => {
    assert.deepStrictEqual(fill().clients(), [
      { client: 'CD', lastDate: '2026-11-12', notes: 2, unrepaired: 2 },
      { client: 'AB', lastDate: '2026-11-10', notes: 2, unrepaired: 2 },
      { client: 'EF', lastDate: '2026-11-01', notes: 1, unrepaired: 0 },
    ]);
  });

  it('puts clients without dated notes last, and leaves out notes without a client', () => {
    const index = new RuptureIndex();
    index.set(note('ZZ/notes.md', ''));
    index.set(note('AA/notes.md', ''));
    index.set(note('YY/2026-01-01.md', ''));
    index.set(note('loose.md', '## no client #rupture'));
    assert.deepStrictEqual(
      index.clients().map((c) => c.client),
      ['YY', 'AA', 'ZZ'],
    );
  });

  it("lists a client's notes, most recent first", () => {
    assert.deepStrictEqual(
      fill()
        .notesOf('AB')
        .map((n) => n.path),
      ['AB/2026-11-10.md', 'AB/2026-11-03.md'],
    );
    assert.deepStrictEqual(
      fill()
        .notesOf('CD')
        .map((n) => n.path),
      ['CD/2026-11-12.md', 'CD/notes.md'],
    );
  });

  it("keeps a client's notes up to date through every change of the index, and hands out a list of its own", () => {
    const index = fill();
    const paths = (client: string): string[] => index.notesOf(client).map((n) => n.path);
    index.notesOf('AB').pop();
    assert.deepStrictEqual(paths('AB'), ['AB/2026-11-10.md', 'AB/2026-11-03.md'], 'a caller changing its list changes nothing');
    index.set(note('AB/2026-11-17.md', '# Session\n'));
    assert.deepStrictEqual(paths('AB'), ['AB/2026-11-17.md', 'AB/2026-11-10.md', 'AB/2026-11-03.md']);
    index.delete('AB/2026-11-10.md');
    assert.deepStrictEqual(paths('AB'), ['AB/2026-11-17.md', 'AB/2026-11-03.md']);
    index.deleteUnder('AB/');
    assert.deepStrictEqual(paths('AB'), []);
    assert.deepStrictEqual(
      index
        .clientNotes('CD')
        .map((n) => n.path)
        .sort(),
      ['CD/2026-11-12.md', 'CD/notes.md'],
    );
    index.clear();
    assert.deepStrictEqual(paths('CD'), []);
    assert.deepStrictEqual(index.clientNotes('CD'), []);
  });

  it('replaces a changed note', () => {
    const index = fill();
    const before = index.revision;
    index.set(note('AB/2026-11-10.md', '## Fee #rupture/repaired\n'));
    assert.ok(index.revision > before);
    assert.strictEqual(index.noteCount, 5);
    assert.deepStrictEqual(
      index.unrepaired('AB').map((e) => e.title),
      ['Metaphor'],
    );
    assert.strictEqual(index.get('AB/2026-11-10.md')?.entries.length, 1);
  });

  it('moves a note to another client when its front matter changes', () => {
    const index = fill();
    index.set(note('CD/notes.md', '---\nclient: AB\n---\n## Undated #rupture\n'));
    assert.deepStrictEqual(
      index.unrepaired('AB').map((e) => e.title),
      ['Metaphor', 'Fee', 'Undated'],
    );
    assert.deepStrictEqual(
      index.unrepaired('CD').map((e) => e.title),
      ['Agenda'],
    );
  });

  it('forgets a removed note, and says whether it knew it', () => {
    const index = fill();
    const before = index.revision;
    assert.strictEqual(index.delete('AB/2026-11-03.md'), true);
    assert.ok(index.revision > before);
    const after = index.revision;
    assert.strictEqual(index.delete('AB/2026-11-03.md'), false);
    assert.strictEqual(index.revision, after);
    assert.strictEqual(index.get('AB/2026-11-03.md'), undefined);
    assert.deepStrictEqual(
      index.unrepaired('AB').map((e) => e.title),
      ['Fee'],
    );
  });

  it('forgets the notes of a removed folder', () => {
    const index = fill();
    assert.strictEqual(index.deleteUnder('CD/'), 2);
    assert.deepStrictEqual([...index.paths()].sort(), ['AB/2026-11-03.md', 'AB/2026-11-10.md', 'EF/2026-11-01.md']);
    const rev = index.revision;
    assert.strictEqual(index.deleteUnder('nowhere/'), 0);
    assert.strictEqual(index.revision, rev);
  });

  it('clears everything', () => {
    const index = fill();
    index.clear();
    assert.strictEqual(index.noteCount, 0);
    assert.deepStrictEqual(index.entries(), []);
    assert.deepStrictEqual(index.clients(), []);
  });
});

describe('lifecycle table', () => {
  it('offers holding from open, planned and attempted, and from held: plan, close, reopen', () => {
    for (const s of ['open', 'planned', 'attempted'] as const) assert.ok(stepsTo(s).includes('held'), s);
    assert.deepStrictEqual(stepsTo('held'), ['planned', 'closed', 'open']);
    assert.ok(!isUnrepaired('held'));
    assert.strictEqual(STATUS_LABELS.held, 'waiting at their pace');
  });

  it('gives every step a command the extension declares', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require('../../../package.json') as { contributes: { commands: { command: string }[] } };
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const steps of Object.values(LIFECYCLE)) for (const step of steps) assert.ok(declared.has(step.command), step.command);
  });
});
