import { describe, expect, it } from 'vitest';
import { matchKey } from '../lang/ar/normalize.js';
import { clauses, contradictions, denials, type StatementRecord } from './claims.js';

let id = 0;
const st = (speaker: string, org: string | null, quote: string, stance = 'assert', date = '2024-08-15'): StatementRecord => ({
  id: ++id, articleId: 1, storyId: 1, speaker, speakerKey: matchKey(speaker), organization: org, orgKey: org && matchKey(org), quote, stance, date, outlet: null, url: null, source: 'a.txt', span: [0, 1],
});

describe('clauses', () => {
  it('finds the polarity of each clause and what the negation bears on', () => {
    const [a] = clauses('لا توجد قوات أميركية في العراق');
    expect(a).toMatchObject({ negated: true, negatedWord: 'EXIST' });
    expect([...a!.terms]).toEqual(expect.arrayContaining(['قوات', 'عراق']));
    const parts = clauses('لم أر تلك التعليقات، ولكن لدينا قوات في العراق');
    expect(parts.map((c) => c.negated)).toEqual([true, false]);
    expect(parts[1]!.existential).toBe(true);
  });

  it('reads «ألا» before a present verb as «أن لا», and an invocation of God as no proposition', () => {
    expect(clauses('نسأل الله ألا يريه أي مكروه')[0]).toMatchObject({ negated: true });
    expect(clauses('لن يتحقق ذلك إلا بالحوار')[0]).toMatchObject({ negated: true });
    expect(clauses('لا يتحقق السلام إلا بالحوار')[0]!.negated).toBe(true);
    expect(clauses('ألا إن النصر قريب')[0]!.negated).toBe(false);
    expect(clauses('وإن شاء الله لا قدر الله سنتجاوز الأزمة')[0]!.negated).toBe(false);
  });
});

describe('contradictions between sides', () => {
  it('never pairs a body with itself under a shorter name, nor one wish made in two wordings', () => {
    const a = st('هيئة شؤون الإعلام في مملكة البحرين', null, 'لا يجوز نشر ما يؤثر على علاقات المملكة بدول أخرى');
    const b = st('هيئة شؤون الإعلام', null, 'الصحيفة نشرت ما يؤثر على علاقات المملكة بدول أخرى');
    const c = st('ملك البحرين', null, 'نسأل الله ألا يريه أي مكروه');
    const d = st('ملك المغرب', null, 'نسأل الله أن يريه أي مكروه');
    const e = st('ملك الأردن', null, 'لا يريه أي مكروه');
    expect(contradictions([a, b, c, e])).toEqual([]);
    // Only the one wording that really asserts the opposite pairs with the negated ones.
    expect(contradictions([c, d]).length).toBe(1);
  });
});

describe('contradictions', () => {
  it('pairs a negated existence with an asserted one from another speaker, with the reason', () => {
    const iraq = st('وزارة الخارجية العراقية', 'وزارة الخارجية العراقية', 'لا توجد قوات أميركية في العراق باستثناء المستشارين', 'deny');
    const us = st('سابرينا سينغ', 'البنتاغون', 'كما تعلمون، لدينا قوات في العراق، وأخرى في سوريا');
    const [c, ...rest] = contradictions([iraq, us]);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ a: iraq, b: us });
    expect(c!.why).toMatch(/negates \(existence\).*قوات، عراق/);
  });

  it('does not pair statements whose negation bears on another predicate, the same side, or distant days', () => {
    const us = st('سابرينا سينغ', 'البنتاغون', 'لدينا قوات في العراق');
    const patel = st('فيدانت باتيل', 'وزارة الخارجية الأميركية', 'لم نناقش انسحاب القوات الأميركية من العراق');
    const same = st('متحدث آخر', 'البنتاغون', 'لا توجد قوات في العراق');
    const later = st('وزارة الخارجية العراقية', 'وزارة الخارجية العراقية', 'لا توجد قوات في العراق', 'deny', '2024-10-01');
    expect(contradictions([us, patel, same, later])).toEqual([]);
  });
});

describe('denials', () => {
  it('links «غير دقيقة» to the statements of the organisation it names', () => {
    const patel = st('فيدانت باتيل', 'وزارة الخارجية الأميركية', 'لم نناقش انسحاب القوات', 'assert', '2024-08-14');
    const iraq = st('وزارة الخارجية العراقية', 'وزارة الخارجية العراقية', 'تصريحات الناطق الرسمي في وزارة الخارجية الأميركية بـ "غير الدقيقة"', 'deny');
    const [d] = denials([patel, iraq]);
    expect(d!.claims).toEqual([patel]);
  });

  it('keeps the proposition a denial quotes when its author is not quoted', () => {
    const d = st('وين ماروتو', 'التحالف الدولي', 'أي ادعاء بأن الولايات المتحدة تأوي داعش أو تساعدها هو ادعاء غير دقيق على الإطلاق', 'deny');
    const [x] = denials([d]);
    expect(x).toMatchObject({ claims: [], proposition: expect.stringContaining('تاوي داعش') });
  });
});
