// What storing an original article adds across articles: its story (see link/stories.ts) and its
// statements in the statement index. Runs inside the ingester's transaction.
import type { ArticleDoc, NewsEvent, Statement } from '../core/types.js';
import { matchKey } from '../lang/ar/normalize.js';
import { storyVector, termCounts, windowOf, type StoryOptions } from '../link/stories.js';
import type { Term } from '../lang/ar/stem.js';
import { insertRows, type Db, type Param } from '../store/db.js';
import type { ArticleStore } from '../store/store.js';
import { containment, CONTAINMENT, contentWords, contentWordsAt, MAX_DAYS } from '../link/statements.js';
import { nameKey } from '../link/identity.js';
import { EntityIndex } from './entities.js';

/** Rows read per term and window: enough for any story, and a bound on the cost of a common term. */
const MAX_ROWS_PER_TERM = 200;
/** The terms of an article that look up candidates. */
const LOOKUP_TERMS = 16;
/** The closest articles whose stories are compared by centroid. */
const CANDIDATE_ARTICLES = 10;
/** Earlier statements of one speaker compared with a new one. */
const MAX_GROUP_CANDIDATES = 500;

interface Candidate {
  group_id: number | null;
  words: string | null;
}

/**
 * The entity of the article who made the statement: the one called by the speaker's name, else
 * the one mentioned at the speaker's span (a person before an organisation: «المتحدث باسم
 * الخارجية الأمريكية فيدانت باتيل» is the spokesman, not the ministry).
 */
function speakerEntity(s: Statement, doc: ArticleDoc, ids: number[]): number | null {
  const key = nameKey(s.speaker);
  const named = doc.entities.findIndex((e) => e.aliases.some((a) => nameKey(a) === key));
  if (named >= 0) return ids[named] ?? null;
  const sp = s.speakerSpan;
  if (!sp) return null;
  const at = (type: string) => doc.entities.findIndex((e) => e.type === type && e.mentions.some((m) => m[0] < sp[1] && sp[0] < m[1]));
  const i = at('PER') >= 0 ? at('PER') : at('ORG');
  return i >= 0 ? ids[i] ?? null : null;
}

/** The article's entities by every name they were called (folded), the first of a name winning. */
function entitiesByName(doc: ArticleDoc): Map<string, number> {
  const byName = new Map<string, number>();
  doc.entities.forEach((e, i) => {
    for (const name of [e.name, ...e.aliases]) {
      const key = nameKey(name);
      if (key && !byName.has(key)) byName.set(key, i);
    }
  });
  return byName;
}

/** The article's entities an event names: its actors, and its location (a place named so, or mentioned within the event's sentence). */
function eventEntities(ev: NewsEvent, doc: ArticleDoc, byName: Map<string, number>, ids: number[]): [number, 'actor' | 'place'][] {
  const found: [number, 'actor' | 'place'][] = [];
  const called = (name: string) => byName.get(nameKey(name)) ?? -1;
  for (const actor of ev.actors) {
    const i = called(actor);
    if (i >= 0 && ids[i] !== undefined) found.push([ids[i]!, 'actor']);
  }
  if (ev.location) {
    let i = called(ev.location);
    if (i < 0) {
      const [s, e] = ev.span;
      i = doc.entities.findIndex((x) => x.type !== 'PER' && x.type !== 'ORG' && x.mentions.some((m) => m[0] >= s && m[1] <= e) && ev.location!.includes(x.name));
    }
    if (i >= 0 && ids[i] !== undefined) found.push([ids[i]!, 'place']);
  }
  return found;
}

export class Linker {
  private readonly entities: EntityIndex;
  private readonly db: Db;

  constructor(private readonly store: ArticleStore, readonly opts: StoryOptions) {
    this.db = store.db;
    this.entities = new EntityIndex(store.db);
  }

