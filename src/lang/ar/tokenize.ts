// Word tokeniser with offsets. Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the
// article (ال) to the word, so every token also carries `base`: the normalised form without a
// leading conjunction, which is what lexicon lookups use («وأضاف» → «اضاف»).
import { norm, normalizeWithMap } from './normalize.js';
import type { CueInfo } from './lexicon.js';

export interface Token {
  start: number;
  end: number;
  /** The token as printed. */
  text: string;
  /** Normalised form. */
  n: string;
  /** Normalised, without a leading و/ف conjunction when the rest is a word of 2+ letters. */
  base: string;
  /** True for a word (letters/digits), false for punctuation. */
  word: boolean;
  /** Lexicon classes, filled in on first use by the attribution parser (-1: not yet). */
  m?: number;
  /** Clitic variants of the form, filled in on first use by the entities stage. */
  v?: Array<[string, number]> | undefined;
  /** The reporting cue this token is, filled in on first use by the attribution parser (null: none). */
  c?: CueInfo | null | undefined;
}

const OTHER_WORD = /[\p{L}\p{M}\p{N}]/u;

// The class of every UTF-16 unit, as a table: one read per character, and no chain of comparisons
// whose rarely reached arms would throw optimised code away the first time a rare character comes.
const KNOWN = 1, SPACE = 2, WORD = 4;
const CLASS = new Uint8Array(0x10000);

/** Letters, marks and digits make words; Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ۔) does not. */
function classify(c: number): number {
  let word: boolean;
  if (c < 0x80) word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  else if (c >= 0x0600 && c <= 0x06ff) {
    word = !(c === 0x060c || c === 0x061b || c === 0x061f || c === 0x06d4 || (c >= 0x066a && c <= 0x066d) || c === 0x060d || c === 0x061e);
  } else word = c === 0x200c || c === 0x200d || OTHER_WORD.test(String.fromCharCode(c)); // zero-width (non-)joiners inside Persian-style words
  const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x200f || c === 0x200e || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0x202f;
  return KNOWN | (space ? SPACE : 0) | (word ? WORD : 0);
}
// ASCII and Arabic up front; anything else is classified on first sight (one regex test per code point).
for (let c = 0; c < 0x700; c++) CLASS[c] = classify(c);

function classOf(c: number): number {
  const k = CLASS[c]!;
  return k !== 0 ? k : (CLASS[c] = classify(c));
}

const isWordCode = (c: number): boolean => (classOf(c) & WORD) !== 0;

/** True when text[i, j) has a character other than tatweel, harakat and superscript alef. */
function hasLetter(text: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (!(c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670)) return true;
  }
  return false;
}

let lastWhole: { text: string; tokens: Token[] } | null = null;

/**
 * Tokens of text[from, to). The tokens of a whole article are kept for the next caller (the
 * statements and entities stages tokenise the same text): treat the array as read-only.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const whole = from === 0 && to === text.length;
  if (whole && lastWhole?.text === text) return lastWhole.tokens;
  const out = tokenizeRange(text, from, to);
  if (whole) lastWhole = { text, tokens: out };
  return out;
}

function tokenizeRange(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  // A whole text is normalised once and tokens take slices of it; a fragment normalises per word.
  const nt = from === 0 && to === text.length && text.length > 200 ? normalizeWithMap(text) : null;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (k & SPACE) { i++; continue; }
    let j = i + 1;
    const word = (k & WORD) !== 0;
    if (word) while (j < to && isWordCode(text.charCodeAt(j))) j++;
    else if (c >= 0xd800 && c <= 0xdbff && j < to) j++; // keep a surrogate pair together
    const t = text.slice(i, j);
    const n = !word ? t : nt ? nt.text.slice(nt.inv[i], nt.inv[j]) : norm(t);
    out.push({ start: i, end: j, text: t, n, base: word ? stripConj(n) : n, word: word && hasLetter(text, i, j), m: -1, v: undefined, c: undefined });
    i = j;
  }
  return out;
}

/** Drop a leading و/ف conjunction: «وقال» → «قال», but not from «وزير» or «فؤاد» (checked by callers via lexicons). */
export function stripConj(n: string): string {
  return (n.startsWith('و') || n.startsWith('ف')) && n.length > 3 ? n.slice(1) : n;
}

/** Number of words (runs of letters and digits) in a string. */
export function wordCount(s: string): number {
  let n = 0, inWord = false;
  for (let i = 0; i < s.length; i++) {
    const w = isWordCode(s.charCodeAt(i));
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}
