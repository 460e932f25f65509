/**
 * Safety first: words that can speak of risk (suicide, self-harm, wanting to die, harming
 * someone). Cue hints never point such a sentence toward the relationship and never copy it
 * into a reflection; the checklist puts safety before rupture work. Its own folder, since
 * every feature may ask it and it belongs to none.
 */
const RISK = new RegExp(
  [
    String.raw`\bsuicid\w*`,
    String.raw`\bkill(?:s|ed|ing)?\s+(?:myself|herself|himself|themselves|themself|yourself|ourselves)\b`,
    String.raw`\b(?:want|wants|wanted|wanting|wish|wishes|wished|going|ready|deserve|deserves|rather)\s+(?:to\s+)?die\b`,
    String.raw`\b(?:wish|wishes|wished)\s+(?:i|she|he|they)\s+(?:was|were|had)\s+(?:dead|never\s+been\s+born)\b`,
    String.raw`\bbetter\s+off\s+(?:dead|without\s+(?:me|her|him|them))\b`,
    String.raw`\b(?:don't|do\s+not|didn't|doesn't|does\s+not|did\s+not|no\s+longer|don\u2019t|doesn\u2019t|didn\u2019t)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|exist|wake\s+up|go\s+on)\b`,
    String.raw`\bnot\s+(?:want\s+to\s+)?(?:be|being)\s+(?:here|alive|around)\s+any\s?more\b`,
    String.raw`\bend(?:s|ed|ing)?\s+(?:it\s+all|my\s+life|her\s+life|his\s+life|their\s+lives?|my\s+own\s+life|everything)\b`,
    String.raw`\btak(?:e|es|ing|en)\s+(?:my|her|his|their)\s+(?:own\s+)?li(?:fe|ves)\b`,
    String.raw`\bself[-\s]?harm\w*`,
    String.raw`\b(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn|burns|burning|starve|starving|starved)\s+(?:myself|herself|himself|themselves|themself)\b`,
    String.raw`\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go(?:ing)?\s+on|keep(?:ing)?\s+going|be(?:ing)?\s+(?:here|alive))\b`,
    String.raw`\b(?:can't|cannot|can\s+not|can\u2019t)\s+go\s+on\b`,
    String.raw`\boverdos\w*`,
    String.raw`\bhang\s+(?:myself|herself|himself|themselves)\b`,
    String.raw`\b(?:kill|shoot|stab|strangle)(?:s|ing|ed)?\s+(?:someone|somebody|others|other\s+people|people|everyone|him|her|them|my\s+\w+)\b`,
    String.raw`\b(?:hurt|harm)(?:s|ing|ed)?\s+(?:someone|somebody|others|other\s+people|anyone)\b`,
    String.raw`\b(?:what's|what\s+is|what\u2019s)\s+the\s+point\s+(?:of|in)\s+(?:living|life|going\s+on|being\s+alive|it\s+all|anything)\b`,
    String.raw`\bnot\s+worth\s+living\b|\bisn't\s+worth\s+living\b`,
    String.raw`\bhopeless(?:ness)?\b`,
    String.raw`\bgive\s+up\s+on\s+(?:life|living)\b`,
    String.raw`\b(?:it\s+all|everything)\s+to\s+end\b`,
    String.raw`\bdisappear\s+forever\b`,
    String.raw`\b(?:started|start|stop|stopped|been|keep|kept|was|is|began)\s+cutting\b(?!\s+(?:back|down|out|off|ties|corners|costs|class|school|hair|people))|\bcutting\s+again\b|\bthe\s+cutting\b`,
    String.raw`\b(?:won't|will\s+not|not|won\u2019t)\s+be\s+around\s+(?:much\s+longer|any\s?more|for\s+long)\b`,
    String.raw`\b(?:no|any|a|see\s+the)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|keep\s+living|go(?:ing)?\s+on)\b`,
    String.raw`\b(?:never\s+been\s+born|too\s+many\s+pills|took\s+(?:all\s+)?(?:my|her|his)\s+pills)\b`,
    // Passive wishes and feeling a burden: warning signs as much as the words of suicide.
    String.raw`\b(?:never\s+wake\s+up|sleep\s+forever|nothing\s+(?:left\s+)?to\s+live\s+for|(?:want|wants|wanted|wanting|wish|wishes|wished)\s+(?:(?:i|she|he|they)\s+could\s+)?(?:just\s+)?(?:to\s+)?(?:just\s+)?disappear)\b`,
    String.raw`\b(?:(?:i'm|i\u2019m|i\s+am|she's|he's|being|feel(?:s|ing)?\s+like|felt\s+like)\s+(?:just\s+|such\s+|only\s+)?a\s+burden|a\s+burden\s+(?:to|on)\s+(?:everyone|everybody|others|people|my\s+family|her\s+family|his\s+family))\b`,
  ].join('|'),
  'i',
);
/** Clinical shorthand, in capitals only: suicidal or homicidal ideation, self-injury. */
const RISK_SHORTHAND = /\b(?:SI|HI|SIB|NSSI)\b/;
/** Shorthand that records an absence ("denies SI", "no suicidal ideation"): not risk language. */
const NEGATED = new RegExp(
  String.raw`\b(?:den(?:y|ies|ied|ying)|no|not|negative\s+for|without|nor|never|neg)\s+(?:(?:any|current|active|passive|recent|acute|further|thoughts?\s+of|history\s+of|hx\s+of|plans?\s+or\s+intent\s+(?:to|of)|intent\s+(?:to|of))\s+)*` +
    String.raw`(?:SI|HI|SIB|NSSI|suicidal(?:\s+(?:or\s+homicidal\s+)?(?:ideation|thoughts?|intent|plans?|behaviou?rs?))?|homicidal(?:\s+(?:ideation|thoughts?))?|self[-\s]?harm\w*|suicide|(?:harming|hurting|killing)\s+(?:herself|himself|themselves|self|others))` +
    String.raw`(?:\s*(?:,|\/|or|and|nor)\s*(?:SI|HI|SIB|NSSI|self[-\s]?harm\w*|homicidal(?:\s+ideation)?|intent|plan|thoughts?|(?:harming|hurting)\s+(?:herself|himself|themselves|self|others)))*` +
    String.raw`|\b(?:SI|HI)(?:\s*\/\s*HI)?\s*[:=-]\s*(?:denied|denies|none|negative|neg|no|nil|absent)\b`,
  'gi',
);

