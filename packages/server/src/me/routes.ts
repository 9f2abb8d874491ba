import { handle } from '../http/operation.js';
import type { Hono } from 'hono';
import { findEmployee } from '../auth/employees.js';
import type { AppEnv, Services } from '../context.js';
import { nowIso } from '../ids.js';
import { teamNameIn } from '../people/taxonomy.js';

export function meRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'getMe', (c, { reply }) => reply(c.get('employee')));

  handle(api, s, 'acceptPolicy', async (c, { reply }) => {
    const me = c.get('employee');
    s.limits.writes.take(me.id);
    await s.db
      .updateTable('employees')
      .set({ policy_accepted_at: nowIso() })
      .where('id', '=', me.id)
      .where('policy_accepted_at', 'is', null)
      .execute();
    const stored = await findEmployee(s.db, me.id);
    return reply({ ...me, policyAcceptedAt: stored?.policyAcceptedAt ?? null });
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
