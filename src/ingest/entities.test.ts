import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawInput } from '../core/types.js';
import { findEntities, statementsOfEntities } from '../store/links.js';
import { Store } from '../store/sqlite.js';
import { SqliteArticleStore } from '../store/store.js';
import { groupReports } from '../link/statements.js';
import { Ingester } from './ingester.js';
import { reanalyze } from './reanalyze.js';

let n = 0;
function input(body: string, outlet: string, published = '2021-07-27'): RawInput {
  n++;
  return {
    source: `/tmp/e.jsonl#${n}`, kind: 'json', body, encoding: 'utf-8', diagnostics: [],
    meta: { title: `عنوان ${n}`, published, outlet, url: `https://${outlet}.example/a/${n}`, author: null },
  };
}

let dir: string;
let store: Store;
let ing: Ingester;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-entities-'));
  store = Store.open(join(dir, 'x.db'));
  ing = new Ingester(new SqliteArticleStore(store), { nearThreshold: 0.8, learnMin: 3, batchSize: 50 });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const kadhimi = (outlet: string, extra: string) =>
  input(
    [
      `قال رئيس الوزراء العراقي مصطفى الكاظمي، اليوم الثلاثاء، إن "العراق ماض في تنظيم العلاقة مع التحالف الدولي على أساس المصالح المشتركة".`,
      `وأضاف الكاظمي أن الحكومة ستواصل الحوار الاستراتيجي مع واشنطن. ${extra}`,
    ].join('\n\n'),
    outlet,
  );

describe('entity identity across articles', () => {
  it('makes one person of a full name and its surname in other articles, with every name it was written under', async () => {
    await ing.add(kadhimi('rudaw', 'وزار الكاظمي بغداد.'));
    await ing.add(input('أكد الكاظمي في تصريح صحفي أن "العراق لن يكون ساحة لتصفية الحسابات بين الدول".', 'nrt'));
    await ing.commit();
    const found = findEntities(store, 'الكاظمي', { limit: 10 });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'مصطفى الكاظمي', type: 'PER', articles: 2 });
    expect(findEntities(store, 'مصطفى الكاظمي', { limit: 10 }).map((e) => e.id)).toEqual([found[0]!.id]);
  });

  it('never merges two people who share a surname; a bare surname between them stays unresolved', async () => {
    await ing.add(input('قال وزير الخارجية العراقي فؤاد حسين إن "الحوار مع واشنطن مستمر".', 'rudaw', '2021-07-01'));
    await ing.add(input('قال النائب محمد حسين إن "البرلمان سيصوت على القانون الأسبوع المقبل".', 'nrt', '2021-07-20'));
    await ing.commit();
    const people = findEntities(store, 'حسين', { type: 'PER', limit: 10 });
    expect(people.map((e) => e.name).sort()).toEqual(['فؤاد حسين', 'محمد حسين']);
  });

  it('gives places their coordinates and one identity under several spellings', async () => {
    await ing.add(input('وصل وفد عسكري إلى بغداد اليوم لبحث الانسحاب.', 'rudaw'));
    await ing.add(input('عقد الاجتماع في العاصمة بغداد بحضور قادة التحالف.', 'nrt'));
    await ing.commit();
    const [baghdad, ...rest] = findEntities(store, 'بغداد', { limit: 10 });
    expect(rest).toHaveLength(0);
    expect(baghdad).toMatchObject({ type: 'GPE', articles: 2 });
    expect(baghdad!.lat).toBeCloseTo(33.3, 0);
  });
});

describe('statements across sources', () => {
  it('stores the same words reported by two outlets as one statement with both sources, and keeps it through reanalyze', async () => {
    const a = await ing.add(kadhimi('rudaw', ''));
    const b = await ing.add(input('قال رئيس الوزراء مصطفى الكاظمي إن "العراق ماض في تنظيم العلاقة مع التحالف الدولي".', 'nrt', '2021-07-28'));
    await ing.add(input('قال رئيس الوزراء مصطفى الكاظمي إن "الانتخابات ستجرى في موعدها المحدد في تشرين الأول".', 'nrt', '2021-07-28'));
    await ing.commit();
    const person = findEntities(store, 'مصطفى الكاظمي', { limit: 1 });
    const merged = groupReports(statementsOfEntities(store, person, { limit: 50 }).by);
    const relation = merged.find((m) => m.quote.includes('تنظيم العلاقة'))!;
    expect(relation.sources.map((s) => s.articleId).sort()).toEqual([a.id, b.id].sort());
    expect(merged.filter((m) => m.quote.includes('الانتخابات'))).toHaveLength(1);
    expect(new Set(relation.sources.map((s) => `${s.span}`)).size).toBe(relation.sources.length);
    // Reanalysing the first report keeps the statement whole.
    await reanalyze(ing, [a.id]);
    const again = groupReports(statementsOfEntities(store, person, { limit: 50 }).by).find((m) => m.quote.includes('تنظيم العلاقة'))!;
    expect(again.sources.map((s) => s.articleId).sort()).toEqual([a.id, b.id].sort());
    expect(findEntities(store, 'مصطفى الكاظمي', { limit: 1 })[0]!.articles).toBe(3);
  });
});

describe('a database linked before entity identities existed', () => {
  it('is migrated with its articles marked for reanalysis, which gives them identities and statement groups', async () => {
    const { MIGRATIONS } = await import('../store/schema.js');
    const { default: Database } = await import('better-sqlite3');
    const { staleIds } = await import('./reanalyze.js');
    // A schema-2 database holding one article as session 5 stored it.
    const path = join(dir, 'old.db');
    await ing.add(kadhimi('rudaw', ''));
    await ing.commit();
    const row = store.db.prepare('SELECT * FROM articles').get() as Record<string, unknown>;
    const raw = new Database(path);
    raw.exec(MIGRATIONS[0]!);
    raw.exec(MIGRATIONS[1]!);
    raw.pragma('user_version = 2');
    const cols = Object.keys(row).filter((c) => c !== 'story_id');
    raw.prepare(`INSERT INTO articles (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
    raw.close();
    const old = Store.open(path);
    try {
      const again = new Ingester(new SqliteArticleStore(old), { nearThreshold: 0.8, learnMin: 3, batchSize: 50 });
      const stale = await staleIds(again, {});
      expect(stale).toHaveLength(1);
      await reanalyze(again, stale);
      expect(findEntities(old, 'الكاظمي', { limit: 5 }).map((e) => e.name)).toEqual(['مصطفى الكاظمي']);
      expect(old.db.prepare('SELECT count(*) AS n FROM statements WHERE group_id IS NULL').get()).toEqual({ n: 0 });
    } finally {
      old.close();
    }
  });
});

describe('names and short forms', () => {
  it('meets a person\'s short name in the same story, never a person of another middle name, and is called by the name most articles use', async () => {
    const body = (name: string) => `قال وزير الداخلية ${name} إن "الأجهزة الأمنية أحبطت مخططا إرهابيا في العاصمة".`;
    await ing.add(input(body('سعد حسن الفهد'), 'a'));
    await ing.add(input(body('سعد بن الفهد'), 'b'));
    await ing.add(input(body('سعد بن الفهد'), 'c'));
    await ing.commit();
    const people = findEntities(store, 'الفهد', { type: 'PER', limit: 10 });
    expect(people.map((e) => e.name).sort()).toEqual(['سعد بن الفهد', 'سعد حسن الفهد']);
  });
});
