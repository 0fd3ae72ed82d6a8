import { describe, expect, it } from 'vitest';
import type { DateMention } from '../../core/types.js';
import { findDates, type DateContext } from './index.js';

// 4 September 2021 was a Saturday.
const SAT = { published: '2021-09-04' };
const NONE = { published: null };

function all(text: string, ctx: DateContext = SAT): DateMention[] {
  return findDates(text, ctx);
}

/** The one mention in `text`; fails when there is none or more than one. */
function one(text: string, ctx: DateContext = SAT): DateMention {
  const found = all(text, ctx);
  expect(found.map((d) => d.text), text).toHaveLength(1);
  return found[0]!;
}

const valueOf = (text: string, ctx: DateContext = SAT): string | null => one(text, ctx).value;

describe('Levantine / Iraqi month names', () => {
  const months: [string, number][] = [
    ['كانون الثاني', 1], ['شباط', 2], ['آذار', 3], ['نيسان', 4], ['أيار', 5], ['حزيران', 6],
    ['تموز', 7], ['آب', 8], ['أيلول', 9], ['تشرين الأول', 10], ['تشرين الثاني', 11], ['كانون الأول', 12],
  ];
  it.each(months)('resolves «14 %s 2020»', (name, m) => {
    const d = one(`وقع الحادث في 14 ${name} 2020 حسب الشرطة`);
    expect(d.value).toBe(`2020-${String(m).padStart(2, '0')}-14`);
    expect(d.text).toBe(`14 ${name} 2020`);
    expect(d.kind).toBe('absolute');
    expect(d.relative).toBe(false);
  });
  it('accepts spelling variants without hamza, without the article, and the old «تشرين الآخر»', () => {
    expect(valueOf('في 3 اذار 2019')).toBe('2019-03-03');
    expect(valueOf('في 3 ايار 2019')).toBe('2019-05-03');
    expect(valueOf('في 3 تشرين اول 2019')).toBe('2019-10-03');
    expect(valueOf('في 3 كانون ثاني 2019')).toBe('2019-01-03');
    expect(valueOf('في 3 تشرين الآخر 2019')).toBe('2019-11-03');
  });
  it('reads harakat, shadda and tatweel and keeps them inside the span', () => {
    const d = one('في العاشر من أيّار 2021 أعلنت');
    expect(d.value).toBe('2021-05-10');
    expect(d.text).toBe('العاشر من أيّار 2021');
    expect(valueOf('يوم 9 آذَارَ 2021')).toBe('2021-03-09');
    expect(valueOf('في 9 تَشْرِينَ الأَوَّلِ 2021')).toBe('2021-10-09');
    expect(one('في 9 أيـــار 2021').text).toBe('9 أيـــار 2021');
  });
});

describe('Egyptian / Gulf and Maghrebi month names', () => {
  const months: [string, number][] = [
    ['يناير', 1], ['فبراير', 2], ['مارس', 3], ['أبريل', 4], ['ابريل', 4], ['إبريل', 4], ['مايو', 5],
    ['يونيو', 6], ['يونيه', 6], ['يوليو', 7], ['يوليه', 7], ['أغسطس', 8], ['اغسطس', 8], ['سبتمبر', 9],
    ['أكتوبر', 10], ['اكتوبر', 10], ['نوفمبر', 11], ['ديسمبر', 12],
    ['جانفي', 1], ['فيفري', 2], ['أفريل', 4], ['ماي', 5], ['جوان', 6], ['جويلية', 7], ['أوت', 8],
    ['يوليوز', 7], ['غشت', 8], ['شتنبر', 9], ['نونبر', 11], ['دجنبر', 12],
  ];
  it.each(months)('resolves «5 %s 2018»', (name, m) => {
    expect(valueOf(`أعلنت الوزارة يوم 5 ${name} 2018 أن`)).toBe(`2018-${String(m).padStart(2, '0')}-05`);
  });
  it('does not read «ماي» inside «مايو» or «آب» inside another word', () => {
    expect(valueOf('في 2 مايو 2018')).toBe('2018-05-02');
    expect(all('محاربة الإرهاب في الكتاب')).toEqual([]);
  });
});

