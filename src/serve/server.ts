// `rasd serve`: the JSON API (serve/routes.ts) and the web UI (web/dist) over node:http. Every
// answer carries a Content-Security-Policy that forbids inline and foreign scripts, so even if
// scraped text reached the page as markup it could not run; the UI renders it as text anyway.
// The API is read-only unless the server was given a write token: then POST /api/articles
// (serve/write.ts) stores articles for requests that carry it; everything else is GET and HEAD
// over a read-only connection. What a request and a client may cost is bounded (serve/limits.ts):
// address and head size, body size, time to send the request, connections, and a rate per client.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Store } from '../store/sqlite.js';
import { checkBearer } from './auth.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, limitsProblem, type ServeLimits } from './limits.js';
import { openApi } from './openapi.js';
import { ApiError, parseParams, parseQuery } from './params.js';
import { clientKey, RateLimiter } from './ratelimit.js';
import { ROUTES, type Route } from './routes.js';
import type { ArticleWriter } from './write.js';

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

// No Strict-Transport-Security: the server speaks plain HTTP, where browsers ignore the header
// (RFC 6797 §8.1); a TLS proxy in front is where it belongs. No CORS headers: pages of other
// sites may not read the API, and a write's Authorization header needs a preflight that is refused.
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json',
};

/** The one route that changes data. */
const WRITE_PATH = /^\/api\/articles\/?$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export interface ServeOptions {
  store: Store;
  /** The built UI (web/dist); null or missing: the API alone, and / says how to build the UI. */
  webRoot: string | null;
  version: string;
  /** Host names the server answers to (a guard against DNS rebinding); empty: any. */
  hosts?: string[];
  log?: (line: string) => void;
  /** Limits on requests and clients; what is not given is the default (serve/limits.ts). */
  limits?: Partial<ServeLimits>;
  /** Writes: the token they require and the writer that stores; absent, the API is read-only. */
  writes?: { token: string; writer: ArticleWriter };
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const compile = (route: Route): Compiled => {
  const names: string[] = [];
  const pattern = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), '([^/]+)'))}/?$`);
  return { route, pattern, names };
};

export function createApp(opts: ServeOptions): Server {
  const limits: ServeLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const problem = limitsProblem(limits);
  if (problem) throw new Error(problem);
  const routes = ROUTES.map(compile);
  const doc = JSON.stringify(openApi(opts.version, !!opts.writes));
  const cache = new Memo(CACHED_ANSWERS);
  const log = opts.log ?? (() => {});
  const limiter = limits.ratePerSecond > 0 ? new RateLimiter(limits.ratePerSecond, limits.rateBurst) : null;

  const api = (url: URL): { status: number; body: unknown } => {
    const query = parseQuery(url.search);
    if (url.pathname === '/api/openapi.json' || url.pathname === '/api') {
      parseParams([], query, {});
      return { status: 200, body: null };
    }
    for (const c of routes) {
      const m = c.pattern.exec(url.pathname);
      if (!m) continue;
      const path = Object.fromEntries(c.names.map((n, i) => [n, decodePart(m[i + 1]!)]));
      const params = parseParams(c.route.params, query, path);
      // Another process (an ingest) may have written since: slow answers are recomputed then.
      return { status: 200, body: c.route.handle({ store: opts.store, params, cache }) };
    }
    throw new ApiError(404, `There is no API route ${shown(url.pathname, 80)}; /api/openapi.json lists them.`);
  };

  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often node looks for requests past their time (30 s by default, which would let a
      // slow client hold a connection for up to 30 s past the limit).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => log(`${req.method} ${shown(req.url ?? '', 200)} ${res.statusCode} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)}ms`));
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      const verdict = limiter?.take(clientKey(req.socket.remoteAddress));
      if (verdict && !verdict.ok) {
        res.setHeader('Retry-After', String(verdict.retryAfter));
        return fail(req, res, new ApiError(429, `Too many requests from your address: at most ${limits.ratePerSecond} a second (bursts of ${limits.rateBurst}); try again in ${verdict.retryAfter} s. The server's ${LIMIT_FLAGS.ratePerSecond} and ${LIMIT_FLAGS.rateBurst} set this.`));
      }
      try {
        const pending = handle(req, res);
        if (pending) pending.catch((e: unknown) => fail(req, res, e));
      } catch (e) {
        fail(req, res, e);
      }
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;

  // Connections beyond the limit get a short answer and are closed at once, before any request is
  // read, so that a flood of idle connections cannot hold the server's sockets.
  let open = 0;
  const rejected = new WeakSet<Duplex>();
  server.on('connection', (socket: Duplex) => {
    open++;
    socket.once('close', () => open--);
    if (open > limits.maxConnections) {
      rejected.add(socket);
      rawAnswer(socket, 503, `The server has ${limits.maxConnections} connections open, its limit (${LIMIT_FLAGS.maxConnections}); try again shortly.`, { 'Retry-After': '1' });
    }
  });

  // What node's HTTP parser refuses before a request exists: a head too large, a request too
  // slow, a malformed request line. Answered in JSON like every other error.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (rejected.has(socket) || err.code === 'ECONNRESET' || !socket.writable || responding(socket)) return void socket.destroy();
    const [status, message] =
      err.code === 'HPE_HEADER_OVERFLOW' ? [431, `The request head (address and headers) is larger than ${limits.maxHeaderBytes.toLocaleString('en')} bytes, the server's ${LIMIT_FLAGS.maxHeaderBytes}.`]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, `The request was not sent in time: the head must arrive within ${limits.headersTimeoutMs / 1000} s and the whole request within ${limits.requestTimeoutMs / 1000} s (${LIMIT_FLAGS.headersTimeoutMs}, ${LIMIT_FLAGS.requestTimeoutMs}).`]
      : [400, 'The request is not valid HTTP/1.1.'];
    rawAnswer(socket, status, message, {});
  });

  function fail(req: IncomingMessage, res: ServerResponse, e: unknown): void {
    const err = e instanceof ApiError ? e : fromError(e, log);
    if (res.headersSent) return void res.destroy();
    if (err.status === 503) res.setHeader('Retry-After', '1');
    // A body left unread is not read through for the next request: the connection closes.
    if (unreadBody(req)) res.setHeader('Connection', 'close');
    sendJson(res, err.status, { error: { status: err.status, message: err.message, ...(err.param ? { param: err.param } : {}) } }, req.method === 'HEAD');
  }

  function handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void {
    if (rejected.has(req.socket)) return void res.destroy();
    if (opts.hosts?.length && !opts.hosts.includes(hostName(req.headers.host))) {
      throw new ApiError(421, `This server does not answer to the host name '${shown(String(req.headers.host), 80)}'; to reach it by that name, start it with --allow-host NAME.`);
    }
    const raw = req.url ?? '/';
    if (raw.length > limits.maxUrlBytes) {
      throw new ApiError(414, `The request address is ${raw.length.toLocaleString('en')} bytes long; at most ${limits.maxUrlBytes.toLocaleString('en')} are accepted (${LIMIT_FLAGS.maxUrlBytes}).`);
    }
    // Only a path: «//host/x» or «http://host/x» would otherwise be read as another host's address.
    if (!raw.startsWith('/')) throw new ApiError(400, 'The request address must be a path beginning with /.');
    let url: URL;
    try {
      url = new URL(`http://localhost${raw}`);
    } catch {
      throw new ApiError(400, 'The request address could not be read.');
    }
    const writable = WRITE_PATH.test(url.pathname) && !!opts.writes;
    if (req.method === 'POST' && writable) return write(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', writable ? 'POST' : 'GET, HEAD');
      const hint = WRITE_PATH.test(url.pathname) && req.method === 'POST'
        ? ' This server takes no articles: start it with a write token (--write-token-file FILE or RASD_WRITE_TOKEN) to accept POST /api/articles.'
        : '';
      throw new ApiError(405, `${writable ? `${url.pathname} takes only POST` : `The rasd API is read-only here: ${shown(req.method ?? '', 20)} is not allowed, only GET and HEAD`}.${hint}`);
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const out = api(url);
      if (out.body === null) return sendRaw(res, 200, 'application/json; charset=utf-8', doc, req.method === 'HEAD');
      return sendJson(res, out.status, out.body, req.method === 'HEAD');
    }
    serveStatic(url.pathname, req, res);
  }

  async function write(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.search) parseParams([], parseQuery(url.search), {});
    const auth = checkBearer(req.headers.authorization, opts.writes!.token);
    if (auth === 'missing') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="rasd"');
      throw new ApiError(401, 'Storing an article needs the write token: send it as «Authorization: Bearer TOKEN».');
    }
    if (auth === 'wrong') throw new ApiError(403, 'The write token is not the one this server was started with.');
    const out = await opts.writes!.writer.post(req);
    if (out.status === 201) res.setHeader('Location', `/api/articles/${out.body.id}`);
    sendJson(res, out.status, out.body, false);
  }

  function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): void {
    if (!opts.webRoot) throw new ApiError(404, 'This server was started without the web UI; the API is at /api/openapi.json.');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      throw new ApiError(400, 'The request address is not valid percent-encoding.');
    }
    // A NUL or a line break has no place in a file name the UI serves.
    if (CONTROL.test(rel)) throw new ApiError(400, 'The request address contains a control character.');
    const root = resolve(opts.webRoot);
    const file = resolve(root, '.' + normalize(rel === '/' ? '/index.html' : rel));
    if (file !== root && !file.startsWith(root + sep)) throw new ApiError(404, 'Not found.');
    const target = isFile(file) ? file : isFile(join(root, 'index.html')) && !extname(rel) ? join(root, 'index.html') : null;
    if (!target) {
      if (rel === '/' || !extname(rel)) throw new ApiError(503, 'The web UI is not built; run `npm run build` (it builds web/dist), then start rasd serve again. The API is at /api/openapi.json.');
      throw new ApiError(404, `There is no file ${shown(rel, 80)}.`);
    }
    // A link inside the web root must not lead out of it.
    if (!inside(realpathSync(root), realpathSync(target))) throw new ApiError(404, 'Not found.');
    // Built assets carry a content hash in their name and never change; the page itself is always revalidated.
    res.setHeader('Cache-Control', rel.startsWith('/assets/') && target === file ? 'public, max-age=31536000, immutable' : 'no-cache');
    sendRaw(res, 200, TYPES[extname(target)] ?? 'application/octet-stream', readFileSync(target), req.method === 'HEAD');
  }

  return server;
}

