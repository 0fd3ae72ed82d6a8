// Storing analysed articles: identity, deduplication, learned boilerplate, the search index.
//
// Each input is decided in this order, so that re-ingesting the same input changes nothing and no
// copy is ever dropped silently:
//   1. the same identity (canonical URL, else source) with the same content is already stored → unchanged;
//   2. the same web address with similar text (a later version of the page) → duplicate 'url' of the first
//      (a rewritten file, or other text under one address, is a new article);
//   3. the same content under another identity → duplicate 'content' of the original;
//   4. a text whose shingles overlap an original's by at least the threshold → duplicate 'near';
//   5. otherwise a new original, indexed for search and counted for boilerplate learning.
// Work is committed in batches; a batch is one transaction, so a killed process leaves either the
// whole batch or none of it, and the next run stores what is missing.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { ArticleDoc, RawInput } from '../core/types.js';
import type { Term } from '../lang/ar/stem.js';
import { analyzeInput, STAGE_VERSIONS } from '../core/pipeline.js';
import { toJson } from '../core/output.js';
import { learnableKeys } from '../clean/learned.js';
import { norm } from '../lang/ar/normalize.js';
import { searchTerms } from '../lang/ar/stem.js';
import { bandHashes, estimate, fromBlob, jaccard, shingles, signature, toBlob } from '../link/minhash.js';
import { canonicalUrl } from '../link/url.js';
import type { ArticleStore, DuplicateKind, SearchRow } from '../store/store.js';
import { searchRow } from '../store/search.js';
import { DEFAULT_STORIES, type StoryOptions } from '../link/stories.js';
import { Linker } from './linker.js';

export interface IngestOptions {
  /** Shingle overlap (Jaccard) from which an article is a near-duplicate of an earlier one. */
  nearThreshold: number;
  /** A short line found in this many articles of one outlet is that outlet's boilerplate. */
  learnMin: number;
  /** Articles per transaction. */
  batchSize: number;
  /** Story clustering (link/stories.ts). */
  stories?: StoryOptions;
}

export const DEFAULT_INGEST: IngestOptions = { nearThreshold: 0.8, learnMin: 5, batchSize: 200, stories: DEFAULT_STORIES };

export type Outcome =
  | { status: 'stored'; id: number }
  | { status: 'duplicate'; id: number; of: number; kind: DuplicateKind; similarity: number }
  | { status: 'unchanged'; id: number }
  | { status: 'failed' };

/**
 * Errors that are about the database, not the article: SQLite's, and PostgreSQL's connection,
 * resource, operator and transaction classes (08, 53, 57, 58, 25, 40, XX).
 */
const isDatabaseFailure = (e: unknown): boolean => {
  const code = (e as { code?: string }).code ?? '';
  return /^SQLITE_(?:FULL|IOERR|BUSY|LOCKED|READONLY|CORRUPT|NOTADB|CANTOPEN|PERM)/.test(code) || /^(?:08|53|57|58|25|40|XX)[0-9A-Z]{3}$/.test(code) || /^(?:CONNECT|CONNECTION_|ECONN|EPIPE|ETIMEDOUT)/.test(code);
};

export interface Tally {
  stored: number;
  duplicates: number;
  byKind: Record<DuplicateKind, number>;
  unchanged: number;
  failed: number;
  /** Reasons of the first failures, in order (the summary shows them). */
  failures: { source: string; error: string }[];
}

/** What analysing an article yields before anything is stored: the pure, CPU-bound half of ingesting it. */
export interface Prepared {
  doc: ArticleDoc;
  /** Keys of its short lines (boilerplate learning). */
  keys: number[];
  /** The text's search terms, shingles and MinHash signature. */
  terms: Term[];
  shingles: Uint32Array;
  signature: Uint32Array | null;
  row: SearchRow;
  /**
   * How many learned lines the analysis used. An outlet's learned lines only grow, so an analysis
   * made before they grew (ahead, in another thread or earlier in a worker's batch) is told by
   * its size, and is redone.
   */
  learnedSize: number;
}

/** How far below the threshold a signature estimate may fall and still be checked exactly (four standard deviations at 64 hashes). */
const ESTIMATE_MARGIN = 0.2;

const MAX_FAILURES_KEPT = 1000;
/** Shingle overlap from which new text at a stored address is a version of the stored article. */
const VERSION_SIMILARITY = 0.5;

export const CURRENT_STAGES = STAGE_VERSIONS.join(' ');

