/**
 * IP addresses as numbers, and the IPv4 addresses an IPv6 address carries inside it. The address guard
 * decides on these, never on the text: `[::127.0.0.1]`, `[::ffff:7f00:1]`, `[2002:7f00:1::]` and
 * `[64:ff9b::7f00:1]` all lead to 127.0.0.1, whatever they look like.
 */
import { isIP } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  /** 32 or 128 bits. */
  value: bigint;
}

export interface IpRange {
  family: 4 | 6;
  network: bigint;
  prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

/** An address as written in a URL host, a DNS answer or an allow list: brackets and a zone id are dropped. */
export function parseIp(text: string): IpAddress | undefined {
  let ip = text.trim();
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const zone = ip.indexOf('%');
  if (zone >= 0) ip = ip.slice(0, zone);
  const family = isIP(ip);
  if (family === 4) return { family: 4, value: ipv4Value(ip) };
  if (family === 6) return { family: 6, value: ipv6Value(ip.toLowerCase()) };
  return undefined;
}

function ipv4Value(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

/** Expands `::`, and a trailing dotted quad, to eight 16-bit groups. Input already validated by isIP. */
function ipv6Value(ip: string): bigint {
  let text = ip;
  const quad = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (quad) {
    const v4 = ipv4Value(quad[1]);
    text = `${text.slice(0, -quad[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...zeros, ...tailGroups].reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

export function parseRange(text: string): IpRange | undefined {
  const [address, prefixText] = text.trim().split('/');
  const ip = parseIp(address ?? '');
  if (!ip) return undefined;
  const bits = BITS[ip.family];
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return undefined;
  return { family: ip.family, network: ip.value & mask(bits, prefix), prefix };
}

function mask(bits: number, prefix: number): bigint {
  return ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
}

export function inRange(ip: IpAddress, range: IpRange): boolean {
  return ip.family === range.family && (ip.value & mask(BITS[ip.family], range.prefix)) === range.network;
}

const v4 = (value: bigint): IpAddress => ({ family: 4, value: value & 0xffffffffn });
const bitsAt = (value: bigint, from: number, length: number): bigint => (value >> BigInt(128 - from - length)) & ((1n << BigInt(length)) - 1n);

const range = (text: string): IpRange => parseRange(text) as IpRange;
const COMPATIBLE = range('::/96'); // deprecated IPv4-compatible ::a.b.c.d (also :: and ::1)
const MAPPED = range('::ffff:0:0/96');
const TRANSLATED = range('::ffff:0:0:0/96'); // SIIT, RFC 2765
const NAT64 = range('64:ff9b::/96');
const NAT64_LOCAL = range('64:ff9b:1::/48'); // RFC 8215: the embedding depends on the operator's prefix length
const SIX_TO_FOUR = range('2002::/16');
const TEREDO = range('2001::/32');

/**
 * The IPv4 addresses an IPv6 address reaches or names: the mapped, compatible and translated forms,
 * NAT64 (well-known and local-use, at every RFC 6052 prefix length), 6to4, Teredo (server and the
 * obfuscated client) and an ISATAP interface id. Empty for IPv4 and for plain IPv6 addresses.
 */
export function embeddedIpv4(ip: IpAddress): IpAddress[] {
  if (ip.family !== 6) return [];
  const value = ip.value;
  const found: IpAddress[] = [];
  if (inRange(ip, COMPATIBLE) || inRange(ip, MAPPED) || inRange(ip, TRANSLATED) || inRange(ip, NAT64)) found.push(v4(value));
  if (inRange(ip, NAT64_LOCAL)) {
    // RFC 6052 §2.2: bits 64–71 are zero; the IPv4 address follows the prefix, around that octet.
    found.push(v4((bitsAt(value, 48, 16) << 16n) | bitsAt(value, 72, 16))); // /48
    found.push(v4((bitsAt(value, 56, 8) << 24n) | bitsAt(value, 72, 24))); // /56
    found.push(v4(bitsAt(value, 72, 32))); // /64
    found.push(v4(value)); // /96
  }
  if (inRange(ip, SIX_TO_FOUR)) found.push(v4(bitsAt(value, 16, 32)));
  if (inRange(ip, TEREDO)) {
    found.push(v4(bitsAt(value, 32, 32)));
    found.push(v4(~value));
  }
  const interfaceHigh = bitsAt(value, 64, 32);
  if (interfaceHigh === 0x00005efen || interfaceHigh === 0x02005efen) found.push(v4(value)); // ISATAP
  return found;
}

/** The one IPv4 address a mapped or compatible IPv6 address is merely another spelling of. */
export function ipv4Alias(ip: IpAddress): IpAddress | undefined {
  return ip.family === 6 && (inRange(ip, MAPPED) || inRange(ip, COMPATIBLE)) ? v4(ip.value) : undefined;
}
