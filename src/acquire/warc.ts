// Web archives (WARC 1.0 and 1.1, ISO 28500) as article inputs: the HTML pages a crawl fetched.
// The archive is parsed as a stream, record by record, so a crawl of many gigabytes costs the
// memory of one record: only the HTML pages are held whole, each up to the per-record limit.
// Everything else a crawl keeps (requests, metadata, revisits, images, redirects, error pages)
// is skipped without being buffered, and never reported: skipping it is what the user wants.

import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { htmlToInput } from '../clean/html.js';
import { DEFAULT_MAX_DEPTH } from './json-depth.js';
import type { Diagnostic, RawInput } from '../core/types.js';
import { decodeBytes, normaliseText, type DecodeResult } from './decode.js';
import { errors, notes, readError, type WarcProblem } from './errors.js';
import type { InputResult } from './index.js';
import { isZlibError, type Chunks } from './stream.js';

export interface WarcOptions {
  /** The largest HTML response read; larger ones are skipped with an error result. */
  maxRecordBytes: number;
  /** The deepest nesting of a page's elements read as usual (see HtmlOptions); default 512. */
  maxDepth?: number;
}

const MAGIC = Buffer.from('WARC/1.');

/** Real WARC headers are well under 2 KB; a header that has not ended after 64 KB is damage. */
const MAX_HEADER_BYTES = 64 * 1024;

/**
 * How much of a response is read before deciding whether to keep it: enough for any real HTTP
 * status line and headers, so an image or a video is recognised and skipped unbuffered.
 */
const MAX_HTTP_HEAD = 64 * 1024;

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i;

/** True when a stream's first bytes (decompressed) are the start of a WARC record. */
export function isWarc(head: Buffer): boolean {
  return head.subarray(0, MAGIC.length).equals(MAGIC);
}

/**
 * One result per HTML page of a web archive (its source is `archive#target-URI`), or per record
 * that could not be read; then one error when the archive held no HTML page at all. Never
 * throws: a failure of the stream itself (I/O, corrupt gzip) ends the archive with one error.
 */
export async function* readWarc(chunks: Chunks, source: string, opts: WarcOptions): AsyncGenerator<InputResult> {
  const archive: Archive = {
    reader: new ByteReader(chunks),
    source,
    limits: { bytes: opts.maxRecordBytes, depth: opts.maxDepth ?? DEFAULT_MAX_DEPTH },
    found: 0,
    records: 0,
    pages: 0,
    failed: false,
  };
  try {
    yield* readRecords(archive);
  } catch (e) {
    archive.failed = true;
    yield fail(source, readError(e, source));
  } finally {
    await archive.reader.close();
  }
  if (archive.pages) return;
  if (archive.records) yield fail(source, errors.warcNoHtml(source, archive.records));
  // Nothing but blank lines; when nothing could be read at all, the error already said why.
  else if (!archive.failed) yield fail(source, errors.empty(source));
}

/** The state of one archive being read. */
interface Archive {
  reader: ByteReader;
  source: string;
  limits: PageLimits;
  /** Records begun, well-formed or not: numbers records in messages. */
  found: number;
  /** Well-formed records. */
  records: number;
  /** HTML responses, read or not. */
  pages: number;
  /** An error result was given about the archive itself (not about one page). */
  failed: boolean;
}

/** The per-page limits: bytes of the record (decompressed or not), nesting of its elements. */
interface PageLimits {
  bytes: number;
  depth: number;
}

interface WarcHeader {
  type: string;
  length: number;
  uri: string | null;
}

interface HttpHead {
  status: number;
  /** From Content-Type; null when the response does not say, and its content must tell. */
  html: boolean | null;
  charset: string | null;
  chunked: boolean;
  /** Content codings in the order they are to be undone. */
  codings: string[];
  /** Where the body starts in the block. */
  bodyStart: number;
}

async function* readRecords(archive: Archive): AsyncGenerator<InputResult> {
  while (await archive.reader.skipBlankLines()) {
    yield* readRecord(archive, ++archive.found, archive.reader.offset);
  }
}

