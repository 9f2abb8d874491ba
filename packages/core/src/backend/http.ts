import ky, { type KyInstance } from 'ky';
import type { AdvocacyAdminBackend, AdvocacyBackend } from './backend.js';
import type { AdvocacyEvent, ProblemDetails } from './contract.js';
import { AdvocacyError, codeForStatus, isAdvocacyError } from './errors.js';
import { installedHttpAdmin, type HttpAdminFactory, type HttpCall, type HttpCallOptions } from './http-call.js';
import { uuid } from '../internal/random.js';
import * as routes from '../contract/routes.generated.js';

export interface HttpBackendOptions {
  /** The API base including its version prefix, e.g. `https://intranet.example.com/api/v1`. */
  baseUrl: string;
  /** Returns the bearer token; called before every request, so it can refresh. `null` sends none. */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** A `fetch` to use instead of the global one (tests, proxies, SSR). */
  fetch?: typeof fetch;
  /** Per-request timeout; default 10 000 ms. */
  timeoutMs?: number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Retries of idempotent reads (GET) on network errors and 408/429/5xx; default 2. Writes are never retried here. */
  retries?: number;
  /**
   * The program-admin methods (`backend.admin`): pass `httpAdmin` from `@advocacy-kit/core/admin`.
   * Without it, `backend.admin` uses the one `installHttpAdmin()` installed on the page, looked up
   * when first used; without either, every admin method rejects with an `AdvocacyError` saying so.
   * Kept out of this entry so that employee bundles don't carry the admin routes.
   */
  admin?: HttpAdminFactory;
}

/** `?a=1&b=2` from the non-empty parameters of `query`; empty when none is left. */
function search(query: object = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text && `?${text}`;
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date). */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns whatever ky or fetch threw into an AdvocacyError with a stable code. */
async function toError(error: unknown): Promise<AdvocacyError> {
  if (isAdvocacyError(error)) return error;
  const response = (error as { response?: Response } | null)?.response;
  if (response) {
    let problem: ProblemDetails | undefined;
    try {
      problem = (await response.clone().json()) as ProblemDetails;
    } catch {
      // Not JSON (a proxy's HTML page, an empty body): the status alone decides.
    }
    const status = response.status;
    return new AdvocacyError(codeForStatus(status), problem?.detail ?? problem?.title ?? `HTTP ${status}`, {
      status,
      problem,
      fieldErrors: Array.isArray(problem?.errors) ? problem.errors : [],
      retryAfter: status === 429 || status === 503 ? retryAfterSeconds(response.headers.get('Retry-After')) : undefined,
      cause: error,
    });
  }
  return (error as Error | null)?.name === 'TimeoutError'
    ? new AdvocacyError('timeout', 'The server took too long to answer', { cause: error })
    : new AdvocacyError('network', 'The server could not be reached', { cause: error });
}

/**
 * The backend over the Advocacy Kit HTTP API (see docs/http-api.md), on `ky`. Every method
 * rejects with an `AdvocacyError`. Writes carry an `Idempotency-Key`; ky retries only reads,
 * and core's share flow and event queue retry writes under the same key.
 *
 * `admin` (the program-admin methods) lives in `@advocacy-kit/core/admin`, so that employee
 * bundles don't carry it: pass `admin: httpAdmin`, or call `installHttpAdmin()` once.
 */
