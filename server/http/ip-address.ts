// An IP address as a number, for the rules that reason about addresses: who a reader is
// (reader-address.ts) and where a request of ours may go (public-address.ts). One parser for both,
// strict about what it takes: four decimal parts for IPv4 (no leading zeros, which some read as
// octal, no hex or single-number forms), IPv6 as Node's parser accepts it, with an IPv4 tail.
import net from 'node:net';

export type IpAddress = { version: 4; value: bigint } | { version: 6; value: bigint };

/** The address without what may surround it in a header or a URL: brackets, a port, an IPv6 zone id. */
export function bareAddress(text: string): string {
  let a = text.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(a);
  if (v4WithPort) a = v4WithPort[1];
  const zone = a.indexOf('%');
  return zone === -1 ? a : a.slice(0, zone);
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
}

function parseIpv6(text: string): bigint | null {
  if (!net.isIPv6(text)) return null;
  let groupsText = text;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = parseIpv4(tail[1]);
    if (v4 === null) return null;
    groupsText = `${text.slice(0, -tail[1].length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = groupsText.split('::');
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? [...head, ...Array<string>(8 - head.length - rest.length).fill('0'), ...rest] : head;
  if (groups.length !== 8) return null;
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** The address as its version and number (brackets, port and zone taken off first), or null when it is none. */
export function parseIp(text: string): IpAddress | null {
  const a = bareAddress(text);
  const v4 = parseIpv4(a);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIpv6(a);
  return v6 === null ? null : { version: 6, value: v6 };
}

/** The first `bits` of an address, the rest zero. */
export function prefixOf(value: bigint, size: 32 | 128, bits: number): bigint {
  const shift = BigInt(size - bits);
  return (value >> shift) << shift;
}

export function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
}

/** The eight 16-bit groups of an IPv6 number. */
export function ipv6Groups(value: bigint): number[] {
  return Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
}
