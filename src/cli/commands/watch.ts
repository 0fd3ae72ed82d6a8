import { fetchLimitProblem } from '../../acquire/fetch-limits.js';
import { Ingester } from '../../ingest/ingester.js';
import { isUrl } from '../../ingest/sources.js';
import { WebIngest, type WebOptions } from '../../ingest/web.js';
import { renderError, renderIngestSummary } from '../views.js';
import { openArticleStore, shownDb } from './db.js';
import { stopOnSignal } from './ingest.js';

export interface WatchOptions extends Omit<WebOptions, 'concurrency' | 'fetchImpl' | 'resolve'> {
  db: string;
  everyMs: number;
  once: boolean;
  nearThreshold: number;
  quiet: boolean;
}

/** setTimeout fires at once for longer delays, which would turn the watch into a loop polling without pause. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `rasd watch`: polls every feed, stores new articles, sleeps, and again, until Ctrl-C. All state
 * (validators, stored URLs, failures) lives in the database, so a restart resumes without refetching.
 */
export async function watchCommand(feeds: string[], opts: WatchOptions): Promise<number> {
  const bad = feeds.filter((f) => !isUrl(f));
  if (bad.length) {
    process.stderr.write(renderError(bad[0]!, `${bad[0]} is not a feed URL; rasd watch follows http(s) feeds and sitemaps (use rasd ingest for files).`));
    return 2;
  }
  const problem = !(opts.everyMs > 0 && opts.everyMs <= MAX_TIMER_MS)
    ? `the time between polls (--every) must be longer than 0 and at most 24 days; ${opts.everyMs} ms was given.`
    : fetchLimitProblem({ ...opts, perHostIntervalMs: opts.perHostMs });
  if (problem) {
    process.stderr.write(`rasd: ${problem}\n`);
    return 2;
  }
  const store = await openArticleStore(opts.db);
  if (!store) return 1;
  const ing = new Ingester(store, { nearThreshold: opts.nearThreshold, learnMin: await store.learnMin(undefined), batchSize: 200 });
  const web = new WebIngest(ing, opts);
  const stop = stopOnSignal(() => void ing.commit().catch(() => {}));
  let wake: (() => void) | null = null;
  const interrupt = setInterval(() => stop.requested && wake?.(), 200);
  try {
    ing.onFail = (source, error) => process.stderr.write(renderError(source, error));
    const started = Date.now(); // the summary after each poll counts since the watch began
    for (let round = 1; !stop.requested; round++) {
      for (const feed of feeds) {
        if (stop.requested) break;
        const r = await web.ingestUrl(feed, stop);
        if (!opts.quiet) process.stderr.write(`poll ${round}: ${feed} — ${describe(r)}\n`);
      }
      await ing.commit();
      process.stderr.write(renderIngestSummary(ing.tally, { db: shownDb(opts.db), seconds: (Date.now() - started) / 1000, skipped: [], interrupted: false }));
      if (opts.once || stop.requested) break;
      await new Promise<void>((res) => {
        const timer = setTimeout(res, opts.everyMs);
        wake = () => (clearTimeout(timer), res()); // Ctrl-C ends the sleep at once
      });
    }
  } finally {
    clearInterval(interrupt);
    await ing.commit();
    stop.dispose();
    await store.close();
  }
  return opts.once && ing.tally.failed ? 1 : 0;
}

function describe(r: { status: string; items: number; fetched: number }): string {
  if (r.status === 'not-modified') return 'not modified since the last poll';
  if (r.status === 'failed') return 'failed (see above)';
  if (r.status === 'page') return 'an article page, stored';
  return `${r.items} items, ${r.fetched} fetched`;
}
