import type { Harness } from './harness.js';

/** The SCIM token of the test harnesses (SCIM_TOKEN). */
export const SCIM_TOKEN = 'scim-test-token-0123456789abcdefghijklmnopqrstuv';

export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** A SCIM request with the test token (or the one given, `null` for none), as the identity providers send it. */
export function scimRequest(
  h: Harness,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = SCIM_TOKEN,
): Promise<Response> {
  return h.request(method, `/scim/v2${path}`, {
    token,
    headers: body === undefined ? {} : { 'content-type': 'application/scim+json' },
    ...(body === undefined ? {} : { raw: JSON.stringify(body) }),
  });
}
