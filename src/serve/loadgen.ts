// A mixed load for `rasd serve`: classes of clients, good and bad, each from its own loopback
// address (so that the rate limiter sees separate clients), run concurrently for a fixed time.
// bench/load.mjs runs it against the built server and prints the figures; load.test.ts runs a few
// seconds of it in-process. Only loopback: every request goes to 127.0.0.1 from 127.0.0.x.
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

export interface Shot {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send this many bytes of body without announcing its length (chunked), until refused. */
  streamBytes?: number;
  /** Announce a body of this many bytes, and send none of it (the head alone must be refused). */
  declaredBytes?: number;
}

export interface LoadClass {
  name: string;
  /** The answers this class should get (anything else is counted as unexpected). */
  expect: number[];
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests per second for the class, at most; 0: as fast as answers come. */
  rate: number;
  /** The loopback address the class sends from. */
  from: string;
  /** The i-th request; 'slow': a client that sends its head a byte at a time and never finishes it. */
  next(i: number): Shot | 'slow';
}

export interface ClassResult {
  name: string;
  sent: number;
  statuses: Record<string, number>;
  unexpected: number;
  /** Socket errors and client timeouts, by kind. */
  errors: Record<string, number>;
  latencies: number[];
}

export interface LoadOptions {
  port: number;
  seconds: number;
  classes: LoadClass[];
  /** A request not answered in this time counts as a timeout. */
  clientTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function runLoad(opts: LoadOptions): Promise<ClassResult[]> {
  const until = performance.now() + opts.seconds * 1000;
  const timeout = opts.clientTimeoutMs ?? 20_000;
  return Promise.all(opts.classes.map(async (c) => {
    const r: ClassResult = { name: c.name, sent: 0, statuses: {}, unexpected: 0, errors: {}, latencies: [] };
    const agent = new Agent({ keepAlive: true, maxSockets: c.concurrency });
    let i = 0;
    const loop = async () => {
      const interval = c.rate > 0 ? (1000 * c.concurrency) / c.rate : 0;
      let nextAt = performance.now() + Math.random() * interval;
      while (performance.now() < until) {
        if (interval) {
          await sleep(Math.max(0, nextAt - performance.now()));
          nextAt += interval;
          if (performance.now() >= until) break;
        }
        const shot = c.next(i++);
        r.sent++;
        const t0 = performance.now();
        const out = shot === 'slow' ? await slow(opts.port, c.from, timeout) : await send(opts.port, c.from, agent, shot, timeout);
        if (typeof out === 'number') {
          r.latencies.push(performance.now() - t0);
          r.statuses[out] = (r.statuses[out] ?? 0) + 1;
          if (!c.expect.includes(out)) r.unexpected++;
        } else {
          r.errors[out.error] = (r.errors[out.error] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: c.concurrency }, loop));
    agent.destroy();
    return r;
  }));
}

/** One request; its status, or the error that ended it. */
function send(port: number, from: string, agent: Agent, shot: Shot, timeout: number): Promise<number | { error: string }> {
  try {
    return sendNow(port, from, agent, shot, timeout);
  } catch (e) {
    return Promise.resolve({ error: `not sent: ${(e as Error).message}` });
  }
}

function sendNow(port: number, from: string, agent: Agent, shot: Shot, timeout: number): Promise<number | { error: string }> {
  return new Promise((done) => {
    let settled = false;
    const settle = (v: number | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(v);
    };
    const length = shot.declaredBytes ?? (shot.body !== undefined ? Buffer.byteLength(shot.body) : undefined);
    const headers = { ...shot.headers, ...(length !== undefined ? { 'content-length': String(length) } : {}) };
    // A body refused part-way is sent on a connection of its own: the server closes it when it refuses.
    const own = !!(shot.streamBytes || shot.declaredBytes);
    const req = request({ host: '127.0.0.1', port, localAddress: from, method: shot.method, path: shot.path, headers, agent: own ? false : agent }, (res) => {
      res.resume();
      res.on('end', () => settle(res.statusCode!));
      res.on('error', () => settle(res.statusCode!));
    });
    const timer = setTimeout(() => (req.destroy(), settle({ error: 'timeout' })), timeout);
    req.on('error', (e: NodeJS.ErrnoException) => settle({ error: e.code ?? e.message }));
    if (shot.streamBytes) {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const pump = () => {
        while (!settled && sent < shot.streamBytes!) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!settled) req.end();
      };
      pump();
    } else if (shot.declaredBytes) {
      req.flushHeaders();
    } else {
      req.end(shot.body);
    }
  });
}

/**
 * A slowloris client: a request head sent a few bytes at a time, never finished. The server should
 * answer 408 once its headers timeout passes; the status (or the error) is returned.
 */
function slow(port: number, from: string, timeout: number): Promise<number | { error: string }> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: from });
    let text = '';
    let n = 0;
    const drip = setInterval(() => socket.writable && socket.write(`X-Drip-${n++}: a\r\n`), 250);
    const finish = (v: number | { error: string }) => {
      clearInterval(drip);
      clearTimeout(timer);
      socket.destroy();
      done(v);
    };
    const timer = setTimeout(() => finish({ error: 'timeout' }), timeout);
    socket.on('connect', () => socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (m) finish(Number(m[1]));
    });
    socket.on('error', (e: NodeJS.ErrnoException) => finish({ error: e.code ?? e.message }));
    socket.on('close', () => finish({ error: 'closed without an answer' }));
  });
}

