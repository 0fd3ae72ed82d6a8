// Reading what linking stored: stories and their timelines, statements by and about a name, and
// the statements contradictions are computed over.
import type { StatementRecord } from '../link/claims.js';
import { matchKey } from '../lang/ar/normalize.js';
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
  s.quote, s.stance, s.date, a.outlet, a.url, a.source, s.span_start, s.span_end`;

type Raw = Omit<StatementRecord, 'span'> & { span_start: number; span_end: number };
const toRecord = (r: Raw): StatementRecord => {
  const { span_start, span_end, ...rest } = r;
  return { ...rest, span: [span_start, span_end] };
};

/** Statements by a name (speaker or organisation contains it) and about it (the quote names it), in date order. */
export function statementsOf(store: Store, name: string, opts: Range & { limit: number }): { by: StatementRecord[]; about: StatementRecord[] } {
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
