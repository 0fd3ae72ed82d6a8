// Opening the database for a command: the path from --db, else RASD_DB, else ./rasd.db; a store
// error becomes one clear message and exit status 1.
import { StoreError } from '../../store/errors.js';
import { Store } from '../../store/sqlite.js';
import { renderError } from '../views.js';

export const DEFAULT_DB = 'rasd.db';

export const dbPath = (given: string | undefined): string => given || process.env['RASD_DB'] || DEFAULT_DB;

export function openStore(path: string, readonly = false): Store | null {
  try {
    return Store.open(path, { readonly });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    process.stderr.write(renderError(path, e.message));
    return null;
  }
}

/** The learning threshold is a property of the database: set once (or changed) with --learn-min. */
export function learnMinOf(store: Store, given: number | undefined): number {
  if (given !== undefined) store.setMeta('learn_min', String(given));
  return Number(store.getMeta('learn_min') ?? 5);
}

/** Runs a reading command on the database (opened read-only, closed after); 1 when it cannot be opened. */
export function withReadStore(path: string, run: (store: Store) => number): number {
  const store = openStore(path, true);
  if (!store) return 1;
  try {
    return run(store);
  } finally {
    store.close();
  }
}
