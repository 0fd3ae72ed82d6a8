// The one document type that passes through every stage, and the records stages attach to it.
// Every record carries a half-open [start, end) span in UTF-16 units into ArticleDoc.text.

export type Span = [start: number, end: number];

export type InputKind = 'text' | 'html' | 'json';

export interface Diagnostic {
  stage: string;
  rule: string;
  /** A full sentence a user can act on. */
  reason: string;
  span?: Span;
  fatal?: boolean;
}

/** Metadata as found in the input (HTML meta tags, JSON fields); null when absent. */
export interface DocMeta {
  title: string | null;
  published: string | null; // YYYY-MM-DD
  outlet: string | null;
  url: string | null;
  author: string | null;
}

/** One article as read from a source, before cleaning. */
export interface RawInput {
  /** The path as given, with `#N` for the N-th record (1-based) of a multi-record file. */
  source: string;
  kind: InputKind;
  /** Decoded text: plain text, or the main text extracted from HTML, or a JSON record's body. */
  body: string;
  meta: DocMeta;
  /** The character encoding the bytes were decoded from. */
  encoding: string;
  diagnostics: Diagnostic[];
}

/** A line dropped by the cleaner, and why. */
export interface RemovedLine {
  line: string;
  rule: string;
}

/** A quotation: the marks and the quoted words. `close` is null when the closing mark is missing. */
export interface Quote {
  open: number;
  close: number | null;
  inner: Span;
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface DateMention {
  span: Span;
  text: string;
  /** Resolved day, YYYY-MM-DD, or null when it cannot be resolved to a day. */
  value: string | null;
  /** For coarser expressions: 'YYYY-MM', 'YYYY' or the Monday 'YYYY-MM-DD' of a week; else null. */
  approx: string | null;
  precision: DatePrecision;
  /** absolute | numeric | relative | weekday | hijri | timestamp | range-end */
  kind: string;
  /** True when resolving needed the publication date (or another anchor). */
  relative: boolean;
}

export type Stance = 'assert' | 'deny' | 'confirm' | 'announce' | 'commit';
export type Channel = 'tweet' | 'press_conference' | 'statement' | 'interview' | 'meeting' | 'unknown';

export interface Statement {
  speaker: string;
  role: string | null;
  organization: string | null;
  quote: string;
  kind: 'direct' | 'indirect';
  stance: Stance;
  date: string | null;
  channel: Channel;
  span: Span;
  /** The reporting verb as printed, and its span. */
  cue: { text: string; span: Span };
  /** Where the speaker was found: span of the mention, and how it was resolved. */
  speakerSpan: Span | null;
  resolution: string;
  /** How the date was found: frame (stated with the report), speaker (the same speaker's other report), context (the day the surrounding report names), published. */
  dateSource: string | null;
  /**
   * How the channel was found: frame (named with the report), setting («جاء ذلك في مؤتمر صحفي»),
   * trailing («… وفق بيان»), speaker (the same speaker's other report), organisation (an
   * organisation speaking with no medium named speaks through a statement); null when unknown.
   */
  channelSource: string | null;
}

export type EntityType = 'PER' | 'ORG' | 'GPE' | 'LOC' | 'FAC';

export interface Entity {
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Span[];
  /** Coordinates for places the gazetteer knows. */
  coordinates?: { lat: number; lon: number } | null;
  /** Where the identity comes from: gazetteer:<GeoNames id>, actors:<kind>, or the article itself. */
  source?: string;
}

export type EventType =
  | 'assault'
  | 'airstrike'
  | 'base_handover'
  | 'troop_presence'
  | 'meeting'
  | 'withdrawal_plan'
  | 'training';

export interface NewsEvent {
  type: EventType;
  date: string | null;
  location: string | null;
  /** Coordinates of the location when the gazetteer knows it. */
  coordinates: { lat: number; lon: number } | null;
  actors: string[];
  killed: number | null;
  injured: number | null;
  count: number | null;
  span: Span;
  /** The PLOVER event type (e.g. ASSAULT, COERCE) and the ACLED event / sub-event type. */
  plover: string;
  acled: { event_type: string; sub_event_type: string };
  /** The trigger word or phrase, and its span. */
  trigger: { text: string; span: Span };
}

export interface ArticleDoc {
  source: string;
  kind: InputKind;
  encoding: string;
  /** Metadata from the input itself. */
  meta: DocMeta;
  /** The text before cleaning (decoded, HTML already reduced to text). */
  raw: string;
  title: string | null;
  published: string | null;
  /** How `published` was found: metadata, or the rule that inferred it from the text. */
  publishedFrom: string | null;
  outlet: string | null;
  url: string | null;
  /** The cleaned main text. Never changed after the clean stage: all spans point into it. */
  text: string;
  removed: RemovedLine[];
  paragraphs: Span[];
  sentences: Span[];
  quotes: Quote[];
  dates: DateMention[];
  statements: Statement[];
  entities: Entity[];
  events: NewsEvent[];
  diagnostics: Diagnostic[];
  /** name@version of every stage that ran, in order. */
  stages: string[];
}
