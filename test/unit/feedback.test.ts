import * as assert from 'assert';
import fc from 'fast-check';
import { buildChecklist } from '../../src/core/checklist/checklist';
import { applyEdits } from '../../src/core/notes/edits';
import { feedbackLower, feedbackSeries, formatScore, heardLastTime, noteScore, parseScore, scoreSpan } from '../../src/core/feedback/feedback';
import { checkInTask, checksWithFeedback, feedbackBlock, feedbackBrief } from '../../src/core/feedback/feedbackChecklist';
import type { Note } from '../../src/core/notes/note';
import { recordScoreEdits } from '../../src/core/feedback/recordFeedback';
import { mayHoldFeedback } from '../../src/core/notes/quickLook';
import { indexableText } from '../../src/node/files';
import { parse } from './helpers';

describe('feedback: reading the score', () => {
  it('takes the first number and a maximum written as /N or "of N"', () => {
    assert.deepStrictEqual(parseScore('34/40'), { score: 34, max: 40 });
    assert.deepStrictEqual(parseScore('34 / 40 (a little lower)'), { score: 34, max: 40 });
    assert.deepStrictEqual(parseScore('7.5 of 10'), { score: 7.5, max: 10 });
    assert.deepStrictEqual(parseScore('about 8, I think'), { score: 8, max: null });
    assert.deepStrictEqual(parseScore('9 out of 10'), { score: 9, max: null });
    assert.strictEqual(parseScore('we did not ask this time'), undefined);
    assert.strictEqual(parseScore(''), undefined);
  });

  it('reads the last "Alliance feedback score…" field of the note, outside code and comments', () => {
    const note = parse(
      [
        '- **Alliance feedback score:** 30/40', // 0
        '- **alliance FEEDBACK score (if we use one):** 36/40', // 1
        '```',
        '- **Alliance feedback score:** 10/40',
        '```', // 2-4
        '<!-- - **Alliance feedback score:** 11/40 -->', // 5
      ].join('\n'),
    );
    assert.deepStrictEqual(noteScore(note), { score: 36, max: 40, line: 1 });
  });

  it('gives no score when the last field holds no number, even if an earlier one did', () => {
    assert.strictEqual(noteScore(parse('**Alliance feedback score:** 8\n**Alliance feedback score:** not asked\n')), undefined);
  });

  it('builds a client’s series from dated notes, oldest first', () => {
    const notes = [
      parse('**Alliance feedback score:** 8 of 10\n', 'AB/2026-11-13.md'),
      parse('**Alliance feedback score:** 9\n', 'AB/2026-11-06.md'),
      parse('**Alliance feedback score:** 5\n', 'AB/intake.md'),
      parse('**Alliance feedback score:** 2\n', 'CD/2026-11-01.md'),
      parse('no score here\n', 'AB/2026-11-20.md'),
    ];
    assert.deepStrictEqual(feedbackSeries(notes, 'AB'), [
      { date: '2026-11-06', score: 9, max: null, file: 'AB/2026-11-06.md', line: 0 },
      { date: '2026-11-13', score: 8, max: 10, file: 'AB/2026-11-13.md', line: 0 },
    ]);
  });
});

describe('feedback: a dip worth asking about', () => {
  it('needs two scores, the latest lower than the one before', () => {
    assert.strictEqual(feedbackLower([]), false);
    assert.strictEqual(feedbackLower([{ score: 3, max: 10 }]), false);
    assert.strictEqual(
      feedbackLower([
        { score: 9, max: null },
        { score: 8, max: null },
      ]),
      true,
    );
    assert.strictEqual(
      feedbackLower([
        { score: 8, max: null },
        { score: 8, max: null },
      ]),
      false,
    );
    assert.strictEqual(
      feedbackLower([
        { score: 5, max: null },
        { score: 9, max: null },
        { score: 8, max: null },
      ]),
      true,
    );
  });

  it('compares shares of the maximum when both scores state one, plain numbers when neither does, never one with and one without', () => {
    // 36/40 is 0.9; 9/10 is 0.9: not lower. 35/40 is 0.875: lower than 9/10.
    assert.strictEqual(
      feedbackLower([
        { score: 9, max: 10 },
        { score: 36, max: 40 },
      ]),
      false,
    );
    assert.strictEqual(
      feedbackLower([
        { score: 9, max: 10 },
        { score: 35, max: 40 },
      ]),
      true,
    );
    // One maximum missing: the scales cannot be told apart, so neither order is a drop.
    assert.strictEqual(
      feedbackLower([
        { score: 9, max: null },
        { score: 35, max: 40 },
      ]),
      false,
    );
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
  });

  it('also flags a latest score below the clinician’s own threshold', () => {
    assert.strictEqual(feedbackLower([{ score: 30, max: 40 }], 32), true);
    assert.strictEqual(feedbackLower([{ score: 33, max: 40 }], 32), false);
    assert.strictEqual(
      feedbackLower(
        [
          { score: 30, max: 40 },
          { score: 31, max: 40 },
        ],
        32,
      ),
      true,
    );
  });
});

