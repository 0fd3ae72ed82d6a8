// Word classes for attribution, looked up through the lexicons with clitic variants.
import {
  CUE_COMPLEMENTS, CUES, HONORIFIC_NOUNS, HONORIFIC_PRONOUNS, KNOWN_ORGS, OBJECT_NOUNS, NAME_LINKS, NISBA_ADJECTIVES, OPENERS, ORG_ANAPHORS, ORG_HEADS, PHRASE_ADJECTIVES,
  PHRASE_LINKS, PHRASE_STOPS, PLACES, ROLE_HEADS, TITLE_CONTINUATIONS, TITLES, WEEKDAYS, type CueInfo,
} from '../../lang/ar/lexicon.js';
import type { Token } from '../../lang/ar/tokenize.js';
import { GIVEN_NAMES } from '../../lang/ar/names.js';
import { MONTH_WORDS } from '../../lang/ar/months.js';

// Every class is looked up once per token and kept as a bit mask on it: the parsers ask the
// same questions of the same tokens many times.
const B = {
  role: 1, title: 2, titleCont: 4, org: 8, orgAna: 16, known: 32, place: 64, phraseStop: 128, weekday: 256,
  opener: 512, link: 1024, nameLink: 2048, month: 4096, nisba: 8192, adj: 16384, cueComp: 32768, object: 65536,
  given: 131072, head: 262144,
} as const;

/** Every lexicon form → its class bits, for lookups by the exact form (or without و/ف). */
const EXACT = new Map<string, number>();
/** Classes looked up through clitic variants too («بالعراق»، «لداعش»). */
const VARIANT = new Map<string, number>();
const put = (map: Map<string, number>, words: Iterable<string>, bit: number) => {
  for (const w of words) map.set(w, (map.get(w) ?? 0) | bit);
};
put(EXACT, ROLE_HEADS, B.role);
put(EXACT, ORG_HEADS, B.org);
put(EXACT, ORG_ANAPHORS, B.orgAna);
put(EXACT, PHRASE_STOPS, B.phraseStop);
put(EXACT, WEEKDAYS, B.weekday);
put(EXACT, OPENERS, B.opener);
put(EXACT, PHRASE_LINKS, B.link);
put(EXACT, NAME_LINKS, B.nameLink);
put(EXACT, NISBA_ADJECTIVES, B.nisba);
put(EXACT, PHRASE_ADJECTIVES, B.adj);
put(EXACT, OBJECT_NOUNS, B.object);
put(VARIANT, KNOWN_ORGS, B.known);
put(VARIANT, PLACES, B.place);
put(VARIANT, MONTH_WORDS, B.month);
/** Every form of a title, role or organisation head: one bit to test every token against cheaply. */
const HEADS = new Set([...ROLE_HEADS, ...TITLES, ...ORG_HEADS]);
/** Matched on the printed form only: «فاول» without its «ف» would read as the title «أول». */
const LITERAL = new Map<string, number>();
put(LITERAL, TITLES, B.title);
put(LITERAL, TITLE_CONTINUATIONS, B.titleCont);
put(LITERAL, CUE_COMPLEMENTS, B.cueComp);
put(EXACT, GIVEN_NAMES, B.given);

/** Given names and heads of roles, titles and organisations: a cheap first test for scans over every token. */
const GIVEN_OR_HEAD = new Set([...GIVEN_NAMES, ...HEADS]);
export const mayBeGivenOrHead = (t: Token | undefined): boolean =>
  !!t && t.word && (GIVEN_OR_HEAD.has(t.n) || (t.base !== t.n && GIVEN_OR_HEAD.has(t.base)));

