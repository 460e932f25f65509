#!/usr/bin/env node
// Hostile files (issue 12), the second table of `npm run bench:hostile`: what the command
// line does with a note or a template that is a FIFO, a link to /dev/zero, or far over the
// size limit, and what `attune set` costs as a note grows (read, check, write to a temporary
// file, flush, rename). Each case runs in a child process with a time limit, so a command
// that hangs (on a FIFO) or reads forever (/dev/zero) shows as "> N s" instead of stopping
// the benchmark. Times are wall-clock ms inside the child (opening files and fsync wait on
// the disk, which CPU time would not show), median of the runs.
'use strict';

const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const MB = 1024 * 1024;
const FACTORS = [1, 2, 4, 8];
const NOTE = 'AB/2026-11-06.md';
const GOOD = '---\nclient: A.B.\n---\n## The fee conversation #rupture/open\n';

function bigNote(size) {
  const head = '## The fee conversation #rupture/open\n';
  const line = 'She said the fee felt like a door closing. é 😔\n';
  return head + line.repeat(Math.ceil((size - head.length) / Buffer.byteLength(line)));
}

const fifo = (file) => execFileSync('mkfifo', [file]);
const zero = (file) => fs.symlinkSync('/dev/zero', file);
const sparse = (size) => (file) => {
  fs.writeFileSync(file, '## Big #rupture/open\n');
  fs.truncateSync(file, size);
};
const templates = (dir) => path.join(dir, '.attune', 'templates');

/** `make(dir, n)` prepares a folder; `argv(i)` is the command of run i. `n` is undefined for fixed cases. */
const CASES = [
  {
    name: 'set: a note of n MB (read, check, write, flush, rename)',
    unit: 'MB',
    base: 0.5,
    make: (dir, n) => fs.writeFileSync(path.join(dir, NOTE), bigNote(n * MB)),
    // Alternate, so every run writes.
    argv: (i) => ['set', `${NOTE}:1`, i % 2 ? 'open' : 'planned'],
  },
  {
    name: 'set: a note over the limit (sparse file of n MB)',
    unit: 'MB',
    base: 50,
    make: (dir, n) => sparse(n * MB)(path.join(dir, NOTE)),
    argv: () => ['set', `${NOTE}:1`, 'planned'],
  },
  {
    name: 'template: a template over the limit (sparse file of n MB)',
    unit: 'MB',
    base: 25,
    make: (dir, n) => sparse(n * MB)(path.join(templates(dir), 'rupture-reflection.md')),
    argv: () => ['template', 'rupture-reflection'],
  },
  {
    name: 'checklist: a checklist template over the limit (n MB)',
    unit: 'MB',
    base: 25,
    make: (dir, n) => sparse(n * MB)(path.join(templates(dir), 'checklist.md')),
    argv: () => ['checklist', '--client', 'A.B.'],
  },
  { name: 'set: a FIFO as the note', make: (dir) => fifo(path.join(dir, 'AB', 'fifo.md')), argv: () => ['set', 'AB/fifo.md:1', 'planned'] },
  { name: 'set: a /dev/zero link as the note', make: (dir) => zero(path.join(dir, 'AB', 'zero.md')), argv: () => ['set', 'AB/zero.md:1', 'planned'] },
  {
    name: 'template: a FIFO as a template',
    make: (dir) => fifo(path.join(templates(dir), 'rupture-reflection.md')),
    argv: () => ['template', 'rupture-reflection'],
  },
  { name: 'template: a /dev/zero link as a template', make: (dir) => zero(path.join(templates(dir), 'rupture-reflection.md')), argv: () => ['template'] },
  {
    name: 'checklist: a FIFO as the checklist template',
    make: (dir) => fifo(path.join(templates(dir), 'checklist.md')),
    argv: () => ['checklist', '--client', 'A.B.'],
  },
  {
    name: 'checklist: a /dev/zero link as the checklist template',
    make: (dir) => zero(path.join(templates(dir), 'checklist.md')),
    argv: () => ['checklist', '--client', 'A.B.'],
  },
];

// --- child: runs the CLI in-process and prints the median wall time -----------------------

if (process.argv[2] === '--child') {
  const [bundle, dir, index, runs] = process.argv.slice(3);
  const { run } = require(bundle);
  const c = CASES[Number(index)];
  const times = [];
  for (let i = 0; i < Number(runs); i++) {
    const start = process.hrtime.bigint();
    run(c.argv(i), { out: () => undefined, err: () => undefined, cwd: dir, today: '2026-11-20' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(String(times[times.length >> 1]));
  process.exit(0);
}

// --- parent ---------------------------------------------------------------------------------

/** Median ms of `runs` runs of case `index` at size n, or undefined past the cap. */
function measure(bundle, tmp, index, n, runs, capS) {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  try {
    fs.mkdirSync(path.join(dir, 'AB'), { recursive: true });
    fs.mkdirSync(templates(dir), { recursive: true });
    fs.writeFileSync(path.join(dir, 'AB', '2026-11-05.md'), GOOD);
    CASES[index].make(dir, n);
    const r = spawnSync(process.execPath, [__filename, '--child', bundle, dir, String(index), String(runs)], {
      encoding: 'utf8',
      timeout: capS * 1000,
      killSignal: 'SIGKILL',
    });
    if (r.status !== 0 || r.stdout === '') return undefined;
    return Number(r.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs every case with each bundle (`[label, path]`) and returns the table rows, in the
 * shape hostile.js prints: name, 1x .. 8x, ratio per doubling, exponent.
 */
function hostileFileRows(bundles, tmp, runs, capS, only, fmtMs) {
  const rows = [];
  CASES.forEach((c, index) => {
    if (only && !c.name.includes(only)) return;
    for (const [label, bundle] of bundles) {
      process.stderr.write(`bench:hostile: ${c.name}${label ? `, ${label}` : ''}\n`);
      const sizes = c.unit ? ` (${c.base} .. ${c.base * 8} ${c.unit})` : '';
      const times = [];
      for (const f of c.unit ? FACTORS : [1]) {
        const ms = measure(bundle, tmp, index, c.unit ? c.base * f : undefined, label && label !== 'now' ? 1 : runs, capS);
        times.push(ms);
        if (ms === undefined) break;
      }
      const cells = (c.unit ? FACTORS : [1, 2, 4, 8]).map((_, i) =>
        !c.unit && i > 0 ? '' : i < times.length ? (times[i] === undefined ? `>${capS} s` : fmtMs(times[i])) : '-',
      );
      const ratios = [];
      for (let i = 1; i < times.length; i++) if (times[i] !== undefined && times[i - 1] !== undefined) ratios.push((times[i] / times[i - 1]).toFixed(1));
      const done = times.filter((t) => t !== undefined);
      const exponent = c.unit && done.length >= 2 ? (Math.log2(done[done.length - 1] / done[0]) / (done.length - 1)).toFixed(2) : c.unit ? '' : 'fixed';
      rows.push([`${c.name}${sizes}${label ? `, ${label}` : ''}`, ...cells, ratios.join(' '), exponent]);
    }
  });
  return rows;
}

module.exports = { hostileFileRows };
