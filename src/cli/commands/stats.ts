import { CURRENT_STAGES } from '../../ingest/ingester.js';
import { stats } from '../../store/stats.js';
import { renderStats } from '../views.js';
import { withReadStore } from './db.js';

export function statsCommand(opts: { db: string; json: boolean }): number {
  return withReadStore(opts.db, (store) => {
    const s = stats(store, CURRENT_STAGES);
    process.stdout.write(opts.json ? JSON.stringify(s) + '\n' : renderStats(s));
    return 0;
  }, 'rasd stats');
}
