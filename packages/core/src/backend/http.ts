import ky, { type KyInstance, type Options } from 'ky';
import type { AdvocacyBackend } from './backend.js';
import type { AdvocacyEvent, Page, ProblemDetails } from './contract.js';
import { AdvocacyError, codeForStatus, isAdvocacyError } from './errors.js';
import { uuid } from '../internal/random.js';

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

  const send = async <T>(path: string, init: Options = {}): Promise<T> => {
    try {
      const response = await api(path, init);
      return (response.status === 204 ? undefined : await response.json()) as T;
    } catch (error) {
      throw await toError(error);
    }
  };
  /** A GET of `path` with the non-empty parameters of `query`. */
  const get = <T>(path: string, query?: object) => send<T>(path + search(query));
  /** A POST (or PATCH) of `body` as JSON, under an idempotency key unless `key` is `null`. */
  const write = <T>(path: string, body?: unknown, key: string | null = uuid(), method = 'post') =>
    send<T>(path, { method, json: body, headers: key ? { 'Idempotency-Key': key } : {} });
  const items = async <T>(path: string) => (await get<{ items: T[] }>(path)).items;
  const page = <T>(path: string, query?: object) => get<Page<T>>(path, query);
  const post = (id: string) => `admin/posts/${encodeURIComponent(id)}`;
  const eventsUrl = `${options.baseUrl.replace(/\/+$/, '')}/events`;

  return {
    getMe: () => get('me'),
    acceptPolicy: () => write('me/policy-acceptance'),
    listTopics: () => items('topics'),
    listTeams: () => items('teams'),
    listFeed: (query) => page('feed', query),
    getPost: (id) => get(`posts/${encodeURIComponent(id)}`),
    createShare: ({ idempotencyKey, ...body }) => write('shares', body, idempotencyKey || uuid()),
    listMyShares: (query) => page('me/shares', query),
    getMyStats: (period) => get('me/stats', { period }),
    listMyPoints: (query) => page('me/points', query),
    getLeaderboard: (query) => get('leaderboard', query),
    createSuggestion: (input, key) => write('suggestions', input, key),
    listMySuggestions: (query) => page('me/suggestions', query),
    sendEvents: (events) => write('events', { events }, null),
    sendEventsBeacon(events: AdvocacyEvent[]) {
      if (typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return false;
      // A beacon can't set headers: the token rides in the body, the type is text/plain (no CORS
      // preflight). The page is unloading, so there is no waiting for an async getToken().
      const current = options.getToken();
      const token = typeof current === 'string' ? current : lastToken;
      const body = JSON.stringify(token ? { events, accessToken: token } : { events });
      return navigator.sendBeacon(eventsUrl, body);
    },
    recordConversion: (input) => write('conversions', input, input.externalId),
    listMyBadges: () => items('me/badges'),
    listContests: () => items('contests'),
    getPreferences: () => get('me/preferences'),
    updatePreferences: (input) => write('me/preferences', input, null, 'put'),
    admin: {
      listPosts: (query) => page('admin/posts', query),
      createPost: (input) => write('admin/posts', input),
      updatePost: (id, patch) => write(post(id), patch, null, 'patch'),
      archivePost: (id) => write(`${post(id)}/archive`, undefined, null),
      listSuggestions: (query) => page('admin/suggestions', query),
      reviewSuggestion: (id, review) => write(`admin/suggestions/${encodeURIComponent(id)}/review`, review, null),
      getAnalytics: (query) => get('admin/analytics', query),
      getLinkPreview: (url) => write('admin/preview', { url }),
    },
  };
}
