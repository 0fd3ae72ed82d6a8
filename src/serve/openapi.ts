// The OpenAPI 3.1 document the server serves at /api/openapi.json, written from the route table
// (paths and parameters) and the answer shapes of serve/types.ts (components).
import type { ParamSpec } from './params.js';
import { ROUTES } from './routes.js';

type Schema = Record<string, unknown>;

const S = { type: 'string' } as const;
const I = { type: 'integer' } as const;
const nullable = (s: Schema): Schema => ({ ...s, type: [s['type'] as string, 'null'] });
const NS = nullable(S), NI = nullable(I);
const span: Schema = { type: 'array', items: I, minItems: 2, maxItems: 2, description: '[start, end) in UTF-16 code units of the article text.' };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, required: Object.keys(properties) });
const arr = (items: Schema): Schema => ({ type: 'array', items });
const pageOf = (item: string): Schema => obj({ total: NI, limit: I, offset: I, items: arr(ref(item)) });

const source = obj({ statement: I, article: I, title: NS, outlet: NS, published: NS, url: NS, quote: S, span });
const statement = obj({
  id: I, speaker: S, speaker_entity: NI, role: NS, organization: NS, quote: S, kind: { enum: ['direct', 'indirect'] }, stance: S, channel: S,
  date: NS, story: NI, sources: arr(source),
});
const event = obj({
  id: I, article: I, type: S, date: NS, location: NS, lat: nullable({ type: 'number' }), lon: nullable({ type: 'number' }), actors: arr(S),
  killed: NI, injured: NI, text: S, span, outlet: NS, title: NS,
});
const story = obj({ id: I, title: NS, first_day: NS, last_day: NS, articles: I, outlets: I });
const entity = obj({ id: I, name: S, type: S, lat: nullable({ type: 'number' }), lon: nullable({ type: 'number' }), articles: I, first_day: NS, last_day: NS, names: arr(S) });
const day = obj({ day: S, statements: I, events: I, killed: I, injured: I });

const SCHEMAS: Record<string, Schema> = {
  Error: obj({ error: { type: 'object', properties: { status: I, message: S, param: S }, required: ['status', 'message'] } }),
  Health: obj({ ok: { const: true }, schema: I, articles: I, statements: I, events: I, first_day: NS, last_day: NS }),
  Outlet: obj({ outlet: S, articles: I }),
  OutletPage: pageOf('Outlet'),
  SearchHit: obj({
    id: I, title: NS, outlet: NS, published: NS, url: NS, story: NI, score: { type: 'number' },
    snippet: obj({ text: S, start: { ...I, description: 'Where the snippet starts in the article text.' }, highlights: arr({ ...span, description: 'Matched words, in the snippet.' }) }),
    copies: arr(obj({ id: I, outlet: NS, url: NS, kind: { enum: ['url', 'content', 'near'] } })),
  }),
  SearchPage: pageOf('SearchHit'),
  Statement: statement,
  StatementPage: pageOf('Statement'),
  Story: story,
  StoryPage: pageOf('Story'),
  StoryDetail: obj({
    story: ref('Story'),
    articles: arr(obj({ id: I, title: NS, outlet: NS, published: NS, url: NS, duplicate_of: NI, statements: arr(obj({ id: I, speaker: S, quote: S, stance: S, date: NS, span })) })),
    events: arr(ref('Event')),
  }),
  Entity: entity,
  EntityPage: pageOf('Entity'),
  DayCount: day,
  EntityDetail: obj({ entity: ref('Entity'), said: arr(ref('Statement')), about: arr(ref('Statement')), events: arr(ref('Event')), timeline: arr(ref('DayCount')) }),
  Event: event,
  EventPage: pageOf('Event'),
  Timeline: obj({ items: arr(ref('DayCount')) }),
  Contradiction: obj({ kind: { enum: ['contradiction', 'denial'] }, why: S, shared: arr(S), proposition: NS, a: ref('Statement'), b: arr(ref('Statement')) }),
  ContradictionPage: { ...pageOf('Contradiction'), properties: { ...(pageOf('Contradiction')['properties'] as Schema), from: NS, to: NS } },
  PostedArticle: obj({
    status: { enum: ['stored', 'duplicate', 'unchanged'] }, id: I, duplicate_of: NI, duplicate_kind: nullable({ type: 'string', enum: ['url', 'content', 'near', null] }),
    article: ref('ArticleDetail'),
  }),
  ArticleDetail: obj({
    id: I, title: NS, outlet: NS, published: NS, url: NS, source: S, story: NI, duplicate_of: NI, text: S, paragraphs: arr(span),
    statements: arr(obj({ id: NI, speaker: S, role: NS, organization: NS, quote: S, stance: S, channel: S, date: NS, span, cue: span, speaker_span: nullable({ type: 'array' }) })),
    entities: arr(obj({ name: S, type: S, entity: NI, mentions: arr(span) })),
    events: arr(obj({ type: S, date: NS, location: NS, killed: NI, injured: NI, span, trigger: span })),
    dates: arr(obj({ text: S, value: NS, span })),
    diagnostics: arr(obj({ stage: S, rule: S, reason: S, span: nullable({ type: 'array' }) })),
    removed: arr(obj({ line: S, rule: S })),
    copies: arr(obj({ id: I, outlet: NS, url: NS, kind: NS })),
  }),
};