describe('paired month names are one mention', () => {
  it('«14 أيار/ مايو 2020»', () => {
    const d = one('ونفذ التحالف في 14 أيار/ مايو 2020 ضربات');
    expect([d.text, d.value]).toEqual(['14 أيار/ مايو 2020', '2020-05-14']);
  });
  it('«مارس/آذار» and «يوليو (تموز) 2021» as months', () => {
    const a = one('في مارس/آذار 2020 قدمت الحكومة شكوى');
    expect([a.text, a.precision, a.approx, a.value]).toEqual(['مارس/آذار 2020', 'month', '2020-03', null]);
    const b = one('انتهت المهمة في يوليو (تموز) 2021، وفق البيان');
    expect([b.text, b.approx]).toEqual(['يوليو (تموز) 2021', '2021-07']);
  });
  it('«تموز/يوليو الماضي» and «كانون الثاني/يناير 2022»', () => {
    const a = one('منذ تموز/يوليو الماضي', SAT);
    expect([a.text, a.approx, a.kind, a.relative]).toEqual(['تموز/يوليو الماضي', '2021-07', 'relative', true]);
    expect(valueOf('في 3 كانون الثاني/يناير 2022')).toBe('2022-01-03');
    expect(valueOf('في 3 أيار - مايو 2022')).toBe('2022-05-03');
  });
});

describe('years written out', () => {
  it('«عام/سنة», «من العام» and a trailing «م»', () => {
    expect(valueOf('في 14 أيار عام 2020 قتل')).toBe('2020-05-14');
    expect(valueOf('في 14 أيار من العام 2020 قتل')).toBe('2020-05-14');
    expect(valueOf('في 14 أيار سنة 2020م قتل')).toBe('2020-05-14');
    expect(one('في 14 أيار 2020 م.').text).toBe('14 أيار 2020 م');
  });
  it('a year alone after عام / في / منذ, and a range of years', () => {
    expect(one('انسحبت القوات في عام 2011.')).toMatchObject({ text: 'عام 2011', approx: '2011', precision: 'year', value: null });
    expect(one('منذ 2014، قدم التحالف الدعم')).toMatchObject({ text: '2014', approx: '2014' });
    expect(one('في 2014 وحتى الآن')).toMatchObject({ approx: '2014' });
    const r = all('بين عامي 2014 و2017 تراجعت الهجمات');
    expect(r.map((d) => [d.text, d.approx, d.kind])).toEqual([
      ['عامي 2014', '2014', 'absolute'],
      ['2017', '2017', 'range-end'],
    ]);
  });
  it('does not take counts for years', () => {
    expect(all('ولا يزال نحو 2500 عسكري أميركي في العراق')).toEqual([]);
    expect(all('أرسلت الوزارة 2000 جندي و3084 مشاهدة')).toEqual([]);
    expect(all('في 2000 موقع')).toEqual([]);
  });
  it('«نهاية 2021» is its last day, «مطلع 2021» the year', () => {
    expect(one('بحلول نهاية 2021 ستنتهي المهمة')).toMatchObject({ text: 'نهاية 2021', value: '2021-12-31', precision: 'day' });
    expect(one('منذ مطلع 2021')).toMatchObject({ approx: '2021', precision: 'year' });
  });
});

describe('days as ordinal words', () => {
  const cases: [string, string][] = [
    ['السابع من تشرين الأول 2023', '2023-10-07'],
    ['الأول من أيار 2021', '2021-05-01'],
    ['الحادي عشر من سبتمبر 2001', '2001-09-11'],
    ['الثاني عشر من شباط 2021', '2021-02-12'],
    ['العشرين من آذار 2021', '2021-03-20'],
    ['الخامس والعشرين من آذار 2021', '2021-03-25'],
    ['الخامس و العشرين من آذار 2021', '2021-03-25'],
    ['الثلاثين من حزيران 2021', '2021-06-30'],
    ['الحادي والثلاثين من كانون الأول 2021', '2021-12-31'],
    ['الواحد والعشرين من شهر أيار 2021', '2021-05-21'],
  ];
  it.each(cases)('«%s»', (expr, value) => {
    const d = one(`وقع الهجوم في ${expr} حسب المصادر`);
    expect([d.text, d.value]).toEqual([expr, value]);
  });
  it('«الثاني» of «كانون الثاني» is not a day', () => {
    expect(one('في كانون الثاني 2021 قالت').approx).toBe('2021-01');
  });
});

