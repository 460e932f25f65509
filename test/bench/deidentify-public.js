#!/usr/bin/env node
// The de-identifier on public labelled data nobody here wrote (issue 24, "Measure it"):
// two sets from Microsoft's presidio-research (test/bench/public/README.md: source and
// licence), and small made-up sets of notes in German, Spanish and French (issue 30, item
// 4; test/bench/languages/README.md), and PhysioNet's nursing notes when DEID_PHYSIONET names
// a copy (physionet() below). After a build (`node esbuild.js`); `node
// test/bench/deidentify-public.js [SET...]` runs the sets named (default: all). Prints, per set and Safe Harbor kind: the share
// removed, the share removed or flagged for a human look, and over all texts the share of
// ordinary words replaced and of identifier-free texts touched, and the spots flagged for a
// look (the review's load). Asserts nothing.
//
// Scoring: a labelled span is removed when none of its words (two or more letters or
// digits, less street words and titles) is left in the export; flagged when what is left
// is all among the spots the export marks to check. A date's numbers of one or two digits
// (its day, month or short year) are read where the date stands: "28" of "8/28" is left
// only when the date's own "28" is, not when a rate of 28 stands elsewhere in the note
// (the reading of rounds one to nine, where it was, is printed beside). Not scored: organisations (facility
// names are not asked for), titles, nationalities, and states, countries, plain years and
// times and ages under 90, which Safe Harbor lets stay (countries in any case; inside a
// labelled address, its state or province code and its country; the generator's "nan" for
// an empty field; the words "the corner of"). Ordinary words are the words of each text
// outside every labelled span; one is replaced when the export holds fewer of it.
'use strict';

const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..');
const core = require(path.join(REPO, 'dist', 'deidentify.js'));
const SETS = {
  'presidio-synth-v2': { file: path.join(__dirname, 'public', 'presidio-synth-v2.json'), about: 'microsoft/presidio-research synth_dataset_v2 (MIT)' },
  'presidio-generated-large': {
    file: path.join(__dirname, 'public', 'presidio-generated-large.json'),
    about: 'microsoft/presidio-research tests/data/generated_large.json (MIT), less the texts also in synth_dataset_v2',
  },
  'made-up-de': { file: path.join(__dirname, 'languages', 'de.json'), about: 'made-up German notes (this project)' },
  'made-up-es': { file: path.join(__dirname, 'languages', 'es.json'), about: 'made-up Spanish notes (this project)' },
  'made-up-fr': { file: path.join(__dirname, 'languages', 'fr.json'), about: 'made-up French notes (this project)' },
};

const KIND = {
  PERSON: 'name',
  STREET_ADDRESS: 'address',
  ADDRESS: 'address',
  GPE: 'place',
  LOCATION: 'place',
  ZIP_CODE: 'zip',
  PHONE_NUMBER: 'phone',
  EMAIL_ADDRESS: 'email',
  DOMAIN_NAME: 'url',
  IP_ADDRESS: 'ip',
  US_SSN: 'number',
  US_DRIVER_LICENSE: 'number',
  CREDIT_CARD: 'number',
  IBAN_CODE: 'number',
  AGE: 'age',
  DATE_TIME: 'date',
};
const LARGE =
  /^(?:[A-Z]{2}|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)$/;
// Street words, titles and letters after a name ("MD", "Jr"): not identifiers on their own.
// Compared without their full stops, so "P.O." is the "po" of "PO Box".
const MINOR = new Set([
  'md',
  'phd',
  'jr',
  'corner',
  'apt',
  'suite',
  'ste',
  'unit',
  'st',
  'street',
  'ave',
  'avenue',
  'rd',
  'road',
  'the',
  'of',
  'and',
  'dr',
  'mr',
  'mrs',
  'ms',
  'de',
  'la',
  'van',
  'von',
  'box',
  'po',
]);