/** Analyses an input with an outlet's learned boilerplate; touches no database. */
export function prepare(input: RawInput, learned: ReadonlySet<number> | undefined): Prepared {
  const doc = analyzeInput(input, { boilerplate: learned });
  const keys = learnableKeys(input.body);
  // The text's search terms and shingles, one after the other, so that both read the tokens the
  // stages made of it (the tokeniser keeps the last text's); the index row and the story reuse them.
  const terms = searchTerms(doc.text);
  const sh = shingles(doc.text);
  return { doc, keys, terms, shingles: sh, signature: signature(sh), row: searchRow(doc, terms), learnedSize: learned?.size ?? 0 };
}

export class Ingester {
  readonly tally: Tally = { stored: 0, duplicates: 0, byKind: { url: 0, content: 0, near: 0 }, unchanged: 0, failed: 0, failures: [] };
  private readonly learned = new Map<string, Set<number>>();
  /** Outlets whose learned boilerplate grew in this run: their earlier articles may need cleaning again. */
  readonly grown = new Set<string>();
  /** Called on every failure as it happens (rasd watch prints them; the tally keeps only the first). */
  onFail: ((source: string, error: string) => void) | null = null;
  private inBatch = 0;
  private batchStarted = 0;
  /** Whether the open transaction is the ingester's own; a caller's (a worker's) is left to the caller to commit. */
  private owns = false;

  readonly linker: Linker;

  constructor(readonly store: ArticleStore, readonly opts: IngestOptions = DEFAULT_INGEST) {
    this.linker = new Linker(store, opts.stories ?? DEFAULT_STORIES);
  }

  /** The pure half of `add`, for a caller that analyses articles before taking any lock. */
  async prepare(input: RawInput): Promise<Prepared> {
    return prepare(input, input.meta.outlet ? await this.learnedOf(input.meta.outlet) : undefined);
  }

  /**
   * Analyses and stores one input, in a savepoint of its own: an article that cannot be stored is
   * recorded as failed and the rest of the batch is kept. Errors of the database itself (disk
   * full, locked, read-only, connection lost) stop the run instead: every later article would
   * fail the same way. `prepared`: its analysis, when the caller made it already.
   */
  add(input: RawInput, prepared?: Prepared, after?: (id: number) => Promise<void>): Promise<Outcome> {
    return this.serial(() => this.addNow(input, prepared, after));
  }

  /**
   * Runs database work after the work already queued: articles fetched concurrently reach one
   * connection, where one article's savepoint must not open inside another's.
   */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private queue: Promise<unknown> = Promise.resolve();

  private async addNow(input: RawInput, prepared: Prepared | undefined, after: ((id: number) => Promise<void>) | undefined): Promise<Outcome> {
    await this.begin();
    const db = this.store.db;
    await db.exec('SAVEPOINT article');
    let outcome: Outcome;
    try {
      outcome = await this.decide(input, prepared);
      if (after && outcome.status !== 'failed') await after(outcome.id);
      await db.exec('RELEASE SAVEPOINT article');
    } catch (e) {
      if (isDatabaseFailure(e)) throw e;
      await db.exec('ROLLBACK TO SAVEPOINT article');
      await db.exec('RELEASE SAVEPOINT article');
      await this.failNow(input.source, `${input.source} could not be stored (${(e as Error).message}); please report this with the article attached.`);
      return { status: 'failed' };
    }
    await this.store.clearFailure(input.source);
    if (outcome.status === 'stored') this.tally.stored++;
    else if (outcome.status === 'duplicate') (this.tally.duplicates++, this.tally.byKind[outcome.kind]++);
    else this.tally.unchanged++;
    await this.maybeCommit();
    return outcome;
  }

  /** Records an input that could not be read or fetched. */
  fail(source: string, error: string): Promise<void> {
    return this.serial(() => this.failNow(source, error));
  }

  private async failNow(source: string, error: string): Promise<void> {
    await this.begin();
    await this.store.recordFailure(source, error);
    this.tally.failed++;
    this.onFail?.(source, error);
    // The first ones are kept for the summary; all of them are in the database (memory stays bounded).
    if (this.tally.failures.length < MAX_FAILURES_KEPT) this.tally.failures.push({ source, error });
    await this.maybeCommit();
  }

  /** Commits what is pending. Call before waiting on anything slow, and at the end. */
  commit(): Promise<void> {
    return this.serial(() => this.commitNow());
  }

  private async commitNow(): Promise<void> {
    if (this.owns && this.store.db.inTransaction) await this.store.db.exec('COMMIT');
    this.owns = false;
    this.inBatch = 0;
  }

  /** Rolls back the pending batch (on an error that stops the run). */
  rollback(): Promise<void> {
    return this.serial(() => this.rollbackNow());
  }

