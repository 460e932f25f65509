#!/usr/bin/env node
// Hostile-input benchmark of issue 7 (`npm run bench:hostile`): shows that the time Attune
// takes on each hostile shape of note grows linearly with its size.
//
// For each shape it times the parser at sizes 1x, 2x, 4x and 8x (for example 12,500 to
// 100,000 lines, or 1.25 to 10 MB on a single line) and prints the time at each size, the
// ratio per doubling (2 is linear, 4 quadratic) and the growth exponent over the whole
// range (1 is linear). "Parse" is what Attune runs on every note: parseNote() and
// outline(); template shapes time parseSnippet() and the markdown rendering; "anchors:"
// shapes time headingAnchors(), which the pre-session checklist runs on a client's notes.
//
// Nothing is asserted: the unit tests (test/unit/hostile.test.ts) check the answers.
//
//   node test/bench/hostile.js                 the code in src/, now
//   node test/bench/hostile.js --against REV   also the code of git revision REV, side by side
//                                              (e.g. b03f0f1, before the fixes of issue 7;
//                                              6a0eca8, before heading anchors were linear)
// Environment: HOSTILE_RUNS (timed runs per size at least, median kept; default 7),
// HOSTILE_CAP_S (seconds before a size is given up on; default 20), HOSTILE_ONLY (run only
// the shapes whose name holds this text).
//
// A second table (test/bench/hostile-files.js) runs the command line on FIFOs, /dev/zero
// links and files far over the size limit, as notes and as templates, and on growing notes
// for `attune set`.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { bundleExports } = require('./bundle');
const { hostileFileRows } = require('./hostile-files');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const REPO = path.resolve(__dirname, '..', '..');
const MB = 1024 * 1024;

// --- hostile shapes: each makes a note (or a template) of size `n` ------------------------

