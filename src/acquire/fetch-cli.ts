// The command-line face of the fetcher's limits and address policy, shared by `rasd ingest` and
// `rasd watch`: the options, their checks (a bad value stops the command with a message naming
// the option), and their translation into WebOptions. Light on imports, as src/cli/index.ts loads
// it before any command runs.

import { InvalidArgumentError, type Command } from 'commander';
import { normaliseHost } from './address-guard.js';
import { FETCH_DEFAULTS } from './fetch-limits.js';

/** The options as commander hands them over. */
export interface FetchCliValues {
  maxRedirects: number;
  maxRatio: number;
  allowPrivate?: boolean;
  allowHost?: string[];
}

/**
 * --max-ratio, one limit for everything compressed: a page or feed fetched with Content-Encoding,
 * and a .gz file or web archive read from disk.
 */
export function addRatioOption(cmd: Command): Command {
  return cmd.option(
    '--max-ratio <n>',
    'stop decompressing what expands more than this many times its compressed size once past its first megabyte (a .gz file, a web archive, a compressed page or feed): a decompression bomb',
    compressionRatio,
    FETCH_DEFAULTS.maxCompressionRatio,
  );
}

/** Adds --max-redirects, --max-ratio, --allow-private and --allow-host to a command. */
export function addFetchOptions(cmd: Command): Command {
  return addRatioOption(cmd)
    // commander shows the defaults
    .option('--max-redirects <n>', 'follow at most this many redirects from each web address (0: none)', redirectCount, FETCH_DEFAULTS.maxRedirects)
    .option('--allow-private', 'also fetch from private, loopback and carrier-grade NAT addresses (by default refused, so that a page or a redirect cannot make rasd read from this machine or its network)')
    .option('--allow-host <hosts>', 'fetch from these hosts (comma-separated names or addresses) whatever address they have, link-local ones included; repeatable', hostList);
}

/** The WebOptions fields the options set. */
export function fetchOptionsOf(o: FetchCliValues): { maxRedirects: number; maxCompressionRatio: number; allowPrivate: boolean; allowHosts: string[] } {
  return { maxRedirects: o.maxRedirects, maxCompressionRatio: o.maxRatio, allowPrivate: !!o.allowPrivate, allowHosts: o.allowHost ?? [] };
}

export function redirectCount(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n > 50) throw new InvalidArgumentError('expected a whole number of redirects from 0 to 50, e.g. 5.');
  return n;
}

export function compressionRatio(v: string): number {
  const n = Number(v);
  if (!v.trim() || !(n >= 1 && n <= 1_000_000)) throw new InvalidArgumentError('expected a number from 1 to 1,000,000, e.g. 100.');
  return n;
}

/** Comma-separated hosts, added to those of earlier --allow-host options. */
export function hostList(v: string, previous: string[] = []): string[] {
  const hosts = v.split(',').map((h) => h.trim()).filter(Boolean);
  if (!hosts.length) throw new InvalidArgumentError('expected host names or addresses separated by commas, e.g. intranet.example,10.0.0.5.');
  for (const h of hosts) {
    if (normaliseHost(h) === null) throw new InvalidArgumentError(`${h} is not a host name or an IP address; give hosts as in URLs but without http:// or a path, e.g. intranet.example or 10.0.0.5.`);
  }
  return [...previous, ...hosts];
}
