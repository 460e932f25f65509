import * as assert from 'assert';
import { collectHeadings, forEachMarkdownLine, sectionEnd } from '../../src/core/markdown/blocks';
import fc from 'fast-check';
import { fieldAt, findField, isFilled, NOT_FILLED_IN, normaliseValue, type Field } from '../../src/core/notes/fields';
import { splitLines } from '../../src/core/markdown/lines';
import { parse } from './helpers';

/** The regular expression fields were read with before fieldAt: the reference it is held to. */
const FIELD = /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(\*\*|__)((?:(?!\1)[^\r\n])+?)(?::[ \t]*\1|\1[ \t]*:|(?<=\?)\1)(.*)$/;

function parseField(content: string, line: number): Field | undefined {
  const m = FIELD.exec(content);
  if (!m) return undefined;
  const label = m[2].trim();
  return label ? { label, value: m[3].trim(), line } : undefined;
}

const fieldOf = (content: string, line: number): Field | undefined => fieldAt(content, 0, content.length, line);

const fieldsOf = (text: string): [string, string, number][] =>
  parse(text).entries.flatMap((e) => e.fields.map((f) => [f.label, f.value, f.line] as [string, string, number]));

describe('note model: fields', () => {
  it('reads both bold forms, __ like **, with or without a list marker', () => {
    const text = [
      '## Fee talk #rupture',
      '- **Kind of miss:** a policy or boundary delivered coldly',
      '**Markers**: withdrawal (moving away)',
      '* __Cues I noticed:__ went quiet  ',
      '1. __The part of me that led__: manager',
      '+ **Take it to supervision?** yes',
      '**Opening line:**',
    ].join('\n');
    assert.deepStrictEqual(fieldsOf(text), [
      ['Kind of miss', 'a policy or boundary delivered coldly', 1],
      ['Markers', 'withdrawal (moving away)', 2],
      ['Cues I noticed', 'went quiet', 3],
      ['The part of me that led', 'manager', 4],
      ['Take it to supervision?', 'yes', 5],
      ['Opening line', '', 6],
    ]);
  });

  it('keeps the label as written and compares it without regard to case', () => {
    const e = parse('## X #rupture\n- **KIND of Miss:** too deep too soon\n').entries[0];
    assert.strictEqual(e.fields[0].label, 'KIND of Miss');
    assert.strictEqual(findField(e.fields, 'kind of miss')?.value, 'too deep too soon');
    assert.strictEqual(findField(e.fields, 'markers'), undefined);
  });

  it('is not fooled by bold text that is not a label', () => {
    assert.strictEqual(fieldOf('**a** and **b:** c', 0), undefined);
    assert.strictEqual(fieldOf('**bold** text', 0), undefined);
    assert.strictEqual(fieldOf('** :** x', 0), undefined);
    assert.deepStrictEqual(fieldOf('- **Label:**value', 3), { label: 'Label', value: 'value', line: 3 });
  });

  it('reads fields in sub-headings as the rupture’s own, and a nested rupture’s as that rupture’s', () => {
    const note = parse(
      [
        '## Outer #rupture', // 0
        '- **Kind of miss:** outer', // 1
        '### Repair plan, 2026-11-20', // 2
        '- **Opening line:** from the plan', // 3
        '### Inner #rupture/planned', // 4
        '- **Kind of miss:** inner', // 5
        '## Next section', // 6
        '- **Between us:** fine', // 7
      ].join('\n'),
    );
    assert.deepStrictEqual(
      note.entries.map((e) => e.fields.map((f) => f.value)),
      [['outer', 'from the plan'], ['inner']],
    );
    assert.deepStrictEqual(
      note.fields.map((f) => [f.label, f.value, f.line]),
      [['Between us', 'fine', 7]],
    );
  });

  it('ignores fields in front matter, fences, indented code and comments', () => {
    const note = parse(
      [
        '---',
        'client: AB',
        '**Kind of miss:** front',
        '---', // 0-3
        '## R #rupture', // 4
        '```',
        '- **Kind of miss:** fenced',
        '```', // 5-7
        '',
        '    - **Kind of miss:** indented code',
        '', // 8-10
        '<!--',
        '- **Kind of miss:** commented',
        '-->', // 11-13
        '<!-- - **Kind of miss:** one-line comment -->', // 14
        '- **Kind of miss:** real', // 15
      ].join('\n'),
    );
    assert.deepStrictEqual(
      note.entries[0].fields.map((f) => [f.value, f.line]),
      [['real', 15]],
    );
    assert.deepStrictEqual(note.fields, []);
  });

  it('reads a nested list four spaces deep as a list, not code', () => {
    const note = parse('## R #rupture\n- **Markers:** withdrawal\n    - **Cues I noticed:** polite nods\n');
    assert.deepStrictEqual(
      note.entries[0].fields.map((f) => f.label),
      ['Markers', 'Cues I noticed'],
    );
  });

  it('reads the note’s own fields even in a note without any rupture', () => {
    const note = parse('# Session\n\n## Between us\n- **Alliance feedback score (if we use one):** 34/40\n');
    assert.deepStrictEqual(note.entries, []);
    assert.deepStrictEqual(note.fields, [{ label: 'Alliance feedback score (if we use one)', value: '34/40', line: 3 }]);
  });

  it('treats the neutral first choice and empty values as not filled in', () => {
    assert.ok(!isFilled(NOT_FILLED_IN));
    assert.ok(!isFilled('  (Not   filled in) '));
    assert.ok(!isFilled('   '));
    assert.ok(isFilled('too deep too soon'));
    assert.strictEqual(normaliseValue('  Too   Deep\tToo Soon '), 'too deep too soon');
  });
});

