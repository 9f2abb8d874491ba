import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '@advocacy-kit/core/contract';

const document = openApiDocument() as { components: { schemas: Record<string, unknown> } };
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'https://advocacy-kit.dev/openapi.json', components: document.components });
const compiled = new Map<string, ValidateFunction>();

/** Asserts a response body matches the named schema of the OpenAPI document. */
export function assertSchema(name: string, value: unknown): void {
  let validate = compiled.get(name);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `https://advocacy-kit.dev/openapi.json#/components/schemas/${name}` });
    compiled.set(name, validate);
  }
  assert.ok(
    validate(value),
    `${name} does not match the OpenAPI schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 500)}`,
  );
}
