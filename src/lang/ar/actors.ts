// Actors that Arabic news about Iraq, Syria and the region quotes or reports on, with their
// Arabic aliases: states, governments, ministries, armed forces, armed groups, parties,
// international bodies, institutions and media. Curated by hand, as data.
//
// Two tables: COUNTRIES, from which each country's state, government, ministries, army,
// parliament and embassy are made with its adjective («وزارة الخارجية الأمريكية», «الخارجية
// الأمريكية»), and CURATED, the rest. Spelling variants that matchKey does not fold (أمريكي/أميركي,
// ديمقراطية/ديموقراطية, سوريا/سورية inside a name …) are added by VARIANTS, so each alias is written
// once. Places are in gazetteer/: a capital stays a place here («واشنطن» is not an alias of the US).
import { matchKey } from './normalize.js';

export type ActorType = 'ORG' | 'GPE' | 'PER' | 'FAC' | 'LOC';

export interface Actor {
  /** Canonical Arabic name. */
  name: string;
  type: ActorType;
  /**
   * state | government | ministry | armed-forces | security | intelligence | parliament | presidency
   * | embassy | party | armed-group | international | ngo | religious | media | platform | institution
   */
  kind: string;
  /** Other spellings and names, canonical first excluded. */
  aliases: string[];
  /** ISO 3166-1 alpha-2 of the country the actor belongs to, when it belongs to one. */
  country?: string;
}

interface CountryRow {
  iso: string;
  /** Names of the state: canonical first. */
  names: string[];
  /** Adjective, masculine and feminine, with the article: «الأمريكي», «الأمريكية». */
  m: string;
  f: string;
  /** Extra aliases per generated actor kind («البنتاغون» for the US defence ministry). */
  extra?: Partial<Record<'government' | 'foreign' | 'defence' | 'interior' | 'army' | 'parliament', string[]>>;
}

/** States whose institutions the news names by adjective. */
const COUNTRIES: readonly CountryRow[] = [
  { iso: 'US', names: ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'أمريكا'], m: 'الأمريكي', f: 'الأمريكية',
    extra: { defence: ['البنتاغون', 'وزارة الحرب الأمريكية'], army: ['القوات الأمريكية', 'الجيش الأمريكي'], government: ['الإدارة الأمريكية'], foreign: ['الخارجية الأمريكية'] } },
  { iso: 'IQ', names: ['العراق', 'جمهورية العراق'], m: 'العراقي', f: 'العراقية',
    extra: { government: ['حكومة بغداد', 'الحكومة الاتحادية', 'الحكومة المركزية في بغداد'], parliament: ['مجلس النواب العراقي', 'البرلمان العراقي'] } },
  { iso: 'SY', names: ['سوريا', 'سورية', 'الجمهورية العربية السورية'], m: 'السوري', f: 'السورية',
    extra: { government: ['النظام السوري', 'نظام الأسد', 'حكومة دمشق'], army: ['الجيش العربي السوري', 'قوات النظام السوري', 'قوات النظام', 'جيش النظام', 'قوات الحكومة السورية'], parliament: ['مجلس الشعب السوري'] } },
  { iso: 'IR', names: ['إيران', 'الجمهورية الإسلامية الإيرانية'], m: 'الإيراني', f: 'الإيرانية',
    extra: { parliament: ['مجلس الشورى الإسلامي', 'مجلس الشورى الإيراني'], government: ['حكومة طهران'] } },
  { iso: 'TR', names: ['تركيا', 'الجمهورية التركية'], m: 'التركي', f: 'التركية', extra: { parliament: ['الجمعية الوطنية الكبرى'] } },
  { iso: 'RU', names: ['روسيا', 'روسيا الاتحادية', 'الاتحاد الروسي'], m: 'الروسي', f: 'الروسية', extra: { parliament: ['مجلس الدوما', 'الدوما'] } },
  { iso: 'GB', names: ['المملكة المتحدة', 'بريطانيا'], m: 'البريطاني', f: 'البريطانية', extra: { parliament: ['مجلس العموم البريطاني'] } },
  { iso: 'FR', names: ['فرنسا'], m: 'الفرنسي', f: 'الفرنسية' },
  { iso: 'DE', names: ['ألمانيا'], m: 'الألماني', f: 'الألمانية', extra: { parliament: ['البوندستاغ'] } },
  { iso: 'SA', names: ['السعودية', 'المملكة العربية السعودية'], m: 'السعودي', f: 'السعودية' },
  { iso: 'CN', names: ['الصين', 'جمهورية الصين الشعبية'], m: 'الصيني', f: 'الصينية' },
  { iso: 'IL', names: ['إسرائيل'], m: 'الإسرائيلي', f: 'الإسرائيلية', extra: { army: ['جيش الاحتلال', 'جيش الاحتلال الإسرائيلي', 'جيش الدفاع الإسرائيلي'], parliament: ['الكنيست', 'الكنيست الإسرائيلي'] } },
  { iso: 'JO', names: ['الأردن', 'المملكة الأردنية الهاشمية'], m: 'الأردني', f: 'الأردنية' },
  { iso: 'LB', names: ['لبنان'], m: 'اللبناني', f: 'اللبنانية', extra: { parliament: ['مجلس النواب اللبناني'] } },
  { iso: 'EG', names: ['مصر', 'جمهورية مصر العربية'], m: 'المصري', f: 'المصرية' },
  { iso: 'KW', names: ['الكويت', 'دولة الكويت'], m: 'الكويتي', f: 'الكويتية', extra: { parliament: ['مجلس الأمة الكويتي'] } },
  { iso: 'QA', names: ['قطر', 'دولة قطر'], m: 'القطري', f: 'القطرية' },
  { iso: 'AE', names: ['الإمارات', 'الإمارات العربية المتحدة'], m: 'الإماراتي', f: 'الإماراتية' },
  { iso: 'YE', names: ['اليمن', 'الجمهورية اليمنية'], m: 'اليمني', f: 'اليمنية', extra: { government: ['الحكومة الشرعية', 'الحكومة اليمنية الشرعية'] } },
  { iso: 'PS', names: ['فلسطين', 'دولة فلسطين'], m: 'الفلسطيني', f: 'الفلسطينية' },
  { iso: 'IT', names: ['إيطاليا'], m: 'الإيطالي', f: 'الإيطالية' },
  { iso: 'CA', names: ['كندا'], m: 'الكندي', f: 'الكندية' },
  { iso: 'AU', names: ['أستراليا'], m: 'الأسترالي', f: 'الأسترالية' },
  { iso: 'NL', names: ['هولندا'], m: 'الهولندي', f: 'الهولندية' },
  { iso: 'BH', names: ['البحرين', 'مملكة البحرين'], m: 'البحريني', f: 'البحرينية' },
  { iso: 'OM', names: ['سلطنة عمان', 'عمان'], m: 'العماني', f: 'العمانية' },
  // States of North Africa, the Sahel, the Horn and beyond whose armies and governments Arabic
  // security news names by adjective. Mali is left out: «المالية» is 'financial'.
  { iso: 'LY', names: ['ليبيا'], m: 'الليبي', f: 'الليبية' },
  { iso: 'TN', names: ['تونس'], m: 'التونسي', f: 'التونسية' },
  { iso: 'DZ', names: ['الجزائر'], m: 'الجزائري', f: 'الجزائرية' },
  { iso: 'MA', names: ['المغرب'], m: 'المغربي', f: 'المغربية' },
  { iso: 'SD', names: ['السودان'], m: 'السوداني', f: 'السودانية' },
  { iso: 'SO', names: ['الصومال'], m: 'الصومالي', f: 'الصومالية' },
  { iso: 'AF', names: ['أفغانستان'], m: 'الأفغاني', f: 'الأفغانية' },
  { iso: 'PK', names: ['باكستان'], m: 'الباكستاني', f: 'الباكستانية' },
  { iso: 'NG', names: ['نيجيريا'], m: 'النيجيري', f: 'النيجيرية' },
  { iso: 'TD', names: ['تشاد'], m: 'التشادي', f: 'التشادية' },
  { iso: 'KE', names: ['كينيا'], m: 'الكيني', f: 'الكينية' },
  { iso: 'ET', names: ['إثيوبيا'], m: 'الإثيوبي', f: 'الإثيوبية' },
  { iso: 'UA', names: ['أوكرانيا'], m: 'الأوكراني', f: 'الأوكرانية' },
  { iso: 'IN', names: ['الهند'], m: 'الهندي', f: 'الهندية' },
];

