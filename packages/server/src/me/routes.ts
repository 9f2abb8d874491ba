import type { Hono } from 'hono';
import { findEmployee } from '../auth/employees.js';
import type { AppEnv, Services } from '../context.js';
import { nowIso } from '../ids.js';

export function meRoutes(api: Hono<AppEnv>, s: Services): void {
  api.get('/me', (c) => {
    s.validator.query('getMe', c.req.query());
    return c.json(c.get('employee'));
  });

  api.post('/me/policy-acceptance', async (c) => {
    const me = c.get('employee');
    s.limits.writes.take(me.id);
    await s.db
      .updateTable('employees')
      .set({ policy_accepted_at: nowIso() })
      .where('id', '=', me.id)
      .where('policy_accepted_at', 'is', null)
      .execute();
    const stored = await findEmployee(s.db, me.id);
    return c.json({ ...me, policyAcceptedAt: stored?.policyAcceptedAt ?? null });
  });

  api.get('/topics', async (c) => {
    s.validator.query('listTopics', c.req.query());
    const rows = await s.db.selectFrom('topics').selectAll().orderBy('id').execute();
    return c.json({ items: rows.map((row) => ({ id: row.id, names: JSON.parse(row.names) })) });
  });

  api.get('/teams', async (c) => {
    s.validator.query('listTeams', c.req.query());
    return c.json({ items: await s.db.selectFrom('teams').select(['id', 'name']).orderBy('name').orderBy('id').execute() });
  });
}
