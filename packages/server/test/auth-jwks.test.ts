import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { API, json, startHarness, type Harness } from './support/harness.js';

const ISSUER = 'https://login.example.test/';
const AUDIENCE = 'advocacy-api';

describe('JWKS tokens with issuer and audience checks (AUTH_JWKS_URL)', () => {
  let jwks: Server;
  let h: Harness;
  let privateKey: CryptoKey;

  const sign = (claims: Record<string, unknown>, options: { issuer?: string; audience?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('emp-ann')
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);

  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    h = await startHarness(
      { name: 'sqlite', databaseUrl: null, sqliteFile: ':memory:', drop: async () => {} },
      {
        auth: { jwtSecret: null, jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer: ISSUER, audience: AUDIENCE, rolesClaim: 'groups' },
      },
    );
  });
  after(async () => {
    await h.close();
    jwks.close();
  });

  it('accepts a token signed by a key in the set, with roles from the configured claim', async () => {
    const me = await json(await h.request('GET', `${API}/me`, { token: await sign({ groups: ['staff', 'admin'] }) }), 200);
    assert.equal(me.id, 'emp-ann');
    assert.equal(me.role, 'admin');
    await json(await h.request('GET', `${API}/admin/analytics`, { token: await sign({ groups: 'staff admin' }) }), 200);
    await json(await h.request('GET', `${API}/admin/analytics`, { token: await sign({ roles: ['admin'] }) }), 403);
  });

  it('rejects another issuer or audience with 401', async () => {
    await json(await h.request('GET', `${API}/me`, { token: await sign({}, { issuer: 'https://evil.example/' }) }), 401);
    await json(await h.request('GET', `${API}/me`, { token: await sign({}, { audience: 'another-api' }) }), 401);
  });
});
