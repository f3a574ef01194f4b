/** Attack 1, address by address: every spelling of loopback, link-local and metadata is judged by where it leads. */
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { classifyAddress, createAddressPolicy, createGuardedLookup, type Resolver } from '../../../src/crawl/address-guard.js';
import { BlockedAddressError } from '../../../src/crawl/errors.js';
import { fetchUrl } from '../../../src/crawl/fetcher.js';
import { embeddedIpv4, parseIp } from '../../../src/crawl/ip-address.js';

const strict = createAddressPolicy(false);
const open = createAddressPolicy(true);
const listed = createAddressPolicy(['127.0.0.1', '169.254.0.0/16', 'fd00:ec2::/32']);

describe('addresses that lead to metadata services', () => {
  it.each([
    '169.254.169.254', '169.254.0.23', '169.254.170.2', '169.254.255.255', '169.254.0.0', // the whole link-local range
    '100.100.100.200', '100.96.0.96', '100.80.80.80', '168.63.129.16', '192.0.0.192', 'fd00:ec2::254', 'fd00:ec2::23', 'fd20:ce::254',
    'fd00:a9fe:a9fe::1', 'fd00:c1::a9fe:a9fe', '169.254.42.42',
    'fe80::1', 'febf:ffff::1', 'fe80::1%eth0', // the whole of fe80::/10, with a zone id too
    '::a9fe:a9fe', '::169.254.169.254', // IPv4-compatible
    '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '::ffff:0:a9fe:a9fe', // mapped, translated
    '64:ff9b::169.254.169.254', '64:ff9b::a9fe:a9fe', // NAT64
    '64:ff9b:1:a9fe:a9:fe00::', '64:ff9b:1::a9fe:a9fe', // local-use NAT64 at /48 and /96
    '2002:a9fe:a9fe::', '2002:6464:64c8::1', // 6to4 of 169.254.169.254 and 100.100.100.200
    '2001:0:808:808::5601:5601', // Teredo, client 169.254.169.254
    '2001:db8::5efe:a9fe:a9fe', // ISATAP interface id
    '[::ffff:a9fe:a9fe]',
  ])('%s is metadata, refused by every policy, even one that lists its range', (address) => {
    expect(classifyAddress(address)).toBe('metadata');
    for (const policy of [strict, open, listed]) expect(policy.isAllowed(address)).toBe(false);
  });
});

describe('addresses that lead to loopback or private networks', () => {
  it.each(['::127.0.0.1', '::7f00:1', '::ffff:127.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::', '2002:a00:1::', '::ffff:10.0.0.1', '::1', '::', '64:ff9b:1::1', '[::127.0.0.1]'])(
    '%s is private: refused by default, allowed under --allow-private-network',
    (address) => {
      expect(classifyAddress(address)).toBe('private');
      expect(strict.isAllowed(address)).toBe(false);
      expect(open.isAllowed(address)).toBe(true);
    },
  );

  it('an allow list names an address in any spelling that is merely another way to write it', () => {
    expect(listed.isAllowed('::ffff:127.0.0.1')).toBe(true);
    expect(listed.isAllowed('::127.0.0.1')).toBe(true);
    expect(listed.isAllowed('2002:7f00:1::')).toBe(false); // a 6to4 relay is somewhere else
    expect(listed.isAllowed('127.0.0.2')).toBe(false);
  });

  it.each(['8.8.8.8', '2400:3200::1', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'])('%s is public and allowed', (address) => {
    expect(classifyAddress(address)).toBe('public');
    expect(strict.isAllowed(address)).toBe(true);
  });
});

describe('the IPv4 inside an IPv6 address', () => {
  const v4 = (text: string) => embeddedIpv4(parseIp(text)!).map((ip) => [24, 16, 8, 0].map((shift) => Number((ip.value >> BigInt(shift)) & 255n)).join('.'));
  it('is found in every form', () => {
    expect(v4('::ffff:1.2.3.4')).toEqual(['1.2.3.4']);
    expect(v4('::1.2.3.4')).toEqual(['1.2.3.4']);
    expect(v4('64:ff9b::102:304')).toEqual(['1.2.3.4']);
    expect(v4('2002:102:304::')).toEqual(['1.2.3.4']);
    expect(v4('2001:0:506:708::fefd:fcfb')).toEqual(['5.6.7.8', '1.2.3.4']);
    expect(v4('2400:3200::1')).toEqual([]);
  });
});

describe('the DNS answers', () => {
  const answering = (addresses: string[]): { resolver: Resolver; asked: string[] } => {
    const asked: string[] = [];
    return {
      asked,
      resolver: (hostname, _options, callback) => {
        asked.push(hostname);
        callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
      },
    };
  };
  const lookupWith = (resolver: Resolver, host: string) =>
    new Promise<unknown>((resolve) => createGuardedLookup(open, resolver)(host, { all: true }, (err, address) => resolve(err ?? address)));

  it('refuses a name when any answer is a metadata address, even under --allow-private-network', async () => {
    for (const answers of [['169.254.169.254'], ['127.0.0.1', '100.100.100.200'], ['::ffff:a9fe:a9fe'], ['fe80::1']]) {
      expect(await lookupWith(answering(answers).resolver, 'portal.test')).toBeInstanceOf(BlockedAddressError);
    }
    expect(await lookupWith(answering(['127.0.0.1']).resolver, 'portal.test')).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });

  it('refuses metadata names without asking DNS at all', async () => {
    const { resolver, asked } = answering(['8.8.8.8']);
    for (const host of ['metadata.google.internal', 'METADATA.GOOGLE.INTERNAL.', 'metadata.tencentyun.com', 'metadata']) {
      expect(await lookupWith(resolver, host)).toBeInstanceOf(BlockedAddressError);
    }
    expect(asked).toEqual([]);
  });
});

describe('URLs that spell a metadata address another way', () => {
  it.each([
    'http://169.254.169.254./', 'http://0xa9fea9fe/', 'http://2852039166/', 'http://0251.0376.0251.0376/', 'http://169.254.43518/',
    'http://１６９.２５４.１６９.２５４/', 'http://[::ffff:169.254.169.254]/', 'http://[::169.254.169.254]/', 'http://metadata.google.internal./',
    'http://ｍｅｔａｄａｔａ.google.internal/', 'http://user:pw@[fd00:ec2::254]/',
  ])('refuses %s under --allow-private-network before any connection', async (url) => {
    const connects: string[] = [];
    const dispatcher = new Agent({
      connect: (options, callback) => {
        connects.push(String(options.hostname));
        callback(new Error('no connection expected'), null);
      },
    });
    const limits = { maxRedirects: 3, maxBodyBytes: 1024, headersTimeoutMs: 1000, bodyIdleTimeoutMs: 1000, totalTimeoutMs: 2000, maxRetryAfterMs: 0 };
    await expect(fetchUrl({ url, userAgent: 'test' }, { dispatcher, policy: open, limits })).rejects.toMatchObject({ code: 'blocked-address', retryable: false });
    expect(connects).toEqual([]);
    await dispatcher.close();
  });
});
