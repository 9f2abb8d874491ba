import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApiDocument, operations, rootRoutes, schemas, type Operation } from '@advocacy-kit/core/contract';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { forEachDatabase } from './support/databases.js';
import { API, signToken, startHarness, type Harness } from './support/harness.js';

type Document = {
  paths: Record<string, Record<string, { parameters?: Array<{ schema: unknown }> }>>;
  components: { schemas: Record<string, unknown> };
};

describe('the OpenAPI document generated from the contract', () => {
  const document = openApiDocument() as unknown as Document;

  it('is the committed openapi.json', () => {
    const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
    assert.deepEqual(committed, document, 'run `pnpm --filter @advocacy-kit/server build` to regenerate openapi.json');
  });

  it('has components that compile as JSON Schema 2020-12, with every $ref resolving', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    ajv.addSchema({ $id: 'https://advocacy-kit.dev/openapi.json', components: document.components });
    for (const name of Object.keys(document.components.schemas)) {
      assert.doesNotThrow(() => ajv.getSchema(`https://advocacy-kit.dev/openapi.json#/components/schemas/${name}`), name);
    }
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/(\w+)"/g))
      assert.ok(document.components.schemas[name!], `$ref to ${name}`);
  });

  it('lists one path item per path of the contract, with every operation under its method', () => {
    for (const [operationId, operation] of Object.entries(operations) as Array<[string, Operation]>) {
      assert.equal(
        (document.paths[operation.path]?.[operation.method.toLowerCase()] as { operationId?: string })?.operationId,
        operationId,
      );
    }
  });
});

describe('the health probes in the OpenAPI document', () => {
  const document = openApiDocument('https://go.example.test') as unknown as {
    paths: Record<string, { servers?: Array<{ url: string }>; get?: { operationId: string } }>;
  };

  it('are described at the server root, outside the API base', () => {
    for (const [operationId, route] of Object.entries(rootRoutes)) {
      assert.deepEqual(document.paths[route.path]?.servers, [{ url: 'https://go.example.test' }]);
      assert.equal(document.paths[route.path]?.get?.operationId, operationId);
    }
  });

  it('list the 503 database_unavailable problem on every API operation', () => {
    for (const operation of Object.values(operations) as Operation[]) {
      const responses = (document.paths[operation.path] as unknown as Record<string, { responses: Record<string, unknown> }>)[
        operation.method.toLowerCase()
      ]!.responses;
      assert.ok(responses['503'], `${operation.method} ${operation.path}`);
    }
  });
});

forEachDatabase('the health probes answer what the contract says', (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open());
  });
  after(() => h.close());

  it('GET /health/live, /health/ready and /health match their schemas', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const route of Object.values(rootRoutes)) {
      const response = await h.request('GET', route.path);
      assert.equal(response.status, 200, route.path);
      const validate = ajv.compile((route.responses as Record<number, { body: object }>)[200]!.body);
      assert.ok(validate(await response.json()), `${route.path}: ${JSON.stringify(validate.errors)}`);
    }
    assert.ok(schemas.HealthReady);
  });
});

forEachDatabase('every operation of the contract has a route', (open) => {
  let h: Harness;
  let admin: string;
  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  it('answers each operation with something other than "no route"', async () => {
    for (const [operationId, operation] of Object.entries(operations) as Array<[string, Operation]>) {
      const path = operation.path.replace(/\{\w+\}/g, 'unknown-id');
      const response = await h.request(operation.method, `${API}${path}`, { token: admin });
      const text = await response.text();
      assert.ok(
        !(response.status === 404 && text.includes('No route for')),
        `${operationId}: ${operation.method} ${operation.path} has no route`,
      );
    }
  });
});
