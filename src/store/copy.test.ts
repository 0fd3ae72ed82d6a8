// rasd copy between every pair of stores: the copy exports the same bytes for every format and
// search filter (its search rows are made again, not copied), passes `rasd check`, counts the
// same, and goes on taking articles where the source left off.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../export/index.js';
import { CURRENT_STAGES, Ingester } from '../ingest/ingester.js';
import { copyField, copyStore, type CopyProgress } from './copy.js';
import { StoreError } from './errors.js';
import { checkStore } from './integrity.js';
import type { Stats } from './stats.js';
import type { ArticleStore } from './store.js';
import { BODY, exportAll, ingestMixed, SELECTIONS } from './suite-data.js';
import { backends } from './testing.js';

async function exportsOf(store: ArticleStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, q] of Object.entries(SELECTIONS)) for (const format of FORMATS) out[`${name}.${format}`] = (await exportAll(store, format, q)).text;
  return out;
}

const same = ({ path: _p, sizeBytes: _b, schemaVersion: _v, ...rest }: Stats) => rest;

const all = backends();
afterAll(async () => {
  for (const b of all) await b.cleanup();
});

for (const from of all) {
  for (const to of all) {
    describe(`rasd copy from ${from.name} to ${to.name}`, () => {
      it('copies everything: the same exports, stats and search results, a consistent store that goes on from where the source was', async () => {
        const { store: src } = await from.fresh();
        const { store: dst } = await to.fresh();
        try {
          await ingestMixed(src);
          const seen: CopyProgress[] = [];
          const figures = await copyStore(src, dst, (p) => seen.push(p));
          expect(figures['articles']).toBe(9);
          expect(figures['search']).toBe(8); // originals only
          expect(seen.at(-1)).toEqual({ table: 'search', done: 8, total: 8 });

          expect(await exportsOf(dst)).toEqual(await exportsOf(src));
          expect(same(await dst.stats(CURRENT_STAGES))).toEqual(same(await src.stats(CURRENT_STAGES)));
          for (const q of ['العراق', '"ريف حماة"', 'المستشار*']) {
            const [a, b] = [await src.search({ text: q, limit: 10 }), await dst.search({ text: q, limit: 10 })];
            expect(b.total, q).toBe(a.total);
            // Each engine ranks and cuts snippets its own way: between two of a kind, the same page; across, the same articles.
            if (from.name === to.name) expect(b.hits.map((h) => [h.id, h.snippet]), q).toEqual(a.hits.map((h) => [h.id, h.snippet]));
            else expect(b.hits.map((h) => h.id).sort(), q).toEqual(a.hits.map((h) => h.id).sort());
          }
          const check = await checkStore(dst);
          expect(check.problems).toEqual([]);

          // New articles take the next ids; a copied one read again is recognised, not stored twice.
          const before = (await dst.db.get<{ n: number }>('SELECT max(id) AS n FROM articles'))!.n;
          const ing = new Ingester(dst, { nearThreshold: 0.8, learnMin: 3, batchSize: 50 });
          await ing.add({
            source: '/tmp/after-copy.txt', kind: 'text', encoding: 'utf-8', diagnostics: [], body: 'أعلنت وزارة الدفاع تسلم قاعدة جديدة من قوات التحالف الدولي في محافظة الأنبار غربي العراق بعد انسحاب المستشارين منها.',
            meta: { title: 'تسلم قاعدة', published: '2024-04-01', outlet: 'later', url: 'https://later.example/1', author: null },
          });
          await ing.add({
            source: '/tmp/mixed.jsonl#https://b.example/1', kind: 'json', encoding: 'utf-8', diagnostics: [], body: BODY,
            meta: { title: 'خبر beta', published: '2024-03-12', outlet: 'beta', url: 'https://b.example/1', author: null },
          });
          await ing.commit();
          const after = await dst.db.all<{ id: number; statements: number }>('SELECT id, statements FROM articles WHERE id > ? ORDER BY id', before);
          expect(after.map((r) => r.id)).toEqual([before + 1]);
          expect((await dst.db.get<{ n: number }>('SELECT max(id) AS n FROM statements'))!.n).toBeGreaterThan(0);
          expect((await checkStore(dst)).problems).toEqual([]);
        } finally {
          await src.close();
          await dst.close();
        }
      }, 120_000);

      it('refuses a destination that already holds articles, and leaves it as it was', async () => {
        const { store: src } = await from.fresh();
        const { store: dst } = await to.fresh();
        try {
          await ingestMixed(src);
          await ingestMixed(dst);
          const before = await exportsOf(dst);
          await expect(copyStore(src, dst)).rejects.toThrow(StoreError);
          await expect(copyStore(src, dst)).rejects.toThrow(/already holds data .*Nothing was changed/);
          expect(await exportsOf(dst)).toEqual(before);
          expect(dst.db.inTransaction).toBe(false);
          expect(src.db.inTransaction).toBe(false);
        } finally {
          await src.close();
          await dst.close();
        }
      }, 60_000);
    });
  }
}

describe('COPY text fields', () => {
  it('escapes what COPY reads as syntax and writes bytes as hex', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField('\\N')).toBe('\\\\N'); // the two characters, not NULL
    expect(copyField(Buffer.from([0, 255]))).toBe('\\\\x00ff');
    expect(copyField(0.1 + 0.2)).toBe('0.30000000000000004');
  });
});

describe('rasd copy on the command line', () => {
  const root = resolve(import.meta.dirname, '..', '..');
  const rasd = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'rasd.js'), ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' } });

  it('copies a file, refuses a missing source, itself and a destination with data, each with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-copy-'));
    const src = join(dir, 'a.db');
    expect(rasd(['ingest', join(root, 'examples'), '--db', src, '-q']).status).toBe(0);

    const ok = rasd(['copy', src, join(dir, 'b.db')]);
    expect(ok.stderr).toMatch(/Copied .*a\.db to .*b\.db: 4 articles, \d+ statements, .* 4 search rows; in [\d.]+ s\./);
    expect(ok.status).toBe(0);
    expect(rasd(['check', '--db', join(dir, 'b.db')]).status).toBe(0);
    const search = (db: string) => rasd(['search', 'العراق', '--db', db, '--json']).stdout;
    expect(search(join(dir, 'b.db'))).toBe(search(src));

    const missing = rasd(['copy', join(dir, 'none.db'), join(dir, 'c.db')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/There is no rasd database at .*none\.db/);
    expect(existsSync(join(dir, 'c.db'))).toBe(false);

    const itself = rasd(['copy', src, src]);
    expect(itself.status).toBe(1);
    expect(itself.stderr).toMatch(/both the source and the destination/);

    const full = rasd(['copy', src, join(dir, 'b.db')]);
    expect(full.status).toBe(1);
    expect(full.stderr).toMatch(/already holds data .*Nothing was changed/);
    expect(existsSync(join(dir, 'b.db'))).toBe(true);
  }, 60_000);
});
