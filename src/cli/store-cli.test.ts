// rasd ingest / search / stats / reanalyze as a user runs them, on the built program.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createPgDatabase, dropPgDatabases, PG_ADMIN, pgUrl } from '../store/testing.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'rasd.js');
const rasd = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1', ...env } });

/** A web archive of two article pages (and the request record a crawler writes before each). */
function warc(): Buffer {
  const record = (type: string, uri: string, block: string) => {
    const body = Buffer.from(block);
    const head = [`WARC/1.0`, `WARC-Type: ${type}`, `WARC-Target-URI: ${uri}`, 'WARC-Date: 2021-07-04T10:00:00Z', `WARC-Record-ID: <urn:uuid:${type}-${uri.length}-${block.length}>`,
      `Content-Type: application/http; msgtype=${type}`, `Content-Length: ${body.length}`].join('\r\n');
    return gzipSync(Buffer.concat([Buffer.from(head + '\r\n\r\n'), body, Buffer.from('\r\n\r\n')]));
  };
  const page = (title: string, text: string) =>
    `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;
  const pages: [string, string, string][] = [
    ['https://crawl.example/a/1', 'افتتاح معبر القائم', 'أعلنت هيئة المنافذ الحدودية افتتاح معبر القائم أمام حركة المسافرين والبضائع بعد إغلاق دام أشهرا، وقال رئيس الهيئة إن «المعبر سيعمل على مدار الساعة».'],
    ['https://crawl.example/a/2', 'تعزيزات في سنجار', 'أرسلت قيادة العمليات المشتركة تعزيزات عسكرية إلى قضاء سنجار غربي نينوى، وذكر بيان أن القوات ستتولى حماية الطرق الرئيسة والقرى المحيطة بالقضاء.'],
  ];
  return Buffer.concat(pages.flatMap(([uri, title, text]) => [record('request', uri, `GET ${uri} HTTP/1.1\r\n\r\n`), record('response', uri, page(title, text))]));
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-store-cli-'));
  cpSync(join(root, 'examples'), join(dir, 'in'), { recursive: true });
  mkdirSync(join(dir, 'in', 'nested'));
  writeFileSync(join(dir, 'in', 'nested', 'late.txt'), 'أكد قائد شرطة البصرة اللواء عباس ناجي أن «الوضع الأمني مستقر» في أحياء المدينة كافة، نافيا الأنباء عن اشتباكات عشائرية.\n');
  writeFileSync(join(dir, 'in', 'nested', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'in', 'nested', 'crawl.warc.gz'), warc());
  return dir;
}

describe('rasd ingest, search and stats', () => {
  it('stores a folder recursively, changes nothing the second time, and searches it', () => {
    const dir = folder();
    const db = join(dir, 'x.db');
    const first = rasd(['ingest', join(dir, 'in'), '--db', db]);
    expect(first.stderr).toMatch(/stored 7 · duplicates 0 · unchanged 0 · failed 0/);
    expect(first.stderr).toMatch(/1 file skipped: not an article format/);
    expect(first.status).toBe(0);
    const again = rasd(['ingest', join(dir, 'in'), '--db', db]);
    expect(again.stderr).toMatch(/stored 0 · duplicates 0 · unchanged 7 · failed 0/);
    const fromArchive = rasd(['search', 'سنجار', '--db', db, '--json']);
    expect(JSON.parse(fromArchive.stdout.trim())).toMatchObject({ url: 'https://crawl.example/a/2', title: 'تعزيزات في سنجار' });
    const found = rasd(['search', 'البصرة', '--db', db]);
    expect(found.status).toBe(0);
    expect(found.stdout).toMatch(/\[البصرة\]/);
    expect(found.stdout).toMatch(/1 article found/);
    const json = rasd(['search', 'شرطة', '--json'], { RASD_DB: db });
    const hit = JSON.parse(json.stdout.trim().split('\n')[0]!);
    expect(hit).toMatchObject({ source: expect.stringContaining('late.txt') });
    expect(hit.snippet.text).toContain('شرطة');
    const stats = JSON.parse(rasd(['stats', '--db', db, '--json']).stdout);
    expect(stats).toMatchObject({ articles: 7, originals: 7, outdated: 0 });
    expect(rasd(['reanalyze', '--db', db, '--all', '-q']).stderr).toMatch(/7 articles reanalysed/);
  }, 60_000);

  it('takes articles from standard input, each by its content', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'rasd-stdin-')), 's.db');
    const pipe = (text: string) => spawnSync(process.execPath, [bin, 'ingest', '-', '--db', db], { encoding: 'utf8', input: text, env: { ...process.env, NO_COLOR: '1' } });
    expect(pipe('قال محافظ نينوى إن "الطريق إلى سنجار سيفتح غدا" بعد إصلاح الجسر.\n').stderr).toMatch(/stored 1 /);
    expect(pipe('أعلنت وزارة الكهرباء أن ساعات التجهيز ستزداد في بغداد خلال الصيف الحالي.\n').stderr).toMatch(/stored 1 /);
    expect(pipe('قال محافظ نينوى إن "الطريق إلى سنجار سيفتح غدا" بعد إصلاح الجسر.\n').stderr).toMatch(/unchanged 1 /);
  }, 60_000);

  it('reports bad inputs and bad databases clearly, stores the rest, and exits 1', () => {
    const dir = folder();
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    const db = join(dir, 'x.db');
    const r = rasd(['ingest', join(dir, 'in'), join(dir, 'missing.txt'), '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/empty\.txt is empty/);
    expect(r.stderr).toMatch(/missing\.txt does not exist/);
    expect(r.stderr).toMatch(/stored 7 .* failed 2/);
    const none = rasd(['search', 'x', '--db', join(dir, 'nothing.db')]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/no rasd database at .*nothing\.db/);
    const notDb = join(dir, 'in', '01-border-security.txt');
    const bad = rasd(['ingest', join(dir, 'in', 'nested'), '--db', notDb]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not a SQLite database, so rasd left it untouched/);
    expect(rasd(['search', '--db', db]).status).toBe(2);
    expect(rasd(['search', 'x', '--from', '2024-13-40', '--db', db]).stderr).toMatch(/YYYY-MM-DD/);
  }, 60_000);
});

/** Articles that differ from each other: sentences drawn from a pool with numbers and places varied. */
function corpus(n: number): string {
  const places = ['الموصل', 'تكريت', 'الرمادي', 'الفلوجة', 'كركوك', 'بعقوبة', 'سامراء', 'بيجي', 'هيت', 'القائم'];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = places[i % places.length]!, q = places[(i * 7 + 3) % places.length]!;
    const content = [
      `أعلنت قيادة العمليات المشتركة في بيانها رقم ${i} أن قواتها نفذت عملية أمنية في محيط ${p} أسفرت عن اعتقال ${i % 13 + 2} مطلوبين.`,
      `وقال المتحدث باسم القيادة إن "العملية ${i * 3} استمرت ${i % 5 + 1} ساعات وشاركت فيها قوات من ${q}".`,
      `وأضاف أن الطيران الحربي دمر ${i % 9 + 1} أوكار في وادي ${q} وقرية رقم ${i * 11}، في حصيلة الأسبوع ${i}.`,
    ].join('\n\n');
    lines.push(JSON.stringify({ title: `عملية ${i} في ${p}`, content, url: `https://ops.example/${i}`, source: 'ops', date: '2021-05-04' }));
  }
  return lines.join('\n') + '\n';
}