  /**
   * Puts an original article into a story (an existing one, or a new one) and indexes its terms;
   * returns the story. `terms`: the search terms of its text, when the caller has them.
   */
  async assignStory(id: number, doc: ArticleDoc, terms?: Term[]): Promise<number> {
    const day = doc.published;
    // An undated article cannot be placed among the days around it: it is a story of its own.
    if (!day) {
      const story = await this.newStory(doc, null);
      await this.join(id, story, null);
      return story;
    }
    const counts = termCounts(doc, terms);
    const docs = Number((await this.store.getMeta('story_docs')) ?? 0);
    // The document frequencies of all the article's terms in one statement, not one per term.
    const rows = await this.db.all<{ term: string; docs: number }>(`SELECT term, docs FROM term_df WHERE term ${this.db.inList('text')}`, this.db.list([...counts.keys()]));
    const df = new Map(rows.map((r) => [r.term, r.docs]));
    const vec = storyVector(counts, (t) => df.get(t) ?? 0, docs);
    const best = await this.bestStory(vec, day);
    const chosen = best && best.cosine >= this.opts.threshold ? best.story : await this.newStory(doc, day);
    await this.addTerms(id, day, vec, [...counts.keys()], docs);
    await this.addToCentroid(chosen, vec);
    await this.join(id, chosen, day);
    return chosen;
  }

