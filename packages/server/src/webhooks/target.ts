import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { isLoopbackName, isPublicAddress, normalHost } from '../admin/address-guard.js';

/** Which webhook targets this server may call. */
export interface TargetPolicy {
  /** Plain http:// targets (never in production). */
  allowHttp: boolean;
  /** Loopback, private, link-local and other non-public addresses. */
  allowPrivate: boolean;
}

/** Why a URL may not be a webhook target under the policy, or null when it may. */
export function targetProblem(raw: string, policy: TargetPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    return policy.allowHttp ? 'must be an http(s) URL' : 'must be an https URL';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  const host = normalHost(url.hostname);
  if (!policy.allowPrivate && (isLoopbackName(host) || (isIP(host) !== 0 && !isPublicAddress(host)))) {
    return 'must not point at a loopback or private address';
  }
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that refuses names resolving to non-public addresses, so a
 * public name re-pointed at an internal address (DNS rebinding) is caught when connecting.
 */
export function guardedLookup(policy: TargetPolicy) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      if (!policy.allowPrivate && list.some((entry) => !isPublicAddress(entry.address))) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address`);
        refused.code = 'EPRIVATE';
        return callback(refused, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}
