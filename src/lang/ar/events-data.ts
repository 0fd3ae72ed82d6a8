// Arabic language data for event extraction: trigger words of the contract's seven event types,
// the cue words that decide whether a trigger names a concrete happening, casualty and troop
// nouns, and the mapping of each kind of trigger to PLOVER and ACLED.
//
// Words are written as outlets print them and folded with `norm` when the tables are built
// (أ/إ/آ → ا, ى → ي, ة → ه, no harakat), so «إصابة»، «اصابه» and «إصابةً» all meet one entry.
// Trigger forms are written bare: the extractor reads past the clitics a word can carry
// (و/ف, then ب/ل/ك, then ال; «لل» for ل + ال), so «وبالهجوم» and «للهجوم» find «هجوم»;
// verbs take only و/ف.
import type { EventType } from '../../core/types.js';
import { norm } from './normalize.js';

const words = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean).map(norm);

/**
 * Every shape a word takes with its clitics: و/ف, then ب/ل/ك, then ال (ل + ال is «لل»):
 * «مقتل» → بمقتل، ومقتل، المقتل، للمقتل … A lookup is then one Set.has on the printed word.
 * Particles («أن»، «لم»، «هذه») take only و/ف.
 */
function expand(forms: string[], particle: boolean): Set<string> {
  const out = new Set<string>();
  for (const f of forms) {
    const bases = particle || f.startsWith('ال') ? [f] : [f, 'ال' + f];
    for (const b of bases) {
      const shapes = particle ? [b] : [b, 'ب' + b, 'ل' + b, 'ك' + b];
      if (!particle && b.startsWith('ال')) shapes.push('لل' + b.slice(2));
      for (const x of shapes) {
        out.add(x);
        out.add('و' + x);
        out.add('ف' + x);
      }
    }
  }
  return out;
}
/** A cue list of nouns, adjectives and verbs, with their clitic shapes. */
const set = (s: string): ReadonlySet<string> => expand(words(s), false);
/** A cue list of particles, with و/ف only («كان» must not read as ك + «أن»). */
const particles = (s: string): ReadonlySet<string> => expand(words(s), true);

/** What a trigger word names. The kind decides the ACLED sub-event type and how the word is used. */
export type TriggerKind =
  | 'attack' // هجوم، اعتداء، هاجم: an armed attack, the weapon not said
  | 'clash' // اشتباكات، كمين، معارك
  | 'firearms' // إطلاق نار
  | 'suicide' // هجوم انتحاري، حزام ناسف، انغماسي
  | 'explosive' // تفجير، عبوة ناسفة، سيارة مفخخة، لغم
  | 'shelling' // قصف، قذائف، صواريخ، هاون
  | 'grenade' // قنبلة يدوية
  | 'assassination' // اغتيال
  | 'targeting' // استهداف: an attack only with an anchor; an air strike with an aerial cue
  | 'violation' // انتهاكات، خروقات: an attack only when casualties are stated
  | 'casualty' // مقتل، قتيلا، جرحى: a casualty report, an attack when nothing else names one
  | 'strike' // ضربة، ضربات: an air strike only with an aerial cue («طيران»، «جوية»)
  | 'air' // غارة، قصف جوي
  | 'handover' // تسليم قاعدة، إعادة مواقع
  | 'troops' // جندي، عسكري: troop presence only right after a number
  | 'meeting' // استقبل، التقى، اجتماع، زيارة، مباحثات
  | 'withdrawal' // انسحاب، إنهاء المهمة: a plan only with a deadline
  | 'training'; // تدريب، تأهيل، تخريج: only with a number of trainees

export interface TriggerEntry {
  type: EventType;
  kind: TriggerKind;
  /** verb: a finite verb (its subject may follow); noun: a verbal noun or a noun. */
  pos: 'verb' | 'noun';
  /** A plural noun («هجمات»، «غارات») is generic unless something anchors it. */
  plural: boolean;
  /** One of these words must follow within `within` words («عبوة» + «ناسفة»). */
  next?: ReadonlySet<string>;
  within?: number;
}

interface Row {
  type: EventType;
  kind: TriggerKind;
  pos: 'verb' | 'noun';
  forms: string;
  plural?: boolean;
  next?: string;
  within?: number;
}

