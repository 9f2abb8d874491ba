import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, API_KEY, json, signToken, startHarness, type Harness, type RequestOptions } from './support/harness.js';
import { assertSchema } from './support/schema.js';

interface Case {
  name: string;
  method: string;
  path: string;
  options?: RequestOptions;
  status: number;
  /** A field the problem must name. */
  field?: string;
}

const share = { postId: 'p-1', network: 'x', commentary: 'ok' };
const key = { 'idempotency-key': 'k' };

const CASES: Case[] = [
  {
    name: 'bad JSON',
    method: 'POST',
    path: '/shares',
    options: { headers: { ...key, 'content-type': 'application/json' }, raw: '{"postId": "p-1",' },
    status: 400,
  },
  {
    name: 'empty body',
    method: 'POST',
    path: '/shares',
    options: { headers: { ...key, 'content-type': 'application/json' }, raw: '' },
    status: 400,
  },
  {
    name: 'unknown field',
    method: 'POST',
    path: '/shares',
    options: { headers: key, body: { ...share, points: 1000 } },
    status: 422,
    field: 'points',
  },
  {
    name: 'wrong type',
    method: 'POST',
    path: '/shares',
    options: { headers: key, body: { ...share, commentary: 42 } },
    status: 422,
    field: 'commentary',
  },
  {
    name: 'unknown network',
    method: 'POST',
    path: '/shares',
    options: { headers: key, body: { ...share, network: 'myspace' } },
    status: 422,
    field: 'network',
  },
  {
    name: 'missing field',
    method: 'POST',
    path: '/shares',
    options: { headers: key, body: { postId: 'p-1', network: 'x' } },
    status: 422,
    field: 'commentary',
  },
  {
    name: 'too long',
    method: 'POST',
    path: '/shares',
    options: { headers: key, body: { ...share, commentary: 'x'.repeat(3001) } },
    status: 422,
    field: 'commentary',
  },
  { name: 'array instead of object', method: 'POST', path: '/shares', options: { headers: key, body: [share] }, status: 422 },
  { name: 'missing Idempotency-Key', method: 'POST', path: '/shares', options: { body: share }, status: 400, field: 'Idempotency-Key' },
  {
    name: 'oversized Idempotency-Key',
    method: 'POST',
    path: '/shares',
    options: { headers: { 'idempotency-key': 'k'.repeat(201) }, body: share },
    status: 400,
    field: 'Idempotency-Key',
  },
  {
    name: 'wrong content type',
    method: 'POST',
    path: '/shares',
    options: { headers: { ...key, 'content-type': 'text/plain' }, raw: JSON.stringify(share) },
    status: 415,
  },
  {
    name: 'huge body',
    method: 'POST',
    path: '/shares',
    options: { headers: key, body: { ...share, commentary: 'x'.repeat(70 * 1024) } },
    status: 413,
  },
  { name: 'bad cursor', method: 'GET', path: '/feed?cursor=not-a-cursor', status: 400, field: 'cursor' },
  {
    name: 'forged cursor',
    method: 'GET',
    path: `/me/shares?cursor=${Buffer.from('{"a":1}').toString('base64url')}`,
    status: 400,
    field: 'cursor',
  },
  { name: 'bad period', method: 'GET', path: '/me/stats?period=year', status: 400, field: 'period' },
  { name: 'bad scope', method: 'GET', path: '/leaderboard?period=week&scope=galaxy', status: 400, field: 'scope' },
  { name: 'limit out of range', method: 'GET', path: '/feed?limit=1000', status: 400, field: 'limit' },
  { name: 'limit not a number', method: 'GET', path: '/me/points?limit=ten', status: 400, field: 'limit' },
  { name: 'unknown query parameter', method: 'GET', path: '/feed?sort=oldest', status: 400, field: 'sort' },
  {
    name: 'suggestion URL not http(s)',
    method: 'POST',
    path: '/suggestions',
    options: { body: { url: 'javascript:alert(1)', note: '', topics: [] } },
    status: 422,
    field: 'url',
  },
  {
    name: 'too many events',
    method: 'POST',
    path: '/events',
    options: {
      body: { events: Array.from({ length: 501 }, (_, i) => ({ id: `e${i}`, type: 'feed_view', at: new Date().toISOString() })) },
    },
    status: 422,
    field: 'events',
  },
  {
    name: 'event with a bad timestamp',
    method: 'POST',
    path: '/events',
    options: { body: { events: [{ id: 'e', type: 'feed_view', at: 'yesterday' }] } },
    status: 422,
    field: 'events.0.at',
  },
  {
    name: 'conversion with negative value',
    method: 'POST',
    path: '/conversions',
    options: {
      headers: { 'x-api-key': API_KEY },
      body: { code: 'AAAAAAAAAAAAAAAA', type: 'deal', value: -5, currency: 'EUR', externalId: 'n' },
    },
    status: 422,
    field: 'value',
  },
  { name: 'unknown route', method: 'GET', path: '/nothing-here', status: 404 },
];

