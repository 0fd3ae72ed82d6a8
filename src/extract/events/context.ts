// What the builders read besides the words: sentences, entity mentions and date mentions as word
// ranges, and the numbers of a clause. Built once per article that has a trigger.
import type { ArticleDoc, DateMention, Entity } from '../../core/types.js';
import type { NormText } from '../../lang/ar/normalize.js';
import { norm } from '../../lang/ar/normalize.js';
import { NUMBER_START_WORDS, scanNumberNorm, type NormNumber } from '../../lang/ar/numbers.js';
import { CITY_WORDS, COUNTRIES, PROVINCE_WORDS } from '../../lang/ar/events-data.js';
import { has, hasAt, wordAt, type Range, type Words } from './text.js';

/** An entity mention as a word range, with normalised offsets. */
export interface Mention extends Range {
  s: number;
  e: number;
  ent: Entity;
  /** For places: 4 facility, 3 town or district, 2 province or region, 1 country. */
  rank: number;
}

export interface DateRef extends Range {
  s: number;
  e: number;
  m: DateMention;
}

export interface NumRef extends Range {
  num: NormNumber;
}

export interface Ctx {
  doc: ArticleDoc;
  nt: NormText;
  W: Words;
  sentences: Range[];
  places: Mention[];
  actors: Mention[];
  dates: DateRef[];
  /** Long quotations (normalised), to keep a report's date off the events it quotes. */
  quotes: { s: number; e: number }[];
  numbers: Map<number, NumRef[]>;
  /** Words inside a name after its first word («وان» in «قاعدة كي وان»). */
  inName: (i: number) => boolean;
}

const PLACE_TYPES = new Set(['FAC', 'GPE', 'LOC']);
const ACTOR_TYPES = new Set(['PER', 'ORG', 'GPE']);

/**
 * The context of an article with triggers at words `trigs` (sorted). Entity mentions are read
 * only in the sentences with a trigger and the sentence before each (for «هذه الأخيرة»): most
 * of an article never needs them.
 */
export function makeContext(doc: ArticleDoc, nt: NormText, W: Words, trigs: readonly number[]): Ctx {
  const sentences = sentenceRanges(doc, nt, W);
  const windows = activeWindows(sentences, W, nt, trigs);
  const inWindow = (x: number) => {
    for (const [s, e] of windows) if (x >= s && x < e) return true;
    return false;
  };
  const toRange = (span: readonly [number, number]) => {
    const s = nt.inv[span[0]]!;
    const e = nt.inv[span[1]]!;
    const a = Math.max(0, wordAt(W, s));
    const b = Math.max(a + 1, wordAt(W, Math.max(s, e - 1)) + 1);
    return { s, e, a, b };
  };
  const places: Mention[] = [];
  const actors: Mention[] = [];
  const inner = new Uint8Array(W.count);
  for (const ent of doc.entities ?? []) {
    const place = PLACE_TYPES.has(ent.type);
    const actor = ACTOR_TYPES.has(ent.type);
    for (const span of ent.mentions) {
      if (span[1] <= span[0] || span[1] > doc.text.length || !inWindow(span[0])) continue;
      const r = toRange(span);
      for (let k = r.a + 1; k < r.b; k++) inner[k] = 1;
      if (place) places.push({ s: r.s, e: r.e, a: r.a, b: r.b, ent, rank: entityRank(ent) || mentionRank(ent, W, r.a) });
      if (actor) actors.push({ s: r.s, e: r.e, a: r.a, b: r.b, ent, rank: 0 });
    }
  }
  places.sort((x, y) => x.s - y.s);
  actors.sort((x, y) => x.s - y.s);
  // Lists are built by push, not by map/filter: optimised map makes holey arrays and interpreted
  // map packed ones, and code optimised for one kind is thrown away when the other comes.
  const dates: DateRef[] = [];
  for (const m of doc.dates ?? []) {
    if (!inWindow(m.span[0])) continue;
    const r = toRange(m.span);
    dates.push({ s: r.s, e: r.e, a: r.a, b: r.b, m });
  }
  dates.sort((x, y) => x.s - y.s);
  const quotes: { s: number; e: number }[] = [];
  for (const q of doc.quotes ?? []) if (q.inner[1] - q.inner[0] > 40) quotes.push({ s: nt.inv[q.inner[0]]!, e: nt.inv[q.inner[1]]! });
  return { doc, nt, W, sentences, places, actors, dates, quotes, numbers: new Map(), inName: (i) => inner[i] === 1 };
}

/** Original-text ranges of the sentences with a trigger, each with the sentence before it. */
function activeWindows(sentences: Range[], W: Words, nt: NormText, trigs: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let t = 0;
  sentences.forEach((r, i) => {
    while (t < trigs.length && trigs[t]! < r.a) t++;
    if (t >= trigs.length || trigs[t]! >= r.b) return;
    const from = sentences[Math.max(0, i - 1)]!.a;
    const s = nt.map[W.s[from]!]!;
    const e = nt.map[W.e[r.b - 1]!]!;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = e;
    else out.push([s, e]);
  });
  return out;
}

