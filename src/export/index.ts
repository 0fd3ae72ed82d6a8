// `rasd export`: the articles a search selects, in the formats analysts' tools read.
//
// - jsonl: one article per line with everything extracted from it (the `analyze --jsonl` record
//   plus the store's numbers), spans into its text included.
// - csv: one statement per row (who said what, when, with what stance, in which article and span).
// - acled: one event per row, with the 31 columns of ACLED's codebook (2023 layout), in order.
// - plover: one event per line as a PLOVER record (field names of the PLOVER manual, v0.8).
//
// CSV is written for spreadsheet programs: UTF-8 with a byte-order mark (without it Excel reads
// Arabic as mojibake), CRLF line ends, RFC 4180 quoting, and a text cell that a spreadsheet would
// take for a formula (= + - @ first) is prefixed with an apostrophe.
import type { NewsEvent } from '../core/types.js';
import { readAnalysis } from '../store/sqlite.js';
import type { ArticleStore, Selection } from '../store/store.js';

export const FORMATS = ['jsonl', 'csv', 'acled', 'plover'] as const;
export type ExportFormat = (typeof FORMATS)[number];
export type ExportQuery = Selection;

export interface ExportCounts {
  articles: number;
  records: number;
  /** Events left out of a PLOVER export because no date is known for them (PLOVER requires one). */
  undated: number;
}

const BOM = '\uFEFF';

/** One CSV cell: quoted when it holds a separator, a quote or a line end; a would-be formula made text. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (cells: readonly (string | number | null | undefined)[]): string => cells.map(csvCell).join(',') + '\r\n';

interface ArticleRow {
  id: number;
  source: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  story_id: number | null;
  text: string;
  analysis: Buffer;
  ingested_at: string;
}

/** The stored number of an article's n-th statement or event (and a statement's group). */
interface Numbered {
  article_id: number;
  n: number;
  id: number;
  group_id: number | null;
}

type StoredEvent = NewsEvent;

/**
 * Articles read per round of queries: a few statements for a whole batch rather than three per
 * article, which on PostgreSQL would make the export as slow as the network's round trips.
 */
const BATCH = 200;

/**
 * The export, line by line (the header first for the CSV formats), written once for every store:
 * the same articles in the same order give the same bytes from SQLite and from PostgreSQL. The
 * reads share one snapshot, so an export taken while workers ingest is of one moment.
 */
export async function* exportLines(store: ArticleStore, format: ExportFormat, q: ExportQuery, counts: ExportCounts): AsyncGenerator<string> {
  if (format === 'csv') yield BOM + csvRow(STATEMENT_COLUMNS);
  if (format === 'acled') yield BOM + csvRow(ACLED_COLUMNS);
  const db = store.db;
  await store.beginRead();
  try {
    const ids = await store.selectedIds(q);
    const numbers =
      format === 'jsonl' ? null
      : format === 'csv' ? `SELECT article_id, n, id, group_id FROM statements WHERE article_id ${db.inList('int')}`
      : `SELECT article_id, n, id, NULL AS group_id FROM events WHERE article_id ${db.inList('int')}`;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const list = db.list(batch);
      const rows = await db.all<ArticleRow>(
        `SELECT id, source, url, outlet, title, published, story_id, text, analysis, ingested_at FROM articles WHERE id ${db.inList('int')}`,
        list,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      // Each article's numbers by position: `${article}:${n}`.
      const numbered = new Map((numbers ? await db.all<Numbered>(numbers, list) : []).map((r) => [`${r.article_id}:${r.n}`, r]));
      for (const id of batch) {
        const a = byId.get(id)!;
        counts.articles++;
        yield* articleLines(a, format, counts, (n) => numbered.get(`${id}:${n}`));
      }
    }
  } finally {
    // Also when the reader stops early (a closed pipe): the snapshot is let go either way.
    if (db.inTransaction) await db.exec('COMMIT');
  }
}

/** The lines of one article in a format. */
function* articleLines(a: ArticleRow, format: ExportFormat, counts: ExportCounts, numberOf: (n: number) => Numbered | undefined): Generator<string> {
  const analysis = readAnalysis(a.analysis);
  if (format === 'jsonl') {
    counts.records++;
    const { analysis: _blob, ingested_at: _at, story_id, ...article } = a;
    yield JSON.stringify({ ...article, story: story_id, ...analysis }) + '\n';
    return;
  }
  if (format === 'csv') {
    for (const [n, s] of (analysis.statements ?? []).entries()) {
      counts.records++;
      const stored = numberOf(n);
      yield csvRow([stored?.id, stored?.group_id, a.id, a.published, a.outlet, a.url, a.title, s.speaker, s.role, s.organization,
        s.stance, s.channel, s.kind, s.date, s.quote, s.span[0], s.span[1]]);
    }
    return;
  }
  for (const [n, ev] of (analysis.events ?? []).entries()) {
    const eventId = numberOf(n)?.id ?? null;
    if (format === 'acled') {
      counts.records++;
      yield csvRow(acledRow(ev, eventId, a));
    } else {
      const record = ploverRecord(ev, eventId, a);
      if (!record) {
        counts.undated++;
        continue;
      }
      counts.records++;
      yield JSON.stringify(record) + '\n';
    }
  }
}

export const STATEMENT_COLUMNS = [
  'statement_id', 'group_id', 'article_id', 'published', 'outlet', 'url', 'title', 'speaker', 'role', 'organization',
  'stance', 'channel', 'kind', 'date', 'quote', 'span_start', 'span_end',
];

// ── ACLED ─────────────────────────────────────────────────────────────────────────────────

