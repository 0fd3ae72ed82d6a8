// A large benchmark corpus (up to millions of articles) resampled from the real SaudiNewsNet
// articles, for benchmarks of ingest at scale. Each article keeps a real article's title, byline
// and lede and goes on with whole real paragraphs of the same outlet; no part outweighs the rest and
// no two articles hold two parts in common, so each reads as real news yet none near-duplicates another.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import { corpus } from './common.mjs';

/** A paragraph shorter than this is a subhead or a dateline, not body text to resample. */
const MIN_PARA_WORDS = 15;
/** Longer paragraphs (often a whole article without line breaks) are cut into sentence groups. */
const MAX_PARA_WORDS = 250;
/** The most of the real lede kept: the opening sentences, where the speaker and quote are. */
const LEDE_MAX_WORDS = 60;
const LEDE_MIN_WORDS = 12;
/** The lede's share of a short article's length, before balancing. */
const LEDE_SHARE = 0.3;
/** Characters per word of the real text, spaces included, to turn lengths into word counts. */
const CHARS_PER_WORD = 6;
/**
 * Paragraphs from other articles added to a lede: as many as the length drawn needs (3-4 at the
 * median); up to 10, so that the long tail of real lengths is kept too.
 */
const MIN_EXTRAS = 2;
const MAX_EXTRAS = 10;
/** Random paragraphs looked at for each one added; the one nearest the length wanted is taken. */
const CANDIDATES = 4;
/** An outlet with fewer paragraphs than this draws the missing share from all outlets. */
const POOL_MIN = 3000;
/** 2^28 bits (32 MB) for the pairs of parts already used together: 1M articles set ~15M of them. */
const PAIR_BITS = 28;
/**
 * No part of an article (its lede with the lines above it, or one added paragraph) may hold more
 * than this share of its words, and no two articles hold two parts in common; two articles then
 * overlap by at most 0.35 / (2 - 0.35) ≈ 0.21 in Jaccard terms, far below the near-duplicate
 * threshold.
 */
const MAX_SHARE = 0.35;
/**
 * zlib's default level 6 compresses this text at ~14 MB/s here, well below the generator; level 4
 * runs three times faster for a file ~6% larger.
 */
const GZIP_LEVEL = 4;
/** Dates are spread over these days (UTC), so the store sees many years, not three weeks of 2015. */
const FIRST_DAY = Date.UTC(2012, 0, 1);
const DAYS = Math.round((Date.UTC(2024, 11, 31) - FIRST_DAY) / 86_400_000) + 1;

