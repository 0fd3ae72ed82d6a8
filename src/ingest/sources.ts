// What `rasd ingest` is pointed at: files, folders (walked recursively), URLs, and standard input.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type Target = { kind: 'path'; path: string } | { kind: 'url'; url: string };

/** File names rasd reads as articles when it walks a folder. */
const ARTICLE_FILE = /\.(txt|text|html?|xhtml|json|jsonl|ndjson|warc)(\.gz)?$/i;

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/**
 * Expands the arguments in order: a folder becomes the article files under it (sorted, hidden
 * entries skipped), anything else is passed on as given, so that a missing path is reported by the
 * reader with its usual message.
 */
export async function* expandTargets(args: string[], skipped: (path: string) => void): AsyncGenerator<Target> {
  for (const arg of args) {
    if (isUrl(arg)) yield { kind: 'url', url: arg };
    else if (arg !== '-' && (await isDirectory(arg))) yield* walk(arg, skipped);
    else yield { kind: 'path', path: arg };
  }
}

async function* walk(dir: string, skipped: (path: string) => void): AsyncGenerator<Target> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path, skipped);
    else if (e.isFile() && ARTICLE_FILE.test(e.name)) yield { kind: 'path', path };
    else if (e.isFile()) skipped(path);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