describe('feedback: more about reading the score', () => {
  it('reads "/N" and " of N" with decimals on either side, in any case', () => {
    assert.deepStrictEqual(parseScore('8.5/10'), { score: 8.5, max: 10 });
    assert.deepStrictEqual(parseScore('34/40.5'), { score: 34, max: 40.5 });
    assert.deepStrictEqual(parseScore('6 OF 7'), { score: 6, max: 7 });
    assert.deepStrictEqual(parseScore('6of7'), { score: 6, max: null }, '"of" needs its spaces');
    assert.deepStrictEqual(parseScore('she said 9, then 10/10'), { score: 9, max: null }, 'only a maximum right after the first number counts');
  });

  it('treats a number too long to be one as no score, and such a maximum as none', () => {
    assert.strictEqual(parseScore('9'.repeat(400)), undefined);
    assert.deepStrictEqual(parseScore(`8/${'9'.repeat(400)}`), { score: 8, max: null });
  });

  it('knows where the score is written, maximum included', () => {
    assert.deepStrictEqual(scoreSpan('about 34 / 40, lower'), { score: 34, max: 40, start: 6, end: 13 });
    assert.deepStrictEqual(scoreSpan('7 of 10'), { score: 7, max: 10, start: 0, end: 7 });
    assert.deepStrictEqual(scoreSpan('x 8'), { score: 8, max: null, start: 2, end: 3 });
  });

  it('reads fields in rupture sections too, and ignores those in indented code and front matter', () => {
    const note = parse(
      [
        '---',
        'x: **Alliance feedback score:** 1',
        '---', // 0-2
        '## Quiet #rupture', // 3
        '- **Alliance feedback score:** 5 of 10', // 4
        '',
        '## Code',
        '',
        '    **Alliance feedback score:** 2', // 5-8
      ].join('\n'),
    );
    assert.deepStrictEqual(noteScore(note), { score: 5, max: 10, line: 4 });
  });

  it('writes a score as the clinician would', () => {
    assert.strictEqual(formatScore({ score: 34, max: 40 }), '34/40');
    assert.strictEqual(formatScore({ score: 7.5, max: null }), '7.5');
  });
});

describe('feedback: what they said last time', () => {
  const notes = [
    parse('- **Feedback I asked for, and what I heard:** The pace was right.\n', 'AB/2026-11-06.md'),
    parse(
      '- **Feedback I asked for, and what I heard:** Earlier words\n- **feedback i asked for, and what i heard:** "It was fine." Said quickly.\n',
      'AB/2026-11-13.md',
    ),
    parse('- **Feedback I asked for, and what I heard:** Today, not last time\n', 'AB/2026-11-20.md'),
    parse('- **Feedback I asked for, and what I heard:** Another client\n', 'CD/2026-11-19.md'),
  ];

  it('takes the last value of the most recent note before today', () => {
    assert.deepStrictEqual(heardLastTime(notes, 'AB', '2026-11-20'), { date: '2026-11-13', words: '"It was fine." Said quickly.' });
    assert.deepStrictEqual(heardLastTime(notes, 'AB', '2026-11-10'), { date: '2026-11-06', words: 'The pace was right.' });
    assert.strictEqual(heardLastTime(notes, 'AB', '2026-11-06'), undefined);
  });

  it('gives nothing when that note left it empty, rather than reaching further back', () => {
    const withEmpty = [...notes, parse('- **Feedback I asked for, and what I heard:** \n', 'AB/2026-11-15.md')];
    assert.strictEqual(heardLastTime(withEmpty, 'AB', '2026-11-20'), undefined);
    const unfilled = [...notes, parse('- **Feedback I asked for, and what I heard:** (not filled in)\n', 'AB/2026-11-15.md')];
    assert.strictEqual(heardLastTime(unfilled, 'AB', '2026-11-20'), undefined);
  });
});

