// The attribution frame of one reporting cue: who speaks, where the reported words start and
// end, and the adverbials in between (channel, date). Works on the tokens of one sentence.
import type { Token } from '../../lang/ar/tokenize.js';
import type { Span } from '../../core/types.js';
import { ANONYMITY, CUE_COMPLEMENTS, IMPERSONAL, OPENERS, PARTICLE_OPENERS, type CueInfo } from '../../lang/ar/lexicon.js';
import { parseSpeaker, type SpeakerPhrase } from './speaker.js';
import { cueOf, isAdjective, isHonorificPronoun, isLexical, isRoleHead, isMonth, isOrgHead, isPunct, isRelative, isResumptive, isSaidTo, isStop, isWeekday, SPOKEN_WITH } from './words.js';

export interface Cue {
  /** Index of the cue token in the sentence tokens. */
  at: number;
  info: CueInfo;
  /** Index after the cue and its complements («جددت التأكيد»، «ختمت حديثها بالقول»). */
  after: number;
  /** «كما ذكرت»: a continuation marker before the cue. */
  kama: boolean;
}

export interface Frame {
  cue: Cue;
  speaker: SpeakerPhrase | null;
  /** Token index where the reported content starts (after any opener), or -1. */
  content: number;
}

const QUOTE_OPEN = '"«“”';

/**
 * «ورأى الوزير أن …»: the verb «رأى» is told from the noun «رأي» 'opinion' only by its printed
 * alef maqsura, so it is matched on the printed form; as a say-verb it still needs «أن».
 */
const RAA = /^[وف]?رأى$/;
const RAA_INFO: CueInfo = { cls: 'say', stance: 'assert', participle: false, gender: 'm', present: false };

/** «وزاد أنه …»، «وزاد:»: 'and he added', a continuation, only right before «أن» or a colon. */
const ZAAD = /^[وف]?زاد(?:ت)?$/;
const ZAAD_INFO: CueInfo = { cls: 'continue', stance: 'assert', participle: false, gender: 'm', present: false };

/** «مجدداً التأكيد على أن»: the participle of جدد, which alone is mostly the adverb 'again'. */
const MUJADDID = /^مجدد(?:ا|ه)$/;
const MUJADDID_INFO: CueInfo = { cls: 'object', stance: 'confirm', participle: true, gender: null, present: false };

/** The reporting verb a token is, if any: the lexicon's, or «رأى» by its printed form. */
export const cueInfo = (t: Token): CueInfo | null => cueOf(t) ?? (t.word && RAA.test(t.text.replace(/[\u064b-\u0652]/g, '')) ? RAA_INFO : null) ??
  (t.word && ZAAD.test(t.n) ? ZAAD_INFO : null) ?? (t.word && MUJADDID.test(t.n) ? MUJADDID_INFO : null);

