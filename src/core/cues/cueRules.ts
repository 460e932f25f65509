/**
 * The rules that decide whether cue words found in a note are about the work: who is
 * speaking (the therapist's own narrative, or someone's words in quotation marks), about
 * whom, and whether the sentence speaks of risk. See docs/cue-hints.md for the rules in
 * plain words, each with an example that fires and one that stays silent.
 *
 * Reading is local and bounded: a paragraph (the run of ordinary lines around a cue, at
 * most MAX_PARAGRAPH_LINES) is scanned once for its quotes, and a sentence is looked for at
 * most MAX_SENTENCE characters either side, so a hostile note costs time in proportion to
 * its length.
 */
import type { Line } from '../markdown/lines';
import type { CueRule } from './cuePhrases';
import { hasRiskLanguage } from '../safety/riskLanguage';

const MAX_PARAGRAPH_LINES = 60;
const MAX_SENTENCE = 600;
/** A quoted reply this short (in words) is a reply in the session, about the work. */
const SHORT_QUOTE_WORDS = 8;

/** One quotation in a paragraph: its opening mark, its closing mark (or the paragraph's end), how deep it sits. */
interface Quote {
  readonly open: number;
  close: number;
  readonly depth: number;
  /** Index of the quote it sits in, or -1. */
  readonly parent: number;
  readonly mark: string;
  /** Whether a closing mark was found. */
  closed: boolean;
  /** Whose words these are, worked out on first need. */
  speaker?: 'client' | 'other';
}

interface Paragraph {
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly quotes: Quote[];
  /** The quote each closing mark closes, by the mark's offset. */
  readonly closes: Map<number, Quote>;
}

