import { describe, expect, it } from 'vitest';
import { bandHashes, BANDS, estimate, fromBlob, jaccard, shingles, signature, toBlob } from './minhash.js';

const story = 'أعلنت وزارة الدفاع العراقية اليوم الثلاثاء أن قواتها استعادت السيطرة على ثلاث قرى جنوب الموصل بعد معارك مع مسلحي تنظيم داعش استمرت يومين وأسفرت عن مقتل عشرين مسلحا';

describe('MinHash and LSH', () => {
  it('gives the same story with a small edit a high estimate and shared bands', () => {
    const a = shingles(story);
    const b = shingles(story.replace('يومين', 'ثلاثة أيام'));
    const sa = signature(a)!, sb = signature(b)!;
    expect(jaccard(a, b)).toBeGreaterThan(0.7);
    expect(Math.abs(estimate(sa, sb) - jaccard(a, b))).toBeLessThan(0.25);
    const ba = bandHashes(sa), bb = bandHashes(sb);
    expect(ba).toHaveLength(BANDS);
    expect(ba.some((h, i) => h === bb[i])).toBe(true);
  });

  it('keeps different stories apart', () => {
    const other = shingles('قال رئيس الوزراء في مؤتمر صحفي عقده في بغداد إن الحكومة ستطلق خطة جديدة لإعادة إعمار المدن المحررة خلال العام المقبل بتمويل دولي');
    expect(jaccard(shingles(story), other)).toBeLessThan(0.05);
  });

  it('folds spelling and ignores punctuation', () => {
    expect(jaccard(shingles(story), shingles(story.replace(/أ/g, 'ا') + ' .'))).toBe(1);
  });

  it('does not sign texts too short to compare, and round-trips through a blob', () => {
    expect(signature(shingles('خبر قصير جدا'))).toBeNull();
    const sig = signature(shingles(story))!;
    expect([...fromBlob(toBlob(sig))]).toEqual([...sig]);
  });
});