function words(text) {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]{2,}/gu)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Every country's English name (Intl knows them), which Safe Harbor lets stay like a state. */
const COUNTRIES = new Set();
{
  // In English, and in the languages of the made-up sets ("Deutschland", "España", "Suisse").
  for (const lang of ['en', 'de', 'es', 'fr']) {
    const names = new Intl.DisplayNames([lang], { type: 'region' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const n = names.of(code);
          if (n && n !== code) COUNTRIES.add(n);
        } catch {
          // not a region code
        }
      }
    }
  }
  for (const n of ['USA', 'United States of America', 'America', 'England', 'Scotland', 'Wales', 'Great Britain', 'Czech Republic']) COUNTRIES.add(n);
  // Older and longer names the generators use ("Turkey", "Swaziland", "People's Republic of China"), and "and" for "&".
  for (const n of [
    'Turkey',
    'Swaziland',
    "People's Republic of China",
    'Republic of the Congo',
    'Democratic Republic of the Congo',
    'Kingdom of the Netherlands',
    'Federated States of Micronesia',
    'Republic of Ireland',
    'Saint Kitts and Nevis',
    'Saint Lucia',
    'Saint Vincent and the Grenadines',
    'Macedonia',
    'Burma',
    'Ivory Coast',
  ])
    COUNTRIES.add(n);
  for (const n of [...COUNTRIES]) if (n.includes('&')) COUNTRIES.add(n.replace(/&/g, 'and'));
  // The generator writes Greenland as "Greenlander" in its country slot.
  COUNTRIES.add('Greenlander');
}
const COUNTRY_LOWER = new Set([...COUNTRIES].map((c) => c.toLowerCase()));
const STATE_OR_COUNTRY = new RegExp(
  `\\b(?:${[...COUNTRIES, ...LARGE.source.slice(LARGE.source.indexOf('|') + 1, -2).split('|')].sort((a, b) => b.length - a.length).join('|')})\\b(?:\\s*\\([^)]*\\))?`,
  'gi',
);

/**
 * What Safe Harbor lets stay inside a labelled address: a state or province code, a state
 * or country (with the generator's qualifier, "Cyprus (Greek)"), and "nan", which the
 * generator writes where a field was empty (pandas' missing value), not an identifier.
 */
function allowedInAddress(value) {
  return value.replace(STATE_OR_COUNTRY, ' ').replace(/\bnan\b/g, ' ');
}

function scored(span) {
  const kind = KIND[span.entity_type];
  const v = span.entity_value.trim();
  if (!kind) return undefined;
  const bare = v.replace(/\s*\([^)]*\)$/, '');
  if (kind === 'place' && (LARGE.test(v) || COUNTRY_LOWER.has(bare.toLowerCase()) || bare === 'nan' || /^the /i.test(v))) return undefined;
  if (kind === 'age' && !(Number(v) >= 90 || /ninety|hundred/i.test(v))) return undefined;
  if (
    kind === 'date' &&
    !/\d{1,2}[/.-]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|ene|abr|ago|dic|janv|févr|fév|avr|juil|août|déc)[\p{L}]*\b.*\d|\d.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez|ene|abr|ago|dic|janv|févr|fév|avr|juil|août|déc|juin|sept)/iu.test(
      v,
    )
  )
    return undefined;
  return kind;
}

/**
 * Which characters of the input the export replaced, and which it marked for review: the
 * output's text between its placeholders is found in the input in order, and what lies
 * between is replaced; a review spot's characters are found through the same alignment. A
 * second reading beside the word count above, for long notes, where a span's number ("28"
 * of "8/28") may be left elsewhere in the note although the span itself was replaced.
 */
function replacedChars(text, out) {
  const lines = out.text.split('\n');
  const starts = [0];
  for (const l of lines) starts.push(starts[starts.length - 1] + l.length + 1);
  const holes = out.replaced
    .map((r) => starts[r.line - 1] + r.column - 1)
    .map((at, i) => [at, at + out.replaced[i].length])
    .sort((a, b) => a[0] - b[0]);
  const gone = new Uint8Array(text.length);
  // Where each character of the output came from in the input (-1: a placeholder's).
  const source = new Int32Array(out.text.length).fill(-1);
  let from = 0;
  let cursor = 0;
  for (const [a, b] of [...holes, [out.text.length, out.text.length]]) {
    const literal = out.text.slice(cursor, a);
    // The text after the last placeholder ends the input.
    const at = a === out.text.length ? (text.endsWith(literal) ? text.length - literal.length : -1) : text.indexOf(literal, from);
    if (at < from) return undefined;
    if (cursor > 0) gone.fill(1, from, at);
    for (let i = 0; i < literal.length; i++) source[cursor + i] = at + i;
    from = at + literal.length;
    cursor = b;
  }
  const marked = new Uint8Array(text.length);
  for (const c of out.check) {
    const begin = starts[c.line - 1] + c.column - 1;
    for (let o = begin; o < begin + c.length; o++) if (source[o] >= 0) marked[source[o]] = 1;
  }
  return { gone, marked };
}

/** Counts a span removed (none of its words left) or flagged (all left are marked to check); false when neither. */
function tally(counts, left, checked) {
  if (left.length === 0) counts.removed++;
  else if (left.every((w) => checked.has(w))) counts.flagged++;
  else return false;
  return true;
}

