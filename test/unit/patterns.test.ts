// Issue 13: patterns, the aggregation behind `attune patterns` and the Show Patterns panel.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { NOT_FILLED_IN } from '../../src/core/notes/fields';
import type { Note } from '../../src/core/notes/note';
import { compareCodePoints, entriesWith, median, patterns, periodStart, returnDistribution, summaryMarkdown } from '../../src/core/patterns/patterns';
import { STATUSES, type Status } from '../../src/core/notes/status';
import { parse } from './helpers';

interface GenEntry {
  readonly status?: Status;
  readonly kind?: string;
  readonly part?: string;
  readonly markers?: string;
  /** Follow-up headings written under the entry, such as `Repair attempt, 2026-01-05`. */
  readonly followUps?: readonly string[];
}

/** A generated note: front matter with client and date (when given), then its entries. */
function note(file: string, opts: { client?: string; date?: string; entries?: readonly GenEntry[] }): Note {
  const lines: string[] = ['---'];
  if (opts.client !== undefined) lines.push(`client: ${opts.client}`);
  if (opts.date !== undefined) lines.push(`date: ${opts.date}`);
  lines.push('---', '# Session', '', 'We talked about the week.', '');
  (opts.entries ?? []).forEach((e, i) => {
    lines.push(`## Entry ${i} #rupture/${e.status ?? 'open'}`, '');
    if (e.kind !== undefined) lines.push(`- **Kind of miss:** ${e.kind}`);
    if (e.markers !== undefined) lines.push(`- **Markers:** ${e.markers}`);
    if (e.part !== undefined) lines.push(`- **The part of me that led:** ${e.part}`);
    for (const f of e.followUps ?? []) lines.push('', `### ${f}`, '', '- **What I said:** something');
    lines.push('');
  });
  // No folder: a note's client comes from its front matter only.
  return parse(lines.join('\n'), file.includes('/') ? file : `x/${file}`);
}

