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

/** The folded ambiguous names of each place, computed once. */
const AMBIGUOUS = new Map<Place, Set<string>>();
for (const p of new Set(PLACE_KEYS.values())) if (p.ambiguous?.length) AMBIGUOUS.set(p, new Set(p.ambiguous.map(matchKey)));

/** A place by key, with or without the article; ambiguous names («الباب») only when allowed. */
function place(key: string, allowAmbiguous: boolean): Place | undefined {
  // Exact forms only: adding «ال» would make the adjective «قصير» the town «القصير».
  const p = PLACE_KEYS.get(key);
  if (!p) return undefined;
  const amb = AMBIGUOUS.get(p);
  if (!allowAmbiguous && amb && (amb.has(key) || amb.has('ال' + key))) return undefined;
  return p;
}

/** Coordinates of state actors, from the gazetteer entry of the same name. */
const ACTOR_COORDS = new Map<string, { lat: number; lon: number } | null>();

/**
 * Look up a normalised key (matchKey of a surface form, clitics already removed). Actors first:
 * «الولايات المتحدة» is a state that acts; places second, with their coordinates.
 */
export function lookup(key: string, allowAmbiguous = false): LexiconHit | null {
  const a = ACTOR_KEYS.get(key);
  if (a) {
    let c = ACTOR_COORDS.get(a.name);
    if (c === undefined) ACTOR_COORDS.set(a.name, (c = a.type === 'GPE' ? coords(place(matchKey(a.name), true)) : null));
    return { type: a.type, canonical: a.name, coordinates: c, source: `actors:${a.kind}` };
  }
  const p = place(key, allowAmbiguous);
  if (p) return { type: p.type, canonical: p.name, coordinates: coords(p), source: `gazetteer:${p.id}` };
  return null;
}

/** The longest name in the lexicons, in words. */
export const MAX_WORDS = Math.max(6, MAX_PLACE_WORDS);

/**
 * First words of every lexicon name → the most words a name starting with it has. A token that
 * is no first word starts no match; most first words start one-word names only.
 */
const FIRST = new Map<string, number>();
const note = (w: string, n: number) => FIRST.set(w, Math.max(n, FIRST.get(w) ?? 0));
for (const k of [...ACTOR_KEYS.keys(), ...PLACE_KEYS.keys()]) {
  const words = k.split(' ');
  const w = words[0]!;
  note(w, words.length);
  note(w.startsWith('ال') ? w.slice(2) : 'ال' + w, words.length);
}
/** 0 when no name starts with this word, else the longest such name in words. */
export const namesStartingWith = (word: string): number => FIRST.get(word) ?? 0;

// Every key of both lexicons as a bit set of FNV-1a hashes: a candidate phrase whose hash is not
// in it is no key, so it is never joined into a string and looked up (most multi-word tries miss).
export const FNV_OFFSET = 0x811c9dc5, FNV_PRIME = 0x01000193;
/** FNV-1a continued from `h` over s[from, end). */
export function hashOn(h: number, s: string, from = 0): number {
  for (let i = from; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}
const KEY_BITS = 1 << 20;
const KEY_HASHES = new Uint32Array(KEY_BITS >>> 5);
for (const k of [...ACTOR_KEYS.keys(), ...PLACE_KEYS.keys()]) {
  const h = hashOn(FNV_OFFSET, k);
  KEY_HASHES[(h & (KEY_BITS - 1)) >>> 5]! |= 1 << (h & 31);
}
/** False when no key of the lexicons has FNV-1a hash `h` (lookup would return null); true means maybe. */
export const mayBeKey = (h: number): boolean => (KEY_HASHES[(h & (KEY_BITS - 1)) >>> 5]! & (1 << (h & 31))) !== 0;

/** Every word that starts a name (namesStartingWith > 0). */
export const firstWords = (): Iterable<string> => FIRST.keys();

export { matchKey };
