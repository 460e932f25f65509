import * as assert from 'assert';
import { headingAnchors } from '../../src/core/markdown/anchors';
import { headingPlainText } from '../../src/core/markdown/inlineText';
import { relativeLink } from '../../src/core/markdown/links';
import { AnchorBuilder, slugify } from '../../src/core/markdown/slug';

function anchors(text: string): [number, string][] {
  return headingAnchors(text).map((h) => [h.line, h.anchor]);
}

describe('anchors: slugify (github-slugger, as VS Code validates links)', () => {
  it('lower-cases and turns spaces into hyphens', () => {
    assert.strictEqual(slugify('Too Soon'), 'too-soon');
    assert.strictEqual(slugify('  padded  '), 'padded');
  });

  it('drops punctuation and symbols but keeps hyphens and underscores', () => {
    assert.strictEqual(slugify('Fee talk (cancellation): part 2!'), 'fee-talk-cancellation-part-2');
    assert.strictEqual(slugify('“Coming home” — a metaphor?'), 'coming-home--a-metaphor');
    assert.strictEqual(slugify('snake_case & co-op'), 'snake_case--co-op');
    assert.strictEqual(slugify('#rupture/planned'), 'ruptureplanned');
  });

  it('does not collapse runs of spaces or hyphens', () => {
    assert.strictEqual(slugify('a - b'), 'a---b');
    assert.strictEqual(slugify('a  b'), 'a--b');
  });

  it('removes emoji, leaving the spaces around them', () => {
    assert.strictEqual(slugify('Too soon 😬 again'), 'too-soon--again');
    assert.strictEqual(slugify('😬 first'), '-first');
  });

  it('keeps letters and digits of every script', () => {
    assert.strictEqual(slugify('Über Café 日本語 ٣ Ⅳ'), 'über-café-日本語-٣-ⅳ');
    assert.strictEqual(slugify('Привет мир'), 'привет-мир');
  });

  it('drops tabs, non-breaking spaces and other symbols', () => {
    assert.strictEqual(slugify('a\tb\u00a0c © ² §'), 'abc---');
  });
});

describe('anchors: headingPlainText', () => {
  it('removes emphasis markers but keeps underscores inside words', () => {
    assert.strictEqual(headingPlainText('*too* _soon_ __now__ **here**'), 'too soon now here');
    assert.strictEqual(headingPlainText('snake_case_name'), 'snake_case_name');
  });

  it('keeps code spans, link text and image alt text, drops targets and tags', () => {
    assert.strictEqual(headingPlainText('`co_de` [the talk](notes.md "t") ![alt](i.png)'), 'co_de the talk alt');
    assert.strictEqual(headingPlainText('<span class="x">quiet</span> <https://example.org>'), 'quiet https://example.org');
  });

  it('resolves escapes and common entities', () => {
    assert.strictEqual(headingPlainText('\\#rupture \\*not\\* &amp; &eacute;t&eacute; &#233;'), '#rupture *not* & été é');
  });

  it('keeps a rupture tag as written', () => {
    assert.strictEqual(headingPlainText('Too soon #rupture/OPEN'), 'Too soon #rupture/OPEN');
  });

  it('reads nested links and images, destinations, code spans, emphasis, breaks, HTML and entities as it always has', () => {
    // Pinned from the code before headings were read in one pass (each case compared on it).
    const cases: [string, string][] = [
      ['[a [b](u) c](v)', '[a b c](v)'],
      ['[a ![b](u) c](v)', 'a b c'],
      ['![a [b](u) c](v)', 'a b c'],
      ['[a](<b c> "t") [d](e \'t\') [f](g (t))', 'a d f'],
      ['[a](b(c)d) [e](f\\)g) [h](i j)', 'a e [h](i j)'],
      // A backtick in an HTML tag hides brackets from the link around it, not from its text.
      ['[<b t="`">[x] `](u) ``', '[x] ` ``'],
      ['[![a](u "`") [x `` `](v) ``', 'a [x `` ` ``'],
      ['\\[a](b) \\\\[c](d)', '[a](b) \\c'],
      ['`[a](b)` [`]`](c)', '[a](b) ]'],
      ['***a** b* _c __d__ e_', 'a b c d e'],
      ['*a _b* c_', 'a _b c_'],
      ['**a*** ***b* c**', 'a* b c'],
      ['a\\\nb', 'ab'],
      ['x  \n  y', 'xy'],
      ['<!-- c --> <?p?> <![CDATA[x]]> <!X y> <a href="u">t</a>', 't'],
      ['&amp;&copy;&#x1F62C;&#0;&foo; ![&amp; \\*](u)', '&©😬\ufffd&foo;'],
      ['<https://x.y/z> <a@b.co> <a b>', 'https://x.y/z a@b.co'],
    ];
    for (const [markdown, text] of cases) assert.strictEqual(headingPlainText(markdown), text, markdown);
  });
});

