import * as assert from 'assert';
import {
  BUILT_IN_CUES,
  builtInCues,
  findCues,
  lineForReflection,
  NOT_A_RUPTURE_BY_ITSELF,
  readUserCues,
  compileCues,
  SAFETY_FIRST,
} from '../../src/core/cues/cues';
import { hintLanguage, hintReason, notARuptureByItself } from '../../src/core/cues/cueTexts';
import { hasRiskLanguage } from '../../src/core/safety/riskLanguage';
import { parse } from './helpers';
import { readDocs } from './docs';

function ids(text: string): string[] {
  return findCues(text, parse(text), builtInCues()).map((h) => h.cue);
}

/** Per language and cue: sentences where the cue fires, each in that language's own quotation marks. */
const FIRES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  de: {
    'not-exactly': ['Sie sagte: „Nicht wirklich.“', '»Nicht ganz«, meinte er.', 'Als ich die Übung vorschlug, sagte sie: „Nicht wirklich.“'],
    well: ['„Naja... vielleicht“, sagte sie.'],
    dismissive: ['„Egal.“', 'Er zuckte mit den Schultern: »Wie Sie meinen.«'],
    'wants-to-leave': ['„Können wir aufhören?“', 'Sie schaute ständig auf die Uhr.'],
    'went-quiet': ['Sie wurde still, als ich das Honorar ansprach.', 'Er verstummte, als ich das Honorar ansprach.'],
    'changed-subject': ['Dann wechselte sie das Thema.', 'Als ich nach ihrem Vater fragte, wechselte sie das Thema.'],
    polite: ['Er nickte höflich.'],
    'stopped-crying': ['Sie hörte sofort auf zu weinen, als ich den Plan erklärte.'],
    'late-or-missed': ['Sie kam 20 Minuten zu spät.', 'Er hat die Stunde abgesagt.'],
    'not-helping': ['Sie sagte: „Die Therapie bringt mir nichts.“', '„Das hier hilft nicht.“'],
    'dont-understand': ['„Sie verstehen mich nicht.“', 'Er sagte: ‚Du hörst mir nicht zu.‘'],
    'whats-the-point': ['„Wozu komme ich überhaupt hierher?“'],
    'too-fast': ['„Das geht mir zu schnell.“'],
    'like-an-object': ['„Ich fühle mich wie ein Objekt.“'],
    cold: ['„Sie waren so kalt, als es um das Honorar ging.“'],
    'stop-therapy': ['„Ich will die Therapie abbrechen.“'],
    'upset-with-me': ['Sie war wütend auf mich.', '„Ich bin sauer auf Sie.“'],
    defensive: ['Ich war defensiv.'],
    rushed: ['Ich war zu schnell.'],
    irritated: ['Ich war gereizt.'],
    'too-much-talking': ['Ich habe zu viel geredet.'],
  },
  es: {
    'not-exactly': ['Dijo: «No exactamente».', '“No del todo”, contestó.', 'Cuando propuse el ejercicio, dijo: «No exactamente».'],
    well: ['«Bueno... no sé», dijo.'],
    dismissive: ['«Lo que sea».', '«Como usted diga».'],
    'wants-to-leave': ['«¿Podemos parar?»', 'Miraba el reloj todo el rato.'],
    'went-quiet': ['Se quedó callada cuando mencioné la tarifa.', 'Se calló.'],
    'changed-subject': ['Entonces cambió de tema.'],
    polite: ['Asintió educadamente.'],
    'stopped-crying': ['Dejó de llorar en cuanto le expliqué el plan.'],
    'late-or-missed': ['Llegó 20 minutos tarde.', 'Canceló la sesión.'],
    'not-helping': ['Dijo: «La terapia no me ayuda».', '«Esto no sirve».'],
    'dont-understand': ['«Usted no me entiende».', 'Me dijo: “No me escuchas”.'],
    'whats-the-point': ['«¿Para qué vengo?»'],
    'too-fast': ['«Vamos demasiado rápido».'],
    'like-an-object': ['«Me siento como un objeto».'],
    cold: ['«Usted fue muy fría con lo del pago».'],
    'stop-therapy': ['«Quiero dejar la terapia».'],
    'upset-with-me': ['Estaba enfadada conmigo.', '«Estoy molesta con usted».'],
    defensive: ['Me puse a la defensiva cuando habló del pago.'],
    rushed: ['Me apresuré.'],
    irritated: ['Me sentí irritada.'],
    'too-much-talking': ['Hablé demasiado.'],
  },
  fr: {
    'not-exactly': ['Elle a dit : « Pas vraiment. »', '« Pas tout à fait », répondit-il.'],
    well: ['« Ben... je ne sais pas », dit-elle.'],
    dismissive: ['« Bof. »', '« Comme vous voulez. »'],
    'wants-to-leave': ['« On peut arrêter ? »', 'Elle regardait sa montre.'],
    'went-quiet': ["Elle s'est tue quand j'ai parlé des honoraires.", 'Il est devenu silencieux.'],
    'changed-subject': ['Puis elle a changé de sujet.'],
    polite: ['Il hocha poliment la tête.'],
    'stopped-crying': ["Elle a arrêté de pleurer dès que j'ai expliqué le plan."],
    'late-or-missed': ['Elle est arrivée 20 minutes en retard.', 'Il a annulé la séance.'],
    'not-helping': ['Elle a dit : « La thérapie ne sert à rien. »', "« Vous ne m'aidez pas. »"],
    'dont-understand': ['« Vous ne me comprenez pas. »', "Il m'a dit : “Tu ne m'écoutes pas.”"],
    'whats-the-point': ['« Pourquoi je viens encore ici ? »'],
    'too-fast': ['« On va trop vite. »'],
    'like-an-object': ['« Je me sens comme un objet. »'],
    cold: ['« Vous avez été si froide pour le paiement. »'],
    'stop-therapy': ['« Je veux arrêter la thérapie. »'],
    'upset-with-me': ['Elle était en colère contre moi.', '« Je suis fâchée contre vous. »'],
    defensive: ['Je me suis sentie sur la défensive.'],
    rushed: ['Je suis allée trop vite.'],
    irritated: ["J'étais agacée."],
    'too-much-talking': ["J'ai trop parlé."],
  },
};