/** One record, from its header; `at` is its offset in the (decompressed) archive. */
async function* readRecord(archive: Archive, number: number, at: number): AsyncGenerator<InputResult> {
  const { reader, source } = archive;
  let header: WarcHeader | WarcProblem = 'version';
  if (await reader.startsWith(MAGIC)) {
    const block = await reader.headerBlock(MAX_HEADER_BYTES);
    if (block === 'truncated') return yield truncated(archive, number, at);
    header = block === 'too-long' ? 'endless' : parseWarcHeader(block);
  }
  if (typeof header === 'string') {
    archive.failed = true;
    yield fail(source, at === 0 && header === 'version' ? errors.notWarc(source) : errors.warcMalformed(source, number, at, header));
    // Resynchronises on the next record; when there is none, the reader is left at the end.
    await reader.seekLine(MAGIC);
    return;
  }
  archive.records++;
  if (header.type === 'response') return yield* readResponse(archive, header, number, at);
  if (!(await reader.skip(header.length))) yield truncated(archive, number, at);
}

/**
 * A response record: its HTTP head is read first, and the rest is buffered only for a page
 * (status 200, HTML) within the limit.
 */
async function* readResponse(archive: Archive, header: WarcHeader, number: number, at: number): AsyncGenerator<InputResult> {
  const { reader } = archive;
  const maxRecordBytes = archive.limits.bytes;
  const start = await reader.take(Math.min(header.length, MAX_HTTP_HEAD));
  if (!start) return yield truncated(archive, number, at);
  const rest = header.length - start.length;
  const http = parseHttpHead(start);
  if (!http || http.status !== 200 || http.html === false) {
    if (!(await reader.skip(rest))) yield truncated(archive, number, at);
    return;
  }
  const source = `${archive.source}#${header.uri ?? number}`;
  if (header.length > maxRecordBytes) {
    archive.pages++;
    if (!(await reader.skip(rest))) return yield truncated(archive, number, at);
    return yield fail(source, errors.warcRecordTooLarge(source, header.length, maxRecordBytes));
  }
  const end = await reader.take(rest);
  if (!end) return yield truncated(archive, number, at);
  const body = Buffer.concat([start, end]).subarray(http.bodyStart);
  const result = pageResult(body, http, source, header.uri, archive.limits);
  if (result) {
    archive.pages++;
    yield result;
  }
}

function truncated(archive: Archive, number: number, at: number): InputResult {
  archive.failed = true;
  return fail(archive.source, errors.warcTruncated(archive.source, number, at));
}

/** The fields rasd needs from a WARC header block (its version line already checked), or what is wrong with it. */
function parseWarcHeader(block: Buffer): WarcHeader | WarcProblem {
  const fields = headerFields(splitLines(block.toString('utf8')).slice(1));
  const length = fields.get('content-length');
  if (!length || !/^\d+$/.test(length)) return 'length';
  return {
    type: (fields.get('warc-type') ?? '').toLowerCase(),
    length: Number(length),
    // WARC 1.0's own examples write the URI in angle brackets, and some writers copied them.
    uri: fields.get('warc-target-uri')?.replace(/^<(.*)>$/, '$1') || null,
  };
}

/** The status line and headers at the start of an HTTP response; null when it is not one. */
function parseHttpHead(bytes: Buffer): HttpHead | null {
  const end = headerEnd(bytes);
  if (!end) return null;
  const [statusLine = '', ...lines] = splitLines(bytes.toString('latin1', 0, end.end));
  const status = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]|$)/.exec(statusLine);
  if (!status) return null;
  const fields = headerFields(lines);
  const contentType = fields.get('content-type') ?? '';
  return {
    status: Number(status[1]),
    html: contentType ? HTML_TYPES.test(contentType) : null,
    charset: /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? null,
    chunked: /\bchunked\b/i.test(fields.get('transfer-encoding') ?? ''),
    codings: (fields.get('content-encoding') ?? '')
      .toLowerCase()
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c && c !== 'identity')
      .reverse(),
    bodyStart: end.next,
  };
}

/** `Name: value` lines by lower-cased name; the first of a repeated name wins. */
function headerFields(lines: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of lines) {
    const m = /^([^\s:]+)[ \t]*:(.*)$/.exec(line);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    if (!fields.has(name)) fields.set(name, m[2]!.trim());
  }
  return fields;
}

function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** The first empty line (CRLF or LF) of a header block: where the block ends, and what follows it. */
function headerEnd(buf: Buffer): { end: number; next: number } | null {
  for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, nl + 1)) {
    if (buf[nl + 1] === 10) return { end: nl, next: nl + 2 };
    if (buf[nl + 1] === 13 && buf[nl + 2] === 10) return { end: nl, next: nl + 3 };
  }
  return null;
}

// ---- one page --------------------------------------------------------------------------------

