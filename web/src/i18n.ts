// Every interface string, in Arabic (the default) and English. Article text, quotes and names
// are data and are never translated. Add a key to `ar` first: `en` must have the same keys.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

const ar = {
  app: 'رصد',
  tagline: 'أخبار عربية بمصادرها',
  'nav.search': 'بحث',
  'nav.stories': 'القصص',
  'nav.statements': 'التصريحات',
  'nav.entities': 'الكيانات',
  'nav.contradictions': 'التناقضات',
  'nav.map': 'الخريطة',
  'lang.toggle': 'English',
  'lang.toggleTitle': 'Switch the interface to English',

  loading: 'جارٍ التحميل…',
  empty: 'لا نتائج.',
  error: 'تعذّر الطلب',
  'error.param': 'المعامل',
  notFound: 'الصفحة غير موجودة.',
  prev: 'السابق',
  next: 'التالي',
  'page.range': '{from}–{to} من {total}',
  'page.rangeOpen': '{from}–{to}',
  apply: 'تطبيق',
  reset: 'مسح',
  any: 'الكل',
  from: 'من تاريخ',
  to: 'إلى تاريخ',
  outlet: 'المصدر',
  speaker: 'المتحدث',
  organization: 'الجهة',
  entity: 'كيان',
  stance: 'الموقف',
  type: 'النوع',
  text: 'نص',
  date: 'التاريخ',
  noDate: 'بلا تاريخ',
  sources: 'المصادر',
  source: 'المصدر',
  openArticle: 'فتح المقال',
  original: 'الرابط الأصلي',
  articles: 'مقالات',
  outlets: 'مصادر',
  statements: 'تصريحات',
  events: 'أحداث',
  killed: 'قتلى',
  injured: 'جرحى',
  location: 'المكان',
  actors: 'الأطراف',

  'search.title': 'البحث في الأخبار',
  'search.placeholder': 'كلمات، "عبارة"، جذر*، -استبعاد، OR',
  'search.submit': 'ابحث',
  'search.help': 'دون كلمات بحث: أحدث المقالات المطابقة للمرشّحات. اكتب كلمة أو عبارة للبحث في نصوص المقالات.',
  'search.copies': 'نُشر أيضاً في',

  'stories.title': 'القصص',
  'stories.min': 'أقل عدد مقالات',
  'story.timeline': 'تسلسل المقالات',
  'story.duplicate': 'نسخة من مقال آخر',
  'story.noStatements': 'لا تصريحات في هذا المقال.',

  'statements.title': 'مستكشف التصريحات',
  'statements.q': 'نص التصريح',
  'statement.sources': 'المصادر ({n})',
  'statement.said': 'قال',
  kind_direct: 'مباشر',
  kind_indirect: 'غير مباشر',

  'entities.title': 'الكيانات',
  'entities.q': 'اسم',
  'entity.names': 'أسماء أخرى',
  'entity.said': 'ما قاله',
  'entity.about': 'ما قيل عنه',
  'entity.events': 'أحداث شارك فيها',
  'entity.activity': 'النشاط عبر الزمن',
  'entity.coords': 'الإحداثيات',

  'contra.title': 'التناقضات والنفي',
  'contra.kind': 'النوع',
  'contra.contradiction': 'تناقض',
  'contra.denial': 'نفي',
  'contra.shared': 'كلمات مشتركة',
  'contra.denies': 'ينفي',
  'contra.proposition': 'المنفي',
  'contra.noClaim': 'لا ادعاء مخزّن يطابق هذا النفي.',
  'contra.why': 'السبب (بالإنجليزية)',
  'contra.range': 'الفترة المعروضة',

  'map.title': 'الخريطة والتسلسل الزمني',
  'map.events': '{n} حدثاً على الخريطة',
  'map.eventsOf': '{n} من {total} حدثاً على الخريطة',
  'map.boundariesError': 'تعذّر تحميل الحدود',
  'timeline.title': 'التصريحات والأحداث يومياً',
  'timeline.day': '{day}: {s} تصريحات، {e} أحداث',
  'timeline.empty': 'لا بيانات في هذه الفترة.',
  'timeline.open': 'عرض يوم {day} على الخريطة: {s} تصريحات، {e} أحداث',
  'range.from': 'من',
  'range.to': 'إلى',

  'article.text': 'النص',
  'article.panel': 'المستخرج',
  'article.diagnostics': 'ملاحظات التحليل ({n})',
  'article.removed': 'أسطر محذوفة ({n})',
  'article.story': 'القصة',
  'article.copies': 'نسخ أخرى',
  'article.duplicate': 'نسخة من',
  'article.legend': 'المفتاح',
  'legend.quote': 'اقتباس',
  'legend.cue': 'فعل القول',
  'legend.event': 'حدث',
  'legend.date': 'تاريخ',
  'legend.term': 'كلمة البحث',
  'legend.hl': 'المقطع المطلوب',
  'article.showStatement': 'عرض التصريح في اللوحة: {who}',
  'article.jumpTo': 'الانتقال إلى أول ذكر لـ {name}',

  stance_assert: 'تأكيد',
  stance_deny: 'نفي',
  stance_confirm: 'إقرار',
  stance_announce: 'إعلان',
  stance_commit: 'تعهّد',
  channel_tweet: 'تغريدة',
  channel_press_conference: 'مؤتمر صحفي',
  channel_statement: 'بيان',
  channel_interview: 'مقابلة',
  channel_meeting: 'اجتماع',
  channel_unknown: '',
  type_PER: 'شخص',
  type_ORG: 'منظمة',
  type_GPE: 'كيان سياسي',
  type_LOC: 'مكان',
  type_FAC: 'منشأة',
  event_assault: 'هجوم',
  event_airstrike: 'غارة جوية',
  event_base_handover: 'تسليم قاعدة',
  event_troop_presence: 'وجود عسكري',
  event_meeting: 'اجتماع',
  event_withdrawal_plan: 'خطة انسحاب',
  event_training: 'تدريب',
};

