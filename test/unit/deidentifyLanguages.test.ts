// Issue 30, item 4 (and issue 24): dates written in German, Spanish and French leave the
// de-identified export, in made-up notes.
import * as assert from 'assert';
import { deidentifyNote, deidentifyText } from '../../src/core/supervision/deidentify';
import { readDocs } from './docs';

function out(text: string): string {
  return deidentifyText(text, '').text;
}

describe('de-identify: dates in German, Spanish and French', () => {
  it('a made-up Spanish note with "3 de diciembre" keeps no date', () => {
    const note = '---\nclient: C-017\n---\n# Sesión\n\nEl 3 de diciembre la clienta llegó tarde; hablamos de la ruptura.\n';
    const r = deidentifyNote(note, { path: 'C-017/sesion.md', folderName: 'C-017', fileName: 'sesion.md' });
    assert.ok(r);
    assert.ok(!r.text.includes('diciembre'), r.text);
    assert.ok(r.text.includes('El [date] la clienta llegó tarde'), r.text);
    assert.ok(r.replaced.some((x) => x.kind === 'date'));
  });

  const cases: [string, string][] = [
    ['el 3 de diciembre', 'el [date]'],
    ['am 3. Dezember', 'am [date]'],
    ['le 3 décembre', 'le [date]'],
    ['le 3 décembre 2026', 'le [date] 2026'],
    ['am 3.12.2026', 'am [date] 2026'],
    ['am 3.12.', 'am [date]'],
    ['am 03.12.26', 'am [date]'],
    ['am 3. Dez. 2026', 'am [date] 2026'],
    ['el 3 de dic. de 2026', 'el [date] 2026'],
    ['el 5 de sept.', 'el [date]'],
    ['le 14 févr.', 'le [date]'],
    ['le 3 janv. 2026', 'le [date] 2026'],
    ['el 3-dic-2026', 'el [date] 2026'],
    ['le 1er mai', 'le [date]'],
    ['diciembre de 2026', '[date] 2026'],
    ['Montag, den 3. Dezember', 'Montag, den [date]'],
    ['le lundi 3 décembre', 'le lundi [date]'],
  ];
  for (const [input, expected] of cases) it(input, () => assert.strictEqual(out(input), expected));

  it('dates near each other become days counted from the first, in these languages too', () => {
    assert.strictEqual(out('El 3 de diciembre de 2026 y el 10 de diciembre.'), 'El [day 0] y el [day 7].');
    assert.strictEqual(out('Am 3. Dezember kam sie, am 10. Dezember auch.'), 'Am [day 0] kam sie, am [day 7] auch.');
  });

  it('keeps the pronouns its lists know, and replaces those that are also in the name list, as docs/performance.md says', () => {
    for (const kept of ['Sie kam spät. Er schwieg.', 'Él llegó tarde. Usted sabe.', 'Elle est arrivée en retard. Nous avons parlé. Vous savez.'])
      assert.strictEqual(out(kept), kept);
    assert.strictEqual(out('Wie geht es Ihnen heute?'), 'Wie geht es [name 1] heute?');
    for (const start of ['Ella', 'Lui', 'Cela']) assert.ok(out(`${start} sagte nichts.`).startsWith('[name 1]'), start);
    // Two letters on their own are a name only when the tagger says so, and it does not of "Du".
    assert.strictEqual(out('Du sagte nichts.'), 'Du sagte nichts.');
    const docs = readDocs().replace(/\s+/g, ' ');
    assert.ok(docs.includes('"Wie geht es Ihnen heute?" comes out as "Wie geht es [name 1] heute?"'), 'the docs give the example');
  });

  it('weekdays and months of these languages are never names or streets', () => {
    for (const line of ['Am Montag kam sie wieder.', 'El lunes 4 llegó.', 'Le lundi 3 fois.']) assert.strictEqual(out(line), line);
  });
});