export function findCues(toks: Token[], inQuote: (t: Token) => boolean): Cue[] {
  const out: Cue[] = [];
  toks.forEach((t, i) => {
    const info = cueInfo(t);
    if (!info || inQuote(t) || IMPERSONAL.has(t.n) || IMPERSONAL.has(t.base)) return;
    if (info === ZAAD_INFO && !(isOpener(toks[i + 1]) || isPunct(toks[i + 1], ':'))) return; // «وزاد عدد القتلى»
    if (info === MUJADDID_INFO && !/^(?:التاكيد|تاكيده|تاكيدها|دعوته|دعوتها|رفضه|رفضها)$/.test(toks[i + 1]?.n ?? '')) return; // «مجدداً» 'again'
    // «ان يعلن»، «لم يعلن»: a verb governed by a particle is not a report of speech.
    const prev = toks[i - 1];
    if (prev?.word && /^(?:ان|لن|لم|قد ?لا|لا|كي|حتي|سوف|ما|عدم)$/.test(prev.n) && !info.participle) return;
    // «لم يتم ذكر اسمه»: a verbal noun after «تم»، or a verb whose object is a name, reports nothing.
    if (prev?.word && /^(?:تم|يتم|جري|يجري|عدم)$/.test(prev.n)) return;
    if (/^اسم(?:ه|ها|هم)?$/.test(toks[i + 1]?.n ?? '')) return;
    // «في زيارة غير معلنة»: a participle after «غير» is an adjective.
    if (prev?.word && prev.n === 'غير') return;
    // «لقي طالب سعودي مصرعه»، «أصيب طالب»: «طالب» after a verb of what befell someone is the student.
    if (/^طالب/.test(t.n) && prev?.word && /^(?:لقي|لقيت|قتل|اصيب|توفي|جرح|اعتقل|اختطف|خطف|اغتيل|فقد|طعن|تعرض|نجا|حصل|فاز|تخرج)$/.test(prev.n)) return;
    // A present-tense verb right after a noun describes it («أصوات تطالب»، «الذين يطالب»): no report.
    // «ومضى يقول»، «وراح يؤكد»: a verb of going on before the present tense is part of the report.
    if (prev?.word && t.n === t.base && info.present && !/^(?:كما|فيما|بينما|حيث|قد|ثم|و?مضي|و?مضت|و?راح|و?راحت|و?اخذ|و?اخذت)$/.test(prev.n)) return;
    // «المصادر التي تحدثت إليها "الوطن"»: a relative clause on whom someone spoke to reports nothing.
    if (isRelative(prev) && SPOKEN_WITH.test(toks[i + 1]?.n ?? '')) return;
    let after = i + 1;
    while (after < toks.length && toks[after]!.word && CUE_COMPLEMENTS.has(toks[after]!.n)) after++;
    // «مفيداً بأن»: an ambiguous participle counts only with its opener right after it.
    // «مشددة على «تضامن …»»: the verb's own particle after it makes it the participle too.
    // After a noun it is an adjective still: «إجراءات أمنية مشددة على المداخل».
    const ownParticle = !!info.prep && isPunct(prev, '،,') && toks[after]?.word === true && toks[after]!.n === info.prep && !!toks[after + 1];
    if (info.strict && !ownParticle && !(isOpener(toks[after]) && (!PARTICLE_OPENERS.has(toks[after]!.n) || isOpener(toks[after + 1])))) return;
    out.push({ at: i, info, after, kama: prev?.word === true && /^(?:كما|وكما)$/.test(prev.n) });
  });
  return out;
}

const isOpener = (t: Token | undefined) => !!t && t.word && OPENERS.has(t.n);

/**
 * After the outlet the words were said to, at k («لـ«عكاظ»»، «لوكالة الأنباء الألمانية»،
 * «لفرانس برس»، «لوكالة فرانس برس»): the index past its name, and at least past the «لـ».
 */
function afterOutlet(toks: Token[], k: number, end: number): number {
  let m = k + 1;
  if (isPunct(toks[m], QUOTE_OPEN)) {
    let c = m + 1;
    while (c < end && c - m <= 4 && !isPunct(toks[c], '"»”')) c++;
    return c < end && c - m <= 4 ? c + 1 : m;
  }
  if (toks[m]?.word && /^(?:برس|نيوز)$/.test(toks[m]!.n)) return m + 1; // «لفرانس برس»
  // «لوكالة فرانس برس»، «لقناة سكاي نيوز»: an agency's name after its head.
  if (m < end && toks[m]!.word && /^(?:فرانس|رويترز|اسوشيتد|سبوتنيك|سكاي|الاناضول|ايتار|نوفوستي|شينخوا|يونايتد)$/.test(toks[m]!.n)) {
    m++;
    if (m < end && toks[m]!.word && /^(?:برس|نيوز|تاس|انترناشيونال)$/.test(toks[m]!.n)) m++;
    return m;
  }
  // «لوكالة الأنباء الألمانية»: the outlet's own words with the article.
  while (m < end && toks[m]!.word && (/^ال/.test(toks[m]!.n) || isAdjective(toks[m])) && !isOpener(toks[m])) m++;
  return m;
}

