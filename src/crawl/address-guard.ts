/**
 * Refuses connections to addresses a crawler of public portals has no business reaching: private,
 * loopback, link-local, CGNAT, unique-local IPv6, unspecified, multicast and cloud metadata addresses,
 * in every spelling (IPv6 forms that embed an IPv4 address are judged by the address they lead to).
 * The check runs AFTER DNS resolution, on every address a name resolves to, and the connection then
 * goes to the checked address, so neither a hostile DNS answer nor a redirect can slip past it.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { BlockedAddressError, CrawlError } from './errors.js';
import { embeddedIpv4, inRange, ipv4Alias, parseIp, parseRange, type IpRange } from './ip-address.js';
import { METADATA_ADDRESSES, METADATA_HOSTNAMES, METADATA_RANGES } from './metadata-endpoints.js';

const PRIVATE_RANGES = [
  '0.0.0.0/8', // "this network", includes 0.0.0.0
  '10.0.0.0/8',
  '100.64.0.0/10', // CGNAT
  '127.0.0.0/8',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24', // 6to4 relay anycast
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved and broadcast
  '::/128',
  '::1/128',
  'fc00::/7', // unique-local
  'fec0::/10', // site-local (deprecated)
  'ff00::/8', // multicast
  '2001:db8::/32',
  '100::/64', // discard-only
  '64:ff9b:1::/48', // local-use NAT64 (RFC 8215): a translator inside someone's network
].map(toRange);

const METADATA = [...METADATA_RANGES, ...METADATA_ADDRESSES].map(toRange);
const METADATA_NAMES = new Set(METADATA_HOSTNAMES);

function toRange(text: string): IpRange {
  const parsed = parseRange(text);
  if (!parsed) throw new Error(`not an address or CIDR: ${text}`);
  return parsed;
}

/**
 * `true` allows every private range (metadata addresses stay refused); a list of addresses or CIDRs
 * (`127.0.0.1`, `10.0.0.0/8`) allows exactly those (metadata addresses stay refused); `false` allows none.
 */
export type PrivateNetworkAllowance = boolean | string[];

export type AddressClass = 'metadata' | 'private' | 'public';

export interface AddressPolicy {
  isAllowed(address: string): boolean;
}

/**
 * What an address is, judged on the address and on every IPv4 address it embeds: an IPv6 form that
 * leads to a metadata or private IPv4 address is that too.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const ip = parseIp(address);
  if (!ip) return undefined;
  const reached = [ip, ...embeddedIpv4(ip)];
  if (reached.some((r) => METADATA.some((range) => inRange(r, range)))) return 'metadata';
  if (reached.some((r) => PRIVATE_RANGES.some((range) => inRange(r, range)))) return 'private';
  return 'public';
}

export function createAddressPolicy(allowance: PrivateNetworkAllowance = false): AddressPolicy {
  const allowList = Array.isArray(allowance) ? buildAllowList(allowance) : undefined;
  return {
    isAllowed(address: string): boolean {
      const ip = parseIp(address);
      const kind = classifyAddress(address);
      if (!ip || kind === undefined) return false;
      if (kind === 'metadata') return false;
      if (kind === 'public') return true;
      if (allowList) {
        const alias = ipv4Alias(ip);
        return allowList.some((range) => inRange(ip, range) || (alias !== undefined && inRange(alias, range)));
      }
      return allowance === true;
    },
  };
}

function buildAllowList(entries: string[]): IpRange[] {
  return entries.map((entry) => {
    const parsed = parseRange(entry);
    if (!parsed) throw new Error(`--allow-private-network: "${entry}" is not an IP address or CIDR`);
    return parsed;
  });
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** A cloud's metadata name, with or without the trailing dot of a fully qualified name. */
export function isMetadataHostname(hostname: string): boolean {
  return METADATA_NAMES.has(stripBrackets(hostname).toLowerCase().replace(/\.+$/, ''));
}

/** Throws before any connection when the URL's host is an IP literal the policy refuses. */
export function assertLiteralHostAllowed(url: URL, policy: AddressPolicy): void {
  const host = stripBrackets(url.hostname);
  if (isMetadataHostname(host)) throw new BlockedAddressError(url.hostname, host);
  if (isIP(host.replace(/%.*$/, '')) !== 0 && !policy.isAllowed(host)) throw new BlockedAddressError(url.hostname, host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** How names are resolved: dns.lookup by default; tests inject answers instead of asking real DNS. */
export type Resolver = (hostname: string, options: { all: true; family: number; verbatim: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A drop-in for dns.lookup (as used by net.connect and undici's connector) that resolves every
 * address, refuses the name if ANY of them is forbidden, and hands back only checked addresses.
 */
export function createGuardedLookup(policy: AddressPolicy, resolve: Resolver = dnsLookup as unknown as Resolver) {
  return function guardedLookup(hostname: string, options: { family?: number; all?: boolean } | number, callback: LookupCallback): void {
    const wantsAll = typeof options === 'object' && options.all === true;
    const family = typeof options === 'number' ? options : (options.family ?? 0);
    if (isMetadataHostname(hostname)) return callback(new BlockedAddressError(hostname, hostname), '');
    resolve(hostname, { all: true, family, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, '');
      if (addresses.length === 0) return callback(new CrawlError('dns-failed', `no address for ${hostname}`, false), '');
      const refused = addresses.find((a) => !policy.isAllowed(a.address));
      if (refused) return callback(new BlockedAddressError(hostname, refused.address), '');
      if (wantsAll) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
