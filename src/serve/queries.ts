// What the API reads from the store, shaped as the API answers it (serve/types.ts). Statements
// come as groups — one statement with every source that reported it — and every record keeps
// the span of its source in the article's text.
import type { Diagnostic, Span } from '../core/types.js';
import { matchKey } from '../lang/ar/normalize.js';
import { contradictions, denials, DEFAULT_CLAIMS, type StatementRecord } from '../link/claims.js';
import { entityById, listEntities, statementsIn } from '../store/links.js';
import { search } from '../store/search.js';
import { readAnalysis, type Store } from '../store/sqlite.js';
import type { Memo } from './server.js';
import type {
  ArticleDetail, ContradictionItem, DayCount, EntityDetail, EntityItem, EventItem, Health, Outlet, Page, SearchHit,
  StatementItem, StatementSource, StoryArticle, StoryDetail, StoryItem,
} from './types.js';

type Row = Record<string, unknown>;
const page = <T>(items: T[], total: number | null, limit: number, offset: number): Page<T> => ({ total, limit, offset, items });

export function health(store: Store): Health {
  const n = (sql: string) => (store.prep(sql).get() as { n: number }).n;
  const days = publishedDays(store);
  return {
    ok: true,
    schema: Number(store.db.pragma('user_version', { simple: true })),
    articles: n('SELECT count(*) AS n FROM articles'),
    statements: n('SELECT count(*) AS n FROM statements'),
    events: n('SELECT count(*) AS n FROM events'),
    first_day: days.first,
    last_day: days.last,
  };
}

/** The first and last days articles were published: the span of the database. */
export const publishedDays = (store: Store): { first: string | null; last: string | null } =>
  store.prep('SELECT min(published) AS first, max(published) AS last FROM articles').get() as { first: string | null; last: string | null };

export function outlets(store: Store): Page<Outlet> {
  const items = store.prep(`SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet`).all() as Outlet[];
  return page(items, items.length, items.length, 0);
}

export interface SearchParams {
  q?: string; outlet?: string; from?: string; to?: string; speaker?: string; entity?: string; limit: number; offset: number;
}

export function searchArticles(store: Store, p: SearchParams): Page<SearchHit> {
  const r = search(store, { text: p.q ?? '', outlet: p.outlet, from: p.from, to: p.to, speaker: p.speaker, entity: p.entity, limit: p.limit, offset: p.offset });
  const storyOf = store.prep('SELECT story_id AS story FROM articles WHERE id = ?');
  const items = r.hits.map((h): SearchHit => {
    const [s, e] = h.snippet.span;
    return {
      id: h.id, title: h.title, outlet: h.outlet, published: h.published, url: h.url,
      story: ((storyOf.get(h.id) as { story: number | null } | undefined)?.story) ?? null,
      score: Math.round(h.score * 1000) / 1000,
      snippet: { text: h.text.slice(s, e), start: s, highlights: h.snippet.highlights.map(([a, b]) => [a - s, b - s]) },
      copies: h.copies.map((c) => ({ id: c.id, outlet: c.outlet, url: c.url, kind: c.kind })),
    };
  });
  return page(items, r.total, p.limit, p.offset);
}

// ── statements ────────────────────────────────────────────────────────────────────────────

const MEMBER_COLUMNS = `s.id, s.group_id, s.speaker, s.speaker_entity, s.role, s.organization, s.quote, s.kind, s.stance, s.channel, s.date,
  s.span_start, s.span_end, a.id AS article, a.title, a.outlet, a.published, a.url, a.story_id`;

interface Member {
  id: number; group_id: number | null; speaker: string; speaker_entity: number | null; role: string | null; organization: string | null;
  quote: string; kind: 'direct' | 'indirect'; stance: string; channel: string; date: string | null;
  span_start: number; span_end: number; article: number; title: string | null; outlet: string | null; published: string | null; url: string | null; story_id: number | null;
}

