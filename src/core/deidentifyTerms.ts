/**
 * Words that look like names or places but are ordinary in a therapist's note and must
 * stay: weekdays, months, holidays, languages, faith words, therapy approaches, everyday
 * products, states and countries (Safe Harbor lets a place as large as a state stay).
 * Lower case; compared with the word folded to lower case.
 */
const WORDS = `
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
christmas easter passover hanukkah chanukah diwali eid ramadan thanksgiving halloween
kwanzaa lent advent yom kippur rosh hashanah lunar new year valentine valentine's
english spanish french german italian portuguese mandarin cantonese chinese japanese
korean vietnamese tagalog arabic hebrew hindi urdu bengali punjabi russian polish
ukrainian greek turkish farsi persian swahili somali amharic yoruba igbo asl sign
god jesus christ allah buddha lord holy spirit bible quran koran torah scripture gospel
church mosque synagogue temple christian christians catholic protestant baptist
methodist lutheran evangelical orthodox muslim muslims jewish jew jews hindu sikh
buddhist buddhism islam judaism christianity hinduism mormon quaker pentecostal
prayer pray grace faith sabbath shabbat
ifs emdr cbt dbt act mbct mbsr cpt pe sfbt eft gottman rogers rogerian bowen
dsm icd ptsd cptsd adhd ocd gad mdd phq phq-9 gad-7 srs ors pcl pcl-5 bdi
zoom teams skype facetime whatsapp instagram facebook tiktok youtube google netflix
spotify iphone android uber lyft amazon venmo paypal doxy doxy.me simplepractice
netflix's zoom's
self manager firefighter exile exiles protector protectors helper fixer educator
parts part adult child inner critic
al-anon aa na
ok okay hmm um yes no
alabama alaska arizona arkansas california colorado connecticut delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
massachusetts michigan minnesota mississippi missouri montana nebraska nevada
hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania
rhode island tennessee texas utah vermont virginia washington wisconsin wyoming
ontario quebec alberta columbia manitoba saskatchewan scotland wales ireland england
america usa us uk canada australia zealand india china japan korea vietnam mexico
philippines nigeria ghana kenya ethiopia somalia iran iraq syria israel palestine
africa asia europe latin latina latino latinx hispanic black white asian indigenous
native american americans european african caribbean
supervision supervisor consultation rupture repair session sessions client therapist
`;

export const KNOWN_TERMS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));

/** Titles before a name; the title stays, the name goes. */
export const TITLES: ReadonlySet<string> = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'rev', 'reverend', 'father', 'sister', 'pastor', 'rabbi', 'imam', 'coach', 'officer', 'judge', 'aunt', 'uncle', 'grandma', 'grandpa', 'nana', 'auntie']);

/** Words for the people in a client's life: a capitalised word after one is a name ("my sister, Grace,"). */
export const RELATIONS: ReadonlySet<string> = new Set(
  `sister brother mother father mom mum dad son daughter wife husband partner spouse boyfriend
  girlfriend friend boss manager supervisor coworker co-worker colleague cousin aunt uncle
  grandmother grandfather grandma grandpa granddaughter grandson niece nephew teacher
  neighbor neighbour roommate flatmate ex fiancé fiancée fiance fiancee stepmother
  stepfather stepson stepdaughter stepsister stepbrother sibling child kid baby toddler
  teen doctor psychiatrist lawyer attorney pastor priest rabbi imam coach sponsor
  caseworker landlord named called`.split(/\s+/).filter((w) => w !== ''),
);

/** Words that say a place comes next: "moved to", "grew up in", "from". */
export const PLACE_CUES: readonly RegExp[] = [
  /\b(?:moved|moving|move|relocated|relocating|drove|driving|flew|flying|went|going|travel(?:l)?ed|trip|visit|visiting|visited|back|commute|commutes|commuting|headed|heading)\s+(?:back\s+)?(?:to|from|in)\s+$/i,
  /\b(?:lives|live|living|lived|grew\s+up|raised|born|stayed|staying|stays|works|worked|working|school|college|job|house|home|apartment|cabin|family|parents|relatives)\s+(?:in|near|outside(?:\s+of)?|at)\s+$/i,
  /\b(?:from|near|outside\s+of|town\s+of|city\s+of|village\s+of|suburb\s+of)\s+$/i,
];

/** Month names and abbreviations: a date needs one, or digits, to be a date and not a weekday. */
export const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/i;
