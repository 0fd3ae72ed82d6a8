// The cleaner on lines written for these tests: each kind of page furniture goes, content stays.
import { describe, expect, it } from 'vitest';
import { newDoc } from '../core/doc.js';
import { boilerplateRule, clean } from './index.js';

const meta = { title: null, published: null, outlet: null, url: null, author: null };
const run = (raw: string, title: string | null = null) =>
  clean(newDoc({ source: 't.txt', kind: 'text', body: raw, meta: { ...meta, title }, encoding: 'utf-8', diagnostics: [] }));

describe('boilerplate rules', () => {
  it.each([
    ['5234 مشاهدة', 'counter'],
    ['عدد القراءات: 120', 'counter'],
    ['0 0 votes', 'counter'],
    ['تعليقات', 'comment-widget'],
    ['3 تعليقات', 'comment-widget'],
    ['أضف تعليقاً', 'comment-widget'],
    ['علق كضيف أو قم بتسجيل الدخول', 'comment-widget'],
    ['View all comments', 'comment-widget'],
    ['Article Rating', 'rating'],
    ['اشترك في النشرة البريدية', 'subscribe'],
    ['فيسبوك تويتر واتساب', 'share-bar'],
    ['اقرأ أيضاً:', 'label'],
    ['المصدر', 'label'],
    ['ألبوم الصور', 'label'],
    ['الكلمات المفتاحية: العراق، الانتخابات', 'label'],
    ['PM:12:36:26/07/2021', 'timestamp'],
    ['2023-05-19 08:30', 'timestamp'],
    ['18:10 ت م', 'timestamp'],
    ['// انتهى //', 'wire-end'],
    ['بغداد 3 رجب 1445 هـ الموافق 15 يناير 2024 م واع', 'dateline'],
    ['رابط الخبر بصحيفة المدى: عنوان الخبر هنا', 'label'],
  ])('%s → %s', (line, rule) => {
    expect(boilerplateRule(line)).toBe(rule);
  });

  it.each([
    'وقال الوزير إن التعليقات على القرار كانت إيجابية في مجملها.',
    'تعليق الدراسة في مدارس المحافظة ثلاثة أيام',
    'رد الجيش على مصادر النيران بقصف مدفعي مكثف',
    'المصدر الأمني أكد أن الطريق مفتوح أمام المسافرين.',
    'قتل 12 شخصا في الهجوم.',
  ])('keeps content: %s', (line) => {
    expect(boilerplateRule(line)).toBeNull();
  });
});

describe('clean', () => {
  it('keeps the headline as the title, drops its repeats, a kicker, counters and the widget tail', () => {
    const doc = run(
      [
        'شبكة الخبر',
        'وزير النفط يعلن زيادة الصادرات عبر ميناء البصرة',
        '',
        'وزير النفط يعلن زيادة الصادرات عبر ميناء البصرة',
        '1520 مشاهدة',
        'أعلن وزير النفط، اليوم الأحد، زيادة الصادرات عبر موانئ البصرة الجنوبية.',
        'وقال في مؤتمر صحفي إن الزيادة ستبدأ الشهر المقبل.',
        'وزير النفط يعلن زيادة الصادرات عبر ميناء البصرة',
        'تعليقات',
        'أضف تعليقاً',
        'الاسم',
        'البريد الإلكتروني',
      ].join('\n'),
    );
    expect(doc.title).toBe('وزير النفط يعلن زيادة الصادرات عبر ميناء البصرة');
    expect(doc.text).toBe('أعلن وزير النفط، اليوم الأحد، زيادة الصادرات عبر موانئ البصرة الجنوبية.\n\nوقال في مؤتمر صحفي إن الزيادة ستبدأ الشهر المقبل.');
    expect(doc.removed.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['kicker', 'headline', 'counter', 'comment-widget', 'widget-tail']),
    );
  });

  it('never takes a lede sentence for a headline', () => {
    const doc = run('قال مسؤول محلي إن الطريق الدولي أعيد فتحه أمام المسافرين صباح اليوم.\nوأضاف أن الأعمال انتهت.');
    expect(doc.title).toBeNull();
    expect(doc.text).toContain('قال مسؤول محلي');
  });

  it('drops a line repeating the title given by the metadata', () => {
    const doc = run('انفجار في مستودع للذخيرة\n\nوقع انفجار في مستودع للذخيرة قرب المدينة.', 'انفجار في مستودع للذخيرة');
    expect(doc.text).toBe('وقع انفجار في مستودع للذخيرة قرب المدينة.');
  });
});
