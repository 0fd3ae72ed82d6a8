// POST /api/articles over a real loopback server with a writable database: only with the token,
// only JSON within the size limit, stored as `rasd ingest` stores it and answered with what was
// extracted; concurrent posts are stored one after the other and none is lost.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/sqlite.js';
import { SqliteArticleStore } from '../store/store.js';
import { createApp } from './server.js';
import { exampleDb, raw } from './testing.js';
import type { ArticleDetail, Page, SearchHit } from './types.js';
import { ArticleWriter, type PostedArticle } from './write.js';

const TOKEN = 'test-token-0123456789abcdef';
const MAX_BODY = 64 * 1024;
let dir: string, read: Store, writable: Store, server: Server, base: string, port: number;

beforeAll(async () => {
  let db: string;
  ({ dir, db } = exampleDb('rasd-write-'));
  writable = Store.open(db);
  read = Store.open(db, { readonly: true });
  const writer = await ArticleWriter.open(new SqliteArticleStore(writable), read, MAX_BODY);
  server = createApp({ store: read, webRoot: null, version: 'test', hosts: ['127.0.0.1'], limits: { ratePerSecond: 0, maxBodyBytes: MAX_BODY }, writes: { token: TOKEN, writer } });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  read.close();
  writable.close();
  rmSync(dir, { recursive: true, force: true });
});

const ARTICLE = {
  title: 'وزير الخارجية يبحث مع نظيره التركي الأوضاع في المنطقة',
  content: 'أنقرة – بحث وزير الخارجية العراقي فؤاد حسين، اليوم الاثنين، مع نظيره التركي هاكان فيدان العلاقات الثنائية.\nوقال حسين في مؤتمر صحفي إن «العراق يرفض أي اعتداء على أراضيه».\nمن جهته، أكد فيدان أن «تركيا تحترم سيادة العراق».',
  date_publish: '2024-06-03 10:00:00',
  source_domain: 'api.example',
  url: 'https://api.example/news/1',
};

