import * as assert from 'assert';
import { readDocs } from './docs';
import { BUILT_IN_CUES, builtInCues, compileCues, CUE_KINDS, findCues, quoteCueLine, readUserCues, type CompiledCues } from '../../src/core/cues';
import { parse } from './helpers';

/** The cues found in a note, as `[line, column, matched words, cue id]`. */
function found(text: string, compiled: CompiledCues = builtInCues()): [number, number, string, string][] {
  return findCues(text, parse(text), compiled).map((h) => [h.line, h.column, text.slice(h.offset, h.offset + h.length), h.cue]);
}

function ids(text: string, compiled?: CompiledCues): string[] {
  return found(text, compiled).map((f) => f[3]);
}

/** One sentence of ordinary prose per built-in cue, each holding every phrase of it. */
const PROSE: Readonly<Record<string, readonly string[]>> = {
  'not-exactly': ['She said "not exactly" when I summed it up.', 'Not exactly, he answered.'],
  well: ['Well... maybe, she said.', 'He started with "Well…" and stopped.'],
  'went-quiet': ['She went quiet.', 'He fell quiet.', 'They grew quiet.', 'She got quiet.', 'He went silent.', 'She fell silent.', 'They grew silent.', 'He got silent.'],
  'changed-subject': ['Then she changed the subject to work.'],
  polite: ['He nodded politely.', 'She was polite but distant.'],
  'stopped-crying': ['She stopped crying as soon as I explained the plan.'],
  'not-helping': ['This is not helping, he said.', "She said the homework isn't helping.", "He said talking doesn't help."],
  'dont-understand': ["You don't understand, she said.", "He said he didn't really get it, and I don't get it either, he added.", "You're not listening to me."],
  'whats-the-point': ["What's the point of all this?"],
  'too-fast': ['It was too fast for her.', 'Too much, too soon, she said.', 'She felt we went too far.'],
  'like-an-object': ['He said he felt like an object.', 'She said it felt like being worked on.'],
  cold: ['She said the fee talk felt cold.', 'He called it transactional.'],
  'stop-therapy': ['She wants to stop therapy.', 'He might stop coming.', 'She asked to end therapy.', 'He talked about ending therapy.', 'She wondered about quit therapy forms.'],
  'upset-with-me': ['Was she angry with me?', 'He was upset with me.', 'She seemed frustrated with me.', 'He was annoyed with me.', 'She got angry at me.'],
  defensive: ['I felt defensive.', 'I got defensive when she asked.', 'I was defensive.'],
  rushed: ['I rushed the ending.', 'I was rushing.'],
  irritated: ['I felt irritated.', 'I was irritated by the lateness.', 'I felt annoyed.'],
  'too-much-talking': ['I talked too much.', 'I kept explaining.'],
};

