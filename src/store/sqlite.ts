// The embedded store: one SQLite file (better-sqlite3), write-ahead logged so that readers never
// block the writer and a killed process loses nothing that was committed. This module knows SQL;
// what to store and when (deduplication, learning) is decided in src/ingest.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { storeErrors, StoreError } from './errors.js';
import type { StoredAnalysis } from '../core/output.js';

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

export interface OpenOptions {
  /** Open an existing database for reading only (search, stats); never creates a file. */
  readonly?: boolean;
}

const now = (): string => new Date().toISOString();

export class Store {
  readonly db: Database.Database;
  private readonly stmts = new Map<string, Database.Statement>();

  private constructor(readonly path: string, db: Database.Database) {
    this.db = db;
  }

  static open(path: string, opts: OpenOptions = {}): Store {
    refuseUnusable(path, !!opts.readonly);
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
      db.pragma('busy_timeout = 10000');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) throw new StoreError(storeErrors.newerSchema(path, version, SCHEMA_VERSION));
      if (opts.readonly) {
        if (version < SCHEMA_VERSION) throw new StoreError(storeErrors.olderSchema(path));
      } else {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL'); // WAL + NORMAL: a killed process loses no committed transaction
        migrate(db, version);
      }
      db.pragma('foreign_keys = ON');
    } catch (e) {
      throw e instanceof StoreError ? e : new StoreError(storeErrors.cannotOpen(path, (e as Error).message));
    }
    return new Store(path, db);
  }

  close(): void {
    this.db.close();
  }

  /** A statement prepared once per store. */
  prep(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** A write transaction, taking the write lock at once (so that a busy database is waited for, not refused). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** The row stored for this copy (same identity, same content), if any: re-ingesting it changes nothing. */
  findCopy(key: string, contentHash: string): number | null {
    const r = this.prep('SELECT id FROM articles WHERE key = ? AND content_hash = ? LIMIT 1').get(key, contentHash) as { id: number } | undefined;
    return r?.id ?? null;
  }

  /** The first article stored under this identity (canonical URL or source). */
  firstWithKey(key: string): number | null {
    const r = this.prep('SELECT id FROM articles WHERE key = ? ORDER BY id LIMIT 1').get(key) as { id: number } | undefined;
    return r?.id ?? null;
  }

  /** The original (not a duplicate) with exactly this content. */
  originalWithHash(contentHash: string): number | null {
    const r = this.prep('SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY id LIMIT 1').get(contentHash) as { id: number } | undefined;
    return r?.id ?? null;
  }

  hasKey(key: string): boolean {
    return this.prep('SELECT 1 FROM articles WHERE key = ? LIMIT 1').get(key) !== undefined;
  }

  /** Originals sharing at least one LSH band with the given band hashes. */
  lshCandidates(bands: number[]): number[] {
    const q = this.prep('SELECT article_id FROM lsh WHERE band = ? AND hash = ?');
    const ids = new Set<number>();
    bands.forEach((h, b) => {
      for (const r of q.all(b, h) as { article_id: number }[]) ids.add(r.article_id);
    });
    return [...ids];
  }

  textOf(id: number): { text: string; minhash: Buffer | null } | null {
    return (this.prep('SELECT text, minhash FROM articles WHERE id = ?').get(id) as { text: string; minhash: Buffer | null } | undefined) ?? null;
  }

  insert(a: NewArticle): number {
    const at = now();
    const r = this.prep(
      `INSERT INTO articles (key, source, url, outlet, title, published, kind, encoding, meta, raw, text, content_hash,
         duplicate_of, duplicate_kind, similarity, analysis, statements, entities, events, stages, line_keys,
         learned_applied, minhash, ingested_at, analysed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(a.key, a.source, a.url, a.outlet, a.title, a.published, a.kind, a.encoding, a.meta, pack(a.raw), a.text, a.contentHash,
      a.duplicateOf, a.duplicateKind, a.similarity, pack(a.analysis), a.counts.statements, a.counts.entities, a.counts.events,
      a.stages, a.lineKeys, a.learnedApplied, a.minhash, at, at);
    return Number(r.lastInsertRowid);
  }

  addBands(id: number, bands: number[]): void {
    const q = this.prep('INSERT OR IGNORE INTO lsh (band, hash, article_id) VALUES (?, ?, ?)');
    bands.forEach((h, b) => q.run(b, h, id));
  }

  /** Replaces the article's row in the search index. */
  index(id: number, row: SearchRow): void {
    this.prep('DELETE FROM search WHERE rowid = ?').run(id);
    this.prep('INSERT INTO search (rowid, title, body, speakers, entities) VALUES (?, ?, ?, ?, ?)').run(id, row.title, row.body, row.speakers, row.entities);
  }

  /** Replaces an article's analysis (reanalyze). */
  updateAnalysis(id: number, a: Analysed): void {
    this.prep(
      `UPDATE articles SET title = ?, published = ?, text = ?, analysis = ?, statements = ?, entities = ?, events = ?,
         stages = ?, learned_applied = ?, analysed_at = ? WHERE id = ?`,
    ).run(a.title, a.published, a.text, pack(a.analysis), a.counts.statements, a.counts.entities, a.counts.events, a.stages, a.learnedApplied, now(), id);
  }

  /** Keys of the lines learned as boilerplate of an outlet: in at least `minArticles` of its articles. */
  learnedLines(outlet: string, minArticles: number): Set<number> {
    const rows = this.prep('SELECT key FROM outlet_lines WHERE outlet = ? AND articles >= ?').all(outlet, minArticles) as { key: number }[];
    return new Set(rows.map((r) => r.key));
  }

  /** Counts one more article for each line key; returns the keys that reached `minArticles` just now. */
  countLines(outlet: string, keys: number[], minArticles: number): number[] {
    const q = this.prep(
      `INSERT INTO outlet_lines (outlet, key, articles) VALUES (?, ?, 1)
       ON CONFLICT (outlet, key) DO UPDATE SET articles = articles + 1 RETURNING articles`,
    );
    const reached: number[] = [];
    for (const k of keys) if ((q.get(outlet, k) as { articles: number }).articles === minArticles) reached.push(k);
    return reached;
  }

  recordFailure(source: string, error: string): void {
    this.prep(
      `INSERT INTO failures (source, error, attempts, at) VALUES (?, ?, 1, ?)
       ON CONFLICT (source) DO UPDATE SET error = excluded.error, attempts = attempts + 1, at = excluded.at`,
    ).run(source, error, now());
  }

  clearFailure(source: string): void {
    this.prep('DELETE FROM failures WHERE source = ?').run(source);
  }

  failureAttempts(source: string): number {
    const r = this.prep('SELECT attempts FROM failures WHERE source = ?').get(source) as { attempts: number } | undefined;
    return r?.attempts ?? 0;
  }

  getMeta(key: string): string | null {
    const r = this.prep('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.prep('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The size of the database on disk, write-ahead log included. */
  sizeBytes(): number {
    let n = 0;
    for (const f of [this.path, `${this.path}-wal`]) {
      try {
        n += statSync(f).size;
      } catch {
        // no log yet
      }
    }
    return n;
  }
}

// Raw bodies and analyses are stored deflated: Arabic text and JSON shrink about threefold, which
// halves the database, for a third of a millisecond per article.
export const pack = (s: string): Buffer => deflateRawSync(s);
export const unpack = (b: Buffer): string => inflateRawSync(b).toString('utf8');
/** An article's stored analysis; an exact copy has none (empty). */
export const readAnalysis = (b: Buffer): StoredAnalysis => (JSON.parse(unpack(b)) as StoredAnalysis | null) ?? {};

/** Runs the missing migrations; two processes opening a new database at once migrate it once. */
function migrate(db: Database.Database, from: number): void {
  for (let v = from; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      // Re-read under the write lock: another process may have run this migration meanwhile.
      if ((db.pragma('user_version', { simple: true }) as number) > v) return;
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

/** Paths SQLite would fail on with a cryptic message (or silently create): refused with a clear one. */
function refuseUnusable(path: string, readonly: boolean): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    if (readonly) throw new StoreError(storeErrors.missing(path));
    return;
  }
  if (st.isDirectory()) throw new StoreError(storeErrors.isDirectory(path));
}
