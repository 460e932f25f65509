/**
 * What a hint says, in the therapist's display language: the reasons of the built-in cues
 * and of `safety-first`, and the line every relationship hint's hover adds, in German,
 * Spanish and French beside the English of cuePhrases.ts (kept there, unchanged). Written
 * in the same tentative, warm voice, in each language's own clinical words (Bruch / Allianz,
 * ruptura, rupture), addressing the therapist formally as the interface does. A clinician's
 * own cue keeps the reason they wrote.
 */
import { BUILT_IN_CUES, SAFETY_FIRST, type CueLanguage } from './cuePhrases';
import { NOT_A_RUPTURE_BY_ITSELF } from './cues';

type HintLanguage = 'en' | CueLanguage;

/**
 * The hint language for a display language code such as VS Code's `vscode.env.language`
 * (`de`, `de-AT`, `es-419`, `fr-CA`, `en-US`): its first part when Attune has texts in it,
 * English otherwise.
 */
export function hintLanguage(code: string | undefined): HintLanguage {
  const first = (code ?? '').toLowerCase().split(/[-_]/)[0];
  return first === 'de' || first === 'es' || first === 'fr' ? first : 'en';
}

type Texts = Readonly<Record<string, string>>;

const REASONS: Readonly<Record<CueLanguage, Texts>> = {
  de: {
    'not-exactly': 'Eine Antwort, die mit „Nicht wirklich“ beginnt, kann heißen, dass Sie beide nicht ganz beim selben waren. Einen zweiten Blick wert?',
    well: 'Ein zögerndes „Naja…“ am Anfang einer Antwort kann eine höfliche Art sein, nicht einverstanden zu sein. Einen zweiten Blick wert?',
    dismissive: 'Eine Antwort wie „Egal“ oder „Schon gut“ kann ein Schritt weg aus dem Gespräch sein. Einen zweiten Blick wert?',
    'wants-to-leave': 'Der Wunsch, dass die Stunde vorbei ist, kann ein Zeichen sein, dass etwas darin nicht gut ankam. Einen zweiten Blick wert?',
    'went-quiet': 'Still werden kann Nachdenken sein, oder ein Rückzug von etwas, das nicht gut ankam. Einen zweiten Blick wert?',
    'changed-subject': 'Ein Themenwechsel kann ein Weg sein, sich von etwas zu entfernen, das getroffen hat. Einen zweiten Blick wert?',
    polite: 'Höfliche Zustimmung kann manchmal ein leises „Nein“ verdecken. Einen zweiten Blick wert?',
    'stopped-crying': 'Tränen, die sofort aufhören, können bedeuten, dass ein Gefühl weggepackt statt angenommen wurde. Einen zweiten Blick wert?',
    'late-or-missed':
      'Zu spät kommen, eine Stunde verpassen oder absagen kann viele Gründe haben; manchmal sagt es etwas über die Arbeit. Etwas, dem Sie nachgehen möchten?',
    'not-helping': 'Zweifel, ob die Arbeit hilft, können eine Botschaft darüber sein, was zwischen Ihnen geschieht. Einen zweiten Blick wert?',
    'dont-understand': 'Sich missverstanden oder nicht gehört zu fühlen, kann ein Zeichen für eine Spannung zwischen Ihnen sein. Einen zweiten Blick wert?',
    'whats-the-point': 'Die Frage nach dem Sinn kann eine Frage an die Arbeit sein, oder an Sie beide. Einen zweiten Blick wert?',
    'too-fast': 'Worte über das Tempo können heißen, dass die Arbeit tiefer oder schneller ging, als es sich sicher anfühlte. Einen zweiten Blick wert?',
    'like-an-object': 'Sich behandelt statt gesehen zu fühlen, kann auf eine Spannung zwischen Ihnen hinweisen. Einen zweiten Blick wert?',
    cold: 'Etwas, das kalt, abweisend oder wertend wirkte, kann härter angekommen sein als gemeint. Einen zweiten Blick wert?',
    'stop-therapy': 'Vom Aufhören zu sprechen kann eine Art sein zu sagen, dass in der Arbeit etwas nicht stimmt. Einen zweiten Blick wert?',
    'upset-with-me':
      'Gefühle, die sich auf Sie richten, können eine Gelegenheit sein, über das zu sprechen, was zwischen Ihnen geschieht. Einen zweiten Blick wert?',
    defensive: 'Ihre eigene Abwehr kann ein Zeichen sein, dass zwischen Ihnen etwas angespannt war. Einen zweiten Blick wert?',
    rushed: 'Eile kann ein Gegenüber zurücklassen, ohne dass es einer von Ihnen merkt. Einen zweiten Blick wert?',
    irritated: 'Ihre eigene Gereiztheit kann etwas darüber sagen, was zwischen Ihnen geschah. Einen zweiten Blick wert?',
    'too-much-talking': 'Viel reden oder erklären kann verdrängen, was die Person sagen wollte. Einen zweiten Blick wert?',
    [SAFETY_FIRST.id]:
      'Worte wie diese können von einem Risiko sprechen. Sicherheit geht vor: Schätzen Sie das Risiko ein und dokumentieren Sie wie gewohnt; die Arbeit am Bruch kann warten.',
  },
  es: {
    'not-exactly': 'Una respuesta que empieza con «No exactamente» puede indicar que no estaban del todo en la misma sintonía. ¿Vale la pena mirarlo de nuevo?',
    well: 'Un «Bueno…» vacilante al comienzo de una respuesta puede ser una forma cortés de no estar de acuerdo. ¿Vale la pena mirarlo de nuevo?',
    dismissive: 'Una respuesta como «Lo que sea» o «Da igual» puede ser una forma de retirarse de la conversación. ¿Vale la pena mirarlo de nuevo?',
    'wants-to-leave': 'Querer que la sesión termine puede ser señal de que algo en ella no cayó bien. ¿Vale la pena mirarlo de nuevo?',
    'went-quiet': 'Quedarse en silencio puede ser reflexión, o una forma de retirarse de algo que no cayó bien. ¿Vale la pena mirarlo de nuevo?',
    'changed-subject': 'Un cambio de tema puede ser una forma de alejarse de algo que dolió. ¿Vale la pena mirarlo de nuevo?',
    polite: 'Un acuerdo cortés a veces puede cubrir un «no» silencioso. ¿Vale la pena mirarlo de nuevo?',
    'stopped-crying':
      'Unas lágrimas que se detienen de golpe pueden indicar que un sentimiento se guardó en lugar de acogerse. ¿Vale la pena mirarlo de nuevo?',
    'late-or-missed': 'Llegar tarde, faltar o cancelar una sesión puede tener muchas razones; a veces dice algo sobre el trabajo. ¿Algo en lo que detenerse?',
    'not-helping': 'Las dudas sobre si el trabajo ayuda pueden ser un mensaje sobre lo que ocurre entre ustedes. ¿Vale la pena mirarlo de nuevo?',
    'dont-understand': 'Sentirse incomprendido o no escuchado puede ser señal de una tensión entre ustedes. ¿Vale la pena mirarlo de nuevo?',
    'whats-the-point': 'Preguntar para qué sirve puede ser una pregunta sobre el trabajo, o sobre ustedes dos. ¿Vale la pena mirarlo de nuevo?',
    'too-fast':
      'Las palabras sobre el ritmo pueden indicar que el trabajo fue más hondo o más rápido de lo que se sentía seguro. ¿Vale la pena mirarlo de nuevo?',
    'like-an-object': 'Sentirse tratado en lugar de encontrado puede apuntar a una tensión entre ustedes. ¿Vale la pena mirarlo de nuevo?',
    cold: 'Algo que sonó frío, distante o crítico puede haber llegado con más dureza de lo que se pretendía. ¿Vale la pena mirarlo de nuevo?',
    'stop-therapy': 'Hablar de dejarlo puede ser una forma de decir que algo en el trabajo no está bien. ¿Vale la pena mirarlo de nuevo?',
    'upset-with-me':
      'Los sentimientos dirigidos a usted pueden ser una oportunidad para hablar de lo que ocurre entre ustedes. ¿Vale la pena mirarlo de nuevo?',
    defensive: 'Su propia actitud defensiva puede ser señal de que algo entre ustedes estaba tenso. ¿Vale la pena mirarlo de nuevo?',
    rushed: 'Las prisas pueden dejar atrás a la otra persona sin que ninguno de los dos lo note. ¿Vale la pena mirarlo de nuevo?',
    irritated: 'Su propia irritación puede decir algo sobre lo que ocurría entre ustedes. ¿Vale la pena mirarlo de nuevo?',
    'too-much-talking': 'Hablar o explicar mucho puede dejar sin espacio lo que la persona necesitaba decir. ¿Vale la pena mirarlo de nuevo?',
    [SAFETY_FIRST.id]:
      'Palabras como estas pueden hablar de riesgo. La seguridad va primero: valórelo y regístrelo como lo hace habitualmente; cualquier trabajo sobre la ruptura puede esperar.',
  },
  fr: {
    'not-exactly':
      'Une réponse qui commence par « Pas vraiment » peut signifier que vous n’étiez pas tout à fait sur la même longueur d’onde. À regarder de plus près ?',
    well: 'Un « Ben… » hésitant au début d’une réponse peut être une façon polie de ne pas être d’accord. À regarder de plus près ?',
    dismissive: 'Une réponse comme « Bof » ou « Peu importe » peut être une façon de se retirer de l’échange. À regarder de plus près ?',
    'wants-to-leave': 'Vouloir que la séance se termine peut être le signe que quelque chose y a mal été reçu. À regarder de plus près ?',
    'went-quiet': 'Se taire peut être de la réflexion, ou une façon de se retirer de quelque chose qui a mal été reçu. À regarder de plus près ?',
    'changed-subject': 'Changer de sujet peut être une façon de s’éloigner de quelque chose qui a blessé. À regarder de plus près ?',
    polite: 'Un accord poli peut parfois couvrir un « non » silencieux. À regarder de plus près ?',
    'stopped-crying': 'Des larmes qui s’arrêtent aussitôt peuvent signifier qu’une émotion a été rangée plutôt qu’accueillie. À regarder de plus près ?',
    'late-or-missed':
      'Arriver en retard, manquer ou annuler une séance peut avoir bien des raisons ; parfois cela dit quelque chose du travail. Quelque chose à explorer ?',
    'not-helping': 'Des doutes sur l’utilité du travail peuvent être un message sur ce qui se passe entre vous. À regarder de plus près ?',
    'dont-understand': 'Se sentir incompris ou pas entendu peut être le signe d’une tension entre vous. À regarder de plus près ?',
    'whats-the-point': 'Demander à quoi bon peut être une question sur le travail, ou sur vous deux. À regarder de plus près ?',
    'too-fast': 'Des mots sur le rythme peuvent signifier que le travail est allé plus profond ou plus vite que ce qui semblait sûr. À regarder de plus près ?',
    'like-an-object': 'Se sentir traité plutôt que rencontré peut indiquer une tension entre vous. À regarder de plus près ?',
    cold: 'Quelque chose qui a paru froid, distant ou jugeant a pu être reçu plus durement que voulu. À regarder de plus près ?',
    'stop-therapy': 'Parler d’arrêter peut être une façon de dire que quelque chose ne va pas dans le travail. À regarder de plus près ?',
    'upset-with-me': 'Des sentiments tournés vers vous peuvent être l’occasion de parler de ce qui se passe entre vous. À regarder de plus près ?',
    defensive: 'Votre propre attitude défensive peut être le signe que quelque chose était tendu entre vous. À regarder de plus près ?',
    rushed: 'Se presser peut laisser l’autre en arrière sans que ni l’un ni l’autre ne le remarque. À regarder de plus près ?',
    irritated: 'Votre propre agacement peut dire quelque chose de ce qui se passait entre vous. À regarder de plus près ?',
    'too-much-talking': 'Parler ou expliquer beaucoup peut prendre la place de ce que la personne avait besoin de dire. À regarder de plus près ?',
    [SAFETY_FIRST.id]:
      'Des mots comme ceux-ci peuvent parler de risque. La sécurité passe en premier : évaluez-le et consignez-le comme d’habitude ; le travail sur la rupture peut attendre.',
  },
};

