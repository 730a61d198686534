// Which IP addresses a request of ours may go to: public unicast ones only. Every outgoing request
// to an address someone else chose (an import's files) asks this before it connects, so it never
// reaches the machine itself, the local network, a cloud's metadata service (169.254.169.254) or
// anything else that is not the public internet. The ranges are IANA's special-purpose registries
// (IPv4 and IPv6); an IPv6 address that carries an IPv4 one (mapped, NAT64, 6to4) is judged by it.
// Pure: strings in, a verdict out; anything that does not parse is not public.
import { parseIp } from './ip-address';

/** Why an address is not public: the name of its range; null when it is public. */
export type AddressRange = string | null;

interface Range {
  net: bigint;
  bits: number;
  name: string;
}

function range(cidr: string, name: string, parse: (a: string) => bigint | null): Range {
  const [address, bits] = cidr.split('/');
  return { net: parse(address)!, bits: Number(bits), name };
}

function inRange(value: bigint, size: number, r: Range): boolean {
  const shift = BigInt(size - r.bits);
  return value >> shift === r.net >> shift;
}

const parseIpv4 = (a: string) => {
  const p = parseIp(a);
  return p?.version === 4 ? p.value : null;
};
const parseIpv6 = (a: string) => {
  const p = parseIp(a);
  return p?.version === 6 ? p.value : null;
};

// IANA IPv4 Special-Purpose Address Registry, plus multicast and the reserved block.
const V4: Range[] = [
  ['0.0.0.0/8', 'this network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared address space (CGNAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4 relay anycast'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // 255.255.255.255, the limited broadcast, included
].map(([cidr, name]) => range(cidr, name, parseIpv4));

const v6 = (cidr: string, name: string) => range(cidr, name, parseIpv6);
// Forms that carry an IPv4 address in their last 32 bits (6to4 in bits 16–47): judged by that address.
const IPV4_MAPPED = v6('::ffff:0:0/96', 'IPv4-mapped');
const NAT64 = v6('64:ff9b::/96', 'NAT64');
const SIX_TO_FOUR = v6('2002::/16', '6to4');
// Only 2000::/3 is global unicast; inside it these are not public.
const GLOBAL_UNICAST = v6('2000::/3', 'global unicast');
const V6: Range[] = [
  v6('2001::/23', 'IETF protocol assignments'), // Teredo (2001::/32), benchmarking, ORCHID
  v6('2001:db8::/32', 'documentation'),
  v6('3fff::/20', 'documentation'),
];
// Outside 2000::/3, named for the message of a refusal.
const V6_NAMED: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('::/96', 'IPv4-compatible (deprecated)'),
  v6('::ffff:0:0:0/96', 'IPv4-translated'),
  v6('64:ff9b:1::/48', 'NAT64 local use'),
  v6('100::/64', 'discard-only'),
  v6('fc00::/7', 'unique local (private)'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'site-local (deprecated)'),
  v6('ff00::/8', 'multicast'),
];

function ipv4Range(value: bigint): AddressRange {
  return V4.find((r) => inRange(value, 32, r))?.name ?? null;
}

/**
 * The range that makes an address not public ("loopback", "private", "link-local", …), or null
 * when it is a public unicast address. Accepts the forms DNS and the URL parser give: dotted IPv4,
 * IPv6 with or without brackets or a zone. Anything else is "not an IP address".
 */
export function nonPublicRange(address: string): AddressRange {
  const parsed = parseIp(address);
  if (parsed === null) return 'not an IP address';
  if (parsed.version === 4) return ipv4Range(parsed.value);
  const value = parsed.value;
  const low32 = value & 0xffffffffn;
  if (inRange(value, 128, IPV4_MAPPED) || inRange(value, 128, NAT64)) return ipv4Range(low32);
  if (inRange(value, 128, SIX_TO_FOUR)) return ipv4Range((value >> 80n) & 0xffffffffn);
  if (!inRange(value, 128, GLOBAL_UNICAST)) return V6_NAMED.find((r) => inRange(value, 128, r))?.name ?? 'not global unicast';
  return V6.find((r) => inRange(value, 128, r))?.name ?? null;
}

export function isPublicAddress(address: string): boolean {
  return nonPublicRange(address) === null;
}

export function isLoopbackAddress(address: string): boolean {
  return nonPublicRange(address) === 'loopback';
}