/** An HTML response body → an article; null when a response without Content-Type is not markup. */
function pageResult(body: Buffer, http: HttpHead, source: string, uri: string | null, limits: PageLimits): InputResult | null {
  const bytes = payload(body, http, source, limits);
  if (!Buffer.isBuffer(bytes)) return bytes;
  // As browsers do, a response that does not say what it is counts as HTML when it reads like markup.
  if (http.html === null && !startsWithMarkup(bytes)) return null;
  const decoded = decodePage(bytes, source, http.charset);
  if (!decoded.ok) return fail(source, decoded.error);
  const page = htmlToInput(decoded.value.text, source, { maxDepth: limits.depth });
  if (!page.body.trim()) return fail(source, errors.htmlWithoutText(source));
  return ok({
    source,
    kind: 'html',
    body: page.body,
    meta: { ...page.meta, url: pageUrl(page.meta.url, uri) },
    encoding: decoded.value.encoding,
    diagnostics: [...decoded.value.diagnostics, ...page.diagnostics],
  });
}

/** The body as the server meant it: transfer and content codings undone. */
function payload(body: Buffer, http: HttpHead, source: string, limits: PageLimits): Buffer | InputResult {
  // Many crawlers store the body already de-chunked but keep the header that says otherwise.
  let bytes = http.chunked ? (dechunk(body) ?? body) : body;
  for (const coding of http.codings) {
    // No ratio limit here: the page is decompressed in memory, at once, and the record limit bounds it.
    const decoded = undoCoding(bytes, coding, limits.bytes);
    if (decoded === 'too-large') return fail(source, errors.warcPageTooLarge(source, limits.bytes));
    if (!decoded) return fail(source, errors.warcBadContentEncoding(source, coding));
    bytes = decoded;
  }
  return bytes;
}

/** Chunked transfer coding undone; null when the body does not start like a chunked one. */
function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  for (let pos = 0; ; ) {
    const eol = body.indexOf('\r\n', pos);
    // A chunk-size line is a hex number with optional extensions: short.
    const size = eol < 0 || eol - pos > 256 ? null : /^([0-9a-f]+)[ \t]*(?:;.*)?$/i.exec(body.toString('latin1', pos, eol));
    // A body cut short (a crawler's size cap) keeps the chunks it has.
    if (!size) return parts.length ? Buffer.concat(parts) : null;
    const length = parseInt(size[1]!, 16);
    if (length === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + length));
    pos = eol + 2 + length + 2;
  }
}

type Decompress = (bytes: Buffer, opts: { maxOutputLength: number; finishFlush: number }) => Buffer;

/**
 * Decompressors by content coding. A crawler that capped a page's size stored a cut stream;
 * flushing instead of finishing yields the part before the cut rather than an error.
 */
const DECOMPRESS = new Map<string, { decompress: Decompress; flush: number }>([
  ['gzip', { decompress: gunzipSync, flush: constants.Z_SYNC_FLUSH }],
  ['x-gzip', { decompress: gunzipSync, flush: constants.Z_SYNC_FLUSH }],
  ['deflate', { decompress: inflateEither, flush: constants.Z_SYNC_FLUSH }],
  ['br', { decompress: brotliDecompressSync, flush: constants.BROTLI_OPERATION_FLUSH }],
]);

/** One content coding undone; 'too-large' past the limit, null when the bytes cannot be decoded. */
function undoCoding(bytes: Buffer, coding: string, limit: number): Buffer | 'too-large' | null {
  const codec = DECOMPRESS.get(coding);
  try {
    if (codec) return codec.decompress(bytes, { maxOutputLength: limit, finishFlush: codec.flush });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
  }
  // Crawlers that decompress what they store often keep the Content-Encoding header: markup means it was.
  return startsWithMarkup(bytes) ? bytes : null;
}

/** HTTP's "deflate" is zlib-wrapped by the standard, but some servers send it raw. */
function inflateEither(bytes: Buffer, opts: { maxOutputLength: number; finishFlush: number }): Buffer {
  try {
    return inflateSync(bytes, opts);
  } catch (e) {
    if (isZlibError(e)) return inflateRawSync(bytes, opts);
    throw e;
  }
}

/** `<` first, after whitespace and a UTF-8 byte-order mark. */
function startsWithMarkup(bytes: Buffer): boolean {
  return /^(?:\xef\xbb\xbf)?\s*</.test(bytes.toString('latin1', 0, 1024));
}

/**
 * The charset of the HTTP header comes first, as in browsers. Without one, or when it says UTF-8
 * (or the page is ASCII, the same in any of them), the usual checks decide: UTF-8, else the
 * page's <meta> charset, else windows-1256 when the text reads as Arabic.
 */
