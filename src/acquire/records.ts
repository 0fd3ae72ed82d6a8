// JSON news records → RawInput. Scrapers and datasets name their fields differently (news-please
// says maintext and date_publish, SaudiNewsNet content and date_extracted, schema.org articleBody
// and datePublished); the common names are accepted so that no export needs reshaping first.

import { htmlFragmentToText, htmlToInput, looksLikeHtml, looksLikePage } from '../clean/html.js';
import type { Diagnostic, DocMeta, RawInput } from '../core/types.js';
import { toDay } from './day.js';
import { BODY_FIELDS, errors, jsonErrorDetail, notes } from './errors.js';
import { DEFAULT_MAX_DEPTH, jsonTooDeep } from './json-depth.js';
import type { InputResult } from './index.js';

type Json = Record<string, unknown>;

const TITLE_FIELDS = ['title', 'headline'];
const DATE_FIELDS = ['date', 'published', 'date_publish', 'date_published', 'datePublished', 'pubDate', 'date_extracted'];
const OUTLET_FIELDS = ['source', 'outlet', 'source_domain', 'site', 'publisher'];
const URL_FIELDS = ['url', 'link', 'canonical_url'];
const AUTHOR_FIELDS = ['author', 'authors', 'byline'];

/** What the file a record comes from says about every record in it. */
export interface RecordContext {
  encoding: string;
  /** Diagnostics about the file (e.g. its encoding), repeated on each record so none is lost. */
  diagnostics: Diagnostic[];
  /** The deepest nesting of arrays and objects read in a record (and in a page it holds); default 512. */
  maxDepth?: number;
}

/** One parsed JSON value (a record) → a RawInput, or the reason it is not one. */
export function recordToInput(value: unknown, source: string, ctx: RecordContext): InputResult {
  if (!isObject(value)) return { ok: false, source, error: errors.notAnObject(source, describe(value)) };
  const found = findBody(value);
  if (!found) return { ok: false, source, error: errors.noBody(source) };
  if (!found.body.trim()) return { ok: false, source, error: errors.emptyBody(source, found.field) };
  const diagnostics = [...ctx.diagnostics];
  const meta = recordMeta(value, source, diagnostics);
  const body = reduceHtml(found.body, source, meta, diagnostics, ctx.maxDepth);
  // A body of markup alone (an empty page, a lone <img>) leaves no text to analyse.
  if (!body.trim()) return { ok: false, source, error: errors.htmlWithoutText(source) };
  const input: RawInput = { source, kind: 'json', body, meta, encoding: ctx.encoding, diagnostics };
  return { ok: true, input };
}

/** Records of a parsed .json file: an object is one article, an array is one per element. */
export function documentToResults(value: unknown, source: string, ctx: RecordContext): InputResult[] {
  if (!Array.isArray(value)) return [recordToInput(value, source, ctx)];
  if (!value.length) return [{ ok: false, source, error: errors.noRecords(source) }];
  return value.map((v, i) => recordToInput(v, `${source}#${i + 1}`, ctx));
}

/** One line of a JSON Lines file; null for a blank line, which is skipped without a word. */
export function lineToResult(line: string, source: string, ctx: RecordContext): InputResult | null {
  if (!line.trim()) return null;
  const maxDepth = ctx.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (jsonTooDeep(line, maxDepth)) return { ok: false, source, error: errors.jsonLineTooDeep(source, maxDepth) };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, source, error: errors.invalidJsonLine(source, jsonErrorDetail(e, line)) };
  }
  return recordToInput(value, source, ctx);
}

/** The first body field holding text (a string, or a list of paragraphs). */
function findBody(record: Json): { field: string; body: string } | null {
  for (const field of BODY_FIELDS) {
    const v = record[field];
    if (typeof v === 'string') return { field, body: v };
    if (Array.isArray(v) && v.every((p) => typeof p === 'string')) return { field, body: v.join('\n\n') };
  }
  return null;
}

function recordMeta(record: Json, source: string, diagnostics: Diagnostic[]): DocMeta {
  return {
    title: firstName(record, TITLE_FIELDS),
    published: recordDate(record, source, diagnostics),
    outlet: firstName(record, OUTLET_FIELDS),
    url: firstName(record, URL_FIELDS),
    author: firstName(record, AUTHOR_FIELDS),
  };
}

/** The first date field that reads as a day; a diagnostic when some were given and none did. */
function recordDate(record: Json, source: string, diagnostics: Diagnostic[]): string | null {
  const present = DATE_FIELDS.filter((f) => isDateValue(record[f]));
  for (const field of present) {
    const day = toDay(record[field]);
    if (day) return day;
  }
  if (present.length) {
    const field = present[0]!;
    const reason = notes.unparseableDate(source, field, String(record[field]).trim());
    diagnostics.push({ stage: 'acquire', rule: 'json-date-unparseable', reason });
  }
  return null;
}

function isDateValue(v: unknown): boolean {
  return (typeof v === 'string' && v.trim() !== '') || typeof v === 'number';
}

/**
 * A body with markup is reduced to text. A fragment is already the article, so it is only
 * turned into paragraphs; a whole saved page goes through the page extractor, whose metadata
 * fills what the record itself leaves empty.
 */
function reduceHtml(body: string, source: string, meta: DocMeta, diagnostics: Diagnostic[], maxDepth: number | undefined): string {
  const text = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  if (!looksLikeHtml(text)) return text;
  if (!looksLikePage(text)) return htmlFragmentToText(text);
  const page = htmlToInput(text, source, { maxDepth });
  diagnostics.push(...page.diagnostics);
  for (const key of Object.keys(meta) as (keyof DocMeta)[]) meta[key] ??= page.meta[key];
  return page.body;
}

/** A string field, or the name of an object ({"name": …}), or the names in a list joined. */
function firstName(record: Json, fields: string[]): string | null {
  for (const field of fields) {
    const name = nameOf(record[field]);
    if (name) return name;
  }
  return null;
}

/**
 * How deep a name may sit: a list of objects with a name is two levels. Deeper values are no name,
 * and stopping there keeps a hostile record (a list nested a million deep) off the call stack.
 */
const MAX_NAME_DEPTH = 4;

function nameOf(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (depth >= MAX_NAME_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => nameOf(v, depth + 1)).filter((v) => v).join('، ') || null;
  return isObject(value) ? nameOf(value.name, depth + 1) : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How an unexpected JSON value is named in an error ("a string", "null"). */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
