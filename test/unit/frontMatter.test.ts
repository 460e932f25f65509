import * as assert from 'assert';
import fc from 'fast-check';
import { readFrontMatter, yamlValue, type FrontMatterProblem } from '../../src/core/markdown/frontMatter';
import { BUILT_IN_TEMPLATES, findTemplate, renderMarkdown, renderSnippet } from '../../src/core/reflection/templates';
import { parse } from './helpers';

function values(text: string): Record<string, string> | undefined {
  const front = readFrontMatter(text);
  return front && Object.fromEntries(front.values);
}

describe('readFrontMatter', () => {
  it('reads top-level key: value pairs and the closing line', () => {
    const front = readFrontMatter('---\nclient: A.B.\ndate: 2026-11-13\n---\n# Session\n');
    assert.strictEqual(front?.endLine, 3);
    assert.deepStrictEqual(values('---\nclient: A.B.\ndate: 2026-11-13\n---\n'), { client: 'A.B.', date: '2026-11-13' });
  });

  it('returns undefined without front matter', () => {
    for (const text of ['', '# Session\n---\n', '\n---\nclient: A\n---\n', '----\nclient: A\n----\n', '--- x\nclient: A\n---\n', '-- -\n']) {
      assert.strictEqual(readFrontMatter(text), undefined, JSON.stringify(text));
    }
  });

  it('returns undefined when the block never closes', () => {
    assert.strictEqual(readFrontMatter('---\nclient: A\n'), undefined);
    assert.strictEqual(readFrontMatter('---'), undefined);
    assert.strictEqual(readFrontMatter('---\nclient: A\n----\n--- x\n'), undefined);
  });

  it('accepts an empty block and trailing spaces on the fence lines', () => {
    assert.deepStrictEqual(readFrontMatter('---\n---\n'), { endLine: 1, values: new Map() });
    assert.strictEqual(readFrontMatter('--- \t\nclient: A\n---  \n')?.endLine, 2);
  });

  it('reads CRLF, lone CR and a BOM', () => {
    assert.deepStrictEqual(values('---\r\nclient: A\r\n---\r\n'), { client: 'A' });
    assert.deepStrictEqual(values('---\rclient: A\r---\r'), { client: 'A' });
    assert.deepStrictEqual(values('\uFEFF---\nclient: A\n---\n'), { client: 'A' });
    assert.strictEqual(readFrontMatter('\uFEFF---\r\nclient: A\r\n---')?.endLine, 2);
  });

  it('lower-cases keys and keeps the first occurrence of a key', () => {
    assert.deepStrictEqual(values('---\nClient: A\nCLIENT: B\n---\n'), { client: 'A' });
  });

  it('strips quotes and trailing comments from values', () => {
    assert.deepStrictEqual(values('---\na: "A.B."\nb: \'it\'\'s\'\nc: C.D. # initials only\nd: "say \\"hi\\""\nf: x#y\n---\n'), {
      a: 'A.B.',
      b: "it's",
      c: 'C.D.',
      d: 'say "hi"',
      f: 'x#y',
    });
  });

  it('skips keys without a value, nested keys, list items and lines that are not key: value', () => {
    assert.deepStrictEqual(values('---\ntags:\n  - one\nnested:\n  client: X\nclient:AB\n: x\n1: y\n---\n'), {});
  });

  it('keeps non-ASCII values', () => {
    assert.deepStrictEqual(values('---\nclient: Zoë\n---\n'), { client: 'Zoë' });
  });
});

