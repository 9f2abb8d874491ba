import type { FieldError } from '@advocacy-kit/core';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { operations, type BodyOf, type Operation, type OperationId, type QueryOf } from '@advocacy-kit/core/contract';
import { invalid } from './problem.js';

function newAjv(coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes, useDefaults: coerceTypes });
  (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
  // RFC 3339 allows a leap second (`23:59:60`), which no JavaScript Date can hold: the handlers
  // would fail on it with a 500. A timestamp must also be one `Date.parse` reads.
  const rfc3339 = fullFormats['date-time'] as { validate: (value: string) => boolean };
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => rfc3339.validate(value) && !Number.isNaN(Date.parse(value)) });
  return ajv;
}

function fieldOf(error: ErrorObject): FieldError {
  const path = error.instancePath
    .split('/')
    .filter((part) => part !== '')
    .join('.');
  const join = (name: string) => (path === '' ? name : `${path}.${name}`);
  switch (error.keyword) {
    case 'required':
      return { field: join(String(error.params.missingProperty)), message: 'is required', code: 'required' };
    case 'dependentRequired':
      return {
        field: join(String(error.params.missingProperty)),
        message: `is required with ${String(error.params.property)}`,
        code: 'required',
      };
    case 'additionalProperties':
      return { field: join(String(error.params.additionalProperty)), message: 'is not a known field', code: 'unknown_field' };
    case 'maxLength':
    case 'maxItems':
    case 'maximum':
      return { field: path, message: error.message ?? 'is too large', code: 'too_long' };
    case 'minLength':
    case 'minItems':
    case 'minimum':
    case 'minProperties':
      return { field: path, message: error.message ?? 'is too small', code: 'too_short' };
    case 'type':
      return { field: path, message: error.message ?? 'has the wrong type', code: 'wrong_type' };
    case 'enum':
    case 'const':
      return {
        field: path,
        message: `must be one of ${JSON.stringify(error.params.allowedValues ?? [error.params.allowedValue])}`,
        code: 'invalid_value',
      };
    default:
      return { field: path, message: error.message ?? 'is invalid', code: `invalid_${error.keyword}` };
  }
}

/** Field errors without duplicates (oneOf branches repeat themselves). */
function fieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') continue;
    const field = fieldOf(error);
    const key = `${field.field}|${field.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(field);
  }
  return out;
}

const NUL_ERROR = { message: 'must not contain the NUL character (U+0000)', code: 'invalid_character' } as const;

/**
 * Field errors for every string in `value` holding U+0000. No field of the contract has a use for
 * it, PostgreSQL refuses it in text ("invalid byte sequence for encoding UTF8: 0x00"), and
 * SQLite would store it for every reader to trip on; the schemas cannot say "no NUL" for every
 * string, so this walk does.
 */
export function nulErrors(value: unknown): FieldError[] {
  interface Place {
    key: string;
    parent: Place | null;
  }
  const pathOf = (place: Place | null): string => {
    const keys: string[] = [];
    for (let at = place; at !== null; at = at.parent) keys.push(at.key);
    return keys.reverse().join('.');
  };
  const errors: FieldError[] = [];
  // A loop, not recursion, and a path spelled only for an error: a body may nest thousands deep.
  const pending: Array<[unknown, Place | null]> = [[value, null]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, place] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) errors.push({ field: pathOf(place), ...NUL_ERROR });
    } else if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, child] = entries[index]!;
        pending.push([child, { key, parent: place }]);
      }
    }
  }
  return errors;
}

/**
 * Validators compiled once from the contract's operations (`@advocacy-kit/core/contract`):
 * request bodies (unknown fields rejected) and queries (strings coerced, defaults filled, unknown
 * parameters rejected), by operation.
 */
export class RequestValidator {
  private readonly bodies = new Map<string, ValidateFunction>();
  private readonly queries = new Map<string, ValidateFunction>();

  constructor() {
    const bodyAjv = newAjv(false);
    const queryAjv = newAjv(true);
    for (const [operationId, operation] of Object.entries(operations) as Array<[OperationId, Operation]>) {
      if (operation.body !== undefined) this.bodies.set(operationId, bodyAjv.compile(operation.body));
      // No query parameter is required on the wire: those a handler always sees have defaults.
      const query = operation.query ?? { type: 'object', properties: {}, additionalProperties: false };
      this.queries.set(operationId, queryAjv.compile({ ...query, required: [] }));
    }
  }

  /** The body as the operation's type, or a 422 problem listing every bad field. */
  body<Id extends OperationId>(operationId: Id, value: unknown): BodyOf<Id> {
    const validate = this.bodies.get(operationId);
    if (validate === undefined) throw new Error(`No body schema for ${operationId}`);
    const valid = validate(value);
    const errors = [...(valid ? [] : fieldErrors(validate.errors)), ...nulErrors(value)];
    if (errors.length > 0) throw invalid(422, 'The request body does not match the schema.', errors);
    return value as BodyOf<Id>;
  }

  /** Path parameters, which the route's pattern already shaped: a 400 problem for a NUL in one. */
  params<P extends Record<string, string>>(params: P): P {
    const errors = nulErrors(params);
    if (errors.length > 0) throw invalid(400, 'The path is not valid.', errors);
    return params;
  }

  /** Query parameters (empty values count as absent), coerced, with defaults; or a 400 problem. */
  query<Id extends OperationId>(operationId: Id, raw: Record<string, string>): QueryOf<Id> {
    const validate = this.queries.get(operationId)!;
    const value: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(raw)) if (item !== '') value[key] = item;
    const valid = validate(value);
    const errors = [...(valid ? [] : fieldErrors(validate.errors)), ...nulErrors(value)];
    if (errors.length > 0) throw invalid(400, 'The query is not valid.', errors);
    return value as QueryOf<Id>;
  }
}
