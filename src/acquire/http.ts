// Polite HTTP for reading news sites: robots.txt is obeyed, each host gets one request at a time
// with a gap between them, and nothing a site does (hanging, huge bodies, redirect loops, refusing
// connections) throws or stalls the other hosts. Every failure comes back as a sentence for the user.
// Nothing is fetched from private, loopback or link-local addresses unless allowed (address-guard.ts),
// and every limit (time, size, redirects, compression ratio) is an option its message names.

import { isUtf8 } from 'node:buffer';
import { AddressGuard, AddressRefused, type AddressPolicy, type Resolver } from './address-guard.js';
import { arabicShare, utf16Bom } from './decode.js';
import { FETCH_DEFAULTS, fetchLimitProblem, type FetchLimits } from './fetch-limits.js';
import { netErrors, networkDetail, where } from './net-errors.js';
import { Robots } from './robots.js';
import { DecompressionRefused, guardedFetch } from './transport.js';

export { FETCH_DEFAULTS, fetchLimitProblem, type FetchLimits };

export const USER_AGENT = 'rasd/0.1 (+https://github.com/rasd-project/rasd; Arabic news monitoring)';

export interface FetcherOptions extends FetchLimits, AddressPolicy {
  /** Default USER_AGENT. Its product token ("rasd") is what robots.txt groups are matched on. */
  userAgent?: string;
  /** Minimum gap between the starts of two requests to one host; default 1000. robots Crawl-delay raises it (capped at 30 s). */
  perHostIntervalMs?: number;
  /** Retries on 5xx, 429, timeout and network errors, with backoff; default 1. */
  retries?: number;
  /** Default true. */
  respectRobots?: boolean;
  /** How host names are resolved by the default transport; default the system's (getaddrinfo). Tests map names here. */
  resolve?: Resolver;
  /**
   * Default: the guarded transport (transport.ts), which checks every address it connects to and
   * watches the compression ratio. A fetch given here replaces it: IP literals are still checked
   * before each hop, but what names resolve to, and the compression ratio, are then its business.
   */
  fetchImpl?: typeof fetch;
}

export type FetchResult =
  | {
      ok: true;
      /** Any 2xx answer counts as 200: it carries the page. */
      status: 200;
      /** The final URL, after redirects. */
      url: string;
      requestedUrl: string;
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: true; status: 304; url: string; requestedUrl: string; etag: string | null; lastModified: string | null }
  | {
      ok: false;
      /** The URL as requested; the message names the address that failed when a redirect led elsewhere. */
      url: string;
      /** refused: the address is private, loopback, link-local or otherwise not public, and not allowed. */
      reason: 'robots' | 'http' | 'timeout' | 'network' | 'too-large' | 'unsupported' | 'refused';
      status?: number;
      error: string;
    };

type Failure = Extract<FetchResult, { ok: false }>;
type Conditional = { etag?: string | null; lastModified?: string | null };

/** A site may slow us down with Crawl-delay or Retry-After, but not to a crawl that never ends. */
const MAX_DELAY_MS = 30_000;
/**
 * robots.txt is read up to this size and the rest ignored, as RFC 9309 §2.5 allows (it asks for
 * at least 500 KiB): a site cannot make every URL check slow with a huge file of rules.
 */
export const ROBOTS_MAX_BYTES = 512 * 1024;
const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8';

/** One answer from a server, body read when it is a 2xx. */
interface Answer {
  kind: 'answer';
  status: number;
  headers: Headers;
  body: Buffer | null;
}

/** A request that got no usable answer; `detail` says why the network failed. */
type Miss =
  | { kind: 'miss'; reason: 'timeout' | 'network' | 'too-large'; detail?: string }
  | { kind: 'miss'; reason: 'refused'; refused: AddressRefused }
  | { kind: 'miss'; reason: 'too-large'; bomb: DecompressionRefused };

type Attempt = Answer | Miss;

/** Where a chain of redirects ended: the last answer (or miss) and the URL it came from. */
interface Outcome {
  attempt: Attempt;
  url: URL;
}

export class Fetcher {
  /** Number of requests actually sent per host ("example.com", "127.0.0.1:8080"), robots.txt included. */
  readonly stats = new Map<string, number>();
  private readonly opts: Required<Omit<FetcherOptions, keyof AddressPolicy | 'resolve'>>;
  private readonly guard: AddressGuard;
  private readonly agentToken: string;
  private readonly gates = new Map<string, HostGate>();
  /** Per origin; the promise is stored at once, so concurrent requests share one robots.txt fetch. */
  private readonly robots = new Map<string, Promise<Robots | null>>();

