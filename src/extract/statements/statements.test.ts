// Statement extraction on sentences written for these tests (not taken from the seeds): each
// case is one construction of Arabic attribution that the extractor must handle in general.
import { describe, expect, it } from 'vitest';
import { analyzeInput } from '../../core/pipeline.js';
import type { Statement } from '../../core/types.js';

const meta = { title: null, published: '2023-03-15', outlet: null, url: null, author: null };
function run(text: string, published: string | null = '2023-03-15'): Statement[] {
  const doc = analyzeInput({ source: 't.txt', kind: 'text', body: text, meta: { ...meta, published }, encoding: 'utf-8', diagnostics: [] });
  for (const s of doc.statements) expect(doc.text.slice(s.span[0], s.span[1])).toBe(s.quote);
  return doc.statements;
}
const one = (text: string) => {
  const s = run(text);
  expect(s).toHaveLength(1);
  return s[0]!;
};

describe('speaker phrases', () => {
  it('role, comma, title and name', () => {
    const s = one('وقال الناطق باسم وزارة الداخلية السورية، العميد سامر الحلبي، في مؤتمر صحفي: «ضبطنا شحنة أسلحة على الحدود».');
    expect(s.speaker).toBe('سامر الحلبي');
    expect(s.role).toBe('الناطق باسم وزارة الداخلية السورية');
    expect(s.kind).toBe('direct');
    expect(s.channel).toBe('press_conference');
    expect(s.quote).toBe('ضبطنا شحنة أسلحة على الحدود');
  });
  it('role followed directly by the name', () => {
    const s = one('وأوضح وزير النفط العراقي حيان عبد الغني أن الصادرات ارتفعت خلال الشهر الماضي.');
    expect(s.speaker).toBe('حيان عبد الغني');
    expect(s.kind).toBe('indirect');
    expect(s.quote).toBe('الصادرات ارتفعت خلال الشهر الماضي');
  });
  it('name followed by the role', () => {
    const s = one('قال كريم الساعدي النائب في البرلمان العراقي في تصريح: "لن نقبل بأي تأجيل للانتخابات".');
    expect(s.speaker).toBe('كريم الساعدي');
    expect(s.channel).toBe('statement');
  });
  it('an organisation with a parenthesised alias, then the alias as speaker', () => {
    const out = run('أعلنت هيئة الحشد الشعبي (الحشد) انطلاق عملية أمنية في صحراء الأنبار.\nوقال الحشد في بيان إن العملية ستستمر أياماً.');
    expect(out[0]!.speaker).toBe('هيئة الحشد الشعبي');
    expect(out[0]!.stance).toBe('announce');
    expect(out[1]!.channel).toBe('statement');
  });
  it('a definite organisation head refers back to the organisation', () => {
    const out = run('ونفت وزارة الصحة العراقية تسجيل إصابات جديدة.\nوقالت الوزارة: "الوضع تحت السيطرة تماماً".');
    expect(out[1]!.speaker).toBe('وزارة الصحة العراقية');
    expect(out[0]!.stance).toBe('deny');
  });
});

