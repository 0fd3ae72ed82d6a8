import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { Store } from './sqlite.js';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'rasd-store-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opening a database', () => {
  it('creates and migrates a new file, and opens it again without migrating twice', () => {
    const path = join(dir, 'a.db');
    Store.open(path).close();
    const s = Store.open(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    s.close();
  });

  it('refuses a missing file for reading, a directory, and a file that is not a database, leaving it untouched', () => {
    expect(() => Store.open(join(dir, 'none.db'), { readonly: true })).toThrow(/no rasd database at .*rasd ingest/);
    mkdirSync(join(dir, 'folder'));
    expect(() => Store.open(join(dir, 'folder'))).toThrow(/is a directory/);
    const notes = join(dir, 'notes.txt');
    const text = 'not a database, but notes that must survive\n'.repeat(200);
    writeFileSync(notes, text);
    expect(() => Store.open(notes)).toThrow(/not a SQLite database, so rasd left it untouched/);
    expect(readFileSync(notes, 'utf8')).toBe(text);
  });

  it('upgrades a database of schema 4, keeping its statements, with the indexes the linker and search look up by, and reads it only once upgraded', () => {
    const path = join(dir, 'v4.db');
    const raw = new Database(path);
    for (const m of MIGRATIONS.slice(0, 4)) raw.exec(m);
    raw.pragma('user_version = 4');
    raw.prepare("INSERT INTO articles (id, key, source, kind, encoding, meta, raw, text, content_hash, analysis, stages, ingested_at, analysed_at) VALUES (1, 'k', 's', 'text', 'utf-8', '{}', x'', 't', 'h', x'', '', '', '')").run();
    raw.prepare("INSERT INTO statements (article_id, n, speaker, speaker_key, quote, quote_key, kind, stance, channel, date, span_start, span_end) VALUES (1, 0, 'الوزير', 'وزير', 'q', 'q', 'claim', 'neutral', 'statement', '2024-01-02', 0, 1)").run();
    raw.close();
    expect(() => Store.open(path, { readonly: true })).toThrow(/older rasd/);
    const s = Store.open(path);
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const plan = s.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM statements WHERE speaker_key = 'وزير' AND date BETWEEN '2024-01-01' AND '2024-01-03'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/statements_speaker_date \(speaker_key=\? AND date>\? AND date<\?\)/);
    const outlet = s.db.prepare("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE outlet = 'AAWSAT' COLLATE NOCASE AND published >= '2024-01-01'").all() as { detail: string }[];
    expect(outlet.map((p) => p.detail).join()).toMatch(/articles_outlet \(outlet=\? AND published>\?\)/);
    expect(s.db.prepare('SELECT count(*) AS n FROM statements').get()).toEqual({ n: 1 });
    s.close();
  });

  it('refuses a database made by a newer rasd without changing it', () => {
    const path = join(dir, 'future.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => Store.open(path)).toThrow(/newer rasd/);
    const again = new Database(path);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'articles'").get()).toEqual({ n: 0 });
    again.close();
  });
});
