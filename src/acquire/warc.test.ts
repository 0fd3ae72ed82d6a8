import { PassThrough, Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources, readStream, type InputResult } from './index.js';
import type { Chunks } from './stream.js';
import { all, encodeCp1256, tempDir } from './testing.js';
import { readWarc } from './warc.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const ARTICLE = 'قال المتحدث باسم الوزارة إن «العمل مستمر»، وأضاف أن “الجسر سيفتح قريباً”.';
const LEGACY = 'قال الوزير إن العمل مستمر.';
/** Mostly Latin, so that windows-1256 is not guessed from the text: only a declared charset will do. */
const LEGACY_PAGE_TEXT = `${LEGACY} ${'Lorem ipsum dolor sit amet. '.repeat(10)}`;
const SITE = 'https://news.example.iq';

// ---- building archives by hand ----------------------------------------------------------------

function record(type: string, fields: Record<string, string>, block: string | Buffer): Buffer {
  const bytes = Buffer.from(block);
  const head = [
    'WARC/1.1',
    `WARC-Type: ${type}`,
    'WARC-Record-ID: <urn:uuid:0b6c3d0e-6b4a-4a3c-9d51-6f1f0d9c2a11>',
    'WARC-Date: 2024-05-02T10:00:00Z',
    ...Object.entries(fields).map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${bytes.length}`,
  ];
  return Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n'), bytes, Buffer.from('\r\n\r\n')]);
}

function httpMessage(status: string, headers: string[], body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from([`HTTP/1.1 ${status}`, ...headers].join('\r\n') + '\r\n\r\n'), Buffer.from(body)]);
}

function response(path: string, status: string, headers: string[], body: string | Buffer): Buffer {
  const fields = { 'WARC-Target-URI': `${SITE}${path}`, 'Content-Type': 'application/http; msgtype=response' };
  return record('response', fields, httpMessage(status, headers, body));
}

function page(title: string, paragraph: string, head = ''): string {
  return `<!DOCTYPE html><html><head><title>${title}</title>${head}</head><body><article><p>${paragraph}</p></article></body></html>`;
}

/** The chunked transfer coding, in pieces of `size` bytes. */
function chunkedBody(bytes: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    const piece = bytes.subarray(i, i + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')]);
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

const records = {
  warcinfo: record('warcinfo', { 'Content-Type': 'application/warc-fields' }, 'software: test-crawler/1.0\r\nformat: WARC File Format 1.1\r\n'),
  request: record(
    'request',
    { 'WARC-Target-URI': `${SITE}/news/1`, 'Content-Type': 'application/http; msgtype=request' },
    'GET /news/1 HTTP/1.1\r\nHost: news.example.iq\r\n\r\n',
  ),
  // Binary, and early in the file: the archive must not be refused as a binary file.
  image: response('/logo.jpg', '200 OK', ['Content-Type: image/jpeg', `Content-Length: ${JPEG.length}`], JPEG),
  utf8: response('/news/1', '200 OK', ['Content-Type: text/html; charset=utf-8'], page('افتتاح جسر جديد في بغداد', ARTICLE)),
  legacy: response(
    '/news/2',
    '200 OK',
    ['Content-Type: text/html; charset=windows-1256'],
    encodeCp1256(page('الوزير', LEGACY_PAGE_TEXT)),
  ),
  chunkedGzip: response(
    '/news/3?ref=home',
    '200 OK',
    ['Content-Type: text/html', 'Transfer-Encoding: chunked', 'Content-Encoding: gzip'],
    chunkedBody(gzipSync(page('خبر ثالث', ARTICLE, '<link rel="canonical" href="/news/3">')), 100),
  ),
  notFound: response('/missing', '404 Not Found', ['Content-Type: text/html; charset=utf-8'], page('غير موجود', 'الصفحة غير موجودة')),
  redirect: response('/old', '301 Moved Permanently', ['Location: /news/1', 'Content-Length: 0'], ''),
  revisit: record(
    'revisit',
    { 'WARC-Target-URI': `${SITE}/news/1`, 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest' },
    'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n',
  ),
  metadata: record('metadata', { 'WARC-Target-URI': `${SITE}/news/1`, 'Content-Type': 'application/warc-fields' }, 'outlinks: /news/2\r\n'),
};

const CRAWL = [
  records.warcinfo,
  records.image,
  records.request,
  records.utf8,
  records.metadata,
  records.notFound,
  records.legacy,
  records.redirect,
  records.revisit,
  records.chunkedGzip,
];

const plain = (parts: Buffer[]) => Buffer.concat(parts);
/** A .warc.gz: one gzip member per record, as crawlers write them. */
const gzipped = (parts: Buffer[]) => Buffer.concat(parts.map((p) => gzipSync(p)));

async function* pieces(data: Buffer, size: number): Chunks {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

function read(data: Buffer, opts = { maxRecordBytes: 1024 * 1024 }, chunkSize = 64 * 1024): Promise<InputResult[]> {
  return all(readWarc(pieces(data, chunkSize), 'crawl.warc', opts));
}

function input(r: InputResult) {
  if (!r.ok) throw new Error(`expected a result, got the error: ${r.error}`);
  return r.input;
}

function error(r: InputResult): string {
  if (r.ok) throw new Error(`expected an error, got a result from ${r.input.source}`);
  return r.error;
}

const sourceOf = (r: InputResult) => (r.ok ? r.input.source : r.source);

// ---- tests -----------------------------------------------------------------------------------

describe('readWarc', () => {
  it('reads the HTML pages of a crawl and skips everything else', async () => {
    const [first, second, third, ...rest] = await read(plain(CRAWL));
    expect(rest).toEqual([]);
    expect(input(first!)).toEqual({
      source: `crawl.warc#${SITE}/news/1`,
      kind: 'html',
      body: ARTICLE,
      meta: { title: 'افتتاح جسر جديد في بغداد', published: null, outlet: null, url: `${SITE}/news/1`, author: null },
      encoding: 'utf-8',
      diagnostics: [],
    });
    expect(input(second!)).toMatchObject({ source: `crawl.warc#${SITE}/news/2`, encoding: 'windows-1256', meta: { title: 'الوزير' } });
    expect(input(second!).body).toContain(LEGACY);
    expect(input(second!).diagnostics.map((d) => d.rule)).toEqual(['legacy-encoding']);
    expect(input(third!)).toMatchObject({
      source: `crawl.warc#${SITE}/news/3?ref=home`,
      body: ARTICLE,
      meta: { title: 'خبر ثالث', url: `${SITE}/news/3` },
    });
  });

  it("decodes by the HTTP header's charset, which the page's own text could not have told", async () => {
    const undeclared = response('/news/2', '200 OK', ['Content-Type: text/html'], encodeCp1256(page('الوزير', LEGACY_PAGE_TEXT)));
    expect(error((await read(undeclared))[0]!)).toBe(
      `crawl.warc#${SITE}/news/2 is not valid UTF-8 and does not look like windows-1256 Arabic either; re-save it as UTF-8.`,
    );
  });

  it('reads the records in chunks of any size', async () => {
    const expected = (await read(plain(CRAWL))).map(input);
    for (const size of [1, 7, 1000]) expect((await read(plain(CRAWL), undefined, size)).map(input)).toEqual(expected);
  });

  it('takes the target URI in angle brackets, as WARC 1.0 wrote it', async () => {
    const bracketed = record(
      'response',
      { 'WARC-Target-URI': `<${SITE}/news/9>` },
      httpMessage('200 OK', ['Content-Type: text/html'], page('عنوان', ARTICLE)),
    );
    const doc = input((await read(bracketed))[0]!);
    expect([doc.source, doc.meta.url]).toEqual([`crawl.warc#${SITE}/news/9`, `${SITE}/news/9`]);
  });

  it('sniffs a response without Content-Type, and undoes deflate, brotli and an encoding already undone', async () => {
    const html = page('عنوان', ARTICLE);
    const archive = plain([
      response('/a', '200 OK', [], html),
      response('/b', '200 OK', [], '{"not": "html"}'),
      response('/c', '200 OK', ['Content-Type: text/html', 'Content-Encoding: br'], brotliCompressSync(html)),
      // Crawlers that store the payload decompressed often leave the header behind.
      response('/d', '200 OK', ['Content-Type: text/html', 'Content-Encoding: gzip', 'Transfer-Encoding: chunked'], html),
    ]);
    const results = await read(archive);
    expect(results.map((r) => input(r).source.replace(/.*#/, ''))).toEqual([`${SITE}/a`, `${SITE}/c`, `${SITE}/d`]);
    expect(results.every((r) => input(r).body === ARTICLE)).toBe(true);
  });

  it('reads the start of a page whose gzip body a crawler cut short', async () => {
    const long = page('عنوان', `${ARTICLE} `.repeat(200));
    const cut = gzipSync(long).subarray(0, 600);
    const doc = input((await read(response('/cut', '200 OK', ['Content-Type: text/html', 'Content-Encoding: gzip'], cut)))[0]!);
    expect(doc.body.startsWith(ARTICLE)).toBe(true);
  });

  it('says so when an archive holds no HTML page', async () => {
    const results = await read(plain([records.warcinfo, records.request, records.image, records.notFound, records.revisit]));
    expect(results).toEqual([
      {
        ok: false,
        source: 'crawl.warc',
        error:
          'crawl.warc holds 5 records but no HTML responses; rasd reads the HTML pages of a web archive (response records with status 200 and Content-Type text/html), so check that the crawl fetched the pages themselves, not only requests, metadata or revisits.',
      },
    ]);
  });

  it('gives the pages before a truncation, then one error naming the record', async () => {
    const whole = plain([records.warcinfo, records.utf8, records.legacy]);
    const cutAt = whole.length - 200;
    const results = await read(whole.subarray(0, cutAt));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    const at = records.warcinfo.length + records.utf8.length;
    expect(error(results[1]!)).toBe(
      `crawl.warc ends in the middle of record 3 (at byte ${at} of the uncompressed archive), so that record was not read (the records before it were); the archive is incomplete, so download or copy it again, or wait until the crawler has finished writing it.`,
    );
    const inHeader = await read(whole.subarray(0, at + 20));
    expect(error(inHeader.at(-1)!)).toMatch(/ends in the middle of record 3/);
  });

  it('names a malformed record and goes on from the next one', async () => {
    const broken = Buffer.from('WARC/1.1\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n');
    const results = await read(plain([records.utf8, broken, records.legacy]));
    expect(results.map(sourceOf)).toEqual([`crawl.warc#${SITE}/news/1`, 'crawl.warc', `crawl.warc#${SITE}/news/2`]);
    expect(error(results[1]!)).toBe(
      `crawl.warc: record 2, at byte ${records.utf8.length} of the uncompressed archive, is not a valid WARC record (its Content-Length is missing or not a number), so it was skipped up to the next record found; the archive may be damaged, so download or copy it again if pages are missing.`,
    );
  });

  it('finds the next record after garbage, and stops at garbage that never ends', async () => {
    const garbage = Buffer.from('this is not a record\r\n\r\nnor this\r\n');
    const resumed = await read(plain([records.utf8, garbage, records.legacy]));
    expect(resumed.map((r) => r.ok)).toEqual([true, false, true]);
    expect(error(resumed[1]!)).toMatch(/record 2, .* \(it does not start with a WARC\/1\.0 or WARC\/1\.1 line\)/);
    const endless = await read(Buffer.concat([records.utf8, Buffer.from('WARC/1.1\r\n'), Buffer.alloc(200 * 1024, 'x')]));
    expect(endless.map((r) => r.ok)).toEqual([true, false]);
    expect(error(endless[1]!)).toMatch(/\(its header does not end\)/);
  });

  it('skips a page over the limit with an error and reads the next; other large records pass silently', async () => {
    const big = response('/big', '200 OK', ['Content-Type: text/html'], page('كبير', `${ARTICLE} `.repeat(100)));
    const video = response('/clip.mp4', '200 OK', ['Content-Type: video/mp4'], Buffer.alloc(50 * 1024, 1));
    const results = await read(plain([video, big, records.utf8]), { maxRecordBytes: 8 * 1024 });
    expect(results.map(sourceOf)).toEqual([`crawl.warc#${SITE}/big`, `crawl.warc#${SITE}/news/1`]);
    expect(error(results[0]!)).toMatch(
      new RegExp(`^crawl\\.warc#${SITE}/big is a page of 1[0-9.]+ KB, more than the limit of 8 KB per record, so it was skipped .*; raise the limit with --max-bytes 1048576 to read it\\.$`),
    );
    expect(input(results[1]!).body).toBe(ARTICLE);
  });

  it('refuses a compressed page that decompresses past the limit', async () => {
    const bomb = response('/bomb', '200 OK', ['Content-Type: text/html', 'Content-Encoding: gzip'], gzipSync(Buffer.alloc(1024 * 1024, ' ')));
    const results = await read(plain([bomb, records.utf8]), { maxRecordBytes: 64 * 1024 });
    expect(error(results[0]!)).toMatch(/#https:\/\/news\.example\.iq\/bomb decompresses to more than the limit of 64 KB per record/);
    expect(results[1]!.ok).toBe(true);
  });

  it('yields the first page before the archive has ended, and skips a large record without holding it', async () => {
    const stream = new PassThrough();
    const it = readWarc(stream, 'live.warc', { maxRecordBytes: 1024 * 1024 })[Symbol.asyncIterator]();
    stream.write(plain([records.warcinfo, records.utf8]));
    const first = await it.next();
    expect(first.value && input(first.value).source).toBe(`live.warc#${SITE}/news/1`);
    // A 256 MB record fed in 64 KB chunks, while the reader drains it: only a chunk at a time is held.
    const size = 256 * 1024 * 1024;
    const before = process.memoryUsage().rss;
    const feed = (async () => {
      stream.write(Buffer.from(`WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: ${size}\r\n\r\n`));
      const chunk = Buffer.alloc(64 * 1024);
      for (let sent = 0; sent < size; sent += chunk.length) if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
      stream.end(Buffer.concat([Buffer.from('\r\n\r\n'), records.legacy]));
    })();
    const rest: InputResult[] = [];
    for (let n = await it.next(); !n.done; n = await it.next()) rest.push(n.value);
    await feed;
    expect(rest.map((r) => input(r).source)).toEqual([`live.warc#${SITE}/news/2`]);
    expect(process.memoryUsage().rss - before).toBeLessThan(size / 2);
  });
});

describe('web archives through readSources', () => {
  it('reads a .warc.gz end to end, with the per-file limit applying to each record, not the file', async () => {
    const path = tmp.file('crawl.warc.gz', gzipped([...CRAWL, response('/clip.mp4', '200 OK', ['Content-Type: video/mp4'], Buffer.alloc(256 * 1024, 7))]));
    const results = await all(readSources([path], { maxBytes: 64 * 1024 }));
    expect(results.map((r) => input(r).source)).toEqual(['/news/1', '/news/2', '/news/3?ref=home'].map((p) => `${path}#${SITE}${p}`));
    expect(input(results[0]!).body).toBe(ARTICLE);
  });

  it('reads a plain .warc, and one recognised by its content alone', async () => {
    const named = await all(readSources([tmp.file('crawl.warc', plain(CRAWL))]));
    const unnamed = await all(readSources([tmp.file('crawl.dat.gz', gzipped(CRAWL))]));
    const piped = await all(readStream(Readable.from([gzipped(CRAWL)])));
    for (const results of [named, unnamed, piped]) expect(results.map((r) => input(r).body)).toEqual([ARTICLE, expect.stringContaining(LEGACY), ARTICLE]);
    expect(input(piped[0]!).source).toBe(`-#${SITE}/news/1`);
  });

  it('still refuses a file over the limit when its name does not say it is a web archive', async () => {
    const path = tmp.file('crawl.dat', plain(CRAWL));
    const [result] = await all(readSources([path], { maxBytes: 1024 }));
    expect(error(result!)).toMatch(/more than the limit of 1 KB per file/);
  });

  it('gives the pages of a truncated .warc.gz, then the gzip error', async () => {
    const whole = gzipped([records.utf8, records.legacy]);
    const path = tmp.file('cut.warc.gz', whole.subarray(0, whole.length - 30));
    const results = await all(readSources([path]));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(error(results[1]!)).toMatch(/cut\.warc\.gz is not a valid gzip file \(unexpected end of file\)/);
  });

  it('names a .warc file that is not a web archive', async () => {
    const path = tmp.file('page.warc', page('عنوان', ARTICLE));
    const results = await all(readSources([path]));
    expect(results.map((r) => (r.ok ? r.input.source : r.error))).toEqual([
      `${path} is named as a web archive but does not start with a WARC/1.0 or WARC/1.1 record; check that it is one, or name it for what it holds (.html, .json, .txt).`,
    ]);
  });
});