const ASSAULT: Row[] = [
  { type: 'assault', kind: 'attack', pos: 'noun', forms: 'هجوم هجوما هجومين هجومه هجومها هجومهم اعتداء اعتداءا' },
  { type: 'assault', kind: 'attack', pos: 'noun', forms: 'هجمات هجماتها هجماتهم اعتداءات', plural: true },
  { type: 'assault', kind: 'attack', pos: 'verb', forms: 'هاجم هاجمت هاجموا يهاجم تهاجم اعتدى اعتدت اعتدوا' },
  { type: 'assault', kind: 'clash', pos: 'noun', forms: 'اشتباك اشتباكا كمين كمينا' },
  // «المعركة ضد داعش» is the fight at large; only the plural «معارك» reports fighting.
  { type: 'assault', kind: 'clash', pos: 'noun', forms: 'اشتباكات' },
  { type: 'assault', kind: 'clash', pos: 'noun', forms: 'معارك', plural: true },
  { type: 'assault', kind: 'clash', pos: 'verb', forms: 'اشتبك اشتبكت اشتبكوا' },
  { type: 'assault', kind: 'clash', pos: 'noun', forms: 'مواجهات مواجهة', next: 'مسلحة عنيفة دامية' },
  { type: 'assault', kind: 'firearms', pos: 'noun', forms: 'إطلاق', next: 'نار النار الرصاص نيران' },
  { type: 'assault', kind: 'firearms', pos: 'verb', forms: 'أطلق أطلقت أطلقوا', next: 'النار الرصاص نيران', within: 3 },
  { type: 'assault', kind: 'suicide', pos: 'noun', forms: 'انتحاري انتحارية انتحاريا انتحاريون انتحاريين انغماسي انغماسيون انغماسيين' },
  { type: 'assault', kind: 'suicide', pos: 'noun', forms: 'حزام أحزمة', next: 'ناسف ناسفة' },
  { type: 'assault', kind: 'suicide', pos: 'verb', forms: 'فجر فجرت', next: 'نفسه نفسها' },
  { type: 'assault', kind: 'explosive', pos: 'noun', forms: 'تفجير تفجيرا انفجار انفجارا مفخخة' },
  { type: 'assault', kind: 'explosive', pos: 'noun', forms: 'تفجيرات انفجارات مفخخات', plural: true },
  { type: 'assault', kind: 'explosive', pos: 'verb', forms: 'فجروا انفجرت انفجر تفجرت' },
  { type: 'assault', kind: 'explosive', pos: 'noun', forms: 'عبوة عبوات', next: 'ناسفة ناسفه لاصقة متفجرة' },
  { type: 'assault', kind: 'explosive', pos: 'noun', forms: 'لغم ألغام', next: 'أرضي أرضية' },
  { type: 'assault', kind: 'shelling', pos: 'noun', forms: 'قصف قصفا قذيفة قذائف صاروخ صواريخ هاون كاتيوشا' },
  { type: 'assault', kind: 'shelling', pos: 'verb', forms: 'قصفت قصفوا يقصف تقصف' },
  { type: 'assault', kind: 'grenade', pos: 'noun', forms: 'قنبلة قنابل', next: 'يدوية' },
  { type: 'assault', kind: 'assassination', pos: 'noun', forms: 'اغتيال' },
  { type: 'assault', kind: 'assassination', pos: 'verb', forms: 'اغتال اغتالت اغتالوا اغتيل' },
  { type: 'assault', kind: 'targeting', pos: 'noun', forms: 'استهداف' },
  { type: 'assault', kind: 'targeting', pos: 'verb', forms: 'استهدف استهدفت استهدفوا يستهدف تستهدف' },
  { type: 'assault', kind: 'violation', pos: 'noun', forms: 'انتهاكات خروقات انتهاك خرق', plural: true },
  { type: 'assault', kind: 'attack', pos: 'noun', forms: 'عملية', next: 'إرهابية انتحارية تفجير اغتيال مسلحة' },
  // Casualty words, found by the same scan; the extractor reads their numbers.
  { type: 'assault', kind: 'casualty', pos: 'noun', forms: 'مقتل مصرع استشهاد قتيل قتيلا قتلى شهيدا جريح جريحا جرحى' },
  { type: 'assault', kind: 'casualty', pos: 'verb', forms: 'قتل قتلت قتلوا أصيب أصيبت' },
];