const PREPOSITION = /^(?:في|علي|من|الي|عن|مع|ضد|بين|لدي|خلال|عبر)$/;
/** Words that open an adverbial of the frame (place, time, occasion, medium), skipped before the content. */
const ADVERBIAL = /^(?:في|وفي|خلال|لدي|اثناء|عبر|عقب|بعد|قبل|منذ|امام|وسط|ضمن|حول|اليوم|امس|غدا|الليله|اول|الاسبوع|الشهر|العام|صباح|مساء|فجر|ظهر|حين|عند|مساء|اواخر|اوائل|مطلع|نهايه|بدايه|منتصف|علي هامش|حسب|بحسب|وفق|وفقا)$/;

/**
 * «وذكرت النصرة أن»: one definite word that no lexicon knows, right before «أن» or a comma, is a
 * short name of an organisation the article has named in full (جبهة النصرة); resolved later.
 */
function definiteAnaphor(src: string, toks: Token[], i: number): SpeakerPhrase | null {
  const t = toks[i]!;
  const n = toks[i + 1];
  if (!/^ال.{3,}/.test(t.n) || isLexical(t) || !(n && (isOpener(n) || isPunct(n, '،,:') || isStop(n)))) return null;
  return { kind: 'anaphor', name: src.slice(t.start, t.end), role: null, org: null, alias: null, span: [t.start, t.end], end: i + 1 };
}

const isRelay = (t: Token) => /^(?:نقل|نقلت|ينقل|تنقل)$/.test(t.base);
/** «علمت (المدينة) من مصادر سياسية في صنعاء أن …»: the outlet heard it from the source, who speaks. */
const isLearned = (t: Token) => /^(?:علم|علمت)$/.test(t.base);

function learned(src: string, toks: Token[], cue: Cue, end: number, dates: Span[]): Frame {
  const none = { cue, speaker: null, content: -1 };
  let k = cue.after;
  while (k < end && k - cue.at < 8 && !(toks[k]!.word && toks[k]!.n === 'من')) k++;
  if (k >= end || toks[k]?.n !== 'من') return none;
  const p = parseSpeaker(src, toks, k + 1, end);
  if (!p) return none;
  return { cue, speaker: p, content: contentStart(toks, p.end, end, 'say', false, false, dates) };
}

/** «نقلت وكالة رويترز عن مسؤول عسكري قوله إن …»: the one quoted is the speaker, not the relay. */
function relayed(src: string, toks: Token[], cue: Cue, end: number, relay: SpeakerPhrase | null): Frame {
  const none = { cue, speaker: null, content: -1 };
  let k = relay ? relay.end : cue.after;
  while (k < end && k - cue.at < 24 && !(toks[k]!.word && toks[k]!.n === 'عن')) k++;
  if (k >= end || toks[k]?.n !== 'عن') return none;
  const p = parseSpeaker(src, toks, k + 1, end);
  if (!p) return none;
  let c = p.end;
  while (c < end && !toks[c]!.word) c++;
  if (!toks[c] || !/^(?:قوله|قولها|قولهم|القول)$/.test(toks[c]!.n)) return none;
  const content = contentStart(toks, c + 1, end, 'say', false);
  return { cue, speaker: p, content: content < 0 ? c + 1 : content };
}

/**
 * A subject before the verb, after «أن» or at the start of the sentence: «يشار إلى أن نائب
 * المتحدث باسم الخارجية أفاد بأن …». Between the subject and the verb only a prepositional phrase
 * may stand («التحالف الدولي ضد داعش، أكد»), so a clause with a verb of its own is never taken.
 */
