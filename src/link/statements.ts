// One statement, several sources: the same words of one speaker, reported by several outlets (or
// twice in one article), become one statement listing every report, each with its own span. A
// partial or paraphrased report is linked when most of its content words are in the fuller one.
import type { StatementRecord } from './claims.js';
import { joinedNameKey } from '../lang/ar/names.js';
import { searchTerms } from '../lang/ar/stem.js';
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
const MAX_DAYS = 7;

const person = joinedNameKey;

const words = (quote: string): Set<string> => new Set(searchTerms(quote).map((t) => t.stem).filter(isContentStem));

/** Groups the reports of one statement; the input order is kept for the first report of each group. */
export function mergeStatements(records: StatementRecord[]): MergedStatement[] {
  const sets = records.map((r) => words(r.quote));
  const parent = records.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const a = records[i]!, b = records[j]!;
      if (person(a.speakerKey) !== person(b.speakerKey)) continue;
      if (a.date && b.date && Math.abs(Date.parse(a.date) - Date.parse(b.date)) > MAX_DAYS * 86_400_000) continue;
      const [small, large] = sets[i]!.size <= sets[j]!.size ? [sets[i]!, sets[j]!] : [sets[j]!, sets[i]!];
      if (small.size < 2) continue;
      let inside = 0;
      for (const w of small) if (large.has(w)) inside++;
      if (inside / small.size >= CONTAINMENT) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, number[]>();
  records.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()].map((members) => {
    const sources = members.map((i) => records[i]!).sort((x, y) => y.quote.length - x.quote.length);
    return { speaker: sources[0]!.speaker, quote: sources[0]!.quote, sources };
  });
}
