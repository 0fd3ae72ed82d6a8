// The limits every fetch is held to, their defaults, and the check of values given for them.
// Kept apart from http.ts so that the command line can name the defaults without loading the fetcher.

import { limitErrors } from './net-errors.js';

/** The limits of one fetch, each with its default (FETCH_DEFAULTS); checked by fetchLimitProblem. */
export interface FetchLimits {
  /** Whole-request timeout, body included, for each attempt; default 20000. */
  timeoutMs?: number;
  /** Body size limit in bytes (after any Content-Encoding is undone); default 20 MB. */
  maxBytes?: number;
  /** Redirects followed from the address asked for; default 5. 0: none. */
  maxRedirects?: number;
  /** Decompressed bytes per compressed byte beyond the first megabyte; default 100 (pages and feeds reach 5 to 20). */
  maxCompressionRatio?: number;
}

export const FETCH_DEFAULTS = { timeoutMs: 20_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5, maxCompressionRatio: 100 } as const;

/** setTimeout fires at once for delays beyond this (about 24.8 days) instead of waiting. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_REDIRECTS_LIMIT = 50;

/**
 * What is wrong with the options' limits, as a message naming the option, or null when nothing is.
 * A limit that cannot work (a timeout of 0, one beyond what a timer can wait, a negative count)
 * would otherwise fail every fetch, or none, for a reason the user never sees.
 */
export function fetchLimitProblem(o: FetchLimits & { perHostIntervalMs?: number; retries?: number }): string | null {
  const { timeoutMs, maxBytes, maxRedirects, maxCompressionRatio, perHostIntervalMs, retries } = o;
  if (timeoutMs !== undefined && !(timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) return limitErrors.timeout(timeoutMs, MAX_TIMER_MS);
  if (maxBytes !== undefined && !(Number.isSafeInteger(maxBytes) && maxBytes > 0)) return limitErrors.maxBytes(maxBytes);
  if (maxRedirects !== undefined && !(Number.isInteger(maxRedirects) && maxRedirects >= 0 && maxRedirects <= MAX_REDIRECTS_LIMIT)) {
    return limitErrors.maxRedirects(maxRedirects, MAX_REDIRECTS_LIMIT);
  }
  if (maxCompressionRatio !== undefined && !(maxCompressionRatio >= 1)) return limitErrors.maxCompressionRatio(maxCompressionRatio);
  if (perHostIntervalMs !== undefined && !(perHostIntervalMs >= 0 && perHostIntervalMs <= MAX_TIMER_MS)) {
    return limitErrors.hostInterval(perHostIntervalMs, MAX_TIMER_MS);
  }
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retries <= 10)) return limitErrors.retries(retries);
  return null;
}
