// Opening the database for a command: the path or postgres:// address from --db, else RASD_DB,
// else ./rasd.db; a store error becomes one clear message and exit status 1.
import { StoreError } from '../../store/errors.js';
import { isPostgresUrl, PgStore, safeLocation } from '../../store/postgres.js';
import { Store } from '../../store/sqlite.js';
import { SqliteArticleStore, type ArticleStore } from '../../store/store.js';
import { renderError } from '../views.js';

export const DEFAULT_DB = 'rasd.db';

export const dbPath = (given: string | undefined): string => given || process.env['RASD_DB'] || DEFAULT_DB;

/** The database as a user may name it in a message: a PostgreSQL address loses its password. */
export const shownDb = (target: string): string => (isPostgresUrl(target) ? safeLocation(target) : target);

export function openStore(path: string, readonly = false): Store | null {
  try {
    return Store.open(path, { readonly });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    process.stderr.write(renderError(path, e.message));
    return null;
  }
}

/** A store for ingesting or searching: a SQLite file, or a PostgreSQL database (postgres://…). */
export async function openArticleStore(target: string, readonly = false): Promise<ArticleStore | null> {
  try {
    return isPostgresUrl(target) ? await PgStore.open(target, { readonly }) : new SqliteArticleStore(Store.open(target, { readonly }));
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    process.stderr.write(renderError(shownDb(target), e.message));
    return null;
  }
}

/**
 * Runs a reading command on either store (opened read-only, closed after, also when the command
 * throws); 1 when it cannot be opened.
 */
export async function withArticleStore(target: string, run: (store: ArticleStore) => Promise<number>): Promise<number> {
  const store = await openArticleStore(target, true);
  if (!store) return 1;
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs a reading command that needs the SQLite store itself (its full-text index or its
 * synchronous queries: stories, timeline, who-said, entities, contradictions); on PostgreSQL it
 * says which commands read that store.
 */
export function withReadStore(path: string, run: (store: Store) => number, command = 'this command'): number {
  if (isPostgresUrl(path)) {
    process.stderr.write(renderError(shownDb(path), `${command} reads SQLite databases only; on PostgreSQL use rasd search, rasd export, rasd stats and rasd worker --status.`));
    return 1;
  }
  const store = openStore(path, true);
  if (!store) return 1;
  try {
    return run(store);
  } finally {
    store.close();
  }
}
