#!/usr/bin/env node
// The crash loop: rasd is killed again and again while it stores a fixed set of articles, and
// after every run the store is checked: nothing that was committed is lost, nothing is stored
// twice, and the store passes its integrity checks (src/store/integrity.ts).
//
//   node scripts/crash-loop.mjs [--runs 50] [--store sqlite|pg|both] [--pg URL] [--seed N]
//                               [--articles 300] [--max-delay 8] [--workers 3] [--no-corpus] [--json] [--keep]
//
// SQLite: `rasd ingest` of the input folder, killed at a random moment (SIGKILL mostly; also
// SIGTERM, a double Ctrl-C, a kill while it is still opening or migrating the database, and two
// ingest processes racing on one file). PostgreSQL (--pg, else RASD_TEST_PG: a role that may
// create databases; a throw-away database is made per round and dropped at the end): the input is
// queued with `rasd enqueue` (itself killed now and then), then several `rasd worker` processes
// are killed at random moments, one of them sometimes while its transaction is open (it pauses
// before COMMIT: RASD_WORKER_TEST_PAUSE_MS).
//
// Before each kill the committed articles are read from another connection; after the run every
// one of them must still be there. A run that ends on its own has stored the whole input: that
// round is checked for every input stored exactly once and the next round starts on an empty
// store. After the last run a final uninterrupted run completes the input and is checked the
// same way. Delays come from a seeded generator (the seed is printed; --seed repeats the
// choices, not the machine's timing). Exit status 1 on any loss, duplicate, failed check or
// process that failed on its own.
//
// Input: articles spread over ../shared/corpus when it is there (real articles, with their real
// duplicates), else articles made of the sentences of the repository's examples and fixtures;
// plus those example and fixture files themselves (text, HTML, UTF-16, windows-1256, gzip, JSON).
// Needs the build (dist/).
import { spawn } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RASD = join(root, 'bin', 'rasd.js');
const CORPUS = join(root, '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');
/** Records in the corpus (its README): the stride that spreads a sample over all of it. */
const CORPUS_RECORDS = 30_999;
/** How long a process asked to stop (SIGTERM, Ctrl-C) may take before it counts as hung. */
const GRACE_MS = 60_000;
/** How long an unkilled run may take before it counts as hung. */
const RUN_CAP_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const o = { runs: 50, store: null, pg: process.env.RASD_TEST_PG ?? '', seed: null, articles: 300, maxDelay: 8, workers: 3, json: false, keep: false, corpus: true };
  const num = (name, v, min) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) usage(`${name} takes a number of at least ${min} (got ${v ?? 'nothing'}).`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--runs') o.runs = Math.round(num(a, v(), 1));
    else if (a === '--store') o.store = v();
    else if (a === '--pg') o.pg = v() ?? '';
    else if (a === '--seed') o.seed = Math.round(num(a, v(), 0));
    else if (a === '--articles') o.articles = Math.round(num(a, v(), 1));
    else if (a === '--max-delay') o.maxDelay = num(a, v(), 0.5);
    else if (a === '--workers') o.workers = Math.round(num(a, v(), 1));
    else if (a === '--json') o.json = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--no-corpus') o.corpus = false;
    else if (a === '-h' || a === '--help') usage('', 0);
    else usage(`unknown argument ${a}.`);
  }
  o.store ??= o.pg ? 'both' : 'sqlite';
  if (!['sqlite', 'pg', 'both'].includes(o.store)) usage(`--store takes sqlite, pg or both (got ${o.store}).`);
  if (o.store !== 'sqlite' && !/^postgres(ql)?:\/\//.test(o.pg)) {
    usage('the PostgreSQL loop needs a server: pass --pg postgres://user:password@127.0.0.1/postgres (a role that may create databases) or set RASD_TEST_PG.');
  }
  o.seed ??= Date.now() % 2 ** 31;
  return o;
}

