import { describe, expect, it } from 'vitest';
import { USER_AGENT } from './http.js';
import { Robots } from './robots.js';

describe('Robots group selection', () => {
  const robots = Robots.parse(`
# News sites often single out crawlers by name.
User-agent: *
Disallow: /private/
Crawl-delay: 2

User-agent: Rasd
Disallow: /archive/
Crawl-delay: 5

User-agent: rasdbot
Disallow: /
`);

  it('uses the group naming our product token, case-insensitively, instead of "*"', () => {
    expect(robots.isAllowed('/archive/2021', 'rasd')).toBe(false);
    expect(robots.isAllowed('/private/x', 'rasd')).toBe(true);
    expect(robots.crawlDelaySeconds('rasd')).toBe(5);
  });

  it('takes the product token from a whole User-Agent string', () => {
    expect(robots.isAllowed('/archive/2021', USER_AGENT)).toBe(false);
    expect(robots.crawlDelaySeconds(USER_AGENT)).toBe(5);
  });

  it('does not take a longer name ("rasdbot") for ours, and falls back to "*" for others', () => {
    expect(robots.isAllowed('/news/1', 'rasd')).toBe(true);
    expect(robots.isAllowed('/private/x', 'otherbot')).toBe(false);
    expect(robots.isAllowed('/archive/2021', 'otherbot')).toBe(true);
    expect(robots.crawlDelaySeconds('otherbot')).toBe(2);
  });

  it('shares rules among consecutive User-agent lines and merges groups for one agent', () => {
    const r = Robots.parse('User-agent: a\nUser-agent: rasd\nDisallow: /x\n\nUser-agent: rasd\nDisallow: /y\n');
    expect(r.isAllowed('/x', 'rasd')).toBe(false);
    expect(r.isAllowed('/y', 'rasd')).toBe(false);
    expect(r.isAllowed('/x', 'a')).toBe(false);
    expect(r.isAllowed('/y', 'a')).toBe(true);
  });
});

describe('Robots rules', () => {
  it('lets the longest match win and Allow win ties', () => {
    const r = Robots.parse('User-agent: *\nDisallow: /news\nAllow: /news/public\nDisallow: /a\nAllow: /a\n');
    expect(r.isAllowed('/news/secret', 'rasd')).toBe(false);
    expect(r.isAllowed('/news/public/1', 'rasd')).toBe(true);
    expect(r.isAllowed('/a/b', 'rasd')).toBe(true);
  });

  it('reads * as any run of characters and a final $ as the end of the path', () => {
    const r = Robots.parse('User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\nDisallow: /search*q=\n');
    expect(r.isAllowed('/files/report.pdf', 'rasd')).toBe(false);
    expect(r.isAllowed('/files/report.pdf?x=1', 'rasd')).toBe(true);
    expect(r.isAllowed('/article/1?print=1', 'rasd')).toBe(false);
    expect(r.isAllowed('/article/1', 'rasd')).toBe(true);
    expect(r.isAllowed('/search/all?q=gaza', 'rasd')).toBe(false);
  });

  it('treats an empty Disallow, no matching group and an empty file as allow-all', () => {
    expect(Robots.parse('User-agent: *\nDisallow:\n').isAllowed('/anything', 'rasd')).toBe(true);
    expect(Robots.parse('User-agent: googlebot\nDisallow: /\n').isAllowed('/x', 'rasd')).toBe(true);
    expect(Robots.parse('').isAllowed('/x', 'rasd')).toBe(true);
    expect(Robots.parse('').crawlDelaySeconds('rasd')).toBeNull();
  });

  it('matches rules written with raw Arabic against percent-encoded paths', () => {
    const r = Robots.parse('\uFEFFUser-agent: *\r\nDisallow: /بحث\r\n');
    expect(r.isAllowed('/%D8%A8%D8%AD%D8%AB?q=1', 'rasd')).toBe(false);
    expect(r.isAllowed('/%d8%a8%d8%ad%d8%ab', 'rasd')).toBe(false);
    expect(r.isAllowed('/بحث', 'rasd')).toBe(false);
    expect(r.isAllowed('/news', 'rasd')).toBe(true);
  });

  it('always allows /robots.txt and ignores comments, Sitemap lines and junk', () => {
    const r = Robots.parse('Sitemap: https://e.com/s.xml\nnonsense\nUser-agent: * # all\nDisallow: / # everything\nCrawl-delay: soon\n');
    expect(r.isAllowed('/robots.txt', 'rasd')).toBe(true);
    expect(r.isAllowed('/x', 'rasd')).toBe(false);
    expect(r.crawlDelaySeconds('rasd')).toBeNull();
  });

  // A backtracking regular expression would take years here; the test's own timeout is the check.
  it('stays fast on patterns full of wildcards', () => {
    const r = Robots.parse(`User-agent: *\nDisallow: /${'*a'.repeat(30)}*b$\n`);
    expect(r.isAllowed(`/${'a'.repeat(2000)}`, 'rasd')).toBe(true);
  });

  // Regression: the earlier matcher walked a set of path positions per pattern character, and
  // took 16 s per URL for one 500 KB rule of stars and 6 s for 2,500 rules of "*a" repeated.
  it('stays fast on a hostile robots.txt of half a megabyte', () => {
    const stars = Robots.parse(`User-agent: *\nDisallow: /${'*'.repeat(500_000)}x\n`);
    const many = Robots.parse(`User-agent: *\n${Array.from({ length: 2500 }, () => `Disallow: /${'*a'.repeat(100)}b`).join('\n')}\n`);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) {
      expect(stars.isAllowed(`/news/${'a'.repeat(200)}`, 'rasd')).toBe(true);
      expect(stars.isAllowed(`/news/${'a'.repeat(200)}x`, 'rasd')).toBe(false);
      expect(many.isAllowed(`/${'a'.repeat(200)}`, 'rasd')).toBe(true);
    }
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('matches as a regular expression for the same pattern would, on 20,000 random patterns and paths', () => {
    // A small seeded generator (mulberry32), so that a failure can be replayed.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const pick = (alphabet: string, max: number) => Array.from({ length: random(max + 1) }, () => alphabet[random(alphabet.length)]).join('');
    const regexFor = (pattern: string) => {
      const anchored = pattern.endsWith('$');
      const body = (anchored ? pattern.slice(0, -1) : pattern).split('*').map((p) => p.replace(/[.?+^$()[\]{}|\\/]/g, '\\$&')).join('.*');
      return new RegExp(`^${body}${anchored ? '$' : ''}`);
    };
    for (let i = 0; i < 20_000; i++) {
      const pattern = `/${pick('ab*/', 8)}${random(3) === 0 ? '$' : ''}`;
      const path = `/${pick('ab/', 10)}`;
      const disallowed = !Robots.parse(`User-agent: *\nDisallow: ${pattern}\n`).isAllowed(path, 'rasd');
      expect(disallowed, `${pattern} against ${path}`).toBe(regexFor(pattern).test(path));
    }
  });
});