/** Statement groups, each once, in the order of `ids` (group ids): the fullest report speaks for the group. */
export function groupsById(store: Store, ids: number[]): StatementItem[] {
  if (!ids.length) return [];
  const rows = store
    .prep(`SELECT ${MEMBER_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id
           WHERE s.group_id IN (SELECT value FROM json_each(?)) ORDER BY s.date, a.published, s.id`)
    .all(JSON.stringify(ids)) as Member[];
  const groups = new Map<number, Member[]>();
  for (const r of rows) {
    const g = r.group_id!;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  return ids.flatMap((g) => {
    const members = groups.get(g);
    return members ? [toItem(g, members)] : [];
  });
}

function toItem(group: number, members: Member[]): StatementItem {
  const lead = members.reduce((a, b) => (b.quote.length > a.quote.length ? b : a));
  const sources = members.map((m): StatementSource => ({
    statement: m.id, article: m.article, title: m.title, outlet: m.outlet, published: m.published, url: m.url, quote: m.quote, span: [m.span_start, m.span_end],
  }));
  return {
    id: group, speaker: lead.speaker, speaker_entity: lead.speaker_entity ?? members.find((m) => m.speaker_entity !== null)?.speaker_entity ?? null,
    role: lead.role, organization: lead.organization, quote: lead.quote, kind: lead.kind, stance: lead.stance, channel: lead.channel,
    // When it was said: its first report (members are in date order, undated first).
    date: members.find((m) => m.date !== null)?.date ?? null, story: lead.story_id, sources,
  };
}

/**
 * The WHERE of a list built from the filters given only, each with its named parameter: a
 * filter written «@x IS NULL OR …» for every request keeps SQLite from the filter's index.
 */
function conditions() {
  const where: string[] = [];
  const args: Row = {};
  const add = (cond: string, name: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    where.push(cond);
    args[name] = value;
  };
  return { where, args, add };
}

export interface StatementParams {
  q?: string; speaker?: string; organization?: string; entity?: number; stance?: string; from?: string; to?: string;
  outlet?: string; story?: number; limit: number; offset: number;
}

/**
 * Statement groups matching the filters (any report of a group matching), the most recently
 * reported first. The reports are read newest first along the date index and the reading stops
 * once the page is full, so the first pages cost a few hundred rows, not the whole table. The
 * total (a count over every match) is kept while the statements stay the same.
 */
export function listStatements(store: Store, p: StatementParams, memo?: Memo): Page<StatementItem> {
  const { where, args, add } = conditions();
  add('instr(s.quote_key, @q) > 0', 'q', p.q ? matchKey(p.q) : undefined);
  // Names are matched among the distinct names (read from their index), then looked up by it.
  add('s.speaker_key IN (SELECT DISTINCT speaker_key FROM statements WHERE instr(speaker_key, @speaker) > 0)', 'speaker', p.speaker ? matchKey(p.speaker) : undefined);
  add('s.org_key IN (SELECT DISTINCT org_key FROM statements WHERE instr(org_key, @organization) > 0)', 'organization', p.organization ? matchKey(p.organization) : undefined);
  add('s.speaker_entity = @entity', 'entity', p.entity);
  add('s.stance = @stance', 'stance', p.stance);
  add('s.date >= @from', 'from', p.from);
  add('s.date <= @to', 'to', p.to);
  add('s.article_id IN (SELECT id FROM articles WHERE outlet = @outlet COLLATE NOCASE)', 'outlet', p.outlet);
  add('s.article_id IN (SELECT id FROM articles WHERE story_id = @story)', 'story', p.story);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Both in one read, so that an ingest between them cannot make the total disagree with the page.
  return store.db.transaction(() => {
    const wanted = p.offset + p.limit;
    const groups: number[] = [];
    const seen = new Set<number>();
    for (const r of store.prep(`SELECT s.group_id AS g FROM statements s ${cond} ORDER BY s.date DESC, s.id DESC`).iterate(args) as Iterable<{ g: number }>) {
      if (seen.has(r.g)) continue;
      seen.add(r.g);
      groups.push(r.g);
      if (groups.length >= wanted) break;
    }
    const count = () => (store.prep(`SELECT count(DISTINCT s.group_id) AS n FROM statements s ${cond}`).get(args) as { n: number }).n;
    const total = memo ? memo.get(`statements ${JSON.stringify(args)} ${statementsVersion(store)}`, count) : count();
    return page(groupsById(store, groups.slice(p.offset)), total, p.limit, p.offset);
  })();
}

/** What the stored statements are now: reanalysis replaces an article's statements with new rows. */
const statementsVersion = (store: Store): string => {
  const r = store.prep('SELECT count(*) AS n, max(id) AS m FROM statements').get() as { n: number; m: number | null };
  return `${r.n}:${r.m ?? 0}`;
};

/** The group of a statement (any of its reports' numbers). */
export function statementById(store: Store, id: number): StatementItem | null {
  const r = store.prep('SELECT group_id AS g FROM statements WHERE id = ?').get(id) as { g: number } | undefined;
  return r ? groupsById(store, [r.g])[0] ?? null : null;
}


/** What the statements of a range are now: a memo of the range is good while this stays the same. */
export function rangeVersion(store: Store, from: string, to: string): string {
  const r = store.prep('SELECT count(*) AS n, max(id) AS m FROM statements WHERE date BETWEEN ? AND ?').get(from, to) as { n: number; m: number | null };
  return `${r.n}:${r.m ?? 0}`;
}

// ── stories ───────────────────────────────────────────────────────────────────────────────

const STORY_COLUMNS = 'id, title, first_day, last_day, articles, outlets';

export function listStories(store: Store, p: { from?: string; to?: string; min: number; limit: number; offset: number }): Page<StoryItem> {
  const cond = `articles >= @min AND (@from IS NULL OR last_day >= @from) AND (@to IS NULL OR first_day <= @to)`;
  const args = { min: p.min, from: p.from ?? null, to: p.to ?? null };
  const items = store
    .prep(`SELECT ${STORY_COLUMNS} FROM stories WHERE ${cond} ORDER BY articles DESC, outlets DESC, last_day DESC, id LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: p.limit, offset: p.offset }) as StoryItem[];
  const total = (store.prep(`SELECT count(*) AS n FROM stories WHERE ${cond}`).get(args) as { n: number }).n;
  return page(items, total, p.limit, p.offset);
}

export function storyById(store: Store, id: number): StoryDetail | null {
  const story = store.prep(`SELECT ${STORY_COLUMNS} FROM stories WHERE id = ?`).get(id) as StoryItem | undefined;
  if (!story) return null;
  const articles = store
    .prep('SELECT id, title, outlet, published, url, duplicate_of FROM articles WHERE story_id = ? ORDER BY published, id LIMIT 500')
    .all(id) as Omit<StoryArticle, 'statements'>[];
  const st = store.prep('SELECT id, speaker, quote, stance, date, span_start, span_end FROM statements WHERE article_id = ? ORDER BY n');
  return {
    story,
    articles: articles.map((a) => ({
      ...a,
      statements: (st.all(a.id) as (Omit<StoryArticle['statements'][number], 'span'> & { span_start: number; span_end: number })[]).map(
        ({ span_start, span_end, ...s }) => ({ ...s, span: [span_start, span_end] }),
      ),
    })),
    events: listEvents(store, { story: id, limit: 500, offset: 0 }).items,
  };
}

// ── events and the timeline ───────────────────────────────────────────────────────────────

export interface EventParams {
  from?: string; to?: string; type?: string; entity?: number; story?: number; located?: boolean; limit: number; offset: number;
}

interface EventRow {
  id: number; article: number; type: string; date: string | null; location: string | null; lat: number | null; lon: number | null;
  actors: string; killed: number | null; injured: number | null; span_start: number; span_end: number; outlet: string | null; title: string | null; text: string;
}

export function listEvents(store: Store, p: EventParams): Page<EventItem> {
  // Only the filters given, each in a form an index answers: «@story IS NULL OR a.story_id = @story»
  // read every event's article row (story_id lies past its texts), two seconds at 420,000 articles.
  const { where, args, add } = conditions();
  add('e.date >= @from', 'from', p.from);
  add('e.date <= @to', 'to', p.to);
  add('e.type = @type', 'type', p.type);
  add('e.article_id IN (SELECT id FROM articles WHERE story_id = @story)', 'story', p.story);
  add('e.id IN (SELECT event_id FROM event_entities WHERE entity_id = @entity)', 'entity', p.entity);
  if (p.located) where.push('e.lat IS NOT NULL');
  const cond = where.length ? where.join(' AND ') : 'true';
  const rows = store
    .prep(`SELECT e.id, e.article_id AS article, e.type, e.date, e.location, e.lat, e.lon, e.actors, e.killed, e.injured, e.span_start, e.span_end,
                  a.outlet, a.title, e.text
           FROM events e JOIN articles a ON a.id = e.article_id WHERE ${cond} ORDER BY e.date DESC, e.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: p.limit, offset: p.offset }) as EventRow[];
  const total = (store.prep(`SELECT count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id WHERE ${cond}`).get(args) as { n: number }).n;
  const items = rows.map(({ actors, span_start, span_end, ...e }): EventItem => ({ ...e, actors: JSON.parse(actors) as string[], span: [span_start, span_end] }));
  return page(items, total, p.limit, p.offset);
}