function usage(problem, status = 2) {
  if (problem) process.stderr.write(`crash-loop: ${problem}\n`);
  process.stderr.write('usage: node scripts/crash-loop.mjs [--runs 50] [--store sqlite|pg|both] [--pg URL] [--seed N] [--articles 300] [--max-delay 8] [--workers 3] [--no-corpus] [--json] [--keep]\n');
  process.exit(status);
}

/** mulberry32: a small seeded generator, so that a run's choices can be repeated. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    pick: (weights) => {
      const total = Object.values(weights).reduce((s, w) => s + w, 0);
      let r = next() * total;
      for (const [k, w] of Object.entries(weights)) if ((r -= w) < 0) return k;
      return Object.keys(weights)[0];
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// The input and what storing it must give

async function loadDist() {
  const need = join(root, 'dist', 'store', 'integrity.js');
  if (!existsSync(need)) {
    process.stderr.write('crash-loop: the build is missing or older than this script (dist/store/integrity.js); run npx tsc -p tsconfig.json first.\n');
    process.exit(1);
  }
  const at = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const [acquire, sources, ingester, integrity, sqlite, store, schema, postgres, reanalyze] = await Promise.all([
    at('acquire/index.js'), at('ingest/sources.js'), at('ingest/ingester.js'), at('store/integrity.js'),
    at('store/sqlite.js'), at('store/store.js'), at('store/schema.js'), at('store/postgres.js'), at('ingest/reanalyze.js'),
  ]);
  return { acquire, sources, ingester, integrity, sqlite, store, schema, postgres, reanalyze };
}

/** Reads every input under `dir` as `rasd ingest` does. */
async function readInputs(dist, dir) {
  const inputs = [], failed = [];
  for await (const t of dist.sources.expandTargets([dir], () => {})) {
    for await (const r of dist.acquire.readSources([t.path])) (r.ok ? inputs : failed).push(r.ok ? r.input : { source: r.source, path: t.path });
  }
  return { inputs, failed };
}

