import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferPublication } from './index.js';

const article = (...lines: string[]): string => lines.join('\n');
const LEDE_TAIL = 'على أن الدور الأميركي في العراق تغير من القتال إلى المساعدة والتدريب والدعم اللوجستي.';

describe('inferPublication', () => {
  it('today-dateline: «اليوم <weekday> (<date>)» anywhere in the text', () => {
    const text = article(
      'التحالف الدولي ينفي ايواء الولايات المتحدة لداعش',
      '',
      'نفى التحالف الدولي أن تكون الولايات المتحدة تأوي عناصر تنظيم داعش.',
      'وقال المتحدث باسم التحالف الدولي، في تغريدة على موقع تويتر، اليوم السبت (4 أيلول 2021): "يجري الشركاء تدريبا".',
      'وقال في تغريدة أخرى يوم الثلاثاء (17 آب 2021) إن الدعم مستمر.',
    );
    const pub = inferPublication(text);
    expect(pub).toMatchObject({ value: '2021-09-04', rule: 'today-dateline' });
    expect(text.slice(pub!.span[0], pub!.span[1])).toBe('اليوم السبت (4 أيلول 2021)');
  });
  it('today-dateline: «اليوم (الاثنين) 26 تموز 2021» with harakat', () => {
    expect(inferPublication('يستقبل الرئيس اليومَ (الإثنين) 26 تمّوز 2021 رئيس الوزراء')).toMatchObject({
      value: '2021-07-26',
      rule: 'today-dateline',
    });
  });
  it('timestamp-line: a line near the top that is only a date and time', () => {
    const text = article(
      'عناوین:',
      '',
      'بيان من التحالف الدولي تزامنا مع زيارة الكاظمي لواشنطن',
      '',
      'PM:12:36:26/07/2021',
      '',
      '3084 مشاهدة',
      '',
      'اعلن التحالف الدولي بقيادة الولايات المتحدة، الاثنين، التزامه بدعم القوات الشريكة لمنع عودة داعش.',
    );
    expect(inferPublication(text)).toMatchObject({ value: '2021-07-26', rule: 'timestamp-line' });
  });
  it('timestamp-line: labelled stamps and Arabic-Indic digits', () => {
    expect(inferPublication(article('عنوان الخبر', 'نشر في: ٢٠٢١/٠٧/٢٦ - ١٢:٣٦', 'نص الخبر'))).toMatchObject({
      value: '2021-07-26',
      rule: 'timestamp-line',
    });
    expect(inferPublication(article('عنوان', 'تاريخ النشر: الأربعاء 28 تموز 2021', 'نص'))).toMatchObject({
      value: '2021-07-28',
    });
  });
  it('ignores a stamp line below the top six lines', () => {
    const text = article('١', '٢', '٣', '٤', '٥', '٦', '٧', '26/07/2021');
    expect(inferPublication(text)).toBeNull();
  });
  it('lede-date: the first full date with a weekday in the first body paragraph', () => {
    const text = article(
      'الخارجية الامريكية: الولايات المتحدة لن تتخلى عن الشعب العراقي',
      '',
      `أخبار العراق: أكدت المتحدثة باسم وزارة الخارجية الأميركية، ، الأربعاء 28 تموز 2021، ${LEDE_TAIL}`,
    );
    expect(inferPublication(text)).toMatchObject({ value: '2021-07-28', rule: 'lede-date' });
  });
  it('a dated lede without a weekday is not enough: ledes recall past dates', () => {
    const text = article('عنوان', `أعلنت الحكومة العراقية في 14 أيار 2020 ${LEDE_TAIL}`);
    expect(inferPublication(text)).toBeNull();
  });
  it('lede-dateline: a place and a full date at the very start of the lede', () => {
    const text = article('عنوان الخبر القصير', `بغداد - 26 تموز 2021: قال مسؤول عراقي ${LEDE_TAIL}`);
    expect(inferPublication(text)).toMatchObject({ value: '2021-07-26', rule: 'lede-dateline' });
    const bare = article('عنوان', `26 تموز 2021 - قال مسؤول عراقي ${LEDE_TAIL}`);
    expect(inferPublication(bare)).toMatchObject({ value: '2021-07-26', rule: 'lede-dateline' });
  });
  it('no statement of the date: null', () => {
    expect(inferPublication('')).toBeNull();
    expect(inferPublication(article('عنوان', `قال المتحدث يوم الخميس، 14 أيار/ مايو ${LEDE_TAIL}`))).toBeNull();
    // «اليوم الاثنين» without a year does not state the date.
    expect(inferPublication(`ويستقبل الرئيس اليوم الاثنين رئيس الوزراء ${LEDE_TAIL}`)).toBeNull();
  });
});

const SEEDS = new URL('../../../../shared/seeds/', import.meta.url);

describe.skipIf(!existsSync(SEEDS))('inferPublication on the shared seed articles', () => {
  const cases: [string, string | null][] = [
    ['000_5bde4c7448d02463.txt', '2021-09-04'],
    ['001_eadaa2cb6013dbb6.txt', '2024-08-15'],
    ['002_bdb0ef1f55d75d44.txt', '2021-07-26'],
    ['003_536c95e773eed155.txt', null],
    ['004_15fc116f380bb4c5.txt', '2021-07-28'],
  ];
  it.each(cases)('%s → %s', (file, value) => {
    const text = readFileSync(new URL(file, SEEDS), 'utf8');
    expect(inferPublication(text)?.value ?? null).toBe(value);
  });
});
