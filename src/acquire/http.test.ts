// Every test talks only to loopback servers it starts itself. Timing checks are lower bounds or
// orderings, never tight upper bounds: the machines that run them are shared and noisy.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, constants as zlib, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Resolver } from './address-guard.js';
import { Fetcher, USER_AGENT, decodeBody, fetchLimitProblem } from './http.js';
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
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 });
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
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 });
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
    const result = await new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 }).get(url);
    expect(result).toMatchObject({ ok: false, url, reason: 'robots' });
    expect(!result.ok && result.error).toContain(`${site.origin}/private/x (redirected from ${url}) was not fetched`);
    expect(site.paths()).toEqual(['/robots.txt', '/go']);
  });

  it('allows everything when robots.txt fails with 5xx or times out, and goes on fetching', async () => {
    const broken = await serve(routes({ '/robots.txt': (_req, res) => void res.writeHead(503).end(), '/a': text('a') }));
    const hanging = await serve(routes({ '/robots.txt': late(5000, text('User-agent: *\nDisallow: /\n')), '/a': text('a') }));
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, timeoutMs: 200 });
    const [a, b] = await Promise.all([fetcher.get(`${broken.origin}/a`), fetcher.get(`${hanging.origin}/a`)]);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(true);
    // robots.txt is never retried: one failure is answer enough.
    expect(broken.paths()).toEqual(['/robots.txt', '/a']);
  });

  it('reads the first 512 KB of a huge robots.txt and ignores the rest', async () => {
    const padding = `# ${'x'.repeat(100)}\n`.repeat(6000); // 600 KB of comments
    const site = await serve(
      routes({
        '/robots.txt': text(`User-agent: *\nDisallow: /early/\n${padding}Disallow: /late/\n`, { 'content-type': 'text/plain' }),
        '/early/1': text('early'),
        '/late/1': text('late'),
      }),
    );
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 });
    expect(await fetcher.get(`${site.origin}/early/1`)).toMatchObject({ ok: false, reason: 'robots' });
    expect(await fetcher.get(`${site.origin}/late/1`)).toMatchObject({ ok: true, status: 200 });
  });

  it('fetches disallowed paths when told not to respect robots.txt', async () => {
    const site = await serve(routes({ '/robots.txt': text('User-agent: *\nDisallow: /\n'), '/a': text('a') }));
    const result = await new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, respectRobots: false }).get(`${site.origin}/a`);
    expect(result.ok).toBe(true);
    expect(site.paths()).toEqual(['/a']);
  });
});

