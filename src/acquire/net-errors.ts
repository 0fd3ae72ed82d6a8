// Every message the network side of acquisition shows a user, in one place (as errors.ts does for
// files): full sentences that name the URL and say what to do next. Fetch code never builds text inline.

import { STATUS_CODES } from 'node:http';
import type { AddressRefused } from './address-guard.js';
import { formatBytes } from './errors.js';

/** "https://x/b (redirected from https://x/a)" when a redirect led there, else the URL alone. */
export function where(url: string, requestedUrl: string): string {
  return url === requestedUrl ? url : `${url} (redirected from ${requestedUrl})`;
}

/** Seconds for a message: "20", "0.25". */
function seconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(2)));
}

/** What to do about an HTTP error status, by the status. */
function httpAdvice(status: number): string {
  if (status === 404 || status === 410) return 'check the address; the page may have been moved or removed.';
  if (status === 401 || status === 403) return "the site refuses access to automated readers; ask the site's owner or leave it out.";
  if (status === 429) return 'the site asks for fewer requests; try again later, or raise the interval between requests to it.';
  if (status >= 500) return 'the site may be down, try again later.';
  if (status >= 300 && status < 400) return 'open the address in a browser to see where it leads, and use the final address.';
  return 'check the address and try again.';
}

export const netErrors = {
  invalidUrl: (url: string) =>
    `${url} is not a valid web address; check its spelling (it must start with http:// or https://).`,
  unsupportedScheme: (url: string) =>
    `${url} is not an http or https address, and rasd fetches only web pages and feeds; give the page's web address instead.`,
  robots: (url: string, host: string, agent: string) =>
    `${url} was not fetched: robots.txt of ${host} disallows it for ${agent}; ask the site's owner or leave it out.`,
  http: (url: string, status: number) =>
    `${url} answered ${status} ${STATUS_CODES[status] ?? 'Unknown Status'}; ${httpAdvice(status)}`,
  redirectWithoutTarget: (url: string, status: number) =>
    `${url} answered ${status} ${STATUS_CODES[status] ?? 'Redirect'} without saying where to; open it in a browser to see where it leads, and use the final address.`,
  tooManyRedirects: (url: string, max: number) =>
    `${url} was not fetched because it redirected ${max === 0 ? 'and no redirects are followed' : `more than ${max === 1 ? 'once' : `${max} times`}`} (the limit); open it in a browser to see where it leads and use the final address, or raise the limit (--max-redirects).`,
  timeout: (url: string, timeoutMs: number) =>
    `${url} did not answer completely within ${seconds(timeoutMs)} seconds; the site may be slow or down, try again later or raise the timeout (--timeout).`,
  network: (url: string, detail: string) =>
    `${url} could not be reached (${detail}); check the address and the network connection, and try again later.`,
  tooLarge: (url: string, limit: number) =>
    `${url} is larger than the limit of ${formatBytes(limit)} per page and was not read; leave it out, or raise the limit (--max-bytes) if it is a genuine page or feed.`,
  compressionRatio: (url: string, limit: number, compressed: number, expanded: number) =>
    `${url} was not read: its compressed body expanded more than ${limit} times (${formatBytes(compressed)} had become ${formatBytes(expanded)} and was still growing), as a decompression bomb does; leave it out, or raise the limit (--max-ratio) if it is a genuine page or feed.`,
  refusedAddress: (url: string, refused: AddressRefused) =>
    `${url} was not fetched: ${refused.message}, and rasd fetches only from public addresses unless told otherwise; ${
      refused.addressClass.privateNetwork
        ? `pass --allow-private to allow private addresses, or --allow-host ${refused.host} to allow this host alone.`
        : `pass --allow-host ${refused.host} to allow this host if you trust it.`
    }`,
};

/** What is wrong with a fetch limit given as an option. */
export const limitErrors = {
  timeout: (ms: number, max: number) =>
    `the timeout (--timeout) must be longer than 0 and at most ${Math.floor(max / 86_400_000)} days; ${ms} ms was given.`,
  maxBytes: (n: number) => `the size limit (--max-bytes) must be a whole number of bytes greater than 0; ${n} was given.`,
  maxRedirects: (n: number, max: number) =>
    `the redirect limit (--max-redirects) must be a whole number from 0 to ${max}; ${n} was given.`,
  maxCompressionRatio: (n: number) =>
    `the compression ratio limit (--max-ratio) must be a number of at least 1, e.g. 100; ${n} was given.`,
  hostInterval: (ms: number, max: number) =>
    `the interval between requests to one host (--host-interval) must be from 0 to ${Math.floor(max / 86_400_000)} days; ${ms} ms was given.`,
  retries: (n: number) => `the number of retries must be a whole number from 0 to 10; ${n} was given.`,
};

/** Node's error codes for failed connections, in words. */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was closed unexpectedly',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: "the site's certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the site's certificate is self-signed",
  ERR_TLS_CERT_ALTNAME_INVALID: "the site's certificate is for another name",
};

/**
 * The reason behind a failed fetch, in words. Node's fetch throws a bare "fetch failed" TypeError
 * and keeps the real error (with its code) in `cause`.
 */
export function networkDetail(e: unknown): string {
  const cause = (e as { cause?: unknown } | null)?.cause ?? e;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK_CODES[code]) return NETWORK_CODES[code];
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' && !message.includes(code) ? `${message}, ${code}` : message;
}
