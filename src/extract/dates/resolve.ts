// Resolving a parsed expression to a day (or a week, month or year) against an anchor: the
// publication date, or — for a date without a year and no publication date — the nearest year
// printed in the text.

import type { DatePrecision } from '../../core/types.js';
import {
  dayNum, daysInMonth, fromDayNum, fromMonthIndex, hijriOfDayNum, hijriToDayNum, isoMonth, isoOf, isoYear,
  isValidDay, mondayOf, monthIndex, weekdayOfNum,
} from './calendar.js';
import type { Ago, CalDate, Parsed, PeriodRef, WeekdayRef, YearRef } from './model.js';

export interface Resolved {
  value: string | null;
  approx: string | null;
  precision: DatePrecision;
  relative: boolean;
}

export interface Env {
  /** Publication date as a day number, or null. */
  anchor: number | null;
  /** Explicit Gregorian / Hijri years in the text, with the (normalised) offset where they occur. */
  years: [pos: number, y: number][];
  hyears: [pos: number, y: number][];
}

/** A date without a year, no weekday and no الماضي/المقبل: at most this many days in the future. */
const FUTURE_SLACK_DAYS = 62;
/** Month arithmetic for the same rule, in months. */
const FUTURE_SLACK_MONTHS = 2;

const day = (n: number, relative: boolean): Resolved => ({ value: isoOf(n), approx: null, precision: 'day', relative });
const none = (precision: DatePrecision, relative: boolean): Resolved => ({ value: null, approx: null, precision, relative });
const month = (y: number, m: number, relative: boolean): Resolved => ({
  value: null, approx: isoMonth(y, m), precision: 'month', relative,
});
const year = (y: number, relative: boolean): Resolved => ({ value: null, approx: isoYear(y), precision: 'year', relative });

export function resolve(p: Parsed, pos: number, env: Env): Resolved {
  switch (p.t) {
    case 'cal': return p.cal === 'g' ? resolveGregorian(p, pos, env) : resolveHijri(p, pos, env);
    case 'num': return day(dayNum(p.y, p.m, p.d), false);
    case 'wd': return resolveWeekday(p, env.anchor);
    case 'shift': return env.anchor === null ? none('day', true) : day(env.anchor + p.days, true);
    case 'ago': return resolveAgo(p, env.anchor);
    case 'period': return resolvePeriod(p, env.anchor);
    case 'year': return resolveYear(p);
  }
}

// ---- Choosing among occurrences ---------------------------------------------------------------

type Mode = 'past' | 'future' | 'deadline' | 'nearest' | 'default';

function modeOf(p: { rel: -1 | 0 | 1 | null; deadline: boolean }, weekday: boolean): Mode {
  if (p.rel === -1) return 'past';
  if (p.rel === 1) return 'future';
  if (p.deadline) return 'deadline';
  return weekday ? 'nearest' : 'default';
}

/**
 * Pick the occurrence the text means. past: the latest strictly before the anchor (الماضي);
 * future: the first strictly after (المقبل); deadline: the first on or after (بحلول); nearest:
 * closest either way, ties to the past (a weekday fixes the year); default: the latest not more
 * than two months ahead — news mostly reports what happened, sometimes what is scheduled soon.
 */
function pick(cands: number[], anchor: number, mode: Mode, slack = FUTURE_SLACK_DAYS): number | null {
  let best: number | null = null;
  for (const c of cands) {
    switch (mode) {
      case 'past': if (c < anchor && (best === null || c > best)) best = c; break;
      case 'future': if (c > anchor && (best === null || c < best)) best = c; break;
      case 'deadline': if (c >= anchor && (best === null || c < best)) best = c; break;
      case 'default': if (c <= anchor + slack && (best === null || c > best)) best = c; break;
      case 'nearest': {
        const dc = Math.abs(c - anchor), db = best === null ? Infinity : Math.abs(best - anchor);
        if (dc < db || (dc === db && c < anchor)) best = c;
        break;
      }
    }
  }
  return best;
}