/** ACLED's data columns, in the codebook's order (the layout since March 2023). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

/** ACLED's disorder type of an event type (codebook Table 2); Riots depend on the sub-event type. */
function disorderType(eventType: string, sub: string): string {
  if (eventType === 'Strategic developments') return 'Strategic developments';
  if (eventType === 'Protests') return sub === 'Excessive force against protesters' ? 'Political violence; Demonstrations' : 'Demonstrations';
  if (eventType === 'Riots') return sub === 'Mob violence' ? 'Political violence' : 'Demonstrations';
  return 'Political violence';
}

/**
 * An event as an ACLED row. What rasd does not know is left blank rather than guessed: the
 * actors' types (inter1, inter2, interaction), the country and its regions, the source scale and
 * the location's precision. The actors are in the order the text names them (ACLED's actor1 is
 * not necessarily the aggressor either), the others are associated with actor 1. The date's
 * precision is 1 when the text dates the event, 2 when only the article's day is known (an event
 * reported undated happened within days of it). `tags` points back to the source: the article and
 * the span of the sentence.
 */
function acledRow(ev: StoredEvent, id: number | null, a: ArticleRow): (string | number | null)[] {
  const date = ev.date ?? a.published;
  const { event_type, sub_event_type } = ev.acled;
  const [actor1 = null, actor2 = null, ...others] = ev.actors;
  const row: Record<(typeof ACLED_COLUMNS)[number], string | number | null> = {
    event_id_cnty: id !== null ? `RASD${id}` : `RASD${a.id}-${ev.span[0]}`,
    event_date: date,
    year: date ? Number(date.slice(0, 4)) : null,
    time_precision: date ? (ev.date ? 1 : 2) : null,
    disorder_type: disorderType(event_type, sub_event_type),
    event_type,
    sub_event_type,
    actor1,
    assoc_actor_1: others.join('; ') || null,
    inter1: null,
    actor2,
    assoc_actor_2: null,
    inter2: null,
    interaction: null,
    civilian_targeting: event_type === 'Violence against civilians' ? 'Civilians targeted' : null,
    iso: null,
    region: null,
    country: null,
    admin1: null,
    admin2: null,
    admin3: null,
    location: ev.location,
    latitude: ev.coordinates ? Number(ev.coordinates.lat.toFixed(4)) : null,
    longitude: ev.coordinates ? Number(ev.coordinates.lon.toFixed(4)) : null,
    geo_precision: null,
    source: a.outlet ?? a.url ?? a.source,
    source_scale: null,
    notes: a.text.slice(ev.span[0], ev.span[1]),
    fatalities: ev.killed ?? 0,
    tags: `rasd article ${a.id}; span ${ev.span[0]}-${ev.span[1]}${a.url ? `; ${a.url}` : ''}`,
    timestamp: Math.floor(Date.parse(a.ingested_at) / 1000) || null,
  };
  return ACLED_COLUMNS.map((c) => row[c]);
}

// ── PLOVER ────────────────────────────────────────────────────────────────────────────────

/** The quad of each PLOVER category (manual v0.8): 1 verbal cooperation … 4 material conflict. */
const QUAD: Record<string, number> = {
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2,
  DEMAND: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3, SANCTION: 3, PROTEST: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
};

/** PLOVER modes that follow from what rasd read (ACLED sub-event type, or the event kind). */
function ploverModes(ev: StoredEvent): string[] {
  switch (ev.acled.sub_event_type) {
    case 'Suicide bomb': return ['suicide-attack'];
    case 'Remote explosive/landmine/IED':
    case 'Grenade': return ['explosives'];
    // PLOVER has no aerial mode: CAMEO «employ aerial weapons» maps to heavy weapons.
    case 'Air/drone strike':
    case 'Shelling/artillery/missile attack': return ['heavy-weapons'];
    case 'Armed clash': return ['sideAB'];
  }
  if (ev.type === 'troop_presence') return ['troops'];
  if (ev.type === 'base_handover') return ['withdraw'];
  return [];
}

/**
 * An event as a PLOVER record (manual v0.8, "Data Fields"): id, date, source, event required.
 * The actors go to `source` (rasd does not tell who acted on whom: PLOVER puts all the
 * participants of a two-sided event in source), the sentence to `event_text`, its offsets to
 * `text_info`, the article to `cite_info`. No record when no date is known.
 */
function ploverRecord(ev: StoredEvent, id: number | null, a: ArticleRow): Record<string, unknown> | null {
  const date = ev.date ?? a.published;
  if (!date) return null;
  const record: Record<string, unknown> = {
    id: id !== null ? `rasd-${id}` : `rasd-${a.id}-${ev.span[0]}`,
    has_event: true,
    date,
    source: ev.actors.map((actor_text) => ({ actor_text })),
    recipient: [],
    event: [ev.plover],
    quad_code: QUAD[ev.plover] ?? null,
    mode: ploverModes(ev),
    event_text: [a.text.slice(ev.span[0], ev.span[1])],
    text_info: { start: ev.span[0], end: ev.span[1] },
    cite_info: { corpus: 'rasd', url: a.url, title: a.title, publication: a.outlet, language: 'ar', codebook: 'PLOVER 0.8' },
    coder: 'rasd',
  };
  if (ev.location || ev.coordinates) {
    record['event_loc'] = { name: ev.location, latitude: ev.coordinates?.lat ?? null, longitude: ev.coordinates?.lon ?? null };
  }
  if (ev.plover === 'ASSAULT') {
    record['dead'] = ev.killed;
    record['injured'] = ev.injured;
  }
  return record;
}
