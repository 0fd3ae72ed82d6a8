// The entities stage: persons, organisations, states, places and facilities named in the article,
// each under one canonical name with every surface form it takes and every mention's span.
//
// Mentions come from three sources, in this order at each position: the curated actors and the
// gazetteer (longest match, clitics و ب ل ك ف stripped), then names and organisation phrases
// parsed like speakers (titles and roles are kept apart from the name), then given names.
// Mentions are grouped within the article: a surname joins the full name printed elsewhere
// («ماروتو» → «وين ماروتو»), a bare definite head refers back («التنظيم» → «تنظيم داعش»).
import type { ArticleDoc, Entity, EntityType, Span } from '../../core/types.js';
import { detached, matchKey } from '../../lang/ar/normalize.js';
import { tokenize, type Token } from '../../lang/ar/tokenize.js';
import { personName, phraseAtToken } from '../statements/speaker.js';
import { contains } from '../statements/registry.js';
import { isGivenName, isLexical, isOrgAnaphor, withForm, isOrgHead, isPlace, isPunct, isRoleHead, isTitle, maybeHead, mayBeGivenOrHead } from '../statements/words.js';
import { DIRECTIONS, FACILITY_HEADS, PLACE_HEADS } from '../../lang/ar/lexicon.js';
import { GIVEN_NAMES } from '../../lang/ar/names.js';
import { firstWords, FNV_OFFSET, FNV_PRIME, hashOn, lookup, mayBeKey, MAX_WORDS, namesStartingWith, type LexiconHit } from './lexicon.js';

interface Mention {
  span: Span;
  surface: string;
  type: EntityType;
  /** Grouping key: the lexicon's canonical name, or the folded surface. */
  key: string;
  canonical: string | null;
  coordinates: { lat: number; lon: number } | null;
  source: string;
  /** A bare definite head («التنظيم») that refers back to an entity named in full. */
  anaphor: boolean;
}

/** Organisation heads strong enough to make a named organisation of their phrase («حركة» is left to the actors list: «حركة المسافرين» is traffic). */
const STRONG_ORG = /^(?:ال)?(?:وزاره|قياده|هيئه|منظمه|حزب|جبهه|لجنه|مجلس|جامعه|وكاله|صحيفه|قناه|مؤسسه|رابطه|كتله|ائتلاف|تحالف|مفوضيه|بعثه|سفاره|شركه|مرصد|مكتب|مديريه|خليه|رئاسه|ديوان|تنظيم)$/;

/** «ريف حلب الشمالي»: the countryside of a known place, with the compass adjectives after it. */
const REGION_HEADS = new Set(['ريف', 'ضواحي']);
const COMPASS_ADJ = /^ال(?:شمالي|جنوبي|شرقي|غربي)ه?$/;
const HEAD_WORDS = new Set([...PLACE_HEADS, ...FACILITY_HEADS, ...DIRECTIONS, ...REGION_HEADS]);

// Most tokens start no name and are no head word. A bit set of the FNV-1a hashes of every first
// word and head word rejects them with one probe, hashed straight from the token: no clitic
// variant is cut out, and no table is looked up, for a word that can match nothing.
const START_BITS = 1 << 20;
const STARTS = new Uint32Array(START_BITS >>> 5);
const ALEF = 0x627, LAM = 0x644;

/** FNV-1a of «ال» (when al) followed by s[from, end). */
function hashFrom(s: string, from: number, al: boolean): number {
  const h = al ? Math.imul(Math.imul(FNV_OFFSET ^ ALEF, FNV_PRIME) ^ LAM, FNV_PRIME) : FNV_OFFSET;
  return hashOn(h, s, from);
}
for (const w of [...firstWords(), ...HEAD_WORDS]) {
  const h = hashFrom(w, 0, false);
  STARTS[(h & (START_BITS - 1)) >>> 5]! |= 1 << (h & 31);
}
/** False when neither s[from, end) (after «ال» when al) starts a name nor is a head word; true means maybe. */
function maybeStartWord(s: string, from: number, al: boolean): boolean {
  const h = hashFrom(s, from, al);
  return (STARTS[(h & (START_BITS - 1)) >>> 5]! & (1 << (h & 31))) !== 0;
}

