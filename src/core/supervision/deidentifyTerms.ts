/**
 * Words that look like names or places but are ordinary in a therapist's note and must
 * stay: weekdays, months, holidays, languages, faith words, therapy approaches, everyday
 * products, states and countries (Safe Harbor lets a place as large as a state stay); in
 * German, Spanish and French, weekdays, months, the people of a session and the small words
 * that start a sentence (German capitalises every noun), less those that are also given names.
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
misattunement attunement psychoeducation psychoeducational dysregulation dysregulated mentalization
mentalizing alexithymia suicidality catastrophizing catastrophising reparenting coregulation
co-regulation polyvagal interoception interoceptive neurodivergent neurotypical gaslighting
microaggression microaggressions cisgender genderqueer telepsychiatry videocall selfharm self-harm
mrn hbn hicn mbi ssn dob medicare medicaid nhs pager
montag dienstag mittwoch donnerstag freitag samstag sonntag januar jänner februar märz
oktober dezember lunes martes miércoles miercoles jueves viernes sábado sabado domingo enero
febrero marzo junio agosto septiembre setiembre octubre noviembre diciembre
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février fevrier avril juin
juillet août aout septembre octobre novembre décembre decembre
sie wir ihr ich die das ein eine einer einem und aber oder heute gestern
morgen termin sitzung klient klientin patient patientin therapeut therapeutin mutter vater
schwester bruder tochter sohn beim nach vor seit wie was wer wo warum als wenn dann
él ellos ellas nosotros usted hoy ayer mañana sesión sesion cliente paciente terapeuta
hermana hermano hija hijo señor señora con por para pero
ils elles nous vous je tu aujourd'hui hier demain séance seance patiente thérapeute mère
père soeur sœur frère fille monsieur madame mme une avec pour mais dans chez
wieder auch noch schon sehr nicht kein keine mit bei über unter gegen ohne nur immer nie also hat
war sind kam ging sagte muy también todavía siempre nunca dijo vino très aussi encore toujours
jamais dit venu venue vient le la les el los las es er ist una uno elle
`;

/**
 * Countries (Safe Harbor lets a country stay, as a state does) beyond those above, and
 * what a clinician needs kept: eponyms of signs, diseases and scores; scales and
 * guidelines; common drug names (brand names are capitalised and look like names);
 * clinical and nursing abbreviations. Lower case.
 */
const COUNTRIES = `
finland sweden norway denmark iceland germany deutschland austria switzerland france belgium
netherlands holland luxembourg spain españa portugal italy italia greece poland czechia slovakia
hungary romania bulgaria croatia serbia bosnia slovenia albania estonia latvia lithuania ukraine
czech belarus russia turkey cyprus malta egypt morocco algeria tunisia libya sudan eritrea uganda
tanzania rwanda congo cameroon senegal mali niger zimbabwe zambia botswana namibia mozambique
angola madagascar pakistan bangladesh afghanistan nepal sri lanka myanmar burma thailand
cambodia laos malaysia singapore indonesia taiwan mongolia brazil argentina chile peru colombia
venezuela ecuador bolivia paraguay uruguay cuba haiti jamaica dominican republic
guatemala honduras nicaragua panama lebanon jordan saudi arabia yemen oman
qatar kuwait emirates uae bahrain georgia armenia azerbaijan kazakhstan uzbekistan britain
kingdom states united guam samoa fiji
andorra anguilla antarctica aruba bahamas barbados belize benin bermuda bhutan brunei burundi comoros curaçao djibouti dominica eswatini gabon gambia gibraltar greenland grenada guadeloupe guernsey guinea guinea-bissau guyana kiribati kyrgyzstan lesotho liberia liechtenstein malawi maldives martinique mauritania mauritius mayotte micronesia moldova monaco montenegro montserrat nauru niue palau réunion seychelles suriname tajikistan timor-leste togo tokelau tonga turkmenistan tuvalu türkiye vanuatu
`;

/** Words of COUNTRIES that are only part of a country's name. */
const COUNTRY_PIECES: ReadonlySet<string> = new Set('sri lanka dominican republic saudi arabia kingdom states united czech bosnia'.split(' '));

