// The stores a store test runs against: always a fresh SQLite file, and a fresh PostgreSQL
// database when RASD_TEST_PG names a server role that may create databases (.ci/run starts one
// and sets it). In CI the PostgreSQL store is required: a run without it fails rather than
// passing on SQLite alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { PgStore } from './postgres.js';
import { Store } from './sqlite.js';
import { SqliteArticleStore, type ArticleStore } from './store.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /**
   * A new, empty store; `target` is what --db would be given. `collation`: a PostgreSQL database
   * that sorts text by this ICU locale's rules (e.g. 'en', where «alpha» comes before «Alpha»),
   * to show that what rasd lists does not depend on it; SQLite has one order and ignores it.
   */
  fresh(opts?: { collation?: string }): Promise<{ store: ArticleStore; target: string }>;
  /** Removes every store made by fresh(). */
  cleanup(): Promise<void>;
}

export const PG_ADMIN = process.env['RASD_TEST_PG'] ?? '';

if (process.env['CI'] && !PG_ADMIN) {
  throw new Error('RASD_TEST_PG is not set: in CI the store suite must run against PostgreSQL too (.ci/run starts it and sets the variable).');
}

let serial = 0;

function sqlite(): Backend {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'rasd-suite-'));
      dirs.push(dir);
      const target = join(dir, 'rasd.db');
      return { store: new SqliteArticleStore(Store.open(target)), target };
    },
    async cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** A database URL on the test server: the admin URL with another database name. */
export function pgUrl(name: string): string {
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database on the test server (sorting text by an ICU locale when given); returns its name. */
export async function createPgDatabase(collation?: string): Promise<string> {
  const name = `rasd_test_${process.pid}_${Date.now().toString(36)}_${++serial}`;
  if (collation !== undefined && !/^[A-Za-z0-9-]+$/.test(collation)) throw new Error(`not an ICU locale name: ${collation}`);
  const admin = postgres(PG_ADMIN, { max: 1, onnotice: () => {} });
  try {
    const icu = collation ? ` LOCALE_PROVIDER icu ICU_LOCALE '${collation}'` : '';
    await admin.unsafe(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0${icu}`);
  } finally {
    await admin.end();
  }
  return name;
}

export async function dropPgDatabases(names: string[]): Promise<void> {
  if (!names.length) return;
  const admin = postgres(PG_ADMIN, { max: 1, onnotice: () => {} });
  try {
    for (const n of names) await admin.unsafe(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function pg(): Backend {
  const made: string[] = [];
  return {
    name: 'postgres',
    async fresh(opts = {}) {
      const name = await createPgDatabase(opts.collation);
      made.push(name);
      const target = pgUrl(name);
      return { store: await PgStore.open(target), target };
    },
    async cleanup() {
      await dropPgDatabases(made.splice(0));
    },
  };
}

/** The stores to run a suite against. */
export function backends(): Backend[] {
  return PG_ADMIN ? [sqlite(), pg()] : [sqlite()];
}
