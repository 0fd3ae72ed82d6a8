import { CURRENT_STAGES } from '../../ingest/ingester.js';
import { renderStats } from '../views.js';
import { withArticleStore } from './db.js';

/** `rasd stats` on either store (a SQLite file or postgres://…); resolves to the exit status. */
export function statsCommand(opts: { db: string; json: boolean }): Promise<number> {
  return withArticleStore(opts.db, async (store) => {
    const s = await store.stats(CURRENT_STAGES);
    process.stdout.write(opts.json ? JSON.stringify(s) + '\n' : renderStats(s));
    return 0;
  });
}