describe('Fetcher: pacing', () => {
  it('spaces the starts of requests to one host by the interval', async () => {
    const site = await serve(text('ok'));
    const starts: number[] = [];
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 50, respectRobots: false, fetchImpl: recordingFetch(starts) });
    const results = await Promise.all([1, 2, 3].map((n) => fetcher.get(`${site.origin}/${n}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    // Timers may fire up to a millisecond early against performance.now().
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(48);
  });

  it('raises the interval to the Crawl-delay robots.txt asks for', async () => {
    const site = await serve(routes({ '/robots.txt': text('User-agent: rasd\nCrawl-delay: 0.1\n'), '/1': text('1'), '/2': text('2') }));
    const starts: number[] = [];
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, fetchImpl: recordingFetch(starts) });
    await Promise.all([fetcher.get(`${site.origin}/1`), fetcher.get(`${site.origin}/2`)]);
    expect(starts).toHaveLength(3);
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(98);
  });

  it('times out a slow host while a fast host, asked at the same time, answers at once', async () => {
    const slow = await serve(late(5000, text('late')));
    const fast = await serve(text('quick'));
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, timeoutMs: 300, retries: 0, respectRobots: false });
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
      error: `${slowUrl} did not answer completely within 0.3 seconds; the site may be slow or down, try again later or raise the timeout (--timeout).`,
    });
  });

  it('counts the body in the timeout', async () => {
    const site = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
      const timer = setTimeout(() => res.end('</p>'), 5000);
      res.on('close', () => clearTimeout(timer));
    });
    const result = await new Fetcher({ allowPrivate: true, timeoutMs: 300, retries: 0, respectRobots: false }).get(`${site.origin}/`);
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
  });
});

describe('Fetcher: failures', () => {
  it('retries a 500 once, then reports it', async () => {
    const site = await serve((_req, res) => void res.writeHead(500).end('boom'));
    const url = `${site.origin}/story`;
    const result = await new Fetcher({ allowPrivate: true, perHostIntervalMs: 10, respectRobots: false }).get(url);
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
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 10, respectRobots: false });
    expect((await fetcher.get(`${site.origin}/flaky`)).ok).toBe(true);
    const gone = await fetcher.get(`${site.origin}/gone`);
    expect(gone).toMatchObject({ ok: false, reason: 'http', status: 404 });
    expect(!gone.ok && gone.error).toBe(`${site.origin}/gone answered 404 Not Found; check the address; the page may have been moved or removed.`);
    expect(site.paths()).toEqual(['/flaky', '/flaky', '/gone']);
  });

  it('reports a refused connection as a network error after one retry', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/story`;
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 10 });
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
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, maxBytes: 1000, respectRobots: false });
    const declared = await fetcher.get(`${site.origin}/declared`);
    expect(declared).toEqual({
      ok: false,
      url: `${site.origin}/declared`,
      reason: 'too-large',
      error: `${site.origin}/declared is larger than the limit of 1000 bytes per page and was not read; leave it out, or raise the limit (--max-bytes) if it is a genuine page or feed.`,
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
      allowPrivate: true,
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
    const result = await new Fetcher({ allowPrivate: true, perHostIntervalMs: 0 }).get(url);
    expect(result).toMatchObject({ ok: true, status: 200, url: `${other.origin}/final`, requestedUrl: url });
    expect(result.ok && result.status === 200 && decodeBody(result.body, result.contentType)).toBe('<p>النهاية</p>');
    expect(other.paths()).toEqual(['/robots.txt', '/final']);
  });

  it('gives up after 5 redirects', async () => {
    const site = await serve((_req, res) => void res.writeHead(302, { location: '/loop' }).end());
    const url = `${site.origin}/loop`;
    const fetcher = new Fetcher({ allowPrivate: true, perHostIntervalMs: 0, respectRobots: false });
    const result = await fetcher.get(url);
    expect(result).toEqual({
      ok: false,
      url,
      reason: 'http',
      status: 302,
      error: `${url} was not fetched because it redirected more than 5 times (the limit); open it in a browser to see where it leads and use the final address, or raise the limit (--max-redirects).`,
    });
    expect(site.paths()).toHaveLength(6);
  });
});

/** A resolver for made-up names, all on this machine: no real DNS in tests. */
function fakeDns(names: Record<string, string>, asked: string[] = []): Resolver {
  return async (hostname) => {
    asked.push(hostname);
    const address = names[hostname];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
}

/** The server's side of a connection the client dropped: resolves when the response is closed. */
function closed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.on('close', resolve));
}

