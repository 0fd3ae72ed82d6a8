// What one request and one client may cost the server, in one place: the CLI sets these from its
// flags (rasd serve --help lists them), the server enforces them, and every refusal names the
// limit and the flag that changes it.

export interface ServeLimits {
  /** Longest request address (path and query), in bytes → 414. */
  maxUrlBytes: number;
  /** Largest request head (request line and headers), node's maxHeaderSize → 431. */
  maxHeaderBytes: number;
  /** Largest request body (POST /api/articles) → 413. */
  maxBodyBytes: number;
  /** Time a client has to send the request head (slowloris) → 408. */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included → 408. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Connections open at once, all clients together; more are answered 503 and closed. */
  maxConnections: number;
  /** Requests per second one client address may make on average; 0: no limit. */
  ratePerSecond: number;
  /** Requests one client address may make at once before the rate applies (the token bucket's size). */
  rateBurst: number;
}

export const DEFAULT_LIMITS: ServeLimits = {
  maxUrlBytes: 8 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 256,
  // A person reading the UI makes a few requests a second (a page opens with up to ten at once);
  // a script paginating through the API stays well under 20 a second.
  ratePerSecond: 20,
  rateBurst: 100,
};

/** The flag of `rasd serve` that sets each limit, for messages. */
export const LIMIT_FLAGS: Record<keyof ServeLimits, string> = {
  maxUrlBytes: '--max-url-bytes',
  maxHeaderBytes: '--max-header-bytes',
  maxBodyBytes: '--max-body-bytes',
  headersTimeoutMs: '--headers-timeout',
  requestTimeoutMs: '--request-timeout',
  keepAliveTimeoutMs: '--keep-alive-timeout',
  maxConnections: '--max-connections',
  ratePerSecond: '--rate-limit',
  rateBurst: '--rate-burst',
};

/** Checks a set of limits for values the server cannot work with; returns what is wrong, or null. */
export function limitsProblem(l: ServeLimits): string | null {
  if (l.maxUrlBytes >= l.maxHeaderBytes) {
    return `${LIMIT_FLAGS.maxUrlBytes} (${l.maxUrlBytes}) must be smaller than ${LIMIT_FLAGS.maxHeaderBytes} (${l.maxHeaderBytes}): the address is part of the request head.`;
  }
  if (l.headersTimeoutMs > l.requestTimeoutMs) {
    return `${LIMIT_FLAGS.headersTimeoutMs} (${l.headersTimeoutMs} ms) must not be longer than ${LIMIT_FLAGS.requestTimeoutMs} (${l.requestTimeoutMs} ms).`;
  }
  if (l.ratePerSecond > 0 && l.rateBurst < 1) return `${LIMIT_FLAGS.rateBurst} must be at least 1 when ${LIMIT_FLAGS.ratePerSecond} is on.`;
  return null;
}
