// The arguments of an event: its date, place, actors and casualty figures, read from the clause
// of the trigger (the sentence, for the place, when the clause names none).
import {
  AGENT_AFTER, AGENT_CUES, ANAPHORIC_ACTOR, CITY_WORDS, DIRECTIONS, MEMBER_NOUNS, PLACE_PREPS, INJURED_AFTER, INJURED_BEFORE, KILLED_AFTER,
  KILLED_BEFORE, NISBA, PARTY_CUES, PERSONS, PERSON_DUAL, PERSON_SINGULAR, TARGET_CUES,
} from '../../lang/ar/events-data.js';
import { matchKey, toOriginal } from '../../lang/ar/normalize.js';
import type { Entity, EventType } from '../../core/types.js';
import { numbersIn, within, type Ctx, type DateRef, type Mention } from './context.js';
import { cliticLength, hasAt, lookupAt, type Clause, type Range } from './text.js';

/** A word range [a, b) that an event's span must cover. */
export type Arg = Range;

// ---------- date ----------

/** True when the trigger is inside a long quotation and the date outside it (the report's date). */
function quotedApart(ctx: Ctx, trig: number, d: DateRef): boolean {
  const t = ctx.W.s[trig]!;
  for (const q of ctx.quotes) {
    const tin = t >= q.s && t < q.e;
    const din = d.s >= q.s && d.e <= q.e;
    if (tin !== din) return true;
  }
  return false;
}

/** The date mentions of the clause that can date the trigger, nearest first. */
export function clauseDates(ctx: Ctx, c: Clause, trig: number): DateRef[] {
  return within(ctx.dates, c.a, c.b)
    .filter((d) => !quotedApart(ctx, trig, d))
    .sort((x, y) => Math.abs(x.a - trig) - Math.abs(y.a - trig));
}

// ---------- place ----------

export interface Place {
  name: string;
  mention: Mention;
  /** The printed compass words before it («شمالي»), from `from` (normalised offset). */
  from: number;
  coordinates: { lat: number; lon: number } | null;
}

/**
 * The most specific place near the trigger: a facility over a town over a province over a
 * country, among the places after it (12 words) or said to be where it happened just before it
 * («وانطلقت في واشنطن … جلسات»); then, the same among the other places of the clause (of the
 * sentence, when the clause has none). Among equals, a place after «في» and nearest wins.
 */
export function choosePlace(ctx: Ctx, c: Clause, trig: number, prefer?: (m: Mention) => boolean): Place | null {
  let cands = within(ctx.places, c.a, c.b);
  if (!cands.length) {
    // From elsewhere in the sentence, only a place said to be where things are («في العراق»),
    // not a country that is the subject of another clause («أن الولايات المتحدة ستنهي»).
    const s = ctx.sentences[c.sent]!;
    cands = within(ctx.places, s.a, s.b).filter((m) => locative(ctx, m));
  }
  if (!cands.length) return null;
  let best: Mention | null = null;
  let bestScore = -Infinity;
  for (const m of cands) {
    const after = m.a > trig;
    const dist = after ? m.a - trig : Math.max(0, trig - m.b);
    const loc = locative(ctx, m);
    const near = after ? dist <= 12 : dist <= 6 && loc;
    let score = (prefer?.(m) ? 100_000 : 0) + (near ? 10_000 : 0) + m.rank * 1000 + (loc ? 50 : 0);
    score -= Math.min(dist, 99);
    if (score > bestScore) { bestScore = score; best = m; }
  }
  return best ? placeOf(ctx, best) : null;
}

/** The place follows «في»، «إلى»، «داخل» … or carries «ب/ل»: «بمدينة الصدر»، «لواشنطن». */
function locative(ctx: Ctx, m: Mention): boolean {
  const { W, n } = { W: ctx.W, n: ctx.W.n };
  const first = W.s[m.a]!;
  if (m.s > first) {
    const c = n.charCodeAt(m.s - 1);
    if (c === 0x628 || c === 0x644) return true; // ب ل glued to the name
  }
  return hasAt(W, PLACE_PREPS, m.a - 1) || (hasAt(W, PLACE_PREPS, m.a - 2) && hasAt(W, CITY_WORDS, m.a - 1));
}

/** The place's name, with the compass words printed before it: «شمالي العراق». */
export function placeOf(ctx: Ctx, m: Mention): Place {
  const { W, nt, doc } = ctx;
  let name = m.ent.name;
  let from = m.s;
  let k = m.a - 1;
  const dirs: string[] = [];
  while (k >= 0 && m.a - k <= 2 && hasAt(W, DIRECTIONS, k) && !/[،,.:؛]/.test(W.n.slice(W.e[k]!, k + 1 < W.count ? W.s[k + 1]! : W.e[k]!))) {
    const clitic = cliticLength(W, DIRECTIONS, k);
    const [os, oe] = toOriginal(nt, W.s[k]! + clitic, W.e[k]!);
    dirs.unshift(doc.text.slice(os, oe));
    from = W.s[k]!;
    k--;
  }
  if (dirs.length) name = `${dirs.join(' ')} ${name}`;
  return { name, mention: m, from, coordinates: m.ent.coordinates ?? null };
}

