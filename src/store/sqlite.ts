// The embedded store: one SQLite file (better-sqlite3), write-ahead logged so that readers never
// block the writer and a killed process loses nothing that was committed. This module knows SQL;
// what to store and when (deduplication, learning) is decided in src/ingest.
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { storeErrors, StoreError } from './errors.js';
import type { StoredAnalysis } from '../core/output.js';

export interface OpenOptions {
  /** Open an existing database for reading only (search, stats); never creates a file. */
  readonly?: boolean;
}

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