/** Countries of more than one word, in lower case: kept whole ("Burkina Faso", "Costa Rica"), though a part may be a name. */
export const COUNTRY_PHRASES: ReadonlySet<string> = new Set(
  "american samoa|antigua & barbuda|antigua and barbuda|ascension island|bosnia & herzegovina|bosnia and herzegovina|bouvet island|british indian ocean territory|british virgin islands|burkina faso|canary islands|cape verde|caribbean netherlands|cayman islands|central african republic|ceuta & melilla|ceuta and melilla|christmas island|clipperton island|cocos islands|congo - brazzaville|congo - kinshasa|cook islands|costa rica|côte d'ivoire|diego garcia|dominican republic|el salvador|equatorial guinea|falkland islands|faroe islands|french guiana|french polynesia|french southern territories|heard & mcdonald islands|heard and mcdonald islands|hong kong sar china|isle of man|macao sar china|marshall islands|myanmar|new caledonia|new zealand|norfolk island|north korea|north macedonia|northern mariana islands|palestinian territories|papua new guinea|pitcairn islands|puerto rico|saint barthélemy|saint helena|saint kitts & nevis|saint kitts and nevis|saint lucia|saint martin|saint pierre & miquelon|saint pierre and miquelon|saint vincent & grenadines|saint vincent and grenadines|san marino|saudi arabia|sierra leone|sint maarten|solomon islands|south africa|south georgia & south sandwich islands|south georgia and south sandwich islands|south korea|south sudan|sri lanka|st barthélemy|st helena|st kitts & nevis|st lucia|st martin|st pierre & miquelon|st vincent & grenadines|st. barthélemy|st. helena|st. kitts & nevis|st. kitts and nevis|st. lucia|st. martin|st. pierre & miquelon|st. pierre and miquelon|st. vincent & grenadines|st. vincent and grenadines|svalbard & jan mayen|svalbard and jan mayen|são tomé & príncipe|são tomé and príncipe|trinidad & tobago|trinidad and tobago|tristan da cunha|turks & caicos islands|turks and caicos islands|u.s. outlying islands|u.s. virgin islands|united arab emirates|united kingdom|united states|vatican city|wallis & futuna|wallis and futuna|western sahara|åland islands".split(
    '|',
  ),
);

/**
 * Every country's name, in lower case, one word or several: the single words above (less
 * the pieces of longer names), the longer names, and older or longer forms still written
 * ("Swaziland", "Republic of Ireland"). An address ends at one, and a number after one is
 * its postcode. Chad stays out: more often a person.
 */
export const COUNTRY_NAMES: readonly string[] = [
  ...new Set([
    ...COUNTRIES.split(/\s+/).filter((w) => w !== '' && !COUNTRY_PIECES.has(w)),
    ...COUNTRY_PHRASES,
    ...'america usa uk canada australia india china japan korea vietnam mexico philippines nigeria ghana kenya ethiopia somalia iran iraq syria israel palestine ireland scotland wales england swaziland macedonia'.split(
      ' ',
    ),
    ...[
      'united states of america',
      'czech republic',
      'great britain',
      'northern ireland',
      'republic of ireland',
      'ivory coast',
      'east timor',
      "people's republic of china",
      'republic of the congo',
      'democratic republic of the congo',
      'federated states of micronesia',
      'saint vincent and the grenadines',
      'kingdom of the netherlands',
    ],
  ]),
];

const EPONYMS = `
chaddock babinski hoffmann hoffman romberg kernig brudzinski homan homans murphy mcburney rovsing
trendelenburg kussmaul cheyne stokes korsakoff wernicke broca tinel phalen lachman mcmurray
apley spurling lhermitte rinne snellen ishihara doppler holter valsalva heimlich epley hallpike
crohn crohn's hodgkin hodgkin's parkinson parkinson's alzheimer alzheimer's huntington
huntington's addison addison's cushing cushing's graves graves' hashimoto hashimoto's raynaud
raynaud's tourette tourette's asperger asperger's guillain barre barré kawasaki sjogren sjögren
behcet behçet paget peyronie dupuytren osgood schlatter perthes marfan ehlers danlos turner's
klinefelter prader willi angelman rett kaposi burkitt wilms ewing hirschsprung meckel lyme
bell's wolff wolff-parkinson-white barrett barrett's cullen grey-turner virchow charcot
korotkoff glasgow apgar framingham gleason braden morse norton ranson nyha killip karnofsky
ecog apache meld child-pugh wells caprini cha2ds2-vasc hasbled curb tanner bishop
likert beck hamilton montgomery asberg wechsler rorschach folstein
foley swan ganz picc hickman port-a-cath whipple nissen roux billroth fontan
riker richmond passy sengstaken blakemore salem
`;

