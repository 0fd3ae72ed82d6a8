// The API against hostile and broken requests, over real loopback servers: every malformed input
// is a 4xx with a JSON error (never a 500), the static route never serves a file outside the web
// root, and each limit (address, head, time, connections, rate) holds and says which flag sets it.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../store/sqlite.js';
import { checkBearer, tokenProblem } from './auth.js';
import { DEFAULT_LIMITS, limitsProblem, type ServeLimits } from './limits.js';
import { MAX_QUERY_PARAMS } from './params.js';
import { clientKey, RateLimiter } from './ratelimit.js';
import { ROUTES } from './routes.js';
import { createApp } from './server.js';
import { exampleDb, raw, rawGet, type RawAnswer } from './testing.js';

let dir: string, web: string, store: Store;
const servers: Server[] = [];

async function start(limits: Partial<ServeLimits> = {}): Promise<number> {
  const server = createApp({ store, webRoot: web, version: 'test', hosts: ['127.0.0.1', 'localhost'], limits: { ratePerSecond: 0, ...limits } });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

let port: number;

beforeAll(async () => {
  ({ dir } = exampleDb('rasd-security-'));
  web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>rasd</title>');
  writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not to be served');
  symlinkSync(join(dir, 'secret.txt'), join(web, 'assets', 'link.js'));
  symlinkSync(dir, join(web, 'outside'));
  store = Store.open(join(dir, 'rasd.db'), { readonly: true });
  port = await start();
});

afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An answer is a JSON error of this status whose message ends a sentence. */
function expectError(a: RawAnswer, status: number, message?: RegExp): { status: number; message: string; param?: string } {
  expect(a.status, a.body.slice(0, 300)).toBe(status);
  expect(a.headers['content-type']).toMatch(/^application\/json/);
  const { error } = JSON.parse(a.body) as { error: { status: number; message: string; param?: string } };
  expect(error.status).toBe(status);
  expect(error.message).toMatch(/\.$/);
  if (message) expect(error.message).toMatch(message);
  return error;
}

describe('strict input validation', () => {
  it('refuses broken percent-encoding in the query instead of guessing', async () => {
    for (const q of ['q=%E0%A4%A', 'q=%zz', 'q=%', 'q=abc%2', 'q=%C0%AF', '%ZZ=1']) {
      expectError(await rawGet(port, `/api/search?${q}`), 400, /percent-encoding/);
    }
  });

  it('refuses control characters in text parameters, and shows none in its messages', async () => {
    for (const v of ['%00', 'a%0Ab', '%0D%0AX-Injected:%201', '%1B[31m', '%7F', '%C2%85']) {
      const e = expectError(await rawGet(port, `/api/search?q=${v}`), 400, /control character/);
      expect(e.param).toBe('q');
    }
    const e = expectError(await rawGet(port, '/api/search?x%0Ay=1'), 400, /does not take the parameter 'x\?y'/);
    expect(e.message).not.toMatch(/\n/);
  });

  it('refuses unknown, repeated, over-long and ill-typed parameters on every route', async () => {
    for (const r of ROUTES) {
      const path = r.path.replace('{id}', '1');
      expectError(await rawGet(port, `${path}?nonsense=1`), 400);
      const q = r.params.find((p) => p.in === 'query');
      if (!q) continue;
      expectError(await rawGet(port, `${path}?${q.name}=1&${q.name}=1`), 400, /more than once/);
      const bad = q.type === 'string' ? 'x'.repeat(501) : q.type === 'integer' ? '1e3' : q.type === 'date' ? '2024-13-01' : 'nope';
      expectError(await rawGet(port, `${path}?${q.name}=${bad}`), 400);
    }
    for (const v of ['9999999999999999', '-0x10', '1.0', '+1', ' 1', 'Infinity', 'NaN']) {
      expectError(await rawGet(port, `/api/search?limit=${encodeURIComponent(v)}`), 400);
    }
    for (const v of ['2024-02-30', '24-01-01', '2024-1-1', '2024-01-01T00:00', '١٤٤٥-٠١-٠١']) {
      expectError(await rawGet(port, `/api/search?from=${encodeURIComponent(v)}`), 400, /YYYY-MM-DD/);
    }
    expectError(await rawGet(port, '/api/openapi.json?x=1'), 400);
  });

  it(`refuses more than ${MAX_QUERY_PARAMS} query parameters`, async () => {
    const many = Array.from({ length: MAX_QUERY_PARAMS + 1 }, (_, i) => `q${i}=1`).join('&');
    expectError(await rawGet(port, `/api/search?${many}`), 400, new RegExp(`at most ${MAX_QUERY_PARAMS}`));
  });

  it('refuses an address longer than the limit (414) and a head larger than the limit (431), in JSON', async () => {
    expectError(await rawGet(port, `/api/search?q=${'a'.repeat(DEFAULT_LIMITS.maxUrlBytes)}`), 414, /--max-url-bytes/);
    expectError(await rawGet(port, '/api/health', `X-Big: ${'b'.repeat(DEFAULT_LIMITS.maxHeaderBytes)}\r\n`), 431, /--max-header-bytes/);
    expectError(await rawGet(port, `/api/search?q=${'a'.repeat(DEFAULT_LIMITS.maxHeaderBytes)}`), 431);
  });

  it('refuses requests that are not HTTP, or whose target is not a path', async () => {
    expectError(await raw(port, 'NONSENSE\r\n\r\n'), 400, /not valid HTTP/);
    expectError(await raw(port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n'), 400);
    expectError(await raw(port, 'GET http://127.0.0.1/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'), 400, /path beginning with \//);
    // Not another host's address: a path of the UI (its single-page fallback), not the API.
    expect((await rawGet(port, '//api/health')).body).toContain('<title>rasd</title>');
    expectError(await raw(port, 'DELETE /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'), 405, /read-only/);
    expectError(await raw(port, 'POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}'), 405, /write token/);
  });

  it('never answers 500 to random parameters on any route (fuzz)', async () => {
    // A fixed seed: a failure reproduces.
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['"', '«', '*', '-', 'OR', 'AND', 'NEAR', '(', ')', ':', '^', 'العراق', 'ال', '%20', '%22', '%2A', '0', '-1', '2024-01-01', '99999999', 'ـ', 'ً', '\\', "'", ';', '%25', '+', 'x'];
    let requests = 0;
    for (const r of ROUTES) {
      const names = r.params.filter((p) => p.in === 'query').map((p) => p.name);
      for (let i = 0; i < 25; i++) {
        const value = Array.from({ length: 1 + rnd(6) }, () => pieces[rnd(pieces.length)]).join(rnd(2) ? ' ' : '');
        const name = names.length && rnd(8) ? names[rnd(names.length)]! : 'zz';
        const id = ['1', '0', '-5', 'abc', '99999999999', '1%2F2', '%00'][rnd(7)]!;
        const target = `${r.path.replace('{id}', id)}?${name}=${encodeURIComponent(value).replace(/%25/g, rnd(2) ? '%' : '%25')}`;
        const a = await rawGet(port, target);
        requests++;
        expect(a.status, `${target}: ${a.body.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
        expect(a.status, `${target}: ${a.body.slice(0, 200)}`).toBeLessThan(500);
        expect(() => JSON.parse(a.body)).not.toThrow();
      }
    }
    expect(requests).toBe(ROUTES.length * 25);
  });
});

describe('the static route never serves a file outside the web root', () => {
  const attempts = [
    '/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%252e%252e/secret.txt', '/..\\secret.txt', '/%5c..%5csecret.txt', '/assets\\..\\..\\secret.txt', '/..%5c..%5csecret.txt',
    '/secret.txt%00.js', '/%00', '/index.html%00', '//secret.txt', `/${dirPlaceholder()}/secret.txt`, '/assets/link.js', '/outside/secret.txt',
    '/%c0%ae%c0%ae/secret.txt', '/.%2e/secret.txt', '/assets/./../../secret.txt',
  ];

  it.each(attempts)('%s', async (target) => {
    const t = target.replace(dirPlaceholder(), dir.slice(1));
    const a = await rawGet(port, t);
    expect(a.body).not.toContain('not to be served');
    expect([200, 400, 404]).toContain(a.status);
    // A 200 can only be the UI's own page (the single-page fallback), never another file.
    if (a.status === 200) expect(a.body).toContain('<title>rasd</title>');
  });

  it('still serves the UI and its assets', async () => {
    expect((await rawGet(port, '/')).status).toBe(200);
    const js = await rawGet(port, '/assets/app-1.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe('console.log(1)');
  });
});

function dirPlaceholder(): string {
  return '__DIR__';
}

describe('security headers', () => {
  it('sends them on answers, errors and refusals alike, and keeps API answers out of caches', async () => {
    for (const target of ['/api/health', '/api/nothing', '/api/search?q=%zz', '/', '/..%2fsecret.txt']) {
      const a = await rawGet(port, target);
      expect(a.headers['content-security-policy'], target).toContain("default-src 'self'");
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['x-frame-options']).toBe('DENY');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
      expect(a.headers['permissions-policy']).toMatch(/camera=\(\)/);
      expect(a.headers['strict-transport-security']).toBeUndefined(); // plain HTTP: browsers ignore it
      expect(a.headers['access-control-allow-origin']).toBeUndefined();
      if (target.startsWith('/api')) expect(a.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('limits on clients', () => {
  it('limits the rate per client address with 429 and Retry-After, and other addresses are not affected', async () => {
    const p = await start({ ratePerSecond: 1, rateBurst: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rawGet(p, '/api/health')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await rawGet(p, '/api/health');
    expectError(limited, 429, /at most 1 a second.*--rate-limit/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Another loopback address is another client.
    const other = await raw(p, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', { localAddress: '127.0.0.2' });
    expect(other.status).toBe(200);
  });

  it('answers connections beyond the limit with 503 and closes them', async () => {
    const p = await start({ maxConnections: 2 });
    const held = [connect(p, '127.0.0.1'), connect(p, '127.0.0.1')];
    await Promise.all(held.map((s) => new Promise((done) => s.once('connect', done))));
    await new Promise((done) => setTimeout(done, 100));
    expectError(await rawGet(p, '/api/health'), 503, /2 connections open.*--max-connections/);
    for (const s of held) s.destroy();
    await new Promise((done) => setTimeout(done, 200));
    expect((await rawGet(p, '/api/health')).status).toBe(200);
  });

  it('closes a client that sends its head too slowly (slowloris) with 408', async () => {
    const p = await start({ headersTimeoutMs: 500, requestTimeoutMs: 1000 });
    const started = Date.now();
    // Half a head, and nothing more.
    const a = await raw(p, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', { timeoutMs: 10_000 });
    expectError(a, 408, /--headers-timeout/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('checks the limits it is given', () => {
    expect(limitsProblem(DEFAULT_LIMITS)).toBeNull();
    expect(limitsProblem({ ...DEFAULT_LIMITS, maxUrlBytes: 20_000 })).toMatch(/--max-url-bytes .* smaller than --max-header-bytes/);
    expect(limitsProblem({ ...DEFAULT_LIMITS, headersTimeoutMs: 60_000 })).toMatch(/--headers-timeout/);
    expect(() => createApp({ store, webRoot: null, version: 't', limits: { maxUrlBytes: 1 << 20 } })).toThrow(/--max-url-bytes/);
  });
});

describe('the token bucket', () => {
  it('lets a burst through, then the rate, and says when to retry', () => {
    let now = 0;
    const rl = new RateLimiter(2, 4, 100, () => now);
    expect(Array.from({ length: 5 }, () => rl.take('a').ok)).toEqual([true, true, true, true, false]);
    expect(rl.take('a').retryAfter).toBe(1);
    now += 500; // one token back
    expect(rl.take('a').ok).toBe(true);
    expect(rl.take('a').ok).toBe(false);
    expect(rl.take('b').ok).toBe(true);
    now += 60_000;
    expect(Array.from({ length: 4 }, () => rl.take('a').ok)).toEqual([true, true, true, true]);
  });

  it('keeps at most maxClients buckets however many addresses come', () => {
    let now = 0;
    const rl = new RateLimiter(1, 5, 1000, () => now);
    for (let i = 0; i < 50_000; i++) {
      rl.take(`10.0.${i >> 8}.${i & 255}`);
      now += 0.01;
    }
    expect(rl.size).toBeLessThanOrEqual(1000);
  });

  it('limits IPv6 clients by /64 and IPv4-mapped addresses as IPv4', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('the write token', () => {
  const token = 'a'.repeat(20) + 'Z9-._~+/';
  it('accepts only the exact token as a bearer', () => {
    expect(checkBearer(`Bearer ${token}`, token)).toBe('ok');
    expect(checkBearer(`bearer ${token}`, token)).toBe('ok');
    expect(checkBearer(`Bearer ${token}x`, token)).toBe('wrong');
    expect(checkBearer(`Bearer ${token.slice(1)}`, token)).toBe('wrong');
    expect(checkBearer('Bearer ', token)).toBe('missing');
    expect(checkBearer(`Basic ${token}`, token)).toBe('missing');
    expect(checkBearer(undefined, token)).toBe('missing');
  });

  it('refuses short or unsendable tokens', () => {
    expect(tokenProblem('short')).toMatch(/at least 16/);
    expect(tokenProblem('x'.repeat(16) + ' y')).toMatch(/only letters/);
    expect(tokenProblem(token)).toBeNull();
  });
});

describe('keep-alive', () => {
  it('keeps the connection open after an error answer to a request without a body', async () => {
    const a = await raw(port, 'GET /api/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(a.status).toBe(404);
    expect(a.headers['connection']).not.toBe('close');
    expect(a.body).toMatch(/HTTP\/1\.1 200 OK[\s\S]*"ok":true/);
  });
});
