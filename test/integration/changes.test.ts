import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AttuneApi } from '../../src/vscode/extension';
import { activateAttune, closeAll, open, waitFor, writeNote } from './helpers';

// Line 5 is the rupture's heading; the cue phrase stands outside its section, where hints are shown.
const NOTE = (heading: string): string =>
  [
    '---',
    'client: Q.R.',
    '---',
    '# Session',
    '',
    `## ${heading}`,
    '',
    'We spoke about the fee.',
    '',
    '## Check-in',
    '',
    "She said 'not exactly' and went quiet.",
    '',
  ].join('\n');

/**
 * Counts, per document, the product's recomputations of cue hints (CueHints.refresh) and of
 * note diagnostics (NoteDiagnostics.updateDocument) until stop(), watched in passing.
 */
async function recomputations(api: AttuneApi): Promise<{ hints(uri: vscode.Uri): number; diagnostics(uri: vscode.Uri): number; stop(): void }> {
  type Hints = { refresh(document: vscode.TextDocument): void };
  type Diagnostics = { updateDocument(key: string): void };
  // The hints' own object, once their code has loaded (with the first markdown document).
  const cues = (await api.cues.loaded) as unknown as Hints;
  const diagnostics = api.diagnostics as unknown as Diagnostics;
  const { refresh } = cues;
  const { updateDocument } = diagnostics;
  const hints = new Map<string, number>();
  const warned = new Map<string, number>();
  cues.refresh = function (this: Hints, document) {
    hints.set(document.uri.toString(), (hints.get(document.uri.toString()) ?? 0) + 1);
    return refresh.call(this, document);
  };
  diagnostics.updateDocument = function (this: Diagnostics, key) {
    warned.set(key, (warned.get(key) ?? 0) + 1);
    return updateDocument.call(this, key);
  };
  return {
    hints: (uri) => hints.get(uri.toString()) ?? 0,
    diagnostics: (uri) => warned.get(uri.toString()) ?? 0,
    stop: () => {
      cues.refresh = refresh;
      diagnostics.updateDocument = updateDocument;
    },
  };
}

describe('Index changes say what changed', () => {
  let api: AttuneApi;

  before(async () => {
    api = await activateAttune();
  });

  afterEach(closeAll);

  it('an edit in one open note recomputes its own hints and diagnostics, not those of another open note', async function () {
    this.timeout(120000);
    const edited = writeNote('QR/2026-12-01.md', NOTE('Rushed the ending #rupture/open'));
    const other = writeNote('QR/2026-12-02.md', NOTE('Missed the joke #rupture/opne'));
    await waitFor('both notes in the index', () => api.workspace.index.get(edited.toString()) && api.workspace.index.get(other.toString()));
    await open(other);
    const editor = await open(edited);
    await waitFor('hints on both notes', () => api.cues.hintsFor(edited).length > 0 && api.cues.hintsFor(other).length > 0);
    await waitFor("the other note's diagnostics", () => unknownStatus(other));
    const counted = await recomputations(api);
    // The edited note's diagnostics count when the index told of the edit.
    let atEvent: number | undefined;
    let entries: boolean | undefined;
    const listening = api.workspace.onDidChange((change) => {
      if (atEvent !== undefined || !change.paths?.has(edited.toString())) return;
      atEvent = counted.diagnostics(edited);
      entries = change.entries;
    });
    try {
      const heading = editor.document.lineAt(5);
      assert.ok(await editor.edit((b) => b.replace(heading.range, '## Rushed the ending #rupture/opne')));
      await waitFor('the edit in the index', () => atEvent !== undefined && api.workspace.index.get(edited.toString())?.entries[0]?.statusKnown === false);
      await waitFor('the unknown status warned about', () => unknownStatus(edited));
      // The diagnostics' (debounced) answer to the index event has come once they looked at the edited note again.
      await waitFor('the edited note looked at after the index event', () => counted.diagnostics(edited) > (atEvent ?? Infinity));
      assert.strictEqual(entries, true, 'the event says an entry changed');
      assert.ok(counted.hints(edited) >= 1, "the edited note's hints were recomputed");
      assert.strictEqual(counted.hints(other), 0, "the other open note's hints were not recomputed");
      assert.strictEqual(counted.diagnostics(other), 0, "the other open note's diagnostics were not recomputed");
      assert.ok(api.cues.hintsFor(other).length > 0 && unknownStatus(other), 'the other note keeps its hints and diagnostics');
    } finally {
      counted.stop();
      listening.dispose();
    }
  });
});

function unknownStatus(uri: vscode.Uri): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => d.source === 'attune' && d.code === 'unknown-status');
}