  private async rollbackNow(): Promise<void> {
    if (this.owns && this.store.db.inTransaction) await this.store.db.exec('ROLLBACK');
    this.owns = false;
    this.inBatch = 0;
  }

  private async begin(): Promise<void> {
    if (this.store.db.inTransaction) return;
    await this.store.db.begin();
    this.owns = true;
    this.batchStarted = Date.now();
  }

  /** A batch ends at batchSize articles or after two seconds, so a slow source never holds work uncommitted for long. */
  private async maybeCommit(): Promise<void> {
    if (!this.owns) return;
    if (++this.inBatch >= this.opts.batchSize || Date.now() - this.batchStarted > 2000) await this.commitNow();
  }

  private async decide(input: RawInput, prepared: Prepared | undefined): Promise<Outcome> {
    const hash = contentHash(input.body);
    const key = identity(input, hash);
    const copy = await this.store.findCopy(key, hash);
    if (copy !== null) return { status: 'unchanged', id: copy };
    const sameKey = await this.store.firstWithKey(key);
    if (sameKey !== null && (await this.laterVersion(key, sameKey, input.body))) {
      return this.storeAnalysed(input, key, hash, prepared, { of: await this.store.rootOf(sameKey), kind: 'url' });
    }
    const sameContent = await this.store.originalWithHash(hash);
    if (sameContent !== null) return this.storeCopy(input, key, hash, sameContent);
    return this.storeAnalysed(input, key, hash, prepared);
  }

  /**
   * A page at an address already stored is a later version of that article only when the address
   * is a web address and the text still tells much the same (an edit, a correction). A file
   * rewritten with another article, or a site whose canonical link is its home page, brings a
   * new article.
   */
  private async laterVersion(key: string, stored: number, body: string): Promise<boolean> {
    if (!key.startsWith('https://')) return false;
    const other = await this.store.textOf(stored);
    return !!other && jaccard(shingles(body), shingles(other.text)) >= VERSION_SIMILARITY;
  }

  /** An exact copy keeps its raw text and points at the original; it is not analysed again. */
  private async storeCopy(input: RawInput, key: string, hash: string, of: number): Promise<Outcome> {
    const id = await this.store.insert({
      ...base(input, key, hash),
      text: '',
      duplicateOf: of,
      duplicateKind: 'content',
      similarity: 1,
      analysis: 'null',
      counts: { statements: 0, entities: 0, events: 0 },
      stages: CURRENT_STAGES,
      lineKeys: null,
      learnedApplied: 0,
      minhash: null,
    });
    await this.linker.joinOriginal(id, of, input.meta.published);
    return { status: 'duplicate', id, of, kind: 'content', similarity: 1 };
  }

  private async storeAnalysed(input: RawInput, key: string, hash: string, prepared: Prepared | undefined, forced?: { of: number; kind: DuplicateKind }): Promise<Outcome> {
    const outlet = input.meta.outlet;
    const current = outlet ? await this.learnedOf(outlet) : undefined;
    const p = prepared && prepared.learnedSize === (current?.size ?? 0) ? prepared : prepare(input, current);
    const { doc, keys, terms, signature: sig } = p;
    const near = forced ? null : sig && (await this.nearest(sig, p.shingles));
    const dup = forced ?? (near && near.similarity >= this.opts.nearThreshold ? { of: near.id, kind: 'near' as const } : null);
    const similarity = forced ? 0 : near?.similarity ?? null;
    const id = await this.store.insert({
      ...base(input, key, hash),
      ...analysedColumns(doc, learnedCount(keys, current)),
      duplicateOf: dup?.of ?? null,
      duplicateKind: dup?.kind ?? null,
      similarity: dup ? similarity : null,
      lineKeys: keysBlob(keys),
      minhash: sig ? toBlob(sig) : null,
    });
    if (dup) {
      await this.linker.joinOriginal(id, dup.of, doc.published);
      return { status: 'duplicate', id, of: dup.of, kind: dup.kind, similarity: similarity ?? 0 };
    }
    if (sig) await this.store.addBands(id, bandHashes(sig));
    await this.store.index(id, p.row);
    await this.linker.assignStory(id, doc, terms);
    await this.linker.indexArticle(id, doc, terms);
    if (outlet) await this.learn(outlet, keys);
    return { status: 'stored', id };
  }

