// Whether a store is consistent: what `rasd check` and the crash loop (scripts/crash-loop.mjs)
// verify after a process was killed. Two layers:
//   - the engine's own checks: on SQLite, PRAGMA integrity_check (pages, indexes and, since
//     SQLite 3.44, the FTS5 index), PRAGMA foreign_key_check, and FTS5's 'integrity-check'
//     command when the connection may write; PostgreSQL checks its pages itself (amcheck needs a
//     superuser, so it is not run here);
//   - rasd's own invariants across tables, the same SQL on both stores: every row that belongs to
//     an article points at one that exists (and at an original where only originals have such
//     rows), no copy is stored twice, the search index holds exactly the originals, counters
//     agree with the rows they count, and (PostgreSQL) every job's state agrees with its article.
// A killed writer must leave all of these true: each batch is one transaction.
import type { Db } from './db.js';
import { SqliteArticleStore, type ArticleStore } from './store.js';

export interface IntegrityProblem {
  /** What should hold and does not. */
  check: string;
  /** How many rows break it. */
  count: number;
  /** The first few offending rows, as JSON. */
  examples: string[];
}

export interface IntegrityReport {
  ok: boolean;
  problems: IntegrityProblem[];
  /** What the store holds, for the report. */
  figures: Record<string, number>;
}

interface Check {
  /** Said of the offending rows: "articles stored twice …". */
  check: string;
  /** Selects the offending rows. */
  sql: string;
  /** Counted into the crash loop's "duplicates" figure. */
  duplicate?: boolean;
}

const EXAMPLES = 3;

/** The invariants every store keeps, whatever the engine; `rowid` names the search index's article id column. */
function checks(rowid: string): Check[] {
  const orphans = (table: string, what: string, originalOnly: boolean): Check => ({
    check: `${what} of an article that is not stored${originalOnly ? ' or is a duplicate (only originals have them)' : ''}`,
    sql: `SELECT t.article_id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id${originalOnly ? ' AND a.duplicate_of IS NULL' : ''})`,
  });
  const noEntity = (table: string, what: string): Check => ({
    check: `${what} of an entity that does not exist`,
    sql: `SELECT t.entity_id FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = t.entity_id)`,
  });
  // An article's counter against its rows; articles stored by an older rasd get the rows from `rasd reanalyze`.
  const counted = (column: string, table: string): Check => ({
    check: `originals whose ${column} count differs from their ${table} rows (half an article stored; or stored by an older rasd: run rasd reanalyze)`,
    sql: `SELECT id, expected, found FROM (SELECT a.id, a.${column} AS expected, (SELECT count(*) FROM ${table} t WHERE t.article_id = a.id) AS found
          FROM articles a WHERE a.duplicate_of IS NULL) AS c WHERE expected <> found`,
  });
  return [
    {
      check: 'articles stored twice (the same identity with the same content)',
      sql: 'SELECT key, content_hash, count(*) AS n FROM articles GROUP BY key, content_hash HAVING count(*) > 1',
      duplicate: true,
    },
    {
      check: 'originals with the same content (one should be a duplicate of the other)',
      sql: 'SELECT content_hash, count(*) AS n FROM articles WHERE duplicate_of IS NULL GROUP BY content_hash HAVING count(*) > 1',
      duplicate: true,
    },
    {
      check: 'duplicates whose original is not stored or is itself a duplicate',
      sql: `SELECT a.id, a.duplicate_of FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of
            WHERE a.duplicate_of IS NOT NULL AND (o.id IS NULL OR o.duplicate_of IS NOT NULL)`,
    },
    {
      check: 'originals missing from the search index',
      sql: `SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM search s WHERE s.${rowid} = a.id)`,
    },
    {
      check: 'search index rows of no original article',
      sql: `SELECT s.${rowid} AS id FROM search s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.${rowid} AND a.duplicate_of IS NULL)`,
    },
    orphans('lsh', 'near-duplicate (LSH) bands', true),
    orphans('statements', 'statements', true),
    orphans('events', 'events', true),
    orphans('entity_mentions', 'entity mentions', true),
    orphans('story_terms', 'story terms', true),
    orphans('fetched', 'fetched addresses', false),
    counted('statements', 'statements'),
    counted('events', 'events'),
    {
      check: 'statements whose group (the first report of the same words) does not exist',
      sql: 'SELECT s.id, s.group_id FROM statements s WHERE s.group_id IS NULL OR NOT EXISTS (SELECT 1 FROM statements g WHERE g.id = s.group_id)',
    },
    {
      check: 'statements whose speaker entity does not exist',
      sql: 'SELECT s.id, s.speaker_entity FROM statements s WHERE s.speaker_entity IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = s.speaker_entity)',
    },
    {
      check: 'event entities of an event that does not exist',
      sql: 'SELECT t.event_id FROM event_entities t WHERE NOT EXISTS (SELECT 1 FROM events v WHERE v.id = t.event_id)',
    },
    noEntity('event_entities', 'event entities'),
    noEntity('entity_mentions', 'entity mentions'),
    noEntity('entity_aliases', 'entity aliases'),
    noEntity('entity_names', 'entity names'),
    {
      check: 'entities whose article count differs from their mentions',
      sql: `SELECT id, expected, found FROM (SELECT e.id, e.articles AS expected, (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id) AS found
            FROM entities e) AS c WHERE expected <> found`,
    },
    {
      check: "entity names whose article count differs from the mentions that used the name",
      sql: `SELECT entity_id, name, expected, found FROM (SELECT n.entity_id, n.name, n.articles AS expected,
              (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = n.entity_id AND m.name = n.name) AS found
            FROM entity_names n) AS c WHERE expected <> found`,
    },
    {
      check: 'articles in a story that does not exist',
      sql: 'SELECT a.id, a.story_id FROM articles a WHERE a.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)',
    },
    {
      check: 'stories whose article or outlet count differs from their articles, or that have none',
      sql: `SELECT id, articles, found, outlets, found_outlets FROM (SELECT s.id, s.articles, s.outlets,
              (SELECT count(*) FROM articles a WHERE a.story_id = s.id) AS found,
              (SELECT count(DISTINCT a.outlet) FROM articles a WHERE a.story_id = s.id) AS found_outlets
            FROM stories s) AS c WHERE articles <> found OR outlets <> found_outlets OR found = 0`,
    },
    {
      check: 'story centroid terms of a story that does not exist',
      sql: 'SELECT t.story_id FROM story_centroid t WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = t.story_id)',
    },
  ];
}

