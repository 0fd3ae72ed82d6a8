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
