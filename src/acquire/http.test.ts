// Every test talks only to loopback servers it starts itself. Timing checks are lower bounds or
// orderings, never tight upper bounds: the machines that run them are shared and noisy.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Fetcher, USER_AGENT, decodeBody } from './http.js';
import { encodeCp1256, encodeUtf16 } from './testing.js';

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

interface TestServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  /** "127.0.0.1:PORT", the key of Fetcher.stats. */
  host: string;
  seen: Seen[];
  paths: () => string[];
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

/** A server on 127.0.0.1 and a free port, recording every request it sees. */
async function serve(handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, seen, paths: () => seen.map((s) => s.path) };
}

/** A handler answering by path; robots.txt is 404 (allow all) unless given. */
function routes(table: Record<string, Handler>): Handler {
  return (req, res) => {
    const route = table[req.url ?? ''];
    if (route) return route(req, res);
    res.writeHead(404).end('not found');
  };
}

function text(body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

/** Answers after `ms`, unless the client has gone by then. */
function late(ms: number, handler: Handler): Handler {
  return (req, res) => {
    const timer = setTimeout(() => handler(req, res), ms);
    res.on('close', () => clearTimeout(timer));
  };
}

/** A port nothing listens on: one a server had a moment ago. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A fetch that records when each request starts (performance.now()), then sends it for real. */
function recordingFetch(starts: number[]): typeof fetch {
  return (input, init) => {
    starts.push(performance.now());
    return globalThis.fetch(input, init);
  };
}

function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]!);
}

describe('Fetcher: conditional requests', () => {
  it('returns the body with its validators, then 304 when the validators are sent back', async () => {
    const etag = '"v1"';
    const lastModified = 'Sat, 04 Sep 2021 10:00:00 GMT';
    const site = await serve(
      routes({
        '/feed.xml': (req, res) => {
          if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
          res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified }).end('<rss/>');
        },
      }),
    );
    const fetcher = new Fetcher({ perHostIntervalMs: 0 });
    const url = `${site.origin}/feed.xml`;

    const first = await fetcher.get(url);
    expect(first).toMatchObject({ ok: true, status: 200, url, requestedUrl: url, contentType: 'application/rss+xml', etag, lastModified });
    expect(first.ok && first.status === 200 && first.body.toString()).toBe('<rss/>');

    const second = await fetcher.get(url, { etag, lastModified });
    expect(second).toEqual({ ok: true, status: 304, url, requestedUrl: url, etag, lastModified });
    const conditional = site.seen.at(-1)!.headers;
    expect(conditional['if-none-match']).toBe(etag);
    expect(conditional['if-modified-since']).toBe(lastModified);
    expect(conditional['user-agent']).toBe(USER_AGENT);
    expect(site.paths()).toEqual(['/robots.txt', '/feed.xml', '/feed.xml']);
    expect(fetcher.stats.get(site.host)).toBe(3);
  });
});

