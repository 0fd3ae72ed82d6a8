// The store suite: one set of tests of what ingestion stores and how it is searched, run against
// every store (testing.ts): SQLite always, PostgreSQL when RASD_TEST_PG is set (always in CI).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawInput } from '../core/types.js';
import { ACLED_COLUMNS, exportLines, FORMATS, STATEMENT_COLUMNS, type ExportCounts, type ExportFormat } from '../export/index.js';
import { CURRENT_STAGES, Ingester } from '../ingest/ingester.js';
import { reanalyze, staleIds } from '../ingest/reanalyze.js';
import { unpack } from './sqlite.js';
import type { Stats } from './stats.js';
import type { ArticleStore } from './store.js';
import { BODY, exportAll, ingestMixed, SELECTIONS } from './suite-data.js';
import { backends } from './testing.js';


let n = 0;
function input(over: Partial<RawInput> & { body?: string; url?: string | null; outlet?: string | null } = {}): RawInput {
  n++;
  return {
    source: over.source ?? `/tmp/in.jsonl#${n}`,
    kind: 'json',
    body: over.body ?? BODY,
    meta: { title: 'عنوان', published: '2024-03-12', outlet: over.outlet === undefined ? 'example' : over.outlet, url: over.url === undefined ? `https://example.com/a/${n}` : over.url, author: null },
    encoding: 'utf-8',
    diagnostics: [],
  };
}

/** Four articles of one outlet, each with its banner line after it (learned once in three articles). */
const BANNER = 'إعداد مكتب الأخبار المحلية في الموقع';
const SITE_STORIES = [
  'قال محافظ البصرة أسعد العيداني إن "العمل في مشروع الماء سينتهي قريبا"، مؤكدا أن الحكومة المحلية وفرت التمويل الكامل.',
  'أعلنت قيادة العمليات المشتركة مقتل ثلاثة مسلحين في ضربة جوية استهدفت وكرا لهم في جبال حمرين شمال ديالى.',
  'أكد رئيس البرلمان أن جلسة التصويت على الموازنة ستعقد الأسبوع المقبل بعد انتهاء اللجنة المالية من مراجعة الجداول.',
  'نفت وزارة النفط الأنباء عن توقف التصدير من موانئ الجنوب، وقالت إن الكميات المصدرة لم تتغير منذ بداية الشهر.',
];