function preverbalSubject(src: string, toks: Token[], at: number): SpeakerPhrase | null {
  // «وكان السيناتور … تشاك شومر، ديمقراطي من نيويورك، قد أعلن»: the subject follows «كان».
  if (toks[at - 1]?.n === 'قد') {
    for (let k = at - 2; k >= 0 && at - k <= 40; k--) {
      if (!/^(?:كان|وكان|كانت|وكانت)$/.test(toks[k]!.n)) continue;
      const p = parseSpeaker(src, toks, k + 1, at - 1);
      if (p) return p;
      break;
    }
  }
  let start = 0;
  for (let k = at - 1; k >= 0 && at - k <= 14; k--) {
    if (isOpener(toks[k]) && !PARTICLE_OPENERS.has(toks[k]!.n)) { start = k + 1; break; }
    // «كان وزير الخارجية خالد العطية قال …»، «وكانت الوزارة أعلنت …»
    if (/^(?:كان|وكان|كانت|وكانت)$/.test(toks[k]!.n)) { start = k + 1; break; }
  }
  // «لكن وزير الخارجية … أكد»، «بينما الوزارة أعلنت»: a clause particle before the subject.
  while (start < at && /^(?:لكن|ولكن|بينما|فيما|وفيما|كما|وكما|ثم|الا|غير|بل|حيث)$/.test(toks[start]!.n)) start++;
  if (start >= at) return null;
  const p = parseSpeaker(src, toks, start, at);
  if (!p || p.end > at) return null;
  const gap = toks.slice(p.end, at);
  const words = gap.filter((t) => t.word);
  // «المصادر الدبلوماسية التي تحدثت إليها "الوطن" تساءلت»: a short relative clause on the subject.
  const relative = isRelative(words[0]) && words.length <= 7 && !gap.some((t) => isPunct(t, '،,.:؛'));
  if (!relative && (words.length > 3 || (words.length && !PREPOSITION.test(words[0]!.n)))) return null;
  return p;
}

/**
 * «… حاكم الزاملي الذي أعلن أن …»: the subject of a verb in a relative clause is the person or
 * organisation phrase that ends right before «الذي» (or its comma); the longest one wins.
 */
function antecedent(src: string, toks: Token[], rel: number): SpeakerPhrase | null {
  const stop = isPunct(toks[rel - 1], '،,') ? rel - 1 : rel;
  for (let a = Math.max(0, stop - 10); a < stop; a++) {
    if (!toks[a]!.word) continue;
    const p = parseSpeaker(src, toks, a, stop);
    if (p && p.end === stop && p.kind !== 'anaphor') return p;
  }
  return null;
}

/**
 * «أعلن في بيان تسلمت «عكاظ» نسخة منه أن …»: a short quotation followed by more of the frame and
 * then «أن» names an outlet; returns the index of that «أن», or -1.
 */
function labelInFrame(toks: Token[], k: number, end: number): number {
  let m = k + 1;
  while (m < end && m - k <= 4 && !isPunct(toks[m], '"»”')) m++;
  if (m >= end || m - k > 4 || m === k + 1) return -1;
  // «في اتصال هاتفي مع «المدينة» : إن …»: the outlet, then the colon and the content.
  if (isPunct(toks[m + 1], ':،,') && isOpener(toks[m + 2]) && !PARTICLE_OPENERS.has(toks[m + 2]!.n)) return m + 2;
  if (!toks[m + 1]?.word || isOpener(toks[m + 1])) return -1;
  for (let n = m + 1; n < end && n - m <= 8; n++) {
    const u = toks[n]!;
    if (isPunct(u, '.:؛') || isPunct(u, QUOTE_OPEN) || cueOf(u)) return -1;
    if (isOpener(u) && !PARTICLE_OPENERS.has(u.n)) return n;
  }
  return -1;
}

/** Words inside the parenthesis opening at k (0 when it never closes in the sentence). */
function parenWords(toks: Token[], k: number, end: number): number {
  let n = 0;
  for (let m = k + 1; m < end; m++) {
    if (isPunct(toks[m], ')')) return n;
    if (toks[m]!.word) n++;
  }
  return 0;
}

