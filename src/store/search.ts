// `rasd search`: a query as a user types it, in Arabic with or without hamza, harakat or clitics,
// becomes an FTS5 query over search stems (lang/ar/stem.ts); results are ranked by BM25 (the title
// counts five times the body) and come with a snippet whose highlights are spans into the text.
//
// Query syntax: words (all must occur), "a phrase" or «عبارة», word* (any ending), -word (must not
// occur), OR between two alternatives.
import type { Span } from '../core/types.js';
import { queryStem, searchTerms, stemmedText, type Term as TextTerm } from '../lang/ar/stem.js';
import { tokenize } from '../lang/ar/tokenize.js';
import type { Store } from './sqlite.js';
import type { SearchRow } from './store.js';

export interface SearchQuery {
  text: string;
  outlet?: string;
  /** Inclusive publication days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  speaker?: string;
  entity?: string;
  limit: number;
  offset?: number;
}

export interface Snippet {
  /** [start, end) of the snippet in the article's text. */
  span: Span;
  /** Spans of the matched words, in the article's text. */
  highlights: Span[];
}

export interface Hit {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  source: string;
  score: number;
  text: string;
  snippet: Snippet;
  /** Other copies recorded as duplicates of this article: where else the story ran. */
  copies: Copy[];
}

export interface Copy {
  id: number;
  outlet: string | null;
  url: string | null;
  kind: 'url' | 'content' | 'near';
  similarity: number | null;
}

export interface SearchResult {
  total: number;
  hits: Hit[];
}

export class QueryError extends Error {}

/** A parsed query term: the stems of one word or phrase. */
export interface Term {
  stems: string[];
  prefix: boolean;
  negated: boolean;
  /** Joined to the previous term by OR instead of AND. */
  or: boolean;
}

const TERM = /-?(?:"[^"]*"?|«[^»]*»?|[^\s"«]+)/g;