/** mulberry32: a tiny, fast, seeded PRNG; the same seed gives the same corpus. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of a text: runs of non-space (as \s means it), counted without building arrays. */
function wordCount(s) {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The characters `\s` matches. */
function isSpace(c) {
  if (c < 160) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Sentences of a paragraph: split after a full stop, question or exclamation mark. */
const sentences = (p) => p.split(/(?<=[.!?؟])\s+/).filter(Boolean);

/** Clauses of a long sentence: split after an Arabic or Latin comma, semicolon or colon. */
const clauses = (s) => s.split(/(?<=[،,؛;:])\s+/).filter(Boolean);

/**
 * The opening of `p` in at most `max` words: whole sentences, then the opening clauses of the next
 * one, ended with a full stop. When that is too short to be a lede, the opening in twice as many
 * words, up to LEDE_MAX_WORDS; beyond, the first words and an ellipsis.
 */
function opening(p, max) {
  if (wordCount(p) <= max) return p;
  const out = [];
  let words = 0;
  for (const s of sentences(p)) {
    const w = wordCount(s);
    if (words + w <= max) {
      out.push(s);
      words += w;
      continue;
    }
    const cs = [];
    for (const c of clauses(s)) {
      const cw = wordCount(c);
      if (words + cw > max) break;
      cs.push(c);
      words += cw;
    }
    if (cs.length) out.push(`${cs.join(' ').replace(/[\s،,؛;:]+$/, '')}.`);
    break;
  }
  if (words >= Math.min(LEDE_MIN_WORDS, max)) return out.join(' ');
  // Too little fits: rather a longer lede (the caller balances it) than a cut mid-clause.
  if (max < LEDE_MAX_WORDS) return opening(p, Math.min(LEDE_MAX_WORDS, max * 2));
  return `${p.split(/\s+/).filter(Boolean).slice(0, max).join(' ')}…`;
}

/** A paragraph as pool pieces of at most MAX_PARA_WORDS words, cut between sentences where it can. */
function pieces(p) {
  if (wordCount(p) <= MAX_PARA_WORDS) return [p];
  const out = [];
  let cur = [];
  let words = 0;
  const flush = () => {
    if (cur.length) out.push(cur.join(' '));
    cur = [];
    words = 0;
  };
  const units = sentences(p).flatMap((s) => (wordCount(s) <= MAX_PARA_WORDS ? [s] : clauses(s)));
  for (const u of units) {
    const ws = u.split(/\s+/).filter(Boolean);
    // A clause still too long (no punctuation at all) is cut at words.
    for (let i = 0; i < ws.length; i += MAX_PARA_WORDS) {
      const chunk = i === 0 && ws.length <= MAX_PARA_WORDS ? u : ws.slice(i, i + MAX_PARA_WORDS).join(' ');
      const w = Math.min(MAX_PARA_WORDS, ws.length - i);
      if (words + w > MAX_PARA_WORDS * 0.8 && words >= MIN_PARA_WORDS) flush();
      cur.push(chunk);
      words += w;
    }
  }
  flush();
  // A short tail reads better joined to the piece before it than as a paragraph of its own.
  if (out.length > 1 && wordCount(out[out.length - 1]) < MIN_PARA_WORDS) {
    const tail = out.pop();
    out[out.length - 1] += ` ${tail}`;
  }
  return out;
}

/**
 * @typedef {object} Base A real article whose title, byline and lede open generated ones.
 * @property {number} outlet index into Real.outlets
 * @property {string} title
 * @property {string} author
 * @property {string[]} head short lines above the lede (a subhead, a dateline), at most two
 * @property {string} lede the first body paragraph, whole (clipped when used)
 * @property {string} opening the lede clipped to LEDE_MAX_WORDS
 *
 * @typedef {object} Outlet
 * @property {string} name the real outlet name (the `source` field)
 * @property {Uint32Array} pool its body paragraphs, as indexes into Real.paras
 * @property {Int32Array} lengths content lengths (characters) of its real articles, for target lengths
 * @property {number} meanChars the mean length of its paragraphs
 *
 * @typedef {object} Real
 * @property {Base[]} bases
 * @property {Outlet[]} outlets
 * @property {string[]} paras body paragraphs of all outlets, each once (wire copies are shared)
 * @property {Uint16Array} words the word count of each paragraph
 * @property {Int32Array} part the part each paragraph (then each base's lede, at paras.length + base)
 *   counts as: near-identical texts are one part
 */

/** @type {Map<string, Promise<Real>>} */
const loaded = new Map();

/** The real corpus read once into bases and per-outlet paragraph pools (memoised per path). */
export function loadReal(path = corpus) {
  let real = loaded.get(path);
  if (!real) {
    loaded.set(path, (real = readReal(path)));
    real.catch(() => loaded.delete(path)); // a corpus put in place later is read then
  }
  return real;
}

/** @returns {Promise<Real>} */
async function readReal(path) {
  if (!existsSync(path)) throw new Error(`the real corpus ${path} is not there; put the shared/ folder beside the project.`);
  /** @type {Map<string, {index: number, pool: Set<number>, lengths: number[]}>} */
  const outlets = new Map();
  /** @type {Base[]} */
  const bases = [];
  const ledes = new Set();
  /** @type {string[]} */
  const all = [];
  /** @type {Map<number, number>} a paragraph's folded key → its index in `all` */
  const ids = new Map();
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (typeof r.content !== 'string' || !r.content.trim()) continue; // 354 records have no text
    const name = String(r.source ?? '');
    let o = outlets.get(name);
    if (!o) outlets.set(name, (o = { index: outlets.size, pool: new Set(), lengths: [] }));
    o.lengths.push(r.content.length);
    const paras = r.content.split('\n').map((p) => p.trim()).filter(Boolean);
    const first = paras.findIndex((p) => wordCount(p) >= MIN_PARA_WORDS);
    if (first < 0) continue; // only short lines (a listing): nothing to open an article with
    // Real articles that repeat one another (551 same contents, more that open the same way) give one base.
    const key = foldKey(paras[first].slice(0, 200));
    if (!ledes.has(key)) {
      ledes.add(key);
      const head = paras.slice(0, Math.min(first, 2));
      const lede = paras[first];
      const title = String(r.title ?? '');
      const author = String(r.author ?? '');
      bases.push({ outlet: o.index, title, author, head, lede, opening: opening(lede, LEDE_MAX_WORDS) });
    }
    for (let i = first; i < paras.length; i++) {
      if (wordCount(paras[i]) < MIN_PARA_WORDS) continue; // subheads and furniture are not resampled
      const ps = pieces(paras[i]);
      // The lede's own opening stays with the lede; its later sentences are body text.
      for (const p of i === first ? ps.slice(1) : ps) {
        if (wordCount(p) < MIN_PARA_WORDS) continue;
        // One paragraph that several outlets carry (a wire story) is one part, in each one's pool.
        const k = foldKey(p);
        let id = ids.get(k);
        if (id === undefined) ids.set(k, (id = all.push(p) - 1));
        o.pool.add(id);
      }
    }
  }
  if (!bases.length) throw new Error(`the real corpus ${path} holds no article with text.`);
  const list = [...outlets.entries()].sort((a, b) => a[1].index - b[1].index);
  const meanChars = all.reduce((n, p) => n + p.length, 0) / all.length;
  return {
    bases,
    paras: all,
    words: Uint16Array.from(all, (p) => Math.min(65535, wordCount(p))),
    part: parts([...all, ...bases.map((b) => b.opening)]),
    outlets: list.map(([name, o]) => {
      const pool = Uint32Array.from(o.pool);
      const chars = pool.reduce((n, i) => n + all[i].length, 0);
      return { name, pool, lengths: Int32Array.from(o.lengths), meanChars: pool.length ? chars / pool.length : meanChars };
    }),
  };
}

/** "YYYY-MM-DD HH:MM:SS" for a random second of a random day in 2012–2024. */
function randomDate(rng) {
  const ms = FIRST_DAY + Math.floor(rng() * DAYS) * 86_400_000 + Math.floor(rng() * 86_400) * 1000;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A 52-bit fingerprint of a text (two 32-bit FNV-1a variants over its UTF-16 units), to refuse a
 * second article with exactly the same content; a chance collision only costs a redraw.
 */
function fingerprint(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 12) * 0x100000000 + (b >>> 0);
}

/**
 * The fingerprint of a paragraph's letters and digits only: copies that differ in spacing,
 * punctuation, quotes, tatweel or short vowels are one paragraph.
 */
function foldKey(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? !((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) : isMark(c)) continue;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 12) * 0x100000000 + (b >>> 0);
}

