// Arabic language data for attribution: reporting verbs, roles, titles, organisation heads,
// channel and stance cues. Every list holds NORMALISED forms (see normalize.ts: أ/إ/آ → ا,
// ى → ي, ة → ه, no harakat), so lookups work whatever spelling the outlet uses.
import { norm } from './normalize.js';
import type { Channel, Stance } from '../../core/types.js';

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/).map(norm));

export type CueClass =
  | 'say' // needs an explicit opener: إن/أن/بأن/:/quote (قال، أوضح، أشار إلى …)
  | 'object' // may take a noun-phrase object directly (أعلن التزامه، أكد الالتزام، نفى، جدد، وصف)
  | 'continue'; // a continuation of the previous speaker when it has no subject (أضاف، تابع، ختم)

export interface CueInfo {
  cls: CueClass;
  stance: Stance;
  /** Verbal noun / participle forms (مشيرا، مضيفة) open a new statement of the same speaker. */
  participle: boolean;
  /** Present-tense forms (يقول، تؤكد) describe when they follow a noun («أصوات تطالب»). */
  present: boolean;
  gender: 'm' | 'f' | null;
  /** A particle whose object is the reported content even without «أن»: «أشار إلى أهمية …». */
  prep?: string;
  /**
   * A participle that is also an everyday noun or adjective (مفيدة 'useful', لافتة 'banner'):
   * a cue only when the content's opener follows it at once («مفيداً بأن»، «لافتةً إلى أن»).
   */
  strict?: boolean;
}

