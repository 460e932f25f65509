/**
 * The words of the "Before the session" section in each template language (`attune.templateLanguage`), in the same warm voice as the English: no day
 * counts, nothing that rates the client.
 */
import { formatNoted, isIsoDate } from '../notes/dates';
import type { NoteLanguage } from '../notes/fieldKeys';

interface ChecklistWords {
  readonly nothingWaiting: (client: string) => string;
  readonly revisit: string;
  /** The unrepaired statuses, as the section names them. */
  readonly status: Readonly<Record<'open' | 'planned' | 'attempted', string>>;
  readonly with: string;
  readonly landedWithRisk: string;
  readonly landed: string;
  readonly fromLastTime: string;
  readonly held: string;
  /** When a rupture was written down: "noted 6 Nov", never a count of days. */
  readonly noted: (date: string | null, today: string) => string;
}

/** "noted 6. Nov." and its kin: the day and month, with the year when it is not this year's. */
function notedIn(words: {
  undated: string;
  before: string;
  months: readonly string[];
  day: (d: number, month: string) => string;
  year: (y: number) => string;
}) {
  return (date: string | null, today: string): string => {
    if (date === null || !isIsoDate(date)) return words.undated;
    const [y, m, d] = date.split('-');
    return `${words.before} ${words.day(Number(d), words.months[Number(m) - 1])}${y === today.slice(0, 4) ? '' : words.year(Number(y))}`;
  };
}

export const CHECKLIST_WORDS: Readonly<Record<NoteLanguage, ChecklistWords>> = {
  en: {
    nothingWaiting: (client) => (client ? `Nothing is waiting for repair with ${client} right now.` : 'Nothing is waiting for repair right now.'),
    revisit: 'Perhaps revisit:',
    status: { open: 'open', planned: 'repair planned', attempted: 'repair attempted' },
    with: 'with',
    landedWithRisk: 'Your notes on the last attempt have words that can speak of risk: safety comes first, before any return to this.',
    landed: 'How the last attempt landed:',
    fromLastTime: 'From last time:',
    held: 'Only if they bring it up (waiting at their pace):',
    noted: formatNoted,
  },
  de: {
    nothingWaiting: (client) => (client ? `Mit ${client} wartet gerade nichts auf eine Reparatur.` : 'Gerade wartet nichts auf eine Reparatur.'),
    revisit: 'Vielleicht wieder aufgreifen:',
    status: { open: 'offen', planned: 'Reparatur geplant', attempted: 'Reparatur versucht' },
    with: 'mit',
    landedWithRisk: 'Die Notizen zum letzten Versuch enthalten Worte, die auf ein Risiko hindeuten können: Sicherheit geht vor, vor jeder Rückkehr dazu.',
    landed: 'Wie der letzte Versuch angekommen ist:',
    fromLastTime: 'Vom letzten Mal:',
    held: 'Nur wenn mein Gegenüber es anspricht (wartet in seinem Tempo):',
    noted: notedIn({
      undated: 'ohne Datum',
      before: 'notiert am',
      months: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
      day: (d, month) => `${d}. ${month}`,
      year: (y) => ` ${y}`,
    }),
  },
  es: {
    nothingWaiting: (client) =>
      client ? `Ahora mismo no hay nada pendiente de reparación con ${client}.` : 'Ahora mismo no hay nada pendiente de reparación.',
    revisit: 'Quizás retomar:',
    status: { open: 'abierta', planned: 'reparación planeada', attempted: 'reparación intentada' },
    with: 'con',
    landedWithRisk: 'Las notas sobre el último intento tienen palabras que pueden hablar de riesgo: la seguridad es lo primero, antes de volver a esto.',
    landed: 'Cómo llegó el último intento:',
    fromLastTime: 'De la última vez:',
    held: 'Solo si la persona saca el tema (esperando a su ritmo):',
    noted: notedIn({
      undated: 'sin fecha',
      before: 'anotada el',
      months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
      day: (d, month) => `${d} ${month}`,
      year: (y) => ` de ${y}`,
    }),
  },
  fr: {
    nothingWaiting: (client) => (client ? `Rien n'attend de réparation avec ${client} pour l'instant.` : "Rien n'attend de réparation pour l'instant."),
    revisit: 'Peut-être y revenir :',
    status: { open: 'ouverte', planned: 'réparation prévue', attempted: 'réparation tentée' },
    with: 'avec',
    landedWithRisk:
      "Les notes sur la dernière tentative contiennent des mots qui peuvent évoquer un risque : la sécurité d'abord, avant tout retour à ce sujet.",
    landed: 'Comment la dernière tentative a été reçue :',
    fromLastTime: 'De la dernière fois :',
    held: "Seulement si la personne l'aborde (en attente, à son rythme) :",
    noted: notedIn({
      undated: 'sans date',
      before: 'notée le',
      months: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
      day: (d, month) => `${d} ${month}`,
      year: (y) => ` ${y}`,
    }),
  },
};
