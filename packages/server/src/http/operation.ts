import {
  operations,
  type BodyOf,
  type Operation,
  type OperationId,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from '@advocacy-kit/core/contract';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { requireApiKey } from '../auth/api-keys.js';
import { requireAdmin, requireEmployee } from '../auth/middleware.js';
import type { AppEnv, Services } from '../context.js';
import { idempotencyKey, readJson } from './body.js';

/** What a handler gets: the request as the contract types it, validated. */
export interface OperationRequest<Id extends OperationId> {
  params: ParamsOf<Id>;
  query: QueryOf<Id>;
  body: BodyOf<Id>;
  /** The Idempotency-Key header where the operation takes one (`null` when optional and absent). */
  idempotencyKey: string | null;
  /** A JSON answer whose body must be the operation's response type; default status: the first it lists. */
  reply(body: ResponseOf<Id>, status?: number): Response;
}

export type OperationHandler<Id extends OperationId> = (c: Context<AppEnv>, request: OperationRequest<Id>) => Response | Promise<Response>;

/**
 * Registers the handler of one operation of the contract: its method and path, who may call it
 * (a signed-in employee, an admin, or one of the company's systems with an API key; an operation
 * whose token may come in the body authenticates in its handler), its Idempotency-Key header, and its query and
 * body validated against the operation's schemas (400 / 422 problems with field errors).
 */
export function handle<Id extends OperationId>(app: Hono<AppEnv>, s: Services, id: Id, handler: OperationHandler<Id>): void {
  const operation: Operation = operations[id];
  const path = operation.path.replace(/\{(\w+)\}/g, ':$1');
  const guards: MiddlewareHandler<AppEnv>[] = [];
  // An employee's read may use the sign-in cache; a write or an admin's request reads the employee now.
  const exact = operation.method !== 'GET' || operation.auth === 'admin';
  if ((operation.auth === 'employee' && operation.tokenInBody === undefined) || operation.auth === 'admin')
    guards.push(requireEmployee(s, { exact }));
  if (operation.auth === 'admin') guards.push(requireAdmin());
  if (operation.auth === 'apiKey') guards.push(requireApiKey(s));
  const success = Number(Object.keys(operation.responses)[0]);
  const allowTextPlain = operation.bodyTypes?.includes('text/plain') ?? false;

  app.on(operation.method, [path], ...guards, async (c: Context<AppEnv>) => {
    const params = s.validator.params(c.req.param() as ParamsOf<Id>);
    const query = s.validator.query(id, c.req.query());
    const key = operation.idempotencyKey === undefined ? null : idempotencyKey(c, operation.idempotencyKey === 'required');
    // An optional body may be left out: no Content-Type, or nothing in it.
    const absent = operation.bodyOptional === true && (c.req.header('content-type') === undefined || (await c.req.text()).trim() === '');
    const body = (
      operation.body === undefined || absent ? undefined : s.validator.body(id, await readJson(c, { allowTextPlain }))
    ) as BodyOf<Id>;
    return handler(c, {
      params,
      query,
      body,
      idempotencyKey: key,
      reply: (answer, status = success) => c.json(answer as unknown as object, status as 200),
    });
  });
}
