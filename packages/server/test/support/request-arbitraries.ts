import { pathParams, type Operation } from '@advocacy-kit/core/contract';
import fc from 'fast-check';
import { nearValid, ODD_STRINGS, toJsonText, validValue, type SchemaContext } from './schema-arbitraries.js';

/**
 * Requests for one operation of the contract, mostly valid so the handler is reached, each part
 * (path parameters, query, headers, body) sometimes mutated: see generated-input.test.ts.
 */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
}

/** What the requests need to get past the guards: tokens, the API key, ids the server knows. */
export interface Credentials {
  employee: string;
  admin: string;
  apiKey: string;
  /** Expired, wrongly signed, malformed: refused by the guards. */
  bad: readonly string[];
}

type Schema = Record<string, unknown>;

/** A value percent-encoded, lone surrogates and all (encodeURIComponent throws on them). */
const encode = (value: string) =>
  encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Path segments, already encoded as they go on the wire. */
const ODD_IDS: readonly string[] = [
  'x'.repeat(5_000),
  'x'.repeat(201),
  '..',
  '.',
  '%2e%2e',
  '%2F',
  'a%2Fb',
  '%00',
  'p-1%00',
  '%ff',
  '%E2%82',
  '%ED%A0%80',
  '%',
  '%25',
  '%zz',
  '%20',
  'p-1%20',
  '+',
  '@',
  ';',
  'p-1;x=y',
  '%5C',
  '%0D%0A',
  '%27%20OR%201%3D1',
  ...['日本語', '😀', '\u202e', '\ud800', 'e\u0301', '\ufeff'].map(encode),
];

const ODD_CURSORS: readonly string[] = [
  'garbage',
  '!!!',
  '=',
  'x'.repeat(501),
  Buffer.from('["a","b"]').toString('base64'),
  Buffer.from([0xff, 0xfe, 0x00, 0x80]).toString('base64url'),
  ...[
    '["a"]',
    '[1,2]',
    '["a","b","c"]',
    '{"key":"a","id":"b"}',
    'null',
    '"s"',
    '["",""]',
    '["\\u0000","x"]',
    '["x","\\u0000"]',
    '["not-a-date","x"]',
    '["2026-02-30T00:00:00Z","p-1"]',
    '["9999-99-99","x"]',
    '["2026-06-30T23:59:60Z","x"]',
    '["1e400","x"]',
    '["-1","x"]',
    '["\\ud800","\\udfff"]',
    `["${'k'.repeat(300)}","${'i'.repeat(300)}"]`,
    '["2026-01-01T00:00:00.000Z","p-1"]',
    '[["a"],{"b":1}]',
    '[',
  ].map(base64url),
].map(encode);

const ODD_QUERY_VALUES: readonly string[] = [
  '-1',
  '0',
  '1.5',
  '1e400',
  '99999999999999999999',
  '0x10',
  'NaN',
  'Infinity',
  '%',
  '%zz',
  '%E0%A4%A',
  '%ff',
  '%00',
  'x'.repeat(10_000),
  ...ODD_STRINGS.map(encode),
];

const ODD_QUERY_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'unknown',
  '',
  '%',
  '%00',
  'limit[]',
  'cursor[0]',
];

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

const CONTENT_TYPES: readonly (string | null)[] = [
  null,
  'text/plain',
  'text/plain;charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json;charset="latin1"',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/problem+json',
  '*/*',
  'application/json, text/html',
  'application/jsonx',
  ';',
];

/** Bodies a JSON parser must refuse or survive. */
function garbageBodies(valid: fc.Arbitrary<string>): fc.Arbitrary<string | Uint8Array<ArrayBuffer>> {
  return fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '0',
      '"x"',
      '[]',
      '{}',
      '{',
      '}',
      '{"a":}',
      'undefined',
      'NaN',
      '\u0000',
      '{"a":1,"a":2}',
      '['.repeat(100_000),
      '['.repeat(20_000) + ']'.repeat(20_000),
      '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000),
      '1'.repeat(100),
      'y'.repeat(70_000),
      `{"events":[${'{},'.repeat(60_000)}{}]}`,
    ),
    fc.constantFrom(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
    fc.json(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    valid.map((text) => `\ufeff${text}`),
    valid.map((text) => text.slice(0, Math.floor(text.length / 2))),
    valid.map((text) => `${text}}garbage`),
    valid.map((text) => `${text}${text}`),
  );
}

/** Values the operation's own path parameters take: ids the server knows, and odd ones. */
function pathValue(known: readonly string[]): fc.Arbitrary<string> {
  const odd = fc.oneof(fc.constantFrom(...ODD_IDS), fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encode));
  return known.length === 0 ? odd : fc.oneof({ arbitrary: fc.constantFrom(...known.map(encode)), weight: 3 }, odd);
}

