/**
 * The OpenAPI 3.1 document: the normative HTTP contract. Served at `/openapi.json`, written to
 * the package's `openapi.json` by the build, and used at run time to validate every request body
 * and query (see ../http/validate.ts).
 */
import { CONTENT_KINDS, PERIODS, POST_STATUSES, SCOPES } from '@advocacy-kit/core';
import { schemas } from './schemas.js';
import { engagementOperations } from './engagement.js';
import { linkPreviewOperations } from './link-preview.js';
import { webhookOperations } from './webhooks.js';

type Json = Record<string, unknown>;

export interface Operation {
  operationId: string;
  summary: string;
  tags: string[];
  /** `bearer`, `apiKey`, or none. */
  security?: Array<'bearer' | 'apiKey'>;
  query?: Record<string, Json>;
  headers?: Record<string, { schema: Json; required: boolean; description: string }>;
  pathParams?: string[];
  body?: { schema: string; contentTypes?: string[] };
  responses: Record<string, { description: string; schema?: string; contentType?: string }>;
}

const limit = (max: number, fallback: number): Json => ({ type: 'integer', minimum: 1, maximum: max, default: fallback });
const cursor: Json = { type: 'string', maxLength: 500, description: 'Opaque; from `nextCursor`.' };
const pageQuery = { cursor, limit: limit(100, 20) };
const shortText = (max: number): Json => ({ type: 'string', maxLength: max });
const dateOrTime: Json = {
  type: 'string',
  anyOf: [{ format: 'date' }, { format: 'date-time' }],
  description: 'Inclusive ISO date (YYYY-MM-DD) or timestamp.',
};
const idempotencyKey = (required: boolean) => ({
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  required,
  description: 'Same key, same result: a retry never creates a second record.',
});

const problem = (description: string) => ({ description, schema: 'ProblemDetails', contentType: 'application/problem+json' });
const common = {
  '400': problem('Malformed request (bad JSON, query or cursor)'),
  '401': problem('Missing or invalid token'),
  '422': problem('Body does not match the schema'),
  '429': problem('Rate limited; see Retry-After'),
};

