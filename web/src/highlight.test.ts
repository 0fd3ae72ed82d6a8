// Unit tests of the pure highlight helpers (run by the repo's `vitest run`, no DOM needed).
import { describe, expect, it } from 'vitest';
import { paragraphs, parseSpan, queryTerms, segments, termSpans } from './highlight';

describe('segments', () => {
  it('cuts overlapping spans into flat pieces with every covering mark', () => {
    const text = 'abcdefghij';
    const segs = segments(text, 0, 10, [
      { span: [2, 8], cls: 'q' },
      { span: [4, 6], cls: 'e' },
      { span: [5, 9], cls: 'h' },
    ]);
    expect(segs.map((s) => [s.text, s.marks.map((m) => m.cls).sort().join('+')])).toEqual([
      ['ab', ''],
      ['cd', 'q'],
      ['e', 'e+q'],
      ['f', 'e+h+q'],
      ['gh', 'h+q'],
      ['i', 'h'],
      ['j', ''],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });
  it('clips marks to the paragraph and ignores empty ones', () => {
    const segs = segments('0123456789', 3, 7, [
      { span: [0, 5], cls: 'a' },
      { span: [6, 6], cls: 'empty' },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.marks.length])).toEqual([
      [3, 5, 1],
      [5, 7, 0],
    ]);
  });
  it('puts the innermost mark first', () => {
    const [seg] = segments('abcdef', 2, 3, [
      { span: [0, 6], cls: 'outer' },
      { span: [2, 3], cls: 'inner' },
    ]);
    expect(seg!.marks[0]!.cls).toBe('inner');
  });
});

describe('search words', () => {
  it('keeps positive words only', () => {
    expect(queryTerms('"الحكومة العراقية" -داعش OR بغداد* ا')).toEqual(['الحكومة', 'العراقية', 'بغداد']);
  });
  it('matches spelling variants, clitics and diacritics at word starts', () => {
    const text = 'قال إن إسرائيل والاسرائيليين وفلسطين؛ مُسْتَشار';
    const found = (q: string) => termSpans(text, q).map(([a, b]) => text.slice(a, b));
    // Like the server's stem search, a word also matches with clitics and suffixes around it.
    expect(found('اسرائيل')).toEqual(['إسرائيل', 'والاسرائيليين']);
    expect(found('اسرائيلي*')).toEqual(['والاسرائيليين']);
    expect(found('مستشار')).toEqual(['مُسْتَشار']);
    expect(found('سطين')).toEqual([]); // not at a word start
  });
});

describe('spans and paragraphs', () => {
  it('parses hl', () => {
    expect(parseSpan('12-40')).toEqual([12, 40]);
    expect(parseSpan('40-12')).toBeNull();
    expect(parseSpan('x')).toBeNull();
  });
  it('falls back to lines when the API gives no paragraphs', () => {
    expect(paragraphs('ab\n\ncd\n', [])).toEqual([
      [0, 2],
      [4, 6],
    ]);
  });
});
