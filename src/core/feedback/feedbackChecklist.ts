/**
 * The client's feedback, before the session: their recent scores in one line, the words
 * the clinician heard last time, and, after a dip, a gentle task to check in early. It
 * joins the "Before the session" checklist through the checks it is given, so the
 * checklist itself needs to know nothing about feedback.
 */
import { feedbackLower, feedbackSeries, formatScore, heardLastTime, NEAR_TOP_LINE, nearTop, type FeedbackPoint, type HeardWords } from './feedback';
import type { NoteLanguage } from '../notes/fieldKeys';
import type { IndexedNote } from '../notes/note';

/** How many of the latest scores the checklist and the view show. */
export const RECENT_SCORES = 5;

export interface FeedbackBrief {
  /** The last five scores of the client's dated notes, oldest first. */
  readonly recent: readonly FeedbackPoint[];
  /** The rule of `feedbackLower`: a dip from the time before, or below the clinician's own threshold. */
  readonly lower: boolean;
  /** Why `lower` is true, so the task can say why it appeared. */
  readonly reason: 'dip' | 'threshold' | undefined;
  readonly heard: HeardWords | undefined;
  /** The latest score sits near the top of its stated scale (and did not dip). */
  readonly nearTop: boolean;
}

/** Everything the checklist says about a client's feedback, read from their notes. */
export function feedbackBrief(notes: Iterable<IndexedNote>, client: string, today: string, threshold?: number): FeedbackBrief {
  const all = [...notes];
  const series = feedbackSeries(all, client);
  const usable = threshold !== undefined && Number.isFinite(threshold) ? threshold : undefined;
  const dip = feedbackLower(series);
  const lower = dip || feedbackLower(series, usable);
  return {
    recent: series.slice(-RECENT_SCORES),
    lower,
    reason: dip ? 'dip' : lower ? 'threshold' : undefined,
    heard: heardLastTime(all, client, today),
    nearTop: !lower && nearTop(series[series.length - 1]),
  };
}

/** "34/40 (2026-11-06), 31/40 (2026-11-13)": scores as text, oldest first. */
export function scoresText(points: readonly FeedbackPoint[]): string {
  return points.map((p) => `${formatScore(p)} (${p.date})`).join(', ');
}

/**
 * The clinician's own words, ready to stand in a quotation: quotation marks added unless
 * they open the value already, and an HTML comment opener defused so it cannot hide the
 * rest of the checklist.
 */
function quoted(words: string): string {
  const safe = words.replace(/<!--/g, '<\\!--');
  return /^["“'‘]/.test(safe) ? safe : `"${safe}"`;
}

/** The checklist's feedback lines in each template language (`attune.templateLanguage`). */
const FEEDBACK_WORDS: Readonly<
  Record<
    NoteLanguage,
    {
      readonly recentScores: string;
      readonly nearTop: string;
      readonly heard: (date: string) => string;
      readonly dip: string;
      readonly threshold: string;
      readonly checkIn: string;
    }
  >
> = {
  en: {
    recentScores: 'Recent feedback scores, oldest first:',
    nearTop: NEAR_TOP_LINE,
    heard: (date) => `What you heard when you asked for feedback last time (${date}):`,
    dip: 'Their feedback score last time was lower than the time before.',
    threshold: 'Their feedback score last time was below the number you chose to be reminded at.',
    checkIn: 'Early on, check in gently about how the last session was for them, and thank them for telling you.',
  },
  de: {
    recentScores: 'Letzte Rückmeldewerte, der älteste zuerst:',
    nearTop: 'Hohe Werte können kleine Beschwerden verdecken: vielleicht fragen, was für mein Gegenüber ein wenig besser hätte sein können.',
    heard: (date) => `Was ich letztes Mal gehört habe, als ich um Rückmeldung bat (${date}):`,
    dip: 'Der Rückmeldewert war letztes Mal niedriger als beim Mal davor.',
    threshold: 'Der Rückmeldewert lag letztes Mal unter der Zahl, bei der ich erinnert werden wollte.',
    checkIn: 'Früh in der Sitzung behutsam nachfragen, wie die letzte Sitzung für mein Gegenüber war, und für die Offenheit danken.',
  },
  es: {
    recentScores: 'Últimas puntuaciones de retroalimentación, de la más antigua a la más reciente:',
    nearTop: 'Las puntuaciones altas pueden ocultar pequeñas quejas: quizás preguntar qué podría haber sido un poco mejor para la persona.',
    heard: (date) => `Lo que escuché la última vez que pedí retroalimentación (${date}):`,
    dip: 'La puntuación de la última vez fue más baja que la de la vez anterior.',
    threshold: 'La puntuación de la última vez quedó por debajo del número que elegí como recordatorio.',
    checkIn: 'Al principio, preguntar con suavidad cómo fue la última sesión para la persona, y agradecer que lo diga.',
  },
  fr: {
    recentScores: 'Derniers scores de retour, du plus ancien au plus récent :',
    nearTop: 'Des scores élevés peuvent cacher de petites plaintes : peut-être demander ce qui aurait pu être un peu mieux pour la personne.',
    heard: (date) => `Ce que j'ai entendu la dernière fois que j'ai demandé un retour (${date}) :`,
    dip: 'Le score de la dernière fois était plus bas que celui de la fois précédente.',
    threshold: "Le score de la dernière fois était sous le nombre que j'ai choisi comme rappel.",
    checkIn: 'Tôt dans la séance, demander en douceur comment la dernière séance a été vécue, et remercier la personne de le dire.',
  },
};

/** The gentle task after a dip, saying why it appeared; undefined when there was none. */
export function checkInTask(brief: FeedbackBrief, language: NoteLanguage = 'en'): string | undefined {
  if (!brief.lower) return undefined;
  const words = FEEDBACK_WORDS[language];
  return `- [ ] ${brief.reason === 'dip' ? words.dip : words.threshold} ${words.checkIn}`;
}

/** The feedback part of the checklist as markdown (lines joined with `\n`), or '' when there is nothing to show. */
export function feedbackBlock(brief: FeedbackBrief, language: NoteLanguage = 'en'): string {
  const words = FEEDBACK_WORDS[language];
  const parts: string[] = [];
  if (brief.recent.length > 0) parts.push(`${words.recentScores} ${scoresText(brief.recent)}.${brief.nearTop ? ` ${words.nearTop}` : ''}`);
  if (brief.heard) parts.push(`${words.heard(brief.heard.date)}\n> ${quoted(brief.heard.words)}`);
  const task = checkInTask(brief, language);
  if (task) parts.push(task);
  return parts.join('\n\n');
}

/** The checks with the feedback block before them, for `buildChecklist`'s `checks`. */
export function checksWithFeedback(checks: string, brief: FeedbackBrief, language: NoteLanguage = 'en'): string {
  const block = feedbackBlock(brief, language);
  if (!block) return checks;
  const rest = checks.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
  return rest.trim() === '' ? block : `${block}\n\n${rest}`;
}
