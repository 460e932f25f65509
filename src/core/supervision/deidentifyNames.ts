/**
 * Finders for people's names and for towns and cities, and for the words that deserve a
 * human look. Names and places have no shape, so this weighs several kinds of evidence:
 *
 * - compromise (a small English tagger) reads each word in its sentence and knows common
 *   given names ("Grace" after "her daughter," is a person);
 * - humannames, a list of about 200,000 given names and surnames, for names compromise
 *   does not know ("Okafor");
 * - an-array-of-english-words, so that a capitalised ordinary word ("Hope", "Will") is a
 *   name only when its context says so: a title (Dr., Mrs.), a relation ("my sister"), or
 *   the rest of a name beside it;
 * - the GeoNames towns of 1,000 people or more in English-speaking countries, and words
 *   that announce a place ("moved to", "grew up in", ", IL").
 */
import nlp from 'compromise/two';
import { addressBlock, COUNTRY, inPieces, STATE_AFTER, STATE_CODE, type Span } from './deidentifyDetectors';
import { PLACE_NAMES } from './deidentifyPlaceList';
import { REASON_NAME, REASON_NUMBER, REASON_PLACE, REASON_WORD } from './deidentifyReasons';
import { englishWords, humanNames } from './deidentifyWordData';
import { PlaceNames, slips, type SortedWords } from './deidentifyWords';
import {
  CLINICAL_ABBREVIATIONS,
  CLINICAL_WORDS,
  COUNTRY_PHRASES,
  KNOWN_TERMS,
  NEVER_SURNAME,
  PLACE_CUES,
  RELATIONS,
  TITLES,
  WORD_GIVEN_NAMES,
} from './deidentifyTerms';

