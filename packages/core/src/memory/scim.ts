import type { ScimSettings, ScimToken, ScimTokenCreated } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';

/** Tokens active at once, as on the server. */
export const MAX_SCIM_TOKENS = 5;

/**
 * SCIM tokens in memory. The memory backend serves no SCIM endpoint (SCIM is the reference
 * server's, at `/scim/v2`): these tokens exist so that admin screens can be built, shown and
 * tested against it; none of them opens anything.
 */
export class MemoryScimTokens {
  private readonly tokens: (ScimToken & { revoked: boolean })[] = [];
  private counter = 0;

  constructor(private readonly baseUrl = 'http://localhost:8787/scim/v2') {}

  settings(): ScimSettings {
    return {
      baseUrl: this.baseUrl,
      employeeId: 'externalId',
      subjectClaim: 'sub',
      envToken: false,
      tokens: this.tokens
        .filter((token) => !token.revoked)
        .map(({ revoked: _revoked, ...token }) => token)
        .reverse(),
    };
  }

  create(createdBy: string, now: string): ScimTokenCreated {
    if (this.tokens.filter((token) => !token.revoked).length >= MAX_SCIM_TOKENS) {
      throw new AdvocacyError('conflict', `${MAX_SCIM_TOKENS} SCIM tokens are active already: revoke one first`, { status: 409 });
    }
    this.counter += 1;
    const token = { id: `scim-token-${this.counter}`, createdAt: now, createdBy, lastUsedAt: null };
    this.tokens.push({ ...token, revoked: false });
    const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
    return { ...token, token: `scim_${random}` };
  }

  revoke(id: string): void {
    const token = this.tokens.find((candidate) => candidate.id === id && !candidate.revoked);
    if (token === undefined) throw new AdvocacyError('not_found', `No SCIM token "${id}"`, { status: 404 });
    token.revoked = true;
  }
}

const perDatabase = new WeakMap<object, MemoryScimTokens>();

/** The SCIM tokens of one memory database (shared by its views, as its other data is). */
export function scimTokensOf(db: object): MemoryScimTokens {
  let tokens = perDatabase.get(db);
  if (tokens === undefined) {
    tokens = new MemoryScimTokens();
    perDatabase.set(db, tokens);
  }
  return tokens;
}
