// What storing an original article adds across articles: its story (see link/stories.ts) and its
// statements in the statement index. Runs inside the ingester's transaction.
import type { ArticleDoc } from '../core/types.js';
import { matchKey } from '../lang/ar/normalize.js';
import { storyVector, termCounts, windowOf, type StoryOptions } from '../link/stories.js';
import type { Term } from '../lang/ar/stem.js';
import type { Store } from '../store/sqlite.js';

/** Rows read per term and window: enough for any story, and a bound on the cost of a common term. */
const MAX_ROWS_PER_TERM = 200;
/** The terms of an article that look up candidates. */
const LOOKUP_TERMS = 16;
/** The closest articles whose stories are compared by centroid. */
const CANDIDATE_ARTICLES = 10;

export class Linker {
  constructor(private readonly store: Store, readonly opts: StoryOptions) {}

  /**
   * Puts an original article into a story (an existing one, or a new one) and indexes its terms;
   * returns the story. `terms`: the search terms of its text, when the caller has them.
   */
  assignStory(id: number, doc: ArticleDoc, terms?: Term[]): number {
    const day = doc.published;
    // An undated article cannot be placed among the days around it: it is a story of its own.
    if (!day) {
      const story = this.newStory(doc, null);
      this.join(id, story, null);
      return story;
    }
    const counts = termCounts(doc, terms);
    const docs = Number(this.store.getMeta('story_docs') ?? 0);
    // The document frequencies of all the article's terms in one statement, not one per term.
    const distinct = JSON.stringify([...counts.keys()]);
    const rows = this.store.prep('SELECT term, docs FROM term_df WHERE term IN (SELECT value FROM json_each(?))').all(distinct) as { term: string; docs: number }[];
    const df = new Map(rows.map((r) => [r.term, r.docs]));
    const vec = storyVector(counts, (t) => df.get(t) ?? 0, docs);
    const best = this.bestStory(vec, day);
    const chosen = best && best.cosine >= this.opts.threshold ? best.story : this.newStory(doc, day);
    this.addTerms(id, day, vec, distinct);
    this.addToCentroid(chosen, vec);
    this.join(id, chosen, day);
    return chosen;
  }

