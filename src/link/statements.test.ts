import { describe, expect, it } from 'vitest';
import { matchKey } from '../lang/ar/normalize.js';
import type { StatementRecord } from './claims.js';
import { mergeStatements } from './statements.js';

let id = 0;
const st = (speaker: string, quote: string, outlet: string, date = '2021-07-27'): StatementRecord => ({
  id: ++id, articleId: id, storyId: 1, speaker, speakerKey: matchKey(speaker), organization: null, orgKey: null, quote, stance: 'assert', date, outlet, url: null, source: `${outlet}.txt`, span: [id, id + 10],
});

describe('mergeStatements', () => {
  it('makes one statement of the same words reported by several outlets, partial reports included, each source kept', () => {
    const full = st('مصطفى الكاظمي', 'العراق ماض في تنظيم العلاقة مع التحالف الدولي على أساس المصالح المشتركة واحترام السيادة', 'rudaw');
    const part = st('مصطفى الكاظمي', 'تنظيم العلاقة مع التحالف الدولي على أساس المصالح المشتركة', 'nrt');
    const other = st('مصطفى الكاظمي', 'الحكومة ستجري الانتخابات في موعدها المحدد في تشرين الأول', 'rudaw');
    const someoneElse = st('جو بايدن', 'تنظيم العلاقة مع التحالف الدولي على أساس المصالح المشتركة', 'cnn');
    const merged = mergeStatements([full, part, other, someoneElse]);
    expect(merged).toHaveLength(3);
    expect(merged[0]).toMatchObject({ quote: full.quote, sources: [full, part] });
    expect(merged[0]!.sources.map((s) => s.span)).toEqual([full.span, part.span]);
  });

  it('keeps apart reports of one speaker weeks apart', () => {
    const a = st('مصطفى الكاظمي', 'العراق ماض في تنظيم العلاقة مع التحالف الدولي', 'rudaw', '2021-07-27');
    const b = st('مصطفى الكاظمي', 'العراق ماض في تنظيم العلاقة مع التحالف الدولي', 'rudaw', '2021-09-27');
    expect(mergeStatements([a, b])).toHaveLength(2);
  });
});
