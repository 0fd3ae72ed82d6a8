import { QueryError, type SearchQuery } from '../../store/search.js';
import { renderError, renderSearch } from '../views.js';
import { openArticleStore } from './db.js';

/** `rasd search`: ranked results with snippets, or JSON Lines with --json. Returns the exit status. */
export async function searchCommand(q: SearchQuery & { db: string; json: boolean }): Promise<number> {
  const store = await openArticleStore(q.db, true);
  if (!store) return 1;
  try {
    const t0 = performance.now();
    const r = await store.search(q);
    const ms = performance.now() - t0;
    if (q.json) {
      for (const h of r.hits) {
        const { text, ...rest } = h;
        process.stdout.write(JSON.stringify({ ...rest, snippet: { ...h.snippet, text: text.slice(h.snippet.span[0], h.snippet.span[1]) } }) + '\n');
      }
    } else process.stdout.write(renderSearch(r, q, ms));
    return 0;
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    process.stderr.write(renderError('search', e.message));
    return 1;
  } finally {
    await store.close();
  }
}
