#!/usr/bin/env node
// The cue hints in German, Spanish and French (issue 30) on made-up notes, per language:
// false alarms per 100 lines of notes about lives and other people, the share of strain
// lines with a hint, and relationship hints on lines that speak of risk. Reads
// test/bench/cues-eval/languages/ (see its README.md). Figures are printed, never asserted.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { bundleExports } = require('./bundle');

const REPO = path.join(__dirname, '..', '..');
const DATA = path.join(__dirname, 'cues-eval', 'languages');

/** The text lines of a note: not blank, not a heading. */
function textLines(text) {
  return text.split('\n').filter((l) => l.trim() !== '' && !/^#{1,6}\s/.test(l)).length;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-bench-cues-lang-'));
  try {
    const core = require(
      await bundleExports(
        REPO,
        ["export { builtInCues, findCues } from './src/core/cues/cues';", "export { parseNote } from './src/core/notes/note';"],
        path.join(tmp, 'core.js'),
      ),
    );
    const hintsOf = (text) => core.findCues(text, core.parseNote(text, { path: 'EVAL/eval.md', folderName: 'EVAL', fileName: 'eval.md' }), core.builtInCues());
    const read = (file) => fs.readFileSync(path.join(DATA, file), 'utf8');
    const rows = [];
    const notes = [];
    for (const lang of ['de', 'es', 'fr']) {
      const life = read(`life-${lang}.md`);
      const lifeLines = life.split('\n');
      const hints = hintsOf(life);
      const relationship = hints.filter((h) => h.kind !== 'safety');
      for (const h of relationship) notes.push(`  ${lang} false alarm, ${h.cue}: ${lifeLines[h.line]}`);
      const lines = textLines(life);
      const strain = read(`strain-${lang}.md`);
      const strainLines = strain.split('\n');
      const hinted = new Set(
        hintsOf(strain)
          .filter((h) => h.kind !== 'safety')
          .map((h) => h.line),
      );
      const strained = strainLines.map((l, i) => [l, i]).filter(([l]) => l.trim() !== '' && !/^#/.test(l));
      for (const [l, i] of strained) if (!hinted.has(i)) notes.push(`  ${lang} missed: ${l}`);
      const found = strained.filter(([, i]) => hinted.has(i)).length;
      rows.push([
        lang,
        `${((100 * relationship.length) / lines).toFixed(2)} (${relationship.length} in ${lines} lines)`,
        `${((100 * found) / strained.length).toFixed(1)}% (${found} of ${strained.length})`,
      ]);
    }
    const risk = read('risk-all.md');
    const riskLines = risk.split('\n');
    const riskHints = hintsOf(risk);
    const onRisk = riskHints.filter((h) => h.kind !== 'safety');
    const safetyLines = new Set(riskHints.filter((h) => h.kind === 'safety').map((h) => h.line)).size;
    for (const h of onRisk) notes.push(`  relationship hint on a risk line, ${h.cue}: ${riskLines[h.line]}`);

    console.log('\nCue hints in German, Spanish and French on made-up notes (test/bench/cues-eval/languages)\n');
    const header = ['language', 'false alarms per 100 lines about lives', 'strain lines with a hint'];
    const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
    const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    console.log(line(header));
    console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
    for (const r of rows) console.log(line(r));
    console.log(`\nRisk: ${onRisk.length} relationship hints on ${textLines(risk)} lines that speak of risk; ${safetyLines} got safety-first.`);
    if (notes.length > 0) console.log(`\n${notes.join('\n')}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench:cues-eval-languages: ${err instanceof Error ? err.stack || err.message : String(err)}`);
  process.exit(1);
});