function parameter(p: ParamSpec): Schema {
  const schema: Schema =
    p.type === 'integer' ? { type: 'integer', minimum: p.min, maximum: p.max, default: p.default }
    : p.type === 'date' ? { type: 'string', format: 'date' }
    : p.type === 'enum' ? { type: 'string', enum: p.values }
    : p.type === 'flag' ? { type: 'integer', enum: [0, 1], default: p.default }
    : { type: 'string', maxLength: 500 };
  return { name: p.name, in: p.in, required: p.in === 'path' || !!p.required, description: p.description, schema: JSON.parse(JSON.stringify(schema)) };
}

const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The body of POST /api/articles: one record as `rasd ingest` reads them from JSON Lines. */
const ARTICLE_RECORD: Schema = {
  type: 'object',
  description: 'One article. The text is read from the first of content, text, maintext, body, article, article_body, articleBody (a string, or a list of paragraphs); HTML is reduced to text.',
  properties: {
    content: S, title: S, url: S, date: { ...S, description: 'Also published, date_publish, datePublished, pubDate.' },
    source: { ...S, description: 'The outlet; also outlet, source_domain, site, publisher.' }, author: S,
  },
};

const WRITE_RESPONSES: Schema = {
  200: json(ref('PostedArticle'), 'This very article was stored before; nothing changed.'),
  201: json(ref('PostedArticle'), 'Stored (as a new article, or as a copy of the one in duplicate_of); Location names it.'),
  400: json(ref('Error'), 'The body is not valid JSON or not UTF-8.'),
  401: json(ref('Error'), 'No write token was sent.'),
  403: json(ref('Error'), 'The write token is wrong.'),
  413: json(ref('Error'), 'The body is larger than the server accepts (--max-body-bytes).'),
  415: json(ref('Error'), 'The body is not application/json in UTF-8.'),
  422: json(ref('Error'), 'The JSON is not an article: no text field, or an empty one.'),
  503: json(ref('Error'), 'The database is busy with another writer; try again.'),
};

/** The API's document; `writes`: the server takes articles (POST /api/articles), which it documents then. */
export function openApi(version: string, writes = false): Schema {
  const paths: Record<string, Schema> = {};
  for (const r of ROUTES) {
    const responses: Schema = { 200: json(ref(r.response), 'OK'), 400: json(ref('Error'), 'A bad parameter: the message names it and says what it accepts.') };
    if (r.path.includes('{')) responses['404'] = json(ref('Error'), 'Nothing has this number.');
    paths[r.path] = { get: { summary: r.summary, operationId: operationId(r.path), parameters: r.params.map(parameter), responses } };
  }
  if (writes) {
    paths['/api/articles'] = {
      post: {
        summary: 'Analyse one article and store it, as rasd ingest does; answers what was extracted. Needs the write token.',
        operationId: 'postArticle',
        security: [{ bearer: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: ARTICLE_RECORD } } },
        responses: WRITE_RESPONSES,
      },
    };
  }
  const securitySchemes = writes ? { bearer: { type: 'http', scheme: 'bearer', description: 'The token rasd serve was started with (--write-token-file or RASD_WRITE_TOKEN).' } } : undefined;
  return {
    openapi: '3.1.0',
    info: {
      title: 'rasd API',
      version,
      description: 'Source-linked knowledge from Arabic news: statements, entities, events, stories and contradictions. Every span is [start, end) in UTF-16 code units of the article text served by /api/articles/{id}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: SCHEMAS, ...(securitySchemes ? { securitySchemes } : {}) },
  };
}

const operationId = (path: string) =>
  path.replace(/^\/api\//, '').replace(/\/\{id\}/, 'ById').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase());
