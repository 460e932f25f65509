import * as assert from 'assert';
import { parseSnippet, toMarkdown, toSnippet, type SnippetNode } from '../../src/core/reflection/snippet';
import {
  BUILT_IN_TEMPLATES,
  findTemplate,
  mergeTemplates,
  renderMarkdown,
  renderSnippet,
  TEMPLATE_VARIABLES,
  type Template,
} from '../../src/core/reflection/templates';
import { isFilled, NOT_FILLED_IN } from '../../src/core/notes/fields';
import { parse, TODAY } from './helpers';

/** Fields whose value is the template's own guidance, never an answer. */
const STATIC_FIELDS = ['If they start looking after me'];

/** What VS Code leaves in the note when the therapist presses Esc at once: each choice list's first option, each default. */
function renderMarkdownAsInserted(t: Template): string {
  const firstOptions = (nodes: readonly SnippetNode[]): SnippetNode[] =>
    nodes.map((node) => {
      if (node.kind === 'choice') return { kind: 'text', value: node.options[0] ?? '' };
      if (node.kind === 'tabstop') return { ...node, children: firstOptions(node.children) };
      if (node.kind === 'variable' && node.children) return { ...node, children: firstOptions(node.children) };
      return node;
    });
  return toMarkdown(firstOptions(parseSnippet(t.body)), { HEADING: '##', SUBHEADING: '###', DATE: TODAY }, TODAY);
}

function markdown(source: string, vars: Record<string, string> = {}): string {
  return toMarkdown(parseSnippet(source), vars, TODAY);
}

function snippet(source: string, vars: Record<string, string> = {}): string {
  return toSnippet(parseSnippet(source), vars);
}

function builtIn(id: string): Template {
  const t = findTemplate(BUILT_IN_TEMPLATES, id);
  assert.ok(t, id);
  return t;
}

describe('snippet syntax: parsing', () => {
  it('reads tab stops, defaults, choices and variables', () => {
    const nodes: SnippetNode[] = [
      { kind: 'text', value: 'A ' },
      { kind: 'tabstop', index: 1, children: [{ kind: 'text', value: 'default' }] },
      { kind: 'text', value: ' ' },
      { kind: 'choice', index: 2, options: ['withdrawal', 'confrontation'] },
      { kind: 'text', value: ' ' },
      { kind: 'variable', name: 'CLIENT', children: undefined },
      { kind: 'variable', name: 'X', children: [{ kind: 'text', value: 'x' }] },
      { kind: 'tabstop', index: 0, children: [] },
    ];
    assert.deepStrictEqual(parseSnippet('A ${1:default} ${2|withdrawal,confrontation|} ${CLIENT}${X:x}${0}'), nodes);
  });

  it('nests tab stops and variables inside defaults', () => {
    assert.deepStrictEqual(parseSnippet('${1:for ${CLIENT:them} at ${2:ten}}'), [
      {
        kind: 'tabstop',
        index: 1,
        children: [
          { kind: 'text', value: 'for ' },
          { kind: 'variable', name: 'CLIENT', children: [{ kind: 'text', value: 'them' }] },
          { kind: 'text', value: ' at ' },
          { kind: 'tabstop', index: 2, children: [{ kind: 'text', value: 'ten' }] },
        ],
      },
    ]);
  });

  it('keeps a fee such as $120, and other unbraced dollars, as text', () => {
    for (const text of ['The fee is $120.', '$1 and $CLIENT and $ alone', 'cost: $', '$$']) {
      assert.deepStrictEqual(parseSnippet(text), [{ kind: 'text', value: text }], text);
      assert.strictEqual(markdown(text), text);
    }
  });

  it('keeps malformed or unclosed placeholders as text', () => {
    for (const text of ['${', '${1', '${1:open', '${1|a,b|', '${1|a,b}', '${-1}', '${ 1}', '${1x}', '${}', '}']) {
      assert.strictEqual(markdown(text), text, text);
    }
  });

  it('unescapes \\$, \\} and \\\\, and leaves other backslashes alone', () => {
    assert.strictEqual(markdown('\\${1:x} \\} \\\\ \\n \\#'), '${1:x} } \\ \\n \\#');
    assert.strictEqual(markdown('${1:a \\} b}'), 'a } b');
  });

  it('keeps a backslash at the very end as text', () => {
    assert.deepStrictEqual(parseSnippet('C:\\'), [{ kind: 'text', value: 'C:\\' }]);
    assert.strictEqual(markdown('${1:a\\'), '${1:a\\');
    assert.strictEqual(markdown('${1|a,b\\'), '${1|a,b\\');
  });

  it('unescapes commas and bars inside choices', () => {
    assert.deepStrictEqual(parseSnippet('${1|a\\, b,c\\|d,e\\\\|}'), [{ kind: 'choice', index: 1, options: ['a, b', 'c|d', 'e\\'] }]);
  });

  it('never throws on broken input', () => {
    for (const text of ['${1:${2:${3:', '${1|', '\\', '${1:}}}}', '${A:${B:${C}}}', '${1:${2|x,y|}}']) {
      assert.doesNotThrow(() => snippet(text));
      assert.doesNotThrow(() => markdown(text));
    }
  });
});