  /** Throws a RangeError naming the option when a limit is out of range (see fetchLimitProblem). */
  constructor(opts: FetcherOptions = {}) {
    const problem = fetchLimitProblem(opts);
    if (problem) throw new RangeError(problem);
    this.guard = new AddressGuard({ allowPrivate: opts.allowPrivate, allowHosts: opts.allowHosts }, opts.resolve);
    const maxCompressionRatio = opts.maxCompressionRatio ?? FETCH_DEFAULTS.maxCompressionRatio;
    this.opts = {
      userAgent: opts.userAgent ?? USER_AGENT,
      timeoutMs: opts.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
      perHostIntervalMs: opts.perHostIntervalMs ?? 1000,
      maxBytes: opts.maxBytes ?? FETCH_DEFAULTS.maxBytes,
      maxRedirects: opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
      maxCompressionRatio,
      retries: opts.retries ?? 1,
      respectRobots: opts.respectRobots ?? true,
      fetchImpl: opts.fetchImpl ?? guardedFetch({ guard: this.guard, maxCompressionRatio }),
    };
    this.agentToken = (/^[A-Za-z_-]+/.exec(this.opts.userAgent)?.[0] ?? this.opts.userAgent).toLowerCase();
  }

  /**
   * GET with robots.txt check (fetched once per origin and cached; a missing/4xx robots.txt allows all; 5xx or
   * unreachable robots → treat as allow-all but never crash), per-host rate limiting (requests to one host are
   * serialised with the interval; different hosts run concurrently), conditional headers, timeout, size limit,
   * redirects (maxRedirects), and the address of every hop checked. Never throws.
   */
  async get(url: string, conditional?: Conditional): Promise<FetchResult> {
    try {
      const start = parseUrl(url);
      if (typeof start === 'string') return fail(url, 'unsupported', start);
      const headers = requestHeaders(this.opts.userAgent, conditional);
      const outcome = await this.follow(start, headers, 'page', this.opts.retries);
      return 'reason' in outcome ? { ...outcome, url } : this.toResult(outcome, url, conditional);
    } catch (e) {
      // Nothing above is meant to throw; this keeps the promise of never throwing if something does.
      return fail(url, 'network', netErrors.network(url, networkDetail(e)));
    }
  }

  /**
   * Requests `url`, following up to maxRedirects redirects. Each hop's address is checked first (an
   * IP literal here, a name when the transport connects), then, for a page, robots.txt.
   */
  private async follow(url: URL, headers: Record<string, string>, kind: 'page' | 'robots', retries: number): Promise<Outcome | Failure> {
    const requested = url.href;
    const max = this.opts.maxRedirects;
    for (let hop = 0; ; hop++) {
      const refused = this.guard.checkLiteral(url);
      if (refused) return fail(requested, 'refused', netErrors.refusedAddress(where(url.href, requested), refused));
      if (kind === 'page' && !(await this.allowed(url))) {
        return fail(requested, 'robots', netErrors.robots(where(url.href, requested), url.host, this.agentToken));
      }
      const attempt = await this.withRetries(url, headers, kind, retries);
      const location = attempt.kind === 'answer' ? redirectTarget(attempt) : null;
      if (location === null || attempt.kind === 'miss') return { attempt, url };
      const next = parseUrl(location, url, requested);
      if (typeof next === 'string') return fail(requested, 'unsupported', next);
      if (hop === max) return fail(requested, 'http', netErrors.tooManyRedirects(requested, max), attempt.status);
      url = next;
    }
  }

