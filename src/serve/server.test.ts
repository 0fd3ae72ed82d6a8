// The API, route by route, over a real loopback server on a database of the bundled examples:
// what each answers, and the 4xx each gives for bad input.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/sqlite.js';
import { CSP, createApp, Memo } from './server.js';
import { ROUTES } from './routes.js';
import type { ArticleDetail, ContradictionItem, EntityDetail, EntityItem, EventItem, Page, SearchHit, StatementItem, StoryDetail, StoryItem } from './types.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
let dir: string, store: Store, server: Server, base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-serve-'));
  const db = join(dir, 'rasd.db');
  execFileSync(process.execPath, [join(ROOT, 'bin', 'rasd.js'), 'ingest', join(ROOT, 'examples'), '--db', db, '-q'], { stdio: 'pipe' });
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>rasd</title>');
  writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not to be served');
  store = Store.open(db, { readonly: true });
  // No rate limit: these tests make requests as fast as the machine allows (security.test.ts tests the limit).
  server = createApp({ store, webRoot: web, version: 'test', hosts: ['127.0.0.1', 'localhost'], limits: { ratePerSecond: 0 } });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get<T>(path: string, status = 200): Promise<T> {
  const res = await fetch(base + path);
  const body = (await res.json()) as T;
  expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return body;
}

/** A 4xx answer, with its message and the parameter at fault. */
async function bad(path: string, status: number, param?: string): Promise<string> {
  const body = await get<{ error: { status: number; message: string; param?: string } }>(path, status);
  expect(body.error.status).toBe(status);
  expect(body.error.message).toMatch(/\.$/);
  if (param) expect(body.error.param).toBe(param);
  return body.error.message;
}

const q = encodeURIComponent;

describe('GET /api/health and /api/outlets', () => {
  it('says what the database holds', async () => {
    const h = await get<{ ok: boolean; schema: number; articles: number; statements: number; events: number }>('/api/health');
    expect(h).toMatchObject({ ok: true, articles: 4 });
    expect(h.statements).toBeGreaterThan(10);
    expect(h.events).toBe(2);
    await bad('/api/health?x=1', 400, 'x');
  });

  it('lists outlets for the filters', async () => {
    const o = await get<Page<{ outlet: string; articles: number }>>('/api/outlets');
    expect(o.items.map((x) => x.outlet)).toContain('wire.example');
  });
});

describe('GET /api/search', () => {
  it('finds articles with Arabic folding and highlights the matched words in the snippet', async () => {
    const r = await get<Page<SearchHit>>(`/api/search?q=${q('الحدود')}`);
    expect(r.total).toBe(1);
    const hit = r.items[0]!;
    expect(hit.title).toContain('منفذ ربيعة');
    expect(hit.snippet.highlights.length).toBeGreaterThan(0);
    for (const [s, e] of hit.snippet.highlights) expect(hit.snippet.text.slice(s, e)).toMatch(/حدود/);
  });

  it('filters and paginates', async () => {
    const all = await get<Page<SearchHit>>('/api/search?limit=2');
    expect(all.total).toBe(4);
    expect(all.items).toHaveLength(2);
    const next = await get<Page<SearchHit>>('/api/search?limit=2&offset=2');
    expect(next.items.map((h) => h.id)).not.toContain(all.items[0]!.id);
    const dated = await get<Page<SearchHit>>('/api/search?from=2024-01-01&to=2024-12-31');
    expect(dated.items.every((h) => h.published! >= '2024-01-01')).toBe(true);
    expect((await get<Page<SearchHit>>(`/api/search?outlet=wire.example`)).items.every((h) => h.outlet === 'wire.example')).toBe(true);
  });

  it('refuses bad parameters with a message that names them', async () => {
    expect(await bad('/api/search?from=2024-02-30', 400, 'from')).toMatch(/YYYY-MM-DD/);
    await bad('/api/search?limit=0', 400, 'limit');
    await bad('/api/search?limit=101', 400, 'limit');
    await bad('/api/search?limit=ten', 400, 'limit');
    await bad('/api/search?offset=-1', 400, 'offset');
    expect(await bad('/api/search?form=2024-01-01', 400, 'form')).toMatch(/it takes: q, outlet, from, to/);
    await bad('/api/search?q=a&q=b', 400, 'q');
    await bad(`/api/search?q=${q('!!!')}`, 400, 'q');
    await bad(`/api/search?q=${q('-العراق')}`, 400, 'q');
    await bad('/api/search?from=2024-05-01&to=2024-01-01', 400, 'from');
    await bad(`/api/search?q=${'x'.repeat(600)}`, 400, 'q');
    expect(await bad(`/api/search?q=${q('ا* م*')}`, 400, 'q')).toMatch(/at least 2 letters before the \*/);
    expect(await bad(`/api/search?q=${q(Array.from({ length: 17 }, (_, i) => `كلمة${i}`).join(' '))}`, 400, 'q')).toMatch(/at most 16/);
  });
});

