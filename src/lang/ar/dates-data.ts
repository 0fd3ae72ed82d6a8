// Arabic language data for dates: month names of both calendars in every regional spelling,
// weekdays, ordinal day words, cardinal number words, and the small cue words that turn a name
// into a relative expression. Words are written as outlets print them (with hamza); the date
// extractor folds them with `norm` (أ/إ/آ → ا, ى → ي, ة → ه, harakat removed) before building its
// patterns, so «أيّار», «ايار» and «أيار» all match the one entry here.

/** One name of a month with the facts a matcher needs about it. */
export interface MonthName {
  name: string;
  /**
   * The name is also a common word whose month reading needs more than a preposition: صفر is
   * "zero" («حتى صفر»), محرم "forbidden". Without a day, a year, «شهر» or الماضي/المقبل such a
   * name is not taken as a date. (Other names that are also words — مارس "he practised", نيسان
   * the car maker, رمضان/رجب as given names — are safe after a preposition: «في مارس» cannot be
   * the verb, and a month alone is only taken after a preposition or «شهر».)
   */
  ambiguous?: boolean;
}

export interface Month {
  month: number; // 1-based
  names: MonthName[];
}

const names = (s: string, ambiguous: string[] = []): MonthName[] =>
  s
    .trim()
    .split(/\s*,\s*/)
    .map((name) => (ambiguous.includes(name) ? { name, ambiguous: true } : { name }));

/**
 * Gregorian months. Three naming traditions are in daily use, and outlets mix them:
 * - Syriac-derived names of Iraq and the Levant (كانون الثاني … كانون الأول); two of them are
 *   two words (كانون/تشرين + الأول/الثاني), and older texts say «تشرين الآخر» for November;
 * - names from French/English used in Egypt and the Gulf (يناير … ديسمبر), with spelling
 *   variants (أبريل/ابريل/إبريل, يونيو/يونيه, يوليو/يوليه, أغسطس/أغسطوس);
 * - Maghrebi names from French (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت) and Moroccan ones
 *   (يوليوز، غشت، شتنبر، نونبر، دجنبر).
 * News often pairs two systems for one month: «14 أيار/ مايو», «يوليو (تموز) 2021».
 */
export const GREGORIAN_MONTHS: readonly Month[] = [
  { month: 1, names: names('كانون الثاني, كانون ثاني, يناير, جانفي') },
  { month: 2, names: names('شباط, فبراير, فبرایر, فيفري') },
  { month: 3, names: names('آذار, مارس') },
  { month: 4, names: names('نيسان, أبريل, إبريل, ابريل, أبرايل, أفريل') },
  { month: 5, names: names('أيار, مايو, ماي') },
  { month: 6, names: names('حزيران, يونيو, يونيه, يونية, جوان') },
  { month: 7, names: names('تموز, يوليو, يوليه, يولية, جويلية, يوليوز') },
  { month: 8, names: names('آب, أغسطس, أغسطوس, غشت, أوت') },
  { month: 9, names: names('أيلول, سبتمبر, شتنبر') },
  { month: 10, names: names('تشرين الأول, تشرين أول, أكتوبر, أوكتوبر') },
  { month: 11, names: names('تشرين الثاني, تشرين ثاني, تشرين الآخر, نوفمبر, نونبر') },
  { month: 12, names: names('كانون الأول, كانون أول, ديسمبر, دجنبر') },
];

/**
 * Hijri (lunar) months. Spelling varies in the article and the case ending of ذو («ذي القعدة»
 * after a preposition), and in the ordinal of the paired months: ربيع الآخر = ربيع الثاني,
 * جمادى الآخرة = جمادى الثانية (and the masculine جمادى الأول/الآخر some outlets print).
 */