/** Their near twins: the same words about the client's life, in someone else's mouth, or to someone else. */
const SILENT: Readonly<Record<string, readonly string[]>> = {
  de: [
    '„Mein Mann versteht mich nicht.“',
    'Ihre Mutter sagte: „Du hörst mir nicht zu.“',
    '„Du hörst mir nicht zu“, sagte ihre Mutter.',
    '„Du verstehst mich nicht, Mama“, erzählte sie.',
    '„Meine Eltern? sie verstehen mich nicht.“',
    'Ihr Vater wurde still, als sie davon erzählte.',
    'Sie wurde still, als ihr Bruder anrief.',
    'Ihr Chef wechselte das Thema.',
    '„Ich war gereizt“, sagte sie über ihren Chef.',
    'Sie sagte: „Ich war gereizt.“',
    '„Nicht wirklich sicher bin ich mir.“',
    '„Egal, was mein Mann sagt, ich bleibe.“',
    '„Mein Mann behandelt mich wie ein Objekt.“',
    'Sie war wütend auf sie.',
    '„Sie waren so kalt“, sagte sie über den Stau.',
    '„Kann ich jetzt gehen?“, habe ihr Sohn nach dem Zahnarzt gefragt.',
    'Ihr Chef wechselte das Thema, als sie nach der Beförderung fragte.',
  ],
  es: [
    '«Mi marido no me entiende».',
    'Su madre dijo: «No me escuchas».',
    '«No me escuchas», dijo su madre.',
    '«No me entiendes, mamá», contó.',
    'Su padre se quedó callado.',
    'Su jefe cambió de tema.',
    'Se quedó callada cuando su hermana llamó.',
    '«Me apresuré para llegar al tren», dijo.',
    '«No exactamente seguro de lo que quiero».',
    '«Mi novio me trata como un objeto».',
    'Su madre estaba enfadada conmigo.',
    '«No me tomas en serio», le dijo a su madre por teléfono.',
    '«Usted fue muy fría», dijo sobre la vecina.',
  ],
  fr: [
    '« Mon mari ne me comprend pas. »',
    "Sa mère a dit : « Tu ne m'écoutes pas. »",
    "« Tu ne m'écoutes pas », dit sa mère.",
    "« Tu ne m'écoutes pas, maman », a-t-elle raconté.",
    "Son père s'est tu.",
    'Son patron a changé de sujet.',
    "Elle s'est tue quand sa sœur a appelé.",
    "« J'étais agacée », dit-elle à propos de son patron.",
    '« Pas vraiment sûre de ce que je veux. »',
    '« Mon mari me traite comme un objet. »',
    '« Je peux partir ? », a demandé son fils après le dentiste.',
    'Son patron a changé de sujet en réunion quand elle a demandé sa promotion.',
    '« Tu ne me prends pas au sérieux », a-t-elle dit à sa mère au téléphone.',
  ],
};