describe('continuations', () => {
  it('agree in gender with their speaker', () => {
    const out = run(
      'وقالت المتحدثة باسم البعثة الأممية، ليلى حداد، إن "الحوار هو السبيل الوحيد".\nوقال قائد الشرطة اللواء سعد معن إن الطرق آمنة.\nوأضافت حداد أن "البعثة مستعدة للمساعدة".\nوأضاف أن "الدوريات مستمرة".',
    );
    expect(out.map((s) => s.speaker)).toEqual(['ليلى حداد', 'سعد معن', 'ليلى حداد', 'سعد معن']);
  });
  it('a participle after a direct quotation opens a new statement', () => {
    const out = run('وأكد الوزير أحمد سالم أن "الاتفاق نهائي"، مضيفاً أن "التنفيذ يبدأ الأسبوع المقبل".');
    expect(out).toHaveLength(2);
    expect(out[1]!.speaker).toBe('أحمد سالم');
    expect(out[0]!.stance).toBe('confirm');
    expect(out[1]!.stance).toBe('assert');
  });
  it('a participle after indirect speech is a statement of its own by the same speaker', () => {
    const out = run('وأكد الوزير أحمد سالم أن الاتفاق نهائي، مشيراً إلى أن التنفيذ يبدأ قريباً.');
    expect(out).toHaveLength(2);
    expect(out[0]!.quote).toBe('الاتفاق نهائي');
    expect(out[1]!.quote).toBe('التنفيذ يبدأ قريباً');
    expect(out[1]!.speaker).toBe('أحمد سالم');
  });
  it('an unnamed source keeps its qualifiers and never takes the next word for a name', () => {
    expect(run('وقال مصدر أمني في شرطة نينوى لوكالة الأنباء الألمانية إن التنظيم أعدم شبانا.')[0]!.speaker).toBe('مصدر أمني في شرطة نينوى');
    expect(run('وقال شاهد عيان إن امرأتين كانتا تسيران.')[0]!.speaker).toBe('شاهد عيان');
    expect(run('وقال مسؤولون أتراك إن الحملة غطاء.')[0]!.speaker).toBe('مسؤولون أتراك');
  });
  it('a name with a glued-looking article is still a name: «فالون»، «فالح»', () => {
    expect(run('وقال مايكل فالون إن بلاده ستمدد حملتها.')[0]!.speaker).toBe('مايكل فالون');
    expect(run('وقال فالح الفياض إن الحشد جاهز.')[0]!.speaker).toBe('فالح الفياض');
  });
  it('«أشار إلى» takes a noun as its content; ambiguous participles need their opener', () => {
    const out = run('وأكد سامح شكري تطابق الرؤى، مشيرا في هذا الصدد إلى اتفاق الجانبين على مضاعفة الجهد.');
    expect(out.map((s) => s.quote)).toEqual(['تطابق الرؤى', 'اتفاق الجانبين على مضاعفة الجهد']);
    expect(run('وقال سامح شكري إن الحوار ناقش الأزمة، مفيدا بأن الجانبين أكدا أهمية الحل.')).toHaveLength(2);
    expect(run('وزار الوزير مدينة مفيدة للاقتصاد.')).toHaveLength(0);
  });
  it('a participle has no subject before it: «أنه بحث الاتفاق، لافتا إلى» goes on with the speaker', () => {
    const out = run('وأضاف سامح شكري أنه بحث الاتفاق، لافتا إلى تأكيد بلاده أهمية السلام.');
    expect(out[1]!.speaker).toBe('سامح شكري');
  });
  it('a relative clause «الذي أعلن» reports its antecedent; a short quoted outlet in the frame is skipped', () => {
    const out = run('وفجرها رئيس لجنة التحقيق في سقوط الموصل حاكم الزاملي الذي أعلن في بيان تسلمت «عكاظ» نسخة منه أن جهات تحاول حرف الحقيقة.');
    expect(out[0]!.speaker).toBe('حاكم الزاملي');
    expect(out[0]!.quote).toBe('جهات تحاول حرف الحقيقة');
  });
  it('names: «أبو بكر علي،», a female name in -ية, an issuer after «للـ», never an accusative noun pair', () => {
    expect(run('وقال عضو في الحزب، ابوبكر علي، إن القوى وافقت.')[0]!.speaker).toBe('ابوبكر علي');
    expect(run('وطالبت النائبة عالية نصيف بأن تكون هناك رقابة.')[0]!.speaker).toBe('عالية نصيف');
    expect(run('وقال بيان للجيش التركي إن جنديين قتلا.')[0]!.speaker).toBe('الجيش التركي');
    expect(run('وعقد الوزير الأمريكي اجتماعا ثلاثيا مع نظيريه. وأكد الوزير الأمريكي أن واشنطن ملتزمة.')[0]!.speaker).not.toContain('اجتماعا');
  });
  it('channels: an organisation with no medium named speaks through a statement, and says so', () => {
    const out = run('وأعلنت وزارة الكهرباء أن المحطة ستضيف 600 ميغاواط.');
    expect(out[0]!.channel).toBe('statement');
    expect(out[0]!.channelSource).toBe('organisation');
    expect(run('وقال أحمد سالم إن المحطة جاهزة.')[0]!.channel).toBe('unknown');
  });
  it('channels: a press conference names all its participants; a Facebook page is a tweet; outlets told are interviews', () => {
    const out = run('وقال الوزير عادل الجبير في مؤتمر صحفي مع نظيره سيرجي لافروف إن الأزمة طويلة.\nوقال لافروف إن الحل سياسي.');
    expect(out[1]!.channel).toBe('press_conference');
    expect(out[1]!.channelSource).toBe('setting');
    expect(run('وعلى صفحته بموقع فيسبوك أعلن النائب سلطان البركاني عن المبادرة.')[0]!.channel).toBe('tweet');
    expect(run('وقال شاهدان لرويترز إن الطائرة أسقطت قنبلة.')[0]!.channel).toBe('interview');
    expect(run('وأبلغ المصدر وكالة الأنباء الألمانية بأن التنظيم انسحب.')[0]!.channel).toBe('interview');
  });
  it('cues: plural verbs, «بيّن» with its shadda, object suffixes on a verb beginning with و', () => {
    expect(run('ونفى مسؤولون أتراك ذلك وقالوا إن الهجوم عملية مشتركة.').some((s) => s.quote === 'الهجوم عملية مشتركة')).toBe(true);
    expect(run('وقال أحمد سالم إن العبادي أوعز بحظر السفر، وبيّن أن المسؤولين متهمون بالفساد.').map((s) => s.quote)).toContain('المسؤولين متهمون بالفساد');
    const out = run('ونفذ التنظيم مذابح، وصفتها الأمم المتحدة بـ«محاولة لتنفيذ إبادة جماعية».');
    expect(out[0]!.speaker).toBe('الأمم المتحدة');
    expect(out[0]!.quote).toBe('محاولة لتنفيذ إبادة جماعية');
  });
  it('a relative clause inside reported words stays in them; a long parenthesis where the content is due is the content', () => {
    expect(run('وقال أحمد سالم إنه رفض تلك التصريحات التي وصفها بـ"المسيئة وغير المسؤولة".')).toHaveLength(1);
    const out = run('وقال أحمد سالم إن المجلس سيحدد الأسماء، مضيفاً (سنمضي بشكل مباشر في عملية الاستجواب).');
    expect(out[1]!.quote).toBe('سنمضي بشكل مباشر في عملية الاستجواب');
  });
  it('issuers: «بيان المجلس» is the council named before; statistics are issued too', () => {
    const out = run('أعلن مجلس القضاء في إقليم كردستان توقيف المتهمة. وجاء في بيان المجلس: «سلمت الولايات المتحدة المتهمة إلى حكومة الإقليم».');
    expect(out[1]!.speaker).toBe('مجلس القضاء في إقليم كردستان');
    expect(run('ووفقا لإحصاءات حكومة الإقليم، فإن 1280 شخصا قتلوا خلال الهجوم.')[0]!.speaker).toBe('حكومة الإقليم');
  });
  it('«الذي أعلن فيه X» names X; a family name printed in full before needs no boundary', () => {
    const out = run('يأتي ذلك في الوقت الذي أعلن فيه رئيس مجلس النواب سليم الجبوري في كلمة متلفزة أمس أن البرلمان قرر استجواب الوزراء.');
    expect(out[0]!.speaker).toBe('سليم الجبوري');
    expect(out[0]!.quote).toBe('البرلمان قرر استجواب الوزراء');
    const two = run('وكان رئيس الوزراء حيدر العبادي قد أكد الاستعداد للإصلاح. وأعلن العبادي التزامه بتوجيهات المرجعية.');
    expect(two[1]!.speaker).toBe('حيدر العبادي');
  });
  it('«المصدر» refers back to the unnamed source quoted last, whatever the gender of its verb', () => {
    const out = run('قالت مصادر مطلعة أمس إن إيران بدأت بزج قوات جديدة.\nونوه المصدر إلى أن هناك نقاط تشارك قليلة.');
    expect(out[1]!.speaker).toBe('مصادر مطلعة');
  });
  it('names end before the outlet told, run through coordinated genitives, and kin are named through their relative', () => {
    expect(run('وقال عضو المجلس أركان الطرموز لـ"الوطن": تعهد المسؤولون بتقديم الدعم.')[0]!.speaker).toBe('أركان الطرموز');
    expect(run('طالب عضو لجنة الأمن والدفاع في البرلمان النائب حامد المطلك القوات الأمنية بتفعيل الجهد الاستخباري.')[0]!.speaker).toBe('حامد المطلك');
    expect(run('وصرحت والدة رضائيان التي حضرت الجلسة أمس أن قضية ابنها سياسية.')[0]!.speaker).toBe('والدة رضائيان');
    expect(run('كما دانت تشكل وزيرة القضاء لجنة حكومية للعمل على شرعنة البؤر.').every((s) => s.speaker !== 'تشكل')).toBe(true);
  });
  it('a verb with no subject after narration goes on with the person the narration is about', () => {
    const out = run('وقال وزير الدفاع أشتون كارتر إن الاتفاق مهم.\nوبينما لم يشتبك الجنرال مارتن ديمبسي مع أعضاء اللجنة، أيد، في حذر، الاتفاق. وقال: «شيء هام أن يكون لدينا اتفاق».');
    expect(out[1]!.speaker).toBe('مارتن ديمبسي');
    expect(out[1]!.resolution).toBe('topic');
  });
  it('asides in the frame: an anonymous source\'s relative clause, a phone call to an outlet, a Facebook page, an apposition before the name', () => {
    const out = run('وقال المصدر الذي فضّل عدم ذكر اسمه في اتصال هاتفي مع «المدينة» : إن المليشيات بدون قيادة.');
    expect(out[0]!.quote).toBe('المليشيات بدون قيادة');
    expect(out[0]!.channel).toBe('interview');
    const two = run('نفى المتحدث الرسمي باسم انصار الله، وهي التسمية التي يستخدمها الحوثيون، محمد عبد السلام على صفحته على فيسبوك الاحد ما نقل عن زعيمهم.');
    expect(two[0]!.speaker).toBe('محمد عبد السلام');
    expect(two[0]!.channel).toBe('tweet');
    expect(two[0]!.quote).toBe('ما نقل عن زعيمهم');
  });
  it('commit is the speaker\'s own pledge, not someone else\'s commitment reported in the words', () => {
    expect(run('وقال الوزير أحمد سالم إن واشنطن ملتزمة باستقرار الخليج.')[0]!.stance).toBe('commit');
    expect(run('وقال الوزير أحمد سالم إن العقوبات سترفع بالتزام إيران بمسؤولياتها.')[0]!.stance).toBe('assert');
    expect(run('وقال الوزير أحمد سالم إن المسؤولين تعهدوا بالدعم وتعهد المسؤولون بتقديم الأسلحة.')[0]!.stance).toBe('assert');
  });
  it('a sentence opening with «وإنه» goes on with the report before it', () => {
    const out = run('وقال الوزير أحمد سالم إنه «يمثل خطوة هامة». وإنه «سيضع قيودا على إيران».');
    expect(out.map((s) => [s.speaker, s.quote])).toEqual([['أحمد سالم', 'يمثل خطوة هامة'], ['أحمد سالم', 'سيضع قيودا على إيران']]);
  });
  it('whom the words were said to stands in the frame, not in the content', () => {
    const out = run('كشف وزير الداخلية اليمني اللواء عبده الحذيفي ل"الرياض" عن وجود أسرى من ثلاث دول.');
    expect(out[0]!.quote).toBe('وجود أسرى من ثلاث دول');
    expect(out[0]!.channel).toBe('interview');
  });
  it('a negated existence denies only for a speaker who rebuts a claim in the article', () => {
    expect(run('وقال الوزير أحمد سالم إنه لا يوجد حل عسكري للأزمة.')[0]!.stance).toBe('assert');
    const out = run('ووصفت وزارة الخارجية التصريحات بـ"غير الدقيقة". وأوضحت أنه "لا توجد قوات أجنبية في البلاد".');
    expect(out.map((s) => s.stance)).toEqual(['deny', 'deny']);
  });
  it('a lede with no day of its own takes the first day its paragraph names after it', () => {
    const out = run('أكد الوزير أحمد سالم أن الاجتماع المشترك الذي انعقد أمس كان بناء.', '2015-08-04');
    expect(out[0]!.date).toBe('2015-08-03');
    expect(out[0]!.dateSource).toBe('context');
  });
  it('sources: «مصادر الجزيرة في غزة», «مصادر متطابقة في جبهات تعز»; «علمت (المدينة) من مصادر … أن»; «ووعد … بـ» is a pledge', () => {
    expect(run('وقالت مصادر الجزيرة في غزة إن الطيران قصف موقعا.')[0]!.speaker).toBe('مصادر الجزيرة في غزة');
    expect(run('وذكرت مصادر متطابقة في جبهات تعز أن معارك احتدمت.')[0]!.speaker).toBe('مصادر متطابقة في جبهات تعز');
    const out = run('علمت (المدينة) من مصادر سياسية في صنعاء أن وفدا سياسيا غادر العاصمة.');
    expect(out[0]!.speaker).toBe('مصادر سياسية في صنعاء');
    expect(out[0]!.quote).toBe('وفدا سياسيا غادر العاصمة');
    expect(run('ووعد رئيس الوزراء أحمد سالم أمام الصحافيين «بمواصلة تعزيز الأمن».')[0]!.stance).toBe('commit');
  });
  it('an unnamed source is a person only when a real name follows the comma', () => {
    expect(run('وقال مسؤول يمني في محافظة عدن، الدكتور أحمد سالم، إن ألف قتيل سقطوا.')[0]!.speaker).toBe('أحمد سالم');
    expect(run('وأوضح مسؤول يمني في محافظة عدن، جنوبي البلاد، أمس، أن القتلى بلغوا ألفا.')[0]!.speaker).toBe('مسؤول يمني في محافظة عدن');
  });
  it('a role names its holder in quotation marks or after a glued place: «المحلل " هاني مسهور"», «مدير المؤسسة بعدن نجيب محمد»', () => {
    expect(run('توقع المحلل السياسي اليمني " هاني مسهور" اقتراب حسم معركة قاعدة العند.')[0]!.speaker).toBe('هاني مسهور');
    expect(run('وقال مدير مؤسسة المياه بعدن نجيب محمد أحمد، إنه يتوقع البدء بضخ المياه.')[0]!.speaker).toBe('نجيب محمد أحمد');
  });
  it('a role printed differently still finds its holder: «رئيس الحكومة التركية» is «رئيس الوزراء التركي»', () => {
    const out = run('وأعلن رئيس الوزراء التركي أحمد داود أوغلو أن الشرطة تعرفت على المشتبه به.\nوقال رئيس الحكومة التركية إن «تركيا اتخذت دائما إجراءات ضد داعش».');
    expect(out[1]!.speaker).toBe('أحمد داود أوغلو');
  });
  it('«القوات المسلحة» is one phrase; the outlet told («لرويترز») is never the speaker', () => {
    expect(run('وقال الناطق الرسمي باسم القوات المسلحة العميد محمد سمير إن العمليات مستمرة.')[0]!.speaker).toBe('محمد سمير');
    expect(run('لكن فاروق جليك وزير العمل والضمان الاجتماعي التركي قال لرويترز انه لا توجد خطط.')[0]!.speaker).toBe('فاروق جليك');
  });
  it('role phrases: a longer genitive chain, a place after its head, a one-word role before a name', () => {
    expect(run('وقال مساعد وزير الخارجية لشؤون دول الجوار السفير أسامة المجدوب إن الاجتماع مهم.')[0]!.speaker).toBe('أسامة المجدوب');
    expect(run('وقال وزير البنى التحتية في حكومة العاصمة الخرطوم أحمد قاسم، في تصريحات صحفية إن طهران أوقفت المشروعات.')[0]!.speaker).toBe('أحمد قاسم');
    expect(run('وقال مسؤول بقطاع السجون التابع لوزارة الداخلية، في بيان له، أمس: إن الحالة مستقرة.')[0]!.speaker).toBe('مسؤول بقطاع السجون');
  });
  it('a group named by a definite plural speaks: «وقال المتظاهرون إن …»', () => {
    expect(run('وقال المتظاهرون إن أوامر عليا صدرت إلى الضباط.')[0]!.speaker).toBe('المتظاهرون');
  });
  it('«آية الله» is a title; «بحسب», reflexives and quantifiers start no name', () => {
    expect(run('وقال آية الله علي خامنئي إن بلاده على خلاف عميق مع واشنطن.')[0]!.speaker).toBe('علي خامنئي');
    expect(run('وقال خالد بحاح بحسب سكاي نيوز إن العمل الجماعي مهم.')[0]!.speaker).toBe('خالد بحاح');
  });
  it('an honorific before a role («معالي وزير الخارجية عادل الجبير») still names the holder', () => {
    expect(run('ومن جانبه، قال معالي وزير الخارجية عادل الجبير "إن هناك رغبة بين البلدين".')[0]!.speaker).toBe('عادل الجبير');
  });
  it('a verbal noun after the verb is its object, not a name', () => {
    expect(run('أكد جون كيري أهمية الدور التاريخي لمصر.')[0]!.speaker).toBe('جون كيري');
    expect(run('وأكد الوزير تطابق رؤية الجانبين.')[0]!.speaker).not.toContain('تطابق');
  });
  it('a quotation paragraph with no attribution continues the previous speaker', () => {
    const out = run('وقال المبعوث الخاص جان بيرسون: «نحن أمام فرصة حقيقية».\n«وعلى جميع الأطراف أن تغتنمها دون تأخير».');
    expect(out).toHaveLength(2);
    expect(out[1]!.speaker).toBe('جان بيرسون');
  });
  it('a surname alone gets the fullest name printed in the article', () => {
    const out = run('التقى وزير الخارجية فؤاد سامي نظيره التركي في أنقرة.\nوقال سامي إن المحادثات كانت مثمرة.');
    expect(out[0]!.speaker).toBe('فؤاد سامي');
  });
});