/** `unit` names what n counts; `base` is the 1x size. */
const SHAPES = [
  {
    name: 'mixed note: headings, fences, comments',
    unit: 'lines',
    base: 12_500,
    make: (n) => {
      const block = [
        '## R 😔 #rupture/planned',
        'text é',
        '- **Opening line:** hi',
        '```',
        '## in code #rupture/open',
        '```',
        '<!-- c',
        '## in comment #rupture',
        '-->',
        '',
      ];
      const lines = [];
      for (let i = 0; i < n; i++) lines.push(block[i % block.length]);
      return lines.join('\r\n');
    },
  },
  { name: 'one line: a rupture heading', unit: 'MB', base: 1.25, make: (n) => `## ${'word 😔 '.repeat(Math.round((n * MB) / 10))}#rupture/open` },
  { name: 'one line: text, tags not in a heading', unit: 'MB', base: 1.25, make: (n) => `text ${'x #rupture/open '.repeat(Math.round((n * MB) / 16))}` },
  {
    name: 'fences of both kinds and many lengths',
    unit: 'lines',
    base: 12_500,
    make: (n) => {
      const lines = ['## before #rupture'];
      for (let i = 0; i < n; i++)
        lines.push(i % 2 ? `${(i % 4 === 1 ? '`' : '~').repeat(3 + (i % 7))}${i % 3 ? '' : ' info'}` : '## maybe in code #rupture/open');
      return lines.join('\n');
    },
  },
  { name: '```-lines, no backtick after them', unit: 'lines', base: 12_500, make: (n) => '```\n## in #rupture\n```\n## out #rupture\n'.repeat(n / 4) },
  { name: 'unclosed <!-- on every line', unit: 'lines', base: 12_500, make: (n) => '<!--\n'.repeat(n) + '## after #rupture\n' },
  { name: 'one <!-- over every line after it', unit: 'lines', base: 12_500, make: (n) => '## a #rupture\n<!--\n' + '## in #rupture/open\n'.repeat(n) },
  {
    name: 'heading of backtick runs, lengths 1, 2, 3, ...',
    unit: 'MB',
    base: 0.125,
    make: (n) => {
      let s = '## ';
      for (let k = 1; s.length < n * MB; k++) s += '`'.repeat(k) + ' a ';
      return `${s}#rupture/open\n`;
    },
  },
  { name: 'heading of escaped backticks \\``', unit: 'MB', base: 0.125, make: (n) => `## ${'\\`` a '.repeat(Math.round((n * MB) / 6))}#rupture/open\n` },
  { name: 'heading of repeated #rupture/ tags', unit: 'MB', base: 0.25, make: (n) => `## x ${'#rupture/open '.repeat(Math.round((n * MB) / 14))}\n` },
  { name: 'rupture headings, one per line', unit: 'lines', base: 25_000, make: (n) => '# a #rupture/open #rupture/x\n'.repeat(n) },
  {
    name: 'front matter that never closes',
    unit: 'lines',
    base: 25_000,
    make: (n) => '---\n' + 'key: value   with  spaces   \n'.repeat(n) + '## a #rupture\n',
  },
  {
    name: 'front-matter value of spaces',
    unit: 'MB',
    base: 0.125,
    make: (n) => `---\nclient: A${' '.repeat(Math.round(n * MB))}B\n---\n## a #rupture\n`,
  },
  { name: 'template: 90 unclosed ${1: before text', unit: 'k', base: 12.5, template: true, make: (n) => '${1:'.repeat(90) + 'text '.repeat(n * 1000) },
  { name: 'template: unclosed ${1: nested', unit: 'k', base: 12.5, template: true, make: (n) => '${1:'.repeat(n * 1000) + 'x' },
  { name: 'template: unclosed ${1| choices', unit: 'k', base: 12.5, template: true, make: (n) => '${1|a,'.repeat(n * 1000) },
  { name: 'template: ${1:${2|a, mixed', unit: 'k', base: 12.5, template: true, make: (n) => '${1:${2|a,'.repeat(n * 1000) + '}'.repeat(n * 500) },
  // Heading anchors: one heading of n KB (`r` repeats of a piece of `size` characters).
  ...[
    ['[a repeated: brackets never closed', 2, (r) => `## ${'[a'.repeat(r)}\n`],
    ['![a repeated: images never closed', 3, (r) => `## ${'![a'.repeat(r)}\n`],
    ['[[[…a](b)…](b) nested: links holding links', 5, (r) => `## ${'['.repeat(r)}a${'](b)'.repeat(r)}\n`],
    ['[a]( repeated: destinations never closed', 4, (r) => `## ${'[a]('.repeat(r)}\n`],
    ['[a](x ( repeated: titles never closed', 7, (r) => `## ${'[a](x ('.repeat(r)}\n`],
    ['[a](b repeated, then spaces', 10, (r) => `## ${'[a](b'.repeat(r)}${' '.repeat(5 * r)}x\n`],
    ['![![…a](b)…](b) nested images', 6, (r) => `## ${'!['.repeat(r)}a${'](b)'.repeat(r)}\n`],
    ['link text hiding [a behind <b t="`">', 2, (r) => `## [<b t="\`">${'[a'.repeat(r)}\`\` \`](u) \`\`\n`],
    ['escaped backticks \\`` never closed', 6, (r) => `## ${'\\`` a '.repeat(r)}\n`],
    ['<![CDATA[ repeated', 9, (r) => `## ${'<![CDATA['.repeat(r)}\n`],
    ['<? repeated', 2, (r) => `## ${'<?'.repeat(r)}\n`],
    ['emphasis: a* closers only', 3, (r) => `## ${'a* '.repeat(r)}\n`],
    ['emphasis: a_ closers only', 3, (r) => `## ${'a_ '.repeat(r)}\n`],
    ['emphasis: **a openers, then a* closers', 14, (r) => `## ${'**a '.repeat(2 * r)}${'a* '.repeat(2 * r)}\n`],
    ['setext heading, a first line of spaces', 1, (r) => `a${' '.repeat(r)}b\nc\n===\n`],
  ].map(([name, size, make]) => ({ name: `anchors: ${name}`, unit: 'KB', base: 64, anchors: true, make: (n) => make(Math.round((n * 1024) / size)) })),
  // Deep folders (issues 12 and 22): the whole scan of a folder nested n levels deep, a note at
  // each level, up to 4,000 levels (8,000-character paths, past Linux's 4,096-byte limit: the
  // folders are made and removed through open descriptors).
  { name: 'deep folders: the scan of n nested levels, a note in each', unit: 'levels', base: 500, walk: true, make: (n) => n },
  // Glob patterns from a workspace's settings (issue 22): one test of a hostile pattern
  // against a name of n characters. Before, each backtracked exponentially.
  {
    name: "glob: **/*a*a*a*a*a*a*a*a*a*a*a*a*b on a name of n a's",
    unit: 'chars',
    base: 12_500,
    glob: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*b', (n) => `notes/${'a'.repeat(n)}.md`],
    make: (n) => n,
  },
  {
    name: "glob: {a,aa,{a,aa}} x 40 then b on n a's",
    unit: 'chars',
    base: 12_500,
    glob: ['{a,aa,{a,aa}}'.repeat(40) + 'b', (n) => 'a'.repeat(n)],
    make: (n) => n,
  },
  { name: "glob: {*,*} x 30 then b on n a's", unit: 'chars', base: 12_500, glob: ['{*,*}'.repeat(30) + 'b', (n) => 'a'.repeat(n)], make: (n) => n },
];

SHAPES.push(...checklistShapes(), ...unitTestShapes());

/**
 * The hostile inputs of two unit tests that used to time themselves (issue 28): the tests
 * now check the answers only, and their time is measured here.
 */
function unitTestShapes() {
  return [
    {
      name: 'one <!-- over n list lines that mention #rupture',
      unit: 'lines',
      base: 12_500,
      make: (n) => '<!--\n' + '- a line that mentions #rupture\n'.repeat(n),
    },
    {
      name: 'cue hints: runs of "not ", "well" and "I  \\t"',
      unit: 'k',
      base: 25,
      make: (n) => `${'not '.repeat(2 * n * 1000)}\n${'well'.repeat(n * 1000)}....\n${'I  \t'.repeat(n * 1000)}`,
      run: (core, text, source) => core.findCues(text, core.parseNote(text, source), core.builtInCues()).length,
    },
  ];
}

/**
 * The pre-session checklist over one note of n identical rupture headings (issue 22, item
 * 11): every entry's anchor is looked up among the note's headings. Its own function, so
 * that rows other work adds to SHAPES merge apart from it.
 */
function checklistShapes() {
  return [
    {
      name: 'checklist: n identical rupture headings in one note',
      unit: 'headings',
      base: 17_500,
      make: (n) => '## Fee talk #rupture/open\n'.repeat(n),
      run: (core, text, source) => {
        const entries = core.parseNote(text, source).entries;
        const noteText = new Map([[source.path, text]]);
        return core.buildChecklist({ client: 'AB', today: '2026-11-20', entries, notePath: 'AB/2026-11-20.md', noteText, checks: '' }).items.length;
      },
    },
  ];
}

const FACTORS = [1, 2, 4, 8];

// --- worker: times one shape at one size ----------------------------------------------------

function timeOne({ bundle, shape, size, runs }) {
  const core = require(bundle);
  const s = SHAPES.find((x) => x.name === shape);
  const text = s.make(size);
  const source = { path: 'AB/2026-11-10.md', folderName: 'AB', fileName: '2026-11-10.md' };
  let deep;
  if (s.walk) {
    deep = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-deep-'));
    // Each level made from the one above, held open: full paths this long cannot be opened.
    let fd = fs.openSync(deep, 'r');
    for (let i = 0; i < size; i++) {
      fs.mkdirSync(`/proc/self/fd/${fd}/d`);
      const below = fs.openSync(`/proc/self/fd/${fd}/d`, 'r');
      fs.closeSync(fd);
      fd = below;
      fs.writeFileSync(`/proc/self/fd/${fd}/2026-11-${String((i % 28) + 1).padStart(2, '0')}.md`, '## a #rupture\n');
    }
    fs.closeSync(fd);
  }
  const globName = s.glob ? s.glob[1](size) : undefined;
  const once = () => {
    if (s.walk) return core.scanFolder(deep).index.noteCount;
    if (s.glob) return core.compileGlob(s.glob[0]).test(globName) ? 1 : 0;
    if (s.template) return core.toMarkdown(core.parseSnippet(text), {}, '2026-11-20').length;
    if (s.anchors) return core.headingAnchors(text).length;
    if (s.run) return s.run(core, text, source);
    const note = core.parseNote(text, source);
    return note.entries.length + core.outline(text).length;
  };
  // A collection before each run, so garbage left by the run before is not timed in this one.
  require('v8').setFlagsFromString('--expose_gc');
  const gc = require('vm').runInNewContext('gc');
  // CPU time, not wall-clock time: the time this process spends waiting for a core while
  // other programs run does not count. Small sizes run more often, for a steadier median.
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t = [];
  if (runs > 1) once(); // warm-up (not for a single run of old, slow code)
  let total = 0;
  for (let i = 0; i < runs || (runs > 1 && total < 300 && i < 50); i++) {
    gc();
    const start = cpuMs();
    once();
    t.push(cpuMs() - start);
    total += t[t.length - 1];
    parentPort.postMessage({ tick: true }); // alive: the cap counts from here again
  }
  // rm walks any depth; fs.rmSync stops at the path-length limit.
  if (deep) require('child_process').execFileSync('rm', ['-rf', deep]);
  t.sort((a, b) => a - b);
  return { ms: t[t.length >> 1], chars: text.length };
}

if (!isMainThread) {
  try {
    parentPort.postMessage(timeOne(workerData));
  } catch (err) {
    // Old code may throw on some shapes (nested images overflowed the stack): say so.
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
  return;
}

// --- main -----------------------------------------------------------------------------------

function bundleCore(srcRoot, outfile) {
  return bundleExports(
    srcRoot,
    [
      "export { parseNote } from './src/core/notes/note';",
      "export { outline } from './src/core/markdown/outline';",
      "export { parseSnippet, toMarkdown } from './src/core/reflection/snippet';",
      "export { compileGlob } from './src/core/notes/glob';",
      // The folder scan: src/node/host.ts since issue 10, src/node/scan.ts before.
      fs.existsSync(path.join(srcRoot, 'src', 'node', 'host.ts'))
        ? "export { scanFolder } from './src/node/host';"
        : "export { scanFolder } from './src/node/scan';",
      // Revisions before the pre-session checklist have no heading anchors.
      ...(fs.existsSync(path.join(srcRoot, 'src', 'core', 'markdown', 'anchors.ts')) ? ["export { headingAnchors } from './src/core/markdown/anchors';"] : []),
      ...(fs.existsSync(path.join(srcRoot, 'src', 'core', 'checklist', 'checklist.ts'))
        ? ["export { buildChecklist } from './src/core/checklist/checklist';"]
        : []),
      ...(fs.existsSync(path.join(srcRoot, 'src', 'core', 'cues', 'cues.ts')) ? ["export { findCues, builtInCues } from './src/core/cues/cues';"] : []),
    ],
    outfile,
  );
}

/** The sources of a git revision, unpacked in `dir`. */
function checkout(rev, dir) {
  const { execFileSync } = require('child_process');
  const tar = execFileSync('git', ['archive', '--format=tar', rev, 'src'], { cwd: REPO, maxBuffer: 256 * MB });
  fs.writeFileSync(path.join(dir, 'src.tar'), tar);
  execFileSync('tar', ['-xf', 'src.tar'], { cwd: dir });
}

/**
 * Times in a worker, so a run that never ends can be stopped: past `capMs` (wall-clock) in
 * one run, the size is given up on. Resolves to ms, or undefined past the cap.
 */
function measure(bundle, shape, size, runs, capMs) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { bundle, shape, size, runs }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    const giveUp = () => {
      void worker.terminate();
      resolve(undefined);
    };
    // Making the note and the warm-up run count as one run more.
    let timer = setTimeout(giveUp, 2 * capMs);
    worker.on('message', (m) => {
      clearTimeout(timer);
      if (m.tick) {
        timer = setTimeout(giveUp, capMs);
        return;
      }
      void worker.terminate();
      resolve(m.error === undefined ? m.ms : 'throws');
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

const fmtMs = (ms) => (ms === undefined ? '' : ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const fmtSize = (n, unit) => (unit === 'MB' || unit === 'KB' ? `${n} ${unit}` : unit === 'k' ? `${n * 1000}` : n.toLocaleString('en-US'));

async function series(bundle, shape, runs, capMs) {
  const times = [];
  for (const f of FACTORS) {
    const ms = await measure(bundle, shape.name, shape.base * f, runs, capMs);
    times.push(ms);
    if (typeof ms !== 'number') break; // larger sizes would take longer still, or throw too
  }
  return times;
}

function row(label, shape, times, capS) {
  const cells = FACTORS.map((_, i) => (i < times.length ? (times[i] === undefined ? `>${capS} s` : times[i] === 'throws' ? 'throws' : fmtMs(times[i])) : '-'));
  const ratios = [];
  for (let i = 1; i < times.length; i++)
    if (typeof times[i] === 'number' && typeof times[i - 1] === 'number') ratios.push((times[i] / times[i - 1]).toFixed(1));
  const done = times.filter((t) => typeof t === 'number');
  const exponent = done.length >= 2 ? (Math.log2(done[done.length - 1] / done[0]) / (done.length - 1)).toFixed(2) : '';
  return [label, ...cells, ratios.join(' '), exponent];
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main() {
  const args = process.argv.slice(2);
  const againstAt = args.indexOf('--against');
  const against = againstAt === -1 ? undefined : args[againstAt + 1];
  if (againstAt !== -1 && !against) throw new Error('--against needs a git revision');
  const runs = Number(process.env.HOSTILE_RUNS || 7);
  const capS = Number(process.env.HOSTILE_CAP_S || 20);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-hostile-'));
  try {
    process.stderr.write('bench:hostile: bundling the core with esbuild\n');
    const now = await bundleCore(REPO, path.join(tmp, 'now.js'));
    let before;
    let beforeHasAnchors = false;
    if (against) {
      const dir = path.join(tmp, 'rev');
      fs.mkdirSync(dir);
      checkout(against, dir);
      before = await bundleCore(dir, path.join(tmp, 'before.js'));
      beforeHasAnchors = fs.existsSync(path.join(dir, 'src', 'core', 'markdown', 'anchors.ts')) || fs.existsSync(path.join(dir, 'src', 'core', 'anchors.ts'));
    }
    const rows = [];
    const only = process.env.HOSTILE_ONLY;
    for (const shape of SHAPES.filter((s) => !only || s.name.includes(only))) {
      process.stderr.write(`bench:hostile: ${shape.name}\n`);
      const sizes = `${fmtSize(shape.base, shape.unit)} .. ${fmtSize(shape.base * 8, shape.unit)}${shape.unit === 'lines' || shape.unit === 'levels' ? ` ${shape.unit}` : shape.unit === 'k' ? ' repeats' : ''}`;
      if (before && (beforeHasAnchors || !shape.anchors))
        rows.push(row(`${shape.name} (${sizes}), ${against}`, shape, await series(before, shape, 1, capS * 1000), capS));
      rows.push(row(`${shape.name} (${sizes})${before ? ', now' : ''}`, shape, await series(now, shape, runs, capS * 1000), capS));
    }
    console.log(`\nHostile notes: parse time (CPU ms, median of ${runs} runs or more${before ? `; ${against}: one run` : ''}) at 1x, 2x, 4x, 8x the size`);
    console.log('ratio per doubling: 2.0 is linear, 4.0 quadratic; exponent over the range: 1 is linear, 2 quadratic\n');
    printTable(['shape (sizes 1x .. 8x)', '1x', '2x', '4x', '8x', 'ratio per doubling', 'exponent'], rows);

    // Hostile files through the command line (issue 12): see hostile-files.js.
    const cli = [['', await bundleExports(REPO, ["export { run } from './src/cli/main';"], path.join(tmp, 'cli-now.js'))]];
    if (against) cli.unshift([against, await bundleExports(path.join(tmp, 'rev'), ["export { run } from './src/cli/main';"], path.join(tmp, 'cli-before.js'))]);
    if (against) cli[1][0] = 'now';
    const fileRows = hostileFileRows(cli, tmp, Math.min(runs, 5), capS, only, fmtMs);
    console.log(
      `\nHostile files: the command line on pipes, devices and huge files (wall ms, median of ${Math.min(runs, 5)} runs${against ? `; ${against}: one run` : ''})`,
    );
    console.log('"fixed": one size only; each must return at once. ">N s": gave up waiting (a hang, or reading without end)\n');
    printTable(['case (sizes 1x .. 8x)', '1x', '2x', '4x', '8x', 'ratio per doubling', 'exponent'], fileRows);
    console.log(`\nNode ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(1)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench:hostile: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
