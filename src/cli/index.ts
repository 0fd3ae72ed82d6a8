// Command-line entry. Commands load their modules lazily so that `rasd --help` stays fast.
import { Command, InvalidArgumentError } from 'commander';
import { addFetchOptions, addRatioOption, fetchOptionsOf, type FetchCliValues } from '../acquire/fetch-cli.js';
import { defineServe } from './commands/serve-options.js';

// `rasd analyze … | head` closes the pipe early: stop quietly, as other Unix tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const program = new Command();
program
  .name('rasd')
  .description('رصد — reads Arabic news and turns it into source-linked knowledge: who said what, when, with what stance.')
  .version('0.1.0');

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number of bytes greater than 0.');
  return n;
};

const count = (v: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n <= 0 || n > 1_000_000) throw new InvalidArgumentError('expected a whole number from 1 to 1,000,000.');
  return n;
};

/** Limits on reading files that stand between rasd and a hostile input (see docs/threat-model.md). */
const readLimits = (c: Command): Command => c
  .option('--max-depth <n>', 'refuse JSON records nested deeper than this, and read HTML nested deeper as plain text (default 512)', count);
interface ReadLimitValues { maxDepth?: number; maxRatio?: number }
const readLimitsOf = (o: ReadLimitValues): ReadLimitValues => ({ maxDepth: o.maxDepth, maxRatio: o.maxRatio });

addRatioOption(readLimits(program
  .command('analyze')
  .description('Analyse articles (.txt, .html, .json, .jsonl, .jsonl.gz, .warc, .warc.gz, or - for standard input) and print what they report.')
  .argument('<files...>', 'files to analyse')
  .option('--jsonl', 'print one JSON object per article (the analysis contract) instead of the readable view')
  .option('--max-bytes <n>', 'refuse files larger than this many bytes, raw or decompressed; for JSON Lines and web archives, records larger than this (default 20 MB)', positiveInt, 20 * 1024 * 1024)))
  .action(async (files: string[], opts: { jsonl?: boolean; maxBytes: number } & ReadLimitValues) => {
    const { analyzeCommand } = await import('./commands/analyze.js');
    process.exitCode = await analyzeCommand(files, { jsonl: !!opts.jsonl, maxBytes: opts.maxBytes, ...readLimitsOf(opts) });
  });

const share = (v: string): number => {
  const n = Number(v);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a number greater than 0 and at most 1, e.g. 0.8.');
  return n;
};
const nonNegative = (v: string): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0 || n > 1_000_000_000) throw new InvalidArgumentError('expected a whole number from 0 to 1,000,000,000.');
  return n;
};
const day = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('expected a day as YYYY-MM-DD, e.g. 2021-09-04.');
  return v;
};
const duration = (v: string): number => {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new InvalidArgumentError('expected a duration such as 500ms, 30s, 15m or 1h.');
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
};
const DB_HELP = 'the database file (default: $RASD_DB, else ./rasd.db)';
const STORE_HELP = 'the database: a file, or a PostgreSQL address postgres://user:password@host/db (default: $RASD_DB, else ./rasd.db)';

