// The entity lexicons behind the entity stage: the curated actors (lang/ar/actors.ts) and the
// gazetteer (lang/ar/gazetteer), looked up by matchKey. One adapter, so the scanner does not
// depend on how the data is stored.
import { matchKey } from '../../lang/ar/normalize.js';
import type { EntityType } from '../../core/types.js';
import { ACTOR_KEYS } from '../../lang/ar/actors.js';
import { MAX_PLACE_WORDS, PLACE_KEYS, type Place } from '../../lang/ar/gazetteer/index.js';

export interface LexiconHit {
  type: EntityType;
  /** Canonical name, the same for every alias of one actor or place. */
  canonical: string;
  coordinates: { lat: number; lon: number } | null;
  source: string;
}

const coords = (p: Place | undefined) => (p ? { lat: p.lat, lon: p.lon } : null);

/** A place by key, with or without the article; ambiguous names («الباب») only when allowed. */
function place(key: string, allowAmbiguous: boolean): Place | undefined {
  const p = PLACE_KEYS.get(key) ?? (key.startsWith('ال') ? undefined : PLACE_KEYS.get('ال' + key));
  if (!p) return undefined;
  if (!allowAmbiguous && p.ambiguous?.some((n) => matchKey(n) === key || matchKey(n) === 'ال' + key)) return undefined;
  return p;
}

/**
 * Look up a normalised key (matchKey of a surface form, clitics already removed). Actors first:
 * «الولايات المتحدة» is a state that acts; places second, with their coordinates.
 */
export function lookup(key: string, allowAmbiguous = false): LexiconHit | null {
  const a = ACTOR_KEYS.get(key);
  if (a) {
    const at = a.type === 'GPE' ? place(matchKey(a.name), true) : undefined;
    return { type: a.type, canonical: a.name, coordinates: coords(at), source: `actors:${a.kind}` };
  }
  const p = place(key, allowAmbiguous);
  if (p) return { type: p.type, canonical: p.name, coordinates: coords(p), source: `gazetteer:${p.id}` };
  return null;
}

/** The longest name in the lexicons, in words. */
export const MAX_WORDS = Math.max(6, MAX_PLACE_WORDS);

/** First words of every lexicon name: a token that is none of them starts no lexicon match. */
const FIRST = new Set<string>();
for (const k of [...ACTOR_KEYS.keys(), ...PLACE_KEYS.keys()]) {
  const w = k.split(' ')[0]!;
  FIRST.add(w);
  if (w.startsWith('ال')) FIRST.add(w.slice(2));
  else FIRST.add('ال' + w);
}
export const startsName = (word: string): boolean => FIRST.has(word);

export { matchKey };