export type Key = keyof typeof ar;

const en: Record<Key, string> = {
  app: 'rasd',
  tagline: 'Arabic news, with its sources',
  'nav.search': 'Search',
  'nav.stories': 'Stories',
  'nav.statements': 'Statements',
  'nav.entities': 'Entities',
  'nav.contradictions': 'Contradictions',
  'nav.map': 'Map',
  'lang.toggle': 'العربية',
  'lang.toggleTitle': 'التبديل إلى الواجهة العربية',

  loading: 'Loading…',
  empty: 'No results.',
  error: 'The request failed',
  'error.param': 'parameter',
  notFound: 'Page not found.',
  prev: 'Previous',
  next: 'Next',
  'page.range': '{from}–{to} of {total}',
  'page.rangeOpen': '{from}–{to}',
  apply: 'Apply',
  reset: 'Clear',
  any: 'Any',
  from: 'From',
  to: 'To',
  outlet: 'Outlet',
  speaker: 'Speaker',
  organization: 'Organization',
  entity: 'Entity',
  stance: 'Stance',
  type: 'Type',
  text: 'Text',
  date: 'Date',
  noDate: 'undated',
  sources: 'Sources',
  source: 'Source',
  openArticle: 'Open article',
  original: 'Original link',
  articles: 'articles',
  outlets: 'outlets',
  statements: 'statements',
  events: 'events',
  killed: 'killed',
  injured: 'injured',
  location: 'Location',
  actors: 'Actors',

  'search.title': 'Search the news',
  'search.placeholder': 'words, "phrase", prefix*, -exclude, OR',
  'search.submit': 'Search',
  'search.help': 'Without search words: the latest articles matching the filters. Type a word or a phrase to search the article texts.',
  'search.copies': 'Also ran in',

  'stories.title': 'Stories',
  'stories.min': 'Minimum articles',
  'story.timeline': 'Articles over time',
  'story.duplicate': 'copy of another article',
  'story.noStatements': 'No statements in this article.',

  'statements.title': 'Statement explorer',
  'statements.q': 'Quote text',
  'statement.sources': 'Sources ({n})',
  'statement.said': 'said',
  kind_direct: 'direct',
  kind_indirect: 'indirect',

  'entities.title': 'Entities',
  'entities.q': 'Name',
  'entity.names': 'Other names',
  'entity.said': 'What they said',
  'entity.about': 'What was said about them',
  'entity.events': 'Events they took part in',
  'entity.activity': 'Activity over time',
  'entity.coords': 'Coordinates',

  'contra.title': 'Contradictions and denials',
  'contra.kind': 'Kind',
  'contra.contradiction': 'contradiction',
  'contra.denial': 'denial',
  'contra.shared': 'Shared words',
  'contra.denies': 'denies',
  'contra.proposition': 'Denied',
  'contra.noClaim': 'No stored claim matches this denial.',
  'contra.why': 'Why',
  'contra.range': 'Period shown',

  'map.title': 'Map and timeline',
  'map.events': '{n} events on the map',
  'map.eventsOf': '{n} of {total} events on the map',
  'map.boundariesError': 'Could not load the boundaries',
  'timeline.title': 'Statements and events per day',
  'timeline.day': '{day}: {s} statements, {e} events',
  'timeline.empty': 'No data in this period.',
  'timeline.open': 'Show {day} on the map: {s} statements, {e} events',
  'range.from': 'from',
  'range.to': 'to',

  'article.text': 'Text',
  'article.panel': 'Extracted',
  'article.diagnostics': 'Analysis notes ({n})',
  'article.removed': 'Removed lines ({n})',
  'article.story': 'Story',
  'article.copies': 'Other copies',
  'article.duplicate': 'Copy of',
  'article.legend': 'Legend',
  'legend.quote': 'quote',
  'legend.cue': 'speech verb',
  'legend.event': 'event',
  'legend.date': 'date',
  'legend.term': 'search word',
  'legend.hl': 'requested passage',
  'article.showStatement': 'Show the statement in the panel: {who}',
  'article.jumpTo': 'Go to the first mention of {name}',

  stance_assert: 'assert',
  stance_deny: 'deny',
  stance_confirm: 'confirm',
  stance_announce: 'announce',
  stance_commit: 'commit',
  channel_tweet: 'tweet',
  channel_press_conference: 'press conference',
  channel_statement: 'statement',
  channel_interview: 'interview',
  channel_meeting: 'meeting',
  channel_unknown: '',
  type_PER: 'person',
  type_ORG: 'organization',
  type_GPE: 'country/city',
  type_LOC: 'place',
  type_FAC: 'facility',
  event_assault: 'assault',
  event_airstrike: 'airstrike',
  event_base_handover: 'base handover',
  event_troop_presence: 'troop presence',
  event_meeting: 'meeting',
  event_withdrawal_plan: 'withdrawal plan',
  event_training: 'training',
};

