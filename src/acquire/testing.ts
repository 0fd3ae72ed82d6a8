// Helpers shared by the acquire tests. Only test files import this module.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputResult } from './index.js';

export async function all(results: AsyncIterable<InputResult>): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

/** A fresh temporary folder; `file` writes into it and returns the path. */
export function tempDir(): { dir: string; file: (name: string, data: string | Uint8Array) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-acquire-'));
  return {
    dir,
    file: (name, data) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * windows-1256 bytes for Arabic text, from the code page's table (Microsoft's cp1256): enough
 * letters and punctuation for test sentences. Written out here rather than derived from the
 * runtime's decoder, so the test does not check the decoder against itself.
 */
const CP1256: Record<string, number> = {
  'ء': 0xc1, 'آ': 0xc2, 'أ': 0xc3, 'ؤ': 0xc4, 'إ': 0xc5, 'ئ': 0xc6, 'ا': 0xc7, 'ب': 0xc8,
  'ة': 0xc9, 'ت': 0xca, 'ث': 0xcb, 'ج': 0xcc, 'ح': 0xcd, 'خ': 0xce, 'د': 0xcf, 'ذ': 0xd0,
  'ر': 0xd1, 'ز': 0xd2, 'س': 0xd3, 'ش': 0xd4, 'ص': 0xd5, 'ض': 0xd6, 'ط': 0xd8, 'ظ': 0xd9,
  'ع': 0xda, 'غ': 0xdb, 'ف': 0xdd, 'ق': 0xde, 'ك': 0xdf, 'ل': 0xe1, 'م': 0xe3, 'ن': 0xe4,
  'ه': 0xe5, 'و': 0xe6, 'ى': 0xec, 'ي': 0xed, '،': 0xa1, '؛': 0xba, '؟': 0xbf, '«': 0xab, '»': 0xbb,
};

export function encodeCp1256(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      const byte = CP1256[ch];
      if (byte === undefined) throw new Error(`no windows-1256 byte for ${ch} in the test table`);
      return byte;
    }),
  );
}

/** UTF-16 with a byte-order mark. */
export function encodeUtf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}
