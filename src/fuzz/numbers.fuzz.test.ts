// Numbers (src/lang/ar/numbers.ts): any text gives sorted, in-bounds spans quickly, and a number
// printed as the news prints it (separators, Arabic-Indic digits, a scale word) reads back as itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumberAt } from '../lang/ar/numbers.js';
import { arabicText, repeated } from './arbitraries.js';
import { check, timed, timeout } from './harness.js';

const INDIC = '٠١٢٣٤٥٦٧٨٩';

/** An integer as printed: ASCII or Arabic-Indic digits, with or without thousands separators. */
function printed(n: number, indic: boolean, separator: '' | ',' | '٬'): string {
  const digits = separator ? n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator) : n.toString();
  return indic ? digits.replace(/\d/g, (d) => INDIC[Number(d)]!) : digits;
}

describe('numbers', () => {
  it('findNumbers never throws, stays within its time budget, and gives sorted spans that index the text', async () => {
    const text = fc.oneof({ weight: 5, arbitrary: arabicText(300) }, { weight: 1, arbitrary: repeated(['1', '1,', '١٬', '1.', 'ثلاثة ', 'ألف ', 'عشرات ', 'نحو ', '1 ', 'و', 'ـ', '٫']) });
    const prop = fc.property(text, (t) => {
      const found = timed(t.length, 'findNumbers', () => findNumbers(t));
      // One expect for the whole list: a case of 100 000 numbers would spend seconds in expect alone.
      let last = 0;
      const bad = found.find((n) => {
        const wrong = n.span[0] < last || n.span[1] <= n.span[0] || t.slice(n.span[0], n.span[1]) !== n.text || !(n.value === null || Number.isFinite(n.value));
        last = n.span[1];
        return wrong;
      });
      expect(bad ?? null).toBe(null);
    });
    await check('numbers: findNumbers', prop, 200);
  }, timeout(60_000));

  it('reads back a printed integer, alone or with a scale word', async () => {
    const prop = fc.property(
      fc.integer({ min: 0, max: 999_999_999 }),
      fc.boolean(),
      fc.constantFrom<'' | ',' | '٬'>('', ',', '٬'),
      fc.constantFrom<[string, number]>(['', 1], ['ألف', 1000], ['مليون', 1_000_000]),
      (n, indic, separator, [scale, factor]) => {
        const text = `قال المصدر إن ${printed(n, indic, separator)}${scale ? ' ' + scale : ''} شخص نزحوا`;
        const found = findNumbers(text);
        expect(found.map((m) => m.value)).toEqual([n * factor]);
        expect(parseNumberAt(text, found[0]!.span[0])?.value).toBe(n * factor);
      },
    );
    await check('numbers: printed round trip', prop, 300);
  });
});
