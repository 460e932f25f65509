import * as assert from 'assert';
import { readDocs } from './docs';
import {
  BUILT_IN_CUES,
  builtInCues,
  compileCues,
  CUE_KINDS,
  findCues,
  lineForReflection,
  quoteCueLine,
  readUserCues,
  SAFETY_FIRST,
  type CompiledCues,
} from '../../src/core/cues/cues';
import { hasRiskLanguage } from '../../src/core/safety/riskLanguage';
import { parse } from './helpers';

/** The cues found in a note, as `[line, column, matched words, cue id]`. */
function found(text: string, compiled: CompiledCues = builtInCues()): [number, number, string, string][] {
  return findCues(text, parse(text), compiled).map((h) => [h.line, h.column, text.slice(h.offset, h.offset + h.length), h.cue]);
}

function ids(text: string, compiled?: CompiledCues): string[] {
  return found(text, compiled).map((f) => f[3]);
}

/**
 * Per built-in cue: sentences a therapist may write where the cue fires, and their near
 * twins where it stays silent (the same words about someone's life, in someone else's
 * mouth, or outside the place the rule looks at). Every example of issue 23 is here.
 */
const FIRES: Readonly<Record<string, readonly string[]>> = {
  'not-exactly': ['She said "not exactly" when I summed it up.', 'Not exactly, he answered.', '"Not exactly."', 'She said not exactly.'],
  well: ['"Well... maybe," she said.', 'He started with "Well\u2026" and stopped.', '"Well... I guess."', '"Well\u2026"'],
  dismissive: ['"Whatever."', '"Fine."', 'She shrugged: \u201CFine, whatever.\u201D'],
  'wants-to-leave': ['"Can I go now?"', '"Is it time yet?"', '"Is it time?"', 'She kept looking at the clock.', 'He checked the clock twice.'],
  'went-quiet': ['She went quiet.', 'He went quiet after I suggested the exercise.', 'She fell silent when I mentioned the fee.', 'He shut down when I asked.'],
  'changed-subject': [
    'Then she changed the subject.',
    'She would change the subject.',
    'He keeps changing the subject when I ask about it.',
    'She changes the subject.',
    'She has changed the subject.',
  ],
  polite: ['He nodded politely.', 'She was polite but distant with me.'],
  'stopped-crying': ['She stopped crying as soon as I explained the plan.'],
  'late-or-missed': ['She arrived 20 minutes late again.', 'Missed the session.', 'He cancelled again.', 'She came late.'],
  'not-helping': [
    'She said "this isn\'t helping."',
    '"Therapy did nothing for me."',
    '"I tried the exercise and it didn\'t work."',
    '"None of them are helping."',
    '"The sessions aren\'t working."',
    '"Therapy isn\'t working."',
    "She said the homework isn't helping.",
    '"You\'re not helping."',
    '"It\'s not helping," she said about the sessions.',
    'She said of the homework: "It\'s not helping."',
  ],
  'dont-understand': [
    '"You don\'t understand."',
    '"I don\'t think you get my situation."',
    '"You don\'t get it."',
    "You don't get it, she said.",
    "She doesn't take me seriously.",
    "She doesn't seem to take me seriously.",
    'She said "my therapist doesn\'t get it."',
  ],
  'whats-the-point': ['"What\'s the point of this?"', '"What\'s the point of coming here?"'],
  'too-fast': [
    '"This is a little too much for me now."',
    '"This is too much."',
    '"This is too much for me."',
    '"You\'re going too fast."',
    'She said the exercise went too fast for her.',
  ],
  'like-an-object': ['"I feel like an object here."', '"You treat me like a case study."'],
  cold: ['She said the way I brought up the fee felt cold.', '"You were so cold about the fee."'],
  'stop-therapy': ['"I want to stop coming."', 'She wants to stop therapy.', '"I think I\'ll quit therapy."'],
  'upset-with-me': ['She was angry with me.', '"Are you angry with me?"', '"I\'m so frustrated with you."'],
  defensive: ['I felt defensive.', 'I got defensive when she asked.'],
  rushed: ['I rushed the ending.', 'I was rushing.'],
  irritated: ['I felt irritated.', 'I was annoyed by the lateness.', 'I was irritated by her lateness.', 'I felt irritated by the noise she made.'],
  'too-much-talking': ['I talked too much.', 'I kept explaining.'],
};