export type Lang = 'ar' | 'en';
export const dictionaries: Record<Lang, Record<Key, string>> = { ar, en };
export const dir = (lang: Lang): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

export const STANCES = ['assert', 'deny', 'confirm', 'announce', 'commit'] as const;
export const ENTITY_TYPES = ['PER', 'ORG', 'GPE', 'LOC', 'FAC'] as const;
export const EVENT_TYPES = ['assault', 'airstrike', 'base_handover', 'troop_presence', 'meeting', 'withdrawal_plan', 'training'] as const;

export type T = {
  (key: Key, vars?: Record<string, string | number>): string;
  /** A label for a data value (stance, type…) with a prefix; the value itself when unknown. */
  v(prefix: 'stance' | 'channel' | 'type' | 'event' | 'kind', value: string): string;
  lang: Lang;
};

export function translator(lang: Lang): T {
  const d = dictionaries[lang];
  const t = ((key: Key, vars?: Record<string, string | number>) =>
    d[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m))) as T;
  t.v = (prefix, value) => {
    const key = `${prefix}_${value}`;
    return key in d ? d[key as Key] : value;
  };
  t.lang = lang;
  return t;
}

const STORE = 'rasd.lang';
export function savedLang(): Lang {
  try {
    return localStorage.getItem(STORE) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}
export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORE, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export const LangContext = createContext<T>(translator('ar'));
export const useT = (): T => useContext(LangContext);
