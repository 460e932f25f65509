import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The CHANGELOG is kept per version (issue 28), in the form of Keep a Changelog: Unreleased
 * first, then each version with the day it was merged, newest first, its changes grouped
 * under the six kinds that form names.
 */
const TEXT = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'CHANGELOG.md'), 'utf8');
const GROUPS = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];

interface Section {
  readonly heading: string;
  readonly groups: string[];
  /** Changes listed before any group. */
  readonly ungrouped: string[];
}

function sections(text: string): Section[] {
  const found: Section[] = [];
  for (const line of text.split('\n')) {
    const last = found.at(-1);
    if (line.startsWith('## ')) found.push({ heading: line.slice(3), groups: [], ungrouped: [] });
    else if (line.startsWith('### ')) last?.groups.push(line.slice(4));
    else if (line.startsWith('- ') && last?.groups.length === 0) last.ungrouped.push(line);
  }
  return found;
}

describe('the CHANGELOG', () => {
  const all = sections(TEXT);

  it('starts with Unreleased, then versions with the day each was merged, newest first', () => {
    assert.strictEqual(all[0]?.heading, 'Unreleased');
    const released = all.slice(1).map((s) => /^(\d+)\.(\d+)\.(\d+) - (\d{4}-\d{2}-\d{2})$/.exec(s.heading));
    assert.deepStrictEqual(
      all
        .slice(1)
        .filter((_, i) => !released[i])
        .map((s) => s.heading),
      [],
      'a heading that is not "X.Y.Z - YYYY-MM-DD"',
    );
    assert.ok(released.length >= 3, 'the three versions so far');
    const versions = released.map((m) => (m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0]));
    const dates = released.map((m) => m?.[4] ?? '');
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [versions[i - 1], versions[i]];
      assert.ok(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2]))), `${all[i].heading} comes after ${all[i + 1].heading}`);
      assert.ok(dates[i - 1] >= dates[i], `${all[i].heading} is dated before ${all[i + 1].heading}`);
    }
  });

  it("groups each version's changes under Added, Changed, Deprecated, Removed, Fixed or Security, each once", () => {
    for (const s of all) {
      assert.deepStrictEqual(
        s.groups.filter((g) => !GROUPS.includes(g)),
        [],
        `${s.heading}: an unknown group`,
      );
      assert.strictEqual(new Set(s.groups).size, s.groups.length, `${s.heading}: a group twice`);
      assert.ok(s.heading === 'Unreleased' || s.groups.length > 0, `${s.heading}: no group`);
      assert.deepStrictEqual(s.ungrouped, [], `${s.heading}: a change outside any group`);
    }
  });
});