describe('feedback: before the session', () => {
  const note = (file: string, score: string, heard?: string): Note =>
    parse(
      `## Between us\n${heard ? `- **Feedback I asked for, and what I heard:** ${heard}\n` : ''}- **Alliance feedback score (if we use one):** ${score}\n`,
      file,
    );

  it('keeps the last five scores, oldest first, and sees a dip across mixed maximums', () => {
    const notes = ['01', '02', '03', '04', '05', '06'].map((d, i) => note(`AB/2026-11-${d}.md`, i === 5 ? '8/10' : `${33 + i}/40`));
    const brief = feedbackBrief(notes, 'AB', '2026-11-20');
    assert.deepStrictEqual(
      brief.recent.map((p) => [p.date, p.score, p.max]),
      [
        ['2026-11-02', 34, 40],
        ['2026-11-03', 35, 40],
        ['2026-11-04', 36, 40],
        ['2026-11-05', 37, 40],
        ['2026-11-06', 8, 10],
      ],
    );
    // 8/10 is 0.8, lower than 37/40 (0.925); as plain numbers 8 < 37 too, so check the other way round:
    assert.strictEqual(brief.lower, true);
    assert.strictEqual(brief.reason, 'dip');
    const up = feedbackBrief([note('AB/2026-11-01.md', '9/10'), note('AB/2026-11-08.md', '37/40')], 'AB', '2026-11-20');
    assert.strictEqual(up.lower, false, '37/40 is 0.925, higher than 9/10 though 37 > 9 either way');
    const fractions = feedbackBrief([note('AB/2026-11-01.md', '36/40'), note('AB/2026-11-08.md', '9.5/10')], 'AB', '2026-11-20');
    assert.strictEqual(fractions.lower, false, '9.5/10 is higher than 36/40, though 9.5 < 36');
    const plain = feedbackBrief([note('AB/2026-11-01.md', '36/40'), note('AB/2026-11-08.md', '9.5')], 'AB', '2026-11-20');
    assert.strictEqual(plain.lower, false, 'one maximum missing: a score with a maximum and one without are never compared as a drop');
  });

  it('uses the clinician’s own threshold and says why the task appeared', () => {
    const notes = [note('AB/2026-11-01.md', '30/40'), note('AB/2026-11-08.md', '31/40')];
    assert.strictEqual(feedbackBrief(notes, 'AB', '2026-11-20').lower, false);
    const brief = feedbackBrief(notes, 'AB', '2026-11-20', 32);
    assert.deepStrictEqual([brief.lower, brief.reason], [true, 'threshold']);
    assert.match(checkInTask(brief) ?? '', /^- \[ \] Their feedback score last time was below the number you chose/);
    assert.strictEqual(feedbackBrief(notes, 'AB', '2026-11-20', Number.NaN).lower, false);
  });

  it('writes the scores in one line, the words quoted, then the gentle task', () => {
    const notes = [note('AB/2026-11-06.md', '34/40', 'Good pace.'), note('AB/2026-11-13.md', '30/40', '"It was fine." Said quickly.')];
    const block = feedbackBlock(feedbackBrief(notes, 'AB', '2026-11-20'));
    assert.strictEqual(
      block,
      'Recent feedback scores, oldest first: 34/40 (2026-11-06), 30/40 (2026-11-13).\n\n' +
        'What you heard when you asked for feedback last time (2026-11-13):\n> "It was fine." Said quickly.\n\n' +
        '- [ ] Their feedback score last time was lower than the time before. Early on, check in gently about how the last session was for them, and thank them for telling you.',
    );
    assert.doesNotMatch(block, /risk|warning|alert|poor|low score|red|fail/i);
    const calm = feedbackBlock(feedbackBrief([note('AB/2026-11-13.md', '8', 'All good <!-- aside')], 'AB', '2026-11-20'));
    assert.strictEqual(
      calm,
      'Recent feedback scores, oldest first: 8 (2026-11-13).\n\nWhat you heard when you asked for feedback last time (2026-11-13):\n> "All good <\\!-- aside"',
    );
    assert.strictEqual(feedbackBlock(feedbackBrief([], 'AB', '2026-11-20')), '');
  });

  it('goes before the clinician’s checks, and the task counts as an item of the checklist', () => {
    const notes = [note('AB/2026-11-06.md', '9'), note('AB/2026-11-13.md', '7')];
    const checks = checksWithFeedback('\n- [ ] My own state\n', feedbackBrief(notes, 'AB', '2026-11-20'));
    assert.ok(checks.startsWith('Recent feedback scores, oldest first: 9 (2026-11-06), 7 (2026-11-13).\n\n- [ ] Their feedback score'));
    assert.ok(checks.endsWith('thank them for telling you.\n\n- [ ] My own state\n'));
    const { items, markdown } = buildChecklist({ client: 'AB', today: '2026-11-20', entries: [], notePath: 'AB/2026-11-20.md', checks });
    assert.deepStrictEqual(
      items.map((i) => i.text.slice(0, 24)),
      ['Their feedback score las', 'My own state'],
    );
    assert.match(markdown, /^## Before the session\n\nSafety first: [^\n]+\n\nNothing is waiting for repair with AB right now\.\n\nRecent feedback scores/);
    assert.strictEqual(checksWithFeedback('- [ ] x', feedbackBrief([], 'AB', '2026-11-20')), '- [ ] x');
  });
});

describe('feedback: recording a score in a note', () => {
  const record = (text: string, score: number, max: number | null): string | undefined => {
    const r = recordScoreEdits(text, { score, max });
    return r && applyEdits(text, r.edits);
  };

  it('replaces only the score in an existing field, keeping the words around it', () => {
    assert.strictEqual(
      record('- **Alliance feedback score (if we use one):** 34/40, a little flat\n', 30, 40),
      '- **Alliance feedback score (if we use one):** 30/40, a little flat\n',
    );
    assert.strictEqual(record('**Alliance feedback score:** about 8 of 10  \r\n', 9, null), '**Alliance feedback score:** about 9  \r\n');
    assert.strictEqual(record('- **Alliance feedback score:** 8\n', 7.5, 10), '- **Alliance feedback score:** 7.5/10\n');
  });

  it('fills an empty field, and puts the score before words that hold no number', () => {
    assert.strictEqual(record('- **Alliance feedback score (if we use one):**\n', 8, 10), '- **Alliance feedback score (if we use one):** 8/10\n');
    assert.strictEqual(
      record('- **Alliance feedback score (if we use one):** \n', 8, 10),
      '- **Alliance feedback score (if we use one):** 8/10 \n',
      'trailing space kept',
    );
    assert.strictEqual(record('- **Alliance feedback score:** (not filled in)\n', 8, null), '- **Alliance feedback score:** 8\n');
    assert.strictEqual(record('- **Alliance feedback score:** not asked\n', 8, null), '- **Alliance feedback score:** 8, not asked\n');
  });

  it('adds the field at the end of "Between us", in the note’s own line breaks, BOM kept', () => {
    const note = '\uFEFF# Session\r\n\r\n## Between us\r\n\r\n- **Feedback I asked for, and what I heard:** fine\r\n\r\n## Next time\r\n';
    assert.strictEqual(
      record(note, 30, 40),
      '\uFEFF# Session\r\n\r\n## Between us\r\n\r\n- **Feedback I asked for, and what I heard:** fine\r\n- **Alliance feedback score:** 30/40\r\n\r\n## Next time\r\n',
    );
    assert.strictEqual(recordScoreEdits(note, { score: 30, max: 40 })?.kind, 'field');
    assert.strictEqual(record('## Between us\n', 3, null), '## Between us\n\n- **Alliance feedback score:** 3\n');
  });

  it('adds a "Between us" section before "Next time", or at the end', () => {
    assert.strictEqual(
      record('# S\n\n## Check-in\n\nok\n\n### Next time\n\nslow\n', 8, 10),
      '# S\n\n## Check-in\n\nok\n\n### Between us\n\n- **Alliance feedback score:** 8/10\n\n### Next time\n\nslow\n',
    );
    assert.strictEqual(record('# S\n\ntext\n', 8, 10), '# S\n\ntext\n\n## Between us\n\n- **Alliance feedback score:** 8/10\n');
    assert.strictEqual(record('# S\n\ntext', 8, 10), '# S\n\ntext\n\n## Between us\n\n- **Alliance feedback score:** 8/10');
    assert.strictEqual(record('', 8, 10), '## Between us\n\n- **Alliance feedback score:** 8/10\n');
    assert.strictEqual(recordScoreEdits('# S\n', { score: 1, max: null })?.kind, 'section');
  });

  it('ignores a field in code, and changes nothing where the score would not read back', () => {
    assert.strictEqual(
      record('```\n- **Alliance feedback score:** 3\n```\n', 8, null),
      '```\n- **Alliance feedback score:** 3\n```\n\n## Between us\n\n- **Alliance feedback score:** 8\n',
    );
    assert.strictEqual(recordScoreEdits('# S\n\n```\nnever closed\n', { score: 8, max: null }), undefined);
  });
});

describe('feedback: the index keeps notes that hold feedback whole', () => {
  it('finds the feedback labels in any letter case, and not the word in prose', () => {
    assert.strictEqual(mayHoldFeedback(Buffer.from('- **ALLIANCE FEEDBACK score:** 3')), true);
    assert.strictEqual(mayHoldFeedback(Buffer.from('- __FeedbacK I ASKED for, and what I heard:__ fine')), true);
    assert.strictEqual(mayHoldFeedback(Buffer.from('***\t Alliance feedback score (if any)**: 3')), true);
    assert.strictEqual(mayHoldFeedback(Buffer.from('I asked for feedback at the end; the feedback score was fine')), false);
    assert.strictEqual(mayHoldFeedback(Buffer.from('**Alliance feedback scor')), false);
    assert.strictEqual(mayHoldFeedback(Buffer.from('*_Alliance feedback score:_* 3')), false);
  });

  it('gives the feedback readers exactly what the whole text gives, for any note', () => {
    const piece = fc.constantFrom(
      '---\n',
      'client: C.D.\n',
      'date: 2026-10-01\n',
      '## Between us\n',
      '```\n',
      '<!--\n',
      '-->\n',
      '\r\n',
      '\n',
      '\uFEFF',
      '- **Alliance feedback score:** 7/10\n',
      '**ALLIANCE FEEDBACK SCORE (if any):** 8 of 9\n',
      '- **Feedback I asked for, and what I heard:** ok\n',
      'I asked for feedback at the end.\n',
      '#rupture\n',
      'é',
      'text ',
      '- ** ',
      '__',
      '*',
      'alliance feedback score',
      ':** 3\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const bytes = Buffer.from(pieces.join(''));
        const quick = indexableText(bytes);
        assert.ok(quick.ok);
        const full = parse(bytes.toString('utf8'), 'CD/2026-10-01.md');
        const fast = parse(quick.text, 'CD/2026-10-01.md');
        assert.deepStrictEqual(noteScore(fast), noteScore(full));
        assert.deepStrictEqual(heardLastTime([fast], full.client, '2027-01-01'), heardLastTime([full], full.client, '2027-01-01'));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the score of a note without a rupture from the scan', () => {
    const bytes = Buffer.from('---\nclient: A.B.\ndate: 2026-11-13\n---\n## Between us\n- **Alliance feedback score:** 30/40\n');
    const quick = indexableText(bytes);
    assert.ok(quick.ok);
    assert.deepStrictEqual(noteScore(parse(quick.text)), { score: 30, max: 40, line: 5 });
  });
});
