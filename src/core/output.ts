// The JSON a document becomes: the analysis contract (../shared/eval/CONTRACT.md) plus
// provenance (how the publication date was found, what the cleaner removed, stage versions).
import type { ArticleDoc, DateMention, Diagnostic, Entity, NewsEvent, RemovedLine, Span, Statement } from './types.js';

/** A record of toJson as the store keeps it (without source and document), read back by the API and exports. */
export interface StoredAnalysis {
  statements?: (Omit<Statement, 'cue' | 'speakerSpan'> & { cue: { text: string; span: Span }; speaker_span: Span | null })[];
  entities?: Entity[];
  events?: NewsEvent[];
  dates?: DateMention[];
  removed?: RemovedLine[];
  diagnostics?: Diagnostic[];
}

export function toJson(doc: ArticleDoc): Record<string, unknown> {
  return {
    source: doc.source,
    document: {
      title: doc.title,
      published: doc.published,
      outlet: doc.outlet,
      url: doc.url,
      text: doc.text,
      kind: doc.kind,
      encoding: doc.encoding,
      published_from: doc.publishedFrom,
    },
    statements: doc.statements.map((s) => ({
      speaker: s.speaker,
      role: s.role,
      organization: s.organization,
      quote: s.quote,
      kind: s.kind,
      stance: s.stance,
      date: s.date,
      date_source: s.dateSource,
      channel: s.channel,
      channel_source: s.channelSource,
      span: s.span,
      cue: s.cue,
      speaker_span: s.speakerSpan,
      resolution: s.resolution,
    })),
    events: doc.events,
    entities: doc.entities,
    dates: doc.dates.map((d) => ({ text: d.text, value: d.value, approx: d.approx, kind: d.kind, span: d.span })),
    removed: doc.removed,
    diagnostics: doc.diagnostics,
    stages: doc.stages,
  };
}
