// Every message the store shows a user, in one place: full sentences that name the database file
// and say what to do next.

export class StoreError extends Error {}

export const storeErrors = {
  missing: (path: string) =>
    `There is no rasd database at ${path}; run \`rasd ingest\` first, or point --db (or RASD_DB) at an existing database.`,
  isDirectory: (path: string) =>
    `${path} is a directory, not a database file; pass a file path with --db, e.g. ${path.replace(/\/+$/, '')}/rasd.db.`,
  notADatabase: (path: string) =>
    `${path} is not a SQLite database, so rasd left it untouched; pass another path with --db.`,
  cannotOpen: (path: string, detail: string) =>
    /file is not a database|not a database/i.test(detail)
      ? storeErrors.notADatabase(path)
      : `The database ${path} could not be opened (${detail}); check that the path is writable and that no other program holds it locked.`,
  newerSchema: (path: string, found: number, known: number) =>
    `The database ${path} has schema version ${found}, made by a newer rasd (this one knows up to ${known}); upgrade rasd to use it. Nothing was changed.`,
  olderSchema: (path: string) =>
    `The database ${path} was made by an older rasd; run \`rasd ingest\` or \`rasd reanalyze\` once to upgrade it, then try again.`,
};
