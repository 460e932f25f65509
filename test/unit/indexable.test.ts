import * as assert from 'assert';
import fc from 'fast-check';
import { lookAt, mayHoldFeedback, mayHoldTag } from '../../src/core/notes/quickLook';
import { decodeNote, indexableText } from '../../src/node/files';
import { DEFAULT_PARSE_OPTIONS, indexNote, isWhole, parseNote, type IndexedNote } from '../../src/core/notes/note';

const source = { path: 'AB/2026-11-13.md', folderName: 'AB', fileName: '2026-11-13.md' };

/** Every property an indexed note promises: what the index and a whole parse must agree on. */
const PROMISED: readonly (keyof IndexedNote)[] = ['path', 'client', 'date', 'entries', 'warnings', 'frontMatterEnd', 'written', 'feedback'];

function promised(note: IndexedNote): unknown[] {
  return PROMISED.map((k) => note[k]);
}

/** The note as the scan indexes it (prefilter, then indexNote) against a whole parse of the whole text. */
function indexed(bytes: Uint8Array): { index: unknown[]; whole: unknown[] } {
  const full = decodeNote(bytes);
  const quick = indexableText(bytes);
  if (!full.ok || !quick.ok) return { index: [quick.ok], whole: [full.ok] };
  const whole = parseNote(full.text, source);
  const index = indexNote(quick.text, source, DEFAULT_PARSE_OPTIONS, quick.look);
  // Read whole exactly when the prefilter says the note may hold a tag or a feedback field (a
  // note not in UTF-8 gets no look from its bytes: its text is looked at instead).
  assert.strictEqual(isWhole(index), (quick.look ?? lookAt(quick.text)) !== 'head');
  for (const key of Object.keys(index)) assert.ok((PROMISED as readonly string[]).includes(key) || key === 'fields' || key === 'headings', key);
  return { index: promised(index), whole: promised(whole) };
}

describe("indexableText: the scan's shortcut for notes without a tag", () => {
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
    const piece = fc.constantFrom(
      '---\n',
      '---\r\n',
      'client: C.D.\n',
      'date: 2026-10-01\n',
      'date: nope\n',
      '#rupture',
      '#RUPTURE/planned',
      '## heading ',
      '## Before the session\n',
      '- **Field:** (not filled in)\n',
      '_a hint_\n',
      '- [ ] task\n',
      '```\n',
      '<!--\n',
      '-->\n',
      '\r',
      '\n',
      '\uFEFF',
      'é',
      '\u0000',
      'text ',
      '- Opening line: hi\n',
      '- **Mood:** low\n',
      '- **Alliance feedback score:** 7/10\n',
      '__alliance FEEDBACK score__: 3\n',
      '**Feedback I asked for, and what I heard:** fine\n',
      '** \tAlliance feedback score?** 5\n',
      '**',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.uint8Array({ maxLength: 20 }), (pieces, noise) => {
        const bytes = Buffer.concat([Buffer.from(pieces.join('')), Buffer.from(noise)]);
        const { index, whole } = indexed(bytes);
        assert.deepStrictEqual(index, whole);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same first line of writing when it lies past the first look of 512 bytes, or across its edge', () => {
    // Blank lines, headings, empty fields, hints and a checklist hold no writing, so the first
    // written line can sit anywhere around the quick look's edge; a character of two bytes or a
    // CRLF may be cut by it.
    const piece = fc.constantFrom(
      '\n',
      '\r\n',
      '\r',
      '\n\n\n\n',
      '## Before the session\n',
      '- [ ] Ask how the week was\n',
      '## Check-in\r\n',
      '_a hint_\n',
      '- **Mood:** (not filled in)\n',
      'é',
      'ééé written\n',
      'Written at last\r\n',
      '   ',
      '# Session\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 20, maxLength: 160 }), (pieces) => {
        const bytes = Buffer.from(`---\nclient: C.D.\ndate: 2026-10-01\n---\n${pieces.join('')}`);
        const { index, whole } = indexed(bytes);
        assert.deepStrictEqual(index, whole);
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps a note's feedback fields but not its other fields when it holds no tag", () => {
    const text = '---\nclient: A.B.\n---\n- **Mood:** low\n- **Alliance feedback score:** 31/40\n\n## Next time\n\n- **Ask:** about work\n';
    const quick = indexableText(Buffer.from(text));
    assert.ok(quick.ok && quick.look === 'feedback');
    const note = indexNote(quick.text, source, DEFAULT_PARSE_OPTIONS, quick.look);
    assert.deepStrictEqual(
      note.feedback.map((f) => [f.label, f.value, f.line]),
      [['Alliance feedback score', '31/40', 4]],
    );
    assert.deepStrictEqual(promised(note), promised(parseNote(text, source)));
    const plain = indexableText(Buffer.from(text.replace('Alliance feedback score', 'Energy')));
    assert.ok(plain.ok && plain.look === 'head');
    const head = indexNote(plain.text, source, DEFAULT_PARSE_OPTIONS, plain.look);
    assert.ok(!isWhole(head), 'a note read for its head holds no fields, and says so');
    assert.deepStrictEqual(head.feedback, []);
    assert.strictEqual(head.written, true);
  });

  it('one look for text and bytes: a tag first, then a feedback field', () => {
    const piece = fc.constantFrom(
      '**',
      '__',
      '*',
      '_',
      ' ',
      '\t',
      'Alliance feedback score',
      'ALLIANCE feedback',
      'feedback I asked for',
      '#rupture',
      '#Ruptur',
      'é',
      'x',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        assert.strictEqual(mayHoldFeedback(text), mayHoldFeedback(Buffer.from(text)), text);
        const look = lookAt(text);
        assert.strictEqual(look, lookAt(Buffer.from(text)), text);
        assert.strictEqual(look, mayHoldTag(text) ? 'tag' : mayHoldFeedback(text) ? 'feedback' : 'head');
      }),
      { numRuns: 2000 },
    );
  });
});
