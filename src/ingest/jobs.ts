// Ingestion shared by several `rasd worker` processes, on one machine or many, through the jobs
// table of a PostgreSQL store. One job is one input as it was read (`rasd enqueue`), so workers
// need no access to the files.
//
// A worker claims a batch (FOR UPDATE SKIP LOCKED: two workers never claim the same job), which
// counts an attempt and leases the jobs for a while; it analyses them with no lock held; then,
// in one transaction, it locks its jobs again, checks that they are still its own, stores the
// articles under a store-wide lock (so that stories, entities and counts are updated as by one
// writer) and marks the jobs done. A worker that dies loses its transaction: its jobs' leases
// run out and another worker retries them. A job whose lease ran out while its worker was still
// busy belongs to whoever claimed it since; the first worker finds that out under the lock and
// leaves it. So every job is stored once, by one worker.
import { hostname } from 'node:os';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { RawInput } from '../core/types.js';
import type { PgStore } from '../store/postgres.js';
import { contentHash, Ingester, type IngestOptions, type Outcome, type Prepared } from './ingester.js';

/** Attempts after which a job that keeps killing its workers is given up, with a reason. */
export const MAX_ATTEMPTS = 3;
/** The key of the advisory lock under which workers store articles one batch at a time. */
const STORE_LOCK = 7304;
/** Jobs inserted per statement by enqueue. */
const ENQUEUE_ROWS = 200;

export interface Job {
  id: number;
  source: string;
  input: RawInput;
  attempts: number;
}

export interface QueueCounts {
  pending: number;
  /** Claimed by a worker whose lease has not run out. */
  running: number;
  done: number;
  failed: number;
}

export interface WorkerRow {
  name: string;
  host: string;
  pid: number;
  started_at: Date;
  seen_at: Date;
  done: number;
  failed: number;
  state: string;
}

export const packInput = (input: RawInput): Buffer => deflateRawSync(JSON.stringify(input));
export const unpackInput = (b: Buffer): RawInput => JSON.parse(inflateRawSync(b).toString('utf8')) as RawInput;

/** Adds inputs to the queue; an input already queued (same source, same content) is not added twice. */
export async function enqueue(store: PgStore, inputs: RawInput[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < inputs.length; i += ENQUEUE_ROWS) {
    const rows = inputs.slice(i, i + ENQUEUE_ROWS);
    const params = rows.flatMap((r) => [r.source, contentHash(r.body), packInput(r)]);
    added += await store.db.run(
      `INSERT INTO jobs (source, body_hash, payload) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')} ON CONFLICT (source, body_hash) DO NOTHING`,
      ...params,
    );
  }
  return added;
}

export async function queueCounts(store: PgStore): Promise<QueueCounts> {
  const r = await store.db.get<QueueCounts>(
    `SELECT count(*) FILTER (WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < now())) AS pending,
       count(*) FILTER (WHERE state = 'pending' AND lease_until >= now()) AS running,
       count(*) FILTER (WHERE state = 'done') AS done, count(*) FILTER (WHERE state = 'failed') AS failed
     FROM jobs`,
  );
  return r!;
}

export async function workerRows(store: PgStore): Promise<WorkerRow[]> {
  return store.db.all<WorkerRow>('SELECT name, host, pid, started_at, seen_at, done, failed, state FROM workers ORDER BY started_at, name');
}

export interface WorkerOptions {
  /** Jobs claimed at once: stored in one transaction. */
  batch: number;
  /** How long claimed jobs stay a worker's own before others may retry them. */
  leaseSeconds: number;
  ingest: IngestOptions;
  /** The worker's name in the workers table and in the jobs it claims. */
  name?: string;
  /** Called after every batch. */
  onBatch?: (w: Worker) => void;
  /** Tests only: wait this long after storing a batch, before committing it (to kill a worker mid-job). */
  pauseBeforeCommitMs?: number;
}

export class Worker {
  readonly name: string;
  readonly ing: Ingester;
  done = 0;
  failed = 0;
  /** Jobs this worker claimed but found taken over by another worker after its lease ran out. */
  lost = 0;
  private lastError = '';

  constructor(
    readonly store: PgStore,
    readonly opts: WorkerOptions,
  ) {
    this.name = opts.name ?? `${hostname()}:${process.pid}`;
    this.ing = new Ingester(store, opts.ingest);
    this.ing.onFail = (_source, error) => void (this.lastError = error);
  }

  async register(): Promise<void> {
    await this.heartbeat('running', true);
  }