describe('snippet syntax: rendering', () => {
  it('renders VS Code snippet text with tab stops and choices kept', () => {
    assert.strictEqual(snippet('${1:a} ${2|x,y|} ${3} ${0}'), '${1:a} ${2|x,y|} ${3} ${0}');
  });

  it('renders plain markdown with defaults filled in and choices listed', () => {
    assert.strictEqual(markdown('${1:a} ${2|x,y,z|} [${3}] ${0}'), 'a x / y / z [] ');
  });

  it('escapes text so VS Code keeps it literal', () => {
    assert.strictEqual(snippet('Fee $120 } \\'), 'Fee \\$120 \\} \\\\');
    assert.strictEqual(snippet('${1|a\\,b,c\\|d|}'), '${1|a\\,b,c\\|d|}');
    assert.strictEqual(snippet('${CLIENT}', { CLIENT: 'A$B}' }), 'A\\$B\\}');
  });

  it('fills in the variables it is given, and defaults for unknown ones', () => {
    assert.strictEqual(markdown('${CLIENT} ${WHO:someone} ${NOBODY}', { CLIENT: 'A.B.' }), 'A.B. someone ');
    assert.strictEqual(snippet('${CLIENT} ${WHO:someone} ${NOBODY}', { CLIENT: 'A.B.' }), 'A.B. someone ');
    assert.strictEqual(markdown('${CLIENT:fallback}', { CLIENT: '' }), '');
  });

  it('writes dates for the CLI and leaves them to VS Code in snippets', () => {
    assert.strictEqual(markdown('${TODAY} ${CURRENT_YEAR}/${CURRENT_MONTH}/${CURRENT_DATE}'), '2026-11-20 2026/11/20');
    assert.strictEqual(snippet('${TODAY} ${CURRENT_YEAR}'), '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE} ${CURRENT_YEAR}');
  });

  it('lets a caller override a date variable', () => {
    assert.strictEqual(markdown('${TODAY}', { TODAY: '2026-01-01' }), '2026-01-01');
  });
});

