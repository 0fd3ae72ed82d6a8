import { describe, expect, it } from 'vitest';
import { matchKey, norm, normalizeWithMap, toOriginal } from './normalize.js';

describe('normalisation for matching', () => {
  it('folds hamza seats, alef maqsura, taa marbuta, Persian letters and digits', () => {
    expect(norm('أإآٱ ى ة ی ک ٢٠٢١ ۱')).toBe('اااا ي ه ي ك 2021 1');
  });
  it('folds Arabic presentation forms to base letters', () => {
    expect(norm('ﻳﻮﻟﻴﻮ')).toBe('يوليو');
  });
  it('deletes harakat and tatweel', () => {
    expect(norm('الولايات المتّحدة القتاليّة')).toBe('الولايات المتحده القتاليه');
    expect(norm('الـعراق')).toBe('العراق');
  });
  it('maps normalised spans back to the original text', () => {
    const src = 'قالت الخارجيّة الأميركيّة إنّ';
    const nt = normalizeWithMap(src);
    const i = nt.text.indexOf('الاميركيه');
    const [s, e] = toOriginal(nt, i, i + 'الاميركيه'.length);
    expect(src.slice(s, e)).toBe('الأميركيّة');
  });
  it('builds comparison keys without punctuation', () => {
    expect(matchKey('«التحالف»، الدولي!')).toBe('التحالف الدولي');
  });
});

describe('detached', () => {
  it('copies a substring so that caching it does not keep the parent text alive', async () => {
    const { detached } = await import('./normalize.js');
    const parent = 'نص طويل '.repeat(1000);
    const word = parent.slice(3, 40);
    expect(detached(word)).toBe(word);
  });
});
