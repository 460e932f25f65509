// @ts-check
// A corpus of made-up session notes for measuring `attune deidentify` (issue 15). Every
// name, place, number and date in it is invented (faker, seeded, so the corpus is the
// same on every run). Each note records what was planted in it: identifiers that must go,
// and ordinary text that must stay (clinical words, fees, scores, weekdays, languages,
// holidays, faith words, therapy acronyms, Zoom, the rupture's title).
//
// Used by test/bench/deidentify.js (the figures) and test/unit/deidentifyCorpus.test.ts.
'use strict';

const { faker } = require('@faker-js/faker');

/** @typedef {'client'|'name'|'place'|'address'|'zip'|'date'|'phone'|'email'|'url'|'ip'|'number'|'age'} Kind */
/** @typedef {{ kind: Kind, value: string }} Planted */
/** @typedef {{ value: string, what: string }} Ordinary */
/** @typedef {{ text: string, client: string, identifiers: Planted[], ordinary: Ordinary[], sentences: string[] }} CorpusNote */

const KINDS = /** @type {Kind[]} */ (['client', 'name', 'place', 'address', 'zip', 'date', 'phone', 'email', 'url', 'ip', 'number', 'age']);

/** Given names that are also ordinary words: a name only when the context says so. */
const WORD_NAMES = ['Grace', 'Hope', 'Rose', 'Joy', 'Will', 'Mark', 'Dawn', 'Iris', 'Ruby', 'Jack', 'Amber', 'Heath', 'Lily', 'Violet', 'Hunter', 'Pearl'];

const TITLES = [
  'Suggested a movement exercise too soon',
  'The fee conversation landed coldly',
  'Pushed the homework before she was ready',
  'My good session was not hers',
  'Talked over her grief with psychoeducation',
  'A metaphor about home that hurt',
  'Started late and rushed the ending',
];

const ORDINARY_SENTENCES = [
  ['We met on Zoom on Monday and she seemed flat.', ['Zoom', 'Monday']],
  ['I tried EMDR too soon, before her protective parts agreed.', ['EMDR', 'protective parts']],
  ['Her IFS work with the manager part went slowly.', ['IFS', 'manager part']],
  ['She asked whether CBT or DBT would suit her better.', ['CBT', 'DBT']],
  ['We talked about ACT and values for a while.', ['ACT']],
  ['The fee is $120 a session and she asked about a sliding scale.', ['$120']],
  ['Her score was 34/40 this week, down from 37/40.', ['34/40', '37/40']],
  ['This was session 12, and she came back after Thursday.', ['session 12', 'Thursday']],
  ['She prays in Spanish and reads the Bible every night.', ['Spanish', 'Bible']],
  ['Christmas is hard for her since 2019.', ['Christmas', 'since 2019']],
  ['During Ramadan she is tired in the afternoons.', ['Ramadan']],
  ['Her faith and her church community carry her.', ['faith', 'church']],
  ['She said God feels far away right now.', ['God']],
  ['Thanksgiving with the family went better than she expected.', ['Thanksgiving']],
  ['She speaks Tagalog at home and English at work.', ['Tagalog', 'English']],
  ['Diwali and Passover both came up when we talked about food.', ['Diwali', 'Passover']],
  ['I noticed withdrawal markers: minimal answers and polite nods.', ['withdrawal', 'polite nods']],
  ['There was confrontation about the cancellation policy.', ['confrontation', 'cancellation policy']],
  ['I owned my part and thanked her for the correction.', ['owned my part', 'correction']],
  ['Grounding helped before we returned to the rupture.', ['Grounding', 'rupture']],
  ['She called it a misattunement, not a disaster.', ['misattunement']],
  ['We will check the alliance again on Friday over FaceTime.', ['alliance', 'Friday', 'FaceTime']],
  ['In 2024 she started seeing a psychiatrist for the first time.', ['In 2024', 'psychiatrist']],
  ['She follows a Buddhist teacher on Instagram.', ['Buddhist', 'Instagram']],
  ['Her mother speaks Mandarin and Cantonese.', ['Mandarin', 'Cantonese']],
  ['Mom called after the session, and Dad stayed quiet.', ['Mom', 'Dad']],
  ["She went to an AA meeting before Easter and again on Mother's Day.", ['AA meeting', 'Easter', "Mother's Day"]],
  ['Medicaid covers twelve sessions this year.', ['Medicaid', 'twelve sessions']],
  ['Her Lyft driver was late, so the Tuesday session started at ten past.', ['Lyft', 'Tuesday']],
  ['The New Year is when the grief comes back.', ['New Year', 'grief']],
  ['I felt my Fixer part take over, then my Educator.', ['Fixer', 'Educator']],
];

