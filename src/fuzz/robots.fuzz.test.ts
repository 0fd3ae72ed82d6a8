// robots.txt (src/acquire/robots.ts): parsing any text and asking about any path never throws
// and answers in linear time. (The parser is another module's; a failure here is reported to it.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Robots } from '../acquire/robots.js';
import { arabicText, hostileChar, mutated } from './arbitraries.js';
import { check, timed, timeout } from './harness.js';

const ROBOTS = `User-agent: *\nDisallow: /private/\nAllow: /private/open$\nDisallow: /*.pdf$\nCrawl-delay: 2\n\nUser-agent: rasd\nDisallow: /ar/أخبار/\n`;

const line = fc.oneof(
  fc.constantFrom('User-agent: *', 'User-agent: rasd', 'Disallow: /', 'Disallow:', 'Allow: /a*b$', 'Crawl-delay: 1e9', 'Crawl-delay: -1', 'Sitemap: x', '# c', ':', 'Disallow: /**********a$'),
  fc.tuple(fc.constantFrom('Allow', 'Disallow', 'User-agent', 'Crawl-delay'), fc.string({ maxLength: 40 })).map(([k, v]) => `${k}: ${v}`),
);
const robots = fc.oneof(
  fc.array(line, { maxLength: 40 }).map((l) => l.join('\n')),
  mutated(fc.constant(ROBOTS), fc.oneof(hostileChar, arabicText(3), fc.constantFrom('*', '$', '%', '%E', '\n', ':'))),
);
const path = fc.oneof(fc.constantFrom('/', '/private/open', '/a.pdf', '/ar/أخبار/1', '/%D8%A3', '/%', '/' + 'a'.repeat(2000)), fc.webPath());

describe('robots.txt', () => {
  it('parses any text and answers for any path without throwing, in linear time', async () => {
    const prop = fc.property(robots, path, fc.constantFrom('rasd/0.1', 'Mozilla/5.0', '', '*'), (text, p, agent) => {
      const parsed = timed(text.length, 'Robots.parse', () => Robots.parse(text));
      expect(typeof timed(text.length + p.length, 'isAllowed', () => parsed.isAllowed(p, agent))).toBe('boolean');
    });
    await check('robots: parse/isAllowed', prop, 300);
  }, timeout(60_000));

  // Found by fuzzing: `(.*?)\s*$` in the line pattern was quadratic on a long run of spaces inside
  // a value (100 KB took 8.6 s).
  it('parses a line with a long run of spaces in its value in linear time', () => {
    const text = `Disallow: a${' '.repeat(100_000)}b`;
    timed(text.length, 'Robots.parse', () => Robots.parse(text));
  });
});
