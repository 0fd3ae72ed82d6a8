// HTML → main text with its paragraph structure, plus the metadata the page states about itself.
// Readability picks the article out of the page; the text is then written out by our own walker,
// because Readability's textContent runs paragraphs together and later stages (boilerplate lines,
// paragraph and sentence spans) need one paragraph per block, separated by a blank line.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toDay } from '../acquire/day.js';
import { jsonErrorDetail, notes } from '../acquire/errors.js';
import { DEFAULT_MAX_DEPTH, jsonTooDeep } from '../acquire/json-depth.js';
import { prologEnd } from '../acquire/sniff.js';
import type { Diagnostic, DocMeta } from '../core/types.js';

/** The part of the DOM this module uses. linkedom's own types need the DOM lib, which we leave out. */
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument extends DomNode {
  body: DomElement | null;
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const STAGE = 'clean';
const ELEMENT = 1;
const TEXT = 3;

export interface HtmlInput {
  body: string;
  meta: DocMeta;
  diagnostics: Diagnostic[];
}

export interface HtmlOptions {
  /**
   * The deepest nesting of elements (and of JSON-LD values) read as usual; default 512, the
   * depth at which Chromium's HTML parser stops nesting. Readability's cost grows with the square
   * of the depth (a page of 20 000 nested <div>s took a minute), so a deeper page skips it and
   * gives the text of its whole body instead, with a diagnostic.
   */
  maxDepth?: number;
}

/** A whole page: its main text (Readability, else the whole body) and its metadata. */
export function htmlToInput(html: string, source: string, opts: HtmlOptions = {}): HtmlInput {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const diagnostics: Diagnostic[] = [];
  const document = parse(html);
  // Metadata first: Readability rewrites the document it is given (it drops scripts, JSON-LD included).
  const meta = readMeta(document, source, diagnostics, maxDepth);
  const shape = treeShape(document, maxDepth);
  let body = shape === 'fits' ? mainText(document) : '';
  if (shape !== 'fits') {
    const reason = shape === 'too-deep' ? notes.htmlTooDeep(source, maxDepth) : notes.htmlTooLarge(source);
    diagnostics.push({ stage: STAGE, rule: `html-${shape}`, reason });
    body = pageText(document);
  } else if (!body) {
    diagnostics.push({ stage: STAGE, rule: 'html-no-main-content', reason: notes.noMainContent(source) });
    body = pageText(parse(html));
  }
  return { body, meta, diagnostics };
}

/**
 * Text of an HTML fragment that is already the article (a JSON record's body), without
 * Readability: it would judge a short fragment too thin to be an article and cut it.
 */
export function htmlFragmentToText(html: string): string {
  const body = parse(`<!DOCTYPE html><html><body>${html}</body></html>`).body;
  return body ? blockText(body) : '';
}

/** True when a string carries HTML markup rather than merely a "<" in running text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|br|div|span|a|li|ul|ol|h[1-6]|strong|em|b|i|img|table|tr|td|blockquote|section|article|figure|script|style|html|body)\b[^<>]*>/i.test(text);
}

/** True when markup is a whole page (with head and body) rather than an article fragment. */
export function looksLikePage(text: string): boolean {
  return /<(?:html|head|body)\b/i.test(text);
}

/**
 * linkedom builds the tree as the markup comes, without HTML's repairs: text before the first
 * element, or after the element that became the root, is dropped, and a page that does not open
 * with <html><head>…<body> has an empty body (or none: `document.body` then throws). Such markup
 * (a fragment saved as .html, a stray tag before <html>) is parsed again inside a proper page.
 */
function parse(html: string): DomDocument {
  const wrapped = () => parseDocument(`<!DOCTYPE html><html><body>${html}</body></html>`);
  // Markup that does not even open with <html> is wrapped at once, without parsing it twice.
  const start = prologEnd(html);
  if (start < 0 || !/^<html[\s>]/i.test(html.slice(start, start + 6))) return wrapped();
  const document = parseDocument(html);
  return hasProperBody(document) ? document : wrapped();
}

function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as { document: DomDocument }).document;
}