describe('readFrontMatter reads values as YAML does in the plain cases (issue 12)', () => {
  const client = (line: string): string | undefined => readFrontMatter(`---\nclient: ${line}\n---\n`)?.values.get('client');

  it('a comment after a space, or opening the value, is no part of it', () => {
    assert.strictEqual(client('# fill in later'), undefined);
    assert.strictEqual(client('A.B. # initials only'), 'A.B.');
    assert.strictEqual(client('A.B.\t# tab'), 'A.B.');
    assert.strictEqual(client('A#1'), 'A#1');
    assert.strictEqual(client('A #1'), 'A');
  });

  it('null, ~ and nothing are no value, so the folder name serves', () => {
    for (const v of ['null', 'Null', 'NULL', '~', '', '   ', '~ # unknown']) assert.strictEqual(client(v), undefined, v);
    assert.strictEqual(client('"null"'), 'null');
    assert.strictEqual(client("'~'"), '~');
    assert.strictEqual(client('nullable'), 'nullable');
    assert.strictEqual(parse('---\nclient: null\n---\n', 'C.D./2026-11-06.md').client, 'C.D.');
    assert.strictEqual(parse('---\nclient: # fill in later\n---\n', 'C.D./2026-11-06.md').client, 'C.D.');
  });

  it('single and double quotes, with a comment after them', () => {
    assert.strictEqual(client("'A.B.' # it's"), 'A.B.');
    assert.strictEqual(client("'it''s' # x"), "it's");
    assert.strictEqual(client('"A #1" # code'), 'A #1');
    assert.strictEqual(client('"tab\\there \\"q\\" \\\\ \\x41\\u00e9"'), 'tab\there "q" \\ Aé');
    assert.strictEqual(client("'A #1'"), 'A #1');
  });

  it('block scalars and broken quotes are ignored, with a warning on their line', () => {
    for (const v of ['|', '>', '|-', '>+', '|2', '| # later', "'A.B.", '"A.B.', '"A"x', '"bad \\q"']) {
      const problems: FrontMatterProblem[] = [];
      const front = readFrontMatter(`---\nclient: ${v}\n  indented text\n---\n`, problems);
      assert.strictEqual(front?.values.get('client'), undefined, v);
      assert.deepStrictEqual(
        problems.map((p) => [p.line, p.key]),
        [[1, 'client']],
        v,
      );
    }
    const note = parse('---\nclient: |\n  A.B.\ndate: >\n  2026\n---\n', 'C.D./2026-11-06.md');
    assert.strictEqual(note.client, 'C.D.');
    assert.deepStrictEqual(note.warnings, [
      { line: 1, message: 'the front-matter client is a block (| or >), which Attune does not read, so it was ignored' },
      { line: 3, message: 'the front-matter date is a block (| or >), which Attune does not read, so it was ignored' },
    ]);
  });

  it('yamlValue writes any client code so that it reads back as itself', () => {
    for (const code of ['A.B.', 'A #1', 'null', '~', '|', "'A'", '"A"', 'a: b', '- x', 'back\\slash', 'C017', 'Zoë #2 # x', 'tab\tin']) {
      assert.strictEqual(client(yamlValue(code)), code, code);
    }
    assert.strictEqual(yamlValue('A.B.'), 'A.B.');
    assert.strictEqual(yamlValue('A #1'), '"A #1"');
  });

  it('a new session note for client "A #1" reads back as A #1', () => {
    const template = findTemplate(BUILT_IN_TEMPLATES, 'session-note');
    assert.ok(template);
    const text = renderMarkdown(template, { client: 'A #1', date: '2026-11-20' }, '2026-11-20');
    assert.match(text, /^---\nclient: "A #1"\n/);
    assert.strictEqual(parse(text, 'X/2026-11-20.md').client, 'A #1');
    // In the body the code is as it is.
    const snippet = renderSnippet(template, { client: 'A #1', date: '2026-11-20' }, '2026-11-20');
    // Not a field (issue 17): the cursor starts where writing starts, not on the code.
    assert.match(snippet, /^client: "A #1"$/m);
  });

  it('reading only the keys a scan needs gives exactly what reading every key gives for them', () => {
    // With keys, lines for other keys are skipped without being copied out; nothing else may change.
    const piece = fc.constantFrom(
      'client',
      'Client',
      'CLIENT',
      'clients',
      'date',
      'DaTe',
      'session',
      'cli-ent',
      '_x',
      ':',
      ' ',
      '\t',
      '"',
      "'",
      '#',
      '|',
      'A.B.',
      '2026-11-10',
      '~',
      'null',
      '\n',
      '\r\n',
      '---\n',
      'é',
    );
    const keys = ['client', 'date'];
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const text = `---\n${pieces.join('')}\n---\n`;
        const allProblems: FrontMatterProblem[] = [];
        const someProblems: FrontMatterProblem[] = [];
        const all = readFrontMatter(text, allProblems);
        const some = readFrontMatter(text, someProblems, keys);
        assert.strictEqual(some?.endLine, all?.endLine, JSON.stringify(text));
        const wanted = (m: ReadonlyMap<string, string> | undefined): [string, string][] =>
          [...(m ?? new Map<string, string>())].filter(([k]) => keys.includes(k));
        assert.deepStrictEqual(wanted(some?.values), wanted(all?.values), JSON.stringify(text));
        assert.deepStrictEqual(
          someProblems,
          allProblems.filter((p) => keys.includes(p.key)),
          JSON.stringify(text),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