export function httpBackend(options: HttpBackendOptions): AdvocacyBackend {
  let lastToken: string | null = null;
  const api: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeoutMs ?? 10_000,
    retry: { limit: options.retries ?? 2, methods: ['get'] },
    fetch: options.fetch,
    headers: { Accept: 'application/json, application/problem+json', ...options.headers },
    hooks: {
      beforeRequest: [
        async (request) => {
          const token = await options.getToken();
          lastToken = token ?? null;
          if (token) request.headers.set('Authorization', `Bearer ${token}`);
        },
      ],
    },
  });

  /**
   * Calls an operation of the contract: `route` is its "METHOD path" (a GET is the path alone)
   * from routes.generated.ts; `{id}` in the path is filled from `id`; writes carry `key` as
   * their Idempotency-Key.
   */
  const call: HttpCall = async <T>(route: string, { id, query, body, key, text }: HttpCallOptions = {}): Promise<T> => {
    const [method, path] = route.includes(' ') ? route.split(' ') : ['get', route];
    try {
      const response = await api(path!.replace('{id}', encodeURIComponent(id!)) + search(query), {
        method,
        json: body,
        headers: key ? { 'Idempotency-Key': key } : {},
      });
      return (response.status === 204 ? undefined : await response[text ? 'text' : 'json']()) as T;
    } catch (error) {
      throw await toError(error);
    }
  };
  const items = async <T>(route: string) => (await call<{ items: T[] }>(route)).items;
  let admin: AdvocacyAdminBackend | undefined;
  const resolveAdmin = () => (admin ??= (options.admin ?? installedHttpAdmin())?.(call));
  // Until a factory is given or installed: methods that look again when called, else say what to do.
  const unresolvedAdmin = new Proxy({} as AdvocacyAdminBackend, {
    get: (_, name) =>
      typeof name !== 'string' || name === 'then'
        ? undefined
        : (...args: unknown[]) => {
            const method = (resolveAdmin() as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined> | undefined)?.[name];
            return method
              ? method(...args)
              : Promise.reject(
                  new AdvocacyError(
                    'server',
                    `httpBackend has no admin methods (admin.${name}): pass \`admin: httpAdmin\` to httpBackend(), or call installHttpAdmin() once on the page; both come from '@advocacy-kit/core/admin'.`,
                  ),
                );
          },
  });
  const eventsUrl = `${options.baseUrl.replace(/\/+$/, '')}/events`;

  return {
    getMe: () => call(routes.getMe),
    acceptPolicy: (version) => call(routes.acceptPolicy, { body: version === undefined ? {} : { version } }),
    listTopics: () => items(routes.listTopics),
    listTeams: () => items(routes.listTeams),
    listFeed: (query) => call(routes.listFeed, { query }),
    getPost: (postId) => call(routes.getPost, { id: postId }),
    createShare: ({ idempotencyKey, ...body }) => call(routes.createShare, { body, key: idempotencyKey || uuid() }),
    listMyShares: (query) => call(routes.listMyShares, { query }),
    getMyStats: (period) => call(routes.getMyStats, { query: { period } }),
    listMyPoints: (query) => call(routes.listMyPoints, { query }),
    getLeaderboard: (query) => call(routes.getLeaderboard, { query }),
    createSuggestion: (body, key) => call(routes.createSuggestion, { body, key: key ?? uuid() }),
    listMySuggestions: (query) => call(routes.listMySuggestions, { query }),
    sendEvents: (events) => call(routes.sendEvents, { body: { events } }),
    sendEventsBeacon(events: AdvocacyEvent[]) {
      if (typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return false;
      // A beacon can't set headers: the token rides in the body, the type is text/plain (no CORS
      // preflight). The page is unloading, so there is no waiting for an async getToken().
      const current = options.getToken();
      const token = typeof current === 'string' ? current : lastToken;
      const body = JSON.stringify(token ? { events, accessToken: token } : { events });
      return navigator.sendBeacon(eventsUrl, body);
    },
    recordConversion: (body) => call(routes.recordConversion, { body, key: body.externalId }),
    listMyBadges: () => items(routes.listMyBadges),
    listContests: () => items(routes.listContests),
    getPreferences: () => call(routes.getPreferences),
    updatePreferences: (body) => call(routes.updatePreferences, { body }),
    getCompliance: () => call(routes.getCompliance),
    getMyMembership: () => call(routes.getMyMembership),
    respondToInvitation: (decision) => call(routes.respondToInvitation, { body: { decision } }),
    getMyExport: () => call(routes.getMyExport),
    listRewards: () => items(routes.listRewards),
    getMyPointsBalance: () => call(routes.getMyPointsBalance),
    requestReward: (rewardId, key) => call(routes.requestReward, { id: rewardId, key: key ?? uuid() }),
    listMyRewardRequests: (query) => call(routes.listMyRewardRequests, { query }),
    cancelRewardRequest: (requestId) => call(routes.cancelRewardRequest, { id: requestId }),
    getPointValues: () => call(routes.getPointValues),
    get admin() {
      return resolveAdmin() ?? unresolvedAdmin;
    },
  };
}
