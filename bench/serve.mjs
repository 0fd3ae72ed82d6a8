#!/usr/bin/env node
// Benchmark: `rasd serve` under load on loopback, with wrk (Debian's `wrk` package): requests/s
// and latency (p50 / p95 / p99) of the search and statement routes over the ingested corpus.
// The server runs on CPU 0 and wrk on CPU 1, so the two do not share a core.
// Prints figures; asserts nothing.
// Usage: npm run bench:serve [-- --db corpus.db] [-- --seconds 10] [-- --connections 8]
//   --db: a database of the corpus already ingested (`rasd ingest ../shared/corpus --db …`);
//         without it the corpus is ingested into a temporary database first (several minutes).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, corpus, root, serverAddress, start } from './common.mjs';
import { QUERIES } from './queries.mjs';

if (spawnSync('wrk', ['--version']).error) {
  console.log('bench:serve: wrk is not installed (apt-get install wrk); nothing measured.');
  process.exit(0);
}
start();
const dbIndex = process.argv.indexOf('--db');
const SECONDS = arg('--seconds', 10);
const CONNECTIONS = arg('--connections', 8);
const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-serve-'));
const rasd = join(root, 'bin', 'rasd.js');

let db = dbIndex > 0 ? process.argv[dbIndex + 1] : null;
if (!db) {
  db = join(dir, 'corpus.db');
  console.log(`bench:serve: ingesting ${corpus} into a temporary database first…`);
  const r = spawnSync(process.execPath, [rasd, 'ingest', corpus, '--db', db, '-q'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(1);
}

const server = spawn(process.execPath, [rasd, 'serve', '--db', db, '--port', '0', '--quiet', '--rate-limit', 'off'], { stdio: ['ignore', 'ignore', 'pipe'] });
const base = await serverAddress(server);

// A connection per check: a kept-alive one may be closed by the server while wrk runs.
const fresh = { headers: { connection: 'close' } };
const get = async (path) => (await fetch(base + path, fresh)).json();
const health = await get('/api/health');
// Statements to open by number, and speakers to filter by, taken from the corpus itself.
const some = (await get('/api/statements?limit=100')).items;
const speakers = [...new Set(some.map((s) => s.speaker))].slice(0, 20);
const entities = (await get('/api/entities?limit=20')).items.map((e) => e.id);

const enc = encodeURIComponent;
const searchPath = (q) => {
  const p = new URLSearchParams({ q: q.text });
  for (const k of ['outlet', 'from', 'to', 'speaker', 'entity']) if (q[k]) p.set(k, q[k]);
  return `/api/search?${p}`;
};
const SCENARIOS = {
  'search (50 queries, with filters)': QUERIES.map(searchPath),
  'statements list (filters: speaker, stance, text, dates)': [
    '/api/statements', '/api/statements?stance=deny', '/api/statements?stance=commit&limit=50',
    ...speakers.map((s) => `/api/statements?speaker=${enc(s)}`),
    `/api/statements?q=${enc('الحوثي')}`, `/api/statements?q=${enc('إيران')}`, `/api/statements?q=${enc('أسعار النفط')}`,
    `/api/statements?from=${health.last_day}&to=${health.last_day}`, '/api/statements?offset=1000',
  ],
  'statement by number': some.map((s) => `/api/statements/${s.sources[0].statement}`),
  'entity page (the 20 most mentioned)': entities.map((id) => `/api/entities/${id}`),
  'contradictions of the last week (kept after the first)': ['/api/contradictions'],
};
// The first contradictions request computes the week; what it costs is reported apart.
const t0 = Date.now();
await get('/api/contradictions');
console.log(`  contradictions of the last week, first request (computed): ${((Date.now() - t0) / 1000).toFixed(1)} s`);

/** A wrk script that cycles through the paths and prints its figures as one JSON line. */
function script(paths) {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.lua`);
  writeFileSync(file, `
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format('{"requests":%d,"seconds":%f,"errors":%d,"status":%d,"p50":%f,"p95":%f,"p99":%f}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
`);
  return file;
}

console.log(`rasd serve on ${health.articles.toLocaleString('en')} articles, ${health.statements.toLocaleString('en')} statements · wrk, ${CONNECTIONS} connections, ${SECONDS} s per route, server on CPU 0, wrk on CPU 1`);
for (const [name, paths] of Object.entries(SCENARIOS)) {
  for (const p of paths) {
    const res = await fetch(base + p, fresh);
    if (res.status !== 200) console.log(`  warning: ${p} answers ${res.status}`);
  }
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--timeout', '10s', '-s', script(paths), base];
  const r = existsSync('/usr/bin/taskset') ? spawnSync('/usr/bin/taskset', ['-c', '1', 'wrk', ...args], { encoding: 'utf8' }) : spawnSync('wrk', args, { encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) {
    console.log(`  ${name}: wrk failed: ${r.stderr || r.stdout}`);
    continue;
  }
  const f = JSON.parse(line);
  console.log(`  ${name.padEnd(58)} ${(f.requests / f.seconds).toFixed(0).padStart(6)} req/s   p50 ${f.p50.toFixed(1)} ms   p95 ${f.p95.toFixed(1)} ms   p99 ${f.p99.toFixed(1)} ms   (${f.requests} requests, ${f.status} non-2xx, ${f.errors} socket errors)`);
}
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });
