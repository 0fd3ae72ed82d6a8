// rasd enqueue and rasd worker against a PostgreSQL server (RASD_TEST_PG; always in CI): a worker
// killed in the middle of a batch loses nothing and stores nothing twice.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, dropPgDatabases, PG_ADMIN, pgUrl } from '../store/testing.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RASD = join(ROOT, 'bin', 'rasd.js');

const BODIES = [
  'قال وزير الخارجية العراقي فؤاد حسين، اليوم الثلاثاء، إن "الحكومة ماضية في تنظيم العلاقة مع التحالف الدولي".',
  'أعلنت وزارة الصحة تسجيل إصابات جديدة بفيروس كورونا في محافظات الجنوب، وقالت إن الوضع تحت السيطرة.',
  'نفت وزارة النفط الأنباء عن توقف التصدير من موانئ الجنوب، وقالت إن الكميات المصدرة لم تتغير منذ بداية الشهر.',
  'أكد رئيس البرلمان أن جلسة التصويت على الموازنة ستعقد الأسبوع المقبل بعد انتهاء اللجنة المالية من مراجعة الجداول.',
  'أعلنت قيادة العمليات المشتركة مقتل ثلاثة مسلحين في ضربة جوية استهدفت وكرا لهم في جبال حمرين شمال ديالى.',
  'قال محافظ البصرة إن "العمل في مشروع الماء سينتهي قريبا"، مؤكدا أن الحكومة المحلية وفرت التمويل الكامل.',
];

let dir = '';
let db = '';
const made: string[] = [];

beforeAll(async () => {
  if (!PG_ADMIN) return;
  dir = mkdtempSync(join(tmpdir(), 'rasd-worker-'));
  const lines = BODIES.map((b, i) => JSON.stringify({ title: `خبر ${i + 1}`, content: b, date: `2024-03-1${i}`, url: `https://news.example/${i + 1}`, source: 'example' }));
  writeFileSync(join(dir, 'six.jsonl'), lines.join('\n') + '\n');
  const name = await createPgDatabase();
  made.push(name);
  db = pgUrl(name);
}, 60_000);

