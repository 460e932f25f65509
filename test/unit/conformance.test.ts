// The one block model (src/core/markdown/blocks.ts) and the rupture entries read through it, checked
// against markdown-it (the CommonMark parser VS Code's markdown uses) on every example of
// the CommonMark specification: each example as it is, and with rupture tags added to every
// line, to every other line and inside every construct. Both must find the same headings
// on the same lines with the same levels and text, the same entries with the same tags and
// section ends, and hide the same lines as code or raw HTML.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { collectHeadings, forEachMarkdownLine, sectionEnd } from '../../src/core/markdown/blocks';
import { splitLines } from '../../src/core/markdown/lines';
import { findTags, parseNote } from '../../src/core/notes/note';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const spec = require('commonmark-spec') as { tests: { markdown: string; number: number; section: string }[] };

// CommonMark as written, raw HTML allowed (VS Code allows it too); escapes and entities
// kept as tokens of their own so that an escaped `\#rupture` is not read as text.
const md = MarkdownIt('commonmark', { html: true });
md.core.ruler.disable('text_join');

type Token = ReturnType<MarkdownIt['parse']>[number];

const TAG = /#rupture(?=[ \t]|\/|$)/gi;

/** How many rupture tags markdown-it reads as text in a heading's inline token: after a blank, or where the heading's text starts. */
function referenceTagCount(inline: Token): number {
  let count = 0;
  const walk = (children: readonly Token[], top: boolean): void => {
    children.forEach((child, k) => {
      if (child.children) walk(child.children, false);
      if (child.type !== 'text') return;
      for (const m of child.content.matchAll(TAG)) {
        const i = m.index ?? 0;
        const previous = children[k - 1];
        const before =
          i > 0
            ? child.content[i - 1]
            : k === 0
              ? top
                ? ' '
                : ''
              : previous.type === 'text' || previous.type === 'text_special'
                ? previous.content.slice(-1)
                : '';
        if (before === ' ' || before === '\t') count++;
      }
    });
  };
  walk(inline.children ?? [], true);
  return count;
}

interface Found {
  readonly headings: string[];
  readonly entries: string[];
  readonly hidden: number[];
}

/** What markdown-it finds in a note. */
function reference(text: string): Found {
  const tokens = md.parse(text, {});
  const lineCount = splitLines(text).length;
  const list: { line: number; level: number; content: string; atx: boolean; tags: number }[] = [];
  const hidden = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open' && t.map) {
      const inline = tokens[i + 1];
      list.push({ line: t.map[0], level: Number(t.tag.slice(1)), content: inline.content, atx: t.markup.startsWith('#'), tags: referenceTagCount(inline) });
    }
    if ((t.type === 'fence' || t.type === 'code_block' || t.type === 'html_block') && t.map) {
      for (let l = t.map[0]; l < t.map[1]; l++) hidden.add(l);
    }
  });
  const lines = splitLines(text);
  const isBlank = (l: number): boolean => text.slice(lines[l].start, lines[l].end).trim() === '';
  return {
    headings: list.map((h) => `${h.line}:${h.level}:${h.content}`),
    entries: list
      .map((h, k) => ({ h, end: sectionEnd(list, k, lineCount) }))
      .filter(({ h }) => h.atx && h.tags > 0)
      .map(({ h, end }) => `${h.line}:${h.level}:${h.content}:${h.tags}:${end}`),
    hidden: [...hidden].filter((l) => !isBlank(l)).sort((a, b) => a - b),
  };
}

/** What Attune finds in the same note. */
function attune(text: string): Found {
  const lines = splitLines(text);
  const headings = collectHeadings(text, lines, 0);
  const note = parseNote(text, { path: 'n.md', folderName: 'c', fileName: 'n.md' });
  const visible = new Set<number>();
  forEachMarkdownLine(text, lines, 0, (_line, index) => visible.add(index));
  const content = (h: (typeof headings)[number]): string => h.text ?? text.slice(lines[h.line].start + h.contentStart, lines[h.line].start + h.contentEnd);
  return {
    headings: headings.map((h) => `${h.line}:${h.level}:${content(h)}`),
    entries: note.entries.map((e) => {
      const h = headings.find((x) => x.line === e.line)!;
      const start = lines[h.line].start;
      const tags = findTags(text, start + h.contentStart, start + h.contentEnd).length;
      return `${e.line}:${e.level}:${content(h)}:${tags}:${e.sectionEnd}`;
    }),
    hidden: lines.map((_l, i) => i).filter((i) => !visible.has(i) && text.slice(lines[i].start, lines[i].end).trim() !== ''),
  };
}

const withTag = (line: string): string => (line.trim() === '' ? line : `${line} #rupture/open`);

/** The note variants each example is read as. */
export function variants(markdown: string): string[] {
  const lines = markdown.split('\n');
  const every = lines.map(withTag).join('\n');
  const odd = lines.map((l, i) => (i % 2 === 0 ? withTag(l) : l)).join('\n');
  const even = lines.map((l, i) => (i % 2 === 1 ? withTag(l) : l)).join('\n');
  // Inside every construct: after each character that opens one.
  const inside = markdown.replace(/[(<["'`*_[]/g, (c) => `${c} #rupture/open`);
  const closing = markdown.replace(/[)>\]"'`*_]/g, (c) => ` #rupture/open${c}`);
  const headed = lines.map((l) => (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(l) ? `${l} #rupture/open` : l)).join('\n');
  return [
    markdown,
    every,
    odd,
    even,
    inside,
    closing,
    headed,
    ...[inside, closing].map((v) =>
      v
        .split('\n')
        .map((l) => (l.trim() === '' ? l : `# ${l}`))
        .join('\n'),
    ),
  ];
}

export function disagreements(): { number: number; section: string; variant: number; text: string; ours: Found; theirs: Found }[] {
  const out: { number: number; section: string; variant: number; text: string; ours: Found; theirs: Found }[] = [];
  for (const example of spec.tests) {
    const markdown = example.markdown.replace(/→/g, '\t');
    variants(markdown).forEach((text, variant) => {
      const ours = attune(text);
      const theirs = reference(text);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) out.push({ number: example.number, section: example.section, variant, text, ours, theirs });
    });
  }
  return out;
}

describe('conformance: the block model against markdown-it on the CommonMark spec', () => {
  it('reads every example, with tags added, as markdown-it does', () => {
    assert.ok(spec.tests.length > 600);
    const found = disagreements();
    assert.deepStrictEqual(found.slice(0, 5), []);
  });
});