describe('weekdays', () => {
  // Anchor: Saturday 4 September 2021.
  const cases: [string, string][] = [
    ['الأحد', '2021-08-29'], ['الاثنين', '2021-08-30'], ['الإثنين', '2021-08-30'], ['الثلاثاء', '2021-08-31'],
    ['الأربعاء', '2021-09-01'], ['الخميس', '2021-09-02'], ['الجمعة', '2021-09-03'], ['السبت', '2021-09-04'],
  ];
  it.each(cases)('bare «%s» is the most recent such day', (wd, value) => {
    const d = one(`وقال الوزير ${wd} إن الحكومة`);
    expect([d.value, d.kind, d.relative]).toEqual([value, 'weekday', true]);
    expect(valueOf(`وقال الوزير يوم ${wd} إن الحكومة`)).toBe(value);
  });
  it('الماضي is strictly before, المقبل strictly after', () => {
    expect(valueOf('يوم الخميس الماضي')).toBe('2021-09-02');
    expect(valueOf('يوم السبت الماضي')).toBe('2021-08-28');
    expect(valueOf('الخميس المقبل')).toBe('2021-09-09');
    expect(valueOf('السبت القادم')).toBe('2021-09-11');
    expect(one('يوم الخميس الماضي').text).toBe('يوم الخميس الماضي');
  });
  it('takes clitics and parts of the day', () => {
    expect(one('والخميس أعلن').text).toBe('الخميس');
    expect(one('قتل مساء الجمعة').text).toBe('مساء الجمعة');
    expect(valueOf('فجر الجمعة')).toBe('2021-09-03');
  });
  it('skips weekdays that name a place or a habit', () => {
    expect(all('زار مسجد الخميس وسوق الجمعة')).toEqual([]);
    expect(all('تفتح أيام الخميس والجمعة').map((d) => d.text)).toEqual(['الجمعة']);
  });
  it('does not read «الأحد عشر» or «بين الاثنين» as weekdays', () => {
    expect(all('قتل الأحد عشر جنديا')).toEqual([]);
    expect(all('الخلاف بين الاثنين قديم')).toEqual([]);
    expect(all('كلا الاثنين معا')).toEqual([]);
  });
  it('has no value without an anchor', () => {
    expect(one('وقال الخميس', NONE)).toMatchObject({ value: null, precision: 'day', relative: true });
  });
});