const ADMIN_CASES: Case[] = [
  {
    name: 'post without title',
    method: 'POST',
    path: '/admin/posts',
    options: { body: { kind: 'owned', summary: '', url: 'https://example.com', locale: 'en' } },
    status: 422,
    field: 'title',
  },
  {
    name: 'post with a bad kind',
    method: 'POST',
    path: '/admin/posts',
    options: { body: { kind: 'spam', title: 't', summary: '', url: 'https://example.com', locale: 'en' } },
    status: 422,
    field: 'kind',
  },
  {
    name: 'post expiring before publication',
    method: 'POST',
    path: '/admin/posts',
    options: {
      body: {
        kind: 'owned',
        title: 't',
        summary: '',
        url: 'https://example.com',
        locale: 'en',
        publishAt: '2030-01-02T00:00:00Z',
        expireAt: '2030-01-01T00:00:00Z',
      },
    },
    status: 422,
    field: 'expireAt',
  },
  { name: 'empty patch', method: 'PATCH', path: '/admin/posts/p-1', options: { body: {} }, status: 422 },
  {
    name: 'patch with status archived',
    method: 'PATCH',
    path: '/admin/posts/p-1',
    options: { body: { status: 'archived' } },
    status: 422,
    field: 'status',
  },
  {
    name: 'reject without reason',
    method: 'POST',
    path: '/admin/suggestions/x/review',
    options: { body: { decision: 'reject' } },
    status: 422,
    field: 'reason',
  },
  { name: 'analytics with a bad date', method: 'GET', path: '/admin/analytics?from=last-week&to=2026-01-01', status: 400, field: 'from' },
  { name: 'analytics window reversed', method: 'GET', path: '/admin/analytics?from=2026-02-01&to=2026-01-01', status: 400, field: 'from' },
];

