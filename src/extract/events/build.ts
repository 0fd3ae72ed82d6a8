// One builder per event type: each reads the triggers of one clause and decides whether they name
// a concrete happening (or a stated figure), and with which arguments. A trigger alone is not
// enough: «هجمات متكررة تشنها فصائل» is a generic mention, «تعرضت لهجوم» with nothing to anchor
// it is not an event, «لقاء تلفزيوني» is an interview and «اتصال هاتفي» a phone call.
import type { EventType } from '../../core/types.js';
import {
  AERIAL, AGREEMENT, FORCES, NOT_AERIAL_BEFORE, SPORTS, VIOLENCE_CONTEXT, VISIT, CIVILIAN_TARGETS, CODES, DEADLINE, DEMONSTRATIVE, GENERIC, INJURED_AFTER, INTERVIEW,
  IRREALIS, KILLED_AFTER, KIND_PRIORITY, LAUNCH_VERBS, MILITARY, NEGATION, NON_VIOLENT_DEATH, NOT_PRESENCE,
  PAST_BEFORE, PAST_DATE, PHONE, PRESENCE, RECEIVED, SITE_DUAL, SITE_NOUNS, SITE_SINGULAR, TRAINEES, type Codes, type TriggerEntry, type TriggerKind,
} from '../../lang/ar/events-data.js';
import { casualties, chooseActors, choosePlace, clauseDates, placeOf, type Arg, type Place } from './args.js';
import { numbersIn, within, type Ctx, type Mention } from './context.js';
import { hasAt, type Clause, type Range } from './text.js';

/** A trigger found in the text: words [wi, wj] (wj is the last word of a two-part trigger). */
export interface TrigRef {
  wi: number;
  wj: number;
  e: TriggerEntry;
  definite: boolean;
  /** Length of the clitics before the trigger word, in normalised characters. */
  prefix: number;
}

export interface Draft {
  type: EventType;
  codes: Codes;
  trig: TrigRef;
  clause: Clause;
  date: string | null;
  place: Place | null;
  actors: string[];
  /** Names of the persons among the actors: two meetings with the same people are one. */
  people: string[];
  killed: number | null;
  injured: number | null;
  count: number | null;
  args: Arg[];
  /** Refers back to an event told before («هذه الاجتماعات»، «الهجوم» with nothing new): only fills its gaps. */
  anaphoric: boolean;
  /** A casualty report with no word for the attack: joins an attack just told, if any. */
  weak: boolean;
  /** Has something of its own that makes it concrete (a date, a figure, a place after it …). */
  anchored: boolean;
}

const range = (t: TrigRef): Range => ({ a: t.wi, b: t.wj + 1 });

// ---------- shared checks ----------

/** Negation or an irrealis word just before the trigger: «لم نناقش انسحاب»، «لمنع هجوم». */
function blocked(ctx: Ctx, c: Clause, t: TrigRef): boolean {
  const { W } = ctx;
  for (let k = t.wi - 1; k >= Math.max(c.a, t.wi - 3); k--) {
    if (t.wi - k <= 2 && hasAt(W, NEGATION, k) && !/^(يزال|تزال|زال|سيما)$/.test(W.word(k + 1) ?? '')) return true;
    if (hasAt(W, IRREALIS, k)) return true;
  }
  return false;
}

/** A generic marker right after the trigger (or right before it): «هجمات متكررة»، «مباحثات … مستمرة». */
function generic(ctx: Ctx, c: Clause, t: TrigRef, reach = 4): boolean {
  const { W } = ctx;
  for (let k = t.wj + 1; k < Math.min(c.b, t.wj + 1 + reach); k++) if (hasAt(W, GENERIC, k)) return true;
  return t.wi > c.a && hasAt(W, GENERIC, t.wi - 1);
}

const demonstrative = (ctx: Ctx, t: TrigRef): boolean => t.wi > 0 && hasAt(ctx.W, DEMONSTRATIVE, t.wi - 1);

/** An aerial word that names a weapon, not a place («قاعدة عين الأسد الجوية») or a defence («الدفاعات الجوية»). */
function aerialWord(ctx: Ctx, a: number, b: number): number {
  const { W } = ctx;
  for (let k = Math.max(0, a); k < Math.min(W.count, b); k++) {
    if (!hasAt(W, AERIAL, k)) continue;
    if (anyWord(ctx, k - 4, k, NOT_AERIAL_BEFORE) >= 0) continue;
    if (ctx.places.some((m) => m.a <= k && k < m.b)) continue;
    return k;
  }
  return -1;
}

