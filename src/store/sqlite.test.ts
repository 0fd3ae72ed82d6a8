import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from './schema.js';
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