/**
 * Can an entity start at this token: a lexicon first word, a place or facility head, a title,
 * role or organisation head, a given name or a definite organisation word — with or without a
 * glued clitic. Most tokens of an article are none of these and are skipped with a few lookups.
 */
function mayStart(t: Token): boolean {
  const n = t.n;
  if (t.base === 'ابو' || t.base === 'ام') return true; // a kunya: «أبو همام»، «وأبو قتادة»
  if (maybeStartWord(n, 0, false) && (namesStartingWith(n) || HEAD_WORDS.has(n))) return true;
  if (mayBeGivenOrHead(t) && (maybeHead(t) || isGivenName(t) || isTitle(t))) return true;
  const c = n.charCodeAt(0);
  if (c !== 0x648 && c !== 0x641 && c !== 0x628 && c !== 0x644 && c !== 0x643) return false; // و ف ب ل ك
  // The variants cut one or two clitic letters, or read «لل» as «ال» (computeVariants): when no
  // such rest may be a first or head word, none of them is.
  if (!maybeStartWord(n, 1, false) && !maybeStartWord(n, 2, false) && !(c === LAM && n.charCodeAt(1) === LAM && maybeStartWord(n, 2, true))) return false;
  return variants(t).some(([w], k) => k > 0 && (namesStartingWith(w) > 0 || HEAD_WORDS.has(w)));
}

/** State bodies that are an organisation once their nationality is given. */
const STATE_BODY = /^(?:ال)?(?:جيش|حكومه|قوات|سلطات|شرطه|برلمان|مخابرات|استخبارات|امن|بحريه|داخليه|خارجيه)$/;

const CLITIC = /^(?:و|ف)?(?:ب|ل|ك)?(?=ال)|^(?:و|ف)(?=[^ا])|^(?:ب|ل)(?=[^ا])/;

export function extractEntities(doc: ArticleDoc): Entity[] {
  const text = doc.text;
  const toks = tokenize(text);
  const mentions: Mention[] = [];
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    if (!t.word || !mayStart(t)) { i++; continue; }
    const lex = lexiconAt(text, toks, i);
    if (lex) {
      mentions.push(lex.mention);
      i = lex.end;
      continue;
    }
    const named = headedPlaceAt(text, toks, i);
    if (named) {
      mentions.push(named.mention);
      i = named.end;
      continue;
    }
    const parsed = phraseAt(text, toks, i);
    if (parsed) {
      mentions.push(...parsed.mentions);
      nestedIn(text, toks, i + 1, parsed.end, mentions);
      i = parsed.end;
      continue;
    }
    if (isOrgAnaphor(t) && !isOrgHead(toks[i + 1])) {
      mentions.push({ span: [t.start, t.end], surface: t.text, type: 'ORG', key: t.n, canonical: null, coordinates: null, source: 'article', anaphor: true });
    }
    i++;
  }
  return group(withSurnames(text, toks, mentions));
}

/**
 * «التحالف العربي بقيادة السعودية»، «القوات الموالية لهادي … في السعودية»: a phrase read as one
 * organisation may hold a state, a place or a person the lexicons know; each is an entity too.
 */
function nestedIn(text: string, toks: Token[], from: number, end: number, mentions: Mention[]): void {
  for (let k = from; k < end; ) {
    const t = toks[k]!;
    if (!t.word || !mayStart(t)) { k++; continue; }
    const lex = lexiconAt(text, toks, k);
    if (lex && lex.end <= end) {
      mentions.push(lex.mention);
      k = lex.end;
    } else k++;
  }
}

/**
 * A person named in full is later called by the last word of the name alone («وأضاف الحلبي»):
 * every lone token equal to such a surname is a mention of that person too.
 */