function anyWord(ctx: Ctx, a: number, b: number, set: ReadonlySet<string>): number {
  for (let k = Math.max(0, a); k < Math.min(ctx.W.count, b); k++) if (hasAt(ctx.W, set, k)) return k;
  return -1;
}

function draft(type: EventType, codes: Codes, t: TrigRef, c: Clause, o: Partial<Draft>): Draft {
  return {
    type, codes, trig: t, clause: c, date: null, place: null, actors: [], people: [], killed: null, injured: null,
    count: null, args: [], anaphoric: false, weak: false, anchored: true, ...o,
  };
}

/** Date, place and actors as every builder reads them. */
function common(ctx: Ctx, c: Clause, t: TrigRef, type: EventType, prefer?: (m: Mention) => boolean) {
  const dates = clauseDates(ctx, c, t.wi);
  const place = choosePlace(ctx, c, t.wi, prefer);
  const actors = chooseActors(ctx, c, range(t), type, place);
  const args: Arg[] = [...actors.args];
  const inClause = (r: Range) => r.a >= c.a && r.b <= c.b;
  if (place && inClause(place.mention)) args.push(place.mention);
  if (dates[0]) args.push(dates[0]);
  const people = actors.names.filter((n) => (ctx.doc.entities ?? []).some((e) => e.type === 'PER' && e.name === n));
  return { dates, place, actors: actors.names, roles: actors.roles, people, args };
}

// ---------- assault and airstrike ----------

const SHELLING_NEXT = new Set(['صاروخيه', 'مدفعيه', 'صاروخي', 'مدفعي']);

/**
 * All the violence words of a clause name one happening («هجوم … أسفر عن … التفجير»). It is an
 * air strike when a word says so (غارة، قصف جوي، طيران …); «ضربات» without one is no event.
 */
export function buildViolence(ctx: Ctx, c: Clause, hits: TrigRef[]): Draft | null {
  const { W } = ctx;
  let aerial = false;
  const kept: TrigRef[] = [];
  for (const h of hits) {
    const k = h.e.kind;
    if (k === 'air') aerial = true;
    else if (k === 'strike') {
      if (aerialWord(ctx, c.a, c.b) >= 0) aerial = true;
      else if (SHELLING_NEXT.has(W.word(h.wi + 1) ?? '')) {
        kept.push({ ...h, e: { ...h.e, type: 'assault', kind: 'shelling' } });
        continue;
      } else continue;
    } else if ((k === 'attack' || k === 'shelling' || k === 'targeting') && aerialWord(ctx, Math.max(c.a, h.wi - 4), Math.min(c.b, h.wj + 5)) >= 0) {
      aerial = true;
    }
    kept.push(h);
  }
  if (!kept.length) return null;
  const real = kept.filter((h) => h.e.kind !== 'casualty' && h.e.kind !== 'violation');
  // The word that names the strike leads an air strike («اشتباكات وقصف لطائرات التحالف»).
  const airWord = aerial ? real.find((h) => h.e.kind === 'air' || h.e.kind === 'strike') : undefined;
  const main = airWord ?? real[0] ?? kept[0]!;
  // «تستهدف الإجراءات الجديدة …»: «استهداف» alone is an attack only with casualties or a word of violence.
  if (real.length && real.every((h) => h.e.kind === 'targeting') && !aerial && anyWord(ctx, c.a, c.b, VIOLENCE_CONTEXT) < 0 && !casualties(ctx, c).stated) return null;
  if (blocked(ctx, c, main) || generic(ctx, c, main)) return null;
  const sentence = ctx.sentences[c.sent]!;
  if (anyWord(ctx, sentence.a, sentence.b, SPORTS) >= 0) return null; // «اشتباك» between two players
  const cas = casualties(ctx, c);
  // «اتهمتها واشنطن بالهجوم على مجمعها الدبلوماسي في بنغازي عام 2012»، «منذ 2011»: an attack of
  // an earlier year told as background, with no toll of its own, is no event of this report.
  if (!cas.stated && earlierYear(ctx, c)) return null;
  const weak = real.length === 0;
  if (weak) {
    // «335 قتيلا في الهند» may be a heat wave: a casualty report is an attack only with a word of
    // violence in its sentence and none of an accident or a disease.
    const s = ctx.sentences[c.sent]!;
    if (!cas.stated || anyWord(ctx, s.a, s.b, NON_VIOLENT_DEATH) >= 0) return null;
    if (!kept.some((h) => h.e.kind === 'violation') && anyWord(ctx, s.a, s.b, VIOLENCE_CONTEXT) < 0) return null;
  }
  const type: EventType = aerial ? 'airstrike' : 'assault';
  // Unanchored and not referring back: no event, before any place or actor is looked for.
  const dated = clauseDates(ctx, c, main.wi).length > 0;
  const present = main.e.pos === 'verb' && /^[يت]/.test(W.word(main.wi)!.slice(main.prefix));
  const mayAnchor = !present && (!main.e.plural || anyWord(ctx, Math.max(c.a, main.wi - 3), main.wi, LAUNCH_VERBS) >= 0);
  if (!cas.stated && !dated && !mayAnchor && !main.definite && !demonstrative(ctx, main)) return null;
  const x = common(ctx, c, main, type);
  const placeAfter = !!x.place && x.place.mention.a > main.wj && x.place.mention.a - main.wj <= 12 && x.place.mention.b <= c.b;
  // A named agent or target near the trigger anchors it («شنته حركة حماس»), but not for
  // «استهداف» (it always has an object) nor a present tense («تستهدف»: what they do, not did).
  const cued = main.e.kind !== 'targeting' && x.roles.some((r) => ((r.role === 'agent' || r.role === 'target') && r.dist <= 8) || r.role === 'anaphor');
  const anchored = cas.stated || dated || (mayAnchor && (placeAfter || cued));
  // «الهجمات الدامية»: a definite plural speaks of attacks at large, not back of one.
  const anaphoric = demonstrative(ctx, main) || (!anchored && main.definite && !main.e.plural);
  if (!anchored && !anaphoric) return null;
  return draft(type, violenceCodes(ctx, c, kept, aerial), main, c, {
    date: x.dates[0]?.m.value ?? null,
    place: x.place,
    actors: x.actors,
    people: x.people,
    killed: cas.killed,
    injured: cas.injured,
    args: [...x.args, ...cas.args],
    anaphoric,
    weak,
    anchored,
  });
}

