// Every route of the API in one table: its path, its parameters (checked by the server and
// documented in the OpenAPI document from the same declaration), what it answers, and the
// handler that reads the store.
import { QueryError } from '../store/search.js';
import type { Store } from '../store/sqlite.js';
import type { ContradictionPage } from './types.js';
import { ApiError, from, idParam, limit, offset, to, type ParamSpec, type Params } from './params.js';
import * as q from './queries.js';
import type { Memo } from './server.js';

export interface Context {
  store: Store;
  params: Params;
  /** Memo of slow answers (server.ts). */
  cache: Memo;
}

export interface Route {
  path: string;
  summary: string;
  params: ParamSpec[];
  /** The schema of the answer, in the OpenAPI document's components. */
  response: string;
  handle(ctx: Context): unknown;
}

const STANCES = ['assert', 'deny', 'confirm', 'announce', 'commit'] as const;
const ENTITY_TYPES = ['PER', 'ORG', 'GPE', 'LOC', 'FAC'] as const;
const EVENT_TYPES = ['assault', 'airstrike', 'base_handover', 'troop_presence', 'meeting', 'withdrawal_plan', 'training'] as const;
/** The widest range contradictions are computed over in one request: they compare every statement with the others of its story. */
export const MAX_CONTRADICTION_DAYS = 14;
/** Days the contradictions page covers when no range is given: the last week with statements. */
const DEFAULT_CONTRADICTION_DAYS = 7;

const text = (name: string, description: string): ParamSpec => ({ name, in: 'query', type: 'string', description });
const int = (name: string, description: string): ParamSpec => ({ name, in: 'query', type: 'integer', min: 1, description });
const str = (p: Params, k: string) => p[k] as string | undefined;
const num = (p: Params, k: string) => p[k] as number | undefined;
const notFound = (what: string, id: unknown, hint: string) => new ApiError(404, `There is no ${what} #${String(id)}; ${hint}`);

