import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServer, type RunningServer } from '../src/server.js';
import { resolveConfig } from '../src/config.js';
import { loadSeed } from '../src/seed.js';
import { fixture } from './support/fixture.js';
import { SECRET, signToken } from './support/harness.js';

const HUMAN =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** The listening server answers /r/:code on Node's fast path: same behaviour as the Hono route. */
describe('tracking redirect over a socket', () => {
  let server: RunningServer;
  let code: string;

  const visit = (path: string, init: { method?: string; userAgent?: string; ip?: string } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { 'user-agent': init.userAgent ?? HUMAN, 'x-forwarded-for': init.ip ?? '198.51.100.10' },
    });
  const clicks = async () => {
    await server.flush();
    const rows = await server.services.db.selectFrom('clicks').select('visitor_hash').where('code', '=', code).execute();
    return rows.length;
  };

  before(async () => {
    server = await createServer(
      resolveConfig({
        port: 0,
        host: '127.0.0.1',
        sqliteFile: ':memory:',
        logLevel: 'silent',
        trustProxy: true,
        auth: { jwtSecret: SECRET },
        rateLimits: {
          redirect: { burst: 5, perSecond: 0.01 },
          writes: { burst: 10, perSecond: 1 },
          conversions: { burst: 10, perSecond: 1 },
        },
      }),
    );
    await loadSeed(server.services.db, fixture(new Date()), server.services.config.rules);
    const token = await signToken('emp-ann');
    const response = await fetch(`${server.url}/api/v1/shares`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'socket' },
      body: JSON.stringify({ postId: 'p-1', network: 'x', commentary: '' }),
    });
    code = (await response.json()).trackingCode;
  });
  after(() => server.close());

  it('redirects humans and counts them once per day', async () => {
    const first = await visit(`/r/${code}`);
    assert.equal(first.status, 302);
    assert.match(first.headers.get('location')!, /^https:\/\/example\.com\/articles\/p-1\?ref=feed&utm_source=x&/);
    assert.equal(first.headers.get('cache-control'), 'private, no-store');
    await visit(`/r/${code}?utm_source=ignored`);
    assert.equal(await clicks(), 1);
  });

  it('redirects crawlers and HEAD without counting', async () => {
    assert.equal(
      (
        await visit(`/r/${code}`, {
          userAgent: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
          ip: '198.51.100.11',
        })
      ).status,
      302,
    );
    const head = await visit(`/r/${code}`, { method: 'HEAD', ip: '198.51.100.12' });
    assert.equal(head.status, 302);
    assert.equal(await clicks(), 1);
  });

  it('answers edited codes with the 404 page and the limit with a 429 problem', async () => {
    const edited = await visit(`/r/${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`, { ip: '198.51.100.13' });
    assert.equal(edited.status, 404);
    assert.equal(edited.headers.get('location'), null);
    assert.match(await edited.text(), /Link not found/);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await visit(`/r/${code}`, { ip: '198.51.100.14' });
      statuses.push(response.status);
      if (response.status === 429) {
        assert.equal(response.headers.get('content-type'), 'application/problem+json');
        assert.ok(Number(response.headers.get('retry-after')) >= 1);
      }
      await response.arrayBuffer();
    }
    assert.deepEqual(statuses, [302, 302, 302, 302, 302, 429]);
  });

  it('hands every other path to the app', async () => {
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
    const problem = await fetch(`${server.url}/r/${code}/extra`);
    assert.equal(problem.status, 404);
    assert.equal(problem.headers.get('content-type'), 'application/problem+json');
  });
});
