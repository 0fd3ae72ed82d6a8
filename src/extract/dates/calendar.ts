// Calendar arithmetic on day numbers (days since 1970-01-01, UTC), so that resolving a date is
// integer arithmetic and never depends on the machine's time zone.

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number; // 1-based
  d: number;
}

export function dayNum(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d); // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as given
  return Math.round(t.getTime() / MS_PER_DAY);
}

export function fromDayNum(n: number): Ymd {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isoOf(n: number): string {
  const { y, m, d } = fromDayNum(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export const isoMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
export const isoYear = (y: number): string => pad(y, 4);

/** Day number of a YYYY-MM-DD string, or null when it is not a valid calendar day. */
export function parseIso(iso: string | null | undefined): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  return isValidDay(y, mo, d) ? dayNum(y, mo, d) : null;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfNum = (n: number): number => (((n + 4) % 7) + 7) % 7;

/** Weekday of a YYYY-MM-DD date, 0 = Sunday; -1 when the string is not a valid date. */
export function weekdayOf(iso: string): number {
  const n = parseIso(iso);
  return n === null ? -1 : weekdayOfNum(n);
}

/** Monday of the ISO week that contains day n. */
export const mondayOf = (n: number): number => n - ((weekdayOfNum(n) + 6) % 7);

/** Month index (y*12 + m-1) for month arithmetic. */
export const monthIndex = (y: number, m: number): number => y * 12 + (m - 1);
export const fromMonthIndex = (i: number): { y: number; m: number } => ({
  y: Math.floor(i / 12),
  m: (((i % 12) + 12) % 12) + 1,
});

// ---- Hijri (Umm al-Qura) --------------------------------------------------------------------
// Node ships full ICU, whose islamic-umalqura calendar follows the Saudi official tables; a day
// number is converted by formatting it, and the reverse by searching from an arithmetic estimate
// (a lunar year is about 354.367 days, a month about 29.53).

let hijriFormat: Intl.DateTimeFormat | null = null;

// Conversions are cached: an article repeats its dates, and a corpus repeats its years.
const hijriOfCache = new Map<number, Ymd>();
const hijriToCache = new Map<number, number | null>();
const CACHE_LIMIT = 50_000;

export function hijriOfDayNum(n: number): Ymd {
  let h = hijriOfCache.get(n);
  if (!h) {
    if (hijriOfCache.size >= CACHE_LIMIT) hijriOfCache.clear();
    hijriOfCache.set(n, (h = formatHijri(n)));
  }
  return h;
}

function formatHijri(n: number): Ymd {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const out: Ymd = { y: 0, m: 0, d: 0 };
  for (const p of hijriFormat.formatToParts(new Date(n * MS_PER_DAY))) {
    if (p.type === 'year') out.y = parseInt(p.value, 10);
    else if (p.type === 'month') out.m = parseInt(p.value, 10);
    else if (p.type === 'day') out.d = parseInt(p.value, 10);
  }
  return out;
}

/** 1 Muharram 1 AH, 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian). */
const HIJRI_EPOCH = dayNum(622, 7, 19);

/** Day number of a Hijri date, or null when that day does not exist (30th of a 29-day month). */
export function hijriToDayNum(hy: number, hm: number, hd: number): number | null {
  if (!(hy >= 1 && hy <= 2000 && hm >= 1 && hm <= 12 && hd >= 1 && hd <= 30)) return null;
  const k = (hy * 13 + hm) * 32 + hd;
  let n = hijriToCache.get(k);
  if (n === undefined) {
    if (hijriToCache.size >= CACHE_LIMIT) hijriToCache.clear();
    hijriToCache.set(k, (n = searchHijri(hy, hm, hd)));
  }
  return n;
}

function searchHijri(hy: number, hm: number, hd: number): number | null {
  let n = HIJRI_EPOCH + Math.floor((hy - 1) * 354.36667 + (hm - 1) * 29.5306 + hd - 1);
  for (let i = 0; i < 6; i++) {
    const h = hijriOfDayNum(n);
    if (h.y === hy && h.m === hm && h.d === hd) return n;
    const delta = Math.round((hy - h.y) * 354.36667 + (hm - h.m) * 29.5306 + (hd - h.d));
    if (delta === 0) return null;
    n += delta;
  }
  return null;
}