const NOT_BY_ITSELF: Readonly<Record<CueLanguage, string>> = {
  de: 'Eine kurze Antwort oder ein Schweigen ist für sich allein noch kein Bruch; dies ist nur eine Anregung, noch einmal hinzusehen, und nichts wird festgehalten, wenn Sie es nicht wollen.',
  es: 'Una respuesta breve o un silencio no son una ruptura por sí solos; esto es solo una invitación a mirar de nuevo, y no se registra nada a menos que usted lo decida.',
  fr: 'Une réponse brève ou un silence n’est pas une rupture à lui seul ; ce n’est qu’une invitation à regarder de nouveau, et rien n’est noté à moins que vous ne le choisissiez.',
};

const ENGLISH = new Map<string, string>([...BUILT_IN_CUES.map((c): [string, string] => [c.id, c.reason]), [SAFETY_FIRST.id, SAFETY_FIRST.reason]]);

/**
 * A hint's reason in the given language: a built-in cue's (or `safety-first`'s) in that
 * language; the English reason itself in English, or for a clinician's own cue (its reason
 * is theirs, even when its id is a built-in one's).
 */
export function hintReason(hint: { readonly cue: string; readonly reason: string }, lang: HintLanguage): string {
  if (lang === 'en' || ENGLISH.get(hint.cue) !== hint.reason) return hint.reason;
  return REASONS[lang][hint.cue] ?? hint.reason;
}

/** What a relationship hint's hover adds after its reason, in the given language. */
export function notARuptureByItself(lang: HintLanguage): string {
  return lang === 'en' ? NOT_A_RUPTURE_BY_ITSELF : NOT_BY_ITSELF[lang];
}
