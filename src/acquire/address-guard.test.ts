// Which addresses the fetcher refuses, and the lookup it gives node:net. No DNS is used: resolvers
// are plain functions here.

import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { AddressGuard, AddressRefused, classifyAddress, normaliseHost, type Resolver } from './address-guard.js';

const what = (ip: string) => classifyAddress(ip)?.what ?? 'public';

describe('classifyAddress', () => {
  it('refuses every private, loopback, link-local, shared, special and reserved IPv4 range', () => {
    const refused: Record<string, RegExp> = {
      '10.0.0.5': /private/,
      '10.255.255.255': /private/,
      '172.16.0.1': /private/,
      '172.31.255.254': /private/,
      '192.168.1.1': /private/,
      '127.0.0.1': /loopback/,
      '127.255.0.9': /loopback/,
      '169.254.169.254': /cloud metadata/,
      '169.254.170.2': /cloud metadata/,
      '100.100.100.200': /cloud metadata/,
      '169.254.1.1': /link-local/,
      '100.64.0.1': /carrier-grade NAT/,
      '100.127.255.255': /carrier-grade NAT/,
      '0.0.0.0': /unspecified/,
      '0.1.2.3': /unspecified/,
      '224.0.0.1': /multicast/,
      '239.255.255.250': /multicast/,
      '255.255.255.255': /broadcast/,
      '240.0.0.1': /reserved/,
      '192.0.2.10': /reserved/,
      '198.18.0.1': /reserved/,
      '198.51.100.7': /reserved/,
      '203.0.113.99': /reserved/,
      '192.0.0.8': /reserved/,
    };
    for (const [ip, re] of Object.entries(refused)) expect(what(ip), ip).toMatch(re);
  });

  it('lets public IPv4 addresses through, right next to the ranges it refuses', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '100.63.255.255', '100.128.0.0', '169.253.255.255', '192.167.255.255', '223.255.255.255', '126.255.255.255', '128.0.0.0']) {
      expect(what(ip), ip).toBe('public');
    }
  });

  it('refuses IPv6 loopback, unspecified, unique-local, link-local, multicast, documentation and unassigned space', () => {
    const refused: Record<string, RegExp> = {
      '::1': /loopback/,
      '0:0:0:0:0:0:0:1': /loopback/,
      '::': /unspecified/,
      'fc00::1': /unique-local/,
      'fd12:3456:789a::1': /unique-local/,
      'fd00:ec2::254': /cloud metadata/,
      'fe80::1': /link-local/,
      'fe80::1%eth0': /link-local/,
      'febf::1': /link-local/,
      'fec0::1': /private/,
      'ff02::1': /multicast/,
      '2001:db8::1': /reserved/,
      '100::1': /reserved/,
      '::5.6.7.8': /reserved/, // IPv4-compatible, deprecated
      '4000::1': /reserved/,
    };
    for (const [ip, re] of Object.entries(refused)) expect(what(ip), ip).toMatch(re);
  });

  it('sees through IPv4-mapped, NAT64 and 6to4 addresses to the IPv4 address they carry', () => {
    expect(what('::ffff:127.0.0.1')).toMatch(/loopback/);
    expect(what('::ffff:7f00:1')).toMatch(/loopback/); // the same, as URLs spell it
    expect(what('::ffff:10.1.2.3')).toMatch(/private/);
    expect(what('::ffff:a9fe:a9fe')).toMatch(/cloud metadata/); // 169.254.169.254
    expect(what('0:0:0:0:0:ffff:192.168.0.1')).toMatch(/private/);
    expect(what('64:ff9b::7f00:1')).toMatch(/loopback/);
    expect(what('64:ff9b:1::1')).toMatch(/private/);
    expect(what('2002:c0a8:0101::1')).toMatch(/private/); // 192.168.1.1
    expect(what('::ffff:8.8.8.8')).toBe('public');
    expect(what('64:ff9b::808:808')).toBe('public');
    expect(what('2002:0808:0808::1')).toBe('public');
  });

  it('lets global unicast IPv6 through', () => {
    for (const ip of ['2001:4860:4860::8888', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '[2606:4700::1]']) expect(what(ip), ip).toBe('public');
  });

  it('refuses what is not an address at all', () => {
    expect(what('example.com')).toMatch(/reserved/);
    expect(what('')).toMatch(/reserved/);
  });
});

describe('normaliseHost', () => {
  it('spells hosts as URLs do', () => {
    expect(normaliseHost('Intranet.Example.')).toBe('intranet.example');
    expect(normaliseHost('0x7f.1')).toBe('127.0.0.1');
    expect(normaliseHost('[0:0::1]')).toBe('::1');
    expect(normaliseHost('::FFFF:127.0.0.1')).toBe('::ffff:7f00:1');
    expect(normaliseHost('مثال.السعودية')).toBe('xn--mgbh0fb.xn--mgberp4a5d4ar');
  });

  it('rejects what is not a host', () => {
    for (const bad of ['', ' ', 'http://x/y', 'a b', 'x/y', 'user@host']) expect(normaliseHost(bad), bad).toBeNull();
  });
});

