// Plain text through the whole analysis (src/core/pipeline.ts) and the segmenter
// (src/extract/segment.ts): hostile and random Arabic-ish text never fails a stage, takes time
// linear in its length, and every span it reports indexes into the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeInput } from '../core/pipeline.js';
import type { RawInput, Span } from '../core/types.js';
import { findQuotes, paragraphs, sentences } from '../extract/segment.js';
import { arabicText, corpusTexts, hostileChar, mutated, repeated } from './arbitraries.js';
import { check, timed, timeout } from './harness.js';

const ARTICLES = corpusTexts('.txt');

/** Units that, repeated, make one endless paragraph or sentence with many quotation marks. */
const HOSTILE_UNITS = ['«a ', '“a ', 'a” ', '«', ' »a', '"', '.', 'ا\n', '\u202eا', 'قال: ', '«قال» ', '”ا', '«« ', '1.'];

function texts(units: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: arabicText(400) },
    { weight: 3, arbitrary: mutated(fc.constantFrom(...ARTICLES), fc.oneof(arabicText(10), hostileChar, fc.constantFrom('«', '»', '“', '”', '"', '\n\n', ':'))) },
    { weight: 1, arbitrary: repeated(units) },
  );
}

function input(body: string): RawInput {
  return { source: 'fuzz.txt', kind: 'text', body, meta: { title: null, published: null, outlet: null, url: null, author: null }, encoding: 'utf-8', diagnostics: [] };
}

/** The first span that is out of order or out of the text, or null; one expect per list keeps big cases fast. */
function badSpan(text: string, spans: Span[], ordered = true): string | null {
  let last = 0;
  for (const [s, e] of spans) {
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < (ordered ? last : 0) || e < s || e > text.length) return `[${s}, ${e}] after ${last} in ${text.length}`;
    last = e;
  }
  return null;
}

describe('text through the pipeline', () => {
  it('segmenting gives ordered paragraphs and sentences, and quotes inside the text', async () => {
    const prop = fc.property(texts([...HOSTILE_UNITS, 'وقال الوزير ']), (t) => {
      const { paras, quotes, sents } = timed(t.length, 'segment', () => {
        const paras = paragraphs(t);
        const quotes = findQuotes(t, paras);
        return { paras, quotes, sents: sentences(t, paras, quotes) };
      });
      expect(badSpan(t, paras)).toBe(null);
      expect(paras.find(([s, e]) => t.slice(s, e) !== t.slice(s, e).trim()) ?? null).toBe(null);
      expect(quotes.find((q) => q.open < 0 || (q.close !== null && (q.close <= q.open || q.close > t.length)) || badSpan(t, [q.inner])) ?? null).toBe(null);
      expect(badSpan(t, sents)).toBe(null);
    });
    await check('text: segment', prop, 150);
  }, timeout(60_000));

  it('analyzeInput runs every stage without failing, in linear time, with spans into the text', async () => {
    const prop = fc.property(texts(HOSTILE_UNITS), (t) => {
      const doc = timed(t.length, 'analyzeInput', () => analyzeInput(input(t)));
      const failed = doc.diagnostics.filter((d) => d.rule === 'stage-failed').map((d) => d.reason);
      expect(failed).toEqual([]);
      // Cleaning joins lines with a blank line, so a lone "\r" between two becomes two characters.
      expect(doc.text.length).toBeLessThanOrEqual(2 * t.length);
      expect(badSpan(doc.text, doc.paragraphs)).toBe(null);
      expect(badSpan(doc.text, doc.sentences)).toBe(null);
      expect(doc.dates.find((d) => doc.text.slice(d.span[0], d.span[1]) !== d.text) ?? null).toBe(null);
    });
    await check('text: analyzeInput', prop, 60);
  }, timeout(120_000));

  // Found by fuzzing: relativeBefore (src/extract/statements/draft.ts) tried every token before
  // each cue of a sentence, so one long sentence of many cues was quadratic ("وقال الوزير " × 8000,
  // 96 KB: 3 s in the statements stage, 4 times the text 13 times the time).
  it('analyzeInput is linear on one endless sentence of speech cues', () => {
    const t = 'وقال الوزير '.repeat(16_000);
    timed(t.length, 'analyzeInput', () => analyzeInput(input(t)));
  });
});
