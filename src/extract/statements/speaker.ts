// Parsing the speaker phrase that follows (or precedes) a reporting verb:
//   ROLE [،] [TITLE] NAME      «المتحدث باسم التحالف الدولي، الكولونيل وين ماروتو»
//   NAME ROLE                  «روبرت وايت القائد العام في الجيش الأمريكي»
//   ORG [(ALIAS)]              «وزارة الدفاع الأميركية (البنتاغون)»
//   ROLE alone                 «نائب المتحدث باسم وزارة الخارجية الأميركية»، «مصدر أمني»
//   ANAPHOR                    «الوزارة»، «المسؤولة في البنتاغون»
// Roles and organisations are noun phrases: a head, then either one genitive noun (construct
// state, «وزير الخارجية») or adjectives («الدولي»، «المشتركة العراقية») and linked phrases
// («باسم …»، «في …»، «للجيش …»). A definite noun after a complete phrase ends it: that is where
// the reported content starts («جدد القائد العام للجيش الأمريكي | التزام …»).
import type { Span } from '../../core/types.js';
import type { Token } from '../../lang/ar/tokenize.js';
import { CUE_COMPLEMENTS, KINSHIP, PLACE_HEADS, SOURCE_QUALIFIERS, STATE_KINDS, STATEMENT_NOUNS, UNNAMED_SOURCES } from '../../lang/ar/lexicon.js';
import { DEFINITE_GIVEN_NAMES, GIVEN_NAMES } from '../../lang/ar/names.js';
import {
  canContinueName, canStartName, cueOf, isAdjective, isGivenName, isIndefiniteAdjective, isKnownOrg, isLexical, isLink, isNameLink, isOrgAnaphor, isSaidTo, withForm,
  isHonorificNoun, isMonth, isNisba, isOrgHead, isPlace, isPunct, isRoleHead, isStop, isTitle, isTitleContinuation, isWeekday,
} from './words.js';

export type SpeakerKind = 'person' | 'org' | 'role' | 'anaphor';

export interface SpeakerPhrase {
  kind: SpeakerKind;
  /** The person's name or the organisation's name. */
  name: string | null;
  role: string | null;
  /** The organisation named inside the role («التحالف الدولي» in «المتحدث باسم التحالف الدولي»). */
  org: string | null;
  /** A parenthesised alias: «(البنتاغون)». */
  alias: string | null;
  span: Span;
  /** Index of the first token after the phrase. */
  end: number;
}

const text = (src: string, toks: Token[], a: number, b: number): string =>
  b > a ? src.slice(toks[a]!.start, toks[b - 1]!.end) : '';