describe('Fetcher: private and loopback addresses', () => {
  it('refuses a loopback server unless allowed explicitly, sending nothing to it', async () => {
    const site = await serve(text('<p>secret</p>'));
    const url = `${site.origin}/admin`;
    const fetcher = new Fetcher({ perHostIntervalMs: 0 });
    expect(await fetcher.get(url)).toEqual({
      ok: false,
      url,
      reason: 'refused',
      error: `${url} was not fetched: 127.0.0.1 is a loopback address (this machine), and rasd fetches only from public addresses unless told otherwise; pass --allow-private to allow private addresses, or --allow-host 127.0.0.1 to allow this host alone.`,
    });
    expect(site.paths()).toEqual([]);
    expect(fetcher.stats.size).toBe(0);
    // The same server, with the opt-in.
    expect(await new Fetcher({ perHostIntervalMs: 0, allowPrivate: true }).get(url)).toMatchObject({ ok: true, status: 200 });
    expect(await new Fetcher({ perHostIntervalMs: 0, allowHosts: ['127.0.0.1'] }).get(url)).toMatchObject({ ok: true, status: 200 });
  });

  it('refuses private, link-local, metadata and special addresses in every spelling, before any connection', async () => {
    const fetcher = new Fetcher({ perHostIntervalMs: 0, retries: 0 });
    const cases: Record<string, string> = {
      'http://10.0.0.5/x': '10.0.0.5 is a private address',
      'http://2130706433/': '127.0.0.1 is a loopback address',
      'http://0x7f.1/': '127.0.0.1 is a loopback address',
      'http://[::1]:8080/': '::1 is a loopback address',
      'http://[::ffff:127.0.0.1]/': '::ffff:7f00:1 is a loopback address',
      'http://169.254.169.254/latest/meta-data/': '169.254.169.254 is the address of a cloud metadata service',
      'http://[fd00::1]/': 'fd00::1 is a private (unique-local) IPv6 address',
      'http://100.64.0.1/': '100.64.0.1 is a carrier-grade NAT (shared) address',
      'http://0.0.0.0/': '0.0.0.0 is the unspecified address',
      'https://224.0.0.1/': '224.0.0.1 is a multicast or broadcast address',
    };
    for (const [url, because] of Object.entries(cases)) {
      const result = await fetcher.get(url);
      expect(result, url).toMatchObject({ ok: false, reason: 'refused' });
      expect(!result.ok && result.error, url).toContain(`was not fetched: ${because}`);
    }
    expect(fetcher.stats.size).toBe(0);
    // --allow-private opens private networks, never the metadata service.
    const metadata = await new Fetcher({ allowPrivate: true }).get('http://169.254.169.254/latest/meta-data/');
    expect(!metadata.ok && metadata.error).toMatch(/cloud metadata service.*pass --allow-host 169\.254\.169\.254 to allow this host if you trust it\.$/);
  });

  it('refuses a host name that resolves to loopback, when connecting', async () => {
    const site = await serve(text('<p>secret</p>'));
    const port = new URL(site.origin).port;
    const asked: string[] = [];
    const fetcher = new Fetcher({ perHostIntervalMs: 0, resolve: fakeDns({ 'intranet.example': '127.0.0.1' }, asked) });
    const url = `http://intranet.example:${port}/admin`;
    const result = await fetcher.get(url);
    expect(result).toEqual({
      ok: false,
      url,
      reason: 'refused',
      error: `${url} was not fetched: intranet.example resolves to 127.0.0.1, which is a loopback address (this machine), and rasd fetches only from public addresses unless told otherwise; pass --allow-private to allow private addresses, or --allow-host intranet.example to allow this host alone.`,
    });
    // Resolved for robots.txt and for the page, refused both times, never retried, never connected.
    expect(asked).toEqual(['intranet.example', 'intranet.example']);
    expect(site.paths()).toEqual([]);
  });

  it('refuses a redirect from an allowed host to loopback, to a name resolving there, or to the metadata service', async () => {
    const site = await serve(
      routes({
        '/to-literal': (_req, res) => void res.writeHead(302, { location: '/secret' }).end(),
        '/to-name': (_req, res) => void res.writeHead(301, { location: `http://internal.example:${port}/secret` }).end(),
        '/to-metadata': (_req, res) => void res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/iam' }).end(),
        '/to-mapped': (_req, res) => void res.writeHead(302, { location: `http://[::ffff:127.0.0.1]:${port}/secret` }).end(),
        '/to-file': (_req, res) => void res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
        '/secret': text('<p>secret</p>'),
      }),
    );
    const port = new URL(site.origin).port;
    // news.example plays a public site: allowed by name, it is served from loopback here.
    const fetcher = new Fetcher({
      perHostIntervalMs: 0,
      allowHosts: ['news.example'],
      resolve: fakeDns({ 'news.example': '127.0.0.1', 'internal.example': '127.0.0.1' }),
    });
    const start = `http://news.example:${port}`;
    const toLiteral = await fetcher.get(`${start}/to-literal`);
    // A relative redirect stays on the allowed host: followed.
    expect(toLiteral).toMatchObject({ ok: true, url: `${start}/secret` });

    const toName = await fetcher.get(`${start}/to-name`);
    expect(toName).toMatchObject({ ok: false, reason: 'refused' });
    expect(!toName.ok && toName.error).toContain(
      `http://internal.example:${port}/secret (redirected from ${start}/to-name) was not fetched: internal.example resolves to 127.0.0.1, which is a loopback address`,
    );
    const toMetadata = await fetcher.get(`${start}/to-metadata`);
    expect(!toMetadata.ok && toMetadata.error).toContain('http://169.254.169.254/latest/meta-data/iam (redirected from');
    const toMapped = await fetcher.get(`${start}/to-mapped`);
    expect(!toMapped.ok && toMapped.error).toContain('::ffff:7f00:1 is a loopback address');
    const toFile = await fetcher.get(`${start}/to-file`);
    expect(toFile).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(!toFile.ok && toFile.error).toContain('file:///etc/passwd (redirected from');
    // /secret was reached once, through the allowed name; never through the refused ones.
    expect(site.paths().filter((p) => p === '/secret')).toHaveLength(1);
  });
});

