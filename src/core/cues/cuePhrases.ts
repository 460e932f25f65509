/**
 * The built-in cues: words a therapist may write in passing that can point to a quiet
 * rupture (the markers of withdrawal and confrontation, and the therapist's own reactions),
 * each with the rule that says when the words are about the work and not about the
 * client's life. Each cue says why it appeared, tentatively: it is a prompt to look again,
 * never a finding about the client. The rules themselves are in cues.ts; docs/cue-hints.md
 * lists them with an example that fires and one that stays silent.
 *
 * Phrase syntax (shared with the `attune.cues.phrases` setting): plain words, matched
 * without regard to case and on word boundaries; a space matches any run of spaces or
 * tabs; `'` matches straight and curly apostrophes; `...` also matches `…`. Built-in
 * phrases may also hold `{a|b|c}` (any one of the choices; an empty choice makes the part
 * optional) and `#` (a number written in digits).
 */

/** The kinds a cue (built in or the clinician's own) may have. */
export type CueKind = 'withdrawal' | 'confrontation' | 'my own reaction';

/** The kind of a hint: a cue's kind, or `safety` when a cue sat in words that can speak of risk. */
export type HintKind = CueKind | 'safety';

export const CUE_KINDS: readonly CueKind[] = ['withdrawal', 'confrontation', 'my own reaction'];

/**
 * When a cue's words count (see cues.ts for how each is read):
 * - `reply`: the client's reply starts with them: at the start of a quoted reply, or
 *   reported straight after "she said" (`Not exactly, he answered.` too);
 * - `short-reply`: the client's whole quoted reply, or its first sentence, is these words;
 * - `about-work`: about the therapist, the therapy or the session: in the client's quote
 *   addressed to "you" or naming the work; in the therapist's narrative, by the client,
 *   with the therapist ("me") or the work in the sentence;
 * - `in-session`: something the client did, in the therapist's narrative, with the client
 *   as its subject and nobody else's life in the sentence (unless the therapist or the
 *   work is there too);
 * - `my-reaction`: the therapist's own narrative only, never inside a quote;
 * - `own`: the clinician's own phrases, anywhere but in someone else's quoted words;
 * - `names-us` (German, Spanish, French): words that name the therapist ("Sie", "usted",
 *   "vous"), the therapy or the session themselves; in the therapist's narrative or the
 *   client's quote, unless someone of the client's life is named before them in the sentence
 *   or the quote speaks to someone by name or kinship (the English `about-work` reads who is
 *   addressed from English words, which do not carry over);
 * - `client-did` (German, Spanish, French): something the client did in the session, in the
 *   therapist's narrative only, with nobody of the client's life in the sentence unless the
 *   therapist or the work is there too (the English `in-session`, by these languages' words).
 */
export type CueRule = 'reply' | 'short-reply' | 'about-work' | 'in-session' | 'my-reaction' | 'own' | 'names-us' | 'client-did';

/** The languages cue phrases are written in besides English. */
export type CueLanguage = 'de' | 'es' | 'fr';

export interface CuePhrases {
  readonly rule: CueRule;
  readonly phrases: readonly string[];
  /** The language of the phrases, when not English. */
  readonly lang?: CueLanguage;
}

export interface CueDefinition {
  readonly id: string;
  readonly kind: CueKind;
  /** One line, in plain and tentative words, saying why the hint appeared. */
  readonly reason: string;
  readonly phrases: readonly CuePhrases[];
}

/** The cue a hint becomes when its sentence has words that can speak of risk. */
export const SAFETY_FIRST = {
  id: 'safety-first',
  kind: 'safety',
  reason: 'Words like these can speak of risk. Safety comes first: check on it and record it as you usually do; any rupture work can wait.',
} as const;

/** Verbs before a word of how something felt ("was cold", "felt dismissive"). */
const BE = '{is|was|were|are|seemed|seems|looked|got|became|felt|feels|sounded}';

