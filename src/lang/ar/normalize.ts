// Arabic normalisation for matching only. The text a user reads is never changed; normalised
// text lives beside it with a map from every normalised offset back to the original offset.
//
// Folding decisions (all 1:1 except deletions, so the map stays simple):
// - harakat U+064B–U+065F, superscript alef U+0670, Quranic marks U+0610–U+061A and U+06D6–U+06ED,
//   and tatweel U+0640 are deleted: they are optional in news text and split words in FTS tokenisers;
// - أ إ آ ٱ → ا: hamza seats are written inconsistently (ايواء / إيواء, الامريكية / الأمريكية);
// - ى → ي and ة → ه: final yeh/alef maqsura and taa marbuta are swapped by many writers;
// - Persian ی ک → ي ك: Kurdish and Persian keyboards produce them in Arabic text (عناوین);
// - Arabic-Indic and Extended Arabic-Indic digits → ASCII; Latin letters lower-cased.
//
// norm() runs on every token of every article, so it is a table lookup with a fast path for
// strings that need no change.

export interface NormText {
  /** The normalised text. */
  text: string;
  /** map[i] is the offset in the original of normalised char i; map[text.length] = original length. */
  map: Int32Array;
  /** inv[j] is the offset in the normalised text of original char j (of the next kept char if j was deleted). */
  inv: Int32Array;
}

const DELETE = -1;
/** Folded code for every code point below U+0700; DELETE for marks that are dropped. */
const TABLE = (() => {
  const t = new Int32Array(0x700);
  for (let c = 0; c < t.length; c++) t[c] = c;
  for (let c = 65; c <= 90; c++) t[c] = c + 32;
  const del = (a: number, b: number) => { for (let c = a; c <= b; c++) t[c] = DELETE; };
  del(0x064b, 0x065f);
  del(0x0610, 0x061a);
  del(0x06d6, 0x06ed);
  t[0x0670] = DELETE;
  t[0x0640] = DELETE;
  for (const ch of 'أإآٱ') t[ch.charCodeAt(0)] = 'ا'.charCodeAt(0);
  t['ى'.charCodeAt(0)] = 'ي'.charCodeAt(0);
  t['ی'.charCodeAt(0)] = 'ي'.charCodeAt(0);
  t['ة'.charCodeAt(0)] = 'ه'.charCodeAt(0);
  t['ک'.charCodeAt(0)] = 'ك'.charCodeAt(0);
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d] = 48 + d;
    t[0x06f0 + d] = 48 + d;
  }
  return t;
})();

/**
 * Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) that some old sites and PDFs emit
 * («ﻳﻮﻟﻴﻮ») fold to their base letter when NFKC gives exactly one character, so the map stays 1:1.
 */
const PRESENTATION = (() => {
  const t = new Int32Array(0xff00 - 0xfb50);
  for (let c = 0xfb50; c < 0xff00; c++) {
    const k = String.fromCharCode(c).normalize('NFKC');
    const f = k.length === 1 ? k.charCodeAt(0) : c;
    t[c - 0xfb50] = f < 0x700 ? TABLE[f]! : f;
  }
  return t;
})();

const fold = (c: number): number => (c < 0x700 ? TABLE[c]! : c >= 0xfb50 && c < 0xff00 ? PRESENTATION[c - 0xfb50]! : c);

/** Normalise with an offset map back to the original. */
export function normalizeWithMap(s: string): NormText {
  if (s === last?.source) return last.nt;
  const codes = new Uint16Array(s.length);
  const map = new Int32Array(s.length + 1);
  const inv = new Int32Array(s.length + 1);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    inv[i] = n;
    const f = fold(s.charCodeAt(i));
    if (f === DELETE) continue;
    codes[n] = f;
    map[n++] = i;
  }
  map[n] = s.length;
  inv[s.length] = n;
  const nt = { text: fromCodes(codes, n), map: map.subarray(0, n + 1), inv };
  // Stages run one article at a time and several normalise the same text: keep the last one.
  last = { source: s, nt };
  return nt;
}

let last: { source: string; nt: NormText } | null = null;

/** Normalise a string for comparison (no map). */
export function norm(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (fold(c) !== c) break;
  }
  if (i === s.length) return s; // nothing to fold: most tokens
  const codes = new Uint16Array(s.length);
  let n = 0;
  for (let k = 0; k < i; k++) codes[n++] = s.charCodeAt(k);
  for (; i < s.length; i++) {
    const f = fold(s.charCodeAt(i));
    if (f !== DELETE) codes[n++] = f;
  }
  return fromCodes(codes, n);
}

const UTF16 = new TextDecoder('utf-16le');

function fromCodes(codes: Uint16Array, n: number): string {
  if (n < 24) {
    let out = '';
    for (let i = 0; i < n; i++) out += String.fromCharCode(codes[i]!);
    return out;
  }
  // Little-endian is what every platform Node runs on uses for typed arrays.
  return UTF16.decode(codes.subarray(0, n));
}

/** Map a half-open span in normalised text back to the original text. */
export function toOriginal(nt: NormText, start: number, end: number): [number, number] {
  const s = nt.map[start]!;
  // The end maps to one past the last kept char, so deleted marks that follow it stay outside.
  const e = end > start ? nt.map[end - 1]! + 1 : s;
  return [s, e];
}

/** Letters and digits (any script) keep their place in a match key; everything else separates words. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** LETTER_OR_DIGIT for every UTF-16 unit, filled on first sight (0: not yet, 1: yes, 2: no). */
const LN = new Uint8Array(0x10000);
function isLetterOrDigit(c: number): boolean {
  let k = LN[c]!;
  if (k === 0) LN[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * Runs of anything but letters and digits to one space, none at the ends: what
 * `s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()` gives, in one pass with a table instead of a
 * Unicode-property regex over every character.
 */
function keyOfFolded(f: string): string {
  const len = f.length;
  const codes = new Uint16Array(len);
  let n = 0, gap = false;
  for (let i = 0; i < len; i++) {
    const c = f.charCodeAt(i);
    let pair = false, keep: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len && (f.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      pair = true; // a code point beyond the BMP: rare, so tested by the regex itself
      keep = LETTER_OR_DIGIT.test(f.slice(i, i + 2));
    } else keep = isLetterOrDigit(c);
    if (keep) {
      if (gap && n > 0) codes[n++] = 32;
      gap = false;
      codes[n++] = c;
      if (pair) codes[n++] = f.charCodeAt(i + 1);
    } else gap = true;
    if (pair) i++;
  }
  return fromCodes(codes, n);
}

/** matchKey of a string already normalised with norm(): matchKeyOfNormalised(norm(s)) === matchKey(s). */
export const matchKeyOfNormalised = (folded: string): string => keyOfFolded(folded);

const KEYS = new Map<string, string>();

/**
 * A copy of a string that does not keep a larger one alive. V8 makes a substring a view into its
 * parent, so caching a word sliced from an article would keep the whole article in memory for as
 * long as the cache holds the word: over a corpus, thousands of articles.
 */
export const detached = (s: string): string => (' ' + s).slice(1);

/** Normalised comparison key: folded, punctuation to spaces, spaces collapsed. Short keys are remembered. */
export function matchKey(s: string): string {
  if (s.length > 48) return keyOfFolded(norm(s));
  let k = KEYS.get(s);
  if (k === undefined) {
    if (KEYS.size > 100_000) KEYS.clear(); // bounded over long runs
    KEYS.set(detached(s), (k = keyOfFolded(norm(s))));
  }
  return k;
}