// Each family: [stance, class, past-masc forms, with the other forms derived below].
// Participles that are also everyday nouns or adjectives are left out on purpose: مدينة 'city',
// داعية 'preacher', مطالبة 'demand', مفيدة 'useful', ذاكرة 'memory', متابعة 'follow-up',
// لافتة 'banner', مشددة 'tight', معتبرة 'considerable', متوقع 'expected'.
// Past: قال/قالت; present: يقول/تقول; participle: قائلا/قائلة. Listed explicitly because Arabic
// verb morphology is irregular (weak roots: نفى/نفت/ينفي، رأى/رأت).
interface Family {
  stance: Stance;
  cls: CueClass;
  m: string; // past masculine, and present masculine
  f: string; // past feminine, and present feminine
  pm?: string; // participle masculine
  pf?: string; // participle feminine
  prep?: string;
  /** Participles that need an opener right after them (see CueInfo.strict). */
  strictP?: string;
  /** Plural forms, past then present: «قالوا يقولون»; and the dual past where it is no noun too («قالا»، «أضافا»). */
  pl?: string;
}
const FAMILIES: Family[] = [
  { stance: 'assert', cls: 'say', m: 'قال يقول', f: 'قالت تقول', pm: 'قائلا', pf: 'قائله', pl: 'قالوا يقولون قالا' },
  { stance: 'confirm', cls: 'object', m: 'اكد يؤكد', f: 'اكدت تؤكد', pm: 'مؤكدا', pf: 'مؤكده', pl: 'اكدوا يؤكدون اكدا' },
  // «مجدداً» is mostly the adverb 'again', so the participle of جدد is left out here; it reports
  // only before «التأكيد» and the like (statements/frame.ts).
  { stance: 'confirm', cls: 'object', m: 'جدد يجدد', f: 'جددت تجدد' },
  { stance: 'assert', cls: 'say', m: 'اوضح يوضح', f: 'اوضحت توضح', pm: 'موضحا', pf: 'موضحه', pl: 'اوضحوا اوضحا' },
  { stance: 'assert', cls: 'say', m: 'اشار يشير', f: 'اشارت تشير', pm: 'مشيرا', pf: 'مشيره', prep: 'الي', pl: 'اشاروا يشيرون اشارا' },
  { stance: 'assert', cls: 'say', m: 'لفت يلفت', f: 'لفتت تلفت', pm: 'لافتا', prep: 'الي', strictP: 'لافته' },
  { stance: 'deny', cls: 'object', m: 'نفي ينفي', f: 'نفت تنفي', pm: 'نافيا', pf: 'نافيه', pl: 'نفوا ينفون' },
  { stance: 'announce', cls: 'object', m: 'اعلن يعلن', f: 'اعلنت تعلن', pm: 'معلنا', pf: 'معلنه', pl: 'اعلنوا اعلنا' },
  { stance: 'assert', cls: 'say', m: 'ذكر', f: 'ذكرت', pm: 'ذاكرا', pl: 'ذكروا' },
  { stance: 'assert', cls: 'continue', m: 'اضاف يضيف', f: 'اضافت تضيف', pm: 'مضيفا', pf: 'مضيفه', pl: 'اضافوا اضافا' },
  { stance: 'assert', cls: 'continue', m: 'تابع', f: 'تابعت', pm: 'متابعا', pl: 'تابعوا تابعا' },
  { stance: 'assert', cls: 'continue', m: 'ختم', f: 'ختمت', pm: 'مختتما', pf: 'مختتمه' },
  { stance: 'assert', cls: 'continue', m: 'استطرد', f: 'استطردت', pm: 'مستطردا', pf: 'مستطرده' },
  // «بين» alone is also the preposition 'between': only the unambiguous forms.
  { stance: 'assert', cls: 'say', m: '', f: 'بينت', pm: 'مبينا', pf: 'مبينه' },
  { stance: 'assert', cls: 'say', m: 'صرح يصرح', f: 'صرحت تصرح', pm: 'مصرحا', pf: 'مصرحه' },
  { stance: 'assert', cls: 'say', m: 'شدد يشدد', f: 'شددت تشدد', pm: 'مشددا', strictP: 'مشدده', prep: 'علي' },
  { stance: 'assert', cls: 'object', m: 'اعتبر يعتبر', f: 'اعتبرت تعتبر', pm: 'معتبرا', strictP: 'معتبره', pl: 'اعتبروا' },
  // «رأى» is left out: normalised it is the noun «رأي» 'opinion' («مقال رأي»).
  { stance: 'assert', cls: 'say', m: '', f: 'رات' },
  { stance: 'assert', cls: 'object', m: 'افاد يفيد', f: 'افادت تفيد', strictP: 'مفيدا مفيده' },
  { stance: 'assert', cls: 'object', m: 'كشف يكشف', f: 'كشفت تكشف', pm: 'كاشفا', pf: 'كاشفه', pl: 'كشفوا' },
  { stance: 'assert', cls: 'say', m: 'حذر يحذر', f: 'حذرت تحذر', pm: 'محذرا', pf: 'محذره', pl: 'حذروا' },
  { stance: 'assert', cls: 'say', m: 'ابلغ', f: 'ابلغت', pl: 'ابلغوا' },
  { stance: 'assert', cls: 'say', m: 'زعم يزعم', f: 'زعمت تزعم', pm: 'زاعما', pf: 'زاعمه' },
  { stance: 'assert', cls: 'say', m: 'غرد', f: 'غردت', pm: 'مغردا', pf: 'مغرده' },
  { stance: 'assert', cls: 'say', m: 'كتب', f: 'كتبت' },
  { stance: 'assert', cls: 'object', m: 'وصف يصف', f: 'وصفت تصف', pm: 'واصفا', pf: 'واصفه' },
  { stance: 'assert', cls: 'say', m: 'علق يعلق', f: 'علقت تعلق', pm: 'معلقا' },
  { stance: 'commit', cls: 'object', m: 'تعهد يتعهد', f: 'تعهدت تتعهد', pm: 'متعهدا', pf: 'متعهده' },
  // «ووعد داود أوغلو أمام الصحافيين «بمواصلة تعزيز الأمن»»: a promise is a pledge.
  { stance: 'commit', cls: 'object', m: 'وعد', f: 'وعدت', pl: 'وعدوا' },
  { stance: 'assert', cls: 'object', m: 'شكك يشكك', f: 'شككت تشكك', pm: 'مشككا', pl: 'شككوا' },
  // «علمت "المدينة" من مصادر سياسية أن …»: the outlet learned it from the sources, who speak.
  { stance: 'assert', cls: 'say', m: 'علم', f: 'علمت' },
  { stance: 'assert', cls: 'say', m: 'اعرب يعرب', f: 'اعربت تعرب', pm: 'معربا', pf: 'معربه' },
  { stance: 'assert', cls: 'object', m: 'اتهم يتهم', f: 'اتهمت تتهم', pm: 'متهما', pf: 'متهمه', pl: 'اتهموا' },
  { stance: 'assert', cls: 'object', m: 'برر يبرر', f: 'بررت تبرر', pm: 'مبررا', pf: 'مبرره' },
  { stance: 'assert', cls: 'say', m: 'اعترف يعترف', f: 'اعترفت تعترف', pm: 'معترفا', pf: 'معترفه' },
  { stance: 'assert', cls: 'say', m: 'اقر يقر', f: 'اقرت تقر', pm: 'مقرا' },
  { stance: 'assert', cls: 'say', m: 'افصح', f: 'افصحت' },
  { stance: 'assert', cls: 'continue', m: 'اردف', f: 'اردفت', pm: 'مردفا', pf: 'مردفه' },
  { stance: 'assert', cls: 'say', m: 'نوه ينوه', f: 'نوهت تنوه', pm: 'منوها', pf: 'منوهه', prep: 'الي' },
  { stance: 'assert', cls: 'object', m: 'اشاد يشيد', f: 'اشادت تشيد', pm: 'مشيدا', pf: 'مشيده' },
  { stance: 'assert', cls: 'say', m: 'ابان يبين', f: 'ابانت' },
  { stance: 'assert', cls: 'object', m: 'نصح ينصح', f: 'نصحت تنصح', pm: 'ناصحا' },
  { stance: 'assert', cls: 'say', m: 'ادعي يدعي', f: 'ادعت تدعي', pm: 'مدعيا' },
  { stance: 'assert', cls: 'object', m: 'انتقد ينتقد', f: 'انتقدت تنتقد', pm: 'منتقدا', pf: 'منتقده' },
  { stance: 'assert', cls: 'object', m: 'دعا يدعو', f: 'دعت تدعو', pm: 'داعيا' },
  { stance: 'assert', cls: 'object', m: 'طالب يطالب', f: 'طالبت تطالب', pm: 'مطالبا' },
  { stance: 'assert', cls: 'object', m: 'حث يحث', f: 'حثت تحث', pm: 'حاثا' },
  { stance: 'assert', cls: 'object', m: 'ناشد يناشد', f: 'ناشدت تناشد', pm: 'مناشدا' },
  { stance: 'assert', cls: 'object', m: 'ابدي يبدي', f: 'ابدت تبدي', pm: 'مبديا', pf: 'مبديه' },
  { stance: 'assert', cls: 'object', m: 'ادان دان يدين', f: 'ادانت دانت تدين', pm: 'مدينا' },
  { stance: 'assert', cls: 'object', m: 'استنكر يستنكر', f: 'استنكرت تستنكر', pm: 'مستنكرا', pf: 'مستنكره' },
  { stance: 'assert', cls: 'object', m: 'رحب يرحب', f: 'رحبت ترحب', pm: 'مرحبا', pf: 'مرحبه' },
  { stance: 'assert', cls: 'object', m: 'هدد يهدد', f: 'هددت تهدد', pm: 'مهددا', pf: 'مهدده' },
  { stance: 'deny', cls: 'object', m: 'دحض فند يدحض يفند', f: 'دحضت فندت تدحض تفند', pm: 'مفندا', pf: 'مفنده' },
  { stance: 'assert', cls: 'object', m: 'توقع يتوقع', f: 'توقعت تتوقع', pl: 'توقعوا', strictP: 'متوقعا متوقعه' },
  { stance: 'assert', cls: 'say', m: 'رجح يرجح', f: 'رجحت ترجح', pl: 'رجحوا' },
  { stance: 'assert', cls: 'say', m: 'اكتفي', f: 'اكتفت' },
  { stance: 'assert', cls: 'continue', m: 'اختتم', f: 'اختتمت' },
  { stance: 'assert', cls: 'say', m: 'نقل ينقل', f: 'نقلت تنقل' },
  // Masculine «تحدث» is also the present of حدث 'it happens': only the unambiguous forms.
  { stance: 'assert', cls: 'object', m: '', f: 'تحدثت', pm: 'متحدثا' },
];

