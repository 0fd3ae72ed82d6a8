// Event extraction on sentences written for these tests (none is from the seed articles).
import { describe, expect, it } from 'vitest';
import type { NewsEvent } from '../../core/types.js';
import { extractEvents } from './index.js';
import { makeDoc, type HandEntity } from './testing.js';

const E = (type: HandEntity['type'], ...names: string[]): HandEntity => ({ type, names });

function events(text: string, ents: HandEntity[] = [], published: string | null = '2024-03-10'): NewsEvent[] {
  return extractEvents(makeDoc(text, ents, published));
}
function one(text: string, ents: HandEntity[] = [], published: string | null = '2024-03-10'): NewsEvent {
  const found = events(text, ents, published);
  expect(found.map((e) => `${e.type}: ${e.trigger.text}`), text).toHaveLength(1);
  return found[0]!;
}
/** The event's span and trigger point into the text at what they claim. */
function spansHold(text: string, e: NewsEvent, evidence?: string) {
  const doc = makeDoc(text);
  expect(doc.text.slice(e.trigger.span[0], e.trigger.span[1])).toBe(e.trigger.text);
  expect(e.span[0]).toBeLessThanOrEqual(e.trigger.span[0]);
  expect(e.span[1]).toBeGreaterThanOrEqual(e.trigger.span[1]);
  if (evidence) expect(doc.text.slice(e.span[0], e.span[1])).toContain(evidence);
}

