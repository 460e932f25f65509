// Issue 15: a de-identified export for supervision. Each kind of identifier is found, the
// ordinary text around it stays, one person keeps one number, a section is exported
// without the rest of the note, and the command line keeps its contract.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { deidentifyNote, deidentifyText, MAX_EXPORT_CHARS } from '../../src/core/supervision/deidentify';
import { cli, source, TempDirs } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** The output for one sentence, with no client code. */
function out(text: string, client = ''): string {
  return deidentifyText(text, client).text;
}

describe('de-identify: each kind is found, ordinary text stays', () => {
  const cases: [string, string, string][] = [
    ['client code', 'Today A.B. arrived late; AB said sorry.', 'Today [client] arrived late; [client] said sorry.'],
    ['name after a relation', 'Her sister Maribel Okonkwo called.', 'Her sister [name 1] called.'],
    ['name with a title', 'She saw Dr. Okonkwo and Mrs. Thistlewood.', 'She saw Dr. [name 1] and Mrs. [name 2].'],
    ['a name that is a word, in context', 'Her daughter, Grace, was ill.', 'Her daughter, [name 1], was ill.'],
    ['a full name alone', 'Yesterday Jaxon Brekke called twice.', 'Yesterday [name 1] called twice.'],
    ['a town after a cue', 'She moved to Kalamazoo last year.', 'She moved to [place] last year.'],
    ['a town and state with zip', 'They live in Toledo, OH 43604 now.', 'They live in [place], OH [zip] now.'],
    ['a street address', 'She lives at 742 Evergreen Terrace Apt. 4B with him.', 'She lives at [address] with him.'],
    ['dates in every form', 'On 11/13/2026, 2026-11-13, November 13, 13 November and Nov. 13th.', 'On [day 0], [day 0], [day 0], [day 0] and [day 0].'],
    ['a date keeps its year', 'Her father died on March 3, 2019.', 'Her father died on [date] 2019.'],
    ['phones', 'Call (312) 555-0182, 415.555.0199 or +1 212 555 0134.', 'Call [phone], [phone] or [phone].'],
    ['emails', 'She wrote from maribel.o@example.org today.', 'She wrote from [email] today.'],
    ['URLs with and without a scheme', 'See https://blog.example.com/post, www.example.net and mysite.org/about.', 'See [url], [url] and [url].'],
    ['IP addresses', 'Logins from 192.168.10.20 and 2001:db8::ff00:42:8329.', 'Logins from [ip] and [ip].'],
    [
      'identifying numbers',
      'SSN 123-45-6789, MRN: 00123456, account number 4417-2210, plate 7XYZ123.',
      'SSN [number], MRN: [number], account number [number], plate [number].',
    ],
    [
      'ages over 89',
      'Her grandmother is 93 years old; a 91-year-old neighbour; he turned 95.',
      'Her grandmother is [age 90+]; a [age 90+] neighbour; he turned [age 90+].',
    ],
  ];
  for (const [kind, input, expected] of cases) {
    it(kind, () => assert.strictEqual(out(input, 'A.B.'), expected));
  }

  it('leaves ordinary text alone', () => {
    const ordinary = [
      'The fee is $120 and her score was 34/40 in session 12.',
      'In 2026 we met on Zoom on Monday and Thursday.',
      'She prays in Spanish, reads the Bible and goes to church; Christmas and Ramadan are hard.',
      'We tried IFS, EMDR, CBT, DBT and ACT.',
      'I noticed withdrawal, then confrontation about the cancellation policy.',
      '## Suggested a movement exercise too soon #rupture/planned',
      '- **Take it to supervision?** yes',
      '- **My question for supervision:** How do I raise it again without pressing?',
      'Her faith and grace carried her; God felt far away.',
    ];
    for (const line of ordinary) assert.strictEqual(out(line), line);
  });

  it('keeps the time between events as days from the first (issue 25, item 11)', () => {
    const section = [
      '## Pressed advice #rupture/attempted',
      '- **Noticed:** 2026-11-19',
      '### Repair attempt 2026-11-26',
      'We returned to it on December 3, 2026; she had thought about it since Nov. 26th.',
    ].join('\n');
    assert.strictEqual(
      out(section),
      [
        '## Pressed advice #rupture/attempted',
        '- **Noticed:** [day 0]',
        '### Repair attempt [day 7]',
        'We returned to it on [day 14]; she had thought about it since [day 7].',
      ].join('\n'),
    );
    // A date alone, or years from the others, keeps its year and nothing else: a day count across years would tell an age.
    assert.strictEqual(out('Born 3 March 1931. Seen 2026-11-19 and 2026-11-20.'), 'Born [date] 1931. Seen [day 0] and [day 1].');
    assert.strictEqual(out('She first came on 2026-11-19.'), 'She first came on [date] 2026.');
  });

  it('a capitalised ordinary word is a name only in context', () => {
    assert.strictEqual(out('Hope was not lost, she said.'), 'Hope was not lost, she said.');
    assert.strictEqual(out('Her friend Hope was not there.'), 'Her friend [name 1] was not there.');
  });
});

