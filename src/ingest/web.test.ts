// Ingesting from the web against loopback servers the test starts: a feed, article pages, a
// sitemap, robots.txt disallowing one path, a 304 on re-poll, a slow host and a failing host.
// Loopback is refused unless allowed, so every test that fetches from these servers opts in.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../store/search.js';
import { Store } from '../store/sqlite.js';
import { SqliteArticleStore } from '../store/store.js';
import { Ingester } from './ingester.js';
import { WebIngest } from './web.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];
async function serve(handler: Handler): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title><meta property="og:site_name" content="موقع الاختبار"></head>
  <body><header><nav>الرئيسية | سياسة | اقتصاد</nav></header><article><h1>${title}</h1>${body.split('\n').map((p) => `<p>${p}</p>`).join('')}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;

const ARTICLES: Record<string, [string, string]> = {
  '/news/1': ['الكاظمي يستقبل وفد التحالف', 'استقبل رئيس الوزراء مصطفى الكاظمي، اليوم الأحد، وفدا من التحالف الدولي برئاسة الجنرال جون برينan.\nوقال الكاظمي إن "العراق ماض في تنظيم العلاقة مع التحالف على أساس المصالح المشتركة".\nوأضاف أن اللجنة العسكرية العليا ستواصل عملها في الأسابيع المقبلة.'],
  '/news/2': ['مقتل مسلحين في ضربة جوية', 'أعلنت خلية الإعلام الأمني مقتل أربعة مسلحين من داعش في ضربة جوية نفذها طيران الجيش في وادي الشاي جنوب كركوك.\nوذكرت الخلية في بيان أن الضربة استهدفت مخبأ للتنظيم بعد رصد دقيق.\nوأكدت أن العمليات مستمرة لملاحقة بقايا التنظيم.'],
  '/private/3': ['صفحة خاصة', 'هذه الصفحة ممنوعة على الزواحف.'],
  '/news/4': ['افتتاح جسر في الموصل', 'افتتح محافظ نينوى نجم الجبوري جسرا جديدا على نهر دجلة في الموصل بعد إعادة إعماره.\nوقال الجبوري إن "الجسر سيخفف الزحام في المدينة".\nوأشار إلى أن مشاريع أخرى ستفتتح قبل نهاية العام.'],
};

let site: string, slow: string, failing: string;
const seen: string[] = [];
const conditional: (string | undefined)[] = [];
let dir: string;

beforeAll(async () => {
  site = await serve((req, res) => {
    seen.push(req.url!);
    const url = req.url!;
    if (url === '/robots.txt') return void res.end('User-agent: *\nDisallow: /private/\n');
    if (url === '/feed.xml') {
      conditional.push(req.headers['if-none-match'] as string | undefined);
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' });
      const items = ['/news/1', '/news/2', '/private/3'].map((p) => `<item><title>${ARTICLES[p]![0]}</title><link>${site}${p}</link><pubDate>Sun, 04 Jul 2021 09:00:00 GMT</pubDate></item>`);
      return void res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>${items.join('')}</channel></rss>`);
    }
    if (url === '/sitemap-index.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site}/sitemap.xml</loc></sitemap></sitemapindex>`);
    }
    if (url === '/sitemap.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      return void res.end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${site}/news/2</loc></url><url><loc>${site}/news/4</loc><lastmod>2021-07-05</lastmod></url></urlset>`);
    }
    const a = ARTICLES[url];
    if (!a) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(...a));
  });
  slow = await serve((req, res) => {
    if (req.url === '/robots.txt') return void res.writeHead(404).end();
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(page('متأخر', 'نص متأخر جدا.')), 3000).unref();
  });
  failing = await serve((_req, res) => void res.writeHead(500).end('boom'));
  dir = mkdtempSync(join(tmpdir(), 'rasd-web-'));
});
afterAll(() => {
  for (const s of servers) s.closeAllConnections(), s.close();
});

const open = () => {
  const store = Store.open(join(dir, 'web.db'));
  const ing = new Ingester(new SqliteArticleStore(store), { nearThreshold: 0.8, learnMin: 5, batchSize: 50 });
  return { store, ing, web: new WebIngest(ing, { timeoutMs: 400, perHostMs: 5, allowPrivate: true }) };
};

