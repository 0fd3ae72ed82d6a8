// rasd enqueue / rasd worker: ingestion shared by several processes through a PostgreSQL store
// (ingest/jobs.ts). `rasd enqueue` reads the inputs once and queues them; any number of
// `rasd worker` processes, here or on other machines, analyse and store them.
import { readSources } from '../../acquire/index.js';
import { DEFAULT_INGEST } from '../../ingest/ingester.js';
import { enqueue, queueCounts, Worker, workerRows } from '../../ingest/jobs.js';
import { expandTargets } from '../../ingest/sources.js';
import type { RawInput } from '../../core/types.js';
import { isPostgresUrl, PgStore } from '../../store/postgres.js';
import { Progress } from '../progress.js';
import { renderError } from '../views.js';
import { openArticleStore, shownDb } from './db.js';
import { stopOnSignal } from './ingest.js';

/** The PostgreSQL store the queue lives in; the queue needs a server that several processes share. */
async function openQueue(db: string, readonly = false): Promise<PgStore | null> {
  if (!isPostgresUrl(db)) {
    process.stderr.write(renderError(db, 'workers share their work through a PostgreSQL database; pass --db postgres://user:password@host/db (for one process on a file, use rasd ingest).'));
    return null;
  }
  return (await openArticleStore(db, readonly)) as PgStore | null;
}

