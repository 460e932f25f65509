import * as assert from 'assert';
import { feedbackLower, feedbackSeries, noteScore, parseScore } from '../../src/core/feedback';
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
    const note = parse([
      '- **Alliance feedback score:** 30/40', // 0
      '- **alliance FEEDBACK score (if we use one):** 36/40', // 1
      '```', '- **Alliance feedback score:** 10/40', '```', // 2-4
      '<!-- - **Alliance feedback score:** 11/40 -->', // 5
    ].join('\n'));
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
    assert.strictEqual(feedbackLower([{ score: 9, max: null }, { score: 8, max: null }]), true);
    assert.strictEqual(feedbackLower([{ score: 8, max: null }, { score: 8, max: null }]), false);
    assert.strictEqual(feedbackLower([{ score: 5, max: null }, { score: 9, max: null }, { score: 8, max: null }]), true);
  });

  it('compares shares of the maximum when both scores state one, plain numbers otherwise', () => {
    // 36/40 is 0.9; 9/10 is 0.9: not lower. 35/40 is 0.875: lower than 9/10.
    assert.strictEqual(feedbackLower([{ score: 9, max: 10 }, { score: 36, max: 40 }]), false);
    assert.strictEqual(feedbackLower([{ score: 9, max: 10 }, { score: 35, max: 40 }]), true);
    // One maximum missing: plain numbers, 35 is not lower than 9.
    assert.strictEqual(feedbackLower([{ score: 9, max: null }, { score: 35, max: 40 }]), false);
  });

  it('also flags a latest score below the clinician’s own threshold', () => {
    assert.strictEqual(feedbackLower([{ score: 30, max: 40 }], 32), true);
    assert.strictEqual(feedbackLower([{ score: 33, max: 40 }], 32), false);
    assert.strictEqual(feedbackLower([{ score: 30, max: 40 }, { score: 31, max: 40 }], 32), true);
  });
});