const AIRSTRIKE: Row[] = [
  { type: 'airstrike', kind: 'air', pos: 'noun', forms: 'غارة غارتين' },
  { type: 'airstrike', kind: 'air', pos: 'noun', forms: 'غارات', plural: true },
  { type: 'airstrike', kind: 'strike', pos: 'noun', forms: 'ضربة ضربتين' },
  { type: 'airstrike', kind: 'strike', pos: 'noun', forms: 'ضربات', plural: true },
  // «أغار طيران التحالف مرتين على مواقع …»: the verb of a raid from the air.
  { type: 'airstrike', kind: 'air', pos: 'verb', forms: 'أغار أغارت أغاروا تغير يغير' },
];

const OTHERS: Row[] = [
  // Handover needs a site noun after it (checked by the extractor): «تسليم أول قاعدة».
  { type: 'base_handover', kind: 'handover', pos: 'noun', forms: 'تسليم تسليمها تسليمه تسلم استلام' },
  { type: 'base_handover', kind: 'handover', pos: 'verb', forms: 'سلم سلمت سلموا يسلم تسلمت تسلموا يتسلم تتسلم استلم استلمت' },
  { type: 'base_handover', kind: 'handover', pos: 'noun', forms: 'إعادة إخلاء', next: 'مواقع موقع قاعدة قواعد معسكر معسكرات مقر مقرات' },
  { type: 'base_handover', kind: 'handover', pos: 'verb', forms: 'أعاد أعادت', next: 'مواقع موقع قاعدة قواعد معسكر معسكرات مقر مقرات', within: 4 },
  // Troop nouns count only right after a number («2500 عسكري»).
  { type: 'troop_presence', kind: 'troops', pos: 'noun', forms: 'جندي جنود جنديا عسكري عسكريين عسكريون عسكريا مستشار مستشارين مستشارون مستشارا' },
  { type: 'meeting', kind: 'meeting', pos: 'verb', forms: 'استقبل استقبلت يستقبل تستقبل التقى التقت التقيا التقوا يلتقي تلتقي اجتمع اجتمعت اجتمعا يجتمع تجتمع زار زارت يزور تزور استضاف استضافت' },
  { type: 'meeting', kind: 'meeting', pos: 'noun', forms: 'استقبال استقباله استقبالها لقاء لقائه لقاءه لقائها لقاءها لقائهما اجتماع اجتماعا اجتماعه اجتماعها اجتماعهما زيارة زيارته زيارتها زيارتهم مباحثات محادثات مفاوضات' },
  // «قمة» is also the top of a league table: a summit only of leaders or of a kind of summit.
  { type: 'meeting', kind: 'meeting', pos: 'noun', forms: 'قمة', next: 'قادة زعماء رؤساء ملوك عربية خليجية إسلامية ثنائية ثلاثية رباعية طارئة استثنائية مجموعة العشرين السبع الاتحاد مجلس الناتو', within: 2 },
  { type: 'meeting', kind: 'meeting', pos: 'noun', forms: 'لقاءات اجتماعات اجتماعاتهم زيارات', plural: true },
  // Rounds and sessions are meetings only of talks: «جلسات الحوار»، «جولة المفاوضات».
  { type: 'meeting', kind: 'meeting', pos: 'noun', forms: 'جلسة جلسات جولة جولات', next: 'الحوار حوار المفاوضات المباحثات المحادثات', within: 4 },
  { type: 'withdrawal_plan', kind: 'withdrawal', pos: 'noun', forms: 'انسحاب انسحابها انسحابه انسحابهم' },
  // «سحب الثقة»، «الخروج برؤية»: these are a withdrawal only of forces.
  { type: 'withdrawal_plan', kind: 'withdrawal', pos: 'noun', forms: 'سحب مغادرة خروج', next: 'القوات قوات قواتها الجنود جنود العسكريين القوة', within: 3 },
  { type: 'withdrawal_plan', kind: 'withdrawal', pos: 'verb', forms: 'ستنسحب سينسحب تنسحب ينسحب ستسحب سيسحب' },
  { type: 'withdrawal_plan', kind: 'withdrawal', pos: 'noun', forms: 'إنهاء', next: 'المهمة مهمة مهمتها مهام الوجود وجود التواجد تواجد العمليات', within: 2 },
  { type: 'withdrawal_plan', kind: 'withdrawal', pos: 'verb', forms: 'ستنهي سينهي تنهي ينهي', next: 'المهمة مهمة مهمتها مهمتنا مهام الوجود وجودها التواجد العمليات', within: 5 },
  { type: 'training', kind: 'training', pos: 'noun', forms: 'تدريب تدريبات تأهيل تخريج تدريبهم تدريبه تدريبها' },
  { type: 'training', kind: 'training', pos: 'verb', forms: 'درب دربت دربوا يدرب تدرب تخرج تخرجت' },
];