addFetchOptions(readLimits(program
  .command('ingest')
  .description('Analyse and store articles: files, folders (recursively), .jsonl(.gz) corpora, WARC archives, RSS/Atom feeds, sitemaps, article URLs.')
  .argument('<inputs...>', 'paths, folders and http(s) URLs')
  .option('--db <path>', STORE_HELP)
  .option('--near-threshold <share>', 'shingle overlap from which an article is a near-duplicate of an earlier one', share, 0.8)
  .option('--learn-min <n>', "a short line in this many of an outlet's articles is its boilerplate (kept in the database; default 5)", count)
  .option('--max-bytes <n>', 'refuse files larger than this many bytes, raw or decompressed; for JSON Lines and web archives, records larger than this; for URLs, pages and feeds larger than this once decompressed (default 20 MB)', positiveInt, 20 * 1024 * 1024)
  .option('--timeout <duration>', 'give up on a web request after this long', duration, 20_000)
  .option('--host-interval <duration>', 'wait at least this long between two requests to one host', duration, 1000)
  .option('-q, --quiet', 'no progress output')))
  .action(async (inputs: string[], o: { db?: string; nearThreshold: number; learnMin?: number; maxBytes: number; timeout: number; hostInterval: number; quiet?: boolean } & FetchCliValues & ReadLimitValues) => {
    const [{ ingestCommand }, { dbPath }] = await Promise.all([import('./commands/ingest.js'), import('./commands/db.js')]);
    process.exitCode = await ingestCommand(inputs, {
      db: dbPath(o.db), nearThreshold: o.nearThreshold, learnMin: o.learnMin, maxBytes: o.maxBytes,
      timeoutMs: o.timeout, perHostMs: o.hostInterval, quiet: !!o.quiet, ...fetchOptionsOf(o), ...readLimitsOf(o),
    });
  });

addFetchOptions(program
  .command('watch')
  .description('Poll feeds and sitemaps on an interval (conditional requests, robots.txt, per-host rate limit) and store new articles; resumes after a restart.')
  .argument('<feeds...>', 'feed or sitemap URLs')
  .option('--db <path>', STORE_HELP)
  .option('--every <duration>', 'time between two polls of the feeds', duration, 15 * 60_000)
  .option('--once', 'poll once and exit')
  .option('--timeout <duration>', 'give up on a web request after this long', duration, 20_000)
  .option('--host-interval <duration>', 'wait at least this long between two requests to one host', duration, 1000)
  .option('--max-bytes <n>', 'refuse pages and feeds larger than this many bytes once decompressed (default 20 MB)', positiveInt, 20 * 1024 * 1024)
  .option('--near-threshold <share>', 'shingle overlap from which an article is a near-duplicate', share, 0.8)
  .option('-q, --quiet', 'only the summary of each poll'))
  .action(async (feeds: string[], o: { db?: string; every: number; once?: boolean; timeout: number; hostInterval: number; maxBytes: number; nearThreshold: number; quiet?: boolean } & FetchCliValues) => {
    const [{ watchCommand }, { dbPath }] = await Promise.all([import('./commands/watch.js'), import('./commands/db.js')]);
    process.exitCode = await watchCommand(feeds, {
      db: dbPath(o.db), everyMs: o.every, once: !!o.once, timeoutMs: o.timeout, perHostMs: o.hostInterval, maxBytes: o.maxBytes,
      nearThreshold: o.nearThreshold, quiet: !!o.quiet, ...fetchOptionsOf(o),
    });
  });

const PG_HELP = 'the PostgreSQL database the workers share: postgres://user:password@host/db (default: $RASD_DB)';

addRatioOption(readLimits(program
  .command('enqueue')
  .description('Queue files, folders and .jsonl(.gz) corpora in a PostgreSQL database, for rasd worker processes to analyse and store.')
  .argument('<inputs...>', 'paths and folders')
  .option('--db <url>', PG_HELP)
  .option('--max-bytes <n>', 'refuse files (and records) larger than this many bytes (default 20 MB)', positiveInt, 20 * 1024 * 1024)
  .option('-q, --quiet', 'no progress output')))
  .action(async (inputs: string[], o: { db?: string; maxBytes: number; quiet?: boolean } & ReadLimitValues) => {
    const [{ enqueueCommand }, { dbPath }] = await Promise.all([import('./commands/worker.js'), import('./commands/db.js')]);
    process.exitCode = await enqueueCommand(inputs, { db: dbPath(o.db), maxBytes: o.maxBytes, quiet: !!o.quiet, ...readLimitsOf(o) });
  });

