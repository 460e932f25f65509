import {
  boldLabel,
  choiceWords,
  fieldLabel,
  HEADINGS,
  inLanguage,
  NOT_FILLED_IN_WORDS,
  NOTE_LANGUAGES,
  type HeadingKey,
  type NoteLanguage,
  type Words,
} from '../notes/fieldKeys';
import { yamlValue } from '../markdown/frontMatter';
import { parseSnippet, toMarkdown, toSnippet, type SnippetNode, type Variables } from './snippet';
import type { Status } from '../notes/status';

/**
 * How a template is used:
 * - `rupture`: a new rupture heading, inserted at the cursor;
 * - `followup`: appended to an existing rupture's section, which then takes status `sets`;
 * - `section`: any other block, inserted at the cursor;
 * - `note`: a whole new note;
 * - `checklist`: the clinician's own pre-session checks.
 */
type TemplateKind = 'rupture' | 'followup' | 'section' | 'note' | 'checklist';

export interface Template {
  /** The file name without `.md` for workspace templates; a workspace file overrides the built-in of the same id. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly kind: TemplateKind;
  /** The status a follow-up moves its rupture to. */
  readonly sets?: Status;
  readonly body: string;
  /** 'built-in', or the workspace-relative path of the file it came from. */
  readonly source: string;
}

/** The variables a template may use; documented in the README. */
export interface TemplateContext {
  /** The client's code (one not derived from their identity). */
  readonly client?: string;
  /** The note's date, `YYYY-MM-DD` (defaults to today). */
  readonly date?: string;
  /** The rupture a follow-up belongs to. */
  readonly title?: string;
  /** Heading level for a new rupture or section (defaults to 2). */
  readonly level?: number;
  /** The rupture's current opening line, which a repair plan starts from. */
  readonly opener?: string;
  /** The quoted line a cue hint was found on, when reflecting from a hint. */
  readonly cues?: string;
}

export const TEMPLATE_VARIABLES: Readonly<Record<string, string>> = {
  CLIENT: "the client's code (one not derived from their identity, such as C017)",
  DATE: "the note's date (YYYY-MM-DD), or today",
  TODAY: "today's date (YYYY-MM-DD)",
  TITLE: 'the title of the rupture a follow-up belongs to',
  HEADING: 'the hashes for a new heading at the right level (## by default)',
  SUBHEADING: 'the hashes for a heading one level below the rupture it follows',
  OPENER: "the rupture's current opening line, when it has one",
  CUES: 'the line a cue hint was found on, quoted, when you reflect from a hint',
  CURRENT_YEAR: 'VS Code date variables: year, month and day of today',
};

/**
 * Rupture work waits when there is acute risk: the one sentence that says so, first in the
 * checklist, the repair plan and the repair conversation card.
 */
export const SAFETY_FIRST =
  'Safety first: if there is acute risk (thoughts of suicide or self-harm, violence, a crisis), safety, assessment and the record come first, and rupture work waits.';

/** SAFETY_FIRST in each template language. */
export const SAFETY_FIRST_WORDS: Words = [
  SAFETY_FIRST,
  'Sicherheit zuerst: Bei akutem Risiko (Suizid- oder Selbstverletzungsgedanken, Gewalt, eine Krise) gehen Sicherheit, Einschätzung und Dokumentation vor, und die Arbeit am Allianzbruch wartet.',
  'La seguridad primero: si hay un riesgo agudo (ideas de suicidio o de autolesión, violencia, una crisis), la seguridad, la evaluación y el registro van antes, y el trabajo sobre la ruptura espera.',
  "La sécurité d'abord : en cas de risque aigu (idées de suicide ou d'automutilation, violence, crise), la sécurité, l'évaluation et le dossier passent avant, et le travail sur la rupture attend.",
];

/** The words of the templates that are not field labels or choices, in each language. */
interface TemplateWords {
  readonly placeholder: string;
  readonly withHint: string;
  readonly markerHint: string;
  readonly openingHint: string;
  readonly planOpeningHint: string;
  readonly lookAfterMe: string;
  readonly ifSafety: string;
  readonly closingEnd: string;
  readonly sessionHint: string;
  readonly conversationTitle: string;
  readonly conversation: readonly string[];
  readonly conversationEnd: string;
  readonly checks: readonly string[];
  /** Name and description of each built-in template, by id. */
  readonly names: Readonly<Record<string, readonly [name: string, description: string]>>;
}

