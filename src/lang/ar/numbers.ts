// Numbers as Arabic news prints them: digits (ASCII or Arabic-Indic, with thousands separators
// and decimals), number words (ثلاثة، خمسة وعشرون، ثلاثمئة، ألفان), digits with a scale word
// («300 ألف»، «2.5 مليون»), approximations («نحو 2500»، «أكثر من 300 ألف»، «36 قتيلا على الأقل»)
// and vague quantities («عشرات»، «مئات الآلاف»).
//
// Decisions:
// - A vague quantity has `value: null`, `approx: true` and `magnitude` (10 for عشرات, 100 for
//   مئات, 10 000 for عشرات الآلاف …). «عشرات» means "some tens" (20–99); reporting 10 would
//   understate and any other figure would be invented, and the contract wants a number or null.
// - Ordinals (الثالث، الحادي عشر) are not numbers; they are dates or ranks. Number words with the
//   article (الثلاثة) are skipped too: «الاثنين» is Monday far more often than "the two".
// - A qualifier before the number is part of the span («نحو 2500»); «على الأقل» after the counted
//   noun («36 قتيلا على الأقل») sets the qualifier but the span stays the number.
// - Digits glued to letters (K1, F16) and parts of times or numeric dates (12:36, 26/07/2021) are
//   not numbers.
//
// The scanner works on normalised text (normalize.ts): Arabic-Indic digits are already ASCII,
// ة is ه, ى is ي, and harakat and tatweel are gone («بـ300» reads «ب300»).
import type { Span } from '../../core/types.js';
import { norm, normalizeWithMap, toOriginal } from './normalize.js';

export type NumberQualifier = 'about' | 'more' | 'less' | 'at_least' | 'at_most';

export interface NumberMention {
  /** Half-open span in the text given (UTF-16 units). */
  span: Span;
  text: string;
  /** The value, or null for a vague quantity (عشرات، مئات، آلاف، بضعة). */
  value: number | null;
  /** True when the text says the figure is not exact (a qualifier or a vague quantity). */
  approx: boolean;
  qualifier: NumberQualifier | null;
  /** For vague quantities, the order of magnitude named (10, 100, 1000 …); else null. */
  magnitude: number | null;
  kind: 'digits' | 'words' | 'mixed' | 'vague';
}

/** A number found in normalised text: offsets into that text. */
export interface NormNumber {
  start: number;
  end: number;
  value: number | null;
  approx: boolean;
  qualifier: NumberQualifier | null;
  magnitude: number | null;
  kind: NumberMention['kind'];
}

const table = (rows: [number, string][]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const [v, words] of rows) for (const w of words.trim().split(/\s+/)) m.set(norm(w), v);
  return m;
};

/** 1–10. Numbers 3–10 take the opposite gender of the noun, so both ثلاث and ثلاثة occur. */
const UNITS = table([
  [1, 'واحد واحدة'],
  [2, 'اثنان اثنين اثنتان اثنتين'],
  [3, 'ثلاث ثلاثة'],
  [4, 'أربع أربعة'],
  [5, 'خمس خمسة'],
  [6, 'ست ستة'],
  [7, 'سبع سبعة'],
  [8, 'ثمان ثماني ثمانية'],
  [9, 'تسع تسعة'],
  [10, 'عشر عشرة'],
]);
/** Words that make 11–19 with a following عشر/عشرة: the units plus أحد/إحدى and اثنا/اثني. */
const TEEN_HEADS = new Map<string, number>([...UNITS].filter(([, v]) => v >= 3 && v <= 9));
for (const [w, v] of table([[1, 'أحد إحدى'], [2, 'اثنا اثني اثنتا اثنتي']])) TEEN_HEADS.set(w, v);
const TEEN_TAIL = new Set(['عشر', 'عشره']);

const TENS = table([
  [20, 'عشرون عشرين'], [30, 'ثلاثون ثلاثين'], [40, 'أربعون أربعين'], [50, 'خمسون خمسين'],
  [60, 'ستون ستين'], [70, 'سبعون سبعين'], [80, 'ثمانون ثمانين'], [90, 'تسعون تسعين'],
]);

/** Hundreds, written as one word (ثلاثمئة) or as unit + مئة (ثلاث مئة); مئة and مائة both occur. */
const HUNDREDS = (() => {
  const rows: [number, string][] = [
    [100, 'مئة مائة'],
    [200, 'مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي'],
  ];
  const stems = ['ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثمان', 'ثماني', 'تسع'];
  const vals = [3, 4, 5, 6, 7, 8, 8, 9];
  stems.forEach((s, i) => rows.push([vals[i]! * 100, `${s}مئة ${s}مائة`]));
  return table(rows);
})();
const BARE_HUNDRED = new Set(['مئه', 'مائه']);