// ---------- actors ----------

/** How an actor was found: after an agent or target cue, as a party («مع»، «بين»), or by position. */
export type ActorRole = 'agent' | 'target' | 'party' | 'before' | 'after' | 'person' | 'nationality' | 'anaphor';

export interface Actors {
  names: string[];
  args: Arg[];
  /** The roles found, each with the actor's name and its distance in words from the trigger. */
  roles: { name: string; role: ActorRole; dist: number }[];
}

/** The indices of the words before word `a`, skipping a lone clitic letter («لـ”داعش”» reads «ل» then «داعش»). */
function before(ctx: Ctx, a: number, n: number): number[] {
  const out: number[] = [];
  for (let k = a - 1; k >= 0 && out.length < n; k--) {
    if (ctx.W.e[k]! - ctx.W.s[k]! === 1) continue;
    out.push(k);
  }
  while (out.length < n) out.push(-1);
  return out;
}

/** The role a cue word right before the actor (two words for «نظيره العراقي فؤاد حسين») gives it. */
function cueRole(ctx: Ctx, m: Mention): ActorRole | null {
  const W = ctx.W;
  const [p1, p2] = before(ctx, m.a, 2) as [number, number];
  if (hasAt(W, AGENT_CUES, p1) || (W.word(p1) === 'من' && hasAt(W, MEMBER_NOUNS, p2))) return 'agent';
  if (hasAt(W, TARGET_CUES, p1)) return 'target';
  if (hasAt(W, PARTY_CUES, p1) || hasAt(W, PARTY_CUES, p2)) return 'party';
  if (hasAt(W, AGENT_AFTER, m.b) || hasAt(W, AGENT_AFTER, m.b + 1)) return 'agent';
  return null;
}

/**
 * Agents, targets and parties of the event in the clause: actors after «شنته/تبنت/طيران/قوات»,
 * after «على/ضد/استهدفت», after «مع/بين/نظيره», right next to the trigger, any person at a
 * meeting; nationality adjectives after the trigger («الانتهاكات الأمريكية»); «تبنت هذه الأخيرة»
 * is the last actor named before.
 */
export function chooseActors(ctx: Ctx, c: Clause, trig: Range, type: EventType, place: Place | null): Actors {
  const out: Actors = { names: [], args: [], roles: [] };
  const add = (name: string, r: Range | null, role: ActorRole) => {
    if (!out.names.includes(name)) out.names.push(name);
    if (r) out.args.push(r);
    const dist = !r ? 99 : r.b <= trig.a ? trig.a - r.b : r.a >= trig.b ? r.a - trig.b : 0;
    out.roles.push({ name, role, dist });
  };
  const anaphor = anaphoricActor(ctx, c);
  if (anaphor) add(anaphor.ent.name, null, 'anaphor');
  const ms = within(ctx.actors, c.a, c.b);
  let prevRole: ActorRole | null = null;
  let prevEnd = -9;
  for (const m of ms) {
    let role = cueRole(ctx, m);
    // «بين العراق والولايات المتحدة»: the second of a pair joined by و takes the first's role.
    if (!role && prevRole && m.a - prevEnd <= 1 && ctx.W.word(m.a)!.startsWith('و')) role = prevRole;
    if (!role) {
      if (m.b <= trig.a && trig.a - m.b <= 3) role = 'before';
      else if (m.a >= trig.b && m.a - trig.b <= 3) role = 'after';
      else if (type === 'meeting' && m.ent.type === 'PER') role = 'person';
    }
    prevRole = role;
    prevEnd = m.b;
    if (!role) continue;
    const cued = role === 'agent' || role === 'target' || role === 'party';
    if (!cued && place && m.ent === place.mention.ent) continue; // the place, not an actor
    add(m.ent.name, m, role);
  }
  // Nationality adjectives of the trigger noun: the adjectives right after it («الانتهاكات
  // الأمريكية»، «غارات جوية إسرائيلية»، «الحوار الإستراتيجي الأميركي العراقي»).
  for (let k = trig.b; k < Math.min(c.b, trig.b + 4); k++) {
    const country = lookupAt(ctx.W, NISBA, k);
    if (country) add(entityNamed(ctx, country) ?? country, { a: k, b: k + 1 }, 'nationality');
    else if (!/(ي|يه|يا)$/.test(ctx.W.word(k)!) || ctx.W.n.slice(ctx.W.e[k - 1]!, ctx.W.s[k]!).trim()) break;
  }
  out.names = out.names.slice(0, 6);
  return out;
}

