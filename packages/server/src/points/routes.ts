import { handle } from '../http/operation.js';
import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { boardsOf } from './boards.js';
import { boardRanking } from './leaderboard.js';
import { myStats } from './my-stats.js';

export function pointsRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'getMyStats', async (c, { query, reply }) => {
    return reply(await myStats(s.db, s.dialect, c.get('employee'), query.period, new Date()));
  });

  handle(api, s, 'getLeaderboard', async (c, { query, reply }) => {
    const me = c.get('employee');
    const result = await boardRanking(
      s.db,
      boardsOf(s.db, s.dialect, s.config.leaderboardStalenessMs, s.dialect === 'sqlite' ? s.config.sqliteFile : null),
      { period: query.period, team: query.scope === 'team' ? me.team : null, limit: query.limit, employeeId: me.id },
    );
    return reply({ period: query.period, scope: query.scope, ...result });
  });
}
