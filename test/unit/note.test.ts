import * as assert from 'assert';
import fc from 'fast-check';
import { forEachMarkdownLine, parseHeading } from '../../src/core/markdown/blocks';
import { findTags, parseNote } from '../../src/core/notes/note';
import { splitLines } from '../../src/core/markdown/lines';
import { entries, parse, source } from './helpers';

// The note-format contract (issue 2 §2), one rule at a time.

describe('note format: what makes a rupture entry', () => {
  it('takes an ATX heading of any level 1 to 6 that holds the tag', () => {
    const text = [1, 2, 3, 4, 5, 6].map((n) => `${'#'.repeat(n)} Level ${n} #rupture`).join('\n');
    assert.deepStrictEqual(
      parse(text).entries.map((e) => [e.line, e.level, e.title]),
      [1, 2, 3, 4, 5, 6].map((n) => [n - 1, n, `Level ${n}`]),
    );
  });

  it('does not take seven hashes, or hashes glued to the text', () => {
    assert.deepStrictEqual(entries('####### Too deep #rupture\n##Glued #rupture\n#rupture\n'), []);
  });

  it('accepts a heading indented up to three spaces, not four or a tab', () => {
    assert.deepStrictEqual(entries(' # One #rupture\n  ## Two #rupture\n   ### Three #rupture\n'), [
      [0, 'One', 'open'],
      [1, 'Two', 'open'],
      [2, 'Three', 'open'],
    ]);
    assert.deepStrictEqual(entries('    ## Four spaces #rupture\n\t## Tab #rupture\n  \t## Spaces then tab #rupture\n'), []);
  });

  it('accepts a tab between the hashes and the text', () => {
    assert.deepStrictEqual(entries('##\tTabbed #rupture/planned\n'), [[0, 'Tabbed', 'planned']]);
  });

  it('reads each of the five statuses', () => {
    const text = ['open', 'planned', 'attempted', 'repaired', 'closed'].map((s) => `## ${s} #rupture/${s}`).join('\n');
    assert.deepStrictEqual(
      entries(text).map(([, , status]) => status),
      ['open', 'planned', 'attempted', 'repaired', 'closed'],
    );
  });

  it('treats a bare #rupture as open', () => {
    const [entry] = parse('## Too soon #rupture\n').entries;
    assert.strictEqual(entry.status, 'open');
    assert.strictEqual(entry.statusKnown, true);
    assert.strictEqual(entry.tag.statusStart, -1);
    assert.strictEqual(entry.tag.rawStatus, undefined);
  });

  it('matches tags case-insensitively and reports the status in lower case', () => {
    assert.deepStrictEqual(entries('## A #RUPTURE\n## B #Rupture/Planned\n## C #rUpTuRe/ATTEMPTED\n'), [
      [0, 'A', 'open'],
      [1, 'B', 'planned'],
      [2, 'C', 'attempted'],
    ]);
  });

  it('lists an unknown status as open, with a warning that does not quote the note', () => {
    const note = parse('# Session\n## Fee talk #rupture/later\n');
    assert.deepStrictEqual(
      note.entries.map((e) => [e.line, e.title, e.status, e.statusKnown]),
      [[1, 'Fee talk', 'open', false]],
    );
    assert.strictEqual(note.warnings.length, 1);
    assert.strictEqual(note.warnings[0].line, 1);
    assert.match(note.warnings[0].message, /status Attune does not know/);
    assert.doesNotMatch(note.warnings[0].message, /later|Fee/);
  });

  it('lists an empty or slashed status as open with a warning', () => {
    for (const tag of ['#rupture/', '#rupture/open/again', '#rupture/reparied']) {
      const note = parse(`## Title ${tag}\n`);
      assert.deepStrictEqual(
        note.entries.map((e) => [e.status, e.statusKnown]),
        [['open', false]],
        tag,
      );
      assert.strictEqual(note.warnings.length, 1, tag);
    }
  });

  it('lets the tag start the heading text', () => {
    assert.deepStrictEqual(entries('## #rupture/planned The fee conversation\n'), [[0, 'The fee conversation', 'planned']]);
  });

  it('ends a tag at whitespace or the end of the line', () => {
    assert.deepStrictEqual(entries('## A #rupture\tafter a tab\n## B #rupture/closed\n'), [
      [0, 'A after a tab', 'open'],
      [1, 'B', 'closed'],
    ]);
  });

  it('uses the first tag when a heading holds several, and warns', () => {
    const note = parse('## Two tags #rupture/planned #rupture/repaired\n');
    assert.deepStrictEqual(
      note.entries.map((e) => [e.title, e.status]),
      [['Two tags', 'planned']],
    );
    assert.strictEqual(note.warnings.length, 1);
    assert.match(note.warnings[0].message, /more than one rupture tag/);
  });
});