function classes(n: string, base: string): number {
  let m = (EXACT.get(n) ?? 0) | (LITERAL.get(n) ?? 0) | (VARIANT.get(n) ?? 0);
  if (HEADS.has(n) || HEADS.has(base)) m |= B.head;
  // Without its و/ف only when enough is left to be a word of its own: «فاول» is not «ف» + «أول».
  if (base !== n && base.length >= 4) m |= (EXACT.get(base) ?? 0) | (VARIANT.get(base) ?? 0);
  for (const w of base !== n ? [n, base] : [n]) {
    const c0 = w.charCodeAt(0);
    // ب ل ك + ال → ال…; لل… → ال…
    if ((c0 === 0x628 || c0 === 0x644 || c0 === 0x643) && w.charCodeAt(1) === 0x627 && w.charCodeAt(2) === 0x644) m |= VARIANT.get(w.slice(1)) ?? 0;
    else if (c0 === 0x644 && w.charCodeAt(1) === 0x644) m |= VARIANT.get('ال' + w.slice(2)) ?? 0;
    // «بعدن»، «لدمشق»: a place name without an article takes ب/ل glued to it.
    else if ((c0 === 0x628 || c0 === 0x644) && w.length >= 4) m |= (VARIANT.get(w.slice(1)) ?? 0) & B.place;
  }
  return m;
}

function mask(t: Token | undefined): number {
  if (!t || !t.word) return 0;
  if (t.m !== undefined && t.m >= 0) return t.m;
  return (t.m = classes(t.n, t.base));
}
const is = (bit: number) => (t?: Token) => (mask(t) & bit) !== 0;

const isGiven = is(B.given);
// «على» (the preposition) folds to «علي» (the name Ali): the printed ى tells them apart.
export const isGivenName = (t: Token | undefined): boolean => isGiven(t) && !(t!.n === 'علي' && t!.text.endsWith('ى'));

/** Every form of a title, role or organisation head. */
export const maybeHead = is(B.head);

export const isRoleHead = is(B.role);
export const isTitle = is(B.title);
export const isTitleContinuation = is(B.titleCont);
export const isOrgHead = is(B.org);
export const isOrgAnaphor = is(B.orgAna);
export const isKnownOrg = is(B.known);
export const isPlace = is(B.place);
export const isStop = is(B.phraseStop | B.weekday | B.opener);
export const isLink = is(B.link);
export const isNameLink = is(B.nameLink);
export const isWeekday = is(B.weekday);
export const isMonth = is(B.month);
export const isNisba = is(B.nisba);
const isPhraseAdjective = is(B.adj);
const isObjectNoun = is(B.object);
export const isPunct = (t: Token | undefined, chars: string) => !!t && !t.word && chars.includes(t.text);

/** «لـ»، «لوكالة …»، «لرويترز»، «للصحافيين»: the outlet or audience the words were said to. */
const SAID_TO = /^ل(?:وكاله|وكالات|صحيفه|قناه|موقع|اذاعه|تلفزيون|مجله|شبكه|راديو|هيئه|رويترز|فرانس|سبوتنيك|اسوشيتد|لصحفيين|لصحافيين|لصحافه|لاعلام|لمراسلين|لتلفزيون|لقناه|لوكاله|لموقع|لصحيفه)?$/;
export const isSaidTo = (t: Token | undefined): boolean => !!t && t.word && SAID_TO.test(t.n);

const BAYYANA: CueInfo = { cls: 'say', stance: 'assert', participle: false, gender: 'm', present: false };

/** A reporting cue: the token itself or without its و/ف conjunction (kept on the token once found). */
export function cueOf(t: Token | undefined): CueInfo | null {
  if (!t || !t.word) return null;
  if (t.c !== undefined) return t.c;
  return (t.c = cueOfForm(t));
}

/**
 * The token read as another form (a clitic cut off: «للجيش» → «الجيش»), `cut` letters shorter at
 * the front; the classes and cue kept on the token are for its old form, so they are dropped.
 */
export function withForm(t: Token, form: string, cut = 0): Token {
  return { ...t, start: t.start + cut, text: t.text.slice(cut), n: form, base: form, m: -1, c: undefined, v: undefined };
}

/** «سموه»، «معاليه»: a dignitary named before, as a pronoun would be. */
export const isHonorificPronoun = (t: Token | undefined): boolean => !!t && t.word && HONORIFIC_PRONOUNS.has(t.n);
/** «السمو»، «الجلالة» after «صاحب». */
export const isHonorificNoun = (t: Token | undefined): boolean => !!t && t.word && HONORIFIC_NOUNS.has(t.n);

/** «الذي»، «التي»، «الذين»: a relative pronoun. */
export const isRelative = (t: Token | undefined): boolean => !!t && t.word && /^(?:الذي|التي|الذين)$/.test(t.n);
/** «الذي أعلن فيه X»: the «فيه» that takes the relative clause back to its noun, before the subject. */
export const isResumptive = (t: Token | undefined): boolean => !!t && t.word && /^(?:فيه|فيها)$/.test(t.n);

