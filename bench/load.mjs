#!/usr/bin/env node
// Load test: `rasd serve` on loopback, with writes on, under a mix of good and bad requests at once
// (src/serve/loadgen.ts): valid reads, 404s, malformed parameters, over-long addresses, oversized
// bodies, unauthorised and authorised writes, slow clients (slowloris) and one client flooding.
// Each class sends from its own loopback address (127.0.0.x), so the rate limiter sees separate
// clients. Prints, per class: requests sent, status codes, latency p50 / p95 / max, errors and
// timeouts; then whether the server is still up (a health check after) and its peak RSS.
// The server runs on CPU 0 when taskset is there. Only loopback is ever contacted.
// Usage: npm run bench:load [-- --seconds 20]
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arg, root, serverAddress } from './common.mjs';

if (!existsSync(join(root, 'dist', 'serve', 'loadgen.js'))) {
  console.error('bench:load: build first (npm run build).');
  process.exit(1);
}
const { runLoad, standardMix, quantile } = await import('../dist/serve/loadgen.js');

const SECONDS = arg('--seconds', 20);
const MAX_BODY = 1024 * 1024;
const LIMITS = ['--headers-timeout', '3s', '--request-timeout', '10s', '--rate-limit', '50', '--rate-burst', '100', '--max-body-bytes', String(MAX_BODY)];
const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-load-'));
const rasd = join(root, 'bin', 'rasd.js');
const db = join(dir, 'rasd.db');
const r = spawnSync(process.execPath, [rasd, 'ingest', join(root, 'examples'), '--db', db, '-q'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (r.status !== 0) process.exit(1);

const token = `bench-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
const tokenFile = join(dir, 'token');
writeFileSync(tokenFile, `${token}\n`);
chmodSync(tokenFile, 0o600);

const args = [rasd, 'serve', '--db', db, '--port', '0', '--quiet', '--write-token-file', tokenFile, ...LIMITS];
const pinned = existsSync('/usr/bin/taskset');
const server = pinned
  ? spawn('/usr/bin/taskset', ['-c', '0', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
  : spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
let exited = null;
server.on('exit', (code, signal) => (exited = { code, signal }));
const base = await serverAddress(server);
const port = Number(new URL(base).port);

/** The server's memory: resident now and at its peak (taskset execs node, so the pid is the server's). */
const memory = () => {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
};
const before = memory();
const health0 = await (await fetch(`${base}/api/health`, { headers: { connection: 'close' } })).json();

console.log(`rasd serve (writes on) on ${health0.articles} articles · ${SECONDS} s of mixed load · server ${pinned ? 'on CPU 0' : 'unpinned'} · limits: ${LIMITS.join(' ')}`);
const started = performance.now();
const results = await runLoad({ port, seconds: SECONDS, classes: standardMix({ token, maxBodyBytes: MAX_BODY }), clientTimeoutMs: 20_000 });
const elapsed = (performance.now() - started) / 1000;

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)}` : '-');
console.log(`\n  ${'class'.padEnd(30)} ${'sent'.padStart(6)}  ${'statuses'.padEnd(26)} ${'unexpected'.padStart(10)}  ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  errors/timeouts`);
let total = 0, unexpected = 0;
for (const c of results) {
  const lat = [...c.latencies].sort((a, b) => a - b);
  const statuses = Object.entries(c.statuses).map(([k, v]) => `${k}:${v}`).join(' ');
  const errors = Object.entries(c.errors).map(([k, v]) => `${k}:${v}`).join(' ') || '0';
  total += c.sent;
  unexpected += c.unexpected;
  console.log(`  ${c.name.padEnd(30)} ${String(c.sent).padStart(6)}  ${statuses.padEnd(26)} ${String(c.unexpected).padStart(10)}  ${ms(quantile(lat, 0.5)).padStart(8)} ${ms(quantile(lat, 0.95)).padStart(8)} ${ms(lat.at(-1)).padStart(8)}  ${errors}`);
}
const after = memory();
let up = false, health = null;
try {
  const res = await fetch(`${base}/api/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(5000) });
  health = await res.json();
  up = res.status === 200 && health.ok === true;
} catch (e) {
  health = { error: e.message };
}
console.log(`\n  ${total} requests in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)}/s), ${unexpected} with an unexpected status`);
console.log(`  server up after the load: ${up ? 'yes' : 'NO'} (health: ${up ? `${health.articles} articles, ${health.articles - health0.articles} stored during the load` : JSON.stringify(health)}); exited during the load: ${exited ? JSON.stringify(exited) : 'no'}`);
console.log(`  server memory: RSS ${before.rss.toFixed(0)} MB before, ${after.rss.toFixed(0)} MB after, peak ${after.peak.toFixed(0)} MB`);

const t0 = performance.now();
server.kill('SIGTERM');
const code = await new Promise((done) => (exited ? done(exited.code) : server.on('exit', (c) => done(c))));
console.log(`  stopped on SIGTERM in ${((performance.now() - t0) / 1000).toFixed(1)} s, exit status ${code}`);
rmSync(dir, { recursive: true, force: true });
process.exitCode = up && unexpected === 0 ? 0 : 1;
