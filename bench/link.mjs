#!/usr/bin/env node
// Benchmark: the cost of linking one article (its story, its entities' identities, its statements
// and their groups) as the store grows, which must not grow with the corpus: mean ms per article
// over the first 1,000 articles, around the 10,000th, and over the last 1,000. Then `rasd contradictions` over every statement.
// Prints figures; asserts nothing. Usage: npm run bench:link
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { corpus, pinned, root, start } from './common.mjs';

start();
const { Store } = await import(join(root, 'dist', 'store', 'sqlite.js'));
const { Ingester, DEFAULT_INGEST } = await import(join(root, 'dist', 'ingest', 'ingester.js'));
const { SqliteArticleStore } = await import(join(root, 'dist', 'store', 'store.js'));
const { lineToResult } = await import(join(root, 'dist', 'acquire', 'records.js'));

const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-link-'));
const db = join(dir, 'link.db');
const store = Store.open(db);
const ing = new Ingester(new SqliteArticleStore(store), DEFAULT_INGEST);
// Time the two linking steps of every original article.
const times = [];
for (const name of ['assignStory', 'indexArticle']) {
  const original = ing.linker[name].bind(ing.linker);
  ing.linker[name] = async (...args) => {
    const t0 = process.hrtime.bigint();
    try {
      return await original(...args);
    } finally {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (name === 'assignStory') times.push(ms);
      else times[times.length - 1] += ms;
    }
  };
}
let n = 0;
for await (const line of createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity })) {
  const r = lineToResult(line, `corpus#${++n}`, { encoding: 'utf-8', diagnostics: [] });
  if (r?.ok) await ing.add(r.input);
}
await ing.commit();
const mean = (a, b) => times.slice(a, b).reduce((s, x) => s + x, 0) / (b - a);
const sorted = [...times].sort((a, b) => a - b);
console.log(`rasd linking benchmark${pinned ? ' (pinned to one core)' : ''}: ${times.length.toLocaleString('en')} original articles linked as they were stored`);
console.log(`  ms per article (story, entity identities, statements and their groups): first 1,000 ${mean(0, 1000).toFixed(2)} · articles 9,501-10,500 ${mean(9500, 10500).toFixed(2)} · last 1,000 ${mean(times.length - 1000, times.length).toFixed(2)} · median of all ${sorted[sorted.length >> 1].toFixed(2)} · p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(2)}`);
const stories = store.prep('SELECT count(*) AS n, sum(articles > 1) AS multi, max(articles) AS biggest FROM stories').get();
console.log(`  stories: ${stories.n.toLocaleString('en')} (${stories.multi.toLocaleString('en')} with 2 or more articles; the largest has ${stories.biggest})`);
store.close();
const t0 = process.hrtime.bigint();
const c = spawnSync(process.execPath, [join(root, 'bin', 'rasd.js'), 'contradictions', '--db', db, '--json', '-n', '1000000'], { encoding: 'utf8', maxBuffer: 1 << 30 });
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const out = c.status === 0 ? JSON.parse(c.stdout) : null;
console.log(`rasd contradictions over every statement of the corpus: ${secs.toFixed(1)} s${out ? `, ${out.contradictions.length} contradictions, ${out.denials.length} denials` : ` (exit ${c.status}: ${c.stderr.slice(0, 200)})`}`);
rmSync(dir, { recursive: true, force: true });
