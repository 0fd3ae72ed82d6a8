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
    // Schema 1, as rasd made it before statements were indexed by speaker and day.
    await first.db.exec('CREATE INDEX statements_speaker ON statements(speaker_key); DROP INDEX statements_speaker_date');
    await first.db.run("UPDATE meta SET value = '1' WHERE key = 'pg_schema_version'");
    await first.db.run("INSERT INTO meta (key, value) VALUES ('kept', 'yes')");
    await first.close();
    await expect(PgStore.open(url, { readonly: true })).rejects.toThrow(/older rasd/);
    const upgraded = await PgStore.open(url);
    expect(await upgraded.getMeta('pg_schema_version')).toBe(String(PG_SCHEMA_VERSION));
    expect(await upgraded.getMeta('kept')).toBe('yes');
    const indexes = await upgraded.db.all<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'statements' AND indexname LIKE 'statements_speaker%'");
    expect(indexes.map((i) => i.indexname)).toEqual(['statements_speaker_date']);
    await upgraded.close();
    await (await PgStore.open(url, { readonly: true })).close();
  });
});
