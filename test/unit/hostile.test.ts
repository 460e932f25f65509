// Issue 7, bad input: the parser, outline(), scanFolder, `attune list` and the heading
// anchors of the pre-session checklist never throw and always finish on hostile notes, and
// skip what they cannot read with one clear warning naming the file.
//
// Nothing here measures time. The sizes are chosen so that a return to quadratic (or
// worse) work on any of these shapes takes minutes and trips the suite's timeout, while the
// linear code takes milliseconds: each case below was slow before the fix it names
// (before/after figures: test/bench/hostile.js).
import * as assert from 'assert';
import fc from 'fast-check';
import { headingAnchors } from '../../src/core/markdown/anchors';
import { slugify } from '../../src/core/markdown/slug';
import { splitLines } from '../../src/core/markdown/lines';
import { parseNote, type Note } from '../../src/core/notes/note';
import { outline } from '../../src/core/markdown/outline';
import { decodeNote } from '../../src/node/files';
import { scanFolder } from '../../src/node/host';
import { cli, source, TempDirs, write } from './helpers';

const MB = 1024 * 1024;

/** Parses `text` as the scanner would, and checks outline() on it too; both must hold together. */
function parseAll(text: string): Note {
  const note = parseNote(text, source());
  const headings = outline(text);
  const lineCount = splitLines(text).length;
  for (const h of headings) assert.ok(h.line < h.sectionEnd && h.sectionEnd <= lineCount);
  // Every entry heads a section outline() knows, at the same level.
  const byLine = new Map(headings.map((h) => [h.line, h]));
  for (const e of note.entries) {
    const h = byLine.get(e.line);
    assert.ok(h, `outline() misses the rupture heading on line ${e.line}`);
    assert.deepStrictEqual([h.level, h.sectionEnd], [e.level, e.sectionEnd]);
  }
  return note;
}

interface Expect {
  readonly entries: number;
  readonly statuses?: readonly string[];
  readonly warnings?: number;
  readonly check?: (note: Note) => void;
}

/** The note's entries through every door: parseNote + outline, scanFolder, `attune list --json` and the readable list. */
function throughEveryDoor(temp: TempDirs, text: string, expected: Expect): void {
  const note = parseAll(text);
  assert.strictEqual(note.entries.length, expected.entries);
  if (expected.statuses) assert.deepStrictEqual([...new Set(note.entries.map((e) => e.status))].sort(), [...expected.statuses].sort());
  if (expected.warnings !== undefined) assert.strictEqual(note.warnings.length, expected.warnings);
  expected.check?.(note);

  const dir = temp.make({ 'AB/2026-11-10.md': text });
  const scanned = scanFolder(dir, { maxBytes: 32 * MB });
  assert.strictEqual(scanned.index.entries().length, expected.entries);
  assert.strictEqual(scanned.warnings.length, note.warnings.length);
  for (const w of scanned.warnings) assert.strictEqual(w.file, 'AB/2026-11-10.md');

  const json = cli(['list', '--all', '--json', '--max-size', '32'], dir);
  assert.strictEqual(json.code, 0, json.err);
  assert.strictEqual((JSON.parse(json.out) as unknown[]).length, expected.entries);
  const warnings = json.err === '' ? [] : json.err.trimEnd().split('\n');
  assert.strictEqual(warnings.length, note.warnings.length);
  for (const w of warnings) assert.match(w, /^attune: warning: AB\/2026-11-10\.md(:\d+)?: /);

  const readable = cli(['list', '--all', '--max-size', '32'], dir);
  assert.strictEqual(readable.code, 0, readable.err);
  assert.match(readable.out, expected.entries === 0 ? /^No rupture entries found\.\n$/ : new RegExp(`\\n${expected.entries} ruptures?, 1 client\\.\\n$`));
}