/** Skip an adverbial: a prepositional phrase, a date, a weekday, a parenthesis, up to a comma. */
function skipAdverbial(toks: Token[], i: number, end: number, objectOnly = false): number {
  const t = toks[i]!;
  if (isPunct(t, '(')) {
    let k = i + 1;
    while (k < end && !isPunct(toks[k], ')')) k++;
    return Math.min(end, k + 1);
  }
  const time = isWeekday(t) || isMonth(t) || /^\d/.test(t.n) || TIME.test(t.n);
  if (!(ADVERBIAL.test(t.n) || time)) return i;
  // A time expression is only its own words: «السبت»، «أمس الأول»، «14 آب 2024»، «(15 آب 2024)».
  if (time) {
    let k = i + 1;
    while (k < end && (isWeekday(toks[k]) || isMonth(toks[k]) || /^\d/.test(toks[k]!.n) || TIME.test(toks[k]!.n) || isPunct(toks[k], '()/'))) k++;
    return k;
  }
  let k = i + 1;
  while (k < end && !isPunct(toks[k], '،,:') && !isOpener(toks[k]) && !isPunct(toks[k], QUOTE_OPEN)) {
    if (cueOf(toks[k])) break;
    k++;
  }
  if (k < end || !objectOnly) return k;
  // An object verb with no comma after its adverbial: «ودعا البرزاني في بيانه حزب العمال …» — the
  // adverbial is the preposition and its noun (with adjectives), the object follows.
  k = i + 2;
  while (k < end && toks[k]!.word && /^ال/.test(toks[k]!.n) && !isOrgHead(toks[k])) k++;
  return Math.min(k, end);
}
const TIME = /^(?:يوم|ليل|مساء|صباح|اليوم|امس|غدا|الليله|الماضي|المقبل|القادم|الجاري|الفائت|الموافق|اول|الاول)$/;