/** Reporting cues by normalised surface form (without the و/ف conjunction). */
export const CUES: Map<string, CueInfo> = (() => {
  const m = new Map<string, CueInfo>();
  for (const fam of FAMILIES) {
    // In «قال يقول» the first form is the past, the others the present.
    const add = (forms: string | undefined, gender: 'm' | 'f', participle: boolean) => {
      (forms ?? '').split(' ').filter(Boolean).forEach((w, i) => {
        if (!m.has(w)) {
          const info: CueInfo = { cls: fam.cls, stance: fam.stance, participle, gender, present: !participle && i > 0 && /^[يت]/.test(w) };
          if (fam.prep) info.prep = fam.prep;
          m.set(w, info);
        }
      });
    };
    add(fam.m, 'm', false);
    add(fam.f, 'f', false);
    add(fam.pm, 'm', true);
    add(fam.pf, 'f', true);
    (fam.pl ?? '').split(' ').filter(Boolean).forEach((w, i) => {
      if (m.has(w)) return;
      const info: CueInfo = { cls: fam.cls, stance: fam.stance, participle: false, gender: null, present: i > 0 };
      if (fam.prep) info.prep = fam.prep;
      m.set(w, info);
    });
    for (const w of (fam.strictP ?? '').split(' ').filter(Boolean)) {
      if (m.has(w)) continue;
      const info: CueInfo = { cls: fam.cls, stance: fam.stance, participle: true, gender: w.endsWith('ه') ? 'f' : 'm', present: false, strict: true };
      if (fam.prep) info.prep = fam.prep;
      m.set(w, info);
    }
  }
  return m;
})();

