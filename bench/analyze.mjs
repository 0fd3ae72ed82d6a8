#!/usr/bin/env node
// Benchmark: analyze throughput and peak memory over real articles from ../shared/corpus.
// Prints figures; asserts nothing. Usage: npm run bench [-- --n 2000]
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { arg, corpus, pinned, root, start } from './common.mjs';

start();
const N = arg('--n', Infinity);

const { analyzeInput } = await import(join(root, 'dist', 'core', 'pipeline.js'));
const { readSources } = await import(join(root, 'dist', 'acquire', 'index.js'));

// A subset file of N real articles (default: the whole corpus), so that reading is measured too.
// Written line by line, so that the benchmark itself holds no copy of the corpus in memory.
const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-'));
const file = join(dir, 'corpus.jsonl');
const fd = openSync(file, 'w');
let chars = 0, written = 0;
const rl = createInterface({ input: createReadStream(corpus).pipe(createGunzip()) });
for await (const line of rl) {
  if (!line.trim()) continue;
  writeSync(fd, line + '\n');
  chars += line.length;
  if (++written >= N) break;
}
rl.close();
closeSync(fd);
// The subset file may be larger than analyze's default per-file limit (20 MB) when --n is large.
const maxBytes = Math.max(20 * 1024 * 1024, statSync(file).size + 1);

// Warm up the JIT on a few articles, then measure one pass on one core.
let i = 0;
for await (const r of readSources([file], { maxBytes })) {
  if (r.ok) analyzeInput(r.input);
  if (++i >= 50) break;
}
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
let n = 0, statements = 0, failed = 0, firstThousand = 0;
for await (const r of readSources([file], { maxBytes })) {
  if (!r.ok) { failed++; continue; }
  const doc = analyzeInput(r.input);
  statements += doc.statements.length;
  if (++n === 1000) firstThousand = Number(process.hrtime.bigint() - t0) / 1e9;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const peak = process.resourceUsage().maxRSS / 1024;

console.log(`rasd analyze benchmark${pinned ? ' (pinned to one core)' : ''} — ${n} real articles (${(chars / 1e6).toFixed(1)} MB of JSON) from ${corpus.replace(root + '/', '')}`);
const cpuSecs = (cpu.user + cpu.system) / 1e6;
console.log(`in-process (read + analyze, one JS thread):  ${(n / secs).toFixed(0)} articles/s   ${(chars / 1e6 / secs).toFixed(2)} MB/s   ${(secs * 1000 / n).toFixed(2)} ms/article   (process CPU incl. GC threads: ${(cpuSecs / secs * 100).toFixed(0)}% of one core)`);
if (firstThousand) console.log(`  of which the first 1,000 articles (JIT still warming up): ${(1000 / firstThousand).toFixed(0)} articles/s`);
console.log(`  statements found: ${statements} (${(statements / n).toFixed(2)} per article), failed records: ${failed}`);
console.log(`  peak memory (RSS): ${peak.toFixed(0)} MB`);

// End to end: the CLI as a user runs it, output to /dev/null. GNU time, where installed, reports
// the CLI's own peak memory.
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const cliArgs = [join(root, 'bin', 'rasd.js'), 'analyze', '--jsonl', '--max-bytes', String(maxBytes), file];
const t1 = process.hrtime.bigint();
const cli = timeBin
  ? spawnSync(timeBin, ['-f', 'maxrss_kb=%M', process.execPath, ...cliArgs], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  : spawnSync(process.execPath, cliArgs, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
const s1 = Number(process.hrtime.bigint() - t1) / 1e9;
const cliRss = /maxrss_kb=(\d+)/.exec(cli.stderr ?? '')?.[1];
const refused = (cli.stderr ?? '').split('\n').filter((l) => l.startsWith('rasd:')).length;
console.log(`CLI end to end (rasd analyze --jsonl, incl. start-up and JSON output): ${(n / s1).toFixed(0)} articles/s in ${s1.toFixed(2)} s` +
  `${cliRss ? `, peak memory ${(Number(cliRss) / 1024).toFixed(0)} MB` : ''} (exit ${cli.status}${refused ? `: ${refused} records reported as errors` : ''})`);
const t2 = process.hrtime.bigint();
spawnSync(process.execPath, [join(root, 'bin', 'rasd.js'), '--help'], { stdio: 'ignore' });
console.log(`rasd --help start-up: ${(Number(process.hrtime.bigint() - t2) / 1e6).toFixed(0)} ms`);
rmSync(dir, { recursive: true, force: true });