/** True when the root is <html> holding only a <head>, a <body>, comments and white space. */
function hasProperBody(document: DomDocument): boolean {
  const root = document.documentElement;
  if (!root || root.tagName.toUpperCase() !== 'HTML') return false;
  let body = false;
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === ELEMENT) {
      const tag = (node as DomElement).tagName.toUpperCase();
      if (tag === 'BODY') body = true;
      else if (tag !== 'HEAD') return false;
    } else if (node.nodeType === TEXT && node.nodeValue?.trim()) return false;
  }
  return body;
}

/**
 * Readability's time, measured on a loaded two-core machine: about 0.06 ms per element, plus about
 * 0.07 µs per element for the square of its depth (one chain of 500 nested <div>s took 3 s, a
 * 20 MB page of short paragraphs would take minutes). News pages have a few thousand elements
 * some 10–30 deep, far under both limits; a page past either gets its whole text instead.
 */
const MAX_READABILITY_ELEMENTS = 50_000;
const MAX_READABILITY_DEPTH_WORK = 10_000_000;

/** Whether Readability may be run on the tree, counted without recursion; too deep is told first, being the user's limit. */
function treeShape(document: DomDocument, maxDepth: number): 'fits' | 'too-deep' | 'too-large' {
  // From the document itself: linkedom hangs markup found after </html> beside the root, where Readability still looks.
  let elements = 0;
  let work = 0;
  const stack: [DomNode, number][] = [[document, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > maxDepth) return 'too-deep';
    elements++;
    work += depth * depth;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) if (children[i]!.nodeType === ELEMENT) stack.push([children[i]!, depth + 1]);
  }
  return elements > MAX_READABILITY_ELEMENTS || work > MAX_READABILITY_DEPTH_WORK ? 'too-large' : 'fits';
}

// ---- main text -------------------------------------------------------------------------------

function mainText(document: DomDocument): string {
  try {
    const article = new Readability<DomNode>(document as never, { serializer: (node) => node as never }).parse();
    return article?.content ? blockText(article.content as DomElement) : '';
  } catch {
    // Readability throws on some malformed trees; the whole-page fallback still gives the text.
    return '';
  }
}

/** The body without the parts of a page that are never the article (menus, side bars, forms). */
function pageText(document: DomDocument): string {
  const body = document.body;
  if (!body) return '';
  for (const el of Array.from(body.querySelectorAll('nav, aside, footer, form'))) el.remove();
  return blockText(body);
}

/** Elements whose content is never text a reader sees. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'iframe', 'object', 'canvas', 'select', 'button']);

/** Blocks that make a paragraph of their own (a blank line before and after). */
const PARAGRAPH = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'main', 'header',
  'footer', 'aside', 'nav', 'ul', 'ol', 'dl', 'table', 'figure', 'figcaption', 'pre', 'hr', 'address',
  'details', 'summary', 'fieldset', 'form', 'center', 'body',
]);

/** Blocks that make a line of their own within a paragraph. */
const LINE = new Set(['li', 'tr', 'dt', 'dd', 'caption', 'option']);

/** Table cells are kept apart by a space, so two cells never fuse into one word. */
const CELL = new Set(['td', 'th']);

/**
 * Writes text line by line. A break between two lines is the strongest break met between them:
 * 1 for a new line, 2 for a blank line. Whitespace inside a line collapses to one space, as a
 * browser shows it.
 */
class TextSink {
  private out: string[] = [];
  private line = '';
  private gap = 0;

  text(s: string): void {
    this.line += s;
  }

  /** A block boundary: ends the current line and asks for at least `level` before the next. */
  block(level: 1 | 2): void {
    this.flush();
    this.gap = Math.max(this.gap, level);
  }

  /** <br>: ends the line; a second <br> in a row makes a blank line, as it does on screen. */
  lineBreak(): void {
    const empty = !this.flush();
    this.gap = empty && this.out.length ? Math.min(2, this.gap + 1) : Math.max(this.gap, 1);
  }

  result(): string {
    this.flush();
    return this.out.join('');
  }

  /** Writes the pending line, if it has any text; says whether it had. */
  private flush(): boolean {
    const line = this.line.replace(/\s+/g, ' ').trim();
    this.line = '';
    if (!line) return false;
    if (this.out.length) this.out.push(this.gap >= 2 ? '\n\n' : '\n');
    this.out.push(line);
    this.gap = 0;
    return true;
  }
}

