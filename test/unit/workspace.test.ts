import * as assert from 'assert';
import {
  DEFAULT_SETTINGS,
  NoteCollection,
  type Listing,
  type NoteFilter,
  type NotePlace,
  type NoteRead,
  type NoteSettings,
  type WorkspaceHost,
} from '../../src/core/notes/noteCollection';

/**
 * A workspace held in memory: folders are roots such as `/w1`, notes are keyed by their
 * full path. Hooks let a test act while a scan is reading or breathing, as an editor would.
 */
class MemoryHost implements WorkspaceHost {
  readonly editors = true;
  readonly files = new Map<string, string>();
  readonly open = new Map<string, { text: string; version: number }>();
  readonly settings = new Map<string, NoteSettings>();
  /** Called before each read from disk, with the path about to be read. */
  onRead: ((path: string) => void) | undefined;
  /** Called at each pause between batches. */
  onBreathe: (() => void) | undefined;
  reads = 0;

  constructor(readonly folders: string[]) {}

  roots(): readonly string[] {
    return this.folders;
  }

  settingsFor(root: string): NoteSettings {
    return this.settings.get(root) ?? DEFAULT_SETTINGS;
  }

  listNotes(root: string, filter: NoteFilter): Listing {
    const notes: NotePlace[] = [];
    for (const path of [...this.files.keys()].sort()) {
      const place = this.place(path);
      if (!place || place.root !== root) continue;
      const parts = place.relative.split('/');
      let pruned = false;
      for (let n = 1; n < parts.length && !pruned; n++) pruned = filter.skipFolder(parts.slice(0, n).join('/'), parts[n - 1]);
      if (!pruned && filter.isNote(place.relative, place.fileName)) notes.push(place);
    }
    return { notes, problems: [] };
  }

  place(path: string): NotePlace | undefined {
    const root = this.folders.find((f) => path.startsWith(`${f}/`));
    if (!root) return undefined;
    const parts = path.split('/');
    return { path, root, relative: path.slice(root.length + 1), folderName: parts[parts.length - 2], fileName: parts[parts.length - 1] };
  }

  readNote(place: NotePlace, maxBytes: number): NoteRead {
    this.onRead?.(place.path);
    this.reads++;
    const text = this.files.get(place.path);
    if (text === undefined) return { kind: 'missing' };
    if (text.length > maxBytes) return { kind: 'skipped', reason: 'it is over the size limit' };
    return { kind: 'text', text };
  }

  /** How many times an open document's whole text was copied out. */
  textCopies = 0;

  openVersion(path: string): number | undefined {
    return this.open.get(path)?.version;
  }

  openText(path: string): string | undefined {
    const open = this.open.get(path);
    if (open) this.textCopies++;
    return open?.text;
  }

  async breathe(): Promise<void> {
    await Promise.resolve();
    this.onBreathe?.();
  }
}

/** Titles of the indexed ruptures, as `path: title status`, sorted. */
function shown(ws: NoteCollection): string[] {
  return ws.index
    .entries()
    .map((e) => `${e.path}: ${e.title} ${e.status}`)
    .sort();
}

/** A workspace of `n` notes in `/w1`, a third of them with one open rupture. */
function manyNotes(n: number): MemoryHost {
  const host = new MemoryHost(['/w1']);
  for (let i = 0; i < n; i++) {
    const name = `/w1/C${i % 7}/2026-01-${String((i % 28) + 1).padStart(2, '0')}-${String(i).padStart(4, '0')}.md`;
    host.files.set(name, i % 3 === 0 ? `# S\n## Miss ${i} #rupture\n` : '# Session\n');
  }
  return host;
}

