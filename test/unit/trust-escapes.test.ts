import * as assert from 'assert';
import * as path from 'path';
import { literalIcons, printable, printableJson, printableLines } from '../../src/core/markdown/printable';
import { cli, TempDirs } from './helpers';

/** Everything a terminal obeys: C0 but tab and line feed, DEL, C1, separators, bidi overrides and isolates. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'x\x1b]0;pwned\x07\x9b2J\u202e\u2028\u2066y';

describe('trust, round three: no command prints a terminal escape', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  const client = `K${HOSTILE}`;
  const note = [
    '---',
    `client: ${client}`,
    '---',
    `## Fee talk ${HOSTILE} #rupture/open`,
    '',
    `- **What happened:** I rushed. ${HOSTILE}`,
    '',
    `Jo Smith said I rushed ${HOSTILE}.`,
    '',
    '- **Alliance feedback score (if we use one):** 30/40',
    '',
  ].join('\n');

  function workspace(settings?: Record<string, unknown>): string {
    return temp.make({
      [`${client}/2026-11-06.md`]: note,
      [`.attune/templates/t${HOSTILE}.md`]: `# Template ${HOSTILE}\n`,
      ...(settings ? { '.vscode/settings.json': JSON.stringify(settings) } : {}),
    });
  }

  function clean(what: string, text: string): void {
    assert.ok(!RAW.test(text), `${what} printed a raw control character: ${JSON.stringify(text)}`);
  }

  it('every command, text and --json, and every error escapes C0, C1, bidi controls and separators', () => {
    const dir = workspace();
    // A folder whose settings hold a pattern that cannot be used: its message quotes the pattern.
    const refused = workspace({ 'attune.filesToLeaveOut': [`**/*${HOSTILE}[z-a]`], 'attune.cues.phrases': [HOSTILE, { phrase: HOSTILE }] });
    const file = `${client}/2026-11-06.md`;
    const runs: string[][] = [
      ['list', dir],
      ['list', dir, '--all'],
      ['list', dir, '--json'],
      ['template', '', dir],
      [`template`, `t${HOSTILE}`, dir],
      ['template', `nope${HOSTILE}`, dir],
      ['checklist', '--client', client, dir],
      ['checklist', '--client', client, dir, '--json'],
      ['checklist', '--client', `nope${HOSTILE}`, dir],
      ['feedback', '--client', client, dir],
      ['feedback', '--client', client, dir, '--json'],
      ['cues', path.join(dir, file)],
      ['cues', path.join(dir, file), '--json'],
      ['cues', dir],
      ['patterns', dir],
      ['patterns', dir, '--json'],
      ['deidentify', path.join(dir, file)],
      ['deidentify', path.join(dir, file), '--json'],
      ['set', `${path.join(dir, file)}:4`, 'planned'],
      ['set', `${path.join(dir, file)}:4`, `nope${HOSTILE}`],
      [`nope${HOSTILE}`],
      ['list', path.join(dir, `missing${HOSTILE}`)],
      ['list', dir, `--x${HOSTILE}`],
      ['list', refused],
      ['cues', refused],
      ['checklist', '--client', client, refused],
    ];
    for (const argv of runs) {
      const r = cli(
        argv.filter((a) => a !== ''),
        dir,
      );
      clean(`attune ${argv[0]} (stdout)`, r.out);
      clean(`attune ${argv[0]} (stderr)`, r.err);
      if (argv.includes('--json') && r.code === 0) JSON.parse(r.out);
    }
  });

  it('the export shows a control character in a title escaped, and JSON keeps the exact text through \\uXXXX', () => {
    const dir = workspace();
    const file = path.join(dir, `${client}/2026-11-06.md`);
    const text = cli(['deidentify', file], dir);
    assert.strictEqual(text.code, 0, text.err);
    assert.ok(text.out.includes('Fee talk x\\x1b]0;pwned\\x07\\x9b'), text.out);
    assert.ok(text.out.includes('\\u202e\\u2028\\u2066y #rupture/open'), text.out);
    const json = cli(['deidentify', file, '--json'], dir);
    assert.ok(json.out.includes('Fee talk x\\u001b]0;pwned\\u0007\\u009b'), json.out);
    assert.ok(json.out.includes('\\u202e\\u2028\\u2066y #rupture/open'), json.out);
    assert.ok((JSON.parse(json.out) as { text: string }).text.includes('Fee talk x\x1b]0;pwned\x07\x9b'));
    const list = JSON.parse(cli(['list', dir, '--json'], dir).out) as { title: string; client: string }[];
    assert.strictEqual(list[0].title, `Fee talk ${HOSTILE}`);
  });

  it('printable, printableLines and printableJson', () => {
    assert.strictEqual(printable('a\u202ab\u2069c\x85'), 'a\\u202ab\\u2069c\\x85');
    assert.strictEqual(printableLines('a\r\nb\rc\u2029'), 'a\r\nb\\rc\\u2029');
    assert.strictEqual(printableJson({ t: '\x1b\x9b\u202e\u2028' }), '{\n  "t": "\\u001b\\u009b\\u202e\\u2028"\n}');
    assert.strictEqual(printableLines(printable('\x1b')), printable('\x1b'), 'escaping twice changes nothing');
  });

  it('literalIcons keeps $(…) from rendering as an icon in a VS Code label', () => {
    assert.strictEqual(literalIcons('$(alert) AB $(x'), '\\$(alert) AB \\$(x');
  });
});
