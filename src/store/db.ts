// The one way ingestion talks to a database, embedded SQLite or a PostgreSQL server: statements
// with `?` placeholders, awaited. The SQL written against it is the subset both understand
// (ON CONFLICT, RETURNING, CAST, IS DISTINCT FROM); what differs, a JSON array as a set of values,
// comes from the dialect helpers below.
import type Database from 'better-sqlite3';
import type { Store } from './sqlite.js';

export type Param = string | number | bigint | Buffer | null;

export interface Db {
  readonly kind: 'sqlite' | 'postgres';
  get<T>(sql: string, ...params: Param[]): Promise<T | undefined>;
  all<T>(sql: string, ...params: Param[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, ...params: Param[]): Promise<number>;
  /** Transaction control and other statements without parameters or results. */
  exec(sql: string): Promise<void>;
  /** Opens a write transaction (SQLite takes the write lock at once, so a busy database is waited for, not refused). */
  begin(): Promise<void>;
  readonly inTransaction: boolean;
  /** A membership test in a list given as one parameter (`term ${db.inList('text')}`, with db.list(terms) as the parameter). */
  inList(type: 'int' | 'text'): string;
  /** A FROM item of the values of a list parameter, one row each in a column `value`. */
  listRows(type: 'int' | 'text'): string;
  /** A list as the one parameter of inList or listRows. */
  list(values: readonly (string | number)[]): string;
}

/** `n` rows of `cols` placeholders, for a multi-row VALUES: one statement instead of n. */
export const placeholders = (n: number, cols: number): string => {
  const row = `(${Array(cols).fill('?').join(', ')})`;
  return Array(n).fill(row).join(', ');
};

/** Rows written per multi-row statement: far below either database's limit on parameters. */
const ROWS_PER_STATEMENT = 200;

/**
 * Writes rows with as few statements as possible: `head` is the statement up to VALUES, `tail`
 * what follows the rows (ON CONFLICT …). Resolves to the number of rows changed.
 */
export async function insertRows(db: Db, head: string, rows: readonly Param[][], tail = ''): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    changed += await db.run(`${head} ${placeholders(chunk.length, chunk[0]!.length)} ${tail}`, ...chunk.flat());
  }
  return changed;
}

/** better-sqlite3 behind the Db contract: the work is synchronous, the answers come as settled promises. */
export class SqliteDb implements Db {
  readonly kind = 'sqlite';
  private readonly raw: Database.Database;

  /** Statements are prepared once, in the store's own cache. */
  constructor(private readonly store: Store) {
    this.raw = store.db;
  }

  private prep(sql: string): Database.Statement {
    return this.store.prep(sql);
  }

  get<T>(sql: string, ...params: Param[]): Promise<T | undefined> {
    return Promise.resolve(this.prep(sql).get(...params) as T | undefined);
  }

  all<T>(sql: string, ...params: Param[]): Promise<T[]> {
    return Promise.resolve(this.prep(sql).all(...params) as T[]);
  }

  run(sql: string, ...params: Param[]): Promise<number> {
    return Promise.resolve(this.prep(sql).run(...params).changes);
  }

  exec(sql: string): Promise<void> {
    this.raw.exec(sql);
    return Promise.resolve();
  }

  begin(): Promise<void> {
    return this.exec('BEGIN IMMEDIATE');
  }

  get inTransaction(): boolean {
    return this.raw.inTransaction;
  }

  inList(_type: 'int' | 'text'): string {
    return 'IN (SELECT value FROM json_each(?))';
  }

  listRows(_type: 'int' | 'text'): string {
    return 'json_each(?)';
  }

  list(values: readonly (string | number)[]): string {
    return JSON.stringify(values);
  }
}
