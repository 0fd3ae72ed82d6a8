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

/** Decompressed chunks. Stopping the iteration stops decompression: a gzip bomb costs at most the limit. */
export function gunzip(chunks: Chunks, limit: number): Chunks {
  const out = pipeline(Readable.from(chunks), createGunzip(), () => {
    // Errors reach the consumer through the iteration of `out`; nothing more to do here.
  });
  return limited(out, limit, true);
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

/**
 * Lines of a byte stream, split at LF bytes (a carriage return before it stays, for the decoder
 * to drop). Splitting bytes rather than text lets each line be checked as strict UTF-8, which
 * readline's lenient decoder would not allow. A line split across chunks is joined once, when
 * its end arrives, so a long line costs no repeated copying.
 */
export async function* byteLines(chunks: Chunks, maxLine = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer | number> {
  let pending: Buffer[] = [];
  let size = 0; // bytes of the current line so far; past maxLine they are counted, not kept
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      size += piece.length;
      yield size > maxLine ? size : pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      size = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      size += chunk.length - start;
      if (size <= maxLine) pending.push(chunk.subarray(start));
      else pending = [];
    }
  }
  if (size > maxLine) yield size;
  else if (pending.length) yield Buffer.concat(pending);
}
