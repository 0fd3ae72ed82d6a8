// The five seed articles: how many gold events extractEvents finds by the scorer's rule (same type
// and one of date, location or a figure), once with the entities the pipeline finds and once with
// entities made by hand from the gold names. Prints only: the figure is a measurement, and the
// seeds are not the articles rasd is judged on.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../acquire/index.js';
import { analyzeInput } from '../../core/pipeline.js';
import type { ArticleDoc, EntityType, NewsEvent } from '../../core/types.js';
import { extractEvents } from './index.js';
import { handEntities } from './testing.js';

const SHARED = new URL('../../../../shared/', import.meta.url);
const SEEDS = new URL('seeds/', SHARED);
const GOLD = new URL('eval/gold/seeds/', SHARED);

interface GoldEvent {
  type: string;
  date: string | null;
  location: string[];
  killed: number | null;
  injured: number | null;
  count: number | null;
  evidence: string;
}
interface Gold {
  file: string;
  events: GoldEvent[];
  entities: { type: EntityType; names: string[] }[];
}

// ---------- the scorer's comparison (shared/eval/score.mjs), reduced to what events need ----------
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
function snorm(s: string): string {
  return s.normalize('NFKC').replace(DIACRITICS, '').replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه')
    .replace(/[یي]/g, 'ي').replace(/ک/g, 'ك').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
}
const stripClitic = (w: string) => w.replace(/^(و|ف|ب|ل|وب|ول|فب|فل)(?=ال)/, '').replace(/^ل(?=[^ا])/, '');
const words = (s: string) => {
  const w = snorm(s).split(' ').filter(Boolean);
  if (w.length) w[0] = stripClitic(w[0]!);
  return w;
};
const hasRun = (hay: string[], needle: string[]) => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
};
function nameMatch(out: string, golds: string[]): boolean {
  const o = words(out);
  if (!o.length) return false;
  return golds.some((g) => {
    const n = words(g);
    return n.length > 0 && (o.join(' ') === n.join(' ') || hasRun(o, n) || (o.length >= 2 && hasRun(n, o)));
  });
}
function evScore(g: GoldEvent, o: NewsEvent): number {
  if (g.type !== o.type) return 0;
  let s = 0;
  if (g.date && o.date === g.date) s++;
  if (g.location?.length && o.location && nameMatch(o.location, g.location)) s++;
  for (const f of ['killed', 'injured', 'count'] as const) if (g[f] != null && o[f] === g[f]) s++;
  return s;
}
function matchCount(golds: GoldEvent[], outs: NewsEvent[]): { tp: number; missed: GoldEvent[] } {
  const pairs: [number, number, number][] = [];
  golds.forEach((g, i) => outs.forEach((o, j) => { const s = evScore(g, o); if (s > 0) pairs.push([s, i, j]); }));
  pairs.sort((a, b) => b[0] - a[0]);
  const gu = new Set<number>();
  const ou = new Set<number>();
  for (const [, i, j] of pairs) if (!gu.has(i) && !ou.has(j)) { gu.add(i); ou.add(j); }
  return { tp: gu.size, missed: golds.filter((_, i) => !gu.has(i)) };
}

async function seedDocs(): Promise<{ doc: ArticleDoc; gold: Gold }[]> {
  const out: { doc: ArticleDoc; gold: Gold }[] = [];
  for (const f of readdirSync(GOLD).filter((x) => x.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(new URL(f, GOLD), 'utf8')) as Gold;
    for await (const r of readSources([new URL(gold.file, SEEDS).pathname])) if (r.ok) out.push({ doc: analyzeInput(r.input), gold });
  }
  return out;
}

describe.skipIf(!existsSync(GOLD))('seed articles (prints only)', () => {
  it('reports gold events matched by type and one of date, location or figure', async () => {
    const docs = await seedDocs();
    expect(docs).toHaveLength(5);
    const lines: string[] = [];
    for (const mode of ['pipeline entities', 'hand entities'] as const) {
      let tp = 0, gold = 0, out = 0;
      const misses: string[] = [];
      const extras: string[] = [];
      for (const { doc, gold: g } of docs) {
        const d = mode === 'hand entities' ? { ...doc, entities: handEntities(doc.text, g.entities) } : doc;
        const events = extractEvents(d);
        const m = matchCount(g.events, events);
        tp += m.tp;
        gold += g.events.length;
        out += events.length;
        for (const x of m.missed) misses.push(`${g.file.slice(0, 3)} ${x.type}: ${x.evidence.slice(0, 60)}`);
        const matched = new Set<NewsEvent>();
        for (const ge of g.events) {
          const best = events.filter((o) => !matched.has(o) && evScore(ge, o) > 0)[0];
          if (best) matched.add(best);
        }
        for (const o of events) {
          if (!matched.has(o)) extras.push(`${g.file.slice(0, 3)} ${o.type} ${o.location ?? '-'} ${o.date ?? '-'}: ${d.text.slice(o.span[0], o.span[1]).slice(0, 60)}`);
        }
      }
      lines.push(`events on the seeds, ${mode}: ${tp}/${gold} gold matched, ${out} output (P ${(tp / Math.max(1, out)).toFixed(2)}, R ${(tp / gold).toFixed(2)})`);
      for (const x of misses) lines.push(`  missed ${x}`);
      for (const x of extras) lines.push(`  extra  ${x}`);
    }
    console.log(lines.join('\n'));
  });
});