interface Scale {
  value: number;
  /** The dual (ألفان) counts two by itself; the plural (آلاف) needs a count before it. */
  form: 'single' | 'dual' | 'plural';
}
const SCALES = new Map<string, Scale>();
for (const [value, single, dual, plural] of [
  [1e3, 'ألف ألفا', 'ألفان ألفين ألفي', 'آلاف'],
  [1e6, 'مليون مليونا', 'مليونان مليونين مليوني', 'ملايين'],
  [1e9, 'مليار مليارا', 'ملياران مليارين ملياري', 'مليارات'],
] as const) {
  for (const w of single.split(' ')) SCALES.set(norm(w), { value, form: 'single' });
  for (const w of dual.split(' ')) SCALES.set(norm(w), { value, form: 'dual' });
  for (const w of plural.split(' ')) SCALES.set(norm(w), { value, form: 'plural' });
}

/** Vague quantities and the magnitude they name; a following plural scale multiplies it. */
const VAGUE = table([
  [10, 'عشرات العشرات'],
  [100, 'مئات المئات'],
  [1000, 'آلاف الآلاف'],
  [1e6, 'ملايين الملايين'],
  [1, 'بضع بضعة'],
]);

/** Words before a number that make it approximate, and the qualifier each gives. */
const PREFIXES: [string, NumberQualifier][] = [
  ['نحو', 'about'], ['حوالي', 'about'], ['حوالى', 'about'], ['قرابة', 'about'], ['زهاء', 'about'],
  ['ما يقارب', 'about'], ['ما يقرب من', 'about'], ['يقرب من', 'about'], ['ما يناهز', 'about'], ['يناهز', 'about'],
  ['أكثر من', 'more'], ['أزيد من', 'more'], ['ما يزيد على', 'more'], ['ما يزيد عن', 'more'], ['يزيد على', 'more'],
  ['يزيد عن', 'more'], ['ما يربو على', 'more'], ['يربو على', 'more'], ['ما يفوق', 'more'], ['يفوق', 'more'],
  ['أقل من', 'less'], ['ما لا يقل عن', 'at_least'], ['لا يقل عن', 'at_least'], ['ما لا يزيد على', 'at_most'],
  ['ما لا يزيد عن', 'at_most'], ['لا يزيد عن', 'at_most'], ['لا يزيد على', 'at_most'],
];
/** Prefix phrases as word lists, longest first, keyed by their first word. */
const PREFIX_BY_FIRST = (() => {
  const m = new Map<string, { words: string[]; q: NumberQualifier }[]>();
  for (const [p, q] of PREFIXES) {
    const words = norm(p).split(' ');
    const list = m.get(words[0]!) ?? [];
    list.push({ words, q });
    m.set(words[0]!, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
})();

/** After the number (or after the counted noun): «على الأقل» at least, «تقريبا» about, «ونيف» more. */
const SUFFIXES: [string[], NumberQualifier][] = [
  [['علي', 'الاقل'], 'at_least'],
  [['تقريبا'], 'about'],
  [['ونيف'], 'more'],
  [['ونيفا'], 'more'],
];

/** Ordinals after which «عشر» belongs to the ordinal (الحادي عشر), not to a number. */
const ORDINALS = new Set(
  'الحادي الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع حادي ثاني ثالث رابع خامس سادس سابع ثامن تاسع'
    .split(' ')
    .map(norm),
);

/** Every word that can start a number, for callers that pre-filter words. */
export const NUMBER_START_WORDS: ReadonlySet<string> = new Set([
  ...UNITS.keys(), ...TEEN_HEADS.keys(), ...TENS.keys(), ...HUNDREDS.keys(), ...SCALES.keys(),
  ...VAGUE.keys(), ...PREFIX_BY_FIRST.keys(),
]);

// ---------- character classes on normalised text ----------

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Letters and digits of normalised text; Arabic punctuation (، ٫ ٬ ؛ ؟) is not a word char. */
export function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ||
    (c >= 0x621 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff) ||
    (c >= 0xc0 && c <= 0x24f)
  );
}
const isSpaceLike = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x200f || c === 0x200e || c === 0x200c;

function wordEnd(n: string, i: number): number {
  while (i < n.length && isWordChar(n.charCodeAt(i))) i++;
  return i;
}
/** Start of the next word after `i`, skipping only blanks (not punctuation or line breaks). */
function nextWord(n: string, i: number): number {
  while (i < n.length && isSpaceLike(n.charCodeAt(i))) i++;
  return i < n.length && isWordChar(n.charCodeAt(i)) ? i : -1;
}

