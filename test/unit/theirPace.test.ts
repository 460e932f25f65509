import * as assert from 'assert';
import { buildChecklist, HELD_LINE, taskItems, LANDED_WITH_RISK } from '../../src/core/checklist/checklist';
import { RuptureIndex } from '../../src/core/notes/ruptureIndex';
import { STEPS } from '../../src/core/notes/status';
import { howTheLastAttemptLanded, stepsFor, waitsForThem } from '../../src/core/notes/theirPace';
import { cli, parse, TempDirs } from './helpers';

const NOT_READY_ATTEMPT = [
  '## The fee talk #rupture/attempted',
  '',
  '- **Opening line:** "Can we go back to the fee?"',
  '',
  '### Repair attempt, 2026-11-12',
  '',
  '- **How it landed:** they went quiet, then said it still stings',
  '- **Where it stands:** they are not ready; I will wait at their pace',
  '',
].join('\n');

const ONLY_IF_THEY_BRING_IT_UP = [
  '## Too deep too soon #rupture/planned',
  '',
  '### Repair plan, 2026-11-14',
  '',
  '- **Opening line:** "I\'ve been thinking about how fast we went."',
  '- **Pace:** only if they bring it up',
  '',
].join('\n');

const STILL_SETTLING = [
  '## The late start #rupture/attempted',
  '',
  '- **Opening line:** "I kept you waiting last week."',
  '',
  '### Repair attempt, 2026-11-12',
  '',
  '- **How it landed:** a small smile; they said it was fine',
  '- **Where it stands:** still settling; I will keep an eye on it',
  '',
].join('\n');

function entryOf(text: string, file = 'AB/2026-11-10.md') {
  return parse(text, file).entries[0];
}

describe('waiting at their pace when they are not ready', () => {
  const dirs = new TempDirs();
  after(() => dirs.cleanup());

  it('reads "not ready" and "only if they bring it up" in the latest follow-up', () => {
    assert.strictEqual(waitsForThem(entryOf(NOT_READY_ATTEMPT)), true);
    assert.strictEqual(waitsForThem(entryOf(ONLY_IF_THEY_BRING_IT_UP)), true);
    assert.strictEqual(waitsForThem(entryOf(STILL_SETTLING)), false);
  });

  it('reads only the latest follow-up: a later attempt that lands well ends the waiting', () => {
    const later = `${NOT_READY_ATTEMPT}\n### Repair attempt, 2026-11-19\n\n- **Where it stands:** it feels mended\n`;
    assert.strictEqual(waitsForThem(entryOf(later)), false);
  });

  it('ignores the unchosen "(not filled in)" and a held or repaired rupture', () => {
    assert.strictEqual(waitsForThem(entryOf('## A #rupture/attempted\n\n### Repair attempt, 2026-11-12\n\n- **Where it stands:** (not filled in)\n')), false);
    assert.strictEqual(waitsForThem(entryOf(NOT_READY_ATTEMPT.replace('#rupture/attempted', '#rupture/repaired'))), false);
  });

  it('offers Hold at their pace first, and Mark repaired not first', () => {
    for (const text of [NOT_READY_ATTEMPT, ONLY_IF_THEY_BRING_IT_UP]) {
      const steps = stepsFor(entryOf(text));
      assert.strictEqual(steps[0], STEPS.hold, text);
      assert.strictEqual(steps[steps.length - 1], STEPS.repaired);
      assert.strictEqual(steps.filter((s) => s === STEPS.hold).length, 1);
    }
    assert.strictEqual(stepsFor(entryOf(STILL_SETTLING))[0], STEPS.repaired);
  });

  it('shows a not-ready rupture under "Only if they bring it up", with no box and no opening line', () => {
    const index = new RuptureIndex();
    index.set(parse(NOT_READY_ATTEMPT, 'AB/2026-11-10.md'));
    index.set(parse(ONLY_IF_THEY_BRING_IT_UP, 'AB/2026-11-11.md'));
    index.set(parse(STILL_SETTLING, 'AB/2026-11-09.md'));
    const { markdown, items } = buildChecklist({
      client: 'AB',
      today: '2026-11-20',
      entries: index.unrepaired('AB'),
      held: index.held('AB'),
      notePath: 'AB/2026-11-20.md',
      checks: '',
    });
    const lines = markdown.split('\n');
    const at = lines.indexOf(HELD_LINE);
    assert.ok(at > 0, markdown);
    assert.deepStrictEqual(lines.slice(at + 2, at + 4).sort(), ['- The fee talk', '- Too deep too soon']);
    assert.doesNotMatch(markdown, /Can we go back|how fast we went/, 'no opening line for what waits');
    assert.deepStrictEqual(
      items.map((i) => i.text),
      ['The late start'],
    );
    assert.deepStrictEqual(
      taskItems(markdown).map((t) => t.text.replace(/\].*/, '')),
      ['Perhaps revisit: [The late start'],
    );
  });

  it('shows how the last attempt landed for an attempted rupture, not the old opener', () => {
    const entry = entryOf(STILL_SETTLING);
    assert.strictEqual(howTheLastAttemptLanded(entry), 'a small smile; they said it was fine');
    const { markdown } = buildChecklist({ client: 'AB', today: '2026-11-20', entries: [entry], notePath: 'AB/2026-11-20.md', checks: '' });
    assert.match(markdown, /^ {2}> How the last attempt landed: a small smile; they said it was fine$/m);
    assert.doesNotMatch(markdown, /I kept you waiting/);
  });

  it('never quotes words of risk from the last attempt back as a matter between the two of you', () => {
    const entry = entryOf(STILL_SETTLING.replace('a small smile; they said it was fine', 'they said they want to die'));
    const { markdown } = buildChecklist({ client: 'AB', today: '2026-11-20', entries: [entry], notePath: 'AB/2026-11-20.md', checks: '' });
    assert.ok(markdown.includes(`  > ${LANDED_WITH_RISK}`), markdown);
    assert.doesNotMatch(markdown, /want to die/);
  });

  it('attune checklist prints the same', () => {
    const dir = dirs.make({
      'AB/2026-11-10.md': `---\nclient: AB\n---\n${NOT_READY_ATTEMPT}`,
      'AB/2026-11-09.md': `---\nclient: AB\n---\n${STILL_SETTLING}`,
    });
    const r = cli(['checklist', '--client', 'AB', dir], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /Only if they bring it up[^\n]*\n\n- The fee talk\n/);
    assert.doesNotMatch(r.out, /Perhaps revisit: \[The fee talk/);
    assert.match(r.out, /How the last attempt landed: a small smile/);
  });
});

describe("the therapist's own words in the checklist", () => {
  it('cannot hide the rest of the section behind an HTML comment', () => {
    const text = STILL_SETTLING.replace('a small smile; they said it was fine', 'fine <!-- then silence').replace(
      '## The late start #rupture/attempted\n',
      '## The late start #rupture/attempted\n- **With:** B <!-- x\n',
    );
    const { markdown } = buildChecklist({
      client: 'AB',
      today: '2026-11-20',
      entries: parse(text).entries,
      notePath: 'AB/2026-11-20.md',
      checks: '- [ ] Breathe.',
    });
    assert.ok(!markdown.includes('<!--'), markdown);
    assert.match(markdown, /How the last attempt landed: fine <\\!-- then silence/);
  });
});
