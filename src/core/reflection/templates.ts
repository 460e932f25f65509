import { NOT_FILLED_IN } from '../notes/fields';
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
 * Every choice list opens with NOT_FILLED_IN: VS Code inserts a list's first option when the
 * therapist moves on without choosing, and a note may one day be read by others, so what
 * stands there unchosen must read as unanswered. Text fields start empty for the same reason.
 */
const N = NOT_FILLED_IN;

/**
 * Rupture work waits when there is acute risk: the one sentence that says so, first in the
 * checklist, the repair plan and the repair conversation card.
 */
export const SAFETY_FIRST =
  'Safety first: if there is acute risk (thoughts of suicide or self-harm, violence, a crisis), safety, assessment and the record come first, and rupture work waits.';

/** The kinds of miss, for the reflection and the in-session repair alike (patterns count them together). */
const KINDS_OF_MISS = `${N},cultural or generational context missed,too deep too soon,a technique that backfired,my own enthusiasm (my good session may not have been theirs),fixing or teaching while they needed to be heard,a policy or boundary delivered coldly,a word or metaphor that hurt,forgetting something that mattered to them,repeating something I knew was hard for them,advice pressed or too much talking,directing without asking,sharing about me so they looked after me,my own state (tired or unwell),my agenda over theirs,letting the lead pass to one side without noticing,something I did not say or do (a need I missed),identity\\, power or privilege between us,siding with one person (couple\\, family or group work),the setting or technology let us down (telehealth),a break\\, cancellation or ending,something else`;

/** The markers of a rupture: moving away (withdrawal) or moving against (confrontation). */
const MARKERS = `${N},withdrawal: short answers,withdrawal: going quiet,withdrawal: changing the subject,withdrawal: agreeing too readily,withdrawal: words that don't match the feeling,confrontation: a complaint about me,confrontation: a complaint about the work,confrontation: a complaint about fees or times,confrontation: rejecting an intervention,something else`;

/** The therapist's parts (IFS words, offered, never required). */
const PARTS = `${N},helper,fixer,manager,protector,creative,enthusiastic,educator,in my own words`;

const REFLECTION = `\${HEADING} \${1:A few words on what happened} #rupture/open

- **What happened (just the facts):** \${2}
- **With:** \${3}
  _In couple, family or group work: the whole family, or one member's code or role (the case keeps one code)._
- **Kind of miss:** \${4|${KINDS_OF_MISS}|}
- **Markers:** \${5|${MARKERS}|}
- **Another marker, if there was one:** \${6|${MARKERS}|}
  _A marker names a moment between us (pushing back is a moment), never who they are._
- **My own reaction:** \${7|${N},none that I noticed,defensive,irritated,rushing,pride or excitement,shame or guilt,anxiety,sadness,a wish to rescue,boredom or distance,something else|}
- **Cues I noticed:** \${8:\${CUES}}
- **The part of me that led:** \${9|${PARTS}|}
- **What that part wanted:** \${10|${N},to help,to connect,to soothe,to fix,to teach,to relate,to impress,to belong,to protect,in my own words|}
- **What I meant, and how it may have landed:** \${11}
- **What may have been happening for them:** \${12}
- **If regret is here, what might it say about how much I care?** \${13}
- **Repair plan:** \${14|${N},explore it together (what happened between us\\, how it felt),clarify a misunderstanding,explain my reasons for the task,change the task or the goal,wait until they are ready|}
- **Opening line:** \${15:${N}}
  _Perhaps something like: "I've been thinking about our last session, and I'd like to hear how something I said sat with you."_
- **Take it to supervision?** \${16|${N},not yet,yes|}
- **My question for supervision:** \${17}
\${0}`;

const IN_SESSION_REPAIR = `\${HEADING} \${1:A few words on what happened} #rupture/repaired

- **What happened (just the facts):** \${2}
- **With:** \${3}
  _In couple, family or group work: the whole family, or one member's code or role (the case keeps one code)._
- **Kind of miss:** \${4|${KINDS_OF_MISS}|}
- **Markers:** \${5|${MARKERS}|}
- **Another marker, if there was one:** \${6|${MARKERS}|}
- **The part of me that led:** \${7|${PARTS}|}
- **What I did in the moment:** \${8|${N},owned my part,clarified a misunderstanding,explained my reasons for the task,changed the task,noticed it aloud,asked how it was for them,apologised,slowed down,thanked them for telling me,something else|}
- **How it landed:** \${9}
- **Anything to come back to:** \${10}
- **Take it to supervision?** \${11|${N},not yet,yes|}
\${0}`;

