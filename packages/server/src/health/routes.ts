import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { runReadiness } from './readiness.js';

const NO_STORE = { 'cache-control': 'no-store' };

/**
 * `/health/live`: the process answers (restart it when not). `/health/ready`: it can do its work —
 * the database takes a write, clicks are not piling up, the schedulers keep time — 503 otherwise,
 * with each check's words (take it out of the load balancer, do not restart it). `/health` is
 * the same as ready.
 */
export function healthRoutes(app: Hono<AppEnv>, s: Services): void {
  app.get('/health/live', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  const ready = async () => {
    const { ok, checks } = await runReadiness(s.readiness);
    return new Response(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: s.dialect, checks }), {
      status: ok ? 200 : 503,
      headers: { 'content-type': 'application/json', ...NO_STORE, ...(ok ? {} : { 'retry-after': '5' }) },
    });
  };
  app.get('/health/ready', ready);
  app.get('/health', ready);
}