const WORDS: Readonly<Record<NoteLanguage, TemplateWords>> = {
  en: {
    placeholder: 'A few words on what happened',
    withHint: "_In couple, family or group work: the whole family, or one member's code or role (the case keeps one code)._",
    markerHint: '_A marker names a moment between us (pushing back is a moment), never who they are._',
    openingHint: `_Perhaps something like: "I've been thinking about our last session, and I'd like to hear how something I said sat with you."_`,
    planOpeningHint: `_Perhaps: "I've been thinking about our last session. I wonder how it was for you when I ..."_`,
    lookAfterMe: 'notice it, thank them, and turn back to them.',
    ifSafety: 'If safety came first:',
    closingEnd: 'Ending without repair can be the right ending, and a caring one.',
    sessionHint: '_My private process note: what happened between us and in me. The official record of this session is kept elsewhere._',
    conversationTitle: 'The repair conversation: a card to keep beside me',
    conversation: [
      '**Ask first.** Are they willing to talk about it now? "Not now" is an answer: accept it, and say the door stays open whenever they want to come back to it.',
      '**Open gently.** Perhaps: "I\'ve been thinking about our last session..." Or, in the moment itself: "Can we pause? I think I just missed something."',
      '**Invite their side.** Ask how it was for them, and leave room for the answer.',
      '**Stay with anger without defending.** If they are angry with me, let it be said in full; I need not argue my case.',
      '**Listen before explaining.** My reasons can wait until they feel heard.',
      '**Own my part, and apologise where it fits.** Only as much of my own process as helps them: naming my parts aloud can turn the focus onto me.',
      '**Validate.** What they felt makes sense from where they sat.',
      '**Thank them** for telling me.',
      '**Ask how it is** to talk about this together.',
      '**Notice if they start looking after me**, thank them, and turn back to them.',
    ],
    conversationEnd: 'One conversation need not finish it.',
    checks: [
      'My own state today: ill, exhausted or in turmoil? Reschedule, or name it.',
      'Pacing: did last time go deep? Start by asking about the week since.',
      'Anything I plan to suggest (a metaphor, a show, an exercise) that may clash with their culture, generation or faith?',
      'Policies, fees or "settled" matters that may have landed badly: repair those first?',
      'Which of my parts is active with this client, and is that a pattern?',
      "Before any new technique: say what I'm thinking and why, and ask permission.",
      'If they correct me: thank them, and realign straight away.',
      'Are their goals, motivation and expectations still the ones we share?',
      'Leave time at the end to ask for feedback: how was the session for them?',
      'Anything to take to supervision or consultation?',
    ],
    names: {
      'rupture-reflection': ['Rupture reflection', 'Notice a rupture: what happened, the markers, the part of you that led, and a repair plan'],
      'repair-plan': ['Repair plan', 'Plan how to return to this rupture, with the opening line you will use'],
      'repair-attempt': ['Repair attempt', 'Record what you said, how it landed and what comes next'],
      closing: ['Closing without repair', 'End this rupture without repair, and note what you carry and learned'],
      'after-hard-session': ['After a hard session', 'Self-compassion, patterns and the bigger picture, for you'],
      'session-note': [
        'Session note',
        'A new private process note with client code and date: between us, my reactions, next time (the official record is kept elsewhere)',
      ],
      checklist: ['Pre-session checks', 'The checks you run before seeing a client'],
      'in-session-repair': ['In-session repair', 'A rupture you repaired in the session itself: what happened, what you did in the moment, how it landed'],
      'repair-conversation': [
        'Repair conversation guide',
        'A short card for the repair conversation itself: open gently, invite their side, listen, own your part',
      ],
    },
  },
  de: {
    placeholder: 'Ein paar Worte dazu, was geschah',
    withHint: '_In der Paar-, Familien- oder Gruppenarbeit: die ganze Familie, oder Kürzel oder Rolle eines Mitglieds (der Fall behält ein Kürzel)._',
    markerHint: '_Ein Marker benennt einen Moment zwischen uns (Widerspruch ist ein Moment), nie, wer jemand ist._',
    openingHint:
      '_Vielleicht etwa so: „Ich habe noch einmal über unsere letzte Sitzung nachgedacht und würde gern hören, wie etwas, das ich gesagt habe, bei Ihnen angekommen ist.“_',
    planOpeningHint: '_Vielleicht: „Ich habe über unsere letzte Sitzung nachgedacht. Ich frage mich, wie es für Sie war, als ich …“_',
    lookAfterMe: 'es bemerken, danken und mich wieder meinem Gegenüber zuwenden.',
    ifSafety: 'Wenn Sicherheit vorging:',
    closingEnd: 'Ein Ende ohne Reparatur kann das richtige Ende sein, und ein fürsorgliches.',
    sessionHint: '_Meine private Prozessnotiz: was zwischen uns und in mir geschah. Die offizielle Dokumentation dieser Sitzung wird anderswo geführt._',
    conversationTitle: 'Das Reparaturgespräch: eine Karte zum Danebenlegen',
    conversation: [
      '**Erst fragen.** Ist mein Gegenüber bereit, jetzt darüber zu sprechen? „Jetzt nicht“ ist eine Antwort: sie annehmen und sagen, dass die Tür offen bleibt, wann immer es darauf zurückkommen möchte.',
      '**Behutsam eröffnen.** Vielleicht: „Ich habe noch einmal über unsere letzte Sitzung nachgedacht …“ Oder im Moment selbst: „Können wir kurz innehalten? Ich glaube, mir ist gerade etwas entgangen.“',
      '**Zur Sicht meines Gegenübers einladen.** Fragen, wie es für mein Gegenüber war, und Raum für die Antwort lassen.',
      '**Beim Ärger bleiben, ohne mich zu verteidigen.** Wenn Ärger auf mich da ist, darf er ganz ausgesprochen werden; ich muss meinen Standpunkt nicht verteidigen.',
      '**Zuhören, bevor ich erkläre.** Meine Gründe können warten, bis mein Gegenüber sich gehört fühlt.',
      '**Meinen Anteil übernehmen, und mich entschuldigen, wo es passt.** Nur so viel von meinem eigenen Erleben, wie meinem Gegenüber hilft: meine Anteile laut zu benennen, kann den Blick auf mich lenken.',
      '**Validieren.** Was mein Gegenüber gefühlt hat, ergibt Sinn von dort aus, wo es stand.',
      '**Danken**, dass es mir gesagt wurde.',
      '**Fragen, wie es ist**, gemeinsam darüber zu sprechen.',
      '**Bemerken, wenn mein Gegenüber beginnt, sich um mich zu kümmern**, danken und mich ihm wieder zuwenden.',
    ],
    conversationEnd: 'Ein Gespräch muss es nicht abschließen.',
    checks: [
      'Mein eigener Zustand heute: krank, erschöpft oder aufgewühlt? Verschieben, oder es benennen.',
      'Tempo: Ging es letztes Mal tief? Mit der Frage nach der Woche seither beginnen.',
      'Habe ich etwas vor (eine Metapher, eine Serie, eine Übung), das mit Kultur, Generation oder Glauben meines Gegenübers kollidieren könnte?',
      'Regeln, Honorare oder „geklärte“ Dinge, die schlecht angekommen sein könnten: zuerst reparieren?',
      'Welcher meiner Anteile ist bei diesem Gegenüber aktiv, und ist das ein Muster?',
      'Vor jeder neuen Technik: sagen, was ich denke und warum, und um Erlaubnis fragen.',
      'Wenn mein Gegenüber mich korrigiert: danken und mich sofort neu ausrichten.',
      'Sind Ziele, Motivation und Erwartungen noch die, die wir teilen?',
      'Am Ende Zeit lassen, um Rückmeldung zu bitten: Wie war die Sitzung für mein Gegenüber?',
      'Etwas für die Supervision oder Intervision?',
    ],
    names: {
      'rupture-reflection': [
        'Reflexion eines Allianzbruchs',
        'Einen Bruch in der therapeutischen Allianz bemerken: was geschah, Rückzugs- oder Konfrontationsmarker, der Anteil in mir, der geführt hat, und ein Reparaturplan',
      ],
      'repair-plan': ['Reparaturplan', 'Planen, wie ich zu diesem Bruch zurückkehre, mit dem Einstiegssatz, den ich verwenden will'],
      'repair-attempt': ['Reparaturversuch', 'Festhalten, was ich gesagt habe, wie es angekommen ist und was als Nächstes kommt'],
      closing: ['Abschluss ohne Reparatur', 'Diesen Bruch ohne Reparatur abschließen, und festhalten, was ich mitnehme und gelernt habe'],
      'after-hard-session': ['Nach einer schweren Sitzung', 'Selbstmitgefühl, Muster und das größere Bild, für mich'],
      'session-note': [
        'Sitzungsnotiz',
        'Eine neue private Prozessnotiz mit Kürzel und Datum: zwischen uns, meine Reaktionen, nächstes Mal (die offizielle Dokumentation wird anderswo geführt)',
      ],
      checklist: ['Checkliste vor der Sitzung', 'Was ich vor einer Sitzung durchgehe'],
      'in-session-repair': [
        'Reparatur in der Sitzung',
        'Ein Bruch, den ich in der Sitzung selbst repariert habe: was geschah, was ich im Moment getan habe, wie es angekommen ist',
      ],
      'repair-conversation': [
        'Leitfaden für das Reparaturgespräch',
        'Eine kurze Karte für das Reparaturgespräch: behutsam eröffnen, zur Sicht des Gegenübers einladen, zuhören, den eigenen Anteil übernehmen',
      ],
    },
  },
  es: {
    placeholder: 'Unas palabras sobre lo que pasó',
    withHint: '_En el trabajo con parejas, familias o grupos: toda la familia, o el código o el rol de un miembro (el caso mantiene un solo código)._',
    markerHint: '_Un marcador nombra un momento entre nosotros (oponerse es un momento), nunca quién es la persona._',
    openingHint: '_Quizás algo como: «He estado pensando en nuestra última sesión y me gustaría saber cómo te llegó algo que dije.»_',
    planOpeningHint: '_Quizás: «He estado pensando en nuestra última sesión. Me pregunto cómo fue para ti cuando yo…»_',
    lookAfterMe: 'notarlo, agradecérselo y volver a centrarme en la persona.',
    ifSafety: 'Si la seguridad fue lo primero:',
    closingEnd: 'Terminar sin reparación puede ser el final adecuado, y uno cuidadoso.',
    sessionHint: '_Mi nota de proceso privada: lo que pasó entre nosotros y en mí. El registro oficial de esta sesión se guarda en otro lugar._',
    conversationTitle: 'La conversación de reparación: una tarjeta para tener a mano',
    conversation: [
      '**Preguntar primero.** ¿Está dispuesta la persona a hablarlo ahora? «Ahora no» es una respuesta: aceptarla, y decir que la puerta queda abierta para cuando quiera volver a ello.',
      '**Abrir con suavidad.** Quizás: «He estado pensando en nuestra última sesión…» O en el momento mismo: «¿Podemos parar un momento? Creo que se me acaba de escapar algo.»',
      '**Invitar su versión.** Preguntar cómo fue para la persona, y dejar espacio a la respuesta.',
      '**Sostener el enojo sin defenderme.** Si hay enojo conmigo, que pueda decirse entero; no necesito defender mi postura.',
      '**Escuchar antes de explicar.** Mis razones pueden esperar a que la persona se sienta escuchada.',
      '**Reconocer mi parte, y disculparme cuando corresponda.** Solo lo que de mi propio proceso le ayude: nombrar mis partes en voz alta puede poner el foco en mí.',
      '**Validar.** Lo que sintió tiene sentido desde donde estaba.',
      '**Agradecer** que me lo dijera.',
      '**Preguntar cómo es** hablar de esto en conjunto.',
      '**Notar si empieza a cuidarme**, agradecérselo y volver a centrarme en la persona.',
    ],
    conversationEnd: 'Una sola conversación no tiene por qué cerrarlo.',
    checks: [
      'Mi propio estado hoy: ¿enfermedad, agotamiento o agitación? Reprogramar, o nombrarlo.',
      'Ritmo: ¿la última vez se fue a lo hondo? Empezar preguntando por la semana transcurrida.',
      '¿Algo que pienso sugerir (una metáfora, una serie, un ejercicio) que pueda chocar con su cultura, generación o fe?',
      'Normas, honorarios o asuntos «ya resueltos» que pudieron caer mal: ¿repararlos primero?',
      '¿Qué parte de mí está activa con esta persona, y es un patrón?',
      'Antes de cualquier técnica nueva: decir qué pienso y por qué, y pedir permiso.',
      'Si me corrige: agradecerlo y reajustarme enseguida.',
      '¿Sus objetivos, su motivación y sus expectativas siguen siendo los que compartimos?',
      'Dejar tiempo al final para pedir retroalimentación: ¿cómo fue la sesión para la persona?',
      '¿Algo para llevar a supervisión o a consulta?',
    ],
    names: {
      'rupture-reflection': [
        'Reflexión sobre una ruptura',
        'Notar una ruptura de la alianza terapéutica: qué pasó, los marcadores de retirada o de confrontación, la parte de ti que tomó la delantera y un plan de reparación',
      ],
      'repair-plan': ['Plan de reparación', 'Planear cómo volver a esta ruptura, con la frase de apertura que usarás'],
      'repair-attempt': ['Intento de reparación', 'Registrar lo que dijiste, cómo llegó y qué sigue'],
      closing: ['Cierre sin reparación', 'Cerrar esta ruptura sin reparación, y anotar lo que te llevas y lo que aprendiste'],
      'after-hard-session': ['Después de una sesión difícil', 'Autocompasión, patrones y la visión de conjunto, para ti'],
      'session-note': [
        'Nota de sesión',
        'Una nueva nota de proceso privada con código y fecha: entre nosotros, mis reacciones, la próxima vez (el registro oficial se guarda en otro lugar)',
      ],
      checklist: ['Revisión antes de la sesión', 'Lo que revisas antes de ver a una persona'],
      'in-session-repair': ['Reparación en la sesión', 'Una ruptura que reparaste en la misma sesión: qué pasó, qué hiciste en el momento, cómo llegó'],
      'repair-conversation': [
        'Guía para la conversación de reparación',
        'Una tarjeta breve para la conversación de reparación: abrir con suavidad, invitar su versión, escuchar, reconocer tu parte',
      ],
    },
  },
  fr: {
    placeholder: "Quelques mots sur ce qui s'est passé",
    withHint: "_En thérapie de couple, de famille ou de groupe : toute la famille, ou le code ou le rôle d'un membre (le dossier garde un seul code)._",
    markerHint: "_Un marqueur nomme un moment entre nous (s'opposer est un moment), jamais ce qu'est la personne._",
    openingHint:
      "_Peut-être quelque chose comme : « J'ai repensé à notre dernière séance, et j'aimerais savoir comment quelque chose que j'ai dit a été reçu. »_",
    planOpeningHint: "_Peut-être : « J'ai repensé à notre dernière séance. Je me demande comment cela a été pour vous quand j'ai… »_",
    lookAfterMe: 'le remarquer, remercier la personne, et revenir vers elle.',
    ifSafety: "Si la sécurité est passée d'abord :",
    closingEnd: 'Finir sans réparation peut être la bonne fin, et une fin bienveillante.',
    sessionHint: "_Ma note de processus privée : ce qui s'est passé entre nous et en moi. Le dossier officiel de cette séance est tenu ailleurs._",
    conversationTitle: 'La conversation de réparation : une fiche à garder près de moi',
    conversation: [
      "**Demander d'abord.** La personne est-elle d'accord pour en parler maintenant ? « Pas maintenant » est une réponse : l'accepter, et dire que la porte reste ouverte quand elle voudra y revenir.",
      "**Ouvrir en douceur.** Peut-être : « J'ai repensé à notre dernière séance… » Ou, sur le moment : « Pouvons-nous faire une pause ? Je crois que je viens de passer à côté de quelque chose. »",
      '**Inviter son point de vue.** Demander comment cela a été pour elle, et laisser de la place à la réponse.',
      "**Rester avec la colère sans me défendre.** Si elle est en colère contre moi, la laisser le dire entièrement ; je n'ai pas à plaider ma cause.",
      "**Écouter avant d'expliquer.** Mes raisons peuvent attendre qu'elle se sente entendue.",
      "**Reconnaître ma part, et m'excuser quand cela convient.** Seulement ce qui, de mon propre processus, l'aide : nommer mes parts à voix haute peut ramener l'attention sur moi.",
      "**Valider.** Ce qu'elle a ressenti a du sens depuis là où elle se trouvait.",
      "**La remercier** de me l'avoir dit.",
      "**Demander ce que cela fait** d'en parler ensemble.",
      '**Remarquer si elle commence à prendre soin de moi**, la remercier, et revenir vers elle.',
    ],
    conversationEnd: "Une seule conversation n'a pas à tout régler.",
    checks: [
      "Mon propre état aujourd'hui : maladie, épuisement ou bouleversement ? Reporter, ou le nommer.",
      "Rythme : la dernière fois est-elle allée en profondeur ? Commencer par demander comment la semaine s'est passée.",
      'Ce que je compte proposer (une métaphore, une série, un exercice) risque-t-il de heurter sa culture, sa génération ou sa foi ?',
      "Règles, honoraires ou sujets « réglés » qui ont pu mal passer : les réparer d'abord ?",
      'Laquelle de mes parts est active avec cette personne, et est-ce un schéma ?',
      'Avant toute nouvelle technique : dire ce que je pense et pourquoi, et demander la permission.',
      'Si la personne me corrige : la remercier, et me réajuster aussitôt.',
      'Ses objectifs, sa motivation et ses attentes sont-ils toujours ceux que nous partageons ?',
      'Garder du temps à la fin pour demander un retour : comment la séance a-t-elle été pour elle ?',
      'Quelque chose à apporter en supervision ou en intervision ?',
    ],
    names: {
      'rupture-reflection': [
        'Réflexion sur une rupture',
        "Repérer une rupture de l'alliance thérapeutique : ce qui s'est passé, les marqueurs de retrait ou de confrontation, la part de vous qui a mené, et un plan de réparation",
      ],
      'repair-plan': ['Plan de réparation', "Préparer le retour à cette rupture, avec la phrase d'ouverture que vous utiliserez"],
      'repair-attempt': ['Tentative de réparation', 'Noter ce que vous avez dit, comment cela a été reçu et la suite'],
      closing: ['Clôture sans réparation', 'Clore cette rupture sans réparation, et noter ce que vous en gardez et ce que vous avez appris'],
      'after-hard-session': ['Après une séance difficile', "Auto-compassion, schémas et vue d'ensemble, pour vous"],
      'session-note': [
        'Note de séance',
        'Une nouvelle note de processus privée avec code et date : entre nous, mes réactions, la prochaine fois (le dossier officiel est tenu ailleurs)',
      ],
      checklist: ['Vérifications avant la séance', 'Ce que vous vérifiez avant de voir une personne'],
      'in-session-repair': [
        'Réparation en séance',
        "Une rupture réparée pendant la séance même : ce qui s'est passé, ce que vous avez fait sur le moment, comment cela a été reçu",
      ],
      'repair-conversation': [
        'Guide de la conversation de réparation',
        'Une fiche courte pour la conversation de réparation : ouvrir en douceur, inviter son point de vue, écouter, reconnaître votre part',
      ],
    },
  },
};