describe('cue hints (core)', () => {
  it('has exactly the built-in ids of the contract, each with its kind and a one-line tentative reason', () => {
    const expected: Record<string, string> = {
      'not-exactly': 'withdrawal',
      well: 'withdrawal',
      'went-quiet': 'withdrawal',
      'changed-subject': 'withdrawal',
      polite: 'withdrawal',
      'stopped-crying': 'withdrawal',
      'not-helping': 'confrontation',
      'dont-understand': 'confrontation',
      'whats-the-point': 'confrontation',
      'too-fast': 'confrontation',
      'like-an-object': 'confrontation',
      cold: 'confrontation',
      'stop-therapy': 'confrontation',
      'upset-with-me': 'confrontation',
      defensive: 'my own reaction',
      rushed: 'my own reaction',
      irritated: 'my own reaction',
      'too-much-talking': 'my own reaction',
    };
    assert.deepStrictEqual(Object.fromEntries(BUILT_IN_CUES.map((c) => [c.id, c.kind])), expected);
    for (const c of BUILT_IN_CUES) {
      assert.ok(!/[\n\r]/.test(c.reason) && c.reason.length < 160, c.id);
      assert.match(c.reason, /can|may/, `${c.id} says it tentatively`);
      assert.doesNotMatch(c.reason, /error|failure|diagnos|at risk/i, c.id);
    }
    assert.deepStrictEqual([...CUE_KINDS], ['withdrawal', 'confrontation', 'my own reaction']);
  });

  for (const cue of BUILT_IN_CUES) {
    describe(cue.id, () => {
      const sentences = PROSE[cue.id];

      it('is found in prose, every phrase of it', () => {
        assert.ok(sentences, `prose for ${cue.id}`);
        for (const sentence of sentences) {
          const text = `# Session\n\n${sentence}\n`;
          assert.ok(ids(text).includes(cue.id), sentence);
        }
      });

      it('is silent in front matter, fenced and indented code, HTML comments and rupture sections', () => {
        const sentence = sentences[0];
        const hidden = [
          `---\nnote: ${sentence}\n---\n# Session\n`,
          `# Session\n\n\`\`\`\n${sentence}\n\`\`\`\n`,
          `# Session\n\n~~~~\n${sentence}\n~~~~\n`,
          `# Session\n\n    ${sentence}\n`,
          `# Session\n\nText.\n\n\t${sentence}\n`,
          `# Session\n\n<!-- ${sentence} -->\n`,
          `# Session\n\n<!--\n${sentence}\n-->\n`,
          `# Session\n\n## The fee #rupture/open\n\n${sentence}\n\n### Repair plan\n\n${sentence}\n`,
          `# Session\n\n## ${sentence.replace(/[#]/g, '')} #rupture\n`,
        ];
        for (const text of hidden) assert.deepStrictEqual(ids(text), [], text);
      });
    });
  }

  it('stays silent on "went well", "well-paced", "the exercise helped" and other near misses', () => {
    const text = [
      '# Session',
      'The session went well.',
      'It felt well-paced.',
      'The exercise helped.',
      'Well, that was that.',
      'Farewell... for now.',
      'They said it is notexactly right, and exactly right.',
      'He was impolite but kind.',
      'The quieter room helped; it went quietly.',
      'I rushedly wrote this; I rushes.',
      'Too fastidious, too farsighted.',
      'Cold weather; she felt colder.',
      'Helpful: it is not helpful to rush.',
    ].join('\n');
    assert.deepStrictEqual(found(text), []);
  });

  it('matches any letter case, runs of spaces or tabs, and straight or curly apostrophes', () => {
    assert.deepStrictEqual(ids('NOT EXACTLY\nnot \t exactly\n'), ['not-exactly', 'not-exactly']);
    const curly = [
      'She said the plan isn\u2019t helping.',
      'He said talking doesn\u2019t help.',
      'You don\u2019t understand.',
      'I don\u2018t get it.',
      'You\u2019re not listening.',
      'What\u2019s the point?',
    ].join('\n');
    assert.deepStrictEqual(ids(curly), ['not-helping', 'not-helping', 'dont-understand', 'dont-understand', 'dont-understand', 'whats-the-point']);
  });

  it('gives zero-based lines, columns and lengths that point at the words, with a BOM and any line ending', () => {
    assert.deepStrictEqual(found('\uFEFFWell... she said.\r\nShe said "not exactly" and went quiet.\rI rushed.'), [
      [0, 0, 'Well...', 'well'],
      [1, 10, 'not exactly', 'not-exactly'],
      [1, 27, 'went quiet', 'went-quiet'],
      [2, 0, 'I rushed', 'rushed'],
    ]);
    const [hint] = findCues('\uFEFFNot exactly.', parse('\uFEFFNot exactly.'), builtInCues());
    assert.deepStrictEqual([hint.line, hint.column, hint.length, hint.kind], [0, 0, 11, 'withdrawal'], 'a BOM is not a column');
  });

  it('finds the example a therapist would write', () => {
    assert.deepStrictEqual(found("# Session\n\nShe said 'not exactly' and went quiet.\n"), [
      [2, 10, 'not exactly', 'not-exactly'],
      [2, 27, 'went quiet', 'went-quiet'],
    ]);
  });

  it('reads an indented line that continues a paragraph or a list as prose, not code', () => {
    assert.deepStrictEqual(ids('# Session\n\nShe paused,\n    then went quiet.\n\n- Check-in\n    - I rushed.\n'), ['went-quiet', 'rushed']);
  });

  it('looks again after a rupture section ends, and after code and comments close', () => {
    const text = [
      '# Session', // 0
      '## Fee #rupture/planned', // 1
      'She went quiet.', // 2
      '### Repair plan', // 3
      'I rushed.', // 4
      '## Later', // 5
      'She went quiet.', // 6
      '```', // 7
      'I rushed.', // 8
      '```', // 9
      '<!-- I rushed. -->', // 10
      'I rushed.', // 11
    ].join('\n');
    assert.deepStrictEqual(found(text).map((f) => [f[0], f[3]]), [[6, 'went-quiet'], [11, 'rushed']]);
    // A setext heading ends a rupture section as VS Code's outline does.
    assert.deepStrictEqual(found('## Fee #rupture\nI rushed.\n\nLater\n=====\nI rushed.\n').map((f) => f[0]), [5]);
  });

  it('adds the phrases of the attune.cues.phrases setting, with their own kind and reason', () => {
    const user = readUserCues([
      { phrase: 'nicht genau', kind: 'withdrawal', reason: 'Kann bedeuten, dass wir nicht ganz beieinander sind.' },
      { phrase: 'ça ne m\u2019aide pas', kind: 'confrontation', reason: 'Peut vouloir dire que le travail ne convient pas.', id: 'ne-m-aide-pas' },
      { phrase: 'zu schnell', kind: 'my own reaction', reason: 'Vielleicht ging es zu schnell.' },
    ]);
    assert.strictEqual(user.skipped, 0);
    const compiled = compileCues(user.cues);
    const text = '# Sitzung\n\nSie sagte: Nicht genau.\nIl a dit : ça ne m\'aide pas.\nZu schnellem Tempo; not exactly.\n';
    const hints = findCues(text, parse(text), compiled);
    assert.deepStrictEqual(
      hints.map((h) => [h.line, h.cue, h.kind, h.reason.slice(0, 10)]),
      [
        [2, 'nicht-genau', 'withdrawal', 'Kann bedeu'],
        [3, 'ne-m-aide-pas', 'confrontation', 'Peut voulo'],
        [4, 'not-exactly', 'withdrawal', 'An answer '],
      ],
    );
    assert.deepStrictEqual(ids('Zu schnell.', compiled), ['zu-schnell'], 'word boundaries hold for letters beyond ASCII too');
    assert.deepStrictEqual(ids('Über Nicht genauigkeit.', compiled), []);
  });

  it('skips hostile or broken entries of the setting, never throwing, and treats phrases as plain words', () => {
    const user = readUserCues([
      null,
      'not exactly',
      42,
      [],
      { phrase: '', kind: 'withdrawal', reason: 'x' },
      { phrase: '...', kind: 'withdrawal', reason: 'punctuation alone would match everywhere' },
      { phrase: 'x'.repeat(101), kind: 'withdrawal', reason: 'too long' },
      { phrase: 'ok', kind: 'anger', reason: 'unknown kind' },
      { phrase: 'ok', kind: 'withdrawal' },
      { phrase: 'ok', kind: 'withdrawal', reason: 'r'.repeat(301) },
      { phrase: { toString: 'x' }, kind: 'withdrawal', reason: 'not a string' },
      { phrase: '(a+)+$', kind: 'withdrawal', reason: 'a regular expression is only text here' },
      { phrase: 'two\nlines', kind: 'confrontation', reason: 'a reason\nover two lines', id: '../../etc' },
    ]);
    assert.strictEqual(user.skipped, 11);
    assert.deepStrictEqual(
      user.cues.map((c) => [c.id, c.phrases, c.reason]),
      [
        ['a', ['(a+)+$'], 'a regular expression is only text here'],
        ['two-lines', ['two lines'], 'a reason over two lines'],
      ],
    );
    const compiled = compileCues(user.cues);
    assert.deepStrictEqual(ids('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n(a+)+$ here\n', compiled), ['a']);
    for (const raw of [undefined, null, 'text', 7, {}, { length: 1e9 }]) assert.doesNotThrow(() => readUserCues(raw));
    assert.strictEqual(readUserCues(new Array(250).fill({ phrase: 'p', kind: 'withdrawal', reason: 'r' })).cues.length, 200);
    assert.strictEqual(readUserCues(new Array(250).fill({ phrase: 'p', kind: 'withdrawal', reason: 'r' })).skipped, 50);
  });

  it('stays linear on hostile text', () => {
    const text = `${'not '.repeat(200000)}\n${'well'.repeat(100000)}....\n${'I  \t'.repeat(100000)}`;
    const started = Date.now();
    findCues(text, parse(text), builtInCues());
    // Not a timing contract: a runaway (quadratic) search would take minutes, not seconds.
    assert.ok(Date.now() - started < 20000);
  });

  it('quotes a line for the "Cues I noticed" field', () => {
    assert.strictEqual(quoteCueLine("  She said 'not exactly' and went quiet.  "), `"She said 'not exactly' and went quiet."`);
    assert.strictEqual(quoteCueLine('She said "not exactly".'), '\u201CShe said "not exactly".\u201D');
  });

  it('is documented in the README: every built-in cue with its kind, and the settings', () => {
    const readme = readDocs();
    for (const c of BUILT_IN_CUES) assert.ok(readme.includes(`| \`${c.id}\` | ${c.kind} |`), c.id);
    for (const setting of ['attune.cues.enabled', 'attune.cues.phrases']) assert.ok(readme.includes(`| \`${setting}\` |`), setting);
    assert.ok(readme.includes('## `attune cues [PATH] [--json]`'));
  });
});