function withSurnames(text: string, toks: Token[], mentions: Mention[]): Mention[] {
  const surnames = new Map<string, Mention>();
  for (const m of mentions) {
    const w = m.key.split(' ');
    if (m.type === 'PER' && w.length > 1 && w[w.length - 1]!.length > 2) surnames.set(w[w.length - 1]!, m);
  }
  if (!surnames.size) return mentions;
  // The lengths and first letters of the surnames as bit masks: most words fail one of them and
  // are never looked up.
  let lengths = 0, firsts = 0;
  for (const w of surnames.keys()) {
    lengths |= 1 << Math.min(w.length, 31);
    firsts |= 1 << (w.charCodeAt(0) & 31);
  }
  const spans: Span[] = []; // by push: see group()
  for (const m of mentions) spans.push(m.span);
  spans.sort((a, b) => a[0] - b[0]);
  const out = [...mentions];
  let k = 0;
  for (const t of toks) {
    while (k < spans.length && spans[k]![1] <= t.start) k++;
    const covered = k < spans.length && spans[k]![0] <= t.start;
    if (!t.word || covered) continue;
    const n = t.n;
    if ((lengths & (1 << Math.min(n.length, 31))) === 0 || (firsts & (1 << (n.charCodeAt(0) & 31))) === 0 || !surnames.has(n)) continue;
    out.push(person(text, [t.start, t.end]));
  }
  return out;
}

/** The longest actor or place name starting at token i, within a clause (no punctuation inside). */
function lexiconAt(text: string, toks: Token[], i: number, allowAmbiguous = false): { mention: Mention; end: number } | null {
  const first = toks[i]!;
  let longest = 0;
  const starts = variants(first).filter(([w]) => {
    const n = namesStartingWith(w);
    longest = Math.max(longest, n);
    return n > 0;
  });
  if (!starts.length) return null;
  let last = i;
  while (last + 1 < toks.length && last - i + 1 < Math.min(MAX_WORDS, longest) && toks[last + 1]!.word) last++;
  // The hash of every start's key up to every end word: only a key the lexicons may hold is
  // joined into a string and looked up.
  const width = last - i + 1;
  const hashes = new Int32Array(starts.length * width);
  for (let j = 0; j < starts.length; j++) {
    let h = hashOn(FNV_OFFSET, starts[j]![0]);
    hashes[j * width] = h;
    for (let k = 1; k < width; k++) hashes[j * width + k] = h = hashOn(Math.imul(h ^ 32, FNV_PRIME), toks[i + k]!.n);
  }
  for (let e = last; e >= i; e--) {
    let rest: string | null = null;
    for (let j = 0; j < starts.length; j++) {
      if (!mayBeKey(hashes[j * width + e - i]!)) continue;
      const [w, cut] = starts[j]!;
      rest ??= restOf(toks, i, e);
      const hit = lookup(w + rest, allowAmbiguous);
      if (!hit) continue;
      // A role word is not a place even where a town bears its name («السفيرة»).
      if (e === i && hit.type !== 'ORG' && isRoleHead(first)) continue;
      const start = first.start + cut;
      return { mention: fromHit(hit, [start, toks[e]!.end], text.slice(start, toks[e]!.end)), end: e + 1 };
    }
  }
  return null;
}

/** The normalised words after token i up to token e, each after a space: what follows a first word in a key. */
function restOf(toks: Token[], i: number, e: number): string {
  let rest = '';
  for (let k = i + 1; k <= e; k++) rest += ' ' + toks[k]!.n;
  return rest;
}

/** What a directorate is of: «مديرية الأمن»، «مديرية تربية»، «مديرية الدفاع المدني». */
const DIRECTORATE_OF = /^(?:ال)?(?:امن|شرطه|تربيه|صحه|زراعه|ماليه|مرور|دفاع|بلديه|بلديات|جوازات|استخبارات|مخابرات|شؤون|اعلام|جنسيه|اقامه|سجون|عمليات|توجيه|اوقاف|كهرباء|مياه|اتصالات|نفط|جمارك|ضرائب|عامه|الشرطه|اثار|سياحه|عمل|تخطيط|نقل|طرق|اسكان|ثقافه|رياضه|شباب|تعليم|احوال|هجره|مهجرين)$/;

