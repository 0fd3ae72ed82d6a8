// The article's own statement of its publication date, when the metadata has none.
//
// Rules, in order of trust:
//  today-dateline  «اليوم السبت (4 أيلول 2021)» / «اليوم (الاثنين) 26 تموز 2021» anywhere: the
//                  writer says which day "today" is;
//  timestamp-line  a line near the top that is only a date or date-time stamp («PM:12:36:26/07/2021»,
//                  «نشر في: 2021-07-26»);
//  lede-date       the first full date with a year and a weekday in the first body paragraph
//                  («… ، الأربعاء 28 تموز 2021، …»): wire-style ledes date the event of the day;
//  lede-dateline   a full date at the very start of that paragraph, after at most a place name
//                  («بغداد - 26 تموز 2021»).
// A year-bearing date without a weekday elsewhere in the lede is not enough: ledes often recall
// past dates («منذ 14 أيار 2020»).

import type { Span } from '../../core/types.js';
import { norm, normalizeWithMap, type NormText } from '../../lang/ar/normalize.js';
import { analyse, type Found } from './analyse.js';
import { SETS } from './patterns.js';

export interface Publication {
  value: string;
  span: Span;
  rule: string;
}

/** How many non-empty lines from the top may hold a timestamp line. */
const TIMESTAMP_LINES = 6;
/** How many non-empty lines to look through for the first body paragraph. */
const LEDE_SEARCH_LINES = 15;
/** A body paragraph has at least this many words (headlines, bylines and labels have fewer). */
const LEDE_MIN_WORDS = 12;

function fullDay(f: Found): boolean {
  const p = f.cand.p;
  return f.res.value !== null && !f.cand.rangeEnd && (p.t === 'num' || (p.t === 'cal' && p.y !== null));
}

const hasWeekday = (f: Found): boolean => (f.cand.p.t === 'cal' || f.cand.p.t === 'num') && f.cand.p.wd !== null;
const isToday = (f: Found): boolean => (f.cand.p.t === 'cal' || f.cand.p.t === 'num') && f.cand.p.today;

const result = (f: Found, rule: string): Publication => ({ value: f.res.value!, span: f.span, rule });

function nonEmptyLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (text.slice(start, i).trim()) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

const TIME_RE = /\d{1,2}:\d{2}(?::\d{2})?|(?<![a-z\u0621-\u064a])(?:am|pm|ص|م|الساعه)(?![a-z\u0621-\u064a])/g;

/** Is this line nothing but date stamps, times, labels («نشر في:») and punctuation? */
function isStampLine(text: string, [ls, le]: [number, number], inLine: Found[]): boolean {
  let rest = '';
  let at = ls;
  for (const f of inLine) {
    rest += text.slice(at, f.span[0]) + ' ';
    at = f.span[1];
  }
  rest = norm(rest + text.slice(at, le)).replace(TIME_RE, ' ');
  for (const label of SETS.publishedLabels) rest = rest.split(label).join(' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** Up to four words and a separator, or a single word (the place) before the date. */
const DATELINE_PREFIX =
  /^[\s\u200e\u200f]*(?:[^\s\d.!?؟"«»“”:،,\-–—]+(?:\s+[^\s\d.!?؟"«»“”:،,\-–—]+){0,3}\s*[-–—:،,]\s*|[^\s\d.!?؟"«»“”:،,\-–—]+\s+)?\(?\s*$/;

export function inferPublication(text: string, nt: NormText = normalizeWithMap(text)): Publication | null {
  const found = analyse(text, { published: null }, nt);
  const today = found.find((f) => isToday(f) && fullDay(f));
  if (today) return result(today, 'today-dateline');

  const lines = nonEmptyLines(text);
  const within = ([ls, le]: [number, number]): Found[] => found.filter((f) => f.span[0] >= ls && f.span[1] <= le);
  for (const line of lines.slice(0, TIMESTAMP_LINES)) {
    const inLine = within(line);
    const stamp = inLine.find(fullDay);
    if (stamp && isStampLine(text, line, inLine)) return result(stamp, 'timestamp-line');
  }

  const lede = lines.slice(0, LEDE_SEARCH_LINES).find(([ls, le]) => text.slice(ls, le).trim().split(/\s+/).length >= LEDE_MIN_WORDS);
  if (!lede) return null;
  const inLede = within(lede);
  const dated = inLede.find((f) => fullDay(f) && hasWeekday(f));
  if (dated) return result(dated, 'lede-date');
  const first = inLede[0];
  if (first && fullDay(first) && DATELINE_PREFIX.test(text.slice(lede[0], first.span[0]))) {
    return result(first, 'lede-dateline');
  }
  return null;
}