export interface CheckSpan {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

let lists: { words: SortedWords; names: SortedWords; places: PlaceNames } | undefined;

/** The word lists, made once on first use; the two large ones stay packed (deidentifyWords.ts, src/node/deidentifyWordData.ts). */
function wordLists(): NonNullable<typeof lists> {
  lists ??= {
    words: englishWords(),
    names: humanNames(),
    places: new PlaceNames(PLACE_NAMES),
  };
  return lists;
}

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
  readonly cap: boolean;
  readonly sentenceStart: boolean;
  /** One letter: never a name or a place on its own, only a middle initial ("Jane A. Doe"). */
  readonly single: boolean;
  tags: readonly string[];
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu;

/** Whether the word starts a sentence, a list item, a heading or a field's answer. */
function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && /[ \t*_"“‘'([>#-]/.test(text[i])) i--;
  if (i < 0) return true;
  const c = text[i];
  if (c === '\n' || c === '\r' || c === '.' || c === '!' || c === '?' || c === ':' || c === ';' || c === '—') return true;
  // A list marker such as "1." or "-" at the start of the line.
  return /(?:^|\n)\s*(?:\d+[.)]|[-+*])$/.test(text.slice(Math.max(0, i - 6), i + 1));
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    if (m.index === undefined) continue;
    let word = m[0];
    // "Grace's": the name is "Grace"; the possessive stays as written.
    const possessive = /['’]s$/i.exec(word);
    if (possessive && word.length > 2) word = word.slice(0, -2);
    word = word.replace(/['’-]+$/, '');
    if (word === '') continue;
    const first = word[0];
    // A word glued to digits or a slash is shorthand ("T2DM", "C/O", "FiO2"), never a name.
    const glued = /[\p{N}/]/u.test(text[m.index - 1] ?? '') || /[\p{N}/]/u.test(text[m.index + word.length] ?? '');
    tokens.push({
      start: m.index,
      end: m.index + word.length,
      text: word,
      lower: word.toLowerCase(),
      single: [...word].length === 1,
      cap: !glued && first !== first.toLowerCase() && first === first.toUpperCase(),
      sentenceStart: atSentenceStart(text, m.index),
      tags: [],
    });
  }
  return tokens;
}

/** Puts compromise's tags on the tokens, matched by offset. */
function tag(text: string, tokens: Token[]): void {
  const byStart = new Map<number, Token>();
  for (const t of tokens) byStart.set(t.start, t);
  // In pieces: compromise's work grows faster than a long sentence without full stops.
  inPieces(text, 1000, 0, (piece) => {
    // The terms' tags and offsets as compromise holds them: its JSON would copy every term and write each sentence out again.
    const doc = nlp(piece).compute('offset');
    return doc.docs.flatMap((terms) =>
      terms.flatMap((term) => {
        const offset = (term as { offset?: { readonly start: number } }).offset;
        return offset ? [{ start: offset.start, end: offset.start, tags: [...(term.tags ?? [])] }] : [];
      }),
    );
  }).forEach((term) => {
    const t = byStart.get(term.start);
    if (t) t.tags = term.tags;
  });
}

/** A doctor's title just before a name, in any case and with or without a space: "dr green", "Dr.King", "DR. L. RUUSKA", "Dr B Muse". */
const CLINICIAN_TITLE_BEFORE = /\b(?:dr|drs)(?:\.\s*|\s+)(?:\p{L}\.?\s+)?$/iu;
/** A clinician's role just before a name: "NP DJURIC", "MD SPEARS", "wound nurse, Florence Garvey". */
const CLINICIAN_ROLE_BEFORE = /\b(?:np|md|rn|rrt|nurse|resident|attending|fellow|intern|surgeon|cardiologist)[,:]?\s+$/i;
/** A doctor's title run into the next word, "DR.GATEMAN", "Dr.Gateman": a name, whatever the word. */
const GLUED_TITLE_BEFORE = /\bdrs?\.$/i;
/** "per" and perhaps an initial just before a name: "per d ross", "PER DOUGLASS". */
const PER_BEFORE = /\bper\s+(?:\p{L}\.?\s+)?$/iu;
/** "per B. KARGAS": an initial after "per" says a person, whatever the word. */
const PER_INITIAL_BEFORE = /\bper\s+\p{L}\.\s*$/iu;
/** A title in any case, as notes write it: "mrs. Burns", "dr. murphy", "mr.renzi", "DR WHITE"; "ms" only as "Ms" or with its full stop (MS is a disease and a mental state). */
const TITLE_BEFORE = /(?:\b(?:[Mm][Rr][Ss]?|[Dd][Rr][Ss]?|[Mm]iss|MISS|[Mm][Xx])(?:\.[ \t]*|[ \t]+)|\bMs[ \t]+|\b[Mm][Ss]\.[ \t]*)$/;
/** A relation right before, with no "my" or "her": "son bill", "wife, rose,", "BROTHER VINNY", "DAUGHTER-KRISSY", "significant other charlie". */
const RELATION_BEFORE = /(?:^|[^\p{L}])(\p{L}+|significant[ \t]+other)(?:[ \t]*(,?)[ \t]+|-)$/iu;
/** A person's relation or role in brackets after the name: "CHARLIE (SIGNIFICANT OTHER)", "DICK CUCCHIARA (RESIDENT)". */
const ROLE_IN_BRACKETS_AFTER =
  /^[ \t]*\((?:significant other|sister|brother|mother|father|son|daughter|wife|husband|partner|friend|niece|nephew|aunt|uncle|cousin|hcp|health care proxy|resident|intern|attending|fellow|rn|np|md|pa)\)/i;
/** What a relative named in a nursing note does next, or a number to call: "son bill called", "daughter pat lives alone", "SON ROB 285-482-5518". */
const RELATIVE_ACTS =
  /^(?:[ \t]*,|[ \t]+\(?\d{3}|[ \t]+(?:called|calls|phoned|visited|visits|came|comes|was|is|in|at|here|spoke|updated|consented|left|lives|arrived|stayed|states|said|asked|wants|aware|present|notified)\b)/i;
/** Words that follow a relation as often as a name does, and are never read as one there. */
const NOT_AFTER_RELATION = new Set('will would may might can could has had have did does should must also too all both still not who which'.split(' '));
/** An initial just before a surname: "E. WELSH", "q. lander", "J SMITH". */
const INITIAL_BEFORE = /(?:^|[^\p{L}.])\p{L}\.?[ \t]+$|(?:^|[^\p{L}.])\p{L}\.$/u;
/** What follows an initial and a surname in a note: "E. WELSH AWARE", "B. CLIFFORD MD", "q. lander rrt". */
const CLINICIAN_AFTER = /^[ \t]*,?[ \t]*(?:aware|rrt|rn|md|np|pa-c|pa|do|resident|attending|notified|made aware|in to|placing|ordered)\b/i;
/** Roles, never names themselves. */
/** After a clinician's name in lower case, only these say one was named: "mary souza aware". */
const AWARE_AFTER = /^[ \t]*,?[ \t]*(?:aware|notified|made aware|rn|md|np|rrt)\b/i;
/** Words of the ward that follow a role: "MD re: plan", "see MD ORDERS", "RN NOTE". */
const NOT_AFTER_ROLE = new Set('re order orders note notes team plan aware cough report service consult rounds'.split(' '));
const CLINICIAN_ROLES = /^(?:np|md|rn|rrt|pa|do|nurse|resident|attending|fellow|intern)$/i;

/** Words that end a name said aloud: "my name is borna jerković and ...". */
const FUNCTION_WORDS = new Set(
  'a an the and or but so i me my you your he him his she her they them their we us our it is was are were be not no yes to of in on at for from with by as per that this then now here there very just really when if whenever back later again soon today tonight tomorrow please once about after before'.split(
    ' ',
  ),
);

/** Small words of German, Spanish and French sentences that English does not use. */
const FOREIGN_SMALL_WORDS = new Set(
  'und der die das ist nicht mit sie ich wir auf für über zur zum dem den des ein eine einen ihr ihre sein seine y el los las que del con por para su sus una es está muy pero et est les une dans pour avec sur au aux du qui elle il nous vous mais ne pas son sa ses'.split(
    ' ',
  ),
);

/** Whether a text reads as English: fewer than two small words of German, Spanish or French, or no more of them than of English ones. */
function readsEnglish(lowerWords: readonly string[]): boolean {
  const foreign = lowerWords.filter((w) => FOREIGN_SMALL_WORDS.has(w)).length;
  return foreign < 2 || foreign <= lowerWords.filter((w) => FUNCTION_WORDS.has(w)).length;
}

/** Labels before a colon that are roles or fields, not people: "Bot:", "Therapist:", "When:", "Mobile:", a note's "Vent:", "Mood:". */
const SPEAKER_ROLES = new Set(
  'bot user agent assistant customer operator system client patient therapist counsellor counselor doctor nurse interviewer me you when where what who why how note notes subject date time mobile phone fax desk office email address name website home work cell tel re plan summary billing shipping contact vent vitals labs meds neuro resp skin exam assessment impression allergies history mood affect behavior behaviour speech sleep appetite risk goal goals homework cv gi gu id endo soc social misc integ heme renal pulm cardiac dispo access lines pain activity psych comfort ros pmh hpi events gen'.split(
    ' ',
  ),
);

/** One to three capitalised words alone on a line, or on an address's line, then a country: the town of an address. */
const TOWN_BEFORE_COUNTRY = new RegExp(
  `(?:^|\\n|\\]|,)[ \\t>?]*(\\p{Lu}[\\p{L}'’-]+(?:[ \\t]\\p{Lu}[\\p{L}'’-]+){0,2})(?=[ \\t]*(?:,[ \\t]*)?(?:\\r?\\n[ \\t>?]*)?(?:${COUNTRY.source.slice(4, -2)})(?:[ \\t]*\\([\\p{L} ]+\\))?[ \\t]*(?:\\d|\\r?\\n|$|[.,]))`,
  'gu',
);

/** What a person does right after their name: "Vsevolod is very reliable", "Jouko is from", "Mehrudin shouted". */
const PERSON_AFTER =
  /^(?:[ \t]+(?:is|was)[ \t]+(?!an?\b|the\b|one\b|part\b|based\b|located\b|headquartered\b|owned\b|used\b|known\b|made\b|available\b|open\b|closed\b)\p{Ll}+|[ \t]+(?:began|begins|spent|spends|said|says|shouted|whispered|told|tells|asked|asks|replied|answered|lives|lived|grew|moved|came|comes|went|goes|called|calls|phoned|texted|emailed|wrote|writes|cried|laughed|smiled|felt|feels|thinks|thought|wants|wanted|needs|needed|loves|loved|hates|hated|had[ \t]+given|has[ \t]+been|had[ \t]+been|just[ \t]+has|and[ \t]+I\b))\b/u;
/** What comes right before a person's name: "says Bergqvist", "Hi Manlio,", "ex-Zombie Sedej", "starring Söderberg". */
const PERSON_BEFORE =
  /(?:\b(?:says|said|asked|told|replied|answered|shouted|hi|hello|hey|dear|thanks|thank[ \t]+you|bye|goodbye|congratulations|sorry|ex-\p{L}+|i'?m|i[ \t]+am|this[ \t]+is|met|with[ \t]+(?:my|her|his)[ \t]+\p{L}+|starring|featuring|(?:directed|written|produced|sung|performed|painted|composed)[ \t]+by)[ \t,]+|\b(?:last|first|family|sur)[ \t]*name\??[ \t:]+|\bname[ \t]*[?:][ \t]*)$/iu;

/** Endings of English and clinical words, drugs among them: a lower-case word so built is not a name. */
const ENGLISH_SHAPE =
  /(?:tion|sion|ment|ness|ity|ities|i[sz]e|i[sz]ed|i[sz]ing|ism|ist|ologi?c?a?l?|ology|itis|osis|emia|aemia|pathy|algia|ectomy|otomy|phobia|philia|mania|ine|ines|pam|lam|done|pril|olol|artan|statin|mab|nib|azole|mycin|cillin|ide|ate|ated|ating|ing|ed|er|ers|ly|al|ic|ical|ive|ous|able|ible|ful|less)$/;

/** A street word right after a name: "Vizirov Street", "panković street", "Kaleva Rd.". */
const STREET_AFTER_NAME =
  /^[ \t]+(?:[Ss]treet|[Rr]oad|[Aa]venue|[Ll]ane|[Dd]rive|[Bb]oulevard|[Tt]errace|[Cc]rescent|[Pp]arkway|[Hh]ighway|(?:St|Rd|Ave|Blvd)\.?)(?![\p{L}])/u;

/** Street words that are also surnames ("Street", "Lane"): never a person's name on their own. */
const STREET_WORDS = /^(?:Street|Road|Avenue|Lane|Drive|Boulevard|Terrace|Crescent|Parkway|Highway)$/;

/** Endings of surnames in Nordic, Slavic, Baltic, Greek, Armenian, Georgian, Romanian and Turkish: "-sson", "-ski", "-ović", "-nen", "-shvili". */
const SURNAME_SHAPE =
  /(?:sson|ssen|sen|dóttir|dottir|ski|ska|sky|ská|ský|ović|ovič|ević|evič|vić|ić|(?<!g)ov|ova|ová|ev|eva|yev|yeva|enko|chuk|czuk|nen|escu|akis|opoulos|poulos|idis|yan|shvili|dze|oğlu|oglu|zadeh|qvist|kvist|ström)$/;

/** Small words inside a surname: "van", "de", "ten". */
const NAME_PARTICLE = /^(?:van|von|de|den|der|ten|ter|da|di|du|del|della|le|la|dos|das|bin|ibn|al)$/;

const PERSON_TAGS = ['Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName'];

/** compromise's tags for a given name. */
const GIVEN_NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName', 'Person'];

/**
 * Whether compromise's lexicon, out of context, knows the word as a given name: the names list holds many words
 * that are someone's name somewhere ("Given", "Made"); the lexicon knows the common given names.
 */
function givenNameInLexicon(word: string): boolean {
  const tags = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon[word];
  return tags !== undefined && GIVEN_NAME_TAGS.some((x) => (typeof tags === 'string' ? tags === x : tags.includes(x)));
}

/**
 * A country that is also a given name, right before a surname read as a name, is the given
 * name: "Jordan Smith called", "a call from Jordan Smith". Before a word that is no name
 * ("flew to Jordan last May") it stays a country.
 */
export function countryGivenNames(text: string, spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    const m = s.kind === 'name' ? /(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}+)[ \t]$/u.exec(text.slice(Math.max(0, s.start - 30), s.start)) : null;
    const start = m ? s.start - m[0].length : s.start;
    if (!m || (prev && prev.end > start) || !COUNTRY.test(m[1]) || !givenNameInLexicon(m[1].toLowerCase())) {
      out.push(s);
      continue;
    }
    out.push({ ...s, start, words: [m[1], ...(s.words ?? [])] });
  }
  return out;
}

const PLACE_SUFFIX = /(?:ville|ton|burg|borough|boro|chester|field|ford|land|port|stead|haven|side|town|wood|mouth|dale|bury|mont|ham|wick|worth|shire|by)$/;
const PLACE_PREFIX = new Set([
  'North',
  'South',
  'East',
  'West',
  'New',
  'Lake',
  'Port',
  'Fort',
  'Mount',
  'Mt',
  'San',
  'Santa',
  'St',
  'Saint',
  'Glen',
  'Upper',
  'Lower',
  'Little',
  'Great',
  // Spanish articles and the Tunisian and French estate ("Las Toscas", "Cite Ben Arous").
  'Las',
  'Los',
  'Cite',
  'Cité',
]);

function gapIs(text: string, a: Token, b: Token, pattern: RegExp): boolean {
  return pattern.test(text.slice(a.end, b.start));
}

export interface NameResult {
  readonly spans: Span[];
  readonly check: CheckSpan[];
}

/** Names, places and the words to check, in text order; `taken` holds spans already claimed. */
export function findNamesAndPlaces(text: string, taken: (start: number, end: number) => boolean): NameResult {
  const { words, names, places } = wordLists();
  const tokens = tokenize(text);
  tag(text, tokens);
  const allCaps = (t: Token): boolean => t.text.length > 1 && t.text === t.text.toUpperCase();
  // "clear amber urine", "brown stool": a colour, not Amber or Brown.
  const colour = (t: Token): boolean =>
    /^(?:amber|brown|rose|ruby|golden|auburn|hazel)$/i.test(t.text) &&
    /\b(?:urine|stool|stools|sputum|secretions?|drainage|drng|bile|emesis|fluid|liquid|colou?red|tinged)\b|\/\s*(?:orange|yellow|red|clear|green)/i.test(
      text.slice(Math.max(0, t.start - 30), t.end + 30),
    );
  const known = (t: Token): boolean =>
    colour(t) ||
    KNOWN_TERMS.has(t.lower) ||
    TITLES.has(t.lower) ||
    RELATIONS.has(t.lower) ||
    CLINICAL_WORDS.has(t.lower) ||
    (CLINICAL_ABBREVIATIONS.has(t.lower) && (allCaps(t) || !t.cap || !names.has(t.text)));
  const ordinary = (t: Token): boolean => known(t) || words.has(t.lower);
  /**
   * In a note in shorthand or in capitals, a word of five to twenty letters, listed as no name,
   * one slip from an English word or a known term: a misspelling of a hurried note
   * ("RECIEVE", "SUBCALVIAN", "CHAOR"), not a name. Elsewhere a name of another language is
   * as often one slip from an English word ("Ciset", "Jouko").
   */
  const misspellings = new Map<string, boolean>();
  const misspelt = (t: Token): boolean => {
    if (!(shorthand || inCapitals) || t.text.length < 5 || t.text.length > 20 || names.has(t.text[0].toUpperCase() + t.lower.slice(1))) return false;
    let found = misspellings.get(t.lower);
    if (found === undefined) {
      found = words.oneSlipFrom(t.lower) || slips(t.lower).some((w) => KNOWN_TERMS.has(w));
      misspellings.set(t.lower, found);
    }
    return found;
  };
  /** A capitalised word that no list knows: a proper name of some kind. */
  // "GI-abd", "RESP-pt", "X-Ray": parts each a word, a term or a letter make no name.
  // Two surnames that are words ("Weeks-Rivas") stay a name: a part must be a letter, a clinical term or in lower case.
  const clinicalPart = (p: string): boolean => KNOWN_TERMS.has(p) || CLINICAL_WORDS.has(p) || CLINICAL_ABBREVIATIONS.has(p);
  const compound = (t: Token): boolean =>
    t.text.includes('-') &&
    t.lower.split('-').every((p) => p.length <= 1 || words.has(p) || clinicalPart(p)) &&
    t.text.split('-').some((p) => p.length <= 1 || clinicalPart(p.toLowerCase()) || /^\p{Ll}+$/u.test(p));
  const unknownWord = (t: Token): boolean =>
    t.cap && !t.single && !ordinary(t) && !TITLES.has(t.lower) && !/['’](?:m|re|ve|ll|d|t)$/i.test(t.text) && !compound(t);
  const strange = (t: Token): boolean => unknownWord(t) && !misspelt(t);
  const free = (t: Token): boolean => !taken(t.start, t.end);

  // A name for sure: after a title or a relation ("Dr. Patel", "my sister, Grace,").
  const strong = (i: number): boolean => {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if (!t.cap || t.single || !prev || TITLES.has(t.lower) || FUNCTION_WORDS.has(t.lower)) return false;
    // In capitals, a word title is as often a relative or a role: "SISTER AND BROTHER", "FATHER VISITED".
    if (allCaps(prev) && allCaps(t) && prev.text.length > 4 && words.has(t.lower) && !(t.tags.includes('FirstName') && !WORD_GIVEN_NAMES.has(t.lower)))
      return false;
    // "MS" with no full stop is a mental state or a disease as often as a title: "MS INCISION", "MS improved".
    if (TITLES.has(prev.lower) && prev.cap && gapIs(text, prev, t, /^\.?[ \t]$/)) return !(prev.text === 'MS' && gapIs(text, prev, t, /^[ \t]$/));
    return RELATIONS.has(prev.lower) && !prev.cap && gapIs(text, prev, t, /^,?[ \t]$/);
  };
  // A note written in shorthand (many lower-case words no dictionary knows, "tol", "neo", and
  // clinical ones, "abd", "perrla"): there a listed name is shorthand as often as a name ("Hr",
  // "Peg", "spike"), so it needs more.
  const lowerTokens = tokens.filter((t) => !t.cap && !t.single);
  const unknownLower = lowerTokens.filter((t) => !words.has(t.lower) && !KNOWN_TERMS.has(t.lower)).length;
  const shorthand = unknownLower >= 8 && unknownLower > 0.05 * lowerTokens.length;
  // A clinical note (shorthand, or six clinical terms at least): there a lower-case word a name
  // list holds ("walker", "dec", "kub") needs compromise to read a person in it.
  const clinical =
    shorthand || tokens.filter((t) => CLINICAL_ABBREVIATIONS.has(t.lower) || CLINICAL_WORDS.has(t.lower) || KNOWN_TERMS.has(t.lower)).length >= 6;
  // A note written in capitals: there compromise reads a person in any word a name could be
  // ("NO FRANK BLEEDING", "TEMP SPIKE", "24 CM MARK"), so a word needs its lexicon's given name, and not one that is an everyday word too.
  const inCapitals = tokens.filter((t) => !t.single && allCaps(t)).length > 0.5 * tokens.filter((t) => !t.single).length;
  /** Capitalised words with no capitalised word beside them, and words in capitals: filled once the runs are read below. */
  const alone = new Set<Token>();
  // In a clinical note a word of four letters at most that is no given name is shorthand
  // ("OCC", "OOB", "Tyl", "STAT"), unless an initial stands before it ("D. Phyl") or a listed surname after it ("Jean Hudson, RN").
  const shortCode = (t: Token): boolean =>
    (clinical || inCapitals) &&
    t.text.length <= 4 &&
    !t.tags.includes('FirstName') &&
    !(!allCaps(t) && names.has(/^[ \t]+(\p{Lu}\p{Ll}+)/u.exec(text.slice(t.end, t.end + 30))?.[1] ?? '')) &&
    !/(?:^|[^\p{L}])\p{Lu}\.[ \t]$/u.test(text.slice(Math.max(0, t.start - 4), t.start));
  // Probably a name: a person to compromise, or a listed name that is not an English word.
  // Two letters alone ("Hr 80", "Ve 7L", but not "Du Cane") need compromise's word for it; in shorthand an English word
  // on its own ("Amber in color", "Peg intact", "BROWN, PALE") needs more than compromise's.
  const medium = (t: Token): boolean =>
    t.cap &&
    !t.single &&
    !known(t) &&
    !STREET_WORDS.test(t.text) &&
    !shortCode(t) &&
    ((t.tags.some((x) => PERSON_TAGS.includes(x)) &&
      // A title compromise knows ("Adm", "Gen", "Sgt") is no name itself: "ADM FROM CATH LAB".
      !t.tags.includes('Honorific') &&
      !(
        words.has(t.lower) &&
        ((shorthand && alone.has(t)) || (inCapitals && allCaps(t) && (!t.tags.includes('FirstName') || WORD_GIVEN_NAMES.has(t.lower))))
      )) ||
      (names.has(t.text) && !words.has(t.lower) && (t.text.length > 2 || !alone.has(t))));

  const spans: Span[] = [];
  const claimed = new Set<number>();
  const placeTokens: number[] = [];
  const claim = (from: number, to: number, span: Span): void => {
    spans.push(span);
    for (let k = from; k <= to; k++) claimed.add(k);
    if (span.kind === 'place') for (let k = from; k <= to; k++) placeTokens.push(k);
  };
  /** Tokens from..to as one name, each of their words part of it. */
  const claimName = (from: number, to: number): void =>
    claim(from, to, { start: tokens[from].start, end: tokens[to].end, kind: 'name', words: tokens.slice(from, to + 1).map((x) => x.text) });

  // Countries of several words stay whole, in any case: "Costa Rica", "burkina faso".
  for (let k = 0; k < tokens.length; k++) {
    for (let b = Math.min(tokens.length - 1, k + 5); b > k; b--) {
      if (!COUNTRY_PHRASES.has(text.slice(tokens[k].start, tokens[b].end).toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'"))) continue;
      for (let x = k; x <= b; x++) claimed.add(x);
      k = b;
      break;
    }
  }

  // Runs of capitalised words joined by a single space: "Sarah Okafor", "North Jena".
  const runs: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap || !free(tokens[i])) continue;
    let j = i;
    // A middle initial's full stop does not end the run: "Jane A. Doe".
    while (
      j + 1 < tokens.length &&
      tokens[j + 1].cap &&
      free(tokens[j + 1]) &&
      gapIs(text, tokens[j], tokens[j + 1], tokens[j].single && j > i ? /^\.?[ \t]$/ : /^[ \t]$/)
    )
      j++;
    runs.push([i, j]);
    i = j;
  }
  // Alone: no capitalised word beside it that could be the rest of a name ("Iv NTG": NTG is shorthand).
  // Counted once a run, so a line of thousands of capitalised words stays linear.
  for (const [i, j] of runs) {
    const nameLike = (o: Token): boolean => !allCaps(o) && !known(o);
    let count = 0;
    for (let k = i; k <= j; k++) if (nameLike(tokens[k])) count++;
    for (let k = i; k <= j; k++) if (allCaps(tokens[k]) || count - (nameLike(tokens[k]) ? 1 : 0) === 0) alone.add(tokens[k]);
  }

  const cueBefore = (t: Token): boolean => {
    const before = text.slice(Math.max(0, t.start - 40), t.start);
    return PLACE_CUES.some((p) => p.test(before));
  };
  // "TRANSFER TO QUARTERMAIN 2": in a clinical note, a unit of the hospital with its number, not a town or a street.
  const ward = (t: Token): boolean =>
    clinical &&
    /^[ \t]+\d{1,2}(?![\p{N}/.:-])/u.test(text.slice(t.end, t.end + 5)) &&
    /\b(?:transfer(?:red|ring)?|back|return(?:ed)?|go(?:ing)?)[ \t]+to[ \t]+$/i.test(text.slice(Math.max(0, t.start - 20), t.start));
  const weakCue = (t: Token): boolean => /\b(?:in|at|to)\s$/i.test(text.slice(Math.max(0, t.start - 4), t.start));
  const inAddress = (t: Token): boolean => {
    const before = /[\s,>]*$/.exec(text.slice(Math.max(0, t.start - 20), t.start));
    const edge = t.start - (before ? before[0].length : 0);
    return (edge > 0 && taken(edge - 1, edge)) || /^[ \t]*,?[ \t]+(?:\d|[A-Z]{1,2}\d)/.test(text.slice(t.end, t.end + 6));
  };
  // In shorthand a code after a word is shorthand too ("Last CO/CI", "PM CO"): a state only after a comma there.
  const stateAfter = (t: Token): boolean => STATE_AFTER.test(text.slice(t.end, t.end + 20)) && (!shorthand || text[t.end] === ',');

  for (const [i, j] of runs) {
    // Places first, longest phrase first, so "Grand Rapids" is one place.
    for (let a = i; a <= j; a++) {
      if (claimed.has(a)) continue;
      for (let b = Math.min(j, a + 3); b >= a; b--) {
        const phrase = text.slice(tokens[a].start, tokens[b].end);
        const single = a === b;
        if (tokens[a].single || tokens[b].single) continue;
        // States, countries and clinical terms are never a town ("Italy", "United Kingdom").
        if (tokens.slice(a, b + 1).every(known)) continue;
        const cue = cueBefore(tokens[a]) || stateAfter(tokens[b]);
        if (strong(a)) break; // "Dr. Jackson" is a person, whatever the map says
        let place = false;
        // A listed town that is also a word ("Toledo", "Hope") needs a word before it that says place.
        // A listed town that is also a person's name ("Jackson", "Morrison") with no word before it that says place is a person.
        // Beside an address, or before a postcode, it is the town.
        if (places.has(phrase) && single && !cue && !weakCue(tokens[a]) && medium(tokens[a]) && !allCaps(tokens[a]) && !inAddress(tokens[a])) place = false;
        else if (places.has(phrase)) place = !single || cue || !ordinary(tokens[a]) || (weakCue(tokens[a]) && !KNOWN_TERMS.has(tokens[a].lower));
        else if (cue && b === j) {
          const allKnown = tokens.slice(a, b + 1).every((t) => KNOWN_TERMS.has(t.lower));
          // "from Yuri Bulgakov": a given name then a word no list knows is a person, even after a word that says place.
          const personLike =
            (single ? medium(tokens[a]) : medium(tokens[a]) && !PLACE_PREFIX.has(tokens[a].text) && strange(tokens[b])) && !stateAfter(tokens[b]);
          // "HEARD FROM ANY FAMILY TODAY": in a line of capitals, everyday words after "from" are not a town.
          // In a clinical note, everyday words and misspellings in any case: "from Cath Lab", "TO CAHEI", "AT BEDISDE TODAY";
          // not where someone lives: "lives at Carpenter Assisted living".
          const dwelling = PLACE_CUES[1].test(text.slice(Math.max(0, tokens[a].start - 40), tokens[a].start));
          const shouted = tokens.slice(a, b + 1).every((t) => (allCaps(t) || (clinical && !dwelling)) && (ordinary(t) || t.single || misspelt(t)));
          // "from HD", "arrive from BB", "from TSICU": in a clinical note a short word in capitals is shorthand.
          const code = (clinical || inCapitals) && single && allCaps(tokens[a]) && tokens[a].text.length <= (shorthand ? 5 : 3);
          place = !allKnown && !personLike && !shouted && !code && !(single && ordinary(tokens[a]) && !stateAfter(tokens[b]));
        } else if (single && tokens[a].tags.includes('City')) place = true;
        else if (!single && b === j && PLACE_PREFIX.has(tokens[a].text) && tokens.slice(a + 1, b + 1).every((t) => !KNOWN_TERMS.has(t.lower))) place = true;
        // A town-shaped word ("-ville", "-borough") after "in", "at" or "to".
        else if (single && weakCue(tokens[a]) && !ordinary(tokens[a]) && !names.has(tokens[a].text) && PLACE_SUFFIX.test(tokens[a].lower) && !medium(tokens[a]))
          place = true;
        // Any word no list knows, in capitals or not, after a word that says place: "based in NAANTALI", "I am in Sutri".
        else if (
          single &&
          b === j &&
          strange(tokens[a]) &&
          // In shorthand "to Levophed", "100% NRB", "at FT": "in", "at" and "to" alone do not say place.
          (cueBefore(tokens[a]) || (weakCue(tokens[a]) && !shorthand)) &&
          !medium(tokens[a]) &&
          !(allCaps(tokens[a]) && tokens[a].text.length <= 3) &&
          !ward(tokens[a])
        )
          place = true;
        if (place) {
          claim(a, b, { start: tokens[a].start, end: tokens[b].end, kind: 'place' });
          a = b;
          break;
        }
      }
    }
    // Then names: a run with evidence of a person takes its neighbours that could be names.
    for (let a = i; a <= j; a++) {
      if (claimed.has(a) || !(strong(a) || medium(tokens[a]))) continue;
      let from = a;
      let to = a;
      const canJoin = (t: Token): boolean =>
        !t.single && !known(t) && (!words.has(t.lower) || names.has(t.text) || t.tags.some((x) => PERSON_TAGS.includes(x)));
      // After a name, a listed surname joins even when it is a word ("Sarah White", "Tom Reed"), and so does a middle initial.
      const canFollow = (t: Token): boolean =>
        canJoin(t) || t.single || (names.has(t.text) && !NEVER_SURNAME.has(t.lower) && !TITLES.has(t.lower) && !RELATIONS.has(t.lower) && !allCaps(t));
      while (from - 1 >= i && !claimed.has(from - 1) && canJoin(tokens[from - 1]) && !tokens[from - 1].sentenceStart) from--;
      // A sentence's first word joins only a name that it could start ("Sarah Okafor said").
      if (from - 1 >= i && !claimed.has(from - 1) && tokens[from - 1].sentenceStart && (medium(tokens[from - 1]) || strange(tokens[from - 1]))) from--;
      while (to + 1 <= j && !claimed.has(to + 1) && canFollow(tokens[to + 1])) to++;
      // After a word that says where, a street word ends the run as a street: "on Okafor Road", "down Main Street".
      const where = /\b(?:on|at|down|along|off|near|to|from|in|up|via)[ \t]+$/i.test(text.slice(Math.max(0, tokens[from].start - 8), tokens[from].start));
      const street = where ? tokens.slice(from, to + 1).findIndex((t, n) => n > 0 && STREET_WORDS.test(t.text)) : -1;
      if (street !== -1) {
        claim(from, from + street, { start: tokens[from].start, end: tokens[from + street].end, kind: 'address' });
        a = from + street;
        continue;
      }
      if (where && to + 1 <= j && STREET_WORDS.test(tokens[to + 1].text) && gapIs(text, tokens[to], tokens[to + 1], /^[ \t]$/)) {
        claim(from, to + 1, { start: tokens[from].start, end: tokens[to + 1].end, kind: 'address' });
        a = to + 1;
        continue;
      }
      const parts = tokens.slice(from, to + 1).map((t) => t.text);
      claim(from, to, { start: tokens[from].start, end: tokens[to].end, kind: 'name', words: parts });
      a = to;
    }
    // Two or more capitalised words that are neither English nor known terms are a proper
    // name whatever the lists say ("Krisztián Szöllösy", "Esat Jeknić"): a place after a
    // word that says place, a person otherwise. A middle initial may stand between them.
    for (let a = i; a <= j; a++) {
      // A word that looks misspelt joins one that does not ("Lopie Certusi"); misspellings alone make no name.
      if (claimed.has(a) || !unknownWord(tokens[a])) continue;
      let b = a;
      while (b + 1 <= j && !claimed.has(b + 1) && (unknownWord(tokens[b + 1]) || (tokens[b + 1].single && b + 2 <= j && unknownWord(tokens[b + 2])))) b++;
      const run = tokens.slice(a, b + 1);
      if (!run.some(strange)) {
        a = b;
        continue;
      }
      // In shorthand or a note in capitals, unknown words side by side, one in capitals, are as often misspellings and drugs ("RECIEVED LR", "MG CATOPRIL", "Enc CDB"): one must be a listed name.
      const listedPart = run.some((t) => !t.single && names.has(t.text[0] + t.text.slice(1).toLowerCase()));
      const shouting = run.some((t) => allCaps(t));
      if (
        run.filter((t) => !t.single).length >= 2 &&
        !run.every((t) => allCaps(t) && t.text.length <= 4) &&
        (!(shorthand || inCapitals) || !shouting || listedPart)
      ) {
        const place = cueBefore(tokens[a]) || weakCue(tokens[a]) || stateAfter(tokens[b]);
        claim(
          a,
          b,
          place
            ? { start: tokens[a].start, end: tokens[b].end, kind: 'place' }
            : { start: tokens[a].start, end: tokens[b].end, kind: 'name', words: run.map((t) => t.text) },
        );
      }
      a = b;
    }
  }

  // Names that context gives away, in any case.
  const isName = (t: Token): boolean => names.has(t.cap ? t.text : t.text[0].toUpperCase() + t.text.slice(1));
  // Any case, capitals too ("WELSH"): only where a title or role says a clinician is named.
  const listedAnyCase = (t: Token): boolean => isName(t) || (allCaps(t) && names.has(t.text[0] + t.text.slice(1).toLowerCase()));
  const personTag = (t: Token): boolean => t.tags.some((x) => PERSON_TAGS.includes(x));
  // Names in lower case are not read in a German, Spanish or French text (more of its small
  // words than of English ones): there most lower-case words are not English, and many are
  // also someone's name ("cuenta", "vient").
  const english = readsEnglish(tokens.map((t) => t.lower));
  const lowerName = (t: Token): boolean =>
    english && !t.cap && !t.single && t.text.length >= 3 && !known(t) && isName(t) && (!words.has(t.lower) || personTag(t)) && free(t);
  const claimRun = (k: number, ok: (t: Token) => boolean): void => {
    let to = k;
    while (
      to + 1 < tokens.length &&
      !claimed.has(to + 1) &&
      ok(tokens[to + 1]) &&
      gapIs(text, tokens[to], tokens[to + 1], tokens[to].single ? /^\.?[ \t]$/ : /^[ \t]$/) &&
      to - k < 2
    )
      to++;
    claimName(k, to);
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (claimed.has(k) || t.single || !free(t)) continue;
    const before = text.slice(Math.max(0, t.start - 30), t.start);
    // After a title a listed name is the name, even one that is also a word or an eponym: "mrs. Burns", "dr. murphy", "dr. white's order".
    const afterTitle =
      TITLE_BEFORE.test(before) &&
      listedAnyCase(t) &&
      !FUNCTION_WORDS.has(t.lower) &&
      !NOT_AFTER_RELATION.has(t.lower) &&
      !TITLES.has(t.lower) &&
      !RELATIONS.has(t.lower) &&
      !CLINICIAN_ROLES.test(t.text) &&
      !CLINICIAN_AFTER.test(t.text);
    if (known(t) && !WORD_GIVEN_NAMES.has(t.lower) && !afterTitle) continue;
    const after = text.slice(t.end, t.end + 40);
    // A speaker's label at the start of a line: "John: I don't want to".
    // A listed name that is also a word ("Amber", "carol") is a speaker when words in quotes follow: "Amber: \"Who are you?\"".
    const quoted = /^:[ \t]*\\?["“]/.test(after);
    const speaker =
      (t.cap || (english && quoted)) &&
      !known(t) &&
      isName(t) &&
      /(?:^|\n)[ \t]*(?:[-*][ \t]+)?$/.test(before) &&
      /^:[ \t"“\\]/.test(after) &&
      !SPEAKER_ROLES.has(t.lower) &&
      (!words.has(t.lower) || personTag(t) || t.tags.includes('Expression') || quoted);
    // A name with an initial after it: "Lily A.".
    const initialled = t.cap && !known(t) && isName(t) && /^[ \t]\p{Lu}\.(?:\s|$)/u.test(after);
    // "Hope is her aunt", "Grace called from the school", "her aunt called Hope", "Mary's daughter" (its apostrophe perhaps escaped, as text copied out of a program may have it).
    const context =
      t.cap &&
      isName(t) &&
      (/^\s+(?:is|was)\s+(?:my|her|his|their|our)\s+(\p{L}+)/u.test(after) &&
      RELATIONS.has(/^\s+(?:is|was)\s+(?:my|her|his|their|our)\s+(\p{L}+)/u.exec(after)?.[1].toLowerCase() ?? '')
        ? true
        : /^\\?['’]s\s+(\p{L}+)/u.test(text.slice(t.end, t.end + 30)) &&
            RELATIONS.has(/^\\?['’]s\s+(\p{L}+)/u.exec(text.slice(t.end, t.end + 30))?.[1].toLowerCase() ?? '') &&
            !known(t)
          ? true
          : /^\s+(?:called|phoned|rang|texted|emailed|wrote|said|told|asked|visited|came\s+by|dropped\s+by)\b/.test(after) &&
              tokens[k + 1]?.lower !== 'me' &&
              !words.has(t.lower)
            ? true
            : /^\s+(?:called|phoned|rang|texted|emailed|wrote|said|told|asked|visited)\b/.test(after) && t.sentenceStart && WORD_GIVEN_NAMES.has(t.lower));
    // A given name, capitalised, after a word that says someone was reached: "only able to reach Rob..", "updated Grace".
    const reached =
      t.cap &&
      !allCaps(t) &&
      !t.sentenceStart &&
      givenNameInLexicon(t.lower) &&
      /\b(?:reach|reached|call|called|phone|phoned|page|paged|notified|updated|informed|(?:spoke|spoken|talked|met)[ \t]+(?:to|with))[ \t]+$/i.test(before);
    // The names after "Drs." go on in a list: "DRS JOSEPH AND ROBBINSON AWARE", "Drs. Patel, Green and Okafor".
    const listedDoctor =
      t.cap &&
      claimed.has(tokens[k - 1]?.lower === 'and' ? k - 2 : k - 1) &&
      /\bdrs\.?[ \t]+\p{L}[\p{L}'’-]*(?:[ \t]*,[ \t]*\p{L}[\p{L}'’-]*)*[ \t]*(?:,|\band\b|&)[ \t]*$/iu.test(before) &&
      !known(t) &&
      !FUNCTION_WORDS.has(t.lower) &&
      !CLINICIAN_ROLES.test(t.text) &&
      (listedAnyCase(t) || !words.has(t.lower));
    // Two people by their initials, in any case: "nsg (d. renna and j. o'brien) verified".
    const initialledPair =
      /(?:^|[\s(])\p{L}\.[ \t]$/u.test(before) &&
      (/^[ \t]+and[ \t]+\p{L}\.[ \t]\p{L}/u.test(after) || /(?:^|[\s(])\p{L}\.[ \t]\p{L}[\p{L}'’-]*[ \t]+and[ \t]+\p{L}\.[ \t]$/u.test(before)) &&
      t.text.length >= 3 &&
      !known(t) &&
      !FUNCTION_WORDS.has(t.lower) &&
      !words.has(t.lower);
    // In lower case too, a given name before a relation: "i'm michael's daughter", its apostrophe perhaps escaped.
    const possessed =
      !t.cap &&
      english &&
      isName(t) &&
      !RELATIONS.has(t.lower) &&
      (!words.has(t.lower) || givenNameInLexicon(t.lower)) &&
      RELATIONS.has(/^\\?['’]s\s+(\p{L}+)/u.exec(text.slice(t.end, t.end + 30))?.[1].toLowerCase() ?? '');
    // Lower case: "my name is borna jerković", "my son bill", "mr. nicholson", "emma".
    const introduced =
      /\b(?:my|her|his|their)\s+(?:(?:maiden|first|last|middle|family|given)\s+)?(?:sur)?name\s+is\s+$|\bnamed\s+$|\bcalls?\s+(?:me|her|him)\s+$|\bname\s*[?:]\s*$/i.test(
        before,
      ) && !FUNCTION_WORDS.has(t.lower);
    // "ms" only with its full stop: "ms given" is morphine given.
    const titled = !t.cap && (/\b(?:mr|mrs|dr|miss|mx)\.?\s+$/i.test(before) || /\bms\.\s*$/i.test(before)) && !words.has(t.lower);
    const related =
      !t.cap &&
      /\b(?:my|her|his|their|our)\s+(\p{L}+)[ \t]+$/u.test(before) &&
      RELATIONS.has(/(\p{L}+)[ \t]+$/u.exec(before)?.[1].toLowerCase() ?? '') &&
      isName(t) &&
      (!words.has(t.lower) || WORD_GIVEN_NAMES.has(t.lower));
    // Clinicians as notes name them, in any case: "dr green", "Dr.King", "DR. L. RUUSKA", "per
    // d ross", "NP DJURIC", "E. WELSH AWARE", "q. lander rrt". Listed names, or words no
    // dictionary knows; "dr aware", "per team" and "NP notified" stay.
    // The context first, a cheap test that fails for almost every word; the lists only then.
    // A word that is also English is the name after "Dr." when the tagger reads a person there, or when the title runs into it ("DR.GATEMAN").
    const plausible = (): boolean =>
      !known(t) &&
      !FUNCTION_WORDS.has(t.lower) &&
      !NOT_AFTER_RELATION.has(t.lower) &&
      !TITLES.has(t.lower) &&
      !CLINICIAN_ROLES.test(t.text) &&
      (listedAnyCase(t) || !words.has(t.lower) || (CLINICIAN_TITLE_BEFORE.test(before) && (personTag(t) || GLUED_TITLE_BEFORE.test(before))));
    // "son bill called", "wife, rose, left", "BROTHER VINNY", "husband milovan": a listed name,
    // or a word no list knows, right after a relation; one that is also a word needs commas
    // round it or a deed after it.
    const relation = RELATION_BEFORE.exec(before);
    const relative =
      english &&
      relation !== null &&
      (RELATIONS.has(relation[1].toLowerCase()) || /^significant[ \t]+other$/i.test(relation[1])) &&
      (listedAnyCase(t) || (t.text.length >= 4 && unlisted(t.text))) &&
      !known(t) &&
      !FUNCTION_WORDS.has(t.lower) &&
      !NOT_AFTER_RELATION.has(t.lower) &&
      !TITLES.has(t.lower) &&
      !RELATIONS.has(t.lower) &&
      !CLINICIAN_ROLES.test(t.text) &&
      (!words.has(t.lower) ||
        (givenNameInLexicon(t.lower) && !WORD_GIVEN_NAMES.has(t.lower)) ||
        (((relation[2] === ',' && /^[ \t]*,/.test(after)) || RELATIVE_ACTS.test(after)) && !t.tags.includes('Verb')));
    // "HOUSE STAFF mary souza AWARE": a listed name in lower case, perhaps with its surname, then "aware" or "notified".
    const namedThenAware =
      !t.cap &&
      t.text.length >= 3 &&
      listedAnyCase(t) &&
      !known(t) &&
      !words.has(t.lower) &&
      (AWARE_AFTER.test(after) ||
        (/^[ \t]+\p{L}{3,}/u.test(after) &&
          !words.has(/^[ \t]+(\p{L}+)/u.exec(after)?.[1].toLowerCase() ?? '') &&
          AWARE_AFTER.test(after.replace(/^[ \t]+\p{L}+/u, ''))));
    // "CHARLIE (SIGNIFICANT OTHER)", "Stord-Painter MD": a relation or role in brackets after a
    // listed name; a capitalised word no list knows before a clinician's letters.
    const bracketed =
      listedAnyCase(t) && (!words.has(t.lower) || allCaps(t)) && !RELATIONS.has(t.lower) && !FUNCTION_WORDS.has(t.lower) && ROLE_IN_BRACKETS_AFTER.test(after);
    const lettered =
      (/^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(t.text) || (t.cap && !allCaps(t) && listedAnyCase(t) && !words.has(t.lower))) &&
      strange(t) &&
      /^[ \t]*,?[ \t]*(?:md|rn|np|rrt|pa-c)\b/i.test(after);
    // "PER WARREN KAVALIUNAS NP": in capitals, a listed given name, then a word no list knows, then a role's letters.
    const given = tokens[k - 1];
    const namedBeforeRole =
      allCaps(t) &&
      t.text.length >= 4 &&
      strange(t) &&
      /^[ \t]*,?[ \t]*(?:md|rn|np|rrt|pa-c)\b/i.test(after) &&
      given !== undefined &&
      !claimed.has(k - 1) &&
      allCaps(given) &&
      listedAnyCase(given) &&
      !known(given) &&
      !FUNCTION_WORDS.has(given.lower) &&
      gapIs(text, given, t, /^[ \t]$/);
    // "IV NURSE VIRGINIA SALLESE CALLED": after a role, a given name (a state's too) and a word no list knows.
    const namedAfterRole =
      strange(t) &&
      t.text.length >= 4 &&
      given !== undefined &&
      !claimed.has(k - 1) &&
      listedAnyCase(given) &&
      givenNameInLexicon(given.lower) &&
      !FUNCTION_WORDS.has(given.lower) &&
      gapIs(text, given, t, /^[ \t]$/) &&
      CLINICIAN_ROLE_BEFORE.test(text.slice(Math.max(0, given.start - 30), given.start));
    const clinician =
      !introduced &&
      (CLINICIAN_TITLE_BEFORE.test(before) ||
        namedThenAware ||
        bracketed ||
        lettered ||
        PER_INITIAL_BEFORE.test(before) ||
        (PER_BEFORE.test(before) && listedAnyCase(t) && !words.has(t.lower)) ||
        // "NP DJURIC", "MD SPEARS"; not "4L NP GOOD BREATH SOUNDS" (nasal prongs), an everyday word after NP.
        // "np cough" (non-productive), "MD ORDERS", "RN HAS": a word after a role is a name only when it is no verb and no word of the ward.
        (CLINICIAN_ROLE_BEFORE.test(before) &&
          listedAnyCase(t) &&
          !(/\bnp\s+$/i.test(before) && (allCaps(t) || !t.cap) && words.has(t.lower)) &&
          !(words.has(t.lower) && (t.tags.includes('Verb') || NOT_AFTER_ROLE.has(t.lower)))) ||
        (INITIAL_BEFORE.test(before) && CLINICIAN_AFTER.test(after))) &&
      plausible();
    // "dr. john bowman.": after a title and a given name, a listed surname that is also a word, the name's end.
    const surnameAfterGiven = (n: Token): boolean =>
      n === tokens[k + 1] &&
      givenNameInLexicon(t.lower) &&
      !known(n) &&
      !FUNCTION_WORDS.has(n.lower) &&
      !NOT_AFTER_RELATION.has(n.lower) &&
      !n.tags.includes('Verb') &&
      /^[ \t]*(?:[.,;:)!?]|\r?\n|$)/.test(text.slice(n.end, n.end + 4));
    const clinicianRest = (n: Token): boolean =>
      !known(n) &&
      !FUNCTION_WORDS.has(n.lower) &&
      !CLINICIAN_ROLES.test(n.text) &&
      !CLINICIAN_AFTER.test(n.text) &&
      !STREET_WORDS.test(n.text) &&
      (!words.has(n.lower) || (n.cap && !allCaps(n) && isName(n)));
    if (introduced) claimRun(k, (n) => !known(n) && !FUNCTION_WORDS.has(n.lower));
    else if (namedBeforeRole || namedAfterRole) claimName(k - 1, k);
    else if (clinician && !speaker && !context) {
      claimRun(k, (n) => clinicianRest(n) || (listedAnyCase(n) && surnameAfterGiven(n)));
      // "EARL N. RAND, RRT": the given name before the initial too.
      const first = tokens[k - 2];
      if (
        INITIAL_BEFORE.test(before) &&
        tokens[k - 1]?.single &&
        first !== undefined &&
        first.cap &&
        !claimed.has(k - 2) &&
        free(first) &&
        gapIs(text, first, tokens[k - 1], /^[ \t]$/) &&
        !known(first) &&
        !FUNCTION_WORDS.has(first.lower) &&
        !TITLES.has(first.lower) &&
        !RELATIONS.has(first.lower) &&
        !CLINICIAN_ROLES.test(first.text) &&
        first.lower !== 'per' &&
        (listedAnyCase(first) || !words.has(first.lower))
      )
        claim(k - 2, k - 1, { start: first.start, end: tokens[k - 1].end, kind: 'name', words: [first.text] });
    } else if (listedDoctor || initialledPair) claimName(k, k);
    else if (afterTitle) claimRun(k, (n) => listedAnyCase(n) && (clinicianRest(n) || surnameAfterGiven(n)));
    else if (initialled) claim(k, k + 1, { start: t.start, end: tokens[k + 1].end, kind: 'name', words: [t.text] });
    else if (speaker || context || reached || possessed || titled || related || relative)
      claimRun(k, (n) => !known(n) && (lowerName(n) || (n.cap && isName(n) && !NEVER_SURNAME.has(n.lower))));
    else if (lowerName(t) && (!clinical || (personTag(t) && (!shorthand || !words.has(t.lower))))) claimRun(k, lowerName);
  }

  const countryLine = new RegExp(`^[ \\t]*\\r?\\n[ \\t>?]*(?:${COUNTRY.source.slice(4, -2)})(?![\\p{L}])`, 'iu');
  const lineAboveCountry = (end: number): boolean => countryLine.test(text.slice(end, end + 80));
  const anyClaimed = (from: number, to: number): boolean => {
    for (let i = from; i <= to; i++) if (claimed.has(i)) return true;
    return false;
  };
  // Towns in lower case after a word that says place: "lives in catonsville".
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    // Also after "in", "at", "to" when the word could be nothing else, and alone on a line above a country ("montzen" then "belgium 64733").
    const weak = weakCue(t) && unlisted(t.text) && !ENGLISH_SHAPE.test(t.lower);
    const line = /(?:^|\n)[ \t>?]*$/.test(text.slice(Math.max(0, t.start - 8), t.start)) && lineAboveCountry(t.end);
    // A town of two or three words may start with an English word after a word that says place: "returned to new haven", "lives in white marsh"; not "due to high level".
    const everyday = words.has(t.lower) || known(t);
    const phraseCue = everyday && (cueBefore(t) || /\breturn(?:ed|ing|s)?[ \t]+to[ \t]+$/i.test(text.slice(Math.max(0, t.start - 20), t.start)));
    if (claimed.has(k) || t.cap || t.single || !free(t) || (everyday && !phraseCue) || !(cueBefore(t) || weak || line || phraseCue)) continue;
    for (let b = Math.min(tokens.length - 1, k + 2); b >= k; b--) {
      const phrase = text.slice(t.start, tokens[b].end).toLowerCase();
      if (places.hasLowerCase(phrase) && !anyClaimed(k, b) && (b > k || !phraseCue)) {
        claim(k, b, { start: t.start, end: tokens[b].end, kind: 'place' });
        break;
      }
    }
    // A town of another country: one word that is neither English nor a name ("flew to finnbogastaðir").
    if (
      english &&
      !claimed.has(k) &&
      !phraseCue &&
      (!shorthand || cueBefore(t)) &&
      t.text.length >= 4 &&
      !isName(t) &&
      /^[ \t]*(?:[.,;!?)]|\s+(?:on|in|for|to|and|with|last|next|since|before|after|at|this|that|from|by|every|yesterday|today|tomorrow)\b|\s*$)/.test(
        text.slice(t.end, t.end + 11),
      )
    ) {
      claim(k, k, { start: t.start, end: t.end, kind: 'place' });
    }
  }

  // A line that is a town and nothing else, above or before a country: "ALFRICK\nUnited Kingdom", "NUNGATTA Australia".
  for (const m of text.matchAll(TOWN_BEFORE_COUNTRY)) {
    if (m.index === undefined) continue;
    const from = m.index + m[0].length - m[1].length;
    const ks = tokens.flatMap((t, k) => (t.start >= from && t.end <= from + m[1].length ? [k] : []));
    if (ks.length === 0 || ks.some((k) => claimed.has(k) || !free(tokens[k]) || !(strange(tokens[k]) || places.has(tokens[k].text)))) continue;
    claim(ks[0], ks[ks.length - 1], { start: tokens[ks[0]].start, end: tokens[ks[ks.length - 1]].end, kind: 'place' });
  }

  // A list of three or more capitalised words, each a listed name or a word no list knows, and
  // one at least that no list knows, is a list of people: "Monjeau, Graves and Reed".
  const byStart = new Map(tokens.map((t, k) => [t.start, k]));
  for (const m of text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Lu}[\p{L}'’-]+(?:,[ \t]+\p{Lu}[\p{L}'’-]+)+,?[ \t]+(?:and|&)[ \t]+\p{Lu}[\p{L}'’-]+/gu)) {
    if (m.index === undefined) continue;
    const items = [...m[0].matchAll(/\p{Lu}[\p{L}'’-]+/gu)].map((w) => byStart.get((m.index ?? 0) + (w.index ?? 0)));
    if (items.some((k) => k === undefined)) continue;
    const ks = items as number[];
    // An eponym may be a surname here ("Graves"), since a word no list knows stands with it.
    const ok = ks.every((k) => !claimed.has(k) && free(tokens[k]) && !allCaps(tokens[k]) && (isName(tokens[k]) || strange(tokens[k])));
    if (ok && ks.some((k) => strange(tokens[k]))) for (const k of ks) claimName(k, k);
  }

  // Surnames in a list with a name: "Monjeau, Graves and Reed", "Usamov and Bowers".
  for (let grew = true; grew;) {
    grew = false;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (
        claimed.has(k) ||
        !t.cap ||
        t.single ||
        !free(t) ||
        !(isName(t) || strange(t)) ||
        NEVER_SURNAME.has(t.lower) ||
        allCaps(t) ||
        KNOWN_TERMS.has(t.lower)
      )
        continue;
      const listed = (n: number, before: boolean): boolean => {
        const o = tokens[n];
        if (!o || !claimed.has(n) || !spans.some((sp) => sp.kind === 'name' && sp.start <= o.start && o.end <= sp.end)) return false;
        const gap = before ? text.slice(o.end, t.start) : text.slice(t.end, o.start);
        return /^(?:,[ \t]*|[ \t]+(?:and|&|or)[ \t]+|,[ \t]*(?:and|&|or)[ \t]+)$/.test(gap);
      };
      const joiner = (n: number): boolean => ['and', 'or'].includes(tokens[n]?.lower ?? '');
      if (listed(joiner(k - 1) ? k - 2 : k - 1, true) || listed(joiner(k + 1) ? k + 2 : k + 1, false)) {
        claimName(k, k);
        grew = true;
      }
    }
  }

  // A lone word no list knows is a person when the sentence treats it as one: a speaker's
  // label, a greeting, "says X", "X is from", "X began". Companies stand in the same
  // places less often with these words, and "X is a bank" (a definition) is left alone.
  // A word no list knows that ends as surnames of many languages end ("Kozłowski", "Hyvönen", "Salómonsson") is one too.
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (claimed.has(k) || !free(t) || allCaps(t) || places.has(t.text)) continue;
    const shaped =
      SURNAME_SHAPE.test(t.lower) &&
      !STREET_AFTER_NAME.test(text.slice(t.end, t.end + 14)) &&
      (t.cap ? strange(t) : english && !shorthand && t.text.length >= 5 && unlisted(t.text) && !ENGLISH_SHAPE.test(t.lower));
    if (!strange(t) && !shaped) continue;
    const before = text.slice(Math.max(0, t.start - 30), t.start);
    const after = text.slice(t.end, t.end + 30);
    const acts = PERSON_AFTER.test(after) && !/^['’]s\b/.test(text.slice(t.end, t.end + 3));
    const addressed = PERSON_BEFORE.test(before);
    const speaker = /(?:^|\n)[ \t>]*(?:[-*][ \t]+)?$/.test(before) && /^:[ \t"“\\]/.test(after);
    if (acts || addressed || speaker || shaped) claimName(k, k);
  }

  // A word no list knows before a street word is a street, even with no number: "on Vizirov Street", "on panković street".
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k];
    if (claimed.has(k) || !free(t) || t.single || !STREET_AFTER_NAME.test(text.slice(t.end, t.end + 14))) continue;
    if (!(t.cap ? strange(t) && !allCaps(t) : english && unlisted(t.text) && !ENGLISH_SHAPE.test(t.lower))) continue;
    const word = STREET_AFTER_NAME.exec(text.slice(t.end, t.end + 14));
    const end = t.end + (word ? word[0].length : 0);
    if (taken(t.start, end)) continue;
    claim(k, k + 1, { start: t.start, end, kind: 'address' });
  }

  // The rest of a name beside one already found, perhaps across an initial: "Tzigane [name]",
  // "Valentine S. [name]", "emidio p [name]", "[name] g. samoylova". A word no list knows,
  // or a listed name, in capitals; in lower case, any word that is not English.
  const restOfName = (n: number, initial: boolean): boolean => {
    const o = tokens[n];
    if (
      !o ||
      claimed.has(n) ||
      o.single ||
      !free(o) ||
      FUNCTION_WORDS.has(o.lower) ||
      TITLES.has(o.lower) ||
      RELATIONS.has(o.lower) ||
      NEVER_SURNAME.has(o.lower)
    )
      return false;
    if (o.cap) return !allCaps(o) && (strange(o) || (isName(o) && (initial || !ordinary(o))));
    return english && o.text.length >= 3 && !words.has(o.lower) && !known(o) && !/['’](?:m|re|ve|ll|d|t)$/.test(o.lower);
  };
  // Looked up by offset, not searched for each name: a long section holds thousands of both.
  const startsAt = new Map<number, number>();
  const endsAt = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (!startsAt.has(t.start)) startsAt.set(t.start, i);
    if (!endsAt.has(t.end)) endsAt.set(t.end, i);
  });
  for (const span of [...spans]) {
    if (span.kind !== 'name') continue;
    const first = startsAt.get(span.start) ?? -1;
    const last = endsAt.get(span.end) ?? -1;
    if (first === -1 || last === -1) continue;
    const sideways = (step: -1 | 1): void => {
      const edge = step === -1 ? first : last;
      const next = tokens[edge + step];
      const initial = next !== undefined && next.single && !claimed.has(edge + step);
      const k = initial ? edge + 2 * step : edge + step;
      const o = tokens[k];
      if (!o) return;
      const [a, b] = step === -1 ? [o, tokens[edge]] : [tokens[edge], o];
      const gap = text.slice(a.end, b.start);
      const ok = initial ? /^[ \t]+\p{L}\.?[ \t]+$/u.test(gap) : /^[ \t]+$/.test(gap);
      if (ok && restOfName(k, initial)) {
        const from = step === -1 ? k : edge + 1;
        const to = step === -1 ? edge - 1 : k;
        claim(from, to, { start: tokens[from].start, end: tokens[to].end, kind: 'name', words: [...(span.words ?? []), o.text] });
      }
    };
    sideways(-1);
    sideways(1);
  }

  // Small words inside a name, between a name and its capitalised rest: "William ten Pas", "Jessica van den Oord".
  const inName = (n: number): boolean => {
    const o = tokens[n];
    return o !== undefined && claimed.has(n) && spans.some((sp) => sp.kind === 'name' && sp.start <= o.start && o.end <= sp.end);
  };
  for (let k = 1; k < tokens.length; k++) {
    if (claimed.has(k) || !NAME_PARTICLE.test(tokens[k].text) || !inName(k - 1) || !gapIs(text, tokens[k - 1], tokens[k], /^[ \t]$/)) continue;
    let e = k;
    while (e + 1 < tokens.length && !claimed.has(e + 1) && NAME_PARTICLE.test(tokens[e + 1].text) && gapIs(text, tokens[e], tokens[e + 1], /^[ \t]$/)) e++;
    const next = tokens[e + 1];
    if (!next || !gapIs(text, tokens[e], next, /^[ \t]$/) || !next.cap || !free(next)) continue;
    if (!inName(e + 1) && (claimed.has(e + 1) || known(next) || NEVER_SURNAME.has(next.lower) || allCaps(next))) continue;
    const to = inName(e + 1) ? e : e + 1;
    claimName(k, to);
    k = to;
  }

  // A word already known as part of a name is that name wherever it appears again.
  const nameWords = new Set<string>();
  for (const s of spans) if (s.kind === 'name') for (const w of s.words ?? []) if ([...w].length > 1) nameWords.add(w);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    // In lower case only when the name was written so and is not an English word ("eric g. samoylova" ... "early samoylova").
    if (claimed.has(k) || !nameWords.has(t.text) || !(t.cap || !words.has(t.lower)) || !free(t)) continue;
    claimName(k, k);
  }
  // The same for a town no list knows ("ΒΙΚΛΑ", "Sušice"): found once, it is that town wherever it appears again.
  const placeWords = new Set<string>();
  for (const k of placeTokens) if (tokens[k].cap && strange(tokens[k])) placeWords.add(tokens[k].text);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (claimed.has(k) || !placeWords.has(t.text) || !free(t)) continue;
    claim(k, k, { start: t.start, end: t.end, kind: 'place' });
  }

  // A street with no street word, between numbers: "6750 Koskikatu 25", "255 hersnapvej 18".
  // The words must be neither English nor known terms, so "in 2019 she was 45" stays.
  // On a line of its own (an address written out), any words that do not go on with a sentence will do: "78 Camiño Ancho 91".
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,/-])\d{1,6}[ \t]+((?:\p{L}[\p{L}'’.-]*[ \t]+){1,3})\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}/-]|[.,]\d|['’]s)/gu)) {
    if (m.index === undefined) continue;
    const parts = m[1].trim().split(/[ \t]+/);
    const unknown = (w: string): boolean => {
      const lower = w.toLowerCase().replace(/[.]$/, '');
      return lower.length > 2 && !words.has(lower) && !KNOWN_TERMS.has(lower) && !CLINICAL_WORDS.has(lower) && !CLINICAL_ABBREVIATIONS.has(lower);
    };
    const end = m.index + m[0].length;
    const ownLine = /(?:^|\n)[ \t>?]*$/.test(text.slice(Math.max(0, m.index - 8), m.index)) && /^[ \t]*(?:,|\r?\n|$)/.test(text.slice(end, end + 3));
    // An initial ("Ρ.", "N.") neither makes nor unmakes a street: "43 Ρ. Φεραίου 13".
    const named = parts.filter((w) => !/^\p{L}\.$/u.test(w));
    const strange =
      named.length === 0
        ? false
        : named.length <= 2
          ? named.every(unknown)
          : named.some(unknown) &&
            named.every(
              (w) =>
                !FUNCTION_WORDS.has(w.toLowerCase()) &&
                !(w.length >= 3 && (CLINICAL_ABBREVIATIONS.has(w.toLowerCase()) || CLINICAL_WORDS.has(w.toLowerCase()))),
            );
    if (
      !(
        strange ||
        (ownLine && parts.every((w) => !FUNCTION_WORDS.has(w.toLowerCase()) && !KNOWN_TERMS.has(w.toLowerCase()) && !CLINICAL_WORDS.has(w.toLowerCase())))
      ) ||
      taken(m.index, end)
    )
      continue;
    const street: Span = { start: m.index, end: m.index + m[0].length, kind: 'address' };
    spans.push(street, ...addressBlock(text, street).filter((p) => !taken(p.start, p.end)));
  }

  // What is left but deserves a look.
  const check: CheckSpan[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (claimed.has(k) || t.single || !free(t) || known(t) || /['’](?:m|re|ve|ll|d|t)$/i.test(t.text)) continue;
    // Capitalised: a word no list knows, or mid-sentence a listed name that is also a word ("Bowers", "Alma");
    // in lower case, in an English text, a word of four letters or more that no list knows ("bártová", "montzen").
    // A lower-case word built as English or clinical words are ("sertraline", "dysregulated") is not looked at.
    const prev = tokens[k - 1];
    const look = t.cap
      ? !ordinary(t) || (!t.sentenceStart && !allCaps(t) && isName(t) && !NEVER_SURNAME.has(t.lower) && !(prev?.cap && gapIs(text, prev, t, /^['’]?s?[ \t]$/)))
      : english && t.text.length >= 4 && !words.has(t.lower) && !/^\p{N}/u.test(text.slice(t.end, t.end + 1)) && !ENGLISH_SHAPE.test(t.lower);
    if (!look) continue;
    if (t.sentenceStart && t.tags.some((x) => x === 'Verb' || x === 'Adverb' || x === 'Adjective')) continue;
    // In a clinical note, a short code no names list holds is shorthand: "SBP", "NSR", "ls".
    if (shortCode(t) && !listedAnyCase(t)) continue;
    // A heading run into its first word with a double hyphen ("NEURO--ALERT", "CV--NSR"): every part a known term, or a word
    // or short code that is no common given name and no listed name outside English ("SOCIAL--ANN" is looked at).
    const nameLike = (p: Token): boolean => givenNameInLexicon(p.lower) || (listedAnyCase(p) && !words.has(p.lower));
    if (
      t.text.includes('--') &&
      t.text
        .split(/-+/)
        .map((p) => ({ ...t, text: p, lower: p.toLowerCase() }))
        .every((p) => p.text.length <= 2 || known(p) || ((ordinary(p) || shortCode(p)) && !nameLike(p)))
    )
      continue;
    const before = text.slice(Math.max(0, t.start - 4), t.start);
    check.push({ start: t.start, end: t.end, reason: /\b(?:in|at|to)\s$/i.test(before) ? REASON_PLACE : REASON_WORD });
  }
  for (const m of text.matchAll(/(?<![$\w.,/-])\d[\d,.-]*\d(?![\w/-])/g)) {
    if (m.index === undefined) continue;
    const digits = m[0].replace(/\D/g, '').length;
    const end = m.index + m[0].length;
    // A range of measures or of clock times is no identifier: "98-100", "120-130", "1900-0700"; "555-1234" still is looked at.
    const range = /^(?:\d{1,3}-\d{1,3}|(?:[01]\d|2[0-4])[0-5]\d-(?:[01]\d|2[0-4])[0-5]\d)$/.test(m[0]);
    // Names and places are words of letters: a number can only overlap the spans found before.
    if (digits >= 5 && !range && !taken(m.index, end)) {
      check.push({ start: m.index, end, reason: REASON_NUMBER });
    }
  }
  return { spans, check };
}

/** A word of three letters or more that no list knows: neither English, nor a known term, title or relation. */
export function unlisted(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    /^\p{L}+$/u.test(word) &&
    word.length >= 3 &&
    !wordLists().words.has(lower) &&
    !KNOWN_TERMS.has(lower) &&
    !CLINICAL_WORDS.has(lower) &&
    !CLINICAL_ABBREVIATIONS.has(lower) &&
    !TITLES.has(lower) &&
    !RELATIONS.has(lower) &&
    !FUNCTION_WORDS.has(lower)
  );
}

const BESIDE_KINDS = new Set(['name', 'place', 'address', 'zip', 'phone']);

/**
 * What stands right beside a name, a place or an address and could be the rest of it: a
 * number of three digits or more ("6614" before a street), or a word no list knows, in
 * any case ("leone" before "[name 1]"). Flagged for a look, never replaced.
 */
export function besideIdentifiers(text: string, spans: readonly Span[]): CheckSpan[] {
  const check: CheckSpan[] = [];
  const look = (word: string, start: number, address: boolean): void => {
    const end = start + word.length;
    const digits = word.replace(/\D/g, '').length;
    if (/^\d[\d-]*$/.test(word)) {
      // Beside an address or a postcode any number may be part of it: a building's number, a region's code (", 43").
      if (digits >= 3 || address) check.push({ start, end, reason: REASON_NUMBER });
      return;
    }
    if (unlisted(word)) {
      check.push({ start, end, reason: REASON_WORD });
    }
  };
  for (const s of spans) {
    if (s.kind === 'name') check.push(...besideName(text, s));
    if (!BESIDE_KINDS.has(s.kind)) continue;
    const address = s.kind === 'address' || s.kind === 'zip';
    const from = Math.max(0, s.start - 40);
    const before = /([\p{L}\p{N}][\p{L}\p{N}-]*)[ \t,]+$/u.exec(text.slice(from, s.start));
    if (before) look(before[1], from + before.index, address);
    const after = /^[ \t,]+([\p{L}\p{N}][\p{L}\p{N}-]*)/u.exec(text.slice(s.end, s.end + 40));
    if (after) look(after[1], s.end + after[0].length - after[1].length, address);
    // A number alone on the line above a postcode, after a comma: a region's code (", 32" then "60810").
    const above = /(?:^|\n)[ \t>?]*,[ \t]*(\d{1,3})[ \t]*\r?\n[ \t>?]*$/.exec(text.slice(from, s.start));
    if (address && above) look(above[1], from + above.index + above[0].indexOf(above[1]), true);
  }
  return check;
}

/** Given names that are also words, read as a name in lower case only in a list with one ("[name], crystal and"). */
const LIST_GIVEN_NAMES = new Set(
  'crystal brandy candy misty rusty dusty sandy cherry ginger honey robin wren dove star destiny melody harmony heather violet rosemary sage willow hazel olive clay dale glen wade lance chip dean earl duke king prince parks ty randy'.split(
    ' ',
  ),
);

/** The Tunisian and French housing estate before its name, in any case: "cite [name]". */
const ESTATE = /^cit[eé]$/i;

const WEEKDAY_OR_MONTH =
  /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/** A letter, a small word, a title, a relation, a weekday or a month: never read as a name on its own. */
function neverAName(word: string, lower: string): boolean {
  return [...word].length < 2 || FUNCTION_WORDS.has(lower) || TITLES.has(lower) || RELATIONS.has(lower) || WEEKDAY_OR_MONTH.test(word);
}

/**
 * A listed name that is also a word, beside a name or next in a list with one: "Tilly
 * [name]", "[name] and White", "[name], Rogers and [name]", "[name], crystal,", "frank
 * [name]". Too often an ordinary word to replace; flagged for a look. Weekdays and months
 * are left alone ("[name] Monday").
 */
function besideName(text: string, s: Span): CheckSpan[] {
  const { words, names } = wordLists();
  const check: CheckSpan[] = [];
  // In a list ("[name], crystal and"), a given name that is also a word is flagged in lower case too.
  const look = (word: string, start: number, list: boolean): void => {
    const lower = word.toLowerCase();
    if (ESTATE.test(word)) {
      check.push({ start, end: start + word.length, reason: REASON_PLACE });
      return;
    }
    if (neverAName(word, lower) || CLINICIAN_ROLES.test(word)) return;
    const cap = word[0] !== word[0].toLowerCase();
    // Looked up as the lists write names: "DICK" as "Dick".
    const listed = names.has(word[0].toUpperCase() + (word === word.toUpperCase() ? word.slice(1).toLowerCase() : word.slice(1)));
    if (
      cap
        ? listed || unlisted(word)
        : listed && (!words.has(lower) || WORD_GIVEN_NAMES.has(lower) || (list && LIST_GIVEN_NAMES.has(lower))) && !KNOWN_TERMS.has(lower)
    )
      check.push({ start, end: start + word.length, reason: REASON_WORD });
  };
  const from = Math.max(0, s.start - 40);
  // Across a middle initial too: "Vide A. [name]".
  const before = /(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}\p{M}'’-]*\p{L})(,?[ \t]+(?:and|or|&)[ \t]+|,[ \t]*|[ \t]+(?:\p{Lu}\.?[ \t]+)?)$/u.exec(
    text.slice(from, s.start),
  );
  if (before) {
    const at = from + before.index;
    // A name alone on its line, or after an initial, takes the capitalised word before it, whatever the lists say: ">Tzigane [name]", "Vide A. [name]".
    const alone = /(?:^|\n)[ \t>]*$/.test(text.slice(Math.max(0, at - 8), at)) && /^[ \t]*(?:\r?\n|$|>)/.test(text.slice(s.end, s.end + 4));
    const initial = /\p{Lu}\.?[ \t]+$/u.test(before[2]);
    if ((alone || initial) && /^\p{Lu}/u.test(before[1]) && !FUNCTION_WORDS.has(before[1].toLowerCase()) && !TITLES.has(before[1].toLowerCase()))
      check.push({ start: at, end: at + before[1].length, reason: REASON_WORD });
    else look(before[1], at, /,|and|or|&/.test(before[2]));
  }
  const after = /^(,?[ \t]+(?:and|or|&)[ \t]+|,[ \t]*|[ \t]+(?:\p{Lu}\.?[ \t]+)?)(\p{L}[\p{L}\p{M}'’-]*\p{L})(?![\p{L}\p{N}'’-])/u.exec(
    text.slice(s.end, s.end + 40),
  );
  if (after) look(after[2], s.end + after[0].length - after[2].length, /,|and|or|&/.test(after[1]));
  return check;
}

/** A word without its possessive "'s" or a trailing apostrophe or hyphen: "Avtorhan's" is "Avtorhan". */
function withoutEnding(word: string): string {
  return word.replace(/['’]s$/i, '').replace(/['’-]+$/, '');
}

/**
 * A word that the sentence treats as a person, though every list calls it a word or a known
 * term: "says manna", "she named him randy", "calls me Christian", "Christian had given",
 * "Vide, can I", "why is yulan so". Replacing these would take "Faith is important" too,
 * so they are flagged for a look. In lower case only after words that say a name comes.
 * Where only a person can stand ("Velimir, can I", "why is Avtorhan so", "given Ömür his"),
 * a capitalised word that is no English word and no term is a name, replaced there and
 * wherever else the text writes it.
 */
export function personInContext(text: string, spans: readonly Span[]): { spans: Span[]; check: CheckSpan[] } {
  const { names, words } = wordLists();
  const check: CheckSpan[] = [];
  const sure = new Set<string>();
  const inside = coveredBy(spans);
  for (const m of text.matchAll(WORD)) {
    const word = withoutEnding(m[0]);
    const start = m.index ?? 0;
    const end = start + word.length;
    const lower = word.toLowerCase();
    if (neverAName(word, lower) || SPEAKER_ROLES.has(lower)) continue;
    if (inside(start, end) || SAID_WORDS.has(lower)) continue;
    const cap = word[0] !== word[0].toLowerCase() && word !== word.toUpperCase();
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 30);
    // Where only a person can stand, any word: a name given, a greeting at a line's start, "why is X so", a speaker before quoted words, "given X his".
    const named = NAME_GIVEN_BEFORE.test(before);
    const vocative = /(?:^|\n)[ \t>]*$/.test(before) && /^,[ \t]+(?:can|could|would|will|please|do|did|are|is|have)\b/i.test(after);
    const asked = /\bwhy\s+(?:is|was|does|did)\s+$/i.test(before) && /^\s+(?:so|such|always|never)\b/i.test(after);
    const speaker = cap && /(?:^|\n)[ \t>]*$/.test(before) && /^:[ \t]*\\?["“]/.test(after);
    // Given something of their own: "had given Ömür his address", "sent Aija her keys".
    const given =
      /\b(?:gave|given|give|gives|giving|handed|hands|sent|sends|showed|shown|shows)[ \t]+$/i.test(before) && /^[ \t]+(?:his|her|their)\b/i.test(after);
    if (named || vocative || asked || speaker || given) {
      if (cap && (unlisted(word) || (names.has(word) && !words.has(lower)))) sure.add(word);
      else check.push({ start, end, reason: REASON_WORD });
      continue;
    }
    const said = PERSON_BEFORE.test(before) || CALLED_BEFORE.test(before);
    const acts = cap && !KNOWN_TERMS.has(lower) && PERSON_AFTER.test(after) && !/^['’]s\b/.test(after);
    // A line that starts "Given M Surname": the surname, though also a word ("Landa B Hidalgo").
    const initialled = cap && /(?:^|\n)[ \t>]*\p{Lu}\p{Ll}+[ \t]+\p{Lu}\.?[ \t]+$/u.test(before);
    // The lists last: most words have none of these contexts.
    if ((said || acts || initialled) && (names.has(word[0].toUpperCase() + word.slice(1)) || unlisted(word))) check.push({ start, end, reason: REASON_WORD });
  }
  // Every place the text writes such a name, in one more pass over its words (a pass per name could take long on a hostile note).
  const found: Span[] = [];
  if (sure.size > 0)
    for (const m of text.matchAll(WORD)) {
      const name = withoutEnding(m[0]);
      const start = m.index ?? 0;
      if (sure.has(name) && !inside(start, start + name.length)) found.push({ start, end: start + name.length, kind: 'name', words: [name] });
    }
  // A spot inside one of these names is dropped with the others inside a replacement (deidentifyText).
  return { spans: found, check };
}

/** A nursing note's heading for family and visitors, right before a word: "social: ", "Social - ", "SOC-". */
const SOCIAL_HEADING_BEFORE = /(?:^|\n|\.)[ \t]*(?:social|soc)[ \t]*[:-][ \t]*$/i;

/** What someone named in passing does next in a nursing note: "bill called", "peggy staying overnight", "grace made aware". */
const NAMED_IN_PASSING_AFTER =
  /^[ \t]*,?[ \t]*(?:called|calls|phoned|visited|visits|visiting|came|spoke|updated|consented|arrived|stayed|staying|states|said|asked|wants|aware|made[ \t]+aware|notified|present|returned)\b/i;

/**
 * A given name in lower case, as compromise's lexicon knows one, where a note names someone
 * in passing. Replaced after a relation or a clinician's role ("daughter peggy", "np
 * grace", "son don"), right before a name already read ("carol [name]"), after one when no
 * English word ("[name] stella"), and with a surname no list knows before a clinician's
 * letters or "aware" ("mary o'hara np aware"), and right after a "social:" heading with a deed
 * ("social: bill called"). Flagged for a look where only a deed says a person
 * ("bill called"), after a name when it is a word too ("[name] logan"), and before a word no
 * list knows ("patty hoeller", both): many such names are everyday words ("bill", "grace").
 */
export function givenNamesInPassing(text: string, spans: readonly Span[]): { spans: Span[]; check: CheckSpan[] } {
  const { names, words } = wordLists();
  // Not in a German, Spanish or French text: there most lower-case words are not English.
  if (!readsEnglish([...text.matchAll(WORD)].map((m) => m[0].toLowerCase()))) return { spans: [], check: [] };
  const found: Span[] = [];
  const check: CheckSpan[] = [];
  const inside = coveredBy(spans);
  const nameStarts = new Set(spans.filter((s) => s.kind === 'name').map((s) => s.start));
  const nameEnds = new Set(spans.filter((s) => s.kind === 'name').map((s) => s.end));
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’.-])\p{Ll}[\p{Ll}'’]*\p{Ll}(?![\p{L}\p{N}])/gu)) {
    const word = m[0];
    const start = m.index ?? 0;
    const end = start + word.length;
    if (
      word.length < 3 ||
      FUNCTION_WORDS.has(word) ||
      NOT_AFTER_RELATION.has(word) ||
      TITLES.has(word) ||
      RELATIONS.has(word) ||
      (KNOWN_TERMS.has(word) && !WORD_GIVEN_NAMES.has(word)) ||
      CLINICAL_WORDS.has(word) ||
      CLINICAL_ABBREVIATIONS.has(word) ||
      CLINICIAN_ROLES.test(word) ||
      WEEKDAY_OR_MONTH.test(word) ||
      !names.has(word[0].toUpperCase() + word.slice(1)) ||
      !(WORD_GIVEN_NAMES.has(word) || givenNameInLexicon(word)) ||
      inside(start, end)
    )
      continue;
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 40);
    const relation = RELATION_BEFORE.exec(before);
    const related = relation !== null && (RELATIONS.has(relation[1].toLowerCase()) || /^significant[ \t]+other$/i.test(relation[1]));
    const role = CLINICIAN_ROLE_BEFORE.test(before) || CLINICIAN_TITLE_BEFORE.test(before);
    const beforeName = text[end] === ' ' && nameStarts.has(end + 1);
    const afterName = text[start - 1] === ' ' && nameEnds.has(start - 1);
    const deed = NAMED_IN_PASSING_AFTER.test(after) || RELATIVE_ACTS.test(after);
    // An everyday word after a relation or a role needs a deed after it: "friend rose early" stays.
    if (beforeName || ((related || role || afterName) && (!words.has(word) || deed))) {
      found.push({ start, end, kind: 'name', words: [word] });
      continue;
    }
    const stranger = /^[ \t]+(\p{Ll}[\p{Ll}'’]{3,})(?![\p{L}\p{N}'’-])/u.exec(after);
    const surname = stranger !== null && unlisted(stranger[1].replace(/['’]/g, ''));
    // A deed alone says a person only for a word that is mostly a name: "bill called", not "made aware".
    const acts = deed && (!words.has(word) || WORD_GIVEN_NAMES.has(word));
    // With a clinician's letters or "aware" after the surname, both go: "mary o'hara np aware".
    if (stranger && surname && AWARE_AFTER.test(after.slice(stranger[0].length))) {
      found.push({ start, end: end + stranger[0].length, kind: 'name', words: [word, stranger[1]] });
      continue;
    }
    // Right after a nursing note's "social:" heading, the one who called or visited is a person: "social: bill called".
    if (acts && SOCIAL_HEADING_BEFORE.test(before)) {
      found.push({ start, end, kind: 'name', words: [word] });
      continue;
    }
    if (!(related || role || afterName || surname || acts)) continue;
    check.push({ start, end, reason: REASON_NAME });
    if (stranger && surname) {
      const at = end + stranger[0].length - stranger[1].length;
      if (!inside(at, at + stranger[1].length)) check.push({ start: at, end: at + stranger[1].length, reason: REASON_NAME });
    }
  }
  return { spans: found, check };
}

/**
 * Whether any of the spans overlaps a stretch of text, by binary search: a long section
 * holds thousands of words and of spans.
 */
function coveredBy(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // The furthest end among the spans up to each one, so a long span before a short one still counts.
  const reach: number[] = [];
  sorted.forEach((s, i) => reach.push(Math.max(s.end, i > 0 ? reach[i - 1] : 0)));
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] > start;
  };
}

/** What is said, not who: "said hi", "says sorry". */
const SAID_WORDS = new Set('hi hello hey bye goodbye thanks sorry okay ok yes no maybe nothing something everything'.split(' '));

/** Words after which a name is given: "named him", "my name is". */
const NAME_GIVEN_BEFORE = /\bnamed\s+(?:(?:me|her|him|them)\s+)?$|\bname\s+is\s+$/i;
/** "calls me Christian", but "called her twice": only a listed name or a word no list knows. */
const CALLED_BEFORE = /\b(?:called|calls|call)\s+(?:me|her|him|them)\s+$/i;

/** How far along its line the walk from an address goes: words, less the spans it passes over. */
const ADDRESS_WALK = 6;
/** and how many spans it passes over: a hostile note of "Apt 1" a thousand times is no address, and each walk would cross them all. */
const SPAN_HOPS = 24;

/**
 * What stands along an address's line, beside it or beside the names and places next to it,
 * and could be more of it: the building's numbers ("87 R Nossa [address]"), a word no list
 * knows, a short code ("ec", "nad"), a capitalised word mid-sentence ("Dam", "Heights").
 * Up to six on each side, across spaces, commas and the lines of an address written out;
 * an ordinary lower-case word, a
 * small word of a sentence ("to", "and") or any other mark ends the walk. Flagged for a
 * look, never replaced.
 */
export function alongAddresses(text: string, spans: readonly Span[]): CheckSpan[] {
  const check: CheckSpan[] = [];
  const seen = new Set<number>();
  const spanEndingAt = new Map<number, Span>();
  const spanStartingAt = new Map<number, Span>();
  for (const s of spans) {
    spanEndingAt.set(s.end, s);
    spanStartingAt.set(s.start, s);
  }
  /** Whether the walk flags the word and goes on past it; undefined ends the walk. */
  const judgeNear = (word: string, start: number): boolean | undefined => {
    const bare = word.replace(/\.$/, '');
    const lower = bare.toLowerCase();
    if (/^\d{1,6}[a-zA-Z]?$/.test(bare)) return true;
    if (!/^\p{L}[\p{L}\p{M}'’-]*$/u.test(bare) || FUNCTION_WORDS.has(lower) || TITLES.has(lower) || RELATIONS.has(lower)) return undefined;
    if ([...bare].length === 1 || STATE_CODE.test(bare)) return false;
    if (ESTATE.test(bare)) return true;
    // A country or state inside an address ("71 Paraguay 87") is passed over, not flagged.
    if (COUNTRY.test(bare)) return false;
    if (KNOWN_TERMS.has(lower) || CLINICAL_WORDS.has(lower) || (CLINICAL_ABBREVIATIONS.has(lower) && bare.length > 3)) return undefined;
    if (bare.length <= 3 || unlisted(bare)) return true;
    if (word.endsWith('.')) return undefined;
    // Capitalised mid-sentence, English or not, it may name the place ("Dam", "Heights"); in lower case an English word ends the walk.
    return bare[0] !== bare[0].toLowerCase() && !atSentenceStart(text, start) ? true : undefined;
  };
  const flag = (start: number, end: number): void => {
    if (seen.has(start)) return;
    seen.add(start);
    check.push({ start, end, reason: /^\d/.test(text[start]) ? REASON_NUMBER : REASON_WORD });
  };
  for (const s of spans) {
    if (!BESIDE_KINDS.has(s.kind)) continue;
    // From a name or a town, only numbers and words no list knows: "69 [name] street", "46 89 cours [name]".
    const judge =
      s.kind === 'address' || s.kind === 'zip'
        ? judgeNear
        : (word: string): boolean | undefined => (/^\d{1,6}$/.test(word) || unlisted(word) ? true : undefined);
    // Leftwards, over names, places and addresses beside it.
    let pos = s.start;
    for (let n = 0, hops = 0; n < ADDRESS_WALK && hops < SPAN_HOPS;) {
      const gap = /(?:[ \t,]*\r?\n)?[ \t,>]*$/.exec(text.slice(Math.max(0, pos - 12), pos))?.[0] ?? '';
      const edge = pos - gap.length;
      const beside = spanEndingAt.get(edge);
      if (beside && BESIDE_KINDS.has(beside.kind)) {
        pos = beside.start;
        hops++;
        continue;
      }
      const m = /(?<![\p{L}\p{N}.'’-])([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*\.?)$/u.exec(text.slice(Math.max(0, edge - 40), edge));
      if (!m || gap === '') break;
      const start = edge - m[1].length;
      const verdict = judge(m[1], start);
      if (verdict === undefined) break;
      if (verdict) flag(start, start + m[1].replace(/\.$/, '').length);
      pos = start;
      n++;
    }
    // Rightwards.
    pos = s.end;
    for (let n = 0, hops = 0; n < ADDRESS_WALK && hops < SPAN_HOPS;) {
      const gap = /^[ \t,]*(?:\r?\n[ \t,>]*)?/.exec(text.slice(pos, pos + 12))?.[0] ?? '';
      const edge = pos + gap.length;
      const beside = spanStartingAt.get(edge);
      if (beside && BESIDE_KINDS.has(beside.kind)) {
        pos = beside.end;
        hops++;
        continue;
      }
      const m = /^([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*\.?)(?![\p{L}\p{N}])/u.exec(text.slice(edge, edge + 40));
      if (!m || gap === '') break;
      const verdict = judge(m[1], edge);
      if (verdict === undefined) break;
      if (verdict) flag(edge, edge + m[1].replace(/\.$/, '').length);
      pos = edge + m[1].length;
      n++;
    }
  }
  const inside = coveredBy(spans);
  // What follows "address:", "address is", "address to" up to the end of its sentence: every number and word that is not a small word of English.
  for (const m of text.matchAll(/\baddress(?:[ \t]+(?:is|to|with)[ \t]|[ \t]*:)/gi)) {
    let pos = (m.index ?? 0) + m[0].length;
    for (let n = 0; n < 12; n++) {
      const next = /^[ \t,]*(?!\.\s)([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)/u.exec(text.slice(pos, pos + 60));
      if (!next) break;
      const start = pos + next[0].length - next[1].length;
      const word = next[1];
      const lower = word.toLowerCase();
      pos = start + word.length;
      if (inside(start, pos)) {
        // Over a placeholder's span and on.
        continue;
      }
      if (FUNCTION_WORDS.has(lower) || TITLES.has(lower) || RELATIONS.has(lower)) break;
      if ([...word].length > 1 && !COUNTRY.test(word) && !STATE_CODE.test(word) && word !== 'nan') flag(start, pos);
    }
  }
  // A house number after a word no list knows, in any case: "on Kelmvrota 17", "siikasaarentie 19 and".
  for (const m of text.matchAll(HOUSE_NUMBER_AFTER_WORD)) {
    if (m.index === undefined || !unlisted(m[1])) continue;
    const at = m.index + m[0].length - m[2].length;
    if (!inside(at, at + m[2].length)) flag(at, at + m[2].length);
  }
  return check;
}

/** A word, then a number of one to five digits that is not a measure, a time, a count or a year. */
const HOUSE_NUMBER_AFTER_WORD =
  /(?<![\p{L}\p{N}'’-])(\p{L}[\p{L}\p{M}'’-]*\p{L})[ \t]+(\d{1,5}[a-zA-Z]?)(?![\p{L}\p{N}]|[.,:/]\d|\s*(?:%|am\b|pm\b|times?\b|years?\b|yrs?\b|months?\b|weeks?\b|days?\b|hours?\b|min|mg\b|mcg\b|ml\b|kg\b|lbs?\b|units?\b|sessions?\b|of\b|out\b|to\b|-))/gu;
