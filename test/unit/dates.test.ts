import * as assert from 'assert';
import fc from 'fast-check';
import { daysBetween, firstIsoDate, formatDate, isIsoDate } from '../../src/core/notes/dates';

describe('dates', () => {
  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    for (const ok of ['2026-11-13', '2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']) assert.ok(isIsoDate(ok), ok);
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-11-00',
      '2026-04-31',
      '2026-1-01',
      '26-11-13',
      '2026-11-13T10:00',
      ' 2026-11-13',
      '',
    ]) {
      assert.ok(!isIsoDate(bad), bad);
    }
  });

  it('agrees with the calendar of every day from 1600 to 2400, and counts year 0 as a leap year', () => {
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    for (let y = 1600; y <= 2400; y += 1) {
      for (let m = 0; m <= 13; m++) {
        for (const d of [0, 1, 28, 29, 30, 31, 32]) {
          const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          assert.strictEqual(isIsoDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`), real, `${y}-${m}-${d}`);
        }
      }
    }
    assert.ok(isIsoDate('0000-02-29'));
  });

  it('finds the first real date in a file name', () => {
    assert.strictEqual(firstIsoDate('2026-11-13 session.md'), '2026-11-13');
    assert.strictEqual(firstIsoDate('AB_2026-11-13_and_2026-11-20.md'), '2026-11-13');
    assert.strictEqual(firstIsoDate('2026-02-31 moved to 2026-03-02.md'), '2026-03-02');
    assert.strictEqual(firstIsoDate('12026-11-13.md'), null);
    assert.strictEqual(firstIsoDate('2026-11-133.md'), null);
    assert.strictEqual(firstIsoDate('session.md'), null);
  });

  it('formats a local date', () => {
    assert.strictEqual(formatDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });

  it('counts whole days, across month ends, leap days and clock changes', () => {
    assert.strictEqual(daysBetween('2026-11-13', '2026-11-20'), 7);
    assert.strictEqual(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.strictEqual(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.strictEqual(daysBetween('2026-11-21', '2026-11-20'), -1);
    assert.strictEqual(daysBetween('2025-11-20', '2026-11-20'), 365);
  });

  it('reads dates by hand exactly as a regular expression and the calendar would', () => {
    const reference = (v: string): boolean => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      // A Date of year 0-99 needs setUTCFullYear: the constructor maps them to 1900-1999.
      const date = new Date(Date.UTC(2000, mo - 1, d));
      date.setUTCFullYear(y);
      return mo >= 1 && mo <= 12 && d >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
    };
    const piece = fc.constantFrom('0', '1', '2', '9', '19', '20', '29', '30', '31', '02', '12', '13', '2024', '1900', '2000', '0000', '-', ' ', 'T', '٣', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const v = pieces.join('');
        assert.strictEqual(isIsoDate(v), reference(v), v);
      }),
      { numRuns: 5000 },
    );
    for (let y = 0; y <= 2400; y += 100)
      for (const md of ['02-28', '02-29', '02-30', '12-31', '04-31']) {
        const v = `${String(y).padStart(4, '0')}-${md}`;
        assert.strictEqual(isIsoDate(v), reference(v), v);
      }
  });
});
