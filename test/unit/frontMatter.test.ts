import * as assert from 'assert';
import { readFrontMatter } from '../../src/core/frontMatter';

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
    assert.deepStrictEqual(
      values('---\na: "A.B."\nb: \'it\'\'s\'\nc: C.D. # initials only\nd: "say \\"hi\\""\nf: x#y\n---\n'),
      { a: 'A.B.', b: "it's", c: 'C.D.', d: 'say "hi"', f: 'x#y' },
    );
  });

  it('skips keys without a value, nested keys, list items and lines that are not key: value', () => {
    assert.deepStrictEqual(values('---\ntags:\n  - one\nnested:\n  client: X\nclient:AB\n: x\n1: y\n---\n'), {});
  });

  it('keeps non-ASCII values', () => {
    assert.deepStrictEqual(values('---\nclient: Zoë\n---\n'), { client: 'Zoë' });
  });
});
