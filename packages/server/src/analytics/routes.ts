import type { Hono } from 'hono';
import { analyticsSummary } from './summary.js';
import { analyticsWindow } from './window.js';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';

export function analyticsRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'adminAnalytics', async (_c, { query, reply }) => {
    return reply(await analyticsSummary(s.db, s.dialect, analyticsWindow(query, new Date()), s.config.rules.reach));
  });
}
