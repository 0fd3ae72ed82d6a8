// What kind of input a file is: by its name when the name says, else by its first characters
// (a web archive's by its first bytes: see isWarc in warc.ts).

export type Format = 'text' | 'html' | 'json' | 'jsonl' | 'warc';

/** The formats read from decoded text; a web archive is parsed as bytes. */
export type TextFormat = Exclude<Format, 'warc'>;

const BY_EXTENSION: Record<string, Format> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  warc: 'warc',
};

/** The format a path's extension names (null: sniff the content), and whether it says gzip. */
export function formatOf(path: string): { format: Format | null; gzip: boolean } {
  const name = path.toLowerCase().replace(/^.*[\\/]/, '');
  const gzip = /\.gz$/.test(name);
  const ext = /\.([a-z]+)$/.exec(gzip ? name.slice(0, -3) : name)?.[1];
  return { format: (ext && BY_EXTENSION[ext]) || null, gzip };
}

/** `<` first → HTML, `{` or `[` → JSON, anything else → plain text. */
export function sniffText(text: string): TextFormat {
  const first = /\S/.exec(text)?.[0];
  if (first === '<') return 'html';
  return first === '{' || first === '[' ? 'json' : 'text';
}

/**
 * True when the first line is a whole JSON object and more text follows: JSON Lines, which can
 * be streamed record by record. Anything less certain is read whole and sniffed then.
 */
export function looksLikeJsonLines(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return false;
  const nl = text.indexOf('\n', start);
  if (nl < 0 || !text.slice(nl + 1).trim()) return false;
  try {
    const first: unknown = JSON.parse(text.slice(start, nl));
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

/**
 * Where the first element of markup starts: after a byte-order mark, white space, the XML
 * declaration, processing instructions, comments and a doctype; -1 when one of them is not
 * closed. They are skipped one by one with indexOf: a regular expression replacing them all
 * would rescan the rest of the text for each unclosed "<?" or "<!--".
 */
export function prologEnd(markup: string): number {
  let at = markup.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (at < markup.length && /\s/.test(markup[at]!)) at++;
    const close = markup.startsWith('<?', at) ? '?>' : markup.startsWith('<!--', at) ? '-->' : /^<![A-Za-z]/.test(markup.slice(at, at + 3)) ? '>' : null;
    if (!close) return at;
    const end = markup.indexOf(close, at + 2);
    if (end < 0) return -1;
    at = end + close.length;
  }
}
