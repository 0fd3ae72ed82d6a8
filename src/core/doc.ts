import type { ArticleDoc, RawInput } from './types.js';

/** A fresh document from a raw input; stages fill in the rest. */
export function newDoc(input: RawInput): ArticleDoc {
  return {
    source: input.source,
    kind: input.kind,
    encoding: input.encoding,
    meta: input.meta,
    raw: input.body,
    title: input.meta.title,
    published: input.meta.published,
    publishedFrom: input.meta.published ? 'metadata' : null,
    outlet: input.meta.outlet,
    url: input.meta.url,
    text: input.body,
    removed: [],
    paragraphs: [],
    sentences: [],
    quotes: [],
    dates: [],
    statements: [],
    entities: [],
    events: [],
    diagnostics: [...input.diagnostics],
    stages: [],
  };
}
