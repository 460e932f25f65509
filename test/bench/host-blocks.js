// @ts-check
// Says what ran during the extension host's longest blocks: reads the CPU profile and the
// blocks that test/bench/vscode-suite.js wrote (ATTUNE_BENCH_PROFILE=DIR node
// test/bench/vscode-bench.js), and for each block prints the functions that held the thread
// (their own time) and Attune's innermost function on the stack (what of Attune's was running).
// Usage: node test/bench/host-blocks.js DIR
'use strict';

const fs = require('fs');
const path = require('path');

const dir = path.resolve(process.argv[2] || 'bench-profile');
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()) {
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const blocks = JSON.parse(fs.readFileSync(path.join(dir, file.replace('.cpuprofile', '.blocks.json')), 'utf8'));
  /** @type {Map<number, any>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @param {any} n */
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url || '')}:${n.callFrame.lineNumber + 1}`;
  /** @param {number} id */
  const attune = (id) => {
    for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parent.get(at)) {
      const n = nodes.get(at);
      if (/dist[\\/]extension\.js$/.test(n.callFrame.url)) return name(n);
    }
    return '(not Attune)';
  };
  const times = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  console.log(`== ${file}`);
  // Attune's own stretches: consecutive samples with Attune on the stack (a garbage
  // collection in the middle of one counts as its), whatever the probe saw.
  /** @type {{ from: number, to: number, samples: number[] }[]} */
  const stretches = [];
  /** @type {{ from: number, to: number, samples: number[] } | undefined} */
  let open;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const ours = attune(id) !== '(not Attune)' || (open !== undefined && nodes.get(id).callFrame.functionName === '(garbage collector)');
    if (ours) {
      if (!open) stretches.push((open = { from: times[i - 1] ?? times[i], to: times[i], samples: [] }));
      open.to = times[i];
      open.samples.push(id);
    } else open = undefined;
  }
  stretches.sort((a, b) => b.to - b.from - (a.to - a.from));
  for (const s of stretches.slice(0, 5)) {
    /** @type {Map<string, number>} */
    const ours = new Map();
    for (const id of s.samples) ours.set(attune(id), (ours.get(attune(id)) ?? 0) + 1);
    const top = [...ours]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${Math.round((100 * v) / s.samples.length)}% ${k}`);
    console.log(`Attune on the thread for ${((s.to - s.from) / 1000).toFixed(1)} ms (${s.samples.length} samples): ${top.join(' | ')}`);
  }
  for (const phase of ['first', 'rescan']) {
    for (const block of blocks[phase].slice(0, 4)) {
      const from = block.endUs - block.ms * 1000 - 5000;
      /** @type {Map<string, number>} */
      const self = new Map();
      /** @type {Map<string, number>} */
      const ours = new Map();
      let n = 0;
      for (let i = 0; i < profile.samples.length; i++) {
        if (times[i] < from || times[i] > block.endUs) continue;
        n++;
        const node = nodes.get(profile.samples[i]);
        self.set(name(node), (self.get(name(node)) ?? 0) + 1);
        const a = attune(profile.samples[i]);
        ours.set(a, (ours.get(a) ?? 0) + 1);
      }
      const top = (/** @type {Map<string, number>} */ m) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([k, v]) => `${Math.round((100 * v) / Math.max(1, n))}% ${k}`);
      console.log(`${phase}: block of ${block.ms.toFixed(0)} ms (${block.cpuMs.toFixed(0)} ms on the CPU), ${n} samples`);
      console.log(`  own time: ${top(self).join(' | ')}`);
      console.log(`  Attune's innermost: ${top(ours).join(' | ')}`);
    }
  }
}
