// Which network addresses rasd may fetch from. A page, a feed or a redirect written by a stranger
// must not make rasd read from this machine, the local network or a cloud metadata service (SSRF):
// only public unicast addresses are fetched unless the user allows more. The check is made on the
// address a connection actually goes to (see lookupFor), so a name that resolves to a public
// address when checked and to a private one when connecting (DNS rebinding) gains nothing.

import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';

export interface AddressPolicy {
  /** Allow private, loopback, carrier-grade NAT and unique-local addresses (not link-local or metadata ones). */
  allowPrivate?: boolean;
  /** Host names or IP addresses (as written in URLs) fetched whatever they resolve to. */
  allowHosts?: readonly string[];
}

/** One DNS answer. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to. Injectable so that tests need no real DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Why an address is not public, and whether --allow-private covers it. */
export interface AddressClass {
  /** "a private address", "a link-local address", … — the end of "10.0.0.5 is …". */
  what: string;
  /** false: only naming the host with --allow-host lets it through. */
  privateNetwork: boolean;
}

/** A fetch refused because of the address it would connect to. The fetcher turns it into a message naming the URL. */
export class AddressRefused extends Error {
  readonly code = 'RASD_ADDRESS_REFUSED';

  constructor(
    /** The host as in the URL (a name or an address). */
    readonly host: string,
    /** The address it is or resolved to. */
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    super(`${host === address ? address : `${host} resolves to ${address}, which`} is ${addressClass.what}`);
    this.name = 'AddressRefused';
  }
}

const PRIVATE: AddressClass = { what: 'a private address', privateNetwork: true };
const LOOPBACK: AddressClass = { what: 'a loopback address (this machine)', privateNetwork: true };
const SHARED: AddressClass = { what: 'a carrier-grade NAT (shared) address', privateNetwork: true };
const UNIQUE_LOCAL: AddressClass = { what: 'a private (unique-local) IPv6 address', privateNetwork: true };
const LINK_LOCAL: AddressClass = { what: 'a link-local address (where cloud metadata services answer)', privateNetwork: false };
const METADATA: AddressClass = { what: 'the address of a cloud metadata service', privateNetwork: false };
const UNSPECIFIED: AddressClass = { what: 'the unspecified address (which reaches this machine)', privateNetwork: false };
const MULTICAST: AddressClass = { what: 'a multicast or broadcast address', privateNetwork: false };
const RESERVED: AddressClass = { what: 'a reserved address, not used on the public internet', privateNetwork: false };

/** [first address, prefix length, class], IPv4 as 32-bit numbers. Metadata addresses come before the ranges holding them. */
const V4_RANGES: [number, number, AddressClass][] = [
  [v4('169.254.169.254'), 32, METADATA], // AWS, GCP, Azure, OpenStack
  [v4('169.254.170.2'), 32, METADATA], // AWS ECS task metadata
  [v4('100.100.100.200'), 32, METADATA], // Alibaba Cloud
  [v4('0.0.0.0'), 8, UNSPECIFIED],
  [v4('10.0.0.0'), 8, PRIVATE],
  [v4('100.64.0.0'), 10, SHARED],
  [v4('127.0.0.0'), 8, LOOPBACK],
  [v4('169.254.0.0'), 16, LINK_LOCAL],
  [v4('172.16.0.0'), 12, PRIVATE],
  [v4('192.0.0.0'), 24, RESERVED], // IETF protocol assignments
  [v4('192.0.2.0'), 24, RESERVED], // documentation
  [v4('192.88.99.0'), 24, RESERVED], // 6to4 relay anycast (deprecated)
  [v4('192.168.0.0'), 16, PRIVATE],
  [v4('198.18.0.0'), 15, RESERVED], // benchmarking
  [v4('198.51.100.0'), 24, RESERVED], // documentation
  [v4('203.0.113.0'), 24, RESERVED], // documentation
  [v4('224.0.0.0'), 4, MULTICAST],
  [v4('255.255.255.255'), 32, MULTICAST], // broadcast, before the reserved block holding it
  [v4('240.0.0.0'), 4, RESERVED],
];

/** Why an IP address (v4 or v6, no brackets) is not a public unicast address, or null when it is one. */
export function classifyAddress(address: string): AddressClass | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''); // zone ids ("fe80::1%eth0") name an interface, not an address
  if (isIP(ip) === 4) return classifyV4(v4(ip));
  const words = isIP(ip) === 6 ? v6(ip) : null;
  return words ? classifyV6(words) : RESERVED; // not an address at all: never connect
}

function classifyV4(n: number): AddressClass | null {
  for (const [first, prefix, cls] of V4_RANGES) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if (((n & mask) >>> 0) === first) return cls;
  }
  return null;
}

