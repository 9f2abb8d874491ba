import type { RateLimit } from '../config.js';

/** SCIM provisioning settings (`SCIM_TOKEN`, `SCIM_EMPLOYEE_ID`), documented in the README. */
export interface ScimConfig {
  /**
   * A bearer token the provisioning client may use besides the ones admins create in the admin
   * UI (stored hashed in the database). Null: only those. At least 32 characters.
   */
  token: string | null;
  /**
   * Which SCIM attribute becomes the employee id, which must be what the sign-in token's subject
   * claim (AUTH_SUBJECT_CLAIM) carries: `externalId` (Entra ID with objectId mapped to externalId
   * and AUTH_SUBJECT_CLAIM=oid) or `userName` (Okta, whose access tokens carry the login in `sub`).
   */
  employeeId: 'externalId' | 'userName';
  /** SCIM requests per client address: a full sync sends a few a second; guessing gets 429. */
  rateLimit: RateLimit;
}

export const SCIM_TOKEN_MIN_LENGTH = 32;
const TOKEN = /^[\x21-\x7e]+$/;

export const DEFAULT_SCIM: ScimConfig = { token: null, employeeId: 'externalId', rateLimit: { burst: 300, perSecond: 50 } };

/** Throws when the settings are unsafe: a token shorter than 32 characters or with spaces. Never quotes the token. */
export function checkScimConfig(scim: ScimConfig): void {
  if (scim.token !== null && (scim.token.length < SCIM_TOKEN_MIN_LENGTH || !TOKEN.test(scim.token))) {
    throw new Error(
      `SCIM_TOKEN must be at least ${SCIM_TOKEN_MIN_LENGTH} printable characters without spaces; generate one with \`openssl rand -base64 32\`, or create one in the admin UI instead.`,
    );
  }
  if (scim.employeeId !== 'externalId' && scim.employeeId !== 'userName') {
    throw new Error(`SCIM_EMPLOYEE_ID must be externalId or userName, got "${String(scim.employeeId)}".`);
  }
}

export function scimConfigFromEnv(env: Record<string, string | undefined>): ScimConfig {
  return {
    token: env.SCIM_TOKEN ? env.SCIM_TOKEN : null,
    employeeId: (env.SCIM_EMPLOYEE_ID?.trim() || DEFAULT_SCIM.employeeId) as ScimConfig['employeeId'],
    rateLimit: DEFAULT_SCIM.rateLimit,
  };
}
