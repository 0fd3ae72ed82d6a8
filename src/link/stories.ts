// Stories: the articles about one happening, across outlets and days, clustered as they arrive.
//
// An article is represented by the terms that identify its happening: the search stems of its
// title and lead (first two paragraphs, weighted twice) and of the rest of its text, weighted by
// tf × idf (document frequencies counted in the store as articles arrive), the top TERMS kept and
// scaled to unit length. A new article is compared with the articles of the days around its
// publication day that share one of its terms (an index lookup per term, so the cost depends on
// the size of the window, not of the corpus); it joins the story of the most similar one when
// their cosine reaches the threshold, and starts a story otherwise.
import type { ArticleDoc } from '../core/types.js';
import { isContentStem } from '../lang/ar/stopwords.js';
import { searchTerms, type Term } from '../lang/ar/stem.js';

/** Terms kept per article. */
export const TERMS = 48;
/** Days before and after an article's day in which its story's other articles are looked for. */
export const WINDOW_DAYS = 4;

export interface StoryOptions {
  /** Cosine from which two articles are about the same happening. */
  threshold: number;
  windowDays: number;
}

export const DEFAULT_STORIES: StoryOptions = { threshold: 0.3, windowDays: WINDOW_DAYS };

/**
 * Raw term frequencies of an article: title and lead (first two paragraphs) terms count twice.
 * `terms` are the search terms of the text when the caller has them already.
 */
export function termCounts(doc: Pick<ArticleDoc, 'title' | 'text' | 'paragraphs'>, terms: Term[] = searchTerms(doc.text)): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (stem: string, weight: number) => {
    if (isContentStem(stem)) counts.set(stem, (counts.get(stem) ?? 0) + weight);
  };
  const leadEnd = doc.paragraphs[1]?.[1] ?? doc.paragraphs[0]?.[1] ?? doc.text.length;
  for (const t of terms) add(t.stem, t.end <= leadEnd ? 2 : 1);
  if (doc.title) for (const t of searchTerms(doc.title)) add(t.stem, 2);
  return counts;
}

/**
 * Pseudo-documents in which no term occurs, added to the count of articles: while the store is
 * young, document frequencies say little, and without them the first articles of a story would
 * weigh its own words (shared by all of them) as nothing.
 */
const PRIOR_DOCS = 1000;

/** The unit vector of the top terms by tf × idf. */
export function storyVector(counts: Map<string, number>, df: (term: string) => number, docs: number): Map<string, number> {
  const scored = [...counts].map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((docs + PRIOR_DOCS) / (df(t) + 1))] as const);
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = scored.slice(0, TERMS).filter(([, w]) => w > 0);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

/** The days from `day - n` to `day + n`, as YYYY-MM-DD bounds. */
export function windowOf(day: string, n: number): [string, string] {
  const t = Date.parse(`${day}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return [iso(t - n * 86_400_000), iso(t + n * 86_400_000)];
}
