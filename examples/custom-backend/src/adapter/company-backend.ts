import {
  AdvocacyError,
  codeForStatus,
  type AdvocacyBackend,
  type AdvocacyErrorCode,
  type Page,
  type PageQuery,
} from '@advocacy-kit/core/backend';
import {
  contractField,
  fromCompany,
  toCompany,
  type CompanyErrorBody,
  type CompanyErrorCode,
  type CompanyPage,
} from '../company-api/dialect.js';

export interface CompanyBackendOptions {
  /** The company API's base URL, e.g. `https://api.acme.example/v2`. */
  baseUrl: string;
  /** The employee's company session id (from the company's own sign-in), sent as `X-Session`. */
  session: () => string | Promise<string>;
  /** The CRM's system key (server-side only), sent as `X-System-Key` by `recordConversion`. */
  systemKey?: string;
  /** Milliseconds before a request counts as timed out; default 15 000. */
  timeoutMs?: number;
}

const TO_CONTRACT: Record<CompanyErrorCode, AdvocacyErrorCode> = {
  SESSION_INVALID: 'unauthorized',
  NOT_ALLOWED: 'forbidden',
  NOT_FOUND: 'not_found',
  INVALID: 'validation',
  DUPLICATE: 'conflict',
  SLOW_DOWN: 'rate_limited',
  INTERNAL: 'server',
};

/** The adapter's cursor: which page comes next, and the snapshot the listing started from. */
interface Cursor {
  page: number;
  asOf: string;
}

function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify(cursor)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(value: string): Cursor {
  try {
    const cursor = JSON.parse(atob(value.replace(/-/g, '+').replace(/_/g, '/'))) as Cursor;
    if (Number.isInteger(cursor.page) && cursor.page > 1 && typeof cursor.asOf === 'string') return cursor;
  } catch {
    // reported below
  }
  throw new AdvocacyError('validation', 'This cursor is not valid.', {
    status: 400,
    fieldErrors: [{ field: 'cursor', message: 'not a cursor from this backend', code: 'invalid' }],
  });
}

type Query = Record<string, string | number | null | undefined>;

/**
 * An `AdvocacyBackend` over the Acme company API: the Advocacy Kit SDK and components run on the
 * company's own API, which keeps its names, its page-numbered lists, its `X-Session` auth and its
 * error format. Every method rejects with an `AdvocacyError`.
 */
export function companyBackend(options: CompanyBackendOptions): AdvocacyBackend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call<T>(
    method: string,
    path: string,
    init: { query?: Query; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const url = new URL(`${base}/${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== null && value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          'x-session': await options.session(),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(toCompany(init.body)) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new AdvocacyError(
        timedOut ? 'timeout' : 'network',
        timedOut ? 'The company API did not answer in time.' : 'Could not reach the company API.',
        { cause: error },
      );
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toAdvocacyError(response, payload);
    return fromCompany<T>(payload);
  }

  function toAdvocacyError(response: Response, payload: unknown): AdvocacyError {
    const problem = (payload as Partial<CompanyErrorBody> | null)?.error;
    const code = problem ? (TO_CONTRACT[problem.code] ?? codeForStatus(response.status)) : codeForStatus(response.status);
    const retryAfter = Number(response.headers.get('retry-after'));
    return new AdvocacyError(code, problem?.message ?? `The company API answered ${response.status}.`, {
      status: response.status,
      fieldErrors: (problem?.fields ?? []).map((field) => ({
        field: contractField(field.name),
        message: field.problem,
        ...(field.reason ? { code: field.reason } : {}),
      })),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
    });
  }

  /** A company list page → an Advocacy Kit page with an opaque cursor. */
  async function list<T>(path: string, query: PageQuery = {}, filters: Query = {}): Promise<Page<T>> {
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const result = await call<Omit<CompanyPage<T>, 'per_page' | 'as_of'> & { limit: number; asOf: string }>('GET', path, {
      query: { ...filters, page: cursor?.page ?? 1, per_page: query.limit ?? 20, as_of: cursor?.asOf },
    });
    const more = result.page * result.limit < result.total;
    return { items: result.results, nextCursor: more ? encodeCursor({ page: result.page + 1, asOf: result.asOf }) : null };
  }

  return {
    getMe: () => call('GET', 'people/me'),
    acceptPolicy: () => call('POST', 'people/me/policy'),
    listTopics: async () => (await call<{ results: never[] }>('GET', 'topics')).results,
    listTeams: async () => (await call<{ results: never[] }>('GET', 'departments')).results,
    listFeed: (query = {}) => list('articles', query, { topic: query.topic, lang: query.locale, search: query.q, type: query.kind }),
    getPost: (id) => call('GET', `articles/${encodeURIComponent(id)}`),
    createShare: ({ idempotencyKey, ...share }) => call('POST', 'shares', { body: share, headers: { 'x-request-id': idempotencyKey } }),
    listMyShares: (query) => list('people/me/shares', query),
    getMyStats: (period) => call('GET', 'people/me/stats', { query: { window: period } }),
    listMyPoints: (query) => list('people/me/points', query),
    getLeaderboard: ({ period, scope, limit }) =>
      call('GET', 'ranking', { query: { window: period, scope: scope === 'team' ? 'department' : scope, top: limit } }),
    createSuggestion: (input, idempotencyKey) =>
      call('POST', 'suggestions', { body: input, ...(idempotencyKey ? { headers: { 'x-request-id': idempotencyKey } } : {}) }),
    listMySuggestions: (query) => list('people/me/suggestions', query),
    sendEvents: async (events) => {
      const result = await call<{ recorded: number; alreadySeen: number }>('POST', 'activity', { body: { items: events } });
      return { accepted: result.recorded, duplicates: result.alreadySeen };
    },
    recordConversion: (input) => call('POST', 'conversions', { body: input, headers: { 'x-system-key': options.systemKey ?? '' } }),
    admin: {
      listPosts: (query = {}) =>
        list('admin/articles', query, { status: query.status, search: query.q, topic: query.topic, kind: query.kind }),
      createPost: (input) => call('POST', 'admin/articles', { body: input }),
      updatePost: (id, patch) => call('PATCH', `admin/articles/${encodeURIComponent(id)}`, { body: patch }),
      archivePost: (id) => call('POST', `admin/articles/${encodeURIComponent(id)}/archive`),
      listSuggestions: (query = {}) => list('admin/suggestions', query, { status: query.status }),
      reviewSuggestion: (id, review) => call('POST', `admin/suggestions/${encodeURIComponent(id)}/decision`, { body: review }),
      getAnalytics: ({ from, to }) => call('GET', 'admin/report', { query: { from, to } }),
    },
  };
}