describe('note model: follow-ups', () => {
  it('finds plan, attempt and closing headings with their first real date, in any case', () => {
    const note = parse(
      [
        '## R #rupture/attempted', // 0
        '### Repair plan, 2026-11-13', // 1
        '### repair ATTEMPT, 2026-02-30 then 2026-11-20', // 2
        '### Closing without repair: 2026-12-01', // 3
        '### Repair attempt', // 4: no date
        '### Repair attempted 2026-11-21', // 5: another word
        '### Notes on the repair plan, 2026-11-22', // 6: does not start with it
      ].join('\n'),
    );
    assert.deepStrictEqual(note.entries[0].followUps, [
      { kind: 'plan', date: '2026-11-13', line: 1 },
      { kind: 'attempt', date: '2026-11-20', line: 2 },
      { kind: 'closing', date: '2026-12-01', line: 3 },
    ]);
  });

  it('gives a follow-up to the innermost rupture, and none outside rupture sections', () => {
    const note = parse('## A #rupture\n### B #rupture\n#### Repair attempt, 2026-11-20\n## Repair plan, 2026-11-21\n');
    assert.deepStrictEqual(
      note.entries.map((e) => e.followUps.map((f) => f.line)),
      [[], [2]],
    );
  });
});

describe('block walker', () => {
  const visited = (text: string): number[] => {
    const out: number[] = [];
    forEachMarkdownLine(text, splitLines(text), 0, (line, index, start) => {
      if (start < line.end) out.push(index);
    });
    return out;
  };

  it('skips indented code after a blank line or a heading, not a paragraph’s continuation', () => {
    assert.deepStrictEqual(visited('text\n    more text\n\n    code\n    code\nback\n# H\n    code after heading\n'), [0, 1, 5, 6]);
  });

  it('ends indented code at the first line indented less than four columns', () => {
    assert.deepStrictEqual(visited('\n    code\n\n    still code\n  text\n'), [4]);
  });

  it('lets indented code follow a fence or a comment directly', () => {
    assert.deepStrictEqual(visited('```\nx\n```\n    code\n<!-- c -->\n    code\ntext\n'), [6]);
  });

  it('finds setext headings, never a list item or a thematic break underlined', () => {
    const text = 'Title\n=====\n\nSub\ntitle\n---\n\n- item\n---\n\n---\n```\nin code\n---\n```\n';
    assert.deepStrictEqual(
      collectHeadings(text, splitLines(text), 0).map((h) => [h.line, h.level, h.setext === true]),
      [
        [0, 1, true],
        [3, 2, true],
      ],
    );
  });

  it('ends a section at the next heading of the same or a higher level, setext included', () => {
    const text = '## R #rupture\n### Sub\ntext\n\nSetext\n---\nafter\n';
    const headings = collectHeadings(text, splitLines(text), 0);
    assert.strictEqual(sectionEnd(headings, 0, 8), 4);
    assert.strictEqual(parse(text).entries[0].sectionEnd, 4);
    // A paragraph of two lines underlined is one heading, starting at its first line.
    assert.strictEqual(parse('## R #rupture\nfirst\nsecond\n---\n').entries[0].sectionEnd, 1);
    assert.strictEqual(parse('## R #rupture\nSetext\n===\n').entries[0].sectionEnd, 1);
    assert.strictEqual(parse('# R #rupture\nSetext\n---\n').entries[0].sectionEnd, 4);
  });

  it('reads by hand exactly the fields the regular expression read, on a line alone and inside a note', () => {
    const piece = fc.constantFrom(
      '**',
      '__',
      '*',
      '_',
      '-',
      '+',
      '1',
      '12',
      '1234567890',
      '.',
      ')',
      ' ',
      '\t',
      ':',
      '?',
      'Label',
      'é',
      'x',
      '**Label:**',
      '- ',
      '1. ',
      '\u2028',
      '***',
      '?**',
      ':**',
      '::',
      '**a**',
      'a:',
      ' ?',
      '__a__:',
      '\u00a0',
      '\u3000',
      '\ufeff',
      '\v',
      '\u200b',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const line = pieces.join('');
        assert.deepStrictEqual(fieldOf(line, 7), parseField(line, 7), JSON.stringify(line));
        // Inside a longer text, reading only up to `end`, with delimiters on the next line.
        const text = `x\n${line}\n**:** __?__`;
        assert.deepStrictEqual(fieldAt(text, 2, 2 + line.length, 7), parseField(line, 7), JSON.stringify(line));
        // Told the text holds no separator, when it holds none.
        if (!/[\u2028\u2029]/.test(line)) assert.deepStrictEqual(fieldAt(line, 0, line.length, 7, false), parseField(line, 7), JSON.stringify(line));
      }),
      { numRuns: 20000 },
    );
  });
});
