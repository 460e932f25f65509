import * as assert from 'assert';
import { parseArgs, UsageError } from '../../src/cli/common';

/** What parseArgs made of the arguments, as plain data; or the usage error's message. */
function parsed(args: string[], valued: string[] = ['client', 'today'], booleans: string[] = ['json']): unknown {
  try {
    const r = parseArgs(args, valued, booleans);
    return { positional: r.positional, flags: Object.fromEntries(r.flags) };
  } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err.message;
  }
}

// The command line's arguments, read with Node's util.parseArgs (issue 28): the same results
// and the same messages as the hand-written reader before it (docs/command-line.md).
describe('the command line reads its arguments as before, through util.parseArgs', () => {
  it('takes a valued flag with its next argument or after =, and a boolean flag alone', () => {
    assert.deepStrictEqual(parsed(['list', '--client', 'AB', '--json', 'notes']), { positional: ['list', 'notes'], flags: { client: 'AB', json: true } });
    assert.deepStrictEqual(parsed(['--client=AB', '--today=2026-11-20']), { positional: [], flags: { client: 'AB', today: '2026-11-20' } });
    assert.deepStrictEqual(parsed(['--client=']), { positional: [], flags: { client: '' } });
    assert.deepStrictEqual(parsed(['--client', 'A', '--client', 'B']), { positional: [], flags: { client: 'B' } }, 'the last one counts');
  });

  it('takes the next argument as the value even when it starts with a dash', () => {
    assert.deepStrictEqual(parsed(['--client', '--json']), { positional: [], flags: { client: '--json' } });
    assert.deepStrictEqual(parsed(['--client', '-x']), { positional: [], flags: { client: '-x' } });
  });

  it('reads -x, -abc, - and -5 as words, and everything after -- as words', () => {
    assert.deepStrictEqual(parsed(['-x', '-abc', '-', '-5', 'a']), { positional: ['-x', '-abc', '-', '-5', 'a'], flags: {} });
    assert.deepStrictEqual(parsed(['a', '--', '--json', '--nope']), { positional: ['a', '--json', '--nope'], flags: {} });
  });

  it('says the same words for an unknown flag, a value given to a boolean flag, and a missing value', () => {
    assert.strictEqual(parsed(['--nope']), 'unknown option --nope');
    assert.strictEqual(parsed(['--nope=1']), 'unknown option --nope');
    assert.strictEqual(parsed(['--json=yes']), 'unknown option --json');
    assert.strictEqual(parsed(['---x']), 'unknown option ---x');
    assert.strictEqual(parsed(['list', '--client']), '--client needs a value');
  });
});