function cueOfForm(t: Token): CueInfo | null {
  // «وبيّن أن»: the verb بيّن, told from the preposition «بين» by its shadda.
  if (t.base === 'بين') return t.text.includes('\u0651') ? BAYYANA : null;
  const direct = CUES.get(t.n) ?? (t.base !== t.n ? CUES.get(t.base) : undefined);
  if (direct) return direct;
  // «ودعاه إلى»، «طالبهم بـ»، «وصفتها بـ»: a verb taking an object carries it as a suffix. The
  // printed form is tried too: the و of «وصفتها» is the verb's own first letter.
  return suffixed(t.base) ?? (t.base !== t.n ? suffixed(t.n) : null);
}

function suffixed(b: string): CueInfo | null {
  if (b.length < 4) return null;
  const last = b.charCodeAt(b.length - 1), prev = b.charCodeAt(b.length - 2);
  const cut = last === 0x647 ? 1 : prev === 0x647 && (last === 0x627 || last === 0x645) ? 2 : 0; // ه، ها، هم
  const bare = cut && b.length - cut >= 3 ? CUES.get(b.slice(0, -cut)) : undefined;
  return bare && bare.cls === 'object' && !bare.participle ? bare : null;
}

/**
 * Definite, with or without a glued conjunction or preposition: «الوزير»، «والوزير»، «بالإعلان»،
 * «للصحافيين». With a glued letter the stem after the article must be a word of its own (three
 * letters or more): «فالون» (Fallon), «فالح» and «والتر» are names, not «ف + ال + …».
 */
const definite = (t: Token) => {
  const m = /^(?:و|ف)?(?:[بكل]?ال|لل)/.exec(t.n);
  return m !== null && (m[0].length === 2 || t.n.length - m[0].length >= 3);
};

/** Adjectives that continue a role or organisation phrase: listed ones, or a definite nisba (…ي، …يه). */
export function isAdjective(t?: Token): boolean {
  if (!t || !t.word) return false;
  if (isPhraseAdjective(t) || isNisba(t)) return true;
  return t.n.length > 4 && t.n.charCodeAt(0) === 0x627 && t.n.charCodeAt(1) === 0x644 && nisbaEnding(t.n);
}

/** Ends in ي، يه، يين، يون، يان (the nisba adjective and its inflections). */
function nisbaEnding(n: string): boolean {
  const l = n.length, last = n.charCodeAt(l - 1), prev = n.charCodeAt(l - 2);
  if (last === 0x64a) return true; // ي
  if (last === 0x647) return prev === 0x64a; // يه
  return (last === 0x646) && (prev === 0x64a || prev === 0x648 || prev === 0x627) && n.charCodeAt(l - 3) === 0x64a; // يين يون يان
}

/** An indefinite nisba after an indefinite head: «مصدر أمني»، «مسؤول عراقي». */
export const isIndefiniteAdjective = (t?: Token) =>
  !!t && t.word && t.n.length > 2 && !definite(t) && (t.n.endsWith('ي') || t.n.endsWith('يه')) && !isNameLike(t);

function isNameLike(t: Token): boolean {
  return isPlace(t) || isKnownOrg(t);
}

/** Any word the lexicons know: never part of a person's name. */
export function isLexical(t: Token): boolean {
  return (
    isRoleHead(t) || isTitle(t) || isOrgHead(t) || isKnownOrg(t) || isPlace(t) || isStop(t) || isLink(t) ||
    isMonth(t) || cueOf(t) !== null || isNisba(t) || isPhraseAdjective(t) ||
    (mask(t) & B.cueComp) !== 0 || /^(?:فيه|فيها|به|بها|عنه|عنها|منه|منها|له|لها)$/.test(t.n)
  );
}

/** A word that can start a person's name: not definite, not a number, not a lexicon word. */
/** Tanween (ً ٌ ٍ) marks an indefinite common noun or adjective («حفلاً»): never part of a name. */
const hasTanween = (t: Token) => /[\u064b-\u064d]/.test(t.text);

