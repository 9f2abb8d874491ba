import ky, { type KyInstance } from 'ky';
import type { AdvocacyBackend } from './backend.js';
import type { AdvocacyEvent, Goal, ProblemDetails } from './contract.js';
import { AdvocacyError, codeForStatus, isAdvocacyError } from './errors.js';
import { uuid } from '../internal/random.js';
import * as routes from '../contract/routes.generated.js';

/** One call of an operation: its `{id}` path parameter, query, JSON body and idempotency key. */
interface Call {
  id?: string;
  query?: object;
  body?: unknown;
  key?: string | null;
  /** The answer is text (a CSV export), not JSON. */
  text?: boolean;
}

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

  /**
   * Calls an operation of the contract: `route` is its "METHOD path" (a GET is the path alone)
   * from routes.generated.ts; `{id}` in the path is filled from `id`; writes carry `key` as
   * their Idempotency-Key.
   */
  const call = async <T>(route: string, { id, query, body, key, text }: Call = {}): Promise<T> => {
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
    requestReward: (rewardId) => call(routes.requestReward, { id: rewardId }),
    listMyRewardRequests: (query) => call(routes.listMyRewardRequests, { query }),
    cancelRewardRequest: (requestId) => call(routes.cancelRewardRequest, { id: requestId }),
    admin: {
      listPosts: (query) => call(routes.adminListPosts, { query }),
      createPost: (body) => call(routes.adminCreatePost, { body, key: uuid() }),
      updatePost: (postId, body) => call(routes.adminUpdatePost, { id: postId, body }),
      archivePost: (postId) => call(routes.adminArchivePost, { id: postId }),
      listSuggestions: (query) => call(routes.adminListSuggestions, { query }),
      reviewSuggestion: (suggestionId, body) => call(routes.adminReviewSuggestion, { id: suggestionId, body }),
      getAnalytics: (query) => call(routes.adminAnalytics, { query }),
      getLinkPreview: (url) => call(routes.adminLinkPreview, { body: { url }, key: uuid() }),
      // people
      listTopics: () => items(routes.adminListTopics),
      createTopic: (body) => call(routes.adminCreateTopic, { body }),
      updateTopic: (topicId, body) => call(routes.adminUpdateTopic, { id: topicId, body }),
      listTeams: () => items(routes.adminListTeams),
      createTeam: (body) => call(routes.adminCreateTeam, { body }),
      updateTeam: (teamId, body) => call(routes.adminUpdateTeam, { id: teamId, body }),
      listEmployees: (query) => call(routes.adminListEmployees, { query }),
      updateEmployee: (employeeId, body) => call(routes.adminUpdateEmployee, { id: employeeId, body }),
      deactivateEmployee: (employeeId) => call(routes.adminDeactivateEmployee, { id: employeeId }),
      reactivateEmployee: (employeeId) => call(routes.adminReactivateEmployee, { id: employeeId }),
      listPolicyVersions: () => items(routes.adminListPolicyVersions),
      savePolicyDraft: (texts) => call(routes.adminSavePolicyDraft, { body: { texts } }),
      publishPolicy: () => call(routes.adminPublishPolicy),
      createBlockedTerm: (body) => call(routes.adminCreateBlockedTerm, { body }),
      deleteBlockedTerm: (termId) => call(routes.adminDeleteBlockedTerm, { id: termId }),
      updateDisclosures: (disclosures) => call(routes.adminUpdateDisclosures, { body: { disclosures } }),
      getScimSettings: () => call(routes.adminGetScimSettings),
      createScimToken: () => call(routes.adminCreateScimToken),
      revokeScimToken: (tokenId) => call(routes.adminRevokeScimToken, { id: tokenId }),
      getEnrollment: () => call(routes.adminGetEnrollment),
      setEnrollment: (enrollment) => call(routes.adminSetEnrollment, { body: { enrollment } }),
      listMembers: (query) => call(routes.adminListMembers, { query }),
      invite: (body) => call(routes.adminInvite, { body }),
      listGoals: async (query) => (await call<{ items: Goal[] }>(routes.adminListGoals, { query })).items,
      createGoal: (body) => call(routes.adminCreateGoal, { body }),
      updateGoal: (goalId, body) => call(routes.adminUpdateGoal, { id: goalId, body }),
      deleteGoal: (goalId) => call(routes.adminDeleteGoal, { id: goalId }),
      listAudit: (query) => call(routes.adminListAudit, { query }),
      exportAuditCsv: (query) => call(routes.adminExportAudit, { query, text: true }),
      exportEmployee: (employeeId) => call(routes.adminExportEmployee, { id: employeeId }),
      eraseEmployee: (employeeId) => call(routes.adminEraseEmployee, { id: employeeId }),
      getPrivacySettings: () => call(routes.adminGetPrivacySettings),
      updatePrivacySettings: (body) => call(routes.adminUpdatePrivacySettings, { body }),
      listRewards: () => items(routes.adminListRewards),
      createReward: (body) => call(routes.adminCreateReward, { body }),
      updateReward: (rewardId, body) => call(routes.adminUpdateReward, { id: rewardId, body }),
      listRewardRequests: (query) => call(routes.adminListRewardRequests, { query }),
      decideRewardRequest: (requestId, body) => call(routes.adminDecideRewardRequest, { id: requestId, body }),
      adjustPoints: (body) => call(routes.adminAdjustPoints, { body }),
    },
  };
}
