// Paragraphs, quotations and sentences of the cleaned text.
//
// Quotation marks in Arabic news come in every style: « », “ ”, ASCII ", and ” used as both
// opening and closing mark («لـ”داعش”»). Curly and guillemet quotes nest; ASCII quotes toggle.
// Outlets often drop the closing mark of a quotation that runs over two paragraphs, so an
// unclosed quotation runs on into the next paragraph when that one has no attribution of its own.
import type { Quote, Span } from '../core/types.js';

export type { Quote };

export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      let s = start, e = i;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) out.push([s, e]);
      start = i + 1;
    }
  }
  return out;
}

// Tatweel is a letter to Unicode but only stretches the preceding one («لـ”داعش”»): not a word char here.
const isLetter = (c: string | undefined): boolean => c !== undefined && c !== '\u0640' && /[\p{L}\p{N}]/u.test(c);

interface Open {
  mark: string;
  pos: number;
}

/** Top-level quotations of the text. `carries(p)` says whether paragraph p may continue an unclosed quote. */
export function findQuotes(text: string, paras: Span[], carries: (p: number) => boolean = () => true): Quote[] {
  const out: Quote[] = [];
  let stack: Open[] = [];
  const closeTop = (end: number, closed: boolean) => {
    const o = stack[0]!;
    if (stack.length === 1) out.push({ open: o.pos, close: closed ? end : null, inner: [o.pos + 1, end] });
    stack.pop();
  };
  // nestsInside looks for the next two » after each «: remembered, so that a text of many « and
  // few » is not searched to its end once per «.
  const closings = { inner: nextOf(text, '»'), outer: nextOf(text, '»') };
  for (let p = 0; p < paras.length; p++) {
    const [ps, pe] = paras[p]!;
    for (let i = ps; i < pe; i++) {
      const code = text.charCodeAt(i);
      // Only " « » “ ” matter; skip everything else without building a string.
      if (code !== 0x22 && code !== 0xab && code !== 0xbb && code !== 0x201c && code !== 0x201d) continue;
      const c = text[i]!;
      const top = stack[stack.length - 1];
      if (c === '«' && top?.mark === '»') closeTop(i, true); // a reversed pair: »…«
      else if (c === '«' && !/^\s?[\p{L}\p{N}"“”(]/u.test(text.slice(i + 1, i + 3))) {
        // «… الإقليمية «. واعتبر»: a « with no words after it opens nothing; typed for the closing mark.
        if (top?.mark === '«') closeTop(i, true);
      } else if (c === '«') {
        // «« does not nest in Arabic print: a second « means the first was never closed. It ends
        // at its sentence's end (or just before the new mark).
        if (top?.mark === '«' && stack.length === 1 && !nestsInside(text, top.pos, i, pe, closings)) closeTop(unclosedEnd(text, top.pos, i), false);
        stack.push({ mark: c, pos: i });
      }
      else if (c === '»') {
        if (top?.mark === '«') closeTop(i, true);
        // Typed right to left, some writers open with »: «وقال:» لا عمالة …». Only where a quotation
        // can start (after a colon, a space or the line start) and before words.
        else if (top?.mark === '»') {
          // » used for both ends: after a word it closes; after «:» or a space it opens anew.
          const opens = /[:\s]/.test(text[i - 1] ?? ' ');
          if (!opens) closeTop(i, true);
          else {
            closeTop(unclosedEnd(text, top.pos, i), false);
            stack.push({ mark: c, pos: i });
          }
        } else if (!top && /[:\s]/.test(text[i - 1] ?? ' ') && /\s?[\p{L}]/u.test(text.slice(i + 1, i + 3))) stack.push({ mark: c, pos: i });
      } else if (c === '"') {
        if (top?.mark === '"') closeTop(i, true);
        // «… على التلة"، مشيراً»: glued to the word before and followed by no word, a " closes a
        // quotation whose opening mark the outlet dropped; it opens nothing.
        else if (isLetter(text[i - 1]) && !/^\s?[\p{L}\p{N}]/u.test(text.slice(i + 1, i + 3))) continue;
        else stack.push({ mark: c, pos: i });
      } else if (c === '“') {
        // “ used as a closing mark: right after a word, with no word after it.
        if ((top?.mark === '“' || top?.mark === '”') && isLetter(text[i - 1]) && !isLetter(text[i + 1])) closeTop(i, true);
        else stack.push({ mark: c, pos: i });
      } else if (c === '”') {
        // ” glued to the next word after a space opens («ضد ”داعش”»), even inside another quotation.
        if (isLetter(text[i + 1]) && !isLetter(text[i - 1])) stack.push({ mark: c, pos: i });
        else if (top && (top.mark === '“' || top.mark === '”')) closeTop(i, true);
      }
    }
    if (stack.length) {
      const next = paras[p + 1];
      const carry = next !== undefined && !/^["“”«]/.test(text.slice(next[0], next[0] + 1)) && carries(p + 1);
      if (!carry) {
        while (stack.length > 1) stack.pop();
        closeTop(pe, false);
      } else {
        // Carry once: close at the end of the next paragraph unless closed inside it.
        const o = stack[0]!;
        stack = [];
        const inner = findQuotes(text, [[next[0], next[1]]], () => false);
        const closing = innerClose(text, next);
        if (closing !== null) {
          out.push({ open: o.pos, close: closing, inner: [o.pos + 1, closing] });
          p++;
          // Quotes after the closing mark in that paragraph.
          out.push(...inner.filter((q) => q.open > closing));
        } else {
          out.push({ open: o.pos, close: null, inner: [o.pos + 1, next[1]] });
          p++;
        }
      }
    }
  }
  return out;
}

/**
 * «الوصول إلى «تسوية تفاوضية» يوفر حلاً»: a second « soon after the first nests when a short
 * quotation closes right after it and another » still closes the outer one in the paragraph.
 */
function nestsInside(text: string, open: number, i: number, pe: number, closings: { inner: Finder; outer: Finder }): boolean {
  // Close to the first mark, in the same sentence: a long run or a full stop means it was left open.
  const before = text.slice(open + 1, i);
  if (/[.!؟?]/.test(before) || before.trim().split(/\s+/).length > 12) return false;
  const inner = closings.inner(i + 1);
  if (inner < 0 || inner >= pe) return false;
  // At most four words: a few dozen characters, so the count stops reading after SHORT_QUOTE characters.
  if (inner - i > SHORT_QUOTE || moreWordsThan(text, i + 1, inner, 4)) return false;
  const outer = closings.outer(inner + 1);
  if (outer < 0 || outer >= pe) return false;
  return true;
}

/** Longer than any four words: past it a nested quotation is not short, whatever its spaces. */
const SHORT_QUOTE = 200;

/** The position of the next `mark` at or after `from` (-1 for none), for `from` that never decreases. */
type Finder = (from: number) => number;

function nextOf(text: string, mark: string): Finder {
  let found = -2; // the answer for every `from` up to it; -1 once none is left
  return (from) => {
    if (found !== -1 && found < from) found = text.indexOf(mark, from);
    return found;
  };
}

/** True when text[s, e) holds more than `n` words; reads no further than the word after the n-th. */
function moreWordsThan(text: string, s: number, e: number, n: number): boolean {
  const words = /\S+/g;
  words.lastIndex = s;
  let count = 0;
  for (let m = words.exec(text); m && m.index < e; m = words.exec(text)) {
    if (++count > n) return true;
  }
  return false;
}

/** Where a quotation left open ends when the next one starts: at its sentence's end, else just before. */
function unclosedEnd(text: string, open: number, next: number): number {
  const stop = text.slice(open + 1, next).search(/[.!؟?](?:\s|$)/);
  return stop >= 0 ? open + 1 + stop : next;
}

/** In a paragraph that continues an open quotation: the first closing mark not balanced by an opening one. */
function innerClose(text: string, [s, e]: Span): number | null {
  let depth = 0;
  for (let i = s; i < e; i++) {
    const c = text[i]!;
    if (c === '«' || (c === '“' && isLetter(text[i + 1]))) depth++;
    else if (c === '»' || c === '”' || c === '“') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return null;
}

/** . ! ? ؟ … */
const isEnd = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x2026;

/** Sentences: split after . ! ? ؟ … outside quotations, and at paragraph ends outside quotations. */
export function sentences(text: string, paras: Span[], quotes: Quote[]): Span[] {
  const out: Span[] = [];
  let q = 0;
  const insideQuote = (i: number): Quote | null => {
    while (q < quotes.length && (quotes[q]!.close ?? quotes[q]!.inner[1]) < i) q++;
    const cur = quotes[q];
    return cur && cur.open < i && i < (cur.close ?? cur.inner[1]) ? cur : null;
  };
  let start: number | null = null;
  for (const [ps, pe] of paras) {
    if (start === null) start = ps;
    for (let i = ps; i < pe; i++) {
      if (!isEnd(text.charCodeAt(i))) continue;
      const stop = text.charCodeAt(i) === 0x2e;
      // «وقال د. محمد مارم»، «م. سامر»: the stop of a one-letter abbreviation ends nothing.
      if (stop && AR_LETTER.test(text[i - 1] ?? '') && !AR_LETTER.test(text[i - 2] ?? '')) continue;
      // «حتى الآن.وحسب ما نشرته»: scraped pages often lose the space after a full stop; a stop
      // between two Arabic words still ends the sentence.
      const glued = stop && AR_LETTER.test(text[i - 1] ?? '') && AR_LETTER.test(text[i + 1] ?? '');
      if (i + 1 < pe && !/\s/.test(text[i + 1]!) && !glued) continue;
      if (insideQuote(i)) continue;
      push(out, text, start, i + 1);
      start = i + 1;
    }
    // A quotation running into the next paragraph keeps the sentence open.
    if (!insideQuote(pe)) {
      push(out, text, start, pe);
      start = null;
    }
  }
  if (start !== null) push(out, text, start, text.length);
  return out;
}

const AR_LETTER = /[\u0621-\u064a]/;

function push(out: Span[], text: string, s: number, e: number): void {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push([s, e]);
}
