import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildChecklist } from '../../src/core/checklist/checklist';
import { chartedScores, feedbackAxis, feedbackLower, NEAR_TOP_LINE, nearTop } from '../../src/core/feedback/feedback';
import { feedbackBlock, feedbackBrief } from '../../src/core/feedback/feedbackChecklist';
import { selectForExport, SUPERVISION_FIELD, supervisionQuestion, wantsSupervision } from '../../src/core/supervision/deidentifySection';
import { NOTICING_MORE, patterns, summaryMarkdown, withCounts } from '../../src/core/patterns/patterns';
import { withWhom } from '../../src/core/notes/withWhom';
import { BUILT_IN_TEMPLATES, findTemplate, renderMarkdown, renderSnippet, SAFETY_FIRST, TEMPLATE_VARIABLES } from '../../src/core/reflection/templates';
import { sectionPlacement } from '../../src/core/reflection/placement';
import { blockInsertion } from '../../src/core/markdown/insert';
import { DAY_ZERO_LINE, deidentifyNote } from '../../src/core/supervision/deidentify';
import { readDocs } from './docs';
import { cli, parse, TempDirs, TODAY } from './helpers';

function rendered(id: string): string {
  const t = findTemplate(BUILT_IN_TEMPLATES, id);
  assert.ok(t, id);
  return renderMarkdown(t, { client: 'K7', title: 'The fee talk' }, TODAY);
}

/** The lines of a rendered template after its heading, blank lines dropped. */
function bodyLines(id: string): string[] {
  return rendered(id)
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
}

describe('risk comes first', () => {
  it('says in one plain sentence that rupture work waits when there is acute risk', () => {
    assert.match(SAFETY_FIRST, /acute risk/);
    assert.match(SAFETY_FIRST, /suicide/);
    assert.match(SAFETY_FIRST, /violence/);
    assert.match(SAFETY_FIRST, /crisis/);
    assert.match(SAFETY_FIRST, /rupture work waits/);
    assert.strictEqual(SAFETY_FIRST.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length, 1, 'one sentence');
  });

  it('puts it first in the checklist, the repair conversation card and the repair plan', () => {
    const { markdown } = buildChecklist({ client: 'K7', today: TODAY, entries: [], notePath: 'K7/x.md', checks: '- [ ] Breathe.' });
    assert.strictEqual(markdown.split('\n\n')[1], SAFETY_FIRST);
    assert.strictEqual(bodyLines('repair-conversation')[0], SAFETY_FIRST);
    assert.strictEqual(bodyLines('repair-plan')[0], `_${SAFETY_FIRST}_`);
  });
});

/** A count of days in words: "7 days", "30 days", "1 day", "5.5 days". */
const DAY_COUNT = /\b\d+(?:\.\d+)?\s*days?\b/i;

const PRACTICE: Readonly<Record<string, string>> = {
  'K7/2026-10-01.md': [
    '---',
    'client: K7',
    'date: 2026-10-01',
    '---',
    '# Session',
    '- **Alliance feedback score:** 36/40',
    '## A word that hurt #rupture/attempted',
    '- **Kind of miss:** a word or metaphor that hurt',
    '- **Opening line:** "I have been thinking about what I said."',
    '### Repair attempt, 2026-10-08',
    '- **How it landed:** they nodded and changed the subject',
    '## Too deep too soon #rupture/held',
    '- **Kind of miss:** too deep too soon',
    '',
  ].join('\n'),
  'K7/2026-10-20.md':
    '---\nclient: K7\ndate: 2026-10-20\n---\n# Session\n- **Alliance feedback score:** 35/40\n## The fee letter #rupture/open\n- **Kind of miss:** a policy or boundary delivered coldly\n',
  'M2/2026-09-01.md': '---\nclient: M2\n---\n## Started late #rupture/planned\n### Repair plan, 2026-09-03\n- **Opening line:** "I kept you waiting."\n',
};