  private async withRetries(url: URL, headers: Record<string, string>, kind: 'page' | 'robots', retries: number): Promise<Attempt> {
    const gate = this.gate(url.host);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      const result = await gate.run(async () => {
        const answer = await this.send(url, headers, kind);
        // Backoff, set before the gate lets the next request in: the host's interval doubled per
        // attempt, or longer when the server says so.
        if (!last && retryable(answer)) gate.holdFor(Math.max(gate.interval * 2 ** attempt, retryAfterMs(answer)));
        return answer;
      });
      if (last || !retryable(result)) return result;
    }
  }

  /** One request, its body read in full under the same timeout (robots.txt: up to ROBOTS_MAX_BYTES, the rest dropped). */
  private async send(url: URL, headers: Record<string, string>, kind: 'page' | 'robots'): Promise<Attempt> {
    this.stats.set(url.host, (this.stats.get(url.host) ?? 0) + 1);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.opts.timeoutMs);
    try {
      const res = await this.opts.fetchImpl(url.href, { headers, redirect: 'manual', signal: controller.signal });
      if (res.status < 200 || res.status >= 300) {
        // Unread bodies would keep the connection busy.
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'answer', status: res.status, headers: res.headers, body: null };
      }
      const body = kind === 'robots' ? await readLimited(res, Math.min(ROBOTS_MAX_BYTES, this.opts.maxBytes), true) : await readLimited(res, this.opts.maxBytes);
      if (!body) {
        controller.abort();
        return { kind: 'miss', reason: 'too-large' };
      }
      return { kind: 'answer', status: res.status, headers: res.headers, body };
    } catch (e) {
      if (timedOut) return { kind: 'miss', reason: 'timeout' };
      const cause = causeOf(e);
      if (cause instanceof AddressRefused) return { kind: 'miss', reason: 'refused', refused: cause };
      if (cause instanceof DecompressionRefused) return { kind: 'miss', reason: 'too-large', bomb: cause };
      return { kind: 'miss', reason: 'network', detail: networkDetail(e) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async allowed(url: URL): Promise<boolean> {
    if (!this.opts.respectRobots) return true;
    let robots = this.robots.get(url.origin);
    if (!robots) {
      // A robots.txt that cannot be had allows all; whatever went wrong must not fail every page of the origin.
      robots = this.fetchRobots(url).catch(() => null);
      this.robots.set(url.origin, robots);
    }
    return (await robots)?.isAllowed(url.pathname + url.search, this.agentToken) ?? true;
  }

  /** The origin's robots.txt, or null (allow all) when it is missing, refused, broken or unreachable. */
  private async fetchRobots(url: URL): Promise<Robots | null> {
    const robotsUrl = new URL('/robots.txt', url.origin);
    const outcome = await this.follow(robotsUrl, requestHeaders(this.opts.userAgent), 'robots', 0);
    if ('reason' in outcome || outcome.attempt.kind !== 'answer' || !outcome.attempt.body) return null;
    const robots = Robots.parse(decodeBody(outcome.attempt.body, outcome.attempt.headers.get('content-type')));
    const delay = robots.crawlDelaySeconds(this.agentToken);
    if (delay !== null) this.gate(url.host).slowTo(Math.min(delay * 1000, MAX_DELAY_MS));
    return robots;
  }

  /** The FetchResult for where a chain of redirects ended. */
  private toResult({ attempt, url }: Outcome, requestedUrl: string, conditional?: Conditional): FetchResult {
    const at = where(url.href, requestedUrl);
    if (attempt.kind === 'miss') return fail(requestedUrl, attempt.reason, this.missMessage(attempt, at));
    const { status, headers, body } = attempt;
    const etag = headers.get('etag');
    const lastModified = headers.get('last-modified');
    if (status === 304) {
      // A 304 need not repeat the validators; the ones sent are then still the ones to keep.
      return {
        ok: true, status, url: url.href, requestedUrl,
        etag: etag ?? conditional?.etag ?? null,
        lastModified: lastModified ?? conditional?.lastModified ?? null,
      };
    }
    if (body) return { ok: true, status: 200, url: url.href, requestedUrl, body, contentType: headers.get('content-type'), etag, lastModified };
    if (status >= 300 && status < 400) return fail(requestedUrl, 'http', netErrors.redirectWithoutTarget(at, status), status);
    return fail(requestedUrl, 'http', netErrors.http(at, status), status);
  }

  private missMessage(miss: Miss, at: string): string {
    if ('refused' in miss) return netErrors.refusedAddress(at, miss.refused);
    if ('bomb' in miss) return netErrors.compressionRatio(at, miss.bomb.limit, miss.bomb.compressedBytes, miss.bomb.decompressedBytes);
    if (miss.reason === 'timeout') return netErrors.timeout(at, this.opts.timeoutMs);
    if (miss.reason === 'too-large') return netErrors.tooLarge(at, this.opts.maxBytes);
    return netErrors.network(at, miss.detail ?? 'no answer');
  }

  private gate(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      gate = new HostGate(this.opts.perHostIntervalMs);
      this.gates.set(host, gate);
    }
    return gate;
  }
}

/**
 * One host's queue: a task starts when the previous one has finished and `interval` has passed
 * since the previous start (and any hold for backoff is over). Each host has its own, so a slow
 * host delays only its own requests.
 */
class HostGate {
  private tail: Promise<unknown> = Promise.resolve();
  private lastStart = -Infinity;
  private notBefore = 0;

  constructor(public interval: number) {}

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      await sleep(Math.max(this.lastStart + this.interval, this.notBefore) - performance.now());
      this.lastStart = performance.now();
      return task();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Robots Crawl-delay: the interval only ever grows. */
  slowTo(ms: number): void {
    this.interval = Math.max(this.interval, ms);
  }

  /** No request to this host before `ms` from now. */
  holdFor(ms: number): void {
    this.notBefore = Math.max(this.notBefore, performance.now() + ms);
  }
}