/**
 * How specific a place is: 4 facility, 3 town or district, 2 province or region, 1 country.
 * The gazetteer does not say city or province, so the words do. This is the part known from the
 * entity alone (0 when its mentions must tell); the result is kept per entity.
 */
const RANKS = new WeakMap<Entity, number>();
function entityRank(ent: Entity): number {
  let r = RANKS.get(ent);
  if (r !== undefined) return r;
  r = 0;
  const key = norm(ent.name);
  const first = key.split(' ')[0];
  if (ent.type === 'FAC') r = 4;
  else if (COUNTRIES.has(key) || (ent.type === 'GPE' && ent.aliases.some((x) => COUNTRIES.has(norm(x))))) r = 1;
  else if (has(PROVINCE_WORDS, first)) r = 2;
  else if (has(CITY_WORDS, first)) r = 3;
  RANKS.set(ent, r);
  return r;
}

/** «محافظة نينوى»، «مدينة الموصل» when the head noun is printed before the name. */
function mentionRank(ent: Entity, W: Words, a: number): number {
  if (hasAt(W, PROVINCE_WORDS, a - 1)) return 2;
  if (hasAt(W, CITY_WORDS, a - 1)) return 3;
  return ent.type === 'LOC' ? 2 : 3;
}

/** The segmenter's sentences as word ranges; without them, split at sentence punctuation. */
function sentenceRanges(doc: ArticleDoc, nt: NormText, W: Words): Range[] {
  let spans: [number, number][];
  if (doc.sentences?.length) {
    spans = [];
    for (const s of doc.sentences) spans.push([nt.inv[s[0]]!, nt.inv[s[1]]!]);
  } else spans = fallbackSentences(nt.text);
  const out: Range[] = [];
  let k = 0;
  for (const [s, e] of spans) {
    while (k < W.count && W.s[k]! < s) k++;
    const a = k;
    while (k < W.count && W.s[k]! < e) k++;
    if (k > a) out.push({ a, b: k });
  }
  return out;
}

function fallbackSentences(n: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < n.length; i++) {
    const c = n[i]!;
    if (c === '.' || c === '!' || c === '?' || c === '؟' || c === '\n') {
      if (i > start) out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (n.length > start) out.push([start, n.length]);
  return out;
}

/** Items whose word range lies inside [a, b). Lists are sorted by start. */
export function within<T extends Range>(list: readonly T[], a: number, b: number): T[] {
  const out: T[] = [];
  for (const x of list) {
    if (x.a >= b) break;
    if (x.a >= a && x.b <= b) out.push(x);
  }
  return out;
}

const YEAR_WORDS = new Set(['عام', 'العام', 'سنه', 'السنه', 'منذ', 'عامي']);

/**
 * The numbers of a clause that can be counts: not inside a date, not a year, not a percentage.
 * Cached per clause start. Only words that can start a number are tried.
 */
export function numbersIn(ctx: Ctx, r: Range): NumRef[] {
  const cached = ctx.numbers.get(r.a);
  if (cached) return cached;
  const { W } = ctx;
  const n = W.n;
  const out: NumRef[] = [];
  for (let k = r.a; k < r.b; k++) {
    if (!startsNumber(W, k)) continue;
    const num = scanNumberNorm(n, W.s[k]!);
    if (!num || num.end > W.e[r.b - 1]!) continue;
    const b = wordAt(W, num.end - 1) + 1;
    const a = k;
    k = b - 1;
    if (ctx.dates.some((d) => d.s < num.end && num.start < d.e)) continue;
    const after = n.slice(num.end, num.end + 12);
    if (/^\s*(%|٪|بالمئه|بالمائه|في المئه|في المائه)/.test(after)) continue;
    if (num.kind === 'digits' && num.value !== null && num.value >= 1900 && num.value <= 2100 && Number.isInteger(num.value)) {
      const prev = W.word(a - 1) ?? '';
      if (YEAR_WORDS.has(prev) || YEAR_WORDS.has(prev.replace(/^[وف]/, ''))) continue;
    }
    out.push({ a, b, num });
  }
  ctx.numbers.set(r.a, out);
  return out;
}

/** The word has a digit at its start (after a clitic) or is a number or qualifier word. */
function startsNumber(W: Words, k: number): boolean {
  const s = W.s[k]!;
  const c0 = W.n.charCodeAt(s);
  if (c0 >= 48 && c0 <= 57) return true;
  const c1 = W.n.charCodeAt(s + 1);
  if (c1 >= 48 && c1 <= 57) return true;
  const w = W.word(k)!;
  return NUMBER_START_WORDS.has(w) || (w.length >= 4 && NUMBER_START_WORDS.has(w.slice(1)));
}