/** Statements and events per day (with the killed and injured), over a range, a story or an entity. */
export function timeline(store: Store, p: { from?: string; to?: string; entity?: number; story?: number }): { items: DayCount[] } {
  // Only the filters given: «@entity IS NULL OR …» kept the planner from the entity's index and
  // read every statement, two and a half seconds at 420,000 articles.
  const args: Row = {};
  const conds = (alias: 's' | 'e'): string => {
    const where = [`${alias}.date IS NOT NULL`];
    if (p.from) (where.push(`${alias}.date >= @from`), (args['from'] = p.from));
    if (p.to) (where.push(`${alias}.date <= @to`), (args['to'] = p.to));
    if (p.entity !== undefined) {
      where.push(alias === 's' ? 's.speaker_entity = @entity' : 'e.id IN (SELECT event_id FROM event_entities WHERE entity_id = @entity)');
      args['entity'] = p.entity;
    }
    // The articles are read only to filter by story.
    if (p.story !== undefined) (where.push(`${alias}.article_id IN (SELECT id FROM articles WHERE story_id = @story)`), (args['story'] = p.story));
    return where.join(' AND ');
  };
  const said = store
    .prep(`SELECT s.date AS day, count(*) AS n FROM statements s WHERE ${conds('s')} GROUP BY s.date`)
    .all(args) as { day: string; n: number }[];
  const happened = store
    .prep(`SELECT e.date AS day, count(*) AS n, sum(coalesce(e.killed, 0)) AS killed, sum(coalesce(e.injured, 0)) AS injured
           FROM events e WHERE ${conds('e')} GROUP BY e.date`)
    .all(args) as { day: string; n: number; killed: number; injured: number }[];
  const days = new Map<string, DayCount>();
  const at = (day: string) => days.get(day) ?? (days.set(day, { day, statements: 0, events: 0, killed: 0, injured: 0 }), days.get(day)!);
  for (const r of said) at(r.day).statements = r.n;
  for (const r of happened) Object.assign(at(r.day), { events: r.n, killed: r.killed, injured: r.injured });
  return { items: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}

// ── entities ──────────────────────────────────────────────────────────────────────────────

export function listEntitiesPage(store: Store, p: { q?: string; type?: string; limit: number; offset: number }): Page<EntityItem> {
  const items = listEntities(store, { text: p.q, type: p.type, limit: p.limit, offset: p.offset }).map(entityItem);
  return page(items, null, p.limit, p.offset);
}

const entityItem = ({ source: _source, ...e }: { source: string } & EntityItem): EntityItem => e;

const distinct = (rows: { g: number }[]): number[] => [...new Set(rows.map((r) => r.g))];

/**
 * Statements about an entity: those of others whose quote mentions it — a mention the entity
 * resolution gave to this very entity lies inside the quote's span — the latest first.
 */
function statementsAbout(store: Store, id: number): number[] {
  // Article by article, the latest first, until the page is full: a country is named in
  // thousands of articles, and only the latest hundred statements are shown.
  const articles = store
    .prep('SELECT m.article_id AS article, m.spans FROM entity_mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? ORDER BY a.published DESC, a.id DESC')
    .iterate(id) as Iterable<{ article: number; spans: string }>;
  const quotes = store.prep('SELECT group_id AS g, span_start, span_end, speaker_entity FROM statements WHERE article_id = ? ORDER BY n');
  const groups = new Set<number>();
  for (const a of articles) {
    const spans = JSON.parse(a.spans) as Span[];
    for (const r of quotes.all(a.article) as { g: number; span_start: number; span_end: number; speaker_entity: number | null }[]) {
      if (r.speaker_entity !== id && spans.some(([x, y]) => x >= r.span_start && y <= r.span_end)) groups.add(r.g);
    }
    if (groups.size >= ENTITY_STATEMENTS) break;
  }
  return [...groups].slice(0, ENTITY_STATEMENTS);
}

/** Statements by and about an entity on its page: the latest. */
const ENTITY_STATEMENTS = 100;
/** Events on an entity page: the latest (the map and /api/events?entity= page through all). */
const ENTITY_EVENTS = 200;

/** An entity: what it said, what others said about it, its events, and its activity per day. */
export function entityDetail(store: Store, id: number): EntityDetail | null {
  const e = entityById(store, id);
  if (!e) return null;
  const said = groupsById(store, distinct(store
    .prep(`SELECT group_id AS g FROM statements WHERE speaker_entity = ? ORDER BY date DESC, id DESC LIMIT ${ENTITY_STATEMENTS}`)
    .all(id) as { g: number }[]));
  const aboutItems = groupsById(store, statementsAbout(store, id));
  const events = listEvents(store, { entity: id, limit: ENTITY_EVENTS, offset: 0 }).items;
  const days = new Map<string, DayCount>();
  const at = (day: string) => days.get(day) ?? (days.set(day, { day, statements: 0, events: 0, killed: 0, injured: 0 }), days.get(day)!);
  for (const s of [...said, ...aboutItems]) if (s.date) at(s.date).statements++;
  for (const ev of events) {
    if (!ev.date) continue;
    const d = at(ev.date);
    d.events++;
    d.killed += ev.killed ?? 0;
    d.injured += ev.injured ?? 0;
  }
  return { entity: entityItem(e), said, about: aboutItems, events, timeline: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}

// ── contradictions ────────────────────────────────────────────────────────────────────────

/** Contradicting pairs and denials in a range; `cache` keeps the last computations (they take seconds). */
export function contradictionsIn(store: Store, range: { from: string; to: string }): ContradictionItem[] {
  const statements = statementsIn(store, range);
  const pairs = contradictions(statements, DEFAULT_CLAIMS);
  const denied = denials(statements, DEFAULT_CLAIMS);
  const ids = new Set<number>();
  for (const p of pairs) [p.a, p.b].forEach((s) => ids.add(s.groupId ?? s.id));
  for (const d of denied) [d.denial, ...d.claims].forEach((s) => ids.add(s.groupId ?? s.id));
  const items = new Map(groupsById(store, [...ids]).map((i) => [i.id, i]));
  const item = (s: StatementRecord) => items.get(s.groupId ?? s.id)!;
  // Reports of one statement by several outlets pair as often: each pair of statements once.
  const seen = new Set<string>();
  const once = (c: ContradictionItem) => {
    const key = `${c.kind} ${c.a.id} ${c.b.map((s) => s.id).sort().join(',')}`;
    return !seen.has(key) && !!seen.add(key);
  };
  const unique = (list: StatementItem[]) => list.filter((s, i) => list.findIndex((x) => x.id === s.id) === i);
  return [
    ...pairs.map((p): ContradictionItem => ({ kind: 'contradiction', why: p.why, shared: p.shared, proposition: null, a: item(p.a), b: [item(p.b)] })),
    ...denied.map((d): ContradictionItem => ({ kind: 'denial', why: d.why, shared: [], proposition: d.proposition, a: item(d.denial), b: unique(d.claims.map(item)) })),
  ].filter(once);
}


// ── the article reader ────────────────────────────────────────────────────────────────────

export function articleDetail(store: Store, id: number): ArticleDetail | null {
  const a = store
    .prep('SELECT id, title, outlet, published, url, source, story_id, duplicate_of, text, analysis, meta FROM articles WHERE id = ?')
    .get(id) as { id: number; title: string | null; outlet: string | null; published: string | null; url: string | null; source: string;
      story_id: number | null; duplicate_of: number | null; text: string; analysis: Buffer; meta: string } | undefined;
  if (!a) return null;
  // The stored analysis is the `analyze --jsonl` record (core/output.ts); an exact copy has none.
  const doc = readAnalysis(a.analysis);
  const stored = new Map((store.prep('SELECT id, n FROM statements WHERE article_id = ?').all(id) as { id: number; n: number }[]).map((r) => [r.n, r.id]));
  const entityIds = new Map((store.prep('SELECT entity_id, name FROM entity_mentions WHERE article_id = ?').all(id) as { entity_id: number; name: string }[]).map((r) => [r.name, r.entity_id]));
  const copies = store.prep('SELECT id, outlet, url, duplicate_kind AS kind FROM articles WHERE duplicate_of = ? OR id = ? ORDER BY id').all(a.duplicate_of ?? id, a.duplicate_of ?? id) as ArticleDetail['copies'];
  const ingestDiagnostics = (JSON.parse(a.meta) as { diagnostics?: Diagnostic[] }).diagnostics ?? [];
  return {
    id: a.id, title: a.title, outlet: a.outlet, published: a.published, url: a.url, source: a.source, story: a.story_id, duplicate_of: a.duplicate_of,
    text: a.text,
    paragraphs: paragraphs(a.text),
    statements: (doc.statements ?? []).map((s, n) => ({
      id: stored.get(n) ?? null, speaker: s.speaker, role: s.role, organization: s.organization, quote: s.quote, stance: s.stance, channel: s.channel,
      date: s.date, span: s.span, cue: s.cue.span, speaker_span: s.speaker_span,
    })),
    entities: (doc.entities ?? []).map((e) => ({ name: e.name, type: e.type, entity: entityIds.get(e.name) ?? null, mentions: e.mentions })),
    events: (doc.events ?? []).map((e) => ({ type: e.type, date: e.date, location: e.location, killed: e.killed, injured: e.injured, span: e.span, trigger: e.trigger.span })),
    dates: (doc.dates ?? []).map((d) => ({ text: d.text, value: d.value, span: d.span })),
    diagnostics: [...ingestDiagnostics, ...(doc.diagnostics ?? [])].map((d) => ({ stage: d.stage, rule: d.rule, reason: d.reason, span: d.span ?? null })),
    removed: (doc.removed ?? []).map((r) => ({ line: r.line, rule: r.rule })),
    copies: copies.filter((c) => c.id !== id),
  };
}

/** The paragraphs of a cleaned text: its non-empty lines (the cleaner puts one paragraph per line). */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) if (m[0].trim()) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
