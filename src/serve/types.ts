// What the HTTP API answers, route by route: one set of types for the server and the web UI
// (web/ imports them as types only). Every span is [start, end) in UTF-16 code units of the
// article's cleaned text, the same offsets the CLI and `analyze --jsonl` give.

export type Span = [number, number];

/** Every list: the page asked for and how many there are in all (null when counting would cost too much). */
export interface Page<T> {
  total: number | null;
  limit: number;
  offset: number;
  items: T[];
}

/** A 4xx or 5xx answer. `param` names the query parameter at fault, when one is. */
export interface ApiError {
  error: { status: number; message: string; param?: string };
}

export interface Health {
  ok: true;
  schema: number;
  articles: number;
  statements: number;
  events: number;
  first_day: string | null;
  last_day: string | null;
}

export interface Outlet {
  outlet: string;
  articles: number;
}

/** A search hit: the snippet is cut out of the text, its highlights are spans into the snippet. */
export interface SearchHit {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  story: number | null;
  score: number;
  snippet: { text: string; start: number; highlights: Span[] };
  /** Other copies of the same article (same URL, same or nearly the same text): where else it ran. */
  copies: { id: number; outlet: string | null; url: string | null; kind: 'url' | 'content' | 'near' }[];
}

/** One report of a statement: an article and the span of the quote in its text. */
export interface StatementSource {
  statement: number;
  article: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  quote: string;
  span: Span;
}

/** A statement once, with every source that reported it (its group). `id` opens it: /api/statements/{id}. */
export interface StatementItem {
  id: number;
  speaker: string;
  speaker_entity: number | null;
  role: string | null;
  organization: string | null;
  quote: string;
  kind: 'direct' | 'indirect';
  stance: string;
  channel: string;
  date: string | null;
  story: number | null;
  sources: StatementSource[];
}

export interface StoryItem {
  id: number;
  title: string | null;
  first_day: string | null;
  last_day: string | null;
  articles: number;
  outlets: number;
}

export interface StoryArticle {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  /** Set when the article is a copy of another (same URL, same or nearly the same text). */
  duplicate_of: number | null;
  statements: { id: number; speaker: string; quote: string; stance: string; date: string | null; span: Span }[];
}

export interface StoryDetail {
  story: StoryItem;
  articles: StoryArticle[];
  events: EventItem[];
}

export interface EntityItem {
  id: number;
  name: string;
  type: string;
  lat: number | null;
  lon: number | null;
  articles: number;
  first_day: string | null;
  last_day: string | null;
  names: string[];
}

/** Statements and events per day: the timeline chart. */
export interface DayCount {
  day: string;
  statements: number;
  events: number;
  killed: number;
  injured: number;
}

export interface EntityDetail {
  entity: EntityItem;
  /** Statements the entity made. */
  said: StatementItem[];
  /** Statements of others that name it. */
  about: StatementItem[];
  /** Events it took part in, or that happened at it (a place). */
  events: EventItem[];
  timeline: DayCount[];
}

export interface EventItem {
  id: number;
  article: number;
  type: string;
  date: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  actors: string[];
  killed: number | null;
  injured: number | null;
  /** The sentence the event was read from, and its span in the article. */
  text: string;
  span: Span;
  outlet: string | null;
  title: string | null;
}

/**
 * Two statements that contradict each other, or a denial and the statements it denies (`b` may
 * then be empty when the denial names no claim rasd has stored; `proposition` is what it denies).
 */
export interface ContradictionItem {
  kind: 'contradiction' | 'denial';
  /** Why rasd paired them, in one sentence. */
  why: string;
  /** Content words the two share (contradictions). */
  shared: string[];
  proposition: string | null;
  a: StatementItem;
  b: StatementItem[];
}

/** The contradictions of a range of days: the range used (the last week of articles by default). */
export interface ContradictionPage extends Page<ContradictionItem> {
  from: string | null;
  to: string | null;
}

/** The article reader: the cleaned text and everything extracted from it, each with its span. */
export interface ArticleDetail {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  source: string;
  story: number | null;
  duplicate_of: number | null;
  text: string;
  paragraphs: Span[];
  statements: {
    id: number | null;
    speaker: string;
    role: string | null;
    organization: string | null;
    quote: string;
    stance: string;
    channel: string;
    date: string | null;
    span: Span;
    cue: Span;
    speaker_span: Span | null;
  }[];
  entities: { name: string; type: string; entity: number | null; mentions: Span[] }[];
  events: { type: string; date: string | null; location: string | null; killed: number | null; injured: number | null; span: Span; trigger: Span }[];
  dates: { text: string; value: string | null; span: Span }[];
  /** What the analysis noticed: unreadable dates, removed boilerplate, a quote left open… */
  diagnostics: { stage: string; rule: string; reason: string; span: Span | null }[];
  removed: { line: string; rule: string }[];
  /** The other copies of the article, and the original when this is a copy (its kind is null). */
  copies: { id: number; outlet: string | null; url: string | null; kind: string | null }[];
}
