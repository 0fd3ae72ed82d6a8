// A micro-benchmark that only prints: findDates on real articles from the shared corpus.
// Timing is never asserted (machines differ); skipped when the corpus is absent.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'vitest';
import { normalizeWithMap } from '../../lang/ar/normalize.js';
import { findDates } from './index.js';

const CORPUS = new URL('../../../../shared/corpus/saudinewsnet-2015.jsonl.gz', import.meta.url);

function articles(n: number): string[] {
  const lines = gunzipSync(readFileSync(CORPUS)).toString('utf8').split('\n', n);
  return lines.filter(Boolean).map((l) => (JSON.parse(l) as { content: string }).content);
}

describe.skipIf(!existsSync(CORPUS))('findDates speed (prints only)', () => {
  it('reports microseconds per 3 KB of text', () => {
    const docs = articles(2000);
    const chars = docs.reduce((n, d) => n + d.length, 0);
    const norms = docs.map((d) => normalizeWithMap(d));
    const ctx = { published: '2015-08-01' };
    let found = 0;
    for (let i = 0; i < norms.length; i++) findDates(docs[i]!, ctx, norms[i]); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < norms.length; i++) found += findDates(docs[i]!, ctx, norms[i]).length;
    const t1 = performance.now();
    for (const d of docs) normalizeWithMap(d);
    const t2 = performance.now();
    const per3k = (ms: number): string => ((ms * 1000 * 3000) / chars).toFixed(1);
    console.log(
      `findDates: ${docs.length} articles, ${(chars / docs.length).toFixed(0)} chars avg, ${found} mentions; ` +
        `${per3k(t1 - t0)} µs per 3 KB (+ ${per3k(t2 - t1)} µs to normalise)`,
    );
  }, 60_000); // prints only; reading the corpus alone can take seconds on a loaded machine
});