/**
 * The text of an element, block by block. The tree is walked with a stack of its own rather than
 * by recursion, so a page nested thousands of elements deep cannot overflow the call stack.
 */
function blockText(root: DomElement): string {
  const sink = new TextSink();
  // A node to enter, or the tag of an element whose end is reached.
  const stack: (DomNode | { end: string })[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if (!('nodeType' in item)) {
      breakAround(item.end, sink);
      continue;
    }
    if (item.nodeType === TEXT) {
      sink.text(item.nodeValue ?? '');
      continue;
    }
    if (item.nodeType !== ELEMENT) continue;
    const el = item as DomElement;
    const tag = el.tagName.toLowerCase();
    if (INVISIBLE.has(tag) || el.hasAttribute('hidden')) continue;
    if (tag === 'br') {
      sink.lineBreak();
      continue;
    }
    breakAround(tag, sink); // an element's start breaks the text as its end does
    stack.push({ end: tag });
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return sink.result();
}

/** The break a block element makes before and after itself; a table cell's space. */
function breakAround(tag: string, sink: TextSink): void {
  const level = PARAGRAPH.has(tag) ? 2 : LINE.has(tag) ? 1 : 0;
  if (level) sink.block(level);
  else if (CELL.has(tag)) sink.text(' ');
}

// ---- metadata --------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function readMeta(document: DomDocument, source: string, diagnostics: Diagnostic[], maxDepth: number): DocMeta {
  const metas = metaIndex(document);
  const ld = jsonLd(document, source, diagnostics, maxDepth);
  const outlet = firstText(metas.get('og:site_name'), ld.publisher, metas.get('application-name'));
  return {
    title: pageTitle(document, metas, ld, outlet),
    published: published(document, metas, ld, source, diagnostics),
    outlet,
    url: firstText(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), metas.get('og:url')),
    author: firstText(metas.get('author'), nonUrl(metas.get('article:author')), ld.author),
  };
}

/** <meta> content by lower-cased property, name or itemprop; the first tag wins. */
function metaIndex(document: DomDocument): Map<string, string> {
  const index = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  return index;
}

function pageTitle(document: DomDocument, metas: Map<string, string>, ld: LinkedData, outlet: string | null): string | null {
  const og = clean(metas.get('og:title'));
  if (og) return stripOutlet(og, outlet);
  const h1 = clean(document.querySelector('h1')?.textContent);
  const title = clean(document.querySelector('title')?.textContent);
  if (title) return stripSiteSuffix(stripOutlet(title, outlet), h1);
  return h1 ?? ld.headline;
}

const TITLE_SEPARATORS = [' - ', ' | ', ' – ', ' — ', ' :: '];

/** "Headline - Outlet" → "Headline", when the outlet's name is known. */
function stripOutlet(title: string, outlet: string | null): string {
  if (!outlet) return title;
  for (const sep of TITLE_SEPARATORS) {
    if (title.endsWith(sep + outlet)) return title.slice(0, -(sep + outlet).length).trim();
  }
  return title;
}

/**
 * "Headline | Site" → "Headline". When the page's h1 is the part before a separator, that settles
 * it. Otherwise only the last part goes, and only when it is shorter than the rest: headlines
 * themselves contain dashes ("العراق - تركيا: …"), and site names are short.
 */
function stripSiteSuffix(title: string, h1: string | null): string {
  if (h1 && title.startsWith(h1) && TITLE_SEPARATORS.some((sep) => title.startsWith(sep, h1.length))) return h1;
  const m = /^(.*\S)\s+[-|–—]\s+([^-|–—]+)$/.exec(title);
  return m && m[2]!.trim().length < m[1]!.length ? m[1]! : title;
}

