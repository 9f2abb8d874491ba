import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { badRequest, ScimError } from './errors.js';

export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Largest page a list answers (ServiceProviderConfig `filter.maxResults`); larger `count`s get this many. */
export const MAX_RESULTS = 200;
const DEFAULT_COUNT = 100;

/** `startIndex` (1-based) and `count` of a list request (RFC 7644 §3.4.2.4): out-of-range values are clamped, not refused. */
export function pageOf(c: Context<AppEnv>): { offset: number; count: number } {
  const number = (name: string, fallback: number): number => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    if (!/^-?\d{1,15}$/.test(raw.trim())) throw badRequest('invalidValue', `${name} must be an integer.`);
    return Number(raw.trim());
  };
  const startIndex = Math.max(1, number('startIndex', 1));
  const count = Math.min(MAX_RESULTS, Math.max(0, number('count', DEFAULT_COUNT)));
  return { offset: startIndex - 1, count };
}

export function listResponse(resources: unknown[], total: number, offset: number) {
  return { schemas: [LIST_SCHEMA], totalResults: total, startIndex: offset + 1, itemsPerPage: resources.length, Resources: resources };
}

/** The JSON body of a SCIM request (`application/scim+json` or `application/json`). */
export async function readBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('invalidSyntax', 'The body is not valid JSON.');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('invalidSyntax', 'The body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** A unique index refused the write: SQLite's message, PostgreSQL's code 23505. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (error as { code?: string }).code === '23505' || /UNIQUE constraint failed/.test(error.message);
}

export const uniqueness = (detail: string) => new ScimError(409, detail, 'uniqueness');

/** `excludedAttributes=members` (Entra ID) and `attributes=…`: whether `name` is left out of the answer. */
export function excluded(c: Context<AppEnv>, name: string): boolean {
  const list = (raw: string | undefined) => (raw ?? '').split(',').map((item) => item.trim().toLowerCase());
  const lower = name.toLowerCase();
  if (list(c.req.query('excludedAttributes')).includes(lower)) return true;
  const attributes = c.req.query('attributes');
  return attributes !== undefined && attributes.trim() !== '' && !list(attributes).includes(lower);
}