function nearestYear(list: [number, number][], pos: number): number | null {
  let best: [number, number] | null = null;
  for (const item of list) if (best === null || Math.abs(item[0] - pos) < Math.abs(best[0] - pos)) best = item;
  return best ? best[1] : null;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// ---- Gregorian --------------------------------------------------------------------------------

/** Could day d exist in month m in some year? (29 شباط can; 31 شباط and 31 نيسان cannot.) */
const dayFits = (d: number, m: number): boolean => d >= 1 && d <= (m === 2 ? 29 : daysInMonth(2001, m));

function resolveGregorian(p: CalDate, pos: number, env: Env): Resolved {
  const { anchor } = env;
  if (p.m === null) {
    // «الخامس من الشهر الجاري»: a day of the anchor's month (or the one before/after).
    if (anchor === null || p.d === null) return none('day', true);
    const a = fromDayNum(anchor);
    const { y, m } = fromMonthIndex(monthIndex(a.y, a.m) + p.mrel);
    return isValidDay(y, m, p.d) ? day(dayNum(y, m, p.d), true) : month(y, m, true);
  }
  const m = p.m;
  const d = p.d !== null && dayFits(p.d, m) ? p.d : null;
  if (d === null) return resolveGregorianMonth(p, m, pos, env);
  if (p.y !== null) {
    return isValidDay(p.y, m, d) ? day(dayNum(p.y, m, d), false) : month(p.y, m, false);
  }
  const relYear = p.yrel ?? (p.rel === 0 ? 0 : null);
  if (relYear !== null) {
    if (anchor === null) return none('day', true);
    const y = fromDayNum(anchor).y + relYear;
    return isValidDay(y, m, d) ? day(dayNum(y, m, d), true) : month(y, m, true);
  }
  const fits = (y: number): boolean => isValidDay(y, m, d) && (p.wd === null || weekdayOfNum(dayNum(y, m, d)) === p.wd);
  if (anchor !== null) {
    const ay = fromDayNum(anchor).y;
    // A date falls on a given weekday at least once in any 11 years (29 February: 28 years).
    const span = m === 2 && d === 29 ? 28 : 12;
    const years = p.wd !== null ? range(ay - span, ay + span) : range(ay - 8, ay + 1);
    const cands: number[] = []; // by push: optimised map makes holey arrays, interpreted map packed ones
    for (const y of years) if (fits(y)) cands.push(dayNum(y, m, d));
    const n = pick(cands, anchor, modeOf(p, p.wd !== null));
    return n === null ? none('day', true) : day(n, true);
  }
  // Without an anchor, الماضي/المقبل/بحلول cannot be resolved; a plain date takes the nearest
  // year printed in the text, if the weekday (when given) agrees.
  const y0 = p.rel === null && !p.deadline ? nearestYear(env.years, pos) : null;
  return y0 !== null && fits(y0) ? day(dayNum(y0, m, d), true) : none('day', true);
}

function resolveGregorianMonth(p: CalDate, m: number, pos: number, env: Env): Resolved {
  const y = gregorianMonthYear(p, m, pos, env);
  if (y === null) return none('month', true);
  const relative = p.y === null;
  // «بحلول نهاية آذار»: a deadline at the end of a month is its last day.
  if (p.part === 'end' && p.endDay && p.deadline) return day(dayNum(y, m, daysInMonth(y, m)), relative);
  return month(y, m, relative);
}

function gregorianMonthYear(p: CalDate, m: number, pos: number, env: Env): number | null {
  if (p.y !== null) return p.y;
  const { anchor } = env;
  const relYear = p.yrel ?? (p.rel === 0 ? 0 : null);
  if (anchor === null) return relYear === null && p.rel === null && !p.deadline ? nearestYear(env.years, pos) : null;
  const a = fromDayNum(anchor);
  if (relYear !== null) return a.y + relYear;
  const am = monthIndex(a.y, a.m);
  const cands = [monthIndex(a.y - 1, m), monthIndex(a.y, m), monthIndex(a.y + 1, m)];
  const best = pick(cands, am, modeOf(p, false), FUTURE_SLACK_MONTHS);
  return best === null ? null : fromMonthIndex(best).y;
}

// ---- Hijri ------------------------------------------------------------------------------------

function resolveHijri(p: CalDate, pos: number, env: Env): Resolved {
  const m = p.m!;
  const d = p.d;
  const at = (hy: number): number | null => hijriToDayNum(hy, m, d ?? 1);
  const asMonth = (n: number | null, relative: boolean): Resolved => {
    if (n === null) return none('month', relative);
    const mid = fromDayNum(n + 14); // the middle of the lunar month
    return month(mid.y, mid.m, relative);
  };
  const finish = (hy: number | null, relative: boolean): Resolved => {
    if (hy === null) return none(d === null ? 'month' : 'day', relative);
    if (d === null) return asMonth(hijriToDayNum(hy, m, 1), relative);
    const n = at(hy);
    return n === null ? asMonth(hijriToDayNum(hy, m, 1), relative) : day(n, relative);
  };
  if (p.y !== null) return finish(p.yGregorian ? hijriYearInGregorian(p.y, m, d) : p.y, false);
  const { anchor } = env;
  if (anchor === null) return finish(p.rel === null && !p.deadline ? nearestYear(env.hyears, pos) : null, true);
  const ah = hijriOfDayNum(anchor).y;
  if (p.rel === 0) return finish(ah, true);
  const years = p.wd !== null ? range(ah - 12, ah + 12) : range(ah - 3, ah + 1);
  const byDay = new Map<number, number>();
  for (const hy of years) {
    const n = at(hy);
    if (n !== null && (p.wd === null || d === null || weekdayOfNum(n) === p.wd)) byDay.set(n, hy);
  }
  const best = pick([...byDay.keys()], anchor, modeOf(p, p.wd !== null));
  return finish(best === null ? null : byDay.get(best)!, true);
}

/** «رمضان 2023»: the Hijri year whose month m (day d) falls in Gregorian year gy. */
function hijriYearInGregorian(gy: number, m: number, d: number | null): number | null {
  const est = Math.round((gy - 622) * (365.2425 / 354.36667));
  for (let hy = est - 2; hy <= est + 2; hy++) {
    const n = hijriToDayNum(hy, m, d ?? 1);
    if (n !== null && fromDayNum(n).y === gy) return hy;
  }
  return null;
}

// ---- Weekdays, counts, periods, years ----------------------------------------------------------

/**
 * A weekday named alone in a news report is the most recent such day (on or before the anchor):
 * reports tell what happened. الماضي: strictly before; المقبل: strictly after. With a day word
 * («اليوم الخميس», «أمس الجمعة», «غدا الأحد») it is the such day nearest to that day — normally
 * that day itself; the weekday absorbs a publication date that is off by a time zone.
 */
function resolveWeekday(p: WeekdayRef, anchor: number | null): Resolved {
  if (anchor === null) return none('day', true);
  if (p.shift !== null) {
    const base = anchor + p.shift;
    const fwd = (p.wd - weekdayOfNum(base) + 7) % 7;
    return day(fwd <= 3 ? base + fwd : base + fwd - 7, true);
  }
  const w = weekdayOfNum(anchor);
  const back = (w - p.wd + 7) % 7;
  const fwd = (p.wd - w + 7) % 7;
  if (p.rel === -1) return day(anchor - (back || 7), true);
  if (p.rel === 1) return day(anchor + (fwd || 7), true);
  return day(anchor - back, true);
}

function resolveAgo(p: Ago, anchor: number | null): Resolved {
  const precision: DatePrecision = p.unit === 'month' ? 'month' : p.unit === 'year' ? 'year' : 'day';
  if (anchor === null) return none(precision, true);
  const a = fromDayNum(anchor);
  switch (p.unit) {
    case 'hour': return day(anchor - Math.floor(p.n / 24), true);
    case 'day': return day(anchor - p.n, true);
    case 'week': return day(anchor - 7 * p.n, true);
    case 'month': {
      const { y, m } = fromMonthIndex(monthIndex(a.y, a.m) - p.n);
      return month(y, m, true);
    }
    case 'year': return year(a.y - p.n, true);
  }
}

function resolvePeriod(p: PeriodRef, anchor: number | null): Resolved {
  const precision: DatePrecision = p.unit;
  if (anchor === null) return none(p.unit === 'year' && p.endDay ? 'day' : precision, true);
  const a = fromDayNum(anchor);
  switch (p.unit) {
    case 'week': {
      const monday = mondayOf(anchor) + 7 * p.off;
      return { value: null, approx: isoOf(monday), precision: 'week', relative: true };
    }
    case 'month': {
      const { y, m } = fromMonthIndex(monthIndex(a.y, a.m) + p.off);
      if (p.part === 'end' && p.endDay && p.deadline) return day(dayNum(y, m, daysInMonth(y, m)), true);
      return month(y, m, true);
    }
    case 'year': {
      const y = a.y + p.off;
      // «بحلول نهاية العام», «نهاية العام الجاري»: the deadline is 31 December.
      if (p.part === 'end' && p.endDay) return day(dayNum(y, 12, 31), true);
      return year(y, true);
    }
  }
}

function resolveYear(p: YearRef): Resolved {
  if (p.cal === 'h') {
    const mid = hijriToDayNum(p.y, 7, 1); // the middle of the Hijri year
    return mid === null ? none('year', false) : year(fromDayNum(mid).y, false);
  }
  if (p.part === 'end' && p.endDay) return day(dayNum(p.y, 12, 31), false);
  return year(p.y, false);
}