const REPAIR_PLAN = `\${SUBHEADING} Repair plan, \${TODAY}

_${SAFETY_FIRST}_

- **Approach:** \${1|${N},explore first: what happened between us and how it felt,clarify a misunderstanding,explain my reasons for the task,change the task or the goal|}
- **Repair moves I may use:** \${2|${N},apologise for my part,thank them for telling me,slow down,name what happened and ask about it,something else|}
- **What I will own:** \${3|${N},only my part in what happened,my part and what I had meant to do,a little of what was going on for me\\, if it helps them|}
- **Just for me: is this mine to carry, or ours to talk about?** \${4}
- **Opening line:** \${5:\${OPENER:${N}}}
  _Perhaps: "I've been thinking about our last session. I wonder how it was for you when I ..."_
- **How I will invite their side:** \${6|${N},ask what it stirred up\\, then listen before explaining,ask how it is to talk about it,something else|}
- **Pace:** \${7|${N},slow down and follow their lead,ask about the week since,repair first\\, then the agenda,only if they bring it up|}
- **If they start looking after me:** notice it, thank them, and turn back to them.
\${0}`;

const REPAIR_ATTEMPT = `\${SUBHEADING} Repair attempt, \${TODAY}

- **What I said:** \${1}
- **What I did:** \${2|${N},owned my part,apologised,thanked them for telling me,slowed down,asked how it is to talk about it,something else|}
- **How it landed:** \${3}
- **Did they start looking after me?** \${4|${N},no,yes: I noticed it and thanked them,yes\\, I noticed only later|}
- **Where it stands:** \${5|${N},still settling; I will keep an eye on it,it feels mended,they are not ready; I will wait at their pace|}
- **Perhaps next:** \${6}
\${0}`;

const CLOSING = `\${SUBHEADING} Closing without repair, \${TODAY}

- **Why:** \${1|${N},the client did not want to return to it,therapy ended,safety comes first (a boundary),on reflection it was not a rupture|}
- **What I acknowledged, and my share of it:** \${2}
- **What I carry from it:** \${3}
- **What I learned:** \${4}
- If safety came first:
  - **Consultation (who I will talk it through with):** \${5}
  - **What belongs in the official record (kept apart from these reflections):** \${6}
  - **My own safety (what I need, and who knows):** \${7}
- **Take it to supervision?** \${8|${N},not yet,yes|}

Ending without repair can be the right ending, and a caring one.
\${0}`;

const AFTER_HARD_SESSION = `\${HEADING} After a hard session, \${TODAY}

- **If regret is here, what might it say about how much I care?** \${1}
- **Where I feel it in my body:** \${2}
- **What I would say to a colleague in my place:** \${3}
- **Patterns I notice:** \${4|${N},none yet,a kind of client or situation,a technique that is new to me,my own history,poor sleep or illness|}
- **Zooming out, this moment within the whole of our work:** \${5}
- **Something kind I will do for myself today:** \${6}
- **Who supports me with this (my own therapy, a colleague, a friend):** \${7}
- **Take it to supervision?** \${8|${N},not yet,yes|}
- **My question for supervision:** \${9}
\${0}`;

const REPAIR_CONVERSATION = `\${HEADING} The repair conversation: a card to keep beside me

${SAFETY_FIRST}

1. **Ask first.** Are they willing to talk about it now? "Not now" is an answer: accept it, and say the door stays open whenever they want to come back to it.
2. **Open gently.** Perhaps: "I've been thinking about our last session..." Or, in the moment itself: "Can we pause? I think I just missed something."
3. **Invite their side.** Ask how it was for them, and leave room for the answer.
4. **Stay with anger without defending.** If they are angry with me, let it be said in full; I need not argue my case.
5. **Listen before explaining.** My reasons can wait until they feel heard.
6. **Own my part, and apologise where it fits.** Only as much of my own process as helps them: naming my parts aloud can turn the focus onto me.
7. **Validate.** What they felt makes sense from where they sat.
8. **Thank them** for telling me.
9. **Ask how it is** to talk about this together.
10. **Notice if they start looking after me**, thank them, and turn back to them.

One conversation need not finish it.
\${0}`;