// ---------- digits ----------

interface DigitRun {
  end: number;
  value: number;
}

/** Digits with thousands separators («2,500»، «٢٬٥٠٠») or a decimal part («2.5»، «٢٫٥»). */
function digitRun(n: string, i: number): DigitRun | null {
  let j = i;
  while (j < n.length && isDigit(n.charCodeAt(j))) j++;
  if (j === i) return null;
  let intPart = n.slice(i, j);
  let frac = '';
  // Thousands groups: a separator followed by exactly three digits, repeatedly.
  const group = (sep: number) => {
    let k = j;
    let digits = intPart;
    while (n.charCodeAt(k) === sep && isDigit(n.charCodeAt(k + 1)) && isDigit(n.charCodeAt(k + 2)) && isDigit(n.charCodeAt(k + 3)) && !isDigit(n.charCodeAt(k + 4))) {
      digits += n.slice(k + 1, k + 4);
      k += 4;
    }
    return k > j ? { k, digits } : null;
  };
  const g = intPart.length <= 3 ? group(0x2c) ?? group(0x66c) : null; // , ٬
  if (g) {
    j = g.k;
    intPart = g.digits;
  }
  const c = n.charCodeAt(j);
  if ((c === 0x2e || c === 0x66b) && isDigit(n.charCodeAt(j + 1))) {
    let k = j + 1;
    while (k < n.length && isDigit(n.charCodeAt(k))) k++;
    frac = n.slice(j + 1, k);
    j = k;
  }
  // «12:36», «26/07/2021», «10-15», «3D»: not a count.
  const after = n.charCodeAt(j);
  if ((after === 0x3a || after === 0x2f || after === 0x2d) && isDigit(n.charCodeAt(j + 1))) return null;
  if (isWordChar(after) && !isDigit(after)) {
    // Letters glued after the digits: only a clitic-free Arabic word may follow directly, e.g. «300ألف».
    if (after < 0x621) return null;
  }
  const before = i > 0 ? n.charCodeAt(i - 1) : 32;
  if ((before === 0x3a || before === 0x2f || before === 0x2d || before === 0x2e || before === 0x2c) && i > 1 && isDigit(n.charCodeAt(i - 2))) return null;
  const value = Number(frac ? `${intPart}.${frac}` : intPart);
  return Number.isFinite(value) ? { end: j, value } : null;
}

// ---------- words ----------

/** The word at `i` and where it ends. */
function wordAt(n: string, i: number): { w: string; end: number } {
  const end = wordEnd(n, i);
  return { w: n.slice(i, end), end };
}

const CLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/** A number word, with a leading clitic allowed when `clitic` is set: «وثلاثة»، «بخمسة». */
function numberWord(w: string, clitic: boolean): string | null {
  if (isNumberWord(w)) return w;
  if (clitic && w.length >= 4 && CLITICS.has(w[0]!) && isNumberWord(w.slice(1))) return w.slice(1);
  return null;
}
const isMultiplier = (w: string) => SCALES.has(w) || BARE_HUNDRED.has(w);
const isNumberWord = (w: string) => UNITS.has(w) || TEEN_HEADS.has(w) || TENS.has(w) || HUNDREDS.has(w) || SCALES.has(w) || VAGUE.has(w);

interface Core {
  /** Where the number proper starts: after a leading clitic («و62» starts at 6). */
  start: number;
  end: number;
  value: number | null;
  magnitude: number | null;
  kind: NumberMention['kind'];
}

/**
 * The number proper at `i`: digits or words, combined by the additive Arabic grammar
 * («ثلاثمئة وخمسون ألفا» = (300 + 50) × 1000, «مليون و500 ألف» = 1 000 000 + 500 × 1000).
 */
