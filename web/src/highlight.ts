// Overlapping highlights as flat segments. Spans may nest or overlap (a quote contains entity
// mentions, an event sentence contains a date…), and HTML cannot express overlap, so the text is
// cut at every span boundary and each piece carries the set of marks covering it.
import type { Span } from '../../src/serve/types';

export interface Mark<D = unknown> {
  span: Span;
  /** CSS class for this layer, e.g. 'x-quote' or 'x-ent x-ent-PER'. */
  cls: string;
  data?: D;
}

export interface Segment<D = unknown> {
  start: number;
  end: number;
  text: string;
  marks: Mark<D>[];
}

/** Cuts text[from, to) at every boundary of the marks that touch it. Empty marks are ignored. */
export function segments<D>(text: string, from: number, to: number, marks: Mark<D>[]): Segment<D>[] {
  const inside = marks.filter((m) => m.span[1] > from && m.span[0] < to && m.span[1] > m.span[0]);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(from, m.span[0]));
    cuts.add(Math.min(to, m.span[1]));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment<D>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    // Sorted so the shortest (innermost) mark comes first: it wins when one must be chosen (a link).
    const covering = inside
      .filter((m) => m.span[0] <= start && m.span[1] >= end)
      .sort((a, b) => a.span[1] - a.span[0] - (b.span[1] - b.span[0]));
    out.push({ start, end, text: text.slice(start, end), marks: covering });
  }
  return out;
}

/** Paragraph spans; when the API gives none, the text split on blank lines / newlines. */
export function paragraphs(text: string, given: Span[]): Span[] {
  if (given.length) return given;
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Parses `hl=12-40` into a span, or null. */
export function parseSpan(s: string | null): Span | null {
  const m = /^(\d+)-(\d+)$/.exec(s ?? '');
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return b > a ? [a, b] : null;
}

// --- search words in the reader ----------------------------------------------------------------
// The server's full-text index folds Arabic spelling variants; the reader mimics it loosely so a
// word searched as "اسرائيل" is also marked where the text writes "إسرائيل".

const DIACRITICS = '[\\u064B-\\u065F\\u0670\\u0640]*'; // harakat, dagger alef, tatweel
const FOLD: Record<string, string> = {
  ا: '[اأإآٱ]', أ: '[اأإآٱ]', إ: '[اأإآٱ]', آ: '[اأإآٱ]', ٱ: '[اأإآٱ]',
  ه: '[هة]', ة: '[هة]',
  ي: '[يىئ]', ى: '[يىئ]',
  و: '[وؤ]', ؤ: '[وؤ]',
};
const escapeRe = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The positive words of a search query: phrases split into words, `-word` and OR dropped. */
export function queryTerms(q: string): string[] {
  const words = q
    .replace(/["“”«»]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'OR' && w !== 'AND' && w !== 'NOT' && !w.startsWith('-'))
    .map((w) => w.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[*()]/g, ''))
    .filter((w) => w.length >= 2);
  return [...new Set(words)];
}

/** Spans of the words of `text` that begin (after a clitic like و/ب/ال) with a query term. */
export function termSpans(text: string, q: string): Span[] {
  const terms = queryTerms(q);
  if (!terms.length) return [];
  const alt = terms.map((t) => [...t].map((c) => (FOLD[c] ?? escapeRe(c)) + DIACRITICS).join('')).join('|');
  // A word start, optional proclitics, the term, then the rest of the word.
  const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:[وف]?[بلك]?(?:ال)?)?(?:${alt})[\\p{L}\\p{M}\\p{N}]*`, 'giu');
  const out: Span[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
