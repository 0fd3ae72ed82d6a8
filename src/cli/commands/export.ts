// rasd export: the articles a search selects, as JSON Lines, CSV, ACLED or PLOVER (export/).
// Written to a file through a temporary one renamed at the end, so a failed export never leaves
// a truncated file that looks complete.
import { once } from 'node:events';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { exportLines, type ExportCounts, type ExportFormat, type ExportQuery } from '../../export/index.js';
import { QueryError } from '../../store/search.js';
import { renderError } from '../views.js';
import { withArticleStore } from './db.js';

export interface ExportOpts extends ExportQuery {
  db: string;
  format: ExportFormat;
  out?: string;
  quiet: boolean;
}

/** Runs the export on either store (a SQLite file or postgres://…); resolves to the exit status. */
export function exportCommand(opts: ExportOpts): Promise<number> {
  return withArticleStore(opts.db, async (store) => {
    const counts: ExportCounts = { articles: 0, records: 0, undated: 0 };
    const tmp = opts.out ? `${opts.out}.${process.pid}.tmp` : null;
    let fd: number | null = null;
    try {
      const lines = exportLines(store, opts.format, opts, counts);
      fd = tmp ? openSync(tmp, 'w') : null;
      // Lines are gathered into chunks: one write per line would dominate a large export. Standard
      // output goes through its stream, which waits for a slow reader (a pipe into gzip): written
      // directly, a full pipe failed the export with EAGAIN.
      let chunk = '';
      const flush = async () => {
        const out = chunk;
        chunk = '';
        if (fd !== null) writeSync(fd, out);
        else if (!process.stdout.write(out)) await once(process.stdout, 'drain');
      };
      for await (const line of lines) {
        chunk += line;
        if (chunk.length > 1 << 16) await flush();
      }
      await flush();
      if (fd !== null) {
        closeSync(fd);
        fd = null;
        renameSync(tmp!, opts.out!);
      }
    } catch (e) {
      if (fd !== null) closeSync(fd);
      if (tmp) rmSync(tmp, { force: true });
      if (e instanceof QueryError) {
        process.stderr.write(renderError('export', e.message));
        return 1;
      }
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EPIPE') return 0;
      if (err.code && opts.out) {
        process.stderr.write(renderError('export', `${opts.out} could not be written (${err.code}: ${err.message}); nothing was written there. Check the folder exists and is writable, and that the disk has room.`));
        return 1;
      }
      throw e;
    }
    if (!opts.quiet) {
      const undated = counts.undated ? `; ${counts.undated} undated events left out (PLOVER requires a date)` : '';
      process.stderr.write(`rasd: exported ${counts.records.toLocaleString('en')} ${opts.format} records from ${counts.articles.toLocaleString('en')} articles${opts.out ? ` to ${opts.out}` : ''}${undated}.\n`);
    }
    return 0;
  });
}
