// rasd serve as a user starts it, on the built program: it serves, says where, stops on SIGTERM,
// and refuses what it cannot do with one clear message and exit status 1.
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'rasd.js');
const rasd = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 20_000 });
let dir: string, db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-serve-cli-'));
  db = join(dir, 'rasd.db');
  expect(rasd(['ingest', join(root, 'examples'), '--db', db, '-q']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rasd serve', () => {
  it('serves the API on loopback to its own and allowed host names, says where, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--quiet', '--allow-host', 'desk.example'], { cwd: root });
    let err = '';
    const base = await new Promise<string>((done, fail) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
        if (m) done(m[1]!);
      });
      child.on('exit', () => fail(new Error(err)));
    });
    const health = (await (await fetch(`${base}/api/health`)).json()) as { articles: number };
    expect(health.articles).toBe(4);
    // Only its own names and those allowed: another site's name rebound to 127.0.0.1 is refused.
    const status = (host: string) =>
      new Promise<number>((done) => request(`${base}/api/health`, { headers: { host } }, (res) => done(res.statusCode!)).end());
    expect(await status('desk.example:8080')).toBe(200);
    expect(await status('localhost')).toBe(200);
    expect(await status('attacker.example')).toBe(421);
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a missing database, a taken port and a bad port number', async () => {
    const missing = rasd(['serve', '--db', join(dir, 'none.db'), '--port', '0']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/There is no rasd database at .*none\.db; run `rasd ingest` first/);

    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const port = (taken.address() as { port: number }).port;
    const busy = rasd(['serve', '--db', db, '--port', String(port)]);
    taken.close();
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(new RegExp(`port ${port} is already in use; pass another with --port`));

    const bad = rasd(['serve', '--db', db, '--port', '70000']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/expected a port number from 0 to 65535/);
  });
});
