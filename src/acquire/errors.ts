// Every message the input side shows a user, in one place (the practice of spaCy's errors.py):
// full sentences that name the file and say what to do next. Reader code never builds text inline.

import { LimitExceeded, RatioExceeded, isZlibError } from './stream.js';

/** Field names a JSON record may carry its text in, in order of preference. */
export const BODY_FIELDS = ['content', 'text', 'maintext', 'body', 'article', 'article_body', 'articleBody'] as const;

const MB = 1024 * 1024;

/** "20 MB" for whole megabytes, else one decimal ("1.5 MB"), else bytes for small limits. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < MB) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KB`;
  return `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB`;
}

/** A --max-bytes value that would let a file of `size` bytes through: the next whole megabyte. */
function limitFor(size: number): number {
  return Math.ceil(size / MB) * MB;
}

/** What is wrong with a WARC record that is not one, as the end of a sentence. */
const WARC_PROBLEMS = {
  version: 'it does not start with a WARC/1.0 or WARC/1.1 line',
  length: 'its Content-Length is missing or not a number',
  endless: 'its header does not end',
} as const;

export type WarcProblem = keyof typeof WARC_PROBLEMS;

/** Errors: the input (or one record of it) could not be read at all. */
export const errors = {
  notFound: (path: string) =>
    `${path} does not exist; check the spelling, or run rasd from the folder the path is relative to.`,
  isDirectory: (path: string) =>
    `${path} is a directory; pass the files inside it, e.g. ${path.replace(/\/+$/, '')}/*.txt.`,
  permissionDenied: (path: string) =>
    `${path} cannot be read because permission is denied; make it readable (e.g. chmod +r ${path}) or run rasd as a user who may read it.`,
  readFailed: (path: string, detail: string) =>
    `${path} could not be read (${detail}); check that the file is accessible and try again.`,
  empty: (path: string) =>
    `${path} is empty, so there is nothing to analyse; check that it was saved or downloaded completely.`,
  whitespaceOnly: (path: string) =>
    `${path} contains only whitespace, so there is nothing to analyse; check that it was saved or downloaded completely.`,
  tooLarge: (path: string, size: number, limit: number) =>
    `${path} is ${formatBytes(size)}, more than the limit of ${formatBytes(limit)} per file; split it into smaller files, or raise the limit with --max-bytes ${limitFor(size)}.`,
  recordTooLarge: (source: string, size: number, limit: number) =>
    `${source} is a record of ${formatBytes(size)}, more than the limit of ${formatBytes(limit)} per record, and was skipped; if it is a genuine article, raise the limit with --max-bytes ${limitFor(size)}.`,
  tooLargeStream: (path: string, limit: number) =>
    `${path} is larger than the limit of ${formatBytes(limit)} per file and was not read; split it into smaller files, or raise the limit with --max-bytes.`,
  gzipTooLarge: (path: string, limit: number) =>
    `${path} decompresses to more than the limit of ${formatBytes(limit)} per file, so decompression was stopped there (records before that point were read); if it is a genuine archive, raise the limit with --max-bytes, or split it into smaller files.`,
  gzipRatio: (path: string, ratio: number, compressed: number, decompressed: number) =>
    `${path} decompresses to more than ${ratio} times its compressed size (${formatBytes(decompressed)} from ${formatBytes(compressed)}), as a decompression bomb does, so decompression was stopped there (records before that point were read); if it is a genuine file, raise the limit with --max-ratio ${ratio * 10}.`,
  corruptGzip: (path: string, detail: string) =>
    `${path} is not a valid gzip file (${detail}); download or compress it again, or drop the .gz extension if it is not compressed.`,
  binary: (path: string) =>
    `${path} looks like a binary file, not text; pass plain text, HTML or JSON (if it is UTF-16 text without a byte-order mark, re-save it as UTF-8).`,
  notUtf8: (path: string) =>
    `${path} is not valid UTF-8 and does not look like windows-1256 Arabic either; re-save it as UTF-8.`,
  badUtf16: (path: string, encoding: string) =>
    `${path} starts with a ${encoding} byte-order mark but is not valid ${encoding}; re-save it as UTF-8.`,
  htmlWithoutText: (path: string) =>
    `${path} is HTML but holds no readable text; check that the page was saved completely (pages that build their text with JavaScript must be saved from a browser after loading).`,
  invalidJson: (path: string, detail: string) =>
    `${path} is not valid JSON (${detail}); fix the syntax, or name the file .jsonl if it holds one record per line.`,
  jsonTooDeep: (path: string, limit: number) =>
    `${path} nests JSON arrays or objects more than ${limit} levels deep, more than any news record needs, so it was not read; flatten the records, or raise the limit with --max-depth.`,
  jsonLineTooDeep: (source: string, limit: number) =>
    `${source} nests JSON arrays or objects more than ${limit} levels deep, more than any news record needs, so that line was skipped (the other lines are read anyway); flatten the record, or raise the limit with --max-depth.`,
  invalidJsonLine: (source: string, detail: string) =>
    `${source} is not valid JSON (${detail}); fix or remove that line (the other lines are read anyway).`,
  noRecords: (path: string) =>
    `${path} holds an empty array, so there is no article to analyse; put one JSON object per article in it.`,
  notAnObject: (source: string, found: string) =>
    `${source} is ${found}, not a JSON object; each record must be an object with its text in a field such as "content" or "text".`,
  noBody: (source: string) =>
    `${source} has no text field; give each record its article text in one of: ${BODY_FIELDS.join(', ')}.`,
  emptyBody: (source: string, field: string) =>
    `${source} has an empty "${field}" field, so there is no article text to analyse; fill it or drop the record.`,
  notWarc: (path: string) =>
    `${path} is named as a web archive but does not start with a WARC/1.0 or WARC/1.1 record; check that it is one, or name it for what it holds (.html, .json, .txt).`,
  warcMalformed: (path: string, record: number, offset: number, problem: WarcProblem) =>
    `${path}: record ${record}, at byte ${offset} of the uncompressed archive, is not a valid WARC record (${WARC_PROBLEMS[problem]}), so it was skipped up to the next record found; the archive may be damaged, so download or copy it again if pages are missing.`,
  warcTruncated: (path: string, record: number, offset: number) =>
    `${path} ends in the middle of record ${record} (at byte ${offset} of the uncompressed archive), so that record was not read (the records before it were); the archive is incomplete, so download or copy it again, or wait until the crawler has finished writing it.`,
  warcRecordTooLarge: (source: string, size: number, limit: number) =>
    `${source} is a page of ${formatBytes(size)}, more than the limit of ${formatBytes(limit)} per record, so it was skipped (the other records were read); raise the limit with --max-bytes ${limitFor(size)} to read it.`,
  warcPageTooLarge: (source: string, limit: number) =>
    `${source} decompresses to more than the limit of ${formatBytes(limit)} per record, so it was skipped (the other records were read); raise the limit with --max-bytes to read it.`,
  warcBadContentEncoding: (source: string, coding: string) =>
    `${source} is declared ${coding}-compressed (Content-Encoding) but cannot be decompressed, so it was skipped; the crawler stored it damaged, so fetch the page again if you need it.`,
  warcNoHtml: (path: string, records: number) =>
    `${path} holds ${records} ${records === 1 ? 'record' : 'records'} but no HTML responses; rasd reads the HTML pages of a web archive (response records with status 200 and Content-Type text/html), so check that the crawl fetched the pages themselves, not only requests, metadata or revisits.`,
  stdinTwice: () =>
    `Standard input ("-") was given more than once, but it can be read only once; pass "-" a single time.`,
  stdinTerminal: () =>
    `Standard input ("-") is a terminal, not a file or a pipe; pipe the article in, e.g. cat article.html | rasd analyze -.`,
};

