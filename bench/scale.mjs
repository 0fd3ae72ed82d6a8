#!/usr/bin/env node
// Benchmark at scale: a corpus resampled from the real articles (bench/corpus-gen.mjs), ingested
// into SQLite by `rasd ingest`, and into PostgreSQL by 1, 2 and 4 `rasd worker` processes sharing
// one queue; ingest rate, peak memory of each rasd process, and search latency (the 50 queries of
// bench/queries.mjs, in process) on what was stored. Prints figures; asserts nothing.
//
//   npm run bench:scale -- [--n 1000000] [--pg-n N] [--workers 1,2,4] [--pg postgres://…] [--keep DIR]
//                          [--probe SECS] [--sqlite-secs SECS] [--resume] [--pg-base STORE.db] [--skip-sqlite]
//
// --n: articles for SQLite (default 20,000); --pg-n: for each PostgreSQL run (default a quarter of
// --n); --pg (or RASD_BENCH_PG): a role that may create databases (the runs make and drop
// rasd_bench_* databases); without it the PostgreSQL runs are skipped. The generated corpus files
// are written to a temporary folder, or reused from --keep DIR. --probe: while SQLite ingests, every
// SECS seconds open the growing database read-only beside the writer and print how many articles it
// holds, the rate since the last probe and the search latency at that size (default 600; 0 = off).
// --sqlite-secs: stop the SQLite ingest after SECS seconds (SIGINT: rasd commits what it stored)
// and report the figures for what it reached. --resume (with --keep): continue the SQLite database
// a stopped run left in DIR instead of starting afresh; the rate is that of the articles this run
// stored (rasd ingest passes over those already stored).
//
// --pg-base STORE.db: the PostgreSQL runs start from a full store instead of an empty one. The
// SQLite store (e.g. the million the SQLite run made) is copied once into rasd_bench_base by
// `rasd copy` (timed; kept with --keep and reused by a later run), then each worker run enqueues
// --pg-n new articles (a corpus of their own: another seed, addresses after the base's) and its
// workers store them on top of what is there. --skip-sqlite: the PostgreSQL runs only.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, corpus, root } from './common.mjs';
import { QUERIES } from './queries.mjs';

if (!existsSync(corpus)) {
  console.log(`bench:scale: ${corpus} is not there; put the shared/ folder beside the project to run the benchmark.`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'cli', 'index.js'))) {
  console.error('bench:scale: build first (npm run build).');
  process.exit(1);
}
const N = arg('--n', 20_000);
const PG_N = arg('--pg-n', Math.ceil(N / 4));
const argOf = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const WORKERS = (argOf('--workers') ?? '1,2,4').split(',').map(Number);
const PG = argOf('--pg') ?? process.env.RASD_BENCH_PG ?? '';
const keep = argOf('--keep');
const PROBE_SECS = arg('--probe', 600);
const SQLITE_SECS = arg('--sqlite-secs', 0);
const RESUME = process.argv.includes('--resume');
const PG_BASE = argOf('--pg-base');
const SKIP_SQLITE = process.argv.includes('--skip-sqlite');
if (PG_BASE && !existsSync(PG_BASE)) {
  console.error(`bench:scale: --pg-base ${PG_BASE} does not exist.`);
  process.exit(2);
}
if (RESUME && !keep) {
  console.error('bench:scale: --resume continues the database of --keep DIR; give both.');
  process.exit(2);
}
const dir = keep ?? mkdtempSync(join(tmpdir(), 'rasd-bench-scale-'));
mkdirSync(dir, { recursive: true });
const rasd = join(root, 'bin', 'rasd.js');
const { write } = await import('./corpus-gen.mjs');