const rasd = async (args: string[]): Promise<{ stderr: string; status: number | null }> => {
  // Spawned asynchronously: this process serves the site the command fetches from.
  const root = resolve(import.meta.dirname, '..', '..');
  const child = spawn(process.execPath, [join(root, 'bin', 'rasd.js'), ...args], { env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((res) => child.on('exit', res));
  return { stderr, status };
};

describe('ingesting feeds, sitemaps and pages', () => {
  it('stores the articles of a feed, never requests what robots.txt disallows, and re-polls conditionally', async () => {
    const { store, ing, web } = open();
    const first = await web.ingestUrl(`${site}/feed.xml`);
    expect(first).toMatchObject({ status: 'new', items: 3 });
    expect(ing.tally.stored).toBe(2);
    expect(ing.tally.failures.map((f) => f.error)).toEqual([expect.stringMatching(/private\/3 was not fetched: robots\.txt .* disallows it/)]);
    expect(seen).not.toContain('/private/3');
    const hit = search(store, { text: 'الكاظمي', limit: 5 }).hits[0]!;
    expect(hit).toMatchObject({ url: `${site}/news/1`, published: '2021-07-04', outlet: 'موقع الاختبار' });

    const again = await web.ingestUrl(`${site}/feed.xml`);
    expect(again.status).toBe('not-modified');
    expect(conditional.at(-1)).toBe('"v1"');
    store.close();
  });

  it('resumes after a restart: validators and stored articles come from the database', async () => {
    const { store, ing, web } = open();
    const fetchedBefore = seen.filter((u) => u.startsWith('/news/')).length;
    expect((await web.ingestUrl(`${site}/feed.xml`)).status).toBe('not-modified');
    // The sitemap lists one stored article and one new one: only the new one is fetched.
    const r = await web.ingestUrl(`${site}/sitemap.xml`);
    expect(r).toMatchObject({ status: 'new', items: 2, fetched: 1 });
    expect(seen.filter((u) => u.startsWith('/news/')).length).toBe(fetchedBefore + 1);
    expect(ing.tally.stored).toBe(1);
    store.close();
  });

  it('follows a sitemap index to its sitemaps, and fetches nothing already stored', async () => {
    const { store, ing, web } = open();
    const r = await web.ingestUrl(`${site}/sitemap-index.xml`);
    expect(r).toMatchObject({ status: 'new', items: 1, fetched: 0 });
    expect(seen.filter((u) => u === '/sitemap.xml').length).toBe(2);
    expect(ing.tally.stored + ing.tally.failed).toBe(0);
    store.close();
  });

  it('records a slow host and a failing host as failures with reasons, and goes on', async () => {
    const { store, ing, web } = open();
    const t0 = Date.now();
    const [a, b, c] = await Promise.all([web.ingestUrl(`${slow}/news/9`), web.ingestUrl(`${failing}/feed.xml`), web.ingestUrl(`${site}/news/1`)]);
    expect(a.status).toBe('failed');
    expect(b.status).toBe('failed');
    expect(c.status).toBe('page');
    expect(Date.now() - t0).toBeLessThan(2900); // the slow host's answer was not waited for
    const errors = ing.tally.failures.map((f) => f.error).join('\n');
    expect(errors).toMatch(/news\/9.*(timed out|did not answer|seconds)/);
    expect(errors).toMatch(/500/);
    expect(ing.tally.unchanged).toBe(1);
    store.close();
  });

  it('rasd watch --once polls from the command line and exits', async () => {
    const r = await rasd(['watch', `${site}/feed.xml`, '--once', '--db', join(dir, 'cli.db'), '--host-interval', '10ms', '--timeout', '5s', '--allow-private']);
    expect(r.stderr).toMatch(/poll 1: .*feed\.xml — 3 items, 2 fetched/);
    expect(r.stderr).toMatch(/robots\.txt/);
    expect(r.status).toBe(1); // the disallowed item is a failure the user should see
  }, 30_000);
});

describe('private addresses', () => {
  it('refuses a loopback site without the opt-in, and records why', async () => {
    const store = Store.open(join(dir, 'refused.db'));
    const ing = new Ingester(new SqliteArticleStore(store), { nearThreshold: 0.8, learnMin: 5, batchSize: 50 });
    const before = seen.length;
    const r = await new WebIngest(ing, { timeoutMs: 400, perHostMs: 5 }).ingestUrl(`${site}/feed.xml`);
    expect(r.status).toBe('failed');
    expect(ing.tally.failures.map((f) => f.error)).toEqual([expect.stringMatching(/feed\.xml was not fetched: 127\.0\.0\.1 is a loopback address .* pass --allow-private/)]);
    expect(seen.length).toBe(before);
    store.close();
  });

  it('does not follow the items of an allowed feed into a private network', async () => {
    // news.example plays a public site (allowed by name, served from loopback); its feed links to an inward address.
    const port = new URL(site).port;
    const inward = await serve((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(page('داخلي', 'نص داخلي.')));
    let hits = 0;
    const feedSite = await serve((req, res) => {
      if (req.url !== '/feed.xml') return void res.writeHead(404).end();
      hits++;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><link>${inward}/secret</link></item><item><title>b</title><link>http://internal.example:${port}/news/1</link></item></channel></rss>`);
    });
    const store = Store.open(join(dir, 'inward.db'));
    const ing = new Ingester(new SqliteArticleStore(store), { nearThreshold: 0.8, learnMin: 5, batchSize: 50 });
    const dns = async (host: string) => [{ address: '127.0.0.1', family: 4 as const }].filter(() => host === 'news.example' || host === 'internal.example');
    const web = new WebIngest(ing, { timeoutMs: 2000, perHostMs: 5, allowHosts: ['news.example'], resolve: dns });
    const before = seen.length;
    const r = await web.ingestUrl(`${feedSite.replace('127.0.0.1', 'news.example')}/feed.xml`);
    expect(r).toMatchObject({ status: 'new', items: 2, fetched: 0 });
    expect(hits).toBe(1);
    const errors = ing.tally.failures.map((f) => f.error).sort();
    expect(errors).toEqual([
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/secret was not fetched: 127\.0\.0\.1 is a loopback address/),
      expect.stringMatching(/^http:\/\/internal\.example:\d+\/news\/1 was not fetched: internal\.example resolves to 127\.0\.0\.1, which is a loopback address/),
    ]);
    expect(seen.length).toBe(before); // the site behind internal.example saw nothing
    store.close();
  });

  it('rasd watch and rasd ingest refuse loopback without --allow-private, and check their limits', async () => {
    const before = seen.length;
    const watch = await rasd(['watch', `${site}/feed.xml`, '--once', '--db', join(dir, 'cli-refused.db'), '--timeout', '5s']);
    expect(watch.stderr).toMatch(/feed\.xml was not fetched: 127\.0\.0\.1 is a loopback address \(this machine\), and rasd fetches only from public addresses unless told otherwise; pass --allow-private/);
    expect(watch.status).toBe(1);
    const ingest = await rasd(['ingest', `${site}/news/4`, '--db', join(dir, 'cli-refused.db'), '-q']);
    expect(ingest.stderr).toMatch(/news\/4 was not fetched: 127\.0\.0\.1 is a loopback address/);
    expect(ingest.status).toBe(1);
    expect(seen.length).toBe(before);

    const badRedirects = await rasd(['ingest', `${site}/news/4`, '--db', join(dir, 'cli-refused.db'), '--max-redirects', 'many']);
    expect(badRedirects.stderr).toContain("option '--max-redirects <n>' argument 'many' is invalid. expected a whole number of redirects from 0 to 50");
    expect(badRedirects.status).not.toBe(0);
    const badTimeout = await rasd(['watch', `${site}/feed.xml`, '--db', join(dir, 'cli-refused.db'), '--timeout', '0']);
    expect(badTimeout.stderr).toBe('rasd: the timeout (--timeout) must be longer than 0 and at most 24 days; 0 ms was given.\n');
    expect(badTimeout.status).toBe(2);
    // Beyond what a timer can wait, setTimeout fires at once: the watch would poll without pause.
    const badEvery = await rasd(['watch', `${site}/feed.xml`, '--db', join(dir, 'cli-refused.db'), '--every', '1000h']);
    expect(badEvery.stderr).toBe('rasd: the time between polls (--every) must be longer than 0 and at most 24 days; 3600000000 ms was given.\n');
    expect(badEvery.status).toBe(2);
  }, 30_000);
});
