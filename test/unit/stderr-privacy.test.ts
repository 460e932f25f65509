// Issue 7, "never leak one", for the CLI: whatever attune writes to stderr (warnings, usage
// errors, failures) names files, lines and counts, never what a note says. A unique phrase
// is planted in the titles, bodies, tags and front matter of notes built to set off every
// warning there is; every command runs; the phrase must never reach stderr. (stdout lists
// titles by design: it is what the user asked for.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli, TempDirs, write } from './helpers';

const PHRASE = 'Quokka Zeppelin';
const TAG = 'quokkazeppelin';
/** Each half too, so a message that quotes only part of a note is caught as well. */
const FRAGMENTS = ['quokka', 'zeppelin'];

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * A folder the scan cannot read. Permissions stop any user but root; for root, a path
 * longer than the system allows (ENAMETOOLONG) does it. Returns how to undo it.
 */
function unreadableFolder(dir: string, note: string): () => void {
  if (!isRoot) {
    const locked = path.join(dir, 'locked');
    write(dir, 'locked/note.md', note);
    fs.chmodSync(locked, 0o000);
    return () => fs.chmodSync(locked, 0o755);
  }
  const name = 'd'.repeat(250);
  const depth = 18; // 18 × 251 characters: past PATH_MAX (4,096)
  const here = process.cwd();
  process.chdir(dir);
  try {
    for (let i = 0; i < depth; i++) {
      fs.mkdirSync(name);
      process.chdir(name);
    }
    fs.writeFileSync('note.md', note);
  } finally {
    process.chdir(here);
  }
  // fs.rmSync cannot remove a path that long: walk down and back up by relative names.
  return () => {
    process.chdir(dir);
    try {
      for (let i = 0; i < depth; i++) process.chdir(name);
      fs.unlinkSync('note.md');
      for (let i = 0; i < depth; i++) {
        process.chdir('..');
        fs.rmdirSync(name);
      }
    } finally {
      process.chdir(here);
    }
  };
}

function assertNoPhrase(stderr: string, what: string): void {
  const lower = stderr.toLowerCase();
  for (const f of [PHRASE.toLowerCase(), TAG, ...FRAGMENTS]) assert.ok(!lower.includes(f), `${what} wrote note text to stderr:\n${stderr}`);
}

