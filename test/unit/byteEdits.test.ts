// Issue 22, item 1: the editor's changes are made to the note's bytes, as `attune set` makes
// them: invalid UTF-8, a BOM, mixed line breaks and trailing spaces all stay.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { byteOffsets, editBytes, withNoteLineBreaks } from '../../src/core/notes/byteEdits';
import { statusEdit } from '../../src/core/notes/edits';
import { parseNote } from '../../src/core/notes/note';
import { WriteRefused } from '../../src/node/atomicWrite';
import { editNoteOnDisk } from '../../src/node/editNote';
import { TempDirs } from './helpers';

const decode = (b: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const SOURCE = { path: 'n.md', folderName: 'AB', fileName: 'n.md' };

describe('byte-exact edits of a note', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('finds the byte where each character starts exactly as the decoder read it, on any bytes', () => {
    const bytes = fc.uint8Array({ maxLength: 60 }).chain((a) => fc.constantFrom(a, Buffer.concat([Buffer.from('é😔ab'), a, Buffer.from([0xf0, 0x9f, 0x98])])));
    fc.assert(
      fc.property(bytes, (b) => {
        const text = decode(b);
        // Every offset that is not inside a surrogate pair.
        const offsets = [...Array(text.length + 1).keys()].filter((o) => !(o > 0 && o < text.length && /[\uDC00-\uDFFF]/.test(text[o])));
        const at = byteOffsets(b, 'utf-8', offsets);
        assert.strictEqual(at.length, offsets.length);
        offsets.forEach((o, i) => assert.strictEqual(decode(b.subarray(0, at[i])), text.slice(0, o), `offset ${o}`));
      }),
      { numRuns: 500 },
    );
  });

  it('changes only the status bytes beside invalid UTF-8, a BOM, mixed line breaks and trailing spaces', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('# Session \xff\r\n', 'latin1'),
      Buffer.from('  \n## Missed it \xc3( #rupture/open   \r\n', 'latin1'),
      Buffer.from('- text \t\n\rend', 'latin1'),
    ]);
    const text = decode(bytes);
    const entry = parseNote(text, SOURCE).entries[0];
    const edit = statusEdit(entry, 'planned');
    assert.ok(edit);
    const result = editBytes(bytes, text, 'utf-8', [edit]);
    assert.deepStrictEqual(Buffer.from(result.bytes), Buffer.from(bytes.toString('latin1').replace('#rupture/open', '#rupture/planned'), 'latin1'));
    assert.strictEqual(decode(result.bytes), result.text);
  });

  it('writes inserted line breaks as the line where they land has them', () => {
    const text = 'a\r\nb\nc';
    assert.deepStrictEqual(
      withNoteLineBreaks(text, [
        { line: 0, character: 1, length: 0, newText: '\n\nx' },
        { line: 1, character: 1, length: 0, newText: '\ny' },
      ]),
      [
        { line: 0, character: 1, length: 0, newText: '\r\n\r\nx' },
        { line: 1, character: 1, length: 0, newText: '\ny' },
      ],
    );
  });

  it('edits a UTF-16 note in UTF-16', () => {
    const text = '\uFEFF## Hard one #rupture/open\r\nbody\n';
    const le = Buffer.from(text, 'utf16le');
    const edit = statusEdit(parseNote(text, SOURCE).entries[0], 'held');
    assert.ok(edit);
    const result = editBytes(le, text, 'utf-16le', [edit]);
    assert.deepStrictEqual(Buffer.from(result.bytes), Buffer.from(text.replace('/open', '/held'), 'utf16le'));
  });

  it('changes a note on disk byte for byte, and refuses rather than guess', () => {
    const original = Buffer.from('---\nclient: AB\n---\r\n## Miss \xfe #rupture/open \n\n- **Opening line:** "x"  \r\n', 'latin1');
    const dir = temp.make({ 'n.md': original });
    const file = path.join(dir, 'n.md');
    const text = editNoteOnDisk(file, 1024 * 1024, (t) => {
      const entry = parseNote(t, SOURCE).entries[0];
      const edit = statusEdit(entry, 'repaired');
      return edit && [edit, { line: 5, character: t.split(/\r?\n/)[5].length, length: 0, newText: '\n- mended' }];
    });
    // The inserted line break is the CRLF of the line it lands on.
    assert.deepStrictEqual(
      fs.readFileSync(file),
      Buffer.from(original.toString('latin1').replace('/open', '/repaired').replace('"x"  ', '"x"  \r\n- mended'), 'latin1'),
    );
    assert.strictEqual(text, decode(fs.readFileSync(file)));
    // Nothing to change: nothing written.
    const before = fs.statSync(file).mtimeMs;
    assert.strictEqual(
      editNoteOnDisk(file, 1024 * 1024, () => undefined),
      undefined,
    );
    assert.strictEqual(fs.statSync(file).mtimeMs, before);
    // Over the size limit, or binary: refused, file untouched.
    const now = fs.readFileSync(file);
    assert.throws(() => editNoteOnDisk(file, 10, () => [{ line: 0, character: 0, length: 0, newText: 'x' }]), WriteRefused);
    assert.deepStrictEqual(fs.readFileSync(file), now);
    const binary = Buffer.from([0x23, 0, 1]);
    fs.writeFileSync(file, binary);
    assert.throws(() => editNoteOnDisk(file, 1024, () => [{ line: 0, character: 0, length: 0, newText: 'x' }]), WriteRefused);
    assert.deepStrictEqual(fs.readFileSync(file), binary);
  });
});