program
  .command('worker')
  .description('Analyse and store queued articles (rasd enqueue), sharing the queue with any number of other workers; Ctrl-C finishes the batch in hand.')
  .option('--db <url>', PG_HELP)
  .option('--batch <n>', 'jobs claimed and stored together', count, 20)
  .option('--lease <duration>', 'how long claimed jobs stay this worker\'s before others retry them (a crashed worker\'s jobs wait this long)', duration, 120_000)
  .option('--drain', 'exit once the queue is empty instead of waiting for more')
  .option('--idle <duration>', 'how long to wait before looking at an empty queue again', duration, 2000)
  .option('--name <name>', 'this worker\'s name in rasd worker --status (default host:pid)')
  .option('--near-threshold <share>', 'shingle overlap from which an article is a near-duplicate', share, 0.8)
  .option('--status', 'show the queue and the workers, and exit')
  .option('--json', 'with --status: as one JSON object')
  .option('-q, --quiet', 'no progress output')
  .action(async (o: { db?: string; batch: number; lease: number; drain?: boolean; idle: number; name?: string; nearThreshold: number; status?: boolean; json?: boolean; quiet?: boolean }) => {
    const [{ workerCommand, workerStatusCommand }, { dbPath }] = await Promise.all([import('./commands/worker.js'), import('./commands/db.js')]);
    const db = dbPath(o.db);
    process.exitCode = o.status
      ? await workerStatusCommand({ db, json: !!o.json })
      : await workerCommand({ db, batch: o.batch, leaseMs: o.lease, drain: !!o.drain, idleMs: o.idle, name: o.name, nearThreshold: o.nearThreshold, quiet: !!o.quiet });
  });

/** The filters of a search, shared by the commands that select articles as search does. */
const searchFilters = (cmd: Command): Command =>
  cmd
    .option('--outlet <name>', 'only articles of this outlet')
    .option('--from <day>', 'published on or after this day (YYYY-MM-DD)', day)
    .option('--to <day>', 'published on or before this day (YYYY-MM-DD)', day)
    .option('--speaker <name>', 'only articles quoting this speaker (any part of the name)')
    .option('--entity <name>', 'only articles naming this person, organisation or place');

searchFilters(program
  .command('search')
  .description('Search the stored articles in Arabic as you type it (hamza, harakat, ى/ي, ة/ه and attached و ف ب ل ك ال do not matter).')
  .argument('[query...]', 'words (all must occur), "a phrase", word* (any ending), -word (excluded), OR')
  .option('--db <path>', STORE_HELP))
  .option('-n, --limit <n>', 'results to show', count, 10)
  .option('--offset <n>', 'skip this many results (paging)', nonNegative, 0)
  .option('--json', 'one JSON object per result')
  .action(async (words: string[], o: { db?: string; outlet?: string; from?: string; to?: string; speaker?: string; entity?: string; limit: number; offset: number; json?: boolean }) => {
    const [{ searchCommand }, { dbPath }] = await Promise.all([import('./commands/search.js'), import('./commands/db.js')]);
    const text = words.join(' ');
    if (!text.trim() && !o.speaker && !o.entity && !o.outlet && !o.from && !o.to) {
      console.error('rasd: search needs a query or a filter (--speaker, --entity, --outlet, --from, --to); see rasd search --help.');
      process.exitCode = 2;
      return;
    }
    process.exitCode = await searchCommand({ ...o, text, db: dbPath(o.db), json: !!o.json });
  });

program
  .command('stats')
  .description('What the database holds: articles, duplicates, outlets, dates, extracted records.')
  .option('--db <path>', DB_HELP)
  .option('--json', 'as one JSON object')
  .action(async (o: { db?: string; json?: boolean }) => {
    const [{ statsCommand }, { dbPath }] = await Promise.all([import('./commands/stats.js'), import('./commands/db.js')]);
    process.exitCode = await statsCommand({ db: dbPath(o.db), json: !!o.json });
  });