/** Candidates in order of trust; the first that reads as a day wins. */
function published(document: DomDocument, metas: Map<string, string>, ld: LinkedData, source: string, diagnostics: Diagnostic[]): string | null {
  const itemprop = document.querySelector('[itemprop="datePublished"]:not(meta)');
  const candidates: [string, string | null | undefined][] = [
    ...['article:published_time', 'og:published_time', 'date', 'pubdate', 'publishdate', 'dc.date.issued', 'datepublished']
      .map((key): [string, string | undefined] => [`meta ${key}`, metas.get(key)]),
    ['itemprop datePublished', itemprop?.getAttribute('content') ?? itemprop?.getAttribute('datetime') ?? itemprop?.textContent],
    ['JSON-LD datePublished', ld.datePublished],
    ['time datetime', publishedTimeElement(document)?.getAttribute('datetime')],
  ];
  const present = candidates.filter((c): c is [string, string] => !!c[1]?.trim());
  for (const [, value] of present) {
    const day = toDay(value);
    if (day) return day;
  }
  if (present.length) {
    const [field, value] = present[0]!;
    diagnostics.push({ stage: STAGE, rule: 'html-date-unparseable', reason: notes.unparseableDate(source, field, value.trim()) });
  }
  return null;
}

/** A <time> in the article is the article's; the first in the page may belong to a side bar. */
function publishedTimeElement(document: DomDocument): DomElement | null {
  return document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]');
}

// ---- JSON-LD ---------------------------------------------------------------------------------

interface LinkedData {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
  author: string | null;
}

const ARTICLE_TYPE = /Article|NewsArticle|ReportageNews|BlogPosting|Report|WebPage/;

/** The facts the page's JSON-LD states, articles before other nodes. */
function jsonLd(document: DomDocument, source: string, diagnostics: Diagnostic[], maxDepth: number): LinkedData {
  const nodes: Json[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const raw = script.textContent ?? '';
    // collectNodes and nameOf recurse into the value: a block nested deeper than the limit is not read.
    if (jsonTooDeep(raw, maxDepth)) {
      diagnostics.push({ stage: STAGE, rule: 'html-jsonld-too-deep', reason: notes.jsonLdTooDeep(source, maxDepth) });
      continue;
    }
    const parsed = parseJsonLd(raw);
    if (parsed.ok) collectNodes(parsed.value, nodes);
    else diagnostics.push({ stage: STAGE, rule: 'html-jsonld-malformed', reason: notes.malformedJsonLd(source, parsed.error) });
  }
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const ordered = [...nodes.filter(isArticle), ...nodes.filter((n) => !isArticle(n))];
  const pick = (read: (n: Json) => string | null) => ordered.map(read).find((v) => v) ?? null;
  return {
    headline: pick((n) => text(n.headline)),
    datePublished: pick((n) => text(n.datePublished)),
    publisher: pick((n) => nameOf(n.publisher, byId)),
    author: pick((n) => nameOf(n.author, byId)),
  };
}

/**
 * Parses a JSON-LD block. Publishers often leave raw line breaks inside strings, which JSON
 * forbids; since they mean no more than spaces, a second attempt replaces control characters.
 */
function parseJsonLd(raw: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const body = raw.trim().replace(/^(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)$/g, '').trim();
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (first) {
    try {
      return { ok: true, value: JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ')) };
    } catch {
      return { ok: false, error: jsonErrorDetail(first, body) };
    }
  }
}

/** Flattens arrays and @graph containers into a list of nodes. */
function collectNodes(value: unknown, out: Json[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectNodes(v, out);
  } else if (isObject(value)) {
    out.push(value);
    if (value['@graph']) collectNodes(value['@graph'], out);
  }
}

function isArticle(node: Json): boolean {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
}

/** The name of a publisher or author: a string, {name}, a reference {"@id"} to a node, or a list. */
function nameOf(value: unknown, byId: Map<string, Json>): string | null {
  if (Array.isArray(value)) return value.map((v) => nameOf(v, byId)).find((v) => v) ?? null;
  if (typeof value === 'string') return clean(value);
  if (!isObject(value)) return null;
  const named = text(value.name);
  if (named) return named;
  const ref = typeof value['@id'] === 'string' ? byId.get(value['@id']) : undefined;
  return ref && ref !== value ? text(ref.name) : null;
}

// ---- small helpers ---------------------------------------------------------------------------

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

/** Collapsed whitespace, or null for nothing. */
function clean(value: string | null | undefined): string | null {
  const s = value?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

function firstText(...values: (string | null | undefined)[]): string | null {
  for (const v of values) {
    const s = clean(v);
    if (s) return s;
  }
  return null;
}

/** article:author is often a profile URL, which is no name. */
function nonUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\//i.test(value.trim()) ? undefined : value;
}
