import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CONTENT_KINDS, CONVERSION_TYPES, EVENT_TYPES, NETWORK_IDS, PERIODS, POST_STATUSES, SCOPES } from '@advocacy-kit/core';
import ts from 'typescript';
import { openApiDocument, operations } from '../src/openapi/document.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const contractPath = join(dirname(require.resolve('@advocacy-kit/core/package.json')), 'src/backend/contract.ts');
const source = ts.createSourceFile(contractPath, readFileSync(contractPath, 'utf8'), ts.ScriptTarget.Latest, true);

/** Each interface of contract.ts: property name → optional?, with `extends` resolved. */
function interfaces(): Map<string, Map<string, boolean>> {
  const declarations = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) declarations.set(node.name.text, node);
  });
  const resolve = (name: string): Map<string, boolean> => {
    const node = declarations.get(name);
    assert.ok(node, `interface ${name} in contract.ts`);
    const props = new Map<string, boolean>();
    for (const clause of node.heritageClauses ?? []) {
      for (const type of clause.types) for (const [key, optional] of resolve(type.expression.getText(source))) props.set(key, optional);
    }
    for (const member of node.members) {
      if (ts.isPropertySignature(member)) props.set(member.name.getText(source), member.questionToken !== undefined);
    }
    return props;
  };
  return new Map([...declarations.keys()].map((name) => [name, resolve(name)]));
}

interface ObjectSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}

const document = openApiDocument() as { components: { schemas: Record<string, ObjectSchema & { oneOf?: ObjectSchema[]; enum?: string[] }> } };
const schemas = document.components.schemas;

/** Same property names, and a property is required in the schema exactly when it is not optional in TS. */
function assertSameShape(label: string, props: Map<string, boolean>, schema: ObjectSchema, ignore: string[] = []) {
  const expected = [...props.keys()].filter((key) => !ignore.includes(key)).sort();
  assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), expected, `${label}: property names`);
  const required = expected.filter((key) => props.get(key) === false).sort();
  assert.deepEqual([...(schema.required ?? [])].sort(), required, `${label}: required properties`);
}

/** Interface → schema of the same name unless mapped here; `null` marks types that are not a wire shape of their own. */
const SCHEMA_FOR: Record<string, string | null> = {
  ShareInput: 'ShareCreate',
  Page: null, // generic: checked through PostPage, SharePage, … below
  PageQuery: null, // query parameters: checked against operations below
  FeedQuery: null,
  LeaderboardQuery: null,
  AdminPostQuery: null,
  SuggestionQuery: null,
  AnalyticsQuery: null,
};

/** Query interfaces and the operation whose parameters must match them. */
const QUERY_OPERATIONS: Record<string, { path: string; method: string }> = {
  PageQuery: { path: '/me/shares', method: 'get' },
  FeedQuery: { path: '/feed', method: 'get' },
  LeaderboardQuery: { path: '/leaderboard', method: 'get' },
  AdminPostQuery: { path: '/admin/posts', method: 'get' },
  SuggestionQuery: { path: '/admin/suggestions', method: 'get' },
  AnalyticsQuery: { path: '/admin/analytics', method: 'get' },
};

describe('OpenAPI document and core contract stay in step', () => {
  const all = interfaces();

  for (const [name, props] of all) {
    const mapped = SCHEMA_FOR[name];
    const schemaName = mapped === undefined ? name : mapped;
    if (schemaName === null) continue;
    it(`${name} matches components.schemas.${schemaName}`, () => {
      const schema = schemas[schemaName];
      assert.ok(schema, `components.schemas.${schemaName} exists for interface ${name}`);
      // The idempotency key travels in the Idempotency-Key header, not in the body.
      assertSameShape(name, props, schema, name === 'ShareInput' ? ['idempotencyKey'] : []);
    });
  }

  it('every page schema carries items and nextCursor like Page<T>', () => {
    const page = all.get('Page')!;
    for (const name of ['PostPage', 'AdminPostPage', 'SharePage', 'PointsPage', 'SuggestionPage', 'AdminSuggestionPage']) assertSameShape(name, page, schemas[name]!);
  });

  for (const [name, { path, method }] of Object.entries(QUERY_OPERATIONS)) {
    it(`${name} matches the query parameters of ${method.toUpperCase()} ${path}`, () => {
      const query = operations[path]?.[method]?.query ?? {};
      assert.deepEqual(Object.keys(query).sort(), [...all.get(name)!.keys()].sort());
    });
  }

  it('SuggestionReview is the union of approve and reject', () => {
    const [approve, reject] = schemas.SuggestionReview!.oneOf!;
    assert.deepEqual(Object.keys(approve!.properties!).sort(), ['decision', 'post']);
    assert.deepEqual(approve!.required, ['decision']);
    assert.deepEqual(Object.keys(reject!.properties!).sort(), ['decision', 'reason']);
    assert.deepEqual(reject!.required!.sort(), ['decision', 'reason']);
  });

  it('enumerations match core', () => {
    const enumOf = (schema: unknown) => (schema as { enum: string[] }).enum;
    assert.deepEqual(enumOf(schemas.NetworkId), [...NETWORK_IDS]);
    assert.deepEqual(enumOf(schemas.Post!.properties!.kind), [...CONTENT_KINDS]);
    assert.deepEqual(enumOf(schemas.Post!.properties!.status), [...POST_STATUSES]);
    assert.deepEqual(enumOf(schemas.MyStats!.properties!.period), [...PERIODS]);
    assert.deepEqual(enumOf(schemas.Leaderboard!.properties!.scope), [...SCOPES]);
    assert.deepEqual(enumOf(schemas.AdvocacyEvent!.properties!.type), [...EVENT_TYPES]);
    assert.deepEqual(enumOf(schemas.Conversion!.properties!.type), [...CONVERSION_TYPES]);
  });

  it('the committed openapi.json is the generated document', () => {
    const committed = JSON.parse(readFileSync(join(here, '..', 'openapi.json'), 'utf8'));
    assert.deepEqual(committed, openApiDocument(), 'run `pnpm --filter @advocacy-kit/server build` to regenerate openapi.json');
  });
});
