import { describe, expect, it } from 'vitest';
import { findNumbers, parseNumberAt, type NumberMention } from './numbers.js';

/** The one number in `text`; fails when there is none or more than one. */
function one(text: string): NumberMention {
  const found = findNumbers(text);
  expect(found.map((n) => n.text), text).toHaveLength(1);
  return found[0]!;
}
const valueOf = (text: string) => one(text).value;

describe('digits', () => {
  it('reads ASCII and Arabic-Indic digits, with thousands separators and decimals', () => {
    expect(valueOf('انتشر 900 جندي')).toBe(900);
    expect(valueOf('انتشر ٩٠٠ جندي')).toBe(900);
    expect(valueOf('نشر 1,500 جندي')).toBe(1500);
    expect(valueOf('نشر ١٬٥٠٠ جندي')).toBe(1500);
    expect(valueOf('بلغت الكلفة 2.5 مليون دولار')).toBe(2_500_000);
    expect(valueOf('بلغت الكلفة ٢٫٥ مليون دولار')).toBe(2_500_000);
  });
  it('reads digits with a scale word and with a clitic', () => {
    expect(valueOf('نزح 300 ألف شخص')).toBe(300_000);
    expect(valueOf('نزح 3 آلاف شخص')).toBe(3000);
    expect(findNumbers('سقط 4 قتلى و18 جريحا').map((n) => [n.text, n.value])).toEqual([['4', 4], ['18', 18]]);
    expect(valueOf('تبرع بـ300 دولار')).toBe(300);
  });
  it('keeps the span on the printed text', () => {
    const text = 'أصيب ١٢ شخصاً';
    const n = one(text);
    expect(n.text).toBe('١٢');
    expect(text.slice(n.span[0], n.span[1])).toBe('١٢');
  });
  it('does not read times, numeric dates, ranges or codes glued to letters', () => {
    expect(findNumbers('الساعة 12:36 من يوم 26/07/2021')).toEqual([]);
    expect(findNumbers('داخل معسكر K1 وطائرات F16')).toEqual([]);
    expect(findNumbers('بين 10-15 دقيقة')).toEqual([]);
  });
});

describe('number words', () => {
  it.each([
    ['واحد', 1], ['اثنان', 2], ['اثنين', 2], ['ثلاثة', 3], ['ثلاث', 3], ['أربعة', 4], ['خمس', 5],
    ['ستة', 6], ['سبعة', 7], ['ثمانية', 8], ['تسعة', 9], ['عشرة', 10], ['أحد عشر', 11], ['إحدى عشرة', 11],
    ['اثنا عشر', 12], ['ثلاثة عشر', 13], ['تسع عشرة', 19], ['عشرون', 20], ['عشرين', 20], ['خمسة وعشرون', 25],
    ['تسعين', 90], ['مئة', 100], ['مائة', 100], ['مئتان', 200], ['ثلاثمئة', 300], ['ثلاث مئة', 300],
    ['خمسمائة', 500], ['مئة وخمسون', 150], ['ألف', 1000], ['ألفان', 2000], ['ألفي', 2000],
    ['ثلاثة آلاف', 3000], ['عشرة آلاف', 10_000], ['خمسة عشر ألفا', 15_000], ['مئتا ألف', 200_000],
    ['ثلاثمئة وخمسون ألفا', 350_000], ['ألف ومئتان', 1200], ['مليون', 1_000_000], ['مليونين', 2_000_000],
    ['مليون و500 ألف', 1_500_000],
  ] as [string, number][])('«%s» = %d', (words, v) => {
    expect(valueOf(`قال إن ${words} جندي وصلوا`)).toBe(v);
  });
  it('reads a number word with a leading clitic', () => {
    expect(findNumbers('قتل اثنان وأصيب بثلاثة جروح').map((n) => [n.text, n.value])).toEqual([['اثنان', 2], ['ثلاثة', 3]]);
  });
  it('excludes ordinals and weekday names', () => {
    expect(findNumbers('في الحادي عشر من أيلول')).toEqual([]);
    expect(findNumbers('للمرة الثالثة يوم الاثنين')).toEqual([]);
    expect(findNumbers('أحد المسؤولين')).toEqual([]);
  });
});

describe('approximations and vague quantities', () => {
  it('«نحو 2500» is 2500, about, and the span covers the qualifier', () => {
    const n = one('ولا يزال نحو 2500 عسكري أميركي');
    expect(n).toMatchObject({ value: 2500, approx: true, qualifier: 'about', text: 'نحو 2500' });
  });
  it('«أكثر من 300 ألف» is 300000, more', () => {
    expect(one('تم تدريب أكثر من 300 ألف جندي')).toMatchObject({ value: 300_000, approx: true, qualifier: 'more' });
  });
  it('«ما لا يقل عن» and «على الأقل» are at_least', () => {
    expect(one('مقتل ما لا يقل عن عشرين شخصا')).toMatchObject({ value: 20, qualifier: 'at_least', text: 'ما لا يقل عن عشرين' });
    expect(one('أسفر عن 36 قتيلا على الأقل')).toMatchObject({ value: 36, qualifier: 'at_least', approx: true, text: '36' });
  });
  it('«قرابة» and «حوالى» are about; «تقريبا» after the number too', () => {
    expect(one('قرابة ثلاثة آلاف مقاتل')).toMatchObject({ value: 3000, qualifier: 'about' });
    expect(one('حوالى 40 شخصا')).toMatchObject({ value: 40, qualifier: 'about' });
    expect(one('قتل 40 تقريبا')).toMatchObject({ value: 40, qualifier: 'about' });
  });
  it('plain figures are exact', () => {
    expect(one('مقتل 6 جنود')).toMatchObject({ value: 6, approx: false, qualifier: null, kind: 'digits' });
    expect(one('مقتل ستة جنود')).toMatchObject({ value: 6, approx: false, kind: 'words' });
    expect(one('مقتل 6 آلاف')).toMatchObject({ value: 6000, kind: 'mixed' });
  });
  it('«عشرات» and «مئات الآلاف» have no value, only a magnitude', () => {
    expect(one('سقوط عشرات القتلى')).toMatchObject({ value: null, approx: true, magnitude: 10, kind: 'vague' });
    expect(one('نزوح مئات الآلاف')).toMatchObject({ value: null, magnitude: 100_000, text: 'مئات الآلاف' });
    expect(one('شارك آلاف المتظاهرين')).toMatchObject({ value: null, magnitude: 1000 });
    expect(one('قبل بضعة أيام')).toMatchObject({ value: null, magnitude: 1 });
  });
  it('a qualifier with no number after it is nothing', () => {
    expect(findNumbers('أكثر من مرة')).toEqual([]);
  });
});

describe('parseNumberAt', () => {
  it('parses at a word start and refuses the middle of a word', () => {
    const text = 'أسفر الهجوم عن 36 قتيلا';
    expect(parseNumberAt(text, text.indexOf('36'))?.value).toBe(36);
    expect(parseNumberAt(text, text.indexOf('36') + 1)).toBeNull();
    expect(parseNumberAt(text, 0)).toBeNull();
  });
});
