import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side fetch of an admin-supplied URL must never reach: loopback, private
 * networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast,
 * reserved and unspecified ranges, in IPv4 and IPv6. IPv6 addresses that carry an IPv4 address
 * (mapped, compatible, translated, NAT64, 6to4) are judged by the IPv4 address they carry.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['3fff::', 20],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The eight 16-bit groups of a valid IPv6 address (without zone), a trailing dotted IPv4 included. */
function groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/**
 * The IPv4 address an IPv6 address carries, or null: IPv4-mapped (::ffff:0:0/96), IPv4-compatible
 * (::/96, but not :: and ::1), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96) and 6to4
 * (2002::/16, the address in the second and third groups).
 */
export function embeddedIPv4(address: string): string | null {
  const g = groups(address);
  const zeros = (count: number) => g.slice(0, count).every((group) => group === 0);
  if (zeros(5) && g[5] === 0xffff) return v4(g[6]!, g[7]!);
  if (zeros(4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!);
  if (zeros(6) && (g[6] !== 0 || g[7]! > 1)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((group) => group === 0)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

/** True when `address` (an IP literal, IPv6 with or without brackets or a zone) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(bare);
  if (family === 4) return !blocked.check(bare, 'ipv4');
  if (family !== 6) return false;
  // A zone only exists on link-local and other scoped addresses: none of them is public.
  if (bare.includes('%')) return false;
  const carried = embeddedIPv4(bare);
  if (carried !== null) return isPublicAddress(carried);
  return !blocked.check(bare, 'ipv6');
}

/** A URL's host as the guards compare it: lower case, without IPv6 brackets or trailing dots (`localhost.` is `localhost`). */
export function normalHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.+$/, '');
}

/** True for names that always mean this machine: `localhost` and any `*.localhost` (RFC 6761). */
export function isLoopbackName(hostname: string): boolean {
  const host = normalHost(hostname);
  return host === 'localhost' || host.endsWith('.localhost');
}
