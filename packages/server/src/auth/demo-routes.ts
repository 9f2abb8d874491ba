import type { Hono } from 'hono';
import { findEmployee } from './employees.js';
import { mintDemoToken } from './tokens.js';
import type { AppEnv, Services } from '../context.js';
import { toEmployee } from '../db/rows.js';
import { handle } from '../http/operation.js';
import { notFound } from '../http/problem.js';

/**
 * Demo sign-in: pick a seeded employee, get an HS256 token for them. Answers 404 unless demo
 * auth is enabled (ADVOCACY_DEMO_AUTH=1), so a production deployment exposes nothing.
 */
export function demoAuthRoutes(api: Hono<AppEnv>, s: Services): void {
  const enabled = () => {
    if (!s.config.auth.demo) throw notFound('Demo sign-in is not enabled on this server.');
  };

  handle(api, s, 'demoEmployees', async (_c, { reply }) => {
    enabled();
    const rows = await s.db
      .selectFrom('employees')
      .leftJoin('teams', 'teams.id', 'employees.team_id')
      .selectAll('employees')
      .select('teams.name as team_name')
      .orderBy('employees.display_name')
      .orderBy('employees.id')
      .limit(100)
      .execute();
    return reply({ items: rows.map(toEmployee) });
  });

  handle(api, s, 'demoToken', async (_c, { body: { employeeId }, reply }) => {
    enabled();
    const employee = await findEmployee(s.db, employeeId);
    if (employee === null) throw notFound('No seeded employee has this id.');
    const token = await mintDemoToken(s.config.auth, {
      sub: employee.id,
      name: employee.displayName,
      team: employee.team,
      roles: employee.role === 'admin' ? ['admin'] : [],
    });
    return reply({ token, employee });
  });
}