/** The latency at quantile q (0…1) of sorted milliseconds. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * The standard mix: good reads, 404s, malformed parameters, over-long addresses, oversized
 * bodies, unauthorised and authorised writes, slow clients, and one client flooding.
 * `scale` multiplies the rates (the test uses a small one).
 */
export function standardMix(o: { token: string; maxBodyBytes: number; scale?: number }): LoadClass[] {
  const s = o.scale ?? 1;
  const reads = [
    `/api/search?q=${encodeURIComponent('العراق')}`, `/api/search?q=${encodeURIComponent('مجلس الأمن')}&limit=5`, '/api/search?from=2023-01-01&to=2024-12-31',
    '/api/statements?stance=deny', `/api/statements?speaker=${encodeURIComponent('الداخلية')}`, '/api/entities?type=GPE', '/api/events?located=1',
    '/api/stories?min=1', '/api/articles/1', '/api/timeline', '/api/contradictions', '/api/health', '/api/outlets',
  ];
  const bad = [
    '/api/search?limit=ten', '/api/search?from=2024-02-30', '/api/search?q=%E0%A4%A', '/api/search?q=a&q=b', '/api/search?form=2024-01-01',
    '/api/statements?stance=angry', '/api/search?q=%00', `/api/search?${Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&')}`, '/api/articles/abc',
  ];
  const article = (i: number) => JSON.stringify({
    title: `خبر تجريبي رقم ${i}`,
    content: `بغداد – قال المتحدث باسم وزارة الداخلية العراقية، اليوم، إن «القوات الأمنية أحبطت محاولة تسلل رقم ${i} قرب الحدود».\nوأضاف أن «التحقيقات مستمرة في الحادث ${i * 7919}».`,
    url: `https://load.example/news/${process.pid}-${Date.now()}-${i}`, source: 'load.example', date: '2024-06-01',
  });
  const json = { 'content-type': 'application/json' };
  return [
    { name: 'good reads', expect: [200], concurrency: 4, rate: 40 * s, from: '127.0.0.2', next: (i) => ({ method: 'GET', path: reads[i % reads.length]! }) },
    { name: 'not found (404)', expect: [404], concurrency: 2, rate: 20 * s, from: '127.0.0.3', next: (i) => ({ method: 'GET', path: ['/api/articles/999999', '/api/nothing', '/api/stories/424242'][i % 3]! }) },
    { name: 'malformed params (400)', expect: [400], concurrency: 2, rate: 20 * s, from: '127.0.0.4', next: (i) => ({ method: 'GET', path: bad[i % bad.length]! }) },
    {
      name: 'huge URLs (414/431)', expect: [414, 431], concurrency: 2, rate: 10 * s, from: '127.0.0.5',
      // Past the address limit (8 KiB by default), and past the head limit (16 KiB).
      next: (i) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent('ب').repeat(i % 2 ? 1500 : 4000)}` }),
    },
    {
      name: 'oversized bodies (413)', expect: [413], concurrency: 1, rate: 4 * s, from: '127.0.0.6',
      // Declared: refused on the head alone. Streamed (no length): refused once the limit is read.
      next: (i) => (i % 2
        ? { method: 'POST', path: '/api/articles', headers: { ...json, authorization: `Bearer ${o.token}` }, declaredBytes: o.maxBodyBytes * 4 }
        : { method: 'POST', path: '/api/articles', headers: { ...json, authorization: `Bearer ${o.token}` }, streamBytes: o.maxBodyBytes * 2 }),
    },
    {
      name: 'unauthorised writes (401/403)', expect: [401, 403], concurrency: 2, rate: 20 * s, from: '127.0.0.7',
      next: (i) => ({ method: 'POST', path: '/api/articles', headers: { ...json, ...(i % 2 ? { authorization: `Bearer wrong-${o.token}` } : {}) }, body: article(-i) }),
    },
    {
      name: 'authorised writes (201)', expect: [200, 201], concurrency: 1, rate: 4 * s, from: '127.0.0.8',
      next: (i) => ({ method: 'POST', path: '/api/articles', headers: { ...json, authorization: `Bearer ${o.token}` }, body: article(i) }),
    },
    { name: 'slow clients (408)', expect: [408], concurrency: 10, rate: 0, from: '127.0.0.9', next: () => 'slow' },
    { name: 'flood, one client (429)', expect: [200, 429], concurrency: 8, rate: 0, from: '127.0.0.10', next: () => ({ method: 'GET', path: '/api/health' }) },
  ];
}
