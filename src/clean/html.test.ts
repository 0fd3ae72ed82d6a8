import { describe, expect, it } from 'vitest';
import { htmlFragmentToText, htmlToInput, looksLikeHtml } from './html.js';

const P1 = 'قال وزير الموارد المائية في مؤتمر صحفي عقده في بغداد إن «الخزين المائي يكفي لموسم الصيف»، مؤكداً أن الوزارة وضعت خطة لتوزيع الحصص.';
const P2 = 'وأضاف أن “الإطلاقات المائية من دول المنبع ما زالت أقل من الاتفاقات”، داعياً الفلاحين إلى اعتماد طرق الري الحديثة.';
const P3 = 'يشار إلى أن العراق يعاني منذ سنوات من شح المياه بسبب قلة الأمطار وإقامة السدود على نهري دجلة والفرات.';

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html lang="ar" dir="rtl"><head>${head}</head><body>${body}</body></html>`;
}

function article(inner: string): string {
  return page('<title>خبر</title>', `<nav><a href="/">الرئيسية</a></nav><article>${inner}</article>`);
}

function meta(head: string, body = `<article><p>${P1}</p></article>`) {
  return htmlToInput(page(head, body), 'page.html');
}

describe('main text with paragraph structure', () => {
  it('separates paragraphs by a blank line and collapses whitespace inside them', () => {
    const { body, diagnostics } = htmlToInput(article(`<p>${P1}</p>\n<p>  ${P2.replace(/ /g, ' \n  ')}</p><p>${P3}</p>`), 'a.html');
    expect(body).toBe(`${P1}\n\n${P2}\n\n${P3}`);
    expect(diagnostics).toEqual([]);
  });

  it('makes lines of <br>, list items and table rows; a double <br> is a paragraph break', () => {
    // The walker on its own: Readability may judge short lists and tables beside long text to be clutter.
    const html =
      `<div>أ<br>ب<br><br>ج</div><ul><li>البند الأول</li><li>البند الثاني</li></ul>` +
      `<table><tr><td>المحافظة</td><td>الحصة</td></tr><tr><td>البصرة</td><td>30%</td></tr></table><p>د</p>`;
    expect(htmlFragmentToText(html)).toBe('أ\nب\n\nج\n\nالبند الأول\nالبند الثاني\n\nالمحافظة الحصة\nالبصرة 30%\n\nد');
    expect(htmlToInput(article(`<div>${P1}<br>${P2}<br><br>${P3}</div>`), 'a.html').body).toBe(`${P1}\n${P2}\n\n${P3}`);
  });

  it('treats headings, blockquotes, sections and divs as paragraphs but leaves inline markup in the line', () => {
    const html = article(`<h2>العنوان الفرعي</h2><section><div>${P1}</div><blockquote>${P2}</blockquote></section><p>في <b>بغداد</b>، <a href="/x">اليوم</a>.</p>`);
    expect(htmlToInput(html, 'a.html').body).toBe(`العنوان الفرعي\n\n${P1}\n\n${P2}\n\nفي بغداد، اليوم.`);
  });

  it('never lets scripts, styles, noscript or templates into the text', () => {
    const html = page(
      '<title>خبر</title><style>p{color:red}</style><script>var a = "سكربت في الرأس";</script>',
      `<article><p>${P1}</p><script>document.write("سكربت")</script><style>.x{}</style>` +
        `<noscript>فعّل جافاسكربت</noscript><template><p>قالب</p></template><p>${P2}</p></article>`,
    );
    const { body } = htmlToInput(html, 'a.html');
    expect(body).toBe(`${P1}\n\n${P2}`);
  });

  it('leaves page furniture out of the main text', () => {
    const html = page(
      '<title>خبر</title>',
      `<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li></ul></nav></header>` +
        `<main><article><h1>شح المياه</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>` +
        `<div id="comments" class="comments"><div class="comment">تعليق: كلام جميل</div></div></main>` +
        `<footer>جميع الحقوق محفوظة</footer>`,
    );
    const { body } = htmlToInput(html, 'a.html');
    expect(body).toContain(`${P1}\n\n${P2}\n\n${P3}`);
    expect(body).not.toMatch(/الرئيسية|تعليق|الحقوق/);
  });

  it('falls back to the page text, with a diagnostic, when no article is found', () => {
    const html = page(
      '<title>خبر</title><script>var x = "سكربت";</script>',
      // Readability skips what is hidden from screen readers, and footers; nothing is left for it.
      `<div aria-hidden="true">${P1}</div><footer>تذييل</footer><script>y()</script>`,
    );
    const { body, diagnostics } = htmlToInput(html, 'a.html');
    expect(body).toBe(P1);
    expect(diagnostics).toEqual([
      {
        stage: 'clean',
        rule: 'html-no-main-content',
        reason: 'a.html: no main article was found in the page, so the text of the whole page was used; expect menus and other page furniture in it.',
      },
    ]);
  });

  it('gives an empty body for a page without text', () => {
    expect(htmlToInput(page('<title>t</title>', '<script>x()</script>'), 'a.html').body).toBe('');
  });
});

describe('title', () => {
  it('prefers og:title, without the outlet name', () => {
    const r = meta('<meta property="og:title" content="شح المياه | شفق نيوز"><meta property="og:site_name" content="شفق نيوز"><title>غير هذا</title>');
    expect(r.meta.title).toBe('شح المياه');
  });

  it('takes <title> without its trailing " - Site" or " | Site" part', () => {
    expect(meta('<title>الموارد المائية: الخزين يكفي للصيف - الموقع</title>').meta.title).toBe('الموارد المائية: الخزين يكفي للصيف');
    expect(meta('<title>الموارد المائية: الخزين يكفي للصيف | شبكة الأخبار</title>').meta.title).toBe('الموارد المائية: الخزين يكفي للصيف');
  });

  it('keeps a dash that belongs to the headline', () => {
    expect(meta('<title>العراق - تركيا: جولة جديدة من مباحثات المياه في أنقرة</title>').meta.title).toBe(
      'العراق - تركيا: جولة جديدة من مباحثات المياه في أنقرة',
    );
  });

  it('strips a long site part when the h1 shows where the headline ends', () => {
    const r = meta('<title>خزين المياه | الوكالة الوطنية العراقية للأنباء</title>', `<h1>خزين المياه</h1><p>${P1}</p>`);
    expect(r.meta.title).toBe('خزين المياه');
  });

  it('falls back to the h1', () => {
    expect(meta('', `<h1>  خزين   المياه </h1><p>${P1}</p>`).meta.title).toBe('خزين المياه');
  });
});

describe('publication date', () => {
  const body = `<article><p>${P1}</p></article>`;

  it.each([
    ['<meta property="article:published_time" content="2024-03-18T09:40:00+03:00">'],
    ['<meta property="og:published_time" content="2024-03-18">'],
    ['<meta name="date" content="2024-03-18">'],
    ['<meta name="pubdate" content="2024-03-18T01:00">'],
    ['<meta name="publishdate" content="2024/03/18">'],
    ['<meta name="DC.date.issued" content="2024-03-18">'],
    ['<meta name="datePublished" content="2024-03-18 08:00:00">'],
    ['<meta itemprop="datePublished" content="2024-03-18">'],
  ])('reads %s', (head) => {
    expect(meta(head, body).meta.published).toBe('2024-03-18');
  });

  it('reads itemprop=datePublished on an element, and <time datetime>', () => {
    expect(meta('', `<article><span itemprop="datePublished" content="2024-03-18">18 آذار</span><p>${P1}</p></article>`).meta.published).toBe('2024-03-18');
    expect(meta('', `<aside><time datetime="2020-01-01">قديم</time></aside><article><time datetime="2024-03-18T10:00">18 آذار</time><p>${P1}</p></article>`).meta.published).toBe('2024-03-18');
  });

  it('reads JSON-LD datePublished, also inside @graph and arrays', () => {
    const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
    expect(meta(ld({ '@type': 'NewsArticle', datePublished: '2024-03-18T09:00:00Z' })).meta.published).toBe('2024-03-18');
    expect(meta(ld({ '@graph': [{ '@type': 'WebSite' }, { '@type': 'NewsArticle', datePublished: '2024-03-18' }] })).meta.published).toBe('2024-03-18');
    expect(meta(ld([{ '@type': 'BreadcrumbList' }, { '@type': ['NewsArticle'], datePublished: '2024-03-18' }])).meta.published).toBe('2024-03-18');
  });

  it('prefers meta tags to JSON-LD and JSON-LD to <time>', () => {
    const head = '<meta property="article:published_time" content="2024-03-18"><script type="application/ld+json">{"datePublished": "2024-03-17"}</script>';
    expect(meta(head, `<time datetime="2024-03-16"></time>${body}`).meta.published).toBe('2024-03-18');
    expect(meta('<script type="application/ld+json">{"datePublished": "2024-03-17"}</script>', `<time datetime="2024-03-16"></time>${body}`).meta.published).toBe('2024-03-17');
  });

  it('leaves an unreadable date empty and says which value it was', () => {
    const r = meta('<meta name="date" content="الاثنين 18 آذار">');
    expect(r.meta.published).toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({ rule: 'html-date-unparseable' })]);
    expect(r.diagnostics[0]!.reason).toMatch(/the meta date value "الاثنين 18 آذار" is not a date rasd can read/);
  });
});

describe('outlet, url and author', () => {
  it('takes the outlet from og:site_name, then JSON-LD publisher, then application-name', () => {
    const ld = '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "وكالة ب"}}</script>';
    expect(meta(`<meta property="og:site_name" content="وكالة أ">${ld}<meta name="application-name" content="ج">`).meta.outlet).toBe('وكالة أ');
    expect(meta(`${ld}<meta name="application-name" content="ج">`).meta.outlet).toBe('وكالة ب');
    expect(meta('<meta name="application-name" content="ج">').meta.outlet).toBe('ج');
  });

  it('follows a JSON-LD publisher reference by @id', () => {
    const ld = { '@graph': [{ '@type': 'NewsArticle', publisher: { '@id': '#org' } }, { '@type': 'Organization', '@id': '#org', name: 'نينوى برس' }] };
    expect(meta(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`).meta.outlet).toBe('نينوى برس');
  });

  it('takes the url from the canonical link, then og:url', () => {
    expect(meta('<link rel="canonical" href="https://a.example/1"><meta property="og:url" content="https://a.example/2">').meta.url).toBe('https://a.example/1');
    expect(meta('<meta property="og:url" content="https://a.example/2">').meta.url).toBe('https://a.example/2');
  });

  it('takes the author from meta author or JSON-LD, never a profile URL', () => {
    expect(meta('<meta property="article:author" content="https://a.example/u/1"><script type="application/ld+json">{"author": [{"name": "ريما خوري"}]}</script>').meta.author).toBe('ريما خوري');
    expect(meta('<meta name="author" content="علي الجبوري">').meta.author).toBe('علي الجبوري');
  });
});

