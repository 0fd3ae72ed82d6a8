// From normalised text to candidate mentions: find head words, try the detailed patterns around
// each, turn every match into a Cand, join a weekday to the date printed after it, and keep the
// longest of overlapping candidates.

import { fromDayNum, hijriToDayNum, isValidDay } from './calendar.js';
import type { Cand, CalDate, Parsed, Rel } from './model.js';
import * as P from './patterns.js';
import { key } from './patterns.js';

// ---- Words around a position ------------------------------------------------------------------

const isLetter = (c: number): boolean =>
  (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isSpace = (c: number): boolean =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x200e || c === 0x200f || c === 0x061c ||
  (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000 || c === 0xfeff;

/** The word right before position s, across spaces only (punctuation in between → ''). */
export function prevWord(t: string, s: number, skip = 0): string {
  let i = s;
  for (let k = 0; k <= skip; k++) {
    while (i > 0 && isSpace(t.charCodeAt(i - 1))) i--;
    const end = i;
    while (i > 0 && isLetter(t.charCodeAt(i - 1))) i--;
    if (k === skip) return t.slice(i, end);
    if (i === end) return '';
  }
  return '';
}

/** The word right after position e, across spaces only. */
export function nextWord(t: string, e: number): string {
  let i = e;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  const start = i;
  while (i < t.length && isLetter(t.charCodeAt(i))) i++;
  return t.slice(start, i);
}

/** The first non-space character at or after e, and its index. */
function nextChar(t: string, e: number): [string, number] {
  let i = e;
  while (i < t.length && isSpace(t.charCodeAt(i))) i++;
  return [t.charAt(i), i];
}

/** A word in a set, also with a leading conjunction و/ف removed («وفي» → «في»). */
function inSet(set: Set<string>, w: string): boolean {
  return set.has(w) || (w.length > 2 && (w[0] === 'و' || w[0] === 'ف') && set.has(w.slice(1)));
}

const relOf = (w: string | undefined): Rel | null => (w ? P.REL.get(key(w)) ?? null : null);
const partOf = (w: string | undefined) => (w ? P.PARTS.get(key(w)) ?? null : null);

function dayOf(w: string | undefined): number | null {
  if (!w) return null;
  const digits = /^(?:ال[\s\u200e\u200f\u061c]?)?(\d{1,2})$/.exec(w);
  if (digits) return +digits[1]!;
  return P.ORDINALS.get(key(w)) ?? null;
}

/** «بحلول» (or «مع حلول») right before the expression. */
function isDeadline(t: string, s: number): boolean {
  const w = prevWord(t, s);
  return inSet(P.SETS.deadline, w) || (w === 'حلول' && P.SETS.deadline.has(`${prevWord(t, s, 1)} حلول`));
}

// ---- Handlers: one per detailed pattern -------------------------------------------------------

type Handler = (m: RegExpExecArray, t: string) => Cand[];

const start = (m: RegExpExecArray): number => m.index + (m.groups?.cl?.length ?? 0);
const end = (m: RegExpExecArray): number => m.index + m[0].length;

function calBase(cal: 'g' | 'h', g: Record<string, string | undefined>, t: string, s: number): CalDate {
  const part = partOf(g.per);
  return {
    t: 'cal',
    cal,
    y: g.y ? +g.y : null,
    yGregorian: cal === 'g' || (g.y ? +g.y >= 1800 : false),
    m: null,
    mrel: 0,
    d: dayOf(g.day),
    part,
    rel: relOf(g.rel),
    yrel: g.ythis ? 0 : relOf(g.yrel),
    deadline: isDeadline(t, s),
    endDay: !!g.per && P.SETS.endDay.has(key(g.per)),
    wd: null,
    today: false,
  };
}

/** A month name with neither day nor year needs a cue before it, or الماضي/المقبل after it. */
function monthAloneOk(p: CalDate, g: Record<string, string | undefined>, t: string, s: number, ambiguous: boolean): boolean {
  if (p.d !== null || p.y !== null || p.rel !== null || p.yrel !== null || g.shahr || g.m2) return true;
  if (ambiguous) return false;
  return p.part !== null || inSet(P.SETS.monthCue, prevWord(t, s));
}

/** «ثورة 25 يناير», «قوى 14 آذار»: a name, unless a year or a relative word pins it down. */
function isEponym(p: CalDate, t: string, s: number): boolean {
  return p.y === null && p.rel === null && p.yrel === null && inSet(P.SETS.eponymHeads, prevWord(t, s));
}

/**
 * Two numbers joined by «و» are a range only after «بين» («بين 5 و14 أيار»); otherwise they list
 * two dates («في الثالث والرابع من يوليو»). «-», «إلى», «حتى» always make a range.
 */
function isRange(t: string, firstStart: number, firstEnd: number, secondStart: number): boolean {
  const sep = t.slice(firstEnd, secondStart);
  return !/^[\s\u200e\u200f\u061c]*و[\s\u200e\u200f\u061c]*$/.test(sep) || prevWord(t, firstStart) === 'بين';
}

/** Group positions of a match, by re-running it with a pattern that has the `d` flag. */
function indicesOf(re: RegExp, m: RegExpExecArray, t: string): Record<string, [number, number]> | undefined {
  re.lastIndex = m.index;
  return re.exec(t)?.indices?.groups as Record<string, [number, number]> | undefined;
}

function calCands(m: RegExpExecArray, p: CalDate, t: string): Cand[] {
  const s = start(m), e = end(m);
  const g = m.groups!;
  const rngDay = dayOf(g.rng);
  if (rngDay === null || p.d === null) return [{ s, e, p }];
  const ix = indicesOf(P.CAL_G_INDICES, m, t);
  if (!ix?.rng || !ix.day) return [{ s, e, p }];
  if (rngDay >= p.d) return [{ s: ix.day[0], e, p }];
  return [
    { s: ix.rng[0], e: ix.rng[1], p: { ...p, d: rngDay } },
    { s: ix.day[0], e, p, rangeEnd: isRange(t, ix.rng[0], ix.rng[1], ix.day[0]) },
  ];
}

const calG: Handler = (m, t) => {
  const g = m.groups!;
  const s = start(m);
  const info = P.G_MONTHS.get(key(g.m1!));
  if (!info) return [];
  const p = calBase('g', g, t, s);
  p.m = info.month;
  if (p.part === 'first-day' && p.d === null) p.d = 1;
  if (!monthAloneOk(p, g, t, s, info.ambiguous) || isEponym(p, t, s)) return [];
  return calCands(m, p, t);
};

const calH: Handler = (m, t) => {
  const g = m.groups!;
  const s = start(m);
  const info = P.H_MONTHS.get(key(g.m1!));
  if (!info) return [];
  const p = calBase('h', g, t, s);
  p.m = info.month;
  if (p.part === 'first-day' && p.d === null) p.d = 1;
  if (!monthAloneOk(p, g, t, s, info.ambiguous)) return [];
  return [{ s, e: end(m), p }];
};

const weekday: Handler = (m, t) => {
  const g = m.groups!;
  const wd = P.WEEKDAYS.get(key(g.wd!));
  if (wd === undefined) return [];
  const s = start(m);
  let e = end(m);
  const bare = !g.rd && !g.rel && !g.dp && !g.tq && !g.yawm;
  if (bare) {
    // «مسجد الخميس», «أيام الجمعة»: a name or a habit. الأحد and الاثنين are also "the one" and
    // "the two": «الأحد عشر», «بين الاثنين».
    const prev = prevWord(t, s);
    if (inSet(P.SETS.weekdayNotAfterAny, prev)) return [];
    if ((wd === 0 || wd === 1) && (inSet(P.SETS.weekdayNotBefore, prev) || P.SETS.weekdayNotAfter.has(nextWord(t, e)))) {
      return [];
    }
  }
  if (g.op) {
    const [c, i] = nextChar(t, e);
    if (CLOSERS.includes(c)) e = i + 1;
  }
  const rel = relOf(g.rel) ?? listedRel(t, e);
  const rd = g.rd ? key(g.rd) : null;
  const shift = rd === null ? null : P.REL_DAYS.get(rd) ?? null;
  return [{ s, e, p: { t: 'wd', wd, rel: rel === 0 ? null : rel, shift, today: rd === 'اليوم' } }];
};

/** «يومي الاثنين والثلاثاء المقبلين»: the first of two joined weekdays shares the second's الماضي/المقبل. */
const LISTED_REL = new RegExp(`^[\\s\\u200e\\u200f\\u061c]*و[\\s\\u200e\\u200f\\u061c]*(?:${[...P.WEEKDAYS.keys()].join('|')})[\\s\\u200e\\u200f\\u061c]+([\\u0621-\\u064a]+)`);

function listedRel(t: string, e: number): Rel | null {
  const m = LISTED_REL.exec(t.slice(e, e + 40));
  return m ? relOf(m[1]) : null;
}

/** Closing marks for «اليوم (الاثنين)», «مساء اليوم "السبت"». */
const CLOSERS = [')', '»', '"', '”'];

/** اليوم is "today" only when it is not "that day" / "the national day" of a story. */
function isToday(t: string, s: number, e: number): boolean {
  const next = nextWord(t, e);
  if (next.startsWith('ال') || P.SETS.todayNotBefore.has(next)) return false;
  const prev = prevWord(t, s);
  if (P.SETS.todayNotAfter.has(prev)) return false;
  return !(prev === 'هذا' && P.SETS.todayNotAfter.has(prevWord(t, s, 1)));
}

const relDay: Handler = (m, t) => {
  const g = m.groups!;
  const w = key(g.w!);
  const days = w === 'ليوم' ? 0 : P.REL_DAYS.get(w);
  if (days === undefined) return [];
  const s = start(m), e = end(m);
  if (P.SETS.needsDayPart.has(w) && !g.dp) return [];
  if ((w === 'امس' || w === 'الامس') && P.SETS.yesterdayNotBefore.has(nextWord(t, e))) return [];
  // «ولامس المؤشر» is the verb "touched": ب/ل join only «الأمس» («بالأمس»), never «أمس».
  if (w.startsWith('امس') && /[بل]/.test(g.cl ?? '')) return [];
  if (days === 0 && !g.dp && !g.tq && !isToday(t, s, e)) return [];
  return [{ s, e, p: { t: 'shift', days } }];
};

const ago: Handler = (m) => {
  const g = m.groups!;
  const unit = P.UNITS.get(key(g.u!));
  if (!unit) return [];
  const n = g.n ? +g.n : g.nw ? P.CARDINALS.get(key(g.nw)) ?? null : unit.count;
  // «منذ ساعات» "hours ago" is still today; «منذ أيام» "days ago" is too vague to resolve.
  if (n === null && unit.unit !== 'hour') return [];
  return [{ s: start(m), e: end(m), p: { t: 'ago', n: n ?? 0, unit: unit.unit } }];
};

const period: Handler = (m, t) => {
  const g = m.groups!;
  const s = start(m);
  const tail = g.noun!.replace(/^ا?ل/, '');
  const unit = P.PERIOD_NOUNS.get(`ال${tail}`);
  if (!unit) return [];
  const rel = relOf(g.rel);
  const part = partOf(g.per);
  if (rel === null && !g.this && !part) return [];
  // «الأمين العام المقبل» is "the next secretary-general": العام as the adjective "general".
  const nounStart = m.index + m[0].indexOf(g.noun!, g.cl!.length);
  if (unit === 'year' && !g.this && !part && inSet(P.SETS.generalHeads, prevWord(t, nounStart))) return [];
  const endDay = !!g.per && P.SETS.endDay.has(key(g.per));
  return [{ s, e: end(m), p: { t: 'period', unit, off: rel ?? 0, part, endDay, deadline: isDeadline(t, s) } }];
};

const monthDay: Handler = (m, t) => {
  const g = m.groups!;
  const d = dayOf(g.day);
  if (d === null || d < 1 || d > 31) return [];
  const s = start(m), e = end(m);
  // «التاسع من الشهر الفضيل» is a day of Ramadan: an epithet after «الشهر» names a month.
  if (!g.rel && nextWord(t, e).startsWith('ال')) return [];
  const p = calBase('g', {}, t, s);
  p.d = d;
  p.mrel = relOf(g.rel) ?? 0;
  return [{ s, e, p }];
};

/** A bare number after في/منذ is a year only if no counted noun follows: «في 2014،» but not «في 2000 موقع». */
function yearFollowOk(t: string, e: number): boolean {
  const [c] = nextChar(t, e);
  if (c === '' || !isLetter(c.charCodeAt(0))) return true;
  const w = nextWord(t, e);
  return P.SETS.yearFollowers.has(w) || ((w[0] === 'و' || w[0] === 'ف') && w.length > 1);
}

const year: Handler = (m, t) => {
  const g = m.groups!;
  const y = +g.y!;
  const s = start(m), e = end(m);
  const mark = g.mark ? key(g.mark) : null;
  // «1436-1437هـ»: a mark after the second year covers both.
  const mark2 = g.mark2 ? key(g.mark2) : null;
  const hijri = (mark !== null && P.SETS.ahMarks.has(mark)) || (mark2 !== null && P.SETS.ahMarks.has(mark2));
  let y2 = g.y2 ? +g.y2 : null;
  if (y2 !== null && !(y2 > y && y2 - y < 100)) y2 = null;
  const explicit = !!g.noun || !!g.per || mark !== null || mark2 !== null || y2 !== null;
  if (!explicit && !(inSet(P.SETS.yearCue, prevWord(t, s)) && yearFollowOk(t, e))) return [];
  if (hijri ? y < 1 : explicit ? y < 1000 || y > 2199 : y < 1900 || y > 2099) return [];
  const part = partOf(g.per);
  const endDay = !!g.per && P.SETS.endDay.has(key(g.per));
  const p: Parsed = { t: 'year', y, cal: hijri ? 'h' : 'g', part, endDay };
  const ix = g.y2 ? indicesOf(P.YEAR_INDICES, m, t) : undefined;
  if (y2 === null || !ix?.y || !ix.y2) {
    // «عام 2014-2017» where the second number is not a later year: keep the first only.
    return [{ s, e: g.y2 && ix?.y ? ix.y[1] : e, p }];
  }
  return [
    { s, e: ix.y[1], p },
    // The dual «عامي 2014 و2017» "the two years" frames a period, like «بين».
    { s: ix.y2[0], e, p: { ...p, y: y2 }, rangeEnd: isRange(t, ix.y[0], ix.y[1], ix.y2[0]) || !!g.noun?.endsWith('ي') },
  ];
};

const numeric: Handler = (m) => {
  const g = m.groups!;
  const yearFirst = !!g.Y;
  let y = +(g.Y ?? g.y!);
  let mo = +(g.M ?? g.mo!);
  let d = +(g.D ?? g.d!);
  const time = !!(g.t1 || g.t2);
  const mark = g.mark ? key(g.mark) : null;
  if (!yearFirst && g.y!.length === 2) {
    // 1.5.20, 3-4-21 or «3 / 4 / 21» are more likely scores, versions or codes.
    if (g.s !== '/' || /[\s\u200e\u200f\u061c]/.test(m[0])) return [];
    y += y < 70 ? 2000 : 1900;
  }
  // Saudi and Gulf outlets write Hijri dates in figures too: «27/6/1384هـ», «1436/10/21».
  if ((mark !== null && P.SETS.ahMarks.has(mark)) || (mark === null && y >= 1300 && y <= 1500)) {
    const n = hijriToDayNum(y, mo, d);
    if (n === null) return [];
    ({ y, m: mo, d } = fromDayNum(n));
    return [{ s: m.index, e: end(m), p: { t: 'num', y, m: mo, d, time, hijri: true, wd: null, today: false } }];
  }
  if (y < 1900 || y > 2100) return [];
  // Arabic writes the day first; fall back to month-first only when day-first is impossible.
  if (!isValidDay(y, mo, d)) {
    if (yearFirst || !isValidDay(y, d, mo)) return [];
    [mo, d] = [d, mo];
  }
  return [{ s: m.index, e: end(m), p: { t: 'num', y, m: mo, d, time, hijri: false, wd: null, today: false } }];
};

// ---- Scanning ----------------------------------------------------------------------------------

interface Detail {
  re: RegExp;
  fn: Handler;
  /** How far before the head word the expression may start. */
  back: number;
}
const DETAILS: Record<P.DetailName, Detail> = {
  calG: { re: P.CAL_G, fn: calG, back: 90 },
  calH: { re: P.CAL_H, fn: calH, back: 70 },
  weekday: { re: P.WEEKDAY, fn: weekday, back: 60 },
  relDay: { re: P.REL_DAY, fn: relDay, back: 45 },
  ago: { re: P.AGO, fn: ago, back: 4 },
  period: { re: P.PERIOD, fn: period, back: 50 },
  monthDay: { re: P.MONTH_DAY, fn: monthDay, back: 40 },
  year: { re: P.YEAR, fn: year, back: 25 },
  numeric: { re: P.NUMERIC, fn: numeric, back: 30 },
};
const NUMERIC_ONLY: P.DetailName[] = ['numeric'];
const YEAR_ONLY: P.DetailName[] = ['year'];

/** All candidates, possibly overlapping. */
export function scan(t: string): Cand[] {
  const out: Cand[] = [];
  const covered: Partial<Record<P.DetailName, number>> = {};
  const seen = new Set<string>();
  const head = P.HEAD;
  head.lastIndex = 0;
  for (let h = head.exec(t); h; h = head.exec(t)) {
    const g = h.groups!;
    const names = g.hw ? P.HEAD_WORDS.get(key(g.hw)) ?? [] : g.n ? NUMERIC_ONLY : YEAR_ONLY;
    const at = g.hw ? h.index + h[0].length - g.hw.length : h.index;
    for (const name of names) {
      if ((covered[name] ?? -1) > at) continue;
      covered[name] = Math.max(covered[name] ?? -1, tryAround(t, DETAILS[name], at, out, seen, name));
    }
  }
  return out;
}

/** Separators allowed inside an expression: «5-14 أيار», «(4 أيلول», «الخميس، 14», «12:36:26/07», «اليوم "السبت"». */
const isInnerSep = (c: number): boolean =>
  isSpace(c) || c === 0x2d || c === 0x2013 || c === 0x28 || c === 0x060c || c === 0x2c || c === 0x3a || c === 0x2f ||
  c === 0x2e || c === 0x22 || c === 0xab || c === 0x201c;

/**
 * Word starts where an expression reaching `at` may begin: `at` itself, then back over words that
 * can open an expression (PREFIX_WORDS, digits, a joined clitic), no further than `back` chars.
 */
function startsBefore(t: string, at: number, back: number): number[] {
  const starts = [at];
  const limit = Math.max(0, at - back);
  let i = at;
  // A head found after a joined clitic («والخميس») starts at the clitic.
  while (i > limit && isLetter(t.charCodeAt(i - 1))) i--;
  if (i < at) starts.unshift(i);
  for (;;) {
    let j = i;
    while (j > limit && isInnerSep(t.charCodeAt(j - 1))) j--;
    if (j === i || j <= limit) return starts;
    const wordEnd = j;
    while (j > limit && isLetter(t.charCodeAt(j - 1))) j--;
    if (j === wordEnd || (j > 0 && isLetter(t.charCodeAt(j - 1)))) return starts;
    if (!isPrefixWord(t.slice(j, wordEnd))) return starts;
    starts.unshift(j);
    i = j;
  }
}

const DIGITS_WORD = /^(?:ال)?\d+$/;

function isPrefixWord(w: string): boolean {
  if (DIGITS_WORD.test(w) || P.PREFIX_WORDS.has(w)) return true;
  const c = w.charCodeAt(0);
  // و ف ب ل joined to the word: «وفي», «ومنذ», «بحلول», «و14»
  if (w.length < 2 || !(c === 0x648 || c === 0x641 || c === 0x628 || c === 0x644)) return false;
  const rest = w.slice(1);
  return DIGITS_WORD.test(rest) || P.PREFIX_WORDS.has(rest);
}

/**
 * Try one sticky pattern at each possible start, leftmost first, and keep the first match that
 * reaches the head. Every attempt is anchored, so the cost does not grow with the text.
 * Returns the end of that match (or `at` when none).
 */
function tryAround(t: string, d: Detail, at: number, out: Cand[], seen: Set<string>, name: string): number {
  const re = d.re;
  for (const i of startsBefore(t, at, d.back)) {
    re.lastIndex = i;
    const m = re.exec(t);
    if (!m || m.index + m[0].length <= at) continue;
    for (const c of d.fn(m, t)) {
      const k = `${name}:${c.s}:${c.e}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(c);
      }
    }
    return m.index + m[0].length;
  }
  return at;
}

// ---- Joining a weekday to its date -------------------------------------------------------------

/**
 * Between «الأربعاء» / «اليوم السبت» and the date: spaces, one separator, an opening bracket,
 * and «الموافق» "corresponding to" («الخميس الموافق 14 أيار»).
 */
const GAP = new RegExp(
  `^${P.SP}*\\)?${P.SP}*[,،:\\-–—]?${P.SP}*(?:(?:${[...P.SETS.concordance].join('|')})${P.SP}*)?\\(?${P.SP}*$`,
);

function isDayDate(p: Parsed): boolean {
  return (p.t === 'cal' && p.d !== null && (p.m !== null || p.cal === 'g')) || p.t === 'num';
}

/** «يوم الخميس، 14 أيار», «اليوم السبت (4 أيلول 2021)» → one candidate with the weekday. */
export function joinWeekdays(t: string, cands: Cand[]): Cand[] {
  const sorted = [...cands].sort((a, b) => a.s - b.s || b.e - a.e);
  const extra: Cand[] = [];
  for (const w of sorted) {
    const isWd = w.p.t === 'wd' && w.p.rel === null && (w.p.shift === null || w.p.today);
    const isToday = w.p.t === 'shift' && w.p.days === 0;
    if (!isWd && !isToday) continue;
    for (const c of sorted) {
      if (c.s < w.e || c.s - w.e > 24) continue;
      if (c.rangeEnd || !isDayDate(c.p) || !GAP.test(t.slice(w.e, c.s))) continue;
      let e = c.e;
      if (t.slice(w.e, c.s).includes('(')) {
        const [ch, i] = nextChar(t, e);
        if (ch === ')') e = i + 1;
      }
      const wd = w.p.t === 'wd' ? w.p.wd : null;
      const today = w.p.t === 'wd' ? w.p.today : true;
      extra.push({ s: w.s, e, p: { ...(c.p as CalDate), wd, today } as Parsed });
    }
  }
  return extra.length ? cands.concat(extra) : cands;
}

/** Non-overlapping candidates, longest first (ties: the earlier one), returned in text order. */
export function selectLongest(cands: Cand[]): Cand[] {
  const byLength = [...cands].sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
  const kept: Cand[] = [];
  for (const c of byLength) {
    if (c.e <= c.s) continue;
    if (kept.every((k) => c.e <= k.s || c.s >= k.e)) kept.push(c);
  }
  return kept.sort((a, b) => a.s - b.s);
}
