// Reading the inputs of `rasd analyze FILE...`: files of plain text, HTML, JSON or JSON Lines
// (gzipped or not), web archives (WARC), and standard input. One result per article, in the
// order of the paths and of the records in each file. Nothing throws out of here: whatever goes
// wrong with one file becomes one error result naming it, and reading goes on with the next.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { htmlToInput } from '../clean/html.js';
import type { DocMeta, RawInput } from '../core/types.js';
import { decodeBytes, decodeLine, looksBinary, utf16Bom, type Decoded } from './decode.js';
import { errors, jsonErrorDetail, notes, readError } from './errors.js';
import { documentToResults, lineToResult, type RecordContext } from './records.js';
import { formatOf, looksLikeJsonLines, sniffText, type Format, type TextFormat } from './sniff.js';
import { jsonTooDeep, DEFAULT_MAX_DEPTH } from './json-depth.js';
import { DEFAULT_MAX_RATIO, byteLines, collect, gunzip, isGzip, limited, peek, type Chunks, type Peeked } from './stream.js';
import { isWarc, readWarc } from './warc.js';

export interface ReadOptions {
  /** Per file, raw or decompressed, but per record for a web archive or a JSON Lines file; default 20 * 1024 * 1024. */
  maxBytes?: number;
  /**
   * The deepest nesting read: of JSON arrays and objects in a record (deeper records are refused)
   * and of HTML elements in a page (deeper pages skip the article finder); default 512.
   */
  maxDepth?: number;
  /**
   * The most a gzipped input may expand, once it has given more than maxBytes (which alone bounds
   * a file read whole); stops gzip bombs in JSON Lines and web archives early. Default 100 times.
   */
  maxRatio?: number;
}

/** ReadOptions with the defaults filled in. */
interface Limits {
  bytes: number;
  depth: number;
  ratio: number;
}

export type InputResult = { ok: true; input: RawInput } | { ok: false; source: string; error: string };

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** No limit on the whole stream: a web archive of many gigabytes is limited per record instead. */
const UNLIMITED = Number.POSITIVE_INFINITY;

/** Enough first bytes to tell gzip ("\x1f\x8b") and a web archive ("WARC/1.") apart from text. */
const SNIFF_BYTES = 8;

/** Reads every path in order; `-` is standard input, whose kind is sniffed from its content. */
export async function* readSources(paths: string[], opts: ReadOptions = {}): AsyncGenerator<InputResult> {
  let stdinRead = false;
  for (const path of paths) {
    if (path !== '-') {
      yield* readFile(path, opts);
    } else if (stdinRead) {
      yield fail('-', errors.stdinTwice());
    } else if (process.stdin.isTTY) {
      yield fail('-', errors.stdinTerminal());
    } else {
      stdinRead = true;
      yield* readStream(process.stdin, '-', opts);
    }
  }
}

/** Reads one input from a stream (standard input, or a test's stream), sniffing its kind. */
export async function* readStream(
  stream: AsyncIterable<Uint8Array | string>,
  source = '-',
  opts: ReadOptions = {},
): AsyncGenerator<InputResult> {
  // `limited` only makes Buffers of the chunks here: readChunks limits them once it knows the format.
  yield* guarded(source, () => readChunks(limited(stream, UNLIMITED), source, null, false, limitsOf(opts)));
}

async function* readFile(path: string, opts: ReadOptions): AsyncGenerator<InputResult> {
  const limits = limitsOf(opts);
  const { format, gzip } = formatOf(path);
  const refusal = await checkPath(path, format === 'warc' || format === 'jsonl' ? UNLIMITED : limits.bytes);
  if (refusal) return yield fail(path, refusal);
  yield* guarded(path, () => readChunks(createReadStream(path), path, format, gzip, limits));
}

function limitsOf(opts: ReadOptions): Limits {
  return {
    bytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    depth: opts.maxDepth ?? DEFAULT_MAX_DEPTH,
    ratio: opts.maxRatio ?? DEFAULT_MAX_RATIO,
  };
}

/**
 * Refuses what can be refused before opening the file: missing paths, directories, and files
 * over the limit, whose size stat gives without reading a byte. Only a name can exempt a web
 * archive from the limit here; one with another name is known as such only once opened.
 */
async function checkPath(path: string, limit: number): Promise<string | null> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) return errors.isDirectory(path);
    if (st.isFile() && st.size > limit) return errors.tooLarge(path, st.size, limit);
    if (st.isFile() && st.size === 0) return errors.empty(path);
    return null;
  } catch (e) {
    return readError(e, path);
  }
}

/** Runs a reader, turning anything it throws into one error result for the source. */
async function* guarded(source: string, read: () => AsyncGenerator<InputResult>): AsyncGenerator<InputResult> {
  try {
    yield* read();
  } catch (e) {
    yield fail(source, readError(e, source));
  }
}

/**
 * The common path of files and streams: gunzip when the name or the magic bytes say so, stream a
 * web archive record by record, refuse binary content, then stream JSON Lines record by record,
 * or read the input whole. The size limit applies to the whole (decompressed) input, except for
 * a web archive, whose reader applies it to each record.
 */
