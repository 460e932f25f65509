import * as assert from 'assert';
import { clientCodeProblem } from '../../src/core/clientCode';

describe('client codes as folder names (issue 12)', () => {
  it('accepts plain codes and initials', () => {
    for (const code of ['A.B.', 'C017', 'A #1', 'Zoë', 'client-7', 'A..']) assert.strictEqual(clientCodeProblem(code), code === 'A..' ? 'A code cannot contain "..".' : undefined, code);
  });

  it('refuses anything that is not one safe path segment', () => {
    for (const code of ['', ' ', 'A\u0000B', 'A\u001bB', 'a\nb', 'a\rb', '\u0085x', 'a/b', 'a\\b', '.', '..', '../x', 'x/..', '.hidden', 'a:b', 'a*b', 'a?b', 'a"b', 'a<b', 'a|b', ' A', 'A ', 'CON', 'nul.txt', 'x'.repeat(41)]) {
      assert.ok(clientCodeProblem(code), JSON.stringify(code));
    }
  });
});
