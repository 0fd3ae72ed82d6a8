// Quotations and sentences on text written for these tests.
import { describe, expect, it } from 'vitest';
import { findQuotes, paragraphs, sentences } from './segment.js';

const quoted = (text: string) => {
  const paras = paragraphs(text);
  return findQuotes(text, paras).map((q) => text.slice(q.inner[0], q.inner[1]));
};

describe('quotations', () => {
  it('pairs every style of mark', () => {
    expect(quoted('قال: «أولاً» ثم “ثانياً” ثم "ثالثاً".')).toEqual(['أولاً', 'ثانياً', 'ثالثاً']);
  });
  it('nests a quotation inside another and reads ” glued to a word as an opening mark', () => {
    expect(quoted('وأكد “استهداف ”داعش” في الصحراء”.')).toEqual(['استهداف ”داعش” في الصحراء']);
    expect(quoted('ضربة لـ”داعش” شمالاً.')).toEqual(['داعش']);
  });
  it('closes a quotation left open at the end of its paragraph', () => {
    const q = findQuotes('قال «نحن مستعدون\nوقال آخر «نعم».', paragraphs('قال «نحن مستعدون\nوقال آخر «نعم».'), () => false);
    expect(q).toHaveLength(2);
    expect(q[0]!.close).toBeNull();
  });
  it('lets an unclosed quotation run on into a paragraph without its own attribution', () => {
    const t = 'وأعلنت القيادة إنه “تمت السيطرة على القرية.\nوجرى تأمين الطرق.';
    const q = findQuotes(t, paragraphs(t), () => true);
    expect(t.slice(q[0]!.inner[0], q[0]!.inner[1])).toContain('تأمين الطرق');
  });
  it('reads a quotation typed with reversed guillemets', () => {
    expect(quoted('وقال:» لا تراجع عن القرار« وغادر.')).toEqual([' لا تراجع عن القرار']);
    expect(quoted('وقال:» لا عودة عن القرار. وقال:» الحكومة فشلت».')).toEqual([' لا عودة عن القرار', ' الحكومة فشلت']);
  });
  it('reads a mark with no words after it as a closing mark, never an opening one', () => {
    expect(quoted('محذرا من ضرب أي هدف داخل ليبيا «. واعتبر أن «الضربات مرفوضة».')).toEqual(['الضربات مرفوضة']);
    expect(quoted('وقال إن الفصائل تمكنت من السيطرة على التلة"، مشيراً إلى أن "الهجوم مستمر".')).toEqual(['الهجوم مستمر']);
  });
  it('nests a short quotation right inside another «…«…»…»', () => {
    expect(quoted('وأضاف أن «الوصول إلى «تسوية تفاوضية» يوفر حلا أكثر دواما».')).toEqual(['الوصول إلى «تسوية تفاوضية» يوفر حلا أكثر دواما']);
  });
  it('takes a second « as the end of an unclosed first one', () => {
    const t = 'وذكر المكتب أن «الاجتماع يعقد غداً. وانطلقت تظاهرات، وطالب المحتجون بـ«الإصلاح».';
    expect(quoted(t)).toEqual(['الاجتماع يعقد غداً', 'الإصلاح']);
  });
});

describe('sentences', () => {
  it('never splits inside a quotation', () => {
    const t = 'وقال: «الوضع هادئ. والطرق مفتوحة». وأضاف أن الدوريات مستمرة.';
    const paras = paragraphs(t);
    const s = sentences(t, paras, findQuotes(t, paras)).map(([a, b]) => t.slice(a, b));
    expect(s).toEqual(['وقال: «الوضع هادئ. والطرق مفتوحة».', 'وأضاف أن الدوريات مستمرة.']);
  });
  it('splits at ؟ and ! and at paragraph ends', () => {
    const t = 'هل انتهت الأزمة؟ لا!\nسطر ثان';
    const paras = paragraphs(t);
    expect(sentences(t, paras, findQuotes(t, paras)).map(([a, b]) => t.slice(a, b))).toEqual(['هل انتهت الأزمة؟', 'لا!', 'سطر ثان']);
  });
});
