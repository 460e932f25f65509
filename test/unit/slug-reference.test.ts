// Heading anchors, checked against a reference: markdown-it (VS Code's markdown parser)
// turns the heading into tokens, the plain text is taken from them as VS Code's markdown
// language service takes it (text, emoji and code spans), and github-slugger (the
// slugifier the language service uses) slugs and numbers it. Attune's own reading of the
// same note must give the same anchors, over generated headings.
import * as assert from 'assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { headingAnchors } from '../../src/core/markdown/anchors';

// github-slugger is an ES module; Node 20 loads it with require().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const GithubSlugger = (require('github-slugger') as { default: new () => { slug(text: string): string } }).default;

// As VS Code configures it: raw HTML allowed.
const md = new MarkdownIt({ html: true });

type Token = ReturnType<MarkdownIt['parse']>[number];

/** A token's plain text as the language service reads it: text, emoji and code spans, children included (image alt text). */
function plainText(token: Token): string {
  if (token.children) return token.children.map(plainText).join('');
  return token.type === 'text' || token.type === 'emoji' || token.type === 'code_inline' ? token.content : '';
}

/** The anchors VS Code gives the headings of a note, in order. */
function referenceAnchors(text: string): string[] {
  const tokens = md.parse(text, {});
  const slugger = new GithubSlugger();
  const out: string[] = [];
  tokens.forEach((t: Token, i: number) => {
    if (t.type !== 'heading_open') return;
    const inline = tokens[i + 1];
    out.push(slugger.slug(plainText(inline).trim()));
  });
  return out;
}

/** Pieces clinicians' headings are made of, odd ones included. */
const piece = fc.oneof(
  fc.constantFrom('Fee', 'talk', 'Séance', 'über', 'Ωmega', 'пауза', '沉默', 'حديث', 'नमस्ते', '2026-11-13', 'A.B.', 'C_D', 'x-y'),
  fc.constantFrom('#rupture', '#rupture/open', '#Rupture/Planned', '#rupture/reparied'),
  fc.constantFrom('😔', '❤️', '👩🏽‍⚕️', '—', '–', '…', '"', "'", '’', '!', '?', ',', ':', ';', '(', ')', '/', '&', '+', '=', '%', '@', '$', '~', '^', '|'),
  fc.constantFrom('`code`', '``a ` b``', '*soft*', '**firm**', '_under_', '__strong__', '***both***', '~~gone~~'),
  fc.constantFrom('[a link](x.md)', '[text](<a b.md> "t")', '<b>bold</b>', '<br>', '&amp;', '&copy;', '&#39;', '\\*', '\\#', '\\_'),
);

const heading = fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', '', '  ')), { minLength: 1, maxLength: 8 }).map((parts) =>
  parts
    .map(([p, s]) => p + s)
    .join('')
    .trim(),
);

describe('heading anchors agree with VS Code’s markdown parser and slugifier', () => {
  it('for generated ATX headings, duplicates included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), heading), { minLength: 1, maxLength: 6 }), (hs) => {
        const text = hs.map(([level, h]) => `${'#'.repeat(level)} ${h}\n\ntext\n`).join('\n');
        // A heading repeated, to check the numbering of duplicates.
        const doubled = `${text}\n${text}`;
        assert.deepStrictEqual(
          headingAnchors(doubled).map((a) => a.anchor),
          referenceAnchors(doubled),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('for generated setext headings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('===', '---'), heading), { minLength: 1, maxLength: 4 }), (hs) => {
        // A first line holding `|` over `---` is a table to markdown-it (a GitHub extension
        // Attune does not read); such a line is left out.
        const text = hs.map(([u, h]) => `${h.replace(/\|/g, '')}\n${u}\n`).join('\n');
        assert.deepStrictEqual(
          headingAnchors(text).map((a) => a.anchor),
          referenceAnchors(text),
        );
      }),
      { numRuns: 200 },
    );
  });
});
