import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, statusEdit } from '../../src/core/notes/edits';
import { readFrontMatter } from '../../src/core/markdown/frontMatter';
import { compileGlob } from '../../src/core/notes/glob';
import { splitLines } from '../../src/core/markdown/lines';
import { parseNote, type Note } from '../../src/core/notes/note';
import { parseSnippet, toMarkdown, toSnippet } from '../../src/core/reflection/snippet';
import { STATUSES, type Status } from '../../src/core/notes/status';
import { decodeNote } from '../../src/node/files';
import { cli, source, TempDirs, TODAY } from './helpers';

// Text that stresses the parser: structure characters, every kind of line break, BOMs,
// NUL, lone surrogates, non-ASCII letters and emoji, and whole pieces of markdown.
const hostileUnit = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '\n',
      '\r',
      '\r\n',
      '\0',
      '\uFEFF',
      '\uD800',
      '\uDC00',
      '\uFFFD',
      ' ',
      '   ',
      '    ',
      '\t',
      '#',
      '##',
      '###### ',
      '`',
      '```',
      '~~~',
      '````',
      '\\',
      '<!--',
      '-->',
      '---',
      '#rupture',
      '#RUPTURE/Planned',
      '#rupture/',
      '/open',
      'Opening line:',
      '- **Opening line:** ',
      'client: ',
      'date: 2026-11-10',
      'é',
      '😔',
      '“',
      '$',
      '${1:',
      '}',
      '|',
    ),
  },
);
const hostileText = fc.string({ unit: hostileUnit, maxLength: 120 });

const eol = fc.constantFrom('\n', '\r\n', '\r');
const word = fc.string({
  unit: fc.constantFrom(
    'a',
    'B',
    'z',
    ' ',
    'é',
    'ß',
    '日',
    '😔',
    '“',
    '”',
    '\t',
    '#',
    '`',
    '\\',
    '*',
    '-',
    '~',
    '<',
    '>',
    '!',
    '/',
    '\uFEFF',
    '\u00a0',
    '\uFFFD',
  ),
  maxLength: 12,
});
const tag = fc.constantFrom(
  '#rupture',
  '#RUPTURE',
  '#Rupture/Open',
  '#rupture/open',
  '#rupture/planned',
  '#rupture/attempted',
  '#rupture/repaired',
  '#rupture/closed',
  '#rupture/held',
  '#rupture/later',
  '#rupture/',
  '#rupture/späť',
  '#rupture/open##',
);
const headingLine = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '   '),
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom(' ', '\t', '  '),
    word,
    tag,
    fc.oneof(
      fc.constant(''),
      word.map((w) => ` ${w}`),
    ),
    fc.constantFrom('', ' #', ' ###', '  ', ' \t'),
  )
  .map(([indent, level, gap, before, t, after, closing]) => `${indent}${'#'.repeat(level)}${gap}${before}${before ? ' ' : ''}${t}${after}${closing}`);
const otherLine = fc.oneof(
  word,
  fc.constantFrom(
    '',
    '```',
    '~~~',
    '````',
    '```js',
    '<!--',
    '-->',
    '<!-- one line -->',
    '    ## indented #rupture',
    '\t# tab #rupture',
    '---',
    'client: X',
    '- **Opening line:** "Can we go back?"',
    'Opening line: hello',
    '# Plain heading',
    '### Sub',
    'a #rupture mention',
    'trailing spaces   ',
    '\u00e9\u00e8 \u2013 \ud83d\ude14',
  ),
);
const frontMatter = fc.oneof(
  fc.constant(''),
  fc
    .tuple(fc.constantFrom('A.B.', '"C D"', 'Zoë', ''), fc.constantFrom('2026-11-10', '2026-02-30', 'soon'))
    .map(([c, d]) => `---\nclient: ${c}\ndate: ${d}\n---\n`),
  fc.constant('---\nclient: unclosed\n'),
);