/**
 * The same in German, Spanish and French: the words of suicide, self-harm, wanting to die or
 * not to live, hopelessness and harming someone. Its own expression, with the `u` flag and
 * letter lookarounds in place of `\b` (which knows only ASCII letters: "Überdosis", "désespoir").
 */
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const RISK_OTHER = new RegExp(
  [
    // All three languages: suicide, suicidal, Suizid, suicidio, suicidaire, Selbstmord.
    String.raw`${B}(?:suizid|suicid|selbstmord|freitod)\p{L}*`,
    String.raw`${B}(?:[üu]berdosis|sobredosis|surdose)\p{L}*`,
    // German.
    String.raw`${B}(?:mich|sich|dich|uns)\s+(?:\p{L}+\s+){0,2}?(?:umbringen|umzubringen|umgebracht|t[öo]ten|ritzen|geritzt|aufh[äa]ngen|erh[äa]ngen)${E}`,
    String.raw`${B}(?:will|wollte|m[öo]chte|m[öo]chten|w[üu]rde|w[üu]nscht\p{L}*|wunsch|lieber)\s+(?:\p{L}+\s+){0,3}?(?:sterben|tot\s+sein)${E}`,
    String.raw`${B}w[äa]re\s+(?:\p{L}+\s+){0,2}?tot${E}`,
    String.raw`${B}nicht\s+mehr\s+(?:\p{L}+\s+){0,2}?(?:leben|da\s+sein|hier\s+sein|aufwachen|weiterleben|existieren)${E}`,
    String.raw`${B}(?:lebensm[üu]de|selbstverletz\p{L}*|selbstsch[äa]dig\p{L}*|hoffnungslos\p{L}*|ritzt|ritzte|ritzen)${E}`,
    String.raw`${B}(?:keinen|kein)\s+sinn\s+(?:mehr\s+)?(?:zu\s+leben|im\s+leben|weiterzuleben|mehr\s+im\s+leben)${E}`,
    String.raw`${B}(?:allem|alles|meinem\s+leben|seinem\s+leben|ihrem\s+leben)\s+ein\s+ende\s+(?:machen|setzen|bereiten)${E}`,
    String.raw`${B}(?:besser\s+(?:dran\s+)?ohne\s+mich|besser\s+tot)${E}`,
    String.raw`${B}(?:jemanden|andere|ihn|sie)\s+(?:\p{L}+\s+){0,2}?(?:umbringen|umzubringen|t[öo]ten|erstechen|erschie[ßs]en)${E}`,
    // Spanish.
    String.raw`${B}(?:quitarme|quitarse|quitarte|quitar)\s+la\s+vida${E}`,
    String.raw`${B}(?:matarme|matarse|matarte|me\s+mato|se\s+mata|me\s+voy\s+a\s+matar)${E}`,
    String.raw`${B}(?:quiero|quer[íi]a|quisiera|quiere|querr[íi]a|ganas\s+de|deseo|desea)\s+(?:\p{L}+\s+){0,2}?morir(?:me|se)?${E}`,
    String.raw`${B}(?:no|ya\s+no)\s+(?:quiero|quiere|quer[íi]a|tengo\s+ganas\s+de)\s+(?:seguir\s+)?(?:vivir|viviendo|estar\s+aqu[íi]|existir|despertar)${E}`,
    String.raw`${B}(?:autolesi\p{L}*|desesperanza|sin\s+esperanza|cortarme|cortarse|me\s+corto|se\s+corta|hacerme\s+da[ñn]o|hacerse\s+da[ñn]o|me\s+hago\s+da[ñn]o)${E}`,
    String.raw`${B}no\s+(?:tiene|tengo|le\s+veo|veo|hay)\s+sentido\s+(?:vivir|seguir|la\s+vida|seguir\s+viviendo)${E}`,
    String.raw`${B}no\s+vale\s+la\s+pena\s+(?:vivir|seguir)${E}`,
    String.raw`${B}(?:acabar|terminar)\s+con\s+(?:todo|mi\s+vida|su\s+vida)${E}`,
    String.raw`${B}(?:mejor\s+(?:estar[íi]a\s+|estar[íi]an\s+|estar\s+)?muert[oa]s?|mejor\s+sin\s+m[íi])${E}`,
    String.raw`${B}(?:matar|hacer\s+da[ñn]o)\s+a\s+(?:alguien|otros|otra\s+persona|mi\s+\p{L}+|[ée]l|ella)${E}`,
    // French.
    String.raw`${B}(?:me|se|te)\s+tuer${E}`,
    String.raw`${B}(?:envie|veux|voulais|voudrais|voudrait|veut|aimerais|souhaite|souhaiterais)\s+(?:de\s+)?(?:\p{L}+\s+){0,2}?mourir${E}`,
    String.raw`${B}(?:ne\s+(?:veux|veut|voulais)\s+plus\s+vivre|plus\s+envie\s+de\s+vivre|plus\s+(?:envie\s+d['’]|la\s+force\s+d['’])\s*(?:exister|[êe]tre\s+l[àa]))${E}`,
    String.raw`${B}(?:en\s+finir|mettre\s+fin\s+[àa]\s+(?:mes|ses|tes)\s+jours|mettre\s+fin\s+[àa]\s+(?:ma|sa|ta)\s+vie)${E}`,
    String.raw`${B}(?:automutil\p{L}*|scarifi\p{L}*|d[ée]sespoir|d[ée]sesp[ée]r[ée]e?s?|sans\s+espoir|me\s+couper|se\s+couper|me\s+faire\s+du\s+mal|se\s+faire\s+du\s+mal)${E}`,
    String.raw`${B}(?:mieux\s+(?:sans\s+moi|mort|morte))${E}`,
    String.raw`${B}(?:tuer|faire\s+du\s+mal\s+[àa])\s+(?:quelqu['’]un|autrui|d['’]autres|les\s+autres|mon\s+\p{L}+|ma\s+\p{L}+)`,
  ].join('|'),
  'iu',
);

