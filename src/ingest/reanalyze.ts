// Bringing stored articles up to date: after an extractor improves (a stage's version changes) or
// an outlet's learned boilerplate grows, the stored analysis is redone from the stored raw text.
// Identity and duplicate status do not change; a batch of updates is one transaction.
import type { RawInput } from '../core/types.js';
import { analyzeInput } from '../core/pipeline.js';
import { searchTerms } from '../lang/ar/stem.js';
import { unpack } from '../store/sqlite.js';
import { searchRow } from '../store/search.js';
import { analysedColumns, CURRENT_STAGES, keysFromBlob, learnedCount, type Ingester } from './ingester.js';

export interface ReanalyzeOptions {
  /** Redo every article, current or not. */
  all?: boolean;
  /** Only these outlets' articles are checked for newly learned boilerplate (default: all outlets). */
  outlets?: Iterable<string>;
  onProgress?: (done: number, total: number) => void;
}

interface Row {
  id: number;
  source: string;
  kind: string;
  encoding: string;
  meta: string;
  raw: Buffer;
  outlet: string | null;
  duplicate_of: number | null;
  stages: string;
  line_keys: Buffer | null;
  learned_applied: number;
}

/** The ids of the articles whose analysis is out of date. */
export async function staleIds(ing: Ingester, opts: ReanalyzeOptions = {}): Promise<number[]> {
  const outlets = opts.outlets ? new Set(opts.outlets) : null;
  // Small columns only: a few hundred bytes an article.
  const rows = await ing.store.db.all<Pick<Row, 'id' | 'outlet' | 'stages' | 'line_keys' | 'learned_applied' | 'duplicate_of'> & { story_id: number | null }>(
    `SELECT id, outlet, stages, line_keys, learned_applied, duplicate_of, story_id FROM articles WHERE duplicate_kind IS DISTINCT FROM 'content' ORDER BY id`,
  );
  const out: number[] = [];
  for (const r of rows) {
    // An original without a story was stored before stories existed (schema 1).
    if (opts.all || r.stages !== CURRENT_STAGES || (r.duplicate_of === null && r.story_id === null)) out.push(r.id);
    else if (r.outlet && r.line_keys && (!outlets || outlets.has(r.outlet))) {
      // More learned lines than were applied (learned since), or fewer (--learn-min raised).
      if (learnedCount(keysFromBlob(r.line_keys), await ing.learnedOf(r.outlet)) !== r.learned_applied) out.push(r.id);
    }
  }
  return out;
}

/** Reanalyses the given articles, a batch per transaction; returns how many were updated. */
export async function reanalyze(ing: Ingester, ids: number[], onProgress?: (done: number, total: number) => void): Promise<number> {
  const db = ing.store.db;
  const batch = ing.opts.batchSize;
  for (let i = 0; i < ids.length; i += batch) {
    await ing.serial(async () => {
      await db.begin();
      try {
        for (const id of ids.slice(i, i + batch)) {
          const row = await db.get<Row>('SELECT id, source, kind, encoding, meta, raw, outlet, duplicate_of, stages, line_keys, learned_applied FROM articles WHERE id = ?', id);
          if (row) await redo(ing, row);
        }
        await db.exec('COMMIT');
      } catch (e) {
        await db.exec('ROLLBACK');
        throw e;
      }
    });
    onProgress?.(Math.min(i + batch, ids.length), ids.length);
  }
  return ids.length;
}

async function redo(ing: Ingester, r: Row): Promise<void> {
  const stored = JSON.parse(r.meta) as Pick<RawInput, 'meta' | 'diagnostics'>;
  const input: RawInput = { source: r.source, kind: r.kind as RawInput['kind'], encoding: r.encoding, body: unpack(r.raw), ...stored };
  const learned = r.outlet ? await ing.learnedOf(r.outlet) : undefined;
  const doc = analyzeInput(input, { boilerplate: learned });
  await ing.store.updateAnalysis(r.id, analysedColumns(doc, learnedCount(keysFromBlob(r.line_keys), learned)));
  if (r.duplicate_of !== null) return;
  const terms = searchTerms(doc.text);
  await ing.store.index(r.id, searchRow(doc, terms));
  // Articles stored before stories existed (schema 1) get one now; the others keep theirs.
  const story = await ing.store.db.get<{ story_id: number | null }>('SELECT story_id FROM articles WHERE id = ?', r.id);
  if (story?.story_id === null) await ing.linker.assignStory(r.id, doc, terms);
  await ing.linker.indexArticle(r.id, doc, terms);
}
