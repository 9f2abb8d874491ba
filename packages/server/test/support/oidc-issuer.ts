import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import Provider from 'oidc-provider';

/** The audience (resource) the issuer puts in access tokens for the API. */
export const RESOURCE = 'api://advocacy';

/** A confidential client that signs in as itself (client credentials): no end user. */
export const MACHINE_CLIENT = { id: 'reporting-job', secret: 'reporting-job-secret-0123456789abcdef' };

interface Key {
  kid: string;
  privateJwk: JWK;
}

async function newKey(kid: string): Promise<Key> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
}

/**
 * A real OpenID Connect issuer (oidc-provider) on 127.0.0.1: it publishes its keys at /jwks and
 * issues JWT access tokens for RESOURCE to MACHINE_CLIENT by client credentials, with
 * `machineClaims` added (extraTokenClaims). End-user tokens in a provider's shape are signed by
 * `sign` with the issuer's current key, as the provider would after a sign-in.
 */
export interface OidcIssuer {
  issuer: string;
  jwksUrl: string;
  /** Claims added to client-credentials tokens, e.g. Entra's `roles` and `idtyp`. */
  machineClaims: Record<string, unknown>;
  /** Signs a token with the current key (its kid in the header); `iat` now, `exp` in 10 minutes unless given. */
  sign(claims: Record<string, unknown>): Promise<string>;
  /** A client-credentials access token from the issuer's token endpoint. */
  clientCredentials(scope?: string): Promise<string>;
  /** Publishes a new key and signs with it from now on (the old one stays published, as Keycloak does). */
  rotate(): Promise<void>;
  /** Stops listening: key fetches get "connection refused". */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startOidcIssuer(): Promise<OidcIssuer> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  let server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const keys: Key[] = [await newKey('key-1')];
  const self: OidcIssuer = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    machineClaims: {},
    async sign(claims) {
      const key = keys[0]!;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, iat: now, exp: now + 600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt' })
        .sign(await importJWK(key.privateJwk, 'RS256'));
    },
    async clientCredentials(scope) {
      const body = new URLSearchParams({ grant_type: 'client_credentials', resource: RESOURCE });
      if (scope !== undefined) body.set('scope', scope);
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${MACHINE_CLIENT.id}:${MACHINE_CLIENT.secret}`).toString('base64')}`,
        },
        body,
      });
      const json = (await response.json()) as { access_token?: string };
      if (response.status !== 200 || json.access_token === undefined)
        throw new Error(`token endpoint: ${response.status} ${JSON.stringify(json)}`);
      return json.access_token;
    },
    async rotate() {
      keys.unshift(await newKey(`key-${keys.length + 1}`));
      handler = provider();
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    async start() {
      server = createServer((req, res) => handler(req, res));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async close() {
      if (server.listening) await self.stop();
    },
  };
  const provider = () =>
    new Provider(issuer, {
      clients: [
        {
          client_id: MACHINE_CLIENT.id,
          client_secret: MACHINE_CLIENT.secret,
          grant_types: ['client_credentials'],
          redirect_uris: [],
          response_types: [],
          scope: 'advocacy.use',
        },
      ],
      jwks: { keys: keys.map((key) => key.privateJwk) },
      scopes: ['openid', 'advocacy.use'],
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => RESOURCE,
          getResourceServerInfo: () => ({
            scope: 'advocacy.use',
            audience: RESOURCE,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      extraTokenClaims: () => self.machineClaims,
    }).callback();
  handler = provider();
  return self;
}