/** Escapes text for a choice list. */
function option(text: string): string {
  return text.replace(/[\\$},|]/g, (c) => `\\${c}`);
}

/**
 * What the bodies are written with, for one language. Every choice list opens with
 * "(not filled in)" in the template's language (NOT_FILLED_IN in English): VS Code inserts a
 * list's first option when the therapist moves on without choosing, and a note may one day be
 * read by others, so what stands there unchosen must read as unanswered. Text fields start
 * empty for the same reason.
 */
function writer(l: NoteLanguage) {
  const none = inLanguage(NOT_FILLED_IN_WORDS, l);
  /** `**Label:**` (`**Label :**` in French), or `**Label?**` for a question. */
  const label = (key: string): string => boldLabel(fieldLabel(key, l), l);
  /** A field with a choice list (its own choices, or another field's), opening with "(not filled in)". */
  const choose = (key: string, stop: number, from: string = key): string =>
    `- ${label(key)} \${${stop}|${[none, ...choiceWords(from, l)].map(option).join(',')}|}`;
  const text = (key: string, stop: number): string => `- ${label(key)} \${${stop}}`;
  const heading = (key: HeadingKey): string => inLanguage(HEADINGS[key], l);
  return { none, label, choose, text, heading, words: WORDS[l] };
}

function reflection(l: NoteLanguage): string {
  const { none, label, choose, text, words } = writer(l);
  return `\${HEADING} \${1:${words.placeholder}} #rupture/open

${text('what-happened', 2)}
${text('with', 3)}
  ${words.withHint}
${choose('kind-of-miss', 4)}
${choose('markers', 5)}
${choose('another-marker', 6, 'markers')}
  ${words.markerHint}
${choose('my-reaction', 7)}
- ${label('cues-noticed')} \${8:\${CUES}}
${choose('part', 9)}
${choose('part-wanted', 10)}
${text('what-i-meant', 11)}
${text('for-them', 12)}
${text('regret', 13)}
${choose('repair-plan', 14)}
- ${label('opening-line')} \${15:${none}}
  ${words.openingHint}
${choose('take-to-supervision', 16)}
${text('supervision-question', 17)}
\${0}`;
}

