// The web UI end to end, in Debian's Chromium driven by playwright-core, against `rasd serve` on a
// database of the bundled examples: search → statement → its source with the quote highlighted,
// the map and the timeline chart, the English toggle. Each step saves a screenshot in
// e2e/screenshots/. The page must load nothing from outside the server and log no error (a CSP
// violation is an error).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/serve/server.js';
import { Store } from '../src/store/sqlite.js';

const ROOT = resolve(import.meta.dirname, '..');
const WEB = join(ROOT, 'web', 'dist');
const SHOTS = join(ROOT, 'e2e', 'screenshots');
const CHROMIUM = process.env['RASD_CHROMIUM'] ?? '/usr/bin/chromium';
// In CI the browser must be there (.ci/run installs it); elsewhere its absence skips these tests.
const available = existsSync(CHROMIUM) || !!process.env['CI'];

let dir: string, store: Store, server: Server, base: string, browser: Browser, page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!available) return;
  if (!existsSync(join(WEB, 'index.html'))) throw new Error('web/dist is not built; run `npm run build` first.');
  dir = mkdtempSync(join(tmpdir(), 'rasd-e2e-'));
  const db = join(dir, 'rasd.db');
  execFileSync(process.execPath, [join(ROOT, 'bin', 'rasd.js'), 'ingest', join(ROOT, 'examples'), '--db', db, '-q'], { stdio: 'pipe' });
  store = Store.open(db, { readonly: true });
  server = createApp({ store, webRoot: WEB, version: 'e2e', hosts: ['127.0.0.1'], limits: { ratePerSecond: 0 } }); // the rate limit has its own tests; a UI run is not a flood
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => void problems.push(`page error: ${e.message}`));
  page.on('request', (r) => void (!r.url().startsWith(base) && !r.url().startsWith('data:') && problems.push(`request outside the server: ${r.url()}`)));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((done) => server.close(done));
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
const byTest = (id: string) => page.locator(`[data-testid="${id}"]`);

describe.skipIf(!available)('the web UI in Chromium', () => {
  it('searches, opens a statement and shows its source with the quote highlighted', async () => {
    await page.goto(`${base}/#/search`);
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await byTest('search-input').fill('منفذ ربيعة');
    await byTest('search-submit').click();
    // Without words the page lists the latest articles: wait for the hits of the query.
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('q'))).toBe('منفذ ربيعة');
    await expect.poll(() => byTest('search-hit').first().locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => byTest('search-hit').count(), { timeout: 10_000 }).toBe(1);
    await shot('01-search');

    await byTest('nav-statements').click();
    await byTest('statements-q').fill('منفذ ربيعة');
    await byTest('filters-apply').click();
    // The unfiltered list shows first: wait for the filtered one before reading a source from it.
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('q'))).toBe('منفذ ربيعة');
    // The first card of the unfiltered list may quote the same words: wait for the list to shrink to the one match.
    await expect.poll(() => byTest('statement').count(), { timeout: 10_000 }).toBe(1);
    const card = byTest('statement').first();
    expect((await card.textContent()) ?? '').toContain('منفذ ربيعة');
    const source = card.locator('[data-testid="statement-source"]').first();
    const href = (await source.getAttribute('href'))!;
    const [, articleId, start, end] = /#\/articles\/(\d+)\?hl=(\d+)-(\d+)/.exec(href)!;
    await shot('02-statements');

    await source.click();
    const hl = byTest('hl');
    await hl.waitFor();
    const article = (await (await fetch(`${base}/api/articles/${articleId}`)).json()) as { text: string };
    const quote = article.text.slice(Number(start), Number(end));
    const marked = (await page.locator('[data-testid="hl"], [data-testid="hl-more"]').allTextContents()).join('');
    expect(marked.replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
    expect(await hl.isVisible()).toBe(true);
    const box = (await hl.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(900);
    expect(await byTest('article-text').getAttribute('dir')).toBe('rtl');
    await shot('03-article-highlighted');
  }, 60_000);

  it('draws the events map over the bundled boundaries, without tiles, and the timeline chart', async () => {
    await page.goto(`${base}/#/map`);
    const map = byTest('map');
    await expect.poll(async () => Number(await map.getAttribute('data-events')), { timeout: 15_000 }).toBe(2);
    // Ten countries' boundaries and two event markers are vector paths; no tile image is loaded.
    await expect.poll(() => map.locator('path').count()).toBeGreaterThanOrEqual(12);
    expect(await map.locator('img.leaflet-tile').count()).toBe(0);
    const chart = byTest('timeline-chart').first();
    await chart.waitFor();
    expect(Number(await chart.getAttribute('data-days'))).toBeGreaterThan(0);
    expect(await chart.locator('rect').count()).toBeGreaterThan(0);
    await shot('04-map-timeline');
  }, 60_000);

  it('switches the interface to English and back, keeping the texts Arabic', async () => {
    await page.goto(`${base}/#/statements`);
    await byTest('statement').first().waitFor();
    const arabic = await byTest('nav-statements').textContent();
    await byTest('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    const english = (await byTest('nav-statements').textContent())!;
    expect(english).not.toBe(arabic);
    expect(english).toMatch(/[A-Za-z]/);
    expect(await byTest('statement').first().locator('[lang="ar"]').count()).toBeGreaterThan(0);
    await shot('05-english');
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await byTest('lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  }, 60_000);

  it('loaded nothing from outside the server and logged no error', () => {
    expect(problems).toEqual([]);
  });
});
