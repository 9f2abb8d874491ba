import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { openApiDocument, operations, type Operation } from '@advocacy-kit/core/contract';
import fc from 'fast-check';
import { encodeCursor } from '../../src/http/cursor.js';
import { PROBLEM_BASE } from '../../src/http/problem.js';
import { forEachDatabase } from '../support/databases.js';
import { API, API_KEY, json, PUBLIC_URL, SECRET, signToken, startHarness, type Harness } from '../support/harness.js';
import { requestFor, type Credentials, type FuzzRequest } from '../support/request-arbitraries.js';
import type { SchemaContext } from '../support/schema-arbitraries.js';

// Generated input against every route of the contract (and the tracking redirect): requests drawn
// from the operations' own schemas, mostly valid so the handlers are reached with real tokens,
// each part sometimes mutated (see test/support/request-arbitraries.ts). No answer may be a 5xx,
// every 4xx is problem+json, every request answers in time, and the server still answers
// /health afterwards. FUZZ_RUNS (requests per operation per database, default 40) and FUZZ_SEED
// scale it up (`pnpm bench:fuzz`) or replay a failure.

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 5_000);

/** The one route outside the API: the tracking redirect (its 404 is an HTML page). */
const REDIRECT: Operation = { method: 'GET', path: '/r/{code}', auth: 'public', summary: 'redirect', tag: 'tracking', responses: {} };
const routes: Array<[string, Operation]> = [...(Object.entries(operations) as Array<[string, Operation]>), ['redirect', REDIRECT]];

const components = (openApiDocument(PUBLIC_URL) as { components: { schemas: Record<string, Record<string, unknown>> } }).components.schemas;
const resolve = (ref: string) => {
  const schema = components[ref.replace('#/components/schemas/', '')];
  if (schema === undefined) throw new Error(`Unknown $ref ${ref}`);
  return schema;
};

const clip = (text: string, length = 300) => (text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text);
function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? clip(request.body)
        : `bytes ${Buffer.from(request.body).toString('hex')}`;
  return `${request.method} ${clip(request.path)} ${clip(JSON.stringify(request.headers), 200)} ${body}`;
}

