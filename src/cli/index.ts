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
  .description('Analyse articles (.txt, .html, .json, .jsonl, .jsonl.gz, or - for standard input) and print what they report.')
  .argument('<files...>', 'files to analyse')
  .option('--jsonl', 'print one JSON object per article (the analysis contract) instead of the readable view')
  .option('--max-bytes <n>', 'refuse files larger than this many bytes, raw or decompressed (default 20 MB)', positiveInt, 20 * 1024 * 1024)
  .action(async (files: string[], opts: { jsonl?: boolean; maxBytes: number }) => {
    const { analyzeCommand } = await import('./commands/analyze.js');
    process.exitCode = await analyzeCommand(files, { jsonl: !!opts.jsonl, maxBytes: opts.maxBytes });
  });

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`rasd: ${err.message}`);
  process.exitCode = 2;
});
