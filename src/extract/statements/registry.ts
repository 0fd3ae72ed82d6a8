// Who is who in one document: every person named in full (after a title or a role, or as a
// speaker), so that a later «ماروتو» or «حسين» is given the fullest name the article prints,
// and a role alone («القائد العام للجيش الأمريكي») finds the person who holds it.
import type { Span } from '../../core/types.js';
import { ROLE_HEADS, STATE_KINDS } from '../../lang/ar/lexicon.js';
import { matchKey } from '../../lang/ar/normalize.js';
import type { Token } from '../../lang/ar/tokenize.js';
import { nounPhrase, phraseAtToken } from './speaker.js';
import { isGivenName, isOrgHead, isRoleHead, isTitle, maybeHead, mayBeGivenOrHead } from './words.js';

export interface Person {
  name: string;
  words: string[];
  role: string | null;
  org: string | null;
  at: number;
}

/** Words that carry no identity in a role: prepositions and the article. */
const roleKey = (role: string): Set<string> =>
  new Set(matchKey(role).split(' ').map(roleWord).filter((w) => w.length > 2 && !/^(?:باسم|في|لدي)$/.test(w) && !isStateWord(w)));

/** «بدولة قطر»، «بمملكة البحرين»: the kind of state says nothing the country's name does not. */
const isStateWord = (w: string) => STATE_KINDS.has(w) || (/^[بل]/.test(w) && STATE_KINDS.has(w.slice(1)));

/**
 * One form per role word: no article or glued preposition, a nisba without its feminine ending
 * («التركية» = «التركي»), one spelling of «أمريكي», and «الحكومة» for «الوزراء» («رئيس الحكومة»
 * is «رئيس الوزراء»).
 */
function roleWord(w: string): string {
  // «للإمارات» is ل + «الإمارات» printed without the article's alef.
  let x = w.startsWith('لل') ? w.slice(2) : w.replace(/^(?:ل|ب|و)(?=ال)/, '').replace(/^ال/, '');
  // «ووزير الداخلية»: a second office coordinated with «و».
  if (x.length > 4 && x.startsWith('و') && ROLE_HEADS.has(x.slice(1))) x = x.slice(1);
  if (x.length > 4 && x.endsWith('يه')) x = x.slice(0, -1);
  if (x === 'اميركي') x = 'امريكي';
  if (x === 'حكومه') x = 'وزراء';
  // A nisba is its country: «النائب العام الإماراتي» is «النائب العام للإمارات».
  if (x.length >= 4 && x.endsWith('ي')) x = x.slice(0, -1); // «القطري» = «قطر»
  return x;
}

export class Registry {
  persons: Person[] = [];
  /** Organisations named with a head noun («جبهة النصرة»), for short references («النصرة»); keyed lazily. */
  private orgSpans: Array<[number, number]> = [];
  private orgKeys: Array<{ name: string; words: string[] }> | null = null;
  private text = '';

  add(name: string, role: string | null, org: string | null, at: number): void {
    const words = matchKey(name).split(' ').filter(Boolean);
    if (!words.length) return;
    const same = this.persons.find((p) => p.words.join(' ') === words.join(' '));
    if (same) {
      same.role ??= role;
      same.org ??= org;
      return;
    }
    this.persons.push({ name, words, role, org, at });
  }

  /** Words of every registered person's name: evidence that a bare word is a name. */
  nameWords(): Set<string> {
    return new Set(this.persons.flatMap((p) => p.words));
  }

  /** The organisation a short definite name refers to: «النصرة» → «جبهة النصرة». */
  orgFor(short: string): string | null {
    const k = matchKey(short);
    const bare = k.replace(/^ال/, '');
    this.orgKeys ??= this.orgSpans.map(([a, b]) => {
      const name = this.text.slice(a, b);
      return { name, words: matchKey(name).split(' ') };
    });
    const hit = this.orgKeys.find((o) => o.words.length > 1 && o.words.slice(1).some((w) => w === k || w === bare));
    return hit?.name ?? null;
  }