export function canStartName(t?: Token): boolean {
  if (!t || !t.word || /\d/.test(t.n) || t.n.length < 2 || hasTanween(t)) return false;
  if (isNameLink(t)) return true;
  if (isObjectNoun(t)) return false;
  if (isVerbalNoun(t)) return false;
  // «قال لرويترز»: the outlet told, not a name.
  if (isSaidTo(t)) return false;
  // Prepositions with a pronoun or a conjunction: «عليها»، «وعن الوضع».
  if (/^و?(?:عليه|عليها|عليهم|اليه|اليها|لديه|لديها|عن|في|من|علي|الي|مع|بعد|قبل)$/.test(t.n) && !isGivenName(t)) return false;
  // «وندد بما قال»: a word with a glued «و» starts no name unless it is a given name (وليد، وائل).
  if (t.n !== t.base && t.n.startsWith('و') && !isGivenName(t)) return false;
  return !definite(t) && !isLexical(t);
}

/**
 * Abstract nouns in -ية, form-X verbal nouns (استعداد، استمرار) and form-VI ones (تطابق، تعاون،
 * تقارب) are the object of a reporting verb, not a name: «أكد الوزير تطابق رؤية الجانبين».
 */
function isVerbalNoun(t: Token): boolean {
  const n = t.n;
  if (isGivenName(t)) return false;
  return (n.length >= 5 && n.endsWith('يه')) || (n.length >= 6 && n.startsWith('است')) ||
    (n.length === 5 && n.charCodeAt(0) === 0x62a && n.charCodeAt(2) === 0x627) ||
    // Form V verbal nouns: «تشكّل»، «تدخّل»، «تحرّك».
    /^ت[^اوي]{3}$/.test(n);
}

/** A word that continues a person's name: a plain word, a definite family name (الكاظمي), a link (عبد، بن). */
/** «ألقى كلمة»، «أصدر بياناً»: the speech delivered, after the speaker's name. */
const SPEECH_NOUN = /^(?:كلمه|خطابا?|بيانا?|تصريحا?|رساله|حديثا?|مقابله|تغريده|محاضره)$/;

/** «سيطلع البرلمان»، «ستشارك في»: a verb in the future tense (with its object or preposition when known). */
const isFutureVerb = (t: Token, next: Token | undefined): boolean =>
  /^س[يتن]..{1,3}$/.test(t.n) && !isGivenName(t) && (next === undefined || (next.word && (/^ال/.test(next.n) || /^(?:علي|الي|في|من|ب|مع)$/.test(next.n))));

/**
 * Words that end a name: a verb in the future tense («ظريف سيطلع»), a present verb with an object
 * pronoun («عباس يقودها») and the speech delivered («عباس كلمة»).
 */
const endsName = (t: Token, next: Token | undefined): boolean =>
  isFutureVerb(t, next) || SPEECH_NOUN.test(t.n) || (/^[يت].{2,}(?:ها|هم|هما)$/.test(t.n) && !isGivenName(t)) ||
  // «لكن ظريف عاد وقال»، «ثم رجع ليؤكد»: an auxiliary verb of return before the report.
  (/^(?:عاد|عادت|رجع|رجعت)$/.test(t.n) && !!next?.word && (cueOf(next) !== null || cueOf(withForm(next, next.n.slice(1))) !== null));

/** «أجرته معه»، «تحدثت إليها»: the preposition and pronoun of the one spoken with. */
export const SPOKEN_WITH = /^(?:اليه|اليها|اليهم|معه|معها|معهم)$/;

