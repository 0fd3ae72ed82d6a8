// The article as the event extractor reads it: word offsets in the normalised text, a trie that
// finds trigger words without cutting the text into strings, sentences and clauses as word
// ranges, and clitic-aware lookups in cue lists.
//
// Speed matters here (budget 0.15 ms per 3 KB article): only the words of sentences with a
// trigger are ever sliced into strings, and each word's clitic readings are made once.
import { isWordChar } from '../../lang/ar/numbers.js';
import { CLAUSE_BREAKS, CUE_LISTS, TRIGGER_FORMS, type TriggerEntry } from '../../lang/ar/events-data.js';

/** Words of the normalised text; offsets are normalised offsets. */
export interface Words {
  n: string;
  s: Int32Array;
  e: Int32Array;
  count: number;
  /** The word (sliced on first use); undefined out of range. */
  word(k: number): string | undefined;
  /** Which cue lists word `k` is in, as two 31-bit masks (see `hasAt`); computed on first use. */
  cues: Int32Array;
  cuesDone: Uint8Array;
}

/** isWordChar as a table: one read per character on the hot path. */
const WORD = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < t.length; c++) t[c] = isWordChar(c) ? 1 : 0;
  return t;
})();

export function scanWords(n: string): Words {
  let s = new Int32Array(Math.max(16, n.length >> 2));
  let e = new Int32Array(s.length);
  let count = 0;
  let i = 0;
  const L = n.length;
  while (i < L) {
    if (!WORD[n.charCodeAt(i)]) { i++; continue; }
    let j = i + 1;
    while (j < L && WORD[n.charCodeAt(j)]) j++;
    if (count === s.length) {
      const s2 = new Int32Array(s.length * 2);
      const e2 = new Int32Array(s.length * 2);
      s2.set(s);
      e2.set(e);
      s = s2;
      e = e2;
    }
    s[count] = i;
    e[count++] = j;
    i = j;
  }
  const words: (string | undefined)[] = new Array(count);
  const S = s;
  const E = e;
  return {
    n, s: S, e: E, count,
    word: (k) => (k < 0 || k >= count ? undefined : (words[k] ??= n.slice(S[k]!, E[k]!))),
    cues: new Int32Array(count * 2),
    cuesDone: new Uint8Array(count),
  };
}

/** Index of the word that contains offset `off`, or of the last word before it (-1 if none). */
export function wordAt(W: Words, off: number): number {
  let lo = 0;
  let hi = W.count - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (W.s[mid]! <= off) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

/**
 * A word without its clitics, in every way it can be read: «وبالهجوم» → وبالهجوم، بالهجوم،
 * الهجوم، هجوم. Only for cutting printed clitics off a word; cue lists already hold every
 * clitic shape (events-data.ts), so lookups do not need it.
 */
export function variants(w: string): string[] {
  const out = [w];
  let x = w;
  if ((x.charCodeAt(0) === 0x648 || x.charCodeAt(0) === 0x641) && x.length >= 3) out.push((x = x.slice(1)));
  const c = x.charCodeAt(0);
  if ((c === 0x628 || c === 0x644 || c === 0x643) && x.length >= 3) out.push(x.slice(1));
  for (let k = 0, len = out.length; k < len; k++) {
    const y = out[k]!;
    if (y.charCodeAt(0) === 0x627 && y.charCodeAt(1) === 0x644 && y.length >= 4) out.push(y.slice(2));
  }
  return out;
}

/** True when `w` is in the cue list `set` (cue lists hold every clitic shape). */
export function has(set: ReadonlySet<string>, w: string | undefined): boolean {
  return w !== undefined && set.has(w);
}

// ---------- the cue index ----------
//
// Every word of every cue list, by a hash of its letters, with the lists it is in as a bit mask.
// A word of the article is hashed from the text itself, so no string is cut for the many words
// that are in no list; a hit is confirmed letter by letter.

const BIT = new Map<ReadonlySet<string>, number>(CUE_LISTS.map((l, i) => [l, i]));
if (CUE_LISTS.length > 62) throw new Error('the cue index holds 62 lists; split it');

function hashOf(n: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ n.charCodeAt(i), 0x01000193);
  return h | 0;
}

interface CueWord {
  w: string;
  lo: number;
  hi: number;
}
const CUE_INDEX = (() => {
  const byWord = new Map<string, CueWord>();
  CUE_LISTS.forEach((list, i) => {
    for (const w of list) {
      let x = byWord.get(w);
      if (!x) byWord.set(w, (x = { w, lo: 0, hi: 0 }));
      if (i < 31) x.lo |= 1 << i;
      else x.hi |= 1 << (i - 31);
    }
  });
  const index = new Map<number, CueWord[]>();
  for (const x of byWord.values()) {
    const h = hashOf(x.w, 0, x.w.length);
    const bucket = index.get(h);
    if (bucket) bucket.push(x);
    else index.set(h, [x]);
  }
  return index;
})();