function inSessionRepair(l: NoteLanguage): string {
  const { choose, text, words } = writer(l);
  return `\${HEADING} \${1:${words.placeholder}} #rupture/repaired

${text('what-happened', 2)}
${text('with', 3)}
  ${words.withHint}
${choose('kind-of-miss', 4)}
${choose('markers', 5)}
${choose('another-marker', 6, 'markers')}
${choose('part', 7)}
${choose('in-the-moment', 8)}
${text('how-it-landed', 9)}
${text('come-back-to', 10)}
${choose('take-to-supervision', 11)}
\${0}`;
}

function repairPlan(l: NoteLanguage): string {
  const { none, label, choose, heading, words } = writer(l);
  return `\${SUBHEADING} ${heading('repair-plan')}, \${TODAY}

_${inLanguage(SAFETY_FIRST_WORDS, l)}_

${choose('approach', 1)}
${choose('repair-moves', 2)}
${choose('what-i-will-own', 3)}
- ${label('mine-or-ours')} \${4}
- ${label('opening-line')} \${5:\${OPENER:${none}}}
  ${words.planOpeningHint}
${choose('invite-their-side', 6)}
${choose('pace', 7)}
- ${label('if-they-look-after-me')} ${words.lookAfterMe}
\${0}`;
}

function repairAttempt(l: NoteLanguage): string {
  const { choose, text, heading } = writer(l);
  return `\${SUBHEADING} ${heading('repair-attempt')}, \${TODAY}

${text('what-i-said', 1)}
${choose('what-i-did', 2)}
${text('how-it-landed', 3)}
${choose('did-they-look-after-me', 4)}
${choose('where-it-stands', 5)}
${text('perhaps-next', 6)}
\${0}`;
}

