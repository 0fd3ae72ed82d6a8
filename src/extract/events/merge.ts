// An article tells an event more than once: the lede and the body, «استقبل بايدن الكاظمي» and
// «زيارة الكاظمي إلى واشنطن», «ستنهي بحلول نهاية العام» and «بحلول 31 كانون الأول». The first
// telling is kept and later ones fill its gaps.
import type { EventType } from '../../core/types.js';
import type { Draft } from './build.js';

const family = (t: EventType): string => (t === 'assault' || t === 'airstrike' ? 'violence' : t);

/** No field both know disagrees. */
function compatible(a: Draft, b: Draft): boolean {
  const clash = <T>(x: T | null, y: T | null) => x !== null && y !== null && x !== y;
  return !clash(a.date, b.date) && !clash(a.killed, b.killed) && !clash(a.injured, b.injured) && !clash(a.count, b.count);
}

function samePlace(a: Draft, b: Draft): boolean {
  return !a.place || !b.place || a.place.mention.ent === b.place.mention.ent;
}

/** Two tellings of one happening: same type, nothing in conflict, and something the same. */
function sameHappening(k: Draft, d: Draft): boolean {
  if (k.type !== d.type || !compatible(k, d)) return false;
  if (d.type === 'meeting') {
    // The same people: one side's persons all among the other's («زيارة الكاظمي» ⊂ «بايدن، الكاظمي»).
    if (!k.people.length || !d.people.length) return false;
    const [small, big] = k.people.length <= d.people.length ? [k.people, d.people] : [d.people, k.people];
    return small.every((p) => big.includes(p));
  }
  if (!samePlace(k, d)) return false;
  if (d.type === 'withdrawal_plan') return k.date !== null && k.date === d.date;
  const same = <T>(x: T | null, y: T | null) => x !== null && x === y;
  return same(k.date, d.date) || same(k.killed, d.killed) || same(k.injured, d.injured) || same(k.count, d.count);
}

function fill(into: Draft, from: Draft, withPlace: boolean): void {
  into.date ??= from.date;
  into.killed ??= from.killed;
  into.injured ??= from.injured;
  into.count ??= from.count;
  if (!withPlace) return;
  into.place ??= from.place;
  for (const a of from.actors) if (!into.actors.includes(a)) into.actors.push(a);
  for (const p of from.people) if (!into.people.includes(p)) into.people.push(p);
}

export function mergeDrafts(drafts: Draft[]): Draft[] {
  const kept: Draft[] = [];
  for (const d of drafts) {
    if (d.anaphoric || d.weak) {
      // «الهجوم» two sentences on, «وأسفر عن مقتل 5» in the next clause: the event just told.
      const reach = d.anaphoric ? 2 : 1;
      let p: Draft | undefined;
      for (let i = kept.length - 1; i >= 0; i--) {
        const k = kept[i]!;
        if (d.clause.sent - k.clause.sent > reach) break;
        if (family(k.type) === family(d.type) && compatible(k, d)) { p = k; break; }
      }
      if (p) { fill(p, d, false); continue; }
      if (!d.anchored) continue;
    }
    const same = kept.find((k) => sameHappening(k, d));
    if (same) { fill(same, d, true); continue; }
    kept.push(d);
  }
  return kept;
}
