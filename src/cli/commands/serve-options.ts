// The flags of `rasd serve`, declared here beside the command rather than in cli/index.ts: the
// limits are many, and their defaults live in serve/limits.ts. This module stays light (commander
// only) so that `rasd --help` does not load the server.
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_LIMITS, type ServeLimits } from '../../serve/limits.js';

const whole = (min: number, max: number, what: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${what} from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}.`);
  return n;
};
const seconds = (v: string): number => {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim());
  const ms = m ? Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm'] : NaN;
  if (!(ms >= 100 && ms <= 3_600_000)) throw new InvalidArgumentError('expected a duration from 100ms to 60m, such as 10s or 500ms.');
  return ms;
};
/** A duration flag whose default is shown as a duration (10s), not as milliseconds. */
const duration = (flags: string, description: string, ms: number): Option =>
  new Option(flags, description).argParser(seconds).default(ms, ms % 1000 ? `${ms}ms` : `${ms / 1000}s`);
const rate = (v: string): number => {
  if (v === 'off') return 0;
  const n = Number(v);
  if (!(n > 0 && n <= 1_000_000)) throw new InvalidArgumentError("expected requests per second (a number above 0, e.g. 20 or 0.5), or 'off'.");
  return n;
};

export interface ServeFlags {
  db?: string;
  host: string;
  port: number;
  quiet?: boolean;
  allowHost: string;
  writeTokenFile?: string;
  maxUrlBytes: number;
  maxHeaderBytes: number;
  maxBodyBytes: number;
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  maxConnections: number;
  rateLimit: number;
  rateBurst: number;
}

const D = DEFAULT_LIMITS;

/** Declares `rasd serve` on the program: its flags, and an action that loads the server only when run. */
export function defineServe(program: Command): Command {
  return program
    .command('serve')
    .description('The JSON API (documented at /api/openapi.json) and the web UI, on loopback by default. The database is only read, unless a write token is given: then POST /api/articles stores articles for requests that carry it.')
    .option('--db <path>', 'the database file (default: $RASD_DB, else ./rasd.db)')
    .option('--host <address>', 'the address to listen on; anything but loopback exposes the database to the network', '127.0.0.1')
    .option('--port <n>', 'the port (0: any free port)', (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
      return n;
    }, 8080)
    .option('--allow-host <names>', "comma-separated host names to answer to besides this machine's own (a proxy's, a DNS name); '*' for any", '')
    .option('--write-token-file <file>', 'accept POST /api/articles from requests with «Authorization: Bearer TOKEN», TOKEN being this file\'s content (at least 16 characters); or set $RASD_WRITE_TOKEN. Never on the command line, where ps shows it. Without either, the API is read-only')
    .option('--max-url-bytes <n>', 'longest request address, in bytes (414 beyond)', whole(256, 1_000_000, 'a number of bytes'), D.maxUrlBytes)
    .option('--max-header-bytes <n>', 'largest request head, address and headers, in bytes (431 beyond)', whole(1024, 1_000_000, 'a number of bytes'), D.maxHeaderBytes)
    .option('--max-body-bytes <n>', 'largest body of POST /api/articles, in bytes (413 beyond)', whole(1024, 100 * 1024 * 1024, 'a number of bytes'), D.maxBodyBytes)
    .addOption(duration('--headers-timeout <time>', 'time a client has to send the request head (408 after); bounds slow clients', D.headersTimeoutMs))
    .addOption(duration('--request-timeout <time>', 'time a client has to send the whole request, body included (408 after)', D.requestTimeoutMs))
    .addOption(duration('--keep-alive-timeout <time>', 'how long an idle connection is kept open', D.keepAliveTimeoutMs))
    .option('--max-connections <n>', 'connections open at once, all clients together (503 beyond)', whole(1, 100_000, 'a number'), D.maxConnections)
    .option('--rate-limit <n>', "requests per second one client address may make on average (429 beyond, with Retry-After); 'off': no limit", rate, D.ratePerSecond)
    .option('--rate-burst <n>', 'requests one client address may make at once before --rate-limit applies', whole(1, 1_000_000, 'a number'), D.rateBurst)
    .option('-q, --quiet', 'do not log requests')
    .addHelpText('after', `
Limits: every refusal is a JSON error that names the limit and its flag. Durations: 10s, 500ms, 2m.
Writes: the token is read from --write-token-file (a final line break ignored) or $RASD_WRITE_TOKEN
and compared in constant time; the database is then opened for writing too (one writer, writes
serialised). Without a token, POST answers 405; with one, a request without it 401, a wrong one 403.`)
    .action(async (o: ServeFlags) => {
      const [{ serveCommand }, { dbPath }] = await Promise.all([import('./serve.js'), import('./db.js')]);
      process.exitCode = await serveCommand({ ...toServeOpts(o), db: dbPath(o.db) });
    });
}

/** The parsed flags as serveCommand takes them. */
export function toServeOpts(o: ServeFlags) {
  const limits: ServeLimits = {
    maxUrlBytes: o.maxUrlBytes, maxHeaderBytes: o.maxHeaderBytes, maxBodyBytes: o.maxBodyBytes, headersTimeoutMs: o.headersTimeout,
    requestTimeoutMs: o.requestTimeout, keepAliveTimeoutMs: o.keepAliveTimeout, maxConnections: o.maxConnections, ratePerSecond: o.rateLimit, rateBurst: o.rateBurst,
  };
  return {
    host: o.host, port: o.port, quiet: !!o.quiet, allowHosts: o.allowHost.split(',').map((h) => h.trim()).filter(Boolean),
    writeTokenFile: o.writeTokenFile, limits,
  };
}