export const TRIGGER_ROWS: readonly Row[] = [...ASSAULT, ...AIRSTRIKE, ...OTHERS];

/** Every trigger form (normalised, bare: no clitics) with its entries. */
export const TRIGGER_FORMS: ReadonlyMap<string, readonly TriggerEntry[]> = (() => {
  const m = new Map<string, TriggerEntry[]>();
  for (const r of TRIGGER_ROWS) {
    const e: TriggerEntry = { type: r.type, kind: r.kind, pos: r.pos, plural: r.plural ?? false };
    if (r.next) e.next = set(r.next);
    if (r.within) e.within = r.within;
    for (const f of words(r.forms)) {
      const list = m.get(f) ?? [];
      list.push(e);
      m.set(f, list);
    }
  }
  return m;
})();

// ---------- cue words (bare forms; the extractor strips clitics before looking them up) ----------

/** Words that make an attack or strike aerial: «طيران التحالف»، «غارة جوية»، «طائرة مسيرة». */
export const AERIAL = set('طيران طائرة طائرات مقاتلات مروحية مروحيات درون مسيرات مسيرة جوي جوية جويا الجو');

/** Before an aerial word, these make it part of a name, not a weapon: «قاعدة … الجوية»، «الدفاعات الجوية»، «المجال الجوي». */
export const NOT_AERIAL_BEFORE = set('قاعدة مطار الدفاع الدفاعات دفاعات منظومة المجال الملاحة الخطوط شركة الأجواء الأسطول');

/** Words that make a trigger generic: «هجمات متكررة»، «مباحثات مستمرة»، «عمليات التفجير»، «طاولة المفاوضات». */
// Not «دورية»: it is also a patrol («عبوة ناسفة بدورية للجيش»).
export const GENERIC = set('متكررة متكرر متكررا مستمرة مستمر متواصلة متواصل متتالية متوالية يومية عديدة عمليات طاولة');

/** Words before a trigger that make it not a happening: threats, prevention, intentions, hopes, a ceasefire («وقف إطلاق النار»). */
export const IRREALIS = set(
  'وقف لوقف بوقف ووقف تهدد يهدد تهديد تهديدات خطر مخاطر خشية تحذير حذر حذرت يحذر تحذر منع لمنع إحباط أحبط أحبطت إفشال لصد محتمل محتملة قد ربما تعتزم يعتزم تخطط يخطط نية يأمل تأمل لشن لتنفيذ طالب طالبت يطالب تطالب دعا دعت',
);
/** Negation before a trigger: «لم نناقش انسحاب»، «نفى وقوع هجوم». */
export const NEGATION = particles('لم لن لا ليس ليست نفى نفت ينفي تنفي عدم دون');
/** A demonstrative before a trigger refers back to an event already told: «هذه الاجتماعات». */
export const DEMONSTRATIVE = particles('هذا هذه ذلك تلك هذين هاتين');

/** Visits: one party and the place visited make a meeting («زيارة الكاظمي إلى واشنطن»). */
export const VISIT = set('زيارة زيارته زيارتها زيارتهم زيارات زار زارت يزور تزور');

/** Phone calls are not meetings: «محادثات هاتفية»، «اتصال هاتفي». */
export const PHONE = set('هاتفي هاتفيا هاتفية الهاتف هاتف مكالمة');
/** «لقاء تلفزيوني»، «لقاء مع قناة»: an interview, not a meeting. */
export const INTERVIEW = set('تلفزيوني متلفز صحفي صحافي إذاعي قناة صحيفة وكالة برنامج موقع مجلة');

/** Words that make a clause boundary inside a sentence: a reported clause, a contrast, a parallel report. */
export const CLAUSE_BREAKS = particles('أن أنه أنها أنهم أنهما إن إنه إنها إنهم بأن بأنه بأنها لأن فيما بينما لكن لكنه لكنها حيث');