export const operations: Record<string, Record<string, Operation>> = {
  '/me': {
    get: { operationId: 'getMe', summary: 'The signed-in employee', tags: ['me'], security: ['bearer'], responses: { '200': { description: 'OK', schema: 'Employee' } } },
  },
  '/me/policy-acceptance': {
    post: { operationId: 'acceptPolicy', summary: 'Accept the social-media policy (idempotent)', tags: ['me'], security: ['bearer'], responses: { '200': { description: 'OK', schema: 'Employee' } } },
  },
  '/topics': {
    get: { operationId: 'listTopics', summary: 'Topics', tags: ['content'], security: ['bearer'], responses: { '200': { description: 'OK', schema: 'TopicList' } } },
  },
  '/teams': {
    get: { operationId: 'listTeams', summary: 'Teams', tags: ['content'], security: ['bearer'], responses: { '200': { description: 'OK', schema: 'TeamList' } } },
  },
  '/feed': {
    get: {
      operationId: 'listFeed',
      summary: 'Published, unexpired posts the employee may see, newest first',
      tags: ['content'],
      security: ['bearer'],
      query: { topic: shortText(200), locale: shortText(35), ...pageQuery },
      responses: { '200': { description: 'OK', schema: 'PostPage' } },
    },
  },
  '/posts/{id}': {
    get: {
      operationId: 'getPost',
      summary: 'One post visible to the employee',
      tags: ['content'],
      security: ['bearer'],
      pathParams: ['id'],
      responses: { '200': { description: 'OK', schema: 'Post' }, '404': problem('Unknown or not visible') },
    },
  },
  '/shares': {
    post: {
      operationId: 'createShare',
      summary: 'Record a share and get its tracking link',
      tags: ['shares'],
      security: ['bearer'],
      headers: { 'Idempotency-Key': idempotencyKey(true) },
      body: { schema: 'ShareCreate' },
      responses: {
        '201': { description: 'Created', schema: 'Share' },
        '200': { description: 'Replay of the same Idempotency-Key', schema: 'Share' },
        '404': problem('Unknown post'),
        '409': problem('Idempotency-Key reused with a different body'),
      },
    },
  },
  '/me/shares': {
    get: { operationId: 'listMyShares', summary: 'My shares, newest first', tags: ['me'], security: ['bearer'], query: pageQuery, responses: { '200': { description: 'OK', schema: 'SharePage' } } },
  },
  '/me/stats': {
    get: {
      operationId: 'getMyStats',
      summary: 'My points, shares, clicks and conversions over a period',
      tags: ['me'],
      security: ['bearer'],
      query: { period: { type: 'string', enum: PERIODS, default: 'month' } },
      responses: { '200': { description: 'OK', schema: 'MyStats' } },
    },
  },
  '/me/points': {
    get: { operationId: 'listMyPoints', summary: 'My points ledger, newest first', tags: ['me'], security: ['bearer'], query: pageQuery, responses: { '200': { description: 'OK', schema: 'PointsPage' } } },
  },
  '/leaderboard': {
    get: {
      operationId: 'getLeaderboard',
      summary: 'Top employees by points; ties by employee id',
      tags: ['points'],
      security: ['bearer'],
      query: {
        period: { type: 'string', enum: PERIODS, default: 'month' },
        scope: { type: 'string', enum: SCOPES, default: 'company' },
        limit: limit(100, 10),
      },
      responses: { '200': { description: 'OK', schema: 'Leaderboard' } },
    },
  },
  '/suggestions': {
    post: {
      operationId: 'createSuggestion',
      summary: 'Suggest a URL for the program',
      tags: ['suggestions'],
      security: ['bearer'],
      headers: { 'Idempotency-Key': idempotencyKey(false) },
      body: { schema: 'SuggestionInput' },
      responses: { '201': { description: 'Created', schema: 'Suggestion' }, '200': { description: 'Replay', schema: 'Suggestion' } },
    },
  },
  '/me/suggestions': {
    get: { operationId: 'listMySuggestions', summary: 'My suggestions, newest first', tags: ['me'], security: ['bearer'], query: pageQuery, responses: { '200': { description: 'OK', schema: 'SuggestionPage' } } },
  },
  '/events': {
    post: {
      operationId: 'sendEvents',
      summary: 'Participation events (sendBeacon may post text/plain with `accessToken` in the body)',
      tags: ['events'],
      security: ['bearer'],
      body: { schema: 'EventBatch', contentTypes: ['application/json', 'text/plain'] },
      responses: { '200': { description: 'OK', schema: 'EventBatchResult' } },
    },
  },
  '/conversions': {
    post: {
      operationId: 'recordConversion',
      summary: 'Record a conversion for a referral code (server-to-server with X-Api-Key, or Bearer)',
      tags: ['conversions'],
      security: ['apiKey', 'bearer'],
      headers: { 'Idempotency-Key': idempotencyKey(false) },
      body: { schema: 'ConversionInput' },
      responses: {
        '201': { description: 'Created', schema: 'Conversion' },
        '200': { description: 'Same externalId seen before', schema: 'Conversion' },
        '409': problem('externalId reused with a different body'),
      },
    },
  },
  '/admin/posts': {
    get: {
      operationId: 'adminListPosts',
      summary: 'All posts, newest first',
      tags: ['admin'],
      security: ['bearer'],
      query: { status: { type: 'string', enum: POST_STATUSES }, q: shortText(200), topic: shortText(200), kind: { type: 'string', enum: CONTENT_KINDS }, ...pageQuery },
      responses: { '200': { description: 'OK', schema: 'AdminPostPage' }, '403': problem('Not an admin') },
    },
    post: {
      operationId: 'adminCreatePost',
      summary: 'Create a post (a future publishAt schedules it)',
      tags: ['admin'],
      security: ['bearer'],
      body: { schema: 'PostInput' },
      responses: { '201': { description: 'Created', schema: 'Post' }, '403': problem('Not an admin') },
    },
  },
  '/admin/posts/{id}': {
    patch: {
      operationId: 'adminUpdatePost',
      summary: 'Update a post',
      tags: ['admin'],
      security: ['bearer'],
      pathParams: ['id'],
      body: { schema: 'PostPatch' },
      responses: { '200': { description: 'OK', schema: 'Post' }, '403': problem('Not an admin'), '404': problem('Unknown post') },
    },
  },
  '/admin/posts/{id}/archive': {
    post: {
      operationId: 'adminArchivePost',
      summary: 'Archive a post (its tracking links keep redirecting)',
      tags: ['admin'],
      security: ['bearer'],
      pathParams: ['id'],
      responses: { '200': { description: 'OK', schema: 'Post' }, '403': problem('Not an admin'), '404': problem('Unknown post') },
    },
  },
  '/admin/suggestions': {
    get: {
      operationId: 'adminListSuggestions',
      summary: 'Suggestions, newest first',
      tags: ['admin'],
      security: ['bearer'],
      query: { status: { type: 'string', enum: ['pending', 'approved', 'rejected'] }, ...pageQuery },
      responses: { '200': { description: 'OK', schema: 'AdminSuggestionPage' }, '403': problem('Not an admin') },
    },
  },
  '/admin/suggestions/{id}/review': {
    post: {
      operationId: 'adminReviewSuggestion',
      summary: 'Approve (creates a post, awards points once) or reject (with a reason)',
      tags: ['admin'],
      security: ['bearer'],
      pathParams: ['id'],
      body: { schema: 'SuggestionReview' },
      responses: { '200': { description: 'OK', schema: 'Suggestion' }, '403': problem('Not an admin'), '404': problem('Unknown suggestion'), '409': problem('Already reviewed') },
    },
  },
  '/admin/analytics': {
    get: {
      operationId: 'adminAnalytics',
      summary: 'Program results over a window',
      tags: ['admin'],
      security: ['bearer'],
      query: { from: dateOrTime, to: dateOrTime },
      responses: { '200': { description: 'OK', schema: 'AnalyticsSummary' }, '403': problem('Not an admin') },
    },
  },
  ...Object.fromEntries(
    (['shares', 'clicks', 'conversions'] as const).map((kind) => [
      `/admin/exports/${kind}.csv`,
      {
        get: {
          operationId: `adminExport${kind[0]!.toUpperCase()}${kind.slice(1)}`,
          summary: `CSV export of ${kind} (cells starting with = + - @ are prefixed with ')`,
          tags: ['admin'],
          security: ['bearer'],
          query: { from: dateOrTime, to: dateOrTime },
          responses: { '200': { description: 'CSV', contentType: 'text/csv' }, '403': problem('Not an admin') },
        } satisfies Operation,
      },
    ]),
  ),
  '/auth/demo-employees': {
    get: {
      operationId: 'demoEmployees',
      summary: 'Seeded employees to sign in as (only when demo auth is enabled)',
      tags: ['demo'],
      responses: { '200': { description: 'OK', schema: 'EmployeeList' }, '404': problem('Demo auth is off') },
    },
  },
  '/auth/demo-token': {
    post: {
      operationId: 'demoToken',
      summary: 'A token for a seeded employee (only when demo auth is enabled)',
      tags: ['demo'],
      body: { schema: 'DemoTokenRequest' },
      responses: { '200': { description: 'OK', schema: 'DemoToken' }, '404': problem('Demo auth is off or unknown employee') },
    },
  },
  ...linkPreviewOperations,
  ...webhookOperations,
  ...engagementOperations,
};