/** Rounded up: timers work in whole milliseconds, and a gap must never come out shorter than asked. */
function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, Math.ceil(ms))) : Promise.resolve();
}

/**
 * A URL we may fetch, or the message saying why not. Relative addresses (redirect targets) resolve
 * against `base`, and the message then says where the redirect came from.
 */
function parseUrl(text: string, base?: URL, requested?: string): URL | string {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return netErrors.invalidUrl(requested ? where(text, requested) : text);
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  return netErrors.unsupportedScheme(requested ? where(url.href, requested) : url.href);
}

/** The error behind a failure: fetch() implementations wrap what went wrong in `cause`. */
function causeOf(e: unknown): unknown {
  for (let err = e, depth = 0; err && depth < 5; err = (err as { cause?: unknown }).cause, depth++) {
    if (err instanceof AddressRefused || err instanceof DecompressionRefused) return err;
  }
  return e;
}

function requestHeaders(userAgent: string, conditional?: Conditional): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: ACCEPT };
  if (conditional?.etag) headers['if-none-match'] = conditional.etag;
  if (conditional?.lastModified) headers['if-modified-since'] = conditional.lastModified;
  return headers;
}

/** The Location of a redirect (raw, resolved by the caller), or null when the answer is not one. */
function redirectTarget(answer: Answer): string | null {
  if (![301, 302, 303, 307, 308].includes(answer.status)) return null;
  return answer.headers.get('location');
}

function retryable(attempt: Attempt): boolean {
  // A refused address or a body over a limit will be the same the next time.
  if (attempt.kind === 'miss') return attempt.reason !== 'too-large' && attempt.reason !== 'refused';
  return attempt.status === 429 || attempt.status >= 500;
}

/** Retry-After in milliseconds (seconds or an HTTP date), capped; 0 when absent or unreadable. */
function retryAfterMs(attempt: Attempt): number {
  const value = attempt.kind === 'answer' ? attempt.headers.get('retry-after') : null;
  if (!value) return 0;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_DELAY_MS) : 0;
}

/**
 * The body, or null as soon as it passes `limit` bytes (a declared Content-Length over it is not
 * read at all); with `truncate`, its first `limit` bytes instead.
 */
async function readLimited(res: Response, limit: number, truncate = false): Promise<Buffer | null> {
  if (!truncate && Number(res.headers.get('content-length') ?? 0) > limit) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      if (!truncate) return null;
      chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength - (total - limit)));
      return Buffer.concat(chunks, limit);
    }
    chunks.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
  }
}

function fail(url: string, reason: Failure['reason'], error: string, status?: number): Failure {
  return status === undefined ? { ok: false, url, reason, error } : { ok: false, url, reason, error, status };
}

const WINDOWS_1256 = 'windows-1256';
/** As in decode.ts: bytes read as windows-1256 are taken for Arabic when 30% of the visible text is Arabic letters. */
const MIN_ARABIC_SHARE = 0.3;

/**
 * Text of a page or feed. The charset comes from Content-Type, else the document's own
 * declaration (XML declaration or <meta charset>), else UTF-8; a byte-order mark beats both, and
 * is dropped. Bytes taken for UTF-8 that are not, but read as Arabic in windows-1256, are taken as
 * windows-1256, the legacy encoding of Arabic sites.
 */
export function decodeBody(body: Buffer, contentType: string | null): string {
  const bom = utf16Bom(body) ?? (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 'utf-8' : null);
  if (bom) return new TextDecoder(bom).decode(body); // drops the mark
  const declared = encodingOf(charsetOf(contentType) ?? declaredCharset(body));
  // A UTF-16 label without a byte-order mark is a copied template, not UTF-16 bytes (the HTML spec reads it as UTF-8).
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) return new TextDecoder(declared).decode(body);
  if (isUtf8(body)) return body.toString('utf8');
  const legacy = new TextDecoder(WINDOWS_1256).decode(body);
  // A page that claims UTF-8 but is not gets the Arabic guess too, as in decode.ts; else U+FFFD for the bad bytes.
  return arabicShare(legacy) >= MIN_ARABIC_SHARE ? legacy : new TextDecoder('utf-8').decode(body);
}

function charsetOf(contentType: string | null): string | null {
  return /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** The encoding an XML declaration or an HTML <meta> names in the first 4 KB. */
function declaredCharset(body: Buffer): string | null {
  const head = body.subarray(0, 4096).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
  return xml ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

/** The WHATWG encoding a charset label names ("cp1256" → "windows-1256"), or null when the runtime does not know it. */
function encodingOf(label: string | null): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
