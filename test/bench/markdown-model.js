#!/usr/bin/env node
// The markdown model against markdown-it (issue 27): how long Attune's own block model takes
// to read notes, beside markdown-it (VS Code's CommonMark parser) over the same notes in the
// same process, and what markdown-it would add to the extension's bundle. Figures decide
// between the two (docs/development.md); nothing is asserted.
//
//   node test/bench/markdown-model.js [--against REV]
//
// Two corpora: the benchmark's 10,000 notes (`node test/bench/corpus.js 10000` makes them)
// and the conformance notes (every CommonMark spec example as it is and with rupture tags
// added, as test/unit/conformance.test.ts writes them). Times are CPU ms, medians of
// BENCH_SAMPLES runs (default 7), after a warm-up run. The conformance notes are also
// written to files and read through `attune list --all --json` (its `run`, in this process),
// beside markdown-it reading and parsing the same files.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { bundleExports } = require('./bundle');
const { REPO, DIR, median, round } = require('./common');

const SAMPLES = Number(process.env.BENCH_SAMPLES || 7);

function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(fn) {
  fn();
  const t = [];
  for (let i = 0; i < SAMPLES; i++) {
    if (global.gc) global.gc();
    const start = cpuMs();
    fn();
    t.push(cpuMs() - start);
  }
  return median(t);
}

function corpusNotes() {
  if (!fs.existsSync(DIR)) throw new Error(`no corpus at ${DIR}: run node test/bench/corpus.js 10000`);
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md')) out.push({ path: path.relative(DIR, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(DIR);
  return out;
}