describe('AddressGuard', () => {
  it('refuses private networks unless allowed, and link-local and metadata addresses even then', () => {
    const strict = new AddressGuard();
    expect(strict.check('10.0.0.5', '10.0.0.5')?.message).toBe('10.0.0.5 is a private address');
    expect(strict.check('news.example', '127.0.0.1')?.message).toBe('news.example resolves to 127.0.0.1, which is a loopback address (this machine)');
    expect(strict.check('news.example', '93.184.216.34')).toBeNull();

    const open = new AddressGuard({ allowPrivate: true });
    for (const ip of ['10.0.0.5', '127.0.0.1', '::1', '100.64.1.1', 'fd00::5', '::ffff:192.168.1.1']) expect(open.check(ip, ip), ip).toBeNull();
    for (const ip of ['169.254.169.254', 'fe80::1', 'fd00:ec2::254', '0.0.0.0', '224.0.0.1']) {
      expect(open.check(ip, ip), ip).toBeInstanceOf(AddressRefused);
      expect(open.check(ip, ip)!.addressClass.privateNetwork, ip).toBe(false);
    }
  });

  it('lets a host named in allowHosts through, whatever its address, and only that host', () => {
    const guard = new AddressGuard({ allowHosts: ['Intranet.Example', '169.254.169.254', '::1'] });
    expect(guard.check('intranet.example', '10.0.0.5')).toBeNull();
    expect(guard.check('intranet.example.', '10.0.0.5')).toBeNull();
    expect(guard.check('169.254.169.254', '169.254.169.254')).toBeNull();
    expect(guard.check('[::1]', '::1')).toBeNull();
    expect(guard.check('other.example', '10.0.0.5')).toBeInstanceOf(AddressRefused);
    expect(guard.check('127.0.0.1', '127.0.0.1')).toBeInstanceOf(AddressRefused);
  });

  it('checks IP literals of URLs without any lookup, in every spelling a URL normalises', () => {
    let lookups = 0;
    const guard = new AddressGuard({}, async () => (lookups++, []));
    for (const url of ['http://127.0.0.1/', 'http://2130706433/', 'http://0x7f.0.0.1/', 'http://0177.0.0.1/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data/']) {
      expect(guard.checkLiteral(new URL(url)), url).toBeInstanceOf(AddressRefused);
    }
    expect(guard.checkLiteral(new URL('http://8.8.8.8/'))).toBeNull();
    expect(guard.checkLiteral(new URL('http://localhost/'))).toBeNull(); // a name: checked when connecting
    expect(lookups).toBe(0);
  });
});

describe('AddressGuard.lookupFor', () => {
  /** Calls the lookup as node:net does, with or without `all`. */
  function lookup(guard: AddressGuard, host: string, all: boolean): Promise<{ err: Error | null; result: unknown }> {
    return new Promise((resolve) => {
      guard.lookupFor()(host, { all }, ((err: Error | null, address: string | LookupAddress[], family?: number) =>
        resolve({ err, result: all ? address : { address, family } })) as never);
    });
  }

  it('hands net exactly the addresses it checked, in both calling styles', async () => {
    const resolver: Resolver = async () => [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }];
    const guard = new AddressGuard({}, resolver);
    expect(await lookup(guard, 'news.example', true)).toEqual({ err: null, result: [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }] });
    expect(await lookup(guard, 'news.example', false)).toEqual({ err: null, result: { address: '93.184.216.34', family: 4 } });
  });

  it('refuses a name when any of its answers is refused', async () => {
    const guard = new AddressGuard({}, async () => [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:127.0.0.1', family: 6 }]);
    const { err } = await lookup(guard, 'rebound.example', true);
    expect(err).toBeInstanceOf(AddressRefused);
    expect(err!.message).toBe('rebound.example resolves to ::ffff:127.0.0.1, which is a loopback address (this machine)');
  });

  it('checks every lookup anew, so a name that changes its answer between two connections is caught (DNS rebinding)', async () => {
    const answers = ['93.184.216.34', '127.0.0.1'];
    const guard = new AddressGuard({}, async () => [{ address: answers.shift()!, family: 4 }]);
    expect((await lookup(guard, 'rebind.example', false)).err).toBeNull();
    expect((await lookup(guard, 'rebind.example', false)).err).toBeInstanceOf(AddressRefused);
  });

  it('passes resolver failures on, and says when a name has no address', async () => {
    const failing = new AddressGuard({}, async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' });
    });
    expect((await lookup(failing, 'nowhere.example', true)).err).toMatchObject({ code: 'ENOTFOUND' });
    const empty = new AddressGuard({}, async () => []);
    expect((await lookup(empty, 'empty.example', false)).err).toMatchObject({ code: 'ENOTFOUND', message: 'no address found for empty.example' });
  });
});