for (const backend of backends()) {
describe(`the ${backend.name} store`, () => {
let store: ArticleStore;
let ing: Ingester;
beforeEach(async () => {
  store = (await backend.fresh()).store;
  ing = new Ingester(store, { nearThreshold: 0.8, learnMin: 3, batchSize: 50 });
});
afterEach(async () => {
  await store.close();
});
afterAll(() => backend.cleanup());

/** Counts of what the store holds, read the same way on every store. */
async function counts() {
  const one = async (sql: string) => (await store.db.get<{ n: number }>(sql))!.n;
  return {
    articles: await one('SELECT count(*) AS n FROM articles'),
    originals: await one('SELECT count(*) AS n FROM articles WHERE duplicate_of IS NULL'),
    duplicates: Object.fromEntries(
      (await store.db.all<{ k: string; n: number }>('SELECT duplicate_kind AS k, count(*) AS n FROM articles WHERE duplicate_kind IS NOT NULL GROUP BY duplicate_kind')).map((r) => [r.k, r.n]),
    ),
    failures: await one('SELECT count(*) AS n FROM failures'),
  };
}
const search = (q: Parameters<ArticleStore['search']>[0]) => store.search(q);

describe('ingesting into the store', () => {
  it('stores an article with its analysis, searchable, and changes nothing when it comes again', async () => {
    const a = input({ url: 'https://example.com/a/1' });
    expect((await ing.add(a)).status).toBe('stored');
    expect((await ing.add({ ...a })).status).toBe('unchanged');
    await ing.commit();
    const row = (await store.db.get<{ text: string; analysis: Buffer; stages: string; statements: number }>('SELECT text, analysis, stages, statements FROM articles'))!;
    expect(row.stages).toBe(CURRENT_STAGES);
    expect(row.statements).toBeGreaterThan(0);
    const analysis = JSON.parse(unpack(row.analysis)) as { statements: { span: [number, number]; quote: string }[] };
    const s = analysis.statements[0]!;
    expect(row.text.slice(s.span[0], s.span[1])).toContain(s.quote.slice(0, 10));
    expect((await counts()).articles).toBe(1);
  });

  it('records copies as duplicates of the first: same URL, same content, near-duplicate', async () => {
    const first = await ing.add(input({ url: 'https://example.com/a/1' }));
    expect(first.status).toBe('stored');
    const id = (first as { id: number }).id;
    // The same page with tracking parameters and an edited last paragraph: same canonical URL.
    const url = await ing.add(input({ url: 'http://www.example.com/a/1?utm_source=x', body: BODY + '\n\nتحديث: أضيفت تفاصيل.' }));
    expect(url).toMatchObject({ status: 'duplicate', kind: 'url', of: id });
    // The same text under another URL, spaced differently.
    const content = await ing.add(input({ url: 'https://other.example/b', body: BODY.replace(/\n\n/g, '\n') }));
    expect(content).toMatchObject({ status: 'duplicate', kind: 'content', of: id });
    // The same story with one sentence changed.
    const near = await ing.add(input({ url: 'https://third.example/c', body: BODY.replace('غربي الأنبار', 'في محافظة الأنبار غرب العراق') }));
    expect(near).toMatchObject({ status: 'duplicate', kind: 'near', of: id });
    expect((near as { similarity: number }).similarity).toBeGreaterThan(0.8);
    await ing.commit();
    const s = await counts();
    expect(s).toMatchObject({ articles: 4, originals: 1, duplicates: { url: 1, content: 1, near: 1 } });
    // Duplicates keep their text but stay out of search results; the original lists where else the story ran.
    const r = await search({ text: 'التحالف', limit: 10 });
    expect(r.total).toBe(1);
    expect(r.hits[0]!.copies.map((c) => c.kind)).toEqual(['url', 'content', 'near']);
  });

  it('stores a rewritten file, or a page whose canonical link is the home page, as a new article', async () => {
    const other = 'أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في محافظات الجنوب، وقالت إن الوضع تحت السيطرة وإن المستشفيات مستعدة لاستقبال المرضى.';
    expect((await ing.add(input({ source: '/tmp/day.jsonl#1', url: null }))).status).toBe('stored');
    expect((await ing.add(input({ source: '/tmp/day.jsonl#1', url: null, body: other }))).status).toBe('stored');
    expect((await ing.add(input({ url: 'https://site.example/' }))).status).toBe('duplicate'); // same text as the first: a content copy
    expect(await ing.add(input({ url: 'https://site.example/', body: 'قال وزير الموارد المائية إن الخزين في سد الموصل يكفي للموسم الزراعي المقبل، وإن الوزارة أعدت خطة لتوزيع الحصص على المحافظات.' }))).toMatchObject({ status: 'stored' });
  });

  it('keeps a different story apart and a near-duplicate below the threshold separate', async () => {
    await ing.add(input());
    const other = await ing.add(input({ body: 'أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في محافظات الجنوب، وقالت إن الوضع تحت السيطرة وإن المستشفيات مستعدة.' }));
    expect(other.status).toBe('stored');
  });

  it('learns the lines an outlet repeats, drops them, and cleans the earlier articles again', async () => {
    const banner = BANNER;
    for (const s of SITE_STORIES) await ing.add(input({ outlet: 'site', body: `${s}\n\n${banner}` }));
    await ing.commit();
    expect(ing.grown.has('site')).toBe(true);
    // A run killed here, before cleaning again, leaves the outlet due for the next run.
    const nextRun = new Ingester(store, { nearThreshold: 0.8, learnMin: 3, batchSize: 50 });
    expect(await nextRun.cleanPending()).toEqual(['site']);
    const before = await store.db.all<{ text: string }>('SELECT text FROM articles ORDER BY id');
    expect(before[0]!.text).toContain(banner); // analysed before the line was known
    expect(before[3]!.text).not.toContain(banner); // the line was learned after three articles
    const stale = await staleIds(ing, { outlets: ing.grown });
    expect(stale.length).toBe(3);
    await reanalyze(ing, stale);
    const after = await store.db.all<{ text: string }>('SELECT text FROM articles');
    expect(after.every((r) => !r.text.includes(banner))).toBe(true);
    expect((await staleIds(ing))).toEqual([]);
    await nextRun.cleanDone();
    expect(await new Ingester(store, { nearThreshold: 0.8, learnMin: 3, batchSize: 50 }).cleanPending()).toEqual([]);
  });

  it('analyses an article again when its outlet learned lines after it was analysed (a worker prepares a batch first)', async () => {
    const banner = BANNER;
    const stories = SITE_STORIES.map((s) => input({ outlet: 'site', body: `${s}\n\n${banner}` }));
    // All four analysed before any is stored; storing the third teaches the banner.
    const prepared = [];
    for (const i of stories) prepared.push(await ing.prepare(i));
    for (const [k, i] of stories.entries()) await ing.add(i, prepared[k]);
    await ing.commit();
    const rows = await store.db.all<{ text: string; learned_applied: number }>('SELECT text, learned_applied FROM articles ORDER BY id');
    expect(rows[3]!.text).not.toContain(banner); // the banner it was analysed with is gone
    expect(rows[3]!.learned_applied).toBe(1);
    // What was applied matches the text, so cleaning again finds exactly the three earlier ones.
    expect((await staleIds(ing, { outlets: ing.grown })).length).toBe(3);
  });

  it('reanalyses articles made by other stage versions, and only those', async () => {
    await ing.add(input());
    await ing.add(input({ body: 'أعلنت وزارة الصحة تسجيل إصابات جديدة في محافظات الجنوب، وقالت إن الوضع تحت السيطرة.' }));
    await ing.commit();
    await store.db.run("UPDATE articles SET stages = 'clean@0' WHERE id = 1");
    expect((await staleIds(ing))).toEqual([1]);
    await reanalyze(ing, await staleIds(ing));
    expect((await staleIds(ing))).toEqual([]);
    expect((await staleIds(ing, { all: true }))).toEqual([1, 2]);
    expect((await search({ text: 'التحالف', limit: 10 })).total).toBe(1);
  });

  it('records failures with their reasons and clears them once the source is stored', async () => {
    await ing.fail('/tmp/in.jsonl#9', 'it was empty');
    await ing.commit();
    expect((await counts()).failures).toBe(1);
    await ing.add(input({ source: '/tmp/in.jsonl#9' }));
    await ing.commit();
    expect((await counts()).failures).toBe(0);
  });
});

describe('searching', () => {
  beforeEach(async () => {
    await ing.add(input({ outlet: 'alpha', url: 'https://a.example/1' }));
    await ing.add(input({ outlet: 'beta', url: 'https://b.example/2', body: 'قال قائد العمليات المشتركة إن القوات الأمنية طاردت فلول داعش في صحراء الأنبار، وأكد أن «التنظيم» لم يعد يسيطر على أي أرض.' }));
    await ing.commit();
  });

  it('finds words with or without clitics, hamza and taa marbuta, and highlights them', async () => {
    for (const q of ['الانبار', 'والأنبار', 'بالأنبار']) expect((await search({ text: q, limit: 10 })).total).toBe(2);
    const r = await search({ text: 'لداعش', limit: 10 });
    expect(r.total).toBe(1);
    const h = r.hits[0]!;
    expect(h.snippet.highlights.map(([a, b]) => h.text.slice(a, b))).toEqual(['داعش']);
  });

  it('supports phrases, prefixes, exclusion, OR and filters', async () => {
    expect((await search({ text: '"قاعدة عين الأسد"', limit: 10 })).total).toBe(1);
    expect((await search({ text: '"الأسد عين"', limit: 10 })).total).toBe(0);
    expect((await search({ text: 'المستشار*', limit: 10 })).total).toBe(1);
    expect((await search({ text: 'الأنبار -داعش', limit: 10 })).total).toBe(1);
    expect((await search({ text: 'داعش OR التحالف', limit: 10 })).total).toBe(2);
    expect((await search({ text: 'الأنبار', outlet: 'beta', limit: 10 })).total).toBe(1);
    expect((await search({ text: 'الأنبار', from: '2024-03-13', limit: 10 })).total).toBe(0);
    expect((await search({ text: '', speaker: 'حسين', limit: 10 })).total).toBe(1);
    expect((await search({ text: 'الأنبار', entity: 'عين الأسد', limit: 10 })).total).toBe(1);
  });

  it('finds an article whose words are split between its title and its text, but a phrase only within one of them', async () => {
    const split = input({ outlet: 'gamma', url: 'https://g.example/3', body: 'وصلت تعزيزات عسكرية جديدة إلى قضاء سنجار لتأمين الطرق الرئيسة والقرى المحيطة.' });
    await ing.add({ ...split, meta: { ...split.meta, title: 'الموصل تستعد' } });
    await ing.commit();
    expect((await search({ text: 'الموصل سنجار', limit: 10 })).total).toBe(1);
    expect((await search({ text: 'تعزيزات -الموصل', limit: 10 })).total).toBe(0);
    expect((await search({ text: '"الموصل تستعد"', limit: 10 })).total).toBe(1);
    expect((await search({ text: '"تستعد وصلت"', limit: 10 })).total).toBe(0);
  });

  it('filters the same whichever side selects fewer: the matches or the outlet and days', async () => {
    // الأنبار matches both articles and beta has one (its ids are looked up); داعش matches beta's only (its row is read).
    for (const text of ['الأنبار', 'داعش']) {
      const r = await search({ text, outlet: 'beta', from: '2024-03-12', to: '2024-03-12', limit: 10 });
      expect(r.total).toBe(1);
      expect(r.hits.map((h) => h.outlet)).toEqual(['beta']);
    }
    expect((await search({ text: 'الأنبار', outlet: 'BETA', to: '2024-03-11', limit: 10 })).total).toBe(0);
  });

  it('refuses a query that only excludes, or has no letters at all', async () => {
    await expect(search({ text: '-داعش', limit: 10 })).rejects.toThrow(/at least one word/);
    for (const q of ['"', '(', '*', 'OR', '-', '🙂', 'ـ']) await expect(search({ text: q, limit: 10 })).rejects.toThrow(/no letters or digits/);
  });

  it('binds OR tighter than the words around it', async () => {
    // داعش AND (حسين OR المستشارين): no article has both; read as (داعش AND حسين) OR المستشارين it would find one.
    expect((await search({ text: 'داعش حسين OR المستشارين', limit: 10 })).total).toBe(0);
    expect((await search({ text: 'الأنبار داعش OR التحالف', limit: 10 })).total).toBe(2);
  });
});

});
}

