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
  maxCompressionRatio: number;
  allowPrivate?: boolean;
  allowHost?: string[];
}

/** Adds --max-redirects, --max-compression-ratio, --allow-private and --allow-host to a command. */
export function addFetchOptions(cmd: Command): Command {
  return cmd
    // commander shows the defaults
    .option('--max-redirects <n>', 'follow at most this many redirects from each web address (0: none)', redirectCount, FETCH_DEFAULTS.maxRedirects)
    .option(
      '--max-compression-ratio <n>',
      'stop reading a compressed page that expands more than this many times once past its first megabyte, as a decompression bomb does',
      compressionRatio,
      FETCH_DEFAULTS.maxCompressionRatio,
    )
    .option('--allow-private', 'also fetch from private, loopback and carrier-grade NAT addresses (by default refused, so that a page or a redirect cannot make rasd read from this machine or its network)')
    .option('--allow-host <hosts>', 'fetch from these hosts (comma-separated names or addresses) whatever address they have, link-local ones included; repeatable', hostList);
}

/** The WebOptions fields the options set. */
export function fetchOptionsOf(o: FetchCliValues): { maxRedirects: number; maxCompressionRatio: number; allowPrivate: boolean; allowHosts: string[] } {
  return { maxRedirects: o.maxRedirects, maxCompressionRatio: o.maxCompressionRatio, allowPrivate: !!o.allowPrivate, allowHosts: o.allowHost ?? [] };
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