function decodePage(bytes: Buffer, source: string, charset: string | null): DecodeResult {
  const decoder = charset && !isAscii(bytes) ? decoderFor(charset) : null;
  if (!decoder || decoder.encoding === 'utf-8') return decodeBytes(bytes, source);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return decodeBytes(bytes, source);
  }
  const note: Diagnostic = { stage: 'acquire', rule: 'legacy-encoding', reason: notes.legacyEncoding(source, decoder.encoding) };
  return { ok: true, value: { text: normaliseText(text), encoding: decoder.encoding, diagnostics: [note] } };
}

/** A strict decoder for a charset label; null for a label the runtime does not know. */
function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return null;
  }
}

/** The page's canonical URL made absolute against the address it was fetched from; else that address. */
function pageUrl(canonical: string | null, uri: string | null): string | null {
  if (!canonical) return uri;
  if (!uri || /^[a-z][a-z\d+.-]*:/i.test(canonical)) return canonical;
  try {
    return new URL(canonical, uri).href;
  } catch {
    return canonical;
  }
}

// ---- bytes -----------------------------------------------------------------------------------

/**
 * Pulls bytes off a chunk stream as the parser asks for them, counting what it consumed so that
 * errors can say where they are. Holds at most a header block and the chunk being read, except
 * for what `take` is asked to return.
 */
class ByteReader {
  private readonly it: AsyncIterator<Buffer>;
  private buf: Buffer = Buffer.alloc(0);
  /** Stream offset of buf[0]. */
  private start = 0;
  private ended = false;

  constructor(chunks: Chunks) {
    this.it = chunks[Symbol.asyncIterator]();
  }

  get offset(): number {
    return this.start;
  }

  /** True when the next bytes are `marker`. */
  async startsWith(marker: Buffer): Promise<boolean> {
    while (this.buf.length < marker.length && (await this.more()));
    return this.buf.subarray(0, marker.length).equals(marker);
  }

  /** Skips the empty lines between records; false when the stream ends instead. */
  async skipBlankLines(): Promise<boolean> {
    for (;;) {
      let i = 0;
      while (i < this.buf.length && (this.buf[i] === 10 || this.buf[i] === 13)) i++;
      this.consume(i);
      if (this.buf.length) return true;
      if (!(await this.more())) return false;
    }
  }

  /**
   * The bytes up to the first empty line, which is consumed with them. A header cut off by the
   * end of the stream is consumed too, so that reading ends there.
   */
  async headerBlock(max: number): Promise<Buffer | 'too-long' | 'truncated'> {
    for (;;) {
      const end = headerEnd(this.buf);
      if (end) {
        const block = this.buf.subarray(0, end.end);
        this.consume(end.next);
        return block;
      }
      if (this.buf.length > max) return 'too-long';
      if (!(await this.more())) {
        this.consume(this.buf.length);
        return 'truncated';
      }
    }
  }

  /** The next `n` bytes; null when the stream ends first. */
  async take(n: number): Promise<Buffer | null> {
    const parts: Buffer[] = [];
    for (let need = n; need > 0; ) {
      if (!this.buf.length && !(await this.more())) return null;
      const part = this.buf.subarray(0, need);
      parts.push(part);
      need -= part.length;
      this.consume(part.length);
    }
    return Buffer.concat(parts);
  }

  /** Drops the next `n` bytes without holding them; false when the stream ends first. */
  async skip(n: number): Promise<boolean> {
    for (let need = n; need > 0; ) {
      if (!this.buf.length && !(await this.more())) return false;
      const length = Math.min(need, this.buf.length);
      need -= length;
      this.consume(length);
    }
    return true;
  }

  /** Moves to the next line that starts with `marker`; at the end of the stream when there is none. */
  async seekLine(marker: Buffer): Promise<void> {
    const needle = Buffer.concat([Buffer.from('\n'), marker]);
    for (;;) {
      const at = this.buf.indexOf(needle);
      if (at >= 0) return this.consume(at + 1);
      // Keeps the tail that may be the start of a needle cut by a chunk boundary.
      this.consume(Math.max(0, this.buf.length - needle.length + 1));
      if (!(await this.more())) return this.consume(this.buf.length);
    }
  }

  async close(): Promise<void> {
    await this.it.return?.();
  }

  private consume(n: number): void {
    this.buf = this.buf.subarray(n);
    this.start += n;
  }

  /** Appends the next chunk; false at the end of the stream. Only short remainders are ever copied. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.it.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }
}

function ok(input: RawInput): InputResult {
  return { ok: true, input };
}

function fail(source: string, error: string): InputResult {
  return { ok: false, source, error };
}