/**
 * A private process note, not a progress note: what happened between us, my reactions and
 * next time. What was worked on belongs in the official record, kept elsewhere, so these
 * reflections can stay apart from it (which is what US psychotherapy-notes protection needs).
 */
const SESSION_NOTE = `---
client: \${CLIENT}
date: \${DATE}
---

# Session \${DATE}

_My private process note: what happened between us and in me. The official record of this session is kept elsewhere._

## Between us

- **Feedback I asked for, and what I heard:** \${2}
- **What I will do differently because of it:** \${3}
- **Alliance feedback score (if we use one):** \${4}
- **Anything that felt off between us:** \${5}

## My reactions

\${6}

## Next time

\${0}`;

const CHECKLIST = `- [ ] My own state today: ill, exhausted or in turmoil? Reschedule, or name it.
- [ ] Pacing: did last time go deep? Start by asking about the week since.
- [ ] Anything I plan to suggest (a metaphor, a show, an exercise) that may clash with their culture, generation or faith?
- [ ] Policies, fees or "settled" matters that may have landed badly: repair those first?
- [ ] Which of my parts is active with this client, and is that a pattern?
- [ ] Before any new technique: say what I'm thinking and why, and ask permission.
- [ ] If they correct me: thank them, and realign straight away.
- [ ] Are their goals, motivation and expectations still the ones we share?
- [ ] Leave time at the end to ask for feedback: how was the session for them?
- [ ] Anything to take to supervision or consultation?`;

export const BUILT_IN_TEMPLATES: readonly Template[] = [
  {
    id: 'rupture-reflection',
    name: 'Rupture reflection',
    description: 'Notice a rupture: what happened, the markers, the part of you that led, and a repair plan',
    kind: 'rupture',
    body: REFLECTION,
    source: 'built-in',
  },
  {
    id: 'repair-plan',
    name: 'Repair plan',
    description: 'Plan how to return to this rupture, with the opening line you will use',
    kind: 'followup',
    sets: 'planned',
    body: REPAIR_PLAN,
    source: 'built-in',
  },
  {
    id: 'repair-attempt',
    name: 'Repair attempt',
    description: 'Record what you said, how it landed and what comes next',
    kind: 'followup',
    sets: 'attempted',
    body: REPAIR_ATTEMPT,
    source: 'built-in',
  },
  {
    id: 'closing',
    name: 'Closing without repair',
    description: 'End this rupture without repair, and note what you carry and learned',
    kind: 'followup',
    sets: 'closed',
    body: CLOSING,
    source: 'built-in',
  },
  {
    id: 'after-hard-session',
    name: 'After a hard session',
    description: 'Self-compassion, patterns and the bigger picture, for you',
    kind: 'section',
    body: AFTER_HARD_SESSION,
    source: 'built-in',
  },
  {
    id: 'session-note',
    name: 'Session note',
    description: 'A new private process note with client code and date: between us, my reactions, next time (the official record is kept elsewhere)',
    kind: 'note',
    body: SESSION_NOTE,
    source: 'built-in',
  },
  {
    id: 'checklist',
    name: 'Pre-session checks',
    description: 'The checks you run before seeing a client',
    kind: 'checklist',
    body: CHECKLIST,
    source: 'built-in',
  },
  {
    id: 'in-session-repair',
    name: 'In-session repair',
    description: 'A rupture you repaired in the session itself: what happened, what you did in the moment, how it landed',
    kind: 'rupture',
    body: IN_SESSION_REPAIR,
    source: 'built-in',
  },
  {
    id: 'repair-conversation',
    name: 'Repair conversation guide',
    description: 'A short card for the repair conversation itself: open gently, invite their side, listen, own your part',
    kind: 'section',
    body: REPAIR_CONVERSATION,
    source: 'built-in',
  },
];

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
 * Built-in templates, with workspace files overriding those of the same id and adding
 * their own (inserted at the cursor). A BOM is dropped; line endings become `\n` here
 * and are matched to the note when inserted.
 */
export function mergeTemplates(files: readonly TemplateFile[]): Template[] {
  const byId = new Map<string, Template>(BUILT_IN_TEMPLATES.map((t) => [t.id, t]));
  for (const file of files) {
    const name = file.path.split('/').pop() ?? file.path;
    if (!/\.md$/i.test(name)) continue;
    const id = name.slice(0, -3).toLowerCase();
    const body = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '');
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