describe('assault', () => {
  const ents = [E('ORG', 'داعش', 'تنظيم داعش'), E('GPE', 'الطارمية'), E('GPE', 'بغداد')];
  const text = 'قتل ثلاثة جنود عراقيين وأصيب خمسة آخرون في هجوم شنه مسلحون من تنظيم داعش على نقطة تفتيش في قضاء الطارمية شمالي بغداد، يوم الثلاثاء.';
  it('reads killed and injured, the perpetrator, the place and the day', () => {
    const e = one(text, ents);
    expect(e).toMatchObject({ type: 'assault', killed: 3, injured: 5, location: 'الطارمية', date: '2024-03-05', plover: 'ASSAULT' });
    expect(e.actors).toContain('داعش');
    expect(e.acled).toEqual({ event_type: 'Battles', sub_event_type: 'Armed clash' });
    expect(e.trigger.text).toBe('هجوم');
    spansHold(text, e, 'شنه مسلحون من تنظيم داعش');
  });
  it('an IED with «مقتل جنديين» (dual: two killed)', () => {
    const e = one('انفجرت عبوة ناسفة بدورية للجيش في محافظة ديالى، ما أسفر عن مقتل جنديين.', [E('GPE', 'ديالى', 'محافظة ديالى')]);
    expect(e).toMatchObject({ type: 'assault', killed: 2, injured: null, location: 'ديالى' });
    expect(e.acled).toEqual({ event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED' });
  });
  it('a suicide bombing in a market: the weapon decides the ACLED sub-event', () => {
    const e = one('فجر انتحاري نفسه في سوق مزدحم بمدينة الموصل، مخلفا 20 قتيلا و45 جريحا.', [E('GPE', 'الموصل', 'مدينة الموصل')]);
    expect(e).toMatchObject({ killed: 20, injured: 45, location: 'الموصل' });
    expect(e.acled.sub_event_type).toBe('Suicide bomb');
  });
  it('an attack on civilians with «أكثر من» and «على الأقل»', () => {
    const e = one('أطلق مسلحون النار على حافلة تقل مدنيين في ريف حمص، ما أدى إلى مقتل 9 أشخاص على الأقل وإصابة أكثر من عشرة.', [E('GPE', 'حمص')]);
    expect(e).toMatchObject({ killed: 9, injured: 10 });
    expect(e.acled).toEqual({ event_type: 'Violence against civilians', sub_event_type: 'Attack' });
  });
  it('rockets on an air base are shelling, not an air strike («الجوية» names the base)', () => {
    const e = one('سقطت ثلاثة صواريخ كاتيوشا على قاعدة عين الأسد الجوية غربي العراق، يوم الخميس.', [E('FAC', 'قاعدة عين الأسد'), E('GPE', 'العراق')]);
    expect(e).toMatchObject({ type: 'assault', location: 'قاعدة عين الأسد', date: '2024-03-07' });
    expect(e.acled.sub_event_type).toBe('Shelling/artillery/missile attack');
  });
  it('clashes between two named sides, casualties of one', () => {
    const e = one('اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية ومسلحين من داعش في ريف دير الزور الشرقي، أسفرت عن مقتل 7 من عناصر التنظيم.', [E('ORG', 'قوات سوريا الديمقراطية', 'قسد'), E('ORG', 'داعش'), E('GPE', 'دير الزور')]);
    expect(e).toMatchObject({ type: 'assault', killed: 7, location: 'دير الزور' });
    expect(e.actors).toEqual(expect.arrayContaining(['قوات سوريا الديمقراطية', 'داعش']));
  });
  it('a casualty report with no attack word is an attack («الانتهاكات … بمقتل 4»)', () => {
    const e = one('قدمت الحكومة شكوى ضد القصف التركي الذي تسبب بمقتل 4 مدنيين في قضاء زاخو.', [E('GPE', 'زاخو')]);
    expect(e).toMatchObject({ type: 'assault', killed: 4, location: 'زاخو' });
    expect(e.actors).toContain('تركيا');
  });
  it('one event per happening: «هجوم … أسفر … التفجير»', () => {
    const found = events('أسفر هجوم بسيارة مفخخة في مدينة الرمادي عن مقتل 4 أشخاص وإصابة 11. وقالت الشرطة إن التفجير وقع قرب مبنى المحافظة.', [E('GPE', 'الرمادي', 'مدينة الرمادي')]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ killed: 4, injured: 11, location: 'الرمادي' });
  });
  it('«هذه الأخيرة» after «تبنت» is the group named before', () => {
    const e = one('وتواصل خلايا داعش نشاطها في المنطقة. وتبنت هذه الأخيرة هجوما وقع أمس في بلدة هيت أسفر عن 5 قتلى.', [E('ORG', 'داعش'), E('GPE', 'هيت')]);
    expect(e).toMatchObject({ killed: 5, location: 'هيت', date: '2024-03-09' });
    expect(e.actors).toContain('داعش');
  });
  it('generic, foiled, feared and unanchored attacks are not events', () => {
    const ents2 = [E('GPE', 'العراق'), E('GPE', 'سوريا'), E('GPE', 'كركوك')];
    expect(events('تتعرض القوات الأمريكية في العراق وسوريا لهجمات متكررة تشنها فصائل مسلحة.', ents2)).toEqual([]);
    expect(events('أحبطت القوات الأمنية هجوما انتحاريا كان يستهدف موكبا في كركوك.', ents2)).toEqual([]);
    expect(events('وحذر المسؤول من خطر هجمات جديدة في العراق.', ents2)).toEqual([]);
    expect(events('قال إن قواتنا في العراق تعرضت لهجوم وإن مهمتها مستمرة.', ents2)).toEqual([]);
    expect(events('ندعم المعركة ضد الإرهاب في سوريا.', ents2)).toEqual([]);
  });
  it('deaths in an accident are not an attack', () => {
    expect(events('لقي 5 أشخاص مصرعهم وأصيب 12 في حادث سير على طريق بغداد كركوك.', [E('GPE', 'بغداد')])).toEqual([]);
    expect(events('سقوط 3 قتلى في حريق اندلع بمستشفى في الناصرية.', [E('GPE', 'الناصرية')])).toEqual([]);
  });
});

describe('casualty figures', () => {
  const town = [E('GPE', 'تكريت'), E('GPE', 'بعقوبة'), E('GPE', 'كركوك'), E('GPE', 'تلعفر'), E('GPE', 'إدلب'), E('GPE', 'دوما')];
  it.each([
    ['أدى الهجوم المسلح على حاجز للشرطة في تكريت إلى مقتل 6 وإصابة 12 من أفراد الأمن.', 6, 12],
    ['أسفر التفجير الانتحاري في سوق بعقوبة عن 27 قتيلا على الأقل و54 جريحا.', 27, 54],
    ['قتل ثلاثة جنود بانفجار عبوة ناسفة على طريق كركوك.', 3, null],
    ['وأفادت مصادر بسقوط 5 قتلى في قصف مدفعي على بلدة تلعفر.', 5, null],
    ['مقتل 3 جنود و5 مدنيين في اشتباكات بريف إدلب.', 8, null],
    ['وقتل سبعة جنود وأصيب أربعة آخرون في كمين نصبه مسلحون قرب تكريت.', 7, 4],
  ] as [string, number, number | null][])('%s', (text, killed, injured) => {
    expect(one(text, town)).toMatchObject({ type: 'assault', killed, injured });
  });
  it('a vague figure states casualties but gives no number', () => {
    expect(one('خلف القصف المدفعي عشرات القتلى في مدينة دوما.', town)).toMatchObject({ killed: null, location: 'دوما' });
  });
});

describe('airstrike', () => {
  it('«شنت طائرات التحالف غارات جوية» with a day and casualties', () => {
    const e = one('شنت طائرات التحالف الدولي غارات جوية على مواقع لداعش في سلسلة جبال حمرين، يوم الأحد، ما أدى إلى مقتل 12 مسلحا.', [E('ORG', 'التحالف الدولي', 'التحالف'), E('ORG', 'داعش'), E('LOC', 'جبال حمرين')]);
    expect(e).toMatchObject({ type: 'airstrike', killed: 12, date: '2024-03-10', location: 'جبال حمرين', plover: 'ASSAULT' });
    expect(e.acled).toEqual({ event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike' });
    expect(e.actors).toEqual(expect.arrayContaining(['التحالف الدولي', 'داعش']));
  });
  it('a drone strike: «استهدفت طائرة مسيرة»', () => {
    const e = one('استهدفت طائرة مسيرة سيارة تقل قياديين في فصيل مسلح قرب مطار بغداد الدولي فجر اليوم.', [E('FAC', 'مطار بغداد الدولي')]);
    expect(e).toMatchObject({ type: 'airstrike', location: 'مطار بغداد الدولي' });
    expect(e.trigger.text).toBe('استهدفت');
  });
  it('«ضربات» needs an aerial word; the compass word joins the place', () => {
    const e = one('ونفذ سلاح الجو العراقي ضربة دقيقة استهدفت وكرا للإرهابيين شمالي العراق.', [E('GPE', 'العراق')]);
    expect(e).toMatchObject({ type: 'airstrike', location: 'شمالي العراق' });
    expect(events('وجهت القوات العراقية ضربات موجعة لخلايا التنظيم في العراق.', [E('GPE', 'العراق')])).toEqual([]);
  });
  it('a nationality after the trigger is an actor: «غارات إسرائيلية»', () => {
    const e = one('قتل 3 أشخاص في غارات إسرائيلية على ريف دمشق.', [E('GPE', 'دمشق')]);
    expect(e).toMatchObject({ type: 'airstrike', killed: 3 });
    expect(e.actors).toContain('إسرائيل');
  });
});

describe('base_handover', () => {
  it('one base received, by name', () => {
    const e = one('تسلمت قيادة العمليات المشتركة، اليوم، قاعدة كي وان في كركوك من قوات التحالف الدولي.', [E('ORG', 'قيادة العمليات المشتركة'), E('FAC', 'قاعدة كي وان'), E('GPE', 'كركوك'), E('ORG', 'التحالف الدولي', 'قوات التحالف الدولي')]);
    expect(e).toMatchObject({ type: 'base_handover', count: 1, location: 'قاعدة كي وان', date: '2024-03-10', plover: 'RETREAT' });
    expect(e.acled).toEqual({ event_type: 'Strategic developments', sub_event_type: 'Non-violent transfer of territory' });
  });
  it('a number of bases', () => {
    expect(one('وأعلن التحالف تسليم ثلاث قواعد عسكرية للقوات العراقية.', [E('ORG', 'التحالف')])).toMatchObject({ count: 3 });
  });
  it('one statement listing sites: count = sites', () => {
    const e = one('أعادت قوات التحالف مواقع في قاعدة التاجي وقاعدة الحبانية ومعسكر بسماية إلى الجيش العراقي.', [E('FAC', 'قاعدة التاجي'), E('FAC', 'قاعدة الحبانية'), E('FAC', 'معسكر بسماية'), E('ORG', 'الجيش العراقي')]);
    expect(e).toMatchObject({ count: 3, location: 'قاعدة التاجي' });
  });
});

describe('troop_presence', () => {
  it('«تنشر … نحو 900 جندي في سوريا»', () => {
    const e = one('وتنشر الولايات المتحدة نحو 900 جندي في سوريا.', [E('GPE', 'الولايات المتحدة'), E('GPE', 'سوريا')]);
    expect(e).toMatchObject({ type: 'troop_presence', count: 900, location: 'سوريا', plover: 'MOBILIZE' });
    expect(e.actors).toContain('الولايات المتحدة');
  });
  it('«يبلغ عدد القوات … 2500 جندي»', () => {
    expect(one('ويبلغ عدد القوات الأمريكية في العراق 2500 جندي.', [E('GPE', 'العراق')])).toMatchObject({ count: 2500, location: 'العراق' });
  });
  it('casualties, trainees and member states are not a presence', () => {
    const found = events('مقتل 3 جنود أمريكيين في هجوم على قاعدة التنف يوم أمس.', [E('FAC', 'قاعدة التنف')]);
    expect(found.map((e) => e.type)).toEqual(['assault']);
    expect(found[0]!.killed).toBe(3);
    expect(events('ويضم التحالف 30 دولة في العراق.', [E('GPE', 'العراق')])).toEqual([]);
  });
});

describe('meeting', () => {
  const people = [E('PER', 'محمد شياع السوداني', 'السوداني'), E('PER', 'مايكل كوريلا', 'كوريلا'), E('GPE', 'بغداد')];
  it('a reception, with both people, the place and the day', () => {
    const text = 'استقبل رئيس الوزراء محمد شياع السوداني في بغداد، يوم الأربعاء، قائد القيادة المركزية الأمريكية الجنرال مايكل كوريلا.';
    const e = one(text, people);
    expect(e).toMatchObject({ type: 'meeting', location: 'بغداد', date: '2024-03-06', plover: 'CONSULT' });
    expect(e.actors).toEqual(expect.arrayContaining(['محمد شياع السوداني', 'مايكل كوريلا']));
    expect(e.acled.event_type).toBe('Strategic developments');
    spansHold(text, e, 'مايكل كوريلا');
  });
  it('a visit', () => {
    const e = one('وصل الرئيس الفرنسي إيمانويل ماكرون إلى بغداد في زيارة رسمية تستمر يومين.', [E('PER', 'إيمانويل ماكرون', 'ماكرون'), E('GPE', 'بغداد')]);
    expect(e).toMatchObject({ type: 'meeting', location: 'بغداد' });
    expect(e.actors).toContain('إيمانويل ماكرون');
  });
  it('talks between two countries', () => {
    const e = one('وعقدت في بغداد جولة جديدة من المباحثات بين العراق والولايات المتحدة.', [E('GPE', 'بغداد'), E('GPE', 'العراق'), E('GPE', 'الولايات المتحدة')]);
    expect(e).toMatchObject({ type: 'meeting', location: 'بغداد' });
    expect(e.actors).toEqual(expect.arrayContaining(['العراق', 'الولايات المتحدة']));
  });
  it('phone calls, interviews, ongoing talks and meetings referred back to are not new meetings', () => {
    const ents = [E('PER', 'فؤاد حسين'), E('GPE', 'العراق'), E('GPE', 'الولايات المتحدة')];
    expect(events('وبحث فؤاد حسين في محادثات هاتفية مع نظيره الأمريكي العلاقات الثنائية.', ents)).toEqual([]);
    expect(events('وقال فؤاد حسين في لقاء تلفزيوني إن العلاقات جيدة.', ents)).toEqual([]);
    expect(events('وأكد أن المفاوضات بين العراق والولايات المتحدة لا تزال مستمرة.', ents)).toEqual([]);
    expect(events('لم نناقش الانسحاب في أي من هذه الاجتماعات.', ents)).toEqual([]);
  });
  it('the same meeting told twice is one event', () => {
    const ents = [E('PER', 'جو بايدن', 'بايدن'), E('PER', 'محمد شياع السوداني', 'السوداني'), E('FAC', 'البيت الأبيض'), E('GPE', 'واشنطن')];
    const found = events('استقبل الرئيس جو بايدن رئيس الوزراء محمد شياع السوداني في البيت الأبيض يوم الاثنين. وتأتي زيارة السوداني إلى واشنطن في ظروف صعبة. وتناول اللقاء ملف الانسحاب.', ents);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ location: 'البيت الأبيض', date: '2024-03-04' });
  });
});

describe('withdrawal_plan', () => {
  it('an end of mission by a date, agreed', () => {
    const e = one('واتفق البلدان على إنهاء مهمة التحالف الدولي في العراق بحلول 30 أيلول 2025.', [E('ORG', 'التحالف الدولي'), E('GPE', 'العراق')]);
    expect(e).toMatchObject({ type: 'withdrawal_plan', date: '2025-09-30', location: 'العراق', plover: 'AGREE' });
    expect(e.acled).toEqual({ event_type: 'Strategic developments', sub_event_type: 'Agreement' });
  });
  it('«ستنسحب … قبل» a day', () => {
    const e = one('أعلن الرئيس أن القوات الأمريكية ستنسحب من أفغانستان قبل 11 أيلول 2021.', [E('GPE', 'أفغانستان')], '2021-04-14');
    expect(e).toMatchObject({ date: '2021-09-11', location: 'أفغانستان' });
    expect(e.acled.sub_event_type).toBe('Change to group/activity');
  });
  it('a past withdrawal, one with no date, or one only demanded is no plan', () => {
    const ents = [E('GPE', 'العراق')];
    expect(events('انسحبت القوات الأمريكية من العراق في عام 2011.', ents)).toEqual([]);
    expect(events('وطالب البرلمان بانسحاب القوات الأجنبية من العراق.', ents)).toEqual([]);
    expect(events('وأعلنت الحكومة اليوم تأجيل إعلان إنهاء مهمة التحالف في العراق.', ents)).toEqual([]);
  });
});

describe('training', () => {
  it('a number of trainees', () => {
    const e = one('وأعلنت بعثة الناتو تدريب 4 آلاف عنصر من القوات العراقية خلال العام الماضي.', [E('ORG', 'بعثة الناتو')]);
    expect(e).toMatchObject({ type: 'training', count: 4000, plover: 'AID' });
    expect(e.actors).toContain('بعثة الناتو');
  });
  it('graduates in words', () => {
    expect(one('جرى تخريج دفعة جديدة تضم خمسمائة متدرب من الشرطة الاتحادية.')).toMatchObject({ count: 500 });
  });
  it('trainees counted before a passive «جرى تدريبهم», and people as trainees', () => {
    const a = events('وتعتزم الحكومة نشر ألفي جندي جرى تدريبهم تحت إشراف أجنبي في المحافظة.').filter((e) => e.type === 'training');
    expect(a.map((e) => e.count)).toEqual([2000]);
    expect(one('وقال المتحدث إن التدريب يشمل أربعين شخصاً فقط حتى الآن.')).toMatchObject({ type: 'training', count: 40 });
  });
  it('training with no number is no event', () => {
    expect(events('ويواصل التحالف تدريب القوات العراقية وتقديم المشورة لها.')).toEqual([]);
  });
});

describe('record shape', () => {
  it('has every field of NewsEvent, coordinates from the place entity', () => {
    const e = one('قتل جندي في هجوم على نقطة عسكرية في بلدة تلعفر.', [{ type: 'GPE', names: ['تلعفر'], coordinates: { lat: 36.37, lon: 42.45 } }]);
    expect(Object.keys(e).sort()).toEqual(['acled', 'actors', 'coordinates', 'count', 'date', 'injured', 'killed', 'location', 'plover', 'span', 'trigger', 'type']);
    expect(e).toMatchObject({ killed: 1, location: 'تلعفر', coordinates: { lat: 36.37, lon: 42.45 }, date: null });
  });
  it('a document with no trigger gives no events, quickly', () => {
    expect(events('أعلنت وزارة التربية نتائج الامتحانات الوزارية للصف السادس الإعدادي.')).toEqual([]);
    expect(extractEvents({ ...makeDoc('نص'), text: '' })).toEqual([]);
  });
});

describe('a ceasefire is no attack (session 4)', () => {
  it('«وقف إطلاق النار» names no shooting', () => {
    expect(events('وأكد الطرفان أمس التزامهما باتفاق وقف إطلاق النار في المدينة.', [E('GPE', 'المدينة')])).toEqual([]);
  });
  it('shooting named without a ceasefire is still an attack', () => {
    expect(events('أطلق مسلحون النار أمس على دورية للشرطة في المدينة.', [E('GPE', 'المدينة')]).map((e) => e.type)).toEqual(['assault']);
  });
});

describe('attacks of an earlier year told as background (session 4)', () => {
  it('an attack dated only by an earlier year, with no toll, is no event of the report', () => {
    expect(events('وتتهم واشنطن الجماعة بالهجوم على مجمعها الدبلوماسي في المدينة عام 2012.', [E('GPE', 'المدينة')])).toEqual([]);
  });
  it('an attack of an earlier year dated to the day is still one', () => {
    expect(events('وذكّر بهجوم 11 سبتمبر 2001 على مركز التجارة العالمي في نيويورك.', [E('GPE', 'نيويورك')]).length).toBe(1);
  });
});

describe('tolls read through an adjective (session 4)', () => {
  it('«15 مسلحاً حوثياً قتلوا في غارة»: fighters as persons, a nisba before the verb', () => {
    const e = one('وقالت المصادر إن 15 مسلحاً حوثياً قتلوا في غارة جوية لطيران التحالف على مواقعهم في المديرية أمس.', [E('GPE', 'المديرية')]);
    expect([e.type, e.killed]).toEqual(['airstrike', 15]);
  });
});

describe('«أغار» (session 4)', () => {
  it('the verb of a raid from the air is an air strike', () => {
    const e = one('وأغار طيران التحالف مرتين على مواقع للمتمردين في المنطقة أمس.', [E('GPE', 'المنطقة')]);
    expect([e.type, e.location]).toEqual(['airstrike', 'المنطقة']);
  });
});