  /** Claims, analyses and stores one batch; resolves to the number of jobs claimed (0: the queue is empty). */
  async step(): Promise<number> {
    const jobs = await this.claim();
    if (!jobs.length) return 0;
    const live: Job[] = [];
    for (const j of jobs) {
      if (j.attempts > MAX_ATTEMPTS) await this.giveUp(j);
      else live.push(j);
    }
    // The CPU-bound half, with no lock held: other workers store meanwhile.
    const prepared = [];
    for (const j of live) prepared.push(await this.ing.prepare(j.input).catch(() => undefined));
    if (live.length) await this.storeBatch(live, prepared);
    await this.heartbeat('running');
    this.opts.onBatch?.(this);
    return jobs.length;
  }

  async stop(state = 'stopped'): Promise<void> {
    await this.heartbeat(state);
  }

  /**
   * A job tried before (its worker died while holding it) is claimed alone, so that one article
   * that kills its workers is given up by itself and not with the batch it happened to be in;
   * fresh jobs are claimed a batch at a time.
   */
  private async claim(): Promise<Job[]> {
    const retried = await this.claimWhere('attempts > 0', 1);
    return retried.length ? retried : this.claimWhere('attempts = 0', this.opts.batch);
  }

  private async claimWhere(condition: string, limit: number): Promise<Job[]> {
    const rows = await this.store.db.all<{ id: number; source: string; payload: Buffer; attempts: number }>(
      `UPDATE jobs SET attempts = attempts + 1, worker = ?, lease_until = now() + make_interval(secs => ?)
       WHERE id IN (SELECT id FROM jobs WHERE state = 'pending' AND ${condition} AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
       RETURNING id, source, payload, attempts`,
      this.name, this.opts.leaseSeconds, limit,
    );
    return rows.sort((a, b) => a.id - b.id).map((r) => ({ id: r.id, source: r.source, input: unpackInput(r.payload), attempts: r.attempts }));
  }

  private async giveUp(j: Job): Promise<void> {
    const error = `${j.source}: a worker stopped while storing it ${MAX_ATTEMPTS} times (killed, or out of memory); it is not tried again. Ingest it alone with rasd ingest to see why.`;
    await this.store.db.run("UPDATE jobs SET state = 'failed', error = ?, lease_until = NULL, done_at = now() WHERE id = ? AND worker = ?", error, j.id, this.name);
    await this.store.recordFailure(j.source, error);
    this.failed++;
  }

  private async storeBatch(jobs: Job[], prepared: (Prepared | undefined)[]): Promise<void> {
    const db = this.store.db;
    await db.begin();
    try {
      const mine = new Set(
        (await db.all<{ id: number }>(
          `SELECT id FROM jobs WHERE id ${db.inList('int')} AND worker = ? AND state = 'pending' ORDER BY id FOR UPDATE`,
          db.list(jobs.map((j) => j.id)), this.name,
        )).map((r) => r.id),
      );
      await db.get('SELECT pg_advisory_xact_lock(?) AS locked', STORE_LOCK);
      let done = 0, failed = 0;
      for (const [i, j] of jobs.entries()) {
        if (!mine.has(j.id)) {
          this.lost++;
          continue;
        }
        this.lastError = '';
        const outcome: Outcome = await this.ing.add(j.input, prepared[i]);
        const ok = outcome.status !== 'failed';
        await db.run(
          "UPDATE jobs SET state = ?, article_id = ?, outcome = ?, error = ?, lease_until = NULL, done_at = now() WHERE id = ?",
          ok ? 'done' : 'failed', ok ? outcome.id : null, outcome.status, ok ? null : this.lastError || 'could not be stored', j.id,
        );
        if (ok) done++;
        else failed++;
      }
      if (this.opts.pauseBeforeCommitMs) {
        process.stderr.write(`worker ${this.name}: batch of ${jobs.map((j) => j.id).join(',')} stored, committing\n`);
        await new Promise((r) => setTimeout(r, this.opts.pauseBeforeCommitMs));
      }
      await db.exec('COMMIT');
      this.done += done;
      this.failed += failed;
    } catch (e) {
      await db.exec('ROLLBACK').catch(() => {});
      throw e;
    }
  }

  private async heartbeat(state: string, first = false): Promise<void> {
    await this.store.db.run(
      `INSERT INTO workers (name, host, pid, started_at, seen_at, done, failed, state) VALUES (?, ?, ?, now(), now(), ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET seen_at = now(), done = excluded.done, failed = excluded.failed, state = excluded.state
         ${first ? ', started_at = now(), host = excluded.host, pid = excluded.pid' : ''}`,
      this.name, hostname(), process.pid, this.done, this.failed, state,
    );
  }
}