const SILENT: Readonly<Record<string, readonly string[]>> = {
  'not-exactly': ['She said: "I\'m not exactly sure what a healthy relationship looks like."', 'It is not exactly clear.'],
  well: ['"Well, my mom is fine with it."', 'The session went well... mostly.', 'Farewell... for now.'],
  dismissive: ['"Fine, but my husband wants to move."', '"Whatever happens, I\'ll stay."', 'The weather was fine.'],
  'wants-to-leave': ['"Is it time to end my relationship with my boyfriend for good?"', 'Her boss kept looking at the clock.'],
  'went-quiet': [
    '"We have got quiet a long way to go."',
    'She went quiet when her mother died.',
    'She says her husband went quiet.',
    '"My husband went quiet."',
  ],
  'changed-subject': ['Her father changed the subject.', '"I change the subject whenever my mom brings it up."'],
  polite: ['Her mother nodded politely.', 'He was impolite but kind.'],
  'stopped-crying': ['Her baby stopped crying.'],
  'late-or-missed': ['Her friend cancelled again.', '"I was late for work again."', 'She missed her flight.'],
  'not-helping': [
    'She said "It doesn\'t help that I\'m not the best at communicating."',
    '"My medication isn\'t helping."',
    '"My antidepressants aren\'t working."',
    'The exercise helped.',
    '"It\'s not helping," she said about the diet.',
    'She said of the diet: "It\'s not helping."',
  ],
  'dont-understand': [
    '"My husband doesn\'t understand me."',
    'Her mother said "you don\'t get it."',
    '"She doesn\'t seem to take me seriously."',
    "My therapist doesn't get it.",
    "She said her old therapist doesn't get it.",
    '"My previous counsellor didn\'t get it."',
  ],
  'whats-the-point': ['"What\'s the point of arguing with my dad?"'],
  'too-fast': ['He said, "the tooth is too far gone."', 'She said the drive is too far to drive.', '"My job is too much for me."'],
  'like-an-object': ['"My husband treats me like an object."'],
  cold: ['She said the weather felt cold.', '"My mother was so cold to me."'],
  'stop-therapy': ['"My son will stop coming to visit."', 'Her brother wants to stop therapy.'],
  'upset-with-me': [
    '"I\'m so angry at you, Mom," he said when he told me about the fight.',
    '"Why is my fiancé angry at me about his insurance?"',
    '"My husband is angry with me."',
    'Her husband was angry with her.',
  ],
  defensive: ['"I felt defensive when my boss yelled."'],
  rushed: ['She said "in fear of my life I rushed to call the police."', 'She rushed to the station.'],
  irritated: ['"I felt irritated with my sister."', 'I was irritated by the noise.', 'I felt irritated by the traffic on my way in.'],
  'too-much-talking': ['"I talked too much at the party."'],
};