describe('GET /api/statements', () => {
  it('lists statements, each once with its sources and their spans, the latest first', async () => {
    const r = await get<Page<StatementItem>>('/api/statements?limit=100');
    expect(r.total).toBe(r.items.length);
    const dates = r.items.map((s) => s.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    for (const s of r.items) {
      expect(s.sources.length).toBeGreaterThan(0);
      const article = await get<ArticleDetail>(`/api/articles/${s.sources[0]!.article}`);
      const [a, b] = s.sources[0]!.span;
      expect(article.text.slice(a, b)).toBe(s.sources[0]!.quote);
    }
  });

  it('filters by speaker, stance, text, entity, outlet, story and dates', async () => {
    const denials = await get<Page<StatementItem>>('/api/statements?stance=deny');
    expect(denials.items.length).toBeGreaterThan(0);
    expect(denials.items.every((s) => s.stance === 'deny')).toBe(true);
    const named = await get<Page<StatementItem>>(`/api/statements?speaker=${q('الداخلية')}`);
    expect(named.items.every((s) => s.speaker.includes('الداخلية'))).toBe(true);
    const said = await get<Page<StatementItem>>(`/api/statements?q=${q('منفذ ربيعه')}`);
    expect(said.items.some((s) => s.quote.includes('منفذ ربيعة'))).toBe(true);
    const one = named.items.find((s) => s.speaker_entity !== null)!;
    const byEntity = await get<Page<StatementItem>>(`/api/statements?entity=${one.speaker_entity}`);
    expect(byEntity.items.every((s) => s.speaker_entity === one.speaker_entity)).toBe(true);
    expect((await get<Page<StatementItem>>(`/api/statements?story=${one.story}`)).items.every((s) => s.story === one.story)).toBe(true);
    expect((await get<Page<StatementItem>>('/api/statements?from=2030-01-01')).items).toEqual([]);
    expect((await get<Page<StatementItem>>('/api/statements?outlet=wire.example')).items.every((s) => s.sources.some((x) => x.outlet === 'wire.example'))).toBe(true);
  });

  it('refuses bad parameters', async () => {
    expect(await bad('/api/statements?stance=angry', 400, 'stance')).toMatch(/assert, deny, confirm, announce, commit/);
    await bad('/api/statements?entity=abc', 400, 'entity');
    await bad('/api/statements?entity=0', 400, 'entity');
    await bad('/api/statements?to=yesterday', 400, 'to');
  });

  it('opens one statement by any of its numbers', async () => {
    const first = (await get<Page<StatementItem>>('/api/statements?limit=1')).items[0]!;
    const again = await get<StatementItem>(`/api/statements/${first.sources[0]!.statement}`);
    expect(again.id).toBe(first.id);
    await bad('/api/statements/99999', 404);
    await bad('/api/statements/abc', 400, 'id');
  });
});

describe('GET /api/stories', () => {
  it('lists stories and opens one with its articles, statements and events', async () => {
    const r = await get<Page<StoryItem>>('/api/stories?min=1');
    expect(r.total).toBe(4);
    const withEvents = await Promise.all(r.items.map((s) => get<StoryDetail>(`/api/stories/${s.id}`)));
    expect(withEvents.some((d) => d.events.length > 0)).toBe(true);
    expect(withEvents.every((d) => d.articles.length === d.story.articles)).toBe(true);
    expect((await get<Page<StoryItem>>('/api/stories')).items).toEqual([]); // min defaults to 2
  });

  it('refuses bad parameters and unknown stories', async () => {
    await bad('/api/stories?min=0', 400, 'min');
    await bad('/api/stories/12345', 404);
    await bad('/api/stories/-1', 400, 'id');
  });
});

describe('GET /api/entities', () => {
  it('lists entities by name and type, and opens one with what it said, what was said about it and its events', async () => {
    const places = await get<Page<EntityItem>>('/api/entities?type=GPE');
    expect(places.items.every((e) => e.type === 'GPE')).toBe(true);
    const iraq = (await get<Page<EntityItem>>(`/api/entities?q=${q('العراق')}&type=GPE`)).items[0]!;
    const d = await get<EntityDetail>(`/api/entities/${iraq.id}`);
    expect(d.entity.id).toBe(iraq.id);
    expect(d.about.length).toBeGreaterThan(0);
    const speakers = await get<Page<StatementItem>>('/api/statements?limit=100');
    const speaker = speakers.items.find((s) => s.speaker_entity !== null)!;
    const who = await get<EntityDetail>(`/api/entities/${speaker.speaker_entity}`);
    expect(who.said.map((s) => s.id)).toContain(speaker.id);
    expect(who.timeline.length).toBeGreaterThan(0);
  });

  it('links events to the place where they happened', async () => {
    const ev = (await get<Page<EventItem>>('/api/events?located=1')).items.find((e) => e.location === 'بغداد')!;
    const baghdad = (await get<Page<EntityItem>>(`/api/entities?q=${q('بغداد')}`)).items[0]!;
    expect((await get<EntityDetail>(`/api/entities/${baghdad.id}`)).events.map((e) => e.id)).toContain(ev.id);
  });

  it('refuses bad parameters', async () => {
    await bad('/api/entities?type=PERSON', 400, 'type');
    await bad('/api/entities/999999', 404);
  });
});

describe('GET /api/events and /api/timeline', () => {
  it('lists events with coordinates and the sentence they were read from', async () => {
    const r = await get<Page<EventItem>>('/api/events?located=1');
    expect(r.items.length).toBe(2);
    for (const e of r.items) {
      expect(e.lat).not.toBeNull();
      const article = await get<ArticleDetail>(`/api/articles/${e.article}`);
      expect(article.text.slice(...e.span)).toBe(e.text);
    }
    expect((await get<Page<EventItem>>('/api/events?type=airstrike')).items.every((e) => e.type === 'airstrike')).toBe(true);
    expect((await get<Page<EventItem>>('/api/events?limit=5000')).limit).toBe(5000);
  });

  it('counts statements and events per day', async () => {
    const t = await get<{ items: { day: string; statements: number; events: number }[] }>('/api/timeline');
    expect(t.items.reduce((n, d) => n + d.events, 0)).toBe(2);
    expect(t.items.map((d) => d.day)).toEqual([...t.items.map((d) => d.day)].sort());
    const narrow = await get<{ items: { day: string }[] }>('/api/timeline?from=2024-03-01&to=2024-03-31');
    expect(narrow.items.every((d) => d.day.startsWith('2024-03'))).toBe(true);
  });

  it("filters events and the timeline by story and entity: a story's and a place's own, and all of them", async () => {
    const all = (await get<Page<EventItem>>('/api/events')).items;
    const ev = all.find((e) => e.location === 'بغداد')!;
    const story = (await get<ArticleDetail>(`/api/articles/${ev.article}`)).story!;
    const detail = await get<StoryDetail>(`/api/stories/${story}`);
    const inStory = new Set(detail.articles.map((a) => a.id));
    const byStory = (await get<Page<EventItem>>(`/api/events?story=${story}`)).items;
    expect(byStory.map((e) => e.id).sort()).toEqual(all.filter((e) => inStory.has(e.article)).map((e) => e.id).sort());
    const storyDays = (await get<{ items: { events: number; statements: number }[] }>(`/api/timeline?story=${story}`)).items;
    expect(storyDays.reduce((n, d) => n + d.events, 0)).toBe(byStory.filter((e) => e.date).length);
    expect(storyDays.reduce((n, d) => n + d.statements, 0)).toBe(detail.articles.flatMap((a) => a.statements).filter((s) => s.date).length);
    const baghdad = (await get<Page<EntityItem>>(`/api/entities?q=${q('بغداد')}`)).items[0]!;
    const atBaghdad = (await get<Page<EventItem>>(`/api/events?entity=${baghdad.id}`)).items;
    expect(atBaghdad.map((e) => e.id)).toContain(ev.id);
    const baghdadDays = (await get<{ items: { events: number }[] }>(`/api/timeline?entity=${baghdad.id}`)).items;
    expect(baghdadDays.reduce((n, d) => n + d.events, 0)).toBe(atBaghdad.filter((e) => e.date).length);
  });

  it('refuses bad parameters', async () => {
    await bad('/api/events?located=yes', 400, 'located');
    await bad('/api/events?limit=5001', 400, 'limit');
    await bad('/api/events?type=party', 400, 'type');
    await bad('/api/timeline?story=x', 400, 'story');
  });
});

describe('GET /api/contradictions', () => {
  it('finds denials in the last week of articles by default, and over a range', async () => {
    const r = await get<Page<ContradictionItem> & { from: string; to: string }>('/api/contradictions');
    expect(r.to).toBe('2024-03-12');
    expect(r.items.some((c) => c.kind === 'denial' && c.a.stance === 'deny')).toBe(true);
    const denials = await get<Page<ContradictionItem>>('/api/contradictions?kind=denial&from=2024-03-01&to=2024-03-14');
    expect(denials.items.every((c) => c.kind === 'denial')).toBe(true);
  });

  it('refuses a range too wide to compute in one request', async () => {
    expect(await bad('/api/contradictions?from=2024-01-01&to=2024-12-31', 400, 'from')).toMatch(/at most 14 days/);
    await bad('/api/contradictions?kind=both', 400, 'kind');
  });
});

describe('GET /api/articles/{id}', () => {
  it('gives the cleaned text with every extraction as spans into it', async () => {
    const a = await get<ArticleDetail>('/api/articles/1');
    expect(a.statements.length).toBeGreaterThan(0);
    for (const s of a.statements) {
      expect(a.text.slice(...s.span)).toBe(s.quote);
      expect(s.id).not.toBeNull();
    }
    for (const e of a.entities) for (const [s, t] of e.mentions) expect(a.text.slice(s, t).length).toBeGreaterThan(0);
    expect(a.paragraphs.length).toBeGreaterThan(1);
    expect(a.entities.some((e) => e.entity !== null)).toBe(true);
  });

  it('refuses bad numbers', async () => {
    await bad('/api/articles/0', 400, 'id');
    await bad('/api/articles/1.5', 400, 'id');
    await bad('/api/articles/77', 404);
    await bad('/api/articles/%E0%A4%A', 400);
  });
});

describe('the OpenAPI document', () => {
  it('documents every route with its parameters', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, { get: { parameters: { name: string }[] } }>; components: { schemas: Record<string, unknown> } }>('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    for (const r of ROUTES) {
      expect(Object.keys(doc.paths)).toContain(r.path);
      expect(doc.paths[r.path]!.get.parameters.map((p) => p.name)).toEqual(r.params.map((p) => p.name));
      expect(Object.keys(doc.components.schemas)).toContain(r.response);
    }
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g)!;
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
  });
});

