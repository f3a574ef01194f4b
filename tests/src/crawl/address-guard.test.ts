import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createAddressPolicy, createGuardedLookup } from '../../../src/crawl/address-guard.js';
import { BlockedAddressError } from '../../../src/crawl/errors.js';
import { fetchUrl, type FetchContext } from '../../../src/crawl/fetcher.js';
import { createGuardedAgent } from '../../../src/crawl/http-agent.js';

const LIMITS = { maxRedirects: 3, maxBodyBytes: 1024, headersTimeoutMs: 1000, bodyIdleTimeoutMs: 1000, totalTimeoutMs: 2000, maxRetryAfterMs: 0 };

describe('the address policy', () => {
  const strict = createAddressPolicy(false);

  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '169.254.169.254', '169.254.1.1',
    '100.64.0.1', '100.127.255.254', '0.0.0.0', '0.1.2.3', '224.0.0.1', '255.255.255.255', '198.18.0.1',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::10.0.0.1', 'fd00:ec2::254', '[::1]',
  ])('refuses %s', (address) => {
    expect(strict.isAllowed(address)).toBe(false);
  });

  it.each(['1.1.1.1', '8.8.8.8', '172.32.0.1', '100.128.0.1', '218.85.157.99', '2400:3200::1', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(strict.isAllowed(address)).toBe(true);
  });

  it('refuses what is not an address at all', () => {
    expect(strict.isAllowed('localhost')).toBe(false);
  });

  it('with --allow-private-network and no list, allows private ranges but still refuses cloud metadata', () => {
    const open = createAddressPolicy(true);
    expect(open.isAllowed('10.0.0.1')).toBe(true);
    expect(open.isAllowed('127.0.0.1')).toBe(true);
    expect(open.isAllowed('169.254.169.254')).toBe(false);
    expect(open.isAllowed('100.100.100.200')).toBe(false);
    expect(open.isAllowed('fd00:ec2::254')).toBe(false);
  });

  it('with a list, allows exactly the listed addresses and CIDRs', () => {
    const listed = createAddressPolicy(['127.0.0.1', '10.1.0.0/16']);
    expect(listed.isAllowed('127.0.0.1')).toBe(true);
    expect(listed.isAllowed('127.0.0.2')).toBe(false);
    expect(listed.isAllowed('10.1.200.3')).toBe(true);
    expect(listed.isAllowed('10.2.0.1')).toBe(false);
    expect(listed.isAllowed('169.254.169.254')).toBe(false);
  });

  it('rejects an allow-list entry that is not an address', () => {
    expect(() => createAddressPolicy(['intranet'])).toThrow(/not an IP address or CIDR/);
  });
});

describe('the guarded DNS lookup', () => {
  it('refuses a name that resolves to loopback, after resolving it', async () => {
    const lookup = createGuardedLookup(createAddressPolicy(false));
    const error = await new Promise((resolve) => lookup('localhost', { all: true }, (err) => resolve(err)));
    expect(error).toBeInstanceOf(BlockedAddressError);
  });

  it('hands back the checked addresses when they are allowed', async () => {
    const lookup = createGuardedLookup(createAddressPolicy(['127.0.0.1', '::1']));
    const addresses = await new Promise((resolve) => lookup('localhost', { all: true }, (_err, address) => resolve(address)));
    expect(addresses).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) })]));
  });
});

describe('fetching a forbidden address', () => {
  it('refuses an IP literal before any connection is attempted', async () => {
    const connects: string[] = [];
    const dispatcher = new Agent({
      connect: (options, callback) => {
        connects.push(String(options.hostname));
        callback(new Error('no connection expected'), null);
      },
    });
    const ctx: FetchContext = { dispatcher, policy: createAddressPolicy(false), limits: LIMITS };
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://[::1]:8080/', 'http://0.0.0.0/']) {
      await expect(fetchUrl({ url, userAgent: 'test' }, ctx)).rejects.toMatchObject({ code: 'blocked-address', retryable: false });
    }
    expect(connects).toEqual([]);
    await dispatcher.close();
  });

  it('refuses a host name that resolves to loopback: the server never sees a request', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const policy = createAddressPolicy(false);
    const dispatcher = createGuardedAgent(policy, 1000, 1);
    try {
      await expect(fetchUrl({ url: `http://localhost:${port}/`, userAgent: 'test' }, { dispatcher, policy, limits: LIMITS })).rejects.toMatchObject({ code: 'blocked-address' });
      expect(requests).toBe(0);
    } finally {
      await dispatcher.close();
      server.close();
    }
  });

  it('refuses schemes other than http and https', async () => {
    const policy = createAddressPolicy(true);
    const dispatcher = createGuardedAgent(policy, 1000, 1);
    await expect(fetchUrl({ url: 'file:///etc/passwd', userAgent: 'test' }, { dispatcher, policy, limits: LIMITS })).rejects.toMatchObject({ code: 'unsupported-scheme' });
    await dispatcher.close();
  });
});
