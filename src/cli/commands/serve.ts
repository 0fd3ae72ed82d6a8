// rasd serve: the API and the web UI over HTTP, on loopback unless told otherwise. The database
// is opened read-only, so serving never changes it and can run beside `rasd ingest` or `watch`.
import { existsSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../serve/server.js';
import { renderError } from '../views.js';
import { isPostgresUrl } from '../../store/postgres.js';
import { openStore, shownDb } from './db.js';

export interface ServeOpts {
  db: string;
  host: string;
  port: number;
  quiet: boolean;
  /** More host names to answer to (a proxy's, a DNS name); '*': any. */
  allowHosts: string[];
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/** The names a browser reaches this machine by: loopback, and beyond it its addresses and host name. */
function ownNames(loopback: boolean): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  if (loopback) return names;
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) names.push(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  }
  return [...names, hostname().toLowerCase()];
}
/** web/dist beside dist/: where `npm run build` puts the UI. */
const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');

export async function serveCommand(opts: ServeOpts): Promise<number> {
  if (isPostgresUrl(opts.db)) {
    process.stderr.write(renderError(shownDb(opts.db), 'rasd serve reads SQLite databases only for now; on PostgreSQL use rasd search and rasd worker --status.'));
    return 1;
  }
  const store = openStore(opts.db, true);
  if (!store) return 1;
  const loopback = LOOPBACK.includes(opts.host);
  const webRoot = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : null;
  const app = createApp({
    store,
    webRoot,
    version: '0.1.0',
    // A page from another site that rebinds its name to this machine's address must not read the API.
    hosts: opts.allowHosts.includes('*') ? [] : [...ownNames(loopback), ...opts.allowHosts.map((h) => h.toLowerCase())],
    log: opts.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
  });
  const listening = await new Promise<boolean>((done) => {
    app.once('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'EADDRINUSE' ? `port ${opts.port} is already in use; pass another with --port`
        : e.code === 'EACCES' ? `port ${opts.port} needs privileges; pass a port above 1023 with --port`
        : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' ? `this machine has no address ${opts.host}; pass one of its own with --host`
        : e.message;
      process.stderr.write(renderError('serve', `rasd could not listen on ${opts.host}:${opts.port}: ${why}.`));
      done(false);
    });
    app.listen(opts.port, opts.host, () => done(true));
  });
  if (!listening) {
    store.close();
    return 1;
  }
  const address = app.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  process.stderr.write(`rasd: serving ${opts.db} at http://${shown}:${port}/ (API: /api/openapi.json)${webRoot ? '' : ' — the web UI is not built: run `npm run build`'}\n`);
  if (!loopback) process.stderr.write('rasd: warning: listening beyond this machine; the API has no authentication, so anyone who can reach the port can read the database.\n');
  await new Promise<void>((done) => {
    const stop = () => app.close(() => done());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  store.close();
  return 0;
}