/** Words that attach to a cue and belong to it: «جدد التأكيد»، «ختم حديثه بالقول». */
export const CUE_COMPLEMENTS = set('التاكيد تاكيده تاكيدها حديثه حديثها كلمته كلمتها تصريحاته تصريحاتها تصريحه تصريحها بالقول القول قوله قولها');

/** Forms of ذكر/أشار used impersonally by the journalist («يذكر أن»، «يشار إلى أن»): never a speaker. */
export const IMPERSONAL = set('يذكر يشار يجدر يلاحظ');

/** Openers of reported content after the frame. */
export const OPENERS = set('ان انه انها انهم انهن انهما اننا انني بان بانه بانها بانهم بانهما باننا لان فان فانه فانها فانهم الي علي');
/** Openers that only count after these particles: «إلى أن», «على أن». */
export const PARTICLE_OPENERS = set('الي علي');

/** Heads of roles and offices (a person is named after or before them). */
export const ROLE_HEADS = set(`
  المتحدث المتحدثه متحدث الناطق الناطقه ناطق نائب وزير وزيره الوزير الوزيره رئيس رئيسه الرئيس الرئيسه
  مدير مديره المدير قائد القائد قائده السفير سفير السفيره مستشار المستشار مستشاره الامين امين عضو العضو
  زعيم الزعيم المبعوث مبعوث المبعوثه محافظ المحافظ مسؤول المسؤول المسؤوله مسؤوله قائمقام امر الامر
  الملك الامير ولي المفوض مفوض الممثل ممثل ممثله مساعد المساعد المنسق منسق وكيل الوكيل
  نظيره نظيرته نظيرها نظيرهم النظير مندوب المندوب القاضي النائبه الضابط ضابط الخبير خبير المحلل
  المراسل مراسل الكاتب الصحفي الاعلامي الباحث الناشط ناشط امين عام العام
  مصدر مصادر المصدر شهود الشهود مسؤولون المسؤولون سكان مواطنون الخبراء خبراء محللون
  دبلوماسي الدبلوماسي المحامي محامي المستشار مستشار الامين القنصل قنصل رئيسا امين
  شاهد الشاهد مصادر مراقبون المراقبون النائب نائبه الحاكم حاكم العاهل الوالي والي المرشد المرجع
  مسئول المسئول مسئوله المسئوله مسئولون المسئولون شاهدان مصدران مسؤولان
  والد والده شقيق شقيقه زوج زوجه نجل نجله ارمله اسره عائله ذوي اقارب
  قيادي القيادي قياديون القياديون مؤسس المؤسس مفتي المفتي موفد الموفد مرشح المرشح
`);
for (const w of [...ROLE_HEADS]) if (!w.endsWith('ه') && !w.endsWith('ون') && !w.endsWith('ين')) ROLE_HEADS.add(w + 'ه');

/** Nisba adjectives of nationality and office: after a name they are never a surname. */
export const NISBA_ADJECTIVES = set(`
  الامريكي الاميركي العراقي السوري الايراني التركي الروسي البريطاني الفرنسي الالماني الصيني الاسرائيلي
  الفلسطيني اللبناني الاردني المصري السعودي اليمني القطري الكويتي الاماراتي الكردي الكوردي الاوروبي
  العربي الاسلامي الدولي الامني العسكري الرسمي الاعلامي السياسي الحكومي الاتحادي الوطني الشعبي المحلي
  الاقليمي الخارجي الداخلي الاعلي الحالي السابق التنفيذي الاممي البحريني العماني الليبي التونسي
  الجزائري المغربي السوداني الافغاني الباكستاني الهندي الياباني الكوري الاوكراني الايطالي الاسباني
  الكندي الاسترالي الاميركيه الامريكيه العراقيه
`);

/** Words that open a name as a family or compound part: «عبد الله»، «أبو بكر»، «بن سلمان». */
export const NAME_LINKS = set('عبد ابو ابي ابن بن بنت ال ام');