/** Non-ASCII punctuation, spaces and marks that do not change what a paragraph says. */
function isMark(c) {
  return (
    c === 0xa0 || c === 0xab || c === 0xbb || c === 0x60c || c === 0x61b || c === 0x61f || c === 0x640 ||
    (c >= 0x64b && c <= 0x65f) || c === 0x670 || c === 0x6d4 || (c >= 0x2000 && c <= 0x206f) || c === 0xfeff
  );
}

/**
 * Near-identical texts (one statement in two outlets' words, a wire story lightly edited) grouped
 * into parts, so that the pairs check treats them as one: MinHash signatures over folded word
 * 3-shingles, banded (16 bands of 3 rows), and candidates whose signatures agree on at least half
 * their positions joined (union-find). Returns each text's part: the index of one of its group.
 * @param {string[]} texts
 */
function parts(texts) {
  const H = 48;
  const ROWS = 3;
  const seeds = Uint32Array.from({ length: H }, (_, k) => mix(Math.imul(k + 1, 0x9e3779b9)));
  const sigs = new Uint32Array(texts.length * H).fill(0xffffffff);
  /** @type {number[]} */
  const tokens = [];
  texts.forEach((text, t) => {
    // Word hashes over letters and digits only, as foldKey reads them.
    tokens.length = 0;
    let h = 0x811c9dc5;
    let letters = false;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      if (isSpace(c)) {
        if (letters) tokens.push(h);
        h = 0x811c9dc5;
        letters = false;
      } else if (c < 0x80 ? (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) : !isMark(c)) {
        h = Math.imul(h ^ c, 0x01000193);
        letters = true;
      }
    }
    const sig = sigs.subarray(t * H, t * H + H);
    for (let i = 0; i + 3 <= tokens.length; i++) {
      const sh = mix(Math.imul(mix(Math.imul(tokens[i], 31) ^ tokens[i + 1]), 31) ^ tokens[i + 2]);
      for (let k = 0; k < H; k++) {
        // The shingle hash is already mixed: one multiply per hash function is enough here.
        const v = Math.imul(sh ^ seeds[k], 0x2c1b3c6d) >>> 0;
        if (v < sig[k]) sig[k] = v;
      }
    }
  });
  const up = Int32Array.from(texts, (_, i) => i);
  const find = (i) => {
    while (up[i] !== i) i = up[i] = up[up[i]];
    return i;
  };
  const similar = (a, b) => {
    let same = 0;
    for (let k = 0; k < H; k++) if (sigs[a * H + k] === sigs[b * H + k]) same++;
    return same >= H / 2;
  };
  // Per band: sort the texts by the band's hash (above 21 bits of text index, so texts.length must
  // stay below 2^21); runs of one hash are the candidates.
  const keyed = new Float64Array(texts.length);
  for (let band = 0; band < H / ROWS; band++) {
    for (let t = 0; t < texts.length; t++) {
      let h = band;
      for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h, 31) ^ sigs[t * H + band * ROWS + r]);
      keyed[t] = h * 2 ** 21 + t;
    }
    keyed.sort();
    for (let i = 0; i < keyed.length; ) {
      const h = Math.floor(keyed[i] / 2 ** 21);
      let j = i + 1;
      while (j < keyed.length && Math.floor(keyed[j] / 2 ** 21) === h) j++;
      // A run of texts with no 3-shingles at all (all-max signatures) is not a similarity.
      const first = keyed[i] % 2 ** 21;
      if (sigs[first * H] !== 0xffffffff) {
        // Each against the run's first few is enough to join a group; a huge run is a common phrase.
        for (let a = i; a < Math.min(j, i + 8); a++) {
          for (let b = a + 1; b < j; b++) {
            const x = keyed[a] % 2 ** 21;
            const y = keyed[b] % 2 ** 21;
            if (find(x) !== find(y) && similar(x, y)) up[find(x)] = find(y);
          }
        }
      }
      i = j;
    }
  }
  return up.map((_, i) => find(i));
}