/** The generated corpus of n articles (made once, reused with --keep); `first`: see corpus-gen's generate. */
async function corpusOf(n, seed = 1, first = 0) {
  const file = join(dir, seed === 1 && first === 0 ? `generated-${n}.jsonl.gz` : `generated-${n}-seed${seed}-from${first}.jsonl.gz`);
  if (!existsSync(file)) {
    const t0 = Date.now();
    await write(file, n, { seed, first });
    console.log(`  generated ${n.toLocaleString('en')} articles in ${((Date.now() - t0) / 1000).toFixed(0)} s → ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
  }
  return file;
}

/** A rasd command under GNU time: its wall time, peak memory and output. */
function timed(args, onSpawn = () => {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, rasd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    onSpawn(child);
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.resume();
    child.on('exit', (status) => {
      resolve({ secs: Number(process.hrtime.bigint() - t0) / 1e9, rssMb: Number(/maxrss_kb=(\d+)/.exec(err)?.[1] ?? NaN) / 1024, status, err });
    });
  });
}

/** p50 / p95 of the fixed queries, one warm-up pass and `passes` timed ones. */
async function searchLatency(run, passes = 3) {
  for (const q of QUERIES) await run(q);
  const times = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const q of QUERIES) {
      const t0 = process.hrtime.bigint();
      await run(q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return `p50 ${pct(0.5).toFixed(1)} ms · p95 ${pct(0.95).toFixed(1)} ms · max ${times.at(-1).toFixed(1)} ms`;
}

const rows = [];
console.log(`rasd scale benchmark: SQLite ${N.toLocaleString('en')} articles; PostgreSQL ${PG ? `${PG_N.toLocaleString('en')} articles with ${WORKERS.join(', ')} workers` : 'skipped (no --pg / RASD_BENCH_PG)'}`);

// SQLite: one `rasd ingest`.
if (!SKIP_SQLITE) {
  const file = await corpusOf(N);
  const db = join(dir, `sqlite-${N}.db`);
  if (!RESUME) rmSync(db, { force: true });
  const { Store } = await import(join(root, 'dist', 'store', 'sqlite.js'));
  const { search } = await import(join(root, 'dist', 'store', 'search.js'));
  const count = (store) => store.db.prepare('SELECT count(*) AS n FROM articles').get().n;
  let before = 0;
  if (RESUME && existsSync(db)) {
    const upgrade = Store.open(db); // an older rasd's database is upgraded before the readers open it
    before = count(upgrade);
    upgrade.close();
    console.log(`  continuing ${db}: ${before.toLocaleString('en')} articles stored by earlier runs`);
  }
  let child;
  let stopTimer;
  let stopped = false;
  const probes = [];
  const t0 = Date.now();
  let last = { secs: 0, articles: before };
  const probe = async () => {
    if (!existsSync(db)) return;
    const store = Store.open(db, { readonly: true });
    try {
      const articles = count(store);
      const secs = (Date.now() - t0) / 1000;
      const latency = await searchLatency(async (q) => search(store, { limit: 10, ...q }), 1);
      const rate = (articles - last.articles) / (secs - last.secs);
      last = { secs, articles };
      probes.push(`${(secs / 60).toFixed(0).padStart(4)} min · ${articles.toLocaleString('en').padStart(9)} articles · ${rate.toFixed(1)} articles/s since the last probe · search ${latency}`);
      console.log(`  probe: ${probes.at(-1)}`);
    } catch (e) {
      console.log(`  probe failed: ${e.message}`);
    } finally {
      store.close();
    }
  };
  const probeTimer = PROBE_SECS > 0 ? setInterval(() => void probe(), PROBE_SECS * 1000) : null;
  const r = await timed(['ingest', file, '--db', db, '-q'], (c) => {
    child = c;
    if (SQLITE_SECS > 0) stopTimer = setTimeout(() => { stopped = true; process.kill(-child.pid, 'SIGINT'); }, SQLITE_SECS * 1000); // the group: time ignores SIGINT, rasd stops cleanly
  });
  if (probeTimer) clearInterval(probeTimer);
  clearTimeout(stopTimer);
  const probeStore = Store.open(db, { readonly: true });
  const inputs = count(probeStore);
  probeStore.close();
  const store = Store.open(db, { readonly: true });
  const latency = await searchLatency(async (q) => search(store, { limit: 10, ...q }));
  store.close();
  const size = statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);
  for (const p of probes) rows.push(`SQLite progress · ${p}`);
  const resumed = before ? ` (continued: ${(inputs - before).toLocaleString('en')} stored by this run)` : '';
  rows.push(`SQLite · rasd ingest · ${inputs.toLocaleString('en')} articles stored${resumed} in ${r.secs.toFixed(0)} s${stopped ? ` (stopped at --sqlite-secs, of ${N.toLocaleString('en')})` : ''} = ${((inputs - before) / r.secs).toFixed(1)} articles/s · peak ${r.rssMb.toFixed(0)} MB · database ${(size / 1e6).toFixed(0)} MB · search ${latency}${r.status && !stopped ? ` · exit ${r.status}` : ''}`);
  console.log(`  ${rows.at(-1)}`);
  if (!keep) rmSync(db, { force: true });
}

// PostgreSQL: W workers drain a queue, into a fresh database or on top of a copied store (--pg-base).
if (PG) {
  const postgres = (await import('postgres')).default;
  const { PgStore } = await import(join(root, 'dist', 'store', 'postgres.js'));
  const admin = postgres(PG, { max: 1, onnotice: () => {} });
  // FORCE ends the benchmark's own connections, but not an autovacuum worker of the server's: a
  // role that may not signal it waits for it to finish instead.
  const drop = async (name) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch (e) {
        if (e.code !== '42501' && e.code !== '55006') throw e;
        if (attempt >= 60) throw new Error(`bench:scale: could not drop ${name} after a minute: ${e.message}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  };
  const urlOf = (name) => {
    const url = new URL(PG);
    url.pathname = `/${name}`;
    return url.toString();
  };
  /** Enqueues a corpus into db, lets w workers drain it, and reports what they stored (on top of what was there). */
  /** The articles a database holds; 0 when it has no rasd tables yet. */
  const countArticles = async (db) => {
    const store = await PgStore.open(db, { readonly: true }).catch(() => null);
    if (!store) return 0;
    try {
      return await store.count('articles');
    } finally {
      await store.close();
    }
  };
  const workerRun = async (db, w, file, measure = true) => {
    const before = await countArticles(db);
    const q = await timed(['enqueue', file, '--db', db, '-q']);
    const runs = await Promise.all(Array.from({ length: w }, (_, i) => timed(['worker', '--db', db, '--drain', '--name', `bench-${w}-${i + 1}`, '--idle', '200ms', '-q'])));
    const secs = Math.max(...runs.map((r) => r.secs));
    const store = await PgStore.open(db, { readonly: true });
    const total = await store.count('articles');
    const stored = total - before;
    const latency = measure ? await searchLatency((q2) => store.search({ limit: 10, ...q2 })) : null;
    const size = await store.sizeBytes();
    await store.close();
    const failed = runs.filter((r) => r.status !== 0).length;
    const onTop = before ? ` on top of ${before.toLocaleString('en')}` : '';
    rows.push(`PostgreSQL · ${w} worker${w > 1 ? 's' : ''} · ${stored.toLocaleString('en')} articles${onTop} in ${secs.toFixed(0)} s = ${(stored / secs).toFixed(1)} articles/s (enqueue ${q.secs.toFixed(0)} s) · peak ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB per worker · database ${(size / 1e6).toFixed(0)} MB${latency ? ` · search at ${total.toLocaleString('en')}: ${latency}` : ''}${failed ? ` · ${failed} workers exited non-zero: ${runs.find((r) => r.status)?.err.slice(0, 300)}` : ''}`);
    console.log(`  ${rows.at(-1)}`);
  };
  if (PG_BASE) {
    // One database, copied from the store once; each run's workers add a corpus of their own to it.
    const name = 'rasd_bench_base';
    const db = urlOf(name);
    const [exists] = await admin.unsafe('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    const held = exists && keep ? await countArticles(db) : 0;
    if (held) console.log(`  reusing ${name}: ${held.toLocaleString('en')} articles`);
    else {
      await drop(name);
      await admin.unsafe(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
      const c = await timed(['copy', PG_BASE, db, '-q']);
      if (c.status !== 0) throw new Error(`bench:scale: rasd copy failed: ${c.err.slice(0, 500)}`);
      const store = await PgStore.open(db, { readonly: true });
      const copied = await store.count('articles');
      const latency = await searchLatency((q2) => store.search({ limit: 10, ...q2 }));
      const size = await store.sizeBytes();
      await store.close();
      rows.push(`PostgreSQL · rasd copy of ${PG_BASE} · ${copied.toLocaleString('en')} articles in ${c.secs.toFixed(0)} s = ${(copied / c.secs).toFixed(0)} articles/s · peak ${c.rssMb.toFixed(0)} MB · database ${(size / 1e6).toFixed(0)} MB · search ${latency}`);
      console.log(`  ${rows.at(-1)}`);
    }
    // The search is timed after the copy and after the last run: the runs between add too little to change it.
    for (const [k, w] of WORKERS.entries()) await workerRun(db, w, await corpusOf(PG_N, 2 + k, N + k * PG_N), k === WORKERS.length - 1);
    if (!keep) await drop(name);
  } else {
    // Enqueue once per run into a fresh database, then W workers drain the queue.
    const file = await corpusOf(PG_N);
    for (const w of WORKERS) {
      const name = `rasd_bench_w${w}`;
      await drop(name);
      await admin.unsafe(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
      await workerRun(urlOf(name), w, file);
      if (!keep) await drop(name);
    }
  }
  await admin.end();
}
if (!keep) rmSync(dir, { recursive: true, force: true });
console.log('\nsummary');
for (const r of rows) console.log(`  ${r}`);
