// A micro-benchmark that only prints: extractEvents on real articles from the shared corpus,
// after the pipeline has run (entities from the entity stage). Timing is never asserted
// (machines differ); skipped when the corpus is absent. Budget: 0.15 ms per 3 KB article.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'vitest';
import { analyzeInput } from '../../core/pipeline.js';
import type { ArticleDoc } from '../../core/types.js';
import { normalizeWithMap } from '../../lang/ar/normalize.js';
import { extractEvents } from './index.js';

const CORPUS = new URL('../../../../shared/corpus/saudinewsnet-2015.jsonl.gz', import.meta.url);

function articles(n: number): ArticleDoc[] {
  const lines = gunzipSync(readFileSync(CORPUS)).toString('utf8').split('\n', n);
  return lines.filter(Boolean).map((l, i) => {
    const r = JSON.parse(l) as { content: string; date_extracted: string };
    return analyzeInput({
      source: `corpus#${i + 1}`,
      kind: 'text',
      body: r.content,
      meta: { title: null, published: r.date_extracted.slice(0, 10), outlet: null, url: null, author: null },
      encoding: 'utf-8',
      diagnostics: [],
    });
  });
}

describe.skipIf(!existsSync(CORPUS))('extractEvents speed (prints only)', () => {
  it('reports microseconds per 3 KB of text', () => {
    const docs = articles(1500);
    const chars = docs.reduce((n, d) => n + d.text.length, 0);
    // In the pipeline the stage before has normalised the same text (normalizeWithMap keeps the
    // last one), so each pass times the stage's own cost with the text already normalised.
    const pass = (): { ms: number; found: number } => {
      let ms = 0;
      let found = 0;
      for (const d of docs) {
        normalizeWithMap(d.text);
        const t0 = performance.now();
        found += extractEvents(d).length;
        ms += performance.now() - t0;
      }
      return { ms, found };
    };
    const first = pass(); // the JIT still warming up, as for the first articles of a run
    pass();
    pass();
    const steady = [pass(), pass(), pass()].map((p) => p.ms).sort((a, b) => a - b)[1]!;
    const per3k = (ms: number): string => ((ms * 1000 * 3000) / chars).toFixed(1);
    console.log(
      `extractEvents: ${docs.length} articles, ${(chars / docs.length).toFixed(0)} chars avg, ${first.found} events; ` +
        `${per3k(steady)} µs per 3 KB warmed up (median of 3 passes), ${per3k(first.ms)} µs on the first pass (budget 150 µs)`,
    );
  }, 180_000);
});
