// `rasd stats`: what a database holds.
import { SCHEMA_VERSION } from './schema.js';
import type { Store } from './sqlite.js';

export interface Stats {
  path: string;
  sizeBytes: number;
  schemaVersion: number;
  articles: number;
  originals: number;
  duplicates: { url: number; content: number; near: number };
  statements: number;
  entities: number;
  events: number;
  published: { first: string | null; last: string | null; undated: number };
  outlets: { outlet: string; articles: number }[];
  learnedLines: number;
  feeds: number;
  failures: number;
  /** Articles analysed by other stage versions than this rasd's (see `rasd reanalyze`). */
  outdated: number;
}

export function stats(store: Store, currentStages: string): Stats {
  const one = <T>(sql: string, ...args: unknown[]): T => store.prep(sql).get(...args) as T;
  const counts = one<{ n: number; originals: number; statements: number; entities: number; events: number; outdated: number }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE duplicate_of IS NULL) AS originals,
       coalesce(sum(statements), 0) AS statements, coalesce(sum(entities), 0) AS entities, coalesce(sum(events), 0) AS events,
       count(*) FILTER (WHERE stages != ? AND duplicate_kind IS NOT 'content') AS outdated
     FROM articles`,
    currentStages,
  );
  const dups = { url: 0, content: 0, near: 0 };
  for (const r of store.prep('SELECT duplicate_kind AS k, count(*) AS n FROM articles WHERE duplicate_kind IS NOT NULL GROUP BY 1').all() as { k: keyof typeof dups; n: number }[]) dups[r.k] = r.n;
  const dates = one<{ first: string | null; last: string | null; undated: number }>(
    `SELECT min(published) AS first, max(published) AS last, count(*) FILTER (WHERE published IS NULL) AS undated
     FROM articles WHERE duplicate_of IS NULL`,
  );
  const outlets = store
    .prep(`SELECT coalesce(outlet, '(none)') AS outlet, count(*) AS articles FROM articles WHERE duplicate_of IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`)
    .all() as Stats['outlets'];
  return {
    path: store.path,
    sizeBytes: store.sizeBytes(),
    schemaVersion: SCHEMA_VERSION,
    articles: counts.n,
    originals: counts.originals,
    duplicates: dups,
    statements: counts.statements,
    entities: counts.entities,
    events: counts.events,
    published: dates,
    outlets,
    learnedLines: one<{ n: number }>('SELECT count(*) AS n FROM outlet_lines WHERE articles >= ?', Number(store.getMeta('learn_min') ?? 5)).n,
    feeds: one<{ n: number }>('SELECT count(*) AS n FROM feeds').n,
    failures: one<{ n: number }>('SELECT count(*) AS n FROM failures').n,
    outdated: counts.outdated,
  };
}
