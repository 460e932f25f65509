// The one block model: the reproductions of issue 27, each a note that the parser, the
// outline and the anchors once read differently from CommonMark (and from one another).
import * as assert from 'assert';
import { headingAnchors } from '../../src/core/markdown/anchors';
import { parseNote } from '../../src/core/notes/note';
import { outline } from '../../src/core/markdown/outline';

const parse = (text: string): ReturnType<typeof parseNote> => parseNote(text, { path: 'n.md', folderName: 'c', fileName: '2026-11-13.md' });
const entries = (text: string): [number, string, number][] => parse(text).entries.map((e) => [e.line, e.title, e.sectionEnd]);

describe('one block model: headings as CommonMark reads them', () => {
  it('reads a heading in a list item or a block quote as a rupture entry', () => {
    assert.deepStrictEqual(entries('- # a #rupture/open\n'), [[0, 'a', 2]]);
    assert.deepStrictEqual(entries('> # Foo #rupture/open\n> text\n'), [[0, 'Foo', 3]]);
    assert.deepStrictEqual(entries('1. text\n   ## Nested #rupture/planned\n'), [[1, 'Nested', 3]]);
  });

  it('ends the section above at a heading inside a list item', () => {
    const text = '## Fee talk #rupture/open\n- **Opening line:** Can we talk?\n- ## Next topic\n- **Mood:** low\n';
    assert.deepStrictEqual(entries(text), [[0, 'Fee talk', 2]]);
    assert.deepStrictEqual(
      outline(text).map((h) => [h.line, h.level, h.sectionEnd]),
      [
        [0, 2, 2],
        [2, 2, 5],
      ],
    );
  });

  it('shows raw HTML blocks as HTML: no headings inside them', () => {
    assert.deepStrictEqual(entries('<div>\n# foo #rupture/open\n</div>\n'), []);
    assert.deepStrictEqual(entries('<details>\n## Hidden #rupture\n\n## Seen #rupture\n'), [[3, 'Seen', 5]]);
    assert.deepStrictEqual(entries('<script>\n\n# in script #rupture\n</script>\n# after #rupture\n'), [[4, 'after', 6]]);
    assert.deepStrictEqual(entries('<?php\n# pi #rupture\n?>\n<!DOCTYPE x\n# decl #rupture\n>\n<![CDATA[\n# cdata #rupture\n]]>\n'), []);
  });

  it('sees a code fence opened on a list item’s line', () => {
    assert.deepStrictEqual(entries('- ```\n  # in code #rupture/open\n  ```\n# out #rupture\n'), [[3, 'out', 5]]);
    assert.deepStrictEqual(entries('> ~~~\n> # in code #rupture/open\n'), []);
  });

  it('reads no tag in a link destination or inline HTML', () => {
    assert.deepStrictEqual(entries('# [link]( #rupture/open)\n'), []);
    assert.deepStrictEqual(entries('# a <!ELEMENT br EMPTY #rupture/open>\n'), []);
    assert.deepStrictEqual(entries('# a <![CDATA[ #rupture/open ]]>\n'), []);
    assert.deepStrictEqual(entries('# a <span title=" #rupture/open">b</span>\n'), []);
  });

  it('pairs no backtick inside an HTML tag or an autolink as a code span', () => {
    assert.deepStrictEqual(
      entries('## <a href="`"> Talk #rupture/open ` end\n').map((e) => e[0]),
      [0],
    );
    assert.deepStrictEqual(
      entries('## <http://a.b/`> Talk #rupture/open `x\n').map((e) => e[0]),
      [0],
    );
  });

  it('makes no phantom heading of thematic breaks: the opening line stays in its section', () => {
    const text = '## X #rupture/open\n***\n---\n- **Opening line:** Could we return to last week?\n';
    const note = parse(text);
    assert.deepStrictEqual(entries(text), [[0, 'X', 5]]);
    assert.strictEqual(note.entries[0].opener, 'Could we return to last week?');
    assert.deepStrictEqual(
      outline(text).map((h) => h.line),
      [0],
    );
    assert.deepStrictEqual(
      headingAnchors(text).map((h) => h.line),
      [0],
    );
  });

  it('reads an HTML block underlined by === as HTML, in the parser, the outline and the anchors alike', () => {
    const text = '## R #rupture/open\n<div>\nNotes\n===\n\nafter\n';
    assert.deepStrictEqual(entries(text), [[0, 'R', 7]]);
    assert.deepStrictEqual(
      outline(text).map((h) => h.line),
      [0],
    );
    assert.deepStrictEqual(
      headingAnchors(text).map((h) => h.line),
      [0],
    );
  });

  it('reads a link reference definition underlined by === as no heading', () => {
    const text = '# R #rupture\n[foo]: /url\n===\n';
    assert.deepStrictEqual(entries(text), [[0, 'R', 4]]);
    assert.deepStrictEqual(
      headingAnchors(text).map((h) => h.line),
      [0],
    );
  });

  it('gives setext headings in containers and lazy lines their CommonMark reading', () => {
    // A lazy continuation line is no setext underline; an underline inside the quote is.
    assert.deepStrictEqual(
      headingAnchors('> Foo\n---\n').map((h) => h.line),
      [],
    );
    assert.deepStrictEqual(
      headingAnchors('> Foo\n> ---\n').map((h) => [h.line, h.level, h.text]),
      [[0, 2, 'Foo']],
    );
    assert.deepStrictEqual(
      headingAnchors('- Foo\n---\n').map((h) => h.line),
      [],
    );
  });
});
