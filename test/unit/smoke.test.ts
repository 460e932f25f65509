import * as assert from 'assert';
import { parseNote } from '../../src/core/note';

describe('parseNote (smoke)', () => {
  it('finds a rupture heading with its status, client and date', () => {
    const note = parseNote('---\nclient: A.B.\n---\n## Too soon #rupture/planned\n', {
      path: 'AB/2026-11-10.md',
      folderName: 'AB',
      fileName: '2026-11-10.md',
    });
    assert.deepStrictEqual(
      note.entries.map((e) => [e.line, e.title, e.status, e.client, e.date]),
      [[3, 'Too soon', 'planned', 'A.B.', '2026-11-10']],
    );
  });
});
