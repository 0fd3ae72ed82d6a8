// HTML cleaning (src/clean/html.ts) on hostile markup: it never throws, takes time linear in the
// page, and gives no more text than the page holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlFragmentToText, htmlToInput, looksLikeHtml, looksLikePage } from '../clean/html.js';
import { arabicText, corpusTexts, htmlMarkup, mutated, nested, repeated } from './arbitraries.js';
import { check, timed, timeout } from './harness.js';

const PAGES = corpusTexts('.html', '.htm');
const INSERTS = fc.oneof(htmlMarkup(), arabicText(10), fc.constantFrom('<div>'.repeat(3000), '<!--', '<script>', '</html>', '<body>'));

/** Markup of every kind the tests try: generated trees, edited real pages, deep nesting, repeated hostile units. */
const markup = fc.oneof(
  { weight: 4, arbitrary: htmlMarkup() },
  { weight: 4, arbitrary: mutated(fc.constantFrom(...PAGES), INSERTS) },
  { weight: 1, arbitrary: nested('<div>', '</div>', '<p>نص عربي في العمق</p>', 0.5).map((b) => `<html><body>${b}</body></html>`) },
  { weight: 1, arbitrary: nested('<font><b>', '', 'نص') },
  { weight: 1, arbitrary: repeated(['<script', '<', '<!--', '<p <a', '<p>ا', '&amp;', '<meta content="', '<br>', '<td>', ' ', '<?', '</', '<time datetime="2021-09-04">']) },
);

function checkPage(html: string): void {
  const page = timed(html.length, 'htmlToInput', () => htmlToInput(html, 'fuzz.html'));
  expect(typeof page.body).toBe('string');
  expect(page.body.length).toBeLessThanOrEqual(html.length);
  for (const v of Object.values(page.meta)) expect(v === null || typeof v === 'string').toBe(true);
  if (page.meta.published !== null) expect(page.meta.published).toMatch(/^\d{4}-\d\d-\d\d$/);
  for (const d of page.diagnostics) expect(d.reason).toContain('fuzz.html');
}

describe('HTML cleaning', () => {
  it('htmlToInput never throws, stays within its time budget, and gives no more text than the page', async () => {
    await check('html: htmlToInput', fc.property(markup, checkPage), 60);
  }, timeout(60_000));

  it('htmlFragmentToText never throws and stays within its time budget', async () => {
    const prop = fc.property(markup, (html) => {
      const text = timed(html.length, 'htmlFragmentToText', () => htmlFragmentToText(html));
      expect(text.length).toBeLessThanOrEqual(html.length);
      expect(text).not.toMatch(/^\s|\s$/);
    });
    await check('html: htmlFragmentToText', prop, 60);
  }, timeout(60_000));

  it('the markup tests answer in linear time', async () => {
    const prop = fc.property(markup, (html) => {
      timed(html.length, 'looksLikeHtml', () => looksLikeHtml(html));
      timed(html.length, 'looksLikePage', () => looksLikePage(html));
    });
    await check('html: looksLikeHtml/looksLikePage', prop, 100);
  }, timeout(60_000));

  it('keeps the text of a paragraph whatever markup surrounds it', async () => {
    // The paragraph itself is plain Arabic; around it, any of the page shapes linkedom mishandles.
    const shapes = ['%', '<p>%</p>', '<html><p>%</p></html>', '<body><p>%</p></body>', '<head><title>ع</title></head><p>%</p>', 'نص <b>%</b>', '<!DOCTYPE html><div>%</div>'];
    const words = fc.array(fc.constantFrom('قال', 'الوزير', 'إن', 'العمل', 'مستمر', 'في', 'بغداد'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    const prop = fc.property(fc.constantFrom(...shapes), words, (shape, text) => {
      expect(htmlToInput(shape.replace('%', text), 'fuzz.html').body).toContain(text);
    });
    await check('html: text kept', prop, 100);
  });
});
