import { httpBackend } from '@advocacy-kit/core/backend';
import { httpAdmin } from '@advocacy-kit/core/admin';
import type { ContractTarget } from './target.js';

export interface HttpTargetOptions {
  /** The API base URL including its version prefix, e.g. `https://adv.example.com/api/v1`. */
  baseUrl: string;
  /** Bearer token of an employee. */
  employeeToken: string;
  /** Bearer token of a second, different employee. */
  otherEmployeeToken: string;
  /** Bearer token of a program admin. */
  adminToken: string;
  /** An API key that may report conversions (`X-Api-Key`); without it the conversion checks are skipped. */
  apiKey?: string;
  /** Bearer token of a test employee the suite may erase; enables the erasure check. */
  erasableEmployeeToken?: string;
}

/** A token no API should accept, for the `unauthorized` check. */
const BAD_TOKEN = 'advocacy-contract-tests.invalid-token';

/**
 * Follows a tracking URL once without following the redirect, and returns the `Location` it
 * points to (resolved against the tracking URL), or `null` when the response is not a redirect.
 */
export async function visitOverHttp(url: string, userAgent: string): Promise<string | null> {
  const response = await fetch(url, { redirect: 'manual', headers: { 'user-agent': userAgent } });
  await response.body?.cancel();
  const location = response.headers.get('location');
  if (response.status < 300 || response.status >= 400 || location === null) return null;
  return new URL(location, url).toString();
}

/** A target for an API that speaks the Advocacy Kit HTTP contract, through core's `httpBackend`. */
export function httpTarget(options: HttpTargetOptions): ContractTarget {
  // Every backend carries the admin methods: the checks see employees refused by the API itself.
  const signedIn = (token: string) => () => httpBackend({ baseUrl: options.baseUrl, getToken: () => token, admin: httpAdmin });
  return {
    employee: signedIn(options.employeeToken),
    otherEmployee: signedIn(options.otherEmployeeToken),
    admin: signedIn(options.adminToken),
    unauthenticated: signedIn(BAD_TOKEN),
    ...(options.apiKey === undefined
      ? {}
      : { conversions: () => httpBackend({ baseUrl: options.baseUrl, getToken: () => null, headers: { 'X-Api-Key': options.apiKey! } }) }),
    ...(options.erasableEmployeeToken === undefined ? {} : { erasable: signedIn(options.erasableEmployeeToken) }),
    http: true,
    visitTrackingUrl: visitOverHttp,
  };
}