export const HIJRI_MONTHS: readonly Month[] = [
  { month: 1, names: names('محرم, المحرم', ['محرم', 'المحرم']) },
  { month: 2, names: names('صفر', ['صفر']) },
  { month: 3, names: names('ربيع الأول, ربيع أول') },
  { month: 4, names: names('ربيع الآخر, ربيع الثاني, ربيع ثاني, ربيع آخر') },
  { month: 5, names: names('جمادى الأولى, جمادى الأول, جمادى أولى') },
  { month: 6, names: names('جمادى الآخرة, جمادى الثانية, جمادى الآخر, جمادى ثانية') },
  { month: 7, names: names('رجب') },
  { month: 8, names: names('شعبان') },
  { month: 9, names: names('رمضان') },
  { month: 10, names: names('شوال') },
  { month: 11, names: names('ذو القعدة, ذي القعدة, ذا القعدة') },
  { month: 12, names: names('ذو الحجة, ذي الحجة, ذا الحجة') },
];

/**
 * Weekdays, index 0 = Sunday (the Arabic week is counted from الأحد "the first"). They are
 * always written with the article ال. Two are also ordinary words: «الأحد عشر» is "the eleven"
 * and «الاثنين» is "the two (of them)"; see WEEKDAY_NOT_BEFORE / WEEKDAY_NOT_AFTER.
 */
export const WEEKDAYS: readonly (readonly string[])[] = [
  ['الأحد'],
  ['الاثنين', 'الإثنين', 'الأثنين'],
  ['الثلاثاء', 'الثلثاء', 'الثلاثا'],
  ['الأربعاء', 'الاربعا'],
  ['الخميس'],
  ['الجمعة'],
  ['السبت'],
];

/** Words after which الأحد / الاثنين mean "the one / the two", not a weekday. */
export const WEEKDAY_NOT_BEFORE = ['بين', 'كلا', 'كلتا', 'هذين', 'هذان'];
/**
 * Words after which any weekday is a name or a habit, not a day of the report: «مسجد الخميس»,
 * «سوق الجمعة» (places), «أيام الخميس والجمعة», «كل جمعة» (every week).
 */
export const WEEKDAY_NOT_AFTER_ANY = ['مسجد', 'جامع', 'سوق', 'أيام', 'كل', 'ليالي'];
/** Words before which الأحد / الاثنين mean a number: «الأحد عشر», «الاثنين معا». */
export const WEEKDAY_NOT_AFTER = ['عشر', 'عشرة', 'معا', 'منهما', 'منهم'];

/**
 * Ordinal day words, masculine because they agree with يوم: «السابع من تشرين الأول». From 11 on
 * they are compounds: the unit ordinal + عشر (11–19), or the unit ordinal + و + the tens
 * cardinal in the oblique case (الحادي والعشرين). For 1 the compound form is الحادي (or الواحد),
 * not الأول. Generated from the two small tables below.
 */
const UNIT_ORDINALS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
const COMPOUND_ONE = ['الحادي', 'الواحد'];

function ordinalForms(n: number): string[] {
  const unit = n % 10;
  const tens = Math.floor(n / 10);
  const unitForms = unit === 1 ? COMPOUND_ONE : [UNIT_ORDINALS[unit - 1]!];
  if (n < 10) return [UNIT_ORDINALS[n - 1]!];
  if (n === 10) return ['العاشر'];
  if (tens === 1) return unitForms.map((u) => `${u} عشر`);
  const tensWord = tens === 2 ? 'العشرين' : 'الثلاثين';
  if (unit === 0) return [tensWord];
  return unitForms.map((u) => `${u} و${tensWord}`);
}

/** Day ordinals 1–31: [day, forms]. */
export const ORDINAL_DAYS: readonly (readonly [number, readonly string[]])[] = Array.from(
  { length: 31 },
  (_, i) => [i + 1, ordinalForms(i + 1)] as const,
);

/**
 * Cardinal number words for counts of days, weeks, months and years («منذ ثلاثة أيام»). Numbers
 * 3–10 take the opposite gender of the counted noun, so both ثلاث and ثلاثة occur; 2 is usually
 * expressed by the dual of the noun (يومين), 1 by the bare singular (منذ أسبوع).
 */