  /**
   * The story whose centroid is closest to the article. Candidates are the stories of the
   * articles of nearby days that share its terms (a bounded lookup); comparing with the centroid
   * rather than with the single closest article keeps one shared name from chaining stories.
   */
  private bestStory(vec: Map<string, number>, day: string): { story: number; cosine: number } | null {
    const stories = new Set<number>();
    for (const [article] of [...this.nearArticles(vec, day)].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATE_ARTICLES)) {
      const story = this.storyOf(article);
      if (story !== null) stories.add(story);
    }
    let best: { story: number; cosine: number } | null = null;
    for (const story of stories) {
      const cosine = this.centroidCosine(story, vec);
      if (!best || cosine > best.cosine) best = { story, cosine };
    }
    return best;
  }

  private centroidCosine(story: number, vec: Map<string, number>): number {
    const s = this.store.prep('SELECT norm2 FROM stories WHERE id = ?').get(story) as { norm2: number } | undefined;
    if (!s?.norm2) return 0;
    // A lookup per term of the article: bounded however large the story grows.
    const q = this.store.prep('SELECT weight FROM story_centroid WHERE story_id = ? AND term = ?');
    let dot = 0;
    for (const [t, w] of vec) dot += w * ((q.get(story, t) as { weight: number } | undefined)?.weight ?? 0);
    return dot / Math.sqrt(s.norm2);
  }

  private addToCentroid(story: number, vec: Map<string, number>): void {
    const get = this.store.prep('SELECT weight FROM story_centroid WHERE story_id = ? AND term = ?');
    const put = this.store.prep('INSERT OR REPLACE INTO story_centroid (story_id, term, weight) VALUES (?, ?, ?)');
    let delta = 0;
    for (const [t, w] of vec) {
      const old = (get.get(story, t) as { weight: number } | undefined)?.weight ?? 0;
      put.run(story, t, old + w);
      delta += (old + w) ** 2 - old ** 2;
    }
    this.store.prep('UPDATE stories SET norm2 = norm2 + ? WHERE id = ?').run(delta, story);
  }

  /** A duplicate belongs to its original's story. */
  joinOriginal(id: number, original: number, day: string | null): void {
    const story = this.storyOf(original);
    if (story !== null) this.join(id, story, day);
  }

  /** The statements of an article, replacing those indexed before (reanalyze). */
  indexStatements(id: number, doc: ArticleDoc): void {
    this.store.prep('DELETE FROM statements WHERE article_id = ?').run(id);
    const q = this.store.prep(
      `INSERT INTO statements (article_id, n, speaker, speaker_key, organization, org_key, role, quote, quote_key, kind, stance, channel, date, span_start, span_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    doc.statements.forEach((s, n) =>
      q.run(id, n, s.speaker, matchKey(s.speaker), s.organization, s.organization ? matchKey(s.organization) : null, s.role, s.quote, matchKey(s.quote), s.kind, s.stance, s.channel,
        s.date, s.span[0], s.span[1]),
    );
  }

  /** Articles of the days around `day` sharing terms with the vector, with their cosine. */
  private nearArticles(vec: Map<string, number>, day: string): Map<number, number> {
    const [from, to] = windowOf(day, this.opts.windowDays);
    const q = this.store.prep(`SELECT article_id, weight FROM story_terms WHERE term = ? AND day BETWEEN ? AND ? LIMIT ${MAX_ROWS_PER_TERM}`);
    const scores = new Map<number, number>();
    // The strongest terms find the candidates (the vector is in descending order of weight).
    for (const [term, w] of [...vec].slice(0, LOOKUP_TERMS)) {
      for (const r of q.all(term, from, to) as { article_id: number; weight: number }[]) {
        scores.set(r.article_id, (scores.get(r.article_id) ?? 0) + w * r.weight);
      }
    }
    return scores;
  }

  private storyOf(id: number): number | null {
    const r = this.store.prep('SELECT story_id FROM articles WHERE id = ?').get(id) as { story_id: number | null } | undefined;
    return r?.story_id ?? null;
  }

  private newStory(doc: ArticleDoc, day: string | null): number {
    const title = doc.title ?? doc.text.slice(0, 120);
    const r = this.store.prep('INSERT INTO stories (title, first_day, last_day) VALUES (?, ?, ?)').run(title, day, day);
    return Number(r.lastInsertRowid);
  }

  /** Indexes the article's vector by term and day, and counts its terms (a JSON array) in the document frequencies. */
  private addTerms(id: number, day: string, vec: Map<string, number>, terms: string): void {
    const ins = this.store.prep('INSERT OR REPLACE INTO story_terms (term, day, article_id, weight) VALUES (?, ?, ?, ?)');
    for (const [t, w] of vec) ins.run(t, day, id, w);
    this.store
      .prep('INSERT INTO term_df (term, docs) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT (term) DO UPDATE SET docs = docs + 1')
      .run(terms);
    this.store.setMeta('story_docs', String(Number(this.store.getMeta('story_docs') ?? 0) + 1));
  }

  private join(id: number, story: number, day: string | null): void {
    this.store.prep('UPDATE articles SET story_id = ? WHERE id = ?').run(story, id);
    this.store
      .prep(
        `UPDATE stories SET articles = articles + 1,
           first_day = CASE WHEN ? IS NOT NULL AND ? < first_day THEN ? ELSE first_day END,
           last_day = CASE WHEN ? IS NOT NULL AND ? > last_day THEN ? ELSE last_day END,
           outlets = (SELECT count(DISTINCT outlet) FROM articles WHERE story_id = ?)
         WHERE id = ?`,
      )
      .run(day, day, day, day, day, day, story, story);
  }
}