/** Military and honorific titles placed before a name. */
export const TITLES = set(`
  الكولونيل العقيد اللواء العميد الفريق المقدم الرائد النقيب الملازم الجنرال الادميرال المارشال
  الشيخ السيد السيده الدكتور الدكتوره د المهندس الحاج الاستاذ السيناتور النائب العقيد الركن ركن
  ايه النائبه العماد المشير الاميرال المطران البطريرك الامام الملا الرقيب العريف البروفيسور الاستاذه المهندسه الشيخه
  سماحه فضيله معالي فخامه فضيلة
`);

/** Words that continue a title: «الفريق أول»، «اللواء الركن». */
export const TITLE_CONTINUATIONS = set('اول الاول الركن ركن الله العظمي الملكي');

/** What «صاحب» holds in a courtly title: «صاحب السمو الملكي الأمير»، «صاحب الجلالة الملك»، «صاحب المعالي». */
export const HONORIFIC_NOUNS = set('السمو الجلاله الفخامه المعالي السعاده السياده الدوله السماحه الفضيله');

/**
 * Honorifics standing for the person they address, as a pronoun does: «وقال سموه»، «وأكد معاليه»،
 * «وأشار فخامته». The report's subject is the dignitary named before, never the word itself.
 */
export const HONORIFIC_PRONOUNS = set(`
  سموه سموها معاليه معاليها فخامته فخامتها جلالته جلالتها سيادته سيادتها سعادته سعادتها سماحته فضيلته دولته
`);

/** Heads of organisation names: «وزارة …»، «قيادة …»، «التحالف …». */
export const ORG_HEADS = set(`
  وزاره الوزاره قياده القياده حكومه الحكومه مجلس المجلس هيئه الهيئه منظمه المنظمه التحالف تحالف
  الجيش جيش قوات القوات حركه الحركه تنظيم التنظيم حزب الحزب جبهه الجبهه لجنه اللجنه السفاره سفاره
  الرئاسه رئاسه مكتب المكتب وكاله الوكاله شركه الشركه جامعه الجامعه المرصد خليه الخليه مفوضيه المفوضيه
  بعثه البعثه الائتلاف ائتلاف كتله الكتله فصائل الفصائل الخارجيه الداخليه الدفاع محكمه المحكمه
  اداره الاداره البرلمان برلمان الكونغرس الامانه امانه جهاز الجهاز مديريه المديريه فيلق الفيلق
  كتائب الكتائب لواء المجموعه مجموعه الاتحاد اتحاد البنك بنك صندوق الصندوق مؤسسه المؤسسه
  وكالات قناه القناه صحيفه الصحيفه موقع الموقع الشرطه شرطه الامن المخابرات الاستخبارات الحشد
  الخليه السلطات سلطات الادعاء النيابه الرئاسه البيت ديوان الديوان غرفه المرصد
  تلفزه التلفزه تلفزيون التلفزيون اذاعه الاذاعه راديو شبكه الشبكه مجله المجله
  مملكه المملكه جمهوريه الجمهوريه دوله الدوله اماره الاماره سلطنه السلطنه رابطه الرابطه الامم
  وسائل صحف الصحف المؤتمر
`);

/** Kinds of state named before the country: «مملكة البحرين»، «دولة الكويت»، «سلطنة عمان». */
export const STATE_KINDS = set('دوله مملكه جمهوريه سلطنه اماره');

/** Heads of place names: «مدينة الصدر»، «محافظة كركوك»، «إقليم كردستان»، «قطاع غزة». */
export const PLACE_HEADS = set('مدينه محافظه قضاء ناحيه بلده قريه منطقه مخيم اقليم قطاع ولايه حي ضاحيه جزيره مديريه عزله مقاطعه شعبيه');
/** Heads of facility names: «قاعدة القيارة»، «معسكر K1»، «مطار بغداد». */
export const FACILITY_HEADS = set('قاعده معسكر مطار ميناء سجن مستشفي مصفاه سد جسر معبر منفذ');
/** Compass words before a place: «شمال شرق سوريا»، «شمالي العراق». */
export const DIRECTIONS = set('شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط');

/** Heads of unnamed sources («مصدر مسؤول»، «مصادر أمنية»، «شهود عيان»): never resolved to a named person. */
export const UNNAMED_SOURCES = set(`
  مصدر مصادر المصدر المصادر شهود الشهود شاهد مسؤولون المسؤولون مسؤول مسؤوله مسؤولين مسئول مسئولون مسئوله
  سكان مراقبون خبراء محللون دبلوماسي دبلوماسيون دبلوماسيين ناشطون ناشطين ناشط مواطنون مواطنين
  شاهدان شاهدين مصدران مصدرين مسؤولان مسؤولين
  والد والده شقيق شقيقه زوج زوجه نجل نجله ارمله اسره عائله ذوي اقارب
`);