export const CARDINALS: readonly (readonly [number, readonly string[]])[] = [
  [1, ['واحد', 'واحدة']],
  [2, ['اثنين', 'اثنان', 'اثنتين']],
  [3, ['ثلاث', 'ثلاثة']],
  [4, ['أربع', 'أربعة']],
  [5, ['خمس', 'خمسة']],
  [6, ['ست', 'ستة']],
  [7, ['سبع', 'سبعة']],
  [8, ['ثماني', 'ثمانية', 'ثمان']],
  [9, ['تسع', 'تسعة']],
  [10, ['عشر', 'عشرة']],
  [11, ['أحد عشر', 'إحدى عشرة']],
  [12, ['اثني عشر', 'اثنا عشر', 'اثنتي عشرة']],
  ...[3, 4, 5, 6, 7, 8, 9].map(
    (u): readonly [number, readonly string[]] => {
      const base = ['ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثماني', 'تسع'][u - 3]!;
      return [10 + u, [`${base} عشر`, `${base}ة عشر`, `${base} عشرة`]];
    },
  ),
  [20, ['عشرين', 'عشرون']],
  [30, ['ثلاثين', 'ثلاثون']],
  [40, ['أربعين', 'أربعون']],
];

/**
 * Units of time after منذ / قبل / بعد. Arabic has a dual (يومين = two days) and a plural that
 * needs a number (ثلاثة أيام); a bare plural («منذ أيام», "days ago") is vague and not resolved.
 * The accusative singular (يوما، أسبوعا) follows numbers from 11 up.
 */
export type TimeUnit = 'hour' | 'day' | 'week' | 'month' | 'year';
export interface UnitWord {
  word: string;
  unit: TimeUnit;
  /** 1 for the bare singular, 2 for the dual, null when a number is required. */
  count: number | null;
}
const unitWords = (unit: TimeUnit, singular: string, dual: string, plural: string): UnitWord[] => [
  ...singular.split(' ').map((word) => ({ word, unit, count: 1 })),
  ...dual.split(' ').map((word) => ({ word, unit, count: 2 })),
  ...plural.split(' ').map((word) => ({ word, unit, count: null })),
];
export const UNIT_WORDS: readonly UnitWord[] = [
  ...unitWords('hour', 'ساعة', 'ساعتين ساعتان', 'ساعات'),
  ...unitWords('day', 'يوم', 'يومين يومان', 'أيام يوما'),
  ...unitWords('week', 'أسبوع', 'أسبوعين أسبوعان', 'أسابيع أسبوعا'),
  ...unitWords('month', 'شهر', 'شهرين شهران', 'أشهر شهور شهرا'),
  ...unitWords('year', 'عام سنة', 'عامين عامان سنتين سنتان', 'أعوام سنوات سنين عاما'),
];

/** Words that make منذ / قبل / بعد + count approximate but still resolvable: «منذ نحو أسبوعين». */
export const APPROX_WORDS = ['نحو', 'حوالي', 'حوالى', 'قرابة', 'زهاء', 'أكثر من', 'أقل من', 'ما يقرب من'];

/**
 * The words for "ago" that count back from the publication date. «بعد يومين» "two days later"
 * is left out on purpose: in news it mostly counts from an event in the story, not from today.
 */
export const AGO_WORDS = ['منذ', 'قبل'];

/**
 * Relative suffixes after a month, weekday, week, month or year. Adjectives agree in gender
 * with the noun (العام الماضي / السنة الماضية), so both forms are listed.
 */
export const PAST_WORDS = [
  'الماضي', 'الماضية', 'الفائت', 'الفائتة', 'المنصرم', 'المنصرمة', 'المنقضي', 'المنقضية',
  'الماضيين', 'الماضيتين', // dual: «يومي الأحد والاثنين الماضيين»
];
export const FUTURE_WORDS = ['المقبل', 'المقبلة', 'القادم', 'القادمة', 'المقبلين', 'المقبلتين', 'القادمين'];
export const CURRENT_WORDS = ['الجاري', 'الجارية', 'الحالي', 'الحالية'];
/** Demonstratives that make a period the current one: «هذا العام», «هذه السنة». */
export const THIS_WORDS = ['هذا', 'هذه'];