/**
 * [type, kind, country ('' for none), canonical, ...aliases]. Aliases are written once; VARIANTS
 * adds the other spellings.
 */
type Row = readonly [ActorType, string, string, string, ...string[]];
const CURATED: readonly Row[] = [
  // Iraq
  ['ORG', 'security', 'IQ', 'قوات الأمن العراقية', 'القوات الأمنية العراقية', 'القوات العراقية', 'الأجهزة الأمنية العراقية'],
  ['ORG', 'security', 'IQ', 'جهاز مكافحة الإرهاب', 'جهاز مكافحة الإرهاب العراقي', 'قوات مكافحة الإرهاب', 'الفرقة الذهبية'],
  ['ORG', 'security', 'IQ', 'قيادة العمليات المشتركة', 'قيادة العمليات المشتركة العراقية', 'العمليات المشتركة'],
  ['ORG', 'security', 'IQ', 'خلية الإعلام الأمني', 'خلية الاعلام الامني'],
  ['ORG', 'security', 'IQ', 'الشرطة الاتحادية', 'الشرطة الاتحادية العراقية'],
  ['ORG', 'security', 'IQ', 'قيادة عمليات بغداد', 'عمليات بغداد'],
  ['ORG', 'security', 'IQ', 'قيادة عمليات نينوى', 'عمليات نينوى'],
  ['ORG', 'security', 'IQ', 'قيادة عمليات الأنبار', 'عمليات الأنبار'],
  ['ORG', 'security', 'IQ', 'خلية الصقور', 'خلية الصقور الاستخبارية'],
  ['ORG', 'intelligence', 'IQ', 'جهاز المخابرات العراقي', 'المخابرات العراقية'],
  ['ORG', 'armed-forces', 'IQ', 'الحشد الشعبي', 'هيئة الحشد الشعبي', 'قوات الحشد الشعبي', 'الحشد'],
  ['ORG', 'armed-forces', 'IQ', 'البيشمركة', 'قوات البيشمركة', 'البيشمركة الكردية', 'بيشمركة', 'البشمركة', 'قوات البشمركة'],
  ['ORG', 'ministry', 'IQ', 'وزارة البيشمركة', 'وزارة شؤون البيشمركة'],
  ['ORG', 'government', 'IQ', 'حكومة إقليم كردستان', 'حكومة الإقليم', 'حكومة إقليم كردستان العراق', 'حكومة أربيل'],
  ['ORG', 'presidency', 'IQ', 'رئاسة إقليم كردستان', 'رئاسة الإقليم'],
  ['ORG', 'parliament', 'IQ', 'برلمان إقليم كردستان', 'برلمان كردستان'],
  ['ORG', 'institution', 'IQ', 'مجلس القضاء الأعلى', 'مجلس القضاء الأعلى العراقي'],
  ['ORG', 'institution', 'IQ', 'المفوضية العليا المستقلة للانتخابات', 'مفوضية الانتخابات', 'مفوضية الانتخابات العراقية'],
  ['ORG', 'institution', 'IQ', 'المحكمة الاتحادية العليا', 'المحكمة الاتحادية'],
  ['ORG', 'presidency', 'IQ', 'رئاسة الوزراء العراقية', 'مكتب رئيس الوزراء العراقي', 'رئاسة مجلس الوزراء'],
  ['ORG', 'ministry', 'IQ', 'وزارة النفط العراقية', 'وزارة النفط'],
  ['ORG', 'ministry', 'IQ', 'وزارة الهجرة والمهجرين', 'وزارة الهجرة'],
  ['ORG', 'party', 'IQ', 'الحزب الديمقراطي الكردستاني', 'الديمقراطي الكردستاني', 'البارتي'],
  ['ORG', 'party', 'IQ', 'الاتحاد الوطني الكردستاني', 'اليكتي'],
  ['ORG', 'party', 'IQ', 'التيار الصدري', 'الكتلة الصدرية', 'التيار الوطني الشيعي'],
  ['ORG', 'party', 'IQ', 'ائتلاف دولة القانون', 'كتلة دولة القانون'],
  ['ORG', 'party', 'IQ', 'الإطار التنسيقي', 'قوى الإطار التنسيقي'],
  ['ORG', 'armed-group', 'IQ', 'كتائب حزب الله', 'كتائب حزب الله العراقية', 'كتائب حزب الله في العراق'],
  ['ORG', 'armed-group', 'IQ', 'عصائب أهل الحق', 'العصائب'],
  ['ORG', 'armed-group', 'IQ', 'منظمة بدر', 'فيلق بدر'],
  ['ORG', 'armed-group', 'IQ', 'سرايا السلام'],
  ['ORG', 'armed-group', 'IQ', 'حركة النجباء', 'النجباء', 'حركة حزب الله النجباء'],
  ['ORG', 'armed-group', 'IQ', 'كتائب سيد الشهداء'],
  ['ORG', 'armed-group', 'IQ', 'المقاومة الإسلامية في العراق'],
  ['ORG', 'armed-group', 'IQ', 'جيش رجال الطريقة النقشبندية', 'النقشبندية'],
  ['ORG', 'armed-group', 'IQ', 'جيش المهدي'],
  ['ORG', 'religious', 'IQ', 'المرجعية الدينية', 'المرجعية الدينية العليا', 'المرجعية في النجف', 'مرجعية النجف'],
  ['ORG', 'religious', 'IQ', 'ديوان الوقف السني', 'الوقف السني'],
  ['ORG', 'religious', 'IQ', 'ديوان الوقف الشيعي', 'الوقف الشيعي'],
  // Syria
  ['ORG', 'armed-group', 'SY', 'قوات سوريا الديمقراطية', 'قسد'],
  ['ORG', 'armed-group', 'SY', 'وحدات حماية الشعب', 'وحدات حماية الشعب الكردية', 'الوحدات الكردية', 'واي بي جي'],
  ['ORG', 'armed-group', 'SY', 'وحدات حماية المرأة'],
  ['ORG', 'government', 'SY', 'الإدارة الذاتية', 'الإدارة الذاتية لشمال وشرق سوريا', 'الإدارة الذاتية الكردية'],
  ['ORG', 'party', 'SY', 'مجلس سوريا الديمقراطية', 'مسد'],
  ['ORG', 'party', 'SY', 'حزب الاتحاد الديمقراطي', 'حزب الاتحاد الديمقراطي الكردي', 'بي واي دي'],
  ['ORG', 'armed-group', 'SY', 'الجيش السوري الحر', 'الجيش الحر'],
  ['ORG', 'armed-group', 'SY', 'الجيش الوطني السوري'],
  ['ORG', 'armed-group', 'SY', 'هيئة تحرير الشام', 'تحرير الشام', 'هتش'],
  ['ORG', 'armed-group', 'SY', 'جبهة النصرة', 'النصرة', 'جبهة فتح الشام'],
  ['ORG', 'armed-group', 'SY', 'حركة أحرار الشام', 'أحرار الشام'],
  ['ORG', 'armed-group', 'SY', 'جيش الإسلام'],
  ['ORG', 'armed-group', 'SY', 'حراس الدين', 'تنظيم حراس الدين'],
  ['ORG', 'armed-group', 'SY', 'جيش الفتح'],
  ['ORG', 'armed-group', 'SY', 'فيلق الشام'],
  ['ORG', 'armed-group', 'SY', 'جند الأقصى'],
  ['ORG', 'armed-group', '', 'مجموعة خراسان', 'جماعة خراسان'],
  ['ORG', 'media', 'LB', 'الإعلام الحربي', 'الإعلام الحربي المركزي'],
  ['ORG', 'armed-forces', 'SY', 'الفرقة الرابعة', 'الفرقة الرابعة مدرعات'],
  ['ORG', 'armed-forces', 'SY', 'قوات الدفاع الوطني'],
  ['ORG', 'government', 'SY', 'حكومة الإنقاذ', 'حكومة الإنقاذ السورية'],
  ['ORG', 'government', 'SY', 'الحكومة السورية المؤقتة'],
  ['ORG', 'party', 'SY', 'الائتلاف الوطني السوري', 'الائتلاف السوري', 'الائتلاف الوطني لقوى الثورة والمعارضة السورية'],
  ['ORG', 'party', 'SY', 'هيئة التفاوض السورية', 'هيئة التفاوض'],
  ['ORG', 'party', 'SY', 'المعارضة السورية', 'المعارضة السورية المسلحة'],
  ['ORG', 'ngo', 'SY', 'الخوذ البيضاء', 'الدفاع المدني السوري'],
  ['ORG', 'ngo', 'GB', 'المرصد السوري لحقوق الإنسان', 'المرصد السوري'],
  ['ORG', 'intelligence', 'SY', 'المخابرات السورية', 'الأمن العسكري السوري'],
  // Iran, Turkey, Lebanon, Yemen, Palestine
  ['ORG', 'armed-forces', 'IR', 'الحرس الثوري', 'الحرس الثوري الإيراني', 'حرس الثورة', 'حرس الثورة الإسلامية', 'الباسدران'],
  ['ORG', 'armed-forces', 'IR', 'فيلق القدس', 'فيلق القدس الإيراني'],
  ['ORG', 'armed-forces', 'IR', 'الباسيج', 'قوات التعبئة'],
  ['ORG', 'institution', 'IR', 'مجلس الأمن القومي الإيراني', 'المجلس الأعلى للأمن القومي الإيراني'],
  ['ORG', 'intelligence', 'TR', 'جهاز الاستخبارات التركي', 'المخابرات التركية', 'الاستخبارات التركية'],
  ['ORG', 'party', 'TR', 'حزب العدالة والتنمية', 'العدالة والتنمية'],
  ['ORG', 'armed-group', 'TR', 'حزب العمال الكردستاني', 'العمال الكردستاني', 'بي كيه كيه', 'بي كا كا'],
  ['ORG', 'armed-group', 'LB', 'حزب الله', 'حزب الله اللبناني'],
  ['ORG', 'party', 'LB', 'حركة أمل'],
  ['ORG', 'armed-group', 'YE', 'الحوثيون', 'الحوثيين', 'جماعة الحوثي', 'الحوثي', 'أنصار الله', 'جماعة أنصار الله', 'حركة أنصار الله'],
  ['ORG', 'armed-group', 'YE', 'المقاومة الشعبية', 'المقاومة الشعبية اليمنية', 'المقاومة الجنوبية'],
  ['ORG', 'armed-group', 'YE', 'اللجان الشعبية'],
  ['ORG', 'armed-forces', 'YE', 'الحرس الجمهوري', 'قوات الحرس الجمهوري'],
  ['ORG', 'armed-group', '', 'أنصار الشريعة', 'جماعة أنصار الشريعة'],
  ['ORG', 'armed-group', 'PS', 'حماس', 'حركة حماس', 'حركة المقاومة الإسلامية'],
  ['ORG', 'armed-group', 'PS', 'كتائب القسام', 'كتائب عز الدين القسام', 'القسام'],
  ['ORG', 'armed-group', 'PS', 'الجهاد الإسلامي', 'حركة الجهاد الإسلامي'],
  ['ORG', 'armed-group', 'PS', 'سرايا القدس'],
  ['ORG', 'party', 'PS', 'حركة فتح'],
  ['ORG', 'government', 'PS', 'السلطة الفلسطينية', 'السلطة الوطنية الفلسطينية'],
  ['ORG', 'international', 'PS', 'منظمة التحرير الفلسطينية', 'منظمة التحرير'],
  ['ORG', 'intelligence', 'IL', 'الموساد', 'جهاز الموساد'],
  ['ORG', 'intelligence', 'IL', 'الشاباك', 'جهاز الشاباك', 'جهاز الأمن العام الإسرائيلي'],
  // transnational armed groups
  ['ORG', 'armed-group', '', 'داعش', 'تنظيم داعش', 'داعش الإرهابي', 'تنظيم داعش الإرهابي', 'عصابات داعش', 'تنظيم الدولة الإسلامية',
    'تنظيم الدولة', 'الدولة الإسلامية', 'الدولة الإسلامية في العراق والشام', 'تنظيم الدولة الإسلامية في العراق والشام',
    'الدولة الإسلامية في العراق وسوريا', 'الدولة الإسلامية في العراق', 'دولة الخلافة'],
  ['ORG', 'media', '', 'وكالة أعماق', 'وكالة أعماق الإخبارية'],
  ['ORG', 'armed-group', '', 'تنظيم القاعدة', 'القاعدة'],
  ['ORG', 'armed-group', 'YE', 'القاعدة في جزيرة العرب', 'تنظيم القاعدة في جزيرة العرب'],
  ['ORG', 'armed-group', 'AF', 'حركة طالبان', 'طالبان'],
  ['ORG', 'armed-group', 'NG', 'بوكو حرام', 'جماعة بوكو حرام'],
  ['ORG', 'armed-group', 'SO', 'حركة الشباب', 'حركة الشباب المجاهدين', 'حركة الشباب الصومالية'],
  ['ORG', 'party', '', 'جماعة الإخوان المسلمين', 'الإخوان المسلمون', 'الإخوان المسلمين', 'الإخوان'],
  // the coalition and US commands
  ['ORG', 'international', '', 'التحالف الدولي', 'التحالف الدولي ضد داعش', 'التحالف الدولي لمحاربة داعش', 'قوات التحالف',
    'قوات التحالف الدولي', 'التحالف الدولي بقيادة الولايات المتحدة', 'التحالف الدولي بقيادة واشنطن', 'التحالف بقيادة الولايات المتحدة',
    'التحالف الذي تقوده الولايات المتحدة', 'طيران التحالف', 'طيران التحالف الدولي'],
  ['ORG', 'armed-forces', 'US', 'قوة المهام المشتركة - عملية العزم الصلب', 'عملية العزم الصلب', 'العزم الصلب', 'قوة المهام المشتركة'],
  ['ORG', 'armed-forces', 'US', 'القيادة المركزية الأمريكية', 'سنتكوم', 'القيادة المركزية'],
  ['ORG', 'intelligence', 'US', 'وكالة المخابرات المركزية الأمريكية', 'وكالة المخابرات المركزية', 'سي آي إيه', 'المخابرات المركزية الأمريكية'],
  ['ORG', 'security', 'US', 'مكتب التحقيقات الفيدرالي', 'إف بي آي', 'مكتب التحقيقات الفدرالي'],
  ['ORG', 'parliament', 'US', 'الكونغرس', 'الكونغرس الأمريكي', 'الكونجرس'],
  ['ORG', 'parliament', 'US', 'مجلس الشيوخ الأمريكي', 'مجلس الشيوخ'],
  ['ORG', 'parliament', 'US', 'مجلس النواب الأمريكي'],
  ['ORG', 'ministry', 'US', 'وزارة الخزانة الأمريكية', 'الخزانة الأمريكية'],
  ['ORG', 'ministry', 'US', 'وزارة العدل الأمريكية', 'العدل الأمريكية'],
  ['ORG', 'institution', 'US', 'مجلس الأمن القومي الأمريكي'],
  ['ORG', 'armed-forces', 'RU', 'مجموعة فاغنر', 'فاغنر', 'قوات فاغنر'],
  // People the region's news names by surname alone. Surnames that are also common words or
  // given names («هادي»، «السوداني»، «البغدادي») are left out as aliases.
  ['PER', 'person', 'TR', 'رجب طيب أردوغان', 'أردوغان', 'اردوغان'],
  ['PER', 'person', 'TR', 'أحمد داود أوغلو', 'داود أوغلو'],
  ['PER', 'person', 'TR', 'مولود جاويش أوغلو', 'جاويش أوغلو', 'مولود تشاووش أوغلو', 'تشاووش أوغلو'],
  ['PER', 'person', 'TR', 'صلاح الدين دميرتاش', 'دميرتاش'],
  ['PER', 'person', 'US', 'باراك أوباما', 'أوباما'],
  ['PER', 'person', 'US', 'دونالد ترامب', 'ترامب'],
  ['PER', 'person', 'US', 'جو بايدن', 'بايدن'],
  ['PER', 'person', 'US', 'جون كيري', 'كيري'],
  ['PER', 'person', 'US', 'آشتون كارتر', 'أشتون كارتر'],
  ['PER', 'person', 'RU', 'فلاديمير بوتين', 'بوتين'],
  ['PER', 'person', 'RU', 'سيرغي لافروف', 'لافروف', 'سيرجي لافروف'],
  ['PER', 'person', 'SY', 'بشار الأسد', 'الرئيس السوري بشار الأسد'],
  ['PER', 'person', 'IQ', 'حيدر العبادي', 'العبادي'],
  ['PER', 'person', 'IQ', 'نوري المالكي', 'المالكي'],
  ['PER', 'person', 'IQ', 'مصطفى الكاظمي', 'الكاظمي'],
  ['PER', 'person', 'IQ', 'مسعود بارزاني', 'مسعود البارزاني', 'بارزاني', 'البارزاني'],
  ['PER', 'person', 'IQ', 'مقتدى الصدر'],
  ['PER', 'person', 'IQ', 'علي السيستاني', 'السيستاني'],
  ['PER', 'person', 'IR', 'علي خامنئي', 'خامنئي', 'علي خامنئى'],
  ['PER', 'person', 'IR', 'حسن روحاني', 'روحاني'],
  ['PER', 'person', 'IR', 'محمد جواد ظريف', 'جواد ظريف'],
  ['PER', 'person', 'IR', 'قاسم سليماني', 'سليماني'],
  ['PER', 'person', 'YE', 'عبد ربه منصور هادي', 'عبدربه منصور هادي'],
  ['PER', 'person', 'YE', 'علي عبد الله صالح', 'علي عبدالله صالح'],
  ['PER', 'person', 'YE', 'عبد الملك الحوثي'],
  ['PER', 'person', 'YE', 'خالد بحاح', 'بحاح'],
  ['PER', 'person', 'SA', 'سلمان بن عبد العزيز', 'الملك سلمان'],
  ['PER', 'person', 'SA', 'محمد بن سلمان'],
  ['PER', 'person', 'SA', 'عادل الجبير', 'الجبير'],
  ['PER', 'person', 'SA', 'أحمد عسيري', 'عسيري'],
  ['PER', 'person', 'EG', 'عبد الفتاح السيسي', 'السيسي'],
  ['PER', 'person', 'IL', 'بنيامين نتنياهو', 'نتنياهو'],
  ['PER', 'person', 'PS', 'محمود عباس'],
  ['PER', 'person', 'LB', 'حسن نصر الله', 'نصر الله'],
  ['PER', 'person', '', 'بان كي مون'],
  ['PER', 'person', '', 'أنطونيو غوتيريش', 'غوتيريش'],
  ['PER', 'person', '', 'ستيفان دي ميستورا', 'دي ميستورا'],
  ['PER', 'person', '', 'إسماعيل ولد الشيخ أحمد', 'ولد الشيخ أحمد', 'ولد الشيخ'],
  // institutions written as their building
  ['FAC', 'presidency', 'US', 'البيت الأبيض'],
  ['FAC', 'presidency', 'RU', 'الكرملين'],
  ['FAC', 'presidency', 'FR', 'قصر الإليزيه', 'الإليزيه'],
  ['FAC', 'presidency', 'GB', 'داونينغ ستريت'],
  ['FAC', 'presidency', 'IQ', 'قصر السلام'],
  ['FAC', 'government', 'IQ', 'المنطقة الخضراء'],
  // international bodies
  ['ORG', 'international', '', 'الأمم المتحدة', 'منظمة الأمم المتحدة', 'المنظمة الدولية'],
  ['ORG', 'international', '', 'مجلس الأمن', 'مجلس الأمن الدولي', 'مجلس الأمن التابع للأمم المتحدة'],
  ['ORG', 'international', '', 'الجمعية العامة للأمم المتحدة'],
  ['ORG', 'international', '', 'مجلس حقوق الإنسان', 'مجلس حقوق الإنسان التابع للأمم المتحدة'],
  ['ORG', 'international', 'IQ', 'يونامي', 'بعثة الأمم المتحدة لمساعدة العراق', 'بعثة يونامي', 'بعثة الأمم المتحدة في العراق'],
  ['ORG', 'international', 'IQ', 'يونيتاد', 'فريق التحقيق الأممي'],
  ['ORG', 'international', '', 'اليونيسف', 'يونيسف', 'منظمة الأمم المتحدة للطفولة'],
  ['ORG', 'international', '', 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين', 'مفوضية الأمم المتحدة لشؤون اللاجئين', 'مفوضية اللاجئين', 'مفوضية شؤون اللاجئين'],
  ['ORG', 'international', '', 'برنامج الأغذية العالمي', 'برنامج الغذاء العالمي'],
  ['ORG', 'international', '', 'منظمة الصحة العالمية', 'الصحة العالمية'],
  ['ORG', 'international', '', 'الأونروا', 'وكالة الأونروا', 'وكالة غوث وتشغيل اللاجئين الفلسطينيين'],
  ['ORG', 'international', '', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية', 'أوتشا', 'مكتب تنسيق الشؤون الإنسانية'],
  ['ORG', 'international', '', 'المنظمة الدولية للهجرة', 'منظمة الهجرة الدولية'],
  ['ORG', 'international', '', 'اليونسكو', 'منظمة اليونسكو'],
  ['ORG', 'international', '', 'الوكالة الدولية للطاقة الذرية', 'وكالة الطاقة الذرية'],
  ['ORG', 'international', '', 'منظمة حظر الأسلحة الكيميائية'],
  ['ORG', 'international', '', 'المحكمة الجنائية الدولية', 'الجنائية الدولية'],
  ['ORG', 'international', '', 'محكمة العدل الدولية', 'العدل الدولية'],
  ['ORG', 'international', '', 'صندوق النقد الدولي'],
  ['ORG', 'international', '', 'البنك الدولي'],
  ['ORG', 'international', '', 'منظمة أوبك', 'أوبك', 'منظمة الدول المصدرة للنفط', 'أوبك بلس'],
  ['ORG', 'international', '', 'الإنتربول', 'الشرطة الدولية'],
  ['ORG', 'international', '', 'حلف شمال الأطلسي', 'الناتو', 'حلف الناتو', 'حلف الأطلسي', 'الحلف الأطلسي'],
  ['ORG', 'international', '', 'بعثة الناتو في العراق', 'بعثة حلف شمال الأطلسي في العراق'],
  ['ORG', 'international', '', 'الاتحاد الأوروبي'],
  ['ORG', 'international', '', 'المفوضية الأوروبية'],
  ['ORG', 'international', '', 'البرلمان الأوروبي'],
  ['ORG', 'international', '', 'جامعة الدول العربية', 'الجامعة العربية'],
  ['ORG', 'international', '', 'مجلس التعاون الخليجي', 'مجلس التعاون لدول الخليج العربية', 'دول مجلس التعاون'],
  ['ORG', 'international', '', 'منظمة التعاون الإسلامي'],
  ['ORG', 'international', '', 'الاتحاد الأفريقي'],
  ['ORG', 'international', '', 'التحالف العربي', 'تحالف دعم الشرعية', 'التحالف العربي بقيادة السعودية'],
  ['ORG', 'ngo', '', 'اللجنة الدولية للصليب الأحمر', 'الصليب الأحمر', 'الصليب الأحمر الدولي'],
  ['ORG', 'ngo', '', 'الهلال الأحمر', 'جمعية الهلال الأحمر'],
  ['ORG', 'ngo', '', 'منظمة العفو الدولية', 'العفو الدولية'],
  ['ORG', 'ngo', '', 'هيومن رايتس ووتش', 'منظمة هيومن رايتس ووتش'],
  ['ORG', 'ngo', '', 'أطباء بلا حدود', 'منظمة أطباء بلا حدود'],
  ['ORG', 'ngo', '', 'المجلس النرويجي للاجئين'],
  ['ORG', 'ngo', '', 'منظمة إنقاذ الطفولة', 'أنقذوا الأطفال'],
  // media and platforms
  ['ORG', 'media', 'GB', 'رويترز', 'وكالة رويترز'],
  ['ORG', 'media', 'FR', 'فرانس برس', 'وكالة فرانس برس', 'أ ف ب', 'وكالة الصحافة الفرنسية'],
  ['ORG', 'media', 'US', 'أسوشيتد برس', 'وكالة أسوشيتد برس', 'أسوشييتد برس'],
  ['ORG', 'media', 'TR', 'الأناضول', 'وكالة الأناضول'],
  ['ORG', 'media', 'RU', 'سبوتنيك', 'وكالة سبوتنيك'],
  ['ORG', 'media', 'RU', 'روسيا اليوم', 'آر تي', 'قناة روسيا اليوم'],
  ['ORG', 'media', 'RU', 'تاس', 'وكالة تاس'],
  ['ORG', 'media', 'RU', 'إنترفاكس', 'وكالة إنترفاكس'],
  ['ORG', 'media', 'IR', 'إرنا', 'وكالة إرنا', 'وكالة الأنباء الإيرانية', 'وكالة الجمهورية الإسلامية للأنباء'],
  ['ORG', 'media', 'IR', 'وكالة فارس', 'وكالة أنباء فارس'],
  ['ORG', 'media', 'IR', 'وكالة تسنيم', 'تسنيم'],
  ['ORG', 'media', 'SY', 'سانا', 'وكالة سانا', 'الوكالة العربية السورية للأنباء', 'وكالة الأنباء السورية'],
  ['ORG', 'media', 'IQ', 'وكالة الأنباء العراقية', 'واع'],
  ['ORG', 'media', 'IQ', 'شبكة رووداو', 'رووداو', 'روداو'],
  ['ORG', 'media', 'IQ', 'السومرية', 'قناة السومرية', 'السومرية نيوز'],
  ['ORG', 'media', 'IQ', 'شفق نيوز', 'وكالة شفق نيوز'],
  ['ORG', 'media', 'IQ', 'شبكة الإعلام العراقي', 'قناة العراقية'],
  ['ORG', 'media', 'IQ', 'كردستان 24', 'قناة كردستان 24'],
  ['ORG', 'media', 'QA', 'الجزيرة', 'قناة الجزيرة', 'الجزيرة نت', 'شبكة الجزيرة'],
  ['ORG', 'media', 'SA', 'قناة العربية', 'العربية نت', 'قناة الحدث'],
  ['ORG', 'media', 'AE', 'سكاي نيوز عربية', 'سكاي نيوز'],
  ['ORG', 'media', 'GB', 'بي بي سي', 'بي بي سي عربي', 'هيئة الإذاعة البريطانية'],
  ['ORG', 'media', 'US', 'قناة الحرة'],
  ['ORG', 'media', 'LB', 'قناة الميادين'],
  ['ORG', 'media', 'LB', 'قناة المنار'],
  ['ORG', 'media', 'IR', 'قناة العالم'],
  ['ORG', 'media', 'SA', 'صحيفة الشرق الأوسط'],
  // The Saudi and Gulf press and news agencies, named in their own and each other's reports. Names
  // that are common words too («الوطن»، «الرياض»، «سبق»، «الوئام») only with «صحيفة» before them.
  ['ORG', 'media', 'SA', 'صحيفة عكاظ', 'عكاظ'],
  ['ORG', 'media', 'SA', 'صحيفة الوطن'],
  ['ORG', 'media', 'SA', 'صحيفة الرياض'],
  ['ORG', 'media', 'SA', 'صحيفة الوئام'],
  ['ORG', 'media', 'SA', 'صحيفة سبق'],
  ['ORG', 'media', 'SA', 'صحيفة اليوم'],
  ['ORG', 'media', 'SA', 'صحيفة المدينة'],
  ['ORG', 'media', 'SA', 'صحيفة الجزيرة'],
  ['ORG', 'media', 'SA', 'صحيفة الاقتصادية'],
  ['ORG', 'media', 'SA', 'صحيفة الحياة'],
  ['ORG', 'media', 'SA', 'وكالة الأنباء السعودية', 'واس'],
  ['ORG', 'media', 'DE', 'وكالة الأنباء الألمانية', 'د ب أ'],
  ['ORG', 'media', 'KW', 'وكالة الأنباء الكويتية', 'كونا'],
  ['ORG', 'media', 'AE', 'وكالة أنباء الإمارات', 'وام'],
  ['ORG', 'media', 'QA', 'وكالة الأنباء القطرية', 'قنا'],
  ['ORG', 'media', 'BH', 'وكالة أنباء البحرين', 'بنا'],
  ['ORG', 'media', 'YE', 'وكالة الأنباء اليمنية', 'سبأ'],
  ['ORG', 'media', 'EG', 'وكالة أنباء الشرق الأوسط', 'أ ش أ'],
  ['ORG', 'media', 'US', 'نيويورك تايمز', 'صحيفة نيويورك تايمز'],
  ['ORG', 'media', 'US', 'واشنطن بوست', 'صحيفة واشنطن بوست'],
  ['ORG', 'media', 'US', 'وول ستريت جورنال', 'صحيفة وول ستريت جورنال'],
  ['ORG', 'media', 'US', 'سي إن إن', 'شبكة سي إن إن'],
  ['ORG', 'media', 'US', 'فوكس نيوز', 'شبكة فوكس نيوز'],
  ['ORG', 'media', 'GB', 'الغارديان', 'صحيفة الغارديان'],
  ['ORG', 'media', 'GB', 'فايننشال تايمز', 'صحيفة فايننشال تايمز'],
  ['ORG', 'media', 'DE', 'دير شبيغل', 'شبيغل'],
  ['ORG', 'platform', 'US', 'تويتر', 'منصة إكس', 'منصة تويتر'],
  ['ORG', 'platform', 'US', 'فيسبوك', 'فيس بوك'],
  ['ORG', 'platform', 'US', 'يوتيوب'],
  ['ORG', 'platform', '', 'تلغرام', 'تيليغرام', 'تليغرام'],
];

/** Spellings that matchKey does not fold, in both directions. */
const VARIANTS: readonly (readonly [string, string])[] = [
  ['الأمريكي', 'الأميركي'],
  ['الأمريكية', 'الأميركية'],
  ['أمريكا', 'أميركا'],
  ['الديمقراطي', 'الديموقراطي'],
  ['الديمقراطية', 'الديموقراطية'],
  ['الكردستاني', 'الكوردستاني'],
  ['كردستان', 'كوردستان'],
  ['سوريا', 'سورية'],
  ['الكونغرس', 'الكونجرس'],
  ['فرانس برس', 'فرانس بريس'],
  ['البنتاغون', 'البنتاجون'],
  ['الإسرائيلي', 'الاسرائيلي'],
  ['تويتر', 'توتير'],
  ['فيسبوك', 'فيس بوك'],
];

/** The names and every combination of their variant spellings («قوات سورية الديموقراطية»). */
function withVariants(names: readonly string[]): string[] {
  const out = new Set<string>(names);
  for (let size = 0; size !== out.size; ) {
    size = out.size;
    for (const n of [...out]) {
      for (const [a, b] of VARIANTS) {
        if (n.includes(a)) out.add(n.split(a).join(b));
        if (n.includes(b)) out.add(n.split(b).join(a));
      }
    }
  }
  return [...out];
}

function actor(type: ActorType, kind: string, country: string, names: readonly string[]): Actor {
  const all = withVariants(names);
  const a: Actor = { name: all[0]!, type, kind, aliases: all.slice(1) };
  if (country) a.country = country;
  return a;
}

function countryActors(c: CountryRow): Actor[] {
  const x = c.extra ?? {};
  const country = c.names[0]!;
  return [
    actor('GPE', 'state', c.iso, c.names),
    actor('ORG', 'government', c.iso, [`الحكومة ${c.f}`, `حكومة ${country}`, ...(x.government ?? [])]),
    actor('ORG', 'ministry', c.iso, [`وزارة الخارجية ${c.f}`, `الخارجية ${c.f}`, ...(x.foreign ?? [])]),
    actor('ORG', 'ministry', c.iso, [`وزارة الدفاع ${c.f}`, `الدفاع ${c.f}`, ...(x.defence ?? [])]),
    actor('ORG', 'ministry', c.iso, [`وزارة الداخلية ${c.f}`, `الداخلية ${c.f}`, ...(x.interior ?? [])]),
    actor('ORG', 'armed-forces', c.iso, [`الجيش ${c.m}`, `القوات المسلحة ${c.f}`, `جيش ${country}`, ...(x.army ?? [])]),
    actor('ORG', 'armed-forces', c.iso, [`سلاح الجو ${c.m}`, `القوات الجوية ${c.f}`, `الطيران ${c.m}`]),
    actor('ORG', 'parliament', c.iso, [`البرلمان ${c.m}`, ...(x.parliament ?? [])]),
    actor('ORG', 'presidency', c.iso, [`الرئاسة ${c.f}`]),
    actor('ORG', 'embassy', c.iso, [`السفارة ${c.f}`]),
  ];
}

export const ACTORS: readonly Actor[] = [
  ...COUNTRIES.flatMap(countryActors),
  ...CURATED.map(([type, kind, country, ...names]) => actor(type, kind, country, names)),
];

/** matchKey of every name and alias → its actor; the first actor listed keeps a shared key. */
export const ACTOR_KEYS: ReadonlyMap<string, Actor> = (() => {
  const keys = new Map<string, Actor>();
  for (const a of ACTORS) {
    for (const n of [a.name, ...a.aliases]) {
      const k = matchKey(n);
      if (!keys.has(k)) keys.set(k, a);
    }
  }
  return keys;
})();

/**
 * The actor a matching key names. Tried in order: the key; without a glued و/ف; without a glued
 * ب/ك/ل («لداعش», «بالحشد الشعبي»; «للتحالف» is ل + «التحالف»); each with the article added or
 * removed on the first word.
 */
export function actorByKey(key: string): Actor | undefined {
  const k = matchKey(key);
  const forms = [k];
  const bases = [k];
  if (k.length > 3 && (k[0] === 'و' || k[0] === 'ف')) {
    bases.push(k.slice(1));
    forms.push(k.slice(1));
  }
  for (const w of bases) {
    if (w.length > 3 && w.startsWith('لل')) forms.push(`ال${w.slice(2)}`);
    else if (w.length > 3 && (w[0] === 'ب' || w[0] === 'ل' || w[0] === 'ك')) forms.push(w.slice(1));
  }
  for (const f of forms) {
    const hit = ACTOR_KEYS.get(f);
    if (hit) return hit;
  }
  for (const f of forms) {
    const hit = ACTOR_KEYS.get(f.startsWith('ال') ? f.slice(2) : `ال${f}`);
    if (hit) return hit;
  }
  return undefined;
}