function closing(l: NoteLanguage): string {
  const { choose, text, heading, words } = writer(l);
  return `\${SUBHEADING} ${heading('closing-without-repair')}, \${TODAY}

${choose('why-closing', 1)}
${text('acknowledged', 2)}
${text('what-i-carry', 3)}
${text('what-i-learned', 4)}
- ${words.ifSafety}
  ${text('consultation', 5)}
  ${text('official-record', 6)}
  ${text('my-safety', 7)}
${choose('take-to-supervision', 8)}

${words.closingEnd}
\${0}`;
}

function afterHardSession(l: NoteLanguage): string {
  const { choose, text, heading } = writer(l);
  return `\${HEADING} ${heading('after-a-hard-session')}, \${TODAY}

${text('regret', 1)}
${text('in-my-body', 2)}
${text('to-a-colleague', 3)}
${choose('patterns-noticed', 4)}
${text('zooming-out', 5)}
${text('kind-to-myself', 6)}
${text('who-supports-me', 7)}
${choose('take-to-supervision', 8)}
${text('supervision-question', 9)}
\${0}`;
}

function repairConversation(l: NoteLanguage): string {
  const { words } = writer(l);
  return `\${HEADING} ${words.conversationTitle}

${inLanguage(SAFETY_FIRST_WORDS, l)}

${words.conversation.map((item, i) => `${i + 1}. ${item}`).join('\n')}

${words.conversationEnd}
\${0}`;
}

