// Issue 13: `attune patterns`, both outputs, on a small practice.
import * as assert from 'assert';
import { cli, TempDirs } from './helpers';

const PRACTICE: Readonly<Record<string, string>> = {
  'AB/2025-08-20.md': '## Before the range #rupture/open\n- **Kind of miss:** too deep too soon\n',
  'AB/2025-09-01.md': [
    '# Session',
    '## Fee talk #rupture/repaired',
    '- **Kind of miss:** A policy or boundary delivered coldly',
    '- **Markers:** confrontation (moving against)',
    '- **The part of me that led:** manager, wanting to be fair',
    '### Repair attempt, 2025-09-08',
    '## Too soon #rupture/attempted',
    '- **Kind of miss:** Too deep  too soon',
    '- **Markers:** withdrawal (moving away)',
    '- **The part of me that led:** (not filled in)',
    '### Repair attempt, 2025-09-05',
    '',
  ].join('\n'),
  'CD/2025-11-02.md': '## Quiet #rupture/held\n- **Kind of miss:** too deep too soon\n',
  'CD/intake.md': '## Undated #rupture/closed\n',
  'EF/2025-10-15.md': '# No ruptures\n\nA quiet session.\n',
  'E\u001b[31mF/2025-10-16.md': '# A hostile folder name\n\nA quiet session.\n',
};

