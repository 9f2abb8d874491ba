// Writes openapi.json from the document in src/openapi (run after `tsc -b`; part of `build`).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../dist/openapi/document.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'openapi.json');
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target}`);