describe('cue hints (core)', () => {
  it('has exactly the built-in ids, each with its kind and a one-line tentative reason', () => {
    const expected: Record<string, string> = {
      'not-exactly': 'withdrawal',
      well: 'withdrawal',
      dismissive: 'withdrawal',
      'wants-to-leave': 'withdrawal',
      'went-quiet': 'withdrawal',
      'changed-subject': 'withdrawal',
      polite: 'withdrawal',
      'stopped-crying': 'withdrawal',
      'late-or-missed': 'withdrawal',
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
    for (const c of [...BUILT_IN_CUES, SAFETY_FIRST]) {
      assert.ok(!/[\n\r]/.test(c.reason) && c.reason.length < 160, c.id);
      assert.match(c.reason, /can|may/, `${c.id} says it tentatively`);
      assert.doesNotMatch(c.reason, /error|failure|fault|diagnos|at risk|overdue/i, c.id);
    }
    assert.deepStrictEqual([...CUE_KINDS], ['withdrawal', 'confrontation', 'my own reaction']);
  });

  for (const cue of BUILT_IN_CUES) {
    describe(cue.id, () => {
      const sentences = FIRES[cue.id];

      it('fires where its rule holds', () => {
        assert.ok(sentences, `examples for ${cue.id}`);
        for (const sentence of sentences) assert.deepStrictEqual(ids(`# Session\n\n${sentence}\n`), [cue.id], sentence);
      });

      it("stays silent on its near twins: about someone else, in someone else's words, or not about the work", () => {
        assert.ok(SILENT[cue.id], `twins for ${cue.id}`);
        for (const sentence of SILENT[cue.id]) assert.deepStrictEqual(ids(`# Session\n\n${sentence}\n`), [], sentence);
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

  it("gives two hints to \"she said 'this isn't helping' and went quiet after I pushed\", in every style of quote", () => {
    for (const [open, close] of [
      ["'", "'"],
      ['"', '"'],
      ['\u201C', '\u201D'],
      ['\u2018', '\u2019'],
      ['\u00AB', '\u00BB'],
    ]) {
      const text = `# Session\n\nShe said ${open}this isn\u2019t helping${close} and went quiet after I pushed.\n`;
      assert.deepStrictEqual(ids(text), ['not-helping', 'went-quiet'], text);
    }
  });

  it("reads a quote that runs over lines of one paragraph as the client's words throughout", () => {
    const text = '# Session\n\nShe said: "My week was long and\nI rushed to the bus. Then my\nhusband got angry with me."\n\nI rushed.\n';
    assert.deepStrictEqual(
      found(text).map((f) => [f[0], f[3]]),
      [[6, 'rushed']],
    );
  });

  it('leaves out words attributed to someone else, before or after the quote, and words said to someone else', () => {
    for (const sentence of [
      'Her mother said "you don\'t get it."',
      '"You don\'t get it," her boss said.',
      'She told her husband "you don\'t understand."',
      'I said "this isn\'t helping?" to check.',
      "She said \"my sister told me 'you don't get it'\" and laughed.",
    ])
      assert.deepStrictEqual(ids(`# Session\n\n${sentence}\n`), [], sentence);
    for (const sentence of ['"You don\'t get it," she said.', 'She told me "you don\'t get it."', 'He snapped: "you don\'t get it."']) {
      assert.deepStrictEqual(ids(`# Session\n\n${sentence}\n`), ['dont-understand'], sentence);
    }
  });

  it("sees a therapist's own reaction only in the therapist's narrative, never inside a quote", () => {
    assert.deepStrictEqual(ids('# S\n\nI felt defensive when she said "I rushed here." I rushed.\n'), ['defensive', 'rushed']);
    assert.deepStrictEqual(ids('# S\n\n"I rushed, I felt defensive, I talked too much," she said of her date.\n'), []);
  });

  describe('safety first', () => {
    it('turns a relationship cue in a sentence that speaks of risk into safety-first, of kind safety', () => {
      const text = '# S\n\n"I want to quit therapy and just make myself worse enough where I can finally kill myself."\n';
      const hints = findCues(text, parse(text), builtInCues());
      assert.deepStrictEqual(
        hints.map((h) => [h.cue, h.kind]),
        [['safety-first', 'safety']],
      );
      assert.match(hints[0].reason, /risk/);
      assert.match(hints[0].reason, /Safety comes first/);
      assert.doesNotMatch(hints[0].reason, /between you|the two of you/);
      for (const sentence of [
        'She said "I want to die" and went quiet.',
        '"What\'s the point of coming here if I\'m going to end it all anyway?"',
        '"This isn\'t helping, I keep thinking about suicide."',
        'She went quiet after I asked about the self-harm.',
        '"You don\'t get it, I just don\'t want to be here anymore."',
        'He said "you don\'t understand, I could hurt someone."',
        'Reports SI; went quiet when I asked about it.',
        '"This isn\'t helping, there is no reason to go on."',
        '"Can I go now? I just want to end it all."',
        '"What\'s the point of this? I\'m a burden to everyone."',
        '"This isn\'t helping, I wish I could go to sleep and never wake up."',
        '"You don\'t get it, I just want to disappear."',
      ])
        assert.deepStrictEqual(ids(`# S\n\n${sentence}\n`), ['safety-first'], sentence);
    });

    it('gives nothing to risk words without a cue, or to negated shorthand, and keeps cues beside negated shorthand', () => {
      for (const sentence of [
        'Denies SI.',
        'Denies SI/HI.',
        'No suicidal ideation.',
        'She said "I want to die."',
        '"What\'s the point of living?" she asked her sister.',
      ]) {
        assert.deepStrictEqual(ids(`# S\n\n${sentence}\n`), [], sentence);
      }
      assert.deepStrictEqual(ids('# S\n\nDenies SI. She went quiet when I mentioned the fee.\n'), ['went-quiet']);
      assert.deepStrictEqual(ids('# S\n\nNo suicidal ideation; she said "this isn\'t helping."\n'), ['not-helping']);
    });

    it('knows risk language from its negated shorthand', () => {
      for (const t of [
        'I want to die',
        'thoughts of suicide',
        'she cut herself',
        'no reason to go on',
        'end it all',
        'kill myself',
        'Reports SI with plan',
        'self-harm last week',
        'he might hurt someone',
        'I am a burden to everyone',
        'she feels like such a burden',
        'I wish I could go to sleep and never wake up',
        'I just want to disappear',
        'nothing left to live for',
      ])
        assert.ok(hasRiskLanguage(t), t);
      for (const t of [
        'Denies SI',
        'denies SI/HI',
        'no suicidal ideation',
        'SI: denied',
        'negative for SI',
        'denies thoughts of self-harm',
        'the tooth is too far gone',
        'I could kill for a coffee',
        'the burden of proof',
        'the fee is a burden on her budget',
        'I want the pain to disappear',
      ])
        assert.ok(!hasRiskLanguage(t), t);
    });

    it('never lets a reflection quote a sentence with risk language', () => {
      assert.strictEqual(lineForReflection('She said "I want to die."'), undefined);
      assert.strictEqual(lineForReflection('"This isn\'t helping." She went quiet.'), '"This isn\'t helping." She went quiet.');
      assert.strictEqual(lineForReflection('She went quiet. She said she wants to kill herself.'), 'She went quiet. [\u2026]');
      assert.strictEqual(lineForReflection('Denies SI. She went quiet.'), 'Denies SI. She went quiet.');
    });
  });

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
    assert.deepStrictEqual(ids('"NOT EXACTLY"\n"not \t exactly"\n'), ['not-exactly', 'not-exactly']);
    const curly = [
      'She said the sessions isn\u2019t helping.',
      '"Talking to you doesn\u2019t help."',
      '"You don\u2019t understand."',
      '"You don\u2018t get it."',
      '"You\u2019re not listening."',
      '"What\u2019s the point of this?"',
    ].join('\n\n');
    assert.deepStrictEqual(ids(curly), ['not-helping', 'not-helping', 'dont-understand', 'dont-understand', 'dont-understand', 'whats-the-point']);
  });

  it('gives zero-based lines, columns and lengths that point at the words, with a BOM and any line ending', () => {
    assert.deepStrictEqual(found('\uFEFF"Well..." she said.\r\nShe said "not exactly" and went quiet.\rI rushed.'), [
      [0, 1, 'Well...', 'well'],
      [1, 10, 'not exactly', 'not-exactly'],
      [1, 27, 'went quiet', 'went-quiet'],
      [2, 0, 'I rushed', 'rushed'],
    ]);
    const [hint] = findCues('\uFEFF"Not exactly."', parse('\uFEFF"Not exactly."'), builtInCues());
    assert.deepStrictEqual([hint.line, hint.column, hint.length, hint.kind], [0, 1, 11, 'withdrawal'], 'a BOM is not a column');
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
    assert.deepStrictEqual(
      found(text).map((f) => [f[0], f[3]]),
      [
        [6, 'went-quiet'],
        [11, 'rushed'],
      ],
    );
    // A setext heading ends a rupture section as VS Code's outline does.
    assert.deepStrictEqual(
      found('## Fee #rupture\nI rushed.\n\nLater\n=====\nI rushed.\n').map((f) => f[0]),
      [5],
    );
  });

  it('adds the phrases of the attune.cues.phrases setting, with their own kind and reason', () => {
    const user = readUserCues([
      { phrase: 'nicht genau', kind: 'withdrawal', reason: 'Kann bedeuten, dass wir nicht ganz beieinander sind.' },
      { phrase: 'ça ne m\u2019aide pas', kind: 'confrontation', reason: 'Peut vouloir dire que le travail ne convient pas.', id: 'ne-m-aide-pas' },
      { phrase: 'zu schnell', kind: 'my own reaction', reason: 'Vielleicht ging es zu schnell.' },
    ]);
    assert.strictEqual(user.skipped, 0);
    const compiled = compileCues(user.cues);
    const text = '# Sitzung\n\nSie sagte: Nicht genau.\nIl a dit : ça ne m\'aide pas.\nZu schnellem Tempo; "not exactly."\n';
    const hints = findCues(text, parse(text), compiled);
    assert.deepStrictEqual(
      hints.map((h) => [h.line, h.cue, h.kind, h.reason.slice(0, 10)]),
      [
        [2, 'nicht-genau', 'withdrawal', 'Kann bedeu'],
        [3, 'ne-m-aide-pas', 'confrontation', 'Peut voulo'],
        [4, 'not-exactly', 'withdrawal', 'A reply th'],
      ],
    );
    assert.deepStrictEqual(ids('Zu schnell.', compiled), ['zu-schnell'], 'word boundaries hold for letters beyond ASCII too');
    assert.deepStrictEqual(ids('Über Nicht genauigkeit.', compiled), []);
  });

  it("searches the clinician's own phrases beside the built-in ones: any first letter, never overlapping, however many", () => {
    const own = (phrases: string[]): CompiledCues => compileCues(readUserCues(phrases.map((phrase) => ({ phrase, kind: 'withdrawal', reason: 'r' }))).cues);
    const compiled = own(['Ärger', 'exactly', '\u00BBgenug\u00AB', 'I felt']);
    assert.deepStrictEqual(ids('Viel Ärger heute.', compiled), ['\u00E4rger'], 'a phrase starting with a letter beyond ASCII, after a space');
    assert.deepStrictEqual(ids('SchÄrger.', compiled), [], '... but not inside a word');
    assert.deepStrictEqual(ids('Sie sagte \u00BBgenug\u00AB.', compiled), ['genug'], 'a phrase starting with punctuation');
    // The built-in cue comes first where both start; words inside a cue found are not looked at again.
    assert.deepStrictEqual(
      found('"Not exactly."\nI felt defensive.', compiled).map((f) => [f[0], f[2], f[3]]),
      [
        [0, 'Not exactly', 'not-exactly'],
        [1, 'I felt defensive', 'defensive'],
      ],
    );
    assert.deepStrictEqual(ids('It was exactly that.', compiled), ['exactly']);
    const many = own(Array.from({ length: 200 }, (_v, i) => `own phrase number ${i} with some words after it`));
    assert.deepStrictEqual(ids('"Not exactly." Then: own phrase number 199 with some words after it.', many), [
      'not-exactly',
      'own-phrase-number-199-with-some-words-af',
    ]);
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
        ['a', [{ rule: 'own', phrases: ['(a+)+$'] }], 'a regular expression is only text here'],
        ['two-lines', [{ rule: 'own', phrases: ['two lines'] }], 'a reason over two lines'],
      ],
    );
    const compiled = compileCues(user.cues);
    assert.deepStrictEqual(ids('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n(a+)+$ here\n', compiled), ['a']);
    for (const raw of [undefined, null, 'text', 7, {}, { length: 1e9 }]) assert.doesNotThrow(() => readUserCues(raw));
    assert.strictEqual(readUserCues(new Array(250).fill({ phrase: 'p', kind: 'withdrawal', reason: 'r' })).cues.length, 200);
    assert.strictEqual(readUserCues(new Array(250).fill({ phrase: 'p', kind: 'withdrawal', reason: 'r' })).skipped, 50);
  });

  it('finishes on hostile text (its time grows linearly: npm run bench:hostile)', () => {
    const text = `${'not '.repeat(200000)}\n${'well'.repeat(100000)}....\n${'I  \t'.repeat(100000)}`;
    // Runs of words that only begin a cue ("not", "well", "I") are no cue.
    assert.deepStrictEqual(findCues(text, parse(text), builtInCues()), []);
  });

  it('quotes a line for the "Cues I noticed" field', () => {
    assert.strictEqual(quoteCueLine("  She said 'not exactly' and went quiet.  "), `"She said 'not exactly' and went quiet."`);
    assert.strictEqual(quoteCueLine('She said "not exactly".'), '\u201CShe said "not exactly".\u201D');
  });

  it('is documented: every built-in cue and safety-first in the cue table with its kind, the settings, the command', () => {
    const docs = readDocs();
    for (const c of [...BUILT_IN_CUES, SAFETY_FIRST]) assert.ok(docs.includes(`| \`${c.id}\` | ${c.kind} |`), c.id);
    for (const setting of ['attune.cueHints', 'attune.cues.phrases']) assert.ok(docs.includes(`(\`${setting}\`) |`), setting);
    assert.ok(docs.includes('## `attune cues [PATH] [--json]`'));
    assert.ok(docs.includes('### Cue hints'), 'the README keeps its Cue hints section, which other pages link to');
  });

  it("documents each cue with an example that fires and one that stays silent, and the table's examples do what it says", () => {
    const docs = readDocs();
    const table = docs.slice(docs.indexOf('## The cues'), docs.indexOf('## Safety first'));
    const examples = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const rows = new Map<string, string[]>();
    for (const row of table.split('\n').filter((l) => /^\| `[a-z-]+` \|/.test(l))) {
      const cells = row.split('|').map((c) => c.trim());
      rows.set(cells[1].replace(/`/g, ''), cells);
    }
    assert.deepStrictEqual(
      [...rows.keys()],
      [...BUILT_IN_CUES, SAFETY_FIRST].map((c) => c.id),
      'one row per cue, in order',
    );
    for (const [id, cells] of rows) {
      const [fires, silent] = [examples(cells[5]), examples(cells[6])];
      assert.ok(fires.length > 0 && silent.length > 0, `${id}: an example that fires and one that stays silent`);
      for (const sentence of fires) assert.deepStrictEqual(ids(`# Session\n\n${sentence}\n`), [id], sentence);
      for (const sentence of silent) assert.deepStrictEqual(ids(`# Session\n\n${sentence}\n`), [], sentence);
    }
  });
});
