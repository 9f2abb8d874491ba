// Writes what is generated from the contract (src/contract/operations.ts): httpBackend's route
// table (src/contract/routes.generated.ts) and the route table in docs/http-api.md.
// Run with `pnpm generate` after changing an operation; src/contract/generated.test.ts fails when
// a committed copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { routesModule, routeTable } from '../src/contract/openapi.ts';
import { DOCS_BEGIN, DOCS_END, withRouteTable } from '../src/contract/docs-file.ts';

const routesFile = fileURLToPath(new URL('../src/contract/routes.generated.ts', import.meta.url));
const docsFile = fileURLToPath(new URL('../../../docs/http-api.md', import.meta.url));

writeFileSync(routesFile, routesModule());
console.log(`wrote ${routesFile}`);
const docs = readFileSync(docsFile, 'utf8');
if (!docs.includes(DOCS_BEGIN) || !docs.includes(DOCS_END)) throw new Error(`${docsFile} lacks the ${DOCS_BEGIN} … ${DOCS_END} markers`);
writeFileSync(docsFile, withRouteTable(docs, routeTable()));
console.log(`wrote the route table of ${docsFile}`);