const QUOTE_MARKS = /["'\u2018\u2019\u201A\u201C\u201D\u201E\u00AB\u00BB\u2039\u203A]/g;
/** The same marks, for a test of one character before a look-up of the quotes. */
const QUOTE_MARK = new Set(['"', "'", '\u2018', '\u2019', '\u201A', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2039', '\u203A']);
const OPENERS: Readonly<Record<string, string>> = { '\u201C': '\u201D', '\u00AB': '\u00BB', '\u2039': '\u203A', '\u201E': '\u201C' };
const LETTER = /[0-9A-Za-z\u00C0-\u024F\u0370-\u1FFF]/;

function isLetter(c: string | undefined): boolean {
  return c !== undefined && LETTER.test(c);
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00A0';
}

/** A note's text with its lines, read paragraph by paragraph as cues ask. */
export class NoteText {
  private paragraph: Paragraph | undefined;

  constructor(
    readonly text: string,
    readonly lines: readonly Line[],
    private readonly ordinary: Uint8Array,
  ) {}

  private blank(index: number): boolean {
    const line = this.lines[index];
    return this.text.slice(line.start, line.end).trim() === '';
  }

  /** A line that starts a block of its own: a heading or a list item. */
  private opensBlock(index: number): boolean {
    const line = this.lines[index];
    return /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>)/.test(this.text.slice(line.start, Math.min(line.end, line.start + 16)));
  }

  paragraphOf(index: number): Paragraph {
    const cached = this.paragraph;
    if (cached && index >= cached.first && index <= cached.last) return cached;
    let first = index;
    while (first > 0 && index - first < MAX_PARAGRAPH_LINES && !this.opensBlock(first) && this.ordinary[first - 1] && !this.blank(first - 1)) first--;
    let last = index;
    while (last + 1 < this.lines.length && last - index < MAX_PARAGRAPH_LINES && this.ordinary[last + 1] && !this.blank(last + 1) && !this.opensBlock(last + 1))
      last++;
    const paragraph = scanQuotes(this.text, first, last, this.lines[first].start, this.lines[last].end);
    this.paragraph = paragraph;
    return paragraph;
  }
}

/** Finds the quotations of a paragraph in one pass: straight, curly and angle quotes, single and double. */
function scanQuotes(text: string, first: number, last: number, start: number, end: number): Paragraph {
  const quotes: Quote[] = [];
  const closes = new Map<number, Quote>();
  const stack: number[] = [];
  const open = (i: number, mark: string): void => {
    quotes.push({ open: i, close: end, depth: stack.length + 1, parent: stack.length > 0 ? stack[stack.length - 1] : -1, mark, closed: false });
    stack.push(quotes.length - 1);
  };
  const closeTo = (i: number, marks: string): void => {
    for (let s = stack.length - 1; s >= 0; s--) {
      if (marks.includes(quotes[stack[s]].mark)) {
        closes.set(i, quotes[stack[s]]);
        while (stack.length > s) {
          const q = quotes[stack.pop() as number];
          q.close = i;
          q.closed = true;
        }
        return;
      }
    }
  };
  // Only the quote marks are visited: a search jumps over the text between them. It runs
  // over the paragraph alone (a slice costs no copy): over the whole text, the search past
  // the last mark would run on to the next quote of the note, however far.
  const part = text.slice(start, end);
  QUOTE_MARKS.lastIndex = 0;
  for (let m = QUOTE_MARKS.exec(part); m !== null; m = QUOTE_MARKS.exec(part)) {
    const i = start + m.index;
    const c = m[0];
    if (c === '"') {
      const top = stack.length > 0 ? quotes[stack[stack.length - 1]].mark : '';
      if (top === '"' || (stack.some((s) => quotes[s].mark === '"') && !isSpace(text[i - 1]) && !isLetter(text[i + 1]))) closeTo(i, '"');
      else open(i, '"');
    } else if ((c === '\u00AB' || c === '\u2039') && stack.some((s) => quotes[s].mark === (c === '\u00AB' ? '\u00BB' : '\u203A'))) {
      // German writes »…« and ›…‹: the mark that opens a French quote closes a German one.
      closeTo(i, c === '\u00AB' ? '\u00BB' : '\u203A');
    } else if ((c === '\u00BB' || c === '\u203A') && !stack.some((s) => quotes[s].mark === (c === '\u00BB' ? '\u00AB' : '\u2039'))) open(i, c);
    else if (c === '\u201A') open(i, c);
    else if (c in OPENERS && !(c === '\u201C' && stack.some((s) => quotes[s].mark === '\u201E'))) open(i, c);
    else if (c === '\u201D' || c === '\u00BB' || c === '\u203A' || c === '\u201C')
      closeTo(i, c === '\u201D' ? '\u201C"' : c === '\u00BB' ? '\u00AB' : c === '\u203A' ? '\u2039' : '\u201E');
    else if (c === "'" || c === '\u2018' || c === '\u2019') {
      const before = text[i - 1];
      const after = text[i + 1];
      const top = stack.length > 0 ? quotes[stack[stack.length - 1]].mark : '';
      // A mark between letters is an apostrophe (don't, client's); one after a letter
      // closes an open single quote; one before a word after a space opens one.
      if (isLetter(before) && isLetter(after)) continue;
      // German ‚…‘ closes with a left single quote.
      if (top === '\u201A' && c !== "'" && !isSpace(before) && !isLetter(after)) closeTo(i, '\u201A');
      else if ((top === "'" || top === '\u2018') && !isSpace(before) && !isLetter(after)) closeTo(i, "'\u2018");
      else if (c !== '\u2019' && !isLetter(before) && (isLetter(after) || after === '.' || after === '\u2026')) open(i, c);
    }
  }
  // An unclosed single mark was most likely an apostrophe ('90s, goin'): not a quote.
  const kept = quotes.filter((q) => q.closed || q.mark === '"' || (q.mark in OPENERS && q.mark !== '\u201A'));
  return { first, last, start, end, quotes: kept.length === quotes.length ? quotes : reindex(kept, quotes), closes };
}

/** Keeps the given quotes, their parents pointing into the new list (a dropped parent: none). */
function reindex(kept: Quote[], all: readonly Quote[]): Quote[] {
  const at = new Map<Quote, number>();
  kept.forEach((q, i) => at.set(q, i));
  return kept.map((q) => {
    const parent = q.parent >= 0 ? (at.get(all[q.parent]) ?? -1) : -1;
    return { ...q, parent, depth: parent === -1 ? 1 : q.depth };
  });
}

/** The innermost quote holding an offset, or undefined in the narrative. */
function quoteAt(p: Paragraph, offset: number): Quote | undefined {
  let lo = 0;
  let hi = p.quotes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.quotes[mid].open < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let q = found; q >= 0; q = p.quotes[q].parent) {
    if (offset < p.quotes[q].close) return p.quotes[q];
  }
  return undefined;
}

/** Whether a character ends a sentence: . ! ? ; or … (a test of the code, not an expression: it runs on every character of a sentence). */
function endsSentence(c: string | undefined): boolean {
  return c === '.' || c === '!' || c === '?' || c === ';' || c === '\u2026';
}

/** Where the narrative sentence around `offset` starts, skipping over quotes (a full stop inside one ends nothing). */
function narrativeStart(text: string, p: Paragraph, offset: number): number {
  const limit = Math.max(p.start, offset - MAX_SENTENCE);
  const marks = p.closes.size > 0;
  for (let i = offset - 1; i >= limit; i--) {
    const q = marks && QUOTE_MARK.has(text[i]) ? p.closes.get(i) : undefined;
    if (q && q.open >= limit) {
      i = q.open;
      continue;
    }
    if (endsSentence(text[i]) && isSpace(text[i + 1])) return i + 1;
  }
  return limit;
}

function narrativeEnd(text: string, p: Paragraph, offset: number): number {
  const limit = Math.min(p.end, offset + MAX_SENTENCE);
  for (let i = offset; i < limit; i++) {
    const q = p.quotes.length > 0 && QUOTE_MARK.has(text[i]) ? openingAt(p, i) : undefined;
    if (q) {
      i = Math.min(q.close, limit);
      continue;
    }
    if (endsSentence(text[i]) && isSpace(text[i + 1])) return i + 1;
  }
  return limit;
}

function openingAt(p: Paragraph, i: number): Quote | undefined {
  let lo = 0;
  let hi = p.quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = p.quotes[mid].open;
    if (o === i) return p.quotes[mid];
    if (o < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The narrative text between two offsets, each quotation in it replaced by one mark (\u0001). */
function masked(text: string, p: Paragraph, from: number, to: number): string {
  let out = '';
  let at = from;
  for (const q of p.quotes) {
    if (q.depth !== 1 || q.close <= from || q.open >= to) continue;
    if (q.open > at) out += text.slice(at, q.open);
    out += ' \u0001 ';
    at = Math.max(at, q.close + 1);
  }
  if (at < to) out += text.slice(at, to);
  return out;
}

/** Where the sentence around `offset` inside a quote starts and ends (not beyond the quote). */
function quoteSentence(text: string, q: Quote, offset: number, length: number): { start: number; end: number } {
  let start = q.open + 1;
  for (let i = offset - 1; i > q.open && i >= offset - MAX_SENTENCE; i--) {
    if (endsSentence(text[i]) && isSpace(text[i + 1])) {
      start = i + 1;
      break;
    }
  }
  let end = q.close;
  for (let i = offset + length; i < q.close && i < offset + MAX_SENTENCE; i++) {
    if (endsSentence(text[i]) && (isSpace(text[i + 1]) || i + 1 === q.close)) {
      end = i + 1;
      break;
    }
  }
  return { start, end };
}

// Words --------------------------------------------------------------------------------

const TOKEN = /[0-9A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*|[\u0001,:\u2014\u2013]/g;

function tokens(s: string): string[] {
  return s.match(TOKEN) ?? [];
}

/** A word in lower case without its contraction ("she's" is "she", "I'm" is "i"). */
function bare(token: string): string {
  return token.toLowerCase().replace(/['\u2019](?:s|d|ll|ve|re|m|t)$/, '');
}

/** Words that can sit between a subject and the cue words without changing who acts. */
const FILLERS = new Set(
  (
    'just then suddenly quickly immediately really completely totally also again soon later briefly visibly noticeably slightly very quite rather ' +
    'had has have would will could might may did does do was were is are am be been being got gets seemed seems seem appeared appears to started starts start began begins ' +
    'tends tend tended kept keeps always often sometimes usually mostly still abruptly gradually a bit little kind sort of both all almost nearly finally ' +
    'eventually only even clearly actually literally so too fairly somewhat simply honestly pretty mostly probably maybe perhaps ' +
    "can can't cannot couldn't won't wouldn't don't doesn't didn't isn't aren't wasn't weren't not never want wants wanted going gonna like " +
    // "Sie hat gesagt", "me dijo", "elle m'a dit": the auxiliary or the "me" before a verb of saying.
    "hat hatte ha había mir me m'a m\u2019a nos uns"
  )
    .split(' ')
    .map(bare),
);
const CONNECTIVES = new Set(['and', 'but', 'then', 'or', 'yet', 'before', ',', ':', '\u2014', '\u2013', '\u0001']);
// German, Spanish and French "she", "he" and "the client" too, so that "Sie sagte: „…“" is the client's.
const CLIENT_WORDS = new Set([
  'she',
  'he',
  'they',
  'client',
  'patient',
  'sie',
  'er',
  'klient',
  'klientin',
  'patientin',
  'ella',
  'él',
  'cliente',
  'paciente',
  'elle',
  'il',
  'patiente',
]);
/** Cue words that name their own subject ("you don't get it", "nothing is helping"). */
const SUBJECT_WORDS = new Set(['you', 'this', 'nothing', 'none', 'i', 'it', 'that', 'we']);
const WORK_SUBJECTS = new Set([
  'therapy',
  'therapist',
  'counselling',
  'counseling',
  'counsellor',
  'counselor',
  'session',
  'sessions',
  'homework',
  'exercise',
  'this',
  'it',
  'that',
  'coming',
  'talking',
]);

type Subject = 'client' | 'i' | 'you' | 'we' | 'work' | 'start' | 'elided' | 'other';

function classify(token: string): Subject {
  const word = bare(token);
  if (CLIENT_WORDS.has(word)) return 'client';
  if (word === 'i') return 'i';
  if (word === 'you') return 'you';
  if (word === 'we') return 'we';
  if (WORK_SUBJECTS.has(word)) return 'work';
  if (CONNECTIVES.has(token)) return 'elided';
  // Initials and client codes ("K.L.", "C001") name the client.
  if (/^[A-Z]$/.test(token) || /^[A-Z]{1,3}\d+$/.test(token)) return 'client';
  return 'other';
}

/** Who does what the cue words say: the word before them, past fillers; an elided subject is the sentence's first. */
function subjectOf(words: readonly string[]): { subject: Subject; at: number } {
  for (let i = words.length - 1; i >= 0; i--) {
    if (FILLERS.has(bare(words[i]))) continue;
    const subject = classify(words[i]);
    if (subject !== 'elided') return { subject, at: i };
    for (let j = 0; j < i; j++) {
      if (CONNECTIVES.has(words[j])) continue;
      const first = classify(words[j]);
      return { subject: first === 'elided' ? 'start' : first, at: j };
    }
    return { subject: 'start', at: 0 };
  }
  return { subject: 'start', at: -1 };
}

/** Verbs of saying in German, Spanish and French. */
const OTHER_SPEECH_VERBS = new Set(
  (
    'sagte sagt gesagt meinte meint gemeint fragte fragt gefragt antwortete antwortet geantwortet rief schrieb erzählte erzählt ' +
    'dijo dice decía dicho preguntó pregunta respondió responde contestó gritó escribió contó ' +
    'dit disait demanda demande demandé répondit répond répondu cria écrivit raconta raconté'
  ).split(' '),
);
const SPEECH_VERBS = new Set([
  ...'said says say told tells asked asks yelled yells shouted shouts screamed screams texted texts wrote writes replied replies answered answers called calls snapped snaps insisted insists added adds whispered muttered mutters cried sobbed responded responds goes went put'.split(
    ' ',
  ),
  ...OTHER_SPEECH_VERBS,
]);
const REPORT_VERBS = new Set(
  'says said reports reported describes described explained explains mentioned mentions shared shares tells told feels felt thinks thought believes remembers recalls recalled worries worried fears complains complained admits admitted notes noted writes wrote asks asked wonders wondered'.split(
    ' ',
  ),
);
const REPLY_VERBS =
  /^(?:said|says|answered|answers|replied|replies|responded|responds|goes|shrugged|sagte|antwortete|meinte|dijo|respondió|contestó|dit|répondit|répondu)$/i;

/** Whether the words after a verb of saying name someone else it was said to ("told her mother", "asked him", "said to Sam"). */
function toSomeoneElse(after: readonly string[]): boolean {
  const words = after.filter((t) => !CONNECTIVES.has(t)).map(bare);
  const first = words[0] === 'to' || words[0] === 'zu' || words[0] === 'a' || words[0] === 'à' ? 1 : 0;
  const w = words[first];
  if (w === undefined) return false;
  return (POSSESSIVES.has(w) && w !== 'our') || OTHER_POSSESSIVES.has(w) || w === 'him' || w === 'them' || LIFE_WORDS.test(w) || (first === 1 && !TO_ME.has(w));
}

/** "told her", "a su madre", "à sa mère": the other languages' possessives and pronouns of someone else. */
const OTHER_POSSESSIVES = new Set(['ihrer', 'ihrem', 'ihren', 'seiner', 'seinem', 'seinen', 'ihm', 'ihnen', 'su', 'sus', 'sa', 'son', 'ses', 'leur', 'lui']);
/** Said to the therapist: "to me", "zu mir", "a mí", "à moi". */
const TO_ME = new Set(['me', 'us', 'mir', 'uns', 'mí', 'mi', 'moi', 'nous']);
/** After a quote in German, Spanish or French, the verb comes first: "„…“, sagte ihre Mutter", "«…», dijo su madre", "« … », dit-elle". */
const SAID_AFTER_OTHER =
  /^[\s,.!?\u2026\u2014-]*(?:(?:hat|ha|a)\s+)?(?:sagte|sagt|meinte|meint|fragte|antwortete|rief|erzählte|dijo|dice|preguntó|respondió|contestó|gritó|añadió|dicho|dit|demanda|répondit|ajouta|cria|lança)(?:-t)?[-\s]+(\p{L}+)(?:\s+(\p{L}+))?/iu;
/** "sagte sie", "dijo ella", "dit-elle": the client as the subject after a verb of saying. */
const INVERTED_SUBJECTS = new Set(['sie', 'er', 'ella', 'él', 'elle', 'il']);
const ARTICLES = new Set(['die', 'der', 'la', 'el', 'le', 'les', 'los', 'las']);

/** Whose words a quote holds: the client's unless someone else (or the therapist) is named as saying them. */
function speakerOf(text: string, p: Paragraph, q: Quote): 'client' | 'other' {
  if (q.speaker) return q.speaker;
  let speaker: 'client' | 'other' = 'client';
  if (q.depth > 1) speaker = 'other';
  else {
    const before = tokens(masked(text, p, narrativeStart(text, p, q.open), q.open));
    let verb = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      if (SPEECH_VERBS.has(before[i].toLowerCase())) {
        verb = i;
        break;
      }
    }
    if (verb >= 0 && OTHER_SPEECH_VERBS.has(before[verb].toLowerCase())) {
      // German, Spanish and French may leave the subject out or put it after the verb ("Cuando
      // propuse el ejercicio, dijo: «…»", "Dann sagte sie: „…“"): the client's words unless
      // someone of the client's life is named around the verb ("Su madre dijo", "sagte ihre Mutter").
      if (OTHER_LIFE.test(before.join(' ')) || toSomeoneElse(before.slice(verb + (INVERTED_SUBJECTS.has(bare(before[verb + 1] ?? '')) ? 2 : 1))))
        speaker = 'other';
    } else if (verb >= 0) {
      const who = subjectOf(before.slice(0, verb)).subject;
      // "told her mother" or "said to him": words the client said to someone else.
      if (!(who === 'client' || who === 'start') || toSomeoneElse(before.slice(verb + 1))) speaker = 'other';
    } else {
      const after = text.slice(q.close + 1, Math.min(p.end, q.close + 80));
      const m =
        /^[\s,.!?\u2026\u2014-]*([A-Za-z.'\u2019]+(?:\s+[A-Za-z'\u2019]+){0,2}?)\s+(said|says|asked|asks|told|tells|replied|replies|answered|answers|yelled|yells|shouted|snapped|added|whispered|muttered|insisted)\b/i.exec(
          after,
        );
      const m2 = /^[\s,.!?\u2026\u2014-]*(said|says|asked|replied|answered|added)\s+([A-Za-z]+)/i.exec(after);
      const m3 = m || m2 ? null : SAID_AFTER_OTHER.exec(after);
      // "„…“, habe ihr Sohn gefragt", "« … », a demandé son fils": a verb of saying after the quote with someone of the client's life in its sentence.
      const sentence = after.split(/[.!?\u2026]/)[0];
      if (!m && !m2 && tokens(sentence).some((t) => OTHER_SPEECH_VERBS.has(t.toLowerCase())) && OTHER_LIFE.test(sentence)) speaker = 'other';
      else if (m3) {
        const who = ARTICLES.has(m3[1].toLowerCase()) && m3[2] ? m3[2] : m3[1];
        if (classify(who) !== 'client' || toSomeoneElse(tokens(after.slice(m3.index + m3[0].length, m3.index + m3[0].length + 30)))) speaker = 'other';
      } else if (m) {
        const words = tokens(m[1]);
        const who = words.length === 1 ? classify(words[0]) : words.length === 2 && bare(words[0]) === 'the' ? classify(words[1]) : 'other';
        // "she asked her sister": words said to someone else.
        if (who !== 'client' || toSomeoneElse(tokens(after.slice(m.index + m[0].length, m.index + m[0].length + 30)))) speaker = 'other';
      } else if (m2 && classify(m2[2]) !== 'client') speaker = 'other';
    }
  }
  q.speaker = speaker;
  return speaker;
}

// What a sentence is about ------------------------------------------------------------

const GENERIC_YOU = /\b(?:you know|you see|thank you|thanks to you|mind you|y'know|you guys|if you will|you never know|if you ask me|believe you me)\b/gi;
const YOU = /\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)(?![A-Za-z])/i;
const THIS_PRONOUN =
  /\bthis(?:\s+whole\s+thing)?(?=\s*(?:$|[.,;:!?\u2026"\u201D\u00BB)\u2014-]|(?:is|isn't|isn\u2019t|was|wasn't|wasn\u2019t|'s|\u2019s|does|doesn't|doesn\u2019t|did|didn't|didn\u2019t|will|won't|won\u2019t|would|can't|can|has|hasn't|really|just|feels|felt|seems|seemed|makes|made|keeps|gets|anymore|at all|right now|now|stuff|thing)\b))/i;
const WORK_WORDS =
  /(?<!\b(?:her|his|their|couples|family|group|physical|speech|occupational|shock|electroshock|light|hormone|art|music|massage|play|old|last|previous|former|other|individual|marriage|marital|a|another|new|first)\s)\b(?:therapy|counsell?ing|counsell?or|therapist|sessions?|appointments?)\b|\bhere\b(?!['\u2019]s|\s+(?:is|are|in|at)\b)|\b(?:the|this|that|these|our|your) (?:exercises?|homework|worksheets?|technique|work we|work here)\b|\bwe(?:'re| are) doing\b/i;
const NARRATIVE_WORK =
  /\b(?:me|my|myself)\b|(?<![A-Za-z])I(?:'m|'ve|'d|'ll|\u2019m|\u2019ve|\u2019d|\u2019ll)?(?![A-Za-z])|\b(?:therapy|therapist|counsell?ing|counsell?or|sessions?|homework|exercises?|worksheets?|techniques?|tasks?|assignments?|journaling|journalling|fees?|payment|cancellation|policy|the room|(?:coming|come|came|comes|back|in|being|sitting) here|the plan|suggest(?:ed|ion|ions)?|interpretation|treatment)\b/i;
const LIFE_WORDS =
  /\b(?:husband|wife|partner|boyfriend|girlfriend|fianc\u00E9e?|fiance|spouse|ex|mother|mom|mum|mommy|father|dad|daddy|parents?|son|daughter|kids?|children|child|baby|brother|sister|siblings?|family|friends?|boss|manager|co-?workers?|colleagues?|teacher|doctor|in-laws?|aunt|uncle|grand\w+|cousin|neighbou?rs?|room-?mates?|classmates?|people|everyone|someone|police|(?:at|to|from|for|after|before|off) work|job|school|class|college|home|party|dinner|church|date|wedding|funeral|flight|train|bus|shift|meeting|years?|months?|weeks|days|childhood|relationship|marriage)\b/i;

const POSSESSIVES = new Set(['my', 'his', 'her', 'their', 'our', 'your']);
const WORK_NOUNS = /^(?:therapy|therapist|counsell?ing|counsell?or|sessions?|homework|exercises?|technique|work|fees?)$/i;

/**
 * Whether the words just before the cue name someone else as its subject: he, she or they
 * inside a quote, a person of the client's life, or a possessive (my husband, her job) that
 * is not the work.
 */
function someoneElse(words: readonly string[], inQuote: boolean): boolean {
  const near = words.filter((w) => !FILLERS.has(bare(w)) && !CONNECTIVES.has(w)).slice(-4);
  for (let i = 0; i < near.length; i++) {
    const w = bare(near[i]);
    if (HELPER.test(w) && anotherHelper(near.slice(Math.max(0, i - 2), i).map(bare), inQuote)) return true;
    if (inQuote && CLIENT_WORDS.has(w) && w !== 'client') return true;
    if (LIFE_WORDS.test(near[i]) && !WORK_NOUNS.test(near[i])) return true;
    // "my" is the therapist's own in the narrative, "your" is the therapist's in a quote.
    if (POSSESSIVES.has(w) && i + 1 < near.length && !WORK_NOUNS.test(near[i + 1]) && !(w === 'your' && inQuote) && !(w === 'my' && !inQuote)) return true;
  }
  return false;
}

/** Words for a helper like the therapist. */
const HELPER = /^(?:therapists?|psychotherapists?|counsell?ors?|psychologists?|psychiatrists?|analysts?|supervisors?|coach(?:es)?)$/;
const OTHER_HELPER = new Set(['her', 'his', 'their', 'another', 'other', 'previous', 'old', 'former', 'new', 'last', 'first', 'ex', 'own']);

/**
 * Whether the words before a helper's title make it someone other than the therapist who
 * writes: "her therapist", "another counsellor", "my old therapist"; and, in the therapist's
 * own narrative, where "my" is the therapist's, "my therapist" or "my supervisor" (the
 * therapist's own). In the client's quote "my therapist" is the therapist who writes.
 */
function anotherHelper(before: readonly string[], inQuote: boolean): boolean {
  return before.some((w) => OTHER_HELPER.has(w)) || (!inQuote && before[before.length - 1] === 'my');
}

const INHERENT = /\b(?:therapy|counsell?ing|sessions?|coming|come back|seeing you|here)\b/i;

/** A quote that calls someone by name or kinship ("..., Mom"): its "you" is that person, not the therapist. */
const VOCATIVE =
  /,\s*(?:mom|mum|mommy|mummy|dad|daddy|mother|father|honey|babe|baby|dear|darling|sweetheart|sis|bro|man|dude|guys|[A-Z][a-z]+)\s*[.!?,\u2026]*\s*$/;

function aboutWorkInQuote(sentence: string, quote: string): boolean {
  const s = sentence.replace(GENERIC_YOU, ' ');
  if (VOCATIVE.test(quote.trim())) return false;
  return YOU.test(s) || THIS_PRONOUN.test(s) || WORK_WORDS.test(quote.replace(GENERIC_YOU, ' '));
}

/**
 * The line a cue was found on as "Reflect on this as a rupture" may quote it: every
 * sentence that speaks of risk left out (shown as […]), or undefined when nothing else is left.
 */
export function lineForReflection(lineText: string): string | undefined {
  // French sets a space before a closing » or ›: the sentence ends after the mark.
  const sentences = lineText
    .trim()
    .split(/(?<=[.!?\u2026](?:[ \u00A0][\u00BB\u203A]|["'\u201D\u2019\u00BB\u201C\u2018\u00AB\u203A\u2039])?)\s+(?![\u00BB\u203A])/);
  const kept = sentences.map((s) => (hasRiskLanguage(s) ? undefined : s));
  if (kept.every((s) => s === undefined)) return undefined;
  const out: string[] = [];
  for (const s of kept) {
    if (s !== undefined) out.push(s);
    else if (out[out.length - 1] !== '[\u2026]') out.push('[\u2026]');
  }
  const joined = out.join(' ');
  // Quotes cut in two by a left-out sentence could still carry risk words across: check the whole.
  return hasRiskLanguage(joined) ? undefined : joined;
}

// What a reaction or a quote is about --------------------------------------------------

/** What the therapist's own reaction was about, when named: "irritated by the noise", "annoyed with her". */
const REACTION_OBJECT = /^\s*(?:by|with|at|about|over|because\s+of)\s+/i;
/** Words that make that object the client, something said or done in the session, or the work. */
const ABOUT_US =
  /\u0001|\b(?:she|he|they|her|him|them|his|their|hers|theirs|client|patient|it|this|that|what|how|the\s+way|late|lateness|silences?|silent|questions?|answers?|repl(?:y|ies)|responses?|comments?|remarks?|tone|requests?|demands?|complain\w*|criticis\w*|feedback|push-?back|interrupt\w*|attitude|behaviou?rs?|texts?|messages?|emails?|calls?|cancel\w*|no-show)\b/i;

/**
 * Whether the therapist's own reaction (cue words ending at `end`) may be about the work:
 * with nothing named as its object ("I felt irritated."), or with an object that is the
 * client, their words or doings, or the work ("annoyed by her lateness", "irritated by the
 * question"); not with one that is none of these ("irritated by the noise").
 */
function reactionAboutUs(text: string, p: Paragraph, end: number): boolean {
  const after = masked(text, p, end, narrativeEnd(text, p, end));
  const object = REACTION_OBJECT.exec(after);
  if (!object) return true;
  const rest = after.slice(object[0].length);
  return ABOUT_US.test(rest) || NARRATIVE_WORK.test(rest.replace(/\b(?:my|me|myself|I)\b/g, ' ')) || tokens(rest).some((t) => classify(t) === 'client');
}

const SAID = String.raw`(?:said|says|added|adds|replied|replies|answered|answers|sighed|shrugged|muttered|mutters|wrote|writes|texted|complained|complains|explained|explains|insisted|insists)`;
const TOPIC = String.raw`(?:of|about|regarding|concerning|when\s+(?:talking|speaking|asked)\s+about|when\s+I\s+asked\s+about)`;
/** `"…," she said about the diet`: the topic named after a quote. */
const TOPIC_AFTER = new RegExp(
  String.raw`^[\s,.!?\u2026\u2014-]*(?:[A-Za-z.'\u2019]+(?:\s+[A-Za-z'\u2019]+){0,2}?\s+)?${SAID}\s+${TOPIC}\s+([^.;!?\u2026\u0001]+)`,
  'i',
);
/** `She said of the diet: "…"`: the topic named just before it. */
const TOPIC_BEFORE = new RegExp(String.raw`${SAID}\s+${TOPIC}\s+([^.;!?\u2026\u0001]+?)[\s,:\u2014-]*$`, 'i');
/** `„…“, sagte sie über die Nachbarn`, `«…», dijo sobre su jefe`, `« … », dit-elle à propos de son patron`. */
const TOPIC_AFTER_OTHER =
  /^[\s,.!?\u2026\u2014-]*(?:\p{L}+\s+)?(?:sagte|meinte|dijo|dit|a\s+dit|a-t-elle\s+dit|a-t-il\s+dit)(?:-elle|-il)?(?:\s+(?:sie|er|ella|él))?\s+(?:über|sobre|acerca\s+de|à\s+propos\s+d(?:e|u|es)|au\s+sujet\s+d(?:e|u|es))\s+([^.;!?\u2026\u0001]+)/iu;
/** A topic in these languages that is the work: the therapy, the session, "us", "here". */
const OTHER_WORK_TOPIC =
  /(?<![\p{L}])(?:therapie|sitzung|stunde|uns|hier|sie|ihnen|terapia|sesión|sesiones|nosotros|aquí|usted|thérapie|séance|séances|nous|ici|vous)(?![\p{L}])/iu;
/** Words that make a named topic the work, the therapist or the session. */
const WORK_TOPIC = /\b(?:it|this|that|these|those|here|us|our|you|your|yourself|coming|we)\b/i;

/**
 * Whether the client's quote is said, in so many words, to be about something other than
 * the work ("'It's not helping,' she said about the diet"): then its cue words are about
 * that, unless the quote speaks to "you".
 */
function topicElsewhere(text: string, p: Paragraph, q: Quote): boolean {
  const after = TOPIC_AFTER.exec(text.slice(q.close + 1, Math.min(p.end, q.close + 200)));
  const before = after ? undefined : TOPIC_BEFORE.exec(masked(text, p, narrativeStart(text, p, q.open), q.open));
  const topic = (after ?? before ?? TOPIC_AFTER_OTHER.exec(text.slice(q.close + 1, Math.min(p.end, q.close + 200))))?.[1];
  if (topic === undefined) return false;
  if (!after && !before) return !OTHER_WORK_TOPIC.test(topic);
  const aboutWork = WORK_TOPIC.test(topic) || NARRATIVE_WORK.test(topic) || WORK_WORDS.test(topic);
  return !aboutWork && !YOU.test(text.slice(q.open + 1, q.close).replace(GENERIC_YOU, ' '));
}

// German, Spanish and French ------------------------------------------------------------

const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;
/** People of the client's life in German, Spanish and French (a word that can name the client, such as "Frau" or "femme", only after a possessive). */
const OTHER_LIFE = new RegExp(
  L +
    String.raw`(?:mutter|mama|mutti|vater|papa|mann|ehemann|ehefrau|partner(?:in)?|freund(?:in|e|innen)?|chef(?:in)?|kolleg\p{L}*|sohn|tochter|kinder|bruder|schwester|eltern|familie|lehrer(?:in)?|arzt|ärztin|oma|opa|nachbar\p{L}*|schwieger\p{L}*|(?:meine|seine|ihre|deine)\s+frau|` +
    String.raw`madre|mamá|padre|papá|marido|esposo|esposa|pareja|novio|novia|jefe|jefa|compañer\p{L}*|hijo|hija|hijos|hermano|hermana|padres|familia|profesor\p{L}*|médico|médica|abuel\p{L}*|vecin\p{L}*|suegr\p{L}*|amig[oa]s?|(?:mi|su|tu)\s+mujer|` +
    String.raw`mère|maman|père|mari|époux|épouse|conjoint\p{L}*|copain|copine|patron(?:ne)?|collègue\p{L}*|frère|sœur|soeur|parents|famille|professeur\p{L}*|médecin|grand-\p{L}+|voisin\p{L}*|belle-mère|beau-père|amie?s?|(?:ma|sa|ta)\s+(?:femme|fille)|(?:mon|son|ton)\s+fils|enfants?|` +
    String.raw`husband|wife|boyfriend|girlfriend|mother|father|boss)` +
    R,
  'iu',
);
/** The therapist or the work in these languages' narrative: "ich", "mich", "Therapie", "sesión", "je", "séance". */
const OTHER_WORK = new RegExp(
  L +
    String.raw`(?:ich|mich|mir|therapie|sitzung|stunde|übung|honorar|yo|conmigo|terapia|sesión|ejercicio|pregunté|mencioné|propuse|dije|je|moi|thérapie|séance|exercice|j['’]\p{L}+)` +
    R,
  'iu',
);
/** A quote that calls someone by name or kinship in these languages ("…, Mama", "…, mamá", "…, chérie"). */
const OTHER_VOCATIVE = /,\s*(?:mama|mami|mutti|papa|papi|schatz|liebling|mamá|papá|cariño|amor|maman|chérie?|\p{Lu}\p{Ll}+)\s*[.!?,\u2026]*\s*$/u;

/**
 * The rules of the cues in German, Spanish and French (see `names-us` and `client-did` in
 * cuePhrases.ts): their words name the therapist, the work or the client's act themselves,
 * so only the people of the client's life around them are read.
 */
function countsInOtherLanguage(text: string, p: Paragraph, q: Quote | undefined, offset: number, length: number, rule: 'names-us' | 'client-did'): boolean {
  const words = text.slice(offset, offset + length);
  // A lower-case "sie" is "she" or "they", never the therapist's "Sie".
  if (rule === 'names-us' && /(?<![\p{L}])sie(?![\p{L}])/u.test(words)) return false;
  if (q) {
    if (rule === 'client-did' || topicElsewhere(text, p, q)) return false;
    const quote = text.slice(q.open + 1, q.close);
    if (VOCATIVE.test(quote.trim()) || OTHER_VOCATIVE.test(quote.trim())) return false;
    const s = quoteSentence(text, q, offset, length);
    return !OTHER_LIFE.test(text.slice(s.start, offset));
  }
  const start = narrativeStart(text, p, offset);
  if (rule === 'names-us') return !OTHER_LIFE.test(masked(text, p, start, offset));
  // Someone of the client's life in the words' own clause is who did it ("Ihr Vater wurde still", "Son patron a changé de sujet").
  const before = masked(text, p, start, offset);
  if (OTHER_LIFE.test(before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(':'), before.lastIndexOf('\u2014')) + 1))) return false;
  const sentence = masked(text, p, start, narrativeEnd(text, p, offset + length));
  return !OTHER_LIFE.test(sentence) || OTHER_WORK.test(sentence.replace(words, ' '));
}

// The verdict --------------------------------------------------------------------------

export type Verdict = 'no' | 'yes' | 'safety';

/** Whether cue words at `offset` count under their rule, and whether risk words turn the hint into `safety-first`. */
export function cueCounts(note: NoteText, line: number, offset: number, length: number, rule: CueRule): Verdict {
  const { text } = note;
  const p = note.paragraphOf(line);
  const q = quoteAt(p, offset);
  const speaker = q ? speakerOf(text, p, q) : 'narrative';
  if (!counts(text, p, q, speaker, offset, length, rule)) return 'no';
  // Risk is looked for in the whole line, the quote and the sentence around the words.
  let from = Math.min(note.lines[line].start, narrativeStart(text, p, offset));
  let to = Math.max(note.lines[line].end, narrativeEnd(text, p, offset + length));
  if (q) {
    from = Math.min(from, q.open);
    to = Math.max(to, q.close);
  }
  from = Math.max(from, offset - 2000);
  to = Math.min(to, offset + length + 2000);
  return hasRiskLanguage(text.slice(from, to)) ? 'safety' : 'yes';
}

function counts(
  text: string,
  p: Paragraph,
  q: Quote | undefined,
  speaker: 'client' | 'other' | 'narrative',
  offset: number,
  length: number,
  rule: CueRule,
): boolean {
  if (speaker === 'other') return false;
  if (rule === 'own') return true;
  if (rule === 'names-us' || rule === 'client-did') return countsInOtherLanguage(text, p, q, offset, length, rule);
  if (rule === 'my-reaction') return speaker === 'narrative' && reactionAboutUs(text, p, offset + length);
  const words = text.slice(offset, offset + length);
  const firstWord = bare(tokens(words)[0] ?? '');
  if (rule === 'reply' || rule === 'short-reply') {
    const next = /\S/.exec(text.slice(offset + length, Math.min(p.end, offset + length + 4)));
    const nextChar = next ? next[0] : '';
    if (q) {
      if (topicElsewhere(text, p, q)) return false;
      const lead = text.slice(q.open + 1, offset);
      if (!/^[\s\u2014\u2013\-\u2026.\u00BF\u00A1]*$/.test(lead)) return false;
      const ends = offset + length >= q.close || /^\s*$/.test(text.slice(offset + length, q.close));
      if (rule === 'short-reply') return ends || /[.!?\u2026]/.test(nextChar);
      // "Well..." carries its own pause: the words after it may follow.
      return ends || !isLetter(nextChar) || !isLetter(words[words.length - 1]);
    }
    if (rule === 'short-reply') return false;
    // Reported in the narrative: "She said not exactly." or "Not exactly, he answered."
    const start = narrativeStart(text, p, offset);
    const before = tokens(masked(text, p, start, offset)).filter((t) => t !== ',' && t !== ':');
    if (before.length > 0) {
      if (!REPLY_VERBS.test(before[before.length - 1])) return false;
      const who = subjectOf(before.slice(0, -1)).subject;
      return (who === 'client' || who === 'start') && !isLetter(nextChar);
    }
    const after = text.slice(offset + length, Math.min(p.end, offset + length + 40));
    return (
      /^\s*[,\u2026\u2014-]+\s*(?:(?:she|he|they|the client)\s+(?:said|answered|replied|says|answers|replies)|(?:said|answered|replied)\s+(?:she|he|they))\b/i.test(
        after,
      ) ||
      /^\s*[,\u2026\u2014-]+\s*(?:sagte|antwortete|meinte|dijo|respondió|contestó|dit|répondit|a\s+répondu)(?:-t)?[-\s]+(?:sie|er|ella|él|elle|il)(?![\p{L}])/iu.test(
        after,
      )
    );
  }

  if (q) {
    // The client's words: about the work only when addressed to "you" or naming the work.
    if (topicElsewhere(text, p, q)) return false;
    const s = quoteSentence(text, q, offset, length);
    if (!SUBJECT_WORDS.has(firstWord) && someoneElse(tokens(text.slice(s.start, offset)), true)) return false;
    const quote = text.slice(q.open + 1, q.close);
    // Words that name the work themselves ("stop coming", "quit therapy").
    if (INHERENT.test(words)) return true;
    if (aboutWorkInQuote(text.slice(s.start, s.end), quote)) return true;
    // A short quoted reply on its own ("It isn't working.") is said in the session.
    return tokens(quote).length <= SHORT_QUOTE_WORDS && !LIFE_WORDS.test(quote);
  }

  // The therapist's narrative.
  const start = narrativeStart(text, p, offset);
  const end = narrativeEnd(text, p, offset + length);
  const before = tokens(masked(text, p, start, offset));
  const sentence = masked(text, p, start, end);
  if (firstWord === 'you' || (subjectOf(before).subject === 'you' && !SUBJECT_WORDS.has(firstWord))) {
    // Unquoted speech: "You don't get it, she said."
    return /\b(?:she|he|they|the client)\s+(?:said|says|snapped|told me|tells me|answered|replied|shouted)\b|\b(?:said|says)\s+(?:she|he|they)\b/i.test(
      sentence,
    );
  }
  const work = NARRATIVE_WORK.test(sentence);
  if (rule === 'about-work') return (work || THIS_PRONOUN.test(sentence)) && (SUBJECT_WORDS.has(firstWord) || !someoneElse(before, false));
  const { subject, at } = SUBJECT_WORDS.has(firstWord) ? { subject: 'start' as Subject, at: -1 } : subjectOf(before);
  if (!(subject === 'client' || subject === 'start' || subject === 'we' || subject === 'work')) return false;
  // In the session: what the client did, unless the sentence is about someone else's life.
  if (work) return true;
  const reported = at > 0 && before.slice(0, at).some((t) => REPORT_VERBS.has(t.toLowerCase()));
  if (reported || subject === 'we') return false;
  return !LIFE_WORDS.test(sentence);
}
