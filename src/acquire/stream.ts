// Byte streams with a size limit, gzip, and line splitting. Everything is pulled through async
// iteration, so leaving a loop early (a limit reached, an error) destroys the streams behind it.

import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export type Chunks = AsyncIterable<Buffer>;

/** Thrown when a stream passes the per-file limit; `decompressed` tells which limit it was. */
export class LimitExceeded extends Error {
  constructor(readonly limit: number, readonly decompressed: boolean) {
    super(`more than ${limit} bytes`);
  }
}

/** Passes chunks on until more than `limit` bytes have gone by, then throws LimitExceeded. */
export async function* limited(chunks: AsyncIterable<Uint8Array | string>, limit: number, decompressed = false): Chunks {
  let total = 0;
  for await (const chunk of chunks) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buf.length;
    if (total > limit) throw new LimitExceeded(limit, decompressed);
    yield buf;
  }
}

/** Thrown when a gzip stream decompresses to more than `ratio` times the compressed bytes behind it. */
export class RatioExceeded extends Error {
  constructor(readonly ratio: number, readonly compressed: number, readonly decompressed: number) {
    super(`decompresses to more than ${ratio} times its size`);
  }
}

/**
 * Text and web pages compress 3 to 15 times (the SaudiNewsNet corpus 3.8); gzip cannot pass about
 * 1030. A stream past 100 is taken for a bomb, which would otherwise run for hours when its output
 * is streamed under no size limit (a JSON Lines file of blank lines, a web archive record skipped).
 */
export const DEFAULT_MAX_RATIO = 100;

/** Output any stream may make before the ratio is checked, so that small files are never refused. */
const RATIO_FLOOR = 1024 * 1024;

/** The ratio is measured over the last one to two windows of this many compressed bytes (see gunzip). */
const RATIO_WINDOW = 1024 * 1024;

export interface RatioLimit {
  /** The most the output may exceed the compressed input by; default 100. */
  ratio: number;
  /**
   * Output allowed before the ratio counts (at least 1 MB): the size limit of one file or record,
   * so that what that limit already bounds is judged by it and named in its message.
   */
  floor: number;
}

/**
 * Decompressed chunks. Stopping the iteration stops decompression: a gzip bomb costs at most the
 * limit, or `ratio` times the compressed bytes read. The ratio is measured over the last
 * megabyte or two of compressed input, not the whole stream, so a bomb in record 1000 of a large
 * archive is stopped as soon as one in record 1.
 */
export function gunzip(chunks: Chunks, limit: number, { ratio: maxRatio, floor }: RatioLimit = { ratio: DEFAULT_MAX_RATIO, floor: 0 }): Chunks {
  const allowedFloor = Math.max(RATIO_FLOOR, floor);
  const engine = createGunzip();
  const out = pipeline(Readable.from(chunks), engine, () => {
    // Errors reach the consumer through the iteration of `out`; nothing more to do here.
  });
  async function* checked(): Chunks {
    let total = 0;
    // Counts (compressed, decompressed) at the start of the previous and of the current window.
    let previous = { in: 0, out: 0 };
    let current = previous;
    for await (const chunk of limited(out, limit, true)) {
      total += chunk.length;
      // Compressed bytes the engine has consumed (not merely read ahead), counted before it pushes their output.
      const consumed = engine.bytesWritten;
      // Yielded before the check, so that a size limit downstream sees it first and names itself.
      yield chunk;
      if (total - previous.out > Math.max(allowedFloor, maxRatio * (consumed - previous.in))) {
        throw new RatioExceeded(maxRatio, consumed, total);
      }
      if (consumed - current.in >= RATIO_WINDOW) {
        previous = current;
        current = { in: consumed, out: total };
      }
    }
  }
  return checked();
}

export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** A zlib error (bad header, truncated data, bad checksum), as opposed to an I/O error. */
export function isZlibError(e: unknown): e is Error {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

export interface Peeked {
  head: Buffer;
  /** The whole stream again, `head` first. */
  chunks: Chunks;
  /** Releases the stream (its file descriptor) when `chunks` was not read to the end. */
  close(): Promise<void>;
}

/** The first bytes of a stream (at least `min` unless it ends sooner), or null for an empty stream. */
export async function peek(source: Chunks, min = 4): Promise<Peeked | null> {
  const it = source[Symbol.asyncIterator]();
  const close = async () => {
    await it.return?.();
  };
  const parts: Buffer[] = [];
  let size = 0;
  while (size < min) {
    const next = await it.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.length;
  }
  if (!size) {
    await close();
    return null;
  }
  const head = Buffer.concat(parts);
  async function* replay(): Chunks {
    try {
      yield head;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await close();
    }
  }
  return { head, chunks: replay(), close };
}

/** All bytes of a (limited) stream. */
export async function collect(chunks: Chunks): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

const EMPTY = Buffer.alloc(0);

/**
 * Lines of a byte stream, split at LF bytes (a carriage return before it stays, for the decoder
 * to drop), in one batch per chunk read: a line costs no promise of its own, so a file of
 * millions of blank lines (a gzip bomb of line feeds) is read at the speed of a loop. Splitting
 * bytes rather than text lets each line be checked as strict UTF-8, which readline's lenient
 * decoder would not allow. A line split across chunks is joined once, when its end arrives, so
 * a long line costs no repeated copying; a line longer than maxLine is given as its length.
 */
export async function* byteLines(chunks: Chunks, maxLine = Number.POSITIVE_INFINITY): AsyncGenerator<(Buffer | number)[]> {
  let pending: Buffer[] = [];
  let size = 0; // bytes of the current line so far; past maxLine they are counted, not kept
  for await (const chunk of chunks) {
    const batch: (Buffer | number)[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      // One shared buffer for every blank line: a subarray costs more than the rest of the loop.
      const piece = nl === start ? EMPTY : chunk.subarray(start, nl);
      size += piece.length;
      batch.push(size > maxLine ? size : pending.length ? Buffer.concat([...pending, piece]) : piece);
      pending = [];
      size = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      size += chunk.length - start;
      if (size <= maxLine) pending.push(chunk.subarray(start));
      else pending = [];
    }
    if (batch.length) yield batch;
  }
  if (size > maxLine) yield [size];
  else if (pending.length) yield [Buffer.concat(pending)];
}
