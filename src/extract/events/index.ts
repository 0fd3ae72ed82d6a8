// Events of the contract's seven types (assault, airstrike, base_handover, troop_presence,
// meeting, withdrawal_plan, training), each with its date, place, actors, figures, trigger and
// span, and its PLOVER and ACLED types.
//
// How: one pass looks every word of the normalised text up in the trigger table
// (lang/ar/events-data.ts). Only sentences with a trigger are read further: they are cut into
// clauses (reported words after «أن», contrasts, colons), and per clause one builder per type
// decides whether the triggers name a concrete happening or a stated figure (build.ts). Last, an
// event told twice in an article is kept once (merge.ts).
import type { ArticleDoc, NewsEvent } from '../../core/types.js';
import { normalizeWithMap, toOriginal } from '../../lang/ar/normalize.js';
import { NUMBER_START_WORDS } from '../../lang/ar/numbers.js';
import { buildHandover, buildMeeting, buildTraining, buildTroops, buildViolence, buildWithdrawal, type Draft, type TrigRef } from './build.js';
import { makeContext, type Ctx } from './context.js';
import { mergeDrafts } from './merge.js';
import { clauses, hasAt, mayBeTrigger, scanWords, triggerAt, type Clause, type Words } from './text.js';

export function extractEvents(doc: ArticleDoc): NewsEvent[] {
  if (!doc.text) return [];
  const nt = normalizeWithMap(doc.text);
  const W = scanWords(nt.text);
  const trigs = findTriggers(W);
  if (!trigs.length) return [];
  const at: number[] = []; // by push: optimised map makes holey arrays, interpreted map packed ones
  for (const t of trigs) at.push(t.wi);
  const ctx = makeContext(doc, nt, W, at);
  const drafts: Draft[] = [];
  let t = 0;
  ctx.sentences.forEach((sent, si) => {
    while (t < trigs.length && trigs[t]!.wi < sent.a) t++;
    let u = t;
    while (u < trigs.length && trigs[u]!.wi < sent.b) u++;
    if (u === t) return;
    const inSentence = trigs.slice(t, u);
    for (const c of clauses(W, sent, si, ctx.inName)) {
      const hits = inSentence.filter((h) => h.wi >= c.a && h.wi < c.b);
      if (hits.length) build(ctx, c, hits, drafts);
    }
    t = u;
  });
  // Built by push: the stage's output has one array kind whether this code is optimised or not.
  const events: NewsEvent[] = [];
  for (const d of mergeDrafts(drafts)) events.push(finish(ctx, d));
  return events.sort((a, b) => a.span[0] - b.span[0]);
}

/** Every trigger word of the text, with a two-part trigger's second word found («عبوة … ناسفة»). */
function findTriggers(W: Words): TrigRef[] {
  const out: TrigRef[] = [];
  for (let i = 0; i < W.count; i++) {
    const start = W.s[i]!;
    const end = W.e[i]!;
    if (!mayBeTrigger(W.n, start, end)) continue;
    const hit = triggerAt(W.n, start, end);
    if (!hit) continue;
    for (const e of hit.entries) {
      // A troop noun counts only right after a figure: skip the common adjective «العسكري».
      if (e.kind === 'troops' && !(i > 0 && looksNumeric(W.word(i - 1)!))) continue;
      let wj = i;
      if (e.next) {
        wj = -1;
        for (let k = i + 1; k <= Math.min(W.count - 1, i + (e.within ?? 1)); k++) {
          if (hasAt(W, e.next, k)) { wj = k; break; }
        }
        if (wj < 0) continue;
      }
      if (out.length && out[out.length - 1]!.wi === i && out[out.length - 1]!.e.type === e.type) continue;
      out.push({ wi: i, wj, e, definite: hit.definite, prefix: hit.prefix });
    }
  }
  return out;
}

function looksNumeric(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return (c >= 48 && c <= 57) || NUMBER_START_WORDS.has(w) || NUMBER_START_WORDS.has(w.slice(1));
}

function build(ctx: Ctx, c: Clause, hits: TrigRef[], out: Draft[]): void {
  const of = (...types: string[]) => hits.filter((h) => types.includes(h.e.type));
  const push = (d: Draft | null) => void (d && out.push(d));
  const violence = of('assault', 'airstrike');
  if (violence.length) push(buildViolence(ctx, c, violence));
  const meeting = of('meeting');
  if (meeting.length) push(buildMeeting(ctx, c, meeting));
  const handover = of('base_handover');
  if (handover.length) push(buildHandover(ctx, c, handover));
  const training = of('training');
  const troops = of('troop_presence');
  if (troops.length) push(buildTroops(ctx, c, troops, training));
  if (training.length) push(buildTraining(ctx, c, training));
  const withdrawal = of('withdrawal_plan');
  if (withdrawal.length) push(buildWithdrawal(ctx, c, withdrawal));
}

const SPAN_REACH = 20;

/** The record: spans back in the printed text, the span covering the trigger and the arguments read. */
function finish(ctx: Ctx, d: Draft): NewsEvent {
  const { W, nt, doc } = ctx;
  const c = d.clause;
  const trigS = W.s[d.trig.wi]! + d.trig.prefix;
  const trigE = W.e[d.trig.wj]!;
  let s = trigS;
  let e = trigE;
  // The span covers the trigger and the arguments read near it (a place named 30 words away
  // is still the event's place, but highlighting everything between would say little).
  const near = (r: { a: number; b: number }) => r.a >= c.a && r.b <= c.b && r.b > d.trig.wi - SPAN_REACH && r.a < d.trig.wj + SPAN_REACH;
  for (const r of d.args) {
    if (!near(r)) continue;
    s = Math.min(s, W.s[r.a]!);
    e = Math.max(e, W.e[r.b - 1]!);
  }
  if (d.place && near(d.place.mention)) s = Math.min(s, d.place.from);
  const span = toOriginal(nt, s, e);
  const tspan = toOriginal(nt, trigS, trigE);
  return {
    type: d.type,
    date: d.date,
    location: d.place?.name ?? null,
    coordinates: d.place?.coordinates ?? null,
    actors: d.actors,
    killed: d.killed,
    injured: d.injured,
    count: d.count,
    span,
    plover: d.codes.plover,
    acled: { event_type: d.codes.event_type, sub_event_type: d.codes.sub_event_type },
    trigger: { text: doc.text.slice(tspan[0], tspan[1]), span: tspan },
  };
}
