import { describe, expect, it } from 'vitest';
import {
  dayNum, daysInMonth, fromDayNum, hijriOfDayNum, hijriToDayNum, isoOf, mondayOf, parseIso, weekdayOf,
} from './calendar.js';

describe('Gregorian day numbers', () => {
  it('round-trips and formats', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2021-07-26', '1436-01-01', '2099-12-31']) {
      expect(isoOf(parseIso(iso)!)).toBe(iso);
    }
    expect(fromDayNum(dayNum(2024, 2, 29))).toEqual({ y: 2024, m: 2, d: 29 });
  });
  it('rejects impossible dates', () => {
    expect(parseIso('2021-02-29')).toBeNull();
    expect(parseIso('2021-13-01')).toBeNull();
    expect(parseIso('not a date')).toBeNull();
    expect(parseIso(null)).toBeNull();
  });
  it('knows month lengths and leap years', () => {
    expect([daysInMonth(2020, 2), daysInMonth(2021, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 28, 29]);
    expect(daysInMonth(2021, 4)).toBe(30);
  });
  it('weekdayOf: 0 = Sunday', () => {
    expect(weekdayOf('2021-09-04')).toBe(6); // Saturday
    expect(weekdayOf('2021-07-26')).toBe(1); // Monday
    expect(weekdayOf('2024-08-15')).toBe(4); // Thursday
    expect(weekdayOf('1969-12-28')).toBe(0); // before the epoch
    expect(weekdayOf('2021-02-30')).toBe(-1);
  });
  it('mondayOf gives the Monday of the ISO week', () => {
    expect(isoOf(mondayOf(parseIso('2021-09-04')!))).toBe('2021-08-30');
    expect(isoOf(mondayOf(parseIso('2021-08-29')!))).toBe('2021-08-23'); // a Sunday ends its ISO week
  });
});

describe('Hijri (Umm al-Qura) conversion', () => {
  it('converts known dates both ways', () => {
    expect(isoOf(hijriToDayNum(1436, 9, 15)!)).toBe('2015-07-02');
    expect(isoOf(hijriToDayNum(1443, 1, 1)!)).toBe('2021-08-09');
    expect(hijriOfDayNum(parseIso('2021-08-09')!)).toEqual({ y: 1443, m: 1, d: 1 });
  });
  it('returns null for days that do not exist', () => {
    expect(hijriToDayNum(1442, 10, 30)).toBeNull(); // Shawwal 1442 had 29 days
    expect(hijriToDayNum(1442, 13, 1)).toBeNull();
    expect(hijriToDayNum(1442, 1, 0)).toBeNull();
  });
  it('round-trips every day of 2019–2026', () => {
    let bad = 0;
    for (let n = dayNum(2019, 1, 1); n < dayNum(2027, 1, 1); n++) {
      const h = hijriOfDayNum(n);
      if (hijriToDayNum(h.y, h.m, h.d) !== n) bad++;
    }
    expect(bad).toBe(0);
  });
});