describe('Fetcher: compressed bodies and decompression bombs', () => {
  const arabic = `<p>${'وزير الخارجية يرحب بالاتفاق. '.repeat(200)}</p>`;

  it('reads gzip, deflate (zlib or raw, as servers send it) and brotli bodies', async () => {
    const encoded: Record<string, Buffer> = { gzip: gzipSync(arabic), deflate: deflateSync(arabic), 'deflate-raw': deflateRawSync(arabic), br: brotliCompressSync(arabic) };
    const server = await serve((req, res) => {
      const coding = (req.url ?? '').slice(1).replace('-raw', '');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': coding }).end(encoded[coding]);
    });
    const fetcher = new Fetcher({ perHostIntervalMs: 0, respectRobots: false, allowPrivate: true });
    for (const coding of Object.keys(encoded)) {
      const result = await fetcher.get(`${server.origin}/${coding}`);
      expect(result.ok && result.status === 200 && decodeBody(result.body, result.contentType), coding).toBe(arabic);
    }
  });

  it('stops a gzip body that never stops expanding after about a megabyte, and drops the connection', async () => {
    let gone!: Promise<void>;
    const site = await serve((_req, res) => {
      gone = closed(res);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      // An endless stream of compressed zeros, written as fast as the client takes it.
      const gzip = createGzip({ level: 9 });
      gzip.pipe(res);
      const zeros = Buffer.alloc(256 * 1024);
      const pump = (): void => {
        while (!res.destroyed) if (!gzip.write(zeros)) return void gzip.once('drain', pump);
      };
      res.on('close', () => gzip.destroy());
      pump();
    });
    const url = `${site.origin}/bomb`;
    const result = await new Fetcher({ respectRobots: false, allowPrivate: true }).get(url);
    expect(result).toMatchObject({ ok: false, url, reason: 'too-large' });
    const error = !result.ok ? result.error : '';
    expect(error).toMatch(new RegExp(`^${url.replace(/[.]/g, '\\.')} was not read: its compressed body expanded more than 100 times \\(.* had become 1\\.\\d MB and was still growing\\), as a decompression bomb does; leave it out, or raise the limit \\(--max-ratio\\) if it is a genuine page or feed\\.$`));
    // "had become 1.x MB": inflating stopped there, not at the 20 MB size limit or never. And the client hung up.
    await gone;
    expect(site.paths()).toEqual(['/bomb']); // and it is not retried
  });

  it('stops deflate and brotli bombs the same way', async () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const bombs: Record<string, Buffer> = {
      deflate: deflateSync(zeros, { level: 9 }),
      'deflate-raw': deflateRawSync(zeros, { level: 9 }),
      br: brotliCompressSync(zeros, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
    };
    const site = await serve((req, res) => {
      const coding = (req.url ?? '').slice(1);
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': coding.replace('-raw', '') }).end(bombs[coding]);
    });
    const fetcher = new Fetcher({ respectRobots: false, allowPrivate: true, perHostIntervalMs: 0 });
    for (const coding of Object.keys(bombs)) {
      expect(bombs[coding]!.length, coding).toBeLessThan(40_000);
      const result = await fetcher.get(`${site.origin}/${coding}`);
      expect(result, coding).toMatchObject({ ok: false, reason: 'too-large' });
      expect(!result.ok && result.error, coding).toContain('expanded more than 100 times');
    }
  });

  it('lets a small page of repeated markup through, and holds a raised ratio to the size limit after decompression', async () => {
    const repetitive = `<ul>${'<li><a href="/news/1">خبر</a></li>'.repeat(20_000)}</ul>`; // under 1 MB, compresses hundreds of times
    const packed = gzipSync(repetitive);
    expect(Buffer.byteLength(repetitive) / packed.length).toBeGreaterThan(100);
    const zeros = gzipSync(Buffer.alloc(4 * 1024 * 1024));
    const site = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(req.url === '/list' ? packed : zeros);
    });
    const list = await new Fetcher({ respectRobots: false, allowPrivate: true }).get(`${site.origin}/list`);
    expect(list.ok && list.status === 200 && decodeBody(list.body, list.contentType)).toBe(repetitive);

    const lenient = new Fetcher({ respectRobots: false, allowPrivate: true, maxCompressionRatio: 1_000_000, maxBytes: 2 * 1024 * 1024 });
    const big = await lenient.get(`${site.origin}/zeros`);
    expect(big).toMatchObject({ ok: false, reason: 'too-large' });
    expect(!big.ok && big.error).toContain('is larger than the limit of 2 MB per page and was not read; leave it out, or raise the limit (--max-bytes)');
  });
});