/** Generated notes: front matter or not, a BOM or not, mixed line breaks, maybe no final newline. */
const noteText = fc
  .tuple(
    fc.boolean(),
    frontMatter,
    fc.array(fc.tuple(fc.oneof({ weight: 2, arbitrary: headingLine }, { weight: 3, arbitrary: otherLine }), eol), { maxLength: 14 }),
    fc.boolean(),
    eol,
  )
  .map(([bom, front, lines, finalBreak, frontEol]) => {
    let text = (bom ? '\uFEFF' : '') + front.replace(/\n/g, frontEol);
    lines.forEach(([line, lineEol], i) => {
      text += line + (i < lines.length - 1 || finalBreak ? lineEol : '');
    });
    return text;
  });

function checkNote(text: string, note: Note): void {
  const lineCount = splitLines(text).length;
  let previous = -1;
  for (const e of note.entries) {
    assert.ok(e.line > previous && e.line < lineCount);
    assert.ok(e.sectionEnd > e.line && e.sectionEnd <= lineCount);
    assert.ok(e.level >= 1 && e.level <= 6);
    assert.ok((STATUSES as readonly string[]).includes(e.status));
    assert.strictEqual(e.title, e.title.trim());
    previous = e.line;
  }
}

/** Sets every entry to every status and checks that nothing but the tag changed. */
function checkStatusEdits(text: string): void {
  const note = parseNote(text, source());
  const lines = splitLines(text);
  for (const entry of note.entries) {
    for (const status of STATUSES) {
      const edit = statusEdit(entry, status);
      if (!edit) {
        assert.ok(entry.status === status && entry.statusKnown);
        continue;
      }
      const after = applyEdits(text, [edit]);
      const at = lines[entry.line].start + edit.character;
      assert.strictEqual(after.slice(0, at), text.slice(0, at), 'every character before the edit stays');
      assert.strictEqual(after.slice(at + edit.newText.length), text.slice(at + edit.length), 'every character after the edit stays');
      assert.ok(edit.newText === status || edit.newText === `/${status}`);
      assert.ok(
        at >= lines[entry.line].start + entry.tag.start && at + edit.length <= lines[entry.line].start + entry.tag.end,
        'the edit stays inside the tag',
      );
      const reparsed = parseNote(after, source());
      assert.deepStrictEqual(
        reparsed.entries.map((e) => [e.line, e.title, e.level, e.sectionEnd, e.client, e.date, e.opener]),
        note.entries.map((e) => [e.line, e.title, e.level, e.sectionEnd, e.client, e.date, e.opener]),
      );
      assert.deepStrictEqual(
        reparsed.entries.map((e) => (e.line === entry.line ? [e.status, e.statusKnown] : [e.status])),
        note.entries.map((e) => (e.line === entry.line ? [status, true] : [e.status])),
      );
    }
  }
}

