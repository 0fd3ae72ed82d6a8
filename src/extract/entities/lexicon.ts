// The entity lexicons behind the entity stage: curated actors and gazetteer places, looked up by
// matchKey. A single adapter, so the scanner does not depend on how the data is stored.
import { matchKey } from '../../lang/ar/normalize.js';
import type { EntityType } from '../../core/types.js';
import { KNOWN_ORGS, PLACES } from '../../lang/ar/lexicon.js';

export interface LexiconHit {
  type: EntityType;
  /** Canonical name, the same for every alias of one actor or place. */
  canonical: string;
  coordinates: { lat: number; lon: number } | null;
  source: string;
}

/** Look up a normalised key (matchKey of a surface form). The built-in lists hold folded forms only,
 * so their canonical name is left to the article's own spelling (canonical: ''). */
export function lookup(key: string): LexiconHit | null {
  if (KNOWN_ORGS.has(key)) return { type: 'ORG', canonical: '', coordinates: null, source: 'lexicon' };
  if (PLACES.has(key) && !/^(?:قضاء|ناحيه|محافظه|منطقه|مدينه|بلده|مخيم|ريف|شمال|جنوب|شرق|غرب|اقليم|قطاع)$/.test(key)) {
    return { type: 'GPE', canonical: '', coordinates: null, source: 'lexicon' };
  }
  return null;
}

/** The longest name in the lexicons, in words. */
export const MAX_WORDS = 6;

/** First words of every lexicon name: a token that is none of them starts no lexicon match. */
const FIRST = new Set<string>([...KNOWN_ORGS, ...PLACES].map((k) => k.split(' ')[0]!));
export const startsName = (word: string): boolean => FIRST.has(word);

export { matchKey };
