/**
 * Fields and choices by meaning: every field of the note model has a stable key, and each of
 * its labels in the four template languages maps to it; every choice value likewise. The
 * features read keys, so a German note and an English one count together ("Art des Bruchs"
 * and "Kind of miss" are one field). The built-in templates are written from these tables,
 * so every label they hold has a key by construction.
 */

/** The languages the built-in templates are written in. */
export const NOTE_LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
export type NoteLanguage = (typeof NOTE_LANGUAGES)[number];

/** Words in each language, in the order of NOTE_LANGUAGES. */
export type Words = readonly [en: string, de: string, es: string, fr: string];

export function inLanguage(words: Words, language: NoteLanguage): string {
  return words[NOTE_LANGUAGES.indexOf(language)] ?? words[0];
}

/**
 * The template language for a setting (`match VS Code`, or a language) and VS Code's display
 * language (`de`, `pt-br`, ...): the setting's when it names one of ours, else the display
 * language's when we have it, else English.
 */
export function templateLanguage(setting: unknown, displayLanguage: string | undefined): NoteLanguage {
  const pick = (value: unknown): NoteLanguage | undefined => {
    if (typeof value !== 'string') return undefined;
    const base = value.trim().toLowerCase().split(/[-_]/)[0];
    return (NOTE_LANGUAGES as readonly string[]).includes(base) ? (base as NoteLanguage) : undefined;
  };
  return pick(setting) ?? pick(displayLanguage) ?? 'en';
}

/** "(not filled in)" in each language: the first option of every choice list, never an answer. */
export const NOT_FILLED_IN_WORDS: Words = ['(not filled in)', '(nicht ausgefüllt)', '(sin rellenar)', '(non renseigné)'];

interface FieldDefinition {
  readonly key: string;
  readonly labels: Words;
  /** The choice values offered, each with its key. */
  readonly choices?: readonly (readonly [key: string, ...words: Words])[];
  /** Matched by the start of the label (a clinician may add words after it, such as the scale's name). */
  readonly prefix?: boolean;
}

const SOMETHING_ELSE = ['something-else', 'something else', 'etwas anderes', 'otra cosa', 'autre chose'] as const;
const OWN_WORDS = ['own-words', 'in my own words', 'in meinen eigenen Worten', 'en mis propias palabras', 'avec mes propres mots'] as const;
const CLARIFY = ['clarify', 'clarify a misunderstanding', 'ein Missverständnis klären', 'aclarar un malentendido', 'clarifier un malentendu'] as const;
const EXPLAIN_TASK = [
  'explain-task',
  'explain my reasons for the task',
  'meine Gründe für die Aufgabe erklären',
  'explicar mis razones para la tarea',
  'expliquer mes raisons pour la tâche',
] as const;
const CHANGE_TASK_GOAL = [
  'change-task-goal',
  'change the task or the goal',
  'die Aufgabe oder das Ziel ändern',
  'cambiar la tarea o el objetivo',
  "changer la tâche ou l'objectif",
] as const;
const OWNED_PART = ['owned-part', 'owned my part', 'meinen Anteil übernommen', 'reconocí mi parte', "j'ai reconnu ma part"] as const;
const APOLOGISED = ['apologised', 'apologised', 'mich entschuldigt', 'pedí disculpas', "j'ai présenté mes excuses"] as const;
const THANKED = [
  'thanked',
  'thanked them for telling me',
  'für die Offenheit gedankt',
  'agradecí que me lo dijera',
  "j'ai remercié la personne de me l'avoir dit",
] as const;
const SLOWED_DOWN = ['slowed-down', 'slowed down', 'das Tempo verlangsamt', 'bajé el ritmo', "j'ai ralenti"] as const;
const SUPERVISION_CHOICES = [
  ['not-yet', 'not yet', 'noch nicht', 'todavía no', 'pas encore'],
  ['yes', 'yes', 'ja', 'sí', 'oui'],
] as const;