const DRUGS = `
tylenol advil motrin aleve aspirin ibuprofen acetaminophen paracetamol naproxen
zoloft prozac paxil celexa lexapro effexor cymbalta wellbutrin remeron trazodone desyrel
xanax ativan klonopin valium restoril ambien lunesta seroquel zyprexa risperdal abilify
latuda geodon haldol clozaril lithium lamictal depakote tegretol topamax neurontin lyrica
adderall ritalin concerta vyvanse strattera suboxone subutex narcan vivitrol antabuse
naltrexone buprenorphine methadone oxycodone percocet vicodin norco dilaudid morphine fentanyl
tramadol ultram lasix coumadin warfarin eliquis xarelto plavix lipitor crestor zocor
synthroid levothyroxine metformin glucophage januvia jardiance ozempic wegovy trulicity
mounjaro lantus humalog novolog insulin prednisone medrol lisinopril losartan norvasc
amlodipine metoprolol lopressor toprol atenolol coreg carvedilol hydrochlorothiazide hctz
zofran phenergan reglan protonix nexium prilosec pepcid zantac colace senna miralax dulcolax
benadryl claritin zyrtec allegra singulair albuterol ventolin proair advair symbicort spiriva
flovent keflex augmentin amoxicillin cipro levaquin bactrim zithromax doxycycline flagyl
vancomycin zosyn rocephin ceftriaxone heparin lovenox ativan versed propofol precedex
ketamine narcan naloxone epinephrine epipen
cozaar diovan captopril enalapril hydralazine nitroglycerin levophed neosynephrine dopamine
dobutamine milrinone amiodarone cordarone cardizem diltiazem digoxin procainamide procan
desitin criticare promote jevity pulmocare nepro glucerna
`;

const ABBREVIATIONS = `
t1dm t2dm iddm niddm dm htn hld hl cad chf hf copd ckd esrd aki tia cva mi stemi nstemi afib
a-fib aflutter gerd uti uri pna sob doe cp c/o h/o s/p r/o w/o hx fhx shx pmh psh pmhx
prn bid tid qid qd qod qhs qam qpm hs ac pc po iv im sc sq sl pr npo ngt ogt peg picc cvc
abg vbg cbc bmp cmp lft lfts inr ptt pt bnp trop ekg ecg cxr ct cta mri mra us eeg emg lp
csf wbc rbc hgb hct plt bun cr gfr egfr na k cl co2 hco3 glu a1c hba1c tsh ldl hdl bp hr rr
spo2 o2 fio2 peep cpap bipap simv prvc ps vt mae perrla perrl eomi aox3 a&o nad wnl nkda nka
rom rrr ctab ntnd bs bm ivf gtt icu micu sicu nicu picu ed er or pacu ot slp snf ltc ltac
dnr dni dnar polst ffp prbc sr er xl xr ir dr ec od os ou bka aka orif tka tha
sob ams loc gcs ams etoh thc ivdu sud aud oud mat cbt-i si hi avh sib nssi sa pcp np pa rn
lpn cna md do lcsw lmft lpc lmhc phd psyd msw ncm ccm cm sw dc d/c f/u fu rtc w/u
tbi sci ms als hiv aids hcv hbv std sti tb mrsa vre c.diff cdiff dvt pe pvd pad aaa
bph ed ibs ibd uc nash nafld osa rls adls iadls pt/inr ssri snri tca maoi ssris
ada aha acc nice who cdc fda nih nimh samhsa apa ama aap acog uspstf gold gina kdigo mmse moca
abd ext neuro resp cv gi gu msk heent psych pulm nt nd cta bl lle rle lue rue cn meds dx tx rx sx fx
ij rij lij cvl tlc ett
`;

/**
 * Nursing shorthand, kept whatever its case although a list of names holds some of it
 * ("Abd", "Neo", "Aline"): in a note these are the abdomen, Neo-Synephrine and an arterial
 * line far more often than a person. Read from PhysioNet's nursing notes (docs/performance.md).
 */