describe('JSON-LD that is not valid JSON', () => {
  it('is ignored with a diagnostic, never thrown', () => {
    const r = meta('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script><meta property="og:site_name" content="الموقع">');
    expect(r.meta.outlet).toBe('الموقع');
    expect(r.diagnostics).toEqual([expect.objectContaining({ stage: 'clean', rule: 'html-jsonld-malformed' })]);
    expect(r.diagnostics[0]!.reason).toMatch(/^page\.html: a JSON-LD block is not valid JSON \(.+\) and was ignored/);
  });

  it('is repaired when its only fault is a raw line break inside a string', () => {
    const r = meta('<script type="application/ld+json">{"headline": "سطر\nثان", "datePublished": "2024-03-18"}</script>');
    expect(r.meta.published).toBe('2024-03-18');
    expect(r.diagnostics).toEqual([]);
  });

  it('survives odd shapes: null, numbers, HTML comments', () => {
    for (const raw of ['null', '42', '<!-- {"datePublished": "2024-03-18"} -->', '[]', '']) {
      expect(() => meta(`<script type="application/ld+json">${raw}</script>`)).not.toThrow();
    }
    expect(meta('<script type="application/ld+json"><!-- {"datePublished": "2024-03-18"} --></script>').meta.published).toBe('2024-03-18');
  });
});

describe('fragments', () => {
  it('turns an article fragment into paragraphs without judging it', () => {
    expect(htmlFragmentToText('<p>قصير</p><p>أقصر<br>سطر</p><script>x()</script>')).toBe('قصير\n\nأقصر\nسطر');
  });

  it('tells markup from a "<" in running text', () => {
    expect(looksLikeHtml('<p>نص</p>')).toBe(true);
    expect(looksLikeHtml('سطر<br/>سطر')).toBe(true);
    expect(looksLikeHtml('النسبة < 5% و 3 > 2')).toBe(false);
    expect(looksLikeHtml('<<الإعلان>>')).toBe(false);
  });
});
