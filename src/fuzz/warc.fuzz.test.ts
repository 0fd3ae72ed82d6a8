// Web archives (src/acquire/warc.ts) with lying Content-Lengths, cut records, damaged headers,
// broken content codings and random bytes: readWarc ends with results, never an exception, and
// reads each byte of the archive about once.
import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStream } from '../acquire/index.js';
import { all } from '../acquire/testing.js';
import { readWarc } from '../acquire/warc.js';
import { arabicText, htmlMarkup, mutatedBytes } from './arbitraries.js';
import { check, chunkedStream, timedAsync, timeout } from './harness.js';

const TYPES = ['response', 'request', 'warcinfo', 'metadata', 'revisit', 'resource', 'RESPONSE', ''];

/** How the record's Content-Length relates to its block: true, short, long, huge, or not a number. */
const lengthLie = fc.constantFrom<(n: number) => string>(
  (n) => String(n),
  (n) => String(Math.max(0, n - 7)),
  (n) => String(n + 13),
  () => '99999999999999',
  () => '-5',
  () => '1e3',
  () => '',
  (n) => ` ${n} `,
);

const coding = fc.constantFrom('', 'gzip', 'br', 'deflate', 'gzip, br', 'x-gzip', 'identity', 'compress');

function encode(body: Buffer, codings: string): Buffer {
  let out = body;
  for (const c of codings.split(',').map((s) => s.trim())) {
    if (c === 'gzip' || c === 'x-gzip') out = gzipSync(out);
    else if (c === 'br') out = brotliCompressSync(out);
    else if (c === 'deflate') out = deflateRawSync(out);
  }
  return out;
}

const httpBlock = fc
  .tuple(
    fc.constantFrom('200 OK', '404 Not Found', '301 Moved', '200', 'abc'),
    fc.constantFrom('text/html; charset=utf-8', 'text/html; charset=windows-1256', 'image/jpeg', '', 'text/html; charset=bogus'),
    coding,
    fc.boolean(),
    fc.oneof(htmlMarkup(), arabicText(40).map((t) => `<html><body><p>${t}</p></body></html>`)),
    fc.boolean(),
  )
  .map(([status, type, codings, chunked, html, damage]) => {
    let body = encode(Buffer.from(html), codings);
    if (damage && body.length > 4) body = body.subarray(0, Math.floor(body.length / 2)); // a crawler's size cap
    if (chunked) body = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    const headers = [`HTTP/1.1 ${status}`, type && `Content-Type: ${type}`, codings && `Content-Encoding: ${codings}`, chunked && 'Transfer-Encoding: chunked'].filter(Boolean);
    return Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n'), body]);
  });

const warcRecord = fc.tuple(fc.constantFrom(...TYPES), fc.oneof(httpBlock, fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b))), lengthLie, fc.constantFrom('WARC/1.1', 'WARC/1.0', 'WARC/2.0', 'warc/1.1', '')).map(
  ([type, block, length, version]) =>
    Buffer.concat([Buffer.from(`${version}\r\nWARC-Type: ${type}\r\nWARC-Target-URI: <https://news.example/a>\r\nContent-Length: ${length(block.length)}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]),
);

/** Whole archives: records in a row, then edited as bytes; sometimes gzipped whole or per record. */
const archive = fc
  .tuple(fc.array(warcRecord, { minLength: 1, maxLength: 6 }), fc.constantFrom('plain', 'gzip-whole', 'gzip-members'))
  .chain(([records, packing]) => {
    const raw = packing === 'gzip-members' ? Buffer.concat(records.map((r) => gzipSync(r))) : Buffer.concat(records);
    const packed = packing === 'gzip-whole' ? gzipSync(raw) : raw;
    return fc.oneof({ weight: 3, arbitrary: fc.constant(packed) }, { weight: 2, arbitrary: mutatedBytes(fc.constant(packed)) });
  });

describe('web archives', () => {
  it('readStream reads any archive to the end with results only, within its time budget', async () => {
    const prop = fc.asyncProperty(archive, fc.integer({ min: 1, max: 5000 }), async (bytes, size) => {
      const results = await timedAsync(bytes.length, 'readStream(warc)', () => all(readStream(chunkedStream(bytes, size), 'crawl.warc', { maxBytes: 64 * 1024 })));
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) {
        if (r.ok) expect(r.input.body.trim()).not.toBe('');
        else expect(r.error).toMatch(/crawl\.warc/);
      }
    });
    await check('warc: readStream', prop, 80);
  }, timeout(60_000));

  it('readWarc takes any bytes: a lying Content-Length costs no more than the bytes there are', async () => {
    const prop = fc.asyncProperty(fc.array(warcRecord, { maxLength: 4 }), fc.integer({ min: 1, max: 64 }), async (records, size) => {
      const bytes = Buffer.concat(records);
      const chunks = (async function* () {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      })();
      const results = await timedAsync(bytes.length, 'readWarc', () => all(readWarc(chunks, 'a.warc', { maxRecordBytes: 1 << 20 })));
      expect(results.length).toBeGreaterThan(0);
    });
    await check('warc: readWarc', prop, 80);
  }, timeout(60_000));
});