function scanCore(n: string, i: number): Core | null {
  let total = 0;
  let cur = 0;
  let any = false;
  let digits = false;
  let words = false;
  let end = i;
  let p = i;
  let lastScale = Infinity;
  let start = i;
  for (;;) {
    if (p < 0 || p >= n.length) break;
    let q = p;
    // A multiplier follows directly («ثلاثة آلاف»، «ثلاث مئة»); an addend is joined by و, attached
    // («وعشرون») or, now and then, standing alone («و 500»).
    if (any && !isMultiplier(wordAt(n, p).w)) {
      if (n.charCodeAt(q) !== 0x648) break;
      q++;
      if (!isWordChar(n.charCodeAt(q))) {
        const nx = nextWord(n, q);
        if (nx < 0) break;
        q = nx;
      }
    } else if (CLITICS.has(n[q]!) && isDigit(n.charCodeAt(q + 1))) {
      q++; // «و62»، «ب300»
      start = q;
    }
    if (isDigit(n.charCodeAt(q))) {
      const d = digitRun(n, q);
      if (!d) break;
      if (any && cur !== 0) break; // two figures in a row are two numbers
      cur += d.value;
      digits = true;
      any = true;
      end = d.end;
      p = nextWord(n, d.end);
      // A scale word may follow the digits directly or after a space: «300 ألف».
      if (p >= 0) {
        const { w, end: we } = wordAt(n, p);
        const s = SCALES.get(w);
        if (s && s.value < lastScale) {
          total += cur * s.value;
          cur = 0;
          lastScale = s.value;
          words = true;
          end = we;
          p = nextWord(n, we);
        }
      }
      continue;
    }
    const { w: raw, end: we } = wordAt(n, q);
    const w = numberWord(raw, !any && q === p);
    if (w === null) break;
    if (!any && w !== raw) start = q + 1;
    const unit = UNITS.get(w);
    const teen = TEEN_HEADS.get(w);
    let consumed = we;
    if (teen !== undefined) {
      // أحد عشر، خمسة عشر: the head and عشر/عشرة make one number.
      const nx = nextWord(n, we);
      const tail = nx >= 0 ? wordAt(n, nx) : null;
      if (tail && TEEN_TAIL.has(tail.w)) {
        if (cur % 100 !== 0 && cur !== 0) break;
        cur += teen + 10;
        consumed = tail.end;
      } else if (unit !== undefined) {
        if (cur % 10 !== 0 && cur !== 0) break;
        cur += unit;
      } else break; // أحد alone is "one of", not a number
    } else if (unit !== undefined) {
      if (cur % 10 !== 0 && cur !== 0) break;
      cur += unit;
    } else if (TENS.has(w)) {
      if (cur % 100 >= 10) break;
      cur += TENS.get(w)!;
    } else if (HUNDREDS.has(w)) {
      if (BARE_HUNDRED.has(w) && cur > 0 && cur < 10) cur *= 100; // ثلاث مئة
      else if (cur % 1000 !== 0) break;
      else cur += HUNDREDS.get(w)!;
    } else if (SCALES.has(w)) {
      const s = SCALES.get(w)!;
      if (s.value >= lastScale) break;
      if (s.form === 'plural') {
        if (cur < 3 || cur > 10) {
          if (any) break;
          return vague(start, w, n, we); // «آلاف» alone is vague
        }
        total += cur * s.value;
      } else if (s.form === 'dual') {
        if (cur !== 0) break;
        total += 2 * s.value;
      } else total += (cur || 1) * s.value;
      cur = 0;
      lastScale = s.value;
    } else if (VAGUE.has(w)) {
      if (any) break;
      return vague(start, w, n, we);
    } else break;
    words = true;
    any = true;
    end = consumed;
    p = nextWord(n, consumed);
  }
  if (!any) return null;
  const value = total + cur;
  return { start, end, value: Math.round(value * 1000) / 1000, magnitude: null, kind: digits && words ? 'mixed' : digits ? 'digits' : 'words' };
}

/** «عشرات»، «مئات الآلاف»، «بضعة»: no value, only an order of magnitude. */
function vague(start: number, w: string, n: string, we: number): Core {
  let magnitude = VAGUE.get(w)!;
  let end = we;
  const nx = nextWord(n, we);
  if (nx >= 0) {
    const next = wordAt(n, nx);
    const bare = next.w.startsWith('ال') ? next.w.slice(2) : next.w;
    const s = SCALES.get(bare) ?? SCALES.get(next.w);
    if (s && s.form === 'plural' && magnitude < s.value) {
      magnitude *= s.value;
      end = next.end;
    }
  }
  return { start, end, value: null, magnitude, kind: 'vague' };
}

/** A prefix qualifier phrase at `i` («أكثر من»، «ما لا يقل عن»): its end and qualifier. */
function prefixAt(n: string, i: number): { end: number; q: NumberQualifier } | null {
  const first = wordAt(n, i);
  const cands = PREFIX_BY_FIRST.get(first.w) ?? (first.w.startsWith('و') ? PREFIX_BY_FIRST.get(first.w.slice(1)) : undefined);
  if (!cands) return null;
  for (const c of cands) {
    let end = first.end;
    let ok = true;
    for (let k = 1; k < c.words.length && ok; k++) {
      const nx = nextWord(n, end);
      if (nx < 0) { ok = false; break; }
      const w = wordAt(n, nx);
      if (w.w !== c.words[k]) ok = false;
      else end = w.end;
    }
    if (ok) return { end, q: c.q };
  }
  return null;
}

