import type { Hono } from 'hono';
import type { Migration } from 'kysely';
import type { AppEnv, Services } from './context.js';

/**
 * One capability of the server (feed, shares, tracking, …), from its folder: its routes and the
 * migrations of its tables. app.ts mounts the list in capabilities.ts in order; migrations.ts
 * collects their migrations.
 */
export interface Capability {
  /** The capability's folder. */
  name: string;
  /** Routes at the server's root, outside the API and its middleware (the `/r/:code` redirect). */
  rootRoutes?(app: Hono<AppEnv>, services: Services): void;
  /**
   * API routes: the handlers of the contract's operations (`handle()` in http/operation.ts), each
   * guarded as its operation says (anyone, a signed-in employee, an admin, an API key).
   */
  routes?(api: Hono<AppEnv>, services: Services): void;
  /** The released migrations of the capability's tables, by name (see migrations.ts). */
  migrations?: Readonly<Record<string, Migration>>;
}
