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

/** Whether a text speaks of risk (suicide, self-harm, wanting to die, harming someone), leaving out shorthand that records an absence. */
export function hasRiskLanguage(text: string): boolean {
  const t = text.replace(NEGATED, ' ');
  return RISK.test(t) || RISK_SHORTHAND.test(t);
}
