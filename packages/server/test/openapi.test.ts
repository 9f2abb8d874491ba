import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApiDocument, operations, type Operation } from '@advocacy-kit/core/contract';
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