export function canContinueName(t: Token | undefined, prev: Token, length: number, next?: Token): boolean {
  if (!t || !t.word || /\d/.test(t.n) || hasTanween(t)) return false;
  if (isNameLink(prev)) return true; // «عبد الله»، «أبو بكر»
  // «سيف لفرانس برس»، «محمد لوكالة الأنباء»: whom the words were said to ends the name.
  if (t.n.length > 1 && SAID_TO.test(t.n)) return false;
  // «محمد بن راشد بن سعيد»: «بن» goes on with the father's name, however long the name is.
  if (/^(?:بن|بنت|ابن)$/.test(t.n) && !!next?.word && canStartName(next)) return true;
  // «فيصل بن خالد أمير المنطقة»: an office in apposition (a role head and its definite genitive)
  // after a name of two words or more, though «أمير» is a given name too.
  if (length >= 2 && (isRoleHead(t) || t.n === 'امير') && !!next?.word && /^ال/.test(next.n) && !isStop(next)) return false;
  // «آل خليفة»، «آل سعود»: the family of a Gulf dynasty closes the name.
  if (t.text.startsWith('آل') && t.n === 'ال' && next?.word && !isStop(next)) return true;
  // After a family name with its article only another one follows: «حيدر العبادي | سفر مسؤولين».
  if (/^ال/.test(prev.n) && !definite(t) && length >= 2) return false;
  if (isLexical(t) && !(definite(t) && isNisba(t))) return false;
  // «جون كيري أطلعنا»: a verb with a pronoun object (أطلعنا، أبلغني) after a name.
  if (length >= 1 && /^[اتي].{2,}(?:نا|ني)$/.test(t.n) && /^[أإت]/.test(t.text) && !isGivenName(t)) return false;
  // «محمد جواد ظريف سيطلع البرلمان»، «محمود عباس يقودها»، «وألقى الرئيس عباس كلمة»
  if (endsName(t, next)) return false;
  // «أكد جون كيري أهمية …»: the verb's object, an abstract or verbal noun, follows the name.
  if (isObjectNoun(t) || (!definite(t) && isVerbalNoun(t))) return false;
  // A definite word continues a name as a family name: in -ي («الكاظمي»; after a given name even a
  // nationality form is a family name: «منصور التركي», since Arabic puts a role's adjectives
  // before the name), otherwise only when the phrase ends right after it («عبد القادر الدخيل،»,
  // «مقتدى الصدر إن») — «أكد سالم التزام الحكومة» has the reported object there instead.
  if (definite(t)) {
    // «للصحافيين»، «بالقول»، «والحكومة»: a preposition or conjunction glued to the article ends the name.
    if ((/^(?:لل|بال|وال|فال|كال)/.test(t.n) && t.n.length >= 6) || isPhraseAdjective(t) || isObjectNoun(t)) return false;
    if (/^ال.{2,}ي$/.test(t.n)) return true;
    // «النائب حامد المطلك القوات الأمنية»: after a given name, a definite word followed by another
    // definite one is the family name, and the object follows it.
    if (length === 1 && isGivenName(prev) && next?.word && /^ال/.test(next.n)) return true;
    // «الرئيس السوري بشار الأسد بمحاسبة …»: after a given name, a definite word that is no common
    // word is the family name, and a prepositional object («بمحاسبة»، «لتعزيز») follows it.
    if (length === 1 && isGivenName(prev) && !isLexical(t) && next?.word && /^[بل][^ا]/.test(next.n) && next.n.length >= 5) return true;
    // «أركان الطرموز لـ"الوطن"»، «… لوكالة الأنباء»: whom the words were said to ends the name.
    return next === undefined || !next.word || isStop(next) || isRoleHead(next) || cueOf(next) !== null || SAID_TO.test(next.n) ||
      endsName(next, undefined);
  }
  // «علي أكبر ولايتي»: a family name that starts with «و» — what follows the «و» is no word of its
  // own, the name has two words already, and no pronoun is attached.
  if (length >= 2 && t.n.startsWith('و') && t.n.length >= 5 && !/^و(?:ال|لل)/.test(t.n) && !/(?:ه|ها|هم|هما|كم|نا)$/.test(t.n) &&
    !isLexical(withForm(t, t.n.slice(1))) && !isGivenName(withForm(t, t.n.slice(1))) && !cueOf(t) && !isStop(t)) return true;
  // «وبجانبه»، «والحكومة»: a conjunction glued to the next word ends the name.
  if (/^و(?:ب|ل|ال|ك)/.test(t.n) || (t.n.startsWith('و') && t.n.length >= 6)) return false;
  // «كاميرون لتلاميذ مدرسة في …»: after a one-word name, «لـ» + a common noun and a second noun
  // (or a preposition) is whom the words were said to.
  if (length === 1 && /^ل[^ال]/.test(t.n) && !isGivenName(t) && !!next?.word && !isGivenName(next) && (isStop(next) || !/^ال/.test(next.n))) return false;
  // After two words, a ل/ب-prefixed word is a prepositional phrase («باتيل لرووداو»).
  if (length >= 2 && /^(?:ل|ب)/.test(t.n)) return false;
  return t.n.length >= 2;
}
