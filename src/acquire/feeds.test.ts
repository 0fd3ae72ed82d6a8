import { describe, expect, it } from 'vitest';
import { looksLikeFeed, parseFeed, publishedDay } from './feeds.js';
import { decodeBody } from './http.js';
import { encodeCp1256 } from './testing.js';

const BASE = 'https://news.example/feeds/main.xml';

describe('parseFeed: RSS 2.0', () => {
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>أخبار &amp; تقارير</title>
    <atom:link href="https://news.example/feeds/main.xml" rel="self"/>
    <item>
      <title><![CDATA[الرئيس يلتقي <b>الوفد</b> في القاهرة]]></title>
      <media:title>صورة</media:title>
      <link>/ar/politics/1</link>
      <pubDate>Sat, 04 Sep 2021 23:30:00 -0300</pubDate>
    </item>
    <item>
      <title>وزير الخارجية &#8220;يرحب&#8221;&amp;nbsp;بالاتفاق</title>
      <link>
        https://news.example/ar/politics/2
      </link>
      <dc:date>2021-09-05T01:00:00+03:00</dc:date>
    </item>
    <item>
      <title>نسخة مكررة</title>
      <link>https://news.example/ar/politics/1</link>
    </item>
    <item>
      <title>رابط في guid</title>
      <guid>https://news.example/ar/economy/3</guid>
    </item>
    <item>
      <title>guid ليس رابطا</title>
      <guid isPermaLink="false">abc-123</guid>
    </item>
    <item><title>بلا رابط</title></item>
    <item><title>رابط جافاسكربت</title><link>javascript:alert(1)</link></item>
  </channel>
</rss>`;

  it('reads the channel title and the items, Arabic intact, CDATA markup dropped, links resolved', () => {
    const feed = parseFeed(rss, BASE);
    expect(feed?.kind).toBe('rss');
    expect(feed?.title).toBe('أخبار & تقارير');
    expect(feed?.items).toEqual([
      { url: 'https://news.example/ar/politics/1', title: 'الرئيس يلتقي الوفد في القاهرة', published: '2021-09-05' },
      { url: 'https://news.example/ar/politics/2', title: 'وزير الخارجية “يرحب” بالاتفاق', published: '2021-09-04' },
      { url: 'https://news.example/ar/economy/3', title: 'رابط في guid', published: null },
    ]);
  });
});

describe('parseFeed: Atom', () => {
  it('takes the alternate link (not self or enclosure), published before updated, the feed title', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">الجزيرة نت</title>
  <link rel="self" href="/feeds/atom"/>
  <entry>
    <title type="html">&lt;i&gt;قمة&lt;/i&gt; عربية طارئة</title>
    <link rel="enclosure" href="/media/1.jpg"/>
    <link rel="alternate" type="text/html" href="/news/2021/9/4/summit"/>
    <id>tag:news.example,2021:1</id>
    <published>2021-09-04T08:00:00Z</published>
    <updated>2021-09-06T08:00:00Z</updated>
  </entry>
  <entry>
    <title>بلا rel</title>
    <link href="https://other.example/a"/>
    <updated>2021-09-06</updated>
  </entry>
  <entry>
    <title>المعرّف رابط</title>
    <id>https://news.example/news/3</id>
  </entry>
</feed>`;
    const feed = parseFeed(atom, 'https://news.example/feeds/atom');
    expect(feed).toEqual({
      kind: 'atom',
      title: 'الجزيرة نت',
      items: [
        { url: 'https://news.example/news/2021/9/4/summit', title: 'قمة عربية طارئة', published: '2021-09-04' },
        { url: 'https://other.example/a', title: 'بلا rel', published: '2021-09-06' },
        { url: 'https://news.example/news/3', title: 'المعرّف رابط', published: null },
      ],
    });
  });
});