  /**
   * The organisation named last before `at` whose name holds the head word of a definite
   * anaphor: «نددت الخارجية التركية … وأوضحت الخارجية أن» → «الخارجية التركية».
   */
  orgBefore(head: string, at: number): { name: string; at: number } | null {
    const h = matchKey(head);
    const bare = h.replace(/^ال/, '');
    for (let k = this.orgSpans.length - 1; k >= 0; k--) {
      const [a, b] = this.orgSpans[k]!;
      if (a >= at) continue;
      const words = matchKey(this.text.slice(a, b)).split(' ');
      // «التنظيم» for «تنظيم القاعدة في بلاد المغرب»: the head printed without its article.
      if (words.length > 1 && (words.includes(h) || words[0] === bare)) return { name: this.text.slice(a, b), at: a };
    }
    return null;
  }

  /** Register the people named after titles and roles anywhere in the text, and the organisations. */
  scan(text: string, toks: Token[]): void {
    this.text = text;
    for (let i = 0; i < toks.length; i++) {
      if (!mayBeGivenOrHead(toks[i])) continue;
      // «سامح شكري وزير الخارجية المصري»: a given name followed by a role names the holder.
      if (isGivenName(toks[i]) && !isGivenName(toks[i - 1]) && !maybeHead(toks[i - 1])) {
        const p = phraseAtToken(text, toks, i);
        if (p?.kind === 'person' && p.name && p.role) this.add(p.name, p.role, p.org, p.span[0]);
        continue;
      }
      if (!maybeHead(toks[i])) continue;
      if (isOrgHead(toks[i]) && !isOrgHead(toks[i - 1])) {
        const e = nounPhrase(toks, i, Math.min(toks.length, i + 8));
        if (e > i + 1) this.orgSpans.push([toks[i]!.start, toks[e - 1]!.end]);
      }
      if (!isTitle(toks[i]) && !isRoleHead(toks[i])) continue;
      if (i > 0 && (isTitle(toks[i - 1]) || isRoleHead(toks[i - 1]))) continue;
      const p = phraseAtToken(text, toks, i);
      if (p?.kind === 'person' && p.name) this.add(p.name, p.role, p.org, p.span[0]);
    }
  }

  /** The fullest registered name containing this (shorter) name, preferring the nearest before `at`. */
  fullest(name: string, at: number): Person | null {
    const words = matchKey(name).split(' ').filter(Boolean);
    const fits = this.persons.filter((p) => p.words.length >= words.length && contains(p.words, words));
    if (!fits.length) return null;
    const before = fits.filter((p) => p.at <= at);
    const pool = before.length ? before : fits;
    const longer = pool.filter((p) => p.words.length > words.length);
    const c = longer.length ? longer : pool;
    // The nearest mention before; for a name printed in full only later, the first one after.
    return c.reduce((b, p) => (before.length ? (p.at > b.at ? p : b) : p.at < b.at ? p : b));
  }

  /**
   * The person whose role matches a role printed alone: the words printed must nearly all be in
   * the holder's role («الوزير الأمريكي» ⊂ «وزير الخارجية الأمريكي»); the closest match wins, and
   * among equals the one named nearest before `at`.
   */
  byRole(role: string, at = Infinity): Person | null {
    const want = roleKey(role);
    if (!want.size) return null;
    let best: Person | null = null, bestScore = 0;
    for (const p of this.persons) {
      if (!p.role) continue;
      const have = roleKey(p.role);
      const common = [...want].filter((w) => have.has(w)).length;
      // «الأمين العام لرابطة العالم الإسلامي» for the holder printed as «الأمين العام الدكتور …»:
      // the printed role may also hold the whole registered one and add its organisation.
      const covers = have.size >= 2 && common === have.size;
      if (common / want.size < 0.75 && !covers) continue;
      const score = common / Math.max(want.size, have.size) + (p.at <= at ? p.at / 1e9 : 0);
      if (score > bestScore) [best, bestScore] = [p, score];
    }
    return best;
  }
}

/** Does `hay` hold the words of `needle` in a row? */
export function contains(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export type { Span };
