// Word classes for attribution, looked up through the lexicons with clitic variants.
import {
  CUE_COMPLEMENTS, CUES, KNOWN_ORGS, OBJECT_NOUNS, NAME_LINKS, NISBA_ADJECTIVES, OPENERS, ORG_ANAPHORS, ORG_HEADS, PHRASE_ADJECTIVES,
  PHRASE_LINKS, PHRASE_STOPS, PLACES, ROLE_HEADS, TITLE_CONTINUATIONS, TITLES, WEEKDAYS, type CueInfo,
} from '../../lang/ar/lexicon.js';
import { keys, type Token } from '../../lang/ar/tokenize.js';
import { MONTH_WORDS } from '../../lang/ar/months.js';

const has = (s: Set<string>, t: Token | undefined): boolean => !!t && t.word && keys(t.n).some((k) => s.has(k));
const hasExact = (s: Set<string>, t: Token | undefined): boolean => !!t && t.word && (s.has(t.n) || s.has(t.base));

export const isRoleHead = (t?: Token) => hasExact(ROLE_HEADS, t);
// Titles by exact form only: «فاول» without its «ف» would read as the title «أول».
export const isTitle = (t?: Token) => !!t && t.word && TITLES.has(t.n);
export const isTitleContinuation = (t?: Token) => !!t && t.word && TITLE_CONTINUATIONS.has(t.n);
export const isOrgHead = (t?: Token) => hasExact(ORG_HEADS, t);
export const isOrgAnaphor = (t?: Token) => hasExact(ORG_ANAPHORS, t);
export const isKnownOrg = (t?: Token) => has(KNOWN_ORGS, t);
export const isPlace = (t?: Token) => has(PLACES, t);
export const isStop = (t?: Token) => hasExact(PHRASE_STOPS, t) || hasExact(WEEKDAYS, t) || hasExact(OPENERS, t);
export const isLink = (t?: Token) => hasExact(PHRASE_LINKS, t);
export const isNameLink = (t?: Token) => hasExact(NAME_LINKS, t);
export const isWeekday = (t?: Token) => hasExact(WEEKDAYS, t);
export const isMonth = (t?: Token) => has(MONTH_WORDS, t);
export const isPunct = (t: Token | undefined, chars: string) => !!t && !t.word && chars.includes(t.text);

/** A reporting cue: the token itself or without its و/ف conjunction. */
export function cueOf(t: Token | undefined): CueInfo | null {
  if (!t || !t.word) return null;
  const direct = CUES.get(t.n) ?? (t.base !== t.n ? CUES.get(t.base) : undefined);
  if (direct) return direct;
  // «ودعاه إلى»، «طالبهم بـ»: a verb taking a person as object carries it as a suffix.
  const b = t.base;
  const last = b.charCodeAt(b.length - 1);
  if (b.length < 4 || (last !== 0x647 && last !== 0x627 && last !== 0x645)) return null; // ه ا م
  const m = /^(.{3,}?)(?:ه|ها|هم)$/.exec(b);
  const bare = m ? CUES.get(m[1]!) : undefined;
  return bare && bare.cls === 'object' && !bare.participle ? bare : null;
}

const definite = (t: Token) => /^(?:و|ف)?(?:ال|لل)/.test(t.n);

/** Adjectives that continue a role or organisation phrase: listed ones, or a definite nisba (…ي، …يه). */
export function isAdjective(t?: Token): boolean {
  if (!t || !t.word) return false;
  if (hasExact(PHRASE_ADJECTIVES, t) || hasExact(NISBA_ADJECTIVES, t)) return true;
  return /^ال.{2,}(?:ي|يه|يين|يون|يان)$/.test(t.n);
}

/** An indefinite nisba after an indefinite head: «مصدر أمني»، «مسؤول عراقي». */
export const isIndefiniteAdjective = (t?: Token) => !!t && t.word && !definite(t) && /^.{2,}(?:ي|يه)$/.test(t.n) && !isNameLike(t);

function isNameLike(t: Token): boolean {
  return isPlace(t) || isKnownOrg(t);
}

/** Any word the lexicons know: never part of a person's name. */
export function isLexical(t: Token): boolean {
  return (
    isRoleHead(t) || isTitle(t) || isOrgHead(t) || isKnownOrg(t) || isPlace(t) || isStop(t) || isLink(t) ||
    isMonth(t) || cueOf(t) !== null || hasExact(NISBA_ADJECTIVES, t) || hasExact(PHRASE_ADJECTIVES, t) ||
    CUE_COMPLEMENTS.has(t.n) || /^(?:فيه|فيها|به|بها|عنه|عنها|منه|منها|له|لها)$/.test(t.n)
  );
}

/** A word that can start a person's name: not definite, not a number, not a lexicon word. */
export function canStartName(t?: Token): boolean {
  if (!t || !t.word || /\d/.test(t.n) || t.n.length < 2) return false;
  if (isNameLink(t)) return true;
  if (hasExact(OBJECT_NOUNS, t)) return false;
  // Abstract nouns in -ية and form-X verbal nouns (استعداد، استمرار) are not names.
  if ((t.n.length >= 5 && t.n.endsWith('يه')) || (t.n.length >= 6 && t.n.startsWith('است'))) return false;
  return !definite(t) && !isLexical(t);
}

/** A word that continues a person's name: a plain word, a definite family name (الكاظمي), a link (عبد، بن). */
export function canContinueName(t: Token | undefined, prev: Token, length: number, next?: Token): boolean {
  if (!t || !t.word || /\d/.test(t.n)) return false;
  if (isNameLink(prev)) return true; // «عبد الله»، «أبو بكر»
  if (isLexical(t) && !(definite(t) && hasExact(NISBA_ADJECTIVES, t))) return false;
  // A definite word continues a name as a family name: in -ي («الكاظمي»; after a given name even a
  // nationality form is a family name: «منصور التركي», since Arabic puts a role's adjectives
  // before the name), otherwise only when the phrase ends right after it («عبد القادر الدخيل،»,
  // «مقتدى الصدر إن») — «أكد سالم التزام الحكومة» has the reported object there instead.
  if (definite(t)) {
    // «للصحافيين»، «بالقول»، «والحكومة»: a preposition or conjunction glued to the article ends the name.
    if (/^(?:لل|بال|وال|فال|كال)/.test(t.n) || hasExact(PHRASE_ADJECTIVES, t) || hasExact(OBJECT_NOUNS, t)) return false;
    if (/^ال.{2,}ي$/.test(t.n)) return true;
    return next === undefined || !next.word || isStop(next) || isRoleHead(next) || cueOf(next) !== null;
  }
  // «وبجانبه»، «والحكومة»: a conjunction glued to the next word ends the name.
  if (/^و(?:ب|ل|ال|ك)/.test(t.n) || (t.n.startsWith('و') && t.n.length >= 6)) return false;
  // After two words, a ل/ب-prefixed word is a prepositional phrase («باتيل لرووداو»).
  if (length >= 2 && /^(?:ل|ب)/.test(t.n)) return false;
  return t.n.length >= 2;
}