/** Kin named through their relative: «والدة رضائيان»، «شقيق الضحية» — the phrase is the speaker. */
export const KINSHIP = set('والد والده شقيق شقيقه زوج زوجه نجل نجله ارمله اسره عائله ذوي اقارب');

/**
 * Words that qualify an unnamed source after its head, besides nisba adjectives: «مصدر مطلع»،
 * «شاهد عيان»، «مسؤول رفيع المستوى»، «مصادر قريبة الصلة من …»، «مسؤولون أتراك».
 */
export const SOURCE_QUALIFIERS = set(`
  مطلع مطلعه مطلعون مطلعين مقرب مقربه مقربون مقربين قريب قريبه قريبون قريبين وثيق وثيقه الصله
  رفيع رفيعه رفيعو المستوي كبير كبيره كبار بارز بارزه عيان موثوق موثوقه اخر اخري اخرون اخرين
  مسؤول مسؤوله مسئول رسمي رسميه محلي محليه اتراك اكراد عرب اجانب غربيون غربيين اوروبيون مختص مختصه
  متطابقه متعدده مختلفه متقاطعه خاصه مقربه موثوقه مطلعه
`);

/** «فضل عدم الكشف عن اسمه»، «طلب عدم ذكر اسمه»: a relative clause after an unnamed source. */
export const ANONYMITY = /^(?:فضل|فضلت|فضلوا|طلب|طلبت|طلبوا|رفض|رفضت|رفضوا|اشترط|اشترطت)$/;

/** Nouns for a written statement: «قال بيان للجيش»، «وأضاف البيان» — the speaker is its issuer. */
export const STATEMENT_NOUNS = set(`
  بيان البيان بلاغ البلاغ تقرير التقرير رساله الرساله تعميم التعميم وثيقه الوثيقه
  احصاءات الاحصاءات احصائيات الاحصائيات حصيله الحصيله تقديرات التقديرات ارقام الارقام
  تصريحات التصريحات
`);

/** Attribution without a verb at the start of a clause: «بحسب …»، «وفقاً لـ…»، «جاء في بيان …». */
export const ACCORDING_TO = set('بحسب حسب وفقا وفق طبقا نقلا');

/** Definite heads that refer back to an organisation already named («قالت الوزارة»). */
export const ORG_ANAPHORS = new Set([...ORG_HEADS].filter((w) => w.startsWith('ال')));

/** Organisations and states commonly named without a head noun. */
export const KNOWN_ORGS = set(`
  داعش حماس البنتاغون البنتاجون البيشمركه الناتو طالبان القاعده الحوثيون الحوثيين الكرملين الاليزيه
  الانتربول اليونسكو اليونيسف الفاو رويترز سبوتنيك الاسوشيتد فرانس تويتر فيسبوك
`);

/** Countries, capitals and regions often found next to names: never the start of a person name. */
export const PLACES = set(`
  العراق سوريا سوريه ايران تركيا روسيا الصين امريكا اميركا اسرائيل لبنان الاردن مصر السعوديه اليمن
  قطر الكويت البحرين الامارات عمان ليبيا تونس الجزائر المغرب السودان فلسطين غزه فرنسا بريطانيا المانيا
  واشنطن بغداد دمشق طهران انقره موسكو بيروت عمان القاهره الرياض لندن باريس برلين اربيل الموصل البصره
  كركوك نينوي الانبار الفلوجه الرمادي تكريت ديالي حلب ادلب الرقه الحسكه كردستان كوردستان
  اقليم قطاع الضفه القدس الخليج اوروبا افريقيا اسيا الولايات المتحده
  كربلاء النجف عدن صنعاء تعز الحديده مارب لحج درعا حمص حماه اللاذقيه طرطوس القامشلي منبج كوباني عفرين
  سامراء بعقوبه الحله الديوانيه الكوت العماره الناصريه السماوه دهوك السليمانيه الخالديه هيت حديثه القائم
  الرطبه بيجي سنجار تلعفر جده مكه الدمام الطائف نجران جازان ابها تبوك حائل القصيم الدوحه المنامه مسقط
  ابوظبي دبي الشارقه الخرطوم طرابلس بنغازي مصراته اسطنبول نيويورك جنيف فيينا بروكسل كابول اسلام اباد
  الهند باكستان افغانستان اليابان كوريا اوكرانيا ايطاليا اسبانيا كندا استراليا نيروبي كينيا الصومال اثيوبيا
  قضاء ناحيه محافظه منطقه مدينه بلده مخيم ريف شمال جنوب شرق غرب
`);