describe('rasd ingest killed mid-run', () => {
  it('keeps every committed article, and a restart stores each article exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-kill-'));
    const file = join(dir, 'ops.jsonl');
    const N = 1500;
    writeFileSync(file, corpus(N));
    const db = join(dir, 'k.db');
    const child = spawn(process.execPath, [bin, 'ingest', file, '--db', db, '-q'], { cwd: root, stdio: 'ignore' });
    const count = () => {
      try {
        const d = new Database(db, { readonly: true, fileMustExist: true });
        try {
          return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
        } finally {
          d.close();
        }
      } catch {
        return 0;
      }
    };
    const exited = new Promise((res) => child.on('exit', res));
    for (let waited = 0; count() < 250 && waited < 60_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    const atKill = count();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(N); // killed before the end: the test means something
    const d = new Database(db);
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();

    const rerun = rasd(['ingest', file, '--db', db, '-q']);
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`unchanged ${atKill.toLocaleString('en')} · failed 0`));
    const check = new Database(db, { readonly: true });
    const rows = check.prepare('SELECT source, count(*) AS n FROM articles GROUP BY source').all() as { source: string; n: number }[];
    expect(rows).toHaveLength(N);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const indexed = check.prepare('SELECT count(*) AS n FROM search').get() as { n: number };
    const originals = check.prepare('SELECT count(*) AS n FROM articles WHERE duplicate_of IS NULL').get() as { n: number };
    expect(indexed.n).toBe(originals.n); // no half-stored article: every original is searchable
    check.close();
  }, 120_000);
});

