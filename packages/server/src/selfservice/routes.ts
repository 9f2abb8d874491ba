import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { described, withResults } from './history.js';

/**
 * What an employee reads of their own history: their shares with what each earned, and their
 * points ledger told in words. Only ever the signed-in employee's own rows: no parameter names
 * anyone, and a cursor only positions within the employee's own list.
 */
export function selfServiceRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'listMyShares', async (c, { query, reply }) => {
    const me = c.get('employee');
    const select = s.db
      .selectFrom('shares')
      .leftJoin('posts', 'posts.id', 'shares.post_id')
      .selectAll('shares')
      .select('posts.title as post_title')
      .where('shares.employee_id', '=', me.id);
    const rows = await newestFirst(select, query, 'shares.created_at', 'shares.id');
    const page = toPage(
      rows,
      query.limit,
      (row) => row,
      (row) => ({ key: row.created_at, id: row.id }),
    );
    return reply({ items: await withResults(s.db, me.id, page.items, s.config.publicUrl), nextCursor: page.nextCursor });
  });

  handle(api, s, 'listMyPoints', async (c, { query, reply }) => {
    const me = c.get('employee');
    const select = s.db.selectFrom('points_ledger').selectAll().where('employee_id', '=', me.id);
    const rows = await newestFirst(select, query, 'created_at', 'id');
    const page = toPage(
      rows,
      query.limit,
      (row) => row,
      (row) => ({ key: row.created_at, id: row.id }),
    );
    return reply({ items: await described(s.db, me.id, page.items), nextCursor: page.nextCursor });
  });
}