/** The name the article's entities give a country, if they know it. */
function entityNamed(ctx: Ctx, country: string): string | null {
  const key = matchKey(country);
  const e = (ctx.doc.entities ?? []).find((x: Entity) => x.type === 'GPE' && (matchKey(x.name) === key || x.aliases.some((a) => matchKey(a) === key)));
  return e?.name ?? null;
}

/** «تبنت هذه الأخيرة»: the last organisation or person named before the clause. */
function anaphoricActor(ctx: Ctx, c: Clause): Mention | null {
  const { W } = ctx;
  for (let k = c.a; k < c.b - 1; k++) {
    if (!hasAt(W, AGENT_CUES, k)) continue;
    const j = W.word(k + 1)!.startsWith('هذ') ? k + 2 : k + 1;
    if (!hasAt(W, ANAPHORIC_ACTOR, j)) continue;
    let best: Mention | null = null;
    for (const m of ctx.actors) {
      if (m.a >= c.a) break;
      if (m.ent.type !== 'GPE') best = m;
    }
    return best;
  }
  return null;
}

// ---------- casualties ----------

/** Vague figures («سقوط عشرات القتلى») have no value but still state casualties. */
export interface Casualties {
  killed: number | null;
  injured: number | null;
  /** True when some casualty figure is stated, even a vague one («عشرات القتلى»). */
  stated: boolean;
  args: Arg[];
}

/**
 * Killed and injured of the clause: «مقتل 6 وإصابة 12»، «أسفر عن 36 قتيلا و62 جريحا»،
 * «قتل ثلاثة جنود»، «سقوط 5 قتلى»، «مقتل جندي» (one). A figure with no casualty word of its
 * own that follows one, joined by و («مقتل 3 جنود و5 مدنيين»), adds to it.
 */
export function casualties(ctx: Ctx, c: Clause): Casualties {
  const { W } = ctx;
  const out: Casualties = { killed: null, injured: null, stated: false, args: [] };
  let last: { cat: 'k' | 'i'; b: number } | null = null;
  const add = (cat: 'k' | 'i', v: number | null, r: Range) => {
    out.stated = true;
    out.args.push(r);
    if (v === null) return;
    if (cat === 'k') out.killed = (out.killed ?? 0) + v;
    else out.injured = (out.injured ?? 0) + v;
  };
  const seen = { k: false, i: false };
  for (const { a, b, num } of numbersIn(ctx, c)) {
    const prev = before(ctx, a, 1)[0]!;
    const person = hasAt(W, PERSONS, b);
    const next2 = person ? b + 1 : -1;
    // «15 مسلحاً حوثياً قتلوا»: a nisba adjective may stand between the person noun and the verb.
    const next3 = person && b + 2 < c.b && /(?:ي|يا|يين|يون)$/.test(W.word(b + 1) ?? '') ? b + 2 : -1;
    let cat: 'k' | 'i' | null = null;
    if (prev >= c.a && hasAt(W, KILLED_BEFORE, prev)) cat = 'k';
    else if (prev >= c.a && hasAt(W, INJURED_BEFORE, prev)) cat = 'i';
    else if (hasAt(W, KILLED_AFTER, b) || hasAt(W, KILLED_AFTER, next2) || hasAt(W, KILLED_AFTER, next3)) cat = 'k';
    else if (hasAt(W, INJURED_AFTER, b) || hasAt(W, INJURED_AFTER, next2) || hasAt(W, INJURED_AFTER, next3)) cat = 'i';
    else if (last && a - last.b <= 2 && W.word(a)!.startsWith('و') && person) {
      // «مقتل 3 جنود و5 مدنيين»: the second figure is of the same kind.
      add(last.cat, num.value, { a, b });
      last = { cat: last.cat, b };
      continue;
    }
    if (!cat) continue;
    // One figure per kind, unless joined as above: a second «مقتل» is a restatement.
    if (seen[cat]) continue;
    seen[cat] = true;
    add(cat, num.value, { a, b });
    last = { cat, b: person ? b + 1 : b };
  }
  // «مقتل جندي»، «إصابة شخصين»: a singular or dual person noun with no figure.
  for (let k = c.a; k < c.b - 1; k++) {
    const killed = hasAt(W, KILLED_BEFORE, k);
    if (!killed && !hasAt(W, INJURED_BEFORE, k)) continue;
    const cat = killed ? 'k' : 'i';
    if (seen[cat]) continue;
    const v = hasAt(W, PERSON_SINGULAR, k + 1) ? 1 : hasAt(W, PERSON_DUAL, k + 1) ? 2 : 0;
    if (!v) continue;
    seen[cat] = true;
    add(cat, v, { a: k, b: k + 2 });
  }
  return out;
}