/** Verbs and nouns before an actor that make it the agent: «شنته حركة حماس»، «طيران التحالف». */
export const AGENT_CUES = set(
  'شن شنت شنه شنته شنها شنوا نفذ نفذت نفذه نفذته نفذها نفذوا تبنى تبنت تبناه تبنته تبناها طيران طائرات مقاتلات قوات قوة مسلحو مسلحي عناصر مقاتلو مقاتلي خلايا قبل',
);
/** Members of a group before «من» + the group: «مسلحين من داعش»، «عناصر من الحشد». */
export const MEMBER_NOUNS = set('مسلحين مسلحون مسلحو عناصر مقاتلين مقاتلون أفراد أعضاء خلايا عنصر مقاتل مسلح');
/** Past verbs of launching that make a plural trigger one reported happening: «شنت طائرات … غارات». */
export const LAUNCH_VERBS = set('شن شنت شنوا نفذ نفذت نفذوا وقع وقعت وقعا اندلعت اندلع دارت جرت');
/** Words after an actor that make it the agent: «داعش تبنى الهجوم». */
export const AGENT_AFTER = set('تبنى تبنت يتبنى أعلن أعلنت');
/** Words before an actor that make it the target: «على إسرائيل»، «استهدفت معقلا لداعش». */
export const TARGET_CUES = set('على ضد استهدف استهدفت استهداف معقل معقلا معاقل مواقع موقع مقر مقرات تجمعات');
/** Words before an actor that make it a party to a meeting: «مع الحكومة»، «بين العراق والولايات المتحدة». */
export const PARTY_CUES = set('مع بين نظيره نظيرته نظيرها نظيريه');
/** «تبنت هذه الأخيرة»: the actor is the last one named before. */
export const ANAPHORIC_ACTOR = set('الأخيرة الأخير');

/** Words for "killed" before the number: «مقتل 6»، «قتل ثلاثة جنود»، «أودى بحياة 5». */
export const KILLED_BEFORE = set('مقتل قتل قتلت مصرع استشهاد حياة لقي لقيت');
/** Nouns for the killed after the number: «36 قتيلا»، «سقوط 5 قتلى». */
export const KILLED_AFTER = set('قتيل قتيلا قتلى شهيد شهيدا شهداء قتلوا لقوا استشهدوا');
/** Words for "injured" before the number: «إصابة 12»، «أصيب 5». */
export const INJURED_BEFORE = set('إصابة أصيب أصيبت جرح');
/** Nouns for the injured after the number: «62 جريحا»، «10 مصابين». */
export const INJURED_AFTER = set('جريح جريحا جرحى مصاب مصابا مصابين مصابون أصيبوا جرحوا');
/** «مقتل جندي» is one killed, «مقتل جنديين» two: singular and unambiguous dual person nouns. */
export const PERSON_SINGULAR = set('جندي شخص مدني عنصر ضابط طفل امرأة شرطي مواطن مقاتل عسكري منتسب صحفي مسلح');
export const PERSON_DUAL = set('جنديين شخصين عنصرين ضابطين طفلين شرطيين جنديان شخصان عنصران ضابطان طفلان شرطيان مدنيان');
/** Person nouns that may stand between a number and its casualty noun: «3 جنود قتلى». */
export const PERSONS = set('جنود جنديا أشخاص شخصا مدنيين مدنيا عناصر عنصرا مواطنين مواطنا أطفال نساء ضباط مقاتلين مقاتلا منتسبين عسكريين عسكريا مسلحين مسلحا متمردين متمردا إرهابيين إرهابيا شرطيين شرطيا');
/** Deaths that are not attacks: a casualty report with these words is no assault. */
export const NON_VIOLENT_DEATH = set(
  'حادث حوادث سير مروري انقلاب تصادم اصطدام غرق حريق زلزال فيضان فيضانات سيول انهيار تسمم كورونا فيروس وباء مرض صعق اختناق حرارة',
);
/** Targets that make an attack ACLED's «Violence against civilians»: markets, mosques, women and children. */
export const CIVILIAN_TARGETS = set('مدنيين مدنيون مدني سوق مسجد جامع كنيسة مدرسة مستشفى مصلين زوار نساء النساء أطفال الأطفال عائلة منازل منزل حسينية');

