/**
 * The OpenAPI 3.1 document and the docs' route table, generated from the operations table
 * (./operations.ts). A schema that is one of the named resources (./schemas.ts) becomes a
 * `$ref` to its component wherever it appears.
 */
import type { TSchema } from '@sinclair/typebox';
import { operations, pathParams, type Operation, type ResponseBody } from './operations.js';
import { rootRoutes, type RootRoute } from './root.js';
import * as schemas from './schemas.js';

type Json = Record<string, unknown>;

/** Named components by schema object, so each use of one becomes a `$ref`. */
const componentNames = new Map<object, string>(
  Object.entries(schemas).flatMap(([name, value]) =>
    typeof value === 'object' && value !== null ? [[value, name] as [object, string]] : [],
  ),
);

/** The schema as plain JSON, with named components (other than `root`'s own) as `$ref`s. */
function toJson(schema: unknown, root?: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJson(item));
  if (typeof schema !== 'object' || schema === null) return schema;
  const name = componentNames.get(schema);
  if (name !== undefined && schema !== root) return { $ref: `#/components/schemas/${name}` };
  const out: Json = {};
  // Object.entries skips TypeBox's symbol keys.
  for (const [key, value] of Object.entries(schema)) out[key] = toJson(value);
  return out;
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

const COMMON_PROBLEMS: Record<string, string> = {
  400: 'Malformed request (bad JSON, query or cursor)',
  401: 'Missing or invalid token',
  422: 'Body does not match the schema',
  429: 'Rate limited; see Retry-After',
};

/** Every operation may meet the database away. */
const UNAVAILABLE: Record<string, string> = {
  503: "Database unavailable (`database_unavailable`: unreachable, too slow, full or read-only), or the identity provider's keys cannot be fetched to check the token (`identity_provider_unavailable`); see Retry-After. Nothing was changed, or a retry with the same Idempotency-Key lands once.",
};

const SECURITY: Record<Operation['auth'], Json[]> = {
  public: [],
  employee: [{ bearer: [] }],
  admin: [{ bearer: [] }],
  apiKey: [{ apiKey: [] }],
};

function responseContent(body: ResponseBody): Json | undefined {
  if (body === null) return undefined;
  if (body === 'csv') return { 'text/csv': { schema: { type: 'string' } } };
  return { 'application/json': { schema: toJson(body) } };
}

const DESCRIPTIONS: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content' };

function operationObject(operationId: string, operation: Operation): Json {
  const parameters: Json[] = [
    ...pathParams(operation.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string', maxLength: 200 } })),
    ...Object.entries(operation.query?.properties ?? {}).map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema: toJson(schema),
    })),
  ];
  if (operation.idempotencyKey !== undefined) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: operation.idempotencyKey === 'required',
      description: 'Same key, same result: a retry never creates a second record.',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    });
  }
  const responses: Json = {};
  for (const [status, body] of Object.entries(operation.responses)) {
    const content = responseContent(body as ResponseBody);
    const replay = status === '200' && '201' in operation.responses;
    responses[status] = {
      description: replay ? 'Replay of an earlier request (same Idempotency-Key or external id)' : DESCRIPTIONS[status],
      ...(content && { content }),
    };
  }
  const problems: Record<string, string> = {
    ...(operation.auth === 'public' ? {} : COMMON_PROBLEMS),
    ...UNAVAILABLE,
    ...operation.problems,
  };
  for (const [status, description] of Object.entries(problems)) responses[status] = problemResponse(description);
  const out: Json = { operationId, summary: operation.summary, tags: [operation.tag] };
  if (parameters.length > 0) out.parameters = parameters;
  if (operation.body !== undefined) {
    const schema = toJson(operation.body);
    out.requestBody = {
      required: operation.bodyOptional !== true,
      content: Object.fromEntries((operation.bodyTypes ?? ['application/json']).map((type) => [type, { schema }])),
    };
  }
  out.security = SECURITY[operation.auth];
  out.responses = responses;
  return out;
}

/** A root route's operation, with its own `servers` (the server's root, not the API base). */
function rootOperationObject(operationId: string, route: RootRoute): Json {
  const responses: Json = {};
  for (const [status, { description, body }] of Object.entries(route.responses)) {
    responses[status] = { description, content: { 'application/json': { schema: toJson(body) } } };
  }
  return { operationId, summary: route.summary, tags: ['health'], security: [], responses };
}

/** The OpenAPI 3.1 document, with `servers` pointing at a deployment's API base (its root for the health probes). */
export function openApiDocument(publicUrl = 'http://localhost:8787'): Json {
  const paths: Record<string, Json> = {};
  for (const [operationId, operation] of Object.entries(operations) as Array<[string, Operation]>) {
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operationId, operation);
  }
  for (const [operationId, route] of Object.entries(rootRoutes) as Array<[string, RootRoute]>) {
    (paths[route.path] ??= { servers: [{ url: publicUrl }] })[route.method.toLowerCase()] = rootOperationObject(operationId, route);
  }
  const components: Json = {};
  for (const [name, value] of Object.entries(schemas))
    if (typeof value === 'object' && value !== null) components[name] = toJson(value as TSchema, value);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Advocacy Kit API',
      version: '1.0.0',
      description:
        'The open HTTP contract of Advocacy Kit. Errors are RFC 9457 problem+json; lists are cursor-paginated; writes that can be retried take an Idempotency-Key. Outside the API prefix: GET /r/{code} (tracking redirect) and the health probes GET /health/live, GET /health/ready (alias GET /health), described here with the server root as their server.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
  };
}

const WHO: Record<Operation['auth'], string> = {
  public: 'anyone',
  employee: 'employee',
  admin: 'admin',
  apiKey: 'API key',
};

/** The route table of docs/http-api.md: one row per operation, grouped as the table lists them. */
export function routeTable(): string {
  const rows = (Object.entries(operations) as Array<[string, Operation]>).map(([operationId, operation]) => {
    const body = operation.body === undefined ? '' : (componentNames.get(operation.body) ?? 'object');
    const answers = Object.entries(operation.responses)
      .map(
        ([status, response]) =>
          `${status}${response === null ? '' : ` ${response === 'csv' ? 'CSV' : (componentNames.get(response as object) ?? 'object')}`}`,
      )
      .join(', ');
    const key = operation.idempotencyKey === undefined ? '' : operation.idempotencyKey === 'required' ? 'required' : 'optional';
    return `| \`${operation.method} ${operation.path}\` | \`${operationId}\` | ${WHO[operation.auth]} | ${body} | ${answers} | ${key} | ${operation.summary.replace(/\|/g, '\\|')} |`;
  });
  return ['| route | operation | who | body | answers | Idempotency-Key | what it does |', '|---|---|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

/** The body of routes.generated.ts: each operation's method and path, for `httpBackend`. */
export function routesModule(): string {
  const lines = (Object.entries(operations) as Array<[string, Operation]>).map(
    ([operationId, operation]) =>
      `export const ${operationId} = '${operation.method === 'GET' ? '' : `${operation.method} `}${operation.path.slice(1)}';`,
  );
  return [
    '// Generated from ./operations.ts by `pnpm generate`; do not edit. A test fails when it is stale.',
    '// Each operation as "METHOD path" relative to the API base ("path" alone for GET), read by httpBackend.',
    ...lines,
    '',
  ].join('\n');
}