describe('stance, channel and date', () => {
  it('a pledge wins over the reporting verb', () => {
    expect(one('وأكدت الحكومة التزامها بإجراء الانتخابات في موعدها.').stance).toBe('commit');
  });
  it('a rebuttal in the content is a denial', () => {
    expect(one('وقال المكتب الإعلامي للرئاسة إن "هذه الأنباء عارية عن الصحة".').stance).toBe('deny');
  });
  it('reads channel and date from the frame, not from the quoted words', () => {
    const s = one('وقال المتحدث باسم الجيش، العقيد مازن فهد، في تغريدة على منصة إكس، أمس: "سنعقد مؤتمراً صحفياً في 20 آذار".');
    expect(s.channel).toBe('tweet');
    expect(s.date).toBe('2023-03-14');
  });
  it('a statement without its own channel takes it from the same speaker', () => {
    const out = run('نفت وزارة النقل وجود أي خلل في المطار.\nوقالت الوزارة في بيان اليوم الأربعاء إن "الرحلات تسير بشكل طبيعي".');
    expect(out[0]!.channel).toBe('statement');
    expect(out[0]!.date).toBe('2023-03-15');
  });
});

describe('quotation marks', () => {
  it('handles ” used as both marks and nested quotes', () => {
    const s = one('وأكد القائد العسكري خالد يوسف، في تصريح خاص لقناة محلية، “استمرار العمليات ضد ”داعش” في الصحراء”.');
    expect(s.kind).toBe('direct');
    expect(s.channel).toBe('interview');
    expect(s.quote).toContain('في الصحراء');
  });
  it('scare quotes inside indirect speech stay indirect', () => {
    const s = one('وأوضح رئيس اللجنة أن المفاوضات "مستمرة" رغم الخلافات حول الملفات العالقة بين الطرفين.');
    expect(s.kind).toBe('indirect');
  });
  it('an unclosed quotation runs on into the next paragraph without attribution', () => {
    const s = one('وأعلنت قيادة العمليات المشتركة، في بيان، إنه “تم تحرير القرية بالكامل.\nوجرى تأمين الطرق المؤدية إليها.');
    expect(s.quote).toContain('تأمين الطرق');
  });
});

