// POST /api/articles: one article, the record shape `rasd ingest` reads from JSON Lines (a text
// field such as content or text, and title, url, date, source… as acquire/records.ts accepts),
// analysed and stored as an ingest would, and answered with what was extracted. Only a server
// started with a write token answers it (server.ts checks the token first). Writes are
// serialised: one article is stored and committed before the next begins, on the one writable
// connection, while reads go on through the server's read-only one.
import type { IncomingMessage } from 'node:http';
import { DEFAULT_MAX_DEPTH, jsonTooDeep } from '../acquire/json-depth.js';
import { recordToInput } from '../acquire/records.js';
import { Ingester } from '../ingest/ingester.js';
import type { Store } from '../store/sqlite.js';
import type { ArticleStore } from '../store/store.js';
import { LIMIT_FLAGS } from './limits.js';
import { ApiError } from './params.js';
import { articleDetail } from './queries.js';
import type { ArticleDetail } from './types.js';

export interface PostedArticle {
  /** stored: a new original; duplicate: stored as a copy of `duplicate_of`; unchanged: this very article was stored before. */
  status: 'stored' | 'duplicate' | 'unchanged';
  id: number;
  duplicate_of: number | null;
  duplicate_kind: 'url' | 'content' | 'near' | null;
  article: ArticleDetail;
}

/**
 * Where a posted article says it came from. Without a url, its content is its identity (as for
 * standard input, whose records are named «-#N»): posting the same text again changes nothing.
 */
const SOURCE = '-#api';

export class ArticleWriter {
  private queue: Promise<unknown> = Promise.resolve();
  private lastFailure = '';

  constructor(
    private readonly ing: Ingester,
    /** The server's read-only store: the answer is read back from what was committed. */
    private readonly read: Store,
    private readonly maxBodyBytes: number,
  ) {
    ing.onFail = (_source, error) => (this.lastFailure = error);
  }

  static async open(store: ArticleStore, read: Store, maxBodyBytes: number): Promise<ArticleWriter> {
    const ing = new Ingester(store, { nearThreshold: 0.8, learnMin: await store.learnMin(undefined), batchSize: 1 });
    return new ArticleWriter(ing, read, maxBodyBytes);
  }

  async post(req: IncomingMessage): Promise<{ status: number; body: PostedArticle }> {
    checkContentType(req.headers['content-type']);
    const text = await readBody(req, this.maxBodyBytes);
    // As for a JSON Lines record: the walk over a record's names recurses, so nesting is bounded first.
    if (jsonTooDeep(text, DEFAULT_MAX_DEPTH)) {
      throw new ApiError(422, `The posted article nests JSON arrays or objects more than ${DEFAULT_MAX_DEPTH} levels deep, more than any news record needs.`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new ApiError(400, `The body is not valid JSON (${(e as Error).message.slice(0, 120)}); send one article as a JSON object.`);
    }
    const read = recordToInput(value, SOURCE, { encoding: 'utf-8', diagnostics: [] });
    if (!read.ok) throw new ApiError(422, read.error.replace(SOURCE, 'The posted article'));
    // Analysis is the slow part and touches no table: it runs before the write lock is taken.
    const prepared = await this.ing.prepare(read.input);
    const outcome = await this.serial(async () => {
      try {
        const o = await this.ing.add(read.input, prepared);
        await this.ing.commit();
        return o;
      } catch (e) {
        await this.ing.rollback().catch(() => {});
        throw e;
      }
    });
    if (outcome.status === 'failed') throw new ApiError(422, this.lastFailure.replace(SOURCE, 'The posted article'));
    const article = articleDetail(this.read, outcome.id);
    if (!article) throw new Error(`article ${outcome.id} was committed but cannot be read back`);
    const dup = outcome.status === 'duplicate' ? outcome : null;
    return {
      status: outcome.status === 'unchanged' ? 200 : 201,
      body: { status: outcome.status, id: outcome.id, duplicate_of: dup?.of ?? null, duplicate_kind: dup?.kind ?? null, article },
    };
  }

  /** Runs one write after the ones before it. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** application/json, in UTF-8 (the default for JSON; another charset is refused, not guessed). */
function checkContentType(header: string | undefined): void {
  const [type, ...params] = (header ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (type !== 'application/json' || (charset && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new ApiError(415, `Send the article as application/json in UTF-8, not '${(header ?? 'no Content-Type').slice(0, 80)}'.`);
  }
}

const tooLarge = (limit: number) =>
  new ApiError(413, `The body is larger than ${limit.toLocaleString('en')} bytes; send one article at a time, or start rasd serve with a larger ${LIMIT_FLAGS.maxBodyBytes}.`);

/** The body as UTF-8 text, refused past `limit` bytes (at once when Content-Length says so, else as it arrives). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        fail(tooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      try {
        done(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        fail(new ApiError(400, 'The body is not valid UTF-8.'));
      }
    });
    req.on('error', () => fail(new ApiError(400, 'The body could not be read: the connection failed while sending it.')));
    req.on('aborted', () => fail(new ApiError(400, 'The body could not be read: the client closed the connection while sending it.')));
  });
}