function score(name, data) {
  const kinds = {};
  let ordinary = 0;
  let replacedWords = 0;
  let free = 0;
  let touched = 0;
  // The review's load: spots flagged for a look, over all texts and in identifier-free ones.
  let spots = 0;
  let freeSpots = 0;
  let allWords = 0;
  const started = Date.now();
  const looks = [];
  let placed = 0;
  let placedMarked = 0;
  let unaligned = 0;
  const strict = { removed: 0, flagged: 0 };
  for (const r of data) {
    const text = r.full_text;
    const out = core.deidentifyText(text, '');
    const outWords = words(out.text).map((w) => w.word);
    const outCount = new Map();
    for (const w of outWords) outCount.set(w, (outCount.get(w) ?? 0) + 1);
    const lines = out.text.split('\n');
    const checked = new Set(out.check.flatMap((c) => words(lines[c.line - 1].slice(c.column - 1, c.column - 1 + c.length)).map((w) => w.word)));
    const spans = r.spans;
    const aligned = replacedChars(text, out);
    if (!aligned) unaligned++;
    spots += out.check.length;
    allWords += words(text).length;
    if (spans.every((s) => !scored(s))) {
      free++;
      freeSpots += out.check.length;
      if (out.text !== text) touched++;
    }
    for (const s of spans) {
      const kind = scored(s);
      if (!kind) continue;
      // A date's year may stay (Safe Harbor); every other part must go.
      const value = kind === 'address' || kind === 'zip' ? allowedInAddress(s.entity_value) : s.entity_value;
      const parts = words(value)
        .map((w) => w.word)
        .filter(
          (w) =>
            !MINOR.has(w.toLowerCase().replace(/\./g, '')) &&
            !(kind === 'date' && /^(?:19|20)\d\d$/.test(w)) &&
            !((kind === 'address' || kind === 'zip') && /^[A-Z]{2}$/.test(w)),
        );
      if (parts.length === 0) continue;
      kinds[kind] ??= { all: 0, removed: 0, flagged: 0 };
      kinds[kind].all++;
      const own = words(text.slice(s.start_position, s.end_position)).filter((w) => parts.includes(w.word));
      // A word's letters and digits: the hyphen of "6/30-7/2" may stay between two placeholders.
      const at = (w, seen) => {
        for (let i = s.start_position + w.start; i < s.start_position + w.end; i++) if (seen[i] !== 1 && /[\p{L}\p{N}]/u.test(text[i])) return false;
        return true;
      };
      // A date's day, month or short year (one or two digits) is read where the date stands:
      // the same number elsewhere (a rate of 28, a dose of 10) tells nothing of the date.
      const short = (w) => kind === 'date' && /^\d{1,2}$/.test(w);
      const gone = new Set(aligned ? own.filter((w) => at(w, aligned.gone)).map((w) => w.word) : []);
      const left = parts.filter((w) => outCount.has(w) && !(short(w) && gone.has(w)));
      // The stricter reading of earlier rounds, where such a number left anywhere counts.
      tally(
        strict,
        parts.filter((w) => outCount.has(w)),
        checked,
      );
      if (aligned && own.every((w) => at(w, aligned.gone))) placed++;
      else if (aligned && own.every((w) => at(w, aligned.gone) || at(w, aligned.marked))) placedMarked++;
      else if (process.env.DEID_SHOW_PLACED && looks.length < Number(process.env.DEID_SHOW_PLACED))
        looks.push(`by position: ${kind}: ${s.entity_value} | ${text.slice(Math.max(0, s.start_position - 40), s.end_position + 20).replace(/\n/g, ' ')}`);
      if (!tally(kinds[kind], left, checked) && looks.length < Number(process.env.DEID_SHOW_MISSES ?? 0))
        looks.push(`${kind}: ${s.entity_value} [left: ${left.filter((w) => !checked.has(w)).join(' ')}] in: ${out.text.slice(0, 160).replace(/\n/g, ' ')}`);
    }
    // Ordinary words: outside every labelled span.
    const inside = (w) => spans.some((s) => w.start < s.end_position && w.end > s.start_position);
    const plain = new Map();
    for (const w of words(text)) if (!inside(w)) plain.set(w.word, (plain.get(w.word) ?? 0) + 1);
    for (const [w, n] of plain) {
      ordinary += n;
      replacedWords += Math.max(0, n - (outCount.get(w) ?? 0));
    }
  }
  const pct = (a, b) => (b === 0 ? '-' : `${((a / b) * 100).toFixed(1)}%`);
  const total = Object.values(kinds).reduce((a, k) => ({ all: a.all + k.all, removed: a.removed + k.removed, flagged: a.flagged + k.flagged }), {
    all: 0,
    removed: 0,
    flagged: 0,
  });
  console.log(
    `\n${name}: ${data.length} texts of ${SETS[name].about}, ${total.all} Safe Harbor spans scored, ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  console.log('| kind | spans | removed | removed or flagged |');
  console.log('| --- | --- | --- | --- |');
  for (const [k, v] of Object.entries(kinds).sort((a, b) => b[1].all - a[1].all))
    console.log(`| ${k} | ${v.all} | ${pct(v.removed, v.all)} | ${pct(v.removed + v.flagged, v.all)} |`);
  console.log(`| all | ${total.all} | ${pct(total.removed, total.all)} (target >= 95%) | ${pct(total.removed + total.flagged, total.all)} (target >= 99%) |`);
  console.log(
    `\nRead by position (each span's own characters replaced or marked, wherever else its words are left): ${pct(placed, total.all)} removed, ${pct(placed + placedMarked, total.all)} removed or flagged${unaligned ? ` (${unaligned} texts not aligned, counted as not removed)` : ''}.`,
  );
  console.log(
    `Read as in rounds one to nine (a date's day or month counted as left wherever the same number stands in the note): ${pct(strict.removed, total.all)} removed, ${pct(strict.removed + strict.flagged, total.all)} removed or flagged.`,
  );
  console.log(`\nOrdinary words replaced: ${replacedWords} of ${ordinary}, ${pct(replacedWords, ordinary)} (target <= 1%).`);
  console.log(`Texts with no Safe Harbor identifier touched: ${touched} of ${free}, ${pct(touched, free)} (target <= 10%).`);
  console.log(
    `Spots flagged for a look: ${spots}, ${((spots / Math.max(1, allWords)) * 1000).toFixed(1)} per 1,000 words; ${freeSpots} in the texts with no identifier (${(freeSpots / Math.max(1, free)).toFixed(1)} per text).`,
  );
  for (const l of looks) console.log(l);
}

/**
 * PhysioNet's deid nursing notes (2,434 notes with surrogate identifiers, labelled by kind in
 * id-phi.phrase), read from a copy of the deid 1.1 package named by DEID_PHYSIONET: its
 * licence is not this project's, so it is not kept here. Labels scored: names of patients,
 * relatives and clinicians, dates with a day, phones, ages, and locations. A location is
 * taken for a facility's name, which the targets leave out, when a word that says so or a
 * ward number follows it ("Calvert hospital", "Quartermain 3"), it is a short code ("GH"),
 * or it is part of a hospital's name ("Holy Cross", "St. Mary's", "U Maryland").
 * Years alone ("DateYear") stay, as Safe Harbor lets them.
 */
function physionet(dir) {
  const text = fs.readFileSync(path.join(dir, 'id.text'), 'utf8');
  const notes = new Map();
  for (const m of text.matchAll(/START_OF_RECORD=(\d+)\|\|\|\|(\d+)\|\|\|\|\n([\s\S]*?)\|\|\|\|END_OF_RECORD/g))
    notes.set(`${m[1]} ${m[2]}`, { full_text: m[3], spans: [] });
  const TYPE = {
    HCPName: 'PERSON',
    PTName: 'PERSON',
    RelativeProxyName: 'PERSON',
    PTNameInitial: 'PERSON',
    Date: 'DATE_TIME',
    Phone: 'PHONE_NUMBER',
    Age: 'AGE',
    Location: 'LOCATION',
  };
  for (const line of fs.readFileSync(path.join(dir, 'id-phi.phrase'), 'utf8').split('\n')) {
    const [patient, note, start, end, type, ...value] = line.split(' ');
    const r = notes.get(`${patient} ${note}`);
    if (!r || !TYPE[type]) continue;
    const after = r.full_text.slice(Number(end), Number(end) + 16);
    const before = r.full_text.slice(Math.max(0, Number(start) - 8), Number(start));
    const v = value.join(' ');
    const facility =
      type === 'Location' &&
      (/^[\s-]*(?:hosp|hospital|rehab|medical|center|centre|clinic|memorial|general|regional|campus|er|ew|facility|\d)/i.test(after) ||
        /^[A-Z]{2,4}$|^u\s|\d$/i.test(v) ||
        /\b(?:hospital|hosp|rehab|memorial|regional|general|university|medical|sinai|adventist|campus|holy|cross|sacred|heart|st\.?|mary'?s?)(?:\s|$)/i.test(
          v,
        ) ||
        /\b(?:st\.?|holy|sacred|u)\s+$/i.test(before));
    r.spans.push({ entity_type: facility ? 'FACILITY' : TYPE[type], start_position: Number(start), end_position: Number(end), entity_value: value.join(' ') });
  }
  return [...notes.values()];
}

function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  if (process.env.DEID_PHYSIONET) SETS['physionet-nursing'] = { about: 'PhysioNet deid 1.1 nursing notes with surrogate identifiers (DEID_PHYSIONET)' };
  for (const name of names.length > 0 ? names : Object.keys(SETS)) {
    if (!SETS[name]) throw new Error(`no set ${name}; the sets: ${Object.keys(SETS).join(', ')}`);
    if (name === 'physionet-nursing') {
      score(name, physionet(process.env.DEID_PHYSIONET));
      continue;
    }
    if (!fs.existsSync(SETS[name].file)) continue;
    score(name, JSON.parse(fs.readFileSync(SETS[name].file, 'utf8')));
  }
}

main();