/** Every field the templates write and the features read. */
const FIELDS: readonly FieldDefinition[] = [
  {
    key: 'what-happened',
    labels: ['What happened (just the facts)', 'Was geschehen ist (nur die Fakten)', 'Qué pasó (solo los hechos)', "Ce qui s'est passé (les faits seulement)"],
  },
  { key: 'with', labels: ['With', 'Mit wem', 'Con quién', 'Avec qui'] },
  {
    key: 'kind-of-miss',
    labels: ['Kind of miss', 'Art des Bruchs', 'Tipo de desajuste', 'Type de mésaccordage'],
    choices: [
      [
        'cultural-context',
        'cultural or generational context missed',
        'kulturellen oder generationellen Kontext übersehen',
        'contexto cultural o generacional pasado por alto',
        'contexte culturel ou générationnel manqué',
      ],
      ['too-deep-too-soon', 'too deep too soon', 'zu tief, zu früh', 'demasiado hondo, demasiado pronto', 'trop profond, trop tôt'],
      [
        'technique-backfired',
        'a technique that backfired',
        'eine Technik, die nach hinten losging',
        'una técnica que salió al revés',
        "une technique qui s'est retournée contre nous",
      ],
      [
        'my-enthusiasm',
        'my own enthusiasm (my good session may not have been theirs)',
        'meine eigene Begeisterung (meine gute Sitzung war vielleicht nicht die meines Gegenübers)',
        'mi propio entusiasmo (mi buena sesión quizá no fue la suya)',
        "mon propre enthousiasme (ma bonne séance n'était peut-être pas la sienne)",
      ],
      [
        'fixing-not-hearing',
        'fixing or teaching while they needed to be heard',
        'lösen oder erklären wollen, wo Zuhören gebraucht wurde',
        'arreglar o enseñar cuando lo que hacía falta era escuchar',
        "réparer ou expliquer alors qu'il fallait écouter",
      ],
      [
        'policy-coldly',
        'a policy or boundary delivered coldly',
        'eine Regel oder Grenze, kühl vermittelt',
        'una norma o un límite comunicado con frialdad',
        'une règle ou une limite posée froidement',
      ],
      [
        'word-that-hurt',
        'a word or metaphor that hurt',
        'ein Wort oder eine Metapher, die verletzt hat',
        'una palabra o metáfora que hirió',
        'un mot ou une métaphore qui a blessé',
      ],
      [
        'forgot-what-mattered',
        'forgetting something that mattered to them',
        'etwas vergessen, das meinem Gegenüber wichtig war',
        'olvidar algo que le importaba',
        'oublier quelque chose qui comptait pour la personne',
      ],
      [
        'repeated-hard-thing',
        'repeating something I knew was hard for them',
        'etwas wiederholt, von dem ich wusste, dass es schwer ist',
        'repetir algo que sabía que le resultaba difícil',
        'répéter quelque chose que je savais difficile pour la personne',
      ],
      [
        'advice-or-talking',
        'advice pressed or too much talking',
        'Ratschläge aufgedrängt oder zu viel geredet',
        'consejos insistentes o hablar demasiado',
        'conseils appuyés ou trop de paroles',
      ],
      ['directing-without-asking', 'directing without asking', 'gelenkt, ohne zu fragen', 'dirigir sin preguntar', 'diriger sans demander'],
      [
        'self-disclosure',
        'sharing about me so they looked after me',
        'von mir erzählt, bis mein Gegenüber sich um mich kümmerte',
        'hablar de mí hasta que tuvo que cuidarme',
        'parler de moi au point que la personne a pris soin de moi',
      ],
      [
        'my-state',
        'my own state (tired or unwell)',
        'mein eigener Zustand (müde oder krank)',
        'mi propio estado (cansancio o malestar)',
        'mon propre état (fatigue ou malaise)',
      ],
      ['my-agenda', 'my agenda over theirs', 'meine Agenda vor der meines Gegenübers', 'mi agenda por encima de la suya', 'mon programme avant le sien'],
      [
        'lead-passed',
        'letting the lead pass to one side without noticing',
        'die Führung unbemerkt einer Seite überlassen',
        'dejar pasar la iniciativa a un lado sin darme cuenta',
        "laisser la conduite passer d'un côté sans m'en apercevoir",
      ],
      [
        'missed-need',
        'something I did not say or do (a need I missed)',
        'etwas, das ich nicht gesagt oder getan habe (ein übersehenes Bedürfnis)',
        'algo que no dije o no hice (una necesidad que no vi)',
        "quelque chose que je n'ai pas dit ou fait (un besoin manqué)",
      ],
      [
        'identity-power',
        'identity, power or privilege between us',
        'Identität, Macht oder Privilegien zwischen uns',
        'identidad, poder o privilegio entre nosotros',
        'identité, pouvoir ou privilège entre nous',
      ],
      [
        'siding',
        'siding with one person (couple, family or group work)',
        'Partei für eine Person ergriffen (Paar-, Familien- oder Gruppenarbeit)',
        'ponerme del lado de una persona (pareja, familia o grupo)',
        'prendre parti pour une personne (couple, famille ou groupe)',
      ],
      [
        'setting-or-technology',
        'the setting or technology let us down (telehealth)',
        'Setting oder Technik haben uns im Stich gelassen (Videotherapie)',
        'el encuadre o la tecnología nos fallaron (telesalud)',
        'le cadre ou la technique nous a fait défaut (téléconsultation)',
      ],
      [
        'break-or-ending',
        'a break, cancellation or ending',
        'eine Pause, eine Absage oder ein Ende',
        'una pausa, una cancelación o un final',
        'une pause, une annulation ou une fin',
      ],
      SOMETHING_ELSE,
    ],
  },
  {
    key: 'markers',
    labels: ['Markers', 'Marker', 'Marcadores', 'Marqueurs'],
    choices: [
      ['withdrawal-short-answers', 'withdrawal: short answers', 'Rückzug: kurze Antworten', 'retirada: respuestas breves', 'retrait : réponses brèves'],
      ['withdrawal-going-quiet', 'withdrawal: going quiet', 'Rückzug: Verstummen', 'retirada: quedarse en silencio', 'retrait : silence'],
      [
        'withdrawal-changing-subject',
        'withdrawal: changing the subject',
        'Rückzug: Themenwechsel',
        'retirada: cambiar de tema',
        'retrait : changement de sujet',
      ],
      [
        'withdrawal-agreeing',
        'withdrawal: agreeing too readily',
        'Rückzug: vorschnelle Zustimmung',
        'retirada: estar de acuerdo demasiado pronto',
        'retrait : acquiescement trop rapide',
      ],
      [
        'withdrawal-words-feeling',
        "withdrawal: words that don't match the feeling",
        'Rückzug: Worte, die nicht zum Gefühl passen',
        'retirada: palabras que no encajan con lo que siente',
        'retrait : des mots qui ne collent pas au ressenti',
      ],
      [
        'confrontation-about-me',
        'confrontation: a complaint about me',
        'Konfrontation: Beschwerde über mich',
        'confrontación: una queja sobre mí',
        'confrontation : une plainte à mon sujet',
      ],
      [
        'confrontation-about-work',
        'confrontation: a complaint about the work',
        'Konfrontation: Beschwerde über die Arbeit',
        'confrontación: una queja sobre el trabajo',
        'confrontation : une plainte sur le travail',
      ],
      [
        'confrontation-fees-times',
        'confrontation: a complaint about fees or times',
        'Konfrontation: Beschwerde über Honorar oder Termine',
        'confrontación: una queja sobre honorarios u horarios',
        'confrontation : une plainte sur les honoraires ou les horaires',
      ],
      [
        'confrontation-rejecting',
        'confrontation: rejecting an intervention',
        'Konfrontation: Zurückweisen einer Intervention',
        'confrontación: rechazo de una intervención',
        "confrontation : rejet d'une intervention",
      ],
      SOMETHING_ELSE,
    ],
  },
  {
    key: 'another-marker',
    labels: [
      'Another marker, if there was one',
      'Ein weiterer Marker, falls es einen gab',
      'Otro marcador, si lo hubo',
      "Un autre marqueur, s'il y en a eu un",
    ],
  },
  {
    key: 'my-reaction',
    labels: ['My own reaction', 'Meine eigene Reaktion', 'Mi propia reacción', 'Ma propre réaction'],
    choices: [
      ['none-noticed', 'none that I noticed', 'keine, die ich bemerkt habe', 'ninguna que notara', "aucune que j'aie remarquée"],
      ['defensive', 'defensive', 'defensiv', 'actitud defensiva', 'sur la défensive'],
      ['irritated', 'irritated', 'gereizt', 'irritación', 'agacement'],
      ['rushing', 'rushing', 'in Eile', 'prisa', 'précipitation'],
      ['pride', 'pride or excitement', 'Stolz oder Begeisterung', 'orgullo o entusiasmo', 'fierté ou excitation'],
      ['shame', 'shame or guilt', 'Scham oder Schuld', 'vergüenza o culpa', 'honte ou culpabilité'],
      ['anxiety', 'anxiety', 'Angst', 'ansiedad', 'anxiété'],
      ['sadness', 'sadness', 'Traurigkeit', 'tristeza', 'tristesse'],
      ['rescue', 'a wish to rescue', 'der Wunsch zu retten', 'deseo de rescatar', 'une envie de sauver'],
      ['boredom', 'boredom or distance', 'Langeweile oder Distanz', 'aburrimiento o distancia', 'ennui ou distance'],
      SOMETHING_ELSE,
    ],
  },
  { key: 'cues-noticed', labels: ['Cues I noticed', 'Hinweise, die mir aufgefallen sind', 'Señales que noté', "Indices que j'ai remarqués"] },
  {
    key: 'part',
    labels: ['The part of me that led', 'Der Anteil in mir, der geführt hat', 'La parte de mí que tomó la delantera', 'La part de moi qui a mené'],
    choices: [
      ['helper', 'helper', 'Helfer', 'ayudante', 'aidant'],
      ['fixer', 'fixer', 'Problemlöser', 'reparador', 'réparateur'],
      ['manager', 'manager', 'Manager', 'gestor', 'manager'],
      ['protector', 'protector', 'Beschützer', 'protector', 'protecteur'],
      ['creative', 'creative', 'kreativer Anteil', 'creativo', 'créatif'],
      ['enthusiastic', 'enthusiastic', 'begeisterter Anteil', 'entusiasta', 'enthousiaste'],
      ['educator', 'educator', 'Lehrer', 'educador', 'pédagogue'],
      OWN_WORDS,
    ],
  },
  {
    key: 'part-wanted',
    labels: ['What that part wanted', 'Was dieser Anteil wollte', 'Lo que esa parte quería', 'Ce que cette part voulait'],
    choices: [
      ['to-help', 'to help', 'helfen', 'ayudar', 'aider'],
      ['to-connect', 'to connect', 'Verbindung schaffen', 'conectar', 'créer du lien'],
      ['to-soothe', 'to soothe', 'beruhigen', 'calmar', 'apaiser'],
      ['to-fix', 'to fix', 'in Ordnung bringen', 'arreglar', 'réparer'],
      ['to-teach', 'to teach', 'etwas beibringen', 'enseñar', 'enseigner'],
      ['to-relate', 'to relate', 'in Beziehung gehen', 'relacionarse', 'être en relation'],
      ['to-impress', 'to impress', 'beeindrucken', 'impresionar', 'impressionner'],
      ['to-belong', 'to belong', 'dazugehören', 'pertenecer', 'appartenir'],
      ['to-protect', 'to protect', 'schützen', 'proteger', 'protéger'],
      OWN_WORDS,
    ],
  },
  {
    key: 'what-i-meant',
    labels: [
      'What I meant, and how it may have landed',
      'Was ich meinte, und wie es angekommen sein mag',
      'Lo que quise decir, y cómo pudo haberle llegado',
      'Ce que je voulais dire, et comment cela a pu être reçu',
    ],
  },
  {
    key: 'for-them',
    labels: [
      'What may have been happening for them',
      'Was in meinem Gegenüber vorgegangen sein mag',
      'Lo que pudo estar viviendo la otra persona',
      'Ce qui se passait peut-être pour la personne',
    ],
  },
  {
    key: 'regret',
    labels: [
      'If regret is here, what might it say about how much I care?',
      'Wenn Bedauern da ist: Was sagt es vielleicht darüber, wie viel mir daran liegt?',
      'Si hay pesar, ¿qué podría decir de cuánto me importa?',
      'Si du regret est là, que dit-il peut-être de combien cela me tient à cœur ?',
    ],
  },
  {
    key: 'repair-plan',
    labels: ['Repair plan', 'Reparaturplan', 'Plan de reparación', 'Plan de réparation'],
    choices: [
      [
        'explore-together',
        'explore it together (what happened between us, how it felt)',
        'gemeinsam erkunden (was zwischen uns geschah, wie es sich anfühlte)',
        'explorarlo en conjunto (qué pasó entre nosotros, cómo se sintió)',
        "l'explorer ensemble (ce qui s'est passé entre nous, ce que cela a fait)",
      ],
      CLARIFY,
      EXPLAIN_TASK,
      CHANGE_TASK_GOAL,
      [
        'wait-until-ready',
        'wait until they are ready',
        'warten, bis mein Gegenüber bereit ist',
        'esperar hasta que llegue su momento',
        'attendre que la personne soit prête',
      ],
    ],
  },
  { key: 'opening-line', labels: ['Opening line', 'Einstiegssatz', 'Frase de apertura', "Phrase d'ouverture"] },
  {
    key: 'take-to-supervision',
    labels: ['Take it to supervision?', 'In die Supervision mitnehmen?', '¿Llevarlo a supervisión?', "L'apporter en supervision ?"],
    choices: SUPERVISION_CHOICES,
  },
  {
    key: 'supervision-question',
    labels: ['My question for supervision', 'Meine Frage für die Supervision', 'Mi pregunta para la supervisión', 'Ma question pour la supervision'],
  },
  {
    key: 'in-the-moment',
    labels: ['What I did in the moment', 'Was ich im Moment selbst getan habe', 'Lo que hice en el momento', "Ce que j'ai fait sur le moment"],
    choices: [
      OWNED_PART,
      ['clarified', 'clarified a misunderstanding', 'ein Missverständnis geklärt', 'aclaré un malentendido', "j'ai clarifié un malentendu"],
      [
        'explained-task',
        'explained my reasons for the task',
        'meine Gründe für die Aufgabe erklärt',
        'expliqué mis razones para la tarea',
        "j'ai expliqué mes raisons pour la tâche",
      ],
      ['changed-task', 'changed the task', 'die Aufgabe geändert', 'cambié la tarea', "j'ai changé la tâche"],
      ['noticed-aloud', 'noticed it aloud', 'es laut angesprochen', 'lo nombré en voz alta', "je l'ai nommé à voix haute"],
      [
        'asked-how-it-was',
        'asked how it was for them',
        'gefragt, wie es für mein Gegenüber war',
        'pregunté cómo lo vivió',
        "j'ai demandé comment la personne l'a vécu",
      ],
      APOLOGISED,
      SLOWED_DOWN,
      THANKED,
      SOMETHING_ELSE,
    ],
  },
  { key: 'how-it-landed', labels: ['How it landed', 'Wie es angekommen ist', 'Cómo le llegó', 'Comment cela a été reçu'] },
  { key: 'come-back-to', labels: ['Anything to come back to', 'Worauf ich zurückkommen möchte', 'Algo a lo que volver', 'Ce à quoi revenir'] },
  {
    key: 'approach',
    labels: ['Approach', 'Vorgehen', 'Enfoque', 'Approche'],
    choices: [
      [
        'explore-first',
        'explore first: what happened between us and how it felt',
        'zuerst erkunden: was zwischen uns geschah und wie es sich anfühlte',
        'explorar primero: qué pasó entre nosotros y cómo se sintió',
        "explorer d'abord : ce qui s'est passé entre nous et ce que cela a fait",
      ],
      CLARIFY,
      EXPLAIN_TASK,
      CHANGE_TASK_GOAL,
    ],
  },
  {
    key: 'repair-moves',
    labels: [
      'Repair moves I may use',
      'Reparaturschritte, die ich nutzen könnte',
      'Movimientos de reparación que puedo usar',
      'Gestes de réparation que je pourrais utiliser',
    ],
    choices: [
      ['apologise', 'apologise for my part', 'mich für meinen Anteil entschuldigen', 'disculparme por mi parte', "m'excuser pour ma part"],
      ['thank', 'thank them for telling me', 'für die Offenheit danken', 'agradecer que me lo diga', 'remercier la personne de me le dire'],
      ['slow-down', 'slow down', 'das Tempo verlangsamen', 'bajar el ritmo', 'ralentir'],
      [
        'name-and-ask',
        'name what happened and ask about it',
        'benennen, was geschah, und danach fragen',
        'nombrar lo que pasó y preguntar por ello',
        "nommer ce qui s'est passé et poser la question",
      ],
      SOMETHING_ELSE,
    ],
  },
  {
    key: 'what-i-will-own',
    labels: ['What I will own', 'Was ich als meinen Anteil anerkenne', 'Lo que reconoceré como mío', 'Ce que je reconnaîtrai comme ma part'],
    choices: [
      [
        'only-my-part',
        'only my part in what happened',
        'nur meinen Anteil an dem, was geschah',
        'solo mi parte en lo que pasó',
        "seulement ma part dans ce qui s'est passé",
      ],
      [
        'part-and-intent',
        'my part and what I had meant to do',
        'meinen Anteil und was ich eigentlich vorhatte',
        'mi parte y lo que había querido hacer',
        "ma part et ce que j'avais voulu faire",
      ],
      [
        'a-little-of-mine',
        'a little of what was going on for me, if it helps them',
        'ein wenig von dem, was in mir vorging, wenn es meinem Gegenüber hilft',
        'un poco de lo que me pasaba a mí, si le ayuda',
        'un peu de ce qui se passait pour moi, si cela aide la personne',
      ],
    ],
  },
  {
    key: 'mine-or-ours',
    labels: [
      'Just for me: is this mine to carry, or ours to talk about?',
      'Nur für mich: Ist das meins zu tragen, oder unseres zu besprechen?',
      'Solo para mí: ¿esto es mío para cargarlo, o nuestro para hablarlo?',
      "Rien que pour moi : est-ce à moi de le porter, ou à nous d'en parler ?",
    ],
  },
  {
    key: 'invite-their-side',
    labels: ['How I will invite their side', 'Wie ich die Sicht meines Gegenübers einlade', 'Cómo invitaré su versión', "Comment j'inviterai son point de vue"],
    choices: [
      [
        'ask-what-it-stirred',
        'ask what it stirred up, then listen before explaining',
        'fragen, was es ausgelöst hat, und zuhören, bevor ich erkläre',
        'preguntar qué le removió, y escuchar antes de explicar',
        "demander ce que cela a remué, puis écouter avant d'expliquer",
      ],
      [
        'ask-how-to-talk',
        'ask how it is to talk about it',
        'fragen, wie es ist, darüber zu sprechen',
        'preguntar cómo es hablar de ello',
        "demander ce que cela fait d'en parler",
      ],
      SOMETHING_ELSE,
    ],
  },
  {
    key: 'pace',
    labels: ['Pace', 'Tempo', 'Ritmo', 'Rythme'],
    choices: [
      [
        'follow-their-lead',
        'slow down and follow their lead',
        'langsamer werden und meinem Gegenüber folgen',
        'bajar el ritmo y seguir su paso',
        'ralentir et suivre son rythme',
      ],
      [
        'week-since',
        'ask about the week since',
        'nach der Woche seither fragen',
        'preguntar por la semana transcurrida',
        "demander comment la semaine s'est passée",
      ],
      [
        'repair-first',
        'repair first, then the agenda',
        'erst die Reparatur, dann die Tagesordnung',
        'primero la reparación, luego la agenda',
        "d'abord la réparation, ensuite l'ordre du jour",
      ],
      [
        'only-if-they-bring-it-up',
        'only if they bring it up',
        'nur, wenn mein Gegenüber es anspricht',
        'solo si saca el tema',
        "seulement si la personne l'aborde",
      ],
    ],
  },
  {
    key: 'if-they-look-after-me',
    labels: [
      'If they start looking after me',
      'Wenn mein Gegenüber beginnt, sich um mich zu kümmern',
      'Si empieza a cuidarme',
      'Si la personne commence à prendre soin de moi',
    ],
  },
  { key: 'what-i-said', labels: ['What I said', 'Was ich gesagt habe', 'Lo que dije', "Ce que j'ai dit"] },
  {
    key: 'what-i-did',
    labels: ['What I did', 'Was ich getan habe', 'Lo que hice', "Ce que j'ai fait"],
    choices: [
      OWNED_PART,
      APOLOGISED,
      THANKED,
      SLOWED_DOWN,
      [
        'asked-how-to-talk',
        'asked how it is to talk about it',
        'gefragt, wie es ist, darüber zu sprechen',
        'pregunté cómo es hablar de ello',
        "j'ai demandé ce que cela fait d'en parler",
      ],
      SOMETHING_ELSE,
    ],
  },
  {
    key: 'did-they-look-after-me',
    labels: [
      'Did they start looking after me?',
      'Hat mein Gegenüber begonnen, sich um mich zu kümmern?',
      '¿Empezó a cuidarme?',
      'La personne a-t-elle commencé à prendre soin de moi ?',
    ],
    choices: [
      ['no', 'no', 'nein', 'no', 'non'],
      [
        'yes-noticed',
        'yes: I noticed it and thanked them',
        'ja: ich habe es bemerkt und gedankt',
        'sí: lo noté y se lo agradecí',
        "oui : je l'ai remarqué et j'ai remercié la personne",
      ],
      ['yes-later', 'yes, I noticed only later', 'ja, ich habe es erst später bemerkt', 'sí, solo lo noté después', "oui, je ne l'ai remarqué qu'après"],
    ],
  },
  {
    key: 'where-it-stands',
    labels: ['Where it stands', 'Wo es steht', 'Dónde está ahora', 'Où en est-on'],
    choices: [
      [
        'settling',
        'still settling; I will keep an eye on it',
        'es setzt sich noch; ich behalte es im Blick',
        'todavía se está asentando; lo tendré presente',
        "cela se pose encore ; j'y reste attentive ou attentif",
      ],
      ['mended', 'it feels mended', 'es fühlt sich repariert an', 'se siente reparado', 'cela semble réparé'],
      [
        'not-ready',
        'they are not ready; I will wait at their pace',
        'mein Gegenüber ist noch nicht bereit; ich warte in seinem Tempo',
        'todavía no es su momento; esperaré a su ritmo',
        "la personne n'est pas prête ; j'attendrai à son rythme",
      ],
    ],
  },
  { key: 'perhaps-next', labels: ['Perhaps next', 'Vielleicht als Nächstes', 'Quizás lo siguiente', 'Peut-être ensuite'] },
  {
    key: 'why-closing',
    labels: ['Why', 'Warum', 'Por qué', 'Pourquoi'],
    choices: [
      [
        'client-declined',
        'the client did not want to return to it',
        'die Klientin oder der Klient wollte nicht darauf zurückkommen',
        'la persona consultante no quiso volver a ello',
        "la personne n'a pas voulu y revenir",
      ],
      ['therapy-ended', 'therapy ended', 'die Therapie ist beendet', 'la terapia terminó', 'la thérapie a pris fin'],
      [
        'safety-first',
        'safety comes first (a boundary)',
        'Sicherheit geht vor (eine Grenze)',
        'la seguridad es lo primero (un límite)',
        "la sécurité d'abord (une limite)",
      ],
      [
        'not-a-rupture',
        'on reflection it was not a rupture',
        'bei näherem Hinsehen war es kein Bruch',
        'pensándolo bien, no fue una ruptura',
        "à la réflexion, ce n'était pas une rupture",
      ],
    ],
  },
  {
    key: 'acknowledged',
    labels: [
      'What I acknowledged, and my share of it',
      'Was ich anerkannt habe, und mein Anteil daran',
      'Lo que reconocí, y mi parte en ello',
      "Ce que j'ai reconnu, et ma part",
    ],
  },
  { key: 'what-i-carry', labels: ['What I carry from it', 'Was ich daraus mitnehme', 'Lo que me llevo de esto', "Ce que j'en garde"] },
  { key: 'what-i-learned', labels: ['What I learned', 'Was ich gelernt habe', 'Lo que aprendí', "Ce que j'ai appris"] },
  {
    key: 'consultation',
    labels: [
      'Consultation (who I will talk it through with)',
      'Konsultation (mit wem ich es durchspreche)',
      'Consulta (con quién lo hablaré)',
      "Consultation (avec qui j'en parlerai)",
    ],
  },
  {
    key: 'official-record',
    labels: [
      'What belongs in the official record (kept apart from these reflections)',
      'Was in die offizielle Dokumentation gehört (getrennt von diesen Reflexionen)',
      'Lo que va en el registro oficial (aparte de estas reflexiones)',
      'Ce qui relève du dossier officiel (tenu à part de ces réflexions)',
    ],
  },
  {
    key: 'my-safety',
    labels: [
      'My own safety (what I need, and who knows)',
      'Meine eigene Sicherheit (was ich brauche, und wer Bescheid weiß)',
      'Mi propia seguridad (qué necesito, y quién lo sabe)',
      "Ma propre sécurité (ce dont j'ai besoin, et qui est au courant)",
    ],
  },
  {
    key: 'in-my-body',
    labels: ['Where I feel it in my body', 'Wo ich es in meinem Körper spüre', 'Dónde lo siento en el cuerpo', 'Où je le sens dans mon corps'],
  },
  {
    key: 'to-a-colleague',
    labels: [
      'What I would say to a colleague in my place',
      'Was ich einer Kollegin oder einem Kollegen an meiner Stelle sagen würde',
      'Lo que le diría a un colega en mi lugar',
      'Ce que je dirais à une ou un collègue à ma place',
    ],
  },
  {
    key: 'patterns-noticed',
    labels: ['Patterns I notice', 'Muster, die ich bemerke', 'Patrones que noto', 'Schémas que je remarque'],
    choices: [
      ['none-yet', 'none yet', 'noch keine', 'ninguno todavía', "aucun pour l'instant"],
      [
        'kind-of-client',
        'a kind of client or situation',
        'eine bestimmte Art von Klientel oder Situation',
        'un tipo de persona o de situación',
        'un type de personne ou de situation',
      ],
      ['new-technique', 'a technique that is new to me', 'eine Technik, die für mich neu ist', 'una técnica nueva para mí', 'une technique nouvelle pour moi'],
      ['my-history', 'my own history', 'meine eigene Geschichte', 'mi propia historia', 'ma propre histoire'],
      ['sleep-or-illness', 'poor sleep or illness', 'schlechter Schlaf oder Krankheit', 'dormir mal o enfermedad', 'mauvais sommeil ou maladie'],
    ],
  },
  {
    key: 'zooming-out',
    labels: [
      'Zooming out, this moment within the whole of our work',
      'Mit etwas Abstand: dieser Moment im Ganzen unserer Arbeit',
      'Con perspectiva, este momento dentro de todo nuestro trabajo',
      "En prenant du recul, ce moment dans l'ensemble de notre travail",
    ],
  },
  {
    key: 'kind-to-myself',
    labels: [
      'Something kind I will do for myself today',
      'Etwas Gutes, das ich mir heute tue',
      'Algo amable que haré por mí hoy',
      "Quelque chose de doux que je ferai pour moi aujourd'hui",
    ],
  },
  {
    key: 'who-supports-me',
    labels: [
      'Who supports me with this (my own therapy, a colleague, a friend)',
      'Wer mich dabei unterstützt (eigene Therapie, Kollegin oder Kollege, Freundeskreis)',
      'Quién me apoya en esto (mi propia terapia, un colega, una amistad)',
      'Qui me soutient (ma propre thérapie, une ou un collègue, une amie ou un ami)',
    ],
  },
  {
    key: 'feedback-heard',
    labels: [
      'Feedback I asked for, and what I heard',
      'Erbetene Rückmeldung, und was ich gehört habe',
      'Retroalimentación que pedí, y lo que escuché',
      "Retour demandé, et ce que j'ai entendu",
    ],
    prefix: true,
  },
  {
    key: 'do-differently',
    labels: [
      'What I will do differently because of it',
      'Was ich deshalb anders machen werde',
      'Lo que haré distinto por ello',
      'Ce que je ferai autrement grâce à cela',
    ],
  },
  {
    key: 'what-told-me-mended',
    labels: [
      'What told me it is mended',
      'Woran ich gemerkt habe, dass es sich wieder heil anfühlt',
      'Lo que me indicó que se siente reparada',
      "Ce qui m'a dit que c'est réparé",
    ],
  },
  { key: 'feedback-score', labels: ['Alliance feedback score', 'Wert der Allianz-Rückmeldung', 'Puntuación de la alianza', "Score d'alliance"], prefix: true },
  {
    key: 'felt-off',
    labels: [
      'Anything that felt off between us',
      'Was sich zwischen uns schief angefühlt hat',
      'Algo que se sintió desajustado entre nosotros',
      'Ce qui a sonné faux entre nous',
    ],
  },
];

