// Boilerplate line rules. Each rule names a kind of page furniture that scrapers leave in the
// text; patterns are matched against the NORMALISED line (see lang/ar/normalize.ts) and only
// against short lines, so a content sentence that merely mentions «التعليقات» is never removed.

export interface LineRule {
  name: string;
  /** Longest line (in words) the rule may remove. */
  maxWords: number;
  pattern: RegExp;
}

export const LINE_RULES: LineRule[] = [
  {
    // Whole-line widget words («تعليقات», «0 تعليقات», «guest»): exact, since «تعليق» also means suspension.
    name: 'comment-widget',
    maxWords: 4,
    pattern:
      /^(?:\d+\s*)?(?:تعليق|تعليقات|التعليقات|الردود|رد|comments?|view all comments|inline feedbacks?|reply|guest|login|نبهني عن|لا توجد تعليقات)\s*[:：]?$/,
  },
  {
    // Widget prompts that may run on («علق كضيف أو قم بتسجيل الدخول لمداخلات أكثر»).
    name: 'comment-widget',
    maxWords: 12,
    pattern: /^(?:اضف تعليق|اضف تعليقا|اترك تعليقا|اكتب تعليقا|علق كضيف|قم بتسجيل الدخول|سجل الدخول للتعليق|leave a (?:comment|reply))(?:\s.*)?$/,
  },
  {
    name: 'counter',
    maxWords: 6,
    pattern:
      /^(?:(?:عدد )?(?:المشاهدات|القراءات|الزيارات|مشاهدات|قراءات)\s*[:：]?\s*)?[\d,.]+\s*(?:مشاهده|مشاهدات|قراءه|قراءات|عدد القراءات|زياره|زيارات|views?|reads?|votes?|\d+ votes?|شخص)?\s*$|^[\d,.]+\s+(?:مشاهده|مشاهدات|قراءه|قراءات|عدد القراءات|زياره|زيارات|views?|reads?|votes?)(?:\s.*)?$|^(?:عدد )?(?:المشاهدات|القراءات)\s*[:：]?\s*[\d,.]+$/,
  },
  { name: 'rating', maxWords: 5, pattern: /^(?:article rating|rating|rate this|تقييم(?: المقال| الخبر)?|قيم (?:المقال|الخبر))(?:\s.*)?$/ },
  {
    name: 'subscribe',
    maxWords: 8,
    pattern: /^(?:subscribe|اشترك|اشترك الان|النشره البريديه|تابعونا|تابعنا علي|follow us|sign up)(?:\s.*)?$/,
  },
  {
    name: 'share-bar',
    maxWords: 8,
    pattern: /^(?:(?:شارك|مشاركه|share|facebook|twitter|whatsapp|telegram|linkedin|email|print|طباعه|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليغرام|لينكد ان|البريد الالكتروني|x)[\s,|:،-]*)+$/,
  },
  {
    name: 'label',
    maxWords: 12,
    pattern:
      /^(?:المصدر|مصدر|المصادر|مصادر|عناوين|عنوان|البوم الصور|الصور|صور|فيديو|اقرا ايضا|اقرا المزيد|اقرا كذلك|مواضيع ذات صله|اخبار ذات صله|اخبار متعلقه|الكلمات المفتاحيه|كلمات مفتاحيه|وسوم|الوسوم|tags?|posted in|filed under|categories|تصنيف|التصنيف|القسم|الاقسام|انشر|اخر الاخبار|الاكثر قراءه|الاكثر مشاهده|روابط ذات صله)\s*(?:$|[:：|]).*$/,
  },
  {
    // «رابط الخبر بصحيفة …: <headline>»: a link back to the article, headline included.
    name: 'label',
    maxWords: 30,
    pattern: /^(?:رابط الخبر|رابط المقال|رابط الموضوع|الرابط المختصر|رابط مختصر|short link|permalink)(?:\s.*)?$/,
  },
  {
    // Wire copy end markers: «// انتهى //»، «(انتهى)»، «-انتهى-».
    name: 'wire-end',
    maxWords: 2,
    pattern: /^[\s/()\-–—*.]*(?:انتهي|end)[\s/()\-–—*.]*$/,
  },
  {
    // A wire dateline on a line of its own: place, dates (Hijri and Gregorian), agency
    // («نيويورك 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس»).
    name: 'dateline',
    maxWords: 14,
    pattern:
      /^[\p{L}]+(?:\s[\p{L}]+)?\s+\d{1,2}\s+[\p{L}]+(?:\s[\p{L}]+)?\s+\d{4}\s*(?:هـ|ه)?(?:\s+الموافق\s+\d{1,2}\s+[\p{L}]+\s+\d{4}\s*م?)?(?:\s+(?:واس|قنا|وام|كونا|بنا|سبا|واع|ا ف ب|رويترز|الاناضول|د ب ا|يو بي اي))?$/u,
  },
  {
    // A line that is only a date and/or time stamp («PM:12:36:26/07/2021», «2021-07-26 12:36»).
    name: 'timestamp',
    maxWords: 8,
    pattern:
      /^(?:(?:am|pm|ص|م|الساعه|منذ|تاريخ النشر|نشر في|اخر تحديث|تحديث)\s*[:：]?\s*)*[\d]{1,4}(?:[\s:/.\-،,]+(?:[\d]{1,4}|am|pm|ص|م))+\s*(?:am|pm|ص|م|ت م|ت غ|gmt|بتوقيت \S+)?$/,
  },
];

/** Lines at the very top that are a brand or section kicker («رووداو ديجيتال»): at most this many words. */
export const KICKER_MAX_WORDS = 3;

/** Headlines: a first line of this many words with no sentence-final punctuation. */
export const HEADLINE_WORDS: [min: number, max: number] = [3, 30];