describe('no day counts in any text output or summary', () => {
  const dirs = new TempDirs();
  after(() => dirs.cleanup());

  it('attune list, checklist, patterns, feedback and every template print no count of days', () => {
    const dir = dirs.make(PRACTICE);
    const outputs: [string, string][] = [];
    const run = (argv: string[]): void => {
      const r = cli(argv, dir);
      assert.strictEqual(r.code, 0, `${argv.join(' ')}: ${r.err}`);
      outputs.push([argv.join(' '), r.out + r.err]);
    };
    run(['list']);
    run(['list', '--all']);
    run(['checklist', '--client', 'K7']);
    run(['checklist', '--client', 'M2']);
    run(['patterns']);
    run(['patterns', '--client', 'K7']);
    run(['feedback', '--client', 'K7']);
    for (const t of BUILT_IN_TEMPLATES) run(['template', t.id]);
    for (const [what, out] of outputs) assert.doesNotMatch(out, DAY_COUNT, what);
    const all = outputs.find(([w]) => w === 'list --all')![1];
    assert.match(all, /held +at their pace +Too deep too soon/, 'a held rupture shows no age and no date');
    assert.match(all, /noted 1 Oct/);
  });

  it('the copied summary holds no count of days unless asked for', () => {
    const dir = dirs.make(PRACTICE);
    const notes = Object.keys(PRACTICE).map((rel) => parse(fs.readFileSync(path.join(dir, rel), 'utf8'), rel));
    const p = patterns(notes);
    assert.doesNotMatch(summaryMarkdown(p, {}), DAY_COUNT);
    const asked = summaryMarkdown(p, {}, { daysToReturn: true });
    assert.match(asked, /a median of 7 days/);
    assert.ok(asked.includes(NOTICING_MORE));
  });

  it('offers the days to a first return and the open ruptures per client only as settings, off by default', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    const nls = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.nls.json'), 'utf8'));
    const props: Record<string, { default: unknown; markdownDescription: string }> = Object.assign(
      {},
      ...manifest.contributes.configuration.map((c: { properties: object }) => c.properties),
    );
    for (const key of ['attune.patterns.showDaysToReturn', 'attune.patterns.showOpenByClient']) {
      assert.strictEqual(props[key]?.default, false, key);
      assert.match(nls[props[key].markdownDescription.slice(1, -1)], /Noticing more ruptures is not doing worse/);
    }
  });
});

/** A template rendered under a rupture heading, with "Take it to supervision?" answered. */
function answered(id: string, answer: string): string {
  const t = findTemplate(BUILT_IN_TEMPLATES, id)!;
  const body = renderMarkdown(t, { level: t.kind === 'rupture' ? 2 : 3, title: 'The fee talk' }, TODAY);
  const lines = body.split('\n').map((l) => (l.startsWith(`- **${SUPERVISION_FIELD}**`) ? `- **${SUPERVISION_FIELD}** ${answer}` : l));
  return t.kind === 'rupture' ? lines.join('\n') : `## The fee talk #rupture/open\n\n${lines.join('\n')}`;
}

describe('one supervision question, read everywhere', () => {
  const WITH_IT = ['rupture-reflection', 'in-session-repair', 'closing', 'after-hard-session'];

  it('asks "Take it to supervision?" in the reflection, the in-session repair, the closing and after a hard session, and nothing else', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const asks = t.body.split('\n').filter((l) => l.includes(`**${SUPERVISION_FIELD}**`));
      assert.strictEqual(asks.length, WITH_IT.includes(t.id) ? 1 : 0, t.id);
      // No other yes/no supervision question that nothing reads.
      assert.doesNotMatch(t.body, /\*\*(?:For supervision|Supervision)[^*]*\*\*/i, t.id);
    }
  });

  it('reads the answer from every template', () => {
    for (const id of WITH_IT) {
      const yes = parse(answered(id, 'yes')).entries[0];
      assert.strictEqual(wantsSupervision(yes), true, id);
      assert.strictEqual(wantsSupervision(parse(answered(id, 'not yet')).entries[0]), false, id);
      assert.strictEqual(wantsSupervision(parse(answered(id, '(not filled in)')).entries[0]), false, id);
    }
  });

  it('takes the latest answer: a closing\'s yes after the reflection\'s "not yet"', () => {
    const text = [
      '## The fee talk #rupture/closed',
      '- **Take it to supervision?** not yet',
      '### Closing without repair, 2026-11-20',
      '- **Take it to supervision?** yes',
      '- **Take it to supervision?** (not filled in)',
      '',
    ].join('\n');
    assert.strictEqual(wantsSupervision(parse(text).entries[0]), true);
  });
});