describe('what is not a statement', () => {
  it('journalist asides and verbs governed by particles', () => {
    expect(run('يذكر أن المدينة شهدت هجمات متكررة خلال العام الماضي.')).toHaveLength(0);
    expect(run('ولم يعلن أي طرف مسؤوليته عن الهجوم حتى الآن.')).toHaveLength(0);
    expect(run('وعاد الهدوء مجدداً إلى المدينة بعد اشتباكات عنيفة.')).toHaveLength(0);
  });
});

describe('clauses and offices (session 3)', () => {
  it('two offices held by one person, and the second office alone later', () => {
    const out = run('أكد نائب رئيس الجمهورية ووزير الداخلية، سالم الحداد، أن الطرق آمنة.\nوقال وزير الداخلية إن الحدود مغلقة.');
    expect(out).toHaveLength(2);
    expect(out[0]!.role).toBe('نائب رئيس الجمهورية ووزير الداخلية');
    expect(out[0]!.quote).toBe('الطرق آمنة');
    expect(out[1]!.speaker).toBe('سالم الحداد');
  });
  it('a main clause after a «فيما» clause has its own speaker', () => {
    const out = run('وفيما أعلنت وزارة الصحة عن وفاة خمسة أشخاص، قال المحافظ ناصر العلي إن الوضع تحت السيطرة.');
    expect(out.map((s) => s.speaker)).toEqual(['وزارة الصحة', 'ناصر العلي']);
    expect(out[1]!.quote).toBe('الوضع تحت السيطرة');
  });
  it('an outlet spoken with is a label, and the subject stands before its relative clause', () => {
    const s = run('وقال مصدر أمني إن الطريق مغلق. وأشار في اتصال هاتفي أجرته معه "الأنباء" إلى أن القصف توقف.')[1]!;
    expect(s.channel).toBe('interview');
    expect(s.quote).toBe('القصف توقف');
    const out = run('وزارة الدفاع التي تحدثت إليها "الأنباء" قالت إن القصف توقف.');
    expect(out).toHaveLength(1);
    expect(out[0]!.speaker).toBe('وزارة الدفاع');
  });
  it('a participle after «غير» is an adjective, not a report', () => {
    expect(run('وصل الوزير إلى بغداد في زيارة غير معلنة للقاء مسؤولين عراقيين.')).toHaveLength(0);
  });
});

