// Generators shared by the fuzz tests: Arabic-ish text with the marks the extractors care about,
// hostile characters, real fragments from the repository's own examples and fixtures (and the
// shared seed articles when ../shared is beside the checkout) with random edits, deep nesting,
// and the large repeated units that expose quadratic regular expressions and loops.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

const ROOT = new URL('../../', import.meta.url);

// ---- characters and words --------------------------------------------------------------------

/** Words, numbers, dates and marks the extractors act on, so random text reaches their rules. */
export const PIECES = [
  'قال', 'الوزير', 'وأضاف', 'أن', 'إن', 'في', 'من', 'إلى', 'على', 'بغداد', 'الموصل', 'رئيس', 'الحكومة', 'مصدر',
  'أيار', 'مايو', 'آذار', 'كانون', 'الثاني', 'تشرين', 'الأول', 'رمضان', 'شوال', 'ذي', 'الحجة', 'هـ', 'م',
  'الخميس', 'الأحد', 'يوم', 'اليوم', 'أمس', 'غداً', 'منذ', 'قبل', 'أسبوع', 'أيام', 'الماضي', 'المقبل', 'العام',
  'ثلاثة', 'عشرات', 'مئات', 'آلاف', 'ألف', 'مليون', 'نحو', 'أكثر', 'على الأقل', 'خمسة وعشرون', 'ثلاثمئة',
  '2021', '1443', '14', '31', '0', '٢٠٢١', '٤٥', '12:36', '26/07/2021', '2021-07-26', '1,500', '2.5', '١٬٢٠٠',
  '«', '»', '"', '“', '”', ':', '.', '،', '؟', '!', '…', '(', ')', '-', '/', '\n', '\n\n', ' ', 'ـ', 'ً', 'ّ',
];

/** Characters that trip naive text handling: bidi controls, zero-width marks, BOMs, lone surrogates, odd line breaks. */
export const HOSTILE_CHARS = [
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200c', '\u200d',
  '\u200e', '\u200f', '\u061c', '\ufeff', '\u0000', '\u0007', '\u001b', '\ud800', '\udfff', '\uffff', '\ufffd', '\r',
  '\t', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029', '\u00a0', '\u3000', '\u0301', '\u0640', '\ud83d\ude00', '\u{10ffff}',
];

export const hostileChar = fc.constantFrom(...HOSTILE_CHARS);

/** Arabic-ish text: words and marks, now and then a hostile character or random Unicode. */
export function arabicText(maxPieces = 200): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...PIECES) },
    { weight: 3, arbitrary: fc.constant(' ') },
    { weight: 1, arbitrary: hostileChar },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((parts) => parts.join(''));
}

// ---- real fragments --------------------------------------------------------------------------

/** Files of the repository (examples, fixtures) and the shared seed articles, read once. */
function loadCorpus(): { name: string; bytes: Buffer }[] {
  const dirs = ['examples/', 'fixtures/inputs/', '../shared/seeds/'];
  const out: { name: string; bytes: Buffer }[] = [];
  for (const dir of dirs) {
    const url = new URL(dir, ROOT);
    if (!existsSync(url)) continue; // ../shared is beside a checkout, but need not be
    for (const name of readdirSync(url).sort()) {
      if (name.endsWith('.expected.json')) continue;
      out.push({ name: dir + name, bytes: readFileSync(new URL(name, url)) });
    }
  }
  return out;
}

export const CORPUS = loadCorpus();

/** The corpus files whose names end with one of the extensions, as text. */
export function corpusTexts(...extensions: string[]): string[] {
  return CORPUS.filter((f) => extensions.some((e) => f.name.endsWith(e))).map((f) => f.bytes.toString('utf8'));
}

// ---- mutation --------------------------------------------------------------------------------

type Edit = (s: string) => string;

/** One random edit of a string: cut, duplicate, insert, truncate or swap a slice. */
function edit(insertions: fc.Arbitrary<string>): fc.Arbitrary<Edit> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  const pos = (s: string, r: number) => Math.floor(r * (s.length + 1));
  return fc.oneof(
    fc.tuple(at, at).map(([a, b]): Edit => (s) => s.slice(0, Math.min(pos(s, a), pos(s, b))) + s.slice(Math.max(pos(s, a), pos(s, b)))),
    fc.tuple(at, at, fc.integer({ min: 2, max: 50 })).map(([a, b, n]): Edit => (s) => {
      const [x, y] = [pos(s, a), pos(s, b)].sort((p, q) => p - q);
      return s.slice(0, y) + s.slice(x!, y).repeat(n - 1) + s.slice(y);
    }),
    fc.tuple(at, insertions).map(([a, ins]): Edit => (s) => s.slice(0, pos(s, a)) + ins + s.slice(pos(s, a))),
    at.map((a): Edit => (s) => s.slice(0, pos(s, a))),
    fc.tuple(at, at, at).map(([a, b, c]): Edit => (s) => {
      const [x, y, z] = [pos(s, a), pos(s, b), pos(s, c)].sort((p, q) => p - q);
      return s.slice(0, x) + s.slice(y, z) + s.slice(x, y) + s.slice(z);
    }),
  );
}

/** A base string after 0–8 random edits; `insertions` is what may be inserted (markup, marks, hostile characters). */
export function mutated(base: fc.Arbitrary<string>, insertions: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(edit(insertions), { maxLength: 8 })).map(([s, edits]) => edits.reduce((acc, e) => e(acc), s));
}