/** Site nouns after a handover trigger: «تسليم أول قاعدة»، «إعادة مواقع». */
export const SITE_NOUNS = set('قاعدة قواعد قاعدتين قاعدتي معسكر معسكرات معسكرين مواقع موقع مقر مقرات مطار ثكنة ثكنات');
/** Site nouns that name one site («قاعدة») or two («قاعدتين»): the count when no list follows. */
export const SITE_SINGULAR = set('قاعدة معسكر موقع مقر مطار ثكنة');
export const SITE_DUAL = set('قاعدتين قاعدتي معسكرين');

/** Presence words that make a figure of troops a troop presence: «متواجدين في العراق»، «تنشر». */
export const PRESENCE = set(
  'متواجدين متواجدون موجودين موجودون منتشرين منتشرون ينتشرون ينتشر يتواجد يتواجدون تتواجد يوجد توجد يتمركز يتمركزون متمركزين مرابطين تواجد وجود انتشار نشر تنشر ينشر نشرت إرسال ترسل يرسل أرسلت إبقاء أبقت تبقي يبقي بقاء قوام قوامها عديد عدد يخدم يخدمون يزال تزال زال',
);
/** Before a figure of troops, these make it casualties, trainees or prisoners, not a presence. */
export const NOT_PRESENCE = set('مقتل قتل إصابة أصيب تدريب تأهيل تخريج أسر اعتقال خطف اختطاف مصرع فقدت فقد خسرت خسر خسارة خسائر');
/** Trainee nouns after the number: «تدريب 300 ألف جندي». */
export const TRAINEES = set(
  'جندي جنود جنديا عنصر عناصر عنصرا مقاتل مقاتلين مقاتلا منتسب منتسبين منتسبا متدرب متدربين متدربا ضابط ضباط ضابطا عسكري عسكريين عسكريا شرطي شرطيا فرد أفراد فردا مجند مجندين شخص شخصا أشخاص',
);

/** Forces that make a handover a military one (not «تسليم الموقع» to the police, nor a website). */
export const FORCES = set('قوات قواتها قواته جيش جنود عسكري عسكرية عسكريين التحالف بعثة الحشد البيشمركة العمليات');
/** Words that make a casualty report with no attack word one of violence: «مسلحون»، «إرهابي»، «رصاص». */
export const VIOLENCE_CONTEXT = set(
  'مسلح مسلحون مسلحين مسلحة إرهابي إرهابية إرهابيون إرهابيين انتحاري رصاص رصاصة نيران قناص قنص قذيفة قذائف صاروخ صواريخ عبوة متفجرة متفجرات ميليشيا ميليشيات مليشيا مليشيات انتهاكات هجوم هجمات قصف غارة غارات اعتداء اشتباكات معارك حرب المعارك الاشتباكات جبهة اغتيال',
);
/** Sports words: «اللقاء» and «قمة» in a sports report are a match and the top of the table. */
export const SPORTS = set('مباراة مباريات الدوري دوري هدف أهداف كرة ملعب المنتخب منتخب الفريق فريق نادي النادي الشوط بطولة مدرب لاعب لاعبي اللاعبين الترتيب');

/** Military words that make a withdrawal a troop withdrawal (not from an election or a deal). */
export const MILITARY = set('قوات قواتها قواته القوات جنود الجنود قتالية القتالية مهمة المهمة مهمتها العسكري العسكرية عسكري التحالف القواعد قواعد الوجود التواجد الأميركيين الأمريكيين');
/** Before a withdrawal, these make it one that happened: «بعد انسحاب قوات الجيش». */
export const PAST_BEFORE = set('بعد عقب إثر منذ أعقاب');
/** In a date expression, these make it a day gone by, never a deadline: «أمس»، «الشهر الماضي». */
export const PAST_DATE = set('أمس الماضي الماضية الفائت الفائتة منذ السابق');
/** Words before «تدريب» that make the figure before it the trainees: «1800 مقاتل تلقوا تدريبات». */
export const RECEIVED = set('تلقوا تلقى تلقت تلقي خضعوا خضع أنهوا أنهى أكملوا أكمل اجتازوا اجتاز جرى تم');

