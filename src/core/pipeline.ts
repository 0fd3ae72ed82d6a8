// The one registry of stages, in order. The CLI, tests and benchmarks all run this list, and
// every document records `name@version` of each stage that made it.
import type { ArticleDoc, RawInput } from './types.js';
import { newDoc } from './doc.js';
import { clean } from '../clean/index.js';
import { findQuotes, paragraphs, sentences } from '../extract/segment.js';
import { findDates, inferPublication } from '../extract/dates/index.js';
import { extractStatements } from '../extract/statements/index.js';
import { extractEntities } from '../extract/entities/index.js';
import { extractEvents } from '../extract/events/index.js';
import { carriesQuote } from '../extract/statements/carry.js';

/** What a stage may know beyond the article itself. */
export interface AnalyzeContext {
  /** Keys (see clean/learned.ts) of the lines learned as boilerplate of the article's outlet. */
  boilerplate?: ReadonlySet<number>;
}

export interface Stage {
  name: string;
  version: number;
  run: (doc: ArticleDoc, ctx: AnalyzeContext) => void;
}

export const STAGES: Stage[] = [
  { name: 'clean', version: 1, run: (doc, ctx) => void clean(doc, ctx.boilerplate) },
  {
    name: 'segment',
    version: 1,
    run: (doc) => {
      doc.paragraphs = paragraphs(doc.text);
      doc.quotes = findQuotes(doc.text, doc.paragraphs, (p) => carriesQuote(doc.text, doc.paragraphs[p]!));
      doc.sentences = sentences(doc.text, doc.paragraphs, doc.quotes);
    },
  },
  {
    name: 'dates',
    version: 1,
    run: (doc) => {
      if (!doc.published) {
        // The cleaned text first; then the raw page, whose timestamp lines the cleaner dropped.
        const p = inferPublication(doc.text) ?? inferPublication(doc.raw);
        if (p) {
          doc.published = p.value;
          doc.publishedFrom = p.rule;
        }
      }
      doc.dates = findDates(doc.text, { published: doc.published });
    },
  },
  { name: 'statements', version: 1, run: (doc) => void (doc.statements = extractStatements(doc, doc.quotes)) },
  { name: 'entities', version: 1, run: (doc) => void (doc.entities = extractEntities(doc)) },
  { name: 'events', version: 1, run: (doc) => void (doc.events = extractEvents(doc)) },
];

/** `name@version` of every stage, as stored records carry it. */
export const STAGE_VERSIONS = STAGES.map((s) => `${s.name}@${s.version}`);

export function analyzeInput(input: RawInput, ctx: AnalyzeContext = {}): ArticleDoc {
  const doc = newDoc(input);
  for (const s of STAGES) {
    try {
      s.run(doc, ctx);
    } catch (err) {
      doc.diagnostics.push({
        stage: s.name,
        rule: 'stage-failed',
        reason: `The ${s.name} stage failed (${(err as Error).message}); its results are missing from this document. Please report this with the article attached.`,
        fatal: false,
      });
    }
    doc.stages.push(`${s.name}@${s.version}`);
  }
  return doc;
}
