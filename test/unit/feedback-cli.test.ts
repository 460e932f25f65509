import * as assert from 'assert';
import { readDocs } from './docs';
import * as path from 'path';
import { noteScore } from '../../src/core/feedback/feedback';
import { cli, parse, TempDirs } from './helpers';

const between = (score: string, heard?: string): string =>
  `## Between us\n\n${heard ? `- **Feedback I asked for, and what I heard:** ${heard}\n` : ''}- **Alliance feedback score (if we use one):** ${score}\n`;

/** A.B. with a dip at the latest session, C.D. with one score, E.F. with none. */
const NOTES: Readonly<Record<string, string>> = {
  'AB/2026-10-30.md': `---\nclient: A.B.\n---\n# Session\n\n${between('36/40', 'Felt heard.')}`,
  'AB/2026-11-06.md': `---\nclient: A.B.\n---\n# Session\n\n## Fee #rupture/planned\n\n${between('9.5 of 10')}`,
  'AB/2026-11-13.md': `---\nclient: A.B.\n---\n# Session\n\n${between('34/40', '"It was fine." Said quickly.')}`,
  'AB/intake.md': `---\nclient: A.B.\n---\n${between('1/40')}`,
  'AB/2026-11-14.md': '---\nclient: A.B.\n---\n```\n- **Alliance feedback score:** 2/40\n```\n',
  'CD/2026-11-10.md': `---\nclient: C.D.\n---\n${between('7')}`,
  'EF/2026-11-01.md': '---\nclient: E.F.\n---\n# Session\n',
};

