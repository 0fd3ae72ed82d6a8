// Dates (src/extract/dates, src/acquire/day.ts): extraction never throws and gives sorted spans
// on any text, metadata dates read back as the day they print, and the calendars round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDay } from '../acquire/day.js';
import { dayNum, findDates, hijriOfDayNum, hijriToDayNum, inferPublication, isoOf, parseIso } from '../extract/dates/index.js';
import { arabicText, corpusTexts, mutated, repeated } from './arbitraries.js';
import { check, timed, timeout } from './harness.js';

const ARTICLES = corpusTexts('.txt');

const text = fc.oneof(
  { weight: 3, arbitrary: arabicText(300) },
  { weight: 2, arbitrary: mutated(fc.constantFrom(...ARTICLES), arabicText(8)) },
  { weight: 1, arbitrary: repeated(['2021 ', '12/', '1/1/', 'أيار ', 'منذ ', 'يوم ', 'هـ', '١٤٤٣ ', '  ', 'الماضي ', '\u200f']) },
);

const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true });

describe('dates', () => {
  it('findDates and inferPublication never throw and give sorted, non-overlapping spans that index the text', async () => {
    const prop = fc.property(text, fc.option(day.map((d) => d.toISOString().slice(0, 10))), (t, published) => {
      const found = timed(t.length, 'findDates', () => findDates(t, { published }));
      let last = 0;
      const bad = found.find((d) => {
        const wrong = d.span[0] < last || d.span[1] <= d.span[0] || t.slice(d.span[0], d.span[1]) !== d.text || (d.value !== null && !/^\d{4}-\d\d-\d\d$/.test(d.value));
        last = d.span[1];
        return wrong;
      });
      expect(bad ?? null).toBe(null);
      const p = timed(t.length, 'inferPublication', () => inferPublication(t));
      if (p) expect(p.value).toMatch(/^\d{4}-\d\d-\d\d$/);
    });
    await check('dates: findDates/inferPublication', prop, 100);
  }, timeout(60_000));

  it('toDay reads back the day of an ISO date, a timestamp and an epoch, and never throws', async () => {
    const prop = fc.property(day, fc.oneof(fc.string(), fc.double(), fc.anything()), (d, junk) => {
      const iso = d.toISOString().slice(0, 10);
      expect(toDay(iso)).toBe(iso);
      expect(toDay(`${iso}T10:00:00+03:00`)).toBe(iso);
      expect(toDay(iso.replace(/-/g, '/'))).toBe(iso);
      // Noon of that day, in epoch seconds, and in milliseconds where toDay takes them for such (from 1e11, March 1973).
      const noon = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);
      if (noon > 0) expect(toDay(noon / 1000)).toBe(iso);
      if (noon >= 1e11) expect(toDay(noon)).toBe(iso);
      const other = toDay(junk);
      if (other !== null) expect(other).toMatch(/^\d{4}-\d\d-\d\d$/);
    });
    await check('dates: toDay', prop, 500);
  });

  it('day numbers and the Hijri calendar round-trip', async () => {
    const prop = fc.property(day, (d) => {
      const iso = d.toISOString().slice(0, 10);
      const n = dayNum(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      expect(isoOf(n)).toBe(iso);
      expect(parseIso(iso)).toBe(n);
      const h = hijriOfDayNum(n);
      expect(hijriToDayNum(h.y, h.m, h.d)).toBe(n);
    });
    await check('dates: calendars', prop, 500);
  });
});