/** Where the reported content starts, scanning from `i`. */
function contentStart(toks: Token[], i: number, end: number, cls: CueInfo['cls'], objectOk: boolean, bare = false, dates: Span[] = [], prep?: string): number {
  let k = i;
  while (k < end) {
    const t = toks[k]!;
    // A date expression («في الخامس من كانون الثاني الجاري») is an adverbial as a whole.
    const d = dates.find(([a, b]) => a <= t.start && t.start < b) ?? (t.n === 'في' && toks[k + 1] ? dates.find(([a, b]) => a <= toks[k + 1]!.start && toks[k + 1]!.start < b) : undefined);
    if (d) {
      while (k < end && toks[k]!.start < d[1]) k++;
      continue;
    }
    if (isPunct(t, '،,')) { k++; continue; }
    if (isPunct(t, ':')) return k + 1;
    // «لـ"الرياض"»، «لوكالة الأنباء الألمانية»، «للصحافيين»: whom the words were said to.
    if (isSaidTo(t)) {
      k = afterOutlet(toks, k, end);
      continue;
    }
    // «الذي فضّل عدم ذكر اسمه»، «طلب عدم الكشف عن هويته»: an aside about the source.
    if (isRelative(t) && ANONYMITY.test(toks[k + 1]?.n ?? '')) {
      let m = k + 2;
      while (m < end && m - k < 8 && !/^(?:اسمه|اسمها|اسمهم|هويته|هويتها|هويتهم)$/.test(toks[m]!.n)) m++;
      if (m < end && m - k < 8) { k = m + 1; continue; }
    }
    // «اعتبر تنظيم «فجر ليبيا»، الذي حارب …، أن»: a relative clause on the speaker, then the content.
    if (isRelative(t) && isPunct(toks[k - 1], '،,')) {
      let m = k + 1;
      while (m < end && m - k < 20 && !isPunct(toks[m], '،,.:؛') && !isPunct(toks[m], QUOTE_OPEN)) m++;
      if (isPunct(toks[m], '،,') && isOpener(toks[m + 1]) && !PARTICLE_OPENERS.has(toks[m + 1]!.n)) return m + 2;
    }
    // «على صفحته على فيسبوك»، «عبر حسابه في تويتر»: the medium, an adverbial of the frame.
    if (t.word && /^(?:علي|عبر|في)$/.test(t.n) && /^(?:صفحته|صفحتها|حسابه|حسابها|موقعه|موقعها|قناته|قناتها)$/.test(toks[k + 1]?.n ?? '')) {
      k += 2;
      if (toks[k]?.word && /^(?:علي|في|ب|بموقع|عبر)$/.test(toks[k]!.n)) k += toks[k + 1]?.word && /^(?:موقع|منصه)$/.test(toks[k + 1]!.n) ? 3 : 2;
      continue;
    }
    // «مضيفاً (سنمضي بشكل مباشر في …)»: some outlets print the words in parentheses. A long
    // parenthesis right where the content is due is the content, not an aside.
    if (isPunct(t, '(') && parenWords(toks, k, end) >= 4 && (k === i || isPunct(toks[k - 1], ':،,'))) return k + 1;
    if (isPunct(t, QUOTE_OPEN)) {
      const after = labelInFrame(toks, k, end);
      if (after < 0) return k;
      k = after;
      continue;
    }
    if (t.word && PARTICLE_OPENERS.has(t.n)) {
      // «إلى أن»، «على أن»: the opener is the complementiser; «أكد على أهمية»: the object follows.
      if (isOpener(toks[k + 1]) && !PARTICLE_OPENERS.has(toks[k + 1]!.n)) return k + 2;
      if (t.n === 'علي' && cls === 'object') return k + 1;
    }
    if (isOpener(t) && !PARTICLE_OPENERS.has(t.n)) return k + 1;
    // «كشف عن هوية …»، «أفادت … بمقتل»، «دعا إلى …»: the verb's own particle opens the content.
    if (cls === 'object' && t.word && /^(?:عن|الي|من)$/.test(t.n)) return k + 1;
    // «أشار إلى أهمية …»، «لافتاً إلى تأكيد بلاده …»: the verb's particle takes the content as its object.
    if (prep && t.word && t.n === prep && toks[k + 1]?.word) return k + 1;
    const s = skipAdverbial(toks, k, end, objectOk);
    if (s > k) { k = s; continue; }
    if (objectOk && t.word) return k;
    // A say-verb needs an opener: look further in this clause.
    for (let m = k; m < end; m++) {
      const u = toks[m]!;
      if (isPunct(u, ':')) return m + 1;
      if (isPunct(u, QUOTE_OPEN)) {
        const label = labelInFrame(toks, m, end);
        if (label < 0) return m;
        m = label - 1;
        continue;
      }
      if (isOpener(u) && !PARTICLE_OPENERS.has(u.n)) return m + 1;
      // «المصادر التي تحدثت إليها "الوطن" إن»: a verb in a relative clause on the subject opens nothing.
      if (cueOf(u) && m > k && !isRelative(toks[m - 1])) break;
    }
    // «قال» always reports speech, and some outlets drop the «إن»: «وقال المرصد تحطمت الطائرة …».
    return bare && t.word ? k : -1;
  }
  return -1;
}