describe('de-identify: names are numbered by person', () => {
  it('one person keeps one number, another gets the next', () => {
    const r = out('Her sister Maribel Okonkwo called. Dr. Thistlewood agreed. Later Maribel texted, and Okonkwo wrote.');
    assert.strictEqual(r, 'Her sister [name 1] called. Dr. [name 2] agreed. Later [name 1] texted, and [name 1] wrote.');
  });

  it('two people who share a surname are two people', () => {
    const r = out('Her brother Tomasz Okonkwo and her sister Maribel Okonkwo came.');
    assert.strictEqual(r, 'Her brother [name 1] and her sister [name 2] came.');
  });
});

describe('de-identify: what is checked by a person', () => {
  it('lists an unknown capitalised word and a long number, with positions in the output', () => {
    const r = deidentifyText('We talked.\nShe mentioned Zorblax at lunch; the code 88123456 was on it.');
    const at = r.check.map((c) => [c.line, c.column, c.length, r.text.split('\n')[c.line - 1].substr(c.column - 1, c.length)]);
    assert.ok(
      at.some(([line, , , s]) => line === 2 && s === 'Zorblax'),
      JSON.stringify(at),
    );
    assert.ok(
      at.some(([line, , , s]) => line === 2 && s === '88123456'),
      JSON.stringify(at),
    );
    assert.ok(r.check.every((c) => c.reason.length > 0));
  });
});

describe('de-identify: section or whole note', () => {
  const note = [
    '---',
    'client: K.M.',
    'date: 2026-11-13',
    '---',
    '',
    '# Session 2026-11-13',
    '',
    'K.M. talked about her sister Maribel Okonkwo.',
    '',
    '## The fee conversation #rupture/open',
    '',
    '- **What happened:** K.M. went quiet when I named the fee; Maribel pays it.',
    '- **Take it to supervision?** yes',
    '',
    '## Next time',
    '',
    'Call (312) 555-0182.',
    '',
  ].join('\n');

  it('without a line: the whole note, front matter left out', () => {
    const r = deidentifyNote(note, source('KM/2026-11-13.md'));
    assert.ok(r);
    assert.ok(!r.text.includes('client:'), 'front matter left out');
    assert.ok(r.text.startsWith('\n# Session [date] 2026'));
    assert.ok(r.text.includes('[client] talked about her sister [name 1].'));
    assert.ok(r.text.includes('Call [phone].'));
  });

  it('with a rupture line: only its section, heading included, names numbered within it', () => {
    const r = deidentifyNote(note, source('KM/2026-11-13.md'), 9);
    assert.ok(r);
    assert.strictEqual(
      r.text,
      '## The fee conversation #rupture/open\n\n- **What happened:** [client] went quiet when I named the fee; [name 1] pays it.\n- **Take it to supervision?** yes\n\n',
    );
    assert.deepStrictEqual(
      r.replaced.map((x) => [x.kind, x.line]),
      [
        ['client', 3],
        ['name', 3],
      ],
    );
  });

  it('a line without a rupture heading gives nothing', () => {
    assert.strictEqual(deidentifyNote(note, source(), 7), undefined);
  });
});

