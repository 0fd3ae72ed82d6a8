// Upgrading a PostgreSQL database made by an earlier rasd (RASD_TEST_PG; always in CI).
import { afterAll, describe, expect, it } from 'vitest';
import { PG_SCHEMA_VERSION, PgStore } from './postgres.js';
import { createPgDatabase, dropPgDatabases, PG_ADMIN, pgUrl } from './testing.js';

const made: string[] = [];
afterAll(() => dropPgDatabases(made));

describe.skipIf(!PG_ADMIN)('a PostgreSQL database of an earlier schema', () => {
  it('is refused for reading, and upgraded in place by a writer, keeping its rows', async () => {
    const name = await createPgDatabase();
    made.push(name);
    const url = pgUrl(name);
    const first = await PgStore.open(url);
    // Schema 1, as rasd made it before statements were indexed by speaker and day, and before
    // words were matched in the title and text together (schema 3).
    await first.db.exec(`CREATE INDEX statements_speaker ON statements(speaker_key); DROP INDEX statements_speaker_date;
      CREATE INDEX search_title ON search USING gin (title); CREATE INDEX search_body ON search USING gin (body); DROP INDEX search_text;
      CREATE INDEX articles_outlet ON articles(outlet, published); DROP INDEX articles_outlet_folded`);
    await first.db.run("UPDATE meta SET value = '1' WHERE key = 'pg_schema_version'");
    await first.db.run("INSERT INTO meta (key, value) VALUES ('kept', 'yes')");
    await first.close();
    await expect(PgStore.open(url, { readonly: true })).rejects.toThrow(/older rasd/);
    const upgraded = await PgStore.open(url);
    expect(await upgraded.getMeta('pg_schema_version')).toBe(String(PG_SCHEMA_VERSION));
    expect(await upgraded.getMeta('kept')).toBe('yes');
    const indexes = await upgraded.db.all<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'statements' AND indexname LIKE 'statements_speaker%'");
    expect(indexes.map((i) => i.indexname)).toEqual(['statements_speaker_date']);
    const named = await upgraded.db.all<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename IN ('search', 'articles') ORDER BY indexname");
    expect(named.map((i) => i.indexname)).toEqual(expect.arrayContaining(['articles_outlet_folded', 'search_text']));
    expect(named.map((i) => i.indexname)).not.toEqual(expect.arrayContaining(['search_title']));
    expect(named.map((i) => i.indexname)).not.toEqual(expect.arrayContaining(['articles_outlet']));
    await upgraded.close();
    await (await PgStore.open(url, { readonly: true })).close();
  });
});

describe.skipIf(!PG_ADMIN)('searching a PostgreSQL store', () => {
  it('keeps the planner off whole-table scans for the search only: the session and the caller\'s transaction are as they were', async () => {
    const name = await createPgDatabase();
    made.push(name);
    const store = await PgStore.open(pgUrl(name));
    try {
      const setting = async () => (await store.db.get<{ enable_seqscan: string }>('SHOW enable_seqscan'))!.enable_seqscan;
      await store.search({ text: 'العراق', limit: 10 });
      expect(store.db.inTransaction).toBe(false);
      expect(await setting()).toBe('on');
      await store.beginRead();
      await store.selectedIds({ text: 'العراق' });
      expect(store.db.inTransaction).toBe(true);
      expect(await setting()).toBe('on');
      await store.db.exec('COMMIT');
    } finally {
      await store.close();
    }
  });
});
