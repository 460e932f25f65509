// Issue 27, item 5: headings belong to the note, and one analysis per document version.
import * as assert from 'assert';
import { NoteAnalysis } from '../../src/core/checklist/analysis';
import { collectHeadings, sectionEnd } from '../../src/core/markdown/blocks';
import { splitLines } from '../../src/core/markdown/lines';
import { parseNote } from '../../src/core/notes/note';
import { outline, withSections } from '../../src/core/markdown/outline';

const SOURCE = { path: 'AB/2026-11-20.md', folderName: 'AB', fileName: '2026-11-20.md' };

const NOTE = [
  '---',
  'client: AB',
  '---',
  '# Session',
  '',
  '## Before the session',
  '',
  '- [x] Breathe first.',
  '- [ ] Read last week.',
  '',
  '## Too soon #rupture/open',
  '',
  '- **Opening line:** "Can we go back?"',
  '',
  '### Repair plan, 2026-11-21',
  '',
  '```',
  '# not a heading',
  '```',
  '- # a heading in a list item',
  '',
  'Setext',
  '======',
  '',
].join('\n');

describe('analysis: the note carries its headings', () => {
  it('gives the parsed note the outline the block walk finds, sections included', () => {
    const note = parseNote(NOTE, SOURCE);
    assert.deepStrictEqual(note.headings, outline(NOTE));
    assert.deepStrictEqual(
      note.headings?.map((h) => [h.line, h.level, h.sectionEnd]),
      [
        [3, 1, 19],
        [5, 2, 10],
        [10, 2, 19],
        [14, 3, 19],
        [19, 1, 21],
        [21, 1, 24],
      ],
    );
  });

  it('works out every section end in one pass, as sectionEnd defines it', () => {
    const text = Array.from({ length: 400 }, (_, i) => `${'#'.repeat(((i * 7) % 6) + 1)} h${i}`).join('\n');
    const lines = splitLines(text);
    const headings = collectHeadings(text, lines, 0);
    assert.deepStrictEqual(
      withSections(headings, lines.length).map((h) => h.sectionEnd),
      headings.map((_, i) => sectionEnd(headings, i, lines.length)),
    );
  });
});

describe('analysis: one per document version', () => {
  it('builds the anchors once, only when asked, and takes the outline from the parse', () => {
    const counts = { analyses: 0, anchorBuilds: 0 };
    const note = parseNote(NOTE, SOURCE);
    const analysis = new NoteAnalysis(NOTE, note, counts);
    assert.strictEqual(analysis.outline, note.headings, "the parse's own headings, not a second walk");
    assert.strictEqual(counts.anchorBuilds, 0);
    for (let i = 0; i < 3; i++) assert.deepStrictEqual(analysis.checklist, { done: 1, total: 2, line: 5 });
    assert.strictEqual(analysis.anchors.length, 6);
    assert.deepStrictEqual(counts, { analyses: 1, anchorBuilds: 1 });
  });

  it('walks the note itself when the parse had no need to', () => {
    const text = '# Session\n\nNothing tagged, no field.\n';
    const note = parseNote(text, SOURCE);
    assert.strictEqual(note.headings, undefined);
    assert.deepStrictEqual(new NoteAnalysis(text, note, { analyses: 0, anchorBuilds: 0 }).outline, outline(text));
  });
});
