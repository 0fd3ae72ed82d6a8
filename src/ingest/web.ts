// Ingesting from the web: a URL is a feed (RSS, Atom, RDF), a sitemap (news sitemaps included),
// a sitemap index, or an article page. Feeds are polled with conditional requests (ETag /
// Last-Modified kept in the database), and an article already stored is never fetched again, so
// a restarted run or the next poll picks up where the last one stopped.
import type { AddressPolicy, Resolver } from '../acquire/address-guard.js';
import { Fetcher, decodeBody, type FetchLimits, type FetchResult } from '../acquire/http.js';
import { looksLikeFeed, parseFeed, type FeedItem, type ParsedFeed } from '../acquire/feeds.js';
import { htmlToInput } from '../clean/html.js';
import type { RawInput } from '../core/types.js';
import { canonicalUrl } from '../link/url.js';
import type { Ingester } from './ingester.js';

/**
 * How pages are fetched: the limits (FetchLimits: timeout, size, redirects, compression ratio), and
 * the addresses allowed besides public ones (AddressPolicy; by default none).
 */
export interface WebOptions extends FetchLimits, AddressPolicy {
  /** Whole-request timeout. */
  timeoutMs: number;
  /** Minimum gap between two requests to one host. */
  perHostMs: number;
  /** Articles fetched at once (different hosts proceed in parallel; one host is rate-limited). */
  concurrency?: number;
  /** How host names are resolved (tests map names to loopback here); default the system's. */
  resolve?: Resolver;
  fetchImpl?: typeof fetch;
}

/** An article whose fetch failed this many times is not tried again by later polls. */
export const MAX_ATTEMPTS = 3;
/** Sitemap indexes nest; rasd follows this many levels. */
const MAX_DEPTH = 2;

export interface PollResult {
  status: 'new' | 'not-modified' | 'failed' | 'page';
  items: number;
  fetched: number;
}

export class WebIngest {
  readonly fetcher: Fetcher;

  constructor(
    private readonly ing: Ingester,
    opts: WebOptions,
    private readonly onProgress: () => void = () => {},
  ) {
    this.fetcher = new Fetcher({
      timeoutMs: opts.timeoutMs,
      perHostIntervalMs: opts.perHostMs,
      maxBytes: opts.maxBytes,
      maxRedirects: opts.maxRedirects,
      maxCompressionRatio: opts.maxCompressionRatio,
      allowPrivate: opts.allowPrivate,
      allowHosts: opts.allowHosts,
      resolve: opts.resolve,
      fetchImpl: opts.fetchImpl,
    });
    this.concurrency = opts.concurrency ?? 4;
  }

  private readonly concurrency: number;

  /** Fetches a URL and stores what it leads to. */
  async ingestUrl(url: string, stop: { requested: boolean } = { requested: false }, depth = 0): Promise<PollResult> {
    const feed = await this.feedRow(url);
    const res = await this.fetcher.get(url, feed ?? undefined);
    if (!res.ok) {
      await this.ing.fail(url, res.error);
      await this.ing.commit();
      return { status: 'failed', items: 0, fetched: 0 };
    }
    if (res.status === 304) {
      await this.saveFeed(url, { status: '304 not modified' });
      return { status: 'not-modified', items: 0, fetched: 0 };
    }
    const text = decodeBody(res.body, res.contentType);
    const parsed = looksLikeFeed(res.contentType, text.slice(0, 2048)) ? parseFeed(text, res.url) : null;
    if (!parsed) {
      await this.storePage(res, text, null);
      await this.ing.commit(); // nothing waits uncommitted on the next request
      return { status: 'page', items: 1, fetched: 1 };
    }
    let fetched = 0;
    if (parsed.kind === 'sitemapindex') {
      for (const child of parsed.items) {
        if (stop.requested || depth >= MAX_DEPTH) break;
        fetched += (await this.ingestUrl(child.url, stop, depth + 1)).fetched;
      }
    } else fetched = await this.fetchItems(parsed.items, stop);
    // The validators are kept only once every item was dealt with: a run stopped half-way must not
    // get a 304 next time for a feed whose remaining items it never fetched.
    const complete = !stop.requested;
    await this.saveFeed(url, { status: complete ? '200' : '200 (interrupted)', parsed, etag: complete ? res.etag : null, lastModified: complete ? res.lastModified : null });
    return { status: 'new', items: parsed.items.length, fetched };
  }

