// Publication dates as metadata gives them (HTML meta tags, JSON-LD, JSON fields) reduced to a
// day, YYYY-MM-DD. Only machine formats are read here; Arabic datelines in the text belong to the
// date extractor, which knows month names and calendars.

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** The day of a date given as a string or an epoch number, or null when it cannot be read. */
export function toDay(value: unknown): string | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  return fromIso(s) ?? fromEpochString(s) ?? fromEnglish(s);
}

/**
 * "2021-09-04", "2021-09-04T22:10:00+03:00", "2021-09-04 22:10:00", "2021/09/04", "20210904T2210".
 * The calendar day is taken as written, not converted to UTC: an outlet's timestamp in its own
 * zone names the day its readers saw, and converting would move late-evening articles a day on.
 */
function fromIso(s: string): string | null {
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?=T|$)/.exec(s);
  if (!m) return null;
  const [year, month, day] = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  return makeDay(Number(year), Number(month), Number(day));
}

/** Epoch seconds or milliseconds written as digits (feeds exported from databases do this). */
function fromEpochString(s: string): string | null {
  return /^\d{9,13}$/.test(s) ? fromEpoch(Number(s)) : null;
}

function fromEpoch(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  // Below 1e11 a value is in seconds (1e11 s is the year 5138); above, in milliseconds.
  const d = new Date(n < 1e11 ? n * 1000 : n);
  return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** RFC 822 feed dates ("Sat, 04 Sep 2021 10:00:00 +0300") and "Sep 4, 2021" / "4 September 2021". */
function fromEnglish(s: string): string | null {
  const dm = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (dm) return makeDay(Number(dm[3]), monthNumber(dm[2]!), Number(dm[1]));
  const md = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (md) return makeDay(Number(md[3]), monthNumber(md[1]!), Number(md[2]));
  return null;
}

/** 1–12 for an English month name or an abbreviation of it ("Sep", "Sept"), else 0. */
function monthNumber(word: string): number {
  const w = word.toLowerCase();
  return MONTH_NAMES.findIndex((name) => name.startsWith(w)) + 1;
}

/** YYYY-MM-DD when the parts name a real day in a plausible range, else null. */
function makeDay(year: number, month: number, day: number): string | null {
  // NaN fails every comparison below: an epoch past the range of Date gave "NaN-NaN-NaN".
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