function earlierYear(ctx: Ctx, c: Clause): boolean {
  const now = Number((ctx.doc.published ?? '').slice(0, 4));
  if (!now) return false;
  // Only a bare year («عام 2012»): an attack dated to the day («اعتداءات 11 سبتمبر 2001») is one
  // the report names, background or not.
  for (const d of within(ctx.dates, c.a, c.b)) {
    if (d.m.value) continue;
    const y = Number((d.m.approx ?? '').slice(0, 4));
    if (y && y < now) return true;
  }
  // «منذ 2011»: a bare year after «منذ» is not read as a date mention.
  for (let k = c.a; k + 1 < c.b; k++) {
    if (ctx.W.word(k) !== 'منذ') continue;
    const y = Number(ctx.W.word(k + 1));
    if (y > 1900 && y < now) return true;
  }
  return false;
}

function violenceCodes(ctx: Ctx, c: Clause, hits: TrigRef[], aerial: boolean): Codes {
  if (aerial) return CODES.air;
  const kinds = new Set<TriggerKind>(hits.map((h) => h.e.kind));
  const kind = KIND_PRIORITY.find((k) => kinds.has(k)) ?? 'attack';
  const againstCivilians = anyWord(ctx, c.a, c.b, CIVILIAN_TARGETS) >= 0;
  if (againstCivilians && (kind === 'attack' || kind === 'firearms' || kind === 'clash' || kind === 'targeting' || kind === 'casualty' || kind === 'violation')) return CODES.civilians;
  return CODES[kind];
}

// ---------- meeting ----------