describe('attune patterns (issue 13)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it("prints the contract's JSON object for a range", () => {
    const dir = temp.make(PRACTICE);
    const r = cli(['patterns', dir, '--since', '2025-09-01', '--until', '2025-11-30', '--json'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, '');
    const p = JSON.parse(r.out);
    assert.deepStrictEqual(Object.keys(p), ['sessions', 'ruptures', 'byStatus', 'byKind', 'byPart', 'byMarker', 'byClient', 'byMonth', 'firstReturn']);
    assert.strictEqual(p.sessions, 4);
    assert.strictEqual(p.ruptures, 3);
    assert.deepStrictEqual(p.byStatus, { open: 0, planned: 0, attempted: 1, held: 1, repaired: 1, closed: 0 });
    assert.deepStrictEqual(p.byKind, [
      { value: 'too deep too soon', key: 'too-deep-too-soon', count: 2, unrepaired: 1, repaired: 0, closed: 0 },
      { value: 'a policy or boundary delivered coldly', key: 'policy-coldly', count: 1, unrepaired: 0, repaired: 1, closed: 0 },
    ]);
    assert.deepStrictEqual(p.byPart, [{ value: 'manager', key: 'manager', count: 1, unrepaired: 0, repaired: 1, closed: 0 }]);
    assert.deepStrictEqual(
      p.byMarker.map((m: { value: string }) => m.value),
      ['confrontation', 'withdrawal'],
    );
    assert.deepStrictEqual(p.byClient, [
      { client: 'AB', sessions: 1, ruptures: 2, unrepaired: 1 },
      { client: 'CD', sessions: 1, ruptures: 1, unrepaired: 0 },
      { client: 'E\u001b[31mF', sessions: 1, ruptures: 0, unrepaired: 0 },
      { client: 'EF', sessions: 1, ruptures: 0, unrepaired: 0 },
    ]);
    assert.deepStrictEqual(p.byMonth, [
      { month: '2025-09', sessions: 1, ruptures: 2 },
      { month: '2025-10', sessions: 2, ruptures: 0 },
      { month: '2025-11', sessions: 1, ruptures: 1 },
    ]);
    assert.deepStrictEqual(p.firstReturn, { count: 2, medianDays: 5.5 });
  });

  it('counts every note, undated ones too, without a range; --client keeps one client', () => {
    const dir = temp.make(PRACTICE);
    const all = JSON.parse(cli(['patterns', '--json'], dir).out);
    assert.strictEqual(all.sessions, 6);
    assert.strictEqual(all.ruptures, 5);
    assert.deepStrictEqual(
      all.byMonth.map((m: { month: string }) => m.month),
      ['2025-08', '2025-09', '2025-10', '2025-11'],
    );
    const cd = JSON.parse(cli(['patterns', dir, '--client', 'CD', '--json'], dir).out);
    assert.strictEqual(cd.sessions, 2);
    assert.strictEqual(cd.ruptures, 2);
    assert.deepStrictEqual(cd.byStatus, { open: 0, planned: 0, attempted: 0, held: 1, repaired: 0, closed: 1 });
    assert.deepStrictEqual(cd.firstReturn, { count: 0, medianDays: null });
  });

  it('reads warmly, opening with the zoomed-out view, clients alphabetical, control characters escaped', () => {
    const dir = temp.make(PRACTICE);
    const r = cli(['patterns', dir, '--since', '2025-09-01'], dir);
    assert.strictEqual(r.code, 0);
    const lines = r.out.split('\n');
    assert.strictEqual(lines[0], '3 ruptures noted across 4 sessions since 2025-09-01.');
    assert.match(r.out, /\n {2}too deep too soon +2 {2}\(1 still open, 1 waiting at their pace\)\n/);
    assert.doesNotMatch(r.out, /median|\bdays?\b|still open\n/, 'no days to a first return, no open ruptures per client unless asked for');
    const asked = cli(['patterns', dir, '--since', '2025-09-01', '--days-to-return', '--open-by-client'], dir);
    assert.match(asked.out, /the first attempt came a median of 5\.5 days after the session/);
    assert.match(asked.out, /\n {2}AB +\d+ sessions? +\d+ ruptures? +\d+ still open\n/);
    assert.match(asked.out, /Noticing more ruptures is not doing worse/);
    const clients = lines
      .slice(lines.indexOf('By client (alphabetical)') + 1)
      .filter((l) => l.trim())
      .map((l) => l.trim().split(/ {2,}/)[0]);
    assert.deepStrictEqual(clients, ['AB', 'CD', 'E\\x1b[31mF', 'EF']);
    assert.ok(!r.out.includes('\u001b'), 'no raw escape character reaches the terminal');
    for (const word of ['overdue', 'failure', 'error', 'owed']) assert.ok(!r.out.toLowerCase().includes(word));
  });

  it('names the client in the opening line when one is chosen, and says so gently when nothing counts', () => {
    const dir = temp.make(PRACTICE);
    assert.match(cli(['patterns', dir, '--client', 'AB'], dir).out, /^3 ruptures with AB noted across 2 sessions\.\n/);
    const none = cli(['patterns', dir, '--since', '2030-01-01'], dir);
    assert.strictEqual(none.code, 0);
    assert.strictEqual(
      none.out,
      '0 ruptures noted across 0 sessions since 2030-01-01.\nNo session notes count here yet; patterns appear as your notes grow.\n',
    );
  });

  it('refuses bad dates and other mistakes with exit 2 and one line on stderr', () => {
    const dir = temp.make(PRACTICE);
    for (const argv of [
      ['patterns', '--since', '2025-02-30'],
      ['patterns', '--until', '2025/09/01'],
      ['patterns', '--since'],
      ['patterns', '--since', '2025-10-01', '--until', '2025-09-01'],
      ['patterns', '--client', ''],
      ['patterns', dir, dir],
      ['patterns', '--bogus'],
      ['patterns', 'no-such-folder'],
    ]) {
      const r = cli(argv, dir);
      assert.strictEqual(r.code, 2, argv.join(' '));
      assert.strictEqual(r.out, '');
      assert.match(r.err, /^attune: [^\n]+\n$/);
    }
  });

  it('is in the help', () => {
    assert.match(cli(['--help'], temp.make()).out, /attune patterns \[DIR\] \[--client C\] \[--since YYYY-MM-DD\] \[--until YYYY-MM-DD\] \[--json\]/);
  });
});