describe('a date and its weekday are one mention', () => {
  it('«اليوم السبت (4 أيلول 2021)»', () => {
    const d = one('في تغريدة على تويتر، اليوم السبت (4 أيلول 2021): "يجري الشركاء"');
    expect([d.text, d.value, d.relative]).toEqual(['اليوم السبت (4 أيلول 2021)', '2021-09-04', false]);
  });
  it('«الأربعاء 28 تموز 2021» and «يوم الثلاثاء (17 آب 2021)»', () => {
    expect(one('كريفيث، ، الأربعاء 28 تموز 2021، على أن').text).toBe('الأربعاء 28 تموز 2021');
    expect(one('في تغريدة، يوم الثلاثاء (17 آب 2021)، "لقد"').text).toBe('يوم الثلاثاء (17 آب 2021)');
  });
  it('«اليوم (الاثنين) 26 تموز 2021» and «الخميس الموافق 14 أيار 2020»', () => {
    expect(one('ويستقبل اليوم (الاثنين) 26 تموز 2021 الرئيس')).toMatchObject({
      text: 'اليوم (الاثنين) 26 تموز 2021',
      value: '2021-07-26',
    });
    expect(valueOf('يوم الخميس الموافق 14 أيار 2020')).toBe('2020-05-14');
  });
  it('«يوم الخميس، 14 أيار/ مايو» takes the year nearest the anchor with a Thursday 14 May', () => {
    const d = one('ونفذ طيران التحالف، يوم الخميس، 14 أيار/ مايو، ضربات', { published: '2020-05-20' });
    expect([d.text, d.value, d.relative]).toEqual(['يوم الخميس، 14 أيار/ مايو', '2020-05-14', true]);
    // From September 2021 the nearest Thursday 14 May is still 2020 (the next is 2026).
    expect(valueOf('يوم الخميس، 14 أيار/ مايو')).toBe('2020-05-14');
  });
  it('a weekday after أمس / غدا / اليوم names that day («أمس الجمعة», «غدا (الأحد)»)', () => {
    expect(one('وأعلنت الوزارة أمس الجمعة أن')).toMatchObject({ text: 'أمس الجمعة', value: '2021-09-03', kind: 'relative' });
    expect(one('تبدأ الجولة غدا (الأحد) في')).toMatchObject({ text: 'غدا (الأحد)', value: '2021-09-05' });
    expect(one('قال أمس الأول الخميس')).toMatchObject({ value: '2021-09-02' });
    expect(one('مساء اليوم "السبت"')).toMatchObject({ text: 'مساء اليوم "السبت"', value: '2021-09-04' });
    // Published Sunday 5 Sept (a day late): «اليوم (السبت)» still means Saturday the 4th.
    expect(valueOf('صرح اليوم (السبت) بأن', { published: '2021-09-05' })).toBe('2021-09-04');
  });
  it('prefers the explicit date when the weekday disagrees', () => {
    expect(valueOf('الجمعة 28 تموز 2021')).toBe('2021-07-28');
  });
  it('without an anchor, uses the nearest year in the text only if the weekday fits', () => {
    expect(all('يوم الخميس، 14 أيار، بعد تشكيل التحالف في 2014', NONE)[0]).toMatchObject({ text: 'يوم الخميس، 14 أيار', value: null });
    const fits = all('في أيار 2020 وتحديدا يوم الخميس، 14 أيار، قصفت الطائرات', NONE);
    expect(fits.map((d) => d.value)).toEqual([null, '2020-05-14']);
  });
  it('a weekday followed by a number that is not a date stays a weekday', () => {
    expect(all('الخميس 3 قتلى').map((d) => d.text)).toEqual(['الخميس']);
  });
});

describe('numeric dates and timestamps', () => {
  const cases: [string, string][] = [
    ['26/07/2021', '2021-07-26'], ['26-7-2021', '2021-07-26'], ['2021-07-26', '2021-07-26'],
    ['2021/07/26', '2021-07-26'], ['26.07.2021', '2021-07-26'], ['26/7/21', '2021-07-26'],
    ['٢٦/٠٧/٢٠٢١', '2021-07-26'], ['07/26/2021', '2021-07-26'],
  ];
  it.each(cases)('«%s»', (expr, value) => {
    const d = one(`تاريخ النشر ${expr} وتحديث`);
    expect([d.text, d.value, d.kind, d.relative]).toEqual([expr, value, 'numeric', false]);
  });
  it('rejects impossible dates and numbers that only look like dates', () => {
    expect(all('31/02/2021')).toEqual([]);
    expect(all('45/13/2021')).toEqual([]);
    expect(all('النتيجة 3-1-2 والرقم 1.5.20')).toEqual([]);
  });
  const stamps: [string, string][] = [
    ['PM:12:36:26/07/2021', '2021-07-26'],
    ['12:36 26/07/2021', '2021-07-26'],
    ['26/07/2021 - 12:36 م', '2021-07-26'],
    ['2021-07-26T12:36:00', '2021-07-26'],
    ['AM 09:05 - 2021/07/26', '2021-07-26'],
  ];
  it('Hijri dates in figures, with or without «هـ»', () => {
    expect(one('يوم الجمعة 1 / 10 / 1436 هـ وجد')).toMatchObject({ text: 'يوم الجمعة 1 / 10 / 1436 هـ', value: '2015-07-17' });
    expect(one('بتاريخ 15/9/1436هـ')).toMatchObject({ value: '2015-07-02', kind: 'hijri' });
    expect(one('في 21 - 9 - 1427هـ')).toMatchObject({ text: '21 - 9 - 1427هـ', kind: 'hijri' });
    expect(one('الموافق 1436/09/15')).toMatchObject({ value: '2015-07-02' });
    expect(all('في 30/10/1442هـ')).toEqual([]); // Shawwal 1442 had 29 days
  });
  it('a Gregorian numeric date with «م» and spaces around the separators', () => {
    expect(one('بتاريخ 30-07-2015م سيتم')).toMatchObject({ text: '30-07-2015م', value: '2015-07-30' });
    expect(one('في 26 / 07 / 2021 قال')).toMatchObject({ value: '2021-07-26' });
    expect(all('النتيجة 3 / 4 / 21')).toEqual([]);
  });
  it.each(stamps)('timestamp «%s»', (expr, value) => {
    const d = one(`\n${expr}\n3084 مشاهدة`);
    expect([d.text, d.value, d.kind]).toEqual([expr, value, 'timestamp']);
  });
});

