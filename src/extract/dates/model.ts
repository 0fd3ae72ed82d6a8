// What a matched date expression means, before it is resolved against an anchor.

import type { PeriodPart, TimeUnit } from '../../lang/ar/dates-data.js';

/** -1 past (الماضي), 0 current (الجاري، هذا), +1 future (المقبل). */
export type Rel = -1 | 0 | 1;

/** A calendar date with a month name: «14 أيار/ مايو 2020», «أواخر آذار الماضي», «15 رمضان». */
export interface CalDate {
  t: 'cal';
  cal: 'g' | 'h';
  /** Explicit year; for a Hijri month it may be a Gregorian year («رمضان 2023»). */
  y: number | null;
  yGregorian: boolean;
  /** null for «الخامس من الشهر الجاري», whose month is relative (see mrel). */
  m: number | null;
  mrel: Rel;
  d: number | null;
  part: PeriodPart | null;
  /** الماضي / المقبل right after the month. */
  rel: Rel | null;
  /** «من العام الماضي», «هذا العام» after the month. */
  yrel: Rel | null;
  /** Preceded by «بحلول»: a deadline, so the next occurrence. */
  deadline: boolean;
  /** The part is «نهاية»: with a deadline it names the last day. */
  endDay: boolean;
  /** Weekday printed with the date («الأربعاء 28 تموز 2021»), and «اليوم» before it. */
  wd: number | null;
  today: boolean;
}

/** A numeric date, already converted to Gregorian when it was written in the Hijri calendar. */
export interface NumDate {
  t: 'num';
  y: number;
  m: number;
  d: number;
  time: boolean;
  hijri: boolean;
  wd: number | null;
  today: boolean;
}

export interface WeekdayRef {
  t: 'wd';
  wd: number;
  rel: Rel | null;
  /**
   * Offset of a day word printed with the weekday: 0 for «اليوم الخميس» (the publication day
   * named by its weekday), -1 for «أمس الجمعة», +1 for «غدا الأحد»; null for a weekday alone.
   */
  shift: number | null;
  /** The day word was «اليوم». */
  today: boolean;
}

/** اليوم، أمس، غدا: a fixed offset in days from the anchor. */
export interface DayShift {
  t: 'shift';
  days: number;
}

/** «منذ ثلاثة أيام», «قبل عامين». */
export interface Ago {
  t: 'ago';
  n: number;
  unit: TimeUnit;
}

/** الأسبوع الماضي، الشهر الجاري، نهاية العام. */
export interface PeriodRef {
  t: 'period';
  unit: 'week' | 'month' | 'year';
  off: Rel;
  part: PeriodPart | null;
  endDay: boolean;
  deadline: boolean;
}

export interface YearRef {
  t: 'year';
  y: number;
  cal: 'g' | 'h';
  part: PeriodPart | null;
  endDay: boolean;
}

export type Parsed = CalDate | NumDate | WeekdayRef | DayShift | Ago | PeriodRef | YearRef;

/** A candidate mention: a half-open span in NORMALISED text and its meaning. */
export interface Cand {
  s: number;
  e: number;
  p: Parsed;
  /** The later end of a range («من 5 إلى 10 آب»): kind 'range-end'. */
  rangeEnd?: boolean;
}
