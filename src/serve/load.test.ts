// A few seconds of the mixed load of bench/load.mjs against an in-process server with writes on:
// good and bad requests at once, slow clients and a flooding client among them. The server must
// stay up, answer every request with the status its class expects, and serve the good reads.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Store } from '../store/sqlite.js';
import { SqliteArticleStore } from '../store/store.js';
import { runLoad, standardMix } from './loadgen.js';
import { createApp } from './server.js';
import { exampleDb } from './testing.js';
import { ArticleWriter } from './write.js';

const TOKEN = 'load-test-token-0123456789';
const MAX_BODY = 256 * 1024;
let dir: string, read: Store, writable: Store, server: Server, port: number;

beforeAll(async () => {
  let db: string;
  ({ dir, db } = exampleDb('rasd-load-'));
  writable = Store.open(db);
  read = Store.open(db, { readonly: true });
  const writer = await ArticleWriter.open(new SqliteArticleStore(writable), read, MAX_BODY);
  server = createApp({
    store: read, webRoot: null, version: 'test', hosts: ['127.0.0.1'], writes: { token: TOKEN, writer },
    // Slow clients are cut after a second; the flood (one address) passes 30 a second at most.
    limits: { maxBodyBytes: MAX_BODY, headersTimeoutMs: 1000, requestTimeoutMs: 3000, ratePerSecond: 30, rateBurst: 30 },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
  read.close();
  writable.close();
  rmSync(dir, { recursive: true, force: true });
});

it('stays up under a mix of good and bad requests and answers each as its class expects', async () => {
  // Good classes stay under the rate limit (each from its own address); the flood does not.
  const results = await runLoad({ port, seconds: 3, classes: standardMix({ token: TOKEN, maxBodyBytes: MAX_BODY, scale: 0.25 }), clientTimeoutMs: 10_000 });
  const summary = results.map((r) => `${r.name}: ${r.sent} sent ${JSON.stringify(r.statuses)} errors ${JSON.stringify(r.errors)}`).join('\n');
  for (const r of results) {
    expect(r.sent, summary).toBeGreaterThan(0);
    expect(r.unexpected, summary).toBe(0);
    // A refused body may end in a reset instead of the 413 (the client was still sending); nothing else may fail.
    const errors = Object.entries(r.errors).filter(([k]) => !(r.name.startsWith('oversized') && /ECONNRESET|EPIPE/.test(k)));
    expect(errors, summary).toEqual([]);
  }
  const by = Object.fromEntries(results.map((r) => [r.name.split(' (')[0]!, r]));
  expect(by['flood, one client']!.statuses['429'], summary).toBeGreaterThan(0);
  expect(by['slow clients']!.statuses['408'], summary).toBeGreaterThan(0);
  expect(by['authorised writes']!.statuses['201'], summary).toBeGreaterThan(0);
  expect(by['oversized bodies']!.statuses['413'], summary).toBeGreaterThan(0);
  // Still up, and the writes are there.
  const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { ok: boolean; articles: number };
  expect(health.ok).toBe(true);
  expect(health.articles).toBeGreaterThan(4);
});