describe('year inference for dates without a year', () => {
  it('takes the occurrence nearest the anchor, at most about two months ahead', () => {
    expect(valueOf('في 14 أيار', SAT)).toBe('2021-05-14');
    expect(valueOf('في 20 تشرين الأول', SAT)).toBe('2021-10-20');
    expect(valueOf('في 20 كانون الأول', SAT)).toBe('2020-12-20');
    expect(one('في 14 أيار', SAT).relative).toBe(true);
  });
  it('«الماضي» is the most recent strictly before the anchor, «المقبل» the next after', () => {
    expect(valueOf('هجوم السابع من تشرين الأول الماضي', { published: '2024-08-15' })).toBe('2023-10-07');
    expect(valueOf('في 14 آب الماضي', { published: '2021-08-20' })).toBe('2021-08-14');
    expect(valueOf('في 14 أيلول المقبل')).toBe('2021-09-14');
    expect(valueOf('في 3 أيلول المقبل')).toBe('2022-09-03');
    expect(one('في آذار الماضي', { published: '2021-03-20' }).approx).toBe('2020-03');
    expect(one('في أيلول المقبل').approx).toBe('2022-09');
  });
  it('«بحلول» looks forward: «بحلول 31 كانون الأول» in September is this year', () => {
    expect(valueOf('وأضافت "بحلول 31 كانون الأول، لن يكون هناك"')).toBe('2021-12-31');
  });
  it('«من العام الماضي» and «من هذا العام» after the month', () => {
    expect(valueOf('في 5 آذار من العام الماضي')).toBe('2020-03-05');
    expect(valueOf('في 5 آذار من هذا العام')).toBe('2021-03-05');
    expect(one('في آذار من العام المقبل').approx).toBe('2022-03');
  });
  it('without an anchor uses the nearest explicit year in the text', () => {
    const found = all('بدأت الحرب عام 2019 ، وفي 14 أيار تصاعدت', NONE);
    expect(found.map((d) => [d.text, d.value, d.relative])).toEqual([
      ['عام 2019', null, false],
      ['14 أيار', '2019-05-14', true],
    ]);
    expect(valueOf('في 14 أيار', NONE)).toBeNull();
    // الماضي needs the publication date: the year in the text does not stand in for it.
    expect(all('في 14 أيار الماضي وبعد عام 2019', NONE)[0]!.value).toBeNull();
  });
  it('29 شباط only in leap years; 31 شباط is not a day', () => {
    expect(valueOf('في 29 شباط', SAT)).toBe('2020-02-29');
    const d = one('في 31 شباط 2021');
    expect([d.value, d.precision, d.approx]).toEqual([null, 'month', '2021-02']);
    expect(one('في 31 نيسان').precision).toBe('month');
    expect(one('في 29 شباط 2021').value).toBeNull();
  });
});

