// Claims and contradictions between statements, with the reasons rasd paired them.
//
// A statement is cut into clauses (at commas, semicolons, full stops, «لكن»). Each clause gets its
// content terms (search stems, stopwords and the words below left out), its polarity (a negation
// particle: لا لم لن ليس …) and, when negated, the word the negation bears on. Two statements
// contradict when, within a few days of each other and from different speakers, a clause of one
// and a clause of the other share at least two content terms covering most of the shorter
// clause, one is negated and the other not, and the negation bears on the same predicate: the
// negated word occurs in the other clause, or both clauses state existence («لا توجد قوات» /
// «لدينا قوات»). A denial («غير دقيق», «عار عن الصحة», «نفى أن») is linked to the claim it
// denies: statements of the speaker or organisation it names, or failing that, the proposition
// it quotes («ادعاء بأن …»).
import type { Span } from '../core/types.js';
import { DENY_CONTENT } from '../lang/ar/lexicon.js';
import { matchKey, norm } from '../lang/ar/normalize.js';
import { searchStem } from '../lang/ar/stem.js';
import { joinedNameKey } from '../lang/ar/names.js';
import { isContentStem } from '../lang/ar/stopwords.js';
import { contains } from '../extract/statements/registry.js';
import { tokenize } from '../lang/ar/tokenize.js';

export interface StatementRecord {
  id: number;
  articleId: number;
  /** The story of the statement's article: statements are compared within one story. */
  storyId: number | null;
  speaker: string;
  speakerKey: string;
  organization: string | null;
  orgKey: string | null;
  quote: string;
  stance: string;
  date: string | null;
  outlet: string | null;
  url: string | null;
  source: string;
  span: Span;
  /** The entity who spoke, when known (ingest/entities.ts). */
  speakerEntity?: number | null;
  /** The statement's group: its reports by several sources share it (link/statements.ts). */
  groupId?: number | null;
}

export interface ClaimOptions {
  /** Days between two statements for them to be compared. */
  windowDays: number;
  /** Share of the shorter clause's terms the two clauses must have in common. */
  minOverlap: number;
  /** Content terms two clauses must share at least. */
  minShared: number;
}

export const DEFAULT_CLAIMS: ClaimOptions = { windowDays: 7, minOverlap: 0.5, minShared: 2 };

/** Negation particles, folded. («ما» is mostly "what" and «عدم» names a principle — «عدم التدخل» — so neither is here.) */
const NEGATIONS = new Set(['لا', 'لم', 'لن', 'ليس', 'ليست', 'ليسوا', 'لسنا']);
/** Negation particles that make an affirmation: «لا بد» must, «لا سيما» especially, «لا يزال» still, «لا شك» certainly. */
const NOT_NEGATING = new Set(['بد', 'سيما', 'يزال', 'تزال', 'زال', 'زالت', 'يزل', 'تزل', 'شك', 'ريب', 'غني', 'بديل']);
/** Auxiliaries after a negation: the predicate is the word after them («لم يتم الاتفاق»). */
const AUXILIARIES = new Set(['يتم', 'تتم', 'تم', 'يكن', 'تكن', 'يكون', 'تكون', 'يعد', 'تعد', 'يجر', 'يجري', 'تجري']);
/** Words that state existence or possession: «توجد قوات» and «لدينا قوات» say the same thing. */
const EXISTENTIAL = new Set(['توجد', 'يوجد', 'وجود', 'موجود', 'موجوده', 'موجودين', 'موجودون', 'هناك', 'لدينا', 'لديها', 'لديه', 'لديهم', 'لدي', 'عندنا', 'لنا']);
/** «لبلادها قوات»: a preposition ل with a noun and a possessive ending opens an existential clause. */
const POSSESSIVE = /^ل\S{2,}(?:ها|هم|نا|ه)$/;
const CLAUSE_BREAK = /[،,؛;.!؟?:]|(?:^|\s)(?:و?لكن|بل)(?=\s)/;

