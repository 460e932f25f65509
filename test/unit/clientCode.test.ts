import * as assert from 'assert';
import { clientCodeProblem } from '../../src/core/notes/clientCode';

describe('client codes as folder names (issue 12)', () => {
  it('accepts plain codes and initials', () => {
    for (const code of ['A.B.', 'C017', 'A #1', 'Zoë', 'client-7', 'A..'])
      assert.strictEqual(clientCodeProblem(code), code === 'A..' ? 'A code cannot contain "..".' : undefined, code);
  });

  it('refuses anything that is not one safe path segment', () => {
    for (const code of [
      '',
      ' ',
      'A\u0000B',
      'A\u001bB',
      'a\nb',
      'a\rb',
      '\u0085x',
      'a/b',
      'a\\b',
      '.',
      '..',
      '../x',
      'x/..',
      '.hidden',
      'a:b',
      'a*b',
      'a?b',
      'a"b',
      'a<b',
      'a|b',
      ' A',
      'A ',
      'CON',
      'nul.txt',
      'x'.repeat(41),
    ]) {
      assert.ok(clientCodeProblem(code), JSON.stringify(code));
    }
  });
});

describe('client codes that would show as something else (issue 22)', () => {
  it('refuses invisible, bidirectional and control characters', () => {
    for (const code of [
      'A\u200bB',
      'AB\u202e',
      '\u2066AB\u2069',
      'A\u200dB',
      'A\u00adB',
      'A\ufeffB',
      'A\u00a0B',
      'A\u3000B',
      'A\u200eB',
      'A\u061cB',
      'A\u2060B',
      'A\u3164B',
      'A\ue000B',
    ]) {
      assert.strictEqual(clientCodeProblem(code), 'A code cannot hold invisible characters or marks that change the direction of text.', JSON.stringify(code));
    }
  });

  it('still accepts codes in any script, with plain spaces and symbols', () => {
    for (const code of ['A B', 'Zoë', 'שלום', 'مريم', '李', '$(alert)', 'AB 😔']) assert.strictEqual(clientCodeProblem(code), undefined, code);
  });
});