export function readFrame(src: string, toks: Token[], cue: Cue, end: number, first: boolean, dates: Span[] = []): Frame {
  // «في الوقت الذي أعلن فيه رئيس مجلس النواب …»: a resumptive «فيه» stands before the subject.
  const resumptive = isResumptive(toks[cue.after]) && isRelative(toks[cue.at - 1]);
  if (resumptive) cue = { ...cue, after: cue.after + 1 };
  // «وقال سموه»، «وأكد معاليه»: the honorific stands for the dignitary, who is resolved as the
  // subject of a verb with none of its own.
  if (isHonorificPronoun(toks[cue.after])) cue = { ...cue, after: cue.after + 1 };
  const next = toks[cue.after];
  let speaker: SpeakerPhrase | null = null;
  // A participle («مشيراً»، «متهماً») has no subject of its own: what follows is its object.
  const soCalled = next?.n === 'ما' && /^(?:تسمي|يسمي|يعرف|تعرف|سمي)$/.test(toks[cue.after + 1]?.n ?? '');
  if (next && next.word && !cue.info.participle && !isOpener(next) && (soCalled || !isStop(next)) && !isWeekday(next) && !isSaidTo(next)) {
    speaker = parseSpeaker(src, toks, cue.after, end) ?? definiteAnaphor(src, toks, cue.after);
  }
  // «كشفت لـ«عكاظ» مصادر مطلعة عن …»، «قال لوكالة فرانس برس مسؤول أمني إن …»: the outlet told
  // stands between the verb and its subject.
  if (!speaker && !cue.info.participle && isSaidTo(next)) {
    // The marks of a labelled outlet («لـ«عكاظ»») are gone from the tokens: its one or two words follow «ل».
    const starts = next!.n === 'ل' ? [cue.after + 2, cue.after + 3] : [afterOutlet(toks, cue.after, end)];
    for (const s of starts) {
      const t = toks[s];
      if (s <= cue.after || s >= end || !t?.word || isOpener(t) || isStop(t)) continue;
      speaker = parseSpeaker(src, toks, s, end);
      if (speaker) break;
    }
  }
  // «أبلغ هذا "الرياض" الدكتور …»: the object «هذا» and the outlet told stand before the subject.
  if (!speaker && !cue.info.participle && /^(?:هذا|ذلك)$/.test(next?.n ?? '') && isPunct(toks[cue.after + 1], QUOTE_OPEN)) {
    let m = cue.after + 2;
    while (m < end && m - cue.after <= 5 && !isPunct(toks[m], '"»”')) m++;
    if (m < end && m - cue.after <= 5) speaker = parseSpeaker(src, toks, m + 1, end);
  }
  // «وأكد هذا الناطق باسم القوات أن …»: a demonstrative before a role points back to a speaker.
  if (!speaker && !cue.info.participle && /^(?:هذا|هذه)$/.test(next?.n ?? '') && isRoleHead(toks[cue.after + 1]) && /^ال/.test(toks[cue.after + 1]!.n)) {
    const p = parseSpeaker(src, toks, cue.after + 1, end);
    if (p) speaker = { ...p, kind: 'anaphor', name: null, span: [next!.start, p.span[1]] };
  }
  if (isRelay(toks[cue.at]!)) return relayed(src, toks, cue, end, speaker);
  if (isLearned(toks[cue.at]!)) return learned(src, toks, cue, end, dates);
  if (!speaker && isRelative(toks[cue.at - 1])) speaker = antecedent(src, toks, cue.at - 1);
  if (!speaker && first && !cue.info.participle) speaker = preverbalSubject(src, toks, cue.at);
  // A subject before the verb leaves the content to start after the verb.
  let from = speaker && speaker.end > cue.at ? speaker.end : cue.after;
  // The rest of the subject's clause: «التحالف الدولي بقيادة الولايات المتحدة،».
  if (speaker && toks[from]?.word && /^(?:بقياده|برئاسه|بزعامه|ومقره|ومقرها)$/.test(toks[from]!.n)) {
    while (from < end && !isPunct(toks[from], '،,:')) from++;
  }
  const objectOk = cue.info.cls === 'object';
  // «وأضاف ستكون الساعات القادمة حاسمة»: a continuation whose content follows with no «أن».
  // «وعن الوضع في ليبيا قال ليست هناك دولة …»، «وأضاف في كلمته لقد انتخبنا …»: words that can
  // only open a clause, never a subject.
  const bare = (speaker !== null && /^(?:قال|قالت)$/.test(toks[cue.at]!.base)) ||
    (speaker === null && (cue.info.cls === 'continue' || /^(?:قال|قالت)$/.test(toks[cue.at]!.base)) && !cue.info.participle &&
      !!toks[from]?.word && /^(?:س[يتن]|سوف|لن|لم|لا|قد|لقد|هناك|هذا|هذه|ليس|ليست|لسنا|نحن|انا|اننا|انني)/.test(toks[from]!.n));
  const content = contentStart(toks, from, end, cue.info.cls, objectOk, bare, dates, cue.info.prep);
  return { cue, speaker, content };
}