/** «على الأقل»/«تقريبا» right after the number, or after the one word it counts. */
function suffixAfter(n: string, end: number): NumberQualifier | null {
  let p = nextWord(n, end);
  for (let skip = 0; skip < 2 && p >= 0; skip++) {
    for (const [words, q] of SUFFIXES) {
      let e = p;
      let ok = true;
      for (let k = 0; k < words.length; k++) {
        const at = k === 0 ? p : nextWord(n, e);
        if (at < 0) { ok = false; break; }
        const w = wordAt(n, at);
        if (w.w !== words[k]) { ok = false; break; }
        e = w.end;
      }
      if (ok) return q;
    }
    p = nextWord(n, wordEnd(n, p));
  }
  return null;
}

/** True when the word ending just before `i` is an ordinal (الحادي عشر is not 10). */
function afterOrdinal(n: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isSpaceLike(n.charCodeAt(j))) j--;
  const e = j + 1;
  while (j >= 0 && isWordChar(n.charCodeAt(j))) j--;
  return ORDINALS.has(n.slice(j + 1, e));
}

/**
 * The number starting at offset `i` of normalised text `n` (at a word start), or null.
 * This is the fast path for callers that already hold the normalised text.
 */
export function scanNumberNorm(n: string, i: number): NormNumber | null {
  if (i < 0 || i >= n.length) return null;
  if (i > 0 && isWordChar(n.charCodeAt(i - 1))) return null; // not a word start
  let coreAt = i;
  let qualifier: NumberQualifier | null = null;
  const pre = prefixAt(n, i);
  if (pre) {
    const nx = nextWord(n, pre.end);
    if (nx < 0) return null;
    coreAt = nx;
    qualifier = pre.q;
  }
  const core = scanCore(n, coreAt);
  if (!core) return null;
  if (core.kind === 'words' && TEEN_TAIL.has(n.slice(coreAt, core.end)) && afterOrdinal(n, coreAt)) return null;
  qualifier ??= suffixAfter(n, core.end);
  return {
    start: pre ? i : core.start,
    end: core.end,
    value: core.value,
    approx: qualifier !== null || core.value === null,
    qualifier,
    magnitude: core.magnitude,
    kind: core.kind,
  };
}

/** Every number in normalised text `n` between `from` and `to`, left to right, not overlapping. */
export function findNumbersNorm(n: string, from = 0, to = n.length): NormNumber[] {
  const out: NormNumber[] = [];
  let i = from;
  while (i < to) {
    const c = n.charCodeAt(i);
    if (!isWordChar(c)) { i++; continue; }
    const we = wordEnd(n, i);
    if (maybeNumber(n, i, we)) {
      const hit = scanNumberNorm(n, i);
      if (hit && hit.end <= to) {
        out.push(hit);
        i = hit.end;
        continue;
      }
    }
    i = we;
  }
  return out;
}

/** Cheap pre-filter: the word has a digit near its start or is a number/qualifier word. */
function maybeNumber(n: string, i: number, we: number): boolean {
  if (isDigit(n.charCodeAt(i)) || (we - i > 1 && isDigit(n.charCodeAt(i + 1)))) return true;
  const w = n.slice(i, we);
  return NUMBER_START_WORDS.has(w) || (w.length >= 4 && CLITICS.has(w[0]!) && NUMBER_START_WORDS.has(w.slice(1)));
}

function toMention(text: string, nt: ReturnType<typeof normalizeWithMap>, h: NormNumber): NumberMention {
  const span = toOriginal(nt, h.start, h.end);
  return {
    span,
    text: text.slice(span[0], span[1]),
    value: h.value,
    approx: h.approx,
    qualifier: h.qualifier,
    magnitude: h.magnitude,
    kind: h.kind,
  };
}

/** The number that starts at offset `i` of `text` (a word start, or a qualifier before it), or null. */
export function parseNumberAt(text: string, i: number): NumberMention | null {
  const nt = normalizeWithMap(text);
  const hit = scanNumberNorm(nt.text, nt.inv[i]!);
  return hit ? toMention(text, nt, hit) : null;
}

/** Every number in `text`, with spans into `text`. */
export function findNumbers(text: string): NumberMention[] {
  const nt = normalizeWithMap(text);
  return findNumbersNorm(nt.text).map((h) => toMention(text, nt, h));
}
