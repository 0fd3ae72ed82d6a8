// Search terms: what a word is indexed and looked up as. Arabic writes the conjunctions و ف, the
// prepositions ب ل ك and the article ال onto the word («وللجيش» = و + ل + ال + جيش), so a user
// typing «الجيش» must find «وبالجيش» and «للجيش». Only these prefixed clitics are removed: they
// are closed-class and sit at the front, so stripping them is predictable. Suffixes (plural,
// pronouns) are left alone; a trailing * in the query finds them («مقاتل*»).
//
// Stripping a letter that belongs to the word («بغداد» → «غداد», «وزير» → «زير») does no harm as
// long as the index and the query strip the same way, which they do: both go through searchStem.
// The minimum lengths keep short words whole, where a collision would be likely («بحث» ≠ «حث»).
import { norm } from './normalize.js';
import { tokenize } from './tokenize.js';

/** A conjunction (و ف) comes off when at least this many letters remain. */
const MIN_AFTER_CONJ = 3;
/** A preposition (ب ل ك) comes off when at least this many letters remain. */
const MIN_AFTER_PREP = 4;
/** The article ال (and ل+ال written لل) comes off when at least this many letters remain. */
const MIN_AFTER_ARTICLE = 3;

/** The search stem of a normalised word (see norm()). */
export function searchStem(n: string): string {
  let w = n;
  for (let step = 0; step < 4; step++) {
    const c = w[0];
    if ((w.startsWith('ال') || w.startsWith('لل')) && w.length - 2 >= MIN_AFTER_ARTICLE) w = w.slice(2);
    else if ((c === 'و' || c === 'ف') && w.length - 1 >= MIN_AFTER_CONJ) w = w.slice(1);
    else if ((c === 'ب' || c === 'ل' || c === 'ك') && w.length - 1 >= MIN_AFTER_PREP) w = w.slice(1);
    else break;
  }
  return w;
}

export interface Term {
  stem: string;
  start: number;
  end: number;
}

/** The search terms of a text with their spans, in order (punctuation is not a term). */
export function searchTerms(text: string): Term[] {
  const out: Term[] = [];
  for (const t of tokenize(text)) if (t.word) out.push({ stem: searchStem(t.n), start: t.start, end: t.end });
  return out;
}

/** The text an index column holds: the stems, space-separated. */
export function stemmedText(text: string): string {
  let out = '';
  for (const t of tokenize(text)) if (t.word) out += (out ? ' ' : '') + searchStem(t.n);
  return out;
}

/** The stem of one word a user typed (folded first). */
export function queryStem(word: string): string {
  return searchStem(norm(word));
}