describe('Fetcher: robots.txt', () => {
  it('refuses a disallowed path without requesting it, and fetches robots.txt once for many requests', async () => {
    const site = await serve(
      routes({
        '/robots.txt': text('User-agent: *\nDisallow: /\n\nUser-agent: rasd\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
        '/news/1': text('<p>خبر</p>'),
        '/news/2': text('<p>خبر</p>'),
      }),
    );
    const fetcher = new Fetcher({ perHostIntervalMs: 0 });
    const url = `${site.origin}/private/report?id=1`;
    const [refused, ok1, ok2] = await Promise.all([url, `${site.origin}/news/1`, `${site.origin}/news/2`].map((u) => fetcher.get(u)));

    expect(refused).toEqual({
      ok: false,
      url,
      reason: 'robots',
      error: `${url} was not fetched: robots.txt of ${site.host} disallows it for rasd; ask the site's owner or leave it out.`,
    });
    expect(ok1?.ok && ok2?.ok).toBe(true);
    expect(site.paths().filter((p) => p === '/robots.txt')).toHaveLength(1);
    expect(site.paths()).not.toContain('/private/report?id=1');
  });

  it('checks robots.txt of the place a redirect leads to', async () => {
    const site = await serve(
      routes({
        '/robots.txt': text('User-agent: *\nDisallow: /private/\n'),
        '/go': (_req, res) => void res.writeHead(302, { location: '/private/x' }).end(),
      }),
    );
    const url = `${site.origin}/go`;
    const result = await new Fetcher({ perHostIntervalMs: 0 }).get(url);
    expect(result).toMatchObject({ ok: false, url, reason: 'robots' });
    expect(!result.ok && result.error).toContain(`${site.origin}/private/x (redirected from ${url}) was not fetched`);
    expect(site.paths()).toEqual(['/robots.txt', '/go']);
  });

  it('allows everything when robots.txt fails with 5xx or times out, and goes on fetching', async () => {
    const broken = await serve(routes({ '/robots.txt': (_req, res) => void res.writeHead(503).end(), '/a': text('a') }));
    const hanging = await serve(routes({ '/robots.txt': late(5000, text('User-agent: *\nDisallow: /\n')), '/a': text('a') }));
    const fetcher = new Fetcher({ perHostIntervalMs: 0, timeoutMs: 200 });
    const [a, b] = await Promise.all([fetcher.get(`${broken.origin}/a`), fetcher.get(`${hanging.origin}/a`)]);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(true);
    // robots.txt is never retried: one failure is answer enough.
    expect(broken.paths()).toEqual(['/robots.txt', '/a']);
  });

  it('fetches disallowed paths when told not to respect robots.txt', async () => {
    const site = await serve(routes({ '/robots.txt': text('User-agent: *\nDisallow: /\n'), '/a': text('a') }));
    const result = await new Fetcher({ perHostIntervalMs: 0, respectRobots: false }).get(`${site.origin}/a`);
    expect(result.ok).toBe(true);
    expect(site.paths()).toEqual(['/a']);
  });
});

describe('Fetcher: pacing', () => {
  it('spaces the starts of requests to one host by the interval', async () => {
    const site = await serve(text('ok'));
    const starts: number[] = [];
    const fetcher = new Fetcher({ perHostIntervalMs: 50, respectRobots: false, fetchImpl: recordingFetch(starts) });
    const results = await Promise.all([1, 2, 3].map((n) => fetcher.get(`${site.origin}/${n}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    // Timers may fire up to a millisecond early against performance.now().
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(48);
  });

  it('raises the interval to the Crawl-delay robots.txt asks for', async () => {
    const site = await serve(routes({ '/robots.txt': text('User-agent: rasd\nCrawl-delay: 0.1\n'), '/1': text('1'), '/2': text('2') }));
    const starts: number[] = [];
    const fetcher = new Fetcher({ perHostIntervalMs: 0, fetchImpl: recordingFetch(starts) });
    await Promise.all([fetcher.get(`${site.origin}/1`), fetcher.get(`${site.origin}/2`)]);
    expect(starts).toHaveLength(3);
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(98);
  });

  it('times out a slow host while a fast host, asked at the same time, answers at once', async () => {
    const slow = await serve(late(5000, text('late')));
    const fast = await serve(text('quick'));
    const fetcher = new Fetcher({ perHostIntervalMs: 0, timeoutMs: 300, retries: 0, respectRobots: false });
    const order: string[] = [];
    const slowUrl = `${slow.origin}/story`;
    const [slowResult, fastResult] = await Promise.all([
      fetcher.get(slowUrl).then((r) => (order.push('slow'), r)),
      fetcher.get(`${fast.origin}/story`).then((r) => (order.push('fast'), r)),
    ]);
    expect(order).toEqual(['fast', 'slow']);
    expect(fastResult.ok).toBe(true);
    expect(slowResult).toEqual({
      ok: false,
      url: slowUrl,
      reason: 'timeout',
      error: `${slowUrl} did not answer completely within 0.3 seconds; the site may be slow or down, try again later or raise the timeout.`,
    });
  });

  it('counts the body in the timeout', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
      const timer = setTimeout(() => res.end('</p>'), 5000);
      res.on('close', () => clearTimeout(timer));
    });
    const result = await new Fetcher({ timeoutMs: 300, retries: 0, respectRobots: false }).get(`${site.origin}/`);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });
});

describe('Fetcher: failures', () => {
  it('retries a 500 once, then reports it', async () => {
    const site = await serve((_req, res) => void res.writeHead(500).end('boom'));
    const url = `${site.origin}/story`;
    const result = await new Fetcher({ perHostIntervalMs: 10, respectRobots: false }).get(url);
    expect(result).toEqual({
      ok: false,
      url,
      reason: 'http',
      status: 500,
      error: `${url} answered 500 Internal Server Error; the site may be down, try again later.`,
    });
    expect(site.paths()).toEqual(['/story', '/story']);
  });

  it('succeeds when the retry does, and does not retry a 404', async () => {
    let calls = 0;
    const site = await serve(
      routes({
        '/flaky': (_req, res) => void (++calls === 1 ? res.writeHead(503).end() : res.writeHead(200).end('ok')),
        '/gone': (_req, res) => void res.writeHead(404).end(),
      }),
    );
    const fetcher = new Fetcher({ perHostIntervalMs: 10, respectRobots: false });
    expect((await fetcher.get(`${site.origin}/flaky`)).ok).toBe(true);
    const gone = await fetcher.get(`${site.origin}/gone`);
    expect(gone).toMatchObject({ ok: false, reason: 'http', status: 404 });
    expect(!gone.ok && gone.error).toBe(`${site.origin}/gone answered 404 Not Found; check the address; the page may have been moved or removed.`);
    expect(site.paths()).toEqual(['/flaky', '/flaky', '/gone']);
  });

  it('reports a refused connection as a network error after one retry', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/story`;
    const fetcher = new Fetcher({ perHostIntervalMs: 10 });
    const result = await fetcher.get(url);
    expect(result).toEqual({
      ok: false,
      url,
      reason: 'network',
      error: `${url} could not be reached (the connection was refused); check the address and the network connection, and try again later.`,
    });
    // robots.txt once (unreachable: allow all), then the page and its retry.
    expect(fetcher.stats.get(`127.0.0.1:${port}`)).toBe(3);
  });

  it('stops reading a body over the limit, whether or not its length is declared', async () => {
    const big = 'x'.repeat(5000);
    const site = await serve(
      routes({
        '/declared': text(big, { 'content-length': String(big.length) }),
        '/chunked': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          for (let i = 0; i < 5; i++) res.write(big.slice(0, 1000));
          res.end();
        },
        '/small': text('x'.repeat(1000)),
      }),
    );
    const fetcher = new Fetcher({ perHostIntervalMs: 0, maxBytes: 1000, respectRobots: false });
    const declared = await fetcher.get(`${site.origin}/declared`);
    expect(declared).toEqual({
      ok: false,
      url: `${site.origin}/declared`,
      reason: 'too-large',
      error: `${site.origin}/declared is larger than the limit of 1000 bytes per page and was not read; leave it out, or raise the limit if it is a genuine page or feed.`,
    });
    expect(await fetcher.get(`${site.origin}/chunked`)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await fetcher.get(`${site.origin}/small`)).toMatchObject({ ok: true, status: 200 });
    // Too large is not retried: the page will not shrink.
    expect(site.paths()).toEqual(['/declared', '/chunked', '/small']);
  });

  it('refuses addresses that are not http(s) without sending anything', async () => {
    const fetcher = new Fetcher();
    expect(await fetcher.get('ftp://news.example/feed.xml')).toMatchObject({ ok: false, reason: 'unsupported' });
    const bad = await fetcher.get('not a url');
    expect(bad).toEqual({
      ok: false,
      url: 'not a url',
      reason: 'unsupported',
      error: 'not a url is not a valid web address; check its spelling (it must start with http:// or https://).',
    });
    expect(fetcher.stats.size).toBe(0);
  });

  it('never throws, even when fetch itself does', async () => {
    const fetcher = new Fetcher({
      respectRobots: false,
      retries: 0,
      fetchImpl: () => {
        throw new Error('socket exploded');
      },
    });
    expect(await fetcher.get('http://127.0.0.1:9/x')).toMatchObject({ ok: false, reason: 'network' });
  });
});

describe('Fetcher: redirects', () => {
  it('follows redirects, across hosts too, and reports the final URL', async () => {
    const other = await serve(routes({ '/final': text('<p>النهاية</p>') }));
    const site = await serve(
      routes({
        '/a': (_req, res) => void res.writeHead(301, { location: '/b' }).end(),
        '/b': (_req, res) => void res.writeHead(307, { location: `${other.origin}/final` }).end(),
      }),
    );
    const url = `${site.origin}/a`;
    const result = await new Fetcher({ perHostIntervalMs: 0 }).get(url);
    expect(result).toMatchObject({ ok: true, status: 200, url: `${other.origin}/final`, requestedUrl: url });
    expect(result.ok && result.status === 200 && decodeBody(result.body, result.contentType)).toBe('<p>النهاية</p>');
    expect(other.paths()).toEqual(['/robots.txt', '/final']);
  });

  it('gives up after 5 redirects', async () => {
    const site = await serve((_req, res) => void res.writeHead(302, { location: '/loop' }).end());
    const url = `${site.origin}/loop`;
    const fetcher = new Fetcher({ perHostIntervalMs: 0, respectRobots: false });
    const result = await fetcher.get(url);
    expect(result).toEqual({
      ok: false,
      url,
      reason: 'http',
      status: 302,
      error: `${url} was not fetched because it redirected more than 5 times; open it in a browser to see where it leads, and use the final address.`,
    });
    expect(site.paths()).toHaveLength(6);
  });
});

describe('decodeBody', () => {
  const arabic = '<p>وزير الخارجية يرحب بالاتفاق</p>';

  it('reads UTF-8 by default and drops a byte-order mark', () => {
    expect(decodeBody(Buffer.from(arabic), null)).toBe(arabic);
    expect(decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(arabic)]), 'text/html')).toBe(arabic);
    expect(decodeBody(encodeUtf16(arabic, 'le'), null)).toBe(arabic);
  });

  it('reads windows-1256 named by the Content-Type, a <meta charset> or nothing at all', () => {
    expect(decodeBody(encodeCp1256(arabic), 'text/html; charset=windows-1256')).toBe(arabic);
    expect(decodeBody(encodeCp1256(arabic), 'text/html; charset="cp1256"')).toBe(arabic);
    const page = `<html><head><meta charset="windows-1256"></head><body>${arabic}</body></html>`;
    expect(decodeBody(encodeCp1256(page), 'text/html')).toBe(page);
    expect(decodeBody(encodeCp1256(arabic), null)).toBe(arabic);
  });

  it('lets a byte-order mark win over the HTTP charset, and that over the document, as browsers do', () => {
    const page = `<meta charset="windows-1256">${arabic}`;
    expect(decodeBody(Buffer.from(page), 'text/html; charset=utf-8')).toBe(page);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page)]);
    expect(decodeBody(withBom, 'text/html; charset=windows-1256')).toBe(page);
  });

  it('takes Arabic windows-1256 bytes that claim to be UTF-8 for what they are', () => {
    expect(decodeBody(encodeCp1256(arabic), 'text/html; charset=utf-8')).toBe(arabic);
  });
});