/** The job queue (PostgreSQL only): a job's state agrees with its article, and no article is claimed by two jobs. */
const JOB_CHECKS: Check[] = [
  {
    check: 'jobs done whose article is not stored',
    sql: "SELECT j.id, j.article_id FROM jobs j WHERE j.state = 'done' AND (j.article_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = j.article_id))",
  },
  {
    check: 'jobs in an impossible state (done but leased or undated, pending with an article, failed without a reason)',
    sql: `SELECT id, state FROM jobs WHERE (state = 'done' AND (lease_until IS NOT NULL OR done_at IS NULL))
            OR (state = 'pending' AND (article_id IS NOT NULL OR done_at IS NOT NULL)) OR (state = 'failed' AND error IS NULL)`,
  },
  {
    check: "jobs that stored another input's article",
    sql: "SELECT j.id, j.article_id FROM jobs j JOIN articles a ON a.id = j.article_id WHERE j.state = 'done' AND j.outcome IN ('stored', 'duplicate') AND a.source <> j.source",
  },
  {
    check: 'articles stored by two jobs',
    sql: "SELECT article_id, count(*) AS n FROM jobs WHERE state = 'done' AND outcome IN ('stored', 'duplicate') GROUP BY article_id HAVING count(*) > 1",
    duplicate: true,
  },
];

/** Runs every check on a store; never changes it (on SQLite, FTS5's own check runs only when the store may write). */
export async function checkStore(store: ArticleStore): Promise<IntegrityReport> {
  const problems: IntegrityProblem[] = [];
  if (store instanceof SqliteArticleStore) problems.push(...sqliteEngineChecks(store));
  const db = store.db;
  const list = [...checks(db.kind === 'sqlite' ? 'rowid' : 'id'), ...(db.kind === 'postgres' ? JOB_CHECKS : [])];
  for (const c of list) {
    const count = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM (${c.sql}) AS v`))!.n;
    if (!count) continue;
    const rows = await db.all<Record<string, unknown>>(`${c.sql} LIMIT ${EXAMPLES}`);
    problems.push({ check: c.check, count: Number(count), examples: rows.map((r) => JSON.stringify(r)) });
  }
  return { ok: problems.length === 0, problems, figures: await figures(db) };
}

/** How many rows break the checks that count copies stored twice (the crash loop's "duplicates"). */
export function duplicatesIn(report: IntegrityReport): number {
  const named = new Set([...checks('rowid'), ...JOB_CHECKS].filter((c) => c.duplicate).map((c) => c.check));
  return report.problems.filter((p) => named.has(p.check)).reduce((n, p) => n + p.count, 0);
}

function sqliteEngineChecks(store: SqliteArticleStore): IntegrityProblem[] {
  const raw = store.store.db;
  const problems: IntegrityProblem[] = [];
  const integrity = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (integrity.join() !== 'ok') problems.push({ check: 'SQLite integrity_check', count: integrity.length, examples: integrity.slice(0, EXAMPLES) });
  const fk = raw.pragma('foreign_key_check') as Record<string, unknown>[];
  if (fk.length) problems.push({ check: 'SQLite foreign_key_check: rows pointing at a missing row', count: fk.length, examples: fk.slice(0, EXAMPLES).map((r) => JSON.stringify(r)) });
  // integrity_check covers FTS5 since SQLite 3.44; the explicit command also runs on older
  // libraries, but it is an INSERT and a read-only connection may not run it.
  if (!raw.readonly) {
    try {
      raw.prepare("INSERT INTO search(search) VALUES ('integrity-check')").run();
    } catch (e) {
      problems.push({ check: 'SQLite FTS5 integrity-check of the search index', count: 1, examples: [(e as Error).message] });
    }
  }
  return problems;
}

async function figures(db: Db): Promise<Record<string, number>> {
  const one = async (sql: string) => Number((await db.get<{ n: number }>(sql))!.n);
  const out: Record<string, number> = {
    articles: await one('SELECT count(*) AS n FROM articles'),
    originals: await one('SELECT count(*) AS n FROM articles WHERE duplicate_of IS NULL'),
    searchRows: await one(`SELECT count(*) AS n FROM search`),
    statements: await one('SELECT count(*) AS n FROM statements'),
    events: await one('SELECT count(*) AS n FROM events'),
    entities: await one('SELECT count(*) AS n FROM entities'),
    stories: await one('SELECT count(*) AS n FROM stories'),
  };
  out['duplicates'] = out['articles']! - out['originals']!;
  if (db.kind === 'postgres') {
    for (const r of await db.all<{ state: string; n: number }>('SELECT state, count(*) AS n FROM jobs GROUP BY state')) out[`jobs${r.state[0]!.toUpperCase()}${r.state.slice(1)}`] = Number(r.n);
  }
  return out;
}
