import { describe, expect, it } from 'vitest';
import { matchKey } from '../lang/ar/normalize.js';
import type { StatementRecord } from './claims.js';
import { searchTerms } from '../lang/ar/stem.js';
import { contentWords, contentWordsAt, groupReports, sameWords } from './statements.js';

let id = 0;
const st = (speaker: string, quote: string, outlet: string, groupId?: number): StatementRecord => ({
  id: ++id, articleId: id, storyId: 1, speaker, speakerKey: matchKey(speaker), organization: null, orgKey: null, quote, stance: 'assert', date: '2021-07-27', outlet, url: null,
  source: `${outlet}.txt`, span: [id, id + 10], groupId: groupId ?? id,
});

describe('sameWords', () => {
  const full = contentWords('العراق ماض في تنظيم العلاقة مع التحالف الدولي على أساس المصالح المشتركة واحترام السيادة');
  it('links a partial report to the fuller one, whichever comes first', () => {
    const part = contentWords('تنظيم العلاقة مع التحالف الدولي على أساس المصالح المشتركة');
    expect(sameWords(part, full)).toBe(true);
    expect(sameWords(full, part)).toBe(true);
  });
  it('keeps apart other words of the same speaker, and reports of one content word', () => {
    expect(sameWords(contentWords('الحكومة ستجري الانتخابات في موعدها المحدد في تشرين الأول'), full)).toBe(false);
    expect(sameWords(contentWords('العراق'), full)).toBe(false);
  });
});

describe('contentWordsAt', () => {
  it('reads a quote\'s content words from the terms of the whole text, as contentWords does from the quote', () => {
    const quote = 'العراق ماض في تنظيم العلاقة مع التحالف الدولي';
    const text = `قال رئيس الوزراء إن "${quote}"، وأضاف أن الحكومة ستواصل الحوار.`;
    const at = text.indexOf(quote);
    expect(contentWordsAt(searchTerms(text), [at, at + quote.length])).toEqual(contentWords(quote));
  });
});

describe('groupReports', () => {
  it('makes one statement of the reports of a group, the fullest first, each source kept', () => {
    const full = st('مصطفى الكاظمي', 'العراق ماض في تنظيم العلاقة مع التحالف الدولي على أساس المصالح المشتركة', 'rudaw');
    const part = st('مصطفى الكاظمي', 'تنظيم العلاقة مع التحالف الدولي', 'nrt', full.id);
    const other = st('مصطفى الكاظمي', 'الحكومة ستجري الانتخابات في موعدها', 'rudaw');
    const merged = groupReports([part, other, full]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ quote: full.quote, sources: [full, part] });
    expect(merged[0]!.sources.map((s) => s.span)).toEqual([full.span, part.span]);
  });
});
