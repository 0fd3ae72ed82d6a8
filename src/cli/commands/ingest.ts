import { fetchLimitProblem } from '../../acquire/fetch-limits.js';
import { readSources } from '../../acquire/index.js';
import { Ingester, type IngestOptions } from '../../ingest/ingester.js';
import { reanalyze, staleIds } from '../../ingest/reanalyze.js';
import { expandTargets } from '../../ingest/sources.js';
import { Progress } from '../progress.js';
import { renderError, renderIngestSummary } from '../views.js';
import { openArticleStore, shownDb } from './db.js';
import { WebIngest, type WebOptions } from '../../ingest/web.js';

export interface IngestCliOptions extends WebOptions {
  db: string;
  nearThreshold: number;
  learnMin?: number;
  maxBytes: number;
  maxDepth?: number;
  maxRatio?: number;
  quiet: boolean;
}

/** `rasd ingest`: read, analyse and store every target; returns the exit status. */
export async function ingestCommand(args: string[], opts: IngestCliOptions): Promise<number> {
  // Checked before anything is opened: a limit that cannot work would fail every URL alike.
  const problem = fetchLimitProblem({ ...opts, perHostIntervalMs: opts.perHostMs });
  if (problem) {
    process.stderr.write(`rasd: ${problem}\n`);
    return 2;
  }
  const store = await openArticleStore(opts.db);
  if (!store) return 1;
  const started = Date.now();
  const ing = new Ingester(store, { nearThreshold: opts.nearThreshold, learnMin: await store.learnMin(opts.learnMin), batchSize: 200 } satisfies IngestOptions);
  const progress = new Progress('ingest', process.stderr, !opts.quiet);
  const skipped: string[] = []; // bounded by the files the user pointed at
  const show = () => progress.update({ done: done(ing), total: null, detail: detail(ing) });
  const stop = stopOnSignal(() => void ing.commit().catch(() => {}));
  const web = new WebIngest(ing, opts, show);
  try {
    for await (const t of expandTargets(args, (p) => skipped.push(p))) {
      if (stop.requested) break;
      if (t.kind === 'url') {
        await ing.commit(); // nothing waits uncommitted on the network
        await web.ingestUrl(t.url, stop);
        continue;
      }
      for await (const r of readSources([t.path], { maxBytes: opts.maxBytes, maxDepth: opts.maxDepth, maxRatio: opts.maxRatio })) {
        if (r.ok) await ing.add(r.input);
        else await ing.fail(r.source, r.error);
        show();
        if (stop.requested) break;
      }
    }
    await ing.commit();
    progress.done({ done: done(ing), total: null, detail: detail(ing) });
    if (!stop.requested) await cleanAgain(ing, opts.quiet);
  } catch (e) {
    await ing.rollback().catch(() => {});
    throw e;
  } finally {
    stop.dispose();
    await store.close();
  }
  for (const f of ing.tally.failures.slice(0, 20)) process.stderr.write(renderError(f.source, f.error));
  process.stderr.write(renderIngestSummary(ing.tally, { db: shownDb(opts.db), seconds: (Date.now() - started) / 1000, skipped, interrupted: stop.requested }));
  return ing.tally.failed || stop.requested ? 1 : 0;
}

const done = (ing: Ingester): number => ing.tally.stored + ing.tally.duplicates + ing.tally.unchanged + ing.tally.failed;
const detail = (ing: Ingester): string =>
  `${ing.tally.stored} stored · ${ing.tally.duplicates} duplicates · ${ing.tally.unchanged} unchanged · ${ing.tally.failed} failed`;

/**
 * Outlets whose boilerplate was learned during this run (or a run killed before it cleaned): their
 * earlier articles still carry the lines, so they are cleaned and analysed again now.
 */
async function cleanAgain(ing: Ingester, quiet: boolean): Promise<void> {
  const outlets = await ing.cleanPending(); // this run's, and those of a run killed before it got here
  if (!outlets.length) return;
  const ids = await staleIds(ing, { outlets });
  if (ids.length) {
    const progress = new Progress('clean again (learned boilerplate)', process.stderr, !quiet);
    await reanalyze(ing, ids, (d, total) => progress.update({ done: d, total, detail: '' }));
    progress.done({ done: ids.length, total: ids.length, detail: '' });
  }
  await ing.serial(() => ing.cleanDone());
}

export interface StopFlag {
  requested: boolean;
  dispose(): void;
}

/** Ctrl-C (or SIGTERM) stops after the current article; what is stored is committed first. A second Ctrl-C exits at once. */
export function stopOnSignal(onStop: () => void): StopFlag {
  const flag: StopFlag = {
    requested: false,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
  const handler = () => {
    if (flag.requested) process.exit(130);
    flag.requested = true;
    try {
      onStop();
    } catch {
      // the run is ending anyway; the next run stores what is missing
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return flag;
}