function sameLetters(n: string, s: number, e: number, w: string): boolean {
  if (e - s !== w.length) return false;
  for (let i = 0; i < w.length; i++) if (n.charCodeAt(s + i) !== w.charCodeAt(i)) return false;
  return true;
}

function cueMasks(W: Words, k: number): void {
  W.cuesDone[k] = 1;
  const s = W.s[k]!;
  const e = W.e[k]!;
  const bucket = CUE_INDEX.get(hashOf(W.n, s, e));
  if (!bucket) return;
  for (const x of bucket) {
    if (!sameLetters(W.n, s, e, x.w)) continue;
    W.cues[2 * k] = x.lo;
    W.cues[2 * k + 1] = x.hi;
    return;
  }
}

/** True when word `k` is in `set` (a cue list: one hashed lookup per word, whatever the list). */
export function hasAt(W: Words, set: ReadonlySet<string>, k: number): boolean {
  if (k < 0 || k >= W.count) return false;
  const bit = BIT.get(set);
  if (bit === undefined) return set.has(W.word(k)!);
  if (!W.cuesDone[k]) cueMasks(W, k);
  return bit < 31 ? (W.cues[2 * k]! & (1 << bit)) !== 0 : (W.cues[2 * k + 1]! & (1 << (bit - 31))) !== 0;
}

/** The value of word `k` in `map`, if any. */
export function lookupAt<T>(W: Words, map: ReadonlyMap<string, T>, k: number): T | undefined {
  const w = W.word(k);
  return w === undefined ? undefined : map.get(w);
}

/** How many leading characters of word `k` are clitics: «بشمال» → 1 when «شمال» is in the cue list. */
export function cliticLength(W: Words, cues: ReadonlySet<string>, k: number): number {
  const w = W.word(k)!;
  let shortest = w;
  for (const v of variants(w)) if (cues.has(v) && v.length < shortest.length && w.endsWith(v)) shortest = v;
  return w.length - shortest.length;
}

// ---------- the trigger trie ----------

const A0 = 0x621; // first Arabic letter in normalised text (ء)
const SLOTS = 0x64a - A0 + 1; // to ي

/**
 * Trigger forms as a trie over letter codes: `next[node * SLOTS + letter]`; at a form's last
 * node its entries, and separately its noun entries (the only ones a word with ب/ل/ك/ال can be).
 */
const TRIE = (() => {
  const next: number[] = [];
  const ends: (readonly TriggerEntry[] | undefined)[] = [];
  const nounEnds: (readonly TriggerEntry[] | undefined)[] = [];
  const node = () => {
    for (let k = 0; k < SLOTS; k++) next.push(0);
    ends.push(undefined);
    nounEnds.push(undefined);
    return ends.length - 1;
  };
  node(); // root = 0; 0 also means "no child" (the root is never a child)
  for (const [form, entries] of TRIGGER_FORMS) {
    let p = 0;
    for (let i = 0; i < form.length; i++) {
      const slot = form.charCodeAt(i) - A0;
      if (slot < 0 || slot >= SLOTS) throw new Error(`trigger form «${form}» has a character outside the Arabic letters`);
      let q = next[p * SLOTS + slot]!;
      if (!q) {
        q = node();
        next[p * SLOTS + slot] = q;
      }
      p = q;
    }
    ends[p] = entries;
    const nouns = entries.filter((x) => x.pos === 'noun');
    nounEnds[p] = nouns.length ? nouns : undefined;
  }
  return { next: Int32Array.from(next), ends, nounEnds };
})();

/**
 * The last three letters of every trigger form, as a bitmap: 88% of the words of a news article
 * end otherwise and are rejected with one read, before any walk in the trie.
 */
const ENDINGS = (() => {
  const t = new Uint8Array(SLOTS * SLOTS * SLOTS);
  for (const form of TRIGGER_FORMS.keys()) {
    const k = form.length;
    t[((form.charCodeAt(k - 3) - A0) * SLOTS + form.charCodeAt(k - 2) - A0) * SLOTS + form.charCodeAt(k - 1) - A0] = 1;
  }
  return t;
})();

/** False when word [s, e) cannot be a trigger: too short, or an ending no trigger form has. */
export function mayBeTrigger(n: string, s: number, e: number): boolean {
  if (e - s < 3) return false;
  const a = n.charCodeAt(e - 3) - A0;
  const b = n.charCodeAt(e - 2) - A0;
  const c = n.charCodeAt(e - 1) - A0;
  if (a < 0 || a >= SLOTS || b < 0 || b >= SLOTS || c < 0 || c >= SLOTS) return false;
  return ENDINGS[(a * SLOTS + b) * SLOTS + c] === 1;
}