/**
 * A private process note, not a progress note: what happened between us, my reactions and
 * next time. What was worked on belongs in the official record, kept elsewhere, so these
 * reflections can stay apart from it (which is what US psychotherapy-notes protection needs).
 */
function sessionNote(l: NoteLanguage): string {
  const { text, heading, words } = writer(l);
  // The score's label is the feedback field's start and its "(if we use one)".
  const ifWeUseOne = inLanguage([' (if we use one)', ' (falls wir einen nutzen)', ' (si usamos una)', ' (si nous en utilisons un)'], l);
  const score = boldLabel(fieldLabel('feedback-score', l) + ifWeUseOne, l);
  return `---
client: \${CLIENT}
date: \${DATE}
---

# ${heading('session')} \${DATE}

${words.sessionHint}

## ${heading('between-us')}

${text('feedback-heard', 2)}
${text('do-differently', 3)}
- ${score} \${4}
${text('felt-off', 5)}

## ${heading('my-reactions')}

\${6}

## ${heading('next-time')}

\${0}`;
}

function checklist(l: NoteLanguage): string {
  return WORDS[l].checks.map((c) => `- [ ] ${c}`).join('\n');
}

/** Each built-in template's use and body. */
const BODIES: readonly { readonly id: string; readonly kind: TemplateKind; readonly sets?: Status; readonly body: (l: NoteLanguage) => string }[] = [
  { id: 'rupture-reflection', kind: 'rupture', body: reflection },
  { id: 'repair-plan', kind: 'followup', sets: 'planned', body: repairPlan },
  { id: 'repair-attempt', kind: 'followup', sets: 'attempted', body: repairAttempt },
  { id: 'closing', kind: 'followup', sets: 'closed', body: closing },
  { id: 'after-hard-session', kind: 'section', body: afterHardSession },
  { id: 'session-note', kind: 'note', body: sessionNote },
  { id: 'checklist', kind: 'checklist', body: checklist },
  { id: 'in-session-repair', kind: 'rupture', body: inSessionRepair },
  { id: 'repair-conversation', kind: 'section', body: repairConversation },
];