function searchRoute({ store, params: p }: Context) {
  try {
    return q.searchArticles(store, {
      q: str(p, 'q'), outlet: str(p, 'outlet'), from: str(p, 'from'), to: str(p, 'to'), speaker: str(p, 'speaker'), entity: str(p, 'entity'),
      limit: num(p, 'limit')!, offset: num(p, 'offset')!,
    });
  } catch (e) {
    if (e instanceof QueryError) throw new ApiError(400, e.message.replace(/rasd search|--(speaker|entity)/g, (m) => (m === 'rasd search' ? 'q=' : m.slice(2))), 'q');
    throw e;
  }
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;

function contradictionsRoute({ store, params: p, cache }: Context): ContradictionPage {
  const lim = num(p, 'limit')!, off = num(p, 'offset')!;
  // The last week of articles: statement dates read from the text can be far off (a year 2057).
  const last = q.publishedDays(store).last;
  let f = str(p, 'from'), t = str(p, 'to');
  if (!last && !f && !t) return { total: 0, limit: lim, offset: off, items: [], from: null, to: null };
  t ??= f ? addDays(f, DEFAULT_CONTRADICTION_DAYS - 1) : last!;
  f ??= addDays(t, -(DEFAULT_CONTRADICTION_DAYS - 1));
  if (daysBetween(f, t) > MAX_CONTRADICTION_DAYS) {
    throw new ApiError(400, `Contradictions are found over at most ${MAX_CONTRADICTION_DAYS} days at a time; the range ${f} … ${t} has ${daysBetween(f, t)}. Narrow 'from' and 'to'.`, 'from');
  }
  // Kept while the statements of the range stay the same (an ingest elsewhere leaves most ranges as they were).
  const key = `contradictions ${f} ${t} ${q.rangeVersion(store, f, t)}`;
  const all = cache.get(key, () => q.contradictionsIn(store, { from: f, to: t }));
  const kind = str(p, 'kind');
  const chosen = kind ? all.filter((c) => c.kind === kind) : all;
  return { total: chosen.length, limit: lim, offset: off, items: chosen.slice(off, off + lim), from: f, to: t };
}

export const ROUTES: Route[] = [
  {
    path: '/api/health', summary: 'What the database holds: counts and the days it covers.', params: [], response: 'Health',
    handle: ({ store }) => q.health(store),
  },
  {
    path: '/api/outlets', summary: 'The outlets of the stored articles, the most articles first (for filters).', params: [], response: 'OutletPage',
    handle: ({ store }) => q.outlets(store),
  },
  {
    path: '/api/search',
    summary: 'Full-text search over the articles (Arabic folded and stemmed), ranked, with highlighted snippets. Without q, the latest articles matching the filters.',
    params: [
      text('q', 'The query: words (all must occur), "a phrase" or «عبارة», word* (any ending), -word (must not occur), OR between alternatives.'),
      text('outlet', 'Only this outlet.'), from, to,
      text('speaker', 'Only articles quoting a speaker of this name.'), text('entity', 'Only articles naming this entity.'),
      limit(), offset,
    ],
    response: 'SearchPage',
    handle: searchRoute,
  },
  {
    path: '/api/articles/{id}', summary: 'An article for the reader: its cleaned text and every extraction with its span, and diagnostics.',
    params: [idParam('article')], response: 'ArticleDetail',
    handle: ({ store, params }) => q.articleDetail(store, num(params, 'id')!) ?? (() => { throw notFound('article', params['id'], 'search for articles with /api/search.'); })(),
  },
  {
    path: '/api/stories', summary: 'Stories (articles about one happening, across outlets), the largest first.',
    params: [from, to, { name: 'min', in: 'query', type: 'integer', min: 1, max: 100_000, default: 2, description: 'Only stories with at least this many articles.' }, limit(), offset],
    response: 'StoryPage',
    handle: ({ store, params: p }) => q.listStories(store, { from: str(p, 'from'), to: str(p, 'to'), min: num(p, 'min')!, limit: num(p, 'limit')!, offset: num(p, 'offset')! }),
  },
  {
    path: '/api/stories/{id}', summary: 'A story: its articles in publication order with their statements, and its events.',
    params: [idParam('story')], response: 'StoryDetail',
    handle: ({ store, params }) => q.storyById(store, num(params, 'id')!) ?? (() => { throw notFound('story', params['id'], '/api/stories lists them.'); })(),
  },
  {
    path: '/api/statements',
    summary: 'Statements, each once with every source that reported it, the most recently reported first. Filters match any report of a statement.',
    params: [
      text('q', 'Words the quote contains (folded: hamza, harakat and ta marbuta do not matter).'),
      text('speaker', "Part of the speaker's name."), text('organization', 'Part of the organisation the speaker spoke for.'),
      int('entity', 'The entity who spoke (its number, from /api/entities).'),
      { name: 'stance', in: 'query', type: 'enum', values: STANCES, description: 'The stance of the statement.' },
      from, to, text('outlet', 'Only statements reported by this outlet.'), int('story', 'Only statements of this story.'), limit(), offset,
    ],
    response: 'StatementPage',
    handle: ({ store, params: p, cache }) => q.listStatements(store, {
      q: str(p, 'q'), speaker: str(p, 'speaker'), organization: str(p, 'organization'), entity: num(p, 'entity'), stance: str(p, 'stance'),
      from: str(p, 'from'), to: str(p, 'to'), outlet: str(p, 'outlet'), story: num(p, 'story'), limit: num(p, 'limit')!, offset: num(p, 'offset')!,
    }, cache),
  },
  {
    path: '/api/statements/{id}', summary: 'A statement (any of its reports’ numbers) with every source that reported it.',
    params: [idParam('statement')], response: 'Statement',
    handle: ({ store, params }) => q.statementById(store, num(params, 'id')!) ?? (() => { throw notFound('statement', params['id'], '/api/statements lists them.'); })(),
  },
  {
    path: '/api/entities', summary: 'People, organisations and places, one identity each across articles, the most mentioned first.',
    params: [text('q', 'Part of any of its names.'), { name: 'type', in: 'query', type: 'enum', values: ENTITY_TYPES, description: 'Person, organisation, country or city, other place, facility.' }, limit(), offset],
    response: 'EntityPage',
    handle: ({ store, params: p }) => q.listEntitiesPage(store, { q: str(p, 'q'), type: str(p, 'type'), limit: num(p, 'limit')!, offset: num(p, 'offset')! }),
  },
  {
    path: '/api/entities/{id}', summary: 'An entity: what it said, what others said about it, the events it took part in, and its activity per day.',
    params: [idParam('entity')], response: 'EntityDetail',
    handle: ({ store, params }) => q.entityDetail(store, num(params, 'id')!) ?? (() => { throw notFound('entity', params['id'], '/api/entities lists them.'); })(),
  },
  {
    path: '/api/contradictions',
    summary: `Statements of different sides that contradict each other, and denials with the claims they deny, over at most ${MAX_CONTRADICTION_DAYS} days (by default the last ${DEFAULT_CONTRADICTION_DAYS} days with statements).`,
    params: [from, to, { name: 'kind', in: 'query', type: 'enum', values: ['contradiction', 'denial'], description: 'Only pairs or only denials.' }, limit(), offset],
    response: 'ContradictionPage',
    handle: contradictionsRoute,
  },
  {
    path: '/api/events', summary: 'Events (attacks, air strikes, meetings, handovers…) with place, coordinates and casualties, the latest first.',
    params: [
      from, to, { name: 'type', in: 'query', type: 'enum', values: EVENT_TYPES, description: 'The kind of event.' },
      int('entity', 'Only events this entity took part in or that happened at it.'), int('story', 'Only events of this story.'),
      { name: 'located', in: 'query', type: 'flag', default: 0, description: '1: only events with coordinates (the map).' },
      limit(5000, 100), offset,
    ],
    response: 'EventPage',
    handle: ({ store, params: p }) => q.listEvents(store, {
      from: str(p, 'from'), to: str(p, 'to'), type: str(p, 'type'), entity: num(p, 'entity'), story: num(p, 'story'), located: p['located'] as boolean,
      limit: num(p, 'limit')!, offset: num(p, 'offset')!,
    }),
  },
  {
    path: '/api/timeline', summary: 'Statements and events per day, with the killed and injured: over a range, a story or an entity.',
    params: [from, to, int('entity', 'Only this entity.'), int('story', 'Only this story.')], response: 'Timeline',
    handle: ({ store, params: p }) => q.timeline(store, { from: str(p, 'from'), to: str(p, 'to'), entity: num(p, 'entity'), story: num(p, 'story') }),
  },
];
