import * as assert from 'assert';
import fc from 'fast-check';
import { daysBetween, firstWrittenDate, readWrittenDate } from '../../src/core/notes/dates';
import { parse } from './helpers';

/** Month names as each language writes them in full and short, month 1 first. */
const NAMES: Record<string, readonly (readonly string[])[]> = {
  de: [
    ['Januar', 'Jan.'],
    ['Februar', 'Feb.'],
    ['März', 'Mär.'],
    ['April', 'Apr.'],
    ['Mai'],
    ['Juni'],
    ['Juli'],
    ['August', 'Aug.'],
    ['September', 'Sept.', 'Sep.'],
    ['Oktober', 'Okt.'],
    ['November', 'Nov.'],
    ['Dezember', 'Dez.'],
  ],
  es: [
    ['enero', 'ene.'],
    ['febrero', 'feb.'],
    ['marzo', 'mar.'],
    ['abril', 'abr.'],
    ['mayo'],
    ['junio', 'jun.'],
    ['julio', 'jul.'],
    ['agosto', 'ago.'],
    ['septiembre', 'setiembre', 'sept.'],
    ['octubre', 'oct.'],
    ['noviembre', 'nov.'],
    ['diciembre', 'dic.'],
  ],
  fr: [
    ['janvier', 'janv.'],
    ['février', 'févr.'],
    ['mars'],
    ['avril', 'avr.'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil.'],
    ['août'],
    ['septembre', 'sept.'],
    ['octobre', 'oct.'],
    ['novembre', 'nov.'],
    ['décembre', 'déc.'],
  ],
};

/** How each language writes a day and month, with or without the year. */
function write(lang: string, day: number, month: string, year: number | undefined, variant: number): string {
  const y = year === undefined ? '' : year;
  if (lang === 'de') return year === undefined ? `${day}. ${month}` : `${variant % 2 ? 'am ' : ''}${day}. ${month} ${y}`;
  if (lang === 'es') return year === undefined ? `${variant % 2 ? 'el ' : ''}${day} de ${month}` : `${day} de ${month} de ${y}`;
  const d = day === 1 ? '1er' : String(day);
  return year === undefined ? `${d} ${month}` : `${variant % 2 ? 'le ' : ''}${d} ${month} ${y}`;
}

/** The calendar's own answer: the date, or null when the day does not exist in that month. */
function calendar(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('dates written in German, Spanish and French', () => {
  it('reads the forms each language writes', () => {
    const cases: [string, string][] = [
      ['3 de diciembre de 2026', '2026-12-03'],
      ['3. Dezember 2026', '2026-12-03'],
      ['3. Dez. 2026', '2026-12-03'],
      ['le 3 décembre 2026', '2026-12-03'],
      ['1er décembre 2026', '2026-12-01'],
      ['3.12.2026', '2026-12-03'],
      ['03. 12. 2026', '2026-12-03'],
      ['el 3 de dic. de 2026', '2026-12-03'],
      ['29. Februar 2024', '2024-02-29'],
    ];
    for (const [text, iso] of cases) assert.strictEqual(readWrittenDate(text), iso, text);
    for (const bad of [
      '31 juin 2026',
      '29. Februar 2026',
      '3 de diciembre de',
      '32.12.2026',
      '3/12/2026',
      '12/3/2026',
      '3 sessions 2026',
      'diciembre',
      '3. Dezember 2026 um 10',
    ]) {
      assert.strictEqual(readWrittenDate(bad), null, bad);
    }
  });

  it('takes the year nearest the reference for a day written without one', () => {
    assert.strictEqual(readWrittenDate('3 de diciembre', '2026-11-20'), '2026-12-03');
    assert.strictEqual(readWrittenDate('3. Dezember', '2027-01-10'), '2026-12-03');
    assert.strictEqual(readWrittenDate('3 janvier', '2026-12-20'), '2027-01-03');
    assert.strictEqual(readWrittenDate('1er décembre', '2026-07-01'), '2026-12-01');
    assert.strictEqual(readWrittenDate('1er décembre', '2026-06-01'), '2025-12-01');
    // Without a reference a day and month alone are not a date.
    assert.strictEqual(readWrittenDate('3 de diciembre'), null);
  });

  it('agrees with the calendar for every language, form and day (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('de', 'es', 'fr'),
        fc.integer({ min: 1000, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.nat(5),
        (lang, year, month, day, variant) => {
          const names = NAMES[lang][month - 1];
          const text = write(lang, day, names[variant % names.length], year, variant);
          assert.strictEqual(readWrittenDate(text), calendar(year, month, day), text);
          const dotted = `${variant % 2 ? String(day).padStart(2, '0') : day}.${variant % 3 ? String(month).padStart(2, '0') : month}.${year}`;
          assert.strictEqual(readWrittenDate(dotted), calendar(year, month, day), dotted);
          assert.strictEqual(firstWrittenDate(`### Repair attempt, ${text}`), calendar(year, month, day), text);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('infers the year as the nearest of last year, this year and next (property)', () => {
    const reference = fc
      .tuple(fc.integer({ min: 1001, max: 2998 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => calendar(y, m, d) as string);
    fc.assert(
      fc.property(
        fc.constantFrom('de', 'es', 'fr'),
        reference,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.nat(5),
        (lang, ref, month, day, variant) => {
          const names = NAMES[lang][month - 1];
          const text = write(lang, day, names[variant % names.length], undefined, variant);
          const year = Number(ref.slice(0, 4));
          const candidates = [year, year + 1, year - 1].map((y) => calendar(y, month, day)).filter((c): c is string => c !== null);
          const distance = (c: string): number => Math.abs(daysBetween(c, ref));
          const nearest = candidates.length === 0 ? null : candidates.reduce((best, c) => (distance(c) < distance(best) ? c : best));
          const got = readWrittenDate(text, ref);
          assert.strictEqual(got, nearest, `${text} near ${ref}`);
          if (got !== null) assert.strictEqual(got.slice(5), `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('dates a note by its front matter, its file name and its follow-up headings in these languages', () => {
    const note = parse(
      '---\nclient: C104\ndate: 3 de diciembre de 2026\n---\n\n## Se me escapó algo #rupture/attempted\n\n### Repair attempt, 10 de diciembre\n',
      'C104/sesion.md',
    );
    assert.strictEqual(note.date, '2026-12-03');
    assert.deepStrictEqual(note.warnings, []);
    assert.strictEqual(note.entries[0].date, '2026-12-03');
    assert.deepStrictEqual(
      note.entries[0].followUps.map((f) => f.date),
      ['2026-12-10'],
    );
    // A follow-up in early January after a December session is in the next year.
    const january = parse('---\ndate: 20. Dezember 2026\n---\n\n## Zu schnell #rupture/planned\n\n### Repair plan, 8. Januar\n', 'AB/x.md');
    assert.deepStrictEqual(
      january.entries[0].followUps.map((f) => f.date),
      ['2027-01-08'],
    );
    // A day without a year in the front matter takes the file name's year; alone, it is not read.
    assert.strictEqual(parse('---\ndate: 3 décembre\n---\n', 'AB/2026-11-30 séance.md').date, '2026-12-03');
    assert.strictEqual(parse('---\ndate: 3 décembre\n---\n', 'AB/seance.md').date, null);
    assert.strictEqual(parse('', 'AB/Sitzung 03.12.2026.md').date, '2026-12-03');
    assert.strictEqual(parse('', 'AB/sesión 3 de diciembre de 2026.md').date, '2026-12-03');
  });
});