describe('parseFeed: RSS 1.0 (RDF)', () => {
  it('reads items beside the channel, with dc:date', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/">
    <title>وكالة الأنباء</title>
    <link>https://news.example/</link>
  </channel>
  <item rdf:about="https://news.example/a/1">
    <title>خبر عاجل</title>
    <link>https://news.example/a/1</link>
    <dc:date>2021-09-04</dc:date>
  </item>
</rdf:RDF>`;
    expect(parseFeed(rdf, BASE)).toEqual({
      kind: 'rdf',
      title: 'وكالة الأنباء',
      items: [{ url: 'https://news.example/a/1', title: 'خبر عاجل', published: '2021-09-04' }],
    });
  });
});

describe('parseFeed: sitemaps', () => {
  it('reads <loc> and <lastmod> of a sitemap, ignoring image locations', () => {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>https://news.example/ar/1</loc><lastmod>2021-09-04T10:00:00+00:00</lastmod>
    <image:image><image:loc>https://cdn.example/1.jpg</image:loc></image:image></url>
  <url><loc>/ar/2</loc></url>
  <url><loc>https://news.example/ar/1</loc></url>
</urlset>`;
    expect(parseFeed(sitemap, 'https://news.example/sitemap.xml')).toEqual({
      kind: 'sitemap',
      title: null,
      items: [
        { url: 'https://news.example/ar/1', title: null, published: '2021-09-04' },
        { url: 'https://news.example/ar/2', title: null, published: null },
      ],
    });
  });

  it('reads the title and publication date of a Google News sitemap before <lastmod>', () => {
    const news = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example/ar/2021/09/04/ceasefire</loc>
    <lastmod>2021-09-07</lastmod>
    <news:news>
      <news:publication><news:name>أخبار</news:name><news:language>ar</news:language></news:publication>
      <news:publication_date>2021-09-04T21:30:00Z</news:publication_date>
      <news:title><![CDATA[وقف إطلاق النار يدخل حيز التنفيذ]]></news:title>
    </news:news>
  </url>
</urlset>`;
    expect(parseFeed(news, 'https://news.example/news-sitemap.xml')?.items).toEqual([
      { url: 'https://news.example/ar/2021/09/04/ceasefire', title: 'وقف إطلاق النار يدخل حيز التنفيذ', published: '2021-09-04' },
    ]);
  });

  it('lists the child sitemaps of a sitemap index', () => {
    const index = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example/sitemap-2021-09.xml</loc><lastmod>2021-09-30</lastmod></sitemap>
  <sitemap><loc>sitemap-2021-08.xml</loc></sitemap>
</sitemapindex>`;
    expect(parseFeed(index, 'https://news.example/sitemap.xml')).toEqual({
      kind: 'sitemapindex',
      title: null,
      items: [
        { url: 'https://news.example/sitemap-2021-09.xml', title: null, published: '2021-09-30' },
        { url: 'https://news.example/sitemap-2021-08.xml', title: null, published: null },
      ],
    });
  });
});

describe('parseFeed: not a feed', () => {
  it('returns null for an HTML page, plain text and unknown XML', () => {
    expect(parseFeed('<!DOCTYPE html><html><head><title>x</title></head><body><p>نص</p></body></html>', BASE)).toBeNull();
    expect(parseFeed('هذا ليس خلاصة', BASE)).toBeNull();
    expect(parseFeed('<?xml version="1.0"?><config><item>1</item></config>', BASE)).toBeNull();
    expect(parseFeed('', BASE)).toBeNull();
  });
});

describe('parseFeed: windows-1256', () => {
  it('reads a feed whose bytes are windows-1256, declared in the XML declaration or by HTTP', () => {
    const xml = '<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>الأخبار</title>'
      + '<item><title>عاجل: اتفاق جديد</title><link>https://news.example/1</link></item></channel></rss>';
    const bytes = encodeCp1256(xml);
    for (const contentType of [null, 'application/rss+xml; charset=windows-1256', 'text/xml']) {
      const feed = parseFeed(decodeBody(bytes, contentType), BASE);
      expect(feed?.title).toBe('الأخبار');
      expect(feed?.items[0]?.title).toBe('عاجل: اتفاق جديد');
    }
  });
});

describe('publishedDay', () => {
  it('gives the UTC day of an instant with a zone, and the written day otherwise', () => {
    expect(publishedDay('Sat, 04 Sep 2021 23:30:00 -0300')).toBe('2021-09-05');
    expect(publishedDay('Sun, 05 Sep 2021 01:00:00 GMT')).toBe('2021-09-05');
    expect(publishedDay('2021-09-05T01:00:00+03:00')).toBe('2021-09-04');
    expect(publishedDay('2021-09-05T01:00:00')).toBe('2021-09-05');
    expect(publishedDay('2021-09-05')).toBe('2021-09-05');
    expect(publishedDay('قبل ساعة')).toBeNull();
  });
});

describe('looksLikeFeed', () => {
  it('goes by the root element when the head shows one', () => {
    expect(looksLikeFeed('text/html', '\uFEFF<?xml version="1.0"?>\n<!-- generated --><rss version="2.0">')).toBe(true);
    expect(looksLikeFeed('application/xml', '<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><urlset xmlns="…">')).toBe(true);
    expect(looksLikeFeed(null, '<sitemapindex>')).toBe(true);
    expect(looksLikeFeed(null, '<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(looksLikeFeed(null, '<rdf:RDF xmlns:rdf="…">')).toBe(true);
    expect(looksLikeFeed('application/rss+xml', '<!DOCTYPE html><html lang="ar">')).toBe(false);
    expect(looksLikeFeed('text/xml', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">')).toBe(false);
  });

  it('goes by the content type when the head shows no element', () => {
    expect(looksLikeFeed('application/atom+xml; charset=utf-8', '')).toBe(true);
    expect(looksLikeFeed('text/html', '   ')).toBe(false);
    expect(looksLikeFeed(null, '')).toBe(false);
  });
});