describe('relative expressions against the publication date', () => {
  const cases: [string, string][] = [
    ['اليوم', '2021-09-04'], ['أمس', '2021-09-03'], ['يوم أمس', '2021-09-03'], ['بالأمس', '2021-09-03'],
    ['أمس الأول', '2021-09-02'], ['أول أمس', '2021-09-02'], ['أول من أمس', '2021-09-02'],
    ['غدا', '2021-09-05'], ['غداً', '2021-09-05'], ['يوم غد', '2021-09-05'], ['بعد غد', '2021-09-06'],
    ['مساء أمس', '2021-09-03'], ['صباح اليوم', '2021-09-04'], ['في وقت سابق من اليوم', '2021-09-04'],
    ['في وقت متأخر من مساء أمس', '2021-09-03'], ['صباح الغد', '2021-09-05'], ['عصر غدٍ', '2021-09-05'],
  ];
  it.each(cases)('«%s»', (expr, value) => {
    const d = one(`وأعلنت الوزارة ${expr} أن`);
    // A joined clitic (ب in «بالأمس») stays outside the span.
    const text = expr.replace(/^ب(?=ال)/, '');
    expect([d.text, d.value, d.kind, d.relative, d.precision]).toEqual([text, value, 'relative', true, 'day']);
  });
  const ago: [string, string][] = [
    ['منذ أسبوع', '2021-08-28'], ['منذ يومين', '2021-09-02'], ['منذ ثلاثة أيام', '2021-09-01'],
    ['منذ عشرة أيام', '2021-08-25'], ['منذ 3 أيام', '2021-09-01'], ['منذ ٣ أيام', '2021-09-01'],
    ['قبل يومين', '2021-09-02'], ['منذ أسبوعين', '2021-08-21'], ['منذ نحو أسبوعين', '2021-08-21'],
    ['منذ خمسة عشر يوما', '2021-08-20'], ['قبل ساعات', '2021-09-04'], ['منذ 48 ساعة', '2021-09-02'],
  ];
  it.each(ago)('«%s»', (expr, value) => {
    expect(one(`وقع هجوم ${expr} في سوق شعبي`)).toMatchObject({ text: expr, value, relative: true });
  });
  it('months and years ago', () => {
    expect(one('منذ شهرين')).toMatchObject({ approx: '2021-07', precision: 'month' });
    expect(one('قبل عامين')).toMatchObject({ approx: '2019', precision: 'year' });
  });
  it('does not count from another event or from a year number', () => {
    expect(all('قبل ثلاثة أشهر من انتخابات نيابية')).toEqual([]);
    expect(all('بعد أسبوع على الهجوم')).toEqual([]);
    expect(one('منذ عام 2014').approx).toBe('2014');
    expect(all('منذ سنوات')).toEqual([]);
    expect(all('منذ أيام')).toEqual([]);
  });
  it('weeks, months and years', () => {
    expect(one('الأسبوع الماضي')).toMatchObject({ precision: 'week', approx: '2021-08-23', value: null });
    expect(one('هذا الأسبوع')).toMatchObject({ approx: '2021-08-30' });
    expect(one('الأسبوع المقبل')).toMatchObject({ approx: '2021-09-06' });
    expect(one('الشهر الماضي')).toMatchObject({ precision: 'month', approx: '2021-08' });
    expect(one('الشهر الجاري')).toMatchObject({ approx: '2021-09' });
    expect(one('الشهر المقبل')).toMatchObject({ approx: '2021-10' });
    expect(one('العام الماضي')).toMatchObject({ precision: 'year', approx: '2020' });
    expect(one('السنة الماضية')).toMatchObject({ approx: '2020' });
    expect(one('العام المقبل')).toMatchObject({ approx: '2022' });
    expect(one('هذا العام')).toMatchObject({ approx: '2021' });
    // «للعام» is ل + العام with the alef dropped; the clitic ل stays outside the span.
    expect(one('للعام المقبل')).toMatchObject({ text: 'لعام المقبل', approx: '2022' });
  });
  it('parts of a month or year', () => {
    for (const part of ['أواخر', 'أوائل', 'مطلع', 'بداية', 'منتصف', 'نهاية']) {
      const d = one(`في ${part} آذار الماضي`);
      expect([d.text, d.approx, d.precision, d.value]).toEqual([`${part} آذار الماضي`, '2021-03', 'month', null]);
    }
    expect(one('أواخر مارس/آذار الماضي').approx).toBe('2021-03');
    expect(one('منتصف الشهر المقبل').approx).toBe('2021-10');
    expect(one('مطلع العام الجاري').approx).toBe('2021');
  });
  it('the end of the year is its last day', () => {
    for (const expr of ['نهاية العام', 'نهاية العام الجاري', 'نهاية هذا العام', 'نهاية العام الحالي']) {
      expect(one(`ستنهي بحلول ${expr} "مهمتها القتالية"`)).toMatchObject({ text: expr, value: '2021-12-31', precision: 'day' });
    }
    expect(valueOf('لن نكون مع نهاية العام في مهمة قتالية')).toBe('2021-12-31');
    expect(valueOf('بحلول نهاية العام المقبل')).toBe('2022-12-31');
  });
  it('«الخامس من الشهر الجاري» and «غرة الشهر»', () => {
    expect(valueOf('في الخامس من الشهر الجاري')).toBe('2021-09-05');
    expect(valueOf('في 20 من الشهر الماضي')).toBe('2021-08-20');
  });
  it('finds relative expressions without an anchor, with no value', () => {
    for (const expr of ['أمس', 'منذ يومين', 'الأسبوع الماضي', 'الشهر الماضي', 'نهاية العام', 'أواخر آذار الماضي']) {
      expect(one(`وقال ${expr} إن`, NONE)).toMatchObject({ text: expr, value: null, approx: null, relative: true });
    }
  });
  it('is not fooled by words that contain or resemble the cues', () => {
    expect(all('وقال الأمين العام المقبل للأمم المتحدة')).toEqual([]);
    expect(all('احتفلت المملكة باليوم الوطني')).toEqual([]);
    expect(all('وفي اليوم التالي عادوا')).toEqual([]);
    expect(all('في ذلك اليوم')).toEqual([]);
    expect(all('في مثل هذا اليوم من التاريخ')).toEqual([]);
    expect(all('في اليوم نفسه')).toEqual([]);
    expect(all('انتخاب حزب الغد')).toEqual([]);
    expect(all('غداة الهجوم ومارس الضغط وتمارس الحكومة')).toEqual([]);
    expect(all('سيارة نيسان حمراء وقال رمضان')).toEqual([]);
    expect(all('تراجع المؤشر حتى صفر')).toEqual([]);
    expect(all('القائد العام لقوات التحالف')).toEqual([]);
    expect(all('الأمة في أمس الحاجة إلى التمسك')).toEqual([]);
    expect(all('في التاسع من الشهر الفضيل')).toEqual([]);
    expect(all('استعادت القوات قصر 22 مايو الرئاسي وجسر 14 تموز')).toEqual([]);
  });
});