describe('the server', () => {
  it('sends a Content-Security-Policy and no-sniff on every answer', async () => {
    for (const path of ['/', '/api/health', '/api/nothing', '/assets/app-1.js']) {
      const res = await fetch(base + path);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('serves the UI, and never a file outside it', async () => {
    const page = await fetch(base + '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(base + '/assets/app-1.js')).headers.get('cache-control')).toMatch(/immutable/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/nothing.js']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('not to be served');
    }
  });

  it('is read-only, answers unknown routes with 404, and only to its own host names', async () => {
    const post = await fetch(base + '/api/health', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await bad('/api/nothing', 404);
    const head = await fetch(base + '/api/health', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const { request } = await import('node:http');
    const status = await new Promise<number>((done) => {
      request(base + '/api/health', { headers: { host: 'evil.example:80' } }, (res) => done(res.statusCode!)).end();
    });
    expect(status).toBe(421);
  });
});

describe('the memo of slow answers', () => {
  it('keeps the most recently used answers and computes the others again', () => {
    const memo = new Memo(2);
    let made = 0;
    const get = (k: string) => memo.get(k, () => `${k}${++made}`);
    expect(get('a')).toBe('a1');
    expect(get('b')).toBe('b2');
    expect(get('a')).toBe('a1'); // used again: now the most recent
    expect(get('c')).toBe('c3'); // b is dropped
    expect(get('a')).toBe('a1');
    expect(get('b')).toBe('b4');
  });
});