function post(body: string | Buffer, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/articles`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
  });
}

async function error(res: Response, status: number, message?: RegExp): Promise<void> {
  const body = (await res.json()) as { error: { status: number; message: string } };
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.status).toBe(status);
  if (message) expect(body.error.message).toMatch(message);
}

describe('POST /api/articles', () => {
  it('stores an article, answers what was extracted, and the API finds it', async () => {
    const res = await post(JSON.stringify(ARTICLE));
    const out = (await res.json()) as PostedArticle;
    expect(res.status, JSON.stringify(out).slice(0, 300)).toBe(201);
    expect(out.status).toBe('stored');
    expect(res.headers.get('location')).toBe(`/api/articles/${out.id}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(out.article.title).toBe(ARTICLE.title);
    expect(out.article.published).toBe('2024-06-03');
    expect(out.article.outlet).toBe('api.example');
    expect(out.article.statements.map((s) => s.speaker).join(' ')).toMatch(/حسين/);
    expect(out.article.entities.length).toBeGreaterThan(0);
    for (const s of out.article.statements) expect(out.article.text.slice(...s.span)).toBe(s.quote);
    const again = (await (await fetch(`${base}/api/articles/${out.id}`)).json()) as ArticleDetail;
    expect(again.text).toBe(out.article.text);
    const found = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('هاكان فيدان')}`)).json()) as Page<SearchHit>;
    expect(found.items.map((h) => h.id)).toContain(out.id);
  });

  it('changes nothing when the same article is posted again', async () => {
    const res = await post(JSON.stringify(ARTICLE));
    const out = (await res.json()) as PostedArticle;
    expect(res.status).toBe(200);
    expect(out.status).toBe('unchanged');
  });

  it('stores concurrent posts one after the other, each once', async () => {
    const before = (await (await fetch(`${base}/api/health`)).json()) as { articles: number };
    const posts = Array.from({ length: 6 }, (_, i) => post(JSON.stringify({
      title: `خبر رقم ${i}`, content: `${'بغداد – قال المتحدث باسم الحكومة '.repeat(1)}إن «الاجتماع رقم ${i} سيعقد غدا لبحث ملف ${['الكهرباء', 'المياه', 'النفط', 'الحدود', 'الزراعة', 'التعليم'][i]}».`,
      url: `https://api.example/news/c${i}`, source: 'api.example',
    })));
    const answers = await Promise.all(posts);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as PostedArticle[];
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(6);
    const after = (await (await fetch(`${base}/api/health`)).json()) as { articles: number };
    expect(after.articles).toBe(before.articles + 6);
  });

  it('needs the write token: 401 without it, 403 with a wrong one, and reads nothing of the body before', async () => {
    const none = await post(JSON.stringify(ARTICLE), { authorization: '' });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await error(none, 401, /Authorization: Bearer/);
    await error(await post(JSON.stringify(ARTICLE), { authorization: `Bearer ${TOKEN}x` }), 403);
    await error(await post(JSON.stringify(ARTICLE), { authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` }), 401);
    // Refused before the body is read: a huge body from an unauthorised client costs nothing.
    const big = await raw(port, `POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n`);
    expect(big.status).toBe(401);
    expect(big.headers['connection']).toBe('close');
  });

  it('refuses a body over the limit with 413, declared or chunked', async () => {
    const huge = JSON.stringify({ ...ARTICLE, content: 'كلمة '.repeat(MAX_BODY / 5) });
    await error(await post(huge), 413, /65,536 bytes.*--max-body-bytes/);
    // Chunked: no length announced; refused once the limit is passed.
    const head = `POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    const chunk = 'x'.repeat(16 * 1024);
    const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('') + '0\r\n\r\n';
    const a = await raw(port, head, { body: chunks });
    expect(a.status).toBe(413);
    expect(JSON.parse(a.body).error.message).toMatch(/--max-body-bytes/);
  });

  it('refuses what is not one JSON article: 415, 400, 422', async () => {
    await error(await post(JSON.stringify(ARTICLE), { 'content-type': 'text/plain' }), 415, /application\/json/);
    await error(await post(JSON.stringify(ARTICLE), { 'content-type': 'application/json; charset=latin1' }), 415);
    await error(await post('{"title": "x", "content": '), 400, /not valid JSON/);
    await error(await post(''), 400, /not valid JSON/);
    await error(await post(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 400, /UTF-8/);
    await error(await post('[1, 2]'), 422, /not an object|an array/);
    await error(await post('{"title": "بلا نص"}'), 422, /no text field.*content/);
    await error(await post('{"content": "   "}'), 422);
    await error(await post(`{"title": "x", "content": "نص", "author": ${'['.repeat(5000)}${']'.repeat(5000)}}`), 422, /more than 512 levels deep/);
    await error(await post(JSON.stringify(ARTICLE).replace('{', '{"content2":1,') + ' trailing'), 400);
  });

  it('takes only POST on /api/articles, and documents it in the OpenAPI document', async () => {
    const put = await fetch(`${base}/api/articles`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, { post?: { security: unknown } }>; components: { securitySchemes?: unknown } };
    expect(doc.paths['/api/articles']?.post?.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes).toBeDefined();
  });

  it('closes a client that sends its body too slowly with 408', async () => {
    const slow = createApp({ store: read, webRoot: null, version: 'test', limits: { ratePerSecond: 0, headersTimeoutMs: 500, requestTimeoutMs: 1000 }, writes: { token: TOKEN, writer: await ArticleWriter.open(new SqliteArticleStore(writable), read, MAX_BODY) } });
    await new Promise<void>((done) => slow.listen(0, '127.0.0.1', done));
    try {
      const started = Date.now();
      const head = `POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`;
      const a = await raw((slow.address() as AddressInfo).port, head, { body: '{"content": ', timeoutMs: 10_000 });
      expect(a.status).toBe(408);
      expect(JSON.parse(a.body).error.message).toMatch(/--request-timeout/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      slow.closeAllConnections();
      await new Promise((done) => slow.close(done));
    }
  });
});