describe('properties', () => {
  it('parseNote never throws on arbitrary text, and its entries are well formed', () => {
    fc.assert(
      fc.property(hostileText, fc.string(), (text, name) => {
        const note = parseNote(text, { path: name, folderName: name, fileName: name });
        checkNote(text, note);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseNote never throws on arbitrary full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkNote(text, parseNote(text, source()));
      }),
      { numRuns: 1000 },
    );
  });

  it('decoding any bytes never throws, and the text parses', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeNote(bytes);
        if (decoded.ok) checkNote(decoded.text, parseNote(decoded.text, source()));
      }),
      { numRuns: 1000 },
    );
  });

  it('splitLines covers the text exactly, and front matter never throws', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const lines = splitLines(text);
        assert.strictEqual(lines.map((l) => text.slice(l.start, l.end) + l.eol).join(''), text);
        for (const l of lines) assert.ok(!/[\r\n]/.test(text.slice(l.start, l.end)));
        const front = readFrontMatter(text);
        if (front) assert.ok(front.endLine >= 1 && front.endLine < lines.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('a status change alters nothing but the tag, on generated notes', () => {
    fc.assert(
      fc.property(noteText, (text) => checkStatusEdits(text)),
      { numRuns: 1500 },
    );
  });

  it('a status change alters nothing but the tag, on arbitrary text', () => {
    fc.assert(
      fc.property(hostileText, (text) => checkStatusEdits(text)),
      { numRuns: 1000 },
    );
  });

  it('generated notes do hold entries of every kind', () => {
    // Guards the generator: the properties above mean little if it made no entries.
    const samples = fc.sample(noteText, { numRuns: 300, seed: 42 });
    const statuses = new Set<string>();
    let unknown = 0;
    for (const text of samples) {
      for (const e of parseNote(text, source()).entries) {
        statuses.add(e.status);
        if (!e.statusKnown) unknown++;
      }
    }
    assert.deepStrictEqual([...statuses].sort(), [...STATUSES].sort());
    assert.ok(unknown > 0);
  });

  it('snippet text survives a round trip: snippet output parses back to the same markdown', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const nodes = parseSnippet(text);
        const again = parseSnippet(toSnippet(nodes, {}));
        assert.strictEqual(toMarkdown(again, {}, TODAY), toMarkdown(nodes, {}, TODAY));
      }),
      { numRuns: 2000 },
    );
  });

  it('text without braced placeholders or backslashes renders as itself', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const plain = text.replace(/\$\{|\\/g, '');
        assert.strictEqual(toMarkdown(parseSnippet(plain), {}, TODAY), plain);
      }),
      { numRuns: 1000 },
    );
  });

  describe('attune set on bytes', () => {
    const temp = new TempDirs();
    after(() => temp.cleanup());

    it('changes only the status bytes, even beside invalid UTF-8', () => {
      const dir = temp.make();
      const file = path.join(dir, 'note.md');
      const invalid = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 6 });
      fc.assert(
        fc.property(noteText, invalid, fc.constantFrom<Status>(...STATUSES), fc.nat(), (text, inserts, status, pick) => {
          let bytes = Buffer.from(text, 'utf8');
          for (const [at, byte] of inserts) {
            const i = at % (bytes.length + 1);
            bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
          }
          const decoded = decodeNote(bytes);
          if (!decoded.ok || decoded.encoding !== 'utf-8') return;
          const before = parseNote(decoded.text, source());
          if (before.entries.length === 0) return;
          const entry = before.entries[pick % before.entries.length];
          fs.writeFileSync(file, bytes);
          const r = cli(['set', `note.md:${entry.line + 1}`, status], dir);
          assert.strictEqual(r.code, 0, r.err);
          const after = fs.readFileSync(file);
          if (statusEdit(entry, status) === undefined) {
            assert.ok(after.equals(bytes));
            return;
          }
          // The bytes that differ form one run inside the heading line, made of tag characters only.
          let p = 0;
          while (p < bytes.length && p < after.length && bytes[p] === after[p]) p++;
          let s = 0;
          while (s < bytes.length - p && s < after.length - p && bytes[bytes.length - 1 - s] === after[after.length - 1 - s]) s++;
          const removed = bytes.subarray(p, bytes.length - s);
          const added = after.subarray(p, after.length - s);
          for (const run of [removed, added]) {
            assert.ok(!run.includes(0x0a) && !run.includes(0x0d) && !run.includes(0x20) && !run.includes(0x09), 'no line break or space changes');
          }
          assert.match(added.toString('latin1'), /^[a-z/]*$/);
          const redecoded = decodeNote(after);
          assert.ok(redecoded.ok);
          const changed = parseNote(redecoded.text, source()).entries.find((e) => e.line === entry.line);
          assert.ok(changed);
          assert.deepStrictEqual([changed.status, changed.statusKnown, changed.title], [status, true, entry.title]);
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('property: globs', () => {
  // A glob `**/NAME` tests only a path's last segment, so deep paths cost no more (issue 12).
  // The same glob inside braces takes the general route: the two must always agree.
  it('a `**/NAME` glob matches exactly the paths the general matcher does', () => {
    const piece = fc.constantFrom('a', 'b', '.', '*', '?', 'node_modules', '.md', '{a,b}', '[ab]', '[!a]', '**', '/');
    const segment = fc.constantFrom('a', 'b', 'ab', '.a', 'x.md', 'a.MD', 'node_modules', '', 'b.md.bak');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), fc.array(segment, { minLength: 1, maxLength: 6 }), (pieces, segments) => {
        const name = pieces.join('');
        const p = segments.join('/');
        assert.strictEqual(compileGlob(`**/${name}`).test(p), compileGlob(`{**/${name}}`).test(p), `**/${name} on ${p}`);
      }),
      { numRuns: 3000 },
    );
  });
});
