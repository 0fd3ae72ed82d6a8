// Per-outlet boilerplate that no general rule knows: a site's own signature, its "read also"
// kicker, its app banner. The store counts, per outlet, in how many articles each short line
// occurs; a line found in many articles of one outlet is furniture of that outlet, and the clean
// stage drops it from the outlet's articles. This module gives both sides the same line keys.
import { matchKey } from '../lang/ar/normalize.js';
import { wordCount } from '../lang/ar/tokenize.js';
import { fnv1a } from '../link/minhash.js';

/** Only short lines are learned: furniture is short, and a long paragraph that recurs is a story repeated. */
export const LEARN_MAX_WORDS = 20;

/** A 52-bit key of a line's folded form (two 32-bit hashes, so that it stays an exact JS number). */
export function lineKey(line: string): number {
  const k = matchKey(line);
  return (fnv1a(k) & 0xfffff) * 0x100000000 + fnv1a(k, 0x01000193);
}

/**
 * A sentence (four words or more, ending in a full stop or a question or exclamation mark) is
 * never learned: an outlet that repeats one across articles («وقد صدر مرسوم ملكي بذلك.») is
 * repeating content, whereas furniture is a label, a byline or a dateline.
 */
const SENTENCE_END = /[.!؟?]\s*$/;

/** The distinct keys of the learnable lines of a raw article body. */
export function learnableKeys(raw: string): number[] {
  const keys = new Set<number>();
  for (const l of raw.split(/\r\n|\r|\n/)) {
    const words = wordCount(l);
    if (words < 1 || words > LEARN_MAX_WORDS || (words >= 4 && SENTENCE_END.test(l))) continue;
    keys.add(lineKey(l));
  }
  return [...keys];
}