/** The trie node that letters [from, to) of `n` lead to, or 0. */
function walk(n: string, from: number, to: number): number {
  if (to - from < 2) return 0;
  let p = 0;
  for (let i = from; i < to; i++) {
    const slot = n.charCodeAt(i) - A0;
    if (slot < 0 || slot >= SLOTS) return 0;
    p = TRIE.next[p * SLOTS + slot]!;
    if (!p) return 0;
  }
  return p;
}

export interface TriggerHit {
  entries: readonly TriggerEntry[];
  /** The word carried the article («الهجوم»، «للقاء»). */
  definite: boolean;
  /** Length of the clitics before the form, in normalised characters. */
  prefix: number;
}

const WAW = 0x648, FA = 0x641, BA = 0x628, LAM = 0x644, KAF = 0x643, ALEF = 0x627;

/**
 * The trigger that word [s, e) of `n` is, read past its clitics: و/ف, then ب/ل/ك, then ال
 * (ل + ال is «لل»). Verbs take only و/ف. The whole word is tried first («فجر» before ف + جر).
 */
export function triggerAt(n: string, s: number, e: number): TriggerHit | null {
  const r = afterConjunction(n, s, e, s);
  if (r) return r;
  const c0 = n.charCodeAt(s);
  return (c0 === WAW || c0 === FA) && e - s > 3 ? afterConjunction(n, s + 1, e, s) : null;
}

function afterConjunction(n: string, q: number, e: number, s: number): TriggerHit | null {
  const p = walk(n, q, e);
  if (p && TRIE.ends[p]) return { entries: TRIE.ends[p]!, definite: false, prefix: q - s };
  const c = n.charCodeAt(q);
  const c1 = n.charCodeAt(q + 1);
  if ((c === ALEF || c === LAM) && c1 === LAM) {
    const r = noun(n, q + 2, e, s, true); // الهجوم، للهجوم
    if (r) return r;
  }
  if (c === BA || c === LAM || c === KAF) {
    if (c1 === ALEF && n.charCodeAt(q + 2) === LAM) {
      const r = noun(n, q + 3, e, s, true); // بالهجوم
      if (r) return r;
    }
    return noun(n, q + 1, e, s, false); // بهجوم
  }
  return null;
}

function noun(n: string, from: number, e: number, s: number, definite: boolean): TriggerHit | null {
  const p = walk(n, from, e);
  const entries = p ? TRIE.nounEnds[p] : undefined;
  return entries ? { entries, definite, prefix: from - s } : null;
}

// ---------- sentences and clauses ----------

/** A range of words [a, b). */
export interface Range {
  a: number;
  b: number;
}

/** A clause: a range of words inside sentence number `sent`. */
export interface Clause extends Range {
  sent: number;
}

/** First letters of clause-break words with their clitics (و ف ب ل ا ح), to skip the rest cheaply. */
const BREAK_FIRST = new Set([...CLAUSE_BREAKS].flatMap((w) => [w.charCodeAt(0), WAW, FA, BA, LAM]));

/** : ؛ ; . ! ? ؟ and line breaks between two words end a clause. */
function hardBreak(n: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = n.charCodeAt(i);
    if (c === 0x3a || c === 0x61b || c === 0x3b || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x0a) return true;
  }
  return false;
}

/**
 * Clauses of a sentence: the reported words after «أن/إن» are their own clause, so are
 * contrasts («لكن»، «فيما»، «بينما») and anything after a colon, semicolon or full stop
 * (a quotation can hold several sentences). Commas do not break: lists of sites and
 * casualty figures run on with them.
 */
export function clauses(W: Words, sent: Range, sentIndex: number, inName: (i: number) => boolean): Clause[] {
  const out: Clause[] = [];
  let start = sent.a;
  for (let i = sent.a + 1; i < sent.b; i++) {
    // «وان» is «وأن» but also the end of «كي وان» (K1): not inside a name.
    const breakWord = W.e[i]! - W.s[i]! <= 6 && BREAK_FIRST.has(W.n.charCodeAt(W.s[i]!)) && hasAt(W, CLAUSE_BREAKS, i) && !inName(i);
    if (breakWord || hardBreak(W.n, W.e[i - 1]!, W.s[i]!)) {
      if (i > start) out.push({ a: start, b: i, sent: sentIndex });
      start = i;
    }
  }
  if (sent.b > start) out.push({ a: start, b: sent.b, sent: sentIndex });
  return out;
}
