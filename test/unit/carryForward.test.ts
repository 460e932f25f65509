import * as assert from 'assert';
import { buildChecklist } from '../../src/core/checklist/checklist';
import { earlierNote, nextTimeLines } from '../../src/core/checklist/carryForward';
import { cli, parse, TempDirs } from './helpers';

const LAST = [
  '---',
  'client: AB',
  '---',
  '# Session 2026-11-13',
  '',
  '## Next time',
  '',
  '- Ask how the visit to her mother went',
  '- [ ] Bring the [sleep] diary back',
  'Go slowly at the start.',
  '',
  '```',
  '- not this, it is code',
  '```',
  '<!-- nor this -->',
  '### A sub-heading',
  "* her sister's name matters to her",
  '',
  '## After',
  '- not carried',
].join('\n');

describe('carry forward: what mattered to them last time', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('reads the lines of the "Next time" section, list markers and task boxes taken off', () => {
    assert.deepStrictEqual(
      nextTimeLines(LAST, 'AB/2026-11-13.md').map((l) => [l.text, l.line]),
      [
        ['Ask how the visit to her mother went', 7],
        ['Bring the [sleep] diary back', 8],
        ['Go slowly at the start.', 9],
        ["her sister's name matters to her", 16],
      ],
    );
    assert.deepStrictEqual(nextTimeLines(LAST.replace('## Next time', '## next TIME:'), 'x').length, 4, 'case and a colon do not matter');
    assert.deepStrictEqual(nextTimeLines(LAST, 'x', 'For next session'), []);
    assert.deepStrictEqual(nextTimeLines(LAST.replace('## Next time', '## For next session'), 'x', 'For next session').length, 4, 'the heading is a setting');
    assert.deepStrictEqual(nextTimeLines('## Next time\n\n', 'x'), []);
  });

  it('carries no heading, underline or rule, as the block model reads them (issue 27)', () => {
    const text = [
      '# Next time',
      '',
      'Topic',
      '--', // a setext underline of two: `Topic` is a sub-heading
      '- Ask about the visit',
      '',
      'A heading of',
      'two lines',
      '---',
      '- Bring the diary',
      '',
      '* * *',
      '- ***',
      '',
      'Not a rule:',
      '= = =',
      '',
      '-',
      '- [ ]',
    ].join('\n');
    assert.deepStrictEqual(
      nextTimeLines(text, 'x').map((l) => [l.text, l.line]),
      [
        ['Ask about the visit', 4],
        ['Bring the diary', 9],
        ['Not a rule:', 14],
        ['= = =', 15],
      ],
    );
  });

  it("takes the most recent note dated before today, never today's own or an undated one", () => {
    const notes = [parse('x', 'AB/2026-11-06.md'), parse('x', 'AB/2026-11-13.md'), parse('x', 'AB/2026-11-20.md'), parse('x', 'AB/intake.md')];
    assert.strictEqual(earlierNote(notes, '2026-11-20')?.path, 'AB/2026-11-13.md');
    assert.strictEqual(earlierNote(notes, '2026-11-21', 'AB/2026-11-20.md')?.path, 'AB/2026-11-13.md');
    assert.strictEqual(earlierNote(notes, '2026-11-06'), undefined);
  });

  it('adds them to the checklist as task items marked as from last time, after the ruptures', () => {
    const { markdown, items } = buildChecklist({
      client: 'AB',
      today: '2026-11-20',
      entries: [],
      notePath: 'AB/2026-11-20.md',
      checks: '- [ ] Breathe first.',
      fromLastTime: nextTimeLines(LAST, 'AB/2026-11-13.md'),
    });
    assert.ok(
      markdown.includes(
        '\n\n- [ ] From last time: Ask how the visit to her mother went\n- [ ] From last time: Bring the [sleep] diary back\n- [ ] From last time: Go slowly at the start.\n',
      ),
      markdown,
    );
    assert.deepStrictEqual(
      items.map((i) => i.kind),
      ['fromLastTime', 'fromLastTime', 'fromLastTime', 'fromLastTime', 'check'],
    );
  });

  it('prints them from `attune checklist --json` with kind "fromLastTime" and where they came from', () => {
    const dir = temp.make({ 'AB/2026-11-13.md': LAST, 'AB/2026-11-20.md': '---\nclient: AB\n---\n## Next time\n- not from today\n' });
    const r = cli(['checklist', dir, '--client', 'AB', '--json'], '/', '2026-11-20');
    assert.strictEqual(r.code, 0, r.err);
    const data = JSON.parse(r.out) as { items: { kind: string; text: string; file?: string; line?: number; done: boolean }[] };
    const carried = data.items.filter((i) => i.kind === 'fromLastTime');
    assert.deepStrictEqual(carried[0], { kind: 'fromLastTime', text: 'Ask how the visit to her mother went', done: false, file: 'AB/2026-11-13.md', line: 8 });
    assert.strictEqual(carried.length, 4);
    assert.ok(!data.items.some((i) => i.text === 'not from today'));
    const md = cli(['checklist', dir, '--client', 'AB'], '/', '2026-11-20').out;
    assert.match(md, /^- \[ \] From last time: Ask how the visit to her mother went$/m);
  });
});
