import { chmodSync, mkdirSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY_FIELDS, readError } from './errors.js';
import { readSources, readStream, type InputResult } from './index.js';
import { LimitExceeded } from './stream.js';
import { all, encodeCp1256, encodeUtf16, tempDir } from './testing.js';

const tmp = tempDir();
afterAll(() => tmp.remove());

const ARTICLE = 'قال المتحدث باسم الوزارة إن «العمل مستمر»، وأضاف أن “الجسر سيفتح قريباً”.';

async function read(path: string, maxBytes?: number): Promise<InputResult[]> {
  return all(readSources([path], maxBytes === undefined ? {} : { maxBytes }));
}

async function readOne(path: string, maxBytes?: number): Promise<InputResult> {
  const results = await read(path, maxBytes);
  expect(results).toHaveLength(1);
  return results[0]!;
}

function input(r: InputResult) {
  if (!r.ok) throw new Error(`expected a result, got the error: ${r.error}`);
  return r.input;
}

function error(r: InputResult): string {
  if (r.ok) throw new Error(`expected an error, got a result from ${r.input.source}`);
  return r.error;
}

function jsonl(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

function streamOf(data: string | Uint8Array): Readable {
  return Readable.from([typeof data === 'string' ? Buffer.from(data) : Buffer.from(data)]);
}

describe('plain text', () => {
  it('normalises CRLF and CR to LF and strips a byte-order mark', async () => {
    const path = tmp.file('crlf.txt', '\ufeffالعنوان\r\n\r\nفقرة أولى\rفقرة ثانية\n');
    const doc = input(await readOne(path));
    expect(doc).toEqual({
      source: path,
      kind: 'text',
      body: 'العنوان\n\nفقرة أولى\nفقرة ثانية\n',
      meta: { title: null, published: null, outlet: null, url: null, author: null },
      encoding: 'utf-8',
      diagnostics: [],
    });
  });

  it('sniffs the kind of a file with an unknown extension', async () => {
    const text = input(await readOne(tmp.file('note.md', ARTICLE)));
    const html = input(await readOne(tmp.file('saved.page', `<html><body><p>${ARTICLE}</p></body></html>`)));
    const json = input(await readOne(tmp.file('record.dat', JSON.stringify({ content: ARTICLE }))));
    expect([text.kind, html.kind, json.kind]).toEqual(['text', 'html', 'json']);
  });
});

describe('HTML files', () => {
  it('reduces a page to its text and metadata', async () => {
    const page = `<!DOCTYPE html><html><head><title>افتتاح جسر جديد في بغداد - الموقع</title>
      <meta property="article:published_time" content="2024-01-02T10:00:00Z"></head>
      <body><article><p>${ARTICLE}</p><script>var leak = 'تسريب';</script></article></body></html>`;
    const doc = input(await readOne(tmp.file('page.htm', page)));
    expect(doc.kind).toBe('html');
    expect(doc.body).toBe(ARTICLE);
    expect(doc.meta.title).toBe('افتتاح جسر جديد في بغداد');
    expect(doc.meta.published).toBe('2024-01-02');
  });

  it('reports a page without readable text', async () => {
    const path = tmp.file('blank.html', '<html><head><title>فارغ</title><script>x()</script></head><body></body></html>');
    expect(error(await readOne(path))).toMatch(/is HTML but holds no readable text/);
  });
});

describe('JSON records', () => {
  it('reads a single object as one article named by the path alone', async () => {
    const path = tmp.file('one.json', JSON.stringify({ title: 'عنوان', content: ARTICLE, date: '2024-03-01' }));
    const doc = input(await readOne(path));
    expect(doc.source).toBe(path);
    expect(doc.kind).toBe('json');
    expect(doc.meta).toMatchObject({ title: 'عنوان', published: '2024-03-01' });
  });

  it('numbers the records of an array and goes on after a bad one', async () => {
    const path = tmp.file('many.json', JSON.stringify([{ text: 'أ' }, 'نص', { summary: 'ب' }, { text: 'ج' }]));
    const results = await read(path);
    expect(results.map((r) => (r.ok ? r.input.source : r.source))).toEqual([1, 2, 3, 4].map((n) => `${path}#${n}`));
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(error(results[1]!)).toMatch(/#2 is a string, not a JSON object/);
    expect(error(results[2]!)).toMatch(/#3 has no text field; give each record its article text in one of: content,/);
  });

  it('accepts every body field name', async () => {
    for (const field of BODY_FIELDS) {
      const doc = input(await readOne(tmp.file(`${field}.json`, JSON.stringify({ [field]: ARTICLE }))));
      expect(doc.body).toBe(ARTICLE);
    }
  });

  it('maps the common metadata field names', async () => {
    const records = [
      { maintext: 'أ', date_publish: '2024-05-02 14:20:00', source_domain: 'a.example', link: 'https://a.example/1' },
      { body: 'ب', datePublished: '2024-05-03T23:30:00-05:00', publisher: { name: 'صوت الفرات' }, canonical_url: 'https://b.example/2' },
      { article: 'ج', pubDate: 'Tue, 09 Jul 2024 11:30:00 +0300', site: 'ج.example', author: { name: 'نور' } },
      { article_body: 'د', date_published: 1718000000, outlet: 'د', url: 'https://d.example' },
      { articleBody: 'ه', published: '2024-07-01', date_extracted: '2020-01-01 00:00:00' },
    ];
    const results = await read(tmp.file('fields.json', JSON.stringify(records)));
    expect(results.map((r) => input(r).meta)).toEqual([
      { title: null, published: '2024-05-02', outlet: 'a.example', url: 'https://a.example/1', author: null },
      { title: null, published: '2024-05-03', outlet: 'صوت الفرات', url: 'https://b.example/2', author: null },
      { title: null, published: '2024-07-09', outlet: 'ج.example', url: null, author: 'نور' },
      { title: null, published: '2024-06-10', outlet: 'د', url: 'https://d.example', author: null },
      { title: null, published: '2024-07-01', outlet: null, url: null, author: null },
    ]);
  });

  it('leaves an unreadable date empty and says so', async () => {
    const doc = input(await readOne(tmp.file('baddate.json', JSON.stringify({ text: ARTICLE, date: 'الأحد الماضي' }))));
    expect(doc.meta.published).toBeNull();
    expect(doc.diagnostics).toEqual([expect.objectContaining({ rule: 'json-date-unparseable' })]);
    expect(doc.diagnostics[0]!.reason).toMatch(/"الأحد الماضي" is not a date rasd can read/);
  });

  it('takes a later date field when the first cannot be read', async () => {
    const doc = input(await readOne(tmp.file('twodates.json', JSON.stringify({ text: 'أ', date: 'أمس', date_extracted: '2015-08-02 10:00:00' }))));
    expect(doc.meta.published).toBe('2015-08-02');
    expect(doc.diagnostics).toEqual([]);
  });

  it('reduces an HTML body to paragraphs, and a whole page through the page extractor', async () => {
    const fragment = { content: '<p>الفقرة الأولى</p><p>الثانية<br>سطر</p><script>x()</script>' };
    const page = {
      title: 'من السجل',
      content: `<html><head><meta property="og:site_name" content="الموقع"><title>من الصفحة</title></head><body><article><p>${ARTICLE}</p></article></body></html>`,
    };
    const [a, b] = (await read(tmp.file('htmlbody.json', JSON.stringify([fragment, page])))).map(input);
    expect(a!.body).toBe('الفقرة الأولى\n\nالثانية\nسطر');
    expect(b!.body).toBe(ARTICLE);
    expect(b!.meta).toMatchObject({ title: 'من السجل', outlet: 'الموقع' });
  });

  it('keeps a "<" in running text as text', async () => {
    const doc = input(await readOne(tmp.file('lt.json', JSON.stringify({ text: 'نسبة < 5% و x<y' }))));
    expect(doc.body).toBe('نسبة < 5% و x<y');
  });

  it('joins a body given as a list of paragraphs', async () => {
    const doc = input(await readOne(tmp.file('list.json', JSON.stringify({ body: ['أ', 'ب'] }))));
    expect(doc.body).toBe('أ\n\nب');
  });

  it('refuses an empty body, an empty array, and broken JSON with where it broke', async () => {
    expect(error(await readOne(tmp.file('emptybody.json', JSON.stringify({ content: '  ' }))))).toMatch(/has an empty "content" field/);
    expect(error(await readOne(tmp.file('emptyarray.json', '[]')))).toMatch(/holds an empty array/);
    expect(error(await readOne(tmp.file('broken.json', '{\n  "content": "أ",\n}')))).toMatch(
      /broken\.json is not valid JSON \(.* at line 3, column 1\); fix the syntax, or name the file \.jsonl/,
    );
  });

  it('reads a .json file that holds JSON Lines as JSON Lines, and says so', async () => {
    const results = await read(tmp.file('lines.json', jsonl([{ text: 'أ' }, { text: 'ب' }])));
    expect(results.map((r) => input(r).source.replace(/.*#/, '#'))).toEqual(['#1', '#2']);
    expect(input(results[0]!).diagnostics[0]!.rule).toBe('json-lines-in-json');
  });
});

describe('JSON Lines', () => {
  it('names records by line number, skips blank lines and goes on after a broken line', async () => {
    const path = tmp.file('feed.jsonl', `${JSON.stringify({ text: 'أ' })}\n\n{"text": "ب\n   \n${JSON.stringify({ text: 'ج' })}\r\n`);
    const results = await read(path);
    expect(results.map((r) => (r.ok ? r.input.source : r.source))).toEqual([`${path}#1`, `${path}#3`, `${path}#5`]);
    expect(error(results[1]!)).toMatch(/#3 is not valid JSON \(Unterminated string at line 1, column \d+\)/);
    expect(input(results[2]!).body).toBe('ج');
  });

  it('reads gzipped JSON Lines and gzipped JSON', async () => {
    const lines = await read(tmp.file('feed.jsonl.gz', gzipSync(jsonl([{ text: 'أ' }, { text: 'ب' }]))));
    const doc = await read(tmp.file('doc.json.gz', gzipSync(JSON.stringify([{ text: 'ج' }]))));
    expect(lines.map((r) => input(r).body)).toEqual(['أ', 'ب']);
    expect(doc.map((r) => input(r).source.replace(/.*\//, ''))).toEqual(['doc.json.gz#1']);
  });

  it('refuses a file of blank lines', async () => {
    expect(error(await readOne(tmp.file('blank.jsonl', '\n  \n\n')))).toMatch(/contains only whitespace/);
  });

  it('reads 1,000 gzipped records of about 3 KB well within half a second', async () => {
    const paragraph = 'وقال المتحدث باسم قيادة العمليات المشتركة في مؤتمر صحفي إن «القوات الأمنية أنهت المرحلة الأولى من العملية». ';
    const records = Array.from({ length: 1000 }, (_, i) => ({
      title: `خبر رقم ${i}`,
      content: paragraph.repeat(28),
      date_publish: '2024-05-02 14:20:00',
      source: 'وكالة',
      url: `https://example.com/${i}`,
    }));
    const path = tmp.file('bulk.jsonl.gz', gzipSync(jsonl(records)));
    const start = performance.now();
    const results = await read(path);
    const ms = performance.now() - start;
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results).toHaveLength(1000);
    expect(ms).toBeLessThan(500);
  });

  it('yields the first record before the stream has ended', async () => {
    const stream = new PassThrough();
    const it = readStream(stream, '-')[Symbol.asyncIterator]();
    stream.write(`${JSON.stringify({ text: 'أ' })}\n${JSON.stringify({ text: 'ب' })}\n`);
    const first = await it.next();
    expect(first.value && input(first.value).source).toBe('-#1');
    stream.end(`${JSON.stringify({ text: 'ج' })}\n`);
    const rest: InputResult[] = [];
    for (let n = await it.next(); !n.done; n = await it.next()) rest.push(n.value);
    expect(rest.map((r) => input(r).body)).toEqual(['ب', 'ج']);
  });
});

describe('encodings', () => {
  it('reads UTF-16 LE and BE with a byte-order mark', async () => {
    for (const endian of ['le', 'be'] as const) {
      const doc = input(await readOne(tmp.file(`u16${endian}.txt`, encodeUtf16(`${ARTICLE}\r\n`, endian))));
      expect(doc.body).toBe(`${ARTICLE}\n`);
      expect(doc.encoding).toBe(`utf-16${endian}`);
    }
  });

  it('reads UTF-16 JSON Lines', async () => {
    const results = await read(tmp.file('u16.jsonl', encodeUtf16(jsonl([{ text: 'أ' }, { text: 'ب' }]), 'le')));
    expect(results.map((r) => [input(r).body, input(r).encoding])).toEqual([['أ', 'utf-16le'], ['ب', 'utf-16le']]);
  });

  it('falls back to windows-1256 for legacy Arabic, and says so', async () => {
    const text = 'قال الوزير إن «المشروع سينجز قريبا»، وأضاف أن العمل مستمر.';
    const doc = input(await readOne(tmp.file('legacy.txt', encodeCp1256(text))));
    expect(doc.body).toBe(text);
    expect(doc.encoding).toBe('windows-1256');
    expect(doc.diagnostics).toEqual([expect.objectContaining({ stage: 'acquire', rule: 'legacy-encoding' })]);
    expect(doc.diagnostics[0]!.reason).toMatch(/was read as windows-1256/);
  });

  it('reads windows-1256 HTML, declared or not, despite markup outweighing the text', async () => {
    const scripts = `<script>${'var tracking = {"id": 1, "page": "article"};'.repeat(40)}</script>`;
    const body = '<p>قال الوزير إن العمل مستمر.</p>';
    for (const charset of ['<meta charset="windows-1256">', '']) {
      const page = encodeCp1256(`<html><head>${charset}${scripts}</head><body><article>${body}</article></body></html>`);
      const doc = input(await readOne(tmp.file(`legacy${charset ? 1 : 2}.html`, page)));
      expect(doc.body).toBe('قال الوزير إن العمل مستمر.');
      expect(doc.encoding).toBe('windows-1256');
    }
  });

  it('decodes windows-1256 JSON Lines line by line', async () => {
    const doc = input(await readOne(tmp.file('legacy.jsonl', encodeCp1256('{"text": "قال الوزير إن العمل مستمر"}\n'))));
    expect(doc.body).toBe('قال الوزير إن العمل مستمر');
    expect(doc.encoding).toBe('windows-1256');
  });

  it('refuses bytes that are neither UTF-8 nor Arabic windows-1256', async () => {
    const latin1 = Buffer.from('Le ministre a déclaré que les travaux continuent à Paris.', 'latin1');
    expect(error(await readOne(tmp.file('french.txt', latin1)))).toBe(
      `${tmp.dir}/french.txt is not valid UTF-8 and does not look like windows-1256 Arabic either; re-save it as UTF-8.`,
    );
  });
});

describe('bad input: one clear message per file', () => {
  it('names a missing path', async () => {
    const path = `${tmp.dir}/missing.txt`;
    expect(error(await readOne(path))).toBe(
      `${path} does not exist; check the spelling, or run rasd from the folder the path is relative to.`,
    );
  });

  it('asks for the files inside a directory', async () => {
    const dir = `${tmp.dir}/folder`;
    mkdirSync(dir);
    expect(error(await readOne(dir))).toBe(`${dir} is a directory; pass the files inside it, e.g. ${dir}/*.txt.`);
  });

  it('refuses empty and whitespace-only files', async () => {
    expect(error(await readOne(tmp.file('empty.txt', '')))).toMatch(/is empty, so there is nothing to analyse/);
    expect(error(await readOne(tmp.file('spaces.txt', ' \n\t\r\n ')))).toMatch(/contains only whitespace/);
    expect(error(await readOne(tmp.file('bom.txt', '\ufeff')))).toMatch(/is empty/);
  });

  it('refuses binary files, with NUL bytes or with control characters', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const noisy = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256).filter((b) => b !== 0));
    expect(error(await readOne(tmp.file('image.txt', png)))).toMatch(/looks like a binary file, not text/);
    expect(error(await readOne(tmp.file('noise.bin', noisy)))).toMatch(/looks like a binary file, not text/);
    expect(error(await readOne(tmp.file('image.jsonl', png)))).toMatch(/looks like a binary file/);
  });

  it('refuses a file over the limit by its size, naming the limit and --max-bytes', async () => {
    const path = `${tmp.dir}/big.txt`;
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    expect(error(await readOne(path, 1024 * 1024))).toBe(
      `${path} is 50 MB, more than the limit of 1 MB per file; split it into smaller files, or raise the limit with --max-bytes 52428800.`,
    );
  });

  it('limits a JSON Lines corpus per record, not per file: a large corpus is read whole, a giant record is skipped', async () => {
    // Records repeating one letter compress a thousandfold, as a gzip bomb does: the ratio limit
    // (tested in src/fuzz/regressions.test.ts) is raised here to test the per-record limit alone.
    const opts = { maxBytes: 1024 * 1024, maxRatio: 100_000 };
    const records = jsonl(Array.from({ length: 3000 }, (_, i) => ({ text: `خبر ${i} ${'ن'.repeat(1000)}` })));
    const corpus = await all(readSources([tmp.file('big.jsonl.gz', gzipSync(records))], opts));
    expect(corpus).toHaveLength(3000);
    expect(corpus.every((r) => r.ok)).toBe(true);
    // A giant line: counted as it streams, never held, and reported as one record.
    const bomb = Buffer.concat([Buffer.from(jsonl([{ text: 'أ' }])), Buffer.from('{"text": "'), Buffer.alloc(8 * 1024 * 1024, 'ا'), Buffer.from('"}\n'), Buffer.from(jsonl([{ text: 'ب' }]))]);
    const path = tmp.file('bomb.jsonl.gz', gzipSync(bomb));
    const results = await all(readSources([path], opts));
    expect(results).toHaveLength(3);
    expect(error(results[1]!)).toBe(
      `${path}#2 is a record of 8.0 MB, more than the limit of 1 MB per record, and was skipped; if it is a genuine article, raise the limit with --max-bytes 9437184.`,
    );
    expect(results[2]!.ok).toBe(true);
  });

  it('stops a gzipped single document at the limit too', async () => {
    const path = tmp.file('bomb.txt.gz', gzipSync(Buffer.alloc(5 * 1024 * 1024, 'ا')));
    expect(error(await readOne(path, 1024 * 1024))).toMatch(/decompresses to more than the limit of 1 MB per file/);
  });

  it('names a corrupt or truncated gzip', async () => {
    const whole = gzipSync(jsonl([{ text: 'أ' }, { text: 'ب' }]));
    expect(error(await readOne(tmp.file('fake.jsonl.gz', 'not gzip at all')))).toMatch(/is not a valid gzip file \(incorrect header check\)/);
    const truncated = await read(tmp.file('cut.json.gz', whole.subarray(0, whole.length - 10)));
    expect(error(truncated.at(-1)!)).toMatch(/cut\.json\.gz is not a valid gzip file \(unexpected end of file\)/);
  });

  it('names permission problems', async () => {
    expect(readError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'a.txt')).toBe(
      'a.txt cannot be read because permission is denied; make it readable (e.g. chmod +r a.txt) or run rasd as a user who may read it.',
    );
    expect(readError(new LimitExceeded(10, false), 'a.txt')).toMatch(/larger than the limit of 10 bytes per file/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file (not testable as root)', async () => {
    const path = tmp.file('secret.txt', ARTICLE);
    chmodSync(path, 0o000);
    expect(error(await readOne(path))).toMatch(/permission is denied/);
  });

  it('gives one result per path, in order, whatever goes wrong', async () => {
    const paths = [
      tmp.file('ok1.txt', 'أ'),
      `${tmp.dir}/nope.txt`,
      tmp.dir,
      tmp.file('zero.txt', ''),
      tmp.file('ok2.json', JSON.stringify([{ text: 'ب' }, { text: 'ج' }])),
      tmp.file('bad.gz', 'xx'),
    ];
    const results = await all(readSources(paths));
    expect(results.map((r) => (r.ok ? r.input.source : r.source))).toEqual([
      paths[0],
      paths[1],
      paths[2],
      paths[3],
      `${paths[4]}#1`,
      `${paths[4]}#2`,
      paths[5],
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, true, true, false]);
  });
});

describe('standard input', () => {
  /** Runs readSources with `stream` standing in for process.stdin. */
  async function withStdin(stream: Readable & { isTTY?: boolean }, paths: string[]): Promise<InputResult[]> {
    const original = Object.getOwnPropertyDescriptor(process, 'stdin')!;
    Object.defineProperty(process, 'stdin', { configurable: true, get: () => stream });
    try {
      return await all(readSources(paths));
    } finally {
      Object.defineProperty(process, 'stdin', original);
    }
  }

  it('reads "-" once, in its place among the paths', async () => {
    const path = tmp.file('before.txt', 'أ');
    const results = await withStdin(streamOf(ARTICLE), [path, '-', '-']);
    expect(results.map((r) => (r.ok ? [r.input.source, r.input.body] : [r.source, r.error]))).toEqual([
      [path, 'أ'],
      ['-', ARTICLE],
      ['-', 'Standard input ("-") was given more than once, but it can be read only once; pass "-" a single time.'],
    ]);
  });

  it('refuses a terminal instead of waiting for typing', async () => {
    const tty = Object.assign(streamOf(ARTICLE), { isTTY: true });
    expect(error((await withStdin(tty, ['-']))[0]!)).toMatch(/^Standard input \("-"\) is a terminal, not a file or a pipe; pipe the article in/);
  });

  it('sniffs HTML, JSON, JSON Lines and text', async () => {
    const html = input((await all(readStream(streamOf(`<html><body><p>${ARTICLE}</p></body></html>`))))[0]!);
    const json = await all(readStream(streamOf(JSON.stringify([{ text: 'أ' }, { text: 'ب' }]))));
    const lines = await all(readStream(streamOf(jsonl([{ text: 'أ' }, { text: 'ب' }]))));
    const text = input((await all(readStream(streamOf(`  ${ARTICLE}`))))[0]!);
    expect([html.kind, html.source, html.body]).toEqual(['html', '-', ARTICLE]);
    expect(json.map((r) => input(r).source)).toEqual(['-#1', '-#2']);
    expect(lines.map((r) => input(r).source)).toEqual(['-#1', '-#2']);
    expect([text.kind, text.body]).toEqual(['text', `  ${ARTICLE}`]);
  });

  it('gunzips by the magic bytes and decodes legacy Arabic', async () => {
    const gz = await all(readStream(streamOf(gzipSync(jsonl([{ text: 'أ' }])))));
    const legacy = input((await all(readStream(streamOf(encodeCp1256('قال الوزير إن العمل مستمر')))))[0]!);
    expect(gz.map((r) => input(r).body)).toEqual(['أ']);
    expect(legacy.encoding).toBe('windows-1256');
  });

  it('reports empty input and input over the limit', async () => {
    expect(error((await all(readStream(Readable.from([]))))[0]!)).toBe(
      '- is empty, so there is nothing to analyse; check that it was saved or downloaded completely.',
    );
    const big = Readable.from([Buffer.alloc(600 * 1024, 'ا'), Buffer.alloc(600 * 1024, 'ا')]);
    expect(error((await all(readStream(big, '-', { maxBytes: 1024 * 1024 })))[0]!)).toMatch(
      /^- is larger than the limit of 1 MB per file and was not read; .* --max-bytes\.$/,
    );
  });
});