/** Byte strings after random byte edits: flipped bits, invalid UTF-8 sequences, cuts. */
export function mutatedBytes(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Buffer> {
  const invalid = fc.constantFrom(
    [0xff], [0xfe], [0xc0, 0x80], [0xe0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xd8], [0xe2, 0x82], [0xf0, 0x9f],
  );
  type ByteEdit = (b: Buffer) => Buffer;
  const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
    fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([i, bit]) => (b: Buffer) => {
      if (b.length) b[i % b.length]! ^= 1 << bit;
      return b;
    }),
    fc.tuple(fc.nat(), invalid).map(([i, seq]) => (b: Buffer) => {
      const at = b.length ? i % (b.length + 1) : 0;
      return Buffer.concat([b.subarray(0, at), Buffer.from(seq), b.subarray(at)]);
    }),
    fc.nat().map((i) => (b: Buffer) => b.subarray(0, b.length ? i % (b.length + 1) : 0)),
  );
  return fc.tuple(base, fc.array(byteEdit, { maxLength: 6 })).map(([bytes, edits]) => edits.reduce((acc: Buffer, e) => e(acc), Buffer.from(bytes)));
}

// ---- structure -------------------------------------------------------------------------------

/** `depth` openings, something in the middle, and the closings (some of them dropped). */
export function nested(open: string, close: string, middle = '', keepClosing = 1): fc.Arbitrary<string> {
  return fc.integer({ min: 1, max: 20_000 }).map((depth) => open.repeat(depth) + middle + close.repeat(Math.floor(depth * keepClosing)));
}

/**
 * A unit repeated to 10–200 KB: the inputs on which a quadratic loop or regular expression shows
 * (at 200 KB it takes tens of seconds where a linear one takes milliseconds).
 */
export function repeated(units: string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...units), fc.integer({ min: 10, max: 200 })).map(([unit, kb]) => unit.repeat(Math.ceil((kb * 1024) / unit.length)));
}

const TAGS = ['p', 'div', 'span', 'a', 'b', 'br', 'li', 'ul', 'table', 'tr', 'td', 'h1', 'script', 'style', 'nav', 'article', 'meta', 'title', 'time', 'font', 'svg', 'template', 'iframe'];

/** Random markup: nested elements with attributes (some huge), text, entities, comments, and broken constructs. */
export function htmlMarkup(): fc.Arbitrary<string> {
  const text = arabicText(20);
  const attr = fc.oneof(
    fc.constantFrom('class="x"', 'hidden', 'datetime="2021-09-04"', 'itemprop="datePublished"', 'rel="canonical" href="/a"', 'content="2021-09-04"'),
    fc.integer({ min: 1, max: 200_000 }).map((n) => `data-x="${'ا'.repeat(n)}"`),
    fc.integer({ min: 1, max: 5_000 }).map((n) => `style="${'a:b;'.repeat(n)}`), // unterminated value
  );
  const broken = fc.constantFrom('<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE', '<?xml', '</', '<', '>', '&', '&amp', '&#x110000;', '&#0;', '&nbsp;', '<p <p', '"', "'", '</body>', '<html>', '<body>', '<head>');
  const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      broken,
      fc.tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 2 }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
        ([tag, attrs, children, closed]) => `<${tag}${attrs.map((a) => ' ' + a).join('')}>${children.join('')}${closed ? `</${tag}>` : ''}`,
      ),
    ),
  })).node;
  return fc.oneof(
    tree,
    tree.map((b) => `<!DOCTYPE html><html><head><title>عنوان</title></head><body>${b}</body></html>`),
    fc.tuple(tree, fc.constantFrom(...jsonLdBlocks())).map(([b, ld]) => `<html><head>${ld}</head><body><article>${b}</article></body></html>`),
  );
}

function jsonLdBlocks(): string[] {
  const wrap = (json: string) => `<script type="application/ld+json">${json}</script>`;
  return [
    wrap('{"@type":"NewsArticle","headline":"عنوان","datePublished":"2021-09-04","author":{"name":"كاتب"}}'),
    wrap('{"@graph":[{"@id":"#p","name":"وكالة"},{"@type":"NewsArticle","publisher":{"@id":"#p"}}]}'),
    wrap('{"@type":"NewsArticle","author":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}'),
    wrap('[' + '{"@graph":'.repeat(10_000) + '1' + '}'.repeat(10_000) + ']'),
    wrap('{"broken": '),
    wrap('<!-- {"@type":"Article"} -->'),
  ];
}

/** JSON records as scrapers write them, with random and hostile values, sometimes deeply nested. */
export function jsonRecord(): fc.Arbitrary<unknown> {
  const body = fc.oneof(arabicText(60), htmlMarkup(), fc.array(arabicText(10), { maxLength: 4 }));
  const field = fc.constantFrom('content', 'text', 'maintext', 'body', 'articleBody', 'title', 'headline', 'date', 'date_publish', 'datePublished', 'source', 'url', 'author', 'authors');
  const value = fc.oneof(
    body,
    fc.constantFrom('2021-09-04', '2021-09-04T22:10:00+03:00', 'Sat, 04 Sep 2021 10:00:00 +0300', '1630792800', 'not a date', '', '   '),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 4 }),
    fc.integer({ min: 1, max: 3000 }).map((n) => JSON.parse('['.repeat(n) + '"x"' + ']'.repeat(n)) as unknown),
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.dictionary(field, value, { maxKeys: 8 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}