describe('patterns (issue 13)', () => {
  describe('what counts', () => {
    const notes = [
      note('a/2025-08-31.md', { client: 'A', date: '2025-08-31', entries: [{ status: 'open' }] }),
      note('a/2025-09-01.md', { client: 'A', date: '2025-09-01', entries: [{ status: 'repaired' }, { status: 'closed' }] }),
      note('b/2025-09-30.md', { client: 'B', date: '2025-09-30', entries: [{ status: 'held' }] }),
      note('b/2025-10-01.md', { client: 'B', date: '2025-10-01' }),
      note('b/intake.md', { client: 'B', entries: [{ status: 'planned' }] }),
    ];

    it('counts every note and every entry, of every status, without --since/--until', () => {
      const p = patterns(notes);
      assert.strictEqual(p.sessions, 5);
      assert.strictEqual(p.ruptures, 5);
      assert.deepStrictEqual(p.byStatus, { open: 1, planned: 1, attempted: 0, held: 1, repaired: 1, closed: 1 });
    });

    it('counts a session only when its note holds writing beyond the template and the checklist', () => {
      const prepared = [
        '---',
        'client: B',
        'date: 2025-10-08',
        '---',
        '',
        '# Session 2025-10-08',
        '',
        '## Before the session',
        '',
        '- [ ] Perhaps revisit: [Too soon](2025-09-30.md#too-soon) (repair planned, noted 30 Sep)',
        '  > "I have been thinking about last time."',
        '',
        '## Check-in',
        '',
        '',
        '## Between us',
        '',
        '- **Feedback I asked for, and what I heard:** ',
        '- **Anything that felt off between us:** (not filled in)',
        '  _A hint in italics._',
        '',
        '## Next time',
        '',
      ].join('\n');
      const held = prepared.replace('## Check-in\n\n', '## Check-in\n\nShe arrived late and laughed about the traffic.\n');
      const p = patterns([parse(prepared, 'b/2025-10-08.md'), parse('', 'b/2025-10-09.md'), parse(held, 'b/2025-10-10.md')]);
      assert.strictEqual(p.sessions, 1, 'only the note written in is a session');
    });

    it('lists every status Attune knows in byStatus, zeros included, in its order', () => {
      assert.deepStrictEqual(Object.keys(patterns([]).byStatus), [...STATUSES]);
      assert.deepStrictEqual(Object.values(patterns([]).byStatus), [0, 0, 0, 0, 0, 0]);
    });

    it('keeps notes dated within the range, both ends inclusive, and leaves undated notes out', () => {
      const p = patterns(notes, { since: '2025-09-01', until: '2025-09-30' });
      assert.strictEqual(p.sessions, 2);
      assert.strictEqual(p.ruptures, 3);
      assert.deepStrictEqual(p.byStatus, { open: 0, planned: 0, attempted: 0, held: 1, repaired: 1, closed: 1 });
    });

    it('leaves undated notes out with --since alone and with --until alone', () => {
      assert.strictEqual(patterns(notes, { since: '2025-09-30' }).sessions, 2);
      assert.strictEqual(patterns(notes, { until: '2025-08-31' }).sessions, 1);
      assert.strictEqual(patterns(notes, { until: '2025-08-30' }).sessions, 0);
    });

    it("keeps only one client's notes with --client (any case), undated ones included when no range is given", () => {
      const p = patterns(notes, { client: 'b' });
      assert.strictEqual(p.sessions, 3);
      assert.strictEqual(p.ruptures, 2);
      assert.deepStrictEqual(p.byClient, [{ client: 'B', sessions: 3, ruptures: 2, unrepaired: 1 }]);
      assert.strictEqual(patterns(notes, { client: 'Z' }).sessions, 0);
    });
  });

  describe('kinds, parts and markers', () => {
    it('normalises values: lower case, trimmed, runs of white space as one', () => {
      const p = patterns([note('a/1.md', { entries: [{ kind: '  Too   Deep\ttoo soon ' }, { kind: 'too deep too soon' }, { kind: 'TOO DEEP TOO SOON' }] })]);
      assert.deepStrictEqual(p.byKind, [{ value: 'too deep too soon', key: 'too-deep-too-soon', count: 3, unrepaired: 3, repaired: 0, closed: 0 }]);
    });

    it('keeps a kind whole, cuts a part at its first comma, a marker at its first comma or " ("', () => {
      const p = patterns([
        note('a/1.md', {
          entries: [
            { kind: 'advice, pressed', part: 'Helper, wanting to connect, and soothe', markers: 'withdrawal (moving away), and more' },
            { part: 'helper', markers: 'my own reaction (defensive, irritated, rushing)' },
            { part: 'fixer (mostly)', markers: 'confrontation, then quiet' },
          ],
        }),
      ]);
      assert.deepStrictEqual(
        p.byKind.map((r) => r.value),
        ['advice, pressed'],
      );
      assert.deepStrictEqual(
        p.byPart.map((r) => [r.value, r.count]),
        [
          ['helper', 2],
          ['fixer (mostly)', 1],
        ],
      );
      assert.deepStrictEqual(
        p.byMarker.map((r) => [r.value, r.count]),
        [
          ['confrontation', 1],
          ['my own reaction', 1],
          ['withdrawal', 1],
        ],
      );
    });

    it('leaves out an entry whose field is missing, empty or the neutral "not filled in" choice', () => {
      const p = patterns([
        note('a/1.md', {
          entries: [
            { kind: '' },
            { kind: NOT_FILLED_IN },
            { kind: '  (Not  Filled In) ' },
            {},
            { kind: 'my agenda over theirs', part: ', wanting to help', markers: ', withdrawal' },
          ],
        }),
      ]);
      assert.deepStrictEqual(
        p.byKind.map((r) => r.value),
        ['my agenda over theirs'],
      );
      assert.deepStrictEqual(p.byPart, []);
      assert.deepStrictEqual(p.byMarker, []);
      assert.strictEqual(p.ruptures, 5);
    });

    it("reads the first field with the label in the entry's section", () => {
      const n = parse('## One #rupture\n- **kind of MISS:** first\n- **Kind of miss:** second\n', 'a/1.md');
      assert.deepStrictEqual(
        patterns([n]).byKind.map((r) => r.value),
        ['first'],
      );
      // Labels compare in any case and spacing; an empty first field is still the first one.
      const m = parse('## One #rupture\n- **Kind  OF miss:** \n- **Kind of miss:** second\n- **MARKERS:** withdrawal\n', 'a/2.md');
      assert.deepStrictEqual(patterns([m]).byKind, []);
      assert.deepStrictEqual(
        patterns([m]).byMarker.map((r) => r.value),
        ['withdrawal'],
      );
    });

    it('splits each value by outcome: unrepaired (open, planned, attempted), repaired, closed; held in none', () => {
      const kind = 'too deep too soon';
      const p = patterns([
        note('a/1.md', {
          entries: (['open', 'planned', 'attempted', 'held', 'repaired', 'repaired', 'closed'] as const).map((status) => ({ status, kind })),
        }),
      ]);
      assert.deepStrictEqual(p.byKind, [{ value: kind, key: 'too-deep-too-soon', count: 7, unrepaired: 3, repaired: 2, closed: 1 }]);
    });

    it('sorts by count, largest first, then by value in code-point order', () => {
      const kinds = ['b', 'a', 'B', '\u{1F600}', '\uFF5E', 'b', '\u{1F600}'];
      const p = patterns([note('a/1.md', { entries: kinds.map((kind) => ({ kind })) })]);
      // "B" counts as "b". U+1F600 sorts after U+FF5E by code point, though its first UTF-16
      // unit (U+D83D) is smaller.
      assert.deepStrictEqual(
        p.byKind.map((r) => [r.value, r.count]),
        [
          ['b', 3],
          ['\u{1F600}', 2],
          ['a', 1],
          ['\uFF5E', 1],
        ],
      );
    });
  });

  describe('clients and months', () => {
    it('lists every counted client in code-point order with sessions, ruptures and unrepaired', () => {
      const p = patterns([
        note('x/1.md', { client: 'b', date: '2026-01-01', entries: [{ status: 'open' }, { status: 'repaired' }] }),
        note('x/2.md', { client: 'B', date: '2026-01-02', entries: [{ status: 'held' }] }),
        note('x/3.md', { client: 'A', date: '2026-01-03' }),
        note('x/4.md', { client: 'b', date: '2026-01-04', entries: [{ status: 'attempted' }] }),
      ]);
      assert.deepStrictEqual(p.byClient, [
        { client: 'A', sessions: 1, ruptures: 0, unrepaired: 0 },
        { client: 'B', sessions: 1, ruptures: 1, unrepaired: 0 },
        { client: 'b', sessions: 2, ruptures: 3, unrepaired: 2 },
      ]);
    });

    it('covers every month from the earliest to the latest dated note, empty months as zeros, across a year end', () => {
      const p = patterns([
        note('x/1.md', { date: '2025-11-30', entries: [{}, {}] }),
        note('x/2.md', { date: '2026-02-01', entries: [{}] }),
        note('x/3.md', { date: '2026-02-28' }),
        note('x/4.md', { entries: [{}] }),
      ]);
      assert.deepStrictEqual(p.byMonth, [
        { month: '2025-11', sessions: 1, ruptures: 2 },
        { month: '2025-12', sessions: 0, ruptures: 0 },
        { month: '2026-01', sessions: 0, ruptures: 0 },
        { month: '2026-02', sessions: 2, ruptures: 1 },
      ]);
      // The undated note counts in the totals but in no month.
      assert.strictEqual(p.sessions, 4);
      assert.strictEqual(p.ruptures, 4);
    });

    it('has no months when no counted note is dated', () => {
      assert.deepStrictEqual(patterns([note('x/1.md', { entries: [{}] })]).byMonth, []);
    });
  });

  describe('first return', () => {
    it("measures from the note's date to the earliest attempt by date, whatever the written order", () => {
      const p = patterns([
        note('x/1.md', {
          date: '2026-01-10',
          entries: [{ followUps: ['Repair plan, 2026-01-11', 'Repair attempt, 2026-01-30', 'Repair attempt, 2026-01-15'] }],
        }),
      ]);
      assert.deepStrictEqual(p.firstReturn, { count: 1, medianDays: 5 });
    });

    it('takes the median, the mean of the two middle values when the count is even', () => {
      const at = (date: string, attempt: string, file: string): Note => note(file, { date, entries: [{ followUps: [`Repair attempt, ${attempt}`] }] });
      const odd = [at('2026-01-01', '2026-01-02', 'x/1.md'), at('2026-01-01', '2026-01-11', 'x/2.md'), at('2026-01-01', '2026-01-04', 'x/3.md')];
      assert.deepStrictEqual(patterns(odd).firstReturn, { count: 3, medianDays: 3 });
      const even = [...odd, at('2026-01-01', '2026-02-01', 'x/4.md')];
      assert.deepStrictEqual(patterns(even).firstReturn, { count: 4, medianDays: 6.5 });
    });

    it('is null with a count of 0 when no entry has an attempt; plans, closings and undated notes do not count', () => {
      const p = patterns([
        note('x/1.md', { date: '2026-01-01', entries: [{ followUps: ['Repair plan, 2026-01-05', 'Closing without repair, 2026-01-06'] }] }),
        note('x/2.md', { entries: [{ followUps: ['Repair attempt, 2026-01-05'] }] }),
      ]);
      assert.deepStrictEqual(p.firstReturn, { count: 0, medianDays: null });
    });

    it('counts only entries of counted notes', () => {
      const notes = [
        note('x/1.md', { date: '2026-01-01', entries: [{ followUps: ['Repair attempt, 2026-01-03'] }] }),
        note('x/2.md', { date: '2026-03-01', entries: [{ followUps: ['Repair attempt, 2026-03-11'] }] }),
      ];
      assert.deepStrictEqual(patterns(notes, { since: '2026-02-01' }).firstReturn, { count: 1, medianDays: 10 });
    });

    it('median agrees with sorting and picking the middle', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: -50, max: 500 }), { minLength: 1, maxLength: 40 }), (xs) => {
          const s = [...xs].sort((a, b) => a - b);
          const n = s.length;
          const expected = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
          return median(xs) === expected;
        }),
      );
      assert.strictEqual(median([]), null);
    });
  });

  describe('helpers for the panel', () => {
    it('lists the entries behind one bar', () => {
      const n = note('x/1.md', { entries: [{ kind: 'A' }, { kind: 'b' }, { kind: ' a ' }] });
      assert.deepStrictEqual(
        entriesWith([n], 'kind', 'a').map((e) => e.title),
        ['Entry 0', 'Entry 2'],
      );
    });

    it('starts a period the same day some months back, kept within shorter months', () => {
      assert.strictEqual(periodStart('2026-11-20', 3), '2026-08-20');
      assert.strictEqual(periodStart('2026-02-15', 12), '2025-02-15');
      assert.strictEqual(periodStart('2026-05-31', 3), '2026-02-28');
      assert.strictEqual(periodStart('2026-01-10', 6), '2025-07-10');
    });

    it('writes a markdown summary of the counts that never names a client', () => {
      const p = patterns([note('x/1.md', { client: 'Q.Z.', date: '2026-01-01', entries: [{ kind: 'too deep too soon', status: 'repaired' }] })], {
        client: 'Q.Z.',
      });
      const md = summaryMarkdown(p, { client: 'Q.Z.', since: '2025-12-01' });
      assert.match(md, /^## Rupture patterns\n\n1 rupture noted across 1 session since 2025-12-01\./);
      assert.match(md, /\| too deep too soon \| 1 \| 1 \| 0 \| 0 \|/);
      assert.ok(!md.includes('Q.Z.'));
    });

    it('compares by code point', () => {
      assert.ok(compareCodePoints('\u{1F600}', '\uFF5E') > 0);
      assert.ok(compareCodePoints('a', 'ab') < 0);
      assert.strictEqual(compareCodePoints('x', 'x'), 0);
    });
  });
});

describe('days to a first return, as a distribution (issue 13)', () => {
  it('groups days into bars, with "before the session" only when needed', () => {
    assert.deepStrictEqual(
      returnDistribution([0, 1, 3, 4, 7, 8, 14, 15, 30, 31, 400]).map((b) => [b.label, b.count]),
      [
        ['the same day', 1],
        ['1 to 3 days', 2],
        ['4 to 7 days', 2],
        ['8 to 14 days', 2],
        ['15 to 30 days', 2],
        ['over 30 days', 2],
      ],
    );
    assert.deepStrictEqual(returnDistribution([-2])[0], { label: 'before the session', count: 1 });
  });
});
