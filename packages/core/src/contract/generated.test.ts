import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DOCS_BEGIN, DOCS_END, withRouteTable } from './docs-file.js';
import { routesModule, routeTable } from './openapi.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const stale = 'is stale: run `pnpm generate` and commit the result';

test('routes.generated.ts is what the operations table generates', () => {
  assert.equal(read('./routes.generated.ts'), routesModule(), `src/contract/routes.generated.ts ${stale}`);
});

test("docs/http-api.md's route table is what the operations table generates", () => {
  const docs = read('../../../../docs/http-api.md');
  assert.ok(docs.includes(DOCS_BEGIN) && docs.includes(DOCS_END), 'docs/http-api.md keeps the route table markers');
  assert.equal(docs, withRouteTable(docs, routeTable()), `docs/http-api.md ${stale}`);
});
