// The smallest inputs of the crashes and hangs the fuzz tests found, one test each, so that they
// stay fixed without the random search. Time limits here are loose (seconds): the inputs took
// minutes, or threw, before the fixes.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { arabicShare, decodeBytes } from '../acquire/decode.js';
import { looksLikeFeed, parseFeed } from '../acquire/feeds.js';
import { readStream, type InputResult } from '../acquire/index.js';
import { lineToResult, recordToInput } from '../acquire/records.js';
import { toDay } from '../acquire/day.js';
import { all, encodeCp1256 } from '../acquire/testing.js';
import { htmlFragmentToText, htmlToInput } from '../clean/html.js';
import { findQuotes, paragraphs, sentences } from '../extract/segment.js';

const CTX = { encoding: 'utf-8', diagnostics: [] };
const TEXT = 'قال الوزير إن العمل مستمر في بغداد.';

async function seconds<R>(f: () => R | Promise<R>): Promise<{ result: R; s: number }> {
  const start = performance.now();
  const result = await f();
  return { result, s: (performance.now() - start) / 1000 };
}

function error(r: InputResult): string {
  if (r.ok) throw new Error(`expected an error, got ${r.input.source}`);
  return r.error;
}

describe('HTML', () => {
  it('deep nesting no longer overflows the stack (the text walker was recursive)', () => {
    expect(htmlFragmentToText('<b>'.repeat(20_000) + TEXT)).toBe(TEXT);
  });

  it('a page nested deeper than the limit skips Readability (20 000 <div>s took a minute) and keeps its text', async () => {
    const html = `<html><body>${'<div>'.repeat(20_000)}${TEXT}${'</div>'.repeat(20_000)}</body></html>`;
    const { result, s } = await seconds(() => htmlToInput(html, 'deep.html'));
    expect(result.body).toBe(TEXT);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['html-too-deep']);
    expect(result.diagnostics[0]!.reason).toContain('more than 512 levels deep');
    expect(s).toBeLessThan(10);
    // The limit is an option: a lower one applies to an ordinary page too.
    expect(htmlToInput('<html><body><div><div><p>نص</p></div></div></body></html>', 'a.html', { maxDepth: 3 }).diagnostics[0]!.rule).toBe('html-too-deep');
  });

  it('counts nesting after </html> too, where linkedom puts it and Readability still looks', () => {
    const html = `<html><body><p>${TEXT}</p></body></html>${'<div>'.repeat(3000)}`;
    expect(htmlToInput(html, 'a.html').diagnostics.map((d) => d.rule)).toEqual(['html-too-deep']);
  });

  it('a page of more elements than Readability can take in seconds uses the whole text', () => {
    const html = `<html><body>${'<p>ا</p>'.repeat(60_000)}</body></html>`;
    expect(htmlToInput(html, 'wide.html').diagnostics.map((d) => d.rule)).toEqual(['html-too-large']);
  });

  it('reads markup that does not open with <html><head><body> (linkedom dropped its text, or threw)', () => {
    expect(htmlToInput(`<p>${TEXT}</p>`, 'a.html').body).toBe(TEXT);
    expect(htmlToInput(`<html><p>${TEXT}</p></html>`, 'a.html').body).toBe(TEXT);
    expect(htmlToInput(`<body><p>${TEXT}</p></body>`, 'a.html').body).toBe(TEXT);
    expect(htmlToInput(`نص <b>${TEXT}</b>`, 'a.html').body).toBe(`نص ${TEXT}`);
    // Plain text with a stray <body>: document.body threw "Cannot destructure property 'firstElementChild'".
    expect(() => recordToInput({ content: `نص <p>${TEXT}</p> <body>` }, 'r', CTX)).not.toThrow();
    const title = htmlToInput(`<head><title>العنوان</title></head><p>${TEXT}</p>`, 'a.html');
    expect([title.meta.title, title.body]).toEqual(['العنوان', TEXT]);
  });

  it('ignores a JSON-LD block nested deeper than the limit (collecting its nodes overflowed the stack)', () => {
    const ld = `<script type="application/ld+json">{"@type":"NewsArticle","author":${'['.repeat(20_000)}${']'.repeat(20_000)}}</script>`;
    const page = htmlToInput(`<html><head>${ld}</head><body><p>${TEXT}</p></body></html>`, 'a.html');
    expect(page.body).toBe(TEXT);
    expect(page.diagnostics.map((d) => d.rule)).toContain('html-jsonld-too-deep');
  });
});

describe('JSON records', () => {
  it('a record whose name field nests deep no longer overflows the stack', () => {
    const author = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000)) as unknown;
    const r = recordToInput({ content: TEXT, author }, 'r', CTX);
    expect(r.ok && r.input.meta.author).toBe(null);
  });

  it('refuses a JSON file or line nested deeper than the limit, naming the limit', async () => {
    const deep = `{"text":"نص","x":${'['.repeat(1000)}${']'.repeat(1000)}}`;
    expect(error((await all(readStream(Readable.from([Buffer.from(deep)]), 'deep.json')))[0]!)).toBe(
      'deep.json nests JSON arrays or objects more than 512 levels deep, more than any news record needs, so it was not read; flatten the records, or raise the limit with --max-depth.',
    );
    expect(error(lineToResult(deep, 'a.jsonl#3', CTX)!)).toContain('a.jsonl#3 nests JSON arrays or objects more than 512 levels deep');
    const lines = await all(readStream(Readable.from([Buffer.from(`{"text":"أ"}\n${deep}\n{"text":"ب"}\n`)]), 'a.jsonl'));
    expect(lines.map((r) => r.ok)).toEqual([true, false, true]);
    // Raised, the same record is read.
    expect((await all(readStream(Readable.from([Buffer.from(deep)]), 'deep.json', { maxDepth: 2000 })))[0]!.ok).toBe(true);
  });
});