describe('note format: what is not a tag', () => {
  const notTags: [string, string][] = [
    ['#ruptures (a longer word)', '## Two #ruptures today\n'],
    ['#rupture-ish (glued punctuation)', '## Close #rupture-ish\n'],
    ['word#rupture (glued to a word)', '## word#rupture\n'],
    ['a tag after punctuation', '## (#rupture)\n'],
    ['\\#rupture (escaped)', '## Escaped \\#rupture\n'],
    ['\\#rupture/open (escaped with status)', '## Escaped \\#rupture/open\n'],
    ['`#rupture` (code span)', '## A `#rupture` in code\n'],
    ['``#rupture`` (double backtick code span)', '## A ``#rupture`` in code\n'],
    ['a code span holding a single backtick', '## A `` ` #rupture `` span\n'],
    ['#rupture after a no-break space', '## Title\u00a0#rupture\n'],
  ];
  for (const [name, text] of notTags) {
    it(`ignores ${name}`, () => assert.deepStrictEqual(entries(text), []));
  }

  it('finds a tag after an unmatched backtick (no code span without its closing run)', () => {
    assert.deepStrictEqual(entries('## Unmatched ` then #rupture\n'), [[0, 'Unmatched ` then', 'open']]);
  });

  it('finds a tag after a code span has closed', () => {
    assert.deepStrictEqual(entries('## `code` #rupture/planned\n## ``a`b`` #rupture\n'), [
      [0, '`code`', 'planned'],
      [1, '``a`b``', 'open'],
    ]);
  });

  it('treats a tag in ordinary text as a mention, not an entry', () => {
    const text = '# Session\n\nShe went quiet; I wrote #rupture in the margin.\n#rupture\n- #rupture/open\n> Quoted #rupture\n';
    assert.deepStrictEqual(entries(text), []);
  });
});