describe('After a hard session, inserted from a rupture', () => {
  const NOTE = [
    '---',
    'client: K7',
    'date: 2026-11-12',
    '---',
    '# Session 2026-11-12',
    '',
    '## The fee talk #rupture/attempted',
    '',
    '- **What happened (just the facts):** I read out the fee policy.',
    '- **Take it to supervision?** not yet',
    '',
    '### Repair attempt, 2026-11-19',
    '',
    '- **How it landed:** quiet',
    '',
    '## Next time',
    '',
    'Ask about the week.',
    '',
  ].join('\n');

  /** The note after the template is inserted as Insert a Template does, with the cursor on `line`. */
  function insertAt(id: string, line: number, fill: (body: string) => string = (b) => b): string {
    const t = findTemplate(BUILT_IN_TEMPLATES, id)!;
    const note = parse(NOTE, 'K7/2026-11-12.md');
    const at = sectionPlacement(NOTE, note.entries, line, t.body);
    const block = fill(renderMarkdown(t, { client: 'K7', level: at.level }, TODAY));
    const where = blockInsertion(NOTE, at.line);
    const lines = NOTE.split('\n');
    const offset = lines.slice(0, where.line).join('\n').length + (where.line > 0 ? 1 : 0) + where.character;
    return NOTE.slice(0, offset) + where.before + block + where.after + NOTE.slice(offset);
  }

  const yes = (body: string): string =>
    body
      .replace(/^- \*\*Take it to supervision\?\*\* .*$/m, '- **Take it to supervision?** yes')
      .replace(/^- \*\*My question for supervision:\*\* *$/m, '- **My question for supervision:** Why do I rush to explain?');

  it("goes at the end of the rupture's section, one level down, so its answer is the rupture's latest", () => {
    // The cursor on the reflection's first field, in the middle of the section.
    const text = insertAt('after-hard-session', 8, yes);
    const entry = parse(text, 'K7/2026-11-12.md').entries[0];
    assert.strictEqual(entry.title, 'The fee talk');
    assert.match(text, /- \*\*How it landed:\*\* quiet\n\n### After a hard session, \d{4}-\d{2}-\d{2}\n/);
    assert.strictEqual(wantsSupervision(entry), true);
    assert.strictEqual(supervisionQuestion(entry), 'Why do I rush to explain?');
    assert.match(text, /\n## Next time\n/, 'the next section is untouched');
  });

  it("stays at the cursor's level outside a rupture, and the card, which asks nothing, never joins a rupture", () => {
    const outside = insertAt('after-hard-session', 18);
    assert.match(outside, /Ask about the week\.\n\n## After a hard session/);
    const card = insertAt('repair-conversation', 8);
    const entry = parse(card, 'K7/2026-11-12.md').entries[0];
    assert.ok(!entry.fields.some((f) => /Ask first/.test(f.label)));
    assert.match(card, /I read out the fee policy\.\n\n## The repair conversation/);
  });
});

describe('a repair in the session itself', () => {
  /** The in-session template as a therapist fills it in. */
  const FILLED = [
    '---',
    'client: K7',
    'date: 2026-11-12',
    '---',
    '# Session',
    '',
    '## Talked over their grief #rupture/repaired',
    '',
    '- **What happened (just the facts):** I offered a reading list while they were crying.',
    '- **Kind of miss:** fixing or teaching while they needed to be heard',
    '- **Markers:** withdrawal: going quiet',
    '- **The part of me that led:** fixer',
    '- **What I did in the moment:** owned my part',
    '- **How it landed:** they breathed out and went on',
    '- **Anything to come back to:** ',
    '- **Take it to supervision?** yes',
    '',
  ].join('\n');

  it('offers the kind of miss, the markers, the part, the immediate moves and the supervision question', () => {
    const body = findTemplate(BUILT_IN_TEMPLATES, 'in-session-repair')!.body;
    for (const label of ['Kind of miss', 'Markers', 'The part of me that led', 'What I did in the moment', SUPERVISION_FIELD])
      assert.ok(body.includes(`**${label}`), label);
    for (const move of ['owned my part', 'clarified a misunderstanding', 'explained my reasons for the task', 'changed the task'])
      assert.ok(body.includes(move), move);
  });

  it('is counted in patterns and offered for supervision', () => {
    const note = parse(FILLED, 'K7/2026-11-12.md');
    const p = patterns([note]);
    assert.strictEqual(p.byStatus.repaired, 1);
    assert.deepStrictEqual(
      p.byKind.map((k) => [k.value, k.count, k.repaired]),
      [['fixing or teaching while they needed to be heard', 1, 1]],
    );
    assert.deepStrictEqual(
      p.byPart.map((k) => k.value),
      ['fixer'],
    );
    assert.deepStrictEqual(
      p.byMarker.map((k) => k.value),
      ['withdrawal: going quiet'],
    );
    assert.strictEqual(wantsSupervision(note.entries[0]), true);
  });

  it('is exported whole: the section text holds its kind of miss, moves and landing', () => {
    const selection = selectForExport(FILLED, { path: 'K7/2026-11-12.md', folderName: 'K7', fileName: '2026-11-12.md' }, 6);
    assert.ok(selection);
    for (const line of [
      'fixing or teaching while they needed to be heard',
      'withdrawal: going quiet',
      'owned my part',
      'they breathed out and went on',
      'Take it to supervision?',
    ]) {
      assert.ok(selection.text.includes(line), line);
    }
  });
});

describe('the repair conversation card', () => {
  it('asks first whether they are willing, accepts "not now" and leaves the door open', () => {
    const card = rendered('repair-conversation');
    const first = bodyLines('repair-conversation')[1];
    assert.match(first, /^1\. \*\*Ask first\.\*\* Are they willing to talk about it now\?/);
    assert.match(first, /"Not now" is an answer/);
    assert.match(first, /door stays open/);
    assert.match(card, /apologise where it fits/);
    assert.match(card, /in the moment itself: "Can we pause\? I think I just missed something\."/);
    assert.match(card, /Stay with anger without defending/);
    assert.match(card, /I've been thinking about our last session/);
  });
});

/** The choices of a field in a built-in template, as the snippet offers them. */
function choicesOf(id: string, label: string): string[] {
  const snippet = renderSnippet(findTemplate(BUILT_IN_TEMPLATES, id)!, {}, TODAY);
  const line = snippet.split('\n').find((l) => l.includes(`**${label}`));
  assert.ok(line, `${id}: ${label}`);
  const m = /\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/.exec(line);
  assert.ok(m, line);
  return m[1].split(/(?<!\\),/).map((c) => c.replace(/\\(.)/g, '$1'));
}

describe('my own reaction', () => {
  it('offers shame or guilt, anxiety, sadness, a wish to rescue, boredom or distance, and something else', () => {
    const choices = choicesOf('rupture-reflection', 'My own reaction');
    for (const c of [
      'defensive',
      'irritated',
      'rushing',
      'pride or excitement',
      'shame or guilt',
      'anxiety',
      'sadness',
      'a wish to rescue',
      'boredom or distance',
      'something else',
    ]) {
      assert.ok(choices.includes(c), c);
    }
  });

  it('lets "Did they start looking after me?" say I noticed only later', () => {
    assert.ok(choicesOf('repair-attempt', 'Did they start looking after me?').includes('yes, I noticed only later'));
  });
});

describe('kinds of miss', () => {
  it('adds what was not said or done, identity and power, siding with one person, the setting or technology, and breaks and endings', () => {
    for (const id of ['rupture-reflection', 'in-session-repair']) {
      const choices = choicesOf(id, 'Kind of miss');
      for (const c of [
        'forgetting something that mattered to them',
        'something I did not say or do (a need I missed)',
        'identity, power or privilege between us',
        'siding with one person (couple, family or group work)',
        'the setting or technology let us down (telehealth)',
        'a break, cancellation or ending',
      ]) {
        assert.ok(choices.includes(c), `${id}: ${c}`);
      }
      assert.strictEqual(choices[0], '(not filled in)');
      assert.strictEqual(choices[choices.length - 1], 'something else');
    }
  });
});

describe('couples, families and groups: With', () => {
  const dirs = new TempDirs();
  after(() => dirs.cleanup());
  const FAMILY: Readonly<Record<string, string>> = {
    'F3/2026-11-02.md': [
      '---',
      'client: F3',
      'date: 2026-11-02',
      '---',
      "## I took the father's side #rupture/open",
      '- **With:** the mother',
      '- **Kind of miss:** siding with one person (couple, family or group work)',
      '## Too fast for the family #rupture/held',
      '- **With:** the whole family',
      '## Started late #rupture/repaired',
      '- **With:** the whole family',
      '## A note with no one named #rupture/planned',
      '- **With:** (not filled in)',
      '',
    ].join('\n'),
  };

  it('is asked in the reflection and the in-session repair', () => {
    for (const id of ['rupture-reflection', 'in-session-repair']) {
      const entry = parse(answered(id, 'yes').replace(/^- \*\*With:\*\* *$/m, '- **With:** partner B')).entries[0];
      assert.strictEqual(withWhom(entry), 'partner B', id);
    }
  });

  it('shows in the checklist, for a rupture to revisit and one waiting at their pace', () => {
    const notes = Object.entries(FAMILY).map(([rel, text]) => parse(text, rel));
    const entries = notes.flatMap((n) => n.entries);
    const { markdown } = buildChecklist({
      client: 'F3',
      today: TODAY,
      entries: entries.filter((e) => e.status === 'open' || e.status === 'planned'),
      held: entries.filter((e) => e.status === 'held'),
      notePath: 'F3/2026-11-20.md',
      checks: '',
    });
    assert.match(markdown, /Perhaps revisit: \[I took the father's side\]\[revisit \d\] \(open, noted 2 Nov, with the mother\)/);
    assert.match(markdown, /^- Too fast for the family \(with the whole family\)$/m);
    assert.match(markdown, /Perhaps revisit: \[A note with no one named\]\[revisit \d\] \(repair planned, noted 2 Nov\)$/m);
  });

  it('shows in patterns: who the ruptures were with and how they stand', () => {
    const notes = Object.entries(FAMILY).map(([rel, text]) => parse(text, rel));
    assert.deepStrictEqual(withCounts(notes), [
      { value: 'the whole family', count: 2, unrepaired: 0, repaired: 1, closed: 0 },
      { value: 'the mother', count: 1, unrepaired: 1, repaired: 0, closed: 0 },
    ]);
    const dir = dirs.make(FAMILY);
    const r = cli(['patterns', dir], dir);
    assert.match(
      r.out,
      /\nWith \(couple, family or group work\)\n {2}the whole family +2 {2}\(1 repaired, 1 waiting at their pace\)\n {2}the mother +1 {2}\(1 still open\)\n/,
    );
    const json = JSON.parse(cli(['patterns', dir, '--json'], dir).out);
    assert.ok(!('byWith' in json), 'the JSON keeps its keys');
  });

  it("keeps a member's code as written: P2 is not shown as p2, and p2 is the same person", () => {
    const couple = {
      'C9/2026-11-03.md': '---\nclient: C9\ndate: 2026-11-03\n---\n## Sided with her #rupture/open\n- **With:** p2\n',
      'C9/2026-11-10.md': '---\nclient: C9\ndate: 2026-11-10\n---\n## Sided again #rupture/repaired\n- **With:**  P2 \n',
    };
    const notes = Object.entries(couple).map(([rel, text]) => parse(text, rel));
    for (const order of [notes, [...notes].reverse()])
      assert.deepStrictEqual(withCounts(order), [{ value: 'P2', count: 2, unrepaired: 1, repaired: 1, closed: 0 }]);
    const dir = dirs.make(couple);
    assert.match(cli(['patterns', dir], dir).out, /\n {2}P2 +2 {2}\(1 repaired, 1 still open\)\n/);
  });
});

describe('feedback acted on', () => {
  it('asks in the session note what I will do differently because of it, right after what I heard', () => {
    const fields = parse(rendered('session-note')).fields.map((f) => f.label);
    const heard = fields.indexOf('Feedback I asked for, and what I heard');
    assert.ok(heard >= 0, fields.join(', '));
    assert.strictEqual(fields[heard + 1], 'What I will do differently because of it');
  });

  it('draws the chart from 0 to the scale maximum, so 36 then 35 of 40 is no collapse', () => {
    assert.deepStrictEqual(
      feedbackAxis([
        { score: 36, max: 40 },
        { score: 35, max: 40 },
      ]),
      { min: 0, max: 40 },
    );
    assert.deepStrictEqual(
      feedbackAxis([
        { score: 8, max: 10 },
        { score: 35, max: 40 },
      ]),
      { min: 0, max: 40 },
    );
    assert.deepStrictEqual(
      feedbackAxis([
        { score: 8, max: null },
        { score: 9, max: null },
      ]),
      { min: 0, max: undefined },
    );
    assert.deepStrictEqual(feedbackAxis([{ score: 44, max: 40 }]), { min: 0, max: 44 }, 'a score written above its maximum still shows');
  });

  it('never draws two scales on one line: the chart holds the scores on the latest one, the table all of them', () => {
    const mixed = [
      { score: 36, max: 40 },
      { score: 8, max: null },
      { score: 35, max: 40 },
    ];
    assert.deepStrictEqual(chartedScores(mixed), [mixed[0], mixed[2]], 'a bare 8 between two scores of 40 is not drawn as a fall');
    const changed = [
      { score: 35, max: 40 },
      { score: 8, max: 10 },
    ];
    assert.deepStrictEqual(chartedScores(changed), [changed[1]], '8 of 10 is not drawn below 35 of 40');
    assert.deepStrictEqual(feedbackAxis(chartedScores(changed)), { min: 0, max: 10 });
    const bare = [
      { score: 8, max: null },
      { score: 9, max: null },
    ];
    assert.deepStrictEqual(chartedScores(bare), bare);
    assert.deepStrictEqual(chartedScores([]), []);
    // The panel draws what chartedScores keeps, on its axis, and says where the others are.
    const view = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'src', 'webview', 'patternsView.ts'), 'utf8');
    assert.match(view, /const charted = chartedScores\(data\.feedback\)/);
    assert.match(view, /labels: charted\.map/);
    assert.match(view, /data: charted\.map/);
    assert.match(view, /feedbackAxis\(charted\)/);
    assert.match(view, /Scores written on another scale are in the table, not on this line\./);
  });

  it('never reads a score with a maximum and one without as a drop, in either order', () => {
    assert.strictEqual(
      feedbackLower([
        { score: 36, max: 40 },
        { score: 9, max: null },
      ]),
      false,
    );
    assert.strictEqual(
      feedbackLower([
        { score: 36, max: null },
        { score: 9, max: 10 },
      ]),
      false,
    );
    assert.strictEqual(
      feedbackLower([
        { score: 36, max: 40 },
        { score: 30, max: 40 },
      ]),
      true,
    );
  });

  it('adds one gentle line for a near-top score, and none after a dip or without a maximum', () => {
    const notes = (scores: string[]): ReturnType<typeof parse>[] =>
      scores.map((score, i) => parse(`---\nclient: K7\ndate: 2026-11-0${i + 1}\n---\n- **Alliance feedback score:** ${score}\n`, `K7/2026-11-0${i + 1}.md`));
    const high = feedbackBlock(feedbackBrief(notes(['36/40', '37/40']), 'K7', TODAY));
    assert.strictEqual(high.split(NEAR_TOP_LINE).length, 2, high);
    assert.doesNotMatch(feedbackBlock(feedbackBrief(notes(['40/40', '37/40']), 'K7', TODAY)), /High scores/, 'the dip has its own task');
    assert.doesNotMatch(feedbackBlock(feedbackBrief(notes(['9', '9']), 'K7', TODAY)), /High scores/);
    assert.doesNotMatch(feedbackBlock(feedbackBrief(notes(['30/40']), 'K7', TODAY)), /High scores/);
    assert.ok(nearTop({ score: 36, max: 40 }) && !nearTop({ score: 35, max: 40 }) && !nearTop({ score: 36, max: null }));
  });
});

describe('after a hard session', () => {
  it("asks about the therapist's own support: their own therapy, a colleague", () => {
    const labels = parse(rendered('after-hard-session')).fields.map((f) => f.label);
    assert.ok(
      labels.some((l) => /support/i.test(l) && /own therapy/.test(l) && /colleague/.test(l)),
      labels.join(', '),
    );
  });
});

/** Words the domain brief rules out anywhere the clinician reads. */
const UNWARM = /\b(?:fail|failure|failures|failed|failing|owed|owing|overdue|late by|error|errors|violation|violations|score card|streak|badge)\b/i;
/** A count attached to time or debt: "3 days", "2 weeks overdue", "5 open". */
const COUNTS = /\b\d+\s*(?:days?|weeks?|months?|hours?)\b|\b\d+\s+(?:open|unrepaired|waiting|to revisit)\b/i;

describe('warm language in every template and card line', () => {
  it('holds no "failure", "owed", "overdue" and no counts, in any line of any built-in template, rendered or raw', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const text = `${t.name}\n${t.description}\n${t.body}\n${renderMarkdown(t, { client: 'K7', title: 'A title' }, TODAY)}`;
      for (const line of text.split('\n')) {
        assert.doesNotMatch(line, UNWARM, `${t.id}: ${line}`);
        assert.doesNotMatch(line, COUNTS, `${t.id}: ${line}`);
      }
    }
  });

  it('holds none of them in the checklist or the patterns either', () => {
    const dirs = new TempDirs();
    try {
      const dir = dirs.make(PRACTICE);
      for (const argv of [['checklist', '--client', 'K7'], ['checklist', '--client', 'M2'], ['patterns'], ['patterns', '--client', 'K7']]) {
        const out = cli(argv, dir).out;
        assert.doesNotMatch(out, UNWARM, argv.join(' '));
      }
      const notes = Object.keys(PRACTICE).map((rel) => parse(fs.readFileSync(path.join(dir, rel), 'utf8'), rel));
      assert.doesNotMatch(summaryMarkdown(patterns(notes), {}), UNWARM);
      assert.doesNotMatch(NOTICING_MORE + SAFETY_FIRST + NEAR_TOP_LINE, UNWARM);
    } finally {
      dirs.cleanup();
    }
  });
});

describe('the session note is a private process note', () => {
  it('holds only Between us, My reactions and Next time, and says the official record is kept elsewhere', () => {
    const text = rendered('session-note');
    const sections = text.split('\n').filter((l) => l.startsWith('## '));
    assert.deepStrictEqual(sections, ['## Between us', '## My reactions', '## Next time']);
    assert.match(text, /private process note/);
    assert.match(text, /official record of this session is kept elsewhere/);
    assert.doesNotMatch(text, /What we worked on|Check-in/);
  });

  it('the README says the official record is kept elsewhere, and what holds in the UK and the EU', () => {
    const docs = readDocs();
    assert.match(docs, /official record of the session[^.]*elsewhere/);
    assert.match(docs, /no psychotherapy-notes exemption in UK or EU/);
    assert.match(docs, /subject-access request can reach these reflections/);
    assert.match(docs, /pseudonymised\)\s+is\s+still personal data/);
  });
});

describe('my question for supervision', () => {
  it('is asked in the reflection, right after "Take it to supervision?", and read back from the note', () => {
    const lines = findTemplate(BUILT_IN_TEMPLATES, 'rupture-reflection')!.body.split('\n');
    const at = lines.findIndex((l) => l.includes(`**${SUPERVISION_FIELD}**`));
    assert.match(lines[at + 1], /^- \*\*My question for supervision:\*\* /);
    const text = answered('rupture-reflection', 'yes').replace(
      /^- \*\*My question for supervision:\*\* *$/m,
      '- **My question for supervision:** How do I raise the fee again without pressing?',
    );
    const entry = parse(text).entries[0];
    assert.strictEqual(supervisionQuestion(entry), 'How do I raise the fee again without pressing?');
    assert.strictEqual(supervisionQuestion(parse(answered('rupture-reflection', 'yes')).entries[0]), undefined, 'an empty question is none');
  });
});

describe('the export keeps the time between events', () => {
  const NOTE = [
    '---',
    'client: K7',
    'date: 2026-10-01',
    '---',
    '# Session',
    '',
    '## A word that hurt #rupture/attempted',
    '- **Kind of miss:** a word or metaphor that hurt',
    '### Repair attempt, 2026-10-08',
    '- **How it landed:** they nodded and changed the subject',
    '',
    '## Started late #rupture/open',
    '- **Kind of miss:** breaks, cancellations and endings',
    '',
  ].join('\n');
  const source = { path: 'K7/2026-10-01.md', folderName: 'K7', fileName: '2026-10-01.md' };

  it("counts a rupture's days from its session, so the attempt a week later reads [day 7], not [date] 2026", () => {
    const r = deidentifyNote(NOTE, source, 6);
    assert.ok(r);
    assert.match(r.text, /^### Repair attempt, \[day 7\]$/m);
    assert.doesNotMatch(r.text, /\[date\]/);
    assert.ok(r.text.endsWith(`\n\n${DAY_ZERO_LINE}\n`), r.text);
    assert.deepStrictEqual(
      r.replaced.map((x) => [x.kind, x.line]),
      [['date', 3]],
      'positions are those of the text above the line',
    );
    const dir = new TempDirs();
    try {
      const out = cli(['deidentify', 'K7/2026-10-01.md:7'], dir.make({ 'K7/2026-10-01.md': NOTE })).out;
      assert.match(out, /### Repair attempt, \[day 7\]/);
      assert.ok(out.includes(DAY_ZERO_LINE));
    } finally {
      dir.cleanup();
    }
  });

  it('adds nothing to a section with no date, nor to a whole note', () => {
    assert.ok(!deidentifyNote(NOTE, source, 11)?.text.includes('[day'));
    assert.ok(!deidentifyNote(NOTE, source, 11)?.text.includes(DAY_ZERO_LINE));
    assert.ok(!deidentifyNote(NOTE, source)?.text.includes(DAY_ZERO_LINE));
  });
});

describe('client codes, not initials', () => {
  it("says one thing everywhere: a code not derived from the client's identity", () => {
    const everywhere = [readDocs(), ...BUILT_IN_TEMPLATES.map((t) => `${t.description}\n${t.body}`), ...Object.values(TEMPLATE_VARIABLES)].join('\n');
    assert.doesNotMatch(everywhere, /code or (?:their )?initials|initials only|by initials/i);
    assert.match(TEMPLATE_VARIABLES.CLIENT, /not derived from their identity/);
    assert.match(readDocs(), /not by their initials/);
  });
});

describe("the view's gentler name", () => {
  const root = path.join(__dirname, '..', '..', '..');
  const read = (rel: string): string => fs.readFileSync(path.join(root, rel), 'utf8');
  const walkthrough = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walkthrough(`${dir}/${d.name}`) : [`${dir}/${d.name}`]));

  it('is "Ruptures to revisit" in the view, the walkthrough and the README, and nothing the clinician reads calls them unrepaired', () => {
    const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
    assert.strictEqual(nls['view.unrepaired'], 'Ruptures to revisit');
    assert.match(nls['walkthrough.findInView.alt'], /Ruptures to revisit/);
    assert.match(read('README.md'), /opens \*\*Ruptures to revisit\*\*/);
    // The status bar item's name (its right-click menu) and every other message of the extension.
    const english = Object.values(JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>);
    for (const text of [...Object.values(nls), ...english]) assert.doesNotMatch(text, /unrepaired ruptures/i, text);
    assert.ok(english.includes('Attune: ruptures to revisit with this client'));
  });

  it("shows no count beside a client in the walkthrough's pictures, as the view shows none unless counts are turned on", () => {
    const pictures = walkthrough('media/walkthrough').filter((f) => f.endsWith('.svg'));
    assert.ok(pictures.length >= 4, pictures.join(', '));
    for (const file of pictures) {
      for (const m of read(file).matchAll(/<text[^>]*>([^<]*)<\/text>/g)) {
        assert.doesNotMatch(m[1], /^\d+ \p{L}/u, `${file}: ${m[1]}`);
        assert.doesNotMatch(m[1], /unrepaired|sin reparar|non réparée/i, `${file}: ${m[1]}`);
      }
    }
  });
});