/** Parses the user's query text into terms; words that fold to nothing (punctuation) are dropped. */
export function parseQuery(text: string): Term[] {
  const terms: Term[] = [];
  let or = false;
  for (const m of text.matchAll(TERM)) {
    let raw = m[0];
    if (raw === 'OR') {
      or = terms.length > 0;
      continue;
    }
    const negated = raw.startsWith('-') && raw.length > 1;
    if (negated) raw = raw.slice(1);
    const prefix = /\*$/.test(raw);
    const stems = tokenize(raw.replace(/[*"«»]/g, ' ')).filter((t) => t.word).map((t) => queryStem(t.text));
    // A one-letter prefix matches most of the index: one such term costs seconds and finds nothing useful.
    if (prefix && stems.length && [...stems.at(-1)!].length < MIN_PREFIX) {
      throw new QueryError(`«${raw}» is too short to search by its beginning; give at least ${MIN_PREFIX} letters before the *.`);
    }
    if (stems.length) terms.push({ stems, prefix, negated, or });
    or = false;
  }
  if (terms.length > MAX_TERMS) throw new QueryError(`The query has ${terms.length} words or phrases; search with at most ${MAX_TERMS}.`);
  return terms;
}

/** Letters a word* must have before the *. */
const MIN_PREFIX = 2;
/** Words and phrases a query may have: far more than a search needs, and a bound on its cost. */
const MAX_TERMS = 16;

const quote = (stems: string[], prefix = false): string => `"${stems.join(' ')}"${prefix ? ' *' : ''}`;

/** A query's words, checked, in the shape every store's search renders: AND of OR-groups, then exclusions. */
export interface QueryShape {
  /** Terms that must occur: every group, one of each group's terms (runs of OR-joined terms). */
  groups: Term[][];
  negated: Term[];
}

/**
 * Parses and checks a query's words; null when it has none (filters only). Runs of OR-joined
 * terms are grouped first: «قطر الحوثي OR اليمن» is قطر AND (الحوثي OR اليمن).
 */
export function queryShape(text: string): QueryShape | null {
  const terms = parseQuery(text);
  if (text.trim() && !terms.length) throw new QueryError(`The query «${text.trim()}» has no letters or digits to search for; type words, e.g. rasd search الحشد الشعبي.`);
  if (!terms.length) return null;
  const positive = terms.filter((t) => !t.negated);
  if (!positive.length) throw new QueryError('A query needs at least one word that must occur; -word only excludes.');
  const groups: Term[][] = [];
  for (const t of positive) {
    if (t.or && groups.length) groups.at(-1)!.push(t);
    else groups.push([t]);
  }
  return { groups, negated: terms.filter((t) => t.negated) };
}

/** The stems a --speaker or --entity filter matches as one phrase. */
export function filterStems(column: 'speakers' | 'entities', value: string): string[] {
  const stems = parseQuery(value).flatMap((t) => t.stems);
  if (!stems.length) throw new QueryError(`The ${column === 'speakers' ? '--speaker' : '--entity'} filter has no letters to match.`);
  return stems;
}

/** The FTS5 MATCH expression of a query and its filters; null when nothing is matched on. */
export function matchExpression(q: SearchQuery): string | null {
  const parts: string[] = [];
  const shape = queryShape(q.text);
  if (shape) {
    let expr = shape.groups.map((g) => (g.length > 1 ? `(${g.map((t) => quote(t.stems, t.prefix)).join(' OR ')})` : quote(g[0]!.stems, g[0]!.prefix))).join(' AND ');
    // BM25 ignores proximity; the words as one phrase, OR-ed in, match the same articles but score
    // the phrase too, so an article naming «محمد بن سلمان» outranks one with the three words apart.
    const positive = shape.groups.flat();
    const words = positive.flatMap((t) => t.stems);
    if (words.length > 1 && positive.every((t) => !t.or && !t.prefix)) expr = `${quote(words)} OR (${expr})`;
    expr = `{title body} : (${expr})`;
    for (const t of shape.negated) expr = `(${expr}) NOT {title body} : ${quote(t.stems, t.prefix)}`;
    parts.push(expr);
  }
  for (const [column, value] of [['speakers', q.speaker], ['entities', q.entity]] as const) {
    if (value) parts.push(`${column} : ${quote(filterStems(column, value))}`);
  }
  return parts.length ? parts.join(' AND ') : null;
}

/**
 * Runs a query; the snippets come from the stored text. The page's ids are chosen first, from the
 * index (and, with filters, the few leading columns of each match's row); the rows, with their
 * texts, are read for that page only: reading every match's text to rank it cost most of a
 * search once a common word matched tens of thousands of articles.
 */
export function search(store: Store, q: SearchQuery): SearchResult {
  const { match, from, cond, args } = selection(q, store);
  const order = match ? 'bm25(search, 5.0, 1.0, 0.0, 0.0)' : 'a.published DESC, a.id DESC';
  const score = match ? '-bm25(search, 5.0, 1.0, 0.0, 0.0)' : '0';
  const page = store.db
    .prepare(`SELECT ${match ? 'search.rowid' : 'a.id'} AS id, ${score} AS score FROM ${from} WHERE ${cond} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...args, q.limit, q.offset ?? 0) as { id: number; score: number }[];
  const total = (store.db.prepare(`SELECT count(*) AS n FROM ${from} WHERE ${cond}`).get(...args) as { n: number }).n;
  const wanted = highlightTerms(q);
  const row = store.prep('SELECT id, title, outlet, published, url, source, text FROM articles WHERE id = ?');
  const copies = store.prep('SELECT id, outlet, url, duplicate_kind AS kind, similarity FROM articles WHERE duplicate_of = ? ORDER BY id');
  const hits = page.map(({ id, score }) => {
    const r = row.get(id) as Omit<Hit, 'snippet' | 'copies' | 'score'>;
    return { ...r, score, snippet: snippet(r.text, wanted), copies: copies.all(id) as Copy[] };
  });
  return { total, hits };
}

/**
 * The original articles a query and its filters select: the FROM and WHERE of a search. The
 * search index holds the originals only (rasd check verifies it), so a query on words reads
 * articles only to filter on outlet or day. Given the store, the filter is applied from whichever
 * side selects fewer: each match's outlet and day (from an index by id, articles_filters), or the
 * ids the filter selects (from the outlet or day index, looked up in memory) when they are fewer.
 */
function selection(q: Omit<SearchQuery, 'limit'>, store?: Store): { match: string | null; from: string; cond: string; args: unknown[] } {
  const match = matchExpression({ ...q, limit: 0 });
  const filters: string[] = [];
  const args: unknown[] = [];
  if (q.outlet) (filters.push('a.outlet = ? COLLATE NOCASE'), args.push(q.outlet));
  if (q.from) (filters.push('a.published >= ?'), args.push(q.from));
  if (q.to) (filters.push('a.published <= ?'), args.push(q.to));
  if (!match) return { match, from: 'articles a', cond: ['a.duplicate_of IS NULL', ...filters].join(' AND '), args };
  if (!filters.length) return { match, from: 'search', cond: 'search MATCH ?', args: [match] };
  if (store) {
    const count = (sql: string, ...a: unknown[]) => (store.db.prepare(sql).get(...a) as { n: number }).n;
    const matches = count('SELECT count(*) AS n FROM search WHERE search MATCH ?', match);
    // Counted up to the matches only: a wide filter (every day since 2015) stops early.
    const selected = count(`SELECT count(*) AS n FROM (SELECT 1 FROM articles a WHERE ${filters.join(' AND ')} LIMIT ?)`, ...args, matches);
    if (selected < matches) {
      // The unary + keeps the ids from being handed to FTS5 as a rowid constraint: it would run
      // the whole query once per id.
      return { match, from: 'search', cond: `search MATCH ? AND +search.rowid IN (SELECT a.id FROM articles a WHERE ${filters.join(' AND ')})`, args: [match, ...args] };
    }
  }
  // Named: the planner would read each match's row from the table by its id.
  return { match, from: 'search JOIN articles a INDEXED BY articles_filters ON a.id = search.rowid', cond: ['search MATCH ?', ...filters].join(' AND '), args: [match, ...args] };
}

/** Every original article a query selects, in publication order (for exports): their ids, a few bytes each. */
export function selectedIds(store: Store, q: Omit<SearchQuery, 'limit'>): number[] {
  const { match, cond, args } = selection(q);
  // Ordered by day: the articles' rows are read for every match here (exports read them all anyway).
  const from = match ? 'search JOIN articles a ON a.id = search.rowid' : 'articles a';
  return store.db.prepare(`SELECT a.id FROM ${from} WHERE ${cond} ORDER BY a.published, a.id`).pluck().all(...args) as number[];
}

/** The stems a snippet highlights: the query's words and the speaker and entity filters. */
export function highlightTerms(q: SearchQuery): { stems: Set<string>; prefixes: string[] } {
  const terms = [q.text, q.speaker ?? '', q.entity ?? ''].flatMap(parseQuery).filter((t) => !t.negated);
  const stems = new Set(terms.filter((t) => !t.prefix).flatMap((t) => t.stems));
  const prefixes = terms.filter((t) => t.prefix).flatMap((t) => t.stems);
  return { stems, prefixes };
}

/** Words of context a snippet shows. */
const SNIPPET_WORDS = 32;

/** The window of the text with the most distinct query words, and the spans of those words. */
export function snippet(text: string, wanted: { stems: Set<string>; prefixes: string[] }): Snippet {
  const terms = searchTerms(text);
  if (!terms.length) return { span: [0, 0], highlights: [] };
  const hit = terms.map((t) => wanted.stems.has(t.stem) || wanted.prefixes.some((p) => t.stem.startsWith(p)));
  let best = 0, bestScore = -1;
  for (let i = 0; i < terms.length; i++) {
    if (!hit[i]) continue;
    const start = Math.max(0, i - 4); // a little context before the first match
    const distinct = new Set<string>();
    for (let j = start; j < Math.min(terms.length, start + SNIPPET_WORDS); j++) if (hit[j]) distinct.add(terms[j]!.stem);
    if (distinct.size > bestScore) (bestScore = distinct.size), (best = start);
  }
  const last = Math.min(terms.length, best + SNIPPET_WORDS) - 1;
  const highlights: Span[] = [];
  for (let j = best; j <= last; j++) if (hit[j]) highlights.push([terms[j]!.start, terms[j]!.end]);
  return { span: [terms[best]!.start, terms[last]!.end], highlights };
}

/** What an article's search row is made from: its title and text, and the speakers and entities its analysis found. */
export interface Indexable {
  title: string | null;
  text: string;
  statements: readonly { speaker: string; organization: string | null }[];
  entities: readonly { name: string; aliases: readonly string[] }[];
}

/**
 * What the search index holds for an article: stems of the title, the text, speakers and entities.
 * Ingestion makes it from the analysis, and `rasd copy` again from the stored one (copy.ts).
 */
export function searchRow(doc: Indexable, terms: TextTerm[] = searchTerms(doc.text)): SearchRow {
  const speakers = new Set<string>();
  for (const s of doc.statements) {
    speakers.add(s.speaker);
    if (s.organization) speakers.add(s.organization);
  }
  const entities = new Set<string>();
  for (const e of doc.entities) for (const n of [e.name, ...e.aliases]) entities.add(n);
  return {
    title: stemmedText(doc.title ?? ''),
    body: terms.map((t) => t.stem).join(' '),
    speakers: [...speakers].map(stemmedText).join(' , '),
    entities: [...entities].map(stemmedText).join(' , '),
  };
}