/** What a label or a value is compared as: lower case, one space, no space before `: ? ! ;`, straight apostrophes, no closing `:`. */
function keyForm(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\u2019\u2018]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ (?=[:?!;])/g, '')
    .replace(/:$/, '');
}

/**
 * Whether a label begins with `lower` (lower case), letters in any case as far as `| 32`
 * folds them (ASCII, and the accented letters of these languages): exactly as the reader's
 * prefilter (quickLook) matches a feedback label, so the index and a whole parse agree on
 * which fields are feedback fields.
 */
export function labelStartsWith(label: string, lower: string): boolean {
  if (label.length < lower.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = label.charCodeAt(k);
    const wanted = lower.charCodeAt(k);
    if (c !== wanted && (c | 32) !== wanted) return false;
  }
  return true;
}

const BY_LABEL = new Map<string, string>();
/** The starts of the labels matched by their start (the feedback fields), lower case, with either apostrophe. */
export const LABEL_STARTS: { readonly start: string; readonly key: string }[] = [];
const CHOICES = new Map<string, Map<string, string>>();
const DEFINITIONS = new Map<string, FieldDefinition>();
for (const field of FIELDS) {
  DEFINITIONS.set(field.key, field);
  for (const label of field.labels) {
    if (!field.prefix) BY_LABEL.set(keyForm(label), field.key);
    else for (const start of new Set([label.toLowerCase(), label.toLowerCase().replace(/'/g, '\u2019')])) LABEL_STARTS.push({ start, key: field.key });
  }
  if (field.choices) {
    const map = new Map<string, string>();
    for (const [key, ...words] of field.choices) for (const w of words) map.set(keyForm(w), key);
    CHOICES.set(field.key, map);
  }
}

/** Choices as 0.4.0's templates wrote them before their wording was mended: notes hold them, so they keep their key. */
const FORMER_WRITINGS: readonly (readonly [field: string, key: string, words: string])[] = [
  ['kind-of-miss', 'advice-or-talking', 'Ratschläge gedrängt oder zu viel geredet'],
];
for (const [field, key, words] of FORMER_WRITINGS) CHOICES.get(field)?.set(keyForm(words), key);

/** Labels seen, with their key: notes repeat the same few labels thousands of times. */
const SEEN = new Map<string, string | null>();
const SEEN_LIMIT = 4096;

/** The key of a field's label as written (any of the four languages, any case), or undefined for a label of the clinician's own. */
export function fieldKey(label: string): string | undefined {
  const seen = SEEN.get(label);
  if (seen !== undefined) return seen ?? undefined;
  const form = keyForm(label);
  let key = BY_LABEL.get(form);
  if (key === undefined) key = startKey(label);
  if (SEEN.size >= SEEN_LIMIT) SEEN.clear();
  SEEN.set(label, key ?? null);
  return key;
}

/** The key of a value of this field when it is one of its choices (in any language), else undefined. */
export function choiceKey(field: string, value: string): string | undefined {
  return CHOICES.get(field)?.get(keyForm(value));
}

const LANGUAGE_INDEX: Readonly<Record<NoteLanguage, number>> = { en: 0, de: 1, es: 2, fr: 3 };

/** The key of a feedback field's label, matched by its start; undefined for any other label. */
export function startKey(label: string): string | undefined {
  for (const p of LABEL_STARTS) if (labelStartsWith(label, p.start)) return p.key;
  return undefined;
}

/** A field's label in a language (the key must be one of FIELDS'). */
export function fieldLabel(key: string, language: NoteLanguage): string {
  const field = DEFINITIONS.get(key);
  if (!field) throw new Error(`unknown field key ${key}`);
  return inLanguage(field.labels, language);
}

/** `**Label:**` as the language writes it (French puts a space before the colon), or `**Label?**` for a question. */
export function boldLabel(label: string, language: NoteLanguage): string {
  return label.endsWith('?') ? `**${label}**` : `**${label}${language === 'fr' ? ' :' : ':'}**`;
}

/** A field's choice values in a language, in order. */
export function choiceWords(key: string, language: NoteLanguage): string[] {
  const i = LANGUAGE_INDEX[language];
  return (DEFINITIONS.get(key)?.choices ?? []).map((c) => c[i + 1]);
}

/** Headings the features find by meaning: the session note's sections, the checklist and the follow-ups. */
export const HEADINGS = {
  'between-us': ['Between us', 'Zwischen uns', 'Entre nosotros', 'Entre nous'],
  'my-reactions': ['My reactions', 'Meine Reaktionen', 'Mis reacciones', 'Mes réactions'],
  'next-time': ['Next time', 'Nächstes Mal', 'La próxima vez', 'La prochaine fois'],
  'before-the-session': ['Before the session', 'Vor der Sitzung', 'Antes de la sesión', 'Avant la séance'],
  session: ['Session', 'Sitzung', 'Sesión', 'Séance'],
  'repair-plan': ['Repair plan', 'Reparaturplan', 'Plan de reparación', 'Plan de réparation'],
  'repair-attempt': ['Repair attempt', 'Reparaturversuch', 'Intento de reparación', 'Tentative de réparation'],
  'closing-without-repair': ['Closing without repair', 'Abschluss ohne Reparatur', 'Cierre sin reparación', 'Clôture sans réparation'],
  'after-a-hard-session': ['After a hard session', 'Nach einer schweren Sitzung', 'Después de una sesión difícil', 'Après une séance difficile'],
} as const satisfies Record<string, Words>;
export type HeadingKey = keyof typeof HEADINGS;

/** Each heading's forms, worked out once: every note's headings are compared with them. */
const HEADING_FORMS = new Map<HeadingKey, ReadonlySet<string>>(
  (Object.keys(HEADINGS) as HeadingKey[]).map((key) => [key, new Set(HEADINGS[key].map((w) => keyForm(w)))]),
);

/** The first letter of each heading's forms: most headings of a note start with none of them, and need no normalising. */
const HEADING_FIRST = new Map<HeadingKey, ReadonlySet<string>>(
  (Object.keys(HEADINGS) as HeadingKey[]).map((key) => [key, new Set(HEADINGS[key].map((w) => w.charAt(0).toLowerCase()))]),
);

/** Whether a heading's text is this heading in any of the four languages (case, spaces and a closing colon aside). */
export function isHeading(text: string, key: HeadingKey): boolean {
  const first = /\S/.exec(text);
  if (!first || !HEADING_FIRST.get(key)?.has(first[0].toLowerCase()) || text.length > 80) return false;
  return HEADING_FORMS.get(key)?.has(keyForm(text.replace(/[ \t]+#+[ \t]*$/, ''))) === true;
}