  /**
   * The story whose centroid is closest to the article. Candidates are the stories of the
   * articles of nearby days that share its terms (a bounded lookup); comparing with the centroid
   * rather than with the single closest article keeps one shared name from chaining stories.
   */
  private async bestStory(vec: Map<string, number>, day: string): Promise<{ story: number; cosine: number } | null> {
    const stories = new Set<number>();
    for (const [article] of [...(await this.nearArticles(vec, day))].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATE_ARTICLES)) {
      const story = await this.storyOf(article);
      if (story !== null) stories.add(story);
    }
    let best: { story: number; cosine: number } | null = null;
    for (const story of stories) {
      const cosine = await this.centroidCosine(story, vec);
      if (!best || cosine > best.cosine) best = { story, cosine };
    }
    return best;
  }

  private async centroidCosine(story: number, vec: Map<string, number>): Promise<number> {
    const s = await this.db.get<{ norm2: number }>('SELECT norm2 FROM stories WHERE id = ?', story);
    if (!s?.norm2) return 0;
    const rows = await this.centroidWeights(story, vec);
    let dot = 0;
    for (const r of rows) dot += (vec.get(r.term) ?? 0) * r.weight;
    return dot / Math.sqrt(s.norm2);
  }

  /** The centroid's weights of the vector's terms only: bounded however large the story grows. */
  private centroidWeights(story: number, vec: Map<string, number>): Promise<{ term: string; weight: number }[]> {
    return this.db.all<{ term: string; weight: number }>(
      `SELECT term, weight FROM story_centroid WHERE story_id = ? AND term ${this.db.inList('text')}`,
      story, this.db.list([...vec.keys()]),
    );
  }

  private async addToCentroid(story: number, vec: Map<string, number>): Promise<void> {
    const old = new Map((await this.centroidWeights(story, vec)).map((r) => [r.term, r.weight]));
    let delta = 0;
    const rows: Param[][] = [];
    for (const [t, w] of vec) {
      const o = old.get(t) ?? 0;
      rows.push([story, t, o + w]);
      delta += (o + w) ** 2 - o ** 2;
    }
    await insertRows(this.db, 'INSERT INTO story_centroid (story_id, term, weight) VALUES', rows,
      'ON CONFLICT (story_id, term) DO UPDATE SET weight = excluded.weight');
    await this.db.run('UPDATE stories SET norm2 = norm2 + ? WHERE id = ?', delta, story);
  }

  /** A duplicate belongs to its original's story. */
  async joinOriginal(id: number, original: number, day: string | null): Promise<void> {
    const story = await this.storyOf(original);
    if (story !== null) await this.join(id, story, day);
  }

  /**
   * The article's entities (one identity each across articles) and its statements, replacing
   * what was indexed before (reanalyze). Runs after the article has its story. `terms`: the
   * search terms of its text, when the caller has them.
   */
  async indexArticle(id: number, doc: ArticleDoc, terms?: Term[]): Promise<void> {
    const story = await this.storyOf(id);
    const entityIds = await this.entities.index(id, doc, story);
    await this.indexStatements(id, doc, entityIds, terms);
    await this.indexEvents(id, doc, entityIds);
  }

  /**
   * The article's events as rows, each with the entities named among its actors and the place
   * where it happened, so that an entity's page and the map can find them.
   */
  private async indexEvents(id: number, doc: ArticleDoc, entityIds: number[]): Promise<void> {
    await this.db.run('DELETE FROM event_entities WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)', id);
    await this.db.run('DELETE FROM events WHERE article_id = ?', id);
    const byName = doc.events.length ? entitiesByName(doc) : new Map<string, number>();
    for (const [n, ev] of doc.events.entries()) {
      const row = await this.db.get<{ id: number }>(
        `INSERT INTO events (article_id, n, type, date, location, lat, lon, actors, text, killed, injured, span_start, span_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        id, n, ev.type, ev.date ?? doc.published, ev.location, ev.coordinates?.lat ?? null, ev.coordinates?.lon ?? null,
        JSON.stringify(ev.actors), doc.text.slice(ev.span[0], ev.span[1]), ev.killed, ev.injured, ev.span[0], ev.span[1],
      );
      for (const [entity, role] of eventEntities(ev, doc, byName, entityIds)) {
        await this.db.run('INSERT INTO event_entities (event_id, entity_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', row!.id, entity, role);
      }
    }
  }

  /**
   * The statements of an article. Each is given the entity who spoke (the article's entity at the
   * speaker's span or of the speaker's name), and its group: the reports of the same words by the
   * same speaker within a week (link/statements.ts) become one statement with several sources.
   */
  private async indexStatements(id: number, doc: ArticleDoc, entityIds: number[], terms?: Term[]): Promise<void> {
    await this.forgetStatements(id);
    for (const [n, s] of doc.statements.entries()) {
      const entity = speakerEntity(s, doc, entityIds);
      const words = terms ? contentWordsAt(terms, s.span) : contentWords(s.quote);
      const speakerKey = matchKey(s.speaker);
      const row = await this.db.get<{ id: number }>(
        `INSERT INTO statements (article_id, n, speaker, speaker_key, organization, org_key, role, quote, quote_key, kind, stance, channel, date, span_start, span_end, speaker_entity, words)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        id, n, s.speaker, speakerKey, s.organization, s.organization ? matchKey(s.organization) : null, s.role, s.quote, matchKey(s.quote),
        s.kind, s.stance, s.channel, s.date, s.span[0], s.span[1], entity, words.join(' '),
      );
      await this.group(row!.id, id, speakerKey, entity, s.date ?? doc.published, words);
    }
  }

  /**
   * Joins a new statement to the group of earlier reports of the same words (link/statements.ts),
   * judged against each group's fullest report, so that a short report that fits two different
   * longer statements does not make them one.
   */
  private async group(sid: number, articleId: number, speakerKey: string, entity: number | null, day: string | null, words: string[]): Promise<void> {
    const candidates = day
      ? await this.db.all<Candidate>(
          // Two index lookups rather than one OR, which PostgreSQL would answer by scanning the window's days.
          `SELECT group_id, words FROM (
             SELECT group_id, words FROM statements WHERE speaker_entity = ? AND date BETWEEN ? AND ? AND id != ?
             UNION ALL
             SELECT group_id, words FROM statements WHERE speaker_key = ? AND date BETWEEN ? AND ? AND id != ?
           ) AS c LIMIT ${MAX_GROUP_CANDIDATES}`,
          entity, ...windowOf(day, MAX_DAYS), sid, speakerKey, ...windowOf(day, MAX_DAYS), sid,
        )
      : await this.db.all<Candidate>('SELECT group_id, words FROM statements WHERE article_id = ? AND speaker_key = ? AND id != ?', articleId, speakerKey, sid);
    const fullest = new Map<number, string[]>();
    for (const c of candidates) {
      if (c.group_id === null || !c.words) continue;
      const w = c.words.split(' ');
      if ((fullest.get(c.group_id)?.length ?? -1) < w.length) fullest.set(c.group_id, w);
    }
    let best: { group: number; score: number } | null = null;
    for (const [group, w] of fullest) {
      const score = containment(words, w);
      if (score >= CONTAINMENT && (!best || score > best.score || (score === best.score && group < best.group))) best = { group, score };
    }
    await this.db.run('UPDATE statements SET group_id = ? WHERE id = ?', best?.group ?? sid, sid);
  }

  /** Removes an article's statements; a group named after one of them is renamed after its next report. */
  private async forgetStatements(id: number): Promise<void> {
    const gone = await this.db.all<{ id: number }>('SELECT id FROM statements WHERE article_id = ?', id);
    if (!gone.length) return;
    await this.db.run('DELETE FROM statements WHERE article_id = ?', id);
    for (const g of gone) {
      await this.db.run('UPDATE statements SET group_id = (SELECT min(id) FROM statements WHERE group_id = ?) WHERE group_id = ?', g.id, g.id);
    }
  }

  /** Articles of the days around `day` sharing terms with the vector, with their cosine. */
  private async nearArticles(vec: Map<string, number>, day: string): Promise<Map<number, number>> {
    const [from, to] = windowOf(day, this.opts.windowDays);
    const scores = new Map<number, number>();
    // The strongest terms find the candidates (the vector is in descending order of weight).
    for (const [term, w] of [...vec].slice(0, LOOKUP_TERMS)) {
      const rows = await this.db.all<{ article_id: number; weight: number }>(
        `SELECT article_id, weight FROM story_terms WHERE term = ? AND day BETWEEN ? AND ? LIMIT ${MAX_ROWS_PER_TERM}`,
        term, from, to,
      );
      for (const r of rows) scores.set(r.article_id, (scores.get(r.article_id) ?? 0) + w * r.weight);
    }
    return scores;
  }

  private async storyOf(id: number): Promise<number | null> {
    return (await this.db.get<{ story_id: number | null }>('SELECT story_id FROM articles WHERE id = ?', id))?.story_id ?? null;
  }

  private async newStory(doc: ArticleDoc, day: string | null): Promise<number> {
    const title = doc.title ?? doc.text.slice(0, 120);
    return (await this.db.get<{ id: number }>('INSERT INTO stories (title, first_day, last_day) VALUES (?, ?, ?) RETURNING id', title, day, day))!.id;
  }

  /** Indexes the article's vector by term and day, and counts its terms in the document frequencies. */
  private async addTerms(id: number, day: string, vec: Map<string, number>, terms: string[], docs: number): Promise<void> {
    await insertRows(this.db, 'INSERT INTO story_terms (term, day, article_id, weight) VALUES', [...vec].map(([t, w]) => [t, day, id, w]),
      'ON CONFLICT (term, day, article_id) DO UPDATE SET weight = excluded.weight');
    // In a fixed order, so that two writers counting the same terms never wait on each other in a cycle.
    await this.db.run(
      `INSERT INTO term_df (term, docs) SELECT value, 1 FROM ${this.db.listRows('text')} WHERE true
       ON CONFLICT (term) DO UPDATE SET docs = term_df.docs + 1`,
      this.db.list([...terms].sort()),
    );
    await this.store.setMeta('story_docs', String(docs + 1));
  }

  private async join(id: number, story: number, day: string | null): Promise<void> {
    await this.db.run('UPDATE articles SET story_id = ? WHERE id = ?', story, id);
    await this.db.run(
      `UPDATE stories SET articles = articles + 1,
         first_day = CASE WHEN CAST(? AS TEXT) IS NOT NULL AND ? < first_day THEN ? ELSE first_day END,
         last_day = CASE WHEN CAST(? AS TEXT) IS NOT NULL AND ? > last_day THEN ? ELSE last_day END,
         outlets = (SELECT count(DISTINCT outlet) FROM articles WHERE story_id = ?)
       WHERE id = ?`,
      day, day, day, day, day, day, story, story,
    );
  }
}