describe('who a clause is about (session 3)', () => {
  it('a demonstrative before a role points back to the person quoted last', () => {
    const out = run('وقال الناطق باسم المقاومة الشعبية سالم العبدلي لوكالة الأنباء إن القوات تقدمت. وأكد هذا الناطق باسم القوات الموالية للحكومة أن المسلحين انسحبوا.');
    expect(out.map((s) => s.speaker)).toEqual(['سالم العبدلي', 'سالم العبدلي']);
    expect(out[1]!.quote).toBe('المسلحين انسحبوا');
  });
  it('an organisation named by its short name after its full name, inside a role', () => {
    const s = one('وقال القيادي في حركة المقاومة الإسلامية "حماس" الدكتور سامي النجار إن الحوار متوقف.');
    expect(s.speaker).toBe('سامي النجار');
    expect(s.role).toBe('القيادي في حركة المقاومة الإسلامية حماس');
  });
  it('a participle in a clause about a named person, and «إذ قال» after a clause about one', () => {
    const pre = 'وقال وزير الخارجية كمال الراشد إن المفاوضات مستمرة. وذكرت وسائل الإعلام أن البرلمان سيناقش الاتفاق. ';
    const a = run(pre + 'وفي كلمة أمام الطلاب، كرر الراشد موقف الحكومة، قائلاً: «لن نتراجع عن الاتفاق».');
    expect(a[a.length - 1]!.speaker).toBe('كمال الراشد');
    const b = run(pre + 'وتعكس تصريحات الراشد قلقا من نيات الولايات المتحدة؛ إذ قال إن الضغوط تتزايد.');
    expect(b[b.length - 1]!.speaker).toBe('كمال الراشد');
  });
  it('a future verb ends a name', () => {
    const out = run('وذكرت وسائل الإعلام أن وزير الخارجية كمال الراشد سيطلع البرلمان على الاتفاق.\nوقال وزير الخارجية إن الاتفاق جيد.');
    expect(out[0]!.speaker).toBe('وسائل الإعلام');
    expect(out[1]!.speaker).toBe('كمال الراشد');
  });
});