describe('months alone', () => {
  it('need a cue: a preposition, «شهر», a part, or a relative word', () => {
    expect(one('في آذار قدمت الحكومة')).toMatchObject({ text: 'آذار', approx: '2021-03', precision: 'month' });
    expect(one('خلال شهر آب')).toMatchObject({ text: 'شهر آب', approx: '2021-08' });
    expect(all('مارس الضغط على الحكومة')).toEqual([]);
  });
  it('names that are also movements are skipped without a year', () => {
    expect(all('قوى 14 آذار')).toEqual([]);
    expect(all('شباب ثورة 25 يناير')).toEqual([]);
    expect(valueOf('ثورة 25 يناير 2011')).toBe('2011-01-25');
  });
});

describe('Hijri dates', () => {
  it('«15 رمضان 1436 هـ» and «1 محرم 1443هـ»', () => {
    expect(one('الموافق 15 رمضان 1436 هـ')).toMatchObject({ text: '15 رمضان 1436 هـ', value: '2015-07-02', kind: 'hijri' });
    expect(one('في 1 محرم 1443هـ')).toMatchObject({ text: '1 محرم 1443هـ', value: '2021-08-09', kind: 'hijri' });
  });
  const months: [string, string][] = [
    ['محرم', '1443-01'], ['صفر', '1443-02'], ['ربيع الأول', '1443-03'], ['ربيع الآخر', '1443-04'],
    ['ربيع الثاني', '1443-04'], ['جمادى الأولى', '1443-05'], ['جمادى الآخرة', '1443-06'],
    ['جمادى الثانية', '1443-06'], ['رجب', '1443-07'], ['شعبان', '1443-08'], ['رمضان', '1443-09'],
    ['شوال', '1443-10'], ['ذو القعدة', '1443-11'], ['ذي القعدة', '1443-11'], ['ذو الحجة', '1443-12'],
    ['ذي الحجة', '1443-12'],
  ];
  const fmt = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  it.each(months)('«10 %s 1443»', (name, ym) => {
    const d = one(`في 10 ${name} 1443 هـ`);
    expect(d.value).not.toBeNull();
    const [m, day, y] = fmt.format(new Date(`${d.value}T00:00:00Z`)).split(' ')[0]!.split('/');
    expect(`${y}-${m!.padStart(2, '0')}`).toBe(ym);
    expect(day).toBe('10');
  });
  it('the 30th of a 29-day month is not a day', () => {
    expect(one('في 30 شوال 1442 هـ')).toMatchObject({ value: null, precision: 'month' });
    expect(one('في 30 رمضان 1442 هـ').value).toBe('2021-05-12');
  });
  it('«غرة شوال», «شهر رمضان المقبل», and a Hijri date without a year', () => {
    expect(valueOf('غرة شوال 1442')).toBe('2021-05-13');
    expect(one('خلال شهر رمضان المقبل', { published: '2021-03-01' })).toMatchObject({ precision: 'month', approx: '2021-04' });
    expect(valueOf('في 10 محرم', SAT)).toBe('2021-08-18');
    expect(all('وقال رجب طيب أردوغان')).toEqual([]);
  });
  it('a Gregorian year after a Hijri month: «رمضان 2023»', () => {
    expect(one('في رمضان 2023')).toMatchObject({ precision: 'month', approx: '2023-04' });
  });
});