/** @param {number} n @returns {string} */
function pad(n) {
  return String(n).padStart(2, '0');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function aDate() {
  const d = faker.date.between({ from: '1950-01-01', to: '2026-12-31' });
  const y = d.getFullYear();
  const m = d.getMonth();
  const day = d.getDate();
  const th = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return faker.helpers.arrayElement([
    `${pad(m + 1)}/${pad(day)}/${y}`,
    `${m + 1}/${day}/${y}`,
    `${y}-${pad(m + 1)}-${pad(day)}`,
    `${MONTHS[m]} ${day}`,
    `${MONTHS[m]} ${day}, ${y}`,
    `${day} ${MONTHS[m]}`,
    `${day} ${MONTHS[m]} ${y}`,
    `${SHORT[m]} ${day}${th}`,
  ]);
}

function aPhone() {
  const area = faker.helpers.arrayElement(['212', '312', '415', '503', '617', '713', '206', '404']);
  const n = () => faker.string.numeric(3);
  const last = () => faker.string.numeric(4);
  return faker.helpers.arrayElement([
    `(${area}) ${n()}-${last()}`,
    `${area}-${n()}-${last()}`,
    `${area}.${n()}.${last()}`,
    `+1 ${area} ${n()} ${last()}`,
    `1-${area}-${n()}-${last()}`,
    `${area}-555-01${faker.string.numeric(2)}`,
    `(${area}) ${n()}-${last()} x${faker.string.numeric(3)}`,
  ]);
}

function aNumber() {
  const digits = (k) => faker.string.numeric({ length: k, allowLeadingZeros: true });
  const [label, value] = faker.helpers.arrayElement([
    ['SSN', `${digits(3)}-${digits(2)}-${digits(4)}`],
    ['social security number', `${digits(3)}-${digits(2)}-${digits(4)}`],
    ['MRN:', digits(8)],
    ['medical record number', digits(7)],
    ['account number', `${digits(4)}-${digits(4)}`],
    ['policy no.', `${faker.string.alpha({ length: 2, casing: 'upper' })}-${digits(6)}`],
    ["driver's license", `${faker.string.alpha({ length: 1, casing: 'upper' })}${digits(7)}`],
    ['licence plate', `${digits(1)}${faker.string.alpha({ length: 3, casing: 'upper' })}${digits(3)}`],
    ['Medicaid ID', `${faker.string.alpha({ length: 2, casing: 'upper' })}${digits(8)}`],
    ['record', `#${digits(6)}`],
  ]);
  return { label, value: value.replace(/^#/, ''), shown: value };
}

function aClientCode() {
  return faker.helpers.arrayElement([
    () => `${faker.string.alpha({ length: 1, casing: 'upper' })}.${faker.string.alpha({ length: 1, casing: 'upper' })}.`,
    () => `C-${faker.string.numeric(3)}`,
    () => `${faker.string.alpha({ length: 2, casing: 'upper' })}${faker.string.numeric(2)}`,
  ])();
}

const STATES = ['IL', 'OH', 'TX', 'CA', 'NY', 'WA', 'GA', 'MN', 'OR', 'PA'];

/**
 * Sentences with identifiers. Each returns the sentence and what it planted.
 * @type {((ctx: { client: string, first: string, last: string, wordName: string }) => [string, Planted[]])[]}
 */
const IDENTIFIER_SENTENCES = [
  ({ first, last }) => [
    `My sister ${first} ${last} came up again.`.replace('My', 'Her'),
    [
      { kind: 'name', value: first },
      { kind: 'name', value: last },
    ],
  ],
  ({ last }) => [`She mentioned Dr. ${last} from the clinic.`, [{ kind: 'name', value: last }]],
  ({ wordName }) => [`Her daughter, ${wordName}, has been struggling at school.`, [{ kind: 'name', value: wordName }]],
  ({ first, last }) => [
    `${first} ${last} called her twice this week.`,
    [
      { kind: 'name', value: first },
      { kind: 'name', value: last },
    ],
  ],
  ({ first, last }) => [
    `She had coffee with ${first} ${last} after work.`,
    [
      { kind: 'name', value: first },
      { kind: 'name', value: last },
    ],
  ],
  ({ last }) => [`Mrs. ${last} at the front desk was kind to her.`, [{ kind: 'name', value: last }]],
  ({ first }) => [`Her best friend ${first} never listens, she said.`, [{ kind: 'name', value: first }]],
  // Harder: a name with no title or relation beside it.
  ({ first }) => [`${first} thinks the sessions are too long.`, [{ kind: 'name', value: first }]],
  ({ first }) => [`She and ${first} argued about money again.`, [{ kind: 'name', value: first }]],
  ({ wordName }) => [`${wordName} called on Sunday to check on her.`, [{ kind: 'name', value: wordName }]],
  ({ first, last }) => [
    `Her boss, ${first} ${last}, moved the deadline again.`,
    [
      { kind: 'name', value: first },
      { kind: 'name', value: last },
    ],
  ],
  ({ wordName }) => [`Her son ${wordName} is starting college.`, [{ kind: 'name', value: wordName }]],
  () => {
    const city = faker.location.city();
    return [`She grew up in ${city} and left at eighteen.`, [{ kind: 'place', value: city }]];
  },
  () => {
    const city = faker.location.city();
    return [`They moved to ${city} last spring.`, [{ kind: 'place', value: city }]];
  },
  () => {
    const city = faker.location.city();
    const st = faker.helpers.arrayElement(STATES);
    const zip = faker.location.zipCode('#####');
    return [
      `Her parents still live in ${city}, ${st} ${zip}.`,
      [
        { kind: 'place', value: city },
        { kind: 'zip', value: zip },
      ],
    ];
  },
  () => {
    const city = faker.location.city();
    return [`She drove back from ${city} on her own.`, [{ kind: 'place', value: city }]];
  },
  // Harder: a town with only "to", or nothing, before it.
  () => {
    const city = faker.location.city();
    return [`The drive to ${city} takes an hour each way.`, [{ kind: 'place', value: city }]];
  },
  () => {
    const city = faker.location.city();
    return [`She misses ${city} in the winter.`, [{ kind: 'place', value: city }]];
  },
  () => {
    const a = faker.location.streetAddress(faker.datatype.boolean());
    return [`She now lives at ${a} with two roommates.`, [{ kind: 'address', value: a }]];
  },
  () => {
    const zip = faker.location.zipCode(faker.helpers.arrayElement(['#####', '#####-####']));
    return [`Her zip code is ${zip}, for the insurance form.`, [{ kind: 'zip', value: zip }]];
  },
  () => {
    const d = aDate();
    return [`On ${d} she missed the session without a word.`, [{ kind: 'date', value: d }]];
  },
  () => {
    const d = aDate();
    return [`Her father died on ${d}, and the anniversary is close.`, [{ kind: 'date', value: d }]];
  },
  () => {
    const d = aDate();
    return [`The court date is ${d}.`, [{ kind: 'date', value: d }]];
  },
  () => {
    const p = aPhone();
    return [`She left a message from ${p} late at night.`, [{ kind: 'phone', value: p }]];
  },
  () => {
    const p = aPhone();
    return [`Her cell is ${p} if the session moves.`, [{ kind: 'phone', value: p }]];
  },
  () => {
    const e = faker.internet.email();
    return [`She wrote to me from ${e} about the fee.`, [{ kind: 'email', value: e }]];
  },
  () => {
    const u = faker.helpers.arrayElement([faker.internet.url(), `www.${faker.internet.domainName()}`, `${faker.internet.domainName()}/${faker.lorem.word()}`]);
    return [`She shared her blog, ${u}, where she writes about it.`, [{ kind: 'url', value: u.replace(/\/$/, '') }]];
  },
  () => {
    const ip = faker.datatype.boolean(0.8) ? faker.internet.ipv4() : faker.internet.ipv6();
    return [`The telehealth log showed a login from ${ip}.`, [{ kind: 'ip', value: ip }]];
  },
  () => {
    const { label, value, shown } = aNumber();
    return [`Her ${label} ${shown} was on the letter.`, [{ kind: 'number', value }]];
  },
  () => {
    const n = String(faker.number.int({ min: 90, max: 104 }));
    return [`Her grandmother is ${n} years old and lives alone.`, [{ kind: 'age', value: `${n} years old` }]];
  },
  () => {
    const n = String(faker.number.int({ min: 90, max: 104 }));
    return [`A ${n}-year-old neighbour checks on her.`, [{ kind: 'age', value: `${n}-year-old` }]];
  },
  () => {
    const n = String(faker.number.int({ min: 90, max: 104 }));
    return [`Her grandfather turned ${n} in the spring.`, [{ kind: 'age', value: `turned ${n}` }]];
  },
  ({ client }) => [`${client} arrived a little late and apologised.`, [{ kind: 'client', value: client }]],
  ({ client }) => [`I asked ${client} how the last session felt.`, [{ kind: 'client', value: client }]],
];

/**
 * Makes `count` notes. Each has front matter, a session heading, a rupture heading, and
 * sentences mixing identifiers and ordinary text. The same person comes back under part
 * of their name, to test numbering.
 * @param {number} count
 * @param {number} [seed]
 * @returns {CorpusNote[]}
 */
function makeCorpus(count, seed = 15) {
  faker.seed(seed);
  /** @type {CorpusNote[]} */
  const notes = [];
  for (let i = 0; i < count; i++) {
    const client = aClientCode();
    const title = TITLES[i % TITLES.length];
    /** @type {Planted[]} */
    const identifiers = [];
    /** @type {Ordinary[]} */
    const ordinary = [{ value: title, what: 'the rupture title' }];
    const lines = ['---', `client: ${client}`, `date: 2026-11-${pad((i % 28) + 1)}`, '---', '', `# Session 2026-11-${pad((i % 28) + 1)}`, ''];
    const sentences = [];
    const order = faker.helpers.shuffle(IDENTIFIER_SENTENCES.map((_, k) => k)).slice(0, 16);
    const ords = faker.helpers.shuffle(ORDINARY_SENTENCES.map((_, k) => k)).slice(0, 8);
    const mix = [...order.map((k) => ({ id: k })), ...ords.map((k) => ({ ord: k }))];
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const ctx = { client, first, last, wordName: faker.helpers.arrayElement(WORD_NAMES) };
    for (const item of faker.helpers.shuffle(mix)) {
      if ('id' in item) {
        const [s, planted] = IDENTIFIER_SENTENCES[item.id](ctx);
        sentences.push(s);
        identifiers.push(...planted);
      } else {
        const [s, kept] = ORDINARY_SENTENCES[item.ord];
        sentences.push(s);
        for (const v of kept) ordinary.push({ value: v, what: 'ordinary' });
      }
    }
    // The first name alone, later: the same person, the same number.
    sentences.push(`Later ${first} texted to say sorry.`);
    identifiers.push({ kind: 'name', value: first });
    lines.push(`## ${title} #rupture/open`, '');
    lines.push(`- **What happened (just the facts):** ${sentences.slice(0, 5).join(' ')}`);
    lines.push(`- **What may have been happening for them:** ${sentences.slice(5, 12).join(' ')}`);
    lines.push(`- **Take it to supervision?** yes`, '', '## Next time', '', sentences.slice(12).join(' '), '');
    notes.push({ text: lines.join('\n'), client, identifiers, ordinary, sentences });
  }
  return notes;
}

/** @param {string} s */
function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How often `value` appears in `text` as a whole (not inside a longer word or number). */
function occurrences(text, value) {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, 'gu');
  return (text.match(re) ?? []).length;
}

/**
 * Scores one export: per kind, how many planted identifiers were removed; how many
 * ordinary phrases survived; and how many words of the ordinary sentences survived.
 * @param {CorpusNote} note
 * @param {string} output
 */
function score(note, output) {
  /** @type {Record<string, { planted: number, found: number }>} */
  const kinds = {};
  const seen = new Map();
  for (const p of note.identifiers) {
    const key = `${p.kind}\u0000${p.value}`;
    if (seen.has(key)) continue;
    const planted = note.identifiers.filter((q) => q.kind === p.kind && q.value === p.value).length;
    seen.set(key, planted);
    const before = occurrences(note.text, p.value);
    const after = occurrences(output, p.value);
    // The front matter is left out of the export: count only the body's occurrences.
    const front = occurrences(note.text.slice(0, note.text.indexOf('\n---', 3) + 4), p.value);
    const inBody = before - front;
    const found = Math.max(0, Math.min(planted, inBody - after));
    const k = (kinds[p.kind] ??= { planted: 0, found: 0 });
    k.planted += planted;
    k.found += found;
  }
  let ordinaryPlanted = 0;
  let ordinaryKept = 0;
  for (const o of note.ordinary) {
    ordinaryPlanted++;
    if (occurrences(output, o.value) >= 1) ordinaryKept++;
  }
  let words = 0;
  let wordsKept = 0;
  for (const [s] of ORDINARY_SENTENCES) {
    if (!note.sentences.includes(s)) continue;
    for (const w of s.match(/[\p{L}\p{N}$/']+/gu) ?? []) {
      words++;
      if (occurrences(output, w) >= 1) wordsKept++;
    }
  }
  return { kinds, ordinaryPlanted, ordinaryKept, words, wordsKept };
}

/**
 * A note of about `words` words made of corpus sentences, for timing.
 * @param {number} words
 */
function longNote(words) {
  const notes = makeCorpus(12, 99);
  const parts = ['---', `client: ${notes[0].client}`, 'date: 2026-11-13', '---', '', '# Session 2026-11-13', '', `## ${TITLES[0]} #rupture/open`, ''];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = notes[Math.floor(i / 20) % notes.length].sentences[i % 20] ?? ORDINARY_SENTENCES[i % ORDINARY_SENTENCES.length][0];
    parts.push(`- ${s}`);
    count += s.split(/\s+/).length;
  }
  return { text: parts.join('\n') + '\n', words: count };
}

module.exports = { KINDS, makeCorpus, score, longNote, occurrences };