/** A name or role without the quotation marks printed around part of it («حركة "حماس"»). */
const unmarked = (s: string): string => s.replace(/["«»“”]/g, '');

const definite = (t: Token) => /^(?:ال|لل)/.test(t.n);
/** Time words end a noun phrase: «قالت مصر اليوم»، «أعلن الجيش الأحد». */
const isTimeWord = (t: Token) => isWeekday(t) || isMonth(t) || /^(?:اليوم|امس|غدا|الليله|صباح|مساء|فجر|ظهر)$/.test(t.n);


/** Where words are said («في كلمة الافتتاح»، «في تصريح للصحفيين»): adverbials, never part of a role. */
const OCCASIONS = /^(?:كلمه|كلمته|كلمتها|تصريح|تصريحات|بيان|مؤتمر|حديث|مقابله|لقاء|اجتماع|ختام|افتتاح|رد|حوار|جلسه|زياره|ندوه|احتفال|مراسم|حفل|خطاب|تغريده|منشور|رساله|اتصال|اثناء|خلال|ظل|اطار|سياق)$/;

/** Heads naming a state or a place by its kind: «مملكة البحرين»، «دولة الكويت»، «محافظة نينوى». */
const STATE_HEADS = new Set([...STATE_KINDS, ...PLACE_HEADS]);

/** «الموالية لـ»، «التابعة لـ»: an adjective of allegiance, which takes the one it is loyal to. */
const AFFILIATION = /^ال(?:موال|تابع|مقرب|مناهض|معارض|داعم|مؤيد|مناصر)(?:ي|يه|ه|ين|ون)?$/;

/** A noun phrase headed by a role or organisation word. Returns the index after it. */
export function nounPhrase(toks: Token[], i: number, end: number): number {
  let j = i + 1;
  // «وزير» / «وزارة» / «رئيس إقليم» expect a genitive noun; a proper name («مصر») does not.
  let construct = !definite(toks[i]!) && (isRoleHead(toks[i]) || isOrgHead(toks[i]));
  // Once a definite word is in, the phrase is definite: «مصدر أمني» takes an indefinite adjective,
  // «مؤسسة الكنانة الإعلامية» does not take «مسؤولية» after it.
  let isDefinite = definite(toks[i]!);
  while (j < end) {
    const t = toks[j]!;
    // «شرطة «ويتشيتا»»، «حركة «حماس»»: an organisation's proper name in quotation marks after its head.
    if (construct && isPunct(t, '"«“') && isOrgHead(toks[j - 1])) {
      let m = j + 1;
      while (m < end && m - j <= 4 && toks[m]!.word) m++;
      if (m > j + 1 && isPunct(toks[m], '"»”')) {
        j = m + 1;
        construct = false;
        continue;
      }
    }
    // «تنظيم فجر ليبيا»: an indefinite head takes its genitive even when it is a time word; «الجيش فجر اليوم» does not.
    const genitiveTime = construct && j === i + 1 && isOrgHead(toks[i]) && isTimeWord(t) && !definite(t) && !!toks[j + 1]?.word && isPlace(toks[j + 1]) && !isStop(toks[j + 1]!);
    if (!t.word || (!genitiveTime && (isTimeWord(t) || (isStop(t) && !isLink(t))))) break; // «… في واشنطن التي»: a relative pronoun ends it
    // «الرئيس التونسي الباجي قائد السبسي»: a given name with the article starts the holder's name.
    if (DEFINITE_GIVEN_NAMES.has(t.n) && personName(toks, j, end) > j) break;
    // «الرئيس السيسي»: a family name the article prints in full elsewhere, not an adjective in -ي.
    if (known.has(t.n) && /^ال/.test(t.n) && !isNisba(t) && !isPlace(t)) break;
    // «الرئيس التونسي في الكلمة التي ألقاها»: where the words were said is no part of the role.
    if (isLink(t) && toks[j + 1]?.word && OCCASIONS.test(toks[j + 1]!.n.replace(/^ال/, ''))) break;
    // «لوكالة الأنباء الألمانية»، «للصحافيين»: whom the words were said to, not part of the phrase.
    if (isSaidTo(t) && t.n !== 'ل') break;
    // «المتحدث باسمه»: the spokesman of someone named before; the phrase ends here.
    if (/^باسم(?:ه|ها|هم)$/.test(t.n)) {
      j++;
      break;
    }
    if (!construct && j > i + 1 && t.n.startsWith('وال') && t.n.length >= 6 && definite(toks[j - 1]!) && !isPlace(t) &&
      (isOrgHead(toks[i]) || isRoleHead(toks[i]) || isOrgHead(toks[j - 2]))) {
      // «لجنة الأمن والدفاع»، «وزارة الخارجية والمغتربين»: coordinated genitives of one name.
      j++;
    } else if (!definite(t) && /^[بل]/.test(t.n) && isPlace(t) && !isStop(t)) {
      // «مدير مؤسسة المياه بعدن»: the place with its preposition glued on.
      construct = false;
      j++;
    } else if (/^ب/.test(t.n) && STATE_HEADS.has(t.n.slice(1)) && toks[j + 1]?.word && (isPlace(toks[j + 1]) || definite(toks[j + 1]!)) && !isStop(toks[j + 1])) {
      // «رئيس الوزراء بمملكة البحرين»، «محافظ البنك المركزي بدولة الكويت»: the state, named after its head.
      construct = false;
      j += 2;
    } else if (!construct && isPlace(t) && isPlace(toks[j - 1]) && !isStop(t)) {
      // «إقليم كردستان العراق»: a place, then the country it is in.
      j++;
    } else if (construct && (definite(t) || isPlace(t) || isKnownOrg(t) || isRoleHead(t) || isOrgHead(t))) {
      // An indefinite common noun continues the chain («رئيس مجلس قضاء الخالدية»); a proper name ends it.
      construct = !definite(t) && (!(isPlace(t) || isKnownOrg(t)) || PLACE_HEADS.has(t.n));
      isDefinite ||= definite(t) || isPlace(t) || isKnownOrg(t);
      j++;
    } else if (construct && !definite(t) && !isLexical(t) && toks[j + 1]?.word && (definite(toks[j + 1]!) || isPlace(toks[j + 1]) || isKnownOrg(toks[j + 1]))) {
      // A common noun in construct with a genitive of its own: «قائد عمليات نينوى»، «مدير شرطة بغداد».
      j++;
    } else if (construct && isOrgHead(toks[i]!) && j === i + 1 && !definite(t) && (genitiveTime || !isStop(t)) && toks[j + 1]?.word && isPlace(toks[j + 1]) && !isStop(toks[j + 1]!)) {
      // «تنظيم فجر ليبيا»، «عملية درع الفرات»: a common noun and a place, the organisation's name.
      j += 2;
      construct = false;
    } else if (construct && isOrgHead(toks[i]!) && j === i + 1 && canStartName(t)) {
      // An organisation named by a proper name: «وكالة أنباء دوجان»، «صحيفة نيويورك تايمز»، «مكتب العبادي»;
      // a common noun in construct takes a genitive in turn: «وكالة أنباء الشرق الأوسط».
      j++;
      const start = j;
      while (j < end && j - i <= 3 && canStartName(toks[j]) && !isStop(toks[j])) j++;
      construct = j === start;
    } else if (/^ل[^ل]/.test(t.n) && !definite(t) && toks[j + 1]?.word && definite(toks[j + 1]!) && !isLexical(t)) {
      // «المرصد السوري لحقوق الإنسان»، «لشؤون الشرق الأوسط»
      j += 2;
      construct = false;
    } else if (/^ل[^ل]/.test(t.n) && !definite(t) && !isLexical(t) && toks[j + 1]?.word && !definite(toks[j + 1]!) && !isLexical(toks[j + 1]!) &&
      toks[j + 2]?.word && definite(toks[j + 2]!) && !isStop(toks[j + 2])) {
      // «مساعد وزير الخارجية لشؤون دول الجوار»: the genitive chain goes on one more noun.
      j += 3;
      construct = false;
    } else if (isPlace(t) && !isStop(t) && /^ال(?:عاصمه|مدينه|محافظه|ولايه|اقليم|اماره)$/.test(toks[j - 1]!.n)) {
      // «في حكومة العاصمة الخرطوم»: the place named after its head.
      j++;
      construct = false;
    } else if (/^ل[^ل]/.test(t.n) && t.n.length > 3 && !isStop(t) && AFFILIATION.test(toks[j - 1]!.n)) {
      // «القوات الموالية لهادي»: loyal to someone named without an article.
      j++;
    } else if (!construct && isKnownOrg(t) && !definite(t) && !isStop(t) && definite(toks[j - 1]!) && toks.slice(i, j).some((u) => isOrgHead(u))) {
      // «حركة المقاومة الإسلامية حماس»: the organisation's short name in apposition.
      j++;
    } else if (isAdjective(t) || (!isDefinite && isIndefiniteAdjective(t))) {
      construct = false;
      j++;
    } else if (t.n === 'باسم' && canStartName(toks[j + 1]) && !isGivenName(toks[j + 1])) {
      // «المتحدث باسم أنصار الله»، «باسم حماس»: an organisation named by a proper name.
      j += 2;
      while (j < end && j - i <= 8 && toks[j]!.word && (isNameLink(toks[j - 1]!) || /^(?:الله)$/.test(toks[j]!.n))) j++;
      construct = false;
      // «المتحدث باسم أهالي السجناء»: a common plural in construct takes its genitive.
      if (/^(?:اهالي|اسر|عائلات|ذوي|اهل|عوائل|تنسيقيات|لجان)$/.test(toks[j - 1]!.n) && toks[j]?.word && definite(toks[j]!) && !isStop(toks[j])) j++;
    } else if (isLink(t) || /^(?:لل|بال)/.test(t.n)) {
      // «باسم X»، «في X»، «للجيش»: keep going only when a phrase follows the link.
      const k = /^(?:لل|بال)/.test(t.n) ? j : j + 1;
      const n = toks[k];
      if (!n || !n.word) break;
      // «في سقوط الموصل»: an indefinite noun in construct with a definite or a place after the link.
      const nn = toks[k + 1];
      if (!(definite(n) || isPlace(n) || isKnownOrg(n) || isOrgHead(n) || isRoleHead(n))) {
        if (/^(?:في|لدي)$/.test(t.n) && !isLexical(n) && !isGivenName(n) && !OCCASIONS.test(n.n) && nn?.word && (definite(nn) || isPlace(nn)) && !/^(?:لل|بال)/.test(nn.n) && !isStop(nn)) {
          j = k + 2;
          construct = false;
          continue;
        }
        break;
      }
      if (/^بال/.test(t.n) && !isOrgHead(withForm(t, t.n.slice(1)))) break;
      j = k === j ? j + 1 : k + 1;
      // «في مدينة عدن»: an indefinite common noun after the link takes a genitive too; «في تعز» does not.
      construct = !definite(n) && (!(isPlace(n) || isKnownOrg(n)) || PLACE_HEADS.has(n.n));
    } else break;
  }
  return j;
}

/**
 * Words already known as (parts of) person names in this document: names printed after a title
 * or a role. Set by the statements stage around one document's extraction.
 */
let known: ReadonlySet<string> = new Set();
export function withKnownNames<T>(names: ReadonlySet<string>, fn: () => T): T {
  const before = known;
  known = names;
  try {
    return fn();
  } finally {
    known = before;
  }
}

/** What may follow a name: punctuation, «أن»، a preposition or adverbial, a role, a verb, a quotation. */
function boundaryAt(toks: Token[], j: number): boolean {
  const t = toks[j];
  if (!t || !t.word) return true;
  if (t.n !== t.base && t.n.startsWith('و')) return true; // «الجبير ولافروف»: a second subject
  if (t.n === 'ل' || isSaidTo(t)) return true; // «لـ"الوطن"»، «لفرانس برس»: the outlet the words were said to
  return isStop(t) || isRoleHead(t) || isTitle(t) || isTimeWord(t) || cueOf(t) !== null || CUE_COMPLEMENTS.has(t.n) ||
    /^(?:لل|ل(?=[^ا])|ب(?=[^ا]))/.test(t.n) && !canContinueName(t, toks[j - 1]!, 1);
}

/**
 * A name with no title in front must show it is one: a known given name or a name already seen
 * in the document, or a boundary right after it. «أكد الوزير المصري تطابق رؤية الجانبين» has
 * neither, so «تطابق رؤية» is the reported content, not a name.
 */
function solidName(toks: Token[], a: number, b: number): boolean {
  const first = toks[a]!;
  if (GIVEN_NAMES.has(first.n) || GIVEN_NAMES.has(first.base) || known.has(first.n)) return true;
  if (b - a === 1 && known.has(first.n)) return true;
  // «أن الأزمة يمكن أن تستمر طوال الصيف ووعد»: a verb in the present tense opens a clause, not a name
  // (a name set off by commas, «، تمار زندبيرج،», is one whatever its first letter).
  if (/^[يت].{3,}$/.test(first.n) && toks[a + 1]?.word && !isGivenName(toks[a + 1]) && toks[b]?.word) return false;
  return boundaryAt(toks, b);
}

/**
 * A person's name starting at i (after any titles): up to four words. Where a name is expected
 * (after a title, a role or an epithet) a given name starts it even if it is also a common word:
 * «علي» is the name Ali there, though elsewhere it is the preposition على.
 */
export function personName(toks: Token[], i: number, end: number, expected = false): number {
  let j = i + 1;
  const t = toks[i];
  if (t?.word && DEFINITE_GIVEN_NAMES.has(t.n)) {
    // «الباجي قائد السبسي»، «الخضر لصور»: a given name with the article, then the rest of the name.
    const n = toks[i + 1], nn = toks[i + 2];
    if (i + 1 >= end || !n?.word || definite(n) || isStop(n) || cueOf(n) || isSaidTo(n)) return i;
    if (i + 2 < end && nn?.word && definite(nn) && !isLexical(nn) && !isStop(nn)) return i + 3;
    if (!canStartName(n)) return i;
    j = i + 2;
  } else if (!canStartName(toks[i]) && !(expected && isGivenName(toks[i]))) return i;
  for (;;) {
    // Up to four words, or up to seven through family links: «محمد بن نايف بن عبد العزيز آل سعود».
    const room = j - i < 4 || (j - i < 7 && (isNameLink(toks[j - 1]!) || (isNameLink(toks[j]) && !!toks[j + 1]?.word)));
    if (j < end && room && canContinueName(toks[j], toks[j - 1]!, j - i, toks[j + 1])) j++;
    // «أبو بكر علي،»، «محمد علي مارم»: the name Ali (printed with ي) inside a name.
    else if (j < end && j - i < 4 && isGivenName(toks[j]) && isStop(toks[j]) &&
      (isNameEnd(toks[j + 1]) || (isGivenName(toks[j - 1]) && j + 1 < end && canStartName(toks[j + 1]) && !isGivenName(toks[j + 1])))) j++;
    else break;
  }
  // «عقد الوزير اجتماعاً ثلاثياً»: two words in the accusative -ا of an indefinite noun and its
  // adjective, not a name.
  if (j - i >= 2 && !isGivenName(toks[i]) && toks.slice(i, j).filter((t) => t.n.length >= 4 && t.n.endsWith('ا')).length >= 2) return i;
  return j;
}

/** Punctuation or «أن» right after a word: the word ends a phrase. */
const isNameEnd = (t: Token | undefined): boolean => !t || !t.word || /^(?:ان|انه|انها|بان|في)$/.test(t.n);

function skipTitles(toks: Token[], i: number, end: number): number {
  const start = i;
  for (;;) {
    if (i < end && (isTitle(toks[i]) || (i > start && isTitleContinuation(toks[i])))) {
      i++;
      // «د. محمد مارم»: the stop of an abbreviated title.
      if (toks[i - 1]!.n.length === 1 && isPunct(toks[i], '.')) i++;
    }
    // «صاحب السمو الملكي الأمير …»: «صاحب» is a title only with the honour it holds.
    else if (i + 1 < end && toks[i]!.n === 'صاحب' && isHonorificNoun(toks[i + 1])) i += 2;
    else return i;
  }
}

/** The organisation inside a role phrase: what follows «باسم»/«في»/«لـ», or the genitive of «وزير». */
function orgInRole(src: string, toks: Token[], a: number, b: number): string | null {
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if (isLink(t) && k + 1 < b) return unmarked(text(src, toks, k + 1, b));
    if (/^لل/.test(t.n) && k > a) {
      // «الممثلة الخاصة للأمين العام في العراق»: the organisation ends at the next link.
      let e = k + 1;
      while (e < b && !isLink(toks[e])) e++;
      return unmarked(src.slice(t.start + 1, toks[e - 1]!.end).replace(/^ل/, 'ال'));
    }
  }
  return null;
}

function alias(src: string, toks: Token[], j: number, end: number): { alias: string; end: number } | null {
  if (!isPunct(toks[j], '(')) return null;
  let k = j + 1;
  while (k < end && !isPunct(toks[k], ')') && k - j < 5) k++;
  if (!isPunct(toks[k], ')') || k === j + 1) return null;
  // «(البنتاغون)» is another name; «(المحظور في روسيا)» is a remark about it.
  if (toks.slice(j + 1, k).some((t) => isStop(t))) return null;
  return { alias: text(src, toks, j + 1, k), end: k + 1 };
}

const scanned = new WeakMap<Token[], Map<number, SpeakerPhrase | null>>();

/**
 * The phrase at token i within the next 16 tokens, parsed once per article: the person registry
 * and the entities stage both scan every title, role and name position of the same tokens.
 */
export function phraseAtToken(src: string, toks: Token[], i: number): SpeakerPhrase | null {
  let memo = scanned.get(toks);
  if (!memo) scanned.set(toks, (memo = new Map()));
  if (memo.has(i)) return memo.get(i)!;
  const p = parseSpeaker(src, toks, i, Math.min(toks.length, i + 16));
  memo.set(i, p);
  return p;
}

/** Parse the speaker phrase at token i (no further than `end`). */
export function parseSpeaker(src: string, toks: Token[], i: number, end: number): SpeakerPhrase | null {
  // «ما تسمى مؤسسة الكنانة»، «ما يعرف بـ…»: the journalist's distance, not part of the name.
  if (toks[i]?.n === 'ما' && /^(?:تسمي|يسمي|يعرف|تعرف|سمي)$/.test(toks[i + 1]?.n ?? '')) {
    const p = parseSpeaker(src, toks, toks[i + 2]?.n === 'ب' ? i + 3 : i + 2, end);
    return p && { ...p, span: [toks[i]!.start, p.span[1]] };
  }
  const t = toks[i];
  if (!t || !t.word) return null;
  // A family name the article printed in full before («المخلافي»، «البرزاني»): a person.
  // «وأعلن العبادي التزامه»: no boundary needed after a name the article has printed in full.
  if (known.has(t.n) && /^ال/.test(t.n) && !isLexical(t) && (boundaryAt(toks, i + 1) || !canContinueName(toks[i + 1], t, 1, toks[i + 2]))) {
    return { kind: 'person', name: src.slice(t.start, t.end), role: null, org: null, alias: null, span: [t.start, t.end], end: i + 1 };
  }
  const make = (kind: SpeakerKind, a: number, b: number, p: Partial<SpeakerPhrase>): SpeakerPhrase => ({
    kind, name: null, role: null, org: null, alias: null, ...p,
    span: [toks[a]!.start, toks[b - 1]!.end], end: b,
  });

  // An epithet before a given name («المخلوع علي عبد الله صالح»): skip it like a title.
  if (/^ال/.test(t.n) && !isLexical(t) && isGivenName(toks[i + 1]) && !DEFINITE_GIVEN_NAMES.has(t.n)) {
    const e = personName(toks, i + 1, end, true);
    if (e > i + 1) return withApposition(src, toks, i, e, end, { name: text(src, toks, i + 1, e) }, make);
  }

  if (hasStatementNoun(t)) return issuer(src, toks, i, end, make);
  const afterTitles = skipTitles(toks, i, end);
  // «معالي وزير الخارجية عادل الجبير»: an honorific before a role.
  if (afterTitles > i && isRoleHead(toks[afterTitles]) && !isAdjective(toks[afterTitles]) && !isGivenName(toks[afterTitles])) {
    const r = roleFirst(src, toks, afterTitles, end, make);
    return { ...r, span: [toks[i]!.start, r.span[1]] };
  }
  if (afterTitles > i) {
    // After a title even a family name alone is a name: «اللواء التركي».
    let e = personName(toks, afterTitles, end, true);
    if (e === afterTitles && toks[e]?.word && /^ال.{2,}$/.test(toks[e]!.n) && !isLexical(toks[e]!)) e++;
    // «النائبة في البرلمان، سلمى …»: a word that is a title and a role heads a role when no name follows.
    // «الرقيب في شرطة «ويتشيتا» بول كيمبل»: a rank with where it is held is a role too.
    if (e === afterTitles) return isRoleHead(t) || (afterTitles === i + 1 && isLink(toks[afterTitles])) ? roleFirst(src, toks, i, end, make) : null;
    return withApposition(src, toks, i, e, end, { name: text(src, toks, afterTitles, e) }, make);
  }
  if (isRoleHead(t)) return roleFirst(src, toks, i, end, make);
  if (isOrgHead(t) || isKnownOrg(t) || isPlace(t)) {
    const e = nounPhrase(toks, i, end);
    const a = alias(src, toks, e, end);
    const bare = e === i + 1 && isOrgAnaphor(t);
    // «تنظيم «فجر ليبيا»»: the marks around the proper part are no part of the name.
    return make(bare ? 'anaphor' : 'org', i, a?.end ?? e, { name: unmarked(text(src, toks, i, e)), alias: a?.alias ?? null });
  }
  // «وقال المتظاهرون إن …»، «أكد المحتجون أن …»: a group named by a definite plural, with its adjectives.
  if (/^ال.{3,}(?:ون)$/.test(t.n) && !isLexical(t)) {
    let g = i + 1;
    while (g < end && isAdjective(toks[g])) g++;
    const n = toks[g];
    if (!n || !n.word || isStop(n) || isTimeWord(n)) return make('role', i, g, { role: text(src, toks, i, g) });
  }
  const e = personName(toks, i, end);
  if (e === i || !solidName(toks, i, e)) return null;
  return withApposition(src, toks, i, e, end, { name: text(src, toks, i, e) }, make);
}

type Make = (k: SpeakerKind, a: number, b: number, p: Partial<SpeakerPhrase>) => SpeakerPhrase;

/** NAME ROLE or NAME، ROLE،: «روبرت وايت القائد العام في الجيش الأمريكي»، «منصور التركي، المتحدث الأمني». */
function withApposition(src: string, toks: Token[], i: number, e: number, end: number, p: Partial<SpeakerPhrase>, make: Make): SpeakerPhrase {
  const r = isRoleHead(toks[e]) ? e : isPunct(toks[e], '،,') && isRoleHead(toks[e + 1]) ? e + 1 : -1;
  if (r < 0 || r >= end) return make('person', i, e, p);
  const re = nounPhrase(toks, r, end);
  return make('person', i, re, { ...p, role: text(src, toks, r, re), org: orgInRole(src, toks, r, re) });
}

const hasStatementNoun = (t: Token) => STATEMENT_NOUNS.has(t.n) || STATEMENT_NOUNS.has(t.base);

/**
 * «بيان للجيش التركي»، «بيان صادر عن وزارة الخارجية»، «بيان رئاسة الإقليم»: the speaker is the
 * issuer. «البيان» alone refers back to the statement already reported.
 */
function issuer(src: string, toks: Token[], i: number, end: number, make: Make): SpeakerPhrase | null {
  let j = i + 1;
  while (j < end && toks[j]!.word && /^(?:صادر|الصادر|المنشور|منشور|رسمي|الرسمي|مشترك|المشترك|نفسه|ذاته)$/.test(toks[j]!.n)) j++;
  if (toks[j]?.word && /^(?:عن|من)$/.test(toks[j]!.n)) j++;
  const t = toks[j];
  if (t && t.word && /^ل[^ل]|^لل/.test(t.n) && j === i + 1) {
    // «بيان للجيش» / «بيان لوزارة الدفاع»: parse the issuer without its preposition.
    const p = parseAfterLam(src, toks, j, end);
    return p ? { ...p, span: [toks[i]!.start, p.span[1]] } : null;
  }
  if (t && t.word && j < end) {
    const p = parseSpeaker(src, toks, j, end);
    // «بيان المجلس»: an organisation named before, referred to by its head, issued it.
    if (p && (p.kind !== 'anaphor' || (j === i + 1 && isOrgAnaphor(t)))) return { ...p, span: [toks[i]!.start, p.span[1]] };
  }
  return definite(toks[i]!) ? make('anaphor', i, j, { name: text(src, toks, i, i + 1) }) : null;
}

/**
 * An unnamed source: «مصدر أمني في شرطة نينوى»، «مصدر سياسي عراقي مطلع»، «شاهد عيان»، «مسؤولون
 * أتراك»، «مصادر قريبة الصلة من حزب الله»، «مصدر من الرقة». The head is indefinite and never
 * followed by a name; what follows it qualifies it, and a place or organisation may close it.
 */
function unnamedSource(toks: Token[], i: number, end: number): number {
  // «والدة رضائيان»، «شقيق الضحية»: kin are named through their relative.
  if (KINSHIP.has(toks[i]!.n)) {
    const e = personName(toks, i + 1, end, true);
    if (e > i + 1) return e;
    return toks[i + 1]?.word && /^ال/.test(toks[i + 1]!.n) && !isLexical(toks[i + 1]!) ? i + 2 : i + 1;
  }
  let j = i + 1;
  const qualifies = (t: Token | undefined) => !!t && t.word && (SOURCE_QUALIFIERS.has(t.n) || isIndefiniteAdjective(t) || isPluralNisba(t));
  // «مصادر الجزيرة»، «مصادر المقاومة»: a plural source in construct with the body it belongs to.
  if (/^(?:مصادر|مسؤولو|مسؤولي)$/.test(toks[i]!.n) && toks[j]?.word && /^ال/.test(toks[j]!.n) && !isLexical(toks[j]!) && !isAdjective(toks[j])) j++;
  while (j < end && qualifies(toks[j])) j++;
  // «مصادر بالقوات»، «مسؤول بقطاع السجون»: the body with its preposition glued on.
  if (toks[j]?.word && /^(?:بال|في ال)/.test(toks[j]!.n) && toks[j]!.n.length > 4 && !isLexical(toks[j]!)) j++;
  else if (toks[j]?.word && /^ب[^ا]/.test(toks[j]!.n) && toks[j]!.n.length > 3 && (!isLexical(toks[j]!) || isPlace(toks[j])) && toks[j + 1]?.word && definite(toks[j + 1]!) && !isStop(toks[j + 1])) j += 2;
  // «مصادر "العربية"»: the outlet whose sources they are, in quotation marks.
  if (isPunct(toks[j], '"«“') && toks[j + 1]?.word && isPunct(toks[j + 2], '"»”')) return j + 3;
  const t = toks[j];
  if (t?.word && /^(?:في|من|داخل|لدي|ب)$/.test(t.n)) {
    const n = toks[j + 1];
    // «في جبهات تعز»: an indefinite noun in construct with a place or a definite word.
    const construct = n?.word && !definite(n) && (!isLexical(n) || PLACE_HEADS.has(n.n)) && toks[j + 2]?.word && (isPlace(toks[j + 2]) || definite(toks[j + 2]!));
    if (construct) {
      j += 3;
      while (j < end && qualifies(toks[j])) j++;
    } else if (n?.word && (definite(n) || isPlace(n) || isKnownOrg(n) || isOrgHead(n))) {
      let e = isOrgHead(n) || definite(n) ? nounPhrase(toks, j + 1, end) : j + 2;
      // «في وزارة الداخلية في حكومة إقليم كردستان»
      while (e < end && isLink(toks[e]) && toks[e + 1]?.word && (definite(toks[e + 1]!) || isOrgHead(toks[e + 1]) || isPlace(toks[e + 1]))) e = nounPhrase(toks, e + 1, end);
      j = e;
      while (j < end && qualifies(toks[j])) j++;
    }
  }
  return j;
}

/** An indefinite plural nisba: «أمريكيون»، «عراقيين». */
const isPluralNisba = (t: Token) => !definite(t) && t.n.length >= 6 && /(?:يون|يين)$/.test(t.n);

/**
 * The phrase at token j read without its glued «لـ» («لوزارة الدفاع»، «لشترايتر»). «للجيش التركي» is
 * printed without the alef of its article, so the name is given back its «ال» (الجيش التركي).
 */
export function parseAfterLam(src: string, toks: Token[], j: number, end: number): SpeakerPhrase | null {
  const t = toks[j]!;
  const shifted = [...toks];
  shifted[j] = withForm(t, t.n.startsWith('لل') ? 'ال' + t.n.slice(2) : t.n.slice(1), 1);
  const p = parseSpeaker(src, shifted, j, end);
  if (!p || !t.text.startsWith('لل')) return p;
  const fix = (s: string | null) => (s && s.startsWith('ل') && !s.startsWith('ال') ? 'ا' + s : s);
  return { ...p, name: fix(p.name), role: fix(p.role), org: fix(p.org) };
}

/** «ورئيس»، «ووزير»: a role head with a glued «و», coordinating a second office. */
const isCoordinatedRole = (t: Token): boolean => t.n.startsWith('و') && t.base !== t.n && !definite(withForm(t, t.base));

function roleFirst(src: string, toks: Token[], i: number, end: number, make: Make): SpeakerPhrase {
  if (UNNAMED_SOURCES.has(toks[i]!.n) && !definite(toks[i]!)) {
    const se = unnamedSource(toks, i, end);
    const role = text(src, toks, i, se);
    // «مسؤول يمني في محافظة عدن، الخضر لصور، إن …»: the source is named after all.
    if (isPunct(toks[se], '،,') && !KINSHIP.has(toks[i]!.n)) {
      const ns = skipTitles(toks, se + 1, end);
      const ne = personName(toks, ns, end, true);
      // Only a name that shows it is one: after a title, or starting with a known given name.
      if (ne > ns + 1 && isPunct(toks[ne], '،,') && (ns > se + 1 || isGivenName(toks[ns]))) {
        return make('person', i, ne, { name: text(src, toks, ns, ne), role, org: orgInRole(src, toks, i, se) });
      }
    }
    return make('role', i, se, { role, org: orgInRole(src, toks, i, se) });
  }
  let re = nounPhrase(toks, i, end);
  // «المستشار في مكتب وزير الدفاع المتحدث باسم قوات التحالف، العميد …»: roles in apposition.
  // «نائب الرئيس اليمني ورئيس الوزراء، خالد بحاح»: a second office held by the same person.
  while (re < end && isRoleHead(toks[re]) && (definite(toks[re]!) || isCoordinatedRole(toks[re]!)) && re - i < 16) {
    const more = nounPhrase(toks, re, end);
    // «… لشؤون دول الجوار السفير أسامة المجدوب»: a one-word role right before a given name.
    if (more === re + 1 && isGivenName(toks[more])) { re = more; break; }
    if (more <= re + 1 && !isPunct(toks[more], '،,')) break;
    re = more;
  }
  // Marks around an organisation's short name («"حماس"») are dropped from the role.
  const role = unmarked(text(src, toks, i, re));
  const org = orgInRole(src, toks, i, re);
  // ROLE NAME, or ROLE، [TITLE] NAME،
  let k = re;
  if (isPunct(toks[k], '،,') ) k++;
  // «المتحدث باسم أنصار الله، وهي التسمية التي يستخدمها الحوثيون، محمد عبد السلام»: an aside.
  if (k > re && /^(?:وهي|وهو|وهم)$/.test(toks[k]?.n ?? '')) {
    let c = k + 1;
    while (c < end && c - k < 14 && !isPunct(toks[c], '،,')) c++;
    if (isPunct(toks[c], '،,')) k = c + 1;
  }
  // «المحلل السياسي اليمني " هاني مسهور"»: the name in quotation marks after the role.
  if (k === re && isPunct(toks[k], '"«“”') && isGivenName(toks[k + 1])) {
    const qe = personName(toks, k + 1, end, true);
    if (qe > k + 2 && isPunct(toks[qe], '"»”')) return make('person', i, qe + 1, { name: text(src, toks, k + 1, qe), role, org });
  }
  const nameStart = skipTitles(toks, k, end);
  let ne = personName(toks, nameStart, end, true);
  // «الرئيس السيسي»: a family name alone, printed in full elsewhere in the article.
  if (ne === nameStart && toks[ne]?.word && known.has(toks[ne]!.n) && /^ال/.test(toks[ne]!.n)) ne++;
  // «وقال المصدر لشفق نيوز»: a word with a glued «ل» right after the role is the outlet spoken to.
  const glued = nameStart === re && /^ل[^ا]/.test(toks[nameStart]?.n ?? '') && !isGivenName(toks[nameStart]);
  if (ne > nameStart && !glued && (nameStart > k || solidName(toks, nameStart, ne))) {
    // «الأمير خليفة بن سلمان آل خليفة رئيس الوزراء»: an office in apposition after the name is
    // part of the phrase, and names the office better than a one-word rank before it.
    if (ne < end && isRoleHead(toks[ne]) && !definite(toks[ne]!) && !/^نظير/.test(toks[ne]!.n)) {
      const ae = nounPhrase(toks, ne, end);
      if (ae > ne + 1) {
        const office = unmarked(text(src, toks, ne, ae));
        return make('person', i, ae, {
          name: text(src, toks, nameStart, ne),
          role: re - i === 1 ? office : role,
          org: org ?? orgInRole(src, toks, ne, ae),
        });
      }
    }
    return make('person', i, ne, { name: text(src, toks, nameStart, ne), role, org });
  }
  // «المسؤولة في البنتاغون»، «المسؤول» — a definite role alone refers back to a person.
  const anaphoric = definite(toks[i]!) && /^(?:المسؤول|المسؤوله|المتحدث|المتحدثه|الناطق|الناطقه|الوزير|الوزيره|المصدر)$/.test(toks[i]!.n);
  return make(anaphoric && re - i <= 3 ? 'anaphor' : 'role', i, re, { role, org });
}
