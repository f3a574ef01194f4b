/**
 * Refuses connections to addresses a crawler of public portals has no business reaching: private,
 * loopback, link-local, CGNAT, unique-local IPv6, unspecified, multicast and cloud metadata addresses.
 * The check runs AFTER DNS resolution, on every address a name resolves to, and the connection then
 * goes to the checked address, so neither a hostile DNS answer nor a redirect can slip past it.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { BlockedAddressError, CrawlError } from './errors.js';

const FORBIDDEN_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", includes 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

const FORBIDDEN_V6: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
  ['2001:db8::', 32],
  ['100::', 64], // discard-only
];

/** Metadata services that are not inside a private range, or must stay refused even when private ranges are allowed. */
const METADATA_ADDRESSES = ['169.254.169.254', '169.254.170.2', '100.100.100.200', '168.63.129.16', '192.0.0.192', 'fd00:ec2::254'];

const forbidden = new BlockList();
for (const [net, prefix] of FORBIDDEN_V4) forbidden.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of FORBIDDEN_V6) forbidden.addSubnet(net, prefix, 'ipv6');
const metadata = new BlockList();
for (const address of METADATA_ADDRESSES) metadata.addAddress(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * `true` allows every private range (metadata addresses stay refused); a list of addresses or CIDRs
 * (`127.0.0.1`, `10.0.0.0/8`) allows exactly those; `false` allows none.
 */
export type PrivateNetworkAllowance = boolean | string[];

export interface AddressPolicy {
  isAllowed(address: string): boolean;
}

export function createAddressPolicy(allowance: PrivateNetworkAllowance = false): AddressPolicy {
  const allowList = Array.isArray(allowance) ? buildAllowList(allowance) : undefined;
  return {
    isAllowed(address: string): boolean {
      const ip = unwrapEmbeddedIpv4(stripBrackets(address));
      const family = isIP(ip);
      if (family === 0) return false;
      const type = family === 6 ? 'ipv6' : 'ipv4';
      if (allowList?.check(ip, type)) return true;
      if (metadata.check(ip, type)) return false;
      if (!forbidden.check(ip, type)) return true;
      return allowance === true;
    },
  };
}

function buildAllowList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [net, prefixText] = entry.trim().split('/');
    const family = isIP(net ?? '');
    if (family === 0) throw new Error(`--allow-private-network: "${entry}" is not an IP address or CIDR`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefixText === undefined) list.addAddress(net, type);
    else list.addSubnet(net, Number(prefixText), type);
  }
  return list;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the embedded IPv4 host. */
function unwrapEmbeddedIpv4(ip: string): string {
  const lower = ip.toLowerCase();
  for (const prefix of ['::ffff:', '64:ff9b::']) {
    if (!lower.startsWith(prefix)) continue;
    const rest = lower.slice(prefix.length);
    if (isIP(rest) === 4) return rest;
    const hex = rest.match(/^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
    if (hex) {
      const high = parseInt(hex[1], 16);
      const low = parseInt(hex[2], 16);
      return [high >> 8, high & 255, low >> 8, low & 255].join('.');
    }
  }
  return ip;
}

/** Throws before any connection when the URL's host is an IP literal the policy refuses. */
export function assertLiteralHostAllowed(url: URL, policy: AddressPolicy): void {
  const host = stripBrackets(url.hostname);
  if (isIP(host) !== 0 && !policy.isAllowed(host)) throw new BlockedAddressError(url.hostname, host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A drop-in for dns.lookup (as used by net.connect and undici's connector) that resolves every
 * address, refuses the name if ANY of them is forbidden, and hands back only checked addresses.
 */
export function createGuardedLookup(policy: AddressPolicy) {
  return function guardedLookup(hostname: string, options: { family?: number; all?: boolean } | number, callback: LookupCallback): void {
    const wantsAll = typeof options === 'object' && options.all === true;
    const family = typeof options === 'number' ? options : (options.family ?? 0);
    dnsLookup(hostname, { all: true, family, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '');
      if (addresses.length === 0) return callback(new CrawlError('dns-failed', `no address for ${hostname}`, false), '');
      const refused = addresses.find((a) => !policy.isAllowed(a.address));
      if (refused) return callback(new BlockedAddressError(hostname, refused.address), '');
      if (wantsAll) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