const BUILT_IN = new Map<NoteLanguage, readonly Template[]>(
  NOTE_LANGUAGES.map((l) => [
    l,
    BODIES.map(({ id, kind, sets, body }): Template => {
      const [name, description] = WORDS[l].names[id];
      return { id, name, description, kind, ...(sets ? { sets } : {}), body: body(l), source: 'built-in' };
    }),
  ]),
);

/** The built-in templates in a language (`attune.templateLanguage`). */
export function builtInTemplates(language: NoteLanguage): readonly Template[] {
  return BUILT_IN.get(language) ?? BUILT_IN_TEMPLATES;
}

/** The built-in templates in English. */
export const BUILT_IN_TEMPLATES: readonly Template[] = BUILT_IN.get('en') ?? [];

/** A template file found in the workspace's templates folder. */
export interface TemplateFile {
  /** Path relative to the workspace, with `/` separators; the file name gives the id. */
  readonly path: string;
  readonly text: string;
}

function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Built-in templates (in `language`), with workspace files overriding those of the same id and adding
 * their own (inserted at the cursor). A BOM is dropped; line endings become `\n` here
 * and are matched to the note when inserted.
 */
export function mergeTemplates(files: readonly TemplateFile[], language: NoteLanguage = 'en'): Template[] {
  const byId = new Map<string, Template>(builtInTemplates(language).map((t) => [t.id, t]));
  for (const file of files) {
    const name = file.path.split('/').pop() ?? file.path;
    if (!/\.md$/i.test(name)) continue;
    const id = name.slice(0, -3).toLowerCase();
    const body = file.text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\n+$/, '');
    const base = byId.get(id);
    byId.set(id, {
      id,
      name: base?.name ?? titleFromId(id),
      description: base ? `${base.description} (from ${file.path})` : `From ${file.path}`,
      kind: base?.kind ?? 'section',
      ...(base?.sets ? { sets: base.sets } : {}),
      body,
      source: file.path,
    });
  }
  return [...byId.values()];
}