/** Period nouns that take the relative suffixes: الأسبوع الماضي, الشهر الجاري, العام المقبل. */
export const PERIOD_NOUNS: readonly (readonly [string, 'week' | 'month' | 'year'])[] = [
  ['الأسبوع', 'week'],
  ['الشهر', 'month'],
  ['العام', 'year'],
  ['السنة', 'year'],
];

/**
 * العام is also the adjective "general/public": «الأمين العام المقبل» is "the next secretary
 * general", not "next year". These heads, right before العام, mark the adjective reading.
 */
export const GENERAL_ADJ_HEADS = [
  'الأمين', 'المدعي', 'النائب', 'المدير', 'المفتش', 'المنسق', 'القائد', 'المرشد', 'المراقب',
  'الرأي', 'القطاع', 'المال', 'الشأن', 'الأمن', 'الإضراب', 'العفو', 'النظام', 'الصالح', 'الحق',
  'المؤتمر', 'الاتحاد', 'الذوق', 'التعليم', 'الطابع', 'المجال', 'الرئيس', 'المشرف',
  'المستشار', 'الوكيل', 'القنصل', 'الحاكم', 'الإطار', 'المؤشر', 'الدين', 'الإنفاق', 'النقل',
];

/**
 * Parts of a period: «أوائل/مطلع/بداية آذار», «منتصف الشهر», «أواخر/نهاية العام». غرة is the
 * first day of a (lunar) month, so «غرة رمضان» is a day, not a part of a month.
 */
export type PeriodPart = 'start' | 'mid' | 'end' | 'first-day';
export const PERIOD_PARTS: readonly (readonly [string, PeriodPart])[] = [
  ['أوائل', 'start'], ['مطلع', 'start'], ['بداية', 'start'], ['بدايات', 'start'], ['مستهل', 'start'],
  ['منتصف', 'mid'], ['أواسط', 'mid'],
  ['أواخر', 'end'], ['نهاية', 'end'], ['نهايات', 'end'], ['ختام', 'end'],
  ['غرة', 'first-day'],
];
/** Of the end words, these name the last day itself, so «بحلول نهاية العام» is 31 December. */
export const END_DAY_WORDS = ['نهاية', 'ختام'];

/**
 * «بحلول» "by (the time of)" always looks forward: «بحلول 31 كانون الأول» written in September
 * is the coming 31 December, even though that is more than two months ahead.
 */
export const DEADLINE_WORDS = ['بحلول', 'مع حلول', 'قبل حلول'];

/** Words that introduce a month without day or year: «في آذار», «منذ شهر نيسان». */
export const MONTH_CUE_WORDS = ['في', 'خلال', 'منذ', 'حتى', 'قبل', 'بعد', 'طيلة', 'طوال', 'شهر', 'شهري'];

/** Words that introduce a bare year: «في 2014», «منذ 2003». */
export const YEAR_CUE_WORDS = ['في', 'منذ', 'حتى', 'خلال', 'قبل', 'بعد', 'مطلع', 'منتصف', 'أواخر', 'أوائل', 'نهاية', 'بداية'];

/**
 * After a bare year number («في 2014»), the words that show it is a year and not a count
 * («في 2000 موقع»): conjunctions and prepositions that start a new phrase.
 */
export const YEAR_FOLLOWERS = ['ثم', 'حين', 'عندما', 'حيث', 'إلى', 'حتى', 'بعد', 'قبل', 'على', 'عن', 'ضد', 'لكن', 'إلا'];

/** Nouns that introduce a year number: «عام 2021», «العام 2021», «سنة 2021», «عامي 2014 و2017». */
export const YEAR_NOUNS = ['عام', 'العام', 'سنة', 'السنة', 'عامي', 'سنتي'];

/** Marks after a Gregorian year: «2021م», «2021 ميلادي», «للميلاد». */
export const AD_MARKS = ['م', 'ميلادي', 'ميلادية', 'للميلاد'];
/** Marks after a Hijri year: «1436هـ» (tatweel is deleted by normalisation, leaving ه), «هجري». */
export const AH_MARKS = ['هـ', 'ه', 'هجري', 'هجرية', 'للهجرة'];