program
  .command('reanalyze')
  .description('Bring stored analyses up to date after rasd improved (changed stage versions) or learned new boilerplate.')
  .option('--db <path>', STORE_HELP)
  .option('--all', 'reanalyse every article, current or not')
  .option('-q, --quiet', 'no progress output')
  .action(async (o: { db?: string; all?: boolean; quiet?: boolean }) => {
    const [{ reanalyzeCommand }, { dbPath }] = await Promise.all([import('./commands/reanalyze.js'), import('./commands/db.js')]);
    process.exitCode = await reanalyzeCommand({ db: dbPath(o.db), all: !!o.all, quiet: !!o.quiet });
  });

type LinkOpts = { db?: string; from?: string; to?: string; limit: number; json?: boolean };
const linkOptions = (c: Command, limit: number) =>
  c.option('--db <path>', DB_HELP)
    .option('--from <day>', 'on or after this day (YYYY-MM-DD)', day)
    .option('--to <day>', 'on or before this day (YYYY-MM-DD)', day)
    .option('-n, --limit <n>', 'at most this many', count, limit)
    .option('--json', 'JSON instead of the readable view');
const common = async (o: LinkOpts) => {
  const { dbPath } = await import('./commands/db.js');
  return { db: dbPath(o.db), from: o.from, to: o.to, limit: o.limit, json: !!o.json };
};

linkOptions(program.command('stories').description('Stories: the articles about one happening, across outlets and days, largest first.'), 20)
  .option('--min <n>', 'only stories with at least this many articles', count, 2)
  .action(async (o: LinkOpts & { min: number }) => {
    const { storiesCommand } = await import('./commands/links.js');
    process.exitCode = storiesCommand({ ...(await common(o)), min: o.min });
  });

linkOptions(program.command('timeline').description('A story (its number from rasd stories) day by day, or a name: the stories naming it and what it said and what was said about it.'), 50)
  .argument('<story-or-name>', 'a story number (e.g. 12 or #12) or a name')
  .action(async (target: string, o: LinkOpts) => {
    const { timelineCommand } = await import('./commands/links.js');
    process.exitCode = timelineCommand(target, await common(o));
  });

linkOptions(
  program.command('who-said').description(
    'Statements by a person or organisation and statements naming it. A name known as an entity (`rasd entities`) finds that entity\'s statements under all its names; a surname several people share lists each of them; other names match any part of the speaker or organisation.',
  ),
  50,
)
  .argument('<name>', 'a name as written in Arabic, e.g. الكاظمي or "وزارة الخارجية"')
  .option('--id <n>', 'only the entity with this number (from `rasd entities`)', (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected an entity number from `rasd entities`, e.g. 12.');
    return n;
  })
  .action(async (name: string, o: LinkOpts & { id?: number }) => {
    const { whoSaidCommand } = await import('./commands/links.js');
    process.exitCode = whoSaidCommand(name, { ...(await common(o)), id: o.id });
  });

linkOptions(program.command('entities').description('People, organisations and places, one identity each across articles, with every name they were written under; the most mentioned first.'), 30)
  .argument('[name]', 'only entities with a name containing this')
  .option('--type <type>', 'only PER, ORG, GPE, LOC or FAC', (v: string) => {
    const t = v.toUpperCase();
    if (!['PER', 'ORG', 'GPE', 'LOC', 'FAC'].includes(t)) throw new InvalidArgumentError('give one of PER, ORG, GPE, LOC, FAC.');
    return t;
  })
  .action(async (name: string | undefined, o: LinkOpts & { type?: string }) => {
    const { entitiesCommand } = await import('./commands/links.js');
    process.exitCode = entitiesCommand(name, { ...(await common(o)), type: o.type });
  });