describe('the CLI never writes note text to stderr', () => {
  const temp = new TempDirs();
  let dir: string;
  let undo: (() => void) | undefined;
  let stderr = '';
  let stdout = '';

  before(() => {
    const big = `## ${PHRASE} big #rupture/open\n${`${PHRASE} `.repeat(40_000)}\n`;
    dir = temp.make({
      // Planted everywhere a note holds text, each note setting off one warning or more.
      'AB/2026-11-10.md': [
        '---',
        `client: A.B.`,
        `note: ${PHRASE}`,
        `date: ${PHRASE} 2026`, // not a date: warns
        '---',
        `# Session with ${PHRASE}`,
        '',
        `## ${PHRASE} at the door #rupture/${TAG}`, // unknown status: warns
        `${PHRASE} said nothing for a while.`,
        `- **Opening line:** "${PHRASE}, can we go back?"`,
        '',
        `## Two tags ${PHRASE} #rupture/open #rupture/${TAG}`, // two tags: warns
        '',
        `## ${PHRASE} #rupture/planned`,
        '```',
        `## ${PHRASE} in code #rupture/${TAG}`,
        '<!--',
        '',
      ].join('\n'),
      'AB/2026-11-12.md': Buffer.concat([
        Buffer.from(`## ${PHRASE} caf`),
        Buffer.from([0xe9, 0xff]), // invalid UTF-8
        Buffer.from(` #rupture/attempted\r\n${PHRASE}\r\n`),
      ]),
      'AB/binary.md': Buffer.concat([Buffer.from(`## ${PHRASE} #rupture\n`), Buffer.from([0, 1, 2])]), // binary: warns
      'AB/big.md': big, // over the limit given below: warns
      'AB/utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`## ${PHRASE} #rupture/${TAG}\n`, 'utf16le')]),
      'CD/2026-11-11.md': `---\ndate: 11/11/2026 ${PHRASE}\n---\n## ${PHRASE} #rupture/closed #rupture/${TAG}\n`,
      '.attune/templates/mine.md': `## ${PHRASE} \${1:${PHRASE}} #rupture/open\n\${1|${PHRASE},b|}\n`,
      '.attune/templates/checklist.md': `- [ ] ${PHRASE}\n`,
    });
    for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) assert.ok(!name.toLowerCase().includes('quokka'), 'file names are not note text');
    undo = unreadableFolder(dir, `## ${PHRASE} #rupture/${TAG}\n`); // unreadable: warns

    const commands: string[][] = [
      ['list'],
      ['list', '--all'],
      ['list', '--json', '--all'],
      ['list', '--client', 'AB', '--all', '--max-size', '0.1'],
      ['list', '--client', 'nobody'],
      ['list', 'AB/2026-11-10.md'],
      ['list', '--max-size', 'lots'],
      ['template'],
      ['template', 'mine'],
      ['template', 'nothing-like-it'],
      ['template', 'rupture-reflection'],
      ['set', 'AB/2026-11-10.md:9', 'planned'], // a body line, not a heading
      ['set', 'AB/2026-11-10.md:6', 'planned'], // a heading without a tag
      ['set', 'AB/2026-11-10.md:16', 'planned'], // a heading in code
      ['set', 'AB/2026-11-10.md:8', 'later'], // unknown status asked for
      ['set', 'AB/2026-11-10.md:14', 'planned'], // already planned
      ['set', 'AB/binary.md:1', 'open'],
      ['set', 'AB/utf16.md:1', 'open'],
      ['set', 'AB/missing.md:1', 'open'],
      ['set', 'AB/2026-11-12.md:1', 'repaired'], // beside invalid UTF-8
      ['set', 'AB/2026-11-10.md:8', 'planned'], // works, rewriting the unknown status
      ['checklist', '--client', 'AB'],
      ['checklist', '--client', 'AB', '--json'],
      ['checklist', '--client', 'nobody'],
      ['patterns'],
      ['patterns', '--json', '--since', '2026-11-01'],
      ['patterns', '--until', '11/11/2026'],
      ['unknown-command'],
    ];
    for (const argv of commands) {
      const r = cli(argv, dir);
      assertNoPhrase(r.err, `attune ${argv.join(' ')}`);
      stderr += r.err;
      stdout += r.out;
    }
  });

  after(() => {
    undo?.();
    temp.cleanup();
  });

  it('every warning there is was set off', () => {
    for (const warning of [
      /AB\/2026-11-10\.md:8: a rupture tag has a status Attune does not know/,
      /AB\/2026-11-10\.md:12: a heading holds more than one rupture tag/,
      /AB\/2026-11-10\.md: the front-matter date is not a YYYY-MM-DD date/,
      /CD\/2026-11-11\.md: the front-matter date is not a YYYY-MM-DD date/,
      /AB\/binary\.md: skipped: it looks like a binary file/,
      /AB\/big\.md: skipped: \d+ KB is over the 102 KB limit/,
      /: folder skipped: /,
      /holds no rupture heading; nothing was changed/,
      /cannot edit AB\/binary\.md: it looks like a binary file/,
      /cannot edit AB\/utf16\.md: attune edits UTF-8 notes only/,
      /cannot read AB\/missing\.md: it does not exist/,
      /unknown status "later"/,
      /no template named nothing-like-it/,
      /--max-size takes a number of megabytes/,
      /cannot read AB\/2026-11-10\.md: it is not a folder/,
    ]) {
      assert.match(stderr, warning);
    }
  });

  it('stderr never holds the phrase planted in titles, bodies, tags and front matter', () => {
    assertNoPhrase(stderr, 'attune');
    // The phrase was there to be found: stdout lists titles, the templates print it.
    assert.ok(stdout.includes(PHRASE));
  });

  it('each line on stderr starts with "attune:" and names a file, a folder or the problem, never more', () => {
    for (const line of stderr.trimEnd().split('\n')) assert.match(line, /^attune: /);
  });
});
