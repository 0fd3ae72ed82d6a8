// Word tokeniser with offsets. Arabic attaches conjunctions (و ف), prepositions (ب ل ك) and the
// article (ال) to the word, so every token also carries `base`: the normalised form without a
// leading conjunction, which is what lexicon lookups use («وأضاف» → «اضاف»).
import { norm } from './normalize.js';

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
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const WORDCHAR = /[\p{L}\p{N}]/u;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const t = m[0];
    const n = norm(t);
    const word = WORDCHAR.test(t[0]!) || (t.length > 1 && WORDCHAR.test(t[1]!));
    out.push({ start: from + m.index, end: from + m.index + t.length, text: t, n, base: stripConj(n), word });
  }
  return out;
}

/** Drop a leading و/ف conjunction: «وقال» → «قال», but not from «وزير» or «فؤاد» (checked by callers via lexicons). */
export function stripConj(n: string): string {
  return (n.startsWith('و') || n.startsWith('ف')) && n.length > 3 ? n.slice(1) : n;
}

/** Candidate lexicon keys for a token: itself, without conjunction, without a preposition before ال. */
export function keys(n: string): string[] {
  const out = [n];
  const c = stripConj(n);
  if (c !== n) out.push(c);
  for (const w of [n, c]) {
    if (/^(?:ب|ل|ك)ال/.test(w)) out.push(w.slice(1));
    if (w.startsWith('لل')) out.push('ال' + w.slice(2));
  }
  return out;
}