const NURSING_SHORTHAND = `
abd aline a-line neo endo trach mech soc misc integ dispo tol cont conts contin min mins vanco
riss perla cordis nepro surg uo careview carevue flowsheet mdi shiley pmicu nsg npn csru ccu
quinton bil bilat sao2 pao2 svr cvp pap pcwp ett tf tfs lt rt sm mod amt amts approx esp supp
bair huo fick sys chol asa ros hosp gtts suct abx antibx iabp imv psv tmax nipride levo dopa
dobut dobutamine neosynephrine ntg kcl ivp ivpb prbcs diurese diuresed diuresing extubated
intubated sedated vented weaned ambulated oob bsc foley hob hct ptt pts sats resps coags lytes
urine stool stools sputum secretions drainage emesis crea sao vea gen drng serosang maint adeq
brady milrinone chged depen cxs ronchi spont tvs extub micu perl cath caths cathed extubation
angio cvvhd cvvh lcws lcs lipline signif chg t-berg fluro hcp stepdown ctic diamox flowsheets qhr
`;

/** Words a clinician needs kept, whatever their case: eponyms, scales, drugs, countries, nursing shorthand. */
export const CLINICAL_WORDS: ReadonlySet<string> = new Set(`${COUNTRIES} ${EPONYMS} ${DRUGS} ${NURSING_SHORTHAND}`.split(/\s+/).filter((w) => w !== ''));

/** Clinical abbreviations, kept when written in capitals ("ADA", "TIA"); "Ada" may be a person. */
export const CLINICAL_ABBREVIATIONS: ReadonlySet<string> = new Set(ABBREVIATIONS.split(/\s+/).filter((w) => w !== ''));

/** Given names that are also everyday words, a name in lower case only after a relation ("my son bill"). */
export const WORD_GIVEN_NAMES: ReadonlySet<string> = new Set(
  'bill will mark rose grace hope joy dawn faith jack april june may rich art pat sue bob ray jean joe frank grant rusty sandy penny ruby amber iris lily daisy holly ivy jade pearl summer autumn chase hunter mason skip buck sky river stone max august spike christian'.split(
    ' ',
  ),
);

/** Words that are never the rest of a person's name, even when a name list holds them: months, days, countries, states. */
export const NEVER_SURNAME: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december
  christmas easter god jesus bible ${COUNTRIES}`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

export const KNOWN_TERMS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ''));

/** Titles before a name; the title stays, the name goes. */
export const TITLES: ReadonlySet<string> = new Set([
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'prof',
  'professor',
  'rev',
  'reverend',
  'father',
  'sister',
  'pastor',
  'rabbi',
  'imam',
  'coach',
  'officer',
  'judge',
  'aunt',
  'uncle',
  'grandma',
  'grandpa',
  'nana',
  'auntie',
]);

/** Words for the people in a client's life: a capitalised word after one is a name ("my sister, Grace,"). */
export const RELATIONS: ReadonlySet<string> = new Set(
  `sister brother mother father mom mum dad son daughter wife husband partner spouse boyfriend
  girlfriend friend boss manager supervisor coworker co-worker colleague cousin aunt uncle
  grandmother grandfather grandma grandpa granddaughter grandson niece nephew teacher
  neighbor neighbour roommate flatmate ex fiancé fiancée fiance fiancee stepmother
  stepfather stepson stepdaughter stepsister stepbrother sibling child kid baby toddler
  teen doctor psychiatrist lawyer attorney pastor priest rabbi imam coach sponsor
  caseworker landlord named called`
    .split(/\s+/)
    .filter((w) => w !== ''),
);

/** Words that say a place comes next: "moved to", "grew up in", "from". */
export const PLACE_CUES: readonly RegExp[] = [
  /\b(?:moved|moving|move|relocated|relocating|drove|driving|flew|flying|went|going|travel(?:l)?ed|trip|visit|visiting|visited|back|commute|commutes|commuting|headed|heading)\s+(?:back\s+)?(?:to|from|in)\s+$/i,
  /\b(?:lives|live|living|lived|grew\s+up|raised|born|stayed|staying|stays|works|worked|working|school|college|job|house|home|apartment|cabin|family|parents|relatives)\s+(?:in|near|outside(?:\s+of)?|at)\s+(?:the\s+)?$/i,
  /\b(?:from|near|outside\s+of|town\s+of|city\s+of|village\s+of|suburb\s+of)\s+$/i,
  /\b(?:university|college|county|province|region|district|municipality)\s+of\s+$|\bhome\s+(?:city|town)\s+$|(?:^|\n)[ \t]*where\s*:\s*$/i,
];

/** Month names and abbreviations: a date needs one, or digits, to be a date and not a weekday. */
export const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?/i;