/** Words before a date that make it a deadline: «بحلول نهاية العام»، «قبل أيلول 2026». */
export const DEADLINE = set('بحلول حلول قبل نهاية بنهاية مع حتى موعد أقصاه غضون خلال مطلع منتصف أواخر أواسط أوائل');
/** «اتفاق» in the clause makes a withdrawal plan ACLED's «Agreement». */
export const AGREEMENT = set('اتفاق الاتفاق اتفقت اتفق اتفقا اتفاقية الاتفاقية');

/** Compass words before a place: «شمالي العراق»، «جنوب بغداد». */
export const DIRECTIONS = set('شمال شمالي جنوب جنوبي شرق شرقي غرب غربي وسط');
/** Words before (or starting) a place name that make it a town or district, or a province. */
export const CITY_WORDS = set('مدينة بلدة قرية حي ناحية قضاء منطقة مخيم العاصمة');
export const PROVINCE_WORDS = set('محافظة ولاية إقليم مقاطعة');
/** Prepositions of place before a location: «في»، «بمدينة»، «داخل». */
export const PLACE_PREPS = set('في داخل قرب بالقرب عند نحو إلى من شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي');

/** Countries (the least specific places), by normalised name. */
export const COUNTRIES: ReadonlySet<string> = new Set(
  (
    'العراق، سوريا، سورية، الولايات المتحدة، الولايات المتحدة الأمريكية، الولايات المتحدة الأميركية، أمريكا، أميركا، ' +
    'إيران، تركيا، روسيا، إسرائيل، السعودية، المملكة العربية السعودية، الأردن، لبنان، مصر، اليمن، الإمارات، قطر، الكويت، ' +
    'البحرين، عمان، ليبيا، تونس، الجزائر، المغرب، السودان، فلسطين، فرنسا، بريطانيا، ألمانيا، الصين، أفغانستان، باكستان'
  )
    .split('، ')
    .map(norm),
);

/** Nationality adjectives («الانتهاكات الأمريكية»، «الحوار الأميركي العراقي») → the country. */
export const NISBA: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const rows: [string, string][] = [
    ['الولايات المتحدة', 'أمريكي أمريكية أميركي أميركية'],
    ['العراق', 'عراقي عراقية'],
    ['سوريا', 'سوري سورية'],
    ['إيران', 'إيراني إيرانية'],
    ['تركيا', 'تركي تركية'],
    ['روسيا', 'روسي روسية'],
    ['إسرائيل', 'إسرائيلي إسرائيلية'],
    ['السعودية', 'سعودي سعودية'],
    ['الأردن', 'أردني أردنية'],
    ['لبنان', 'لبناني لبنانية'],
    ['مصر', 'مصري مصرية'],
    ['اليمن', 'يمني يمنية'],
    ['الإمارات', 'إماراتي إماراتية'],
    ['قطر', 'قطري قطرية'],
    ['فرنسا', 'فرنسي فرنسية'],
    ['بريطانيا', 'بريطاني بريطانية'],
    ['ألمانيا', 'ألماني ألمانية'],
    ['الصين', 'صيني صينية'],
  ];
  for (const [country, adj] of rows) for (const w of expand(words(adj), false)) m.set(w, country);
  return m;
})();

// ---------- PLOVER and ACLED ----------
//
// PLOVER: the event types of the PLOVER manual and its CAMEO→PLOVER table (openeventdata/PLOVER,
// CAMEO2PLOVER-2021.txt, manual draft 0.8). ACLED: event and sub-event type names exactly as in
// the ACLED Codebook (2023 and 2024 editions).
//
// - assault → ASSAULT. CAMEO 18x/19x (bombings, small arms, artillery) all map to ASSAULT; the
//   mode (firearms, explosives, suicide-attack, heavy-weapons) is PLOVER's, the type is one.
// - airstrike → ASSAULT too: CAMEO 195 «Employ aerial weapons» → ASSAULT (mode heavy-weapons in
//   the 2021 table; «aerial» in later PLOVER drafts). The contract's type keeps the aerial mode.
// - base_handover → RETREAT: the force leaves the site and hands it over (CAMEO 087x
//   «De-escalate military engagement», «Retreat or surrender militarily» → RETREAT). COOPERATE
//   would describe the joint work, not the transfer. ACLED: «Non-violent transfer of territory».
// - troop_presence → MOBILIZE: PLOVER's class for force posture (CAMEO 154 «Mobilize or increase
//   armed forces»). A standing figure is not an increase, but no other class describes deployed
//   troops. ACLED does not code presence: «Strategic developments / Other».
// - meeting → CONSULT (CAMEO 042 «Make a visit», 043 «Host a visit», 044 «Meet at a third
//   location»; 041 telephone is CONSULT too, but the contract excludes calls). ACLED codes no
//   meetings: «Other».
// - withdrawal_plan → AGREE: an announced end of a mission by a date is a statement of intent
//   (CAMEO 0356 «Express intent to de-escalate military engagement» → AGREE); RETREAT is the
//   withdrawal itself. ACLED: «Agreement» when the clause names an agreement, else
//   «Change to group/activity».
// - training → AID (CAMEO 072 «Provide military aid», mode military). ACLED: «Other».

