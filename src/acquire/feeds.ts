// Article links from the lists news sites publish about themselves: RSS 2.0, Atom, RSS 1.0 (RDF),
// XML sitemaps (Google News ones included) and sitemap indexes. linkedom parses the XML (CDATA,
// entities); elements are found by their local name, so any namespace prefix works ("dc:date",
// "news:title"), with the unprefixed element preferred where an extension reuses a name
// ("media:title" beside "title").

import { DOMParser } from 'linkedom';
import { toDay } from './day.js';
import { prologEnd } from './sniff.js';

export interface FeedItem {
  url: string;
  title: string | null;
  /** YYYY-MM-DD when known; see publishedDay for the time zone. */
  published: string | null;
}

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'sitemap' | 'sitemapindex';

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  /** For a sitemap index: the child sitemaps. */
  items: FeedItem[];
}

/** The part of linkedom's XML DOM this module uses (its own types need the DOM lib, which we leave out). */
interface XmlElement {
  tagName: string;
  textContent: string | null;
  children: ArrayLike<XmlElement>;
  getAttribute(name: string): string | null;
}

/** Root element (local name, lower case) → kind. */
const KINDS: Record<string, FeedKind> = {
  rss: 'rss',
  feed: 'atom',
  rdf: 'rdf',
  urlset: 'sitemap',
  sitemapindex: 'sitemapindex',
};

/** Date elements in order of preference: the publication before the last change. */
const DATE_NAMES = ['publication_date', 'pubdate', 'published', 'issued', 'date', 'created', 'updated', 'modified', 'lastmod'];

/** null when the text is not a feed or sitemap. Relative links resolved against baseUrl. Items deduplicated by URL, in document order. */
export function parseFeed(xml: string, baseUrl: string): ParsedFeed | null {
  const root = parseRoot(xml);
  const kind = root && KINDS[localName(root)];
  if (!root || !kind) return null;
  const entries = kind === 'sitemap' || kind === 'sitemapindex' ? sitemapEntries(root) : feedEntries(root, kind);
  const items = dedupe(entries.map((e) => toItem(e, kind, baseUrl)));
  return { kind, title: feedTitle(root, kind), items };
}

/** Cheap check on content-type and the first bytes: is this an RSS/Atom/RDF feed or a sitemap (not an HTML page)? */
export function looksLikeFeed(contentType: string | null, head: string): boolean {
  const root = firstElementName(head);
  // The document's own root decides: servers label feeds text/html and pages text/xml often enough.
  if (root) return root.replace(/^.*:/, '').toLowerCase() in KINDS;
  return /\b(rss|atom|rdf)\+xml\b/i.test(contentType ?? '');
}

function parseRoot(xml: string): XmlElement | null {
  try {
    const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement | null };
    return doc.documentElement ?? null;
  } catch {
    return null;
  }
}

/** The first tag name after the XML declaration, comments, processing instructions and doctype. */
function firstElementName(head: string): string | null {
  const at = prologEnd(head);
  return at < 0 ? null : (/^<([A-Za-z_][\w:.-]*)/.exec(head.slice(at, at + 256))?.[1] ?? null);
}

function feedEntries(root: XmlElement, kind: FeedKind): XmlElement[] {
  if (kind === 'atom') return childrenNamed(root, 'entry');
  // RSS 2.0 puts items in the channel, RSS 1.0 beside it; some feeds do either.
  const channel = child(root, 'channel');
  return [...childrenNamed(root, 'item'), ...(channel ? childrenNamed(channel, 'item') : [])];
}

function sitemapEntries(root: XmlElement): XmlElement[] {
  return [...childrenNamed(root, 'url'), ...childrenNamed(root, 'sitemap')];
}

function feedTitle(root: XmlElement, kind: FeedKind): string | null {
  if (kind === 'sitemap' || kind === 'sitemapindex') return null;
  const owner = kind === 'atom' ? root : child(root, 'channel');
  return owner ? cleanTitle(textOf(child(owner, 'title'))) : null;
}

interface Entry {
  link: string | null;
  title: string | null;
  date: string | null;
}

