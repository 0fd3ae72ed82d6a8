// The store checker (integrity.ts) on every store: a store that ingestion filled passes, and each
// kind of damage a half-done write could leave is named, with the rows that show it.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../cli/commands/check.js';
import type { RawInput } from '../core/types.js';
import { Ingester } from '../ingest/ingester.js';
import { checkStore, duplicatesIn } from './integrity.js';
import type { ArticleStore } from './store.js';
import { backends } from './testing.js';

const PARAGRAPHS = [
  'قال وزير الخارجية العراقي فؤاد حسين، اليوم الثلاثاء، إن "الحكومة ماضية في تنظيم العلاقة مع التحالف الدولي".',
  'وأضاف حسين في مؤتمر صحفي ببغداد أن اللجنة العسكرية العليا ستعقد اجتماعها المقبل الشهر المقبل لبحث جدول انسحاب القوات.',
  'من جهته، نفى المتحدث باسم التحالف وجود أي خطة لتقليص عدد المستشارين في قاعدة عين الأسد غربي الأنبار.',
  'أعلنت قيادة العمليات المشتركة مقتل ثلاثة مسلحين في ضربة جوية استهدفت وكرا لهم في جبال حمرين شمال ديالى.',
];

function input(n: number, body: string, url: string): RawInput {
  return {
    source: `/tmp/integrity.jsonl#${n}`,
    kind: 'json',
    body,
    meta: { title: `خبر ${n}`, published: '2024-03-12', outlet: n % 2 ? 'example' : 'other', url, author: null },
    encoding: 'utf-8',
    diagnostics: [],
  };
}

for (const backend of backends()) {
  describe(`checking the ${backend.name} store`, () => {
    let store: ArticleStore;
    let target = '';
    const one = async (sql: string) => Number((await store.db.get<{ n: number }>(sql))!.n);

    beforeEach(async () => {
      ({ store, target } = await backend.fresh());
      const ing = new Ingester(store, { nearThreshold: 0.8, learnMin: 5, batchSize: 50 });
      await ing.add(input(1, PARAGRAPHS.join('\n\n'), 'https://example.com/1'));
      await ing.add(input(2, PARAGRAPHS.slice(2).join('\n\n'), 'https://example.com/2'));
      await ing.add(input(3, PARAGRAPHS.join('\n'), 'https://example.com/3')); // the same content: a duplicate
      await ing.commit();
    });
    afterEach(async () => {
      await store.close();
    });
    afterAll(() => backend.cleanup());

    it('passes a store that ingestion filled, and counts what it holds', async () => {
      const r = await checkStore(store);
      expect(r.problems).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.figures).toMatchObject({ articles: 3, originals: 2, duplicates: 1, searchRows: 2 });
      expect(r.figures['statements']).toBeGreaterThan(0);
    });

    it('names an article stored twice, and counts it among the duplicates', async () => {
      await store.db.run(
        `INSERT INTO articles (key, source, kind, encoding, meta, raw, text, content_hash, analysis, stages, ingested_at, analysed_at)
         SELECT key, source, kind, encoding, meta, raw, text, content_hash, analysis, stages, ingested_at, analysed_at FROM articles WHERE id = 1`,
      );
      const r = await checkStore(store);
      expect(r.ok).toBe(false);
      const named = r.problems.map((p) => p.check);
      expect(named).toContain('articles stored twice (the same identity with the same content)');
      expect(named).toContain('originals with the same content (one should be a duplicate of the other)');
      expect(named).toContain('originals missing from the search index');
      expect(duplicatesIn(r)).toBe(2);
      expect(r.problems[0]!.examples[0]).toMatch(/https:\/\/example\.com\/1/);
    });

    it('names half an article: a statement, a search row or a story count missing', async () => {
      const statements = await one('SELECT count(*) AS n FROM statements WHERE article_id = 1');
      expect(statements).toBeGreaterThan(0);
      await store.db.run('DELETE FROM statements WHERE article_id = 1 AND n = 0');
      await store.db.run(backend.name === 'sqlite' ? 'DELETE FROM search WHERE rowid = 2' : 'DELETE FROM search WHERE id = 2');
      await store.db.run('UPDATE stories SET articles = articles + 1');
      await store.db.run('INSERT INTO story_terms (term, day, article_id, weight) VALUES (?, ?, ?, ?)', 'x', '2024-03-12', 99, 1);
      const r = await checkStore(store);
      const byCheck = new Map(r.problems.map((p) => [p.check.replace(/ \(.*$/, ''), p]));
      expect([...byCheck.keys()]).toEqual(
        expect.arrayContaining([
          'originals whose statements count differs from their statements rows',
          'originals missing from the search index',
          'stories whose article or outlet count differs from their articles, or that have none',
          'story terms of an article that is not stored or is a duplicate',
        ]),
      );
      expect(byCheck.get('originals whose statements count differs from their statements rows')!.examples).toEqual([
        JSON.stringify({ id: 1, expected: statements, found: statements - 1 }),
      ]);
      expect(duplicatesIn(r)).toBe(0);
    });

    it('names an entity whose count disagrees with its mentions', async () => {
      await store.db.run('UPDATE entities SET articles = articles + 1 WHERE id = (SELECT min(id) FROM entities)');
      const r = await checkStore(store);
      expect(r.problems.map((p) => p.check)).toEqual(['entities whose article count differs from their mentions']);
    });

    it('rasd check says the store is consistent (exit 0), or names each problem (exit 1)', async () => {
      const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        expect(await checkCommand({ db: target, json: false })).toBe(0);
        expect(String(out.mock.calls.at(-1)![0])).toMatch(/is consistent \(3 articles, 2 originals, 2 searchRows, .*\); checked in/);
        expect(String(out.mock.calls.at(-1)![0])).not.toMatch(/:rasd@/); // a PostgreSQL password is never shown
        await store.db.run('UPDATE stories SET articles = articles + 1');
        expect(await checkCommand({ db: target, json: true })).toBe(1);
        const json = JSON.parse(String(out.mock.calls.at(-1)![0])) as { ok: boolean; problems: { check: string; count: number }[] };
        expect(json.ok).toBe(false);
        expect(json.problems[0]).toMatchObject({ check: 'stories whose article or outlet count differs from their articles, or that have none' });
        expect(await checkCommand({ db: target, json: false })).toBe(1);
        expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/× stories whose article or outlet count differs[\s\S]*check failed on/);
      } finally {
        out.mockRestore();
        err.mockRestore();
      }
    });

    it.runIf(backend.name === 'postgres')('checks the job queue against the articles', async () => {
      await store.db.run(
        `INSERT INTO jobs (source, body_hash, payload, state, article_id, outcome, done_at) VALUES
           ('/tmp/integrity.jsonl#1', 'a', '\\x00', 'done', 1, 'stored', now()),
           ('/tmp/elsewhere.jsonl#1', 'b', '\\x00', 'done', 1, 'stored', now()),
           ('/tmp/x.jsonl#9', 'c', '\\x00', 'done', 12345, 'stored', now()),
           ('/tmp/x.jsonl#10', 'd', '\\x00', 'pending', 2, NULL, NULL)`,
      );
      const r = await checkStore(store);
      expect(r.problems.map((p) => p.check).sort()).toEqual(
        [
          'articles stored by two jobs',
          "jobs that stored another input's article",
          'jobs done whose article is not stored',
          'jobs in an impossible state (done but leased or undated, pending with an article, failed without a reason)',
        ].sort(),
      );
      expect(duplicatesIn(r)).toBe(1);
      expect(r.figures).toMatchObject({ jobsDone: 3, jobsPending: 1 });
    });
  });
}
