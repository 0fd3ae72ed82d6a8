// Command-line entry. Commands load their modules lazily so that `rasd --help` stays fast.
import { Command, InvalidArgumentError } from 'commander';

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

program
  .command('analyze')
  .description('Analyse articles (.txt, .html, .json, .jsonl, .jsonl.gz, .warc, .warc.gz, or - for standard input) and print what they report.')
  .argument('<files...>', 'files to analyse')
  .option('--jsonl', 'print one JSON object per article (the analysis contract) instead of the readable view')
  .option('--max-bytes <n>', 'refuse files larger than this many bytes, raw or decompressed; for JSON Lines and web archives, records larger than this (default 20 MB)', positiveInt, 20 * 1024 * 1024)
  .action(async (files: string[], opts: { jsonl?: boolean; maxBytes: number }) => {
    const { analyzeCommand } = await import('./commands/analyze.js');
    process.exitCode = await analyzeCommand(files, { jsonl: !!opts.jsonl, maxBytes: opts.maxBytes });
  });

const share = (v: string): number => {
  const n = Number(v);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a number greater than 0 and at most 1, e.g. 0.8.');
  return n;
};
const count = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number greater than 0.');
  return n;
};
const nonNegative = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more.');
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

program
  .command('ingest')
  .description('Analyse and store articles: files, folders (recursively), .jsonl(.gz) corpora, WARC archives, RSS/Atom feeds, sitemaps, article URLs.')
  .argument('<inputs...>', 'paths, folders and http(s) URLs')
  .option('--db <path>', DB_HELP)
  .option('--near-threshold <share>', 'shingle overlap from which an article is a near-duplicate of an earlier one', share, 0.8)
  .option('--learn-min <n>', "a short line in this many of an outlet's articles is its boilerplate (kept in the database; default 5)", count)
  .option('--max-bytes <n>', 'refuse files larger than this many bytes, raw or decompressed; for JSON Lines and web archives, records larger than this (default 20 MB)', positiveInt, 20 * 1024 * 1024)
  .option('--timeout <duration>', 'give up on a web request after this long', duration, 20_000)
  .option('--host-interval <duration>', 'wait at least this long between two requests to one host', duration, 1000)
  .option('-q, --quiet', 'no progress output')
  .action(async (inputs: string[], o: { db?: string; nearThreshold: number; learnMin?: number; maxBytes: number; timeout: number; hostInterval: number; quiet?: boolean }) => {
    const [{ ingestCommand }, { dbPath }] = await Promise.all([import('./commands/ingest.js'), import('./commands/db.js')]);
    process.exitCode = await ingestCommand(inputs, {
      db: dbPath(o.db), nearThreshold: o.nearThreshold, learnMin: o.learnMin, maxBytes: o.maxBytes,
      timeoutMs: o.timeout, perHostMs: o.hostInterval, quiet: !!o.quiet,
    });
  });

program
  .command('watch')
  .description('Poll feeds and sitemaps on an interval (conditional requests, robots.txt, per-host rate limit) and store new articles; resumes after a restart.')
  .argument('<feeds...>', 'feed or sitemap URLs')
  .option('--db <path>', DB_HELP)
  .option('--every <duration>', 'time between two polls of the feeds', duration, 15 * 60_000)
  .option('--once', 'poll once and exit')
  .option('--timeout <duration>', 'give up on a web request after this long', duration, 20_000)
  .option('--host-interval <duration>', 'wait at least this long between two requests to one host', duration, 1000)
  .option('--near-threshold <share>', 'shingle overlap from which an article is a near-duplicate', share, 0.8)
  .option('-q, --quiet', 'only the summary of each poll')
  .action(async (feeds: string[], o: { db?: string; every: number; once?: boolean; timeout: number; hostInterval: number; nearThreshold: number; quiet?: boolean }) => {
    const [{ watchCommand }, { dbPath }] = await Promise.all([import('./commands/watch.js'), import('./commands/db.js')]);
    process.exitCode = await watchCommand(feeds, {
      db: dbPath(o.db), everyMs: o.every, once: !!o.once, timeoutMs: o.timeout, perHostMs: o.hostInterval, nearThreshold: o.nearThreshold, quiet: !!o.quiet,
    });
  });

program
  .command('search')
  .description('Search the stored articles in Arabic as you type it (hamza, harakat, ى/ي, ة/ه and attached و ف ب ل ك ال do not matter).')
  .argument('[query...]', 'words (all must occur), "a phrase", word* (any ending), -word (excluded), OR')
  .option('--db <path>', DB_HELP)
  .option('--outlet <name>', 'only articles of this outlet')
  .option('--from <day>', 'published on or after this day (YYYY-MM-DD)', day)
  .option('--to <day>', 'published on or before this day (YYYY-MM-DD)', day)
  .option('--speaker <name>', 'only articles quoting this speaker (any part of the name)')
  .option('--entity <name>', 'only articles naming this person, organisation or place')
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
    process.exitCode = searchCommand({ ...o, text, db: dbPath(o.db), json: !!o.json });
  });

program
  .command('stats')
  .description('What the database holds: articles, duplicates, outlets, dates, extracted records.')
  .option('--db <path>', DB_HELP)
  .option('--json', 'as one JSON object')
  .action(async (o: { db?: string; json?: boolean }) => {
    const [{ statsCommand }, { dbPath }] = await Promise.all([import('./commands/stats.js'), import('./commands/db.js')]);
    process.exitCode = statsCommand({ db: dbPath(o.db), json: !!o.json });
  });

program
  .command('reanalyze')
  .description('Bring stored analyses up to date after rasd improved (changed stage versions) or learned new boilerplate.')
  .option('--db <path>', DB_HELP)
  .option('--all', 'reanalyse every article, current or not')
  .option('-q, --quiet', 'no progress output')
  .action(async (o: { db?: string; all?: boolean; quiet?: boolean }) => {
    const [{ reanalyzeCommand }, { dbPath }] = await Promise.all([import('./commands/reanalyze.js'), import('./commands/db.js')]);
    process.exitCode = reanalyzeCommand({ db: dbPath(o.db), all: !!o.all, quiet: !!o.quiet });
  });

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`rasd: ${err.message}`);
  process.exitCode = 2;
});
