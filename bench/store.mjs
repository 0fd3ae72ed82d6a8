#!/usr/bin/env node
// Benchmark: `rasd ingest` of the whole corpus into a fresh database (articles/s, peak memory,
// database size), then search latency (p50 / p95) over a fixed set of 50 queries. Memory is
// measured for a third of the corpus too: it must not grow with the corpus.
// Prints figures; asserts nothing. Usage: npm run bench:store [-- --n 10000]
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { arg, corpus, pinned, root, start } from './common.mjs';
import { QUERIES } from './queries.mjs';

start();
const N = arg('--n', Infinity);
const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-store-'));

/** The first n records of the corpus as a JSON Lines file (streamed, never held in memory). */
async function subset(n) {
  const file = join(dir, `corpus-${n}.jsonl`);
  const fd = openSync(file, 'w');
  let written = 0;
  const rl = createInterface({ input: createReadStream(corpus).pipe(createGunzip()) });
  for await (const line of rl) {
    if (!line.trim()) continue;
    writeSync(fd, line + '\n');
    if (++written >= n) break;
  }
  rl.close();
  closeSync(fd);
  return { file, records: written };
}

/** One `rasd ingest` run, timed, with the CLI's own peak memory from GNU time. */
function ingest(file, db) {
  const args = [join(root, 'bin', 'rasd.js'), 'ingest', file, '--db', db, '-q'];
  const time = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(time ? '/usr/bin/time' : process.execPath, time ? ['-f', 'maxrss_kb=%M', process.execPath, ...args] : args, { encoding: 'utf8' });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /([\d,]+) inputs? in/.exec(r.stderr);
  const summary = r.stderr.split('\n').filter((l) => /stored|inputs/.test(l)).join('\n    ');
  return { secs, inputs: m ? Number(m[1].replace(/,/g, '')) : NaN, rss: Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024, summary, status: r.status };
}

const third = await subset(Number.isFinite(N) ? Math.ceil(N / 3) : 10_000);
const whole = Number.isFinite(N) ? await subset(N) : { file: corpus, records: null };
const db = join(dir, 'bench.db');
const small = ingest(third.file, join(dir, 'third.db'));
const full = ingest(whole.file, db);
const size = statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

console.log(`rasd ingest benchmark${pinned ? ' (pinned to one core)' : ''}`);
console.log(`  ${whole.file === corpus ? 'whole corpus' : `${whole.records} records`} (${whole.file.replace(root + '/', '')}): ${full.inputs.toLocaleString('en')} inputs in ${full.secs.toFixed(1)} s = ${(full.inputs / full.secs).toFixed(0)} articles/s, peak memory ${full.rss.toFixed(0)} MB, exit ${full.status}`);
console.log(`    ${full.summary}`);
console.log(`  first ${third.records.toLocaleString('en')} records: ${(small.inputs / small.secs).toFixed(0)} articles/s, peak memory ${small.rss.toFixed(0)} MB (memory must not grow with the corpus)`);
console.log(`  database: ${(size / 1024 / 1024).toFixed(1)} MB (${(size / full.inputs / 1024).toFixed(1)} KB per input)`);

// Search: in process, on the database just built; one warm-up pass, then three timed passes.
const { Store } = await import(join(root, 'dist', 'store', 'sqlite.js'));
const { search } = await import(join(root, 'dist', 'store', 'search.js'));
const store = Store.open(db, { readonly: true });
const run = (q) => search(store, { limit: 10, ...q });
for (const q of QUERIES) run(q);
const times = [];
let hits = 0;
for (let pass = 0; pass < 3; pass++) {
  for (const q of QUERIES) {
    const t0 = process.hrtime.bigint();
    const r = run(q);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (pass === 0) hits += r.total;
  }
}
store.close();
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`rasd search: ${QUERIES.length} fixed queries (bench/queries.mjs) × 3, top 10 with snippets, in process`);
console.log(`  p50 ${pct(0.5).toFixed(1)} ms · p95 ${pct(0.95).toFixed(1)} ms · max ${times.at(-1).toFixed(1)} ms · ${hits.toLocaleString('en')} matching articles over the 50 queries`);
const t1 = process.hrtime.bigint();
spawnSync(process.execPath, [join(root, 'bin', 'rasd.js'), 'search', 'داعش', '--db', db], { stdio: 'ignore' });
console.log(`  one search from the command line, start-up included: ${(Number(process.hrtime.bigint() - t1) / 1e6).toFixed(0)} ms`);
rmSync(dir, { recursive: true, force: true });