/** «ألا» written with its hamza before a verb of the present: «أن لا» contracted («نسأل الله ألا يريه مكروها»). */
const ALLA = /^[وف]?أل[اّ]$/;
const PRESENT_VERB = /^[يتنا]\S{2,}$/;

/**
 * Whether the word at i negates its clause: a negation particle that does not make an
 * affirmation («لا بد»), or «ألا» before a present verb; not in an invocation, where God is the
 * subject of the negated verb («لا قدر الله», «لا سمح الله»): a wish, not a proposition.
 */
function negates(tokens: { text: string }[], words: string[], i: number, bare: string): boolean {
  const particle = (NEGATIONS.has(bare) && !NOT_NEGATING.has(words[i + 1] ?? '')) || (ALLA.test(tokens[i]!.text.replace(/[\u064B-\u0652]/g, '')) && PRESENT_VERB.test(words[i + 1] ?? ''));
  return particle && words[i + 2] !== 'الله';
}

export interface Clause {
  terms: Set<string>;
  negated: boolean;
  /** The content word right after the negation particle (its stem), when negated. */
  negatedWord: string | null;
  existential: boolean;
  text: string;
}

/** The clauses of a quote. */
export function clauses(quote: string): Clause[] {
  const out: Clause[] = [];
  for (const part of quote.split(CLAUSE_BREAK)) {
    if (!part || !part.trim()) continue;
    const tokens = tokenize(part).filter((t) => t.word);
    const words = tokens.map((t) => t.n);
    let negated = false, negatedWord: string | null = null, existential = false;
    const terms = new Set<string>();
    words.forEach((w, i) => {
      const bare = w.replace(/^[وف](?=\S{2,})/, '');
      if (negates(tokens, words, i, bare)) {
        negated = true;
        let next = words[i + 1];
        if (next && AUXILIARIES.has(next)) next = words[i + 2];
        if (next && negatedWord === null) negatedWord = EXISTENTIAL.has(next) ? 'EXIST' : searchStem(next);
        return;
      }
      if (EXISTENTIAL.has(bare) || (i === 0 && POSSESSIVE.test(bare))) {
        existential = true;
        return;
      }
      const stem = searchStem(w);
      if (isContentStem(stem)) terms.add(stem);
    });
    out.push({ terms, negated, negatedWord, existential, text: part.trim() });
  }
  return out;
}

export interface Contradiction {
  a: StatementRecord;
  b: StatementRecord;
  score: number;
  shared: string[];
  /** Why rasd paired them, in one sentence. */
  why: string;
}

export interface Denial {
  denial: StatementRecord;
  /** Statements it denies (of the speaker or organisation it names, or stating the proposition it denies). */
  claims: StatementRecord[];
  /** The proposition denied, as the denial quotes it («… بأن X»), when it does. */
  proposition: string | null;
  why: string;
}

const person = joinedNameKey;
const side = (s: StatementRecord): string => person(s.orgKey ?? s.speakerKey);
/** Whether one name is a run of the other's words («هيئة شؤون الإعلام» in «هيئة شؤون الإعلام في مملكة البحرين»). */
const within = (a: string, b: string): boolean => {
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  return contains(y.split(' '), x.split(' '));
};
/** Two statements of one speaker or one side: the same entity, or names one of which contains the other. */
const sameSide = (a: StatementRecord, b: StatementRecord): boolean =>
  (a.speakerEntity != null && a.speakerEntity === b.speakerEntity) ||
  within(person(a.speakerKey), person(b.speakerKey)) ||
  within(side(a), side(b));
/**
 * Statements contradict only about the same happening: in one article, or in articles of one
 * story. Across unrelated articles, two clauses sharing a few words are a coincidence far more
 * often than a disagreement.
 */
const sameStory = (a: StatementRecord, b: StatementRecord): boolean =>
  a.articleId === b.articleId || (a.storyId !== null && a.storyId === b.storyId);