describe('ranges', () => {
  it('«من 5 إلى 10 آب 2021» gives the start and the end', () => {
    const r = all('من 5 إلى 10 آب 2021 تجري الانتخابات');
    expect(r.map((d) => [d.text, d.value, d.kind])).toEqual([
      ['5', '2021-08-05', 'absolute'],
      ['10 آب 2021', '2021-08-10', 'range-end'],
    ]);
    expect(all('بين 5 و14 أيار 2020').map((d) => [d.value, d.kind])).toEqual([
      ['2020-05-05', 'absolute'],
      ['2020-05-14', 'range-end'],
    ]);
  });
  it('two dates joined by «و» without «بين» are a list, not a range', () => {
    expect(all('في الثالث و الرابع من يوليو 2015').map((d) => [d.text, d.value, d.kind])).toEqual([
      ['الثالث', '2015-07-03', 'absolute'],
      ['الرابع من يوليو 2015', '2015-07-04', 'absolute'],
    ]);
    expect(all('في أعوام 2015 و2016').map((d) => d.kind)).toEqual(['absolute', 'absolute']);
    expect(all('للعام الدراسي 1436-1437هـ').map((d) => [d.text, d.kind])).toEqual([
      ['1436', 'hijri'],
      ['1437هـ', 'range-end'],
    ]);
  });
});

describe('spans, edges and overlaps', () => {
  it('finds expressions at the very start and end of the text', () => {
    expect(all('أمس').map((d) => [d.span, d.value])).toEqual([[[0, 3], '2021-09-03']]);
    const text = 'وقع الهجوم 14 أيار 2020';
    expect(one(text).span).toEqual([11, text.length]);
    expect(one('26/07/2021').span).toEqual([0, 10]);
  });
  it('maps spans back to the original text', () => {
    const text = 'قالت الخارجيّة، غداً الأربعاءَ، إنّ';
    for (const d of all(text)) expect(text.slice(d.span[0], d.span[1])).toBe(d.text);
    expect(all(text).map((d) => d.text)).toEqual(['غداً الأربعاءَ']);
  });
  it('survives unbalanced parentheses', () => {
    expect(one('اليوم السبت (4 أيلول 2021 قال')).toMatchObject({ text: 'اليوم السبت (4 أيلول 2021', value: '2021-09-04' });
    expect(one('(26 تموز 2021').text).toBe('26 تموز 2021');
    expect(one('يوم الثلاثاء) 17 آب 2021)').value).toBe('2021-08-17');
  });
  it('keeps the longest of overlapping candidates, in order, without overlap', () => {
    const text = 'اليوم الخميس 14 أيار 2020 وأمس والعام الماضي وعام 2014 ومنذ عام 2014';
    const found = all(text);
    expect(found.map((d) => d.text)).toEqual(['اليوم الخميس 14 أيار 2020', 'أمس', 'العام الماضي', 'عام 2014', 'عام 2014']);
  });
  it('returns nothing for text without dates', () => {
    expect(all('')).toEqual([]);
    expect(all('قال المتحدث إن القوات الأميركية موجودة لضمان هزيمة داعش')).toEqual([]);
  });
});