/** Meetings and visits between officials; not phone calls, not interviews, not talks «still going on». */
export function buildMeeting(ctx: Ctx, c: Clause, hits: TrigRef[]): Draft | null {
  const { W } = ctx;
  const ok = hits.filter((h) => {
    if (anyWord(ctx, h.wj + 1, Math.min(c.b, h.wj + 4), PHONE) >= 0 || hasAt(W, PHONE, h.wi - 1)) return false;
    if (/^(لقاء|اللقاء)/.test(W.word(h.wi)!.replace(/^[وفبل]+(?=لقاء|اللقاء)/, '')) && anyWord(ctx, h.wj + 1, Math.min(c.b, h.wj + 4), INTERVIEW) >= 0) return false;
    return true;
  });
  const main = ok[0];
  // «مباحثات اللجنة … بين العراق والولايات المتحدة "مستمرة"»: the marker ends the clause.
  if (!main || blocked(ctx, c, main) || generic(ctx, c, main, 12)) return null;
  const s = ctx.sentences[c.sent]!;
  if (anyWord(ctx, s.a, s.b, SPORTS) >= 0) return null;
  const x = common(ctx, c, main, 'meeting');
  const p = x.place?.mention;
  const placeNear = !!p && p.b <= c.b && p.a >= c.a && (p.a > main.wj ? p.a - main.wj <= 8 : main.wi - p.b <= 4);
  // Who met whom: two named sides near the trigger, a side after «مع/بين/نظيره», the
  // nationalities of a dialogue («الحوار الأميركي العراقي»), or for a visit one side and the place
  // visited. One side alone is not a meeting: «استقبل مركز الملك فهد الثقافي» (visitors),
  // «استقبال ذوي الاحتياجات الخاصة في الرياض» (a service).
  const sides = x.roles.filter((r) => (r.role === 'person' && r.dist <= 16) || ((r.role === 'after' || r.role === 'before') && r.dist <= 3));
  const visit = hasAt(W, VISIT, main.wi) && sides.length > 0 && placeNear;
  const parties = new Set(sides.map((r) => r.name)).size >= 2 || visit || x.roles.some((r) => r.role === 'party' || r.role === 'nationality');
  const anchored = parties;
  const anaphoric = demonstrative(ctx, main) || (main.definite && !parties && !placeNear && !x.dates.length);
  if (!anchored && !anaphoric) return null;
  return draft('meeting', CODES.meeting, main, c, {
    date: x.dates[0]?.m.value ?? null,
    place: x.place,
    actors: x.actors,
    people: x.people,
    args: x.args,
    anaphoric,
    anchored,
  });
}

// ---------- base handover ----------

/** «تسليم أول قاعدة»، «إعادة مواقع في قاعدة القيارة … وقاعدة القائم، والحبانية»: one per statement. */
export function buildHandover(ctx: Ctx, c: Clause, hits: TrigRef[]): Draft | null {
  const { W } = ctx;
  const facs = within(ctx.places, c.a, c.b).filter((m) => m.rank === 4);
  if (anyWord(ctx, c.a, c.b, FORCES) < 0) return null;
  for (const h of hits) {
    if (blocked(ctx, c, h)) continue;
    const reach = h.e.pos === 'verb' ? 5 : 4;
    let site = h.e.next ? h.wj : anyWord(ctx, h.wj + 1, Math.min(c.b, h.wj + 1 + reach), SITE_NOUNS);
    if (site > 0 && /^(ال)?تنظيم$/.test(W.word(site - 1)!.replace(/^[وفبل]/, ''))) site = -1; // «تنظيم القاعدة»
    const after = facs.filter((m) => m.a > h.wj);
    const firstFac = after[0];
    if (site < 0 && !(firstFac && firstFac.a - h.wj <= 6)) continue;
    const distinct = [...new Set(after.map((m) => m.ent))];
    let count: number | null = null;
    const args: Arg[] = [];
    const num = site >= 0 ? numbersIn(ctx, c).find((n) => n.b === site && n.num.value !== null) : undefined;
    if (num) { count = num.num.value; args.push(num); }
    else if (distinct.length >= 2) count = distinct.length;
    else if (site >= 0 && hasAt(W, SITE_DUAL, site)) count = 2;
    else if (site >= 0 && hasAt(W, SITE_SINGULAR, site)) count = 1;
    else if (distinct.length) count = distinct.length;
    const x = common(ctx, c, h, 'base_handover', (m) => m.rank === 4 && m.a > h.wj);
    const place = firstFac ? placeOf(ctx, firstFac) : x.place;
    for (const m of after) args.push(m);
    if (site >= 0) args.push({ a: site, b: site + 1 });
    return draft('base_handover', CODES.handover, h, c, {
      date: x.dates[0]?.m.value ?? null, place, actors: x.actors, people: x.people, count, args: [...x.args, ...args],
    });
  }
  return null;
}

// ---------- troop presence ----------

