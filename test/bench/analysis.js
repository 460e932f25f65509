// @ts-check
// Issue 27, item 5: what a lens request costs on a 20,000-line note, before and after the
// editor kept one analysis per document version. Prints figures; asserts nothing about time.
//
//   node test/bench/analysis.js
//
// "Before" is what each request computed until now beside the workspace's cached parse: the
// checklist section (anchors for every heading, the inline parser on each) and the outline,
// both from the document's text. "After" is NoteAnalysis: the first request on a version
// builds the anchors once and takes the outline from the parse; later requests on the same
// version find it cached and build nothing.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { bundleExports } = require('./bundle');
const { makeLongNote } = require('./corpus');

const REPO = path.resolve(__dirname, '..', '..');
const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-bench-analysis-'));
  try {
    const core = require(
      await bundleExports(
        REPO,
        [
          "export { parseNote } from './src/core/notes/note';",
          "export { outline } from './src/core/markdown/outline';",
          "export { checklistProgress } from './src/core/checklist/progress';",
          "export { NoteAnalysis } from './src/core/checklist/analysis';",
        ],
        path.join(tmp, 'core.js'),
      ),
    );
    const long = makeLongNote(20000);
    // A prepared note: its checklist section sits at the top, as Prepare for Session puts it.
    const text = long.text.replace(
      '# A long running journal\n',
      '# A long running journal\n\n## Before the session\n\n- [x] Breathe first.\n- [ ] Read last week.\n',
    );
    const source = { path: 'C001/2024-05-14.md', folderName: 'C001', fileName: '2024-05-14.md' };
    const note = core.parseNote(text, source);

    const before = () => {
      const progress = core.checklistProgress(text);
      return [progress, core.outline(text).length];
    };
    const counts = { analyses: 0, anchorBuilds: 0 };
    /** @type {Map<string, { version: number; analysis: any }>} */
    const cache = new Map();
    const after = (version) => {
      const hit = cache.get(source.path);
      if (hit && hit.version === version && hit.analysis.note === note) return [hit.analysis.checklist, hit.analysis.outline.length];
      const analysis = new core.NoteAnalysis(text, note, counts);
      cache.set(source.path, { version, analysis });
      return [analysis.checklist, analysis.outline.length];
    };

    const REQUESTS = 25;
    for (let i = 0; i < 5; i++) before();
    const beforeTimes = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = now();
      before();
      beforeTimes.push(now() - t);
    }
    // A new version each time: what the first request after an edit costs.
    const firstTimes = [];
    for (let v = 0; v < REQUESTS; v++) {
      const t = now();
      after(v);
      firstTimes.push(now() - t);
    }
    const built = { ...counts };
    // The same version again and again: what VS Code's repeated requests cost.
    const sameTimes = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t = now();
      after(REQUESTS - 1);
      sameTimes.push(now() - t);
    }
    const rows = [
      ['note', `${text.split('\n').length} lines, ${note.entries.length} ruptures, ${note.headings.length} headings`],
      ['before: each lens request (anchors + outline from the text)', `${round(median(beforeTimes))} ms median, an anchor build every request`],
      ['after: first request on a new version', `${round(median(firstTimes))} ms median (${built.anchorBuilds} anchor builds for ${REQUESTS} versions)`],
      [
        'after: request on an unchanged version',
        `${round(median(sameTimes), 4)} ms median; ${counts.analyses - built.analyses} analyses, ${counts.anchorBuilds - built.anchorBuilds} anchor builds, 0 parses for ${REQUESTS} requests`,
      ],
    ];
    for (const [what, figure] of rows) console.log(`${what.padEnd(62)} ${figure}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