/** Clinical wording that records an absence in these languages ("keine Suizidgedanken", "niega ideación suicida", "pas d'idées suicidaires"): not risk language. */
const NEGATED_OTHER = new RegExp(
  String.raw`${B}(?:keine[nmrs]?|kein|verneint|ohne|kein\s+hinweis\s+auf|keine\s+hinweise\s+auf|distanziert\s+sich(?:\s+\p{L}+){0,2}\s+von|niega|negó|sin|no\s+(?:presenta|refiere|hay|tiene|manifiesta|expresa)|ausencia\s+de|pas\s+d['’]|pas\s+de|aucune?|nie|sans|absence\s+d['’]|absence\s+de)\s*` +
    String.raw`(?:(?:akute[nr]?|aktuelle[nr]?|akuten|actual|activa|actuelle|active|aktive|de|d['’]|des)\s*)*` +
    String.raw`(?:suizid\p{L}*|selbstmord\p{L}*|selbstverletz\p{L}*|ideaci[oó]n\s+suicida|ideas?\s+suicidas?|pensamientos?\s+suicidas?|autolesi\p{L}*|id[ée]es?\s+suicidaires?|id[ée]ation\s+suicidaire|automutil\p{L}*|suicid\p{L}*|risque\s+suicidaire|riesgo\s+suicida)` +
    String.raw`(?:\s*(?:,|\/|oder|und|noch|ni|o|y|ou|et|ni)\s*(?:suizid\p{L}*|selbstverletz\p{L}*|autolesi\p{L}*|automutil\p{L}*|fremdgef[äa]hrdung|heteroagresi\p{L}*))*`,
  'giu',
);

/** Whether a text speaks of risk (suicide, self-harm, wanting to die, harming someone), leaving out shorthand that records an absence. */
export function hasRiskLanguage(text: string): boolean {
  // Both languages' negations first: "niega ideación suicida" holds the English "suicid".
  const t = text.replace(NEGATED, ' ').replace(NEGATED_OTHER, ' ');
  return RISK.test(t) || RISK_SHORTHAND.test(t) || RISK_OTHER.test(t);
}