/** «ولا يزال نحو 2500 عسكري أميركي متواجدين في العراق»: a figure of troops where they are. */
export function buildTroops(ctx: Ctx, c: Clause, hits: TrigRef[], training: TrigRef[]): Draft | null {
  for (const h of hits) {
    const num = numbersIn(ctx, c).find((n) => n.b === h.wi);
    if (!num || num.num.value === null) continue;
    if (anyWord(ctx, Math.max(c.a, num.a - 6), num.a, NOT_PRESENCE) >= 0) continue;
    // «سبعة جنود قتلوا»، «3 جنود أمريكيين قتلى»: casualties, not a presence.
    if (anyWord(ctx, h.wi + 1, Math.min(c.b, h.wi + 3), KILLED_AFTER) >= 0 || anyWord(ctx, h.wi + 1, Math.min(c.b, h.wi + 3), INJURED_AFTER) >= 0) continue;
    if (training.some((t) => t.wi < num.a && num.a - t.wi <= 6)) continue;
    const x = common(ctx, c, h, 'troop_presence');
    const p = x.place?.mention;
    const placeAfter = !!p && p.a > h.wi && p.a - h.wi <= 6 && p.b <= c.b;
    if (anyWord(ctx, Math.max(c.a, num.a - 8), Math.min(c.b, h.wi + 9), PRESENCE) < 0 && !placeAfter) continue;
    return draft('troop_presence', CODES.troops, h, c, {
      date: x.dates[0]?.m.value ?? null, place: x.place, actors: x.actors, people: x.people, count: num.num.value, args: [...x.args, num],
    });
  }
  return null;
}

// ---------- training ----------

/** «تم تدريب أكثر من 300 ألف جندي عراقي»: needs a number of trainees. */
export function buildTraining(ctx: Ctx, c: Clause, hits: TrigRef[]): Draft | null {
  const { W } = ctx;
  for (const h of hits) {
    if (blocked(ctx, c, h)) continue;
    const nums = numbersIn(ctx, c).filter((n) => n.num.value !== null && (hasAt(W, TRAINEES, n.b) || hasAt(W, TRAINEES, n.b + 1)));
    // A figure before the trigger is of trainees only when they received it («1800 مقاتل تلقوا
    // تدريبات»، «3000 جندي دربوا»), not of trainers («3500 عسكري … لتقديم التدريب»).
    const received = h.e.pos === 'verb' || hasAt(W, RECEIVED, h.wi - 1);
    const num = nums.find((n) => n.a > h.wj && n.a - h.wj <= 8) ?? (received ? nums.find((n) => n.b <= h.wi && h.wi - n.b <= 6) : undefined);
    if (!num) continue;
    const x = common(ctx, c, h, 'training');
    return draft('training', CODES.training, h, c, {
      date: x.dates[0]?.m.value ?? null, place: x.place, actors: x.actors, people: x.people, count: num.num.value, args: [...x.args, num],
    });
  }
  return null;
}

// ---------- withdrawal plan ----------

/**
 * «ستنهي بحلول نهاية العام مهمتها القتالية»: an end or withdrawal of forces by a date. The date
 * must be a deadline («بحلول»، «قبل»، «نهاية») or later than the publication date; a withdrawal
 * in the past («انسحبت … عام 2011») or with no date is no plan.
 */
export function buildWithdrawal(ctx: Ctx, c: Clause, hits: TrigRef[]): Draft | null {
  const published = ctx.doc.published;
  for (const h of hits) {
    if (blocked(ctx, c, h) || anyWord(ctx, Math.max(c.a, h.wi - 2), h.wi, PAST_BEFORE) >= 0) continue;
    if (anyWord(ctx, Math.max(c.a, h.wi - 4), Math.min(c.b, h.wj + 5), MILITARY) < 0) continue;
    const deadline = clauseDates(ctx, c, h.wi).find((d) => {
      if (anyWord(ctx, d.a, d.b, PAST_DATE) >= 0) return false;
      if (anyWord(ctx, Math.max(c.a, d.a - 2), d.a + 1, DEADLINE) >= 0) return true;
      const when = d.m.value ?? d.m.approx;
      return !!published && !!when && when > published;
    });
    if (!deadline) continue;
    const x = common(ctx, c, h, 'withdrawal_plan');
    const codes = anyWord(ctx, c.a, c.b, AGREEMENT) >= 0 ? CODES.agreement : CODES.withdrawal;
    return draft('withdrawal_plan', codes, h, c, {
      date: deadline.m.value, place: x.place, actors: x.actors, people: x.people, args: [...x.args, deadline],
    });
  }
  return null;
}