/** `key=value` pairs, encoded: the operation's parameters (valid, or one mutated), repeated or unknown keys. */
function queryString(query: Schema | undefined, context: SchemaContext): fc.Arbitrary<string> {
  const properties = (query?.properties ?? {}) as Record<string, Schema>;
  const valid = Object.entries(properties).map(([key, schema]) =>
    fc.option(
      validValue(schema, context, key).map((value) => `${encode(key)}=${encode(String(value))}`),
      { nil: null },
    ),
  );
  const validPairs = fc.tuple(...valid).map((pairs) => pairs.filter((pair): pair is string => pair !== null));
  const names = Object.keys(properties);
  const oddQueryValue = fc.constantFrom(...ODD_QUERY_VALUES);
  // A parameter of the operation with an odd value; the cursor with forged cursors as often.
  const oddParameter = names.map((name) =>
    (name === 'cursor' ? fc.oneof(fc.constantFrom(...ODD_CURSORS), oddQueryValue) : oddQueryValue).map((value) => `${name}=${value}`),
  );
  const oddPair = fc.oneof(
    ...(oddParameter.length > 0 ? oddParameter : [oddQueryValue.map((value) => `limit=${value}`)]),
    fc.tuple(fc.constantFrom(...ODD_QUERY_KEYS), fc.constantFrom(...ODD_QUERY_VALUES)).map(([key, value]) => `${key}=${value}`),
    names.length > 0
      ? fc.constantFrom(...names.flatMap((name) => [`${name}=1&${name}=2`, `${name}[]=1`, `${name}`, `${name}=`]))
      : fc.constant('x'),
  );
  const pairs = fc.oneof(
    { arbitrary: validPairs, weight: 3 },
    fc.tuple(validPairs, fc.array(oddPair, { minLength: 1, maxLength: 3 })).map(([good, bad]) => [...good, ...bad]),
  );
  return pairs.map((list) => (list.length === 0 ? '' : `?${list.join('&')}`));
}

/** Authorization for the operation: the right credentials mostly, sometimes none or bad ones. */
function authHeaders(operation: Operation, credentials: Credentials): fc.Arbitrary<Record<string, string>> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const right =
    operation.auth === 'admin'
      ? fc.constant(bearer(credentials.admin))
      : operation.auth === 'apiKey'
        ? fc.constant({ 'x-api-key': credentials.apiKey })
        : operation.auth === 'employee'
          ? fc.constantFrom(bearer(credentials.employee), bearer(credentials.admin), ...(operation.tokenInBody ? [{}] : []))
          : fc.constant({});
  const wrong = fc.constantFrom<Record<string, string>>(
    {},
    ...credentials.bad.map(bearer),
    { authorization: 'Bearer' },
    { authorization: 'Basic YTpi' },
    { authorization: `Bearer ${'a'.repeat(10_000)}` },
    { 'x-api-key': 'wrong-key' },
    { 'x-api-key': '' },
    { 'x-api-key': 'k'.repeat(5_000) },
  );
  return fc.oneof({ arbitrary: right, weight: 12 }, wrong);
}

const idempotencyKeys = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9-]{8,40}$/), weight: 8 },
  fc.constantFrom('fuzz-reused-key', '', ' ', 'x'.repeat(201), 'caf\u00e9', '\u00ff\u00fe', 'a b'),
);

/** One request to `operation`, its parts valid or mutated. `knownIds` are path parameter values the server has. */
export function requestFor(
  operation: Operation,
  context: SchemaContext,
  credentials: Credentials,
  knownIds: readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const params = pathParams(operation.path);
  const path = fc
    .tuple(...params.map(() => pathValue(knownIds)))
    .map((values) => params.reduce((result, name, index) => result.replace(`{${name}}`, values[index]!), operation.path));
  const bodySchema = operation.body as Schema | undefined;
  const validText = bodySchema === undefined ? fc.constant('{}') : validValue(bodySchema, context).map(toJsonText);
  const body: fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> = fc.oneof(
    { arbitrary: validText, weight: 3 },
    { arbitrary: bodySchema === undefined ? fc.constant(undefined) : nearValid(bodySchema, context).map(toJsonText), weight: 4 },
    { arbitrary: garbageBodies(validText), weight: 2 },
  );
  const contentType = fc.oneof(
    { arbitrary: fc.constant<string | null>('application/json'), weight: 10 },
    fc.constantFrom(...CONTENT_TYPES),
  );
  const key = operation.idempotencyKey === undefined ? fc.constant(null) : fc.option(idempotencyKeys, { freq: 8, nil: null });
  // Now and then another method on the same path: another route's, or one no route takes.
  const method = fc.oneof({ arbitrary: fc.constant(operation.method), weight: 15 }, fc.constantFrom(...OTHER_METHODS));
  return fc
    .record({
      method,
      path,
      query: queryString(operation.query as Schema | undefined, context),
      auth: authHeaders(operation, credentials),
      body,
      contentType,
      key,
    })
    .map(({ method, path, query, auth, body: drawn, contentType, key }) => {
      const headers: Record<string, string> = { ...auth };
      const body = method === 'GET' || method === 'HEAD' ? undefined : drawn;
      if (key !== null) headers['idempotency-key'] = key;
      if (body !== undefined && contentType !== null) headers['content-type'] = contentType;
      return { method, path: `${path}${query}`, headers, ...(body === undefined ? {} : { body }) };
    });
}