/** Adjectives that continue a role or organisation phrase (besides nisba forms ending in ي/يه). */
export const PHRASE_ADJECTIVES = set(`
  العام العامه الاعلي الرسمي الرسميه المشتركه المشترك الدولي الدوليه الاول الاولي الثاني الاقليمي
  الخاص الخاصه المركزي المركزيه السابق السابقه الحالي الجديد الجديده المساعد الاتحادي الاتحاديه
  الوطني الوطنيه الاعلامي المؤقت المؤقته العليا الاعلي التنفيذي الامني الامنيه العسكري العسكريه
  الابيض المتحده البارز البارزه رفيع رفيعه المستوي كبير كبار الكبير الكبيره الاعلي الدائم الدائمه الخاصه المكلف المكلفه المنتهيه العامه
  الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الاولي الثانيه الثالثه الرابعه الخامسه
  السادسه السابعه الثامنه التاسعه العاشره المسلحه المسلح المتحده
`);

/** Prepositions and particles that end a speaker phrase. */
export const PHRASE_STOPS = set(`
  في خلال لدي اثناء عبر علي عن من الي مع بعد قبل عقب حول وسط امام منذ ضمن عند حين اذ لكن بل ثم او
  ان انه انها بان الذي التي الذين حيث كما وهو وهي هو هي اليوم امس غدا الليله صباح مساء ظهر فجر
  ما من هذا هذه ذلك تلك هؤلاء كل بعض جميع عدد اكثر اي غير دون لا لم لن قد اول بين
  بهذا بهذه بذلك لذلك لهذا كذلك بما مما لما
  بحسب وبحسب حسب نفسه نفسها ذاته ذاتها الكثير البعض الجميع العديد الكل
  اما واما اخيرا مؤخرا موخرا سابقا لاحقا ايضا حاليا مجددا مرارا رسميا علنا صراحه فقط
  بصفته بصفتها بصفتهم بوصفه بوصفها بوصفهم فور فورا
`);

/**
 * Nouns that often stand right after a reporting verb as its object («أكد أهمية التعاون»،
 * «اتهم عناصر الحزب»): never the start of a speaker's name.
 */
export const OBJECT_NOUNS = set(`
  اهميه ضروره استعداد رفض دعم وجود حرص تمسك موقف عناصر مقتل اعتقال سقوط انسحاب استمرار تاجيل
  ادانه ترحيب تضامن شكر ثقه امل قلق اسف حق حقه حقها عزم نيه رغبه اعتزام فشل نجاح تقدم هروب
  الغاء اقرار تشكيل تعيين اطلاق وقف انتهاء بدء انطلاق اجراء تنفيذ مقتل اصابه وفاه تحرير مقاتلين مسلحين
  التزام الالتزام التزامه التزامها الاستعداد الدعم الرفض الحرص
`);

/** Prepositions inside a role or organisation phrase that keep it going: «المتحدث باسم»، «القائد العام في الجيش». */
export const PHRASE_LINKS = set('باسم في لدي');

/** Weekday names (normalised, with and without ال) — adverbials, never names. */
export const WEEKDAYS = set('الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت احد اثنين ثلاثاء اربعاء خميس جمعه سبت');

