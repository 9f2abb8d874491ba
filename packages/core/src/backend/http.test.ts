import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isAdvocacyError, isValidationError, type AdvocacyError } from './errors.js';
import { httpBackend } from './http.js';
import { installedHttpAdmin } from './http-call.js';
import { httpAdmin, installHttpAdmin } from '../admin/http-admin.js';

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** A fake fetch that records requests and answers with `respond`. */
function fakeFetch(respond: (request: Request) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({ method: request.method, url: request.url, headers: request.headers, body: await request.clone().text() });
    return respond(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const problem = (status: number, slug: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: `https://advocacy-kit.dev/problems/${slug}`, title: slug, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

async function failure(promise: Promise<unknown>): Promise<AdvocacyError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAdvocacyError(error), `expected an AdvocacyError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

const base = 'https://intranet.example.com/api/v1';

describe('httpBackend requests', () => {
  it('asks for a fresh token on every request and sends it as a bearer token', async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [], nextCursor: null }));
    let n = 0;
    const backend = httpBackend({ baseUrl: base, fetch, getToken: async () => `token-${++n}` });
    await backend.listFeed({ topic: 'careers', cursor: 'abc', limit: 5, locale: null });
    await backend.listMyShares();
    assert.equal(seen[0]!.url, `${base}/feed?topic=careers&cursor=abc&limit=5`);
    assert.equal(seen[0]!.headers.get('Authorization'), 'Bearer token-1');
    assert.equal(seen[1]!.url, `${base}/me/shares`);
    assert.equal(seen[1]!.headers.get('Authorization'), 'Bearer token-2');
  });

  it('sends the share’s idempotency key as a header, and makes one when a write has none', async () => {
    const { fetch, seen } = fakeFetch((request) => json({ id: 'x', url: request.url }, 201));
    const backend = httpBackend({ baseUrl: base, fetch, getToken: () => 't', headers: { 'X-Tenant': 'kumo' } });
    await backend.createShare({ postId: 'p1', network: 'x', commentary: 'hi', idempotencyKey: 'key-123' });
    await backend.createSuggestion({ url: 'https://example.com', note: '', topics: [] });
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(seen[0]!.url, `${base}/shares`);
    assert.equal(seen[0]!.headers.get('Idempotency-Key'), 'key-123');
    assert.equal(seen[0]!.headers.get('X-Tenant'), 'kumo');
    assert.deepEqual(JSON.parse(seen[0]!.body), { postId: 'p1', network: 'x', commentary: 'hi' });
    assert.match(seen[1]!.headers.get('Idempotency-Key') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('unwraps item lists', async () => {
    const { fetch } = fakeFetch(() => json({ items: [{ id: 'news', names: { en: 'News' } }] }));
    const backend = httpBackend({ baseUrl: base, fetch, getToken: () => null });
    assert.deepEqual(await backend.listTopics(), [{ id: 'news', names: { en: 'News' } }]);
  });
});

describe('httpBackend routes', () => {
  it('calls the route of docs/http-api.md for every method', async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [], nextCursor: null }));
    const b = httpBackend({ baseUrl: `${base}/`, fetch, getToken: () => 't', retries: 0, admin: httpAdmin });
    const calls: Array<[() => Promise<unknown>, string]> = [
      [() => b.getMe(), 'GET /me'],
      [() => b.acceptPolicy(), 'POST /me/policy-acceptance'],
      [() => b.listTopics(), 'GET /topics'],
      [() => b.listTeams(), 'GET /teams'],
      [() => b.getPost('a/b'), 'GET /posts/a%2Fb'],
      [() => b.getMyStats('week'), 'GET /me/stats?period=week'],
      [() => b.listMyPoints({ limit: 50 }), 'GET /me/points?limit=50'],
      [() => b.getLeaderboard({ period: 'all', scope: 'team', limit: 3 }), 'GET /leaderboard?period=all&scope=team&limit=3'],
      [() => b.listMySuggestions(), 'GET /me/suggestions'],
      [() => b.sendEvents([]), 'POST /events'],
      [() => b.recordConversion({ code: 'c', type: 'lead', externalId: 'e' }), 'POST /conversions'],
      [() => b.admin.listPosts({ status: 'draft', q: 'ai' }), 'GET /admin/posts?status=draft&q=ai'],
      [() => b.admin.createPost({ kind: 'owned', title: 't', summary: '', url: 'https://e.com', locale: 'en' }), 'POST /admin/posts'],
      [() => b.admin.updatePost('p1', { title: 'x' }), 'PATCH /admin/posts/p1'],
      [() => b.admin.archivePost('p1'), 'POST /admin/posts/p1/archive'],
      [() => b.admin.listSuggestions({ status: 'pending' }), 'GET /admin/suggestions?status=pending'],
      [() => b.admin.reviewSuggestion('s1', { decision: 'reject', reason: 'no' }), 'POST /admin/suggestions/s1/review'],
      [() => b.admin.getAnalytics({ from: '2026-01-01', to: '2026-01-31' }), 'GET /admin/analytics?from=2026-01-01&to=2026-01-31'],
    ];
    for (const [call] of calls) await call();
    assert.deepEqual(
      seen.map((r) => `${r.method} ${r.url.slice(base.length)}`),
      calls.map(([, route]) => route),
    );
    const conversion = seen.find((r) => r.url.endsWith('/conversions'))!;
    assert.equal(conversion.headers.get('Idempotency-Key'), 'e');
  });
});

describe('httpBackend admin methods', () => {
  const KEY = Symbol.for('advocacy-kit.http-admin/1');
  const slot = globalThis as unknown as Record<symbol, unknown>;
  // The installed factory is page-wide: each test starts and ends without one.
  beforeEach(() => delete slot[KEY]);
  afterEach(() => delete slot[KEY]);

  it('rejects every admin method with an error saying where they come from when none was given or installed', async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [], nextCursor: null }));
    const backend = httpBackend({ baseUrl: base, fetch, getToken: () => 't' });
    const error = await failure(backend.admin.listPosts());
    assert.equal(error.code, 'server');
    assert.match(error.message, /admin\.listPosts/);
    assert.match(error.message, /admin: httpAdmin/);
    assert.match(error.message, /installHttpAdmin\(\)/);
    assert.match(error.message, /@advocacy-kit\/core\/admin/);
    // An optional method reads as present (it exists on the server) and says the same when called.
    assert.equal(typeof backend.admin.getLinkPreview, 'function');
    assert.match((await failure(backend.admin.getLinkPreview!('https://example.com'))).message, /installHttpAdmin/);
    assert.equal(seen.length, 0, 'nothing reached the server');
    // Awaiting `backend.admin` must not treat it as a promise.
    assert.equal((backend.admin as unknown as { then?: unknown }).then, undefined);
  });

  it('calls the admin routes with `admin: httpAdmin`', async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [{ id: 'g1' }] }));
    const backend = httpBackend({ baseUrl: base, fetch, getToken: () => 't', retries: 0, admin: httpAdmin });
    assert.deepEqual(await backend.admin.listGoals!({ archived: true }), [{ id: 'g1' }]);
    await backend.admin.deactivateEmployee!('emp/1');
    await backend.admin.exportAuditCsv!({ action: 'topic.' });
    assert.deepEqual(
      seen.map((r) => `${r.method} ${r.url.slice(base.length)} ${r.headers.get('Authorization')}`),
      [
        'GET /admin/goals?archived=true Bearer t',
        'POST /admin/employees/emp%2F1/deactivate Bearer t',
        'GET /admin/exports/audit.csv?action=topic. Bearer t',
      ],
    );
    assert.equal(installedHttpAdmin(), undefined, 'the option installs nothing page-wide');
  });

  it('uses the factory installHttpAdmin() installed, also for a backend created before it', async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [], nextCursor: null }));
    const backend = httpBackend({ baseUrl: base, fetch, getToken: () => 't', retries: 0 });
    const admin = backend.admin; // taken before anything was installed
    installHttpAdmin();
    installHttpAdmin(); // idempotent
    await admin.listSuggestions({ status: 'pending' });
    await backend.admin.listPosts({ status: 'draft' });
    await httpBackend({ baseUrl: base, fetch, getToken: () => 't' }).admin.listMembers!();
    assert.deepEqual(
      seen.map((r) => `${r.method} ${r.url.slice(base.length)}`),
      ['GET /admin/suggestions?status=pending', 'GET /admin/posts?status=draft', 'GET /admin/members'],
    );
  });

  it('finds a factory another copy of core installed under the shared key', async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [] }));
    const fromOtherCopy = (call: Parameters<typeof httpAdmin>[0]) => httpAdmin(call);
    slot[KEY] = fromOtherCopy;
    installHttpAdmin(); // the first installed stays
    assert.equal(installedHttpAdmin(), fromOtherCopy);
    await httpBackend({ baseUrl: base, fetch, getToken: () => 't' }).admin.listTopics!();
    assert.deepEqual(
      seen.map((r) => r.url.slice(base.length)),
      ['/admin/topics'],
    );
  });

  it('prefers the admin option over the installed factory', async () => {
    const { fetch } = fakeFetch(() => json({}));
    slot[KEY] = () => assert.fail('the installed factory was used');
    const calls: string[] = [];
    const backend = httpBackend({
      baseUrl: base,
      fetch,
      getToken: () => 't',
      admin: (call) => ({ ...httpAdmin(call), getAnalytics: async () => (calls.push('mine'), {} as never) }),
    });
    await backend.admin.getAnalytics({ from: '2026-01-01', to: '2026-01-31' });
    assert.deepEqual(calls, ['mine']);
  });
});

describe('httpBackend errors', () => {
  const backendAnswering = (response: () => Response) =>
    httpBackend({ baseUrl: base, fetch: fakeFetch(response).fetch, getToken: () => 't', retries: 0 });

  it('maps a 500 to server, retryable', async () => {
    const error = await failure(backendAnswering(() => problem(500, 'server', { detail: 'Database down' })).getMe());
    assert.equal(error.code, 'server');
    assert.equal(error.status, 500);
    assert.equal(error.message, 'Database down');
    assert.ok(error.retryable);
  });

  it('maps a 422 problem+json to validation with its field errors', async () => {
    const errors = [{ field: 'commentary', message: 'must be at most 3000 characters', code: 'too_long' }];
    const error = await failure(
      backendAnswering(() => problem(422, 'validation', { detail: 'Invalid share', errors })).createShare({
        postId: 'p',
        network: 'x',
        commentary: 'x'.repeat(3001),
        idempotencyKey: 'k',
      }),
    );
    assert.ok(isValidationError(error));
    assert.deepEqual(error.fieldErrors, errors);
    assert.equal(error.problem?.type, 'https://advocacy-kit.dev/problems/validation');
    assert.equal(error.retryable, false);
  });

  for (const [status, code] of [
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
  ] as const) {
    it(`maps ${status} to ${code}`, async () => {
      assert.equal((await failure(backendAnswering(() => problem(status, code)).getMe())).code, code);
    });
  }

  it('maps a 429 to rate_limited with Retry-After in seconds', async () => {
    const error = await failure(backendAnswering(() => problem(429, 'rate_limited', {}, { 'Retry-After': '7' })).getMe());
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfter, 7);
  });

  it('maps a response without a problem body by status', async () => {
    const error = await failure(backendAnswering(() => new Response('<html>Bad gateway</html>', { status: 502 })).getMe());
    assert.deepEqual([error.code, error.message], ['server', 'HTTP 502']);
  });

  it('maps a slow server to timeout', async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    const backend = httpBackend({ baseUrl: base, fetch, getToken: () => 't', timeoutMs: 30, retries: 0 });
    assert.equal((await failure(backend.getMe())).code, 'timeout');
  });

  it('maps a failed fetch to network', async () => {
    const backend = httpBackend({
      baseUrl: base,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      getToken: () => 't',
      retries: 0,
    });
    const error = await failure(backend.sendEvents([]));
    assert.equal(error.code, 'network');
    assert.ok(error.retryable);
  });

  it('retries reads but never writes', async () => {
    let calls = 0;
    const backend = httpBackend({
      baseUrl: base,
      fetch: fakeFetch(() => (++calls === 1 ? problem(503, 'server') : json({ id: 'me' }))).fetch,
      getToken: () => 't',
      retries: 1,
    });
    assert.deepEqual(await backend.getMe(), { id: 'me' });
    assert.equal(calls, 2);
    calls = 0;
    await failure(backend.createShare({ postId: 'p', network: 'x', commentary: '', idempotencyKey: 'k' }));
    assert.equal(calls, 1);
  });
});

describe('httpBackend beacon', () => {
  it('returns false where there is no sendBeacon (Node)', () => {
    const backend = httpBackend({ baseUrl: base, getToken: () => 't' });
    assert.equal(backend.sendEventsBeacon!([]), false);
  });
});
