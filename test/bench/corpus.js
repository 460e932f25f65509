#!/usr/bin/env node
// Makes a fictional corpus of session notes for the benchmark (issue 6).
//
//   node test/bench/corpus.js N [DIR]      (npm run bench:corpus -- N [DIR])
//
// N notes for about N/80 clients, one folder per client code (C001, C002, ...), files named
// YYYY-MM-DD.md over ten years, each 2-4 KB of generic, invented clinical prose. About 5% of
// the notes hold rupture entries in every status; about as many hold decoys that must not
// count (tags in fenced code, in HTML comments, in body text, `#ruptures`, `\#rupture`, code
// spans). DIR/manifest.json holds the counts Attune must find. Deterministic: the same N
// gives the same bytes. Plain Node, no dependencies. No real people, names or cases.
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const REPO = path.resolve(__dirname, '..', '..');
const DEFAULT_DIR = path.join(REPO, 'bench-corpus');
const SEED = 0x5eed_a77e;
/** Changes whenever this file changes, so run.js can tell a stale corpus. */
const GENERATOR = crypto.createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 16);

/** mulberry32: small, fast, good enough for made-up notes. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

// ---------------------------------------------------------------------------------------
// Prose. Generic, invented, warm; paraphrasing the ideas in shared/domain.md, never quoting.

const CHECK_IN = [
  'They arrived a few minutes early and said the week had been busier than expected.',
  'We began with the usual check-in; sleep has been uneven but a little better than last month.',
  'They described a calmer week at work and some tension at home around shared chores.',
  'The client said they had been looking forward to the session and had a list of things to bring.',
  'They mentioned feeling tired after a long drive and asked if we could start slowly.',
  'We reviewed the small experiment from last time; they tried it twice and noticed some relief.',
  'They reported that the mornings remain the hardest part of the day.',
  'They said a conversation with a sibling had gone better than they feared.',
  'There was a long pause before they began, and I let it be.',
  'They brought a short written reflection and read part of it aloud.',
  'They talked about a change in routine and how unsettling small changes can feel.',
  'The week included a difficult anniversary, which they wanted to acknowledge briefly.',
  'They noticed they had been more patient with themselves on two occasions this week.',
  'They described an argument that ended without repair and wondered what that said about them.',
];

const WORK = [
  'We returned to the pattern of taking on more than is sustainable and what it protects against.',
  'I invited them to slow down and notice what happened in the body as they told the story.',
  'We mapped the sequence: the trigger, the first thought, the urge, and what they actually did.',
  'They were curious about where the critical voice first appeared, and we stayed with that gently.',
  'We practised a short grounding exercise; they chose to keep their eyes open this time.',
  'I offered a tentative reflection about loneliness, and they said it fit only in part.',
  'We looked at the values they named in our first sessions and how the week lined up with them.',
  'They explored the difference between being responsible for others and being responsible to them.',
  'We talked about rest as something allowed rather than earned.',
  'I asked what they would say to a friend in the same position, and the answer was kinder.',
  'We used the chairs exercise briefly; they preferred to speak from where they were sitting.',
  'They worked on a plan for a conversation they have been avoiding, and rehearsed the first sentence.',
  'We noticed together how quickly they move to solutions when a feeling starts to rise.',
  'We spent time on the grief that sits under the anger, without trying to change either.',
  'They wondered whether their expectations of therapy are realistic, and we talked about pacing.',
  'I explained why I suggested the worksheet and asked whether it felt useful or like homework.',
  'We revisited their goals; they want to keep the focus on relationships rather than work.',
  'They described a memory from school and stopped themselves; we agreed to return to it when ready.',
];

const BETWEEN_US = [
  'The alliance felt steady today; they corrected me once and I thanked them for it.',
  'I noticed myself wanting to fix things quickly and tried to stay with the feeling instead.',
  'They laughed at one point and then checked whether that was all right; I said it was.',
  'There was warmth in the room toward the end, and a sense of working side by side.',
  'I asked for feedback at the end; they said the pace suited them and the exercise felt long.',
  'I was aware of my own tiredness in the second half and named it briefly.',
  'They seemed to be taking care of my feelings for a moment; I noticed it and turned back to them.',
  'We agreed that they can tell me when a question lands badly, even mid-sentence.',
  'I shared my reasoning before suggesting a new technique and asked for their permission.',
  'Their answers became shorter after the part about family, and I made a note to check in.',
];

const PLAN = [
  'Next session: ask about the week since, then return to the conversation they are preparing.',
  'Continue the grounding practice once a day; no pressure to record it.',
  'Check whether the goals we set still feel like theirs.',
  'Bring the question about boundaries at work back if they want to.',
  'Ask for feedback at the end of the session again.',
  'Consider taking the pacing question to supervision.',
  'Keep the focus on noticing rather than changing for now.',
  'Offer the option of a shorter session if the schedule stays this full.',
];

const RUPTURE_TITLES = [
  'Pressed advice while they needed to be heard',
  'Went too deep too soon after the family story',
  'A metaphor about home that did not land',
  'Fee policy explained too briskly',
  'Moved on from the silence too quickly',
  'My enthusiasm about the exercise',
  'Missed the cultural context of the holiday plans',
  'Talked too much in the second half',
  'Forgot the thing they had asked me to remember',
  'Directed the exercise without asking',
  'Shared about myself and they looked after me',
  'The homework felt like a test',
];

const MARKERS = ['withdrawal (moving away)', 'confrontation (moving against)', 'my own reaction (rushing)'];
const PARTS = ['helper', 'fixer', 'manager', 'protector', 'enthusiastic', 'educator'];
const OPENERS = [
  '"I\'ve been thinking about our last session, and I\'d like to hear how something I said sat with you."',
  "I've been thinking about our last session. I wonder how it felt when I moved on so quickly.",
  '"Something I said last time has stayed with me, and I would like to check in about it."',
  "I'd like to go back to a moment from last week, if that's all right with you.",
];

// What the heading of each kind of entry says, and whether it is still unrepaired.
const STATUS_FORMS = [
  { tag: '#rupture', status: 'open' },
  { tag: '#rupture/open', status: 'open' },
  { tag: '#rupture/planned', status: 'planned' },
  { tag: '#rupture/attempted', status: 'attempted' },
  { tag: '#rupture/repaired', status: 'repaired' },
  { tag: '#rupture/closed', status: 'closed' },
];

// Decoys: text that holds `#rupture` (so a plain text search finds it) and no entry.
const DECOYS = [
  // Fenced code, backticks and tildes.
  () => '```markdown\n## Example heading #rupture/open\n- **Opening line:** not a real entry\n```',
  () => '~~~\n### Template reminder #rupture/planned\n~~~',
  // HTML comment blocks, one line and several.
  () => '<!-- ## Draft, not ready to record #rupture/open -->',
  () => '<!--\n## Thinking about whether this was a rupture #rupture\nStill unsure; leaving it out for now.\n-->',
  // Mentions in body text: not headings.
  () => 'In supervision we talked about when to use the #rupture tag, and I want to use it more often.',
  () => '- Remember: a short answer or a silence is not a #rupture/open by itself.',
  // Headings that hold no tag.
  () => '## Reading on #ruptures and repair',
  () => '## Why I write \\#rupture in my notes',
  () => '## Using `#rupture/planned` in the template',
  () => '### A note on ``#rupture`` tags',
];

function sentences(rng, pool, min, max) {
  const n = Math.min(rng.int(min, max), pool.length);
  const out = [];
  while (out.length < n) {
    const s = rng.pick(pool);
    if (!out.includes(s)) out.push(s);
  }
  return out.join(' ');
}

function ruptureEntry(rng, form, level) {
  const h = '#'.repeat(level);
  const lines = [`${h} ${rng.pick(RUPTURE_TITLES)} ${form.tag}`, ''];
  lines.push(`- **What happened (just the facts):** ${rng.pick(WORK)}`);
  lines.push(`- **Markers:** ${rng.pick(MARKERS)}`);
  lines.push(`- **The part of me that led:** ${rng.pick(PARTS)}, wanting to help`);
  lines.push(`- **What may have been happening for them:** ${rng.pick(BETWEEN_US)}`);
  if (form.status !== 'closed' && rng.chance(0.6)) lines.push(`- **Opening line:** ${rng.pick(OPENERS)}`);
  if (form.status === 'attempted' || form.status === 'repaired') {
    lines.push('', `${h}# Repair attempt`, '', `- **How it landed:** ${rng.pick(BETWEEN_US)}`);
  }
  if (form.status === 'closed') {
    lines.push('', `${h}# Closing without repair`, '', '- **Why:** on reflection it was not a rupture');
  }
  return lines.join('\n');
}

/**
 * One note as text, with what it holds. `kind` is 'plain', 'rupture' or 'decoy'.
 * `targetBytes` is the size the prose grows to before the entries and decoys go in.
 */
