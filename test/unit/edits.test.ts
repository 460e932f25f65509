import * as assert from 'assert';
import { applyEdits, entryContaining, sectionAppendPoint, statusEdit, type TextEdit } from '../../src/core/notes/edits';
import type { RuptureEntry } from '../../src/core/notes/note';
import type { Status } from '../../src/core/notes/status';
import { parse } from './helpers';

function only(text: string): RuptureEntry {
  const found = parse(text).entries;
  assert.strictEqual(found.length, 1);
  return found[0];
}

function setStatus(text: string, status: Status, line?: number): string {
  const found = parse(text).entries;
  const entry = line === undefined ? found[0] : found.find((e) => e.line === line);
  assert.ok(entry, 'no entry on that line');
  const edit = statusEdit(entry, status);
  return edit ? applyEdits(text, [edit]) : text;
}

describe('statusEdit', () => {
  it('replaces only the status word', () => {
    const text = '## Too soon #rupture/open ##\n';
    assert.deepStrictEqual(statusEdit(only(text), 'planned'), { line: 0, character: 21, length: 4, newText: 'planned' });
    assert.strictEqual(setStatus(text, 'planned'), '## Too soon #rupture/planned ##\n');
  });

  it('adds a status after a bare tag', () => {
    const text = '## Too soon #rupture and more\n';
    assert.deepStrictEqual(statusEdit(only(text), 'attempted'), { line: 0, character: 20, length: 0, newText: '/attempted' });
    assert.strictEqual(setStatus(text, 'attempted'), '## Too soon #rupture/attempted and more\n');
  });

  it('returns undefined when the entry already has that status', () => {
    assert.strictEqual(statusEdit(only('## A #rupture/planned\n'), 'planned'), undefined);
    assert.strictEqual(statusEdit(only('## A #RUPTURE/PLANNED\n'), 'planned'), undefined);
  });

  it('writes a bare tag out as open when asked', () => {
    assert.strictEqual(setStatus('## A #rupture\n', 'open'), '## A #rupture/open\n');
  });

  it('replaces an unknown status, even with the status it is listed as', () => {
    assert.strictEqual(setStatus('## A #rupture/later\n', 'open'), '## A #rupture/open\n');
    assert.strictEqual(setStatus('## A #rupture/\n', 'closed'), '## A #rupture/closed\n');
    assert.strictEqual(setStatus('## A #rupture/späť x\n', 'repaired'), '## A #rupture/repaired x\n');
  });

  it('keeps the case of the tag word as written', () => {
    assert.strictEqual(setStatus('## A #Rupture/Open\n', 'repaired'), '## A #Rupture/repaired\n');
  });

  it('changes only the first tag when a heading holds two', () => {
    assert.strictEqual(setStatus('## A #rupture/open #rupture/open\n', 'closed'), '## A #rupture/closed #rupture/open\n');
  });

  it('keeps CRLF, a BOM, non-ASCII text and the missing final line break', () => {
    const text = '\uFEFF## Séance “un” 😔 #rupture/open\r\n\r\ntext\r\n## Zwei #rupture';
    assert.strictEqual(setStatus(text, 'planned', 0), '\uFEFF## Séance “un” 😔 #rupture/planned\r\n\r\ntext\r\n## Zwei #rupture');
    assert.strictEqual(setStatus(text, 'closed', 3), '\uFEFF## Séance “un” 😔 #rupture/open\r\n\r\ntext\r\n## Zwei #rupture/closed');
  });

  it('works on every step of the lifecycle in turn', () => {
    let text = '# S\n\n## Fee #rupture\n\nnotes\n';
    for (const status of ['planned', 'attempted', 'repaired', 'open', 'closed'] as const) {
      text = setStatus(text, status);
      assert.strictEqual(text, `# S\n\n## Fee #rupture/${status}\n\nnotes\n`);
      assert.strictEqual(parse(text).entries[0].status, status);
    }
  });
});

describe('applyEdits', () => {
  it('applies several edits on different lines, in any order', () => {
    const text = 'one\r\ntwo\nthree';
    const edits: TextEdit[] = [
      { line: 2, character: 0, length: 5, newText: '3' },
      { line: 0, character: 1, length: 1, newText: 'N' },
      { line: 1, character: 3, length: 0, newText: '!' },
    ];
    assert.strictEqual(applyEdits(text, edits), 'oNe\r\ntwo!\n3');
  });

  it('returns the text unchanged without edits', () => {
    assert.strictEqual(applyEdits('a\nb', []), 'a\nb');
  });
});

describe('entryContaining', () => {
  const text = '# S\n## A #rupture\ntext\n### B #rupture/planned\nmore\n## C\nend\n';

  it('finds the innermost entry whose section holds a line', () => {
    const found = parse(text).entries;
    assert.deepStrictEqual(
      [0, 1, 2, 3, 4, 5, 6].map((line) => entryContaining(found, line)?.title),
      [undefined, 'A', 'A', 'B', 'B', undefined, undefined],
    );
  });
});

describe('sectionAppendPoint', () => {
  it('points to the end of the last non-blank line of the section', () => {
    const text = '## A #rupture\ntext\n- item\n\n\n## B\n';
    assert.deepStrictEqual(sectionAppendPoint(text, parse(text).entries[0]), { line: 2, character: 6, eol: '\n' });
  });

  it('points to the heading itself when the section is empty', () => {
    const text = '## A #rupture\r\n\r\n## B\r\n';
    assert.deepStrictEqual(sectionAppendPoint(text, parse(text).entries[0]), { line: 0, character: 13, eol: '\r\n' });
  });

  it("uses the note's usual line break when the section ends the file without one", () => {
    const text = 'x\r\ny\r\n## A #rupture\r\ntext';
    assert.deepStrictEqual(sectionAppendPoint(text, parse(text).entries[0]), { line: 3, character: 4, eol: '\r\n' });
  });
});
