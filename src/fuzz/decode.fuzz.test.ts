// Bytes to text (src/acquire/decode.ts, sniff.ts): invalid UTF-8, byte-order marks, legacy
// Arabic, control characters and markup, decoded or refused with a message, in linear time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicShare, decodeBytes, decodeLine, looksBinary } from '../acquire/decode.js';
import { looksLikeJsonLines, prologEnd, sniffText } from '../acquire/sniff.js';
import { encodeCp1256 } from '../acquire/testing.js';
import { arabicText, CORPUS, mutatedBytes, repeated } from './arbitraries.js';
import { check, timed, timeout } from './harness.js';

const LEGACY = encodeCp1256('قال الوزير إن العمل مستمر في بغداد، وأضاف أن الجسر سيفتح قريبا.');

const bytes = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)) },
  { weight: 3, arbitrary: mutatedBytes(fc.constantFrom(...CORPUS.map((f) => f.bytes), LEGACY)) },
  { weight: 2, arbitrary: arabicText(200).map((t) => Buffer.from(t)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), fc.uint8Array({ maxLength: 500 })).map(([bom, rest]) => Buffer.from([...bom, ...rest])) },
  // Not UTF-8 (a windows-1256 byte first), then markup that made the share of Arabic quadratic to count.
  { weight: 1, arbitrary: repeated(['<script', '<style>', '<', '<a ', '</script', 'ا']).map((s) => Buffer.concat([LEGACY, Buffer.from(s)])) },
  { weight: 1, arbitrary: repeated(['<meta charset=', '<meta ', '\r', '\r\n']).map((s) => Buffer.concat([Buffer.from(s), LEGACY])) },
);

describe('decoding', () => {
  it('decodeBytes and decodeLine decode or refuse any bytes, in linear time', async () => {
    const prop = fc.property(bytes, (b) => {
      for (const decode of [decodeBytes, decodeLine]) {
        const r = timed(b.length, decode.name, () => decode(b, 'in.txt'));
        if (r.ok) {
          expect(r.value.text).not.toContain('\r');
          expect(r.value.text.charCodeAt(0)).not.toBe(0xfeff);
          expect(r.value.text.length).toBeLessThanOrEqual(b.length);
        } else expect(r.error).toMatch(/^in\.txt /);
      }
      timed(b.length, 'looksBinary', () => looksBinary(b));
    });
    await check('decode: decodeBytes/decodeLine', prop, 200);
  }, timeout(60_000));

  it('the sniffers answer on any text, in linear time', async () => {
    const text = fc.oneof({ weight: 5, arbitrary: arabicText(100) }, { weight: 1, arbitrary: repeated(['<?', '<!--', '<!D', '{', '{"a":1}\n', ' ', '<script', '<']) });
    const prop = fc.property(text, (t) => {
      timed(t.length, 'sniff', () => {
        expect(['text', 'html', 'json']).toContain(sniffText(t));
        looksLikeJsonLines(t);
        const at = prologEnd(t);
        expect(at).toBeGreaterThanOrEqual(-1);
        expect(at).toBeLessThanOrEqual(t.length);
        const share = arabicShare(t);
        expect(share >= 0 && share <= 1).toBe(true);
      });
    });
    await check('decode: sniffers', prop, 200);
  }, timeout(60_000));
});