export function findTemplate(templates: readonly Template[], id: string): Template | undefined {
  const wanted = id.toLowerCase();
  return templates.find((t) => t.id === wanted);
}

/** An unknown client or title is left out, so `${CLIENT:default}` shows its default. */
function variables(context: TemplateContext, today: string): Variables {
  const level = Math.min(Math.max(context.level ?? 2, 1), 6);
  return {
    ...(context.client ? { CLIENT: context.client } : {}),
    DATE: context.date ?? today,
    ...(context.title ? { TITLE: context.title } : {}),
    ...(context.opener ? { OPENER: context.opener } : {}),
    ...(context.cues ? { CUES: context.cues } : {}),
    HEADING: '#'.repeat(level),
    SUBHEADING: '#'.repeat(Math.min(level + 1, 6)),
  };
}

/**
 * Renders a template in two parts: its front matter, with the client code written as a
 * YAML value that reads back as itself (`A #1` is quoted, else YAML reads `A`), and the rest.
 */
function render(template: Template, context: TemplateContext, today: string, as: (nodes: SnippetNode[], vars: Variables) => string): string {
  const vars = variables(context, today);
  const close = /^---\n(?:.*\n)*?---(?:\n|$)/.exec(template.body);
  if (!close || vars.CLIENT === undefined) return as(parseSnippet(template.body), vars);
  const head = template.body.slice(0, close[0].length);
  return as(parseSnippet(head), { ...vars, CLIENT: yamlValue(vars.CLIENT) }) + as(parseSnippet(template.body.slice(head.length)), vars);
}

/** The template as VS Code snippet text, ready for `SnippetString`. */
export function renderSnippet(template: Template, context: TemplateContext, today: string): string {
  return render(template, context, today, toSnippet);
}

/** The template as plain markdown, every field at its default. */
export function renderMarkdown(template: Template, context: TemplateContext, today: string): string {
  return render(template, context, today, (nodes, vars) => toMarkdown(nodes, vars, today));
}