function toOpenApi(operation: Operation): Json {
  const parameters: Json[] = [
    ...(operation.pathParams ?? []).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', maxLength: 200 } })),
    ...Object.entries(operation.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
    ...Object.entries(operation.headers ?? {}).map(([name, header]) => ({ name, in: 'header', ...header })),
  ];
  const responses: Json = {};
  const allResponses = operation.security === undefined ? { ...operation.responses } : { ...common, ...operation.responses };
  for (const [status, response] of Object.entries(allResponses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema === undefined && response.contentType === undefined
        ? {}
        : {
            content: {
              [response.contentType ?? 'application/json']: {
                schema: response.schema === undefined ? { type: 'string' } : { $ref: `#/components/schemas/${response.schema}` },
              },
            },
          }),
    };
  }
  const out: Json = { operationId: operation.operationId, summary: operation.summary, tags: operation.tags };
  if (parameters.length > 0) out.parameters = parameters;
  if (operation.body !== undefined) {
    const schema = { $ref: `#/components/schemas/${operation.body.schema}` };
    out.requestBody = {
      required: true,
      content: Object.fromEntries((operation.body.contentTypes ?? ['application/json']).map((type) => [type, { schema }])),
    };
  }
  out.security = operation.security === undefined ? [] : operation.security.map((name) => ({ [name]: [] }));
  out.responses = responses;
  return out;
}

/** The document, with `servers` pointing at this deployment's API base. */
export function openApiDocument(publicUrl = 'http://localhost:8787'): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Advocacy Kit API',
      version: '1.0.0',
      description:
        'The open HTTP contract of Advocacy Kit. Errors are RFC 9457 problem+json; lists are cursor-paginated; writes that can be retried take an Idempotency-Key. Outside the API prefix: GET /r/{code} (tracking redirect), GET /health.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths: Object.fromEntries(
      Object.entries(operations).map(([path, methods]) => [
        path,
        Object.fromEntries(Object.entries(methods).map(([method, operation]) => [method, toOpenApi(operation)])),
      ]),
    ),
    components: {
      schemas,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  };
}
