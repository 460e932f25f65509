import * as assert from 'assert';
import { dominantEol, indentWidth, positionAt, splitLines, withEol } from '../../src/core/markdown/lines';

describe('splitLines', () => {
  it('splits on LF, CRLF and lone CR, keeping each line break', () => {
    const text = 'a\nb\r\nc\rd';
    assert.deepStrictEqual(splitLines(text), [
      { start: 0, end: 1, eol: '\n' },
      { start: 2, end: 3, eol: '\r\n' },
      { start: 5, end: 6, eol: '\r' },
      { start: 7, end: 8, eol: '' },
    ]);
  });

  it('ends with an empty line after a final line break', () => {
    assert.deepStrictEqual(splitLines('a\n'), [
      { start: 0, end: 1, eol: '\n' },
      { start: 2, end: 2, eol: '' },
    ]);
    assert.deepStrictEqual(splitLines(''), [{ start: 0, end: 0, eol: '' }]);
  });

  it('treats CR CR LF as a lone CR followed by a CRLF', () => {
    assert.deepStrictEqual(
      splitLines('\r\r\n').map((l) => l.eol),
      ['\r', '\r\n', ''],
    );
  });
});

describe('dominantEol and withEol', () => {
  it('picks the line break most lines use, LF on a tie or with none', () => {
    assert.strictEqual(dominantEol('a\r\nb\r\nc\n'), '\r\n');
    assert.strictEqual(dominantEol('a\r\nb\n'), '\n');
    assert.strictEqual(dominantEol('no breaks'), '\n');
    assert.strictEqual(dominantEol('\n'), '\n');
  });

  it('rewrites generated line breaks', () => {
    assert.strictEqual(withEol('a\nb\n', '\r\n'), 'a\r\nb\r\n');
    assert.strictEqual(withEol('a\nb\n', '\n'), 'a\nb\n');
  });
});

describe('indentWidth', () => {
  it('counts spaces and tabs to the next multiple of four', () => {
    assert.deepStrictEqual(indentWidth('   x', 0, 4), { width: 3, next: 3 });
    assert.deepStrictEqual(indentWidth('\tx', 0, 2), { width: 4, next: 1 });
    assert.deepStrictEqual(indentWidth('  \tx', 0, 4), { width: 4, next: 3 });
    assert.deepStrictEqual(indentWidth('     ', 1, 3), { width: 2, next: 3 });
  });
});

describe('positionAt', () => {
  it('converts offsets to line and character', () => {
    const text = 'ab\r\ncd\ne';
    const lines = splitLines(text);
    assert.deepStrictEqual(positionAt(lines, 0), { line: 0, character: 0 });
    assert.deepStrictEqual(positionAt(lines, 2), { line: 0, character: 2 });
    assert.deepStrictEqual(positionAt(lines, 4), { line: 1, character: 0 });
    assert.deepStrictEqual(positionAt(lines, 8), { line: 2, character: 1 });
  });
});