describe('hostile input: the parser, outline(), scanFolder and attune list always finish', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  describe('bytes that are not a clean UTF-8 note', () => {
    it('random bytes: decoding and parsing never throw, and a note of them is scanned or skipped with a warning', () => {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 * 1024 }), (bytes) => {
          const decoded = decodeNote(bytes);
          if (decoded.ok) parseAll(decoded.text);
          else assert.strictEqual(decoded.reason, 'it looks like a binary file, not a text note');
        }),
        { numRuns: 60 },
      );
      const dir = temp.make();
      const blobs = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 16 * 1024 }), { numRuns: 30, seed: 7 });
      blobs.forEach((b, i) => write(dir, `AB/r${i}.md`, Buffer.from(b)));
      const r = cli(['list', '--all', '--json'], dir);
      assert.strictEqual(r.code, 0, r.err);
      for (const line of r.err.split('\n').filter(Boolean)) assert.match(line, /^attune: warning: AB\/r\d+\.md(:\d+)?: /);
      JSON.parse(r.out);
    });

    it('invalid UTF-8 of every kind: the note is read, each bad sequence a U+FFFD, every line where it was', () => {
      const bad = [
        [0x80],
        [0xbf],
        [0xc0, 0x80],
        [0xc1, 0xbf],
        [0xe0, 0x80, 0x80],
        [0xed, 0xa0, 0x80],
        [0xed, 0xbf, 0xbf],
        [0xf4, 0x90, 0x80, 0x80],
        [0xf5, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
        [0xfe],
        [0xff],
        [0xe2, 0x82],
        [0xf0, 0x9f, 0x98],
      ];
      const parts: Buffer[] = [Buffer.from('---\nclient: A.B.\n---\n')];
      bad.forEach((seq, i) => {
        parts.push(Buffer.from(`## R${i} `), Buffer.from(seq), Buffer.from(` #rupture/planned\ntext `), Buffer.from(seq), Buffer.from('\n\n'));
      });
      parts.push(Buffer.from('## Last #rupture/open\n'), Buffer.from([0xe2, 0x82])); // truncated at the very end
      const bytes = Buffer.concat(parts);
      const decoded = decodeNote(bytes);
      assert.ok(decoded.ok);
      const note = parseAll(decoded.text);
      assert.deepStrictEqual(
        note.entries.map((e) => e.line),
        [...bad.map((_, i) => 3 + 3 * i), 3 + 3 * bad.length],
        'U+FFFD never swallows a line break',
      );
      for (const e of note.entries.slice(0, -1)) assert.match(e.title, /^R\d+ \uFFFD+$/);
      const dir = temp.make({ 'AB/2026-11-10.md': bytes });
      const r = cli(['list', '--all', '--json'], dir);
      assert.deepStrictEqual([r.code, r.err], [0, '']);
      assert.strictEqual((JSON.parse(r.out) as unknown[]).length, bad.length + 1);
    });

    it('a NUL byte: the note is skipped with one warning naming it, and the others are listed', () => {
      const dir = temp.make({
        'AB/2026-11-10.md': '## Fine #rupture\n',
        'AB/nul-first.md': Buffer.from('\0## Hidden #rupture\n'),
        'AB/nul-inside.md': Buffer.concat([Buffer.from('## Hidden #rupture\ntext'), Buffer.from([0]), Buffer.from('more\n')]),
        'AB/utf16-like.md': Buffer.from('#\0 \0H\0i\0 \0#\0r\0u\0p\0t\0u\0r\0e\0\n\0'),
      });
      const scanned = scanFolder(dir);
      assert.deepStrictEqual(scanned.warnings, [
        { file: 'AB/nul-first.md', message: 'skipped: it looks like a binary file, not a text note' },
        { file: 'AB/nul-inside.md', message: 'skipped: it looks like a binary file, not a text note' },
        { file: 'AB/utf16-like.md', message: 'skipped: it looks like a binary file, not a text note' },
      ]);
      const r = cli(['list', '--all', '--json'], dir);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(
        r.err,
        ['nul-first', 'nul-inside', 'utf16-like'].map((f) => `attune: warning: AB/${f}.md: skipped: it looks like a binary file, not a text note\n`).join(''),
      );
      assert.deepStrictEqual(
        (JSON.parse(r.out) as { file: string }[]).map((e) => e.file),
        ['AB/2026-11-10.md'],
      );
    });

    it('NUL characters in decoded text never trouble the parser', () => {
      const text = '\0## A\0 #rupture/open\0\n## B #rupture/\0\n\0\0\0\n```\0\n## C #rupture\n'.repeat(2000);
      const note = parseAll(text);
      // "## A" after a NUL is not a heading; "#rupture/\0" is an unknown status; C is inside a fence.
      assert.deepStrictEqual([...new Set(note.entries.map((e) => [e.status, e.statusKnown].join()))], ['open,false']);
    });
  });

  describe('huge and degenerate notes', () => {
    it('a 100,000-line note of headings, fences, comments and openers, with CRLF', () => {
      const lines: string[] = [];
      for (let i = 0; i < 10_000; i++) {
        lines.push(
          `## R${i} 😔 #rupture/planned`,
          'text é',
          '- **Opening line:** hi',
          '```',
          '## in code #rupture/open',
          '```',
          '<!-- c',
          '## in comment #rupture',
          '-->',
          '',
        );
      }
      const text = lines.join('\r\n');
      assert.strictEqual(splitLines(text).length, 100_000);
      throughEveryDoor(temp, text, {
        entries: 10_000,
        statuses: ['planned'],
        warnings: 0,
        check: (note) => assert.ok(note.entries.every((e, i) => e.line === 10 * i && e.opener === 'hi' && e.sectionEnd === 10 * i + 10)),
      });
    });

    it('a 10 MB single line that is a rupture heading', () => {
      const text = `## ${'word 😔 '.repeat(1_200_000)}#rupture/attempted`;
      assert.ok(Buffer.byteLength(text) > 10 * MB);
      throughEveryDoor(temp, text, {
        entries: 1,
        statuses: ['attempted'],
        warnings: 0,
        check: (n) => assert.strictEqual(n.entries[0].title.length, text.length - 22),
      });
    });

    it('a 10 MB single line of text, with tags that are not in a heading', () => {
      throughEveryDoor(temp, `text #rupture ${'x #rupture/open '.repeat(700_000)}`, { entries: 0 });
    });

    it('thousands of nested and unclosed fences of both kinds and many lengths', () => {
      // A fence of ten tildes is closed only by ten tildes or more: everything after it is code.
      const inner: string[] = [];
      for (let i = 0; i < 20_000; i++) inner.push(`${(i % 2 ? '`' : '~').repeat(3 + (i % 7))}${i % 3 ? '' : ' info'}`, '## in code #rupture/open');
      throughEveryDoor(temp, ['## before #rupture/open', '~~~~~~~~~~', ...inner].join('\n'), { entries: 1 });
      // Fences that look nested: ```` is not closed by ```; every "out" heading is outside.
      throughEveryDoor(temp, '````\n```\n## in #rupture\n````\n## out #rupture\n~~~\n````\n~~~~\n## out #rupture\n'.repeat(5_000), {
        entries: 10_000,
        check: (note) => assert.ok(note.entries.every((e) => e.title === 'out')),
      });
      // Thousands of ``` lines with no backtick after them anywhere, and some whose info
      // string holds a backtick (so they open nothing).
      throughEveryDoor(temp, '```\n## in #rupture\n```\n## out #rupture\n```a`\n## out #rupture\n'.repeat(10_000) + 'no backtick below\n'.repeat(20_000), {
        entries: 20_000,
        check: (note) => assert.ok(note.entries.every((e) => e.title === 'out')),
      });
      // One fence never closed, then 100,000 lines.
      throughEveryDoor(temp, '```\n' + '## in #rupture/open\n'.repeat(100_000), { entries: 0 });
    });

    it('thousands of unclosed HTML comments, and one comment over 100,000 lines', () => {
      throughEveryDoor(temp, '<!--\n'.repeat(20_000) + '## after #rupture\n', { entries: 0 });
      throughEveryDoor(temp, '## before #rupture\n<!--\n' + '## in #rupture/open\n'.repeat(100_000), { entries: 1 });
      throughEveryDoor(temp, '## before #rupture\n<!--\n' + '## in #rupture/open\n'.repeat(100_000) + '-->\n## after #rupture/closed\n', {
        entries: 2,
        statuses: ['open', 'closed'],
      });
      throughEveryDoor(temp, '<!-- x -->\n## out #rupture\n<!--\n## in #rupture\n-->\n'.repeat(10_000), { entries: 10_000 });
    });

    it('a 1 MB heading of backtick runs of every length', () => {
      let runs = '';
      for (let k = 1; runs.length < MB; k++) runs += '`'.repeat(k) + ' a ';
      // No run closes another, so none is a code span and the tag after them counts.
      throughEveryDoor(temp, `## ${runs}#rupture/repaired\n`, { entries: 1, statuses: ['repaired'], warnings: 0 });
      // The same runs twice: each closes its twin, and the tags between them are code.
      let pairs = '';
      for (let k = 1; pairs.length < MB; k++) pairs += `${'`'.repeat(k)} #rupture/open ${'`'.repeat(k)} `;
      throughEveryDoor(temp, `## ${pairs}#rupture/closed\n`, { entries: 1, statuses: ['closed'], warnings: 0 });
      // Escaped backticks leave single ones among double runs that never close them.
      throughEveryDoor(temp, `## ${'\\`` a '.repeat(64 * 1024)}#rupture/planned\n`, { entries: 1, statuses: ['planned'], warnings: 0 });
    });

    it('tags repeated without end', () => {
      throughEveryDoor(temp, `## ${'#rupture/'.repeat(200_000)}\n`, {
        entries: 1,
        warnings: 1,
        check: (n) => assert.strictEqual(n.entries[0].statusKnown, false),
      });
      throughEveryDoor(temp, `## x ${'#rupture/open '.repeat(100_000)}\n`, {
        entries: 1,
        warnings: 1,
        check: (n) => assert.strictEqual(n.entries[0].title, 'x'),
      });
      throughEveryDoor(temp, '# x #rupture/open #rupture/zzz\n'.repeat(20_000), { entries: 20_000, warnings: 20_000 });
    });

    it('huge front matter that never closes, and front-matter values holding half a million spaces', () => {
      throughEveryDoor(temp, '---\n' + 'key: value   with  spaces   \n'.repeat(100_000) + '## a #rupture\n', {
        entries: 1,
        check: (n) => assert.deepStrictEqual([n.frontMatterEnd, n.entries[0].client], [-1, 'AB']),
      });
      const spaces = ' '.repeat(MB / 2);
      throughEveryDoor(temp, `---\nclient: A${spaces}B${spaces}\ndate: soon${spaces}x\n---\n## a #rupture\n`, {
        entries: 1,
        warnings: 1, // the date is not a date
        check: (n) => assert.deepStrictEqual([n.entries[0].client, n.entries[0].date], [`A${spaces}B`, '2026-11-10']),
      });
    });
  });

  describe('heading anchors (the pre-session checklist)', () => {
    // All but the last two headings took the anchors quadratic time (seconds at 64 KB)
    // before headings were read in one pass; the last two guard shortcuts of that reading.
    // The text expected is what the old code gave on small headings of the same shape.
    const KB = 1024;
    /** [what, the note, the heading's text] */
    const cases: [string, string, string][] = [];
    /** A case of `r` repeats of a `unit`-character piece, `kb` KB in all. */
    const add = (what: string, unit: number, make: (r: number) => [string, string], kb = 256): void => {
      cases.push([what, ...make(Math.round((kb * KB) / unit))]);
    };
    add('`[a` repeated: brackets never closed', 2, (r) => [`## ${'[a'.repeat(r)}\n`, '[a'.repeat(r)]);
    add('`![a` repeated: images never closed', 3, (r) => [`## ${'![a'.repeat(r)}\n`, '![a'.repeat(r)]);
    add('`[[[…a](b)…](b)` nested: each link holds a link', 5, (r) => [
      `## ${'['.repeat(r)}a${'](b)'.repeat(r)}\n`,
      `${'['.repeat(r - 1)}a${'](b)'.repeat(r - 1)}`,
    ]);
    add('`[a](` repeated: destinations never closed', 4, (r) => [`## ${'[a]('.repeat(r)}\n`, '[a]('.repeat(r)]);
    add('`[a](x (` repeated: titles never closed', 7, (r) => [`## ${'[a](x ('.repeat(r)}\n`, '[a](x ('.repeat(r).trim()], 512);
    add('`[a](b` repeated, then spaces: destinations that end together', 10, (r) => [
      `## ${'[a](b'.repeat(r)}${' '.repeat(5 * r)}x\n`,
      `${'[a](b'.repeat(r)}${' '.repeat(5 * r)}x`,
    ]);
    add('`![![![…a](b)…](b)` nested images (the stack once overflowed)', 6, (r) => [`## ${'!['.repeat(r)}a${'](b)'.repeat(r)}\n`, 'a']);
    add('nested images with text at every level', 8, (r) => [`## ${'![x '.repeat(r)}a${' y](b)'.repeat(r)}\n`, `${'x '.repeat(r)}a${' y'.repeat(r)}`]);
    add('a link whose text hides `[a` repeated behind a backtick in an HTML tag', 2, (r) => [`## [<b t="\`">${'[a'.repeat(r)}\`](u)\n`, `${'[a'.repeat(r)}\``]);
    add('the same, with a code span that closes only outside the link', 2, (r) => [
      `## [<b t="\`">${'[a'.repeat(r)}\`\` \`](u) \`\`\n`,
      `${'[a'.repeat(r)}\`\` \` \`\``,
    ]);
    add('escaped backticks \\`` that never close', 6, (r) => [`## ${'\\`` a '.repeat(r)}\n`, '`` a '.repeat(r).trim()], 512);
    add('`<![CDATA[` repeated', 9, (r) => [`## ${'<![CDATA['.repeat(r)}\n`, '<![CDATA['.repeat(r)]);
    add('emphasis: `a* ` closers only', 3, (r) => [`## ${'a* '.repeat(r)}\n`, 'a* '.repeat(r).trim()], 512);
    add('emphasis: `a_ ` closers only', 3, (r) => [`## ${'a_ '.repeat(r)}\n`, 'a_ '.repeat(r).trim()], 512);
    add(
      'emphasis: `**a ` openers, then `a* ` closers',
      14,
      (r) => [`## ${'**a '.repeat(2 * r)}${'a* '.repeat(2 * r)}\n`, `${'**a '.repeat(r)}${'a '.repeat(3 * r)}`.trim()],
      1024,
    );
    add('a setext heading whose first line is a run of spaces', 1, (r) => [`a${' '.repeat(r)}b\nc\n===\n`, `a${' '.repeat(r)}bc`]);
    add('`<?` repeated', 2, (r) => [`## ${'<?'.repeat(r)}\n`, '<?'.repeat(r)]);
    add('a setext heading of empty images on many lines', 13, (r) => [`${'![](u)'.repeat(r)}${'\n![](u)'.repeat(r)}\n===\n`, '']);

    for (const [what, text, expected] of cases) {
      it(what, () => {
        const headings = headingAnchors(text);
        assert.strictEqual(headings.length, 1);
        assert.ok(headings[0].text === expected, 'the heading text');
        assert.ok(headings[0].anchor === slugify(expected), 'the anchor');
      });
    }

    it('`attune checklist` links rupture headings of every shape above', () => {
      const headings = cases.filter(([, text]) => text.startsWith('## ')).map(([, text]) => `${text.slice(0, 64 * KB).trimEnd()} #rupture/open`);
      const note = headings.join('\n\n') + '\n';
      const anchors = headingAnchors(note);
      assert.strictEqual(anchors.length, headings.length);
      const dir = temp.make({ 'AB/2026-11-10.md': note });
      const r = cli(['checklist', '--client', 'AB'], dir);
      assert.strictEqual(r.code, 0, r.err.slice(0, 500));
      assert.strictEqual(r.err, '');
      for (const a of anchors) assert.ok(a.anchor !== '' && r.out.includes(`]: 2026-11-10.md#${a.anchor}\n`), `the link to the heading on line ${a.line}`);
    });
  });

  describe('size limits', () => {
    it('a note over the default 5 MB limit is skipped with one warning; --max-size lets it in', () => {
      const big = `## Big #rupture\n${'x'.repeat(5 * MB)}\n`;
      const dir = temp.make({ 'AB/big.md': big, 'AB/small.md': '## Small #rupture\n' });
      const scanned = scanFolder(dir);
      assert.deepStrictEqual(scanned.warnings, [{ file: 'AB/big.md', message: 'skipped: 5.01 MB is over the 5 MB limit for a note' }]);
      const r = cli(['list', '--json'], dir);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.err, 'attune: warning: AB/big.md: skipped: 5.01 MB is over the 5 MB limit for a note\n');
      assert.deepStrictEqual(
        (JSON.parse(r.out) as { file: string }[]).map((e) => e.file),
        ['AB/small.md'],
      );
      const raised = cli(['list', '--json', '--max-size', '6'], dir);
      assert.deepStrictEqual([raised.code, raised.err], [0, '']);
      assert.deepStrictEqual((JSON.parse(raised.out) as { file: string }[]).map((e) => e.file).sort(), ['AB/big.md', 'AB/small.md']);
    });

    it('--max-size takes a positive number of megabytes, and anything else is a usage error', () => {
      const dir = temp.make({ 'AB/a.md': `## A #rupture\n${'x'.repeat(300 * 1024)}\n` });
      assert.match(cli(['list', '--max-size', '0.25'], dir).err, /^attune: warning: AB\/a\.md: skipped: 300 KB is over the 256 KB limit for a note\n$/);
      assert.strictEqual(cli(['list', '--max-size=0.5'], dir).err, '');
      for (const bad of ['0', '-1', 'abc', 'Infinity', '1e400', '']) {
        assert.deepStrictEqual(cli(['list', '--max-size', bad], dir), { code: 2, out: '', err: 'attune: --max-size takes a number of megabytes\n' }, bad);
      }
    });

    it('a note of 200,000 rupture headings is listed in full', () => {
      // Spreading that many entries into Math.max() once overflowed the stack.
      const dir = temp.make({ 'AB/2026-11-10.md': '# a #rupture\n'.repeat(200_000) });
      const r = cli(['list'], dir);
      assert.deepStrictEqual([r.code, r.err], [0, '']);
      assert.match(r.out, /\n200000 unrepaired ruptures, 1 client\.\n$/);
    });
  });

  describe('hostile templates', () => {
    it('unclosed and deeply nested placeholders print as text, at once', () => {
      const templates: Record<string, string> = {
        unclosed: '${1:'.repeat(40) + 'x',
        choices: '${1|a,'.repeat(50_000),
        mixed: '${1:${2|a,'.repeat(20_000) + '}'.repeat(10_000),
        nested: '${1:'.repeat(60) + 'deep' + '}'.repeat(60),
        deeper: '${1:'.repeat(5_000) + 'deep' + '}'.repeat(5_000),
      };
      const files: Record<string, string> = {};
      for (const [name, body] of Object.entries(templates)) files[`.attune/templates/${name}.md`] = body;
      const dir = temp.make(files);
      assert.strictEqual(cli(['template', 'unclosed'], dir).out, '${1:'.repeat(40) + 'x\n');
      assert.strictEqual(cli(['template', 'choices'], dir).out, '${1|a,'.repeat(50_000) + '\n');
      assert.strictEqual(cli(['template', 'mixed'], dir).out, templates.mixed + '\n');
      assert.strictEqual(cli(['template', 'nested'], dir).out, 'deep\n');
      // Nested past any real use (the parser would overflow the stack): the template as written.
      assert.strictEqual(cli(['template', 'deeper'], dir).out, templates.deeper + '\n');
    });
  });
});
