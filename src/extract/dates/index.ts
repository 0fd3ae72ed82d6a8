// Date mentions in Arabic news text: absolute dates in both Gregorian month-name systems and the
// Hijri calendar, numeric dates and timestamps, weekdays and relative expressions, each resolved
// to a day (or a week, month or year) against the publication date.

import type { DateMention } from '../../core/types.js';
import type { NormText } from '../../lang/ar/normalize.js';
import { analyse, type DateContext } from './analyse.js';
import type { Cand, Parsed } from './model.js';

export type { DateContext } from './analyse.js';
export { weekdayOf, hijriToDayNum, hijriOfDayNum, isoOf, dayNum, parseIso } from './calendar.js';
export { inferPublication, type Publication } from './publication.js';

function kindOf(c: Cand): string {
  if (c.rangeEnd) return 'range-end';
  const p: Parsed = c.p;
  switch (p.t) {
    case 'cal':
      if (p.cal === 'h') return 'hijri';
      return p.y === null && (p.rel !== null || p.yrel !== null || p.m === null) ? 'relative' : 'absolute';
    case 'num': return p.time ? 'timestamp' : p.hijri ? 'hijri' : 'numeric';
    case 'wd': return p.shift !== null ? 'relative' : 'weekday';
    case 'year': return p.cal === 'h' ? 'hijri' : 'absolute';
    default: return 'relative';
  }
}

/**
 * Every date expression in `text`, sorted by start and non-overlapping (the longest wins).
 * Pass `nt` when the caller already has the normalised text.
 */
export function findDates(text: string, ctx: DateContext, nt?: NormText): DateMention[] {
  // Built by push: optimised map makes holey arrays and interpreted map packed ones, and the
  // stages that read this list would be deoptimised by the switch.
  const out: DateMention[] = [];
  for (const { cand, res, span } of analyse(text, ctx, nt)) {
    out.push({
      span,
      text: text.slice(span[0], span[1]),
      value: res.value,
      approx: res.approx,
      precision: res.precision,
      kind: kindOf(cand),
      relative: res.relative,
    });
  }
  return out;
}
