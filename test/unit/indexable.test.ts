import * as assert from 'assert';
import fc from 'fast-check';
import { mayHoldTag } from '../../src/core/quickLook';
import { decodeNote, indexableText } from '../../src/node/files';
import { parseNote } from '../../src/core/note';

const source = { path: 'AB/2026-11-13.md', folderName: 'AB', fileName: '2026-11-13.md' };

/** What the index keeps of a note: the shortcut must never change it. */
function indexed(bytes: Uint8Array): unknown {
  const full = decodeNote(bytes);
  const quick = indexableText(bytes);
  if (!full.ok || !quick.ok) return [full.ok, quick.ok];
  const a = parseNote(full.text, source);
  const b = parseNote(quick.text, source);
  return [a.client, a.date, a.entries, a.warnings, a.written, b.client, b.date, b.entries, b.warnings, b.written];
}

describe('indexableText: the scan\'s shortcut for notes without a tag', () => {
  it('finds #rupture in any letter case, and nothing else', () => {
    assert.strictEqual(mayHoldTag(Buffer.from('text\n## x #RuPtUrE/open')), true);
    assert.strictEqual(mayHoldTag(Buffer.from('# heading #rupturE')), true);
    assert.strictEqual(mayHoldTag(Buffer.from('# heading # rupture #ruptur')), false);
    assert.strictEqual(mayHoldTag(Buffer.from('')), false);
  });

  it('one prefilter: text and its UTF-8 bytes get the same answer, the one /#rupture/i gives', () => {
    const piece = fc.constantFrom('#', '#r', 'rupture', 'RUPTURE', 'Ruptur', 'e', '#ruptur', 'é', '😔', 'İ', 'ſ', '\0', ' ', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const expected = /#rupture/i.test(text);
        assert.strictEqual(mayHoldTag(text), expected, text);
        assert.strictEqual(mayHoldTag(Buffer.from(text)), expected, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps only the front matter and the first line of writing of a note without a tag', () => {
    const quick = indexableText(Buffer.from('---\r\nclient: A.B.\r\ndate: 2026-11-13\r\n---  \r\n# Session\r\nlong text\r\nmore text'));
    assert.ok(quick.ok);
    assert.strictEqual(quick.text, '---\r\nclient: A.B.\r\ndate: 2026-11-13\r\n---  \r\nlong text');
    const prepared = indexableText(Buffer.from('---\nclient: A.B.\n---\n# Session\n\n## Before the session\n\n- [ ] Ask how the week was\n\n## Check-in\n\n'));
    assert.ok(prepared.ok);
    assert.strictEqual(prepared.text, '---\nclient: A.B.\n---');
  });

  it('gives the index exactly what the whole text gives, for any bytes', () => {
    const piece = fc.constantFrom('---\n', '---\r\n', 'client: C.D.\n', 'date: 2026-10-01\n', 'date: nope\n', '#rupture', '#RUPTURE/planned',
      '## heading ', '## Before the session\n', '- **Field:** (not filled in)\n', '_a hint_\n', '- [ ] task\n', '```\n', '<!--\n', '-->\n', '\r', '\n', '\uFEFF', 'é', '\u0000', 'text ', '- Opening line: hi\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.uint8Array({ maxLength: 20 }), (pieces, noise) => {
        const bytes = Buffer.concat([Buffer.from(pieces.join('')), Buffer.from(noise)]);
        const result = indexed(bytes) as unknown[];
        if (result.length === 2) return assert.deepStrictEqual(result[0], result[1]);
        assert.deepStrictEqual(result.slice(5), result.slice(0, 5));
      }),
      { numRuns: 3000 },
    );
  });
});
