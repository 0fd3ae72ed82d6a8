// The articles the store tests fill a store with, and how they read it back whole: shared by the
// store suite (the same bytes from every store) and the copy tests (the same bytes after a copy).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSources } from '../acquire/index.js';
import type { RawInput } from '../core/types.js';
import { exportLines, type ExportCounts, type ExportFormat, type ExportQuery } from '../export/index.js';
import { Ingester } from '../ingest/ingester.js';
import type { ArticleStore } from './store.js';

export const BODY = [
  'قال وزير الخارجية العراقي فؤاد حسين، اليوم الثلاثاء، إن "الحكومة ماضية في تنظيم العلاقة مع التحالف الدولي".',
  'وأضاف حسين في مؤتمر صحفي ببغداد أن اللجنة العسكرية العليا ستعقد اجتماعها المقبل الشهر المقبل لبحث جدول انسحاب القوات.',
  'من جهته، نفى المتحدث باسم التحالف وجود أي خطة لتقليص عدد المستشارين في قاعدة عين الأسد غربي الأنبار.',
].join('\n\n');

const EXAMPLES = resolve(import.meta.dirname, '..', '..', 'examples');
/** An event with no date in its sentence, in an article with no date: PLOVER has to leave it out. */
const UNDATED = 'أعلن الجيش السوري إسقاط ثلاث طائرات مسيرة حاولت استهداف مواقع عسكرية في ريف حماة الشمالي.\n\nوقال المتحدث العسكري إن "الدفاعات الجوية تصدت للطائرات قبل وصولها".';

/** The bundled examples, then articles from outlets whose names sort differently by language rules and by code point. */
export async function ingestMixed(store: ArticleStore): Promise<void> {
  const ing = new Ingester(store, { nearThreshold: 0.8, learnMin: 3, batchSize: 50 });
  const files = readdirSync(EXAMPLES).sort().map((f) => join(EXAMPLES, f));
  for await (const r of readSources(files)) {
    if (r.ok) await ing.add(r.input);
    else await ing.fail(r.source, r.error);
  }
  const dated = (outlet: string, day: string, body: string, url: string | null): RawInput => ({
    source: `/tmp/mixed.jsonl#${url ?? outlet}`, kind: 'json', body, encoding: 'utf-8', diagnostics: [],
    meta: { title: `خبر ${outlet}`, published: day, outlet, url, author: null },
  });
  await ing.add(dated('beta', '2024-03-12', BODY, 'https://b.example/1'));
  await ing.add(dated('Alpha', '2024-03-14', 'قال قائد العمليات المشتركة إن القوات الأمنية طاردت فلول داعش في صحراء الأنبار، وأكد أن «التنظيم» لم يعد يسيطر على أي أرض.', 'https://a.example/2'));
  await ing.add(dated('alpha', '2024-03-13', 'قال محافظ البصرة أسعد العيداني إن "العمل في مشروع الماء سينتهي قريبا"، مؤكدا أن الحكومة المحلية وفرت التمويل الكامل.', 'https://a.example/3'));
  await ing.add(dated('beta', '2024-03-15', BODY + '\n\nتحديث: أضيفت تفاصيل.', 'https://b.example/1?utm_source=feed')); // a copy: never exported
  await ing.add({ ...dated('Émile', '2024-03-12', UNDATED, null), meta: { title: null, published: null, outlet: 'Émile', url: null, author: null }, source: '/tmp/undated.txt' });
  await ing.commit();
  // The one thing two ingests cannot share is the moment they ran (ACLED's timestamp column).
  await store.db.run('UPDATE articles SET ingested_at = ?', '2024-03-16T08:00:00.000Z');
}

/** Each filter of `rasd search`, alone and combined. */
export const SELECTIONS: Record<string, ExportQuery> = {
  all: { text: '' },
  word: { text: 'العراق' },
  phrase: { text: '"ريف حماة"' },
  prefix: { text: 'المستشار*' },
  exclude: { text: 'العراق -الأمن' },
  or: { text: 'حماة OR ربيعة' },
  outlet: { text: '', outlet: 'ALPHA' },
  days: { text: '', from: '2023-06-01', to: '2024-03-13' },
  speaker: { text: '', speaker: 'بلاسخارت' },
  entity: { text: 'السوري', entity: 'حماة' },
  none: { text: 'لاشيءيطابقهذا' },
};

export async function exportAll(store: ArticleStore, format: ExportFormat, q: ExportQuery): Promise<{ text: string; counts: ExportCounts }> {
  const counts: ExportCounts = { articles: 0, records: 0, undated: 0 };
  let text = '';
  for await (const line of exportLines(store, format, q, counts)) text += line;
  return { text, counts };
}

