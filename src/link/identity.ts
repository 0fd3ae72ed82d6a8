// One identity per entity across articles. The analyser groups the mentions of an entity within
// one article (its name and aliases, «رئيس الوزراء العراقي مصطفى الكاظمي» … «الكاظمي»); here an
// article's entity is given the keys by which it is found again in other articles, and the
// strength of each key:
//
// - `ref`: what makes two entities the same for certain: the gazetteer's place id, or the type and
//   the folded canonical name (a curated actor, or a full name as written);
// - `names`: the folded names of two words or more it was called in the article; another entity
//   of the type called by one of them is the same one when no other entity is;
// - for a person, `firstLast`: the first and last word of a name of three words or more
//   («محمد شياع السوداني» → «محمد السوداني»), which finds a person known by that shorter name; and
//   `short`, a name of two words, which finds the one person with a longer name of the same first
//   and last word in the article's story (never across the store: «محمد علي نايف» and «محمد بن
//   نايف» are two people);
// - for a person named by one word only («الكاظمي»), `single`: that word, matched against the
//   last words of full names. A surname alone never makes an identity by itself: it is resolved to
//   a person only when one person known by that surname is in the article's story, or in the whole
//   store; otherwise it stays an entity of its own, so that two people who share a surname are
//   never merged.
import type { Entity } from '../core/types.js';
import { matchKey } from '../lang/ar/normalize.js';
import { joinedNameKey } from '../lang/ar/names.js';

export interface IdentityKeys {
  ref: string;
  names: string[];
  firstLast: string | null;
  short: string | null;
  single: string | null;
  /** Keys under which later articles find this entity (stored as its aliases). */
  aliasKeys: string[];
}

/** The folded form of a name by which identities are compared: «عبد الله» and «عبدالله» alike. */
export const nameKey = (name: string): string => joinedNameKey(matchKey(name));

const words = (key: string): string[] => (key ? key.split(' ') : []);

export const aliasKey = (type: string, key: string): string => `${type}:${key}`;
export const lastKey = (word: string): string => `PER~last:${word}`;
export const firstLastKey = (key: string): string => `PER~fl:${key}`;

export function identityKeys(e: Entity): IdentityKeys {
  const own = nameKey(e.name);
  const ref = e.source?.startsWith('gazetteer:') ? e.source : aliasKey(e.type, own);
  const folded = [...new Set([own, ...e.aliases.map(nameKey)])].filter(Boolean);
  const multi = folded.filter((k) => words(k).length >= 2);
  const aliasKeys = new Set<string>();
  for (const k of e.type === 'PER' ? multi : folded) aliasKeys.add(aliasKey(e.type, k));
  let firstLast: string | null = null;
  let single: string | null = null;
  let short: string | null = null;
  if (e.type === 'PER') {
    const w = words(own);
    if (w.length >= 3) firstLast = `${w[0]} ${w[w.length - 1]}`;
    if (w.length === 2) short = own;
    if (w.length >= 2) {
      aliasKeys.add(lastKey(w[w.length - 1]!));
      if (firstLast) aliasKeys.add(firstLastKey(firstLast));
    } else if (w.length === 1) single = w[0]!;
  }
  return { ref, names: e.type === 'PER' ? multi : folded, firstLast, short, single, aliasKeys: [...aliasKeys] };
}