function toItem(el: XmlElement, kind: FeedKind, baseUrl: string): FeedItem | null {
  const entry = kind === 'sitemap' || kind === 'sitemapindex' ? sitemapEntry(el) : feedEntry(el);
  const url = entry.link && absoluteUrl(entry.link, baseUrl);
  if (!url) return null;
  return { url, title: cleanTitle(entry.title), published: entry.date ? publishedDay(entry.date) : null };
}

function feedEntry(el: XmlElement): Entry {
  return { link: entryLink(el), title: textOf(child(el, 'title')), date: dateOf(el) };
}

/** A sitemap <url>: Google News sitemaps carry the title and publication date in <news:news>. */
function sitemapEntry(el: XmlElement): Entry {
  const news = child(el, 'news');
  return {
    link: textOf(child(el, 'loc')),
    title: news ? textOf(child(news, 'title')) : null,
    date: (news && dateOf(news)) ?? dateOf(el),
  };
}

/**
 * RSS <link>text</link>, else Atom <link rel="alternate" href> (no rel means alternate), else a
 * permalink <guid> (RSS says a guid is a permalink unless isPermaLink="false"), else an Atom <id>
 * that is a web address.
 */
function entryLink(el: XmlElement): string | null {
  const links = childrenNamed(el, 'link');
  const text = links.map((l) => (l.getAttribute('href') ? null : textOf(l))).find(Boolean);
  if (text) return text;
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate' && l.getAttribute('href'));
  if (alternate) return alternate.getAttribute('href');
  const guid = child(el, 'guid');
  if (guid && guid.getAttribute('isPermaLink') !== 'false') return textOf(guid);
  const id = textOf(child(el, 'id'));
  return id && /^https?:\/\//i.test(id) ? id : null;
}

function dateOf(el: XmlElement): string | null {
  for (const name of DATE_NAMES) {
    const value = textOf(child(el, name));
    if (value) return value;
  }
  return null;
}

/**
 * The day of a feed date. An instant with a time zone ("Sat, 04 Sep 2021 23:00:00 -0300",
 * "2021-09-04T23:00:00Z") gives its day in UTC, so one article has one day whichever zone its feed
 * writes in. A bare date, or a time without a zone, gives the day as written: there is no instant
 * to convert.
 */
export function publishedDay(value: string): string | null {
  const s = value.trim();
  const hasZone = /\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d|GMT|UTC?|[ECMP][SD]T)$/i.test(s);
  const instant = hasZone ? Date.parse(s) : NaN;
  return Number.isNaN(instant) ? toDay(s) : toDay(new Date(instant).toISOString().slice(0, 10));
}

/** An http(s) URL, relative ones resolved against the feed's address; null for anything else. */
function absoluteUrl(link: string, baseUrl: string): string | null {
  try {
    const url = new URL(link.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function dedupe(items: (FeedItem | null)[]): FeedItem[] {
  const seen = new Set<string>();
  return items.filter((item): item is FeedItem => {
    if (!item || seen.has(item.url)) return false;
    seen.add(item.url);
    return true;
  });
}

/** HTML-escaped once more than XML needs (common in feeds), or markup inside CDATA: read as text. */
const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A title as plain text: markup dropped, entities the XML parser left (HTML ones such as
 * &nbsp;, or double-escaped ones) decoded, white space collapsed. Arabic text passes untouched.
 */
function cleanTitle(title: string | null): string | null {
  if (!title) return null;
  const text = title
    .replace(/<[^<>]*>/g, ' ') // not <[^>]*>, which rescans the rest for each "<" without a ">"
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => entity(name) ?? whole)
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

function entity(name: string): string | null {
  if (name[0] !== '#') return HTML_ENTITIES[name.toLowerCase()] ?? null;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

function textOf(el: XmlElement | null | undefined): string | null {
  const text = el?.textContent?.trim();
  return text ? text : null;
}

/** "item" for <item>, <rss:item> or <ITEM>: the name without its prefix, lower-cased. */
function localName(el: XmlElement): string {
  return el.tagName.replace(/^.*:/, '').toLowerCase();
}

function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return Array.from(el.children).filter((c) => localName(c) === name);
}

/** The first child with this local name, an unprefixed one first. */
function child(el: XmlElement, name: string): XmlElement | null {
  const all = childrenNamed(el, name);
  return all.find((c) => !c.tagName.includes(':')) ?? all[0] ?? null;
}