describe('de-identify: hostile input', function () {
  this.timeout(120_000);
  it('long runs with no white space or full stop come back whole, nothing lost', () => {
    const shapes = [
      'A'.repeat(10_000),
      'Dr. '.repeat(2_500),
      '1.'.repeat(5_000),
      'a@'.repeat(5_000),
      '-'.repeat(10_000),
      '1/'.repeat(5_000),
      'Zz '.repeat(3_000),
    ];
    for (const shape of shapes) {
      const r = deidentifyText(shape);
      // Whatever was replaced, the text around it is all there.
      const unplaced = r.text.replace(/\[[a-z0-9 +]+\]( \d{4})?/g, '');
      assert.ok(unplaced.length <= shape.length && r.text.length > 0, shape.slice(0, 6));
    }
  });

  it('a text at the size limit that makes patterns look back or start again at every character comes back (runs of spaces, tabs, "a-", "1 ", ", " and "A’")', () => {
    // Each took minutes before round ten: a look-behind over a run of spaces at every position, two runs of
    // spaces side by side in one pattern ("Seen", "12" and "pg" before them), an email's local part tried from every "a",
    // a street's name tried from every letter after an apostrophe.
    for (const unit of [' ', '\t ', 'a-', '1 ', ', ', 'A’']) {
      const half = unit.repeat(Math.floor((MAX_EXPORT_CHARS - 20) / 2 / unit.length));
      const r = deidentifyText(`Seen 12${half}pg${half}9`);
      assert.ok(r.text.startsWith('Seen ') && r.text.length > half.length, JSON.stringify(unit));
    }
  });

  it('a text over the limit is refused with a message that quotes nothing', () => {
    const dir = new TempDirs();
    try {
      const d = dir.make({ 'big.md': 'Zebulon Marchetti said hello. '.repeat(8_000) });
      const r = cli(['deidentify', 'big.md'], d);
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.out, '');
      assert.match(r.err, /^attune: big\.md: over 200,000 characters is too long to prepare in one go; export one rupture's section instead\n$/);
    } finally {
      dir.cleanup();
    }
  });
});

