// The store contract that ingestion, reanalysis, workers, exports, `rasd stats` and the store
// suite use, whatever holds the data: the SQL here is written once against Db (db.ts) and runs on
// SQLite and PostgreSQL; the full-text index and search, which the two do differently, are each
// backend's own.
import type { StoredAnalysis } from '../core/output.js';
import type { Db } from './db.js';
import { insertRows, placeholders, SqliteDb } from './db.js';
import { SCHEMA_VERSION } from './schema.js';
import type { SearchQuery, SearchResult } from './search.js';
import { search as sqliteSearch, selectedIds as sqliteSelectedIds } from './search.js';
import { pack, type Store } from './sqlite.js';
import type { Stats } from './stats.js';

export type DuplicateKind = 'url' | 'content' | 'near';

export interface NewArticle {
  key: string;
  source: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  kind: string;
  encoding: string;
  meta: string;
  raw: string;
  text: string;
  contentHash: string;
  duplicateOf: number | null;
  duplicateKind: DuplicateKind | null;
  similarity: number | null;
  analysis: string;
  counts: { statements: number; entities: number; events: number };
  stages: string;
  lineKeys: Buffer | null;
  learnedApplied: number;
  minhash: Buffer | null;
}

/** The columns of the search index for one article (search stems, see lang/ar/stem.ts). */
export interface SearchRow {
  title: string;
  body: string;
  speakers: string;
  entities: string;
}

export interface Analysed {
  title: string | null;
  published: string | null;
  text: string;
  analysis: string;
  counts: { statements: number; entities: number; events: number };
  stages: string;
  learnedApplied: number;
}

export type { StoredAnalysis };

/** What an export selects: a search's words and filters, every match (no page). */
export type Selection = Omit<SearchQuery, 'limit' | 'offset'>;

const now = (): string => new Date().toISOString();

export abstract class ArticleStore {
  /** Where the data is: a file path, or a PostgreSQL address without its password. */
  abstract readonly location: string;

  constructor(readonly db: Db) {}

  /** Replaces the article's row in the search index. */
  abstract index(id: number, row: SearchRow): Promise<void>;
  /** A search as `rasd search` runs it (query syntax in search.ts). */
  abstract search(q: SearchQuery): Promise<SearchResult>;
  /** Every original article a search selects, oldest first (undated ones first), then by id: what an export walks. */
  abstract selectedIds(q: Selection): Promise<number[]>;
  /** The version of the tables' layout, as `rasd stats` reports it. */
  abstract readonly schemaVersion: number;
  /** The space the data takes: the file and its log, or the whole PostgreSQL database. */
  abstract sizeBytes(): Promise<number>;
  abstract close(): Promise<void>;

  /**
   * Text sorted byte by byte, as SQLite does (code point order): appended to a text in ORDER BY
   * where the order is shown to users, so that both stores list the same things in the same order.
   */
  protected readonly bytewise: string = '';

  /**
   * Opens a read-only transaction: reads made in it all see the data as it was at its first read,
   * whatever writers (workers, ingests) commit meanwhile. End it with `db.exec('COMMIT')`.
   * SQLite's deferred BEGIN takes no lock, so the writers of a WAL database are not held up.
   */
  async beginRead(): Promise<void> {
    await this.db.exec('BEGIN');
  }

  /** The row stored for this copy (same identity, same content), if any: re-ingesting it changes nothing. */
  async findCopy(key: string, contentHash: string): Promise<number | null> {
    return (await this.db.get<{ id: number }>('SELECT id FROM articles WHERE key = ? AND content_hash = ? LIMIT 1', key, contentHash))?.id ?? null;
  }

  /** The first article stored under this identity (canonical URL or source). */
  async firstWithKey(key: string): Promise<number | null> {
    return (await this.db.get<{ id: number }>('SELECT id FROM articles WHERE key = ? ORDER BY id LIMIT 1', key))?.id ?? null;
  }

  /** The original (not a duplicate) with exactly this content. */
  async originalWithHash(contentHash: string): Promise<number | null> {
    return (await this.db.get<{ id: number }>('SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1', contentHash))?.id ?? null;
  }

  async hasKey(key: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS x FROM articles WHERE key = ? LIMIT 1', key)) !== undefined;
  }

  /** The article a duplicate points at (itself when it is an original). */
  async rootOf(id: number): Promise<number> {
    return (await this.db.get<{ duplicate_of: number | null }>('SELECT duplicate_of FROM articles WHERE id = ?', id))?.duplicate_of ?? id;
  }

