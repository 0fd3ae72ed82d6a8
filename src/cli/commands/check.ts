// rasd check: whether a store is consistent (store/integrity.ts), e.g. after a crash, a full disk
// or a copy made while rasd was writing. Reads only: the store is opened read-only.
import { checkStore } from '../../store/integrity.js';
import { renderError } from '../views.js';
import { openArticleStore, shownDb } from './db.js';

/** Prints the problems found (or that there are none) and the store's figures; 1 when anything is wrong. */
export async function checkCommand(opts: { db: string; json: boolean }): Promise<number> {
  const store = await openArticleStore(opts.db, true);
  if (!store) return 1;
  try {
    const started = Date.now();
    const r = await checkStore(store);
    const seconds = (Date.now() - started) / 1000;
    if (opts.json) {
      process.stdout.write(JSON.stringify({ db: shownDb(opts.db), ...r, seconds }) + '\n');
      return r.ok ? 0 : 1;
    }
    const held = Object.entries(r.figures).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ');
    if (r.ok) {
      process.stdout.write(`${shownDb(opts.db)} is consistent (${held}); checked in ${seconds.toFixed(1)} s.\n`);
      return 0;
    }
    for (const p of r.problems) {
      process.stderr.write(renderError(shownDb(opts.db), `${p.count.toLocaleString('en')} × ${p.check}; for example ${p.examples.join(' ')}`));
    }
    process.stderr.write(
      `${r.problems.length} check${r.problems.length === 1 ? '' : 's'} failed on ${shownDb(opts.db)} (${held}). ` +
        'Keep a copy of the database as it is, then restore it from a backup or ingest its sources again into a new one.\n',
    );
    return 1;
  } finally {
    await store.close();
  }
}
