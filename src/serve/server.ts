// `rasd serve`: the JSON API (serve/routes.ts) and the web UI (web/dist) over node:http. Every
// answer carries a Content-Security-Policy that forbids inline and foreign scripts, so even if
// scraped text reached the page as markup it could not run; the UI renders it as text anyway.
// The API is read-only: the database is opened read-only and only GET and HEAD are answered.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Store } from '../store/sqlite.js';
import { openApi } from './openapi.js';
import { ApiError, parseParams } from './params.js';
import { ROUTES, type Route } from './routes.js';

export const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "connect-src 'self'",
  "font-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json',
};

export interface ServeOptions {
  store: Store;
  /** The built UI (web/dist); null or missing: the API alone, and / says how to build the UI. */
  webRoot: string | null;
  version: string;
  /** Host names the server answers to (a guard against DNS rebinding); empty: any. */
  hosts?: string[];
  log?: (line: string) => void;
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
  const routes = ROUTES.map(compile);
  const doc = JSON.stringify(openApi(opts.version));
  const cache = new Memo(CACHED_ANSWERS);
  const log = opts.log ?? (() => {});

  const api = (url: URL): { status: number; body: unknown } => {
    if (url.pathname === '/api/openapi.json' || url.pathname === '/api') return { status: 200, body: null };
    for (const c of routes) {
      const m = c.pattern.exec(url.pathname);
      if (!m) continue;
      const path = Object.fromEntries(c.names.map((n, i) => [n, decodePart(m[i + 1]!)]));
      const params = parseParams(c.route.params, url.searchParams, path);
      // Another process (an ingest) may have written since: slow answers are recomputed then.
      return { status: 200, body: c.route.handle({ store: opts.store, params, cache }) };
    }
    throw new ApiError(404, `There is no API route ${url.pathname.slice(0, 80)}; /api/openapi.json lists them.`);
  };

  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)}ms`));
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    try {
      handle(req, res);
    } catch (e) {
      const err = e instanceof ApiError ? e : internal(e, log);
      sendJson(res, err.status, { error: { status: err.status, message: err.message, ...(err.param ? { param: err.param } : {}) } }, req.method === 'HEAD');
    }
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (opts.hosts?.length && !opts.hosts.includes(hostName(req.headers.host))) {
      throw new ApiError(421, `This server does not answer to the host name '${String(req.headers.host).slice(0, 80)}'; to reach it by that name, start it with --allow-host NAME.`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      throw new ApiError(405, `The rasd API is read-only: ${req.method} is not allowed, only GET and HEAD.`);
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new ApiError(400, 'The request address could not be read.');
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      const out = api(url);
      if (out.body === null) return sendRaw(res, 200, 'application/json; charset=utf-8', doc, req.method === 'HEAD');
      return sendJson(res, out.status, out.body, req.method === 'HEAD');
    }
    serveStatic(url.pathname, req, res);
  }

  function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): void {
    if (!opts.webRoot) throw new ApiError(404, 'This server was started without the web UI; the API is at /api/openapi.json.');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      throw new ApiError(400, 'The request address is not valid percent-encoding.');
    }
    const root = resolve(opts.webRoot);
    const file = resolve(root, '.' + normalize(rel === '/' ? '/index.html' : rel));
    if (file !== root && !file.startsWith(root + sep)) throw new ApiError(404, 'Not found.');
    const target = isFile(file) ? file : isFile(join(root, 'index.html')) && !extname(rel) ? join(root, 'index.html') : null;
    if (!target) {
      if (rel === '/' || !extname(rel)) throw new ApiError(503, 'The web UI is not built; run `npm run build` (it builds web/dist), then start rasd serve again. The API is at /api/openapi.json.');
      throw new ApiError(404, `There is no file ${rel.slice(0, 80)}.`);
    }
    // Built assets carry a content hash in their name and never change; the page itself is always revalidated.
    res.setHeader('Cache-Control', rel.startsWith('/assets/') && target === file ? 'public, max-age=31536000, immutable' : 'no-cache');
    sendRaw(res, 200, TYPES[extname(target)] ?? 'application/octet-stream', readFileSync(target), req.method === 'HEAD');
  }
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

function internal(e: unknown, log: (line: string) => void): ApiError {
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
