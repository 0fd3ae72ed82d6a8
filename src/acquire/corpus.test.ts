// Robustness and speed on real articles: the shared SaudiNewsNet corpus (31k records, ~100 MB
// decompressed). It lives outside the repository and is never copied in; without it, skip.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSources } from './index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');
const present = existsSync(corpus);

describe.skipIf(!present)('shared corpus (../shared/corpus/saudinewsnet-2015.jsonl.gz)', () => {
  it('reads every record (354 have no text and say so), with a day from date_extracted, fast', async () => {
    const start = performance.now();
    let ok = 0;
    const failures: string[] = [];
    let dated = 0;
    for await (const r of readSources([corpus], { maxBytes: 200 * 1024 * 1024 })) {
      if (!r.ok) failures.push(r.error);
      else {
        ok++;
        if (r.input.meta.published) dated++;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(`corpus: ${ok} records in ${seconds.toFixed(2)} s (${Math.round(ok / seconds)} records/s), ${failures.length} failed`);
    expect(ok + failures.length).toBe(30999);
    expect(failures.filter((f) => !/has an empty "content" field/.test(f))).toEqual([]);
    expect(dated).toBe(ok);
    expect(ok / seconds).toBeGreaterThan(2000);
  }, 60_000);
});

if (!present) console.warn(`Skipping the corpus test: ${corpus} is absent (see ../shared/README.md).`);
