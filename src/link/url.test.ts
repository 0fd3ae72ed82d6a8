import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './url.js';

describe('canonicalUrl', () => {
  it('makes the addresses of one article one key', () => {
    const forms = [
      'https://www.example.com/news/123/',
      'http://example.com/news/123?utm_source=twitter&utm_medium=social',
      'https://EXAMPLE.com/news/123#comments',
      'https://example.com/news/123?fbclid=abc',
    ];
    expect(new Set(forms.map(canonicalUrl))).toEqual(new Set(['https://example.com/news/123']));
  });

  it('keeps the parameters that name the page, and refuses what is not a web address', () => {
    expect(canonicalUrl('https://spa.gov.sa/details.php?id=1387077')).toBe('https://spa.gov.sa/details.php?id=1387077');
    expect(canonicalUrl('file:///tmp/a.html')).toBeNull();
    expect(canonicalUrl('not a url')).toBeNull();
  });
});
