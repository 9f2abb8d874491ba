import type { AdvocacyAdminBackend } from './backend.js';

/** One call of an operation: its `{id}` path parameter, query, JSON body and idempotency key. */
export interface HttpCallOptions {
  id?: string;
  query?: object;
  body?: unknown;
  key?: string | null;
  /** The answer is text (a CSV export), not JSON. */
  text?: boolean;
}

/**
 * Calls an operation of the contract through one `httpBackend`: `route` is its "METHOD path"
 * (a GET is the path alone) from routes.generated.ts. Rejects with an `AdvocacyError`.
 */
export type HttpCall = <T>(route: string, options?: HttpCallOptions) => Promise<T>;

/**
 * Builds the program-admin methods of an `httpBackend` over its `call`. The one Advocacy Kit
 * ships is `httpAdmin` from `@advocacy-kit/core/admin`, kept off the main entry so employee
 * bundles don't carry the admin routes.
 */
export type HttpAdminFactory = (call: HttpCall) => AdvocacyAdminBackend;

/**
 * Where `installHttpAdmin()` leaves its factory for every `httpBackend` on the page, including
 * those of another copy of core (a feed bundle and an admin bundle each carry their own). The
 * suffix is the version of the `HttpCall` protocol: change it if `HttpCall` changes.
 */
const HTTP_ADMIN_KEY = Symbol.for('advocacy-kit.http-admin/1');
const slot = globalThis as unknown as Record<symbol, HttpAdminFactory | undefined>;

/** The factory `installHttpAdmin()` installed on this page, by this copy of core or another. */
export const installedHttpAdmin = (): HttpAdminFactory | undefined => slot[HTTP_ADMIN_KEY];

/** Installs `factory` for the whole page unless one is installed already (the first one stays). */
export function installHttpAdminFactory(factory: HttpAdminFactory): void {
  slot[HTTP_ADMIN_KEY] ??= factory;
}
