// Per-client rate limiting: a token bucket per client address. Each request takes a token; a
// bucket holds at most `burst` and refills at `rate` a second, so a client may burst (a page
// opening) but not keep up more than the rate. Memory is bounded: idle buckets (full again) are
// dropped, and past `maxClients` the least recently seen client is forgotten.
import { isIPv6 } from 'node:net';

export interface Verdict {
  ok: boolean;
  /** Seconds until the next request would be let through (when not ok). */
  retryAfter: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly maxClients = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes a token from the client's bucket. */
  take(client: string): Verdict {
    const t = this.now();
    const b = this.buckets.get(client);
    let tokens = b ? Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.rate) : this.burst;
    if (b) this.buckets.delete(client); // re-inserted below: the map stays in order of last use
    else if (this.buckets.size >= this.maxClients) this.evict(t);
    const ok = tokens >= 1;
    if (ok) tokens -= 1;
    this.buckets.set(client, { tokens, at: t });
    return { ok, retryAfter: ok ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.rate)) };
  }

  /** Clients tracked now (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  private evict(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((t - b.at) / 1000) * this.rate >= this.burst) this.buckets.delete(k);
    // Still full: many clients at once; forget the least recently seen.
    while (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

/**
 * The key a client is limited by: its IPv4 address, or the /64 network of an IPv6 address (one
 * host is usually given a whole /64, so limiting single IPv6 addresses would limit nothing).
 */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split('%')[0]!.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((h) => h.toLowerCase().replace(/^0+(?=.)/, ''));
}
