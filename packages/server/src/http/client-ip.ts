import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * Which proxies the server trusts to tell it the client's address, read once from the
 * configuration. Each proxy appends the address it saw to X-Forwarded-For, so the header is
 * read from the right: everything left of what the trusted proxies wrote came from the client
 * and can say anything.
 */
export interface ProxyTrust {
  /** Proxies in front of the server that append to X-Forwarded-For (TRUST_PROXY); 0 ignores the header. */
  readonly hops: number;
  /** Addresses and CIDR ranges of trusted proxies (TRUSTED_PROXIES); used instead of `hops` when set. */
  readonly proxies: readonly string[];
  /** The client's address from the header (joined when sent several times) and the socket peer's. */
  clientAddress(forwardedFor: string | undefined, peer: string | undefined): string;
}

const UNKNOWN = 'unknown';

/** `1.2.3.4:5678` → `1.2.3.4`, `[2001:db8::1]:80` → `2001:db8::1`; other text as it is, trimmed. */
function bare(entry: string): string {
  const address = entry.trim();
  if (address.startsWith('[')) {
    const end = address.indexOf(']');
    return end > 0 ? address.slice(1, end) : address;
  }
  const colon = address.indexOf(':');
  return colon > 0 && colon === address.lastIndexOf(':') ? address.slice(0, colon) : address;
}

function parseRanges(proxies: readonly string[]): BlockList {
  const ranges = new BlockList();
  for (const item of proxies) {
    const [address = '', prefix, ...rest] = item.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
    if (family === 0 || rest.length > 0 || bits < 0 || bits > (family === 6 ? 128 : 32)) {
      throw new Error(
        `TRUSTED_PROXIES must list the IP addresses or CIDR ranges of your proxies (e.g. 10.0.0.0/8,fd00::/8); "${item}" is neither.`,
      );
    }
    ranges.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return ranges;
}

/** Compiles the proxy settings; throws with what to set when they cannot be read. */
export function proxyTrust(options: { hops?: number; proxies?: readonly string[] } = {}): ProxyTrust {
  const hops = options.hops ?? 0;
  const proxies = [...(options.proxies ?? [])];
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY must be the number of proxies (1, 2, …), got ${hops}.`);
  if (hops > 0 && proxies.length > 0) {
    throw new Error('Set either TRUST_PROXY (how many proxies append to X-Forwarded-For) or TRUSTED_PROXIES (their addresses), not both.');
  }
  if (proxies.length > 0) {
    const ranges = parseRanges(proxies);
    const trusted = (address: string) => {
      const family = isIP(address);
      return family !== 0 && ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
    };
    return {
      hops: 0,
      proxies,
      clientAddress(forwardedFor, peer) {
        // Only a listed proxy may speak for the client; anyone else gets their own address.
        if (peer === undefined || !trusted(peer)) return peer ?? UNKNOWN;
        if (forwardedFor === undefined || forwardedFor === '') return peer;
        const entries = forwardedFor.split(',');
        for (let i = entries.length - 1; i > 0; i--) {
          const address = bare(entries[i]!);
          if (!trusted(address)) return address;
        }
        return bare(entries[0]!) || peer;
      },
    };
  }
  return {
    hops,
    proxies,
    clientAddress(forwardedFor, peer) {
      if (hops === 0 || forwardedFor === undefined || forwardedFor === '') return peer ?? UNKNOWN;
      const entries = forwardedFor.split(',');
      // The nearest proxy saw the peer, the next one the address before it, …; a chain shorter
      // than configured (a request that skipped the outer proxy) yields its leftmost entry.
      return bare(entries[Math.max(0, entries.length - hops)]!) || (peer ?? UNKNOWN);
    },
  };
}

/** The client's address for a Hono request (the socket's remote address when the header is not trusted). */
export function clientIp(c: Context, trust: ProxyTrust): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return trust.clientAddress(c.req.header('x-forwarded-for'), incoming?.socket?.remoteAddress);
}
