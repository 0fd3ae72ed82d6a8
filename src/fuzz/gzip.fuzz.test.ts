// Gzipped inputs and byte streams (src/acquire/stream.ts through readStream): truncated or
// corrupt gzip, bombs and random chunking end in results or one clear error, in bounded time.
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStream } from '../acquire/index.js';
import { byteLines } from '../acquire/stream.js';
import { all } from '../acquire/testing.js';
import { arabicText, CORPUS, mutatedBytes } from './arbitraries.js';
import { check, chunkedStream, timedAsync, timeout } from './harness.js';

/** Gzipped corpus files and generated text, then cut, flipped or spliced as bytes. */
const gzipped = fc.oneof(
  mutatedBytes(fc.constantFrom(...CORPUS.map((f) => gzipSync(f.bytes)))),
  mutatedBytes(arabicText(200).map((t) => gzipSync(Buffer.from(t)))),
  // Concatenated members, the second one damaged: what a crawler appending to a file can leave.
  fc.tuple(fc.constantFrom(...CORPUS.map((f) => f.bytes)), fc.nat()).map(([b, cut]) => {
    const member = gzipSync(b);
    return Buffer.concat([member, member.subarray(0, cut % member.length)]);
  }),
);

describe('gzipped inputs', () => {
  it('readStream gives results or a clear error for any gzip bytes, within its time budget', async () => {
    const prop = fc.asyncProperty(gzipped, fc.integer({ min: 1, max: 4096 }), async (bytes, size) => {
      const results = await timedAsync(bytes.length, 'readStream(gzip)', () => all(readStream(chunkedStream(bytes, size), 'in.gz')));
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) if (!r.ok) expect(r.error).toMatch(/^in\.gz/);
    });
    await check('gzip: readStream', prop, 100);
  }, timeout(60_000));

  it('byteLines splits any chunking of any bytes into the same lines', async () => {
    const prop = fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 400 }), async (raw, size, max) => {
      const bytes = Buffer.from(raw.map((b) => (b % 7 === 0 ? 10 : b)));
      const lines: (Buffer | number)[] = [];
      for await (const batch of byteLines(chunkedStream(bytes, size) as AsyncIterable<Buffer>, max)) lines.push(...batch);
      const expected = bytes.toString('latin1').split('\n');
      if (expected.at(-1) === '') expected.pop();
      expect(lines.length).toBe(expected.length);
      lines.forEach((line, i) => {
        if (typeof line === 'number') expect(line).toBe(expected[i]!.length);
        else expect(line.toString('latin1')).toBe(expected[i]);
        if (typeof line === 'number') expect(line).toBeGreaterThan(max);
      });
    });
    await check('gzip: byteLines', prop, 200);
  }, timeout(60_000));
});
