// Writes openapi.json, the document generated from the contract (`@advocacy-kit/core/contract`);
// part of `build`. test/openapi.test.ts fails when the committed copy is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '@advocacy-kit/core/contract';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'openapi.json');
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
