// Property-style checks: on random mixtures of Arabic words, date vocabulary, digits and
// punctuation, findDates and inferPublication never throw, spans stay in bounds and match the
// text, and mentions are sorted and do not overlap.
import { describe, expect, it } from 'vitest';
import type { DateMention } from '../../core/types.js';
import { findDates, inferPublication } from './index.js';

/** A small deterministic PRNG (mulberry32), so failures can be replayed from the seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'أيار', 'مايو', 'آذار', 'كانون', 'الثاني', 'تشرين', 'الأول', 'آب', 'شباط', 'رمضان', 'شوال', 'ذي', 'الحجة',
  'الخميس', 'الأحد', 'الاثنين', 'يوم', 'اليوم', 'أمس', 'غداً', 'منذ', 'قبل', 'أسبوع', 'يومين', 'أيام', 'ثلاثة',
  'الماضي', 'المقبل', 'الجاري', 'العام', 'الشهر', 'الأسبوع', 'عام', 'سنة', 'نهاية', 'بحلول', 'أواخر', 'غرة',
  'من', 'في', 'إلى', 'و', 'بين', 'قال', 'الوزير', 'هـ', 'م', 'PM', 'ص',
  '2021', '1436', '14', '31', '0', '٢٠٢١', '٤', '12:36', '26/07/2021', '1/10/1436', '2021-07-26',
  '(', ')', '«', '»', '"', '/', '-', '،', ',', ':', '.', '\n', '\n\n', ' ', '  ', 'ّ', 'ـ', 'ً', '\u200f',
];

function randomText(next: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += PIECES[Math.floor(next() * PIECES.length)]!;
    if (next() < 0.6) s += ' ';
  }
  return s;
}

function randomChars(next: () => number, n: number): string {
  const ranges: [number, number][] = [[0x0621, 0x064a], [0x064b, 0x0652], [0x0660, 0x0669], [0x30, 0x39], [0x20, 0x2f], [0x06f0, 0x06f9]];
  let s = '';
  for (let i = 0; i < n; i++) {
    const [lo, hi] = ranges[Math.floor(next() * ranges.length)]!;
    s += String.fromCharCode(lo + Math.floor(next() * (hi - lo + 1)));
  }
  return s;
}

function checkInvariants(text: string, found: DateMention[]): void {
  let lastEnd = 0;
  for (const d of found) {
    const [s, e] = d.span;
    expect(Number.isInteger(s) && Number.isInteger(e)).toBe(true);
    expect(s).toBeGreaterThanOrEqual(lastEnd); // sorted and non-overlapping
    expect(e).toBeGreaterThan(s);
    expect(e).toBeLessThanOrEqual(text.length);
    expect(text.slice(s, e)).toBe(d.text);
    if (d.value !== null) expect(d.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (d.approx !== null) expect(d.approx).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    expect(['day', 'week', 'month', 'year']).toContain(d.precision);
    lastEnd = e;
  }
}

describe('random input', () => {
  const anchors = [null, '2021-09-04', '2015-07-21', '1999-02-28', 'garbage'];
  it('word soup of date vocabulary', () => {
    const next = rng(20210904);
    for (let i = 0; i < 1500; i++) {
      const text = randomText(next, 1 + Math.floor(next() * 30));
      const published = anchors[i % anchors.length]!;
      const found = findDates(text, { published });
      checkInvariants(text, found);
      const pub = inferPublication(text);
      if (pub) {
        expect(pub.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(pub.span[1]).toBeLessThanOrEqual(text.length);
      }
    }
  });
  it('random characters: Arabic letters, harakat, both digit sets, punctuation', () => {
    const next = rng(1436);
    for (let i = 0; i < 1500; i++) {
      const text = randomChars(next, Math.floor(next() * 120));
      checkInvariants(text, findDates(text, { published: anchors[i % anchors.length]! }));
      inferPublication(text);
    }
  });
  it('a value without an anchor comes only from the text itself', () => {
    const next = rng(7);
    for (let i = 0; i < 500; i++) {
      const text = randomText(next, 20);
      for (const d of findDates(text, { published: null })) {
        if (d.value !== null && d.relative) expect(/\d{4}/.test(text.replace(/[٠-٩]/g, '0'))).toBe(true);
      }
    }
  });
});
