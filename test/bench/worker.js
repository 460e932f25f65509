#!/usr/bin/env node
// One measurement in a fresh process, for run.js. Prints one line of JSON on stdout.
//
//   node worker.js index   BUNDLE DIR          scanFolder (src/node/host.ts) over the corpus, cold (first call)
//   node worker.js phases  BUNDLE DIR          the same work split: walk, read+decode, parse+set
//   node worker.js reindex BUNDLE DIR REL...   parse + index.set of one changed note, many times
//   node worker.js lenses  BUNDLE LINES        parseNote + outline over a long generated note
//   node --expose-gc worker.js heap BUNDLE DIR heap kept by the index over the corpus
//
// BUNDLE is the core bundled by run.js (src/node/host.ts and friends), so the figures do
// not depend on tsc output. Only times, counts and sizes are printed: never note text.
'use strict';

const fs = require('fs');
const path = require('path');

const [mode, bundle, ...rest] = process.argv.slice(2);
const core = require(path.resolve(bundle));

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const entryCount = (index) => {
  let n = 0;
  for (const p of index.paths()) n += index.get(p).entries.length;
  return n;
};

function source(root, file) {
  return { path: path.relative(root, file).split(path.sep).join('/'), folderName: path.basename(path.dirname(file)), fileName: path.basename(file) };
}

const modes = {
  index([dir]) {
    const cpu0 = process.cpuUsage();
    const t0 = now();
    const { index, warnings } = core.scanFolder(dir);
    const ms = now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      notes: index.noteCount,
      entries: entryCount(index),
      unrepaired: index.unrepaired().length,
      warnings: warnings.length,
    };
  },

  phases([dir]) {
    const t0 = now();
    const files = core.walkNotes(dir, {
      skipFolder: (rel) => /(^|\/)(node_modules|\.[^/]*)$/.test(rel),
      note: (folder, _relative, _folderName, fileName) => path.join(folder, fileName),
    }).notes;
    const t1 = now();
    // Read and decode with the scan's own reader, each note as listed by the walk.
    const reader = new core.NoteReader();
    const texts = [];
    for (const file of files) {
      const read = core.readNoteFile(reader, file, core.DEFAULT_MAX_NOTE_BYTES, true);
      texts.push(read.kind === 'text' ? read.text : '');
    }
    const t2 = now();
    const index = new core.RuptureIndex();
    for (let i = 0; i < files.length; i++) index.set(core.parseNote(texts[i], source(dir, files[i])));
    const t3 = now();
    return { walkMs: t1 - t0, readMs: t2 - t1, parseMs: t3 - t2, notes: index.noteCount };
  },

  reindex([dir, ...rels]) {
    const { index } = core.scanFolder(dir);
    const notes = rels.map((rel) => {
      const file = path.join(dir, rel);
      return { text: fs.readFileSync(file, 'utf8'), src: source(dir, file) };
    });
    const once = (n) => {
      const t0 = now();
      index.set(core.parseNote(n.text, n.src));
      return now() - t0;
    };
    const first = once(notes[0]);
    for (let i = 0; i < 500; i++) once(notes[i % notes.length]);
    const times = [];
    for (let i = 0; i < 5000; i++) times.push(once(notes[i % notes.length]));
    const bytes = notes.map((n) => Buffer.byteLength(n.text));
    return { firstMs: first, medianMs: median(times), p95Ms: percentile(times, 0.95), samples: times.length, notes: notes.length, medianBytes: median(bytes) };
  },

  lenses([lines]) {
    const { makeLongNote } = require('./corpus');
    const long = makeLongNote(Number(lines));
    const src = { path: 'C001/2024-05-14.md', folderName: 'C001', fileName: '2024-05-14.md' };
    // What the lens provider computes before it builds lenses: the note's entries (status
    // lenses) and its outline (the "Insert rupture reflection" lens, on by default).
    const work = () => {
      const note = core.parseNote(long.text, src);
      core.outline(long.text);
      return note.entries.length;
    };
    const t0 = now();
    const firstEntries = work();
    const firstMs = now() - t0;
    const times = [];
    let entries = 0;
    for (let i = 0; i < 25; i++) {
      const t = now();
      entries = work();
      times.push(now() - t);
    }
    return {
      firstMs,
      medianMs: median(times.slice(5)),
      lines: long.text.split('\n').length,
      bytes: Buffer.byteLength(long.text),
      entries,
      expectedEntries: long.entries,
      firstEntries,
    };
  },

  heap([dir]) {
    if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
    const settle = () => {
      for (let i = 0; i < 4; i++) global.gc();
      return process.memoryUsage().heapUsed;
    };
    const before = settle();
    let result = core.scanFolder(dir);
    const index = result.index;
    // Dropped on purpose, so the collector can free what the scan made besides the index.
    // eslint-disable-next-line no-useless-assignment
    result = undefined;
    const after = settle();
    // Keep the index alive past the measurement.
    return { addedBytes: after - before, notes: index.noteCount, entries: entryCount(index) };
  },
};

if (!modes[mode]) {
  console.error(`worker: unknown mode ${mode}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(modes[mode](rest)) + '\n');
