#!/usr/bin/env node
// The stories gate: ingests each labelled pool of corpus articles into a fresh database, in corpus
// order, and scores the story clustering: pairwise precision and recall over all pairs of the
// pool, and B-cubed F1. Fails when a figure drops below its floor in quality/stories-floors.json.
// Two pools, labelled by hand by helpers who never saw rasd's output:
//   gold     quality/stories-gold.json     220 articles, six topics; the threshold was tuned on it;
//   heldout  quality/stories-heldout.json  237 articles, five other topics and days; never tuned on.
// The corpus text is never stored in the project: the pools name records by line number.
// Usage: node scripts/stories-gate.mjs [--set gold|heldout] [--threshold 0.35] [--verbose]
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = join(root, '..', 'shared', 'corpus', 'saudinewsnet-2015.jsonl.gz');
const allFloors = JSON.parse(readFileSync(join(root, 'quality', 'stories-floors.json'), 'utf8'));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const verbose = process.argv.includes('--verbose');

if (!existsSync(corpusFile)) {
  console.log(`stories gate: the corpus ${corpusFile} is missing; put the shared/ folder beside the project to run this gate. Skipped.`);
  process.exit(0);
}
const { Store } = await import(join(root, 'dist', 'store', 'sqlite.js'));
const { Ingester, DEFAULT_INGEST } = await import(join(root, 'dist', 'ingest', 'ingester.js'));
const { SqliteArticleStore } = await import(join(root, 'dist', 'store', 'store.js'));
const { DEFAULT_STORIES } = await import(join(root, 'dist', 'link', 'stories.js'));
const { lineToResult } = await import(join(root, 'dist', 'acquire', 'records.js'));

const sets = arg('--set') ? [arg('--set')] : ['gold', 'heldout'];
let failed = 0;
for (const set of sets) {
  if (!['gold', 'heldout'].includes(set)) throw new Error(`--set takes gold or heldout, not ${set}`);
  const gold = JSON.parse(readFileSync(join(root, 'quality', `stories-${set}.json`), 'utf8'));
  const t0 = Date.now();
  const goldOf = new Map();
  gold.clusters.forEach((c, i) => c.records.forEach((r) => goldOf.set(r, `c${i}`)));
  gold.singletons.forEach((r) => goldOf.set(r, `s${r}`));

  const dir = mkdtempSync(join(tmpdir(), 'rasd-stories-gate-'));
  const store = Store.open(join(dir, 'gate.db'));
  const threshold = arg('--threshold') ? Number(arg('--threshold')) : DEFAULT_STORIES.threshold;
  const ing = new Ingester(new SqliteArticleStore(store), { ...DEFAULT_INGEST, stories: { ...DEFAULT_STORIES, threshold } });
  const idOf = new Map();
  let n = 0;
  const rl = createInterface({ input: createReadStream(corpusFile).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    n++;
    if (!goldOf.has(n)) continue;
    const r = lineToResult(line, `corpus#${n}`, { encoding: 'utf-8', diagnostics: [] });
    if (!r?.ok) throw new Error(`record ${n} of the gold pool could not be read: ${r?.error}`);
    const out = await ing.add(r.input);
    idOf.set(n, out.id);
  }
  await ing.commit();
  const storyOf = new Map();
  const q = store.prep('SELECT story_id FROM articles WHERE id = ?');
  for (const [rec, id] of idOf) storyOf.set(rec, q.get(id).story_id);
  store.close();
  rmSync(dir, { recursive: true, force: true });

  // Pairwise precision and recall over every pair of the pool.
  const recs = [...goldOf.keys()].sort((a, b) => a - b);
  let tp = 0, fp = 0, fn = 0;
  const misses = [];
  for (let i = 0; i < recs.length; i++) {
    for (let j = i + 1; j < recs.length; j++) {
      const g = goldOf.get(recs[i]) === goldOf.get(recs[j]);
      const p = storyOf.get(recs[i]) === storyOf.get(recs[j]);
      if (g && p) tp++;
      else if (p) (fp++, misses.push(['FP', recs[i], recs[j]]));
      else if (g) (fn++, misses.push(['FN', recs[i], recs[j]]));
    }
  }
  // B-cubed: per article, the overlap of its predicted and its gold cluster.
  const members = (map, key) => recs.filter((r) => map.get(r) === key);
  let bp = 0, br = 0;
  for (const r of recs) {
    const pred = new Set(members(storyOf, storyOf.get(r)));
    const gl = members(goldOf, goldOf.get(r));
    const both = gl.filter((x) => pred.has(x)).length;
    bp += both / pred.size;
    br += both / gl.length;
  }
  bp /= recs.length;
  br /= recs.length;
  const figures = {
    pair_precision: tp / (tp + fp || 1),
    pair_recall: tp / (tp + fn || 1),
    bcubed_precision: bp,
    bcubed_recall: br,
    bcubed_f1: (2 * bp * br) / (bp + br || 1),
  };
  console.log(`stories gate, ${set} (${recs.length} labelled corpus articles, ${gold.clusters.length} stories, threshold ${threshold}):`);
  if (verbose) for (const m of misses.slice(0, 60)) console.log(`  ${m[0]} ${m[1]} ${m[2]}  gold ${goldOf.get(m[1])}/${goldOf.get(m[2])}  predicted ${storyOf.get(m[1])}/${storyOf.get(m[2])}`);
  for (const [k, v] of Object.entries(figures)) {
    const floor = allFloors[set]?.[k];
    const ok = floor === undefined || v >= floor;
    if (!ok) failed++;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${k.padEnd(17)} ${v.toFixed(3)}${floor !== undefined ? `  (floor ${floor})` : ''}`);
  }
  console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s; pairs: ${tp} right, ${fp} wrongly joined, ${fn} missed)`);
}
process.exit(failed ? 1 : 0);