describe('rasd contradictions, stories, who-said and timeline on the seed articles', () => {
  const seeds = join(root, '..', 'shared', 'seeds');
  it.skipIf(!existsSync(seeds))('finds the Iraqi foreign ministry against the Pentagon and the coalition denial, and no other contradiction', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'rasd-seeds-')), 's.db');
    expect(rasd(['ingest', seeds, '--db', db, '-q']).status).toBe(0);
    const r = JSON.parse(rasd(['contradictions', '--db', db, '--json']).stdout) as {
      contradictions: { a: { speaker: string; quote: string }; b: { speaker: string; organization: string | null } }[];
      denials: { denial: { speaker: string; quote: string }; claims: { speaker: string }[]; proposition: string | null }[];
    };
    expect(r.contradictions.length).toBeGreaterThan(0);
    for (const c of r.contradictions) {
      expect(c.a.speaker).toBe('وزارة الخارجية العراقية');
      expect(c.a.quote).toMatch(/لا توجد قوات أميركية/);
      expect([c.b.speaker, c.b.organization]).toContainEqual(expect.stringMatching(/البنتاغون|وزارة الدفاع الأميركية/));
    }
    const coalition = r.denials.find((d) => /تأوي داعش/.test(d.denial.quote));
    expect(coalition?.proposition).toMatch(/تاوي داعش/);
    const inaccurate = r.denials.find((d) => /غير الدقيقة/.test(d.denial.quote));
    expect(inaccurate?.claims.map((c) => c.speaker)).toContain('فيدانت باتيل');

    expect(rasd(['who-said', 'باتيل', '--db', db]).stdout).toMatch(/said by باتيل \(3\)/);
    expect(rasd(['stories', '--db', db, '--min', '1']).stdout).toMatch(/#1 /);
    expect(rasd(['timeline', '1', '--db', db]).stdout).toMatch(/^#1 /);
    expect(rasd(['timeline', '99', '--db', db]).status).toBe(1);
  }, 60_000);
});

describe.skipIf(!PG_ADMIN)('rasd export and stats on PostgreSQL', () => {
  it('export the same bytes and count the same figures as on SQLite; the link commands say where they work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasd-pg-export-'));
    const lite = join(dir, 'x.db');
    const name = await createPgDatabase();
    // A password in the address, to see that no message or figure shows it.
    const pg = pgUrl(name);
    try {
      for (const db of [lite, pg]) expect(rasd(['ingest', join(root, 'examples'), '--db', db, '-q']).status).toBe(0);
      // The two ingests ran at different moments: ACLED's timestamp column is the only thing that may differ.
      const at = '2024-03-16T08:00:00.000Z';
      const d = new Database(lite);
      d.prepare('UPDATE articles SET ingested_at = ?').run(at);
      d.close();
      const sql = postgres(pg, { max: 1, onnotice: () => {} });
      await sql`UPDATE articles SET ingested_at = ${at}`;
      await sql.end();

      for (const args of [['--format', 'csv'], ['--format', 'jsonl'], ['--format', 'acled'], ['--format', 'plover'], ['--format', 'csv', 'ربيعة'], ['--format', 'jsonl', '--from', '2024-01-01']]) {
        const a = rasd(['export', '--db', lite, ...args]), b = rasd(['export', '--db', pg, ...args]);
        expect(b.status, b.stderr).toBe(0);
        expect(b.stdout.length, args.join(' ')).toBeGreaterThan(0);
        expect(b.stdout, args.join(' ')).toBe(a.stdout);
        expect(b.stderr.replace(pg, 'DB')).toBe(a.stderr);
      }
      const out = join(dir, 'events.csv');
      const written = rasd(['export', '--db', pg, '--format', 'acled', '--out', out]);
      expect(written.stderr).toMatch(/exported 2 acled records from 4 articles to/);
      expect(readFileSync(out, 'utf8').startsWith('\uFEFFevent_id_cnty,event_date,year,')).toBe(true);
      expect(rasd(['export', '--db', pg, '--format', 'csv', 'ا*']).stderr).toMatch(/at least 2 letters/);

      const [a, b] = [lite, pg].map((db) => JSON.parse(rasd(['stats', '--db', db, '--json']).stdout) as Record<string, unknown>);
      const same = ({ path: _p, sizeBytes: _s, schemaVersion: _v, ...rest }: Record<string, unknown>) => rest;
      expect(same(b!)).toEqual(same(a!));
      expect(b!).toMatchObject({ articles: 4, path: expect.stringContaining(':***@') });
      expect(rasd(['stats', '--db', pg]).stdout).toMatch(/articles\s+4 \(4 originals/);

      const stories = rasd(['stories', '--db', pg]);
      expect(stories.status).toBe(1);
      expect(stories.stderr).toMatch(/SQLite databases only; on PostgreSQL use rasd search, rasd export, rasd stats/);
      expect(stories.stderr).not.toContain(':rasd@');
    } finally {
      await dropPgDatabases([name]);
    }
  }, 120_000);
});
