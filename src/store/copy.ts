// `rasd copy`: a whole store into a new one, SQLite or PostgreSQL either way. An archive built on
// a laptop moves to the team's server (or back to a laptop) with every id, story, statement group
// and learned boilerplate line as it was, without analysing anything again.
//
// The source is read in one snapshot, so a copy taken while rasd writes to it is consistent. The
// destination is written in one transaction, so a copy that fails leaves it as empty as it was.
// Search rows are not copied, because SQLite's index keeps no text to read back; they are made
// again from each original's stored title, text and analysis, as ingestion made them.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { insertRows, type Param } from './db.js';
import { StoreError } from './errors.js';
import { PgStore, searchVectors } from './postgres.js';
import { searchRow } from './search.js';
import { readAnalysis } from './sqlite.js';
import type { ArticleStore, SearchRow } from './store.js';

/** The tables copied, parents before the rows that point at them, each with the key it is read in order of. */
const TABLES: readonly { name: string; key: readonly string[]; chunk?: number }[] = [
  { name: 'stories', key: ['id'] },
  { name: 'articles', key: ['id'], chunk: 250 },
  { name: 'statements', key: ['id'] },
  { name: 'entities', key: ['id'] },
  { name: 'entity_aliases', key: ['key', 'entity_id'] },
  { name: 'entity_names', key: ['entity_id', 'name'] },
  { name: 'entity_mentions', key: ['entity_id', 'article_id'] },
  { name: 'events', key: ['id'] },
  { name: 'event_entities', key: ['entity_id', 'event_id', 'role'] },
  { name: 'lsh', key: ['band', 'hash', 'article_id'] },
  { name: 'outlet_lines', key: ['outlet', 'key'] },
  { name: 'story_centroid', key: ['story_id', 'term'] },
  { name: 'story_terms', key: ['term', 'day', 'article_id'] },
  { name: 'term_df', key: ['term'] },
  { name: 'fetched', key: ['url'] },
  { name: 'feeds', key: ['url'] },
  { name: 'failures', key: ['source'] },
];

/** Tables whose ids PostgreSQL generates: their counters continue after the copied ids. */
const IDENTITY = ['stories', 'articles', 'statements', 'entities', 'events'];

/** Meta entries that describe the database they are in, not the data: never copied. */
const OWN_META = new Set(['pg_schema_version']);

const CHUNK = 5000;

export interface CopyProgress {
  /** The table being copied, or 'search' while the search rows are made. */
  table: string;
  done: number;
  total: number;
}

/** Rows copied per table, and search rows made. */
export type CopyFigures = Record<string, number>;

/** Writes one table's rows in the destination: multi-row inserts on SQLite, COPY on PostgreSQL. */
interface TableWriter {
  write(rows: Param[][]): Promise<void>;
  end(): Promise<void>;
}