describe('JSON records, more', () => {
  it('a record whose HTML body holds no text is an error, not an empty article', () => {
    const r = recordToInput({ content: '<!DOCTYPE html><html><head><title>عنوان</title></head><body><p></body></html>' }, 'r#1', CTX);
    expect(error(r)).toMatch(/^r#1 is HTML but holds no readable text/);
  });

  it('an epoch past the range of Date is no day ("NaN-NaN-NaN" before)', () => {
    expect(toDay(8640000000000001)).toBe(null);
    expect(recordToInput({ content: TEXT, date: 8640000000000001 }, 'r', CTX)).toMatchObject({ ok: true, input: { meta: { published: null } } });
  });
});

describe('segmenting', () => {
  it('is linear in many « without a closing », and in many “ left open (quadratic before: seconds on 80 KB)', async () => {
    for (const unit of ['«a ', '«a', '“a ']) {
      const t = unit.repeat(60_000) + '» »';
      const { s } = await seconds(() => {
        const paras = paragraphs(t);
        return sentences(t, paras, findQuotes(t, paras));
      });
      expect(s).toBeLessThan(3);
    }
  });
});

describe('decoding and feeds', () => {
  it('the Arabic share of non-UTF-8 text is linear in unclosed <script> and "<" (it was quadratic: seconds on 100 KB)', async () => {
    const legacy = encodeCp1256('قال الوزير إن العمل مستمر.');
    for (const unit of ['<script', '<a']) {
      const { result, s } = await seconds(() => decodeBytes(Buffer.concat([legacy, Buffer.from(unit.repeat(100_000))]), 'x.txt'));
      expect(result.ok).toBe(false);
      expect(s).toBeLessThan(3);
    }
    expect(arabicShare('<script>x</script>اب<style>y</style>')).toBe(1);
  });

  it('feed titles and the feed sniffer are linear in unclosed "<", "<?" and "<!--"', async () => {
    const title = '<b'.repeat(100_000);
    const { s } = await seconds(() => parseFeed(`<rss><channel><item><title>${title}</title><link>https://a.example/1</link></item></channel></rss>`, 'https://a.example/'));
    expect(s).toBeLessThan(3);
    for (const unit of ['<?', '<!--']) {
      const { result, s: t } = await seconds(() => looksLikeFeed(null, unit.repeat(100_000)));
      expect(result).toBe(false);
      expect(t).toBeLessThan(3);
    }
    expect(looksLikeFeed(null, '\uFEFF<?xml version="1.0"?><!-- c --><!DOCTYPE rss><rss version="2.0">')).toBe(true);
  });
});

describe('gzip bombs', () => {
  /** `members` gzip members of 10 MB each of one byte: 10 KB each compressed, a thousandfold. */
  function bomb(members: number, byte: string, head = ''): Buffer {
    const member = gzipSync(Buffer.alloc(10 * 1024 * 1024, byte));
    return Buffer.concat([gzipSync(head), ...Array.from({ length: members }, () => member)]);
  }

  it('stops a JSON Lines bomb of blank lines early, naming the ratio limit (it ran through every byte)', async () => {
    const bytes = bomb(100, '\n', '{"text":"نص"}\n{"text":"نص"}\n'); // 1 GB of blank lines from 1 MB
    const { result, s } = await seconds(() => all(readStream(Readable.from([bytes]), 'bomb.jsonl.gz')));
    expect(result.slice(0, 2).map((r) => r.ok)).toEqual([true, true]);
    expect(error(result.at(-1)!)).toMatch(/^bomb\.jsonl\.gz decompresses to more than 100 times its compressed size \(.*\), as a decompression bomb does, so decompression was stopped there \(records before that point were read\); if it is a genuine file, raise the limit with --max-ratio 1000\.$/);
    expect(s).toBeLessThan(20);
  });

  it('stops a web archive whose skipped record is a bomb', async () => {
    const record = (length: number) => `WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: ${length}\r\n\r\n`;
    const bytes = Buffer.concat([gzipSync(record(100 * 10 * 1024 * 1024)), bomb(100, 'a')]);
    const { result, s } = await seconds(() => all(readStream(Readable.from([bytes]), 'crawl.warc.gz')));
    expect(error(result[0]!)).toContain('decompresses to more than 100 times its compressed size');
    expect(s).toBeLessThan(20);
  });

  it('reads an ordinary gzipped corpus, whose ratio is far below the limit', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ text: `${TEXT} ${i} ${Math.random()}` })).join('\n');
    const results = await all(readStream(Readable.from([gzipSync(lines)]), 'corpus.jsonl.gz', { maxBytes: 64 * 1024 }));
    expect(results.filter((r) => r.ok)).toHaveLength(30_000);
  });
});