/** Whether the request has a body not (fully) read: answering it early must not drain the rest. */
const unreadBody = (req: IncomingMessage): boolean =>
  !req.complete && (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined);

const inside = (root: string, path: string): boolean => path === root || path.startsWith(root + sep);

/** Text from a request, as it may be shown in a message or a log line: short, control characters replaced. */
const shown = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max)}…` : s).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

/** Whether node has begun an answer on this socket (a parser error after it must not write another). */
function responding(socket: Duplex): boolean {
  const current = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
  return !!current?.headersSent;
}

/** An answer written straight to the socket (no request object exists), then the connection closes. */
function rawAnswer(socket: Duplex, status: number, message: string, extra: Record<string, string>): void {
  const body = JSON.stringify({ error: { status, message } });
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large', 503: 'Service Unavailable' }[status] ?? 'Error';
  const headers = {
    'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff', Connection: 'close', ...extra,
  };
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const hostName = (host: string | undefined): string => (host ?? '').replace(/:\d+$/, '').toLowerCase();

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ApiError(400, 'The request address is not valid percent-encoding.');
  }
}

/** Slow answers kept (contradictions of a range, totals of statement filters): the most recently used. */
const CACHED_ANSWERS = 64;

/** A small least-recently-used memo; a route's key says what its answer depends on. */
export class Memo {
  private readonly entries = new Map<string, unknown>();
  constructor(private readonly size: number) {}

  get<T>(key: string, make: () => T): T {
    if (this.entries.has(key)) {
      const v = this.entries.get(key) as T;
      this.entries.delete(key);
      this.entries.set(key, v);
      return v;
    }
    const v = make();
    this.entries.set(key, v);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return v;
  }
}

/** An unexpected error as an answer: a busy database is worth retrying; anything else is logged. */
function fromError(e: unknown, log: (line: string) => void): ApiError {
  if (/^SQLITE_(?:BUSY|LOCKED)/.test((e as { code?: string }).code ?? '')) {
    return new ApiError(503, 'The database is busy with another writer (a rasd ingest or watch?); try again in a moment.');
  }
  log(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return new ApiError(500, 'rasd could not answer this request because of an internal error; it has been logged. Try again, or report it with the request address.');
}

function sendJson(res: ServerResponse, status: number, body: unknown, head: boolean): void {
  res.setHeader('Cache-Control', 'no-store');
  sendRaw(res, status, 'application/json; charset=utf-8', JSON.stringify(body), head);
}

function sendRaw(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(head ? undefined : body);
}
