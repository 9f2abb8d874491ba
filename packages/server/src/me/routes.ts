import { handle } from '../http/operation.js';
import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { teamNameIn } from '../people/taxonomy.js';
import { acceptPolicy } from '../policy/compliance.js';

export function meRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'getMe', (c, { reply }) => reply(c.get('employee')));

  // The version read (or the current one) is accepted; see policy/compliance.ts.
  handle(api, s, 'acceptPolicy', async (c, { body, reply }) => {
    const me = c.get('employee');
    await s.limits.writes.take(me.id);
    return reply(await acceptPolicy(s.db, me, body?.version));
  });

  handle(api, s, 'listTopics', async (_c, { reply }) => {
    // Archived topics leave the pickers (posts keep them); an admin's order, then id.
    const rows = await s.db
      .selectFrom('topics')
      .select(['id', 'names'])
      .where('archived_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute();
    return reply({ items: rows.map((row) => ({ id: row.id, names: JSON.parse(row.names) })) });
  });

  handle(api, s, 'listTeams', async (c, { reply }) => {
    // Archived teams leave the pickers (shares and results keep them); names in the employee's language.
    const rows = await s.db
      .selectFrom('teams')
      .select(['id', 'name', 'names'])
      .where('archived_at', 'is', null)
      .orderBy('position')
      .orderBy('name')
      .orderBy('id')
      .execute();
    const locale = c.get('employee').locale;
    return reply({ items: rows.map((row) => ({ id: row.id, name: teamNameIn(row, locale) })) });
  });
}
