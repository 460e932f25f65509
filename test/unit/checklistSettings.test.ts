// Issue 27, item 7: one use case, fed by the settings both faces read. The editor's command
// and `attune checklist` build the section through prepareChecklist, and `attune set` reads
// the workspace's settings as VS Code does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { notesToRead, prepareChecklist, todaysNotePath } from '../../src/core/checklist/checklist';
import { RuptureIndex } from '../../src/core/notes/ruptureIndex';
import { parseNote } from '../../src/core/notes/note';
import { sessionSettings } from '../../src/core/notes/settings';
import { mergeTemplates } from '../../src/core/reflection/templates';
import { cli, TempDirs, write } from './helpers';

const TODAY = '2026-11-24';

const SETTINGS = {
  'attune.sessionNote.fileName': 'YYYY-MM-DD session.md',
  'attune.checklist.nextTimeHeading': 'Für nächstes Mal',
  'attune.feedback.threshold': 30,
};

const FILES: Readonly<Record<string, string>> = {
  '.vscode/settings.json': `// the workspace's own settings\n${JSON.stringify(SETTINGS, null, 2)}\n`,
  'C104/2026-11-06.md': [
    '---',
    'client: C104',
    '---',
    '# Session',
    '',
    '## A suggestion that landed badly #rupture/planned',
    '',
    '- **Opening line:** "I have been thinking about last time."',
    '',
  ].join('\n'),
  'C104/2026-11-17.md': [
    '---',
    'client: C104',
    '---',
    '# Session',
    '',
    '## Between us',
    '',
    '- **Alliance feedback score (if we use one):** 28/40',
    '',
    '## Für nächstes Mal',
    '',
    '- Ask how the week with her sister went',
    '',
    '## Next time',
    '',
    '- A heading these settings do not carry',
    '',
  ].join('\n'),
};

/** VS Code's side: notes keyed by URI, settings from the configuration, texts read first (as src/vscode/checklist.ts does). */
function editorChecklist(client: string): string {
  const root = 'file:///workspace';
  const index = new RuptureIndex();
  const texts = new Map<string, string>();
  for (const [rel, text] of Object.entries(FILES)) {
    if (!rel.endsWith('.md')) continue;
    const uri = `${root}/${rel}`;
    const [folderName, fileName] = rel.split('/');
    index.set(parseNote(text, { path: uri, folderName, fileName }));
    texts.set(uri, text);
  }
  const settings = sessionSettings((key) => (SETTINGS as Record<string, unknown>)[key]);
  const notePath = todaysNotePath(index, client, settings, TODAY);
  assert.strictEqual(notePath, `${root}/C104/2026-11-24 session.md`);
  const place = { notes: index, client, today: TODAY, notePath };
  const read = new Map(notesToRead(place).map((p) => [p, texts.get(p)]));
  return prepareChecklist({ ...place, noteText: (p) => read.get(p), templates: mergeTemplates([]), settings }).checklist.markdown;
}

describe('checklist: one use case for the editor and the command line', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('gives the same section from the CLI as in the editor, for the same workspace and settings', () => {
    const dir = temp.make(FILES);
    const r = cli(['checklist', '--client', 'C104', dir], '/', TODAY);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out, `${editorChecklist('C104')}\n`);
    // What the settings change, seen in the CLI's own output.
    assert.match(r.out, /^- \[ \] From last time: Ask how the week with her sister went$/m, 'the "Next time" heading of the settings');
    assert.doesNotMatch(r.out, /A heading these settings do not carry/);
    assert.match(r.out, /Their feedback score/i, 'the feedback threshold of the settings');
  });

  it('lets --feedback-threshold win over the settings', () => {
    const dir = temp.make(FILES);
    const withSettings = JSON.parse(cli(['checklist', '--client', 'C104', '--json', dir], '/', TODAY).out) as {
      feedbackLower: boolean;
      items: { text: string }[];
    };
    const lowered = JSON.parse(cli(['checklist', '--client', 'C104', '--json', '--feedback-threshold', '10', dir], '/', TODAY).out) as {
      items: { text: string }[];
    };
    assert.ok(withSettings.items.length > lowered.items.length, 'the threshold of the settings adds a check-in; a lower one on the command line does not');
  });
});

describe('set: the workspace settings decide what a note is', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());
  const NOTE = '## Fee talk #rupture/open\n';

  it('refuses a file the workspace excludes, and leaves it as it was', () => {
    const dir = temp.make({ '.vscode/settings.json': '{ "attune.notes.exclude": ["archive"] }', 'archive/2026-11-01.md': NOTE, 'C104/2026-11-01.md': NOTE });
    const r = cli(['set', 'archive/2026-11-01.md:1', 'planned'], dir);
    assert.deepStrictEqual(r, {
      code: 2,
      out: '',
      err: "attune: archive/2026-11-01.md is not a note under the workspace's settings (attune.whichFilesAreNotes, attune.filesToLeaveOut); nothing was changed\n",
    });
    assert.strictEqual(fs.readFileSync(path.join(dir, 'archive', '2026-11-01.md'), 'utf8'), NOTE);
    assert.strictEqual(cli(['set', 'C104/2026-11-01.md:1', 'planned'], dir).code, 0);
  });

  it('finds the workspace above the current folder, and honours its include', () => {
    const dir = temp.make({
      '.vscode/settings.json': '{ "attune.notes.include": "clients/**/*.md" }',
      'clients/C104/2026-11-01.md': NOTE,
      'drafts/2026-11-01.md': NOTE,
    });
    const inside = path.join(dir, 'clients', 'C104');
    assert.deepStrictEqual(cli(['set', '2026-11-01.md:1', 'planned'], inside), { code: 0, out: '2026-11-01.md:1: open -> planned\n', err: '' });
    const r = cli(['set', path.join(dir, 'drafts', '2026-11-01.md') + ':1', 'planned'], '/');
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /is not a note under the workspace's settings/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'drafts', '2026-11-01.md'), 'utf8'), NOTE);
  });

  it('reads the note with the workspace size limit', () => {
    const dir = temp.make({ '.vscode/settings.json': '{ "attune.maxNoteSizeMB": 0.01 }' });
    write(dir, 'C104/big.md', `${NOTE}${'x'.repeat(20000)}\n`);
    const r = cli(['set', 'C104/big.md:1', 'planned'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /over the .* limit/);
  });
});
