import { describe, expect, it } from 'vitest';
import { queryStem, searchStem, searchTerms, stemmedText } from './stem.js';

describe('search stems', () => {
  it('removes the attached conjunctions, prepositions and the article', () => {
    const forms = ['الجيش', 'جيش', 'والجيش', 'للجيش', 'بالجيش', 'وبالجيش', 'فالجيش', 'وللجيش'];
    expect(new Set(forms.map(queryStem))).toEqual(new Set(['جيش']));
    expect(queryStem('لداعش')).toBe(queryStem('داعش'));
    expect(queryStem('وبغداد')).toBe(queryStem('بغداد'));
    expect(queryStem('للبنان')).toBe(queryStem('لبنان'));
  });

  it('folds hamza, harakat, alef maqsura and taa marbuta as the index does', () => {
    expect(queryStem('الأمريكيّة')).toBe(queryStem('الامريكيه'));
    expect(queryStem('إيران')).toBe(queryStem('ايران'));
    expect(queryStem('مستشفى')).toBe(queryStem('مستشفي'));
  });

  it('keeps short words whole so that they do not collide', () => {
    expect(searchStem('بحث')).toBe('بحث');
    expect(searchStem('الله')).toBe('الله');
    expect(searchStem('كما')).toBe('كما');
  });

  it('gives each term its span in the original text', () => {
    const text = 'وقال «للجيش»: نعم.';
    const terms = searchTerms(text);
    expect(terms.map((t) => text.slice(t.start, t.end))).toEqual(['وقال', 'للجيش', 'نعم']);
    expect(terms[1]!.stem).toBe('جيش');
    expect(stemmedText(text)).toBe('قال جيش نعم');
  });
});