describe('names with the article and bare clauses (session 3)', () => {
  it('a given name printed with the article', () => {
    expect(one('وأشار الطيب عبد الرحمن مدير مكتب الصحة إلى أن المستشفى مغلق.').speaker).toBe('الطيب عبد الرحمن');
    const s = one('نفى الرئيس السوداني الصادق حامد الخليفة وجود أي خلاف مع الجيران.');
    expect(s.speaker).toBe('الصادق حامد الخليفة');
    expect(s.role).toBe('الرئيس السوداني');
  });
  it('«قال» with no subject and a clause that cannot be one', () => {
    const out = run('وقال الرئيس سالم العبدلي إن العلاقات جيدة.\n\nوعن الوضع في ليبيا قال ليست هناك دولة ساعدت ليبيا مثلنا.');
    expect(out).toHaveLength(2);
    expect(out[1]!.speaker).toBe('سالم العبدلي');
    expect(out[1]!.quote).toBe('ليست هناك دولة ساعدت ليبيا مثلنا');
  });
});

describe('where a name ends (session 3)', () => {
  it('the speech delivered and a verb with an object pronoun are not part of a name', () => {
    const out = run('وألقى الرئيس كمال الحداد كلمة أمام الحضور. وقال الرئيس الحداد إن الحوار مستمر. وانتقد الحملة التي قال إن الرئيس كمال الحداد يقودها ضد الحركة.');
    expect(out[0]!.speaker).toBe('كمال الحداد');
  });
});

describe('asides and adverbs (session 3)', () => {
  it('an unnamed source with an aside before «فإن»', () => {
    const s = one('ووفق تصريحات مصدر أمني، لم يتم ذكر اسمه، لـ «الأنباء» الجمعة، فإن القارب كان قادما باتجاه الميناء.');
    expect(s.speaker).toBe('مصدر أمني');
    expect(s.quote).toBe('القارب كان قادما باتجاه الميناء');
  });
  it('an adverb after the verb is no speaker; the subject stands before it after «كانت»', () => {
    const s = one('وكانت النائبة في البرلمان، سلمى الحداد، صرحت أخيرا بأن الحكومة تتعاون مع الجيران.');
    expect(s.speaker).toBe('سلمى الحداد');
  });
  it('a particle before the clause is no speaker', () => {
    const s = one('أما في بنغازي فقد أوضح المؤتمر الوطني العام أن وفدا يشارك في اللقاء.');
    expect(s.speaker).toBe('المؤتمر الوطني العام');
  });
});

describe('roles matched to their holders (session 3)', () => {
  it('a nisba matches the country after «لل»', () => {
    const out = run('وقال سالم الكعبي النائب العام للإمارات إن التحقيقات انتهت.\n\nوقال النائب العام الإماراتي: "حدد المتهمون مهام اللجان".');
    expect(out.map((s) => s.speaker)).toEqual(['سالم الكعبي', 'سالم الكعبي']);
  });
});

describe('organisations named by a common noun and a place (session 3)', () => {
  it('«تنظيم «فجر ليبيا»» with a relative aside before the content', () => {
    const s = one('كما اعتبر تنظيم «فجر ليبيا»، الذي حارب من أجل إسقاط النظام، أن هذا الاتفاق يفتح الطريق أمام عودة الاستبداد.');
    expect(s.speaker).toBe('تنظيم فجر ليبيا');
    expect(s.quote).toBe('هذا الاتفاق يفتح الطريق أمام عودة الاستبداد');
  });
  it('a time word after a definite head stays a time word', () => {
    expect(one('وقال الجيش فجر اليوم إن القصف توقف.').speaker).toBe('الجيش');
  });
});

describe('courtly titles and honorifics (session 4)', () => {
  it('«صاحب السمو» is a title, a dynasty name runs past four words, and an office follows the name', () => {
    const s = one('أكد صاحب السمو الشيخ محمد بن راشد بن سعيد آل مكتوم نائب رئيس الدولة بدولة الإمارات أن التنمية مستمرة.');
    expect(s.speaker).toBe('محمد بن راشد بن سعيد آل مكتوم');
    expect(s.quote).toBe('التنمية مستمرة');
  });
  it('«سموه» and «معاليه» stand for the dignitary named before', () => {
    const out = run('أكد الأمير فيصل بن خالد أمير المنطقة أن المشاريع ستنجز.\nوقال سموه خلال لقائه الأهالي "نحن معكم".\nوأوضح معاليه أن الميزانية كافية.');
    expect(out.map((s) => s.speaker)).toEqual(['فيصل بن خالد', 'فيصل بن خالد', 'فيصل بن خالد']);
    expect(out[1]!.quote).toBe('نحن معكم');
  });
  it('a role with the state after «بـ» matches the same role with its nisba', () => {
    const out = run('قال وزير المالية بدولة الكويت أنس الصالح إن العجز تراجع.\nوقال وزير المالية السعودي إبراهيم العساف إن الإنفاق مستمر.\nوأضاف وزير المالية الكويتي أن الإيرادات تحسنت.');
    expect(out.map((s) => s.speaker)).toEqual(['أنس الصالح', 'إبراهيم العساف', 'أنس الصالح']);
  });
  it('«شدد على» takes a noun as its content, as «أكد على» does', () => {
    const out = run('قال الوزير سامي العلي إن الوضع مستقر.\nوشدد على ضرورة التعاون بين المؤسسات.');
    expect(out[1]!.quote).toBe('ضرورة التعاون بين المؤسسات');
  });
  it('«عاد وقال» after a name: the auxiliary verb is not part of the name', () => {
    const out = run('قال الوزير كمال الدين إن الاتفاق جيد.\nلكن الدين عاد وقال "لم نتنازل عن شيء".');
    expect(out[1]!.speaker).toBe('كمال الدين');
  });
});