describe('cue hints in German, Spanish and French', () => {
  for (const lang of ['de', 'es', 'fr']) {
    describe(lang, () => {
      it("fires where its rule holds, in the language's own quotation marks", () => {
        for (const [cue, sentences] of Object.entries(FIRES[lang])) {
          for (const sentence of sentences) assert.deepStrictEqual(ids(`# Sitzung\n\n${sentence}\n`), [cue], sentence);
        }
      });

      it("stays silent on its near twins: about someone else's life, or in someone else's words", () => {
        for (const sentence of SILENT[lang]) assert.deepStrictEqual(ids(`# Sitzung\n\n${sentence}\n`), [], sentence);
      });
    });
  }

  it('documents which cues exist in which language, with their rules and figures', () => {
    const docs = readDocs();
    const at = docs.indexOf('## German, Spanish and French');
    assert.ok(at >= 0);
    const section = docs.slice(at, docs.indexOf('\n## ', at + 1));
    for (const cue of BUILT_IN_CUES) assert.ok(section.includes(`\`${cue.id}\``), cue.id);
    for (const words of ['names us', 'client did', 'False alarms per 100 lines', '„…“', '»…«', '«…»', 'display language'])
      assert.ok(section.includes(words), words);
  });

  it('lists for every language which cues have phrases, and every cue has German, Spanish and French phrases', () => {
    for (const cue of BUILT_IN_CUES) {
      const langs = new Set(cue.phrases.map((p) => p.lang ?? 'en'));
      assert.deepStrictEqual([...langs].sort(), ['de', 'en', 'es', 'fr'], cue.id);
      for (const lang of ['de', 'es', 'fr']) assert.ok(FIRES[lang][cue.id], `an example in ${lang} for ${cue.id}`);
    }
  });

  it("reads German »…« and ›…‹ quotes as the client's words and French « … » with their spaces", () => {
    assert.deepStrictEqual(ids('# S\n\nSie sagte »Die Therapie bringt nichts« und wurde still.\n'), ['not-helping', 'went-quiet']);
    assert.deepStrictEqual(ids('# S\n\nIhre Mutter sagte ›Du hörst mir nicht zu‹.\n'), []);
    assert.deepStrictEqual(ids("# S\n\nElle a dit « Vous ne me comprenez pas » puis elle s'est tue.\n"), ['dont-understand', 'went-quiet']);
  });

  describe('safety first', () => {
    const RISK: Readonly<Record<string, readonly string[]>> = {
      de: [
        'Ich will nicht mehr leben.',
        'Sie hat Suizidgedanken.',
        'Ich möchte einfach sterben.',
        'Er hat sich wieder geritzt.',
        'Alles ist hoffnungslos.',
        'Ich werde mich umbringen.',
        'Es hat keinen Sinn mehr zu leben.',
        'Sie ist lebensmüde.',
        'Ich wäre besser tot.',
        'Ich will allem ein Ende setzen.',
      ],
      es: [
        'Quiero morirme.',
        'No quiero seguir viviendo.',
        'Pensé en quitarme la vida.',
        'Tengo ganas de morir.',
        'Me corto los brazos.',
        'Habló de autolesiones.',
        'Me siento sin esperanza.',
        'Quiero acabar con todo.',
        'Tiene ideación suicida.',
        'Tomó una sobredosis.',
      ],
      fr: [
        'Je veux mourir.',
        "J'ai envie de mourir.",
        'Je ne veux plus vivre.',
        'Je pense à en finir.',
        'Elle a des idées suicidaires.',
        'Elle se scarifie.',
        'Je suis sans espoir.',
        'Je vais me tuer.',
        'Le désespoir la submerge.',
        'Je veux me faire du mal.',
      ],
    };
    const ABSENCE: Readonly<Record<string, readonly string[]>> = {
      de: [
        'Keine Suizidgedanken.',
        'Verneint Suizidalität.',
        'Distanziert sich glaubhaft von Suizidalität.',
        'Keine akute Suizidalität.',
        'Keine Selbstverletzung.',
      ],
      es: ['Niega ideación suicida.', 'Sin ideación suicida.', 'No presenta ideación suicida.', 'Niega autolesiones.'],
      fr: ["Pas d'idées suicidaires.", 'Nie des idées suicidaires.', 'Aucune idée suicidaire.', "Absence d'idées suicidaires."],
    };
    const ORDINARY = [
      'Sie will nach Hause.',
      'Quiero ir a casa.',
      'Je veux partir.',
      'Das bringt mich um den Schlaf.',
      'Esto no tiene sentido.',
      'Je suis morte de rire.',
      'I will take my tot to school.',
    ];

    it('knows the words of risk and hopelessness in each language, and their clinical wording of an absence', () => {
      for (const lang of ['de', 'es', 'fr']) {
        for (const t of RISK[lang]) assert.ok(hasRiskLanguage(t), t);
        for (const t of ABSENCE[lang]) assert.ok(!hasRiskLanguage(t), t);
      }
      for (const t of ORDINARY) assert.ok(!hasRiskLanguage(t), t);
    });

    it('turns a relationship cue beside words of risk into safety-first, never a relationship hint', () => {
      for (const sentence of [
        'Sie sagte: „Die Therapie bringt nichts, ich will nicht mehr leben.“',
        '„Sie verstehen mich nicht. Ich will einfach sterben.“',
        'Sie wurde still, als ich nach den Suizidgedanken fragte.',
        '«Usted no me entiende, quiero morirme».',
        'Se quedó callada cuando le pregunté por las autolesiones.',
        '« Vous ne me comprenez pas, je veux mourir. »',
        "Elle s'est tue quand j'ai parlé de ses idées suicidaires.",
        '« La thérapie ne sert à rien, tout est sans espoir. »',
      ]) {
        const text = `# S\n\n${sentence}\n`;
        const hints = findCues(text, parse(text), builtInCues());
        assert.deepStrictEqual(
          hints.map((h) => [h.cue, h.kind]),
          [['safety-first', 'safety']],
          sentence,
        );
      }
      // A cue beside the clinical wording of an absence counts as usual.
      assert.deepStrictEqual(ids('# S\n\nKeine Suizidgedanken. Sie wurde still, als ich das Honorar ansprach.\n'), ['went-quiet']);
      assert.deepStrictEqual(ids('# S\n\nNiega ideación suicida. Se quedó callada cuando mencioné la tarifa.\n'), ['went-quiet']);
    });

    it('never lets a reflection quote a sentence with risk words in these languages', () => {
      assert.strictEqual(lineForReflection('„Ich will nicht mehr leben.“'), undefined);
      assert.strictEqual(lineForReflection('Sie wurde still. Sie sagte, sie wolle sich umbringen.'), 'Sie wurde still. [\u2026]');
      assert.strictEqual(lineForReflection('Se calló. «Quiero morirme.»'), 'Se calló. [\u2026]');
      assert.strictEqual(lineForReflection("Elle s'est tue. « Je ne veux plus vivre. » Puis elle a souri."), "Elle s'est tue. [\u2026] Puis elle a souri.");
      assert.strictEqual(lineForReflection('Keine Suizidgedanken. Sie wurde still.'), 'Keine Suizidgedanken. Sie wurde still.');
    });
  });

  describe('the texts the therapist sees', () => {
    const TENTATIVE: Readonly<Record<string, RegExp>> = { de: /kann|können|könnte/, es: /puede|pueden|podría/, fr: /peut|peuvent|pourrait|a pu/ };
    const HARSH = /fehler|versag|schuld|diagnos|gefährdet|überfällig|fracaso|error|culpa|en riesgo|atrasad|échec|erreur|faute|en retard de|à risque/i;

    it('picks the language from the display language code, English otherwise', () => {
      assert.deepStrictEqual(['de', 'de-AT', 'es-419', 'fr-CA', 'FR', 'en', 'en-US', 'it', 'pt-br', '', undefined].map(hintLanguage), [
        'de',
        'de',
        'es',
        'fr',
        'fr',
        'en',
        'en',
        'en',
        'en',
        'en',
        'en',
      ]);
    });

    it('keeps every English text exactly as it is', () => {
      for (const c of [...BUILT_IN_CUES, SAFETY_FIRST]) assert.strictEqual(hintReason({ cue: c.id, reason: c.reason }, 'en'), c.reason);
      assert.strictEqual(notARuptureByItself('en'), NOT_A_RUPTURE_BY_ITSELF);
    });

    it('says why in German, Spanish and French for every built-in cue and safety-first: one line, tentative, never harsh', () => {
      for (const lang of ['de', 'es', 'fr'] as const) {
        const seen = new Set<string>();
        for (const c of BUILT_IN_CUES) {
          const text = hintReason({ cue: c.id, reason: c.reason }, lang);
          assert.notStrictEqual(text, c.reason, `${lang} ${c.id}`);
          assert.ok(!/[\n\r]/.test(text) && text.length < 200, `${lang} ${c.id}`);
          assert.match(text, TENTATIVE[lang], `${lang} ${c.id} says it tentatively`);
          assert.doesNotMatch(text, HARSH, `${lang} ${c.id}`);
          seen.add(text);
        }
        assert.strictEqual(seen.size, BUILT_IN_CUES.length, `${lang}: one text per cue`);
        const safety = hintReason({ cue: SAFETY_FIRST.id, reason: SAFETY_FIRST.reason }, lang);
        assert.match(safety, { de: /Sicherheit geht vor/, es: /seguridad va primero/, fr: /sécurité passe en premier/ }[lang]);
        // It asks for an assessment of the risk, in each language's clinical verb (German "einschätzen", not "klären").
        assert.match(safety, { de: /Schätzen Sie das Risiko ein/, es: /valórelo/, fr: /évaluez-le/ }[lang]);
        // Safety first: the safety text never points at the relationship.
        assert.doesNotMatch(safety, /zwischen Ihnen|entre ustedes|entre vous|Sie beide|ustedes dos|vous deux/);
        assert.doesNotMatch(notARuptureByItself(lang), HARSH);
        assert.notStrictEqual(notARuptureByItself(lang), NOT_A_RUPTURE_BY_ITSELF);
      }
    });

    it("keeps a clinician's own reason as they wrote it, even under a built-in cue's id", () => {
      const own = readUserCues([{ id: 'not-exactly', phrase: 'schon wieder', kind: 'withdrawal', reason: 'Mein eigener Grund.' }]);
      const text = '# S\n\nSie sagte: „schon wieder“.\n';
      const hints = findCues(text, parse(text), compileCues(own.cues, []));
      assert.deepStrictEqual(
        hints.map((h) => hintReason(h, 'fr')),
        ['Mein eigener Grund.'],
      );
    });

    it('gives a German hint its German reason from what findCues found', () => {
      const text = '# S\n\n„Sie verstehen mich nicht.“\n';
      const [hint] = findCues(text, parse(text), builtInCues());
      assert.match(hintReason(hint, 'de'), /missverstanden/);
      assert.strictEqual(hintReason(hint, 'en'), hint.reason);
    });
  });
});