export interface Codes {
  plover: string;
  event_type: string;
  sub_event_type: string;
}

const code = (plover: string, event_type: string, sub_event_type: string): Codes => ({ plover, event_type, sub_event_type });

const BATTLES = 'Battles';
const REMOTE = 'Explosions/Remote violence';
const VAC = 'Violence against civilians';
const STRATEGIC = 'Strategic developments';

/** Codes by the kind of the deciding trigger; assault kinds give way to the more specific weapon. */
export const CODES: Readonly<Record<TriggerKind | 'civilians' | 'agreement', Codes>> = {
  attack: code('ASSAULT', BATTLES, 'Armed clash'),
  clash: code('ASSAULT', BATTLES, 'Armed clash'),
  firearms: code('ASSAULT', BATTLES, 'Armed clash'),
  targeting: code('ASSAULT', BATTLES, 'Armed clash'),
  violation: code('ASSAULT', BATTLES, 'Armed clash'),
  casualty: code('ASSAULT', BATTLES, 'Armed clash'),
  civilians: code('ASSAULT', VAC, 'Attack'),
  assassination: code('ASSAULT', VAC, 'Attack'),
  suicide: code('ASSAULT', REMOTE, 'Suicide bomb'),
  explosive: code('ASSAULT', REMOTE, 'Remote explosive/landmine/IED'),
  shelling: code('ASSAULT', REMOTE, 'Shelling/artillery/missile attack'),
  grenade: code('ASSAULT', REMOTE, 'Grenade'),
  air: code('ASSAULT', REMOTE, 'Air/drone strike'),
  strike: code('ASSAULT', REMOTE, 'Air/drone strike'),
  handover: code('RETREAT', STRATEGIC, 'Non-violent transfer of territory'),
  troops: code('MOBILIZE', STRATEGIC, 'Other'),
  meeting: code('CONSULT', STRATEGIC, 'Other'),
  withdrawal: code('AGREE', STRATEGIC, 'Change to group/activity'),
  agreement: code('AGREE', STRATEGIC, 'Agreement'),
  training: code('AID', STRATEGIC, 'Other'),
};

/** Which assault kind wins when one attack is named by several words (most specific first). */
export const KIND_PRIORITY: readonly TriggerKind[] = [
  'suicide', 'explosive', 'grenade', 'shelling', 'assassination', 'firearms', 'clash', 'attack', 'targeting', 'violation', 'casualty',
];

/** Every cue list, so the extractor can index them all at once (one lookup per word gives all). */
export const CUE_LISTS: readonly ReadonlySet<string>[] = [
  AERIAL, NOT_AERIAL_BEFORE, GENERIC, IRREALIS, NEGATION, DEMONSTRATIVE, VISIT, PHONE, INTERVIEW, CLAUSE_BREAKS,
  AGENT_CUES, MEMBER_NOUNS, LAUNCH_VERBS, AGENT_AFTER, TARGET_CUES, PARTY_CUES, ANAPHORIC_ACTOR, KILLED_BEFORE,
  KILLED_AFTER, INJURED_BEFORE, INJURED_AFTER, PERSON_SINGULAR, PERSON_DUAL, PERSONS, NON_VIOLENT_DEATH,
  CIVILIAN_TARGETS, SITE_NOUNS, SITE_SINGULAR, SITE_DUAL, PRESENCE, NOT_PRESENCE, TRAINEES, FORCES, VIOLENCE_CONTEXT,
  SPORTS, MILITARY, PAST_BEFORE, PAST_DATE, RECEIVED, DEADLINE, AGREEMENT, DIRECTIONS, CITY_WORDS, PROVINCE_WORDS,
  PLACE_PREPS,
];
