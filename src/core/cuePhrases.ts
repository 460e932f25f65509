/**
 * The built-in cue phrases: words a therapist may write in passing that can point to a
 * quiet rupture (the markers of withdrawal and confrontation, and the therapist's own
 * reactions). Each cue says why it appeared, tentatively: a phrase is a prompt to look
 * again, never a finding about the client.
 *
 * Phrase syntax (shared with the `attune.cues.phrases` setting): plain words, matched
 * without regard to case and on word boundaries; a space matches any run of spaces or
 * tabs; `'` matches straight and curly apostrophes; `...` also matches `…`.
 */

export type CueKind = 'withdrawal' | 'confrontation' | 'my own reaction';

export const CUE_KINDS: readonly CueKind[] = ['withdrawal', 'confrontation', 'my own reaction'];

export interface CueDefinition {
  readonly id: string;
  readonly kind: CueKind;
  /** One line, in plain and tentative words, saying why the hint appeared. */
  readonly reason: string;
  readonly phrases: readonly string[];
}

export const BUILT_IN_CUES: readonly CueDefinition[] = [
  {
    id: 'not-exactly',
    kind: 'withdrawal',
    reason: 'An answer that starts "not exactly" can mean we were not quite on the same page. Worth a second look?',
    phrases: ['not exactly'],
  },
  {
    id: 'well',
    kind: 'withdrawal',
    reason: 'A hesitant "Well..." can be a polite way of disagreeing. Worth a second look?',
    phrases: ['well...'],
  },
  {
    id: 'went-quiet',
    kind: 'withdrawal',
    reason: 'Going quiet can be reflection, or a way of stepping back from something that did not sit well. Worth a second look?',
    phrases: [
      'went quiet', 'fell quiet', 'grew quiet', 'got quiet',
      'went silent', 'fell silent', 'grew silent', 'got silent',
    ],
  },
  {
    id: 'changed-subject',
    kind: 'withdrawal',
    reason: 'A change of subject can be a way of moving away from something that stung. Worth a second look?',
    phrases: ['changed the subject'],
  },
  {
    id: 'polite',
    kind: 'withdrawal',
    reason: 'Polite agreement can sometimes cover a quiet "no". Worth a second look?',
    phrases: ['nodded politely', 'polite but', 'polite, but'],
  },
  {
    id: 'stopped-crying',
    kind: 'withdrawal',
    reason: 'Tears that stop at once can mean a feeling was put away rather than met. Worth a second look?',
    phrases: ['stopped crying'],
  },
  {
    id: 'not-helping',
    kind: 'confrontation',
    reason: 'Doubts about whether the work helps may be a message about what happens between you. Worth a second look?',
    phrases: ['not helping', "isn't helping", "doesn't help"],
  },
  {
    id: 'dont-understand',
    kind: 'confrontation',
    reason: 'Feeling misunderstood or unheard can be a sign of a strain between you. Worth a second look?',
    phrases: ["you don't understand", "don't get it", "you're not listening"],
  },
  {
    id: 'whats-the-point',
    kind: 'confrontation',
    reason: 'Asking what the point is can be a question about the work, or about the two of you. Worth a second look?',
    phrases: ["what's the point"],
  },
  {
    id: 'too-fast',
    kind: 'confrontation',
    reason: 'Words about pace can mean the work went deeper or faster than felt safe. Worth a second look?',
    phrases: ['too fast', 'too much, too soon', 'too much too soon', 'too far'],
  },
  {
    id: 'like-an-object',
    kind: 'confrontation',
    reason: 'Feeling handled rather than met can point to a strain between you. Worth a second look?',
    phrases: ['like an object', 'being worked on'],
  },
  {
    id: 'cold',
    kind: 'confrontation',
    reason: 'Something that felt cold or businesslike may have landed harder than it was meant. Worth a second look?',
    phrases: ['felt cold', 'transactional'],
  },
  {
    id: 'stop-therapy',
    kind: 'confrontation',
    reason: 'Talk of stopping can be a way of saying something in the work is not right. Worth a second look?',
    phrases: ['stop therapy', 'stop coming', 'end therapy', 'ending therapy', 'quit therapy'],
  },
  {
    id: 'upset-with-me',
    kind: 'confrontation',
    reason: 'Feelings aimed at you may be a chance to talk about what is happening between you. Worth a second look?',
    phrases: ['angry with me', 'upset with me', 'frustrated with me', 'annoyed with me', 'angry at me'],
  },
  {
    id: 'defensive',
    kind: 'my own reaction',
    reason: 'Your own defensiveness can be a sign that something between you was strained. Worth a second look?',
    phrases: ['I felt defensive', 'I got defensive', 'I was defensive'],
  },
  {
    id: 'rushed',
    kind: 'my own reaction',
    reason: 'Rushing can leave a client behind without either of you noticing. Worth a second look?',
    phrases: ['I rushed', 'I was rushing'],
  },
  {
    id: 'irritated',
    kind: 'my own reaction',
    reason: 'Your own irritation may say something about what was happening between you. Worth a second look?',
    phrases: ['I felt irritated', 'I was irritated', 'I felt annoyed'],
  },
  {
    id: 'too-much-talking',
    kind: 'my own reaction',
    reason: 'Talking or explaining a lot can crowd out what the client needed to say. Worth a second look?',
    phrases: ['I talked too much', 'I kept explaining'],
  },
];