describe('Fetcher: limits', () => {
  it('stops reading an endless body sent without Content-Length at the size limit', async () => {
    let gone!: Promise<void>;
    const site = await serve((_req, res) => {
      gone = closed(res);
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = 'x'.repeat(64 * 1024);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const url = `${site.origin}/endless`;
    const result = await new Fetcher({ respectRobots: false, allowPrivate: true, maxBytes: 1024 * 1024 }).get(url);
    expect(result).toEqual({
      ok: false,
      url,
      reason: 'too-large',
      error: `${url} is larger than the limit of 1 MB per page and was not read; leave it out, or raise the limit (--max-bytes) if it is a genuine page or feed.`,
    });
    await gone;
  });

  it('gives up on a server that drips its body a byte at a time, at the time limit', async () => {
    let gone!: Promise<void>;
    const site = await serve((_req, res) => {
      gone = closed(res);
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('x'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const url = `${site.origin}/drip`;
    const result = await new Fetcher({ respectRobots: false, allowPrivate: true, timeoutMs: 500, retries: 0 }).get(url);
    expect(result).toEqual({
      ok: false,
      url,
      reason: 'timeout',
      error: `${url} did not answer completely within 0.5 seconds; the site may be slow or down, try again later or raise the timeout (--timeout).`,
    });
    await gone;
  });

  it('follows as many redirects as allowed, and says which limit stopped a loop', async () => {
    const site = await serve((req, res) => void res.writeHead(302, { location: `/loop${(req.url ?? '').length}` }).end());
    const url = `${site.origin}/start`;
    const two = await new Fetcher({ perHostIntervalMs: 0, respectRobots: false, allowPrivate: true, maxRedirects: 2 }).get(url);
    expect(!two.ok && two.error).toBe(
      `${url} was not fetched because it redirected more than 2 times (the limit); open it in a browser to see where it leads and use the final address, or raise the limit (--max-redirects).`,
    );
    expect(site.paths()).toHaveLength(3);
    const none = await new Fetcher({ perHostIntervalMs: 0, respectRobots: false, allowPrivate: true, maxRedirects: 0 }).get(url);
    expect(!none.ok && none.error).toContain('because it redirected and no redirects are followed (the limit)');
    expect(site.paths()).toHaveLength(4);
  });

  it('refuses limits that cannot work, naming the option', () => {
    expect(fetchLimitProblem({})).toBeNull();
    expect(fetchLimitProblem({ timeoutMs: 20_000, maxBytes: 1, maxRedirects: 0, maxCompressionRatio: 1, perHostIntervalMs: 0, retries: 0 })).toBeNull();
    expect(() => new Fetcher({ timeoutMs: 0 })).toThrow('the timeout (--timeout) must be longer than 0 and at most 24 days; 0 ms was given.');
    expect(() => new Fetcher({ timeoutMs: 3_600_000_000 })).toThrow(/--timeout/); // beyond what setTimeout waits
    expect(() => new Fetcher({ maxBytes: 0 })).toThrow(/--max-bytes/);
    expect(() => new Fetcher({ maxBytes: 1.5 })).toThrow(/--max-bytes/);
    expect(() => new Fetcher({ maxRedirects: -1 })).toThrow('the redirect limit (--max-redirects) must be a whole number from 0 to 50; -1 was given.');
    expect(() => new Fetcher({ maxRedirects: 2.5 })).toThrow(/--max-redirects/);
    expect(() => new Fetcher({ maxCompressionRatio: 0.5 })).toThrow(/--max-ratio/);
    expect(() => new Fetcher({ maxCompressionRatio: Number.NaN })).toThrow(/--max-ratio/);
    expect(() => new Fetcher({ perHostIntervalMs: -5 })).toThrow(/--host-interval/);
    expect(() => new Fetcher({ retries: 100 })).toThrow(/retries/);
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
