import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig, resolveConfig } from '../../src/config.js';
import { createServer, type RunningServer } from '../../src/server.js';
import { loadSeed } from '../../src/seed.js';
import { forEachDatabase } from '../support/databases.js';
import { fixture } from '../support/fixture.js';
import { API, json, SECRET, signToken, startHarness, type Harness } from '../support/harness.js';

// The visitor's address behind proxies: X-Forwarded-For is read from the right, where the
// proxies the server trusts wrote it, never from the left, where the client did.

const HUMAN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const LIMITS = {
  redirect: { burst: 2, perSecond: 0.001 },
  writes: { burst: 50, perSecond: 10 },
  conversions: { burst: 50, perSecond: 10 },
};

async function shareCode(request: (method: string, path: string, init: object) => Promise<Response>, key: string): Promise<string> {
  const token = await signToken('emp-ann');
  const share = await json(
    await request('POST', `${API}/shares`, {
      token,
      headers: { 'idempotency-key': key },
      body: { postId: 'p-1', network: 'linkedin', commentary: '' },
    }),
    201,
  );
  return share.trackingCode;
}

forEachDatabase('security: X-Forwarded-For behind one proxy (TRUST_PROXY=1)', (open) => {
  let h: Harness;
  let code: string;
  before(async () => {
    h = await startHarness(await open(), { trustProxy: true, rateLimits: LIMITS });
    code = await shareCode(h.request, 'xff-one');
  });
  after(() => h.close());

  const visit = (forwardedFor: string) =>
    h.request('GET', `/r/${code}`, { headers: { 'x-forwarded-for': forwardedFor, 'user-agent': HUMAN } });

  it('a client writing its own leftmost hop neither escapes the per-visitor limit nor counts as a new visitor', async () => {
    // The proxy appends the address it saw (203.0.113.7); whatever came before is the client's.
    assert.equal((await visit('192.0.2.1, 203.0.113.7')).status, 302);
    assert.equal((await visit('192.0.2.2, 203.0.113.7')).status, 302);
    assert.equal((await visit('192.0.2.3, 203.0.113.7')).status, 429);
    assert.equal((await visit('203.0.113.8')).status, 302, 'another visitor has a budget of its own');
    await h.advocacy.flush();
    const rows = await h.advocacy.services.db.selectFrom('clicks').select('visitor_hash').where('code', '=', code).execute();
    assert.equal(new Set(rows.map((row) => row.visitor_hash)).size, 2, 'one unique visitor per real address');
  });
});

forEachDatabase('security: X-Forwarded-For behind two proxies (TRUST_PROXY=2)', (open) => {
  let h: Harness;
  let code: string;
  before(async () => {
    h = await startHarness(await open(), { trustProxy: 2, rateLimits: LIMITS });
    code = await shareCode(h.request, 'xff-two');
  });
  after(() => h.close());

  const visit = (forwardedFor: string) =>
    h.request('GET', `/r/${code}`, { headers: { 'x-forwarded-for': forwardedFor, 'user-agent': HUMAN } });

  it('takes the second address from the right: the one the outer proxy saw', async () => {
    assert.equal((await visit('192.0.2.1, 203.0.113.20, 10.0.0.9')).status, 302);
    assert.equal((await visit('192.0.2.2, 203.0.113.20, 10.0.0.9')).status, 302);
    assert.equal((await visit('192.0.2.3, 203.0.113.20, 10.0.0.9')).status, 429);
    assert.equal((await visit('192.0.2.3, 203.0.113.21, 10.0.0.9')).status, 302, 'not the inner proxy address');
  });
});