describe('note format: fenced code blocks', () => {
  for (const fence of ['```', '~~~', '````', '~~~~~', '```js', '~~~ text with `backticks`']) {
    it(`skips headings inside a ${fence} fence`, () => {
      const close = /^[`~]+/.exec(fence)?.[0] ?? '';
      const text = `${fence}\n## Inside #rupture\n${close}\n## Outside #rupture\n`;
      assert.deepStrictEqual(entries(text), [[3, 'Outside', 'open']]);
    });
  }

  it('does not close a fence with a shorter run', () => {
    assert.deepStrictEqual(entries('````\n```\n## Inside #rupture\n````\n## Outside #rupture\n'), [[4, 'Outside', 'open']]);
    assert.deepStrictEqual(entries('~~~~\n~~~\n## Inside #rupture\n'), []);
  });

  it('closes a fence with a longer run of the same character', () => {
    assert.deepStrictEqual(entries('```\n## Inside #rupture\n``````\n## Outside #rupture\n'), [[3, 'Outside', 'open']]);
  });

  it('does not close a fence with the other character', () => {
    assert.deepStrictEqual(entries('```\n~~~\n## Inside #rupture\n```\n## Outside #rupture\n'), [[4, 'Outside', 'open']]);
    assert.deepStrictEqual(entries('~~~\n```\n## Inside #rupture\n~~~\n## Outside #rupture\n'), [[4, 'Outside', 'open']]);
  });

  it('does not close a fence with a line that has text after the run', () => {
    assert.deepStrictEqual(entries('```\n``` not a close\n## Inside #rupture\n```\n## Outside #rupture\n'), [[4, 'Outside', 'open']]);
  });

  it('opens and closes fences indented up to three spaces', () => {
    assert.deepStrictEqual(entries('   ```\n## Inside #rupture\n   ```\n## Outside #rupture\n'), [[3, 'Outside', 'open']]);
    assert.deepStrictEqual(entries(' ~~~\n## Inside #rupture\n  ~~~   \n## Outside #rupture\n'), [[3, 'Outside', 'open']]);
  });

  it('does not open a fence indented four spaces (that is indented code)', () => {
    assert.deepStrictEqual(entries('    ```\n## Outside #rupture\n'), [[1, 'Outside', 'open']]);
  });

  it('does not close a fence with a run indented four spaces', () => {
    assert.deepStrictEqual(entries('```\n    ```\n## Inside #rupture\n```\n## Outside #rupture\n'), [[4, 'Outside', 'open']]);
  });

  it('does not open a fence with two characters, or a backtick run followed by a backtick', () => {
    assert.deepStrictEqual(entries('``\n## A #rupture\n'), [[1, 'A', 'open']]);
    assert.deepStrictEqual(entries('``` x ` y\n## B #rupture\n'), [[1, 'B', 'open']]);
  });

  it('runs an unclosed fence to the end of the file', () => {
    assert.deepStrictEqual(entries('## Before #rupture\n```\n## Inside #rupture\n\n## Still inside #rupture\n'), [[0, 'Before', 'open']]);
  });

  it('ends the section of an entry only at headings outside fences', () => {
    const [entry] = parse('## Entry #rupture\n```\n## not a heading\n```\ntext\n').entries;
    assert.strictEqual(entry.sectionEnd, 6);
  });
});

describe('note format: indented code and HTML comments', () => {
  it('skips headings in an indented code block (four spaces or a tab)', () => {
    assert.deepStrictEqual(entries('Text\n\n    ## Code #rupture\n\t# Code #rupture\n\n## Real #rupture\n'), [[5, 'Real', 'open']]);
  });

  it('skips a one-line HTML comment', () => {
    assert.deepStrictEqual(entries('<!-- ## Hidden #rupture -->\n## Shown #rupture\n'), [[1, 'Shown', 'open']]);
  });

  it('skips a multi-line HTML comment, including its closing line', () => {
    const text = '<!--\n## Hidden #rupture\n   ## Also hidden #rupture\n-->\n## Shown #rupture\n';
    assert.deepStrictEqual(entries(text), [[4, 'Shown', 'open']]);
    assert.deepStrictEqual(entries('  <!-- start\n## Hidden #rupture\nend --> ## Still comment #rupture\n## Shown #rupture\n'), [[3, 'Shown', 'open']]);
  });

  it('runs an unclosed HTML comment to the end of the file', () => {
    assert.deepStrictEqual(entries('## Before #rupture\n<!--\n## Hidden #rupture\n'), [[0, 'Before', 'open']]);
  });

  it('does not start a comment indented four spaces, or in the middle of a line', () => {
    assert.deepStrictEqual(entries('    <!--\n## A #rupture\ntext <!--\n## B #rupture\n'), [
      [1, 'A', 'open'],
      [3, 'B', 'open'],
    ]);
  });

  it('handles fences and comments that mention each other', () => {
    assert.deepStrictEqual(entries('```\n<!--\n```\n## A #rupture\n<!--\n```\n-->\n## B #rupture\n'), [
      [3, 'A', 'open'],
      [7, 'B', 'open'],
    ]);
  });

  it('finds no entry inside a long unclosed comment (its time grows linearly: npm run bench:hostile)', () => {
    const text = '<!--\n' + '- a line that mentions #rupture\n'.repeat(100_000);
    assert.deepStrictEqual(parse(text).entries, []);
  });
});

describe('note format: titles and sections', () => {
  it('drops the tags and a closing run of hashes from the title', () => {
    assert.deepStrictEqual(entries('## Too deep, too soon #rupture/planned ##\n## Fee #rupture #\n### #rupture ###\n'), [
      [0, 'Too deep, too soon', 'planned'],
      [1, 'Fee', 'open'],
      [2, '', 'open'],
    ]);
  });

  it('keeps hashes that are not a closing run', () => {
    assert.deepStrictEqual(entries('## Session #3 #rupture\n## C# notes #rupture\n## Word## #rupture\n'), [
      [0, 'Session #3', 'open'],
      [1, 'C# notes', 'open'],
      [2, 'Word##', 'open'],
    ]);
  });

  it('trims the title and closes the gap a tag leaves in the middle', () => {
    assert.deepStrictEqual(entries('##   Before   #rupture/open   after  \n'), [[0, 'Before after', 'open']]);
  });

  it('keeps non-ASCII text in titles', () => {
    assert.deepStrictEqual(entries('## Séance: “too soon” 😔 #rupture/planned\n'), [[0, 'Séance: “too soon” 😔', 'planned']]);
  });

  it('runs a section to the next heading of the same or a higher level', () => {
    const text = [
      '# Session', //               0
      '## First #rupture', //       1
      'text', //                    2
      '### Detail', //              3
      '#### Deeper #rupture', //    4
      '## Second #rupture/closed', // 5
      '# Next day', //              6
      '### Third #rupture', //      7
      'last line', //               8
    ].join('\n');
    assert.deepStrictEqual(
      parse(text).entries.map((e) => [e.title, e.level, e.line, e.sectionEnd]),
      [
        ['First', 2, 1, 5],
        ['Deeper', 4, 4, 5],
        ['Second', 2, 5, 6],
        ['Third', 3, 7, 9],
      ],
    );
  });

  it('counts plain headings (without tags) as section ends', () => {
    const [entry] = parse('### A #rupture\ntext\n## Plain heading\n').entries;
    assert.strictEqual(entry.sectionEnd, 2);
  });
});

describe('note format: the planned opening line', () => {
  it('belongs to the innermost rupture whose section holds it', () => {
    const text = '## A #rupture\n- Opening line: outer\n### B #rupture\n- Opening line: inner\n### C\ntext\n## D #rupture\n';
    assert.deepStrictEqual(
      parse(text).entries.map((e) => [e.title, e.opener]),
      [
        ['A', 'outer'],
        ['B', 'inner'],
        ['D', undefined],
      ],
    );
  });

  it('reads the "Opening line" field in the forms the templates and people write', () => {
    const forms = [
      '- **Opening line:** I have been thinking about last week.',
      '* **Opening line**: I have been thinking about last week.',
      '+ Opening line: I have been thinking about last week.',
      'Opening line: I have been thinking about last week.',
      'opening LINE:   I have been thinking about last week.   ',
      '__Opening line:__ I have been thinking about last week.',
      '   - __Opening line__: I have been thinking about last week.',
    ];
    for (const form of forms) {
      const [entry] = parse(`## A #rupture/planned\n${form}\n`).entries;
      assert.strictEqual(entry.opener, 'I have been thinking about last week.', form);
    }
  });

  it('strips quotes around the line', () => {
    for (const quoted of [
      '"Can we go back to Tuesday?"',
      '“Can we go back to Tuesday?”',
      "'Can we go back to Tuesday?'",
      '‘Can we go back to Tuesday?’',
      '*Can we go back to Tuesday?*',
      '_Can we go back to Tuesday?_',
    ]) {
      const [entry] = parse(`## A #rupture\n- **Opening line:** ${quoted}\n`).entries;
      assert.strictEqual(entry.opener, 'Can we go back to Tuesday?', quoted);
    }
  });

  it('takes the last opening line in the section (a later plan wins), including sub-sections', () => {
    const text = [
      '## A #rupture/planned',
      '- **Opening line:** first idea',
      '### Repair plan, 2026-11-12',
      '- **Opening line:** second idea',
      '## B #rupture',
      '- **Opening line:** for B',
    ].join('\n');
    assert.deepStrictEqual(
      parse(text).entries.map((e) => [e.title, e.opener]),
      [
        ['A', 'second idea'],
        ['B', 'for B'],
      ],
    );
  });

  it('has no opener when the field is empty, missing, outside the section, or in code', () => {
    const text = [
      '- **Opening line:** before any entry',
      '## A #rupture',
      '- **Opening line:**',
      '## B #rupture',
      '```',
      'Opening line: in a fence',
      '```',
      '    Opening line: indented code',
      '## C #rupture',
      'The opening line: is not a field here',
    ].join('\n');
    assert.deepStrictEqual(
      parse(text).entries.map((e) => e.opener),
      [undefined, undefined, undefined],
    );
  });

  it('finds the opening line on exactly the lines the opening-line pattern reads (the quick check turns none away)', () => {
    const OPENER = /^ {0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?opening line(?:[ \t]*:[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|[ \t]*:)[ \t]*(.*)$/i;
    const piece = fc.constantFrom(
      ' ',
      '  ',
      '    ',
      '\t',
      '-',
      '*',
      '+',
      '**',
      '__',
      '_',
      'Opening line',
      'OPENING LINE',
      'opening  line',
      'Opening',
      ':',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 7 }), (pieces) => {
        const line = `${pieces.join('')} Fee`;
        const text = `## Miss #rupture\n${line}\n`;
        const [entry] = parse(text).entries;
        // A list item whose text is indented five columns or more holds code, not a field.
        let read = false;
        forEachMarkdownLine(text, splitLines(text), 0, (_l, index) => (read ||= index === 1));
        assert.strictEqual(entry.opener !== undefined, read && OPENER.test(line), JSON.stringify(line));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('note format: client and date', () => {
  it('takes the client and date from the front matter', () => {
    const note = parse('---\nclient: A.B.\ndate: 2026-11-03\n---\n## A #rupture\n', 'CD/2026-11-10.md');
    assert.strictEqual(note.client, 'A.B.');
    assert.strictEqual(note.date, '2026-11-03');
    assert.strictEqual(note.frontMatterEnd, 3);
    assert.deepStrictEqual(
      note.entries.map((e) => [e.client, e.date]),
      [['A.B.', '2026-11-03']],
    );
  });

  it('falls back to the folder name and the first date in the file name', () => {
    const note = parse('## A #rupture\n', 'CD/session 2026-11-10 then 2026-11-12.md');
    assert.strictEqual(note.client, 'CD');
    assert.strictEqual(note.date, '2026-11-10');
    assert.strictEqual(note.frontMatterEnd, -1);
  });

  it('mixes the two: client from the front matter, date from the file name', () => {
    const note = parse('---\nclient: "E F"\ntags: [one]\n---\n', 'CD/2026-11-10.md');
    assert.deepStrictEqual([note.client, note.date], ['E F', '2026-11-10']);
  });

  it('has no date when neither the front matter nor the file name has one', () => {
    assert.strictEqual(parse('## A #rupture\n', 'CD/notes.md').date, null);
    assert.strictEqual(parse('## A #rupture\n', 'CD/20261110.md').date, null);
  });

  it('ignores dates in the file name that are not real calendar dates', () => {
    assert.strictEqual(parse('', 'CD/2026-02-30 then 2026-11-10.md').date, '2026-11-10');
    assert.strictEqual(parse('', 'CD/2026-13-01.md').date, null);
    assert.strictEqual(parse('', 'CD/2024-02-29.md').date, '2024-02-29');
    assert.strictEqual(parse('', 'CD/2026-02-29.md').date, null);
  });

  it('ignores a front-matter date that is not YYYY-MM-DD, with a warning, and falls back to the file name', () => {
    for (const bad of ['13/11/2026', '13 Nevember 2026', '2026-02-30', '2026-11-1', '2026-11-10x']) {
      const note = parse(`---\ndate: ${bad}\n---\n`, 'CD/2026-11-10.md');
      assert.strictEqual(note.date, '2026-11-10', bad);
      assert.strictEqual(note.warnings.length, 1, bad);
      assert.strictEqual(note.warnings[0].line, -1);
      assert.doesNotMatch(note.warnings[0].message, /November|2026/);
    }
  });

  it('accepts a front-matter date with a time, or quoted', () => {
    assert.strictEqual(parse('---\ndate: 2026-11-13T10:00\n---\n', 'CD/x.md').date, '2026-11-13');
    assert.strictEqual(parse('---\ndate: 2026-11-13 10:00\n---\n', 'CD/x.md').date, '2026-11-13');
    assert.strictEqual(parse("---\ndate: '2026-11-13'\n---\n", 'CD/x.md').date, '2026-11-13');
  });

  it('falls back to the folder when the front-matter client is empty', () => {
    assert.strictEqual(parse('---\nclient:\n---\n', 'CD/x.md').client, 'CD');
    assert.strictEqual(parse('---\nclient: ""\n---\n', 'CD/x.md').client, 'CD');
  });

  it('has an empty client for a note with no folder and no front-matter client', () => {
    assert.strictEqual(parseNote('## A #rupture', { path: 'a.md', folderName: '', fileName: 'a.md' }).client, '');
  });

  it('follows the parse options: other keys, and no fallbacks', () => {
    const text = '---\nclient: A\npatient: P.Q.\nsession: 2026-10-01\n---\n';
    const note = parseNote(text, source('CD/2026-11-10.md'), {
      clientKey: 'Patient',
      dateKey: 'session',
      clientFromFolder: false,
      dateFromFileName: false,
    });
    assert.deepStrictEqual([note.client, note.date], ['P.Q.', '2026-10-01']);
    const bare = parseNote('', source('CD/2026-11-10.md'), {
      clientKey: 'client',
      dateKey: 'date',
      clientFromFolder: false,
      dateFromFileName: false,
    });
    assert.deepStrictEqual([bare.client, bare.date], ['', null]);
  });
});

describe('note format: front matter', () => {
  it('never takes headings from the front matter', () => {
    assert.deepStrictEqual(entries('---\n# not a heading #rupture\nclient: A\n---\n## Real #rupture\n'), [[4, 'Real', 'open']]);
  });

  it('has no front matter without a closing line: the client is the folder, headings count', () => {
    const note = parse('---\nclient: A.B.\ndate: 2026-01-01\n## Counted #rupture\n', 'CD/2026-11-10.md');
    assert.deepStrictEqual([note.client, note.date, note.frontMatterEnd], ['CD', '2026-11-10', -1]);
    assert.deepStrictEqual(
      note.entries.map((e) => [e.line, e.title]),
      [[3, 'Counted']],
    );
  });

  it('has no front matter unless it starts on the first line', () => {
    const note = parse('\n---\nclient: A.B.\n---\n## A #rupture\n', 'CD/x.md');
    assert.strictEqual(note.client, 'CD');
    assert.strictEqual(note.frontMatterEnd, -1);
  });

  it('survives broken YAML: reads what it can, never throws', () => {
    const text = '---\nclient: [A.B.\n  nested: x\n: no key\n- a list item\ndate: not a date\n---\n## A #rupture\n';
    const note = parse(text, 'CD/2026-11-10.md');
    assert.strictEqual(note.client, '[A.B.');
    assert.strictEqual(note.date, '2026-11-10');
    assert.deepStrictEqual(
      note.entries.map((e) => e.line),
      [7],
    );
  });

  it('reads front matter after a BOM', () => {
    const note = parse('\uFEFF---\nclient: A.B.\n---\n## A #rupture\n', 'CD/x.md');
    assert.deepStrictEqual([note.client, note.frontMatterEnd], ['A.B.', 2]);
    assert.deepStrictEqual(
      note.entries.map((e) => e.line),
      [3],
    );
  });
});

describe('note format: line endings, BOM and odd text', () => {
  it('reads CRLF notes with the same lines and titles as LF', () => {
    const lf = '---\nclient: A\n---\n## One #rupture/planned\n- **Opening line:** hello\n```\n## Fenced #rupture\n```\n## Two #rupture\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const strip = (text: string): unknown =>
      parse(text).entries.map((e) => [e.line, e.title, e.status, e.client, e.opener, e.sectionEnd, e.tag.start, e.tag.end]);
    assert.deepStrictEqual(strip(crlf), strip(lf));
    assert.deepStrictEqual(entries(crlf), [
      [3, 'One', 'planned'],
      [8, 'Two', 'open'],
    ]);
  });

  it('reads lone CR and mixed line endings the way the editor counts lines', () => {
    assert.deepStrictEqual(entries('# S\r## A #rupture\r\n\n## B #rupture/closed\n'), [
      [1, 'A', 'open'],
      [3, 'B', 'closed'],
    ]);
  });

  it('reads a heading on the first line after a BOM', () => {
    const note = parse('\uFEFF## First line #rupture/attempted\n');
    assert.deepStrictEqual(
      note.entries.map((e) => [e.line, e.title, e.status, e.tag.start]),
      [[0, 'First line', 'attempted', 15]],
    );
  });

  it('treats a BOM in the middle of a file as ordinary text', () => {
    assert.deepStrictEqual(entries('text\n\uFEFF## Not a heading #rupture\n'), []);
  });

  it('parses a note with no final line break', () => {
    const note = parse('## A #rupture/planned');
    assert.deepStrictEqual(
      note.entries.map((e) => [e.line, e.status, e.sectionEnd]),
      [[0, 'planned', 1]],
    );
  });

  it('parses empty text and text with NUL and replacement characters', () => {
    assert.deepStrictEqual(entries(''), []);
    assert.deepStrictEqual(entries('\0\0## A \uFFFD #rupture\0\n## B \uFFFD #rupture'), [[1, 'B \uFFFD', 'open']]);
  });

  it('skips the line-by-line walk for notes without any tag', () => {
    const note = parse('---\nclient: A\n---\n# Session\n\nNothing happened between us.\n');
    assert.deepStrictEqual([note.entries.length, note.client], [0, 'A']);
  });

  it('copies the path it was given into the note and every entry', () => {
    const note = parse('## A #rupture\n## B #rupture\n', 'AB/2026-11-10.md');
    assert.strictEqual(note.path, 'AB/2026-11-10.md');
    assert.deepStrictEqual(
      note.entries.map((e) => e.path),
      ['AB/2026-11-10.md', 'AB/2026-11-10.md'],
    );
  });
});

describe('parseHeading and findTags', () => {
  it('reports the heading level and the text columns without the closing hashes', () => {
    const text = '  ### Title ###  ';
    const [line] = splitLines(text);
    assert.deepStrictEqual(parseHeading(text, line, 0), { line: 0, level: 3, contentStart: 6, contentEnd: 11 });
  });

  it('accepts an empty heading', () => {
    const text = '##';
    assert.deepStrictEqual(parseHeading(text, splitLines(text)[0], 0), { line: 0, level: 2, contentStart: 2, contentEnd: 2 });
  });

  it('finds every tag with its status columns', () => {
    const text = 'a #rupture b #Rupture/Planned';
    assert.deepStrictEqual(findTags(text, 0, text.length), [
      { start: 2, end: 10, statusStart: -1, rawStatus: undefined },
      { start: 13, end: 29, statusStart: 22, rawStatus: 'planned' },
    ]);
  });

  it('looks only between the given columns', () => {
    const text = 'xx #rupture yy';
    assert.deepStrictEqual(findTags(text, 3, 8), []);
    assert.deepStrictEqual(
      findTags(text, 3, 11).map((t) => t.start),
      [3],
    );
  });
});
