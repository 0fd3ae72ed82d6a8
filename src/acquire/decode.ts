// Bytes to text. UTF-8 is the norm; UTF-16 appears when files are saved from Windows tools, and
// windows-1256 in archives of older Arabic sites. A file is never decoded leniently: a wrong guess
// would hand mojibake to every later stage, so bytes that fit no encoding are an error instead.

import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../core/types.js';
import { errors, notes } from './errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  diagnostics: Diagnostic[];
}

export type DecodeResult = { ok: true; value: Decoded } | { ok: false; error: string };

const ARABIC_LEGACY = 'windows-1256';

/**
 * A text is Arabic when at least 30% of its visible characters are in the Arabic block. Markup
 * is removed first: an HTML page is mostly ASCII tags and scripts even when its text is Arabic,
 * while text wrongly decoded as windows-1256 (say Latin-1 French) yields few Arabic letters.
 */
const MIN_ARABIC_SHARE = 0.3;

/**
 * Binary files without NUL bytes still give themselves away by control characters: random bytes
 * are about 11% C0 controls, text has next to none (tab, line feed, carriage return and form feed
 * are not counted). The first 64 KB decide, so the check costs the same for every file size.
 */
const MAX_CONTROL_SHARE = 0.02;
const SAMPLE = 64 * 1024;

/** Decodes a whole input: byte-order mark, else strict UTF-8, else a declared or legacy Arabic charset. */
export function decodeBytes(bytes: Uint8Array, source: string): DecodeResult {
  const utf16 = utf16Bom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, source);
  if (bytes.includes(0) || controlShare(bytes) > MAX_CONTROL_SHARE) return { ok: false, error: errors.binary(source) };
  return decodeUnmarked(bytes, source, declaredCharset(bytes));
}

/**
 * Decodes one line of a JSON Lines file, whose file-level checks (binary, byte-order mark) were
 * made on the first chunk. Lines are decoded one by one so the file can be streamed.
 */
export function decodeLine(bytes: Uint8Array, source: string): DecodeResult {
  return decodeUnmarked(bytes, source, null);
}

export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** True for the first bytes of a file that cannot be text (checked on a stream's first chunk). */
export function looksBinary(head: Uint8Array): boolean {
  return !utf16Bom(head) && (head.includes(0) || controlShare(head) > MAX_CONTROL_SHARE);
}

/** One line break convention and no byte-order mark, so offsets mean the same on every platform. */
export function normaliseText(text: string): string {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', source: string): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: errors.badUtf16(source, encoding.toUpperCase()) };
  }
  if (controlShare(text) > MAX_CONTROL_SHARE) return { ok: false, error: errors.binary(source) };
  return { ok: true, value: { text: normaliseText(text), encoding, diagnostics: [] } };
}

function decodeUnmarked(bytes: Uint8Array, source: string, declared: string | null): DecodeResult {
  if (isUtf8(bytes)) {
    const text = normaliseText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    return { ok: true, value: { text, encoding: 'utf-8', diagnostics: [] } };
  }
  const legacy = (declared && decodeWith(bytes, declared)) ?? decodeArabicLegacy(bytes);
  if (!legacy) return { ok: false, error: errors.notUtf8(source) };
  const diagnostic: Diagnostic = { stage: 'acquire', rule: 'legacy-encoding', reason: notes.legacyEncoding(source, legacy.encoding) };
  return { ok: true, value: { text: normaliseText(legacy.text), encoding: legacy.encoding, diagnostics: [diagnostic] } };
}

/** windows-1256 maps every byte to something, so it is accepted only when the result reads as Arabic. */
function decodeArabicLegacy(bytes: Uint8Array): { text: string; encoding: string } | null {
  const text = new TextDecoder(ARABIC_LEGACY).decode(bytes);
  return arabicShare(text) >= MIN_ARABIC_SHARE ? { text, encoding: ARABIC_LEGACY } : null;
}

/** Decodes with a charset an HTML page declares, when the runtime knows it (it knows all WHATWG labels). */
function decodeWith(bytes: Uint8Array, label: string): { text: string; encoding: string } | null {
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    // The label "utf-8" is what failed already; a page that lies about UTF-8 gets the Arabic guess.
    return decoder.encoding === 'utf-8' ? null : { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    return null;
  }
}

/** The charset in `<meta charset=…>` or `<meta http-equiv=… content="…; charset=…">` near the top. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

/** The share of visible characters (markup removed) that are in the Arabic block U+0600–U+06FF. */
export function arabicShare(text: string): number {
  // `<[^<>]*>` rather than `<[^>]*>`: with thousands of "<" and no ">" the latter rescans the rest of the text for each.
  const visible = withoutScripts(text)
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\s+/g, '');
  if (!visible.length) return 0;
  const arabic = visible.match(/[\u0600-\u06ff]/g)?.length ?? 0;
  return arabic / visible.length;
}

const SCRIPT_OPEN = /<(script|style)\b/gi;

/**
 * The text without its scripts and style sheets. A loop rather than one lazy regular expression
 * (`<script…>[\s\S]*?</script>`), which rescans the rest of the text for every unclosed "<script":
 * seconds on a hostile page. An unclosed one leaves the rest of the text as it is.
 */
function withoutScripts(text: string): string {
  let out = '';
  let from = 0;
  SCRIPT_OPEN.lastIndex = 0;
  for (let open = SCRIPT_OPEN.exec(text); open; open = SCRIPT_OPEN.exec(text)) {
    const close = new RegExp(`</${open[1]}\\s*>`, 'gi');
    close.lastIndex = SCRIPT_OPEN.lastIndex;
    const end = close.exec(text);
    if (!end) break;
    out += text.slice(from, open.index) + ' ';
    from = SCRIPT_OPEN.lastIndex = close.lastIndex;
  }
  return out + text.slice(from);
}

/** The share of C0 control characters other than whitespace in the first 64 KB. */
function controlShare(data: Uint8Array | string): number {
  const n = Math.min(data.length, SAMPLE);
  if (n === 0) return 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = typeof data === 'string' ? data.charCodeAt(i) : data[i]!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  return controls / n;
}
