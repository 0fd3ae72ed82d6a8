// Helpers for the server's tests: a database of the bundled examples, and requests written to the
// socket byte for byte (fetch and http.request normalise «..», reject control characters and
// cannot send a malformed request, which is what these tests need to send).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A new folder holding rasd.db, ingested from examples/ with the built CLI. */
export function exampleDb(prefix: string): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'rasd.db');
  execFileSync(process.execPath, [join(ROOT, 'bin', 'rasd.js'), 'ingest', join(ROOT, 'examples'), '--db', db, '-q'], { stdio: 'pipe' });
  return { dir, db };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The connection closed before any answer (reset or closed silently). */
  closed: boolean;
}

/**
 * Sends `head` (and `body`) as written and reads the answer until the server closes the
 * connection or `timeoutMs` passes.
 */
export function raw(port: number, head: string, opts: { body?: Buffer | string; timeoutMs?: number; localAddress?: string } = {}): Promise<RawAnswer> {
  return new Promise((done) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: opts.localAddress });
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      done(parse(Buffer.concat(chunks).toString('utf8')));
    };
    const timer = setTimeout(finish, opts.timeoutMs ?? 5000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(head);
    if (opts.body) socket.write(opts.body);
  });
}

function parse(text: string): RawAnswer {
  const m = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
  if (!m) return { status: 0, headers: {}, body: text, closed: true };
  const headers: Record<string, string> = {};
  for (const line of m[2]!.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(m[1]), headers, body: m[3]!, closed: false };
}

/** A GET of exactly this request target, one request per connection. */
export const rawGet = (port: number, target: string, extra = '') =>
  raw(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);