async function* readChunks(
  raw: Chunks,
  source: string,
  format: Format | null,
  gzipByName: boolean,
  limits: Limits,
): AsyncGenerator<InputResult> {
  const limit = limits.bytes;
  const outer = await peek(raw, SNIFF_BYTES);
  if (!outer) return yield fail(source, errors.empty(source));
  let inner: Peeked | null = outer;
  try {
    const gzipped = gzipByName || isGzip(outer.head);
    if (gzipped) inner = await peek(gunzip(outer.chunks, UNLIMITED, { ratio: limits.ratio, floor: limit }), SNIFF_BYTES);
    if (!inner) return yield fail(source, errors.empty(source));
    // Before the binary check: a web archive holds images too, and the first of them may be near the start.
    if (format === 'warc' || (format === null && isWarc(inner.head))) {
      return yield* readWarc(inner.chunks, source, { maxRecordBytes: limit, maxDepth: limits.depth });
    }
    if (looksBinary(inner.head)) return yield fail(source, errors.binary(source));
    // A JSON Lines corpus is streamed and may be any size: the limit applies to each record.
    if (streamsAsLines(inner.head, format)) return yield* readJsonLines(inner.chunks, source, limits);
    yield* readWhole(await collect(limited(inner.chunks, limit, gzipped)), source, format, limits.depth);
  } finally {
    // Releases the file when reading stopped early (binary content, an error, a consumer that quit).
    await inner?.close();
    await outer.close();
  }
}

/** JSON Lines are streamed unless UTF-16, whose line breaks are two bytes (such files are rare). */
function streamsAsLines(head: Buffer, format: TextFormat | null): boolean {
  if (utf16Bom(head)) return false;
  return format === 'jsonl' || (format === null && looksLikeJsonLines(head.toString('utf8')));
}

async function* readJsonLines(chunks: Chunks, source: string, { bytes: limit, depth }: Limits): AsyncGenerator<InputResult> {
  let lineNo = 0;
  let records = 0;
  for await (const batch of byteLines(chunks, limit)) {
    for (const bytes of batch) {
      lineNo++;
      // A blank line is skipped here, without a decoder or a name built for it.
      if (typeof bytes !== 'number' && (bytes.length === 0 || (bytes.length === 1 && bytes[0] === 13))) continue;
      const lineSource = `${source}#${lineNo}`;
      if (typeof bytes === 'number') {
        records++;
        yield fail(lineSource, errors.recordTooLarge(lineSource, bytes, limit));
        continue;
      }
      const decoded = decodeLine(bytes, lineSource);
      const result = decoded.ok ? lineToResult(decoded.value.text, lineSource, context(decoded.value, depth)) : fail(lineSource, decoded.error);
      if (result) {
        records++;
        yield result;
      }
    }
  }
  if (!records) yield fail(source, errors.whitespaceOnly(source));
}

/** An input read whole: decoded, then read as the format its name or its content says. */
function* readWhole(bytes: Buffer, source: string, format: TextFormat | null, depth: number): Generator<InputResult> {
  const decoded = decodeBytes(bytes, source);
  if (!decoded.ok) return yield fail(source, decoded.error);
  const { text } = decoded.value;
  if (!text.trim()) return yield fail(source, text ? errors.whitespaceOnly(source) : errors.empty(source));
  switch (format ?? sniffText(text)) {
    case 'text':
      return yield ok({ source, kind: 'text', body: text, meta: emptyMeta(), encoding: decoded.value.encoding, diagnostics: decoded.value.diagnostics });
    case 'html':
      return yield htmlResult(text, source, decoded.value, depth);
    case 'json':
      return yield* jsonResults(text, source, decoded.value, depth);
    case 'jsonl':
      return yield* textLines(text, source, context(decoded.value, depth));
  }
}

function htmlResult(html: string, source: string, decoded: Decoded, depth: number): InputResult {
  const page = htmlToInput(html, source, { maxDepth: depth });
  if (!page.body.trim()) return fail(source, errors.htmlWithoutText(source));
  const diagnostics = [...decoded.diagnostics, ...page.diagnostics];
  return ok({ source, kind: 'html', body: page.body, meta: page.meta, encoding: decoded.encoding, diagnostics });
}

/** A JSON document; one that fails to parse but holds one object per line is read as JSON Lines. */
function* jsonResults(text: string, source: string, decoded: Decoded, depth: number): Generator<InputResult> {
  if (jsonTooDeep(text, depth)) return yield fail(source, errors.jsonTooDeep(source, depth));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (!looksLikeJsonLines(text)) return yield fail(source, errors.invalidJson(source, jsonErrorDetail(e, text)));
    const note = { stage: 'acquire', rule: 'json-lines-in-json', reason: notes.jsonLinesInJson(source) };
    return yield* textLines(text, source, { encoding: decoded.encoding, diagnostics: [...decoded.diagnostics, note], maxDepth: depth });
  }
  yield* documentToResults(value, source, context(decoded, depth));
}

/** JSON Lines already in memory (UTF-16 files, and .json files that turn out to be JSON Lines). */
function* textLines(text: string, source: string, ctx: RecordContext): Generator<InputResult> {
  const lines = text.split('\n');
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const result = lineToResult(lines[i]!, `${source}#${i + 1}`, ctx);
    if (result) {
      records++;
      yield result;
    }
  }
  if (!records) yield fail(source, errors.whitespaceOnly(source));
}

function context(decoded: Decoded, maxDepth: number): RecordContext {
  return { encoding: decoded.encoding, diagnostics: decoded.diagnostics, maxDepth };
}

function emptyMeta(): DocMeta {
  return { title: null, published: null, outlet: null, url: null, author: null };
}

function ok(input: RawInput): InputResult {
  return { ok: true, input };
}

function fail(source: string, error: string): InputResult {
  return { ok: false, source, error };
}