/** Channel cues, looked for in the attribution frame (never inside the quoted words). */
export const CHANNEL_CUES: Array<[Channel, RegExp]> = [
  // A politician's own Facebook page counts as a tweet: a post on a personal account.
  ['tweet', /تغريد|(?:^|\s)[وف]?غرد|تويتر|منصه اكس|منصه x|حسابه (?:الرسمي )?علي|حسابها (?:الرسمي )?علي|تدوينه|منشور علي|فيسبوك|فيس بوك|صفحته (?:الرسميه )?(?:علي|في|ب)|صفحتها (?:الرسميه )?(?:علي|في|ب)/],
  ['press_conference', /مؤتمر(?:ا)? صحف|مؤتمر(?:ا)? صحاف|ايجاز(?:ا)? صحف|احاطه صحف|المؤتمر الصحف|الايجاز الصحف/],
  // Said to a named outlet («قال لـ«الشرق الأوسط»»، «لوكالة فرانس برس»، «في حديث تلفزيوني») is an interview.
  // «أبلغ "الرياض"»، «في اتصال هاتفي مع "الرياض"»، «لـ :الوطن"»: words given to a named outlet.
  // «وشدد رئيس الوزراء بحسب سكاي نيوز على أن»: an outlet named inside the frame is the one spoken
  // to (a news agency there may only relay, so «بحسب وكالة» is not taken).
  ['interview', /مقابله|تصريح(?:ات)? خاص|حديث(?:ا)? خاص|في حديث|حوار (?:مع|ل)|لقاء (?:تلفزيوني|متلفز|صحفي)|(?:^|\s)لـ?\s*(?::\s*)?["«»“”(]|(?:^|\s)و?علمت?\s|(?:^|\s)لـ?\s*:|(?:^|\s)ل(?:وكاله|وكالات|صحيفه|قناه|موقع|اذاعه|تلفزيون|مجله|شبكه|راديو|هيئه الاذاعه|رويترز|فرانس|سبوتنيك|اسوشيتد|ل(?:تلفزيون|اذاعه|قناه|تلفزه)\s)|تحدث(?:ت|وا)? (?:اليه|اليها|اليهم|معه|معها|معهم)\s*["«“”]|(?:^|\s)عبر\s*["«“”]|(?:^|\s)و?ب?حسب (?:قناه|صحيفه|شبكه|تلفزيون|اذاعه|مجله|سكاي نيوز|رويترز|فرانس برس|بي بي سي|سي ان ان|العربيه|الجزيره|سبوتنيك|اسوشيتد)|(?:^|\s)و?ابلغ(?:ت)? (?:هذا |ذلك )?["«“”]|(?:^|\s)و?ابلغ(?:ت)? (?:\S+ )?(?:وكاله|صحيفه|قناه|موقع|شبكه|مجله|اذاعه)|اتصال(?: هاتفي)? مع\s*["«“”]|(?:^|\s)اجر(?:ته|اه|تها|اها) مع(?:ه|ها|هم)\s*["«“”]/],
  // Remarks during a visit («خلال زيارة إلى ماليزيا») fit no channel: only a meeting or reception does.
  // A session of a council or committee is a meeting too: «خلال الجلسة»، «حضر لجنة القوات المسلحة»،
  // «في تقريره أمام مجلس الشورى».
  ['meeting', /لدي استقبال|خلال استقبال|لقائه|لقائها|اجتماع|لدي لقاء|خلال مباحثات|محادثات(?:ه|ها)? مع|استقباله|استقبالها|(?:خلال|في|اثناء) (?:ال)?جلسه|جلسه استماع|حضر(?:ت|وا)? (?:ال)?(?:جلسه|لجنه)|امام (?:مجلس|البرلمان|اللجنه|لجنه|الجمعيه|اعضاء|النواب)/],
  ['statement', /بيان|تصريح|تصريحات|تعميم|منشور/],
];

/** Stance cues in the reported content. A pledge wins over the reporting verb. */
// A rebuttal of a claim: «غير دقيقة»، «عار عن الصحة»، «أكاذيب»، «ينفي».
export const DENY_CONTENT = /غير دقيق|غير الدقيق|غير صحيح|غير الصحيح|عار(?:يه)? عن الصحه|لا صحه|لا اساس له|مزاعم|افتراء|مفبرك|اكاذيب|الاكاذيب|(?:^|\s)ينفي|(?:^|\s)نفي/;
/** «لا توجد قوات …»: a negated existence denies only where the speaker is rebutting a claim. */
export const NEGATED_EXISTENCE = /(?:^|\s)لا (?:توجد|يوجد)|(?:^|\s)ليس هناك/;
// A pledge by the speaker or the side it speaks for: «ملتزمون»، «نلتزم»، «تتعهد»، «التزامه»، «الالتزام
// بـ…»، «التزام بلاده». A commitment of someone else («بالتزام إيران») or a pledge reported in the
// past tense («تعهد المسؤولون») is not the speaker's pledge.
export const COMMIT_CONTENT = /ملتزم|نلتزم|سنلتزم|نتعهد|سنتعهد|تتعهد|يتعهد|التزامه|التزامها|التزامنا|التزامهم|(?:^|\s)(?:و|ب|في )?الالتزام|التزام (?:بلاده|بلادها|حكومته|حكومتها|قوات|الولايات|واشنطن|التحالف|الحكومه|المملكه)/;

/** Markers that the speaker goes on in the same setting: «من جانبه»، «بدوره». */
export const SAME_SETTING = /^(?:و?من جانب|و?من جهت|و?بدور|و?بحسب البيان|و?وفق(?:ا)? للبيان)/;