/** Diagnostics: the input was read, but something about it deserves the user's attention. */
export const notes = {
  legacyEncoding: (source: string, encoding: string) =>
    `${source} is not UTF-8 and was read as ${encoding}; check that the Arabic reads correctly, and re-save the file as UTF-8 to be sure.`,
  unparseableDate: (source: string, field: string, value: string) =>
    `${source}: the ${field} value "${value}" is not a date rasd can read, so the publication date was left empty; give it as YYYY-MM-DD or an ISO 8601 timestamp.`,
  noMainContent: (source: string) =>
    `${source}: no main article was found in the page, so the text of the whole page was used; expect menus and other page furniture in it.`,
  htmlTooDeep: (source: string, limit: number) =>
    `${source}: the page nests elements more than ${limit} levels deep, too deep to look for the article in it, so the text of the whole page was used; expect menus and other page furniture in it (raise the limit with --max-depth if the page is genuine).`,
  htmlTooLarge: (source: string) =>
    `${source}: the page has too many elements, or nests too many of them deeply, to look for the article in it within seconds, so the text of the whole page was used; expect menus and other page furniture in it.`,
  jsonLdTooDeep: (source: string, limit: number) =>
    `${source}: a JSON-LD block nests more than ${limit} levels deep and was ignored; metadata was taken from the other tags (raise the limit with --max-depth if the page is genuine).`,
  malformedJsonLd: (source: string, detail: string) =>
    `${source}: a JSON-LD block is not valid JSON (${detail}) and was ignored; metadata was taken from the other tags.`,
  jsonLinesInJson: (source: string) =>
    `${source} holds one JSON object per line rather than a single JSON value, so it was read as JSON Lines; name it .jsonl to say so.`,
};

/** The message for an exception met while reading `path`: file system, size limit or gzip. */
export function readError(e: unknown, path: string): string {
  if (e instanceof RatioExceeded) return errors.gzipRatio(path, e.ratio, e.compressed, e.decompressed);
  if (e instanceof LimitExceeded) {
    return e.decompressed ? errors.gzipTooLarge(path, e.limit) : errors.tooLargeStream(path, e.limit);
  }
  if (isZlibError(e)) return errors.corruptGzip(path, e.message);
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return errors.notFound(path);
  if (code === 'EACCES' || code === 'EPERM') return errors.permissionDenied(path);
  if (code === 'EISDIR') return errors.isDirectory(path);
  return errors.readFailed(path, e instanceof Error ? e.message : String(e));
}

/**
 * A JSON.parse error as "what, at line L, column C". V8's own wording adds a position in UTF-16
 * units that nobody can find in an editor, and its suffix changes between Node versions.
 */
export function jsonErrorDetail(e: unknown, text: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^(.*?)(?:,? in JSON)? at position (\d+)/.exec(message);
  if (!m) return message.replace(/\s*\(line \d+ column \d+\)$/, '');
  const before = text.slice(0, Number(m[2]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${m[1]} at line ${line}, column ${column}`;
}
