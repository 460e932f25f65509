// Issue 12, items 9 and 13: the README says what Attune does with odd files and front
// matter, and its Privacy section carries what a clinician needs to know.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readFrontMatter } from '../../src/core/markdown/frontMatter';
import { scanFolder } from '../../src/node/host';
import { cli, entries, TempDirs } from './helpers';
import { readDocs } from './docs';

const readme = readDocs();
const section = (from: string, to: string): string => {
  const start = readme.indexOf(from);
  assert.ok(start !== -1, from);
  const end = readme.indexOf(to, start + from.length);
  return readme.slice(start, end === -1 ? undefined : end);
};

describe('README matches behaviour (issue 12)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('every row of the front-matter table reads as it says', () => {
    const rows = [...readme.matchAll(/^ *\| (`client:.*?`) \| (?:`([^`]*)`|none)/gm)];
    assert.strictEqual(rows.length, 7);
    for (const [, lines, value] of rows) {
      for (const [, line] of lines.matchAll(/`([^`]*)`/g)) {
        const text = `---\n${line.replace(/\\\|/g, '|')}\n---\n`;
        assert.strictEqual(readFrontMatter(text)?.values.get('client'), value, line);
      }
    }
  });

  it('hidden note files are skipped silently, as it says', () => {
    assert.match(readme, /Hidden files are skipped too, silently: `\.draft\.md` is never read/);
    const dir = temp.make({ 'AB/.draft.md': '## Draft #rupture\n', 'AB/2026-11-06.md': '## Seen #rupture\n' });
    const scanned = scanFolder(dir);
    assert.deepStrictEqual([scanned.index.entries().map((e) => e.title), scanned.warnings], [['Seen'], []]);
  });

  it('a comment opening mid-line hides nothing, as it says', () => {
    assert.match(readme, /A `<!--` later in a line, after other text, opens no comment/);
    assert.deepStrictEqual(
      entries('text <!-- mid-line\n## Still read #rupture\n-->\n').map((e) => e[1]),
      ['Still read'],
    );
    assert.deepStrictEqual(entries('<!--\n## Hidden #rupture\n-->\n'), []);
  });

  it('non-UTF-8 and newline file names behave as it says', () => {
    assert.match(readme, /`attune list` warns "skipped: it does not exist" and\s+`attune set` cannot reach it/);
    const dir = temp.make({ 'AB/new\nline.md': '## NL #rupture\n' });
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'AB') + '/'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6d, 0x64])]), '## Latin #rupture\n');
    const r = cli(['list'], dir);
    assert.match(r.err, /skipped: it does not exist/);
    assert.ok(r.out.includes('AB/new\\nline.md:1'), r.out);
  });

  describe('Privacy', () => {
    const privacy = section('## Privacy', '## Development');

    it('lists the whole Safe Harbor list', () => {
      for (const item of [
        'names',
        'smaller\n  than a state',
        'ZIP code',
        'except the\n  year',
        'age over 89',
        'telephone',
        'fax',
        'email',
        'social security',
        'medical record',
        'health plan',
        'account numbers',
        'licence numbers',
        'vehicle',
        'device identifiers',
        'URLs',
        'IP addresses',
        'biometric',
        'full-face photographs',
        'any other unique identifying number',
      ]) {
        assert.ok(privacy.replace(/\s+/g, ' ').includes(item.replace(/\s+/g, ' ')), item);
      }
    });

    it('says it is US law only, to check local rules, and claims no HIPAA compliance', () => {
      assert.match(privacy, /United States federal law only/);
      assert.match(privacy, /check the rules\s+where you practise/);
      assert.doesNotMatch(privacy.replace(/makes no claim of HIPAA compliance/, ''), /HIPAA[- ]complian/i);
      assert.doesNotMatch(readme.replace(/makes no claim of HIPAA compliance/, ''), /HIPAA[- ]complian/i);
    });

    it('recommends codes not drawn from identity, says where Attune writes, and names the risks outside it', () => {
      assert.match(privacy, /not by their initials: initials are\s+drawn from a name/);
      assert.match(privacy, /the session note and its checklist/);
      for (const risk of ['Cloud sync and backups', 'Disk encryption', 'Other extensions', 'AI\n  assistants', 'Screen sharing']) {
        assert.ok(privacy.includes(risk), risk);
      }
    });
  });
});