forEachDatabase('errors and access', (open) => {
  let h: Harness;
  let ann: string;
  let admin: string;

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    admin = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const expectProblem = async (response: Response, status: number, field?: string) => {
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const problem = await json(response, status);
    assertSchema('ProblemDetails', problem);
    assert.equal(problem.status, status);
    assert.match(problem.type, /^https:\/\/advocacy-kit\.dev\/problems\/[a-z_]+$/);
    if (field !== undefined) {
      assert.ok(
        problem.errors?.some((e: { field: string }) => e.field === field),
        `problem names ${field}: ${JSON.stringify(problem.errors)}`,
      );
    }
    return problem;
  };

  describe('malformed input gets a 4xx problem', () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const problem = await expectProblem(await h.request(c.method, `${API}${c.path}`, { token: ann, ...c.options }), c.status, c.field);
        if (c.status === 413 || c.status === 415 || c.status === 422 || c.status === 400)
          assert.equal(problem.type, 'https://advocacy-kit.dev/problems/validation');
      });
    }
    for (const c of ADMIN_CASES) {
      it(`admin: ${c.name}`, async () => {
        await expectProblem(await h.request(c.method, `${API}${c.path}`, { token: admin, ...c.options }), c.status, c.field);
      });
    }
    it('unknown routes are 404 problems, signed in or not, inside the API or outside', async () => {
      await expectProblem(await h.request('GET', '/wp-admin'), 404);
      await expectProblem(await h.request('GET', `${API}/nothing-here`), 404);
      await expectProblem(await h.request('DELETE', `${API}/me`, { token: ann }), 404);
    });
  });

  describe('authentication', () => {
    it('rejects a missing token, a wrong secret, an expired token and a token without subject with 401', async () => {
      await expectProblem(await h.request('GET', `${API}/me`), 401);
      await expectProblem(
        await h.request('GET', `${API}/me`, { token: await signToken('emp-ann', { secret: 'another-secret-entirely-0123456789' }) }),
        401,
      );
      const expired = await expectProblem(
        await h.request('GET', `${API}/me`, { token: await signToken('emp-ann', { expiresAt: Math.floor(Date.now() / 1000) - 60 }) }),
        401,
      );
      assert.match(expired.detail, /expired/);
      await expectProblem(await h.request('GET', `${API}/me`, { headers: { authorization: 'Bearer not.a.jwt' } }), 401);
      await expectProblem(await h.request('GET', `${API}/me`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401);
    });

    it('keeps employees out of admin routes (403) and other employees\u2019 data', async () => {
      for (const path of ['/admin/analytics', '/admin/posts', '/admin/suggestions', '/admin/exports/shares.csv']) {
        await expectProblem(await h.request('GET', `${API}${path}`, { token: ann }), 403);
      }
      await expectProblem(await h.request('POST', `${API}/admin/posts/p-1/archive`, { token: ann }), 403);
      const bob = await signToken('emp-bob');
      // (Bob's seeded share is of p-1 to x: this one goes to LinkedIn, a new share.)
      await json(
        await h.request('POST', `${API}/shares`, {
          token: bob,
          headers: { 'idempotency-key': 'bob-private' },
          body: { ...share, network: 'linkedin' },
        }),
        201,
      );
      const annShares = await json(await h.request('GET', `${API}/me/shares`, { token: ann }), 200);
      assert.ok(annShares.items.every((s: { employeeId: string }) => s.employeeId === 'emp-ann'));
      // Bob's idempotency key is his own: Ann using the same key creates her own share.
      const annShare = await json(
        await h.request('POST', `${API}/shares`, { token: ann, headers: { 'idempotency-key': 'bob-private' }, body: share }),
        201,
      );
      assert.equal(annShare.employeeId, 'emp-ann');
    });

    it('has no demo sign-in unless enabled', async () => {
      await expectProblem(await h.request('GET', `${API}/auth/demo-employees`), 404);
      await expectProblem(await h.request('POST', `${API}/auth/demo-token`, { body: { employeeId: 'emp-ada' } }), 404);
    });
  });

  describe('CORS', () => {
    it('allows only listed origins', async () => {
      const denied = await h.request('OPTIONS', `${API}/me`, {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(denied.headers.get('access-control-allow-origin'), null);
    });
  });
});

forEachDatabase('demo sign-in, CORS allowlist and rate limits', (open) => {
  let h: Harness;

  before(async () => {
    h = await startHarness(await open(), {
      auth: { demo: true },
      corsOrigins: ['https://intranet.example'],
      rateLimits: {
        redirect: { burst: 3, perSecond: 0.01 },
        writes: { burst: 2, perSecond: 0.01 },
        conversions: { burst: 2, perSecond: 0.01 },
      },
    });
  });
  after(() => h.close());

  it('lists seeded employees and mints a working token', async () => {
    const list = await json(await h.request('GET', `${API}/auth/demo-employees`), 200);
    assertSchema('EmployeeList', list);
    assert.ok(list.items.some((e: { id: string }) => e.id === 'emp-ada'));
    const { token, employee } = await json(await h.request('POST', `${API}/auth/demo-token`, { body: { employeeId: 'emp-ada' } }), 200);
    assert.equal(employee.role, 'admin');
    const me = await json(await h.request('GET', `${API}/me`, { token }), 200);
    assert.equal(me.role, 'admin');
    await json(await h.request('POST', `${API}/auth/demo-token`, { body: { employeeId: 'emp-nobody' } }), 404);
  });

  it('answers allowlisted origins', async () => {
    const preflight = await h.request('OPTIONS', `${API}/shares`, {
      headers: {
        origin: 'https://intranet.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,idempotency-key,content-type',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://intranet.example');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
  });

  it('puts the CORS headers on answers and problems for an allowlisted origin only, and Vary: Origin on all', async () => {
    const origin = 'https://intranet.example';
    const list = await h.request('GET', `${API}/auth/demo-employees`, { headers: { origin } });
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('access-control-allow-origin'), origin);
    assert.equal(list.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.match(list.headers.get('vary') ?? '', /\bOrigin\b/);
    const problem = await h.request('GET', `${API}/me`, { headers: { origin } });
    assert.equal(problem.status, 401);
    assert.equal(problem.headers.get('access-control-allow-origin'), origin);
    const other = await h.request('GET', `${API}/auth/demo-employees`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.equal(other.headers.get('access-control-expose-headers'), null);
    assert.match(other.headers.get('vary') ?? '', /\bOrigin\b/);
  });

  it('answers 429 with Retry-After on writes and redirects past the limit', async () => {
    // Demo sign-in signs with its own secret, so the token comes from it.
    const { token } = await json(await h.request('POST', `${API}/auth/demo-token`, { body: { employeeId: 'emp-ann' } }), 200);
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 3; i++) {
      // Each to another network: a repeat of a post to the same network would be answered with the first share.
      const body = { ...share, network: ['threads', 'bluesky', 'xing'][i] };
      const response = await h.request('POST', `${API}/shares`, { token, headers: { 'idempotency-key': `rl-${i}` }, body });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
      else await response.body?.cancel();
    }
    assert.deepEqual(statuses, [201, 201, 429]);
    assert.ok(Number(limited!.headers.get('retry-after')) >= 1);
    const problem = await json(limited!, 429);
    assert.equal(problem.type, 'https://advocacy-kit.dev/problems/rate_limited');

    const redirects: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await h.request('GET', '/r/AAAAAAAAAAAAAAAA', { headers: { 'x-forwarded-for': '192.0.2.77' } });
      redirects.push(response.status);
    }
    assert.deepEqual(redirects, [404, 404, 404, 429]);
  });
});
