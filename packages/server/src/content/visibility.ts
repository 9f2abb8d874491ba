import type { Employee } from '@advocacy-kit/core';
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Posts an employee may see now: published, publish time reached, not expired, and in the
 * audience (no team rule or the employee's team; no role rule or the employee's role).
 */
export function visibleTo(employee: Employee, now: string) {
  return (eb: ExpressionBuilder<Database, 'posts'>) => {
    const rule = (kind: 'team' | 'role', value: string) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('post_audience')
              .select('post_audience.post_id')
              .whereRef('post_audience.post_id', '=', 'posts.id')
              .where('post_audience.kind', '=', kind),
          ),
        ),
        eb.exists(
          eb
            .selectFrom('post_audience')
            .select('post_audience.post_id')
            .whereRef('post_audience.post_id', '=', 'posts.id')
            .where('post_audience.kind', '=', kind)
            .where('post_audience.value', '=', value),
        ),
      ]);
    return eb.and([
      eb('posts.status', '=', 'published'),
      eb('posts.publish_at', '<=', now),
      eb.or([eb('posts.expire_at', 'is', null), eb('posts.expire_at', '>', now)]),
      rule('team', employee.team),
      rule('role', employee.role),
    ]);
  };
}
