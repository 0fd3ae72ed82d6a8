import { readSources } from '../../acquire/index.js';
import { analyzeInput } from '../../core/pipeline.js';
import { toJson } from '../../core/output.js';
import { renderDoc, renderError, renderSummary } from '../views.js';

export interface AnalyzeOptions {
  jsonl: boolean;
  maxBytes: number;
  /** --max-depth: the deepest nesting of JSON records and HTML pages read (default 512). */
  maxDepth?: number;
  /** --max-ratio: how far a gzipped input may expand past --max-bytes (default 100 times). */
  maxRatio?: number;
}

/** Analyse every source; a source that fails gets its own message and the others go on. Returns the exit status. */
export async function analyzeCommand(paths: string[], opts: AnalyzeOptions): Promise<number> {
  let ok = 0, failed = 0;
  const out = process.stdout;
  for await (const r of readSources(paths, { maxBytes: opts.maxBytes, maxDepth: opts.maxDepth, maxRatio: opts.maxRatio })) {
    if (!r.ok) {
      failed++;
      if (opts.jsonl) await write(out, JSON.stringify({ source: r.source, error: r.error }) + '\n');
      process.stderr.write(renderError(r.source, r.error));
      continue;
    }
    ok++;
    const doc = analyzeInput(r.input);
    await write(out, opts.jsonl ? JSON.stringify(toJson(doc)) + '\n' : renderDoc(doc));
  }
  if (!opts.jsonl) process.stderr.write(renderSummary(ok, failed));
  return failed ? 1 : 0;
}

/** Respect back-pressure so a large corpus piped to `head` or a file does not pile up in memory. */
function write(stream: NodeJS.WriteStream, s: string): Promise<void> | void {
  if (!stream.write(s)) return new Promise((res) => stream.once('drain', () => res()));
}
