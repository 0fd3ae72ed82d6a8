// The extraction pipeline shared by findDates and inferPublication: scan the normalised text,
// join weekdays to their dates, keep the longest candidates, resolve each against the anchor.

import type { Span } from '../../core/types.js';
import { normalizeWithMap, toOriginal, type NormText } from '../../lang/ar/normalize.js';
import { parseIso } from './calendar.js';
import type { Cand } from './model.js';
import { joinWeekdays, scan, selectLongest } from './parse.js';
import { resolve, type Env, type Resolved } from './resolve.js';

export interface DateContext {
  /** Publication date, YYYY-MM-DD: the anchor for relative expressions. */
  published: string | null;
}

/** A selected candidate with its resolution, spans in both texts. */
export interface Found {
  cand: Cand;
  res: Resolved;
  span: Span;
}

/** The candidates of a text, non-overlapping, in order (normalised offsets). */
export function candidates(nt: NormText): Cand[] {
  return selectLongest(joinWeekdays(nt.text, scan(nt.text)));
}

/** Years printed in the text, for dates without a year when there is no publication date. */
function explicitYears(cands: Cand[]): Pick<Env, 'years' | 'hyears'> {
  const years: [number, number][] = [];
  const hyears: [number, number][] = [];
  for (const { s, p } of cands) {
    if (p.t === 'num') years.push([s, p.y]);
    else if ((p.t === 'cal' || p.t === 'year') && p.y !== null) {
      const hijri = p.t === 'cal' ? p.cal === 'h' && !p.yGregorian : p.cal === 'h';
      (hijri ? hyears : years).push([s, p.y]);
    }
  }
  return { years, hyears };
}

/** Map a normalised span to the original, keeping harakat that follow the last letter («غداً»). */
export function originalSpan(nt: NormText, s: number, e: number): Span {
  const [a, b] = toOriginal(nt, s, e);
  return [a, Math.max(b, nt.map[e] ?? b)];
}

export function analyse(text: string, ctx: DateContext, nt: NormText = normalizeWithMap(text)): Found[] {
  const cands = candidates(nt);
  const env: Env = { anchor: parseIso(ctx.published), ...explicitYears(cands) };
  const out: Found[] = []; // by push, for one array kind (see findDates)
  for (const cand of cands) out.push({ cand, res: resolve(cand.p, cand.s, env), span: originalSpan(nt, cand.s, cand.e) });
  return out;
}

