// Near-duplicate detection: MinHash signatures over word shingles of the folded text, and
// locality-sensitive hashing (banding) to find candidate pairs without comparing every article
// with every other. Candidates are then checked by their exact shingle overlap, so the banding
// only has to be generous, never exact.
//
// 64 hash functions in 16 bands of 4 rows: two articles become candidates with probability
// 1 - (1 - J^4)^16, which is 0.5 at a Jaccard similarity J ≈ 0.5 and above 0.99 at J = 0.8, so
// every threshold from 0.6 up is found with high recall.
import { tokenize } from '../lang/ar/tokenize.js';

export const NUM_HASHES = 64;
export const BANDS = 16;
export const ROWS = NUM_HASHES / BANDS;
/** Words per shingle: three words keep the same story with edits similar, and different stories apart. */
export const SHINGLE_WORDS = 3;
/** Texts with fewer shingles than this are not compared: a headline-sized text says too little. */
export const MIN_SHINGLES = 8;

/** Seeds of the hash family, fixed so that signatures stored in a database stay comparable. */
const SEEDS = (() => {
  const s = new Uint32Array(NUM_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) s[i] = x = fmix32((x + 0x6d2b79f5) >>> 0);
  return s;
})();

/** murmur3's finaliser: a fast, well-mixed 32-bit permutation. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 units. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The distinct shingle hashes of a text (folded words, punctuation ignored). */
export function shingles(text: string): Uint32Array {
  // Each word is hashed once; a shingle's hash combines its words' hashes in order, so no
  // shingle string is ever built.
  const words: number[] = [];
  for (const t of tokenize(text)) if (t.word) words.push(fnv1a(t.n));
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE_WORDS; j++) h = fmix32(Math.imul(h ^ words[j]!, 0x01000193));
    set.add(h);
  }
  return Uint32Array.from(set);
}

/** The MinHash signature of a shingle set; null when the set is too small to compare. */
export function signature(sh: Uint32Array): Uint32Array | null {
  if (sh.length < MIN_SHINGLES) return null;
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (let j = 0; j < sh.length; j++) {
    const x = sh[j]!;
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = fmix32(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** One hash per band: articles that share any band hash are candidates. */
export function bandHashes(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[b * ROWS + r]!);
    out.push(h | 0); // signed 32-bit: stored as a small SQLite integer
  }
  return out;
}

/** The share of equal signature positions: an estimate of the Jaccard similarity. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

/** The exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (!a.length && !b.length) return 1;
  const set = new Set(a);
  let inter = 0;
  for (const x of b) if (set.has(x)) inter++;
  return inter / (a.length + b.length - inter);
}

export function toBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBlob(blob: Buffer): Uint32Array {
  const copy = new Uint8Array(blob); // aligned copy
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