export async function copyStore(src: ArticleStore, dst: ArticleStore, onProgress?: (p: CopyProgress) => void): Promise<CopyFigures> {
  for (const t of TABLES) {
    if (await dst.db.get(`SELECT 1 AS x FROM ${t.name} LIMIT 1`)) {
      throw new StoreError(`${dst.location} already holds data (its ${t.name} table is not empty); rasd copy writes into a new, empty database only. Nothing was changed.`);
    }
  }
  const figures: CopyFigures = {};
  await src.beginRead();
  try {
    await dst.db.begin();
    try {
      for (const row of await src.db.all<{ key: string; value: string }>('SELECT key, value FROM meta ORDER BY key')) {
        if (OWN_META.has(row.key)) continue;
        await dst.db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', row.key, row.value);
      }
      for (const t of TABLES) figures[t.name] = await copyTable(src, dst, t, onProgress);
      figures['search'] = await makeSearchRows(src, dst, onProgress);
      if (dst instanceof PgStore) {
        for (const t of IDENTITY) {
          await dst.db.get(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST(max(id), 1), max(id) IS NOT NULL) FROM ${t}`);
        }
      }
      await dst.db.exec('COMMIT');
      // The planner's figures for tables filled at once: without them it guesses, and guesses badly.
      if (dst instanceof PgStore) await dst.db.exec('ANALYZE');
    } catch (e) {
      if (dst.db.inTransaction) await dst.db.exec('ROLLBACK').catch(() => {});
      throw e;
    }
  } finally {
    await src.db.exec('COMMIT').catch(() => {});
  }
  return figures;
}

/** Copies one table in the order of its key, a page at a time; resolves to the number of rows. */
async function copyTable(src: ArticleStore, dst: ArticleStore, t: (typeof TABLES)[number], onProgress?: (p: CopyProgress) => void): Promise<number> {
  const total = (await src.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${t.name}`))!.n;
  const order = t.key.join(', ');
  const after = `(${order}) > (${t.key.map(() => '?').join(', ')})`;
  const limit = t.chunk ?? CHUNK;
  let writer: TableWriter | null = null;
  let last: Param[] | null = null;
  let done = 0;
  for (;;) {
    const rows: Record<string, Param>[] = last
      ? await src.db.all(`SELECT * FROM ${t.name} WHERE ${after} ORDER BY ${order} LIMIT ?`, ...last, limit)
      : await src.db.all(`SELECT * FROM ${t.name} ORDER BY ${order} LIMIT ?`, limit);
    if (!rows.length) break;
    const columns = Object.keys(rows[0]!);
    writer ??= await tableWriter(dst, t.name, columns);
    await writer.write(rows.map((r) => columns.map((c) => r[c] ?? null)));
    done += rows.length;
    onProgress?.({ table: t.name, done, total });
    const end = rows[rows.length - 1]!;
    last = t.key.map((k) => end[k] ?? null);
    if (rows.length < limit) break;
  }
  await writer?.end();
  // The snapshot holds still, so every row counted was read once; anything else is a bug in the paging.
  if (done !== total) throw new Error(`rasd copy read ${done} rows of ${t.name} where the source holds ${total}; nothing was copied.`);
  return done;
}

/** Makes the search row of every original article from its stored title, text and analysis. */
async function makeSearchRows(src: ArticleStore, dst: ArticleStore, onProgress?: (p: CopyProgress) => void): Promise<number> {
  const total = (await src.db.get<{ n: number }>('SELECT count(*) AS n FROM articles WHERE duplicate_of IS NULL'))!.n;
  const writer = dst instanceof PgStore ? await tableWriter(dst, 'search', ['id', 'title', 'body', 'speakers', 'entities']) : null;
  let last = 0;
  let done = 0;
  for (;;) {
    const rows = await src.db.all<{ id: number; title: string | null; text: string; analysis: Buffer }>(
      'SELECT id, title, text, analysis FROM articles WHERE id > ? AND duplicate_of IS NULL ORDER BY id LIMIT ?', last, 250,
    );
    if (!rows.length) break;
    const made: [number, SearchRow][] = rows.map((r) => {
      const a = readAnalysis(r.analysis);
      return [r.id, searchRow({ title: r.title, text: r.text, statements: a.statements ?? [], entities: a.entities ?? [] })];
    });
    if (writer) await writer.write(made.map(([id, s]) => [id, ...searchVectors(s)]));
    else for (const [id, s] of made) await dst.index(id, s);
    done += rows.length;
    onProgress?.({ table: 'search', done, total });
    last = rows[rows.length - 1]!.id;
  }
  await writer?.end();
  return done;
}

async function tableWriter(dst: ArticleStore, table: string, columns: string[]): Promise<TableWriter> {
  const list = columns.join(', ');
  if (!(dst instanceof PgStore)) {
    return { write: async (rows) => void (await insertRows(dst.db, `INSERT INTO ${table} (${list}) VALUES`, rows)), end: async () => {} };
  }
  const stream: Writable = await dst.pg.conn.unsafe(`COPY ${table} (${list}) FROM STDIN`).writable();
  let failed: Error | null = null;
  stream.on('error', (e: Error) => (failed ??= e));
  return {
    async write(rows) {
      if (failed) throw failed;
      const text = rows.map((r) => r.map(copyField).join('\t')).join('\n') + '\n';
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async end() {
      stream.end();
      await finished(stream);
    },
  };
}

/** A value in COPY's text format: NULL as \N, bytes as escaped hex, text with its backslashes and control characters escaped. */
export function copyField(v: Param | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (Buffer.isBuffer(v)) return `\\\\x${v.toString('hex')}`;
  if (typeof v !== 'string') return String(v);
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