export const BUILT_IN_CUES: readonly CueDefinition[] = [
  {
    id: 'not-exactly',
    kind: 'withdrawal',
    reason: 'A reply that starts "Not exactly" can mean we were not quite on the same page. Worth a second look?',
    phrases: [
      { rule: 'reply', phrases: ['not exactly', 'not really'] },
      { rule: 'reply', lang: 'de', phrases: ['nicht wirklich', 'nicht ganz', 'nicht so richtig', 'eigentlich nicht'] },
      { rule: 'reply', lang: 'es', phrases: ['no exactamente', 'no del todo', 'no realmente', 'la verdad es que no'] },
      { rule: 'reply', lang: 'fr', phrases: ['pas vraiment', 'pas exactement', 'pas tout à fait', 'pas trop'] },
    ],
  },
  {
    id: 'well',
    kind: 'withdrawal',
    reason: 'A hesitant "Well..." at the start of a reply can be a polite way of disagreeing. Worth a second look?',
    phrases: [
      { rule: 'reply', phrases: ['well...'] },
      { rule: 'reply', lang: 'de', phrases: ['naja...', 'na ja...', 'tja...', 'hm...'] },
      { rule: 'reply', lang: 'es', phrases: ['bueno...', 'pues...', 'este...'] },
      { rule: 'reply', lang: 'fr', phrases: ['ben...', 'bah...', 'eh bien...', 'bon...'] },
    ],
  },
  {
    id: 'dismissive',
    kind: 'withdrawal',
    reason: 'A one-word reply like "Whatever" or "Fine" can be a way of stepping back from the conversation. Worth a second look?',
    phrases: [
      {
        rule: 'short-reply',
        phrases: ['whatever', 'fine', 'fine, whatever', 'whatever, fine', 'sure, whatever', 'if you say so', '{|sure, |fine, }whatever you {think|say|want}'],
      },
      {
        rule: 'short-reply',
        lang: 'de',
        phrases: [
          'egal',
          'ist mir egal',
          'schon gut',
          'passt schon',
          'von mir aus',
          'wie Sie meinen',
          'wie du meinst',
          'wenn Sie meinen',
          'wenn du meinst',
          '{|na gut, |ok, }wie Sie wollen',
        ],
      },
      {
        rule: 'short-reply',
        lang: 'es',
        phrases: [
          'lo que sea',
          'da igual',
          'me da igual',
          'como quiera',
          'como quieras',
          'como usted diga',
          'como tú digas',
          'como digas',
          'si usted lo dice',
          'si tú lo dices',
        ],
      },
      {
        rule: 'short-reply',
        lang: 'fr',
        phrases: ['bof', 'peu importe', 'comme vous voulez', 'comme tu veux', 'si vous le dites', 'si tu le dis', 'comme vous dites'],
      },
    ],
  },
  {
    id: 'wants-to-leave',
    kind: 'withdrawal',
    reason: 'Wanting the session to be over can be a sign that something in it did not sit well. Worth a second look?',
    phrases: [
      {
        rule: 'short-reply',
        phrases: [
          'can I go now',
          'can I go',
          'can we stop now',
          'can we stop',
          'are we done',
          'are we done yet',
          'is it time',
          'is it time yet',
          'is it over yet',
          'how much longer',
          'are we {nearly |almost |}done {yet|now}',
          'are we {nearly|almost} done',
          'can we {finish|stop|end|leave} {early|now}{| today}',
          'do we have to {do this|talk about this|talk about that|do this today}',
        ],
      },
      {
        rule: 'in-session',
        phrases: [
          '{checked|checking|checks|kept checking|keeps checking|looked at|looking at|looks at|kept looking at|glanced at|glancing at|glances at|watched|watching|eyeing|eyed} the clock',
          '{checked|checking|kept checking|looked at|looking at|kept looking at|glanced at|glancing at} {her|his|their} watch',
          'asked if we were done',
          'asked if she could go',
          'asked if he could go',
          'asked if they could go',
          'asked to leave early',
          'wanted to leave early',
        ],
      },
      { rule: 'about-work', phrases: ['{dread|dreads|dreaded|dreading|hate|hates|hated} coming', '{can|could} we {just |}{not do|skip} this'] },
      {
        rule: 'short-reply',
        lang: 'de',
        phrases: [
          'können wir aufhören',
          'können wir jetzt aufhören',
          'sind wir fertig',
          'sind wir jetzt fertig',
          'sind wir bald fertig',
          'kann ich gehen',
          'kann ich jetzt gehen',
          'ist die Zeit um',
          'ist die Zeit schon um',
          'wie lange noch',
        ],
      },
      {
        rule: 'short-reply',
        lang: 'es',
        phrases: [
          'podemos parar',
          'podemos terminar',
          'podemos terminar ya',
          'ya terminamos',
          'ya acabamos',
          'hemos terminado',
          'puedo irme',
          'puedo irme ya',
          'ya me puedo ir',
          'cuánto falta',
        ],
      },
      {
        rule: 'short-reply',
        lang: 'fr',
        phrases: [
          'on peut arrêter',
          "on peut s'arrêter",
          'on a fini',
          'on a bientôt fini',
          'je peux partir',
          'je peux y aller',
          "c'est bientôt fini",
          "c'est fini",
        ],
      },
      {
        rule: 'client-did',
        lang: 'de',
        phrases: [
          '{schaute|blickte|sah|schaut|blickt|sieht} {ständig |immer wieder |dauernd |oft |}auf die Uhr',
          '{schaute|blickte|sah|schaut|blickt|sieht} {ständig |immer wieder |dauernd |oft |}auf {ihre|seine} Uhr',
        ],
      },
      { rule: 'client-did', lang: 'es', phrases: ['{miraba|miró|mira} el reloj', '{miraba|miró|mira} {la hora|su reloj}'] },
      { rule: 'client-did', lang: 'fr', phrases: ["{regardait|regarda|regarde|a regardé} {l'heure|la pendule|l'horloge|sa montre}"] },
    ],
  },
  {
    id: 'went-quiet',
    kind: 'withdrawal',
    reason: 'Going quiet can be reflection, or a way of stepping back from something that did not sit well. Worth a second look?',
    phrases: [
      {
        rule: 'in-session',
        phrases: [
          '{went|goes|go|going|fell|falls|grew|grows|got|gets|became|becomes} {quiet|silent}',
          '{was|were|stayed|remained|sat|kept} {quiet|silent}',
          '{shut|shuts|shutting} down',
          'stopped talking',
        ],
      },
      {
        rule: 'client-did',
        lang: 'de',
        phrases: ['{wurde|wird} {still|stumm|ganz still|sehr still|ruhig|ganz ruhig}', 'verstummte', 'verstummt', 'schwieg', 'zog sich zurück', 'machte dicht'],
      },
      { rule: 'client-did', lang: 'es', phrases: ['se quedó {callado|callada|en silencio|muda|mudo}', 'se calló', 'se cerró', 'dejó de hablar'] },
      {
        rule: 'client-did',
        lang: 'fr',
        phrases: [
          "{s'est tue|s'est tu|se tut|se taisait}",
          '{est devenu|est devenue|devint} {silencieux|silencieuse|muet|muette}',
          "{s'est fermé|s'est fermée|se ferma|s'est refermé|s'est refermée}",
          'a arrêté de parler',
          'cessa de parler',
        ],
      },
    ],
  },
  {
    id: 'changed-subject',
    kind: 'withdrawal',
    reason: 'A change of subject can be a way of moving away from something that stung. Worth a second look?',
    phrases: [
      { rule: 'in-session', phrases: ['{changed|changes|change|changing} the subject', '{switched|switches|switch|switching} {topics|the topic}'] },
      { rule: 'about-work', phrases: ["{rather not|don't want to|do not want to|didn't want to} {talk|go} {about|into} {it|that|this}"] },
      { rule: 'client-did', lang: 'de', phrases: ['{wechselte|wechselt} {sie |er |schnell |}das Thema', 'lenkte {ab|vom Thema ab}'] },
      { rule: 'client-did', lang: 'es', phrases: ['{cambió|cambia|cambiaba} de tema', '{cambió|cambia|cambiaba} el tema'] },
      { rule: 'client-did', lang: 'fr', phrases: ['{a changé|changea|change|changeait} de sujet'] },
    ],
  },
  {
    id: 'polite',
    kind: 'withdrawal',
    reason: 'Polite agreement can sometimes cover a quiet "no". Worth a second look?',
    phrases: [
      { rule: 'in-session', phrases: ['nodded politely', 'polite but', 'polite, but', 'agreed too quickly', 'agreed too readily'] },
      { rule: 'client-did', lang: 'de', phrases: ['nickte höflich', 'höflich, aber', 'höflich aber'] },
      { rule: 'client-did', lang: 'es', phrases: ['asintió {educadamente|por cortesía|con cortesía}', 'educada pero', 'educado pero'] },
      { rule: 'client-did', lang: 'fr', phrases: ['{hocha|a hoché} poliment la tête', '{hocha|a hoché} la tête poliment', 'polie mais', 'poli mais'] },
    ],
  },
  {
    id: 'stopped-crying',
    kind: 'withdrawal',
    reason: 'Tears that stop at once can mean a feeling was put away rather than met. Worth a second look?',
    phrases: [
      { rule: 'in-session', phrases: ['stopped crying', 'stopped herself crying', 'stopped himself crying'] },
      { rule: 'client-did', lang: 'de', phrases: ['hörte {sofort |abrupt |gleich |}auf zu weinen'] },
      { rule: 'client-did', lang: 'es', phrases: ['dejó de llorar'] },
      { rule: 'client-did', lang: 'fr', phrases: ['{a arrêté|arrêta|a cessé|cessa} de pleurer'] },
    ],
  },
  {
    id: 'late-or-missed',
    kind: 'withdrawal',
    reason: 'Coming late, missing or cancelling a session can have many reasons; sometimes it says something about the work. Something to wonder about?',
    phrases: [
      {
        rule: 'in-session',
        phrases: [
          '{arrived|arrives|came|comes|showed up|shows up|turned up|turns up|was|is|got here} {#|# minutes|#-minutes|# mins|#min|five minutes|ten minutes|fifteen minutes|twenty minutes|twenty-five minutes|thirty minutes|forty minutes|half an hour|an hour|a bit|a little|quite|very} late',
          '{arrived|arrives|came|comes|showed up|shows up|turned up|turns up} late',
          'was late again',
          "{missed|misses|skipped|skips|forgot|forgets} {the|her|his|their|our|today's|last week's|this week's|last|another|a} {session|appointment}",
          "{cancelled|canceled|cancels|cancelling|canceling} {again|last minute|at the last minute|the session|our session|today's session|the appointment|her session|his session|their session|her appointment|his appointment}",
          "{didn't|did not} {show|show up|come in|turn up} {today|for the session|for her session|for his session}",
          'no-show',
        ],
      },
      {
        rule: 'client-did',
        lang: 'de',
        phrases: [
          'kam {# Minuten |wieder |schon wieder |}zu spät',
          '{sagte|hat} die {Stunde|Sitzung|Therapiestunde} {ab|abgesagt}',
          '{ist|war} nicht erschienen',
        ],
      },
      {
        rule: 'client-did',
        lang: 'es',
        phrases: ['llegó {# minutos |otra vez |}tarde', 'faltó {otra vez |}a la sesión', 'canceló la sesión', 'no se presentó'],
      },
      {
        rule: 'client-did',
        lang: 'fr',
        phrases: [
          '{est arrivé|est arrivée|arriva|arrive} {# minutes |encore |}en retard',
          'a annulé la séance',
          'a manqué la séance',
          "ne s'est pas présenté{|e}",
        ],
      },
    ],
  },
  {
    id: 'not-helping',
    kind: 'confrontation',
    reason: 'Doubts about whether the work helps may be a message about what happens between you. Worth a second look?',
    phrases: [
      {
        rule: 'about-work',
        phrases: [
          "{not|isn't|aren't|wasn't|weren't} helping",
          "{doesn't|don't|didn't|does not|do not|did not|won't|will not|never} help",
          "{isn't|aren't|wasn't|weren't|is not|are not|was not|not|hasn't been|haven't been} working",
          "{doesn't|don't|didn't|does not|do not|did not|won't|will not} work",
          '{did|does|do|is doing|are doing|has done|have done} nothing',
          '{none of it|none of this|none of them|none of these|none of that|nothing} {is|are|was|were|has been|have been|seems to be} helping',
          "{nothing's|nothing is|nothing has|nothing's been|nothing} {helped|helping|helps}",
          'waste of {|my |our |your |an |this |the }{time|money|hour|session|sessions}',
          "{isn't|is not|not|wasn't|aren't} doing {anything|much|a thing}",
          "{not going to|isn't going to|is not going to|won't|wouldn't|will not} help",
          '{tired|sick} of {talking about|coming|doing this|this}',
          '{makes|made|make} {me|her|him|them} feel worse',
          "{hasn't|haven't|has not|have not|never} helped",
          'none of {it|this|them|these|that|you} {has|have|ever} {helped|worked}',
          "{don't|doesn't|didn't|do not|does not} think {this|it|therapy|the sessions|coming here|talking} {is|was|are|has been} {helping|working}",
          'why I {even |}{bother|keep trying}',
          "{not|isn't|wasn't} what I signed up for",
          '{feel|feeling|felt|feels} worse after',
          "{not|isn't|aren't|is not|are not} getting anywhere",
          'going nowhere',
        ],
      },
      {
        rule: 'names-us',
        lang: 'de',
        phrases: [
          'die Therapie {hilft|bringt} {mir |}{nicht|nichts}',
          'die {Sitzungen|Stunden|Gespräche} {helfen|bringen} {mir |}{nicht|nichts}',
          'das hier {hilft|bringt} {mir |}{nicht|nichts}',
          '{Sie helfen|du hilfst} mir nicht',
          'Therapie bringt nichts',
        ],
      },
      {
        rule: 'names-us',
        lang: 'es',
        phrases: [
          'la terapia no {me |}{ayuda|sirve|funciona}',
          'las sesiones no {me |}{ayudan|sirven}',
          'esto no {me |}{ayuda|sirve}',
          'usted no me ayuda',
          'no me ayudas',
        ],
      },
      {
        rule: 'names-us',
        lang: 'fr',
        phrases: [
          'la thérapie ne {me |}sert à rien',
          "la thérapie ne {m'aide|marche|fonctionne} pas",
          "les séances ne {m'aident|servent} {pas|à rien}",
          "{vous ne m'aidez|tu ne m'aides} pas",
        ],
      },
    ],
  },
  {
    id: 'dont-understand',
    kind: 'confrontation',
    reason: 'Feeling misunderstood or unheard can be a sign of a strain between you. Worth a second look?',
    phrases: [
      {
        rule: 'about-work',
        phrases: [
          "{don't|doesn't|didn't|do not|does not|did not|never} {understand|get} {it|me|this|what|how|that}",
          "you {don't|didn't|do not|did not|never|just don't|really don't} {understand|get}",
          "{don't|doesn't|didn't|do not|does not} think you {get|understand|see}",
          "{not|aren't|isn't|weren't|wasn't|never|don't|doesn't|didn't} {listening|listen|hearing|hear} {to me|me}",
          "{you're|you are|you were|you weren't|you aren't} not {|really |even }{listening|hearing}",
          "{you're not|you aren't|you weren't} listening",
          "{don't|doesn't|didn't|do not|does not|did not|never|won't} {take|takes} {me|him|her|them} seriously",
          "{are|were|aren't|weren't} you {even |really |}listening",
          "you {don't|didn't|wouldn't|can't|cannot} {know|understand|imagine} what it's like",
          "{don't|didn't|do not|never} feel {heard|listened to|understood|seen}",
          'like talking to a wall',
          'on my side',
          "{not|isn't|aren't|wasn't} taking me seriously",
          "{doesn't|don't|didn't} {seem|seems} to {take me seriously|get it|understand|listen|care}",
        ],
      },
      {
        rule: 'names-us',
        lang: 'de',
        phrases: [
          'Sie verstehen mich nicht',
          'du verstehst mich nicht',
          'Sie hören mir nicht zu',
          'du hörst mir nicht zu',
          'Sie nehmen mich nicht ernst',
          'du nimmst mich nicht ernst',
        ],
      },
      {
        rule: 'names-us',
        lang: 'es',
        phrases: ['usted no me entiende', 'no me entiendes', 'usted no me escucha', 'no me escuchas', 'usted no me toma en serio', 'no me tomas en serio'],
      },
      {
        rule: 'names-us',
        lang: 'fr',
        phrases: [
          'vous ne me comprenez pas',
          'tu ne me comprends pas',
          "vous ne m'écoutez pas",
          "tu ne m'écoutes pas",
          'vous ne me prenez pas au sérieux',
          'tu ne me prends pas au sérieux',
        ],
      },
    ],
  },
  {
    id: 'whats-the-point',
    kind: 'confrontation',
    reason: 'Asking what the point is can be a question about the work, or about the two of you. Worth a second look?',
    phrases: [
      { rule: 'about-work', phrases: ["what's the point", 'what is the point', 'pointless', 'no point {in|to}'] },
      { rule: 'names-us', lang: 'de', phrases: ['was soll das hier', 'wozu komme ich {überhaupt |}{hierher|her}'] },
      { rule: 'names-us', lang: 'es', phrases: ['para qué {sirve esto|vengo|venir}', 'de qué sirve {esto|venir}'] },
      { rule: 'names-us', lang: 'fr', phrases: ['pourquoi je viens {encore |}{ici|vous voir}'] },
    ],
  },
  {
    id: 'too-fast',
    kind: 'confrontation',
    reason: 'Words about pace can mean the work went deeper or faster than felt safe. Worth a second look?',
    phrases: [
      {
        rule: 'about-work',
        phrases: ['too fast', 'too much, too soon', 'too much too soon', 'too much', 'too soon', 'too deep', 'too intense', 'too hard', 'too quickly'],
      },
      { rule: 'names-us', lang: 'de', phrases: ['das geht mir zu schnell', '{Sie gehen|du gehst} zu schnell', 'das ist mir zu schnell'] },
      { rule: 'names-us', lang: 'es', phrases: ['vamos demasiado rápido', '{usted va|vas} demasiado rápido'] },
      { rule: 'names-us', lang: 'fr', phrases: ['on va trop vite', '{vous allez|tu vas} trop vite'] },
    ],
  },
  {
    id: 'like-an-object',
    kind: 'confrontation',
    reason: 'Feeling handled rather than met can point to a strain between you. Worth a second look?',
    phrases: [
      {
        rule: 'about-work',
        phrases: [
          'like an object',
          'being worked on',
          'like a {number|case|project|textbook case|case study|lab rat}',
          'just another {client|patient|case|number}',
        ],
      },
      { rule: 'names-us', lang: 'de', phrases: ['wie ein Objekt', 'wie eine Nummer', 'wie ein Versuchskaninchen'] },
      { rule: 'names-us', lang: 'es', phrases: ['como un objeto', 'como un número', 'como un conejillo de indias'] },
      { rule: 'names-us', lang: 'fr', phrases: ['comme un objet', 'comme un numéro', 'comme un cobaye'] },
    ],
  },
  {
    id: 'cold',
    kind: 'confrontation',
    reason: 'Something that felt cold, dismissive or judging may have landed harder than it was meant. Worth a second look?',
    phrases: [
      {
        rule: 'about-work',
        phrases: [
          `${BE} {so |very |really |quite |a bit |a little |}{cold|distant|businesslike|dismissive|judgmental|judgemental|patronising|patronizing|condescending|preachy|pushy|intrusive|invasive|harsh|blunt|insensitive}`,
          'transactional',
          '{felt|feel|feels|feeling} {judged|dismissed|brushed off|lectured|talked down to}',
          "{you're|you are|you were|are you} {judging|lecturing|patronising|patronizing} me",
        ],
      },
      { rule: 'names-us', lang: 'de', phrases: ['{Sie waren|du warst} {so |sehr |}{kalt|distanziert|herablassend|belehrend}'] },
      { rule: 'names-us', lang: 'es', phrases: ['usted {fue|estuvo|es} {muy |tan |}{frío|fría|distante|condescendiente}'] },
      {
        rule: 'names-us',
        lang: 'fr',
        phrases: [
          'vous avez été {si |très |}{froid|froide|distant|distante|condescendant|condescendante}',
          'vous êtes {si |très |}{froid|froide|distant|distante|condescendant|condescendante}',
        ],
      },
    ],
  },
  {
    id: 'stop-therapy',
    kind: 'confrontation',
    reason: 'Talk of stopping can be a way of saying something in the work is not right. Worth a second look?',
    phrases: [
      {
        rule: 'about-work',
        phrases: [
          '{stop|stopping|stopped|quit|quitting|end|ending|leave|leaving|drop out of|give up on|giving up on} {therapy|counselling|counseling|treatment|the sessions|our sessions|these sessions|the work}',
          '{stop|stopping|quit|quitting} {coming|seeing you}',
          'why I {keep|still|even|should keep} {coming|come}',
          "{isn't|is not|wasn't|was not|not really} for me",
          "{not|don't|won't|isn't|wasn't|never} {coming|come} back",
          'take a break from {therapy|counselling|counseling|the sessions|this|coming}',
        ],
      },
      { rule: 'names-us', lang: 'de', phrases: ['die Therapie {abbrechen|beenden}', 'mit der Therapie aufhören', 'nicht mehr {kommen|wiederkommen}'] },
      { rule: 'names-us', lang: 'es', phrases: ['dejar la terapia', 'dejar de venir', 'no voy a volver'] },
      { rule: 'names-us', lang: 'fr', phrases: ['arrêter la thérapie', 'arrêter de venir', 'ne plus venir', 'je ne reviendrai pas'] },
    ],
  },
  {
    id: 'upset-with-me',
    kind: 'confrontation',
    reason: 'Feelings aimed at you may be a chance to talk about what is happening between you. Worth a second look?',
    phrases: [
      {
        rule: 'about-work',
        phrases: [
          '{angry|upset|frustrated|annoyed|mad|irritated|cross|furious|fed up|pissed off|disappointed} {with|at|in} {me|you}',
          'you {never|always|keep} {tell|telling|told|listen|let|ask|asking|push|pushing|steer|bring|bringing|say|said|do|make|making|interrupt|interrupting|change|changing|forget|get}',
          "you said you'd",
          "you{'ve| have|} {cancelled|canceled|rescheduled|forgot|forgotten|ignored|interrupted} {on me|me|my|our|again}",
        ],
      },
      { rule: 'names-us', lang: 'de', phrases: ['{wütend|sauer|verärgert|böse} auf {Sie|dich|mich}', 'enttäuscht von {Ihnen|dir|mir}'] },
      {
        rule: 'names-us',
        lang: 'es',
        phrases: ['{enojado|enojada|enfadado|enfadada|molesto|molesta|furioso|furiosa|decepcionado|decepcionada} {conmigo|contigo|con usted}'],
      },
      { rule: 'names-us', lang: 'fr', phrases: ['{fâché|fâchée|en colère|furieux|furieuse} contre {moi|vous|toi}', '{déçu|déçue} par {moi|vous|toi}'] },
    ],
  },
  {
    id: 'defensive',
    kind: 'my own reaction',
    reason: 'Your own defensiveness can be a sign that something between you was strained. Worth a second look?',
    phrases: [
      {
        rule: 'my-reaction',
        phrases: [
          'I {felt|got|was|became|grew|started to feel|started getting|noticed I was|noticed I felt} {defensive|a bit defensive|a little defensive}',
          'I defended myself',
          'I justified myself',
        ],
      },
      {
        rule: 'my-reaction',
        lang: 'de',
        phrases: ['ich {war|wurde|fühlte mich} {defensiv|abwehrend}', 'ich habe mich {verteidigt|gerechtfertigt}', 'ich rechtfertigte mich'],
      },
      { rule: 'my-reaction', lang: 'es', phrases: ['me {puse|sentí} a la defensiva', 'me justifiqué', 'me defendí'] },
      {
        rule: 'my-reaction',
        lang: 'fr',
        phrases: ['je me suis {senti|sentie|mis|mise} sur la défensive', 'je me suis justifié{|e}', 'je me suis défendu{|e}'],
      },
    ],
  },
  {
    id: 'rushed',
    kind: 'my own reaction',
    reason: 'Rushing can leave a client behind without either of you noticing. Worth a second look?',
    phrases: [
      {
        rule: 'my-reaction',
        phrases: ['I {rushed|was rushing|felt rushed|hurried|was hurrying|pushed ahead|pushed on|moved on too quickly|moved too fast|went too fast}'],
      },
      {
        rule: 'my-reaction',
        lang: 'de',
        phrases: ['ich {habe|hab} {gedrängt|gehetzt}', 'ich war {zu schnell|in Eile|gehetzt}', 'ich bin zu schnell {vorgegangen|weitergegangen}'],
      },
      { rule: 'my-reaction', lang: 'es', phrases: ['me apresuré', 'fui {demasiado|muy} {rápido|rápida}'] },
      { rule: 'my-reaction', lang: 'fr', phrases: ['je suis allé{|e} trop vite', 'je me suis précipité{|e}', "j'ai précipité"] },
    ],
  },
  {
    id: 'irritated',
    kind: 'my own reaction',
    reason: 'Your own irritation may say something about what was happening between you. Worth a second look?',
    phrases: [
      { rule: 'my-reaction', phrases: ['I {felt|was|got|became|grew|noticed I was|noticed I felt} {irritated|annoyed|impatient|frustrated|exasperated}'] },
      { rule: 'my-reaction', lang: 'de', phrases: ['ich {war|wurde|fühlte mich} {gereizt|genervt|ungeduldig|verärgert|frustriert}', 'ich ärgerte mich'] },
      { rule: 'my-reaction', lang: 'es', phrases: ['me {sentí|puse} {irritado|irritada|molesto|molesta|impaciente|frustrado|frustrada}', 'me irrité'] },
      {
        rule: 'my-reaction',
        lang: 'fr',
        phrases: [
          'je me suis {senti|sentie} {agacé|agacée|irrité|irritée|impatient|impatiente|frustré|frustrée}',
          "j'étais {agacé|agacée|irrité|irritée|impatient|impatiente|frustré|frustrée}",
        ],
      },
    ],
  },
  {
    id: 'too-much-talking',
    kind: 'my own reaction',
    reason: 'Talking or explaining a lot can crowd out what the client needed to say. Worth a second look?',
    phrases: [
      {
        rule: 'my-reaction',
        phrases: ['I {talked|explained|said|spoke} too much', 'I kept {explaining|talking|lecturing|interrupting}', 'I {lectured|over-explained|interrupted}'],
      },
      { rule: 'my-reaction', lang: 'de', phrases: ['ich habe zu viel {geredet|erklärt|gesprochen}', 'ich redete zu viel'] },
      { rule: 'my-reaction', lang: 'es', phrases: ['hablé demasiado', 'expliqué demasiado'] },
      { rule: 'my-reaction', lang: 'fr', phrases: ["j'ai trop parlé", "j'ai trop expliqué"] },
    ],
  },
];
