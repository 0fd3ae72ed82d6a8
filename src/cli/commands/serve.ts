// rasd serve: the API and the web UI over HTTP, on loopback unless told otherwise. The database
// is opened read-only, so serving never changes it and can run beside `rasd ingest` or `watch`.
// Given a write token (a file, or $RASD_WRITE_TOKEN: never an argument, which `ps` shows to every
// user of the machine), it also opens the database for writing and accepts POST /api/articles.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenProblem } from '../../serve/auth.js';
import { DEFAULT_LIMITS, limitsProblem, type ServeLimits } from '../../serve/limits.js';
import { createApp } from '../../serve/server.js';
import { ArticleWriter } from '../../serve/write.js';
import { SqliteArticleStore } from '../../store/store.js';
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
  /** A file holding the write token; else $RASD_WRITE_TOKEN; neither: read-only. */
  writeTokenFile?: string;
  limits?: ServeLimits;
}

/** The write token from its file or the environment; undefined: none; null: given but unusable (said on stderr). */
function writeToken(file: string | undefined): string | undefined | null {
  const env = process.env['RASD_WRITE_TOKEN'];
  const refuse = (where: string, why: string) => (process.stderr.write(renderError(where, `The write token cannot be used: ${why}.`)), null);
  if (file !== undefined && env) return refuse('serve', 'both --write-token-file and $RASD_WRITE_TOKEN are set; give one');
  if (file === undefined) {
    if (env === undefined || env === '') return undefined;
    const problem = tokenProblem(env);
    return problem ? refuse('$RASD_WRITE_TOKEN', problem) : env;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return refuse(file, `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const token = text.replace(/\r?\n$/, '');
  const problem = tokenProblem(token);
  if (problem) return refuse(file, problem);
  // Like ssh with a private key: a token others can read is not a secret.
  if (process.platform !== 'win32' && statSync(file).mode & 0o077) {
    process.stderr.write(`rasd: warning: ${file} can be read by other users of this machine; make it private with chmod 600 ${file}.\n`);
  }
  return token;
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
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const problem = limitsProblem(limits);
  if (problem) {
    process.stderr.write(renderError('serve', problem));
    return 1;
  }
  const token = writeToken(opts.writeTokenFile);
  if (token === null) return 1;
  // With writes, the writable store is opened first: it brings an older database's schema up to
  // date, which the read-only one would refuse.
  if (token && !existsSync(opts.db)) {
    process.stderr.write(renderError(opts.db, 'There is no rasd database here; create it with `rasd ingest` first. A server that takes writes does not create one, so that a mistyped --db is not taken for a new database.'));
    return 1;
  }
  const writable = token ? openStore(opts.db, false) : null;
  if (token && !writable) return 1;
  const store = openStore(opts.db, true);
  if (!store) {
    writable?.close();
    return 1;
  }
  const writes = token && writable ? { token, writer: await ArticleWriter.open(new SqliteArticleStore(writable), store, limits.maxBodyBytes) } : undefined;
  const closeAll = () => (store.close(), writable?.close());
  const loopback = LOOPBACK.includes(opts.host);
  const webRoot = existsSync(join(WEB_ROOT, 'index.html')) ? WEB_ROOT : null;
  const app = createApp({
    store,
    limits,
    writes,
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
    closeAll();
    return 1;
  }
  // Ctrl-C and SIGTERM stop cleanly from the moment the address is out: whoever reads it may stop
  // the server at once, so the handlers go in first.
  const stopped = new Promise<void>((done) => {
    const stop = () => app.close(() => done());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  const address = app.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  if (writes) process.stderr.write('rasd: writes are on: POST /api/articles stores articles sent with the write token.\n');
  process.stderr.write(`rasd: serving ${opts.db} at http://${shown}:${port}/ (API: /api/openapi.json)${webRoot ? '' : ' — the web UI is not built: run `npm run build`'}\n`);
  if (!loopback) process.stderr.write('rasd: warning: listening beyond this machine; reading the API needs no authentication, so anyone who can reach the port can read the database.\n');
  await stopped;
  closeAll();
  return 0;
}