  /** Originals sharing at least one LSH band with the given band hashes. */
  async lshCandidates(bands: number[]): Promise<number[]> {
    if (!bands.length) return [];
    // One lookup of the primary key per band, OR-ed: both databases answer it from the index
    // (PostgreSQL planned a (band, hash) IN (VALUES …) list as a scan of the whole table).
    const rows = await this.db.all<{ article_id: number }>(
      `SELECT DISTINCT article_id FROM lsh WHERE ${Array(bands.length).fill('(band = ? AND hash = ?)').join(' OR ')}`,
      ...bands.flatMap((h, b) => [b, h]),
    );
    return rows.map((r) => r.article_id);
  }

  async textOf(id: number): Promise<{ text: string; minhash: Buffer | null } | null> {
    return (await this.db.get<{ text: string; minhash: Buffer | null }>('SELECT text, minhash FROM articles WHERE id = ?', id)) ?? null;
  }

  async insert(a: NewArticle): Promise<number> {
    const at = now();
    const r = await this.db.get<{ id: number }>(
      `INSERT INTO articles (key, source, url, outlet, title, published, kind, encoding, meta, raw, text, content_hash,
         duplicate_of, duplicate_kind, similarity, analysis, statements, entities, events, stages, line_keys,
         learned_applied, minhash, ingested_at, analysed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      a.key, a.source, a.url, a.outlet, a.title, a.published, a.kind, a.encoding, a.meta, pack(a.raw), a.text, a.contentHash,
      a.duplicateOf, a.duplicateKind, a.similarity, pack(a.analysis), a.counts.statements, a.counts.entities, a.counts.events,
      a.stages, a.lineKeys, a.learnedApplied, a.minhash, at, at,
    );
    return r!.id;
  }

  async addBands(id: number, bands: number[]): Promise<void> {
    await insertRows(this.db, 'INSERT INTO lsh (band, hash, article_id) VALUES', bands.map((h, b) => [b, h, id]), 'ON CONFLICT DO NOTHING');
  }

  /** Replaces an article's analysis (reanalyze). */
  async updateAnalysis(id: number, a: Analysed): Promise<void> {
    await this.db.run(
      `UPDATE articles SET title = ?, published = ?, text = ?, analysis = ?, statements = ?, entities = ?, events = ?,
         stages = ?, learned_applied = ?, analysed_at = ? WHERE id = ?`,
      a.title, a.published, a.text, pack(a.analysis), a.counts.statements, a.counts.entities, a.counts.events, a.stages, a.learnedApplied, now(), id,
    );
  }

  /** Keys of the lines learned as boilerplate of an outlet: in at least `minArticles` of its articles. */
  async learnedLines(outlet: string, minArticles: number): Promise<Set<number>> {
    const rows = await this.db.all<{ key: number }>('SELECT key FROM outlet_lines WHERE outlet = ? AND articles >= ?', outlet, minArticles);
    return new Set(rows.map((r) => r.key));
  }

  /** Counts one more article for each line key; returns the keys that reached `minArticles` just now. */
  async countLines(outlet: string, keys: number[], minArticles: number): Promise<number[]> {
    const reached: number[] = [];
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += 200) {
      const chunk = unique.slice(i, i + 200);
      const rows = await this.db.all<{ key: number; articles: number }>(
        `INSERT INTO outlet_lines (outlet, key, articles) VALUES ${placeholders(chunk.length, 3)}
         ON CONFLICT (outlet, key) DO UPDATE SET articles = outlet_lines.articles + 1 RETURNING key, articles`,
        ...chunk.flatMap((k) => [outlet, k, 1]),
      );
      for (const r of rows) if (r.articles === minArticles) reached.push(Number(r.key));
    }
    return reached;
  }

  async recordFailure(source: string, error: string): Promise<void> {
    await this.db.run(
      `INSERT INTO failures (source, error, attempts, at) VALUES (?, ?, 1, ?)
       ON CONFLICT (source) DO UPDATE SET error = excluded.error, attempts = failures.attempts + 1, at = excluded.at`,
      source, error, now(),
    );
  }

  async clearFailure(source: string): Promise<void> {
    await this.db.run('DELETE FROM failures WHERE source = ?', source);
  }

  async failureAttempts(source: string): Promise<number> {
    return (await this.db.get<{ attempts: number }>('SELECT attempts FROM failures WHERE source = ?', source))?.attempts ?? 0;
  }

  async getMeta(key: string): Promise<string | null> {
    return (await this.db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', key))?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, value);
  }

  /** The learning threshold is a property of the database: set once (or changed) with --learn-min. */
  async learnMin(given: number | undefined): Promise<number> {
    if (given !== undefined) await this.setMeta('learn_min', String(given));
    return Number((await this.getMeta('learn_min')) ?? 5);
  }

  /**
   * What the database holds (`rasd stats`), read on one snapshot so that the figures agree with
   * each other while workers ingest; `currentStages` tells which articles an older rasd analysed.
   */
  async stats(currentStages: string): Promise<Stats> {
    await this.beginRead();
    try {
      return await this.readStats(currentStages);
    } finally {
      await this.db.exec('COMMIT');
    }
  }

  private async readStats(currentStages: string): Promise<Stats> {
    const one = async <T>(sql: string, ...args: (string | number)[]): Promise<T> => (await this.db.get<T>(sql, ...args))!;
    const counts = await one<{ n: number; originals: number; statements: number; entities: number; events: number; outdated: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE duplicate_of IS NULL) AS originals,
         coalesce(sum(statements), 0) AS statements, coalesce(sum(entities), 0) AS entities, coalesce(sum(events), 0) AS events,
         count(*) FILTER (WHERE stages <> ? AND duplicate_kind IS DISTINCT FROM 'content') AS outdated
       FROM articles`,
      currentStages,
    );
    const duplicates = { url: 0, content: 0, near: 0 };
    const kinds = await this.db.all<{ k: keyof typeof duplicates; n: number }>('SELECT duplicate_kind AS k, count(*) AS n FROM articles WHERE duplicate_kind IS NOT NULL GROUP BY duplicate_kind');
    for (const r of kinds) duplicates[r.k] = r.n;
    const published = await one<Stats['published']>(
      `SELECT min(published${this.bytewise}) AS first, max(published${this.bytewise}) AS last, count(*) FILTER (WHERE published IS NULL) AS undated
       FROM articles WHERE duplicate_of IS NULL`,
    );
    const outlets = await this.db.all<Stats['outlets'][number]>(
      `SELECT coalesce(outlet, '(none)') AS outlet, count(*) AS articles FROM articles WHERE duplicate_of IS NULL
       GROUP BY coalesce(outlet, '(none)') ORDER BY count(*) DESC, coalesce(outlet, '(none)')${this.bytewise} LIMIT 20`,
    );
    const count = async (sql: string, ...args: number[]) => (await one<{ n: number }>(sql, ...args)).n;
    return {
      path: this.location,
      sizeBytes: await this.sizeBytes(),
      schemaVersion: this.schemaVersion,
      articles: counts.n,
      originals: counts.originals,
      duplicates,
      statements: counts.statements,
      entities: counts.entities,
      events: counts.events,
      published,
      outlets,
      learnedLines: await count('SELECT count(*) AS n FROM outlet_lines WHERE articles >= ?', Number((await this.getMeta('learn_min')) ?? 5)),
      feeds: await count('SELECT count(*) AS n FROM feeds'),
      failures: await count('SELECT count(*) AS n FROM failures'),
      outdated: counts.outdated,
    };
  }
}

/** The embedded store (sqlite.ts) behind the contract. */
export class SqliteArticleStore extends ArticleStore {
  readonly location: string;
  readonly schemaVersion = SCHEMA_VERSION;

  constructor(readonly store: Store) {
    super(new SqliteDb(store));
    this.location = store.path;
  }

  async index(id: number, row: SearchRow): Promise<void> {
    this.store.prep('DELETE FROM search WHERE rowid = ?').run(id);
    this.store.prep('INSERT INTO search (rowid, title, body, speakers, entities) VALUES (?, ?, ?, ?, ?)').run(id, row.title, row.body, row.speakers, row.entities);
  }

  async search(q: SearchQuery): Promise<SearchResult> {
    return sqliteSearch(this.store, q);
  }

  async selectedIds(q: Selection): Promise<number[]> {
    return sqliteSelectedIds(this.store, q);
  }

  async sizeBytes(): Promise<number> {
    return this.store.sizeBytes();
  }

  async close(): Promise<void> {
    this.store.close();
  }
}