function classifyV6(w: number[]): AddressClass | null {
  const embedded = ((w[6]! << 16) | w[7]!) >>> 0;
  const zeros = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return UNSPECIFIED;
  if (zeros(0, 7) && w[7] === 1) return LOOPBACK;
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address they carry.
  if (zeros(0, 5) && w[5] === 0xffff) return classifyV4(embedded);
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return classifyV4(embedded);
  if (w[0] === 0x64 && w[1] === 0xff9b && w[2] === 1) return PRIVATE; // local-use NAT64 (RFC 8215)
  // 6to4 (2002:AABB:CCDD::) carries an IPv4 address in its second and third words.
  if (w[0] === 0x2002) {
    const inner = classifyV4(((w[1]! << 16) | w[2]!) >>> 0);
    if (inner) return inner;
  }
  if (w[0] === 0xfd00 && w[1] === 0x0ec2 && zeros(2, 7) && w[7] === 0x254) return METADATA; // AWS over IPv6
  if ((w[0]! & 0xfe00) === 0xfc00) return UNIQUE_LOCAL;
  if ((w[0]! & 0xffc0) === 0xfe80) return LINK_LOCAL;
  if ((w[0]! & 0xffc0) === 0xfec0) return PRIVATE; // site-local (deprecated)
  if ((w[0]! & 0xff00) === 0xff00) return MULTICAST;
  if (w[0] === 0x2001 && w[1] === 0x0db8) return RESERVED; // documentation
  // Everything else outside 2000::/3, the global unicast block, is unassigned or special (::/96, 100::/64, …).
  if ((w[0]! & 0xe000) !== 0x2000) return RESERVED;
  return null;
}

function v4(ip: string): number {
  return ip.split('.').reduce((n, part) => ((n << 8) | Number(part)) >>> 0, 0);
}

/** The eight 16-bit words of an IPv6 address (already validated by isIP), a dotted IPv4 tail included. */
function v6(ip: string): number[] | null {
  let text = ip.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail) {
    const n = v4(tail);
    text = `${text.slice(0, -tail.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const parse = (s: string | undefined) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const left = parse(head);
  const right = parse(rest);
  const words = rest === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.length === 8 && words.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff) ? words : null;
}

/**
 * A host as URLs write it, for comparing with --allow-host: lower case, IDN in punycode,
 * IPv4 shorthands ("0x7f.1") spelled out, IPv6 without brackets; null when it is no host at all.
 */
export function normaliseHost(host: string): string | null {
  const bare = host.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!bare || /[/?#@\s]/.test(bare)) return null;
  try {
    const hostname = new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`).hostname;
    return hostname.replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

/** Applies an AddressPolicy to hosts and to the addresses they resolve to. */
export class AddressGuard {
  private readonly allowHosts: ReadonlySet<string>;

  constructor(
    private readonly policy: AddressPolicy = {},
    private readonly resolve: Resolver = systemResolver,
  ) {
    this.allowHosts = new Set((policy.allowHosts ?? []).map((h) => normaliseHost(h) ?? h.toLowerCase()));
  }

  /** Whether the host (a URL's hostname) was named with --allow-host, so that nothing about it is checked. */
  hostAllowed(host: string): boolean {
    return this.allowHosts.has(normaliseHost(host) ?? host.toLowerCase());
  }

  /** The refusal for connecting to `address` on behalf of `host`, or null when it may be used. */
  check(host: string, address: string): AddressRefused | null {
    if (this.hostAllowed(host)) return null;
    const cls = classifyAddress(address);
    if (!cls || (cls.privateNetwork && this.policy.allowPrivate)) return null;
    return new AddressRefused(host.replace(/^\[|\]$/g, ''), address, cls);
  }

  /** For a URL whose host is an IP address: the refusal, if any, known without any DNS. Names give null. */
  checkLiteral(url: URL): AddressRefused | null {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return isIP(host) ? this.check(host, host) : null;
  }

  /**
   * A `lookup` for node:net that resolves the name, refuses it when any answer is refused (a name
   * that also points inward is not trusted with the other answers), and hands net exactly the
   * addresses it checked, so the connection goes to one of them and nowhere else.
   */
  lookupFor(): LookupFunction {
    return (hostname, options, callback) => {
      const done = callback as (err: Error | null, address: string | ResolvedAddress[], family?: number) => void;
      this.resolveChecked(hostname, options.family).then(
        (answers) => (options.all ? done(null, answers) : done(null, answers[0]!.address, answers[0]!.family)),
        (err: Error) => done(err, options.all ? [] : ''),
      );
    };
  }

  private async resolveChecked(hostname: string, family: unknown): Promise<ResolvedAddress[]> {
    let answers = await this.resolve(hostname);
    if (family === 4 || family === 6) answers = answers.filter((a) => a.family === family);
    if (!answers.length) throw Object.assign(new Error(`no address found for ${hostname}`), { code: 'ENOTFOUND' });
    for (const a of answers) {
      const refused = this.check(hostname, a.address);
      if (refused) throw refused;
    }
    return answers;
  }
}
