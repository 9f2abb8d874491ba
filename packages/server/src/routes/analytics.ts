import type { Hono } from 'hono';
import { analyticsSummary } from '../analytics/summary.js';
import { analyticsWindow } from '../analytics/window.js';
import type { AppEnv, Services } from '../context.js';

export function analyticsRoutes(api: Hono<AppEnv>, s: Services): void {
  api.get('/admin/analytics', async (c) => {
    const window = analyticsWindow(s.validator.query<{ from?: string; to?: string }>('adminAnalytics', c.req.query()), new Date());
    return c.json(await analyticsSummary(s.db, s.dialect, window, s.config.rules.reach));
  });
}