describe('security: X-Forwarded-For from listed proxies only (TRUSTED_PROXIES), on the redirect fast path', () => {
  const serve = async (trustedProxies: string[]) => {
    const server = await createServer(
      resolveConfig({
        port: 0,
        host: '127.0.0.1',
        sqliteFile: ':memory:',
        logLevel: 'silent',
        trustedProxies,
        auth: { jwtSecret: SECRET },
        rateLimits: LIMITS,
      }),
    );
    await loadSeed(server.services.db, fixture(new Date()), server.services.config.rules);
    const code = await shareCode((method, path, init) => {
      const { token, headers, body } = init as { token: string; headers: Record<string, string>; body: unknown };
      return fetch(`${server.url}${path}`, {
        method,
        headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    }, 'xff-list');
    const visit = (forwardedFor: string) =>
      fetch(`${server.url}/r/${code}`, { redirect: 'manual', headers: { 'x-forwarded-for': forwardedFor, 'user-agent': HUMAN } });
    return { server, visit };
  };

  describe('when the socket peer is a listed proxy', () => {
    let server: RunningServer;
    let visit: (forwardedFor: string) => Promise<Response>;
    before(async () => ({ server, visit } = await serve(['127.0.0.1', '10.0.0.0/8'])));
    after(() => server.close());

    it('skips listed proxies from the right and takes the first address that is not one', async () => {
      assert.equal((await visit('192.0.2.1, 198.51.100.30, 10.1.1.1')).status, 302);
      assert.equal((await visit('192.0.2.2, 198.51.100.30, 10.2.2.2')).status, 302);
      assert.equal((await visit('192.0.2.3, 198.51.100.30')).status, 429);
      assert.equal((await visit('192.0.2.3, 198.51.100.31, 10.1.1.1')).status, 302);
    });
  });

  describe('when the socket peer is not a listed proxy', () => {
    let server: RunningServer;
    let visit: (forwardedFor: string) => Promise<Response>;
    before(async () => ({ server, visit } = await serve(['10.0.0.0/8'])));
    after(() => server.close());

    it('ignores the header and takes the peer address', async () => {
      assert.equal((await visit('198.51.100.40')).status, 302);
      assert.equal((await visit('198.51.100.41')).status, 302);
      assert.equal((await visit('198.51.100.42')).status, 429);
    });
  });
});

describe('security: proxy settings', () => {
  const env = { AUTH_JWT_SECRET: SECRET };

  it('reads TRUST_PROXY as a hop count, true as one hop, and TRUSTED_PROXIES as addresses and CIDRs', () => {
    assert.equal(loadConfig(env).trustProxy.hops, 0);
    assert.equal(loadConfig({ ...env, TRUST_PROXY: 'true' }).trustProxy.hops, 1);
    assert.equal(loadConfig({ ...env, TRUST_PROXY: '1' }).trustProxy.hops, 1);
    assert.equal(loadConfig({ ...env, TRUST_PROXY: '2' }).trustProxy.hops, 2);
    assert.equal(loadConfig({ ...env, TRUST_PROXY: 'false' }).trustProxy.hops, 0);
    const listed = loadConfig({ ...env, TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5, fd00::/8' }).trustProxy;
    assert.deepEqual(listed.proxies, ['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
    assert.equal(listed.clientAddress('192.0.2.1, 198.51.100.1, 192.168.1.5', '::ffff:10.0.0.3'), '198.51.100.1');
    assert.equal(listed.clientAddress('192.0.2.1', '198.51.100.9'), '198.51.100.9');
    assert.equal(listed.clientAddress('10.0.0.1, 10.0.0.2', '10.0.0.3'), '10.0.0.1');
  });

  it('refuses values it cannot read, and both settings at once', () => {
    assert.throws(() => loadConfig({ ...env, TRUST_PROXY: 'yes' }), /TRUST_PROXY must be the number of proxies/);
    assert.throws(() => loadConfig({ ...env, TRUSTED_PROXIES: '10.0.0.0/33' }), /TRUSTED_PROXIES .*"10\.0\.0\.0\/33"/);
    assert.throws(() => loadConfig({ ...env, TRUSTED_PROXIES: 'proxy.internal' }), /TRUSTED_PROXIES .*"proxy\.internal"/);
    assert.throws(
      () => loadConfig({ ...env, TRUST_PROXY: '1', TRUSTED_PROXIES: '10.0.0.0/8' }),
      /either TRUST_PROXY .* or TRUSTED_PROXIES .*not both/,
    );
  });
});