const days = (a: string | null, b: string | null): number =>
  a && b ? Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000 : 0;

/** Whether two clauses contradict, and with which shared terms and overlap. */
export function clash(x: Clause, y: Clause, opts: ClaimOptions): { shared: string[]; overlap: number; predicate: string } | null {
  if (x.negated === y.negated) return null;
  const shared = [...x.terms].filter((t) => y.terms.has(t));
  if (shared.length < opts.minShared) return null;
  const overlap = shared.length / Math.min(x.terms.size, y.terms.size);
  if (overlap < opts.minOverlap) return null;
  const [neg, pos] = x.negated ? [x, y] : [y, x];
  if (neg.negatedWord === 'EXIST') return pos.existential ? { shared, overlap, predicate: 'existence' } : null;
  if (neg.negatedWord && pos.terms.has(neg.negatedWord)) return { shared, overlap, predicate: neg.negatedWord };
  return null;
}

/** Terms in more than this share of the statements do not propose candidates (they still count in the overlap). */
const COMMON_TERM_SHARE = 0.02;

/** The first position in a postings list whose statement is dated `from` or later (undated ones sort first). */
function firstFrom(list: number[], parsed: { t: number }[], from: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (!(parsed[list[mid]!]!.t >= from)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Parsed {
  s: StatementRecord;
  cs: Clause[];
  /** Day number; NaN when undated. */
  t: number;
}

/**
 * Statements in date order with a postings list per content term: the candidates of a statement
 * are found among the statements of the window that share its rarer terms, never by comparing
 * every pair, so a corpus of 100,000 statements takes seconds.
 */
class TermIndex {
  readonly parsed: Parsed[];
  private readonly byTerm = new Map<string, number[]>();
  private readonly common: number;

  /** `all`: how many statements are compared in all (a term is common by its share of all of them, not of one story's). */
  constructor(statements: StatementRecord[], all = statements.length) {
    const undated = (x: number) => (Number.isNaN(x) ? -Infinity : x);
    this.parsed = statements
      .map((s) => ({ s, cs: clausesOf(s), t: s.date ? Date.parse(s.date) / 86_400_000 : NaN }))
      .sort((a, b) => undated(a.t) - undated(b.t));
    this.parsed.forEach((p, i) => {
      for (const t of termsOf(p.cs)) {
        let list = this.byTerm.get(t);
        if (!list) this.byTerm.set(t, (list = []));
        list.push(i);
      }
    });
    this.common = Math.max(50, all * COMMON_TERM_SHARE);
  }

  /** Statements (positions) within the window sharing rarer terms, with how many; `before`: only earlier positions. */
  candidates(terms: Iterable<string>, t: number, articleId: number, windowDays: number, before = Infinity): Map<number, number> {
    const shared = new Map<number, number>();
    for (const term of terms) {
      const list = this.byTerm.get(term);
      if (!list || list.length > this.common) continue;
      for (let k = Number.isNaN(t) ? 0 : firstFrom(list, this.parsed, t - windowDays); k < list.length; k++) {
        const j = list[k]!;
        const q = this.parsed[j]!;
        if (j >= before || (!Number.isNaN(t) && q.t > t + windowDays)) break;
        // Undated statements are compared within their own article only.
        if ((Number.isNaN(t) || Number.isNaN(q.t)) && q.s.articleId !== articleId) continue;
        shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    return shared;
  }
}

const termsOf = (cs: Clause[]): Set<string> => new Set(cs.flatMap((c) => [...c.terms]));

/**
 * The statements of each story (an article in no story is a group of its own). Statements are
 * only ever paired within one story, so each story is searched on its own: the candidates of a
 * statement are then a story's, not a week's of every outlet (seconds instead of a minute).
 */
function byStory(statements: StatementRecord[]): StatementRecord[][] {
  const groups = new Map<string, StatementRecord[]>();
  for (const s of statements) {
    const key = s.storyId !== null ? `s${s.storyId}` : `a${s.articleId}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

/** Pairs of statements from different speakers, in one story, that assert and negate the same proposition. */
export function contradictions(statements: StatementRecord[], opts: ClaimOptions = DEFAULT_CLAIMS): Contradiction[] {
  const seen = new Set<string>();
  return byStory(statements).flatMap((g) => contradictionsIn(g, statements.length, opts, seen)).sort((x, y) => y.score - x.score);
}

function contradictionsIn(statements: StatementRecord[], all: number, opts: ClaimOptions, seen: Set<string>): Contradiction[] {
  const index = new TermIndex(statements, all);
  const parsed = index.parsed;
  const out: Contradiction[] = [];
  parsed.forEach((p, i) => {
    // Every contradiction has a negated clause: pairs are sought from the statements that have one.
    if (!p.cs.some((c) => c.negated)) return;
    for (const [j, n] of index.candidates(termsOf(p.cs), p.t, p.s.articleId, opts.windowDays)) {
      if (n < opts.minShared || j === i) continue;
      const q = parsed[j]!;
      if (!sameStory(p.s, q.s)) continue;
      // Two negated statements are met from both sides: keep the pair once.
      if (j < i && q.cs.some((c) => c.negated)) continue;
      if (sameSide(p.s, q.s) || days(p.s.date, q.s.date) > opts.windowDays) continue;
      let best: (ReturnType<typeof clash> & { x: Clause; y: Clause }) | null = null;
      for (const x of p.cs) for (const y of q.cs) {
        const c = clash(x, y, opts);
        if (c && (!best || c.overlap > best.overlap)) best = { ...c, x, y };
      }
      // A denial whose quote is the proposition it denies («نفت الوزارة صحة ما ورد …») asserts nothing.
      if (!best || (best.x.negated ? q.s : p.s).stance === 'deny') continue;
      // The same words reported twice (a quote repeated further down the article) pair once.
      const key = [p.s, q.s].map((s) => `${s.speakerKey}|${matchKey(s.quote)}`).sort().join('||');
      if (seen.has(key)) continue;
      seen.add(key);
      const [neg, pos] = best.x.negated ? [p.s, q.s] : [q.s, p.s];
      out.push({
        a: neg,
        b: pos,
        score: Math.round(best.overlap * 100) / 100,
        shared: best.shared,
        why: `${neg.speaker} negates (${best.predicate === 'existence' ? 'existence' : `«${best.predicate}»`}) what ${pos.speaker} asserts; shared terms: ${best.shared.join('، ')}; overlap ${Math.round(best.overlap * 100)}% of the shorter clause${neg.date && pos.date ? `; ${days(neg.date, pos.date)} day(s) apart` : ''}.`,
      });
    }
  });
  return out;
}

/** «ادعاء بأن X»، «مزاعم أن X»: the proposition a denial quotes. */
const QUOTED_CLAIM = /(?:ادعاء|ادعاءات|مزاعم|اتهام|اتهامات|انباء|تقارير|شائعات|ما تردد|ما نشر)\s+(?:عن\s+)?(?:ب?ان|ب?انه|ب?انها)\s+(.+?)(?:\s+(?:هو|هي)\s+|$)/;
/** Words that name what is denied as someone's words. */
const WORDS_OF = /(?:تصريحات|تصريح|بيان|ادعاءات|اتهامات|مزاعم|اقوال|حديث)\s+(.+)/;

/** Denials and the claims they deny. */
export function denials(statements: StatementRecord[], opts: ClaimOptions = DEFAULT_CLAIMS): Denial[] {
  const seen = new Set<string>();
  return byStory(statements).flatMap((g) => denialsIn(g, statements.length, opts, seen));
}

function denialsIn(statements: StatementRecord[], all: number, opts: ClaimOptions, seen: Set<string>): Denial[] {
  const index = new TermIndex(statements, all);
  const out: Denial[] = [];
  const byDay = index.parsed.map((p) => p.s);
  const dayOf = index.parsed.map((p) => p.t);
  const other = (d: StatementRecord) => (s: StatementRecord) => s !== d && !sameSide(s, d);
  for (const p of index.parsed) {
    const d = p.s;
    const folded = norm(d.quote);
    const isDenial = d.stance === 'deny' || DENY_CONTENT.test(folded);
    const key = `${d.speakerKey}|${matchKey(d.quote)}`;
    if (!isDenial || seen.has(key)) continue;
    seen.add(key);
    const named = WORDS_OF.test(folded) ? namedSide(folded, around(d, byDay, dayOf, opts.windowDays).filter((s) => other(d)(s) && sameStory(d, s))) : [];
    if (named.length) {
      out.push({ denial: d, claims: named, proposition: null, why: `${d.speaker} calls the words of ${named[0]!.organization ?? named[0]!.speaker} untrue («${d.quote.slice(0, 60)}…»).` });
      continue;
    }
    const proposition = QUOTED_CLAIM.exec(folded)?.[1] ?? (d.stance === 'deny' ? d.quote : null);
    const claims = proposition ? stating(proposition, p, index, opts).filter(other(d)) : [];
    out.push({
      denial: d,
      claims,
      proposition,
      why: claims.length
        ? `${d.speaker} denies what ${claims[0]!.speaker} states; shared terms with the denied proposition.`
        : `${d.speaker} denies a claim whose author the article does not quote.`,
    });
  }
  return out;
}

/** The statements within `window` days of a statement (binary search over date order); its own article's when undated. */
function around(d: StatementRecord, byDay: StatementRecord[], dayOf: number[], window: number): StatementRecord[] {
  const t = d.date ? Date.parse(d.date) / 86_400_000 : NaN;
  if (Number.isNaN(t)) return byDay.filter((s) => s.articleId === d.articleId);
  let lo = 0, hi = byDay.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (!(dayOf[mid]! >= t - window)) lo = mid + 1; // undated (NaN) sort first and are skipped
    else hi = mid;
  }
  const out: StatementRecord[] = [];
  for (let i = lo; i < byDay.length && dayOf[i]! <= t + window; i++) out.push(byDay[i]!);
  return out;
}

/** Statements whose speaker or organisation the denial names («تصريحات الناطق باسم وزارة الخارجية الأميركية»). */
function namedSide(folded: string, near: StatementRecord[]): StatementRecord[] {
  const m = WORDS_OF.exec(folded);
  if (!m) return [];
  const target = matchKey(m[1]!);
  const sides = new Set(near.filter((s) => (s.orgKey && target.includes(s.orgKey)) || target.includes(s.speakerKey)).map((s) => s.speakerKey));
  return near.filter((s) => sides.has(s.speakerKey));
}

/** The clauses of a statement, made once however many denials look at it. */
const CLAUSES = new WeakMap<StatementRecord, Clause[]>();
function clausesOf(s: StatementRecord): Clause[] {
  let c = CLAUSES.get(s);
  if (!c) CLAUSES.set(s, (c = clauses(s.quote)));
  return c;
}

/** Positive statements of the window sharing the denied proposition's terms. */
function stating(proposition: string, p: Parsed, index: TermIndex, opts: ClaimOptions): StatementRecord[] {
  const terms = termsOf(clauses(proposition));
  if (terms.size < opts.minShared) return [];
  const out: StatementRecord[] = [];
  for (const [j, n] of index.candidates(terms, p.t, p.s.articleId, opts.windowDays)) {
    if (n < opts.minShared) continue;
    const q = index.parsed[j]!;
    if (!sameStory(p.s, q.s)) continue;
    const states = q.cs.some((c) => {
      if (c.negated) return false;
      const shared = [...c.terms].filter((t) => terms.has(t)).length;
      return shared >= opts.minShared && shared / Math.min(terms.size, c.terms.size) >= opts.minOverlap;
    });
    if (states) out.push(q.s);
  }
  return out;
}
