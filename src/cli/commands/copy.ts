// rasd copy: a whole store into a new, empty one (store/copy.ts), e.g. an archive built on a
// laptop into the team's PostgreSQL database. A copy that fails leaves the destination empty, and
// a SQLite file it created is removed again.
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { copyStore, type CopyProgress } from '../../store/copy.js';
import { StoreError } from '../../store/errors.js';
import { isPostgresUrl } from '../../store/postgres.js';
import { Progress } from '../progress.js';
import { renderError } from '../views.js';
import { openArticleStore, shownDb } from './db.js';

export async function copyCommand(opts: { from: string; to: string; quiet: boolean }): Promise<number> {
  const same = isPostgresUrl(opts.from) || isPostgresUrl(opts.to) ? opts.from === opts.to : existsSync(opts.to) && realpath(opts.from) === realpath(opts.to);
  if (same) {
    process.stderr.write(renderError(shownDb(opts.to), 'is both the source and the destination; copy into a new database.'));
    return 1;
  }
  const src = await openArticleStore(opts.from, true);
  if (!src) return 1;
  const created = !isPostgresUrl(opts.to) && !existsSync(opts.to);
  const dst = await openArticleStore(opts.to);
  if (!dst) {
    await src.close();
    return 1;
  }
  const started = Date.now();
  // One progress line per table, closed with that table's last figures when the next begins.
  const shown: { bar: Progress | null; last: CopyProgress | null } = { bar: null, last: null };
  const close = (): void => void (shown.last && shown.bar?.done({ ...shown.last, detail: '' }));
  const onProgress = (p: CopyProgress): void => {
    if (p.table !== shown.last?.table) {
      close();
      shown.bar = new Progress(`copy ${p.table}`, process.stderr, !opts.quiet);
    }
    shown.last = p;
    shown.bar!.update({ ...p, detail: '' });
  };
  let failed: unknown = null;
  let figures: Record<string, number> = {};
  try {
    figures = await copyStore(src, dst, onProgress);
    close();
  } catch (e) {
    failed = e;
  } finally {
    await src.close();
    await dst.close();
  }
  if (failed) {
    if (created) for (const f of [opts.to, `${opts.to}-wal`, `${opts.to}-shm`]) rmSync(f, { force: true });
    const why = failed instanceof Error ? failed.message : String(failed);
    process.stderr.write(renderError(shownDb(opts.to), failed instanceof StoreError ? why : `the copy failed (${why}); nothing was copied${created ? ' and the new file was removed' : ''}.`));
    return 1;
  }
  if (!opts.quiet) {
    const held = ['articles', 'statements', 'entities', 'events', 'stories', 'search'].map((k) => `${(figures[k] ?? 0).toLocaleString('en')} ${k === 'search' ? 'search rows' : k}`).join(', ');
    process.stderr.write(`Copied ${shownDb(opts.from)} to ${shownDb(opts.to)}: ${held}; in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  }
  return 0;
}

function realpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