/** Fills `dir` with the input; returns what it is made of. */
async function makeInput(dist, dir, articles, useCorpus, log) {
  const files = join(dir, 'files');
  mkdirSync(files, { recursive: true });
  for (const folder of ['examples', join('fixtures', 'inputs')]) {
    for (const name of readdirSync(join(root, folder))) {
      if (!name.endsWith('.expected.json')) copyFileSync(join(root, folder, name), join(files, `${folder.replace(/\W/g, '-')}-${name}`));
    }
  }
  // Files holding anything rasd refuses (the empty fixture, a broken record) would make every run report a failure.
  for (const f of (await readInputs(dist, files)).failed) if (existsSync(f.path)) unlinkSync(f.path);
  const { inputs } = await readInputs(dist, files);
  let made;
  if (useCorpus && existsSync(CORPUS)) {
    const stride = Math.max(1, Math.floor(CORPUS_RECORDS / articles));
    const lines = [];
    let i = 0;
    for await (const line of createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity })) {
      if (i++ % stride === 0 && line.trim()) lines.push(line);
      if (lines.length >= articles) break;
    }
    // Records rasd refuses (an empty "content") are left out: #N is line N.
    const corpus = join(dir, 'corpus.jsonl');
    writeFileSync(corpus, lines.join('\n') + '\n');
    const refused = new Set((await readInputs(dist, corpus)).failed.map((f) => Number(/#(\d+)$/.exec(f.source)?.[1])));
    const kept = lines.filter((_, i) => !refused.has(i + 1));
    writeFileSync(corpus, kept.join('\n') + '\n');
    made = `${kept.length} articles sampled from ${CORPUS} (one in ${stride}; ${refused.size} without text left out)`;
  } else {
    writeFileSync(join(dir, 'synthetic.jsonl'), synthetic(inputs, articles).join('\n') + '\n');
    made = `${articles} articles made of the sentences of the examples and fixtures (${useCorpus ? `${CORPUS} is not there` : '--no-corpus'})`;
  }
  const left = (await readInputs(dist, dir)).failed;
  if (left.length) throw new Error(`the input still holds what rasd refuses: ${left.map((f) => f.source).join(', ')}`);
  log(`input: ${made}, and ${inputs.length} example and fixture articles`);
}

/** Articles of 4-7 sentences drawn from the fixtures' sentences: many distinct articles from a few real ones. */
function synthetic(inputs, n) {
  const pool = [...new Set(inputs.flatMap((x) => x.body.split(/(?<=[.!؟])\s+|\n+/)).map((s) => s.trim()).filter((s) => s.length > 40))];
  const rnd = random(7);
  const outlets = ['wire-a', 'wire-b', 'wire-c'];
  const out = [];
  for (let i = 0; i < n; i++) {
    const k = 4 + Math.floor(rnd.next() * 4);
    const picked = new Set();
    while (picked.size < Math.min(k, pool.length)) picked.add(pool[Math.floor(rnd.next() * pool.length)]);
    const body = [...picked].join('\n\n');
    const day = new Date(Date.UTC(2024, 0, 1 + (i % 60))).toISOString().slice(0, 10);
    out.push(JSON.stringify({ title: body.slice(0, 60), content: body, date: day, source: outlets[i % 3], url: `https://crash-loop.invalid/article/${i + 1}` }));
  }
  return out;
}

/** The (identity, content hash) of every input: each must end up stored exactly once. */
async function expectedPairs(dist, dir) {
  const { inputs } = await readInputs(dist, dir);
  const pairs = new Set(), jobs = new Set();
  for (const input of inputs) {
    const hash = dist.ingester.contentHash(input.body);
    pairs.add(`${dist.ingester.identity(input, hash)}\t${hash}`);
    jobs.add(`${input.source}\t${hash}`);
  }
  return { pairs, jobs: jobs.size, inputs: inputs.length };
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Processes still running: killed when the loop itself stops, so that none outlives it. */
const live = new Set();
/** Removed when the loop ends, however it ends (unless --keep). */
let workDir = null;
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

function start(args, env = {}) {
  const child = spawn(process.execPath, [RASD, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  child.on('exit', () => live.delete(child));
  const p = { child, err: '', done: false, code: null, signal: null, sent: [], listeners: [] };
  child.stderr.on('data', (d) => {
    p.err = (p.err + d.toString()).slice(-4000);
    for (const l of p.listeners) l(p.err);
  });
  p.exit = new Promise((res) => child.on('exit', (code, signal) => {
    Object.assign(p, { done: true, code, signal });
    res(p);
  }));
  return p;
}

/** Sends a signal to a process still running; records it. */
function signal(p, sig) {
  if (p.done) return false;
  p.child.kill(sig);
  p.sent.push(sig);
  return true;
}

/** Waits for a process; one that overstays (`ms`) is killed and reported as hung. */
async function settle(p, ms, fig, what) {
  const t = setTimeout(() => {
    if (signal(p, 'SIGKILL')) fail(fig, `${what} did not exit within ${ms / 1000} s after ${p.sent.slice(0, -1).join(', ') || 'starting'}; killed. Its last output:\n${p.err}`);
  }, ms);
  await p.exit;
  clearTimeout(t);
  return p;
}

/** Whether a process ended as its signals allow; anything else (an error of its own) is a failure. */
function checkExit(p, fig, what, { finished = [0], stopped = [] }) {
  if (p.signal && p.sent.includes(p.signal)) return;
  const allowed = p.sent.length ? [...stopped, ...finished] : finished;
  if (allowed.includes(p.code)) return;
  fig.unexpectedExits++;
  fail(fig, `${what} exited with ${p.signal ?? p.code} after ${p.sent.join(', ') || 'no signal'}: ${p.err.trim().split('\n').slice(-3).join(' | ')}`);
}

function fail(fig, message) {
  fig.failures.push(message);
  log(`  FAIL ${message}`);
}

/** Waits until the file exists (true), or the process ends first (false). */
async function fileAppears(path, p) {
  while (!existsSync(path)) {
    if (p.done) return false;
    await sleep(2);
  }
  return true;
}

/** Waits until `p` prints something matching `re` (resolves true), or ends (false). */
function waitForOutput(p, re) {
  return new Promise((res) => {
    if (re.test(p.err)) return res(true);
    p.listeners.push((err) => re.test(err) && res(true));
    p.exit.then(() => res(re.test(p.err)));
  });
}

// ---------------------------------------------------------------------------------------------
// Reading and checking the store

/** A store the loop reads: its committed rows, and its integrity. */
function sqliteTarget(dist, path) {
  return {
    name: path,
    db: path,
    async rows() {
      if (!existsSync(path)) return new Map();
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(path, { readonly: true });
      try {
        db.pragma('busy_timeout = 10000');
        const has = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'articles'").get();
        return has ? pairsOf(db.prepare('SELECT id, key, content_hash FROM articles').all()) : new Map();
      } finally {
        db.close();
      }
    },
    /** Articles whose analysis is out of date (learned boilerplate not yet applied): what rasd reanalyze would redo. */
    async stale() {
      const store = new dist.store.SqliteArticleStore(dist.sqlite.Store.open(path, { readonly: true }));
      try {
        const ing = new dist.ingester.Ingester(store, { ...dist.ingester.DEFAULT_INGEST, learnMin: await store.learnMin(undefined) });
        return (await dist.reanalyze.staleIds(ing)).length;
      } finally {
        await store.close();
      }
    },
    async check() {
      if (!existsSync(path)) return null;
      const { default: Database } = await import('better-sqlite3');
      const raw = new Database(path, { readonly: true });
      const version = raw.pragma('user_version', { simple: true });
      // Killed while it migrated: each migration is a transaction, so the file must still be sound.
      if (version < dist.schema.SCHEMA_VERSION) {
        const ok = raw.pragma('integrity_check').map((r) => r.integrity_check);
        raw.close();
        return { ok: ok.join() === 'ok', problems: ok.join() === 'ok' ? [] : [{ check: `SQLite integrity_check at schema ${version}`, count: ok.length, examples: ok.slice(0, 3) }], figures: { articles: 0 }, migrating: version };
      }
      raw.close();
      const store = new dist.store.SqliteArticleStore(dist.sqlite.Store.open(path, { readonly: true }));
      try {
        return await dist.integrity.checkStore(store);
      } finally {
        await store.close();
      }
    },
  };
}

function pgTarget(dist, url, sql) {
  return {
    name: dist.postgres.safeLocation(url),
    db: url,
    async rows() {
      const [t] = await sql`SELECT to_regclass('articles') IS NOT NULL AS present`;
      return t.present ? pairsOf(await sql`SELECT id, key, content_hash FROM articles`) : new Map();
    },
    async check() {
      const [t] = await sql`SELECT to_regclass('meta') IS NOT NULL AS present`;
      if (!t.present) return null;
      const store = await dist.postgres.PgStore.open(url, { readonly: true });
      try {
        return await dist.integrity.checkStore(store);
      } finally {
        await store.close();
      }
    },
  };
}

const pairsOf = (rows) => new Map(rows.map((r) => [Number(r.id), `${r.key}\t${r.content_hash}`]));

/**
 * After a run: every article committed before (or seen just before a kill) is still there with
 * the same identity and content, and the store passes its checks.
 */
async function verify(dist, target, round, fig) {
  const rows = await target.rows();
  let lost = 0;
  for (const [id, pair] of round.committed) {
    if (rows.get(id) !== pair) {
      lost++;
      if (lost <= 3) fail(fig, `article ${id} (${pair.replace('\t', ', ')}) was committed and is now ${rows.has(id) ? 'changed' : 'missing'} in ${target.name}`);
    }
  }
  fig.losses += lost;
  let stray = 0;
  for (const [id, pair] of rows) if (!round.expected.pairs.has(pair) && ++stray <= 3) fail(fig, `article ${id} (${pair.replace('\t', ', ')}) in ${target.name} is none of the inputs`);
  const report = await target.check();
  if (report && !report.ok) {
    fig.integrityFailures++;
    for (const p of report.problems) fail(fig, `${target.name}: ${p.count} × ${p.check}: ${p.examples.join(' ')}`);
    fig.duplicates += dist.integrity.duplicatesIn(report);
  }
  if (report?.migrating !== undefined) {
    fig.midMigration++;
    log(`  the database was left at schema version ${report.migrating} of ${dist.schema.SCHEMA_VERSION}: ${report.ok ? 'sound' : 'DAMAGED'}`);
  }
  round.committed = rows;
  return { rows, report };
}

/** Snapshot just before a kill: what another connection sees as committed must survive the kill. */
async function beforeKill(target, round) {
  try {
    for (const [id, pair] of await target.rows()) round.committed.set(id, pair);
  } catch {
    // the database is being created; nothing is committed yet
  }
}

/** A round is over: every input article is stored exactly once, and nothing else is. */
function verifyComplete(target, round, rows, fig, when) {
  const count = new Map();
  for (const pair of rows.values()) count.set(pair, (count.get(pair) ?? 0) + 1);
  let missing = 0, twice = 0;
  for (const pair of round.expected.pairs) {
    const n = count.get(pair) ?? 0;
    if (n === 0 && ++missing <= 3) fail(fig, `${when}: input ${pair.replace('\t', ', ')} is not stored in ${target.name}`);
    if (n > 1) twice += n - 1;
  }
  if (missing > 3) fail(fig, `${when}: ${missing} inputs are not stored in ${target.name}`);
  if (twice) fail(fig, `${when}: ${twice} input articles are stored more than once in ${target.name}`);
  fig.incomplete += missing;
  fig.duplicates += twice;
  fig.completed++;
  log(`  ${when}: ${rows.size} rows for ${round.expected.pairs.size} distinct inputs — ${missing} missing, ${twice} stored twice`);
}

/**
 * After a complete SQLite round: articles left with an out-of-date analysis. Not a loss (rasd
 * reanalyze redoes them from the stored raw text) but counted: an uninterrupted ingest leaves none.
 */
async function countStale(target, fig, when) {
  const n = await target.stale();
  fig.staleAfterComplete += n;
  if (n) log(`  NOTE ${when}: ${n} articles keep an analysis made before their outlet's boilerplate was learned (rasd reanalyze would redo them)`);
}

// ---------------------------------------------------------------------------------------------
// SQLite: rasd ingest, killed

async function sqliteLoop(dist, o, rnd, inputDir, expected, work) {
  const fig = figures('sqlite');
  let round = null;
  const newRound = () => {
    fig.rounds++;
    const path = join(work, `round-${fig.rounds}.db`);
    return { path, target: sqliteTarget(dist, path), committed: new Map(), expected, runs: 0 };
  };
  const ingest = (round) => start(['ingest', inputDir, '--db', round.path, '-q']);
  for (let run = 1; run <= o.runs; run++) {
    round ??= newRound();
    // The first run of a round is killed within milliseconds of creating the database, while it
    // migrates it; later "early" runs are killed while rasd starts and opens it.
    const mode = round.runs++ === 0 ? 'migrating' : rnd.pick({ kill: 50, race: 20, early: 10, term: 10, 'ctrl-c twice': 10 });
    const delay = () => (mode === 'migrating' ? rnd.between(0, 0.03) : mode === 'early' ? rnd.between(0.05, 1.5) : rnd.between(0.2, o.maxDelay)) * 1000;
    const procs = mode === 'race' ? [ingest(round), ingest(round)] : [ingest(round)];
    const delays = procs.map(delay);
    const sig = mode === 'term' ? 'SIGTERM' : mode === 'ctrl-c twice' ? 'SIGINT' : 'SIGKILL';
    const from = mode === 'migrating' ? ' after the database file appeared' : '';
    log(`sqlite run ${run} (round ${fig.rounds}): ${mode}, ${sig} ${delays.map((d) => (d / 1000).toFixed(3)).join(' s and ')} s${from}`);
    await Promise.all(procs.map(async (p, i) => {
      if (mode === 'migrating' && !(await fileAppears(round.path, p))) return;
      if (await Promise.race([sleep(delays[i]).then(() => false), p.exit.then(() => true)])) return;
      await beforeKill(round.target, round);
      if (!signal(p, sig)) return;
      if (sig === 'SIGKILL') fig.kills++;
      else fig.graceful++;
      if (mode === 'ctrl-c twice') {
        await sleep(rnd.between(20, 400));
        signal(p, 'SIGINT'); // the second Ctrl-C exits at once, with the batch uncommitted
      }
    }));
    if (mode === 'race') fig.races++;
    await Promise.all(procs.map((p) => settle(p, p.sent.length ? GRACE_MS : RUN_CAP_MS, fig, 'rasd ingest')));
    // Interrupted on purpose, ingest exits 1 ("interrupted"), 130 on a second Ctrl-C.
    for (const p of procs) checkExit(p, fig, 'rasd ingest', { stopped: [1, 130] });
    const { rows } = await verify(dist, round.target, round, fig);
    fig.runs++;
    const finished = procs.some((p) => p.code === 0);
    log(`  ${rows.size} articles committed${finished ? '; the input is complete' : ''}`);
    if (finished) {
      verifyComplete(round.target, round, rows, fig, `round ${fig.rounds} complete`);
      await countStale(round.target, fig, `round ${fig.rounds}`);
      if (!o.keep) for (const f of [round.path, `${round.path}-wal`, `${round.path}-shm`]) rmSync(f, { force: true });
      round = null;
    }
  }
  // The final, uninterrupted run: completes the input (or, after a complete round, changes nothing).
  round ??= newRound();
  const p = ingest(round);
  await settle(p, RUN_CAP_MS, fig, 'the final rasd ingest');
  checkExit(p, fig, 'the final rasd ingest', {});
  const { rows } = await verify(dist, round.target, round, fig);
  verifyComplete(round.target, round, rows, fig, 'final run');
  await countStale(round.target, fig, 'final run');
  fig.articles = expected.pairs.size;
  fig.stored = rows.size;
  return fig;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: rasd enqueue, then rasd worker processes, killed

async function pgLoop(dist, o, rnd, inputDir, expected) {
  const { default: postgres } = await import('postgres');
  const fig = figures('postgres');
  const admin = postgres(o.pg, { max: 1, onnotice: () => {} });
  const made = [];
  let round = null;
  const newRound = async () => {
    fig.rounds++;
    const name = `rasd_crashloop_${process.pid}_${fig.rounds}`;
    await admin.unsafe(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
    made.push(name);
    const u = new URL(o.pg);
    u.pathname = `/${name}`;
    const url = u.toString();
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const r = { url, sql, target: pgTarget(dist, url, sql), committed: new Map(), expected, runs: 0 };
    await enqueueAll(r);
    return r;
  };
  // Enqueue, sometimes killed half-way, then again to the end: no job is queued twice.
  const enqueueAll = async (r) => {
    if (rnd.next() < 0.5) {
      const delay = rnd.between(0.05, 2) * 1000;
      const p = start(['enqueue', inputDir, '--db', r.url, '-q']);
      await Promise.race([sleep(delay), p.exit]);
      if (signal(p, 'SIGKILL')) fig.kills++;
      await settle(p, GRACE_MS, fig, 'rasd enqueue');
      checkExit(p, fig, 'rasd enqueue', {});
      log(`postgres round ${fig.rounds}: rasd enqueue ${p.sent.length ? `killed after ${(delay / 1000).toFixed(2)} s` : 'finished before its kill'}`);
    }
    const p = start(['enqueue', inputDir, '--db', r.url, '-q']);
    await settle(p, RUN_CAP_MS, fig, 'rasd enqueue');
    checkExit(p, fig, 'rasd enqueue', {});
    const [{ n }] = await r.sql`SELECT count(*)::int AS n FROM jobs`;
    if (n !== expected.jobs) fail(fig, `rasd enqueue queued ${n} jobs for ${expected.jobs} distinct inputs`);
  };
  const worker = (r, name, env) => start(['worker', '--db', r.url, '--batch', '4', '--lease', '3s', '--idle', '200ms', '--drain', '--name', name, '-q'], env);
  /** Jobs given up after their workers were killed MAX_ATTEMPTS times are stored by a plain ingest, as the message tells a user. */
  const finishGivenUp = async (r) => {
    const [{ n }] = await r.sql`SELECT count(*)::int AS n FROM jobs WHERE state = 'failed'`;
    if (!n) return;
    fig.givenUp += n;
    log(`  ${n} jobs were given up (their workers stopped while storing them too often); storing them with rasd ingest`);
    const p = start(['ingest', inputDir, '--db', r.url, '-q']);
    await settle(p, RUN_CAP_MS, fig, 'rasd ingest (given-up jobs)');
    checkExit(p, fig, 'rasd ingest (given-up jobs)', {});
  };
  try {
    for (let run = 1; run <= o.runs; run++) {
      round ??= await newRound();
      round.runs++;
      // Now and then one worker is killed while its batch's transaction is open (it pauses before COMMIT).
      const openTxn = rnd.next() < 0.3;
      const procs = [], plans = [];
      for (let w = 0; w < o.workers; w++) {
        const pausing = openTxn && w === 0;
        const sig = pausing ? 'SIGKILL' : rnd.pick({ SIGKILL: 80, SIGTERM: 20 });
        const delay = rnd.between(0.2, o.maxDelay) * 1000;
        procs.push(worker(round, `crash-${fig.rounds}-${run}-${w}`, pausing ? { RASD_WORKER_TEST_PAUSE_MS: '1500' } : {}));
        plans.push({ sig, delay, pausing });
      }
      log(`postgres run ${run} (round ${fig.rounds}): ${o.workers} workers; ${plans.map((p) => (p.pausing ? 'SIGKILL with its transaction open' : `${p.sig} after ${(p.delay / 1000).toFixed(2)} s`)).join(', ')}`);
      await Promise.all(procs.map(async (p, i) => {
        const plan = plans[i];
        const due = plan.pausing ? waitForOutput(p, /stored, committing/) : sleep(plan.delay).then(() => true);
        if (!(await Promise.race([due, p.exit.then(() => false)]))) return;
        await beforeKill(round.target, round);
        if (!signal(p, plan.sig)) return;
        if (plan.sig === 'SIGKILL') fig.kills++;
        else fig.graceful++;
        if (plan.pausing) fig.openTransactionKills++;
      }));
      await Promise.all(procs.map((p) => settle(p, p.sent.length ? GRACE_MS : RUN_CAP_MS, fig, 'rasd worker')));
      // A worker asked to stop finishes its batch and exits 130.
      for (const p of procs) checkExit(p, fig, 'rasd worker', { stopped: [130] });
      const { rows } = await verify(dist, round.target, round, fig);
      fig.runs++;
      const [q] = await round.sql`SELECT count(*) FILTER (WHERE state = 'pending')::int AS pending, count(*) FILTER (WHERE state = 'failed')::int AS failed FROM jobs`;
      log(`  ${rows.size} articles committed; ${q.pending} jobs pending, ${q.failed} given up`);
      if (q.pending === 0) {
        await finishGivenUp(round);
        const { rows: all } = await verify(dist, round.target, round, fig);
        verifyComplete(round.target, round, all, fig, `round ${fig.rounds} complete`);
        await round.sql.end();
        round = null;
      }
    }
    // The final, uninterrupted run: workers drain the queue, then given-up jobs are ingested.
    round ??= await newRound();
    const finals = Array.from({ length: o.workers }, (_, w) => worker(round, `final-${w}`, {}));
    for (const p of finals) {
      await settle(p, RUN_CAP_MS, fig, 'a final rasd worker');
      checkExit(p, fig, 'a final rasd worker', {});
    }
    await verify(dist, round.target, round, fig);
    await finishGivenUp(round);
    const { rows } = await verify(dist, round.target, round, fig);
    verifyComplete(round.target, round, rows, fig, 'final run');
    fig.articles = expected.pairs.size;
    fig.stored = rows.size;
    await round.sql.end();
    return fig;
  } finally {
    if (!o.keep) for (const n of made) await admin.unsafe(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`).catch(() => {});
    else if (made.length) log(`kept the databases ${made.join(', ')}`);
    await admin.end();
  }
}

// ---------------------------------------------------------------------------------------------

function figures(store) {
  return {
    store, runs: 0, rounds: 0, kills: 0, graceful: 0, races: 0, openTransactionKills: 0, midMigration: 0, articles: 0, stored: 0,
    losses: 0, duplicates: 0, integrityFailures: 0, incomplete: 0, unexpectedExits: 0, givenUp: 0, completed: 0, staleAfterComplete: 0, seconds: 0, failures: [],
  };
}

function summary(f) {
  const extra = f.store === 'sqlite' ? `${f.races} races, ${f.midMigration} checks of a database not yet fully migrated, ${f.staleAfterComplete} stale analyses after complete rounds` : `${f.openTransactionKills} with a transaction open, ${f.givenUp} jobs given up and ingested`;
  return [
    `${f.store}: ${f.runs} runs in ${f.rounds} rounds, ${f.kills} kills (SIGKILL), ${f.graceful} graceful stops (SIGTERM/SIGINT), ${extra}; ${f.seconds.toFixed(0)} s`,
    `${f.store}: ${f.articles} distinct input articles, ${f.stored} stored at the end; losses ${f.losses}, duplicates ${f.duplicates}, integrity failures ${f.integrityFailures}, ` +
      `inputs missing after a complete run ${f.incomplete}, processes that failed on their own ${f.unexpectedExits}; ${f.failures.length ? `${f.failures.length} FAILURES` : 'OK'}`,
  ].join('\n');
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dist = await loadDist();
  const work = mkdtempSync(join(tmpdir(), 'rasd-crash-loop-'));
  if (!o.keep) workDir = work;
  const inputDir = join(work, 'input');
  log(`crash-loop: seed ${o.seed}, ${o.runs} runs per store (${o.store}), kills within ${o.maxDelay} s; working in ${work}`);
  const out = [];
  try {
    await makeInput(dist, inputDir, o.articles, o.corpus, log);
    const expected = await expectedPairs(dist, inputDir);
    log(`${expected.inputs} inputs, ${expected.pairs.size} distinct (identity, content) pairs`);
    const rnd = random(o.seed);
    for (const store of o.store === 'both' ? ['sqlite', 'pg'] : [o.store]) {
      const t0 = Date.now();
      const f = store === 'sqlite' ? await sqliteLoop(dist, o, rnd, inputDir, expected, work) : await pgLoop(dist, o, rnd, inputDir, expected);
      f.seconds = (Date.now() - t0) / 1000;
      out.push(f);
    }
  } finally {
    if (o.keep) log(`kept ${work}`);
  }
  process.stdout.write(out.map(summary).join('\n') + '\n');
  if (o.json) process.stdout.write(JSON.stringify({ seed: o.seed, stores: out }) + '\n');
  process.exitCode = out.some((f) => f.failures.length) ? 1 : 0;
}

main().catch((e) => {
  process.stderr.write(`crash-loop: ${e.stack ?? e}\n`);
  process.exit(1);
});
