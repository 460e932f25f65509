import * as assert from 'assert';
import { applyEdits } from '../../src/core/notes/edits';
import { clientKey, nearestStatus, noteWarnings } from '../../src/core/notes/noteWarnings';
import { parse } from './helpers';

const warn = (text: string, file = 'AB/2026-11-10.md', clients: { client: string; notes: number }[] = []) =>
  noteWarnings(parse(text, file), { text, clientKey: 'client', clients });

describe('note warnings, for the editor', () => {
  it('offers the nearest known status for one Attune does not know, without quoting the note', () => {
    const text = '---\nclient: A.B.\n---\n## Fee #rupture/reparied\n';
    const [w] = warn(text);
    assert.strictEqual(w.kind, 'unknown-status');
    assert.strictEqual(w.line, 3);
    assert.match(w.message, /Did you mean repaired\?/);
    assert.doesNotMatch(w.message, /reparied|Fee/);
    assert.ok(w.fix);
    assert.strictEqual(applyEdits(text, [w.fix.edit]), '---\nclient: A.B.\n---\n## Fee #rupture/repaired\n');
    assert.strictEqual(nearestStatus('plannd'), 'planned');
    assert.strictEqual(nearestStatus('atempted'), 'attempted');
    assert.strictEqual(nearestStatus('hold'), 'held');
    assert.strictEqual(nearestStatus('CLOSD'), 'closed');
  });

  it('marks a heading with a second tag', () => {
    const ws = warn('## A #rupture/open #rupture/planned\n');
    assert.deepStrictEqual(
      ws.map((w) => [w.kind, w.line]),
      [['second-tag', 0]],
    );
  });

  it('notices a client from a folder name that another note writes with other punctuation or case', () => {
    const text = '# Session\n\n## Miss #rupture\n';
    const clients = [
      { client: 'A.B.', notes: 12 },
      { client: 'AB', notes: 1 },
      { client: 'C.D.', notes: 4 },
    ];
    const [w] = warn(text, 'AB/2026-11-10.md', clients);
    assert.strictEqual(w.kind, 'folder-client');
    assert.doesNotMatch(w.message, /A\.B\.|AB/);
    assert.ok(w.fix);
    const fixed = applyEdits(text, [w.fix.edit]);
    assert.strictEqual(fixed, '---\nclient: A.B.\n---\n# Session\n\n## Miss #rupture\n');
    assert.strictEqual(parse(fixed, 'AB/2026-11-10.md').client, 'A.B.');
    // Into an existing front matter, with the note's own line breaks.
    const crlf = '---\r\ndate: 2026-11-10\r\n---\r\n## Miss #rupture\r\n';
    const [w2] = warn(crlf, 'AB/2026-11-10.md', clients);
    assert.ok(w2.fix);
    assert.strictEqual(applyEdits(crlf, [w2.fix.edit]), '---\r\nclient: A.B.\r\ndate: 2026-11-10\r\n---\r\n## Miss #rupture\r\n');
    // Not when the front matter names the client, nor when no other code matches.
    assert.deepStrictEqual(warn('---\nclient: AB\n---\n', 'AB/x.md', clients), []);
    assert.deepStrictEqual(
      warn(text, 'CD/x.md', [
        { client: 'C.D.', notes: 2 },
        { client: 'CD', notes: 1 },
      ]).length,
      1,
    );
    assert.deepStrictEqual(warn(text, 'EF/x.md', clients), []);
    assert.strictEqual(clientKey('A.B.'), clientKey('ab'));
  });
});
