import { handle } from '../http/operation.js';
import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { acceptPolicy } from '../policy/compliance.js';

export function meRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'getMe', (c, { reply }) => reply(c.get('employee')));

  // The version read (or the current one) is accepted; see policy/compliance.ts.
  handle(api, s, 'acceptPolicy', async (c, { body, reply }) => {
    const me = c.get('employee');
    s.limits.writes.take(me.id);
    return reply(await acceptPolicy(s.db, me, body?.version));
  });

  handle(api, s, 'listTopics', async (_c, { reply }) => {
    const rows = await s.db.selectFrom('topics').selectAll().orderBy('id').execute();
    return reply({ items: rows.map((row) => ({ id: row.id, names: JSON.parse(row.names) })) });
  });

  handle(api, s, 'listTeams', async (_c, { reply }) => {
    return reply({ items: await s.db.selectFrom('teams').select(['id', 'name']).orderBy('name').orderBy('id').execute() });
  });
}
