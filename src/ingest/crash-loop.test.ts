// A short crash loop (scripts/crash-loop.mjs) against the built CLI: rasd ingest killed ten times
// on SQLite, rasd workers killed five times on PostgreSQL (RASD_TEST_PG; always in CI). After
// every kill nothing committed may be lost, nothing stored twice, and the store must pass its
// integrity checks; the final run must store every input exactly once. The full loop (50 runs
// per store and more) is the same script run by hand: node scripts/crash-loop.mjs --store both.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PG_ADMIN } from '../store/testing.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'crash-loop.mjs');

interface Figures {
  store: string;
  runs: number;
  rounds: number;
  kills: number;
  graceful: number;
  articles: number;
  stored: number;
  losses: number;
  duplicates: number;
  integrityFailures: number;
  incomplete: number;
  unexpectedExits: number;
  completed: number;
  failures: string[];
}

/** Runs the loop; resolves to its exit status, its figures and its log (for the failure message). */
function loop(args: string[]): Promise<{ status: number | null; figures: Figures; log: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [SCRIPT, '--json', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', log = '';
    child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => void (log += d.toString()));
    child.on('exit', (status) => {
      const json = out.trim().split('\n').pop() ?? '{}';
      const figures = (JSON.parse(json.startsWith('{') ? json : '{"stores":[]}') as { stores: Figures[] }).stores[0]!;
      done({ status, figures, log: log + out });
    });
  });
}

function expectClean(r: { status: number | null; figures: Figures; log: string }, runs: number) {
  const f = r.figures;
  expect(f?.failures, r.log).toEqual([]);
  expect(r.status, r.log).toBe(0);
  expect(f).toMatchObject({ runs, losses: 0, duplicates: 0, integrityFailures: 0, incomplete: 0, unexpectedExits: 0 });
  expect(f.kills + f.graceful).toBeGreaterThan(0);
  // The final run (at least) completed the input: every input stored exactly once.
  expect(f.completed).toBeGreaterThanOrEqual(1);
  expect(f.stored).toBe(f.articles);
  expect(f.articles).toBeGreaterThanOrEqual(40);
}

describe('the crash loop', () => {
  it('kills rasd ingest on SQLite ten times: nothing committed is lost or stored twice, and the store stays sound', async () => {
    expectClean(await loop(['--store', 'sqlite', '--runs', '10', '--articles', '40', '--max-delay', '4']), 10);
  }, 150_000);

  it.skipIf(!PG_ADMIN)('kills rasd workers on PostgreSQL five times (one of them with its transaction open, now and then)', async () => {
    // Articles made from the fixtures, so that the loop is also tried without the shared corpus.
    expectClean(await loop(['--store', 'pg', '--pg', PG_ADMIN, '--runs', '5', '--articles', '40', '--max-delay', '4', '--no-corpus']), 5);
  }, 150_000);

  it('refuses unknown arguments and a PostgreSQL loop without a server, with a clear message', () => {
    const bad = spawnSync(process.execPath, [SCRIPT, '--store', 'mysql'], { encoding: 'utf8', env: { ...process.env, RASD_TEST_PG: '' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--store takes sqlite, pg or both \(got mysql\)/);
    const noServer = spawnSync(process.execPath, [SCRIPT, '--store', 'pg'], { encoding: 'utf8', env: { ...process.env, RASD_TEST_PG: '' } });
    expect(noServer.status).toBe(2);
    expect(noServer.stderr).toMatch(/needs a server: pass --pg/);
  });
});