describe('attune feedback (command line)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('prints the client’s scores as JSON, oldest first, files relative to DIR, lines from 1', () => {
    const dir = temp.make(NOTES);
    const r = cli(['feedback', '--client', 'A.B.', dir, '--json'], '/');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, '');
    assert.deepStrictEqual(JSON.parse(r.out), [
      { date: '2026-10-30', score: 36, max: 40, file: 'AB/2026-10-30.md', line: 9 },
      { date: '2026-11-06', score: 9.5, max: 10, file: 'AB/2026-11-06.md', line: 10 },
      { date: '2026-11-13', score: 34, max: 40, file: 'AB/2026-11-13.md', line: 9 },
    ]);
    assert.deepStrictEqual(JSON.parse(cli(['feedback', '--client=e.f.', '--json'], dir).out), []);
  });

  it('prints a short readable list', () => {
    const dir = temp.make(NOTES);
    const r = cli(['feedback', '--client', 'a.b.'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(
      r.out,
      'Feedback scores for A.B., oldest first:\n' +
        '  2026-10-30  36/40   AB/2026-10-30.md:9\n' +
        '  2026-11-06  9.5/10  AB/2026-11-06.md:10\n' +
        '  2026-11-13  34/40   AB/2026-11-13.md:9\n',
    );
    assert.strictEqual(cli(['feedback', '--client', 'E.F.'], dir).out, 'No feedback scores are written in the dated notes of E.F. yet.\n');
  });

  it('escapes control characters in what it prints', () => {
    const dir = temp.make({ 'X\u001b[31mY/2026-11-01.md': between('5') });
    const r = cli(['feedback', '--client', 'X\u001b[31mY'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(!r.out.includes('\u001b'), r.out);
    assert.match(r.out, /X\\x1b\[31mY\/2026-11-01\.md:3/);
  });

  it('exits 2 for an unknown client, listing the known ones as checklist does', () => {
    const dir = temp.make(NOTES);
    const r = cli(['feedback', '--client', 'ZZ', dir], '/');
    const c = cli(['checklist', '--client', 'ZZ', dir], '/');
    assert.deepStrictEqual(r, { code: 2, out: '', err: 'attune: no notes for client "ZZ"; known clients: A.B., C.D., E.F.\n' });
    assert.deepStrictEqual(r, c);
    const missing = cli(['feedback', dir], '/');
    assert.strictEqual(missing.code, 2);
    assert.strictEqual(missing.err, 'attune: feedback needs --client C; known clients: A.B., C.D., E.F.\n');
    assert.strictEqual(cli(['feedback', '--client', 'A.B.', dir, dir], '/').code, 2);
    assert.strictEqual(cli(['feedback', '--client', 'A.B.', '--bogus'], dir).code, 2);
  });

  it('is listed in the help', () => {
    assert.match(cli(['--help'], '/').out, /attune feedback --client C \[DIR\] \[--json\]/);
  });
});

describe('attune checklist: feedback', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  type Data = { feedback: { date: string; score: number; max: number | null }[]; feedbackLower: boolean; items: { kind: string; text: string }[] };
  const json = (argv: string[], dir: string): Data => {
    const r = cli(['checklist', ...argv, '--json'], dir);
    assert.strictEqual(r.code, 0, r.err);
    return JSON.parse(r.out) as Data;
  };

  it('adds the last five scores, oldest first, and whether the latest is lower', () => {
    const extra: Record<string, string> = {};
    for (const d of ['01', '02', '03']) extra[`AB/2026-09-${d}.md`] = `---\nclient: A.B.\n---\n${between('20/40')}`;
    const dir = temp.make({ ...NOTES, ...extra });
    const data = json(['--client', 'A.B.'], dir);
    assert.deepStrictEqual(
      data.feedback.map((f) => [f.date, f.score, f.max]),
      [
        ['2026-09-02', 20, 40],
        ['2026-09-03', 20, 40],
        ['2026-10-30', 36, 40],
        ['2026-11-06', 9.5, 10],
        ['2026-11-13', 34, 40],
      ],
    );
    // 34/40 is 0.85, lower than 9.5/10: compared as fractions, not as 34 > 9.5.
    assert.strictEqual(data.feedbackLower, true);
    assert.ok(data.items.some((i) => /^Their feedback score last time was lower than the time before\. Early on, check in gently/.test(i.text)));
  });

  it('is false with one score, and with none', () => {
    const dir = temp.make(NOTES);
    assert.deepStrictEqual([json(['--client', 'C.D.'], dir).feedback.length, json(['--client', 'C.D.'], dir).feedbackLower], [1, false]);
    assert.deepStrictEqual([json(['--client', 'E.F.'], dir).feedback, json(['--client', 'E.F.'], dir).feedbackLower], [[], false]);
  });

  it('takes --feedback-threshold: a latest score below it is worth a check-in too', () => {
    const dir = temp.make(NOTES);
    assert.strictEqual(json(['--client', 'C.D.', '--feedback-threshold', '8'], dir).feedbackLower, true);
    assert.strictEqual(json(['--client', 'C.D.', '--feedback-threshold=7'], dir).feedbackLower, false);
    const r = cli(['checklist', '--client', 'C.D.', '--feedback-threshold', 'low'], dir);
    assert.deepStrictEqual(r, { code: 2, out: '', err: 'attune: --feedback-threshold takes a number, on the scale you use\n' });
  });

  it('shows the scores in one line and the words heard last time in the text', () => {
    const dir = temp.make(NOTES);
    const r = cli(['checklist', '--client', 'A.B.'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.includes('\n\nRecent feedback scores, oldest first: 36/40 (2026-10-30), 9.5/10 (2026-11-06), 34/40 (2026-11-13).\n\n'), r.out);
    assert.ok(!r.out.includes('What you heard'), 'the most recent earlier note (2026-11-14) holds no words, so none are shown');
    const rest = Object.fromEntries(Object.entries(NOTES).filter(([file]) => file !== 'AB/2026-11-14.md'));
    const words = cli(['checklist', '--client', 'A.B.'], temp.make(rest));
    assert.ok(
      words.out.includes(
        '\n\nWhat you heard when you asked for feedback last time (2026-11-13):\n> "It was fine." Said quickly.\n\n- [ ] Their feedback score',
      ),
      words.out,
    );
  });
});

describe('README: feedback from the client', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const readme = readDocs();
  const section = readme.slice(readme.indexOf('## Feedback from the client'), readme.indexOf('## Privacy'));
  const block = (lang: string, n = 0): string => [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))][n][1];

  it('says the scale is the clinician’s own and that no licensed scale is reproduced', () => {
    assert.match(section, /The scale is whatever you use/);
    assert.match(section, /reproduces none of any scale's items, anchors or cut-offs/);
  });

  it('shows the demo notes’ scores exactly as attune feedback prints them', () => {
    const r = cli(['feedback', '--client', 'C104', path.join(root, 'test', 'fixtures', 'demo'), '--json'], '/');
    assert.deepStrictEqual(JSON.parse(r.out), JSON.parse(block('json')));
  });

  it('shows the checklist lines the demo notes give', () => {
    const r = cli(['checklist', '--client', 'C104', path.join(root, 'test', 'fixtures', 'demo')], '/');
    assert.ok(r.out.includes(`\n\n${block('markdown', 1).trimEnd()}\n\n`), r.out);
    assert.deepStrictEqual(noteScore(parse(block('markdown', 0))), { score: 30, max: 40, line: 3 });
  });
});
