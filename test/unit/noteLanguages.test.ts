// Issue 30, items 2, 3 and 6: templates, cards and the checklist in German, Spanish and
// French; fields and choices by key, so notes in every language count together; the keys
// in `attune list --json` and `attune patterns --json`.
import * as assert from 'assert';
import { parseSnippet, toMarkdown, type SnippetNode } from '../../src/core/reflection/snippet';
import {
  builtInTemplates,
  BUILT_IN_TEMPLATES,
  mergeTemplates,
  renderMarkdown,
  renderSnippet,
  SAFETY_FIRST_WORDS,
  type Template,
} from '../../src/core/reflection/templates';
import {
  boldLabel,
  choiceKey,
  fieldKey,
  fieldLabel,
  NOT_FILLED_IN_WORDS,
  NOTE_LANGUAGES,
  templateLanguage,
  type NoteLanguage,
} from '../../src/core/notes/fieldKeys';
import { isFilled } from '../../src/core/notes/fields';
import { indexNote, type IndexedNote, type Note, type RuptureEntry } from '../../src/core/notes/note';
import { patterns, entriesWith } from '../../src/core/patterns/patterns';
import { buildChecklist, hasChecklist, prepareChecklist, renderChecks } from '../../src/core/checklist/checklist';
import { isUnrepaired } from '../../src/core/notes/status';
import { waitsForThem } from '../../src/core/notes/theirPace';
import { wantsSupervision, supervisionQuestion, questionIn } from '../../src/core/supervision/deidentifySection';
import { recordScoreEdits } from '../../src/core/feedback/recordFeedback';
import { applyEdits } from '../../src/core/notes/edits';
import { noteScore } from '../../src/core/feedback/feedback';
import { hasOwnWriting } from '../../src/core/notes/written';
import { sessionSettings } from '../../src/core/notes/settings';
import { mendedLine } from '../../src/core/notes/mended';
import { readDocs } from './docs';
import { cli, parse, TempDirs, TODAY } from './helpers';

/** What VS Code leaves in the note when the therapist presses Esc at once: each choice list's first option, each default. */
function asInserted(t: Template): string {
  const firstOptions = (nodes: readonly SnippetNode[]): SnippetNode[] =>
    nodes.map((node) => {
      if (node.kind === 'choice') return { kind: 'text', value: node.options[0] ?? '' };
      if (node.kind === 'tabstop') return { ...node, children: firstOptions(node.children) };
      if (node.kind === 'variable' && node.children) return { ...node, children: firstOptions(node.children) };
      return node;
    });
  return toMarkdown(firstOptions(parseSnippet(t.body)), { HEADING: '##', SUBHEADING: '###', DATE: TODAY }, TODAY);
}

/** Every choice list of a template, however deep. */
function choices(nodes: readonly SnippetNode[]): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (const n of nodes) {
    if (n.kind === 'choice') out.push(n.options);
    else if (n.kind === 'tabstop') out.push(...choices(n.children));
    else if (n.kind === 'variable' && n.children) out.push(...choices(n.children));
  }
  return out;
}

/** A template's text, inserted under a rupture heading when it follows one, as a note. */
function asNote(t: Template): Note {
  const text = asInserted(t);
  return parse(t.kind === 'followup' ? `## Something happened #rupture/open\n\n${text}` : text, 'AB/2026-11-20.md');
}

function allFields(note: Note) {
  return [...note.fields, ...note.entries.flatMap((e) => e.fields)];
}

const NONE: Readonly<Record<NoteLanguage, string>> = { en: '(not filled in)', de: '(nicht ausgefüllt)', es: '(sin rellenar)', fr: '(non renseigné)' };

/** Every field that has choices, by key. */
const KEYS_OF_CHOICES = [
  'kind-of-miss',
  'markers',
  'my-reaction',
  'part',
  'part-wanted',
  'repair-plan',
  'take-to-supervision',
  'in-the-moment',
  'approach',
  'repair-moves',
  'what-i-will-own',
  'invite-their-side',
  'pace',
  'what-i-did',
  'did-they-look-after-me',
  'where-it-stands',
  'why-closing',
  'patterns-noticed',
];