/**
 * A place or facility named with its head noun: «مدينة الصدر»، «محافظة كركوك» (which is the same
 * entity as «كركوك»), «قاعدة القيارة»، «معسكر K1»، and compass phrases «شمال شرق سوريا».
 */
function headedPlaceAt(text: string, toks: Token[], i: number): { mention: Mention; end: number } | null {
  const t = toks[i]!;
  if (!HEAD_WORDS.has(t.base) && !HEAD_WORDS.has(t.n.slice(1)) && !HEAD_WORDS.has(t.n)) return null;
  const head = variants(t).find(([w]) => PLACE_HEADS.has(w) || FACILITY_HEADS.has(w) || DIRECTIONS.has(w) || REGION_HEADS.has(w));
  if (!head) return null;
  const [w, cut] = head;
  let j = i + 1;
  if (DIRECTIONS.has(w) && DIRECTIONS.has(toks[j]?.n ?? '')) j++; // «شمال شرق»
  const name = toks[j];
  if (!name || !(name.word || /["“”«]/.test(name.text))) return null;
  let k = j;
  if (!name.word) k++; // «معسكر “K1”»
  const inner = toks[k];
  if (!inner?.word) return null;
  // «مديرية تربية النجف»، «مديرية الأمن»: in Iraq and Syria «مديرية» is a directorate, not a district.
  if (w === 'مديريه' && DIRECTORATE_OF.test(inner.n)) return null;
  const lex = lexiconAt(text, toks, k, PLACE_HEADS.has(w));
  let end: number;
  let key: string;
  let hit: LexiconHit | null = null;
  if (lex) {
    end = lex.end;
    key = lex.mention.key;
    hit = { type: lex.mention.type, canonical: lex.mention.canonical ?? '', coordinates: lex.mention.coordinates, source: lex.mention.source };
  } else {
    // An unknown name: one proper word, or «ال» + word (قاعدة القيارة); nothing lexical.
    if (isLexical(inner) || /^\d+$/.test(inner.n) && !FACILITY_HEADS.has(w)) return null;
    if (DIRECTIONS.has(w) || REGION_HEADS.has(w)) return null; // a compass word needs a known place after it
    end = k + 1;
    key = '';
  }
  if (!name.word && isPunct(toks[end], '"“”»')) end++;
  if (REGION_HEADS.has(w)) while (end < toks.length && end - k < 4 && toks[end]!.word && COMPASS_ADJ.test(toks[end]!.n)) end++;
  const start = t.start + cut;
  const surface = text.slice(start, toks[end - 1]!.end);
  const type: EntityType = FACILITY_HEADS.has(w) ? 'FAC' : DIRECTIONS.has(w) || REGION_HEADS.has(w) ? 'LOC' : 'GPE';
  // «محافظة كركوك» is Kirkuk; «شمال شرق سوريا» and «قاعدة القائم» are places of their own.
  const sameAsPlace = PLACE_HEADS.has(w) && hit !== null;
  const m: Mention = {
    span: [start, toks[end - 1]!.end], surface, type: sameAsPlace ? hit!.type : type,
    key: sameAsPlace ? key : matchKey(surface), canonical: sameAsPlace ? hit!.canonical || null : null,
    coordinates: hit?.coordinates ?? null, source: hit?.source ?? 'article', anaphor: false,
  };
  return { mention: m, end };
}

/** The first word itself, then without a glued clitic (with how many printed characters the clitic takes). */
function variants(first: Token): Array<[string, number]> {
  return (first.v ??= computeVariants(first));
}

function computeVariants(first: Token): Array<[string, number]> {
  const n = first.n;
  const out: Array<[string, number]> = [[n, 0]];
  const c = n.charCodeAt(0);
  // Only و ف ب ل ك can be glued clitics.
  if (c !== 0x648 && c !== 0x641 && c !== 0x628 && c !== 0x644 && c !== 0x643) return out;
  const m = CLITIC.exec(n);
  if (m && m[0].length && n.length - m[0].length >= 2) out.push([n.slice(m[0].length), clitChars(first.text, m[0].length)]);
  // «وافغانستان»، «وايران»: و/ف before an alef, tried after the whole word («واشنطن»).
  else if ((c === 0x648 || c === 0x641) && n.charCodeAt(1) === ALEF && n.length >= 5 && n.charCodeAt(2) !== LAM) out.push([n.slice(1), clitChars(first.text, 1)]);
  if (n.startsWith('لل')) out.push(['ال' + n.slice(2), 1]);
  return out;
}

/** Characters of the printed token that the first n normalised letters take (harakat included). */
function clitChars(printed: string, n: number): number {
  let seen = 0, k = 0;
  while (k < printed.length && seen < n) {
    const c = printed.charCodeAt(k);
    if (!((c >= 0x064b && c <= 0x065f) || c === 0x0640 || c === 0x0670)) seen++;
    k++;
  }
  return k;
}

const KEYS = new Map<string, string>();
/** matchKey of a canonical name, remembered: the same few hundred names come back in every article. */
const canonicalKey = (name: string): string => {
  let k = KEYS.get(name);
  if (k === undefined) {
    if (KEYS.size > 50_000) KEYS.clear();
    KEYS.set(detached(name), (k = matchKey(name)));
  }
  return k;
};

function fromHit(hit: LexiconHit, span: Span, surface: string): Mention {
  const canonical = hit.canonical || null;
  return { span, surface, type: hit.type, key: canonical ? canonicalKey(canonical) : matchKey(surface), canonical, coordinates: hit.coordinates, source: hit.source, anaphor: false };
}

/** A person or organisation phrase parsed like a speaker phrase; roles themselves are not entities. */
function phraseAt(text: string, toks: Token[], i: number): { mentions: Mention[]; end: number } | null {
  const t = toks[i]!;
  const kunya = kunyaAt(text, toks, i);
  if (kunya) return kunya;
  if (!(maybeHead(t) || isGivenName(t) || isTitle(t))) return null;
  const p = phraseAtToken(text, toks, i);
  if (!p || !p.name) {
    if (!isGivenName(t) || isRoleHead(t)) return null;
    const e = personName(toks, i, Math.min(toks.length, i + 5), true);
    if (e <= i + 1) return null; // a given name alone is too weak
    // «أسامة العراقي وعامر الرفدان»: the conjunction glued to a given name is no part of it.
    const glued = gluedConjunction(t.text) ? 1 : 0;
    const span: Span = [t.start + glued, toks[e - 1]!.end];
    if (!plausiblePerson(text.slice(span[0], span[1]))) return null;
    return { mentions: [person(text, span)], end: e };
  }
  const at = text.indexOf(p.name, p.span[0]);
  if (at < 0) return null;
  const span: Span = [at, at + p.name.length];
  const end = firstFrom(toks, span[1]);
  const next = end < 0 ? toks.length : Math.max(i + 1, end);
  if (p.kind === 'person') {
    // «وعامر الرفدان»: the conjunction is no part of the name.
    const cut = gluedConjunction(p.name) ? 1 : 0;
    const name = p.name.slice(cut);
    const own: Span = [span[0] + cut, span[1]];
    // A «name» the lexicons know is an organisation or place («مدير مكتب رووداو»).
    const hit = lookup(matchKey(name));
    if (hit) return { mentions: [fromHit(hit, own, name)], end: next };
    // Roles stay apart from the name; an organisation inside the role is scanned on its own. A
    // single word is too weak on its own; it joins a full name in the surname pass if it is one.
    if (!/\s/.test(name.trim()) || !plausiblePerson(name)) return null;
    return { mentions: [person(text, own)], end: next };
  }
  if (p.kind === 'org') {
    // «تنظيم داعش الإرهابي»: the journalist's epithet after a known name leaves it the same organisation.
    const epithet = /\s+(?:الإرهابي|الإرهابية|الارهابي|الارهابية|المتطرف|المتطرفة|المحظور|المحظورة)$/.exec(p.name);
    if (epithet) {
      const bare = p.name.slice(0, epithet.index);
      const hit = lookup(matchKey(bare));
      if (hit) return { mentions: [fromHit(hit, [span[0], span[0] + bare.length], bare)], end: p.end };
    }
    const words = matchKey(p.name).split(' ');
    // A named organisation: a strong head and at least one definite or proper word after it; or
    // a state body with its nationality («الجيش العراقي»، «الحكومة التركية»، «قوات الأمن العراقية»).
    const strong = STRONG_ORG.test(words[0]!) && words.slice(1).some((w) => /^ال/.test(w) || lookup(w));
    const stateBody = STATE_BODY.test(words[0]!) && /^ال.{2,}(?:ي|يه)$/.test(words[words.length - 1]!);
    if (words.length < 2 || !(strong || stateBody)) return null;
    const type: EntityType = isPlace(toks[i]) ? 'GPE' : 'ORG';
    const out: Mention[] = [{ span, surface: p.name, type, key: matchKey(p.name), canonical: null, coordinates: null, source: 'article', anaphor: false }];
    if (p.alias) {
      const a = text.indexOf(p.alias, span[1]);
      if (a >= 0) out.push({ span: [a, a + p.alias.length], surface: p.alias, type, key: matchKey(p.name), canonical: null, coordinates: null, source: 'article', anaphor: false });
    }
    return { mentions: out, end: p.end };
  }
  return null;
}

/** Index of the first token that starts at or after offset `at` (token starts increase), or -1. */
function firstFrom(toks: Token[], at: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (toks[mid]!.start >= at) hi = mid;
    else lo = mid + 1;
  }
  return lo < toks.length ? lo : -1;
}

/**
 * «أبو همام»، «وأبو قتادة التونسي»، «أم محمد»: a name by a kunya, the way jihadist commanders and
 * many others are known; «أبو» with a given name or a proper word after it, a glued «و» dropped.
 */
function kunyaAt(text: string, toks: Token[], i: number): { mentions: Mention[]; end: number } | null {
  const t = toks[i]!;
  if (!t.word || !/^(?:ابو|ام)$/.test(t.base) || (t.n !== t.base && t.n !== 'و' + t.base)) return null;
  const next = toks[i + 1];
  if (!next?.word || !(isGivenName(next) || (!isLexical(next) && !/^ال/.test(next.n)))) return null;
  const cut = t.n === t.base ? 0 : 1;
  // «الشيخ عبد العزيز أبو مصعب»: a kunya after a name is part of that name, read with it.
  const prev = toks[i - 1];
  if (!cut && prev?.word && !isLexical(prev) && !isRoleHead(prev) && !isTitle(prev) && !/^ال.+(?:ان|ين)$/.test(prev.base)) return null;
  const own = cut ? [...toks.slice(0, i), withForm(t, t.base, cut), ...toks.slice(i + 1)] : toks;
  const e = personName(own, i, Math.min(toks.length, i + 5), true);
  if (e <= i + 1) return null;
  const span: Span = [t.start + cut, toks[e - 1]!.end];
  if (!plausiblePerson(text.slice(span[0], span[1]))) return null;
  return { mentions: [person(text, span)], end: e };
}

/** «وعامر الرفدان»: «و» glued to a given name that is not itself one («وليد», «وائل» are). */
function gluedConjunction(name: string): boolean {
  const first = matchKey(name).split(' ')[0] ?? '';
  return first.startsWith('و') && !GIVEN_NAMES.has(first) && GIVEN_NAMES.has(first.slice(1));
}

/** «أجانب أبرزهم»: a word with a plural pronoun («أبرزهم»، «بينهم»، «منها») ends a list, not a name. */
function plausiblePerson(name: string): boolean {
  return !matchKey(name).split(' ').some((w) => w.length > 3 && /(?:هم|هما|هن)$/.test(w));
}

function person(text: string, span: Span): Mention {
  const surface = text.slice(span[0], span[1]);
  return { span, surface, type: 'PER', key: matchKey(surface), canonical: null, coordinates: null, source: 'article', anaphor: false };
}

// ---------- grouping ----------

interface Group {
  type: EntityType;
  key: string;
  words: string[];
  canonical: string | null;
  surfaces: Map<string, string>; // folded → printed
  mentions: Span[];
  starts: Set<number>;
  coordinates: { lat: number; lon: number } | null;
  source: string;
  last: number;
}

function group(mentions: Mention[]): Entity[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  // Full names first, so that a surname met before its full name still finds it.
  const words = new Map(mentions.map((m) => [m, m.key.split(' ').length]));
  const order = [...mentions].sort((a, b) => words.get(b)! - words.get(a)! || a.span[0] - b.span[0]);
  for (const m of order) {
    if (m.anaphor) continue;
    let g = byKey.get(m.key) ?? (m.type === 'PER' ? personFor(groups, m) : undefined);
    if (!g) {
      g = { type: m.type, key: m.key, words: m.key.split(' '), canonical: m.canonical, surfaces: new Map(), mentions: [], starts: new Set(), coordinates: m.coordinates, source: m.source, last: -1 };
      groups.push(g);
      byKey.set(m.key, g);
    }
    add(g, m);
  }
  // A bare definite head refers back to the nearest entity before it whose name starts with it.
  for (const m of mentions) {
    if (!m.anaphor) continue;
    const head = m.key.replace(/^ال/, '');
    const g = groups
      .filter((x) => x.type === 'ORG' && x.words.length > 1 && (x.words[0] === m.key || x.words[0] === head) && x.mentions.some((s) => s[0] < m.span[0]))
      .sort((a, b) => b.last - a.last)[0];
    if (g) add(g, m);
  }
  const firstAt = (g: Group) => g.mentions.reduce((m, s) => Math.min(m, s[0]), Infinity);
  // Lists here are built by push: optimised map makes holey arrays and interpreted map packed
  // ones, and code that sorts or reads them is deoptimised by the switch (later stages too).
  const ordered: [number, Group][] = [];
  for (const g of groups) ordered.push([firstAt(g), g]);
  ordered.sort((a, b) => a[0] - b[0]);
  const out: Entity[] = [];
  for (const [, g] of ordered) out.push(toEntity(g));
  return out;
}

/** The person whose name contains this one's words in order («ماروتو» in «وين ماروتو»). */
function personFor(groups: Group[], m: Mention): Group | undefined {
  const w = m.key.split(' ');
  return groups.find((g) => g.type === 'PER' && g.words.length > w.length && contains(g.words, w));
}


function add(g: Group, m: Mention): void {
  const folded = matchKey(m.surface);
  if (!g.surfaces.has(folded)) g.surfaces.set(folded, m.surface);
  if (!g.starts.has(m.span[0])) {
    g.starts.add(m.span[0]);
    g.mentions.push(m.span);
  }
  g.last = Math.max(g.last, m.span[0]);
}

function toEntity(g: Group): Entity {
  const surfaces = [...g.surfaces.values()];
  let longest = surfaces[0]!, most = 0;
  for (const [folded, printed] of g.surfaces) {
    const n = folded.split(' ').length;
    if (n > most) [longest, most] = [printed, n];
  }
  const name = g.canonical ?? longest;
  return {
    name,
    type: g.type,
    aliases: [...new Set([name, ...surfaces])],
    mentions: g.mentions.sort((a, b) => a[0] - b[0]),
    coordinates: g.coordinates,
    source: g.source,
  };
}