/** The conformance notes: each spec example and its variants with tags (as the unit test makes them). */
function conformanceNotes() {
  const spec = require('commonmark-spec');
  const tag = (l) => (l.trim() === '' ? l : `${l} #rupture/open`);
  const out = [];
  for (const ex of spec.tests) {
    const md = ex.markdown.replace(/→/g, '\t');
    const lines = md.split('\n');
    const inside = md.replace(/[(<["'`*_]/g, (c) => `${c} #rupture/open`);
    const closing = md.replace(/[)>\]"'`*_]/g, (c) => ` #rupture/open${c}`);
    const variants = [
      md,
      lines.map(tag).join('\n'),
      lines.map((l, i) => (i % 2 === 0 ? tag(l) : l)).join('\n'),
      lines.map((l, i) => (i % 2 === 1 ? tag(l) : l)).join('\n'),
      inside,
      closing,
      lines.map((l) => (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(l) ? `${l} #rupture/open` : l)).join('\n'),
      ...[inside, closing].map((v) =>
        v
          .split('\n')
          .map((l) => (l.trim() === '' ? l : `# ${l}`))
          .join('\n'),
      ),
    ];
    variants.forEach((text, k) => out.push({ path: `spec/${ex.number}-${k}.md`, text }));
  }
  return out;
}

/**
 * The conformance notes as files, through `attune list` (the scan, the prefilter, the parse,
 * the JSON) and through markdown-it reading and parsing each file, in this one process.
 */
function listRows(dir, core, vscodeMd, commonmark) {
  const notes = conformanceNotes();
  for (const n of notes) {
    fs.mkdirSync(path.join(dir, path.dirname(n.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, n.path), n.text);
  }
  const files = notes.map((n) => path.join(dir, n.path));
  let printed = '';
  const io = { out: (t) => (printed += t), err: () => undefined, cwd: dir, today: '2026-12-06' };
  const list = () => {
    printed = '';
    if (core.run(['list', dir, '--all', '--json'], io) !== 0) throw new Error('attune list failed');
  };
  list();
  const entries = JSON.parse(printed).length;
  const label = `conformance notes as ${files.length} files (${entries} entries listed)`;
  return [
    [label, 'attune list --all --json (run in this process)', round(time(list), 1)],
    [
      label,
      'markdown-it (commonmark): read + parse every file',
      round(
        time(() => {
          for (const f of files) commonmark.parse(fs.readFileSync(f, 'utf8'), {});
        }),
        1,
      ),
    ],
    [
      label,
      'markdown-it (as VS Code): read + parse every file',
      round(
        time(() => {
          for (const f of files) vscodeMd.parse(fs.readFileSync(f, 'utf8'), {});
        }),
        1,
      ),
    ],
  ];
}

async function main() {
  const args = process.argv.slice(2);
  const againstAt = args.indexOf('--against');
  const against = againstAt === -1 ? undefined : args[againstAt + 1];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-model-'));
  try {
    const exportsOf = [
      "export { parseNote } from './src/core/notes/note';",
      "export { outline } from './src/core/markdown/outline';",
      "export { mayHoldTag, mayHoldField } from './src/core/notes/quickLook';",
      "export { run } from './src/cli/main';",
    ];
    const builds = [['now', require(await bundleExports(REPO, exportsOf, path.join(tmp, 'now.js')))]];
    if (against) {
      const { execFileSync } = require('child_process');
      const dir = path.join(tmp, 'rev');
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(tmp, 'src.tar'), execFileSync('git', ['archive', '--format=tar', against, 'src'], { cwd: REPO, maxBuffer: 1 << 28 }));
      execFileSync('tar', ['-xf', path.join(tmp, 'src.tar')], { cwd: dir });
      builds.unshift([against, require(await bundleExports(dir, exportsOf, path.join(tmp, 'before.js')))]);
    }
    const MarkdownIt = require('markdown-it');
    // As VS Code configures it (raw HTML on), and CommonMark alone.
    const vscodeMd = new MarkdownIt({ html: true });
    const commonmark = MarkdownIt('commonmark', { html: true });
    // What markdown-it adds to a bundle, minified.
    const mdBundle = path.join(tmp, 'md.js');
    await require('esbuild').build({
      stdin: { contents: "module.exports = require('markdown-it');", resolveDir: REPO },
      bundle: true,
      minify: true,
      platform: 'node',
      outfile: mdBundle,
      logLevel: 'warning',
    });
    const mdKB = fs.statSync(mdBundle).size / 1024;
    const loadStart = process.hrtime.bigint();
    require('child_process').execFileSync(process.execPath, ['-e', `require(${JSON.stringify(mdBundle)})`]);
    const loadWithNode = Number(process.hrtime.bigint() - loadStart) / 1e6;
    const bareStart = process.hrtime.bigint();
    require('child_process').execFileSync(process.execPath, ['-e', '0']);
    const bare = Number(process.hrtime.bigint() - bareStart) / 1e6;

    const rows = [];
    for (const [name, notes] of [
      ['bench corpus', corpusNotes()],
      ['conformance notes', conformanceNotes()],
    ]) {
      const chars = notes.reduce((n, x) => n + x.text.length, 0);
      const source = (p) => ({ path: p, folderName: path.dirname(p), fileName: path.basename(p) });
      const core = builds[builds.length - 1][1];
      const walked = notes.filter((n) => core.mayHoldTag(n.text) || core.mayHoldField(n.text));
      const label = `${name} (${notes.length} notes, ${(chars / 1048576).toFixed(1)} MB; ${walked.length} past the prefilter)`;
      for (const [rev, c] of builds) {
        rows.push([
          label,
          `Attune parseNote, ${rev}`,
          round(
            time(() => {
              for (const n of notes) c.parseNote(n.text, source(n.path));
            }),
            1,
          ),
        ]);
        rows.push([
          label,
          `Attune parseNote + outline, ${rev}`,
          round(
            time(() => {
              for (const n of notes) {
                c.parseNote(n.text, source(n.path));
                c.outline(n.text);
              }
            }),
            1,
          ),
        ]);
      }
      rows.push([
        label,
        'markdown-it (commonmark) on the notes past the prefilter',
        round(
          time(() => {
            for (const n of walked) commonmark.parse(n.text, {});
          }),
          1,
        ),
      ]);
      rows.push([
        label,
        'markdown-it (as VS Code: default + html) on every note',
        round(
          time(() => {
            for (const n of notes) vscodeMd.parse(n.text, {});
          }),
          1,
        ),
      ]);
    }
    rows.push(...listRows(path.join(tmp, 'conformance'), builds[builds.length - 1][1], vscodeMd, commonmark));
    console.log('\nThe markdown model: CPU ms over a whole corpus in one process, medians of ' + SAMPLES + ' runs\n');
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const r of rows) console.log(`${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${String(r[2]).padStart(8)}`);
    console.log(
      `\nmarkdown-it bundled and minified: ${mdKB.toFixed(1)} KB; node -e 'require(it)': ${loadWithNode.toFixed(0)} ms wall, bare node -e 0: ${bare.toFixed(0)} ms`,
    );
    console.log(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg()[0].toFixed(1)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench:markdown-model: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