describe('attune deidentify (command line)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());
  const NOTE = [
    '---',
    'client: Q.R.',
    '---',
    '# Session',
    '',
    '## Pushed the homework too soon #rupture/planned',
    '',
    'Q.R. said her partner Zebulon Marchetti lives in Kalamazoo and emails zeb@example.com.',
    '',
  ].join('\n');
  const SECRETS = ['Q.R.', 'Zebulon', 'Marchetti', 'Kalamazoo', 'zeb@example.com', 'QR/2026-11-13.md', '2026-11-13', 'homework'];

  function dir(): string {
    return temp.make({ 'QR/2026-11-13.md': NOTE });
  }

  it('prints the de-identified note on stdout and only counts on stderr, exit 0', () => {
    const r = cli(['deidentify', 'QR/2026-11-13.md'], dir());
    assert.strictEqual(r.code, 0);
    assert.strictEqual(
      r.out,
      '# Session\n\n## Pushed the homework too soon #rupture/planned\n\n[client] said her partner [name 1] lives in [place] and emails [email].\n',
    );
    assert.strictEqual(r.err, 'attune: replaced 1 client code, 1 name, 1 place, 1 email; nothing left to check\n');
    for (const s of SECRETS) assert.ok(!r.err.includes(s), `stderr names ${s}`);
  });

  it('--json has exactly text, replaced [{kind, line}] and check [{line, column, length, reason}]', () => {
    const r = cli(['deidentify', 'QR/2026-11-13.md:6', '--json'], dir());
    assert.strictEqual(r.code, 0);
    const json = JSON.parse(r.out) as { text: string; replaced: unknown[]; check: unknown[] };
    assert.deepStrictEqual(Object.keys(json), ['text', 'replaced', 'check']);
    assert.strictEqual(
      json.text,
      '## Pushed the homework too soon #rupture/planned\n\n[client] said her partner [name 1] lives in [place] and emails [email].\n',
    );
    assert.deepStrictEqual(json.replaced, [
      { kind: 'client', line: 3 },
      { kind: 'name', line: 3 },
      { kind: 'place', line: 3 },
      { kind: 'email', line: 3 },
    ]);
    assert.deepStrictEqual(json.check, []);
  });

  it('several FILE[:LINE] in one process: --json prints an array of the per-file objects in order (issue 24, item 4)', () => {
    const d = temp.make({
      'QR/2026-11-13.md': NOTE,
      'ST/2026-11-20.md': '---\nclient: S.T.\n---\n## Went too deep too soon #rupture/open\n\nS.T. moved to Kalamazoo.\n',
    });
    const one = JSON.parse(cli(['deidentify', 'QR/2026-11-13.md:6', '--json'], d).out) as unknown;
    const r = cli(['deidentify', 'ST/2026-11-20.md', 'QR/2026-11-13.md:6', '--json'], d);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { text: string }[];
    assert.ok(Array.isArray(json));
    assert.strictEqual(json.length, 2);
    assert.strictEqual(json[0].text, '## Went too deep too soon #rupture/open\n\n[client] moved to [place].\n');
    assert.deepStrictEqual(json[1], one, 'each element is what the file alone gives');
    assert.strictEqual(r.err, 'attune: 2 notes: replaced 2 client codes, 1 name, 2 places, 1 email; nothing left to check\n');
    const text = cli(['deidentify', 'ST/2026-11-20.md', 'QR/2026-11-13.md:6'], d);
    assert.strictEqual(text.out, `${json[0].text}\n---\n\n${json[1].text}`);
    // One bad argument: nothing on stdout, exit 2, the argument named.
    const bad = cli(['deidentify', 'ST/2026-11-20.md', 'QR/2026-11-13.md:4', '--json'], d);
    assert.strictEqual(bad.code, 2);
    assert.strictEqual(bad.out, '');
    assert.match(bad.err, /QR\/2026-11-13\.md:4 holds no rupture heading/);
  });

  it('exit 2 for a line without a rupture heading, a missing file, or no file', () => {
    const d = dir();
    for (const argv of [['deidentify', 'QR/2026-11-13.md:4'], ['deidentify', 'QR/2026-11-13.md:99'], ['deidentify', 'missing.md'], ['deidentify']]) {
      const r = cli(argv, d);
      assert.strictEqual(r.code, 2, argv.join(' '));
      assert.strictEqual(r.out, '');
      assert.match(r.err, /^attune: .+\n$/);
      for (const s of SECRETS.slice(0, 5)) assert.ok(!r.err.includes(s), `stderr names ${s}`);
    }
    assert.match(cli(['deidentify', 'QR/2026-11-13.md:4'], d).err, /holds no rupture heading/);
  });

  it('the built CLI loads dist/deidentify.js only when it exports, and keeps the contract', function () {
    this.timeout(60_000);
    const cliJs = path.join(REPO, 'dist', 'cli.js');
    if (!fs.existsSync(path.join(REPO, 'dist', 'deidentify.js'))) spawnSync(process.execPath, [path.join(REPO, 'esbuild.js')], { cwd: REPO });
    const code = fs.readFileSync(cliJs, 'utf8');
    assert.ok(code.includes('require("./deidentify.js")'), 'the CLI loads the export bundle lazily');
    // The word lists and the language library are megabytes; the CLI's own code is a few hundred KB.
    assert.ok(code.length < 500_000, 'the libraries are not in dist/cli.js');
    const d = dir();
    const ok = spawnSync(process.execPath, [cliJs, 'deidentify', 'QR/2026-11-13.md:6'], { cwd: d, encoding: 'utf8' });
    assert.strictEqual(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^## Pushed the homework too soon #rupture\/planned\n\n\[client\] said her partner \[name 1\]/);
    const bad = spawnSync(process.execPath, [cliJs, 'deidentify', 'QR/2026-11-13.md:1'], { cwd: d, encoding: 'utf8' });
    assert.strictEqual(bad.status, 2);
    assert.strictEqual(bad.stdout, '');
  });
});