describe('templates in four languages (issue 30)', () => {
  it("chooses the template language from the setting, else from VS Code's display language, else English", () => {
    assert.strictEqual(templateLanguage('match VS Code', 'de'), 'de');
    assert.strictEqual(templateLanguage('match VS Code', 'es-419'), 'es');
    assert.strictEqual(templateLanguage(undefined, 'fr-CA'), 'fr');
    assert.strictEqual(templateLanguage('fr', 'de'), 'fr');
    assert.strictEqual(templateLanguage('match VS Code', 'pt-br'), 'en');
    assert.strictEqual(templateLanguage('klingon', 'ja'), 'en');
  });

  for (const language of NOTE_LANGUAGES) {
    describe(language, () => {
      const templates = builtInTemplates(language);

      it('renders every built-in template, as a snippet and as markdown', () => {
        assert.deepStrictEqual(
          templates.map((t) => t.id),
          BUILT_IN_TEMPLATES.map((t) => t.id),
        );
        for (const t of templates) {
          assert.ok(renderSnippet(t, { client: 'C104' }, TODAY).length > 0, t.id);
          const md = renderMarkdown(t, { client: 'C104' }, TODAY);
          assert.ok(!md.includes('${'), `${t.id}: a placeholder left in the markdown`);
        }
        const reflection = renderMarkdown(templates[0], {}, TODAY);
        // The tag keeps its English status words in every language.
        assert.match(reflection, /#rupture\/open$/m);
        assert.match(renderMarkdown(templates.find((t) => t.id === 'in-session-repair') as Template, {}, TODAY), /#rupture\/repaired$/m);
      });

      it('writes the safety sentence and "(not filled in)" in its own language', () => {
        const plan = templates.find((t) => t.id === 'repair-plan') as Template;
        assert.ok(plan.body.includes(SAFETY_FIRST_WORDS[NOTE_LANGUAGES.indexOf(language)]));
        for (const t of templates)
          for (const options of choices(parseSnippet(t.body))) assert.strictEqual(options[0], NONE[language], `${t.id}: ${options.join(',')}`);
        assert.strictEqual(NOT_FILLED_IN_WORDS[NOTE_LANGUAGES.indexOf(language)], NONE[language]);
      });

      it('maps every field label of every template to a key, and every choice to a choice key', () => {
        for (const t of templates) {
          const note = asNote(t);
          for (const f of allFields(note)) assert.ok(fieldKey(f.label), `${t.id}: "${f.label}" has no key`);
          for (const options of choices(parseSnippet(t.body))) {
            for (const o of options.slice(1))
              assert.ok(
                Object.values(KEYS_OF_CHOICES).some((k) => choiceKey(k, o)),
                `${t.id}: "${o}" has no choice key`,
              );
          }
        }
      });

      it('holds no score and no answer: inserted as it is, every field reads as not filled in', () => {
        for (const t of templates) {
          const note = asNote(t);
          for (const f of allFields(note)) {
            if (fieldKey(f.label) === 'if-they-look-after-me') continue; // the template's own guidance
            assert.strictEqual(isFilled(f.value), false, `${t.id}: "${f.label}" reads as answered: ${f.value}`);
          }
          // No number stands in a template's text, so no score can be carried into a note.
          assert.doesNotMatch(t.body.replace(/\$\{\d+/g, ''), /\b\d+\s*(?:\/|of|von|de|sur)\s*\d+/, t.id);
          // A session note inserted and left as it is was not a session held.
          if (t.kind === 'note') assert.strictEqual(hasOwnWriting(asInserted(t), note.frontMatterEnd), false, t.id);
        }
      });

      it('reads its own follow-up headings, opening line, and feedback fields', () => {
        const reflection = asInserted(templates[0]);
        const plan = asInserted(templates.find((t) => t.id === 'repair-plan') as Template);
        const attempt = asInserted(templates.find((t) => t.id === 'repair-attempt') as Template);
        const opening = `${boldLabel(fieldLabel('opening-line', language), language)} `;
        const note = parse(`${reflection}\n${plan.replace(`${opening}${NONE[language]}`, `${opening}"…"`)}\n${attempt}`, 'AB/2026-11-10.md');
        assert.deepStrictEqual(
          note.entries[0].followUps.map((f) => f.kind),
          ['plan', 'attempt'],
          language,
        );
        assert.strictEqual(note.entries[0].opener, '…', language);
        const session = asNote(templates.find((t) => t.id === 'session-note') as Template);
        assert.deepStrictEqual(
          session.feedback.map((f) => fieldKey(f.label)),
          ['feedback-heard', 'feedback-score'],
        );
      });
    });
  }

  it('keeps the English templates as they were, and a workspace file still overrides a built-in in any language', () => {
    assert.strictEqual(builtInTemplates('en'), BUILT_IN_TEMPLATES);
    const merged = mergeTemplates([{ path: '.attune/templates/checklist.md', text: '- [ ] Wasser auf den Tisch' }], 'de');
    assert.strictEqual(merged.find((t) => t.id === 'checklist')?.body, '- [ ] Wasser auf den Tisch');
    assert.strictEqual(merged.find((t) => t.id === 'repair-plan')?.name, 'Reparaturplan');
  });
});

// One client, four notes, each written in another language by hand, as a therapist would.
const MIXED: Readonly<Record<string, string>> = {
  'C104/2026-10-02.md': [
    '---',
    'client: C104',
    'date: 2026-10-02',
    '---',
    '',
    '## Suggested the exercise too soon #rupture/planned',
    '',
    '- **Kind of miss:** too deep too soon',
    '- **Markers:** withdrawal: going quiet',
    '- **The part of me that led:** helper, wanting to connect',
    '- **Opening line:** "I have been thinking about the exercise."',
    '- **Take it to supervision?** yes',
    '- **My question for supervision:** How do I slow down?',
    '',
  ].join('\n'),
  'C104/2026-10-09.md': [
    '---',
    'client: C104',
    'date: 2026-10-09',
    '---',
    '',
    '## Übung zu früh vorgeschlagen #rupture/open',
    '',
    '- **Art des Bruchs:** zu tief, zu früh',
    '- **Marker:** Rückzug: Verstummen',
    '- **Der Anteil in mir, der geführt hat:** Helfer',
    '- **Einstiegssatz:** „Ich habe über die Übung nachgedacht.“',
    '- **In die Supervision mitnehmen?** ja',
    '',
    '## Zwischen uns',
    '',
    '- **Wert der Allianz-Rückmeldung (falls wir einen nutzen):** 34/40',
    '',
    '## Nächstes Mal',
    '',
    '- Nach dem Umzug fragen',
    '',
  ].join('\n'),
  'C104/2026-10-16.md': [
    '---',
    'client: C104',
    'date: 2026-10-16',
    '---',
    '',
    '## Demasiado pronto otra vez #rupture/attempted',
    '',
    '- **Tipo de desajuste:** demasiado hondo, demasiado pronto',
    '- **Marcadores:** retirada: respuestas breves',
    '- **La parte de mí que tomó la delantera:** ayudante',
    '- **Frase de apertura:** He estado pensando en el ejercicio.',
    '',
    '### Intento de reparación, 2026-10-20',
    '',
    '- **Cómo le llegó:** Se relajó y habló más.',
    '- **Dónde está ahora:** todavía se está asentando; lo tendré presente',
    '',
  ].join('\n'),
  'C104/2026-10-23.md': [
    '---',
    'client: C104',
    'date: 2026-10-23',
    '---',
    '',
    '## Trop tôt, encore #rupture/open',
    '',
    '- **Type de mésaccordage :** trop profond, trop tôt',
    '- **Marqueurs :** retrait : silence',
    '- **La part de moi qui a mené :** aidant',
    "- **Phrase d'ouverture :** J'ai repensé à l'exercice.",
    '',
    '## Entre nous',
    '',
    '- **Score d’alliance (si nous en utilisons un) :** 30/40',
    "- **Retour demandé, et ce que j'ai entendu :** « un peu vite »",
    '',
    '## La prochaine fois',
    '',
    '- Demander comment était la semaine',
    '',
  ].join('\n'),
};

function mixedNotes(): IndexedNote[] {
  return Object.entries(MIXED).map(([path, text]) => indexNote(text, { path, folderName: 'C104', fileName: path.split('/')[1] }));
}

describe('notes in four languages count together (issue 30)', () => {
  it('gives one combined patterns table: one row per kind, part and marker, with its key', () => {
    const p = patterns(mixedNotes());
    assert.strictEqual(p.ruptures, 4);
    assert.deepStrictEqual(
      p.byKind.map((r) => [r.key, r.count]),
      [['too-deep-too-soon', 4]],
    );
    assert.deepStrictEqual(
      p.byPart.map((r) => [r.key, r.count]),
      [['helper', 4]],
    );
    assert.deepStrictEqual(
      p.byMarker.map((r) => [r.key, r.count]),
      [
        ['withdrawal-going-quiet', 3],
        ['withdrawal-short-answers', 1],
      ],
    );
    // The row shows one writing of the value, and lists every note that holds it, in any language.
    assert.strictEqual(entriesWith(mixedNotes(), 'kind', p.byKind[0].value).length, 4);
  });

  it("gives one checklist: every language's rupture with its opening line, last time's lines and feedback", () => {
    const notes = mixedNotes();
    const byClient = {
      unrepaired: () => notes.flatMap((n) => n.entries).filter((e) => isUnrepaired(e.status)),
      held: (): RuptureEntry[] => [],
      notesOf: () => [...notes].sort((a, b) => ((b.date ?? '') < (a.date ?? '') ? -1 : 1)),
    };
    for (const language of NOTE_LANGUAGES) {
      const { checklist } = prepareChecklist({
        notes: byClient,
        client: 'C104',
        today: '2026-10-30',
        notePath: 'C104/2026-10-30.md',
        noteText: (path) => MIXED[path],
        templates: mergeTemplates([], language),
        settings: sessionSettings(() => undefined),
        language,
      });
      const ruptures = checklist.items.filter((i) => i.kind === 'rupture');
      assert.strictEqual(ruptures.length, 4, language);
      // The Spanish attempt shows how it landed; the others their opening line, whatever language it was written in.
      for (const opener of ['I have been thinking about the exercise.', 'Ich habe über die Übung nachgedacht.', "J'ai repensé à l'exercice."]) {
        assert.ok(checklist.markdown.includes(opener), `${language}: ${opener}`);
      }
      assert.ok(checklist.markdown.includes('Se relajó y habló más.'), language);
      // "La prochaine fois" carries forward from the latest earlier note.
      assert.deepStrictEqual(
        checklist.items.filter((i) => i.kind === 'fromLastTime').map((i) => i.text),
        ['Demander comment était la semaine'],
      );
      // Scores from the German and the French note, and the words heard in the French one.
      assert.ok(checklist.markdown.includes('34/40 (2026-10-09), 30/40 (2026-10-23)'), language);
      assert.ok(checklist.markdown.includes('« un peu vite »'), language);
      assert.ok(hasChecklist(checklist.markdown), language);
    }
  });

  it('writes the checklist section in the template language', () => {
    const notes = mixedNotes();
    const entries = notes.flatMap((n) => n.entries).filter((e) => isUnrepaired(e.status));
    const de = buildChecklist({
      client: 'C104',
      today: '2026-10-30',
      entries,
      notePath: 'C104/2026-10-30.md',
      checks: renderChecks(builtInTemplates('de'), 'C104', '2026-10-30'),
      language: 'de',
    });
    assert.match(de.markdown, /^## Vor der Sitzung\n\nSicherheit zuerst:/);
    assert.match(de.markdown, /- \[ \] Vielleicht wieder aufgreifen: \[Übung zu früh vorgeschlagen\]\[revisit \d\] \(offen, notiert am 9\. Okt\.\)/);
    assert.ok(de.markdown.includes('- [ ] Mein eigener Zustand heute'));
    const fr = buildChecklist({ client: 'C104', today: '2026-10-30', entries: [], notePath: 'C104/2026-10-30.md', checks: '', language: 'fr' });
    assert.strictEqual(fr.markdown.split('\n\n')[2], "Rien n'attend de réparation avec C104 pour l'instant.");
    // A note holding the German section is never given a second one.
    assert.ok(hasChecklist(`# Sitzung\n\n${de.markdown}\n`));
    assert.strictEqual(hasOwnWriting(`${de.markdown}\n`, -1), false);
  });

  it('reads waiting at their pace, supervision and the supervision question in every language', () => {
    const wait = (line: string): boolean => waitsForThem(parse(`## x #rupture/attempted\n### Reparaturversuch, 2026-11-01\n${line}\n`).entries[0]);
    assert.strictEqual(wait('- **Wo es steht:** mein Gegenüber ist noch nicht bereit; ich warte in seinem Tempo'), true);
    assert.strictEqual(wait('- **Dónde está ahora:** todavía no es su momento; esperaré a su ritmo'), true);
    assert.strictEqual(wait("- **Où en est-on :** la personne n'est pas prête ; j'attendrai à son rythme"), true);
    assert.strictEqual(wait('- **Wo es steht:** es fühlt sich repariert an'), false);
    const entry = (text: string): RuptureEntry => parse(`## x #rupture/open\n${text}\n`).entries[0];
    assert.strictEqual(wantsSupervision(entry('- **In die Supervision mitnehmen?** ja')), true);
    assert.strictEqual(wantsSupervision(entry('- **¿Llevarlo a supervisión?** sí')), true);
    assert.strictEqual(wantsSupervision(entry("- **L'apporter en supervision ?** oui")), true);
    assert.strictEqual(wantsSupervision(entry("- **L'apporter en supervision ?** pas encore")), false);
    assert.strictEqual(supervisionQuestion(entry('- **Meine Frage für die Supervision:** Wie werde ich langsamer?')), 'Wie werde ich langsamer?');
    assert.strictEqual(questionIn('- **Ma question pour la supervision :** Comment ralentir ?\n'), 'Comment ralentir ?');
    assert.strictEqual(questionIn('- **Mi pregunta para la supervisión:** (sin rellenar)\n'), undefined);
  });

  it('records a score in a German session note under "Zwischen uns", in German', () => {
    const text = '# Sitzung 2026-10-09\n\n## Zwischen uns\n\n- **Was sich zwischen uns schief angefühlt hat:** nichts\n\n## Nächstes Mal\n';
    const result = recordScoreEdits(text, { score: 33, max: 40 });
    assert.strictEqual(result?.kind, 'field');
    const after = applyEdits(text, result.edits);
    assert.ok(after.includes('- **Was sich zwischen uns schief angefühlt hat:** nichts\n- **Wert der Allianz-Rückmeldung:** 33/40\n'), after);
    assert.deepStrictEqual(noteScore(parse(after)), { score: 33, max: 40, line: 5 });
  });
});

describe('the German, Spanish and French words, as a clinician writing in them reads them (issue 30)', () => {
  it('French labels put a space before the colon, as French is written, and still read as their fields', () => {
    for (const t of builtInTemplates('fr')) {
      const bare = [...t.body.matchAll(/\*\*([^*\n]*[^ *\n]):\*\*/g)].map((m) => m[1]);
      assert.deepStrictEqual(bare, [], `${t.id}: labels with no space before their colon`);
    }
    const reflection = renderMarkdown(builtInTemplates('fr')[0], {}, TODAY);
    assert.match(reflection, /^- \*\*Type de mésaccordage :\*\* \(non renseigné\)/m);
    assert.ok(allFields(asNote(builtInTemplates('fr')[0])).every((f) => fieldKey(f.label)));
    const session = renderMarkdown(builtInTemplates('fr').find((t) => t.id === 'session-note') as Template, { client: 'C104' }, TODAY);
    assert.match(session, /^- \*\*Score d'alliance \(si nous en utilisons un\) :\*\* $/m);
    // A score recorded in a French session note is written the same way; German keeps its colon as German writes it.
    const text = '# Séance\n\n## Entre nous\n\n- **Ce qui a sonné faux entre nous :** rien\n';
    const after = applyEdits(text, recordScoreEdits(text, { score: 33, max: 40 })!.edits);
    assert.ok(after.endsWith("- **Ce qui a sonné faux entre nous :** rien\n- **Score d'alliance :** 33/40\n"), after);
    assert.deepStrictEqual(noteScore(parse(after)), { score: 33, max: 40, line: 5 });
    assert.match(renderMarkdown(builtInTemplates('de')[0], {}, TODAY), /^- \*\*Art des Bruchs:\*\* /m);
  });

  it('writes one kind of apostrophe in the French templates', () => {
    for (const t of builtInTemplates('fr')) assert.ok(!t.body.includes('\u2019'), `${t.id} mixes ’ with '`);
  });

  it('German: advice "aufgedrängt" (pressed on someone); a note with the earlier wording still counts as that choice', () => {
    const reflection = renderMarkdown(builtInTemplates('de')[0], {}, TODAY);
    assert.ok(reflection.includes(' / Ratschläge aufgedrängt oder zu viel geredet / '));
    assert.ok(!reflection.includes('Ratschläge gedrängt'));
    assert.strictEqual(choiceKey('kind-of-miss', 'Ratschläge gedrängt oder zu viel geredet'), 'advice-or-talking');
    assert.strictEqual(choiceKey('kind-of-miss', 'Ratschläge aufgedrängt oder zu viel geredet'), 'advice-or-talking');
  });

  it('"Mark repaired" writes what told me it is mended in the template language, a field with its key', () => {
    const text = '## Zu früh #rupture/repaired\n\n- **Wie es angekommen ist:** weicher\n';
    const entry = parse(text, 'DE1/2026-11-20.md').entries[0];
    const said: Record<NoteLanguage, string> = {
      en: '- **What told me it is mended:** sie kam selbst darauf zurück (2026-11-29)',
      de: '- **Woran ich gemerkt habe, dass es sich wieder heil anfühlt:** sie kam selbst darauf zurück (2026-11-29)',
      es: '- **Lo que me indicó que se siente reparada:** sie kam selbst darauf zurück (2026-11-29)',
      fr: "- **Ce qui m'a dit que c'est réparé :** sie kam selbst darauf zurück (2026-11-29)",
    };
    for (const language of NOTE_LANGUAGES) {
      const after = applyEdits(text, [mendedLine(text, entry, 'sie kam selbst darauf zurück', '2026-11-29', language)!]);
      assert.strictEqual(after, `${text}${said[language]}\n`, language);
      const field = parse(after, 'DE1/2026-11-20.md').entries[0].fields.at(-1);
      assert.strictEqual(fieldKey(field?.label ?? ''), 'what-told-me-mended', language);
    }
  });

  it('docs/note-format.md gives each key its labels exactly as Attune reads and writes them', () => {
    const rows = [...readDocs().matchAll(/^\| `([a-z-]+)` \| (.+?)(?: \(and any label that starts so\))? \|$/gm)];
    const fieldRows = rows.filter((m) => m[2].split(' · ').length === 4 && fieldKey(m[2].split(' · ')[0]) === m[1]);
    assert.ok(fieldRows.length >= 40, `${fieldRows.length} rows found`);
    for (const [, key, labels] of fieldRows)
      assert.deepStrictEqual(
        labels.split(' · '),
        NOTE_LANGUAGES.map((l) => fieldLabel(key, l)),
        key,
      );
    assert.ok(
      fieldRows.some((m) => m[1] === 'what-told-me-mended'),
      'the mended line is in the table',
    );
  });
});

describe('the command line carries the keys (issue 30)', () => {
  const temp = new TempDirs();
  after(() => temp.cleanup());

  it('attune list --json gives each field its key beside the label as written', () => {
    const dir = temp.make(MIXED);
    const r = cli(['list', dir, '--json'], dir);
    assert.strictEqual(r.code, 0);
    const rows = JSON.parse(r.out) as { title: string; fields: { label: string; key: string | null; value: string; line: number }[] }[];
    const german = rows.find((e) => e.title === 'Übung zu früh vorgeschlagen');
    assert.deepStrictEqual(german?.fields[0], { label: 'Art des Bruchs', key: 'kind-of-miss', value: 'zu tief, zu früh', line: 8 });
    assert.deepStrictEqual(Object.keys(german?.fields[0] ?? {}), ['label', 'key', 'value', 'line']);
    const keys = rows.map((e) => e.fields.find((f) => f.key === 'kind-of-miss')?.label);
    assert.deepStrictEqual(keys, ['Kind of miss', 'Art des Bruchs', 'Tipo de desajuste', 'Type de mésaccordage']);
    const own = temp.make({ 'AB/2026-11-01.md': '## x #rupture/open\n- **My own label:** words\n' });
    assert.strictEqual(JSON.parse(cli(['list', own, '--json'], own).out)[0].fields[0].key, null);
  });

  it('attune patterns --json gives each value its choice key, and the text output stays English', () => {
    const dir = temp.make(MIXED);
    const r = cli(['patterns', dir, '--json'], dir);
    assert.strictEqual(r.code, 0);
    const p = JSON.parse(r.out);
    assert.deepStrictEqual(Object.keys(p.byKind[0]), ['value', 'key', 'count', 'unrepaired', 'repaired', 'closed']);
    assert.deepStrictEqual(
      p.byKind.map((v: { key: string; count: number }) => [v.key, v.count]),
      [['too-deep-too-soon', 4]],
    );
    const text = cli(['patterns', dir], dir);
    assert.match(text.out, /Kinds of miss/);
    assert.match(text.out, /4 ruptures noted across 4 sessions/);
  });
});
