import { yamlValue } from './frontMatter';
import { parseSnippet, toMarkdown, toSnippet, type SnippetNode, type Variables } from './snippet';
import type { Status } from './status';

/**
 * How a template is used:
 * - `rupture`: a new rupture heading, inserted at the cursor;
 * - `followup`: appended to an existing rupture's section, which then takes status `sets`;
 * - `section`: any other block, inserted at the cursor;
 * - `note`: a whole new note;
 * - `checklist`: the clinician's own pre-session checks.
 */
export type TemplateKind = 'rupture' | 'followup' | 'section' | 'note' | 'checklist';

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
  /** The client's code or initials. */
  readonly client?: string;
  /** The note's date, `YYYY-MM-DD` (defaults to today). */
  readonly date?: string;
  /** The rupture a follow-up belongs to. */
  readonly title?: string;
  /** Heading level for a new rupture or section (defaults to 2). */
  readonly level?: number;
  /** The quoted line a cue hint was found on, when reflecting from a hint. */
  readonly cues?: string;
}

export const TEMPLATE_VARIABLES: Readonly<Record<string, string>> = {
  CLIENT: "the client's code or initials",
  DATE: "the note's date (YYYY-MM-DD), or today",
  TODAY: "today's date (YYYY-MM-DD)",
  TITLE: 'the title of the rupture a follow-up belongs to',
  HEADING: 'the hashes for a new heading at the right level (## by default)',
  SUBHEADING: 'the hashes for a heading one level below the rupture it follows',
  CUES: 'the line a cue hint was found on, quoted, when you reflect from a hint',
  CURRENT_YEAR: 'VS Code date variables: year, month and day of today',
};

const REFLECTION = `\${HEADING} \${1:A few words on what happened} #rupture/open

- **What happened (just the facts):** \${2:what was said or done, and when in the session}
- **Kind of miss:** \${3|cultural or generational context missed,too deep too soon,a technique that backfired,my own enthusiasm,fixing or teaching while they needed to be heard,a policy or boundary delivered coldly,a word or metaphor that hurt,advice pressed or too much talking,directing without asking,sharing about me so they looked after me,my own state (tired or unwell),my agenda over theirs,something else|}
- **Markers:** \${4|withdrawal (moving away),confrontation (moving against),my own reaction (defensive\\, irritated\\, rushing)|}
- **Cues I noticed:** \${5:\${CUES:their words, voice, body; what changed afterwards}}
- **The part of me that led:** \${6|helper,fixer,manager,protector,creative,enthusiastic,educator,in my own words|}, wanting to \${7:help, connect, soothe, fix, teach}
- **What I meant, and how it may have landed:** \${8}
- **What may have been happening for them:** \${9}
- **What this regret says about how much I care:** \${10}
- **Repair plan:** \${11|explore it together (what happened between us\\, how it felt),clarify a misunderstanding,explain my reasons for the task,change the task or the goal|}
- **Opening line:** \${12:I've been thinking about our last session, and I'd like to hear how something I said sat with you.}
- **Take it to supervision?** \${13|not yet,yes|}
\${0}`;

const REPAIR_PLAN = `\${SUBHEADING} Repair plan, \${TODAY}

- **Approach:** \${1|explore first: what happened between us and how it felt,clarify a misunderstanding,explain my reasons for the task,change the task or the goal|}
- **What I will own:** \${2:my part, and the part of me that led, as context and not as an excuse}
- **Opening line:** \${3:I've been thinking about our last session. I wonder how it felt for you when I ...}
- **How I will invite their side:** \${4:ask what it stirred up, then listen before explaining}
- **Pace:** \${5|slow down and follow their lead,ask about the week since,repair first\\, then the agenda|}
- **If they start looking after me:** notice it, thank them, and turn back to them.
\${0}`;

const REPAIR_ATTEMPT = `\${SUBHEADING} Repair attempt, \${TODAY}

- **What I said:** \${1}
- **How it landed:** \${2:their words, voice, body; what shifted between us}
- **Did they start looking after me?** \${3|no,yes: I noticed it and thanked them|}
- **Where it stands:** \${4|still settling; I will keep an eye on it,it feels repaired|}
- **Next:** \${5}
\${0}`;

const CLOSING = `\${SUBHEADING} Closing without repair, \${TODAY}

- **Why:** \${1|the client did not want to return to it,therapy ended,safety comes first (a boundary),on reflection it was not a rupture|}
- **What I acknowledged, and my share of it:** \${2}
- **What I carry from it:** \${3}
- **What I learned:** \${4}
- **For supervision:** \${5|nothing more,yes|}

Ending without repair can be the right ending, and a caring one.
\${0}`;

const AFTER_HARD_SESSION = `\${HEADING} After a hard session, \${TODAY}

- **What this regret tells me about how much I care:** \${1}
- **Where I feel it in my body:** \${2}
- **What I would say to a colleague in my place:** \${3}
- **Patterns I notice:** \${4|none yet,a kind of client or situation,a technique that is new to me,my own history,poor sleep or illness|}
- **Zooming out, this moment within the whole of our work:** \${5}
- **Something kind I will do for myself today:** \${6}
- **For supervision or consultation:** \${7}
\${0}`;

const SESSION_NOTE = `---
client: \${CLIENT}
date: \${DATE}
---

# Session \${DATE}

## Check-in

\${2}

## What we worked on

\${3}

## Between us

- **Feedback I asked for, and what I heard:** \${4}
- **Alliance feedback score (if we use one):** \${5}
- **Anything that felt off between us:** \${6}

## Next time

\${0}`;

const CHECKLIST = `- [ ] My own state today: ill, exhausted or in turmoil? Reschedule, or name it.
- [ ] Pacing: did last time go deep? Start by asking about the week since.
- [ ] Anything I plan to suggest (a metaphor, a show, an exercise) that may clash with their culture, generation or faith?
- [ ] Policies, fees or "settled" matters that may have landed badly: repair those first?
- [ ] Which of my parts is active with this client, and is that a pattern?
- [ ] Before any new technique: say why, and ask permission.
- [ ] Are their goals and motivation still the ones we share?
- [ ] Leave time at the end to ask for feedback on the session.
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
    description: 'A new session note with client code and date',
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
