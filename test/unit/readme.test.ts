import * as assert from 'assert';
import { STATUSES } from '../../src/core/notes/status';
import { BUILT_IN_TEMPLATES, mergeTemplates, renderMarkdown, TEMPLATE_VARIABLES } from '../../src/core/reflection/templates';
import { entries, parse, TODAY } from './helpers';
import { readDocs } from './docs';

// The README is the contract users read: its examples must say what the code does.
const readme = readDocs();

/** The body of the fenced block that follows `marker` in the README. */
function blockAfter(marker: string): string {
  const at = readme.indexOf(marker);
  assert.ok(at !== -1, marker);
  const open = /^( *)(`{3,})[a-z]*\n/m.exec(readme.slice(at));
  assert.ok(open);
  const start = at + open.index + open[0].length;
  const end = readme.indexOf(`\n${open[1]}${open[2]}\n`, start);
  assert.ok(end !== -1);
  return readme.slice(start, end + 1);
}

describe('README', () => {
  it('has the command to try it on a fresh machine, and says plainly how to get attune.vsix', () => {
    const start = readme.indexOf('## Try it first on made-up notes');
    const quick = readme.slice(start, readme.indexOf('\n## ', start + 1));
    assert.ok(quick.includes('```sh\nnpm ci && npm start\n```'));
    assert.match(readme, /Getting `attune\.vsix` today/);
    assert.match(readme, /`npm ci && npm run package`/);
    // The developers' command is in the development page, linked from the README.
    assert.match(readme, /\(docs\/development\.md\)/);
    assert.ok(readme.includes('```sh\nnpm ci && npm test\n```'));
  });

  it('has the whole example note read as it says', () => {
    const note = parse(blockAfter('A whole note, for reference:'), 'notes/x.md');
    assert.deepStrictEqual(
      note.entries.map((e) => [e.title, e.status, e.client, e.date, e.opener]),
      [
        ['Suggested a movement exercise too soon', 'planned', 'C104', '2026-11-13', "I've been thinking about the exercise I suggested last time."],
        ['The fee conversation', 'repaired', 'C104', '2026-11-13', undefined],
      ],
    );
    assert.ok(note.entries[0].sectionEnd > note.entries[0].line + 5, 'the repair attempt is inside the section');
  });

  it('shows mentions and non-tags that are indeed not entries', () => {
    assert.deepStrictEqual(entries(blockAfter('so you can write about ruptures')), []);
    const list = readme.slice(readme.indexOf('These are not tags at all'), readme.indexOf('And headings in these places'));
    const examples = [...list.matchAll(/(`+)(##.*?)\1/g)].map((m) => m[2].trim());
    assert.strictEqual(examples.length, 7);
    for (const example of examples) assert.deepStrictEqual(entries(example), [], example);
  });

  it('shows a comment that hides a draft', () => {
    assert.deepStrictEqual(entries(blockAfter('handy way to keep a draft').replace(/^ {2}/gm, '')), []);
  });

  it('names every status and every built-in template', () => {
    for (const s of STATUSES) assert.ok(readme.includes(`| \`${s}\` |`), s);
    for (const t of BUILT_IN_TEMPLATES) assert.ok(readme.includes(`| \`${t.id}\` |`), t.id);
  });

  it('documents every template variable', () => {
    for (const name of [...Object.keys(TEMPLATE_VARIABLES), 'CURRENT_MONTH', 'CURRENT_DATE']) {
      assert.ok(readme.includes(`\${${name}}`), name);
    }
  });

  it('has a custom template example that renders as described', () => {
    const [t] = mergeTemplates([
      { path: '.attune/templates/fee-conversation.md', text: blockAfter('For example, `.attune/templates/fee-conversation.md`:') },
    ]).filter((x) => x.id === 'fee-conversation');
    assert.strictEqual(
      renderMarkdown(t, {}, TODAY),
      '## Fee conversation with this client, 2026-11-20\n\n' +
        '- **What I said about the fee ($120 a session):** \n' +
        '- **How it seemed to land:** fine / unsure / badly\n' +
        '- **Repair first, before anything else?** no / yes',
    );
  });

  it('prints the repair-plan template exactly as attune does', () => {
    const shown = blockAfter('## `attune template [NAME] [DIR]`').replace(/^\$ attune template repair-plan\n/, '');
    assert.strictEqual(`${shown.trimEnd()}\n`, `${renderMarkdown(BUILT_IN_TEMPLATES[1], {}, TODAY).trimEnd()}\n`);
  });
});