describe('anchors: headingAnchors', () => {
  it('slugs a rupture heading whole, tag included', () => {
    assert.deepStrictEqual(anchors('## Too soon: the exposure task #rupture/planned\n'), [[0, 'too-soon-the-exposure-task-ruptureplanned']]);
    assert.deepStrictEqual(anchors('### #rupture\n'), [[0, 'rupture']]);
  });

  it('leaves out a closing run of hashes', () => {
    assert.deepStrictEqual(anchors('## Closing ##\n## Glued##\n'), [
      [0, 'closing'],
      [1, 'glued'],
    ]);
  });

  it('numbers duplicate headings in document order, at any level', () => {
    const text = '# Notes\n## Notes\ntext\n### notes!\n## Other\n';
    assert.deepStrictEqual(anchors(text), [
      [0, 'notes'],
      [1, 'notes-1'],
      [3, 'notes-2'],
      [4, 'other'],
    ]);
  });

  it('numbers duplicates the way VS Code does, even when a number collides', () => {
    assert.deepStrictEqual(anchors('# A\n# A\n# A-1\n'), [
      [0, 'a'],
      [1, 'a-1'],
      [2, 'a-1'],
    ]);
  });

  it('does not count headings in fenced code, HTML comments or front matter', () => {
    const text = [
      '---',
      'client: AB',
      '# not a heading',
      '---',
      '# Notes',
      '```md',
      '# Notes',
      '```',
      '~~~~',
      '## Notes',
      '```',
      '~~~~',
      '<!--',
      '# Notes',
      '-->',
      '    # indented code',
      '## Notes',
    ].join('\n');
    assert.deepStrictEqual(anchors(text), [
      [4, 'notes'],
      [16, 'notes-1'],
    ]);
  });

  it('counts setext headings, but not a rule after a list item', () => {
    const text = 'Check-in\n========\n\nLine one\nline two\n---\n\n- item\n---\n## Check-in\n';
    assert.deepStrictEqual(
      headingAnchors(text).map((h) => [h.line, h.level, h.anchor]),
      [
        [0, 1, 'check-in'],
        [3, 2, 'line-oneline-two'],
        [9, 2, 'check-in-1'],
      ],
    );
  });

  it('does not count a heading inside a raw HTML block', () => {
    assert.deepStrictEqual(anchors('<div>\n# Hidden\n</div>\n\n# Shown\n'), [[4, 'shown']]);
  });

  it('handles CRLF and a BOM', () => {
    assert.deepStrictEqual(anchors('\uFEFF# Title\r\n\r\n## Too soon #rupture\r\n'), [
      [0, 'title'],
      [2, 'too-soon-rupture'],
    ]);
  });

  it('gives the anchor of each heading on its line, and none for other lines', () => {
    const text = '# Notes\ntext\n## Notes #rupture/open\n';
    assert.deepStrictEqual(anchors(text), [
      [0, 'notes'],
      [2, 'notes-ruptureopen'],
    ]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '#', '# ', '```', '[', '![', '<', '&', '`', '*_*_', '\\', '\r', '\u0000', '---\n---']) {
      assert.doesNotThrow(() => headingAnchors(text));
      assert.doesNotThrow(() => headingAnchors(`# ${text}`));
    }
  });
});

describe('anchors: AnchorBuilder', () => {
  it('numbers repeats of the same slug', () => {
    const b = new AnchorBuilder();
    assert.deepStrictEqual(
      ['Notes', 'notes', 'NOTES!', 'Other'].map((t) => b.add(t)),
      ['notes', 'notes-1', 'notes-2', 'other'],
    );
  });
});

describe('anchors: relativeLink', () => {
  it('links within a folder, up and across folders', () => {
    assert.strictEqual(relativeLink('AB/2026-11-24.md', 'AB/2026-11-13.md', 'too-soon'), '2026-11-13.md#too-soon');
    assert.strictEqual(relativeLink('AB/2026/2026-11-24.md', 'AB/2026-11-13.md', 'x'), '../2026-11-13.md#x');
    assert.strictEqual(relativeLink('clients/AB/n.md', 'archive/AB/old.md'), '../../archive/AB/old.md');
    assert.strictEqual(relativeLink('n.md', 'AB/old.md'), 'AB/old.md');
  });

  it('links to a heading of the same note by its fragment alone', () => {
    assert.strictEqual(relativeLink('AB/n.md', 'AB/n.md', 'too-soon'), '#too-soon');
  });

  it('percent-encodes what would break a link, and keeps other letters readable', () => {
    assert.strictEqual(relativeLink('x/n.md', 'A B (old)/Ü#1.md', 'a'), '../A%20B%20%28old%29/Ü%231.md#a');
  });

  it('works on URI strings and Windows paths', () => {
    assert.strictEqual(relativeLink('file:///w/A%20B/n.md', 'file:///w/CD/o.md', 'x'), '../CD/o.md#x');
    assert.strictEqual(relativeLink('C:\\w\\AB\\n.md', 'C:\\w\\CD\\o.md'), '../CD/o.md');
  });
});