/** `promise`, or a failure naming `what` when it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

forEachDatabase('security: generated input never makes the server fail', (open) => {
  let h: Harness;
  let credentials: Credentials;
  let context: SchemaContext;
  const known: Record<string, string[]> = {};

  before(async () => {
    const unlimited = { burst: 1_000_000, perSecond: 1_000_000 };
    h = await startHarness(await open(), {
      auth: { demo: true },
      rateLimits: { redirect: unlimited, writes: unlimited, conversions: unlimited },
      webhooks: { allowPrivateTargets: true, dispatchIntervalMs: 0 },
    });
    // Demo sign-in is on (its routes are fuzzed too), so tokens come from it: it signs with its own secret.
    const demoToken = async (employeeId: string) =>
      (await json(await h.request('POST', `${API}/auth/demo-token`, { body: { employeeId } }), 200)).token as string;
    const employee = await demoToken('emp-ann');
    const admin = await demoToken('emp-ada');
    credentials = {
      employee,
      admin,
      apiKey: API_KEY,
      bad: [
        await signToken('emp-ann', { expiresAt: Math.floor(Date.now() / 1000) - 60 }),
        await signToken('emp-ann', { secret: SECRET }),
        'not.a.jwt',
        `${employee.slice(0, -3)}abc`,
      ],
    };
    // Ids of things the handlers look up, so a valid request reaches them.
    const share = await json(
      await h.request('POST', `${API}/shares`, {
        token: employee,
        headers: { 'idempotency-key': 'fuzz-setup-share' },
        body: { postId: 'p-1', network: 'linkedin', commentary: 'setup' },
      }),
      201,
    );
    const suggestion = await json(
      await h.request('POST', `${API}/suggestions`, { token: employee, body: { url: 'https://example.com/a', note: '', topics: [] } }),
      201,
    );
    const webhook = async () => {
      const body = { url: 'https://127.0.0.1:9/hook', events: ['share.created'] };
      return (await json(await h.request('POST', `${API}/admin/webhooks`, { token: admin, body }), 201)).id as string;
    };
    const posts = ['p-1', 'p-2', 'p-3', 'p-draft', 'p-future', 'p-expired'];
    Object.assign(known, {
      posts,
      suggestions: [suggestion.id, 'sug-unknown'],
      webhooks: [await webhook(), 'whk-unknown'],
      // DELETE gets its own, so the routes after it still find theirs.
      deletableWebhooks: [await webhook(), 'whk-unknown'],
      deliveries: ['dlv-unknown'],
      codes: [share.trackingCode],
    });
    context = {
      resolve,
      hints: {
        postId: posts,
        code: [share.trackingCode],
        cursor: [
          encodeCursor({ key: new Date().toISOString(), id: 'zzz' }),
          encodeCursor({ key: '', id: '' }),
          encodeCursor({ key: '9999-12-31T23:59:59.999Z', id: 'p-1' }),
        ],
        topics: ['t-product', 't-hiring'],
        topic: ['t-product', 't-hiring'],
        teams: ['team-sales', 'team-eng'],
        team: ['team-sales', 'team-eng'],
        employeeId: ['emp-ann', 'emp-bob', 'emp-ada'],
        accessToken: [employee],
        externalId: ['crm-seed-1'],
        locale: ['en', 'ja'],
      },
    };
  });
  after(() => h.close());

  /** Path parameter values the server knows for an operation. */
  function idsFor({ method, path }: Operation): string[] {
    if (path.startsWith('/r/')) return known.codes!;
    if (path.includes('/deliveries/')) return known.deliveries!;
    if (path.startsWith('/admin/webhooks/')) return method === 'DELETE' ? known.deletableWebhooks! : known.webhooks!;
    if (path.startsWith('/admin/suggestions/')) return known.suggestions!;
    if (path.includes('/posts/')) return known.posts!;
    return [];
  }

  async function check(operationId: string, request: FuzzRequest, statuses: Map<number, number>): Promise<void> {
    const what = describeRequest(request);
    const url = operationId === 'redirect' ? request.path : `${API}${request.path}`;
    const { status, type, text } = await within(
      h
        .request(request.method, url, { headers: request.headers, ...(request.body === undefined ? {} : { raw: request.body }) })
        .then(async (response) => ({
          status: response.status,
          type: response.headers.get('content-type') ?? '',
          text: await response.text(),
        })),
      TIMEOUT_MS,
      what,
    );
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    assert.ok(status < 500, `${status} for ${what}\n${clip(text, 1_000)}`);
    // A HEAD answer has no body to check; the redirect's 404 is a page for people.
    if (status >= 400 && operationId !== 'redirect' && request.method !== 'HEAD') {
      assert.match(type, /^application\/problem\+json/, `${status} without problem+json for ${what}`);
      const problem = JSON.parse(text) as { type?: unknown; title?: unknown; status?: unknown };
      assert.ok(
        typeof problem.type === 'string' && problem.type.startsWith(PROBLEM_BASE),
        `problem type ${String(problem.type)} for ${what}`,
      );
      assert.equal(typeof problem.title, 'string');
      assert.equal(problem.status, status);
    }
  }

  for (const [operationId, operation] of routes) {
    it(`${operationId}: ${operation.method} ${operation.path} answers below 500, in time`, async (t) => {
      // How many answers of each status: shows that valid requests reach the handler (2xx).
      const statuses = new Map<number, number>();
      const details = await fc.check(
        fc.asyncProperty(requestFor(operation, context, credentials, idsFor(operation)), (request) =>
          check(operationId, request, statuses),
        ),
        { seed: SEED, numRuns: RUNS },
      );
      t.diagnostic(
        `statuses: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' ')}`,
      );
      if (details.failed) {
        const [request] = details.counterexample ?? [];
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        assert.fail(
          `${operationId} failed after ${details.numRuns} runs; replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}` +
            ` (fast-check path ${details.counterexamplePath}).\n${request === undefined ? '' : describeRequest(request)}\n${error}`,
        );
      }
    });
  }

  it('still answers /health afterwards', async () => {
    const response = await within(h.request('GET', '/health'), TIMEOUT_MS, 'GET /health');
    assert.equal((await json(response, 200)).status, 'ok');
  });
});
