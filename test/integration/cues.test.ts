import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, closeAll, open, waitFor, writeNote } from './helpers';

const NOTE = [
  '---', // 0
  'client: K.L.', // 1
  'mood: not exactly calm', // 2
  '---', // 3
  '# Session 2026-11-21', // 4
  '', // 5
  '## Check-in', // 6
  '', // 7
  "She said 'not exactly' and went quiet.", // 8
  '', // 9
  '## Next time', // 10
  '', // 11
  'Ask about the week. It went well.', // 12
  '',
].join('\n');

/** The cue hints shown on a note, as `line:column-end cue`. */
function hintsOn(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Attune cue hint')
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${String(d.code)}`);
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  // Plain commands carry `command` as a string; code actions carry a command object.
  return actions.filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
}

async function runFix(uri: vscode.Uri, range: vscode.Range, title: string): Promise<unknown> {
  const fix = (await quickFixes(uri, range)).find((a) => a.title === title);
  assert.ok(fix?.command, `a quick fix "${title}"`);
  return vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
}

describe('Cue hints in a real VS Code', () => {
  let api: AttuneApi;

  before(async () => {
    api = await activateAttune();
  });

  afterEach(async () => {
    await closeAll();
    const config = vscode.workspace.getConfiguration('attune.cues');
    await config.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await config.update('enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('phrases', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('marks a planted phrase with a quiet hint (severity Hint) whose hover says why, and that it is not a rupture by itself', async () => {
    const uri = writeNote('KL/2026-11-21.md', NOTE);
    await open(uri);
    await waitFor('two hints on the planted line', () => hintsOn(uri).length === 2);
    assert.deepStrictEqual(hintsOn(uri), ['8:10-21 not-exactly', '8:27-37 went-quiet'], 'not in the front matter, not on "went well"');
    const hint = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'not-exactly');
    assert.ok(hint);
    assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Hint, 'a faint hint, not a problem');
    assert.match(hint.message, /Worth a second look\?/);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(8, 14));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /withdrawal/);
    assert.match(text, /not exactly/i);
    assert.match(text, /A short answer or a silence is not a rupture by itself/);
  });

  it('follows unsaved edits: a phrase typed in gets a hint, one in a rupture section does not', async () => {
    const uri = writeNote('KL/2026-11-22.md', '# Session\n\nCalm today.\n\n## The fee #rupture/open\n\nNotes.\n');
    const editor = await open(uri);
    await editor.edit((b) => b.insert(new vscode.Position(2, 11), ' I felt defensive.'));
    await editor.edit((b) => b.insert(new vscode.Position(6, 6), ' I rushed.'));
    await waitFor('a hint on the typed phrase', () => hintsOn(uri).join() === '2:12-28 defensive');
    assert.strictEqual(editor.document.isDirty, true);
  });

  it('offers three quick fixes; "Reflect on this as a rupture" inserts the reflection after the section, the line quoted in "Cues I noticed"', async () => {
    const uri = writeNote('KL/2026-11-23.md', NOTE);
    const editor = await open(uri);
    await waitFor('the hints', () => hintsOn(uri).length === 2);
    const range = new vscode.Range(8, 12, 8, 12);
    const titles = (await quickFixes(uri, range)).map((a) => a.title);
    assert.deepStrictEqual(
      titles.filter((t) => /rupture|time|cue hints/.test(t)),
      ['Reflect on this as a rupture', 'Not this time', 'Turn off cue hints'],
    );

    assert.strictEqual(await runFix(uri, range, 'Reflect on this as a rupture'), true);
    const text = editor.document.getText();
    const head = NOTE.split('\n').slice(0, 9).join('\n');
    assert.ok(text.startsWith(`${head}\n\n## A few words on what happened #rupture/open\n`), `inserted right after the section:\n${text}`);
    assert.ok(text.includes(`- **Cues I noticed:** "She said 'not exactly' and went quiet."\n`), 'the line is quoted in "Cues I noticed"');
    assert.ok(text.endsWith('\n\n## Next time\n\nAsk about the week. It went well.\n'), 'the next section is untouched');
    // The quote now sits in a rupture section: only the original line keeps its hints.
    await waitFor('hints recomputed', () => hintsOn(uri).join() === '8:10-21 not-exactly,8:27-37 went-quiet');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), NOTE, 'one undo takes it back');
  });

  it('"Not this time" hides that hint on that line, and it stays hidden when the hints are read again from storage', async () => {
    const uri = writeNote('KL/2026-11-24.md', NOTE);
    await open(uri);
    await waitFor('the hints', () => hintsOn(uri).length === 2);
    assert.strictEqual(await runFix(uri, new vscode.Range(8, 12, 8, 12), 'Not this time'), true);
    assert.deepStrictEqual(hintsOn(uri), ['8:27-37 went-quiet'], 'only the chosen cue on that line is hidden');

    api.cues.reload();
    assert.deepStrictEqual(hintsOn(uri), ['8:27-37 went-quiet'], 'still hidden after a reload');
    await closeAll();
    await open(uri);
    await waitFor('the note reopened', () => hintsOn(uri).length === 1);
    assert.deepStrictEqual(hintsOn(uri), ['8:27-37 went-quiet'], 'still hidden after reopening');

    // The same words on another line, or a changed line, are a new hint.
    const again = await open(uri);
    await again.edit((b) => b.insert(new vscode.Position(12, 0), '"Not exactly." '));
    await waitFor('a hint on the new line', () => hintsOn(uri).includes('12:1-12 not-exactly'));
  });

  it('"Turn off cue hints" turns the setting off and removes every hint; nothing was logged about cues', async () => {
    const uri = writeNote('KL/2026-11-25.md', NOTE);
    await open(uri);
    await waitFor('the hints', () => hintsOn(uri).length === 2);
    const logged = api.log.lines().length;
    await runFix(uri, new vscode.Range(8, 30, 8, 30), 'Turn off cue hints');
    assert.strictEqual(vscode.workspace.getConfiguration('attune', uri).get('cueHints'), false);
    await waitFor('no hints', () => hintsOn(uri).length === 0);
    assert.strictEqual(api.log.lines().length, logged, 'nothing about cues in the log');
    await vscode.workspace.getConfiguration('attune').update('cueHints', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('hints back once the setting is on again', () => hintsOn(uri).length === 2);
  });

  it('adds the phrases of attune.cues.phrases, with their reason', async () => {
    await vscode.workspace
      .getConfiguration('attune.cues')
      .update(
        'phrases',
        [{ phrase: 'nicht genau', kind: 'withdrawal', reason: 'Vielleicht waren wir nicht beieinander.' }],
        vscode.ConfigurationTarget.Workspace,
      );
    const uri = writeNote('KL/2026-11-26.md', '# Sitzung\n\nSie sagte: Nicht genau.\n');
    await open(uri);
    await waitFor('a hint on the user phrase', () => hintsOn(uri).join() === '2:11-22 nicht-genau');
    assert.strictEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Attune cue hint')[0]?.message,
      'Vielleicht waren wir nicht beieinander.',
    );
  });

  it('underlines every hint with the quiet mark, and takes the mark away with the hint', async () => {
    const uri = writeNote('KL/2026-11-27.md', NOTE);
    const editor = await open(uri);
    await waitFor('the hints', () => hintsOn(uri).length === 2);
    await waitFor('the marks', () => (api.cues.marksFor(uri) ?? []).length === 2);
    const marks = (api.cues.marksFor(uri) ?? []).map((r) => `${r.start.line}:${r.start.character}-${r.end.character}`);
    assert.deepStrictEqual(marks, ['8:10-21', '8:27-37'], 'the marks sit on the words of the hints');
    await editor.edit((b) => b.replace(new vscode.Range(8, 0, 8, editor.document.lineAt(8).text.length), 'A calm hour.'));
    await waitFor('no marks once the words are gone', () => (api.cues.marksFor(uri) ?? []).length === 0 && hintsOn(uri).length === 0);
  });

  it('a safety-first hint: its hover points at safety, not at the relationship, and it offers no reflection', async () => {
    const text =
      '# Session\n\nShe said "I want to quit therapy and just make myself worse enough where I can finally kill myself."\n\n## Next time\n\nAsk about the week.\n';
    const uri = writeNote('KL/2026-11-28.md', text);
    const editor = await open(uri);
    await waitFor('one hint', () => hintsOn(uri).length === 1);
    assert.deepStrictEqual(hintsOn(uri), ['2:20-32 safety-first']);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 24));
    const hover = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(hover, /can speak of risk/);
    assert.match(hover, /Safety comes first/);
    assert.doesNotMatch(hover, /between you|the two of you|withdrawal|confrontation|not a rupture by itself/);
    const titles = (await quickFixes(uri, new vscode.Range(2, 24, 2, 24))).map((a) => a.title);
    assert.ok(titles.includes('Not this time'), titles.join());
    assert.ok(!titles.includes('Reflect on this as a rupture'), 'no reflection offered on words of risk');
    // Asked directly (a stale quick fix, a keybinding), the command still refuses and copies nothing.
    assert.strictEqual(await vscode.commands.executeCommand('attune.reflectOnCue', uri, 2), false);
    assert.strictEqual(editor.document.getText(), text, 'nothing was inserted');
  });

  it("a therapist's note about a client's week gets no hint; \"she said 'this isn't helping' and went quiet after I pushed\" gets two", async () => {
    const week =
      '# Session\n\nShe said "My husband is angry with me and it doesn\'t help that work is too much."\nHer mother went quiet on the phone. It is not exactly easy.\n';
    const uri = writeNote('KL/2026-11-29.md', `${week}\nShe said 'this isn't helping' and went quiet after I pushed.\n`);
    await open(uri);
    await waitFor('two hints', () => hintsOn(uri).length === 2);
    assert.deepStrictEqual(
      hintsOn(uri).map((h) => h.split(' ')[1]),
      ['not-helping', 'went-quiet'],
    );
    assert.ok(
      hintsOn(uri).every((h) => h.startsWith('5:')),
      'only on the line about the work',
    );
  });
});