describe('workspace over an in-memory host', () => {
  it('indexes every note of every folder, in batches', async () => {
    const host = manyNotes(300);
    let pauses = 0;
    host.onBreathe = () => pauses++;
    const ws = new NoteCollection(host);
    const report = await ws.scan();
    assert.ok(report.completed);
    assert.strictEqual(ws.index.noteCount, 300);
    assert.strictEqual(ws.index.entries().length, 100);
    assert.ok(pauses >= 4, `paused ${pauses} times`);
  });

  it('reads a listing as it is made, so it breathes during the walk of a large folder too', async () => {
    const host = manyNotes(300);
    const listNotes = host.listNotes.bind(host);
    let listed = 0;
    host.listNotes = (root, filter) => {
      const { notes, problems } = listNotes(root, filter);
      return {
        notes: (function* () {
          for (const n of notes) {
            listed++;
            yield n;
          }
        })(),
        problems,
      };
    };
    const atBreaths: number[] = [];
    host.onBreathe = () => atBreaths.push(listed);
    const ws = new NoteCollection(host);
    await ws.scan();
    assert.strictEqual(ws.index.noteCount, 300);
    assert.ok(atBreaths.length >= 4 && atBreaths[0] < 300, `listed at each breath: ${atBreaths.join(', ')}`);
  });

  it('breathes after a slow read, long before a batch is full', async () => {
    const host = manyNotes(6);
    // Each read holds the thread for at least 10 ms, past the scan's slice of reading.
    host.onRead = () => {
      const until = performance.now() + 10;
      while (performance.now() < until);
    };
    let pauses = 0;
    host.onBreathe = () => pauses++;
    await new NoteCollection(host).scan();
    assert.strictEqual(pauses, 6, 'a breath after every slow note');
  });

  it('keeps an edit made during the scan, to a note already read and to one not yet read', async () => {
    const host = manyNotes(300);
    const paths = [...host.files.keys()].sort();
    const early = paths[3]; // read in the first batch
    const late = paths[290]; // read in the last batch
    let done = false;
    host.onBreathe = () => {
      if (done) return;
      done = true;
      host.files.set(early, '## Edited early #rupture/planned\n');
      ws.changed(early);
      // An unsaved edit in an editor removes the rupture the disk still has.
      host.open.set(late, { text: '# Nothing here now\n', version: 2 });
      host.files.set(late, '## Stale on disk #rupture\n');
      ws.changed(late);
    };
    const ws = new NoteCollection(host);
    await ws.scan();
    const entries = shown(ws);
    assert.ok(entries.includes(`${early}: Edited early planned`));
    assert.ok(!entries.some((e) => e.startsWith(`${late}:`)), 'the editor text wins over the disk');
  });

  it('keeps an edit made while the scan is reading the very same note', async () => {
    const host = manyNotes(10);
    const target = [...host.files.keys()].sort()[5];
    host.files.set(target, '## Before #rupture\n');
    const ws = new NoteCollection(host);
    host.onRead = (path) => {
      if (path !== target) return;
      host.onRead = undefined;
      // The edit lands and is read at once, while the scan is about to read the old bytes.
      host.files.set(target, '## After #rupture/attempted\n');
      ws.changed(target);
      host.files.set(target, '## Before #rupture\n');
    };
    await ws.scan();
    assert.deepStrictEqual(
      shown(ws).filter((e) => e.startsWith(target)),
      [`${target}: After attempted`],
    );
  });

  it('keeps a note created and forgets one deleted during the scan', async () => {
    const host = manyNotes(200);
    const paths = [...host.files.keys()].sort();
    const doomedEarly = paths.find((p, i) => i < 10 && host.files.get(p)?.includes('#rupture')) ?? '';
    const doomedLate = paths.find((p, i) => i > 190 && host.files.get(p)?.includes('#rupture')) ?? '';
    const created = '/w1/NEW/2026-02-01.md';
    const ws = new NoteCollection(host);
    let done = false;
    host.onBreathe = () => {
      if (done) return;
      done = true;
      host.files.delete(doomedEarly);
      ws.deleted(doomedEarly);
      host.files.delete(doomedLate);
      ws.deleted(doomedLate);
      host.files.set(created, '## New one #rupture\n');
      ws.changed(created);
    };
    await ws.scan();
    const entries = shown(ws);
    assert.ok(entries.includes(`${created}: New one open`));
    assert.ok(!entries.some((e) => e.startsWith(`${doomedEarly}:`) || e.startsWith(`${doomedLate}:`)));
    assert.strictEqual(ws.index.noteCount, 199);
  });

  it('forgets every note of a folder deleted during the scan, read or not', async () => {
    const host = manyNotes(300);
    const ws = new NoteCollection(host);
    await ws.scan();
    assert.ok(shown(ws).some((e) => e.startsWith('/w1/C3/')));
    let done = false;
    host.onBreathe = () => {
      if (done) return;
      done = true;
      for (const p of [...host.files.keys()]) if (p.startsWith('/w1/C3/')) host.files.delete(p);
      ws.deleted('/w1/C3');
    };
    await ws.scan();
    assert.ok(!shown(ws).some((e) => e.startsWith('/w1/C3/')));
    assert.ok(![...ws.index.paths()].some((p) => p.startsWith('/w1/C3/')));
  });

  it('lets a later scan replace an earlier one', async () => {
    const host = manyNotes(300);
    const ws = new NoteCollection(host);
    const first = ws.scan();
    const second = ws.scan();
    assert.strictEqual((await first).completed, false);
    assert.strictEqual((await second).completed, true);
    assert.strictEqual(ws.index.noteCount, 300);
    assert.strictEqual(ws.isScanning, false);
  });

  it('takes in a note moved from excluded to included by a settings change', async () => {
    const host = new MemoryHost(['/w1']);
    host.files.set('/w1/AB/2026-01-01.md', '## Kept #rupture\n');
    host.files.set('/w1/drafts/AB/2026-01-02.md', '## Draft #rupture\n');
    host.settings.set('/w1', { ...DEFAULT_SETTINGS, exclude: ['**/drafts'] });
    const ws = new NoteCollection(host);
    await ws.scan();
    assert.deepStrictEqual(shown(ws), ['/w1/AB/2026-01-01.md: Kept open']);
    assert.strictEqual(ws.isNote('/w1/drafts/AB/2026-01-02.md'), false);
    // An edit to an excluded note does not bring it in.
    ws.changed('/w1/drafts/AB/2026-01-02.md');
    assert.strictEqual(ws.index.noteCount, 1);

    host.settings.set('/w1', DEFAULT_SETTINGS);
    ws.settingsChanged();
    await ws.scan();
    assert.deepStrictEqual(shown(ws), ['/w1/AB/2026-01-01.md: Kept open', '/w1/drafts/AB/2026-01-02.md: Draft open']);

    // And back out again.
    host.settings.set('/w1', { ...DEFAULT_SETTINGS, exclude: ['**/drafts'] });
    ws.settingsChanged();
    await ws.scan();
    assert.deepStrictEqual(shown(ws), ['/w1/AB/2026-01-01.md: Kept open']);
  });

  it('lists the notes of a folder that appeared as a scan finds them: only inside it, its excludes applied', () => {
    const host = new MemoryHost(['/w1', '/w2']);
    for (const path of [
      '/w1/AB/2026-01-01.md',
      '/w1/AB/2026/2026-01-08.MD',
      '/w1/AB/drafts/2026-01-02.md',
      '/w1/AB/notes.txt',
      '/w1/ABC/2026-01-01.md',
      '/w1/2026-01-01.md',
      '/w2/AB/2026-01-01.md',
    ])
      host.files.set(path, '## Miss #rupture\n');
    host.settings.set('/w1', { ...DEFAULT_SETTINGS, exclude: ['**/drafts'] });
    const ws = new NoteCollection(host);
    const paths = (folder: string): string[] => [...ws.notesInFolder(folder).notes].map((n) => n.path);
    assert.deepStrictEqual(paths('/w1/AB'), ['/w1/AB/2026-01-01.md', '/w1/AB/2026/2026-01-08.MD']);
    assert.deepStrictEqual(paths('/w1/AB/2026'), ['/w1/AB/2026/2026-01-08.MD']);
    assert.deepStrictEqual(paths('/w1/AB/drafts'), []);
    assert.deepStrictEqual(paths('/elsewhere/AB'), []);
  });

  it('applies each folder its own settings in a multi-root workspace', async () => {
    const host = new MemoryHost(['/w1', '/w2']);
    const text = '---\nclient: A.B.\npatient: P1\n---\n## Miss #rupture\n';
    host.files.set('/w1/AB/2026-01-01.md', text);
    host.files.set('/w2/AB/2026-01-01.md', text);
    host.files.set('/w2/AB/notes.txt.md', text);
    host.settings.set('/w2', {
      ...DEFAULT_SETTINGS,
      include: '**/2026-*.md',
      parse: { ...DEFAULT_SETTINGS.parse, clientKey: 'patient' },
    });
    const ws = new NoteCollection(host);
    await ws.scan();
    assert.deepStrictEqual(
      ws.index.entries().map((e) => [e.path, e.client]),
      [
        ['/w1/AB/2026-01-01.md', 'A.B.'],
        ['/w2/AB/2026-01-01.md', 'P1'],
      ],
    );
    assert.strictEqual(ws.isNote('/w2/AB/notes.txt.md'), false);
    assert.strictEqual(ws.isNote('/w1/AB/notes.txt.md'), true);
    assert.strictEqual(ws.settingsOf('/w2/AB/2026-01-01.md').parse.clientKey, 'patient');
  });

  it('follows a rename, also during a scan', async () => {
    const host = manyNotes(200);
    const from = '/w1/AB/2026-03-01.md';
    const to = '/w1/CD/2026-03-01.md';
    host.files.set(from, '## Moved #rupture\n');
    const ws = new NoteCollection(host);
    await ws.scan();
    let done = false;
    host.onBreathe = () => {
      if (done) return;
      done = true;
      host.files.set(to, host.files.get(from) ?? '');
      host.files.delete(from);
      ws.renamed(from, to);
    };
    await ws.scan();
    assert.deepStrictEqual(
      ws.index
        .entries()
        .filter((e) => e.title === 'Moved')
        .map((e) => [e.path, e.client]),
      [[to, 'CD']],
    );
  });

  it('parses an open document once per version', async () => {
    const host = manyNotes(5);
    const path = '/w1/AB/2026-04-01.md';
    host.files.set(path, '## Disk #rupture\n');
    const ws = new NoteCollection(host);
    await ws.scan();
    host.open.set(path, { text: '## Editor #rupture/planned\n', version: 1 });
    const before = ws.parses;
    const first = ws.noteOf(path);
    const again = ws.noteOf(path);
    ws.changed(path); // the debounced document event for the same version
    assert.strictEqual(ws.parses - before, 1);
    assert.strictEqual(first, again);
    assert.strictEqual(ws.index.get(path)?.entries[0].status, 'planned');
    host.open.set(path, { text: '## Editor #rupture/repaired\n', version: 2 });
    assert.strictEqual(ws.noteOf(path)?.entries[0].status, 'repaired');
    assert.strictEqual(ws.parses - before, 2);
  });

  it("reuses the parse of an editor's text when the same text is read from disk (Attune wrote it, or the editor closed)", async () => {
    const host = manyNotes(5);
    const path = '/w1/AB/2026-04-03.md';
    host.files.set(path, '## Disk #rupture\n');
    const ws = new NoteCollection(host);
    await ws.scan();
    const written = '## Disk #rupture/attempted\n';
    host.open.set(path, { text: written, version: 2 });
    const before = ws.parses;
    assert.strictEqual(ws.noteOf(path)?.entries[0].status, 'attempted');
    ws.changed(path); // the document's debounced change event indexes that very parse
    host.files.set(path, written);
    host.open.delete(path);
    ws.closed(path);
    ws.changed(path); // the watcher's report, or the closed editor's: the disk holds the same text
    assert.strictEqual(ws.parses - before, 1);
    assert.strictEqual(ws.index.get(path)?.entries[0].status, 'attempted');
    host.files.set(path, '## Disk #rupture/repaired\n');
    ws.changed(path); // a real change on disk is read
    assert.strictEqual(ws.index.get(path)?.entries[0].status, 'repaired');
    assert.strictEqual(ws.parses - before, 2);
  });

  it("reads a note's text as the index holds it without parsing again, and parses other text afresh", async () => {
    const host = manyNotes(3);
    const path = '/w1/AB/2026-04-04.md';
    const text = '## Quoted the policy #rupture/open\n';
    host.files.set(path, text);
    const ws = new NoteCollection(host);
    await ws.scan();
    const before = ws.parses;
    assert.strictEqual(ws.noteFor(text, path), ws.index.get(path));
    assert.strictEqual(ws.parses - before, 0);
    assert.strictEqual(ws.noteFor('## Quoted the policy #rupture/held\n', path).entries[0].status, 'held');
    assert.strictEqual(ws.parses - before, 1);
    assert.strictEqual(ws.index.get(path)?.entries[0].status, 'open', 'a parse for a question is not indexed');
  });

  it('reuses the parse from disk when an editor opens the unchanged note, and parses once after an edit', async () => {
    const host = manyNotes(5);
    const path = '/w1/AB/2026-04-02.md';
    const text = '# Session\n\n## Quoted the policy #rupture/open\n\nShe went quiet.\n';
    host.files.set(path, text);
    const ws = new NoteCollection(host);
    await ws.scan();
    const fromDisk = ws.index.get(path);
    const before = ws.parses;
    // Opening the note for a status change from the tree: the text is what was read.
    host.open.set(path, { text, version: 1 });
    assert.strictEqual(ws.noteOf(path), fromDisk);
    ws.changed(path); // the editor's open event
    assert.strictEqual(ws.parses - before, 0);
    // The status edit: one parse, however many times the note is asked for afterwards.
    host.open.set(path, { text: text.replace('#rupture/open', '#rupture/planned'), version: 2 });
    assert.strictEqual(ws.noteOf(path)?.entries[0].status, 'planned');
    ws.changed(path);
    assert.strictEqual(ws.noteOf(path)?.entries[0].status, 'planned');
    assert.strictEqual(ws.parses - before, 1);
  });

  it('parses an open document whose text differs from the disk by a single character', async () => {
    const host = manyNotes(5);
    const path = '/w1/AB/2026-04-03.md';
    host.files.set(path, '## Too soon #rupture/open\n');
    const ws = new NoteCollection(host);
    await ws.scan();
    host.open.set(path, { text: '## Too soon #rupture/opem\n', version: 1 });
    assert.strictEqual(ws.noteOf(path)?.entries[0].statusKnown, false, 'the text in the editor is what was parsed');
  });

  it('parses an open document outside every folder without indexing it', () => {
    const host = new MemoryHost(['/w1']);
    host.open.set('untitled:Untitled-1', { text: '## Loose #rupture\n', version: 1 });
    const ws = new NoteCollection(host);
    assert.strictEqual(ws.noteOf('untitled:Untitled-1')?.entries.length, 1);
    assert.strictEqual(ws.noteOf('untitled:Untitled-1')?.entries.length, 1);
    assert.strictEqual(ws.parses, 1);
    assert.strictEqual(ws.index.noteCount, 0);
  });

  it('reports notes skipped for their size, and forgets them once they fit', async () => {
    const host = new MemoryHost(['/w1']);
    host.settings.set('/w1', { ...DEFAULT_SETTINGS, maxNoteBytes: 100 });
    host.files.set('/w1/AB/big.md', `## Big #rupture\n${'x'.repeat(200)}\n`);
    const ws = new NoteCollection(host);
    const report = await ws.scan();
    assert.deepStrictEqual(report.warnings, [{ path: '/w1/AB/big.md', message: 'skipped: it is over the size limit' }]);
    assert.deepStrictEqual([...ws.skipped.keys()], ['/w1/AB/big.md']);
    // A note that grows too large after the scan is reported too.
    host.files.set('/w1/AB/later.md', 'y'.repeat(500));
    ws.changed('/w1/AB/later.md');
    assert.deepStrictEqual([...ws.skipped.keys()].sort(), ['/w1/AB/big.md', '/w1/AB/later.md']);
    host.files.set('/w1/AB/big.md', '## Big #rupture\n');
    ws.changed('/w1/AB/big.md');
    assert.deepStrictEqual([...ws.skipped.keys()], ['/w1/AB/later.md']);
    assert.strictEqual(ws.index.entries().length, 1);
  });

  it('answers a query without indexing or telling listeners, and copies no text on a cache hit', async () => {
    const host = manyNotes(3);
    const path = '/w1/AB/2026-04-05.md';
    host.files.set(path, '## Disk #rupture\n');
    const ws = new NoteCollection(host);
    await ws.scan();
    const revision = ws.index.revision;
    let fired = 0;
    ws.onDidChange(() => fired++);
    host.open.set(path, { text: '## Editor #rupture/planned\n', version: 1 });
    assert.strictEqual(ws.noteOf(path)?.entries[0].status, 'planned');
    assert.strictEqual(ws.index.get(path)?.entries[0].status, 'open', 'a query indexes nothing');
    assert.strictEqual(ws.index.revision, revision);
    assert.strictEqual(fired, 0, 'a query fires no event');
    const copies = host.textCopies;
    for (let i = 0; i < 3; i++) ws.noteOf(path);
    assert.strictEqual(host.textCopies, copies, 'the version is asked first: a cache hit copies no text');
    ws.changed(path);
    assert.strictEqual(ws.index.get(path)?.entries[0].status, 'planned', 'the change path indexes it');
    assert.strictEqual(fired, 1);
    assert.strictEqual(host.textCopies, copies, 'indexing takes the parse the query made');
  });

  it('says which notes changed, and whether any rupture entry did', async () => {
    const host = manyNotes(3);
    const ws = new NoteCollection(host);
    const changes: { paths: string[] | undefined; entries: boolean }[] = [];
    ws.onDidChange((c) => changes.push({ paths: c.paths && [...c.paths], entries: c.entries }));
    await ws.scan();
    assert.deepStrictEqual(changes.splice(0), [{ paths: undefined, entries: true }]);
    const path = '/w1/AB/2026-05-01.md';
    host.files.set(path, '# Session\n\nShe was quiet.\n');
    ws.changed(path);
    assert.deepStrictEqual(changes.splice(0), [{ paths: [path], entries: false }]);
    host.files.set(path, '# Session\n\n## Too soon #rupture\n\n## Check-in\n');
    ws.changed(path);
    assert.deepStrictEqual(changes.splice(0), [{ paths: [path], entries: true }]);
    host.files.set(path, '# Session\n\n## Too soon #rupture\n\n## Check-in\n\nMore words.\n');
    ws.changed(path);
    assert.deepStrictEqual(changes.splice(0), [{ paths: [path], entries: false }], 'the same entry, the same section');
    host.files.delete(path);
    ws.deleted(path);
    assert.deepStrictEqual(changes.splice(0), [{ paths: [path], entries: true }]);
    ws.deleted(path);
    assert.deepStrictEqual(changes, [], 'nothing changed, nothing said');
  });

  it('tells listeners when the index changed', async () => {
    const host = manyNotes(3);
    const ws = new NoteCollection(host);
    let fired = 0;
    const sub = ws.onDidChange(() => fired++);
    await ws.scan();
    assert.strictEqual(fired, 1);
    ws.deleted('/w1/nowhere.md');
    assert.strictEqual(fired, 1, 'nothing changed');
    host.files.set('/w1/AB/x.md', '# x\n');
    ws.changed('/w1/AB/x.md');
    assert.strictEqual(fired, 2);
    sub.dispose();
    ws.changed('/w1/AB/x.md');
    assert.strictEqual(fired, 2);
  });
});
