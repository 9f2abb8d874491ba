import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAdvocacyError, type AdvocacyErrorCode, type ContentKind, type Page, type PageQuery } from '@advocacy-kit/core/backend';
import { memoryBackend, type MemoryBackend } from '@advocacy-kit/core/memory';
import {
  COMPANY_ERRORS,
  companyField,
  fromCompany,
  toCompany,
  type CompanyErrorBody,
  type CompanyErrorCode,
  type CompanyPage,
} from './dialect.js';

/*
 * A stand-in for a company's existing API ("Acme API v2"), with its own conventions:
 * snake_case and its own field names, page-numbered lists, `X-Session` authentication and its own
 * error format. Its data and rules are borrowed from core's in-memory backend (the demo company),
 * which keeps the example short: what matters here is that it does NOT speak the Advocacy Kit
 * contract, so an adapter has to.
 */

class CompanyError extends Error {
  constructor(
    readonly code: CompanyErrorCode,
    message: string,
    readonly fields: CompanyErrorBody['error']['fields'] = undefined,
  ) {
    super(message);
  }
}

const FROM_CONTRACT: Record<AdvocacyErrorCode, CompanyErrorCode> = {
  network: 'INTERNAL',
  timeout: 'INTERNAL',
  server: 'INTERNAL',
  unauthorized: 'SESSION_INVALID',
  forbidden: 'NOT_ALLOWED',
  not_found: 'NOT_FOUND',
  validation: 'INVALID',
  conflict: 'DUPLICATE',
  rate_limited: 'SLOW_DOWN',
};

interface Request {
  method: string;
  path: string[];
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage['headers'];
  as: MemoryBackend;
}

type Handler = (request: Request) => Promise<unknown> | unknown;

export interface CompanyApi {
  url: string;
  server: Server;
  /** Opens a session for a person (what the company's SSO does); returns the session id. */
  openSession(personId: string): string;
  close(): Promise<void>;
}

/** The key the company's CRM sends as `X-System-Key` to report conversions (an example value). */
export const CRM_SYSTEM_KEY = 'acme-crm-system-key-0123456789abcdef';

