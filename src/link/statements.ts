// One statement, several sources: the same words of one speaker, reported by several outlets (or
// twice in one article), become one statement listing every report, each with its own span. A
// partial or paraphrased report is linked when most of its content words are in the fuller one.
// The ingester decides this as each statement arrives (ingest/linker.ts) and stores it as the
// statement's group; readers gather a group's reports with groupReports.
import type { StatementRecord } from './claims.js';
import { searchTerms, type Term } from '../lang/ar/stem.js';
import { isContentStem } from '../lang/ar/stopwords.js';

export interface MergedStatement {
  speaker: string;
  /** The fullest report's words. */
  quote: string;
  /** Every report, the fullest first; each keeps its own article, outlet, date and span. */
  sources: StatementRecord[];
}

/** Share of the shorter report's content words that must occur in the other. */
export const CONTAINMENT = 0.7;
/** Reports further apart than this are not one statement. */
export const MAX_DAYS = 7;

/** The distinct content stems of a quote, in order of first occurrence. */
export const contentWords = (quote: string): string[] => distinctContent(searchTerms(quote));

/**
 * contentWords of the quote at `span` of a text, from the search terms of the whole text (made
 * once per article by the ingester): a quote is the text of its span, so nothing is stemmed twice.
 */
export function contentWordsAt(terms: readonly Term[], span: readonly [number, number]): string[] {
  let lo = 0, hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]!.start < span[0]) lo = mid + 1;
    else hi = mid;
  }
  const inside: Term[] = [];
  for (let i = lo; i < terms.length && terms[i]!.end <= span[1]; i++) inside.push(terms[i]!);
  return distinctContent(inside);
}

const distinctContent = (terms: readonly Term[]): string[] => [...new Set(terms.map((t) => t.stem).filter(isContentStem))];

/**
 * How far two reports (their content words) are one statement: the share of the shorter one's
 * content words found in the other; 0 when the shorter has fewer than two.
 */
export function containment(a: readonly string[], b: readonly string[]): number {
  const [small, large] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  if (small.length < 2) return 0;
  let inside = 0;
  for (const w of small) if (large.has(w)) inside++;
  return inside / small.length;
}

/** Whether two reports are one statement: `CONTAINMENT` of the shorter one's content words are in the other. */
export const sameWords = (a: readonly string[], b: readonly string[], share = CONTAINMENT): boolean => containment(a, b) >= share;

/** The reports of each statement together, by stored group; groups keep the input order of their first report. */
export function groupReports(records: StatementRecord[]): MergedStatement[] {
  const groups = new Map<number, StatementRecord[]>();
  for (const r of records) {
    const g = r.groupId ?? -r.id;
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  }
  return [...groups.values()].map((members) => {
    const sources = members.sort((x, y) => y.quote.length - x.quote.length);
    return { speaker: sources[0]!.speaker, quote: sources[0]!.quote, sources };
  });
}
