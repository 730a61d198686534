// Who a reader is, as far as their address can tell, for rules that count readers without accounts
// (one report per reader, how many reports may come from one place). An IPv4 address is scarce: one
// is one reader (a household or an office behind it). An IPv6 address is not: a subscriber gets at
// least a /64, 2^64 addresses to pick from at will, so the /64 is the reader. For a rate limit the
// net is wider, the size a provider gives one customer or a small site: an IPv4 /24 and an IPv6 /48
// (Dutch providers hand out a /48 or a /56). Pure functions; the keys are hashed before storing.
import { bareAddress, formatIpv4, ipv6Groups, parseIp, prefixOf } from './ip-address';

type Parsed = { v4: bigint } | { v6: bigint } | null;

function parse(ip: string): Parsed {
  const p = parseIp(ip);
  if (!p) return null;
  if (p.version === 4) return { v4: p.value };
  // An IPv4 address written as IPv6 (::ffff:1.2.3.4, as a dual-stack server reports it) is that IPv4 address.
  if (p.value >> 32n === 0xffffn) return { v4: p.value & 0xffffffffn };
  return { v6: p.value };
}

const v6Prefix = (value: bigint, bits: 48 | 64) =>
  `${ipv6Groups(value)
    .slice(0, bits / 16)
    .map((g) => g.toString(16))
    .join(':')}::/${bits}`;

/**
 * One reader: an IPv4 address as itself, an IPv6 address as its /64 ("2001:db8:1:2::/64"). Anything
 * that is not an address (a proxy sent something odd) stays as it came, trimmed and lower-cased.
 */
export function readerAddress(ip: string): string {
  const p = parse(ip);
  if (!p) return bareAddress(ip);
  return 'v4' in p ? formatIpv4(p.v4) : v6Prefix(p.v6, 64);
}

/** The wider net a rate limit counts: an IPv4 /24 ("192.0.2.0/24"), an IPv6 /48 ("2001:db8:1::/48"). */
export function readerNetwork(ip: string): string {
  const p = parse(ip);
  if (!p) return bareAddress(ip);
  return 'v4' in p ? `${formatIpv4(prefixOf(p.v4, 32, 24))}/24` : v6Prefix(p.v6, 48);
}
