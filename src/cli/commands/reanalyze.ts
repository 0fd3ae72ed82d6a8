import { DEFAULT_INGEST, Ingester } from '../../ingest/ingester.js';
import { reanalyze, staleIds } from '../../ingest/reanalyze.js';
import { Progress } from '../progress.js';
import { openArticleStore } from './db.js';

/** `rasd reanalyze`: redo the analyses made by older stage versions or before boilerplate was learned. */
export async function reanalyzeCommand(opts: { db: string; all: boolean; quiet: boolean }): Promise<number> {
  const store = await openArticleStore(opts.db);
  if (!store) return 1;
  try {
    const ing = new Ingester(store, { ...DEFAULT_INGEST, learnMin: await store.learnMin(undefined) });
    const ids = await staleIds(ing, { all: opts.all });
    const progress = new Progress('reanalyze', process.stderr, !opts.quiet);
    const t0 = Date.now();
    await reanalyze(ing, ids, (done, total) => progress.update({ done, total, detail: '' }));
    progress.done({ done: ids.length, total: ids.length, detail: '' });
    process.stderr.write(`${ids.length.toLocaleString('en')} article${ids.length === 1 ? '' : 's'} reanalysed in ${((Date.now() - t0) / 1000).toFixed(1)} s; the rest were up to date.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
