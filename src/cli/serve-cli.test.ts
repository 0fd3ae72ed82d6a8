// rasd serve as a user starts it, on the built program: it serves, says where, stops on SIGTERM,
// and refuses what it cannot do with one clear message and exit status 1.
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'rasd.js');
const rasd = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 20_000, env: { ...process.env, ...env } });

/** Starts `rasd serve` with these arguments; its address, its stderr so far, and a stop that returns the exit status. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--quiet', ...args], { cwd: root, env: { ...process.env, ...env } });
  let err = '';
  const base = await new Promise<string>((done, fail) => {
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (m) done(m[1]!);
    });
    child.on('exit', () => fail(new Error(err)));
  });
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  return { base, stderr: () => err, stop: () => (child.kill('SIGTERM'), exited) };
}

const TOKEN = 'cli-test-token-0123456789abcdef';
const ARTICLE = JSON.stringify({ title: 'خبر', content: 'بغداد – قال المتحدث باسم الحكومة إن «الاجتماع سيعقد غدا».', url: 'https://cli.example/1' });
const postArticle = (base: string, token?: string) =>
  fetch(`${base}/api/articles`, { method: 'POST', body: ARTICLE, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
let dir: string, db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-serve-cli-'));
  db = join(dir, 'rasd.db');
  expect(rasd(['ingest', join(root, 'examples'), '--db', db, '-q']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rasd serve', () => {
  it('serves the API on loopback to its own and allowed host names, says where, and stops cleanly on SIGTERM', async () => {
    const { base, stop } = await serve(['--allow-host', 'desk.example']);
    const health = (await (await fetch(`${base}/api/health`)).json()) as { articles: number };
    expect(health.articles).toBe(4);
    // Only its own names and those allowed: another site's name rebound to 127.0.0.1 is refused.
    const status = (host: string) =>
      new Promise<number>((done) => request(`${base}/api/health`, { headers: { host } }, (res) => done(res.statusCode!)).end());
    expect(await status('desk.example:8080')).toBe(200);
    expect(await status('localhost')).toBe(200);
    expect(await status('attacker.example')).toBe(421);
    expect(await stop()).toBe(0);
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

  it('takes writes only with a token from a file or the environment, never from an argument', async () => {
    const file = join(dir, 'token');
    writeFileSync(file, `${TOKEN}\n`);
    chmodSync(file, 0o600);
    const on = await serve(['--write-token-file', file]);
    expect(on.stderr()).toMatch(/writes are on/);
    expect(on.stderr()).not.toMatch(/can be read by other users/);
    expect((await postArticle(on.base)).status).toBe(401);
    expect((await postArticle(on.base, `${TOKEN}x`)).status).toBe(403);
    const stored = await postArticle(on.base, TOKEN);
    expect(stored.status).toBe(201);
    expect(await on.stop()).toBe(0);

    const env = await serve([], { RASD_WRITE_TOKEN: TOKEN });
    expect((await postArticle(env.base, TOKEN)).status).toBe(200); // the same article: unchanged
    expect(await env.stop()).toBe(0);

    const off = await serve([]);
    expect((await postArticle(off.base, TOKEN)).status).toBe(405);
    expect(await off.stop()).toBe(0);

    chmodSync(file, 0o644);
    const open = await serve(['--write-token-file', file]);
    expect(open.stderr()).toMatch(/can be read by other users of this machine; make it private with chmod 600/);
    expect(await open.stop()).toBe(0);
  });

  it('refuses an unusable token, an ambiguous one, and a missing database when writes are on', () => {
    const short = join(dir, 'short');
    writeFileSync(short, 'abc\n');
    const r1 = rasd(['serve', '--db', db, '--port', '0', '--write-token-file', short]);
    expect(r1.status).toBe(1);
    expect(r1.stderr).toMatch(/The write token cannot be used: it has 3 characters; use at least 16/);
    const r2 = rasd(['serve', '--db', db, '--port', '0', '--write-token-file', join(dir, 'none')]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/cannot be read \(ENOENT\)/);
    const r3 = rasd(['serve', '--db', db, '--port', '0', '--write-token-file', short], { RASD_WRITE_TOKEN: TOKEN });
    expect(r3.status).toBe(1);
    expect(r3.stderr).toMatch(/both --write-token-file and \$RASD_WRITE_TOKEN/);
    const r4 = rasd(['serve', '--db', join(dir, 'typo.db'), '--port', '0'], { RASD_WRITE_TOKEN: TOKEN });
    expect(r4.status).toBe(1);
    expect(r4.stderr).toMatch(/There is no rasd database here/);
  });

  it('applies the limits it is given and refuses limits that cannot work', async () => {
    const s = await serve(['--rate-limit', '1', '--rate-burst', '2', '--max-url-bytes', '512']);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${s.base}/api/health`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(await s.stop()).toBe(0);
    const u = await serve(['--max-url-bytes', '512', '--rate-limit', 'off']);
    const long = await fetch(`${u.base}/api/search?q=${'a'.repeat(600)}`);
    expect(long.status).toBe(414);
    expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(/at most 512 .*--max-url-bytes/);
    expect(await u.stop()).toBe(0);
    const bad = rasd(['serve', '--db', db, '--port', '0', '--max-url-bytes', '20000']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--max-url-bytes \(20000\) must be smaller than --max-header-bytes/);
    expect(rasd(['serve', '--db', db, '--headers-timeout', 'soon']).stderr).toMatch(/expected a duration/);
    expect(rasd(['serve', '--db', db, '--rate-limit', '-3']).stderr).toMatch(/requests per second/);
  });
});