  /**
   * The most similar original among the LSH candidates. Signatures estimate the overlap within a
   * few points; only candidates that could reach the threshold are compared shingle by shingle.
   */
  private async nearest(sig: Uint32Array, sh: Uint32Array): Promise<{ id: number; similarity: number } | null> {
    let best: { id: number; similarity: number } | null = null;
    for (const id of await this.store.lshCandidates(bandHashes(sig))) {
      const other = await this.store.textOf(id);
      if (!other?.minhash || estimate(sig, fromBlob(other.minhash)) < this.opts.nearThreshold - ESTIMATE_MARGIN) continue;
      const j = jaccard(sh, shingles(other.text));
      if (!best || j > best.similarity) best = { id, similarity: j };
    }
    return best;
  }

  async learnedOf(outlet: string): Promise<Set<number>> {
    let set = this.learned.get(outlet);
    if (!set) this.learned.set(outlet, (set = await this.store.learnedLines(outlet, this.opts.learnMin)));
    return set;
  }

  private async learn(outlet: string, keys: number[]): Promise<void> {
    const reached = await this.store.countLines(outlet, keys, this.opts.learnMin);
    if (!reached.length) return;
    const set = await this.learnedOf(outlet);
    for (const k of reached) set.add(k);
    if (this.grown.has(outlet)) return;
    this.grown.add(outlet);
    // Recorded in the transaction that learned the lines: if this run dies before cleaning the
    // outlet's earlier articles again, the next run still knows they are due.
    const pending = new Set([...(await this.cleanPending()), outlet]);
    await this.store.setMeta(CLEAN_PENDING, JSON.stringify([...pending]));
  }

  /** Outlets whose earlier articles are still to be cleaned again, by this run or a run that died first. */
  async cleanPending(): Promise<string[]> {
    const saved = JSON.parse((await this.store.getMeta(CLEAN_PENDING)) ?? '[]') as string[];
    return [...new Set([...saved, ...this.grown])];
  }

  /** After cleaning again: nothing is due any more. */
  async cleanDone(): Promise<void> {
    await this.store.setMeta(CLEAN_PENDING, '[]');
  }
}

/** The meta key of the outlets whose earlier articles await cleaning again (a JSON list). */
const CLEAN_PENDING = 'clean_pending';

/**
 * Identity of a copy: its canonical URL, else the absolute path (and record number) it came from.
 * Standard input names no lasting place, so there the content is the identity.
 */
export function identity(input: RawInput, hash: string): string {
  const url = input.meta.url ? canonicalUrl(input.meta.url) : null;
  if (url) return url;
  if (/^https?:\/\//i.test(input.source)) return canonicalUrl(input.source) ?? input.source;
  if (input.source === '-' || input.source.startsWith('-#')) return `stdin:${hash}`;
  const [path, record] = splitRecord(input.source);
  return `file:${resolve(path)}${record}`;
}

function splitRecord(source: string): [string, string] {
  const m = /^(.*?)(#\d+|#https?:.*)?$/.exec(source)!;
  return [m[1]!, m[2] ?? ''];
}

/** Hash of the folded body with spacing collapsed: the same article saved twice, or re-encoded, hashes the same. */
export function contentHash(body: string): string {
  return createHash('sha1').update(norm(body).replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
}

function base(input: RawInput, key: string, hash: string) {
  return {
    key,
    source: input.source,
    url: input.meta.url,
    outlet: input.meta.outlet,
    title: input.meta.title,
    published: input.meta.published,
    kind: input.kind,
    encoding: input.encoding,
    meta: JSON.stringify({ meta: input.meta, diagnostics: input.diagnostics }),
    raw: input.body,
    contentHash: hash,
  };
}

/** The columns an analysis fills (also used by reanalyze). */
export function analysedColumns(doc: ArticleDoc, learnedApplied: number) {
  const json = toJson(doc);
  const { document, source: _source, ...analysis } = json as { document: Record<string, unknown>; source: string };
  return {
    title: doc.title,
    published: doc.published,
    text: doc.text,
    analysis: JSON.stringify({ published_from: document['published_from'], ...analysis }),
    counts: { statements: doc.statements.length, entities: doc.entities.length, events: doc.events.length },
    stages: doc.stages.join(' '),
    learnedApplied,
  };
}

/** How many of an article's line keys are learned boilerplate (what its cleaning applied). */
export function learnedCount(keys: number[], learned: ReadonlySet<number> | undefined): number {
  if (!learned?.size) return 0;
  let n = 0;
  for (const k of keys) if (learned.has(k)) n++;
  return n;
}

function keysBlob(keys: number[]): Buffer | null {
  return keys.length ? Buffer.from(new Float64Array(keys).buffer) : null;
}

export function keysFromBlob(blob: Buffer | null): number[] {
  if (!blob) return [];
  const copy = new Uint8Array(blob);
  return [...new Float64Array(copy.buffer, 0, copy.byteLength / 8)];
}