/** murmur3's finaliser: a well-mixed 32-bit permutation. */
function mix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Which pairs of parts (a base's lede, a pool paragraph) some article already holds together: a
 * bitset over a hash of the pair, so memory stays fixed however many articles are made. A hash
 * collision only refuses a pair that was free.
 */
class PairSet {
  bits = new Uint32Array(1 << (PAIR_BITS - 5));

  static #index(a, b) {
    return mix(Math.imul(Math.min(a, b), 0x9e3779b1) ^ Math.max(a, b)) >>> (32 - PAIR_BITS);
  }

  has(a, b) {
    const i = PairSet.#index(a, b);
    return (this.bits[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  add(a, b) {
    const i = PairSet.#index(a, b);
    this.bits[i >>> 5] |= 1 << (i & 31);
  }
}

/**
 * The parts of one article: the base's lede, then paragraphs sized so that the article's length is
 * one drawn from the outlet's real articles, balanced so that no part holds more than MAX_SHARE of
 * the words, and never two parts that another article already holds together.
 * @param {Real} real
 * @param {number} b the base's index
 * @param {PairSet} pairs
 * @param {() => number} rng
 * @returns {{lede: string, picked: number[]}} picked: indexes into real.paras
 */
function compose(real, b, pairs, rng) {
  const int = (n) => Math.floor(rng() * n);
  const { paras, words, part } = real;
  const base = real.bases[b];
  const outlet = real.outlets[base.outlet];
  const ledePart = part[paras.length + b];
  const target = outlet.lengths[int(outlet.lengths.length)];
  const headWords = base.head.reduce((n, h) => n + wordCount(h), 0);
  const headChars = base.head.reduce((n, h) => n + h.length + 1, 0);
  // A short article gets a short lede, so that the lede does not outweigh the rest.
  const cap = Math.max(LEDE_MIN_WORDS, Math.min(LEDE_MAX_WORDS, Math.round((LEDE_SHARE * target) / CHARS_PER_WORD)));
  let lede = cap === LEDE_MAX_WORDS ? base.opening : opening(base.lede, cap);
  let ledeWords = wordCount(lede);
  const rest = Math.max(0, target - headChars - lede.length);
  const count = Math.min(MAX_EXTRAS, Math.max(MIN_EXTRAS, Math.round(rest / outlet.meanChars)));
  const want = rest / count;
  // An outlet with few paragraphs of its own (a sports site, the news agency) borrows the rest from
  // all outlets; otherwise its paragraphs would meet each other in too many articles.
  const { pool } = outlet;
  const own = Math.min(1, pool.length / POOL_MIN);

  /** @type {number[]} */
  const picked = [];
  let extraWords = 0;
  const free = (i) => {
    const p = part[i];
    if (p === ledePart || pairs.has(ledePart, p)) return false;
    for (const j of picked) if (part[j] === p || pairs.has(p, part[j])) return false;
    return true;
  };
  /** The one of a few free random paragraphs nearest a length; -1 if none is free. */
  const draw = (size) => {
    let best = -1;
    for (let tries = 0, found = 0; tries < 64 && found < CANDIDATES; tries++) {
      const i = rng() < own ? pool[int(pool.length)] : int(paras.length);
      if (paras[i] === base.lede || !free(i)) continue;
      found++;
      if (best < 0 || Math.abs(paras[i].length - size) < Math.abs(paras[best].length - size)) best = i;
    }
    return best;
  };
  const add = (size) => {
    const i = draw(size);
    if (i < 0) return false;
    picked.push(i);
    extraWords += words[i];
    return true;
  };
  while (picked.length < count) if (!add(want)) break;

  // Balance: the shared lede shrinks to its share; a dominant added paragraph is outweighed by
  // another one, or replaced by a shorter one when the article has all it may have.
  for (let round = 0; round < 16; round++) {
    const total = headWords + ledeWords + extraWords;
    if (headWords + ledeWords > MAX_SHARE * total) {
      const ledeMax = Math.floor((MAX_SHARE / (1 - MAX_SHARE)) * extraWords) - headWords;
      if (ledeMax >= LEDE_MIN_WORDS && ledeMax < ledeWords) {
        const shorter = opening(base.lede, ledeMax);
        const w = wordCount(shorter);
        if (w < ledeWords) {
          lede = shorter;
          ledeWords = w;
          continue;
        }
      }
      // No shorter lede that ends well: more paragraphs outweigh it.
      if (picked.length < MAX_EXTRAS && add(want)) continue;
      break;
    }
    let big = 0;
    for (let k = 1; k < picked.length; k++) if (words[picked[k]] > words[picked[big]]) big = k;
    if (!picked.length || words[picked[big]] <= MAX_SHARE * total) break;
    if (picked.length < MAX_EXTRAS) {
      if (!add(want)) break;
    } else {
      const j = draw(want / 2);
      if (j < 0) break;
      extraWords += words[j] - words[picked[big]];
      picked[big] = j;
    }
  }
  return { lede, picked };
}

/**
 * n benchmark articles, with the SaudiNewsNet fields (source, url, date_extracted, title, author,
 * content). Bases are taken in shuffled rounds, so every real article opens as many generated
 * ones as any other (n / 28,800 or so each), and within a round no two articles share a lede.
 * @param {number} n
 * @param {{seed?: number, corpus?: string, first?: number}} [opts] `corpus`: the real corpus (default: the shared
 *   one); `first`: the number in the first article's address (default 0), so that a corpus of more
 *   articles for a store filled from another has addresses of its own
 * @returns {AsyncGenerator<{source: string, url: string, date_extracted: string, title: string, author: string, content: string}>}
 */
export async function* generate(n, { seed = 1, corpus: path = corpus, first = 0 } = {}) {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`n must be a non-negative integer, not ${n}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, not ${seed}`);
  if (!Number.isSafeInteger(first) || first < 0) throw new Error(`first must be a non-negative integer, not ${first}`);
  const real = await loadReal(path);
  const { bases, outlets, paras, part } = real;
  const rng = mulberry32(seed);
  const order = Uint32Array.from(bases, (_, i) => i);
  const pairs = new PairSet();
  const seen = new Set();
  for (let i = 0; i < n; i++) {
    const round = i % order.length;
    if (round === 0) {
      // Fisher–Yates: a new order of the bases for each round.
      for (let k = order.length - 1; k > 0; k--) {
        const j = Math.floor(rng() * (k + 1));
        [order[k], order[j]] = [order[j], order[k]];
      }
    }
    const b = order[round];
    const base = bases[b];
    let made = compose(real, b, pairs, rng);
    let content = [...base.head, made.lede, ...made.picked.map((k) => paras[k])].join('\n');
    let print = fingerprint(content);
    // An exact repeat cannot pass the pairs check unless the pair set is full; were it, draw again.
    for (let tries = 0; seen.has(print) && tries < 100; tries++) {
      made = compose(real, b, pairs, rng);
      content = [...base.head, made.lede, ...made.picked.map((k) => paras[k])].join('\n');
      print = fingerprint(content);
    }
    seen.add(print);
    // Record which parts this article holds together, so that no later article holds two of them.
    const ids = [part[paras.length + b], ...made.picked.map((k) => part[k])];
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) pairs.add(ids[x], ids[y]);
    const outlet = outlets[base.outlet];
    yield {
      source: outlet.name,
      url: `https://bench.rasd.invalid/${encodeURIComponent(outlet.name)}/${first + i}`,
      date_extracted: randomDate(rng),
      title: base.title,
      author: base.author,
      content,
    };
  }
}

/**
 * Writes n generated articles to `path` as gzipped JSON Lines. The gzip stream's backpressure
 * paces the generator, so memory holds the real corpus and a few chunks, never the output. The
 * file appears under its name only when complete.
 * @param {string} path
 * @param {number} n
 * @param {{seed?: number, corpus?: string, first?: number}} [opts]
 * @returns {Promise<{records: number, bytes: number}>} bytes: the size of the gzipped file
 */
export async function write(path, n, opts = {}) {
  let records = 0;
  async function* chunks() {
    // Lines batched into strings of ~128K characters: fewer, larger writes into gzip.
    let buf = '';
    for await (const r of generate(n, opts)) {
      buf += `${JSON.stringify(r)}\n`;
      records++;
      if (buf.length >= 1 << 17) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  const partial = `${path}.partial`;
  try {
    await pipeline(Readable.from(chunks()), createGzip({ level: GZIP_LEVEL, chunkSize: 1 << 18 }), createWriteStream(partial));
    await rename(partial, path);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
  return { records, bytes: (await stat(path)).size };
}

/** `node bench/corpus-gen.mjs --n 1000000 --seed 1 -o out.jsonl.gz` */
async function main(argv) {
  const fail = (message) => {
    console.error(`corpus-gen: ${message}`);
    process.exit(1);
  };
  /** @type {Record<string, string>} */
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const name = { '--n': 'n', '--seed': 'seed', '-o': 'out', '--out': 'out' }[argv[i]];
    if (!name) fail(`unknown argument ${JSON.stringify(argv[i])}; usage: node bench/corpus-gen.mjs --n <count> [--seed <int>] -o <out.jsonl.gz>`);
    if (i + 1 >= argv.length || /^(--n|--seed|-o|--out)$/.test(argv[i + 1])) fail(`${argv[i]} needs a value`);
    args[name] = argv[++i];
  }
  if (!args.out) fail('missing -o <out.jsonl.gz>: where to write the corpus');
  if (args.n === undefined) fail('missing --n <count>: how many articles to write');
  const n = Number(args.n);
  if (!/^\d+$/.test(args.n) || !Number.isSafeInteger(n) || n <= 0) fail(`--n must be a positive integer, not ${JSON.stringify(args.n)}`);
  const seed = args.seed === undefined ? 1 : Number(args.seed);
  if (args.seed !== undefined && (!/^-?\d+$/.test(args.seed) || !Number.isSafeInteger(seed))) fail(`--seed must be an integer, not ${JSON.stringify(args.seed)}`);
  if (!existsSync(corpus)) fail(`the real corpus ${corpus} is not there; put the shared/ folder beside the project.`);
  if (!existsSync(dirname(resolve(args.out)))) fail(`cannot write ${args.out}: its folder ${dirname(resolve(args.out))} does not exist`);

  const start = performance.now();
  let result;
  try {
    result = await write(args.out, n, { seed });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
    return;
  }
  const seconds = (performance.now() - start) / 1000;
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `corpus-gen: ${result.records} records, ${result.bytes} bytes, ${seconds.toFixed(1)} s, ` +
      `${Math.round(result.records / seconds)} records/s, peak RSS ${Math.round(rss)} MB → ${args.out}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv.slice(2));
