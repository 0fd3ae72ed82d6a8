// The Fetcher's default way onto the network: a fetch()-shaped function over node:http and
// node:https instead of the global fetch, for two things the global fetch cannot do.
// 1. Every connection goes through AddressGuard: names are resolved by its `lookup`, which refuses
//    private and other inward addresses and hands net only the addresses it checked (so DNS
//    rebinding between a check and the connection is impossible); IP literals are checked before
//    connecting. Redirects are never followed here: the Fetcher follows them, hop by hop.
// 2. Bodies are decompressed here, as they stream in, with the compression ratio watched: a small
//    gzip, deflate or brotli body that expands without end (a decompression bomb) is stopped
//    after a megabyte or so, never inflated in full.

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Duplex, pipeline, type Readable, type Transform } from 'node:stream';
import { constants, createBrotliDecompress, createInflateRaw, createUnzip } from 'node:zlib';
import type { AddressGuard } from './address-guard.js';

export interface TransportOptions {
  guard: AddressGuard;
  /** Decompressed bytes per compressed byte above which a body is taken for a bomb. */
  maxCompressionRatio: number;
}

/** Below this many decompressed bytes the ratio is not judged: a short page of repeated markup compresses very well. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** A body stopped because it expanded too much; the Fetcher turns it into a message naming the URL and the limit. */
export class DecompressionRefused extends Error {
  readonly code = 'RASD_DECOMPRESSION_REFUSED';

  constructor(
    readonly limit: number,
    readonly compressedBytes: number,
    readonly decompressedBytes: number,
  ) {
    super(`the body expanded ${Math.round(decompressedBytes / Math.max(compressedBytes, 1))} times, over the limit of ${limit}`);
    this.name = 'DecompressionRefused';
  }
}

/** Statuses whose answers have no body, for which Response refuses one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A GET-only fetch() for the Fetcher: redirects are returned, not followed, and bodies come decompressed. */
export function guardedFetch({ guard, maxCompressionRatio }: TransportOptions): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // An IP literal is connected to without any lookup, so it is checked here.
      const refused = isIP(host) ? guard.check(host, host) : null;
      if (refused) return reject(refused);
      const headers = new Headers(init?.headers);
      if (!headers.has('accept-encoding')) headers.set('accept-encoding', 'gzip, deflate, br');
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, {
        method: 'GET',
        headers: Object.fromEntries(headers),
        lookup: guard.lookupFor(),
        // No connection is shared with another request: each one is made, and checked, anew.
        agent: false,
        signal: init?.signal ?? undefined,
      });
      req.on('error', reject);
      req.on('response', (res) => {
        try {
          resolve(toResponse(res, maxCompressionRatio, () => req.destroy()));
        } catch (e) {
          req.destroy();
          reject(e);
        }
      });
      req.end();
    });
}

function toResponse(res: IncomingMessage, maxRatio: number, close: () => void): Response {
  const status = res.statusCode ?? 0;
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    } catch {
      // a header Headers will not hold (a bad name): not one the Fetcher reads
    }
  }
  if (NULL_BODY.has(status)) {
    res.resume();
    return new Response(null, { status, statusText: res.statusMessage, headers });
  }
  return new Response(decodedBody(res, headers.get('content-encoding'), maxRatio, close), { status, statusText: res.statusMessage, headers });
}

/**
 * The body as a web stream, with each Content-Encoding undone as it streams (last applied, first
 * undone). Read on demand: nothing is inflated ahead of what the reader takes.
 */
function decodedBody(res: IncomingMessage, encoding: string | null, maxRatio: number, close: () => void): ReadableStream<Uint8Array> {
  const codings = (encoding ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c && c !== 'identity');
  const decoders = codings.reverse().map(decoderFor);
  // An encoding rasd cannot undo is passed through as it came, as browsers and fetch() do.
  const decoded: Readable = decoders.includes(null) || !decoders.length
    ? res
    : (pipeline([res, ...(decoders as Readable[])], () => undefined) as unknown as Readable);
  const compressedStream = decoded !== res;
  // Counted beside the pipe, which still sees every chunk; only when decoding (a lone 'data'
  // listener would set the raw body flowing before anyone reads it).
  let compressed = 0;
  if (compressedStream) res.on('data', (chunk: Buffer) => (compressed += chunk.byteLength));
  const chunks = decoded[Symbol.asyncIterator]();
  let expanded = 0;
  const stop = () => {
    decoded.destroy();
    res.destroy();
    close();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = (await chunks.next()) as IteratorResult<Buffer>;
          if (done) return controller.close();
          expanded += value.byteLength;
          if (compressedStream && expanded > RATIO_FLOOR_BYTES && expanded > compressed * maxRatio) {
            throw new DecompressionRefused(maxRatio, compressed, expanded);
          }
          controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        } catch (e) {
          stop();
          controller.error(e);
        }
      },
      cancel: stop,
    },
    { highWaterMark: 0 },
  );
}

const ZLIB_FLUSH = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

/**
 * "deflate" as servers send it: the standard says a zlib stream, but some servers send raw deflate
 * without the zlib header, and browsers accept both. The first two bytes tell them apart (a zlib
 * header is a deflate method nibble and a multiple of 31); the inner decoder is chosen then.
 */
class AnyDeflate extends Duplex {
  private inner: Transform | null = null;
  private head = Buffer.alloc(0);

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    if (!this.inner) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) return done();
      const zlib = (this.head[0]! & 0x0f) === 8 && ((this.head[0]! << 8) | this.head[1]!) % 31 === 0;
      const inner = (this.inner = zlib ? createUnzip(ZLIB_FLUSH) : createInflateRaw(ZLIB_FLUSH));
      // Backpressure both ways: nothing is inflated ahead of what the reader takes.
      inner.on('data', (d: Buffer) => void (this.push(d) || inner.pause()));
      inner.on('end', () => this.push(null));
      inner.on('error', (e) => this.destroy(e));
      chunk = this.head;
    }
    if (this.inner.write(chunk)) done();
    else this.inner.once('drain', () => done());
  }

  override _final(done: (e?: Error | null) => void): void {
    if (this.inner) this.inner.end();
    else this.push(null);
    done(this.head.length === 1 ? new Error('a deflate body of one byte') : null);
  }

  override _read(): void {
    this.inner?.resume();
  }

  override _destroy(err: Error | null, done: (e: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}

function decoderFor(coding: string): Readable | null {
  // Z_SYNC_FLUSH at the end, as fetch() does: a body cut short still gives what arrived.
  if (coding === 'gzip' || coding === 'x-gzip') return createUnzip(ZLIB_FLUSH);
  if (coding === 'deflate') return new AnyDeflate();
  if (coding === 'br') {
    return createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH });
  }
  return null;
}