/** Starts the company API on `port` (0 for any free port). */
export async function startCompanyApi(port = 0): Promise<CompanyApi> {
  const sessions = new Map<string, string>();
  let origin = '';
  let backend: MemoryBackend | undefined;
  const data = () => (backend ??= memoryBackend({ trackingBaseUrl: origin }));

  const routes: Array<[string, RegExp, Handler]> = [
    ['GET', /^people\/me$/, (r) => r.as.getMe()],
    ['POST', /^people\/me\/policy$/, (r) => r.as.acceptPolicy()],
    ['GET', /^topics$/, async (r) => ({ results: await r.as.listTopics() })],
    ['GET', /^departments$/, async (r) => ({ results: await r.as.listTeams() })],
    [
      'GET',
      /^articles$/,
      (r) =>
        paged(r, (q) =>
          r.as.listFeed({
            ...q,
            topic: r.query.get('topic'),
            locale: r.query.get('lang'),
            q: r.query.get('search') ?? undefined,
            kind: (r.query.get('type') ?? undefined) as ContentKind | undefined,
          }),
        ),
    ],
    ['GET', /^articles\/([^/]+)$/, (r) => r.as.getPost(r.path[1]!)],
    ['POST', /^shares$/, (r) => r.as.createShare({ ...body(r), idempotencyKey: requestId(r, true) })],
    ['GET', /^people\/me\/shares$/, (r) => paged(r, (q) => r.as.listMyShares(q))],
    ['GET', /^people\/me\/stats$/, (r) => r.as.getMyStats((r.query.get('window') ?? 'month') as never)],
    ['GET', /^people\/me\/points$/, (r) => paged(r, (q) => r.as.listMyPoints(q))],
    [
      'GET',
      /^ranking$/,
      (r) =>
        r.as.getLeaderboard({
          period: (r.query.get('window') ?? 'month') as never,
          scope: r.query.get('scope') === 'department' ? 'team' : (r.query.get('scope') as never),
          ...(r.query.has('top') ? { limit: Number(r.query.get('top')) } : {}),
        }),
    ],
    ['POST', /^suggestions$/, (r) => r.as.createSuggestion(body(r), requestId(r, false))],
    ['GET', /^people\/me\/suggestions$/, (r) => paged(r, (q) => r.as.listMySuggestions(q))],
    [
      'POST',
      /^activity$/,
      async (r) => {
        const result = await r.as.sendEvents(body<{ items: never[] }>(r).items);
        return { recorded: result.accepted, already_seen: result.duplicates };
      },
    ],
    [
      'GET',
      /^admin\/articles$/,
      (r) =>
        paged(r, (q) =>
          r.as.admin.listPosts({
            ...q,
            status: r.query.get('status') as never,
            q: r.query.get('search'),
            topic: r.query.get('topic'),
            kind: r.query.get('kind') as never,
          }),
        ),
    ],
    ['POST', /^admin\/articles$/, (r) => r.as.admin.createPost(body(r))],
    ['PATCH', /^admin\/articles\/([^/]+)$/, (r) => r.as.admin.updatePost(r.path[2]!, body(r))],
    ['POST', /^admin\/articles\/([^/]+)\/archive$/, (r) => r.as.admin.archivePost(r.path[2]!)],
    ['GET', /^admin\/suggestions$/, (r) => paged(r, (q) => r.as.admin.listSuggestions({ ...q, status: r.query.get('status') as never }))],
    ['POST', /^admin\/suggestions\/([^/]+)\/decision$/, (r) => r.as.admin.reviewSuggestion(r.path[2]!, body(r))],
    ['GET', /^admin\/report$/, (r) => r.as.admin.getAnalytics({ from: r.query.get('from') ?? '', to: r.query.get('to') ?? '' })],
  ];

  const server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing).catch((error: unknown) => reply(outgoing, ...failure(error)));
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', origin);
    // The company's link service: a visit counts for the person who shared (crawlers don't).
    const link = /^\/r\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    if (link && incoming.method === 'GET') {
      const visitor = createHash('sha256')
        .update(`${incoming.socket.remoteAddress}\n${incoming.headers['user-agent'] ?? ''}`)
        .digest('hex');
      const click = data().recordClick(link[1]!, { userAgent: incoming.headers['user-agent'] ?? '', visitorId: visitor });
      outgoing.writeHead(302, { location: click.destination }).end();
      return;
    }
    if (url.pathname === '/v2/sessions' && incoming.method === 'POST') {
      const { login } = (await readJson(incoming)) as { login?: string };
      const person = login
        ? await data()
            .as(login)
            .getMe()
            .catch(() => null)
        : null;
      if (!person) throw new CompanyError('SESSION_INVALID', 'Unknown login.');
      const id = randomUUID();
      sessions.set(id, person.id);
      reply(outgoing, 201, { session_id: id });
      return;
    }
    const path = url.pathname.replace(/^\/v2\//, '');
    // Conversions come from the company's CRM with its system key, never from an employee's session.
    if (path === 'conversions' && incoming.method === 'POST') {
      if (incoming.headers['x-system-key'] !== CRM_SYSTEM_KEY)
        throw new CompanyError('NOT_ALLOWED', 'Conversions need the CRM system key.');
      reply(outgoing, 200, toCompany(await data().recordConversion(fromCompany(await readJson(incoming)) as never)));
      return;
    }
    const route = routes.find(([method, pattern]) => method === incoming.method && pattern.test(path));
    if (!url.pathname.startsWith('/v2/') || !route) throw new CompanyError('NOT_FOUND', `No route ${incoming.method} ${url.pathname}.`);
    const person = sessions.get(String(incoming.headers['x-session'] ?? ''));
    if (!person) throw new CompanyError('SESSION_INVALID', 'Missing or expired X-Session.');
    const request: Request = {
      method: incoming.method ?? 'GET',
      path: path.split('/'),
      query: url.searchParams,
      body: incoming.method === 'GET' ? undefined : await readJson(incoming),
      headers: incoming.headers,
      as: data().as(person),
    };
    const result = await route[2](request);
    reply(outgoing, incoming.method === 'POST' && /^(shares|suggestions|admin\/articles)$/.test(path) ? 201 : 200, toCompany(result));
  }

  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    server,
    openSession(personId) {
      const id = randomUUID();
      sessions.set(id, personId);
      return id;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The company's body, in Advocacy Kit's words. */
function body<T = never>(request: Request): T {
  return fromCompany<T>(request.body ?? {});
}

/** The company's idempotency header. */
function requestId(request: Request, required: true): string;
function requestId(request: Request, required: false): string | undefined;
function requestId(request: Request, required: boolean): string | undefined {
  const value = request.headers['x-request-id'];
  if (typeof value === 'string' && value !== '') return value;
  if (required)
    throw new CompanyError('INVALID', 'X-Request-Id is required.', [{ name: 'X-Request-Id', problem: 'required', reason: 'required' }]);
  return undefined;
}

/**
 * Page-numbered lists (`page`, `per_page`, `as_of`). Items created after `as_of` (the moment the
 * first page was asked for) stay out, so later pages neither repeat nor skip items.
 */
async function paged<T extends { createdAt: string }>(
  request: Request,
  list: (query: PageQuery) => Promise<Page<T>>,
): Promise<CompanyPage<unknown>> {
  const page = Number(request.query.get('page') ?? '1');
  const perPage = Number(request.query.get('per_page') ?? '20');
  if (!Number.isInteger(page) || page < 1)
    throw new CompanyError('INVALID', 'page must be 1 or more.', [{ name: 'page', problem: 'must be 1 or more', reason: 'out_of_range' }]);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
    throw new CompanyError('INVALID', 'per_page must be between 1 and 100.', [
      { name: 'per_page', problem: 'must be between 1 and 100', reason: 'out_of_range' },
    ]);
  }
  const asOf = request.query.get('as_of') ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(asOf)))
    throw new CompanyError('INVALID', 'as_of must be a timestamp.', [{ name: 'as_of', problem: 'not a timestamp', reason: 'invalid' }]);
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const result: Page<T> = await list({ cursor, limit: 100 });
    all.push(...result.items);
    cursor = result.nextCursor;
  } while (cursor !== null);
  const visible = all.filter((item) => item.createdAt <= asOf);
  return {
    results: toCompany(visible.slice((page - 1) * perPage, page * perPage)),
    page,
    per_page: perPage,
    total: visible.length,
    as_of: asOf,
  };
}

async function readJson(incoming: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new CompanyError('INVALID', 'The body is not JSON.');
  }
}

function failure(error: unknown): [number, CompanyErrorBody] {
  if (error instanceof CompanyError) {
    return [
      COMPANY_ERRORS[error.code],
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
    ];
  }
  if (isAdvocacyError(error)) {
    const code = FROM_CONTRACT[error.code];
    const fields = error.fieldErrors.map((field) => ({
      name: companyField(field.field),
      problem: field.message,
      ...(field.code ? { reason: field.code } : {}),
    }));
    return [COMPANY_ERRORS[code], { error: { code, message: error.message, ...(fields.length > 0 ? { fields } : {}) } }];
  }
  return [500, { error: { code: 'INTERNAL', message: 'Something went wrong.' } }];
}

function reply(outgoing: ServerResponse, status: number, payload: unknown): void {
  outgoing.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
}
