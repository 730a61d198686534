// Who a reader is, as far as their address can tell, for rules that count readers without accounts
// (one report per reader, how many reports may come from one place). An IPv4 address is scarce: one
// is one reader (a household or an office behind it). An IPv6 address is not: a subscriber gets at
// least a /64, 2^64 addresses to pick from at will, so the /64 is the reader. For a rate limit the
// net is wider, the size a provider gives one customer or a small site: an IPv4 /24 and an IPv6 /48
// (Dutch providers hand out a /48 or a /56). Pure functions; the keys are hashed before storing.

/** The address without what may surround it in a header: brackets, a port, an IPv6 zone id. */
function bare(ip: string): string {
  let a = ip.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(a);
  if (v4WithPort) a = v4WithPort[1];
  const zone = a.indexOf('%');
  return zone === -1 ? a : a.slice(0, zone);
}

/** The four bytes of a dotted IPv4 address, or null. Leading zeros are refused (some read them as octal). */
function ipv4Bytes(a: string): number[] | null {
  const parts = a.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

/** The eight 16-bit groups of an IPv6 address (full, compressed with ::, or ending in dotted IPv4), or null. */
function ipv6Groups(a: string): number[] | null {
  if (!a.includes(':') || (a.match(/::/g) ?? []).length > 1) return null;
  // Dotted IPv4 may only end the address: at the end of the part after ::, or of the whole.
  const parse = (part: string, mayEndInV4: boolean): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (mayEndInV4 && i === pieces.length - 1 && piece.includes('.')) {
        const bytes = ipv4Bytes(piece);
        if (!bytes) return null;
        groups.push(bytes[0] * 256 + bytes[1], bytes[2] * 256 + bytes[3]);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const [head, tail] = a.split('::');
  const before = parse(head, tail === undefined);
  const after = tail === undefined ? [] : parse(tail, true);
  if (!before || !after) return null;
  if (tail === undefined) return before.length === 8 ? before : null;
  const missing = 8 - before.length - after.length;
  return missing >= 1 ? [...before, ...new Array<number>(missing).fill(0), ...after] : null;
}

type Parsed = { v4: number[] } | { v6: number[] } | null;

function parse(ip: string): Parsed {
  const a = bare(ip);
  const v4 = ipv4Bytes(a);
  if (v4) return { v4 };
  const v6 = ipv6Groups(a);
  if (!v6) return null;
  // An IPv4 address written as IPv6 (::ffff:1.2.3.4, as a dual-stack server reports it) is that IPv4 address.
  if (v6.slice(0, 6).every((g, i) => g === (i === 5 ? 0xffff : 0))) return { v4: [v6[6] >> 8, v6[6] & 255, v6[7] >> 8, v6[7] & 255] };
  return { v6 };
}

const v6Prefix = (groups: number[], bits: 48 | 64) =>
  `${groups
    .slice(0, bits / 16)
    .map((g) => g.toString(16))
    .join(':')}::/${bits}`;

/**
 * One reader: an IPv4 address as itself, an IPv6 address as its /64 ("2001:db8:1:2::/64"). Anything
 * that is not an address (a proxy sent something odd) stays as it came, trimmed and lower-cased.
 */
export function readerAddress(ip: string): string {
  const p = parse(ip);
  if (!p) return bare(ip);
  return 'v4' in p ? p.v4.join('.') : v6Prefix(p.v6, 64);
}

/** The wider net a rate limit counts: an IPv4 /24 ("192.0.2.0/24"), an IPv6 /48 ("2001:db8:1::/48"). */
export function readerNetwork(ip: string): string {
  const p = parse(ip);
  if (!p) return bare(ip);
  return 'v4' in p ? `${p.v4.slice(0, 3).join('.')}.0/24` : v6Prefix(p.v6, 48);
}