describe('channels of interviews and meetings (session 4)', () => {
  it('an outlet after the role-holder\'s name ends the name and makes an interview', () => {
    const out = run('وقال مدير الأمن المحلي حسام لفرانس برس "اعتقلنا ثلاثة مشتبهين".\nوتابع حسام "التحقيق مستمر".');
    expect(out.map((s) => [s.speaker, s.channel])).toEqual([['حسام', 'interview'], ['حسام', 'interview']]);
  });
  it('«للتلفزيون» and «بحسب» a named channel inside the frame are interviews', () => {
    expect(one('وقال المبعوث برناردينو ليون للتلفزيون الرسمي إن المشاورات مستمرة.').channel).toBe('interview');
    expect(one('وأكد رئيس الوزراء كمال الدين بحسب سكاي نيوز أن الحكومة لن تستقيل.').channel).toBe('interview');
    expect(one('وأكد رئيس الوزراء كمال الدين بحسب وكالة الأنباء الرسمية أن الحكومة لن تستقيل.').channel).not.toBe('interview');
  });
  it('a report given before a council is made in a meeting', () => {
    expect(one('وأكد الوزير سامي العلي خلال تقديم تقريره أمام مجلس النواب أن الموازنة جاهزة.').channel).toBe('meeting');
  });
  it('a sentence opened by «التقى» sets a meeting for its participants', () => {
    const out = run('التقى الرئيس سالم الحداد أمس السفير الياباني في العاصمة.\nودعا الرئيس الحداد اليابان إلى دعم مشاريع الطاقة.');
    expect(out[0]!.channel).toBe('meeting');
  });
  it('a role then a family name printed in full before is the person, not an adjective', () => {
    const out = run('أكد الرئيس المصري عبد الفتاح السيسي انفتاح مصر على العالم.\n\nونوه الرئيس السيسي ، خلال استقباله أمس الوفد، إلى حرص مصر على التعاون.');
    expect(out.map((s) => s.speaker)).toEqual(['عبد الفتاح السيسي', 'عبد الفتاح السيسي']);
  });
});

describe('scraped text and nouns that look like cues (session 4)', () => {
  it('a full stop with no space after it still ends the sentence', () => {
    const out = run('وقالت الشرطة إن التحقيق بدأ.وأوضح الرقيب في شرطة «المدينة» سامر العلي أن الجاني فر.');
    expect(out.map((s) => s.speaker)).toEqual(['الشرطة', 'سامر العلي']);
    expect(out[1]!.role).toBe('الرقيب في شرطة المدينة');
  });
  it('«طالب» after «لقي» is a student, not «demanded»', () => {
    expect(run('لقي طالب سعودي مبتعث مصرعه صباح أمس داخل حرم الجامعة.')).toEqual([]);
  });
  it('a present-tense clause before a coordinated verb is no speaker', () => {
    const out = run('وحذر الوزير سامي العلي من أن الأزمة يمكن أن تستمر طوال الصيف ووعد "بتعزيز الرقابة على الحدود ومزيد من الموارد".');
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((s) => s.speaker === 'سامي العلي')).toBe(true);
  });
});

describe('the outlet between the verb and its subject (session 4)', () => {
  it('«كشفت لـ«الصحيفة» مصادر …» and «قال لفرانس برس مسؤول …»', () => {
    const a = one('كشفت لـ«الوطن» مصادر مطلعة عن صدور أحكام جديدة بحق أربعة متهمين.');
    expect([a.speaker, a.channel]).toEqual(['مصادر مطلعة', 'interview']);
    const b = one('وقال لفرانس برس مسؤول أمني إن الهجوم أسفر عن قتلى.');
    expect([b.speaker, b.channel, b.quote]).toEqual(['مسؤول أمني', 'interview', 'الهجوم أسفر عن قتلى']);
  });
  it('a meeting still to come sets no meeting for the words', () => {
    const out = run('وقالت المصادر إن الحكم صدر أمس.\nوتوقعت المصادر أن السفير سيعقد اجتماعا خاصا مع الأهالي.');
    expect(out.map((s) => s.channel)).toEqual(['unknown', 'unknown']);
  });
});

describe('«رأى» and the dual (session 4)', () => {
  it('«ورأى X أن» reports; a dual verb goes on with the first of two speakers', () => {
    const out = run('ورأى وزير الداخلية الفرنسي برنار كازنوف ونظيرته البريطانية تيريزا ماي في بيان مشترك أن الإجراءات الجديدة توجه رسالة واضحة، وأضافا أن "حدودنا آمنة".');
    expect(out.map((s) => [s.speaker, s.channel])).toEqual([['برنار كازنوف', 'statement'], ['برنار كازنوف', 'statement']]);
  });
  it('the noun «رأي» is no report', () => {
    expect(run('وفي مقال رأي نشرته الصحيفة أن الحكومة فشلت.')).toEqual([]);
  });
});

describe('family names and spokesmen of groups (session 4)', () => {
  it('a family name with the article before a prepositional object', () => {
    expect(one('تعهد الرئيس السوري بشار الأسد بمحاسبة أحد أقربائه على الحادث.').speaker).toBe('بشار الأسد');
  });
  it('«المتحدث باسم أهالي السجناء» takes its genitive, then the name', () => {
    const s = one('وقال المتحدث الرسمي باسم أهالي السجناء عبدالله الناهض: «نطالب بالسماح لأبنائنا بالاتصال بنا».');
    expect([s.speaker, s.role]).toEqual(['عبدالله الناهض', 'المتحدث الرسمي باسم أهالي السجناء']);
  });
});

