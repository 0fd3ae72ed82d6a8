// The one way ingestion talks to a database, embedded SQLite or a PostgreSQL server: statements
// with `?` placeholders, awaited. The SQL written against it is the subset both understand
// (ON CONFLICT, RETURNING, CAST, IS DISTINCT FROM); what differs, a JSON array as a set of values,
// comes from the dialect helpers below.
import type Database from 'better-sqlite3';

export type Param = string | number | bigint | Buffer | null;

export interface Db {
  readonly kind: 'sqlite' | 'postgres';
  get<T>(sql: string, ...params: Param[]): Promise<T | undefined>;
  all<T>(sql: string, ...params: Param[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, ...params: Param[]): Promise<number>;
  /** Transaction control and other statements without parameters or results. */
  exec(sql: string): Promise<void>;
  readonly inTransaction: boolean;
  /** A subquery of the values of a JSON array given as one parameter (`IN ${db.values('int')}`). */
  values(type: 'int' | 'text'): string;
  /** A FROM item of the values of a JSON array parameter, one row each in a column `value`. */
  valuesFrom(type: 'int' | 'text'): string;
}

/** better-sqlite3 behind the Db contract: the work is synchronous, the answers come as settled promises. */
export class SqliteDb implements Db {
  readonly kind = 'sqlite';
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(readonly raw: Database.Database) {}

  private prep(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.raw.prepare(sql)));
    return s;
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

  get inTransaction(): boolean {
    return this.raw.inTransaction;
  }

  values(type: 'int' | 'text'): string {
    return `(SELECT value FROM ${this.valuesFrom(type)})`;
  }

  valuesFrom(_type: 'int' | 'text'): string {
    return 'json_each(?)';
  }
}