function makeNote(rng, { client, date, session, kind, targetBytes }) {
  const parts = [`---\nclient: ${client}\ndate: ${date}\nsession: ${session}\n---\n`, `# Session ${session}, ${date}\n`];
  const sections = [
    ['## Check-in', CHECK_IN],
    ['## What we worked on', WORK],
    ['## Between us', BETWEEN_US],
    ['## Plan', PLAN],
  ];
  const bodies = sections.map(([, pool]) => [sentences(rng, pool, 2, 4)]);
  let size = parts.join('\n').length + bodies.flat().join('\n\n').length;
  while (size < targetBytes) {
    const s = rng.int(0, 2); // The plan stays short.
    const para = sentences(rng, sections[s][1], 3, 5);
    bodies[s].push(para);
    size += para.length + 2;
  }
  const entries = [];
  const extra = [];
  if (kind === 'rupture') {
    const count = rng.chance(0.8) ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const form = rng.pick(STATUS_FORMS);
      // Most entries are sub-sections of "Between us"; some stand alone at level 2.
      const level = rng.chance(0.7) ? 3 : 2;
      extra.push({ level, text: ruptureEntry(rng, form, level) });
      entries.push(form.status);
    }
  }
  const decoys = [];
  if (kind === 'decoy' || (kind === 'rupture' && rng.chance(0.3))) {
    const count = rng.int(1, 3);
    for (let i = 0; i < count; i++) decoys.push(rng.pick(DECOYS)());
  }
  for (let s = 0; s < sections.length; s++) {
    parts.push(sections[s][0] + '\n');
    const paras = bodies[s].slice();
    // Decoys go into the prose of the first sections, where they are easy to miss.
    if (s < 2) for (let d = s; d < decoys.length; d += 2) paras.splice(rng.int(0, paras.length), 0, decoys[d]);
    parts.push(paras.join('\n\n') + '\n');
    if (s === 2) for (const e of extra.filter((x) => x.level === 3)) parts.push(e.text + '\n');
  }
  for (const e of extra.filter((x) => x.level === 2)) parts.push(e.text + '\n');
  return { text: parts.join('\n'), entries };
}

