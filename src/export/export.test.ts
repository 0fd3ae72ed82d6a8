// rasd export on the bundled examples: each format's shape, spans that point into the text, the
// search filters, and the file written whole or not at all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, csvCell, STATEMENT_COLUMNS } from './index.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'rasd.js');
const rasd = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 30_000 });
let dir: string, db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasd-export-'));
  db = join(dir, 'rasd.db');
  expect(rasd(['ingest', join(root, 'examples'), '--db', db, '-q']).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** RFC 4180 rows (quoted cells may hold commas, quotes and line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

const exported = (args: string[]) => {
  const r = rasd(['export', '--db', db, '-q', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};

describe('csvCell', () => {
  it('quotes what spreadsheets would split, and keeps a would-be formula as text', () => {
    expect(csvCell('قال: «نعم»')).toBe('قال: «نعم»');
    expect(csvCell('أولا، ثانيا, ثالثا')).toBe('"أولا، ثانيا, ثالثا"');
    expect(csvCell('قال "لا"')).toBe('"قال ""لا"""');
    expect(csvCell('سطر\nسطر')).toBe('"سطر\nسطر"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1 ضد داعش')).toBe("'-1 ضد داعش");
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('rasd export', () => {
  it('csv: one statement per row, UTF-8 with a byte-order mark, the quote at its span', () => {
    const out = exported(['--format', 'csv']);
    expect(out.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(out.slice(1));
    expect(header).toEqual(STATEMENT_COLUMNS);
    const articles = new Map(exported(['--format', 'jsonl']).trim().split('\n').map((l) => JSON.parse(l) as { id: number; text: string }).map((a) => [a.id, a.text]));
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r).toHaveLength(STATEMENT_COLUMNS.length);
      const cell = (name: string) => r[STATEMENT_COLUMNS.indexOf(name)]!;
      const text = articles.get(Number(cell('article_id')))!;
      expect(text.slice(Number(cell('span_start')), Number(cell('span_end')))).toBe(cell('quote').replace(/^'/, ''));
    }
  });

  it('jsonl: one article per line with its statements, entities and events', () => {
    const lines = exported(['--format', 'jsonl']).trim().split('\n').map((l) => JSON.parse(l) as { id: number; text: string; statements: { quote: string; span: [number, number] }[]; entities: unknown[]; events: unknown[] });
    expect(lines).toHaveLength(4);
    for (const a of lines) {
      expect(Array.isArray(a.entities) && Array.isArray(a.events)).toBe(true);
      for (const s of a.statements) expect(a.text.slice(...s.span)).toBe(s.quote);
    }
  });

  it("acled: the codebook's 31 columns in order, one event per row, pointing back to its sentence", () => {
    const [header, ...rows] = parseCsv(exported(['--format', 'acled']).slice(1));
    expect(header).toEqual([...ACLED_COLUMNS]);
    expect(rows).toHaveLength(2);
    const row = (r: string[]) => Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, r[i]!]));
    const strike = rows.map(row).find((r) => r['sub_event_type'] === 'Air/drone strike')!;
    expect(strike).toMatchObject({ event_type: 'Explosions/Remote violence', disorder_type: 'Political violence', location: 'ريف حماة الشمالي' });
    expect(strike['event_date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(strike['latitude'])).toBeCloseTo(35.1318, 3);
    expect(strike['tags']).toMatch(/^rasd article \d+; span \d+-\d+/);
    expect(Number(strike['fatalities'])).toBeGreaterThanOrEqual(0);
  });

  it('plover: one record per event with the required fields of the manual', () => {
    const records = exported(['--format', 'plover']).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    const categories = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'DEMAND', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
    for (const r of records) {
      expect(r).toHaveProperty('id');
      expect(r['date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Array.isArray(r['source'])).toBe(true);
      for (const e of r['event'] as string[]) expect(categories).toContain(e);
    }
    const strike = records.find((r) => (r['event'] as string[]).includes('ASSAULT'))!;
    expect(strike['mode']).toEqual(['heavy-weapons']);
    expect(strike['quad_code']).toBe(4);
  });

  it('selects articles as search does', () => {
    expect(exported(['--format', 'jsonl', '--from', '2024-01-01']).trim().split('\n').every((l) => (JSON.parse(l) as { published: string }).published >= '2024-01-01')).toBe(true);
    const one = exported(['--format', 'jsonl', 'منفذ', 'ربيعة']).trim().split('\n');
    expect(one).toHaveLength(1);
    expect(exported(['--format', 'jsonl', 'لاشيءيطابقهذا'])).toBe('');
  });

  it('waits for a slow reader of its output instead of failing (`rasd export | gzip`)', { timeout: 60_000 }, async () => {
    // Sixty articles of made-up words: several times what a pipe holds (64 KB on Linux).
    const big = join(dir, 'big.db');
    let seed = 7;
    const next = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), seed >>> 0);
    const letter = () => 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[next() % 28];
    const word = () => Array.from({ length: 3 + (next() % 5) }, letter).join('');
    const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ title: `خبر ${i}`, content: Array.from({ length: 60 }, () => `${Array.from({ length: 8 }, word).join(' ')}.`).join(' '), date: '2024-03-12', url: `https://news.example/${i}` }));
    writeFileSync(join(dir, 'big.jsonl'), lines.join('\n') + '\n');
    expect(rasd(['ingest', join(dir, 'big.jsonl'), '--db', big, '-q']).status).toBe(0);
    const whole = rasd(['export', '--db', big, '-q', '--format', 'jsonl']).stdout;
    expect(Buffer.byteLength(whole)).toBeGreaterThan(1 << 18);
    const child = spawn(process.execPath, [bin, 'export', '--db', big, '-q', '--format', 'jsonl'], { cwd: root });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    await new Promise((r) => setTimeout(r, 1500)); // nothing read meanwhile: the pipe fills
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    const status = await new Promise((r) => child.on('close', r));
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(Buffer.concat(out).toString('utf8')).toBe(whole);
  });

  it('writes a file whole, or leaves none and says why', () => {
    const out = join(dir, 'statements.csv');
    const r = rasd(['export', '--db', db, '--format', 'csv', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/exported \d+ csv records from 4 articles to/);
    expect(readFileSync(out, 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const missing = join(dir, 'no', 'such', 'folder', 'x.csv');
    const bad = rasd(['export', '--db', db, '--format', 'csv', '--out', missing]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/could not be written .*nothing was written there/);
    expect(existsSync(missing)).toBe(false);

    const format = rasd(['export', '--db', db, '--format', 'xlsx']);
    expect(format.status).not.toBe(0);
    expect(format.stderr).toMatch(/give one of jsonl, csv, acled, plover/);
    const query = rasd(['export', '--db', db, '--format', 'csv', 'ا*']);
    expect(query.status).toBe(1);
    expect(query.stderr).toMatch(/at least 2 letters/);
  });
});