/** Parts of a day before a day word: «صباح اليوم», «مساء أمس», «فجر الجمعة». */
export const DAY_PARTS = ['صباح', 'مساء', 'ظهر', 'ظهيرة', 'عصر', 'فجر', 'ليل', 'ضحى', 'منتصف ليل'];

/**
 * «في وقت سابق من اليوم» "earlier today", «في وقت متأخر من مساء أمس» "late yesterday evening":
 * the qualifier does not move the day.
 */
export const TIME_QUALIFIERS = ['سابق', 'لاحق', 'مبكر', 'متأخر'];

/** Day words relative to the publication date, with their offset in days. */
export const RELATIVE_DAYS: readonly (readonly [string, number])[] = [
  ['اليوم', 0],
  ['أمس', -1],
  ['الأمس', -1],
  ['يوم أمس', -1],
  ['أمس الأول', -2],
  ['أول أمس', -2],
  ['أول من أمس', -2],
  ['قبل أمس', -2],
  ['غدا', 1],
  ['يوم غد', 1],
  ['الغد', 1],
  ['غد', 1],
  ['بعد غد', 2],
];
/**
 * الغد alone is also "the future" (حزب الغد), and غد without -اً is only tomorrow in a phrase
 * («عصر غدٍ», «مساء غد»): after a part of day they are tomorrow.
 */
export const NEEDS_DAY_PART = ['الغد', 'غد'];

/**
 * أمسّ followed by a definite noun is the superlative "most in need of" («في أمس الحاجة»), not
 * "yesterday"; the shadda that tells them apart is usually not written.
 */
export const YESTERDAY_NOT_BEFORE = ['الحاجة', 'الحاجه'];
// Joined to ل, أمس is the verb لامس "touched" («ولامس المؤشر»): only و/ف may precede «أمس».


/**
 * اليوم followed by a definite adjective is "the day", not "today": «اليوم الوطني», «اليوم
 * التالي», «اليوم الأول» — except before a weekday («اليوم السبت»). After these words it is
 * "that day" or "the same day" of a story, not the publication date.
 */
export const TODAY_NOT_AFTER = [
  'ذلك', 'مثل', 'نفس',
  // Outlets whose name ends in اليوم: «عين اليوم», «المصري اليوم», «روسيا اليوم», «صحيفة اليوم».
  'عين', 'المصري', 'روسيا', 'صحيفة', 'جريدة',
];
export const TODAY_NOT_BEFORE = ['نفسه', 'ذاته', 'عينه'];

/**
 * Dates that name a movement or an anniversary are not dates of the report: «ثورة 25 يناير»,
 * «قوى 14 آذار», «حركة 20 فبراير». Without a year or a relative word after them they are skipped.
 */
export const EPONYM_HEADS = [
  'ثورة', 'تيار', 'قوى', 'حركة', 'ائتلاف', 'تحالف', 'شباب', 'ذكرى',
  // Places named after dates: «قصر 22 مايو», «جسر 14 تموز», «ملعب 5 جويلية», «مدينة 6 أكتوبر».
  'قصر', 'شارع', 'ميدان', 'ساحة', 'جسر', 'ملعب', 'مدينة', 'حي', 'جامعة', 'مستشفى', 'مطار', 'استاد', 'نفق',
];

/**
 * «الشهر» followed by an epithet is a named month, not the current one: «الشهر الفضيل» and
 * «الشهر الكريم» are Ramadan. Only الماضي/الجاري/المقبل make «الشهر» relative.
 */

/** Words before a date that mark the same date as the other calendar: «الموافق 15 رمضان». */
export const CONCORDANCE_WORDS = ['الموافق', 'الموافقة', 'ويوافق'];

/** Labels of a publication-date line: «نشر في: …», «تاريخ النشر: …». */
export const PUBLISHED_LABELS = [
  'نشر', 'نشر في', 'نشرت في', 'تاريخ النشر', 'بتاريخ', 'التاريخ', 'تاريخ', 'آخر تحديث', 'تحديث',
  'أضيف في',
];