describe('what is learned as boilerplate', () => {
  it('learns labels and bylines, never a sentence an outlet repeats', async () => {
    const { learnableKeys, lineKey } = await import('../clean/learned.js');
    const keys = learnableKeys('عين اليوم – الرياض\n\nقال الوزير إن الخطة جاهزة للتنفيذ الآن.\n\nوقد صدر مرسوم ملكي بذلك.\n\nإلى اللقاء.');
    expect(keys).toContain(lineKey('عين اليوم – الرياض'));
    expect(keys).toContain(lineKey('إلى اللقاء.'));
    expect(keys).not.toContain(lineKey('وقد صدر مرسوم ملكي بذلك.'));
  });
});

// ── Exports and stats ───────────────────────────────────────────────────────────────────
// The same articles ingested into every store must export to the same bytes in every format and
// for every filter, and give the same stats (but for where the data is and how much room it takes).

type Exported = Record<string, { text: string; counts: ExportCounts }>;

describe('exports and stats on every store', () => {
  const exported = new Map<string, Exported>();
  const stats = new Map<string, Stats>();

  for (const backend of backends()) {
    it(`exports every format and selection, and counts what it holds, from ${backend.name}`, async () => {
      // PostgreSQL sorting by English rules, unlike SQLite: the lists must come out the same all the same.
      const { store } = await backend.fresh({ collation: 'en' });
      try {
        await ingestMixed(store);
        const out: Exported = {};
        for (const [name, q] of Object.entries(SELECTIONS)) for (const format of FORMATS) out[`${name}.${format}`] = await exportAll(store, format, q);
        exported.set(backend.name, out);
        stats.set(backend.name, await store.stats(CURRENT_STAGES));
        expect(store.db.inTransaction).toBe(false);

        // A reader that stops early (a closed pipe) lets the snapshot go: the store can be written again.
        const lines = exportLines(store, 'jsonl', { text: '' }, { articles: 0, records: 0, undated: 0 });
        expect((await lines.next()).done).toBe(false);
        await lines.return(undefined);
        expect(store.db.inTransaction).toBe(false);
        await store.setMeta('exported', 'yes');
        expect(await store.getMeta('exported')).toBe('yes');
      } finally {
        await store.close();
        await backend.cleanup();
      }
    }, 60_000);
  }

  it('writes what analysts\' tools read: a BOM and the codebooks\' names, originals only, undated first', () => {
    const out = exported.get('sqlite')!;
    const all = (f: ExportFormat) => out[`all.${f}`]!;
    const csv = all('csv').text;
    expect(csv.startsWith('\uFEFF' + STATEMENT_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(all('acled').text.startsWith('\uFEFF' + ACLED_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(all('csv').counts.records).toBeGreaterThan(10);

    const articles = all('jsonl').text.trim().split('\n').map((l) => JSON.parse(l) as { id: number; url: string | null; published: string | null; events: unknown[] });
    expect(all('acled').counts.records).toBe(articles.reduce((n, a) => n + a.events.length, 0)); // one row per event
    expect(articles).toHaveLength(8); // four examples, three more, the undated one; not the copy
    expect(articles.some((a) => a.url?.includes('utm_source'))).toBe(false);
    expect(articles[0]!.published).toBeNull();
    const days = articles.slice(1).map((a) => a.published!);
    expect(days).toEqual([...days].sort());

    const plover = all('plover');
    expect(plover.counts.undated).toBe(1);
    expect(plover.counts.records + plover.counts.undated).toBe(all('acled').counts.records); // every event but the undated one
    for (const line of plover.text.trim().split('\n')) {
      const r = JSON.parse(line) as Record<string, unknown>;
      for (const field of ['id', 'date', 'source', 'event', 'quad_code', 'mode', 'event_text', 'text_info', 'cite_info']) expect(r).toHaveProperty(field);
    }
    // The filters select as search does.
    expect(out['outlet.jsonl']!.counts.articles).toBe(2);
    expect(out['speaker.csv']!.counts.articles).toBe(1);
    expect(out['none.jsonl']!.text).toBe('');
    expect(out['none.csv']!.text).toBe('\uFEFF' + STATEMENT_COLUMNS.join(',') + '\r\n');

    // The most articles first, then by code point (capitals before small letters, Latin before Arabic).
    const s = stats.get('sqlite')!;
    expect(s.outlets.map((o) => o.outlet)).toEqual(['wire.example', '(none)', 'Alpha', 'alpha', 'beta', 'Émile', 'أخبار الرافدين']);
    expect(s).toMatchObject({ articles: 9, originals: 8, duplicates: { url: 1, content: 0, near: 0 }, outdated: 0, published: { undated: 1 } });
  });

  it.skipIf(backends().length < 2)('gives the same bytes and the same figures from PostgreSQL as from SQLite', () => {
    const lite = exported.get('sqlite')!, pg = exported.get('postgres')!;
    expect(Object.keys(pg)).toEqual(Object.keys(lite));
    for (const key of Object.keys(lite)) {
      expect(pg[key]!.counts, key).toEqual(lite[key]!.counts);
      expect(pg[key]!.text, key).toBe(lite[key]!.text);
    }
    // Where the data is, its size and its layout's version are each store's own.
    const same = ({ path: _p, sizeBytes: _b, schemaVersion: _v, ...rest }: Stats) => rest;
    expect(same(stats.get('postgres')!)).toEqual(same(stats.get('sqlite')!));
    expect(stats.get('postgres')!.sizeBytes).toBeGreaterThan(0);
  });
});
