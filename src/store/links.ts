// Reading what linking stored: stories and their timelines, statements by and about a name, and
// the statements contradictions are computed over.
import type { StatementRecord } from '../link/claims.js';
import { matchKey } from '../lang/ar/normalize.js';
import { aliasKey, lastKey, nameKey } from '../link/identity.js';
import type { Store } from './sqlite.js';

export interface StoryRow {
  id: number;
  title: string | null;
  first_day: string | null;
  last_day: string | null;
  articles: number;
  outlets: number;
}

export interface Range {
  from?: string;
  to?: string;
}

/** Stories with at least `min` articles, the largest first. */
export function listStories(store: Store, opts: Range & { min: number; limit: number }): StoryRow[] {
  return store
    .prep(
      `SELECT id, title, first_day, last_day, articles, outlets FROM stories
       WHERE articles >= ? AND (? IS NULL OR last_day >= ?) AND (? IS NULL OR first_day <= ?)
       ORDER BY articles DESC, outlets DESC, last_day DESC LIMIT ?`,
    )
    .all(opts.min, opts.from ?? null, opts.from ?? null, opts.to ?? null, opts.to ?? null, opts.limit) as StoryRow[];
}

export interface TimelineEntry {
  id: number;
  published: string | null;
  outlet: string | null;
  title: string | null;
  url: string | null;
  source: string;
  duplicate_kind: string | null;
  statements: { speaker: string; quote: string; stance: string; date: string | null; span: [number, number] }[];
}

/** The articles of a story in publication order, each with its statements. */
export function storyTimeline(store: Store, story: number): { story: StoryRow | null; entries: TimelineEntry[] } {
  const row = (store.prep('SELECT id, title, first_day, last_day, articles, outlets FROM stories WHERE id = ?').get(story) as StoryRow | undefined) ?? null;
  const articles = store
    .prep('SELECT id, published, outlet, title, url, source, duplicate_kind FROM articles WHERE story_id = ? ORDER BY published, id')
    .all(story) as Omit<TimelineEntry, 'statements'>[];
  const st = store.prep('SELECT speaker, quote, stance, date, span_start, span_end FROM statements WHERE article_id = ? ORDER BY n');
  const entries = articles.map((a) => ({
    ...a,
    statements: (st.all(a.id) as { speaker: string; quote: string; stance: string; date: string | null; span_start: number; span_end: number }[]).map((s) => ({
      speaker: s.speaker, quote: s.quote, stance: s.stance, date: s.date, span: [s.span_start, s.span_end] as [number, number],
    })),
  }));
  return { story: row, entries };
}

const STATEMENT_COLUMNS = `s.id, s.article_id AS articleId, a.story_id AS storyId, s.speaker, s.speaker_key AS speakerKey, s.organization, s.org_key AS orgKey,
  s.quote, s.stance, s.date, a.outlet, a.url, a.source, s.span_start, s.span_end, s.speaker_entity AS speakerEntity, s.group_id AS groupId`;

type Raw = Omit<StatementRecord, 'span'> & { span_start: number; span_end: number };
const toRecord = (r: Raw): StatementRecord => {
  const { span_start, span_end, ...rest } = r;
  return { ...rest, span: [span_start, span_end] };
};

export interface EntityRow {
  id: number;
  name: string;
  type: string;
  lat: number | null;
  lon: number | null;
  source: string;
  articles: number;
  first_day: string | null;
  last_day: string | null;
  /** Every way the articles wrote it. */
  names: string[];
}

const TYPES = ['PER', 'ORG', 'GPE', 'LOC', 'FAC'];

function withNames(store: Store, rows: Omit<EntityRow, 'names'>[]): EntityRow[] {
  const q = store.prep('SELECT name FROM entity_names WHERE entity_id = ? ORDER BY articles DESC, length(name) DESC, name LIMIT 30');
  return rows.map((r) => ({ ...r, names: (q.all(r.id) as { name: string }[]).map((n) => n.name) }));
}

const ENTITY_COLUMNS = 'e.id, e.name, e.type, e.lat, e.lon, e.source, e.articles, e.first_day, e.last_day';

/**
 * The entities a name stands for: those called exactly so (any of their names, or a person's
 * surname), the most mentioned first. A surname shared by several people gives several entities,
 * never one merged.
 */
export function findEntities(store: Store, name: string, opts: { type?: string; limit: number }): EntityRow[] {
  const key = nameKey(name);
  if (!key) return [];
  const types = opts.type ? [opts.type] : TYPES;
  const keys = [...types.map((t) => aliasKey(t, key)), ...(types.includes('PER') && !key.includes(' ') ? [lastKey(key)] : [])];
  const rows = store
    .prep(
      `SELECT ${ENTITY_COLUMNS} FROM entities e
       WHERE (e.id IN (SELECT entity_id FROM entity_aliases WHERE key IN (SELECT value FROM json_each(@keys))) OR e.ref IN (SELECT value FROM json_each(@keys)))
         AND e.articles > 0 AND (@type IS NULL OR e.type = @type)
       ORDER BY e.articles DESC, e.id LIMIT @limit`,
    )
    .all({ keys: JSON.stringify(keys), type: opts.type ?? null, limit: opts.limit }) as Omit<EntityRow, 'names'>[];
  return withNames(store, rows);
}