describe('sources who spoke to the outlet (session 4)', () => {
  it('«المصادر التي تحدثت إليها "الوطن"» speak in an interview', () => {
    const out = run('وانتقدت مصادر دبلوماسية في الحكومة الأمم المتحدة.\nوقالت المصادر الدبلوماسية التي تحدثت إليها "الوطن" إن المساعدات لم تصل بعد.');
    const s = out.find((x) => x.quote.startsWith('المساعدات'))!;
    expect([s.speaker, s.channel]).toEqual(['مصادر دبلوماسية في الحكومة', 'interview']);
  });
});

describe('a family name that starts with «و» (session 4)', () => {
  it('«علي أكبر ولايتي» is one name; «ووزير الدفاع» after a name is a second subject', () => {
    expect(one('وقال مستشار المرشد الدكتور علي أكبر ولايتي إن المفاوضات انتهت.').speaker).toBe('علي أكبر ولايتي');
    const out = run('وقال وزير الخارجية سامي العلي ووزير الدفاع كمال الدين إن الاتفاق جيد.');
    expect(out[0]!.speaker).toBe('سامي العلي');
  });
});

describe('«بحسب ما نشرته» (session 4)', () => {
  it('the source after «ما» and its verb', () => {
    const s = one('وبحسب ما نشرته صحيفة الغارديان فإن الحكومة تدرس الخطة.');
    expect([s.speaker, s.quote]).toEqual(['صحيفة الغارديان', 'الحكومة تدرس الخطة']);
  });
});

describe('«وزاد أنه»، «ومضى يقول» and «د.» (session 4)', () => {
  it('continuations by «زاد» before «أن» and by «مضى يقول»; «وزاد عدد» reports nothing', () => {
    const out = run('قال الوزير سامي العلي إن الوضع مستقر.\nوزاد أنه سيزور المنطقة قريبا.\nومضى يقول إن الحكومة ملتزمة.\nوزاد عدد القتلى إلى عشرة.');
    expect(out.map((s) => s.quote)).toEqual(['الوضع مستقر', 'سيزور المنطقة قريبا', 'الحكومة ملتزمة']);
    expect(new Set(out.map((s) => s.speaker))).toEqual(new Set(['سامي العلي']));
  });
  it('the stop of «د.» ends no sentence and is part of the title', () => {
    expect(one('وقال د. محمد مارم: "القوة العسكرية جاهزة".').speaker).toBe('محمد مارم');
  });
});

describe('participles that are adjectives too (session 4)', () => {
  it('«مشددة على» after a comma reports; after a noun it is «tight»', () => {
    const out = run('قالت الوزارة إن القرار لم يتم التشاور حوله، مشددة على «تضامن دولة قطر الكامل مع الجمهورية».\nوفرضت السلطات إجراءات أمنية مشددة على المداخل.');
    expect(out.map((s) => s.quote)).toEqual(['القرار لم يتم التشاور حوله', 'تضامن دولة قطر الكامل مع الجمهورية']);
  });
  it('«متوقعة أن» reports an expectation', () => {
    const out = run('قالت المنظمة إن العدد ارتفع، متوقعة أن يؤدي ذلك إلى أزمة.');
    expect(out.map((s) => s.quote)).toEqual(['العدد ارتفع', 'يؤدي ذلك إلى أزمة']);
  });
});

describe('«مجدداً التأكيد» (session 4)', () => {
  it('reports a confirmation; «مجدداً» alone is the adverb «again»', () => {
    const out = run('وقال الوزير سامي العلي إن المفاوضات مستمرة، مجددا التأكيد على أنه تم الاتفاق على تبادل الأسرى.\nوعاد مجددا إلى العاصمة.');
    expect(out.map((s) => [s.quote, s.stance])).toEqual([['المفاوضات مستمرة', 'assert'], ['تم الاتفاق على تبادل الأسرى', 'confirm']]);
  });
});

describe('trailing attribution is cut on whole words (session 4)', () => {
  it('«، وفقد 15 آخرون» is no «وفق»', () => {
    const s = one('وقال مسؤول عسكري إن خمسة جنود قتلوا، وفقد 15 آخرون عندما هاجم مقاتلون نقطة التفتيش.');
    expect(s.quote).toBe('خمسة جنود قتلوا، وفقد 15 آخرون عندما هاجم مقاتلون نقطة التفتيش');
  });
});

describe('«غرد قائلاً» (session 4)', () => {
  it('a participle in the frame of the verb before it adds no statement and keeps the tweet', () => {
    const out = run('وغرد الوزير سامي العلي قائلا إن الحكومة لن تستقيل.');
    expect(out.map((s) => [s.cue.text, s.channel, s.quote])).toEqual([['وغرد', 'tweet', 'الحكومة لن تستقيل']]);
  });
});

describe('words after a colon and whom they were said to (session 4)', () => {
  it('«وقال كاميرون لتلاميذ مدرسة:» — the addressees end the name, and the words run through the paragraph', () => {
    const out = run('قال رئيس الوزراء البريطاني ديفيد كاميرون إن الخطة جاهزة.\n\nوقال كاميرون لتلاميذ مدرسة في مدينة برمنجهام: أريد المضي إلى أبعد من ذلك. نريد أن نحمي شبابنا.\n\nوأضاف أن الحكومة ستتحرك.');
    expect(out.map((s) => s.speaker)).toEqual(['ديفيد كاميرون', 'ديفيد كاميرون', 'ديفيد كاميرون']);
    expect(out[1]!.quote).toBe('أريد المضي إلى أبعد من ذلك. نريد أن نحمي شبابنا');
  });
});