linkOptions(program.command('contradictions').description('Statements from different speakers that assert and negate the same thing, and denials linked to the claims they deny, each with the reason.'), 50)
  .option('--window <days>', 'compare statements at most this many days apart', count, 7)
  .option('--min-overlap <share>', 'share of the shorter clause two statements must have in common', share, 0.5)
  .option('--min-shared <n>', 'content words two statements must share at least', count, 2)
  .action(async (o: LinkOpts & { window: number; minOverlap: number; minShared: number }) => {
    const { contradictionsCommand } = await import('./commands/links.js');
    process.exitCode = contradictionsCommand({ ...(await common(o)), windowDays: o.window, minOverlap: o.minOverlap, minShared: o.minShared });
  });

searchFilters(program
  .command('export')
  .description('Export the articles a search selects: jsonl (articles with everything extracted), csv (statements; opens in spreadsheets), acled (events in ACLED columns), plover (events as PLOVER records).')
  .argument('[query...]', 'as for rasd search; none: every article')
  .requiredOption('--format <format>', 'jsonl, csv, acled or plover', (v: string) => {
    if (!['jsonl', 'csv', 'acled', 'plover'].includes(v)) throw new InvalidArgumentError('give one of jsonl, csv, acled, plover.');
    return v;
  })
  .option('--db <path>', DB_HELP)
  .option('-o, --out <file>', 'write to this file (complete or not at all) instead of standard output'))
  .option('-q, --quiet', 'no summary on standard error')
  .action(async (words: string[], o: { db?: string; format: 'jsonl' | 'csv' | 'acled' | 'plover'; out?: string; outlet?: string; from?: string; to?: string; speaker?: string; entity?: string; quiet?: boolean }) => {
    const [{ exportCommand }, { dbPath }] = await Promise.all([import('./commands/export.js'), import('./commands/db.js')]);
    process.exitCode = await exportCommand({ ...o, text: words.join(' '), db: dbPath(o.db), quiet: !!o.quiet });
  });

program
  .command('check')
  .description("Check that the database is consistent (after a crash, a full disk or a copy): the engine's checks and rasd's own invariants.")
  .option('--db <path>', STORE_HELP)
  .option('--json', 'as one JSON object')
  .action(async (o: { db?: string; json?: boolean }) => {
    const [{ checkCommand }, { dbPath }] = await Promise.all([import('./commands/check.js'), import('./commands/db.js')]);
    process.exitCode = await checkCommand({ db: dbPath(o.db), json: !!o.json });
  });

program
  .command('copy')
  .description('Copy a whole database into a new, empty one, SQLite or PostgreSQL either way (e.g. an archive into the team\'s server): every article, statement, story and entity with the same ids, read in one snapshot and written in one transaction.')
  .argument('<from>', 'the database to copy: a SQLite file or a postgres:// address')
  .argument('<to>', 'a new SQLite file, or an empty PostgreSQL database (postgres://…)')
  .option('-q, --quiet', 'no progress or summary on standard error')
  .action(async (from: string, to: string, o: { quiet?: boolean }) => {
    const { copyCommand } = await import('./commands/copy.js');
    process.exitCode = await copyCommand({ from, to, quiet: !!o.quiet });
  });

defineServe(program);

program.parseAsync(process.argv).catch((err: Error & { code?: string }) => {
  // What the database says when it cannot do its part, said so that a user knows what to do.
  if (/^SQLITE_(?:BUSY|LOCKED)/.test(err.code ?? '')) {
    console.error('rasd: the database is busy: another rasd process has been writing to it for 10 s. Wait for it to finish (or stop it), then run the command again; nothing was lost.');
  } else if (/^SQLITE_(?:FULL|IOERR)/.test(err.code ?? '')) {
    console.error(`rasd: the database could not be written (${err.message}); free disk space and run the command again. Everything committed before is kept.`);
  } else if (/^SQLITE_READONLY/.test(err.code ?? '')) {
    console.error('rasd: the database is read-only here; make the file and its folder writable, or copy it somewhere writable and pass --db.');
  } else {
    console.error(`rasd: ${err.message}`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = 1;
});
