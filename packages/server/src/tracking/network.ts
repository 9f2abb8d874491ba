import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address belongs to, as points count visitors: an IPv4 address itself
 * (/32), an IPv6 address's /64 (one home or phone network hands out many addresses in it), an
 * IPv4-mapped IPv6 address as its IPv4 address. Null when `ip` is not an address ('unknown').
 */
export function networkOf(ip: string): string | null {
  const zone = ip.indexOf('%');
  const address = (zone === -1 ? ip : ip.slice(0, zone)).trim().toLowerCase();
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped !== null && isIPv4(mapped[1]!)) return mapped[1]!;
  // Expand '::' to the missing groups; a trailing dotted IPv4 part takes two groups.
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])));
  const [head = '', tail] = address.split('::');
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const groups = [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/**
 * A keyed hash of the network of `ip` under the secret salt, kept with a share to recognise the
 * sharer's own clicks later (no day in it: a click may come any day). Null for no address.
 */
export function networkHash(salt: string, ip: string): string | null {
  const network = networkOf(ip);
  return network === null ? null : createHmac('sha256', salt).update(`network\n${network}`).digest('base64url');
}

/**
 * The key that counts a visitor once for points on a UTC day: the network of the address under
 * the secret salt, never the user agent (rotating it makes no new visitor). A click with no
 * address counts as the visitor "unknown".
 */
export const pointVisitorHash = (salt: string, ip: string, day: string): string =>
  createHmac('sha256', salt)
    .update(`points\n${networkOf(ip) ?? 'unknown'}\n${day}`)
    .digest('base64url');