afterAll(async () => {
  await dropPgDatabases(made);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function rasd(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [RASD, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

function run(args: string[], env: Record<string, string> = {}): { child: ChildProcess; exit: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [RASD, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => void (err += d.toString()));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exit, stderr: () => err };
}

describe.skipIf(!PG_ADMIN)('rasd worker on PostgreSQL', () => {
  it('retries the jobs of a worker killed before it committed, and stores every article exactly once', async () => {
    const q = rasd(['enqueue', join(dir, 'six.jsonl'), '--db', db, '-q']);
    expect(q.stderr).toMatch(/6 queued/);
    expect(q.status).toBe(0);
    // Queued twice: nothing is added.
    expect(rasd(['enqueue', join(dir, 'six.jsonl'), '--db', db, '-q']).stderr).toMatch(/0 queued \(6 were queued already/);

    // A worker stores its first batch of two, and is killed before it commits.
    const doomed = run(['worker', '--db', db, '--batch', '2', '--lease', '1s', '--name', 'doomed', '-q'], { RASD_WORKER_TEST_PAUSE_MS: '60000' });
    await expect.poll(doomed.stderr, { timeout: 20_000, interval: 50 }).toMatch(/stored, committing/);
    doomed.child.kill('SIGKILL');
    await doomed.exit;

    const sql = postgres(db, { max: 1, onnotice: () => {} });
    try {
      const claimed = await sql`SELECT id, attempts, worker, state FROM jobs WHERE worker = 'doomed' ORDER BY id`;
      expect(claimed.map((j) => [j['attempts'], j['state']])).toEqual([[1, 'pending'], [1, 'pending']]);
      expect((await sql`SELECT count(*)::int AS n FROM articles`)[0]!['n']).toBe(0);

      // Two workers drain the queue; the killed worker's jobs come back once its lease runs out.
      const a = run(['worker', '--db', db, '--batch', '2', '--lease', '1s', '--drain', '--idle', '200ms', '--name', 'a', '-q']);
      const b = run(['worker', '--db', db, '--batch', '2', '--lease', '1s', '--drain', '--idle', '200ms', '--name', 'b', '-q']);
      expect([await a.exit, await b.exit]).toEqual([0, 0]);

      const jobs = await sql`SELECT id, state, attempts, article_id, worker FROM jobs ORDER BY id`;
      expect(jobs.map((j) => j['state'])).toEqual(Array(6).fill('done'));
      const retried = jobs.filter((j) => claimed.some((c) => c['id'] === j['id']));
      expect(retried.map((j) => j['attempts'])).toEqual([2, 2]);
      expect(retried.every((j) => j['worker'] !== 'doomed')).toBe(true);
      // Six articles, each stored once, each job pointing at its own.
      const articles = await sql`SELECT id, key FROM articles ORDER BY id`;
      expect(articles).toHaveLength(6);
      expect(new Set(articles.map((r) => r['key'])).size).toBe(6);
      expect(new Set(jobs.map((j) => j['article_id'])).size).toBe(6);
      expect((await sql`SELECT count(*)::int AS n FROM search`)[0]!['n']).toBe(6);
    } finally {
      await sql.end();
    }

    // Progress is visible: the queue and every worker that took part.
    const status = rasd(['worker', '--status', '--json', '--db', db]);
    expect(status.status).toBe(0);
    const s = JSON.parse(status.stdout) as { queue: { done: number; pending: number; running: number; failed: number }; articles: number; workers: { name: string; state: string; done: number }[] };
    expect(s.queue).toEqual({ pending: 0, running: 0, done: 6, failed: 0 });
    expect(s.articles).toBe(6);
    expect(s.workers.map((w) => w.name).sort()).toEqual(['a', 'b', 'doomed']);
    expect(s.workers.filter((w) => w.name !== 'doomed').reduce((n, w) => n + w.done, 0)).toBe(6);
    expect(rasd(['worker', '--status', '--db', db]).stdout).toMatch(/6 jobs — 6 done/);
    // What the workers stored is searchable on PostgreSQL, Arabic folded as on SQLite.
    expect(rasd(['search', 'والتحالف', '--db', db, '--json']).stdout.trim().split('\n')).toHaveLength(1);
  }, 90_000);

  it('gives up only the job that keeps killing its workers, not the batch it was claimed with', async () => {
    const name = await createPgDatabase();
    made.push(name);
    const own = pgUrl(name);
    expect(rasd(['enqueue', join(dir, 'six.jsonl'), '--db', own, '-q']).status).toBe(0);
    // Three workers in turn die while holding what they claimed: the first a batch of four, the
    // next two (retried jobs being claimed alone) the first of those four.
    for (let k = 0; k < 3; k++) {
      const doomed = run(['worker', '--db', own, '--batch', '4', '--lease', '1s', '--name', `doomed-${k}`, '-q'], { RASD_WORKER_TEST_PAUSE_MS: '60000' });
      await expect.poll(doomed.stderr, { timeout: 20_000, interval: 50 }).toMatch(/stored, committing/);
      expect(doomed.stderr()).toMatch(k === 0 ? /batch of 1,2,3,4 stored/ : /batch of 1 stored/);
      doomed.child.kill('SIGKILL');
      await doomed.exit;
      await new Promise((r) => setTimeout(r, 1_100)); // the lease runs out
    }
    const last = run(['worker', '--db', own, '--batch', '4', '--lease', '1s', '--drain', '--idle', '200ms', '-q']);
    expect(await last.exit).toBe(0);
    const sql = postgres(own, { max: 1, onnotice: () => {} });
    try {
      const jobs = await sql`SELECT id, state, attempts FROM jobs ORDER BY id`;
      expect(jobs.map((j) => [Number(j['id']), j['state'], j['attempts']])).toEqual([
        [1, 'failed', 4], [2, 'done', 2], [3, 'done', 2], [4, 'done', 2], [5, 'done', 1], [6, 'done', 1],
      ]);
      expect((await sql`SELECT count(*)::int AS n FROM articles`)[0]!['n']).toBe(5);
    } finally {
      await sql.end();
    }
  }, 90_000);

  it('refuses a file database, an unreachable server and a web address with a clear message', () => {
    const file = rasd(['worker', '--db', join(dir, 'x.db'), '--drain']);
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/share their work through a PostgreSQL database/);
    const down = rasd(['enqueue', join(dir, 'six.jsonl'), '--db', 'postgres://rasd:secret@127.0.0.1:9/rasd']);
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/No PostgreSQL server answers at postgres:\/\/rasd:\*\*\*@127\.0\.0\.1:9\/rasd/);
    expect(down.stderr).not.toMatch(/secret/);
    const url = rasd(['enqueue', 'https://example.com/feed', '--db', db]);
    expect(url.status).toBe(2);
    expect(url.stderr).toMatch(/rasd ingest or rasd watch/);
  });
});