describe('built-in templates', () => {
  it('has the templates of the issues, plus the checklist', () => {
    assert.deepStrictEqual(
      BUILT_IN_TEMPLATES.map((t) => [t.id, t.kind, t.sets]),
      [
        ['rupture-reflection', 'rupture', undefined],
        ['repair-plan', 'followup', 'planned'],
        ['repair-attempt', 'followup', 'attempted'],
        ['closing', 'followup', 'closed'],
        ['after-hard-session', 'section', undefined],
        ['session-note', 'note', undefined],
        ['checklist', 'checklist', undefined],
        ['in-session-repair', 'rupture', undefined],
        ['repair-conversation', 'section', undefined],
      ],
    );
    for (const t of BUILT_IN_TEMPLATES) assert.strictEqual(t.source, 'built-in');
  });

  it('renders a rupture reflection that the parser reads as an open rupture, with no opening line until one is written', () => {
    const text = renderMarkdown(builtIn('rupture-reflection'), { client: 'A.B.' }, TODAY);
    const [entry, ...rest] = parse(text).entries;
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(entry.status, 'open');
    assert.strictEqual(entry.level, 2);
    assert.strictEqual(entry.title, 'A few words on what happened');
    assert.strictEqual(entry.opener, undefined, 'the untouched placeholder is not an opening line');
    assert.match(text, /^- \*\*Opening line:\*\* \(not filled in\)$/m);
    assert.match(text, /I've been thinking about our last session/, 'an example opening is offered, outside the field');
    for (const field of [
      'What happened',
      'Kind of miss',
      'Markers',
      'My own reaction',
      'Cues',
      'part of me',
      'What that part wanted',
      'Repair plan',
      'Opening line',
      'supervision',
    ]) {
      assert.ok(text.includes(field), field);
    }
    for (const kind of ['forgetting something that mattered to them', 'repeating something I knew was hard for them', 'letting the lead pass to one side']) {
      assert.ok(text.includes(kind), kind);
    }
    for (const marker of [
      'withdrawal: short answers',
      'withdrawal: going quiet',
      'withdrawal: changing the subject',
      'withdrawal: agreeing too readily',
      "withdrawal: words that don't match the feeling",
      'confrontation: a complaint about me',
      'confrontation: a complaint about the work',
      'confrontation: a complaint about fees or times',
      'confrontation: rejecting an intervention',
    ]) {
      assert.ok(text.includes(marker), marker);
    }
    assert.match(text, /pride or excitement/);
    for (const want of ['to impress', 'to belong', 'to protect']) assert.ok(text.includes(want), want);
    assert.match(text, /If regret is here, what might it say about how much I care\?/);
    assert.doesNotMatch(text, /What this regret says/);
  });

  it('prefills a repair plan with the current opening line, and an untouched placeholder never replaces it', () => {
    const reflection = '## Too soon #rupture/open\n\n- **Opening line:** "I have been thinking about the exercise."\n';
    const [before] = parse(reflection).entries;
    const prefilled = renderMarkdown(builtIn('repair-plan'), { level: 2, opener: before.opener }, TODAY);
    assert.match(prefilled, /^- \*\*Opening line:\*\* I have been thinking about the exercise\.$/m);
    const snippet = renderSnippet(builtIn('repair-plan'), { level: 2, opener: 'Costs $5, {ok}' }, TODAY);
    assert.match(snippet, /\*\*Opening line:\*\* \$\{5:Costs \\\$5, \{ok\\\}\}/, 'the opener is escaped as snippet text');
    const bare = renderMarkdown(builtIn('repair-plan'), { level: 2 }, TODAY);
    assert.match(bare, /^- \*\*Opening line:\*\* \(not filled in\)$/m);
    const [after] = parse(`${reflection}\n${bare}`).entries;
    assert.strictEqual(after.opener, 'I have been thinking about the exercise.', 'the placeholder does not become the opener');
    const [fresh] = parse(`## New #rupture\n\n${bare}`).entries;
    assert.strictEqual(fresh.opener, undefined);
    const [typed] = parse(`${reflection}\n${bare.replace('**Opening line:** (not filled in)', '**Opening line:** Can we go back to last week?')}`).entries;
    assert.strictEqual(typed.opener, 'Can we go back to last week?', 'a line the therapist wrote wins');
  });

  it('renders a follow-up one level below the rupture', () => {
    const reflection = renderMarkdown(builtIn('rupture-reflection'), { level: 3 }, TODAY);
    const plan = renderMarkdown(builtIn('repair-plan'), { level: 3 }, TODAY);
    assert.match(reflection, /^### /);
    assert.match(plan, /^#### Repair plan, 2026-11-20\n/);
    const [entry] = parse(`${reflection}\n${plan}`).entries;
    assert.strictEqual(entry.followUps.length, 1);
  });

  it('starts every choice list of every built-in template with the neutral "not filled in" option', () => {
    let lists = 0;
    const walk = (nodes: readonly SnippetNode[], id: string): void => {
      for (const node of nodes) {
        if (node.kind === 'choice') {
          lists++;
          assert.strictEqual(node.options[0], NOT_FILLED_IN, `${id}: ${node.options.join(',')}`);
          assert.ok(
            node.options.slice(1).every((o) => o !== NOT_FILLED_IN),
            id,
          );
        } else if (node.kind !== 'text' && node.children) walk(node.children, id);
      }
    };
    for (const t of BUILT_IN_TEMPLATES) walk(parseSnippet(t.body), t.id);
    assert.ok(lists >= 15, `${lists} choice lists`);
    assert.strictEqual(NOT_FILLED_IN, '(not filled in)');
  });

  it('leaves nothing that reads as an answer when every field stays as inserted', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const note = parse(`## Host #rupture\n\n${renderMarkdownAsInserted(t)}`);
      const fields = [...note.fields, ...note.entries.flatMap((e) => e.fields)];
      const answered = fields.filter((f) => isFilled(f.value) && !STATIC_FIELDS.includes(f.label));
      assert.deepStrictEqual(
        answered.map((f) => `${f.label}: ${f.value}`),
        [],
        t.id,
      );
    }
  });

  it('renders an in-session repair as a new rupture already repaired, with what I did in the moment', () => {
    const t = builtIn('in-session-repair');
    const text = renderMarkdown(t, { level: 2 }, TODAY);
    const [entry, ...rest] = parse(text).entries;
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(entry.status, 'repaired');
    assert.deepStrictEqual(
      entry.fields.map((f) => f.label),
      [
        'What happened (just the facts)',
        'With',
        'Kind of miss',
        'Markers',
        'Another marker, if there was one',
        'The part of me that led',
        'What I did in the moment',
        'How it landed',
        'Anything to come back to',
        'Take it to supervision?',
      ],
    );
    assert.strictEqual(
      entry.fields[6].value,
      '(not filled in) / owned my part / clarified a misunderstanding / explained my reasons for the task / changed the task / noticed it aloud / asked how it was for them / apologised / slowed down / thanked them for telling me / something else',
    );
    const snippet = renderSnippet(t, { level: 3 }, TODAY);
    assert.match(snippet, /^### \$\{1:A few words on what happened\} #rupture\/repaired$/m);
    assert.match(
      snippet,
      /\$\{8\|\(not filled in\),owned my part,clarified a misunderstanding,explained my reasons for the task,changed the task,noticed it aloud,asked how it was for them,apologised,slowed down,thanked them for telling me,something else\|\}/,
    );
  });

  it('renders the repair conversation guide as a card with no fields to fill in', () => {
    const t = builtIn('repair-conversation');
    const text = renderMarkdown(t, { level: 1 }, TODAY);
    assert.match(text, /^# The repair conversation/);
    for (const step of [
      /Open gently/,
      /Invite their side/,
      /Listen before explaining/,
      /Own my part/,
      /Validate/,
      /Thank them/,
      /Ask how it is/,
      /looking after me/,
    ]) {
      assert.match(text, step);
    }
    assert.deepStrictEqual(parse(text).fields, []);
    assert.doesNotMatch(renderSnippet(t, {}, TODAY), /\$\{[1-9]/, 'nothing to tab through');
  });

  it('offers apologising and thanking as repair moves, and owning without disclosing my parts', () => {
    const plan = renderMarkdown(builtIn('repair-plan'), {}, TODAY);
    assert.match(plan, /apologise/);
    assert.match(plan, /thank them for telling me/);
    assert.match(
      plan,
      /What I will own:\*\* \(not filled in\) \/ only my part in what happened \/ .* \/ a little of what was going on for me, if it helps them$/m,
    );
    assert.match(plan, /is this mine to carry, or ours to talk about\?/);
    const closing = renderMarkdown(builtIn('closing'), {}, TODAY);
    for (const prompt of [/Consultation/, /official record/, /My own safety/]) assert.match(closing, prompt);
    const checks = renderMarkdown(builtIn('checklist'), {}, TODAY);
    for (const item of [/thank them, and realign/, /what I'm thinking and why/, /expectations/]) assert.match(checks, item);
  });

  it('keeps heading levels between 1 and 6', () => {
    assert.match(renderMarkdown(builtIn('rupture-reflection'), { level: 0 }, TODAY), /^# /);
    assert.match(renderMarkdown(builtIn('rupture-reflection'), { level: 9 }, TODAY), /^###### /);
    assert.match(renderMarkdown(builtIn('repair-attempt'), { level: 6 }, TODAY), /^###### Repair attempt/);
  });

  it('renders a session note whose front matter gives the client and date', () => {
    const text = renderMarkdown(builtIn('session-note'), { client: 'A.B.', date: '2026-11-13' }, TODAY);
    const note = parse(text, 'elsewhere/x.md');
    assert.deepStrictEqual([note.client, note.date], ['A.B.', '2026-11-13']);
    assert.match(text, /^# Session 2026-11-13$/m);
  });

  it('dates a session note today when no date is given', () => {
    assert.strictEqual(parse(renderMarkdown(builtIn('session-note'), {}, TODAY), 'AB/x.md').date, TODAY);
  });

  it('renders every built-in as snippet text that parses back to the same markdown', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      const text = renderSnippet(t, { client: 'A.B.', date: '2026-11-13' }, TODAY);
      assert.strictEqual(toMarkdown(parseSnippet(text), {}, TODAY), renderMarkdown(t, { client: 'A.B.', date: '2026-11-13' }, TODAY), t.id);
    }
  });

  it('offers choices in the snippet for the kind of miss, the markers and the part that led', () => {
    const text = renderSnippet(builtIn('rupture-reflection'), {}, TODAY);
    assert.match(text, /\$\{5\|\(not filled in\),withdrawal: short answers,/);
    // A moment often shows two markers: a second line offers the same choices (issue 26).
    assert.match(text, /^- \*\*Another marker, if there was one:\*\* \$\{6\|\(not filled in\),withdrawal: short answers,/m);
    assert.match(text, /\$\{9\|\(not filled in\),helper,fixer,manager,protector,creative,enthusiastic,educator,in my own words\|\}/);
    assert.match(text, /^## \$\{1:A few words on what happened\} #rupture\/open$/m);
  });

  it('uses warm words: never error, failure, violation, owed or overdue', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      assert.doesNotMatch(`${t.name} ${t.description} ${t.body}`, /\b(error|fail|failure|failed|violation|owed|overdue)s?\b/i, t.id);
    }
  });

  it('documents every variable the templates use', () => {
    const used = new Set<string>();
    for (const t of BUILT_IN_TEMPLATES) for (const m of t.body.matchAll(/\$\{([A-Z_]+)/g)) used.add(m[1]);
    const documented = Object.keys(TEMPLATE_VARIABLES);
    for (const name of used) assert.ok(documented.includes(name), name);
  });
});

describe('workspace templates', () => {
  it('overrides a built-in with a file of the same id, keeping its kind and status', () => {
    const merged = mergeTemplates([
      { path: '.attune/templates/Repair-Plan.md', text: '\uFEFF${SUBHEADING} My plan\r\n- **Opening line:** ${1:hello}\r\n\r\n\n' },
    ]);
    assert.strictEqual(merged.length, BUILT_IN_TEMPLATES.length);
    const plan = findTemplate(merged, 'repair-plan');
    assert.ok(plan);
    assert.strictEqual(plan.kind, 'followup');
    assert.strictEqual(plan.sets, 'planned');
    assert.strictEqual(plan.name, 'Repair plan');
    assert.strictEqual(plan.source, '.attune/templates/Repair-Plan.md');
    assert.match(plan.description, /\(from \.attune\/templates\/Repair-Plan\.md\)$/);
    assert.strictEqual(plan.body, '${SUBHEADING} My plan\n- **Opening line:** ${1:hello}');
    assert.strictEqual(renderMarkdown(plan, { level: 2 }, TODAY), '### My plan\n- **Opening line:** hello');
  });

  it('adds a new template as a section inserted at the cursor', () => {
    const merged = mergeTemplates([{ path: '.attune/templates/fee_talk.md', text: 'Fee: $120 for ${CLIENT:the client}\n' }]);
    const fee = findTemplate(merged, 'FEE_TALK');
    assert.ok(fee);
    assert.deepStrictEqual(
      [fee.id, fee.name, fee.kind, fee.sets, fee.description],
      ['fee_talk', 'Fee talk', 'section', undefined, 'From .attune/templates/fee_talk.md'],
    );
    assert.strictEqual(renderMarkdown(fee, {}, TODAY), 'Fee: $120 for the client');
    assert.strictEqual(renderMarkdown(fee, { client: 'A.B.' }, TODAY), 'Fee: $120 for A.B.');
    assert.strictEqual(renderSnippet(fee, {}, TODAY), 'Fee: \\$120 for the client');
  });

  it('shows a variable default when the client or title is not known', () => {
    const [t] = mergeTemplates([{ path: '.attune/templates/x.md', text: '${CLIENT:someone}|${TITLE:untitled}|${CLIENT}|${DATE}' }]).filter((x) => x.id === 'x');
    assert.strictEqual(renderMarkdown(t, {}, TODAY), 'someone|untitled||2026-11-20');
    assert.strictEqual(renderMarkdown(t, { client: '', title: '' }, TODAY), 'someone|untitled||2026-11-20');
    assert.strictEqual(renderMarkdown(t, { client: 'A.B.', title: 'Fee', date: '2026-11-13' }, TODAY), 'A.B.|Fee|A.B.|2026-11-13');
  });

  it('ignores files that are not markdown', () => {
    assert.strictEqual(mergeTemplates([{ path: '.attune/templates/notes.txt', text: 'x' }]).length, BUILT_IN_TEMPLATES.length);
  });

  it('returns the built-ins when there are no files, and finds nothing for an unknown id', () => {
    assert.deepStrictEqual(mergeTemplates([]), [...BUILT_IN_TEMPLATES]);
    assert.strictEqual(findTemplate(BUILT_IN_TEMPLATES, 'nope'), undefined);
  });
});