/** Entities whose name contains a text (or all), the most mentioned first. */
export function listEntities(store: Store, opts: { text?: string; type?: string; limit: number; offset?: number }): EntityRow[] {
  const key = opts.text ? nameKey(opts.text) : null;
  const rows = store
    .prep(
      `SELECT ${ENTITY_COLUMNS} FROM entities e
       WHERE e.articles > 0 AND (@type IS NULL OR e.type = @type)
         AND (@key IS NULL OR e.id IN (SELECT entity_id FROM entity_aliases WHERE instr(key, @key) > 0))
       ORDER BY e.articles DESC, e.id LIMIT @limit OFFSET @offset`,
    )
    .all({ type: opts.type ?? null, key, limit: opts.limit, offset: opts.offset ?? 0 }) as Omit<EntityRow, 'names'>[];
  return withNames(store, rows);
}

export function entityById(store: Store, id: number): EntityRow | null {
  const rows = store.prep(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`).all(id) as Omit<EntityRow, 'names'>[];
  return withNames(store, rows)[0] ?? null;
}

const RANGE = `(@from IS NULL OR s.date >= @from) AND (@to IS NULL OR s.date <= @to)`;

/**
 * Statements by entities (the speaker identified as one of them) and about them (the quote
 * names one of their names of two words or more, or any name of a place or organisation), in date order.
 */
export function statementsOfEntities(store: Store, entities: EntityRow[], opts: Range & { limit: number }): { by: StatementRecord[]; about: StatementRecord[] } {
  const ids = JSON.stringify(entities.map((e) => e.id));
  const by = store
    .prep(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id
           WHERE s.speaker_entity IN (SELECT value FROM json_each(@ids)) AND ${RANGE} ORDER BY s.date, s.id LIMIT @limit`)
    .all({ ids, from: opts.from ?? null, to: opts.to ?? null, limit: opts.limit }) as Raw[];
  const names = [...new Set(entities.flatMap((e) => e.names.map(matchKey).filter((k) => e.type !== 'PER' || k.includes(' '))))].filter((k) => k.length > 2);
  const about = names.length
    ? (store
        .prep(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id
               WHERE EXISTS (SELECT 1 FROM json_each(@names) WHERE instr(s.quote_key, value) > 0)
                 AND (s.speaker_entity IS NULL OR s.speaker_entity NOT IN (SELECT value FROM json_each(@ids)))
                 AND ${RANGE} ORDER BY s.date, s.id LIMIT @limit`)
        .all({ names: JSON.stringify(names), from: opts.from ?? null, to: opts.to ?? null, limit: opts.limit, ids }) as Raw[])
    : [];
  return { by: by.map(toRecord), about: about.map(toRecord) };
}

/** Statements by a name (speaker or organisation contains it) and about it (the quote names it), in date order: for names no entity is known by. */
export function statementsNamed(store: Store, name: string, opts: Range & { limit: number }): { by: StatementRecord[]; about: StatementRecord[] } {
  const key = matchKey(name);
  const range = `(? IS NULL OR s.date >= ?) AND (? IS NULL OR s.date <= ?)`;
  const args = [opts.from ?? null, opts.from ?? null, opts.to ?? null, opts.to ?? null];
  const by = store
    .prep(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id
           WHERE (instr(s.speaker_key, ?) > 0 OR instr(coalesce(s.org_key, ''), ?) > 0) AND ${range} ORDER BY s.date, s.id LIMIT ?`)
    .all(key, key, ...args, opts.limit) as Raw[];
  const about = store
    .prep(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id
           WHERE instr(s.quote_key, ?) > 0 AND instr(s.speaker_key, ?) = 0 AND ${range} ORDER BY s.date, s.id LIMIT ?`)
    .all(key, key, ...args, opts.limit) as Raw[];
  return { by: by.map(toRecord), about: about.map(toRecord) };
}

/** Every statement in a date range, for contradiction finding. */
export function statementsIn(store: Store, opts: Range): StatementRecord[] {
  return (store
    .prep(`SELECT ${STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id
           WHERE (? IS NULL OR s.date >= ?) AND (? IS NULL OR s.date <= ?) ORDER BY s.date, s.id`)
    .all(opts.from ?? null, opts.from ?? null, opts.to ?? null, opts.to ?? null) as Raw[]).map(toRecord);
}

/** Stories whose articles name an entity (the search index's entities column), latest first. */
export function storiesNaming(store: Store, entityMatch: string, limit: number): StoryRow[] {
  return store
    .prep(
      `SELECT st.id, st.title, st.first_day, st.last_day, st.articles, st.outlets FROM stories st
       WHERE st.id IN (SELECT a.story_id FROM search JOIN articles a ON a.id = search.rowid WHERE search MATCH ?)
       ORDER BY st.first_day, st.id LIMIT ?`,
    )
    .all(entityMatch, limit) as StoryRow[];
}