export async function enqueueCommand(args: string[], opts: { db: string; maxBytes: number; maxDepth?: number; maxRatio?: number; quiet: boolean }): Promise<number> {
  const urls = args.filter((a) => /^https?:\/\//i.test(a));
  if (urls.length) {
    process.stderr.write(renderError(urls[0]!, 'rasd enqueue queues files, folders and corpora; fetch web addresses with rasd ingest or rasd watch.'));
    return 2;
  }
  const store = await openQueue(opts.db);
  if (!store) return 1;
  const progress = new Progress('enqueue', process.stderr, !opts.quiet);
  let read = 0, added = 0, unreadable = 0;
  const pending: RawInput[] = [];
  const flush = async () => {
    added += await enqueue(store, pending.splice(0));
    progress.update({ done: read, total: null, detail: `${added} queued` });
  };
  try {
    for await (const t of expandTargets(args, () => {})) {
      if (t.kind !== 'path') continue;
      for await (const r of readSources([t.path], { maxBytes: opts.maxBytes, maxDepth: opts.maxDepth, maxRatio: opts.maxRatio })) {
        read++;
        if (!r.ok) {
          unreadable++;
          await store.recordFailure(r.source, r.error);
          if (unreadable <= 20) process.stderr.write(renderError(r.source, r.error));
          continue;
        }
        pending.push(r.input);
        if (pending.length >= 1000) await flush();
      }
    }
    await flush();
    progress.done({ done: read, total: null, detail: `${added} queued` });
    const c = await queueCounts(store);
    process.stderr.write(
      `${added.toLocaleString('en')} queued (${(read - unreadable - added).toLocaleString('en')} were queued already, ${unreadable} unreadable) in ${shownDb(opts.db)}; ` +
        `the queue holds ${c.pending.toLocaleString('en')} waiting, ${c.running} being stored, ${c.done.toLocaleString('en')} done, ${c.failed} failed. Start workers with rasd worker --db ….\n`,
    );
    return unreadable ? 1 : 0;
  } finally {
    await store.close();
  }
}

export interface WorkerCliOptions {
  db: string;
  batch: number;
  leaseMs: number;
  drain: boolean;
  idleMs: number;
  name?: string;
  nearThreshold: number;
  quiet: boolean;
}

/** `rasd worker`: stores queued jobs until stopped (Ctrl-C finishes the batch in hand), or with --drain until the queue is empty. */
export async function workerCommand(opts: WorkerCliOptions): Promise<number> {
  const store = await openQueue(opts.db);
  if (!store) return 1;
  const pause = Number(process.env['RASD_WORKER_TEST_PAUSE_MS'] ?? 0);
  const worker = new Worker(store, {
    batch: opts.batch,
    leaseSeconds: Math.max(1, Math.round(opts.leaseMs / 1000)),
    name: opts.name,
    ingest: { ...DEFAULT_INGEST, nearThreshold: opts.nearThreshold, learnMin: await store.learnMin(undefined) },
    pauseBeforeCommitMs: pause > 0 ? pause : undefined,
  });
  const progress = new Progress(`worker ${worker.name}`, process.stderr, !opts.quiet);
  const stop = stopOnSignal(() => {});
  const started = Date.now();
  let status = 0;
  try {
    await worker.register();
    while (!stop.requested) {
      const n = await worker.step();
      progress.update({ done: worker.done + worker.failed, total: null, detail: `${worker.done} stored · ${worker.failed} failed` });
      if (n) continue;
      if (opts.drain) {
        const c = await queueCounts(store);
        if (!c.running && !c.pending) break; // nothing left, and nobody's lease may still run out
      }
      await sleep(opts.idleMs, stop);
    }
    await worker.stop(stop.requested ? 'stopped' : 'drained');
  } catch (e) {
    status = 1;
    process.stderr.write(renderError(shownDb(opts.db), `worker ${worker.name} stopped: ${(e as Error).message}. Its unfinished jobs are retried by the other workers once their lease runs out.`));
    await worker.stop('crashed').catch(() => {});
  } finally {
    stop.dispose();
    await store.close().catch(() => {});
  }
  progress.done({ done: worker.done + worker.failed, total: null, detail: `${worker.done} stored · ${worker.failed} failed` });
  const secs = (Date.now() - started) / 1000;
  if (!opts.quiet) {
    process.stderr.write(`worker ${worker.name}: ${worker.done.toLocaleString('en')} jobs stored, ${worker.failed} failed in ${secs.toFixed(1)} s (${(worker.done / Math.max(secs, 0.001)).toFixed(1)} jobs/s)${worker.lost ? `; ${worker.lost} taken over by other workers after the lease ran out` : ''}.\n`);
    if (worker.ing.grown.size) process.stderr.write(`Boilerplate of ${[...worker.ing.grown].join(', ')} was learned meanwhile; run rasd reanalyze --db … once the queue is done to clean the earlier articles again.\n`);
  }
  return status || (stop.requested ? 130 : 0);
}

function sleep(ms: number, stop: { requested: boolean }): Promise<void> {
  return new Promise((done) => {
    const t0 = Date.now();
    const tick = setInterval(() => {
      if (stop.requested || Date.now() - t0 >= ms) (clearInterval(tick), done());
    }, Math.min(ms, 200));
  });
}

/** `rasd worker --status`: the queue and the workers, as a table or JSON. */
export async function workerStatusCommand(opts: { db: string; json: boolean }): Promise<number> {
  const store = await openQueue(opts.db, true);
  if (!store) return 1;
  try {
    const counts = await queueCounts(store);
    const workers = await workerRows(store);
    const articles = await store.count('articles');
    const recent = (await store.db.get<{ n: number }>("SELECT count(*) AS n FROM jobs WHERE state = 'done' AND done_at > now() - interval '1 minute'"))!.n;
    if (opts.json) {
      process.stdout.write(JSON.stringify({ db: shownDb(opts.db), queue: counts, perMinute: recent, articles, workers }) + '\n');
      return 0;
    }
    const total = counts.pending + counts.running + counts.done + counts.failed;
    const lines = [
      `queue in ${shownDb(opts.db)}: ${total.toLocaleString('en')} jobs — ${counts.done.toLocaleString('en')} done, ${counts.running} being stored, ${counts.pending.toLocaleString('en')} waiting, ${counts.failed} failed; ${recent.toLocaleString('en')} done in the last minute; ${articles.toLocaleString('en')} articles stored.`,
    ];
    const now = Date.now();
    for (const w of workers) {
      const ago = Math.round((now - new Date(w.seen_at).getTime()) / 1000);
      lines.push(`  ${w.name.padEnd(28)} ${w.state.padEnd(8)} ${String(w.done).padStart(9)} stored ${String(w.failed).padStart(6)} failed   last seen ${ago} s ago`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    await store.close();
  }
}
