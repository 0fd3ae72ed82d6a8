// Feeds and sitemaps (src/acquire/feeds.ts) on broken, huge and hostile XML: parseFeed gives a
// feed or null and never throws, entities are never expanded (billion laughs), and what it
// returns is well formed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed, publishedDay } from '../acquire/feeds.js';
import { arabicText, hostileChar, mutated, nested, repeated } from './arbitraries.js';
import { check, timed, timeout } from './harness.js';

const BASE = 'https://news.example/feed.xml';

const DATES = ['Sat, 04 Sep 2021 23:30:00 -0300', '2021-09-05T01:00:00+03:00', '2021-09-05', 'غداً', '', '99:99', 'Mon, 31 Feb 2021 10:00:00 GMT', '1630792800'];

const link = fc.constantFrom('/ar/1', 'https://news.example/a?b=1&amp;c=2', 'javascript:alert(1)', 'http://[::1]/x', ' https://x.example/\u202e', 'mailto:a@b', '', '%%%', 'https://news.example/' + 'a'.repeat(5000));

function rssItem(title: string, href: string, date: string): string {
  return `<item><title>${title}</title><link>${href}</link><pubDate>${date}</pubDate><guid isPermaLink="true">${href}</guid></item>`;
}

/** Feeds of every kind built from random parts, then edited. */
const feedXml = fc
  .tuple(
    fc.constantFrom('rss', 'atom', 'rdf', 'sitemap', 'index'),
    fc.array(fc.tuple(arabicText(8), link, fc.constantFrom(...DATES)), { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([kind, items, cdata]) => {
    const t = (s: string) => (cdata ? `<![CDATA[${s}]]>` : s.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    switch (kind) {
      case 'rss':
        return `<?xml version="1.0"?><rss version="2.0"><channel><title>${t('أخبار')}</title>${items.map(([a, b, c]) => rssItem(t(a), b, c)).join('')}</channel></rss>`;
      case 'atom':
        return `<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار</title>${items.map(([a, b, c]) => `<entry><title>${t(a)}</title><link rel="alternate" href="${b}"/><updated>${c}</updated></entry>`).join('')}</feed>`;
      case 'rdf':
        return `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel><title>x</title></channel>${items.map(([a, b, c]) => `<item><title>${t(a)}</title><link>${b}</link><dc:date>${c}</dc:date></item>`).join('')}</rdf:RDF>`;
      case 'sitemap':
        return `<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${items.map(([a, b, c]) => `<url><loc>${b}</loc><news:news><news:title>${t(a)}</news:title><news:publication_date>${c}</news:publication_date></news:news></url>`).join('')}</urlset>`;
      default:
        return `<sitemapindex>${items.map(([, b, c]) => `<sitemap><loc>${b}</loc><lastmod>${c}</lastmod></sitemap>`).join('')}</sitemapindex>`;
    }
  });

/** Entity expansion attacks: nested definitions (billion laughs), external entities, a huge one. */
const ENTITY_ATTACKS = [
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><rss><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://news.example/a</link></item></channel></rss>`,
  `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://news.example/a</link></item></channel></rss>`,
  `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY big "${'ا'.repeat(100_000)}">]><rss><channel><item><title>${'&big;'.repeat(1000)}</title><link>https://news.example/a</link></item></channel></rss>`,
];

const xml = fc.oneof(
  { weight: 4, arbitrary: feedXml },
  { weight: 4, arbitrary: mutated(feedXml, fc.oneof(hostileChar, fc.constantFrom('<', '>', '</item>', '<item>', '<![CDATA[', ']]>', '<!--', '&', '&#xD800;', '<!DOCTYPE x [', ']>', '<?', '"'))) },
  { weight: 1, arbitrary: fc.constantFrom(...ENTITY_ATTACKS) },
  { weight: 1, arbitrary: nested('<item>', '</item>', '<link>https://news.example/deep</link>', 0.5).map((s) => `<rss><channel>${s}</channel></rss>`) },
  { weight: 1, arbitrary: repeated(['<', '<?', '<!--', '<![CDATA[', '<item>', '<title><b', '&amp;', '&#x', '<rss>']).map((s) => `<rss><channel><item><title>${s}</title></item></channel></rss>`) },
);

describe('feeds and sitemaps', () => {
  it('parseFeed never throws, stays within its time budget and returns well-formed items', async () => {
    const prop = fc.property(xml, (text) => {
      const feed = timed(text.length, 'parseFeed', () => parseFeed(text, BASE));
      if (!feed) return;
      const urls = new Set<string>();
      for (const item of feed.items) {
        expect(item.url).toMatch(/^https?:\/\//);
        expect(urls.has(item.url)).toBe(false);
        urls.add(item.url);
        if (item.published !== null) expect(item.published).toMatch(/^\d{4}-\d\d-\d\d$/);
        // No entity is expanded, so no title outgrows the feed.
        if (item.title !== null) expect(item.title.length).toBeLessThanOrEqual(text.length);
      }
      expect(feed.items.length).toBeLessThanOrEqual(text.length);
    });
    await check('feeds: parseFeed', prop, 150);
  }, timeout(60_000));

  it('does not expand entities: a billion laughs stays as written', () => {
    for (const attack of ENTITY_ATTACKS) {
      const feed = timed(attack.length, 'parseFeed', () => parseFeed(attack, BASE));
      for (const item of feed?.items ?? []) expect(item.title?.length ?? 0).toBeLessThanOrEqual(attack.length);
      expect(JSON.stringify(feed)).not.toContain('root:');
    }
  });

  it('looksLikeFeed and publishedDay answer in linear time and never throw', async () => {
    const prop = fc.property(xml, fc.option(fc.constantFrom('text/html', 'application/rss+xml', 'x'.repeat(10_000))), fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...DATES) }, { weight: 5, arbitrary: arabicText(20) }, { weight: 1, arbitrary: repeated(['1:11 ', '0', ' ', 'Sat, 4 Sep ']) }), (text, type, date) => {
      timed(text.length, 'looksLikeFeed', () => looksLikeFeed(type, text));
      const day = timed(date.length, 'publishedDay', () => publishedDay(date));
      if (day !== null) expect(day).toMatch(/^\d{4}-\d\d-\d\d$/);
    });
    await check('feeds: looksLikeFeed/publishedDay', prop, 150);
  }, timeout(60_000));
});