/** Lines holding `#rupture` (case-sensitive): what `rg -c '#rupture'` adds up. */
function rawLines(text) {
  let n = 0;
  for (const line of text.split('\n')) if (line.includes('#rupture')) n++;
  return n;
}

function isoDate(day) {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Plans every note (client, date, kind) without writing anything. */
function plan(n) {
  const rng = prng(SEED ^ n);
  const clientCount = Math.max(1, Math.round(n / 80));
  const notes = [];
  const perClient = [];
  for (let c = 0; c < clientCount; c++) perClient.push(Math.floor(n / clientCount) + (c < n % clientCount ? 1 : 0));
  const span = 3652; // Ten years of days from 2015-01-01.
  for (let c = 0; c < clientCount; c++) {
    const client = `C${String(c + 1).padStart(3, '0')}`;
    const count = perClient[c];
    // Weekly, with gaps; a client seen for longer than ten years is squeezed to fit.
    const step = Math.max(1, Math.min(7, Math.floor(span / Math.max(1, count))));
    const length = count * step + Math.floor(count * 0.3) * step;
    let day = rng.int(0, Math.max(0, span - length));
    for (let s = 1; s <= count; s++) {
      notes.push({ client, date: isoDate(day), session: s });
      day += step * (rng.chance(0.15) ? 2 : 1);
    }
  }
  return { rng, clientCount, notes };
}

/** Writes the corpus and its manifest. Returns the manifest. */
function generate(n, dir) {
  const { rng, clientCount, notes } = plan(n);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const byStatus = { open: 0, planned: 0, attempted: 0, repaired: 0, closed: 0 };
  let totalBytes = 0;
  let rgLines = 0;
  let rgFiles = 0;
  let ruptureNotes = 0;
  let decoyNotes = 0;
  const typical = [];
  const made = new Set();
  for (const meta of notes) {
    const roll = rng.next();
    const kind = roll < 0.05 ? 'rupture' : roll < 0.1 ? 'decoy' : 'plain';
    const targetBytes = rng.int(1900, 3500);
    const note = makeNote(rng, { ...meta, kind, targetBytes });
    const folder = path.join(dir, meta.client);
    if (!made.has(folder)) {
      fs.mkdirSync(folder);
      made.add(folder);
    }
    const rel = `${meta.client}/${meta.date}.md`;
    fs.writeFileSync(path.join(dir, rel), note.text);
    totalBytes += Buffer.byteLength(note.text);
    const raw = rawLines(note.text);
    rgLines += raw;
    if (raw > 0) rgFiles++;
    if (kind === 'rupture') ruptureNotes++;
    if (kind === 'decoy') decoyNotes++;
    for (const s of note.entries) byStatus[s]++;
    if (kind === 'rupture' && typical.length < 50) typical.push(rel);
  }
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const manifest = {
    generator: GENERATOR,
    seed: SEED,
    notes: notes.length,
    clients: clientCount,
    totalBytes,
    meanBytes: Math.round(totalBytes / Math.max(1, notes.length)),
    ruptureNotes,
    decoyNotes,
    expected: {
      unrepaired: byStatus.open + byStatus.planned + byStatus.attempted,
      entries: total,
      byStatus,
      // What a plain text search for the tag finds: every entry plus the decoys.
      rgMatchingLines: rgLines,
      rgMatchingFiles: rgFiles,
    },
    // Notes with rupture entries, for the re-index figure.
    sampleRuptureNotes: typical,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * A long note for the code-lens figure: `lineCount` lines, a rupture heading about every
 * 40 lines in every status (with sub-sections, openers and decoys in between).
 */
function makeLongNote(lineCount = 20000) {
  const rng = prng(SEED ^ lineCount);
  const lines = ['---', 'client: C001', 'date: 2024-05-14', '---', '', '# A long running journal', ''];
  const headingLines = [];
  let block = 0;
  while (lines.length < lineCount) {
    block++;
    const form = STATUS_FORMS[block % STATUS_FORMS.length];
    const chunk = [];
    if (block % 3 === 0) chunk.push(`## Session ${block}`, '', sentences(rng, CHECK_IN, 2, 4), '');
    headingLines.push(lines.length + chunk.length);
    chunk.push(...ruptureEntry(rng, form, block % 3 === 0 ? 3 : 2).split('\n'), '');
    if (block % 4 === 0) chunk.push(...rng.pick(DECOYS)().split('\n'), '');
    while (chunk.length < 40) chunk.push(sentences(rng, WORK, 1, 3), '');
    lines.push(...chunk);
  }
  lines.length = lineCount;
  // An entry cut short by the truncation still counts if its heading survived.
  return { text: lines.join('\n'), entries: headingLines.filter((l) => l < lineCount).length };
}

module.exports = { generate, makeLongNote, plan, GENERATOR, DEFAULT_DIR };

if (require.main === module) {
  const [nArg, dirArg] = process.argv.slice(2);
  const n = Number(nArg);
  if (!Number.isInteger(n) || n < 1) {
    console.error('usage: node test/bench/corpus.js N [DIR]   (N notes; DIR defaults to bench-corpus/ at the repo root)');
    process.exit(2);
  }
  const dir = path.resolve(dirArg ?? DEFAULT_DIR);
  const started = Date.now();
  const m = generate(n, dir);
  console.log(
    `Wrote ${m.notes} notes for ${m.clients} clients (${(m.totalBytes / 1048576).toFixed(1)} MB, mean ${m.meanBytes} bytes) to ${dir} in ${Date.now() - started} ms.`,
  );
  console.log(
    `Expected: ${m.expected.entries} rupture entries, ${m.expected.unrepaired} unrepaired; ` +
      `a text search finds ${m.expected.rgMatchingLines} lines in ${m.expected.rgMatchingFiles} files. Manifest: ${path.join(dir, 'manifest.json')}`,
  );
}