  /** Fetches the items not yet stored, a few at a time; each article is committed as it comes. */
  private async fetchItems(items: FeedItem[], stop: { requested: boolean }): Promise<number> {
    const store = this.ing.store;
    const todo: FeedItem[] = [];
    for (const it of items) {
      const key = canonicalUrl(it.url);
      if (key === null || (await store.hasKey(key)) || (await store.db.get('SELECT 1 AS x FROM fetched WHERE url = ?', it.url))) continue;
      if ((await store.failureAttempts(it.url)) < MAX_ATTEMPTS) todo.push(it);
    }
    let next = 0, fetched = 0;
    const worker = async () => {
      while (next < todo.length && !stop.requested) {
        const item = todo[next++]!;
        const res = await this.fetcher.get(item.url);
        if (res.ok) fetched++;
        if (!res.ok) await this.ing.fail(item.url, res.error);
        else if (res.status === 200) await this.storePage(res, decodeBody(res.body, res.contentType), item);
        await this.ing.commit();
        this.onProgress();
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, todo.length) }, worker));
    return fetched;
  }

  private async storePage(res: Extract<FetchResult, { status: 200 }>, html: string, item: FeedItem | null): Promise<void> {
    const page = htmlToInput(html, res.url);
    if (!page.body.trim()) {
      await this.ing.fail(res.url, `${res.url} has no article text that rasd could find; check that the URL is an article page and not a listing or a login page.`);
      return;
    }
    const meta = { ...page.meta };
    meta.url ??= res.url;
    meta.title ??= item?.title ?? null;
    meta.published ??= item?.published ?? null;
    meta.outlet ??= new URL(res.url).hostname.replace(/^www\./, '');
    const input: RawInput = { source: res.url, kind: 'html', body: page.body, meta, encoding: 'utf-8', diagnostics: page.diagnostics };
    // The addresses it was fetched under are recorded with the article, in its savepoint.
    await this.ing.add(input, undefined, async (id) => {
      for (const url of new Set([res.requestedUrl, res.url, item?.url].filter((u): u is string => !!u))) {
        await this.ing.store.db.run('INSERT INTO fetched (url, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING', url, id);
      }
    });
    this.onProgress();
  }

  /** Conditional-request fields of a feed polled before. */
  private async feedRow(url: string): Promise<{ etag: string | null; lastModified: string | null } | null> {
    const r = await this.ing.store.db.get<{ etag: string | null; last_modified: string | null }>('SELECT etag, last_modified FROM feeds WHERE url = ?', url);
    return r ? { etag: r.etag, lastModified: r.last_modified } : null;
  }

  private async saveFeed(url: string, f: { status: string; parsed?: ParsedFeed; etag?: string | null; lastModified?: string | null }): Promise<void> {
    const full = f.parsed ? 1 : 0;
    await this.ing.serial(() =>
      this.ing.store.db.run(
        `INSERT INTO feeds (url, kind, title, etag, last_modified, last_polled, last_status, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET kind = coalesce(excluded.kind, feeds.kind), title = coalesce(excluded.title, feeds.title),
           etag = CASE WHEN ? = 1 THEN excluded.etag ELSE feeds.etag END, last_modified = CASE WHEN ? = 1 THEN excluded.last_modified ELSE feeds.last_modified END,
           last_polled = excluded.last_polled, last_status = excluded.last_status, items = CASE WHEN ? = 1 THEN excluded.items ELSE feeds.items END`,
        url, f.parsed?.kind ?? null, f.parsed?.title ?? null, f.etag ?? null, f.lastModified ?? null, new Date().toISOString(), f.status,
        f.parsed?.items.length ?? 0, full, full, full,
      ),
    );
  }
}
