#!/usr/bin/env node
// The cue-hints evaluation (issue 23), run by `npm run bench:cues` after the speed figures,
// or alone: `node test/bench/cues-eval.js`. It reads the evaluation set in
// test/bench/cues-eval/ (public text written as session notes, see its README.md) and prints:
//
// - false alarms: relationship hints per 100 lines of notes about lives and relationships
//   with others (goal at most 0.1), with every hinted line and its hand label;
// - recall: the share of passages about strain with the client's own therapist that get a
//   hint on a strained line (goal at least 40%);
// - risk: relationship hints on lines that speak of risk (goal 0), and how many got
//   safety-first instead.
//
// Figures are printed, never asserted; the run fails only when a file is missing.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { bundleExports } = require('./bundle');

const REPO = path.join(__dirname, '..', '..');
const DATA = path.join(__dirname, 'cues-eval');
/** The mark ending a strained line in strain.md. */
const STRAINED = ' \u27F5';

function pct(n, d) {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

/** Lines of a note that hold text: not blank, not a heading, not a comment or front matter. */
function textLines(text) {
  let front = false;
  let comment = false;
  return text.split('\n').filter((line, i) => {
    if (i === 0 && line === '---') return ((front = true), false);
    if (front) return line === '---' ? ((front = false), false) : false;
    if (line.startsWith('<!--')) comment = !line.includes('-->');
    else if (comment) return line.includes('-->') ? ((comment = false), false) : false;
    else return line.trim() !== '' && !/^#{1,6}\s/.test(line);
    return false;
  }).length;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-bench-cues-eval-'));
  try {
    const core = require(
      await bundleExports(
        REPO,
        ["export { builtInCues, findCues } from './src/core/cues/cues';", "export { parseNote } from './src/core/notes/note';"],
        path.join(tmp, 'core.js'),
      ),
    );
    const hintsOf = (text) => core.findCues(text, core.parseNote(text, { path: 'EVAL/eval.md', folderName: 'EVAL', fileName: 'eval.md' }), core.builtInCues());
    const labels = JSON.parse(fs.readFileSync(path.join(DATA, 'labels.json'), 'utf8'));
    const sample = Object.values(labels.sample);
    const sampleAboutWork = sample.filter((l) => l === 'about the work').length;

    // 1. False alarms on lives and relationships.
    const life = fs.readFileSync(path.join(DATA, 'life.md'), 'utf8');
    const lifeLines = life.split('\n');
    const lines = textLines(life);
    const lifeHints = hintsOf(life);
    const relationship = lifeHints.filter((h) => h.kind !== 'safety');
    const safetyOnLife = lifeHints.length - relationship.length;
    let aboutWork = 0;
    const shown = [];
    for (const h of relationship) {
      const text = lifeLines[h.line];
      const label = labels.life[text];
      if (label === 'about the work') aboutWork++;
      shown.push(`  line ${h.line + 1} ${h.cue} [${label ?? 'NOT YET LABELLED'}]: ${text.slice(0, 140)}`);
    }
    const falseAlarms = relationship.length - aboutWork;

    // 2. Recall on strain with one's own therapist: the passages the rules were tuned on, and held-out ones.
    const recall = (file) => {
      const strain = fs.readFileSync(path.join(DATA, file), 'utf8');
      const passages = strain.split(/^## /m).slice(1);
      let recalled = 0;
      const missed = [];
      for (const passage of passages) {
        const [title, ...body] = passage.split('\n');
        const marked = body.map((l) => l.endsWith(STRAINED));
        const note = `# Session\n\n${body.map((l) => (l.endsWith(STRAINED) ? l.slice(0, -STRAINED.length) : l)).join('\n')}\n`;
        const hit = hintsOf(note).some((h) => h.line >= 2 && marked[h.line - 2]);
        if (hit) recalled++;
        else missed.push(`  ${title.split(' ')[0]}: ${body.find((l) => l.endsWith(STRAINED))?.slice(0, -STRAINED.length) ?? ''}`);
      }
      return { recalled, count: passages.length, missed };
    };
    const tuned = recall('strain.md');
    const heldOut = recall('strain-2.md');
    const recalled = tuned.recalled + heldOut.recalled;
    const passages = { length: tuned.count + heldOut.count };
    const missed = [...tuned.missed, ...heldOut.missed];

    // 3. Risk: each line of risk.md speaks of risk (labelled by hand).
    const risk = fs.readFileSync(path.join(DATA, 'risk.md'), 'utf8');
    const riskLines = risk.split('\n');
    const riskHints = hintsOf(risk);
    const riskCount = textLines(risk);
    const onRisk = riskHints.filter((h) => h.kind !== 'safety' && riskLines[h.line].trim() !== '');
    const safetyLines = new Set(riskHints.filter((h) => h.kind === 'safety').map((h) => h.line)).size;

    const rows = [
      [
        'false alarms: relationship hints per 100 lines about lives and relationships',
        `${((100 * falseAlarms) / lines).toFixed(3)} (${falseAlarms} in ${lines} lines; ${relationship.length} hints, ${aboutWork} labelled about the work; ${safetyOnLife} safety-first)`,
        '<= 0.1',
        (100 * falseAlarms) / lines <= 0.1 ? 'yes' : 'NO',
      ],
      [
        'recall: strain passages with a hint on the strained line, all',
        `${pct(recalled, passages.length)} (${recalled} of ${passages.length})`,
        '>= 40%',
        recalled / passages.length >= 0.4 ? 'yes' : 'NO',
      ],
      [
        '  of them the second set (strain-2.md, written after the first tuning)',
        `${pct(heldOut.recalled, heldOut.count)} (${heldOut.recalled} of ${heldOut.count})`,
        '>= 40%',
        heldOut.recalled / heldOut.count >= 0.4 ? 'yes' : 'NO',
      ],
      [
        'risk: relationship hints on lines that speak of risk',
        `${onRisk.length} (${riskCount} lines; ${safetyLines} got safety-first)`,
        '0',
        onRisk.length === 0 ? 'yes' : 'NO',
      ],
    ];
    console.log('\nCue hints on the evaluation set (test/bench/cues-eval)\n');
    const widths = [0, 1, 2, 3].map((c) => Math.max(...[['figure', 'value', 'target', 'met?'], ...rows].map((r) => r[c].length)));
    const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    console.log(line(['figure', 'value', 'target', 'met?']));
    console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
    for (const r of rows) console.log(line(r));
    console.log(`\nHand-labelled sample of life.md: ${sample.length} lines read, ${sampleAboutWork} about the therapy relationship.`);
    if (shown.length > 0) console.log(`\nHinted lines in life.md:\n${shown.join('\n')}`);
    if (missed.length > 0) console.log(`\nStrain passages without a hint on the strained line:\n${missed.join('\n')}`);
    if (onRisk.length > 0) console.log(`\nRelationship hints on risk lines:\n${onRisk.map((h) => `  ${h.cue}: ${riskLines[h.line]}`).join('\n')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench:cues-eval: ${err instanceof Error ? err.stack || err.message : String(err)}`);
  process.exit(1);
});
